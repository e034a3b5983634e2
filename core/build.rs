//! Embeds the content pack minified: whitespace outside strings is dropped, so the library is
//! smaller and start-up parses fewer bytes. The files in `content/` stay readable for review.
//!
//! Each language file in `content/lang/` is embedded in its compact form (see
//! `src/content/compact.rs`), deflated: the core unpacks a language only when a person reads it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

#[allow(dead_code)] // The build writes the compact form; only the core reads it.
#[path = "src/content/compact.rs"]
mod compact;

/// Drops whitespace outside JSON strings; everything else is kept byte for byte.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = Path::new(&env::var("OUT_DIR")?).join("content");
    fs::create_dir_all(&out)?;
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=content/lang");
    println!("cargo::rerun-if-changed=src/content/compact.rs");
    for entry in fs::read_dir("content")? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            println!("cargo::rerun-if-changed={}", path.display());
            let name = path.file_name().ok_or("no file name")?;
            fs::write(out.join(name), minify(&fs::read_to_string(&path)?))?;
        }
    }
    languages(&out)
}

/// Writes each language's deflated compact form and `languages.rs`, the list the core embeds.
fn languages(content: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let out = content.join("lang");
    fs::create_dir_all(&out)?;
    let mut list = String::from("&[\n");
    let mut files: Vec<_> = fs::read_dir("content/lang")?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.sort();
    for path in files {
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".json"))
        else {
            continue;
        };
        println!("cargo::rerun-if-changed={}", path.display());
        let strings: BTreeMap<String, String> = serde_json::from_str(&fs::read_to_string(&path)?)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let raw = compact::encode(strings.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let mut packed = u32::try_from(raw.len())?.to_le_bytes().to_vec();
        packed.extend(miniz_oxide::deflate::compress_to_vec(&raw, 10));
        fs::write(out.join(format!("{id}.bin")), packed)?;
        writeln!(
            list,
            "    (\"{id}\", include_bytes!(concat!(env!(\"OUT_DIR\"), \"/content/lang/{id}.bin\"))),"
        )?;
    }
    list.push(']');
    fs::write(content.join("languages.rs"), list)?;
    Ok(())
}
