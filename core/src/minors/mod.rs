//! Minors: the decision flow for someone who is or may be under 18, its action cards with
//! contacts ordered by the time of day, and the emergency-placement checklist for child-welfare
//! staff.

pub mod cards;
pub mod flow;
pub mod placement;
mod view;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::calendar::{Instant, holiday, local};
use crate::contacts::{Hours, OpenState};
use crate::content::check::{Checker, IssueKind};
use crate::content::source::SourceRef;
use crate::text::Text;
pub use cards::{Card, CardContact, CardLink, Dont, When};
pub use flow::{Answer, Flow, FlowSession, Step, StepOption};
pub use placement::{ItemState, ItemStatus, PlacementChecklist, PlacementItem, Progress};
pub use view::{
    AnsweredStep, CardLinkView, CardView, ContactLine, Graph, GraphCard, MinorsFlow, OptionView,
    PlacementItemView, PlacementView, StepView, Walk,
};

/// `minors.json`: the flow, the checklist and their interface strings.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinorsFile {
    /// The assumed office hours of child-welfare services.
    pub office_hours_assumption: OfficeHoursAssumption,
    /// The decision flow.
    pub flow: Flow,
    /// The emergency-placement checklist, in order.
    pub placement: Vec<PlacementItem>,
    /// Interface strings of these screens.
    pub strings: BTreeMap<String, Text>,
}

impl MinorsFile {
    /// The content and the interface strings, apart.
    pub fn split(self) -> (Minors, BTreeMap<String, Text>) {
        (
            Minors {
                office_hours_assumption: self.office_hours_assumption,
                flow: self.flow,
                placement: self.placement,
            },
            self.strings,
        )
    }
}

/// The minors' part of a content pack.
#[derive(Clone, Debug)]
pub struct Minors {
    /// The assumed office hours of child-welfare services.
    pub office_hours_assumption: OfficeHoursAssumption,
    /// The decision flow.
    pub flow: Flow,
    /// The emergency-placement checklist, in order.
    pub placement: Vec<PlacementItem>,
}

/// When child-welfare offices are assumed to be open.
///
/// No source states these hours. The assumption only orders contacts (the local service first
/// in office hours, the emergency service first otherwise); it is never shown as a fact, and
/// cards that depend on it always carry an always-open contact. Public holidays are outside
/// office hours.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeHoursAssumption {
    /// The assumed weekly hours, in Oslo local time.
    pub hours: Hours,
    /// The notice shown wherever the assumption orders contacts; fills in `{hours}` and
    /// `{always_open}`.
    pub notice: Text,
    /// Where the sources speak of child welfare's closing times without stating them.
    pub sources: Vec<SourceRef>,
}

/// Whether an instant falls within the assumed office hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    /// Within the assumed office hours.
    OfficeHours,
    /// Outside them, including weekends and public holidays.
    AfterHours,
}

impl OfficeHoursAssumption {
    /// The time of day at `at` under this assumption.
    pub fn time_of_day(&self, at: Instant) -> TimeOfDay {
        if holiday(local(at).date_naive()).is_some() {
            return TimeOfDay::AfterHours;
        }
        match self.hours.status(at).state {
            OpenState::Open => TimeOfDay::OfficeHours,
            OpenState::Closed
            | OpenState::AlwaysOpen
            | OpenState::NotStated
            | OpenState::Holiday => TimeOfDay::AfterHours,
        }
    }

    fn check(&self, c: &mut Checker<'_>) {
        const ITEM: &str = "office_hours_assumption";
        if !self.hours.is_weekly() {
            c.issue(
                ITEM,
                "hours",
                IssueKind::Invalid {
                    message: "assumed office hours must be weekly periods".into(),
                },
            );
        }
        self.hours.check(c, ITEM);
        c.template(ITEM, "notice", &self.notice, &["hours", "always_open"]);
        c.sources(ITEM, "sources", &self.sources);
    }
}

/// Checks `minors.json`; `always_open` tells whether a contact is open around the clock.
pub(crate) fn check(minors: &Minors, c: &mut Checker<'_>, always_open: &dyn Fn(&str) -> bool) {
    c.file("minors.json");
    minors.office_hours_assumption.check(c);
    flow::check(&minors.flow, c, always_open);
    placement::check(&minors.placement, c);
}
