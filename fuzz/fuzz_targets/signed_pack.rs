//! The signed-pack verifier and installer: arbitrary bytes are refused with a reason, never a
//! panic, and nothing is stored for a refused pack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lykt_core::content::signed::{self, TEST_KEY};

fuzz_target!(|data: &[u8]| {
    let _ = signed::open(data, &[TEST_KEY]);
    let dir = std::env::temp_dir().join(format!("lykt-fuzz-install-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    match signed::install(&dir, data, 1, &[TEST_KEY]) {
        Ok(pack) => assert!(pack.meta.pack_version > 1 && signed::installed_path(&dir).exists()),
        Err(_) => assert!(!signed::installed_path(&dir).exists()),
    }
});
