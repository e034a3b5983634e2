//! Opening a vault from arbitrary file bytes: a clear error, never a panic. Half the runs start
//! from a real vault with some bytes changed, so the fuzzer gets past SQLite's header checks.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use lykt_core::vault::{RecordKind, Vault, VaultConfig};

const NOW: i64 = 1_795_000_000;

/// The bytes of a small real vault, made once.
fn real_vault() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("lykt-fuzz-vault-seed-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let mut v =
            Vault::create(&dir, "482916", None, VaultConfig::default(), NOW).expect("vault");
        v.save(RecordKind::Note, "case", "text", NOW)
            .expect("saves");
        drop(v);
        let bytes = std::fs::read(dir.join("vault.db")).expect("db file");
        let _ = std::fs::remove_dir_all(&dir);
        bytes
    })
}

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("lykt-fuzz-vault-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let bytes = match data.split_first() {
        Some((&mode, rest)) if mode & 1 == 1 => {
            let mut real = real_vault().to_vec();
            for pair in rest.chunks(3) {
                if let [a, b, v] = pair {
                    let at = (usize::from(*a) << 8 | usize::from(*b)) % real.len();
                    real[at] = *v;
                }
            }
            real
        }
        _ => data.to_vec(),
    };
    std::fs::write(dir.join("vault.db"), &bytes).expect("write");
    if let Ok(mut v) = Vault::open(&dir, VaultConfig::default(), NOW) {
        if v.unlock("482916", None, NOW).is_ok() {
            let _ = v.list(NOW);
        }
    }
});
