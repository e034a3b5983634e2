//! The unlocked session: the data key and when it was last used.
//!
//! Dropping the session (lock, auto-lock, wipe, drop of the vault) wipes the
//! data key from memory.

use super::crypto::SecretKey;

/// An unlocked vault's key material.
#[derive(Debug)]
pub(crate) struct Session {
    pub(crate) key: SecretKey,
    last_activity: i64,
}

impl Session {
    pub(crate) fn new(key: SecretKey, now: i64) -> Self {
        Self {
            key,
            last_activity: now,
        }
    }

    /// Whether more than `timeout_secs` passed since the last activity.
    /// A clock that went backwards counts as no idle time.
    pub(crate) fn is_idle(&self, now: i64, timeout_secs: u64) -> bool {
        u64::try_from(now.saturating_sub(self.last_activity)).is_ok_and(|idle| idle > timeout_secs)
    }

    /// Records activity at `now`.
    pub(crate) fn touch(&mut self, now: i64) {
        self.last_activity = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_means_strictly_longer_than_the_timeout() {
        let mut s = Session::new(SecretKey::zeroed(), 1_000);
        assert!(!s.is_idle(1_300, 300));
        assert!(s.is_idle(1_301, 300));
        assert!(!s.is_idle(900, 300));
        s.touch(1_300);
        assert!(!s.is_idle(1_600, 300));
    }
}
