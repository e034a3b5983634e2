//! Lykt's core: every rule, text and decision of the app, shared by all shells.
#![forbid(unsafe_code)]

pub mod actions;
pub mod app;
pub mod bidi;
pub mod calendar;
pub mod checklist;
pub mod contacts;
pub mod content;
pub mod entry;
pub mod error;
pub mod ids;
pub mod info;
pub mod locale;
pub mod minors;
pub mod saved;
pub mod search;
pub mod show;
pub mod text;
pub mod toolkit;
pub mod ui_keys;
#[cfg(feature = "vault")]
pub mod vault;

pub use entry::Lykt;
pub use error::Error;
