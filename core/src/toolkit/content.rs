//! The toolkit's content files: parsed, indexed and validated with the rest of the pack.
//!
//! | file | holds |
//! |---|---|
//! | `indicators.json` | section headings, indicators, settings, flag texts, shared toolkit strings |
//! | `conversation.json` | question topics, conversation tips, the interpreter rule, rights information |
//! | `duties.json` | the texts of every step the duties engine can give |
//! | `rights.json` | the rights of presumed victims |
//! | `learn.json` | the Learn section |

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::conversation::{RightsInfo, Tip, Topic};
use super::duties::{self, StepContent};
use super::indicators::{
    ControlGroup, FlagContent, FlagKind, Indicator, IndicatorCategory, Section, Setting,
};
use super::learn::LearnTopic;
use super::rights::Right;
use crate::content::check::{Checker, ContentIssue, IssueKind};
use crate::text::Text;

const INDICATORS: &str = "indicators.json";
const CONVERSATION: &str = "conversation.json";
const DUTIES: &str = "duties.json";
const RIGHTS: &str = "rights.json";
const LEARN: &str = "learn.json";

/// The toolkit's files, in load order.
pub const FILES: [&str; 5] = [INDICATORS, CONVERSATION, DUTIES, RIGHTS, LEARN];

/// Which ages an item is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ages {
    /// Everybody.
    #[default]
    Any,
    /// People of 18 or over.
    Adults,
    /// Children under 18.
    Minors,
}

impl Ages {
    /// Whether the item fits a person answered as `minor`; `unsure` fits both ages.
    pub fn fits(self, minor: super::MinorAnswer) -> bool {
        match self {
            Self::Any => true,
            Self::Adults => minor != super::MinorAnswer::Yes,
            Self::Minors => minor.presumed_minor(),
        }
    }

    /// Whether the item fits a person who is (`true`) or is not a child.
    pub fn fits_child(self, child: bool) -> bool {
        match self {
            Self::Any => true,
            Self::Adults => !child,
            Self::Minors => child,
        }
    }
}

/// A contact used by a step, optionally only for one age group.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(from = "ContactRefRepr")]
pub struct ContactRef {
    /// The contact's id in `contacts.json`.
    pub id: String,
    /// Who the contact is shown for.
    pub ages: Ages,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ContactRefRepr {
    Id(String),
    #[serde(rename_all = "snake_case")]
    WithAges {
        id: String,
        ages: Ages,
    },
}

impl From<ContactRefRepr> for ContactRef {
    fn from(r: ContactRefRepr) -> Self {
        match r {
            ContactRefRepr::Id(id) => Self {
                id,
                ages: Ages::Any,
            },
            ContactRefRepr::WithAges { id, ages } => Self { id, ages },
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorsFile {
    strings: BTreeMap<String, Text>,
    sections: Vec<Section>,
    indicators: Vec<Indicator>,
    settings: Vec<Setting>,
    flags: Vec<FlagContent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConversationFile {
    topics: Vec<Topic>,
    tips: Vec<Tip>,
    minor_tips: Vec<Tip>,
    interpreter: Tip,
    rights_info: Vec<RightsInfo>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DutiesFile {
    strings: BTreeMap<String, Text>,
    steps: Vec<StepContent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RightsFile {
    strings: BTreeMap<String, Text>,
    rights: Vec<Right>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LearnFile {
    strings: BTreeMap<String, Text>,
    topics: Vec<LearnTopic>,
}

/// The conversation guide's building blocks.
#[derive(Clone, Debug, Default)]
pub struct ConversationContent {
    /// Question topics, in the guide's order.
    pub topics: Vec<Topic>,
    /// General tips.
    pub tips: Vec<Tip>,
    /// Extra tips for talking with a child.
    pub minor_tips: Vec<Tip>,
    /// The rule on interpreters.
    pub interpreter: Tip,
    /// What to tell the person about rights and help.
    pub rights_info: Vec<RightsInfo>,
}

/// Every toolkit item of the pack, indexed by id.
#[derive(Clone, Debug, Default)]
pub struct ToolkitContent {
    /// Headings of indicator categories, control groups, sectors and the minors' extras.
    pub sections: Vec<Section>,
    /// Every indicator of the guide's Part 4, in the guide's order.
    pub indicators: Vec<Indicator>,
    /// Settings where exploitation has been found.
    pub settings: Vec<Setting>,
    /// Texts of the assessment's flags.
    pub flags: Vec<FlagContent>,
    /// The conversation guide.
    pub conversation: ConversationContent,
    /// Texts of the duties engine's steps.
    pub steps: Vec<StepContent>,
    /// Rights of presumed victims.
    pub rights: Vec<Right>,
    /// Topics of the Learn section.
    pub learn: Vec<LearnTopic>,
    indicator_index: HashMap<String, usize>,
}

/// A file's name and its interface strings.
pub type FileStrings = (&'static str, BTreeMap<String, Text>);

/// The toolkit's files as parsed, before their strings join the pack's interface strings.
#[derive(Debug)]
pub struct ToolkitFiles {
    indicators: IndicatorsFile,
    conversation: ConversationFile,
    duties: DutiesFile,
    rights: RightsFile,
    learn: LearnFile,
}

impl ToolkitFiles {
    /// Parses the toolkit's files with `parse`, which records any problem in `issues`.
    pub fn parse<'t>(
        issues: &mut Vec<ContentIssue>,
        find: &dyn Fn(&str) -> Option<&'t str>,
    ) -> Option<Self> {
        let indicators = crate::content::parse(issues, INDICATORS, find(INDICATORS));
        let conversation = crate::content::parse(issues, CONVERSATION, find(CONVERSATION));
        let duties = crate::content::parse(issues, DUTIES, find(DUTIES));
        let rights = crate::content::parse(issues, RIGHTS, find(RIGHTS));
        let learn = crate::content::parse(issues, LEARN, find(LEARN));
        Some(Self {
            indicators: indicators?,
            conversation: conversation?,
            duties: duties?,
            rights: rights?,
            learn: learn?,
        })
    }

    /// Splits off each file's interface strings and indexes the rest.
    pub fn into_parts(self) -> (Vec<FileStrings>, ToolkitContent) {
        let strings = vec![
            (INDICATORS, self.indicators.strings),
            (DUTIES, self.duties.strings),
            (RIGHTS, self.rights.strings),
            (LEARN, self.learn.strings),
        ];
        let indicator_index = self
            .indicators
            .indicators
            .iter()
            .enumerate()
            .map(|(i, x)| (x.id.clone(), i))
            .collect();
        let c = self.conversation;
        let content = ToolkitContent {
            sections: self.indicators.sections,
            indicators: self.indicators.indicators,
            settings: self.indicators.settings,
            flags: self.indicators.flags,
            conversation: ConversationContent {
                topics: c.topics,
                tips: c.tips,
                minor_tips: c.minor_tips,
                interpreter: c.interpreter,
                rights_info: c.rights_info,
            },
            steps: self.duties.steps,
            rights: self.rights.rights,
            learn: self.learn.topics,
            indicator_index,
        };
        (strings, content)
    }
}

impl ToolkitContent {
    /// The indicator with `id`.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicator_index.get(id).map(|&i| &self.indicators[i])
    }

    /// The position of the indicator with `id` in the guide's order.
    pub fn indicator_position(&self, id: &str) -> Option<usize> {
        self.indicator_index.get(id).copied()
    }

    /// The section with `id`.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The setting with `id`.
    pub fn setting(&self, id: &str) -> Option<&Setting> {
        self.settings.iter().find(|s| s.id == id)
    }

    /// The texts of a flag.
    pub fn flag(&self, kind: FlagKind) -> Option<&FlagContent> {
        self.flags.iter().find(|f| f.id == kind)
    }

    /// The question topic with `id`.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.conversation.topics.iter().find(|t| t.id == id)
    }

    /// The texts of the step with `id`.
    pub fn step(&self, id: &str) -> Option<&StepContent> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// The right with `id`.
    pub fn right(&self, id: &str) -> Option<&Right> {
        self.rights.iter().find(|r| r.id == id)
    }

    /// The Learn topic with `id`.
    pub fn learn_topic(&self, id: &str) -> Option<&LearnTopic> {
        self.learn.iter().find(|t| t.id == id)
    }
}

/// Checks every toolkit file; contacts must already be registered with `c`.
pub fn check(t: &ToolkitContent, c: &mut Checker<'_>) {
    check_conversation(&t.conversation, c);
    check_indicators(t, c);
    check_duties(&t.steps, c);
    check_rights(&t.rights, c);
    check_learn(&t.learn, c);
}

/// `conversation.json`: topics, tips, the interpreter rule and rights information.
fn check_conversation(conv: &ConversationContent, c: &mut Checker<'_>) {
    c.file(CONVERSATION);
    for topic in &conv.topics {
        c.unique("topic", &topic.id);
        c.text(&topic.id, "question", &topic.question);
        for (i, f) in topic.follow_ups.iter().enumerate() {
            c.text(&topic.id, &format!("follow_ups[{i}]"), f);
        }
        if let Some(say) = &topic.say {
            c.text(&topic.id, "say", say);
        }
        c.sources(&topic.id, "sources", &topic.sources);
    }
    for (field, tips) in [("tips", &conv.tips), ("minor_tips", &conv.minor_tips)] {
        for tip in tips {
            c.unique("tip", &tip.id);
            check_tip(c, tip, field);
        }
    }
    check_tip(c, &conv.interpreter, "interpreter");
    for info in &conv.rights_info {
        c.unique("rights_info", &info.id);
        c.text(&info.id, "text", &info.text);
        contacts(c, &info.id, info.contacts.iter());
        c.sources(&info.id, "sources", &info.sources);
    }
}

/// `indicators.json`: sections, indicators of the right shape, settings and flag texts.
fn check_indicators(t: &ToolkitContent, c: &mut Checker<'_>) {
    c.file(INDICATORS);
    for s in &t.sections {
        c.unique("section", &s.id);
        c.text(&s.id, "title", &s.title);
        if let Some(intro) = &s.intro {
            c.text(&s.id, "intro", intro);
        }
        c.sources(&s.id, "sources", &s.sources);
    }
    for id in super::indicators::SECTION_IDS {
        c.reference("-", "sections", "section", id);
    }
    for x in &t.indicators {
        c.unique("indicator", &x.id);
        c.text(&x.id, "text", &x.text);
        c.sources(&x.id, "sources", &x.sources);
        topics(c, &x.id, &x.topics);
        let shape = match (x.category, x.group.is_some(), x.sector.is_some()) {
            (IndicatorCategory::Control, false, _) => Some("a control indicator needs a group"),
            (IndicatorCategory::Sector, _, false) => Some("a sector indicator needs a sector"),
            (cat, true, _) if cat != IndicatorCategory::Control => {
                Some("only control indicators have a group")
            }
            (cat, _, true) if cat != IndicatorCategory::Sector => {
                Some("only sector indicators have a sector")
            }
            (IndicatorCategory::Sector, _, _) if x.minor_only => {
                Some("the guide's sector indicators apply to all ages")
            }
            _ => None,
        };
        if let Some(message) = shape {
            c.issue(
                &x.id,
                "category",
                IssueKind::Invalid {
                    message: message.into(),
                },
            );
        }
    }
    for g in ControlGroup::ALL {
        if !t.indicators.iter().any(|x| x.group == Some(g)) {
            c.issue(
                "-",
                "indicators",
                IssueKind::Invalid {
                    message: format!("no indicator in the control group \"{}\"", g.id()),
                },
            );
        }
    }
    for s in &t.settings {
        c.unique("setting", &s.id);
        c.text(&s.id, "text", &s.text);
        for (i, e) in s.examples.iter().enumerate() {
            c.text(&s.id, &format!("examples[{i}]"), e);
        }
        topics(c, &s.id, &s.topics);
        c.sources(&s.id, "sources", &s.sources);
    }
    for kind in FlagKind::ALL {
        match t.flags.iter().filter(|f| f.id == kind).count() {
            1 => {}
            0 => c.issue(
                kind.id(),
                "flags",
                IssueKind::Invalid {
                    message: "the assessment needs this flag's texts".into(),
                },
            ),
            _ => c.issue(
                kind.id(),
                "id",
                IssueKind::DuplicateId {
                    id: kind.id().into(),
                },
            ),
        }
    }
    for f in &t.flags {
        c.text(f.id.id(), "title", &f.title);
        c.text(f.id.id(), "text", &f.text);
        contacts(c, f.id.id(), f.contacts.iter());
        c.sources(f.id.id(), "sources", &f.sources);
    }
}

/// `duties.json`: the texts of exactly the steps the duties engine gives.
fn check_duties(steps: &[StepContent], c: &mut Checker<'_>) {
    c.file(DUTIES);
    for s in steps {
        c.unique("step", &s.id);
        c.text(&s.id, "title", &s.title);
        c.text(&s.id, "action", &s.action);
        c.text(&s.id, "why", &s.why);
        if let Some(b) = &s.legal_basis {
            c.text(&s.id, "legal_basis", b);
        }
        contacts(c, &s.id, s.contacts.iter().map(|r| &r.id));
        c.sources(&s.id, "sources", &s.sources);
        if !duties::STEP_IDS.contains(&s.id.as_str()) {
            c.issue(
                &s.id,
                "id",
                IssueKind::Invalid {
                    message: "the duties engine never gives this step".into(),
                },
            );
        }
    }
    for id in duties::STEP_IDS {
        c.reference("-", "steps", "step", id);
    }
}

/// `rights.json`: every right's texts, details, contacts and sources.
fn check_rights(rights: &[Right], c: &mut Checker<'_>) {
    c.file(RIGHTS);
    for r in rights {
        c.unique("right", &r.id);
        for (field, text) in [
            ("title", &r.title),
            ("summary", &r.summary),
            ("provider", &r.provider),
            ("who", &r.who),
        ] {
            c.text(&r.id, field, text);
        }
        for (i, d) in r.details.iter().enumerate() {
            c.text(&r.id, &format!("details[{i}].text"), &d.text);
            c.sources(&r.id, &format!("details[{i}].sources"), &d.sources);
        }
        contacts(c, &r.id, r.contacts.iter());
        c.sources(&r.id, "sources", &r.sources);
    }
}

/// `learn.json`: every topic's texts; each section says something and cites it.
fn check_learn(learn: &[LearnTopic], c: &mut Checker<'_>) {
    c.file(LEARN);
    for topic in learn {
        c.unique("learn", &topic.id);
        c.text(&topic.id, "title", &topic.title);
        c.text(&topic.id, "summary", &topic.summary);
        for (i, s) in topic.sections.iter().enumerate() {
            let field = format!("sections[{i}]");
            if let Some(h) = &s.heading {
                c.text(&topic.id, &format!("{field}.heading"), h);
            }
            for (j, p) in s.paragraphs.iter().enumerate() {
                c.text(&topic.id, &format!("{field}.paragraphs[{j}]"), p);
            }
            for (j, b) in s.bullets.iter().enumerate() {
                c.text(&topic.id, &format!("{field}.bullets[{j}]"), b);
            }
            if s.paragraphs.is_empty() && s.bullets.is_empty() {
                c.issue(
                    &topic.id,
                    &field,
                    IssueKind::Invalid {
                        message: "a section needs a paragraph or a bullet".into(),
                    },
                );
            }
            c.sources(&topic.id, &format!("{field}.sources"), &s.sources);
        }
    }
}

fn check_tip(c: &mut Checker<'_>, tip: &Tip, field: &str) {
    c.text(&tip.id, &format!("{field}.text"), &tip.text);
    contacts(c, &tip.id, tip.contacts.iter());
    c.sources(&tip.id, &format!("{field}.sources"), &tip.sources);
}

fn contacts<'a>(c: &mut Checker<'_>, item: &str, ids: impl Iterator<Item = &'a String>) {
    for (i, id) in ids.enumerate() {
        c.reference(item, &format!("contacts[{i}]"), "contact", id);
    }
}

fn topics(c: &mut Checker<'_>, item: &str, ids: &[String]) {
    for (i, id) in ids.iter().enumerate() {
        c.reference(item, &format!("topics[{i}]"), "topic", id);
    }
}
