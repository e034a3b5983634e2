//! Runs the shared toolkit scenario files in `tests/scenarios/toolkit/` (the Kotlin tests will
//! run the same files through the bindings). The format is described in `tests/scenarios/README.md`.

mod support;
use support::scenario_files;

use std::collections::BTreeMap;

use lykt_core::Error;
use lykt_core::calendar::parse_instant;
use lykt_core::contacts::OpenState;
use lykt_core::content::ContentPack;
use lykt_core::toolkit::{
    Answer, Assessment, DutiesInput, MinorAnswer, RightStatus, RightsChecklist, RightsProfile,
    Role, Toolkit,
};
use serde_json::{Value, json};

/// The error kinds the scenario files name.
fn code(e: &Error) -> &'static str {
    match e {
        Error::InvalidValue { .. } => "invalid_value",
        Error::UnknownIndicator { .. } => "unknown_indicator",
        Error::IndicatorNotOffered { .. } => "indicator_not_offered",
        Error::UnknownRight { .. } => "unknown_right",
        _ => "other",
    }
}

fn state(s: OpenState) -> &'static str {
    match s {
        OpenState::Open => "open",
        OpenState::Closed => "closed",
        OpenState::AlwaysOpen => "always_open",
        OpenState::NotStated => "not_stated",
        OpenState::Holiday => "holiday",
    }
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x.as_str().expect("string").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn flag(case: &Value, key: &str) -> bool {
    case[key].as_bool().unwrap_or(false)
}

/// Runs one case and returns what it produced, in the shape of its `expect`.
fn run(tk: &Toolkit, case: &Value) -> Result<BTreeMap<String, Value>, Error> {
    let mut got = BTreeMap::new();
    match case["op"].as_str().expect("op") {
        "indicators" => {
            let list = tk.indicators();
            let count = |f: &dyn Fn(&lykt_core::toolkit::IndicatorView) -> Option<String>| {
                let mut m: BTreeMap<String, usize> = BTreeMap::new();
                for x in &list {
                    if let Some(k) = f(x) {
                        *m.entry(k).or_default() += 1;
                    }
                }
                json!(m)
            };
            let id = |v: Value| v.as_str().map(str::to_owned);
            got.insert("count".into(), json!(list.len()));
            got.insert("per_category".into(), count(&|x| id(json!(x.category))));
            got.insert("per_group".into(), count(&|x| id(json!(x.group))));
            got.insert("per_sector".into(), count(&|x| id(json!(x.sector))));
            got.insert(
                "minor_only".into(),
                json!(list.iter().filter(|x| x.minor_only).count()),
            );
            got.insert("settings".into(), json!(tk.settings().len()));
        }
        "learn" => {
            let ids: Vec<String> = tk.learn_topics().into_iter().map(|t| t.id).collect();
            got.insert("topics".into(), json!(ids));
        }
        "learn_topic" => {
            let t = tk.learn_topic(case["id"].as_str().expect("id"))?;
            got.insert("title".into(), json!(t.title));
        }
        "assess" => {
            let a = Assessment {
                observed: strs(&case["observed"]),
                minor: MinorAnswer::parse(case["minor"].as_str().expect("minor"))?,
                setting: case["setting"].as_str().map(str::to_owned),
                severe_violence: flag(case, "severe_violence"),
                significant_proceeds: flag(case, "significant_proceeds"),
                immediate_danger: flag(case, "immediate_danger"),
                health_emergency: flag(case, "health_emergency"),
            };
            let r = tk.assess(&a)?;
            let flags: Vec<Value> = r.flags.iter().map(|f| json!(f.kind)).collect();
            got.insert("flags".into(), json!(flags));
            let links: BTreeMap<String, Vec<String>> = r
                .flags
                .iter()
                .map(|f| {
                    let kind = json!(f.kind).as_str().unwrap_or_default().to_owned();
                    (kind, f.links.iter().map(|l| l.target.clone()).collect())
                })
                .collect();
            got.insert("flag_links".into(), json!(links));
            let observed: Vec<&str> = r
                .observed
                .iter()
                .flat_map(|g| g.indicators.iter().map(|x| x.id.as_str()))
                .collect();
            got.insert("observed".into(), json!(observed));
            let groups: Vec<String> = r
                .observed
                .iter()
                .map(|g| {
                    let sub = g.group.map(|x| json!(x)).or(g.sector.map(|x| json!(x)));
                    let cat = json!(g.category);
                    match sub {
                        Some(s) => format!(
                            "{}/{}",
                            cat.as_str().unwrap_or_default(),
                            s.as_str().unwrap_or_default()
                        ),
                        None => cat.as_str().unwrap_or_default().to_owned(),
                    }
                })
                .collect();
            got.insert("groups".into(), json!(groups));
            let topics: Vec<&str> = r
                .conversation
                .topics
                .iter()
                .map(|t| t.id.as_str())
                .collect();
            got.insert("topics".into(), json!(topics));
            got.insert(
                "minor_tips".into(),
                json!(!r.conversation.minor_tips.is_empty()),
            );
            let info: Vec<&str> = r
                .conversation
                .rights_info
                .iter()
                .map(|i| i.id.as_str())
                .collect();
            got.insert("rights_info".into(), json!(info));
        }
        "duties" => {
            let consent = case["adult_consents"].as_bool();
            let input = DutiesInput {
                role: Role::parse(case["role"].as_str().expect("role"))?,
                minor: MinorAnswer::parse(case["minor"].as_str().expect("minor"))?,
                immediate_danger: flag(case, "immediate_danger"),
                health_emergency: flag(case, "health_emergency"),
                severe_violence: flag(case, "severe_violence"),
                significant_proceeds: flag(case, "significant_proceeds"),
                adult_consents: consent,
            };
            let at = parse_instant(case["at"].as_str().expect("at"))?;
            let plan = tk.duties(&input, at);
            let ids: Vec<&str> = plan.steps.iter().map(|s| s.id.as_str()).collect();
            got.insert("steps".into(), json!(ids));
            let obligations: BTreeMap<&str, Value> = plan
                .steps
                .iter()
                .map(|s| (s.id.as_str(), json!(s.obligation)))
                .collect();
            got.insert("obligations".into(), json!(obligations));
            let status: BTreeMap<&str, &str> = plan
                .steps
                .iter()
                .flat_map(|s| &s.contacts)
                .map(|c| (c.id.as_str(), state(c.status)))
                .collect();
            got.insert("contact_status".into(), json!(status));
            let first: BTreeMap<&str, &str> = plan
                .steps
                .iter()
                .filter_map(|s| {
                    let a = s.contacts.first()?.actions.first()?;
                    Some((s.id.as_str(), a.uri.as_str()))
                })
                .collect();
            got.insert("first_action_uri".into(), json!(first));
            let links: BTreeMap<&str, &str> = plan
                .steps
                .iter()
                .filter_map(|s| Some((s.id.as_str(), s.link.as_ref()?.target.as_str())))
                .collect();
            got.insert("links".into(), json!(links));
        }
        "rights" => {
            let profile = RightsProfile::parse(
                case["minor"].as_str().expect("minor"),
                case["no_residence_permit"]
                    .as_bool()
                    .expect("no_residence_permit"),
            )?;
            let mut list = RightsChecklist::new(profile);
            if let Some(statuses) = case["statuses"].as_object() {
                for (id, status) in statuses {
                    let status = RightStatus::parse(status.as_str().expect("status"))?;
                    list.set_status(&tk.pack().toolkit, id, status)?;
                }
            }
            let view = tk.rights_view(&list);
            let ids: Vec<&str> = view.rights.iter().map(|r| r.id.as_str()).collect();
            got.insert("rights".into(), json!(ids));
            let older: Vec<&str> = view
                .rights
                .iter()
                .filter(|r| r.older)
                .map(|r| r.id.as_str())
                .collect();
            got.insert("older".into(), json!(older));
            got.insert(
                "progress".into(),
                json!([view.progress.done, view.progress.total]),
            );
            let status: BTreeMap<&str, &str> = view
                .rights
                .iter()
                .map(|r| (r.id.as_str(), r.status.id()))
                .collect();
            got.insert("status".into(), json!(status));
        }
        other => panic!("unknown op {other}"),
    }
    Ok(got)
}

/// Whether `got` satisfies `want`: maps are checked key by key, everything else exactly.
fn satisfies(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => w
            .iter()
            .all(|(k, wv)| g.get(k).is_some_and(|gv| satisfies(gv, wv))),
        _ => got == want,
    }
}

#[test]
fn toolkit_scenarios() {
    let mut cases_run = 0;
    for (path, file) in scenario_files("toolkit") {
        let locales = strs(&file["locales"]);
        let pack = ContentPack::embedded().expect("valid pack");
        let tk = Toolkit::new(pack.clone(), pack.locales(&locales).expect("locales"));
        for case in file["cases"].as_array().expect("cases") {
            let where_ = format!("{}: {case}", path.display());
            let expect = case["expect"].as_object().expect("expect");
            cases_run += 1;
            match run(&tk, case) {
                Err(e) => assert_eq!(
                    expect.get("error").and_then(Value::as_str),
                    Some(code(&e)),
                    "{where_}: {e}"
                ),
                Ok(got) => {
                    assert!(!expect.contains_key("error"), "{where_}: expected an error");
                    for (key, want) in expect {
                        match key.as_str() {
                            "rights_info_includes" | "rights_info_excludes" => {
                                let have = strs(&got["rights_info"]);
                                let include = key.ends_with("includes");
                                for id in strs(want) {
                                    assert_eq!(have.contains(&id), include, "{where_}: {id}");
                                }
                            }
                            _ => {
                                let g = got
                                    .get(key)
                                    .unwrap_or_else(|| panic!("{where_}: op gives no \"{key}\""));
                                assert!(satisfies(g, want), "{where_}: {key}: got {g}");
                            }
                        }
                    }
                }
            }
        }
    }
    assert!(cases_run >= 60, "only {cases_run} cases");
}
