//! The offline contact book: organisations, helplines and web resources from the sources.

pub mod hours;

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize, Serializer};

use crate::actions::{Action, ActionLabels};
use crate::calendar::{self, Instant, holiday, local};
use crate::content::ContentPack;
use crate::content::check::{Checker, IssueKind};
use crate::content::source::{Citation, SourceRef, cite, only_older};
use crate::error::Error;
use crate::ids::Vocabulary;
use crate::locale::Locales;
use crate::search::{Document, Weight, query_words};
use crate::text::Text;
use crate::ui_keys as k;
pub use hours::{Hours, OpenState, Status};

/// Who a contact is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Adults who may be exploited.
    Victims,
    /// Children and young people under 18.
    Minors,
    /// Staff and volunteers who meet them.
    Professionals,
    /// Everybody.
    Anyone,
}

impl Vocabulary for Audience {
    const FIELD: &'static str = "audience";
    const ALL: &'static [Self] = &[
        Self::Victims,
        Self::Minors,
        Self::Professionals,
        Self::Anyone,
    ];

    fn unknown(value: &str) -> Error {
        Error::UnknownAudience {
            value: value.to_owned(),
        }
    }
}

impl Audience {
    fn label_key(self) -> crate::content::ui::Key {
        match self {
            Self::Victims => k::AUDIENCE_VICTIMS,
            Self::Minors => k::AUDIENCE_MINORS,
            Self::Professionals => k::AUDIENCE_PROFESSIONALS,
            Self::Anyone => k::AUDIENCE_ANYONE,
        }
    }
}

/// Kind of contact, used to group the list (in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Emergency numbers.
    Emergency,
    /// Helplines.
    Helpline,
    /// Public agencies.
    Public,
    /// Support services and voluntary organisations.
    Organisation,
    /// Web resources.
    Online,
    /// International bodies.
    International,
}

impl Category {
    fn label_key(self) -> crate::content::ui::Key {
        match self {
            Self::Emergency => k::CATEGORY_EMERGENCY,
            Self::Helpline => k::CATEGORY_HELPLINE,
            Self::Public => k::CATEGORY_PUBLIC,
            Self::Organisation => k::CATEGORY_ORGANISATION,
            Self::Online => k::CATEGORY_ONLINE,
            Self::International => k::CATEGORY_INTERNATIONAL,
        }
    }
}

/// `contacts.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactsFile {
    /// Every contact, in display order.
    pub contacts: Vec<Contact>,
}

/// A contact as the content pack states it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Stable id, for example `rosa`.
    pub id: String,
    /// Name.
    pub name: Text,
    /// What they help with, in our own words.
    pub summary: Text,
    /// Kind of contact.
    pub category: Category,
    /// Who it is for.
    pub audiences: Vec<Audience>,
    /// Phone numbers.
    #[serde(default)]
    pub phones: Vec<Phone>,
    /// SMS numbers.
    #[serde(default)]
    pub sms: Vec<Phone>,
    /// E-mail addresses.
    #[serde(default)]
    pub emails: Vec<Link>,
    /// Web pages.
    #[serde(default)]
    pub web: Vec<Link>,
    /// Chat services.
    #[serde(default)]
    pub chat: Vec<Link>,
    /// Opening hours.
    pub hours: Hours,
    /// Language ids the service is offered in, where stated.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Whether an interpreter can be arranged, where stated.
    #[serde(default)]
    pub interpreter: Option<bool>,
    /// Whether one may stay anonymous, where stated.
    #[serde(default)]
    pub anonymous: Option<bool>,
    /// Whether it is free of charge, where stated.
    #[serde(default)]
    pub free: Option<bool>,
    /// Search words, space-separated, per locale.
    pub tags: Text,
    /// Where the facts come from.
    pub sources: Vec<SourceRef>,
}

/// A phone or SMS number.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// Exactly as dialled in Norway: digits, optional leading `+`.
    pub dial: String,
    /// As printed, for example "22 33 11 60".
    pub display: String,
    /// The number to use from outside Norway.
    #[serde(default)]
    pub abroad: bool,
    /// A note such as when it is answered.
    #[serde(default)]
    pub note: Option<Text>,
    /// Sources for this number when they differ from the contact's.
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}

/// An e-mail address, web page or chat service.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The address: `https://…` for pages, `name@domain` for e-mail.
    pub address: String,
    /// A label saying what the page is.
    #[serde(default)]
    pub label: Option<Text>,
    /// Sources for this address when they differ from the contact's.
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}

/// Checks every contact in `contacts.json`.
pub fn check(contacts: &[Contact], c: &mut Checker<'_>, pack_languages: &dyn Fn(&str) -> bool) {
    c.file("contacts.json");
    for contact in contacts {
        c.unique("contact", &contact.id);
    }
    for contact in contacts {
        let id = contact.id.as_str();
        c.text(id, "name", &contact.name);
        c.text(id, "summary", &contact.summary);
        c.text(id, "tags", &contact.tags);
        c.sources(id, "sources", &contact.sources);
        if contact.audiences.is_empty() {
            c.issue(
                id,
                "audiences",
                IssueKind::Invalid {
                    message: "names no audience".into(),
                },
            );
        }
        let channels = contact.phones.len()
            + contact.sms.len()
            + contact.emails.len()
            + contact.web.len()
            + contact.chat.len();
        if channels == 0 {
            c.issue(
                id,
                "-",
                IssueKind::Invalid {
                    message: "has no way to reach it".into(),
                },
            );
        }
        for (field, list) in [("phones", &contact.phones), ("sms", &contact.sms)] {
            for (i, p) in list.iter().enumerate() {
                c.dial(id, &format!("{field}[{i}].dial"), &p.dial, &p.display);
                if let Some(note) = &p.note {
                    c.text(id, &format!("{field}[{i}].note"), note);
                }
                c.source_refs(id, &format!("{field}[{i}].sources"), &p.sources);
            }
        }
        for (i, e) in contact.emails.iter().enumerate() {
            c.email(id, &format!("emails[{i}].address"), &e.address);
            check_link_extras(c, id, &format!("emails[{i}]"), e);
        }
        for (field, list) in [("web", &contact.web), ("chat", &contact.chat)] {
            for (i, w) in list.iter().enumerate() {
                c.url(id, &format!("{field}[{i}].address"), &w.address);
                check_link_extras(c, id, &format!("{field}[{i}]"), w);
            }
        }
        contact.hours.check(c, id);
        for (i, lang) in contact.languages.iter().enumerate() {
            if !pack_languages(lang) {
                c.issue(
                    id,
                    &format!("languages[{i}]"),
                    IssueKind::DanglingReference {
                        kind: "language name".into(),
                        target: lang.clone(),
                    },
                );
            }
        }
    }
}

fn check_link_extras(c: &mut Checker<'_>, id: &str, field: &str, link: &Link) {
    if let Some(label) = &link.label {
        c.text(id, &format!("{field}.label"), label);
    }
    c.source_refs(id, &format!("{field}.sources"), &link.sources);
}

/// Contacts indexed for look-up, and for search once the first search needs it.
#[derive(Debug, Default)]
pub struct ContactIndex {
    by_id: HashMap<String, usize>,
    documents: OnceLock<Vec<Document>>,
}

impl ContactIndex {
    /// Indexes `contacts` by id; the search index is built on first use, off the start-up path.
    pub fn build(contacts: &[Contact]) -> Self {
        let by_id = contacts
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        Self {
            by_id,
            documents: OnceLock::new(),
        }
    }

    /// Position of the contact with `id`.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The searchable text of every contact in every locale, in pack order.
    fn documents(&self, contacts: &[Contact]) -> &[Document] {
        self.documents.get_or_init(|| {
            contacts
                .iter()
                .map(|c| {
                    let mut doc = Document::default();
                    for (_, s) in c.name.entries() {
                        doc.add(Weight::Name, s);
                    }
                    for (_, s) in c.tags.entries() {
                        doc.add(Weight::Tag, s);
                    }
                    for (_, s) in c.summary.entries() {
                        doc.add(Weight::Body, s);
                    }
                    for p in c.phones.iter().chain(&c.sms) {
                        doc.add(Weight::Tag, &p.display);
                        doc.add(Weight::Tag, &p.dial);
                    }
                    doc
                })
                .collect()
        })
    }
}

/// Serialises an instant as RFC 3339 UTC.
fn ser_instant<S: Serializer>(secs: &i64, s: S) -> Result<S::Ok, S::Error> {
    match calendar::from_unix(*secs) {
        Ok(t) => s.serialize_str(&calendar::rfc3339_utc(t)),
        Err(_) => s.serialize_i64(*secs),
    }
}

fn ser_opt_instant<S: Serializer>(secs: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    match secs {
        Some(v) => ser_instant(v, s),
        None => s.serialize_none(),
    }
}

/// A phone or SMS number ready to show and dial.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PhoneView {
    /// As dialled.
    pub dial: String,
    /// As printed.
    pub display: String,
    /// `tel:` or `sms:` URI.
    pub uri: String,
    /// For use from abroad.
    pub abroad: bool,
    /// A note, for example when it is answered.
    pub note: Option<String>,
    /// True when only an older source gives this number.
    pub older_source: bool,
}

/// An e-mail address, web page or chat ready to show and open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AddressView {
    /// The address as shown.
    pub address: String,
    /// `mailto:` or `https:` URI.
    pub uri: String,
    /// What the page is.
    pub label: Option<String>,
    /// True when only an older source gives this address.
    pub older_source: bool,
}

/// A contact resolved for one locale and instant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContactView {
    /// Stable id.
    pub id: String,
    /// Name.
    pub name: String,
    /// What they help with.
    pub summary: String,
    /// Kind of contact.
    pub category: Category,
    /// Who it is for.
    pub audiences: Vec<Audience>,
    /// Phone numbers.
    pub phones: Vec<PhoneView>,
    /// SMS numbers.
    pub sms: Vec<PhoneView>,
    /// E-mail addresses.
    pub emails: Vec<AddressView>,
    /// Web pages.
    pub web: Vec<AddressView>,
    /// Chat services.
    pub chat: Vec<AddressView>,
    /// Opening hours, readable.
    pub hours: String,
    /// Open state at the instant asked about.
    pub status: OpenState,
    /// The state as a sentence, with the next change.
    pub status_text: String,
    /// When an open contact closes.
    #[serde(serialize_with = "ser_opt_instant")]
    pub open_until: Option<i64>,
    /// When a closed contact opens next.
    #[serde(serialize_with = "ser_opt_instant")]
    pub next_open: Option<i64>,
    /// Languages offered, where stated.
    pub languages: Vec<String>,
    /// Whether an interpreter can be arranged, where stated.
    pub interpreter: Option<bool>,
    /// Whether one may stay anonymous, where stated.
    pub anonymous: Option<bool>,
    /// Whether it is free, where stated.
    pub free: Option<bool>,
    /// True when every source for this contact is an older document.
    pub older_source: bool,
    /// Where the facts come from.
    pub sources: Vec<Citation>,
    /// Every channel as a one-tap action, calls first.
    pub actions: Vec<Action>,
}

/// A public holiday as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct HolidayView {
    /// Stable id, for example `constitution_day`.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// Contacts at an instant, with the public-holiday caution when it applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContactListing {
    /// The instant asked about.
    #[serde(serialize_with = "ser_instant")]
    pub at: i64,
    /// The same instant in Oslo local time (RFC 3339).
    pub local_time: String,
    /// Today's public holiday in Norway, if any.
    pub public_holiday: Option<HolidayView>,
    /// On a public holiday: offices with weekday hours may be closed.
    pub holiday_notice: Option<String>,
    /// On a public holiday: ids of always-open contacts for the same audience.
    pub always_open_alternatives: Vec<String>,
    /// The contacts, in display order or by relevance for a search.
    pub contacts: Vec<ContactView>,
}

/// The contact book for one caller's locales.
#[derive(Clone, Debug)]
pub struct ContactBook {
    pack: Arc<ContentPack>,
    locales: Locales,
}

impl ContactBook {
    /// A book over `pack` in `locales`.
    pub fn new(pack: Arc<ContentPack>, locales: Locales) -> Self {
        Self { pack, locales }
    }

    /// Every contact for `audience` (all when `None`), grouped by category, in display order.
    pub fn list(&self, audience: Option<Audience>, at: Instant) -> ContactListing {
        let mut picked: Vec<&Contact> = self
            .pack
            .contacts
            .iter()
            .filter(|c| serves(c, audience))
            .collect();
        picked.sort_by_key(|c| c.category);
        self.listing(&picked, audience, at)
    }

    /// Contacts matching `query` in any language, best first.
    pub fn search(&self, query: &str, audience: Option<Audience>, at: Instant) -> ContactListing {
        let words = query_words(query);
        let documents = self.pack.contact_index.documents(&self.pack.contacts);
        let mut scored: Vec<(u32, usize)> = self
            .pack
            .contacts
            .iter()
            .enumerate()
            .filter(|(_, c)| serves(c, audience))
            .map(|(i, _)| (documents[i].score(&words), i))
            .filter(|(score, _)| *score > 0)
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let picked: Vec<&Contact> = scored
            .iter()
            .map(|(_, i)| &self.pack.contacts[*i])
            .collect();
        self.listing(&picked, audience, at)
    }

    /// One contact.
    pub fn contact(&self, id: &str, at: Instant) -> Result<ContactView, Error> {
        self.pack
            .contact(id)
            .map(|c| self.view(c, at))
            .ok_or_else(|| Error::UnknownContact { id: id.to_owned() })
    }

    /// The open status of one contact.
    pub fn status(&self, id: &str, at: Instant) -> Result<Status, Error> {
        self.pack
            .contact(id)
            .map(|c| c.hours.status(at))
            .ok_or_else(|| Error::UnknownContact { id: id.to_owned() })
    }

    /// The caution shown on a public holiday, if `at` falls on one.
    pub fn holiday_at(&self, at: Instant) -> Option<HolidayView> {
        holiday(local(at).date_naive()).map(|h| HolidayView {
            id: h.id().to_owned(),
            name: self.pack.ui.get(h.name_key(), &self.locales).to_owned(),
        })
    }

    /// The label of an audience.
    pub fn audience_label(&self, audience: Audience) -> &str {
        self.pack.ui.get(audience.label_key(), &self.locales)
    }

    /// The label of a category.
    pub fn category_label(&self, category: Category) -> &str {
        self.pack.ui.get(category.label_key(), &self.locales)
    }

    fn listing(
        &self,
        picked: &[&Contact],
        audience: Option<Audience>,
        at: Instant,
    ) -> ContactListing {
        let public_holiday = self.holiday_at(at);
        let (holiday_notice, always_open_alternatives) = match &public_holiday {
            Some(h) => (
                Some(self.pack.ui.fill(
                    k::CONTACTS_HOLIDAY_NOTICE,
                    &self.locales,
                    &[("holiday", &h.name)],
                )),
                self.pack
                    .contacts
                    .iter()
                    .filter(|c| serves(c, audience) && matches!(c.hours, Hours::Always))
                    .map(|c| c.id.clone())
                    .collect(),
            ),
            None => (None, Vec::new()),
        };
        ContactListing {
            at: at.timestamp(),
            local_time: calendar::rfc3339_local(at),
            public_holiday,
            holiday_notice,
            always_open_alternatives,
            contacts: picked.iter().map(|c| self.view(c, at)).collect(),
        }
    }

    fn view(&self, c: &Contact, at: Instant) -> ContactView {
        let l = &self.locales;
        let ui = &self.pack.ui;
        let sources = &self.pack.meta.sources;
        let contact_older = only_older(sources, &c.sources);
        let older = |refs: &[SourceRef]| {
            if refs.is_empty() {
                contact_older
            } else {
                only_older(sources, refs)
            }
        };
        let name = c.name.get(l);
        let labels = ActionLabels::new(ui, l);
        let status = c.hours.status(at);
        let phone_view = |p: &Phone, scheme: &str| PhoneView {
            dial: p.dial.clone(),
            display: p.display.clone(),
            uri: format!("{scheme}:{}", p.dial),
            abroad: p.abroad,
            note: p.note.as_ref().map(|n| n.get(l).to_owned()),
            older_source: older(&p.sources),
        };
        let link_view = |w: &Link, scheme: &str| AddressView {
            address: w.address.clone(),
            uri: format!("{scheme}{}", w.address),
            label: w.label.as_ref().map(|t| t.get(l).to_owned()),
            older_source: older(&w.sources),
        };
        let mut actions = Vec::new();
        for (i, p) in c.phones.iter().enumerate() {
            actions.push(labels.call(
                format!("{}.call.{i}", c.id),
                name,
                &p.dial,
                &p.display,
                p.abroad,
            ));
        }
        for (i, p) in c.sms.iter().enumerate() {
            actions.push(labels.sms(format!("{}.sms.{i}", c.id), name, &p.dial, &p.display));
        }
        for (i, w) in c.chat.iter().enumerate() {
            actions.push(labels.web(format!("{}.chat.{i}", c.id), name, &w.address, true));
        }
        for (i, e) in c.emails.iter().enumerate() {
            actions.push(labels.email(format!("{}.email.{i}", c.id), name, &e.address));
        }
        for (i, w) in c.web.iter().enumerate() {
            actions.push(labels.web(format!("{}.web.{i}", c.id), name, &w.address, false));
        }
        ContactView {
            id: c.id.clone(),
            name: name.to_owned(),
            summary: c.summary.get(l).to_owned(),
            category: c.category,
            audiences: c.audiences.clone(),
            phones: c.phones.iter().map(|p| phone_view(p, "tel")).collect(),
            sms: c.sms.iter().map(|p| phone_view(p, "sms")).collect(),
            emails: c.emails.iter().map(|e| link_view(e, "mailto:")).collect(),
            web: c.web.iter().map(|w| link_view(w, "")).collect(),
            chat: c.chat.iter().map(|w| link_view(w, "")).collect(),
            hours: c.hours.summary(ui, l),
            status: status.state,
            status_text: status.text(at, ui, l),
            open_until: status.until.map(|t| t.timestamp()),
            next_open: status.next_open.map(|t| t.timestamp()),
            languages: c
                .languages
                .iter()
                .map(|id| self.pack.language_name(id, l).to_owned())
                .collect(),
            interpreter: c.interpreter,
            anonymous: c.anonymous,
            free: c.free,
            older_source: contact_older,
            sources: cite(sources, &c.sources, l),
            actions,
        }
    }
}

/// True when `c` serves `audience` (or no audience is asked for).
fn serves(c: &Contact, audience: Option<Audience>) -> bool {
    audience.is_none_or(|a| c.audiences.contains(&a) || c.audiences.contains(&Audience::Anyone))
}
