//! Saved work from plain `lykt` alone, as a person at the terminal uses it: a checklist saved
//! under a case label, the vault locked when the process ends, a wrong PIN, the right one, the
//! checklist continued where it was left, and everything wiped after the countdown.

mod support;
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use support::{lykt, stdout};

/// One session of `lykt --data-dir DIR`, typed line by line.
fn session(dir: &str, lines: &str) -> String {
    stdout(&lykt(&["--lang", "en", "--data-dir", dir], lines))
}

#[test]
fn the_terminal_saves_locks_unlocks_reopens_and_wipes() {
    let dir = std::env::temp_dir().join(format!("lykt-saved-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().expect("utf-8 path");

    // Tools, the placement checklist, its first item done, Save: a PIN twice, then a label.
    let out = session(
        d,
        "1\n7\n1\n3\n14\n482916\n482916\ncase 7 night shift\nb\n9\n",
    );
    assert!(out.contains("Saved as “case 7 night shift”"), "{out}");
    assert!(
        out.contains("[1] case 7 night shift — Emergency placement checklist"),
        "{out}"
    );

    // A new process finds the vault locked: a wrong PIN is refused, the right one opens it.
    let out = session(d, "1\n9\n000000\n482916\n1\n1\n");
    assert!(out.contains("!! The PIN is wrong."), "{out}");
    let continued = out
        .rsplit("Emergency placement checklist\n=====")
        .next()
        .expect("the checklist again");
    assert!(continued.contains("1 of 13 done"), "{continued}");
    assert!(
        continued.contains("[1] [Done] Emergency decision"),
        "{continued}"
    );

    // Wipe everything: the countdown is shown counting down, then the vault's files are gone.
    let out = until_wiped(d, "1\n9\n482916\n4\n1\n");
    assert!(out.contains("Wiping everything in 5 seconds"), "{out}");
    assert!(
        (1..5).any(|s| out.contains(&format!("Wiping everything in {s} seconds"))),
        "the countdown was not drawn again as it ran: {out}"
    );
    assert!(out.contains("Everything saved has been wiped."), "{out}");
    let left: Vec<_> = std::fs::read_dir(dir.join("vault"))
        .expect("the vault folder")
        .collect();
    assert!(left.is_empty(), "files left after the wipe: {left:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Types `lines` and keeps the input open, so the countdown's ticks run, until the wipe is
/// reported (or 60 s have passed); returns everything shown.
fn until_wiped(dir: &str, lines: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lykt"))
        .args(["--lang", "en", "--data-dir", dir])
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("lykt runs");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(lines.as_bytes()).expect("write");
    let mut output = child.stdout.take().expect("stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n @ 1..) = output.read(&mut buf) {
            if tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    while Instant::now() < deadline && !String::from_utf8_lossy(&seen).contains("has been wiped") {
        if let Ok(chunk) = rx.recv_timeout(Duration::from_millis(200)) {
            seen.extend(chunk);
        }
    }
    drop(input);
    child.wait().expect("lykt finishes");
    seen.extend(rx.try_iter().flatten());
    String::from_utf8_lossy(&seen).into_owned()
}
