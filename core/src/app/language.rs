//! The language screen: every language the app is written in (`pack.json`'s locales and
//! translations), each by its own name. Choosing one
//! re-renders everything in it for the rest of the session; nothing is written anywhere, and a
//! quick exit goes back to the language the session started in.

use super::blocks::link;
use super::{App, Block, ChoiceOption, Ctx, Mode, Route, Screen, no_question};
use crate::error::Error;
use crate::ui_keys as k;

/// The id of the screen's one question.
pub(super) const QUESTION: &str = "language";

/// The languages, the one in use chosen.
pub(super) fn screen(ctx: &Ctx<'_>, route: &Route) -> Screen {
    let current = ctx.locales.primary();
    let options = ctx
        .pack
        .all_locales()
        .into_iter()
        .map(|l| ChoiceOption {
            selected: l.id == current,
            id: l.id,
            label: l.name,
        })
        .collect();
    let blocks = vec![Block::Choice {
        id: QUESTION.to_owned(),
        prompt: ctx.ui(k::LANGUAGE_PROMPT).to_owned(),
        options,
    }];
    ctx.screen(
        route,
        ctx.ui(k::LANGUAGE_TITLE).to_owned(),
        Mode::Professional,
        blocks,
    )
}

/// The start screens' link to the language screen. Its second line names every language by its
/// own name, so a reader of any of them finds the way without reading the one shown.
pub(super) fn entry_link(ctx: &Ctx<'_>) -> Block {
    let names: Vec<String> = ctx.pack.all_locales().into_iter().map(|l| l.name).collect();
    link(
        &Route::Language,
        ctx.ui(k::LANGUAGE_LINK),
        Some(names.join(" · ")),
    )
}

impl App {
    /// Writes everything in the language `option` from now on.
    pub(super) fn choose_language(&mut self, question: &str, option: &str) -> Result<(), Error> {
        if question != QUESTION {
            return Err(no_question(question));
        }
        let shipped = self.pack.all_locales();
        if !shipped.iter().any(|l| l.id == option) {
            return Err(Error::InvalidAnswer {
                step: question.to_owned(),
                answer: option.to_owned(),
                valid: shipped.iter().map(|l| l.id.clone()).collect(),
            });
        }
        let locales = self.pack.locales(&[option])?;
        self.use_locales(locales);
        Ok(())
    }
}
