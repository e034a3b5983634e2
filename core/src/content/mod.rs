//! The content pack: JSON files embedded at build time, parsed, validated and indexed once.

pub mod check;
pub mod signed;
pub mod source;
pub mod ui;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::contacts::{self, Contact, ContactIndex};
use crate::info::{self, InfoFile};
use crate::locale::{LocaleInfo, Locales};
use crate::minors::{self, Minors};
use crate::text::Text;
use check::{Checker, ContentErrors, ContentIssue, IssueKind};
use source::Source;
use ui::Ui;

/// The schema version this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// The files of a pack, in load order.
pub const FILES: &[&str] = &[
    "pack.json",
    "ui.json",
    "contacts.json",
    "info.json",
    "minors.json",
    "indicators.json",
    "conversation.json",
    "duties.json",
    "rights.json",
    "learn.json",
];

/// The content file `name`, minified by the build script.
macro_rules! embedded {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(env!("OUT_DIR"), "/content/", $name)),
        )
    };
}

/// The pack compiled into the binary (minified at build time).
pub const EMBEDDED: &[(&str, &str)] = &[
    embedded!("pack.json"),
    embedded!("ui.json"),
    embedded!("contacts.json"),
    embedded!("info.json"),
    embedded!("minors.json"),
    embedded!("indicators.json"),
    embedded!("conversation.json"),
    embedded!("duties.json"),
    embedded!("rights.json"),
    embedded!("learn.json"),
];

static EMBEDDED_PACK: LazyLock<Result<Arc<ContentPack>, ContentErrors>> =
    LazyLock::new(|| ContentPack::from_files(EMBEDDED).map(Arc::new));

/// `pack.json`: versions, locales and sources.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// Version of the file format.
    pub schema_version: u32,
    /// Version of the content; a newer pack has a larger number.
    pub pack_version: u32,
    /// Date the content was last reviewed (YYYY-MM-DD).
    pub reviewed: String,
    /// Shipped locales; `en` first.
    pub locales: Vec<LocaleInfo>,
    /// Names of the languages services are offered in, by language id.
    pub language_names: BTreeMap<String, Text>,
    /// The documents content is cited from.
    pub sources: Vec<Source>,
}

#[derive(Deserialize)]
struct SchemaProbe {
    schema_version: u32,
}

/// A loaded, validated and indexed content pack.
#[derive(Debug)]
pub struct ContentPack {
    /// Versions, locales and sources.
    pub meta: PackMeta,
    /// Interface strings.
    pub ui: Ui,
    /// Every contact, in display order.
    pub contacts: Vec<Contact>,
    pub(crate) contact_index: ContactIndex,
    /// The discreet information pages, in file order.
    pub info_pages: Vec<info::Page>,
    /// The minors' flow and the emergency-placement checklist.
    pub minors: Minors,
    /// Indicators, conversation guide, duties, rights and Learn.
    pub toolkit: crate::toolkit::content::ToolkitContent,
}

impl ContentPack {
    /// The embedded pack, loaded on first use and shared.
    pub fn embedded() -> Result<Arc<Self>, ContentErrors> {
        EMBEDDED_PACK.clone()
    }

    /// Loads a pack from (file name, JSON text) pairs.
    pub fn from_files<N: AsRef<str>, T: AsRef<str>>(
        files: &[(N, T)],
    ) -> Result<Self, ContentErrors> {
        let find = |name: &str| {
            files
                .iter()
                .find(|(n, _)| n.as_ref() == name)
                .map(|(_, t)| t.as_ref())
        };
        let mut issues = Vec::new();
        let pack_text = find("pack.json");
        if let Some(text) = pack_text {
            match serde_json::from_str::<SchemaProbe>(text) {
                Ok(probe) if probe.schema_version != SCHEMA_VERSION => {
                    return Err(ContentErrors(vec![whole_file(
                        "pack.json",
                        "schema_version",
                        IssueKind::UnknownSchemaVersion {
                            found: probe.schema_version,
                            supported: SCHEMA_VERSION,
                        },
                    )]));
                }
                _ => {}
            }
        }
        let meta: Option<PackMeta> = parse(&mut issues, "pack.json", pack_text);
        let ui_strings: Option<BTreeMap<String, Text>> =
            parse(&mut issues, "ui.json", find("ui.json"));
        let contacts: Option<contacts::ContactsFile> =
            parse(&mut issues, "contacts.json", find("contacts.json"));
        let info: Option<InfoFile> = parse(&mut issues, "info.json", find("info.json"));
        let minors: Option<minors::MinorsFile> =
            parse(&mut issues, "minors.json", find("minors.json"));
        let toolkit = crate::toolkit::content::ToolkitFiles::parse(&mut issues, &find);
        let (Some(meta), Some(ui_strings), Some(contacts), Some(info), Some(minors), Some(toolkit)) =
            (meta, ui_strings, contacts, info, minors, toolkit)
        else {
            return Err(ContentErrors(issues));
        };
        let (minors, minors_strings) = minors.split();
        let mut ui = Ui::default();
        ui.extend("ui.json", ui_strings);
        ui.extend("info.json", info.strings);
        ui.extend("minors.json", minors_strings);
        let (toolkit_strings, toolkit) = toolkit.into_parts();
        for (file, strings) in toolkit_strings {
            ui.extend(file, strings);
        }
        let pack = Self {
            contact_index: ContactIndex::build(&contacts.contacts),
            meta,
            ui,
            contacts: contacts.contacts,
            info_pages: info.pages,
            minors,
            toolkit,
        };
        pack.check()?;
        Ok(pack)
    }

    /// Loads a pack from a folder holding the pack's files.
    pub fn from_dir(dir: &Path) -> Result<Self, ContentErrors> {
        let mut files = Vec::new();
        let mut issues = Vec::new();
        for name in FILES {
            match std::fs::read_to_string(dir.join(name)) {
                Ok(text) => files.push((*name, text)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => issues.push(whole_file(
                    name,
                    "-",
                    IssueKind::Parse {
                        message: e.to_string(),
                    },
                )),
            }
        }
        if !issues.is_empty() {
            return Err(ContentErrors(issues));
        }
        Self::from_files(&files)
    }

    /// Runs every validation rule.
    fn check(&self) -> Result<(), ContentErrors> {
        let mut c = Checker::new(&self.meta.locales, &self.meta.sources);
        self.check_meta(&mut c);
        self.ui.check(&mut c);
        contacts::check(&self.contacts, &mut c, &|id| {
            self.meta.language_names.contains_key(id)
        });
        info::check(&self.info_pages, &self.contacts, &self.ui, &mut c);
        minors::check(&self.minors, &mut c, &|id| {
            self.contact(id)
                .is_some_and(|c| matches!(c.hours, contacts::Hours::Always))
        });
        crate::toolkit::content::check(&self.toolkit, &mut c);
        c.finish()
    }

    fn check_meta(&self, c: &mut Checker<'_>) {
        c.file("pack.json");
        if self
            .meta
            .locales
            .first()
            .is_none_or(|l| l.id != crate::locale::BASE_LOCALE)
        {
            c.issue(
                "-",
                "locales",
                IssueKind::Invalid {
                    message: "the first locale must be \"en\"".into(),
                },
            );
        }
        for l in &self.meta.locales {
            c.unique("locale", &l.id);
        }
        for (id, name) in &self.meta.language_names {
            c.text(id, "language_names", name);
        }
        for s in &self.meta.sources {
            c.unique("source", &s.id);
            c.text(&s.id, "title", &s.title);
            c.text(&s.id, "publisher", &s.publisher);
            c.text(&s.id, "edition", &s.edition);
            for p in &s.parts {
                c.text(&s.id, &format!("parts.{}.title", p.id), &p.title);
            }
            let mut seen = std::collections::HashSet::new();
            for p in &s.parts {
                if !seen.insert(&p.id) {
                    c.issue(&s.id, "parts", IssueKind::DuplicateId { id: p.id.clone() });
                }
            }
        }
    }

    /// Resolves a caller's preferred locales against this pack.
    pub fn locales<S: AsRef<str>>(&self, preferred: &[S]) -> Result<Locales, crate::error::Error> {
        Locales::resolve(preferred, &self.meta.locales)
    }

    /// The contact with `id`.
    pub fn contact(&self, id: &str) -> Option<&Contact> {
        self.contact_index.position(id).map(|i| &self.contacts[i])
    }

    /// The discreet information page with `id`.
    pub fn info_page(&self, id: &str) -> Option<&info::Page> {
        self.info_pages.iter().find(|p| p.id == id)
    }

    /// The name of a language in the caller's locale (the id when unknown).
    pub fn language_name<'a>(&'a self, id: &'a str, locales: &Locales) -> &'a str {
        self.meta
            .language_names
            .get(id)
            .map_or(id, |t| t.get(locales))
    }
}

fn whole_file(file: &str, field: &str, kind: IssueKind) -> ContentIssue {
    ContentIssue {
        file: file.to_owned(),
        item: "-".to_owned(),
        field: field.to_owned(),
        kind,
    }
}

/// Parses one file of the pack, recording a missing file or a parse error in `issues`.
pub(crate) fn parse<T: DeserializeOwned>(
    issues: &mut Vec<ContentIssue>,
    file: &str,
    text: Option<&str>,
) -> Option<T> {
    let Some(text) = text else {
        issues.push(whole_file(file, "-", IssueKind::MissingFile));
        return None;
    };
    serde_json::from_str(text)
        .map_err(|e| {
            issues.push(whole_file(
                file,
                "-",
                IssueKind::Parse {
                    message: e.to_string(),
                },
            ))
        })
        .ok()
}
