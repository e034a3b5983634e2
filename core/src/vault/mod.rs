//! The encrypted vault: what professionals save, unreadable without the PIN,
//! intact after a crash, and gone for good when wiped.
//!
//! # What is on disk
//!
//! One SQLite file (`vault.db`, with its `-wal`/`-shm` while open) in a folder
//! used by the vault alone (a wipe deletes every file in it). Each record is a row of three columns: a random
//! id, the UTC day it was saved (`YYYY-MM-DD`, for retention while locked) and
//! a sealed blob. Kind, case label, creation time and content exist only
//! inside the blob: AES-256-GCM under a random 256-bit data key, a fresh
//! random 96-bit nonce per seal, with the id and day bound as associated data
//! so a row cannot be altered or moved unnoticed.
//!
//! # Keys
//!
//! The data key is stored only wrapped (sealed) under a key derived from the
//! PIN with Argon2id — at least OWASP's floor of 19 MiB, 2 passes, 1 lane —
//! and a random 16-byte salt; the costs are stored with a version number so
//! they can be raised later ([`Vault::unlock`] re-wraps under the configured
//! costs when they differ). If the shell passes a platform secret (bytes held
//! by Android Keystore / iOS Keychain), it is mixed in with HKDF-SHA256, and
//! the vault then needs that secret as well as the PIN.
//!
//! PINs have at least [`MIN_PIN_CHARS`] characters. Wrong PINs (a wrong
//! platform secret counts as one) are slowed down: no wait for the first
//! [`FREE_FAILURES`], then [`FIRST_DELAY_SECS`] doubling up to
//! [`MAX_DELAY_SECS`]. Each attempt is counted durably before the check, so
//! killing the app mid-check wins no free try; optionally the vault erases
//! itself after a configured number of wrong PINs in a row.
//!
//! # Locking
//!
//! The data key lives in memory only while unlocked, in a buffer wiped on
//! lock, on auto-lock (more than [`VaultConfig::auto_lock_after_secs`] since
//! the last activity, checked by every call that takes `now`) and on drop.
//! Limits, stated plainly: `ring` builds its AES key schedule on the stack
//! for each operation and does not wipe it; the records handed to the caller
//! and the JSON parser's scratch space are ordinary memory.
//!
//! # Wiping
//!
//! [`Vault::wipe`] needs no PIN: it destroys the wrapped key (overwritten
//! with random bytes, fully synced, log truncated), then deletes every file in
//! the folder; a wipe cut short by a crash finishes at the next open. A copy
//! of the files taken *before* the wipe (a backup, a forensic image) is still
//! protected by what protected it then:
//!
//! - with a platform secret, the copy cannot be decrypted once the shell has
//!   also deleted that secret from the keystore, which it must do on wipe —
//!   not even with the right PIN;
//! - without one, the copy is protected only by the PIN and Argon2, and the
//!   delays above do not apply to it: at the default costs (about 70 ms per
//!   guess on one server core) every six-digit PIN can be tried in about a
//!   day, faster with more cores. Longer PINs help; the platform secret is
//!   what really protects a copy.
//!
//! Flash storage may keep old blocks of deleted files; only ciphertext and
//! wrapped keys ever reach the disk, and the same two cases apply.
//!
//! # Durability
//!
//! A save that returned survives a crash (write-ahead log, `synchronous=FULL`);
//! creation is atomic (built beside, then renamed). Opening runs SQLite's
//! integrity check: a truncated, overwritten or foreign file gives
//! [`VaultError::Damaged`], an altered record [`VaultError::Integrity`].
//! Deleted content is zeroed in the file (`secure_delete`), the file is
//! rebuilt from the live rows after each deletion (`VACUUM`, so no copy a
//! page split left behind survives), temporary data stays in memory, and the
//! log is then truncated.
//!
//! # Retention
//!
//! Records older than [`VaultConfig::retention_days`] are deleted at open and
//! at unlock, using the plain date, so this works while locked.
//!
//! # Use
//!
//! One `Vault` per folder at a time. `now` is always unix seconds, from the
//! caller: the engine reads no clock.

mod attempts;
mod crypto;
mod error;
mod kdf;
mod keyslot;
mod lock;
mod record;
mod retention;
mod store;
mod wipe;

use std::path::{Path, PathBuf};

pub use attempts::{FIRST_DELAY_SECS, FREE_FAILURES, MAX_DELAY_SECS};
pub use error::{Result, VaultError};
pub use kdf::{KdfParams, MIN_PIN_CHARS, MIN_PLATFORM_SECRET_BYTES};
pub use record::{
    MAX_CASE_LABEL_CHARS, MAX_NOTE_CHARS, MAX_PAYLOAD_CHARS, Record, RecordKind, RecordSummary,
};

use crypto::SecretKey;
use keyslot::Keyslot;
use lock::Session;
use record::Row;
use store::{DB_FILE, Store};

/// How a vault behaves; not stored, passed at every open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VaultConfig {
    /// Lock when idle longer than this many seconds (default 300).
    pub auto_lock_after_secs: u64,
    /// Keep records this many days after the day they were saved (default 30).
    pub retention_days: u32,
    /// Erase the vault after this many wrong PINs in a row (default: never).
    pub wipe_after_failures: Option<u32>,
    /// Key-derivation costs for new vaults and re-wrapping (default: the floor).
    pub kdf: KdfParams,
}

impl Default for VaultConfig {
    fn default() -> Self {
        Self {
            auto_lock_after_secs: 5 * 60,
            retention_days: 30,
            wipe_after_failures: None,
            kdf: KdfParams::default(),
        }
    }
}

/// An encrypted vault in a folder of its own.
pub struct Vault {
    dir: PathBuf,
    config: VaultConfig,
    /// `None` once the vault was erased through this handle.
    store: Option<Store>,
    /// `Some` while unlocked.
    session: Option<Session>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("dir", &self.dir)
            .field("erased", &self.store.is_none())
            .field("unlocked", &self.session.is_some())
            .finish_non_exhaustive()
    }
}

impl Vault {
    /// Whether a vault has been set up in `dir` (and is not being wiped).
    pub fn exists(dir: &Path) -> bool {
        dir.join(DB_FILE).is_file() && !wipe::is_pending(dir)
    }

    /// Whether `pin` is accepted as a new PIN, checked before it is asked for a second time.
    pub fn check_new_pin(pin: &str) -> Result<()> {
        kdf::check_new_pin(pin)
    }

    /// Sets up a new vault in `dir` (created if missing) and returns it
    /// unlocked. A `platform_secret` will be needed, with the PIN, to unlock.
    pub fn create(
        dir: &Path,
        pin: &str,
        platform_secret: Option<&[u8]>,
        config: VaultConfig,
        now: i64,
    ) -> Result<Self> {
        kdf::check_new_pin(pin)?;
        kdf::check_platform_secret(platform_secret)?;
        config.kdf.check()?;
        retention::date_of(now)?;
        std::fs::create_dir_all(dir).map_err(error::io)?;
        if wipe::is_pending(dir) {
            wipe::wipe(dir, None)?;
        }
        if dir.join(DB_FILE).exists() {
            return Err(VaultError::AlreadyExists);
        }
        let key = SecretKey::random()?;
        Store::create(dir, &Keyslot::new(&key, pin, platform_secret, config.kdf)?)?;
        Ok(Self {
            dir: dir.to_path_buf(),
            config,
            store: Some(Store::open(dir)?),
            session: Some(Session::new(key, now)),
        })
    }

    /// Opens the vault in `dir`, locked. Finishes an interrupted wipe (then
    /// `NotFound`) and deletes expired records.
    pub fn open(dir: &Path, config: VaultConfig, now: i64) -> Result<Self> {
        config.kdf.check()?;
        if wipe::is_pending(dir) {
            wipe::wipe(dir, None)?;
            return Err(VaultError::NotFound);
        }
        if !dir.join(DB_FILE).is_file() {
            return Err(VaultError::NotFound);
        }
        let vault = Self {
            dir: dir.to_path_buf(),
            config,
            store: Some(Store::open(dir)?),
            session: None,
        };
        vault.apply_retention(now)?;
        Ok(vault)
    }

    /// Unlocks with the PIN (and the platform secret if the vault was created
    /// with one; ignored otherwise), locking first. Refused with
    /// `TooManyAttempts` while a delay runs; a wrong PIN changes nothing but
    /// the count of failures, and may erase the vault if
    /// [`VaultConfig::wipe_after_failures`] is set. Deletes expired records.
    pub fn unlock(&mut self, pin: &str, platform_secret: Option<&[u8]>, now: i64) -> Result<()> {
        self.session = None;
        self.apply_retention(now)?;
        let store = self.store()?;
        let mut attempts = store.attempts()?;
        let before = attempts;
        if let Some(wait_secs) = attempts.refuse(now) {
            if attempts != before {
                store.set_attempts(&attempts)?;
            }
            return Err(VaultError::TooManyAttempts { wait_secs });
        }
        let keyslot = store.keyslot()?;
        let secret = keyslot.secret_to_use(platform_secret)?;
        // Counted before the check, so stopping the app mid-check wins nothing.
        attempts.fail(now);
        store.set_attempts(&attempts)?;
        match keyslot.open(pin, secret) {
            Ok(key) => {
                store.set_attempts(&attempts::Attempts::default())?;
                if keyslot.params != self.config.kdf {
                    // Best effort: the old wrapping still opens, and the
                    // upgrade is tried again at the next unlock.
                    let _ = Keyslot::new(&key, pin, secret, self.config.kdf)
                        .and_then(|upgraded| store.set_keyslot(&upgraded));
                }
                self.session = Some(Session::new(key, now));
                Ok(())
            }
            Err(VaultError::WrongPin { .. }) => match self.config.wipe_after_failures {
                Some(limit) if attempts.failures >= limit => {
                    self.erase()?;
                    Err(VaultError::ErasedAfterWrongPins)
                }
                limit => Err(VaultError::WrongPin {
                    attempts_before_wipe: limit.map(|l| l.saturating_sub(attempts.failures)),
                }),
            },
            Err(other) => {
                // Out of memory or a cipher failure: the PIN was never tested.
                store.set_attempts(&before)?;
                Err(other)
            }
        }
    }

    /// Locks now, wiping the data key from memory.
    pub fn lock(&mut self) {
        self.session = None;
    }

    /// Whether the vault is unlocked at `now` (locking it first if idle too
    /// long). Does not count as activity.
    pub fn is_unlocked(&mut self, now: i64) -> bool {
        self.lock_if_idle(now);
        self.session.is_some()
    }

    /// Records user activity at `now`, keeping the vault unlocked; returns
    /// whether it still is (it locks first if it was idle too long).
    pub fn touch(&mut self, now: i64) -> bool {
        self.lock_if_idle(now);
        match &mut self.session {
            Some(session) => {
                session.touch(now);
                true
            }
            None => false,
        }
    }

    /// Saves a record and returns its id. The case label is trimmed; payloads
    /// are limited by [`RecordKind::max_payload_chars`].
    pub fn save(
        &mut self,
        kind: RecordKind,
        case_label: &str,
        payload: &str,
        now: i64,
    ) -> Result<String> {
        let (store, key) = self.unlocked(now)?;
        let case_label = record::checked_label(kind, case_label, payload)?;
        let row = Row::seal(key, kind, case_label, payload, now)?;
        store.insert(&row)?;
        Ok(row.id)
    }

    /// Every record, newest first.
    pub fn list(&mut self, now: i64) -> Result<Vec<RecordSummary>> {
        let (store, key) = self.unlocked(now)?;
        let mut list = store
            .rows()?
            .into_iter()
            .map(|row| row.open(key).map(RecordSummary::from))
            .collect::<Result<Vec<_>>>()?;
        list.sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
        Ok(list)
    }

    /// The record with `id`, in full.
    pub fn get(&mut self, id: &str, now: i64) -> Result<Record> {
        let (store, key) = self.unlocked(now)?;
        store.row(id)?.ok_or_else(|| no_such(id))?.open(key)
    }

    /// Deletes the record with `id`.
    pub fn delete(&mut self, id: &str, now: i64) -> Result<()> {
        let (store, _) = self.unlocked(now)?;
        if store.delete(id)? {
            Ok(())
        } else {
            Err(no_such(id))
        }
    }

    /// Deletes every record; the vault and its PIN stay.
    pub fn delete_all(&mut self, now: i64) -> Result<()> {
        let (store, _) = self.unlocked(now)?;
        store.delete_all()
    }

    /// Wipes the vault in `dir` without a PIN (see the module docs for what
    /// this does and does not protect). Drop any open `Vault` for `dir` first,
    /// or use [`Vault::erase`].
    pub fn wipe(dir: &Path) -> Result<()> {
        wipe::wipe(dir, None)
    }

    /// Wipes this vault like [`Vault::wipe`], closing it first; afterwards
    /// every call on this handle gives `Erased`.
    pub fn erase(&mut self) -> Result<()> {
        self.session = None;
        match self.store.take() {
            Some(store) => wipe::wipe(&self.dir, Some(store)),
            None => Ok(()),
        }
    }

    fn store(&self) -> Result<&Store> {
        self.store.as_ref().ok_or(VaultError::Erased)
    }

    fn lock_if_idle(&mut self, now: i64) {
        let timeout = self.config.auto_lock_after_secs;
        if self
            .session
            .as_ref()
            .is_some_and(|s| s.is_idle(now, timeout))
        {
            self.session = None;
        }
    }

    /// The store and data key for an operation at `now`, which counts as
    /// activity; `Locked` if locked or idle too long.
    fn unlocked(&mut self, now: i64) -> Result<(&Store, &SecretKey)> {
        self.lock_if_idle(now);
        let store = self.store.as_ref().ok_or(VaultError::Erased)?;
        let session = self.session.as_mut().ok_or(VaultError::Locked)?;
        session.touch(now);
        Ok((store, &session.key))
    }

    fn apply_retention(&self, now: i64) -> Result<()> {
        let first_kept = retention::first_kept_date(now, self.config.retention_days)?;
        self.store()?.delete_before(&first_kept)?;
        Ok(())
    }
}

fn no_such(id: &str) -> VaultError {
    VaultError::NoSuchRecord { id: id.to_owned() }
}
