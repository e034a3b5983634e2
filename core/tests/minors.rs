//! The minors' flow: every path and its key outcomes, sessions, load-time validation of the
//! graph, and the emergency-placement checklist.

use std::sync::Arc;

mod support;

use lykt_core::Error;
use lykt_core::app::plain;
use lykt_core::calendar::{Instant, parse_instant};
use lykt_core::contacts::OpenState;
use lykt_core::content::check::IssueKind;
use lykt_core::content::{ContentPack, EMBEDDED};
use lykt_core::minors::{
    Answer, CardView, ItemStatus, MinorsFlow, PlacementChecklist, TimeOfDay, Walk, When,
};
use proptest::prelude::*;

/// Tuesday 10:30 in Oslo: within the assumed office hours.
const OFFICE: &str = "2026-11-24T09:30:00Z";
/// Tuesday 02:30 in Oslo.
const NIGHT: &str = "2026-11-24T01:30:00Z";
/// Saturday 12:00 in Oslo.
const WEEKEND: &str = "2026-11-28T11:00:00Z";
/// Monday 17 May 2027, 10:00 in Oslo: a weekday, but a public holiday.
const HOLIDAY: &str = "2027-05-17T08:00:00Z";
const AFTER_HOURS: [&str; 3] = [NIGHT, WEEKEND, HOLIDAY];

fn pack() -> Arc<ContentPack> {
    ContentPack::embedded().expect("embedded pack is valid")
}

fn flow(locale: &str) -> MinorsFlow {
    let pack = pack();
    let locales = pack.locales(&[locale]).expect("locale");
    MinorsFlow::new(pack, locales)
}

fn at(s: &str) -> Instant {
    parse_instant(s).expect("valid instant")
}

fn options(path: &[Answer]) -> Vec<&str> {
    path.iter().map(|a| a.option.as_str()).collect()
}

fn chose(path: &[Answer], step: &str, option: &str) -> bool {
    path.iter().any(|a| a.step == step && a.option == option)
}

fn card_ids(walk: &Walk) -> Vec<&str> {
    walk.actions.iter().map(|c| c.id.as_str()).collect()
}

fn contact_ids(card: &CardView) -> Vec<&str> {
    card.contacts.iter().map(|c| c.id.as_str()).collect()
}

/// Every complete path, walked at `instant`.
fn all_walks(f: &MinorsFlow, instant: &str) -> Vec<(Vec<Answer>, Walk)> {
    pack()
        .minors
        .flow
        .paths()
        .into_iter()
        .map(|p| {
            let walk = f
                .walk(&options(&p), at(instant))
                .unwrap_or_else(|e| panic!("{p:?}: {e}"));
            (p, walk)
        })
        .collect()
}

#[test]
fn every_path_ends_at_an_action_card_that_says_what_whom_why_and_what_not() {
    let f = flow("en");
    let pack = pack();
    let mut steps_seen = std::collections::HashSet::new();
    let mut cards_seen = std::collections::HashSet::new();
    for instant in [OFFICE, NIGHT, WEEKEND, HOLIDAY] {
        let walks = all_walks(&f, instant);
        assert!(!walks.is_empty());
        for (path, walk) in walks {
            assert!(walk.finished && walk.current_step.is_none(), "{path:?}");
            let end = walk.end_card.as_deref().expect("an end card");
            assert_eq!(walk.actions.last().map(|c| c.id.as_str()), Some(end));
            let ids = card_ids(&walk);
            let mut unique = ids.clone();
            unique.dedup();
            assert_eq!(ids.len(), unique.len(), "{path:?}: a card twice");
            for card in &walk.actions {
                let here = format!("{instant} {path:?} {}", card.id);
                assert!(!card.do_now.is_empty(), "{here}");
                assert!(!card.do_not.is_empty(), "{here}");
                assert!(!card.contacts.is_empty(), "{here}");
                assert!(
                    card.contacts[0].fits_now,
                    "{here}: first contact not for now"
                );
                assert!(
                    !card.legal_basis.is_empty() || !card.sources.is_empty(),
                    "{here}"
                );
                assert!(
                    card.contacts.iter().all(|c| !c.actions.is_empty()),
                    "{here}: a contact without an action"
                );
                cards_seen.insert(card.id.clone());
            }
            steps_seen.extend(path.iter().map(|a| a.step.clone()));
        }
    }
    assert_eq!(
        steps_seen.len(),
        pack.minors.flow.steps.len(),
        "a step on no path"
    );
    assert_eq!(
        cards_seen.len(),
        pack.minors.flow.cards.len(),
        "a card on no path"
    );
}

#[test]
fn danger_always_puts_the_police_emergency_number_first() {
    let f = flow("en");
    for instant in [OFFICE, NIGHT] {
        for (path, walk) in all_walks(&f, instant) {
            let first = &walk.actions[0];
            if chose(&path, "danger", "yes") {
                assert_eq!(first.id, "call-112", "{path:?}");
                assert!(first.urgent);
                assert_eq!(first.contacts[0].id, "police-emergency");
                assert_eq!(first.contacts[0].actions[0].uri, "tel:112");
            } else {
                assert!(!card_ids(&walk).contains(&"call-112"), "{path:?}");
            }
            if chose(&path, "health", "life-threatening") {
                assert!(card_ids(&walk).contains(&"call-113"), "{path:?}");
            }
        }
    }
}

#[test]
fn unsure_age_is_treated_as_a_child_and_public_roles_get_the_duty_to_report() {
    let f = flow("en");
    let mut unsure_public = 0;
    for (path, walk) in all_walks(&f, NIGHT) {
        let ids = card_ids(&walk);
        let child = chose(&path, "age", "under-18") || chose(&path, "age", "unsure");
        let position = |id: &str| ids.iter().position(|c| *c == id);
        if chose(&path, "age", "unsure") {
            assert!(position("treat-as-child").is_some(), "{path:?}");
        }
        if child && chose(&path, "role", "public") {
            assert!(
                position("duty-to-report") < position("duty-to-avert"),
                "{path:?}"
            );
            assert!(position("duty-to-report").is_some(), "{path:?}");
            if chose(&path, "age", "unsure") {
                assert!(position("treat-as-child") < position("duty-to-report"));
                unsure_public += 1;
            }
        }
        if child {
            assert!(ids.contains(&"duty-to-avert"), "{path:?}");
            let end = walk.end_card.as_deref();
            let expected = if chose(&path, "reported", "yes") {
                "report-again"
            } else {
                "contact-child-welfare"
            };
            assert_eq!(end, Some(expected), "{path:?}");
        } else {
            assert!(!ids.contains(&"duty-to-report") && !ids.contains(&"treat-as-child"));
        }
        if chose(&path, "role", "private") {
            assert!(!ids.contains(&"duty-to-report"), "{path:?}");
        }
    }
    assert!(unsure_public > 0);
}

#[test]
fn after_hours_never_leaves_only_an_office_hours_contact() {
    let f = flow("en");
    for instant in AFTER_HOURS {
        assert_eq!(
            f.time_of_day(at(instant)),
            TimeOfDay::AfterHours,
            "{instant}"
        );
        for (path, walk) in all_walks(&f, instant) {
            for card in &walk.actions {
                let here = format!("{instant} {path:?} {}", card.id);
                assert_ne!(card.contacts[0].when, When::OfficeHours, "{here}");
                if card.contacts.iter().any(|c| c.when == When::OfficeHours) {
                    assert!(
                        card.contacts
                            .iter()
                            .any(|c| c.status == OpenState::AlwaysOpen && c.fits_now),
                        "{here}: no always-open alternative"
                    );
                    assert!(card.office_hours_note.is_some(), "{here}");
                }
            }
        }
    }
}

#[test]
fn child_welfare_cards_order_by_office_hours_and_always_carry_alarmtelefonen() {
    let f = flow("en");
    let pack = pack();
    for card in &pack.minors.flow.cards {
        let ids: Vec<&str> = card.contacts.iter().map(|c| c.id.as_str()).collect();
        let welfare = ids.contains(&"barnevernet") || ids.contains(&"barnevernvakten");
        if !welfare {
            continue;
        }
        assert!(ids.contains(&"alarmtelefonen"), "{}", card.id);
        let office = f.card(&card.id, at(OFFICE)).expect("card");
        let night = f.card(&card.id, at(NIGHT)).expect("card");
        assert_eq!(contact_ids(&office)[0], "barnevernet", "{}", card.id);
        assert_eq!(contact_ids(&night)[0], "barnevernvakten", "{}", card.id);
        assert_eq!(
            contact_ids(&night).last(),
            Some(&"barnevernet"),
            "{}",
            card.id
        );
        for view in [&office, &night] {
            let note = view.office_hours_note.as_deref().expect("assumption shown");
            assert!(
                note.contains("assumption") && note.contains("116 111"),
                "{note}"
            );
            let alarm = view
                .contacts
                .iter()
                .find(|c| c.id == "alarmtelefonen")
                .expect("alarmtelefonen");
            assert_eq!(alarm.status, OpenState::AlwaysOpen);
            assert_eq!(alarm.actions[0].uri, "tel:116111");
        }
    }
}

#[test]
fn adults_end_at_the_adults_path_and_their_children_at_child_welfare() {
    let f = flow("en");
    for (path, walk) in all_walks(&f, OFFICE) {
        if !chose(&path, "age", "adult") {
            continue;
        }
        let end = walk.actions.last().expect("end card");
        let links: Vec<&str> = end.links.iter().map(|l| l.target.as_str()).collect();
        assert!(links.contains(&"duties"), "{path:?}");
        if chose(&path, "adult-children", "yes") {
            assert_eq!(end.id, "accompanying-children");
            assert!(contact_ids(end).contains(&"alarmtelefonen"));
        } else {
            assert_eq!(end.id, "adult-path");
            assert_eq!(end.contacts[0].id, "rosa");
        }
    }
}

#[test]
fn adults_with_the_child_and_a_planned_conversation_add_their_cards() {
    let f = flow("en");
    for (path, walk) in all_walks(&f, OFFICE) {
        let ids = card_ids(&walk);
        let with_adults =
            chose(&path, "accompanied", "parents") || chose(&path, "accompanied", "others");
        assert_eq!(ids.contains(&"adults-involved"), with_adults, "{path:?}");
        assert_eq!(
            ids.contains(&"talk-with-child"),
            chose(&path, "conversation", "yes"),
            "{path:?}"
        );
    }
}

#[test]
fn time_of_day_follows_the_labelled_office_hours_assumption() {
    let f = flow("en");
    for (instant, expected) in [
        ("2026-11-24T06:59:00Z", TimeOfDay::AfterHours), // Tue 07:59
        ("2026-11-24T07:00:00Z", TimeOfDay::OfficeHours), // Tue 08:00
        ("2026-11-24T14:59:00Z", TimeOfDay::OfficeHours), // Tue 15:59
        ("2026-11-24T15:00:00Z", TimeOfDay::AfterHours), // Tue 16:00
        ("2026-06-16T06:30:00Z", TimeOfDay::OfficeHours), // Tue 08:30 summer time
        ("2026-06-16T05:30:00Z", TimeOfDay::AfterHours), // Tue 07:30 summer time
        (WEEKEND, TimeOfDay::AfterHours),
        (HOLIDAY, TimeOfDay::AfterHours),
        ("2026-04-03T09:00:00Z", TimeOfDay::AfterHours), // Good Friday
        ("2026-12-24T09:00:00Z", TimeOfDay::OfficeHours), // Christmas Eve is a working day
    ] {
        assert_eq!(f.time_of_day(at(instant)), expected, "{instant}");
    }
    let nb = flow("nb");
    assert_eq!(
        nb.now_text(at(HOLIDAY)),
        "Nå, mandag kl. 10:00: utenfor antatt kontortid (17. mai (grunnlovsdagen) er helligdag)."
    );
}

#[test]
fn invalid_answers_name_the_question_and_list_its_options() {
    let f = flow("en");
    assert_eq!(
        f.walk(&["no", "maybe"], at(OFFICE)),
        Err(Error::InvalidAnswer {
            step: "health".into(),
            answer: "maybe".into(),
            valid: vec!["life-threatening".into(), "urgent".into(), "no".into()],
        })
    );
    let message = f
        .walk(&["perhaps"], at(OFFICE))
        .expect_err("invalid")
        .to_string();
    assert_eq!(
        message,
        "\"perhaps\" is not an answer to question \"danger\"; choose one of: yes, no"
    );
    let adult = ["no", "no", "adult", "no"];
    assert!(f.walk(&adult, at(OFFICE)).expect("valid").finished);
    assert_eq!(
        f.walk(&["no", "no", "adult", "no", "yes"], at(OFFICE)),
        Err(Error::FlowEnded {
            card: "adult-path".into(),
            answer: "yes".into()
        })
    );
    let partial = f.walk(&["yes", "no"], at(NIGHT)).expect("valid");
    assert!(!partial.finished);
    assert_eq!(partial.end_card, None);
    assert_eq!(
        partial.current_step.as_ref().map(|s| s.id.as_str()),
        Some("age")
    );
    assert_eq!(card_ids(&partial), ["call-112"]);
}

#[test]
fn a_session_goes_back_and_restarts_in_memory() {
    let f = flow("en");
    let mut s = f.session();
    assert!(!s.back(), "nothing to take back at the start");
    for a in ["yes", "life-threatening", "unsure"] {
        s.answer(a).expect("valid");
    }
    let ids = |s: &lykt_core::minors::FlowSession| -> Vec<String> {
        s.collected().iter().map(|c| c.id.clone()).collect()
    };
    assert_eq!(ids(&s), ["call-112", "call-113", "treat-as-child"]);
    assert_eq!(
        s.urgent().iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["call-112", "call-113"]
    );
    assert!(s.back());
    assert_eq!(ids(&s), ["call-112", "call-113"]);
    assert_eq!(s.current_step().map(|x| x.id.as_str()), Some("age"));
    assert_eq!(
        s.answer("maybe"),
        Err(Error::InvalidAnswer {
            step: "age".into(),
            answer: "maybe".into(),
            valid: vec!["under-18".into(), "unsure".into(), "adult".into()],
        })
    );
    assert_eq!(s.path().len(), 2, "a refused answer changes nothing");
    s.restart();
    assert!(s.path().is_empty() && s.collected().is_empty());
    assert_eq!(s.current_step().map(|x| x.id.as_str()), Some("danger"));
}

proptest! {
    /// Random answers by option index: each walk ends within as many answers as there are
    /// questions, matches the non-interactive walk, and unwinds back to the start.
    #[test]
    fn random_answer_sequences_walk_and_unwind(picks in prop::collection::vec(0usize..8, 0..12)) {
        let f = flow("en");
        let steps = pack().minors.flow.steps.len();
        let mut s = f.session();
        let mut given: Vec<String> = Vec::new();
        for pick in &picks {
            let Some(step) = s.current_step() else { break };
            let option = step.options[pick % step.options.len()].id.clone();
            s.answer(&option).expect("a listed option is valid");
            given.push(option);
        }
        prop_assert!(given.len() <= steps);
        if picks.len() >= steps {
            prop_assert!(s.is_finished());
        }
        let walk = f.walk(&given, at(NIGHT)).expect("same answers");
        let ids: Vec<String> = s.collected().iter().map(|c| c.id.clone()).collect();
        prop_assert_eq!(card_ids(&walk), ids.iter().map(String::as_str).collect::<Vec<_>>());
        prop_assert_eq!(walk.finished, s.is_finished());
        if let Some(first) = walk.actions.first() {
            prop_assert!(first.contacts[0].fits_now);
        }
        let mut backs = 0;
        while s.back() {
            backs += 1;
        }
        prop_assert_eq!(backs, given.len());
        prop_assert_eq!(s.current_step().map(|x| x.id.clone()), Some("danger".to_owned()));
    }

    /// Any strings as answers: a walk, or a typed error naming the open question and its options.
    #[test]
    fn arbitrary_answers_never_panic(answers in prop::collection::vec("[a-z0-9-]{0,12}|yes|no|unsure", 0..10)) {
        let f = flow("nb");
        match f.walk(&answers, at(OFFICE)) {
            Ok(walk) => prop_assert_eq!(walk.path.len(), answers.len()),
            Err(Error::InvalidAnswer { step, answer, valid }) => {
                let pack = pack();
                let listed = pack.minors.flow.step(&step).map(|s| s.option_ids());
                prop_assert_eq!(Some(valid.clone()), listed);
                prop_assert!(!valid.contains(&answer));
            }
            Err(Error::FlowEnded { .. }) => prop_assert!(answers.len() > 1),
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }
}

#[test]
fn the_review_graph_has_the_agreed_shape_and_every_edge_resolves() {
    let f = flow("nb");
    let graph = serde_json::to_value(f.graph()).expect("serialisable");
    assert_eq!(graph["start"], "danger");
    let steps = graph["steps"].as_array().expect("steps");
    let cards = graph["cards"].as_array().expect("cards");
    let ids: Vec<&str> = steps
        .iter()
        .chain(cards)
        .map(|n| n["id"].as_str().expect("id"))
        .collect();
    for step in steps {
        assert!(step["question"].is_string());
        for o in step["options"].as_array().expect("options") {
            assert!(o["id"].is_string() && o["label"].is_string());
            assert!(ids.contains(&o["next"].as_str().expect("next")), "{o}");
        }
    }
    for card in cards {
        assert!(card["title"].is_string());
        assert!(!card["contacts"].as_array().expect("contacts").is_empty());
        assert!(card["legal_basis"].is_array() && card["sources"].is_array());
    }
    let urgent = cards
        .iter()
        .find(|c| c["id"] == "duty-to-report")
        .expect("card");
    assert_eq!(urgent["legal_basis"][0], "barnevernsloven § 13-2 (e)");
}

/// Every text (`{"en": .., "nb": ..}` object) in a JSON value.
fn texts(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(o) if o.contains_key("en") => {
            out.extend(o.values().filter_map(|s| s.as_str().map(str::to_owned)));
        }
        serde_json::Value::Object(o) => o.values().for_each(|x| texts(x, out)),
        serde_json::Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
        _ => {}
    }
}

#[test]
fn no_phone_number_is_repeated_in_the_minors_texts() {
    let (_, file) = EMBEDDED
        .iter()
        .find(|(n, _)| *n == "minors.json")
        .expect("minors.json is embedded");
    let mut all = Vec::new();
    texts(&serde_json::from_str(file).expect("JSON"), &mut all);
    assert!(all.len() > 100, "texts found: {}", all.len());
    for c in &pack().contacts {
        for p in c.phones.iter().chain(&c.sms) {
            for t in &all {
                assert!(
                    !t.contains(&p.display) && !t.contains(&p.dial),
                    "{}: {} belongs in contacts.json only: {t}",
                    c.id,
                    p.display
                );
            }
        }
    }
}

// --- Validation of minors.json ---

fn files_with(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = EMBEDDED
        .iter()
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .collect();
    if let Some((_, text)) = files.iter_mut().find(|(n, _)| n == "minors.json") {
        let mut v: serde_json::Value = serde_json::from_str(text).expect("JSON");
        edit(&mut v);
        *text = v.to_string();
    }
    files
}

fn issues(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<(String, String, IssueKind)> {
    match ContentPack::from_files(&files_with(edit)) {
        Ok(_) => Vec::new(),
        Err(e) => {
            e.0.into_iter()
                .map(|i| {
                    assert_eq!(i.file, "minors.json", "{i}");
                    (i.item, i.field, i.kind)
                })
                .collect()
        }
    }
}

fn step_index(v: &serde_json::Value, id: &str) -> usize {
    v["flow"]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .position(|s| s["id"] == id)
        .expect("step")
}

fn card_index(v: &serde_json::Value, id: &str) -> usize {
    v["flow"]["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .position(|s| s["id"] == id)
        .expect("card")
}

fn message(kind: &IssueKind) -> String {
    kind.to_string()
}

#[test]
fn a_loop_is_named_at_the_answer_that_closes_it() {
    let found = issues(|v| {
        let i = step_index(v, "reported");
        v["flow"]["steps"][i]["options"][2]["next"] = "age".into();
    });
    assert!(
        found.iter().any(|(item, field, kind)| item == "reported"
            && field == "options[2].next"
            && message(kind).contains("loop")),
        "{found:?}"
    );
    // The card that answer used to reach is now unreachable too.
    assert!(
        found.iter().any(|(item, _, _)| item == "report-again"),
        "{found:?}"
    );
}

#[test]
fn unreachable_questions_and_dangling_answers_are_named() {
    let found = issues(|v| {
        let i = step_index(v, "danger");
        v["flow"]["steps"][i]["options"][1]["next"] = "nowhere".into();
        let j = step_index(v, "role");
        v["flow"]["steps"][j]["options"][0]["collect"] = serde_json::json!(["no-such-card"]);
        let mut orphan = v["flow"]["steps"][i].clone();
        orphan["id"] = "orphan".into();
        v["flow"]["steps"]
            .as_array_mut()
            .expect("steps")
            .push(orphan);
    });
    let has = |item: &str, field: &str, pred: &dyn Fn(&IssueKind) -> bool| {
        found
            .iter()
            .any(|(i, f, k)| i == item && f == field && pred(k))
    };
    assert!(
        has("danger", "options[1].next", &|k| matches!(k,
            IssueKind::DanglingReference { target, .. } if target == "nowhere")),
        "{found:?}"
    );
    assert!(
        has("role", "options[0].collect[0]", &|k| matches!(k,
            IssueKind::DanglingReference { kind, .. } if kind == "card")),
        "{found:?}"
    );
    assert!(
        has("orphan", "id", &|k| message(k).contains("no answer leads")),
        "{found:?}"
    );
}

#[test]
fn a_question_needs_two_options_and_a_start() {
    let found = issues(|v| {
        let i = step_index(v, "conversation");
        v["flow"]["steps"][i]["options"]
            .as_array_mut()
            .expect("options")
            .truncate(1);
        v["flow"]["start"] = "begin".into();
    });
    assert!(
        found
            .iter()
            .any(|(i, f, _)| i == "conversation" && f == "options"),
        "{found:?}"
    );
    assert!(found.iter().any(|(i, f, k)| i == "-"
        && f == "start"
        && matches!(k, IssueKind::DanglingReference { .. })));
}

#[test]
fn a_card_needs_contacts_for_every_hour_with_an_always_open_fallback() {
    let found = issues(|v| {
        let i = card_index(v, "treat-as-child");
        v["flow"]["cards"][i]["contacts"] =
            serde_json::json!([{ "id": "barnevernet", "when": "office_hours" }]);
        let j = card_index(v, "duty-to-report");
        v["flow"]["cards"][j]["contacts"] = serde_json::json!([
            { "id": "barnevernet", "when": "office_hours" },
            { "id": "police", "when": "any_time" }
        ]);
        let k = card_index(v, "call-113");
        v["flow"]["cards"][k]["contacts"] =
            serde_json::json!([{ "id": "ambulance", "when": "any_time" }]);
    });
    let on = |item: &str| -> Vec<String> {
        found
            .iter()
            .filter(|(i, f, _)| i == item && f.starts_with("contacts"))
            .map(|(_, _, k)| message(k))
            .collect()
    };
    let treat = on("treat-as-child");
    assert!(
        treat.iter().any(|m| m == "has no contact for after hours"),
        "{treat:?}"
    );
    assert!(treat.iter().any(|m| m.contains("always open")), "{treat:?}");
    assert_eq!(
        on("duty-to-report"),
        ["orders contacts by office hours but has no any-time contact that is always open"]
    );
    assert!(found.iter().any(|(i, f, k)| i == "call-113"
        && f == "contacts[0].id"
        && matches!(k, IssueKind::DanglingReference { target, .. } if target == "ambulance")));
}

#[test]
fn a_card_needs_sources_something_to_do_and_something_not_to_do() {
    let found = issues(|v| {
        let i = card_index(v, "report-again");
        v["flow"]["cards"][i]["sources"] = serde_json::json!([]);
        v["flow"]["cards"][i]["do_now"] = serde_json::json!([]);
        v["flow"]["cards"][i]["do_not"] = serde_json::json!(["shout"]);
    });
    for field in ["sources", "do_now", "do_not[0]"] {
        assert!(
            found
                .iter()
                .any(|(i, f, _)| i == "report-again" && f == field),
            "{field}: {found:?}"
        );
    }
}

#[test]
fn office_hours_must_be_weekly_and_checklist_items_resolve() {
    let found = issues(|v| {
        v["office_hours_assumption"]["hours"] = serde_json::json!({ "kind": "always" });
        v["placement"][0]["contacts"] = serde_json::json!(["nobody"]);
        let dup = v["placement"][1].clone();
        v["placement"].as_array_mut().expect("items").push(dup);
    });
    assert!(
        found
            .iter()
            .any(|(i, f, _)| i == "office_hours_assumption" && f == "hours")
    );
    assert!(
        found
            .iter()
            .any(|(i, f, _)| i == "emergency-decision" && f == "contacts[0]")
    );
    assert!(
        found
            .iter()
            .any(|(i, _, k)| i == "institution" && matches!(k, IssueKind::DuplicateId { .. }))
    );
}

// --- The emergency-placement checklist ---

#[test]
fn the_placement_checklist_tracks_statuses_and_progress() {
    let f = flow("en");
    let mut list = PlacementChecklist::default();
    let total = u32::try_from(pack().minors.placement.len()).expect("small");
    let progress = |f: &MinorsFlow, list: &PlacementChecklist| {
        let p = f.placement_view(list, at(NIGHT)).progress;
        (p.done, p.total)
    };
    assert_eq!(progress(&f, &list), (0, total));
    f.set_placement(&mut list, "emergency-decision", "done")
        .expect("valid");
    f.set_placement(&mut list, "schooling", "not_applicable")
        .expect("valid");
    f.set_placement(&mut list, "guardian", "in_progress")
        .expect("valid");
    assert_eq!(progress(&f, &list), (1, total - 1));
    assert_eq!(list.status("guardian"), ItemStatus::InProgress);
    assert_eq!(list.status("guidance"), ItemStatus::NotStarted);
    let before = list.clone();
    assert!(matches!(
        f.set_placement(&mut list, "dinner", "done"),
        Err(Error::UnknownChecklistItem { item, valid }) if item == "dinner" && valid.len() == total as usize
    ));
    assert_eq!(
        f.set_placement(&mut list, "guardian", "finished"),
        Err(Error::InvalidChecklistStatus {
            status: "finished".into(),
            valid: vec![
                "not_started".into(),
                "in_progress".into(),
                "done".into(),
                "not_applicable".into()
            ],
        })
    );
    assert_eq!(list, before, "a refused change changes nothing");

    let mut saved = serde_json::to_value(&list).expect("serialisable");
    assert_eq!(saved["items"][0]["id"], "emergency-decision");
    assert_eq!(saved["items"][0]["status"], "done");
    saved["items"]
        .as_array_mut()
        .expect("items")
        .push(serde_json::json!({"id": "retired-item", "status": "done"}));
    let back: PlacementChecklist = serde_json::from_value(saved).expect("readable");
    assert_eq!(back.status("emergency-decision"), ItemStatus::Done);
    assert_eq!(
        progress(&f, &back),
        (1, total - 1),
        "an item no longer in the pack does not count"
    );
}

#[test]
fn the_placement_view_and_its_text_carry_the_legal_basis_and_contacts() {
    let f = flow("nb");
    let mut list = PlacementChecklist::default();
    f.set_placement(&mut list, "emergency-decision", "done")
        .expect("valid");
    f.set_placement(&mut list, "schooling", "not_applicable")
        .expect("valid");
    let view = f.placement_view(&list, at(NIGHT));
    assert_eq!(view.progress_text, "1 av 9 fullført");
    let decision = &view.items[0];
    assert_eq!(decision.legal_basis, ["barnevernsloven § 4-5"]);
    assert_eq!(decision.status_label, "Fullført");
    let guidance = view
        .items
        .iter()
        .find(|i| i.id == "guidance")
        .expect("guidance item");
    assert_eq!(guidance.contacts[0].id, "bufdir-guidance");
    assert_eq!(guidance.contacts[0].actions[0].uri, "tel:46615000");
    let guardian = view
        .items
        .iter()
        .find(|i| i.id == "guardian")
        .expect("item");
    assert!(
        guardian
            .legal_basis
            .iter()
            .any(|b| b.contains("utlendingsloven § 98a"))
    );
    let mut app = support::app_at("nb", NIGHT);
    support::open(&mut app, "placement");
    support::set_status(&mut app, "emergency-decision", "done").expect("valid");
    let screen = support::set_status(&mut app, "schooling", "not_applicable").expect("valid");
    let text = plain::page(&screen);
    assert!(text.contains("· 1 av 9 fullført\n"), "{text}");
    assert!(text.contains("[Fullført] Akuttvedtak"), "{text}");
    assert!(text.contains("barnevernsloven § 4-5"));
    assert!(text.contains("[Ikke aktuelt] Skole"), "{text}");
    assert!(text.contains("tel:46615000"));
}

#[test]
fn every_answer_and_card_exists_in_both_languages() {
    // The pack validates translations; this checks the Norwegian walk really is Norwegian.
    let nb = flow("nb");
    let walk = nb
        .walk(
            &["no", "no", "under-18", "alone", "no", "private", "no"],
            at(OFFICE),
        )
        .expect("valid");
    assert_eq!(walk.time_of_day, TimeOfDay::OfficeHours);
    assert_eq!(
        walk.actions.last().map(|c| c.title.as_str()),
        Some("Kontakt barnevernet nå")
    );
    assert_eq!(
        walk.actions.last().map(|c| c.contacts[0].id.as_str()),
        Some("barnevernet")
    );
}
