//! The language screen: every language the app is written in, each by its own name. Choosing one
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
        .meta
        .locales
        .iter()
        .map(|l| ChoiceOption {
            id: l.id.clone(),
            label: l.name.clone(),
            selected: l.id == current,
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
    let names: Vec<&str> = ctx
        .pack
        .meta
        .locales
        .iter()
        .map(|l| l.name.as_str())
        .collect();
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
        let shipped = &self.pack.meta.locales;
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
