//! The duties engine: what this user must, should and may do now, in order, with the legal
//! basis, the source and the contacts to use (open-now status at the given instant).
//!
//! Rules (the guide's Part 6): immediate danger and health emergencies come first. The duty
//! to avert (straffeloven § 196) applies to everyone when there are signs of aggravated
//! trafficking (a presumed minor, severe violence or force, significant proceeds); otherwise
//! the user is told when it would apply. A person who is or may be under 18 is treated as a
//! child; then the duty to report to child welfare (barnevernsloven § 13-2 (e)) applies to
//! public authorities and those working on their behalf, while private individuals may
//! report. Adults are referred with their consent. Rights information and care with
//! confidentiality close every plan.

use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::content::ContactRef;
use super::{MinorAnswer, Role, Toolkit};
use crate::actions::Action;
use crate::app::{Route, ScreenLink, ToolkitRoute};
use crate::calendar::{self, Instant};
use crate::contacts::{ContactBook, ContactView, OpenState};
use crate::content::source::{Citation, SourceRef};
use crate::text::Text;
use crate::ui_keys::toolkit as k;

/// Every step the engine can give; `duties.json` must have texts for exactly these.
pub const STEP_IDS: [&str; 20] = [
    "call-police-emergency",
    "get-medical-help",
    "stay-with-child",
    "treat-as-child",
    "duty-to-avert",
    "consider-duty-to-avert",
    "report-to-child-welfare",
    "private-report-child",
    "do-not-tell-adults",
    "minors-flow",
    "guidance-child-cases",
    "consider-notifying-police",
    "private-report-adult",
    "offer-help",
    "refer-with-consent",
    "respect-refusal",
    "support-organisations",
    "accompanying-children",
    "rights-information",
    "confidentiality",
];

/// How binding a step is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Obligation {
    /// A legal duty: you must.
    Duty,
    /// The guide advises it: you should.
    Should,
    /// Allowed and useful: you may.
    May,
    /// Check whether it applies.
    Assess,
}

/// A screen a step links to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StepLink {
    /// The minors' decision flow.
    MinorsFlow,
    /// The rights checklist.
    RightsChecklist,
}

/// The texts of one step, from `duties.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepContent {
    /// One of [`STEP_IDS`].
    pub id: String,
    /// What to do, in a few words.
    pub title: Text,
    /// What to do, in full.
    pub action: Text,
    /// Why.
    pub why: Text,
    /// The law it rests on, if any.
    #[serde(default)]
    pub legal_basis: Option<Text>,
    /// Contacts to use.
    #[serde(default)]
    pub contacts: Vec<ContactRef>,
    /// A screen to go to.
    #[serde(default)]
    pub link: Option<StepLink>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// What the engine needs to know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DutiesInput {
    /// The user's role.
    pub role: Role,
    /// Whether the person is under 18.
    #[serde(default)]
    pub minor: MinorAnswer,
    /// Life or health is in immediate danger.
    #[serde(default)]
    pub immediate_danger: bool,
    /// The person needs urgent medical help.
    #[serde(default)]
    pub health_emergency: bool,
    /// Severe violence or force is likely (a sign of aggravated trafficking).
    #[serde(default)]
    pub severe_violence: bool,
    /// The exploitation may bring significant proceeds (a sign of aggravated trafficking).
    #[serde(default)]
    pub significant_proceeds: bool,
    /// Whether an adult wants help; `None` until asked.
    #[serde(default)]
    pub adult_consents: Option<bool>,
}

impl DutiesInput {
    /// The input for `role` and an age answer, with nothing else known.
    pub fn new(role: Role, minor: MinorAnswer) -> Self {
        Self {
            role,
            minor,
            immediate_danger: false,
            health_emergency: false,
            severe_violence: false,
            significant_proceeds: false,
            adult_consents: None,
        }
    }

    /// The input for `role`, taking the age answer and flags from an assessment.
    pub fn from_assessment(role: Role, a: &Assessment, adult_consents: Option<bool>) -> Self {
        Self {
            role,
            minor: a.minor,
            immediate_danger: a.immediate_danger,
            health_emergency: a.health_emergency,
            severe_violence: a.severe_violence,
            significant_proceeds: a.significant_proceeds,
            adult_consents,
        }
    }

    /// True when there are signs of aggravated trafficking, so the duty to avert applies.
    pub fn aggravated_signs(&self) -> bool {
        self.minor.presumed_minor() || self.severe_violence || self.significant_proceeds
    }
}

/// The steps for `input`, in order, with how binding each is.
pub fn plan(input: &DutiesInput) -> Vec<(&'static str, Obligation)> {
    use Obligation::{Assess, Duty, May, Should};
    let child = input.minor.presumed_minor();
    let mut steps = Vec::with_capacity(10);
    if input.immediate_danger {
        steps.push(("call-police-emergency", Duty));
    }
    if input.health_emergency {
        steps.push(("get-medical-help", Should));
    }
    if child {
        steps.push(("stay-with-child", Should));
        if input.minor == MinorAnswer::Unsure {
            steps.push(("treat-as-child", Should));
        }
    }
    steps.push(if input.aggravated_signs() {
        ("duty-to-avert", Duty)
    } else {
        ("consider-duty-to-avert", Assess)
    });
    if child {
        steps.push(if input.role.must_report_to_child_welfare() {
            ("report-to-child-welfare", Duty)
        } else {
            ("private-report-child", May)
        });
        steps.push(("do-not-tell-adults", Should));
        steps.push(("minors-flow", Should));
        steps.push(("guidance-child-cases", May));
    } else {
        steps.push(match input.role {
            Role::Private => ("private-report-adult", May),
            Role::Public | Role::OnBehalf => ("consider-notifying-police", Assess),
        });
        match input.adult_consents {
            None => steps.push(("offer-help", Should)),
            Some(true) => steps.push(("refer-with-consent", Should)),
            Some(false) => steps.push(("respect-refusal", Should)),
        }
        if input.adult_consents != Some(false) {
            steps.push(("support-organisations", May));
        }
        steps.push(("accompanying-children", Should));
    }
    steps.push(("rights-information", Should));
    steps.push(("confidentiality", Should));
    steps
}

/// A contact to use in a step, with its open-now status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StepContact {
    /// The contact's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Whether it is open at the instant asked about.
    pub status: OpenState,
    /// The status as a sentence.
    pub status_text: String,
    /// One-tap calls, messages and pages: calls first, and those from current sources before
    /// those that only an older document gives.
    pub actions: Vec<Action>,
}

/// One step of the plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DutyStep {
    /// Stable id.
    pub id: String,
    /// How binding it is.
    pub obligation: Obligation,
    /// How binding it is, as shown.
    pub obligation_label: String,
    /// What to do, in a few words.
    pub title: String,
    /// What to do, in full.
    pub action: String,
    /// Why.
    pub why: String,
    /// The law it rests on, if any.
    pub legal_basis: Option<String>,
    /// Contacts to use, with open-now status.
    pub contacts: Vec<StepContact>,
    /// A screen to go to.
    pub link: Option<ScreenLink>,
    /// Where it comes from.
    pub sources: Vec<Citation>,
}

/// The ordered steps for one situation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DutiesPlan {
    /// What the plan was made for.
    pub input: DutiesInput,
    /// The instant the open-now states are for (RFC 3339, UTC).
    pub at: String,
    /// The steps, in the order to take them.
    pub steps: Vec<DutyStep>,
}

/// A contact for a step; actions from current sources come before those only an older
/// document gives, so the first one is the one to use.
fn step_contact(v: ContactView) -> StepContact {
    let older: Vec<&str> = v
        .phones
        .iter()
        .chain(&v.sms)
        .filter(|p| p.older_source)
        .map(|p| p.uri.as_str())
        .chain(
            v.emails
                .iter()
                .chain(&v.web)
                .chain(&v.chat)
                .filter(|l| l.older_source)
                .map(|l| l.uri.as_str()),
        )
        .collect();
    let (current, dated): (Vec<Action>, Vec<Action>) = v
        .actions
        .iter()
        .cloned()
        .partition(|a| !older.contains(&a.uri.as_str()));
    StepContact {
        id: v.id,
        name: v.name,
        status: v.status,
        status_text: v.status_text,
        actions: current.into_iter().chain(dated).collect(),
    }
}

impl Toolkit {
    /// The steps for `input`, with contacts' open-now status at `at`.
    pub fn duties(&self, input: &DutiesInput, at: Instant) -> DutiesPlan {
        let book = ContactBook::new(self.pack.clone(), self.locales.clone());
        let steps = plan(input)
            .into_iter()
            .filter_map(|(id, obligation)| {
                let c = self.pack.toolkit.step(id)?;
                Some(DutyStep {
                    id: id.to_owned(),
                    obligation,
                    obligation_label: self.obligation_label(obligation).to_owned(),
                    title: self.text(&c.title),
                    action: self.text(&c.action),
                    why: self.text(&c.why),
                    legal_basis: c.legal_basis.as_ref().map(|b| self.text(b)),
                    contacts: c
                        .contacts
                        .iter()
                        .filter(|r| r.ages.fits(input.minor))
                        .filter_map(|r| book.contact(&r.id, at).ok())
                        .map(step_contact)
                        .collect(),
                    link: c.link.map(|l| self.step_link(l)),
                    sources: self.cite(&c.sources),
                })
            })
            .collect();
        DutiesPlan {
            input: *input,
            at: calendar::rfc3339_utc(at),
            steps,
        }
    }

    /// The label of an obligation.
    pub(crate) fn obligation_label(&self, o: Obligation) -> &str {
        self.ui(match o {
            Obligation::Duty => k::OBLIGATION_DUTY,
            Obligation::Should => k::OBLIGATION_SHOULD,
            Obligation::May => k::OBLIGATION_MAY,
            Obligation::Assess => k::OBLIGATION_ASSESS,
        })
    }

    fn step_link(&self, l: StepLink) -> ScreenLink {
        match l {
            StepLink::MinorsFlow => self.screen_link(Route::Minors, k::LINK_MINORS_FLOW),
            StepLink::RightsChecklist => {
                self.screen_link(ToolkitRoute::Rights.into(), k::LINK_RIGHTS)
            }
        }
    }
}
