//! `lykt minors` and `lykt placement`: the minors' decision flow and the placement checklist.

use lykt_core::app::{Block, Screen};
use lykt_core::minors::MinorsFlow;
use lykt_core::saved::SavedWork;
use lykt_core::vault::RecordKind;

use crate::Failure;
use crate::commands::{Shown, print_json};
use crate::options::{Common, SaveTo};
use crate::vault_cmd::save_or_print;

fn flow(common: &Common) -> Result<MinorsFlow, Failure> {
    let lykt = common.lykt()?;
    Ok(MinorsFlow::new(lykt.pack().clone(), lykt.locales().clone()))
}

/// The id of the question a screen asks, if any.
fn question(screen: &Screen) -> Option<&str> {
    screen.blocks.iter().find_map(|b| match b {
        Block::Choice { id, .. } => Some(id.as_str()),
        _ => None,
    })
}

/// `lykt minors --answers A,B,C` (the flow's screen after those answers) or `--graph` (for
/// review).
pub fn minors(
    common: &Common,
    answers: Option<&[String]>,
    graph: bool,
    json: bool,
    to: &SaveTo,
) -> Result<(), Failure> {
    let flow = flow(common)?;
    if graph {
        return print_json(&flow.graph());
    }
    let answers = answers.unwrap_or_default();
    let walk = flow.walk(answers, common.instant()?)?;
    let mut shown = Shown::new(common)?;
    let mut screen = shown.open("minors")?;
    for answer in answers {
        let asked = question(&screen).unwrap_or_default().to_owned();
        screen = shown.choose(&asked, answer)?;
    }
    let data = serde_json::json!({ "answers": answers, "at": walk.at });
    let work = SavedWork::new(&screen, &data)?;
    save_or_print(common, to, RecordKind::MinorsOutcome, work, json, || {
        Ok(walk)
    })
}

/// `lykt placement [--set ITEM=STATUS]`: the checklist with its statuses.
pub fn placement(common: &Common, set: &[String], json: bool, to: &SaveTo) -> Result<(), Failure> {
    let flow = flow(common)?;
    let mut list = lykt_core::minors::PlacementChecklist::default();
    for (item, status) in pairs(set)? {
        flow.set_placement(&mut list, item, status)?;
    }
    let mut shown = Shown::new(common)?;
    let mut screen = shown.open("placement")?;
    for (item, status) in pairs(set)? {
        screen = shown.set(item, status)?;
    }
    let work = SavedWork::new(&screen, &list)?;
    save_or_print(
        common,
        to,
        RecordKind::PlacementChecklist,
        work,
        json,
        || Ok(flow.placement_view(&list, common.instant()?)),
    )
}

/// Splits `ID=VALUE` arguments.
pub fn pairs(args: &[String]) -> Result<Vec<(&str, &str)>, Failure> {
    args.iter()
        .map(|a| {
            a.split_once('=')
                .ok_or_else(|| Failure::Input(format!("\"{a}\" is not ID=STATUS")))
        })
        .collect()
}
