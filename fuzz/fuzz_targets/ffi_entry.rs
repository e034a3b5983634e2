//! The FFI entry points with arbitrary strings and locales: typed errors, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lykt_core::app::{Event, Platform};
use lykt_ffi::Lykt;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\0');
    let locales: Vec<String> = parts
        .next()
        .unwrap_or_default()
        .split(',')
        .map(str::to_owned)
        .collect();
    let word = parts.next().unwrap_or_default().to_owned();
    let other = parts.next().unwrap_or_default().to_owned();
    let at = i64::from_le_bytes(
        data.get(..8)
            .and_then(|b| b.try_into().ok())
            .unwrap_or_default(),
    );
    let Ok(lykt) = Lykt::new(locales) else { return };
    let Ok(app) = lykt.app(Platform::Android) else { return };
    let _ = app.set_time(Some(at));
    for event in [
        Event::Open {
            target: word.clone(),
        },
        Event::Open {
            target: format!("contact/{other}"),
        },
        Event::Open {
            target: format!("show/{other}"),
        },
        Event::Act {
            action: other.clone(),
        },
        Event::Press { id: other.clone() },
        Event::Choose {
            question: word.clone(),
            option: other.clone(),
        },
        Event::SetStatus {
            item: word,
            status: other,
        },
        Event::Back,
        Event::QuickExit,
    ] {
        let _ = app.dispatch(event);
        let _ = app.current_screen();
    }
});
