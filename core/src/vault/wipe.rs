//! Crypto-shredding: destroy the key in place first, then the vault's own files.
//!
//! 1. An empty "wipe started" marker is created and synced (it needs no space on the disk).
//! 2. The vault's files are overwritten in place with zeros and synced, before anything is
//!    unlinked: first the database's first pages (where the keyslot is, as the first table),
//!    then the log (any newer copy of them), then everything else. Overwriting in place needs no
//!    free space, so it works on a full disk, and a copy of the file kept open elsewhere (a hard
//!    link, a handle) holds zeros afterwards, not the key.
//! 3. The vault's files are unlinked, the marker last. Nothing else in the folder is touched.
//!
//! If step 2 fails, the marker is removed and the wipe says so with [`VaultError::WipeFailed`]:
//! the vault is still there and the app can try again. A crash after step 1 leaves the marker:
//! the next `open`, `create` or `wipe` finishes the job, and `exists` already answers no.

use std::fs::OpenOptions;
use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use super::error::{Result, VaultError};
use super::folder::{self, DB_FILE, FolderLock, MARKER_FILE, OWN_FILES, WAL_FILE};
use super::store::Store;

/// The database's first bytes, which hold its header, schema and keyslot.
const FIRST_PAGES: u64 = 64 * 1024;
/// How much is overwritten per write.
const CHUNK: usize = 16 * 1024;

/// Whether a wipe was started in `dir` and has not finished.
pub(crate) fn is_pending(dir: &Path) -> bool {
    dir.join(MARKER_FILE).is_file()
}

/// Wipes the vault in `dir`, whose lock the caller holds; `open` is the vault's store if it is
/// open here (it is closed first). `NotFound` if there is no vault in `dir`.
pub(crate) fn wipe(dir: &Path, open: Option<Store>, _lock: &FolderLock) -> Result<()> {
    if !folder::has_vault(dir) {
        return Err(VaultError::NotFound);
    }
    mark_started(dir)?;
    if let Some(store) = open {
        // Closing may copy the log into the file; the overwrite below covers both either way.
        let _ = store.close();
    }
    if destroy_in_place(dir).is_err() {
        // Nothing was unlinked: the vault is still there, and says so.
        folder::remove_if_present(&dir.join(MARKER_FILE))?;
        folder::sync_dir(dir)?;
        return Err(VaultError::WipeFailed);
    }
    remove_files(dir)
}

fn mark_started(dir: &Path) -> Result<()> {
    folder::create_private_file(&dir.join(MARKER_FILE))?
        .sync_all()
        .map_err(super::error::io)?;
    folder::sync_dir(dir)
}

/// Overwrites the vault's files with zeros where they lie, syncing each before the next.
fn destroy_in_place(dir: &Path) -> std::io::Result<()> {
    let zeros = vec![0; CHUNK];
    overwrite(&dir.join(DB_FILE), Some(FIRST_PAGES), &zeros)?;
    overwrite(&dir.join(WAL_FILE), None, &zeros)?;
    for name in OWN_FILES {
        overwrite(&dir.join(name), None, &zeros)?;
    }
    Ok(())
}

/// Overwrites the first `limit` bytes of `path` (all of it when `None`) with `zeros`, in place,
/// and syncs.
fn overwrite(path: &Path, limit: Option<u64>, zeros: &[u8]) -> std::io::Result<()> {
    #[cfg(test)]
    if tests::FAIL_OVERWRITE.get() {
        return Err(std::io::ErrorKind::StorageFull.into());
    }
    let mut file = match OpenOptions::new().write(true).open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        file => file?,
    };
    let len = file.metadata()?.len();
    let end = limit.map_or(len, |limit| limit.min(len));
    file.seek(SeekFrom::Start(0))?;
    let mut at = 0;
    while at < end {
        let n = usize::try_from(end - at).map_or(zeros.len(), |left| left.min(zeros.len()));
        file.write_all(&zeros[..n])?;
        at += n as u64;
    }
    file.sync_all()
}

/// Unlinks the vault's own files, the marker last.
fn remove_files(dir: &Path) -> Result<()> {
    for name in OWN_FILES.iter().filter(|n| **n != MARKER_FILE) {
        folder::remove_if_present(&dir.join(name))?;
    }
    folder::sync_dir(dir)?;
    folder::remove_if_present(&dir.join(MARKER_FILE))?;
    folder::sync_dir(dir)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;
    use std::fs;

    use super::*;
    use crate::vault::{RecordKind, Vault, VaultConfig, VaultError};

    thread_local! {
        /// Makes every in-place overwrite fail, as on a failing disk.
        pub(crate) static FAIL_OVERWRITE: Cell<bool> = const { Cell::new(false) };
    }

    const NOW: i64 = 1_767_225_600;
    const PIN: &str = "482916";

    fn vault_with_a_record() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut vault =
            Vault::create(dir.path(), PIN, None, VaultConfig::default(), NOW).expect("create");
        vault
            .save(RecordKind::Note, "case", "text", NOW)
            .expect("save");
        dir
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_wipe_that_cannot_overwrite_the_key_says_so_and_deletes_nothing() {
        let dir = vault_with_a_record();
        let before = files(dir.path());
        FAIL_OVERWRITE.set(true);
        let wiped = Vault::wipe(dir.path());
        FAIL_OVERWRITE.set(false);
        assert_eq!(wiped, Err(VaultError::WipeFailed));
        assert_eq!(
            wiped.map_err(|e| e.to_string()),
            Err("the vault could not be erased: its key could not be overwritten, so nothing was deleted; try again".into())
        );
        assert!(
            Vault::exists(dir.path()),
            "the vault does not call itself absent"
        );
        assert_eq!(files(dir.path()), before, "nothing was unlinked");
        let mut vault = Vault::open(dir.path(), VaultConfig::default(), NOW).expect("open");
        vault.unlock(PIN, None, NOW).expect("the vault is intact");
        assert_eq!(vault.list(NOW).expect("list").records.len(), 1);
        // Trying again works.
        drop(vault);
        Vault::wipe(dir.path()).expect("wipe");
        assert!(files(dir.path()).is_empty());
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
        assert!(files(dir.path()).is_empty());
    }

    #[test]
    fn a_wipe_stopped_after_the_key_was_destroyed_finishes_at_open() {
        let dir = vault_with_a_record();
        mark_started(dir.path()).expect("marker");
        destroy_in_place(dir.path()).expect("destroy");
        assert!(files(dir.path()).len() > 1, "the files are still there");
        assert_eq!(
            Vault::open(dir.path(), VaultConfig::default(), NOW).map(|_| ()),
            Err(VaultError::NotFound)
        );
        assert!(files(dir.path()).is_empty());
    }

    #[test]
    fn creating_over_an_unfinished_wipe_finishes_it_first() {
        let dir = vault_with_a_record();
        mark_started(dir.path()).expect("marker");
        let mut vault =
            Vault::create(dir.path(), "735142", None, VaultConfig::default(), NOW).expect("create");
        assert_eq!(vault.list(NOW).expect("list"), Default::default());
    }
}
