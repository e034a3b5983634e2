//! Lykt in a web browser: the same entry object and app model as the phones, without the vault.
//!
//! The page exchanges the core's own serde forms as JSON text: it sends an [`Event`]
//! (`{"type": "open", "target": "info"}`) and gets back the [`Transition`] or the error, and
//! renders the [`lykt_core::app::Screen`] in it. Nothing here decides anything about the domain.

use lykt_core::app::{App, Event, Platform, Transition};
use lykt_core::content::ContentPack;
use lykt_core::ui_keys as k;
use lykt_core::{Error, Lykt};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// One session of the app in a page, in memory only.
#[derive(Debug)]
pub struct Session {
    lykt: Lykt,
    app: App,
}

/// What a dispatched event came to.
#[derive(Debug, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reply {
    /// The next screen and the effect to carry out.
    Transition(Box<Transition>),
    /// The event was refused; nothing changed.
    Error {
        /// The error's stable kind, such as `unknown_screen`.
        code: &'static str,
        /// What went wrong, for people reading logs of tests (never shown on the page).
        message: String,
    },
}

/// The words the page itself shows around screens, in the session's language.
#[derive(Debug, Serialize)]
pub struct ShellText {
    /// The back button.
    pub back: String,
    /// The calm message after the module stopped or refused an event.
    pub stopped_title: String,
    /// Its text.
    pub stopped_text: String,
    /// Its button back to the start.
    pub stopped_restart: String,
    /// Said after text was copied where the browser cannot share.
    pub copied: String,
}

impl Session {
    /// A session on the start screen in the browser's `languages`; tags the core cannot read
    /// are skipped, so an odd browser setting never stops the page.
    pub fn open(languages: &[String]) -> Result<Self, Error> {
        let pack = ContentPack::embedded()?;
        let readable: Vec<&str> = languages
            .iter()
            .map(String::as_str)
            .filter(|tag| pack.locales(&[*tag]).is_ok())
            .collect();
        let lykt = Lykt::with_pack(pack, &readable)?;
        let app = lykt.app(Platform::Web);
        Ok(Self { lykt, app })
    }

    /// A session as a quick exit leaves it: the neutral screen with nothing to go back to.
    pub fn left(languages: &[String]) -> Result<Self, Error> {
        let mut session = Self::open(languages)?;
        session.app.quick_exit();
        Ok(session)
    }

    /// The current screen as JSON.
    pub fn screen(&self) -> String {
        to_json(&self.app.current_screen())
    }

    /// Handles an event given as JSON and returns the [`Reply`] as JSON.
    pub fn dispatch(&mut self, event: &str) -> String {
        let reply = match serde_json::from_str::<Event>(event) {
            Ok(event) => match self.app.dispatch(event) {
                Ok(t) => Reply::Transition(Box::new(t)),
                Err(e) => Reply::Error {
                    code: e.code(),
                    message: e.to_string(),
                },
            },
            Err(e) => Reply::Error {
                code: "invalid_event",
                message: format!("not an event: {e}"),
            },
        };
        to_json(&reply)
    }

    /// The language screens are written in, for the page's `lang`.
    pub fn locale(&self) -> String {
        self.lykt.locales().primary().to_owned()
    }

    /// The page's own words as JSON.
    pub fn shell_text(&self) -> String {
        let ui = |key| self.lykt.pack().ui.get(key, self.lykt.locales()).to_owned();
        to_json(&ShellText {
            back: ui(k::SCREEN_BACK),
            stopped_title: ui(k::STOPPED_TITLE),
            stopped_text: ui(k::STOPPED_TEXT),
            stopped_restart: ui(k::STOPPED_RESTART),
            copied: ui(k::SHARE_COPIED),
        })
    }
}

/// Serialises a model; the core's models always serialise.
fn to_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// The session as the page sees it (see [`Session`]).
#[wasm_bindgen]
#[derive(Debug)]
pub struct WebApp(Session);

#[wasm_bindgen]
impl WebApp {
    /// A session on the start screen in the browser's languages (`navigator.languages`).
    #[wasm_bindgen(constructor)]
    pub fn new(languages: Vec<String>) -> Result<WebApp, JsError> {
        Session::open(&languages)
            .map(Self)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The session the neutral page shows after a quick exit.
    pub fn left(languages: Vec<String>) -> Result<WebApp, JsError> {
        Session::left(&languages)
            .map(Self)
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// The current screen as JSON.
    pub fn screen(&self) -> String {
        self.0.screen()
    }

    /// Handles an event (JSON) and returns the transition or the error (JSON).
    pub fn dispatch(&mut self, event: &str) -> String {
        self.0.dispatch(event)
    }

    /// The language screens are written in.
    pub fn locale(&self) -> String {
        self.0.locale()
    }

    /// The page's own words as JSON.
    #[wasm_bindgen(js_name = shellText)]
    pub fn shell_text(&self) -> String {
        self.0.shell_text()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn session(languages: &[&str]) -> Session {
        let languages: Vec<String> = languages.iter().map(|s| (*s).to_owned()).collect();
        Session::open(&languages).expect("opens")
    }

    fn send(s: &mut Session, event: Value) -> Value {
        serde_json::from_str(&s.dispatch(&event.to_string())).expect("JSON")
    }

    #[test]
    fn events_in_the_cores_serde_form_move_through_the_app() {
        let mut s = session(&["nb-NO", "en"]);
        assert_eq!(s.locale(), "nb");
        let r = send(&mut s, json!({"type": "open", "target": "info"}));
        assert_eq!(r["transition"]["screen"]["id"], "info");
        assert_eq!(r["transition"]["effect"], Value::Null);
        let r = send(&mut s, json!({"type": "exit_key", "at_ms": 10}));
        assert_eq!(r["transition"]["effect"]["type"], "announce");
        let r = send(&mut s, json!({"type": "quick_exit"}));
        assert_eq!(
            r["transition"]["effect"],
            json!({"type": "quick_exit", "target": "neutral_page"})
        );
        assert_eq!(r["transition"]["screen"]["id"], "neutral");
    }

    #[test]
    fn refused_and_malformed_events_come_back_as_errors_and_change_nothing() {
        let mut s = session(&["en"]);
        let before = s.screen();
        let r = send(&mut s, json!({"type": "open", "target": "nowhere"}));
        assert_eq!(r["error"]["code"], "unknown_screen");
        for bad in [
            json!({"type": "fly"}),
            json!({"type": "open"}),
            json!({"type": "open", "target": "info", "extra": 1}),
            json!("back"),
        ] {
            let r = send(&mut s, bad.clone());
            assert_eq!(r["error"]["code"], "invalid_event", "{bad}");
        }
        assert!(s.dispatch("not json").starts_with("{\"error\":"));
        assert_eq!(s.screen(), before);
    }

    #[test]
    fn unreadable_browser_languages_are_skipped() {
        let s = session(&["x", "nb-NO"]);
        assert_eq!(s.locale(), "nb");
        assert_eq!(session(&[]).locale(), "en");
    }

    #[test]
    fn the_neutral_page_session_has_nothing_behind_it() {
        let s = Session::left(&["en".to_owned()]).expect("opens");
        let screen: Value = serde_json::from_str(&s.screen()).expect("JSON");
        assert_eq!(screen["id"], "neutral");
        assert_eq!(screen["back_available"], false);
    }

    #[test]
    fn the_pages_own_words_come_from_the_core_in_its_language() {
        let text: Value = serde_json::from_str(&session(&["nb"]).shell_text()).expect("JSON");
        assert_eq!(text["back"], "Tilbake");
        assert_eq!(text["stopped_restart"], "Start på nytt");
    }
}
