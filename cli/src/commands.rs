//! The commands: each turns options into core calls and prints the result.

use std::path::PathBuf;

use lykt_core::app::{App, Clock, Event, Platform, Screen, Storage, plain};
use lykt_core::contacts::Audience;
use lykt_core::content::ContentPack;
use lykt_core::content::translations::Review;
use lykt_core::ids::Vocabulary;
use lykt_core::toolkit::Residence;
use lykt_core::vault::VaultConfig;

use crate::Failure;
use crate::options::{Cli, Command, Common, ContentCommand};

/// Runs the command line.
pub fn run(cli: Cli) -> Result<(), Failure> {
    let common = &cli.common;
    match cli.command {
        None => interactive(common, None),
        Some(Command::Info { json: false }) => interactive(common, Some("info")),
        Some(Command::Info { json: true }) => {
            let lykt = common.lykt()?;
            print_json(&lykt_core::info::all_pages(
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
            crate::toolkit_cmd::indicators(common, minor.answer()?, json)
        }
        Some(Command::Learn { json }) => crate::toolkit_cmd::learn(common, json),
        Some(Command::Assess { observed: None, .. }) => interactive(common, Some("assess")),
        Some(Command::Assess {
            observed: Some(ids),
            minor,
            setting,
            json,
            save,
        }) => {
            let minor = minor.answer()?;
            crate::toolkit_cmd::assess(common, &ids, minor, setting.as_deref(), json, &save)
        }
        Some(Command::Duties {
            role,
            minor,
            danger,
            health_emergency,
            json,
        }) => {
            let minor = minor.answer()?;
            crate::toolkit_cmd::duties(common, &role, minor, danger, health_emergency, json)
        }
        Some(Command::Rights {
            minor,
            no_residence_permit,
            residence_permit,
            set,
            json,
            save,
        }) => {
            let minor = minor.answer()?;
            // Not given, residence stays unanswered and every right is listed.
            let residence = match (no_residence_permit, residence_permit) {
                (true, _) => Some(Residence::NoPermit),
                (_, true) => Some(Residence::HasPermit),
                _ => None,
            };
            crate::toolkit_cmd::rights(common, minor, residence, &set, json, &save)
        }
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

/// The interactive app, on the start screen or on `start`, with saved work in the data folder's
/// `vault` folder (no keystore: the PIN alone protects it, and the unlock screen says so).
fn interactive(common: &Common, start: Option<&str>) -> Result<(), Failure> {
    let lykt = common.lykt()?;
    let mut app = lykt.app(Platform::Terminal);
    if let Some(data) = common.data_dir.clone().or_else(user_data_dir) {
        app = app.with_storage(Storage {
            dir: data.join("vault"),
            platform_secret: None,
            config: VaultConfig::default(),
        });
    }
    if common.at.is_some() {
        app.set_clock(Clock::Fixed(common.instant()?));
    }
    if let Some(target) = start {
        app.dispatch(Event::Open {
            target: target.to_owned(),
        })?;
    }
    let mut input = crate::lines::Stdin::start();
    crate::interactive::run(app, &mut input, &mut std::io::stdout().lock())
        .map_err(|e| Failure::Input(e.to_string()))
}

/// The platform's usual per-user data folder for the app: `$XDG_DATA_HOME/lykt`, else
/// `~/.local/share/lykt` (`~/Library/Application Support/lykt` on macOS, `%APPDATA%\\lykt` on
/// Windows); none when the environment names no home.
fn user_data_dir() -> Option<PathBuf> {
    let env = |name| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = if cfg!(windows) {
        env("APPDATA")?
    } else if cfg!(target_os = "macos") {
        env("HOME")?.join("Library/Application Support")
    } else {
        env("XDG_DATA_HOME").or_else(|| env("HOME").map(|h| h.join(".local/share")))?
    };
    Some(base.join("lykt"))
}

pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::Input(e.to_string()))?;
    say!("{text}");
    Ok(())
}

/// A session of the app at the command's time, as a one-shot command drives it.
pub(crate) struct Shown {
    app: App,
}

impl Shown {
    /// A new session on the start screen.
    pub fn new(common: &Common) -> Result<Self, Failure> {
        let mut app = common.lykt()?.app(Platform::Terminal);
        app.set_clock(Clock::Fixed(common.instant()?));
        Ok(Self { app })
    }

    /// Sends `event` as a person would by pressing something on the screen.
    pub fn send(&mut self, event: Event) -> Result<Screen, Failure> {
        Ok(self.app.dispatch(event)?.screen)
    }

    /// Follows a link.
    pub fn open(&mut self, target: &str) -> Result<Screen, Failure> {
        self.send(Event::Open {
            target: target.to_owned(),
        })
    }

    /// Answers a question on the screen.
    pub fn choose(&mut self, question: &str, option: &str) -> Result<Screen, Failure> {
        self.send(Event::Choose {
            question: question.to_owned(),
            option: option.to_owned(),
        })
    }

    /// Changes a checklist item's status.
    pub fn set(&mut self, item: &str, status: &str) -> Result<Screen, Failure> {
        self.send(Event::SetStatus {
            item: item.to_owned(),
            status: status.to_owned(),
        })
    }

    /// The app, for what only it can show.
    pub fn app(&self) -> &App {
        &self.app
    }
}

/// Prints screens as the app shows them, for reading.
pub(crate) fn print_screens<'a>(screens: impl IntoIterator<Item = &'a Screen>) {
    for screen in screens {
        say_raw!("{}", plain::page(screen));
    }
}

fn contacts(
    common: &Common,
    audience: Option<&str>,
    search: Option<&str>,
    json: bool,
) -> Result<(), Failure> {
    let audience = audience.map(Audience::parse).transpose()?;
    if json {
        let lykt = common.lykt()?;
        let at = common.instant()?;
        let book = lykt.contact_book();
        return print_json(&match search {
            Some(q) => book.search(q, audience, at),
            None => book.list(audience, at),
        });
    }
    let mut shown = Shown::new(common)?;
    let screen = match search {
        Some(q) => shown.app().contacts_search(audience, q),
        None => {
            let route = lykt_core::app::Route::contacts(audience);
            shown.open(&route.target())?
        }
    };
    print_screens([&screen]);
    Ok(())
}

fn contact(common: &Common, id: &str, json: bool) -> Result<(), Failure> {
    if json {
        let lykt = common.lykt()?;
        return print_json(&lykt.contact_book().contact(id, common.instant()?)?);
    }
    let screen = Shown::new(common)?
        .open(&format!("contact/{id}"))
        .map_err(|_| lykt_core::Error::UnknownContact { id: id.to_owned() })?;
    print_screens([&screen]);
    Ok(())
}

pub(crate) fn content_check(dir: Option<&std::path::Path>) -> Result<(), Failure> {
    let loaded = match dir {
        Some(d) if !d.is_dir() => {
            return Err(Failure::Input(format!("{} is not a folder", d.display())));
        }
        Some(d) => ContentPack::from_dir(d).map(std::sync::Arc::new),
        None => ContentPack::embedded(),
    };
    match loaded.and_then(|p| p.check_translations().map(|()| p)) {
        Ok(p) => {
            say!(
                "ok: content pack version {} with {} contacts",
                p.meta.pack_version,
                p.contacts.len()
            );
            for t in &p.meta.translations {
                let Some(Ok(strings)) = p.translations.catalog(&t.id) else {
                    continue;
                };
                let table = strings.table();
                let review = match &t.review {
                    Review::NotReviewed => "not reviewed".to_owned(),
                    Review::Reviewed { by, on, .. } => format!("reviewed by {by} on {on}"),
                };
                say!(
                    "{} ({}): {} strings, {review}, fingerprint {}",
                    t.id,
                    t.name,
                    table.len(),
                    table.fingerprint()
                );
            }
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
