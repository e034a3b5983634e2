//! Runs the contact book's shared scenario files in `tests/scenarios/contacts/` (the Kotlin tests
//! run the same files).

mod support;
use support::scenario_files;

use lykt_core::Lykt;
use lykt_core::calendar::{self, parse_instant};
use lykt_core::contacts::{Audience, OpenState};
use serde_json::Value;

fn locales(v: &Value) -> Vec<String> {
    v["locales"]
        .as_array()
        .expect("locales")
        .iter()
        .map(|l| l.as_str().expect("string").to_owned())
        .collect()
}

fn instant(v: &Value) -> calendar::Instant {
    parse_instant(v.as_str().expect("instant string")).expect("valid instant")
}

fn state_name(s: OpenState) -> &'static str {
    match s {
        OpenState::Open => "open",
        OpenState::Closed => "closed",
        OpenState::AlwaysOpen => "always_open",
        OpenState::NotStated => "not_stated",
        OpenState::Holiday => "holiday",
    }
}

fn rfc(secs: Option<i64>) -> Value {
    secs.map_or(Value::Null, |s| {
        calendar::rfc3339_utc(calendar::from_unix(s).expect("instant")).into()
    })
}

fn ids(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

#[test]
fn contact_scenarios() {
    for (path, file) in scenario_files("contacts") {
        let lykt = Lykt::new(&locales(&file)).expect("locales");
        let book = lykt.contact_book();
        for case in file["cases"].as_array().expect("cases") {
            let where_ = format!("{}: {case}", path.display());
            let expect = &case["expect"];
            let at = instant(&case["at"]);
            match case["op"].as_str().expect("op") {
                "contact" => match book.contact(case["id"].as_str().expect("id"), at) {
                    Err(e) => assert_eq!(expect["error"], e.code(), "{where_}"),
                    Ok(c) => {
                        assert!(expect.get("error").is_none(), "{where_}: expected an error");
                        for (key, want) in expect.as_object().expect("object") {
                            let got: Value = match key.as_str() {
                                "status" => state_name(c.status).into(),
                                "status_text" => c.status_text.clone().into(),
                                "open_until" => rfc(c.open_until),
                                "next_open" => rfc(c.next_open),
                                "first_action_uri" => c.actions[0].uri.clone().into(),
                                "first_action_label" => c.actions[0].label.clone().into(),
                                other => panic!("{where_}: unknown expectation {other}"),
                            };
                            assert_eq!(&got, want, "{where_}: {key}");
                        }
                    }
                },
                "list" => {
                    let audience = case["audience"]
                        .as_str()
                        .map(|a| Audience::parse(a).expect("audience"));
                    let l = book.list(audience, at);
                    for (key, want) in expect.as_object().expect("object") {
                        match key.as_str() {
                            "holiday" => assert_eq!(
                                &l.public_holiday
                                    .as_ref()
                                    .map_or(Value::Null, |h| h.id.clone().into()),
                                want,
                                "{where_}"
                            ),
                            "always_open_includes" => {
                                for id in want.as_array().expect("ids") {
                                    assert!(
                                        ids(&l.always_open_alternatives)
                                            .contains(&id.as_str().expect("id")),
                                        "{where_}: {id}"
                                    );
                                }
                            }
                            "always_open_excludes" => {
                                for id in want.as_array().expect("ids") {
                                    assert!(
                                        !ids(&l.always_open_alternatives)
                                            .contains(&id.as_str().expect("id")),
                                        "{where_}: {id}"
                                    );
                                }
                            }
                            other => panic!("{where_}: unknown expectation {other}"),
                        }
                    }
                }
                "search" => {
                    let found: Vec<String> = book
                        .search(case["query"].as_str().expect("query"), None, at)
                        .contacts
                        .into_iter()
                        .map(|c| c.id)
                        .collect();
                    if let Some(first) = expect.get("first") {
                        assert_eq!(
                            found.first().map(String::as_str),
                            first.as_str(),
                            "{where_}"
                        );
                    }
                    for id in expect
                        .get("includes")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        assert!(
                            ids(&found).contains(&id.as_str().expect("id")),
                            "{where_}: {id}"
                        );
                    }
                }
                other => panic!("{where_}: unknown op {other}"),
            }
        }
    }
}
