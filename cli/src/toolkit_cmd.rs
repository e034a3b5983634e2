//! `lykt indicators | learn | assess | duties | rights`: the professional toolkit.

use std::io::Write;

use lykt_core::saved::SavedWork;
use lykt_core::toolkit::{
    Answer, Assessment, DutiesInput, MinorAnswer, RightStatus, RightsChecklist, RightsProfile,
    Role, Toolkit,
};
use lykt_core::vault::RecordKind;

use crate::Failure;
use crate::commands::print_json;
use crate::minors_cmd::pairs;
use crate::options::{Common, SaveTo};
use crate::render::wrap;
use crate::vault_cmd::save_or_print;

fn toolkit(common: &Common) -> Result<Toolkit, Failure> {
    let lykt = common.lykt()?;
    Ok(Toolkit::new(lykt.pack().clone(), lykt.locales().clone()))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<serde_json::Value, Failure> {
    serde_json::to_value(value).map_err(|e| Failure::Input(e.to_string()))
}

/// `lykt indicators [--minor]`: the catalogue, grouped as in the guide.
pub fn indicators(common: &Common, minor: bool, json: bool) -> Result<(), Failure> {
    let minor = if minor {
        MinorAnswer::Yes
    } else {
        MinorAnswer::No
    };
    let list = toolkit(common)?.indicators_offered(minor);
    if json {
        return print_json(&list);
    }
    let mut out = std::io::stdout().lock();
    let mut heading = String::new();
    for i in &list {
        let h = to_json(&i.category)?
            .as_str()
            .unwrap_or_default()
            .replace('_', " ");
        if h != heading {
            let _ = writeln!(out, "\n{h}");
            heading = h;
        }
        let _ = writeln!(
            out,
            "{}",
            wrap(&format!("{} [{}]", i.text, i.id), "  - ", "    ")
        );
    }
    Ok(())
}

/// `lykt learn`: every topic in full.
pub fn learn(common: &Common, json: bool) -> Result<(), Failure> {
    let topics = toolkit(common)?.learn_topics();
    if json {
        return print_json(&topics);
    }
    let mut out = std::io::stdout().lock();
    for t in &topics {
        let _ = writeln!(
            out,
            "\n{}\n{}\n{}",
            t.title,
            "=".repeat(t.title.chars().count()),
            wrap(&t.summary, "", "")
        );
        for s in &t.sections {
            if let Some(h) = &s.heading {
                let _ = writeln!(out, "\n{h}");
            }
            for p in &s.paragraphs {
                let _ = writeln!(out, "{}", wrap(p, "", ""));
            }
            for b in &s.bullets {
                let _ = writeln!(out, "{}", wrap(b, "  • ", "    "));
            }
        }
    }
    Ok(())
}

/// `lykt assess --observed ID,ID [--minor yes|unsure|no] [--setting S]`: a summary, never a score.
pub fn assess(
    common: &Common,
    ids: &[String],
    minor: &str,
    setting: Option<&str>,
    json: bool,
    to: &SaveTo,
) -> Result<(), Failure> {
    let toolkit = toolkit(common)?;
    let assessment = Assessment {
        observed: ids.to_vec(),
        minor: MinorAnswer::parse(minor)?,
        setting: setting.map(str::to_owned),
        ..Assessment::default()
    };
    let result = toolkit.assess(&assessment)?;
    let work = SavedWork {
        summary: result.summary.clone(),
        data: to_json(&assessment)?,
    };
    let text = toolkit.assessment_text(&result);
    save_or_print(
        to,
        RecordKind::Assessment,
        work,
        json,
        || Ok(result),
        Some(text),
    )
}

/// `lykt duties --role R [--minor M] [--danger] [--health-emergency]`: ordered steps.
pub fn duties(
    common: &Common,
    role: &str,
    minor: &str,
    danger: bool,
    health: bool,
    json: bool,
) -> Result<(), Failure> {
    let toolkit = toolkit(common)?;
    let input = DutiesInput {
        immediate_danger: danger,
        health_emergency: health,
        ..DutiesInput::new(Role::parse(role)?, MinorAnswer::parse(minor)?)
    };
    let plan = toolkit.duties(&input, common.instant()?);
    if json {
        return print_json(&plan);
    }
    let mut out = std::io::stdout().lock();
    for (n, step) in plan.steps.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n{}. {} [{}]",
            n + 1,
            step.title,
            step.obligation_label
        );
        let _ = writeln!(out, "{}", wrap(&step.action, "   ", "   "));
        let _ = writeln!(out, "{}", wrap(&step.why, "   ", "   "));
        if let Some(law) = &step.legal_basis {
            let _ = writeln!(out, "{}", wrap(law, "   § ", "     "));
        }
        for c in &step.contacts {
            let action = c.actions.first().map_or("", |a| a.label.as_str());
            let _ = writeln!(out, "   → {}: {} ({})", c.name, action, c.status_text);
        }
    }
    Ok(())
}

/// `lykt rights [--minor] [--no-residence-permit] [--set RIGHT=STATUS]`: the checklist.
pub fn rights(
    common: &Common,
    minor: bool,
    no_permit: bool,
    set: &[String],
    json: bool,
    to: &SaveTo,
) -> Result<(), Failure> {
    let toolkit = toolkit(common)?;
    let mut list = RightsChecklist::new(RightsProfile {
        minor,
        no_residence_permit: no_permit,
    });
    for (right, status) in pairs(set)? {
        list.set_status(&toolkit.pack().toolkit, right, RightStatus::parse(status)?)?;
    }
    let view = toolkit.rights_view(&list);
    let work = SavedWork {
        summary: view.summary.clone(),
        data: to_json(&list)?,
    };
    let text = toolkit.rights_text(&view);
    save_or_print(
        to,
        RecordKind::RightsChecklist,
        work,
        json,
        || Ok(view),
        Some(text),
    )
}
