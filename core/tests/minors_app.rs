//! The minors' screens in the app model: reachable from the start screen, questions answered
//! with choose events, urgent calls kept on top, cards with calls first, and the placement
//! checklist changed with set-status events.

mod support;
use support::{choose, items, links, open, question, set_status as set, status_line};

use std::collections::HashSet;

use lykt_core::Error;
use lykt_core::actions::ActionKind;
use lykt_core::app::plain;
use lykt_core::app::{App, Block, Clock, Effect, Event, Platform, Screen};
use lykt_core::calendar::parse_instant;
use lykt_core::content::ContentPack;

/// Tuesday 02:30 in Oslo.
const NIGHT: &str = "2026-11-24T01:30:00Z";
/// Tuesday 10:30 in Oslo.
const OFFICE: &str = "2026-11-24T09:30:00Z";

fn app(locale: &str, at: &str) -> App {
    let pack = ContentPack::embedded().expect("valid pack");
    let locales = pack.locales(&[locale]).expect("locale");
    let mut app = App::new(pack, locales, Platform::Terminal);
    app.set_clock(Clock::Fixed(parse_instant(at).expect("instant")));
    app
}

fn answer_all(app: &mut App, answers: &[(&str, &str)]) -> Screen {
    let mut screen = app.current_screen();
    for (q, o) in answers {
        screen = choose(app, q, o).unwrap_or_else(|e| panic!("{q}={o}: {e}"));
    }
    screen
}

fn assert_unique_actions(screen: &Screen) {
    let mut seen = HashSet::new();
    for a in screen.actions() {
        assert!(seen.insert(&a.id), "{}: action {} twice", screen.id, a.id);
    }
}

#[test]
fn the_flow_and_the_checklist_are_two_steps_from_the_start() {
    let mut app = app("en", NIGHT);
    assert!(links(&app.current_screen()).contains(&"tools"));
    let tools = open(&mut app, "tools");
    assert!(links(&tools).contains(&"minors") && links(&tools).contains(&"placement"));
    let first = open(&mut app, "minors");
    assert_eq!(first.id, "minors");
    assert_eq!(question(&first), Some("danger"));
    assert!(first.back_available, "back leads to the tools menu");
}

#[test]
fn urgent_calls_stay_on_top_of_every_later_question() {
    let mut app = app("en", NIGHT);
    open(&mut app, "minors");
    let screen = answer_all(
        &mut app,
        &[("danger", "yes"), ("health", "life-threatening")],
    );
    assert_eq!(question(&screen), Some("age"));
    let top: Vec<&str> = screen
        .blocks
        .iter()
        .take(4)
        .filter_map(|b| match b {
            Block::Action { action } => Some(action.uri.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(top, ["tel:112", "tel:113"]);
    assert!(matches!(&screen.blocks[0], Block::Notice { level, .. }
        if *level == lykt_core::app::NoticeLevel::Urgent));
    let t = app
        .dispatch(Event::Act {
            action: "police-emergency.call.0".into(),
        })
        .expect("the call is on the screen");
    assert_eq!(
        t.effect,
        Some(Effect::OpenUri {
            uri: "tel:112".into()
        })
    );
    let later = answer_all(&mut app, &[("age", "unsure"), ("accompanied", "alone")]);
    assert_eq!(question(&later), Some("conversation"));
    assert!(later.actions().any(|a| a.uri == "tel:112"));
}

#[test]
fn back_takes_back_answers_before_leaving_the_flow() {
    let mut app = app("en", NIGHT);
    open(&mut app, "tools");
    open(&mut app, "minors");
    answer_all(&mut app, &[("danger", "no"), ("health", "no")]);
    let back = app.dispatch(Event::Back).expect("back").screen;
    assert_eq!(question(&back), Some("health"));
    let back = app.dispatch(Event::Back).expect("back").screen;
    assert_eq!(question(&back), Some("danger"));
    let out = app.dispatch(Event::Back).expect("back").screen;
    assert_eq!(out.id, "tools");
}

#[test]
fn wrong_questions_and_answers_are_refused_without_change() {
    let mut app = app("en", NIGHT);
    open(&mut app, "minors");
    let before = app.current_screen();
    assert!(matches!(
        choose(&mut app, "age", "adult"),
        Err(Error::InvalidEvent { .. })
    ));
    assert_eq!(
        choose(&mut app, "danger", "maybe"),
        Err(Error::InvalidAnswer {
            step: "danger".into(),
            answer: "maybe".into(),
            valid: vec!["yes".into(), "no".into()],
        })
    );
    assert_eq!(app.current_screen(), before);
    let mut tools = self::app("en", NIGHT);
    open(&mut tools, "tools");
    assert!(matches!(
        choose(&mut tools, "danger", "yes"),
        Err(Error::InvalidEvent { .. })
    ));
}

#[test]
fn the_outcome_shows_the_end_card_with_calls_first_and_links_to_the_rest() {
    let mut app = app("nb", NIGHT);
    open(&mut app, "minors");
    let end = answer_all(
        &mut app,
        &[
            ("danger", "yes"),
            ("health", "no"),
            ("age", "unsure"),
            ("accompanied", "parents"),
            ("conversation", "no"),
            ("role", "public"),
            ("reported", "no"),
        ],
    );
    assert_eq!(end.title, "Kontakt barnevernet nå");
    assert_eq!(question(&end), None);
    assert_unique_actions(&end);
    let kinds: Vec<ActionKind> = end.actions().map(|a| a.kind).collect();
    let first_other = kinds.iter().position(|k| *k != ActionKind::Call);
    assert!(
        first_other.is_none_or(|i| kinds[i..].iter().all(|k| *k != ActionKind::Call)),
        "calls come first: {kinds:?}"
    );
    let uris: Vec<&str> = end.actions().map(|a| a.uri.as_str()).collect();
    assert_eq!(uris[0], "tel:112", "the urgent call stays on top");
    assert!(uris.contains(&"tel:116111"));
    let text = plain::page(&end);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let calls = text.find("Ring 112").expect("the emergency call");
    assert!(
        calls < text.find("Hva du gjør nå").expect("what to do"),
        "{text}"
    );
    assert!(text.contains("Nå, tirsdag kl. 02:30: utenfor antatt kontortid."));
    assert!(
        text.contains("Er personen under 18 år? Jeg er usikker"),
        "{text}"
    );
    assert!(
        text.contains("barnevernsloven § 4-5"),
        "the end card's legal basis"
    );
    assert_eq!(text.matches("Kontortiden her er en antakelse").count(), 1);
    assert_eq!(text.matches("tel:112").count(), 1, "each number once");
    let targets = links(&end);
    for card in [
        "minors/call-112",
        "minors/treat-as-child",
        "minors/adults-involved",
        "minors/duty-to-report",
        "minors/duty-to-avert",
        "placement",
        "contact/barnevernvakten",
        "minors",
    ] {
        assert!(targets.contains(&card), "{card}: {targets:?}");
    }
    let contacts: Vec<&str> = targets
        .iter()
        .filter(|t| t.starts_with("contact/"))
        .copied()
        .collect();
    assert_eq!(contacts[0], "contact/barnevernvakten", "after hours first");
    assert!(
        end.blocks
            .iter()
            .any(|b| matches!(b, Block::Notice { text, .. }
        if text.starts_with("Kontortiden her er en antakelse")))
    );

    // "Start again" returns to the first question without stacking another screen.
    let again = open(&mut app, "minors");
    assert_eq!(question(&again), Some("danger"));
    let out = app.dispatch(Event::Back).expect("back").screen;
    assert_eq!(out.id, "home");
}

#[test]
fn the_adult_path_links_to_the_duties_screen() {
    let mut app = app("en", OFFICE);
    open(&mut app, "minors");
    let end = answer_all(
        &mut app,
        &[
            ("danger", "no"),
            ("health", "no"),
            ("age", "adult"),
            ("adult-children", "no"),
        ],
    );
    assert_eq!(end.title, "Follow the steps for adults");
    assert!(links(&end).contains(&"duties"));
    assert_eq!(
        end.actions().next().map(|a| a.uri.as_str()),
        Some("tel:22331160")
    );
}

#[test]
fn each_card_has_its_own_screen_with_calls_first() {
    let mut app = app("en", OFFICE);
    let pack = ContentPack::embedded().expect("pack");
    for card in &pack.minors.flow.cards {
        let screen = open(&mut app, &format!("minors/{}", card.id));
        assert_eq!(screen.id, format!("minors/{}", card.id));
        assert!(
            matches!(screen.blocks.first(), Some(Block::Action { .. })),
            "{}: starts with its actions",
            card.id
        );
        assert_unique_actions(&screen);
    }
    assert!(matches!(
        app.dispatch(Event::Open {
            target: "minors/no-such-card".into()
        }),
        Err(Error::UnknownScreen { .. })
    ));
}

#[test]
fn the_placement_checklist_changes_with_set_status_and_survives_navigation() {
    let mut app = app("en", OFFICE);
    let screen = open(&mut app, "placement");
    let items: Vec<&str> = items(&screen).into_iter().map(|(id, _)| id).collect();
    assert_eq!(items.len(), 10);
    assert_eq!(items[0], "emergency-decision");
    assert_unique_actions(&screen);
    let after = set(&mut app, "emergency-decision", "done").expect("valid");
    let progress = status_line(&after);
    assert_eq!(progress, Some("1 of 10 done"));
    let status = after.blocks.iter().find_map(|b| match b {
        Block::ChecklistItem {
            id,
            status,
            status_label,
            options,
            ..
        } if id == "emergency-decision" => Some((
            status.as_str(),
            status_label.as_str(),
            options.iter().filter(|o| o.selected).count(),
        )),
        _ => None,
    });
    assert_eq!(status, Some(("done", "Done", 1)));
    assert!(matches!(
        set(&mut app, "emergency-decision", "finished"),
        Err(Error::InvalidChecklistStatus { .. })
    ));
    assert!(matches!(
        set(&mut app, "lunch", "done"),
        Err(Error::UnknownChecklistItem { .. })
    ));
    open(&mut app, "contact/bufdir-guidance");
    let back = app.dispatch(Event::Back).expect("back").screen;
    assert_eq!(back, after, "statuses are kept while the app is open");
    open(&mut app, "minors");
    assert!(matches!(
        set(&mut app, "emergency-decision", "done"),
        Err(Error::InvalidEvent { .. })
    ));
}

#[test]
fn quick_exit_wipes_the_flow_and_the_checklist() {
    let mut app = app("en", NIGHT);
    open(&mut app, "placement");
    app.dispatch(Event::SetStatus {
        item: "institution".into(),
        status: "in_progress".into(),
    })
    .expect("valid");
    open(&mut app, "minors");
    choose(&mut app, "danger", "yes").expect("valid");
    app.dispatch(Event::QuickExit).expect("exit");
    let list = open(&mut app, "placement");
    assert!(
        list.blocks
            .iter()
            .all(|b| !matches!(b, Block::ChecklistItem { status, .. }
        if status != "not_started"))
    );
    // Opening the flow from the placement screen starts it afresh; nothing urgent remains.
    let flow = open(&mut app, "minors");
    assert_eq!(question(&flow), Some("danger"));
    assert_eq!(flow.actions().count(), 0);
}
