//! Right-to-left screens: numbers, addresses and Latin-script text stay left to right inside them.
//!
//! The Unicode bidirectional algorithm reorders a phone number written with spaces or a plus
//! inside right-to-left text ("22 33 11 60" shows as "60 11 33 22"), and an English line on a
//! right-to-left screen loses its full stop to the wrong end. On every right-to-left screen the
//! core wraps such runs in a left-to-right isolate (U+2066 … U+2069), so every shell and the
//! terminal show them as written, and no translator has to type an invisible mark (the content
//! check rejects them).

use crate::app::{Block, Screen};
use crate::locale::TextDirection;

/// Opens a left-to-right isolate.
pub const LRI: char = '\u{2066}';
/// Closes an isolate.
pub const PDI: char = '\u{2069}';

/// The first invisible direction control in `text` (marks, embeddings, overrides, isolates).
pub fn direction_control(text: &str) -> Option<char> {
    text.chars().find(|c| {
        matches!(
            c,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
    })
}

/// True for a letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko and others).
pub fn is_rtl_letter(c: char) -> bool {
    matches!(
        c,
        '\u{0590}'..='\u{08FF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}'
    ) && c.is_alphabetic()
}

/// `text` as it must stand on a right-to-left screen.
///
/// A text without a right-to-left letter is isolated whole; otherwise every run of words that
/// hold a digit (numbers, times, addresses), with the spaces between them, is isolated from its
/// first letter, digit or `+` to its last letter or digit. A text that already holds an isolate
/// is left as it is.
pub fn for_rtl(text: &str) -> String {
    if text.contains([LRI, PDI]) {
        return text.to_owned();
    }
    if !text.chars().any(is_rtl_letter) {
        return if text.chars().any(char::is_alphanumeric) {
            format!("{LRI}{text}{PDI}")
        } else {
            text.to_owned()
        };
    }
    let mut out = String::with_capacity(text.len() + 12);
    let mut rest = text;
    while let Some((start, end)) = next_run(rest) {
        out.push_str(&rest[..start]);
        out.push(LRI);
        out.push_str(&rest[start..end]);
        out.push(PDI);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The byte range of the next left-to-right run in `text`: a word holding a digit and no
/// right-to-left letter, or groups of digits joined by single spaces (a phone number), trimmed
/// to letters, digits and a leading `+`.
fn next_run(text: &str) -> Option<(usize, usize)> {
    let words = words(text);
    let first = words.iter().position(|&(s, e)| ltr_number(&text[s..e]))?;
    let mut last = first;
    while let Some(&(s, e)) = words.get(last + 1) {
        let (ls, le) = words[last];
        let gap = &text[le..s];
        let next = text[s..e].trim_end_matches(|c: char| !c.is_alphanumeric());
        if !(gap == " " || gap == "\u{a0}") || !digits(&text[ls..le]) || !digits(next) {
            break;
        }
        last += 1;
    }
    let (s, e) = (words[first].0, words[last].1);
    let inner = |c: char| c.is_alphanumeric() || c == '+';
    let start = s + text[s..e].find(inner)?;
    let end = s + text[s..e].rfind(char::is_alphanumeric)?;
    let end = end + text[end..].chars().next().map_or(0, char::len_utf8);
    Some((start, end))
}

/// The byte ranges of the whitespace-separated words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A group of a phone number: digits, the first perhaps after a `+`.
fn digits(word: &str) -> bool {
    let d = word.strip_prefix('+').unwrap_or(word);
    !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit())
}

fn ltr_number(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit()) && !word.chars().any(is_rtl_letter)
}

/// Lays out a right-to-left screen's visible texts with [`for_rtl`], and on any screen a card
/// in a right-to-left language; the rest is left as it is. Spoken labels are left alone: screen
/// readers read isolates as nothing.
pub fn lay_out(screen: &mut Screen) {
    let fix = |s: &mut String| *s = for_rtl(s);
    for block in &mut screen.blocks {
        if let Block::Card {
            text,
            direction: TextDirection::Rtl,
            ..
        } = block
        {
            fix(text);
        }
    }
    if screen.direction != TextDirection::Rtl {
        return;
    }
    fix(&mut screen.title);
    if let Some(q) = &mut screen.quick_exit {
        fix(&mut q.label);
        fix(&mut q.hint);
        q.progress.iter_mut().for_each(fix);
    }
    for block in &mut screen.blocks {
        match block {
            Block::Heading { text } | Block::Paragraph { text } | Block::Status { text, .. } => {
                fix(text)
            }
            Block::Notice { text, .. } => fix(text),
            Block::BulletList { items } => items.iter_mut().for_each(fix),
            Block::Action { action } => fix(&mut action.label),
            Block::Choice {
                prompt, options, ..
            } => {
                fix(prompt);
                options.iter_mut().for_each(|o| fix(&mut o.label));
            }
            Block::ChecklistItem {
                text,
                detail,
                status_label,
                options,
                ..
            } => {
                fix(text);
                detail.iter_mut().for_each(fix);
                fix(status_label);
                options.iter_mut().for_each(|o| fix(&mut o.label));
            }
            Block::Link { label, detail, .. } => {
                fix(label);
                detail.iter_mut().for_each(fix);
            }
            Block::Button { label, .. } => fix(label),
            Block::Card { norwegian, .. } => fix(norwegian),
            // The value is what the person typed, and stays as typed.
            Block::TextInput {
                label,
                hint,
                error,
                submit_label,
                ..
            } => {
                fix(label);
                hint.iter_mut().for_each(fix);
                error.iter_mut().for_each(fix);
                submit_label.iter_mut().for_each(fix);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> String {
        s.replace(LRI, "<").replace(PDI, ">")
    }

    #[test]
    fn phone_numbers_times_and_addresses_are_isolated_whole() {
        assert_eq!(
            shown(&for_rtl("اتصل بالرقم 22 33 11 60")),
            "اتصل بالرقم <22 33 11 60>"
        );
        assert_eq!(
            shown(&for_rtl("اتصل من الخارج: +47 22 33 11 60.")),
            "اتصل من الخارج: <+47 22 33 11 60>."
        );
        assert_eq!(
            shown(&for_rtl("مفتوح حتى 16:00 (24/7) alarm@116111.no")),
            "مفتوح حتى <16:00> (<24/7>) <alarm@116111.no>"
        );
        assert_eq!(
            shown(&for_rtl("المادتان 257 و 258")),
            "المادتان <257> و <258>"
        );
    }

    #[test]
    fn left_to_right_texts_are_isolated_whole_and_others_left_alone() {
        assert_eq!(
            shown(&for_rtl("This translation has not been checked.")),
            "<This translation has not been checked.>"
        );
        assert_eq!(for_rtl("…"), "…");
        assert_eq!(for_rtl("مرحبا"), "مرحبا");
        let once = for_rtl("الهاتف: 22 33 11 60");
        assert_eq!(for_rtl(&once), once, "isolating twice changes nothing");
    }

    #[test]
    fn direction_controls_and_right_to_left_letters_are_recognised() {
        assert_eq!(direction_control("a\u{2066}1\u{2069}"), Some('\u{2066}'));
        assert_eq!(direction_control("a\u{200F}"), Some('\u{200F}'));
        assert_eq!(direction_control("plain"), None);
        assert!(is_rtl_letter('ع') && is_rtl_letter('ש'));
        assert!(!is_rtl_letter('a') && !is_rtl_letter('٫') && !is_rtl_letter('ก'));
    }
}
