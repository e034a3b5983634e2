//! Link targets: the text form of every screen a link can open.

use zeroize::Zeroize;

use crate::contacts::Audience;
use crate::error::Error;
use crate::ids::Vocabulary;
use crate::saved::RecordKind;

/// A screen the app can show; zeroised when the app forgets it.
#[derive(Clone, Debug, PartialEq, Eq, Zeroize)]
pub enum Route {
    /// The start screen.
    Home,
    /// The professionals' tools menu.
    Tools,
    /// The neutral screen after a quick exit.
    Neutral,
    /// The contact list, optionally for one audience, narrowed by what the person typed into its
    /// search field.
    Contacts {
        /// Only contacts for this audience.
        #[zeroize(skip)]
        audience: Option<Audience>,
        /// The search typed so far (empty: the whole list). It lives and dies with this screen:
        /// kept while a contact found is open above it, zeroised when the list is left.
        query: Query,
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
    /// The languages the app is written in, each by its own name.
    Language,
    /// One page of the discreet information in English, for a reader of a translation.
    InfoInEnglish {
        /// The page's id (`start` for the start page).
        id: String,
    },
    /// "Show to the person": the languages the cards are in, each by its own name.
    Show,
    /// The cards in one language.
    ShowCards {
        /// The language's id.
        language: String,
        /// Who the professional said they are (one of `show::WHO`), if they said.
        who: Option<String>,
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
    /// A screen of the professionals' toolkit.
    Toolkit(ToolkitRoute),
    /// A screen of saved work.
    Saved(SavedRoute),
}

/// What a person typed into the contact search. It is never shown anywhere but in its own field:
/// its `Debug` form gives only its length, and it is zeroised with the route that holds it.
#[derive(Clone, Default, PartialEq, Eq, Zeroize)]
pub struct Query(String);

impl Query {
    /// The most characters a search keeps; the field says so to the shell, and a longer value
    /// is cut there.
    pub const MAX_CHARS: usize = 100;

    /// The search as typed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Takes `value` as the new search (cut to [`Self::MAX_CHARS`]), moving its buffer in so no
    /// copy of it is left behind; the old search is zeroised first.
    pub(crate) fn set(&mut self, mut value: zeroize::Zeroizing<String>) {
        self.0.zeroize();
        if let Some((cut, _)) = value.char_indices().nth(Self::MAX_CHARS) {
            value.truncate(cut);
        }
        self.0 = std::mem::take(&mut *value);
    }
}

impl std::fmt::Debug for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Query({} chars)", self.0.chars().count())
    }
}

/// The screens of saved work; each asks for a new PIN or the PIN first when it must.
#[derive(Clone, Debug, PartialEq, Eq, Zeroize)]
pub enum SavedRoute {
    /// Every saved item.
    List,
    /// One item in full.
    Item {
        /// Its id.
        id: String,
    },
    /// Deleting one item: asks first.
    Delete {
        /// Its id.
        id: String,
    },
    /// Writing a note.
    Note,
    /// Wiping everything, with a countdown.
    Wipe,
    /// Saving a tool's result under a case label.
    Save {
        /// What is saved.
        #[zeroize(skip)]
        kind: RecordKind,
    },
}

/// The screens of the professionals' toolkit, which share one person's answers.
#[derive(Clone, Debug, PartialEq, Eq, Zeroize)]
pub enum ToolkitRoute {
    /// The indicator checklist of an assessment.
    Assess,
    /// The assessment's summary and conversation guide.
    AssessResult,
    /// Duties and next steps.
    Duties,
    /// The rights checklist.
    Rights,
    /// One right in full.
    Right {
        /// Its id.
        id: String,
    },
    /// The Learn topics.
    Learn,
    /// One Learn topic.
    LearnTopic {
        /// Its id.
        id: String,
    },
}

impl From<ToolkitRoute> for Route {
    fn from(r: ToolkitRoute) -> Self {
        Self::Toolkit(r)
    }
}

impl Route {
    /// The whole contact list (for one audience, if given), nothing searched yet.
    pub fn contacts(audience: Option<Audience>) -> Self {
        Self::Contacts {
            audience,
            query: Query::default(),
        }
    }

    /// True for the discreet pages a possible victim reads: no one who picks the phone up later
    /// may find them (see `away`).
    pub fn is_discreet(&self) -> bool {
        matches!(
            self,
            Self::Info | Self::InfoPage { .. } | Self::InfoInEnglish { .. }
        )
    }

    /// True for the screens a possible victim may open, which every translation has; the
    /// professionals' tools exist in English and Norwegian only.
    pub fn translated(&self) -> bool {
        matches!(
            self,
            Self::Home
                | Self::Neutral
                | Self::Contacts { .. }
                | Self::Contact { .. }
                | Self::Info
                | Self::InfoPage { .. }
                | Self::InfoInEnglish { .. }
                | Self::Language
        )
    }

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
            ("contacts", None) => Ok(Self::contacts(None)),
            ("contacts", Some(a)) => Audience::parse(a)
                .map(|a| Self::contacts(Some(a)))
                .map_err(|_| unknown()),
            ("contact", Some(id)) if !id.is_empty() => Ok(Self::Contact { id: id.to_owned() }),
            ("info", None) => Ok(Self::Info),
            ("info", Some(id)) if !id.is_empty() => Ok(Self::InfoPage { id: id.to_owned() }),
            ("language", None) => Ok(Self::Language),
            ("info-en", Some(id)) if !id.is_empty() => {
                Ok(Self::InfoInEnglish { id: id.to_owned() })
            }
            ("show", None) => Ok(Self::Show),
            ("show", Some(language)) if !language.is_empty() => Ok(Self::ShowCards {
                language: language.to_owned(),
                who: None,
            }),
            ("minors", None) => Ok(Self::Minors),
            ("minors", Some(id)) if !id.is_empty() => Ok(Self::MinorsCard { id: id.to_owned() }),
            ("placement", None) => Ok(Self::Placement),
            ("assess", None) => Ok(ToolkitRoute::Assess.into()),
            ("assess", Some("result")) => Ok(ToolkitRoute::AssessResult.into()),
            ("duties", None) => Ok(ToolkitRoute::Duties.into()),
            ("rights", None) => Ok(ToolkitRoute::Rights.into()),
            ("rights", Some(id)) if !id.is_empty() => {
                Ok(ToolkitRoute::Right { id: id.to_owned() }.into())
            }
            ("saved", None) => Ok(Self::Saved(SavedRoute::List)),
            ("saved", Some("note")) => Ok(Self::Saved(SavedRoute::Note)),
            ("saved", Some("wipe")) => Ok(Self::Saved(SavedRoute::Wipe)),
            ("saved", Some(id)) if is_record_id(id) => {
                Ok(Self::Saved(SavedRoute::Item { id: id.to_owned() }))
            }
            ("delete", Some(id)) if is_record_id(id) => {
                Ok(Self::Saved(SavedRoute::Delete { id: id.to_owned() }))
            }
            ("save", Some(kind)) => RecordKind::parse(kind)
                .map(|kind| Self::Saved(SavedRoute::Save { kind }))
                .map_err(|_| unknown()),
            ("learn", None) => Ok(ToolkitRoute::Learn.into()),
            ("learn", Some(id)) if !id.is_empty() => {
                Ok(ToolkitRoute::LearnTopic { id: id.to_owned() }.into())
            }
            _ => Err(unknown()),
        }
    }

    /// The link target of this screen.
    pub fn target(&self) -> String {
        match self {
            Self::Home => "home".into(),
            Self::Tools => "tools".into(),
            Self::Neutral => "neutral".into(),
            Self::Contacts { audience: None, .. } => "contacts".into(),
            Self::Contacts {
                audience: Some(a), ..
            } => format!("contacts/{}", a.id()),
            Self::Contact { id } => format!("contact/{id}"),
            Self::Info => "info".into(),
            Self::InfoPage { id } => format!("info/{id}"),
            Self::Language => "language".into(),
            Self::InfoInEnglish { id } => format!("info-en/{id}"),
            Self::Show => "show".into(),
            Self::ShowCards { language, .. } => format!("show/{language}"),
            Self::Minors => "minors".into(),
            Self::MinorsCard { id } => format!("minors/{id}"),
            Self::Placement => "placement".into(),
            Self::Toolkit(r) => match r {
                ToolkitRoute::Assess => "assess".into(),
                ToolkitRoute::AssessResult => "assess/result".into(),
                ToolkitRoute::Duties => "duties".into(),
                ToolkitRoute::Rights => "rights".into(),
                ToolkitRoute::Right { id } => format!("rights/{id}"),
                ToolkitRoute::Learn => "learn".into(),
                ToolkitRoute::LearnTopic { id } => format!("learn/{id}"),
            },
            Self::Saved(r) => match r {
                SavedRoute::List => "saved".into(),
                SavedRoute::Item { id } => format!("saved/{id}"),
                SavedRoute::Delete { id } => format!("delete/{id}"),
                SavedRoute::Note => "saved/note".into(),
                SavedRoute::Wipe => "saved/wipe".into(),
                SavedRoute::Save { kind } => format!("save/{}", kind.id()),
            },
        }
    }
}

/// Whether `id` has the shape of a saved item's id: 32 lowercase hex digits.
fn is_record_id(id: &str) -> bool {
    id.len() == 32
        && id
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
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
            "language",
            "info-en/start",
            "show",
            "show/ar",
            "minors",
            "minors/call-112",
            "placement",
            "assess",
            "assess/result",
            "duties",
            "rights",
            "rights/legal-aid",
            "learn",
            "learn/myths",
            "saved",
            "saved/note",
            "saved/wipe",
            "saved/0123456789abcdef0123456789abcdef",
            "delete/0123456789abcdef0123456789abcdef",
            "save/assessment",
            "save/placement_checklist",
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
            "language/en",
            "info-en",
            "info-en/",
            "show/",
            "show/ar/x",
            "minors/",
            "minors/a/b",
            "placement/x",
            "assess/other",
            "rights/",
            "learn/a/b",
            "saved/x",
            "saved/0123456789ABCDEF0123456789ABCDEF",
            "delete/note",
            "save/everything",
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
    fn a_search_is_cut_to_its_length_zeroised_with_its_route_and_never_printed() {
        let mut r = Route::contacts(None);
        let Route::Contacts { query, .. } = &mut r else {
            unreachable!("built as a contact list")
        };
        query.set(zeroize::Zeroizing::new("å".repeat(Query::MAX_CHARS + 5)));
        assert_eq!(query.as_str().chars().count(), Query::MAX_CHARS);
        query.set(zeroize::Zeroizing::new("rosa".into()));
        assert_eq!(query.as_str(), "rosa");
        assert_eq!(r.target(), "contacts", "a search is never part of a link");
        assert!(!format!("{r:?}").contains("rosa"));
        r.zeroize();
        assert_eq!(r, Route::contacts(None));
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
