//! Signed content packs: corrected facts installed without an app release, trusting only KOM's key.
//!
//! A pack file is `MAGIC`, a 64-byte Ed25519 signature over `MAGIC` followed by the body, and the
//! body: a JSON object mapping each pack file name to its text. A file larger than
//! [`MAX_PACK_BYTES`] is refused before it is read in full. The signature is checked against the
//! compiled-in keys before anything is parsed; the body must name each pack file at most once and
//! nothing else; then the pack is fully validated; then its version must be newer than the pack
//! in use and than any pack ever installed. Only then is it stored (write, sync, rename, sync the
//! folder), so an interrupted install leaves the old pack in place, and the highest version
//! installed is remembered beside it, so an older signed pack put back in its place is not used.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use ring::signature::{ED25519, Ed25519KeyPair, KeyPair, UnparsedPublicKey};
use serde::de::{Deserializer, MapAccess, Visitor};

use crate::content::check::ContentErrors;
use crate::content::{ContentPack, is_pack_file};

/// First bytes of every pack file.
pub const MAGIC: &[u8; 8] = b"LYKTPK1\n";
const SIGNATURE_LEN: usize = 64;

/// The largest pack file accepted: about ten times the built-in pack.
pub const MAX_PACK_BYTES: usize = 4 * 1024 * 1024;

#[cfg(all(feature = "test-key", not(debug_assertions)))]
compile_error!(
    "the test-key feature trusts the test signing key and must never be in a release build"
);

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

/// The key of the test signing key in `tests/keys/`, trusted only by builds with the `test-key`
/// feature, which the test command turns on and a release build refuses to compile with.
pub const TEST_KEY: [u8; 32] = include!("../../../tests/keys/test-public-key.rs.in");

/// The keys this build trusts.
pub fn trusted_keys() -> &'static [[u8; 32]] {
    if cfg!(feature = "test-key") {
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
    /// Larger than any pack could be; refused before it was read in full.
    #[error("the file is too large to be a Lykt content pack (at most {max_bytes} bytes)")]
    TooLarge {
        /// The largest size accepted.
        max_bytes: usize,
    },
    /// Signed, but it names one pack file twice.
    #[error("the content pack holds \"{0}\" twice")]
    DuplicateMember(String),
    /// Signed, but it holds a file that is not part of a pack.
    #[error("the content pack holds \"{0}\", which is not part of a content pack")]
    UnknownMember(String),
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

/// Reads a pack file, refusing one larger than [`MAX_PACK_BYTES`] without reading it all (a file
/// that never ends, such as `/dev/zero`, included).
pub fn read_file(path: &Path) -> Result<Vec<u8>, UpdateError> {
    let io = |e: std::io::Error| UpdateError::Storage(e.kind().to_string());
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(MAX_PACK_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    check_size(&bytes)?;
    Ok(bytes)
}

fn check_size(bytes: &[u8]) -> Result<(), UpdateError> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(UpdateError::TooLarge {
            max_bytes: MAX_PACK_BYTES,
        });
    }
    Ok(())
}

/// Checks the size and the signature against `keys`, then parses and validates the pack.
pub fn open(bytes: &[u8], keys: &[[u8; 32]]) -> Result<ContentPack, UpdateError> {
    check_size(bytes)?;
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
    let Members(files) = serde_json::from_slice(body).map_err(|_| UpdateError::NotAPack)?;
    let mut seen = BTreeSet::new();
    for (name, _) in &files {
        if !is_pack_file(name) {
            return Err(UpdateError::UnknownMember(name.clone()));
        }
        if !seen.insert(name) {
            return Err(UpdateError::DuplicateMember(name.clone()));
        }
    }
    ContentPack::from_files(&files).map_err(UpdateError::Invalid)
}

/// The body's members in order, duplicates kept (a map would silently keep only the last).
struct Members(Vec<(String, String)>);

impl<'de> serde::Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Members;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object of file names and texts")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Members(entries))
            }
        }
        deserializer.deserialize_map(Entries)
    }
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

/// Where the highest version ever installed is remembered.
fn highest_path(data_dir: &Path) -> PathBuf {
    data_dir.join("content").join("highest-version")
}

/// The highest pack version ever installed in `data_dir` (0 if none).
fn highest_installed(data_dir: &Path) -> u32 {
    fs::read_to_string(highest_path(data_dir))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0)
}

/// Verifies `bytes` and installs them into `data_dir` if newer than `current_version` and than
/// every pack installed there before.
pub fn install(
    data_dir: &Path,
    bytes: &[u8],
    current_version: u32,
    keys: &[[u8; 32]],
) -> Result<ContentPack, UpdateError> {
    let pack = verify(bytes, keys)?;
    let current = current_version.max(highest_installed(data_dir));
    if pack.meta.pack_version <= current {
        return Err(UpdateError::NotNewer {
            offered: pack.meta.pack_version,
            current,
        });
    }
    // The pack first, then the record of its version: a crash between leaves a pack newer than
    // the record, which is used; never a record that refuses the pack in place.
    write_atomically(&installed_path(data_dir), bytes)?;
    write_atomically(
        &highest_path(data_dir),
        pack.meta.pack_version.to_string().as_bytes(),
    )?;
    Ok(pack)
}

/// Writes `bytes` to `target` through a synced temporary file and a rename, then syncs the folder.
fn write_atomically(target: &Path, bytes: &[u8]) -> Result<(), UpdateError> {
    let io = |e: std::io::Error| UpdateError::Storage(e.kind().to_string());
    let dir = target
        .parent()
        .ok_or_else(|| UpdateError::Storage("no folder".into()))?;
    fs::create_dir_all(dir).map_err(io)?;
    let mut temp = target.as_os_str().to_owned();
    temp.push(".partial");
    let temp = PathBuf::from(temp);
    {
        let mut f = File::create(&temp).map_err(io)?;
        f.write_all(bytes).map_err(io)?;
        f.sync_all().map_err(io)?;
    }
    fs::rename(&temp, target).map_err(io)?;
    File::open(dir).and_then(|d| d.sync_all()).map_err(io)
}

/// The installed pack, if one is stored, verifies, is valid and is not older than a pack
/// installed before it.
pub fn load_installed(data_dir: &Path, keys: &[[u8; 32]]) -> Option<ContentPack> {
    let bytes = read_file(&installed_path(data_dir)).ok()?;
    open(&bytes, keys)
        .ok()
        .filter(|pack| pack.meta.pack_version >= highest_installed(data_dir))
}
