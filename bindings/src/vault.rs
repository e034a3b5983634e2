//! The encrypted vault over the FFI: thin delegations to `lykt_core::vault`.

use std::path::Path;
use std::sync::{Arc, Mutex};

use lykt_core::vault::{Record, RecordKind, RecordSummary, VaultConfig};

use crate::{LyktError, lock};

/// Saved work, encrypted at rest. `now` is unix seconds from the device clock.
#[derive(Debug, uniffi::Object)]
pub struct Vault(Mutex<lykt_core::vault::Vault>);

fn secret(platform_secret: &Option<Vec<u8>>) -> Option<&[u8]> {
    platform_secret.as_deref()
}

#[uniffi::export]
impl Vault {
    /// Creates a vault in `dir` protected by `pin` (and the keystore secret, if given); unlocked.
    #[uniffi::constructor]
    pub fn create(
        dir: String,
        pin: String,
        platform_secret: Option<Vec<u8>>,
        now: i64,
    ) -> Result<Arc<Self>, LyktError> {
        let v = lykt_core::vault::Vault::create(
            Path::new(&dir),
            &pin,
            secret(&platform_secret),
            VaultConfig::default(),
            now,
        )
        .map_err(lykt_core::Error::from)?;
        Ok(Arc::new(Self(Mutex::new(v))))
    }

    /// Opens the vault in `dir`, locked; finishes an interrupted wipe and applies retention.
    #[uniffi::constructor]
    pub fn open(dir: String, now: i64) -> Result<Arc<Self>, LyktError> {
        let v = lykt_core::vault::Vault::open(Path::new(&dir), VaultConfig::default(), now)
            .map_err(lykt_core::Error::from)?;
        Ok(Arc::new(Self(Mutex::new(v))))
    }

    /// Unlocks with the PIN (and the keystore secret, if the vault was made with one).
    pub fn unlock(
        &self,
        pin: String,
        platform_secret: Option<Vec<u8>>,
        now: i64,
    ) -> Result<(), LyktError> {
        Ok(lock(&self.0)
            .unlock(&pin, secret(&platform_secret), now)
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

    /// Saves a note under a case label; returns its id.
    pub fn save_note(
        &self,
        case_label: String,
        text: String,
        now: i64,
    ) -> Result<String, LyktError> {
        Ok(lock(&self.0)
            .save(RecordKind::Note, &case_label, &text, now)
            .map_err(lykt_core::Error::from)?)
    }

    /// Every saved item, newest first.
    pub fn list(&self, now: i64) -> Result<Vec<RecordSummary>, LyktError> {
        Ok(lock(&self.0).list(now).map_err(lykt_core::Error::from)?)
    }

    /// One saved item in full.
    pub fn get(&self, id: String, now: i64) -> Result<Record, LyktError> {
        Ok(lock(&self.0)
            .get(&id, now)
            .map_err(lykt_core::Error::from)?)
    }

    /// Deletes one saved item.
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

    /// Destroys this vault (key first, then files). The shell then deletes its keystore secret.
    pub fn erase(&self) -> Result<(), LyktError> {
        Ok(lock(&self.0).erase().map_err(lykt_core::Error::from)?)
    }
}

/// Whether a vault exists in `dir`.
#[uniffi::export]
pub fn vault_exists(dir: String) -> bool {
    lykt_core::vault::Vault::exists(Path::new(&dir))
}

/// Destroys the vault in `dir` without a PIN (key first, then files).
#[uniffi::export]
pub fn wipe_vault(dir: String) -> Result<(), LyktError> {
    Ok(lykt_core::vault::Vault::wipe(Path::new(&dir)).map_err(lykt_core::Error::from)?)
}
