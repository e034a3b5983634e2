//! Runs the app model's shared scenario files in `tests/scenarios/app/` and the discreet mode's
//! in `tests/scenarios/victim/` (the Kotlin tests replay the same files through the bindings).

mod support;
use support::{effect_json, event, items, links, question, scenario_files, status_line};

use std::path::Path;

use lykt_core::app::{App, Clock, Platform};
use lykt_core::calendar::parse_instant;
use lykt_core::content::ContentPack;
use serde_json::Value;

fn platform(v: &Value) -> Platform {
    match v.as_str().unwrap_or("android") {
        "android" => Platform::Android,
        "ios" => Platform::Ios,
        "terminal" => Platform::Terminal,
        "web" => Platform::Web,
        other => panic!("unknown platform {other}"),
    }
}

#[test]
fn app_and_victim_scenarios() {
    let pack = ContentPack::embedded().expect("valid pack");
    let files = scenario_files("app")
        .into_iter()
        .chain(scenario_files("victim"));
    for (path, file) in files {
        let preferred: Vec<&str> = file["locales"]
            .as_array()
            .expect("locales")
            .iter()
            .map(|l| l.as_str().expect("locale"))
            .collect();
        let locales = pack.locales(&preferred).expect("locales");
        let mut app = App::new(pack.clone(), locales, platform(&file["platform"]));
        let at = parse_instant(file["at"].as_str().expect("at")).expect("instant");
        app.set_clock(Clock::Fixed(at));
        for step in file["steps"].as_array().expect("steps") {
            check_step(&mut app, &path, step);
        }
    }
}

fn check_step(app: &mut App, path: &Path, step: &Value) {
    let where_ = format!("{}: {step}", path.display());
    let before = app.current_screen();
    let outcome = step.get("event").map(|e| app.dispatch(event(e)));
    let expect = &step["expect"];
    if let Some(want) = expect.get("error") {
        match outcome {
            Some(Err(e)) => assert_eq!(want, e.code(), "{where_}"),
            other => panic!("{where_}: expected an error, got {other:?}"),
        }
        assert_eq!(
            app.current_screen(),
            before,
            "{where_}: an error changes nothing"
        );
        return;
    }
    let effect = match outcome {
        Some(Ok(t)) => {
            assert_eq!(t.screen, app.current_screen(), "{where_}");
            t.effect
        }
        Some(Err(e)) => panic!("{where_}: {e}"),
        None => None,
    };
    let screen = app.current_screen();
    let shown = serde_json::to_value(&screen).expect("serialisable");
    for (key, want) in expect.as_object().expect("object") {
        let got: Value = match key.as_str() {
            "screen" => shown["id"].clone(),
            "back" => shown["back_available"].clone(),
            "title" | "window_title" | "mode" | "direction" => shown[key].clone(),
            "status" => status_line(&screen).into(),
            "first_action" => screen.actions().next().map(|a| a.uri.clone()).into(),
            "question" => question(&screen).into(),
            "links_include" => included(want, &links(&screen)),
            "items" => items(&screen)
                .into_iter()
                .filter(|(id, _)| want.get(id).is_some())
                .map(|(id, status)| (id.to_owned(), Value::from(status)))
                .collect(),
            "effect" => effect_json(&effect),
            "quick_exit" => match want {
                Value::Object(fields) => {
                    let q = &shown["quick_exit"];
                    fields.keys().map(|k| (k.clone(), q[k].clone())).collect()
                }
                _ => shown["quick_exit"].clone(),
            },
            other => panic!("{where_}: unknown expectation {other}"),
        };
        assert_eq!(&got, want, "{where_}: {key}");
    }
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
