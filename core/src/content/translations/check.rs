//! The content check for every language: each text a possible victim sees is translated, with
//! the English placeholders and exactly the English facts, in the language's direction; no
//! translation of an English text the pack no longer has; a review still matches the strings.

use std::collections::{BTreeMap, HashSet};

use super::facts::{addresses, numbers};
use super::{Catalog, Review, TranslationMeta, file_name};
use crate::bidi::{direction_control, is_rtl_letter};
use crate::content::ContentPack;
use crate::content::check::{Checker, IssueKind};
use crate::content::compact;
use crate::info::{Channel, ChannelRef, ContentBlock};
use crate::locale::TextDirection;
use crate::text::{Text, placeholders};
use crate::ui_keys as k;

/// An English text a possible victim sees, and where it first appears.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needed<'a> {
    /// The English text (the key of every language file).
    pub english: &'a str,
    /// Where it appears, for example `page danger` or `string quick_exit.label`.
    pub place: String,
    /// The field within the place, for example `blocks[2].text`.
    pub field: String,
}

/// Every English text each language must translate, once each, in pack order: the discreet
/// pages, their contacts' notes, the interface strings a possible victim sees (the mode's own,
/// the contact book's and its search, quick exit's, the start screen's, the words the terminal
/// adds around every screen, the translation notice) and every card shown to a person (the cards
/// are offered in every language).
pub fn needed(pack: &ContentPack) -> Vec<Needed<'_>> {
    let mut all: Vec<(&Text, String, String)> = Vec::new();
    for page in &pack.info_pages {
        let place = || format!("page {}", page.id);
        all.push((&page.title, place(), "title".into()));
        for (i, block) in page.blocks.iter().enumerate() {
            let field = |f: &str| format!("blocks[{i}].{f}");
            match block {
                ContentBlock::Paragraph { text, .. }
                | ContentBlock::Heading { text }
                | ContentBlock::Notice { text, .. } => all.push((text, place(), field("text"))),
                ContentBlock::List { items, .. } => {
                    for (j, item) in items.iter().enumerate() {
                        all.push((item, place(), field(&format!("items[{j}]"))));
                    }
                }
                ContentBlock::Link { detail, .. } => {
                    if let Some(d) = detail {
                        all.push((d, place(), field("detail")));
                    }
                }
                ContentBlock::Actions { contact, channels } => {
                    for (note, at) in notes(pack, contact, channels) {
                        all.push((
                            note,
                            place(),
                            format!("{} ({contact} {at})", field("contact")),
                        ));
                    }
                }
            }
        }
    }
    let keys = k::KEYS
        .iter()
        .filter(|key| !k::UNTRANSLATED.contains(key))
        .chain(k::info::KEYS)
        .chain(k::terminal::KEYS)
        .chain(k::translation::KEYS);
    for key in keys {
        if let Some(text) = pack.ui.text(*key) {
            all.push((text, format!("string {}", key.id), "text".into()));
        }
    }
    for card in &pack.show.cards {
        all.push((&card.text, format!("card {}", card.id), "text".into()));
    }
    let mut seen: HashSet<&str> = HashSet::new();
    all.into_iter()
        .filter_map(|(text, place, field)| {
            let english = text.in_locale(crate::locale::BASE_LOCALE)?;
            seen.insert(english).then_some(Needed {
                english,
                place,
                field,
            })
        })
        .collect()
}

/// The notes of the phone and SMS numbers a page offers for `contact`.
fn notes<'p>(
    pack: &'p ContentPack,
    contact: &str,
    channels: &[ChannelRef],
) -> Vec<(&'p Text, String)> {
    let Some(c) = pack.contact(contact) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for ch in channels {
        let list = match ch.channel {
            Channel::Call | Channel::CallAbroad => &c.phones,
            Channel::Sms => &c.sms,
            Channel::Chat | Channel::Email | Channel::Web => continue,
        };
        for i in ch.positions(c) {
            if let Some(note) = list.get(i).and_then(|p| p.note.as_ref()) {
                out.push((note, format!("{}[{i}].note", ch.channel.id())));
            }
        }
    }
    out
}

/// Checks every language `pack.json` declares against the pack's English.
pub fn check(pack: &ContentPack, c: &mut Checker<'_>) {
    let needed = needed(pack);
    let mut names: Vec<&str> = pack
        .contacts
        .iter()
        .filter_map(|c| c.name.in_locale(crate::locale::BASE_LOCALE))
        .chain(
            pack.ui
                .text(k::APP_NAME)
                .and_then(|t| t.in_locale(crate::locale::BASE_LOCALE)),
        )
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let digests: BTreeMap<u64, &Needed<'_>> = needed
        .iter()
        .map(|n| (compact::key(n.english), n))
        .collect();
    if digests.len() != needed.len() {
        c.file("pack.json");
        c.issue(
            "-",
            "translations",
            IssueKind::Invalid {
                message: "two English texts share a digest; change one of them slightly".into(),
            },
        );
    }
    for id in pack.translations.ids() {
        if pack.translation(id).is_none() {
            c.file(file_name(id));
            c.issue(
                "-",
                "-",
                IssueKind::Invalid {
                    message: "is not declared in pack.json's translations".into(),
                },
            );
        }
    }
    for meta in &pack.meta.translations {
        c.file(file_name(&meta.id));
        match pack.translations.catalog(&meta.id) {
            None => c.issue("-", "-", IssueKind::MissingFile),
            Some(Err(message)) => c.issue("-", "-", IssueKind::Parse { message }),
            Some(Ok(catalog)) => {
                language(meta, &catalog, &needed, &names, c);
                stale(pack, meta, &catalog, &digests, c);
                c.file("pack.json");
                review(meta, &catalog, c);
            }
        }
    }
}

/// The English text quoted and shortened, to name a string in a message.
fn quoted(english: &str) -> String {
    let short: String = english.chars().take(60).collect();
    if short.len() < english.len() {
        format!("\"{short}…\"")
    } else {
        format!("\"{short}\"")
    }
}

/// True when `text` has letters besides its placeholders and the `names` it may keep as they
/// are (contacts' names, the app's name).
fn has_words(text: &str, names: &[&str]) -> bool {
    let mut rest = text.to_owned();
    for p in placeholders(text) {
        rest = rest.replace(&format!("{{{p}}}"), " ");
    }
    for name in names {
        rest = rest.replace(name, " ");
    }
    rest.chars().any(char::is_alphabetic)
}

fn language(
    meta: &TranslationMeta,
    catalog: &Catalog,
    needed: &[Needed<'_>],
    names: &[&str],
    c: &mut Checker<'_>,
) {
    let locale = || meta.id.clone();
    for n in needed {
        let field = format!("{} {}", n.field, quoted(n.english));
        let Some(tr) = catalog.get(n.english).filter(|t| !t.trim().is_empty()) else {
            c.issue(
                &n.place,
                &field,
                IssueKind::MissingTranslation { locale: locale() },
            );
            continue;
        };
        let (want, found) = (placeholders(n.english), placeholders(tr));
        if want != found {
            c.issue(
                &n.place,
                &field,
                IssueKind::PlaceholderMismatch {
                    locale: locale(),
                    expected: want.join(", "),
                    found: found.join(", "),
                },
            );
        }
        for (fact, of) in [
            ("numbers", numbers as fn(&str) -> Vec<String>),
            ("addresses", addresses),
        ] {
            let (english, translated) = (of(n.english), of(tr));
            if english != translated {
                c.issue(
                    &n.place,
                    &field,
                    IssueKind::FactMismatch {
                        locale: locale(),
                        fact: fact.into(),
                        english: english.join(", "),
                        found: translated.join(", "),
                    },
                );
            }
        }
        if let Some(mark) = direction_control(tr) {
            c.issue(
                &n.place,
                &field,
                IssueKind::DirectionMark {
                    locale: locale(),
                    mark: format!("U+{:04X}", u32::from(mark)),
                },
            );
        }
        let rtl = tr.chars().any(is_rtl_letter);
        let wrong = match meta.direction {
            TextDirection::Ltr => rtl,
            TextDirection::Rtl => !rtl && has_words(tr, names),
        };
        if wrong {
            c.issue(
                &n.place,
                &field,
                IssueKind::Invalid {
                    message: format!(
                        "the {} text is not in a {} script, as pack.json declares the language",
                        meta.id,
                        match meta.direction {
                            TextDirection::Ltr => "left-to-right",
                            TextDirection::Rtl => "right-to-left",
                        }
                    ),
                },
            );
        }
    }
}

/// Translations of English texts the pack no longer has.
fn stale(
    pack: &ContentPack,
    meta: &TranslationMeta,
    catalog: &Catalog,
    digests: &BTreeMap<u64, &Needed<'_>>,
    c: &mut Checker<'_>,
) {
    let written = pack
        .translations
        .english_texts(&meta.id)
        .unwrap_or_default();
    for (key, _) in catalog.table().entries() {
        if digests.contains_key(&key) {
            continue;
        }
        let item = written
            .iter()
            .find(|en| compact::key(en) == key)
            .map_or_else(|| format!("#{key:016x}"), |en| quoted(en));
        c.issue(
            &item,
            "-",
            IssueKind::Invalid {
                message: "translates an English text the app no longer shows (it changed or was \
                          removed): translate the new English and delete this entry"
                    .into(),
            },
        );
    }
}

/// A review must name who and when, and still match the strings.
fn review(meta: &TranslationMeta, catalog: &Catalog, c: &mut Checker<'_>) {
    let Review::Reviewed {
        by,
        on,
        fingerprint,
    } = &meta.review
    else {
        return;
    };
    let now = catalog.table().fingerprint();
    let mut problem = |message: String| {
        c.issue(
            &meta.id,
            "translations.review",
            IssueKind::Invalid { message },
        );
    };
    if by.trim().is_empty() {
        problem("a review names who made it".into());
    }
    if chrono::NaiveDate::parse_from_str(on, "%Y-%m-%d").is_err() {
        problem(format!("\"{on}\" is not a date (YYYY-MM-DD)"));
    }
    if *fingerprint != now {
        problem(format!(
            "the strings changed after {by} reviewed them on {on} (fingerprint {fingerprint}, \
             now {now}): have the changes reviewed, then record the new fingerprint, or set the \
             review back to not_reviewed"
        ));
    }
}
