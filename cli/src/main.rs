//! `lykt`: the terminal shell. Runs the same core and screens as the phone apps.

fn main() -> std::process::ExitCode {
    lykt_cli::main_with(std::env::args_os())
}
