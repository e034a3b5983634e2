//! Runs the shared scenario files in `tests/scenarios/minors/` (the Kotlin tests replay the
//! same files through the bindings).

mod support;
use support::scenario_files;

use lykt_core::Error;
use lykt_core::calendar::parse_instant;
use lykt_core::content::ContentPack;
use lykt_core::minors::{MinorsFlow, Walk};
use serde_json::{Value, json};

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("string").to_owned())
        .collect()
}

/// The error's name in scenario files, and its details.
fn error_value(e: &Error) -> Value {
    match e {
        Error::InvalidAnswer { step, valid, .. } => {
            json!({ "error": "invalid_answer", "step": step, "valid": valid })
        }
        Error::FlowEnded { card, .. } => json!({ "error": "flow_ended", "card": card }),
        Error::UnknownChecklistItem { .. } => json!({ "error": "unknown_checklist_item" }),
        Error::InvalidChecklistStatus { .. } => json!({ "error": "invalid_checklist_status" }),
        other => json!({ "error": other.to_string() }),
    }
}

fn walk_value(walk: &Walk, key: &str) -> Value {
    let end = walk.actions.last().filter(|_| walk.finished);
    match key {
        "finished" => walk.finished.into(),
        "time_of_day" => serde_json::to_value(walk.time_of_day).expect("serialisable"),
        "public_holiday" => walk
            .public_holiday
            .as_ref()
            .map_or(Value::Null, |h| h.id.clone().into()),
        "current_step" => walk
            .current_step
            .as_ref()
            .map_or(Value::Null, |s| s.id.clone().into()),
        "cards" => walk.actions.iter().map(|c| c.id.clone()).collect(),
        "first_contact" => walk
            .actions
            .first()
            .and_then(|c| c.contacts.first())
            .map_or(Value::Null, |c| c.id.clone().into()),
        "first_action_uri" => walk
            .actions
            .first()
            .and_then(|c| c.contacts.first())
            .and_then(|c| c.actions.first())
            .map_or(Value::Null, |a| a.uri.clone().into()),
        "end_card" => walk.end_card.clone().map_or(Value::Null, Value::from),
        "end_contacts" => end.map_or(Value::Null, |c| {
            c.contacts.iter().map(|x| x.id.clone()).collect()
        }),
        "end_links" => end.map_or(Value::Null, |c| {
            c.links.iter().map(|l| l.target.clone()).collect()
        }),
        other => panic!("unknown expectation {other}"),
    }
}

#[test]
fn minors_scenarios() {
    let pack = ContentPack::embedded().expect("valid pack");
    for (path, file) in scenario_files("minors") {
        let locales = pack.locales(&strings(&file["locales"])).expect("locales");
        let flow = MinorsFlow::new(pack.clone(), locales);
        for case in file["cases"].as_array().expect("cases") {
            let here = format!("{}: {}", path.display(), case["name"]);
            let expect = case["expect"].as_object().expect("expect");
            match case["op"].as_str().expect("op") {
                "walk" => {
                    let at = parse_instant(case["at"].as_str().expect("at")).expect("instant");
                    match flow.walk(&strings(&case["answers"]), at) {
                        Err(e) => {
                            assert!(expect.contains_key("error"), "{here}: {e}");
                            let got = error_value(&e);
                            for (key, want) in expect {
                                assert_eq!(&got[key], want, "{here}: {key}");
                            }
                        }
                        Ok(walk) => {
                            assert!(!expect.contains_key("error"), "{here}: expected an error");
                            for (key, want) in expect {
                                assert_eq!(&walk_value(&walk, key), want, "{here}: {key}");
                            }
                        }
                    }
                }
                "placement" => {
                    let mut list = flow.placement();
                    let result = case["set"]
                        .as_array()
                        .expect("set")
                        .iter()
                        .try_for_each(|pair| {
                            let pair = strings(pair);
                            list.set(&pair[0], &pair[1])
                        });
                    match result {
                        Err(e) => assert_eq!(error_value(&e)["error"], expect["error"], "{here}"),
                        Ok(()) => {
                            assert!(!expect.contains_key("error"), "{here}: expected an error");
                            let view = flow.placement_view(
                                &list,
                                parse_instant("2026-11-24T09:30:00Z").expect("instant"),
                            );
                            for (key, want) in expect {
                                let got: Value = match key.as_str() {
                                    "done" => list.progress().done.into(),
                                    "total" => list.progress().total.into(),
                                    "items" => list.items.len().into(),
                                    "progress_text" => view.progress_text.clone().into(),
                                    "statuses" => {
                                        for (id, status) in want.as_object().expect("statuses") {
                                            let got = list.status(id).map(|s| s.id());
                                            assert_eq!(got, status.as_str(), "{here}: {id}");
                                        }
                                        continue;
                                    }
                                    other => panic!("{here}: unknown expectation {other}"),
                                };
                                assert_eq!(&got, want, "{here}: {key}");
                            }
                        }
                    }
                }
                other => panic!("{here}: unknown op {other}"),
            }
        }
    }
}
