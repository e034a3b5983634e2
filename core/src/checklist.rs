//! Checklists: a status per item, how far a list has come, and the statuses an item can take.
//!
//! The emergency-placement checklist and the rights checklist are the same model with their own
//! statuses: what counts as done and what counts at all is the status's rule.

use serde::{Deserialize, Serialize};

use crate::content::ui::Key;
use crate::error::Error;
use crate::ids::Vocabulary;

/// A status a checklist item can take; the default is the status of an untouched item.
pub trait Status: Vocabulary + Default + PartialEq {
    /// True when the item has been dealt with.
    fn done(self) -> bool;
    /// True when the item applies to this person (counts towards the total).
    fn applies(self) -> bool;
    /// The key of its label.
    fn label_key(self) -> Key;

    /// A status id that is none of these is an [`Error::InvalidChecklistStatus`].
    fn unknown_status(value: &str) -> Error {
        Error::InvalidChecklistStatus {
            status: value.to_owned(),
            valid: Self::ids(),
        }
    }
}

/// How far a checklist has come: `done` of the `total` items that apply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Items dealt with.
    pub done: u32,
    /// Items that apply (all listed items but those marked as not applying).
    pub total: u32,
}

/// One item's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemState<S> {
    /// The item's id (`right` in checklists saved by earlier versions).
    #[serde(alias = "right")]
    pub id: String,
    /// Its status.
    pub status: S,
}

/// The statuses that differ from an untouched item's, in the order they were set: plain data
/// that is saved and restored as it is. Which items are listed is the content's business, so
/// a list saved with an older pack still opens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(bound(deserialize = "S: Deserialize<'de>"))]
pub struct Checklist<S> {
    /// Item statuses (`statuses` in checklists saved by earlier versions).
    #[serde(default, alias = "statuses")]
    pub items: Vec<ItemState<S>>,
}

impl<S> Default for Checklist<S> {
    fn default() -> Self {
        Self { items: Vec::new() }
    }
}

impl<S: Status> Checklist<S> {
    /// The status of item `id` (an untouched item's when none was set).
    pub fn status(&self, id: &str) -> S {
        self.items
            .iter()
            .find(|s| s.id == id)
            .map_or_else(S::default, |s| s.status)
    }

    /// Sets the status of item `id`, one of the `listed` items.
    ///
    /// On error nothing changes.
    pub fn set<'a>(
        &mut self,
        listed: impl IntoIterator<Item = &'a str>,
        id: &str,
        status: S,
    ) -> Result<(), Error> {
        let listed: Vec<&str> = listed.into_iter().collect();
        if !listed.contains(&id) {
            return Err(Error::UnknownChecklistItem {
                item: id.to_owned(),
                valid: listed.into_iter().map(str::to_owned).collect(),
            });
        }
        self.items.retain(|s| s.id != id);
        if status != S::default() {
            self.items.push(ItemState {
                id: id.to_owned(),
                status,
            });
        }
        Ok(())
    }

    /// Sets the status of item `id` from a status id, as events and the terminal give it.
    ///
    /// On error nothing changes.
    pub fn set_id<'a>(
        &mut self,
        listed: impl IntoIterator<Item = &'a str>,
        id: &str,
        status: &str,
    ) -> Result<(), Error> {
        let listed: Vec<&str> = listed.into_iter().collect();
        // The item is checked first, so an unknown item is named before a bad status.
        let status = if listed.contains(&id) {
            S::ALL
                .iter()
                .copied()
                .find(|s| s.id() == status)
                .ok_or_else(|| S::unknown_status(status))?
        } else {
            S::default()
        };
        self.set(listed, id, status)
    }

    /// Items dealt with of the `listed` items that apply.
    pub fn progress<'a>(&self, listed: impl IntoIterator<Item = &'a str>) -> Progress {
        let mut p = Progress::default();
        for status in listed.into_iter().map(|id| self.status(id)) {
            if status.applies() {
                p.total += 1;
                p.done += u32::from(status.done());
            }
        }
        p
    }

    /// Forgets every status.
    pub fn clear(&mut self) {
        self.items.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Mark {
        #[default]
        Open,
        Done,
        Skip,
    }

    impl Vocabulary for Mark {
        const FIELD: &'static str = "mark";
        const ALL: &'static [Self] = &[Self::Open, Self::Done, Self::Skip];
    }

    impl Status for Mark {
        fn done(self) -> bool {
            self == Self::Done
        }
        fn applies(self) -> bool {
            self != Self::Skip
        }
        fn label_key(self) -> Key {
            crate::ui_keys::APP_NAME
        }
    }

    const LISTED: [&str; 3] = ["a", "b", "c"];

    #[test]
    fn statuses_progress_and_refusals() {
        let mut list = Checklist::<Mark>::default();
        assert_eq!(list.progress(LISTED), Progress { done: 0, total: 3 });
        list.set_id(LISTED, "a", "done").expect("set");
        list.set_id(LISTED, "c", "skip").expect("set");
        assert_eq!(list.progress(LISTED), Progress { done: 1, total: 2 });
        assert_eq!(list.status("b"), Mark::Open);
        let before = list.clone();
        assert!(matches!(
            list.set_id(LISTED, "z", "done"),
            Err(Error::UnknownChecklistItem { valid, .. }) if valid == ["a", "b", "c"]
        ));
        assert!(matches!(
            list.set_id(LISTED, "a", "maybe"),
            Err(Error::InvalidChecklistStatus { valid, .. }) if valid == ["open", "done", "skip"]
        ));
        assert_eq!(list, before, "a refused change changes nothing");
        list.set(LISTED, "a", Mark::Open)
            .expect("back to untouched");
        assert_eq!(list.items.len(), 1, "untouched items are not stored");
    }

    #[test]
    fn checklists_saved_by_earlier_versions_still_open() {
        let old: Checklist<Mark> =
            serde_json::from_str(r#"{"statuses":[{"right":"a","status":"done"}]}"#)
                .expect("earlier shape");
        assert_eq!(old.status("a"), Mark::Done);
    }
}
