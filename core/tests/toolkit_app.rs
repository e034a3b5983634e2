//! The toolkit's screens through the app model: reachability, events, and what each screen shows.

mod support;
use support::{choose, items, links, open, set_status as set};

use std::collections::{BTreeSet, VecDeque};

use lykt_core::Error;
use lykt_core::app::{App, Block, Clock, Effect, Event, NoticeLevel, Platform, Screen};
use lykt_core::calendar::parse_instant;
use lykt_core::content::ContentPack;

fn app(locale: &str) -> App {
    let pack = ContentPack::embedded().expect("valid pack");
    let locales = pack.locales(&[locale]).expect("locale");
    let mut app = App::new(pack, locales, Platform::Terminal);
    app.set_clock(Clock::Fixed(
        parse_instant("2026-03-27T13:30:00Z").expect("instant"),
    ));
    app
}

fn selected<'a>(s: &'a Screen, question: &str) -> Option<&'a str> {
    s.blocks.iter().find_map(|b| match b {
        Block::Choice { id, options, .. } if id == question => {
            options.iter().find(|o| o.selected).map(|o| o.id.as_str())
        }
        _ => None,
    })
}

fn texts(s: &Screen) -> String {
    serde_json::to_string(s).expect("screens serialise")
}

#[test]
fn every_toolkit_screen_is_two_steps_from_the_start() {
    let mut app = app("en");
    let mut depth = std::collections::BTreeMap::new();
    let mut queue = VecDeque::from([("home".to_owned(), 0)]);
    while let Some((target, d)) = queue.pop_front() {
        if depth.contains_key(&target) || d > 2 {
            continue;
        }
        // A link counts as reached only once it has opened.
        let screen = open(&mut app, &target);
        depth.insert(target, d);
        for l in links(&screen) {
            queue.push_back((l.to_owned(), d + 1));
        }
    }
    for target in ["tools", "assess", "duties", "rights", "learn"] {
        assert!(
            depth.get(target).is_some_and(|d| *d <= 2),
            "{target}: {depth:?}"
        );
    }
}

#[test]
fn every_link_on_the_toolkit_screens_opens() {
    let mut app = app("en");
    open(&mut app, "assess");
    let s = choose(&mut app, "minor", "unsure").expect("the checklist asks the age");
    assert_eq!(selected(&s, "minor"), Some("unsure"));
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from(vec![
        "assess".to_owned(),
        "assess/result".to_owned(),
        "duties".to_owned(),
        "rights".to_owned(),
        "learn".to_owned(),
    ]);
    while let Some(target) = queue.pop_front() {
        if seen.contains(&target) {
            continue;
        }
        let mut screen = open(&mut app, &target);
        seen.insert(target.clone());
        if target.starts_with("contact") {
            continue;
        }
        if target == "duties" {
            screen = choose(&mut app, "role", "public").expect("the duties ask the role");
        }
        queue.extend(links(&screen).into_iter().map(str::to_owned));
    }
    assert!(
        seen.contains("minors"),
        "the result links to the minors' flow"
    );
    assert!(seen.iter().any(|t| t.starts_with("learn/")));
    assert!(seen.iter().any(|t| t.starts_with("rights/")));
    assert!(seen.iter().any(|t| t.starts_with("contact/")));
}

#[test]
fn the_checklist_offers_minors_extras_only_for_a_possible_child() {
    let mut app = app("en");
    let s = open(&mut app, "assess");
    assert_eq!(
        selected(&s, "minor"),
        Some("unsure"),
        "unsure until answered"
    );
    let ids = |s: &Screen| {
        items(s)
            .into_iter()
            .map(|(i, _)| i.to_owned())
            .collect::<Vec<_>>()
    };
    let unsure = ids(&s);
    assert_eq!(unsure.len(), 75);
    let adult = ids(&choose(&mut app, "minor", "no").expect("answer"));
    assert_eq!(adult.len(), 61);
    assert!(!adult.iter().any(|i| i.contains("-m-")));
    assert!(
        adult.iter().any(|i| i.starts_with("sp-")) && adult.iter().any(|i| i.starts_with("fl-"))
    );
}

#[test]
fn a_setting_puts_its_sector_first_and_says_so() {
    let mut app = app("en");
    open(&mut app, "assess");
    let sector_order = |s: &Screen| {
        items(s)
            .into_iter()
            .filter_map(|(i, _)| i.split('-').next().filter(|p| *p == "sp" || *p == "fl"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let before = app.current_screen();
    assert_eq!(
        sector_order(&before).first().map(String::as_str),
        Some("sp")
    );
    let s = choose(&mut app, "setting", "construction").expect("setting");
    assert_eq!(sector_order(&s).first().map(String::as_str), Some("fl"));
    assert!(
        s.blocks
            .iter()
            .any(|b| matches!(b, Block::Notice { text, .. } if text.contains("fit the setting")))
    );
    let s = choose(&mut app, "setting", "none").expect("none");
    assert_eq!(selected(&s, "setting"), Some("none"));
}

#[test]
fn marks_show_on_the_checklist_and_in_the_summary() {
    let mut app = app("en");
    open(&mut app, "assess");
    choose(&mut app, "minor", "no").expect("answer");
    let s = set(&mut app, "lc-documents", "observed").expect("mark");
    assert!(items(&s).contains(&("lc-documents", "observed")));
    let r = open(&mut app, "assess/result");
    let Block::Notice { level, text } = &r.blocks[0] else {
        panic!("the summary starts with why it is not a score")
    };
    assert_eq!(*level, NoticeLevel::Info);
    assert!(text.contains("not a score"));
    assert!(texts(&r).contains("Does not control their own passport"));
    assert!(texts(&r).contains("How did you get the passport"));
    assert!(!links(&r).contains(&"minors"));
    app.dispatch(Event::Back).expect("back");
    set(&mut app, "lc-documents", "not_observed").expect("unmark");
    let r = open(&mut app, "assess/result");
    assert!(texts(&r).contains("You have not marked any signs."));
}

#[test]
fn events_that_do_not_fit_the_screen_are_refused_and_change_nothing() {
    let mut app = app("en");
    open(&mut app, "assess");
    let before = app.current_screen();
    let e = choose(&mut app, "role", "public").expect_err("not asked here");
    assert!(
        matches!(&e, Error::InvalidEvent { message } if message.contains("no question \"role\"")),
        "{e}"
    );
    for (q, o, needle) in [
        ("minor", "maybe", "choose one of: yes, unsure, no"),
        (
            "setting",
            "moon",
            "\"moon\" is not an answer to question \"setting\"",
        ),
    ] {
        let e = choose(&mut app, q, o).expect_err("refused");
        assert!(
            matches!(&e, Error::InvalidAnswer { .. }) && e.to_string().contains(needle),
            "{e}"
        );
    }
    let e = set(&mut app, "legal-aid", "informed").expect_err("not on this screen");
    assert!(
        matches!(&e, Error::UnknownChecklistItem { .. })
            && e.to_string().contains("no item \"legal-aid\""),
        "{e}"
    );
    let e = set(&mut app, "lc-documents", "maybe").expect_err("no such status");
    assert!(
        matches!(&e, Error::InvalidChecklistStatus { .. })
            && e.to_string().contains("observed, not_observed"),
        "{e}"
    );
    assert_eq!(app.current_screen(), before);
    let e = app
        .dispatch(Event::Open {
            target: "learn/gossip".into(),
        })
        .expect_err("no topic");
    assert!(matches!(e, Error::UnknownScreen { .. }));
    let e = app
        .dispatch(Event::Open {
            target: "rights/flying".into(),
        })
        .expect_err("no right");
    assert!(matches!(e, Error::UnknownScreen { .. }));
}

#[test]
fn danger_flags_come_first_with_one_tap_calls() {
    let mut app = app("en");
    open(&mut app, "assess");
    choose(&mut app, "immediate_danger", "yes").expect("answer");
    choose(&mut app, "health_emergency", "yes").expect("answer");
    let r = open(&mut app, "assess/result");
    let urgent: Vec<&str> = r
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Notice {
                level: NoticeLevel::Urgent,
                text,
            } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(urgent.len(), 2, "{urgent:?}");
    let uris: Vec<&str> = r.actions().map(|a| a.uri.as_str()).collect();
    assert!(
        uris.starts_with(&["tel:112", "tel:113", "tel:116117"]),
        "{uris:?}"
    );
    let ids: BTreeSet<&str> = r.actions().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids.len(),
        r.actions().count(),
        "action ids are unique on a screen"
    );
    assert!(
        links(&r).contains(&"minors"),
        "unsure is treated as a child"
    );
    let first = r.actions().next().expect("a call").id.clone();
    let t = app.dispatch(Event::Act { action: first }).expect("act");
    assert_eq!(
        t.effect,
        Some(Effect::OpenUri {
            uri: "tel:112".into()
        })
    );
}

#[test]
fn duties_need_a_role_and_then_list_numbered_steps() {
    let mut app = app("en");
    let s = open(&mut app, "duties");
    assert!(texts(&s).contains("Choose your role to see the steps."));
    assert!(!s.blocks.iter().any(|b| matches!(b, Block::Heading { .. })));
    let s = choose(&mut app, "role", "private").expect("role");
    let headings: Vec<&str> = s
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert!(headings[0].starts_with("1. "), "{headings:?}");
    assert!(texts(&s).contains("You can report to child welfare or the police"));
    assert!(!texts(&s).contains("Report your concern to child welfare\""));
    let s = choose(&mut app, "role", "public").expect("role");
    assert!(texts(&s).contains("Child Welfare Act (barnevernsloven) § 13-2 (e)"));
    assert!(
        s.blocks
            .iter()
            .all(|b| !matches!(b, Block::Choice { id, .. } if id == "consent")),
        "no consent question for a child"
    );
    let s = choose(&mut app, "minor", "no").expect("adult");
    assert_eq!(selected(&s, "consent"), Some("not-asked"));
    let s = choose(&mut app, "consent", "yes").expect("consent");
    assert!(texts(&s).contains("Refer the person to ROSA"));
    let a = open(&mut app, "assess");
    assert_eq!(
        selected(&a, "minor"),
        Some("no"),
        "the age answer is shared"
    );
}

#[test]
fn a_step_offers_each_page_or_number_once() {
    let mut app = app("en");
    open(&mut app, "duties");
    let s = choose(&mut app, "role", "public").expect("role");
    let mut step_uris: Vec<Vec<&str>> = Vec::new();
    for b in &s.blocks {
        match b {
            Block::Heading { .. } => step_uris.push(Vec::new()),
            Block::Action { action } => {
                let uris = step_uris.last_mut().expect("actions belong to a step");
                assert!(!uris.contains(&action.uri.as_str()), "{} twice", action.uri);
                uris.push(&action.uri);
            }
            _ => {}
        }
    }
    assert!(
        step_uris
            .iter()
            .any(|u| u.contains(&"https://barnevernvakten.no"))
    );
}

#[test]
fn the_rights_checklist_tracks_statuses_and_details() {
    let mut app = app("en");
    let s = open(&mut app, "rights");
    assert!(texts(&s).contains("0 of 13 rights dealt with"));
    let s = set(&mut app, "legal-aid", "informed").expect("status");
    assert!(texts(&s).contains("1 of 13 rights dealt with"));
    let s = choose(&mut app, "residence", "has-permit").expect("residence");
    assert!(texts(&s).contains("1 of 10 rights dealt with"));
    assert!(!items(&s).iter().any(|(i, _)| *i == "reflection-period"));
    choose(&mut app, "residence", "no-permit").expect("residence");
    let d = open(&mut app, "rights/reflection-period");
    assert_eq!(d.title, "Reflection period");
    assert!(texts(&d).contains("(older source; may be out of date)"));
    assert!(links(&d).contains(&"contact/udi"));
    let d =
        set(&mut app, "reflection-period", "wants_help").expect("status from the detail screen");
    assert!(items(&d).contains(&("reflection-period", "wants_help")));
    let d = open(&mut app, "rights/schooling");
    assert_eq!(
        items(&d),
        [("schooling", "not_discussed")],
        "listed for a possible child"
    );
    open(&mut app, "rights");
    choose(&mut app, "minor", "no").expect("adult");
    let d = open(&mut app, "rights/schooling");
    assert!(items(&d).is_empty());
    assert!(texts(&d).contains("not on the checklist"));
    let e = set(&mut app, "schooling", "informed").expect_err("not listed for an adult");
    assert!(matches!(e, Error::UnknownChecklistItem { .. }));
}

#[test]
fn learn_topics_open_in_both_languages() {
    for (locale, needle) in [("en", "Myths"), ("nb", "Myter")] {
        let mut app = app(locale);
        let s = open(&mut app, "learn");
        let topics: Vec<String> = links(&s).into_iter().map(str::to_owned).collect();
        assert_eq!(topics.len(), 6);
        for t in topics {
            let topic = open(&mut app, &t);
            assert!(topic.blocks.len() > 3, "{t}");
        }
        assert!(texts(&open(&mut app, "learn/myths")).contains(needle));
    }
}

#[test]
fn quick_exit_forgets_every_answer() {
    let mut app = app("en");
    open(&mut app, "assess");
    choose(&mut app, "minor", "no").expect("answer");
    set(&mut app, "ex-debt", "observed").expect("mark");
    open(&mut app, "rights");
    set(&mut app, "legal-aid", "referred").expect("status");
    app.dispatch(Event::QuickExit).expect("exit");
    let s = open(&mut app, "assess");
    assert_eq!(selected(&s, "minor"), Some("unsure"));
    assert!(
        items(&s)
            .iter()
            .all(|(_, status)| *status == "not_observed")
    );
    let r = open(&mut app, "rights");
    assert!(
        items(&r)
            .iter()
            .all(|(_, status)| *status == "not_discussed")
    );
}

#[test]
fn the_screens_speak_norwegian() {
    let mut app = app("nb");
    let tools = open(&mut app, "tools");
    assert!(texts(&tools).contains("Se etter tegn på menneskehandel"));
    let s = open(&mut app, "assess");
    assert_eq!(s.title, "Tegn på menneskehandel");
    choose(&mut app, "role", "public").expect_err("not on this screen");
    let d = open(&mut app, "duties");
    assert_eq!(d.title, "Plikter og neste steg");
    let d = choose(&mut app, "role", "public").expect("role");
    assert!(texts(&d).contains("Meld bekymring til barnevernet"));
    assert!(texts(&d).contains("barnevernsloven § 13-2 (e)"));
}
