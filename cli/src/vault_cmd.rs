//! `lykt vault`: the encrypted vault from the terminal. The PIN comes from the first line of
//! standard input, never from arguments or the environment.

use std::io::{BufRead, Read};
use std::path::Path;

use lykt_core::saved::{SavedWork, body, kind_label, referral_summary};
use lykt_core::ui_keys::saved as k;
use lykt_core::vault::{RecordKind, Vault, VaultConfig};
use lykt_core::{Error, Lykt};
use zeroize::Zeroizing;

use crate::Failure;
use crate::options::{Common, SaveTo, VaultAction};

/// Reads one line from standard input without its line ending.
fn read_line(input: &mut dyn BufRead) -> Result<Zeroizing<String>, Failure> {
    let mut line = Zeroizing::new(String::new());
    input
        .read_line(&mut line)
        .map_err(|e| Failure::Input(e.to_string()))?;
    let trimmed = Zeroizing::new(line.trim_end_matches(['\n', '\r']).to_owned());
    Ok(trimmed)
}

fn pin(input: &mut dyn BufRead) -> Result<Zeroizing<String>, Failure> {
    let pin = read_line(input)?;
    if pin.is_empty() {
        return Err(Failure::Input(
            "the PIN is read from the first line of standard input, and it is empty".into(),
        ));
    }
    Ok(pin)
}

fn vault_err(e: lykt_core::vault::VaultError) -> Failure {
    Error::from(e).into()
}

/// Opens the vault and unlocks it with the PIN from standard input.
fn unlocked(dir: &Path, input: &mut dyn BufRead, now: i64) -> Result<Vault, Failure> {
    let pin = pin(input)?;
    let mut vault = Vault::open(dir, VaultConfig::default(), now).map_err(vault_err)?;
    vault.unlock(&pin, None, now).map_err(vault_err)?;
    Ok(vault)
}

/// Runs one vault command.
pub fn run(common: &Common, dir: &Path, action: VaultAction) -> Result<(), Failure> {
    let lykt: Lykt = common.lykt()?;
    let (ui, l) = (&lykt.pack().ui, lykt.locales());
    let now = common.instant()?.timestamp();
    let stdin = std::io::stdin();
    let input = &mut stdin.lock();
    match action {
        VaultAction::Init => {
            let pin = pin(input)?;
            Vault::create(dir, &pin, None, VaultConfig::default(), now).map_err(vault_err)?;
            say!("vault created in {}", dir.display());
            say!("{}", ui.get(k::SAVED_LABEL_WARNING, l));
        }
        VaultAction::Unlock => {
            unlocked(dir, input, now)?;
            say!("the PIN is right; the vault locks again when this command ends");
        }
        VaultAction::AddNote { label } => {
            let mut vault = unlocked(dir, input, now)?;
            let mut text = Zeroizing::new(String::new());
            input
                .read_to_string(&mut text)
                .map_err(|e| Failure::Input(e.to_string()))?;
            let id = vault
                .save(RecordKind::Note, &label, text.trim_end(), now)
                .map_err(vault_err)?;
            say!("{id}");
        }
        VaultAction::List => {
            let items = unlocked(dir, input, now)?.list(now).map_err(vault_err)?;
            for item in &items {
                say!(
                    "{}  {}  {:<40}  {}",
                    item.id,
                    item.date,
                    kind_label(item.kind, ui, l),
                    item.case_label
                );
            }
            if items.is_empty() {
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
                r.case_label,
                body(&r)?
            );
        }
        VaultAction::Delete { id } => {
            unlocked(dir, input, now)?
                .delete(&id, now)
                .map_err(vault_err)?;
            say!("deleted {id}");
        }
        VaultAction::Lock => {
            Vault::open(dir, VaultConfig::default(), now).map_err(vault_err)?;
            say!("the vault is locked");
        }
        VaultAction::Wipe { yes } => {
            if !yes {
                say!(
                    "This destroys the vault and everything saved in it, for good. Type yes to go on:"
                );
                if read_line(input)?.trim() != "yes" {
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
            say_raw!("{}", referral_summary(&r, ui, l)?);
        }
    }
    Ok(())
}

/// Saves `work` to the vault when `--save-to` was given (PIN from standard input); prints the id.
/// Returns whether it saved.
pub fn save(
    common: &Common,
    to: &SaveTo,
    kind: RecordKind,
    work: &SavedWork,
) -> Result<bool, Failure> {
    let Some(dir) = &to.save_to else {
        return Ok(false);
    };
    let label = to
        .label
        .as_deref()
        .ok_or_else(|| Failure::Input("--save-to needs --label LABEL".into()))?;
    let now = common.instant()?.timestamp();
    let stdin = std::io::stdin();
    let mut vault = unlocked(dir, &mut stdin.lock(), now)?;
    let id = vault
        .save(kind, label, &work.payload()?, now)
        .map_err(vault_err)?;
    say!("{id}");
    Ok(true)
}

/// Saves `work` when `--save-to` was given; otherwise prints `view` as JSON, or the text that
/// would be saved (the screen it was made from).
pub fn save_or_print<T: serde::Serialize>(
    common: &Common,
    to: &SaveTo,
    kind: RecordKind,
    work: SavedWork,
    json: bool,
    view: impl FnOnce() -> Result<T, Failure>,
) -> Result<(), Failure> {
    if save(common, to, kind, &work)? {
        Ok(())
    } else if json {
        crate::commands::print_json(&view()?)
    } else {
        say_raw!("{}", work.summary);
        Ok(())
    }
}
