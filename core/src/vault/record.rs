//! Saved records: what the caller sees, and what is sealed on disk.
//!
//! Only the id and the coarse date are stored in the clear (the date for
//! retention while locked). Kind, case label, creation time and payload are
//! sealed together, with the id and the date bound as associated data.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::crypto::{self, SecretKey};
use super::error::{Result, VaultError};
use super::retention;

/// The most characters a case label may have.
pub const MAX_CASE_LABEL_CHARS: usize = 80;
/// The most characters a free-text note may have.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// The most characters the payload of any other kind may have.
pub const MAX_PAYLOAD_CHARS: usize = 200_000;

/// What a record holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// An indicator assessment.
    Assessment,
    /// A rights checklist.
    RightsChecklist,
    /// The outcome of the minors' flow.
    MinorsOutcome,
    /// An emergency placement checklist.
    PlacementChecklist,
    /// A free-text note.
    Note,
}

impl RecordKind {
    /// The most characters a payload of this kind may have.
    pub fn max_payload_chars(self) -> usize {
        match self {
            Self::Note => MAX_NOTE_CHARS,
            _ => MAX_PAYLOAD_CHARS,
        }
    }
}

/// A saved record in full.
#[derive(Clone, PartialEq, Eq)]
pub struct Record {
    /// Random id, 32 lowercase hex digits.
    pub id: String,
    /// The UTC day it was saved, `YYYY-MM-DD`.
    pub date: String,
    /// What it holds.
    pub kind: RecordKind,
    /// The user's label for the case.
    pub case_label: String,
    /// When it was saved, unix seconds.
    pub created: i64,
    /// The content: JSON from the module that made it, or a note's text.
    pub payload: String,
}

/// A line of the list of saved records.
#[derive(Clone, PartialEq, Eq)]
pub struct RecordSummary {
    /// Random id, 32 lowercase hex digits.
    pub id: String,
    /// The UTC day it was saved, `YYYY-MM-DD`.
    pub date: String,
    /// What it holds.
    pub kind: RecordKind,
    /// The user's label for the case.
    pub case_label: String,
    /// When it was saved, unix seconds.
    pub created: i64,
}

impl std::fmt::Debug for Record {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Record")
            .field("id", &self.id)
            .field("date", &self.date)
            .field("kind", &self.kind)
            .field("case_label", &"<redacted>")
            .field("created", &self.created)
            .field("payload", &"<redacted>")
            .finish()
    }
}

impl std::fmt::Debug for RecordSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordSummary")
            .field("id", &self.id)
            .field("date", &self.date)
            .field("kind", &self.kind)
            .field("case_label", &"<redacted>")
            .field("created", &self.created)
            .finish()
    }
}

/// A stored row: the only columns on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) id: String,
    pub(crate) date: String,
    /// `nonce || ciphertext || tag` of the [`Content`].
    pub(crate) sealed: Vec<u8>,
}

/// What is sealed: borrowed strings when writing, owned when reading.
#[derive(Serialize, Deserialize)]
struct Content<S> {
    kind: RecordKind,
    case_label: S,
    created: i64,
    payload: S,
}

/// Checks a record's case label and payload before it is saved; returns the
/// label trimmed.
pub(crate) fn checked_label<'a>(
    kind: RecordKind,
    case_label: &'a str,
    payload: &str,
) -> Result<&'a str> {
    let label = case_label.trim();
    if label.is_empty() || label.chars().count() > MAX_CASE_LABEL_CHARS {
        return Err(VaultError::CaseLabel {
            max_chars: MAX_CASE_LABEL_CHARS,
        });
    }
    let max_chars = kind.max_payload_chars();
    if payload.chars().count() > max_chars {
        return Err(VaultError::TooLong { max_chars });
    }
    Ok(label)
}

/// A fresh random record id.
fn new_id() -> Result<String> {
    Ok(crypto::random::<16>()?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

impl Row {
    /// Seals a new record saved at `now` under `key`, with a fresh id.
    pub(crate) fn seal(
        key: &SecretKey,
        kind: RecordKind,
        case_label: &str,
        payload: &str,
        now: i64,
    ) -> Result<Self> {
        let (id, date) = (new_id()?, retention::date_of(now)?);
        let content = Content {
            kind,
            case_label,
            created: now,
            payload,
        };
        // Size the buffer exactly first, so it never reallocates and leaves
        // an unwiped copy of the plaintext behind.
        let mut size = ByteCount(0);
        serde_json::to_writer(&mut size, &content).map_err(|_| VaultError::Crypto)?;
        let mut plain = Zeroizing::new(Vec::with_capacity(size.0));
        serde_json::to_writer(&mut *plain, &content).map_err(|_| VaultError::Crypto)?;
        let sealed = crypto::seal(key, &aad(&id, &date), &plain)?;
        Ok(Self { id, date, sealed })
    }

    /// Opens the record; an altered row gives `Integrity`.
    pub(crate) fn open(self, key: &SecretKey) -> Result<Record> {
        let damaged = || VaultError::Integrity {
            id: self.id.clone(),
        };
        let plain =
            crypto::open(key, &aad(&self.id, &self.date), &self.sealed).ok_or_else(damaged)?;
        let content: Content<String> = serde_json::from_slice(&plain).map_err(|_| damaged())?;
        Ok(Record {
            id: self.id,
            date: self.date,
            kind: content.kind,
            case_label: content.case_label,
            created: content.created,
            payload: content.payload,
        })
    }
}

impl From<Record> for RecordSummary {
    fn from(r: Record) -> Self {
        Self {
            id: r.id,
            date: r.date,
            kind: r.kind,
            case_label: r.case_label,
            created: r.created,
        }
    }
}

/// Counts the bytes written to it.
struct ByteCount(usize);

impl std::io::Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn aad(id: &str, date: &str) -> Vec<u8> {
    format!("lykt-vault/record/v1\0{id}\0{date}").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_payloads_are_checked() {
        let long_label = "x".repeat(MAX_CASE_LABEL_CHARS + 1);
        assert!(matches!(
            checked_label(RecordKind::Note, "  ", ""),
            Err(VaultError::CaseLabel { .. })
        ));
        assert!(matches!(
            checked_label(RecordKind::Note, &long_label, ""),
            Err(VaultError::CaseLabel { .. })
        ));
        let long_note = "å".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            checked_label(RecordKind::Note, "case", &long_note),
            Err(VaultError::TooLong {
                max_chars: MAX_NOTE_CHARS
            })
        );
        assert_eq!(
            checked_label(RecordKind::Assessment, " case A ", &long_note),
            Ok("case A")
        );
    }

    #[test]
    fn ids_are_random_hex() {
        let a = new_id().expect("id");
        assert_eq!(a.len(), 32);
        assert!(
            a.chars()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_ne!(a, new_id().expect("id"));
    }

    #[test]
    fn rows_bind_id_and_date() {
        let key = SecretKey::random().expect("key");
        let row =
            Row::seal(&key, RecordKind::Note, "case", "text \"quoted\"", 86_400).expect("seal");
        assert_eq!(row.date, "1970-01-02");
        let record = row.clone().open(&key).expect("open");
        assert_eq!(
            (
                record.case_label.as_str(),
                record.payload.as_str(),
                record.created
            ),
            ("case", "text \"quoted\"", 86_400)
        );
        let moved = Row {
            id: "b".into(),
            ..row.clone()
        };
        assert_eq!(
            moved.open(&key),
            Err(VaultError::Integrity { id: "b".into() })
        );
        let redated = Row {
            date: "1970-01-03".into(),
            ..row
        };
        assert!(matches!(
            redated.open(&key),
            Err(VaultError::Integrity { .. })
        ));
    }

    #[test]
    fn debug_hides_label_and_payload() {
        let record = Record {
            id: "a".into(),
            date: "2026-01-02".into(),
            kind: RecordKind::Note,
            case_label: "Secret Name".into(),
            created: 1,
            payload: "secret text".into(),
        };
        let shown = format!("{record:?} {:?}", RecordSummary::from(record.clone()));
        assert!(!shown.contains("Secret") && !shown.contains("secret"));
        assert!(shown.contains("<redacted>"));
    }
}
