//! The saved-work screens: the gate's two forms (a new PIN, the PIN), the list, one item, the
//! deletion and the wipe with its countdown, a note, saving a tool's result, and the busy screen.

use chrono::{Days, NaiveDate};

use super::super::blocks::{link, notice, paragraph};
use super::super::route::SavedRoute;
use super::super::{Block, Ctx, InputKind, Mode, NoticeLevel, Route, Screen, StatusKind};
use super::work::Busy;
use super::{Gate, Saved, WIPE_COUNTDOWN_SECS, button, field};
use crate::saved::{body, kind_label};
use crate::ui_keys::saved as k;
use crate::vault::{
    Listing, MAX_CASE_LABEL_CHARS, MAX_NOTE_CHARS, MIN_PIN_CHARS, RecordKind, VaultError,
};

/// The most characters a PIN field takes (a passphrase is welcome).
const MAX_PIN_CHARS: u32 = 256;

/// The screen of saved route `r` (shown at `route`) at `now`.
pub(in crate::app) fn screen(
    ctx: &Ctx<'_>,
    route: &Route,
    r: &SavedRoute,
    s: &Saved,
    now: i64,
) -> Screen {
    if let Some(busy) = s.busy() {
        return busy_screen(ctx, route, busy);
    }
    let gate = s.gate(now);
    let (title, mut blocks) = match (gate, r) {
        (_, SavedRoute::Wipe) => wipe(ctx, s, now),
        (Gate::Create, _) => create(ctx, s),
        (Gate::Unlock, _) => unlock(ctx, s),
        (Gate::Open, SavedRoute::List) => list(ctx, s),
        (Gate::Open, SavedRoute::Item { id }) => item(ctx, s, id),
        (Gate::Open, SavedRoute::Delete { id }) => delete(ctx, s, id),
        (Gate::Open, SavedRoute::Note) => note(ctx, s),
        (Gate::Open, SavedRoute::Save { kind }) => save(ctx, s, *kind),
    };
    if let Some(text) = &s.notice {
        blocks.insert(0, notice(NoticeLevel::Info, text.clone()));
    }
    let mut screen = ctx.screen(route, title, Mode::Professional, blocks);
    screen.tick_after_ms = if s.wipe_at.is_some() {
        Some(1_000)
    } else if gate == Gate::Open {
        // The moment the vault locks when nothing happens: the screen goes with it.
        s.open_until
            .and_then(|t| u64::try_from(t.saturating_sub(now)).ok())
            .map(|secs| secs.saturating_mul(1_000).saturating_add(1_000))
    } else {
        None
    };
    screen
}

/// A text field, with the cursor in it, a hint and a submit button; the error under it is the
/// saved state's, when it is for this field.
fn input(
    s: &Saved,
    id: &'static str,
    label: String,
    kind: InputKind,
    hint: Option<String>,
    submit: &str,
) -> Block {
    let max_chars = match kind {
        InputKind::Pin => MAX_PIN_CHARS,
        InputKind::Note => MAX_NOTE_CHARS as u32,
        InputKind::Text | InputKind::Search => MAX_CASE_LABEL_CHARS as u32,
    };
    let value = match id {
        field::LABEL => s.label.to_string(),
        field::NOTE => s.note.as_deref().cloned().unwrap_or_default(),
        _ => String::new(),
    };
    Block::TextInput {
        id: id.to_owned(),
        label,
        kind,
        value,
        hint,
        error: s
            .error
            .as_ref()
            .filter(|e| e.field == id)
            .map(|e| e.text.clone()),
        max_chars,
        focus: true,
        submit_label: Some(submit.to_owned()),
    }
}

fn button(ctx: &Ctx<'_>, id: &str, label: crate::content::ui::Key) -> Block {
    let text = ctx.ui(label).to_owned();
    Block::Button {
        id: id.to_owned(),
        accessibility_label: text.clone(),
        label: text,
    }
}

/// The first time: a new PIN, then the same again.
fn create(ctx: &Ctx<'_>, s: &Saved) -> (String, Vec<Block>) {
    let mut blocks = vec![paragraph(
        ctx.fill(k::SAVED_INTRO, &[("days", &s.retention_days().to_string())]),
    )];
    blocks.extend(keystore(ctx, s));
    let rules = ctx.fill(k::SAVED_PIN_RULES, &[("min", &MIN_PIN_CHARS.to_string())]);
    blocks.push(if s.first_pin.is_none() {
        input(
            s,
            field::NEW_PIN,
            ctx.ui(k::SAVED_NEW_PIN).into(),
            InputKind::Pin,
            Some(rules),
            ctx.ui(k::SAVED_NEXT),
        )
    } else {
        input(
            s,
            field::PIN_AGAIN,
            ctx.ui(k::SAVED_PIN_AGAIN).into(),
            InputKind::Pin,
            None,
            ctx.ui(k::SAVED_SET_PIN),
        )
    });
    (ctx.ui(k::SAVED_SET_PIN_TITLE).to_owned(), blocks)
}

/// The note that only the PIN protects the vault, where the platform has no keystore.
fn keystore(ctx: &Ctx<'_>, s: &Saved) -> Option<Block> {
    (!s.has_keystore()).then(|| notice(NoticeLevel::Caution, ctx.ui(k::SAVED_NO_KEYSTORE)))
}

/// Locked: the PIN, and the way out for a forgotten one.
fn unlock(ctx: &Ctx<'_>, s: &Saved) -> (String, Vec<Block>) {
    let mut blocks = Vec::new();
    blocks.extend(keystore(ctx, s));
    blocks.push(input(
        s,
        field::PIN,
        ctx.ui(k::SAVED_PIN).into(),
        InputKind::Pin,
        None,
        ctx.ui(k::SAVED_OPEN),
    ));
    blocks.push(link(
        &Route::Saved(SavedRoute::Wipe),
        ctx.ui(k::SAVED_FORGOT),
        None,
    ));
    (ctx.ui(k::SAVED_UNLOCK_TITLE).to_owned(), blocks)
}

/// The day an item saved on `date` is deleted after.
fn kept_until(date: &str, days: u32) -> String {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.checked_add_days(Days::new(u64::from(days))))
        .map_or_else(|| date.to_owned(), |d| d.format("%Y-%m-%d").to_string())
}

/// What the list and the item say about one record.
fn about(ctx: &Ctx<'_>, s: &Saved, kind: RecordKind, date: &str) -> String {
    ctx.fill(
        k::SAVED_ABOUT,
        &[
            ("kind", kind_label(kind, &ctx.pack.ui, ctx.locales)),
            ("date", date),
            ("until", &kept_until(date, s.retention_days())),
        ],
    )
}

/// Every record, newest first, and what can be done from here.
fn list(ctx: &Ctx<'_>, s: &Saved) -> (String, Vec<Block>) {
    let mut blocks = Vec::new();
    let Listing { records, damaged } = &s.listing;
    if records.is_empty() && damaged.is_empty() {
        blocks.push(paragraph(ctx.ui(k::SAVED_EMPTY)));
    }
    for r in records {
        blocks.push(link(
            &Route::Saved(SavedRoute::Item { id: r.id.clone() }),
            r.case_label.clone(),
            Some(about(ctx, s, r.kind, &r.date)),
        ));
    }
    for d in damaged {
        blocks.push(link(
            &Route::Saved(SavedRoute::Delete { id: d.id.clone() }),
            ctx.fill(k::SAVED_DAMAGED, &[("date", &d.date)]),
            Some(ctx.ui(k::SAVED_DELETE).to_owned()),
        ));
    }
    blocks.push(link(
        &Route::Saved(SavedRoute::Note),
        ctx.ui(k::SAVED_WRITE_NOTE),
        None,
    ));
    blocks.push(button(ctx, button::LOCK, k::SAVED_LOCK));
    blocks.push(link(
        &Route::Saved(SavedRoute::Wipe),
        ctx.ui(k::SAVED_WIPE),
        None,
    ));
    (ctx.ui(k::SAVED_TITLE).to_owned(), blocks)
}

/// One record in full, with what can be done with it.
fn item(ctx: &Ctx<'_>, s: &Saved, id: &str) -> (String, Vec<Block>) {
    let Some(r) = s.record.as_ref().filter(|r| r.id == id) else {
        // Unreadable (the notice says why): it can still be deleted.
        let blocks = vec![link(
            &Route::Saved(SavedRoute::Delete { id: id.to_owned() }),
            ctx.ui(k::SAVED_DELETE),
            None,
        )];
        return (ctx.ui(k::SAVED_TITLE).to_owned(), blocks);
    };
    let mut blocks = vec![Block::Status {
        text: about(ctx, s, r.kind, &r.date),
        state: StatusKind::Info,
    }];
    match body(r) {
        Ok(text) => blocks.extend(
            text.lines()
                .map(str::trim_end)
                .filter(|l| !l.trim().is_empty() && !l.chars().all(|c| c == '=' || c == '-'))
                .map(|l| paragraph(l.trim_start())),
        ),
        Err(e) => blocks.push(notice(NoticeLevel::Caution, e.to_string())),
    }
    if matches!(
        r.kind,
        RecordKind::RightsChecklist | RecordKind::PlacementChecklist
    ) {
        blocks.push(button(ctx, button::CONTINUE, k::SAVED_CONTINUE));
    }
    if r.kind != RecordKind::Note {
        blocks.push(button(ctx, button::SHARE, k::SAVED_SHARE));
    }
    blocks.push(link(
        &Route::Saved(SavedRoute::Delete { id: id.to_owned() }),
        ctx.ui(k::SAVED_DELETE),
        None,
    ));
    (r.case_label.clone(), blocks)
}

/// Asks before deleting one record.
fn delete(ctx: &Ctx<'_>, s: &Saved, id: &str) -> (String, Vec<Block>) {
    let label = s
        .listing
        .records
        .iter()
        .find(|r| r.id == id)
        .map_or("", |r| r.case_label.as_str());
    let blocks = vec![
        paragraph(ctx.fill(k::SAVED_DELETE_TEXT, &[("label", label)])),
        button(ctx, button::DELETE, k::SAVED_DELETE),
        button(ctx, button::CANCEL, k::SAVED_CANCEL),
    ];
    (ctx.ui(k::SAVED_DELETE_TITLE).to_owned(), blocks)
}

/// Wiping everything: what it does, then the countdown the person can cancel.
fn wipe(ctx: &Ctx<'_>, s: &Saved, now: i64) -> (String, Vec<Block>) {
    let mut blocks = vec![paragraph(ctx.ui(k::SAVED_WIPE_TEXT))];
    match s.wipe_at {
        None => blocks.push(button(ctx, button::WIPE, k::SAVED_WIPE)),
        Some(at) => {
            let left = at.saturating_sub(now).clamp(0, WIPE_COUNTDOWN_SECS);
            blocks.push(notice(
                NoticeLevel::Urgent,
                ctx.fill(k::SAVED_WIPE_COUNTDOWN, &[("seconds", &left.to_string())]),
            ));
        }
    }
    blocks.push(button(ctx, button::CANCEL, k::SAVED_CANCEL));
    (ctx.ui(k::SAVED_WIPE_TITLE).to_owned(), blocks)
}

/// A note: its text, then its label.
fn note(ctx: &Ctx<'_>, s: &Saved) -> (String, Vec<Block>) {
    let mut blocks = Vec::new();
    if !s.note_written {
        blocks.push(input(
            s,
            field::NOTE,
            ctx.ui(k::SAVED_NOTE).into(),
            InputKind::Note,
            Some(ctx.ui(k::SAVED_LABEL_WARNING).to_owned()),
            ctx.ui(k::SAVED_NEXT),
        ));
    } else {
        blocks.push(label_field(ctx, s));
    }
    (ctx.ui(k::SAVED_WRITE_NOTE).to_owned(), blocks)
}

/// The case label, with what not to write in it.
fn label_field(ctx: &Ctx<'_>, s: &Saved) -> Block {
    input(
        s,
        field::LABEL,
        ctx.ui(k::SAVED_LABEL).into(),
        InputKind::Text,
        Some(ctx.ui(k::SAVED_LABEL_WARNING).to_owned()),
        ctx.ui(k::SAVED_SAVE),
    )
}

/// Saving a tool's result: what it is, and its case label.
fn save(ctx: &Ctx<'_>, s: &Saved, kind: RecordKind) -> (String, Vec<Block>) {
    let what = kind_label(kind, &ctx.pack.ui, ctx.locales);
    let blocks = vec![
        paragraph(ctx.fill(
            k::SAVED_SAVE_TEXT,
            &[("days", &s.retention_days().to_string())],
        )),
        label_field(ctx, s),
    ];
    (ctx.fill(k::SAVED_SAVE_TITLE, &[("kind", what)]), blocks)
}

/// While slow work runs: what the app is doing. Only quick exit works meanwhile.
pub(in crate::app) fn busy_screen(ctx: &Ctx<'_>, route: &Route, busy: Busy) -> Screen {
    let text = ctx.ui(match busy {
        Busy::Create => k::SAVED_BUSY_CREATE,
        Busy::Unlock => k::SAVED_BUSY_UNLOCK,
        Busy::Save => k::SAVED_BUSY_SAVE,
        Busy::Delete => k::SAVED_BUSY_DELETE,
        Busy::Wipe => k::SAVED_BUSY_WIPE,
    });
    let blocks = vec![Block::Status {
        text: text.to_owned(),
        state: StatusKind::Info,
    }];
    ctx.screen(
        route,
        ctx.ui(k::SAVED_BUSY_TITLE).to_owned(),
        Mode::Professional,
        blocks,
    )
}

/// A vault error in the person's language.
pub(super) fn vault_error(ctx: &Ctx<'_>, e: &VaultError) -> String {
    match e {
        VaultError::WrongPin { .. } => ctx.ui(k::SAVED_WRONG_PIN).to_owned(),
        VaultError::TooManyAttempts { wait_secs } => {
            ctx.fill(k::SAVED_WAIT, &[("time", &duration(ctx, *wait_secs))])
        }
        VaultError::ErasedAfterWrongPins => ctx.ui(k::SAVED_ERASED).to_owned(),
        VaultError::PinTooShort { min_chars } => {
            ctx.fill(k::SAVED_PIN_SHORT, &[("min", &min_chars.to_string())])
        }
        VaultError::PinTooCommon => ctx.ui(k::SAVED_PIN_COMMON).to_owned(),
        VaultError::Locked => ctx.ui(k::SAVED_LOCKED).to_owned(),
        VaultError::CaseLabel { max_chars } => {
            ctx.fill(k::SAVED_LABEL_LENGTH, &[("max", &max_chars.to_string())])
        }
        VaultError::TooLong { max_chars } => {
            ctx.fill(k::SAVED_TOO_LONG, &[("max", &max_chars.to_string())])
        }
        other => ctx.fill(k::SAVED_FAILED, &[("reason", &other.to_string())]),
    }
}

/// A wait in whole seconds, or minutes from two minutes on, rounded up.
fn duration(ctx: &Ctx<'_>, secs: u64) -> String {
    if secs < 120 {
        ctx.fill(k::SAVED_SECONDS, &[("count", &secs.to_string())])
    } else {
        ctx.fill(
            k::SAVED_MINUTES,
            &[("count", &secs.div_ceil(60).to_string())],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_is_kept_for_the_retention_days_after_its_day() {
        assert_eq!(kept_until("2026-11-30", 30), "2026-12-30");
        assert_eq!(kept_until("not a day", 30), "not a day");
    }
}
