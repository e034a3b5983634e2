//! Errors a caller can cause, each with a message a person understands.

use crate::content::check::ContentErrors;
use crate::content::signed::UpdateError;
#[cfg(feature = "vault")]
use crate::vault::VaultError;
use serde::Serialize;

/// Every failure the core reports to a caller.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A preferred locale is not a language tag.
    #[error("\"{tag}\" is not a language tag; use one like \"nb-NO\" or \"en\"")]
    InvalidLocale {
        /// The tag as given.
        tag: String,
    },
    /// A time could not be read.
    #[error("\"{value}\" is not a time; use RFC 3339, for example 2026-03-29T01:30:00Z")]
    InvalidTime {
        /// The value as given.
        value: String,
    },
    /// No contact has this id.
    #[error("there is no contact with the id \"{id}\"")]
    UnknownContact {
        /// The id as given.
        id: String,
    },
    /// Not one of the audiences.
    #[error("\"{value}\" is not an audience; use victims, minors, professionals or anyone")]
    UnknownAudience {
        /// The value as given.
        value: String,
    },
    /// A link target names no screen.
    #[error("there is no screen \"{target}\"")]
    UnknownScreen {
        /// The target as given.
        target: String,
    },
    /// An event does not fit the screen it was sent to.
    #[error("{message}")]
    InvalidEvent {
        /// What was wrong.
        message: String,
    },
    /// An answer is not one of the open question's options.
    #[error("\"{answer}\" is not an answer to question \"{step}\"; choose one of: {}", .valid.join(", "))]
    InvalidAnswer {
        /// The question's id.
        step: String,
        /// The answer as given.
        answer: String,
        /// The ids of the question's options.
        valid: Vec<String>,
    },
    /// The flow has already ended, so there is no question to answer.
    #[error("the flow has already ended at \"{card}\"; \"{answer}\" answers no question")]
    FlowEnded {
        /// The card the flow ended at.
        card: String,
        /// The answer as given.
        answer: String,
    },
    /// A checklist has no item with this id.
    #[error("the checklist has no item \"{item}\"; use one of: {}", .valid.join(", "))]
    UnknownChecklistItem {
        /// The id as given.
        item: String,
        /// The ids of the checklist's items.
        valid: Vec<String>,
    },
    /// Not a status a checklist item can take.
    #[error("\"{status}\" is not a checklist status; use one of: {}", .valid.join(", "))]
    InvalidChecklistStatus {
        /// The status as given.
        status: String,
        /// The status ids.
        valid: Vec<String>,
    },
    /// A value is not one of those a field accepts.
    #[error("\"{value}\" is not a valid {field}; use one of: {valid}", valid = .valid.join(", "))]
    InvalidValue {
        /// The field, for example `minor`.
        field: String,
        /// The value as given.
        value: String,
        /// The values the field accepts.
        valid: Vec<String>,
    },
    /// No indicator has this id.
    #[error("there is no indicator \"{id}\"; valid ids: {valid}", valid = .valid.join(", "))]
    UnknownIndicator {
        /// The id as given.
        id: String,
        /// Every indicator id.
        valid: Vec<String>,
    },
    /// An indicator for children was marked for a person answered to be 18 or over.
    #[error(
        "the indicator \"{id}\" is only for a person who is or may be under 18; answer minor \"yes\" or \"unsure\", or leave it out"
    )]
    IndicatorNotOffered {
        /// The id as given.
        id: String,
    },
    /// Work could not be made into a record to save; nothing was saved.
    #[error("the work could not be saved: {reason}")]
    NotSaved {
        /// Why.
        reason: String,
    },
    /// The content pack is invalid.
    #[error("the content pack is invalid: {0}")]
    Content(ContentErrors),
    /// A content pack offered for installation was refused; the pack in use stays.
    #[error("{0}")]
    PackRefused(UpdateError),
    /// The vault refused or failed an operation.
    #[cfg(feature = "vault")]
    #[error("{0}")]
    Vault(VaultError),
}

/// What kind of failure an [`Error`] is: the one table callers tell failures apart by.
///
/// Its serde name is the stable snake_case code scripts and tests see; the bindings map each
/// kind to an exception of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// See [`Error::InvalidLocale`].
    InvalidLocale,
    /// See [`Error::InvalidTime`].
    InvalidTime,
    /// See [`Error::UnknownContact`].
    UnknownContact,
    /// See [`Error::UnknownAudience`].
    UnknownAudience,
    /// See [`Error::UnknownScreen`].
    UnknownScreen,
    /// See [`Error::InvalidEvent`].
    InvalidEvent,
    /// See [`Error::InvalidAnswer`].
    InvalidAnswer,
    /// See [`Error::FlowEnded`].
    FlowEnded,
    /// See [`Error::UnknownChecklistItem`].
    UnknownChecklistItem,
    /// See [`Error::InvalidChecklistStatus`].
    InvalidChecklistStatus,
    /// See [`Error::InvalidValue`].
    InvalidValue,
    /// See [`Error::UnknownIndicator`].
    UnknownIndicator,
    /// See [`Error::IndicatorNotOffered`].
    IndicatorNotOffered,
    /// See [`Error::NotSaved`].
    NotSaved,
    /// See [`Error::Content`].
    InvalidContent,
    /// See [`Error::PackRefused`].
    PackRefused,
    /// The PIN does not open the vault.
    WrongPin,
    /// Too many wrong PINs: wait before the next try.
    TooManyAttempts,
    /// The vault is locked.
    VaultLocked,
    /// There is no vault (never made, or wiped).
    NoVault,
    /// No saved item has the id.
    UnknownRecord,
    /// The vault files or an item were altered or damaged.
    VaultDamaged,
    /// A PIN, label or text the vault does not accept.
    InvalidVaultInput,
    /// Storage or memory failed.
    VaultFailure,
}

impl ErrorKind {
    /// The stable snake_case code, for scripts and tests.
    pub fn code(self) -> &'static str {
        crate::ids::id(&self)
    }
}

impl Error {
    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::InvalidLocale { .. } => ErrorKind::InvalidLocale,
            Self::InvalidTime { .. } => ErrorKind::InvalidTime,
            Self::UnknownContact { .. } => ErrorKind::UnknownContact,
            Self::UnknownAudience { .. } => ErrorKind::UnknownAudience,
            Self::UnknownScreen { .. } => ErrorKind::UnknownScreen,
            Self::InvalidEvent { .. } => ErrorKind::InvalidEvent,
            Self::InvalidAnswer { .. } => ErrorKind::InvalidAnswer,
            Self::FlowEnded { .. } => ErrorKind::FlowEnded,
            Self::UnknownChecklistItem { .. } => ErrorKind::UnknownChecklistItem,
            Self::InvalidChecklistStatus { .. } => ErrorKind::InvalidChecklistStatus,
            Self::InvalidValue { .. } => ErrorKind::InvalidValue,
            Self::UnknownIndicator { .. } => ErrorKind::UnknownIndicator,
            Self::IndicatorNotOffered { .. } => ErrorKind::IndicatorNotOffered,
            Self::NotSaved { .. } => ErrorKind::NotSaved,
            Self::Content(_) => ErrorKind::InvalidContent,
            Self::PackRefused(_) => ErrorKind::PackRefused,
            #[cfg(feature = "vault")]
            Self::Vault(e) => match e {
                VaultError::WrongPin { .. } => ErrorKind::WrongPin,
                VaultError::TooManyAttempts { .. } => ErrorKind::TooManyAttempts,
                VaultError::Locked => ErrorKind::VaultLocked,
                VaultError::NotFound | VaultError::Erased | VaultError::ErasedAfterWrongPins => {
                    ErrorKind::NoVault
                }
                VaultError::NoSuchRecord { .. } => ErrorKind::UnknownRecord,
                VaultError::Damaged
                | VaultError::Integrity { .. }
                | VaultError::NewerFormat
                | VaultError::OldFormat
                | VaultError::RolledBack => ErrorKind::VaultDamaged,
                VaultError::AlreadyExists
                | VaultError::PinTooShort { .. }
                | VaultError::PinTooCommon
                | VaultError::PlatformSecretTooShort { .. }
                | VaultError::PlatformSecretMissing
                | VaultError::PlatformSecretWrong
                | VaultError::PlatformStoreMissing
                | VaultError::CaseLabel { .. }
                | VaultError::TooLong { .. }
                | VaultError::InvalidKdfParams
                | VaultError::InvalidTime { .. } => ErrorKind::InvalidVaultInput,
                VaultError::StorageFull
                | VaultError::NotEnoughMemory
                | VaultError::Crypto
                | VaultError::PlatformStoreFailed
                | VaultError::WipeFailed
                | VaultError::Storage { .. } => ErrorKind::VaultFailure,
            },
        }
    }

    /// The stable snake_case code of its kind, for scripts and tests.
    pub fn code(&self) -> &'static str {
        self.kind().code()
    }
}

impl From<ContentErrors> for Error {
    fn from(e: ContentErrors) -> Self {
        Self::Content(e)
    }
}

impl From<UpdateError> for Error {
    fn from(e: UpdateError) -> Self {
        Self::PackRefused(e)
    }
}

#[cfg(feature = "vault")]
impl From<VaultError> for Error {
    fn from(e: VaultError) -> Self {
        Self::Vault(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_kinds_snake_case_names() {
        let e = Error::UnknownChecklistItem {
            item: "x".into(),
            valid: Vec::new(),
        };
        assert_eq!(e.code(), "unknown_checklist_item");
        assert_eq!(
            Error::Content(ContentErrors(Vec::new())).code(),
            "invalid_content"
        );
    }

    #[cfg(feature = "vault")]
    #[test]
    fn vault_refusals_failures_and_damage_fall_into_their_kinds() {
        assert_eq!(Error::Vault(VaultError::Locked).code(), "vault_locked");
        let kind = |e: VaultError| Error::Vault(e).kind();
        for e in [
            VaultError::PinTooCommon,
            VaultError::PlatformSecretWrong,
            VaultError::PlatformStoreMissing,
        ] {
            assert_eq!(kind(e), ErrorKind::InvalidVaultInput);
        }
        for e in [VaultError::PlatformStoreFailed, VaultError::WipeFailed] {
            assert_eq!(kind(e), ErrorKind::VaultFailure, "a failure to try again");
        }
        for e in [VaultError::RolledBack, VaultError::OldFormat] {
            assert_eq!(kind(e), ErrorKind::VaultDamaged);
        }
    }
}
