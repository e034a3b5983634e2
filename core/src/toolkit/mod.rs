//! The professionals' toolkit: indicators, an assessment without a score, a conversation
//! guide, the duties engine, the rights checklist and the Learn section.
//!
//! [`Toolkit`] is the entry point the app model, the terminal and the bindings use. Every
//! output is a plain serialisable record in the caller's language; every input given as an
//! id is checked and refused with an error naming the bad value and the valid ones.

pub mod answers;
pub mod assessment;
pub mod content;
pub mod conversation;
pub mod duties;
pub mod indicators;
pub mod learn;
pub mod rights;

use std::sync::Arc;

use serde::Serialize;

pub use answers::{Consent, MinorAnswer, Residence, Role, YesNo};
pub use assessment::{Assessment, AssessmentResult, Flag};
pub use duties::{DutiesInput, DutiesPlan, DutyStep, Obligation};
pub use indicators::{
    ControlGroup, FlagKind, IndicatorCategory, IndicatorView, Sector, SettingView,
};

use indicators::Indicator;
pub use learn::LearnTopicView;
pub use rights::{RightStatus, RightsChecklist, RightsChecklistView, RightsProfile};

use crate::app::{Route, ScreenLink};
use crate::content::ContentPack;
use crate::content::source::{Citation, SourceRef, cite, merge};
use crate::content::ui::Key;
use crate::locale::Locales;
use crate::text::Text;

/// A contact named by an item, ready to link to (`contact/<id>`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContactLink {
    /// The contact's id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// The toolkit over one content pack, in the caller's locales.
#[derive(Clone, Debug)]
pub struct Toolkit {
    pack: Arc<ContentPack>,
    locales: Locales,
}

impl Toolkit {
    /// The toolkit over `pack` in `locales`.
    pub fn new(pack: Arc<ContentPack>, locales: Locales) -> Self {
        Self { pack, locales }
    }

    /// The content pack in use.
    pub fn pack(&self) -> &Arc<ContentPack> {
        &self.pack
    }

    /// Every indicator, in the guide's order.
    pub fn indicators(&self) -> Vec<IndicatorView> {
        self.indicators_where(|_| true)
    }

    /// The indicators offered for a person answered as `minor`, in the guide's order: the
    /// minors' extras only when the person is or may be under 18.
    pub fn indicators_offered(&self, minor: MinorAnswer) -> Vec<IndicatorView> {
        self.indicators_where(|x| indicators::offered(x, minor))
    }

    fn indicators_where(&self, keep: impl Fn(&Indicator) -> bool) -> Vec<IndicatorView> {
        self.pack
            .toolkit
            .indicators
            .iter()
            .filter(|x| keep(x))
            .map(|x| IndicatorView {
                id: x.id.clone(),
                category: x.category,
                group: x.group,
                text: self.text(&x.text),
                minor_only: x.minor_only,
                sector: x.sector,
                topics: x.topics.clone(),
                sources: self.cite(&x.sources),
            })
            .collect()
    }

    /// Every setting where exploitation has been found, in the guide's order.
    pub fn settings(&self) -> Vec<SettingView> {
        self.pack
            .toolkit
            .settings
            .iter()
            .map(|s| SettingView {
                id: s.id.clone(),
                text: self.text(&s.text),
                examples: s.examples.iter().map(|e| self.text(e)).collect(),
                sectors: s.sectors.clone(),
            })
            .collect()
    }

    /// A content text in the caller's locale.
    fn text(&self, text: &Text) -> String {
        text.get(&self.locales).to_owned()
    }

    /// An interface string.
    fn ui(&self, key: Key) -> &str {
        self.pack.ui.get(key, &self.locales)
    }

    /// An interface template, filled in.
    fn fill(&self, key: Key, values: &[(&str, &str)]) -> String {
        self.pack.ui.fill(key, &self.locales, values)
    }

    /// Citations of `refs`.
    fn cite(&self, refs: &[SourceRef]) -> Vec<Citation> {
        cite(&self.pack.meta.sources, refs, &self.locales)
    }

    /// Citations of every list in `refs`, each part once, in the pack's order of documents and parts.
    fn cite_all<'a>(&self, refs: impl IntoIterator<Item = &'a [SourceRef]>) -> Vec<Citation> {
        let cited: Vec<Vec<Citation>> = refs.into_iter().map(|r| self.cite(r)).collect();
        merge(&self.pack.meta.sources, cited.iter().map(Vec::as_slice))
    }

    /// A link to `route` labelled with the string `label`.
    fn screen_link(&self, route: Route, label: Key) -> ScreenLink {
        ScreenLink {
            target: route.target(),
            label: self.ui(label).to_owned(),
        }
    }

    /// Links to the contacts with `ids` (unknown ids are skipped; validation reports them).
    fn contact_links(&self, ids: &[String]) -> Vec<ContactLink> {
        ids.iter()
            .filter_map(|id| self.pack.contact(id))
            .map(|c| ContactLink {
                id: c.id.clone(),
                name: self.text(&c.name),
            })
            .collect()
    }
}
