//! One-tap actions: a URI a shell can open without thinking, with labels for sight and sound.

use serde::Serialize;

use crate::content::ui::Ui;
use crate::locale::Locales;
use crate::ui_keys as k;

/// What an action does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// Start a phone call (`tel:`).
    Call,
    /// Write an SMS (`sms:`).
    Sms,
    /// Write an e-mail (`mailto:`).
    Email,
    /// Open a web page (`https:`).
    Web,
    /// Open a chat service's web page (`https:`).
    Chat,
}

/// An action a shell performs as it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Action {
    /// Id unique within its screen, for example `rosa.call.0`.
    pub id: String,
    /// What it does.
    pub kind: ActionKind,
    /// The URI to open: `tel:`, `sms:`, `mailto:` or `https:`.
    pub uri: String,
    /// The visible label, for example "Call 22 33 11 60".
    pub label: String,
    /// What a screen reader says, for example "Call ROSA on 2 2 3 3 1 1 6 0".
    pub accessibility_label: String,
}

/// Builds actions in the caller's language.
#[derive(Clone, Copy, Debug)]
pub struct ActionLabels<'a> {
    ui: &'a Ui,
    locales: &'a Locales,
}

impl<'a> ActionLabels<'a> {
    /// Labels from `ui` in `locales`.
    pub fn new(ui: &'a Ui, locales: &'a Locales) -> Self {
        Self { ui, locales }
    }

    /// A call to `dial` (digits, optional leading +), shown as `display`.
    pub fn call(&self, id: String, name: &str, dial: &str, display: &str, abroad: bool) -> Action {
        let (key, a11y) = if abroad {
            (k::ACTION_CALL_ABROAD, k::ACTION_CALL_ABROAD_A11Y)
        } else {
            (k::ACTION_CALL, k::ACTION_CALL_A11Y)
        };
        Action {
            id,
            kind: ActionKind::Call,
            uri: format!("tel:{dial}"),
            label: self.ui.fill(key, self.locales, &[("number", display)]),
            accessibility_label: self.ui.fill(
                a11y,
                self.locales,
                &[("name", name), ("digits", &self.digits(dial))],
            ),
        }
    }

    /// An SMS to `number`.
    pub fn sms(&self, id: String, name: &str, number: &str, display: &str) -> Action {
        Action {
            id,
            kind: ActionKind::Sms,
            uri: format!("sms:{number}"),
            label: self
                .ui
                .fill(k::ACTION_SMS, self.locales, &[("number", display)]),
            accessibility_label: self.ui.fill(
                k::ACTION_SMS_A11Y,
                self.locales,
                &[("name", name), ("digits", &self.digits(number))],
            ),
        }
    }

    /// An e-mail to `address`.
    pub fn email(&self, id: String, name: &str, address: &str) -> Action {
        Action {
            id,
            kind: ActionKind::Email,
            uri: format!("mailto:{address}"),
            label: self
                .ui
                .fill(k::ACTION_EMAIL, self.locales, &[("address", address)]),
            accessibility_label: self.ui.fill(
                k::ACTION_EMAIL_A11Y,
                self.locales,
                &[("name", name), ("address", address)],
            ),
        }
    }

    /// A web page or chat at `url`.
    pub fn web(&self, id: String, name: &str, url: &str, chat: bool) -> Action {
        let shown = url.trim_start_matches("https://").trim_end_matches('/');
        let (kind, key, a11y) = if chat {
            (ActionKind::Chat, k::ACTION_CHAT, k::ACTION_CHAT_A11Y)
        } else {
            (ActionKind::Web, k::ACTION_WEB, k::ACTION_WEB_A11Y)
        };
        Action {
            id,
            kind,
            uri: url.to_owned(),
            label: self.ui.fill(key, self.locales, &[("address", shown)]),
            accessibility_label: self.ui.fill(
                a11y,
                self.locales,
                &[("name", name), ("address", shown)],
            ),
        }
    }

    /// Digits spoken one by one: "+47 954" becomes "plus 4 7 9 5 4".
    pub fn digits(&self, number: &str) -> String {
        let plus = self.ui.get(k::ACTION_PLUS, self.locales);
        number
            .chars()
            .filter_map(|c| match c {
                '+' => Some(plus.to_owned()),
                d if d.is_ascii_digit() => Some(d.to_string()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}
