//! The indicator catalogue of the guide's Part 4 and the settings where exploitation has been found.
//!
//! Indicators are listed in the guide's order, in its four main categories (the fourth,
//! "controlled by others", in five groups), each category followed by its extra indicators
//! for minors; the extra indicators for exploitation in prostitution and in forced labour
//! form a fifth, `sector`, category.
//!
//! Which indicators are offered: the minors' extras only when the person is or may be under
//! 18. The sector extras are always offered, each in its own section after the four
//! categories, because the form of exploitation is often unknown at a first meeting; when the
//! chosen setting belongs to a sector, that sector's section comes first and says so.

use serde::{Deserialize, Serialize};

use super::MinorAnswer;
use super::content::ToolkitContent;
use crate::content::source::{Citation, SourceRef};
use crate::text::Text;

/// A main category of indicators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicatorCategory {
    /// Background and vulnerabilities.
    Background,
    /// Places and living situation.
    Places,
    /// Behaviour.
    Behaviour,
    /// Appears to be controlled by others.
    Control,
    /// Extra indicators for exploitation in prostitution or forced labour.
    Sector,
}

impl IndicatorCategory {
    /// The id used in files and output: its serde name.
    pub fn id(self) -> &'static str {
        crate::ids::id(&self)
    }
}

/// A group of the category "controlled by others".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ControlGroup {
    /// A facilitator, employer or "fixer" exerts control.
    Facilitator,
    /// Dependent on the facilitator or employer.
    Dependence,
    /// Afraid of the facilitator or employer.
    Fear,
    /// Lacks control over their own life.
    NoControl,
    /// Exploited by the facilitator or employer.
    Exploitation,
}

impl ControlGroup {
    /// Every group, in the guide's order.
    pub const ALL: [Self; 5] = [
        Self::Facilitator,
        Self::Dependence,
        Self::Fear,
        Self::NoControl,
        Self::Exploitation,
    ];

    /// The id used in files and output: its serde name.
    pub fn id(self) -> &'static str {
        crate::ids::id(&self)
    }
}

/// A form of exploitation with its own extra indicators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Exploitation in prostitution.
    Prostitution,
    /// Forced labour.
    ForcedLabour,
}

impl Sector {
    /// The id used in files and output: its serde name.
    pub fn id(self) -> &'static str {
        crate::ids::id(&self)
    }
}

/// What an observed indicator may be a sign of, beyond exploitation itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sign {
    /// Violence has been used: check whether severe violence or force is likely.
    Violence,
}

/// Every section heading the indicator lists need.
pub const SECTION_IDS: [&str; 12] = [
    "background",
    "places",
    "behaviour",
    "control",
    "control.facilitator",
    "control.dependence",
    "control.fear",
    "control.no_control",
    "control.exploitation",
    "minors",
    "prostitution",
    "forced_labour",
];

/// A heading with an optional introduction.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// One of [`SECTION_IDS`].
    pub id: String,
    /// The heading.
    pub title: Text,
    /// A sentence under the heading.
    #[serde(default)]
    pub intro: Option<Text>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// One indicator of the guide's Part 4.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id, for example `lc-documents`.
    pub id: String,
    /// Main category.
    pub category: IndicatorCategory,
    /// Group, for the category "controlled by others".
    #[serde(default)]
    pub group: Option<ControlGroup>,
    /// True for the guide's extra indicators for minors.
    #[serde(default)]
    pub minor_only: bool,
    /// The form of exploitation, for the sector extras.
    #[serde(default)]
    pub sector: Option<Sector>,
    /// What was observed, in plain words.
    pub text: Text,
    /// Question topics of the conversation guide this indicator calls for.
    #[serde(default)]
    pub topics: Vec<String>,
    /// What else it may be a sign of.
    #[serde(default)]
    pub signs: Vec<Sign>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// A setting where exploitation has been identified or suspected.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Setting {
    /// Stable id, for example `cleaning`.
    pub id: String,
    /// The setting.
    pub text: Text,
    /// Examples the guide gives.
    #[serde(default)]
    pub examples: Vec<Text>,
    /// Sectors whose extra indicators fit this setting.
    #[serde(default)]
    pub sectors: Vec<Sector>,
    /// Question topics this setting calls for.
    #[serde(default)]
    pub topics: Vec<String>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// Something in an assessment that needs attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FlagKind {
    /// Life or health is in immediate danger.
    ImmediateDanger,
    /// The person needs urgent medical help.
    HealthEmergency,
    /// The person is or may be under 18.
    PresumedMinor,
    /// Signs of aggravated trafficking: the duty to avert applies.
    AggravatedSigns,
    /// Violence observed: check whether severe violence or force is likely.
    CheckSevereViolence,
}

impl FlagKind {
    /// Every flag, most urgent first.
    pub const ALL: [Self; 5] = [
        Self::ImmediateDanger,
        Self::HealthEmergency,
        Self::PresumedMinor,
        Self::AggravatedSigns,
        Self::CheckSevereViolence,
    ];

    /// The id used in files and output: its serde name.
    pub fn id(self) -> &'static str {
        crate::ids::id(&self)
    }
}

/// The texts of a flag.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlagContent {
    /// Which flag.
    pub id: FlagKind,
    /// Its heading.
    pub title: Text,
    /// What it means and what to do.
    pub text: Text,
    /// Contacts to reach now.
    #[serde(default)]
    pub contacts: Vec<String>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// An indicator as the terminal and the bindings list it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct IndicatorView {
    /// Stable id.
    pub id: String,
    /// Main category.
    pub category: IndicatorCategory,
    /// Group within "controlled by others".
    pub group: Option<ControlGroup>,
    /// The indicator.
    pub text: String,
    /// True when offered only for a person who is or may be under 18.
    pub minor_only: bool,
    /// The form of exploitation, for the sector extras.
    pub sector: Option<Sector>,
    /// Question topics it calls for.
    pub topics: Vec<String>,
    /// Where it comes from.
    pub sources: Vec<Citation>,
}

/// A setting as listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SettingView {
    /// Stable id.
    pub id: String,
    /// The setting.
    pub text: String,
    /// The guide's examples.
    pub examples: Vec<String>,
    /// Sectors whose extra indicators fit it.
    pub sectors: Vec<Sector>,
}

/// A run of indicators shown under one heading.
#[derive(Clone, Debug)]
pub struct Run<'a> {
    /// Category of every indicator in the run.
    pub category: IndicatorCategory,
    /// Control group, if any.
    pub group: Option<ControlGroup>,
    /// Sector, for sector extras.
    pub sector: Option<Sector>,
    /// True for a run of minors' extras.
    pub minor_only: bool,
    /// True when the run's sector fits the chosen setting.
    pub fits_setting: bool,
    /// The indicators, in the guide's order.
    pub indicators: Vec<&'a Indicator>,
}

impl Run<'_> {
    /// The id of the section that heads this run.
    pub fn section_id(&self) -> String {
        if self.minor_only {
            "minors".to_owned()
        } else {
            section_id(self.category, self.group, self.sector)
        }
    }
}

/// The id of the section that heads indicators of `category`, `group` and `sector`.
pub fn section_id(
    category: IndicatorCategory,
    group: Option<ControlGroup>,
    sector: Option<Sector>,
) -> String {
    match (group, sector) {
        (Some(g), _) => format!("control.{}", g.id()),
        (None, Some(s)) => s.id().to_owned(),
        (None, None) => category.id().to_owned(),
    }
}

/// Whether `x` is offered for a person answered as `minor`.
pub fn offered(x: &Indicator, minor: MinorAnswer) -> bool {
    !x.minor_only || minor.presumed_minor()
}

/// The offered indicators in runs under one heading each; sectors fitting `sectors` come first.
pub fn runs<'a>(
    content: &'a ToolkitContent,
    minor: MinorAnswer,
    sectors: &[Sector],
) -> Vec<Run<'a>> {
    let mut runs: Vec<Run<'a>> = Vec::new();
    for x in content.indicators.iter().filter(|x| offered(x, minor)) {
        match runs.last_mut() {
            Some(r)
                if r.category == x.category
                    && r.group == x.group
                    && r.sector == x.sector
                    && r.minor_only == x.minor_only =>
            {
                r.indicators.push(x);
            }
            _ => runs.push(Run {
                category: x.category,
                group: x.group,
                sector: x.sector,
                minor_only: x.minor_only,
                fits_setting: x.sector.is_some_and(|s| sectors.contains(&s)),
                indicators: vec![x],
            }),
        }
    }
    // A stable sort keeps the guide's order within each part.
    runs.sort_by_key(|r| (r.sector.is_some(), !r.fits_setting));
    runs
}
