//! Turning the PIN, and the phone's secret when there is one, into the key
//! that wraps the vault's data key.
//!
//! Version 1: Argon2id (v1.3) over the PIN with the vault's random 16-byte
//! salt and the stored costs, then HKDF-SHA256 over `argon2 output || platform
//! secret` with the same salt, giving a 256-bit AES-GCM key.

use argon2::{Algorithm, Argon2, Block, Params, Version};
use ring::{aead, hkdf};
use zeroize::Zeroizing;

use super::crypto::{KEY_LEN, SecretKey};
use super::error::{Result, VaultError};

/// The fewest bytes a platform secret may have.
pub const MIN_PLATFORM_SECRET_BYTES: usize = 16;

/// The key-derivation scheme this version writes; stored with each vault.
pub(crate) const KDF_VERSION: u32 = 1;

/// Length of the random salt stored with each vault.
pub(crate) const SALT_LEN: usize = 16;

const HKDF_INFO: &[u8] = b"lykt-vault/wrapping-key/v1";

/// Argon2id costs, stored with each vault so they can be raised later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory per derivation, in KiB.
    pub memory_kib: u32,
    /// Passes over the memory.
    pub iterations: u32,
    /// Parallel lanes.
    pub lanes: u32,
}

impl KdfParams {
    /// The floor: OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane).
    pub const MIN: Self = Self {
        memory_kib: 19_456,
        iterations: 2,
        lanes: 1,
    };

    /// The ceiling, so a damaged or altered vault cannot demand absurd memory
    /// or time from the phone.
    pub const MAX: Self = Self {
        memory_kib: 262_144,
        iterations: 16,
        lanes: 4,
    };

    /// Each cost the higher of the two: re-wrapping never lowers what a vault stored.
    pub(crate) fn at_least(self, other: Self) -> Self {
        Self {
            memory_kib: self.memory_kib.max(other.memory_kib),
            iterations: self.iterations.max(other.iterations),
            lanes: self.lanes.max(other.lanes),
        }
    }

    /// Whether every cost lies between [`Self::MIN`] and [`Self::MAX`].
    pub fn is_valid(&self) -> bool {
        (Self::MIN.memory_kib..=Self::MAX.memory_kib).contains(&self.memory_kib)
            && (Self::MIN.iterations..=Self::MAX.iterations).contains(&self.iterations)
            && (Self::MIN.lanes..=Self::MAX.lanes).contains(&self.lanes)
    }

    pub(crate) fn check(&self) -> Result<()> {
        if self.is_valid() {
            Ok(())
        } else {
            Err(VaultError::InvalidKdfParams)
        }
    }
}

impl Default for KdfParams {
    /// The floor, [`KdfParams::MIN`].
    fn default() -> Self {
        Self::MIN
    }
}

/// Refuses a platform secret shorter than [`MIN_PLATFORM_SECRET_BYTES`].
pub(crate) fn check_platform_secret(secret: Option<&[u8]>) -> Result<()> {
    match secret {
        Some(s) if s.len() < MIN_PLATFORM_SECRET_BYTES => Err(VaultError::PlatformSecretTooShort {
            min_bytes: MIN_PLATFORM_SECRET_BYTES,
        }),
        _ => Ok(()),
    }
}

/// Derives the key-wrapping key (version [`KDF_VERSION`]). The caller scrubs the stack after
/// using it (see [`super::crypto::scrub_stack`]): Argon2's and HKDF's states pass through it.
pub(crate) fn wrapping_key(
    pin: &str,
    platform_secret: Option<&[u8]>,
    params: &KdfParams,
    salt: &[u8; SALT_LEN],
) -> Result<SecretKey> {
    params.check()?;
    let argon_params = Params::new(
        params.memory_kib,
        params.iterations,
        params.lanes,
        Some(KEY_LEN),
    )
    .map_err(|_| VaultError::InvalidKdfParams)?;

    // Argon2's working memory is derived from the PIN: allocate it fallibly
    // and wipe it afterwards.
    let mut memory = Zeroizing::new(Vec::new());
    memory
        .try_reserve_exact(argon_params.block_count())
        .map_err(|_| VaultError::NotEnoughMemory)?;
    memory.resize(argon_params.block_count(), Block::new());

    // Sized once for both parts, so appending the secret never reallocates and leaves the
    // Argon2 output behind unwiped.
    let secret = platform_secret.unwrap_or_default();
    let mut ikm = Zeroizing::new(Vec::with_capacity(KEY_LEN + secret.len()));
    ikm.resize(KEY_LEN, 0);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params)
        .hash_password_into_with_memory(pin.as_bytes(), salt, &mut ikm, memory.as_mut_slice())
        .map_err(|_| VaultError::Crypto)?;
    ikm.extend_from_slice(secret);

    let mut key = SecretKey::zeroed();
    hkdf::Salt::new(hkdf::HKDF_SHA256, salt)
        .extract(&ikm)
        .expand(&[HKDF_INFO], &aead::AES_256_GCM)
        .and_then(|okm| okm.fill(key.bytes_mut()))
        .map_err(|_| VaultError::Crypto)?;
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_are_only_ever_raised() {
        let stored = KdfParams {
            memory_kib: 65_536,
            iterations: 2,
            lanes: 1,
        };
        let configured = KdfParams {
            memory_kib: 19_456,
            iterations: 3,
            lanes: 1,
        };
        assert_eq!(
            stored.at_least(configured),
            KdfParams {
                memory_kib: 65_536,
                iterations: 3,
                lanes: 1
            }
        );
    }

    #[test]
    fn params_outside_the_range_are_refused() {
        assert!(KdfParams::default().is_valid());
        let weak = KdfParams {
            memory_kib: 8_192,
            ..KdfParams::MIN
        };
        assert!(!weak.is_valid());
        let huge = KdfParams {
            memory_kib: 4_000_000,
            ..KdfParams::MIN
        };
        assert!(!huge.is_valid());
        assert!(matches!(
            wrapping_key("123456", None, &weak, &[0; SALT_LEN]),
            Err(VaultError::InvalidKdfParams)
        ));
    }

    #[test]
    fn the_key_depends_on_pin_salt_and_secret() {
        let params = KdfParams::default();
        let derive = |pin: &str, secret: Option<&[u8]>, salt: u8| {
            *wrapping_key(pin, secret, &params, &[salt; SALT_LEN])
                .expect("derive")
                .bytes()
        };
        let base = derive("123456", None, 1);
        assert_eq!(base, derive("123456", None, 1));
        assert_ne!(base, derive("123457", None, 1));
        assert_ne!(base, derive("123456", None, 2));
        assert_ne!(base, derive("123456", Some(&[7; 32]), 1));
        assert_ne!(
            derive("123456", Some(&[7; 32]), 1),
            derive("123456", Some(&[8; 32]), 1)
        );
    }
}
