//! The commands: each turns options into core calls and prints the result.

use std::io::Write;

use lykt_core::app::{Clock, Event, Platform};
use lykt_core::contacts::{Audience, ContactListing};
use lykt_core::content::ContentPack;

use crate::Failure;
use crate::options::{Cli, Command, Common, ContentCommand};
use crate::render::wrap;

/// Runs the command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let common = &cli.common;
    match cli.command {
        None => interactive(common, None),
        Some(Command::Info { json: false }) => interactive(common, Some("info")),
        Some(Command::Info { json: true }) => {
            let lykt = common.lykt()?;
            print_json(&lykt_core::victim::all_pages(
                lykt.pack(),
                lykt.locales(),
                common.instant()?,
            ))
        }
        Some(Command::Minors {
            answers: None,
            graph: false,
            ..
        }) => interactive(common, Some("minors")),
        Some(Command::Minors {
            answers,
            graph,
            json,
            save,
        }) => crate::minors_cmd::minors(common, answers.as_deref(), graph, json, &save),
        Some(Command::Placement { set, json, save }) => {
            crate::minors_cmd::placement(common, &set, json, &save)
        }
        Some(Command::Indicators { minor, json }) => {
            crate::toolkit_cmd::indicators(common, minor, json)
        }
        Some(Command::Learn { json }) => crate::toolkit_cmd::learn(common, json),
        Some(Command::Assess { observed: None, .. }) => interactive(common, Some("assess")),
        Some(Command::Assess {
            observed: Some(ids),
            minor,
            setting,
            json,
            save,
        }) => crate::toolkit_cmd::assess(common, &ids, &minor, setting.as_deref(), json, &save),
        Some(Command::Duties {
            role,
            minor,
            danger,
            health_emergency,
            json,
        }) => crate::toolkit_cmd::duties(common, &role, &minor, danger, health_emergency, json),
        Some(Command::Rights {
            minor,
            residence_permit,
            set,
            json,
            save,
            ..
        }) => crate::toolkit_cmd::rights(common, minor, !residence_permit, &set, json, &save),
        Some(Command::Contacts {
            audience,
            search,
            json,
        }) => contacts(common, audience.as_deref(), search.as_deref(), json),
        Some(Command::Contact { id, json }) => contact(common, &id, json),
        Some(Command::Content { command }) => match command {
            ContentCommand::Check { dir } => content_check(dir.as_deref()),
            ContentCommand::Sign { key, out, dir } => crate::packs::sign(&key, &out, &dir),
            ContentCommand::Verify { pack } => crate::packs::verify(&pack),
            ContentCommand::Install { pack } => crate::packs::install(common, &pack),
            ContentCommand::Keygen { out } => crate::packs::keygen(&out),
        },
        Some(Command::Vault { dir, action }) => crate::vault_cmd::run(common, &dir, action),
    }
}

/// The interactive app, on the start screen or on `start`.
fn interactive(common: &Common, start: Option<&str>) -> Result<(), Failure> {
    let lykt = common.lykt()?;
    let mut app = lykt.app(Platform::Terminal);
    if common.at.is_some() {
        app.set_clock(Clock::Fixed(common.instant()?));
    }
    if let Some(target) = start {
        app.dispatch(Event::Open {
            target: target.to_owned(),
        })?;
    }
    let stdin = std::io::stdin();
    crate::interactive::run(app, &mut stdin.lock(), &mut std::io::stdout().lock())
        .map_err(|e| Failure::Input(e.to_string()))
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::Input(e.to_string()))?;
    say!("{text}");
    Ok(())
}

fn contacts(
    common: &Common,
    audience: Option<&str>,
    search: Option<&str>,
    json: bool,
) -> Result<(), Failure> {
    let audience = audience.map(Audience::parse).transpose()?;
    let lykt = common.lykt()?;
    let at = common.instant()?;
    let book = lykt.contact_book();
    let listing = match search {
        Some(q) => book.search(q, audience, at),
        None => book.list(audience, at),
    };
    if json {
        return print_json(&listing);
    }
    print_listing(&listing);
    Ok(())
}

fn print_listing(listing: &ContactListing) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{} (Oslo)", listing.local_time);
    if let Some(notice) = &listing.holiday_notice {
        let _ = writeln!(out, "{}", wrap(notice, "! ", "  "));
    }
    let name_w = listing
        .contacts
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(48);
    let status_w = listing
        .contacts
        .iter()
        .map(|c| c.status_text.chars().count())
        .max()
        .unwrap_or(0);
    for c in &listing.contacts {
        let name: String = c.name.chars().take(name_w).collect();
        let phone = c
            .phones
            .iter()
            .find(|p| !p.abroad)
            .map_or("", |p| p.display.as_str());
        let _ = writeln!(
            out,
            "{name:<name_w$}  {:<status_w$}  {phone}",
            c.status_text
        );
    }
}

fn contact(common: &Common, id: &str, json: bool) -> Result<(), Failure> {
    let lykt = common.lykt()?;
    let at = common.instant()?;
    if json {
        return print_json(&lykt.contact_book().contact(id, at)?);
    }
    // The same screen the apps show, rendered for reading.
    let mut app = lykt.app(Platform::Terminal);
    app.set_clock(Clock::Fixed(at));
    let screen = app
        .dispatch(Event::Open {
            target: format!("contact/{id}"),
        })
        .map_err(|_| lykt_core::Error::UnknownContact { id: id.to_owned() })?
        .screen;
    say_raw!("{}", crate::render::page(&screen));
    Ok(())
}

pub(crate) fn content_check(dir: Option<&std::path::Path>) -> Result<(), Failure> {
    let summary = |p: &ContentPack| (p.meta.pack_version, p.contacts.len());
    let loaded = match dir {
        Some(d) if !d.is_dir() => {
            return Err(Failure::Input(format!("{} is not a folder", d.display())));
        }
        Some(d) => ContentPack::from_dir(d).map(|p| summary(&p)),
        None => ContentPack::embedded().map(|p| summary(&p)),
    };
    match loaded {
        Ok((version, contacts)) => {
            say!("ok: content pack version {version} with {contacts} contacts");
            Ok(())
        }
        Err(errors) => {
            for issue in &errors.0 {
                say!("{issue}");
            }
            say!(
                "{} problem{}",
                errors.0.len(),
                if errors.0.len() == 1 { "" } else { "s" }
            );
            Err(Failure::Findings)
        }
    }
}
