//! The discreet information pages and the link to them from the start screen.

use super::blocks::{link, notice, older_notice};
use super::contact_screens::{older_channel, status_kind};
use super::{App, Block, Clock, Ctx, Event, Mode, NoticeLevel, Platform, Route, Screen};
use crate::contacts::ContactBook;
use crate::content::source::only_older;
use crate::info::{Channel, ChannelRef, ContentBlock, Page, START_PAGE};
use crate::locale::{BASE_LOCALE, Locales};
use crate::ui_keys::info as vk;
use crate::ui_keys::translation as tk;

/// The route that shows page `id`.
pub(crate) fn page_route(id: &str) -> Route {
    if id == START_PAGE {
        Route::Info
    } else {
        Route::InfoPage { id: id.to_owned() }
    }
}

/// The start screen's link into the information, labelled as neutrally as the start page.
pub(super) fn entry_link(ctx: &Ctx<'_>) -> Block {
    Block::Link {
        target: Route::Info.target(),
        label: page_title(ctx, START_PAGE).to_owned(),
        detail: Some(ctx.ui(vk::INFO_ENTRY_DETAIL).to_owned()),
    }
}

/// The page with `id` (the start page for [`Route::Info`]), without the quick-exit state.
///
/// In a language no person has reviewed, the page starts by saying so, in that language and in
/// English, with a way to the page in English.
pub(super) fn screen(ctx: &Ctx<'_>, route: &Route, id: &str) -> Screen {
    match shown_page(ctx, id) {
        Some(page) => {
            let mut blocks = unreviewed_notice(ctx, id);
            blocks.push(super::blocks::read_aloud(ctx));
            blocks.extend(self::blocks(ctx, page, false));
            if id == START_PAGE {
                blocks.push(super::language::entry_link(ctx));
            }
            ctx.screen(route, ctx.text(&page.title).to_owned(), Mode::Info, blocks)
        }
        // Routes are checked when opened; a pack without the page shows an empty screen.
        None => ctx.screen(route, id.to_owned(), Mode::Info, Vec::new()),
    }
}

/// Page `id` in English for a reader of a translation: its links open pages in English too,
/// and the first link leads back to the page in the reader's language. Its "Read aloud" reads it
/// in English, the language it is written in (see [`spoken_language`]).
pub(super) fn in_english(ctx: &Ctx<'_>, route: &Route, id: &str) -> Screen {
    let base = Locales::base();
    let en = Ctx {
        locales: &base,
        ..*ctx
    };
    let mut shown: Vec<Block> = ctx
        .pack
        .translation(ctx.locales.primary())
        .map(|t| link(&page_route(id), t.name.clone(), None))
        .into_iter()
        .collect();
    match shown_page(&en, id) {
        Some(page) => {
            shown.push(super::blocks::read_aloud(&en));
            shown.extend(blocks(&en, page, true));
            en.screen(route, en.text(&page.title).to_owned(), Mode::Info, shown)
        }
        None => en.screen(route, id.to_owned(), Mode::Info, shown),
    }
}

/// The language the screen of `route` is written in, for reading it aloud: English for a page
/// shown in English, the reader's own language everywhere else.
pub(super) fn spoken_language<'a>(route: &Route, locales: &'a Locales) -> &'a str {
    match route {
        Route::InfoInEnglish { .. } => BASE_LOCALE,
        _ => locales.primary(),
    }
}

/// The page with `id` as a fresh session shows it, for review: in the terminal, or in a browser
/// for a page written for browsers (shown there in place of the page it stands in for).
pub(crate) fn review(ctx: &Ctx<'_>, id: &str) -> Screen {
    let web_for = ctx
        .pack
        .info_page(id)
        .and_then(|p| p.on_web_instead_of.as_deref());
    let (platform, shown_as) = match web_for {
        Some(original) => (Platform::Web, original),
        None => (Platform::Terminal, id),
    };
    let mut app = App::new(ctx.pack.clone(), ctx.locales.clone(), platform);
    app.set_clock(Clock::Fixed(ctx.now));
    let target = page_route(shown_as).target();
    match app.dispatch(Event::Open { target }) {
        Ok(t) => t.screen,
        // Every page of the pack opens; one that does not shows as an empty screen.
        Err(_) => screen(ctx, &page_route(id), id),
    }
}

/// The notice on every page of a language no person has reviewed: one line in the language,
/// the same line in English, and a link to the page in English.
fn unreviewed_notice(ctx: &Ctx<'_>, id: &str) -> Vec<Block> {
    let unreviewed = ctx
        .pack
        .translation(ctx.locales.primary())
        .is_some_and(|t| t.unreviewed());
    if !unreviewed {
        return Vec::new();
    }
    let english = |key| {
        ctx.pack
            .ui
            .text(key)
            .and_then(|t| t.in_locale(BASE_LOCALE))
            .unwrap_or_default()
            .to_owned()
    };
    vec![
        notice(NoticeLevel::Info, ctx.ui(tk::TRANSLATION_NOT_REVIEWED)),
        notice(NoticeLevel::Info, english(tk::TRANSLATION_NOT_REVIEWED)),
        link(
            &Route::InfoInEnglish { id: id.to_owned() },
            ctx.ui(tk::TRANSLATION_IN_ENGLISH),
            Some(english(tk::TRANSLATION_IN_ENGLISH)),
        ),
    ]
}

fn page_title<'a>(ctx: &Ctx<'a>, id: &str) -> &'a str {
    shown_page(ctx, id).map_or("", |p| ctx.text(&p.title))
}

/// The page shown for `id`: on the web, the page written for browsers when there is one.
fn shown_page<'a>(ctx: &Ctx<'a>, id: &str) -> Option<&'a Page> {
    let pages = &ctx.pack.info_pages;
    (ctx.platform == Platform::Web)
        .then(|| {
            pages
                .iter()
                .find(|p| p.on_web_instead_of.as_deref() == Some(id))
        })
        .flatten()
        .or_else(|| ctx.pack.info_page(id))
}

/// The page's blocks; with `english`, its links open the pages in English.
fn blocks(ctx: &Ctx<'_>, page: &Page, english: bool) -> Vec<Block> {
    let book = ContactBook::new(ctx.pack.clone(), ctx.locales.clone());
    let mut out = Vec::new();
    for block in &page.blocks {
        match block {
            ContentBlock::Paragraph { text, .. } => out.push(Block::Paragraph {
                text: ctx.text(text).to_owned(),
            }),
            ContentBlock::List { items, .. } => out.push(Block::BulletList {
                items: items.iter().map(|t| ctx.text(t).to_owned()).collect(),
            }),
            ContentBlock::Heading { text } => out.push(Block::Heading {
                text: ctx.text(text).to_owned(),
            }),
            ContentBlock::Notice { level, text, .. } => out.push(Block::Notice {
                level: *level,
                text: ctx.text(text).to_owned(),
            }),
            ContentBlock::Link { page, detail } => out.push(Block::Link {
                target: if english {
                    Route::InfoInEnglish { id: page.clone() }.target()
                } else {
                    page_route(page).target()
                },
                label: page_title(ctx, page).to_owned(),
                detail: detail.as_ref().map(|d| ctx.text(d).to_owned()),
            }),
            ContentBlock::Actions { contact, channels } => {
                actions(ctx, &book, contact, channels, &mut out);
            }
        }
        if only_older(&ctx.pack.meta.sources, block.sources()) {
            out.push(older_notice(ctx));
        }
    }
    out
}

/// A contact's status (or name, for pages and e-mail only) and the chosen actions.
fn actions(
    ctx: &Ctx<'_>,
    book: &ContactBook,
    id: &str,
    channels: &[ChannelRef],
    out: &mut Vec<Block>,
) {
    let (Some(contact), Ok(view)) = (ctx.pack.contact(id), book.contact(id, ctx.now)) else {
        return;
    };
    out.push(if channels.iter().any(|c| c.channel.is_live()) {
        Block::Status {
            text: ctx.fill(
                vk::INFO_CONTACT_STATUS,
                &[("name", &view.name), ("status", &view.status_text)],
            ),
            state: status_kind(view.status),
        }
    } else {
        Block::Paragraph {
            text: view.name.clone(),
        }
    });
    for channel in channels {
        for i in channel.positions(contact) {
            let action_id = format!("{}.{}.{i}", contact.id, channel.channel.action_kind());
            if let Some(action) = view.actions.iter().find(|a| a.id == action_id) {
                out.push(Block::Action {
                    action: action.clone(),
                });
            }
            let (note, older, address) = match channel.channel {
                Channel::Call | Channel::CallAbroad => view
                    .phones
                    .get(i)
                    .map(|p| (p.note.clone(), p.older_source, &p.display)),
                Channel::Sms => view
                    .sms
                    .get(i)
                    .map(|p| (p.note.clone(), p.older_source, &p.display)),
                Channel::Chat => view.chat.get(i).map(|w| (None, w.older_source, &w.address)),
                Channel::Email => view
                    .emails
                    .get(i)
                    .map(|w| (None, w.older_source, &w.address)),
                Channel::Web => view.web.get(i).map(|w| (None, w.older_source, &w.address)),
            }
            .unwrap_or((None, false, &view.id));
            if let Some(note) = note {
                out.push(Block::Paragraph { text: note });
            }
            if older {
                out.push(older_channel(ctx, address));
            }
        }
    }
}
