//! `lykt vault`: the encrypted vault from the terminal. The PIN comes from the first line of
//! standard input, never from arguments or the environment, and is read into a buffer that is
//! wiped. The vault always runs on the system clock: the global `--at` never reaches it.
//!
//! The terminal has no keystore, so it gives the vault no platform secret: what that leaves
//! undetected is in the vault's docs.

use std::path::Path;

use lykt_core::app::Clock;
use lykt_core::saved::{SavedWork, body, kind_label, referral_summary};
use lykt_core::ui_keys::saved as k;
use lykt_core::vault::{Damage, RecordKind, Vault, VaultConfig};
use lykt_core::{Error, Lykt};

use crate::Failure;
use crate::commands::Shown;
use crate::options::{Common, SaveTo, VaultAction};
use crate::printable;
use crate::secret_input::{SecretInput, text};

/// The time for the vault: the system clock, whatever `--at` says.
fn now() -> i64 {
    Clock::System.now().timestamp()
}

fn vault_err(e: lykt_core::vault::VaultError) -> Failure {
    Error::from(e).into()
}

/// Opens the vault and unlocks it with the PIN from the first line of `input`.
fn unlocked(dir: &Path, input: &mut SecretInput, now: i64) -> Result<Vault, Failure> {
    let pin = input.line()?;
    if pin.is_empty() {
        return Err(Failure::Input(
            "the PIN is read from the first line of standard input, and it is empty".into(),
        ));
    }
    let pin = text(&pin, "the PIN")?;
    let mut vault = Vault::open(dir, VaultConfig::default(), now).map_err(vault_err)?;
    vault.unlock(pin, None, now).map_err(vault_err)?;
    Ok(vault)
}

/// Runs one vault command.
pub fn run(common: &Common, dir: &Path, action: VaultAction) -> Result<(), Failure> {
    let lykt: Lykt = common.lykt()?;
    let (ui, l) = (&lykt.pack().ui, lykt.locales());
    let now = now();
    let input = &mut SecretInput::stdin()?;
    match action {
        VaultAction::Init => {
            let pin = input.line()?;
            Vault::create(
                dir,
                text(&pin, "the PIN")?,
                None,
                VaultConfig::default(),
                now,
            )
            .map_err(vault_err)?;
            say!(
                "vault created in {}",
                printable::line(&dir.display().to_string())
            );
            say!("{}", ui.get(k::SAVED_LABEL_WARNING, l));
        }
        VaultAction::Unlock => {
            unlocked(dir, input, now)?;
            say!("the PIN is right; the vault locks again when this command ends");
        }
        VaultAction::AddNote { label } => {
            let mut vault = unlocked(dir, input, now)?;
            let note = input.rest()?;
            let id = vault
                .save(
                    RecordKind::Note,
                    &label,
                    text(&note, "the note")?.trim_end(),
                    now,
                )
                .map_err(vault_err)?;
            say!("{id}");
        }
        VaultAction::List => {
            let listing = unlocked(dir, input, now)?.list(now).map_err(vault_err)?;
            for item in &listing.records {
                say!(
                    "{}  {}  {:<40}  {}",
                    item.id,
                    item.date,
                    kind_label(item.kind, ui, l),
                    printable::line(&item.case_label)
                );
            }
            for item in &listing.damaged {
                say!(
                    "{}  {}  DAMAGED: {} (it can only be deleted)",
                    printable::line(&item.id),
                    printable::line(&item.date),
                    match item.damage {
                        Damage::Unreadable => "altered or damaged on disk",
                        Damage::NotSavedHere => "put into the file from elsewhere",
                        Damage::Missing => "removed from the file outside the app",
                    }
                );
            }
            if listing.records.is_empty() && listing.damaged.is_empty() {
                say!("the vault is empty");
            }
        }
        VaultAction::Show { id } => {
            let r = unlocked(dir, input, now)?
                .get(&id, now)
                .map_err(vault_err)?;
            say!(
                "{}  {}  {}\n\n{}",
                r.date,
                kind_label(r.kind, ui, l),
                printable::line(&r.case_label),
                printable::lines(&body(&r)?)
            );
        }
        VaultAction::Delete { id } => {
            unlocked(dir, input, now)?
                .delete(&id, now)
                .map_err(vault_err)?;
            say!("deleted {}", printable::line(&id));
        }
        VaultAction::Lock => {
            Vault::open(dir, VaultConfig::default(), now).map_err(vault_err)?;
            say!("the vault is locked");
        }
        VaultAction::Wipe { yes } => {
            if !Vault::exists(dir) {
                return Err(vault_err(lykt_core::vault::VaultError::NotFound));
            }
            if !yes {
                say!(
                    "This destroys the vault and everything saved in it, for good. Type yes to go on:"
                );
                if input.line()?.trim_ascii() != b"yes" {
                    return Err(Failure::Input("wipe cancelled; nothing was changed".into()));
                }
            }
            Vault::wipe(dir).map_err(vault_err)?;
            say!("the vault has been wiped");
        }
        VaultAction::Summary { id } => {
            let r = unlocked(dir, input, now)?
                .get(&id, now)
                .map_err(vault_err)?;
            say_raw!("{}", printable::lines(&referral_summary(&r, ui, l)?));
        }
    }
    Ok(())
}

/// Saves `work` to the vault when `--save-to` was given (PIN from standard input); prints the id.
/// Returns whether it saved.
pub fn save(to: &SaveTo, kind: RecordKind, work: &SavedWork) -> Result<bool, Failure> {
    let Some(dir) = &to.save_to else {
        return Ok(false);
    };
    let label = to
        .label
        .as_deref()
        .ok_or_else(|| Failure::Input("--save-to needs --label LABEL".into()))?;
    let now = now();
    let mut vault = unlocked(dir, &mut SecretInput::stdin()?, now)?;
    let id = vault
        .save(kind, label, &work.payload()?, now)
        .map_err(vault_err)?;
    say!("{id}");
    Ok(true)
}

/// Saves the work on `shown`'s screen, built by the core as the app's "Save" builds it, when
/// `--save-to` was given; otherwise prints `view` as JSON, or the text that would be saved.
pub fn save_or_print<T: serde::Serialize>(
    to: &SaveTo,
    shown: &Shown,
    json: bool,
    view: impl FnOnce() -> Result<T, Failure>,
) -> Result<(), Failure> {
    let work = shown.app().work_to_save();
    if to.save_to.is_some() {
        let (kind, work) = work.ok_or_else(|| {
            Failure::Input("there is nothing to save yet: answer until the result is shown".into())
        })?;
        save(to, kind, &work)?;
        Ok(())
    } else if json {
        crate::commands::print_json(&view()?)
    } else {
        let text = work.map_or_else(
            || lykt_core::app::plain::page(&shown.app().current_screen()),
            |(_, w)| w.summary,
        );
        say_raw!("{text}");
        Ok(())
    }
}
