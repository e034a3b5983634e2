//! The vault's promises, tested through its public API and its files on disk.

mod vault_support;

use std::fs;
use std::path::Path;

use lykt_core::vault::{
    Damage, DamagedRecord, KdfParams, Listing, MAX_NOTE_CHARS, Record, RecordKind, Vault,
    VaultConfig, VaultError,
};
use tempfile::TempDir;
use vault_support::{DAY, NOW, PIN, WRONG_PIN, db, new_vault, phone, random_bytes, raw};

fn reopen(dir: &Path, config: VaultConfig, now: i64) -> Vault {
    Vault::open(dir, config, now).expect("open vault")
}

fn unlocked(dir: &Path) -> Vault {
    let mut vault = reopen(dir, VaultConfig::default(), NOW);
    vault.unlock(PIN, None, NOW).expect("unlock");
    vault
}

fn ids(list: &Listing) -> Vec<&str> {
    list.records.iter().map(|r| r.id.as_str()).collect()
}

fn never_locks() -> VaultConfig {
    VaultConfig {
        auto_lock_after_secs: u64::MAX,
        ..VaultConfig::default()
    }
}

// ---- round trip -----------------------------------------------------------

#[test]
fn saved_records_come_back_after_reopening() {
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    assert!(Vault::exists(dir.path()));
    let note = vault
        .save(RecordKind::Note, " Case 12 ", "Talked alone; æøå", NOW)
        .expect("save note");
    let assessment = vault
        .save(
            RecordKind::Assessment,
            "Case 12",
            r#"{"indicators":["a","b"]}"#,
            NOW + 60,
        )
        .expect("save assessment");
    drop(vault);

    let mut vault = unlocked(dir.path());
    let list = vault.list(NOW + 61).expect("list");
    assert_eq!(
        ids(&list),
        [assessment.as_str(), note.as_str()],
        "newest first"
    );
    assert_eq!(list.records[1].kind, RecordKind::Note);
    assert_eq!(list.records[1].case_label, "Case 12");
    assert_eq!(list.records[1].date, "2026-01-01");
    assert!(list.damaged.is_empty());
    assert_eq!(
        vault.get(&note, NOW + 62).expect("get"),
        Record {
            id: note.clone(),
            date: "2026-01-01".into(),
            kind: RecordKind::Note,
            case_label: "Case 12".into(),
            created: NOW,
            payload: "Talked alone; æøå".into(),
        }
    );
}

#[test]
fn creation_checks_its_inputs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let create = |pin: &str, secret: Option<&[u8]>, config: VaultConfig| {
        Vault::create(dir.path(), pin, secret, config, NOW).map(|_| ())
    };
    assert_eq!(
        create("12345", None, VaultConfig::default()),
        Err(VaultError::PinTooShort { min_chars: 6 })
    );
    assert_eq!(
        create("123456", None, VaultConfig::default()),
        Err(VaultError::PinTooCommon)
    );
    assert_eq!(
        create(PIN, Some(b"short"), phone()),
        Err(VaultError::PlatformSecretTooShort { min_bytes: 16 })
    );
    assert_eq!(
        create(PIN, Some(&[7; 32]), VaultConfig::default()),
        Err(VaultError::PlatformStoreMissing),
        "a secret without the store beside it"
    );
    let weak = VaultConfig {
        kdf: KdfParams {
            memory_kib: 1_024,
            ..KdfParams::default()
        },
        ..VaultConfig::default()
    };
    assert_eq!(create(PIN, None, weak), Err(VaultError::InvalidKdfParams));
    assert!(!Vault::exists(dir.path()), "nothing was written");
    assert_eq!(create(PIN, None, VaultConfig::default()), Ok(()));
    assert_eq!(
        create(PIN, None, VaultConfig::default()),
        Err(VaultError::AlreadyExists)
    );
}

#[test]
fn a_missing_vault_is_reported_as_such() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(!Vault::exists(dir.path()));
    assert_eq!(
        Vault::open(dir.path(), VaultConfig::default(), NOW).map(|_| ()),
        Err(VaultError::NotFound)
    );
    let missing = dir.path().join("never-made");
    assert_eq!(
        Vault::open(&missing, VaultConfig::default(), NOW).map(|_| ()),
        Err(VaultError::NotFound)
    );
    assert_eq!(Vault::wipe(&missing), Err(VaultError::NotFound));
    assert_eq!(Vault::wipe(dir.path()), Err(VaultError::NotFound));
}

#[test]
fn record_inputs_are_checked() {
    let (_dir, mut vault) = new_vault(VaultConfig::default(), None);
    assert_eq!(
        vault.save(RecordKind::Note, "", "x", NOW),
        Err(VaultError::CaseLabel { max_chars: 80 })
    );
    let long = "n".repeat(MAX_NOTE_CHARS + 1);
    assert_eq!(
        vault.save(RecordKind::Note, "case", &long, NOW),
        Err(VaultError::TooLong {
            max_chars: MAX_NOTE_CHARS
        })
    );
    assert!(
        vault
            .save(RecordKind::Note, "case", &long[1..], NOW)
            .is_ok()
    );
    let missing = "0".repeat(32);
    assert_eq!(
        vault.get(&missing, NOW).map(|_| ()),
        Err(VaultError::NoSuchRecord {
            id: missing.clone()
        })
    );
    assert_eq!(
        vault.delete(&missing, NOW),
        Err(VaultError::NoSuchRecord { id: missing })
    );
}

// ---- PINs and the platform secret -----------------------------------------

#[test]
fn a_wrong_pin_changes_nothing() {
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    let id = vault
        .save(RecordKind::Note, "case", "kept", NOW)
        .expect("save");
    drop(vault);
    let records_before = raw(dir.path())
        .query_row("SELECT meta, payload FROM records", [], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?))
        })
        .expect("row");

    let keyslot = |dir: &Path| {
        raw(dir)
            .query_row("SELECT salt, wrapped FROM keyslot", [], |r| {
                Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?))
            })
            .expect("keyslot")
    };
    let keyslot_before = keyslot(dir.path());

    let mut vault = reopen(dir.path(), VaultConfig::default(), NOW);
    let pins = [
        WRONG_PIN,
        "",
        "4829160",
        "48291",
        "a much longer passphrase than that",
    ];
    for (hour, pin) in (1..).zip(pins) {
        // An hour apart, past any delay.
        let now = NOW + hour * 3_600;
        assert_eq!(
            vault.unlock(pin, None, now),
            Err(VaultError::WrongPin {
                attempts_before_wipe: None
            })
        );
        assert!(!vault.is_unlocked(now));
        assert_eq!(vault.list(now), Err(VaultError::Locked));
    }
    drop(vault);
    assert_eq!(keyslot(dir.path()), keyslot_before);
    let mut vault = reopen(dir.path(), VaultConfig::default(), NOW);
    let records_after = raw(dir.path())
        .query_row("SELECT meta, payload FROM records", [], |r| {
            Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Vec<u8>>(1)?))
        })
        .expect("row");
    assert_eq!(records_before, records_after);
    let later = NOW + 10 * 3_600;
    vault.unlock(PIN, None, later).expect("unlock");
    assert_eq!(vault.get(&id, later).expect("get").payload, "kept");
}

#[test]
fn wrong_pins_are_slowed_down_progressively_and_persistently() {
    let (dir, vault) = new_vault(VaultConfig::default(), None);
    drop(vault);
    let mut vault = reopen(dir.path(), VaultConfig::default(), NOW);
    let wrong = |vault: &mut Vault, now| vault.unlock(WRONG_PIN, None, now);
    for _ in 0..3 {
        assert!(matches!(
            wrong(&mut vault, NOW),
            Err(VaultError::WrongPin { .. })
        ));
    }
    let too_many = |wait_secs| Err(VaultError::TooManyAttempts { wait_secs });
    assert_eq!(wrong(&mut vault, NOW), too_many(30));
    assert_eq!(
        vault.unlock(PIN, None, NOW + 29),
        too_many(1),
        "even the right PIN waits"
    );
    assert_eq!(
        VaultError::TooManyAttempts { wait_secs: 60 }.to_string(),
        "too many wrong PINs; try again in 60 seconds"
    );

    // The count survives closing the app.
    drop(vault);
    let mut vault = reopen(dir.path(), VaultConfig::default(), NOW + 29);
    assert_eq!(wrong(&mut vault, NOW + 29), too_many(1));
    assert!(matches!(
        wrong(&mut vault, NOW + 30),
        Err(VaultError::WrongPin { .. })
    ));
    assert_eq!(wrong(&mut vault, NOW + 30), too_many(60));
    assert!(matches!(
        wrong(&mut vault, NOW + 90),
        Err(VaultError::WrongPin { .. })
    ));
    assert_eq!(wrong(&mut vault, NOW + 90), too_many(120));

    // The right PIN after the wait opens and clears the count.
    vault.unlock(PIN, None, NOW + 210).expect("unlock");
    for _ in 0..3 {
        assert!(matches!(
            wrong(&mut vault, NOW + 210),
            Err(VaultError::WrongPin { .. })
        ));
    }
    assert_eq!(wrong(&mut vault, NOW + 210), too_many(30));
}

#[test]
fn wipe_after_failures_is_off_by_default() {
    assert_eq!(VaultConfig::default().wipe_after_failures, None);
    let (dir, vault) = new_vault(VaultConfig::default(), None);
    drop(vault);
    let mut vault = reopen(dir.path(), VaultConfig::default(), NOW);
    let mut now = NOW;
    for _ in 0..6 {
        now += 3_600;
        assert!(matches!(
            vault.unlock(WRONG_PIN, None, now),
            Err(VaultError::WrongPin { .. })
        ));
    }
    assert!(Vault::exists(dir.path()));
    vault.unlock(PIN, None, now + 3_600).expect("unlock");
}

#[test]
fn the_vault_erases_itself_after_the_configured_wrong_pins() {
    let config = VaultConfig {
        wipe_after_failures: Some(3),
        ..VaultConfig::default()
    };
    let (dir, vault) = new_vault(config.clone(), None);
    drop(vault);
    let mut vault = reopen(dir.path(), config, NOW);
    assert_eq!(
        vault.unlock(WRONG_PIN, None, NOW),
        Err(VaultError::WrongPin {
            attempts_before_wipe: Some(2)
        })
    );
    let err = vault.unlock(WRONG_PIN, None, NOW);
    assert_eq!(
        err,
        Err(VaultError::WrongPin {
            attempts_before_wipe: Some(1)
        })
    );
    assert_eq!(
        err.map_err(|e| e.to_string()),
        Err("the PIN is wrong; one more wrong PIN erases the vault".into())
    );
    // The right PIN resets the count; three more wrong ones erase.
    vault.unlock(PIN, None, NOW).expect("unlock");
    vault.lock();
    for left in [2, 1] {
        assert_eq!(
            vault.unlock(WRONG_PIN, None, NOW),
            Err(VaultError::WrongPin {
                attempts_before_wipe: Some(left)
            })
        );
    }
    assert_eq!(
        vault.unlock(WRONG_PIN, None, NOW),
        Err(VaultError::ErasedAfterWrongPins)
    );
    assert_eq!(vault.unlock(PIN, None, NOW), Err(VaultError::Erased));
    assert!(!Vault::exists(dir.path()));
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn a_vault_made_with_a_platform_secret_needs_it() {
    let secret = random_bytes(32);
    let config = phone();
    let (dir, vault) = new_vault(config.clone(), Some(&secret));
    drop(vault);
    assert_eq!(
        Vault::open(dir.path(), VaultConfig::default(), NOW).map(|_| ()),
        Err(VaultError::PlatformStoreMissing)
    );
    let mut vault = reopen(dir.path(), config, NOW);
    assert_eq!(
        vault.unlock(PIN, None, NOW),
        Err(VaultError::PlatformSecretMissing)
    );
    // Another secret is told apart without testing the PIN, and costs no try.
    for _ in 0..5 {
        assert_eq!(
            vault.unlock(PIN, Some(&random_bytes(32)), NOW),
            Err(VaultError::PlatformSecretWrong)
        );
    }
    assert!(matches!(
        vault.unlock(WRONG_PIN, Some(&secret), NOW),
        Err(VaultError::WrongPin { .. })
    ));
    vault.unlock(PIN, Some(&secret), NOW).expect("unlock");

    // A vault made without one ignores a secret handed in.
    let (dir, vault) = new_vault(VaultConfig::default(), None);
    drop(vault);
    let mut vault = reopen(dir.path(), VaultConfig::default(), NOW);
    vault.unlock(PIN, Some(&secret), NOW).expect("unlock");
}

#[test]
fn raised_kdf_costs_are_applied_at_the_next_unlock() {
    let (dir, vault) = new_vault(VaultConfig::default(), None);
    drop(vault);
    let stronger = VaultConfig {
        kdf: KdfParams {
            memory_kib: 24_576,
            iterations: 3,
            lanes: 1,
        },
        ..VaultConfig::default()
    };
    let stored = |dir: &Path| {
        raw(dir)
            .query_row(
                "SELECT kdf_version, memory_kib, iterations FROM keyslot",
                [],
                |r| {
                    Ok((
                        r.get::<_, u32>(0)?,
                        r.get::<_, u32>(1)?,
                        r.get::<_, u32>(2)?,
                    ))
                },
            )
            .expect("keyslot")
    };
    assert_eq!(stored(dir.path()), (1, 19_456, 2));
    reopen(dir.path(), stronger, NOW)
        .unlock(PIN, None, NOW)
        .expect("unlock");
    assert_eq!(stored(dir.path()), (1, 24_576, 3));
    // Unlocking uses what is stored, and a lower configuration never lowers it.
    unlocked(dir.path());
    assert_eq!(stored(dir.path()), (1, 24_576, 3));
    let more_memory_fewer_passes = VaultConfig {
        kdf: KdfParams {
            memory_kib: 32_768,
            iterations: 2,
            lanes: 1,
        },
        ..VaultConfig::default()
    };
    reopen(dir.path(), more_memory_fewer_passes, NOW)
        .unlock(PIN, None, NOW)
        .expect("unlock");
    assert_eq!(
        stored(dir.path()),
        (1, 32_768, 3),
        "each cost only ever rises"
    );
}

// ---- auto-lock ------------------------------------------------------------

#[test]
fn an_idle_vault_locks_itself() {
    let (_dir, mut vault) = new_vault(VaultConfig::default(), None);
    let id = vault
        .save(RecordKind::Note, "case", "text", NOW + 10)
        .expect("save");
    // Activity (operations or touches) keeps it open.
    assert!(vault.touch(NOW + 300));
    assert!(vault.is_unlocked(NOW + 600));
    vault
        .get(&id, NOW + 600)
        .expect("within five minutes of the touch");
    // More than five minutes idle: locked, and the key is gone.
    assert!(!vault.is_unlocked(NOW + 901));
    assert_eq!(vault.get(&id, NOW + 600), Err(VaultError::Locked));
    assert_eq!(
        vault.save(RecordKind::Note, "case", "x", NOW + 902),
        Err(VaultError::Locked)
    );
    assert!(!vault.touch(NOW + 902));
    vault.unlock(PIN, None, NOW + 903).expect("unlock");
    assert_eq!(vault.list(NOW + 1_203).expect("list").records.len(), 1);
    assert_eq!(vault.list(NOW + 1_504), Err(VaultError::Locked));

    vault.unlock(PIN, None, NOW + 2_000).expect("unlock");
    vault.lock();
    assert_eq!(vault.list(NOW + 2_000), Err(VaultError::Locked));
    assert_eq!(vault.delete_all(NOW + 2_000), Err(VaultError::Locked));
}

#[test]
fn debug_output_shows_no_secrets() {
    let (_dir, mut vault) = new_vault(VaultConfig::default(), None);
    let id = vault
        .save(RecordKind::Note, "Secret Label", "secret note", NOW)
        .expect("save");
    let record = vault.get(&id, NOW).expect("get");
    let shown = format!("{vault:?} {record:?} {:?}", vault.list(NOW).expect("list"));
    assert!(!shown.contains("ecret"), "{shown}");
    assert!(shown.contains("<redacted>"));
}

// ---- retention and deletion -----------------------------------------------

#[test]
fn records_older_than_the_retention_period_are_deleted_at_open() {
    let (dir, mut vault) = new_vault(never_locks(), None);
    for day in [0, 10, 31] {
        vault
            .save(RecordKind::Note, "case", "text", NOW + day * DAY)
            .expect("save");
    }
    drop(vault);
    let count = |dir: &Path| {
        raw(dir)
            .query_row("SELECT count(*) FROM records", [], |r| r.get::<_, i64>(0))
            .expect("count")
    };

    // Day 40: day 0 is past 30 days, day 10 is exactly 30 days old and kept.
    let vault = reopen(dir.path(), never_locks(), NOW + 40 * DAY);
    assert_eq!(count(dir.path()), 2, "deleted while still locked");
    drop(vault);
    let mut vault = reopen(dir.path(), never_locks(), NOW + 41 * DAY);
    vault.unlock(PIN, None, NOW + 41 * DAY).expect("unlock");
    let dates: Vec<String> = vault
        .list(NOW + 41 * DAY)
        .expect("list")
        .records
        .iter()
        .map(|r| r.date.clone())
        .collect();
    assert_eq!(dates, ["2026-02-01"]);

    // A shorter period applies to what is already saved.
    let short = VaultConfig {
        retention_days: 5,
        ..never_locks()
    };
    drop(vault);
    reopen(dir.path(), short, NOW + 37 * DAY);
    assert_eq!(count(dir.path()), 0);
}

#[test]
fn one_record_or_all_can_be_deleted() {
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    let a = vault.save(RecordKind::Note, "a", "1", NOW).expect("save");
    let b = vault
        .save(RecordKind::RightsChecklist, "b", "{}", NOW + 1)
        .expect("save");
    let c = vault
        .save(RecordKind::PlacementChecklist, "c", "{}", NOW + 2)
        .expect("save");
    vault.delete(&b, NOW + 3).expect("delete");
    assert_eq!(
        vault.get(&b, NOW + 3).map(|_| ()),
        Err(VaultError::NoSuchRecord { id: b.clone() })
    );
    assert_eq!(
        ids(&vault.list(NOW + 3).expect("list")),
        [c.as_str(), a.as_str()]
    );
    vault.delete_all(NOW + 3).expect("delete all");
    assert_eq!(vault.list(NOW + 3).expect("list"), Listing::default());
    drop(vault);
    // The vault and its PIN stay.
    let mut vault = unlocked(dir.path());
    assert_eq!(vault.list(NOW).expect("list"), Listing::default());
    vault
        .save(RecordKind::MinorsOutcome, "d", "{}", NOW)
        .expect("save after delete all");
}

// ---- wiping ---------------------------------------------------------------

#[test]
fn wiping_needs_no_pin_and_leaves_no_file() {
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    vault
        .save(RecordKind::Note, "case", "text", NOW)
        .expect("save");
    vault.lock();
    drop(vault);
    Vault::wipe(dir.path()).expect("wipe");
    assert!(!Vault::exists(dir.path()));
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 0);
    assert_eq!(
        Vault::open(dir.path(), VaultConfig::default(), NOW).map(|_| ()),
        Err(VaultError::NotFound)
    );
    // A new vault can be set up in the same place.
    let mut vault =
        Vault::create(dir.path(), "135790", None, VaultConfig::default(), NOW).expect("create");
    assert_eq!(vault.list(NOW).expect("list"), Listing::default());
}

#[test]
fn erasing_an_open_vault_closes_it() {
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    vault
        .save(RecordKind::Note, "case", "text", NOW)
        .expect("save");
    vault.erase().expect("erase");
    assert_eq!(vault.list(NOW), Err(VaultError::Erased));
    assert!(!vault.is_unlocked(NOW));
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 0);
}

/// The case the module docs promise: with a platform secret that the shell
/// deletes on wipe, a copy taken before the wipe is useless even with the PIN.
#[test]
fn a_copy_taken_before_the_wipe_cannot_be_opened_once_the_secret_is_gone() {
    let secret = random_bytes(32);
    let config = phone();
    let (dir, mut vault) = new_vault(config.clone(), Some(&secret));
    vault
        .save(RecordKind::Note, "case", "taken", NOW)
        .expect("save");
    // Copied while open: the database, its log and its index.
    let copy = tempfile::tempdir().expect("temp dir");
    for entry in fs::read_dir(dir.path()).expect("dir") {
        let path = entry.expect("entry").path();
        fs::copy(&path, copy.path().join(path.file_name().expect("name"))).expect("copy");
    }

    // The shell wipes and deletes the keystore entry: from here on the
    // holder of the copy has the PIN but not the secret.
    vault.erase().expect("wipe");
    assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 0);

    let mut stolen = reopen(copy.path(), phone(), NOW);
    assert_eq!(
        stolen.unlock(PIN, None, NOW),
        Err(VaultError::PlatformSecretMissing)
    );
    assert_eq!(
        stolen.unlock(PIN, Some(&random_bytes(32)), NOW),
        Err(VaultError::PlatformSecretWrong)
    );
    // Why the shell must delete it: had the secret (and its store) survived, the copy opens.
    let mut stolen = reopen(copy.path(), config, NOW);
    stolen
        .unlock(PIN, Some(&secret), NOW)
        .expect("copy opens with the secret");
}

// ---- damage and tampering -------------------------------------------------

fn vault_with_records(n: usize) -> (TempDir, Vec<String>) {
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    let ids = (0..n)
        .map(|i| {
            let note = format!("note {i} ").repeat(600);
            vault
                .save(RecordKind::Note, "case", &note, NOW + i as i64)
                .expect("save")
        })
        .collect();
    drop(vault);
    (dir, ids)
}

/// A stored row as the tests see it.
struct RawRow {
    id: String,
    date: String,
    meta: Vec<u8>,
    payload: Vec<u8>,
}

/// A change made to a stored row behind the vault's back.
type Tamper = fn(&mut RawRow);

/// Rewrites the row `id` on disk through `change`; returns its new id.
fn tamper(dir: &Path, id: &str, change: Tamper) -> String {
    let conn = raw(dir);
    let mut row = conn
        .query_row(
            "SELECT id, date, meta, payload FROM records WHERE id = ?1",
            [id],
            |r| {
                Ok(RawRow {
                    id: r.get(0)?,
                    date: r.get(1)?,
                    meta: r.get(2)?,
                    payload: r.get(3)?,
                })
            },
        )
        .expect("row");
    change(&mut row);
    conn.execute(
        "UPDATE records SET id = ?1, date = ?2, meta = ?3, payload = ?4 WHERE id = ?5",
        rusqlite::params![row.id, row.date, row.meta, row.payload, id],
    )
    .expect("tamper");
    row.id
}

fn damaged(list: &Listing) -> Vec<(&str, Damage)> {
    list.damaged
        .iter()
        .map(|d| (d.id.as_str(), d.damage))
        .collect()
}

#[test]
fn one_altered_record_is_marked_and_never_hides_the_others() {
    let cases: [(&str, Tamper); 10] = [
        ("label bit", |r| r.meta[20] ^= 1),
        ("label nonce bit", |r| r.meta[0] ^= 0x80),
        ("label tag cut off", |r| r.meta.truncate(r.meta.len() - 16)),
        ("label emptied", |r| r.meta.clear()),
        ("note bit", |r| r.payload[20] ^= 1),
        ("note tag bit", |r| {
            let last = r.payload.len() - 1;
            r.payload[last] ^= 1;
        }),
        ("note emptied", |r| r.payload.clear()),
        ("parts swapped", |r| {
            std::mem::swap(&mut r.meta, &mut r.payload)
        }),
        // The id and the day are bound: a row cannot be moved.
        ("other day", |r| r.date = "2025-12-31".into()),
        ("other id", |r| r.id = format!("{}0", &r.id[1..])),
    ];
    for (case, change) in cases {
        let (dir, saved) = vault_with_records(2);
        let id = tamper(dir.path(), &saved[0], change);
        let mut vault = unlocked(dir.path());
        let listing = vault.list(NOW).expect(case);
        let readable = if case.starts_with("note") {
            vec![saved[1].as_str(), saved[0].as_str()]
        } else {
            vec![saved[1].as_str()]
        };
        assert_eq!(ids(&listing), readable, "{case}: the others are listed");
        let integrity = Err(VaultError::Integrity { id: id.clone() });
        assert_eq!(vault.get(&id, NOW).map(|_| ()), integrity, "{case}");
        assert_eq!(vault.get(&saved[1], NOW).expect("untouched").id, saved[1]);
        let expected = match case {
            "other id" => vec![
                (saved[0].as_str(), Damage::Missing),
                (id.as_str(), Damage::NotSavedHere),
            ],
            c if c.starts_with("note") => vec![],
            _ => vec![(id.as_str(), Damage::Unreadable)],
        };
        let (mut marked, mut expected) = (damaged(&listing), expected);
        marked.sort_by_key(|(id, _)| *id);
        expected.sort_by_key(|(id, _)| *id);
        assert_eq!(marked, expected, "{case}");
        // Damaged records can be deleted, and then the list is whole again.
        vault.delete(&id, NOW).expect("delete damaged");
        vault.delete(&saved[0], NOW).ok();
        let listing = vault.list(NOW).expect("list");
        assert_eq!(ids(&listing), [saved[1].as_str()], "{case}");
        assert!(listing.damaged.is_empty(), "{case}");
    }
}

#[test]
fn a_record_swapped_in_from_another_vault_is_not_read() {
    let (dir_a, ids_a) = vault_with_records(1);
    let (dir_b, _) = vault_with_records(1);
    let (meta, payload): (Vec<u8>, Vec<u8>) = raw(dir_a.path())
        .query_row("SELECT meta, payload FROM records", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("row");
    raw(dir_b.path())
        .execute(
            "INSERT INTO records (id, date, meta, payload) VALUES (?1, '2026-01-01', ?2, ?3)",
            rusqlite::params![ids_a[0], meta, payload],
        )
        .expect("insert");
    let mut vault = unlocked(dir_b.path());
    assert_eq!(
        vault.get(&ids_a[0], NOW).map(|_| ()),
        Err(VaultError::Integrity {
            id: ids_a[0].clone()
        })
    );
    assert_eq!(
        vault.list(NOW).expect("list").damaged,
        [DamagedRecord {
            id: ids_a[0].clone(),
            date: "2026-01-01".into(),
            damage: Damage::NotSavedHere
        }]
    );
}

/// Opens and unlocks whatever is in `dir`; returns the first error.
fn open_and_read(dir: &Path) -> Result<usize, VaultError> {
    let mut vault = Vault::open(dir, VaultConfig::default(), NOW)?;
    vault.unlock(PIN, None, NOW)?;
    Ok(vault.list(NOW)?.records.len())
}

#[test]
fn truncated_files_are_reported_as_damaged() {
    let (dir, _) = vault_with_records(8);
    let whole = fs::read(db(dir.path())).expect("read");
    assert!(whole.len() > 8 * 4096, "records span many pages");
    let page = 4096;
    let mut cuts = vec![0, 1, 16, 99, 100, 101, 512, page, page + 1, 2 * page];
    cuts.extend((1..16).map(|i| whole.len() * i / 16));
    cuts.extend([whole.len() - page, whole.len() - 100, whole.len() - 1]);
    for cut in cuts {
        fs::write(db(dir.path()), &whole[..cut]).expect("truncate");
        let result = open_and_read(dir.path());
        if whole[cut..].iter().all(|&b| b == 0) {
            // Only zero padding was cut: nothing is lost.
            assert_eq!(result, Ok(8), "cut at {cut}");
        } else {
            assert_eq!(result, Err(VaultError::Damaged), "cut at {cut}");
        }
    }
    fs::write(db(dir.path()), &whole).expect("restore");
    assert_eq!(open_and_read(dir.path()), Ok(8));
}

#[test]
fn garbage_files_are_reported_as_damaged() {
    let dir = tempfile::tempdir().expect("temp dir");
    for len in [1, 100, 4096, 65_536] {
        fs::write(db(dir.path()), random_bytes(len)).expect("write");
        assert_eq!(
            open_and_read(dir.path()),
            Err(VaultError::Damaged),
            "{len} bytes"
        );
    }
    // A garbage page in the middle of a real vault.
    let (dir, _) = vault_with_records(8);
    let mut bytes = fs::read(db(dir.path())).expect("read");
    bytes[4096..8192].copy_from_slice(&random_bytes(4096));
    fs::write(db(dir.path()), &bytes).expect("write");
    assert_eq!(open_and_read(dir.path()), Err(VaultError::Damaged));
    // A database that is not a vault.
    let dir = tempfile::tempdir().expect("temp dir");
    rusqlite::Connection::open(db(dir.path()))
        .and_then(|c| c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);"))
        .expect("foreign db");
    assert_eq!(open_and_read(dir.path()), Err(VaultError::Damaged));
}

#[test]
fn a_damaged_keyslot_is_reported_as_damaged() {
    let (dir, _) = vault_with_records(1);
    raw(dir.path())
        .execute("UPDATE keyslot SET salt = x'00'", [])
        .expect("tamper");
    assert_eq!(open_and_read(dir.path()), Err(VaultError::Damaged));
    raw(dir.path())
        .execute("DELETE FROM keyslot", [])
        .expect("tamper");
    assert_eq!(open_and_read(dir.path()), Err(VaultError::Damaged));
}

// ---- remanence ------------------------------------------------------------

const MARKER: &str = "LYKT-REMANENCE-MARKER-5c1e";

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

/// The marker as it could appear on disk: plain, hex (both cases) and
/// base64 at each of the three alignments (its stable middle part).
fn marker_forms() -> Vec<Vec<u8>> {
    let hex: String = MARKER.bytes().map(|b| format!("{b:02x}")).collect();
    let mut forms = vec![
        MARKER.as_bytes().to_vec(),
        hex.clone().into_bytes(),
        hex.to_uppercase().into_bytes(),
    ];
    for shift in 0..3 {
        let padded = [&b"xx"[..shift], MARKER.as_bytes()].concat();
        let encoded = base64(&padded);
        forms.push(encoded.as_bytes()[4..encoded.len() - 4].to_vec());
    }
    forms
}

fn occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// Hits of each needle across every file in `dir`.
fn scan(dir: &Path, needles: &[Vec<u8>]) -> usize {
    let files: Vec<Vec<u8>> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| fs::read(e.expect("entry").path()).expect("read"))
        .collect();
    needles
        .iter()
        .map(|n| files.iter().map(|f| occurrences(f, n)).sum::<usize>())
        .sum()
}

/// A 32-byte piece from the middle of each record's ciphertext.
fn ciphertext_pieces(dir: &Path, ids: &[String]) -> Vec<Vec<u8>> {
    let conn = raw(dir);
    ids.iter()
        .map(|id| {
            let sealed: Vec<u8> = conn
                .query_row("SELECT payload FROM records WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .expect("row");
            sealed[sealed.len() / 2..sealed.len() / 2 + 32].to_vec()
        })
        .collect()
}

#[test]
fn nothing_readable_and_nothing_deleted_remains_on_disk() {
    assert_eq!(
        occurrences(
            base64(b"Many hands make light work.").as_bytes(),
            b"TWFueSBoYW5kcyBtYWtlIGxpZ2h0IHdvcmsu"
        ),
        1,
        "the test's base64 is standard"
    );
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    let ids: Vec<String> = (0..12)
        .map(|i| {
            // Long notes spill onto overflow pages too.
            let note = format!("{MARKER} {i} ").repeat(if i % 2 == 0 { 4 } else { 300 });
            vault
                .save(RecordKind::Note, &format!("{MARKER} {i}"), &note, NOW)
                .expect("save")
        })
        .collect();
    let pieces = ciphertext_pieces(dir.path(), &ids);
    let (deleted, kept) = ids.split_at(5);

    for id in deleted {
        vault.delete(id, NOW).expect("delete");
    }
    vault.lock();
    assert_eq!(
        scan(dir.path(), &marker_forms()),
        0,
        "marker after some deletions"
    );
    assert_eq!(
        scan(dir.path(), &pieces[..5]),
        0,
        "deleted ciphertext lingers"
    );
    assert_eq!(
        scan(dir.path(), &pieces[5..]),
        kept.len(),
        "the scan does see what is stored, once"
    );

    // Deleting one by one, each deletion leaves no copy of its record behind.
    vault.unlock(PIN, None, NOW).expect("unlock");
    for (n, id) in kept.iter().enumerate().take(3) {
        vault.delete(id, NOW).expect("delete");
        assert_eq!(scan(dir.path(), &pieces[5 + n..6 + n]), 0, "{id} lingers");
    }
    vault.delete_all(NOW).expect("delete all");
    vault.lock();
    assert_eq!(
        scan(dir.path(), &marker_forms()),
        0,
        "marker after delete all"
    );
    assert_eq!(scan(dir.path(), &pieces), 0, "ciphertext after delete all");
    drop(vault);
    assert_eq!(scan(dir.path(), &marker_forms()), 0, "marker after closing");
    assert_eq!(scan(dir.path(), &pieces), 0, "ciphertext after closing");
}

// ---- cost -----------------------------------------------------------------

/// What one PIN guess costs someone with a copy of the file: one Argon2id derivation at the
/// default costs, on one core. Measure in the shipped profile:
/// `cargo test --release -p lykt-core --test vault -- --ignored --nocapture guess_cost`
#[test]
#[ignore = "a measurement, not a check; run in release"]
fn guess_cost_with_default_costs() {
    use argon2::{Algorithm, Argon2, Block, Params, Version};
    let costs = KdfParams::default();
    let params =
        Params::new(costs.memory_kib, costs.iterations, costs.lanes, Some(32)).expect("params");
    let mut memory = vec![Block::new(); params.block_count()];
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let mut out = [0u8; 32];
    let mut times: Vec<f64> = (0..20)
        .map(|i| {
            let pin = format!("{:06}", 100_000 + i);
            let start = std::time::Instant::now();
            argon
                .hash_password_into_with_memory(pin.as_bytes(), &[7; 16], &mut out, &mut memory)
                .expect("derive");
            start.elapsed().as_secs_f64() * 1_000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    println!(
        "one guess with {costs:?}: median {median:.1} ms (min {:.1}, max {:.1}); \
         every six-digit PIN: {:.1} hours on one core",
        times[0],
        times[times.len() - 1],
        median * 1e6 / 3.6e6
    );
}

/// How long an unlock takes with the default key-derivation costs. Measure in
/// the shipped profile:
/// `cargo test --release -p lykt-core --test vault -- --ignored --nocapture unlock_time`
#[test]
#[ignore = "a measurement, not a check; run in release"]
fn unlock_time_with_default_costs() {
    let (dir, vault) = new_vault(VaultConfig::default(), None);
    drop(vault);
    let mut vault = reopen(dir.path(), VaultConfig::default(), NOW);
    let mut times: Vec<f64> = (0..10)
        .map(|_| {
            let start = std::time::Instant::now();
            vault.unlock(PIN, None, NOW).expect("unlock");
            start.elapsed().as_secs_f64() * 1_000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "unlock with {:?}: median {:.0} ms (min {:.0}, max {:.0})",
        KdfParams::default(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}
