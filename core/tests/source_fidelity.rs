//! The content says what the sources say, no more: corrections found by reading the content
//! line by line against KOM's guide and brochure (2024) and the older documents.

mod support;
use support::{app_at, links, open};

use lykt_core::app::{App, Block, Clock, Platform, Screen};
use lykt_core::calendar::parse_instant;
use lykt_core::content::{ContentPack, EMBEDDED};
use lykt_core::toolkit::{DutiesInput, DutiesPlan, MinorAnswer, Obligation, Role, Toolkit};
use serde_json::Value;

/// A Friday afternoon, when every office with weekday hours is open.
const AT: &str = "2026-03-27T14:30:00Z";

/// Every text on the screen a person reads: headings, paragraphs, list items and notices.
fn texts(screen: &Screen) -> Vec<&str> {
    let mut out = Vec::new();
    for b in &screen.blocks {
        match b {
            Block::Heading { text } | Block::Paragraph { text } | Block::Notice { text, .. } => {
                out.push(text.as_str());
            }
            Block::BulletList { items } => out.extend(items.iter().map(String::as_str)),
            _ => {}
        }
    }
    out
}

fn mentions(screen: &Screen, words: &[&str]) -> bool {
    texts(screen).iter().any(|t| {
        let t = t.to_lowercase();
        words.iter().all(|w| t.contains(w))
    })
}

fn action_ids(screen: &Screen) -> Vec<&str> {
    screen.actions().map(|a| a.id.as_str()).collect()
}

/// Every text of the content pack in `locale`, with the file and the path to it.
fn content_texts(locale: &str) -> Vec<(String, String, String)> {
    fn walk(v: &Value, path: &str, locale: &str, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(map) => {
                for (k, x) in map {
                    match x {
                        Value::String(s) if k == locale => out.push((path.to_owned(), s.clone())),
                        _ => walk(x, &format!("{path}.{k}"), locale, out),
                    }
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    let id = x["id"].as_str().map_or(i.to_string(), str::to_owned);
                    walk(x, &format!("{path}[{id}]"), locale, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for (name, text) in EMBEDDED {
        let v: Value = serde_json::from_str(text).expect("parses");
        let mut found = Vec::new();
        walk(&v, "", locale, &mut found);
        out.extend(found.into_iter().map(|(p, s)| ((*name).to_owned(), p, s)));
    }
    out
}

/// A part of the app (`new`) over the embedded pack in `locale`.
fn built<T>(
    locale: &str,
    new: impl FnOnce(std::sync::Arc<ContentPack>, lykt_core::locale::Locales) -> T,
) -> T {
    let pack = ContentPack::embedded().expect("valid pack");
    let locales = pack.locales(&[locale]).expect("locale");
    new(pack, locales)
}

fn toolkit(locale: &str) -> Toolkit {
    built(locale, Toolkit::new)
}

fn duties(input: &DutiesInput) -> DutiesPlan {
    toolkit("en").duties(input, parse_instant(AT).expect("instant"))
}

/// The page with `id` of the discreet information, as the content file states it.
fn info_page(id: &str) -> Value {
    let (_, text) = EMBEDDED
        .iter()
        .find(|(n, _)| *n == "victim.json" || *n == "info.json")
        .expect("the discreet information is embedded");
    let v: Value = serde_json::from_str(text).expect("parses");
    v["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .find(|p| p["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no page {id}"))
}

/// Every page of the discreet information, opened from its start page, in English.
fn every_info_screen() -> Vec<Screen> {
    let mut app = app_at("en", AT);
    let start = open(&mut app, "info");
    let targets: Vec<String> = links(&start).into_iter().map(str::to_owned).collect();
    let mut out = vec![start];
    for t in targets {
        out.push(open(&mut app, &t));
        app.dispatch(lykt_core::app::Event::Back).expect("back");
    }
    out
}

#[test]
fn the_start_page_answers_will_i_be_sent_out_of_norway() {
    let mut app = app_at("en", AT);
    let start = open(&mut app, "info");
    assert!(
        links(&start).contains(&"info/sent-out"),
        "{:?}",
        links(&start)
    );
    let page = open(&mut app, "info/sent-out");
    assert_eq!(page.title, "Will I be sent out of Norway?");
    // Guide 2024, Part 3: no leaving before the identification is completed.
    assert!(mentions(
        &page,
        &["should not have to leave norway", "finished"]
    ));
    // Guide 2024, Part 7: non-punishment covers deportation and expulsion.
    assert!(mentions(
        &page,
        &["must consider not punishing", "deportation and expulsion"]
    ));
    // Guide 2024, Part 7: also EEA citizens.
    assert!(mentions(&page, &["eea"]));
    // The ways to stay or go home, and who helps to apply.
    for way in [
        "reflection period",
        "limited residence permit",
        "asylum",
        "home safely",
    ] {
        assert!(mentions(&page, &[way]), "{way}");
    }
    let actions = action_ids(&page);
    for id in ["rosa.call.0", "udi.call.0", "noas.call.0"] {
        assert!(actions.contains(&id), "{id} in {actions:?}");
    }
}

#[test]
fn older_statements_say_the_rule_may_have_changed() {
    let mut cautions = 0;
    for screen in every_info_screen() {
        for b in &screen.blocks {
            if let Block::Notice { text, .. } = b
                && text.contains("older document")
            {
                assert!(text.contains("may have changed"), "{}: {text}", screen.id);
                cautions += 1;
            }
        }
    }
    assert!(
        cautions >= 5,
        "older facts on the pages carry the caution: {cautions}"
    );
}

#[test]
fn the_reflection_period_page_says_what_it_expects_and_that_no_one_must_be_a_witness() {
    let mut app = app_at("en", AT);
    let page = open(&mut app, "info/reflection");
    // Older referral overview: no duty to cooperate or be a witness during the period.
    assert!(mentions(
        &page,
        &["do not have to help the police", "witness"]
    ));
    // Older brochure: what the period expects of the person.
    assert!(mentions(&page, &["what is expected of you"]));
    assert!(mentions(&page, &["who you really are"]));
    assert!(mentions(&page, &["house rules"]));
}

#[test]
fn false_papers_used_because_of_the_exploitation_are_covered_and_marked_older() {
    let mut app = app_at("en", AT);
    let page = open(&mut app, "info/sent-out");
    let at = page
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Paragraph { text } if text.contains("false papers")))
        .expect("the older brochure's rule on false papers is on the page");
    assert!(
        matches!(&page.blocks[at + 1], Block::Notice { text, .. } if text.contains("older document")),
        "{:?}",
        page.blocks[at + 1]
    );
}

#[test]
fn the_pages_lead_to_the_support_centre_for_crime_victims_and_to_noas() {
    let actions: Vec<String> = every_info_screen()
        .iter()
        .flat_map(|s| {
            action_ids(s)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect();
    for id in ["support-centre.call.0", "noas.call.0", "noas.web.0"] {
        assert!(actions.iter().any(|a| a == id), "{id}");
    }
}

#[test]
fn what_is_kom_is_a_page_of_its_own() {
    let mut app = app_at("en", AT);
    let start = open(&mut app, "info");
    assert!(links(&start).contains(&"info/kom"));
    let page = open(&mut app, "info/kom");
    assert_eq!(page.title, "What is KOM?");
    assert!(mentions(&page, &["does not handle individual cases"]));
    // Someone who needs help is led to ROSA first, since KOM does not take cases.
    assert_eq!(action_ids(&page).first(), Some(&"rosa.call.0"));
}

#[test]
fn is_this_happening_to_me_names_the_common_signs_at_work() {
    let mut app = app_at("en", AT);
    let page = open(&mut app, "info/signs");
    assert!(mentions(&page, &["passport"]));
    assert!(mentions(&page, &["debt"]));
    assert!(mentions(&page, &["pay"]));
    assert!(links(&page).contains(&"info/work"));
}

#[test]
fn rosa_is_never_promised_to_arrange_a_safe_place_to_stay() {
    // Guide 2024, Part 6: ROSA assesses whether a safe place can be offered.
    for screen in every_info_screen() {
        for t in texts(&screen) {
            let lower = t.to_lowercase();
            if (lower.contains("rosa") || lower.starts_with("they")) && lower.contains("safe place")
            {
                assert!(lower.contains("whether"), "{}: {t}", screen.id);
            }
        }
    }
}

#[test]
fn the_pages_on_keeping_this_private_are_marked_as_the_apps_own_advice() {
    // The phone's page, and the browser's page shown in its place on the web.
    for (id, platform, words) in [
        ("safety", Platform::Android, "from this app itself"),
        ("safety-web", Platform::Web, "from this site itself"),
    ] {
        let page = info_page(id);
        let docs: Vec<&str> = page["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .map(|s| s["doc"].as_str().expect("doc"))
            .collect();
        assert_eq!(
            docs,
            ["app"],
            "{id}: no source document says what this page says"
        );
        let mut app = built("en", |pack, locales| App::new(pack, locales, platform));
        app.set_clock(Clock::Fixed(parse_instant(AT).expect("instant")));
        let screen = open(&mut app, "info/safety");
        assert!(mentions(&screen, &[words]), "{id}: {:?}", texts(&screen));
    }
}

#[test]
fn the_contacts_screen_says_chat_and_e_mail_need_a_connection() {
    for (locale, words) in [("en", ["chat", "e-mail"]), ("nb", ["chat", "e-post"])] {
        let mut app = app_at(locale, AT);
        let screen = open(&mut app, "contacts");
        assert!(mentions(&screen, &words), "{locale}: {:?}", texts(&screen));
    }
}

#[test]
fn a_sign_of_aggravated_trafficking_is_a_reason_to_consider_the_duty_to_avert_not_proof() {
    // Guide 2024, Part 6: the duty is triggered when you know that the crime will take place,
    // or believe it most likely will; the signs of § 258 do not trigger it on their own.
    let input = DutiesInput {
        significant_proceeds: true,
        ..DutiesInput::new(Role::Public, MinorAnswer::No)
    };
    let plan = duties(&input);
    let step = plan
        .steps
        .iter()
        .find(|s| {
            s.legal_basis
                .as_deref()
                .is_some_and(|b| b.contains("§ 196"))
        })
        .expect("a step about § 196");
    assert_ne!(step.obligation, Obligation::Duty, "{}", step.id);
    for text in [&step.obligation_label, &step.title, &step.action, &step.why] {
        assert!(!text.contains("You must"), "{}: {text}", step.id);
    }
    assert!(
        step.why.contains("will take place, or most likely will"),
        "{}",
        step.why
    );
    assert!(step.action.contains("advice"), "{}", step.action);
    // The assessment's flag says the same.
    let tk = toolkit("en");
    let a = lykt_core::toolkit::Assessment {
        minor: MinorAnswer::No,
        significant_proceeds: true,
        ..Default::default()
    };
    let flag = tk
        .assess(&a)
        .expect("assesses")
        .flags
        .into_iter()
        .find(|f| f.kind == lykt_core::toolkit::FlagKind::AggravatedSigns)
        .expect("the flag is raised");
    assert!(!flag.text.contains("applies to you"), "{}", flag.text);
    assert!(flag.text.contains("do not by themselves"), "{}", flag.text);
}

#[test]
fn a_child_keeps_the_duty_to_report_to_child_welfare() {
    for minor in [MinorAnswer::Yes, MinorAnswer::Unsure] {
        let plan = duties(&DutiesInput::new(Role::Public, minor));
        let report = plan
            .steps
            .iter()
            .find(|s| s.id == "report-to-child-welfare")
            .expect("the duty to report");
        assert_eq!(report.obligation, Obligation::Duty);
        assert!(
            report
                .legal_basis
                .as_deref()
                .is_some_and(|b| b.contains("§ 13-2 (e)"))
        );
        let avert = plan
            .steps
            .iter()
            .find(|s| s.id == "duty-to-avert")
            .expect("§ 196");
        assert_eq!(avert.obligation, Obligation::Assess);
    }
}

#[test]
fn the_trigger_of_the_duty_to_avert_is_worded_one_way_everywhere() {
    for (locale, marker, wording) in [
        ("en", "most likely", "will take place, or most likely will"),
        (
            "nb",
            "mest sannsynlig",
            "vil skje, eller mest sannsynlig vil skje",
        ),
    ] {
        let mut found = 0;
        for (file, path, text) in content_texts(locale) {
            if text.contains(marker) {
                assert!(text.contains(wording), "{file}{path}: {text}");
                found += 1;
            }
        }
        assert!(
            found >= 4,
            "{locale}: the trigger is stated where the duty is"
        );
    }
}

#[test]
fn reporting_again_rests_on_the_duty_to_avert_not_on_the_duty_to_report() {
    // Guide 2024, Part 6 puts "notify again if there is new or increased concern" under § 196.
    let plan = duties(&DutiesInput::new(Role::Public, MinorAnswer::Yes));
    let step = |id: &str| plan.steps.iter().find(|s| s.id == id).expect("step");
    assert!(
        !step("report-to-child-welfare")
            .action
            .to_lowercase()
            .contains("report again")
    );
    assert!(step("duty-to-avert").action.contains("report again"));
}

#[test]
fn without_consent_the_sharing_route_between_agencies_is_named() {
    // Guide 2024, Part 6: public agencies may share information under the Public
    // Administration Act and their own laws.
    for (consent, id) in [
        (None, "consider-notifying-police"),
        (Some(false), "respect-refusal"),
    ] {
        let input = DutiesInput {
            adult_consents: consent,
            ..DutiesInput::new(Role::Public, MinorAnswer::No)
        };
        let plan = duties(&input);
        let step = plan.steps.iter().find(|s| s.id == id).expect("step");
        assert!(step.why.contains("forvaltningsloven"), "{id}: {}", step.why);
    }
}

#[test]
fn no_text_promises_that_rosa_arranges_a_safe_place_to_stay() {
    // Guide 2024, Part 6: ROSA assesses whether a safe place to stay can be offered.
    for (file, path, text) in content_texts("en") {
        if !text.contains("ROSA") {
            continue;
        }
        for sentence in text.split(". ") {
            let lower = sentence.to_lowercase();
            if lower.contains("safe place") {
                assert!(!lower.contains("arrange"), "{file}{path}: {sentence}");
            }
        }
    }
}

fn selected_option<'a>(s: &'a Screen, question: &str) -> Option<&'a str> {
    s.blocks.iter().find_map(|b| match b {
        Block::Choice { id, options, .. } if id == question => {
            options.iter().find(|o| o.selected).map(|o| o.id.as_str())
        }
        _ => None,
    })
}

fn notices(s: &Screen) -> Vec<&str> {
    s.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Notice { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn toolkit_questions_start_unanswered_and_the_duties_screen_names_them() {
    let mut app = app_at("en", AT);
    let s = open(&mut app, "duties");
    for q in [
        "minor",
        "immediate_danger",
        "health_emergency",
        "severe_violence",
        "significant_proceeds",
    ] {
        assert_eq!(selected_option(&s, q), None, "{q} starts unanswered");
    }
    let s = support::choose(&mut app, "role", "public").expect("role");
    let open_questions = |s: &Screen| {
        notices(s)
            .into_iter()
            .find(|n| n.starts_with("Not answered yet"))
            .map(str::to_owned)
    };
    let listed = open_questions(&s).expect("the unanswered questions are named");
    assert!(listed.contains("Is the person under 18?"), "{listed}");
    assert!(listed.contains("severe violence or force"), "{listed}");
    let s = support::choose(&mut app, "minor", "no").expect("adult");
    assert_eq!(selected_option(&s, "minor"), Some("no"));
    assert_eq!(
        selected_option(&s, "consent"),
        None,
        "consent starts unanswered"
    );
    let listed = open_questions(&s).expect("still some open");
    assert!(!listed.contains("Is the person under 18?"), "{listed}");
    assert!(listed.contains("Does the person want help?"), "{listed}");
    for b in &s.blocks {
        if let Block::Paragraph { text } = b {
            assert!(!text.contains("Nothing you have answered"), "{text}");
        }
    }
    let mut s = s;
    for (q, a) in [
        ("immediate_danger", "no"),
        ("health_emergency", "no"),
        ("severe_violence", "no"),
        ("significant_proceeds", "no"),
        ("consent", "not-asked"),
    ] {
        s = support::choose(&mut app, q, a).expect("answer");
        assert_eq!(selected_option(&s, q), Some(a));
    }
    assert_eq!(open_questions(&s), None, "everything is answered");
}

#[test]
fn without_an_answer_about_residence_every_right_is_listed() {
    let tk = toolkit("en");
    let listed: Vec<String> = tk
        .rights(lykt_core::toolkit::RightsProfile::default())
        .rights
        .into_iter()
        .map(|r| r.id)
        .collect();
    for id in ["reflection-period", "limited-residence-permit", "asylum"] {
        assert!(listed.iter().any(|r| r == id), "{id} in {listed:?}");
    }
    let mut app = app_at("en", AT);
    let s = open(&mut app, "rights");
    assert_eq!(selected_option(&s, "residence"), None);
    assert!(
        support::items(&s)
            .iter()
            .any(|(id, _)| *id == "reflection-period")
    );
    assert!(
        notices(&s)
            .iter()
            .any(|n| n.contains("Does the person have a residence permit"))
    );
}

/// Every right listed for a child and for an adult, both without a residence permit.
fn all_rights() -> Vec<lykt_core::toolkit::rights::RightView> {
    let tk = toolkit("en");
    [true, false]
        .into_iter()
        .flat_map(|minor| {
            tk.rights(lykt_core::toolkit::RightsProfile {
                minor,
                no_residence_permit: true,
            })
            .rights
        })
        .collect()
}

fn right(id: &str) -> lykt_core::toolkit::rights::RightView {
    all_rights()
        .into_iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("right {id}"))
}

/// The detail of `r` that mentions `words`.
fn detail<'a>(
    r: &'a lykt_core::toolkit::rights::RightView,
    words: &str,
) -> &'a lykt_core::toolkit::rights::DetailView {
    r.details
        .iter()
        .find(|d| d.text.contains(words))
        .unwrap_or_else(|| panic!("{}: no detail on {words}", r.id))
}

#[test]
fn declining_help_without_residence_is_not_said_to_force_a_person_out() {
    // Guide 2024, Part 3 and Part 5 win over the older brochure's "must leave the country".
    let r = right("adult-choice");
    for d in &r.details {
        assert!(!d.text.contains("must leave"), "{}", d.text);
    }
    assert!(r.details.iter().any(|d| {
        !d.older
            && d.text
                .contains("should not have to leave Norway until the identification is completed")
    }));
}

#[test]
fn the_reflection_period_names_the_family_reunification_exception_for_children() {
    let r = right("reflection-period");
    let d = detail(&r, "family reunification");
    assert!(d.text.contains("children under 18"), "{}", d.text);
    assert!(d.older, "the exception comes from the older brochure");
}

#[test]
fn security_measures_follow_a_risk_assessment_and_the_older_promise_is_subordinate() {
    let r = right("security-adult");
    assert!(r.summary.contains("security measures"), "{}", r.summary);
    for d in &r.details {
        if d.text.contains("police protection") {
            assert!(d.older && d.text.contains("older brochure"), "{}", d.text);
        }
    }
}

#[test]
fn older_only_legal_statements_stay_marked_and_say_the_rule_may_have_changed() {
    let markers = [
        "Over 12",
        "over 15",
        "cannot choose whether to accept help",
        "A lawyer is also appointed",
        "12 months",
        "Four conditions",
        "in person",
        "applying for asylum instead",
    ];
    let rights = all_rights();
    for m in markers {
        let found: Vec<_> = rights
            .iter()
            .flat_map(|r| &r.details)
            .filter(|d| d.text.contains(m))
            .collect();
        assert!(!found.is_empty(), "{m}");
        assert!(found.iter().all(|d| d.older), "{m} is marked older");
    }
    let voice = right("minor-voice");
    assert!(voice.title.contains("older"), "{}", voice.title);
    assert!(
        voice.summary.contains("may have changed"),
        "{}",
        voice.summary
    );
    let mut app = app_at("en", AT);
    let s = open(&mut app, "rights/limited-residence-permit");
    assert!(
        texts(&s)
            .iter()
            .any(|t| t.contains("12 months") && t.contains("the rule may have changed")),
        "{:?}",
        texts(&s)
    );
}

const NIGHT: &str = "2026-11-24T21:30:00Z";

fn minors(locale: &str) -> lykt_core::minors::MinorsFlow {
    built(locale, lykt_core::minors::MinorsFlow::new)
}

#[test]
fn child_welfare_staff_answer_as_child_welfare_and_are_not_told_to_report_to_themselves() {
    let walk = minors("en")
        .walk(
            &["no", "no", "under-18", "alone", "no", "child-welfare"],
            parse_instant(NIGHT).expect("instant"),
        )
        .expect("a valid walk");
    assert!(walk.finished);
    let ids: Vec<&str> = walk.actions.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        walk.end_card.as_deref(),
        Some("child-welfare-acts"),
        "{ids:?}"
    );
    for not_for_them in ["duty-to-report", "contact-child-welfare", "report-again"] {
        assert!(!ids.contains(&not_for_them), "{not_for_them} in {ids:?}");
    }
    let end = walk.actions.last().expect("end card");
    let all = end.do_now.join(" ");
    for what in ["emergency placement", "risk", "representative or guardian"] {
        assert!(all.contains(what), "{what}: {all}");
    }
    assert!(end.legal_basis.iter().any(|b| b.contains("4-5")));
    assert!(end.links.iter().any(|l| l.target == "placement"));
}

#[test]
fn no_card_forbids_investigating_and_reporters_learn_they_need_not() {
    let flow = minors("en");
    let at = parse_instant(AT).expect("instant");
    let pack = ContentPack::embedded().expect("valid pack");
    for card in &pack.minors.flow.cards {
        let view = flow.card(&card.id, at).expect("card");
        for d in &view.do_not {
            assert!(!d.contains("investigate"), "{}: {d}", card.id);
        }
    }
    let report = flow.card("duty-to-report", at).expect("card");
    assert!(
        report
            .do_now
            .iter()
            .any(|t| t.contains("not responsible for investigating")),
        "{:?}",
        report.do_now
    );
}

#[test]
fn every_question_offers_the_calls_that_can_be_made_now_below_its_options() {
    for at in [AT, NIGHT] {
        let mut app = app_at("en", at);
        let mut screen = open(&mut app, "minors");
        for answer in ["no", "no", "under-18", "alone", "no"] {
            let choice = screen
                .blocks
                .iter()
                .position(|b| matches!(b, Block::Choice { .. }))
                .expect("a question");
            let first_action = screen
                .blocks
                .iter()
                .position(|b| matches!(b, Block::Action { .. }))
                .expect("a call on every question");
            assert!(choice < first_action, "the options keep their numbers");
            let calls: Vec<(&str, &str)> = screen
                .actions()
                .map(|a| (a.uri.as_str(), a.label.as_str()))
                .collect();
            assert_eq!(
                calls,
                [
                    (
                        "tel:116111",
                        "Alarmtelefonen for children and young people: Call 116 111"
                    ),
                    ("tel:02800", "Police (not urgent): Call 02800")
                ],
                "{at}"
            );
            let question = support::question(&screen).expect("question").to_owned();
            screen = support::choose(&mut app, &question, answer).expect("answer");
        }
    }
}

#[test]
fn every_action_on_a_card_names_whom_it_reaches_and_comes_once() {
    let pack = ContentPack::embedded().expect("valid pack");
    for at in [AT, NIGHT] {
        let mut app = app_at("en", at);
        for card in &pack.minors.flow.cards {
            let screen = open(&mut app, &format!("minors/{}", card.id));
            let mut uris = std::collections::HashSet::new();
            for a in screen.actions() {
                assert!(uris.insert(a.uri.clone()), "{}: {} twice", card.id, a.uri);
                let named = card.contacts.iter().any(|c| {
                    pack.contact(&c.id).is_some_and(|x| {
                        a.label
                            .starts_with(&format!("{}: ", x.name.in_locale("en").unwrap_or("")))
                    })
                });
                assert!(named, "{}: {}", card.id, a.label);
            }
        }
    }
}

#[test]
fn at_night_the_first_contact_on_every_card_can_be_called() {
    let flow = minors("en");
    let pack = ContentPack::embedded().expect("valid pack");
    for instant in [NIGHT, "2026-05-17T08:00:00Z", "2026-12-26T12:00:00Z"] {
        for card in &pack.minors.flow.cards {
            let view = flow
                .card(&card.id, parse_instant(instant).expect("instant"))
                .expect("card");
            let first = &view.contacts[0];
            assert!(first.callable_now(), "{instant} {}: {}", card.id, first.id);
        }
    }
}

#[test]
fn the_placement_checklist_covers_a_child_who_disappears_and_the_two_rules() {
    let pack = ContentPack::embedded().expect("valid pack");
    let item = |id: &str| {
        pack.minors
            .placement
            .iter()
            .find(|i| i.id == id)
            .unwrap_or_else(|| panic!("item {id}"))
    };
    let en = |t: &lykt_core::text::Text| t.in_locale("en").unwrap_or("").to_owned();
    let gone = en(&item("disappearance").detail);
    assert!(
        gone.contains("facilitator") && gone.contains("adults around"),
        "{gone}"
    );
    let alone = en(&item("not-alone").detail);
    assert!(
        alone.contains("alone") && alone.contains("taken over"),
        "{alone}"
    );
    let tell = en(&item("no-telling-adults").detail);
    assert!(
        tell.contains("until the police or child welfare have cleared it"),
        "{tell}"
    );
    let decision = en(&item("emergency-decision").detail);
    assert!(
        decision.contains("and the prosecuting authority"),
        "{decision}"
    );
}

#[test]
fn a_doubtful_age_rests_on_the_guide_and_office_hours_are_the_apps_assumption() {
    let pack = ContentPack::embedded().expect("valid pack");
    let card = pack.minors.flow.card("treat-as-child").expect("card");
    assert!(card.sources.iter().all(|s| s.doc != "action-plan-2011"));
    assert!(card.legal_basis.iter().all(|b| {
        !b.in_locale("en")
            .unwrap_or("")
            .contains("Council of Europe")
    }));
    let assumption = &pack.minors.office_hours_assumption;
    assert!(assumption.sources.iter().all(|s| s.doc == "app"));
}

fn contact_book(locale: &str) -> lykt_core::contacts::ContactBook {
    built(locale, lykt_core::contacts::ContactBook::new)
}

/// UDI (weekday hours 10:00-15:00) in `locale` at `at`.
fn udi(locale: &str, at: &str) -> lykt_core::contacts::ContactView {
    contact_book(locale)
        .contact("udi", parse_instant(at).expect("instant"))
        .expect("udi")
}

#[test]
fn an_office_is_not_shown_open_on_a_public_holiday() {
    use lykt_core::contacts::OpenState;
    // 25 December 2026, 11:00 in Oslo.
    let udi = udi("en", "2026-12-25T10:00:00Z");
    assert_eq!(udi.status, OpenState::Holiday);
    assert!(
        udi.status_text.contains("Christmas Day"),
        "{}",
        udi.status_text
    );
    assert!(
        udi.status_text.contains("may be closed"),
        "{}",
        udi.status_text
    );
    assert!(
        udi.status_text.contains("Monday–Friday 10:00–15:00"),
        "the usual hours: {}",
        udi.status_text
    );
    let json = serde_json::to_value(&udi).expect("serialisable");
    assert_eq!(json["status"], "holiday");
    // On an ordinary day the four statuses keep their meaning.
    let ordinary = self::udi("en", "2026-12-23T10:00:00Z");
    assert_eq!(ordinary.status, OpenState::Open);
}

#[test]
fn the_next_opening_skips_public_holidays_and_says_so() {
    use lykt_core::contacts::OpenState;
    // Christmas Eve 2026 is a Thursday; 25 and 26 December are public holidays.
    let at = "2026-12-24T20:00:00Z";
    let nb = udi("nb", at);
    let udi = udi("en", at);
    assert_eq!(udi.status, OpenState::Closed);
    assert_eq!(
        udi.next_open,
        Some(
            parse_instant("2026-12-28T09:00:00Z")
                .expect("instant")
                .timestamp()
        ),
        "Monday 28 December, 10:00 in Oslo"
    );
    assert_eq!(
        udi.status_text,
        "Closed now. Opens Monday 10:00 (not on public holidays)"
    );
    assert_eq!(
        nb.status_text,
        "Stengt nå. Åpner mandag kl. 10:00 (ikke på helligdager)"
    );
}

#[test]
fn the_holiday_caution_names_the_always_open_services_in_the_users_language() {
    let at = parse_instant("2027-05-17T09:00:00Z").expect("instant");
    let listing = contact_book("nb").list(Some(lykt_core::contacts::Audience::Minors), at);
    let notice = listing.holiday_notice.expect("17 May is a public holiday");
    assert!(
        notice.contains("Alarmtelefonen for barn og unge"),
        "{notice}"
    );
    for id in &listing.always_open_alternatives {
        if id.contains('-') {
            assert!(!notice.contains(id.as_str()), "{id} in {notice}");
        }
    }
    let mut app = app_at("nb", "2027-05-17T09:00:00Z");
    let screen = open(&mut app, "contacts/minors");
    assert!(notices(&screen).contains(&notice.as_str()));
    let labels: Vec<&str> = screen.actions().map(|a| a.label.as_str()).collect();
    assert!(
        labels.contains(&"Alarmtelefonen for barn og unge: Ring 116 111"),
        "{labels:?}"
    );
}

#[test]
fn health_workers_learn_of_the_health_directorates_guide_and_of_referral_beyond_victims() {
    let health = right("healthcare");
    let guide = detail(&health, "Directorate of Health");
    assert!(guide.text.contains("no web address"), "{}", guide.text);
    assert!(
        health
            .details
            .iter()
            .any(|d| d.text.contains("not to be a victim") && d.text.contains("refer them"))
    );
    let topic = toolkit("en").learn_topic("identification").expect("topic");
    let nrm = topic
        .sections
        .iter()
        .find(|s| {
            s.paragraphs
                .iter()
                .any(|p| p.contains("national referral mechanism"))
        })
        .expect("no formal referral mechanism");
    assert!(nrm.older, "it comes from the older overview");
    assert!(topic.sections.iter().any(|s| {
        s.paragraphs
            .iter()
            .any(|p| p.contains("refer them to other services"))
    }));
}

#[test]
fn the_conversation_asks_about_control_over_the_passport() {
    let found = content_texts("en")
        .into_iter()
        .any(|(_, _, t)| t.contains("keep control of your passport"));
    assert!(found);
    for (file, path, text) in content_texts("en") {
        assert!(
            !text.contains("Did you have your own passport"),
            "{file}{path}"
        );
    }
}

#[test]
fn norwegian_says_bor_where_the_english_and_the_source_say_should() {
    for (file, path, text) in content_texts("nb") {
        for old in [
            "Personen skal få vite",
            "Barna skal ikke overlates",
            "hvem som skal være med",
            "skal ikke måtte forlate Norge",
        ] {
            assert!(!text.contains(old), "{file}{path}: {text}");
        }
    }
}

#[test]
fn validation_still_rejects_a_citation_to_a_part_that_does_not_exist() {
    use lykt_core::content::check::IssueKind;
    let files = support::files_with("minors.json", |v| {
        v["office_hours_assumption"]["sources"] = serde_json::json!([{"doc": "app", "part": "p9"}]);
    });
    let found = support::issues(&files);
    assert!(
        found
            .iter()
            .any(|(file, item, _, kind)| file == "minors.json"
                && item == "office_hours_assumption"
                && matches!(kind, IssueKind::DanglingReference { target, .. } if target == "p9")),
        "{found:?}"
    );
}
