//! The data key, wrapped under the key derived from the PIN (and the platform secret).
//!
//! The keyslot stores the vault's random id, the key-derivation version, its costs, the salt and,
//! when a platform secret is mixed in, a check value of that secret: all bound into the wrapping
//! as associated data, so none of them can be altered unnoticed.

use super::crypto::{Cipher, SecretKey, scrub_stack};
use super::error::{Result, VaultError};
use super::kdf::{self, KDF_VERSION, KdfParams, SALT_LEN};
use super::platform::PlatformKey;

/// Length of the vault's random id.
pub(crate) const VAULT_ID_LEN: usize = 16;

/// Everything needed to unwrap the data key, given the PIN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Keyslot {
    pub(crate) vault_id: [u8; VAULT_ID_LEN],
    pub(crate) kdf_version: u32,
    pub(crate) params: KdfParams,
    pub(crate) salt: [u8; SALT_LEN],
    /// Set when the vault needs a platform secret: shows which secret, without the PIN.
    pub(crate) secret_check: Option<[u8; 32]>,
    /// The data key sealed under the wrapping key.
    pub(crate) wrapped: Vec<u8>,
}

/// The platform secret a vault needs, checked, with the key derived from it.
#[derive(Debug)]
pub(crate) struct Platform<'a> {
    pub(crate) secret: &'a [u8],
    pub(crate) key: PlatformKey,
}

impl Keyslot {
    /// Wraps `data_key` for a new vault `vault_id`, under a fresh salt.
    pub(crate) fn new(
        vault_id: [u8; VAULT_ID_LEN],
        data_key: &SecretKey,
        pin: &str,
        platform: Option<&Platform<'_>>,
        params: KdfParams,
    ) -> Result<Self> {
        let slot = Self {
            vault_id,
            kdf_version: KDF_VERSION,
            params,
            salt: [0; SALT_LEN],
            secret_check: platform.map(|p| p.key.check_value()),
            wrapped: Vec::new(),
        };
        slot.rewrapped(data_key, pin, platform.map(|p| p.secret), params)
    }

    /// The same slot with `data_key` wrapped afresh under `params`, never lower than the costs
    /// stored now.
    pub(crate) fn rewrapped(
        &self,
        data_key: &SecretKey,
        pin: &str,
        platform_secret: Option<&[u8]>,
        params: KdfParams,
    ) -> Result<Self> {
        let mut slot = Self {
            params: params.at_least(self.params),
            salt: super::crypto::random()?,
            wrapped: Vec::new(),
            ..self.clone()
        };
        let wrapping_key = kdf::wrapping_key(pin, platform_secret, &slot.params, &slot.salt)?;
        let sealed = Cipher::new(&wrapping_key)?.seal(&slot.aad(), data_key.bytes());
        scrub_stack();
        slot.wrapped = sealed?;
        Ok(slot)
    }

    /// The platform secret this slot needs, checked against the slot: an error if it needs one
    /// and none or another was given; `None` for a vault made without one (a secret given is
    /// then ignored).
    pub(crate) fn platform<'a>(&self, given: Option<&'a [u8]>) -> Result<Option<Platform<'a>>> {
        let Some(check) = self.secret_check else {
            return Ok(None);
        };
        let secret = given.ok_or(VaultError::PlatformSecretMissing)?;
        let key = PlatformKey::derive(secret, &self.vault_id)?;
        if !key.verify_check_value(&check) {
            return Err(VaultError::PlatformSecretWrong);
        }
        Ok(Some(Platform { secret, key }))
    }

    /// Whether this version can use the slot: `NewerFormat` for a later key derivation,
    /// `Damaged` for costs outside the accepted range.
    pub(crate) fn check(&self) -> Result<()> {
        if self.kdf_version > KDF_VERSION {
            return Err(VaultError::NewerFormat);
        }
        if self.kdf_version != KDF_VERSION || !self.params.is_valid() {
            return Err(VaultError::Damaged);
        }
        Ok(())
    }

    /// Unwraps the data key. A wrong PIN gives `WrongPin`.
    pub(crate) fn open(&self, pin: &str, platform_secret: Option<&[u8]>) -> Result<SecretKey> {
        self.check()?;
        let wrapping_key = kdf::wrapping_key(pin, platform_secret, &self.params, &self.salt);
        let opened = wrapping_key
            .and_then(|k| Cipher::new(&k))
            .map(|cipher| cipher.open(&self.aad(), &self.wrapped));
        scrub_stack();
        let opened = opened?.ok_or(VaultError::WrongPin {
            attempts_before_wipe: None,
        })?;
        SecretKey::from_slice(&opened).ok_or(VaultError::Damaged)
    }

    fn aad(&self) -> Vec<u8> {
        let mut aad = b"lykt-vault/keyslot/v2\0".to_vec();
        aad.extend_from_slice(&self.vault_id);
        for n in [
            self.kdf_version,
            self.params.memory_kib,
            self.params.iterations,
            self.params.lanes,
        ] {
            aad.extend_from_slice(&n.to_le_bytes());
        }
        aad.extend_from_slice(&self.salt);
        match &self.secret_check {
            Some(check) => {
                aad.push(1);
                aad.extend_from_slice(check);
            }
            None => aad.push(0),
        }
        aad
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(platform: Option<&Platform<'_>>) -> (SecretKey, Keyslot) {
        let key = SecretKey::random().expect("key");
        let slot = Keyslot::new(
            [3; VAULT_ID_LEN],
            &key,
            "482916",
            platform,
            KdfParams::default(),
        )
        .expect("wrap");
        (key, slot)
    }

    #[test]
    fn wraps_and_unwraps_the_data_key() {
        let (key, slot) = slot(None);
        let opened = slot.open("482916", None).expect("unwrap");
        assert_eq!(opened.bytes(), key.bytes());
        assert_eq!(
            slot.open("654321", None).map(|_| ()),
            Err(VaultError::WrongPin {
                attempts_before_wipe: None
            })
        );
    }

    #[test]
    fn altered_fields_do_not_unwrap() {
        let (_, slot) = slot(None);
        let wrong = Err(VaultError::WrongPin {
            attempts_before_wipe: None,
        });
        let mut changed = slot.clone();
        changed.params.iterations += 1;
        assert_eq!(changed.open("482916", None).map(|_| ()), wrong);
        let mut changed = slot.clone();
        changed.vault_id[0] ^= 1;
        assert_eq!(changed.open("482916", None).map(|_| ()), wrong);
        let mut changed = slot.clone();
        changed.params.iterations = 1_000;
        assert_eq!(
            changed.open("482916", None).map(|_| ()),
            Err(VaultError::Damaged)
        );
        changed.kdf_version = KDF_VERSION + 1;
        assert_eq!(
            changed.open("482916", None).map(|_| ()),
            Err(VaultError::NewerFormat)
        );
    }

    #[test]
    fn rewrapping_never_lowers_the_costs() {
        let key = SecretKey::random().expect("key");
        let strong = KdfParams {
            memory_kib: 24_576,
            iterations: 3,
            lanes: 1,
        };
        let slot = Keyslot::new([1; VAULT_ID_LEN], &key, "482916", None, strong).expect("wrap");
        let again = slot
            .rewrapped(&key, "482916", None, KdfParams::default())
            .expect("rewrap");
        assert_eq!(again.params, strong);
        assert_ne!(again.salt, slot.salt);
        assert_eq!(
            again.open("482916", None).expect("opens").bytes(),
            key.bytes()
        );
    }

    #[test]
    fn a_secret_is_demanded_and_checked_only_by_slots_made_with_one() {
        let secret = [9u8; 32];
        let platform = Platform {
            secret: &secret,
            key: PlatformKey::derive(&secret, &[3; VAULT_ID_LEN]).expect("key"),
        };
        let (_, with) = slot(Some(&platform));
        assert_eq!(
            with.platform(None).map(|_| ()),
            Err(VaultError::PlatformSecretMissing)
        );
        assert_eq!(
            with.platform(Some(&[8; 32])).map(|_| ()),
            Err(VaultError::PlatformSecretWrong)
        );
        assert!(with.platform(Some(&secret)).expect("right").is_some());
        with.open("482916", Some(&secret)).expect("opens with it");
        let (_, without) = slot(None);
        assert!(without.platform(Some(&secret)).expect("ignored").is_none());
    }
}
