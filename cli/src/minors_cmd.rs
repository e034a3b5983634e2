//! `lykt minors` and `lykt placement`: the minors' decision flow and the placement checklist.

use lykt_core::minors::MinorsFlow;
use lykt_core::saved::SavedWork;
use lykt_core::vault::RecordKind;

use crate::Failure;
use crate::commands::print_json;
use crate::options::{Common, SaveTo};
use crate::vault_cmd::save_or_print;

fn flow(common: &Common) -> Result<MinorsFlow, Failure> {
    let lykt = common.lykt()?;
    Ok(MinorsFlow::new(lykt.pack().clone(), lykt.locales().clone()))
}

/// `lykt minors --answers A,B,C` (the path and collected actions) or `--graph` (for review).
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
    let at = common.instant()?;
    let walk = flow.walk(answers, at)?;
    let summary = flow.summary_text(&walk);
    let data = serde_json::json!({ "answers": answers, "at": walk.at });
    let work = SavedWork { summary, data };
    save_or_print(to, RecordKind::MinorsOutcome, work, json, || Ok(walk), None)
}

/// `lykt placement [--set ITEM=STATUS]`: the checklist with its statuses.
pub fn placement(common: &Common, set: &[String], json: bool, to: &SaveTo) -> Result<(), Failure> {
    let flow = flow(common)?;
    let mut list = flow.placement();
    for (item, status) in pairs(set)? {
        list.set(item, status)?;
    }
    let summary = flow.placement_summary(&list);
    let data = serde_json::to_value(&list).map_err(|e| Failure::Input(e.to_string()))?;
    let work = SavedWork { summary, data };
    save_or_print(
        to,
        RecordKind::PlacementChecklist,
        work,
        json,
        || Ok(flow.placement_view(&list, common.instant()?)),
        None,
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
