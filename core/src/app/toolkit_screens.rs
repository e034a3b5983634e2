//! Screens of the professionals' toolkit: the indicator checklist, the assessment's summary
//! with its conversation guide, duties and next steps, the rights checklist, and Learn.
//!
//! The answers live in one [`ToolkitSession`], shared by all these screens: the age answer
//! given on the checklist is the one the duties and the rights use.

use serde::{Deserialize, Serialize};

use super::blocks::{
    bullets, calls_first, checklist_item, choice, citation_texts, heading, link, notice,
    older_mark, older_notice, paragraph, screen_link, sources,
};
use super::{Block, ChoiceOption, Ctx, Mode, NoticeLevel, Route, Screen, ToolkitRoute};
use super::{StatusKind, no_question};
use crate::checklist::Status;
use crate::contacts::ContactBook;
use crate::content::source::merge;
use crate::content::ui::Key;
use crate::error::Error;
use crate::ids::Vocabulary;
use crate::toolkit::duties::DutiesInput;
use crate::toolkit::indicators::{FlagKind, Run, runs};
use crate::toolkit::{
    Assessment, Consent, ContactLink, MinorAnswer, Obligation, Residence, RightsChecklist,
    RightsProfile, Role, Toolkit, YesNo,
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

/// The setting option meaning "none chosen".
const NO_SETTING: &str = "none";

/// Whether an indicator is marked on the checklist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Mark {
    Observed,
    #[default]
    NotObserved,
}

impl Vocabulary for Mark {
    const FIELD: &'static str = "status";
    const ALL: &'static [Self] = &[Self::Observed, Self::NotObserved];
}

impl Status for Mark {
    fn done(self) -> bool {
        self == Self::Observed
    }

    fn applies(self) -> bool {
        true
    }

    fn label_key(self) -> Key {
        match self {
            Self::Observed => k::INDICATOR_OBSERVED,
            Self::NotObserved => k::INDICATOR_NOT_OBSERVED,
        }
    }
}

/// What the user has answered in the toolkit during this session (kept in memory only).
#[derive(Debug)]
pub(crate) struct ToolkitSession {
    toolkit: Toolkit,
    assessment: Assessment,
    role: Option<Role>,
    consent: Consent,
    residence: Residence,
    rights: RightsChecklist,
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
        };
        s.sync_profile();
        s
    }

    /// Forgets every answer.
    pub fn clear(&mut self) {
        *self = Self::new(self.toolkit.clone());
    }

    fn sync_profile(&mut self) {
        self.rights.set_profile(RightsProfile {
            minor: self.assessment.minor.presumed_minor(),
            no_residence_permit: self.residence.no_residence_permit(),
        });
    }

    /// Answers a question shown on `screen`.
    pub fn choose(&mut self, screen: &Screen, question: &str, option: &str) -> Result<(), Error> {
        offered(screen, question, option)?;
        let yes = || YesNo::parse(option).map(YesNo::is_yes);
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
            q::SEVERE_VIOLENCE => a.severe_violence = yes()?,
            q::SIGNIFICANT_PROCEEDS => a.significant_proceeds = yes()?,
            q::IMMEDIATE_DANGER => a.immediate_danger = yes()?,
            q::HEALTH_EMERGENCY => a.health_emergency = yes()?,
            q::ROLE => self.role = Some(Role::parse(option)?),
            q::CONSENT => self.consent = Consent::parse(option)?,
            q::RESIDENCE => {
                self.residence = Residence::parse(option)?;
                self.sync_profile();
            }
            _ => return Err(no_question(question)),
        }
        Ok(())
    }

    /// Sets the status of a checklist item shown on `screen`, the screen of `route`.
    pub fn set_status(
        &mut self,
        route: &ToolkitRoute,
        screen: &Screen,
        item: &str,
        status: &str,
    ) -> Result<(), Error> {
        offered_status(screen, item, status)?;
        if *route == ToolkitRoute::Assess {
            let observed = Mark::parse(status)?.done();
            self.assessment.set_observed(&self.toolkit, item, observed)
        } else {
            let content = &self.toolkit.pack().toolkit;
            self.rights.set_status_id(content, item, status)
        }
    }
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
pub(super) fn exists(session: &ToolkitSession, route: &ToolkitRoute) -> bool {
    let content = &session.toolkit.pack().toolkit;
    match route {
        ToolkitRoute::Right { id } => content.right(id).is_some(),
        ToolkitRoute::LearnTopic { id } => content.learn_topic(id).is_some(),
        ToolkitRoute::Assess
        | ToolkitRoute::AssessResult
        | ToolkitRoute::Duties
        | ToolkitRoute::Rights
        | ToolkitRoute::Learn => true,
    }
}

/// The toolkit screen for `r` (shown at `route`).
pub(super) fn screen(ctx: &Ctx<'_>, route: &Route, r: &ToolkitRoute, s: &ToolkitSession) -> Screen {
    let (title, blocks) = match r {
        ToolkitRoute::Assess => (ctx.ui(k::ASSESS_TITLE).to_owned(), assess(ctx, s)),
        ToolkitRoute::AssessResult => (ctx.ui(k::RESULT_TITLE).to_owned(), result(ctx, s)),
        ToolkitRoute::Duties => (ctx.ui(k::DUTIES_TITLE).to_owned(), duties(ctx, s)),
        ToolkitRoute::Rights => (ctx.ui(k::RIGHTS_TITLE).to_owned(), rights(ctx, s)),
        ToolkitRoute::Right { id } => right(ctx, s, id),
        ToolkitRoute::Learn => (ctx.ui(k::LEARN_TITLE).to_owned(), learn(ctx, s)),
        ToolkitRoute::LearnTopic { id } => learn_topic(ctx, s, id),
    };
    ctx.screen(route, title, Mode::Professional, blocks)
}

/// The tools menu's links to the toolkit.
pub(super) fn tools_links(ctx: &Ctx<'_>) -> Vec<Block> {
    [
        (
            ToolkitRoute::Assess,
            k::TOOLS_ASSESS,
            k::TOOLS_ASSESS_DETAIL,
        ),
        (
            ToolkitRoute::Duties,
            k::TOOLS_DUTIES,
            k::TOOLS_DUTIES_DETAIL,
        ),
        (
            ToolkitRoute::Rights,
            k::TOOLS_RIGHTS,
            k::TOOLS_RIGHTS_DETAIL,
        ),
        (ToolkitRoute::Learn, k::TOOLS_LEARN, k::TOOLS_LEARN_DETAIL),
    ]
    .into_iter()
    .map(|(r, label, detail)| link(&r.into(), ctx.ui(label), Some(ctx.ui(detail).to_owned())))
    .collect()
}

fn minor_choice(ctx: &Ctx<'_>, s: &ToolkitSession) -> Block {
    choice(
        ctx,
        q::MINOR,
        k::ASSESS_MINOR,
        Some(s.assessment.minor),
        |m| s.toolkit.minor_label(m).to_owned(),
    )
}

fn yes_no(ctx: &Ctx<'_>, id: &str, prompt: Key, value: bool) -> Block {
    choice(ctx, id, prompt, Some(YesNo::from(value)), |a| {
        ctx.ui(match a {
            YesNo::Yes => k::ANSWER_YES,
            YesNo::No => k::ANSWER_NO,
        })
        .to_owned()
    })
}

/// The questions about urgent help.
fn urgent_choices(ctx: &Ctx<'_>, a: &Assessment) -> [Block; 2] {
    [
        yes_no(
            ctx,
            q::IMMEDIATE_DANGER,
            k::ASSESS_IMMEDIATE_DANGER,
            a.immediate_danger,
        ),
        yes_no(
            ctx,
            q::HEALTH_EMERGENCY,
            k::ASSESS_HEALTH_EMERGENCY,
            a.health_emergency,
        ),
    ]
}

/// The questions about signs of aggravated trafficking beyond age.
fn aggravated_choices(ctx: &Ctx<'_>, a: &Assessment) -> [Block; 2] {
    [
        yes_no(
            ctx,
            q::SEVERE_VIOLENCE,
            k::ASSESS_SEVERE_VIOLENCE,
            a.severe_violence,
        ),
        yes_no(
            ctx,
            q::SIGNIFICANT_PROCEEDS,
            k::ASSESS_SIGNIFICANT_PROCEEDS,
            a.significant_proceeds,
        ),
    ]
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
    let mut blocks = vec![paragraph(ctx.ui(k::ASSESS_INTRO)), minor_choice(ctx, s)];
    blocks.extend(urgent_choices(ctx, a));
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
            section_blocks(ctx, &mut blocks, &run.section_id());
        }
        if run.fits_setting {
            blocks.push(notice(NoticeLevel::Info, ctx.ui(k::ASSESS_FITS_SETTING)));
        }
        checklist(ctx, &mut blocks, &run, a);
    }
    blocks.extend(aggravated_choices(ctx, a));
    blocks.push(link(
        &ToolkitRoute::AssessResult.into(),
        ctx.ui(k::ASSESS_SEE_RESULT),
        None,
    ));
    blocks
}

fn section_blocks(ctx: &Ctx<'_>, blocks: &mut Vec<Block>, id: &str) {
    if let Some(section) = ctx.pack.toolkit.section(id) {
        blocks.push(heading(ctx.text(&section.title)));
        if let Some(intro) = &section.intro {
            blocks.push(paragraph(ctx.text(intro)));
        }
    }
}

fn checklist(ctx: &Ctx<'_>, blocks: &mut Vec<Block>, run: &Run<'_>, a: &Assessment) {
    for x in &run.indicators {
        let mark = if a.is_observed(&x.id) {
            Mark::Observed
        } else {
            Mark::NotObserved
        };
        blocks.push(checklist_item(ctx, &x.id, ctx.text(&x.text), None, mark));
    }
}

/// Links to contacts, each with its open-now state.
fn contact_links(ctx: &Ctx<'_>, blocks: &mut Vec<Block>, contacts: &[ContactLink]) {
    let book = ContactBook::new(ctx.pack.clone(), ctx.locales.clone());
    for c in contacts {
        blocks.push(link(
            &Route::Contact { id: c.id.clone() },
            c.name.clone(),
            book.contact(&c.id, ctx.now).ok().map(|v| v.status_text),
        ));
    }
}

/// The assessment's summary and conversation guide.
fn result(ctx: &Ctx<'_>, s: &ToolkitSession) -> Vec<Block> {
    let r = match s.toolkit.assess(&s.assessment) {
        Ok(r) => r,
        Err(e) => return vec![paragraph(e.to_string())],
    };
    let book = ContactBook::new(ctx.pack.clone(), ctx.locales.clone());
    let mut blocks = vec![
        notice(NoticeLevel::Info, r.holistic_note.clone()),
        paragraph(ctx.fill(k::RESULT_AGE, &[("answer", &r.minor_label)])),
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
        blocks.push(notice(level, format!("{}: {}", f.title, f.text)));
        blocks.extend(bullets(f.reasons.clone()));
        let firsts: Vec<_> = f
            .contacts
            .iter()
            .filter_map(|c| book.contact(&c.id, ctx.now).ok())
            .filter_map(|v| v.actions.into_iter().next())
            .collect();
        blocks.extend(calls_first(&firsts, &mut Vec::new(), Some(f.kind.id())));
        blocks.extend(f.links.iter().map(screen_link));
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
    for (r, key) in [
        (ToolkitRoute::Duties, k::RESULT_NEXT_DUTIES),
        (ToolkitRoute::Rights, k::RESULT_NEXT_RIGHTS),
    ] {
        blocks.push(link(&r.into(), ctx.ui(key), None));
    }
    blocks.extend(sources(ctx, &r.sources));
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
    blocks.extend(urgent_choices(ctx, a));
    blocks.extend(aggravated_choices(ctx, a));
    if !a.minor.presumed_minor() {
        blocks.push(choice(
            ctx,
            q::CONSENT,
            k::DUTIES_CONSENT,
            Some(s.consent),
            |c| {
                ctx.ui(match c {
                    Consent::Yes => k::ANSWER_YES,
                    Consent::No => k::ANSWER_NO,
                    Consent::NotAsked => k::CONSENT_NOT_ASKED,
                })
                .to_owned()
            },
        ));
    }
    let Some(role) = s.role else {
        blocks.push(notice(NoticeLevel::Info, ctx.ui(k::DUTIES_CHOOSE_ROLE)));
        return blocks;
    };
    let plan = s.toolkit.duties(
        &DutiesInput::from_assessment(role, a, s.consent.given()),
        ctx.now,
    );
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
        blocks.push(notice(level, step.obligation_label.clone()));
        blocks.push(paragraph(step.action.clone()));
        blocks.push(paragraph(ctx.fill(k::DUTIES_WHY, &[("text", &step.why)])));
        if let Some(basis) = &step.legal_basis {
            blocks.push(paragraph(ctx.fill(k::DUTIES_BASIS, &[("basis", basis)])));
        }
        let firsts = step.contacts.iter().filter_map(|c| c.actions.first());
        blocks.extend(calls_first(firsts, &mut Vec::new(), Some(&step.id)));
        for c in &step.contacts {
            blocks.push(link(
                &Route::Contact { id: c.id.clone() },
                c.name.clone(),
                Some(c.status_text.clone()),
            ));
        }
        blocks.extend(step.link.as_ref().map(screen_link));
        let cited = citation_texts(ctx, &step.sources);
        blocks.push(paragraph(
            ctx.fill(k::DUTIES_SOURCES, &[("sources", &cited.join("; "))]),
        ));
    }
    blocks
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
            Some(s.residence),
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
            state: StatusKind::Info,
        },
    ];
    for r in &view.rights {
        blocks.push(checklist_item(
            ctx,
            &r.id,
            r.title.clone(),
            Some(r.summary.clone()),
            r.status,
        ));
        blocks.push(link(
            &ToolkitRoute::Right { id: r.id.clone() }.into(),
            ctx.ui(k::RIGHTS_MORE),
            None,
        ));
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
        blocks.push(checklist_item(
            ctx,
            id,
            view.title.clone(),
            None,
            view.status,
        ));
    } else {
        blocks.push(notice(
            NoticeLevel::Info,
            ctx.fill(
                k::RIGHT_NOT_LISTED,
                &s.toolkit.profile_parts(s.rights.profile),
            ),
        ));
    }
    blocks.push(paragraph(
        ctx.fill(k::RIGHT_PROVIDER, &[("text", &view.provider)]),
    ));
    blocks.push(paragraph(ctx.fill(k::RIGHT_WHO, &[("text", &view.who)])));
    blocks.push(heading(ctx.ui(k::RIGHT_DETAILS)));
    blocks.extend(bullets(
        view.details
            .iter()
            .map(|d| older_mark(ctx, &d.text, d.older))
            .collect(),
    ));
    if !view.contacts.is_empty() {
        blocks.push(heading(ctx.ui(k::RIGHT_CONTACTS)));
        contact_links(ctx, &mut blocks, &view.contacts);
    }
    let cited = merge(
        &ctx.pack.meta.sources,
        std::iter::once(view.sources.as_slice())
            .chain(view.details.iter().map(|d| d.sources.as_slice())),
    );
    blocks.extend(sources(ctx, &cited));
    (view.title, blocks)
}

/// The Learn topics.
fn learn(ctx: &Ctx<'_>, s: &ToolkitSession) -> Vec<Block> {
    std::iter::once(paragraph(ctx.ui(k::LEARN_INTRO)))
        .chain(s.toolkit.learn_topics().into_iter().map(|t| {
            link(
                &ToolkitRoute::LearnTopic { id: t.id }.into(),
                t.title,
                Some(t.summary),
            )
        }))
        .collect()
}

/// One Learn topic.
fn learn_topic(ctx: &Ctx<'_>, s: &ToolkitSession, id: &str) -> (String, Vec<Block>) {
    let Ok(t) = s.toolkit.learn_topic(id) else {
        return (id.to_owned(), Vec::new());
    };
    let mut blocks = vec![paragraph(t.summary)];
    let cited = merge(
        &ctx.pack.meta.sources,
        t.sections.iter().map(|section| section.sources.as_slice()),
    );
    for section in t.sections {
        blocks.extend(section.heading.map(heading));
        if section.older {
            blocks.push(older_notice(ctx));
        }
        blocks.extend(section.paragraphs.into_iter().map(paragraph));
        blocks.extend(bullets(section.bullets));
    }
    blocks.extend(sources(ctx, &cited));
    (t.title, blocks)
}
