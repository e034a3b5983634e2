//! The interactive app: render the screen, read a line, send the event. Works with piped input
//! from the start of a session to its end.
//!
//! A field the core focuses is asked for at once, on a line of its own (typing hidden for a PIN
//! when the input is a terminal); an empty line goes to the keys instead. The ticks a screen
//! asks for are sent on time while the person has typed nothing. `x` on its own leaves at once
//! from anywhere, a field's prompt included; leaving in any way (`x`, `q`, the end of input)
//! wipes the session and clears the screen and then the scrollback, so nothing read there can be
//! scrolled back to.

use std::io::Write;
use std::time::{Duration, Instant};

use lykt_core::app::{App, Effect, Event, InputKind, Screen};
use lykt_core::ui_keys::terminal as k;

use crate::lines::{Lines, Next};
use crate::render::{self, Choice, Field, Rendered};

/// Clears the screen, then the scrollback (a screen cleared after the scrollback would land in
/// it), then moves to the top.
const LEAVE: &str = "\x1b[H\x1b[2J\x1b[3J";

/// The line `x` alone: leave now.
const EXIT_KEY: &str = "x";

/// Runs `app` until the person leaves or the input ends.
pub fn run(mut app: App, input: &mut dyn Lines, out: &mut dyn Write) -> std::io::Result<()> {
    let started = Instant::now();
    let mut screen = app.current_screen();
    let mut shown = draw(&app, &screen, out)?;
    let mut shown_at = Instant::now();
    let mut keys_only = false;
    loop {
        let field = shown.focus.clone().filter(|_| !keys_only);
        let hidden = ask(&app, field.as_ref(), input, out)?;
        let wait = screen
            .tick_after_ms
            .map(|ms| Duration::from_millis(ms).saturating_sub(shown_at.elapsed()));
        let next = input.next(wait);
        if hidden {
            input.hide_typing(false);
        }
        let event = match next {
            Next::End => break,
            Next::Timeout => Event::Tick {
                at_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
            },
            Next::Line(line) if line.trim() == EXIT_KEY => {
                app.dispatch(Event::QuickExit).ok();
                break;
            }
            Next::Line(line) => match &field {
                Some(_) if line.is_empty() => {
                    keys_only = true;
                    continue;
                }
                Some(f) => submit(f, &line),
                None => match key(&app, &shown, line.trim(), input, out)? {
                    Key::Send(event) => event,
                    Key::Quit => break,
                    Key::Again => continue,
                },
            },
        };
        keys_only = false;
        match app
            .dispatch(event)
            .and_then(|t| finish_work(&mut app, t, out))
        {
            Ok(t) => {
                if let Some(effect) = &t.effect
                    && !perform(&app, effect, out)?
                {
                    break;
                }
                // Compared with the screen drawn last, not with one made just before the event: a
                // screen that changes with the clock (the wipe's countdown) is drawn again.
                if t.screen != screen || t.effect.is_some() {
                    screen = t.screen;
                    shown = draw(&app, &screen, out)?;
                }
                shown_at = Instant::now();
            }
            Err(e) => writeln!(
                out,
                "{}",
                app.ui(k::TERMINAL_REFUSED)
                    .replace("{reason}", &e.to_string())
            )?,
        }
    }
    app.quick_exit();
    write!(out, "{LEAVE}")?;
    out.flush()
}

/// Runs the slow work a transition asks for, showing the busy screen meanwhile, until a
/// transition asks for none.
fn finish_work(
    app: &mut App,
    mut t: lykt_core::app::Transition,
    out: &mut dyn Write,
) -> Result<lykt_core::app::Transition, lykt_core::Error> {
    while let Some(Effect::Work { job }) = t.effect {
        let busy = render::screen(&t.screen, &|key| app.ui(key));
        let _ = write!(out, "{}", busy.text).and_then(|()| out.flush());
        t = app.run_work(job)?;
    }
    Ok(t)
}

/// Prints `screen` and returns its keys.
fn draw(app: &App, screen: &Screen, out: &mut dyn Write) -> std::io::Result<Rendered> {
    let shown = render::screen(screen, &|key| app.ui(key));
    write!(out, "{}", shown.text)?;
    Ok(shown)
}

/// Prints the prompt: the field's label, or `>` for a key. Returns whether typing is hidden.
fn ask(
    app: &App,
    field: Option<&Field>,
    input: &mut dyn Lines,
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    let hidden = field.is_some_and(|f| f.kind == InputKind::Pin) && input.hide_typing(true);
    if hidden {
        writeln!(out, "{}", app.ui(k::TERMINAL_HIDDEN))?;
    }
    match field {
        Some(f) => write!(out, "{}> ", f.label)?,
        None => write!(out, "> ")?,
    }
    out.flush()?;
    Ok(hidden)
}

/// The submit event for a field's line.
fn submit(field: &Field, line: &str) -> Event {
    Event::Submit {
        field: field.id.clone(),
        value: line.to_owned(),
    }
}

/// What a key at the prompt leads to.
enum Key {
    Send(Event),
    Quit,
    Again,
}

/// Reads what `key` asks for, if anything more, and says what to do.
fn key(
    app: &App,
    shown: &Rendered,
    key: &str,
    input: &mut dyn Lines,
    out: &mut dyn Write,
) -> std::io::Result<Key> {
    Ok(match key {
        "q" => Key::Quit,
        "" => Key::Again,
        "b" => Key::Send(Event::Back),
        other => match shown.choice(other) {
            Some(Choice::Event(e)) => Key::Send(e),
            Some(Choice::Status { item, options }) => {
                for (i, (_, label)) in options.iter().enumerate() {
                    writeln!(out, "  [{}] {label}", i + 1)?;
                }
                write!(out, "{}> ", app.ui(k::TERMINAL_STATUS))?;
                out.flush()?;
                let Next::Line(pick) = input.next(None) else {
                    return Ok(Key::Quit);
                };
                match pick
                    .trim()
                    .parse::<usize>()
                    .ok()
                    .and_then(|n| options.get(n.wrapping_sub(1)))
                {
                    Some((status, _)) => Key::Send(Event::SetStatus {
                        item,
                        status: status.clone(),
                    }),
                    None => {
                        writeln!(out, "{}", app.ui(k::TERMINAL_NO_STATUS))?;
                        Key::Again
                    }
                }
            }
            Some(Choice::Field(field)) => {
                let hidden = ask(app, Some(&field), input, out)?;
                let next = input.next(None);
                if hidden {
                    input.hide_typing(false);
                }
                match next {
                    Next::Line(line) if line.trim() == EXIT_KEY => Key::Send(Event::QuickExit),
                    Next::Line(line) => Key::Send(submit(&field, &line)),
                    Next::Timeout | Next::End => Key::Quit,
                }
            }
            None => {
                writeln!(out, "{}", app.ui(k::TERMINAL_HELP))?;
                Key::Again
            }
        },
    })
}

/// Carries out an effect as far as a terminal can; false when it leaves.
fn perform(app: &App, effect: &Effect, out: &mut dyn Write) -> std::io::Result<bool> {
    match effect {
        Effect::OpenUri { uri } => writeln!(out, "\n→ {uri}")?,
        Effect::Share { text } => writeln!(out, "\n{}\n{text}", app.ui(k::TERMINAL_SHARE))?,
        Effect::Announce { text } => writeln!(out, "\n({text})")?,
        Effect::Speak { .. } => writeln!(out, "\n({})", app.ui(k::TERMINAL_SPEAK))?,
        Effect::QuickExit { .. } => return Ok(false),
        // Slow work was run before; the terminal keeps no secret in a keystore to forget.
        Effect::Work { .. } | Effect::ForgetSecret => {}
    }
    Ok(true)
}
