//! Crypto-shredding: destroy the wrapped key first, then every file.
//!
//! 1. A "wipe started" marker is written and flushed to disk.
//! 2. The wrapped key and its salt are overwritten with random bytes,
//!    committed with a full sync and checkpointed so the log holds no old copy.
//! 3. Every file in the folder is deleted, the marker last.
//!
//! A crash after step 1 leaves the marker: the next `open`, `create` or
//! `wipe` finishes the job, and `exists` already answers no.

use std::fs;
use std::io::Write;
use std::path::Path;

use super::error::{Result, io};
use super::store::{self, Store};

const MARKER_FILE: &str = "wipe-started";

/// Whether a wipe was started in `dir` and has not finished.
pub(crate) fn is_pending(dir: &Path) -> bool {
    dir.join(MARKER_FILE).exists()
}

/// Wipes the vault in `dir`; `open` is the vault's store if it is open here
/// (it is closed before any file is deleted).
pub(crate) fn wipe(dir: &Path, open: Option<Store>) -> Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    mark_started(dir)?;
    destroy_key(dir, open);
    remove_files(dir)
}

fn mark_started(dir: &Path) -> Result<()> {
    let mut marker = fs::File::create(dir.join(MARKER_FILE)).map_err(io)?;
    marker
        .write_all(b"wipe started\n")
        .and_then(|()| marker.sync_all())
        .map_err(io)?;
    store::sync_dir(dir)
}

/// Best effort: a file too damaged to open cannot be unlocked either, and it
/// is deleted next all the same.
fn destroy_key(dir: &Path, open: Option<Store>) {
    let store = open.or_else(|| Store::connect(dir).ok());
    if let Some(store) = store {
        let _ = store.destroy_keyslot();
        let _ = store.close();
    }
}

fn remove_files(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        if entry.file_name() != MARKER_FILE && !entry.file_type().map_err(io)?.is_dir() {
            store::remove_if_present(&entry.path())?;
        }
    }
    store::sync_dir(dir)?;
    store::remove_if_present(&dir.join(MARKER_FILE))?;
    store::sync_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::{RecordKind, Vault, VaultConfig, VaultError};

    const NOW: i64 = 1_767_225_600;

    fn vault_with_a_record() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut vault =
            Vault::create(dir.path(), "123456", None, VaultConfig::default(), NOW).expect("create");
        vault
            .save(RecordKind::Note, "case", "text", NOW)
            .expect("save");
        dir
    }

    fn file_count(dir: &Path) -> usize {
        fs::read_dir(dir).expect("read dir").count()
    }

    #[test]
    fn a_wipe_stopped_after_the_marker_finishes_at_open() {
        let dir = vault_with_a_record();
        mark_started(dir.path()).expect("marker");
        assert!(!Vault::exists(dir.path()));
        assert_eq!(
            Vault::open(dir.path(), VaultConfig::default(), NOW).map(|_| ()),
            Err(VaultError::NotFound)
        );
        assert_eq!(file_count(dir.path()), 0);
    }

    #[test]
    fn a_wipe_stopped_after_the_key_was_destroyed_finishes_at_open() {
        let dir = vault_with_a_record();
        mark_started(dir.path()).expect("marker");
        destroy_key(dir.path(), None);
        assert!(file_count(dir.path()) > 1, "the files are still there");
        assert_eq!(
            Vault::open(dir.path(), VaultConfig::default(), NOW).map(|_| ()),
            Err(VaultError::NotFound)
        );
        assert_eq!(file_count(dir.path()), 0);
    }

    #[test]
    fn a_destroyed_key_no_longer_unlocks() {
        let dir = vault_with_a_record();
        let store = Store::open(dir.path()).expect("open");
        store.destroy_keyslot().expect("destroy");
        drop(store);
        let mut vault = Vault::open(dir.path(), VaultConfig::default(), NOW).expect("open");
        assert!(matches!(
            vault.unlock("123456", None, NOW),
            Err(VaultError::WrongPin { .. })
        ));
    }

    #[test]
    fn creating_over_an_unfinished_wipe_finishes_it_first() {
        let dir = vault_with_a_record();
        mark_started(dir.path()).expect("marker");
        let mut vault =
            Vault::create(dir.path(), "654321", None, VaultConfig::default(), NOW).expect("create");
        assert_eq!(vault.list(NOW).expect("list"), []);
    }
}
