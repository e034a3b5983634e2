//! The content says what the sources say, no more: corrections found by reading the content
//! line by line against KOM's guide and brochure (2024) and the older documents.

mod support;
use support::{app_at, links, open};

use lykt_core::app::{Block, Screen};
use lykt_core::content::EMBEDDED;
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
fn the_phone_safety_page_is_marked_as_the_apps_own_advice() {
    let page = info_page("safety");
    let docs: Vec<&str> = page["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["doc"].as_str().expect("doc"))
        .collect();
    assert_eq!(docs, ["app"], "no source document says what this page says");
    let mut app = app_at("en", AT);
    let screen = open(&mut app, "info/safety");
    assert!(mentions(&screen, &["from this app itself"]));
}

#[test]
fn the_contacts_screen_says_chat_and_e_mail_need_a_connection() {
    for (locale, words) in [("en", ["chat", "e-mail"]), ("nb", ["chat", "e-post"])] {
        let mut app = app_at(locale, AT);
        let screen = open(&mut app, "contacts");
        assert!(mentions(&screen, &words), "{locale}: {:?}", texts(&screen));
    }
}
