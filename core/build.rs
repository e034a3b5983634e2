//! Embeds the content pack minified: whitespace outside strings is dropped, so the library is
//! smaller and start-up parses fewer bytes. The files in `content/` stay readable for review.

use std::path::Path;
use std::{env, fs};

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
    for entry in fs::read_dir("content")? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            println!("cargo::rerun-if-changed={}", path.display());
            let name = path.file_name().ok_or("no file name")?;
            fs::write(out.join(name), minify(&fs::read_to_string(&path)?))?;
        }
    }
    Ok(())
}
