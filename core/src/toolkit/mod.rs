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

pub use answers::{Answer, Consent, MinorAnswer, Residence, Role, YesNo, parse_yes_no};
pub use assessment::{Assessment, AssessmentResult, Flag};
pub use duties::{DutiesInput, DutiesPlan, Obligation, Step};
pub use indicators::{Category, ControlGroup, FlagKind, IndicatorView, Sector, SettingView};

use indicators::Indicator;
pub use learn::LearnTopicView;
pub use rights::{RightEntry, RightStatus, RightsChecklist, RightsChecklistView, RightsProfile};

use crate::content::ContentPack;
use crate::content::source::{Citation, SourceRef, cite};
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

/// A link to another screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LinkView {
    /// The link target, for example `minors`.
    pub target: String,
    /// The link text.
    pub label: String,
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
        let mut all: Vec<&SourceRef> = refs.into_iter().flatten().collect();
        all.sort_by_key(|r| self.source_rank(&r.doc, &r.part));
        all.dedup();
        let owned: Vec<SourceRef> = all.into_iter().cloned().collect();
        self.cite(&owned)
    }

    /// Merges lists of citations, each part once, in the pack's order of documents and parts.
    fn merge_citations<'a>(
        &self,
        lists: impl IntoIterator<Item = &'a [Citation]>,
    ) -> Vec<Citation> {
        let mut all: Vec<Citation> = lists.into_iter().flatten().cloned().collect();
        all.sort_by_key(|c| self.source_rank(&c.doc, &c.part));
        all.dedup_by(|a, b| a.doc == b.doc && a.part == b.part);
        all
    }

    /// The position of a document and one of its parts in the pack.
    fn source_rank(&self, doc: &str, part: &str) -> (usize, usize) {
        let sources = &self.pack.meta.sources;
        sources
            .iter()
            .position(|s| s.id == doc)
            .map_or((usize::MAX, usize::MAX), |i| {
                let p = sources[i].parts.iter().position(|p| p.id == part);
                (i, p.unwrap_or(usize::MAX))
            })
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
