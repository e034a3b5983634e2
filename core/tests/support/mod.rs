//! Helpers shared by the integration tests: scenario files, edited packs, apps at fixed times.
#![allow(dead_code)] // Each test file uses its own subset.

use std::path::{Path, PathBuf};

use lykt_core::Error;
use lykt_core::app::{App, Block, Clock, Effect, Event, Platform, Screen};
use lykt_core::calendar::parse_instant;
use lykt_core::content::check::IssueKind;
use lykt_core::content::{ContentPack, EMBEDDED};
use serde_json::Value;

fn scenario_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/scenarios")
}

/// Every folder of `tests/scenarios`, in name order.
pub fn scenario_dirs() -> Vec<String> {
    let mut dirs: Vec<String> = std::fs::read_dir(scenario_root())
        .expect("the scenario folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    dirs
}

/// Every scenario file in `tests/scenarios/<dir>`, parsed, in name order.
pub fn scenario_files(dir: &str) -> Vec<(PathBuf, Value)> {
    let root = scenario_root().join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no scenarios in {}", root.display());
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (p, v)
        })
        .collect()
}

/// The embedded files with `name` edited as JSON.
pub fn files_with(name: &str, edit: impl FnOnce(&mut Value)) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = EMBEDDED
        .iter()
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .collect();
    if let Some((_, text)) = files.iter_mut().find(|(n, _)| n == name) {
        let mut v: Value = serde_json::from_str(text).expect("embedded JSON parses");
        edit(&mut v);
        *text = v.to_string();
    }
    files
}

/// The problems validation finds in `files`, as (file, item, field, kind).
pub fn issues(files: &[(String, String)]) -> Vec<(String, String, String, IssueKind)> {
    match ContentPack::from_files(files) {
        Ok(_) => Vec::new(),
        Err(e) => {
            e.0.into_iter()
                .map(|i| (i.file, i.item, i.field, i.kind))
                .collect()
        }
    }
}

/// An app in `locale` on the terminal platform with its clock fixed at `at` (RFC 3339).
pub fn app_at(locale: &str, at: &str) -> App {
    let pack = ContentPack::embedded().expect("valid pack");
    let locales = pack.locales(&[locale]).expect("locale");
    let mut app = App::new(pack, locales, Platform::Terminal);
    app.set_clock(Clock::Fixed(parse_instant(at).expect("instant")));
    app
}

/// Follows a link that must open.
pub fn open(app: &mut App, target: &str) -> Screen {
    app.dispatch(Event::Open {
        target: target.into(),
    })
    .unwrap_or_else(|e| panic!("open {target}: {e}"))
    .screen
}

/// Answers a question.
pub fn choose(app: &mut App, question: &str, option: &str) -> Result<Screen, Error> {
    app.dispatch(Event::Choose {
        question: question.into(),
        option: option.into(),
    })
    .map(|t| t.screen)
}

/// Changes a checklist item's status.
pub fn set_status(app: &mut App, item: &str, status: &str) -> Result<Screen, Error> {
    app.dispatch(Event::SetStatus {
        item: item.into(),
        status: status.into(),
    })
    .map(|t| t.screen)
}

/// The targets of the screen's links, in order.
pub fn links(screen: &Screen) -> Vec<&str> {
    screen
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Link { target, .. } => Some(target.as_str()),
            _ => None,
        })
        .collect()
}

/// The screen's checklist items as (id, status), in order.
pub fn items(screen: &Screen) -> Vec<(&str, &str)> {
    screen
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::ChecklistItem { id, status, .. } => Some((id.as_str(), status.as_str())),
            _ => None,
        })
        .collect()
}

/// The id of the screen's first question.
pub fn question(screen: &Screen) -> Option<&str> {
    screen.blocks.iter().find_map(|b| match b {
        Block::Choice { id, .. } => Some(id.as_str()),
        _ => None,
    })
}

/// The text of the screen's first status line.
pub fn status_line(screen: &Screen) -> Option<&str> {
    screen.blocks.iter().find_map(|b| match b {
        Block::Status { text, .. } => Some(text.as_str()),
        _ => None,
    })
}

/// A scenario event as an app event; anything but exactly one known event fails.
pub fn event(v: &Value) -> Event {
    let fields = v.as_object().expect("an event is an object");
    assert_eq!(fields.len(), 1, "one event per step: {v}");
    let (name, arg) = fields.iter().next().expect("one event");
    let s = || arg.as_str().expect("a string").to_owned();
    let pair = |i: usize| arg[i].as_str().expect("a string").to_owned();
    let ms = || arg.as_u64().expect("milliseconds");
    match name.as_str() {
        "open" => Event::Open { target: s() },
        "act" => Event::Act { action: s() },
        "press" => Event::Press { id: s() },
        "back" => Event::Back,
        "quick_exit" => Event::QuickExit,
        "exit_key" => Event::ExitKey { at_ms: ms() },
        "tick" => Event::Tick { at_ms: ms() },
        "choose" => Event::Choose {
            question: pair(0),
            option: pair(1),
        },
        "set_status" => Event::SetStatus {
            item: pair(0),
            status: pair(1),
        },
        other => panic!("unknown event {other}"),
    }
}

/// An effect as the scenario files write it.
pub fn effect_json(e: &Option<Effect>) -> Value {
    match e {
        None => Value::Null,
        Some(Effect::OpenUri { uri }) => serde_json::json!({ "open_uri": uri }),
        Some(Effect::Share { text }) => serde_json::json!({ "share": text }),
        Some(Effect::QuickExit { target }) => serde_json::json!({ "quick_exit": target }),
        Some(Effect::Announce { text }) => serde_json::json!({ "announce": text }),
        Some(Effect::Speak { text, language }) => {
            serde_json::json!({ "speak": { "text": text, "language": language } })
        }
    }
}
