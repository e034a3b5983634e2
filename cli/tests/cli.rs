//! The terminal shell as a user runs it: output, JSON shapes, exit codes, piped sessions.

mod support;
use support::{json, lykt, stdout, write_pack};

#[test]
fn contacts_json_has_the_documented_shape() {
    let v = json(&["contacts", "--json", "--at", "2027-05-17T09:00:00Z"]);
    assert_eq!(v["at"], "2027-05-17T09:00:00Z");
    assert_eq!(v["local_time"], "2027-05-17T11:00:00+02:00");
    assert_eq!(v["public_holiday"]["name"], "17 May (Constitution Day)");
    let contacts = v["contacts"].as_array().expect("contacts");
    let rosa = contacts.iter().find(|c| c["id"] == "rosa").expect("rosa");
    for key in [
        "id",
        "name",
        "audiences",
        "phones",
        "sms",
        "emails",
        "web",
        "hours",
        "status",
        "sources",
    ] {
        assert!(rosa.get(key).is_some(), "missing {key}");
    }
    assert_eq!(
        rosa["phones"][0],
        serde_json::json!({"dial": "22331160", "display": "22 33 11 60", "uri": "tel:22331160", "abroad": false, "note": null, "older_source": false})
    );
    assert_eq!(rosa["status"], "always_open");
    let statuses: Vec<&str> = contacts
        .iter()
        .map(|c| c["status"].as_str().expect("status"))
        .collect();
    // On a public holiday, offices with weekday hours have the fifth status.
    assert!(
        statuses
            .iter()
            .all(|s| ["open", "closed", "always_open", "not_stated", "holiday"].contains(s))
    );
    let udi = contacts.iter().find(|c| c["id"] == "udi").expect("udi");
    assert_eq!(udi["status"], "holiday");
    let ordinary = json(&["contacts", "--json", "--at", "2027-05-18T09:00:00Z"]);
    assert!(ordinary["public_holiday"].is_null());
    assert!(
        ordinary["contacts"]
            .as_array()
            .expect("contacts")
            .iter()
            .all(|c| ["open", "closed", "always_open", "not_stated"]
                .contains(&c["status"].as_str().expect("status")))
    );
}

#[test]
fn contacts_filters_and_search() {
    let v = json(&[
        "contacts",
        "--json",
        "--audience",
        "minors",
        "--search",
        "barnevern",
        "--at",
        "2026-06-01T10:00:00Z",
        "--lang",
        "nb",
    ]);
    let ids: Vec<&str> = v["contacts"]
        .as_array()
        .expect("list")
        .iter()
        .map(|c| c["id"].as_str().expect("id"))
        .collect();
    assert!(
        ids.contains(&"barnevernvakten") && ids.contains(&"alarmtelefonen"),
        "{ids:?}"
    );
    assert!(!ids.contains(&"bufdir-guidance"), "professionals only");
}

/// The screen the app shows at `at` in `locale` after following `targets`.
fn screen_after(locale: &str, at: &str, targets: &[&str]) -> lykt_core::app::Screen {
    let lykt = lykt_core::Lykt::new(&[locale]).expect("entry");
    let mut app = lykt.app(lykt_core::app::Platform::Terminal);
    let at = lykt_core::calendar::parse_instant(at).expect("instant");
    app.set_clock(lykt_core::app::Clock::Fixed(at));
    for t in targets {
        app.dispatch(lykt_core::app::Event::Open {
            target: (*t).to_owned(),
        })
        .expect("opens");
    }
    app.current_screen()
}

#[test]
fn one_shot_output_is_the_screen_the_app_shows() {
    const AT: &str = "2026-03-27T14:30:00Z";
    let text = stdout(&lykt(&["contacts", "--at", AT], ""));
    assert_eq!(
        text,
        lykt_core::app::plain::page(&screen_after("en", AT, &["contacts"]))
    );
    let udi = text
        .lines()
        .find(|l| l.contains("Norwegian Directorate of Immigration"))
        .expect("udi line");
    assert!(udi.contains("Closed now. Opens Monday 10:00"), "{udi}");
    assert!(
        !text.contains("(Oslo)"),
        "words, not the terminal's own marks"
    );
    let one = stdout(&lykt(&["contact", "udi", "--lang", "nb", "--at", AT], ""));
    assert_eq!(
        one,
        lykt_core::app::plain::page(&screen_after("nb", AT, &["contact/udi"]))
    );
    assert!(one.contains("Stengt nå. Åpner mandag kl. 10:00"));
    assert!(one.contains("tel:23351600"));
    let holiday = stdout(&lykt(
        &[
            "contacts",
            "--audience",
            "minors",
            "--at",
            "2027-05-17T09:00:00Z",
        ],
        "",
    ));
    assert!(
        holiday.contains("public holiday") && holiday.contains("tel:116111"),
        "the caution offers the always-open calls, not contact ids: {holiday}"
    );
    assert!(!holiday.contains("alarmtelefonen,"), "{holiday}");
}

#[test]
fn bad_input_is_one_line_on_stderr_and_exit_code_2() {
    for args in [
        &["contact", "nobody"][..],
        &["contacts", "--at", "yesterday"],
        &["contacts", "--lang", "sv"],
        &["contacts", "--audience", "aliens"],
        &["contacts", "--bogus"],
        &["frobnicate"],
        &["content", "check", "/no/such/folder"],
    ] {
        let o = lykt(args, "");
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("lykt: ") && !err.contains("panicked"),
            "{err}"
        );
        assert!(o.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn content_check_reports_every_problem_and_exits_1() {
    assert!(lykt(&["content", "check"], "").status.success());
    let dir = std::env::temp_dir().join(format!("lykt-check-{}", std::process::id()));
    write_pack(&dir);
    assert!(
        lykt(&["content", "check", dir.to_str().expect("utf-8")], "")
            .status
            .success()
    );
    let broken = lykt_core::content::EMBEDDED
        .iter()
        .find(|(n, _)| *n == "contacts.json")
        .expect("contacts")
        .1
        .replacen("\"22331160\"", "\"2233 1160\"", 1)
        .replacen("\"https://rosanorge.no\"", "\"rosanorge.no\"", 1);
    std::fs::write(dir.join("contacts.json"), broken).expect("write");
    let o = lykt(&["content", "check", dir.to_str().expect("utf-8")], "");
    let text = stdout(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text.contains("contacts.json: rosa: phones[0].dial:"),
        "{text}"
    );
    assert!(
        text.contains("contacts.json: rosa: web[0].address:"),
        "{text}"
    );
    assert!(text.contains("2 problems"), "{text}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn interactive_session_works_with_piped_input() {
    // Start screen -> Contacts (its search field is [1]) -> ROSA -> call -> back -> back -> a key not shown -> quit.
    let o = lykt(&["--at", "2026-03-27T14:30:00Z"], "2\n8\nc1\nb\nb\n99\nq\n");
    let text = stdout(&o);
    assert!(o.status.success());
    assert!(text.contains("Contacts\n========"));
    assert!(text.contains("ROSA\n====") && text.contains("Open now (24/7)"));
    assert!(text.contains("[c1] Call 22 33 11 60") && text.contains("→ tel:22331160"));
    assert!(text.contains("Type a key from the list"));
    assert!(
        text.contains("(b = Back, x = Leave now, q = quit)\n"),
        "x leaves from every screen: {text}"
    );
    assert!(
        text.ends_with("> \x1b[H\x1b[2J\x1b[3J"),
        "leaving clears the screen, then the scrollback: {text}"
    );
}

#[test]
fn interactive_session_ends_cleanly_at_end_of_input() {
    let o = lykt(&[], "2\n");
    assert!(o.status.success());
    assert!(o.stderr.is_empty());
}

#[test]
fn content_packs_sign_verify_and_install_as_the_app_would() {
    let root = std::env::temp_dir().join(format!("lykt-packs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let (src, data) = (root.join("src"), root.join("data"));
    write_pack(&src);
    let pack_json = std::fs::read_to_string(src.join("pack.json")).expect("pack.json");
    std::fs::write(
        src.join("pack.json"),
        pack_json.replacen("\"pack_version\": 1", "\"pack_version\": 2", 1),
    )
    .expect("write");
    let key = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/keys/test-signing-key.pk8"
    );
    let pack = root.join("v2.lyktpack");
    let p = |x: &std::path::Path| x.to_str().expect("utf-8").to_owned();
    let o = lykt(
        &[
            "content",
            "sign",
            "--key",
            key,
            "--out",
            &p(&pack),
            &p(&src),
        ],
        "",
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(lykt(&["content", "verify", &p(&pack)], "").status.success());
    let o = lykt(
        &["content", "install", "--data-dir", &p(&data), &p(&pack)],
        "",
    );
    assert!(
        stdout(&o).contains("installed: content pack version 2"),
        "{}",
        stdout(&o)
    );
    let again = lykt(
        &["content", "install", "--data-dir", &p(&data), &p(&pack)],
        "",
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(stdout(&again).contains("version 2 is already in use"));
    // A changed byte: verify fails with the reason and exit code 1.
    let mut bytes = std::fs::read(&pack).expect("read");
    let n = bytes.len() - 10;
    bytes[n] ^= 1;
    let tampered = root.join("tampered.lyktpack");
    std::fs::write(&tampered, bytes).expect("write");
    let o = lykt(&["content", "verify", &p(&tampered)], "");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("signature is not valid"));
    // A missing file is bad input.
    assert_eq!(
        lykt(&["content", "verify", "/no/such.lyktpack"], "")
            .status
            .code(),
        Some(2)
    );
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn vault_commands_read_the_pin_from_stdin_and_never_leak_it() {
    let dir = std::env::temp_dir().join(format!("lykt-cli-vault-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().expect("utf-8");
    let run =
        |args: &[&str], input: &str| lykt(&[&["vault", "--dir", d][..], args].concat(), input);
    let o = run(&["init"], "482916\n");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(stdout(&o).contains("Do not write names"));
    let o = run(
        &["add-note", "case 12"],
        "482916\nSeen at the clinic.\nSecond line.\n",
    );
    let id = stdout(&o).trim().to_owned();
    assert_eq!(id.len(), 32, "{id}");
    let listed = stdout(&run(&["list"], "482916\n"));
    assert!(
        listed.contains(&id) && listed.contains("Note") && listed.contains("case 12"),
        "{listed}"
    );
    let shown = stdout(&run(&["show", &id], "482916\n"));
    assert!(
        shown.contains("Seen at the clinic.\nSecond line."),
        "{shown}"
    );
    let summary = stdout(&run(&["summary", &id, "--lang", "nb"], "482916\n"));
    assert!(
        summary.starts_with("Et notat med dine egne ord") && !summary.contains("case 12"),
        "{summary}"
    );
    // Wrong PIN: one line, exit 2, and the PIN is not echoed anywhere.
    let o = run(&["list"], "000111\n");
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "lykt: the PIN is wrong\n"
    );
    assert!(!stdout(&o).contains("000111"));
    assert!(run(&["lock"], "").status.success());
    assert!(run(&["delete", &id], "482916\n").status.success());
    assert_eq!(run(&["show", &id], "482916\n").status.code(), Some(2));
    // Wipe asks first; anything but "yes" changes nothing.
    assert_eq!(run(&["wipe"], "no\n").status.code(), Some(2));
    assert!(run(&["list"], "482916\n").status.success());
    assert!(run(&["wipe"], "yes\n").status.success());
    let o = run(&["list"], "482916\n");
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "lykt: no vault has been set up on this device\n"
    );
    std::fs::remove_dir_all(&dir).ok();
}
