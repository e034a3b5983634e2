//! "Show to the person": short cards a health or child-welfare worker shows a person they share
//! no language with, each one sentence in the person's language with the Norwegian under it.
//!
//! The cards live in `show.json` in English and Norwegian; every translated language has each
//! of them (the language check requires it), so the cards are offered in English and in every
//! translation. The professional's own screens stay in English or Norwegian.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::contacts::Contact;
use crate::content::check::{Checker, IssueKind};
use crate::content::source::SourceRef;
use crate::content::translations::facts::numbers;
use crate::text::Text;

/// Who the professional is: they pick it, and the matching card says so.
pub const WHO: &[&str] = &["health", "child-welfare", "helper"];

/// `show.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowFile {
    /// Interface strings of these screens (see `ui_keys::show`).
    pub strings: BTreeMap<String, Text>,
    /// Advice for the professional above the cards.
    pub advice: Advice,
    /// The cards, in the order shown.
    pub cards: Vec<ShowCard>,
}

impl ShowFile {
    /// The cards and their advice, and the strings for the pack's interface strings.
    pub fn split(self) -> (Show, BTreeMap<String, Text>) {
        (
            Show {
                advice: self.advice,
                cards: self.cards,
            },
            self.strings,
        )
    }
}

/// The cards and the advice for using them.
#[derive(Clone, Debug, Default)]
pub struct Show {
    /// Advice for the professional above the cards.
    pub advice: Advice,
    /// The cards, in the order shown.
    pub cards: Vec<ShowCard>,
}

/// Advice for the professional, from the guide.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// The advice.
    pub text: Text,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// One card.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShowCard {
    /// Stable id, used in the read-aloud button's id.
    pub id: String,
    /// For a card that says who the professional is: which of [`WHO`]; shown only once picked.
    #[serde(default)]
    pub who: Option<String>,
    /// The contact whose number the card gives, if it gives one.
    #[serde(default)]
    pub contact: Option<String>,
    /// The sentence, in English and Norwegian (the translations are keyed by the English).
    pub text: Text,
    /// Where its facts and advice come from.
    pub sources: Vec<SourceRef>,
}

impl Show {
    /// The card with `id`.
    pub fn card(&self, id: &str) -> Option<&ShowCard> {
        self.cards.iter().find(|c| c.id == id)
    }
}

/// Checks `show.json`: ids, texts, sources, one card for each of [`WHO`], and a number only
/// where the card names the contact it belongs to.
pub fn check(show: &Show, contacts: &[Contact], c: &mut Checker<'_>) {
    c.file("show.json");
    c.text("advice", "text", &show.advice.text);
    c.sources("advice", "sources", &show.advice.sources);
    for card in &show.cards {
        c.unique("card", &card.id);
        c.text(&card.id, "text", &card.text);
        c.sources(&card.id, "sources", &card.sources);
        if let Some(who) = &card.who
            && !WHO.contains(&who.as_str())
        {
            c.issue(
                &card.id,
                "who",
                IssueKind::Invalid {
                    message: format!("\"{who}\" is not one of: {}", WHO.join(", ")),
                },
            );
        }
        let contact = card
            .contact
            .as_ref()
            .map(|id| (id, contacts.iter().find(|x| &x.id == id)));
        if let Some((id, None)) = contact {
            c.issue(
                &card.id,
                "contact",
                IssueKind::DanglingReference {
                    kind: "contact".into(),
                    target: id.clone(),
                },
            );
        }
        // The card writes the number as the contact book displays it.
        let shown: Vec<String> = contact
            .and_then(|(_, x)| x)
            .map(|x| x.phones.iter().flat_map(|p| numbers(&p.display)).collect())
            .unwrap_or_default();
        for (_, text) in card.text.entries() {
            for n in numbers(text).into_iter().filter(|n| n.len() >= 3) {
                if !shown.contains(&n) {
                    c.issue(
                        &card.id,
                        "text",
                        IssueKind::Invalid {
                            message: format!(
                                "the number {n} is not one of the card's contact's numbers"
                            ),
                        },
                    );
                }
            }
        }
    }
    for who in WHO {
        let n = show
            .cards
            .iter()
            .filter(|card| card.who.as_deref() == Some(who))
            .count();
        if n != 1 {
            c.issue(
                "-",
                "cards",
                IssueKind::Invalid {
                    message: format!("{n} cards say who a \"{who}\" is; there must be one"),
                },
            );
        }
    }
}
