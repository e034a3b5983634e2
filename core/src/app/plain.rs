//! The plain text of a screen: the one renderer for every text the app produces from a screen.
//!
//! The terminal prints screens with it (its interactive mode puts a key before each control),
//! and saved work keeps the text of the screen it was saved from, so what is printed, saved or
//! shared is what the screen shows.

use std::fmt::Write as _;

use super::{Block, ChoiceOption, InputKind, NoticeLevel, Screen, StatusKind};
use crate::actions::Action;
use crate::locale::TextDirection;

/// Lines are wrapped at this many characters.
pub const WIDTH: usize = 78;

/// Something on a screen a person can use.
#[derive(Clone, Copy, Debug)]
pub enum Control<'a> {
    /// An action button.
    Act(&'a Action),
    /// An option of a question.
    Answer {
        /// The question's id.
        question: &'a str,
        /// The option.
        option: &'a ChoiceOption,
    },
    /// A checklist item, whose status can be changed.
    Item {
        /// The item's id.
        id: &'a str,
        /// The statuses it can take.
        options: &'a [ChoiceOption],
    },
    /// A button.
    Press {
        /// The button's id.
        id: &'a str,
    },
    /// A text field.
    Field {
        /// The field's id.
        id: &'a str,
        /// What it takes.
        kind: InputKind,
    },
    /// A link to another screen.
    Open {
        /// The screen's link target.
        target: &'a str,
    },
}

/// The screen for reading, saving and sharing: each control is a bullet, an action shows the URI
/// it opens, and what only works on the screen itself (buttons, fields, the quick exit) is left
/// out.
pub fn page(screen: &Screen) -> String {
    render(screen, None)
}

/// The screen with the key `key` gives each control before it, for example "[3]".
pub fn page_with_keys(screen: &Screen, key: &mut dyn FnMut(Control<'_>) -> String) -> String {
    render(screen, Some(key))
}

fn render(screen: &Screen, mut key: Option<&mut dyn FnMut(Control<'_>) -> String>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "\n{}\n{}", screen.title, underline(&screen.title, '='));
    let reading = key.is_none();
    if let Some(q) = screen.quick_exit.as_ref().filter(|_| !reading) {
        let _ = writeln!(out, "[x] {} ({})", q.label, q.hint);
        if let Some(p) = &q.progress {
            let _ = writeln!(out, "    {p}");
        }
    }
    let mut mark = |c: Control<'_>| match key.as_mut() {
        Some(k) => k(c),
        None => "•".to_owned(),
    };
    for block in &screen.blocks {
        block_text(&mut out, block, &mut mark, reading);
    }
    match screen.direction {
        TextDirection::Ltr => out,
        TextDirection::Rtl => right_to_left(&out),
    }
}

/// Right-to-left text for a terminal or a text file: each line starts with a right-to-left
/// mark, so a terminal or viewer that follows the Unicode bidirectional algorithm lays the line
/// out from the right, with its key or bullet first. Each line is a paragraph of its own, so an
/// isolate a wrapped text carries over a line break is closed at the end of the line and opened
/// again after the next line's indent.
fn right_to_left(text: &str) -> String {
    use crate::bidi::{LRI, PDI};
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut open = 0usize;
    for line in text.split_inclusive('\n') {
        let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        let rest = body.trim_start();
        if !rest.is_empty() {
            out.push('\u{200F}');
        }
        out.push_str(&body[..body.len() - rest.len()]);
        out.extend(std::iter::repeat_n(LRI, open));
        out.push_str(rest);
        let opened = rest.matches(LRI).count();
        open = (open + opened).saturating_sub(rest.matches(PDI).count());
        out.extend(std::iter::repeat_n(PDI, open));
        out.push_str(end);
    }
    out
}

fn underline(text: &str, c: char) -> String {
    c.to_string().repeat(text.chars().count().min(WIDTH))
}

fn block_text(
    out: &mut String,
    block: &Block,
    mark: &mut dyn FnMut(Control<'_>) -> String,
    reading: bool,
) {
    if reading && matches!(block, Block::Button { .. } | Block::TextInput { .. }) {
        return;
    }
    let _ = match block {
        Block::Heading { text } => writeln!(out, "\n{text}\n{}", underline(text, '-')),
        Block::Paragraph { text } => writeln!(out, "{}", wrap(text, "", "")),
        Block::BulletList { items } => items
            .iter()
            .try_for_each(|item| writeln!(out, "{}", wrap(item, "  • ", "    "))),
        Block::Action { action } => {
            let m = mark(Control::Act(action));
            if reading {
                writeln!(out, "{m} {:<40} {}", action.label, action.uri)
            } else {
                writeln!(out, "{m} {}", action.label)
            }
        }
        Block::Status { text, state } => writeln!(out, "{} {text}", status_mark(*state)),
        Block::Notice { level, text } => {
            let prefix = match level {
                NoticeLevel::Info => "i ",
                NoticeLevel::Caution => "! ",
                NoticeLevel::Urgent => "!! ",
            };
            writeln!(out, "{}", wrap(text, prefix, &" ".repeat(prefix.len())))
        }
        Block::Choice {
            id,
            prompt,
            options,
        } => {
            let _ = writeln!(out, "\n{}", wrap(prompt, "", ""));
            options.iter().try_for_each(|o| {
                let m = mark(Control::Answer {
                    question: id,
                    option: o,
                });
                let chosen = if o.selected { "(x)" } else { "( )" };
                writeln!(
                    out,
                    "{}",
                    wrap(&format!("{chosen} {}", o.label), &format!("{m} "), "    ")
                )
            })
        }
        Block::ChecklistItem {
            id,
            text,
            detail,
            status_label,
            options,
            ..
        } => {
            let m = mark(Control::Item { id, options });
            let _ = writeln!(
                out,
                "{}",
                wrap(
                    &format!("[{status_label}] {text}"),
                    &format!("{m} "),
                    "    "
                )
            );
            detail.iter().try_for_each(|d| {
                d.lines()
                    .try_for_each(|l| writeln!(out, "{}", wrap(l, "    ", "    ")))
            })
        }
        Block::Card {
            text,
            direction,
            norwegian,
            ..
        } => {
            let shown = wrap(text, "  ▌ ", "  ▌ ");
            let shown = match direction {
                TextDirection::Ltr => shown,
                TextDirection::Rtl => right_to_left(&shown),
            };
            writeln!(out, "\n{shown}\n{}", wrap(norwegian, "    ", "    "))
        }
        Block::Button { id, label, .. } => {
            writeln!(out, "{} {label}", mark(Control::Press { id }))
        }
        Block::TextInput {
            id,
            label,
            kind,
            value,
            hint,
            error,
            ..
        } => {
            let m = mark(Control::Field { id, kind: *kind });
            let line = format!("{label}: {value}");
            let _ = writeln!(out, "{}", wrap(&line, &format!("{m} "), "    "));
            let _ = hint
                .iter()
                .try_for_each(|h| writeln!(out, "{}", wrap(h, "    ", "    ")));
            error
                .iter()
                .try_for_each(|e| writeln!(out, "{}", wrap(e, "    !! ", "       ")))
        }
        Block::Link {
            target,
            label,
            detail,
        } => {
            let m = mark(Control::Open { target });
            let text = match detail {
                Some(d) => format!("{label} — {d}"),
                None => label.clone(),
            };
            writeln!(out, "{}", wrap(&text, &format!("{m} "), "    "))
        }
    };
}

/// The text of a screen to read aloud: the title, then every block's words (an action as a
/// screen reader says it), without the controls that only work on the screen.
pub fn spoken(screen: &Screen) -> String {
    let mut parts = vec![screen.title.clone()];
    for block in &screen.blocks {
        match block {
            Block::Heading { text } | Block::Paragraph { text } | Block::Status { text, .. } => {
                parts.push(text.clone());
            }
            Block::Notice { text, .. } => parts.push(text.clone()),
            Block::BulletList { items } => parts.extend(items.iter().cloned()),
            Block::Action { action } => parts.push(action.accessibility_label.clone()),
            Block::Choice { .. }
            | Block::ChecklistItem { .. }
            | Block::Button { .. }
            | Block::TextInput { .. }
            | Block::Link { .. } => {}
            // A card is read aloud in the person's language by its own button.
            Block::Card { .. } => {}
        }
    }
    parts.join("\n")
}

/// The mark before a status line: each kind its own, so "hours not stated" never looks like
/// "closed" and an open contact never like one that is always open.
pub fn status_mark(state: StatusKind) -> &'static str {
    match state {
        StatusKind::Open => "●",
        StatusKind::AlwaysOpen => "◉",
        StatusKind::Closed => "○",
        StatusKind::NotStated => "?",
        StatusKind::Holiday => "!",
        StatusKind::Info => "·",
    }
}

/// Wraps `text` at [`WIDTH`] with a first-line and a continuation prefix.
pub fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_owned();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = rest.to_owned();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(&line);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::ActionKind;
    use crate::app::Mode;

    fn screen(blocks: Vec<Block>) -> Screen {
        Screen {
            id: "x".into(),
            title: "Title".into(),
            window_title: "Title".into(),
            mode: Mode::Professional,
            direction: TextDirection::Ltr,
            back_available: false,
            back_label: "Back".into(),
            back_accessibility_label: "Back".into(),
            quick_exit: None,
            secure: true,
            tick_after_ms: None,
            blocks,
        }
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let text = "word ".repeat(60);
        let wrapped = wrap(&text, "  • ", "    ");
        assert!(wrapped.lines().all(|l| l.chars().count() <= WIDTH));
        assert!(wrapped.starts_with("  • word"));
        assert!(wrapped.lines().skip(1).all(|l| l.starts_with("    word")));
    }

    #[test]
    fn reading_shows_uris_and_keys_replace_the_bullets() {
        let s = screen(vec![
            Block::Action {
                action: Action {
                    id: "a.call.0".into(),
                    kind: ActionKind::Call,
                    uri: "tel:112".into(),
                    label: "Call 112".into(),
                    accessibility_label: "Call 1 1 2".into(),
                },
            },
            Block::Choice {
                id: "q".into(),
                prompt: "Which?".into(),
                options: vec![ChoiceOption {
                    id: "yes".into(),
                    label: "Yes".into(),
                    selected: true,
                }],
            },
            Block::Link {
                target: "home".into(),
                label: "Home".into(),
                detail: Some("Start".into()),
            },
            Block::Button {
                id: "speak".into(),
                label: "Read aloud".into(),
                accessibility_label: "Read aloud".into(),
            },
        ]);
        let read = page(&s);
        assert!(read.starts_with("\nTitle\n=====\n"), "{read}");
        assert!(
            read.contains("• Call 112") && read.contains("tel:112"),
            "{read}"
        );
        assert!(
            read.contains("• (x) Yes") && read.contains("• Home — Start"),
            "{read}"
        );
        let mut n = 0;
        let keyed = page_with_keys(&s, &mut |_| {
            n += 1;
            format!("[{n}]")
        });
        assert!(
            keyed.contains("[1] Call 112\n") && !keyed.contains("tel:"),
            "{keyed}"
        );
        assert!(keyed.contains("[2] (x) Yes") && keyed.contains("[3] Home — Start"));
        assert!(
            !read.contains("Read aloud") && keyed.contains("[4] Read aloud"),
            "a button works on the screen alone"
        );
    }

    #[test]
    fn every_status_has_its_own_mark() {
        let all = [
            StatusKind::Open,
            StatusKind::AlwaysOpen,
            StatusKind::Closed,
            StatusKind::NotStated,
            StatusKind::Holiday,
            StatusKind::Info,
        ];
        let marks: std::collections::HashSet<_> = all.iter().map(|s| status_mark(*s)).collect();
        assert_eq!(marks.len(), all.len());
    }

    #[test]
    fn a_field_shows_its_label_value_hint_and_error() {
        let s = screen(vec![Block::TextInput {
            id: "label".into(),
            label: "Case label".into(),
            kind: InputKind::Text,
            value: "case 7".into(),
            hint: Some("No names.".into()),
            error: Some("Too long.".into()),
            max_chars: 80,
            focus: true,
            submit_label: Some("Save".into()),
        }]);
        let keyed = page_with_keys(&s, &mut |c| match c {
            Control::Field { id, kind } => format!("[{id} {kind:?}]"),
            _ => "[?]".into(),
        });
        assert!(
            keyed.contains("[label Text] Case label: case 7\n    No names.\n    !! Too long."),
            "{keyed}"
        );
    }
}
