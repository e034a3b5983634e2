//! Discreet information for a person who may be exploited.

pub mod trigger;
