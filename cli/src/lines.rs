//! Lines from the person at the terminal, with a deadline for the ticks the screen asks for.
//!
//! Standard input is read on a thread of its own, so the app can move on (a countdown, a lock
//! when idle) while the person has not typed anything; each line arrives in a buffer that is
//! wiped when dropped. Typing is hidden while a PIN is read from a terminal; piped input is read
//! as it comes.

use std::io::Read;
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::Duration;

use zeroize::Zeroizing;

/// What came from the person.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    /// A line, without its line ending.
    Line(Zeroizing<String>),
    /// The deadline passed first.
    Timeout,
    /// The input ended.
    End,
}

/// Where lines come from.
pub trait Lines {
    /// The next line, or `Timeout` once `wait` has passed (never, when `None`).
    fn next(&mut self, wait: Option<Duration>) -> Next;

    /// Hides what is typed from now on (`true`) or shows it again; a no-op unless the input is
    /// a terminal. Returns whether typing is now hidden.
    fn hide_typing(&mut self, hidden: bool) -> bool;
}

/// Standard input, read on its own thread.
#[derive(Debug)]
pub struct Stdin {
    lines: Receiver<Zeroizing<String>>,
    #[cfg(unix)]
    echo: Option<rustix::termios::Termios>,
}

impl Stdin {
    /// Starts reading standard input.
    pub fn start() -> Self {
        let (send, lines) = channel();
        std::thread::spawn(move || {
            // Its own handle on standard input, unbuffered: no copy of a PIN stays in a buffer.
            #[cfg(unix)]
            let mut input: Box<dyn Read> =
                match std::os::fd::AsFd::as_fd(&std::io::stdin()).try_clone_to_owned() {
                    Ok(fd) => Box::new(std::fs::File::from(fd)),
                    Err(_) => Box::new(std::io::stdin()),
                };
            #[cfg(not(unix))]
            let mut input: Box<dyn Read> = Box::new(std::io::stdin());
            while let Some(line) = read_line(&mut input) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Self {
            lines,
            #[cfg(unix)]
            echo: None,
        }
    }
}

/// One line read a byte at a time into a wiped buffer; `None` at the end of input.
fn read_line(input: &mut dyn Read) -> Option<Zeroizing<String>> {
    let mut bytes = Zeroizing::new(Vec::with_capacity(256));
    let mut byte = [0u8; 1];
    let mut any = false;
    loop {
        match input.read(&mut byte) {
            Ok(1) => {
                any = true;
                if byte[0] == b'\n' {
                    break;
                }
                if bytes.len() == bytes.capacity() {
                    let mut larger = Zeroizing::new(Vec::with_capacity(bytes.capacity() * 2));
                    larger.extend_from_slice(&bytes);
                    bytes = larger;
                }
                bytes.push(byte[0]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            _ => break,
        }
    }
    if !any {
        return None;
    }
    if bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    Some(Zeroizing::new(String::from_utf8_lossy(&bytes).into_owned()))
}

impl Lines for Stdin {
    fn next(&mut self, wait: Option<Duration>) -> Next {
        match wait {
            None => self.lines.recv().map_or(Next::End, Next::Line),
            Some(wait) => match self.lines.recv_timeout(wait) {
                Ok(line) => Next::Line(line),
                Err(RecvTimeoutError::Timeout) => Next::Timeout,
                Err(RecvTimeoutError::Disconnected) => Next::End,
            },
        }
    }

    #[cfg(unix)]
    fn hide_typing(&mut self, hidden: bool) -> bool {
        use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
        let stdin = std::io::stdin();
        if hidden {
            let Ok(mut modes) = tcgetattr(&stdin) else {
                return false;
            };
            self.echo.get_or_insert(modes.clone());
            modes.local_modes.remove(LocalModes::ECHO);
            modes.local_modes.insert(LocalModes::ECHONL);
            tcsetattr(&stdin, OptionalActions::Now, &modes).is_ok()
        } else {
            if let Some(modes) = self.echo.take() {
                let _ = tcsetattr(&stdin, OptionalActions::Now, &modes);
            }
            false
        }
    }

    #[cfg(not(unix))]
    fn hide_typing(&mut self, _hidden: bool) -> bool {
        false
    }
}

impl Drop for Stdin {
    fn drop(&mut self) {
        self.hide_typing(false);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_lose_their_endings_and_the_end_is_the_end() {
        let mut input: &[u8] = b"one\r\ntwo\n\nlast";
        let lines: Vec<String> = std::iter::from_fn(|| read_line(&mut input))
            .map(|l| l.to_string())
            .collect();
        assert_eq!(lines, ["one", "two", "", "last"]);
    }
}
