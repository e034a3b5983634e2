//! The feature commands: info, minors, placement, indicators, learn, assess, duties, rights.

mod support;
use support::{json, lykt, stdout};

const NIGHT: &str = "--at=2026-11-24T21:30:00Z";

fn fails_with_one_line(args: &[&str]) -> String {
    let o = lykt(args, "");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(
        err.starts_with("lykt: ") && o.stdout.is_empty(),
        "{args:?}: {err}"
    );
    err
}

#[test]
fn info_json_lists_every_page_with_actions_and_the_quick_exit() {
    let pages = json(&["info", "--json", NIGHT]);
    let pages = pages.as_array().expect("pages");
    assert!(pages.len() >= 10);
    for p in pages {
        let screen = &p["screen"];
        assert_eq!(screen["mode"], "info");
        assert_eq!(screen["window_title"], "Lykt");
        assert!(screen["quick_exit"]["label"].is_string());
        assert!(p["sources"].as_array().is_some_and(|s| !s.is_empty()));
    }
    let danger = pages
        .iter()
        .find(|p| p["screen"]["id"] == "info/danger")
        .expect("danger page");
    let first_action = danger["screen"]["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .find(|b| b["type"] == "action")
        .expect("action");
    assert_eq!(first_action["action"]["uri"], "tel:112");
}

#[test]
fn leaving_clears_the_screen_then_the_scrollback_and_ends() {
    // Open "Are you in danger now?" then press x; anything after it is never read.
    for (args, input) in [
        (&["info", NIGHT][..], "1\nx\n2\n"),
        (&[NIGHT][..], "x\n"),
        (&[NIGHT][..], "2\nq\n"),
        (&[NIGHT][..], "2\n"),
    ] {
        let o = lykt(args, input);
        let text = stdout(&o);
        assert!(o.status.success(), "{input:?}");
        let (before, after) = text
            .rsplit_once("\x1b[H\x1b[2J\x1b[3J")
            .expect("the screen, then the scrollback, are cleared");
        assert!(before.contains("x = Leave now"), "{input:?}: {before}");
        assert_eq!(after, "", "{input:?}: nothing after the clear");
    }
    let danger = stdout(&lykt(&["info", NIGHT], "1\nx\n2\n"));
    assert!(danger.contains("tel:112") || danger.contains("112"));
    assert_eq!(danger.matches("\x1b[2J").count(), 1, "left at x");
}

#[test]
fn info_in_a_new_language_has_its_notice_a_way_to_english_and_quick_exit() {
    // The Romanian start page, [1] the page in English, back, then x.
    let o = lykt(&["info", "--lang", "ro", NIGHT], "1\nb\nx\nq\n");
    let text = stdout(&o);
    assert!(o.status.success());
    let (before, after) = text
        .rsplit_once("\x1b[H\x1b[2J\x1b[3J")
        .expect("the screen and scrollback are cleared");
    assert!(before.contains("Informații pentru dumneavoastră\n====="));
    assert!(before.contains("Această traducere nu a fost încă verificată de o persoană."));
    assert!(before.contains("[1] Citiți această pagină în engleză — Read this page in English"));
    assert!(before.contains("Information for you\n=====") && before.contains("[1] Română"));
    assert!(before.contains("[x] Ieșiți acum"));
    assert!(
        !after.contains("Informații") && !after.contains("112"),
        "{after}"
    );
}

#[test]
fn arabic_pages_are_laid_out_right_to_left_in_the_terminal() {
    let text = stdout(&lykt(&["info", "--lang", "ar", NIGHT], "q\n"));
    // The keys line after the page names Back in Arabic.
    let page = text.split("\n(b = ").next().expect("page");
    for line in page.lines().filter(|l| !l.trim().is_empty()) {
        assert!(line.starts_with('\u{200F}'), "{line:?}");
    }
    assert!(page.contains("\u{2066}22 33 11 60\u{2069}"), "{page}");
    assert!(page.contains("\u{2066}+47 22 33 11 60\u{2069}"), "{page}");
}

#[test]
fn the_contact_search_narrows_the_list_typed_at_its_prompt() {
    // [2] Contacts, [1] its search field, then the search on the next line.
    let text = stdout(&lykt(&[NIGHT], "2\n1\nrode kors\nq\n"));
    let (list, found) = text
        .split_once("Search contacts> ")
        .expect("the field's prompt");
    assert!(list.contains("ROSA") && list.contains("The Red Cross (Røde Kors)"));
    assert!(found.contains("[1] Search contacts: rode kors"), "{found}");
    assert!(found.contains("Police emergency number") && found.contains("The Red Cross"));
    assert!(!found.contains("ROSA"), "narrowed: {found}");
}

#[test]
fn the_terminals_own_words_are_in_the_persons_language() {
    // Contacts, its search field, a search that finds nothing, a key that does not exist, quit.
    let text = stdout(&lykt(&["--lang", "ar", NIGHT], "2\n1\nzqxv\nzz\nq\n"));
    assert!(
        text.contains("(b = رجوع, x = الخروج الآن, q = إنهاء)"),
        "the footer: {text}"
    );
    assert!(text.contains("ابحث في جهات الاتصال> "), "the field's prompt");
    assert!(
        text.contains("لا توجد جهة اتصال تطابق «zqxv»"),
        "nothing matched"
    );
    assert!(
        text.contains("> اكتب مفتاحًا من القائمة: رقمًا، أو c ثم رقمًا"),
        "the help after a key that does not exist"
    );
    assert!(
        !text.contains("quit") && !text.contains("Type a key"),
        "{text}"
    );
}

#[test]
fn cards_to_show_a_person_in_the_terminal() {
    // Tools, "Show to the person", Română, then the first card's read-aloud button.
    let text = stdout(&lykt(&[NIGHT], "1\n8\n2\n4\nq\n"));
    let cards = text
        .split("\nRomână\n======")
        .nth(1)
        .expect("the Romanian cards");
    assert!(
        cards.contains("Who are you?\n[1] ( ) Health worker"),
        "{cards}"
    );
    assert!(cards.contains("  ▌ Aici sunteți în siguranță."), "{cards}");
    assert!(cards.contains("    Du er trygg her."), "{cards}");
    assert!(cards.contains("[4] Read aloud"), "{cards}");
    assert!(
        cards.contains("(Reading aloud works on the phone.)"),
        "{cards}"
    );
}

#[test]
fn minors_walk_graph_and_errors() {
    let walk = json(&[
        "minors",
        "--answers",
        "yes,no,unsure,parents,no,public,no",
        "--json",
        NIGHT,
    ]);
    assert_eq!(walk["finished"], true);
    let cards: Vec<&str> = walk["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    assert_eq!(cards.first(), Some(&"call-112"), "{cards:?}");
    let text = stdout(&lykt(
        &[
            "minors",
            "--answers",
            "yes,no,unsure,parents,no,public,no",
            "--lang",
            "nb",
            NIGHT,
        ],
        "",
    ));
    assert!(
        text.contains("Ring 112") && text.contains("Ikke gjør dette"),
        "{text}"
    );
    let graph = json(&["minors", "--graph", "--json"]);
    assert!(graph["start"].is_string());
    let step = &graph["steps"][0];
    for key in ["id", "question", "options"] {
        assert!(step.get(key).is_some(), "step lacks {key}");
    }
    for key in ["id", "label", "next"] {
        assert!(step["options"][0].get(key).is_some(), "option lacks {key}");
    }
    for key in ["id", "title", "contacts", "legal_basis", "sources"] {
        assert!(graph["cards"][0].get(key).is_some(), "card lacks {key}");
    }
    let err = fails_with_one_line(&["minors", "--answers", "yes,maybe", NIGHT]);
    assert!(err.contains("\"maybe\" is not an answer"), "{err}");
}

#[test]
fn placement_checklist_with_statuses() {
    let v = json(&["placement", "--set", "emergency-decision=done", "--json"]);
    assert!(v.to_string().contains("emergency-decision"));
    let text = stdout(&lykt(
        &[
            "placement",
            "--set",
            "emergency-decision=done",
            "--lang",
            "nb",
        ],
        "",
    ));
    assert!(text.contains("1 av 13"), "{text}");
    fails_with_one_line(&["placement", "--set", "nope=done"]);
    fails_with_one_line(&["placement", "--set", "emergency-decision=soon"]);
    fails_with_one_line(&["placement", "--set", "no-equals-sign"]);
}

#[test]
fn indicators_have_the_documented_shape() {
    let adults = json(&["indicators", "--minor", "no", "--json"]);
    let all = json(&["indicators", "--minor", "--json"]);
    assert_eq!(
        json(&["indicators", "--json"]),
        all,
        "unsure, the default, offers the minors' extras"
    );
    let (adults, all) = (
        adults.as_array().expect("list"),
        all.as_array().expect("list"),
    );
    assert!(all.len() > adults.len());
    assert!(adults.iter().all(|i| i["minor_only"] == false));
    for i in all {
        for key in ["id", "category", "text", "minor_only", "sector"] {
            assert!(i.get(key).is_some(), "{i} lacks {key}");
        }
        assert!(
            [
                serde_json::Value::Null,
                "prostitution".into(),
                "forced_labour".into()
            ]
            .contains(&i["sector"])
        );
    }
    assert!(!stdout(&lykt(&["learn"], "")).is_empty());
    assert!(
        json(&["learn", "--json"])
            .as_array()
            .is_some_and(|t| !t.is_empty())
    );
}

#[test]
fn assess_duties_rights_and_their_errors() {
    let r = json(&[
        "assess",
        "--observed",
        "be-injuries,lc-documents,ex-debt",
        "--minor",
        "unsure",
        "--json",
        NIGHT,
    ]);
    let flags: Vec<&str> = r["flags"]
        .as_array()
        .expect("flags")
        .iter()
        .filter_map(|f| f["kind"].as_str().or(f["id"].as_str()))
        .collect();
    assert!(!flags.is_empty());
    assert!(
        r.get("summary").is_none(),
        "text comes from the screen only"
    );
    let text = stdout(&lykt(
        &[
            "assess",
            "--observed",
            "be-injuries",
            "--minor",
            "no",
            "--lang",
            "nb",
            NIGHT,
        ],
        "",
    ));
    assert!(text.contains("ingen poengsum"), "{text}");
    let plan = json(&[
        "duties", "--role", "public", "--minor", "unsure", "--danger", "--json", NIGHT,
    ]);
    let steps: Vec<&str> = plan["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["id"].as_str().expect("id"))
        .collect();
    assert_eq!(steps.first(), Some(&"call-police-emergency"));
    assert!(steps.iter().any(|s| s.contains("report")), "{steps:?}");
    let unsure = json(&["duties", "--role", "public", "--json", NIGHT]);
    assert_eq!(
        unsure["input"]["minor"], "unsure",
        "under 18? defaults to unsure"
    );
    let text = stdout(&lykt(&["duties", "--role", "public", NIGHT], ""));
    assert!(text.contains("(x) Not sure: treat as under 18"), "{text}");
    assert!(text.contains("Treat the person as a child"), "{text}");
    let rights = json(&[
        "rights",
        "--minor",
        "--no-residence-permit",
        "--set",
        "legal-aid=informed",
        "--json",
    ]);
    assert_eq!(rights["progress"]["done"], 1);
    for args in [
        &["assess", "--observed", "nope"][..],
        &["assess", "--observed", "be-injuries", "--minor", "perhaps"],
        &["assess", "--observed", "be-m-claims-adult", "--minor", "no"],
        &["assess", "--observed", "be-injuries", "--setting", "moon"],
        &["duties", "--role", "boss"],
        &["duties", "--role", "public", "--minor", "17"],
        &["rights", "--set", "nope=informed"],
        &["rights", "--set", "legal-aid=maybe"],
    ] {
        fails_with_one_line(args);
    }
}

#[test]
fn saving_each_kind_to_the_vault_then_sharing_its_summary() {
    let dir = std::env::temp_dir().join(format!("lykt-cli-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().expect("utf-8");
    assert!(
        lykt(&["vault", "--dir", d, "init"], "482916\n")
            .status
            .success()
    );
    let saves: [(&[&str], &str); 4] = [
        (
            &["assess", "--observed", "be-injuries,ex-debt", NIGHT],
            "not a score",
        ),
        (
            &["rights", "--minor", "--set", "legal-aid=informed"],
            "Free legal aid",
        ),
        (
            &[
                "minors",
                "--answers",
                "yes,no,unsure,parents,no,public,no",
                NIGHT,
            ],
            "112",
        ),
        (
            &["placement", "--set", "emergency-decision=done"],
            "1 of 13",
        ),
    ];
    for (args, expected) in saves {
        let o = lykt(
            &[args, &["--save-to", d, "--label", "case 3"]].concat(),
            "482916\n",
        );
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let id = stdout(&o).trim().to_owned();
        assert_eq!(id.len(), 32, "{args:?}: {id}");
        let summary = stdout(&lykt(&["vault", "--dir", d, "summary", &id], "482916\n"));
        assert!(
            summary.starts_with("Referral summary (de-identified)"),
            "{summary}"
        );
        assert!(summary.contains(expected), "{args:?}: {summary}");
        assert!(!summary.contains("case 3"), "the label stays out");
    }
    assert_eq!(
        stdout(&lykt(&["vault", "--dir", d, "list"], "482916\n"))
            .lines()
            .count(),
        4
    );
    let wrong = lykt(
        &[
            "assess",
            "--observed",
            "be-injuries",
            "--save-to",
            d,
            "--label",
            "x",
        ],
        "000000\n",
    );
    assert_eq!(wrong.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}
