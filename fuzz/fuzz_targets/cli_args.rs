//! The terminal shell's argument and time parsing: any arguments parse or fail cleanly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lykt_cli::options::Command;
use lykt_core::ids::Vocabulary;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let args = std::iter::once("lykt").chain(text.split('\0'));
    let Ok(cli) = lykt_cli::parse(args) else {
        return;
    };
    let _ = cli.common.instant();
    let _ = cli.common.lykt();
    if let Some(Command::Contacts {
        audience: Some(a), ..
    }) = &cli.command
    {
        let _ = lykt_core::contacts::Audience::parse(a);
    }
    let _ = lykt_core::calendar::parse_instant(&text);
});
