//! Runs the assessment's and the duties engine's case files in `core/tests/data/toolkit/`:
//! the engines' own results (flag kinds, step ids and how binding each is), which no screen
//! carries. The format is described in `core/tests/data/README.md`; what the screens show is
//! checked by the shared scenarios in `tests/scenarios/`.

use std::collections::BTreeMap;
use std::path::Path;

use lykt_core::Error;
use lykt_core::calendar::parse_instant;
use lykt_core::content::ContentPack;
use lykt_core::ids::{Vocabulary, id};
use lykt_core::toolkit::{Assessment, DutiesInput, MinorAnswer, Role, Toolkit};
use serde_json::{Value, json};

/// Every case file in `core/tests/data/toolkit`, parsed, in name order.
fn case_files() -> Vec<(String, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/toolkit");
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .expect("the case folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p.display().to_string(), v)
        })
        .collect()
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
                .map(|c| (c.id.as_str(), id(&c.status)))
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
    for (path, file) in case_files() {
        let locales = strs(&file["locales"]);
        let pack = ContentPack::embedded().expect("valid pack");
        let tk = Toolkit::new(pack.clone(), pack.locales(&locales).expect("locales"));
        for case in file["cases"].as_array().expect("cases") {
            let where_ = format!("{path}: {case}");
            let expect = case["expect"].as_object().expect("expect");
            cases_run += 1;
            match run(&tk, case) {
                Err(e) => assert_eq!(
                    expect.get("error").and_then(Value::as_str),
                    Some(e.code()),
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
