//! The interactive app: render the screen, read a line, send the event. Works with piped input.

use std::io::{BufRead, Write};

use lykt_core::app::{App, Effect, Event, ExitTarget};

use crate::render::{self, Choice};

/// Clears the screen and the scrollback, then moves to the top.
const CLEAR: &str = "\x1b[3J\x1b[2J\x1b[H";

/// Runs `app` until `q` or the end of input.
pub fn run(mut app: App, input: &mut dyn BufRead, out: &mut dyn Write) -> std::io::Result<()> {
    let mut shown = render::screen(&app.current_screen());
    write!(out, "{}", shown.text)?;
    loop {
        write!(out, "> ")?;
        out.flush()?;
        let Some(line) = read_line(input)? else { break };
        let event = match line.trim() {
            "q" => break,
            "" => continue,
            "b" => Event::Back,
            "x" if app.current_screen().quick_exit.is_some() => Event::QuickExit,
            other => match other
                .parse::<usize>()
                .ok()
                .and_then(|n| shown.choices.get(n.wrapping_sub(1)).cloned())
            {
                Some(Choice::Event(e)) => e,
                Some(Choice::Status { item, options }) => {
                    for (i, (_, label)) in options.iter().enumerate() {
                        writeln!(out, "  [{}] {label}", i + 1)?;
                    }
                    write!(out, "status> ")?;
                    out.flush()?;
                    let Some(pick) = read_line(input)? else { break };
                    match pick
                        .trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|n| options.get(n.wrapping_sub(1)))
                    {
                        Some((status, _)) => Event::SetStatus {
                            item,
                            status: status.clone(),
                        },
                        None => {
                            writeln!(out, "No such status.")?;
                            continue;
                        }
                    }
                }
                None => {
                    writeln!(
                        out,
                        "Type a number from the list, b to go back or q to quit."
                    )?;
                    continue;
                }
            },
        };
        match app.dispatch(event) {
            Ok(t) => {
                if let Some(effect) = &t.effect {
                    perform(effect, out)?;
                }
                shown = render::screen(&t.screen);
                write!(out, "{}", shown.text)?;
            }
            Err(e) => writeln!(out, "{e}")?,
        }
    }
    Ok(())
}

fn read_line(input: &mut dyn BufRead) -> std::io::Result<Option<String>> {
    let mut line = String::new();
    Ok(if input.read_line(&mut line)? == 0 {
        None
    } else {
        Some(line)
    })
}

/// Carries out an effect as far as a terminal can.
fn perform(effect: &Effect, out: &mut dyn Write) -> std::io::Result<()> {
    match effect {
        Effect::OpenUri { uri } => writeln!(out, "\n→ {uri}"),
        Effect::Share { text } => writeln!(out, "\n{text}"),
        Effect::Announce { text } => writeln!(out, "\n({text})"),
        Effect::Speak { .. } => writeln!(out, "\n(Reading aloud works on the phone.)"),
        Effect::QuickExit {
            target:
                ExitTarget::ClearTerminal
                | ExitTarget::CoverScreen
                | ExitTarget::HomeScreen
                | ExitTarget::NeutralPage,
        } => {
            write!(out, "{CLEAR}")
        }
    }
}
