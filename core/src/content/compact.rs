//! The compact form of a language's strings, shared with the build script (`build.rs` includes
//! this file), so what the build writes and what the core reads cannot drift apart.
//!
//! A language file maps each English text to its translation. The compact form keeps a 64-bit
//! digest of each English text instead of the text itself, which halves the bytes to unpack at
//! start-up and needs no JSON parser: a changed English text has another digest, so its old
//! translation no longer matches and the English shows, as with keys that are the text itself.
//!
//! Layout (little-endian): the number of entries `n` (u32); `n` times the digest (u64) and the
//! end of its translation in the text (u32), sorted by digest; then every translation, in the
//! same order, as UTF-8.

/// The digest of an English text (FNV-1a, 64 bits).
pub fn key(english: &str) -> u64 {
    fnv(english.as_bytes())
}

/// FNV-1a over `bytes`: fast, stable across builds and platforms, no dependency.
pub fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Encodes (English, translation) pairs; fails when two English texts share a digest.
pub fn encode<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Vec<u8>, String> {
    let mut entries: Vec<(u64, &str, &str)> = pairs
        .into_iter()
        .map(|(en, tr)| (key(en), en, tr))
        .collect();
    entries.sort_by_key(|e| e.0);
    if let Some(w) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(format!(
            "\"{}\" and \"{}\" have the same digest; change one of them slightly",
            w[0].1, w[1].1
        ));
    }
    let count = u32::try_from(entries.len()).map_err(|_| "too many strings".to_owned())?;
    let mut out = Vec::new();
    out.extend_from_slice(&count.to_le_bytes());
    let mut end = 0usize;
    for (k, _, tr) in &entries {
        end += tr.len();
        let end = u32::try_from(end).map_err(|_| "the strings are too long".to_owned())?;
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&end.to_le_bytes());
    }
    for (_, _, tr) in &entries {
        out.extend_from_slice(tr.as_bytes());
    }
    Ok(out)
}

/// A language's strings, looked up by the digest of their English text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Every translation, one after the other.
    text: String,
    /// Each digest and the end of its translation in `text`, sorted by digest.
    ends: Vec<(u64, usize)>,
    /// The digest of the encoded bytes: changes whenever any string changes.
    fingerprint: u64,
}

impl Table {
    /// Reads the compact form, checking every length and the text's encoding.
    pub fn decode(raw: Vec<u8>) -> Result<Self, String> {
        let broken = || "the strings are damaged".to_owned();
        let fingerprint = fnv(&raw);
        let n = raw
            .get(..4)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_le_bytes)
            .ok_or_else(broken)? as usize;
        let start = n
            .checked_mul(12)
            .and_then(|x| x.checked_add(4))
            .ok_or_else(broken)?;
        let index = raw.get(4..start).ok_or_else(broken)?;
        let mut ends = Vec::with_capacity(n);
        let mut last: Option<(u64, usize)> = None;
        for entry in index.chunks_exact(12) {
            let (k, e) = entry.split_at(8);
            let k = u64::from_le_bytes(k.try_into().map_err(|_| broken())?);
            let e = u32::from_le_bytes(e.try_into().map_err(|_| broken())?) as usize;
            if last.is_some_and(|(lk, le)| lk >= k || le > e) {
                return Err(broken());
            }
            last = Some((k, e));
            ends.push((k, e));
        }
        let text = String::from_utf8(raw.get(start..).ok_or_else(broken)?.to_vec())
            .map_err(|_| broken())?;
        let fits = last.is_none_or(|(_, e)| e == text.len())
            && ends.iter().all(|&(_, e)| text.is_char_boundary(e));
        if !fits {
            return Err(broken());
        }
        Ok(Self {
            text,
            ends,
            fingerprint,
        })
    }

    /// The translation of the English text with digest `k`.
    pub fn get(&self, k: u64) -> Option<&str> {
        let i = self.ends.binary_search_by_key(&k, |e| e.0).ok()?;
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p].1);
        self.text.get(start..self.ends[i].1)
    }

    /// Every digest and its translation.
    pub fn entries(&self) -> impl Iterator<Item = (u64, &str)> {
        let mut start = 0;
        self.ends.iter().map(move |&(k, end)| {
            let s = self.text.get(start..end).unwrap_or_default();
            start = end;
            (k, s)
        })
    }

    /// How many strings there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Sixteen hex digits that change whenever any string changes (what a review records).
    pub fn fingerprint(&self) -> String {
        format!("{:016x}", self.fingerprint)
    }
}
