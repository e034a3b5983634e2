//! The minors' flow and checklist in a caller's language at an instant: steps, action cards
//! with contacts in time-of-day order, walks and the review graph.

use std::sync::Arc;

use chrono::Datelike;
use serde::Serialize;

use super::flow::{FlowSession, Step};
use super::placement::{ItemStatus, PlacementChecklist};
use super::{Card, TimeOfDay, When};
use crate::actions::{Action, ActionKind};
use crate::app::ScreenLink;
use crate::calendar::{self, Instant, local};
use crate::checklist::{Progress, Status};
use crate::contacts::hours::weekday_key;
use crate::contacts::{ContactBook, ContactView, HolidayView, Hours, OpenState};
use crate::content::ContentPack;
use crate::content::source::{Citation, SourceRef, cite};
use crate::error::Error;
use crate::locale::Locales;
use crate::text::fill;
use crate::ui_keys::{self as shared, minors as k};

/// The minors' flow and the placement checklist for one caller's locales.
#[derive(Clone, Debug)]
pub struct MinorsFlow {
    pack: Arc<ContentPack>,
    locales: Locales,
}

/// A question as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StepView {
    /// The question's id.
    pub id: String,
    /// The question.
    pub question: String,
    /// A short explanation, if any.
    pub help: Option<String>,
    /// The answers.
    pub options: Vec<OptionView>,
}

/// An answer as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OptionView {
    /// The option's id.
    pub id: String,
    /// Its text.
    pub label: String,
    /// The next question's id, or the id of the card that ends the flow.
    pub next: String,
    /// Ids of the cards this answer adds, in order.
    pub collect: Vec<String>,
}

/// A question answered on the way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnsweredStep {
    /// The question's id.
    pub step: String,
    /// The question.
    pub question: String,
    /// The option's id.
    pub option: String,
    /// The answer's text.
    pub answer: String,
}

/// A contact on a card or checklist item, with its open-now state and one-tap actions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContactLine {
    /// The contact's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// When it comes first.
    pub when: When,
    /// True when it is meant for the current time of day (or for any time).
    pub fits_now: bool,
    /// Open state now.
    pub status: OpenState,
    /// The state as a sentence.
    pub status_text: String,
    /// Its calls (numbers for use in Norway), or its first action when it has no phone.
    pub actions: Vec<Action>,
}

/// An action card as shown at an instant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CardView {
    /// The card's id.
    pub id: String,
    /// What to do, in a few words.
    pub title: String,
    /// An emergency call to keep at the top of later screens.
    pub urgent: bool,
    /// What to do now.
    pub do_now: Vec<String>,
    /// Whom to contact, those for the current time of day first.
    pub contacts: Vec<ContactLine>,
    /// The office-hours caution, when the order depends on the time of day.
    pub office_hours_note: Option<String>,
    /// What not to do.
    pub do_not: Vec<String>,
    /// Laws and sections.
    pub legal_basis: Vec<String>,
    /// Links to other screens.
    pub links: Vec<ScreenLink>,
    /// Where the facts come from.
    pub sources: Vec<Citation>,
}

/// A walk through the flow: the answers, where they led, and every action collected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Walk {
    /// The instant (RFC 3339, UTC).
    pub at: String,
    /// The same instant in Oslo local time (RFC 3339).
    pub local_time: String,
    /// Within or outside the assumed office hours.
    pub time_of_day: TimeOfDay,
    /// The time and time of day as a sentence.
    pub now_text: String,
    /// Today's public holiday in Norway, if any.
    pub public_holiday: Option<HolidayView>,
    /// The answers, in order.
    pub path: Vec<AnsweredStep>,
    /// The open question, while the flow has not ended.
    pub current_step: Option<StepView>,
    /// The id of the card the flow ended at.
    pub end_card: Option<String>,
    /// True when the flow has ended at a card.
    pub finished: bool,
    /// The collected cards and the end card, in order.
    pub actions: Vec<CardView>,
}

/// A card in the review graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GraphCard {
    /// The card's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its contacts' ids, in file order.
    pub contacts: Vec<String>,
    /// Laws and sections.
    pub legal_basis: Vec<String>,
    /// Where the facts come from.
    pub sources: Vec<Citation>,
}

/// The whole flow for review: questions with where each answer leads, and the cards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Graph {
    /// The first question's id.
    pub start: String,
    /// Every question.
    pub steps: Vec<StepView>,
    /// Every card.
    pub cards: Vec<GraphCard>,
}

/// A checklist item as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlacementItemView {
    /// The item's id.
    pub id: String,
    /// What to see to.
    pub text: String,
    /// What it involves.
    pub detail: String,
    /// Laws and sections.
    pub legal_basis: Vec<String>,
    /// Its status.
    pub status: ItemStatus,
    /// The status as shown.
    pub status_label: String,
    /// Contacts that help with it.
    pub contacts: Vec<ContactLine>,
    /// Where the facts come from.
    pub sources: Vec<Citation>,
}

/// The emergency-placement checklist as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlacementView {
    /// Title.
    pub title: String,
    /// Items done of those that apply.
    pub progress: Progress,
    /// The progress as shown, for example "3 of 9 done".
    pub progress_text: String,
    /// The items, in order.
    pub items: Vec<PlacementItemView>,
}

impl MinorsFlow {
    /// The flow of `pack` in `locales`.
    pub fn new(pack: Arc<ContentPack>, locales: Locales) -> Self {
        Self { pack, locales }
    }

    /// A new session at the first question.
    pub fn session(&self) -> FlowSession {
        FlowSession::new(self.pack.clone())
    }

    /// Within or outside the assumed office hours at `at`.
    pub fn time_of_day(&self, at: Instant) -> TimeOfDay {
        self.pack.minors.office_hours_assumption.time_of_day(at)
    }

    /// Walks the flow with `answers` (option ids, in order) at `at`.
    ///
    /// Fewer answers than questions give an unfinished walk. An answer that is not an option
    /// of its question is an [`Error::InvalidAnswer`] naming the question and its options; an
    /// answer after the end is an [`Error::FlowEnded`].
    pub fn walk<S: AsRef<str>>(&self, answers: &[S], at: Instant) -> Result<Walk, Error> {
        let mut session = self.session();
        for a in answers {
            session.answer(a.as_ref())?;
        }
        Ok(self.outcome(&session, at))
    }

    /// Where a session stands at `at`, with every action collected so far.
    pub fn outcome(&self, session: &FlowSession, at: Instant) -> Walk {
        let flow = &self.pack.minors.flow;
        let path = session
            .path()
            .iter()
            .filter_map(|a| {
                let step = flow.step(&a.step)?;
                let option = step.option(&a.option)?;
                Some(AnsweredStep {
                    step: step.id.clone(),
                    question: self.text(&step.question),
                    option: option.id.clone(),
                    answer: self.text(&option.label),
                })
            })
            .collect();
        Walk {
            at: calendar::rfc3339_utc(at),
            local_time: calendar::rfc3339_local(at),
            time_of_day: self.time_of_day(at),
            now_text: self.now_text(at),
            public_holiday: self.book().holiday_at(at),
            path,
            current_step: session.current_step().map(|s| self.step_view(s)),
            end_card: session.end_card().map(|c| c.id.clone()),
            finished: session.is_finished(),
            actions: session
                .collected()
                .into_iter()
                .map(|c| self.card_view(c, at))
                .collect(),
        }
    }

    /// The card with `id` at `at`.
    pub fn card(&self, id: &str, at: Instant) -> Option<CardView> {
        self.pack
            .minors
            .flow
            .card(id)
            .map(|c| self.card_view(c, at))
    }

    /// The whole flow for review.
    pub fn graph(&self) -> Graph {
        let flow = &self.pack.minors.flow;
        Graph {
            start: flow.start.clone(),
            steps: flow.steps.iter().map(|s| self.step_view(s)).collect(),
            cards: flow
                .cards
                .iter()
                .map(|c| GraphCard {
                    id: c.id.clone(),
                    title: self.text(&c.title),
                    contacts: c.contacts.iter().map(|cc| cc.id.clone()).collect(),
                    legal_basis: c.legal_basis.iter().map(|t| self.text(t)).collect(),
                    sources: self.cite(&c.sources),
                })
                .collect(),
        }
    }

    /// The time and whether it is within the assumed office hours, as a sentence.
    pub fn now_text(&self, at: Instant) -> String {
        let ui = &self.pack.ui;
        let l = &self.locales;
        let t = local(at);
        let time = ui.fill(
            shared::WHEN_DAY,
            l,
            &[
                ("day", ui.get(weekday_key(t.weekday()), l)),
                ("time", &t.format("%H:%M").to_string()),
            ],
        );
        let period = match (self.book().holiday_at(at), self.time_of_day(at)) {
            (Some(h), _) => ui.fill(k::MINORS_PERIOD_HOLIDAY, l, &[("holiday", &h.name)]),
            (None, TimeOfDay::OfficeHours) => ui.get(k::MINORS_PERIOD_OFFICE_HOURS, l).to_owned(),
            (None, TimeOfDay::AfterHours) => ui.get(k::MINORS_PERIOD_AFTER_HOURS, l).to_owned(),
        };
        ui.fill(k::MINORS_NOW, l, &[("time", &time), ("period", &period)])
    }

    /// Sets an item's status from a status id, as events and the terminal give it.
    ///
    /// On error nothing changes.
    pub fn set_placement(
        &self,
        list: &mut PlacementChecklist,
        item: &str,
        status: &str,
    ) -> Result<(), Error> {
        list.set_id(self.pack.minors.placement_ids(), item, status)
    }

    /// The checklist as shown at `at`.
    pub fn placement_view(&self, list: &PlacementChecklist, at: Instant) -> PlacementView {
        let book = self.book();
        let now = self.time_of_day(at);
        let items = self
            .pack
            .minors
            .placement
            .iter()
            .map(|item| {
                let status = list.status(&item.id);
                PlacementItemView {
                    id: item.id.clone(),
                    text: self.text(&item.text),
                    detail: self.text(&item.detail),
                    legal_basis: item.legal_basis.iter().map(|t| self.text(t)).collect(),
                    status,
                    status_label: self.status_label(status),
                    contacts: item
                        .contacts
                        .iter()
                        .filter_map(|id| contact_line(&book, id, When::AnyTime, now, at))
                        .collect(),
                    sources: self.cite(&item.sources),
                }
            })
            .collect();
        let progress = list.progress(self.pack.minors.placement_ids());
        PlacementView {
            title: self
                .pack
                .ui
                .get(k::PLACEMENT_TITLE, &self.locales)
                .to_owned(),
            progress,
            progress_text: self.progress_text(progress),
            items,
        }
    }

    /// The label of a checklist status.
    pub fn status_label(&self, status: ItemStatus) -> String {
        self.pack
            .ui
            .get(status.label_key(), &self.locales)
            .to_owned()
    }

    fn progress_text(&self, p: Progress) -> String {
        self.pack.ui.fill(
            k::PLACEMENT_PROGRESS,
            &self.locales,
            &[
                ("done", &p.done.to_string()),
                ("total", &p.total.to_string()),
            ],
        )
    }

    fn book(&self) -> ContactBook {
        ContactBook::new(self.pack.clone(), self.locales.clone())
    }

    fn text(&self, t: &crate::text::Text) -> String {
        t.get(&self.locales).to_owned()
    }

    fn cite(&self, refs: &[SourceRef]) -> Vec<Citation> {
        cite(&self.pack.meta.sources, refs, &self.locales)
    }

    fn step_view(&self, s: &Step) -> StepView {
        StepView {
            id: s.id.clone(),
            question: self.text(&s.question),
            help: s.help.as_ref().map(|h| self.text(h)),
            options: s
                .options
                .iter()
                .map(|o| OptionView {
                    id: o.id.clone(),
                    label: self.text(&o.label),
                    next: o.next.clone(),
                    collect: o.collect.clone(),
                })
                .collect(),
        }
    }

    fn card_view(&self, card: &Card, at: Instant) -> CardView {
        let flow = &self.pack.minors.flow;
        let book = self.book();
        let now = self.time_of_day(at);
        let mut ordered: Vec<_> = card.contacts.iter().collect();
        ordered.sort_by_key(|cc| cc.when.rank(now));
        CardView {
            id: card.id.clone(),
            title: self.text(&card.title),
            urgent: card.urgent,
            do_now: card.do_now.iter().map(|t| self.text(t)).collect(),
            contacts: ordered
                .into_iter()
                .filter_map(|cc| contact_line(&book, &cc.id, cc.when, now, at))
                .collect(),
            office_hours_note: self.office_hours_note(card),
            do_not: card
                .do_not
                .iter()
                .filter_map(|id| flow.dont(id))
                .map(|d| self.text(&d.text))
                .collect(),
            legal_basis: card.legal_basis.iter().map(|t| self.text(t)).collect(),
            links: card
                .links
                .iter()
                .map(|l| ScreenLink {
                    target: l.target.clone(),
                    label: self.text(&l.label),
                })
                .collect(),
            sources: self.cite(&card.sources),
        }
    }

    /// The assumption notice for a card whose contact order depends on the time of day.
    fn office_hours_note(&self, card: &Card) -> Option<String> {
        if card.contacts.iter().all(|cc| cc.when == When::AnyTime) {
            return None;
        }
        let always_open = card.contacts.iter().find_map(|cc| {
            let c = self.pack.contact(&cc.id)?;
            if cc.when != When::AnyTime || !matches!(c.hours, Hours::Always) {
                return None;
            }
            let name = c.name.get(&self.locales);
            Some(match c.phones.iter().find(|p| !p.abroad) {
                Some(p) => format!("{name} ({})", p.display),
                None => name.to_owned(),
            })
        })?;
        let assumption = &self.pack.minors.office_hours_assumption;
        Some(fill(
            assumption.notice.get(&self.locales),
            &[
                (
                    "hours",
                    &assumption.hours.summary(&self.pack.ui, &self.locales),
                ),
                ("always_open", &always_open),
            ],
        ))
    }
}

/// A contact of a card or checklist item at `at`, meant for `when`.
fn contact_line(
    book: &ContactBook,
    id: &str,
    when: When,
    now: TimeOfDay,
    at: Instant,
) -> Option<ContactLine> {
    let c = book.contact(id, at).ok()?;
    let actions = primary_actions(&c);
    Some(ContactLine {
        id: c.id,
        name: c.name,
        when,
        fits_now: when.fits(now),
        status: c.status,
        status_text: c.status_text,
        actions,
    })
}

/// A contact's calls to numbers for use in Norway, or its first action when it has no phone.
fn primary_actions(c: &ContactView) -> Vec<Action> {
    let domestic: Vec<&str> = c
        .phones
        .iter()
        .filter(|p| !p.abroad)
        .map(|p| p.uri.as_str())
        .collect();
    let calls: Vec<Action> = c
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::Call && domestic.contains(&a.uri.as_str()))
        .cloned()
        .collect();
    if calls.is_empty() {
        c.actions.iter().take(1).cloned().collect()
    } else {
        calls
    }
}
