//! Case- and diacritic-insensitive matching, ranked by where a word is found.

/// Lower-cases and strips diacritics: "Grünerløkka" becomes "grunerlokka".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| {
            if b.is_ascii_alphanumeric() {
                char::from(b.to_ascii_lowercase())
            } else {
                ' '
            }
        }));
        return out;
    }
    for c in text.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'a'..='z' | '0'..='9' => out.push(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'ā' | 'Ā'
            | 'ą' | 'Ą' => out.push('a'),
            'æ' | 'Æ' => out.push_str("ae"),
            'ç' | 'Ç' | 'ć' | 'Ć' | 'č' | 'Č' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' | 'ē' | 'Ē' | 'ę' | 'Ę' | 'ě' | 'Ě' => {
                out.push('e')
            }
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => out.push('i'),
            'ñ' | 'Ñ' | 'ń' | 'Ń' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'ő' | 'Ő' => {
                out.push('o')
            }
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'ű' | 'Ű' => out.push('u'),
            'ý' | 'ÿ' | 'Ý' => out.push('y'),
            'ß' => out.push_str("ss"),
            'š' | 'Š' | 'ś' | 'Ś' => out.push('s'),
            'ž' | 'Ž' | 'ź' | 'Ź' | 'ż' | 'Ż' => out.push('z'),
            'ł' | 'Ł' => out.push('l'),
            '\u{0300}'..='\u{036f}' => {} // combining marks
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => out.push(' '),
        }
    }
    out
}

/// How much a field counts when a query word is found in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Weight {
    /// Descriptions.
    Body = 1,
    /// Tags and keywords.
    Tag = 2,
    /// Names.
    Name = 3,
}

/// Pre-folded fields of one searchable item.
#[derive(Clone, Debug, Default)]
pub struct Document {
    fields: Vec<(Weight, String)>,
}

impl Document {
    /// Adds a field.
    pub fn add(&mut self, weight: Weight, text: &str) {
        self.fields.push((weight, format!(" {} ", fold(text))));
    }

    /// The score of a folded query; 0 when some word is missing.
    pub fn score(&self, words: &[String]) -> u32 {
        let mut total = 0;
        for word in words {
            let best = self
                .fields
                .iter()
                .filter_map(|(weight, text)| {
                    let pos = text.find(word.as_str())?;
                    let at_word_start = text.as_bytes().get(pos.wrapping_sub(1)) == Some(&b' ');
                    let whole =
                        at_word_start && text.as_bytes().get(pos + word.len()) == Some(&b' ');
                    Some(*weight as u32 * 10 + u32::from(at_word_start) * 4 + u32::from(whole) * 2)
                })
                .max();
            match best {
                Some(s) => total += s,
                None => return 0,
            }
        }
        total
    }
}

/// Splits a query into folded words; empty when there is nothing to search for.
pub fn query_words(query: &str) -> Vec<String> {
    fold(query).split_whitespace().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_diacritics() {
        assert_eq!(fold("Grünerløkka"), "grunerlokka");
        assert_eq!(fold("Blåkors Ærlig"), "blakors aerlig");
        assert_eq!(fold("116 111"), "116 111");
        assert_eq!(fold("e\u{301}"), "e");
    }

    #[test]
    fn every_word_must_match_and_names_rank_higher() {
        let mut name_hit = Document::default();
        name_hit.add(Weight::Name, "Barnevernvakten");
        let mut body_hit = Document::default();
        body_hit.add(Weight::Name, "Alarmtelefonen");
        body_hit.add(Weight::Body, "Run by the barnevern services");
        let q = query_words("barnevern");
        assert!(name_hit.score(&q) > body_hit.score(&q));
        assert!(body_hit.score(&q) > 0);
        assert_eq!(name_hit.score(&query_words("barnevern oslo")), 0);
    }
}
