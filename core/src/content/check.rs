//! Validation of a content pack: every problem is reported with its file, item and field.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use crate::content::source::{Source, SourceRef};
use crate::locale::LocaleInfo;
use crate::text::{Text, placeholders};

/// One problem found in a content pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentIssue {
    /// File name inside the pack, for example `contacts.json`.
    pub file: String,
    /// The item's id, or `-` when the problem concerns the whole file.
    pub item: String,
    /// The field, as a path such as `phones[0].dial`.
    pub field: String,
    /// What is wrong.
    pub kind: IssueKind,
}

/// The kinds of problem validation reports.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IssueKind {
    /// The file is missing from the pack.
    MissingFile,
    /// The file is not valid JSON of the expected shape.
    Parse { message: String },
    /// The pack was written for another schema.
    UnknownSchemaVersion { found: u32, supported: u32 },
    /// Two items share an id.
    DuplicateId { id: String },
    /// A shipped locale has no string.
    MissingTranslation { locale: String },
    /// A template's placeholders differ from what the app fills in.
    PlaceholderMismatch {
        locale: String,
        expected: String,
        found: String,
    },
    /// A reference names nothing.
    DanglingReference { kind: String, target: String },
    /// A phone or SMS number is not dialable.
    MalformedDial { value: String, reason: String },
    /// A web address is not an `https://` URL.
    MalformedUrl { value: String },
    /// An e-mail address is malformed.
    MalformedEmail { value: String },
    /// A page cannot be reached by following links from the start page.
    Unreachable { start: String },
    /// A contact does not offer the channel an item asks for.
    MissingChannel { contact: String, channel: String },
    /// A title or heading contains a word that reveals what the app is about.
    RevealingWord { locale: String, word: String },
    /// A page offers no one-tap action.
    NoAction,
    /// An always-open or anonymous contact comes after one that is neither.
    ActionOrder { contact: String, after: String },
    /// A text repeats a contact's number instead of referring to the contact.
    RepeatedNumber { number: String },
    /// A translation's numbers or addresses differ from the English text's.
    FactMismatch {
        locale: String,
        fact: String,
        english: String,
        found: String,
    },
    /// A translation contains an invisible direction mark.
    DirectionMark { locale: String, mark: String },
    /// Any other rule of the content model.
    Invalid { message: String },
}

impl fmt::Display for IssueKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingFile => write!(f, "file is missing"),
            Self::Parse { message } => write!(f, "cannot be read: {message}"),
            Self::UnknownSchemaVersion { found, supported } => {
                write!(
                    f,
                    "schema version {found} is not supported (this app reads version {supported})"
                )
            }
            Self::DuplicateId { id } => write!(f, "id \"{id}\" is used more than once"),
            Self::MissingTranslation { locale } => write!(f, "no text in locale \"{locale}\""),
            Self::PlaceholderMismatch {
                locale,
                expected,
                found,
            } => write!(
                f,
                "locale \"{locale}\" uses placeholders [{found}] but the app fills in [{expected}]"
            ),
            Self::DanglingReference { kind, target } => {
                write!(f, "refers to unknown {kind} \"{target}\"")
            }
            Self::MalformedDial { value, reason } => {
                write!(f, "\"{value}\" is not a dialable number: {reason}")
            }
            Self::MalformedUrl { value } => write!(f, "\"{value}\" is not an https:// web address"),
            Self::MalformedEmail { value } => write!(f, "\"{value}\" is not an e-mail address"),
            Self::Unreachable { start } => {
                write!(f, "cannot be reached by following links from \"{start}\"")
            }
            Self::MissingChannel { contact, channel } => {
                write!(f, "contact \"{contact}\" has no {channel} channel")
            }
            Self::RevealingWord { locale, word } => write!(
                f,
                "the {locale} text contains \"{word}\", which reveals the topic to anyone looking"
            ),
            Self::NoAction => write!(f, "offers no one-tap action"),
            Self::ActionOrder { contact, after } => write!(
                f,
                "\"{contact}\" is open around the clock or anonymous and must come before \"{after}\""
            ),
            Self::RepeatedNumber { number } => write!(
                f,
                "repeats the number {number}; refer to the contact instead"
            ),
            Self::FactMismatch {
                locale,
                fact,
                english,
                found,
            } => write!(
                f,
                "the {locale} text has the {fact} [{found}] but the English has [{english}]; \
                 facts must be identical"
            ),
            Self::DirectionMark { locale, mark } => write!(
                f,
                "the {locale} text contains the invisible direction mark {mark}; remove it \
                 (the app keeps numbers left to right itself)"
            ),
            Self::Invalid { message } => write!(f, "{message}"),
        }
    }
}

impl fmt::Display for ContentIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}: {}: {}",
            self.file, self.item, self.field, self.kind
        )
    }
}

/// Every problem found in a pack; never empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<ContentIssue>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(f, "{n} problem{}", if n == 1 { "" } else { "s" })?;
        if let Some(first) = self.0.first() {
            write!(f, ", first: {first}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}

/// Collects issues while the domain modules check their parts of the pack.
#[derive(Debug)]
pub struct Checker<'a> {
    file: Cow<'static, str>,
    locales: &'a [LocaleInfo],
    sources: &'a [Source],
    ids: HashSet<(&'static str, String)>,
    issues: Vec<ContentIssue>,
}

impl<'a> Checker<'a> {
    /// A checker for a pack shipping `locales` and citing `sources`.
    pub fn new(locales: &'a [LocaleInfo], sources: &'a [Source]) -> Self {
        Self {
            file: Cow::Borrowed("pack.json"),
            locales,
            sources,
            ids: HashSet::new(),
            issues: Vec::new(),
        }
    }

    /// Attributes the following issues to `file`.
    pub fn file(&mut self, file: impl Into<Cow<'static, str>>) {
        self.file = file.into();
    }

    /// Records an issue.
    pub fn issue(&mut self, item: &str, field: &str, kind: IssueKind) {
        self.issues.push(ContentIssue {
            file: self.file.to_string(),
            item: item.to_owned(),
            field: field.to_owned(),
            kind,
        });
    }

    /// Records `id` in the namespace `kind` and reports it if seen before.
    pub fn unique(&mut self, kind: &'static str, id: &str) {
        if id.trim().is_empty()
            || id
                .chars()
                .any(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
        {
            self.issue(id, "id", IssueKind::Invalid {
                message: format!("{kind} id \"{id}\" must be non-empty and use only a-z, 0-9, '-', '_' and '.'"),
            });
        }
        if !self.ids.insert((kind, id.to_owned())) {
            self.issue(id, "id", IssueKind::DuplicateId { id: id.to_owned() });
        }
    }

    /// Checks that `text` exists, non-empty, in every shipped locale with the same placeholders.
    pub fn text(&mut self, item: &str, field: &str, text: &Text) {
        let base_text = text.in_locale(crate::locale::BASE_LOCALE);
        // Placeholders are compared only where a template has them: most texts have none.
        let templated = text.entries().any(|(_, s)| s.contains('{'));
        let base = base_text.filter(|_| templated).map(placeholders);
        for locale in self.locales {
            match text.in_locale(&locale.id) {
                Some(s) if !s.trim().is_empty() => {
                    if let Some(expected) = &base {
                        let found = placeholders(s);
                        if &found != expected {
                            self.issue(
                                item,
                                field,
                                IssueKind::PlaceholderMismatch {
                                    locale: locale.id.clone(),
                                    expected: expected.join(", "),
                                    found: found.join(", "),
                                },
                            );
                        }
                    }
                }
                _ => self.issue(
                    item,
                    field,
                    IssueKind::MissingTranslation {
                        locale: locale.id.clone(),
                    },
                ),
            }
        }
        for (locale, _) in text.entries() {
            if !self.locales.iter().any(|l| l.id == locale) {
                self.issue(
                    item,
                    field,
                    IssueKind::Invalid {
                        message: format!(
                            "text in locale \"{locale}\", which the pack does not declare"
                        ),
                    },
                );
            }
        }
    }

    /// Like [`Checker::text`], and the placeholders must be exactly `expected`.
    pub fn template(&mut self, item: &str, field: &str, text: &Text, expected: &[&str]) {
        self.text(item, field, text);
        let mut want: Vec<&str> = expected.to_vec();
        want.sort_unstable();
        if let Some(base) = text.in_locale(crate::locale::BASE_LOCALE) {
            let found = placeholders(base);
            if found != want {
                self.issue(
                    item,
                    field,
                    IssueKind::PlaceholderMismatch {
                        locale: crate::locale::BASE_LOCALE.to_owned(),
                        expected: want.join(", "),
                        found: found.join(", "),
                    },
                );
            }
        }
    }

    /// Checks that an item cites at least one source and every citation resolves.
    pub fn sources(&mut self, item: &str, field: &str, refs: &[SourceRef]) {
        if refs.is_empty() {
            self.issue(
                item,
                field,
                IssueKind::Invalid {
                    message: "cites no source".into(),
                },
            );
        }
        self.source_refs(item, field, refs);
    }

    /// Checks that every citation resolves (an empty list is allowed).
    pub fn source_refs(&mut self, item: &str, field: &str, refs: &[SourceRef]) {
        for (i, r) in refs.iter().enumerate() {
            match self.sources.iter().find(|s| s.id == r.doc) {
                None => self.issue(
                    item,
                    &format!("{field}[{i}].doc"),
                    IssueKind::DanglingReference {
                        kind: "source".into(),
                        target: r.doc.clone(),
                    },
                ),
                Some(s) if !s.parts.iter().any(|p| p.id == r.part) => {
                    self.issue(
                        item,
                        &format!("{field}[{i}].part"),
                        IssueKind::DanglingReference {
                            kind: format!("part of {}", s.id),
                            target: r.part.clone(),
                        },
                    );
                }
                Some(_) => {}
            }
        }
    }

    /// Checks that `target` is a known id in namespace `kind` (see [`Checker::unique`]).
    pub fn reference(&mut self, item: &str, field: &str, kind: &'static str, target: &str) {
        if !self.ids.contains(&(kind, target.to_owned())) {
            self.issue(
                item,
                field,
                IssueKind::DanglingReference {
                    kind: kind.into(),
                    target: target.to_owned(),
                },
            );
        }
    }

    /// Checks a web address: `https://`, a dotted host, no spaces.
    pub fn url(&mut self, item: &str, field: &str, url: &str) {
        let ok = url.strip_prefix("https://").is_some_and(|rest| {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
                && !rest.chars().any(char::is_whitespace)
        });
        if !ok {
            self.issue(
                item,
                field,
                IssueKind::MalformedUrl {
                    value: url.to_owned(),
                },
            );
        }
    }

    /// Checks an e-mail address: one `@`, a dotted domain, no spaces.
    pub fn email(&mut self, item: &str, field: &str, address: &str) {
        let ok = match address.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !address
                        .chars()
                        .any(|c| c.is_whitespace() || c == ',' || c == '<' || c == '>')
                    && !domain.contains('@')
            }
            None => false,
        };
        if !ok {
            self.issue(
                item,
                field,
                IssueKind::MalformedEmail {
                    value: address.to_owned(),
                },
            );
        }
    }

    /// Checks a dial string (digits, optional leading `+`) against its display form.
    pub fn dial(&mut self, item: &str, field: &str, dial: &str, display: &str) {
        let digits = dial.strip_prefix('+').unwrap_or(dial);
        let reason = if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            Some("use digits only, with an optional leading +".to_owned())
        } else if !(3..=15).contains(&digits.len()) {
            Some("a number has 3 to 15 digits".to_owned())
        } else if dial.starts_with('+') != display.trim_start().starts_with('+')
            || display
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
                != digits
        {
            Some(format!("the display form \"{display}\" shows other digits"))
        } else if display
            .chars()
            .any(|c| !(c.is_ascii_digit() || c == ' ' || c == '+'))
        {
            Some(format!(
                "the display form \"{display}\" may use only digits, spaces and +"
            ))
        } else {
            None
        };
        if let Some(reason) = reason {
            self.issue(
                item,
                field,
                IssueKind::MalformedDial {
                    value: dial.to_owned(),
                    reason,
                },
            );
        }
    }

    /// The issues found, if any.
    pub fn finish(self) -> Result<(), ContentErrors> {
        if self.issues.is_empty() {
            Ok(())
        } else {
            Err(ContentErrors(self.issues))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::TextDirection;

    fn locales() -> Vec<LocaleInfo> {
        ["en", "nb"]
            .iter()
            .map(|id| LocaleInfo {
                id: (*id).into(),
                name: (*id).into(),
                direction: TextDirection::Ltr,
            })
            .collect()
    }

    fn kinds(c: Checker<'_>) -> Vec<IssueKind> {
        c.finish()
            .err()
            .map(|e| e.0.into_iter().map(|i| i.kind).collect())
            .unwrap_or_default()
    }

    #[test]
    fn dial_strings_must_be_digits_matching_their_display() {
        let l = locales();
        let mut c = Checker::new(&l, &[]);
        c.dial("x", "f", "22331160", "22 33 11 60");
        c.dial("x", "f", "+4795411755", "+47 954 11 755");
        c.dial("x", "f", "112", "112");
        assert!(c.finish().is_ok());
        for (dial, display) in [
            ("2233 1160", "22 33 11 60"),
            ("22331161", "22 33 11 60"),
            ("12", "12"),
            ("+47954", "47954"),
            ("22331160", "22-33-11-60"),
            ("", ""),
        ] {
            let mut c = Checker::new(&l, &[]);
            c.dial("x", "f", dial, display);
            assert!(
                matches!(kinds(c).as_slice(), [IssueKind::MalformedDial { .. }]),
                "{dial:?} {display:?}"
            );
        }
    }

    #[test]
    fn urls_and_emails_are_checked() {
        let l = locales();
        let mut c = Checker::new(&l, &[]);
        c.url("x", "f", "https://www.116111.no");
        c.url("x", "f", "https://udi.no/en/return");
        c.email("x", "f", "alarm@116111.no");
        assert!(c.finish().is_ok());
        let mut c = Checker::new(&l, &[]);
        c.url("x", "f", "http://udi.no");
        c.url("x", "f", "https://udi");
        c.url("x", "f", "https://udi.no/a b");
        c.email("x", "f", "alarm116111.no");
        c.email("x", "f", "a@b");
        assert_eq!(kinds(c).len(), 5);
    }

    #[test]
    fn texts_need_every_locale_and_matching_placeholders() {
        let l = locales();
        let mut c = Checker::new(&l, &[]);
        c.text("x", "name", &Text::from_pairs([("en", "A")]));
        c.text(
            "x",
            "name",
            &Text::from_pairs([("en", "Open {time}"), ("nb", "Åpen {tid}")]),
        );
        c.text("x", "name", &Text::from_pairs([("en", "A"), ("nb", "  ")]));
        c.text(
            "x",
            "name",
            &Text::from_pairs([("en", "A"), ("nb", "B"), ("sv", "C")]),
        );
        c.template(
            "x",
            "name",
            &Text::from_pairs([("en", "Call"), ("nb", "Ring")]),
            &["number"],
        );
        let found = kinds(c);
        assert!(matches!(found[0], IssueKind::MissingTranslation { ref locale } if locale == "nb"));
        assert!(matches!(found[1], IssueKind::PlaceholderMismatch { .. }));
        assert!(matches!(found[2], IssueKind::MissingTranslation { .. }));
        assert!(matches!(found[3], IssueKind::Invalid { .. }));
        assert!(matches!(found[4], IssueKind::PlaceholderMismatch { .. }));
        assert_eq!(found.len(), 5);
    }

    #[test]
    fn duplicate_and_dangling_ids_are_reported() {
        let l = locales();
        let mut c = Checker::new(&l, &[]);
        c.unique("contact", "rosa");
        c.unique("contact", "rosa");
        c.unique("step", "rosa");
        c.reference("card", "contacts[0]", "contact", "rosa");
        c.reference("card", "contacts[1]", "contact", "nobody");
        let found = kinds(c);
        assert_eq!(found.len(), 2);
        assert!(matches!(found[0], IssueKind::DuplicateId { .. }));
        assert!(
            matches!(found[1], IssueKind::DanglingReference { ref target, .. } if target == "nobody")
        );
    }
}
