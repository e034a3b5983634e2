//! Saved work: what the professional tools hand to the vault, and the referral summary.
//!
//! A note's payload is its text. Every other kind stores `{"summary": text, "data": value}`:
//! the plain text of the screen the work was saved from (de-identified: screens hold no case
//! label), and the tool's own data.

use serde::{Deserialize, Serialize};

use crate::content::ui::Ui;
use crate::error::Error;
use crate::ids::Vocabulary;
use crate::locale::Locales;
use crate::ui_keys::saved as k;
#[cfg(feature = "vault")]
use crate::vault::{Record, VaultError};

/// The most characters a case label may have.
pub const MAX_CASE_LABEL_CHARS: usize = 80;
/// The most characters a free-text note may have.
pub const MAX_NOTE_CHARS: usize = 10_000;
/// The most characters the payload of any other kind may have.
pub const MAX_PAYLOAD_CHARS: usize = 200_000;

/// What a record holds. The numbers are how each kind is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[repr(u8)]
pub enum RecordKind {
    /// An indicator assessment.
    Assessment = 1,
    /// A rights checklist.
    RightsChecklist = 2,
    /// The outcome of the minors' flow.
    MinorsOutcome = 3,
    /// An emergency placement checklist.
    PlacementChecklist = 4,
    /// A free-text note.
    Note = 5,
    /// Duties and next steps.
    Duties = 6,
}

impl RecordKind {
    /// The most characters a payload of this kind may have.
    pub fn max_payload_chars(self) -> usize {
        match self {
            Self::Note => MAX_NOTE_CHARS,
            _ => MAX_PAYLOAD_CHARS,
        }
    }

    /// The kind stored as `byte`, if any.
    #[cfg(feature = "vault")]
    pub(crate) fn from_stored(byte: u8) -> Option<Self> {
        <Self as Vocabulary>::ALL
            .iter()
            .copied()
            .find(|k| *k as u8 == byte)
    }
}

impl Vocabulary for RecordKind {
    const FIELD: &'static str = "kind";
    const ALL: &'static [Self] = &[
        Self::Assessment,
        Self::RightsChecklist,
        Self::MinorsOutcome,
        Self::PlacementChecklist,
        Self::Note,
        Self::Duties,
    ];
}

/// One piece of work ready to save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedWork {
    /// The plain text of the screen it was saved from.
    pub summary: String,
    /// The tool's own data, for reopening.
    pub data: serde_json::Value,
}

impl SavedWork {
    /// The vault payload; refused rather than stored empty.
    pub fn payload(&self) -> Result<String, Error> {
        if self.summary.trim().is_empty() {
            return Err(Error::NotSaved {
                reason: "it has no text".into(),
            });
        }
        serde_json::to_string(self).map_err(not_saved)
    }
}

fn not_saved(e: serde_json::Error) -> Error {
    Error::NotSaved {
        reason: format!("it could not be written as data ({e})"),
    }
}

/// The label of a record kind.
pub fn kind_label<'a>(kind: RecordKind, ui: &'a Ui, locales: &'a Locales) -> &'a str {
    ui.get(
        match kind {
            RecordKind::Assessment => k::SAVED_KIND_ASSESSMENT,
            RecordKind::RightsChecklist => k::SAVED_KIND_RIGHTS_CHECKLIST,
            RecordKind::MinorsOutcome => k::SAVED_KIND_MINORS_OUTCOME,
            RecordKind::PlacementChecklist => k::SAVED_KIND_PLACEMENT_CHECKLIST,
            RecordKind::Note => k::SAVED_KIND_NOTE,
            RecordKind::Duties => k::SAVED_KIND_DUTIES,
        },
        locales,
    )
}

#[cfg(feature = "vault")]
/// The body of a record: a note's text, or the text stored with the work.
pub fn body(record: &Record) -> Result<String, Error> {
    match record.kind {
        RecordKind::Note => Ok(record.payload.clone()),
        _ => serde_json::from_str::<SavedWork>(&record.payload)
            .map(|w| w.summary)
            .map_err(|_| {
                VaultError::Integrity {
                    id: record.id.clone(),
                }
                .into()
            }),
    }
}

#[cfg(feature = "vault")]
/// A plain-text summary of one record for the share sheet, to be shown for review before it is
/// shared. The case label is left out. A note is the user's own free text, so its summary is not
/// called de-identified and asks to be checked for names.
pub fn referral_summary(record: &Record, ui: &Ui, locales: &Locales) -> Result<String, Error> {
    Ok(summary_text(
        record.kind,
        &record.date,
        &body(record)?,
        ui,
        locales,
    ))
}

/// The summary to share of work of `kind` from `date` whose text is `body`: a title (a note's
/// text is the user's own, so it is not called de-identified), the kind and day, the text, and
/// the reminder to read it through for anything that identifies.
pub fn summary_text(
    kind: RecordKind,
    date: &str,
    body: &str,
    ui: &Ui,
    locales: &Locales,
) -> String {
    let title = match kind {
        RecordKind::Note => k::SAVED_SUMMARY_TITLE_NOTE,
        _ => k::SAVED_SUMMARY_TITLE,
    };
    format!(
        "{}\n{}\n\n{}\n\n{}\n",
        ui.get(title, locales),
        ui.fill(
            k::SAVED_SUMMARY_SAVED,
            locales,
            &[("kind", kind_label(kind, ui, locales)), ("date", date)]
        ),
        body.trim(),
        ui.get(k::SAVED_SUMMARY_FOOTER, locales),
    )
}

#[cfg(all(test, feature = "vault"))]
mod tests {
    use super::*;

    fn record(kind: RecordKind, payload: &str) -> Record {
        Record {
            id: "r1".into(),
            date: "2026-03-27".into(),
            kind,
            case_label: "case 1".into(),
            created: 0,
            payload: payload.into(),
        }
    }

    #[test]
    fn work_without_text_is_refused_rather_than_saved_empty() {
        let work = SavedWork {
            summary: " \n".into(),
            data: serde_json::Value::Null,
        };
        assert!(matches!(work.payload(), Err(Error::NotSaved { .. })));
    }

    #[test]
    fn a_record_that_is_not_saved_work_is_damaged_not_blank() {
        let e = body(&record(RecordKind::Assessment, "{}")).expect_err("not saved work");
        assert_eq!(e.code(), "vault_damaged");
        assert_eq!(
            body(&record(RecordKind::Note, "text")).expect("a note"),
            "text"
        );
    }
}
