//! The core's records and enums as they cross the FFI (uniffi remote types).
//!
//! Each declaration mirrors the core type field for field; the compiler checks
//! that they match.

use lykt_core::actions::{Action, ActionKind};
use lykt_core::app::{
    Block, ChoiceOption, Effect, Event, ExitTarget, InputKind, Mode, NoticeLevel, Platform,
    QuickExit, Screen, StatusKind, Transition,
};
use lykt_core::locale::TextDirection;
use lykt_core::vault::{Damage, DamagedRecord, RecordKind};

#[uniffi::remote(Enum)]
pub enum TextDirection {
    Ltr,
    Rtl,
}

#[uniffi::remote(Enum)]
pub enum ActionKind {
    Call,
    Sms,
    Email,
    Web,
    Chat,
}

#[uniffi::remote(Record)]
pub struct Action {
    pub id: String,
    pub kind: ActionKind,
    pub uri: String,
    pub label: String,
    pub accessibility_label: String,
}

#[uniffi::remote(Enum)]
pub enum Mode {
    Professional,
    Info,
    Neutral,
}

#[uniffi::remote(Enum)]
pub enum StatusKind {
    Open,
    Closed,
    AlwaysOpen,
    NotStated,
    Holiday,
    Info,
}

#[uniffi::remote(Enum)]
pub enum NoticeLevel {
    Info,
    Caution,
    Urgent,
}

#[uniffi::remote(Enum)]
pub enum InputKind {
    Text,
    Pin,
    Search,
    Note,
}

#[uniffi::remote(Record)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    pub selected: bool,
}

#[uniffi::remote(Enum)]
pub enum Block {
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    BulletList {
        items: Vec<String>,
    },
    Action {
        action: Action,
    },
    Status {
        text: String,
        state: StatusKind,
    },
    Notice {
        level: NoticeLevel,
        text: String,
    },
    Choice {
        id: String,
        prompt: String,
        options: Vec<ChoiceOption>,
    },
    ChecklistItem {
        id: String,
        text: String,
        detail: Option<String>,
        status: String,
        status_label: String,
        options: Vec<ChoiceOption>,
    },
    Card {
        id: String,
        text: String,
        language: String,
        direction: TextDirection,
        norwegian: String,
    },
    Button {
        id: String,
        label: String,
        accessibility_label: String,
    },
    TextInput {
        id: String,
        label: String,
        kind: InputKind,
        value: String,
        hint: Option<String>,
        error: Option<String>,
        max_chars: u32,
        focus: bool,
        submit_label: Option<String>,
    },
    Link {
        target: String,
        label: String,
        detail: Option<String>,
    },
}

#[uniffi::remote(Record)]
pub struct QuickExit {
    pub label: String,
    pub accessibility_label: String,
    pub hint: String,
    pub presses: u32,
    pub presses_needed: u32,
    pub progress: Option<String>,
}

#[uniffi::remote(Record)]
pub struct Screen {
    pub id: String,
    pub title: String,
    pub window_title: String,
    pub mode: Mode,
    pub direction: TextDirection,
    pub back_available: bool,
    pub back_label: String,
    pub back_accessibility_label: String,
    pub quick_exit: Option<QuickExit>,
    pub secure: bool,
    pub tick_after_ms: Option<u64>,
    pub blocks: Vec<Block>,
}

#[uniffi::remote(Enum)]
pub enum Platform {
    Android,
    Ios,
    Terminal,
    Web,
}

#[uniffi::remote(Enum)]
pub enum ExitTarget {
    HomeScreen,
    CoverScreen,
    ClearTerminal,
    NeutralPage,
}

#[uniffi::remote(Enum)]
pub enum Event {
    Open { target: String },
    Choose { question: String, option: String },
    SetStatus { item: String, status: String },
    Act { action: String },
    Press { id: String },
    Input { field: String, value: String },
    Submit { field: String, value: String },
    Back,
    QuickExit,
    ExitKey { at_ms: u64 },
    Tick { at_ms: u64 },
    Background { at_ms: u64 },
    Foreground { at_ms: u64 },
}

#[uniffi::remote(Enum)]
pub enum Effect {
    OpenUri { uri: String },
    Share { text: String },
    QuickExit { target: ExitTarget },
    Announce { text: String },
    Speak { text: String, language: String },
    Work { job: u64 },
    ForgetSecret,
}

#[uniffi::remote(Record)]
pub struct Transition {
    pub screen: Screen,
    pub effect: Option<Effect>,
}

#[uniffi::remote(Enum)]
pub enum RecordKind {
    Assessment,
    RightsChecklist,
    MinorsOutcome,
    PlacementChecklist,
    Note,
    Duties,
}

#[uniffi::remote(Enum)]
pub enum Damage {
    Unreadable,
    NotSavedHere,
    Missing,
}

#[uniffi::remote(Record)]
pub struct DamagedRecord {
    pub id: String,
    pub date: String,
    pub damage: Damage,
}
