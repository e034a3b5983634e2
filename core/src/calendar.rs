//! Oslo local time, instants, and Norway's public holidays.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::{Europe::Oslo, Tz};
use serde::Serialize;

use crate::error::Error;
use crate::ui_keys as k;

/// A point in time (UTC).
pub type Instant = DateTime<Utc>;

/// The instant in Oslo local time.
pub fn local(at: Instant) -> DateTime<Tz> {
    at.with_timezone(&Oslo)
}

/// The instant at which Oslo's clocks show `date` `time`.
///
/// In the spring gap the first instant after the gap is used; in the autumn
/// overlap, the earlier of the two.
pub fn oslo_instant(date: NaiveDate, time: NaiveTime) -> Instant {
    let naive = NaiveDateTime::new(date, time);
    let resolved = Oslo.from_local_datetime(&naive).earliest().or_else(|| {
        // Walk forward minute by minute out of the gap (at most an hour in Norway).
        (1..=180).find_map(|m| {
            Oslo.from_local_datetime(&(naive + chrono::Duration::minutes(m)))
                .earliest()
        })
    });
    resolved.map_or_else(|| naive.and_utc(), |t| t.with_timezone(&Utc))
}

/// Parses an RFC 3339 time such as `2026-03-29T01:30:00Z` or `2026-03-29T03:30:00+02:00`.
pub fn parse_instant(value: &str) -> Result<Instant, Error> {
    DateTime::parse_from_rfc3339(value.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::InvalidTime {
            value: value.to_owned(),
        })
}

/// The instant `secs` seconds after 1970-01-01T00:00:00Z.
pub fn from_unix(secs: i64) -> Result<Instant, Error> {
    DateTime::from_timestamp(secs, 0).ok_or(Error::InvalidTime {
        value: secs.to_string(),
    })
}

/// Formats an instant as RFC 3339 in UTC.
pub fn rfc3339_utc(at: Instant) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// Formats an instant as RFC 3339 in Oslo local time.
pub fn rfc3339_local(at: Instant) -> String {
    local(at).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// A Norwegian public holiday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    /// 1 January.
    NewYearsDay,
    /// Thursday before Easter.
    MaundyThursday,
    /// Friday before Easter.
    GoodFriday,
    /// Easter Sunday.
    EasterSunday,
    /// Monday after Easter.
    EasterMonday,
    /// 1 May.
    LabourDay,
    /// 17 May.
    ConstitutionDay,
    /// 39 days after Easter.
    AscensionDay,
    /// 49 days after Easter.
    WhitSunday,
    /// 50 days after Easter.
    WhitMonday,
    /// 25 December.
    ChristmasDay,
    /// 26 December.
    BoxingDay,
}

impl Holiday {
    /// Stable id, for example `constitution_day`: its serde name.
    pub fn id(self) -> &'static str {
        crate::ids::id(&self)
    }

    /// The `ui.json` key of its name.
    pub fn name_key(self) -> crate::content::ui::Key {
        match self {
            Self::NewYearsDay => k::HOLIDAY_NEW_YEARS_DAY,
            Self::MaundyThursday => k::HOLIDAY_MAUNDY_THURSDAY,
            Self::GoodFriday => k::HOLIDAY_GOOD_FRIDAY,
            Self::EasterSunday => k::HOLIDAY_EASTER_SUNDAY,
            Self::EasterMonday => k::HOLIDAY_EASTER_MONDAY,
            Self::LabourDay => k::HOLIDAY_LABOUR_DAY,
            Self::ConstitutionDay => k::HOLIDAY_CONSTITUTION_DAY,
            Self::AscensionDay => k::HOLIDAY_ASCENSION_DAY,
            Self::WhitSunday => k::HOLIDAY_WHIT_SUNDAY,
            Self::WhitMonday => k::HOLIDAY_WHIT_MONDAY,
            Self::ChristmasDay => k::HOLIDAY_CHRISTMAS_DAY,
            Self::BoxingDay => k::HOLIDAY_BOXING_DAY,
        }
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let kk = c % 4;
    let l = (32 + 2 * e + 2 * i - h - kk).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 by construction.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(NaiveDate::MIN)
}

/// The public holiday on `date`, if any.
pub fn holiday(date: NaiveDate) -> Option<Holiday> {
    let fixed = match (date.month(), date.day()) {
        (1, 1) => Some(Holiday::NewYearsDay),
        (5, 1) => Some(Holiday::LabourDay),
        (5, 17) => Some(Holiday::ConstitutionDay),
        (12, 25) => Some(Holiday::ChristmasDay),
        (12, 26) => Some(Holiday::BoxingDay),
        _ => None,
    };
    fixed.or_else(|| {
        let easter = easter_sunday(date.year());
        let offset = date.signed_duration_since(easter).num_days();
        match offset {
            -3 => Some(Holiday::MaundyThursday),
            -2 => Some(Holiday::GoodFriday),
            0 => Some(Holiday::EasterSunday),
            1 => Some(Holiday::EasterMonday),
            39 => Some(Holiday::AscensionDay),
            49 => Some(Holiday::WhitSunday),
            50 => Some(Holiday::WhitMonday),
            _ => None,
        }
    })
}

/// The date `n` days after `date` (saturating at the calendar's end).
pub fn add_days(date: NaiveDate, n: u64) -> NaiveDate {
    date.checked_add_days(Days::new(n))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn easter_matches_published_dates() {
        for (y, m, day) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
            (2285, 3, 22),
            (1818, 3, 22),
            (2000, 4, 23),
        ] {
            assert_eq!(easter_sunday(y), d(y, m, day), "{y}");
        }
    }

    #[test]
    fn holidays_of_2026_are_recognised() {
        let expected = [
            (d(2026, 1, 1), Holiday::NewYearsDay),
            (d(2026, 4, 2), Holiday::MaundyThursday),
            (d(2026, 4, 3), Holiday::GoodFriday),
            (d(2026, 4, 5), Holiday::EasterSunday),
            (d(2026, 4, 6), Holiday::EasterMonday),
            (d(2026, 5, 1), Holiday::LabourDay),
            (d(2026, 5, 14), Holiday::AscensionDay),
            (d(2026, 5, 17), Holiday::ConstitutionDay),
            (d(2026, 5, 24), Holiday::WhitSunday),
            (d(2026, 5, 25), Holiday::WhitMonday),
            (d(2026, 12, 25), Holiday::ChristmasDay),
            (d(2026, 12, 26), Holiday::BoxingDay),
        ];
        for (date, h) in expected {
            assert_eq!(holiday(date), Some(h), "{date}");
        }
        let count = (0..365)
            .filter(|n| holiday(add_days(d(2026, 1, 1), *n)).is_some())
            .count();
        assert_eq!(count, 12);
        assert_eq!(
            holiday(d(2026, 4, 4)),
            None,
            "Easter Saturday is not a public holiday"
        );
        assert_eq!(
            holiday(d(2026, 12, 24)),
            None,
            "Christmas Eve is not a public holiday"
        );
    }

    #[test]
    fn oslo_local_times_resolve_across_daylight_saving_changes() {
        // 2026-03-29: clocks go from 02:00 to 03:00; 02:30 does not exist.
        let gap = oslo_instant(
            d(2026, 3, 29),
            NaiveTime::from_hms_opt(2, 30, 0).expect("time"),
        );
        assert_eq!(rfc3339_utc(gap), "2026-03-29T01:00:00Z");
        // 2026-10-25: 02:30 happens twice; the earlier one (summer time) is used.
        let overlap = oslo_instant(
            d(2026, 10, 25),
            NaiveTime::from_hms_opt(2, 30, 0).expect("time"),
        );
        assert_eq!(rfc3339_utc(overlap), "2026-10-25T00:30:00Z");
        let winter = oslo_instant(
            d(2026, 1, 15),
            NaiveTime::from_hms_opt(8, 0, 0).expect("time"),
        );
        assert_eq!(rfc3339_utc(winter), "2026-01-15T07:00:00Z");
        let summer = oslo_instant(
            d(2026, 7, 15),
            NaiveTime::from_hms_opt(8, 0, 0).expect("time"),
        );
        assert_eq!(rfc3339_utc(summer), "2026-07-15T06:00:00Z");
    }

    #[test]
    fn times_parse_from_rfc3339_only() {
        assert_eq!(
            rfc3339_utc(parse_instant("2026-03-29T03:30:00+02:00").expect("valid")),
            "2026-03-29T01:30:00Z"
        );
        for bad in [
            "",
            "2026-03-29",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-03-29T25:00:00Z",
        ] {
            assert_eq!(
                parse_instant(bad),
                Err(Error::InvalidTime {
                    value: bad.to_owned()
                })
            );
        }
    }
}
