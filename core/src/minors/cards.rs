//! Action cards: what to do now, whom to contact (by time of day), what not to do, and why.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::TimeOfDay;
use crate::content::check::{Checker, IssueKind};
use crate::content::source::SourceRef;
use crate::text::Text;

/// An action card, collected on the way through the flow or ending it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// Stable id, unique among steps and cards.
    pub id: String,
    /// What to do, in a few words.
    pub title: Text,
    /// Shown as call buttons at the top of every later screen (emergency numbers).
    #[serde(default)]
    pub urgent: bool,
    /// What to do now, in order.
    pub do_now: Vec<Text>,
    /// Whom to contact, with the time of day each is first choice.
    pub contacts: Vec<CardContact>,
    /// Laws and sections the card rests on, where the sources name them.
    #[serde(default)]
    pub legal_basis: Vec<Text>,
    /// Ids of the things not to do.
    pub do_not: Vec<String>,
    /// Links to other screens.
    #[serde(default)]
    pub links: Vec<CardLink>,
    /// Where the facts come from.
    pub sources: Vec<SourceRef>,
}

/// A contact on a card.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardContact {
    /// The contact's id in `contacts.json`.
    pub id: String,
    /// When the contact comes first.
    pub when: When,
}

/// When a card's contact comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// At any time; listed in file order after the contacts for the current time of day.
    AnyTime,
    /// First within the assumed office hours, last outside them.
    OfficeHours,
    /// First outside the assumed office hours, last within them.
    AfterHours,
}

impl When {
    /// Sort rank at `now`: contacts for the time of day first, then any-time ones, then the rest.
    pub fn rank(self, now: TimeOfDay) -> u8 {
        match (self, now) {
            (Self::OfficeHours, TimeOfDay::OfficeHours)
            | (Self::AfterHours, TimeOfDay::AfterHours) => 0,
            (Self::AnyTime, _) => 1,
            (Self::OfficeHours, TimeOfDay::AfterHours)
            | (Self::AfterHours, TimeOfDay::OfficeHours) => 2,
        }
    }

    /// True when the contact is meant for `now` (or for any time).
    pub fn fits(self, now: TimeOfDay) -> bool {
        self.rank(now) < 2
    }
}

/// A link from a card to another screen.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardLink {
    /// The screen's link target, for example `duties`.
    pub target: String,
    /// The link text.
    pub label: Text,
}

/// Something not to do, shared by cards.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dont {
    /// Stable id.
    pub id: String,
    /// The warning.
    pub text: Text,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// Checks a thing not to do.
pub(super) fn check_dont(d: &Dont, c: &mut Checker<'_>) {
    c.text(&d.id, "text", &d.text);
    c.sources(&d.id, "sources", &d.sources);
}

/// Checks a card: texts, citations, contacts for every time of day, and things not to do.
pub(super) fn check_card(card: &Card, c: &mut Checker<'_>, always_open: &dyn Fn(&str) -> bool) {
    let id = card.id.as_str();
    let invalid = |message: &str| IssueKind::Invalid {
        message: message.to_owned(),
    };
    c.text(id, "title", &card.title);
    if card.do_now.is_empty() {
        c.issue(id, "do_now", invalid("says nothing to do"));
    }
    for (i, t) in card.do_now.iter().enumerate() {
        c.text(id, &format!("do_now[{i}]"), t);
    }
    for (i, t) in card.legal_basis.iter().enumerate() {
        c.text(id, &format!("legal_basis[{i}]"), t);
    }
    c.sources(id, "sources", &card.sources);
    if card.do_not.is_empty() {
        c.issue(id, "do_not", invalid("says nothing about what not to do"));
    }
    for (i, d) in card.do_not.iter().enumerate() {
        c.reference(id, &format!("do_not[{i}]"), "dont", d);
    }
    for (i, l) in card.links.iter().enumerate() {
        if crate::app::Route::parse(&l.target).is_err() {
            c.issue(
                id,
                &format!("links[{i}].target"),
                invalid("names no screen"),
            );
        }
        c.text(id, &format!("links[{i}].label"), &l.label);
    }
    check_contacts(card, c, always_open);
}

fn check_contacts(card: &Card, c: &mut Checker<'_>, always_open: &dyn Fn(&str) -> bool) {
    let id = card.id.as_str();
    let mut seen = HashSet::new();
    for (i, cc) in card.contacts.iter().enumerate() {
        c.reference(id, &format!("contacts[{i}].id"), "contact", &cc.id);
        if !seen.insert(cc.id.as_str()) {
            c.issue(
                id,
                &format!("contacts[{i}].id"),
                IssueKind::DuplicateId { id: cc.id.clone() },
            );
        }
    }
    for (now, name) in [
        (TimeOfDay::OfficeHours, "office hours"),
        (TimeOfDay::AfterHours, "after hours"),
    ] {
        if !card.contacts.iter().any(|cc| cc.when.fits(now)) {
            c.issue(
                id,
                "contacts",
                IssueKind::Invalid {
                    message: format!("has no contact for {name}"),
                },
            );
        }
    }
    let timed = card.contacts.iter().any(|cc| cc.when != When::AnyTime);
    let fallback = card
        .contacts
        .iter()
        .any(|cc| cc.when == When::AnyTime && always_open(&cc.id));
    if timed && !fallback {
        c.issue(
            id,
            "contacts",
            IssueKind::Invalid {
                message: "orders contacts by office hours but has no any-time contact that is always open".into(),
            },
        );
    }
}
