//! The encrypted vault: what professionals save, unreadable without the PIN, intact after a
//! crash, gone for good when wiped, and hard to fool for someone who holds its files or the
//! clock.
//!
//! # What is on disk
//!
//! A folder used by the vault alone, created readable by its owner only (0700, files 0600):
//! one SQLite file (`vault.db`, with its `-wal`/`-shm` while open), a lock file and, during a
//! wipe, a marker. The vault never reads, writes or deletes any other file in the folder. The
//! file carries the application id `LYKT` and format version 2; anything else is refused
//! ([`VaultError::OldFormat`] for the earlier test format, [`VaultError::Damaged`] for a foreign
//! file), and its schema must be exactly the one this version creates: a planted trigger, view,
//! index or table makes it [`VaultError::Damaged`], and connections run with triggers and views
//! switched off, so nothing planted runs even before that check.
//!
//! Each record is a row of four columns: a random id, the UTC day it was saved (`YYYY-MM-DD`,
//! for retention while locked) and two sealed blobs, AES-256-GCM under a random 256-bit data key
//! with a fresh random 96-bit nonce each and the id and day bound as associated data: the kind,
//! case label and creation time (what the list shows), and apart from them the payload, so
//! listing never decrypts a note.
//!
//! A manifest, authenticated under the data key, lists every record's id and day with a
//! generation that grows with every change. A row copied in from an older copy or another file
//! is listed as damaged ([`Damage::NotSavedHere`]), and a record removed from the file outside
//! the app as missing ([`Damage::Missing`]); one damaged record never hides the others, and
//! each can be deleted.
//!
//! # Keys, PINs and guesses
//!
//! The data key is stored only wrapped (sealed) under a key derived from the PIN with Argon2id
//! (at least OWASP's floor of 19 MiB, 2 passes, 1 lane) and a random 16-byte salt; the costs are
//! stored with a version number and bound to the wrapping. [`Vault::unlock`] re-wraps under the
//! configured costs when they are higher, and never lowers what is stored.
//!
//! PINs have at least [`MIN_PIN_CHARS`] characters and no upper limit (a passphrase is
//! welcome); the ones anyone tries first are refused ([`VaultError::PinTooCommon`]: one digit
//! repeated, straight runs such as 123456, a short list of the most common). Wrong PINs are
//! slowed down: no wait for the first [`FREE_FAILURES`], then [`FIRST_DELAY_SECS`] doubling up
//! to [`MAX_DELAY_SECS`]. Each attempt is counted durably before the PIN is checked, in one
//! transaction with the check of the count and under the vault's lock file, so killing the app
//! mid-check wins no free try and five processes guessing at once get no more tries than one.
//! Optionally the vault erases itself after a configured number of wrong PINs in a row.
//!
//! One guess costs one Argon2id derivation at the stored costs: 22 to 26 ms of one core of the
//! build machine with this crate's implementation, a little faster than the reference C one
//! (measured in `docs/vault.md`). Someone who copies the file skips the waits: without a platform
//! secret, every six-digit PIN falls in 6 to 7 hours on one core (minutes on a hundred), and a
//! passphrase is the only defence. The phones must add the keystore's secret.
//!
//! # What a phone adds, and what the terminal cannot detect
//!
//! The phones must pass a *platform secret* (at least [`MIN_PLATFORM_SECRET_BYTES`] random
//! bytes kept by the Android Keystore or the iOS Keychain) and a [`PlatformStore`] beside it:
//!
//! - the secret is mixed into the wrapping key with HKDF-SHA256, so a copy of the files cannot
//!   be attacked without it, and once the shell deletes it (which it must do on wipe) not even
//!   with the right PIN;
//! - a key derived from it authenticates the count of wrong PINs in the file, so editing that
//!   row is detected ([`VaultError::Damaged`]);
//! - the store keeps the count and the manifest's generation outside the file: a file or log
//!   put back from an older copy (for example the log deleted after a kill, to undo a counted
//!   try) gains no try, and a whole file put back from an older copy is refused at unlock
//!   ([`VaultError::RolledBack`]).
//!
//! The terminal has no keystore, so it passes neither. It therefore cannot detect: an edited or
//! rolled-back count of wrong PINs (restoring the file, or deleting its log after a kill, gives
//! the free tries back); the whole file replaced by an older copy of itself (the older copy is
//! complete and authentic, so it opens as it was); and a copy of the files attacked elsewhere,
//! at the cost per guess above. Rows spliced in, records removed, planted schema and altered
//! bytes are detected everywhere.
//!
//! # The clock
//!
//! The engine reads no clock: `now` (unix seconds) comes from the caller, and the terminal
//! always passes the system clock (its `--at` never reaches the vault). The clock cannot
//! shorten a wait: a failure time never moves backwards and a clock earlier than the last
//! failure counts as the longest wait. A clock set back locks an unlocked vault at once, and
//! while locked a clock set ahead is trusted for retention only up to
//! [`LOCKED_CLOCK_LEAP_SECS`] past the last unlock, so it deletes nothing without the PIN. A
//! clock moved *forward* between guesses does skip waits; the phones' protection of their own
//! clock is what stands against that.
//!
//! # Memory
//!
//! While unlocked the vault holds one AES key schedule (ring's, which contains the data key
//! itself), built once at unlock on the heap and overwritten in place when the vault locks; the
//! stack that building it, Argon2, HKDF and HMAC used is overwritten after each of them. The PIN,
//! the wrapping key, the data key's bytes and every plaintext buffer are wiped when dropped;
//! [`Record`] and [`RecordSummary`] wipe their text when dropped; what is sealed is plain bytes,
//! read back with exactly one copy. What remains, and why: SQLite's page cache holds only
//! ciphertext; the caller's own copies of the PIN, labels and text (a shell's text field, a JVM
//! string, uniffi's transfer buffer for bytes passed in, which uniffi frees without wiping) are
//! outside the core's reach; and a process that can read this one's memory while it is unlocked
//! can read the key. Only a phone's hardware can keep the key out of reach of such a process.
//!
//! # Wiping
//!
//! [`Vault::wipe`] needs no PIN and refuses a folder without a vault. It overwrites the
//! vault's files in place (the keyslot first) and syncs them before unlinking anything, so a copy
//! of an unlinked file (a hard link, an open handle) holds zeros, and a full disk does not stop
//! it; if the overwrite fails, it deletes nothing and says so ([`VaultError::WipeFailed`]). A
//! wipe cut short by a crash finishes at the next open. A copy of the files taken *before* the
//! wipe (a backup, a forensic image) stays protected by what protected it then: the platform
//! secret once the shell has deleted it, otherwise the PIN alone at the cost per guess above.
//! Flash storage may keep old blocks of rewritten files; only ciphertext and wrapped keys ever
//! reach the disk, and the same two cases apply.
//!
//! # Durability
//!
//! A save that returned survives a crash (write-ahead log, `synchronous=FULL`); creation is
//! atomic (built beside, then renamed). Opening runs SQLite's integrity check. Deleted content is
//! zeroed in the file (`secure_delete`), the file is rebuilt from the live rows after each
//! deletion (`VACUUM`, so no copy a page split left behind survives), temporary data stays in
//! memory, and the log is then truncated.
//!
//! # Retention
//!
//! Records older than [`VaultConfig::retention_days`] are deleted at open (within the clock's
//! limit above) and at unlock, using the plain date.
//!
//! # Use
//!
//! One `Vault` handle per folder in a process; several processes may open the same vault and
//! take turns through its lock file.

mod attempts;
mod crypto;
mod error;
mod folder;
mod kdf;
mod keyslot;
mod lock;
mod manifest;
mod pin;
mod platform;
mod record;
mod retention;
mod store;
mod wipe;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use attempts::{FIRST_DELAY_SECS, FREE_FAILURES, MAX_DELAY_SECS};
pub use error::{Result, StorageProblem, VaultError};
pub use kdf::{KdfParams, MIN_PLATFORM_SECRET_BYTES};
pub use pin::MIN_PIN_CHARS;
pub use platform::{PlatformStore, PlatformStoreError};
pub use record::{
    Damage, DamagedRecord, Listing, MAX_CASE_LABEL_CHARS, MAX_NOTE_CHARS, MAX_PAYLOAD_CHARS,
    Record, RecordKind, RecordSummary,
};
pub use retention::LOCKED_CLOCK_LEAP_SECS;

use attempts::Attempts;
use crypto::{Cipher, SecretKey, scrub_stack};
use folder::{DB_FILE, FolderLock};
use keyslot::{Keyslot, Platform, VAULT_ID_LEN};
use lock::Session;
use manifest::Manifest;
use platform::{OutsideRecord, PlatformKey, StoredAttempts};
use record::Row;
use store::Store;

/// How a vault behaves; not stored, passed at every open.
#[derive(Clone)]
pub struct VaultConfig {
    /// Lock when idle longer than this many seconds (default 300).
    pub auto_lock_after_secs: u64,
    /// Keep records this many days after the day they were saved (default 30).
    pub retention_days: u32,
    /// Erase the vault after this many wrong PINs in a row (default: never).
    pub wipe_after_failures: Option<u32>,
    /// Key-derivation costs for new vaults and re-wrapping (default: the floor).
    pub kdf: KdfParams,
    /// Where the shell keeps the vault's record outside its folder. Needed by a vault with a
    /// platform secret, ignored by one without (default: none, as in the terminal).
    pub platform_store: Option<Arc<dyn PlatformStore>>,
}

impl Default for VaultConfig {
    fn default() -> Self {
        Self {
            auto_lock_after_secs: 5 * 60,
            retention_days: 30,
            wipe_after_failures: None,
            kdf: KdfParams::default(),
            platform_store: None,
        }
    }
}

impl std::fmt::Debug for VaultConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VaultConfig")
            .field("auto_lock_after_secs", &self.auto_lock_after_secs)
            .field("retention_days", &self.retention_days)
            .field("wipe_after_failures", &self.wipe_after_failures)
            .field("kdf", &self.kdf)
            .field("platform_store", &self.platform_store.is_some())
            .finish()
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

/// The record outside the file, where the vault has one: the store and the key that signs it.
type Outside<'a> = Option<(&'a dyn PlatformStore, &'a PlatformKey)>;

impl Vault {
    /// Whether a vault has been set up in `dir` (and is not being wiped).
    pub fn exists(dir: &Path) -> bool {
        dir.join(DB_FILE).is_file() && !wipe::is_pending(dir)
    }

    /// Whether `pin` is accepted as a new PIN, checked before it is asked for a second time.
    pub fn check_new_pin(pin: &str) -> Result<()> {
        pin::check_new_pin(pin)
    }

    /// Sets up a new vault in `dir` (created if missing) and returns it unlocked. A
    /// `platform_secret` will be needed, with the PIN, to unlock, and needs
    /// [`VaultConfig::platform_store`].
    pub fn create(
        dir: &Path,
        pin: &str,
        platform_secret: Option<&[u8]>,
        config: VaultConfig,
        now: i64,
    ) -> Result<Self> {
        pin::check_new_pin(pin)?;
        kdf::check_platform_secret(platform_secret)?;
        config.kdf.check()?;
        retention::date_of(now)?;
        if platform_secret.is_some() && config.platform_store.is_none() {
            return Err(VaultError::PlatformStoreMissing);
        }
        folder::create_private_dir(dir)?;
        let lock = FolderLock::acquire(dir)?;
        if wipe::is_pending(dir) {
            wipe::wipe(dir, None, &lock)?;
        }
        if dir.join(DB_FILE).exists() {
            return Err(VaultError::AlreadyExists);
        }
        let vault_id: [u8; VAULT_ID_LEN] = crypto::random()?;
        let platform = platform_secret
            .map(|secret| {
                PlatformKey::derive(secret, &vault_id).map(|key| Platform { secret, key })
            })
            .transpose()?;
        let key = SecretKey::random()?;
        let keyslot = Keyslot::new(vault_id, &key, pin, platform.as_ref(), config.kdf)?;
        let cipher = Cipher::new(&key)?;
        drop(key);
        let platform = platform.map(|p| p.key);
        let attempts = Attempts::new(now);
        let manifest = Manifest::default().seal_next(&cipher, &vault_id)?;
        Store::create(
            dir,
            &keyslot,
            &StoredAttempts::seal(attempts, platform.as_ref(), &vault_id),
            &manifest,
        )?;
        if let (Some(store), Some(key)) = (&config.platform_store, &platform) {
            let record = OutsideRecord {
                generation: manifest.generation,
                attempts,
            };
            if let Err(e) = record.save(store.as_ref(), key, &vault_id) {
                // A vault whose record could not be kept would look rolled back: undo it.
                let _ = wipe::wipe(dir, None, &lock);
                return Err(e);
            }
        }
        let store = Store::open(dir)?;
        Ok(Self {
            dir: dir.to_path_buf(),
            config,
            store: Some(store),
            session: Some(Session::new(cipher, platform, vault_id, now)),
        })
    }

    /// Opens the vault in `dir`, locked. Finishes an interrupted wipe (then `NotFound`) and
    /// deletes expired records, trusting a clock set ahead only a day past the last unlock.
    pub fn open(dir: &Path, config: VaultConfig, now: i64) -> Result<Self> {
        config.kdf.check()?;
        retention::date_of(now)?;
        if !folder::has_vault(dir) {
            return Err(VaultError::NotFound);
        }
        if wipe::is_pending(dir) {
            let lock = FolderLock::acquire(dir)?;
            wipe::wipe(dir, None, &lock)?;
            return Err(VaultError::NotFound);
        }
        let store = Store::open(dir)?;
        if store.keyslot()?.secret_check.is_some() && config.platform_store.is_none() {
            return Err(VaultError::PlatformStoreMissing);
        }
        let vault = Self {
            dir: dir.to_path_buf(),
            config,
            store: Some(store),
            session: None,
        };
        vault.retain_while_locked(now)?;
        Ok(vault)
    }

    /// Unlocks with the PIN (and the platform secret if the vault was created with one; ignored
    /// otherwise), locking first. Refused with `TooManyAttempts` while a wait runs; a wrong PIN
    /// changes nothing but the count of failures, and may erase the vault if
    /// [`VaultConfig::wipe_after_failures`] is set. `RolledBack` if the files are older than the
    /// record the shell keeps. Deletes expired records.
    pub fn unlock(&mut self, pin: &str, platform_secret: Option<&[u8]>, now: i64) -> Result<()> {
        self.session = None;
        retention::date_of(now)?;
        self.store()?;
        let lock = FolderLock::acquire(&self.dir)?;
        let store = self.store()?;
        let keyslot = store.keyslot()?;
        let platform = keyslot.platform(platform_secret)?;
        let outside = self.outside(platform.as_ref().map(|p| &p.key))?;
        let vault_id = keyslot.vault_id;
        let key = platform.as_ref().map(|p| &p.key);

        // Counted before the PIN is checked, in the file and then outside it, so stopping the
        // app mid-check wins nothing; the count is checked and raised in one transaction.
        let (before, attempts, known) = store.write(|| {
            let mut attempts = store.attempts()?.verified(key, &vault_id)?;
            let mut known = None;
            if let Some((ps, key)) = outside {
                let record = OutsideRecord::load(ps, key, &vault_id)?;
                attempts =
                    Attempts::newest(attempts, record.attempts).ok_or(VaultError::Damaged)?;
                known = Some(record);
            }
            if let Some(wait_secs) = attempts.refuse(now) {
                return Err(VaultError::TooManyAttempts { wait_secs });
            }
            let before = attempts;
            attempts.fail(now);
            store.set_attempts(&StoredAttempts::seal(attempts, key, &vault_id))?;
            Ok((
                before,
                attempts,
                known.map(|k| OutsideRecord { attempts, ..k }),
            ))
        })?;
        if let (Some((ps, key)), Some(record)) = (outside, &known) {
            record.save(ps, key, &vault_id)?;
        }

        match keyslot.open(pin, platform.as_ref().map(|p| p.secret)) {
            Ok(data_key) => {
                let rewrap = keyslot.params.at_least(self.config.kdf);
                if rewrap != keyslot.params {
                    // Best effort: the old wrapping still opens, and the upgrade is tried
                    // again at the next unlock.
                    let _ = keyslot
                        .rewrapped(&data_key, pin, platform.as_ref().map(|p| p.secret), rewrap)
                        .and_then(|upgraded| store.set_keyslot(&upgraded));
                }
                let cipher = Cipher::new(&data_key);
                drop(data_key);
                scrub_stack();
                let platform = platform.map(|p| p.key);
                let session = Session::new(cipher?, platform, vault_id, now);
                self.after_unlock(session, attempts, known, now)
            }
            Err(VaultError::WrongPin { .. }) => match self.config.wipe_after_failures {
                Some(limit) if attempts.failures >= limit => {
                    wipe::wipe(&self.dir, self.store.take(), &lock)?;
                    Err(VaultError::ErasedAfterWrongPins)
                }
                limit => Err(VaultError::WrongPin {
                    attempts_before_wipe: limit.map(|l| l.saturating_sub(attempts.failures)),
                }),
            },
            Err(other) => {
                // Out of memory or a cipher failure: the PIN was never tested.
                let restored = Attempts {
                    seq: attempts.seq + 1,
                    ..before
                };
                store.write(|| {
                    store.set_attempts(&StoredAttempts::seal(restored, key, &vault_id))
                })?;
                if let (Some((ps, key)), Some(record)) = (outside, known) {
                    OutsideRecord {
                        attempts: restored,
                        ..record
                    }
                    .save(ps, key, &vault_id)?;
                }
                Err(other)
            }
        }
    }

    /// After the right PIN: clears the count, checks the manifest against the record kept
    /// outside, applies retention, and keeps the session.
    fn after_unlock(
        &mut self,
        session: Session,
        mut attempts: Attempts,
        known: Option<OutsideRecord>,
        now: i64,
    ) -> Result<()> {
        let store = self.store()?;
        let first_kept = retention::first_kept_date(now, self.config.retention_days)?;
        let (cipher, vault_id) = (&session.cipher, &session.vault_id);
        attempts.succeed(now);
        let (generation, rolled_back, deleted) = store.write(|| {
            let mut manifest = Manifest::open(&store.manifest()?, cipher, vault_id)?;
            store.set_attempts(&StoredAttempts::seal(
                attempts,
                session.platform.as_ref(),
                vault_id,
            ))?;
            if known.is_some_and(|k| k.generation > manifest.generation) {
                return Ok((manifest.generation, true, 0));
            }
            let deleted = store.delete_before(&first_kept)?;
            if manifest.expire_before(&first_kept) || deleted > 0 {
                store.set_manifest(&manifest.seal_next(cipher, vault_id)?)?;
            }
            Ok((manifest.generation, false, deleted))
        })?;
        if deleted > 0 {
            store.compact()?;
        }
        if let (Some(ps), Some(key), Some(known)) =
            (&self.config.platform_store, &session.platform, known)
        {
            let record = OutsideRecord {
                generation: generation.max(known.generation),
                attempts,
            };
            // Best effort: a record behind the file is accepted at the next unlock.
            let _ = record.save(ps.as_ref(), key, vault_id);
        }
        if rolled_back {
            return Err(VaultError::RolledBack);
        }
        self.session = Some(session);
        Ok(())
    }

    /// Locks now, overwriting the key material in memory.
    pub fn lock(&mut self) {
        self.session = None;
    }

    /// Whether the vault is unlocked at `now` (locking it first if idle too long, or if the
    /// clock went back). Does not count as activity.
    pub fn is_unlocked(&mut self, now: i64) -> bool {
        self.lock_if_idle(now);
        self.session.is_some()
    }

    /// Records user activity at `now`, keeping the vault unlocked; returns whether it still is
    /// (it locks first if it was idle too long).
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

    /// Saves a record and returns its id. The case label is trimmed; payloads are limited by
    /// [`RecordKind::max_payload_chars`].
    pub fn save(
        &mut self,
        kind: RecordKind,
        case_label: &str,
        payload: &str,
        now: i64,
    ) -> Result<String> {
        let case_label = record::checked_label(kind, case_label, payload)?;
        retention::date_of(now)?;
        let mut id = String::new();
        self.change(now, false, &mut |store, cipher, manifest| {
            let row = Row::seal(cipher, kind, case_label, payload, now)?;
            store.insert(&row)?;
            id.clone_from(&row.id);
            manifest.insert(row.id, row.date);
            Ok(())
        })?;
        Ok(id)
    }

    /// Every record, newest first, and apart from them the damaged ones. Decrypts no payload.
    pub fn list(&mut self, now: i64) -> Result<Listing> {
        let (store, session) = self.unlocked(now)?;
        let manifest = Manifest::open(&store.manifest()?, &session.cipher, &session.vault_id)?;
        let mut listing = Listing::default();
        let mut stored = BTreeSet::new();
        for row in store.rows_to_list()? {
            stored.insert(row.id.clone());
            let damage = if !manifest.contains(&row.id) {
                Some(Damage::NotSavedHere)
            } else if let Some(summary) = row.summary(&session.cipher) {
                listing.records.push(summary);
                None
            } else {
                Some(Damage::Unreadable)
            };
            if let Some(damage) = damage {
                listing.damaged.push(DamagedRecord {
                    id: row.id,
                    date: row.date,
                    damage,
                });
            }
        }
        // Retention may have removed a record while the vault was locked in another process; one
        // that has expired is not missing.
        let first_kept = retention::first_kept_date(now, self.config.retention_days).ok();
        listing.damaged.extend(
            manifest
                .into_entries()
                .into_iter()
                .filter(|(id, date)| {
                    !stored.contains(id) && first_kept.as_ref().is_none_or(|kept| date >= kept)
                })
                .map(|(id, date)| DamagedRecord {
                    id,
                    date,
                    damage: Damage::Missing,
                }),
        );
        listing
            .records
            .sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.id.cmp(&a.id)));
        listing
            .damaged
            .sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
        Ok(listing)
    }

    /// The record with `id`, in full. `Integrity` if it is damaged, missing or was never saved
    /// here.
    pub fn get(&mut self, id: &str, now: i64) -> Result<Record> {
        let (store, session) = self.unlocked(now)?;
        let manifest = Manifest::open(&store.manifest()?, &session.cipher, &session.vault_id)?;
        match (store.row(id)?, manifest.contains(id)) {
            (None, false) => Err(no_such(id)),
            (Some(row), true) => row.open(&session.cipher),
            _ => Err(VaultError::Integrity { id: id.to_owned() }),
        }
    }

    /// Deletes the record with `id`, damaged or not.
    pub fn delete(&mut self, id: &str, now: i64) -> Result<()> {
        self.change(now, true, &mut |store, _, manifest| {
            let had_row = store.delete(id)?;
            if manifest.remove(id) || had_row {
                Ok(())
            } else {
                Err(no_such(id))
            }
        })
    }

    /// Deletes every record; the vault and its PIN stay.
    pub fn delete_all(&mut self, now: i64) -> Result<()> {
        self.change(now, true, &mut |store, _, manifest| {
            manifest.clear();
            store.delete_all()
        })
    }

    /// Wipes the vault in `dir` without a PIN (see the module docs for what this does and does
    /// not protect): `NotFound` if there is none, `WipeFailed` if its key could not be
    /// destroyed (then nothing was deleted). Drop any open `Vault` for `dir` first, or use
    /// [`Vault::erase`].
    pub fn wipe(dir: &Path) -> Result<()> {
        if !folder::has_vault(dir) {
            return Err(VaultError::NotFound);
        }
        let lock = FolderLock::acquire(dir)?;
        wipe::wipe(dir, None, &lock)
    }

    /// Wipes this vault like [`Vault::wipe`], closing it first; afterwards every call on this
    /// handle gives `Erased`. If the wipe fails, the vault stays open, locked.
    pub fn erase(&mut self) -> Result<()> {
        self.session = None;
        if self.store.is_none() {
            return Ok(());
        }
        let lock = FolderLock::acquire(&self.dir)?;
        let wiped = wipe::wipe(&self.dir, self.store.take(), &lock);
        if wiped.is_err() && Self::exists(&self.dir) {
            self.store = Store::open(&self.dir).ok();
        }
        wiped
    }

    fn store(&self) -> Result<&Store> {
        self.store.as_ref().ok_or(VaultError::Erased)
    }

    /// The shell's store and the platform key, when the vault has a platform secret.
    fn outside<'a>(&'a self, key: Option<&'a PlatformKey>) -> Result<Outside<'a>> {
        match (key, &self.config.platform_store) {
            (None, _) => Ok(None),
            (Some(key), Some(store)) => Ok(Some((store.as_ref(), key))),
            (Some(_), None) => Err(VaultError::PlatformStoreMissing),
        }
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

    /// The store and session for an operation at `now`, which counts as activity; `Locked` if
    /// locked or idle too long.
    fn unlocked(&mut self, now: i64) -> Result<(&Store, &Session)> {
        self.lock_if_idle(now);
        let store = self.store.as_ref().ok_or(VaultError::Erased)?;
        let session = self.session.as_mut().ok_or(VaultError::Locked)?;
        session.touch(now);
        Ok((store, session))
    }

    /// Applies `apply` to the records and the manifest in one transaction under the vault's
    /// lock, seals the manifest one generation on, trusts `now` for retention, rebuilds the file
    /// after a deletion when `compact`, and brings the record outside the file up to date.
    fn change(
        &mut self,
        now: i64,
        compact: bool,
        apply: &mut dyn FnMut(&Store, &Cipher, &mut Manifest) -> Result<()>,
    ) -> Result<()> {
        self.unlocked(now)?;
        let _lock = FolderLock::acquire(&self.dir)?;
        let platform_store = self.config.platform_store.clone();
        let (store, session) = self.unlocked(now)?;
        let (cipher, vault_id, key) = (
            &session.cipher,
            &session.vault_id,
            session.platform.as_ref(),
        );
        let (generation, attempts) = store.write(|| {
            let mut manifest = Manifest::open(&store.manifest()?, cipher, vault_id)?;
            apply(store, cipher, &mut manifest)?;
            let stored = manifest.seal_next(cipher, vault_id)?;
            store.set_manifest(&stored)?;
            // A time given while unlocked is trusted, for retention while locked.
            let mut attempts = store.attempts()?.verified(key, vault_id)?;
            attempts.trust(now);
            store.set_attempts(&StoredAttempts::seal(attempts, key, vault_id))?;
            Ok((stored.generation, attempts))
        })?;
        if compact {
            store.compact()?;
        }
        if let (Some(ps), Some(key)) = (platform_store, key) {
            // Best effort: the change is saved; a record behind the file is accepted at the
            // next unlock.
            let _ = OutsideRecord {
                generation,
                attempts,
            }
            .save(ps.as_ref(), key, vault_id);
        }
        Ok(())
    }

    /// Deletes expired records while locked, with the clock trusted only a day past the last
    /// time the vault was used unlocked. That time is read unchecked (checking it needs the
    /// platform key); whatever this deletes that has not expired shows up as missing at the next
    /// unlock.
    fn retain_while_locked(&self, now: i64) -> Result<()> {
        let store = self.store()?;
        let _lock = FolderLock::acquire(&self.dir)?;
        let last_unlock = store.attempts()?.attempts.clock_high;
        let Ok(first_kept) = retention::first_kept_date(
            retention::locked_now(now, last_unlock),
            self.config.retention_days,
        ) else {
            return Ok(());
        };
        if store.write(|| store.delete_before(&first_kept))? > 0 {
            store.compact()?;
        }
        Ok(())
    }
}

fn no_such(id: &str) -> VaultError {
    VaultError::NoSuchRecord { id: id.to_owned() }
}

#[cfg(all(test, target_os = "linux"))]
#[path = "../../tests/vault_support/memory.rs"]
#[allow(dead_code)] // Shared with the integration tests, which use the rest.
mod memory_scan;

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::memory_scan::{Masked, occurrences};
    use super::*;

    const NOW: i64 = 1_767_225_600;

    /// The data key (the first round keys of ring's AES schedule) is in memory while the vault
    /// is unlocked and nowhere once it is locked.
    #[test]
    fn the_data_key_is_gone_from_memory_once_locked() {
        let dir = tempfile::tempdir().expect("dir");
        let mut vault =
            Vault::create(dir.path(), "482916", None, VaultConfig::default(), NOW).expect("create");
        vault.lock();
        let key = {
            let slot = vault.store().and_then(Store::keyslot).expect("keyslot");
            Masked::of(slot.open("482916", None).expect("data key").bytes())
        };
        scrub_stack();
        let [before] = occurrences(&[&key])[..] else {
            unreachable!()
        };
        vault.unlock("482916", None, NOW).expect("unlock");
        vault
            .save(RecordKind::Note, "case", "text", NOW)
            .expect("save");
        vault.list(NOW).expect("list");
        let [held] = occurrences(&[&key])[..] else {
            unreachable!()
        };
        vault.lock();
        let [after] = occurrences(&[&key])[..] else {
            unreachable!()
        };
        println!("data key in memory: locked {before}, unlocked {held}, locked again {after}");
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("aes") {
            assert!(held >= 1, "the scan sees the key schedule while unlocked");
        }
        assert_eq!(before, 0, "the key checked by this test left a copy");
        assert_eq!(after, 0, "the data key stays in memory after lock");
    }
}
