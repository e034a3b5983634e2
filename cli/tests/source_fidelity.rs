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
