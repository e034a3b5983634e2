//! `lykt indicators | learn | assess | duties | rights`: the professional toolkit.
//!
//! Text is the screen the app shows for the same answers, printed by the core's renderer;
//! `--json` prints the tool's result for scripts and review.

use lykt_core::app::Block;
use lykt_core::ids::Vocabulary;
use lykt_core::saved::SavedWork;
use lykt_core::toolkit::{
    Assessment, DutiesInput, MinorAnswer, Residence, RightsChecklist, RightsProfile, Role, Toolkit,
    YesNo,
};
use lykt_core::vault::RecordKind;

use crate::Failure;
use crate::commands::{Shown, print_json, print_screens};
use crate::minors_cmd::pairs;
use crate::options::{Common, SaveTo};
use crate::vault_cmd::save_or_print;

fn toolkit(common: &Common) -> Result<Toolkit, Failure> {
    let lykt = common.lykt()?;
    Ok(Toolkit::new(lykt.pack().clone(), lykt.locales().clone()))
}

/// The toolkit screen `target` with the age question answered.
fn with_minor(common: &Common, target: &str, minor: MinorAnswer) -> Result<Shown, Failure> {
    let mut shown = Shown::new(common)?;
    shown.open(target)?;
    shown.choose("minor", minor.id())?;
    Ok(shown)
}

/// `lykt indicators [--minor yes|unsure|no]`: the checklist of indicators for that answer.
pub fn indicators(common: &Common, minor: MinorAnswer, json: bool) -> Result<(), Failure> {
    if json {
        return print_json(&toolkit(common)?.indicators_offered(minor));
    }
    let screen = with_minor(common, "assess", minor)?.app().current_screen();
    print_screens([&screen]);
    Ok(())
}

/// `lykt learn`: the list of topics, then every topic in full.
pub fn learn(common: &Common, json: bool) -> Result<(), Failure> {
    if json {
        return print_json(&toolkit(common)?.learn_topics());
    }
    let mut shown = Shown::new(common)?;
    let list = shown.open("learn")?;
    let mut screens = vec![list.clone()];
    for block in &list.blocks {
        if let Block::Link { target, .. } = block {
            screens.push(shown.open(target)?);
        }
    }
    print_screens(&screens);
    Ok(())
}

/// `lykt assess --observed ID,ID [--minor M] [--setting S]`: the summary, never a score.
pub fn assess(
    common: &Common,
    ids: &[String],
    minor: MinorAnswer,
    setting: Option<&str>,
    json: bool,
    to: &SaveTo,
) -> Result<(), Failure> {
    let assessment = Assessment {
        observed: ids.to_vec(),
        minor,
        setting: setting.map(str::to_owned),
        ..Assessment::default()
    };
    let result = toolkit(common)?.assess(&assessment)?;
    let mut shown = with_minor(common, "assess", minor)?;
    if let Some(s) = setting {
        shown.choose("setting", s)?;
    }
    for id in ids {
        shown.set(id, "observed")?;
    }
    let screen = shown.open("assess/result")?;
    let work = SavedWork::new(&screen, &assessment)?;
    save_or_print(common, to, RecordKind::Assessment, work, json, || {
        Ok(result)
    })
}

/// `lykt duties --role R [--minor M] [--danger] [--health-emergency]`: ordered steps.
pub fn duties(
    common: &Common,
    role: &str,
    minor: MinorAnswer,
    danger: bool,
    health: bool,
    json: bool,
) -> Result<(), Failure> {
    let role = Role::parse(role)?;
    if json {
        let input = DutiesInput {
            immediate_danger: danger,
            health_emergency: health,
            ..DutiesInput::new(role, minor)
        };
        return print_json(&toolkit(common)?.duties(&input, common.instant()?));
    }
    let mut shown = with_minor(common, "duties", minor)?;
    shown.choose("role", role.id())?;
    shown.choose("immediate_danger", YesNo::from(danger).id())?;
    let screen = shown.choose("health_emergency", YesNo::from(health).id())?;
    print_screens([&screen]);
    Ok(())
}

/// `lykt rights [--minor M] [--no-residence-permit] [--set RIGHT=STATUS]`: the checklist.
pub fn rights(
    common: &Common,
    minor: MinorAnswer,
    no_permit: bool,
    set: &[String],
    json: bool,
    to: &SaveTo,
) -> Result<(), Failure> {
    let toolkit = toolkit(common)?;
    let mut list = RightsChecklist::new(RightsProfile {
        minor: minor.presumed_minor(),
        no_residence_permit: no_permit,
    });
    for (right, status) in pairs(set)? {
        list.set_status_id(&toolkit.pack().toolkit, right, status)?;
    }
    let mut shown = with_minor(common, "rights", minor)?;
    let residence = if no_permit {
        Residence::NoPermit
    } else {
        Residence::HasPermit
    };
    let mut screen = shown.choose("residence", residence.id())?;
    for (right, status) in pairs(set)? {
        screen = shown.set(right, status)?;
    }
    let work = SavedWork::new(&screen, &list)?;
    save_or_print(common, to, RecordKind::RightsChecklist, work, json, || {
        Ok(toolkit.rights_view(&list))
    })
}
