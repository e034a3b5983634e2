//! Wiping on a nearly full disk: the key is destroyed in place before any file is unlinked, so a
//! hard link to the vault file (what a copy of the unlinked file would hold) no longer opens.
//!
//! Needs a small file system of its own: the test mounts a 2 MiB tmpfs, which takes root on
//! Linux. Where that is not possible it says so on one line and checks nothing.

#![cfg(target_os = "linux")]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use lykt_core::vault::{RecordKind, Vault, VaultConfig, VaultError};

const PIN: &str = "482916";
const NOW: i64 = 1_767_225_600;

/// A tmpfs mounted for the test, unmounted when dropped.
struct SmallDisk {
    _root: tempfile::TempDir,
    path: PathBuf,
}

impl SmallDisk {
    fn mount() -> Option<Self> {
        let root = tempfile::tempdir().ok()?;
        let path = root.path().join("disk");
        fs::create_dir(&path).ok()?;
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=2m", "tmpfs"])
            .arg(&path)
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(Self { _root: root, path })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

/// Fills the file system of `dir` up to all but `spare` bytes.
fn fill(dir: &Path, spare: usize) -> PathBuf {
    let filler = dir.join("filler");
    let mut f = fs::File::create(&filler).expect("filler");
    let block = vec![0x55u8; 4096];
    while f.write_all(&block).is_ok() {}
    drop(f);
    let len = fs::metadata(&filler).expect("filler size").len();
    let keep = len.saturating_sub(spare as u64);
    fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .and_then(|f| f.set_len(keep))
        .expect("make room");
    filler
}

#[test]
fn a_wipe_on_a_nearly_full_disk_destroys_the_key_before_unlinking() {
    let Some(disk) = SmallDisk::mount() else {
        println!("skipped: cannot mount a small tmpfs here (needs root on Linux)");
        return;
    };
    let vault_dir = disk.path.join("vault");
    let mut vault =
        Vault::create(&vault_dir, PIN, None, VaultConfig::default(), NOW).expect("create");
    vault
        .save(RecordKind::Note, "case", "kept safe", NOW)
        .expect("save");
    drop(vault);
    // What a copy of the unlinked file would hold: the same inode, under another name.
    let copy_dir = disk.path.join("copy");
    fs::create_dir(&copy_dir).expect("copy dir");
    fs::hard_link(vault_dir.join("vault.db"), copy_dir.join("vault.db")).expect("link");

    let filler = fill(&disk.path, 8 * 1024);
    let wiped = Vault::wipe(&vault_dir);
    fs::remove_file(&filler).expect("free the disk");

    let reopened = Vault::open(&copy_dir, VaultConfig::default(), NOW)
        .and_then(|mut copy| copy.unlock(PIN, None, NOW));
    match wiped {
        Ok(()) => {
            assert!(
                !vault_dir.join("vault.db").exists(),
                "wiped, but the file is there"
            );
            assert!(
                matches!(
                    reopened,
                    Err(VaultError::WrongPin { .. } | VaultError::Damaged)
                ),
                "the wipe said it succeeded, yet the unlinked file opens with the PIN: {reopened:?}"
            );
        }
        Err(e) => {
            // A wipe that could not destroy the key says so, and the vault is still there.
            assert!(
                Vault::exists(&vault_dir),
                "{e}: the vault calls itself absent"
            );
            reopened.expect("the vault is intact");
        }
    }
}
