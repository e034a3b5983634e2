//! Locale tags, text direction and the fallback chain used to pick a string.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::content::translations::Catalog;
use crate::error::Error;

/// The locale every string must exist in and every chain ends with.
pub const BASE_LOCALE: &str = "en";

/// Writing direction of a locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TextDirection {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

/// A locale the content pack ships, as declared in `pack.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleInfo {
    /// Lower-case language tag, for example `nb`.
    pub id: String,
    /// The language's own name for itself.
    pub name: String,
    /// Writing direction.
    pub direction: TextDirection,
}

/// A caller's preferred locales resolved against the shipped ones.
///
/// The chain holds shipped locale ids in preference order and always ends
/// with [`BASE_LOCALE`]. A translated locale in the chain carries its strings.
#[derive(Clone, Debug)]
pub struct Locales {
    chain: Vec<String>,
    direction: TextDirection,
    catalogs: Vec<(String, Arc<Catalog>)>,
}

/// Two resolutions are equal when they pick the same locales (a language's strings are the
/// same for one pack).
impl PartialEq for Locales {
    fn eq(&self, other: &Self) -> bool {
        self.chain == other.chain && self.direction == other.direction
    }
}

impl Eq for Locales {}

impl Locales {
    /// Resolves preferred tags such as `["nb-NO", "en"]`.
    ///
    /// Each tag falls back from region to language; `no` and `nn` mean `nb`.
    /// Tags that are well formed but not shipped are skipped. A malformed tag
    /// is an error, because it points at a bug in the caller.
    pub fn resolve<S: AsRef<str>>(preferred: &[S], shipped: &[LocaleInfo]) -> Result<Self, Error> {
        let mut chain: Vec<String> = Vec::new();
        for tag in preferred {
            let subtags = parse_tag(tag.as_ref())?;
            for n in (1..=subtags.len()).rev() {
                let candidate = alias(&subtags[..n].join("-"));
                if shipped.iter().any(|l| l.id == candidate) && !chain.contains(&candidate) {
                    chain.push(candidate);
                    break;
                }
            }
        }
        if !chain.iter().any(|c| c == BASE_LOCALE) {
            chain.push(BASE_LOCALE.to_owned());
        }
        let direction = shipped
            .iter()
            .find(|l| l.id == chain[0])
            .map_or(TextDirection::Ltr, |l| l.direction);
        Ok(Self {
            chain,
            direction,
            catalogs: Vec::new(),
        })
    }

    /// The base locale alone.
    pub fn base() -> Self {
        Self {
            chain: vec![BASE_LOCALE.to_owned()],
            direction: TextDirection::Ltr,
            catalogs: Vec::new(),
        }
    }

    /// Gives the translated locale `id` in the chain its strings.
    pub(crate) fn add_catalog(&mut self, id: &str, catalog: Arc<Catalog>) {
        self.catalogs.push((id.to_owned(), catalog));
    }

    /// The translation of `english` in the translated locale `id`, if it has one.
    pub fn translate(&self, id: &str, english: &str) -> Option<&str> {
        self.catalogs
            .iter()
            .find(|(l, _)| l == id)
            .and_then(|(_, c)| c.get(english))
    }

    /// Shipped locale ids in preference order.
    pub fn chain(&self) -> &[String] {
        &self.chain
    }

    /// The locale screens are written in.
    pub fn primary(&self) -> &str {
        &self.chain[0]
    }

    /// Writing direction of the primary locale.
    pub fn direction(&self) -> TextDirection {
        self.direction
    }
}

/// Splits and lower-cases a BCP 47-like tag, rejecting anything malformed.
fn parse_tag(tag: &str) -> Result<Vec<String>, Error> {
    let invalid = || Error::InvalidLocale {
        tag: tag.to_owned(),
    };
    let trimmed = tag.trim();
    if trimmed.is_empty() || trimmed.len() > 35 {
        return Err(invalid());
    }
    let subtags: Vec<String> = trimmed
        .split(['-', '_'])
        .map(str::to_ascii_lowercase)
        .collect();
    let language = &subtags[0];
    if !(2..=8).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(invalid());
    }
    let rest_ok = subtags[1..]
        .iter()
        .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()));
    if !rest_ok {
        return Err(invalid());
    }
    Ok(subtags)
}

/// Norwegian macro-language and Nynorsk readers get Bokmål; Filipino (the tag Android and iOS
/// give it) is Tagalog's standard form; Moldovan is Romanian.
fn alias(tag: &str) -> String {
    match tag {
        "no" | "nn" => "nb".to_owned(),
        "fil" => "tl".to_owned(),
        "mo" => "ro".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Vec<LocaleInfo> {
        vec![
            LocaleInfo {
                id: "en".into(),
                name: "English".into(),
                direction: TextDirection::Ltr,
            },
            LocaleInfo {
                id: "nb".into(),
                name: "Norsk bokmål".into(),
                direction: TextDirection::Ltr,
            },
            LocaleInfo {
                id: "ar".into(),
                name: "العربية".into(),
                direction: TextDirection::Rtl,
            },
        ]
    }

    fn chain(tags: &[&str]) -> Vec<String> {
        Locales::resolve(tags, &shipped())
            .expect("valid tags")
            .chain()
            .to_vec()
    }

    #[test]
    fn region_falls_back_to_language_then_base() {
        assert_eq!(chain(&["nb-NO", "en"]), ["nb", "en"]);
        assert_eq!(chain(&["nb_NO"]), ["nb", "en"]);
        assert_eq!(chain(&["en-GB"]), ["en"]);
    }

    #[test]
    fn norwegian_aliases_mean_bokmal() {
        assert_eq!(chain(&["no"]), ["nb", "en"]);
        assert_eq!(chain(&["nn-NO"]), ["nb", "en"]);
        assert_eq!(chain(&["NO"]), ["nb", "en"]);
    }

    #[test]
    fn unshipped_languages_are_skipped_and_base_closes_the_chain() {
        assert_eq!(chain(&["fr-FR", "nb"]), ["nb", "en"]);
        assert_eq!(chain(&["sv"]), ["en"]);
        assert_eq!(chain(&[]), ["en"]);
    }

    #[test]
    fn direction_follows_the_primary_locale() {
        let rtl = Locales::resolve(&["ar-EG", "en"], &shipped()).expect("valid");
        assert_eq!(rtl.direction(), TextDirection::Rtl);
        let ltr = Locales::resolve(&["en"], &shipped()).expect("valid");
        assert_eq!(ltr.direction(), TextDirection::Ltr);
    }

    #[test]
    fn malformed_tags_are_rejected() {
        for bad in ["", " ", "n", "nb--NO", "e1", "nb-NOOOOOOOOO", "nb NO", "æø"] {
            assert_eq!(
                Locales::resolve(&[bad], &shipped()),
                Err(Error::InvalidLocale {
                    tag: bad.to_owned()
                }),
                "{bad:?}"
            );
        }
    }
}
