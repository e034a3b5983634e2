//! Quick exit: the button on every screen but the neutral one it leads to, its second trigger,
//! and the wipe.
//!
//! The contact list and the tools name the app's subject as plainly as the discreet pages, so
//! every screen offers the way out (as GOV.UK puts its exit on every page of a sensitive
//! service). The second trigger is the one that exists on the platform: the volume-down key
//! three times on Android, Shift three times with a keyboard on iOS (not while the screen has a
//! field to type in, where Shift types capitals), the same in a browser, `x` in the terminal.

use zeroize::Zeroize;

use super::{App, Ctx, Effect, ExitTarget, Mode, Platform, QuickExit, Route, Screen};
use crate::info::trigger::{ExitTrigger, PRESSES_NEEDED, Press};
use crate::ui_keys::info as vk;

/// How to use the second trigger where the screen is shown.
fn hint(ctx: &Ctx<'_>, platform: Platform, typing: bool) -> String {
    ctx.ui(match platform {
        Platform::Android => vk::QUICK_EXIT_HINT_ANDROID,
        Platform::Ios | Platform::Web if typing => vk::QUICK_EXIT_HINT_BUTTON,
        Platform::Ios | Platform::Web => vk::QUICK_EXIT_HINT_KEYBOARD,
        Platform::Terminal => vk::QUICK_EXIT_HINT_TERMINAL,
    })
    .to_owned()
}

/// Whether a screen has a field to type in.
fn typing(screen: &Screen) -> bool {
    screen
        .blocks
        .iter()
        .any(|b| matches!(b, super::Block::TextInput { .. }))
}

/// The quick-exit button and the progress of its keyboard trigger, as `platform` shows it.
pub(super) fn affordance(
    ctx: &Ctx<'_>,
    trigger: &ExitTrigger,
    platform: Platform,
    typing: bool,
) -> QuickExit {
    let presses = trigger.presses();
    QuickExit {
        label: ctx.ui(vk::QUICK_EXIT_LABEL).to_owned(),
        accessibility_label: ctx.ui(vk::QUICK_EXIT_A11Y).to_owned(),
        hint: hint(ctx, platform, typing),
        presses,
        presses_needed: PRESSES_NEEDED,
        progress: (presses > 0).then(|| {
            ctx.fill(
                vk::QUICK_EXIT_PROGRESS,
                &[
                    ("count", &presses.to_string()),
                    ("needed", &PRESSES_NEEDED.to_string()),
                ],
            )
        }),
    }
}

impl App {
    /// Puts the quick-exit button on `screen` (every screen but the neutral one), with the tick
    /// that clears the key's progress on time.
    pub(super) fn add_quick_exit(&self, ctx: &Ctx<'_>, screen: &mut Screen) {
        if screen.mode == Mode::Neutral {
            return;
        }
        let typing = typing(screen);
        screen.quick_exit = Some(affordance(ctx, &self.trigger, self.platform, typing));
        if let Some(lapse) = self.trigger.lapses_at() {
            let after = lapse.saturating_sub(self.shell_ms);
            screen.tick_after_ms = Some(screen.tick_after_ms.map_or(after, |t| t.min(after)));
        }
    }

    /// Leaves at once: wipes the session and says where the shell must go.
    ///
    /// Every route on the stack, every answer and the trigger state are zeroised and the
    /// language goes back to the one the session started in; the app then shows only the
    /// neutral screen, with nothing to go back to.
    pub fn quick_exit(&mut self) -> ExitTarget {
        self.end_session();
        self.platform.exit_target()
    }

    /// Wipes the session and shows the neutral screen: a quick exit, or a return from the
    /// background that ends the discreet session.
    pub(super) fn end_session(&mut self) {
        self.stack.zeroize();
        self.trigger.zeroize();
        self.away = super::away::Away::default();
        self.minors.clear();
        self.toolkit.clear();
        self.saved.forget();
        self.use_locales(self.start_locales.clone());
        self.stack.push(Route::Neutral);
    }

    /// Back from the background at `at_ms`: the discreet session ends unless the trip was for a
    /// link the person opened from it.
    pub(super) fn come_back(&mut self, at_ms: u64) {
        let Some(back) = self.away.come_back(at_ms) else {
            return;
        };
        if back.lock_saved {
            self.saved.lock();
        }
        if back.discreet_over && self.stack.iter().any(Route::is_discreet) {
            self.end_session();
        }
    }

    /// A press of the exit key: counts where the screen offers quick exit (on iOS not while it
    /// has a field, where the key types), leaves on the last press.
    pub(super) fn exit_key(&mut self, at_ms: u64) -> Option<Effect> {
        let screen = self.current_screen();
        if screen.quick_exit.is_none() || (self.platform == Platform::Ios && typing(&screen)) {
            return None;
        }
        match self.trigger.press(at_ms) {
            Press::Exit => Some(Effect::QuickExit {
                target: self.quick_exit(),
            }),
            Press::Counted { remaining, .. } => {
                let ctx = self.ctx();
                let text = if remaining == 1 {
                    ctx.ui(vk::QUICK_EXIT_ANNOUNCE_ONE).to_owned()
                } else {
                    ctx.fill(
                        vk::QUICK_EXIT_ANNOUNCE_MANY,
                        &[("remaining", &remaining.to_string())],
                    )
                };
                Some(Effect::Announce { text })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Clock, Event, Mode, Platform};
    use super::*;
    use crate::content::ContentPack;
    use crate::locale::Locales;

    fn app(platform: Platform) -> App {
        let pack = ContentPack::embedded().expect("valid pack");
        let mut app = App::new(pack, Locales::base(), platform);
        app.set_clock(Clock::Fixed(
            crate::calendar::parse_instant("2026-03-27T14:30:00Z").expect("instant"),
        ));
        app
    }

    fn open(app: &mut App, target: &str) {
        app.dispatch(Event::Open {
            target: target.into(),
        })
        .expect("opens");
    }

    #[test]
    fn quick_exit_wipes_everything_and_leaves_only_the_neutral_screen() {
        let mut app = app(Platform::Android);
        open(&mut app, "info");
        open(&mut app, "info/danger");
        open(&mut app, "info/under-18");
        app.dispatch(Event::ExitKey { at_ms: 100 }).expect("press");
        let buffer = app.stack.as_ptr();
        let t = app.dispatch(Event::QuickExit).expect("leaves");
        assert_eq!(
            t.effect,
            Some(Effect::QuickExit {
                target: ExitTarget::HomeScreen
            })
        );
        assert_eq!(app.stack, [Route::Neutral]);
        assert_eq!(
            app.stack.as_ptr(),
            buffer,
            "the wipe reuses the stack's memory"
        );
        assert_eq!(app.trigger, ExitTrigger::default());
        assert_eq!(t.screen.id, "neutral");
        assert_eq!(t.screen.mode, Mode::Neutral);
        assert!(!t.screen.back_available);
        assert!(t.screen.quick_exit.is_none());
        let after_back = app.dispatch(Event::Back).expect("back is harmless");
        assert_eq!(after_back.screen, t.screen);
    }

    #[test]
    fn each_platform_leaves_to_its_neutral_target() {
        for (platform, target) in [
            (Platform::Android, ExitTarget::HomeScreen),
            (Platform::Ios, ExitTarget::CoverScreen),
            (Platform::Terminal, ExitTarget::ClearTerminal),
            (Platform::Web, ExitTarget::NeutralPage),
        ] {
            let mut app = app(platform);
            open(&mut app, "info/safety");
            assert_eq!(app.quick_exit(), target);
        }
    }

    #[test]
    fn every_screen_but_the_neutral_one_offers_quick_exit_and_counts_the_key() {
        let mut app = app(Platform::Ios);
        for target in [
            "home",
            "tools",
            "contacts",
            "contact/rosa",
            "info",
            "language",
        ] {
            open(&mut app, target);
            assert!(app.current_screen().quick_exit.is_some(), "{target}");
        }
        let t = app.dispatch(Event::ExitKey { at_ms: 30 }).expect("counts");
        assert_eq!(
            t.effect,
            Some(Effect::Announce {
                text: "Press 2 more times to leave".into()
            })
        );
        let q = t.screen.quick_exit.expect("affordance");
        assert_eq!((q.presses, q.presses_needed), (1, 3));
        assert_eq!(q.progress.as_deref(), Some("Pressed 1 of 3 times"));
        assert_eq!(t.screen.tick_after_ms, Some(5_001), "the window and one ms");
        let t = app
            .dispatch(Event::Tick { at_ms: 2_030 })
            .expect("early tick");
        assert_eq!(t.screen.tick_after_ms, Some(3_001), "counted from the tick");
        app.quick_exit();
        let neutral = app.current_screen();
        assert!(neutral.quick_exit.is_none() && neutral.tick_after_ms.is_none());
        let t = app.dispatch(Event::ExitKey { at_ms: 40 }).expect("ignored");
        assert_eq!(t.effect, None);
    }

    #[test]
    fn the_hint_names_the_trigger_the_platform_has() {
        for (platform, key) in [
            (Platform::Android, "volume-down"),
            (Platform::Ios, "Shift"),
            (Platform::Terminal, "Type x"),
        ] {
            let hint = app(platform)
                .current_screen()
                .quick_exit
                .expect("button")
                .hint;
            assert!(hint.contains(key), "{platform:?}: {hint}");
        }
    }

    #[test]
    fn quick_exit_goes_back_to_the_language_the_session_started_in() {
        let mut app = app(Platform::Android);
        open(&mut app, "language");
        app.dispatch(Event::Choose {
            question: "language".into(),
            option: "nb".into(),
        })
        .expect("chosen");
        assert_eq!(app.current_screen().title, "Språk");
        app.quick_exit();
        assert_eq!(app.current_screen().blocks.len(), 2);
        open(&mut app, "language");
        assert_eq!(app.current_screen().title, "Language");
    }

    #[test]
    fn going_back_and_home_forget_routes_without_moving_the_stack() {
        let mut app = app(Platform::Android);
        let buffer = app.stack.as_ptr();
        open(&mut app, "info");
        open(&mut app, "info/help");
        app.dispatch(Event::Back).expect("back");
        assert_eq!(app.stack, [Route::Home, Route::Info]);
        open(&mut app, "home");
        assert_eq!(app.stack, [Route::Home]);
        for i in 0..2 * super::super::MAX_DEPTH {
            open(&mut app, if i % 2 == 0 { "info/help" } else { "info/work" });
        }
        assert_eq!(app.stack.len(), super::super::MAX_DEPTH);
        assert_eq!(app.stack.as_ptr(), buffer);
    }
}
