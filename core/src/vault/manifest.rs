//! The manifest: which records the vault saved, authenticated under the data key.
//!
//! It lists every record's id and day and carries a generation that grows with every change,
//! sealed (as associated data of an empty plaintext) with the vault's id. A row that is not in
//! it was put into the file from elsewhere; an entry without a row was removed outside the app,
//! unless retention removed it while the vault was locked. Where the shell keeps a record outside
//! the file, the generation there shows when the whole file was put back from an older copy.

use super::crypto::Cipher;
use super::error::{Result, VaultError};
use super::keyslot::VAULT_ID_LEN;

const ID_LEN: usize = 32;
const DATE_LEN: usize = 10;
const ENTRY_LEN: usize = ID_LEN + DATE_LEN;

/// The manifest as stored: its generation, its entries and their seal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StoredManifest {
    pub(crate) generation: u64,
    /// Each entry's id (32 hex digits) and day (`YYYY-MM-DD`), in id order.
    pub(crate) entries: Vec<u8>,
    pub(crate) seal: Vec<u8>,
}

/// The records the vault saved: (id, day), in id order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Manifest {
    pub(crate) generation: u64,
    entries: Vec<(String, String)>,
}

impl Manifest {
    /// Whether the vault saved the record `id`.
    pub(crate) fn contains(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Adds a record the vault saves.
    pub(crate) fn insert(&mut self, id: String, date: String) {
        if let Err(at) = self.find(&id) {
            self.entries.insert(at, (id, date));
        }
    }

    /// Removes the record `id`; whether it was listed.
    pub(crate) fn remove(&mut self, id: &str) -> bool {
        self.find(id).map(|at| self.entries.remove(at)).is_ok()
    }

    /// Keeps the records dated `first_kept` or later; whether any were removed.
    pub(crate) fn expire_before(&mut self, first_kept: &str) -> bool {
        let listed = self.entries.len();
        self.entries.retain(|(_, date)| date.as_str() >= first_kept);
        self.entries.len() != listed
    }

    /// Removes every record.
    pub(crate) fn clear(&mut self) {
        self.entries.clear();
    }

    /// Every record as (id, day), in id order.
    pub(crate) fn into_entries(self) -> Vec<(String, String)> {
        self.entries
    }

    fn find(&self, id: &str) -> std::result::Result<usize, usize> {
        self.entries
            .binary_search_by(|(listed, _)| listed.as_str().cmp(id))
    }

    /// Checks a stored manifest's seal and reads it; `Damaged` if it was altered.
    pub(crate) fn open(
        stored: &StoredManifest,
        cipher: &Cipher,
        vault_id: &[u8; VAULT_ID_LEN],
    ) -> Result<Self> {
        cipher
            .open(
                &aad(vault_id, stored.generation, &stored.entries),
                &stored.seal,
            )
            .filter(|plain| plain.is_empty())
            .ok_or(VaultError::Damaged)?;
        if !stored.entries.len().is_multiple_of(ENTRY_LEN) {
            return Err(VaultError::Damaged);
        }
        let entries: Vec<(String, String)> = stored
            .entries
            .chunks(ENTRY_LEN)
            .map(|entry| {
                let entry = std::str::from_utf8(entry).map_err(|_| VaultError::Damaged)?;
                let (id, date) = entry.split_at(ID_LEN);
                Ok((id.to_owned(), date.to_owned()))
            })
            .collect::<Result<_>>()?;
        if !entries.is_sorted_by(|a, b| a.0 < b.0) {
            return Err(VaultError::Damaged);
        }
        Ok(Self {
            generation: stored.generation,
            entries,
        })
    }

    /// The manifest sealed for storage, one generation on.
    pub(crate) fn seal_next(
        &mut self,
        cipher: &Cipher,
        vault_id: &[u8; VAULT_ID_LEN],
    ) -> Result<StoredManifest> {
        self.generation += 1;
        let mut entries = Vec::with_capacity(self.entries.len() * ENTRY_LEN);
        for (id, date) in &self.entries {
            if id.len() != ID_LEN || date.len() != DATE_LEN {
                return Err(VaultError::Damaged);
            }
            entries.extend_from_slice(id.as_bytes());
            entries.extend_from_slice(date.as_bytes());
        }
        let seal = cipher.seal(&aad(vault_id, self.generation, &entries), &[])?;
        Ok(StoredManifest {
            generation: self.generation,
            entries,
            seal,
        })
    }
}

fn aad(vault_id: &[u8; VAULT_ID_LEN], generation: u64, entries: &[u8]) -> Vec<u8> {
    let mut aad = b"lykt-vault/manifest/v2\0".to_vec();
    aad.extend_from_slice(vault_id);
    aad.extend_from_slice(&generation.to_le_bytes());
    aad.extend_from_slice(entries);
    aad
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::crypto::SecretKey;

    const ID: [u8; VAULT_ID_LEN] = [4; VAULT_ID_LEN];

    fn cipher() -> Cipher {
        Cipher::new(&SecretKey::random().expect("key")).expect("cipher")
    }

    #[test]
    fn round_trips_and_grows_its_generation() {
        let cipher = cipher();
        let mut manifest = Manifest::default();
        for id in ["c", "a", "b", "a"] {
            manifest.insert(id.repeat(32), "2026-01-01".into());
        }
        let stored = manifest.seal_next(&cipher, &ID).expect("seal");
        assert_eq!(stored.generation, 1);
        let opened = Manifest::open(&stored, &cipher, &ID).expect("open");
        assert_eq!(opened, manifest);
        assert!(opened.contains(&"b".repeat(32)) && !opened.contains(&"d".repeat(32)));
        assert!(manifest.remove(&"b".repeat(32)));
        assert!(!manifest.remove(&"b".repeat(32)));
        assert_eq!(
            manifest.seal_next(&cipher, &ID).expect("seal").generation,
            2
        );
        manifest.insert("d".repeat(32), "2026-02-01".into());
        assert!(manifest.expire_before("2026-01-15"));
        assert_eq!(
            manifest.into_entries(),
            [("d".repeat(32), "2026-02-01".to_owned())]
        );
    }

    #[test]
    fn any_change_is_caught() {
        let cipher = cipher();
        let mut manifest = Manifest::default();
        manifest.insert("b".repeat(32), "2026-01-02".into());
        manifest.insert("e".repeat(32), "2026-01-02".into());
        let stored = manifest.seal_next(&cipher, &ID).expect("seal");
        let changes: [fn(&mut StoredManifest); 5] = [
            |m| m.generation += 1,
            |m| m.entries[0] = b'c',
            // The same entries in another order.
            |m| m.entries.rotate_left(42),
            |m| m.entries.clear(),
            |m| m.seal[0] ^= 1,
        ];
        for change in changes {
            let mut altered = stored.clone();
            change(&mut altered);
            assert_eq!(
                Manifest::open(&altered, &cipher, &ID),
                Err(VaultError::Damaged)
            );
        }
        assert_eq!(
            Manifest::open(&stored, &cipher, &[5; VAULT_ID_LEN]),
            Err(VaultError::Damaged),
            "another vault's manifest"
        );
    }
}
