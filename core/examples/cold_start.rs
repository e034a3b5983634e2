//! One cold start as a person opening the app in one language: the embedded pack, then their
//! locales (which unpack a translated language). `scripts/budgets.sh` counts its instructions
//! with callgrind, a measure a busy machine does not move; `none` only starts the process.
//!
//! Usage: `cold_start LANG [TIMES]`.

use std::hint::black_box;

use lykt_core::content::ContentPack;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let language = args.next().unwrap_or_else(|| "en".to_owned());
    let times: u32 = args.next().map_or(Ok(1), |n| n.parse())?;
    if language == "none" {
        return Ok(());
    }
    for _ in 0..times {
        let pack = ContentPack::from_embedded()?;
        let locales = pack.locales(&[language.as_str()])?;
        // A start never drops its pack: leave the allocator's work out of the count.
        std::mem::forget(black_box((pack, locales)));
    }
    Ok(())
}
