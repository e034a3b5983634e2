//! Interface strings: every label the core puts on a screen, keyed and checked.
//!
//! Shared strings live in `ui.json`; a feature's own strings live in the
//! `strings` object of its content file. All are merged into one [`Ui`].

use std::collections::BTreeMap;

use crate::content::check::{Checker, IssueKind};
use crate::locale::Locales;
use crate::text::{Text, fill};

/// A key of the interface strings and the placeholders its template must use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key, for example `contacts.title`.
    pub id: &'static str,
    /// The `{placeholders}` the app fills in.
    pub placeholders: &'static [&'static str],
}

/// Interface strings from every file of the pack.
#[derive(Clone, Debug, Default)]
pub struct Ui {
    /// Each string and the file it came from.
    strings: BTreeMap<String, (Text, &'static str)>,
    duplicates: Vec<(&'static str, String)>,
}

impl Ui {
    /// Adds the strings of `file`; a key defined twice is reported by [`Ui::check`].
    pub fn extend(&mut self, file: &'static str, strings: BTreeMap<String, Text>) {
        for (key, text) in strings {
            match self.strings.entry(key) {
                std::collections::btree_map::Entry::Occupied(e) => {
                    self.duplicates.push((file, e.key().clone()))
                }
                std::collections::btree_map::Entry::Vacant(e) => {
                    e.insert((text, file));
                }
            }
        }
    }

    /// The string for `key` in the caller's locales.
    pub fn get<'a>(&'a self, key: Key, locales: &'a Locales) -> &'a str {
        self.strings
            .get(key.id)
            .map_or(key.id, |(t, _)| t.get(locales))
    }

    /// The template for `key` with its placeholders filled in.
    pub fn fill(&self, key: Key, locales: &Locales, values: &[(&str, &str)]) -> String {
        fill(self.get(key, locales), values)
    }

    /// The text for `key`, if present.
    pub fn text(&self, key: Key) -> Option<&Text> {
        self.strings.get(key.id).map(|(t, _)| t)
    }

    /// Checks that every key the app uses exists once with the right placeholders, and no other.
    pub fn check(&self, c: &mut Checker<'_>) {
        let all = || crate::ui_keys::GROUPS.iter().flat_map(|g| g.iter());
        for (file, key) in &self.duplicates {
            c.file(*file);
            c.issue(key, "strings", IssueKind::DuplicateId { id: key.clone() });
        }
        let used: std::collections::HashSet<&str> = all().map(|k| k.id).collect();
        for key in all() {
            match self.strings.get(key.id) {
                Some((text, file)) => {
                    c.file(*file);
                    c.template(key.id, "text", text, key.placeholders);
                }
                None => {
                    c.file("ui.json");
                    c.issue(
                        key.id,
                        "-",
                        IssueKind::Invalid {
                            message: "string is missing".into(),
                        },
                    );
                }
            }
        }
        for (id, (_, file)) in &self.strings {
            if !used.contains(id.as_str()) {
                c.file(*file);
                c.issue(
                    id,
                    "-",
                    IssueKind::Invalid {
                        message: "string is not used by the app".into(),
                    },
                );
            }
        }
    }
}

/// Declares interface-string keys: `NAME = "key" ["placeholder", ...];`.
#[macro_export]
#[doc(hidden)]
macro_rules! ui_keys {
    ($($name:ident = $id:literal $([$($ph:literal),*])?;)*) => {
        $(
            #[doc = concat!("`", $id, "`")]
            pub const $name: $crate::content::ui::Key =
                $crate::content::ui::Key { id: $id, placeholders: &[$($($ph),*)?] };
        )*
        /// Every key of this group.
        pub const KEYS: &[$crate::content::ui::Key] = &[$($name),*];
    };
}
