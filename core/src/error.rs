//! Errors a caller can cause, each with a message a person understands.

use crate::content::check::ContentErrors;
use crate::content::signed::UpdateError;
#[cfg(feature = "vault")]
use crate::vault::VaultError;

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
    /// A right is not in the checklist.
    #[error("the rights checklist has no right \"{id}\"; valid ids: {valid}", valid = .valid.join(", "))]
    UnknownRight {
        /// The id as given.
        id: String,
        /// The rights in this checklist.
        valid: Vec<String>,
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

impl Error {
    /// A stable snake_case name of the error kind, for scripts and tests.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidLocale { .. } => "invalid_locale",
            Self::InvalidTime { .. } => "invalid_time",
            Self::UnknownContact { .. } => "unknown_contact",
            Self::UnknownAudience { .. } => "unknown_audience",
            Self::UnknownScreen { .. } => "unknown_screen",
            Self::InvalidEvent { .. } => "invalid_event",
            Self::Content(_) => "invalid_content",
            Self::PackRefused(_) => "pack_refused",
            Self::InvalidAnswer { .. } => "invalid_answer",
            Self::FlowEnded { .. } => "flow_ended",
            Self::UnknownChecklistItem { .. } => "unknown_checklist_item",
            Self::InvalidChecklistStatus { .. } => "invalid_checklist_status",
            Self::InvalidValue { .. } => "invalid_value",
            Self::UnknownIndicator { .. } => "unknown_indicator",
            Self::IndicatorNotOffered { .. } => "indicator_not_offered",
            Self::UnknownRight { .. } => "unknown_right",
            #[cfg(feature = "vault")]
            Self::Vault(e) => match e {
                VaultError::WrongPin { .. } => "wrong_pin",
                VaultError::TooManyAttempts { .. } => "too_many_attempts",
                VaultError::Locked => "vault_locked",
                VaultError::NotFound | VaultError::Erased | VaultError::ErasedAfterWrongPins => {
                    "no_vault"
                }
                VaultError::NoSuchRecord { .. } => "unknown_record",
                VaultError::Damaged | VaultError::Integrity { .. } | VaultError::NewerFormat => {
                    "vault_damaged"
                }
                VaultError::AlreadyExists
                | VaultError::PinTooShort { .. }
                | VaultError::PlatformSecretTooShort { .. }
                | VaultError::PlatformSecretMissing
                | VaultError::CaseLabel { .. }
                | VaultError::TooLong { .. }
                | VaultError::InvalidKdfParams
                | VaultError::InvalidTime { .. } => "invalid_vault_input",
                VaultError::StorageFull
                | VaultError::NotEnoughMemory
                | VaultError::Crypto
                | VaultError::Storage { .. } => "vault_failure",
            },
        }
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
