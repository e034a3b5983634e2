//! The emergency-placement checklist for child-welfare staff: items with their legal basis,
//! and each item's status, kept in memory and serialisable for saving.

use serde::{Deserialize, Serialize};

use crate::checklist::{Checklist, Status};
use crate::content::check::Checker;
use crate::content::source::SourceRef;
use crate::content::ui::Key;
use crate::ids::Vocabulary;
use crate::text::Text;
use crate::ui_keys::minors as k;

/// A checklist item as the content pack states it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacementItem {
    /// Stable id.
    pub id: String,
    /// What to see to, in a few words.
    pub text: Text,
    /// What it involves.
    pub detail: Text,
    /// Laws and sections it rests on, where the sources name them.
    #[serde(default)]
    pub legal_basis: Vec<Text>,
    /// Ids of contacts that help with it.
    #[serde(default)]
    pub contacts: Vec<String>,
    /// Where the facts come from.
    pub sources: Vec<SourceRef>,
}

/// Checks the checklist items.
pub(super) fn check(items: &[PlacementItem], c: &mut Checker<'_>) {
    for item in items {
        c.unique("placement item", &item.id);
    }
    for item in items {
        let id = item.id.as_str();
        c.text(id, "text", &item.text);
        c.text(id, "detail", &item.detail);
        for (i, t) in item.legal_basis.iter().enumerate() {
            c.text(id, &format!("legal_basis[{i}]"), t);
        }
        for (i, contact) in item.contacts.iter().enumerate() {
            c.reference(id, &format!("contacts[{i}]"), "contact", contact);
        }
        c.sources(id, "sources", &item.sources);
    }
}

/// The status of a checklist item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Nothing done yet.
    #[default]
    NotStarted,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// Does not apply to this child.
    NotApplicable,
}

impl Vocabulary for ItemStatus {
    const FIELD: &'static str = "status";
    const ALL: &'static [Self] = &[
        Self::NotStarted,
        Self::InProgress,
        Self::Done,
        Self::NotApplicable,
    ];
}

impl Status for ItemStatus {
    fn done(self) -> bool {
        self == Self::Done
    }

    fn applies(self) -> bool {
        self != Self::NotApplicable
    }

    fn label_key(self) -> Key {
        match self {
            Self::NotStarted => k::PLACEMENT_STATUS_NOT_STARTED,
            Self::InProgress => k::PLACEMENT_STATUS_IN_PROGRESS,
            Self::Done => k::PLACEMENT_STATUS_DONE,
            Self::NotApplicable => k::PLACEMENT_STATUS_NOT_APPLICABLE,
        }
    }
}

/// The checklist's statuses: plain data that can be saved and restored.
pub type PlacementChecklist = Checklist<ItemStatus>;
