//! The unlocked session: the cipher built from the data key, and when it was last used.
//!
//! Dropping the session (lock, auto-lock, wipe, drop of the vault) overwrites the cipher's key
//! schedule and wipes the platform key.

use super::crypto::Cipher;
use super::keyslot::VAULT_ID_LEN;
use super::platform::PlatformKey;

/// An unlocked vault's key material.
#[derive(Debug)]
pub(crate) struct Session {
    pub(crate) cipher: Cipher,
    /// The key derived from the platform secret, when the vault has one.
    pub(crate) platform: Option<PlatformKey>,
    pub(crate) vault_id: [u8; VAULT_ID_LEN],
    last_activity: i64,
}

impl Session {
    pub(crate) fn new(
        cipher: Cipher,
        platform: Option<PlatformKey>,
        vault_id: [u8; VAULT_ID_LEN],
        now: i64,
    ) -> Self {
        Self {
            cipher,
            platform,
            vault_id,
            last_activity: now,
        }
    }

    /// Whether more than `timeout_secs` passed since the last activity. A clock set back before
    /// the last activity counts as idle too: it cannot keep the vault open.
    pub(crate) fn is_idle(&self, now: i64, timeout_secs: u64) -> bool {
        u64::try_from(now.saturating_sub(self.last_activity))
            .map_or(true, |idle| idle > timeout_secs)
    }

    /// Records activity at `now`.
    pub(crate) fn touch(&mut self, now: i64) {
        self.last_activity = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::crypto::SecretKey;

    #[test]
    fn idle_means_longer_than_the_timeout_or_a_clock_set_back() {
        let cipher = Cipher::new(&SecretKey::zeroed()).expect("cipher");
        let mut s = Session::new(cipher, None, [0; VAULT_ID_LEN], 1_000);
        assert!(!s.is_idle(1_300, 300));
        assert!(s.is_idle(1_301, 300));
        assert!(s.is_idle(999, 300), "a clock set back locks");
        s.touch(1_300);
        assert!(!s.is_idle(1_600, 300));
    }
}
