//! Saved work where the build has no vault (the browser, which has no private file system for
//! it): no saved screen opens, the tools offer no "Save" and the tools menu no way to saved work,
//! as [`Saved::available`] tells every screen. The app calls it as it calls the vault's.

use std::convert::Infallible;

use zeroize::Zeroizing;

use super::route::SavedRoute;
use super::{App, Ctx, Effect, Mode, Route, Screen};
use crate::saved::{RecordKind, SavedWork};

/// No saved work.
#[derive(Debug, Default)]
pub(crate) struct Saved {}

impl Saved {
    /// Never: nothing can be saved in this build.
    pub fn available(&self) -> bool {
        false
    }

    /// Time passing changes nothing.
    pub fn at(&mut self, _now: i64, _input: bool) {}

    /// Nothing to lock.
    pub fn lock(&mut self) {}

    /// Nothing to forget.
    pub fn forget(&mut self) {}

    /// Never busy.
    pub(super) fn busy(&self) -> Option<Infallible> {
        None
    }
}

/// Saved routes never open ([`App::saved_route_exists`]); an empty screen if asked all the same.
pub(super) fn screen(ctx: &Ctx<'_>, route: &Route, _: &SavedRoute, _: &Saved, _: i64) -> Screen {
    ctx.screen(route, String::new(), Mode::Professional, Vec::new())
}

/// There is never slow work to wait for.
pub(super) fn busy_screen(_: &Ctx<'_>, _: &Route, busy: Infallible) -> Screen {
    match busy {}
}

impl App {
    pub(super) fn saved_route_exists(&self, _: &SavedRoute) -> bool {
        false
    }

    pub(super) fn open_saved(&mut self, _: &SavedRoute) {}

    pub(super) fn press_saved(&mut self, _: &SavedRoute, _: &str) -> Option<Effect> {
        None
    }

    pub(super) fn input_saved(
        &mut self,
        _: &SavedRoute,
        _: &str,
        _: Zeroizing<String>,
        _: bool,
    ) -> Option<Effect> {
        None
    }

    pub(super) fn start_save(&mut self, _: RecordKind, _: SavedWork) {}

    pub(super) fn tick_saved(&mut self) -> Option<Effect> {
        None
    }
}
