//! The decision flow as a graph of questions and action cards, its validation, and a session
//! that walks it.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::cards::{self, Card, Dont};
use crate::content::ContentPack;
use crate::content::check::{Checker, IssueKind};
use crate::content::source::SourceRef;
use crate::error::Error;
use crate::text::Text;

/// The flow as the content pack states it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Id of the first question.
    pub start: String,
    /// The questions.
    pub steps: Vec<Step>,
    /// The action cards.
    pub cards: Vec<Card>,
    /// Things not to do, referenced by cards.
    pub donts: Vec<Dont>,
    /// Contacts that fit any answer, shown below every question when they can be called now,
    /// so the first number is one tap from the start.
    #[serde(default)]
    pub calls: Vec<String>,
}

/// A question.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id, unique among steps and cards.
    pub id: String,
    /// The question.
    pub question: Text,
    /// A short explanation shown with the question.
    #[serde(default)]
    pub help: Option<Text>,
    /// The answers.
    pub options: Vec<StepOption>,
    /// Where the question and its explanation come from.
    pub sources: Vec<SourceRef>,
}

/// An answer to a question.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepOption {
    /// Id unique within its question.
    pub id: String,
    /// The answer's text.
    pub label: Text,
    /// The next question's id, or the id of the card that ends the flow.
    pub next: String,
    /// Ids of cards this answer adds to the actions, in order.
    #[serde(default)]
    pub collect: Vec<String>,
}

/// One answer given: the question and the chosen option.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Answer {
    /// The question's id.
    pub step: String,
    /// The option's id.
    pub option: String,
}

impl Step {
    /// The option with `id`.
    pub fn option(&self, id: &str) -> Option<&StepOption> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The ids of every option, in order.
    pub fn option_ids(&self) -> Vec<String> {
        self.options.iter().map(|o| o.id.clone()).collect()
    }
}

impl Flow {
    /// The question with `id`.
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The card with `id`.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// The thing not to do with `id`.
    pub fn dont(&self, id: &str) -> Option<&Dont> {
        self.donts.iter().find(|d| d.id == id)
    }

    /// Every complete path from the first question to a card that ends the flow.
    pub fn paths(&self) -> Vec<Vec<Answer>> {
        let mut out = Vec::new();
        if let Some(start) = self.step(&self.start) {
            self.extend_paths(start, &mut Vec::new(), &mut out);
        }
        out
    }

    fn extend_paths(&self, step: &Step, path: &mut Vec<Answer>, out: &mut Vec<Vec<Answer>>) {
        if path.iter().any(|a| a.step == step.id) {
            return; // A loop; validation reports it.
        }
        for o in &step.options {
            path.push(Answer {
                step: step.id.clone(),
                option: o.id.clone(),
            });
            match self.step(&o.next) {
                Some(next) => self.extend_paths(next, path, out),
                None if self.card(&o.next).is_some() => out.push(path.clone()),
                None => {}
            }
            path.pop();
        }
    }
}

/// Checks the flow: ids, texts, references, reachability, loops and every card.
pub(super) fn check(flow: &Flow, c: &mut Checker<'_>, always_open: &dyn Fn(&str) -> bool) {
    for s in &flow.steps {
        c.unique("flow node", &s.id);
    }
    for card in &flow.cards {
        c.unique("flow node", &card.id);
    }
    for d in &flow.donts {
        c.unique("dont", &d.id);
    }
    if flow.step(&flow.start).is_none() {
        c.issue(
            "-",
            "start",
            IssueKind::DanglingReference {
                kind: "step".into(),
                target: flow.start.clone(),
            },
        );
    }
    for s in &flow.steps {
        check_step(flow, s, c);
    }
    for card in &flow.cards {
        cards::check_card(card, c, always_open);
    }
    for d in &flow.donts {
        cards::check_dont(d, c);
    }
    for (i, id) in flow.calls.iter().enumerate() {
        c.reference("-", &format!("calls[{i}]"), "contact", id);
    }
    check_reachable(flow, c);
    check_loops(flow, c);
}

fn check_step(flow: &Flow, s: &Step, c: &mut Checker<'_>) {
    let id = s.id.as_str();
    c.text(id, "question", &s.question);
    if let Some(help) = &s.help {
        c.text(id, "help", help);
    }
    c.sources(id, "sources", &s.sources);
    if s.options.len() < 2 {
        c.issue(
            id,
            "options",
            IssueKind::Invalid {
                message: "a question needs at least two options".into(),
            },
        );
    }
    let mut seen = HashSet::new();
    for (i, o) in s.options.iter().enumerate() {
        if !seen.insert(o.id.as_str()) || o.id.trim().is_empty() {
            c.issue(
                id,
                &format!("options[{i}].id"),
                IssueKind::DuplicateId { id: o.id.clone() },
            );
        }
        c.text(id, &format!("options[{i}].label"), &o.label);
        if flow.step(&o.next).is_none() && flow.card(&o.next).is_none() {
            c.issue(
                id,
                &format!("options[{i}].next"),
                IssueKind::DanglingReference {
                    kind: "step or card".into(),
                    target: o.next.clone(),
                },
            );
        }
        for (j, card) in o.collect.iter().enumerate() {
            if flow.card(card).is_none() {
                c.issue(
                    id,
                    &format!("options[{i}].collect[{j}]"),
                    IssueKind::DanglingReference {
                        kind: "card".into(),
                        target: card.clone(),
                    },
                );
            }
        }
    }
}

/// Every question must be reachable from the start, and every card reached or collected.
fn check_reachable(flow: &Flow, c: &mut Checker<'_>) {
    let mut steps: HashSet<&str> = HashSet::new();
    let mut cards: HashSet<&str> = HashSet::new();
    let mut queue: VecDeque<&Step> = flow.step(&flow.start).into_iter().collect();
    while let Some(s) = queue.pop_front() {
        if !steps.insert(s.id.as_str()) {
            continue;
        }
        for o in &s.options {
            cards.extend(o.collect.iter().map(String::as_str));
            match flow.step(&o.next) {
                Some(next) => queue.push_back(next),
                None => {
                    cards.insert(o.next.as_str());
                }
            }
        }
    }
    for s in flow.steps.iter().filter(|s| !steps.contains(s.id.as_str())) {
        c.issue(
            &s.id,
            "id",
            IssueKind::Invalid {
                message: "no answer leads to this question from the start".into(),
            },
        );
    }
    for card in flow.cards.iter().filter(|k| !cards.contains(k.id.as_str())) {
        c.issue(
            &card.id,
            "id",
            IssueKind::Invalid {
                message: "no reachable answer leads to or collects this card".into(),
            },
        );
    }
}

/// No answer may lead back to an earlier question (going back is the session's job).
fn check_loops(flow: &Flow, c: &mut Checker<'_>) {
    #[derive(Clone, Copy, PartialEq, Eq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit<'a>(
        flow: &'a Flow,
        s: &'a Step,
        marks: &mut HashMap<&'a str, Mark>,
        c: &mut Checker<'_>,
    ) {
        marks.insert(s.id.as_str(), Mark::Open);
        for (i, o) in s.options.iter().enumerate() {
            let Some(next) = flow.step(&o.next) else {
                continue;
            };
            match marks.get(next.id.as_str()) {
                Some(Mark::Open) => c.issue(
                    &s.id,
                    &format!("options[{i}].next"),
                    IssueKind::Invalid {
                        message: format!(
                            "leads back to question \"{}\", which makes a loop",
                            next.id
                        ),
                    },
                ),
                Some(Mark::Done) => {}
                None => visit(flow, next, marks, c),
            }
        }
        marks.insert(s.id.as_str(), Mark::Done);
    }
    let mut marks = HashMap::new();
    for s in &flow.steps {
        if !marks.contains_key(s.id.as_str()) {
            visit(flow, s, &mut marks, c);
        }
    }
}

/// A walk through the flow, kept in memory only: the answers so far and where they led.
#[derive(Clone, Debug)]
pub struct FlowSession {
    pack: Arc<ContentPack>,
    path: Vec<Answer>,
    /// Ids of the nodes visited: the start, then where each answer led.
    nodes: Vec<String>,
}

impl FlowSession {
    /// A session at the first question of `pack`'s flow.
    pub fn new(pack: Arc<ContentPack>) -> Self {
        let start = pack.minors.flow.start.clone();
        Self {
            pack,
            path: Vec::new(),
            nodes: vec![start],
        }
    }

    fn flow(&self) -> &Flow {
        &self.pack.minors.flow
    }

    fn node(&self) -> &str {
        self.nodes
            .last()
            .map_or(self.flow().start.as_str(), String::as_str)
    }

    /// The open question, or `None` when the flow has ended.
    pub fn current_step(&self) -> Option<&Step> {
        self.flow().step(self.node())
    }

    /// The card the flow ended at, or `None` while a question is open.
    pub fn end_card(&self) -> Option<&Card> {
        self.flow().card(self.node())
    }

    /// True when the flow has ended at a card.
    pub fn is_finished(&self) -> bool {
        self.end_card().is_some()
    }

    /// Answers the open question with the option `option`.
    ///
    /// On error nothing changes.
    pub fn answer(&mut self, option: &str) -> Result<(), Error> {
        let (answer, next) = match self.current_step() {
            None => {
                return Err(Error::FlowEnded {
                    card: self.node().to_owned(),
                    answer: option.to_owned(),
                });
            }
            Some(step) => match step.option(option) {
                None => {
                    return Err(Error::InvalidAnswer {
                        step: step.id.clone(),
                        answer: option.to_owned(),
                        valid: step.option_ids(),
                    });
                }
                Some(o) => (
                    Answer {
                        step: step.id.clone(),
                        option: o.id.clone(),
                    },
                    o.next.clone(),
                ),
            },
        };
        self.path.push(answer);
        self.nodes.push(next);
        Ok(())
    }

    /// Takes back the last answer; false when at the first question.
    pub fn back(&mut self) -> bool {
        if self.path.pop().is_some() {
            self.nodes.pop();
            true
        } else {
            false
        }
    }

    /// Forgets every answer, wiping it from memory, and returns to the first question.
    pub fn restart(&mut self) {
        use zeroize::Zeroize;
        for a in &mut self.path {
            a.step.zeroize();
            a.option.zeroize();
        }
        self.path.clear();
        for node in self.nodes.iter_mut().skip(1) {
            node.zeroize();
        }
        self.nodes.truncate(1);
    }

    /// The answers so far, in order.
    pub fn path(&self) -> &[Answer] {
        &self.path
    }

    /// The cards collected so far, in order and each once, followed by the end card.
    pub fn collected(&self) -> Vec<&Card> {
        let flow = self.flow();
        let mut ids: Vec<&str> = Vec::new();
        let collected = self
            .path
            .iter()
            .filter_map(|a| flow.step(&a.step).and_then(|s| s.option(&a.option)))
            .flat_map(|o| o.collect.iter().map(String::as_str));
        for id in collected.chain(self.end_card().map(|c| c.id.as_str())) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids.into_iter().filter_map(|id| flow.card(id)).collect()
    }

    /// The urgent cards collected so far (emergency calls to show on every later screen).
    pub fn urgent(&self) -> Vec<&Card> {
        self.collected().into_iter().filter(|c| c.urgent).collect()
    }
}
