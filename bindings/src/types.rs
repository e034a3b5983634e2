//! The core's records and enums as they cross the FFI (uniffi remote types).
//!
//! Each declaration mirrors the core type field for field; the compiler checks
//! that they match.

use lykt_core::actions::{Action, ActionKind};
use lykt_core::app::{
    Block, ChoiceOption, Effect, Event, ExitTarget, Mode, NoticeLevel, Platform, QuickExit, Screen,
    StatusKind, Transition,
};
use lykt_core::contacts::{
    Audience, Category, ContactListing, ContactView, HolidayView, LinkView, OpenState, PhoneView,
};
use lykt_core::content::source::Citation;
use lykt_core::locale::TextDirection;
use lykt_core::vault::{Record, RecordKind, RecordSummary};

#[uniffi::remote(Enum)]
pub enum TextDirection {
    Ltr,
    Rtl,
}

#[uniffi::remote(Enum)]
pub enum Audience {
    Victims,
    Minors,
    Professionals,
    Anyone,
}

#[uniffi::remote(Enum)]
pub enum Category {
    Emergency,
    Helpline,
    Public,
    Organisation,
    Online,
    International,
}

#[uniffi::remote(Enum)]
pub enum OpenState {
    Open,
    Closed,
    AlwaysOpen,
    NotStated,
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

#[uniffi::remote(Record)]
pub struct Citation {
    pub doc: String,
    pub part: String,
    pub text: String,
    pub older: bool,
}

#[uniffi::remote(Record)]
pub struct PhoneView {
    pub dial: String,
    pub display: String,
    pub uri: String,
    pub abroad: bool,
    pub note: Option<String>,
    pub older_source: bool,
}

#[uniffi::remote(Record)]
pub struct LinkView {
    pub address: String,
    pub uri: String,
    pub label: Option<String>,
    pub older_source: bool,
}

#[uniffi::remote(Record)]
pub struct ContactView {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub category: Category,
    pub audiences: Vec<Audience>,
    pub phones: Vec<PhoneView>,
    pub sms: Vec<PhoneView>,
    pub emails: Vec<LinkView>,
    pub web: Vec<LinkView>,
    pub chat: Vec<LinkView>,
    pub hours: String,
    pub status: OpenState,
    pub status_text: String,
    pub open_until: Option<i64>,
    pub next_open: Option<i64>,
    pub languages: Vec<String>,
    pub interpreter: Option<bool>,
    pub anonymous: Option<bool>,
    pub free: Option<bool>,
    pub older_source: bool,
    pub sources: Vec<Citation>,
    pub actions: Vec<Action>,
}

#[uniffi::remote(Record)]
pub struct HolidayView {
    pub id: String,
    pub name: String,
}

#[uniffi::remote(Record)]
pub struct ContactListing {
    pub at: i64,
    pub local_time: String,
    pub public_holiday: Option<HolidayView>,
    pub holiday_notice: Option<String>,
    pub always_open_alternatives: Vec<String>,
    pub contacts: Vec<ContactView>,
}

#[uniffi::remote(Enum)]
pub enum Mode {
    Professional,
    Victim,
    Neutral,
}

#[uniffi::remote(Enum)]
pub enum StatusKind {
    Open,
    Closed,
    AlwaysOpen,
    NotStated,
    Info,
}

#[uniffi::remote(Enum)]
pub enum NoticeLevel {
    Info,
    Caution,
    Urgent,
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
    pub tick_at_ms: Option<u64>,
}

#[uniffi::remote(Record)]
pub struct Screen {
    pub id: String,
    pub title: String,
    pub window_title: String,
    pub mode: Mode,
    pub direction: TextDirection,
    pub back_available: bool,
    pub quick_exit: Option<QuickExit>,
    pub secure: bool,
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
    Back,
    QuickExit,
    ExitKey { at_ms: u64 },
    Tick { at_ms: u64 },
}

#[uniffi::remote(Enum)]
pub enum Effect {
    OpenUri { uri: String },
    Share { text: String },
    QuickExit { target: ExitTarget },
    Announce { text: String },
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
}

#[uniffi::remote(Record)]
pub struct RecordSummary {
    pub id: String,
    pub date: String,
    pub kind: RecordKind,
    pub case_label: String,
    pub created: i64,
}

#[uniffi::remote(Record)]
pub struct Record {
    pub id: String,
    pub date: String,
    pub kind: RecordKind,
    pub case_label: String,
    pub created: i64,
    pub payload: String,
}
