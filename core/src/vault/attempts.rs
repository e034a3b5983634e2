//! Slowing down wrong PINs, whatever the clock says.
//!
//! The first [`FREE_FAILURES`] wrong PINs in a row cost nothing; after that each try waits
//! [`FIRST_DELAY_SECS`] after the last failure, doubling with every further failure up to
//! [`MAX_DELAY_SECS`]. An attempt is counted as a failure *before* the PIN is checked and cleared
//! only when it opens the vault, so stopping the app in the middle of a check wins no free try.
//!
//! The clock cannot shorten a wait: the time of the last failure never moves backwards, and a
//! clock earlier than it counts as the longest wait from that failure. A clock moved *forward*
//! does shorten waits; only the phone's own protection of its clock stops that (see the module
//! docs of [`super`]).

/// Wrong PINs in a row that need no wait.
pub const FREE_FAILURES: u32 = 3;
/// The wait after the first failure beyond the free ones, in seconds.
pub const FIRST_DELAY_SECS: u64 = 30;
/// The longest wait, in seconds.
pub const MAX_DELAY_SECS: u64 = 15 * 60;

/// The persisted count of consecutive failed attempts, and the latest time the vault trusts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Attempts {
    /// Grows with every change, so an older copy of this count is recognised.
    pub(crate) seq: u64,
    pub(crate) failures: u32,
    pub(crate) last_failure_at: Option<i64>,
    /// The latest time the vault was used unlocked (or created).
    pub(crate) clock_high: i64,
}

impl Attempts {
    /// Bytes of [`Self::encode`].
    pub(crate) const ENCODED_LEN: usize = 8 + 4 + 8 + 8;

    /// A fresh count for a vault created at `now`.
    pub(crate) fn new(now: i64) -> Self {
        Self {
            clock_high: now,
            ..Self::default()
        }
    }

    /// The seconds to wait before the next try at `now`, if it must wait.
    pub(crate) fn refuse(&self, now: i64) -> Option<u64> {
        let delay = delay_after(self.failures);
        let last = self.last_failure_at?;
        if delay == 0 {
            return None;
        }
        // A clock before the last failure: the longest wait, counted from that failure.
        let until = if now < last {
            last.saturating_add_unsigned(MAX_DELAY_SECS)
        } else {
            last.saturating_add_unsigned(delay)
        };
        u64::try_from(until.saturating_sub(now))
            .ok()
            .filter(|&wait| wait > 0)
    }

    /// Counts one more failure at `now`; the failure time never moves backwards.
    pub(crate) fn fail(&mut self, now: i64) {
        self.failures = self.failures.saturating_add(1);
        self.last_failure_at = Some(self.last_failure_at.map_or(now, |last| last.max(now)));
        self.seq += 1;
    }

    /// Clears the failures after the right PIN at `now`, which the vault then trusts.
    pub(crate) fn succeed(&mut self, now: i64) {
        self.failures = 0;
        self.trust(now);
    }

    /// Records `now` as a time given while the PIN was proven (unlocked); it never moves back.
    pub(crate) fn trust(&mut self, now: i64) {
        self.clock_high = self.clock_high.max(now);
        self.seq += 1;
    }

    /// The newer of the count in the file and the one kept outside it: a file put back from an
    /// older copy gains nothing. `None` if both claim the same change but differ (an edit).
    pub(crate) fn newest(file: Self, outside: Self) -> Option<Self> {
        match file.seq.cmp(&outside.seq) {
            std::cmp::Ordering::Less => Some(outside),
            std::cmp::Ordering::Greater => Some(file),
            std::cmp::Ordering::Equal => (file == outside).then_some(file),
        }
    }

    /// A fixed-size encoding, for MACs and the record kept outside the file.
    pub(crate) fn encode(&self) -> [u8; Self::ENCODED_LEN] {
        let mut out = [0; Self::ENCODED_LEN];
        out[..8].copy_from_slice(&self.seq.to_le_bytes());
        out[8..12].copy_from_slice(&self.failures.to_le_bytes());
        out[12..20].copy_from_slice(&self.last_failure_at.unwrap_or(i64::MIN).to_le_bytes());
        out[20..].copy_from_slice(&self.clock_high.to_le_bytes());
        out
    }

    /// Reads [`Self::encode`]'s bytes back.
    pub(crate) fn decode(bytes: &[u8]) -> Option<Self> {
        let bytes: &[u8; Self::ENCODED_LEN] = bytes.try_into().ok()?;
        let last = i64::from_le_bytes(bytes[12..20].try_into().ok()?);
        Some(Self {
            seq: u64::from_le_bytes(bytes[..8].try_into().ok()?),
            failures: u32::from_le_bytes(bytes[8..12].try_into().ok()?),
            last_failure_at: (last != i64::MIN).then_some(last),
            clock_high: i64::from_le_bytes(bytes[20..].try_into().ok()?),
        })
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
        assert_eq!(a.seq, 3);
    }

    #[test]
    fn a_clock_set_back_waits_the_longest_from_the_last_failure() {
        let a = Attempts {
            failures: 4,
            last_failure_at: Some(1_000_000),
            ..Attempts::default()
        };
        assert_eq!(a.refuse(1_000_000 - 10), Some(10 + MAX_DELAY_SECS));
        assert_eq!(a.refuse(10), Some(1_000_000 - 10 + MAX_DELAY_SECS));
        // Back on time, the ordinary wait.
        assert_eq!(a.refuse(1_000_030), Some(30));
        // Within the free failures, the clock does not matter.
        let free = Attempts { failures: 2, ..a };
        assert_eq!(free.refuse(10), None);
    }

    #[test]
    fn the_failure_time_never_moves_backwards() {
        let mut a = Attempts::default();
        a.fail(500);
        a.fail(100);
        assert_eq!(a.last_failure_at, Some(500));
        a.succeed(50);
        assert_eq!(
            (a.failures, a.last_failure_at, a.clock_high),
            (0, Some(500), 50)
        );
        a.succeed(20);
        assert_eq!(a.clock_high, 50, "the trusted clock never moves backwards");
    }

    #[test]
    fn the_newest_count_wins_and_an_edit_is_caught() {
        let mut file = Attempts::new(7);
        file.fail(10);
        let mut outside = file;
        outside.fail(11);
        assert_eq!(
            Attempts::newest(file, outside),
            Some(outside),
            "file put back"
        );
        assert_eq!(
            Attempts::newest(outside, file),
            Some(outside),
            "record behind"
        );
        let edited = Attempts {
            failures: 0,
            ..outside
        };
        assert_eq!(Attempts::newest(edited, outside), None);
    }

    #[test]
    fn the_encoding_round_trips() {
        for a in [
            Attempts::new(-3),
            Attempts {
                seq: u64::MAX,
                failures: 9,
                last_failure_at: Some(0),
                clock_high: i64::MAX,
            },
        ] {
            assert_eq!(Attempts::decode(&a.encode()), Some(a));
        }
        assert_eq!(Attempts::decode(&[0; 3]), None);
    }
}
