//! The Learn section: what human trafficking is, how it differs from related crimes, the law,
//! myths, and why victims rarely come forward.

use serde::{Deserialize, Serialize};

use super::Toolkit;
use crate::content::source::{Citation, SourceRef, only_older};
use crate::error::Error;
use crate::ids::invalid;
use crate::text::Text;

/// A topic, from `learn.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnTopic {
    /// Stable id, for example `myths`.
    pub id: String,
    /// The topic.
    pub title: Text,
    /// One or two sentences about it.
    pub summary: Text,
    /// The explanation.
    pub sections: Vec<LearnSection>,
}

/// A part of a topic.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearnSection {
    /// A heading, if any.
    #[serde(default)]
    pub heading: Option<Text>,
    /// Paragraphs.
    #[serde(default)]
    pub paragraphs: Vec<Text>,
    /// A list after the paragraphs.
    #[serde(default)]
    pub bullets: Vec<Text>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// A part of a topic as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LearnSectionView {
    /// A heading, if any.
    pub heading: Option<String>,
    /// Paragraphs.
    pub paragraphs: Vec<String>,
    /// A list after the paragraphs.
    pub bullets: Vec<String>,
    /// True when only an older document states it.
    pub older: bool,
    /// Where it comes from.
    pub sources: Vec<Citation>,
}

/// A topic as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LearnTopicView {
    /// Stable id.
    pub id: String,
    /// The topic.
    pub title: String,
    /// One or two sentences about it.
    pub summary: String,
    /// The explanation.
    pub sections: Vec<LearnSectionView>,
}

impl Toolkit {
    /// Every Learn topic, in order.
    pub fn learn_topics(&self) -> Vec<LearnTopicView> {
        self.pack
            .toolkit
            .learn
            .iter()
            .map(|t| self.learn_view(t))
            .collect()
    }

    /// The Learn topic `id`.
    pub fn learn_topic(&self, id: &str) -> Result<LearnTopicView, Error> {
        let topics = &self.pack.toolkit.learn;
        self.pack
            .toolkit
            .learn_topic(id)
            .map(|t| self.learn_view(t))
            .ok_or_else(|| invalid("topic", id, topics.iter().map(|t| t.id.as_str())))
    }

    fn learn_view(&self, t: &LearnTopic) -> LearnTopicView {
        LearnTopicView {
            id: t.id.clone(),
            title: self.text(&t.title),
            summary: self.text(&t.summary),
            sections: t
                .sections
                .iter()
                .map(|s| LearnSectionView {
                    heading: s.heading.as_ref().map(|h| self.text(h)),
                    paragraphs: s.paragraphs.iter().map(|p| self.text(p)).collect(),
                    bullets: s.bullets.iter().map(|b| self.text(b)).collect(),
                    older: only_older(&self.pack.meta.sources, &s.sources),
                    sources: self.cite(&s.sources),
                })
                .collect(),
        }
    }
}
