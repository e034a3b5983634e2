//! The contact list with open-now states, and one contact's details and actions.

use super::blocks::{
    bullets, calls_first, heading, link, notice, older_notice, paragraph, sources,
};
use super::{Block, Ctx, Mode, NoticeLevel, Route, Screen, StatusKind};
use crate::contacts::{Audience, Category, ContactBook, ContactListing, ContactView, OpenState};
use crate::ids::Vocabulary;
use crate::ui_keys as k;

/// The status kind matching an open state.
pub(crate) fn status_kind(state: OpenState) -> StatusKind {
    match state {
        OpenState::Open => StatusKind::Open,
        OpenState::Closed => StatusKind::Closed,
        OpenState::AlwaysOpen => StatusKind::AlwaysOpen,
        OpenState::NotStated => StatusKind::NotStated,
    }
}

fn book(ctx: &Ctx<'_>) -> ContactBook {
    ContactBook::new(ctx.pack.clone(), ctx.locales.clone())
}

/// Every contact (or those for one audience), grouped by kind, with open-now states.
pub(super) fn list(ctx: &Ctx<'_>, route: &Route, audience: Option<Audience>) -> Screen {
    let book = book(ctx);
    listing(ctx, route, &book, &book.list(audience, ctx.now), audience)
}

/// The contact list narrowed to the contacts that match `query`, best first.
pub(super) fn search(
    ctx: &Ctx<'_>,
    route: &Route,
    audience: Option<Audience>,
    query: &str,
) -> Screen {
    let book = book(ctx);
    listing(
        ctx,
        route,
        &book,
        &book.search(query, audience, ctx.now),
        audience,
    )
}

fn listing(
    ctx: &Ctx<'_>,
    route: &Route,
    book: &ContactBook,
    listing: &ContactListing,
    audience: Option<Audience>,
) -> Screen {
    let mut blocks = vec![paragraph(ctx.ui(k::CONTACTS_INTRO))];
    if let Some(text) = &listing.holiday_notice {
        blocks.push(notice(NoticeLevel::Caution, text.clone()));
        let firsts: Vec<_> = listing
            .always_open_alternatives
            .iter()
            .filter_map(|id| book.contact(id, ctx.now).ok())
            .filter_map(|c| c.actions.into_iter().next())
            .collect();
        blocks.extend(calls_first(&firsts, &mut Vec::new(), None));
    }
    for a in Audience::ALL
        .iter()
        .copied()
        .filter(|a| Some(*a) != audience && *a != Audience::Anyone)
    {
        blocks.push(link(
            &Route::Contacts { audience: Some(a) },
            ctx.fill(k::CONTACTS_FOR, &[("audience", book.audience_label(a))]),
            None,
        ));
    }
    if audience.is_some() {
        blocks.push(link(
            &Route::Contacts { audience: None },
            ctx.ui(k::CONTACTS_ALL),
            None,
        ));
    }
    let mut current: Option<Category> = None;
    for c in &listing.contacts {
        if current != Some(c.category) {
            current = Some(c.category);
            blocks.push(heading(book.category_label(c.category)));
        }
        blocks.push(link(
            &Route::Contact { id: c.id.clone() },
            c.name.clone(),
            Some(c.status_text.clone()),
        ));
    }
    let title = match audience {
        Some(a) => format!("{} – {}", ctx.ui(k::CONTACTS_TITLE), book.audience_label(a)),
        None => ctx.ui(k::CONTACTS_TITLE).to_owned(),
    };
    ctx.screen(route, title, Mode::Professional, blocks)
}

/// One contact: what they do, whether they are open, and every way to reach them.
pub(super) fn detail(ctx: &Ctx<'_>, route: &Route, id: &str) -> Screen {
    let book = book(ctx);
    match book.contact(id, ctx.now) {
        Ok(c) => ctx.screen(
            route,
            c.name.clone(),
            Mode::Professional,
            detail_blocks(ctx, &book, &c),
        ),
        // Routes are checked when opened; a pack without the contact shows an empty screen.
        Err(_) => ctx.screen(route, id.to_owned(), Mode::Professional, Vec::new()),
    }
}

/// The blocks describing one contact; reused wherever a contact is shown in full.
pub(crate) fn detail_blocks(ctx: &Ctx<'_>, book: &ContactBook, c: &ContactView) -> Vec<Block> {
    let mut blocks = vec![
        paragraph(c.summary.clone()),
        Block::Status {
            text: c.status_text.clone(),
            state: status_kind(c.status),
        },
    ];
    if let (Some(h), Some(pack_contact)) = (book.holiday_at(ctx.now), ctx.pack.contact(&c.id))
        && pack_contact.hours.is_weekly()
    {
        blocks.push(notice(
            NoticeLevel::Caution,
            ctx.fill(k::NOTICE_HOLIDAY_CONTACT, &[("holiday", &h.name)]),
        ));
    }
    blocks.extend(
        c.actions
            .iter()
            .cloned()
            .map(|action| Block::Action { action }),
    );
    blocks.extend(
        c.phones
            .iter()
            .chain(&c.sms)
            .filter_map(|p| p.note.clone())
            .map(paragraph),
    );
    blocks.push(paragraph(
        ctx.fill(k::CONTACT_HOURS, &[("hours", &c.hours)]),
    ));
    if !c.languages.is_empty() {
        blocks.push(paragraph(ctx.fill(
            k::CONTACT_LANGUAGES,
            &[("languages", &c.languages.join(", "))],
        )));
    }
    let facts: Vec<String> = [
        (c.interpreter, k::CONTACT_INTERPRETER),
        (c.anonymous, k::CONTACT_ANONYMOUS),
        (c.free, k::CONTACT_FREE),
    ]
    .into_iter()
    .filter(|(stated, _)| *stated == Some(true))
    .map(|(_, key)| ctx.ui(key).to_owned())
    .collect();
    blocks.extend(bullets(facts));
    let audiences: Vec<&str> = c
        .audiences
        .iter()
        .map(|a| book.audience_label(*a))
        .collect();
    blocks.push(paragraph(ctx.fill(
        k::CONTACT_AUDIENCES,
        &[("audiences", &audiences.join("; "))],
    )));
    if c.older_source {
        blocks.push(older_notice(ctx));
    } else {
        let older: Vec<&str> = c
            .phones
            .iter()
            .chain(&c.sms)
            .filter(|p| p.older_source)
            .map(|p| p.display.as_str())
            .chain(
                c.emails
                    .iter()
                    .chain(&c.web)
                    .chain(&c.chat)
                    .filter(|w| w.older_source)
                    .map(|w| w.address.as_str()),
            )
            .collect();
        for address in older {
            blocks.push(older_channel(ctx, address));
        }
    }
    blocks.extend(sources(ctx, &c.sources));
    blocks
}

/// The caution for one address or number that only an older document gives.
pub(super) fn older_channel(ctx: &Ctx<'_>, address: &str) -> Block {
    notice(
        NoticeLevel::Caution,
        ctx.fill(k::OLDER_CHANNEL, &[("address", address)]),
    )
}
