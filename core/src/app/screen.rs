//! Screen models: what every shell renders, built entirely by the core.

use serde::{Deserialize, Serialize};

use crate::actions::Action;
use crate::locale::TextDirection;

/// Which part of the app a screen belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Tools and information for professionals (and the shared start screens).
    Professional,
    /// Discreet information for a person who may be exploited.
    Info,
    /// The neutral screen shown after a quick exit.
    Neutral,
}

/// A whole screen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Screen {
    /// The screen's link target, for example `contact/rosa`.
    pub id: String,
    /// Title shown at the top.
    pub title: String,
    /// Text for the window and the app switcher (neutral in the discreet information mode).
    pub window_title: String,
    /// Which part of the app this is.
    pub mode: Mode,
    /// Writing direction of the text.
    pub direction: TextDirection,
    /// Whether a back event leads somewhere.
    pub back_available: bool,
    /// The back button's visible label, in the screen's language.
    pub back_label: String,
    /// What a screen reader says for the back button.
    pub back_accessibility_label: String,
    /// The quick-exit button: on every screen but the neutral one it leads to.
    pub quick_exit: Option<QuickExit>,
    /// Whether the shell must hide the window from screenshots and the app switcher.
    pub secure: bool,
    /// When set, the shell sends a tick event this many milliseconds after showing the screen
    /// (replacing any tick still pending): a countdown moves on, the quick-exit key's progress
    /// clears, saved work locks when idle. Not set: no tick is pending.
    pub tick_after_ms: Option<u64>,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
}

/// The quick-exit affordance and the state of its keyboard trigger.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuickExit {
    /// Visible label of the button.
    pub label: String,
    /// What a screen reader says for the button.
    pub accessibility_label: String,
    /// How to use the second trigger.
    pub hint: String,
    /// Presses of the second trigger so far (0 when idle).
    pub presses: u32,
    /// Presses needed.
    pub presses_needed: u32,
    /// Progress text while a sequence is under way.
    pub progress: Option<String>,
}

/// One piece of a screen, from a small closed set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A section heading.
    Heading {
        /// Its text.
        text: String,
    },
    /// A paragraph.
    Paragraph {
        /// Its text.
        text: String,
    },
    /// A bulleted list.
    BulletList {
        /// The items.
        items: Vec<String>,
    },
    /// A button that performs an action (call, SMS, e-mail, web).
    Action {
        /// The action.
        action: Action,
    },
    /// A status line, such as whether a contact is open.
    Status {
        /// The line.
        text: String,
        /// What kind of status.
        state: StatusKind,
    },
    /// A highlighted notice.
    Notice {
        /// How strongly to highlight it.
        level: NoticeLevel,
        /// Its text.
        text: String,
    },
    /// A question with options; answered with a choose event.
    Choice {
        /// The question's id.
        id: String,
        /// The question.
        prompt: String,
        /// The options.
        options: Vec<ChoiceOption>,
    },
    /// A checklist item with a status; changed with a set-status event.
    ChecklistItem {
        /// The item's id.
        id: String,
        /// What to check.
        text: String,
        /// More detail, such as the legal basis.
        detail: Option<String>,
        /// The current status id.
        status: String,
        /// The current status as shown.
        status_label: String,
        /// The statuses it can take.
        options: Vec<ChoiceOption>,
    },
    /// A sentence to show a person who shares no language with the professional: large, in the
    /// person's language and its direction, with the Norwegian under it.
    Card {
        /// The card's id.
        id: String,
        /// The sentence in the person's language.
        text: String,
        /// That language, a BCP 47 tag.
        language: String,
        /// The direction the sentence is written in.
        direction: TextDirection,
        /// The same sentence in Norwegian.
        norwegian: String,
    },
    /// A button whose meaning the core decides; pressed with a press event.
    Button {
        /// The button's id, unique on its screen.
        id: String,
        /// Its visible label.
        label: String,
        /// What a screen reader says for it.
        accessibility_label: String,
    },
    /// A field the user types into. Each change is sent whole with an input event, and the
    /// value is taken with a submit event; the core answers both with the screen, whose `error`
    /// says what was wrong with the value, if anything.
    TextInput {
        /// The field's id, unique on its screen.
        id: String,
        /// Its visible label.
        label: String,
        /// What kind of text it takes, and so how the shell's keyboard behaves.
        kind: InputKind,
        /// The value the core holds (always empty for a PIN, which the core never shows back).
        value: String,
        /// A line under the field, such as what not to write in it.
        hint: Option<String>,
        /// What was wrong with the value last submitted, in the user's language.
        error: Option<String>,
        /// The most characters the field takes.
        max_chars: u32,
        /// Whether the shell puts the cursor here when the screen opens (at most one field).
        focus: bool,
        /// When set, the shell shows a button with this label that submits the field, as the
        /// keyboard's return key does for a one-line field.
        submit_label: Option<String>,
    },
    /// A link to another screen; followed with an open event.
    Link {
        /// The screen to open.
        target: String,
        /// The link text.
        label: String,
        /// A second line, such as a contact's open state.
        detail: Option<String>,
    },
}

/// A link to another screen as a tool's result names it, for example a flag's next step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScreenLink {
    /// The screen's link target, for example `duties`.
    pub target: String,
    /// The link text.
    pub label: String,
}

/// An option of a question or a checklist item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChoiceOption {
    /// The option's id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Whether it is the current answer.
    pub selected: bool,
}

/// What a text field takes. Every kind turns off the keyboard's suggestions, corrections and
/// learning (what a person types here must not come back as a suggestion elsewhere).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// One line of plain text, such as a case label.
    Text,
    /// A PIN or passphrase: the text is hidden as it is typed, and autofill and password
    /// managers are kept away.
    Pin,
    /// A search: results follow each change.
    Search,
    /// Several lines of free text.
    Note,
}

/// Kinds of status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    /// Open now.
    Open,
    /// Closed now.
    Closed,
    /// Always open.
    AlwaysOpen,
    /// Hours not stated.
    NotStated,
    /// Weekday hours on a public holiday: may be closed, holiday hours not stated.
    Holiday,
    /// Progress or other information.
    Info,
}

/// How strongly a notice is highlighted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeLevel {
    /// Good to know.
    Info,
    /// Take care.
    Caution,
    /// Act now.
    Urgent,
}

impl Screen {
    /// Every action on the screen, in order.
    pub fn actions(&self) -> impl Iterator<Item = &Action> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Action { action } => Some(action),
            _ => None,
        })
    }

    /// The text field `id` on the screen, with its kind.
    pub fn text_input(&self, id: &str) -> Option<InputKind> {
        self.blocks.iter().find_map(|b| match b {
            Block::TextInput { id: f, kind, .. } if f == id => Some(*kind),
            _ => None,
        })
    }

    /// The ids of every button on the screen, in order.
    pub fn buttons(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Button { id, .. } => Some(id.as_str()),
            _ => None,
        })
    }
}
