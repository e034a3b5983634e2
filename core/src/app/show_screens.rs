//! "Show to the person": the languages by their own names, then the cards in one of them, each
//! with the Norwegian under it and a button that reads it aloud in that language.

use super::blocks::{link, notice, paragraph};
use super::{Block, ChoiceOption, Ctx, Effect, Mode, NoticeLevel, Route, Screen};
use crate::locale::{BASE_LOCALE, Locales, TextDirection};
use crate::show::WHO;
use crate::ui_keys::show as sk;

/// The question the professional answers to say who they are.
pub(super) const WHO_QUESTION: &str = "who";

/// A language the cards are in.
struct Language<'a> {
    id: &'a str,
    name: &'a str,
    direction: TextDirection,
    speech: &'a str,
    unreviewed: bool,
}

/// English, then every translation: the languages the cards are offered in.
fn languages<'a>(ctx: &Ctx<'a>) -> Vec<Language<'a>> {
    let english = ctx.pack.meta.locales.iter().find(|l| l.id == BASE_LOCALE);
    let english = english.map(|l| Language {
        id: &l.id,
        name: &l.name,
        direction: l.direction,
        speech: &l.id,
        unreviewed: false,
    });
    let translated = ctx.pack.meta.translations.iter().map(|t| Language {
        id: &t.id,
        name: &t.name,
        direction: t.direction,
        speech: t.speech_tag(),
        unreviewed: t.unreviewed(),
    });
    english.into_iter().chain(translated).collect()
}

/// True when the cards are offered in `language`.
pub(super) fn offered(ctx: &Ctx<'_>, language: &str) -> bool {
    languages(ctx).iter().any(|l| l.id == language)
}

/// The first step: every language by its own name, so the person can point to theirs.
pub(super) fn choose_language(ctx: &Ctx<'_>, route: &Route) -> Screen {
    let mut blocks = vec![paragraph(ctx.ui(sk::SHOW_CHOOSE_LANGUAGE))];
    blocks.extend(languages(ctx).iter().map(|l| {
        link(
            &Route::ShowCards {
                language: l.id.to_owned(),
                who: None,
            },
            l.name,
            None,
        )
    }));
    ctx.screen(
        route,
        ctx.ui(sk::SHOW_TITLE).to_owned(),
        Mode::Professional,
        blocks,
    )
}

/// The cards in `language`; the card saying who the professional is shows once they pick.
pub(super) fn cards(ctx: &Ctx<'_>, route: &Route, language: &str, who: Option<&str>) -> Screen {
    let all = languages(ctx);
    let (Some(lang), Ok(locales)) = (
        all.iter().find(|l| l.id == language),
        ctx.pack.locales(&[language]),
    ) else {
        return ctx.screen(route, language.to_owned(), Mode::Professional, Vec::new());
    };
    let mut blocks = vec![notice(
        NoticeLevel::Info,
        ctx.text(&ctx.pack.show.advice.text),
    )];
    if lang.unreviewed {
        blocks.push(notice(
            NoticeLevel::Caution,
            ctx.fill(sk::SHOW_NOT_REVIEWED, &[("language", lang.name)]),
        ));
    }
    blocks.push(Block::Choice {
        id: WHO_QUESTION.to_owned(),
        prompt: ctx.ui(sk::SHOW_WHO).to_owned(),
        options: WHO
            .iter()
            .map(|&id| ChoiceOption {
                id: id.to_owned(),
                label: ctx.ui(who_label(id)).to_owned(),
                selected: who == Some(id),
            })
            .collect(),
    });
    let spoken = ctx.fill(sk::SHOW_READ_ALOUD_A11Y, &[("language", lang.name)]);
    for card in &ctx.pack.show.cards {
        if card.who.as_deref().is_some_and(|w| Some(w) != who) {
            continue;
        }
        blocks.push(Block::Card {
            id: card.id.clone(),
            text: card.text.get(&locales).to_owned(),
            language: lang.id.to_owned(),
            direction: lang.direction,
            norwegian: card.text.in_locale("nb").unwrap_or_default().to_owned(),
        });
        blocks.push(Block::Button {
            id: speak_id(&card.id),
            label: ctx.ui(sk::SHOW_READ_ALOUD).to_owned(),
            accessibility_label: spoken.clone(),
        });
    }
    ctx.screen(route, lang.name.to_owned(), Mode::Professional, blocks)
}

fn who_label(id: &str) -> crate::content::ui::Key {
    match id {
        "health" => sk::SHOW_WHO_HEALTH,
        "child-welfare" => sk::SHOW_WHO_CHILD_WELFARE,
        _ => sk::SHOW_WHO_HELPER,
    }
}

fn speak_id(card: &str) -> String {
    format!("speak/{card}")
}

/// The read-aloud button of a card: its sentence, in its language, for text-to-speech.
pub(super) fn press(ctx: &Ctx<'_>, language: &str, button: &str) -> Option<Effect> {
    let card = ctx
        .pack
        .show
        .cards
        .iter()
        .find(|c| speak_id(&c.id) == button)?;
    let all = languages(ctx);
    let lang = all.iter().find(|l| l.id == language)?;
    let locales: Locales = ctx.pack.locales(&[language]).ok()?;
    Some(Effect::Speak {
        text: card.text.get(&locales).to_owned(),
        language: lang.speech.to_owned(),
    })
}
