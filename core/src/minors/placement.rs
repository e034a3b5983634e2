//! The emergency-placement checklist for child-welfare staff: items with their legal basis,
//! and each item's status, kept in memory and serialisable for saving.

use serde::{Deserialize, Serialize};

use crate::content::check::Checker;
use crate::content::source::SourceRef;
use crate::content::ui::Key;
use crate::error::Error;
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

impl ItemStatus {
    /// Every status, in display order.
    pub const ALL: [Self; 4] = [
        Self::NotStarted,
        Self::InProgress,
        Self::Done,
        Self::NotApplicable,
    ];

    /// The id used in events, files and the terminal.
    pub fn id(self) -> &'static str {
        match self {
            Self::NotStarted => "not_started",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::NotApplicable => "not_applicable",
        }
    }

    /// Parses a status id.
    pub fn parse(value: &str) -> Result<Self, Error> {
        Self::ALL
            .into_iter()
            .find(|s| s.id() == value)
            .ok_or_else(|| Error::InvalidChecklistStatus {
                status: value.to_owned(),
                valid: Self::ALL.iter().map(|s| s.id().to_owned()).collect(),
            })
    }

    /// The key of its label.
    pub(crate) fn label_key(self) -> Key {
        match self {
            Self::NotStarted => k::PLACEMENT_STATUS_NOT_STARTED,
            Self::InProgress => k::PLACEMENT_STATUS_IN_PROGRESS,
            Self::Done => k::PLACEMENT_STATUS_DONE,
            Self::NotApplicable => k::PLACEMENT_STATUS_NOT_APPLICABLE,
        }
    }

    /// A plain-text box for summaries: `[x]`, `[~]`, `[ ]` or `[-]`.
    pub(crate) fn mark(self) -> &'static str {
        match self {
            Self::NotStarted => "[ ]",
            Self::InProgress => "[~]",
            Self::Done => "[x]",
            Self::NotApplicable => "[-]",
        }
    }
}

/// One item's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemState {
    /// The item's id.
    pub id: String,
    /// Its status.
    pub status: ItemStatus,
}

/// How far the checklist has come: `done` of the `total` items that apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Items done.
    pub done: u32,
    /// Items that apply (all but those marked not applicable).
    pub total: u32,
}

/// The checklist's statuses, in item order: plain data that can be saved and restored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementChecklist {
    /// Every item's status, in the pack's order.
    pub items: Vec<ItemState>,
}

impl PlacementChecklist {
    /// A checklist with every item not started.
    pub fn new(items: &[PlacementItem]) -> Self {
        Self {
            items: items
                .iter()
                .map(|i| ItemState {
                    id: i.id.clone(),
                    status: ItemStatus::NotStarted,
                })
                .collect(),
        }
    }

    /// A checklist for `items` with the statuses of a saved one; items the saved one lacks
    /// start as not started, and items no longer in the pack are dropped.
    pub fn restore(items: &[PlacementItem], saved: &Self) -> Self {
        let mut list = Self::new(items);
        for state in &mut list.items {
            if let Some(s) = saved.status(&state.id) {
                state.status = s;
            }
        }
        list
    }

    /// Sets an item's status from a status id.
    ///
    /// On error nothing changes.
    pub fn set(&mut self, item: &str, status: &str) -> Result<(), Error> {
        let position = self.position(item)?;
        let status = ItemStatus::parse(status)?;
        self.items[position].status = status;
        Ok(())
    }

    /// Sets an item's status.
    pub fn set_status(&mut self, item: &str, status: ItemStatus) -> Result<(), Error> {
        let position = self.position(item)?;
        self.items[position].status = status;
        Ok(())
    }

    /// An item's status.
    pub fn status(&self, item: &str) -> Option<ItemStatus> {
        self.items.iter().find(|s| s.id == item).map(|s| s.status)
    }

    /// Items done of the items that apply.
    pub fn progress(&self) -> Progress {
        let count = |f: &dyn Fn(ItemStatus) -> bool| {
            u32::try_from(self.items.iter().filter(|s| f(s.status)).count()).unwrap_or(u32::MAX)
        };
        Progress {
            done: count(&|s| s == ItemStatus::Done),
            total: count(&|s| s != ItemStatus::NotApplicable),
        }
    }

    fn position(&self, item: &str) -> Result<usize, Error> {
        self.items
            .iter()
            .position(|s| s.id == item)
            .ok_or_else(|| Error::UnknownChecklistItem {
                item: item.to_owned(),
                valid: self.items.iter().map(|s| s.id.clone()).collect(),
            })
    }
}
