//! The start screen and the neutral screen.

use super::{Block, Ctx, Mode, Route, Screen, info_screens};
use crate::ui_keys::{self as k, minors, saved, show};

/// The start screen: every part of the app within reach.
pub(super) fn screen(ctx: &Ctx<'_>, route: &Route) -> Screen {
    let blocks = vec![
        Block::Paragraph {
            text: ctx.ui(k::HOME_INTRO).to_owned(),
        },
        Block::Link {
            target: Route::Tools.target(),
            label: ctx.ui(k::HOME_TOOLS).to_owned(),
            detail: Some(ctx.ui(k::HOME_TOOLS_DETAIL).to_owned()),
        },
        Block::Link {
            target: Route::contacts(None).target(),
            label: ctx.ui(k::HOME_CONTACTS).to_owned(),
            detail: Some(ctx.ui(k::HOME_CONTACTS_DETAIL).to_owned()),
        },
        info_screens::entry_link(ctx),
        super::language::entry_link(ctx),
    ];
    ctx.screen(
        route,
        ctx.ui(k::HOME_TITLE).to_owned(),
        Mode::Professional,
        blocks,
    )
}

/// The professionals' tools: each tool one step from here.
pub(super) fn tools(ctx: &Ctx<'_>, route: &Route) -> Screen {
    let mut blocks = vec![
        Block::Paragraph {
            text: ctx.ui(k::TOOLS_INTRO).to_owned(),
        },
        Block::Link {
            target: Route::contacts(Some(crate::contacts::Audience::Professionals)).target(),
            label: ctx.ui(k::TOOLS_CONTACTS).to_owned(),
            detail: None,
        },
        Block::Link {
            target: Route::Minors.target(),
            label: ctx.ui(minors::TOOLS_MINORS).to_owned(),
            detail: Some(ctx.ui(minors::TOOLS_MINORS_DETAIL).to_owned()),
        },
        Block::Link {
            target: Route::Placement.target(),
            label: ctx.ui(minors::TOOLS_PLACEMENT).to_owned(),
            detail: Some(ctx.ui(minors::TOOLS_PLACEMENT_DETAIL).to_owned()),
        },
        Block::Link {
            target: Route::Show.target(),
            label: ctx.ui(show::TOOLS_SHOW).to_owned(),
            detail: Some(ctx.ui(show::TOOLS_SHOW_DETAIL).to_owned()),
        },
    ];
    blocks.splice(1..1, super::toolkit_screens::tools_links(ctx));
    if ctx.saving {
        blocks.push(Block::Link {
            target: Route::Saved(super::SavedRoute::List).target(),
            label: ctx.ui(saved::SAVED_TOOLS_LINK).to_owned(),
            detail: Some(ctx.ui(saved::SAVED_TOOLS_DETAIL).to_owned()),
        });
    }
    ctx.screen(
        route,
        ctx.ui(k::TOOLS_TITLE).to_owned(),
        Mode::Professional,
        blocks,
    )
}

/// The neutral screen after a quick exit: nothing about what was open before.
pub(super) fn neutral(ctx: &Ctx<'_>, route: &Route) -> Screen {
    let blocks = vec![
        Block::Paragraph {
            text: ctx.ui(k::NEUTRAL_TEXT).to_owned(),
        },
        Block::Link {
            target: Route::Home.target(),
            label: ctx.ui(k::NEUTRAL_START).to_owned(),
            detail: None,
        },
    ];
    ctx.screen(route, ctx.ui(k::APP_NAME).to_owned(), Mode::Neutral, blocks)
}
