//! The blocks more than one screen builds, each made in one place: calls first, checklist
//! items, questions, sources with their "older" mark, and links.

use super::{Block, ChoiceOption, Ctx, NoticeLevel, Route, ScreenLink};
use crate::actions::{Action, ActionKind};
use crate::checklist::Status;
use crate::content::source::Citation;
use crate::content::ui::Key;
use crate::ids::Vocabulary;
use crate::ui_keys as k;

/// A paragraph.
pub(super) fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}

/// A heading.
pub(super) fn heading(text: impl Into<String>) -> Block {
    Block::Heading { text: text.into() }
}

/// A notice.
pub(super) fn notice(level: NoticeLevel, text: impl Into<String>) -> Block {
    Block::Notice {
        level,
        text: text.into(),
    }
}

/// A bulleted list, or nothing when there is nothing to list.
pub(super) fn bullets(items: Vec<String>) -> Option<Block> {
    (!items.is_empty()).then_some(Block::BulletList { items })
}

/// A link to `route`.
pub(super) fn link(route: &Route, label: impl Into<String>, detail: Option<String>) -> Block {
    Block::Link {
        target: route.target(),
        label: label.into(),
        detail,
    }
}

/// A link a tool's result names.
pub(super) fn screen_link(l: &ScreenLink) -> Block {
    Block::Link {
        target: l.target.clone(),
        label: l.label.clone(),
        detail: None,
    }
}

/// Buttons for `actions` (given in contact order): calls first, and each URI once within the
/// group whose URIs `shown` keeps. A `prefix` keeps ids unique where the same action may stand
/// in several groups of one screen.
pub(super) fn calls_first<'a>(
    actions: impl IntoIterator<Item = &'a Action>,
    shown: &mut Vec<String>,
    prefix: Option<&str>,
) -> Vec<Block> {
    let mut picked: Vec<&Action> = Vec::new();
    for a in actions {
        if !shown.contains(&a.uri) {
            shown.push(a.uri.clone());
            picked.push(a);
        }
    }
    // A stable sort keeps the contacts' order within calls and within the rest.
    picked.sort_by_key(|a| a.kind != ActionKind::Call);
    picked
        .into_iter()
        .map(|a| {
            let mut action = a.clone();
            if let Some(p) = prefix {
                action.id = format!("{p}.{}", a.id);
            }
            Block::Action { action }
        })
        .collect()
}

/// A question with every value of `A` as an option, `current` selected.
pub(super) fn choice<A: Vocabulary + PartialEq>(
    ctx: &Ctx<'_>,
    id: &str,
    prompt: Key,
    current: Option<A>,
    label: impl Fn(A) -> String,
) -> Block {
    Block::Choice {
        id: id.to_owned(),
        prompt: ctx.ui(prompt).to_owned(),
        options: A::ALL
            .iter()
            .map(|&a| ChoiceOption {
                id: a.id().to_owned(),
                label: label(a),
                selected: current == Some(a),
            })
            .collect(),
    }
}

/// A checklist item at status `current`, offering every status of its checklist.
pub(super) fn checklist_item<S: Status>(
    ctx: &Ctx<'_>,
    id: &str,
    text: impl Into<String>,
    detail: Option<String>,
    current: S,
) -> Block {
    Block::ChecklistItem {
        id: id.to_owned(),
        text: text.into(),
        detail,
        status: current.id().to_owned(),
        status_label: ctx.ui(current.label_key()).to_owned(),
        options: S::ALL
            .iter()
            .map(|&s| ChoiceOption {
                id: s.id().to_owned(),
                label: ctx.ui(s.label_key()).to_owned(),
                selected: s == current,
            })
            .collect(),
    }
}

/// `text` with the mark of a fact that only an older document gives, when `older`.
pub(super) fn older_mark(ctx: &Ctx<'_>, text: &str, older: bool) -> String {
    if older {
        ctx.fill(k::OLDER_MARK, &[("text", text)])
    } else {
        text.to_owned()
    }
}

/// The caution under a part whose facts only older documents give.
pub(super) fn older_notice(ctx: &Ctx<'_>) -> Block {
    notice(NoticeLevel::Caution, ctx.ui(k::OLDER_NOTICE))
}

/// Readable citations, older documents marked.
pub(super) fn citation_texts(ctx: &Ctx<'_>, citations: &[Citation]) -> Vec<String> {
    citations
        .iter()
        .map(|c| older_mark(ctx, &c.text, c.older))
        .collect()
}

/// The "Sources" heading and the list of `citations`.
pub(super) fn sources(ctx: &Ctx<'_>, citations: &[Citation]) -> Vec<Block> {
    std::iter::once(heading(ctx.ui(k::SOURCES)))
        .chain(bullets(citation_texts(ctx, citations)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(id: &str, kind: ActionKind, uri: &str) -> Action {
        Action {
            id: id.into(),
            kind,
            uri: uri.into(),
            label: id.into(),
            accessibility_label: id.into(),
        }
    }

    fn ids(blocks: &[Block]) -> Vec<&str> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Action { action } => Some(action.id.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn calls_come_first_and_each_number_once() {
        let first = [
            action("a.web.0", ActionKind::Web, "https://a.no"),
            action("a.call.0", ActionKind::Call, "tel:1"),
        ];
        let second = [
            action("b.sms.0", ActionKind::Sms, "sms:2"),
            action("b.call.0", ActionKind::Call, "tel:1"),
            action("b.call.1", ActionKind::Call, "tel:3"),
        ];
        let mut shown = Vec::new();
        let top = calls_first(&first, &mut shown, None);
        assert_eq!(ids(&top), ["a.call.0", "a.web.0"]);
        let next = calls_first(&second, &mut shown, Some("step"));
        assert_eq!(
            ids(&next),
            ["step.b.call.1", "step.b.sms.0"],
            "tel:1 is already on the screen"
        );
    }
}
