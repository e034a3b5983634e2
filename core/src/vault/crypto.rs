//! Sealing and opening with AES-256-GCM, and the random numbers that needs.
//!
//! A sealed blob is `nonce (12 bytes) || ciphertext || tag (16 bytes)`. Every seal draws a fresh
//! random nonce from the system generator; with 96-bit nonces and at most a few thousand seals
//! per key, a repeat is negligible.
//!
//! ring keeps an AES key schedule (whose first two round keys are the key itself) in whatever
//! value holds the key, and offers no way to wipe it. So an unlocked vault builds one [`Cipher`]
//! and keeps it on the heap, where dropping it overwrites the schedule in place; the copies ring
//! and the compiler leave on the stack while building it are overwritten by [`scrub_stack`].

use ring::aead::{AES_256_GCM, Aad, LessSafeKey, NONCE_LEN, Nonce, UnboundKey};
use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

use super::error::{Result, VaultError};

/// Length of every key the vault uses.
pub(crate) const KEY_LEN: usize = 32;

const TAG_LEN: usize = 16;

/// How much of the stack [`scrub_stack`] overwrites: far more than ring, Argon2 and HKDF use
/// below the vault's own frames.
const STACK_SCRUB_BYTES: usize = 32 * 1024;

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
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// A key ready to seal and open: its AES schedule built once, on the heap, and overwritten
/// when dropped.
pub(crate) struct Cipher(Box<LessSafeKey>);

impl Cipher {
    /// Builds the cipher for `key`, then scrubs the stack the building used.
    pub(crate) fn new(key: &SecretKey) -> Result<Self> {
        let cipher = UnboundKey::new(&AES_256_GCM, key.bytes())
            .map(|k| Self(Box::new(LessSafeKey::new(k))))
            .map_err(|_| VaultError::Crypto);
        scrub_stack();
        cipher
    }

    /// Encrypts and authenticates `plaintext` with `aad` bound to it.
    pub(crate) fn seal(&self, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
        let nonce = random::<NONCE_LEN>()?;
        // Sized once: the plaintext copied in is encrypted in place, never reallocated.
        let mut sealed = Vec::with_capacity(NONCE_LEN + plaintext.len() + TAG_LEN);
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(plaintext);
        let tag = self
            .0
            .seal_in_place_separate_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad),
                sealed.split_at_mut(NONCE_LEN).1,
            )
            .map_err(|_| VaultError::Crypto)?;
        sealed.extend_from_slice(tag.as_ref());
        Ok(sealed)
    }

    /// Decrypts a sealed blob; `None` if it, its nonce or `aad` were altered (or this is not
    /// the key that sealed it).
    pub(crate) fn open(&self, aad: &[u8], sealed: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
        if sealed.len() < NONCE_LEN + TAG_LEN {
            return None;
        }
        let (nonce, body) = sealed.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
        let mut buffer = Zeroizing::new(body.to_vec());
        let plain_len = self
            .0
            .open_in_place(nonce, Aad::from(aad), &mut buffer)
            .ok()?
            .len();
        buffer.truncate(plain_len);
        Some(buffer)
    }
}

impl Drop for Cipher {
    /// Overwrites the key schedule in place with that of an all-zero key: the only way to wipe
    /// a value ring owns without `unsafe`.
    fn drop(&mut self) {
        if let Ok(blank) = UnboundKey::new(&AES_256_GCM, &[0; KEY_LEN]) {
            *self.0 = LessSafeKey::new(blank);
            std::hint::black_box(&*self.0);
        }
        scrub_stack();
    }
}

impl std::fmt::Debug for Cipher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cipher(<redacted>)")
    }
}

/// Overwrites the stack below the caller, where key schedules, Argon2 and HKDF states and
/// moved copies of them are left by calls that have returned.
#[inline(never)]
pub(crate) fn scrub_stack() {
    let mut scratch = [0u8; STACK_SCRUB_BYTES];
    std::hint::black_box(&mut scratch);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn cipher() -> Cipher {
        Cipher::new(&SecretKey::random().expect("random key")).expect("cipher")
    }

    #[test]
    fn seal_then_open_round_trips_and_binds_aad() {
        let cipher = cipher();
        let sealed = cipher.seal(b"id-1", b"hello").expect("seal");
        assert_eq!(sealed.len(), NONCE_LEN + 5 + TAG_LEN);
        let opened = cipher.open(b"id-1", &sealed).expect("opens");
        assert_eq!(opened.as_slice(), b"hello");
        assert!(cipher.open(b"id-2", &sealed).is_none());
        assert!(self::cipher().open(b"id-1", &sealed).is_none());
    }

    #[test]
    fn every_seal_uses_a_fresh_nonce() {
        let cipher = cipher();
        let a = cipher.seal(b"", b"same").expect("seal");
        let b = cipher.seal(b"", b"same").expect("seal");
        assert_ne!(a.get(..NONCE_LEN), b.get(..NONCE_LEN));
    }

    #[test]
    fn short_or_garbage_blobs_do_not_open() {
        let cipher = cipher();
        assert!(cipher.open(b"", &[]).is_none());
        assert!(cipher.open(b"", &[0; NONCE_LEN + TAG_LEN]).is_none());
    }

    #[test]
    fn keys_never_print() {
        let key = SecretKey::random().expect("random key");
        assert_eq!(format!("{key:?}"), "SecretKey(<redacted>)");
        assert_eq!(format!("{:?}", cipher()), "Cipher(<redacted>)");
        assert!(SecretKey::from_slice(&[1; KEY_LEN + 1]).is_none());
    }
}
