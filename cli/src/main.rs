//! `lykt`: the terminal shell. Runs the same core and screens as the phone apps.
//!
//! Bad input prints one line on stderr and exits with code 2.

mod commands;
mod interactive;
mod options;
mod packs;
mod render;

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

fn main() -> ExitCode {
    let cli = match options::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            print!("{e}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let text = e.render().to_string();
            let line = text
                .lines()
                .next()
                .unwrap_or("error: invalid arguments")
                .trim_start_matches("error: ");
            eprintln!("lykt: {line}");
            return ExitCode::from(BAD_INPUT);
        }
    };
    let outcome = commands::run(cli);
    let _ = std::io::stdout().flush();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Findings) => ExitCode::from(1),
        Err(Failure::Input(message)) => {
            eprintln!("lykt: {message}");
            ExitCode::from(BAD_INPUT)
        }
    }
}
