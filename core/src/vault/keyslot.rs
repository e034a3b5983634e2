//! The data key, wrapped under the key derived from the PIN.
//!
//! The keyslot stores the key-derivation version, its costs, the salt and
//! whether a platform secret is mixed in, all bound into the wrapping as
//! associated data, so none of them can be altered unnoticed.

use super::crypto::{self, SecretKey};
use super::error::{Result, VaultError};
use super::kdf::{self, KDF_VERSION, KdfParams, SALT_LEN};

/// Everything needed to unwrap the data key, given the PIN.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Keyslot {
    pub(crate) kdf_version: u32,
    pub(crate) params: KdfParams,
    pub(crate) salt: [u8; SALT_LEN],
    pub(crate) needs_secret: bool,
    /// The data key sealed under the wrapping key.
    pub(crate) wrapped: Vec<u8>,
}

impl Keyslot {
    /// Wraps `data_key` under a fresh salt with the current key derivation.
    pub(crate) fn new(
        data_key: &SecretKey,
        pin: &str,
        platform_secret: Option<&[u8]>,
        params: KdfParams,
    ) -> Result<Self> {
        let mut slot = Self {
            kdf_version: KDF_VERSION,
            params,
            salt: crypto::random()?,
            needs_secret: platform_secret.is_some(),
            wrapped: Vec::new(),
        };
        let wrapping_key = kdf::wrapping_key(pin, platform_secret, &params, &slot.salt)?;
        slot.wrapped = crypto::seal(&wrapping_key, &slot.aad(), data_key.bytes())?;
        Ok(slot)
    }

    /// The platform secret this slot needs: the one given if the vault was
    /// created with one (an error if none was given), otherwise none at all.
    pub(crate) fn secret_to_use<'a>(&self, given: Option<&'a [u8]>) -> Result<Option<&'a [u8]>> {
        match (self.needs_secret, given) {
            (true, None) => Err(VaultError::PlatformSecretMissing),
            (true, secret) => Ok(secret),
            (false, _) => Ok(None),
        }
    }

    /// Whether this version can use the slot: `NewerFormat` for a later
    /// key derivation, `Damaged` for costs outside the accepted range.
    pub(crate) fn check(&self) -> Result<()> {
        if self.kdf_version > KDF_VERSION {
            return Err(VaultError::NewerFormat);
        }
        if self.kdf_version != KDF_VERSION || !self.params.is_valid() {
            return Err(VaultError::Damaged);
        }
        Ok(())
    }

    /// Unwraps the data key. A wrong PIN or platform secret gives `WrongPin`.
    pub(crate) fn open(&self, pin: &str, platform_secret: Option<&[u8]>) -> Result<SecretKey> {
        self.check()?;
        let wrapping_key = kdf::wrapping_key(pin, platform_secret, &self.params, &self.salt)?;
        let opened = crypto::open(&wrapping_key, &self.aad(), &self.wrapped).ok_or(
            VaultError::WrongPin {
                attempts_before_wipe: None,
            },
        )?;
        SecretKey::from_slice(&opened).ok_or(VaultError::Damaged)
    }

    fn aad(&self) -> Vec<u8> {
        let mut aad = b"lykt-vault/keyslot/v1\0".to_vec();
        for n in [
            self.kdf_version,
            self.params.memory_kib,
            self.params.iterations,
            self.params.lanes,
        ] {
            aad.extend_from_slice(&n.to_le_bytes());
        }
        aad.extend_from_slice(&self.salt);
        aad.push(u8::from(self.needs_secret));
        aad
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_and_unwraps_the_data_key() {
        let key = SecretKey::random().expect("key");
        let slot = Keyslot::new(&key, "123456", None, KdfParams::default()).expect("wrap");
        let opened = slot.open("123456", None).expect("unwrap");
        assert_eq!(opened.bytes(), key.bytes());
        assert_eq!(
            slot.open("654321", None).map(|_| ()),
            Err(VaultError::WrongPin {
                attempts_before_wipe: None
            })
        );
    }

    #[test]
    fn altered_costs_do_not_unwrap() {
        let key = SecretKey::random().expect("key");
        let mut slot = Keyslot::new(&key, "123456", None, KdfParams::default()).expect("wrap");
        slot.params.iterations += 1;
        assert!(slot.open("123456", None).is_err());
        slot.params.iterations = 1_000;
        assert_eq!(
            slot.open("123456", None).map(|_| ()),
            Err(VaultError::Damaged)
        );
        slot.kdf_version = KDF_VERSION + 1;
        assert_eq!(
            slot.open("123456", None).map(|_| ()),
            Err(VaultError::NewerFormat)
        );
    }

    #[test]
    fn a_secret_is_demanded_only_by_slots_made_with_one() {
        let key = SecretKey::random().expect("key");
        let secret = [9u8; 32];
        let with = Keyslot::new(&key, "123456", Some(&secret), KdfParams::default()).expect("wrap");
        assert_eq!(
            with.secret_to_use(None),
            Err(VaultError::PlatformSecretMissing)
        );
        assert_eq!(with.secret_to_use(Some(&secret)), Ok(Some(&secret[..])));
        let without = Keyslot {
            needs_secret: false,
            ..with
        };
        assert_eq!(without.secret_to_use(Some(&secret)), Ok(None));
    }
}
