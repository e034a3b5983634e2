//! The content-pack loader: any text in place of one of the pack's files must give a pack or
//! a list of problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lykt_core::content::{ContentPack, EMBEDDED};

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let replaced = usize::from(which) % EMBEDDED.len();
    let text = String::from_utf8_lossy(rest);
    let files: Vec<(&str, &str)> = EMBEDDED
        .iter()
        .enumerate()
        .map(|(i, (name, original))| {
            (
                *name,
                if i == replaced {
                    text.as_ref()
                } else {
                    *original
                },
            )
        })
        .collect();
    if let Err(errors) = ContentPack::from_files(&files) {
        assert!(!errors.0.is_empty());
        let _ = errors.to_string();
    }
});
