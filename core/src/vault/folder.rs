//! The vault's folder: the names of its files (nothing else there is ever touched), their
//! permissions, and the lock that lets one process at a time change the vault.
//!
//! The folder is created readable by its owner only (0700) and every file in it 0600; SQLite
//! gives its log and index files the database file's permissions.

use std::fs::{self, File, OpenOptions};
use std::path::Path;
use std::time::{Duration, Instant};

use super::error::{Result, StorageProblem, VaultError, io};

/// The database.
pub(crate) const DB_FILE: &str = "vault.db";
/// The database's write-ahead log.
pub(crate) const WAL_FILE: &str = "vault.db-wal";
/// Where a new vault is built before it is renamed into place.
pub(crate) const NEW_DB_FILE: &str = "vault.db.new";
/// Present from the start of a wipe until its end.
pub(crate) const MARKER_FILE: &str = "wipe-started";
/// Locked (not written) by whichever process changes the vault.
const LOCK_FILE: &str = "vault.lock";

/// Every name the vault may use in its folder, the database's own first.
pub(crate) const OWN_FILES: [&str; 11] = [
    DB_FILE,
    WAL_FILE,
    "vault.db-shm",
    "vault.db-journal",
    NEW_DB_FILE,
    "vault.db.new-wal",
    "vault.db.new-shm",
    "vault.db.new-journal",
    "vault.db.new-lock",
    LOCK_FILE,
    MARKER_FILE,
];

/// How long to wait for another process to finish with the vault.
const LOCK_WAIT: Duration = Duration::from_secs(30);

/// Whether `dir` holds a vault (or a wipe that has not finished).
pub(crate) fn has_vault(dir: &Path) -> bool {
    dir.join(DB_FILE).is_file() || dir.join(MARKER_FILE).is_file()
}

/// Creates `dir` and any missing parents, readable by the owner only.
pub(crate) fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(io)?;
    if dir.is_dir() {
        Ok(())
    } else {
        Err(VaultError::Storage {
            problem: StorageProblem::NotAFolder,
        })
    }
}

/// Opens `path` for writing, creating it readable by the owner only.
pub(crate) fn create_private_file(path: &Path) -> Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(io)
}

/// Makes renames and deletions in `dir` durable.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(io)
}

/// Deletes the file at `path` if it exists.
pub(crate) fn remove_if_present(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io(e)),
        _ => Ok(()),
    }
}

/// The vault's lock, held while one process changes it; released when dropped.
///
/// An advisory lock on `vault.lock`, so every process that opens the vault through this module
/// waits its turn: five processes guessing PINs at once are counted one after another.
#[derive(Debug)]
pub(crate) struct FolderLock {
    _held: File,
}

impl FolderLock {
    /// Waits (up to half a minute) until no other process holds the lock on the vault in `dir`.
    pub(crate) fn acquire(dir: &Path) -> Result<Self> {
        let file = create_private_file(&dir.join(LOCK_FILE))?;
        let started = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _held: file }),
                Err(fs::TryLockError::WouldBlock) if started.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(fs::TryLockError::WouldBlock) => {
                    return Err(VaultError::Storage {
                        problem: StorageProblem::Busy,
                    });
                }
                Err(fs::TryLockError::Error(e)) => return Err(io(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_is_held_by_one_handle_at_a_time() {
        let dir = tempfile::tempdir().expect("dir");
        let first = FolderLock::acquire(dir.path()).expect("lock");
        let other = File::open(dir.path().join(LOCK_FILE)).expect("open");
        assert!(matches!(
            other.try_lock(),
            Err(fs::TryLockError::WouldBlock)
        ));
        drop(first);
        other.try_lock().expect("free once dropped");
    }

    #[cfg(unix)]
    #[test]
    fn folders_and_files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let root = tempfile::tempdir().expect("dir");
        let dir = root.path().join("a").join("b");
        create_private_dir(&dir).expect("create");
        create_private_file(&dir.join("f")).expect("file");
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&dir.join("f")), 0o600);
        assert!(matches!(
            create_private_dir(&dir.join("f")),
            Err(VaultError::Storage { .. })
        ));
    }
}
