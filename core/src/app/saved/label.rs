//! Which case labels the app keeps.
//!
//! A label names a case so that its worker finds it again ("case 7", "night shift 12 March"); it
//! must not identify the person. Names cannot be told apart from other words, so the field says
//! not to write them. A phone number or a national identity number (fødselsnummer or D-number)
//! can be told apart, and is refused rather than warned about: a warning is easily tapped away
//! at night, while the label is shown in the list to anyone who opens the saved work, and a
//! refused label costs one retype. What counts is eight digits or more in a row, single spaces
//! between them included, as such numbers are written (a Norwegian phone number has eight, an
//! identity number eleven); shorter case numbers and dates written with dots or dashes pass.

use super::super::Ctx;
use crate::ui_keys::saved as k;
use crate::vault::MAX_CASE_LABEL_CHARS;

/// The fewest digits in a row that make a phone or identity number.
pub const NUMBER_DIGITS: usize = 8;

/// Checks a case label; the error says why in the person's language.
pub(super) fn check(ctx: &Ctx<'_>, label: &str) -> Result<(), String> {
    let label = label.trim();
    let chars = label.chars().count();
    if chars == 0 || chars > MAX_CASE_LABEL_CHARS {
        return Err(ctx.fill(
            k::SAVED_LABEL_LENGTH,
            &[("max", &MAX_CASE_LABEL_CHARS.to_string())],
        ));
    }
    if has_number(label) {
        return Err(ctx.ui(k::SAVED_LABEL_NUMBER).to_owned());
    }
    Ok(())
}

/// Whether `text` holds [`NUMBER_DIGITS`] digits or more in a row, single spaces between them
/// allowed.
fn has_number(text: &str) -> bool {
    let mut digits = 0;
    let mut separated = false;
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits += 1;
            separated = false;
            if digits >= NUMBER_DIGITS {
                return true;
            }
        } else if digits > 0 && !separated && c == ' ' {
            separated = true;
        } else {
            digits = 0;
            separated = false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_and_identity_numbers_are_found_however_they_are_written() {
        for label in [
            "case 01019012345",
            "010190 12345",
            "call 412 34 567",
            "+47 41234567",
            "tlf 41 23 45 67",
        ] {
            assert!(has_number(label), "{label}");
        }
    }

    #[test]
    fn ordinary_case_labels_pass() {
        for label in [
            "case 7",
            "2026/114",
            "night shift 12 March",
            "saksnr 1234567",
            "12 34  56 78",
            "legevakt 3",
            "31.12.2026",
            "2026-12-31 natt",
        ] {
            assert!(!has_number(label), "{label}");
        }
    }
}
