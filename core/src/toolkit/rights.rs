//! The rights of presumed victims (the guide's Part 7, with older documents where it is
//! silent) and a checklist of them for one person.

use serde::{Deserialize, Serialize};

use super::content::{Ages, ToolkitContent};
use super::{ContactLink, Toolkit};
use crate::checklist::{Checklist, Progress, Status};
use crate::content::source::{Citation, SourceRef, only_older};
use crate::content::ui::Key;
use crate::error::Error;
use crate::ids::Vocabulary;
use crate::text::Text;
use crate::ui_keys::toolkit as k;

/// A right, from `rights.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Right {
    /// Stable id, for example `legal-aid`.
    pub id: String,
    /// The right, in a few words.
    pub title: Text,
    /// What it is.
    pub summary: Text,
    /// Who decides on it or provides it.
    pub provider: Text,
    /// Who it applies to.
    pub who: Text,
    /// Which ages it is listed for.
    pub ages: Ages,
    /// Listed only for a person without a residence permit.
    #[serde(default)]
    pub without_permit_only: bool,
    /// Conditions and details, each cited.
    pub details: Vec<Detail>,
    /// Contacts to use.
    #[serde(default)]
    pub contacts: Vec<String>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// A condition or detail of a right.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Detail {
    /// The fact.
    pub text: Text,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// Where a right stands for the person.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RightStatus {
    /// Not yet discussed.
    #[default]
    NotDiscussed,
    /// The person has been told about it.
    Informed,
    /// The person wants help with it.
    WantsHelp,
    /// The person has been referred to whoever provides it.
    Referred,
    /// The person does not want it.
    Declined,
    /// It does not apply to this person.
    NotApplicable,
}

impl Vocabulary for RightStatus {
    const FIELD: &'static str = "status";
    const ALL: &'static [Self] = &[
        Self::NotDiscussed,
        Self::Informed,
        Self::WantsHelp,
        Self::Referred,
        Self::Declined,
        Self::NotApplicable,
    ];
}

impl Status for RightStatus {
    /// Any status but "not yet discussed" and "not applicable" means it has been dealt with.
    fn done(self) -> bool {
        !matches!(self, Self::NotDiscussed | Self::NotApplicable)
    }

    fn applies(self) -> bool {
        self != Self::NotApplicable
    }

    fn label_key(self) -> Key {
        match self {
            Self::NotDiscussed => k::STATUS_NOT_DISCUSSED,
            Self::Informed => k::STATUS_INFORMED,
            Self::WantsHelp => k::STATUS_WANTS_HELP,
            Self::Referred => k::STATUS_REFERRED,
            Self::Declined => k::STATUS_DECLINED,
            Self::NotApplicable => k::STATUS_NOT_APPLICABLE,
        }
    }
}

/// Who the checklist is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RightsProfile {
    /// The person is, or is treated as, under 18.
    pub minor: bool,
    /// The person has no residence permit in Norway.
    pub no_residence_permit: bool,
}

impl Right {
    /// Whether the right is listed for `profile`.
    pub fn applies(&self, profile: RightsProfile) -> bool {
        self.ages.fits_child(profile.minor)
            && (!self.without_permit_only || profile.no_residence_permit)
    }
}

/// One person's rights checklist: the profile and a status per right. Saved as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RightsChecklist {
    /// Who it is for.
    pub profile: RightsProfile,
    /// Statuses that differ from "not yet discussed", in the order set.
    #[serde(flatten)]
    pub list: Checklist<RightStatus>,
}

impl RightsChecklist {
    /// An empty checklist for `profile`.
    pub fn new(profile: RightsProfile) -> Self {
        Self {
            profile,
            list: Checklist::default(),
        }
    }

    /// The rights listed for this profile, in order.
    pub fn applicable<'a>(&self, content: &'a ToolkitContent) -> impl Iterator<Item = &'a Right> {
        let profile = self.profile;
        content.rights.iter().filter(move |r| r.applies(profile))
    }

    fn listed<'a>(&self, content: &'a ToolkitContent) -> impl Iterator<Item = &'a str> {
        self.applicable(content).map(|r| r.id.as_str())
    }

    /// The status of the right `id`.
    pub fn status(&self, id: &str) -> RightStatus {
        self.list.status(id)
    }

    /// Sets the status of a listed right.
    pub fn set_status(
        &mut self,
        content: &ToolkitContent,
        id: &str,
        status: RightStatus,
    ) -> Result<(), Error> {
        let listed: Vec<&str> = self.listed(content).collect();
        self.list.set(listed, id, status)
    }

    /// Sets the status of a listed right from a status id.
    pub fn set_status_id(
        &mut self,
        content: &ToolkitContent,
        id: &str,
        status: &str,
    ) -> Result<(), Error> {
        let listed: Vec<&str> = self.listed(content).collect();
        self.list.set_id(listed, id, status)
    }

    /// Changes the profile; statuses of rights still listed are kept.
    pub fn set_profile(&mut self, profile: RightsProfile) {
        self.profile = profile;
    }

    /// Rights dealt with, and the listed rights that apply.
    pub fn progress(&self, content: &ToolkitContent) -> Progress {
        self.list.progress(self.listed(content))
    }
}

/// A condition or detail as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DetailView {
    /// The fact.
    pub text: String,
    /// True when only an older document states it.
    pub older: bool,
    /// Where it comes from.
    pub sources: Vec<Citation>,
}

/// A right on the checklist.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RightView {
    /// Stable id.
    pub id: String,
    /// The right.
    pub title: String,
    /// What it is.
    pub summary: String,
    /// Who decides on it or provides it.
    pub provider: String,
    /// Who it applies to.
    pub who: String,
    /// Conditions and details.
    pub details: Vec<DetailView>,
    /// True when some detail comes only from an older document.
    pub older: bool,
    /// Contacts to use.
    pub contacts: Vec<ContactLink>,
    /// Where it stands.
    pub status: RightStatus,
    /// Where it stands, as shown.
    pub status_label: String,
    /// Where it comes from.
    pub sources: Vec<Citation>,
}

/// A rights checklist as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RightsChecklistView {
    /// Who it is for.
    pub profile: RightsProfile,
    /// The rights that are listed for the profile, in order.
    pub rights: Vec<RightView>,
    /// How far it has come.
    pub progress: Progress,
}

impl Toolkit {
    /// A new checklist for a person who is (`minor`) or is not a child, with or without a
    /// residence permit.
    pub fn rights(&self, profile: RightsProfile) -> RightsChecklistView {
        self.rights_view(&RightsChecklist::new(profile))
    }

    /// The checklist as shown.
    pub fn rights_view(&self, list: &RightsChecklist) -> RightsChecklistView {
        let content = &self.pack.toolkit;
        let rights: Vec<RightView> = list
            .applicable(content)
            .map(|r| self.right_view(r, list.status(&r.id)))
            .collect();
        RightsChecklistView {
            profile: list.profile,
            rights,
            progress: list.progress(content),
        }
    }

    /// One right as shown, with `status`.
    pub(crate) fn right_view(&self, r: &Right, status: RightStatus) -> RightView {
        let sources = &self.pack.meta.sources;
        let details: Vec<DetailView> = r
            .details
            .iter()
            .map(|d| DetailView {
                text: self.text(&d.text),
                older: only_older(sources, &d.sources),
                sources: self.cite(&d.sources),
            })
            .collect();
        RightView {
            id: r.id.clone(),
            title: self.text(&r.title),
            summary: self.text(&r.summary),
            provider: self.text(&r.provider),
            who: self.text(&r.who),
            older: details.iter().any(|d| d.older),
            details,
            contacts: self.contact_links(&r.contacts),
            status,
            status_label: self.ui(status.label_key()).to_owned(),
            sources: self.cite(&r.sources),
        }
    }

    /// The profile's age and residence as shown, for example ("under 18", "with a residence permit").
    pub(crate) fn profile_parts(&self, p: RightsProfile) -> [(&'static str, &str); 2] {
        [
            (
                "age",
                self.ui(if p.minor {
                    k::PROFILE_MINOR
                } else {
                    k::PROFILE_ADULT
                }),
            ),
            (
                "residence",
                self.ui(if p.no_residence_permit {
                    k::PROFILE_NO_PERMIT
                } else {
                    k::PROFILE_PERMIT
                }),
            ),
        ]
    }
}
