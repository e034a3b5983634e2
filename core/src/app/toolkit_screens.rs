//! Screens of the professionals' toolkit: the indicator checklist, the assessment's summary
//! with its conversation guide, duties and next steps, the rights checklist, and Learn.
//!
//! The answers live in one [`ToolkitSession`], shared by all these screens: the age answer
//! given on the checklist is the one the duties and the rights use.

use super::{Block, ChoiceOption, Ctx, Mode, NoticeLevel, Route, Screen, no_question};
use crate::actions::ActionKind;
use crate::contacts::ContactBook;
use crate::content::source::Citation;
use crate::content::ui::Key;
use crate::error::Error;
use crate::toolkit::assessment::DUTIES;
use crate::toolkit::duties::{DutiesInput, RIGHTS};
use crate::toolkit::indicators::{FlagKind, Run, runs};
use crate::toolkit::{
    Answer, Assessment, Consent, ContactLink, LinkView, MinorAnswer, Obligation, Residence,
    RightStatus, RightsChecklist, RightsProfile, Role, Toolkit, YesNo,
};
use crate::ui_keys::toolkit as k;

/// Question ids of the toolkit's screens.
mod q {
    pub const MINOR: &str = "minor";
    pub const SETTING: &str = "setting";
    pub const SEVERE_VIOLENCE: &str = "severe_violence";
    pub const SIGNIFICANT_PROCEEDS: &str = "significant_proceeds";
    pub const IMMEDIATE_DANGER: &str = "immediate_danger";
    pub const HEALTH_EMERGENCY: &str = "health_emergency";
    pub const ROLE: &str = "role";
    pub const CONSENT: &str = "consent";
    pub const RESIDENCE: &str = "residence";
}

/// The questions that start unanswered: an answer the user has not given is never shown as
/// given (the engine reads an unanswered age as "not sure", the guide's rule for a doubtful age).
const ASKED: [&str; 7] = [
    q::MINOR,
    q::IMMEDIATE_DANGER,
    q::HEALTH_EMERGENCY,
    q::SEVERE_VIOLENCE,
    q::SIGNIFICANT_PROCEEDS,
    q::CONSENT,
    q::RESIDENCE,
];

/// The setting option meaning "none chosen".
const NO_SETTING: &str = "none";
/// Checklist statuses of an indicator.
const OBSERVED: &str = "observed";
const NOT_OBSERVED: &str = "not_observed";

/// What the user has answered in the toolkit during this session (kept in memory only).
#[derive(Debug)]
pub(crate) struct ToolkitSession {
    toolkit: Toolkit,
    assessment: Assessment,
    role: Option<Role>,
    consent: Consent,
    residence: Residence,
    rights: RightsChecklist,
    /// The questions of [`ASKED`] answered so far.
    answered: Vec<&'static str>,
}

impl ToolkitSession {
    /// An empty session.
    pub fn new(toolkit: Toolkit) -> Self {
        let mut s = Self {
            toolkit,
            assessment: Assessment::default(),
            role: None,
            consent: Consent::default(),
            residence: Residence::default(),
            rights: RightsChecklist::default(),
            answered: Vec::new(),
        };
        s.sync_profile();
        s
    }

    /// Forgets every answer.
    pub fn clear(&mut self) {
        *self = Self::new(self.toolkit.clone());
    }

    fn profile(&self) -> RightsProfile {
        RightsProfile {
            minor: self.assessment.minor.presumed_minor(),
            no_residence_permit: self.residence.no_residence_permit(),
        }
    }

    fn sync_profile(&mut self) {
        let profile = self.profile();
        self.rights.set_profile(profile);
    }

    /// Answers a question shown on `screen`.
    pub fn choose(&mut self, screen: &Screen, question: &str, option: &str) -> Result<(), Error> {
        offered(screen, question, option)?;
        let a = &mut self.assessment;
        match question {
            q::MINOR => {
                a.set_minor(&self.toolkit, MinorAnswer::parse(option)?);
                self.sync_profile();
            }
            q::SETTING => {
                let setting = (option != NO_SETTING).then_some(option);
                a.set_setting(&self.toolkit, setting)?;
            }
            q::SEVERE_VIOLENCE => a.severe_violence = YesNo::parse(option)?.0,
            q::SIGNIFICANT_PROCEEDS => a.significant_proceeds = YesNo::parse(option)?.0,
            q::IMMEDIATE_DANGER => a.immediate_danger = YesNo::parse(option)?.0,
            q::HEALTH_EMERGENCY => a.health_emergency = YesNo::parse(option)?.0,
            q::ROLE => self.role = Some(Role::parse(option)?),
            q::CONSENT => self.consent = Consent::parse(option)?,
            q::RESIDENCE => {
                self.residence = Residence::parse(option)?;
                self.sync_profile();
            }
            _ => return Err(no_question(question)),
        }
        if let Some(q) = ASKED.iter().find(|q| **q == question)
            && !self.answered.contains(q)
        {
            self.answered.push(q);
        }
        Ok(())
    }

    /// `value` when the user has answered `question`, else `None`.
    fn given<T>(&self, question: &str, value: T) -> Option<T> {
        self.answered.contains(&question).then_some(value)
    }

    /// Sets the status of a checklist item shown on `screen`.
    pub fn set_status(&mut self, screen: &Screen, item: &str, status: &str) -> Result<(), Error> {
        offered_status(screen, item, status)?;
        if screen.id == Route::Assess.target() {
            self.assessment
                .set_observed(&self.toolkit, item, status == OBSERVED)
        } else {
            let content = &self.toolkit.pack().toolkit;
            self.rights
                .set_status(content, item, RightStatus::parse(status)?)
        }
    }
}

/// True for the routes whose screens and events this module handles.
pub(super) fn owns(route: &Route) -> bool {
    matches!(
        route,
        Route::Assess
            | Route::AssessResult
            | Route::Duties
            | Route::Rights
            | Route::Right { .. }
            | Route::Learn
            | Route::LearnTopic { .. }
    )
}

/// Checks that `screen` asks `question` with `option`.
fn offered(screen: &Screen, question: &str, option: &str) -> Result<(), Error> {
    let options = screen
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Choice { id, options, .. } if id == question => Some(options),
            _ => None,
        })
        .ok_or_else(|| no_question(question))?;
    match option_ids(options, option) {
        Ok(()) => Ok(()),
        Err(valid) => Err(Error::InvalidAnswer {
            step: question.to_owned(),
            answer: option.to_owned(),
            valid,
        }),
    }
}

/// Checks that `screen` has the checklist item `item` with the status `status`.
fn offered_status(screen: &Screen, item: &str, status: &str) -> Result<(), Error> {
    let items = || {
        screen.blocks.iter().filter_map(|b| match b {
            Block::ChecklistItem { id, options, .. } => Some((id, options)),
            _ => None,
        })
    };
    let Some((_, options)) = items().find(|(id, _)| *id == item) else {
        return Err(Error::UnknownChecklistItem {
            item: item.to_owned(),
            valid: items().map(|(id, _)| id.clone()).collect(),
        });
    };
    option_ids(options, status).map_err(|valid| Error::InvalidChecklistStatus {
        status: status.to_owned(),
        valid,
    })
}

/// `Ok` when `options` has `option`, else every option's id.
fn option_ids(options: &[ChoiceOption], option: &str) -> Result<(), Vec<String>> {
    if options.iter().any(|o| o.id == option) {
        return Ok(());
    }
    Err(options.iter().map(|o| o.id.clone()).collect())
}

/// Whether the toolkit screen `route` names something that exists.
pub(super) fn exists(session: &ToolkitSession, route: &Route) -> bool {
    let content = &session.toolkit.pack().toolkit;
    match route {
        Route::Right { id } => content.right(id).is_some(),
        Route::LearnTopic { id } => content.learn_topic(id).is_some(),
        _ => true,
    }
}

/// The toolkit screen for `route` (an empty screen for routes of other features).
pub(super) fn screen(ctx: &Ctx<'_>, route: &Route, s: &ToolkitSession) -> Screen {
    let (title, blocks) = match route {
        Route::Assess => (ctx.ui(k::ASSESS_TITLE).to_owned(), assess(ctx, s)),
        Route::AssessResult => (ctx.ui(k::RESULT_TITLE).to_owned(), result(ctx, s)),
        Route::Duties => (ctx.ui(k::DUTIES_TITLE).to_owned(), duties(ctx, s)),
        Route::Rights => (ctx.ui(k::RIGHTS_TITLE).to_owned(), rights(ctx, s)),
        Route::Right { id } => right(ctx, s, id),
        Route::Learn => (ctx.ui(k::LEARN_TITLE).to_owned(), learn(ctx, s)),
        Route::LearnTopic { id } => learn_topic(ctx, s, id),
        _ => (String::new(), Vec::new()),
    };
    ctx.screen(route, title, Mode::Professional, blocks)
}

/// The tools menu's links to the toolkit.
pub(super) fn tools_links(ctx: &Ctx<'_>) -> Vec<Block> {
    [
        (Route::Assess, k::TOOLS_ASSESS, k::TOOLS_ASSESS_DETAIL),
        (Route::Duties, k::TOOLS_DUTIES, k::TOOLS_DUTIES_DETAIL),
        (Route::Rights, k::TOOLS_RIGHTS, k::TOOLS_RIGHTS_DETAIL),
        (Route::Learn, k::TOOLS_LEARN, k::TOOLS_LEARN_DETAIL),
    ]
    .into_iter()
    .map(|(route, label, detail)| Block::Link {
        target: route.target(),
        label: ctx.ui(label).to_owned(),
        detail: Some(ctx.ui(detail).to_owned()),
    })
    .collect()
}

fn choice<A: Answer + PartialEq>(
    ctx: &Ctx<'_>,
    id: &str,
    prompt: crate::content::ui::Key,
    current: Option<A>,
    label: impl Fn(A) -> String,
) -> Block {
    Block::Choice {
        id: id.to_owned(),
        prompt: ctx.ui(prompt).to_owned(),
        options: A::ALL
            .iter()
            .map(|&a| ChoiceOption {
                id: a.id().to_owned(),
                label: label(a),
                selected: current == Some(a),
            })
            .collect(),
    }
}

fn minor_choice(ctx: &Ctx<'_>, s: &ToolkitSession) -> Block {
    choice(
        ctx,
        q::MINOR,
        k::ASSESS_MINOR,
        s.given(q::MINOR, s.assessment.minor),
        |m| s.toolkit.minor_label(m).to_owned(),
    )
}

fn yes_no(ctx: &Ctx<'_>, s: &ToolkitSession, id: &str, value: bool) -> Block {
    let prompt = yes_no_prompt(id);
    choice(ctx, id, prompt, s.given(id, YesNo(value)), |a| {
        ctx.ui(if a.0 { k::ANSWER_YES } else { k::ANSWER_NO })
            .to_owned()
    })
}

/// The prompt of a yes-or-no question of the assessment.
fn yes_no_prompt(id: &str) -> crate::content::ui::Key {
    match id {
        q::IMMEDIATE_DANGER => k::ASSESS_IMMEDIATE_DANGER,
        q::HEALTH_EMERGENCY => k::ASSESS_HEALTH_EMERGENCY,
        q::SEVERE_VIOLENCE => k::ASSESS_SEVERE_VIOLENCE,
        _ => k::ASSESS_SIGNIFICANT_PROCEEDS,
    }
}

/// The questions about urgent help.
fn urgent_choices(ctx: &Ctx<'_>, s: &ToolkitSession) -> [Block; 2] {
    let a = &s.assessment;
    [
        yes_no(ctx, s, q::IMMEDIATE_DANGER, a.immediate_danger),
        yes_no(ctx, s, q::HEALTH_EMERGENCY, a.health_emergency),
    ]
}

/// The questions about signs of aggravated trafficking beyond age.
fn aggravated_choices(ctx: &Ctx<'_>, s: &ToolkitSession) -> [Block; 2] {
    let a = &s.assessment;
    [
        yes_no(ctx, s, q::SEVERE_VIOLENCE, a.severe_violence),
        yes_no(ctx, s, q::SIGNIFICANT_PROCEEDS, a.significant_proceeds),
    ]
}

/// A notice naming the questions among `shown` (question, prompt) not answered yet.
fn unanswered(ctx: &Ctx<'_>, s: &ToolkitSession, shown: &[(&str, Key)]) -> Option<Block> {
    let open: Vec<&str> = shown
        .iter()
        .filter(|(id, _)| s.given(id, ()).is_none())
        .map(|(_, prompt)| ctx.ui(*prompt))
        .collect();
    (!open.is_empty()).then(|| Block::Notice {
        level: NoticeLevel::Info,
        text: ctx.fill(k::UNANSWERED, &[("questions", &open.join(" "))]),
    })
}

fn setting_choice(ctx: &Ctx<'_>, s: &ToolkitSession) -> Block {
    let current = s.assessment.setting.as_deref().unwrap_or(NO_SETTING);
    let none = ChoiceOption {
        id: NO_SETTING.to_owned(),
        label: ctx.ui(k::ASSESS_SETTING_NONE).to_owned(),
        selected: current == NO_SETTING,
    };
    let options = std::iter::once(none)
        .chain(s.toolkit.settings().into_iter().map(|v| ChoiceOption {
            selected: current == v.id,
            label: if v.examples.is_empty() {
                v.text
            } else {
                format!("{} ({})", v.text, v.examples.join("; "))
            },
            id: v.id,
        }))
        .collect();
    Block::Choice {
        id: q::SETTING.to_owned(),
        prompt: ctx.ui(k::ASSESS_SETTING).to_owned(),
        options,
    }
}

/// The indicator checklist.
fn assess(ctx: &Ctx<'_>, s: &ToolkitSession) -> Vec<Block> {
    let content = &ctx.pack.toolkit;
    let a = &s.assessment;
    let mut blocks = vec![
        Block::Paragraph {
            text: ctx.ui(k::ASSESS_INTRO).to_owned(),
        },
        minor_choice(ctx, s),
    ];
    blocks.extend(urgent_choices(ctx, s));
    blocks.push(setting_choice(ctx, s));
    let sectors = a
        .setting
        .as_deref()
        .and_then(|id| content.setting(id))
        .map(|st| st.sectors.as_slice())
        .unwrap_or_default();
    let mut category = None;
    for run in runs(content, a.minor, sectors) {
        if category != Some(run.category) && run.sector.is_none() {
            category = Some(run.category);
            section_blocks(ctx, &mut blocks, run.category.id());
        }
        if run.group.is_some() || run.sector.is_some() || run.minor_only {
            section_blocks(ctx, &mut blocks, run.section_id());
        }
        if run.fits_setting {
            blocks.push(Block::Notice {
                level: NoticeLevel::Info,
                text: ctx.ui(k::ASSESS_FITS_SETTING).to_owned(),
            });
        }
        checklist(ctx, &mut blocks, &run, a);
    }
    blocks.extend(aggravated_choices(ctx, s));
    blocks.extend(unanswered(
        ctx,
        s,
        &[
            (q::MINOR, k::ASSESS_MINOR),
            (q::IMMEDIATE_DANGER, k::ASSESS_IMMEDIATE_DANGER),
            (q::HEALTH_EMERGENCY, k::ASSESS_HEALTH_EMERGENCY),
            (q::SEVERE_VIOLENCE, k::ASSESS_SEVERE_VIOLENCE),
            (q::SIGNIFICANT_PROCEEDS, k::ASSESS_SIGNIFICANT_PROCEEDS),
        ],
    ));
    blocks.push(Block::Link {
        target: Route::AssessResult.target(),
        label: ctx.ui(k::ASSESS_SEE_RESULT).to_owned(),
        detail: None,
    });
    blocks
}

fn section_blocks(ctx: &Ctx<'_>, blocks: &mut Vec<Block>, id: &str) {
    if let Some(section) = ctx.pack.toolkit.section(id) {
        blocks.push(Block::Heading {
            text: ctx.text(&section.title).to_owned(),
        });
        if let Some(intro) = &section.intro {
            blocks.push(Block::Paragraph {
                text: ctx.text(intro).to_owned(),
            });
        }
    }
}

fn checklist(ctx: &Ctx<'_>, blocks: &mut Vec<Block>, run: &Run<'_>, a: &Assessment) {
    let observed_label = ctx.ui(k::INDICATOR_OBSERVED);
    let not_observed_label = ctx.ui(k::INDICATOR_NOT_OBSERVED);
    for x in &run.indicators {
        let on = a.is_observed(&x.id);
        blocks.push(Block::ChecklistItem {
            id: x.id.clone(),
            text: ctx.text(&x.text).to_owned(),
            detail: None,
            status: if on { OBSERVED } else { NOT_OBSERVED }.to_owned(),
            status_label: if on {
                observed_label
            } else {
                not_observed_label
            }
            .to_owned(),
            options: vec![
                ChoiceOption {
                    id: OBSERVED.to_owned(),
                    label: observed_label.to_owned(),
                    selected: on,
                },
                ChoiceOption {
                    id: NOT_OBSERVED.to_owned(),
                    label: not_observed_label.to_owned(),
                    selected: !on,
                },
            ],
        });
    }
}

fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}

fn heading(text: impl Into<String>) -> Block {
    Block::Heading { text: text.into() }
}

fn bullets(items: Vec<String>) -> Option<Block> {
    (!items.is_empty()).then_some(Block::BulletList { items })
}

fn link(l: LinkView) -> Block {
    Block::Link {
        target: l.target,
        label: l.label,
        detail: None,
    }
}

fn sources(ctx: &Ctx<'_>, blocks: &mut Vec<Block>, citations: &[Citation]) {
    blocks.push(heading(ctx.ui(k::SOURCES)));
    blocks.extend(bullets(
        citations
            .iter()
            .map(|c| {
                if c.older {
                    ctx.fill(k::OLDER, &[("text", &c.text)])
                } else {
                    c.text.clone()
                }
            })
            .collect(),
    ));
}

/// Links to contacts, each with its open-now state.
fn contact_links(ctx: &Ctx<'_>, blocks: &mut Vec<Block>, contacts: &[ContactLink]) {
    let book = ContactBook::new(ctx.pack.clone(), ctx.locales.clone());
    for c in contacts {
        blocks.push(Block::Link {
            target: Route::Contact { id: c.id.clone() }.target(),
            label: c.name.clone(),
            detail: book.contact(&c.id, ctx.now).ok().map(|v| v.status_text),
        });
    }
}

/// The first action (a call where there is one) of each contact, calls before anything else,
/// with ids unique on the screen; an action whose URI an earlier contact already offers is left
/// out.
fn first_actions(ctx: &Ctx<'_>, prefix: &str, ids: impl Iterator<Item = String>) -> Vec<Block> {
    let book = ContactBook::new(ctx.pack.clone(), ctx.locales.clone());
    let mut uris = Vec::new();
    let mut actions: Vec<_> = ids
        .filter_map(|id| book.contact(&id, ctx.now).ok())
        .filter_map(|v| v.actions.into_iter().next())
        .filter(|a| {
            let new = !uris.contains(&a.uri);
            uris.push(a.uri.clone());
            new
        })
        .collect();
    actions.sort_by_key(|a| a.kind != ActionKind::Call);
    actions
        .into_iter()
        .map(|mut action| {
            action.id = format!("{prefix}.{}", action.id);
            Block::Action { action }
        })
        .collect()
}

/// The assessment's summary and conversation guide.
fn result(ctx: &Ctx<'_>, s: &ToolkitSession) -> Vec<Block> {
    let r = match s.toolkit.assess(&s.assessment) {
        Ok(r) => r,
        Err(e) => return vec![paragraph(e.to_string())],
    };
    let mut blocks = vec![
        Block::Notice {
            level: NoticeLevel::Info,
            text: r.holistic_note.clone(),
        },
        paragraph(
            ctx.fill(
                k::RESULT_AGE,
                &[(
                    "answer",
                    s.given(q::MINOR, r.minor_label.as_str())
                        .unwrap_or(ctx.ui(k::NOT_ANSWERED)),
                )],
            ),
        ),
    ];
    if let Some(setting) = &r.setting_label {
        blocks.push(paragraph(
            ctx.fill(k::RESULT_SETTING, &[("setting", setting)]),
        ));
    }
    if !r.flags.is_empty() {
        blocks.push(heading(ctx.ui(k::RESULT_FLAGS)));
    }
    for f in &r.flags {
        let level = match f.kind {
            FlagKind::ImmediateDanger | FlagKind::HealthEmergency => NoticeLevel::Urgent,
            _ => NoticeLevel::Caution,
        };
        blocks.push(Block::Notice {
            level,
            text: format!("{}: {}", f.title, f.text),
        });
        blocks.extend(bullets(f.reasons.clone()));
        blocks.extend(first_actions(
            ctx,
            f.kind.id(),
            f.contacts.iter().map(|c| c.id.clone()),
        ));
        blocks.extend(f.links.iter().cloned().map(link));
    }
    blocks.push(heading(ctx.ui(k::RESULT_OBSERVED)));
    if r.observed.is_empty() {
        blocks.push(paragraph(ctx.ui(k::RESULT_NOTHING)));
    }
    for g in &r.observed {
        blocks.push(paragraph(format!("{}:", g.title)));
        blocks.extend(bullets(
            g.indicators.iter().map(|x| x.text.clone()).collect(),
        ));
    }
    let c = &r.conversation;
    blocks.push(heading(ctx.ui(k::CONVERSATION_TITLE)));
    blocks.push(paragraph(ctx.ui(k::CONVERSATION_INTRO)));
    for t in &c.topics {
        blocks.push(paragraph(t.question.clone()));
        blocks.extend(bullets(t.follow_ups.clone()));
        if let Some(say) = &t.say {
            blocks.push(paragraph(ctx.fill(k::CONVERSATION_SAY, &[("text", say)])));
        }
    }
    blocks.push(heading(ctx.ui(k::CONVERSATION_TIPS)));
    blocks.extend(bullets(c.tips.iter().map(|t| t.text.clone()).collect()));
    if !c.minor_tips.is_empty() {
        blocks.push(heading(ctx.ui(k::CONVERSATION_MINOR_TIPS)));
        blocks.extend(bullets(
            c.minor_tips.iter().map(|t| t.text.clone()).collect(),
        ));
    }
    blocks.push(heading(ctx.ui(k::CONVERSATION_INTERPRETER)));
    blocks.push(paragraph(c.interpreter.text.clone()));
    contact_links(ctx, &mut blocks, &c.interpreter.contacts);
    blocks.push(heading(ctx.ui(k::CONVERSATION_RIGHTS)));
    blocks.extend(bullets(
        c.rights_info.iter().map(|t| t.text.clone()).collect(),
    ));
    for (target, key) in [
        (DUTIES, k::RESULT_NEXT_DUTIES),
        (RIGHTS, k::RESULT_NEXT_RIGHTS),
    ] {
        blocks.push(link(LinkView {
            target: target.to_owned(),
            label: ctx.ui(key).to_owned(),
        }));
    }
    sources(ctx, &mut blocks, &r.sources);
    blocks
}

/// Duties and next steps.
fn duties(ctx: &Ctx<'_>, s: &ToolkitSession) -> Vec<Block> {
    let a = &s.assessment;
    let mut blocks = vec![
        paragraph(ctx.ui(k::DUTIES_INTRO)),
        choice(ctx, q::ROLE, k::DUTIES_ROLE, s.role, |r| {
            ctx.ui(match r {
                Role::Public => k::ROLE_PUBLIC,
                Role::OnBehalf => k::ROLE_ON_BEHALF,
                Role::Private => k::ROLE_PRIVATE,
            })
            .to_owned()
        }),
        minor_choice(ctx, s),
    ];
    blocks.extend(urgent_choices(ctx, s));
    blocks.extend(aggravated_choices(ctx, s));
    let mut asked = vec![
        (q::MINOR, k::ASSESS_MINOR),
        (q::IMMEDIATE_DANGER, k::ASSESS_IMMEDIATE_DANGER),
        (q::HEALTH_EMERGENCY, k::ASSESS_HEALTH_EMERGENCY),
        (q::SEVERE_VIOLENCE, k::ASSESS_SEVERE_VIOLENCE),
        (q::SIGNIFICANT_PROCEEDS, k::ASSESS_SIGNIFICANT_PROCEEDS),
    ];
    if !a.minor.presumed_minor() {
        asked.push((q::CONSENT, k::DUTIES_CONSENT));
        blocks.push(choice(
            ctx,
            q::CONSENT,
            k::DUTIES_CONSENT,
            s.given(q::CONSENT, s.consent),
            |c| {
                ctx.ui(match c.0 {
                    Some(true) => k::ANSWER_YES,
                    Some(false) => k::ANSWER_NO,
                    None => k::CONSENT_NOT_ASKED,
                })
                .to_owned()
            },
        ));
    }
    blocks.extend(unanswered(ctx, s, &asked));
    let Some(role) = s.role else {
        blocks.push(Block::Notice {
            level: NoticeLevel::Info,
            text: ctx.ui(k::DUTIES_CHOOSE_ROLE).to_owned(),
        });
        return blocks;
    };
    let plan = s
        .toolkit
        .duties(&DutiesInput::from_assessment(role, a, s.consent.0), ctx.now);
    for (n, step) in plan.steps.iter().enumerate() {
        blocks.push(heading(ctx.fill(
            k::DUTIES_STEP,
            &[("number", &(n + 1).to_string()), ("title", &step.title)],
        )));
        let level = match step.obligation {
            Obligation::Duty => NoticeLevel::Urgent,
            Obligation::Assess => NoticeLevel::Caution,
            Obligation::Should | Obligation::May => NoticeLevel::Info,
        };
        blocks.push(Block::Notice {
            level,
            text: step.obligation_label.clone(),
        });
        blocks.push(paragraph(step.action.clone()));
        blocks.push(paragraph(ctx.fill(k::DUTIES_WHY, &[("text", &step.why)])));
        if let Some(basis) = &step.legal_basis {
            blocks.push(paragraph(ctx.fill(k::DUTIES_BASIS, &[("basis", basis)])));
        }
        let mut uris: Vec<&str> = Vec::new();
        for c in &step.contacts {
            blocks.push(Block::Link {
                target: Route::Contact { id: c.id.clone() }.target(),
                label: c.name.clone(),
                detail: Some(c.status_text.clone()),
            });
            if let Some(action) = c
                .actions
                .first()
                .filter(|a| !uris.contains(&a.uri.as_str()))
            {
                uris.push(&action.uri);
                let mut action = action.clone();
                action.id = format!("{}.{}", step.id, action.id);
                blocks.push(Block::Action { action });
            }
        }
        blocks.extend(step.link.clone().map(link));
        let cited: Vec<&str> = step.sources.iter().map(|c| c.text.as_str()).collect();
        blocks.push(paragraph(
            ctx.fill(k::DUTIES_SOURCES, &[("sources", &cited.join("; "))]),
        ));
    }
    blocks
}

fn status_item(s: &ToolkitSession, id: &str, title: &str, detail: Option<String>) -> Block {
    let current = s.rights.status(id);
    Block::ChecklistItem {
        id: id.to_owned(),
        text: title.to_owned(),
        detail,
        status: current.id().to_owned(),
        status_label: s.toolkit.status_label(current).to_owned(),
        options: RightStatus::ALL
            .iter()
            .map(|&st| ChoiceOption {
                id: st.id().to_owned(),
                label: s.toolkit.status_label(st).to_owned(),
                selected: st == current,
            })
            .collect(),
    }
}

/// The rights checklist.
fn rights(ctx: &Ctx<'_>, s: &ToolkitSession) -> Vec<Block> {
    let view = s.toolkit.rights_view(&s.rights);
    let mut blocks = vec![
        paragraph(ctx.ui(k::RIGHTS_INTRO)),
        minor_choice(ctx, s),
        choice(
            ctx,
            q::RESIDENCE,
            k::RIGHTS_RESIDENCE,
            s.given(q::RESIDENCE, s.residence),
            |r| {
                ctx.ui(match r {
                    Residence::NoPermit => k::RESIDENCE_NO_PERMIT,
                    Residence::HasPermit => k::RESIDENCE_HAS_PERMIT,
                    Residence::Unknown => k::RESIDENCE_UNKNOWN,
                })
                .to_owned()
            },
        ),
        Block::Status {
            text: ctx.fill(
                k::RIGHTS_PROGRESS,
                &[
                    ("done", &view.progress.done.to_string()),
                    ("total", &view.progress.total.to_string()),
                ],
            ),
            state: super::StatusKind::Info,
        },
    ];
    blocks.extend(unanswered(
        ctx,
        s,
        &[
            (q::MINOR, k::ASSESS_MINOR),
            (q::RESIDENCE, k::RIGHTS_RESIDENCE),
        ],
    ));
    for r in &view.rights {
        blocks.push(status_item(s, &r.id, &r.title, Some(r.summary.clone())));
        blocks.push(Block::Link {
            target: Route::Right { id: r.id.clone() }.target(),
            label: ctx.ui(k::RIGHTS_MORE).to_owned(),
            detail: None,
        });
    }
    blocks
}

/// One right in full; its status can be set here too when it is on the checklist.
fn right(ctx: &Ctx<'_>, s: &ToolkitSession, id: &str) -> (String, Vec<Block>) {
    let content = &ctx.pack.toolkit;
    let Some(r) = content.right(id) else {
        return (id.to_owned(), Vec::new());
    };
    let view = s.toolkit.right_view(r, s.rights.status(id));
    let mut blocks = vec![paragraph(view.summary.clone())];
    if s.rights.applicable(content).any(|x| x.id == id) {
        blocks.push(status_item(s, id, &view.title, None));
    } else {
        blocks.push(Block::Notice {
            level: NoticeLevel::Info,
            text: ctx.fill(
                k::RIGHT_NOT_LISTED,
                &s.toolkit.profile_parts(s.rights.profile),
            ),
        });
    }
    blocks.push(paragraph(
        ctx.fill(k::RIGHT_PROVIDER, &[("text", &view.provider)]),
    ));
    blocks.push(paragraph(ctx.fill(k::RIGHT_WHO, &[("text", &view.who)])));
    blocks.push(heading(ctx.ui(k::RIGHT_DETAILS)));
    blocks.extend(bullets(
        view.details
            .iter()
            .map(|d| {
                if d.older {
                    ctx.fill(k::OLDER, &[("text", &d.text)])
                } else {
                    d.text.clone()
                }
            })
            .collect(),
    ));
    if !view.contacts.is_empty() {
        blocks.push(heading(ctx.ui(k::RIGHT_CONTACTS)));
        contact_links(ctx, &mut blocks, &view.contacts);
    }
    let mut cited = view.sources.clone();
    for d in &view.details {
        for c in &d.sources {
            if !cited.iter().any(|x| x.doc == c.doc && x.part == c.part) {
                cited.push(c.clone());
            }
        }
    }
    sources(ctx, &mut blocks, &cited);
    (view.title, blocks)
}

/// The Learn topics.
fn learn(ctx: &Ctx<'_>, s: &ToolkitSession) -> Vec<Block> {
    std::iter::once(paragraph(ctx.ui(k::LEARN_INTRO)))
        .chain(s.toolkit.learn_topics().into_iter().map(|t| Block::Link {
            target: Route::LearnTopic { id: t.id }.target(),
            label: t.title,
            detail: Some(t.summary),
        }))
        .collect()
}

/// One Learn topic.
fn learn_topic(ctx: &Ctx<'_>, s: &ToolkitSession, id: &str) -> (String, Vec<Block>) {
    let Ok(t) = s.toolkit.learn_topic(id) else {
        return (id.to_owned(), Vec::new());
    };
    let mut blocks = vec![paragraph(t.summary)];
    let mut cited: Vec<Citation> = Vec::new();
    for section in t.sections {
        blocks.extend(section.heading.map(heading));
        if section.older {
            blocks.push(Block::Notice {
                level: NoticeLevel::Caution,
                text: ctx.ui(k::OLDER_SECTION).to_owned(),
            });
        }
        blocks.extend(section.paragraphs.into_iter().map(paragraph));
        blocks.extend(bullets(section.bullets));
        for c in section.sources {
            if !cited.iter().any(|x| x.doc == c.doc && x.part == c.part) {
                cited.push(c);
            }
        }
    }
    sources(ctx, &mut blocks, &cited);
    (t.title, blocks)
}
