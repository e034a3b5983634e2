//! The interactive terminal's keys on top of the core's plain-text renderer, and its footer. No
//! code per screen.
//!
//! Actions (calls, messages, web pages) are keyed `c1`, `c2`, ... and every other control by a
//! number, so a call the core pins above a question never shifts the numbers of the question's
//! own answers: a person answering by habit cannot dial by accident.

use lykt_core::app::plain::{self, Control};
use lykt_core::app::{Event, InputKind, Screen};
use lykt_core::content::ui::Key;
use lykt_core::ui_keys::{info, terminal};

/// What a key typed at the prompt does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Send this event.
    Event(Event),
    /// Ask which status to give a checklist item.
    Status {
        item: String,
        options: Vec<(String, String)>,
    },
    /// Ask for the value of a text field.
    Field(Field),
}

/// A text field the terminal prompts for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The field's id.
    pub id: String,
    /// Its label, the prompt.
    pub label: String,
    /// What it takes.
    pub kind: InputKind,
}

/// Text of a screen and the keyed choices on it.
#[derive(Debug, Default)]
pub struct Rendered {
    /// What to print.
    pub text: String,
    /// The choice behind each number, from 1.
    pub numbered: Vec<Choice>,
    /// The action behind each `c` key, from `c1`.
    pub actions: Vec<Event>,
    /// The field the core put the cursor in: the terminal prompts for it at once.
    pub focus: Option<Field>,
}

impl Rendered {
    /// What `key` does, if it is on the screen.
    pub fn choice(&self, key: &str) -> Option<Choice> {
        let index = |n: &str| n.parse::<usize>().ok()?.checked_sub(1);
        match key.strip_prefix('c') {
            Some(n) => self.actions.get(index(n)?).cloned().map(Choice::Event),
            None => self.numbered.get(index(key)?).cloned(),
        }
    }
}

/// Renders `screen` with its keys and the footer, in the words `ui` gives.
pub fn screen<'a>(screen: &Screen, ui: &dyn Fn(Key) -> &'a str) -> Rendered {
    let mut rendered = Rendered::default();
    let mut text = plain::page_with_keys(screen, &mut |control| match control {
        Control::Act(action) => {
            rendered.actions.push(Event::Act {
                action: action.id.clone(),
            });
            format!("[c{}]", rendered.actions.len())
        }
        other => {
            rendered.numbered.push(choice(other, screen));
            format!("[{}]", rendered.numbered.len())
        }
    });
    rendered.focus = focus(screen);
    let mut keys = Vec::new();
    if screen.back_available {
        keys.push(format!("b = {}", screen.back_label));
    }
    keys.push(format!("x = {}", ui(info::QUICK_EXIT_LABEL)));
    keys.push(format!("q = {}", ui(terminal::TERMINAL_QUIT)));
    text.push_str(&format!("\n({})\n", keys.join(", ")));
    rendered.text = text;
    rendered
}

/// The field the screen puts the cursor in, if any.
fn focus(screen: &Screen) -> Option<Field> {
    screen.blocks.iter().find_map(|b| match b {
        lykt_core::app::Block::TextInput {
            id,
            label,
            kind,
            focus: true,
            ..
        } => Some(Field {
            id: id.clone(),
            label: label.clone(),
            kind: *kind,
        }),
        _ => None,
    })
}

/// What pressing `control` does.
fn choice(control: Control<'_>, screen: &Screen) -> Choice {
    match control {
        Control::Act(action) => Choice::Event(Event::Act {
            action: action.id.clone(),
        }),
        Control::Answer { question, option } => Choice::Event(Event::Choose {
            question: question.to_owned(),
            option: option.id.clone(),
        }),
        Control::Item { id, options } => Choice::Status {
            item: id.to_owned(),
            options: options
                .iter()
                .map(|o| (o.id.clone(), o.label.clone()))
                .collect(),
        },
        Control::Press { id } => Choice::Event(Event::Press { id: id.to_owned() }),
        Control::Field { id, kind } => Choice::Field(Field {
            id: id.to_owned(),
            label: field_label(screen, id),
            kind,
        }),
        Control::Open { target } => Choice::Event(Event::Open {
            target: target.to_owned(),
        }),
    }
}

fn field_label(screen: &Screen, field: &str) -> String {
    screen
        .blocks
        .iter()
        .find_map(|b| match b {
            lykt_core::app::Block::TextInput { id, label, .. } if id == field => {
                Some(label.clone())
            }
            _ => None,
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lykt_core::Lykt;
    use lykt_core::app::Platform;

    /// What the keys `1` and `c1` do on the minors' second question after answering the
    /// danger question `danger`.
    fn keys_after_danger(danger: &str) -> (Option<Choice>, Option<Choice>) {
        let lykt = Lykt::new(&["en"]).expect("entry");
        let mut app = lykt.app(Platform::Terminal);
        for event in [
            Event::Open {
                target: "minors".into(),
            },
            Event::Choose {
                question: "danger".into(),
                option: danger.into(),
            },
        ] {
            app.dispatch(event).expect("taken");
        }
        let shown = screen(&app.current_screen(), &|k| app.ui(k));
        (shown.choice("1"), shown.choice("c1"))
    }

    fn police() -> Choice {
        Choice::Event(Event::Act {
            action: "police-emergency.call.0".into(),
        })
    }

    #[test]
    fn a_call_pinned_above_a_question_never_moves_its_answers() {
        let first_answer = Some(Choice::Event(Event::Choose {
            question: "health".into(),
            option: "life-threatening".into(),
        }));
        let (one, call) = keys_after_danger("no");
        assert_eq!(one, first_answer);
        assert_ne!(call, Some(police()));
        let (one, call) = keys_after_danger("yes");
        assert_eq!(
            one, first_answer,
            "1 still answers, whatever is pinned above"
        );
        assert_eq!(call, Some(police()), "the pinned call is c1");
    }

    #[test]
    fn the_footer_speaks_the_users_language() {
        let lykt = Lykt::new(&["nb"]).expect("entry");
        let mut app = lykt.app(Platform::Terminal);
        app.dispatch(Event::Open {
            target: "contacts".into(),
        })
        .expect("opens");
        let shown = screen(&app.current_screen(), &|k| app.ui(k));
        assert!(
            shown
                .text
                .ends_with("(b = Tilbake, x = Gå ut nå, q = avslutt)\n"),
            "{}",
            shown.text
        );
    }
}
