//! Screens of the minors' flow (each question, then the outcome), single action cards with
//! their calls first, and the emergency-placement checklist.

use std::collections::HashSet;
use std::sync::Arc;

use super::{Block, ChoiceOption, Ctx, Mode, NoticeLevel, Route, Screen, StatusKind, no_question};
use crate::actions::ActionKind;
use crate::content::ContentPack;
use crate::error::Error;
use crate::minors::{
    CardView, ContactLine, FlowSession, ItemStatus, MinorsFlow, PlacementChecklist, When,
};
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
            placement: PlacementChecklist::new(&pack.minors.placement),
        }
    }

    /// Forgets every answer and every checklist status (a quick exit).
    pub fn clear(&mut self) {
        self.session.restart();
        for item in &mut self.placement.items {
            item.status = ItemStatus::NotStarted;
        }
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

    /// Answers the open question.
    pub fn choose(&mut self, question: &str, option: &str) -> Result<(), Error> {
        match self.session.current_step() {
            Some(step) if step.id == question => self.session.answer(option),
            _ => Err(no_question(question)),
        }
    }

    /// Sets a checklist item's status.
    pub fn set_status(&mut self, item: &str, status: &str) -> Result<(), Error> {
        self.placement.set(item, status)
    }
}

fn minors_flow(ctx: &Ctx<'_>) -> MinorsFlow {
    MinorsFlow::new(ctx.pack.clone(), ctx.locales.clone())
}

/// The open question, or the outcome once the flow has ended. Urgent calls stay on top.
pub(super) fn flow(ctx: &Ctx<'_>, route: &Route, state: &MinorsState) -> Screen {
    let flow = minors_flow(ctx);
    let walk = flow.outcome(&state.session, ctx.now);
    let mut seen = HashSet::new();
    let mut blocks = Vec::new();
    for card in walk.actions.iter().filter(|c| c.urgent) {
        blocks.push(Block::Notice {
            level: NoticeLevel::Urgent,
            text: card.title.clone(),
        });
        push_actions(ctx, &mut blocks, &mut seen, &card.contacts);
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
            if let Some(help) = &step.help {
                blocks.push(Block::Paragraph { text: help.clone() });
            }
            // Below the options, so their numbers stay the same.
            push_actions(ctx, &mut blocks, &mut seen, &walk.calls_now);
            ctx.ui(k::MINORS_TITLE).to_owned()
        }
        (None, Some(end)) => {
            blocks.extend(card_blocks(ctx, &flow, end, &mut seen));
            let others: Vec<&CardView> = walk.actions.iter().filter(|c| c.id != end.id).collect();
            if !others.is_empty() {
                blocks.push(Block::Heading {
                    text: ctx.ui(k::MINORS_ALL_ACTIONS).to_owned(),
                });
                blocks.extend(others.into_iter().map(|c| Block::Link {
                    target: Route::MinorsCard { id: c.id.clone() }.target(),
                    label: c.title.clone(),
                    detail: c.do_now.first().cloned(),
                }));
            }
            end.title.clone()
        }
        (None, None) => ctx.ui(k::MINORS_TITLE).to_owned(),
    };
    if !walk.path.is_empty() {
        blocks.push(Block::Heading {
            text: ctx.ui(k::MINORS_ANSWERS).to_owned(),
        });
        blocks.push(Block::BulletList {
            items: walk
                .path
                .iter()
                .map(|a| format!("{} {}", a.question, a.answer))
                .collect(),
        });
        blocks.push(Block::Link {
            target: Route::Minors.target(),
            label: ctx.ui(k::MINORS_RESTART).to_owned(),
            detail: None,
        });
    }
    ctx.screen(route, title, Mode::Professional, blocks)
}

/// One action card on its own: calls first, then what to do, whom, what not to do and why.
pub(super) fn card(ctx: &Ctx<'_>, route: &Route, id: &str) -> Screen {
    let flow = minors_flow(ctx);
    match flow.card(id, ctx.now) {
        Some(card) => {
            let blocks = card_blocks(ctx, &flow, &card, &mut HashSet::new());
            ctx.screen(route, card.title, Mode::Professional, blocks)
        }
        // Routes are checked when opened; a pack without the card shows an empty screen.
        None => ctx.screen(route, id.to_owned(), Mode::Professional, Vec::new()),
    }
}

/// Adds the actions of `contacts`, calls first, each labelled with whom it reaches, skipping
/// any whose URI is already on the screen.
fn push_actions(
    ctx: &Ctx<'_>,
    blocks: &mut Vec<Block>,
    seen: &mut HashSet<String>,
    contacts: &[ContactLine],
) {
    let actions = || {
        contacts
            .iter()
            .flat_map(|c| c.actions.iter().map(move |a| (c, a)))
    };
    let calls = actions().filter(|(_, a)| a.kind == ActionKind::Call);
    let others = actions().filter(|(_, a)| a.kind != ActionKind::Call);
    for (c, action) in calls.chain(others) {
        if seen.insert(action.uri.clone()) {
            let mut action = action.clone();
            action.label = ctx.fill(
                crate::ui_keys::ACTION_NAMED,
                &[("name", &c.name), ("action", &action.label)],
            );
            blocks.push(Block::Action { action });
        }
    }
}

fn card_blocks(
    ctx: &Ctx<'_>,
    flow: &MinorsFlow,
    card: &CardView,
    seen: &mut HashSet<String>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    push_actions(ctx, &mut blocks, seen, &card.contacts);
    if let Some(note) = &card.office_hours_note {
        blocks.push(Block::Status {
            text: flow.now_text(ctx.now),
            state: StatusKind::Info,
        });
        blocks.push(Block::Notice {
            level: NoticeLevel::Caution,
            text: note.clone(),
        });
    }
    blocks.push(Block::Heading {
        text: ctx.ui(k::MINORS_DO_NOW).to_owned(),
    });
    blocks.push(Block::BulletList {
        items: card.do_now.clone(),
    });
    blocks.push(Block::Heading {
        text: ctx.ui(k::MINORS_CONTACTS).to_owned(),
    });
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
        blocks.push(Block::Link {
            target: Route::Contact { id: c.id.clone() }.target(),
            label: c.name.clone(),
            detail: Some(detail),
        });
    }
    blocks.push(Block::Heading {
        text: ctx.ui(k::MINORS_DO_NOT).to_owned(),
    });
    blocks.push(Block::BulletList {
        items: card.do_not.clone(),
    });
    blocks.extend(card.links.iter().map(|l| Block::Link {
        target: l.target.clone(),
        label: l.label.clone(),
        detail: None,
    }));
    if !card.legal_basis.is_empty() {
        blocks.push(Block::Heading {
            text: ctx.ui(k::MINORS_LEGAL_BASIS).to_owned(),
        });
        blocks.push(Block::BulletList {
            items: card.legal_basis.clone(),
        });
    }
    blocks.push(Block::Heading {
        text: ctx.ui(k::MINORS_SOURCES).to_owned(),
    });
    blocks.push(Block::BulletList {
        items: flow.citation_texts(&card.sources),
    });
    blocks
}

/// The emergency-placement checklist: each item with its status, legal basis and contacts.
pub(super) fn placement(ctx: &Ctx<'_>, route: &Route, state: &MinorsState) -> Screen {
    let flow = minors_flow(ctx);
    let view = flow.placement_view(&state.placement, ctx.now);
    let legal = ctx.ui(k::MINORS_LEGAL_BASIS);
    let mut blocks = vec![
        Block::Paragraph {
            text: ctx.ui(k::PLACEMENT_INTRO).to_owned(),
        },
        Block::Status {
            text: view.progress_text.clone(),
            state: StatusKind::Info,
        },
    ];
    let mut seen = HashSet::new();
    let mut sources = Vec::new();
    for item in &view.items {
        let detail = if item.legal_basis.is_empty() {
            item.detail.clone()
        } else {
            format!("{}\n{legal}: {}", item.detail, item.legal_basis.join("; "))
        };
        blocks.push(Block::ChecklistItem {
            id: item.id.clone(),
            text: item.text.clone(),
            detail: Some(detail),
            status: item.status.id().to_owned(),
            status_label: item.status_label.clone(),
            options: ItemStatus::ALL
                .into_iter()
                .map(|s| ChoiceOption {
                    id: s.id().to_owned(),
                    label: flow.status_label(s),
                    selected: s == item.status,
                })
                .collect(),
        });
        push_actions(ctx, &mut blocks, &mut seen, &item.contacts);
        for s in flow.citation_texts(&item.sources) {
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
    }
    blocks.push(Block::Heading {
        text: ctx.ui(k::MINORS_SOURCES).to_owned(),
    });
    blocks.push(Block::BulletList { items: sources });
    ctx.screen(route, view.title, Mode::Professional, blocks)
}
