//! The assessment: observed indicators, the age answer, the setting and explicit concerns,
//! summed up without a score.
//!
//! The guide does not rank indicators and says they must be seen together, so the result
//! lists what was observed by category, raises flags with their reasons, and picks a
//! conversation guide. It never counts, scores, weighs or ranks.

use serde::{Deserialize, Serialize};

use super::conversation::ConversationGuide;
use super::indicators::{
    ControlGroup, FlagKind, Indicator, IndicatorCategory, Sector, Sign, offered,
};
use super::{ContactLink, MinorAnswer, Toolkit};
use crate::app::{Route, ScreenLink, ToolkitRoute};
use crate::content::source::{Citation, SourceRef, merge};
use crate::error::Error;
use crate::ui_keys::toolkit as k;

/// What the professional has noted about one person; saved and reopened as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Ids of the observed indicators, in the order they were marked.
    #[serde(default)]
    pub observed: Vec<String>,
    /// Whether the person is under 18; `unsure` until answered.
    #[serde(default)]
    pub minor: MinorAnswer,
    /// Id of the setting, if chosen.
    #[serde(default)]
    pub setting: Option<String>,
    /// Severe violence or force has been used, or is likely.
    #[serde(default)]
    pub severe_violence: bool,
    /// The exploitation may bring significant proceeds.
    #[serde(default)]
    pub significant_proceeds: bool,
    /// Life or health is in immediate danger.
    #[serde(default)]
    pub immediate_danger: bool,
    /// The person needs urgent medical help.
    #[serde(default)]
    pub health_emergency: bool,
}

impl Assessment {
    /// Marks (`true`) or unmarks an indicator.
    pub fn set_observed(
        &mut self,
        toolkit: &Toolkit,
        id: &str,
        observed: bool,
    ) -> Result<(), Error> {
        let x = toolkit.indicator(id)?;
        if observed {
            if !offered(x, self.minor) {
                return Err(Error::IndicatorNotOffered { id: id.to_owned() });
            }
            if !self.observed.iter().any(|o| o == id) {
                self.observed.push(id.to_owned());
            }
        } else {
            self.observed.retain(|o| o != id);
        }
        Ok(())
    }

    /// Whether the indicator `id` is marked.
    pub fn is_observed(&self, id: &str) -> bool {
        self.observed.iter().any(|o| o == id)
    }

    /// Answers the age question; answering `no` drops marks on the minors' extras,
    /// which are then no longer offered.
    pub fn set_minor(&mut self, toolkit: &Toolkit, minor: MinorAnswer) {
        self.minor = minor;
        self.observed
            .retain(|id| toolkit.indicator(id).is_ok_and(|x| offered(x, minor)));
    }

    /// Chooses the setting (`None` for none).
    pub fn set_setting(&mut self, toolkit: &Toolkit, setting: Option<&str>) -> Result<(), Error> {
        if let Some(id) = setting {
            toolkit.setting(id)?;
        }
        self.setting = setting.map(str::to_owned);
        Ok(())
    }
}

/// An observed indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ObservedIndicator {
    /// Stable id.
    pub id: String,
    /// The indicator.
    pub text: String,
    /// True for an extra indicator for minors.
    pub minor_only: bool,
}

/// The observed indicators of one category (or control group, or sector).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ObservedGroup {
    /// Category.
    pub category: IndicatorCategory,
    /// Control group, if any.
    pub group: Option<ControlGroup>,
    /// Sector, for the sector extras.
    pub sector: Option<Sector>,
    /// The heading.
    pub title: String,
    /// What was observed, in the guide's order.
    pub indicators: Vec<ObservedIndicator>,
}

/// Something that needs attention, with why and what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// Which flag.
    pub kind: FlagKind,
    /// Its heading.
    pub title: String,
    /// What it means and what to do.
    pub text: String,
    /// Why it was raised: the answers and observations behind it.
    pub reasons: Vec<String>,
    /// Screens to go to next.
    pub links: Vec<ScreenLink>,
    /// Contacts to reach now.
    pub contacts: Vec<ContactLink>,
    /// Where it comes from.
    pub sources: Vec<Citation>,
}

/// The summary of an assessment: no score, probability or rank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AssessmentResult {
    /// The age answer.
    pub minor: MinorAnswer,
    /// The age answer as shown.
    pub minor_label: String,
    /// The setting's id, if chosen.
    pub setting: Option<String>,
    /// The setting as shown.
    pub setting_label: Option<String>,
    /// Why this is not a score, in the guide's terms.
    pub holistic_note: String,
    /// What was observed, by category, in the guide's order.
    pub observed: Vec<ObservedGroup>,
    /// What needs attention, most urgent first.
    pub flags: Vec<Flag>,
    /// The conversation guide picked for this person.
    pub conversation: ConversationGuide,
    /// Where it comes from.
    pub sources: Vec<Citation>,
}

/// Which flags an assessment raises, and the reasons for each, before they are put in words.
fn raise<'a>(a: &Assessment, observed: &[&'a Indicator]) -> Vec<(FlagKind, Vec<Reason<'a>>)> {
    let mut flags = Vec::new();
    if a.immediate_danger {
        flags.push((FlagKind::ImmediateDanger, vec![Reason::Danger]));
    }
    if a.health_emergency {
        flags.push((FlagKind::HealthEmergency, vec![Reason::Health]));
    }
    let minor = match a.minor {
        MinorAnswer::Yes => Some(Reason::MinorYes),
        MinorAnswer::Unsure => Some(Reason::MinorUnsure),
        MinorAnswer::No => None,
    };
    if let Some(r) = minor {
        flags.push((FlagKind::PresumedMinor, vec![r]));
    }
    let aggravated: Vec<Reason<'a>> = minor
        .map(|_| Reason::AggravatedMinor)
        .into_iter()
        .chain(a.severe_violence.then_some(Reason::SevereViolence))
        .chain(
            a.significant_proceeds
                .then_some(Reason::SignificantProceeds),
        )
        .collect();
    if !aggravated.is_empty() {
        flags.push((FlagKind::AggravatedSigns, aggravated));
    }
    let violence: Vec<Reason<'a>> = observed
        .iter()
        .filter(|x| x.signs.contains(&Sign::Violence))
        .map(|x| Reason::Observed(x))
        .collect();
    if !a.severe_violence && !violence.is_empty() {
        flags.push((FlagKind::CheckSevereViolence, violence));
    }
    flags
}

/// Why a flag was raised.
#[derive(Clone, Copy, Debug)]
enum Reason<'a> {
    Danger,
    Health,
    MinorYes,
    MinorUnsure,
    AggravatedMinor,
    SevereViolence,
    SignificantProceeds,
    Observed(&'a Indicator),
}

impl Toolkit {
    /// The indicator with `id`, or an error listing every id.
    pub(crate) fn indicator(&self, id: &str) -> Result<&Indicator, Error> {
        let content = &self.pack.toolkit;
        content
            .indicator(id)
            .ok_or_else(|| Error::UnknownIndicator {
                id: id.to_owned(),
                valid: content.indicators.iter().map(|x| x.id.clone()).collect(),
            })
    }

    /// The setting with `id`, or an error listing every id.
    pub(crate) fn setting(&self, id: &str) -> Result<&super::indicators::Setting, Error> {
        let settings = &self.pack.toolkit.settings;
        self.pack.toolkit.setting(id).ok_or_else(|| {
            crate::ids::invalid("setting", id, settings.iter().map(|s| s.id.as_str()))
        })
    }

    /// Assesses observed indicator ids for a person answered as `minor`, in an optional setting.
    pub fn assess_ids<S: AsRef<str>>(
        &self,
        observed: &[S],
        minor: MinorAnswer,
        setting: Option<&str>,
    ) -> Result<AssessmentResult, Error> {
        self.assess(&Assessment {
            observed: observed.iter().map(|s| s.as_ref().to_owned()).collect(),
            minor,
            setting: setting.map(str::to_owned),
            ..Assessment::default()
        })
    }

    /// Sums up an assessment: what was observed by category, flags, and a conversation guide.
    pub fn assess(&self, a: &Assessment) -> Result<AssessmentResult, Error> {
        let content = &self.pack.toolkit;
        let mut positions = Vec::with_capacity(a.observed.len());
        for id in &a.observed {
            if !offered(self.indicator(id)?, a.minor) {
                return Err(Error::IndicatorNotOffered { id: id.clone() });
            }
            positions.extend(content.indicator_position(id));
        }
        positions.sort_unstable();
        positions.dedup();
        let observed: Vec<&Indicator> = positions.iter().map(|&i| &content.indicators[i]).collect();
        let setting = a
            .setting
            .as_deref()
            .map(|id| self.setting(id))
            .transpose()?;

        let mut groups: Vec<ObservedGroup> = Vec::new();
        for x in &observed {
            let item = ObservedIndicator {
                id: x.id.clone(),
                text: self.text(&x.text),
                minor_only: x.minor_only,
            };
            match groups.last_mut() {
                Some(g) if (g.category, g.group, g.sector) == (x.category, x.group, x.sector) => {
                    g.indicators.push(item);
                }
                _ => groups.push(ObservedGroup {
                    category: x.category,
                    group: x.group,
                    sector: x.sector,
                    title: self.group_title(x),
                    indicators: vec![item],
                }),
            }
        }

        let mut refs: Vec<&[SourceRef]> = observed.iter().map(|x| x.sources.as_slice()).collect();
        refs.extend(setting.map(|s| s.sources.as_slice()));
        let flags: Vec<Flag> = raise(a, &observed)
            .into_iter()
            .filter_map(|(kind, reasons)| {
                let c = content.flag(kind)?;
                refs.push(&c.sources);
                Some(Flag {
                    kind,
                    title: self.text(&c.title),
                    text: self.text(&c.text),
                    reasons: reasons.into_iter().map(|r| self.reason(r)).collect(),
                    links: self.flag_links(kind),
                    contacts: self.contact_links(&c.contacts),
                    sources: self.cite(&c.sources),
                })
            })
            .collect();
        let conversation = self.conversation(&observed, setting, a.minor);
        let own = self.cite_all(refs);
        let sources = merge(
            &self.pack.meta.sources,
            [own.as_slice(), &conversation.sources],
        );
        Ok(AssessmentResult {
            minor: a.minor,
            minor_label: self.minor_label(a.minor).to_owned(),
            setting: setting.map(|s| s.id.clone()),
            setting_label: setting.map(|s| self.text(&s.text)),
            holistic_note: self.ui(k::RESULT_HOLISTIC).to_owned(),
            observed: groups,
            flags,
            conversation,
            sources,
        })
    }

    /// The label of an age answer.
    pub(crate) fn minor_label(&self, minor: MinorAnswer) -> &str {
        self.ui(match minor {
            MinorAnswer::Yes => k::MINOR_YES,
            MinorAnswer::Unsure => k::MINOR_UNSURE,
            MinorAnswer::No => k::MINOR_NO,
        })
    }

    /// The heading of the category, control group or sector of `x`.
    fn group_title(&self, x: &Indicator) -> String {
        let id = super::indicators::section_id(x.category, x.group, x.sector);
        self.pack
            .toolkit
            .section(&id)
            .map(|s| self.text(&s.title))
            .unwrap_or(id)
    }

    fn reason(&self, r: Reason<'_>) -> String {
        match r {
            Reason::Danger => self.ui(k::REASON_DANGER).to_owned(),
            Reason::Health => self.ui(k::REASON_HEALTH).to_owned(),
            Reason::MinorYes => self.ui(k::REASON_MINOR_YES).to_owned(),
            Reason::MinorUnsure => self.ui(k::REASON_MINOR_UNSURE).to_owned(),
            Reason::AggravatedMinor => self.ui(k::REASON_AGGRAVATED_MINOR).to_owned(),
            Reason::SevereViolence => self.ui(k::REASON_SEVERE_VIOLENCE).to_owned(),
            Reason::SignificantProceeds => self.ui(k::REASON_SIGNIFICANT_PROCEEDS).to_owned(),
            Reason::Observed(x) => {
                self.fill(k::REASON_OBSERVED, &[("indicator", &self.text(&x.text))])
            }
        }
    }

    fn flag_links(&self, kind: FlagKind) -> Vec<ScreenLink> {
        let duties = || self.screen_link(ToolkitRoute::Duties.into(), k::LINK_DUTIES);
        match kind {
            FlagKind::PresumedMinor => vec![
                self.screen_link(Route::Minors, k::LINK_MINORS_FLOW),
                duties(),
            ],
            FlagKind::AggravatedSigns | FlagKind::ImmediateDanger => vec![duties()],
            FlagKind::HealthEmergency | FlagKind::CheckSevereViolence => Vec::new(),
        }
    }
}
