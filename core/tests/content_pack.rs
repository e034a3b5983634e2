//! The embedded pack loads, and validation names the file, item and field of each problem.

mod support;
use support::{files_with, issues};

use std::collections::BTreeMap;

use lykt_core::content::check::IssueKind;
use lykt_core::content::{ContentPack, EMBEDDED};

#[test]
fn embedded_pack_is_valid() {
    let pack = ContentPack::embedded().unwrap_or_else(|e| panic!("embedded pack invalid: {e:#?}"));
    assert_eq!(pack.meta.schema_version, 1);
    assert_eq!(pack.meta.locales[0].id, "en");
    assert!(pack.meta.locales.iter().any(|l| l.id == "nb"));
}

#[test]
fn duplicate_contact_id_is_named() {
    let files = files_with("contacts.json", |v| {
        let first = v["contacts"][0].clone();
        v["contacts"].as_array_mut().expect("array").push(first);
    });
    let found = issues(&files);
    assert!(
        found
            .iter()
            .any(|(file, item, field, kind)| file == "contacts.json"
                && item == "police-emergency"
                && field == "id"
                && matches!(kind, IssueKind::DuplicateId { .. })),
        "{found:?}"
    );
}

#[test]
fn missing_translation_is_named() {
    let files = files_with("contacts.json", |v| {
        v["contacts"][4]["summary"]
            .as_object_mut()
            .expect("object")
            .remove("nb");
    });
    let found = issues(&files);
    assert_eq!(found.len(), 1, "{found:?}");
    let (file, item, field, kind) = &found[0];
    assert_eq!(
        (file.as_str(), item.as_str(), field.as_str()),
        ("contacts.json", "rosa", "summary")
    );
    assert_eq!(
        kind,
        &IssueKind::MissingTranslation {
            locale: "nb".into()
        }
    );
}

#[test]
fn dangling_source_reference_is_named() {
    let files = files_with("contacts.json", |v| {
        v["contacts"][0]["sources"][0]["part"] = "p99".into();
    });
    let found = issues(&files);
    assert!(
        matches!(found.as_slice(), [(_, item, field, IssueKind::DanglingReference { target, .. })]
        if item == "police-emergency" && field == "sources[0].part" && target == "p99"),
        "{found:?}"
    );
}

#[test]
fn malformed_dial_string_and_url_are_named() {
    let files = files_with("contacts.json", |v| {
        v["contacts"][4]["phones"][0]["dial"] = "22 33 11 60".into();
        v["contacts"][4]["web"][0]["address"] = "rosanorge.no".into();
        v["contacts"][4]["emails"][0]["address"] = "lls(at)krisesenter.com".into();
    });
    let found = issues(&files);
    let fields: BTreeMap<&str, &IssueKind> =
        found.iter().map(|(_, _, f, k)| (f.as_str(), k)).collect();
    assert!(
        matches!(
            fields.get("phones[0].dial"),
            Some(IssueKind::MalformedDial { .. })
        ),
        "{found:?}"
    );
    assert!(
        matches!(
            fields.get("web[0].address"),
            Some(IssueKind::MalformedUrl { .. })
        ),
        "{found:?}"
    );
    assert!(
        matches!(
            fields.get("emails[0].address"),
            Some(IssueKind::MalformedEmail { .. })
        ),
        "{found:?}"
    );
}

#[test]
fn unknown_schema_version_is_refused_before_anything_else() {
    let files = files_with("pack.json", |v| v["schema_version"] = 7.into());
    let found = issues(&files);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].3,
        IssueKind::UnknownSchemaVersion {
            found: 7,
            supported: 1
        }
    );
}

#[test]
fn missing_file_and_broken_json_are_reported() {
    let mut files = files_with("ui.json", |_| {});
    files.retain(|(n, _)| n != "contacts.json");
    files
        .iter_mut()
        .filter(|(n, _)| n == "ui.json")
        .for_each(|(_, t)| t.push('}'));
    let found = issues(&files);
    assert!(
        found
            .iter()
            .any(|(f, _, _, k)| f == "contacts.json" && *k == IssueKind::MissingFile),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(f, _, _, k)| f == "ui.json" && matches!(k, IssueKind::Parse { .. })),
        "{found:?}"
    );
}

#[test]
fn unused_and_missing_ui_strings_are_reported() {
    let files = files_with("ui.json", |v| {
        let o = v.as_object_mut().expect("object");
        o.remove("contacts.title");
        o.insert(
            "nobody.uses.this".into(),
            serde_json::json!({"en": "x", "nb": "y"}),
        );
    });
    let found = issues(&files);
    let items: Vec<&str> = found.iter().map(|(_, item, _, _)| item.as_str()).collect();
    assert!(
        items.contains(&"contacts.title") && items.contains(&"nobody.uses.this"),
        "{found:?}"
    );
}

/// The seed documents kept beside the project, without whitespace, when present.
fn source_corpus() -> Option<String> {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let entries = std::fs::read_dir(&seeds).ok()?;
    Some(
        entries
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect::<String>()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect(),
    )
}

#[test]
fn every_number_in_the_pack_appears_in_a_source_document() {
    // Guards against a typo or an invented number: each dial string's digits must occur
    // (ignoring spaces) in the seed documents kept beside the project, when present.
    let Some(corpus) = source_corpus() else {
        return;
    };
    let pack = ContentPack::embedded().expect("valid pack");
    for c in &pack.contacts {
        for p in c.phones.iter().chain(&c.sms) {
            let digits = p.dial.strip_prefix("+47").unwrap_or(&p.dial);
            assert!(
                corpus.contains(digits),
                "{}: {} is in no source document",
                c.id,
                p.dial
            );
        }
    }
}

#[test]
fn every_address_in_the_pack_appears_in_a_source_document() {
    let Some(corpus) = source_corpus() else {
        return;
    };
    let corpus = corpus.to_lowercase();
    let pack = ContentPack::embedded().expect("valid pack");
    for c in &pack.contacts {
        for link in c.web.iter().chain(&c.chat).chain(&c.emails) {
            let bare = link
                .address
                .trim_start_matches("https://")
                .trim_end_matches('/')
                .to_lowercase();
            let without_www = bare.trim_start_matches("www.");
            assert!(
                corpus.contains(without_www),
                "{}: {} is in no source document",
                c.id,
                link.address
            );
        }
    }
}

#[test]
fn the_embedded_pack_holds_exactly_the_pack_files_minified() {
    let names: Vec<&str> = EMBEDDED.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, lykt_core::content::FILES);
    for (name, text) in EMBEDDED {
        let source = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("content")
                .join(name),
        )
        .expect("source file");
        let a: serde_json::Value = serde_json::from_str(text).expect("embedded JSON");
        let b: serde_json::Value = serde_json::from_str(&source).expect("source JSON");
        assert_eq!(a, b, "{name} changed in minifying");
        assert!(text.len() < source.len(), "{name} is not smaller");
    }
}

#[test]
fn citations_are_written_wholly_in_the_reader_s_language() {
    let pack = ContentPack::embedded().expect("valid pack");
    let refs = [lykt_core::content::source::SourceRef {
        doc: "brochure-older".into(),
        part: "under-18".into(),
    }];
    let cite = |locale: &str| {
        let locales = pack.locales(&[locale]).expect("locale");
        lykt_core::content::source::cite(&pack.meta.sources, &refs, &locales)
            .pop()
            .expect("resolves")
            .text
    };
    assert!(cite("en").contains("(older, undated)"), "{}", cite("en"));
    let nb = cite("nb");
    assert!(nb.contains("(eldre, udatert)"), "{nb}");
    assert!(!nb.contains("older"), "{nb}");
}
