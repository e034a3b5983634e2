//! Several processes at once against one vault: five processes guessing PINs together get no
//! more tries than one process alone.
//!
//! The children are this test binary run again with [`CHILD_ENV`] set; they wait for a line on
//! standard input so that all of them start guessing at the same moment.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use lykt_core::vault::{FREE_FAILURES, Vault, VaultConfig, VaultError};

const CHILD_ENV: &str = "LYKT_GUESS_CHILD_DIR";
const PIN: &str = "482916";
const NOW: i64 = 1_767_225_600;
const PROCESSES: usize = 5;
/// Each process guesses as often as one process alone may without waiting.
const GUESSES_EACH: u32 = FREE_FAILURES;

/// Runs only as a child: waits for the start line, then guesses wrong PINs, printing one word per
/// answer (`wrong`, `wait` or `other`).
#[test]
fn guessing_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut vault = Vault::open(Path::new(&dir), VaultConfig::default(), NOW).expect("open");
    println!("ready");
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).expect("start line");
    // Spin until the start file appears, so that every child starts within microseconds.
    let start = Path::new(&dir).join("start");
    while !start.exists() {
        std::hint::spin_loop();
    }
    for guess in 0..GUESSES_EACH {
        let answer = match vault.unlock(&format!("9{guess:05}"), None, NOW) {
            Err(VaultError::WrongPin { .. }) => "wrong",
            Err(VaultError::TooManyAttempts { .. }) => "wait",
            _ => "other",
        };
        println!("answer {answer}");
    }
}

#[test]
fn five_processes_at_once_get_no_more_tries_than_one() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    // Several rounds: before the count was checked and raised in one transaction, a single
    // round already let twice the tries through; the rounds make a rare interleaving likely.
    for _ in 0..4 {
        one_round();
    }
}

fn one_round() {
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Vault::create(dir.path(), PIN, None, VaultConfig::default(), NOW).expect("create"));
    let exe = std::env::current_exe().expect("test binary");
    let mut children: Vec<_> = (0..PROCESSES)
        .map(|_| {
            let mut child = Command::new(&exe)
                .args([
                    "guessing_child",
                    "--exact",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(CHILD_ENV, dir.path())
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn");
            let mut out = BufReader::new(child.stdout.take().expect("stdout")).lines();
            // libtest may print "test guessing_child ... " on the same line.
            assert!(
                out.by_ref()
                    .map_while(Result::ok)
                    .any(|l| l.ends_with("ready")),
                "the child opened the vault"
            );
            (child, out)
        })
        .collect();
    for (child, _) in &mut children {
        writeln!(child.stdin.as_mut().expect("stdin"), "go").expect("start");
    }
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(dir.path().join("start"), "").expect("start file");
    let mut answers = Vec::new();
    for (mut child, out) in children {
        answers.extend(
            out.map_while(Result::ok)
                .filter_map(|l| l.split_once("answer ").map(|(_, a)| a.to_owned())),
        );
        assert!(child.wait().expect("child ends").success());
    }
    let count = |word: &str| answers.iter().filter(|a| *a == word).count();
    assert_eq!(answers.len(), PROCESSES * GUESSES_EACH as usize);
    assert_eq!(
        (count("wrong"), count("wait"), count("other")),
        (
            GUESSES_EACH as usize,
            (PROCESSES - 1) * GUESSES_EACH as usize,
            0
        ),
        "{answers:?}"
    );
}
