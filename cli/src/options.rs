//! Command-line options, and turning them into core inputs.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use lykt_core::calendar::{Instant, parse_instant};
use lykt_core::content::ContentPack;
use lykt_core::ids::Vocabulary;
use lykt_core::toolkit::MinorAnswer;
use lykt_core::{Error, Lykt};

use crate::Failure;

/// Lykt: offline help and information on human trafficking in Norway.
#[derive(Debug, Parser)]
#[command(name = "lykt", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub common: Common,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Common {
    /// Language: en, nb, ro, bg, pl, uk, ru, es, fr, ar, th, vi, zh or tl (the professionals'
    /// tools: en and nb only; default: from LANG, else en).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// The time to show open-now states for, in RFC 3339 (default: now).
    #[arg(long, global = true, value_name = "RFC3339")]
    pub at: Option<String>,
    /// The app's data folder: a content pack installed there is used when newer, and the
    /// interactive app keeps saved work in its `vault` folder (default: the platform's per-user
    /// data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List contacts with their open-now state.
    Contacts {
        /// Only contacts for: victims, minors, professionals or anyone.
        #[arg(long, value_name = "A")]
        audience: Option<String>,
        /// Search names, descriptions and keywords in both languages.
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show one contact.
    Contact {
        /// The contact's id, for example rosa.
        id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check or manage content packs.
    Content {
        #[command(subcommand)]
        command: ContentCommand,
    },
    /// Open the discreet information for you (interactive; x leaves at once), or print every page.
    Info {
        /// Print every page with its blocks and actions as JSON, for review.
        #[arg(long)]
        json: bool,
    },
    /// Children under 18: walk the decision flow with given answers, or print its graph.
    Minors {
        /// Answer ids in order, for example yes,no,unsure (interactive when left out).
        #[arg(long, value_delimiter = ',', value_name = "A,B,C")]
        answers: Option<Vec<String>>,
        /// Print the whole flow for review (JSON).
        #[arg(long)]
        graph: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        save: SaveTo,
    },
    /// The emergency-placement checklist for child-welfare staff.
    Placement {
        /// Item statuses, for example emergency-decision=done (repeatable).
        #[arg(long = "set", value_name = "ITEM=STATUS")]
        set: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        save: SaveTo,
    },
    /// The indicators of the guide's Part 4, as the assessment's checklist shows them.
    Indicators {
        #[command(flatten)]
        minor: Minor,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Learn: what human trafficking is, distinctions, myths, the law.
    Learn {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Sum up observed indicators, without a score (interactive checklist without --observed).
    Assess {
        /// Indicator ids, comma-separated.
        #[arg(long, value_delimiter = ',', value_name = "ID,ID")]
        observed: Option<Vec<String>>,
        #[command(flatten)]
        minor: Minor,
        /// Where the person was met (a setting id from `lykt indicators --json`).
        #[arg(long, value_name = "S")]
        setting: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        save: SaveTo,
    },
    /// Your duties and next steps, with who to contact and whether they are open.
    Duties {
        /// Your role: public (public authority, health and child-welfare staff), on-behalf, or private.
        #[arg(long, value_name = "public|on-behalf|private")]
        role: String,
        #[command(flatten)]
        minor: Minor,
        /// Someone is in immediate danger.
        #[arg(long)]
        danger: bool,
        /// Someone needs healthcare now.
        #[arg(long)]
        health_emergency: bool,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// The rights checklist for one person.
    Rights {
        #[command(flatten)]
        minor: Minor,
        /// The person has no residence permit in Norway (the default lists these rights too,
        /// since residence is not known until answered).
        #[arg(long)]
        no_residence_permit: bool,
        /// The person has a residence permit in Norway: leaves out the rights for people
        /// without one.
        #[arg(long, conflicts_with = "no_residence_permit")]
        residence_permit: bool,
        /// Right statuses, for example legal-aid=informed (repeatable).
        #[arg(long = "set", value_name = "RIGHT=STATUS")]
        set: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        save: SaveTo,
    },
    /// The encrypted vault for saved work. The PIN is read from the first line of standard input.
    Vault {
        /// The vault's folder.
        #[arg(long, value_name = "DIR")]
        dir: PathBuf,
        #[command(subcommand)]
        action: VaultAction,
    },
}

/// Whether the person is under 18: the same question, and the same default, on every command.
#[derive(Debug, Args)]
pub struct Minor {
    /// Is the person under 18? yes, unsure (treated as a child; the default) or no;
    /// `--minor` alone means yes.
    #[arg(
        long = "minor",
        value_name = "yes|unsure|no",
        default_value = "unsure",
        num_args = 0..=1,
        default_missing_value = "yes"
    )]
    pub answer: String,
}

impl Minor {
    /// The answer.
    pub fn answer(&self) -> Result<MinorAnswer, Failure> {
        Ok(MinorAnswer::parse(&self.answer)?)
    }
}

/// Saving a result to the encrypted vault.
#[derive(Debug, Args)]
pub struct SaveTo {
    /// Save to the vault in DIR (the PIN is read from the first line of standard input).
    #[arg(long, value_name = "DIR")]
    pub save_to: Option<PathBuf>,
    /// Case label for the saved item: no names or identity numbers.
    #[arg(long, value_name = "LABEL", requires = "save_to")]
    pub label: Option<String>,
}

/// Vault commands.
#[derive(Debug, Subcommand)]
pub enum VaultAction {
    /// Create a vault protected by the PIN.
    Init,
    /// Check the PIN.
    Unlock,
    /// Save a note under a case label; the note's text is the rest of standard input.
    AddNote {
        /// The case label (no names or identity numbers).
        label: String,
    },
    /// List saved items: id, date, kind, case label.
    List,
    /// Show one saved item.
    Show {
        /// The item's id.
        id: String,
    },
    /// Delete one saved item.
    Delete {
        /// The item's id.
        id: String,
    },
    /// Confirm the vault is locked (it is, whenever no program has it open).
    Lock,
    /// Destroy the vault and everything in it. Needs no PIN; asks for confirmation.
    Wipe {
        /// Do not ask for confirmation.
        #[arg(long)]
        yes: bool,
    },
    /// Print the referral summary of one saved item, to check before sharing (the case label
    /// is left out; a note is your own words and may name someone).
    Summary {
        /// The item's id.
        id: String,
    },
}

/// Content-pack commands.
#[derive(Debug, Subcommand)]
pub enum ContentCommand {
    /// Validate a content folder (default: the pack built into this program).
    Check {
        /// Folder holding pack.json, ui.json, contacts.json, ...
        dir: Option<PathBuf>,
    },
    /// Validate a content folder and write it as one signed pack file.
    Sign {
        /// The signing key (PKCS#8 Ed25519, from `lykt content keygen`).
        #[arg(long, value_name = "KEYFILE")]
        key: PathBuf,
        /// Where to write the pack file.
        #[arg(long, value_name = "PACKFILE")]
        out: PathBuf,
        /// Folder holding the pack's files.
        dir: PathBuf,
    },
    /// Check a pack file's signature and content; exit 1 with the reason if it is refused.
    Verify {
        /// The pack file.
        pack: PathBuf,
    },
    /// Install a pack file into the app's data folder, as the app would.
    Install {
        /// The pack file.
        pack: PathBuf,
    },
    /// Make a new signing key (keep the file offline; commit only the public key).
    Keygen {
        /// Where to write the private key.
        #[arg(long, value_name = "KEYFILE")]
        out: PathBuf,
    },
}

impl Common {
    /// The entry object in the chosen language.
    pub fn lykt(&self) -> Result<Lykt, Failure> {
        let pack = ContentPack::embedded().map_err(Error::from)?;
        let tag = match &self.lang {
            Some(tag) => tag.clone(),
            None => std::env::var("LANG")
                .ok()
                .and_then(|v| v.split('.').next().map(str::to_owned))
                .filter(|t| pack.locales(&[t]).is_ok())
                .unwrap_or_else(|| "en".to_owned()),
        };
        let lykt = Lykt::open(&[tag.as_str()], self.data_dir.as_deref())?;
        drop(pack);
        let asked = tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        let explicit = self.lang.is_some();
        if explicit && lykt.locales().primary() == "en" && asked != "en" {
            let shipped: Vec<String> = lykt
                .pack()
                .all_locales()
                .iter()
                .map(|l| format!("{} ({})", l.id, l.name))
                .collect();
            return Err(Failure::Input(format!(
                "unknown language \"{tag}\"; use one of: {}",
                shipped.join(", ")
            )));
        }
        Ok(lykt)
    }

    /// The instant asked for, or now.
    pub fn instant(&self) -> Result<Instant, Failure> {
        match &self.at {
            Some(value) => Ok(parse_instant(value)?),
            None => Ok(chrono_now()),
        }
    }
}

fn chrono_now() -> Instant {
    lykt_core::app::Clock::System.now()
}
