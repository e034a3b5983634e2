//! Interface strings: every label the core puts on a screen, keyed and checked.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::content::check::{Checker, IssueKind};
use crate::locale::Locales;
use crate::text::{Text, fill};

/// A key of `ui.json` and the placeholders its template must use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    /// The key in `ui.json`.
    pub id: &'static str,
    /// The `{placeholders}` the app fills in.
    pub placeholders: &'static [&'static str],
}

/// The strings of `ui.json`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(transparent)]
pub struct Ui(BTreeMap<String, Text>);

impl Ui {
    /// The string for `key` in the caller's locales.
    pub fn get(&self, key: Key, locales: &Locales) -> &str {
        self.0.get(key.id).map_or(key.id, |t| t.get(locales))
    }

    /// The template for `key` with its placeholders filled in.
    pub fn fill(&self, key: Key, locales: &Locales, values: &[(&str, &str)]) -> String {
        fill(self.get(key, locales), values)
    }

    /// The text for `key`, if present.
    pub fn text(&self, key: Key) -> Option<&Text> {
        self.0.get(key.id)
    }

    /// Checks that every key the app uses exists with the right placeholders, and no other.
    pub fn check(&self, c: &mut Checker<'_>) {
        c.file("ui.json");
        for key in crate::ui_keys::ALL {
            match self.0.get(key.id) {
                Some(text) => c.template(key.id, "text", text, key.placeholders),
                None => c.issue(key.id, "-", IssueKind::Invalid { message: "string is missing".into() }),
            }
        }
        for id in self.0.keys() {
            if !crate::ui_keys::ALL.iter().any(|k| k.id == id) {
                c.issue(id, "-", IssueKind::Invalid { message: "string is not used by the app".into() });
            }
        }
    }
}

/// Declares `ui.json` keys: `NAME = "key" ["placeholder", ...];`.
#[macro_export]
#[doc(hidden)]
macro_rules! ui_keys {
    ($($name:ident = $id:literal $([$($ph:literal),*])?;)*) => {
        $(
            #[doc = concat!("`", $id, "`")]
            pub const $name: $crate::content::ui::Key =
                $crate::content::ui::Key { id: $id, placeholders: &[$($($ph),*)?] };
        )*
        /// Every key the app uses.
        pub const ALL: &[$crate::content::ui::Key] = &[$($name),*];
    };
}
