//! Finding secrets in this process's memory, read back from `/proc/self/mem` (Linux).
//!
//! Secrets are held only masked (every byte XOR [`MASK`]), so the scan finds them only where the
//! code under test left them in plain form. Shared by the vault's memory tests, including a unit
//! test inside the crate (which includes this file by path).

use std::fs::File;
use std::io::Read;
use std::os::unix::fs::FileExt;

use ring::rand::{SecureRandom, SystemRandom};
use zeroize::Zeroizing;

const MASK: u8 = 0xA5;

/// A secret held only masked.
pub struct Masked(Vec<u8>);

impl Masked {
    /// The masked form of `bytes` (which the caller then wipes).
    pub fn of(bytes: &[u8]) -> Self {
        Self(bytes.iter().map(|b| b ^ MASK).collect())
    }

    /// A random secret of `len` characters drawn from `alphabet`.
    pub fn random(len: usize, alphabet: &[u8]) -> Self {
        let mut bytes = vec![0; len];
        SystemRandom::new().fill(&mut bytes).expect("random");
        Self(
            bytes
                .iter()
                .map(|b| alphabet[usize::from(*b) % alphabet.len()] ^ MASK)
                .collect(),
        )
    }

    pub fn from_hex(hex: &str) -> Self {
        Self(
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
                .collect(),
        )
    }

    pub fn hex(&self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The plain text, in a buffer wiped when dropped (sized once, never reallocated).
    pub fn reveal(&self) -> Zeroizing<String> {
        let mut s = Zeroizing::new(String::with_capacity(self.0.len()));
        for b in &self.0 {
            s.push(char::from(b ^ MASK));
        }
        s
    }
}

/// How many times the second half of each secret occurs in this process's readable memory.
///
/// The second half, because the allocator writes its own pointers over the first bytes of a freed
/// block. The scan allocates once, up front, so it does not overwrite what it looks for.
pub fn occurrences(secrets: &[&Masked]) -> Vec<usize> {
    let tails: Vec<&[u8]> = secrets.iter().map(|s| &s.0[s.0.len() / 2..]).collect();
    let mut maps = String::with_capacity(1 << 20);
    File::open("/proc/self/maps")
        .and_then(|mut f| f.read_to_string(&mut maps))
        .expect("maps");
    let mem = File::open("/proc/self/mem").expect("mem");
    let mut counts = vec![0; secrets.len()];
    let longest = tails.iter().map(|t| t.len()).max().unwrap_or(0);
    let mut chunk = vec![0u8; 1 << 20];
    for line in maps.lines() {
        let mut fields = line.split_whitespace();
        let (range, perms) = (fields.next().unwrap_or(""), fields.next().unwrap_or(""));
        let name = fields.nth(3).unwrap_or("");
        if !perms.starts_with('r') || name.starts_with("[v") {
            continue;
        }
        let Some((start, end)) = range.split_once('-') else {
            continue;
        };
        let (start, end) = (
            u64::from_str_radix(start, 16).expect("start"),
            u64::from_str_radix(end, 16).expect("end"),
        );
        let mut at = start;
        while at < end {
            let len = usize::try_from((end - at).min(chunk.len() as u64)).expect("len");
            let Ok(read) = mem.read_at(&mut chunk[..len], at) else {
                break;
            };
            if read == 0 {
                break;
            }
            for (count, tail) in counts.iter_mut().zip(&tails) {
                *count += count_masked(&chunk[..read], tail);
            }
            // Overlap the chunks so a secret across a boundary is seen (and counted once).
            let step = if read > longest { read - longest } else { read };
            at += step as u64;
        }
    }
    counts
}

fn count_masked(haystack: &[u8], masked: &[u8]) -> usize {
    let Some((&first, rest)) = masked.split_first() else {
        return 0;
    };
    let first = first ^ MASK;
    let mut n = 0;
    let mut i = 0;
    while i + masked.len() <= haystack.len() {
        if haystack[i] == first
            && rest
                .iter()
                .zip(&haystack[i + 1..])
                .all(|(m, h)| *m == h ^ MASK)
        {
            n += 1;
            i += masked.len();
        } else {
            i += 1;
        }
    }
    n
}
