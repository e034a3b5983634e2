//! The entry point shells start from: the content pack in the caller's locales.

use std::path::Path;
use std::sync::Arc;

use crate::app::{App, Platform};
use crate::contacts::ContactBook;
use crate::content::{ContentPack, signed};
use crate::error::Error;
use crate::locale::Locales;

/// The content pack in use and the caller's resolved locales.
#[derive(Clone, Debug)]
pub struct Lykt {
    pack: Arc<ContentPack>,
    preferred: Vec<String>,
    locales: Locales,
}

impl Lykt {
    /// Loads the embedded pack and resolves `preferred` locales (e.g. `["nb-NO", "en"]`).
    pub fn new<S: AsRef<str>>(preferred: &[S]) -> Result<Self, Error> {
        Self::open(preferred, None)
    }

    /// Like [`Lykt::new`], using a signed pack installed in `data_dir` when it is newer.
    ///
    /// An installed pack that no longer verifies or validates is ignored.
    pub fn open<S: AsRef<str>>(preferred: &[S], data_dir: Option<&Path>) -> Result<Self, Error> {
        let embedded = ContentPack::embedded()?;
        let installed = data_dir.and_then(|d| signed::load_installed(d, signed::trusted_keys()));
        let pack = match installed {
            Some(p) if p.meta.pack_version > embedded.meta.pack_version => Arc::new(p),
            _ => embedded,
        };
        Self::with_pack(pack, preferred)
    }

    /// Verifies and installs a signed pack into `data_dir`, then uses it.
    ///
    /// On any failure the pack in use stays in use. Returns the new pack version.
    pub fn install_pack(&mut self, data_dir: &Path, bytes: &[u8]) -> Result<u32, Error> {
        let pack = signed::install(
            data_dir,
            bytes,
            self.pack.meta.pack_version,
            signed::trusted_keys(),
        )?;
        let pack = Arc::new(pack);
        let locales = pack.locales(&self.preferred)?;
        let version = pack.meta.pack_version;
        self.pack = pack;
        self.locales = locales;
        Ok(version)
    }

    /// Uses a given pack (for tests and installed packs).
    pub fn with_pack<S: AsRef<str>>(
        pack: Arc<ContentPack>,
        preferred: &[S],
    ) -> Result<Self, Error> {
        let locales = pack.locales(preferred)?;
        let preferred = preferred.iter().map(|s| s.as_ref().to_owned()).collect();
        Ok(Self {
            pack,
            preferred,
            locales,
        })
    }

    /// The contact book in the caller's locales.
    pub fn contact_book(&self) -> ContactBook {
        ContactBook::new(self.pack.clone(), self.locales.clone())
    }

    /// A new app session on the start screen.
    pub fn app(&self, platform: Platform) -> App {
        App::new(self.pack.clone(), self.locales.clone(), platform)
    }

    /// The content pack in use.
    pub fn pack(&self) -> &Arc<ContentPack> {
        &self.pack
    }

    /// The resolved locales.
    pub fn locales(&self) -> &Locales {
        &self.locales
    }
}
