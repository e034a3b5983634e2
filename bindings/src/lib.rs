//! uniffi facade over `lykt-core`: one entry object, thin delegations, no domain logic.
//!
//! The library carries what the shells use and nothing else: the entry object, the app model
//! (every screen and event), the vault and signed-pack installation. Records and enums are the
//! core's own types, declared here as uniffi remote types; objects wrap core objects behind a
//! mutex. Every failure a caller can cause comes back as a [`LyktError`]. Every exported call
//! runs inside uniffi's panic guard (the release profile unwinds), so a panic reaches the shell
//! as uniffi's internal exception, never as a crash, and the object stays usable after it.

mod types;
mod vault;

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use lykt_core::app::{Clock, Event, Platform, Screen, Transition};
use lykt_core::calendar::from_unix;
use lykt_core::error::ErrorKind;

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
    /// Work could not be made into a record to save; nothing was saved.
    #[error("{message}")]
    NotSaved { message: String },
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
    /// One exception per kind of core error; a new kind does not compile without its own.
    fn from(e: lykt_core::Error) -> Self {
        let message = e.to_string();
        match e.kind() {
            ErrorKind::InvalidLocale => Self::InvalidLocale { message },
            ErrorKind::InvalidTime => Self::InvalidTime { message },
            ErrorKind::UnknownContact => Self::UnknownContact { message },
            ErrorKind::UnknownAudience => Self::UnknownAudience { message },
            ErrorKind::UnknownScreen => Self::UnknownScreen { message },
            ErrorKind::InvalidEvent => Self::InvalidEvent { message },
            ErrorKind::InvalidContent => Self::InvalidContent { message },
            ErrorKind::PackRefused => Self::PackRefused { message },
            ErrorKind::InvalidAnswer => Self::InvalidAnswer { message },
            ErrorKind::FlowEnded => Self::FlowEnded { message },
            ErrorKind::UnknownChecklistItem => Self::UnknownChecklistItem { message },
            ErrorKind::InvalidChecklistStatus => Self::InvalidChecklistStatus { message },
            ErrorKind::InvalidValue => Self::InvalidValue { message },
            ErrorKind::UnknownIndicator => Self::UnknownIndicator { message },
            ErrorKind::IndicatorNotOffered => Self::IndicatorNotOffered { message },
            ErrorKind::NotSaved => Self::NotSaved { message },
            ErrorKind::WrongPin => Self::WrongPin { message },
            ErrorKind::TooManyAttempts => Self::TooManyAttempts { message },
            ErrorKind::VaultLocked => Self::VaultLocked { message },
            ErrorKind::NoVault => Self::NoVault { message },
            ErrorKind::UnknownRecord => Self::UnknownRecord { message },
            ErrorKind::VaultDamaged => Self::VaultDamaged { message },
            ErrorKind::InvalidVaultInput => Self::InvalidVaultInput { message },
            ErrorKind::VaultFailure => Self::VaultFailure { message },
        }
    }
}

/// Locks `m`. A panic while it was held left it poisoned; the state is plain data that every
/// call leaves consistent, so it is taken over rather than panicking again.
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
    /// Apps handed out afterwards use it.
    pub fn install_pack(&self, data_dir: String, bytes: Vec<u8>) -> Result<u32, LyktError> {
        Ok(lock(&self.0).install_pack(Path::new(&data_dir), &bytes)?)
    }

    /// A new app session on the start screen.
    pub fn app(&self, platform: Platform) -> Arc<App> {
        Arc::new(App(Mutex::new(lock(&self.0).app(platform))))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_app_stays_usable_after_a_panic_while_it_was_locked() {
        let lykt = Lykt::new(vec!["en".into()]).expect("entry");
        let app = lykt.app(Platform::Android);
        let poisoned = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _held = lock(&app.0);
            panic!("a bug while the app is locked");
        }));
        assert!(poisoned.is_err() && app.0.is_poisoned());
        assert_eq!(app.current_screen().id, "home");
        let t = app
            .dispatch(Event::Open {
                target: "info".into(),
            })
            .expect("opens");
        assert_eq!(t.screen.id, "info");
    }

    #[test]
    fn each_core_error_kind_becomes_its_own_exception() {
        let e: LyktError = lykt_core::Error::UnknownScreen {
            target: "nowhere".into(),
        }
        .into();
        assert!(
            matches!(&e, LyktError::UnknownScreen { message } if message.contains("nowhere")),
            "{e:?}"
        );
    }
}
