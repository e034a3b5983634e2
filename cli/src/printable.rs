//! Text from users and files, made safe to print: control characters (which can move the cursor,
//! clear the screen or retitle the terminal) and the invisible marks that reorder text are
//! removed.

use std::borrow::Cow;

/// One line: every control character removed.
pub fn line(text: &str) -> Cow<'_, str> {
    keep(text, |_| false)
}

/// Several lines: control characters removed except line breaks and tabs.
pub fn lines(text: &str) -> Cow<'_, str> {
    keep(text, |c| c == '\n' || c == '\t')
}

fn keep(text: &str, allowed: impl Fn(char) -> bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() || is_reordering(c)) && !allowed(c);
    if text.chars().any(unsafe_char) {
        Cow::Owned(text.chars().filter(|c| !unsafe_char(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// The bidirectional embedding, override and isolate marks.
fn is_reordering(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_removed_and_plain_text_is_kept() {
        assert_eq!(line("case \u{1b}[2J\u{7}\r\n7"), "case [2J7");
        assert_eq!(lines("a\n\u{1b}]0;x\u{7}b\tc\r"), "a\n]0;xb\tc");
        assert_eq!(line("abc\u{202E}cba"), "abccba");
        assert!(matches!(line("æøå مرحبا"), Cow::Borrowed(_)));
    }
}
