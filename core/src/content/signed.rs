//! Signed content packs: corrected facts installed without an app release, trusting only KOM's key.
//!
//! A pack file is `MAGIC`, a 64-byte Ed25519 signature over `MAGIC` followed by the body, and the
//! body: a JSON object mapping each pack file name to its text. The signature is checked against
//! the compiled-in keys before anything is parsed; then the pack is fully validated; then its
//! version must be newer than the pack in use. Only then is it stored (write, sync, rename, sync
//! the folder), so an interrupted install leaves the old pack in place.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use ring::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};

use crate::content::check::ContentErrors;
use crate::content::{ContentPack, is_pack_file};

/// First bytes of every pack file.
pub const MAGIC: &[u8; 8] = b"LYKTPK1\n";
const SIGNATURE_LEN: usize = 64;

/// The public key whose packs release builds install (Ed25519, 32 bytes).
///
/// PLACEHOLDER until KOM hands over its production public key: this key's private half was
/// destroyed when it was made, so release builds install no pack at all until the real key
/// replaces it (see `docs/content-signing.md`). The production private key is never in the
/// repository.
pub const PRODUCTION_KEY: [u8; 32] = [
    0x9d, 0x3b, 0xc9, 0x20, 0xe6, 0x56, 0x1b, 0x3d, 0x02, 0x4d, 0xc0, 0xd5, 0x05, 0x5c, 0xac, 0x31,
    0x27, 0xc6, 0x18, 0xb3, 0xa3, 0x9a, 0x8c, 0xf1, 0x67, 0xe7, 0xb9, 0x99, 0xe4, 0x0d, 0x93, 0xd5,
];

/// The key of the test signing key in `tests/keys/`, trusted by debug builds only, so the terminal
/// and the tests can exercise installs; shipped (release) builds never trust it.
pub const TEST_KEY: [u8; 32] = include!("../../../tests/keys/test-public-key.rs.in");

/// The keys this build trusts.
pub fn trusted_keys() -> &'static [[u8; 32]] {
    if cfg!(debug_assertions) {
        &[PRODUCTION_KEY, TEST_KEY]
    } else {
        &[PRODUCTION_KEY]
    }
}

/// Why a pack was refused. The pack in use stays in use.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UpdateError {
    /// Not a pack file at all, or cut short.
    #[error("this is not a Lykt content pack, or the file is incomplete")]
    NotAPack,
    /// The signature does not match a trusted key (wrong key or changed bytes).
    #[error(
        "the content pack's signature is not valid: it was not signed by KOM's key or it was changed after signing"
    )]
    BadSignature,
    /// Signed, but the content breaks a rule.
    #[error("the content pack is signed but invalid: {0}")]
    Invalid(ContentErrors),
    /// Not newer than the pack in use.
    #[error("the content pack has version {offered}, but version {current} is already in use")]
    NotNewer {
        /// The offered pack's version.
        offered: u32,
        /// The version in use.
        current: u32,
    },
    /// Reading or writing files failed.
    #[error("the content pack could not be stored: {0}")]
    Storage(String),
    /// The signing key could not be read.
    #[error("the signing key is not an Ed25519 PKCS#8 key")]
    BadKey,
}

/// Builds a signed pack file from (name, text) pairs with a PKCS#8 Ed25519 key.
pub fn sign<N: AsRef<str>, T: AsRef<str>>(
    files: &[(N, T)],
    pkcs8: &[u8],
) -> Result<Vec<u8>, UpdateError> {
    let key = Ed25519KeyPair::from_pkcs8(pkcs8).map_err(|_| UpdateError::BadKey)?;
    let map: BTreeMap<&str, &str> = files
        .iter()
        .map(|(n, t)| (n.as_ref(), t.as_ref()))
        .collect();
    let body = serde_json::to_vec(&map).map_err(|e| UpdateError::Storage(e.to_string()))?;
    let mut message = MAGIC.to_vec();
    message.extend_from_slice(&body);
    let signature = key.sign(&message);
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(signature.as_ref());
    out.extend_from_slice(&body);
    Ok(out)
}

/// The public key of a PKCS#8 Ed25519 key.
pub fn public_key(pkcs8: &[u8]) -> Result<[u8; 32], UpdateError> {
    let key = Ed25519KeyPair::from_pkcs8(pkcs8).map_err(|_| UpdateError::BadKey)?;
    key.public_key()
        .as_ref()
        .try_into()
        .map_err(|_| UpdateError::BadKey)
}

/// A new PKCS#8 Ed25519 key (for `lykt content keygen`).
pub fn generate_key() -> Result<Vec<u8>, UpdateError> {
    let rng = ring::rand::SystemRandom::new();
    Ed25519KeyPair::generate_pkcs8(&rng)
        .map(|d| d.as_ref().to_vec())
        .map_err(|_| UpdateError::BadKey)
}

/// Checks the signature against `keys`, then parses and validates the pack.
pub fn open(bytes: &[u8], keys: &[[u8; 32]]) -> Result<ContentPack, UpdateError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(UpdateError::NotAPack)?;
    if rest.len() < SIGNATURE_LEN {
        return Err(UpdateError::NotAPack);
    }
    let (signature, body) = rest.split_at(SIGNATURE_LEN);
    let mut message = MAGIC.to_vec();
    message.extend_from_slice(body);
    if !keys.iter().any(|k| {
        UnparsedPublicKey::new(&ED25519, k)
            .verify(&message, signature)
            .is_ok()
    }) {
        return Err(UpdateError::BadSignature);
    }
    let files: BTreeMap<String, String> =
        serde_json::from_slice(body).map_err(|_| UpdateError::NotAPack)?;
    let files: Vec<(String, String)> = files
        .into_iter()
        .filter(|(name, _)| is_pack_file(name))
        .collect();
    ContentPack::from_files(&files).map_err(UpdateError::Invalid)
}

/// Like [`open`], and every language's strings are read and checked too (see
/// [`ContentPack::check_translations`]): what installing and `lykt content verify` run, once.
pub fn verify(bytes: &[u8], keys: &[[u8; 32]]) -> Result<ContentPack, UpdateError> {
    let pack = open(bytes, keys)?;
    pack.check_translations().map_err(UpdateError::Invalid)?;
    Ok(pack)
}

/// Where an installed pack lives inside the app's data folder.
pub fn installed_path(data_dir: &Path) -> PathBuf {
    data_dir.join("content").join("pack.lyktpack")
}

/// Verifies `bytes` and installs them into `data_dir` if newer than `current_version`.
pub fn install(
    data_dir: &Path,
    bytes: &[u8],
    current_version: u32,
    keys: &[[u8; 32]],
) -> Result<ContentPack, UpdateError> {
    let pack = verify(bytes, keys)?;
    if pack.meta.pack_version <= current_version {
        return Err(UpdateError::NotNewer {
            offered: pack.meta.pack_version,
            current: current_version,
        });
    }
    let target = installed_path(data_dir);
    let dir = target.parent().unwrap_or(data_dir);
    let io = |e: std::io::Error| UpdateError::Storage(e.to_string());
    fs::create_dir_all(dir).map_err(io)?;
    let temp = dir.join("pack.lyktpack.partial");
    {
        let mut f = File::create(&temp).map_err(io)?;
        f.write_all(bytes).map_err(io)?;
        f.sync_all().map_err(io)?;
    }
    fs::rename(&temp, &target).map_err(io)?;
    File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
    Ok(pack)
}

/// The installed pack, if one is stored, verifies and is valid.
pub fn load_installed(data_dir: &Path, keys: &[[u8; 32]]) -> Option<ContentPack> {
    let bytes = fs::read(installed_path(data_dir)).ok()?;
    open(&bytes, keys).ok()
}
