//! Saved work: what the professional tools hand to the vault, and the referral summary.
//!
//! A note's payload is its text. Every other kind stores `{"summary": text, "data": value}`:
//! the de-identified summary the tool wrote when it was saved, and the tool's own data.

use serde::{Deserialize, Serialize};

use crate::content::ui::Ui;
use crate::locale::Locales;
use crate::ui_keys::saved as k;
use crate::vault::{Record, RecordKind};

/// One piece of work ready to save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedWork {
    /// The de-identified plain-text summary (what was observed, flags, steps, statuses, sources).
    pub summary: String,
    /// The tool's own data, for reopening.
    pub data: serde_json::Value,
}

impl SavedWork {
    /// The vault payload.
    pub fn payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The label of a record kind.
pub fn kind_label<'a>(kind: RecordKind, ui: &'a Ui, locales: &Locales) -> &'a str {
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

/// The body of a record: a note's text, or the summary stored with the work.
pub fn body(record: &Record) -> String {
    match record.kind {
        RecordKind::Note => record.payload.clone(),
        _ => serde_json::from_str::<SavedWork>(&record.payload)
            .map(|w| w.summary)
            .unwrap_or_default(),
    }
}

/// A plain-text summary of one record for the share sheet, to be shown for review before it is
/// shared. The case label is left out. A note is the user's own free text, so its summary is not
/// called de-identified and asks to be checked for names.
pub fn referral_summary(record: &Record, ui: &Ui, locales: &Locales) -> String {
    let kind = kind_label(record.kind, ui, locales);
    let title = match record.kind {
        RecordKind::Note => k::SAVED_SUMMARY_TITLE_NOTE,
        _ => k::SAVED_SUMMARY_TITLE,
    };
    format!(
        "{}\n{}\n\n{}\n\n{}\n",
        ui.get(title, locales),
        ui.fill(
            k::SAVED_SUMMARY_SAVED,
            locales,
            &[("kind", kind), ("date", &record.date)]
        ),
        body(record).trim_end(),
        ui.get(k::SAVED_SUMMARY_FOOTER, locales),
    )
}
