//! What can go wrong with the vault, in words a person understands.

use super::kdf::KdfParams;

/// Every failure the vault reports. No variant carries a PIN, a key or saved content.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    /// No vault has been set up in the folder (or it was wiped).
    #[error("no vault has been set up on this device")]
    NotFound,
    /// `create` was called where a vault already exists.
    #[error("a vault already exists; wipe it before creating a new one")]
    AlreadyExists,
    /// The new PIN is shorter than the minimum.
    #[error("the PIN must have at least {min_chars} characters")]
    PinTooShort {
        /// The minimum number of characters.
        min_chars: usize,
    },
    /// The new PIN is one of those anyone tries first.
    #[error(
        "this PIN is too easy to guess (one digit repeated, a straight run such as 123456, or one of the most common PINs); choose another"
    )]
    PinTooCommon,
    /// The platform secret handed in is too short to add any protection.
    #[error("the key from the phone's secure storage is too short (at least {min_bytes} bytes)")]
    PlatformSecretTooShort {
        /// The minimum number of bytes.
        min_bytes: usize,
    },
    /// The vault was created with a platform secret and none was given.
    #[error("this vault also needs the key kept in the phone's secure storage, and it is missing")]
    PlatformSecretMissing,
    /// The platform secret handed in is not the one the vault was created with.
    #[error("the key from the phone's secure storage does not belong to this vault")]
    PlatformSecretWrong,
    /// A platform secret was given, or the vault was made with one, but no platform store.
    #[error(
        "this vault keeps a record in the phone's secure storage, and the app did not provide it"
    )]
    PlatformStoreMissing,
    /// The platform store failed to read or write the vault's record.
    #[error("the phone's secure storage could not be read or written; try again")]
    PlatformStoreFailed,
    /// The files are older than the record kept outside them: an earlier copy was put back.
    #[error(
        "the vault files are older than the record kept in the phone's secure storage: an earlier copy was put back, so what they hold cannot be trusted"
    )]
    RolledBack,
    /// The PIN (or the platform secret) does not open the vault.
    #[error("the PIN is wrong{}", wipe_warning(*.attempts_before_wipe))]
    WrongPin {
        /// Wrong PINs left before the vault erases itself, when that is switched on.
        attempts_before_wipe: Option<u32>,
    },
    /// Too many wrong PINs in a row: the next try must wait.
    #[error("too many wrong PINs; try again in {wait_secs} seconds")]
    TooManyAttempts {
        /// Seconds until the next try is accepted.
        wait_secs: u64,
    },
    /// The configured number of wrong PINs was reached and the vault was wiped.
    #[error("too many wrong PINs; the vault has been erased")]
    ErasedAfterWrongPins,
    /// The vault was wiped while this handle was open.
    #[error("the vault has been erased")]
    Erased,
    /// The vault is locked (never unlocked, locked by hand, or idle too long).
    #[error("the vault is locked; enter the PIN to open it")]
    Locked,
    /// No saved item has this id.
    #[error("no saved item has the id \"{id}\"")]
    NoSuchRecord {
        /// The id as given.
        id: String,
    },
    /// A saved item failed its integrity check: altered or damaged on disk.
    #[error("the saved item \"{id}\" has been altered or damaged and cannot be read")]
    Integrity {
        /// The id of the damaged item.
        id: String,
    },
    /// The vault files are not a readable vault (truncated, overwritten, foreign).
    #[error("the vault files are damaged and cannot be read")]
    Damaged,
    /// The vault was written by a newer version of the app.
    #[error("the vault was saved by a newer version of the app; update the app to open it")]
    NewerFormat,
    /// The vault was written in the format of an earlier test version, which this one refuses.
    #[error(
        "the vault was made by an earlier test version of the app and cannot be opened; wipe it and create a new one"
    )]
    OldFormat,
    /// The case label is empty or too long.
    #[error("the case label must have between 1 and {max_chars} characters")]
    CaseLabel {
        /// The maximum number of characters.
        max_chars: usize,
    },
    /// The content of a record is too long.
    #[error("the text is too long; the limit is {max_chars} characters")]
    TooLong {
        /// The maximum number of characters for this kind of record.
        max_chars: usize,
    },
    /// The configured key-derivation costs are outside the accepted range.
    #[error(
        "the PIN protection settings are outside the safe range (memory {}–{} KiB, passes {}–{}, lanes {}–{})",
        KdfParams::MIN.memory_kib, KdfParams::MAX.memory_kib,
        KdfParams::MIN.iterations, KdfParams::MAX.iterations,
        KdfParams::MIN.lanes, KdfParams::MAX.lanes
    )]
    InvalidKdfParams,
    /// A `now` that is no calendar date.
    #[error("the time {now} is not a valid date")]
    InvalidTime {
        /// The time as given, in unix seconds.
        now: i64,
    },
    /// The device is out of storage space.
    #[error("the phone's storage is full; free some space and try again")]
    StorageFull,
    /// The device could not provide the memory the PIN check needs.
    #[error("there is not enough memory to check the PIN; close other apps and try again")]
    NotEnoughMemory,
    /// The platform's random numbers or cipher failed.
    #[error("the phone's cryptography failed; nothing was saved")]
    Crypto,
    /// The wipe could not overwrite the key, so it deleted nothing.
    #[error(
        "the vault could not be erased: its key could not be overwritten, so nothing was deleted; try again"
    )]
    WipeFailed,
    /// Any other failure to read or write the vault files.
    #[error("{problem}")]
    Storage {
        /// What went wrong, in the vault's words.
        problem: StorageProblem,
    },
}

/// Why the vault's files could not be read or written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageProblem {
    /// The vault's folder is a file, or a vault file is a folder.
    #[error("the vault's folder is not a folder the vault can use")]
    NotAFolder,
    /// The app may not open, read or write the files.
    #[error("the app is not allowed to open, read or write the vault's files")]
    NoAccess,
    /// The storage is read-only.
    #[error("the vault's storage is read-only")]
    ReadOnly,
    /// Another part of the app, or another program, holds the vault.
    #[error("the vault is busy in another part of the app; try again in a moment")]
    Busy,
    /// The storage failed.
    #[error("the vault's files could not be read or written (a storage fault); try again")]
    Fault,
}

fn wipe_warning(attempts_before_wipe: Option<u32>) -> String {
    match attempts_before_wipe {
        Some(1) => "; one more wrong PIN erases the vault".to_owned(),
        Some(n) => format!("; {n} more wrong PINs erase the vault"),
        None => String::new(),
    }
}

/// The vault's result type.
pub type Result<T> = std::result::Result<T, VaultError>;

/// Maps an SQLite failure to the vault's words; SQLite's own text is never shown.
pub(crate) fn storage(e: rusqlite::Error) -> VaultError {
    use rusqlite::{ErrorCode, ffi};
    if let rusqlite::Error::SqliteFailure(failure, _) = &e {
        // A page cut short by a truncated file.
        if failure.extended_code == ffi::SQLITE_IOERR_SHORT_READ {
            return VaultError::Damaged;
        }
    }
    let problem = match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => return VaultError::Damaged,
        Some(ErrorCode::DiskFull) => return VaultError::StorageFull,
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StorageProblem::Busy,
        Some(ErrorCode::ReadOnly) => StorageProblem::ReadOnly,
        Some(ErrorCode::PermissionDenied | ErrorCode::AuthorizationForStatementDenied) => {
            StorageProblem::NoAccess
        }
        Some(ErrorCode::CannotOpen) => StorageProblem::NoAccess,
        _ => match e {
            rusqlite::Error::IntegralValueOutOfRange(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::QueryReturnedNoRows => return VaultError::Damaged,
            _ => StorageProblem::Fault,
        },
    };
    VaultError::Storage { problem }
}

/// Maps a file-system failure to the vault's words; the system's own text is never shown.
pub(crate) fn io(e: std::io::Error) -> VaultError {
    use std::io::ErrorKind;
    let problem = match e.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
            return VaultError::StorageFull;
        }
        ErrorKind::NotADirectory | ErrorKind::IsADirectory | ErrorKind::AlreadyExists => {
            StorageProblem::NotAFolder
        }
        ErrorKind::PermissionDenied => StorageProblem::NoAccess,
        ErrorKind::ReadOnlyFilesystem => StorageProblem::ReadOnly,
        ErrorKind::ResourceBusy | ErrorKind::WouldBlock => StorageProblem::Busy,
        _ => StorageProblem::Fault,
    };
    VaultError::Storage { problem }
}
