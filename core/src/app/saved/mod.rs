//! Saved work in the app: set a PIN, unlock, the list, one item in full, delete one, lock now,
//! wipe everything, write a note, and save a tool's result.
//!
//! Every saved screen passes through one gate: without a vault it asks for a new PIN (twice),
//! while locked it asks for the PIN, and only then shows what it is for; so saving from a tool
//! sets up or unlocks first when needed, and a vault that locks while a screen is shown takes
//! the screen with it. The vault locks after the vault's idle time without any input, when the
//! app was in the background too long, on "Lock now" and on a quick exit; whatever the app held
//! from it (the list, the item shown, what was typed) is then wiped from memory.
//!
//! Slow work runs off the UI thread (see [`work`]). A wipe counts down first, on the same ticks
//! as the quick-exit key, and can be cancelled until it starts; a quick exit cancels it too, and
//! locks instead (a wipe cannot be undone, so it needs the countdown seen to its end).

mod label;
mod screens;
mod work;

use std::path::PathBuf;
use std::sync::Arc;

use zeroize::{Zeroize, Zeroizing};

pub(super) use screens::{busy_screen, screen};
pub use work::{Done, Work};

use self::work::{Busy, Outcome, Slot, Task};
use super::route::SavedRoute;
use super::{App, Effect, Route, ToolkitRoute};
use crate::error::Error;
use crate::saved::SavedWork;
use crate::vault::{Listing, Record, RecordKind, Vault, VaultConfig, VaultError};

/// Seconds a wipe counts down before it starts.
pub const WIPE_COUNTDOWN_SECS: i64 = 5;

/// Where and how the app keeps saved work, as the shell sets it up.
#[derive(Clone)]
pub struct Storage {
    /// The vault's folder, used by nothing else: inside the app's private data folder.
    pub dir: PathBuf,
    /// The secret the platform's keystore holds for the vault (Android Keystore, iOS Keychain);
    /// `None` where there is none, as in the terminal: the PIN alone then protects the vault.
    pub platform_secret: Option<Zeroizing<Vec<u8>>>,
    /// How the vault behaves.
    pub config: VaultConfig,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Storage")
            .field("dir", &self.dir)
            .field("platform_secret", &self.platform_secret.is_some())
            .field("config", &self.config)
            .finish()
    }
}

/// The ids of the fields on saved screens.
pub(super) mod field {
    /// A new PIN.
    pub const NEW_PIN: &str = "new_pin";
    /// The new PIN again.
    pub const PIN_AGAIN: &str = "pin_again";
    /// The PIN that unlocks.
    pub const PIN: &str = "pin";
    /// A case label.
    pub const LABEL: &str = "label";
    /// A note's text.
    pub const NOTE: &str = "note";
}

/// The ids of the buttons on saved screens and on the tools' results.
pub(super) mod button {
    /// Lock now.
    pub const LOCK: &str = "lock";
    /// Start the wipe's countdown.
    pub const WIPE: &str = "wipe";
    /// Cancel a countdown or a deletion.
    pub const CANCEL: &str = "cancel";
    /// Delete the item, for good.
    pub const DELETE: &str = "delete";
    /// Share a summary without names.
    pub const SHARE: &str = super::super::blocks::buttons::SHARE;
    /// Continue a saved checklist.
    pub const CONTINUE: &str = "continue";
}

/// Work to save, waiting for a case label (and for the vault to be set up or unlocked).
#[derive(Debug)]
pub(super) struct Draft {
    pub kind: RecordKind,
    pub work: SavedWork,
}

/// What went wrong with a field's value, shown under it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct FieldError {
    pub field: &'static str,
    pub text: String,
}

/// The saved-work state of an app session, in memory only.
#[derive(Debug, Default)]
pub(crate) struct Saved {
    storage: Option<Storage>,
    slot: Arc<Slot>,
    /// Whether a vault is set up.
    exists: bool,
    /// While unlocked: the moment (unix seconds) the vault locks unless something happens.
    open_until: Option<i64>,
    /// The records, newest first, and the damaged ones, while unlocked.
    listing: Listing,
    /// The item shown in full.
    record: Option<Record>,
    /// The new PIN's first entry, until it is entered again.
    first_pin: Option<Zeroizing<String>>,
    /// A note's text as typed, until it is saved.
    note: Option<Zeroizing<String>>,
    /// The note's text was submitted: its label is asked for.
    note_written: bool,
    /// The label typed so far.
    label: Zeroizing<String>,
    error: Option<FieldError>,
    /// A line for the next saved screen (saved, deleted, wiped, locked).
    notice: Option<String>,
    draft: Option<Draft>,
    /// While a wipe counts down: when it starts (unix seconds).
    wipe_at: Option<i64>,
    /// The job in flight, and its task until the shell takes it.
    job: Option<(u64, Busy, Option<Task>)>,
    jobs: u64,
}

/// Whether the saved screens can show what they are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gate {
    /// No vault yet: set a PIN.
    Create,
    /// Locked: enter the PIN.
    Unlock,
    /// Unlocked.
    Open,
}

impl Saved {
    /// Saved work kept in `storage`, or none at all.
    pub fn new(storage: Option<Storage>) -> Self {
        Self {
            exists: storage.as_ref().is_some_and(|s| Vault::exists(&s.dir)),
            storage,
            ..Self::default()
        }
    }

    /// Whether this session can save at all.
    pub fn available(&self) -> bool {
        self.storage.is_some()
    }

    /// The gate every saved screen passes at `now`.
    pub(super) fn gate(&self, now: i64) -> Gate {
        if !self.exists {
            Gate::Create
        } else if self.open_until.is_some_and(|t| now <= t) {
            Gate::Open
        } else {
            Gate::Unlock
        }
    }

    /// Whether the platform's keystore protects the vault too.
    pub(super) fn has_keystore(&self) -> bool {
        self.storage
            .as_ref()
            .is_some_and(|s| s.platform_secret.is_some())
    }

    fn config(&self) -> Option<&VaultConfig> {
        self.storage.as_ref().map(|s| &s.config)
    }

    /// How many days a record is kept.
    pub(super) fn retention_days(&self) -> u32 {
        self.config()
            .map_or(VaultConfig::default().retention_days, |c| c.retention_days)
    }

    /// How long the vault may stay unlocked without input, in seconds.
    fn idle_secs(&self) -> i64 {
        let secs = self
            .config()
            .map_or(VaultConfig::default().auto_lock_after_secs, |c| {
                c.auto_lock_after_secs
            });
        i64::try_from(secs).unwrap_or(i64::MAX)
    }

    /// Time passes and the person may have done something at `now`: the vault locks when it was
    /// idle too long, and input keeps it open.
    pub fn at(&mut self, now: i64, input: bool) {
        let Some(until) = self.open_until else {
            return;
        };
        if now > until {
            self.lock();
        } else if input {
            self.open_until = Some(now.saturating_add(self.idle_secs()));
            if let Some(mut vault) = self.slot.try_vault()
                && let Some(v) = vault.as_mut()
            {
                v.touch(now);
            }
        }
    }

    /// Locks the vault and forgets everything it gave, and everything typed.
    pub fn lock(&mut self) {
        self.slot.lock_now();
        self.open_until = None;
        self.forget_content();
    }

    /// Everything held from the vault or typed, wiped (records wipe themselves when dropped).
    fn forget_content(&mut self) {
        self.listing = Listing::default();
        self.record = None;
        self.first_pin = None;
        self.note = None;
        self.note_written = false;
        self.label.zeroize();
        self.error = None;
    }

    /// A quick exit: locks, and forgets the work waiting to be saved, the countdown, the job
    /// in flight (whose outcome is then ignored) and every line shown.
    pub fn forget(&mut self) {
        self.lock();
        if let Some(mut d) = self.draft.take() {
            d.work.summary.zeroize();
        }
        self.wipe_at = None;
        self.job = None;
        self.notice = None;
    }

    /// Whether slow work is in flight: the app shows the busy screen.
    pub(super) fn busy(&self) -> Option<Busy> {
        self.job.as_ref().map(|(_, busy, _)| *busy)
    }

    /// Queues `task` and returns the effect asking the shell to run it.
    fn start(&mut self, task: Task) -> Option<Effect> {
        self.jobs += 1;
        self.error = None;
        self.job = Some((self.jobs, task.kind(), Some(task)));
        Some(Effect::Work { job: self.jobs })
    }
}

impl App {
    /// Hands the job `job` over to run off the UI thread.
    pub fn take_work(&mut self, job: u64) -> Result<Work, Error> {
        let (Some(storage), Some((id, _, task))) = (&self.saved.storage, &mut self.saved.job)
        else {
            return Err(no_work(job));
        };
        if *id != job {
            return Err(no_work(job));
        }
        let task = task.take().ok_or_else(|| no_work(job))?;
        Ok(Work {
            job,
            task,
            storage: storage.clone(),
            slot: self.saved.slot.clone(),
            now: self.clock.now().timestamp(),
        })
    }

    /// Takes the outcome of a job and shows where it leads. The outcome of a job the app no
    /// longer waits for (a quick exit came first) changes nothing.
    pub fn finish_work(&mut self, done: Done) -> super::Transition {
        let waited = self
            .saved
            .job
            .as_ref()
            .is_some_and(|(id, _, task)| *id == done.job && task.is_none());
        let effect = if waited {
            self.saved.job = None;
            self.land(done.outcome)
        } else {
            if matches!(done.outcome, Outcome::Opened(Ok(_))) {
                self.saved.slot.lock_now();
            }
            None
        };
        super::Transition {
            screen: self.current_screen(),
            effect,
        }
    }

    /// Takes, runs and finishes job `job` at once, holding the app throughout (the terminal and
    /// tests; phones use the three steps, see [`work`]).
    pub fn run_work(&mut self, job: u64) -> Result<super::Transition, Error> {
        let work = self.take_work(job)?;
        Ok(self.finish_work(work.run()))
    }

    fn land(&mut self, outcome: Outcome) -> Option<Effect> {
        let now = self.clock.now().timestamp();
        match outcome {
            Outcome::Opened(Ok(listing)) => {
                self.saved.exists = true;
                self.saved.listing = listing;
                self.saved.open_until = Some(now.saturating_add(self.saved.idle_secs()));
                None
            }
            Outcome::Opened(Err(e)) => {
                let field = if self.saved.exists {
                    field::PIN
                } else {
                    field::NEW_PIN
                };
                self.saved_failed(field, &e)
            }
            Outcome::Saved(Ok((id, listing))) => {
                self.saved.listing = listing;
                let label = self
                    .saved
                    .listing
                    .records
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| r.case_label.clone())
                    .unwrap_or_default();
                self.saved.label.zeroize();
                self.saved.note = None;
                self.saved.note_written = false;
                let text = self.ctx().fill(k::SAVED_DONE, &[("label", &label)]);
                self.leave_saved_form();
                self.saved.notice = Some(text.clone());
                Some(Effect::Announce { text })
            }
            Outcome::Saved(Err(e)) => self.saved_failed(field::LABEL, &e),
            Outcome::Deleted(Ok(listing)) => {
                self.saved.listing = listing;
                self.saved.record = None;
                while matches!(
                    self.stack.last(),
                    Some(Route::Saved(
                        SavedRoute::Item { .. } | SavedRoute::Delete { .. }
                    ))
                ) {
                    self.pop();
                }
                let text = self.ctx().ui(k::SAVED_DELETED).to_owned();
                self.saved.notice = Some(text.clone());
                Some(Effect::Announce { text })
            }
            Outcome::Deleted(Err(e)) => self.saved_failed(field::LABEL, &e),
            Outcome::Wiped(result) => {
                self.saved.wipe_at = None;
                self.saved.exists = result.is_err()
                    && self
                        .saved
                        .storage
                        .as_ref()
                        .is_some_and(|s| Vault::exists(&s.dir));
                if let Err(e) = result {
                    return self.saved_failed(field::LABEL, &e);
                }
                self.saved.forget_content();
                self.saved.open_until = None;
                self.stack
                    .retain(|r| !matches!(r, Route::Saved(r) if *r != SavedRoute::List));
                if self.stack.last() != Some(&Route::Saved(SavedRoute::List)) {
                    self.push(Route::Saved(SavedRoute::List));
                }
                self.saved.notice = Some(self.ctx().ui(k::SAVED_WIPED).to_owned());
                Some(Effect::ForgetSecret)
            }
        }
    }

    /// After a failed job: the error under `field`, or above the screen; the vault's state as
    /// the error says.
    fn saved_failed(&mut self, field: &'static str, e: &VaultError) -> Option<Effect> {
        match e {
            VaultError::Locked => self.saved.lock(),
            VaultError::ErasedAfterWrongPins | VaultError::NotFound | VaultError::Erased => {
                self.saved.lock();
                self.saved.exists = false;
            }
            _ => {}
        }
        let text = screens::vault_error(&self.ctx(), e);
        self.saved.error = Some(FieldError {
            field,
            text: text.clone(),
        });
        Some(Effect::Announce { text })
    }

    /// Leaves a note or save form once its work is saved.
    fn leave_saved_form(&mut self) {
        if let Some(Route::Saved(SavedRoute::Save { .. } | SavedRoute::Note)) = self.stack.last() {
            self.pop();
        }
        self.saved.draft = None;
    }

    /// Whether the saved route `r` can be opened now.
    pub(super) fn saved_route_exists(&self, r: &SavedRoute) -> bool {
        let s = &self.saved;
        s.available()
            && match r {
                SavedRoute::List | SavedRoute::Note => true,
                SavedRoute::Wipe => s.exists,
                SavedRoute::Item { id } => s.listing.records.iter().any(|x| &x.id == id),
                SavedRoute::Delete { id } => {
                    s.listing.records.iter().any(|x| &x.id == id)
                        || s.listing.damaged.iter().any(|x| &x.id == id)
                }
                SavedRoute::Save { kind } => s.draft.as_ref().is_some_and(|d| d.kind == *kind),
            }
    }

    /// Opening a saved route: an item is read from the vault (quick: one record).
    pub(super) fn open_saved(&mut self, r: &SavedRoute) {
        self.saved.error = None;
        self.saved.notice = None;
        if *r == SavedRoute::Note {
            self.saved.note = None;
            self.saved.note_written = false;
            self.saved.label.zeroize();
        }
        if let SavedRoute::Item { id } = r {
            let now = self.clock.now().timestamp();
            let record = self.saved.slot.vault().as_mut().map(|v| v.get(id, now));
            self.saved.record = None;
            match record {
                Some(Ok(record)) => self.saved.record = Some(record),
                Some(Err(e)) => self.saved.notice = Some(screens::vault_error(&self.ctx(), &e)),
                None => {}
            }
        }
    }

    /// A button on a saved screen.
    pub(super) fn press_saved(&mut self, r: &SavedRoute, id: &str) -> Option<Effect> {
        let now = self.clock.now().timestamp();
        match (r, id) {
            (_, button::LOCK) => {
                self.saved.lock();
                self.saved.notice = Some(self.ctx().ui(k::SAVED_LOCKED).to_owned());
                None
            }
            (SavedRoute::Wipe, button::WIPE) => {
                self.saved.wipe_at = Some(now.saturating_add(WIPE_COUNTDOWN_SECS));
                None
            }
            (SavedRoute::Wipe | SavedRoute::Delete { .. }, button::CANCEL) => {
                self.saved.wipe_at = None;
                self.pop();
                None
            }
            (SavedRoute::Delete { id }, button::DELETE) => {
                self.saved.start(Task::Delete { id: id.clone() })
            }
            (SavedRoute::Item { .. }, button::CONTINUE) => self.continue_saved(),
            (SavedRoute::Item { .. }, button::SHARE) => {
                let record = self.saved.record.as_ref()?;
                let ctx = self.ctx();
                crate::saved::referral_summary(record, &ctx.pack.ui, ctx.locales)
                    .ok()
                    .map(|text| Effect::Share { text })
            }
            _ => None,
        }
    }

    /// A field's value on a saved screen; `submit` when the person submitted it.
    pub(super) fn input_saved(
        &mut self,
        r: &SavedRoute,
        field: &str,
        value: Zeroizing<String>,
        submit: bool,
    ) -> Option<Effect> {
        match field {
            field::LABEL if !submit => {
                self.saved.label = value;
                None
            }
            field::NOTE if !submit => {
                self.saved.note = Some(value);
                None
            }
            _ if !submit => None,
            field::NEW_PIN => {
                self.saved.error = None;
                match Vault::check_new_pin(&value) {
                    Ok(()) => self.saved.first_pin = Some(value),
                    Err(e) => {
                        self.saved.error = Some(FieldError {
                            field: field::NEW_PIN,
                            text: screens::vault_error(&self.ctx(), &e),
                        });
                    }
                }
                None
            }
            field::PIN_AGAIN => match self.saved.first_pin.take() {
                Some(first) if *first == *value => self.saved.start(Task::Create { pin: value }),
                _ => {
                    self.saved.error = Some(FieldError {
                        field: field::NEW_PIN,
                        text: self.ctx().ui(k::SAVED_PIN_MISMATCH).to_owned(),
                    });
                    None
                }
            },
            field::PIN if value.is_empty() => None,
            field::PIN => self.saved.start(Task::Unlock { pin: value }),
            field::NOTE => {
                self.saved.note = Some(value);
                self.saved.note_written = true;
                None
            }
            field::LABEL => self.save_with_label(r, value),
            _ => None,
        }
    }

    /// Saves the draft or the note under `label`, if the label is fit to keep.
    fn save_with_label(&mut self, r: &SavedRoute, label: Zeroizing<String>) -> Option<Effect> {
        if let Err(text) = label::check(&self.ctx(), &label) {
            self.saved.label = label;
            self.saved.error = Some(FieldError {
                field: field::LABEL,
                text,
            });
            return None;
        }
        let (kind, payload) = match r {
            SavedRoute::Note => (
                RecordKind::Note,
                Zeroizing::new(self.saved.note.as_deref().cloned()?),
            ),
            _ => {
                let draft = self.saved.draft.as_ref()?;
                match draft.work.payload() {
                    Ok(p) => (draft.kind, Zeroizing::new(p)),
                    Err(e) => {
                        self.saved.error = Some(FieldError {
                            field: field::LABEL,
                            text: e.to_string(),
                        });
                        return None;
                    }
                }
            }
        };
        self.saved.label = label.clone();
        self.saved.start(Task::Save {
            kind,
            label,
            payload,
        })
    }

    /// Starts saving `work` from a tool: the label form, behind the gate.
    pub(super) fn start_save(&mut self, kind: RecordKind, work: SavedWork) {
        self.saved.draft = Some(Draft { kind, work });
        self.saved.error = None;
        self.saved.label.zeroize();
        self.push(Route::Saved(SavedRoute::Save { kind }));
    }

    /// Takes up the saved checklist shown where it was left, on its own screen.
    fn continue_saved(&mut self) -> Option<Effect> {
        let record = self.saved.record.as_ref()?;
        let kind = record.kind;
        let work: SavedWork = serde_json::from_str(&record.payload).ok()?;
        let taken = match kind {
            RecordKind::RightsChecklist => self
                .toolkit
                .continue_rights(work.data)
                .map(|()| Route::Toolkit(ToolkitRoute::Rights)),
            RecordKind::PlacementChecklist => self
                .minors
                .continue_placement(work.data)
                .map(|()| Route::Placement),
            _ => return None,
        };
        match taken {
            Ok(route) => self.push(route),
            Err(e) => self.saved.notice = Some(e.to_string()),
        }
        None
    }

    /// A tick during a wipe's countdown: the wipe starts when it has run out.
    pub(super) fn tick_saved(&mut self) -> Option<Effect> {
        let at = self.saved.wipe_at?;
        if self.clock.now().timestamp() < at {
            return None;
        }
        self.saved.wipe_at = None;
        self.saved.start(Task::Wipe)
    }
}

fn no_work(job: u64) -> Error {
    Error::InvalidEvent {
        message: format!("no work {job} is waiting to run"),
    }
}

use crate::ui_keys::saved as k;
