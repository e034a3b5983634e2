//! Runs every shared scenario file in `tests/scenarios/` through the app model, pressing what a
//! person would press. The Kotlin tests replay the same files through the bindings with the
//! same vocabulary (documented in `tests/scenarios/README.md`); an unknown key fails here too.

mod support;
#[cfg(feature = "vault")]
mod vault_support;
use support::{effect_json, items, links, question, scenario_dirs, scenario_files, status_line};

use std::path::Path;

use lykt_core::Error;
use lykt_core::app::{App, Block, Clock, Effect, Event, Platform, Screen, Transition};
use lykt_core::calendar::parse_instant;
use lykt_core::content::ContentPack;
use serde_json::{Value, json};

const FILE_KEYS: [&str; 6] = [
    "description",
    "locales",
    "at",
    "platform",
    "saved_work",
    "steps",
];
const STEP_KEYS: [&str; 4] = ["at", "event", "expect", "note"];
/// What the `field` expectation may name of a text field.
const FIELD_KEYS: [&str; 5] = ["id", "kind", "value", "hint", "error"];

fn platform(v: &Value) -> Platform {
    match v.as_str().unwrap_or("android") {
        "android" => Platform::Android,
        "ios" => Platform::Ios,
        "terminal" => Platform::Terminal,
        "web" => Platform::Web,
        other => panic!("unknown platform {other}"),
    }
}

fn clock(at: &Value) -> Clock {
    Clock::Fixed(parse_instant(at.as_str().expect("an RFC 3339 string")).expect("instant"))
}

#[test]
fn every_scenario_file_through_the_app_model() {
    let pack = ContentPack::embedded().expect("valid pack");
    let mut steps = 0;
    for dir in scenario_dirs() {
        for (path, file) in scenario_files(&dir) {
            for key in file.as_object().expect("an object").keys() {
                assert!(
                    FILE_KEYS.contains(&key.as_str()),
                    "{path:?}: unknown key {key}"
                );
            }
            assert!(file["description"].is_string(), "{path:?}: description");
            let preferred: Vec<&str> = file["locales"]
                .as_array()
                .expect("locales")
                .iter()
                .map(|l| l.as_str().expect("locale"))
                .collect();
            let locales = pack.locales(&preferred).expect("locales");
            let mut app = App::new(pack.clone(), locales, platform(&file["platform"]));
            let folder = tempfile::tempdir().expect("temp dir");
            match &file["saved_work"] {
                Value::Null | Value::Bool(false) => {}
                Value::Bool(true) => app = with_saved_work(app, folder.path()),
                other => panic!("{path:?}: saved_work is true or false, not {other}"),
            }
            app.set_clock(clock(&file["at"]));
            let mut job = None;
            for step in file["steps"].as_array().expect("steps") {
                check_step(&mut app, &mut job, &path, step);
                steps += 1;
            }
        }
    }
    assert!(steps > 150, "only {steps} steps");
}

/// The app as a phone opens it with saved work: a vault folder of its own, the keystore's
/// secret and its record store (in memory).
#[cfg(feature = "vault")]
fn with_saved_work(app: App, folder: &Path) -> App {
    app.with_storage(lykt_core::app::Storage {
        dir: folder.join("vault"),
        platform_secret: Some(zeroize::Zeroizing::new(vec![7; 32])),
        config: vault_support::phone(),
    })
}

#[cfg(not(feature = "vault"))]
fn with_saved_work(_: App, _: &Path) -> App {
    panic!("a saved_work file needs the vault feature")
}

/// Sends a file's event: `run_work` runs the job of the latest `work` effect (`job`) as a
/// shell's worker does, `follow` opens the link with that label, any other goes to the app.
fn send(app: &mut App, job: &mut Option<u64>, e: &Value) -> Result<Transition, Error> {
    let t = if e.get("run_work").is_some() {
        assert_eq!(
            e,
            &json!({ "run_work": true }),
            "run_work takes true, alone"
        );
        app.run_work(job.expect("run_work: no work effect came before it"))
    } else if let Some(label) = e.get("follow") {
        assert_eq!(
            e.as_object().map(|o| o.len()),
            Some(1),
            "one event per step"
        );
        let label = label.as_str().expect("a link's label");
        let target = app
            .current_screen()
            .blocks
            .into_iter()
            .find_map(|b| match b {
                Block::Link {
                    target, label: l, ..
                } if l == label => Some(target),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no link labelled {label}"));
        app.dispatch(Event::Open { target })
    } else {
        app.dispatch(support::event(e))
    };
    if let Ok(Transition {
        effect: Some(Effect::Work { job: j }),
        ..
    }) = &t
    {
        *job = Some(*j);
    }
    t
}

fn check_step(app: &mut App, job: &mut Option<u64>, path: &Path, step: &Value) {
    let where_ = format!("{}: {step}", path.display());
    for key in step.as_object().expect("a step is an object").keys() {
        assert!(
            STEP_KEYS.contains(&key.as_str()),
            "{where_}: unknown key {key}"
        );
    }
    if let Some(at) = step.get("at") {
        app.set_clock(clock(at));
    }
    let before = app.current_screen();
    let outcome = step.get("event").map(|e| send(app, job, e));
    let expect = step["expect"].as_object().expect("expect");
    let effect = match (outcome, expect.get("error")) {
        (Some(Err(e)), Some(want)) => {
            assert_eq!(want, e.code(), "{where_}");
            assert_eq!(
                app.current_screen(),
                before,
                "{where_}: an error changes nothing"
            );
            None
        }
        (Some(Ok(t)), None) => {
            assert_eq!(t.screen, app.current_screen(), "{where_}");
            t.effect
        }
        (None, None) => None,
        (outcome, want) => panic!("{where_}: expected {want:?}, got {outcome:?}"),
    };
    let screen = app.current_screen();
    for (key, want) in expect {
        if key != "error" {
            let got = observed(&screen, &effect, key, want)
                .unwrap_or_else(|| panic!("{where_}: unknown expectation {key}"));
            assert_eq!(&got, want, "{where_}: {key}");
        }
    }
}

/// What the screen (and the effect) shows for expectation `key`, in the files' shape; `None`
/// for a key the vocabulary does not have.
fn observed(
    screen: &Screen,
    effect: &Option<lykt_core::app::Effect>,
    key: &str,
    want: &Value,
) -> Option<Value> {
    let shown = serde_json::to_value(screen).expect("serialisable");
    let actions = || screen.actions();
    let blocks = screen.blocks.iter();
    Some(match key {
        "screen" => shown["id"].clone(),
        "back" => shown["back_available"].clone(),
        "title" | "window_title" | "mode" | "direction" | "back_label" | "tick_after_ms" => {
            shown[key].clone()
        }
        "status" => status_line(screen).into(),
        "status_kind" => blocks
            .filter_map(|b| match b {
                Block::Status { state, .. } => Some(json!(state)),
                _ => None,
            })
            .next()
            .unwrap_or(Value::Null),
        "first_action" => actions().next().map(|a| a.uri.clone()).into(),
        "first_action_label" => actions().next().map(|a| a.label.clone()).into(),
        "actions" => actions().map(|a| a.uri.clone()).collect(),
        "question" => question(screen).into(),
        "options" => blocks
            .filter_map(|b| match b {
                Block::Choice { options, .. } => {
                    Some(options.iter().map(|o| o.id.clone()).collect())
                }
                _ => None,
            })
            .next()
            .unwrap_or(Value::Null),
        "links" => links(screen).into_iter().collect(),
        "links_include" => included(want, &links(screen)),
        "notices" => blocks
            .filter_map(|b| match b {
                Block::Notice { level, .. } => Some(json!(level)),
                _ => None,
            })
            .collect(),
        "items" => items(screen)
            .into_iter()
            .filter(|(id, _)| want.get(id).is_some())
            .map(|(id, status)| (id.to_owned(), Value::from(status)))
            .collect(),
        "item_count" => items(screen).len().into(),
        "buttons" => screen.buttons().collect(),
        "cards" => of_type(&shown, "card").map(|c| c["id"].clone()).collect(),
        "link_labels" => of_type(&shown, "link")
            .map(|l| l["label"].clone())
            .collect(),
        "notice" => of_type(&shown, "notice")
            .map(|n| n["text"].clone())
            .next()
            .unwrap_or(Value::Null),
        "field" => {
            let fields = want.as_object().map(|o| o.keys()).into_iter().flatten();
            let names: Vec<&String> = fields.collect();
            if let Some(k) = names.iter().find(|k| !FIELD_KEYS.contains(&k.as_str())) {
                panic!("unknown field key {k}");
            }
            of_type(&shown, "text_input")
                .next()
                .map_or(Value::Null, |f| {
                    names.iter().map(|&k| (k.clone(), f[k].clone())).collect()
                })
        }
        "card" => of_type(&shown, "card")
            .find(|c| c["id"] == want["id"])
            .map_or(json!("no such card"), |c| {
                let fields = want.as_object().expect("card is an object");
                fields.keys().map(|k| (k.clone(), c[k].clone())).collect()
            }),
        "effect" => effect_json(effect),
        "read_aloud" => match effect {
            Some(lykt_core::app::Effect::Speak { text, language }) => {
                json!({ "language": language, "first_line": text.lines().next() })
            }
            _ => Value::Null,
        },
        "shared" => match effect {
            Some(Effect::Share { text }) => text.lines().take(2).collect(),
            _ => Value::Null,
        },
        "quick_exit" => match want {
            Value::Object(fields) => {
                let q = &shown["quick_exit"];
                fields.keys().map(|k| (k.clone(), q[k].clone())).collect()
            }
            _ => shown["quick_exit"].clone(),
        },
        _ => return None,
    })
}

/// The blocks of type `kind` (`card`, `link`, ...) of a screen in its JSON form.
fn of_type<'a>(shown: &'a Value, kind: &'a str) -> impl Iterator<Item = &'a Value> {
    shown["blocks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(move |b| b["type"] == kind)
}

/// `want` (a list) with only the entries `have` contains, so a missing one shows in the diff.
fn included(want: &Value, have: &[&str]) -> Value {
    want.as_array()
        .expect("a list")
        .iter()
        .filter(|w| have.contains(&w.as_str().expect("a string")))
        .cloned()
        .collect()
}

#[test]
fn an_unknown_event_fails_instead_of_being_skipped() {
    let r = std::panic::catch_unwind(|| support::event(&json!({ "swipe": "home" })));
    assert!(r.is_err());
    let r = std::panic::catch_unwind(|| support::event(&json!({ "open": "home", "back": true })));
    assert!(r.is_err(), "one event per step");
}

#[test]
fn an_unknown_expectation_fails_instead_of_being_skipped() {
    let screen = support::app_at("en", "2026-03-27T14:30:00Z").current_screen();
    assert!(observed(&screen, &None, "screen", &Value::Null).is_some());
    assert!(observed(&screen, &None, "scren", &Value::Null).is_none());
}

#[test]
fn run_work_and_follow_fail_on_what_they_cannot_do() {
    let mut app = support::app_at("en", "2026-11-30T10:00:00Z");
    for e in [
        json!({ "run_work": true }),
        json!({ "run_work": true, "back": true }),
        json!({ "follow": "no such link" }),
        json!({ "follow": "Contacts", "back": true }),
    ] {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            send(&mut app, &mut None, &e)
        }));
        assert!(r.is_err(), "{e}");
    }
    let screen = app.current_screen();
    let r = std::panic::catch_unwind(|| observed(&screen, &None, "field", &json!({ "size": 1 })));
    assert!(
        r.is_err(),
        "an unknown field key fails even without a field"
    );
}
