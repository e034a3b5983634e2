//! The vault and content packs from the terminal, against someone who holds the files or the
//! clock: `--at` is ignored, folders without a vault are refused, text is printed without control
//! characters, errors are the app's own words, and oversized or doctored packs are refused.

mod support;
use std::path::{Path, PathBuf};

use support::{lykt, stdout};

const PIN: &str = "482916\n";

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lykt-vt-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn vault(dir: &Path, args: &[&str], input: &str) -> std::process::Output {
    lykt(&[&["vault", "--dir", p(dir)][..], args].concat(), input)
}

#[test]
fn vault_commands_ignore_the_global_time() {
    let dir = temp("at");
    assert!(vault(&dir, &["init"], PIN).status.success());
    // `--at` far ahead cannot delete anything without the PIN.
    let o = vault(&dir, &["add-note", "case 1"], "482916\nkept\n");
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lykt(
        &[
            "--at",
            "2099-01-01T00:00:00Z",
            "vault",
            "--dir",
            p(&dir),
            "lock",
        ],
        "",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&vault(&dir, &["list"], PIN)).contains("case 1"));
    // An hour later each time, by `--at`: the waits still apply.
    let answers: Vec<String> = (0..6)
        .map(|hour| {
            let at = format!("2030-01-01T{hour:02}:00:00Z");
            stderr(&lykt(
                &["--at", &at, "vault", "--dir", p(&dir), "unlock"],
                "000111\n",
            ))
        })
        .collect();
    assert!(
        answers[..3].iter().all(|a| a == "lykt: the PIN is wrong\n"),
        "{answers:?}"
    );
    assert!(
        answers[3..].iter().all(|a| a.contains("try again in")),
        "--at moved the clock for the vault: {answers:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_folder_without_a_vault_is_refused_and_nothing_else_is_touched() {
    let dir = temp("novault");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::write(dir.join("thesis.txt"), "my own file").expect("write");
    for args in [&["wipe", "--yes"][..], &["list"], &["lock"], &["unlock"]] {
        let o = vault(&dir, args, PIN);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert_eq!(
            stderr(&o),
            "lykt: no vault has been set up on this device\n",
            "{args:?}"
        );
    }
    assert!(
        dir.join("thesis.txt").exists(),
        "wipe deleted a file that is not the vault's"
    );
    // With a vault there, wipe deletes the vault's files only.
    assert!(vault(&dir, &["init"], PIN).status.success());
    assert!(vault(&dir, &["wipe", "--yes"], "").status.success());
    let left: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["thesis.txt"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn the_vault_folder_and_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp("modes");
    assert!(vault(&dir, &["init"], PIN).status.success());
    assert!(
        vault(&dir, &["add-note", "c"], "482916\nnote\n")
            .status
            .success()
    );
    let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    for entry in std::fs::read_dir(&dir).expect("dir") {
        let path = entry.expect("entry").path();
        assert_eq!(mode(&path), 0o600, "{}", path.display());
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn weak_pins_are_refused_and_passphrases_accepted() {
    let dir = temp("pins");
    for pin in ["111111", "123456", "987654", "121212", "password"] {
        let o = vault(&dir, &["init"], &format!("{pin}\n"));
        assert_eq!(o.status.code(), Some(2), "{pin}");
        assert!(
            stderr(&o).contains("too easy to guess"),
            "{pin}: {}",
            stderr(&o)
        );
    }
    let long: String = (0..200).map(|i| format!("word {i} ")).collect();
    let o = vault(&dir, &["init"], &format!("{long}\n"));
    assert!(o.status.success(), "{}", stderr(&o));
    let o = vault(&dir, &["unlock"], &format!("{long}\n"));
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn labels_and_arguments_are_printed_without_control_characters() {
    let dir = temp("controls");
    assert!(vault(&dir, &["init"], PIN).status.success());
    let label = "case \u{1b}[2J\u{1b}]0;owned\u{7}7\r";
    let o = vault(
        &dir,
        &["add-note", label],
        "482916\nline one\n\u{1b}[31mline two\n",
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let id = stdout(&o).trim().to_owned();
    let listed = stdout(&vault(&dir, &["list"], PIN));
    assert!(listed.contains("case [2J]0;owned7"), "{listed:?}");
    let shown = stdout(&vault(&dir, &["show", &id], PIN));
    assert!(shown.contains("line one\n[31mline two"), "{shown:?}");
    let o = vault(&dir, &["show", "\u{1b}[2Jnope"], PIN);
    assert_eq!(stderr(&o), "lykt: no saved item has the id \"[2Jnope\"\n");
    for out in [listed, shown, stderr(&o)] {
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn storage_errors_are_the_apps_own_words() {
    let root = temp("errors");
    std::fs::create_dir_all(&root).expect("dir");
    let file = root.join("a-file");
    std::fs::write(&file, "not a folder").expect("write");
    for args in [&["init"][..], &["list"], &["wipe", "--yes"]] {
        let o = vault(&file, args, PIN);
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            !e.contains("os error") && !e.contains("I/O"),
            "{args:?}: {e}"
        );
    }
    // vault.db is a folder.
    let dir = root.join("vault");
    std::fs::create_dir_all(dir.join("vault.db")).expect("dir");
    let e = stderr(&vault(&dir, &["list"], PIN));
    assert!(!e.contains("os error") && !e.contains("I/O"), "{e}");
    std::fs::remove_dir_all(&root).ok();
}

#[test]
fn a_note_summary_is_not_called_de_identified() {
    let dir = temp("summary");
    assert!(vault(&dir, &["init"], PIN).status.success());
    let o = vault(
        &dir,
        &["add-note", "case 2"],
        "482916\nMet Anna at the station.\n",
    );
    let id = stdout(&o).trim().to_owned();
    let summary = stdout(&vault(&dir, &["summary", &id], PIN));
    assert!(!summary.contains("de-identified"), "{summary}");
    assert!(summary.contains("Met Anna at the station."), "{summary}");
    assert!(
        summary.contains("names"),
        "asks to check the text: {summary}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn oversized_packs_are_refused_before_they_are_read() {
    let root = temp("bigpack");
    std::fs::create_dir_all(&root).expect("dir");
    let big = root.join("big.lyktpack");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(64 * 1024 * 1024).expect("sparse file");
    let o = lykt(&["content", "verify", p(&big)], "");
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stdout(&o).contains("too large"), "{}", stdout(&o));
    // A file that never ends is refused too, after the cap.
    let o = lykt(&["content", "verify", "/dev/zero"], "");
    assert!(stdout(&o).contains("too large"), "{}", stdout(&o));
    std::fs::remove_dir_all(&root).ok();
}
