//! The interactive terminal's keys on top of the core's plain-text renderer: a number before
//! each control, and the footer. No code per screen.

use lykt_core::app::plain::{self, Control};
use lykt_core::app::{Event, Screen};

/// What a number typed at the prompt does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Send this event.
    Event(Event),
    /// Ask which status to give a checklist item.
    Status {
        item: String,
        options: Vec<(String, String)>,
    },
}

/// Text of a screen and the numbered choices on it.
#[derive(Debug, Default)]
pub struct Rendered {
    /// What to print.
    pub text: String,
    /// The event behind each number, from 1.
    pub choices: Vec<Choice>,
}

/// Renders `screen` with numbered choices and the keys that work everywhere.
pub fn screen(screen: &Screen) -> Rendered {
    let mut choices = Vec::new();
    let mut text = plain::page_with_keys(screen, &mut |control| {
        choices.push(choice(control));
        format!("[{}]", choices.len())
    });
    let mut keys = Vec::new();
    if screen.back_available {
        keys.push("b = back");
    }
    keys.push("q = quit");
    text.push_str(&format!("\n({})\n", keys.join(", ")));
    Rendered { text, choices }
}

/// What pressing `control` does.
fn choice(control: Control<'_>) -> Choice {
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
        Control::Open { target } => Choice::Event(Event::Open {
            target: target.to_owned(),
        }),
    }
}
