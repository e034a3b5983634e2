//! Running the real `lykt` binary from the tests.
#![allow(dead_code)] // Each test file uses its own subset.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `lykt` with `args`, feeding `stdin`.
pub fn lykt(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lykt"))
        .args(args)
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("lykt runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("write");
    child.wait_with_output().expect("lykt finishes")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Runs `lykt` and parses its standard output as JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    let o = lykt(args, "");
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

/// Writes the pack's files as `core/content` holds them, language files included, into `dir`.
pub fn write_pack(dir: &Path) {
    let source = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../core/content"));
    let files = lykt_core::content::read_dir(source).expect("the pack's files");
    std::fs::create_dir_all(dir.join("lang")).expect("folder");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write");
    }
}
