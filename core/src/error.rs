//! Errors a caller can cause, each with a message a person understands.

use crate::content::check::ContentErrors;

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
}

impl From<ContentErrors> for Error {
    fn from(e: ContentErrors) -> Self {
        Self::Content(e)
    }
}
