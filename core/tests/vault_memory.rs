//! What the vault leaves in the process's memory, read back from `/proc/self/mem` (Linux).
//!
//! A child process (this test binary run again) creates the vault and saves a note, so the note's
//! text never passes through this process except where the test asks the vault for it. The
//! secrets exist here only masked or inside buffers that are wiped, so the scan finds them only
//! where the vault itself left them. Each phase also checks that the scan does find a secret while
//! it is legitimately held, so a scan that sees nothing cannot pass. (The data key is checked the
//! same way by a unit test in `vault/mod.rs`, which can reach it.)

#![cfg(target_os = "linux")]

mod vault_support;

use std::path::Path;
use std::process::Command;

use lykt_core::vault::{RecordKind, Vault, VaultConfig};
use vault_support::NOW;
use vault_support::memory::{Masked, occurrences};

const CHILD_ENV: &str = "LYKT_MEMORY_CHILD";

/// Runs only as the child: creates the vault in the folder given and saves the note.
#[test]
fn memory_child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let parts: Vec<&str> = spec.split(':').collect();
    let [dir, pin, label, note] = parts[..] else {
        panic!("child: bad spec");
    };
    let (pin, label, note) = (
        Masked::from_hex(pin).reveal(),
        Masked::from_hex(label).reveal(),
        Masked::from_hex(note).reveal(),
    );
    let mut vault = Vault::create(Path::new(dir), &pin, None, VaultConfig::default(), NOW)
        .expect("child: create");
    vault
        .save(RecordKind::Note, &label, &note, NOW)
        .expect("child: save");
}

#[test]
fn nothing_secret_stays_in_memory() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let digits = b"0123456789";
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let pin = Masked::random(32, digits);
    let label = Masked::random(64, letters);
    let note = Masked::random(64, letters);
    let dir = tempfile::tempdir().expect("temp dir");
    let status = Command::new(std::env::current_exe().expect("test binary"))
        .args(["memory_child", "--exact", "--test-threads=1"])
        .env(
            CHILD_ENV,
            format!(
                "{}:{}:{}:{}",
                dir.path().display(),
                pin.hex(),
                label.hex(),
                note.hex()
            ),
        )
        .status()
        .expect("child runs");
    assert!(status.success(), "the child saved the note");

    let mut vault = Vault::open(dir.path(), VaultConfig::default(), NOW).expect("open");
    {
        let plain_pin = pin.reveal();
        vault.unlock(&plain_pin, None, NOW).expect("unlock");
    }

    let list = vault.list(NOW).expect("list");
    assert_eq!(list.records.len(), 1);
    let [note_seen, label_seen] = occurrences(&[&note, &label])[..] else {
        unreachable!()
    };
    println!("after list: note {note_seen}, label {label_seen}");
    assert!(label_seen >= 1, "the scan sees the label the list holds");
    let id = list.records[0].id.clone();
    drop(list);
    let [label_after] = occurrences(&[&label])[..] else {
        unreachable!()
    };
    println!("after the list was dropped: label {label_after}");

    let record = vault.get(&id, NOW).expect("get");
    let [note_held] = occurrences(&[&note])[..] else {
        unreachable!()
    };
    println!("while the record is held: note {note_held}");
    drop(record);
    let [note_after] = occurrences(&[&note])[..] else {
        unreachable!()
    };
    println!("after the record was dropped: note {note_after}");
    vault.lock();
    let [pin_after] = occurrences(&[&pin])[..] else {
        unreachable!()
    };
    println!("after lock: PIN {pin_after}");

    assert_eq!(note_seen, 0, "listing decrypted the note");
    assert_eq!(
        label_after, 0,
        "the list's labels stay in memory after it was dropped"
    );
    assert!(note_held >= 1, "the scan sees the note the record holds");
    assert_eq!(
        note_after, 0,
        "the note stays in memory after the record was dropped"
    );
    assert_eq!(pin_after, 0, "the PIN stays in memory after unlock");
}
