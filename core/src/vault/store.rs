//! The vault's SQLite file.
//!
//! Durable: write-ahead log with `synchronous=FULL`, so a save that returned
//! survives a crash. Discreet: `secure_delete` zeroes deleted content,
//! temporary data stays in memory, and every deletion rebuilds the file from
//! the live rows and truncates the log, leaving no old copy in either. Records are stored as id, coarse
//! date and sealed blob only.

use std::fs;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::attempts::Attempts;
use super::crypto;
use super::error::{Result, VaultError, io, storage};
use super::kdf::KdfParams;
use super::keyslot::Keyslot;
use super::record::Row;

/// The vault's database file in its folder.
pub(crate) const DB_FILE: &str = "vault.db";
/// Where a new vault is built before it is renamed into place.
const NEW_DB_FILE: &str = "vault.db.new";
/// The layout this version writes.
const SCHEMA_VERSION: i64 = 1;

const SCHEMA: &str = "
    CREATE TABLE keyslot (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        kdf_version INTEGER NOT NULL,
        memory_kib INTEGER NOT NULL,
        iterations INTEGER NOT NULL,
        lanes INTEGER NOT NULL,
        salt BLOB NOT NULL,
        needs_secret INTEGER NOT NULL,
        wrapped BLOB NOT NULL
    );
    CREATE TABLE attempts (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        failures INTEGER NOT NULL,
        last_failure_at INTEGER
    );
    CREATE TABLE records (
        id TEXT PRIMARY KEY NOT NULL,
        date TEXT NOT NULL,
        sealed BLOB NOT NULL
    ) WITHOUT ROWID;
    INSERT INTO attempts (slot, failures) VALUES (1, 0);
";

/// An open vault file.
#[derive(Debug)]
pub(crate) struct Store {
    conn: Connection,
}

impl Store {
    /// Creates the vault file in `dir` atomically: it is written in full
    /// beside its final name and renamed into place, so a crash leaves either
    /// no vault or a whole one.
    pub(crate) fn create(dir: &Path, keyslot: &Keyslot) -> Result<()> {
        for suffix in ["", "-journal", "-wal", "-shm"] {
            remove_if_present(&dir.join(format!("{NEW_DB_FILE}{suffix}")))?;
        }
        let path = dir.join(NEW_DB_FILE);
        let mut conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(storage)?;
        // A rollback journal while building: the finished file then stands
        // alone and can be renamed. Opening it switches to the log.
        configure(&conn, "delete")?;
        let tx = conn.transaction().map_err(storage)?;
        tx.execute_batch(SCHEMA).map_err(storage)?;
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(storage)?;
        put_keyslot(&tx, keyslot)?;
        tx.commit().map_err(storage)?;
        conn.close().map_err(|(_, e)| storage(e))?;
        fs::rename(&path, dir.join(DB_FILE)).map_err(io)?;
        sync_dir(dir)
    }

    /// Opens the vault file in `dir` and checks that it is whole.
    pub(crate) fn open(dir: &Path) -> Result<Self> {
        let store = Self::connect(dir)?;
        // A file that opens but is not a whole vault of ours is damaged; a
        // full disk is not the file's fault.
        store.check().map_err(|e| match e {
            VaultError::StorageFull | VaultError::NewerFormat => e,
            _ => VaultError::Damaged,
        })?;
        Ok(store)
    }

    /// Opens the vault file in `dir` without checking it (to wipe it).
    pub(crate) fn connect(dir: &Path) -> Result<Self> {
        let conn = Connection::open_with_flags(
            dir.join(DB_FILE),
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(storage)?;
        configure(&conn, "wal")?;
        Ok(Self { conn })
    }

    fn check(&self) -> Result<()> {
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(storage)?;
        if version > SCHEMA_VERSION {
            return Err(VaultError::NewerFormat);
        }
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(storage)?;
        if version != SCHEMA_VERSION || verdict != "ok" {
            return Err(VaultError::Damaged);
        }
        self.keyslot()?;
        self.attempts()?;
        Ok(())
    }

    /// The keyslot; `Damaged` if it is missing or malformed, `NewerFormat` if
    /// a later version wrote it.
    pub(crate) fn keyslot(&self) -> Result<Keyslot> {
        let slot = self
            .conn
            .query_row(
                "SELECT kdf_version, memory_kib, iterations, lanes, salt, needs_secret, wrapped
                 FROM keyslot WHERE slot = 1",
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        KdfParams {
                            memory_kib: r.get(1)?,
                            iterations: r.get(2)?,
                            lanes: r.get(3)?,
                        },
                        r.get::<_, Vec<u8>>(4)?,
                        r.get(5)?,
                        r.get(6)?,
                    ))
                },
            )
            .optional()
            .map_err(storage)?;
        let (kdf_version, params, salt, needs_secret, wrapped) = slot.ok_or(VaultError::Damaged)?;
        let keyslot = Keyslot {
            kdf_version,
            params,
            salt: salt.try_into().map_err(|_| VaultError::Damaged)?,
            needs_secret,
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

    /// Overwrites the wrapped key and its salt with random bytes, durably,
    /// leaving nothing of them in the log. Nothing can be unlocked after it.
    pub(crate) fn destroy_keyslot(&self) -> Result<()> {
        let lengths: Option<(u32, u32)> = self
            .conn
            .query_row(
                "SELECT length(salt), length(wrapped) FROM keyslot WHERE slot = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(storage)?;
        if let Some(lengths) = lengths {
            // Same sizes, so the row is rewritten in place.
            let [salt_len, wrapped_len] =
                [lengths.0, lengths.1].map(|n| usize::try_from(n).unwrap_or(0).min(4_096));
            let mut noise = vec![0; salt_len + wrapped_len];
            crypto::fill_random(&mut noise)?;
            let (salt, wrapped) = noise.split_at(salt_len);
            self.conn
                .execute(
                    "UPDATE keyslot SET salt = ?1, wrapped = ?2 WHERE slot = 1",
                    params![salt, wrapped],
                )
                .map_err(storage)?;
        }
        self.checkpoint()
    }

    /// The persisted count of failed PIN attempts.
    pub(crate) fn attempts(&self) -> Result<Attempts> {
        self.conn
            .query_row(
                "SELECT failures, last_failure_at FROM attempts WHERE slot = 1",
                [],
                |r| {
                    Ok(Attempts {
                        failures: r.get(0)?,
                        last_failure_at: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(storage)?
            .ok_or(VaultError::Damaged)
    }

    /// Persists the count of failed PIN attempts.
    pub(crate) fn set_attempts(&self, attempts: &Attempts) -> Result<()> {
        self.conn
            .execute(
                "UPDATE attempts SET failures = ?1, last_failure_at = ?2 WHERE slot = 1",
                params![attempts.failures, attempts.last_failure_at],
            )
            .map_err(storage)?;
        Ok(())
    }

    /// Stores a new record.
    pub(crate) fn insert(&self, row: &Row) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO records (id, date, sealed) VALUES (?1, ?2, ?3)",
                params![row.id, row.date, row.sealed],
            )
            .map_err(storage)?;
        Ok(())
    }

    /// The record with `id`, if there is one.
    pub(crate) fn row(&self, id: &str) -> Result<Option<Row>> {
        self.conn
            .query_row(
                "SELECT id, date, sealed FROM records WHERE id = ?1",
                [id],
                read_row,
            )
            .optional()
            .map_err(storage)
    }

    /// Every record.
    pub(crate) fn rows(&self) -> Result<Vec<Row>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, date, sealed FROM records")
            .map_err(storage)?;
        stmt.query_map([], read_row)
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
        self.compact()?;
        Ok(deleted > 0)
    }

    /// Deletes every record.
    pub(crate) fn delete_all(&self) -> Result<()> {
        self.conn
            .execute("DELETE FROM records", [])
            .map_err(storage)?;
        self.compact()
    }

    /// Deletes the records dated before `date`; how many there were.
    pub(crate) fn delete_before(&self, date: &str) -> Result<usize> {
        let deleted = self
            .conn
            .execute("DELETE FROM records WHERE date < ?1", [date])
            .map_err(storage)?;
        if deleted > 0 {
            self.compact()?;
        }
        Ok(deleted)
    }

    /// Closes the file, reporting any failure to finish writing it.
    pub(crate) fn close(self) -> Result<()> {
        self.conn.close().map_err(|(_, e)| storage(e))
    }

    /// Rebuilds the file from the live rows after a deletion, then empties the
    /// log. `secure_delete` zeroes a deleted row's cell, but when SQLite moves
    /// cells between pages it can leave an earlier copy in a page's unused
    /// space; rebuilding leaves only what is stored.
    fn compact(&self) -> Result<()> {
        self.conn.execute_batch("VACUUM").map_err(storage)?;
        self.checkpoint()
    }

    /// Copies the log into the file and truncates the log to nothing, so no
    /// earlier version of a page (deleted content, an old key) stays in it.
    fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(storage)
    }
}

fn configure(conn: &Connection, journal_mode: &str) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5)).map_err(storage)?;
    conn.execute_batch(
        "PRAGMA secure_delete = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cell_size_check = ON;
         PRAGMA trusted_schema = OFF;",
    )
    .map_err(storage)?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", journal_mode, |r| r.get(0))
        .map_err(storage)?;
    if !mode.eq_ignore_ascii_case(journal_mode) {
        return Err(VaultError::Storage {
            reason: format!("the journal mode is {mode}, not {journal_mode}"),
        });
    }
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(storage)
}

fn put_keyslot(conn: &Connection, k: &Keyslot) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO keyslot
         (slot, kdf_version, memory_kib, iterations, lanes, salt, needs_secret, wrapped)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            k.kdf_version,
            k.params.memory_kib,
            k.params.iterations,
            k.params.lanes,
            &k.salt[..],
            k.needs_secret,
            k.wrapped
        ],
    )
    .map_err(storage)?;
    Ok(())
}

fn read_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok(Row {
        id: r.get(0)?,
        date: r.get(1)?,
        sealed: r.get(2)?,
    })
}

/// Makes renames and deletions in `dir` durable.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    fs::File::open(dir).and_then(|d| d.sync_all()).map_err(io)
}

/// Deletes the file at `path` if it exists.
pub(crate) fn remove_if_present(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(e)),
        _ => Ok(()),
    }
}
