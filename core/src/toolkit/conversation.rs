//! The conversation guide picked for one person: question topics for what was observed,
//! tips, the interpreter rule and the rights information to give (the guide's Part 5).

use serde::{Deserialize, Serialize};

use super::content::{Ages, ToolkitContent};
use super::indicators::{Indicator, Setting};
use super::{ContactLink, MinorAnswer, Toolkit};
use crate::content::source::{Citation, SourceRef};
use crate::text::Text;

/// When a topic is part of the guide.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicWhen {
    /// When an observed indicator or the setting calls for it.
    #[default]
    Called,
    /// Always (the closing question about help).
    Always,
    /// When nothing observed calls for any topic (openers).
    Fallback,
}

/// A topic of questions, with the guide's example question and follow-ups.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable id, for example `passport`.
    pub id: String,
    /// The open question that starts the topic.
    pub question: Text,
    /// Follow-up questions.
    pub follow_ups: Vec<Text>,
    /// What to say afterwards, if anything.
    #[serde(default)]
    pub say: Option<Text>,
    /// When the topic is included.
    #[serde(default)]
    pub when: TopicWhen,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// A tip or rule, optionally with contacts.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tip {
    /// Stable id.
    pub id: String,
    /// The tip.
    pub text: Text,
    /// Contacts it mentions.
    #[serde(default)]
    pub contacts: Vec<String>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// A piece of information about rights and help to give the person.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RightsInfo {
    /// Stable id.
    pub id: String,
    /// What to tell the person, addressed to them.
    pub text: Text,
    /// Who it is for.
    #[serde(default)]
    pub ages: Ages,
    /// Contacts it mentions.
    #[serde(default)]
    pub contacts: Vec<String>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// A question topic picked for the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TopicView {
    /// Stable id.
    pub id: String,
    /// The open question.
    pub question: String,
    /// Follow-up questions.
    pub follow_ups: Vec<String>,
    /// What to say afterwards, if anything.
    pub say: Option<String>,
    /// Ids of the observed indicators (and the setting) that call for it.
    pub because: Vec<String>,
}

/// A tip, rule or piece of rights information with its contacts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GuideItem {
    /// Stable id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Contacts it mentions.
    pub contacts: Vec<ContactLink>,
}

/// The conversation guide for one person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ConversationGuide {
    /// Question topics, in the guide's order; the question about help comes last.
    pub topics: Vec<TopicView>,
    /// General tips.
    pub tips: Vec<GuideItem>,
    /// Extra tips when the person is or may be a child (empty otherwise).
    pub minor_tips: Vec<GuideItem>,
    /// Qualified interpreters only, never a companion.
    pub interpreter: GuideItem,
    /// What to tell the person about rights and help.
    pub rights_info: Vec<GuideItem>,
    /// Where it comes from.
    pub sources: Vec<Citation>,
}

/// The topics called for by `observed` indicators and `setting`, each with what called it.
fn picked<'a>(
    content: &'a ToolkitContent,
    observed: &[&Indicator],
    setting: Option<&Setting>,
) -> Vec<(&'a Topic, Vec<String>)> {
    let callers = observed
        .iter()
        .map(|x| (x.id.as_str(), x.topics.as_slice()))
        .chain(setting.map(|s| (s.id.as_str(), s.topics.as_slice())));
    let mut because: Vec<Vec<String>> = vec![Vec::new(); content.conversation.topics.len()];
    for (caller, topics) in callers {
        for t in topics {
            if let Some(i) = content.conversation.topics.iter().position(|x| &x.id == t) {
                because[i].push(caller.to_owned());
            }
        }
    }
    let none_called = because.iter().all(Vec::is_empty);
    content
        .conversation
        .topics
        .iter()
        .zip(because)
        .filter(|(t, b)| match t.when {
            TopicWhen::Called => !b.is_empty(),
            TopicWhen::Always => true,
            TopicWhen::Fallback => none_called || !b.is_empty(),
        })
        .collect()
}

impl Toolkit {
    /// The conversation guide for a person with `observed` indicators, `setting` and age answer.
    pub(crate) fn conversation(
        &self,
        observed: &[&Indicator],
        setting: Option<&Setting>,
        minor: MinorAnswer,
    ) -> ConversationGuide {
        let content = &self.pack.toolkit;
        let conv = &content.conversation;
        let mut refs: Vec<&[SourceRef]> = Vec::new();
        let topics = picked(content, observed, setting)
            .into_iter()
            .map(|(t, because)| {
                refs.push(&t.sources);
                TopicView {
                    id: t.id.clone(),
                    question: self.text(&t.question),
                    follow_ups: t.follow_ups.iter().map(|f| self.text(f)).collect(),
                    say: t.say.as_ref().map(|s| self.text(s)),
                    because,
                }
            })
            .collect();
        let item = |tip: &Tip| GuideItem {
            id: tip.id.clone(),
            text: self.text(&tip.text),
            contacts: self.contact_links(&tip.contacts),
        };
        let minor_tips: &[Tip] = if minor.presumed_minor() {
            &conv.minor_tips
        } else {
            &[]
        };
        let rights_info: Vec<&RightsInfo> = conv
            .rights_info
            .iter()
            .filter(|r| r.ages.fits(minor))
            .collect();
        refs.extend(
            conv.tips
                .iter()
                .chain(minor_tips)
                .map(|t| t.sources.as_slice()),
        );
        refs.push(&conv.interpreter.sources);
        refs.extend(rights_info.iter().map(|r| r.sources.as_slice()));
        ConversationGuide {
            topics,
            tips: conv.tips.iter().map(item).collect(),
            minor_tips: minor_tips.iter().map(item).collect(),
            interpreter: item(&conv.interpreter),
            rights_info: rights_info
                .iter()
                .map(|r| GuideItem {
                    id: r.id.clone(),
                    text: self.text(&r.text),
                    contacts: self.contact_links(&r.contacts),
                })
                .collect(),
            sources: self.cite_all(refs),
        }
    }
}
