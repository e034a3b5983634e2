//! The contact book: open-now in Oslo time across daylight saving, holidays, search.

use chrono::{Datelike, Timelike};
use lykt_core::calendar::{self, local, parse_instant};
use lykt_core::contacts::{Audience, ContactBook, Hours, OpenState};
use lykt_core::content::ContentPack;
use lykt_core::search;
use proptest::prelude::*;

fn book(locales: &[&str]) -> ContactBook {
    let pack = ContentPack::embedded().expect("valid pack");
    let l = pack.locales(locales).expect("valid locales");
    ContactBook::new(pack, l)
}

fn at(s: &str) -> calendar::Instant {
    parse_instant(s).expect("valid instant")
}

#[test]
fn udi_is_closed_over_the_spring_daylight_saving_weekend_and_reopens_in_summer_time() {
    let b = book(&["en"]);
    // Friday 27 March 2026, 14:30 UTC = 15:30 CET: UDI (10:00–15:00) has just closed.
    let friday = b.contact("udi", at("2026-03-27T14:30:00Z")).expect("udi");
    assert_eq!(friday.status, OpenState::Closed);
    // Clocks go forward on Sunday 29 March; Monday 10:00 CEST is 08:00 UTC.
    assert_eq!(
        friday.next_open,
        Some(at("2026-03-30T08:00:00Z").timestamp())
    );
    assert_eq!(friday.status_text, "Closed now. Opens Monday 10:00");
    // Thursday 26 March, 13:30 UTC = 14:30 CET: open until 15:00 CET = 14:00 UTC.
    let thursday = b.contact("udi", at("2026-03-26T13:30:00Z")).expect("udi");
    assert_eq!(thursday.status, OpenState::Open);
    assert_eq!(
        thursday.open_until,
        Some(at("2026-03-26T14:00:00Z").timestamp())
    );
    // Monday 30 March, 08:30 UTC = 10:30 CEST: open; 07:30 UTC = 09:30 CEST: closed.
    assert_eq!(
        b.contact("udi", at("2026-03-30T08:30:00Z"))
            .expect("udi")
            .status,
        OpenState::Open
    );
    assert_eq!(
        b.contact("udi", at("2026-03-30T07:30:00Z"))
            .expect("udi")
            .status,
        OpenState::Closed
    );
}

#[test]
fn support_centre_hours_follow_local_time_on_both_sides_of_the_autumn_change() {
    let b = book(&["nb"]);
    // Support Centre 09:00–15:30 weekdays. Friday 23 October 2026 (CEST, UTC+2): 13:20 UTC = 15:20 local -> open.
    let before = b
        .contact("support-centre", at("2026-10-23T13:20:00Z"))
        .expect("contact");
    assert_eq!(before.status, OpenState::Open);
    assert_eq!(
        before.open_until,
        Some(at("2026-10-23T13:30:00Z").timestamp())
    );
    assert_eq!(before.status_text, "Åpent nå, til 15:30");
    // Monday 26 October (CET, UTC+1): 14:20 UTC = 15:20 local -> open until 14:30 UTC.
    let after = b
        .contact("support-centre", at("2026-10-26T14:20:00Z"))
        .expect("contact");
    assert_eq!(after.status, OpenState::Open);
    assert_eq!(
        after.open_until,
        Some(at("2026-10-26T14:30:00Z").timestamp())
    );
    // Saturday: closed, opens Monday 09:00 CET = 08:00 UTC.
    let weekend = b
        .contact("support-centre", at("2026-10-24T10:00:00Z"))
        .expect("contact");
    assert_eq!(weekend.status, OpenState::Closed);
    assert_eq!(
        weekend.next_open,
        Some(at("2026-10-26T08:00:00Z").timestamp())
    );
    assert_eq!(weekend.status_text, "Stengt nå. Åpner mandag kl. 09:00");
}

#[test]
fn always_open_and_unstated_hours_are_never_guessed() {
    let b = book(&["en"]);
    let t = at("2026-12-24T23:59:00Z");
    for id in [
        "police-emergency",
        "medical-emergency",
        "rosa",
        "alarmtelefonen",
        "volinjen",
    ] {
        assert_eq!(
            b.contact(id, t).expect("contact").status,
            OpenState::AlwaysOpen,
            "{id}"
        );
    }
    for id in [
        "police",
        "legevakt",
        "bufdir-guidance",
        "htso-nav",
        "barnevernvakten",
    ] {
        let c = b.contact(id, t).expect("contact");
        assert_eq!(c.status, OpenState::NotStated, "{id}");
        assert_eq!(c.hours, "Opening hours not stated in the sources");
    }
}

#[test]
fn public_holiday_shows_a_caution_and_always_open_alternatives_for_the_audience() {
    let b = book(&["en"]);
    // 17 May 2027 is a Monday.
    let listing = b.list(Some(Audience::Minors), at("2027-05-17T09:00:00Z"));
    let holiday = listing.public_holiday.as_ref().expect("holiday");
    assert_eq!(holiday.id, "constitution_day");
    assert!(
        listing
            .holiday_notice
            .as_deref()
            .is_some_and(|n| n.contains("17 May"))
    );
    assert!(
        listing
            .always_open_alternatives
            .contains(&"alarmtelefonen".to_owned())
    );
    assert!(
        listing
            .always_open_alternatives
            .contains(&"police-emergency".to_owned())
    );
    assert!(
        !listing
            .always_open_alternatives
            .contains(&"rosa".to_owned()),
        "ROSA is for adults"
    );
    // The day after is an ordinary Tuesday (the day before is Whit Sunday): no caution.
    let ordinary = b.list(Some(Audience::Minors), at("2027-05-18T09:00:00Z"));
    assert!(ordinary.public_holiday.is_none() && ordinary.holiday_notice.is_none());
    assert!(ordinary.always_open_alternatives.is_empty());
}

#[test]
fn search_ignores_case_and_diacritics_in_both_languages() {
    let b = book(&["en"]);
    let t = at("2026-06-01T10:00:00Z");
    let ids = |q: &str| {
        b.search(q, None, t)
            .contacts
            .into_iter()
            .map(|c| c.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        ids("grunerlokka").first().map(String::as_str),
        Some("htso-nav")
    );
    assert_eq!(
        ids("GRÜNERLØKKA").first().map(String::as_str),
        Some("htso-nav")
    );
    let child_welfare = ids("barnevern");
    for id in [
        "barnevernet",
        "barnevernvakten",
        "alarmtelefonen",
        "bufdir-guidance",
    ] {
        assert!(
            child_welfare.contains(&id.to_owned()),
            "{id} missing from {child_welfare:?}"
        );
    }
    assert!(
        child_welfare.iter().position(|i| i == "barnevernvakten")
            < child_welfare.iter().position(|i| i == "alarmtelefonen"),
        "name hits rank first"
    );
    assert_eq!(
        ids("116 111").first().map(String::as_str),
        Some("alarmtelefonen")
    );
    assert_eq!(
        ids("krisesenter").first().map(String::as_str),
        Some("crisis-centre-secretariat")
    );
    assert!(ids("no such thing anywhere").is_empty());
}

#[test]
fn audience_filter_keeps_contacts_for_everyone() {
    let b = book(&["en"]);
    let t = at("2026-06-01T10:00:00Z");
    let minors = b.list(Some(Audience::Minors), t).contacts;
    assert!(minors.iter().all(
        |c| c.audiences.contains(&Audience::Minors) || c.audiences.contains(&Audience::Anyone)
    ));
    assert!(minors.iter().any(|c| c.id == "police-emergency"));
    assert!(!minors.iter().any(|c| c.id == "rosa"));
}

#[test]
fn actions_are_uris_a_shell_can_open_with_spoken_digits() {
    let b = book(&["nb-NO", "en"]);
    let c = b
        .contact("alarmtelefonen", at("2026-06-01T10:00:00Z"))
        .expect("contact");
    let uris: Vec<&str> = c.actions.iter().map(|a| a.uri.as_str()).collect();
    assert_eq!(
        uris,
        [
            "tel:116111",
            "tel:+4795411755",
            "sms:41716111",
            "https://www.116111.no",
            "mailto:alarm@116111.no",
            "https://www.116111.no"
        ]
    );
    assert_eq!(c.actions[0].label, "Ring 116 111");
    assert_eq!(
        c.actions[0].accessibility_label,
        "Ring Alarmtelefonen for barn og unge på 1 1 6 1 1 1"
    );
    assert_eq!(
        c.actions[1].accessibility_label,
        "Ring Alarmtelefonen for barn og unge fra utlandet på pluss 4 7 9 5 4 1 1 7 5 5"
    );
}

#[test]
fn older_only_channels_are_marked() {
    let b = book(&["en"]);
    let kom = b.contact("kom", at("2026-06-01T10:00:00Z")).expect("kom");
    assert!(
        kom.phones[0].older_source,
        "KOM's number is only in older documents"
    );
    assert!(!kom.emails[0].older_source);
    assert!(!kom.older_source);
    let ccs = b
        .contact("crisis-centre-secretariat", at("2026-06-01T10:00:00Z"))
        .expect("contact");
    assert!(ccs.phones.iter().all(|p| p.older_source));
}

#[test]
fn unknown_contact_is_a_typed_error() {
    let b = book(&["en"]);
    assert_eq!(
        b.contact("nobody", at("2026-06-01T10:00:00Z"))
            .map(|c| c.id),
        Err(lykt_core::Error::UnknownContact {
            id: "nobody".into()
        })
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// For any instant between 2020 and 2040 and any contact with weekly hours, the status agrees
    /// with the schedule read in Oslo local time, and the next change is exactly a boundary.
    #[test]
    fn open_now_agrees_with_the_schedule_in_oslo_time(secs in 1_577_836_800i64..2_208_988_800i64) {
        let pack = ContentPack::embedded().expect("valid pack");
        let t = calendar::from_unix(secs).expect("instant");
        for c in &pack.contacts {
            let Hours::Weekly { periods } = &c.hours else { continue };
            let lt = local(t);
            let inside = periods.iter().any(|p| p.days.contains(&lt.weekday()) && p.open <= lt.time() && lt.time() < p.close);
            let s = c.hours.status(t);
            match s.state {
                OpenState::Open => {
                    prop_assert!(inside, "{} open at {lt}", c.id);
                    let until = s.until.expect("open has an end");
                    prop_assert!(until > t);
                    let lu = local(until);
                    prop_assert!(periods.iter().any(|p| p.close == lu.time() && p.days.contains(&lu.weekday())), "{} closes at a non-boundary {lu}", c.id);
                    prop_assert_eq!(c.hours.status(until).state, OpenState::Closed);
                    prop_assert_eq!(c.hours.status(until - chrono::Duration::seconds(1)).state, OpenState::Open);
                }
                OpenState::Closed => {
                    prop_assert!(!inside, "{} closed at {lt}", c.id);
                    let next = s.next_open.expect("weekly hours reopen within a week");
                    prop_assert!(next > t && next - t <= chrono::Duration::days(7));
                    let ln = local(next);
                    prop_assert!(periods.iter().any(|p| p.open == ln.time() && p.days.contains(&ln.weekday())), "{} opens at a non-boundary {ln}", c.id);
                    prop_assert_eq!(c.hours.status(next).state, OpenState::Open);
                    prop_assert_eq!(c.hours.status(next - chrono::Duration::seconds(1)).state, OpenState::Closed);
                    prop_assert_eq!(ln.second(), 0);
                }
                other => prop_assert!(false, "weekly hours gave {other:?}"),
            }
        }
    }

    /// Any piece of any contact's name, in any locale, with its letters' case changed and with
    /// or without its diacritics, finds that contact.
    #[test]
    fn any_piece_of_a_name_finds_its_contact(
        pick in 0usize..1_000,
        nb in any::<bool>(),
        from in 0usize..200,
        len in 1usize..40,
        case in any::<u64>(),
        folded in any::<bool>(),
    ) {
        let pack = ContentPack::embedded().expect("valid pack");
        let contact = &pack.contacts[pick % pack.contacts.len()];
        let locale = if nb { "nb" } else { "en" };
        let name: Vec<char> = contact.name.in_locale(locale).unwrap_or_default().chars().collect();
        prop_assume!(!name.is_empty());
        let from = from % name.len();
        let piece: String = name[from..(from + len).min(name.len())]
            .iter()
            .enumerate()
            .map(|(i, c)| if case >> (i % 64) & 1 == 1 { c.to_uppercase().collect::<String>() } else { c.to_lowercase().collect() })
            .collect();
        let query = if folded { search::fold(&piece) } else { piece };
        prop_assume!(!search::query_words(&query).is_empty());
        let found = book(&[locale]).search(&query, None, at("2026-06-01T10:00:00Z"));
        prop_assert!(
            found.contacts.iter().any(|c| c.id == contact.id),
            "{query:?} does not find {}", contact.id
        );
    }
}
