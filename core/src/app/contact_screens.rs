//! The contact list with open-now states, and one contact's details and actions.

use super::blocks::{
    bullets, calls_first, heading, link, named, notice, older_notice, paragraph, sources,
};
use super::route::Query;
use super::{Block, Ctx, InputKind, Mode, NoticeLevel, Route, Screen, StatusKind};
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
        OpenState::Holiday => StatusKind::Holiday,
    }
}

fn book(ctx: &Ctx<'_>) -> ContactBook {
    ContactBook::new(ctx.pack.clone(), ctx.locales.clone())
}

/// The id of the contact list's search field.
pub(super) const SEARCH_FIELD: &str = "search";

/// Every contact (or those for one audience), grouped by kind, with open-now states, under a
/// search field; with a search typed, the contacts it finds, best first (see [`grouped`]).
///
/// A search never hides the emergency numbers (the police, the medical emergency number and the
/// emergency clinic, which the whole list also shows first): someone in danger who types a
/// helpline's name, a word in the wrong language or a typo must still reach 112 and 113 without
/// clearing the field. They stay on top, and the contacts the search finds follow. The other
/// services open around the clock are not kept: a person in danger needs an emergency number,
/// and keeping every helpline would undo the narrowing. On a public holiday the caution and
/// its always-open services stay too, as on the whole list. When nothing matches, a line says
/// so and points to the emergency numbers.
///
/// The search is [`ContactBook::search`], the one the terminal's `contacts --search` uses.
pub(super) fn list(
    ctx: &Ctx<'_>,
    route: &Route,
    audience: Option<Audience>,
    query: &str,
) -> Screen {
    let book = book(ctx);
    let mut shown = book.list(audience, ctx.now);
    let mut blocks = vec![
        paragraph(ctx.ui(k::CONTACTS_INTRO)),
        search_field(ctx, query),
    ];
    if !crate::search::query_words(query).is_empty() {
        let found = book.search(query, audience, ctx.now);
        if found.contacts.is_empty() {
            blocks.push(notice(
                NoticeLevel::Info,
                ctx.fill(k::CONTACTS_SEARCH_NONE, &[("query", query)]),
            ));
        }
        shown.contacts.retain(|c| c.category == Category::Emergency);
        shown.contacts.extend(grouped(found.contacts));
    }
    listing(ctx, route, &book, &shown, audience, blocks)
}

/// How many contacts `query` finds, said as a status message (WCAG 4.1.3), or the line saying
/// that none match; nothing for a search with no word, which shows the whole list.
pub(super) fn found(ctx: &Ctx<'_>, audience: Option<Audience>, query: &str) -> Option<String> {
    if crate::search::query_words(query).is_empty() {
        return None;
    }
    let count = book(ctx).search(query, audience, ctx.now).contacts.len();
    Some(if count == 0 {
        ctx.fill(k::CONTACTS_SEARCH_NONE, &[("query", query)])
    } else {
        ctx.fill(k::CONTACTS_SEARCH_FOUND, &[("count", &count.to_string())])
    })
}

/// The contacts a search found, best first, other than the emergency numbers, each kind under one
/// heading: the kinds in the order of their best match, and the best first within each.
fn grouped(mut found: Vec<ContactView>) -> Vec<ContactView> {
    found.retain(|c| c.category != Category::Emergency);
    let mut first: Vec<Category> = Vec::new();
    for c in &found {
        if !first.contains(&c.category) {
            first.push(c.category);
        }
    }
    // A stable sort keeps the search's order within each kind.
    found.sort_by_key(|c| first.iter().position(|k| *k == c.category));
    found
}

/// The search field, showing what was typed.
fn search_field(ctx: &Ctx<'_>, query: &str) -> Block {
    Block::TextInput {
        id: SEARCH_FIELD.to_owned(),
        label: ctx.ui(k::CONTACTS_SEARCH).to_owned(),
        kind: InputKind::Search,
        value: query.to_owned(),
        hint: Some(ctx.ui(k::CONTACTS_SEARCH_HINT).to_owned()),
        error: None,
        max_chars: u32::try_from(Query::MAX_CHARS).unwrap_or(u32::MAX),
        // The keyboard would cover the list, and the emergency numbers on it.
        focus: false,
        submit_label: None,
    }
}

fn listing(
    ctx: &Ctx<'_>,
    route: &Route,
    book: &ContactBook,
    listing: &ContactListing,
    audience: Option<Audience>,
    mut blocks: Vec<Block>,
) -> Screen {
    if let Some(text) = &listing.holiday_notice {
        blocks.push(notice(NoticeLevel::Caution, text.clone()));
        let firsts: Vec<_> = listing
            .always_open_alternatives
            .iter()
            .filter_map(|id| book.contact(id, ctx.now).ok())
            .filter_map(|c| c.actions.first().map(|a| named(ctx, &c.name, a)))
            .collect();
        blocks.extend(calls_first(&firsts, &mut Vec::new(), None));
    }
    for a in Audience::ALL
        .iter()
        .copied()
        .filter(|a| Some(*a) != audience && *a != Audience::Anyone)
    {
        blocks.push(link(
            &Route::contacts(Some(a)),
            ctx.fill(k::CONTACTS_FOR, &[("audience", book.audience_label(a))]),
            None,
        ));
    }
    if audience.is_some() {
        blocks.push(link(&Route::contacts(None), ctx.ui(k::CONTACTS_ALL), None));
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
