//! Localised strings and simple `{placeholder}` templates.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::locale::Locales;

/// One user-visible string in every shipped locale.
///
/// Stored as a short list of (locale, string) pairs with the locale ids inline: loading the pack
/// builds thousands of these, and a map per string would cost several allocations each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(Vec<(LocaleId, String)>);

/// A locale id of up to 15 bytes, kept inline.
#[derive(Clone, Copy, PartialEq, Eq)]
struct LocaleId {
    len: u8,
    bytes: [u8; 15],
}

impl LocaleId {
    fn new(id: &str) -> Option<Self> {
        let mut bytes = [0; 15];
        bytes.get_mut(..id.len())?.copy_from_slice(id.as_bytes());
        Some(Self {
            len: id.len() as u8,
            bytes,
        })
    }

    fn is(&self, id: &str) -> bool {
        &self.bytes[..usize::from(self.len)] == id.as_bytes()
    }

    fn as_str(&self) -> &str {
        // Built from a &str in `new`, so the bytes are valid UTF-8.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }
}

impl fmt::Debug for LocaleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Text {
    /// The string in the first locale of the chain that has it; a translated locale has it
    /// when its strings translate this text's English.
    pub fn get<'a>(&'a self, locales: &'a Locales) -> &'a str {
        let english = self.in_locale(crate::locale::BASE_LOCALE);
        locales
            .chain()
            .iter()
            .find_map(|l| {
                self.in_locale(l)
                    .or_else(|| english.and_then(|en| locales.translate(l, en)))
            })
            .or_else(|| self.0.first().map(|(_, s)| s.as_str()))
            .unwrap_or("")
    }

    /// The string in exactly this locale, if present.
    pub fn in_locale(&self, locale: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(l, _)| l.is(locale))
            .map(|(_, s)| s.as_str())
    }

    /// Every (locale, string) pair.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Builds a text from (locale, string) pairs; locale ids longer than 15 bytes are dropped.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self(
            pairs
                .into_iter()
                .filter_map(|(k, v)| Some((LocaleId::new(k)?, v.to_owned())))
                .collect(),
        )
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.entries() {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an object of locale ids and strings, like {\"en\": \"...\", \"nb\": \"...\"}",
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut pairs = Vec::with_capacity(map.size_hint().unwrap_or(2));
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let id = LocaleId::new(&key).ok_or_else(|| {
                        serde::de::Error::custom(format!("\"{key}\" is too long for a locale id"))
                    })?;
                    if pairs.iter().any(|(l, _): &(LocaleId, String)| *l == id) {
                        return Err(serde::de::Error::custom(format!(
                            "locale \"{key}\" appears twice"
                        )));
                    }
                    pairs.push((id, map.next_value()?));
                }
                Ok(Text(pairs))
            }
        }
        d.deserialize_map(TextVisitor)
    }
}

/// Replaces each `{name}` in `template` with its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match values.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{placeholder}` names a template uses, sorted and unique.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    if !template.contains('{') {
        return names;
    }
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        names.push(&after[..end]);
        rest = &after[end + 1..];
    }
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::{LocaleInfo, TextDirection};

    #[test]
    fn get_follows_the_chain() {
        let shipped = [
            LocaleInfo {
                id: "en".into(),
                name: "English".into(),
                direction: TextDirection::Ltr,
            },
            LocaleInfo {
                id: "nb".into(),
                name: "Norsk".into(),
                direction: TextDirection::Ltr,
            },
        ];
        let text = Text::from_pairs([("en", "Call"), ("nb", "Ring")]);
        let nb = Locales::resolve(&["nb-NO"], &shipped).expect("valid");
        assert_eq!(text.get(&nb), "Ring");
        let en_only = Text::from_pairs([("en", "Call")]);
        assert_eq!(en_only.get(&nb), "Call");
    }

    #[test]
    fn texts_read_and_write_as_locale_maps() {
        let t: Text = serde_json::from_str(r#"{"en": "Call", "nb": "Ring"}"#).expect("valid");
        assert_eq!(t.in_locale("nb"), Some("Ring"));
        assert_eq!(
            serde_json::to_string(&t).expect("serialises"),
            r#"{"en":"Call","nb":"Ring"}"#
        );
        assert!(serde_json::from_str::<Text>(r#"{"en": "a", "en": "b"}"#).is_err());
        assert!(serde_json::from_str::<Text>(r#"{"a-very-long-locale-id": "x"}"#).is_err());
        assert!(serde_json::from_str::<Text>(r#"["en", "x"]"#).is_err());
    }

    #[test]
    fn fill_replaces_known_and_keeps_unknown_placeholders() {
        assert_eq!(
            fill("Open until {time}", &[("time", "16:00")]),
            "Open until 16:00"
        );
        assert_eq!(fill("{a} and {b}", &[("a", "x")]), "x and {b}");
        assert_eq!(fill("no braces {", &[]), "no braces {");
    }

    #[test]
    fn placeholders_are_listed_once() {
        assert_eq!(placeholders("{b} {a} {b}"), ["a", "b"]);
        assert!(placeholders("none").is_empty());
    }
}
