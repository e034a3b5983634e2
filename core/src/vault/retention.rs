//! Coarse dates and how long records are kept.
//!
//! A record saved on day D is kept through day D + `retention_days` (UTC) and deleted the next
//! time the vault is opened or unlocked after that. While the vault is locked nobody has shown
//! the PIN, so the clock is trusted only up to [`LOCKED_CLOCK_LEAP_SECS`] past the last time the
//! PIN was entered: a clock set far ahead deletes nothing until the PIN is entered again.

use chrono::{DateTime, Days};

use super::error::{Result, VaultError};

/// How far past the last unlock the clock is trusted while the vault is locked, in seconds.
pub const LOCKED_CLOCK_LEAP_SECS: i64 = 86_400;

/// The time retention uses while locked: `now`, but no later than [`LOCKED_CLOCK_LEAP_SECS`]
/// after `last_unlock`.
pub(crate) fn locked_now(now: i64, last_unlock: i64) -> i64 {
    now.min(last_unlock.saturating_add(LOCKED_CLOCK_LEAP_SECS))
}

/// The UTC day of `now`, `YYYY-MM-DD`.
pub(crate) fn date_of(now: i64) -> Result<String> {
    Ok(day(now)?.format("%Y-%m-%d").to_string())
}

/// The first day still kept: records dated before it have expired.
pub(crate) fn first_kept_date(now: i64, retention_days: u32) -> Result<String> {
    let first = day(now)?
        .checked_sub_days(Days::new(u64::from(retention_days)))
        .ok_or(VaultError::InvalidTime { now })?;
    Ok(first.format("%Y-%m-%d").to_string())
}

fn day(now: i64) -> Result<chrono::NaiveDate> {
    DateTime::from_timestamp(now, 0)
        .map(|t| t.date_naive())
        .filter(|d| (1970..=9999).contains(&chrono::Datelike::year(d)))
        .ok_or(VaultError::InvalidTime { now })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400;

    #[test]
    fn dates_are_utc_days() {
        assert_eq!(date_of(0).as_deref(), Ok("1970-01-01"));
        assert_eq!(date_of(DAY - 1).as_deref(), Ok("1970-01-01"));
        assert_eq!(date_of(1_767_225_600).as_deref(), Ok("2026-01-01"));
    }

    #[test]
    fn impossible_times_are_refused() {
        assert_eq!(date_of(-1), Err(VaultError::InvalidTime { now: -1 }));
        assert!(date_of(i64::MAX).is_err());
    }

    #[test]
    fn a_locked_vault_trusts_the_clock_a_day_past_the_last_unlock() {
        assert_eq!(locked_now(1_000, 900), 1_000);
        assert_eq!(locked_now(4_070_908_800, 900), 900 + LOCKED_CLOCK_LEAP_SECS);
        assert_eq!(locked_now(i64::MAX, i64::MAX), i64::MAX);
    }

    #[test]
    fn thirty_days_are_kept() {
        let now = 1_767_225_600 + 12 * 3_600; // 2026-01-01 noon
        assert_eq!(first_kept_date(now, 30).as_deref(), Ok("2025-12-02"));
        assert_eq!(first_kept_date(now, 0).as_deref(), Ok("2026-01-01"));
    }
}
