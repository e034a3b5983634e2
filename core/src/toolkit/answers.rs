//! The answers a professional gives (age, role, residence, consent), with their ids.

use serde::{Deserialize, Serialize};

use crate::ids::Vocabulary;

/// Whether the person is under 18.
///
/// `Unsure` is the starting answer everywhere (screens, terminal, saved work): the guide says
/// to treat a person as a child until their age is verified.
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

impl Vocabulary for MinorAnswer {
    const FIELD: &'static str = "minor";
    const ALL: &'static [Self] = &[Self::Yes, Self::Unsure, Self::No];
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

impl Vocabulary for Role {
    const FIELD: &'static str = "role";
    const ALL: &'static [Self] = &[Self::Public, Self::OnBehalf, Self::Private];
}

/// A yes-or-no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    /// Yes.
    Yes,
    /// No.
    No,
}

impl YesNo {
    /// True for yes.
    pub fn is_yes(self) -> bool {
        self == Self::Yes
    }
}

impl From<bool> for YesNo {
    fn from(yes: bool) -> Self {
        if yes { Self::Yes } else { Self::No }
    }
}

impl Vocabulary for YesNo {
    const FIELD: &'static str = "answer";
    const ALL: &'static [Self] = &[Self::Yes, Self::No];
}

/// Whether an adult wants help; not asked until they have been.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Consent {
    /// They want help.
    Yes,
    /// They do not.
    No,
    /// They have not been asked.
    #[default]
    NotAsked,
}

impl Consent {
    /// The answer, or `None` while they have not been asked.
    pub fn given(self) -> Option<bool> {
        match self {
            Self::Yes => Some(true),
            Self::No => Some(false),
            Self::NotAsked => None,
        }
    }
}

impl Vocabulary for Consent {
    const FIELD: &'static str = "consent";
    const ALL: &'static [Self] = &[Self::Yes, Self::No, Self::NotAsked];
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

impl Vocabulary for Residence {
    const FIELD: &'static str = "residence";
    const ALL: &'static [Self] = &[Self::NoPermit, Self::HasPermit, Self::Unknown];
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip<A: Vocabulary + PartialEq + std::fmt::Debug>() {
        for a in A::ALL {
            assert!(!a.id().is_empty(), "{a:?} has an id");
            assert_eq!(A::parse(a.id()).ok(), Some(*a));
            assert_eq!(
                serde_json::to_value(a).expect("serialises"),
                serde_json::Value::from(a.id())
            );
        }
    }

    #[test]
    fn ids_are_serde_names_and_round_trip() {
        round_trip::<MinorAnswer>();
        round_trip::<Role>();
        round_trip::<YesNo>();
        round_trip::<Consent>();
        round_trip::<Residence>();
        assert_eq!(Role::OnBehalf.id(), "on-behalf");
        assert_eq!(Consent::NotAsked.id(), "not-asked");
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
    fn unsure_counts_as_a_child() {
        assert!(MinorAnswer::Yes.presumed_minor());
        assert!(MinorAnswer::Unsure.presumed_minor());
        assert!(!MinorAnswer::No.presumed_minor());
        assert_eq!(MinorAnswer::default(), MinorAnswer::Unsure);
    }
}
