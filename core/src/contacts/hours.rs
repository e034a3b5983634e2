//! Opening hours and whether a contact is open at an instant, in Oslo local time, and the
//! office hours the app assumes for child welfare where the sources state none.

use chrono::{Datelike, NaiveTime, Weekday};
use serde::{Deserialize, Deserializer, Serialize};

use crate::calendar::{Instant, add_days, holiday, local, oslo_instant};
use crate::content::check::{Checker, IssueKind};
use crate::content::source::SourceRef;
use crate::content::ui::Ui;
use crate::locale::Locales;
use crate::text::Text;
use crate::ui_keys as k;

/// When a contact can be reached, as its source states it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Hours {
    /// Around the clock, every day.
    Always,
    /// Opening periods on given weekdays, in Oslo local time.
    Weekly {
        /// The periods; each applies to every listed day.
        periods: Vec<Period>,
    },
    /// The sources do not state the hours.
    NotStated,
}

/// One opening period.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// Days the period applies to.
    #[serde(deserialize_with = "weekdays")]
    pub days: Vec<Weekday>,
    /// Opening time, local.
    #[serde(deserialize_with = "clock_time")]
    pub open: NaiveTime,
    /// Closing time, local (after `open`, same day).
    #[serde(deserialize_with = "clock_time")]
    pub close: NaiveTime,
}

fn clock_time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
    let s = String::deserialize(d)?;
    NaiveTime::parse_from_str(&s, "%H:%M").map_err(|_| {
        serde::de::Error::custom(format!("\"{s}\" is not a time of day like \"08:00\""))
    })
}

fn weekdays<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Weekday>, D::Error> {
    let names = Vec::<String>::deserialize(d)?;
    names
        .iter()
        .map(|n| match n.as_str() {
            "mon" => Ok(Weekday::Mon),
            "tue" => Ok(Weekday::Tue),
            "wed" => Ok(Weekday::Wed),
            "thu" => Ok(Weekday::Thu),
            "fri" => Ok(Weekday::Fri),
            "sat" => Ok(Weekday::Sat),
            "sun" => Ok(Weekday::Sun),
            other => Err(serde::de::Error::custom(format!(
                "\"{other}\" is not a day (mon..sun)"
            ))),
        })
        .collect()
}

/// Whether a contact is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenState {
    /// Open now, until a known time.
    Open,
    /// Closed now; see the next opening.
    Closed,
    /// Always open.
    AlwaysOpen,
    /// The sources do not state the hours.
    NotStated,
}

/// The open state at an instant, with the next change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    /// The state.
    pub state: OpenState,
    /// When an open contact closes.
    pub until: Option<Instant>,
    /// When a closed contact opens next.
    pub next_open: Option<Instant>,
}

impl Hours {
    /// The status at `at`.
    pub fn status(&self, at: Instant) -> Status {
        let periods = match self {
            Self::Always => {
                return Status {
                    state: OpenState::AlwaysOpen,
                    until: None,
                    next_open: None,
                };
            }
            Self::NotStated => {
                return Status {
                    state: OpenState::NotStated,
                    until: None,
                    next_open: None,
                };
            }
            Self::Weekly { periods } => periods,
        };
        let today = local(at).date_naive();
        let yesterday = today.pred_opt().unwrap_or(today);
        // Concrete opening intervals from yesterday to a week ahead, sorted by start.
        let mut intervals: Vec<(Instant, Instant)> = (0..=8)
            .map(|n| add_days(yesterday, n))
            .flat_map(|date| {
                periods
                    .iter()
                    .filter(move |p| p.days.contains(&date.weekday()))
                    .map(move |p| (oslo_instant(date, p.open), oslo_instant(date, p.close)))
            })
            .filter(|(start, end)| start < end)
            .collect();
        intervals.sort();
        let mut merged: Vec<(Instant, Instant)> = Vec::with_capacity(intervals.len());
        for (start, end) in intervals {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        if let Some((_, end)) = merged.iter().find(|(s, e)| *s <= at && at < *e) {
            return Status {
                state: OpenState::Open,
                until: Some(*end),
                next_open: None,
            };
        }
        let next_open = merged.iter().map(|(s, _)| *s).find(|s| *s > at);
        Status {
            state: OpenState::Closed,
            until: None,
            next_open,
        }
    }

    /// True for hours that follow a weekday schedule (and so may differ on public holidays).
    pub fn is_weekly(&self) -> bool {
        matches!(self, Self::Weekly { .. })
    }

    /// A readable summary such as "Monday–Friday 10:00–15:00".
    pub fn summary(&self, ui: &Ui, locales: &Locales) -> String {
        match self {
            Self::Always => ui.get(k::HOURS_ALWAYS, locales).to_owned(),
            Self::NotStated => ui.get(k::HOURS_NOT_STATED, locales).to_owned(),
            Self::Weekly { periods } => periods
                .iter()
                .map(|p| {
                    ui.fill(
                        k::HOURS_PERIOD,
                        locales,
                        &[
                            ("days", &day_ranges(&p.days, ui, locales)),
                            ("open", &p.open.format("%H:%M").to_string()),
                            ("close", &p.close.format("%H:%M").to_string()),
                        ],
                    )
                })
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// Checks periods: at least one, each with days and `open` before `close`.
    pub fn check(&self, c: &mut Checker<'_>, item: &str) {
        if let Self::Weekly { periods } = self {
            if periods.is_empty() {
                c.issue(
                    item,
                    "hours.periods",
                    IssueKind::Invalid {
                        message: "weekly hours need at least one period".into(),
                    },
                );
            }
            for (i, p) in periods.iter().enumerate() {
                if p.days.is_empty() {
                    c.issue(
                        item,
                        &format!("hours.periods[{i}].days"),
                        IssueKind::Invalid {
                            message: "no days".into(),
                        },
                    );
                }
                if p.open >= p.close {
                    c.issue(
                        item,
                        &format!("hours.periods[{i}]"),
                        IssueKind::Invalid {
                            message: format!(
                                "opens at {} but closes at {}",
                                p.open.format("%H:%M"),
                                p.close.format("%H:%M")
                            ),
                        },
                    );
                }
            }
        }
    }
}

impl Status {
    /// A readable line such as "Open now, until 15:00" or "Closed. Opens Monday 10:00".
    pub fn text(&self, at: Instant, ui: &Ui, locales: &Locales) -> String {
        match (self.state, self.until, self.next_open) {
            (OpenState::Open, Some(until), _) => ui.fill(
                k::STATUS_OPEN_UNTIL,
                locales,
                &[("when", &when(at, until, ui, locales))],
            ),
            (OpenState::Closed, _, Some(next)) => ui.fill(
                k::STATUS_CLOSED_OPENS,
                locales,
                &[("when", &when(at, next, ui, locales))],
            ),
            (OpenState::Open | OpenState::Closed, _, _) => {
                ui.get(k::STATUS_CLOSED, locales).to_owned()
            }
            (OpenState::AlwaysOpen, _, _) => ui.get(k::STATUS_ALWAYS_OPEN, locales).to_owned(),
            (OpenState::NotStated, _, _) => ui.get(k::STATUS_NOT_STATED, locales).to_owned(),
        }
    }
}

/// "15:00", "tomorrow 08:00" or "Monday 08:00", relative to `at`.
fn when(at: Instant, then: Instant, ui: &Ui, locales: &Locales) -> String {
    let now = local(at);
    let then_local = local(then);
    let time = then_local.format("%H:%M").to_string();
    let days = then_local
        .date_naive()
        .signed_duration_since(now.date_naive())
        .num_days();
    match days {
        0 => time,
        1 => ui.fill(k::WHEN_TOMORROW, locales, &[("time", &time)]),
        _ => ui.fill(
            k::WHEN_DAY,
            locales,
            &[
                ("day", ui.get(weekday_key(then_local.weekday()), locales)),
                ("time", &time),
            ],
        ),
    }
}

/// The `ui.json` key of a weekday's name.
pub fn weekday_key(day: Weekday) -> crate::content::ui::Key {
    match day {
        Weekday::Mon => k::DAY_MON,
        Weekday::Tue => k::DAY_TUE,
        Weekday::Wed => k::DAY_WED,
        Weekday::Thu => k::DAY_THU,
        Weekday::Fri => k::DAY_FRI,
        Weekday::Sat => k::DAY_SAT,
        Weekday::Sun => k::DAY_SUN,
    }
}

/// "Monday–Friday", "Monday–Thursday, Saturday": consecutive days joined as ranges.
fn day_ranges(days: &[Weekday], ui: &Ui, locales: &Locales) -> String {
    let mut sorted: Vec<u32> = days.iter().map(Weekday::num_days_from_monday).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let name = |n: u32| {
        ui.get(weekday_key(weekday_from_monday(n)), locales)
            .to_owned()
    };
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        let mut end = start;
        while i + 1 < sorted.len() && sorted[i + 1] == end + 1 {
            i += 1;
            end = sorted[i];
        }
        parts.push(match end - start {
            0 => name(start),
            1 => format!("{}, {}", name(start), name(end)),
            _ => format!("{}–{}", name(start), name(end)),
        });
        i += 1;
    }
    parts.join(", ")
}

fn weekday_from_monday(n: u32) -> Weekday {
    [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ][n as usize % 7]
}

/// When child-welfare offices are assumed to be open.
///
/// No source states these hours. The assumption only orders contacts (the local service first
/// in office hours, the emergency service first otherwise); it is never shown as a fact, and
/// cards that depend on it always carry an always-open contact. Public holidays are outside
/// office hours.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeHoursAssumption {
    /// The assumed weekly hours, in Oslo local time.
    pub hours: Hours,
    /// The notice shown wherever the assumption orders contacts; fills in `{hours}` and
    /// `{always_open}`.
    pub notice: Text,
    /// Where the sources speak of child welfare's closing times without stating them.
    pub sources: Vec<SourceRef>,
}

/// Whether an instant falls within the assumed office hours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    /// Within the assumed office hours.
    OfficeHours,
    /// Outside them, including weekends and public holidays.
    AfterHours,
}

impl OfficeHoursAssumption {
    /// The time of day at `at` under this assumption.
    pub fn time_of_day(&self, at: Instant) -> TimeOfDay {
        if holiday(local(at).date_naive()).is_some() {
            return TimeOfDay::AfterHours;
        }
        match self.hours.status(at).state {
            OpenState::Open => TimeOfDay::OfficeHours,
            OpenState::Closed | OpenState::AlwaysOpen | OpenState::NotStated => {
                TimeOfDay::AfterHours
            }
        }
    }

    /// Checks the assumption: weekly hours and a notice that names the hours and a fallback.
    pub(crate) fn check(&self, c: &mut Checker<'_>) {
        const ITEM: &str = "office_hours_assumption";
        if !self.hours.is_weekly() {
            c.issue(
                ITEM,
                "hours",
                IssueKind::Invalid {
                    message: "assumed office hours must be weekly periods".into(),
                },
            );
        }
        self.hours.check(c, ITEM);
        c.template(ITEM, "notice", &self.notice, &["hours", "always_open"]);
        c.sources(ITEM, "sources", &self.sources);
    }
}
