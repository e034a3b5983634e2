//! Quick exit: the button on every discreet screen, its keyboard trigger, and the wipe.

use zeroize::Zeroize;

use super::{App, Ctx, Effect, ExitTarget, QuickExit, Route};
use crate::info::trigger::{ExitTrigger, PRESSES_NEEDED, Press};
use crate::ui_keys::info as vk;

/// The quick-exit button and the progress of its keyboard trigger.
pub(super) fn affordance(ctx: &Ctx<'_>, trigger: &ExitTrigger) -> QuickExit {
    let presses = trigger.presses();
    QuickExit {
        label: ctx.ui(vk::QUICK_EXIT_LABEL).to_owned(),
        accessibility_label: ctx.ui(vk::QUICK_EXIT_A11Y).to_owned(),
        hint: ctx.ui(vk::QUICK_EXIT_HINT).to_owned(),
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
        tick_at_ms: trigger.lapses_at(),
    }
}

impl App {
    /// Leaves at once: wipes the session and says where the shell must go.
    ///
    /// Every route on the stack and the trigger state are zeroised; the app then shows only
    /// the neutral screen, with nothing to go back to. Allocates nothing.
    pub fn quick_exit(&mut self) -> ExitTarget {
        self.stack.zeroize();
        self.trigger.zeroize();
        self.minors.clear();
        self.toolkit.clear();
        self.stack.push(Route::Neutral);
        self.platform.exit_target()
    }

    /// A press of the exit key: counts on discreet screens, leaves on the last press.
    pub(super) fn exit_key(&mut self, at_ms: u64) -> Option<Effect> {
        if !self.on_info_screen() {
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

    /// True when the screen shown carries the quick-exit button.
    pub(super) fn on_info_screen(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Route::Info | Route::InfoPage { .. } | Route::InfoInEnglish { .. })
        )
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
    fn the_exit_key_counts_only_on_info_screens() {
        let mut app = app(Platform::Ios);
        for at_ms in [0, 10, 20] {
            let t = app.dispatch(Event::ExitKey { at_ms }).expect("ignored");
            assert_eq!(t.effect, None);
        }
        assert_eq!(app.current_screen().id, "home");
        open(&mut app, "info");
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
