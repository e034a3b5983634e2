//! Signed content updates: only KOM's key, only valid content, only newer versions, atomic install.

use std::path::{Path, PathBuf};

use lykt_core::Lykt;
use lykt_core::content::signed::{self, TEST_KEY, UpdateError, installed_path};
use lykt_core::content::{EMBEDDED, read_dir};

const TEST_SIGNING_KEY: &[u8] = include_bytes!("../../tests/keys/test-signing-key.pk8");

/// The embedded files and the language files, at `version`, each edited by `edit`.
fn files(version: u32, edit: impl Fn(&mut serde_json::Value, &str)) -> Vec<(String, String)> {
    let languages = read_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content")))
        .expect("the pack's files")
        .into_iter()
        .filter(|(name, _)| name.starts_with("lang/"));
    EMBEDDED
        .iter()
        .map(|(name, text)| ((*name).to_owned(), (*text).to_owned()))
        .chain(languages)
        .map(|(name, text)| {
            let mut v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            if name == "pack.json" {
                v["pack_version"] = version.into();
            }
            edit(&mut v, &name);
            (name, v.to_string())
        })
        .collect()
}

fn signed_pack(version: u32) -> Vec<u8> {
    signed::sign(&files(version, |_, _| {}), TEST_SIGNING_KEY).expect("signs")
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lykt-signed-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Tests that install through the app need it to trust the test key.
fn assert_test_key_trusted() {
    assert!(
        signed::trusted_keys().contains(&TEST_KEY),
        "run with `--features lykt-core/test-key` (scripts/test.sh does)"
    );
}

fn version_in_use(dir: &Path) -> u32 {
    assert_test_key_trusted();
    Lykt::open(&["en"], Some(dir))
        .expect("opens")
        .pack()
        .meta
        .pack_version
}

#[test]
fn a_pack_signed_with_the_test_key_verifies_with_it() {
    let pack = signed::open(&signed_pack(2), &[TEST_KEY]).expect("valid");
    assert_eq!(pack.meta.pack_version, 2);
    assert_eq!(signed::public_key(TEST_SIGNING_KEY), Ok(TEST_KEY));
}

#[test]
fn wrong_key_is_refused() {
    let other = signed::generate_key().expect("key");
    let bytes = signed::sign(&files(2, |_, _| {}), &other).expect("signs");
    assert_eq!(
        signed::open(&bytes, &[TEST_KEY]).map(|_| ()),
        Err(UpdateError::BadSignature)
    );
    // Release builds trust only the production key, which did not sign this.
    assert_eq!(
        signed::open(&signed_pack(2), &[signed::PRODUCTION_KEY]).map(|_| ()),
        Err(UpdateError::BadSignature)
    );
}

#[test]
fn any_flipped_bit_is_refused() {
    let bytes = signed_pack(2);
    // Flip one bit in the magic, the signature, and at several places in the body.
    for index in [3, 8, 40, 71, 72, 100, bytes.len() / 2, bytes.len() - 1] {
        let mut changed = bytes.clone();
        changed[index] ^= 0x10;
        let result = signed::open(&changed, &[TEST_KEY]).map(|_| ());
        assert!(
            matches!(
                result,
                Err(UpdateError::BadSignature | UpdateError::NotAPack)
            ),
            "byte {index}: {result:?}"
        );
    }
}

#[test]
fn truncated_and_foreign_files_are_refused() {
    let bytes = signed_pack(2);
    for len in [0, 5, 8, 40, 71, 72, 200, bytes.len() - 1] {
        let result = signed::open(&bytes[..len], &[TEST_KEY]).map(|_| ());
        assert!(
            matches!(
                result,
                Err(UpdateError::BadSignature | UpdateError::NotAPack)
            ),
            "{len}: {result:?}"
        );
    }
    assert_eq!(
        signed::open(b"{\"pack.json\": {}}", &[TEST_KEY]).map(|_| ()),
        Err(UpdateError::NotAPack)
    );
}

#[test]
fn a_valid_signature_over_invalid_content_is_refused() {
    let broken = files(2, |v, name| {
        if name == "contacts.json" {
            v["contacts"][0]["phones"][0]["dial"] = "11 2".into();
        }
    });
    let bytes = signed::sign(&broken, TEST_SIGNING_KEY).expect("signs");
    match signed::open(&bytes, &[TEST_KEY]) {
        Err(UpdateError::Invalid(errors)) => {
            assert_eq!(errors.0[0].item, "police-emergency");
            assert_eq!(errors.0[0].field, "phones[0].dial");
        }
        other => panic!("expected invalid content, got {:?}", other.map(|_| ())),
    }
}

#[test]
fn only_newer_versions_install_and_the_app_then_uses_them() {
    let dir = temp_dir("versions");
    let embedded = version_in_use(&dir);
    for version in [embedded.saturating_sub(1), embedded] {
        let result =
            signed::install(&dir, &signed_pack(version), embedded, &[TEST_KEY]).map(|_| ());
        assert_eq!(
            result,
            Err(UpdateError::NotNewer {
                offered: version,
                current: embedded
            })
        );
        assert!(
            !installed_path(&dir).exists(),
            "a refused pack is not stored"
        );
    }
    let mut lykt = Lykt::open(&["nb"], Some(&dir)).expect("opens");
    assert_eq!(
        lykt.install_pack(&dir, &signed_pack(embedded + 1)),
        Ok(embedded + 1)
    );
    assert_eq!(lykt.pack().meta.pack_version, embedded + 1);
    assert_eq!(lykt.locales().primary(), "nb");
    assert_eq!(
        version_in_use(&dir),
        embedded + 1,
        "a new start uses the installed pack"
    );
    // The same version again is refused, and the installed pack stays.
    assert!(matches!(
        lykt.install_pack(&dir, &signed_pack(embedded + 1)),
        Err(lykt_core::Error::PackRefused(UpdateError::NotNewer { .. }))
    ));
    assert_eq!(version_in_use(&dir), embedded + 1);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_interrupted_install_leaves_the_old_pack_in_use() {
    let dir = temp_dir("interrupted");
    let embedded = version_in_use(&dir);
    signed::install(&dir, &signed_pack(embedded + 1), embedded, &[TEST_KEY]).expect("installs");
    // A crash while writing the next pack leaves a partial temporary file and no rename.
    let next = signed_pack(embedded + 2);
    std::fs::write(
        installed_path(&dir).with_extension("lyktpack.partial"),
        &next[..next.len() / 2],
    )
    .expect("write");
    assert_eq!(version_in_use(&dir), embedded + 1);
    // The next install replaces the leftover and completes.
    signed::install(&dir, &next, embedded + 1, &[TEST_KEY]).expect("installs");
    assert_eq!(version_in_use(&dir), embedded + 2);
    // A damaged installed file is ignored: the embedded pack is used instead.
    let mut damaged = std::fs::read(installed_path(&dir)).expect("read");
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    std::fs::write(installed_path(&dir), damaged).expect("write");
    assert_eq!(version_in_use(&dir), embedded);
    std::fs::remove_dir_all(&dir).ok();
}

/// Signs `body` as it stands (the JSON text is not rebuilt, so duplicates survive).
fn sign_body(body: &str) -> Vec<u8> {
    let key = ring::signature::Ed25519KeyPair::from_pkcs8(TEST_SIGNING_KEY).expect("key");
    let mut message = signed::MAGIC.to_vec();
    message.extend_from_slice(body.as_bytes());
    let mut out = signed::MAGIC.to_vec();
    out.extend_from_slice(key.sign(&message).as_ref());
    out.extend_from_slice(body.as_bytes());
    out
}

fn body_with(extra: &str) -> String {
    let map: serde_json::Map<String, serde_json::Value> = files(2, |_, _| {})
        .into_iter()
        .map(|(n, t)| (n, serde_json::Value::String(t)))
        .collect();
    let body = serde_json::Value::Object(map).to_string();
    format!("{{{extra}{}", &body[1..])
}

#[test]
fn duplicate_and_unknown_members_are_refused() {
    assert!(signed::open(&sign_body(&body_with("")), &[TEST_KEY]).is_ok());
    let contacts = files(2, |_, _| {})
        .into_iter()
        .find(|(n, _)| n == "contacts.json")
        .expect("contacts")
        .1;
    let duplicate = format!("\"contacts.json\":{},", serde_json::Value::String(contacts));
    assert_eq!(
        signed::open(&sign_body(&body_with(&duplicate)), &[TEST_KEY]).map(|_| ()),
        Err(UpdateError::DuplicateMember("contacts.json".into()))
    );
    assert_eq!(
        signed::open(&sign_body(&body_with("\"notes.txt\":\"hi\",")), &[TEST_KEY]).map(|_| ()),
        Err(UpdateError::UnknownMember("notes.txt".into()))
    );
}

#[test]
fn a_pack_larger_than_the_cap_is_refused_unread() {
    let too_large = Err(UpdateError::TooLarge {
        max_bytes: signed::MAX_PACK_BYTES,
    });
    let big = vec![b' '; signed::MAX_PACK_BYTES + 1];
    assert_eq!(signed::open(&big, &[TEST_KEY]).map(|_| ()), too_large);
    // Read from a file, no more than the cap is ever read.
    let dir = temp_dir("big");
    let path = dir.join("big.lyktpack");
    std::fs::File::create(&path)
        .and_then(|f| f.set_len(1 << 30))
        .expect("a sparse file of 1 GiB");
    assert_eq!(signed::read_file(&path).map(|_| ()), too_large);
    #[cfg(unix)]
    assert_eq!(
        signed::read_file(Path::new("/dev/zero")).map(|_| ()),
        too_large
    );
    let pack = signed_pack(2);
    std::fs::write(&path, &pack).expect("write");
    assert_eq!(signed::read_file(&path), Ok(pack));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_older_pack_put_back_in_place_is_refused() {
    let dir = temp_dir("rollback");
    let embedded = version_in_use(&dir);
    let older = signed_pack(embedded + 1);
    signed::install(&dir, &older, embedded, &[TEST_KEY]).expect("installs");
    signed::install(&dir, &signed_pack(embedded + 2), embedded + 1, &[TEST_KEY]).expect("installs");
    // Someone with the files puts the older (validly signed) pack back.
    std::fs::write(installed_path(&dir), &older).expect("write");
    assert_ne!(
        version_in_use(&dir),
        embedded + 1,
        "the older pack is used again"
    );
    assert!(signed::load_installed(&dir, &[TEST_KEY]).is_none());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_test_key_is_trusted_only_with_its_feature() {
    assert_eq!(
        signed::trusted_keys().contains(&TEST_KEY),
        cfg!(feature = "test-key")
    );
}

#[test]
fn an_installed_pack_brings_its_languages_and_a_wrong_fact_in_one_is_refused() {
    let dir = temp_dir("languages");
    let embedded = version_in_use(&dir);
    let wrong = signed::sign(
        &files(embedded + 1, |v, name| {
            if name == "lang/ro.json" {
                v["Under 18?"] = "Sub 17 ani?".into();
            }
        }),
        TEST_SIGNING_KEY,
    )
    .expect("signs");
    match signed::install(&dir, &wrong, embedded, &[TEST_KEY]) {
        Err(UpdateError::Invalid(errors)) => {
            assert_eq!(errors.0[0].file, "lang/ro.json");
            assert_eq!(errors.0[0].item, "page under-18");
        }
        other => panic!("expected a refusal, got {:?}", other.map(|_| ())),
    }
    assert!(!installed_path(&dir).exists());
    let renamed = signed::sign(
        &files(embedded + 1, |v, name| {
            if name == "lang/ro.json" {
                v["Read more"] = "Aflați mai multe".into();
            }
        }),
        TEST_SIGNING_KEY,
    )
    .expect("signs");
    signed::install(&dir, &renamed, embedded, &[TEST_KEY]).expect("installs");
    let lykt = Lykt::open(&["ro"], Some(&dir)).expect("opens");
    let mut app = lykt.app(lykt_core::app::Platform::Android);
    let start = app
        .dispatch(lykt_core::app::Event::Open {
            target: "info".into(),
        })
        .expect("opens")
        .screen;
    assert!(start.blocks.iter().any(
        |b| matches!(b, lykt_core::app::Block::Heading { text } if text == "Aflați mai multe")
    ));
    std::fs::remove_dir_all(&dir).ok();
}
