//! Link targets: the text form of every screen a link can open.

use zeroize::Zeroize;

use crate::contacts::Audience;
use crate::error::Error;

/// A screen the app can show; zeroised when the app forgets it.
#[derive(Clone, Debug, PartialEq, Eq, Zeroize)]
pub enum Route {
    /// The start screen.
    Home,
    /// The professionals' tools menu.
    Tools,
    /// The neutral screen after a quick exit.
    Neutral,
    /// The contact list, optionally for one audience.
    Contacts {
        /// Only contacts for this audience.
        #[zeroize(skip)]
        audience: Option<Audience>,
    },
    /// One contact.
    Contact {
        /// Its id.
        id: String,
    },
    /// The discreet information's start page, listing every page.
    Info,
    /// One page of the discreet information.
    InfoPage {
        /// The page's id.
        id: String,
    },
    /// The minors' decision flow (its open question, or its outcome).
    Minors,
    /// One action card of the minors' flow.
    MinorsCard {
        /// The card's id.
        id: String,
    },
    /// The emergency-placement checklist.
    Placement,
}

impl Route {
    /// Parses a link target such as `contact/rosa`.
    pub fn parse(target: &str) -> Result<Self, Error> {
        let unknown = || Error::UnknownScreen {
            target: target.to_owned(),
        };
        let mut parts = target.split('/');
        let head = parts.next().unwrap_or_default();
        let arg = parts.next();
        if parts.next().is_some() {
            return Err(unknown());
        }
        match (head, arg) {
            ("home", None) => Ok(Self::Home),
            ("tools", None) => Ok(Self::Tools),
            ("neutral", None) => Ok(Self::Neutral),
            ("contacts", None) => Ok(Self::Contacts { audience: None }),
            ("contacts", Some(a)) => Audience::parse(a)
                .map(|a| Self::Contacts { audience: Some(a) })
                .map_err(|_| unknown()),
            ("contact", Some(id)) if !id.is_empty() => Ok(Self::Contact { id: id.to_owned() }),
            ("info", None) => Ok(Self::Info),
            ("info", Some(id)) if !id.is_empty() => Ok(Self::InfoPage { id: id.to_owned() }),
            ("minors", None) => Ok(Self::Minors),
            ("minors", Some(id)) if !id.is_empty() => Ok(Self::MinorsCard { id: id.to_owned() }),
            ("placement", None) => Ok(Self::Placement),
            _ => Err(unknown()),
        }
    }

    /// The link target of this screen.
    pub fn target(&self) -> String {
        match self {
            Self::Home => "home".into(),
            Self::Tools => "tools".into(),
            Self::Neutral => "neutral".into(),
            Self::Contacts { audience: None } => "contacts".into(),
            Self::Contacts { audience: Some(a) } => format!("contacts/{}", a.id()),
            Self::Contact { id } => format!("contact/{id}"),
            Self::Info => "info".into(),
            Self::InfoPage { id } => format!("info/{id}"),
            Self::Minors => "minors".into(),
            Self::MinorsCard { id } => format!("minors/{id}"),
            Self::Placement => "placement".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_round_trip() {
        for t in [
            "home",
            "neutral",
            "contacts",
            "contacts/minors",
            "contact/rosa",
            "info",
            "info/danger",
            "minors",
            "minors/call-112",
            "placement",
        ] {
            assert_eq!(Route::parse(t).map(|r| r.target()), Ok(t.to_owned()));
        }
    }

    #[test]
    fn malformed_targets_are_unknown_screens() {
        for t in [
            "",
            "contacts/aliens",
            "contact",
            "contact/",
            "home/x",
            "contact/a/b",
            "settings",
            "info/",
            "info/a/b",
            "minors/",
            "minors/a/b",
            "placement/x",
        ] {
            assert_eq!(
                Route::parse(t),
                Err(Error::UnknownScreen {
                    target: t.to_owned()
                }),
                "{t:?}"
            );
        }
    }

    #[test]
    fn zeroising_a_route_empties_what_it_held() {
        let mut r = Route::InfoPage {
            id: "danger".into(),
        };
        r.zeroize();
        assert_eq!(r, Route::InfoPage { id: String::new() });
    }
}
