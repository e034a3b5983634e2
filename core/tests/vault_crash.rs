//! Crash consistency: a child process saves and deletes records, announcing
//! each one after the call returns, and is killed (SIGKILL) at random
//! moments. After every kill the file must pass SQLite's integrity check, and
//! the vault must unlock and hold every acknowledged save and no
//! acknowledged deletion.
//!
//! The child is this test binary run again with [`CHILD_DIR_ENV`] set. The
//! default run does 200 cycles; set `LYKT_CRASH_CYCLES=2000` (or more) for
//! the long run:
//!
//! ```text
//! LYKT_CRASH_CYCLES=2000 cargo test -p lykt-core --test vault_crash -- --nocapture
//! ```

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use lykt_core::vault::{RecordKind, Vault, VaultConfig};
use ring::rand::{SecureRandom, SystemRandom};

const CHILD_DIR_ENV: &str = "LYKT_CRASH_CHILD_DIR";
const CYCLES_ENV: &str = "LYKT_CRASH_CYCLES";
const DEFAULT_CYCLES: usize = 200;
const PIN: &str = "735142";
const NOW: i64 = 1_767_225_600;
/// The child stops by itself after this many saves, should nobody kill it.
const CHILD_MAX_SAVES: usize = 2_000;
/// The parent clears the vault this often, so it does not grow without end.
const CLEAR_EVERY: usize = 50;

/// Runs only as the child: saves until killed, printing `ACK <id>` after each
/// save returns, and `DELETING <id>` / `DELETED <id>` around every third
/// deletion. Ignored in normal runs, so it never counts as a test that passed; run on its own
/// it fails.
#[test]
#[ignore = "the child process of acknowledged_writes_survive_being_killed, which starts it"]
fn crash_child() {
    let dir = std::env::var_os(CHILD_DIR_ENV)
        .expect("crash_child runs only as the child of acknowledged_writes_survive_being_killed");
    let dir = Path::new(&dir);
    let mut vault = Vault::open(dir, VaultConfig::default(), NOW).expect("child: open");
    vault.unlock(PIN, None, NOW).expect("child: unlock");
    let mut out = std::io::stdout().lock();
    let mut say = |line: String| {
        out.write_all(format!("{line}\n").as_bytes())
            .and_then(|()| out.flush())
            .is_ok()
    };
    if !say("READY".into()) {
        return;
    }
    let mut saved = Vec::new();
    for i in 0..CHILD_MAX_SAVES {
        // Some notes spill onto overflow pages.
        let note = format!("crash note {i} ").repeat(1 + (i * 37) % 400);
        let id = vault
            .save(RecordKind::Note, "crash test", &note, NOW)
            .expect("child: save");
        if !say(format!("ACK {id}")) {
            return;
        }
        saved.push(id);
        if i % 3 == 2 {
            let victim = saved.remove(0);
            say(format!("DELETING {victim}"));
            vault.delete(&victim, NOW).expect("child: delete");
            if !say(format!("DELETED {victim}")) {
                return;
            }
        }
    }
}

/// A small generator for kill delays, seeded from the system.
struct Rng(u64);

impl Rng {
    fn new() -> Self {
        let mut seed = [0; 8];
        SystemRandom::new().fill(&mut seed).expect("seed");
        Self(u64::from_le_bytes(seed) | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// What the parent knows must (not) be in the vault.
#[derive(Default)]
struct Expected {
    present: HashSet<String>,
    absent: HashSet<String>,
    acknowledged: usize,
}

impl Expected {
    fn read(&mut self, line: &str) {
        let Some((word, id)) = line.split_once(' ') else {
            return;
        };
        if id.len() != 32 {
            return; // a line cut by the kill
        }
        match word {
            "ACK" => {
                self.present.insert(id.to_owned());
                self.acknowledged += 1;
            }
            // Killed mid-delete, the record may or may not be there.
            "DELETING" => {
                self.present.remove(id);
            }
            "DELETED" => {
                self.absent.insert(id.to_owned());
            }
            _ => {}
        }
    }
}

fn integrity_ok(dir: &Path) -> String {
    rusqlite::Connection::open(dir.join("vault.db"))
        .and_then(|c| c.query_row("PRAGMA integrity_check", [], |r| r.get(0)))
        .expect("integrity check runs")
}

#[test]
fn acknowledged_writes_survive_being_killed() {
    let cycles = std::env::var(CYCLES_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_CYCLES);
    let started = Instant::now();
    let dir = tempfile::tempdir().expect("temp dir");
    drop(Vault::create(dir.path(), PIN, None, VaultConfig::default(), NOW).expect("create"));
    let exe = std::env::current_exe().expect("test binary");
    let mut rng = Rng::new();
    let mut expected = Expected::default();
    let mut killed_before_ready = 0;

    for cycle in 0..cycles {
        let mut child = Command::new(&exe)
            .args([
                "crash_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_DIR_ENV, dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        let mut lines = BufReader::new(child.stdout.take().expect("child stdout")).lines();
        // One cycle in eight is killed anywhere in start-up and unlock; the
        // rest while saving and deleting.
        if rng.below(8) == 0 {
            killed_before_ready += 1;
            std::thread::sleep(Duration::from_millis(rng.below(120)));
        } else {
            // libtest may print "test crash_child ... " on the same line.
            for line in lines.by_ref() {
                if line.expect("child output").ends_with("READY") {
                    break;
                }
            }
            std::thread::sleep(Duration::from_micros(rng.below(40_000)));
        }
        child.kill().expect("kill child");
        child.wait().expect("reap child");
        for line in lines.map_while(Result::ok) {
            expected.read(&line);
        }

        assert_eq!(integrity_ok(dir.path()), "ok", "cycle {cycle}");
        let mut vault = Vault::open(dir.path(), VaultConfig::default(), NOW).expect("reopen");
        vault.unlock(PIN, None, NOW).expect("unlock after kill");
        let stored: HashSet<String> = vault
            .list(NOW)
            .expect("list after kill")
            .into_iter()
            .map(|r| r.id)
            .collect();
        let lost: Vec<_> = expected.present.difference(&stored).collect();
        assert!(
            lost.is_empty(),
            "cycle {cycle}: acknowledged saves lost: {lost:?}"
        );
        let back: Vec<_> = expected.absent.intersection(&stored).collect();
        assert!(
            back.is_empty(),
            "cycle {cycle}: deleted records back: {back:?}"
        );

        if cycle % CLEAR_EVERY == CLEAR_EVERY - 1 {
            vault.delete_all(NOW).expect("clear");
            expected.absent.extend(stored);
            expected.present.clear();
        }
    }
    assert!(expected.acknowledged > cycles, "the children did save");
    println!(
        "{cycles} crash cycles ({killed_before_ready} killed before unlocking), \
         {} acknowledged saves, in {:.1} s",
        expected.acknowledged,
        started.elapsed().as_secs_f64()
    );
}
