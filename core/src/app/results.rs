//! What the buttons under the tools' results and on the discreet pages do: save the result (the
//! record is built here, from the screen and the tool's own data), share a summary without
//! names, and read the page aloud.

use super::blocks::buttons;
use super::{App, Effect, Route, Screen, plain};
use crate::saved::RecordKind;
use crate::saved::{SavedWork, summary_text};

impl App {
    /// A button on a screen other than saved work's.
    pub(super) fn press_result(&mut self, route: &Route, id: &str) -> Option<Effect> {
        let screen = self.current_screen();
        match id {
            buttons::READ_ALOUD => Some(Effect::Speak {
                text: plain::spoken(&screen),
                language: super::info_screens::spoken_language(route, &self.locales).to_owned(),
            }),
            buttons::SHARE => {
                let (kind, _) = self.work(route)?;
                let ctx = self.ctx();
                let day = ctx.now.format("%Y-%m-%d").to_string();
                Some(Effect::Share {
                    text: summary_text(
                        kind,
                        &day,
                        &plain::page(&screen),
                        &ctx.pack.ui,
                        ctx.locales,
                    ),
                })
            }
            buttons::SAVE => {
                let (kind, work) = self.work_to_save()?;
                self.start_save(kind, work);
                None
            }
            _ => None,
        }
    }

    /// The work the current screen's "Save" keeps: its kind, the screen as printed and the tool's
    /// own data; none where the screen saves nothing. The terminal's `--save` uses it too, so a
    /// record is built in one place.
    pub fn work_to_save(&self) -> Option<(RecordKind, SavedWork)> {
        let route = self.stack.last()?;
        let (kind, data) = self.work(route)?;
        let summary = self.summary(route, &self.current_screen());
        Some((kind, SavedWork { summary, data }))
    }

    /// What the screen of `route` saves: its kind and the tool's own data.
    fn work(&self, route: &Route) -> Option<(RecordKind, serde_json::Value)> {
        match route {
            Route::Toolkit(r) => self.toolkit.work(r),
            Route::Minors => self.minors.outcome(),
            Route::Placement => self.minors.placement(),
            _ => None,
        }
    }

    /// The text saved with the work: the screen as printed, and for the minors' outcome every
    /// card it collected in full.
    fn summary(&self, route: &Route, screen: &Screen) -> String {
        let mut text = plain::page(screen);
        if *route == Route::Minors {
            let ctx = self.ctx();
            for id in self.minors.collected() {
                let card = Route::MinorsCard { id: id.clone() };
                text.push_str(&plain::page(&super::minors_screens::card(&ctx, &card, &id)));
            }
        }
        text
    }
}
