//! The discreet information mode: content rules, screens, actions, reach and the quick exit.

mod support;
use support::{files_with, issues, links, open};

use lykt_core::actions::ActionKind;
use lykt_core::app::{App, Block, Clock, Effect, Event, ExitTarget, Mode, Platform, Screen};
use lykt_core::calendar::{Instant, parse_instant};
use lykt_core::content::ContentPack;
use lykt_core::content::check::IssueKind;
use lykt_core::error::Error;
use lykt_core::info::{InfoPage, START_PAGE, all_pages, comes_first, revealing_word};
use lykt_core::locale::TextDirection;
use serde_json::Value;

fn at() -> Instant {
    parse_instant("2026-03-27T14:30:00Z").expect("instant")
}

fn pages(locale: &str) -> Vec<InfoPage> {
    let pack = ContentPack::embedded().expect("valid pack");
    let locales = pack.locales(&[locale]).expect("locale");
    all_pages(&pack, &locales, at())
}

fn app(locale: &str) -> App {
    let pack = ContentPack::embedded().expect("valid pack");
    let locales = pack.locales(&[locale]).expect("locale");
    let mut app = App::new(pack, locales, Platform::Android);
    app.set_clock(Clock::Fixed(at()));
    app
}

/// Index of the page with `id` in `info.json`.
fn page_index(v: &Value, id: &str) -> usize {
    v["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .position(|p| p["id"] == id)
        .expect("page exists")
}

fn page_mut<'a>(v: &'a mut Value, id: &str) -> &'a mut Value {
    let i = page_index(v, id);
    &mut v["pages"][i]
}

fn has_action(screen: &Screen) -> bool {
    screen.actions().next().is_some()
}

#[test]
fn every_page_exists_in_english_and_norwegian_with_an_action() {
    let pack = ContentPack::embedded().expect("valid pack");
    assert!(pack.info_pages.len() >= 13, "all the pages of the issue");
    for locale in ["en", "nb"] {
        let shown = pages(locale);
        assert_eq!(shown.len(), pack.info_pages.len());
        for (page, p) in shown.iter().zip(&pack.info_pages) {
            assert_eq!(p.title.in_locale(locale), Some(page.screen.title.as_str()));
            assert!(has_action(&page.screen), "{locale} {}: no action", p.id);
            assert!(!page.sources.is_empty(), "{}: no sources", p.id);
            assert_eq!(page.screen.mode, Mode::Info);
            assert!(page.screen.quick_exit.is_some());
        }
    }
    for id in [
        "danger",
        "help",
        "talk",
        "under-18",
        "signs",
        "safety",
        "health",
        "permit",
        "going-home",
        "work",
        "guardian",
        "violence",
    ] {
        assert!(pack.info_page(id).is_some(), "{id}");
    }
}

#[test]
fn always_open_and_anonymous_contacts_come_first_on_every_page() {
    let pack = ContentPack::embedded().expect("valid pack");
    for page in pages("en") {
        let mut contacts: Vec<&str> = page
            .screen
            .actions()
            .map(|a| a.id.split('.').next().expect("contact id"))
            .collect();
        contacts.dedup();
        let first: Vec<bool> = contacts
            .iter()
            .map(|id| comes_first(pack.contact(id).expect("known contact")))
            .collect();
        assert!(
            first.windows(2).all(|w| w[0] || !w[1]),
            "{}: {contacts:?}",
            page.screen.id
        );
    }
    let danger = pages("en")
        .into_iter()
        .find(|p| p.screen.id == "info/danger")
        .expect("danger page");
    let uris: Vec<&str> = danger.screen.actions().map(|a| a.uri.as_str()).collect();
    assert_eq!(uris, ["tel:112", "tel:113", "tel:116117", "tel:02800"]);
}

#[test]
fn titles_headings_and_links_reveal_nothing() {
    for locale in ["en", "nb"] {
        let mut app = app(locale);
        let home = app.current_screen();
        let entry = home
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Link {
                    target,
                    label,
                    detail,
                } if target == "info" => Some((label.clone(), detail.clone())),
                _ => None,
            })
            .expect("the start screen links to the information");
        assert_eq!(revealing_word(&entry.0), None);
        assert_eq!(revealing_word(entry.1.as_deref().unwrap_or("")), None);
        let info = open(&mut app, "info");
        assert_eq!(info.title, entry.0);
        for page in pages(locale) {
            let s = &page.screen;
            assert_eq!(
                s.window_title, "Lykt",
                "the app switcher shows only the name"
            );
            let mut shown = vec![s.title.clone()];
            for b in &s.blocks {
                match b {
                    Block::Heading { text } => shown.push(text.clone()),
                    Block::Link { label, detail, .. } => {
                        shown.push(label.clone());
                        shown.extend(detail.clone());
                    }
                    _ => {}
                }
            }
            let q = s.quick_exit.as_ref().expect("affordance");
            shown.extend([q.label.clone(), q.hint.clone()]);
            for text in shown {
                assert_eq!(revealing_word(&text), None, "{locale} {}: {text}", s.id);
            }
        }
    }
}

#[test]
fn a_revealing_title_or_heading_is_rejected_with_its_place() {
    let files = files_with("info.json", |v| {
        page_mut(v, "help")["title"]["en"] = "Help for victims".into();
        page_mut(v, "safety")["blocks"][1]["text"]["nb"] = "Om menneskehandel".into();
    });
    let found = issues(&files);
    assert_eq!(
        found,
        [
            (
                "info.json".to_owned(),
                "help".to_owned(),
                "title".to_owned(),
                IssueKind::RevealingWord {
                    locale: "en".into(),
                    word: "victims".into()
                }
            ),
            (
                "info.json".to_owned(),
                "safety".to_owned(),
                "blocks[1].text".to_owned(),
                IssueKind::RevealingWord {
                    locale: "nb".into(),
                    word: "menneskehandel".into()
                }
            ),
        ]
    );
}

#[test]
fn each_content_rule_names_the_page_and_field() {
    type Edit = fn(&mut Value);
    type Expected = fn(&IssueKind) -> bool;
    let cases: [(Edit, &str, &str, Expected); 11] = [
        (
            |v| {
                // Only the start page links to "violence".
                let start = page_mut(v, "start");
                let blocks = start["blocks"].as_array_mut().expect("blocks");
                blocks.retain(|b| b["page"] != "violence");
            },
            "violence",
            "id",
            |k| matches!(k, IssueKind::Unreachable { start } if start == "start"),
        ),
        (
            |v| page_mut(v, "danger")["blocks"][9]["page"] = "nowhere".into(),
            "danger",
            "blocks[9].page",
            |k| matches!(k, IssueKind::DanglingReference { kind, target } if kind == "info page" && target == "nowhere"),
        ),
        (
            |v| page_mut(v, "danger")["blocks"][1]["contact"] = "nobody".into(),
            "danger",
            "blocks[1].contact",
            |k| matches!(k, IssueKind::DanglingReference { kind, target } if kind == "contact" && target == "nobody"),
        ),
        (
            |v| {
                page_mut(v, "danger")["blocks"][1]["channels"] = serde_json::json!(["call", "chat"])
            },
            "danger",
            "blocks[1].channels[1]",
            |k| matches!(k, IssueKind::MissingChannel { contact, channel } if contact == "police-emergency" && channel == "chat"),
        ),
        (
            |v| page_mut(v, "work")["blocks"][4]["channels"] = serde_json::json!(["web:9"]),
            "work",
            "blocks[4].channels[0]",
            |k| matches!(k, IssueKind::MissingChannel { channel, .. } if channel == "web:9"),
        ),
        (
            |v| page_mut(v, "guardian")["sources"] = serde_json::json!([]),
            "guardian",
            "sources",
            |k| matches!(k, IssueKind::Invalid { .. }),
        ),
        (
            |v| {
                let blocks = page_mut(v, "guardian")["blocks"]
                    .as_array_mut()
                    .expect("blocks");
                blocks.retain(|b| b["type"] != "actions");
            },
            "guardian",
            "blocks",
            |k| *k == IssueKind::NoAction,
        ),
        (
            |v| {
                page_mut(v, "talk")["blocks"][0]["text"]
                    .as_object_mut()
                    .expect("text")
                    .remove("nb");
            },
            "talk",
            "blocks[0].text",
            |k| matches!(k, IssueKind::MissingTranslation { locale } if locale == "nb"),
        ),
        (
            |v| {
                page_mut(v, "danger")["blocks"]
                    .as_array_mut()
                    .expect("blocks")
                    .swap(1, 7)
            },
            "danger",
            "blocks[7].contact",
            |k| matches!(k, IssueKind::ActionOrder { contact, after } if contact == "police-emergency" && after == "police"),
        ),
        (
            |v| page_mut(v, "danger")["blocks"][0]["text"]["en"] = "Call 112 now.".into(),
            "danger",
            "blocks[0].text",
            |k| matches!(k, IssueKind::RepeatedNumber { number } if number == "112"),
        ),
        (
            |v| {
                let extra = serde_json::json!({"type": "actions", "contact": "police", "channels": ["call"]});
                page_mut(v, "danger")["blocks"]
                    .as_array_mut()
                    .expect("blocks")
                    .push(extra);
            },
            "danger",
            "blocks[10].contact",
            |k| matches!(k, IssueKind::DuplicateId { id } if id == "police"),
        ),
    ];
    for (i, (edit, item, field, kind)) in cases.into_iter().enumerate() {
        let found = issues(&files_with("info.json", edit));
        assert!(
            found
                .iter()
                .any(|(f, it, fi, k)| f == "info.json" && it == item && fi == field && kind(k)),
            "case {i}: {found:#?}"
        );
    }
}

#[test]
fn an_unknown_channel_name_is_a_readable_error() {
    let files = files_with("info.json", |v| {
        page_mut(v, "danger")["blocks"][1]["channels"] = serde_json::json!(["fax"]);
    });
    let found = issues(&files);
    assert!(
        matches!(found.as_slice(), [(file, _, _, IssueKind::Parse { message })]
            if file == "info.json" && message.contains("\"fax\" is not a channel")),
        "{found:?}"
    );
}

#[test]
fn facts_only_in_an_older_source_carry_a_caution() {
    let pack = ContentPack::embedded().expect("valid pack");
    for page in pages("en") {
        let id = page.screen.id.trim_start_matches("info/");
        let id = if id == "info" { START_PAGE } else { id };
        let source = pack.info_page(id).expect("page");
        let older_blocks = source
            .blocks
            .iter()
            .filter(|b| lykt_core::content::source::only_older(&pack.meta.sources, b.sources()))
            .count();
        let cautions = page
            .screen
            .blocks
            .iter()
            .filter(|b| matches!(b, Block::Notice { text, .. } if text.contains("only from an older document")))
            .count();
        assert_eq!(cautions, older_blocks, "{id}");
        assert_eq!(
            page.sources.iter().any(|c| c.older),
            older_blocks > 0,
            "{id}: older documents are cited exactly where their facts are used"
        );
    }
}

#[test]
fn screens_carry_the_direction_of_a_right_to_left_locale() {
    let pack = ContentPack::embedded().expect("valid pack");
    let locales = pack.locales(&["ar-EG"]).expect("locale");
    assert_eq!(locales.primary(), "ar");
    let shown = all_pages(&pack, &locales, at());
    assert_eq!(shown.len(), pack.info_pages.len());
    for page in &shown {
        assert_eq!(
            page.screen.direction,
            TextDirection::Rtl,
            "{}",
            page.screen.id
        );
    }
    let mut app = App::new(pack.clone(), locales, Platform::Android);
    assert_eq!(app.current_screen().direction, TextDirection::Rtl);
    let screen = open(&mut app, "info/under-18");
    assert_eq!(screen.direction, TextDirection::Rtl);
    let neutral = app.dispatch(Event::QuickExit).expect("leaves").screen;
    assert_eq!(neutral.direction, TextDirection::Rtl);
}

#[test]
fn every_action_has_a_spoken_label_reading_numbers_digit_by_digit() {
    for locale in ["en", "nb"] {
        for page in pages(locale) {
            for a in page.screen.actions() {
                assert!(!a.label.is_empty() && !a.accessibility_label.is_empty());
                assert_ne!(a.label, a.accessibility_label, "{}", a.id);
                if matches!(a.kind, ActionKind::Call | ActionKind::Sms) {
                    let number = a.uri.split_once(':').expect("scheme").1;
                    let digits: Vec<String> = number
                        .chars()
                        .filter(char::is_ascii_digit)
                        .map(String::from)
                        .collect();
                    assert!(
                        a.accessibility_label.ends_with(&digits.join(" ")),
                        "{locale} {}: {}",
                        a.id,
                        a.accessibility_label
                    );
                }
            }
        }
    }
}

#[test]
fn every_page_is_one_link_from_the_start_page_and_actions_open_their_uri() {
    let mut app = app("en");
    let start = open(&mut app, "info");
    assert_eq!(start.mode, Mode::Info);
    assert!(start.back_available);
    let mut links: Vec<String> = links(&start).into_iter().map(str::to_owned).collect();
    assert_eq!(
        links.pop().as_deref(),
        Some("language"),
        "the languages come last"
    );
    let web_only = ContentPack::embedded()
        .expect("valid pack")
        .info_pages
        .iter()
        .filter(|p| p.on_web_instead_of.is_some())
        .count();
    assert_eq!(
        links.len(),
        pages("en").len() - 1 - web_only,
        "the start page lists every page (a web page stands in for its original)"
    );
    let mut schemes = std::collections::BTreeSet::new();
    for target in &links {
        let screen = open(&mut app, target);
        assert_eq!(&screen.id, target);
        for action in screen.actions().cloned().collect::<Vec<_>>() {
            let t = app
                .dispatch(Event::Act {
                    action: action.id.clone(),
                })
                .expect("acts");
            assert_eq!(
                t.effect,
                Some(Effect::OpenUri {
                    uri: action.uri.clone()
                })
            );
            assert_eq!(t.screen.id, *target, "acting stays on the page");
            schemes.insert(action.uri.split(':').next().unwrap_or("").to_owned());
        }
        app.dispatch(Event::Back).expect("back");
    }
    assert_eq!(
        schemes.into_iter().collect::<Vec<_>>(),
        ["https", "mailto", "sms", "tel"]
    );
}

#[test]
fn unknown_pages_are_refused_and_change_nothing() {
    let mut app = app("en");
    open(&mut app, "info/talk");
    for target in ["info/nowhere", "info/start", "info/"] {
        let before = app.current_screen();
        assert_eq!(
            app.dispatch(Event::Open {
                target: target.into()
            }),
            Err(Error::UnknownScreen {
                target: target.into()
            })
        );
        assert_eq!(app.current_screen(), before);
    }
}

#[test]
fn after_a_quick_exit_nothing_of_the_session_remains() {
    let mut app = app("nb");
    open(&mut app, "info");
    open(&mut app, "info/signs");
    let t = app.dispatch(Event::QuickExit).expect("leaves");
    assert_eq!(
        t.effect,
        Some(Effect::QuickExit {
            target: ExitTarget::HomeScreen
        })
    );
    assert_eq!(t.screen.id, "neutral");
    assert!(!t.screen.back_available);
    let json = serde_json::to_string(&t.screen).expect("serialisable");
    for trace in ["info", "signs", "Skjer dette"] {
        assert!(!json.contains(trace), "{trace} left in {json}");
    }
    assert_eq!(
        app.dispatch(Event::Back).expect("back").screen.id,
        "neutral"
    );
    // A new session always starts on the start screen.
    assert_eq!(self::app("nb").current_screen().id, "home");
}

#[test]
fn three_exit_key_presses_in_time_leave_and_other_input_resets_them() {
    let mut app = app("en");
    open(&mut app, "info/danger");
    let press = |app: &mut App, at_ms| app.dispatch(Event::ExitKey { at_ms }).expect("press");
    assert_eq!(
        press(&mut app, 1_000).effect,
        Some(Effect::Announce {
            text: "Press 2 more times to leave".into()
        })
    );
    let t = app
        .dispatch(Event::Open {
            target: "info/help".into(),
        })
        .expect("other input");
    assert_eq!(t.screen.quick_exit.expect("affordance").presses, 0);
    press(&mut app, 2_000);
    assert_eq!(
        press(&mut app, 7_000).effect,
        Some(Effect::Announce {
            text: "Press 1 more time to leave".into()
        })
    );
    let t = app.dispatch(Event::Tick { at_ms: 12_001 }).expect("tick");
    let q = t.screen.quick_exit.expect("affordance");
    assert_eq!((q.presses, q.progress), (0, None), "the window has passed");
    press(&mut app, 13_000);
    press(&mut app, 14_000);
    let t = press(&mut app, 15_000);
    assert_eq!(
        t.effect,
        Some(Effect::QuickExit {
            target: ExitTarget::HomeScreen
        })
    );
    assert_eq!(t.screen.id, "neutral");
}

#[test]
fn the_review_lists_every_page_as_json() {
    let json = serde_json::to_value(pages("en")).expect("serialisable");
    let list = json.as_array().expect("array");
    assert_eq!(list[0]["screen"]["id"], "info");
    assert!(
        list.iter()
            .all(|p| p["sources"].as_array().is_some_and(|s| !s.is_empty()))
    );
    assert!(
        list.iter()
            .flat_map(|p| p["screen"]["blocks"].as_array().expect("blocks"))
            .any(|b| b["type"] == "action" && b["action"]["uri"] == "tel:116111")
    );
}

#[test]
fn the_web_shows_the_browsers_own_page_on_keeping_this_private() {
    let headings = |platform: Platform| {
        let pack = ContentPack::embedded().expect("valid pack");
        let locales = pack.locales(&["en"]).expect("locale");
        let mut app = App::new(pack, locales, platform);
        app.set_clock(Clock::Fixed(at()));
        let screen = open(&mut app, "info/safety");
        assert_eq!(screen.id, "info/safety");
        assert!(has_action(&screen));
        screen
            .blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Heading { text } => Some(text),
                _ => None,
            })
            .collect::<Vec<_>>()
    };
    let phone = headings(Platform::Android);
    let web = headings(Platform::Web);
    assert!(
        phone.contains(&"What the phone keeps".to_owned()),
        "{phone:?}"
    );
    assert!(
        web.contains(&"What the browser keeps".to_owned()),
        "{web:?}"
    );
    assert!(!web.contains(&"What the phone keeps".to_owned()));
}

#[test]
fn a_web_page_must_replace_a_page_that_exists() {
    let files = files_with("info.json", |v| {
        let i = page_index(v, "safety-web");
        v["pages"][i]["on_web_instead_of"] = "nowhere".into();
    });
    assert!(
        issues(&files)
            .iter()
            .any(|(f, item, field, kind)| f == "info.json"
                && item == "safety-web"
                && field == "on_web_instead_of"
                && matches!(kind, IssueKind::DanglingReference { .. }))
    );
}

/// A page shown in English to the reader of a translation is read aloud in English, the language
/// it is written in, never with the reader's language's voice.
#[test]
fn a_page_shown_in_english_is_read_aloud_in_english() {
    for locale in ["ro", "ar", "zh"] {
        let mut app = app(locale);
        open(&mut app, "info");
        let page = open(&mut app, "info-en/start");
        let effect = app
            .dispatch(Event::Press {
                id: "read-aloud".into(),
            })
            .unwrap_or_else(|e| panic!("{locale}: {e}"))
            .effect;
        let Some(Effect::Speak { text, language }) = effect else {
            panic!("{locale}: {effect:?} reads nothing");
        };
        assert_eq!(language, "en", "{locale}");
        assert!(
            text.starts_with(&format!("{}\n", page.title)),
            "{locale}: {text}"
        );
        assert!(
            text.contains("You can get help in Norway."),
            "{locale}: the English text: {text}"
        );
        let own = open(&mut app, "info");
        let Some(Effect::Speak { language, .. }) = app
            .dispatch(Event::Press {
                id: "read-aloud".into(),
            })
            .expect("reads")
            .effect
        else {
            panic!("{locale}: the page in {locale} reads nothing");
        };
        assert_eq!((language.as_str(), own.id.as_str()), (locale, "info"));
    }
}
