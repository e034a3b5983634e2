//! The answers a professional gives (age, role, residence, right status), with their ids.

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// A closed set of answers with stable ids, as used in files, events and the terminal.
pub trait Answer: Copy + 'static {
    /// The field name used in error messages, for example `minor`.
    const FIELD: &'static str;
    /// Every answer, in display order.
    const ALL: &'static [Self];
    /// The answer's id.
    fn id(self) -> &'static str;

    /// Parses an id, naming the valid ones when it is unknown.
    fn parse(value: &str) -> Result<Self, Error> {
        Self::ALL
            .iter()
            .copied()
            .find(|a| a.id() == value)
            .ok_or_else(|| invalid(Self::FIELD, value, Self::ALL.iter().map(|a| a.id())))
    }
}

/// An [`Error::InvalidValue`] for `field`.
pub(crate) fn invalid<'a>(
    field: &str,
    value: &str,
    valid: impl IntoIterator<Item = &'a str>,
) -> Error {
    Error::InvalidValue {
        field: field.to_owned(),
        value: value.to_owned(),
        valid: valid.into_iter().map(str::to_owned).collect(),
    }
}

/// Parses `yes` or `no` for `field`.
pub fn parse_yes_no(field: &str, value: &str) -> Result<bool, Error> {
    YesNo::ALL
        .iter()
        .find(|a| a.id() == value)
        .map(|a| a.0)
        .ok_or_else(|| invalid(field, value, YesNo::ALL.iter().map(|a| a.id())))
}

/// Whether the person is under 18.
///
/// `Unsure` is the starting answer: the guide says to treat a person as a child
/// until their age is verified.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MinorAnswer {
    /// Under 18.
    Yes,
    /// Not known; treated as a child.
    #[default]
    Unsure,
    /// 18 or over.
    No,
}

impl MinorAnswer {
    /// True when the person is, or must be treated as, a child.
    pub fn presumed_minor(self) -> bool {
        self != Self::No
    }
}

impl Answer for MinorAnswer {
    const FIELD: &'static str = "minor";
    const ALL: &'static [Self] = &[Self::Yes, Self::Unsure, Self::No];
    fn id(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::Unsure => "unsure",
            Self::No => "no",
        }
    }
}

/// The capacity in which the user meets the person; it decides which duties apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Works for a public authority, including health and child-welfare staff.
    Public,
    /// Works for an organisation or private body carrying out tasks for a public authority.
    OnBehalf,
    /// A private individual.
    Private,
}

impl Role {
    /// True when the duty to report to child welfare applies to this role.
    pub fn must_report_to_child_welfare(self) -> bool {
        self != Self::Private
    }
}

impl Answer for Role {
    const FIELD: &'static str = "role";
    const ALL: &'static [Self] = &[Self::Public, Self::OnBehalf, Self::Private];
    fn id(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::OnBehalf => "on-behalf",
            Self::Private => "private",
        }
    }
}

/// A yes-or-no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct YesNo(pub bool);

impl Answer for YesNo {
    const FIELD: &'static str = "answer";
    const ALL: &'static [Self] = &[Self(true), Self(false)];
    fn id(self) -> &'static str {
        if self.0 { "yes" } else { "no" }
    }
}

/// Whether an adult wants help; `None` while they have not been asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Consent(pub Option<bool>);

impl Answer for Consent {
    const FIELD: &'static str = "consent";
    const ALL: &'static [Self] = &[Self(Some(true)), Self(Some(false)), Self(None)];
    fn id(self) -> &'static str {
        match self.0 {
            Some(true) => "yes",
            Some(false) => "no",
            None => "not-asked",
        }
    }
}

/// Whether the person has a residence permit in Norway.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Residence {
    /// No residence permit (EEA citizens included).
    NoPermit,
    /// Holds a residence permit.
    HasPermit,
    /// Not known; the rights that need no permit are listed too, so they can be checked.
    #[default]
    Unknown,
}

impl Residence {
    /// True when rights for people without a residence permit are listed.
    pub fn no_residence_permit(self) -> bool {
        self != Self::HasPermit
    }
}

impl Answer for Residence {
    const FIELD: &'static str = "residence";
    const ALL: &'static [Self] = &[Self::NoPermit, Self::HasPermit, Self::Unknown];
    fn id(self) -> &'static str {
        match self {
            Self::NoPermit => "no-permit",
            Self::HasPermit => "has-permit",
            Self::Unknown => "unknown",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<A: Answer + PartialEq + std::fmt::Debug>() {
        for a in A::ALL {
            assert_eq!(A::parse(a.id()).ok(), Some(*a));
        }
    }

    #[test]
    fn ids_round_trip() {
        round_trip::<MinorAnswer>();
        round_trip::<Role>();
        round_trip::<YesNo>();
        round_trip::<Consent>();
        round_trip::<Residence>();
    }

    #[test]
    fn unknown_values_name_the_field_and_the_valid_ones() {
        let e = Role::parse("doctor").expect_err("not a role");
        assert_eq!(
            e.to_string(),
            "\"doctor\" is not a valid role; use one of: public, on-behalf, private"
        );
        let e = MinorAnswer::parse("maybe").expect_err("not an answer");
        assert!(e.to_string().contains("yes, unsure, no"), "{e}");
    }

    #[test]
    fn serde_ids_match_answer_ids() {
        for r in Role::ALL {
            assert_eq!(
                serde_json::to_value(r).expect("serialises"),
                serde_json::Value::from(r.id())
            );
        }
        for m in MinorAnswer::ALL {
            assert_eq!(
                serde_json::to_value(m).expect("serialises"),
                serde_json::Value::from(m.id())
            );
        }
        for r in Residence::ALL {
            assert_eq!(
                serde_json::to_value(r).expect("serialises"),
                serde_json::Value::from(r.id())
            );
        }
    }

    #[test]
    fn yes_no_names_its_field() {
        assert_eq!(parse_yes_no("minor", "yes").ok(), Some(true));
        assert_eq!(parse_yes_no("minor", "no").ok(), Some(false));
        let e = parse_yes_no("minor", "unsure").expect_err("only yes or no");
        assert_eq!(
            e.to_string(),
            "\"unsure\" is not a valid minor; use one of: yes, no"
        );
    }

    #[test]
    fn unsure_counts_as_a_child() {
        assert!(MinorAnswer::Yes.presumed_minor());
        assert!(MinorAnswer::Unsure.presumed_minor());
        assert!(!MinorAnswer::No.presumed_minor());
        assert_eq!(MinorAnswer::default(), MinorAnswer::Unsure);
    }
}
