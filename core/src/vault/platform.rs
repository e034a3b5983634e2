//! What a phone adds to the vault: a secret from its keystore, and a small record kept beside
//! that secret, outside the vault's folder.
//!
//! The shell provides both. The secret (random bytes the Android Keystore or iOS Keychain keeps)
//! is mixed into the key that wraps the data key, and a key derived from it authenticates the
//! count of wrong PINs. The record, kept by the shell's [`PlatformStore`], holds that count and
//! the manifest's generation: when the vault's file is put back from an older copy, or its log
//! is deleted after a kill, its count and generation fall behind the record and the vault knows.
//! The store itself is only as safe from the file's holder as the place the shell keeps it (see
//! the module docs of [`super`]).

use ring::{hkdf, hmac};
use zeroize::Zeroizing;

use super::attempts::Attempts;
use super::crypto::{KEY_LEN, scrub_stack};
use super::error::{Result, VaultError};
use super::keyslot::VAULT_ID_LEN;

/// Storage the shell keeps for the vault outside its folder, beside the platform secret: an
/// entry in the iOS Keychain, or a file in the app's private storage encrypted under an Android
/// Keystore key. A few hundred bytes, written after every change to the vault.
pub trait PlatformStore: Send + Sync {
    /// The bytes saved last, or `None` if nothing was saved yet.
    fn load(&self) -> std::result::Result<Option<Vec<u8>>, PlatformStoreError>;
    /// Replaces the saved bytes; returns once they are stored durably.
    fn save(&self, state: &[u8]) -> std::result::Result<(), PlatformStoreError>;
}

/// A [`PlatformStore`] could not read or write its record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlatformStoreError;

const HKDF_INFO: &[u8] = b"lykt-vault/platform-key/v2";
const ATTEMPTS_LABEL: &[u8] = b"lykt-vault/attempts/v2\0";
const CHECK_LABEL: &[u8] = b"lykt-vault/secret-check/v2";
const STATE_LABEL: &[u8] = b"lykt-vault/platform-state/v2\0";
const STATE_VERSION: u8 = 2;
const MAC_LEN: usize = 32;
/// version, vault id, generation, the attempt count, then its MAC.
const STATE_LEN: usize = 1 + VAULT_ID_LEN + 8 + Attempts::ENCODED_LEN + MAC_LEN;

/// The key derived from the platform secret: authenticates what is kept about attempts.
pub(crate) struct PlatformKey(Zeroizing<[u8; KEY_LEN]>);

impl PlatformKey {
    /// Derives the key for the vault `vault_id` from `secret`.
    pub(crate) fn derive(secret: &[u8], vault_id: &[u8; VAULT_ID_LEN]) -> Result<Self> {
        let mut key = Zeroizing::new([0; KEY_LEN]);
        let derived = hkdf::Salt::new(hkdf::HKDF_SHA256, vault_id)
            .extract(secret)
            .expand(&[HKDF_INFO], hkdf::HKDF_SHA256)
            .and_then(|okm| okm.fill(&mut key[..]));
        scrub_stack();
        derived.map_err(|_| VaultError::Crypto)?;
        Ok(Self(key))
    }

    /// A value stored in the keyslot that shows a secret is this vault's, without the PIN.
    pub(crate) fn check_value(&self) -> [u8; MAC_LEN] {
        self.mac(&[CHECK_LABEL])
    }

    /// Whether `check` is this key's check value, compared in constant time.
    pub(crate) fn verify_check_value(&self, check: &[u8]) -> bool {
        self.verify(&[CHECK_LABEL], check)
    }

    /// HMAC-SHA256 over the concatenation of `parts`.
    pub(crate) fn mac(&self, parts: &[&[u8]]) -> [u8; MAC_LEN] {
        let key = hmac::Key::new(hmac::HMAC_SHA256, &self.0[..]);
        let mut context = hmac::Context::with_key(&key);
        for part in parts {
            context.update(part);
        }
        let mut out = [0; MAC_LEN];
        out.copy_from_slice(context.sign().as_ref());
        scrub_stack();
        out
    }

    /// Whether `tag` is the MAC of `parts`, compared in constant time.
    pub(crate) fn verify(&self, parts: &[&[u8]], tag: &[u8]) -> bool {
        let key = hmac::Key::new(hmac::HMAC_SHA256, &self.0[..]);
        let mut message = Vec::new();
        for part in parts {
            message.extend_from_slice(part);
        }
        let ok = hmac::verify(&key, &message, tag).is_ok();
        scrub_stack();
        ok
    }
}

impl std::fmt::Debug for PlatformKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PlatformKey(<redacted>)")
    }
}

/// The count of failed attempts as stored in the file, with its MAC under the platform key when
/// the vault has a platform secret (without one, nothing the file's holder lacks could sign it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StoredAttempts {
    pub(crate) attempts: Attempts,
    pub(crate) mac: Option<Vec<u8>>,
}

impl StoredAttempts {
    /// `attempts` ready to store for the vault `vault_id`.
    pub(crate) fn seal(
        attempts: Attempts,
        key: Option<&PlatformKey>,
        vault_id: &[u8; VAULT_ID_LEN],
    ) -> Self {
        Self {
            attempts,
            mac: key.map(|k| {
                k.mac(&[ATTEMPTS_LABEL, vault_id, &attempts.encode()])
                    .to_vec()
            }),
        }
    }

    /// The count, if its MAC holds (`Damaged` if it was edited); unchecked without a key.
    pub(crate) fn verified(
        &self,
        key: Option<&PlatformKey>,
        vault_id: &[u8; VAULT_ID_LEN],
    ) -> Result<Attempts> {
        match (key, &self.mac) {
            (None, _) => Ok(self.attempts),
            (Some(key), Some(mac))
                if key.verify(&[ATTEMPTS_LABEL, vault_id, &self.attempts.encode()], mac) =>
            {
                Ok(self.attempts)
            }
            (Some(_), _) => Err(VaultError::Damaged),
        }
    }
}

/// The record kept outside the vault's folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct OutsideRecord {
    /// The manifest's generation when it was last saved.
    pub(crate) generation: u64,
    /// The count of wrong PINs.
    pub(crate) attempts: Attempts,
}

impl OutsideRecord {
    /// Loads and checks the record for `vault_id`; `RolledBack` when there is none or it is
    /// not this vault's, `PlatformStoreFailed` when the store fails.
    pub(crate) fn load(
        store: &dyn PlatformStore,
        key: &PlatformKey,
        vault_id: &[u8; VAULT_ID_LEN],
    ) -> Result<Self> {
        let bytes = store
            .load()
            .map_err(|PlatformStoreError| VaultError::PlatformStoreFailed)?
            .ok_or(VaultError::RolledBack)?;
        let bytes: &[u8; STATE_LEN] = bytes
            .as_slice()
            .try_into()
            .map_err(|_| VaultError::RolledBack)?;
        let (body, tag) = bytes.split_at(STATE_LEN - MAC_LEN);
        if body[0] != STATE_VERSION
            || body[1..=VAULT_ID_LEN] != vault_id[..]
            || !key.verify(&[STATE_LABEL, body], tag)
        {
            return Err(VaultError::RolledBack);
        }
        let (generation, attempts) = body[1 + VAULT_ID_LEN..].split_at(8);
        Ok(Self {
            generation: u64::from_le_bytes(
                generation.try_into().map_err(|_| VaultError::RolledBack)?,
            ),
            attempts: Attempts::decode(attempts).ok_or(VaultError::RolledBack)?,
        })
    }

    /// Saves the record for `vault_id`.
    pub(crate) fn save(
        &self,
        store: &dyn PlatformStore,
        key: &PlatformKey,
        vault_id: &[u8; VAULT_ID_LEN],
    ) -> Result<()> {
        let mut bytes = Vec::with_capacity(STATE_LEN);
        bytes.push(STATE_VERSION);
        bytes.extend_from_slice(vault_id);
        bytes.extend_from_slice(&self.generation.to_le_bytes());
        bytes.extend_from_slice(&self.attempts.encode());
        let tag = key.mac(&[STATE_LABEL, &bytes]);
        bytes.extend_from_slice(&tag);
        store
            .save(&bytes)
            .map_err(|PlatformStoreError| VaultError::PlatformStoreFailed)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Mutex;

    use super::*;

    /// A store in memory, as a shell's keystore would be.
    #[derive(Debug, Default)]
    pub(crate) struct MemoryStore(pub(crate) Mutex<Option<Vec<u8>>>);

    impl PlatformStore for MemoryStore {
        fn load(&self) -> std::result::Result<Option<Vec<u8>>, PlatformStoreError> {
            Ok(self.0.lock().map_err(|_| PlatformStoreError)?.clone())
        }

        fn save(&self, state: &[u8]) -> std::result::Result<(), PlatformStoreError> {
            *self.0.lock().map_err(|_| PlatformStoreError)? = Some(state.to_vec());
            Ok(())
        }
    }

    #[test]
    fn the_record_round_trips_and_is_bound_to_its_vault_and_key() {
        let store = MemoryStore::default();
        let key = PlatformKey::derive(&[7; 32], &[1; VAULT_ID_LEN]).expect("key");
        assert_eq!(
            OutsideRecord::load(&store, &key, &[1; VAULT_ID_LEN]),
            Err(VaultError::RolledBack),
            "no record at all"
        );
        let record = OutsideRecord {
            generation: 9,
            attempts: Attempts {
                seq: 4,
                failures: 2,
                last_failure_at: Some(-5),
                clock_high: 77,
            },
        };
        record.save(&store, &key, &[1; VAULT_ID_LEN]).expect("save");
        assert_eq!(
            OutsideRecord::load(&store, &key, &[1; VAULT_ID_LEN]),
            Ok(record)
        );
        assert_eq!(
            OutsideRecord::load(&store, &key, &[2; VAULT_ID_LEN]),
            Err(VaultError::RolledBack),
            "another vault's record"
        );
        let other = PlatformKey::derive(&[8; 32], &[1; VAULT_ID_LEN]).expect("key");
        assert_eq!(
            OutsideRecord::load(&store, &other, &[1; VAULT_ID_LEN]),
            Err(VaultError::RolledBack),
            "another secret"
        );
        let mut edited = store.load().expect("load").expect("saved");
        edited[20] ^= 1;
        store.save(&edited).expect("save");
        assert_eq!(
            OutsideRecord::load(&store, &key, &[1; VAULT_ID_LEN]),
            Err(VaultError::RolledBack),
            "an edited record"
        );
    }

    #[test]
    fn an_edited_count_is_caught_when_there_is_a_key() {
        let key = PlatformKey::derive(&[7; 32], &[1; VAULT_ID_LEN]).expect("key");
        let mut attempts = Attempts::new(5);
        attempts.fail(6);
        let stored = StoredAttempts::seal(attempts, Some(&key), &[1; VAULT_ID_LEN]);
        assert_eq!(
            stored.verified(Some(&key), &[1; VAULT_ID_LEN]),
            Ok(attempts)
        );
        let edited = StoredAttempts {
            attempts: Attempts::new(5),
            ..stored.clone()
        };
        assert_eq!(
            edited.verified(Some(&key), &[1; VAULT_ID_LEN]),
            Err(VaultError::Damaged)
        );
        let unsigned = StoredAttempts {
            mac: None,
            ..stored
        };
        assert_eq!(
            unsigned.verified(Some(&key), &[1; VAULT_ID_LEN]),
            Err(VaultError::Damaged)
        );
        assert_eq!(unsigned.verified(None, &[1; VAULT_ID_LEN]), Ok(attempts));
    }

    #[test]
    fn the_check_value_depends_on_secret_and_vault() {
        let check = |secret: u8, id: u8| {
            PlatformKey::derive(&[secret; 32], &[id; VAULT_ID_LEN])
                .expect("key")
                .check_value()
        };
        assert_eq!(check(1, 1), check(1, 1));
        assert_ne!(check(1, 1), check(2, 1));
        assert_ne!(check(1, 1), check(1, 2));
    }
}
