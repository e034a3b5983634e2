//! The terminal shell's library: argument parsing, commands and the generic screen renderer.
//!
//! Bad input prints one line on stderr and exits with code 2.

/// Writes a line to standard output; a closed pipe (`lykt ... | head`) is not an error.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

/// Writes to standard output without a line break; a closed pipe is not an error.
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout().lock(), $($arg)*);
    }};
}

mod commands;
mod interactive;
mod lines;
mod minors_cmd;
pub mod options;
mod packs;
mod printable;
mod render;
mod secret_input;
mod toolkit_cmd;
mod vault_cmd;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

/// Exit code for input the user can fix.
const BAD_INPUT: u8 = 2;

/// What went wrong, for the exit code and the one line on stderr.
#[derive(Debug)]
pub enum Failure {
    /// Bad input: exit 2.
    Input(String),
    /// A check found problems (already printed): exit 1.
    Findings,
}

impl From<lykt_core::Error> for Failure {
    fn from(e: lykt_core::Error) -> Self {
        Self::Input(e.to_string())
    }
}

/// Parses arguments (the first is the program name) into options, or one line of error.
pub fn parse<I, T>(args: I) -> Result<options::Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    options::Cli::try_parse_from(args)
}

/// Runs `lykt` with `args` and returns the process exit code.
pub fn main_with<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            say_raw!("{e}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.render().to_string();
            let line = text
                .lines()
                .next()
                .unwrap_or("error: invalid arguments")
                .trim_start_matches("error: ");
            eprintln!("lykt: {}", printable::line(line));
            return ExitCode::from(BAD_INPUT);
        }
    };
    let outcome = commands::run(cli);
    let _ = std::io::stdout().flush();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Findings) => ExitCode::from(1),
        Err(Failure::Input(message)) => {
            eprintln!("lykt: {}", printable::line(&message));
            ExitCode::from(BAD_INPUT)
        }
    }
}
