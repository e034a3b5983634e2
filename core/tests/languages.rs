//! The twelve languages of what a possible victim sees: the content check of every language and
//! what it rejects, locale fallback, lazy unpacking, the review notice, a crawl of every page in
//! every language, and right-to-left layout.

mod support;
use support::open;

use std::collections::{BTreeSet, VecDeque};
use std::path::Path;
use std::sync::Arc;

use lykt_core::app::{App, Block, Clock, Platform, Screen, plain};
use lykt_core::bidi::{LRI, PDI};
use lykt_core::calendar::{Instant, parse_instant};
use lykt_core::content::ContentPack;
use lykt_core::content::check::{ContentIssue, IssueKind};
use lykt_core::content::translations::check::needed;
use lykt_core::locale::TextDirection;
use lykt_core::ui_keys::translation::{TRANSLATION_IN_ENGLISH, TRANSLATION_NOT_REVIEWED};
use serde_json::Value;

const LANGUAGES: [&str; 12] = [
    "ro", "bg", "pl", "uk", "ru", "es", "fr", "ar", "th", "vi", "zh", "tl",
];

fn at() -> Instant {
    parse_instant("2026-03-27T14:30:00Z").expect("instant")
}

fn content_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content"))
}

/// The pack's files as written in `core/content`, language files included.
fn source_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in ["", "lang/"] {
        let mut names: Vec<String> = std::fs::read_dir(content_dir().join(dir))
            .expect("content folder")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        for name in names {
            let text = std::fs::read_to_string(content_dir().join(dir).join(&name)).expect("read");
            files.push((format!("{dir}{name}"), text));
        }
    }
    files
}

/// The source files with `file` edited as JSON.
fn edited(file: &str, edit: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let mut files = source_files();
    let (_, text) = files
        .iter_mut()
        .find(|(n, _)| n == file)
        .unwrap_or_else(|| panic!("no {file}"));
    let mut v: Value = serde_json::from_str(text).expect("JSON");
    edit(&mut v);
    *text = v.to_string();
    files
}

/// The problems the language check finds in `files` (the rest of the pack must be valid).
fn language_issues(files: &[(String, String)]) -> Vec<ContentIssue> {
    let pack = ContentPack::from_files(files).unwrap_or_else(|e| panic!("base pack: {e:#?}"));
    pack.check_translations()
        .err()
        .map(|e| e.0)
        .unwrap_or_default()
}

fn app_in(pack: &Arc<ContentPack>, tags: &[&str]) -> App {
    app_on(pack, tags, Platform::Android)
}

fn app_on(pack: &Arc<ContentPack>, tags: &[&str], platform: Platform) -> App {
    let locales = pack.locales(tags).expect("locales");
    let mut app = App::new(pack.clone(), locales, platform);
    app.set_clock(Clock::Fixed(at()));
    app
}

#[test]
fn every_language_passes_the_content_check_in_both_forms() {
    let embedded = ContentPack::embedded().expect("embedded pack");
    embedded
        .check_translations()
        .unwrap_or_else(|e| panic!("{:#?}", e.0));
    let written = ContentPack::from_dir(content_dir()).expect("content folder");
    written
        .check_translations()
        .unwrap_or_else(|e| panic!("{:#?}", e.0));
    let ids: Vec<&str> = embedded
        .meta
        .translations
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(ids, LANGUAGES);
    for id in LANGUAGES {
        let packed = embedded
            .translations
            .catalog(id)
            .expect("embedded")
            .expect("unpacks");
        let source = written
            .translations
            .catalog(id)
            .expect("written")
            .expect("reads");
        assert_eq!(
            packed.table(),
            source.table(),
            "{id}: the build packs exactly the language file"
        );
        for n in needed(&embedded) {
            assert!(packed.get(n.english).is_some(), "{id}: {}", n.english);
        }
    }
}

#[test]
fn a_changed_number_or_address_is_rejected_and_the_message_says_where() {
    let files = edited("lang/ro.json", |v| {
        v["Under 18?"] = "Sub 17 ani?".into();
        v["Call {number}"] = "Sunați la 112 sau {number}".into();
    });
    let found = language_issues(&files);
    let under = found
        .iter()
        .find(|i| i.item == "page under-18")
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(under.file, "lang/ro.json");
    assert!(
        under.field.starts_with("title \"Under 18?\""),
        "{}",
        under.field
    );
    assert_eq!(
        under.kind,
        IssueKind::FactMismatch {
            locale: "ro".into(),
            fact: "numbers".into(),
            english: "18".into(),
            found: "17".into(),
        }
    );
    assert!(
        under
            .to_string()
            .contains("numbers [17] but the English has [18]"),
        "{under}"
    );
    assert!(
        found.iter().any(|i| i.item == "string action.call"
            && matches!(&i.kind, IssueKind::FactMismatch { found, .. } if found == "112")),
        "{found:#?}"
    );
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn missing_placeholder_stale_and_undeclared_strings_are_each_named() {
    let mut files = edited("lang/pl.json", |v| {
        let map = v.as_object_mut().expect("object");
        map.remove("Leave now");
        map.insert(
            "Pressed {count} of {needed} times".into(),
            "Naciśnięto {count} razy".into(),
        );
        map.insert(
            "A sentence no page has any more".into(),
            "Zdanie, którego nie ma".into(),
        );
    });
    files.push(("lang/sv.json".into(), "{}".into()));
    let found = language_issues(&files);
    let kinds: Vec<(&str, &str, &IssueKind)> = found
        .iter()
        .map(|i| (i.file.as_str(), i.item.as_str(), &i.kind))
        .collect();
    assert!(kinds.contains(&(
        "lang/pl.json",
        "string quick_exit.label",
        &IssueKind::MissingTranslation {
            locale: "pl".into()
        }
    )));
    assert!(kinds.contains(&(
        "lang/pl.json",
        "string quick_exit.progress",
        &IssueKind::PlaceholderMismatch {
            locale: "pl".into(),
            expected: "count, needed".into(),
            found: "count".into(),
        }
    )));
    assert!(
        found
            .iter()
            .any(|i| i.item == "\"A sentence no page has any more\""
                && i.kind.to_string().contains("no longer shows")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|i| i.file == "lang/sv.json" && i.kind.to_string().contains("not declared")),
        "{found:#?}"
    );
    assert_eq!(found.len(), 4, "{found:#?}");
}

#[test]
fn each_card_exists_in_every_language_the_cards_offer() {
    let card = "Do you need a doctor now?";
    let files = edited("lang/vi.json", |v| {
        v.as_object_mut().expect("object").remove(card);
    });
    let found = language_issues(&files);
    assert!(
        matches!(found.as_slice(), [i] if i.file == "lang/vi.json"
            && i.item == "card doctor"
            && i.kind == IssueKind::MissingTranslation { locale: "vi".into() }),
        "{found:#?}"
    );
}

#[test]
fn the_contact_search_and_the_terminals_words_are_required_in_every_language() {
    let files = edited("lang/ar.json", |v| {
        let map = v.as_object_mut().expect("object");
        map.remove("quit").expect("translated");
        map.remove(
            "No contact matches “{query}”. Try another word. The emergency numbers stay in the \
             list below.",
        )
        .expect("translated");
    });
    let mut found: Vec<(String, String, IssueKind)> = language_issues(&files)
        .into_iter()
        .map(|i| (i.file, i.item, i.kind))
        .collect();
    found.sort_by(|a, b| a.1.cmp(&b.1));
    let missing = |item: &str| {
        (
            "lang/ar.json".to_owned(),
            item.to_owned(),
            IssueKind::MissingTranslation {
                locale: "ar".into(),
            },
        )
    };
    assert_eq!(
        found,
        [
            missing("string contacts.search_none"),
            missing("string terminal.quit")
        ]
    );
}

/// The words around the contact list's search, and those the terminal adds around every
/// screen, are the language's own in every language.
#[test]
fn the_contact_search_and_the_terminals_words_speak_every_language() {
    for id in LANGUAGES {
        let probe = marked(id);
        let mut app = app_in(&probe, &[id]);
        open(&mut app, "contacts");
        let screen = app
            .dispatch(lykt_core::app::Event::Input {
                field: "search".into(),
                value: "zqxv".into(),
            })
            .expect("typed")
            .screen;
        let words: Vec<&str> = screen
            .blocks
            .iter()
            .flat_map(|b| match b {
                Block::TextInput { label, hint, .. } => {
                    vec![label.as_str(), hint.as_deref().unwrap_or("")]
                }
                Block::Notice { text, .. } => vec![text.as_str()],
                _ => Vec::new(),
            })
            .collect();
        assert_eq!(
            words.len(),
            3,
            "{id}: field, hint and the line saying nothing matched"
        );
        for w in words {
            assert!(w.contains('⟦'), "{id}: {w:?} is not translated");
        }
        for key in lykt_core::ui_keys::terminal::KEYS {
            assert!(
                app.ui(*key).contains('⟦'),
                "{id}: {} is not translated",
                key.id
            );
        }
    }
}

#[test]
fn direction_marks_and_text_in_the_wrong_direction_are_rejected() {
    let mut files = edited("lang/ar.json", |v| {
        v["Call {number}"] = "اتصل بالرقم \u{2066}{number}\u{2069}".into();
        v["Read more"] = "Read more".into();
    });
    let (_, ro) = files
        .iter_mut()
        .find(|(n, _)| n == "lang/ro.json")
        .expect("ro");
    *ro = ro.replace("\"Citiți mai mult\"", "\"اقرأ المزيد\"");
    let found = language_issues(&files);
    assert!(
        found.iter().any(|i| i.file == "lang/ar.json"
            && i.item == "string action.call"
            && i.kind
                == IssueKind::DirectionMark {
                    locale: "ar".into(),
                    mark: "U+2066".into()
                }),
        "{found:#?}"
    );
    let wrong_script = |file: &str| {
        found.iter().any(|i| {
            i.file == file && i.item == "page start" && i.kind.to_string().contains("script")
        })
    };
    assert!(wrong_script("lang/ar.json"), "{found:#?}");
    assert!(wrong_script("lang/ro.json"), "{found:#?}");
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn a_review_holds_only_while_the_strings_are_the_ones_reviewed() {
    let pack = ContentPack::embedded().expect("pack");
    let fingerprint = pack
        .translations
        .catalog("es")
        .expect("es")
        .expect("unpacks")
        .table()
        .fingerprint();
    let review = |fingerprint: &str| serde_json::json!({"status": "reviewed", "by": "Ana Ruiz, KOM", "on": "2027-01-15", "fingerprint": fingerprint});
    let reviewed = edited("pack.json", |v| {
        v["translations"][5]["review"] = review(&fingerprint);
    });
    assert!(language_issues(&reviewed).is_empty());
    let pack = Arc::new(ContentPack::from_files(&reviewed).expect("pack"));
    let mut app = app_in(&pack, &["es"]);
    let page = open(&mut app, "info/danger");
    assert!(
        !page
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Link { target, .. } if target.starts_with("info-en/"))),
        "a reviewed language's pages carry no notice"
    );

    let mut changed = edited("pack.json", |v| {
        v["translations"][5]["review"] = review(&fingerprint);
    });
    let (_, es) = changed
        .iter_mut()
        .find(|(n, _)| n == "lang/es.json")
        .expect("es");
    *es = es.replace("\"Leer más\"", "\"Más información\"");
    let found = language_issues(&changed);
    assert!(
        matches!(found.as_slice(), [i] if i.file == "pack.json"
            && i.field == "translations.review"
            && i.kind.to_string().contains("changed after Ana Ruiz, KOM reviewed them on 2027-01-15")),
        "{found:#?}"
    );
}

#[test]
fn locales_fall_back_from_region_to_language_to_english_for_every_language() {
    let pack = ContentPack::embedded().expect("pack");
    for id in LANGUAGES {
        let chain = pack.locales(&[format!("{id}-XX")]).expect("tag");
        assert_eq!(chain.chain(), [id, "en"]);
    }
    let chain = |tags: &[&str]| pack.locales(tags).expect("tags").chain().to_vec();
    assert_eq!(chain(&["fil-PH"]), ["tl", "en"]);
    assert_eq!(chain(&["zh-Hans-CN"]), ["zh", "en"]);
    assert_eq!(chain(&["ro-MD", "nb-NO"]), ["ro", "nb", "en"]);
    assert_eq!(chain(&["sv-SE", "uk-UA"]), ["uk", "en"]);

    // A text the language lacks comes from the next locale in the chain, then English.
    let files = edited("lang/uk.json", |v| {
        v.as_object_mut().expect("object").remove("Read more");
    });
    let pack = Arc::new(ContentPack::from_files(&files).expect("pack"));
    let heading = |tags: &[&str]| {
        let mut app = app_in(&pack, tags);
        open(&mut app, "info")
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Heading { text } => Some(text.clone()),
                _ => None,
            })
            .expect("heading")
    };
    assert_eq!(heading(&["uk", "nb"]), "Les mer");
    assert_eq!(heading(&["uk"]), "Read more");
}

#[test]
fn every_language_is_listed_by_its_own_name() {
    let pack = ContentPack::embedded().expect("pack");
    let names: Vec<(String, String)> = pack
        .all_locales()
        .into_iter()
        .map(|l| (l.id, l.name))
        .collect();
    let want = [
        ("en", "English"),
        ("nb", "Norsk bokmål"),
        ("ro", "Română"),
        ("bg", "Български"),
        ("pl", "Polski"),
        ("uk", "Українська"),
        ("ru", "Русский"),
        ("es", "Español"),
        ("fr", "Français"),
        ("ar", "العربية"),
        ("th", "ไทย"),
        ("vi", "Tiếng Việt"),
        ("zh", "中文（简体）"),
        ("tl", "Tagalog"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(i, n)| ((*i).to_owned(), (*n).to_owned()))
        .collect();
    assert_eq!(names, want);
}

/// A voice-control user says what they see: the back button's spoken name must contain its
/// visible word (WCAG 2.5.3, checked by axe in the browser) in every language.
#[test]
fn the_back_buttons_spoken_name_contains_its_visible_word_in_every_language() {
    let pack = ContentPack::embedded().expect("pack");
    for locale in pack.all_locales() {
        let mut app = app_in(&pack, &[&locale.id]);
        let screen = open(&mut app, "info");
        let (seen, spoken) = (
            screen.back_label.to_lowercase(),
            screen.back_accessibility_label.to_lowercase(),
        );
        assert!(
            !seen.is_empty() && spoken.contains(&seen),
            "{}: {spoken:?} does not contain {seen:?}",
            locale.id
        );
    }
}

#[test]
fn a_language_is_unpacked_only_when_a_person_reads_it() {
    let pack = ContentPack::from_embedded().expect("pack");
    pack.locales(&["nb-NO", "en"]).expect("nb");
    assert_eq!(pack.translations.unpacked().count(), 0);
    pack.locales(&["th"]).expect("th");
    assert_eq!(pack.translations.unpacked().collect::<Vec<_>>(), ["th"]);
}

/// Every text a screen shows or speaks, with bidi controls taken out.
fn texts(screen: &Screen) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &Value, key: &str, out: &mut Vec<String>) {
        match v {
            Value::String(s)
                if !matches!(
                    key,
                    "id" | "target"
                        | "uri"
                        | "kind"
                        | "type"
                        | "state"
                        | "level"
                        | "mode"
                        | "direction"
                        | "window_title"
                        | "language"
                ) =>
            {
                out.push(s.replace([LRI, PDI], ""));
            }
            Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, k, out)),
            Value::Array(a) => a.iter().for_each(|v| walk(v, key, out)),
            _ => {}
        }
    }
    walk(&serde_json::to_value(screen).expect("JSON"), "", &mut out);
    out
}

/// What is left of `text` once contact names, the app's name, numbers and addresses are gone.
fn residue(pack: &ContentPack, text: &str) -> String {
    let mut rest = text.to_owned();
    let mut names: Vec<&str> = pack
        .contacts
        .iter()
        .filter_map(|c| c.name.in_locale("en"))
        .chain(["Lykt"])
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    for name in names {
        rest = rest.replace(name, " ");
    }
    rest.split_whitespace()
        .filter(|w| !w.contains('.') && !w.bytes().any(|b| b.is_ascii_digit()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The pack with every string of language `id` marked, so a text shown without the mark is
/// one the language did not provide.
fn marked(id: &str) -> Arc<ContentPack> {
    let files = edited(&format!("lang/{id}.json"), |v| {
        for t in v.as_object_mut().expect("object").values_mut() {
            *t = format!("⟦{}⟧", t.as_str().expect("string")).into();
        }
    });
    Arc::new(ContentPack::from_files(&files).expect("pack"))
}

#[test]
fn every_page_in_every_language_has_all_its_text_and_no_english_in_place_of_a_translation() {
    let pack = ContentPack::embedded().expect("pack");
    let probes: Vec<_> = LANGUAGES.iter().map(|id| marked(id)).collect();
    // The notice of an unreviewed language says it in English too, by design.
    // So does the link to the language screen, which names every language by its own name.
    let names: Vec<String> = pack.all_locales().into_iter().map(|l| l.name).collect();
    let english_by_design: Vec<String> = [TRANSLATION_NOT_REVIEWED, TRANSLATION_IN_ENGLISH]
        .iter()
        .filter_map(|k| pack.ui.text(*k).and_then(|t| t.in_locale("en")))
        .map(str::to_owned)
        .chain([names.join(" · ")])
        .collect();
    // The web shows its own page on keeping this private in place of the phones' one.
    let pages = pack
        .info_pages
        .iter()
        .filter(|p| p.on_web_instead_of.is_none())
        .count();
    for (platform, (&id, probed)) in [Platform::Android, Platform::Web]
        .into_iter()
        .flat_map(|p| LANGUAGES.iter().zip(&probes).map(move |l| (p, l)))
    {
        let mut app = app_on(&pack, &[id], platform);
        let mut probe = app_on(probed, &[id], platform);
        let mut seen = BTreeSet::new();
        let mut queue = VecDeque::from(["info".to_owned()]);
        while let Some(target) = queue.pop_front() {
            if !seen.insert(target.clone()) {
                continue;
            }
            let page = open(&mut app, &target);
            for (i, t) in texts(&page).iter().enumerate() {
                let place = format!("{id} {target} text {i}: {t:?}");
                assert!(!t.trim().is_empty(), "{place}: empty");
                assert!(
                    !t.contains('{') && !t.contains('}'),
                    "{place}: a placeholder"
                );
                assert!(
                    !(t.starts_with("info.") || t.starts_with("quick_exit.")),
                    "{place}: a key"
                );
            }
            let probed = open(&mut probe, &target);
            for t in texts(&probed)
                .iter()
                .filter(|t| !english_by_design.contains(t))
            {
                assert!(
                    t.contains('⟦') || residue(&pack, t).chars().all(|c| !c.is_alphabetic()),
                    "{id} {target}: {t:?} is English where a translation should be"
                );
            }
            for b in &page.blocks {
                if let Block::Link { target, .. } = b
                    && (target == "info" || target.starts_with("info/"))
                {
                    queue.push_back(target.clone());
                }
            }
        }
        assert_eq!(
            seen.len(),
            pages,
            "{id} on {platform:?}: every page reached"
        );
    }
}

#[test]
fn arabic_is_right_to_left_with_numbers_left_to_right_in_every_shell() {
    let pack = ContentPack::embedded().expect("pack");
    let mut app = app_in(&pack, &["ar"]);
    let start = open(&mut app, "info");
    assert_eq!(start.direction, TextDirection::Rtl);
    let rosa = start
        .actions()
        .find(|a| a.id == "rosa.call.1")
        .expect("ROSA from abroad");
    assert!(
        rosa.label.ends_with("\u{2066}+47 22 33 11 60\u{2069}"),
        "{:?}",
        rosa.label
    );
    assert!(
        !rosa.accessibility_label.contains(LRI),
        "screen readers get the plain text"
    );
    // The English notice is isolated whole, so its full stop stays at its end.
    assert!(start.blocks.iter().any(|b| matches!(b,
        Block::Notice { text, .. } if text.starts_with(LRI) && text.ends_with(PDI) && text.contains("checked by a person"))));
    // The terminal and saved text: every line is laid out from the right, isolates balanced.
    let text = plain::page(&start);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        assert!(line.starts_with('\u{200F}'), "{line:?}");
        assert_eq!(
            line.matches(LRI).count(),
            line.matches(PDI).count(),
            "{line:?}"
        );
    }
    assert!(text.contains("\u{2066}22 33 11 60\u{2069}"));
    // Left-to-right languages get no marks.
    let mut ro = app_in(&pack, &["ro"]);
    let page = open(&mut ro, "info");
    assert!(!plain::page(&page).contains([LRI, PDI, '\u{200F}']));
}
