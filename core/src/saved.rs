//! Saved work: what the professional tools hand to the vault, and the referral summary.
//!
//! A note's payload is its text. Every other kind stores `{"summary": text, "data": value}`:
//! the plain text of the screen the work was saved from (de-identified: screens hold no case
//! label), and the tool's own data.

use serde::{Deserialize, Serialize};

use crate::app::{Screen, plain};
use crate::content::ui::Ui;
use crate::error::Error;
use crate::locale::Locales;
use crate::ui_keys::saved as k;
use crate::vault::{Record, RecordKind, VaultError};

/// One piece of work ready to save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedWork {
    /// The plain text of the screen it was saved from.
    pub summary: String,
    /// The tool's own data, for reopening.
    pub data: serde_json::Value,
}

impl SavedWork {
    /// The work shown on `screen`, with the tool's `data`.
    pub fn new(screen: &Screen, data: &impl Serialize) -> Result<Self, Error> {
        Ok(Self {
            summary: plain::page(screen),
            data: serde_json::to_value(data).map_err(not_saved)?,
        })
    }

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
        },
        locales,
    )
}

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

/// A plain-text summary of one record for the share sheet, to be shown for review before it is
/// shared. The case label is left out. A note is the user's own free text, so its summary is not
/// called de-identified and asks to be checked for names.
pub fn referral_summary(record: &Record, ui: &Ui, locales: &Locales) -> Result<String, Error> {
    let kind = kind_label(record.kind, ui, locales);
    let title = match record.kind {
        RecordKind::Note => k::SAVED_SUMMARY_TITLE_NOTE,
        _ => k::SAVED_SUMMARY_TITLE,
    };
    Ok(format!(
        "{}\n{}\n\n{}\n\n{}\n",
        ui.get(title, locales),
        ui.fill(
            k::SAVED_SUMMARY_SAVED,
            locales,
            &[("kind", kind), ("date", &record.date)]
        ),
        body(record)?.trim(),
        ui.get(k::SAVED_SUMMARY_FOOTER, locales),
    ))
}

#[cfg(test)]
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
