//! Translations of everything a possible victim sees, one file per language.
//!
//! `lang/<id>.json` maps each English text to its translation. Keyed by the English text itself
//! (as gettext is), a translation can never outlive the English it was made from: when a page's
//! English changes, the old translation stops matching, the page shows the new English until a
//! translator catches up, and the content check names the text as missing. Translators work
//! from one flat file with the English beside their own words, and no id has to be invented for
//! each sentence. English and Norwegian stay in every content file (the professionals' tools
//! exist in those two); a language's strings are unpacked only when a person reads that
//! language, so more languages do not slow the start in English or Norwegian.
//!
//! `pack.json` declares each language with its own name, its writing direction, the language
//! text-to-speech uses for it, and whether a person has reviewed it.

pub mod check;
pub mod facts;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};

use super::compact::{self, Table};
use crate::locale::{LocaleInfo, TextDirection};

/// A translated language as `pack.json` declares it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TranslationMeta {
    /// Lower-case language tag, for example `ro`.
    pub id: String,
    /// The language's own name for itself, in its own script.
    pub name: String,
    /// Writing direction.
    pub direction: TextDirection,
    /// The BCP 47 tag text-to-speech uses, when it differs from `id` (Tagalog: `fil`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speech: Option<String>,
    /// Whether a person has checked the translation.
    pub review: Review,
}

impl TranslationMeta {
    /// The language as a locale.
    pub fn locale(&self) -> LocaleInfo {
        LocaleInfo {
            id: self.id.clone(),
            name: self.name.clone(),
            direction: self.direction,
        }
    }

    /// The tag to read this language aloud in.
    pub fn speech_tag(&self) -> &str {
        self.speech.as_deref().unwrap_or(&self.id)
    }

    /// True until a person has reviewed the translation.
    pub fn unreviewed(&self) -> bool {
        matches!(self.review, Review::NotReviewed)
    }
}

/// A language's review status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case", deny_unknown_fields)]
pub enum Review {
    /// No person has checked the translation: its pages say so.
    NotReviewed,
    /// A person checked exactly these strings.
    Reviewed {
        /// Who: name and organisation.
        by: String,
        /// When (YYYY-MM-DD).
        on: String,
        /// The strings' fingerprint when they were reviewed; any later change voids the review.
        fingerprint: String,
    },
}

/// The file holding a language's strings.
pub fn file_name(id: &str) -> String {
    format!("lang/{id}.json")
}

/// A language's strings, looked up by their English text.
#[derive(Debug)]
pub struct Catalog(Table);

impl Catalog {
    /// The translation of `english`, if the language has one.
    pub fn get(&self, english: &str) -> Option<&str> {
        self.0.get(compact::key(english))
    }

    /// The strings by the digest of their English text.
    pub fn table(&self) -> &Table {
        &self.0
    }

    /// Reads a language file: a JSON object of English texts and their translations.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let strings: BTreeMap<String, String> =
            serde_json::from_str(text).map_err(|e| format!("cannot be read: {e}"))?;
        let raw = compact::encode(strings.iter().map(|(k, v)| (k.as_str(), v.as_str())))?;
        Table::decode(raw).map(Self)
    }

    /// Unpacks the embedded form: the compact form's length (u32) and its deflated bytes.
    pub fn from_packed(bytes: &[u8]) -> Result<Self, String> {
        let broken = || "the embedded strings are damaged".to_owned();
        let (len, deflated) = bytes.split_first_chunk::<4>().ok_or_else(broken)?;
        let mut raw = vec![0; u32::from_le_bytes(*len) as usize];
        let n = miniz_oxide::inflate::decompress_slice_iter_to_slice(
            &mut raw,
            std::iter::once(deflated),
            false,
            true,
        )
        .map_err(|_| broken())?;
        if n != raw.len() {
            return Err(broken());
        }
        Table::decode(raw).map(Self)
    }
}

/// Where a language's strings come from.
#[derive(Debug)]
pub(crate) enum Strings {
    /// Compiled into the library, packed by the build.
    Packed(&'static [u8]),
    /// A language file as written (a folder or a signed pack).
    Json(String),
}

/// A language's strings once unpacked (or why they could not be).
type Unpacked = OnceLock<Result<Arc<Catalog>, String>>;

/// Every language's strings, each unpacked on first use and then shared.
#[derive(Debug, Default)]
pub struct Translations(BTreeMap<String, (Strings, Unpacked)>);

impl Translations {
    pub(crate) fn insert(&mut self, id: &str, strings: Strings) {
        self.0.insert(id.to_owned(), (strings, OnceLock::new()));
    }

    /// The ids of the languages that have strings.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }

    /// The languages whose strings have been unpacked.
    pub fn unpacked(&self) -> impl Iterator<Item = &str> {
        self.0
            .iter()
            .filter(|(_, (_, cell))| cell.get().is_some())
            .map(|(id, _)| id.as_str())
    }

    /// The strings of language `id`, unpacked on first use; `None` when it has none.
    pub fn catalog(&self, id: &str) -> Option<Result<Arc<Catalog>, String>> {
        let (strings, cell) = self.0.get(id)?;
        Some(
            cell.get_or_init(|| {
                match strings {
                    Strings::Packed(bytes) => Catalog::from_packed(bytes),
                    Strings::Json(text) => Catalog::from_json(text),
                }
                .map(Arc::new)
            })
            .clone(),
        )
    }

    /// The English texts a language file names, when it is at hand as written (for messages).
    pub(crate) fn english_texts(&self, id: &str) -> Option<Vec<String>> {
        match &self.0.get(id)?.0 {
            Strings::Json(text) => serde_json::from_str::<BTreeMap<String, String>>(text)
                .ok()
                .map(|m| m.into_keys().collect()),
            Strings::Packed(_) => None,
        }
    }
}
