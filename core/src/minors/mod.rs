//! Minors: the decision flow for someone who is or may be under 18, its action cards with
//! contacts ordered by the time of day, and the emergency-placement checklist for child-welfare
//! staff.

pub mod cards;
pub mod flow;
pub mod placement;
mod view;

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::contacts::hours::OfficeHoursAssumption;
pub use crate::contacts::hours::TimeOfDay;
use crate::content::check::Checker;
use crate::text::Text;
pub use cards::{Card, CardContact, CardLink, Dont, When};
pub use flow::{Answer, Flow, FlowSession, Step, StepOption};
pub use placement::{ItemStatus, PlacementChecklist, PlacementItem};
pub use view::{
    AnsweredStep, CardView, ContactLine, Graph, GraphCard, MinorsFlow, OptionView,
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

impl Minors {
    /// The ids of the emergency-placement checklist's items, in order.
    pub fn placement_ids(&self) -> impl Iterator<Item = &str> {
        self.placement.iter().map(|i| i.id.as_str())
    }
}

/// Checks `minors.json`; `always_open` tells whether a contact is open around the clock.
pub(crate) fn check(minors: &Minors, c: &mut Checker<'_>, always_open: &dyn Fn(&str) -> bool) {
    c.file("minors.json");
    minors.office_hours_assumption.check(c);
    flow::check(&minors.flow, c, always_open);
    placement::check(&minors.placement, c);
}
