//! Signed content packs: sign, verify, install, and make signing keys.

use std::path::Path;

use lykt_core::content::signed::{self, UpdateError};
use lykt_core::{Error, Lykt};

use crate::Failure;
use crate::options::Common;

fn read(path: &Path) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| cannot_read(path, e.kind()))
}

fn cannot_read(path: &Path, why: impl std::fmt::Display) -> Failure {
    Failure::Input(format!("cannot read {}: {why}", path.display()))
}

/// A pack file, read no further than the largest pack could be; a refusal says why.
fn read_pack(path: &Path) -> Result<Vec<u8>, Failure> {
    match signed::read_file(path) {
        Ok(bytes) => Ok(bytes),
        Err(UpdateError::Storage(why)) => Err(cannot_read(path, why)),
        Err(e) => Err(refused(&e)),
    }
}

fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes)
        .map_err(|e| Failure::Input(format!("cannot write {}: {}", path.display(), e.kind())))
}

/// A refusal: the reason on stdout and exit code 1.
fn refused(e: &UpdateError) -> Failure {
    say!("refused: {e}");
    Failure::Findings
}

/// `lykt content sign --key KEYFILE --out PACKFILE DIR`
pub fn sign(key: &Path, out: &Path, dir: &Path) -> Result<(), Failure> {
    let key = read(key)?;
    crate::commands::content_check(Some(dir))?;
    let files = lykt_core::content::read_dir(dir)
        .map_err(|e| Failure::Input(format!("cannot read {}: {e}", dir.display())))?;
    let bytes = signed::sign(&files, &key).map_err(|e| Failure::Input(e.to_string()))?;
    write_new(out, &bytes)?;
    say!("signed: {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}

/// `lykt content verify PACKFILE`: exit 0 when signature and content are valid, 1 otherwise.
pub fn verify(pack: &Path) -> Result<(), Failure> {
    let bytes = read_pack(pack)?;
    match signed::verify(&bytes, signed::trusted_keys()) {
        Ok(p) => {
            say!(
                "ok: signed content pack version {} with {} contacts",
                p.meta.pack_version,
                p.contacts.len()
            );
            Ok(())
        }
        Err(e) => Err(refused(&e)),
    }
}

/// `lykt content install --data-dir DIR PACKFILE`: as the app would; exit 1 when refused.
pub fn install(common: &Common, pack: &Path) -> Result<(), Failure> {
    let dir = common
        .data_dir
        .as_deref()
        .ok_or_else(|| Failure::Input("install needs --data-dir DIR".into()))?;
    let bytes = read_pack(pack)?;
    let mut lykt = Lykt::open(&["en"], Some(dir))?;
    match lykt.install_pack(dir, &bytes) {
        Ok(version) => {
            say!(
                "installed: content pack version {version} in {}",
                dir.display()
            );
            Ok(())
        }
        Err(Error::PackRefused(e)) => Err(refused(&e)),
        Err(e) => Err(e.into()),
    }
}

/// `lykt content keygen --out KEYFILE`: a new key; prints the public key to compile in.
pub fn keygen(out: &Path) -> Result<(), Failure> {
    if out.exists() {
        return Err(Failure::Input(format!(
            "{} exists; refusing to overwrite a key",
            out.display()
        )));
    }
    let key = signed::generate_key().map_err(|e| Failure::Input(e.to_string()))?;
    let public = signed::public_key(&key).map_err(|e| Failure::Input(e.to_string()))?;
    write_new(out, &key)?;
    let bytes: Vec<String> = public.iter().map(|b| format!("0x{b:02x}")).collect();
    say!("private key written to {} (keep it offline)", out.display());
    say!("public key: [{}]", bytes.join(", "));
    Ok(())
}
