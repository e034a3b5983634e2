//! The vault's SQLite file.
//!
//! Durable: write-ahead log with `synchronous=FULL`, so a save that returned survives a crash.
//! Discreet: `secure_delete` zeroes deleted content, temporary data stays in memory, and every
//! deletion rebuilds the file from the live rows and truncates the log, leaving no old copy in
//! either. Strict: a file is used only if it carries this format's application id and version
//! and its schema is exactly the one this version creates (no trigger, view, index or table
//! more), and each connection has triggers and views switched off and SQLite's defensive mode
//! on, so nothing planted in the file can run.

use std::fs;
use std::path::Path;
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params,
};

use super::attempts::Attempts;
use super::error::{Result, VaultError, io, storage};
use super::folder::{self, DB_FILE, NEW_DB_FILE};
use super::kdf::KdfParams;
use super::keyslot::Keyslot;
use super::manifest::StoredManifest;
use super::platform::StoredAttempts;
use super::record::Row;

/// "LYKT": marks the file as a vault (SQLite's `application_id`).
const APPLICATION_ID: i64 = 0x4C59_4B54;
/// The layout this version writes. Version 1 (no application id) was an earlier test format.
const SCHEMA_VERSION: i64 = 2;

const SCHEMA: &str = "
    CREATE TABLE keyslot (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        vault_id BLOB NOT NULL,
        kdf_version INTEGER NOT NULL,
        memory_kib INTEGER NOT NULL,
        iterations INTEGER NOT NULL,
        lanes INTEGER NOT NULL,
        salt BLOB NOT NULL,
        secret_check BLOB,
        wrapped BLOB NOT NULL
    );
    CREATE TABLE attempts (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        state BLOB NOT NULL,
        mac BLOB
    );
    CREATE TABLE manifest (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        generation INTEGER NOT NULL,
        entries BLOB NOT NULL,
        seal BLOB NOT NULL
    );
    CREATE TABLE records (
        id TEXT PRIMARY KEY NOT NULL,
        date TEXT NOT NULL,
        meta BLOB NOT NULL,
        payload BLOB NOT NULL
    ) WITHOUT ROWID;
";

/// One schema object as SQLite lists it: type, name, table and SQL text.
type SchemaRow = (String, String, String, Option<String>);

/// An open vault file.
#[derive(Debug)]
pub(crate) struct Store {
    conn: Connection,
}

impl Store {
    /// Creates the vault file in `dir` atomically: it is written in full beside its final name
    /// and renamed into place, so a crash leaves either no vault or a whole one.
    pub(crate) fn create(
        dir: &Path,
        keyslot: &Keyslot,
        attempts: &StoredAttempts,
        manifest: &StoredManifest,
    ) -> Result<()> {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            folder::remove_if_present(&dir.join(format!("{NEW_DB_FILE}{suffix}")))?;
        }
        let path = dir.join(NEW_DB_FILE);
        // Created by us first, so SQLite's files get its private permissions.
        drop(folder::create_private_file(&path)?);
        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(storage)?;
        // A rollback journal while building: the finished file then stands alone and can be
        // renamed. Opening it switches to the log.
        configure(&conn)?;
        set_journal_mode(&conn, "delete")?;
        let tx = conn.transaction().map_err(storage)?;
        tx.execute_batch(SCHEMA).map_err(storage)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(storage)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(storage)?;
        put_keyslot(&tx, keyslot)?;
        put_attempts(&tx, attempts)?;
        put_manifest(&tx, manifest)?;
        tx.commit().map_err(storage)?;
        conn.close().map_err(|(_, e)| storage(e))?;
        fs::rename(&path, dir.join(DB_FILE)).map_err(io)?;
        folder::sync_dir(dir)
    }

    /// Opens the vault file in `dir` and checks that it is a whole vault of this format.
    pub(crate) fn open(dir: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(
            dir.join(DB_FILE),
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(storage)?;
        configure(&conn)?;
        let store = Self { conn };
        // A file that opens but is not a whole vault of ours is damaged; a full disk or a busy
        // file is not the file's fault, and a format of another version says which.
        store.check().map_err(|e| match e {
            VaultError::StorageFull
            | VaultError::NewerFormat
            | VaultError::OldFormat
            | VaultError::Storage { .. } => e,
            _ => VaultError::Damaged,
        })?;
        Ok(store)
    }

    fn check(&self) -> Result<()> {
        let pragma = |name| -> Result<i64> {
            self.conn
                .pragma_query_value(None, name, |r| r.get(0))
                .map_err(storage)
        };
        match (pragma("application_id")?, pragma("user_version")?) {
            (APPLICATION_ID, SCHEMA_VERSION) => {}
            (APPLICATION_ID, v) if v > SCHEMA_VERSION => return Err(VaultError::NewerFormat),
            (0, 1) => return Err(VaultError::OldFormat),
            _ => return Err(VaultError::Damaged),
        }
        if schema(&self.conn)? != expected_schema()? {
            return Err(VaultError::Damaged);
        }
        set_journal_mode(&self.conn, "wal")?;
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(storage)?;
        if verdict != "ok" {
            return Err(VaultError::Damaged);
        }
        self.keyslot()?;
        self.attempts()?;
        self.manifest()?;
        Ok(())
    }

    /// Runs `change` in one transaction that holds the file's write lock from its start, so a
    /// check and the write that follows it cannot interleave with another process's.
    pub(crate) fn write<T>(&self, change: impl FnOnce() -> Result<T>) -> Result<T> {
        let (mut change, mut out) = (Some(change), None);
        self.in_transaction(&mut || {
            out = change.take().map(|change| change()).transpose()?;
            Ok(())
        })?;
        out.ok_or(VaultError::Damaged)
    }

    /// [`Self::write`]'s transaction, compiled once for every change.
    fn in_transaction(&self, change: &mut dyn FnMut() -> Result<()>) -> Result<()> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .map_err(storage)?;
        change()?;
        tx.commit().map_err(storage)
    }

    /// The keyslot; `Damaged` if it is missing or malformed, `NewerFormat` if a later version
    /// wrote it.
    pub(crate) fn keyslot(&self) -> Result<Keyslot> {
        let slot = self
            .conn
            .query_row(
                "SELECT vault_id, kdf_version, memory_kib, iterations, lanes, salt, secret_check,
                        wrapped
                 FROM keyslot WHERE slot = 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, Vec<u8>>(0)?,
                        r.get(1)?,
                        KdfParams {
                            memory_kib: r.get(2)?,
                            iterations: r.get(3)?,
                            lanes: r.get(4)?,
                        },
                        r.get::<_, Vec<u8>>(5)?,
                        r.get::<_, Option<Vec<u8>>>(6)?,
                        r.get(7)?,
                    ))
                },
            )
            .optional()
            .map_err(storage)?;
        let (vault_id, kdf_version, params, salt, secret_check, wrapped) =
            slot.ok_or(VaultError::Damaged)?;
        let damaged = |_| VaultError::Damaged;
        let keyslot = Keyslot {
            vault_id: vault_id.try_into().map_err(damaged)?,
            kdf_version,
            params,
            salt: salt.try_into().map_err(damaged)?,
            secret_check: secret_check
                .map(|c| c.try_into().map_err(damaged))
                .transpose()?,
            wrapped,
        };
        keyslot.check()?;
        Ok(keyslot)
    }

    /// Replaces the keyslot (after a change of key-derivation costs).
    pub(crate) fn set_keyslot(&self, keyslot: &Keyslot) -> Result<()> {
        put_keyslot(&self.conn, keyslot)?;
        self.compact()
    }

    /// The persisted count of failed PIN attempts, as stored (not yet checked).
    pub(crate) fn attempts(&self) -> Result<StoredAttempts> {
        let (state, mac) = self
            .conn
            .query_row("SELECT state, mac FROM attempts WHERE slot = 1", [], |r| {
                Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, Option<Vec<u8>>>(1)?))
            })
            .optional()
            .map_err(storage)?
            .ok_or(VaultError::Damaged)?;
        Ok(StoredAttempts {
            attempts: Attempts::decode(&state).ok_or(VaultError::Damaged)?,
            mac,
        })
    }

    /// Persists the count of failed PIN attempts.
    pub(crate) fn set_attempts(&self, attempts: &StoredAttempts) -> Result<()> {
        put_attempts(&self.conn, attempts)
    }

    /// The manifest as stored (not yet checked).
    pub(crate) fn manifest(&self) -> Result<StoredManifest> {
        let (generation, entries, seal) = self
            .conn
            .query_row(
                "SELECT generation, entries, seal FROM manifest WHERE slot = 1",
                [],
                |r| Ok((r.get::<_, i64>(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(storage)?
            .ok_or(VaultError::Damaged)?;
        Ok(StoredManifest {
            generation: u64::try_from(generation).map_err(|_| VaultError::Damaged)?,
            entries,
            seal,
        })
    }

    /// Replaces the manifest.
    pub(crate) fn set_manifest(&self, manifest: &StoredManifest) -> Result<()> {
        put_manifest(&self.conn, manifest)
    }

    /// Stores a new record.
    pub(crate) fn insert(&self, row: &Row) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO records (id, date, meta, payload) VALUES (?1, ?2, ?3, ?4)",
                params![row.id, row.date, row.meta, row.payload],
            )
            .map_err(storage)?;
        Ok(())
    }

    /// The record with `id`, if there is one.
    pub(crate) fn row(&self, id: &str) -> Result<Option<Row>> {
        self.conn
            .query_row(
                "SELECT id, date, meta, payload FROM records WHERE id = ?1",
                [id],
                |r| {
                    Ok(Row {
                        id: r.get(0)?,
                        date: r.get(1)?,
                        meta: r.get(2)?,
                        payload: Some(r.get(3)?),
                    })
                },
            )
            .optional()
            .map_err(storage)
    }

    /// Every record without its payload, for the list.
    pub(crate) fn rows_to_list(&self) -> Result<Vec<Row>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, date, meta FROM records")
            .map_err(storage)?;
        stmt.query_map([], |r| {
            Ok(Row {
                id: r.get(0)?,
                date: r.get(1)?,
                meta: r.get(2)?,
                payload: None,
            })
        })
        .map_err(storage)?
        .collect::<rusqlite::Result<_>>()
        .map_err(storage)
    }

    /// Deletes the record with `id`; whether there was one.
    pub(crate) fn delete(&self, id: &str) -> Result<bool> {
        let deleted = self
            .conn
            .execute("DELETE FROM records WHERE id = ?1", [id])
            .map_err(storage)?;
        Ok(deleted > 0)
    }

    /// Deletes every record.
    pub(crate) fn delete_all(&self) -> Result<()> {
        self.conn
            .execute("DELETE FROM records", [])
            .map_err(storage)?;
        Ok(())
    }

    /// Deletes the records dated before `date`; how many there were.
    pub(crate) fn delete_before(&self, date: &str) -> Result<usize> {
        self.conn
            .execute("DELETE FROM records WHERE date < ?1", [date])
            .map_err(storage)
    }

    /// Closes the file, reporting any failure to finish writing it.
    pub(crate) fn close(self) -> Result<()> {
        self.conn.close().map_err(|(_, e)| storage(e))
    }

    /// Rebuilds the file from the live rows after a deletion, then empties the log.
    /// `secure_delete` zeroes a deleted row's cell, but when SQLite moves cells between pages it
    /// can leave an earlier copy in a page's unused space; rebuilding leaves only what is stored.
    pub(crate) fn compact(&self) -> Result<()> {
        self.conn.execute_batch("VACUUM").map_err(storage)?;
        // Copies the log into the file and truncates the log to nothing, so no earlier version
        // of a page (deleted content, an old key) stays in it.
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(storage)
    }
}

/// What every connection to a vault file needs before it reads anything.
fn configure(conn: &Connection) -> Result<()> {
    for (setting, on) in [
        (DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false),
        (DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false),
    ] {
        conn.set_db_config(setting, on).map_err(storage)?;
    }
    conn.busy_timeout(Duration::from_secs(5)).map_err(storage)?;
    conn.execute_batch(
        "PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cell_size_check = ON;",
    )
    .map_err(storage)
}

fn set_journal_mode(conn: &Connection, journal_mode: &str) -> Result<()> {
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", journal_mode, |r| r.get(0))
        .map_err(storage)?;
    if !mode.eq_ignore_ascii_case(journal_mode) {
        return Err(VaultError::Damaged);
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(storage)
}

/// Every object in the file's schema, in a fixed order.
fn schema(conn: &Connection) -> Result<Vec<SchemaRow>> {
    let mut stmt = conn
        .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")
        .map_err(storage)?;
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .map_err(storage)?
        .collect::<rusqlite::Result<_>>()
        .map_err(storage)
}

/// The schema this version creates, as SQLite lists it.
fn expected_schema() -> Result<Vec<SchemaRow>> {
    let conn = Connection::open_in_memory().map_err(storage)?;
    conn.execute_batch(SCHEMA).map_err(storage)?;
    schema(&conn)
}

fn put_keyslot(conn: &Connection, k: &Keyslot) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO keyslot
         (slot, vault_id, kdf_version, memory_kib, iterations, lanes, salt, secret_check, wrapped)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            &k.vault_id[..],
            k.kdf_version,
            k.params.memory_kib,
            k.params.iterations,
            k.params.lanes,
            &k.salt[..],
            k.secret_check.as_ref().map(|c| &c[..]),
            k.wrapped
        ],
    )
    .map_err(storage)?;
    Ok(())
}

fn put_attempts(conn: &Connection, a: &StoredAttempts) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO attempts (slot, state, mac) VALUES (1, ?1, ?2)",
        params![&a.attempts.encode()[..], a.mac],
    )
    .map_err(storage)?;
    Ok(())
}

fn put_manifest(conn: &Connection, m: &StoredManifest) -> Result<()> {
    let generation = i64::try_from(m.generation).map_err(|_| VaultError::Damaged)?;
    conn.execute(
        "INSERT OR REPLACE INTO manifest (slot, generation, entries, seal) VALUES (1, ?1, ?2, ?3)",
        params![generation, m.entries, m.seal],
    )
    .map_err(storage)?;
    Ok(())
}
