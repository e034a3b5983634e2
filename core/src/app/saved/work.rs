//! Slow work on saved work, run off the shell's UI thread.
//!
//! Checking a PIN (Argon2id), saving (a synced write), deleting (the file is rebuilt) and wiping
//! take longer than a frame. The app never does them inside an event: it shows the busy screen
//! and hands the shell an [`Effect::Work`](crate::app::Effect::Work) with a job number. The shell
//! calls [`App::take_work`](crate::app::App::take_work), runs the [`Work`] on a thread of its
//! own, and hands the [`Done`] back to [`App::finish_work`](crate::app::App::finish_work) (the
//! bindings' `run_work` does all three, holding the app's lock only for the two quick steps). So
//! a quick exit is taken while the work runs: the app forgets the job at once, and the vault is
//! locked as soon as the work lets go of it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use zeroize::Zeroizing;

use super::Storage;
use crate::vault::{Listing, RecordKind, Vault, VaultError};

/// The vault, shared between the app and the work in flight.
#[derive(Debug, Default)]
pub(crate) struct Slot {
    vault: Mutex<Option<Vault>>,
    /// Set by a quick exit while work held the vault: lock it when the work lets go.
    lock_when_free: AtomicBool,
}

impl Slot {
    /// The vault, waiting for work in flight to let go. A panic while it was held left the lock
    /// poisoned; the vault keeps its own state consistent, so it is taken over.
    pub fn vault(&self) -> MutexGuard<'_, Option<Vault>> {
        self.vault.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The vault if no work holds it.
    pub fn try_vault(&self) -> Option<MutexGuard<'_, Option<Vault>>> {
        self.vault.try_lock().ok()
    }

    /// Locks the vault now, or as soon as the work in flight lets go of it.
    pub fn lock_now(&self) {
        self.lock_when_free.store(true, Ordering::SeqCst);
        if let Ok(mut vault) = self.vault.try_lock() {
            self.release(&mut vault);
        }
    }

    /// Locks the vault if a quick exit asked for it while it was held.
    fn release(&self, vault: &mut Option<Vault>) {
        if self.lock_when_free.swap(false, Ordering::SeqCst)
            && let Some(v) = vault.as_mut()
        {
            v.lock();
        }
    }
}

/// What a job does; every secret it carries is wiped when it is dropped.
#[derive(Debug)]
pub(crate) enum Task {
    /// Set up a new vault with this PIN.
    Create { pin: Zeroizing<String> },
    /// Unlock with this PIN.
    Unlock { pin: Zeroizing<String> },
    /// Save a record.
    Save {
        kind: RecordKind,
        label: Zeroizing<String>,
        payload: Zeroizing<String>,
    },
    /// Delete one record.
    Delete { id: String },
    /// Wipe everything (no PIN).
    Wipe,
}

impl Task {
    /// Which kind of work, for the busy screen.
    pub fn kind(&self) -> Busy {
        match self {
            Self::Create { .. } => Busy::Create,
            Self::Unlock { .. } => Busy::Unlock,
            Self::Save { .. } => Busy::Save,
            Self::Delete { .. } => Busy::Delete,
            Self::Wipe => Busy::Wipe,
        }
    }
}

/// What the busy screen says the app is doing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Busy {
    Create,
    Unlock,
    Save,
    Delete,
    Wipe,
}

/// A job taken from the app, to run off the UI thread.
#[derive(Debug)]
pub struct Work {
    pub(super) job: u64,
    pub(super) task: Task,
    pub(super) storage: Storage,
    pub(super) slot: std::sync::Arc<Slot>,
    pub(super) now: i64,
}

/// The outcome of a [`Work`], for [`App::finish_work`](crate::app::App::finish_work).
#[derive(Debug)]
pub struct Done {
    pub(super) job: u64,
    pub(super) outcome: Outcome,
}

/// What the work came to.
#[derive(Debug)]
pub(super) enum Outcome {
    /// The vault is open (created or unlocked): its records.
    Opened(Result<Listing, VaultError>),
    /// Saved: the new record's id and the records.
    Saved(Result<(String, Listing), VaultError>),
    /// Deleted: the records left.
    Deleted(Result<Listing, VaultError>),
    /// Wiped.
    Wiped(Result<(), VaultError>),
}

impl Work {
    /// Does the work. Slow: call it off the UI thread, without holding the app.
    pub fn run(self) -> Done {
        let Self {
            job,
            task,
            storage,
            slot,
            now,
        } = self;
        let mut guard = slot.vault();
        let outcome = run(&mut guard, task, &storage, now);
        slot.release(&mut guard);
        Done { job, outcome }
    }
}

fn run(vault: &mut Option<Vault>, task: Task, storage: &Storage, now: i64) -> Outcome {
    let secret = storage.platform_secret.as_deref().map(Vec::as_slice);
    match task {
        Task::Create { pin } => Outcome::Opened(
            Vault::create(&storage.dir, &pin, secret, storage.config.clone(), now).and_then(
                |mut v| {
                    let list = v.list(now);
                    *vault = Some(v);
                    list
                },
            ),
        ),
        Task::Unlock { pin } => Outcome::Opened(opened(vault, storage, now).and_then(|v| {
            v.unlock(&pin, secret, now)?;
            v.list(now)
        })),
        Task::Save {
            kind,
            label,
            payload,
        } => Outcome::Saved(opened(vault, storage, now).and_then(|v| {
            let id = v.save(kind, &label, &payload, now)?;
            Ok((id, v.list(now)?))
        })),
        Task::Delete { id } => Outcome::Deleted(opened(vault, storage, now).and_then(|v| {
            v.delete(&id, now)?;
            v.list(now)
        })),
        Task::Wipe => Outcome::Wiped(match vault.take() {
            Some(mut v) => v.erase(),
            None => match Vault::wipe(&storage.dir) {
                Err(VaultError::NotFound) => Ok(()),
                other => other,
            },
        }),
    }
}

/// The vault, opened (locked) if it was not yet.
fn opened<'a>(
    vault: &'a mut Option<Vault>,
    storage: &Storage,
    now: i64,
) -> Result<&'a mut Vault, VaultError> {
    if vault.is_none() {
        *vault = Some(Vault::open(&storage.dir, storage.config.clone(), now)?);
    }
    vault.as_mut().ok_or(VaultError::NotFound)
}
