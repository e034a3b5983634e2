//! Going to the background and coming back.
//!
//! Whoever picks the phone up later must not find a discreet page: once the app has been in the
//! background, the discreet session is over and the app shows the neutral screen, with
//! everything in memory wiped as by a quick exit. The one exception is a call, message or web
//! page the person opened from the app: the app goes to the background because of it, and
//! coming back within [`LINK_AWAY_MAX_MS`] shows the page again. Saved work locks when the app
//! was away longer than [`SAVED_AWAY_MAX_MS`]. Shells only report the two moments; the core
//! decides.

/// Back within this long (ms) from a call, message or web page opened from the app, the page
/// that opened it is shown again: long enough for a call, short enough that a phone left
/// somewhere does not keep it.
pub const LINK_AWAY_MAX_MS: u64 = 10 * 60 * 1000;

/// Saved work locks when the app was in the background longer than this (ms): a glance at
/// another app keeps it open, a phone put away does not.
pub const SAVED_AWAY_MAX_MS: u64 = 60 * 1000;

/// What the app knows about its time in the background.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Away {
    /// The last event opened a link, so the next trip to the background is for it.
    link_opened: bool,
    /// While in the background: since when (ms) and whether for a link.
    since: Option<(u64, bool)>,
}

/// A return from the background.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Return {
    /// Whether the discreet session is over.
    pub discreet_over: bool,
    /// Whether saved work must lock.
    pub lock_saved: bool,
}

impl Away {
    /// The person did something; `opened_link` when it opened a link (a call, a message, a web
    /// page), whose trip to the background comes next.
    pub fn input(&mut self, opened_link: bool) {
        self.link_opened = opened_link;
    }

    /// The app went to the background at `at_ms`; a second report keeps the first moment.
    pub fn leave(&mut self, at_ms: u64) {
        if self.since.is_none() {
            self.since = Some((at_ms, self.link_opened));
        }
        self.link_opened = false;
    }

    /// The app came back at `at_ms`; `None` when it was not away. A clock that went backwards
    /// counts as a long time away.
    pub fn come_back(&mut self, at_ms: u64) -> Option<Return> {
        let (since, for_link) = self.since.take()?;
        let away = at_ms.checked_sub(since).unwrap_or(u64::MAX);
        Some(Return {
            discreet_over: !(for_link && away <= LINK_AWAY_MAX_MS),
            lock_saved: away > SAVED_AWAY_MAX_MS,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_trip_away_ends_the_discreet_session_but_one_for_a_link_opened_just_before() {
        let mut a = Away::default();
        a.leave(1_000);
        let r = a.come_back(1_500).expect("was away");
        assert!(r.discreet_over && !r.lock_saved);

        a.input(true);
        a.leave(10_000);
        let r = a.come_back(10_000 + LINK_AWAY_MAX_MS).expect("was away");
        assert!(!r.discreet_over && r.lock_saved);

        a.input(true);
        a.leave(0);
        assert!(
            a.come_back(LINK_AWAY_MAX_MS + 1)
                .expect("away")
                .discreet_over
        );

        a.input(true);
        a.input(false);
        a.leave(0);
        assert!(
            a.come_back(1).expect("away").discreet_over,
            "not the link's trip"
        );
    }

    #[test]
    fn coming_back_without_leaving_changes_nothing_and_the_first_report_counts() {
        let mut a = Away::default();
        assert_eq!(a.come_back(5), None);
        a.leave(0);
        a.leave(SAVED_AWAY_MAX_MS);
        assert!(a.come_back(SAVED_AWAY_MAX_MS + 1).expect("away").lock_saved);
        a.leave(100);
        let r = a.come_back(50).expect("away");
        assert!(r.discreet_over && r.lock_saved, "a clock that went back");
    }
}
