//! Helpers shared by the vault's integration tests: a phone's store in memory, raw access to
//! the file, random bytes.
#![allow(dead_code)] // Each test file uses its own subset.

#[cfg(target_os = "linux")]
pub mod memory;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use lykt_core::vault::{PlatformStore, PlatformStoreError, Vault, VaultConfig};
use ring::rand::{SecureRandom, SystemRandom};
use rusqlite::Connection;
use tempfile::TempDir;

pub const PIN: &str = "482916";
pub const WRONG_PIN: &str = "000000";
/// 2026-01-01T00:00:00Z.
pub const NOW: i64 = 1_767_225_600;
pub const DAY: i64 = 86_400;

/// The phone's store outside the vault's folder, in memory.
#[derive(Debug, Default)]
pub struct Keystore(Mutex<Option<Vec<u8>>>);

impl PlatformStore for Keystore {
    fn load(&self) -> Result<Option<Vec<u8>>, PlatformStoreError> {
        Ok(self.0.lock().map_err(|_| PlatformStoreError)?.clone())
    }

    fn save(&self, state: &[u8]) -> Result<(), PlatformStoreError> {
        *self.0.lock().map_err(|_| PlatformStoreError)? = Some(state.to_vec());
        Ok(())
    }
}

/// The configuration of a phone: the default, with a store beside the platform secret.
pub fn phone() -> VaultConfig {
    VaultConfig {
        platform_store: Some(Arc::new(Keystore::default())),
        ..VaultConfig::default()
    }
}

pub fn db(dir: &Path) -> PathBuf {
    dir.join("vault.db")
}

/// A connection to the vault file behind the vault's back.
pub fn raw(dir: &Path) -> Connection {
    Connection::open(db(dir)).expect("raw connection")
}

pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut out = vec![0; n];
    SystemRandom::new().fill(&mut out).expect("random");
    out
}

/// A new vault with the PIN in a folder of its own, unlocked.
pub fn new_vault(config: VaultConfig, secret: Option<&[u8]>) -> (TempDir, Vault) {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::create(dir.path(), PIN, secret, config, NOW).expect("create vault");
    (dir, vault)
}
