//! Saved records: what the caller sees, and what is sealed on disk.
//!
//! Only the id and the coarse date are stored in the clear (the date for retention while
//! locked). A record is sealed in two parts, both with the id and the date bound as associated
//! data: its kind, case label and creation time (what the list shows), and apart from them its
//! payload, so listing never decrypts a note. The sealed plaintexts are plain bytes, not JSON,
//! so reading one back makes exactly one copy, into the value returned, which is wiped when
//! dropped.

use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::crypto::{self, Cipher};
use super::error::{Result, VaultError};
use super::retention;

pub use crate::saved::{MAX_CASE_LABEL_CHARS, MAX_NOTE_CHARS, MAX_PAYLOAD_CHARS, RecordKind};

/// A saved record in full; its text is wiped from memory when it is dropped.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct Record {
    /// Random id, 32 lowercase hex digits.
    pub id: String,
    /// The UTC day it was saved, `YYYY-MM-DD`.
    pub date: String,
    /// What it holds.
    #[zeroize(skip)]
    pub kind: RecordKind,
    /// The user's label for the case.
    pub case_label: String,
    /// When it was saved, unix seconds.
    pub created: i64,
    /// The content: JSON from the module that made it, or a note's text.
    pub payload: String,
}

/// A line of the list of saved records; wiped from memory when dropped.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct RecordSummary {
    /// Random id, 32 lowercase hex digits.
    pub id: String,
    /// The UTC day it was saved, `YYYY-MM-DD`.
    pub date: String,
    /// What it holds.
    #[zeroize(skip)]
    pub kind: RecordKind,
    /// The user's label for the case.
    pub case_label: String,
    /// When it was saved, unix seconds.
    pub created: i64,
}

/// A saved record that cannot be shown, and why: one damaged record never hides the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DamagedRecord {
    /// Its id, as stored.
    pub id: String,
    /// Its day, as stored.
    pub date: String,
    /// What is wrong with it.
    pub damage: Damage,
}

/// What is wrong with a damaged record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Damage {
    /// Its bytes were altered or damaged on disk.
    Unreadable,
    /// It was put into the file from elsewhere (an older copy, another vault) and the vault never
    /// saved it there.
    NotSavedHere,
    /// It was removed from the file outside the app.
    Missing,
}

/// Every saved record: those that can be read, newest first, and those that cannot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listing {
    /// The records, newest first.
    pub records: Vec<RecordSummary>,
    /// Records that are damaged, newest first; each can be deleted.
    pub damaged: Vec<DamagedRecord>,
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
    /// `nonce || ciphertext || tag` of kind, creation time and case label.
    pub(crate) meta: Vec<u8>,
    /// `nonce || ciphertext || tag` of the payload; not read to list.
    pub(crate) payload: Option<Vec<u8>>,
}

/// Checks a record's case label and payload before it is saved; returns the label trimmed.
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

/// `kind (1 byte) || created (8 bytes, little-endian)`, then the case label.
const META_HEADER: usize = 9;

impl Row {
    /// Seals a new record saved at `now` with `cipher`, under a fresh id.
    pub(crate) fn seal(
        cipher: &Cipher,
        kind: RecordKind,
        case_label: &str,
        payload: &str,
        now: i64,
    ) -> Result<Self> {
        let (id, date) = (new_id()?, retention::date_of(now)?);
        // Sized once, so it never reallocates and leaves an unwiped copy behind.
        let mut meta = Zeroizing::new(Vec::with_capacity(META_HEADER + case_label.len()));
        meta.push(kind as u8);
        meta.extend_from_slice(&now.to_le_bytes());
        meta.extend_from_slice(case_label.as_bytes());
        Ok(Self {
            meta: cipher.seal(&aad(Part::Meta, &id, &date), &meta)?,
            payload: Some(cipher.seal(&aad(Part::Payload, &id, &date), payload.as_bytes())?),
            id,
            date,
        })
    }

    /// The list's line for this row, without touching its payload; `None` if damaged.
    pub(crate) fn summary(&self, cipher: &Cipher) -> Option<RecordSummary> {
        let meta = cipher.open(&aad(Part::Meta, &self.id, &self.date), &self.meta)?;
        let (header, label) = meta.split_at_checked(META_HEADER)?;
        Some(RecordSummary {
            id: self.id.clone(),
            date: self.date.clone(),
            kind: RecordKind::from_stored(header[0])?,
            created: i64::from_le_bytes(header[1..].try_into().ok()?),
            case_label: std::str::from_utf8(label).ok()?.to_owned(),
        })
    }

    /// Opens the whole record; an altered row gives `Integrity`.
    pub(crate) fn open(&self, cipher: &Cipher) -> Result<Record> {
        let damaged = || VaultError::Integrity {
            id: self.id.clone(),
        };
        let summary = self.summary(cipher).ok_or_else(damaged)?;
        let payload = self
            .payload
            .as_deref()
            .and_then(|sealed| cipher.open(&aad(Part::Payload, &self.id, &self.date), sealed))
            .ok_or_else(damaged)?;
        let payload = std::str::from_utf8(&payload).map_err(|_| damaged())?;
        Ok(Record {
            id: summary.id.clone(),
            date: summary.date.clone(),
            kind: summary.kind,
            case_label: summary.case_label.clone(),
            created: summary.created,
            payload: payload.to_owned(),
        })
    }
}

/// The two sealed parts of a record.
#[derive(Clone, Copy)]
enum Part {
    Meta,
    Payload,
}

fn aad(part: Part, id: &str, date: &str) -> Vec<u8> {
    let name = match part {
        Part::Meta => "meta",
        Part::Payload => "payload",
    };
    format!("lykt-vault/record-{name}/v2\0{id}\0{date}").into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::crypto::SecretKey;

    fn cipher() -> Cipher {
        Cipher::new(&SecretKey::random().expect("key")).expect("cipher")
    }

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
    fn every_kind_is_stored_and_read_back() {
        let cipher = cipher();
        for &kind in <RecordKind as crate::ids::Vocabulary>::ALL {
            let row = Row::seal(&cipher, kind, "case", "{}", 5).expect("seal");
            assert_eq!(row.summary(&cipher).expect("meta").kind, kind);
        }
        assert_eq!(RecordKind::from_stored(0), None);
        assert_eq!(RecordKind::from_stored(7), None);
    }

    #[test]
    fn rows_bind_id_and_date_and_keep_the_payload_apart() {
        let cipher = cipher();
        let row = Row::seal(
            &cipher,
            RecordKind::Note,
            "case",
            "text \"quoted\"\n",
            86_400,
        )
        .expect("seal");
        assert_eq!(row.date, "1970-01-02");
        let record = row.open(&cipher).expect("open");
        assert_eq!(
            (
                record.case_label.as_str(),
                record.payload.as_str(),
                record.created
            ),
            ("case", "text \"quoted\"\n", 86_400)
        );
        // The list's line needs no payload.
        let listed = Row {
            payload: None,
            ..row.clone()
        };
        assert_eq!(listed.summary(&cipher).expect("meta").case_label, "case");
        let moved = Row {
            id: "b".into(),
            ..row.clone()
        };
        assert_eq!(
            moved.open(&cipher),
            Err(VaultError::Integrity { id: "b".into() })
        );
        let redated = Row {
            date: "1970-01-03".into(),
            ..row.clone()
        };
        assert!(redated.summary(&cipher).is_none());
        // Meta and payload cannot stand in for each other.
        let swapped = Row {
            meta: row.payload.clone().expect("payload"),
            payload: Some(row.meta.clone()),
            ..row
        };
        assert!(swapped.summary(&cipher).is_none());
    }

    #[test]
    fn debug_hides_label_and_payload() {
        let cipher = cipher();
        let row =
            Row::seal(&cipher, RecordKind::Note, "Secret Name", "secret text", 1).expect("seal");
        let shown = format!(
            "{:?} {:?}",
            row.open(&cipher).expect("open"),
            row.summary(&cipher).expect("summary")
        );
        assert!(!shown.contains("Secret") && !shown.contains("secret"));
        assert!(shown.contains("<redacted>"));
    }
}
