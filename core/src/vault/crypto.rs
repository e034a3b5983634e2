//! Sealing and opening with AES-256-GCM, and the random numbers that needs.
//!
//! A sealed blob is `nonce (12 bytes) || ciphertext || tag (16 bytes)`. Every
//! seal draws a fresh random nonce from the system generator; with 96-bit
//! nonces and at most a few thousand seals per key, a repeat is negligible.

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};

/// Length of every key the vault uses.
pub(crate) const KEY_LEN: usize = 32;

const TAG_LEN: usize = 16;

/// A 256-bit key kept on the heap and wiped when dropped; never printed.
pub(crate) struct SecretKey(Box<Zeroizing<[u8; KEY_LEN]>>);

impl SecretKey {
    /// A key of zeros, to be filled in place (so no copy is left behind).
    pub(crate) fn zeroed() -> Self {
        Self(Box::new(Zeroizing::new([0; KEY_LEN])))
    }

    /// A fresh random key.
    pub(crate) fn random() -> Result<Self> {
        let mut key = Self::zeroed();
        fill_random(key.bytes_mut())?;
        Ok(key)
    }

    /// Copies a key out of an opened blob, if it has the right length.
    pub(crate) fn from_slice(bytes: &[u8]) -> Option<Self> {
        let bytes: &[u8; KEY_LEN] = bytes.try_into().ok()?;
        let mut key = Self::zeroed();
        key.bytes_mut().copy_from_slice(bytes);
        Some(key)
    }

    pub(crate) fn bytes(&self) -> &[u8; KEY_LEN] {
        &self.0
    }

    pub(crate) fn bytes_mut(&mut self) -> &mut [u8; KEY_LEN] {
        &mut self.0
    }

    // ring keeps its expanded key schedule on the stack of this call only and
    // offers no way to wipe it; building it per operation keeps it short-lived.
    fn cipher(&self) -> Result<LessSafeKey> {
        let key = UnboundKey::new(&AES_256_GCM, self.bytes()).map_err(|_| VaultError::Crypto)?;
        Ok(LessSafeKey::new(key))
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// Fills `out` from the system's cryptographic random generator.
pub(crate) fn fill_random(out: &mut [u8]) -> Result<()> {
    SystemRandom::new()
        .fill(out)
        .map_err(|_| VaultError::Crypto)
}

/// `N` random bytes, for values that are not secret (ids, salts, nonces).
pub(crate) fn random<const N: usize>() -> Result<[u8; N]> {
    let mut out = [0; N];
    fill_random(&mut out)?;
    Ok(out)
}

/// Encrypts and authenticates `plaintext` with `aad` bound to it.
pub(crate) fn seal(key: &SecretKey, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
    let nonce = random::<NONCE_LEN>()?;
    let mut sealed = Vec::with_capacity(NONCE_LEN + plaintext.len() + TAG_LEN);
    sealed.extend_from_slice(&nonce);
    sealed.extend_from_slice(plaintext);
    let tag = key
        .cipher()?
        .seal_in_place_separate_tag(
            Nonce::assume_unique_for_key(nonce),
            Aad::from(aad),
            sealed.split_at_mut(NONCE_LEN).1,
        )
        .map_err(|_| VaultError::Crypto)?;
    sealed.extend_from_slice(tag.as_ref());
    Ok(sealed)
}

/// Decrypts a sealed blob; `None` if it, its nonce or `aad` were altered
/// (or the key is not the one that sealed it).
pub(crate) fn open(key: &SecretKey, aad: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return None;
    }
    let (nonce, body) = sealed.split_at(NONCE_LEN);
    let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
    let mut buffer = Zeroizing::new(body.to_vec());
    let plain_len = key
        .cipher()
        .ok()?
        .open_in_place(nonce, Aad::from(aad), &mut buffer)
        .ok()?
        .len();
    buffer.truncate(plain_len);
    Some(buffer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_then_open_round_trips_and_binds_aad() {
        let key = SecretKey::random().expect("random key");
        let sealed = seal(&key, b"id-1", b"hello").expect("seal");
        assert_eq!(sealed.len(), NONCE_LEN + 5 + TAG_LEN);
        let opened = open(&key, b"id-1", &sealed).expect("opens");
        assert_eq!(opened.as_slice(), b"hello");
        assert!(open(&key, b"id-2", &sealed).is_none());
        assert!(open(&SecretKey::random().expect("key"), b"id-1", &sealed).is_none());
    }

    #[test]
    fn every_seal_uses_a_fresh_nonce() {
        let key = SecretKey::random().expect("random key");
        let a = seal(&key, b"", b"same").expect("seal");
        let b = seal(&key, b"", b"same").expect("seal");
        assert_ne!(a.get(..NONCE_LEN), b.get(..NONCE_LEN));
    }

    #[test]
    fn short_or_garbage_blobs_do_not_open() {
        let key = SecretKey::random().expect("random key");
        assert!(open(&key, b"", &[]).is_none());
        assert!(open(&key, b"", &[0; NONCE_LEN + TAG_LEN]).is_none());
    }

    #[test]
    fn keys_never_print() {
        let key = SecretKey::random().expect("random key");
        assert_eq!(format!("{key:?}"), "SecretKey(<redacted>)");
        assert!(SecretKey::from_slice(&[1; KEY_LEN + 1]).is_none());
    }
}
