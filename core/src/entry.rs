//! The entry point shells start from: the content pack in the caller's locales.

use std::sync::Arc;

use crate::app::{App, Platform};
use crate::contacts::ContactBook;
use crate::content::ContentPack;
use crate::error::Error;
use crate::locale::Locales;

/// The content pack in use and the caller's resolved locales.
#[derive(Clone, Debug)]
pub struct Lykt {
    pack: Arc<ContentPack>,
    locales: Locales,
}

impl Lykt {
    /// Loads the embedded pack and resolves `preferred` locales (e.g. `["nb-NO", "en"]`).
    pub fn new<S: AsRef<str>>(preferred: &[S]) -> Result<Self, Error> {
        let pack = ContentPack::embedded()?;
        Self::with_pack(pack, preferred)
    }

    /// Uses a given pack (for tests and installed packs).
    pub fn with_pack<S: AsRef<str>>(
        pack: Arc<ContentPack>,
        preferred: &[S],
    ) -> Result<Self, Error> {
        let locales = pack.locales(preferred)?;
        Ok(Self { pack, locales })
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
