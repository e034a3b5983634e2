//! "Show to the person": two steps from the professionals' tools, every card in every language
//! the cards offer, read aloud in that language, nothing chosen kept, and the content rules.

mod support;
use support::{choose, files_with, issues, links, open};

use lykt_core::app::{App, Block, Clock, Effect, Event, Platform, Screen};
use lykt_core::bidi::{LRI, PDI};
use lykt_core::calendar::parse_instant;
use lykt_core::content::ContentPack;
use lykt_core::content::check::IssueKind;
use lykt_core::locale::TextDirection;

fn app(tags: &[&str]) -> App {
    let pack = ContentPack::embedded().expect("pack");
    let locales = pack.locales(tags).expect("locales");
    let mut app = App::new(pack, locales, Platform::Android);
    app.set_clock(Clock::Fixed(
        parse_instant("2026-03-27T14:30:00Z").expect("instant"),
    ));
    app
}

/// The cards on a screen as (id, text, language, direction, Norwegian).
fn cards(screen: &Screen) -> Vec<(&str, &str, &str, TextDirection, &str)> {
    screen
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Card {
                id,
                text,
                language,
                direction,
                norwegian,
            } => Some((
                id.as_str(),
                text.as_str(),
                language.as_str(),
                *direction,
                norwegian.as_str(),
            )),
            _ => None,
        })
        .collect()
}

fn press(app: &mut App, id: &str) -> Option<Effect> {
    app.dispatch(Event::Press { id: id.into() })
        .unwrap_or_else(|e| panic!("press {id}: {e}"))
        .effect
}

#[test]
fn the_cards_are_two_steps_from_the_tools_with_every_language_by_its_own_name() {
    let mut app = app(&["en"]);
    let tools = open(&mut app, "tools");
    assert!(links(&tools).contains(&"show"));
    let grid = open(&mut app, "show");
    let pack = ContentPack::embedded().expect("pack");
    let want: Vec<(String, String)> = std::iter::once(("show/en".to_owned(), "English".to_owned()))
        .chain(
            pack.meta
                .translations
                .iter()
                .map(|t| (format!("show/{}", t.id), t.name.clone())),
        )
        .collect();
    let got: Vec<(String, String)> = grid
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Link { target, label, .. } => Some((target.clone(), label.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(got, want);
    assert_eq!(got.len(), 13);
}

#[test]
fn every_card_is_shown_in_every_language_with_the_norwegian_under_it() {
    let pack = ContentPack::embedded().expect("pack");
    let mut app = app(&["nb"]);
    for language in
        std::iter::once("en").chain(pack.meta.translations.iter().map(|t| t.id.as_str()))
    {
        let screen = open(&mut app, &format!("show/{language}"));
        assert_eq!(
            screen.direction,
            TextDirection::Ltr,
            "the professional's screen"
        );
        let shown = cards(&screen);
        let plain: Vec<_> = pack.show.cards.iter().filter(|c| c.who.is_none()).collect();
        assert_eq!(shown.len(), plain.len(), "{language}");
        let locales = pack.locales(&[language]).expect("locales");
        for ((id, text, lang, direction, norwegian), card) in shown.iter().zip(&plain) {
            assert_eq!(*id, card.id);
            assert_eq!(*lang, language);
            assert_eq!(*norwegian, card.text.in_locale("nb").expect("nb"));
            assert_eq!(text.replace([LRI, PDI], ""), card.text.get(&locales));
            if language != "en" {
                let english = card.text.in_locale("en").expect("en");
                assert!(
                    locales.translate(language, english).is_some(),
                    "{language} {id}: the language's own text, not English"
                );
            }
            let rtl = language == "ar";
            assert_eq!(*direction == TextDirection::Rtl, rtl, "{language} {id}");
            if rtl && card.id == "rosa" {
                assert!(text.ends_with("\u{2066}22 33 11 60\u{2069}"), "{text}");
            }
        }
        let buttons: Vec<&str> = screen.buttons().collect();
        let want: Vec<String> = plain.iter().map(|c| format!("speak/{}", c.id)).collect();
        assert_eq!(buttons, want, "{language}");
    }
}

#[test]
fn read_aloud_speaks_the_card_in_its_language() {
    let pack = ContentPack::embedded().expect("pack");
    for (language, tag) in [("ar", "ar"), ("tl", "fil"), ("zh", "zh-CN"), ("en", "en")] {
        let mut app = app(&["nb"]);
        open(&mut app, &format!("show/{language}"));
        let locales = pack.locales(&[language]).expect("locales");
        let rosa = pack.show.card("rosa").expect("rosa");
        assert_eq!(
            press(&mut app, "speak/rosa"),
            Some(Effect::Speak {
                text: rosa.text.get(&locales).to_owned(),
                language: tag.to_owned(),
            })
        );
    }
    let mut app = app(&["en"]);
    open(&mut app, "show/ro");
    assert!(matches!(
        app.dispatch(Event::Press {
            id: "speak/nobody".into()
        }),
        Err(lykt_core::Error::InvalidEvent { .. })
    ));
}

#[test]
fn who_the_professional_is_shows_once_picked_and_nothing_picked_is_kept() {
    let mut app = app(&["en"]);
    let before = open(&mut app, "show/uk");
    assert!(cards(&before).iter().all(|c| !c.0.starts_with("who-")));
    let picked = choose(&mut app, "who", "child-welfare").expect("picks");
    assert_eq!(cards(&picked)[0].0, "who-child-welfare");
    let again = choose(&mut app, "who", "health").expect("picks again");
    assert_eq!(cards(&again)[0].0, "who-health");
    assert_eq!(
        cards(&again)
            .iter()
            .filter(|c| c.0.starts_with("who-"))
            .count(),
        1
    );
    assert!(matches!(
        choose(&mut app, "who", "doctor"),
        Err(lykt_core::Error::InvalidAnswer { .. })
    ));
    // Leaving the screen forgets the pick; so does a quick exit.
    app.dispatch(Event::Back).expect("back");
    let reopened = open(&mut app, "show/uk");
    assert!(cards(&reopened).iter().all(|c| !c.0.starts_with("who-")));
    choose(&mut app, "who", "helper").expect("picks");
    app.dispatch(Event::QuickExit).expect("leaves");
    let after = open(&mut app, "show/uk");
    assert!(cards(&after).iter().all(|c| !c.0.starts_with("who-")));
}

#[test]
fn a_professional_in_an_arabic_session_gets_left_to_right_tools_and_right_to_left_cards() {
    let mut app = app(&["ar"]);
    assert_eq!(open(&mut app, "home").direction, TextDirection::Rtl);
    assert_eq!(open(&mut app, "tools").direction, TextDirection::Ltr);
    let screen = open(&mut app, "show/ar");
    assert_eq!(screen.direction, TextDirection::Ltr);
    assert!(
        cards(&screen)
            .iter()
            .all(|c| c.3 == TextDirection::Rtl && !c.4.contains(LRI))
    );
}

#[test]
fn a_card_whose_number_is_not_its_contacts_or_a_missing_who_card_is_rejected() {
    let files = files_with("show.json", |v| {
        let cards = v["cards"].as_array_mut().expect("cards");
        let rosa = cards.iter_mut().find(|c| c["id"] == "rosa").expect("rosa");
        rosa["text"]["en"] = "Call ROSA: 22 33 11 61".into();
        rosa["text"]["nb"] = "Ring ROSA: 22 33 11 61".into();
        cards.retain(|c| c["id"] != "who-helper");
    });
    let found = issues(&files);
    assert!(
        found
            .iter()
            .any(|(file, item, field, kind)| file == "show.json"
                && item == "rosa"
                && field == "text"
                && kind.to_string().contains("22331161")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|(_, _, field, kind)| field == "cards"
            && matches!(kind, IssueKind::Invalid { message } if message.contains("\"helper\""))),
        "{found:?}"
    );
}
