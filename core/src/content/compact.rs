//! The compact form of a language's strings, shared with the build script (`build.rs` includes
//! this file), so what the build writes and what the core reads cannot drift apart.
//!
//! A language file maps each English text to its translation. The compact form keeps a 64-bit
//! digest of each English text instead of the text itself, which halves the bytes to unpack at
//! start-up and needs no JSON parser: a changed English text has another digest, so its old
//! translation no longer matches and the English shows, as with keys that are the text itself.
//!
//! Layout (little-endian): every translation, sorted by the digest of its English, as UTF-8;
//! then for each, its digest (u64) and the end of its translation in the text (u32); then the
//! number of entries (u32). The text comes first so that reading it needs no copy.

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
    let mut out: Vec<u8> = entries.iter().flat_map(|e| e.2.bytes()).collect();
    let mut end = 0usize;
    for (k, _, tr) in &entries {
        end += tr.len();
        let end = u32::try_from(end).map_err(|_| "the strings are too long".to_owned())?;
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&end.to_le_bytes());
    }
    out.extend_from_slice(&count.to_le_bytes());
    Ok(out)
}

/// A language's strings, looked up by the digest of their English text.
///
/// Each string's UTF-8 is checked when it is looked up, not when the table is read: a start
/// then checks only the strings its first screen shows, and a damaged string reads as missing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Every translation, one after the other, as UTF-8.
    text: Vec<u8>,
    /// Each digest and the end of its translation in `text`, sorted by digest.
    ends: Vec<(u64, usize)>,
}

impl Table {
    /// Reads the compact form, checking every length and the text's encoding.
    pub fn decode(mut raw: Vec<u8>) -> Result<Self, String> {
        let broken = || "the strings are damaged".to_owned();
        let (rest, n) = raw.split_last_chunk::<4>().ok_or_else(broken)?;
        let n = u32::from_le_bytes(*n) as usize;
        let text_len = n
            .checked_mul(12)
            .and_then(|x| rest.len().checked_sub(x))
            .ok_or_else(broken)?;
        let mut ends = Vec::with_capacity(n);
        let mut last: Option<(u64, usize)> = None;
        for entry in rest[text_len..].chunks_exact(12) {
            let (k, e) = entry.split_at(8);
            let k = u64::from_le_bytes(k.try_into().map_err(|_| broken())?);
            let e = u32::from_le_bytes(e.try_into().map_err(|_| broken())?) as usize;
            if last.is_some_and(|(lk, le)| lk >= k || le > e) {
                return Err(broken());
            }
            last = Some((k, e));
            ends.push((k, e));
        }
        raw.truncate(text_len);
        if last.is_some_and(|(_, e)| e != raw.len()) {
            return Err(broken());
        }
        Ok(Self { text: raw, ends })
    }

    /// The translation of the English text with digest `k`.
    pub fn get(&self, k: u64) -> Option<&str> {
        let i = self.ends.binary_search_by_key(&k, |e| e.0).ok()?;
        let start = i.checked_sub(1).map_or(0, |p| self.ends[p].1);
        std::str::from_utf8(self.text.get(start..self.ends[i].1)?).ok()
    }

    /// Every digest and its translation (`None` where the bytes are not UTF-8).
    pub fn entries(&self) -> impl Iterator<Item = (u64, Option<&str>)> {
        let mut start = 0;
        self.ends.iter().map(move |&(k, end)| {
            let s = self
                .text
                .get(start..end)
                .and_then(|b| std::str::from_utf8(b).ok());
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

    /// Sixteen hex digits that change whenever any string changes (what a review records): the
    /// digest of the text and the index, as encoded.
    pub fn fingerprint(&self) -> String {
        let mut bytes = self.text.clone();
        for &(k, end) in &self.ends {
            bytes.extend_from_slice(&k.to_le_bytes());
            bytes.extend_from_slice(&(end as u32).to_le_bytes());
        }
        format!("{:016x}", fnv(&bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_round_trip_and_are_found_by_their_english() {
        let raw = encode([
            ("Call", "Sunați"),
            ("Leave now", "Ieșiți acum"),
            ("Yes", "Da"),
        ])
        .expect("encodes");
        let table = Table::decode(raw.clone()).expect("decodes");
        assert_eq!(table.get(key("Leave now")), Some("Ieșiți acum"));
        assert_eq!(table.get(key("Yes")), Some("Da"));
        assert_eq!(table.get(key("No")), None);
        assert_eq!(table.len(), 3);
        let same = encode([
            ("Yes", "Da"),
            ("Call", "Sunați"),
            ("Leave now", "Ieșiți acum"),
        ]);
        assert_eq!(Table::decode(same.expect("encodes")), Ok(table.clone()));
        let changed = encode([
            ("Call", "Sunați!"),
            ("Leave now", "Ieșiți acum"),
            ("Yes", "Da"),
        ]);
        let changed = Table::decode(changed.expect("encodes")).expect("decodes");
        assert_ne!(changed.fingerprint(), table.fingerprint());
    }

    #[test]
    fn damaged_bytes_are_refused_or_read_as_missing() {
        let raw = encode([("Call", "Sunați"), ("Yes", "Da")]).expect("encodes");
        assert!(Table::decode(raw[..raw.len() - 1].to_vec()).is_err());
        assert!(Table::decode(raw[1..].to_vec()).is_err());
        assert!(Table::decode(Vec::new()).is_err());
        // A byte of a string that is no longer UTF-8: that string reads as missing.
        let mut bad = raw.clone();
        let at = bad.iter().position(|&b| b == 0xc8).expect("the ț");
        bad[at] = 0xff;
        let table = Table::decode(bad).expect("the layout is intact");
        assert_eq!(table.get(key("Call")), None);
        assert_eq!(table.get(key("Yes")), Some("Da"));
    }
}
