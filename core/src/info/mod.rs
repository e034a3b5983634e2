//! Discreet information for a person who may be exploited: the pages, their rules and their review.
//!
//! Pages live in `info.json`. A page has a title, sources and blocks; an `actions` block names
//! a contact and the channels to offer, and the contact book turns it into one-tap actions with
//! the contact's open-now status. Nothing here reads or writes storage.

pub mod trigger;

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::app::{Ctx, NoticeLevel, Screen};
use crate::calendar::Instant;
use crate::contacts::{Contact, Hours};
use crate::content::ContentPack;
use crate::content::check::{Checker, IssueKind};
use crate::content::source::{Citation, SourceRef, cite};
use crate::content::ui::Ui;
use crate::locale::Locales;
use crate::text::Text;
use crate::ui_keys::info as vk;

/// The id of the page the information starts from; every page must be reachable from it.
pub const START_PAGE: &str = "start";

/// Word stems that reveal the topic to someone looking over a shoulder or at the app switcher.
///
/// Titles, headings, link texts and the mode's interface strings must not contain a word
/// starting with one of these, in any locale.
pub const REVEALING_WORDS: &[&str] = &[
    "traffick",
    "victim",
    "exploit",
    "menneskehandel",
    "menneskehandl",
    "offer",
    "ofre",
    "utnytt",
];

/// `info.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InfoFile {
    /// The mode's interface strings (see `ui_keys::info`).
    pub strings: BTreeMap<String, Text>,
    /// The pages; the start page is the one with id [`START_PAGE`].
    pub pages: Vec<Page>,
}

/// One page of information.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Stable id, used in the route `info/<id>`.
    pub id: String,
    /// The title; it must not reveal the topic.
    pub title: Text,
    /// Where the page's facts come from.
    pub sources: Vec<SourceRef>,
    /// The content, top to bottom.
    pub blocks: Vec<ContentBlock>,
    /// The page this one replaces in the web build, where a browser keeps other traces than an
    /// app; such a page is reached wherever the one it replaces is.
    #[serde(default)]
    pub on_web_instead_of: Option<String>,
}

/// A piece of a page as the content file states it.
#[derive(Clone, Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum ContentBlock {
    /// A paragraph.
    Paragraph {
        /// Its text.
        text: Text,
        /// Sources for this block when they differ from the page's (older ones add a caution).
        #[serde(default)]
        sources: Vec<SourceRef>,
    },
    /// A bulleted list.
    List {
        /// The items.
        items: Vec<Text>,
        /// Sources for this block when they differ from the page's.
        #[serde(default)]
        sources: Vec<SourceRef>,
    },
    /// A section heading; it must not reveal the topic.
    Heading {
        /// Its text.
        text: Text,
    },
    /// A highlighted notice.
    Notice {
        /// How strongly to highlight it.
        level: NoticeLevel,
        /// Its text.
        text: Text,
        /// Sources for this block when they differ from the page's.
        #[serde(default)]
        sources: Vec<SourceRef>,
    },
    /// A link to another page, labelled with that page's title.
    Link {
        /// The page's id.
        page: String,
        /// A second line under the title.
        #[serde(default)]
        detail: Option<Text>,
    },
    /// One-tap actions for a contact from the contact book.
    Actions {
        /// The contact's id.
        contact: String,
        /// The channels to offer, in order.
        channels: Vec<ChannelRef>,
    },
}

impl ContentBlock {
    /// The block's own sources (empty when it relies on the page's).
    pub fn sources(&self) -> &[SourceRef] {
        match self {
            Self::Paragraph { sources, .. }
            | Self::List { sources, .. }
            | Self::Notice { sources, .. } => sources,
            Self::Heading { .. } | Self::Link { .. } | Self::Actions { .. } => &[],
        }
    }
}

/// A way to reach a contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Its phone numbers for use in Norway.
    Call,
    /// Its phone numbers for use from abroad.
    CallAbroad,
    /// Its SMS numbers.
    Sms,
    /// Its chat services.
    Chat,
    /// Its e-mail addresses.
    Email,
    /// Its web pages.
    Web,
}

impl Channel {
    const ALL: [Self; 6] = [
        Self::Call,
        Self::CallAbroad,
        Self::Sms,
        Self::Chat,
        Self::Email,
        Self::Web,
    ];

    /// The name used in the content file: its serde name.
    pub fn id(self) -> &'static str {
        crate::ids::id(&self)
    }

    /// True for channels that reach a person at once, where the open-now status matters.
    pub fn is_live(self) -> bool {
        matches!(self, Self::Call | Self::CallAbroad | Self::Sms | Self::Chat)
    }

    /// The channel's part of an action id from the contact book (`rosa.call.0`).
    pub fn action_kind(self) -> &'static str {
        match self {
            Self::Call | Self::CallAbroad => "call",
            Self::Sms => "sms",
            Self::Chat => "chat",
            Self::Email => "email",
            Self::Web => "web",
        }
    }
}

/// A channel of a contact, optionally only its n-th entry: `web` or `web:1` in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct ChannelRef {
    /// The channel.
    pub channel: Channel,
    /// Only the entry at this position among the channel's entries (from 0); all when absent.
    pub index: Option<usize>,
}

impl TryFrom<String> for ChannelRef {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        let (name, index) = match value.split_once(':') {
            Some((name, n)) => (name, Some(n)),
            None => (value.as_str(), None),
        };
        let channel = Channel::ALL.into_iter().find(|c| c.id() == name);
        let index = index.map(str::parse::<usize>).transpose();
        match (channel, index) {
            (Some(channel), Ok(index)) => Ok(Self { channel, index }),
            _ => Err(format!(
                "\"{value}\" is not a channel; use call, call_abroad, sms, chat, email or web, \
                 optionally with \":n\" for only the n-th entry (from 0)"
            )),
        }
    }
}

impl fmt::Display for ChannelRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(n) => write!(f, "{}:{n}", self.channel.id()),
            None => f.write_str(self.channel.id()),
        }
    }
}

impl ChannelRef {
    /// Positions of the selected entries in the contact's list for this channel
    /// (`phones` for calls, then `sms`, `chat`, `emails`, `web`); empty when it has none.
    pub fn positions(self, contact: &Contact) -> Vec<usize> {
        let phones = |abroad: bool| {
            contact
                .phones
                .iter()
                .enumerate()
                .filter(|(_, p)| p.abroad == abroad)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        let all = match self.channel {
            Channel::Call => phones(false),
            Channel::CallAbroad => phones(true),
            Channel::Sms => (0..contact.sms.len()).collect(),
            Channel::Chat => (0..contact.chat.len()).collect(),
            Channel::Email => (0..contact.emails.len()).collect(),
            Channel::Web => (0..contact.web.len()).collect(),
        };
        match self.index {
            None => all,
            Some(n) => all.get(n).copied().into_iter().collect(),
        }
    }
}

/// True for contacts that belong first on a page: open around the clock, or anonymous.
pub fn comes_first(contact: &Contact) -> bool {
    matches!(contact.hours, Hours::Always) || contact.anonymous == Some(true)
}

/// A page as a reviewer sees it: the screen and where its facts come from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InfoPage {
    /// The page as every shell shows it.
    pub screen: Screen,
    /// The page's sources and its blocks' own sources, each once.
    pub sources: Vec<Citation>,
}

/// Every page, in file order, with blocks, actions and sources (for `lykt info --json`).
pub fn all_pages(pack: &Arc<ContentPack>, locales: &Locales, now: Instant) -> Vec<InfoPage> {
    let ctx = Ctx {
        pack,
        locales,
        now,
        platform: crate::app::Platform::Terminal,
    };
    pack.info_pages
        .iter()
        .map(|page| {
            let mut refs: Vec<SourceRef> = Vec::new();
            for r in page
                .sources
                .iter()
                .chain(page.blocks.iter().flat_map(ContentBlock::sources))
            {
                if !refs.contains(r) {
                    refs.push(r.clone());
                }
            }
            InfoPage {
                screen: crate::app::info_screens::review(&ctx, &page.id),
                sources: cite(&pack.meta.sources, &refs, locales),
            }
        })
        .collect()
}

/// Checks every page of `info.json`.
pub fn check(pages: &[Page], contacts: &[Contact], ui: &Ui, c: &mut Checker<'_>) {
    c.file("info.json");
    for page in pages {
        c.unique("info page", &page.id);
    }
    if !pages.iter().any(|p| p.id == START_PAGE) {
        c.issue(
            "-",
            "pages",
            IssueKind::Invalid {
                message: format!("there is no start page \"{START_PAGE}\""),
            },
        );
    }
    let numbers = numbers(contacts);
    let mut t = Texts {
        c,
        numbers: &numbers,
    };
    for page in pages {
        check_page(page, contacts, &mut t);
        if let Some(original) = &page.on_web_instead_of {
            t.c.reference(&page.id, "on_web_instead_of", "info page", original);
        }
    }
    for page in unreachable(pages) {
        t.c.issue(
            &page.id,
            "id",
            IssueKind::Unreachable {
                start: START_PAGE.to_owned(),
            },
        );
    }
    for key in vk::KEYS {
        if let Some(text) = ui.text(*key) {
            t.heading(key.id, "text", text);
        }
    }
}

fn check_page(page: &Page, contacts: &[Contact], t: &mut Texts<'_, '_>) {
    let id = page.id.as_str();
    t.heading(id, "title", &page.title);
    t.c.sources(id, "sources", &page.sources);
    let mut seen: HashSet<&str> = HashSet::new();
    let mut first_plain: Option<&str> = None;
    let mut actions = 0;
    for (i, block) in page.blocks.iter().enumerate() {
        let field = |f: &str| format!("blocks[{i}].{f}");
        t.c.source_refs(id, &field("sources"), block.sources());
        match block {
            ContentBlock::Paragraph { text, .. } | ContentBlock::Notice { text, .. } => {
                t.body(id, &field("text"), text);
            }
            ContentBlock::List { items, .. } => {
                if items.is_empty() {
                    t.c.issue(
                        id,
                        &field("items"),
                        IssueKind::Invalid {
                            message: "the list is empty".into(),
                        },
                    );
                }
                for (j, item) in items.iter().enumerate() {
                    t.body(id, &field(&format!("items[{j}]")), item);
                }
            }
            ContentBlock::Heading { text } => t.heading(id, &field("text"), text),
            ContentBlock::Link {
                page: target,
                detail,
            } => {
                t.c.reference(id, &field("page"), "info page", target);
                if let Some(detail) = detail {
                    t.heading(id, &field("detail"), detail);
                }
            }
            ContentBlock::Actions { contact, channels } => {
                actions += 1;
                t.c.reference(id, &field("contact"), "contact", contact);
                if !seen.insert(contact) {
                    t.c.issue(
                        id,
                        &field("contact"),
                        IssueKind::DuplicateId {
                            id: contact.clone(),
                        },
                    );
                }
                if channels.is_empty() {
                    t.c.issue(
                        id,
                        &field("channels"),
                        IssueKind::Invalid {
                            message: "names no channel".into(),
                        },
                    );
                }
                let Some(found) = contacts.iter().find(|x| &x.id == contact) else {
                    continue;
                };
                for (j, ch) in channels.iter().enumerate() {
                    if ch.positions(found).is_empty() {
                        t.c.issue(
                            id,
                            &field(&format!("channels[{j}]")),
                            IssueKind::MissingChannel {
                                contact: contact.clone(),
                                channel: ch.to_string(),
                            },
                        );
                    }
                }
                match (comes_first(found), first_plain) {
                    (true, Some(after)) => t.c.issue(
                        id,
                        &field("contact"),
                        IssueKind::ActionOrder {
                            contact: contact.clone(),
                            after: after.to_owned(),
                        },
                    ),
                    (false, None) => first_plain = Some(contact),
                    _ => {}
                }
            }
        }
    }
    if actions == 0 {
        t.c.issue(id, "blocks", IssueKind::NoAction);
    }
}

/// Pages that links from the start page never reach.
fn unreachable(pages: &[Page]) -> Vec<&Page> {
    if pages.iter().all(|p| p.id != START_PAGE) {
        return Vec::new();
    }
    let mut reached: HashSet<&str> = HashSet::new();
    let mut queue: VecDeque<&str> = VecDeque::from([START_PAGE]);
    while let Some(id) = queue.pop_front() {
        if !reached.insert(id) {
            continue;
        }
        let Some(page) = pages.iter().find(|p| p.id == id) else {
            continue;
        };
        for block in &page.blocks {
            if let ContentBlock::Link { page: target, .. } = block {
                queue.push_back(target);
            }
        }
        let variants = pages
            .iter()
            .filter(|p| p.on_web_instead_of.as_deref() == Some(id));
        queue.extend(variants.map(|p| p.id.as_str()));
    }
    pages
        .iter()
        .filter(|p| !reached.contains(p.id.as_str()))
        .collect()
}

/// Every form in which a contact's phone or SMS number could be written.
fn numbers(contacts: &[Contact]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in contacts.iter().flat_map(|c| c.phones.iter().chain(&c.sms)) {
        for form in [
            p.display.as_str(),
            p.display.trim_start_matches("+47").trim(),
            p.dial.as_str(),
            p.dial.trim_start_matches("+47"),
        ] {
            if form.len() >= 3 && !out.iter().any(|o| o == form) {
                out.push(form.to_owned());
            }
        }
    }
    out
}

/// Checks the texts of pages: present in every locale, no repeated numbers, and for titles
/// and headings no revealing words.
struct Texts<'c, 'a> {
    c: &'c mut Checker<'a>,
    numbers: &'c [String],
}

impl Texts<'_, '_> {
    fn body(&mut self, item: &str, field: &str, text: &Text) {
        self.c.text(item, field, text);
        // Only a text with a digit can repeat a number.
        for (_, s) in text
            .entries()
            .filter(|(_, s)| s.bytes().any(|b| b.is_ascii_digit()))
        {
            if let Some(number) = self.numbers.iter().find(|n| contains_number(s, n)) {
                self.c.issue(
                    item,
                    field,
                    IssueKind::RepeatedNumber {
                        number: number.clone(),
                    },
                );
            }
        }
    }

    fn heading(&mut self, item: &str, field: &str, text: &Text) {
        self.body(item, field, text);
        for (locale, s) in text.entries() {
            if let Some(word) = revealing_word(s) {
                self.c.issue(
                    item,
                    field,
                    IssueKind::RevealingWord {
                        locale: locale.to_owned(),
                        word,
                    },
                );
            }
        }
    }
}

/// The first word of `text` that reveals the topic, if any.
pub fn revealing_word(text: &str) -> Option<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| REVEALING_WORDS.iter().any(|stem| w.starts_with(stem)))
        .map(str::to_owned)
}

/// True when `number` occurs in `text` and is not part of a longer run of digits.
fn contains_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revealing_words_are_found_in_any_case_and_form() {
        assert_eq!(
            revealing_word("Help for Victims"),
            Some("victims".to_owned())
        );
        assert_eq!(
            revealing_word("Utsatt for menneskehandel?"),
            Some("menneskehandel".to_owned())
        );
        assert_eq!(
            revealing_word("Hjelp til ofrene"),
            Some("ofrene".to_owned())
        );
        assert_eq!(
            revealing_word("EXPLOITATION at work"),
            Some("exploitation".to_owned())
        );
        assert_eq!(revealing_word("Information for you"), None);
        assert_eq!(revealing_word("Offentlig hjelp"), None);
    }

    #[test]
    fn channel_refs_parse_with_and_without_position() {
        let r = ChannelRef::try_from("web:2".to_owned()).expect("valid");
        assert_eq!((r.channel, r.index), (Channel::Web, Some(2)));
        assert_eq!(r.to_string(), "web:2");
        let r = ChannelRef::try_from("call_abroad".to_owned()).expect("valid");
        assert_eq!((r.channel, r.index), (Channel::CallAbroad, None));
        for bad in ["fax", "web:", "web:x", "", "call:1:2"] {
            assert!(ChannelRef::try_from(bad.to_owned()).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn numbers_match_only_as_whole_numbers() {
        assert!(contains_number("Ring 112 nå", "112"));
        assert!(contains_number("112", "112"));
        assert!(!contains_number("Ring 1120", "112"));
        assert!(!contains_number("nr. 2112", "112"));
        assert!(contains_number("Ring 22 33 11 60.", "22 33 11 60"));
    }
}
