//! Screens of the minors' flow (each question, then the outcome), single action cards with
//! their calls first, and the emergency-placement checklist.

use std::sync::Arc;

use super::blocks::{bullets, calls_first, checklist_item, heading, link, named, notice};
use super::blocks::{paragraph, read_aloud, result_buttons, screen_link, sources};
use super::{Block, ChoiceOption, Ctx, Mode, NoticeLevel, Route, Screen, StatusKind};
use crate::actions::Action;
use crate::content::ContentPack;
use crate::content::source::merge;
use crate::error::Error;
use crate::minors::{CardView, ContactLine, FlowSession, MinorsFlow, PlacementChecklist, When};
use crate::saved::RecordKind;
use crate::ui_keys::minors as k;

/// The minors' state of an app, in memory only: the flow session and the placement checklist.
#[derive(Debug)]
pub(super) struct MinorsState {
    session: FlowSession,
    placement: PlacementChecklist,
}

impl MinorsState {
    /// A fresh state: the flow at its first question, every checklist item not started.
    pub fn new(pack: &Arc<ContentPack>) -> Self {
        Self {
            session: FlowSession::new(pack.clone()),
            placement: PlacementChecklist::default(),
        }
    }

    /// Forgets every answer and every checklist status (a quick exit).
    pub fn clear(&mut self) {
        self.session.restart();
        self.placement.clear();
    }

    /// Opening the flow from a link starts it afresh; the checklist keeps its statuses.
    pub fn open(&mut self, route: &Route) {
        if *route == Route::Minors {
            self.session.restart();
        }
    }

    /// Takes back the last answer when the flow is shown; false when there is none.
    pub fn back(&mut self, route: Option<&Route>) -> bool {
        route == Some(&Route::Minors) && self.session.back()
    }

    /// True when going back on `route` takes back an answer.
    pub fn can_go_back(&self, route: &Route) -> bool {
        *route == Route::Minors && !self.session.path().is_empty()
    }

    /// Answers the open question; once the flow has ended, any answer is refused as such.
    pub fn choose(&mut self, question: &str, option: &str) -> Result<(), Error> {
        match self.session.current_step() {
            Some(step) if step.id != question => Err(super::no_question(question)),
            _ => self.session.answer(option),
        }
    }

    /// The flow's outcome to save, once it has ended: the answers given.
    pub fn outcome(&self) -> Option<(RecordKind, serde_json::Value)> {
        self.session.is_finished().then(|| {
            let answers = serde_json::json!({ "answers": self.session.path() });
            (RecordKind::MinorsOutcome, answers)
        })
    }

    /// The ids of the cards the flow collected, in order.
    pub fn collected(&self) -> Vec<String> {
        self.session
            .collected()
            .into_iter()
            .map(|c| c.id.clone())
            .collect()
    }

    /// The placement checklist to save: its statuses.
    pub fn placement(&self) -> Option<(RecordKind, serde_json::Value)> {
        let data = serde_json::to_value(&self.placement).ok()?;
        Some((RecordKind::PlacementChecklist, data))
    }

    #[cfg(feature = "vault")]
    /// Takes up a saved placement checklist where it was left.
    pub fn continue_placement(&mut self, data: serde_json::Value) -> Result<(), Error> {
        let saved: PlacementChecklist =
            serde_json::from_value(data).map_err(|e| Error::NotSaved {
                reason: format!("the saved checklist cannot be read ({e})"),
            })?;
        self.placement.clear();
        self.placement = saved;
        Ok(())
    }

    /// Sets a checklist item's status.
    pub fn set_status(
        &mut self,
        pack: &ContentPack,
        item: &str,
        status: &str,
    ) -> Result<(), Error> {
        self.placement
            .set_id(pack.minors.placement_ids(), item, status)
    }
}

fn minors_flow(ctx: &Ctx<'_>) -> MinorsFlow {
    MinorsFlow::new(ctx.pack.clone(), ctx.locales.clone())
}

/// The open question, or the outcome once the flow has ended. Urgent calls stay on top.
pub(super) fn flow(ctx: &Ctx<'_>, route: &Route, state: &MinorsState) -> Screen {
    let flow = minors_flow(ctx);
    let walk = flow.outcome(&state.session, ctx.now);
    let mut shown = Vec::new();
    let mut blocks = Vec::new();
    for card in walk.actions.iter().filter(|c| c.urgent) {
        blocks.push(notice(NoticeLevel::Urgent, card.title.clone()));
        blocks.extend(contact_actions(ctx, &card.contacts, &mut shown));
    }
    let title = match (&walk.current_step, walk.actions.last()) {
        (Some(step), _) => {
            blocks.push(Block::Choice {
                id: step.id.clone(),
                prompt: step.question.clone(),
                options: step
                    .options
                    .iter()
                    .map(|o| ChoiceOption {
                        id: o.id.clone(),
                        label: o.label.clone(),
                        selected: false,
                    })
                    .collect(),
            });
            blocks.extend(step.help.clone().map(paragraph));
            // Below the options, so their numbers stay the same.
            blocks.extend(contact_actions(ctx, &walk.calls_now, &mut shown));
            ctx.ui(k::MINORS_TITLE).to_owned()
        }
        (None, Some(end)) => {
            blocks.extend(card_blocks(ctx, &flow, end, &mut shown));
            let others: Vec<&CardView> = walk.actions.iter().filter(|c| c.id != end.id).collect();
            if !others.is_empty() {
                blocks.push(heading(ctx.ui(k::MINORS_ALL_ACTIONS)));
                blocks.extend(others.into_iter().map(|c| {
                    link(
                        &Route::MinorsCard { id: c.id.clone() },
                        c.title.clone(),
                        c.do_now.first().cloned(),
                    )
                }));
            }
            end.title.clone()
        }
        (None, None) => ctx.ui(k::MINORS_TITLE).to_owned(),
    };
    if !walk.path.is_empty() {
        blocks.push(heading(ctx.ui(k::MINORS_ANSWERS)));
        blocks.extend(bullets(
            walk.path
                .iter()
                .map(|a| format!("{} {}", a.question, a.answer))
                .collect(),
        ));
        blocks.push(link(&Route::Minors, ctx.ui(k::MINORS_RESTART), None));
    }
    if state.session.is_finished() {
        blocks.extend(result_buttons(ctx, false));
    }
    ctx.screen(route, title, Mode::Professional, blocks)
}

/// One action card on its own: calls first, then what to do, whom, what not to do and why.
pub(super) fn card(ctx: &Ctx<'_>, route: &Route, id: &str) -> Screen {
    let flow = minors_flow(ctx);
    match flow.card(id, ctx.now) {
        Some(card) => {
            let mut blocks = vec![read_aloud(ctx)];
            blocks.extend(card_blocks(ctx, &flow, &card, &mut Vec::new()));
            ctx.screen(route, card.title, Mode::Professional, blocks)
        }
        // Routes are checked when opened; a pack without the card shows an empty screen.
        None => ctx.screen(route, id.to_owned(), Mode::Professional, Vec::new()),
    }
}

/// The actions of `contacts`, calls first, each labelled with whom it reaches and each number
/// once on the screen.
fn contact_actions(ctx: &Ctx<'_>, contacts: &[ContactLine], shown: &mut Vec<String>) -> Vec<Block> {
    let actions: Vec<Action> = contacts
        .iter()
        .flat_map(|c| c.actions.iter().map(|a| named(ctx, &c.name, a)))
        .collect();
    calls_first(&actions, shown, None)
}

fn card_blocks(
    ctx: &Ctx<'_>,
    flow: &MinorsFlow,
    card: &CardView,
    shown: &mut Vec<String>,
) -> Vec<Block> {
    let mut blocks = contact_actions(ctx, &card.contacts, shown);
    if let Some(note) = &card.office_hours_note {
        blocks.push(Block::Status {
            text: flow.now_text(ctx.now),
            state: StatusKind::Info,
        });
        blocks.push(notice(NoticeLevel::Caution, note.clone()));
    }
    blocks.push(heading(ctx.ui(k::MINORS_DO_NOW)));
    blocks.extend(bullets(card.do_now.clone()));
    blocks.push(heading(ctx.ui(k::MINORS_CONTACTS)));
    for c in &card.contacts {
        let detail = match c.when {
            When::AnyTime => c.status_text.clone(),
            When::OfficeHours => format!(
                "{} · {}",
                c.status_text,
                ctx.ui(k::MINORS_WHEN_OFFICE_HOURS)
            ),
            When::AfterHours => {
                format!("{} · {}", c.status_text, ctx.ui(k::MINORS_WHEN_AFTER_HOURS))
            }
        };
        blocks.push(link(
            &Route::Contact { id: c.id.clone() },
            c.name.clone(),
            Some(detail),
        ));
    }
    blocks.push(heading(ctx.ui(k::MINORS_DO_NOT)));
    blocks.extend(bullets(card.do_not.clone()));
    blocks.extend(card.links.iter().map(screen_link));
    if !card.legal_basis.is_empty() {
        blocks.push(heading(ctx.ui(k::MINORS_LEGAL_BASIS)));
        blocks.extend(bullets(card.legal_basis.clone()));
    }
    blocks.extend(sources(ctx, &card.sources));
    blocks
}

/// The emergency-placement checklist: each item with its status, legal basis and contacts.
pub(super) fn placement(ctx: &Ctx<'_>, route: &Route, state: &MinorsState) -> Screen {
    let flow = minors_flow(ctx);
    let view = flow.placement_view(&state.placement, ctx.now);
    let legal = ctx.ui(k::MINORS_LEGAL_BASIS);
    // Where saving is set up, the intro says that Save keeps the statuses.
    let intro = if ctx.saving {
        k::PLACEMENT_INTRO_SAVING
    } else {
        k::PLACEMENT_INTRO
    };
    let mut blocks = vec![
        paragraph(ctx.ui(intro)),
        Block::Status {
            text: view.progress_text.clone(),
            state: StatusKind::Info,
        },
    ];
    let mut shown = Vec::new();
    for item in &view.items {
        let detail = if item.legal_basis.is_empty() {
            item.detail.clone()
        } else {
            format!("{}\n{legal}: {}", item.detail, item.legal_basis.join("; "))
        };
        blocks.push(checklist_item(
            ctx,
            &item.id,
            item.text.clone(),
            Some(detail),
            item.status,
        ));
        blocks.extend(contact_actions(ctx, &item.contacts, &mut shown));
    }
    blocks.extend(result_buttons(ctx, false));
    let cited = merge(
        &ctx.pack.meta.sources,
        view.items.iter().map(|i| i.sources.as_slice()),
    );
    blocks.extend(sources(ctx, &cited));
    ctx.screen(route, view.title, Mode::Professional, blocks)
}
