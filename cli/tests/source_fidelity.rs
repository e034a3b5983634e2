//! One-shot commands give what the sources support when an answer is missing.

mod support;
use support::json;

fn right_ids(args: &[&str]) -> Vec<String> {
    json(args)["rights"]
        .as_array()
        .expect("rights")
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_owned())
        .collect()
}

#[test]
fn rights_without_an_answer_about_residence_list_every_right() {
    let unknown = right_ids(&["rights", "--json"]);
    assert!(
        unknown.iter().any(|r| r == "reflection-period"),
        "{unknown:?}"
    );
    assert_eq!(
        unknown,
        right_ids(&["rights", "--no-residence-permit", "--json"])
    );
    let with_permit = right_ids(&["rights", "--residence-permit", "--json"]);
    assert!(!with_permit.iter().any(|r| r == "reflection-period"));
    assert!(with_permit.iter().any(|r| r == "legal-aid"));
}

#[test]
fn the_terminal_prints_the_holiday_caution_the_app_shows_with_names_not_ids() {
    let at = "--at=2027-05-17T09:00:00Z";
    let listing = json(&["contacts", "--audience", "minors", "--json", at]);
    let notice = listing["holiday_notice"]
        .as_str()
        .expect("a public holiday");
    let text = support::stdout(&support::lykt(
        &["contacts", "--audience", "minors", at],
        "",
    ));
    let joined: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(joined.contains(notice), "{text}");
    for id in ["police-emergency", "medical-emergency"] {
        assert!(!text.contains(id), "{id} in {text}");
    }
}
