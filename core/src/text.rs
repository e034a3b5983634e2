//! Localised strings and simple `{placeholder}` templates.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::locale::Locales;

/// One user-visible string in every shipped locale, keyed by locale id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(BTreeMap<String, String>);

impl Text {
    /// The string in the first locale of the chain that has it.
    pub fn get(&self, locales: &Locales) -> &str {
        locales
            .chain()
            .iter()
            .find_map(|l| self.0.get(l))
            .or_else(|| self.0.values().next())
            .map_or("", String::as_str)
    }

    /// The string in exactly this locale, if present.
    pub fn in_locale(&self, locale: &str) -> Option<&str> {
        self.0.get(locale).map(String::as_str)
    }

    /// Every (locale, string) pair.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Builds a text from (locale, string) pairs.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        Self(
            pairs
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        )
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
