//! The encrypted vault over the FFI: thin delegations to `lykt_core::vault`.
//!
//! The PIN, the platform secret and a note's text come in as bytes (a `ByteArray` the shell can
//! wipe, unlike a string), and are wrapped at once in buffers wiped when dropped. uniffi copies
//! them out of its own transfer buffer and frees that unwiped; the core cannot reach it. Records
//! go out as copies: the core's own are wiped when dropped, what the shell receives is the
//! shell's to handle.

use std::path::Path;
use std::sync::{Arc, Mutex};

use lykt_core::vault::{DamagedRecord, PlatformStore, PlatformStoreError, RecordKind, VaultConfig};
use zeroize::Zeroizing;

use crate::{LyktError, lock};

/// Saved work, encrypted at rest. `now` is unix seconds from the device clock.
#[derive(Debug, uniffi::Object)]
pub struct Vault(Mutex<lykt_core::vault::Vault>);

/// Where the shell keeps the vault's record outside its folder, beside the keystore secret: an
/// iOS Keychain item, or a file in the app's private storage encrypted under an Android Keystore
/// key. A few hundred bytes, written after every change.
#[uniffi::export(with_foreign)]
pub trait VaultStateStore: Send + Sync {
    /// The bytes saved last, or none if nothing was saved yet.
    fn load(&self) -> Result<Option<Vec<u8>>, StoreError>;
    /// Replaces the saved bytes; returns once they are stored durably.
    fn save(&self, state: Vec<u8>) -> Result<(), StoreError>;
}

/// A [`VaultStateStore`] could not read or write its record.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum StoreError {
    /// The keystore or the storage failed, and why.
    #[error("{reason}")]
    Failed { reason: String },
}

impl From<uniffi::UnexpectedUniFFICallbackError> for StoreError {
    fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
        Self::Failed { reason: e.reason }
    }
}

/// The shell's store, as the core asks for it.
struct ShellStore(Arc<dyn VaultStateStore>);

impl PlatformStore for ShellStore {
    fn load(&self) -> Result<Option<Vec<u8>>, PlatformStoreError> {
        self.0.load().map_err(|_| PlatformStoreError)
    }

    fn save(&self, state: &[u8]) -> Result<(), PlatformStoreError> {
        self.0.save(state.to_vec()).map_err(|_| PlatformStoreError)
    }
}

pub(crate) fn config(store: Option<Arc<dyn VaultStateStore>>) -> VaultConfig {
    VaultConfig {
        platform_store: store.map(|s| Arc::new(ShellStore(s)) as Arc<dyn PlatformStore>),
        ..VaultConfig::default()
    }
}

/// `bytes` as text, or the vault's refusal naming `what`.
fn text<'a>(bytes: &'a [u8], what: &str) -> Result<&'a str, LyktError> {
    std::str::from_utf8(bytes).map_err(|_| LyktError::InvalidVaultInput {
        message: format!("{what} is not valid UTF-8 text"),
    })
}

/// A byte buffer from the shell, wiped when dropped.
fn wiped(bytes: Option<Vec<u8>>) -> Option<Zeroizing<Vec<u8>>> {
    bytes.map(Zeroizing::new)
}

#[uniffi::export]
impl Vault {
    /// Creates a vault in `dir` protected by `pin` (UTF-8 bytes) and, on a phone, the keystore
    /// `platform_secret` with the `store` beside it; returns it unlocked.
    #[uniffi::constructor]
    pub fn create(
        dir: String,
        pin: Vec<u8>,
        platform_secret: Option<Vec<u8>>,
        store: Option<Arc<dyn VaultStateStore>>,
        now: i64,
    ) -> Result<Arc<Self>, LyktError> {
        let (pin, secret) = (Zeroizing::new(pin), wiped(platform_secret));
        let v = lykt_core::vault::Vault::create(
            Path::new(&dir),
            text(&pin, "the PIN")?,
            secret.as_deref().map(Vec::as_slice),
            config(store),
            now,
        )
        .map_err(lykt_core::Error::from)?;
        Ok(Arc::new(Self(Mutex::new(v))))
    }

    /// Opens the vault in `dir`, locked; finishes an interrupted wipe and applies retention.
    /// A vault made with a keystore secret needs its `store`.
    #[uniffi::constructor]
    pub fn open(
        dir: String,
        store: Option<Arc<dyn VaultStateStore>>,
        now: i64,
    ) -> Result<Arc<Self>, LyktError> {
        let v = lykt_core::vault::Vault::open(Path::new(&dir), config(store), now)
            .map_err(lykt_core::Error::from)?;
        Ok(Arc::new(Self(Mutex::new(v))))
    }

    /// Unlocks with the PIN (UTF-8 bytes) and the keystore secret, if the vault was made with one.
    pub fn unlock(
        &self,
        pin: Vec<u8>,
        platform_secret: Option<Vec<u8>>,
        now: i64,
    ) -> Result<(), LyktError> {
        let (pin, secret) = (Zeroizing::new(pin), wiped(platform_secret));
        Ok(lock(&self.0)
            .unlock(
                text(&pin, "the PIN")?,
                secret.as_deref().map(Vec::as_slice),
                now,
            )
            .map_err(lykt_core::Error::from)?)
    }

    /// Locks now and wipes the key from memory.
    pub fn lock(&self) {
        lock(&self.0).lock();
    }

    /// Whether the vault is unlocked (it locks itself when idle too long).
    pub fn is_unlocked(&self, now: i64) -> bool {
        lock(&self.0).is_unlocked(now)
    }

    /// Records user activity, postponing the automatic lock; false if already locked.
    pub fn touch(&self, now: i64) -> bool {
        lock(&self.0).touch(now)
    }

    /// Saves a note (UTF-8 bytes) under a case label; returns its id.
    pub fn save_note(
        &self,
        case_label: String,
        text: Vec<u8>,
        now: i64,
    ) -> Result<String, LyktError> {
        let note = Zeroizing::new(text);
        Ok(lock(&self.0)
            .save(
                RecordKind::Note,
                &case_label,
                self::text(&note, "the note")?,
                now,
            )
            .map_err(lykt_core::Error::from)?)
    }

    /// Every saved item, newest first, and apart from them the damaged ones.
    pub fn list(&self, now: i64) -> Result<Listing, LyktError> {
        let listing = lock(&self.0).list(now).map_err(lykt_core::Error::from)?;
        Ok(Listing::from(&listing))
    }

    /// One saved item in full.
    pub fn get(&self, id: String, now: i64) -> Result<Record, LyktError> {
        let record = lock(&self.0)
            .get(&id, now)
            .map_err(lykt_core::Error::from)?;
        Ok(Record::from(&record))
    }

    /// Deletes one saved item, damaged or not.
    pub fn delete(&self, id: String, now: i64) -> Result<(), LyktError> {
        Ok(lock(&self.0)
            .delete(&id, now)
            .map_err(lykt_core::Error::from)?)
    }

    /// Deletes every saved item.
    pub fn delete_all(&self, now: i64) -> Result<(), LyktError> {
        Ok(lock(&self.0)
            .delete_all(now)
            .map_err(lykt_core::Error::from)?)
    }

    /// Destroys this vault (key first, then files). The shell then deletes its keystore secret
    /// and the store's record. If it fails, nothing was deleted and the shell offers to retry.
    pub fn erase(&self) -> Result<(), LyktError> {
        Ok(lock(&self.0).erase().map_err(lykt_core::Error::from)?)
    }
}

/// Whether a vault exists in `dir`.
#[uniffi::export]
pub fn vault_exists(dir: String) -> bool {
    lykt_core::vault::Vault::exists(Path::new(&dir))
}

/// Destroys the vault in `dir` without a PIN (key first, then its files); `NoVault` if there is
/// none. If it fails, nothing was deleted and the shell offers to retry.
#[uniffi::export]
pub fn wipe_vault(dir: String) -> Result<(), LyktError> {
    Ok(lykt_core::vault::Vault::wipe(Path::new(&dir)).map_err(lykt_core::Error::from)?)
}

// Record and RecordSummary are the bindings' own: the core's wipe themselves when dropped, so
// uniffi cannot take them apart field by field.

/// A saved record in full, as the shell receives it.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Record {
    pub id: String,
    pub date: String,
    pub kind: RecordKind,
    pub case_label: String,
    pub created: i64,
    pub payload: String,
}

impl From<&lykt_core::vault::Record> for Record {
    fn from(r: &lykt_core::vault::Record) -> Self {
        Self {
            id: r.id.clone(),
            date: r.date.clone(),
            kind: r.kind,
            case_label: r.case_label.clone(),
            created: r.created,
            payload: r.payload.clone(),
        }
    }
}

/// A line of the list of saved records.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct RecordSummary {
    pub id: String,
    pub date: String,
    pub kind: RecordKind,
    pub case_label: String,
    pub created: i64,
}

/// Every saved record: those that can be read, newest first, and the damaged ones.
#[derive(Clone, Debug, PartialEq, Eq, uniffi::Record)]
pub struct Listing {
    pub records: Vec<RecordSummary>,
    pub damaged: Vec<DamagedRecord>,
}

impl From<&lykt_core::vault::Listing> for Listing {
    fn from(l: &lykt_core::vault::Listing) -> Self {
        Self {
            records: l
                .records
                .iter()
                .map(|r| RecordSummary {
                    id: r.id.clone(),
                    date: r.date.clone(),
                    kind: r.kind,
                    case_label: r.case_label.clone(),
                    created: r.created,
                })
                .collect(),
            damaged: l.damaged.clone(),
        }
    }
}
