//! The professionals' toolkit: catalogue completeness against the guide, the assessment's
//! rules, the duties engine over every combination of answers, the rights checklist, errors,
//! and validation of the toolkit's content files.

mod support;
use support::{files_with, issues};

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use lykt_core::Error;
use lykt_core::app::plain;
use lykt_core::calendar::{Instant, parse_instant};
use lykt_core::contacts::{ContactBook, OpenState};
use lykt_core::content::check::IssueKind;
use lykt_core::content::{ContentPack, EMBEDDED};
use lykt_core::ids::Vocabulary;
use lykt_core::toolkit::duties::STEP_IDS;
use lykt_core::toolkit::{
    Assessment, ControlGroup, DutiesInput, FlagKind, IndicatorCategory, MinorAnswer, Obligation,
    RightStatus, RightsChecklist, RightsProfile, Role, Sector, Toolkit,
};
use proptest::prelude::*;
use serde_json::Value;

fn pack() -> Arc<ContentPack> {
    ContentPack::embedded().unwrap_or_else(|e| panic!("embedded pack invalid: {e:#?}"))
}

fn toolkit(locale: &str) -> Toolkit {
    let pack = pack();
    let locales = pack.locales(&[locale]).expect("locale");
    Toolkit::new(pack, locales)
}

fn at() -> Instant {
    parse_instant("2026-03-27T14:30:00Z").expect("instant")
}

// ---------------------------------------------------------------- the catalogue

/// Indicator counts per (category, group or sector, minors' extra) as the 2024 guide lists them.
const GUIDE_COUNTS: [(&str, &str, bool, usize); 14] = [
    ("background", "", false, 13),
    ("background", "", true, 3),
    ("places", "", false, 6),
    ("places", "", true, 4),
    ("behaviour", "", false, 7),
    ("behaviour", "", true, 3),
    ("control", "facilitator", false, 7),
    ("control", "facilitator", true, 4),
    ("control", "dependence", false, 3),
    ("control", "fear", false, 4),
    ("control", "no_control", false, 5),
    ("control", "exploitation", false, 4),
    ("sector", "prostitution", false, 4),
    ("sector", "forced_labour", false, 8),
];

fn id_of<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn catalogue_counts() -> BTreeMap<(String, String, bool), usize> {
    let mut counts = BTreeMap::new();
    for x in toolkit("en").indicators() {
        let sub = x
            .group
            .map(id_of)
            .or(x.sector.map(id_of))
            .unwrap_or_default();
        *counts
            .entry((id_of(x.category), sub, x.minor_only))
            .or_default() += 1;
    }
    counts
}

#[test]
fn every_indicator_of_part_4_is_in_the_catalogue() {
    let want: BTreeMap<(String, String, bool), usize> = GUIDE_COUNTS
        .iter()
        .map(|(c, g, m, n)| (((*c).to_owned(), (*g).to_owned(), *m), *n))
        .collect();
    assert_eq!(catalogue_counts(), want);
    assert_eq!(toolkit("en").indicators().len(), 75);
}

#[test]
fn minors_extras_are_offered_only_for_a_person_who_may_be_a_child() {
    let tk = toolkit("en");
    let ids = |m| -> Vec<String> { tk.indicators_offered(m).into_iter().map(|x| x.id).collect() };
    let all: Vec<String> = tk.indicators().into_iter().map(|x| x.id).collect();
    assert_eq!(ids(MinorAnswer::Yes), all);
    assert_eq!(ids(MinorAnswer::Unsure), all);
    let adults = ids(MinorAnswer::No);
    let extras: Vec<String> = tk
        .indicators()
        .into_iter()
        .filter(|x| x.minor_only)
        .map(|x| x.id)
        .collect();
    assert!(!extras.is_empty());
    assert_eq!(adults.len() + extras.len(), all.len());
    assert!(extras.iter().all(|x| !adults.contains(x)));
}

/// Counts the bullets of the guide's Part 4 under each heading, from the seed document.
fn counts_in_guide(text: &str) -> BTreeMap<(String, String, bool), usize> {
    let part4 = text
        .split("\nPart 4\n")
        .nth(1)
        .and_then(|t| t.split("\nPart 5\n").next())
        .expect("Part 4 in the guide");
    let mut counts = BTreeMap::new();
    let (mut category, mut group, mut minors) = (None::<&str>, "", false);
    for line in part4.lines().map(str::trim_end) {
        let heading = match line.trim() {
            "Background and specific vulnerabilities" => Some(("background", "")),
            "Location affiliation or places of residence" => Some(("places", "")),
            "Behaviour" => Some(("behaviour", "")),
            "Has a facilitator/employer or a 'fixer' who exerts control:" => {
                Some(("control", "facilitator"))
            }
            "Is dependent on the facilitator/employer" => Some(("control", "dependence")),
            "Expresses fear of the facilitator/employer" => Some(("control", "fear")),
            "Lacks control over their own life situation" => Some(("control", "no_control")),
            "Is exploited by the facilitator/employer" => Some(("control", "exploitation")),
            "Additionally, be aware of these indicators of possible exploitation for prostitution:" => {
                Some(("sector", "prostitution"))
            }
            "Additionally, be aware of these indicators of possible exploitation for forced labour:" => {
                Some(("sector", "forced_labour"))
            }
            _ => None,
        };
        if let Some((c, g)) = heading {
            (category, group, minors) = (Some(c), g, false);
        } else if line.trim() == "Additionally, be aware of these indicators for minors:" {
            minors = true;
        } else if let (Some(c), Some(_)) = (category, line.strip_prefix("- ")) {
            *counts
                .entry((c.to_owned(), group.to_owned(), minors))
                .or_default() += 1;
        } else if !line.trim().is_empty()
            && line.trim() != "The person..."
            && line.trim() != "Appears to be controlled by others"
        {
            category = None;
        }
    }
    counts
}

#[test]
fn catalogue_counts_match_the_guide_text() {
    // The guide sits beside the project; when it is there, count its bullets per heading.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/seeds/kom-identification-guide-2024.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    assert_eq!(counts_in_guide(&text), catalogue_counts());
}

#[test]
fn settings_are_the_guides_21_with_the_examples_of_other_sexual_venues() {
    let settings = toolkit("en").settings();
    assert_eq!(settings.len(), 21);
    let examples: usize = settings.iter().map(|s| s.examples.len()).sum();
    assert_eq!(examples, 4);
    let venues = settings
        .iter()
        .find(|s| s.id == "other-sexual-venues")
        .expect("setting");
    assert_eq!(venues.examples.len(), 4);
    assert_eq!(venues.sectors, [Sector::Prostitution]);
}

#[test]
fn every_indicator_cites_part_4_and_calls_known_topics() {
    let tk = toolkit("en");
    let content = &tk.pack().toolkit;
    for x in tk.indicators() {
        assert!(
            x.sources
                .iter()
                .any(|c| c.doc == "guide-2024" && c.part == "p4"),
            "{}",
            x.id
        );
        for t in &x.topics {
            assert!(content.topic(t).is_some(), "{}: {t}", x.id);
        }
        assert_eq!(
            x.group.is_some(),
            x.category == IndicatorCategory::Control,
            "{}",
            x.id
        );
        assert_eq!(
            x.sector.is_some(),
            x.category == IndicatorCategory::Sector,
            "{}",
            x.id
        );
    }
    for g in ControlGroup::ALL {
        assert!(tk.indicators().iter().any(|x| x.group == Some(g)));
    }
}

#[test]
fn no_toolkit_text_repeats_a_phone_number() {
    // Numbers come from the contact book; a text that repeats one would go stale unseen.
    let pack = pack();
    let numbers: Vec<(String, String)> = pack
        .contacts
        .iter()
        .flat_map(|c| {
            c.phones
                .iter()
                .chain(&c.sms)
                .map(|p| (c.id.clone(), p.display.clone()))
        })
        .collect();
    let mentions = |text: &str, number: &str| {
        text.match_indices(number).any(|(i, m)| {
            let before = text[..i].chars().next_back();
            let after = text[i + m.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit())
                && !after.is_some_and(|c| c.is_ascii_digit())
        })
    };
    for (name, text) in EMBEDDED
        .iter()
        .filter(|(n, _)| lykt_core::toolkit::content::FILES.contains(n))
    {
        let json: Value = serde_json::from_str(text).expect("JSON");
        let mut strings = Vec::new();
        collect_strings(&json, &mut strings);
        for s in strings {
            for (contact, number) in &numbers {
                assert!(
                    !mentions(&s, number),
                    "{name}: \"{s}\" repeats {number} of {contact}; reference the contact instead"
                );
            }
        }
    }
}

fn collect_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

// ---------------------------------------------------------------- the assessment

fn contains_number(v: &Value) -> bool {
    match v {
        Value::Number(_) => true,
        Value::Array(a) => a.iter().any(contains_number),
        Value::Object(o) => o.values().any(contains_number),
        _ => false,
    }
}

#[test]
fn the_result_has_no_score_and_says_why() {
    let tk = toolkit("en");
    let ids: Vec<String> = tk
        .indicators()
        .into_iter()
        .filter(|x| !x.minor_only)
        .take(20)
        .map(|x| x.id)
        .collect();
    let r = tk
        .assess_ids(&ids, MinorAnswer::No, Some("construction"))
        .expect("valid");
    let json = serde_json::to_value(&r).expect("serialises");
    assert!(!contains_number(&json), "a number in the result: {json}");
    assert!(r.holistic_note.contains("not a score"));
    let mut app = support::app_at("en", "2026-03-27T14:30:00Z");
    support::open(&mut app, "assess");
    support::choose(&mut app, "minor", "no").expect("answer");
    support::choose(&mut app, "setting", "construction").expect("setting");
    for id in &ids {
        support::set_status(&mut app, id, "observed").expect("offered");
    }
    let text = plain::page(&support::open(&mut app, "assess/result"));
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(&r.holistic_note), "{text}");
    for word in ["score:", "probability", "likelihood of", "%"] {
        assert!(!text.to_lowercase().contains(word), "{word}");
    }
    let nb = toolkit("nb")
        .assess_ids(&ids, MinorAnswer::No, None)
        .expect("valid");
    assert!(
        nb.holistic_note.contains("ingen poengsum"),
        "{}",
        nb.holistic_note
    );
}

#[test]
fn minors_extras_are_offered_only_when_the_person_may_be_a_child() {
    let tk = toolkit("en");
    for minor in MinorAnswer::ALL {
        let r = tk.assess_ids(&["be-m-claims-adult"], *minor, None);
        match minor {
            MinorAnswer::No => assert_eq!(
                r.err(),
                Some(Error::IndicatorNotOffered {
                    id: "be-m-claims-adult".into()
                })
            ),
            _ => assert!(r.is_ok()),
        }
    }
    let mut a = Assessment::default();
    a.set_observed(&tk, "be-m-claims-adult", true)
        .expect("unsure offers it");
    a.set_observed(&tk, "be-injuries", true).expect("offered");
    a.set_minor(&tk, MinorAnswer::No);
    assert_eq!(
        a.observed,
        ["be-injuries"],
        "answering no drops the minors' extras"
    );
    assert_eq!(
        a.set_observed(&tk, "co-m-fixer", true),
        Err(Error::IndicatorNotOffered {
            id: "co-m-fixer".into()
        })
    );
}

#[test]
fn unknown_ids_and_values_are_refused_naming_the_valid_ones() {
    let tk = toolkit("en");
    let e = tk
        .assess_ids(&["lc-documents", "nope"], MinorAnswer::No, None)
        .expect_err("unknown");
    let Error::UnknownIndicator { id, valid } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(id, "nope");
    assert_eq!(valid.len(), 75);
    assert!(e.to_string().contains("\"nope\"") && e.to_string().contains("lc-documents"));
    let e = tk
        .assess_ids::<&str>(&[], MinorAnswer::No, Some("moon"))
        .expect_err("unknown setting");
    assert!(
        e.to_string()
            .starts_with("\"moon\" is not a valid setting; use one of: prostitution-market"),
        "{e}"
    );
    let e = Role::parse("nurse").expect_err("unknown role");
    assert!(e.to_string().contains("public, on-behalf, private"), "{e}");
}

#[test]
fn flags_follow_the_answers_with_reasons_sources_and_links() {
    let tk = toolkit("en");
    let a = Assessment {
        observed: vec!["be-injuries".into()],
        minor: MinorAnswer::Unsure,
        immediate_danger: true,
        ..Assessment::default()
    };
    let r = tk.assess(&a).expect("valid");
    let kinds: Vec<FlagKind> = r.flags.iter().map(|f| f.kind).collect();
    assert_eq!(
        kinds,
        [
            FlagKind::ImmediateDanger,
            FlagKind::PresumedMinor,
            FlagKind::AggravatedSigns,
            FlagKind::CheckSevereViolence
        ]
    );
    for f in &r.flags {
        assert!(
            !f.reasons.is_empty() && !f.sources.is_empty(),
            "{:?}",
            f.kind
        );
    }
    let minor = &r.flags[1];
    let targets: Vec<&str> = minor.links.iter().map(|l| l.target.as_str()).collect();
    assert_eq!(targets, ["minors", "duties"]);
    assert!(minor.reasons[0].contains("treated as a child"));
    assert_eq!(r.flags[0].contacts[0].id, "police-emergency");
    let check = &r.flags[3];
    assert!(check.reasons[0].contains("injuries"), "{:?}", check.reasons);
}

#[test]
fn the_conversation_guide_follows_what_was_observed() {
    let tk = toolkit("en");
    let topics = |ids: &[&str], minor| -> Vec<String> {
        tk.assess_ids(ids, minor, None)
            .expect("valid")
            .conversation
            .topics
            .into_iter()
            .map(|t| t.id)
            .collect()
    };
    assert_eq!(
        topics(&["lc-documents"], MinorAnswer::No),
        ["passport", "help"]
    );
    assert_eq!(
        topics(&["ex-debt"], MinorAnswer::No),
        ["finances", "travel", "help"]
    );
    assert_eq!(topics(&[], MinorAnswer::No), ["work", "living", "help"]);
    let r = tk
        .assess_ids(&["co-companion"], MinorAnswer::No, None)
        .expect("valid");
    let g = &r.conversation;
    assert_eq!(g.topics[0].because, ["co-companion"]);
    assert!(g.minor_tips.is_empty());
    assert_eq!(g.interpreter.contacts[0].id, "tolkeregisteret");
    assert!(g.interpreter.text.contains("Never let a companion"));
    assert!(
        g.topics.last().is_some_and(|t| t.say.is_some()),
        "help ends with what to say"
    );
    let child = tk
        .assess_ids::<&str>(&[], MinorAnswer::Yes, None)
        .expect("valid");
    assert!(!child.conversation.minor_tips.is_empty());
}

#[test]
fn the_assessment_saves_and_reopens_as_it_is() {
    let tk = toolkit("en");
    let mut a = Assessment::default();
    a.set_observed(&tk, "ex-debt", true).expect("offered");
    a.set_setting(&tk, Some("agriculture")).expect("known");
    a.significant_proceeds = true;
    let saved = serde_json::to_string(&a).expect("serialises");
    let back: Assessment = serde_json::from_str(&saved).expect("reopens");
    assert_eq!(back, a);
    assert_eq!(tk.assess(&back), tk.assess(&a));
    let partial: Assessment =
        serde_json::from_str(r#"{"observed":["ex-debt"]}"#).expect("defaults");
    assert_eq!(partial.minor, MinorAnswer::Unsure);
    assert!(serde_json::from_str::<Assessment>(r#"{"score": 3}"#).is_err());
}

fn offered_ids(minor: MinorAnswer) -> Vec<String> {
    toolkit("en")
        .indicators()
        .into_iter()
        .filter(|x| !x.minor_only || minor.presumed_minor())
        .map(|x| x.id)
        .collect()
}

proptest! {
    #[test]
    fn any_marking_gives_the_same_scoreless_summary_in_any_order(
        minor in prop::sample::select(MinorAnswer::ALL.to_vec()),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..30),
        setting in prop::option::of(0usize..21),
        severe in any::<bool>(),
        proceeds in any::<bool>(),
        danger in any::<bool>(),
        health in any::<bool>(),
    ) {
        let tk = toolkit("en");
        let offered = offered_ids(minor);
        let observed: Vec<String> = picks.iter().map(|i| i.get(&offered).clone()).collect();
        let setting = setting.map(|i| tk.settings()[i].id.clone());
        let a = Assessment {
            observed: observed.clone(), minor, setting,
            severe_violence: severe, significant_proceeds: proceeds,
            immediate_danger: danger, health_emergency: health,
        };
        let r = tk.assess(&a).expect("offered ids are accepted");
        let mut reversed = a.clone();
        reversed.observed.reverse();
        prop_assert_eq!(&tk.assess(&reversed).expect("valid"), &r);

        let listed: Vec<&str> = r.observed.iter().flat_map(|g| g.indicators.iter().map(|x| x.id.as_str())).collect();
        let unique: BTreeSet<&str> = observed.iter().map(String::as_str).collect();
        prop_assert_eq!(listed.len(), unique.len());
        let order: Vec<usize> = listed.iter().map(|id| offered.iter().position(|o| o == id).unwrap_or(usize::MAX)).collect();
        prop_assert!(order.windows(2).all(|w| w[0] < w[1]), "guide order");
        prop_assert!(!contains_number(&serde_json::to_value(&r).expect("json")));

        let kinds: Vec<FlagKind> = r.flags.iter().map(|f| f.kind).collect();
        let ranks: Vec<usize> = kinds.iter().map(|k| FlagKind::ALL.iter().position(|x| x == k).unwrap_or(9)).collect();
        prop_assert!(ranks.windows(2).all(|w| w[0] < w[1]), "most urgent first");
        prop_assert_eq!(kinds.contains(&FlagKind::ImmediateDanger), danger);
        prop_assert_eq!(kinds.contains(&FlagKind::HealthEmergency), health);
        prop_assert_eq!(kinds.contains(&FlagKind::PresumedMinor), minor.presumed_minor());
        prop_assert_eq!(kinds.contains(&FlagKind::AggravatedSigns), minor.presumed_minor() || severe || proceeds);
        prop_assert_eq!(r.conversation.topics.last().map(|t| t.id.as_str()), Some("help"));
        prop_assert_eq!(r.conversation.minor_tips.is_empty(), !minor.presumed_minor());
    }
}

// ---------------------------------------------------------------- duties

fn every_input() -> Vec<DutiesInput> {
    let mut all = Vec::new();
    for &role in Role::ALL {
        for &minor in MinorAnswer::ALL {
            for bits in 0..16u8 {
                for consent in [None, Some(true), Some(false)] {
                    all.push(DutiesInput {
                        role,
                        minor,
                        immediate_danger: bits & 1 != 0,
                        health_emergency: bits & 2 != 0,
                        severe_violence: bits & 4 != 0,
                        significant_proceeds: bits & 8 != 0,
                        adult_consents: consent,
                    });
                }
            }
        }
    }
    all
}

#[test]
fn every_combination_of_answers_gives_complete_ordered_steps() {
    let tk = toolkit("en");
    let nb = toolkit("nb");
    let book = ContactBook::new(pack(), pack().locales(&["en"]).expect("en"));
    let inputs = every_input();
    assert_eq!(inputs.len(), 3 * 3 * 16 * 3);
    for input in inputs {
        let plan = tk.duties(&input, at());
        let ids: Vec<&str> = plan.steps.iter().map(|s| s.id.as_str()).collect();
        let has = |id: &str| ids.contains(&id);
        let ctx = format!("{input:?}: {ids:?}");
        let child = input.minor.presumed_minor();
        let aggravated = child || input.severe_violence || input.significant_proceeds;

        assert_eq!(
            ids.iter().collect::<BTreeSet<_>>().len(),
            ids.len(),
            "{ctx}"
        );
        assert!(ids.iter().all(|id| STEP_IDS.contains(id)), "{ctx}");
        assert_eq!(
            has("call-police-emergency"),
            input.immediate_danger,
            "{ctx}"
        );
        if input.immediate_danger {
            assert_eq!(ids[0], "call-police-emergency", "{ctx}");
        }
        assert_eq!(has("get-medical-help"), input.health_emergency, "{ctx}");
        if input.health_emergency {
            assert_eq!(
                ids[usize::from(input.immediate_danger)],
                "get-medical-help",
                "{ctx}"
            );
        }
        assert_eq!(has("duty-to-avert"), aggravated, "{ctx}");
        assert_eq!(has("consider-duty-to-avert"), !aggravated, "{ctx}");
        assert_eq!(
            has("report-to-child-welfare"),
            child && input.role != Role::Private,
            "{ctx}"
        );
        assert_eq!(
            has("private-report-child"),
            child && input.role == Role::Private,
            "{ctx}"
        );
        for id in ["stay-with-child", "do-not-tell-adults", "minors-flow"] {
            assert_eq!(has(id), child, "{ctx}");
        }
        assert_eq!(
            has("treat-as-child"),
            input.minor == MinorAnswer::Unsure,
            "{ctx}"
        );
        let referral = ["offer-help", "refer-with-consent", "respect-refusal"];
        let expected = match (child, input.adult_consents) {
            (true, _) => None,
            (false, None) => Some("offer-help"),
            (false, Some(true)) => Some("refer-with-consent"),
            (false, Some(false)) => Some("respect-refusal"),
        };
        let found: Vec<&&str> = ids.iter().filter(|id| referral.contains(id)).collect();
        assert_eq!(found.first().map(|s| **s), expected, "{ctx}");
        assert_eq!(
            &ids[ids.len() - 2..],
            ["rights-information", "confidentiality"],
            "{ctx}"
        );

        for step in &plan.steps {
            let duty = matches!(
                step.id.as_str(),
                "call-police-emergency" | "duty-to-avert" | "report-to-child-welfare"
            );
            assert_eq!(
                step.obligation == Obligation::Duty,
                duty,
                "{ctx}: {}",
                step.id
            );
            assert!(!step.title.is_empty() && !step.action.is_empty() && !step.why.is_empty());
            assert!(!step.sources.is_empty(), "{}", step.id);
            for c in &step.contacts {
                let status = book.status(&c.id, at()).expect("known contact");
                assert_eq!(c.status, status.state, "{}: {}", step.id, c.id);
                assert!(!c.status_text.is_empty());
            }
        }
        if let Some(s) = plan.steps.iter().find(|s| s.id == "duty-to-avert") {
            assert!(
                s.legal_basis
                    .as_deref()
                    .is_some_and(|b| b.contains("§ 196"))
            );
        }
        if let Some(s) = plan
            .steps
            .iter()
            .find(|s| s.id == "report-to-child-welfare")
        {
            assert!(
                s.legal_basis
                    .as_deref()
                    .is_some_and(|b| b.contains("§ 13-2 (e)"))
            );
        }
        let nb_plan = nb.duties(&input, at());
        assert_eq!(nb_plan.steps.len(), plan.steps.len());
        assert!(
            nb_plan
                .steps
                .iter()
                .zip(&plan.steps)
                .all(|(n, e)| n.title != e.title)
        );
    }
}

#[test]
fn contacts_in_steps_show_whether_they_are_open_at_the_instant() {
    let tk = toolkit("en");
    let input = DutiesInput::new(Role::Public, MinorAnswer::No);
    let contact = |when: &str, id: &str| {
        let plan = tk.duties(&input, parse_instant(when).expect("instant"));
        plan.steps
            .into_iter()
            .flat_map(|s| s.contacts)
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("{id} in the steps"))
    };
    // The Support Centre for Crime Victims keeps weekday hours 09:00–15:30, Oslo time.
    let friday = contact("2026-03-27T13:30:00Z", "support-centre");
    assert_eq!(friday.status, OpenState::Open);
    assert_eq!(friday.status_text, "Open now, until 15:30");
    let saturday = contact("2026-03-28T22:00:00Z", "support-centre");
    assert_eq!(saturday.status, OpenState::Closed);
    assert_eq!(saturday.status_text, "Closed now. Opens Monday 09:00");
    let rosa = contact("2026-03-28T22:00:00Z", "rosa");
    assert_eq!(rosa.status, OpenState::AlwaysOpen);
    assert_eq!(rosa.actions[0].uri, "tel:22331160");

    let mut input = input;
    input.adult_consents = Some(true);
    let org = tk
        .duties(&input, at())
        .steps
        .into_iter()
        .find(|s| s.id == "support-organisations")
        .expect("organisations");
    let caritas = org
        .contacts
        .iter()
        .find(|c| c.id == "caritas")
        .expect("Caritas");
    assert!(
        caritas.actions[0].uri.starts_with("https://"),
        "the phone number only an older document gives is not offered first: {:?}",
        caritas.actions[0]
    );
}

#[test]
fn duties_take_the_answers_of_an_assessment() {
    let a = Assessment {
        minor: MinorAnswer::No,
        significant_proceeds: true,
        health_emergency: true,
        ..Assessment::default()
    };
    let input = DutiesInput::from_assessment(Role::OnBehalf, &a, Some(false));
    assert!(input.aggravated_signs() && input.health_emergency);
    let plan = toolkit("en").duties(&input, at());
    assert_eq!(plan.steps[0].id, "get-medical-help");
    assert!(plan.steps.iter().any(|s| s.id == "duty-to-avert"));
    let json: DutiesInput = serde_json::from_str(r#"{"role":"on-behalf"}"#).expect("defaults");
    assert_eq!(json, DutiesInput::new(Role::OnBehalf, MinorAnswer::Unsure));
}

// ---------------------------------------------------------------- rights

#[test]
fn rights_depend_on_age_and_residence() {
    let tk = toolkit("en");
    let ids = |minor, no_residence_permit| -> Vec<String> {
        tk.rights(RightsProfile {
            minor,
            no_residence_permit,
        })
        .rights
        .into_iter()
        .map(|r| r.id)
        .collect()
    };
    let adult = ids(false, true);
    let child = ids(true, true);
    for id in [
        "schooling",
        "guardian-minor",
        "minor-voice",
        "care-minor",
        "security-minor",
    ] {
        assert!(
            child.iter().any(|r| r == id) && !adult.iter().any(|r| r == id),
            "{id}"
        );
    }
    for id in [
        "financial-support",
        "housing-adult",
        "adult-choice",
        "security-adult",
    ] {
        assert!(
            adult.iter().any(|r| r == id) && !child.iter().any(|r| r == id),
            "{id}"
        );
    }
    for id in ["reflection-period", "limited-residence-permit", "asylum"] {
        assert!(adult.iter().any(|r| r == id));
        assert!(!ids(false, false).iter().any(|r| r == id), "{id}");
        assert!(!ids(true, false).iter().any(|r| r == id), "{id}");
    }
}

#[test]
fn facts_only_older_documents_give_are_marked() {
    let tk = toolkit("en");
    let view = tk.rights(RightsProfile {
        minor: true,
        no_residence_permit: true,
    });
    let right = |id: &str| view.rights.iter().find(|r| r.id == id).expect(id);
    let reflection = right("reflection-period");
    assert!(
        reflection
            .details
            .iter()
            .any(|d| d.older && d.text.contains("cannot be renewed"))
    );
    assert!(
        reflection
            .details
            .iter()
            .any(|d| !d.older && d.text.contains("six months"))
    );
    assert!(right("minor-voice").details.iter().all(|d| d.older));
    let limited = tk
        .rights(RightsProfile {
            minor: false,
            no_residence_permit: true,
        })
        .rights
        .into_iter()
        .find(|r| r.id == "limited-residence-permit")
        .expect("listed");
    assert!(
        limited
            .details
            .iter()
            .any(|d| d.older && d.text.contains("12 months"))
    );
    assert!(
        limited
            .details
            .iter()
            .any(|d| d.older && d.text.starts_with("Four conditions"))
    );
    let legal = right("legal-aid");
    assert!(!legal.older && legal.details[0].text.contains("three hours"));
}

#[test]
fn the_checklist_keeps_statuses_and_progress_and_saves_as_it_is() {
    let tk = toolkit("en");
    let content = &tk.pack().toolkit;
    let mut list = RightsChecklist::new(RightsProfile {
        minor: false,
        no_residence_permit: true,
    });
    list.set_status(content, "legal-aid", RightStatus::Referred)
        .expect("listed");
    list.set_status(content, "asylum", RightStatus::NotApplicable)
        .expect("listed");
    assert_eq!(tk.rights_view(&list).progress.done, 1);
    assert_eq!(tk.rights_view(&list).progress.total, 12);
    let e = list
        .set_status(content, "schooling", RightStatus::Informed)
        .expect_err("children only");
    assert!(e.to_string().contains("\"schooling\"") && e.to_string().contains("legal-aid"));
    let saved = serde_json::to_string(&list).expect("serialises");
    let back: RightsChecklist = serde_json::from_str(&saved).expect("reopens");
    assert_eq!(back, list);
    list.set_profile(RightsProfile {
        minor: false,
        no_residence_permit: false,
    });
    let view = tk.rights_view(&list);
    assert_eq!(view.progress.total, 10, "the permit rights leave the list");
    let legal_aid = view.rights.iter().find(|r| r.id == "legal-aid");
    assert_eq!(
        legal_aid.map(|r| (r.status, r.status_label.as_str())),
        Some((RightStatus::Referred, "Referred"))
    );
    list.set_status(content, "legal-aid", RightStatus::NotDiscussed)
        .expect("listed");
    assert!(list.list.items.iter().all(|e| e.id != "legal-aid"));
}

// ---------------------------------------------------------------- Learn

#[test]
fn learn_states_the_law_exactly() {
    let tk = toolkit("en");
    let law = tk.learn_topic("law").expect("topic");
    let text = serde_json::to_string(&law).expect("json");
    for fact in ["257", "258", "six years", "ten years", "2003", "2008"] {
        assert!(text.contains(fact), "{fact}");
    }
    let nb = toolkit("nb").learn_topic("law").expect("topic");
    assert!(
        nb.summary.contains("straffeloven §§ 257 og 258"),
        "{}",
        nb.summary
    );
    assert!(matches!(
        tk.learn_topic("x"),
        Err(Error::InvalidValue { .. })
    ));
}

// ---------------------------------------------------------------- validation

#[test]
fn a_dangling_topic_or_contact_is_named() {
    let files = files_with("indicators.json", |v| {
        v["indicators"][0]["topics"] = serde_json::json!(["gossip"]);
    });
    let found = issues(&files);
    assert!(
        matches!(found.as_slice(), [(f, item, field, IssueKind::DanglingReference { target, .. })]
            if f == "indicators.json" && item == "bg-marginalised" && field == "topics[0]" && target == "gossip"),
        "{found:?}"
    );
    let files = files_with("rights.json", |v| {
        v["rights"][1]["contacts"][0] = "nobody".into();
    });
    let found = issues(&files);
    assert!(
        matches!(found.as_slice(), [(f, item, field, IssueKind::DanglingReference { .. })]
            if f == "rights.json" && item == "legal-aid" && field == "contacts[0]"),
        "{found:?}"
    );
}

#[test]
fn a_missing_step_or_flag_text_is_reported() {
    let files = files_with("duties.json", |v| {
        let steps = v["steps"].as_array_mut().expect("array");
        steps.retain(|s| s["id"] != "duty-to-avert");
    });
    let found = issues(&files);
    assert!(
        found.iter().any(|(f, _, field, k)| f == "duties.json"
            && field == "steps"
            && matches!(k, IssueKind::DanglingReference { target, .. } if target == "duty-to-avert")),
        "{found:?}"
    );
    let files = files_with("indicators.json", |v| {
        v["flags"].as_array_mut().expect("array").remove(0);
    });
    let found = issues(&files);
    assert!(
        found
            .iter()
            .any(|(_, item, _, _)| item == "immediate-danger"),
        "{found:?}"
    );
}

#[test]
fn a_misshapen_indicator_is_reported() {
    let files = files_with("indicators.json", |v| {
        v["indicators"][0]["group"] = "fear".into();
        v["indicators"][5]["minor_only"] = true.into();
        let last = v["indicators"].as_array().expect("array").len() - 1;
        v["indicators"][last]["minor_only"] = true.into();
    });
    let found = issues(&files);
    let items: Vec<&str> = found.iter().map(|(_, i, _, _)| i.as_str()).collect();
    assert_eq!(items, ["bg-marginalised", "fl-dangerous"], "{found:?}");
    let files = files_with("learn.json", |v| {
        v["topics"][0]["title"]
            .as_object_mut()
            .expect("text")
            .remove("nb");
    });
    let found = issues(&files);
    assert!(
        matches!(found.as_slice(), [(f, item, field, IssueKind::MissingTranslation { .. })]
            if f == "learn.json" && item == "what-is" && field == "title"),
        "{found:?}"
    );
}

#[test]
fn the_result_as_text_carries_the_whole_conversation_guide() {
    let tk = toolkit("en");
    for minor in [MinorAnswer::Yes, MinorAnswer::No] {
        let a = Assessment {
            observed: vec!["lc-documents".into()],
            minor,
            ..Assessment::default()
        };
        let r = tk.assess(&a).expect("assesses");
        let mut app = support::app_at("en", "2026-03-27T14:30:00Z");
        support::open(&mut app, "assess");
        support::choose(&mut app, "minor", minor.id()).expect("answer");
        support::set_status(&mut app, "lc-documents", "observed").expect("offered");
        let text = plain::page(&support::open(&mut app, "assess/result"));
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let c = &r.conversation;
        assert_eq!(c.minor_tips.is_empty(), minor == MinorAnswer::No);
        for item in c.tips.iter().chain(&c.minor_tips).chain(&c.rights_info) {
            assert!(text.contains(&item.text), "{minor:?}: {}", item.id);
        }
        assert!(text.contains(&c.interpreter.text));
        let last = r.sources.last().expect("cited");
        assert!(text.trim_end().ends_with(&last.text), "sources come last");
    }
}

#[test]
fn the_rights_checklist_as_text_names_each_right_with_its_status() {
    let tk = toolkit("nb");
    let mut list = RightsChecklist::new(RightsProfile {
        minor: false,
        no_residence_permit: true,
    });
    let content = &tk.pack().toolkit;
    list.set_status(content, "legal-aid", RightStatus::Informed)
        .expect("listed");
    let view = tk.rights_view(&list);
    let mut app = support::app_at("nb", "2026-03-27T14:30:00Z");
    support::open(&mut app, "rights");
    support::choose(&mut app, "minor", "no").expect("answer");
    support::choose(&mut app, "residence", "no-permit").expect("answer");
    let screen = support::set_status(&mut app, "legal-aid", "informed").expect("listed");
    let text = plain::page(&screen);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for r in &view.rights {
        assert!(
            text.contains(&format!("[{}] {}", r.status_label, r.title)),
            "{}: {text}",
            r.id
        );
        assert!(text.contains(&r.summary), "{}", r.id);
    }
    let legal_aid = view
        .rights
        .iter()
        .find(|r| r.id == "legal-aid")
        .expect("listed");
    assert_eq!(legal_aid.status, RightStatus::Informed);
    assert_ne!(legal_aid.status_label, view.rights[0].status_label);
}
