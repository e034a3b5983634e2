//! The facts a translation keeps exactly: numbers (phone and SMS numbers, hours, days of the
//! month, section numbers, ages, durations) and addresses (web and e-mail).

/// Web addresses the content cites end in one of these.
const DOMAINS: &[&str] = &["no", "com", "org", "int", "net", "eu"];

/// The numbers in `text`, sorted; digits separated by one space are one number, as a phone
/// number is written ("22 33 11 60").
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            current.push(c);
            let space = matches!(chars.peek(), Some(' ' | '\u{a0}' | '\u{202f}'));
            if space {
                let mut ahead = chars.clone();
                ahead.next();
                if ahead.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
            }
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out.sort();
    out
}

/// The web and e-mail addresses in `text`, sorted.
pub fn addresses(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || "./@_+-:%".contains(c)))
        .map(|w| w.trim_matches(|c: char| ".:/-".contains(c)))
        .filter(|w| is_address(w))
        .map(str::to_owned)
        .collect();
    out.sort();
    out
}

fn is_address(word: &str) -> bool {
    let host = word
        .strip_prefix("https://")
        .unwrap_or(word)
        .split('/')
        .next()
        .unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    let mut labels = host.split('.');
    let last = labels.next_back().unwrap_or_default();
    host.contains('.') && DOMAINS.contains(&last) && labels.all(|l| !l.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_one_number_and_other_digits_stay_apart() {
        assert_eq!(
            numbers("Ring 22 33 11 60 eller 112, kl. 08:00–16:00, § 257, 18 år"),
            ["00", "00", "08", "112", "16", "18", "22331160", "257"]
        );
        assert_eq!(numbers("+47 954 11 755"), ["4795411755"]);
        assert_eq!(numbers("五月1日"), ["1"]);
        assert!(numbers("{count} of {needed}").is_empty());
    }

    #[test]
    fn web_and_email_addresses_are_found_without_sentence_punctuation() {
        assert_eq!(
            addresses("Se rosanorge.no, https://udi.no/en/return eller alarm@116111.no."),
            [
                "alarm@116111.no",
                "https://udi.no/en/return",
                "rosanorge.no"
            ]
        );
        assert!(addresses("e.g. a note. St. Olav").is_empty());
        assert_eq!(addresses("(www.116111.no)"), ["www.116111.no"]);
    }
}
