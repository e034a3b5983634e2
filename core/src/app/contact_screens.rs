//! The contact list with open-now states, and one contact's details and actions.

use super::{Block, Ctx, Mode, NoticeLevel, Route, Screen, StatusKind};
use crate::contacts::{Audience, Category, ContactBook, ContactView, OpenState};
use crate::ui_keys as k;

/// The status kind matching an open state.
pub(crate) fn status_kind(state: OpenState) -> StatusKind {
    match state {
        OpenState::Open => StatusKind::Open,
        OpenState::Closed => StatusKind::Closed,
        OpenState::AlwaysOpen => StatusKind::AlwaysOpen,
        // Holiday hours are not stated in the sources either.
        OpenState::NotStated | OpenState::Holiday => StatusKind::NotStated,
    }
}

fn book(ctx: &Ctx<'_>) -> ContactBook {
    ContactBook::new(ctx.pack.clone(), ctx.locales.clone())
}

/// Every contact (or those for one audience), grouped by kind, with open-now states.
pub(super) fn list(ctx: &Ctx<'_>, route: &Route, audience: Option<Audience>) -> Screen {
    let book = book(ctx);
    let listing = book.list(audience, ctx.now);
    let mut blocks = vec![Block::Paragraph {
        text: ctx.ui(k::CONTACTS_INTRO).to_owned(),
    }];
    if let Some(notice) = &listing.holiday_notice {
        blocks.push(Block::Notice {
            level: NoticeLevel::Caution,
            text: notice.clone(),
        });
        for id in &listing.always_open_alternatives {
            if let Ok(c) = book.contact(id, ctx.now)
                && let Some(mut first_call) = c.actions.into_iter().next()
            {
                first_call.label = ctx.fill(
                    k::ACTION_NAMED,
                    &[("name", &c.name), ("action", &first_call.label)],
                );
                blocks.push(Block::Action { action: first_call });
            }
        }
    }
    for a in Audience::ALL
        .into_iter()
        .filter(|a| Some(*a) != audience && *a != Audience::Anyone)
    {
        blocks.push(Block::Link {
            target: Route::Contacts { audience: Some(a) }.target(),
            label: ctx.fill(k::CONTACTS_FOR, &[("audience", book.audience_label(a))]),
            detail: None,
        });
    }
    if audience.is_some() {
        blocks.push(Block::Link {
            target: Route::Contacts { audience: None }.target(),
            label: ctx.ui(k::CONTACTS_ALL).to_owned(),
            detail: None,
        });
    }
    let mut current: Option<Category> = None;
    for c in &listing.contacts {
        if current != Some(c.category) {
            current = Some(c.category);
            blocks.push(Block::Heading {
                text: book.category_label(c.category).to_owned(),
            });
        }
        blocks.push(Block::Link {
            target: Route::Contact { id: c.id.clone() }.target(),
            label: c.name.clone(),
            detail: Some(c.status_text.clone()),
        });
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
        Block::Paragraph {
            text: c.summary.clone(),
        },
        Block::Status {
            text: c.status_text.clone(),
            state: status_kind(c.status),
        },
    ];
    if let (Some(h), Some(pack_contact)) = (book.holiday_at(ctx.now), ctx.pack.contact(&c.id))
        && pack_contact.hours.is_weekly()
    {
        blocks.push(Block::Notice {
            level: NoticeLevel::Caution,
            text: ctx.fill(k::NOTICE_HOLIDAY_CONTACT, &[("holiday", &h.name)]),
        });
    }
    blocks.extend(
        c.actions
            .iter()
            .cloned()
            .map(|action| Block::Action { action }),
    );
    for p in c.phones.iter().chain(&c.sms) {
        if let Some(note) = &p.note {
            blocks.push(Block::Paragraph { text: note.clone() });
        }
    }
    blocks.push(Block::Paragraph {
        text: ctx.fill(k::CONTACT_HOURS, &[("hours", &c.hours)]),
    });
    if !c.languages.is_empty() {
        blocks.push(Block::Paragraph {
            text: ctx.fill(
                k::CONTACT_LANGUAGES,
                &[("languages", &c.languages.join(", "))],
            ),
        });
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
    if !facts.is_empty() {
        blocks.push(Block::BulletList { items: facts });
    }
    let audiences: Vec<&str> = c
        .audiences
        .iter()
        .map(|a| book.audience_label(*a))
        .collect();
    blocks.push(Block::Paragraph {
        text: ctx.fill(
            k::CONTACT_AUDIENCES,
            &[("audiences", &audiences.join("; "))],
        ),
    });
    if c.older_source {
        blocks.push(Block::Notice {
            level: NoticeLevel::Caution,
            text: ctx.ui(k::CONTACT_OLDER_SOURCE).to_owned(),
        });
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
            blocks.push(Block::Notice {
                level: NoticeLevel::Caution,
                text: ctx.fill(k::CONTACT_OLDER_CHANNEL, &[("address", address)]),
            });
        }
    }
    blocks.push(Block::Heading {
        text: ctx.ui(k::CONTACT_SOURCES).to_owned(),
    });
    blocks.push(Block::BulletList {
        items: c.sources.iter().map(|s| s.text.clone()).collect(),
    });
    blocks
}
