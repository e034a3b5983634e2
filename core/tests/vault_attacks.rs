//! The vault against someone who holds its files or its clock: wipe that never lies or touches
//! what is not the vault's, waits the clock cannot shorten, rollback and splicing detected, a
//! planted schema refused, and the limits of a vault without a platform secret stated as tests.

mod vault_support;

use std::fs;
use std::path::Path;

use lykt_core::vault::{
    Damage, DamagedRecord, LOCKED_CLOCK_LEAP_SECS, MAX_DELAY_SECS, RecordKind, StorageProblem,
    Vault, VaultConfig, VaultError,
};
use vault_support::{DAY, NOW, PIN, WRONG_PIN, db, new_vault, phone, random_bytes, raw};

/// 2099-01-01T00:00:00Z.
const YEAR_2099: i64 = 4_070_908_800;

fn count_rows(dir: &Path) -> i64 {
    raw(dir)
        .query_row("SELECT count(*) FROM records", [], |r| r.get(0))
        .expect("count")
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Copies every file of `from` into `to`, replacing what is there (a backup, or its restore).
fn copy_files(from: &Path, to: &Path) {
    for name in names(to) {
        fs::remove_file(to.join(name)).expect("remove");
    }
    for name in names(from) {
        fs::copy(from.join(&name), to.join(&name)).expect("copy");
    }
}

// ---- wipe -----------------------------------------------------------------

#[test]
fn wipe_refuses_a_folder_without_a_vault_and_deletes_only_the_vaults_files() {
    let dir = tempfile::tempdir().expect("dir");
    fs::write(dir.path().join("thesis.txt"), "my own work").expect("write");
    assert_eq!(Vault::wipe(dir.path()), Err(VaultError::NotFound));
    assert_eq!(
        names(dir.path()),
        ["thesis.txt"],
        "nothing was created or deleted"
    );

    let mut vault =
        Vault::create(dir.path(), PIN, None, VaultConfig::default(), NOW).expect("create");
    vault
        .save(RecordKind::Note, "case", "text", NOW)
        .expect("save");
    drop(vault);
    Vault::wipe(dir.path()).expect("wipe");
    assert_eq!(names(dir.path()), ["thesis.txt"]);
    assert_eq!(Vault::wipe(dir.path()), Err(VaultError::NotFound));
}

#[test]
fn a_wipe_destroys_the_key_in_place_before_unlinking() {
    let root = tempfile::tempdir().expect("dir");
    let (dir, copy) = (root.path().join("vault"), root.path().join("copy"));
    let mut vault = Vault::create(&dir, PIN, None, VaultConfig::default(), NOW).expect("create");
    vault
        .save(RecordKind::Note, "case", "text", NOW)
        .expect("save");
    drop(vault);
    fs::create_dir(&copy).expect("dir");
    // The same file under another name: what a copy of the unlinked file would hold.
    fs::hard_link(db(&dir), db(&copy)).expect("link");
    Vault::wipe(&dir).expect("wipe");
    let left = fs::read(db(&copy)).expect("read");
    assert!(
        left.iter().all(|&b| b == 0),
        "the vault file was not overwritten"
    );
    assert_eq!(
        Vault::open(&copy, VaultConfig::default(), NOW).map(|_| ()),
        Err(VaultError::Damaged)
    );
}

// ---- the clock ------------------------------------------------------------

#[test]
fn a_clock_set_back_never_shortens_a_wait() {
    let (dir, vault) = new_vault(VaultConfig::default(), None);
    drop(vault);
    let mut vault = Vault::open(dir.path(), VaultConfig::default(), NOW).expect("open");
    for _ in 0..3 {
        assert!(matches!(
            vault.unlock(WRONG_PIN, None, NOW),
            Err(VaultError::WrongPin { .. })
        ));
    }
    // The fourth failure at NOW + 30 asks for 60 seconds: until NOW + 90.
    assert!(matches!(
        vault.unlock(WRONG_PIN, None, NOW + 30),
        Err(VaultError::WrongPin { .. })
    ));
    // Set back 30 seconds: the longest wait, counted from the last failure.
    assert_eq!(
        vault.unlock(WRONG_PIN, None, NOW),
        Err(VaultError::TooManyAttempts {
            wait_secs: 30 + MAX_DELAY_SECS
        })
    );
    // Back on time, the wait is as it was: the setback moved nothing.
    assert_eq!(
        vault.unlock(PIN, None, NOW + 60),
        Err(VaultError::TooManyAttempts { wait_secs: 30 })
    );
    // Set back a year: still waiting, even with the right PIN.
    assert!(matches!(
        vault.unlock(PIN, None, NOW - 365 * DAY),
        Err(VaultError::TooManyAttempts { .. })
    ));
    vault
        .unlock(PIN, None, NOW + 90)
        .expect("unlock after the wait");
}

#[test]
fn a_clock_set_far_ahead_deletes_nothing_without_the_pin() {
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    vault
        .save(RecordKind::Note, "case", "kept", NOW)
        .expect("save");
    drop(vault);
    drop(Vault::open(dir.path(), VaultConfig::default(), YEAR_2099).expect("open in 2099"));
    assert_eq!(
        count_rows(dir.path()),
        1,
        "a clock in 2099 deleted records while locked"
    );
    // A day past the last use is believed while locked; a record from then would expire.
    let just_after = NOW + 31 * DAY;
    drop(Vault::open(dir.path(), VaultConfig::default(), just_after).expect("open"));
    assert_eq!(count_rows(dir.path()), 1);
    // With the PIN, retention applies as the clock says.
    let mut vault = Vault::open(dir.path(), VaultConfig::default(), just_after).expect("open");
    vault.unlock(PIN, None, just_after).expect("unlock");
    assert_eq!(count_rows(dir.path()), 0);
}

#[test]
fn retention_while_locked_trusts_the_clock_a_day_past_the_last_use() {
    let never_locks = VaultConfig {
        auto_lock_after_secs: u64::MAX,
        ..VaultConfig::default()
    };
    let (dir, mut vault) = new_vault(never_locks, None);
    vault
        .save(RecordKind::Note, "case", "old", NOW)
        .expect("save");
    let last_use = NOW + 31 * DAY;
    vault
        .save(RecordKind::Note, "case", "newer", last_use)
        .expect("save");
    drop(vault);
    // While locked the clock is believed up to a day past the last use, however far it runs:
    // the old record expires by then, the newer one does not.
    assert_eq!(LOCKED_CLOCK_LEAP_SECS, DAY);
    drop(Vault::open(dir.path(), VaultConfig::default(), YEAR_2099).expect("open"));
    assert_eq!(count_rows(dir.path()), 1);
    let mut vault = Vault::open(dir.path(), VaultConfig::default(), last_use).expect("open");
    vault.unlock(PIN, None, last_use).expect("unlock");
    let listing = vault.list(last_use).expect("list");
    assert_eq!(listing.records.len(), 1);
    assert!(listing.damaged.is_empty(), "expired, not missing");
}

#[test]
fn a_clock_set_back_locks_an_unlocked_vault() {
    let (_dir, mut vault) = new_vault(VaultConfig::default(), None);
    assert!(vault.is_unlocked(NOW + 10));
    assert!(
        !vault.is_unlocked(NOW - 3_600),
        "a clock set back keeps the vault open"
    );
    assert_eq!(vault.list(NOW + 20), Err(VaultError::Locked));
}

// ---- splicing, removal, planted schema, old formats -----------------------

#[test]
fn a_row_put_back_from_an_older_copy_is_refused() {
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    let deleted = vault
        .save(RecordKind::Note, "case", "deleted on purpose", NOW)
        .expect("save");
    let kept = vault
        .save(RecordKind::Note, "case", "kept", NOW + 1)
        .expect("save");
    let row: (String, String, Vec<u8>, Vec<u8>) = raw(dir.path())
        .query_row(
            "SELECT id, date, meta, payload FROM records WHERE id = ?1",
            [&deleted],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("row");
    vault.delete(&deleted, NOW + 2).expect("delete");
    drop(vault);
    raw(dir.path())
        .execute(
            "INSERT INTO records (id, date, meta, payload) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![row.0, row.1, row.2, row.3],
        )
        .expect("splice the old row back");
    let mut vault = Vault::open(dir.path(), VaultConfig::default(), NOW + 3).expect("open");
    vault.unlock(PIN, None, NOW + 3).expect("unlock");
    let listing = vault.list(NOW + 3).expect("list");
    assert_eq!(listing.records.len(), 1);
    assert_eq!(listing.records[0].id, kept);
    assert_eq!(
        listing.damaged,
        [DamagedRecord {
            id: deleted.clone(),
            date: "2026-01-01".into(),
            damage: Damage::NotSavedHere
        }]
    );
    assert_eq!(
        vault.get(&deleted, NOW + 3).map(|_| ()),
        Err(VaultError::Integrity { id: deleted })
    );
}

#[test]
fn a_record_removed_outside_the_app_is_reported_missing() {
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    let removed = vault
        .save(RecordKind::Note, "case", "evidence", NOW)
        .expect("save");
    drop(vault);
    raw(dir.path())
        .execute("DELETE FROM records WHERE id = ?1", [&removed])
        .expect("remove");
    let mut vault = Vault::open(dir.path(), VaultConfig::default(), NOW).expect("open");
    vault.unlock(PIN, None, NOW).expect("unlock");
    let listing = vault.list(NOW).expect("list");
    assert!(listing.records.is_empty());
    assert_eq!(
        listing.damaged,
        [DamagedRecord {
            id: removed.clone(),
            date: "2026-01-01".into(),
            damage: Damage::Missing
        }]
    );
    // Deleting it clears the mark.
    vault.delete(&removed, NOW).expect("delete");
    assert!(vault.list(NOW).expect("list").damaged.is_empty());
}

#[test]
fn a_planted_schema_is_refused_before_anything_runs() {
    let plants = [
        // Switches the back-off off.
        "CREATE TRIGGER no_waits AFTER UPDATE ON attempts BEGIN DELETE FROM attempts; END;",
        // Keeps "deleted" records in a hidden table.
        "CREATE TABLE kept (id, date, meta, payload);
         CREATE TRIGGER keep BEFORE DELETE ON records BEGIN
           INSERT INTO kept VALUES (old.id, old.date, old.meta, old.payload); END;",
        "CREATE VIEW everything AS SELECT * FROM records;",
        "CREATE INDEX by_date ON records (date);",
        "CREATE TABLE extra (x);",
        "ALTER TABLE records ADD COLUMN note TEXT;",
    ];
    for plant in plants {
        let (dir, mut vault) = new_vault(VaultConfig::default(), None);
        vault
            .save(RecordKind::Note, "case", "text", NOW)
            .expect("save");
        drop(vault);
        raw(dir.path()).execute_batch(plant).expect("plant");
        let before = fs::read(db(dir.path())).expect("read");
        assert_eq!(
            Vault::open(dir.path(), VaultConfig::default(), YEAR_2099).map(|_| ()),
            Err(VaultError::Damaged),
            "{plant}"
        );
        assert_eq!(
            fs::read(db(dir.path())).expect("read"),
            before,
            "{plant}: the file was changed"
        );
    }
}

#[test]
fn a_file_in_the_earlier_test_format_is_refused_clearly_and_left_alone() {
    let dir = tempfile::tempdir().expect("dir");
    raw(dir.path())
        .execute_batch(
            "CREATE TABLE keyslot (slot INTEGER PRIMARY KEY, kdf_version INTEGER,
               memory_kib INTEGER, iterations INTEGER, lanes INTEGER, salt BLOB,
               needs_secret INTEGER, wrapped BLOB);
             CREATE TABLE attempts (slot INTEGER PRIMARY KEY, failures INTEGER,
               last_failure_at INTEGER);
             CREATE TABLE records (id TEXT PRIMARY KEY, date TEXT, sealed BLOB) WITHOUT ROWID;
             PRAGMA user_version = 1;",
        )
        .expect("old file");
    let before = fs::read(db(dir.path())).expect("read");
    let opened = Vault::open(dir.path(), VaultConfig::default(), NOW).map(|_| ());
    assert_eq!(opened, Err(VaultError::OldFormat));
    assert_eq!(
        opened.map_err(|e| e.to_string()),
        Err("the vault was made by an earlier test version of the app and cannot be opened; wipe it and create a new one".into())
    );
    assert_eq!(fs::read(db(dir.path())).expect("read"), before);
    Vault::wipe(dir.path()).expect("it can be wiped");
    assert!(names(dir.path()).is_empty());
}

// ---- rollback, with and without what a phone adds -------------------------

#[test]
fn with_a_platform_store_a_whole_file_put_back_is_refused() {
    let secret = random_bytes(32);
    let config = phone();
    let (dir, mut vault) = new_vault(config.clone(), Some(&secret));
    vault
        .save(RecordKind::Note, "case", "first", NOW)
        .expect("save");
    vault.lock();
    drop(vault);
    let backup = tempfile::tempdir().expect("backup");
    copy_files(dir.path(), backup.path());

    let mut vault = Vault::open(dir.path(), config.clone(), NOW).expect("open");
    vault.unlock(PIN, Some(&secret), NOW).expect("unlock");
    let second = vault
        .save(RecordKind::Note, "case", "second", NOW + 1)
        .expect("save");
    vault.delete(&second, NOW + 2).expect("delete");
    drop(vault);

    copy_files(backup.path(), dir.path());
    let mut vault = Vault::open(dir.path(), config, NOW + 3).expect("open");
    assert_eq!(
        vault.unlock(PIN, Some(&secret), NOW + 3),
        Err(VaultError::RolledBack)
    );
    assert!(!vault.is_unlocked(NOW + 3));
}

#[test]
fn without_a_platform_store_a_whole_file_put_back_opens_as_it_was() {
    // What the terminal cannot detect, as its docs say: the older copy is whole and authentic.
    let (dir, mut vault) = new_vault(VaultConfig::default(), None);
    let first = vault
        .save(RecordKind::Note, "case", "first", NOW)
        .expect("save");
    drop(vault);
    let backup = tempfile::tempdir().expect("backup");
    copy_files(dir.path(), backup.path());
    let mut vault = Vault::open(dir.path(), VaultConfig::default(), NOW).expect("open");
    vault.unlock(PIN, None, NOW).expect("unlock");
    vault.delete(&first, NOW).expect("delete");
    drop(vault);
    copy_files(backup.path(), dir.path());
    let mut vault = Vault::open(dir.path(), VaultConfig::default(), NOW).expect("open");
    vault.unlock(PIN, None, NOW).expect("unlock");
    assert_eq!(vault.list(NOW).expect("list").records[0].id, first);
}

/// Three wrong PINs, then the file put back from before them (as deleting the log after a kill
/// would do); the answer to the next try.
fn try_after_undoing_three_failures(config: &VaultConfig, secret: Option<&[u8]>) -> VaultError {
    let (dir, vault) = new_vault(config.clone(), secret);
    drop(vault);
    let before = tempfile::tempdir().expect("backup");
    copy_files(dir.path(), before.path());
    let mut vault = Vault::open(dir.path(), config.clone(), NOW).expect("open");
    for _ in 0..3 {
        assert!(matches!(
            vault.unlock(WRONG_PIN, secret, NOW),
            Err(VaultError::WrongPin { .. })
        ));
    }
    drop(vault);
    copy_files(before.path(), dir.path());
    let mut vault = Vault::open(dir.path(), config.clone(), NOW).expect("open");
    vault
        .unlock(WRONG_PIN, secret, NOW)
        .expect_err("a wrong PIN")
}

#[test]
fn with_a_platform_store_undoing_counted_tries_gains_nothing() {
    let secret = random_bytes(32);
    assert_eq!(
        try_after_undoing_three_failures(&phone(), Some(&secret)),
        VaultError::TooManyAttempts { wait_secs: 30 }
    );
    // The terminal's limit, as its docs say: the count lives in the file alone.
    assert!(matches!(
        try_after_undoing_three_failures(&VaultConfig::default(), None),
        VaultError::WrongPin { .. }
    ));
}

/// Sets the count of failures in the file to zero, as the file's holder would like it.
fn zero_the_failures(dir: &Path) {
    let conn = raw(dir);
    let mut state: Vec<u8> = conn
        .query_row("SELECT state FROM attempts", [], |r| r.get(0))
        .expect("state");
    state[8..12].fill(0);
    conn.execute("UPDATE attempts SET state = ?1", [state])
        .expect("edit");
}

#[test]
fn with_a_platform_secret_an_edited_count_is_detected() {
    let secret = random_bytes(32);
    let config = phone();
    let (dir, vault) = new_vault(config.clone(), Some(&secret));
    drop(vault);
    let mut vault = Vault::open(dir.path(), config.clone(), NOW).expect("open");
    for _ in 0..3 {
        let _ = vault.unlock(WRONG_PIN, Some(&secret), NOW);
    }
    drop(vault);
    zero_the_failures(dir.path());
    let mut vault = Vault::open(dir.path(), config, NOW).expect("open");
    assert_eq!(
        vault.unlock(PIN, Some(&secret), NOW),
        Err(VaultError::Damaged)
    );
    // The terminal's limit, as its docs say: without a secret nothing can sign the count.
    let (dir, vault) = new_vault(VaultConfig::default(), None);
    drop(vault);
    let mut vault = Vault::open(dir.path(), VaultConfig::default(), NOW).expect("open");
    for _ in 0..3 {
        let _ = vault.unlock(WRONG_PIN, None, NOW);
    }
    zero_the_failures(dir.path());
    vault
        .unlock(PIN, None, NOW)
        .expect("the edit goes unnoticed");
}

// ---- words ----------------------------------------------------------------

#[test]
fn storage_errors_are_the_vaults_own_words() {
    let root = tempfile::tempdir().expect("dir");
    let file = root.path().join("a-file");
    fs::write(&file, "not a folder").expect("write");
    let created = Vault::create(&file, PIN, None, VaultConfig::default(), NOW).map(|_| ());
    assert_eq!(
        created,
        Err(VaultError::Storage {
            problem: StorageProblem::NotAFolder
        })
    );
    let text = created.map_err(|e| e.to_string()).expect_err("an error");
    assert_eq!(text, "the vault's folder is not a folder the vault can use");
    assert_eq!(
        Vault::open(&file, VaultConfig::default(), NOW).map(|_| ()),
        Err(VaultError::NotFound)
    );
}
