//! Saved work through the app model, as a person on a phone uses it: every route of saved work
//! and every error the person can meet, with the slow work run as the shells run it.

mod support;
mod vault_support;

use lykt_core::app::{
    App, Block, Clock, Effect, Event, InputKind, Mode, Platform, Screen, Storage, Transition,
    WIPE_COUNTDOWN_SECS,
};
use lykt_core::calendar::from_unix;
use lykt_core::content::ContentPack;
use lykt_core::vault::{Vault, VaultConfig};
use tempfile::TempDir;
use zeroize::Zeroizing;

const PIN: &str = "482916";
/// 2026-11-30T10:00:00Z.
const NOW: i64 = 1_796_032_800;

struct Phone {
    app: App,
    dir: TempDir,
    now: i64,
}

impl Phone {
    /// A phone whose keystore gives the vault a secret (`keystore`), or a terminal without one.
    fn new(keystore: bool) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let pack = ContentPack::embedded().expect("pack");
        let locales = pack.locales(&["en"]).expect("locales");
        let storage = Storage {
            dir: dir.path().join("vault"),
            platform_secret: keystore.then(|| Zeroizing::new(vec![7u8; 32])),
            config: if keystore {
                vault_support::phone()
            } else {
                VaultConfig::default()
            },
        };
        let platform = if keystore {
            Platform::Android
        } else {
            Platform::Terminal
        };
        let mut app = App::new(pack, locales, platform).with_storage(storage);
        app.set_clock(Clock::Fixed(from_unix(NOW).expect("time")));
        Self { app, dir, now: NOW }
    }

    /// A phone with a vault set up, unlocked, on the list.
    fn with_vault() -> Self {
        let mut p = Self::new(true);
        p.open("saved");
        p.submit("new_pin", PIN);
        p.submit_work("pin_again", PIN);
        assert_eq!(p.screen().title, "Saved work");
        p
    }

    fn at(&mut self, secs_later: i64) {
        self.now += secs_later;
        self.app
            .set_clock(Clock::Fixed(from_unix(self.now).expect("time")));
    }

    fn send(&mut self, event: Event) -> Transition {
        self.app
            .dispatch(event.clone())
            .unwrap_or_else(|e| panic!("{event:?}: {e}"))
    }

    fn open(&mut self, target: &str) -> Transition {
        self.send(Event::Open {
            target: target.into(),
        })
    }

    fn press(&mut self, id: &str) -> Transition {
        self.send(Event::Press { id: id.into() })
    }

    fn submit(&mut self, field: &str, value: &str) -> Transition {
        self.send(Event::Submit {
            field: field.into(),
            value: value.into(),
        })
    }

    /// Submits a field whose value starts slow work, and runs it.
    fn submit_work(&mut self, field: &str, value: &str) -> Transition {
        let t = self.submit(field, value);
        self.finish(t)
    }

    /// Presses a button that starts slow work, and runs it.
    fn press_work(&mut self, id: &str) -> Transition {
        let t = self.press(id);
        self.finish(t)
    }

    /// Runs the slow work a transition asks for, as a shell does, and returns where it leads.
    fn finish(&mut self, t: Transition) -> Transition {
        match t.effect {
            Some(Effect::Work { job }) => {
                assert_eq!(t.screen.title, "One moment", "the busy screen");
                self.app.run_work(job).expect("the work runs")
            }
            other => panic!("expected work, got {other:?}"),
        }
    }

    fn screen(&self) -> Screen {
        self.app.current_screen()
    }

    fn vault_exists(&self) -> bool {
        Vault::exists(&self.dir.path().join("vault"))
    }
}

/// The field on a screen: (id, kind, error).
fn field(s: &Screen) -> Option<(String, InputKind, Option<String>)> {
    s.blocks.iter().find_map(|b| match b {
        Block::TextInput {
            id, kind, error, ..
        } => Some((id.clone(), *kind, error.clone())),
        _ => None,
    })
}

fn field_error(s: &Screen) -> Option<String> {
    field(s).and_then(|(_, _, e)| e)
}

/// Everything the screen shows, fields and buttons too.
fn texts(s: &Screen) -> String {
    lykt_core::app::plain::page_with_keys(s, &mut |_| "*".into())
}

fn link_labels(s: &Screen) -> Vec<String> {
    s.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Link { label, .. } => Some(label.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_pin_is_set_twice_with_the_vaults_rules_then_the_list_opens() {
    let mut p = Phone::new(true);
    let tools = p.open("tools").screen;
    assert!(support::links(&tools).contains(&"saved"));
    let s = p.open("saved").screen;
    assert_eq!(s.title, "Set a PIN for saved work");
    assert_eq!(
        field(&s),
        Some(("new_pin".into(), InputKind::Pin, None)),
        "a PIN field, hidden as it is typed"
    );
    assert!(
        !texts(&s).contains("secure key store"),
        "the phone's keystore protects it"
    );

    let s = p.submit("new_pin", "12").screen;
    assert_eq!(
        field_error(&s).as_deref(),
        Some("The PIN needs at least 6 characters.")
    );
    let s = p.submit("new_pin", PIN).screen;
    assert_eq!(field(&s).map(|f| f.0).as_deref(), Some("pin_again"));
    let s = p.submit("pin_again", "482917").screen;
    assert_eq!(
        field(&s),
        Some((
            "new_pin".into(),
            InputKind::Pin,
            Some("The two PINs were not the same. Choose a PIN again.".into())
        ))
    );
    p.submit("new_pin", PIN);
    let busy = p.submit("pin_again", PIN);
    assert!(!busy.screen.back_available && busy.screen.quick_exit.is_some());
    let refused = p.app.dispatch(Event::Back);
    assert_eq!(
        refused.map(|_| ()).map_err(|e| e.code()),
        Err("invalid_event")
    );
    let t = p.finish(busy);
    assert_eq!(t.screen.title, "Saved work");
    assert!(texts(&t.screen).contains("Nothing is saved."));
    assert!(p.vault_exists());
    assert_eq!(
        t.screen.tick_after_ms,
        Some(301_000),
        "a tick when the vault locks if nothing happens"
    );
}

#[test]
fn a_note_is_written_labelled_shown_shared_and_deleted() {
    let mut p = Phone::with_vault();
    let s = p.open("saved/note").screen;
    assert_eq!(
        field(&s).map(|f| (f.0, f.1)),
        Some(("note".into(), InputKind::Note))
    );
    p.send(Event::Input {
        field: "note".into(),
        value: "Companion".into(),
    });
    let s = p
        .submit("note", "Companion answered every question.")
        .screen;
    assert_eq!(
        field(&s).map(|f| (f.0, f.1)),
        Some(("label".into(), InputKind::Text))
    );
    assert!(texts(&s).contains("Do not write names"));
    for (label, error) in [
        ("case 010190 12345", "identity number"),
        ("call 412 34 567", "phone number"),
        ("   ", "1 to 80 characters"),
    ] {
        let s = p.submit("label", label).screen;
        let e = field_error(&s).unwrap_or_default();
        assert!(e.contains(error), "{label}: {e}");
    }
    let t = p.submit_work("label", "case 7");
    assert_eq!(
        t.effect,
        Some(Effect::Announce {
            text: "Saved as “case 7”.".into()
        })
    );
    assert_eq!(t.screen.id, "saved");
    assert_eq!(link_labels(&t.screen)[0], "case 7");
    let item = support::links(&t.screen)[0].to_owned();

    let s = p.open(&item).screen;
    assert_eq!(s.title, "case 7");
    assert!(texts(&s).contains("Companion answered every question."));
    assert!(texts(&s).contains("Note · saved 2026-11-30 · kept until 2026-12-30"));

    let delete = format!("delete/{}", &item["saved/".len()..]);
    let s = p.open(&delete).screen;
    assert_eq!(s.title, "Delete this item?");
    let s = p.press("cancel").screen;
    assert_eq!(s.id, item, "cancel goes back");
    p.open(&delete);
    let t = p.press_work("delete");
    assert_eq!(t.screen.id, "saved");
    assert!(
        texts(&t.screen).contains("Deleted.") && texts(&t.screen).contains("Nothing is saved.")
    );
    let gone = p.app.dispatch(Event::Open { target: item });
    assert_eq!(
        gone.map(|_| ()).map_err(|e| e.code()),
        Err("unknown_screen")
    );
}

#[test]
fn wrong_pins_are_refused_then_slowed_down_with_the_wait_in_words() {
    let mut p = Phone::with_vault();
    let s = p.press("lock").screen;
    assert_eq!(s.title, "Open saved work");
    assert!(texts(&s).contains("Saved work is locked."));
    for _ in 0..3 {
        let t = p.submit_work("pin", "000000");
        assert_eq!(field_error(&t.screen).as_deref(), Some("The PIN is wrong."));
        assert_eq!(
            t.effect,
            Some(Effect::Announce {
                text: "The PIN is wrong.".into()
            })
        );
    }
    let t = p.submit_work("pin", PIN);
    assert_eq!(
        field_error(&t.screen).as_deref(),
        Some("Too many wrong PINs. Try again in 30 seconds.")
    );
    p.at(31);
    let t = p.submit_work("pin", PIN);
    assert_eq!(t.screen.title, "Saved work");
}

#[test]
fn the_vault_locks_when_idle_and_after_a_long_trip_to_the_background() {
    let mut p = Phone::with_vault();
    p.at(200);
    p.open("saved/note");
    p.at(299);
    assert_eq!(p.screen().title, "Write a note", "input kept it open");
    p.at(2);
    assert_eq!(
        p.screen().title,
        "Open saved work",
        "idle longer than the vault allows: the screen goes with it"
    );
    let t = p.send(Event::Tick { at_ms: 1 });
    assert_eq!(t.screen.title, "Open saved work");

    p.submit_work("pin", PIN);
    p.send(Event::Background { at_ms: 1_000 });
    p.send(Event::Foreground { at_ms: 50_000 });
    assert_eq!(p.screen().title, "Write a note", "a glance at another app");
    p.send(Event::Background { at_ms: 60_000 });
    p.send(Event::Foreground { at_ms: 121_000 });
    assert_eq!(p.screen().title, "Open saved work");
}

#[test]
fn a_wipe_counts_down_can_be_cancelled_and_then_destroys_everything() {
    let mut p = Phone::with_vault();
    p.open("saved/wipe");
    let s = p.press("wipe").screen;
    assert!(texts(&s).contains("Wiping everything in 5 seconds."));
    assert_eq!(s.tick_after_ms, Some(1_000));
    p.at(2);
    let s = p.send(Event::Tick { at_ms: 2_000 }).screen;
    assert!(texts(&s).contains("in 3 seconds"));
    let s = p.press("cancel").screen;
    assert_eq!(s.id, "saved", "cancelled: back where it started");
    p.at(10);
    assert!(p.vault_exists());

    p.open("saved/wipe");
    p.press("wipe");
    p.at(WIPE_COUNTDOWN_SECS - 1);
    let t = p.send(Event::Tick { at_ms: 4_000 });
    assert_eq!(t.effect, None, "not yet");
    p.at(1);
    let t = p.send(Event::Tick { at_ms: 5_000 });
    let t = p.finish(t);
    assert_eq!(t.effect, Some(Effect::ForgetSecret));
    assert_eq!(t.screen.id, "saved");
    assert_eq!(t.screen.title, "Set a PIN for saved work");
    assert!(texts(&t.screen).contains("Everything saved has been wiped."));
    assert!(!p.vault_exists());
}

#[test]
fn quick_exit_during_the_countdown_cancels_the_wipe_and_locks() {
    let mut p = Phone::with_vault();
    p.open("saved/wipe");
    p.press("wipe");
    let t = p.send(Event::QuickExit);
    assert_eq!(t.screen.mode, Mode::Neutral);
    p.at(60);
    assert_eq!(p.send(Event::Tick { at_ms: 60_000 }).effect, None);
    assert!(p.vault_exists());
    p.open("home");
    p.open("saved");
    assert_eq!(p.screen().title, "Open saved work");
}

#[test]
fn quick_exit_while_work_runs_is_taken_at_once_and_the_outcome_ignored() {
    let mut p = Phone::with_vault();
    p.press("lock");
    let t = p.submit("pin", PIN);
    let Some(Effect::Work { job }) = t.effect else {
        panic!("work expected");
    };
    let work = p.app.take_work(job).expect("taken");
    assert_eq!(
        p.app.take_work(job).map(|_| ()).map_err(|e| e.code()),
        Err("invalid_event"),
        "a job runs once"
    );
    let left = p.send(Event::QuickExit);
    assert_eq!(left.screen.mode, Mode::Neutral);
    let t = p.app.finish_work(work.run());
    assert_eq!((t.screen.mode, t.effect), (Mode::Neutral, None));
    p.open("home");
    p.open("saved");
    assert_eq!(
        p.screen().title,
        "Open saved work",
        "the unlock that finished after the exit was locked again"
    );
}

#[test]
fn without_a_keystore_the_unlock_screen_says_so() {
    let mut p = Phone::new(false);
    let s = p.open("saved").screen;
    assert!(texts(&s).contains("no secure key store"), "{}", texts(&s));
    p.submit("new_pin", PIN);
    p.submit_work("pin_again", PIN);
    let s = p.press("lock").screen;
    assert!(texts(&s).contains("the PIN alone protects"));
}

#[test]
fn saved_screens_exist_only_where_saving_is_set_up_and_items_only_once_listed() {
    let mut plain = support::app_at("en", "2026-11-30T10:00:00Z");
    for target in ["saved", "saved/wipe"] {
        let r = plain.dispatch(Event::Open {
            target: target.into(),
        });
        assert_eq!(r.map(|_| ()).map_err(|e| e.code()), Err("unknown_screen"));
    }
    assert!(!support::links(&support::open(&mut plain, "tools")).contains(&"saved"));
    let mut p = Phone::new(true);
    for target in [
        "saved/wipe",
        "saved/0123456789abcdef0123456789abcdef",
        "save/assessment",
    ] {
        let r = p.app.dispatch(Event::Open {
            target: target.into(),
        });
        assert_eq!(
            r.map(|_| ()).map_err(|e| e.code()),
            Err("unknown_screen"),
            "{target}"
        );
    }
}

#[test]
fn the_placement_checklist_says_save_keeps_it_only_where_saving_is_set_up() {
    let mut plain = support::app_at("en", "2026-11-30T10:00:00Z");
    let text = texts(&support::open(&mut plain, "placement"));
    assert!(text.contains("kept"), "{text}");
    assert!(!text.contains("unless you"), "{text}");
    let text = texts(&Phone::new(true).open("placement").screen);
    assert!(text.contains("unless you"), "{text}");
    assert!(!text.contains("kept"), "{text}");
}

impl Phone {
    fn choose(&mut self, question: &str, option: &str) -> Transition {
        self.send(Event::Choose {
            question: question.into(),
            option: option.into(),
        })
    }

    fn set(&mut self, item: &str, status: &str) -> Transition {
        self.send(Event::SetStatus {
            item: item.into(),
            status: status.into(),
        })
    }

    /// Presses "Save" on the screen shown and saves under `label`, unlocking first when the
    /// vault is locked; returns the screen it comes back to.
    fn save_as(&mut self, label: &str) -> Screen {
        let s = self.press("save").screen;
        if field(&s).is_some_and(|f| f.0 == "pin") {
            self.submit_work("pin", PIN);
        }
        let s = self.screen();
        assert_eq!(
            field(&s).map(|f| (f.0, f.1)),
            Some(("label".into(), InputKind::Text)),
            "{}",
            texts(&s)
        );
        assert!(
            texts(&s).contains("name"),
            "the field says no names: {}",
            texts(&s)
        );
        self.submit_work("label", label).screen
    }

    /// The saved item labelled `label`, opened from the list.
    fn open_saved(&mut self, label: &str) -> Screen {
        let list = self.open("saved").screen;
        let target = list
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Link {
                    target, label: l, ..
                } if l == label => Some(target.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{label} in {}", texts(&list)));
        self.open(&target).screen
    }
}

fn buttons(s: &Screen) -> Vec<String> {
    s.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Button { id, .. } => Some(id.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_tools_result_is_saved_under_a_case_label_unlocking_first() {
    let mut p = Phone::with_vault();
    p.press("lock");
    p.open("assess");
    p.choose("minor", "no");
    let result = p.open("assess/result").screen;
    assert_eq!(buttons(&result), ["save", "share"]);
    let back = p.save_as("case 1");
    assert_eq!(back.id, "assess/result", "back on the result once saved");

    p.open("duties");
    p.choose("role", "public");
    assert_eq!(buttons(&p.screen()), ["save", "share"]);
    p.save_as("case 2");

    p.open("rights");
    p.choose("minor", "no");
    p.set("legal-aid", "informed");
    p.save_as("case 3");

    p.open("placement");
    p.set("emergency-decision", "done");
    assert_eq!(
        buttons(&p.screen()),
        ["save"],
        "no summary to share of a placement"
    );
    p.save_as("case 4");

    p.open("minors");
    assert!(
        buttons(&p.screen()).is_empty(),
        "nothing to save before the end"
    );
    for (q, a) in [
        ("danger", "yes"),
        ("health", "no"),
        ("age", "under-18"),
        ("accompanied", "alone"),
        ("conversation", "no"),
        ("role", "private"),
        ("reported", "no"),
    ] {
        p.choose(q, a);
    }
    p.save_as("case 5");

    let list = p.open("saved").screen;
    for (label, kind) in [
        ("case 1", "Assessment of indicators"),
        ("case 2", "Duties and next steps"),
        ("case 3", "Rights checklist"),
        ("case 4", "Emergency placement checklist"),
        ("case 5", "Children under 18: outcome of the decision flow"),
    ] {
        let detail = list.blocks.iter().find_map(|b| match b {
            Block::Link {
                label: l, detail, ..
            } if l == label => detail.clone(),
            _ => None,
        });
        assert!(
            detail.as_deref().is_some_and(|d| d.starts_with(kind)),
            "{label} is a {kind}: {detail:?}"
        );
    }
    let minors = texts(&p.open_saved("case 5"));
    assert!(
        minors.contains("Contact child welfare now") && minors.contains("Call 112"),
        "the outcome keeps its cards in full: {minors}"
    );
}

#[test]
fn a_saved_checklist_is_continued_where_it_was_left() {
    let mut p = Phone::with_vault();
    p.open("placement");
    p.set("emergency-decision", "done");
    p.set("schooling", "not_applicable");
    p.save_as("placement 1");
    p.set("guardian", "done");
    p.open("rights");
    p.choose("minor", "yes");
    p.choose("residence", "no-permit");
    p.set("legal-aid", "referred");
    p.save_as("rights 1");

    p.send(Event::QuickExit);
    p.open("home");
    let placement = p.open("placement").screen;
    assert!(
        texts(&placement).contains("0 of 13 done"),
        "quick exit forgot it"
    );

    p.open("saved");
    p.submit_work("pin", PIN);
    let item = p.open_saved("placement 1");
    assert!(buttons(&item).contains(&"continue".to_owned()));
    let s = p.press("continue").screen;
    assert_eq!(s.id, "placement");
    let text = texts(&s);
    assert!(text.contains("1 of 12 done"), "as it was saved: {text}");
    p.set("guardian", "done");
    assert!(texts(&p.screen()).contains("2 of 12 done"), "and goes on");

    p.open_saved("rights 1");
    let s = p.press("continue").screen;
    assert_eq!(s.id, "rights");
    let text = texts(&s);
    assert!(
        text.contains("1 of 13 rights dealt with"),
        "a child without a permit, legal aid referred: {text}"
    );
}

#[test]
fn a_result_shares_a_summary_without_names() {
    let mut p = Phone::with_vault();
    p.open("assess");
    p.choose("minor", "yes");
    p.open("assess/result");
    let t = p.press("share");
    match t.effect {
        Some(Effect::Share { text }) => {
            assert!(
                text.contains("without names") || text.contains("de-identified"),
                "{text}"
            );
            assert!(text.contains("Assessment"), "{text}");
        }
        other => panic!("share expected, got {other:?}"),
    }
}
