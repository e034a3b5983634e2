//! uniffi facade over `lykt-core`: one entry object, thin delegations, no domain logic.
//!
//! Records and enums are the core's own types, declared here as uniffi remote
//! types; objects wrap core objects behind a mutex. Every failure a caller can
//! cause comes back as a [`LyktError`]; panics unwind into a foreign exception.

mod tools;
mod types;
mod vault;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use lykt_core::app::{Clock, Event, Platform, Screen, Transition};
use lykt_core::calendar::from_unix;
use lykt_core::contacts::{Audience, ContactListing, ContactView};
use vault::Record;

uniffi::setup_scaffolding!();

/// Every error a caller can cause, with a message a person understands.
///
/// Flat: each variant reaches Kotlin and Swift as its own exception type
/// whose message is the text below.
#[derive(Debug, thiserror::Error, uniffi::Error)]
#[uniffi(flat_error)]
pub enum LyktError {
    /// A preferred locale is not a language tag.
    #[error("{message}")]
    InvalidLocale { message: String },
    /// A time is out of range or unreadable.
    #[error("{message}")]
    InvalidTime { message: String },
    /// No contact has the id.
    #[error("{message}")]
    UnknownContact { message: String },
    /// Not an audience.
    #[error("{message}")]
    UnknownAudience { message: String },
    /// A link target names no screen.
    #[error("{message}")]
    UnknownScreen { message: String },
    /// An event does not fit the current screen.
    #[error("{message}")]
    InvalidEvent { message: String },
    /// The content pack is invalid.
    #[error("{message}")]
    InvalidContent { message: String },
    /// A content pack offered for installation was refused; the pack in use stays.
    #[error("{message}")]
    PackRefused { message: String },
    /// Not an answer to the question asked.
    #[error("{message}")]
    InvalidAnswer { message: String },
    /// The flow has ended; there is no question to answer.
    #[error("{message}")]
    FlowEnded { message: String },
    /// No checklist item has the id.
    #[error("{message}")]
    UnknownChecklistItem { message: String },
    /// Not a status the checklist item can take.
    #[error("{message}")]
    InvalidChecklistStatus { message: String },
    /// A value is not one of those a field accepts.
    #[error("{message}")]
    InvalidValue { message: String },
    /// No indicator has the id.
    #[error("{message}")]
    UnknownIndicator { message: String },
    /// An indicator for children was marked for an adult.
    #[error("{message}")]
    IndicatorNotOffered { message: String },
    /// No right in the checklist has the id.
    #[error("{message}")]
    UnknownRight { message: String },
    /// The PIN does not open the vault.
    #[error("{message}")]
    WrongPin { message: String },
    /// Too many wrong PINs: wait before the next try.
    #[error("{message}")]
    TooManyAttempts { message: String },
    /// The vault is locked.
    #[error("{message}")]
    VaultLocked { message: String },
    /// There is no vault (never made, or wiped).
    #[error("{message}")]
    NoVault { message: String },
    /// No saved item has the id.
    #[error("{message}")]
    UnknownRecord { message: String },
    /// The vault files or an item were altered or damaged.
    #[error("{message}")]
    VaultDamaged { message: String },
    /// A PIN, label or text the vault does not accept.
    #[error("{message}")]
    InvalidVaultInput { message: String },
    /// Storage or memory failed.
    #[error("{message}")]
    VaultFailure { message: String },
}

impl From<lykt_core::Error> for LyktError {
    fn from(e: lykt_core::Error) -> Self {
        let message = e.to_string();
        match e.code() {
            "invalid_locale" => Self::InvalidLocale { message },
            "invalid_time" => Self::InvalidTime { message },
            "unknown_contact" => Self::UnknownContact { message },
            "unknown_audience" => Self::UnknownAudience { message },
            "unknown_screen" => Self::UnknownScreen { message },
            "invalid_event" => Self::InvalidEvent { message },
            "pack_refused" => Self::PackRefused { message },
            "invalid_answer" => Self::InvalidAnswer { message },
            "flow_ended" => Self::FlowEnded { message },
            "unknown_checklist_item" => Self::UnknownChecklistItem { message },
            "invalid_checklist_status" => Self::InvalidChecklistStatus { message },
            "invalid_value" => Self::InvalidValue { message },
            "unknown_indicator" => Self::UnknownIndicator { message },
            "indicator_not_offered" => Self::IndicatorNotOffered { message },
            "unknown_right" => Self::UnknownRight { message },
            "wrong_pin" => Self::WrongPin { message },
            "too_many_attempts" => Self::TooManyAttempts { message },
            "vault_locked" => Self::VaultLocked { message },
            "no_vault" => Self::NoVault { message },
            "unknown_record" => Self::UnknownRecord { message },
            "vault_damaged" => Self::VaultDamaged { message },
            "invalid_vault_input" => Self::InvalidVaultInput { message },
            "vault_failure" => Self::VaultFailure { message },
            _ => Self::InvalidContent { message },
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The entry object: the content in the caller's preferred locales.
#[derive(Debug, uniffi::Object)]
pub struct Lykt(Mutex<lykt_core::Lykt>);

#[uniffi::export]
impl Lykt {
    /// Loads the built-in content for `preferred_locales`, e.g. `["nb-NO", "en"]`.
    #[uniffi::constructor]
    pub fn new(preferred_locales: Vec<String>) -> Result<Arc<Self>, LyktError> {
        Self::open(preferred_locales, None)
    }

    /// Like `new`, using a signed pack installed in `data_dir` when it is newer.
    #[uniffi::constructor]
    pub fn open(
        preferred_locales: Vec<String>,
        data_dir: Option<String>,
    ) -> Result<Arc<Self>, LyktError> {
        let lykt = lykt_core::Lykt::open(&preferred_locales, data_dir.as_deref().map(Path::new))?;
        Ok(Arc::new(Self(Mutex::new(lykt))))
    }

    /// The locale screens are written in, e.g. `nb`.
    pub fn locale(&self) -> String {
        lock(&self.0).locales().primary().to_owned()
    }

    /// The version of the content pack in use.
    pub fn pack_version(&self) -> u32 {
        lock(&self.0).pack().meta.pack_version
    }

    /// Verifies and installs a signed pack file's bytes into `data_dir`; returns its version.
    /// Contact books and apps handed out afterwards use it.
    pub fn install_pack(&self, data_dir: String, bytes: Vec<u8>) -> Result<u32, LyktError> {
        Ok(lock(&self.0).install_pack(Path::new(&data_dir), &bytes)?)
    }

    /// The plain-text summary of a saved item for the share sheet, shown for review first.
    pub fn referral_summary(&self, record: Record) -> String {
        let lykt = lock(&self.0);
        lykt_core::saved::referral_summary(&record.into(), &lykt.pack().ui, lykt.locales())
    }

    /// The contact book.
    pub fn contact_book(&self) -> Arc<ContactBook> {
        Arc::new(ContactBook(lock(&self.0).contact_book()))
    }

    /// A new app session on the start screen.
    pub fn app(&self, platform: Platform) -> Arc<App> {
        Arc::new(App(Mutex::new(lock(&self.0).app(platform))))
    }
}

/// The offline contact book.
#[derive(Debug, uniffi::Object)]
pub struct ContactBook(lykt_core::contacts::ContactBook);

#[uniffi::export]
impl ContactBook {
    /// Every contact (for one audience, if given) with its state at `at_unix` (seconds).
    pub fn list(
        &self,
        audience: Option<Audience>,
        at_unix: i64,
    ) -> Result<ContactListing, LyktError> {
        Ok(self.0.list(audience, from_unix(at_unix)?))
    }

    /// Contacts matching `query` in any language, best first.
    pub fn search(
        &self,
        query: String,
        audience: Option<Audience>,
        at_unix: i64,
    ) -> Result<ContactListing, LyktError> {
        Ok(self.0.search(&query, audience, from_unix(at_unix)?))
    }

    /// One contact with its state at `at_unix`.
    pub fn contact(&self, id: String, at_unix: i64) -> Result<ContactView, LyktError> {
        Ok(self.0.contact(&id, from_unix(at_unix)?)?)
    }
}

/// One app session: navigation state and screens.
#[derive(Debug, uniffi::Object)]
pub struct App(Mutex<lykt_core::app::App>);

#[uniffi::export]
impl App {
    /// The screen to show.
    pub fn current_screen(&self) -> Screen {
        lock(&self.0).current_screen()
    }

    /// Handles a user event; returns the next screen and any effect to carry out.
    pub fn dispatch(&self, event: Event) -> Result<Transition, LyktError> {
        Ok(lock(&self.0).dispatch(event)?)
    }

    /// Freezes the clock at `at_unix` seconds (reviews and tests); `None` uses the device clock.
    pub fn set_time(&self, at_unix: Option<i64>) -> Result<(), LyktError> {
        let clock = match at_unix {
            Some(s) => Clock::Fixed(from_unix(s)?),
            None => Clock::System,
        };
        lock(&self.0).set_clock(clock);
        Ok(())
    }
}
