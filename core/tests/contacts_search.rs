//! The contact list's search field: the list narrows as the person types, with the one search the
//! terminal's `contacts --search` uses, the emergency numbers always on top, a line when nothing
//! matches, and the search forgotten when the list is left or on quick exit.

mod support;
use support::{app_at, links, open};

use lykt_core::Error;
use lykt_core::app::{App, Block, Event, InputKind, NoticeLevel, Screen};
use lykt_core::calendar::parse_instant;

const AT: &str = "2026-06-01T10:00:00Z";

/// The emergency numbers, first on the whole list and on every search.
const EMERGENCY: [&str; 3] = [
    "contact/police-emergency",
    "contact/medical-emergency",
    "contact/legevakt",
];

fn contacts(locale: &str) -> App {
    let mut app = app_at(locale, AT);
    open(&mut app, "contacts");
    app
}

fn input(app: &mut App, value: &str) -> Screen {
    app.dispatch(Event::Input {
        field: "search".into(),
        value: value.into(),
    })
    .unwrap_or_else(|e| panic!("input {value:?}: {e}"))
    .screen
}

/// The contacts the screen lists, in order.
fn listed(screen: &Screen) -> Vec<&str> {
    links(screen)
        .into_iter()
        .filter(|t| t.starts_with("contact/"))
        .collect()
}

/// The search field's label, kind, value and hint.
fn field(screen: &Screen) -> (&str, InputKind, &str, Option<&str>) {
    screen
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::TextInput {
                id,
                label,
                kind,
                value,
                hint,
                ..
            } if id == "search" => Some((label.as_str(), *kind, value.as_str(), hint.as_deref())),
            _ => None,
        })
        .expect("the search field")
}

fn notices(screen: &Screen) -> Vec<(NoticeLevel, &str)> {
    screen
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Notice { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
        .collect()
}

#[test]
fn typing_narrows_the_list_and_the_emergency_numbers_stay_on_top() {
    let mut app = contacts("en");
    let whole = app.current_screen();
    assert_eq!(
        field(&whole),
        (
            "Search contacts",
            InputKind::Search,
            "",
            Some("A name, a number, or what you need help with, in English or Norwegian.")
        )
    );
    assert_eq!(
        listed(&whole)[..3],
        EMERGENCY,
        "the whole list starts with them"
    );
    assert!(listed(&whole).len() > 40);
    let r = input(&mut app, "r");
    let ro = input(&mut app, "ro");
    let rosa = input(&mut app, "rosa");
    assert_eq!(
        listed(&rosa)[..4],
        [&EMERGENCY[..], &["contact/rosa"]].concat()
    );
    assert!(listed(&r).len() >= listed(&ro).len() && listed(&ro).len() > listed(&rosa).len());
    assert!(notices(&rosa).is_empty(), "something matched");
    let again = input(&mut app, "");
    assert_eq!(
        listed(&again),
        listed(&whole),
        "an empty field shows everything"
    );
    let blank = input(&mut app, "  ,. ");
    assert_eq!(listed(&blank), listed(&whole), "no word: no search");
}

#[test]
fn each_kind_found_has_one_heading_in_the_order_of_its_best_match() {
    let mut app = contacts("en");
    let screen = input(&mut app, "barnevern");
    let mut headings = Vec::new();
    for b in &screen.blocks {
        if let Block::Heading { text } = b {
            headings.push(text.as_str());
        }
    }
    assert_eq!(headings, ["Emergency", "Public agencies", "Helplines"]);
    assert_eq!(
        listed(&screen)[EMERGENCY.len()..],
        [
            "contact/barnevernet",
            "contact/barnevernvakten",
            "contact/bufdir-guidance",
            "contact/alarmtelefonen"
        ],
        "the names that match come first, and the helpline found by its words under its heading"
    );
}

#[test]
fn case_and_diacritics_do_not_matter_and_aliases_match_in_both_languages() {
    let mut app = contacts("en");
    for (query, contact) in [
        // "Røde Kors" typed without ø, and in capitals.
        ("RODE KORS", "contact/red-cross"),
        // "Grünerløkka" typed without ü and ø.
        ("grunerlokka", "contact/htso-nav"),
        // ROSA's Norwegian alias, in an app shown in English.
        ("advokat", "contact/rosa"),
        // Its English alias.
        ("Lawyer", "contact/rosa"),
    ] {
        let screen = input(&mut app, query);
        assert_eq!(
            listed(&screen).get(EMERGENCY.len()),
            Some(&contact),
            "{query}: {:?}",
            listed(&screen)
        );
    }
    let mut nb = contacts("nb");
    let screen = input(&mut nb, "krisesenter");
    assert!(listed(&screen).contains(&"contact/crisis-centre-secretariat"));
    assert_eq!(field(&screen).0, "Søk i kontakter");
}

#[test]
fn nothing_matching_says_so_and_keeps_the_emergency_numbers() {
    let mut app = contacts("en");
    let screen = input(&mut app, "zqxv");
    assert_eq!(
        notices(&screen),
        [(
            NoticeLevel::Info,
            "No contact matches “zqxv”. Try another word. The emergency numbers stay in the list \
             below."
        )]
    );
    assert_eq!(listed(&screen), EMERGENCY);
    let called = open(&mut app, "contact/police-emergency");
    assert_eq!(
        called.actions().next().map(|a| a.uri.as_str()),
        Some("tel:112")
    );
    let mut nb = contacts("nb");
    let screen = input(&mut nb, "zqxv");
    assert_eq!(
        notices(&screen)[0].1,
        "Ingen kontakter passer med «zqxv». Prøv et annet ord. Nødnumrene står fortsatt i listen \
         under."
    );
}

#[test]
fn the_search_is_kept_on_the_screen_and_under_a_contact_opened_from_it() {
    let mut app = contacts("en");
    input(&mut app, "rosa");
    for _ in 0..2 {
        let screen = app.current_screen();
        assert_eq!(field(&screen).2, "rosa", "shown back in its field");
        assert_eq!(listed(&screen)[EMERGENCY.len()], "contact/rosa");
    }
    open(&mut app, "contact/rosa");
    let back = app.dispatch(Event::Back).expect("back").screen;
    assert_eq!(field(&back).2, "rosa", "back to the results");
    let submitted = app
        .dispatch(Event::Submit {
            field: "search".into(),
            value: "volinjen".into(),
        })
        .expect("submit")
        .screen;
    assert_eq!(
        field(&submitted).2,
        "volinjen",
        "a submit is one more change"
    );
    assert_eq!(listed(&submitted)[EMERGENCY.len()], "contact/volinjen");
}

#[test]
fn the_search_is_forgotten_when_the_list_is_left_and_on_quick_exit() {
    let mut app = contacts("en");
    input(&mut app, "rosa");
    app.dispatch(Event::Back).expect("back");
    let reopened = open(&mut app, "contacts");
    assert_eq!(field(&reopened).2, "", "left by going back");
    input(&mut app, "rosa");
    open(&mut app, "home");
    assert_eq!(
        field(&open(&mut app, "contacts")).2,
        "",
        "left for the start"
    );
    input(&mut app, "rosa");
    let t = app.dispatch(Event::QuickExit).expect("leaves");
    assert_eq!(t.screen.id, "neutral");
    open(&mut app, "home");
    assert_eq!(
        field(&open(&mut app, "contacts")).2,
        "",
        "after a quick exit"
    );
}

#[test]
fn a_long_search_is_cut_and_other_fields_are_refused() {
    let mut app = contacts("en");
    let screen = input(&mut app, &"a".repeat(500));
    assert_eq!(field(&screen).2.len(), 100);
    let before = app.current_screen();
    let refused = app.dispatch(Event::Input {
        field: "label".into(),
        value: "x".into(),
    });
    assert!(matches!(refused, Err(Error::InvalidEvent { .. })));
    assert_eq!(app.current_screen(), before);
}

#[test]
fn the_terminals_one_shot_search_is_the_screen_after_typing() {
    let mut app = contacts("en");
    for (audience, query) in [(None, "barnevern"), (None, "zqxv"), (None, "")] {
        let typed = input(&mut app, query);
        assert_eq!(
            app.contacts_search(audience, query).blocks,
            typed.blocks,
            "{query:?}"
        );
    }
    let mut minors = app_at("nb", AT);
    open(&mut minors, "contacts/minors");
    let typed = input(&mut minors, "barnevern");
    assert_eq!(
        minors
            .contacts_search(Some(lykt_core::contacts::Audience::Minors), "barnevern")
            .blocks,
        typed.blocks
    );
    assert!(
        !listed(&typed).contains(&"contact/bufdir-guidance"),
        "for professionals only"
    );
}

#[test]
fn a_screen_reader_is_told_how_many_were_found_or_that_none_were() {
    let mut app = contacts("en");
    let said = |app: &mut App, value: &str, field: &str| {
        app.dispatch(Event::Input {
            field: field.into(),
            value: value.into(),
        })
        .unwrap_or_else(|e| panic!("input {value:?}: {e}"))
        .effect
    };
    let pack = lykt_core::content::ContentPack::embedded().expect("pack");
    let locales = pack.locales(&["en"]).expect("locale");
    let found = lykt_core::contacts::ContactBook::new(pack, locales)
        .search("rosa", None, parse_instant(AT).expect("instant"))
        .contacts
        .len();
    assert!(found > 0);
    assert_eq!(
        said(&mut app, "rosa", "search"),
        Some(lykt_core::app::Effect::Announce {
            text: format!("Contacts found: {found}")
        })
    );
    let none = said(&mut app, "zqxv", "search");
    assert!(
        matches!(&none, Some(lykt_core::app::Effect::Announce { text }) if text.starts_with("No contact matches “zqxv”")),
        "{none:?}"
    );
    assert_eq!(said(&mut app, "  ", "search"), None, "the whole list again");

    let mut nb = contacts("nb");
    assert!(matches!(
        said(&mut nb, "rosa", "search"),
        Some(lykt_core::app::Effect::Announce { text }) if text.starts_with("Kontakter funnet: ")
    ));
}
