//! The app model: the core owns navigation and produces every screen.
//!
//! A shell shows [`App::current_screen`], sends user [`Event`]s to
//! [`App::dispatch`] and carries out the returned [`Effect`], if any.

mod away;
mod blocks;
mod contact_screens;
mod home;
pub(crate) mod info_screens;
mod language;
mod minors_screens;
pub mod plain;
mod quick_exit;
mod results;
pub mod route;
#[cfg(feature = "vault")]
mod saved;
#[cfg(not(feature = "vault"))]
#[path = "saved_off.rs"]
mod saved;
pub mod screen;
mod show_screens;
mod toolkit_screens;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use zeroize::Zeroize;

use crate::calendar::Instant;
use crate::content::ContentPack;
use crate::content::ui::Key;
use crate::error::Error;
use crate::info::trigger::ExitTrigger;
use crate::locale::Locales;
use crate::text::Text;
use crate::ui_keys as k;
pub use route::{Route, SavedRoute, ToolkitRoute};
#[cfg(feature = "vault")]
pub use saved::{Done, Storage, WIPE_COUNTDOWN_SECS, Work};
pub use screen::{
    Block, ChoiceOption, InputKind, Mode, NoticeLevel, QuickExit, Screen, ScreenLink, StatusKind,
};

/// The most screens kept for going back.
const MAX_DEPTH: usize = 32;

/// The platform the shell runs on; it decides how a quick exit leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// Android.
    Android,
    /// iOS.
    Ios,
    /// The terminal shell.
    Terminal,
    /// A web browser (the web shell); its keyboard trigger is Shift three times.
    Web,
}

/// Where a quick exit leaves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ExitTarget {
    /// Android: remove the task from recents and show the home screen.
    HomeScreen,
    /// iOS: switch at once to a neutral cover screen and clear navigation.
    CoverScreen,
    /// Terminal: clear the screen, then the scrollback, and end.
    ClearTerminal,
    /// Web: replace the page with the neutral page (`location.replace`, so Back cannot bring
    /// the content back), stop speech and clear the document.
    NeutralPage,
}

impl Platform {
    /// The neutral target of a quick exit on this platform.
    pub fn exit_target(self) -> ExitTarget {
        match self {
            Self::Android => ExitTarget::HomeScreen,
            Self::Ios => ExitTarget::CoverScreen,
            Self::Terminal => ExitTarget::ClearTerminal,
            Self::Web => ExitTarget::NeutralPage,
        }
    }
}

/// Something the user did.
///
/// Its serde form (`{"type": "open", "target": "info"}`) is what the web shell sends.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    /// Followed a link.
    Open {
        /// The link's target.
        target: String,
    },
    /// Answered a question.
    Choose {
        /// The question's id.
        question: String,
        /// The option's id.
        option: String,
    },
    /// Changed a checklist item's status.
    SetStatus {
        /// The item's id.
        item: String,
        /// The status id.
        status: String,
    },
    /// Pressed an action button.
    Act {
        /// The action's id.
        action: String,
    },
    /// Pressed a button.
    Press {
        /// The button's id.
        id: String,
    },
    /// Changed the value of a text field: the whole value, so the same event twice changes
    /// nothing more.
    Input {
        /// The field's id.
        field: String,
        /// Its whole value now.
        value: String,
    },
    /// Submitted a text field (the keyboard's return key, or the terminal's line): the whole
    /// value, so an input event lost on the way loses nothing.
    Submit {
        /// The field's id.
        field: String,
        /// Its whole value.
        value: String,
    },
    /// Went back.
    Back,
    /// Pressed the quick-exit button.
    QuickExit,
    /// Pressed the quick-exit key; three presses in time leave (see `info::trigger`).
    ExitKey {
        /// When, in milliseconds on the shell's monotonic clock.
        at_ms: u64,
    },
    /// Time passed: the tick a screen asked for with `tick_after_ms`.
    Tick {
        /// Now, in milliseconds on the shell's monotonic clock.
        at_ms: u64,
    },
    /// The app went to the background (another app, the home screen, the screen turned off).
    Background {
        /// When, in milliseconds on the shell's monotonic clock, which keeps counting while the
        /// device sleeps.
        at_ms: u64,
    },
    /// The app came back to the foreground.
    Foreground {
        /// When, on the same clock as [`Event::Background`] (which may differ from the exit
        /// key's).
        at_ms: u64,
    },
}

/// Something the shell must do after an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Effect {
    /// Open a `tel:`, `sms:`, `mailto:` or `https:` URI.
    OpenUri {
        /// The URI.
        uri: String,
    },
    /// Offer this text to the platform's share sheet.
    Share {
        /// The text.
        text: String,
    },
    /// Leave at once to the neutral target, stopping any speech.
    QuickExit {
        /// Where to go.
        target: ExitTarget,
    },
    /// Have the screen reader announce this text.
    Announce {
        /// The text.
        text: String,
    },
    /// Slow work is ready to run (checking a PIN, saving, deleting, wiping): run it off the UI
    /// thread with `run_work(job)` and show the transition it returns. The busy screen is shown
    /// meanwhile, and a quick exit is taken at any time.
    Work {
        /// The job's number.
        job: u64,
    },
    /// Saved work was wiped: delete the vault's secret from the platform's keystore, and the
    /// record kept beside it, so that no copy of the old files can ever be opened.
    ForgetSecret,
    /// Read `text` aloud with the platform's text-to-speech; a quick exit stops any speech.
    Speak {
        /// The text.
        text: String,
        /// Its language, a BCP 47 tag such as "ro".
        language: String,
    },
}

/// The result of an event: the screen to show and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Transition {
    /// The screen to show now.
    pub screen: Screen,
    /// The side effect to carry out, if any.
    pub effect: Option<Effect>,
}

/// Where the app takes the time from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The device clock.
    System,
    /// A fixed instant (tests, reviews, the terminal's `--at`).
    Fixed(Instant),
}

impl Clock {
    /// The current instant.
    pub fn now(self) -> Instant {
        match self {
            Self::System => chrono::Utc::now(),
            Self::Fixed(t) => t,
        }
    }
}

/// What screen builders need: the pack, the locales, the time and the platform.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ctx<'a> {
    pub pack: &'a Arc<ContentPack>,
    pub locales: &'a Locales,
    pub now: Instant,
    /// Whether this session can save work.
    pub saving: bool,
    pub platform: Platform,
}

impl<'a> Ctx<'a> {
    /// An interface string.
    pub fn ui(&self, key: Key) -> &'a str {
        self.pack.ui.get(key, self.locales)
    }

    /// An interface template, filled in.
    pub fn fill(&self, key: Key, values: &[(&str, &str)]) -> String {
        self.pack.ui.fill(key, self.locales, values)
    }

    /// A content text in the caller's locale.
    #[allow(dead_code)] // Feature screens built from content use it.
    pub fn text(&self, text: &'a Text) -> &'a str {
        text.get(self.locales)
    }

    /// A screen of `mode` with the common fields filled in.
    pub fn screen(&self, route: &Route, title: String, mode: Mode, blocks: Vec<Block>) -> Screen {
        let window_title = match mode {
            Mode::Professional => title.clone(),
            Mode::Info | Mode::Neutral => self.ui(k::APP_NAME).to_owned(),
        };
        Screen {
            id: route.target(),
            title,
            window_title,
            mode,
            direction: self.locales.direction(),
            back_available: false,
            back_label: self.ui(k::SCREEN_BACK).to_owned(),
            back_accessibility_label: self.ui(k::SCREEN_BACK_A11Y).to_owned(),
            quick_exit: None,
            secure: true,
            tick_after_ms: None,
            blocks,
        }
    }
}

/// The app: navigation state and the screens it produces.
///
/// The state lives in memory only: nothing is written anywhere, so a session leaves no
/// history, settings or last page behind. Routes the app forgets are zeroised.
#[derive(Debug)]
pub struct App {
    pack: Arc<ContentPack>,
    /// The locales the session started in; a quick exit goes back to them.
    start_locales: Locales,
    locales: Locales,
    platform: Platform,
    clock: Clock,
    stack: Vec<Route>,
    trigger: ExitTrigger,
    /// The shell's monotonic time as it last reported it (ms).
    shell_ms: u64,
    away: away::Away,
    minors: minors_screens::MinorsState,
    toolkit: toolkit_screens::ToolkitSession,
    saved: saved::Saved,
}

impl App {
    /// A new app on the start screen.
    pub fn new(pack: Arc<ContentPack>, locales: Locales, platform: Platform) -> Self {
        let toolkit = crate::toolkit::Toolkit::new(pack.clone(), locales.clone());
        // Full capacity up front: the stack never moves, so no stale copy is left behind.
        let mut stack = Vec::with_capacity(MAX_DEPTH);
        stack.push(Route::Home);
        Self {
            minors: minors_screens::MinorsState::new(&pack),
            pack,
            start_locales: locales.clone(),
            locales,
            platform,
            clock: Clock::System,
            stack,
            trigger: ExitTrigger::default(),
            shell_ms: 0,
            away: away::Away::default(),
            toolkit: toolkit_screens::ToolkitSession::new(toolkit),
            saved: saved::Saved::default(),
        }
    }

    #[cfg(feature = "vault")]
    /// Keeps saved work in `storage`: the tools get their "Save" buttons and the tools menu its
    /// way to saved work.
    pub fn with_storage(mut self, storage: Storage) -> Self {
        self.saved = saved::Saved::new(Some(storage));
        self
    }

    /// An interface string in the language the app uses now, for the words a shell adds
    /// around the screens (the terminal's prompts and footer).
    pub fn ui(&self, key: Key) -> &str {
        self.pack.ui.get(key, &self.locales)
    }

    /// Uses `clock` for open-now states and anything else time-dependent.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The screen the user is looking at.
    pub fn current_screen(&self) -> Screen {
        let route = self.stack.last().unwrap_or(&Route::Home);
        let ctx = self.ctx();
        let now = ctx.now.timestamp();
        let mut screen = match route {
            Route::Home => home::screen(&ctx, route),
            Route::Tools => home::tools(&ctx, route),
            Route::Neutral => home::neutral(&ctx, route),
            Route::Contacts { audience, query } => {
                contact_screens::list(&ctx, route, *audience, query.as_str())
            }
            Route::Contact { id } => contact_screens::detail(&ctx, route, id),
            Route::Info => info_screens::screen(&ctx, route, crate::info::START_PAGE),
            Route::InfoPage { id } => info_screens::screen(&ctx, route, id),
            Route::Language => language::screen(&ctx, route),
            Route::InfoInEnglish { id } => info_screens::in_english(&ctx, route, id),
            Route::Show => show_screens::choose_language(&ctx, route),
            Route::ShowCards { language, who } => {
                show_screens::cards(&ctx, route, language, who.as_deref())
            }
            Route::Minors => minors_screens::flow(&ctx, route, &self.minors),
            Route::MinorsCard { id } => minors_screens::card(&ctx, route, id),
            Route::Placement => minors_screens::placement(&ctx, route, &self.minors),
            Route::Toolkit(r) => toolkit_screens::screen(&ctx, route, r, &self.toolkit),
            Route::Saved(r) => saved::screen(&ctx, route, r, &self.saved, now),
        };
        if let Some(busy) = self.saved.busy() {
            screen = saved::busy_screen(&ctx, route, busy);
        }
        screen.back_available =
            self.saved.busy().is_none() && (self.stack.len() > 1 || self.minors.can_go_back(route));
        self.add_quick_exit(&ctx, &mut screen);
        if !route.translated() {
            // The professionals' tools exist in English and Norwegian, both left to right.
            screen.direction = crate::locale::TextDirection::Ltr;
        }
        crate::bidi::lay_out(&mut screen);
        screen
    }

    /// The contact list (for one audience, if given) as it shows after typing `query` into its
    /// search field: the same screen and the same search; navigation does not change.
    pub fn contacts_search(
        &self,
        audience: Option<crate::contacts::Audience>,
        query: &str,
    ) -> Screen {
        let route = Route::contacts(audience);
        contact_screens::list(&self.ctx(), &route, audience, query)
    }

    /// Writes every screen in `locales` from now on; answers given so far stay.
    fn use_locales(&mut self, locales: Locales) {
        let toolkit = crate::toolkit::Toolkit::new(self.pack.clone(), locales.clone());
        self.toolkit.relocalise(toolkit);
        self.locales = locales;
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            pack: &self.pack,
            locales: &self.locales,
            now: self.clock.now(),
            saving: self.saved.available(),
            platform: self.platform,
        }
    }

    /// Handles a user event and returns the next screen and any effect.
    ///
    /// On error nothing changes. Any event but the exit key and ticks resets the exit key's count.
    pub fn dispatch(&mut self, event: Event) -> Result<Transition, Error> {
        let keeps_count = matches!(event, Event::ExitKey { .. } | Event::Tick { .. });
        let by_person =
            !keeps_count && !matches!(event, Event::Background { .. } | Event::Foreground { .. });
        if by_person && event != Event::QuickExit && self.saved.busy().is_some() {
            return Err(Error::InvalidEvent {
                message: "the app is busy; only quick exit works until it is done".into(),
            });
        }
        self.saved.at(self.clock.now().timestamp(), by_person);
        let effect = match event {
            Event::Open { target } => {
                let route = self.resolve(&target)?;
                self.minors.open(&route);
                if let Route::Saved(r) = &route {
                    self.open_saved(r);
                }
                self.push(route);
                None
            }
            Event::Back => {
                if !self.minors.back(self.stack.last()) {
                    self.pop();
                }
                None
            }
            Event::Act { action } => {
                let screen = self.current_screen();
                let uri = screen
                    .actions()
                    .find(|a| a.id == action)
                    .map(|a| a.uri.clone())
                    .ok_or_else(|| Error::InvalidEvent {
                        message: format!("this screen has no action \"{action}\""),
                    })?;
                Some(Effect::OpenUri { uri })
            }
            Event::Press { id } => self.press(&id)?,
            Event::Input { field, value } => self.input(&field, value, false)?,
            Event::Submit { field, value } => self.input(&field, value, true)?,
            Event::Choose { question, option } => {
                self.choose(&question, &option)?;
                None
            }
            Event::SetStatus { item, status } => {
                self.set_status(&item, &status)?;
                None
            }
            Event::QuickExit => Some(Effect::QuickExit {
                target: self.quick_exit(),
            }),
            Event::ExitKey { at_ms } => {
                self.shell_ms = at_ms;
                self.exit_key(at_ms)
            }
            Event::Tick { at_ms } => {
                self.shell_ms = at_ms;
                self.trigger.tick(at_ms);
                self.tick_saved()
            }
            Event::Background { at_ms } => {
                self.away.leave(at_ms);
                None
            }
            Event::Foreground { at_ms } => {
                self.come_back(at_ms);
                None
            }
        };
        if by_person {
            self.away
                .input(matches!(effect, Some(Effect::OpenUri { .. })));
        }
        if !keeps_count {
            self.trigger.reset();
        }
        Ok(Transition {
            screen: self.current_screen(),
            effect,
        })
    }

    /// Parses a target and checks that what it names exists.
    fn resolve(&self, target: &str) -> Result<Route, Error> {
        let route = Route::parse(target)?;
        let exists = match &route {
            Route::Contact { id } => self.pack.contact(id).is_some(),
            Route::InfoPage { id } => {
                id != crate::info::START_PAGE
                    && self
                        .pack
                        .info_page(id)
                        .is_some_and(|p| p.on_web_instead_of.is_none())
            }
            Route::InfoInEnglish { id } => self.pack.info_page(id).is_some(),
            Route::ShowCards { language, .. } => show_screens::offered(&self.ctx(), language),
            Route::MinorsCard { id } => self.pack.minors.flow.card(id).is_some(),
            Route::Home
            | Route::Tools
            | Route::Neutral
            | Route::Contacts { .. }
            | Route::Info
            | Route::Language
            | Route::Show
            | Route::Minors
            | Route::Placement => true,
            Route::Toolkit(r) => toolkit_screens::exists(&self.toolkit, r),
            Route::Saved(r) => self.saved_route_exists(r),
        };
        if exists {
            Ok(route)
        } else {
            Err(Error::UnknownScreen {
                target: target.to_owned(),
            })
        }
    }

    /// What pressing the button `id` on the current screen does.
    fn press(&mut self, id: &str) -> Result<Option<Effect>, Error> {
        if !self.current_screen().buttons().any(|b| b == id) {
            return Err(Error::InvalidEvent {
                message: format!("this screen has no button \"{id}\""),
            });
        }
        Ok(match self.stack.last().cloned() {
            Some(Route::Saved(r)) => self.press_saved(&r, id),
            Some(Route::ShowCards { language, .. }) => {
                show_screens::press(&self.ctx(), &language, id)
            }
            Some(route) => self.press_result(&route, id),
            None => None,
        })
    }

    /// A text field's new value (`submit`: the value submitted). The value is wiped from
    /// memory once used, whatever happens.
    fn input(&mut self, field: &str, value: String, submit: bool) -> Result<Option<Effect>, Error> {
        let value = zeroize::Zeroizing::new(value);
        if self.current_screen().text_input(field).is_none() {
            return Err(Error::InvalidEvent {
                message: format!("this screen has no field \"{field}\""),
            });
        }
        // The contact search follows every change, and a submit is one more change.
        if let Some(Route::Contacts { query, .. }) = self.stack.last_mut() {
            query.set(value);
            return Ok(self.search_announcement());
        }
        Ok(match self.stack.last().cloned() {
            Some(Route::Saved(r)) => self.input_saved(&r, field, value, submit),
            _ => None,
        })
    }

    /// What a screen reader says after the contact search changed: the list changes out of its
    /// sight, so it is told how many contacts were found, or that none were.
    fn search_announcement(&self) -> Option<Effect> {
        let Some(Route::Contacts { audience, query }) = self.stack.last() else {
            return None;
        };
        contact_screens::found(&self.ctx(), *audience, query.as_str())
            .map(|text| Effect::Announce { text })
    }

    /// Answers a question on the current screen.
    fn choose(&mut self, question: &str, option: &str) -> Result<(), Error> {
        match self.stack.last() {
            Some(Route::Language) => self.choose_language(question, option),
            Some(Route::Minors) => self.minors.choose(question, option),
            Some(Route::ShowCards { .. }) => self.say_who(question, option),
            Some(Route::Toolkit(_)) => {
                let screen = self.current_screen();
                self.toolkit.choose(&screen, question, option)
            }
            _ => Err(no_question(question)),
        }
    }

    /// The professional's answer to who they are, kept in the route (in memory only, and
    /// zeroised with it).
    fn say_who(&mut self, question: &str, option: &str) -> Result<(), Error> {
        if question != show_screens::WHO_QUESTION {
            return Err(no_question(question));
        }
        if !crate::show::WHO.contains(&option) {
            return Err(Error::InvalidAnswer {
                step: question.to_owned(),
                answer: option.to_owned(),
                valid: crate::show::WHO.iter().map(|w| (*w).to_owned()).collect(),
            });
        }
        if let Some(Route::ShowCards { who, .. }) = self.stack.last_mut() {
            who.zeroize();
            *who = Some(option.to_owned());
        }
        Ok(())
    }

    /// Sets the status of a checklist item on the current screen.
    fn set_status(&mut self, item: &str, status: &str) -> Result<(), Error> {
        match self.stack.last() {
            Some(Route::Placement) => self.minors.set_status(&self.pack, item, status),
            Some(Route::Toolkit(r)) => {
                let screen = self.current_screen();
                self.toolkit.set_status(r, &screen, item, status)
            }
            _ => Err(Error::InvalidEvent {
                message: format!("this screen has no checklist item \"{item}\""),
            }),
        }
    }

    /// Goes back one screen, forgetting the one left; the first screen stays.
    fn pop(&mut self) {
        if self.stack.len() > 1
            && let Some(mut route) = self.stack.pop()
        {
            route.zeroize();
        }
    }

    /// Opens `route`; the start screen forgets everything before it.
    fn push(&mut self, route: Route) {
        if self.stack.last() == Some(&route) {
            return;
        }
        if route == Route::Home {
            self.stack.zeroize();
            self.stack.push(Route::Home);
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            self.stack.remove(1).zeroize();
        }
        self.stack.push(route);
    }
}

/// The error for an answer to a question the current screen does not ask.
pub(super) fn no_question(question: &str) -> Error {
    Error::InvalidEvent {
        message: format!("this screen has no question \"{question}\""),
    }
}
