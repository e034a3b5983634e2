//! One generic renderer for every screen model: no code per screen.

use std::fmt::Write as _;

use lykt_core::app::{Block, Event, NoticeLevel, Screen, StatusKind};

/// What a number typed at the prompt does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Send this event.
    Event(Event),
    /// Ask which status to give a checklist item.
    Status {
        item: String,
        options: Vec<(String, String)>,
    },
}

/// Text of a screen and the numbered choices on it.
#[derive(Debug, Default)]
pub struct Rendered {
    /// What to print.
    pub text: String,
    /// The event behind each number, from 1.
    pub choices: Vec<Choice>,
    numbered: bool,
}

const WIDTH: usize = 78;

/// Renders `screen` as text with numbered choices.
pub fn screen(screen: &Screen) -> Rendered {
    render(screen, true)
}

/// Renders `screen` for reading only: actions show their URI, nothing is numbered.
pub fn page(screen: &Screen) -> String {
    render(screen, false).text
}

fn render(screen: &Screen, numbered: bool) -> Rendered {
    let mut r = Rendered {
        numbered,
        ..Rendered::default()
    };
    let _ = writeln!(
        r.text,
        "\n{}\n{}",
        screen.title,
        "=".repeat(screen.title.chars().count().min(WIDTH))
    );
    if let Some(q) = &screen.quick_exit {
        let _ = writeln!(r.text, "[x] {} ({})", q.label, q.hint);
        if let Some(p) = &q.progress {
            let _ = writeln!(r.text, "    {p}");
        }
    }
    for block in &screen.blocks {
        block_text(&mut r, block);
    }
    if !numbered {
        return r;
    }
    let mut keys = Vec::new();
    if screen.back_available {
        keys.push("b = back");
    }
    keys.push("q = quit");
    let _ = writeln!(r.text, "\n({})", keys.join(", "));
    r
}

/// The label of the next choice: "[3]" when numbered, a bullet otherwise.
fn number(r: &mut Rendered, choice: Choice) -> String {
    if !r.numbered {
        return "•".to_owned();
    }
    r.choices.push(choice);
    format!("[{}]", r.choices.len())
}

fn block_text(r: &mut Rendered, block: &Block) {
    match block {
        Block::Heading { text } => {
            let _ = writeln!(
                r.text,
                "\n{text}\n{}",
                "-".repeat(text.chars().count().min(WIDTH))
            );
        }
        Block::Paragraph { text } => {
            let _ = writeln!(r.text, "{}", wrap(text, "", ""));
        }
        Block::BulletList { items } => {
            for item in items {
                let _ = writeln!(r.text, "{}", wrap(item, "  • ", "    "));
            }
        }
        Block::Action { action } => {
            let n = number(
                r,
                Choice::Event(Event::Act {
                    action: action.id.clone(),
                }),
            );
            if r.numbered {
                let _ = writeln!(r.text, "{n} {}", action.label);
            } else {
                let _ = writeln!(r.text, "{n} {:<40} {}", action.label, action.uri);
            }
        }
        Block::Status { text, state } => {
            let mark = match state {
                StatusKind::Open | StatusKind::AlwaysOpen => "●",
                StatusKind::Closed => "○",
                StatusKind::NotStated | StatusKind::Info => "·",
            };
            let _ = writeln!(r.text, "{mark} {text}");
        }
        Block::Notice { level, text } => {
            let prefix = match level {
                NoticeLevel::Info => "i ",
                NoticeLevel::Caution => "! ",
                NoticeLevel::Urgent => "!! ",
            };
            let _ = writeln!(r.text, "{}", wrap(text, prefix, &" ".repeat(prefix.len())));
        }
        Block::Choice {
            id,
            prompt,
            options,
        } => {
            let _ = writeln!(r.text, "\n{}", wrap(prompt, "", ""));
            for o in options {
                let n = number(
                    r,
                    Choice::Event(Event::Choose {
                        question: id.clone(),
                        option: o.id.clone(),
                    }),
                );
                let mark = if o.selected { " (chosen)" } else { "" };
                let _ = writeln!(r.text, "{n} {}{mark}", o.label);
            }
        }
        Block::ChecklistItem {
            id,
            text,
            detail,
            status_label,
            options,
            ..
        } => {
            let statuses = options
                .iter()
                .map(|o| (o.id.clone(), o.label.clone()))
                .collect();
            let n = number(
                r,
                Choice::Status {
                    item: id.clone(),
                    options: statuses,
                },
            );
            let _ = writeln!(
                r.text,
                "{}",
                wrap(
                    &format!("[{status_label}] {text}"),
                    &format!("{n} "),
                    "    "
                )
            );
            if let Some(d) = detail {
                let _ = writeln!(r.text, "{}", wrap(d, "    ", "    "));
            }
        }
        Block::Link {
            target,
            label,
            detail,
        } => {
            let n = number(
                r,
                Choice::Event(Event::Open {
                    target: target.clone(),
                }),
            );
            match detail {
                Some(d) => {
                    let _ = writeln!(
                        r.text,
                        "{}",
                        wrap(&format!("{label} — {d}"), &format!("{n} "), "    ")
                    );
                }
                None => {
                    let _ = writeln!(r.text, "{n} {label}");
                }
            }
        }
    }
}

/// Wraps `text` at the screen width with a first-line and a continuation prefix.
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

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let text = "word ".repeat(60);
        let wrapped = wrap(&text, "  • ", "    ");
        assert!(wrapped.lines().all(|l| l.chars().count() <= WIDTH));
        assert!(wrapped.starts_with("  • word"));
        assert!(wrapped.lines().skip(1).all(|l| l.starts_with("    word")));
    }
}
