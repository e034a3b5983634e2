//! Which new PINs are accepted.
//!
//! A PIN has at least [`MIN_PIN_CHARS`] characters, digits alone being enough (a phone's PIN
//! pad), and there is no upper limit: a passphrase of any length is welcome. Refused are the
//! PINs anyone tries first: one character repeated or a short block repeated (`111111`,
//! `121212`, `123123`), a straight run up or down (`123456`, `987654`, `abcdef`, with digits
//! running on from 9 to 0 as on a PIN pad) and a short list of the most common PINs and
//! passwords. The checks read the PIN where it is and copy nothing.

use super::error::{Result, VaultError};

/// The fewest characters a PIN may have.
pub const MIN_PIN_CHARS: usize = 6;

/// Common PINs and passwords the patterns below do not already catch, compared without regard
/// to case.
const COMMON: [&str; 22] = [
    "112233",
    "123321",
    "123654",
    "147258",
    "147852",
    "159357",
    "159753",
    "258456",
    "789456",
    "852456",
    "753951",
    "102030",
    "password",
    "password1",
    "passord",
    "qwerty",
    "qwertz",
    "azerty",
    "abc123",
    "iloveyou",
    "letmein",
    "hemmelig",
];

/// Refuses a new PIN that is too short or too easy to guess.
pub(crate) fn check_new_pin(pin: &str) -> Result<()> {
    if pin.chars().count() < MIN_PIN_CHARS {
        return Err(VaultError::PinTooShort {
            min_chars: MIN_PIN_CHARS,
        });
    }
    if repeats_a_block(pin) || is_straight_run(pin) || is_common(pin) {
        return Err(VaultError::PinTooCommon);
    }
    Ok(())
}

/// One character repeated, or a block of at most half the PIN repeated to its end.
fn repeats_a_block(pin: &str) -> bool {
    let len = pin.chars().count();
    (1..=len / 2)
        .filter(|block| len.is_multiple_of(*block))
        .any(|block| {
            pin.chars()
                .zip(pin.chars().skip(block))
                .all(|(a, b)| a == b)
        })
}

/// Each character one more, or each one less, than the one before (digits wrap from 9 to 0).
fn is_straight_run(pin: &str) -> bool {
    let steps = |up: bool| {
        pin.chars().zip(pin.chars().skip(1)).all(|(a, b)| {
            let (from, to) = if up { (a, b) } else { (b, a) };
            match (from.to_digit(10), to.to_digit(10)) {
                (Some(x), Some(y)) => (x + 1) % 10 == y,
                _ => char::from_u32(u32::from(from) + 1) == Some(to),
            }
        })
    };
    steps(true) || steps(false)
}

fn is_common(pin: &str) -> bool {
    COMMON.iter().any(|c| c.eq_ignore_ascii_case(pin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_shorter_than_six_characters_are_refused() {
        assert_eq!(
            check_new_pin("48291"),
            Err(VaultError::PinTooShort { min_chars: 6 })
        );
        assert_eq!(check_new_pin("482916"), Ok(()));
        // Characters, not bytes: six letters of any script are enough.
        assert_eq!(check_new_pin("æøåøæå"), Ok(()));
    }

    #[test]
    fn the_pins_anyone_tries_first_are_refused() {
        for pin in [
            "000000",
            "111111",
            "999999",
            "aaaaaaaa",
            "121212",
            "123123",
            "696969",
            "123456",
            "234567",
            "890123",
            "987654",
            "654321",
            "210987",
            "abcdef",
            "FEDCBA",
            "1234567890",
            "112233",
            "159753",
            "Password",
            "QWERTY",
        ] {
            assert_eq!(check_new_pin(pin), Err(VaultError::PinTooCommon), "{pin}");
        }
    }

    #[test]
    fn other_pins_and_passphrases_of_any_length_are_accepted() {
        let long: String = (0..500).map(|i| format!("word {i}, ")).collect();
        for pin in [
            "482916",
            "135790",
            "1234567891",
            "112211",
            "12345a",
            "blue tram at dawn",
            &long,
        ] {
            assert_eq!(check_new_pin(pin), Ok(()), "{}", &pin[..pin.len().min(20)]);
        }
    }
}
