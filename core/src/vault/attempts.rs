//! Slowing down wrong PINs.
//!
//! The first [`FREE_FAILURES`] wrong PINs in a row cost nothing; after that
//! each try waits [`FIRST_DELAY_SECS`] after the last failure, doubling with
//! every further failure up to [`MAX_DELAY_SECS`]. An attempt is counted as
//! a failure *before* the PIN is checked and cleared only when it opens the
//! vault, so stopping the app in the middle of a check wins no free try.

/// Wrong PINs in a row that need no wait.
pub const FREE_FAILURES: u32 = 3;
/// The wait after the first failure beyond the free ones, in seconds.
pub const FIRST_DELAY_SECS: u64 = 30;
/// The longest wait, in seconds.
pub const MAX_DELAY_SECS: u64 = 15 * 60;

/// The persisted count of consecutive failed attempts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Attempts {
    pub(crate) failures: u32,
    pub(crate) last_failure_at: Option<i64>,
}

impl Attempts {
    /// The seconds to wait before the next try at `now`, if it must wait.
    ///
    /// A clock that went backwards would otherwise block for ever; instead
    /// the delay restarts from `now` (the caller persists the change).
    pub(crate) fn refuse(&mut self, now: i64) -> Option<u64> {
        let delay = delay_after(self.failures);
        let last = self.last_failure_at?;
        if delay == 0 {
            return None;
        }
        if now < last {
            self.last_failure_at = Some(now);
            return Some(delay);
        }
        let elapsed = u64::try_from(now - last).unwrap_or(u64::MAX);
        Some(delay.saturating_sub(elapsed)).filter(|&wait| wait > 0)
    }

    /// Counts one more failure at `now`.
    pub(crate) fn fail(&mut self, now: i64) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure_at = Some(now);
    }
}

/// The wait required after `failures` consecutive failures.
fn delay_after(failures: u32) -> u64 {
    match failures.checked_sub(FREE_FAILURES) {
        None => 0,
        Some(extra) => (FIRST_DELAY_SECS << extra.min(16)).min(MAX_DELAY_SECS),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_and_are_capped() {
        let delays: Vec<u64> = (0..10).map(delay_after).collect();
        assert_eq!(delays, [0, 0, 0, 30, 60, 120, 240, 480, 900, 900]);
        assert_eq!(delay_after(u32::MAX), MAX_DELAY_SECS);
    }

    #[test]
    fn waits_count_down_from_the_last_failure() {
        let mut a = Attempts::default();
        for _ in 0..3 {
            assert_eq!(a.refuse(100), None);
            a.fail(100);
        }
        assert_eq!(a.refuse(100), Some(30));
        assert_eq!(a.refuse(129), Some(1));
        assert_eq!(a.refuse(130), None);
    }

    #[test]
    fn a_clock_set_back_restarts_the_delay() {
        let mut a = Attempts {
            failures: 4,
            last_failure_at: Some(1_000_000),
        };
        assert_eq!(a.refuse(10), Some(60));
        assert_eq!(a.last_failure_at, Some(10));
        assert_eq!(a.refuse(70), None);
    }
}
