//! The professional tools' results over the FFI, as JSON documents.
//!
//! Screens cross the FFI as typed records (the shells render those). The tools' results are the
//! documents a shell saves, shares or shows in review; they cross as the same JSON the terminal
//! prints with `--json`, so both sides check the same shapes.

use std::collections::HashMap;

use lykt_core::calendar::from_unix;
use lykt_core::minors::MinorsFlow;
use lykt_core::toolkit::{
    Answer, Assessment, DutiesInput, MinorAnswer, RightStatus, RightsChecklist, RightsProfile,
    Role, Toolkit,
};

use crate::{Lykt, LyktError, lock};

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

impl Lykt {
    fn toolkit(&self) -> Toolkit {
        let l = lock(&self.0);
        Toolkit::new(l.pack().clone(), l.locales().clone())
    }

    fn flow(&self) -> MinorsFlow {
        let l = lock(&self.0);
        MinorsFlow::new(l.pack().clone(), l.locales().clone())
    }
}

/// The inputs of an assessment.
#[derive(Debug, uniffi::Record)]
pub struct AssessmentInput {
    /// Observed indicator ids.
    pub observed: Vec<String>,
    /// `yes`, `unsure` or `no`.
    pub minor: String,
    /// A setting id, if known.
    pub setting: Option<String>,
    /// Severe violence or force is likely.
    pub severe_violence: bool,
    /// The exploitation may bring significant proceeds.
    pub significant_proceeds: bool,
    /// Someone is in immediate danger.
    pub immediate_danger: bool,
    /// Someone needs healthcare now.
    pub health_emergency: bool,
}

/// The inputs of the duties engine.
#[derive(Debug, uniffi::Record)]
pub struct DutiesQuery {
    /// `public`, `on-behalf` or `private`.
    pub role: String,
    /// `yes`, `unsure` or `no`.
    pub minor: String,
    /// Someone is in immediate danger.
    pub immediate_danger: bool,
    /// Someone needs healthcare now.
    pub health_emergency: bool,
    /// Severe violence or force is likely.
    pub severe_violence: bool,
    /// The exploitation may bring significant proceeds.
    pub significant_proceeds: bool,
    /// Whether an adult wants help; `None` until asked.
    pub adult_consents: Option<bool>,
    /// The instant for open-now states, unix seconds.
    pub at_unix: i64,
}

#[uniffi::export]
impl Lykt {
    /// The indicators offered for a person answered as `minor` (`yes`, `unsure` or `no`), in
    /// the guide's order (JSON list): the minors' extras only when the person is or may be a
    /// child.
    pub fn indicators_json(&self, minor: String) -> Result<String, LyktError> {
        let minor = MinorAnswer::parse(&minor)?;
        Ok(json(&self.toolkit().indicators_offered(minor)))
    }

    /// The settings where exploitation has been found (JSON list).
    pub fn settings_json(&self) -> String {
        json(&self.toolkit().settings())
    }

    /// One Learn topic (JSON).
    pub fn learn_topic_json(&self, id: String) -> Result<String, LyktError> {
        Ok(json(&self.toolkit().learn_topic(&id)?))
    }

    /// The Learn topics (JSON list).
    pub fn learn_json(&self) -> String {
        json(&self.toolkit().learn_topics())
    }

    /// An assessment's summary, never a score (JSON).
    pub fn assess_json(&self, input: AssessmentInput) -> Result<String, LyktError> {
        let a = Assessment {
            observed: input.observed,
            minor: MinorAnswer::parse(&input.minor)?,
            setting: input.setting,
            severe_violence: input.severe_violence,
            significant_proceeds: input.significant_proceeds,
            immediate_danger: input.immediate_danger,
            health_emergency: input.health_emergency,
        };
        Ok(json(&self.toolkit().assess(&a)?))
    }

    /// Duties and next steps, with contacts' open-now states (JSON).
    pub fn duties_json(&self, q: DutiesQuery) -> Result<String, LyktError> {
        let input = DutiesInput {
            immediate_danger: q.immediate_danger,
            health_emergency: q.health_emergency,
            severe_violence: q.severe_violence,
            significant_proceeds: q.significant_proceeds,
            adult_consents: q.adult_consents,
            ..DutiesInput::new(Role::parse(&q.role)?, MinorAnswer::parse(&q.minor)?)
        };
        Ok(json(&self.toolkit().duties(&input, from_unix(q.at_unix)?)))
    }

    /// The rights checklist for a profile (`minor`: `yes` or `no`), with `statuses` (right id to
    /// status id) applied (JSON).
    pub fn rights_json(
        &self,
        minor: String,
        no_residence_permit: bool,
        statuses: HashMap<String, String>,
    ) -> Result<String, LyktError> {
        let toolkit = self.toolkit();
        let mut list = RightsChecklist::new(RightsProfile::parse(&minor, no_residence_permit)?);
        for (right, status) in &statuses {
            list.set_status(&toolkit.pack().toolkit, right, RightStatus::parse(status)?)?;
        }
        Ok(json(&toolkit.rights_view(&list)))
    }

    /// The minors' flow walked with `answers` at `at_unix`: path and collected actions (JSON).
    pub fn minors_walk_json(
        &self,
        answers: Vec<String>,
        at_unix: i64,
    ) -> Result<String, LyktError> {
        Ok(json(&self.flow().walk(&answers, from_unix(at_unix)?)?))
    }

    /// The minors' flow for review: steps, options and cards (JSON).
    pub fn minors_graph_json(&self) -> String {
        json(&self.flow().graph())
    }

    /// The emergency-placement checklist with `statuses` (item id to status id) applied (JSON).
    pub fn placement_json(
        &self,
        statuses: HashMap<String, String>,
        at_unix: i64,
    ) -> Result<String, LyktError> {
        let flow = self.flow();
        let mut list = flow.placement();
        for (item, status) in &statuses {
            list.set(item, status)?;
        }
        Ok(json(&flow.placement_view(&list, from_unix(at_unix)?)))
    }
}
