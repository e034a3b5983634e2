//! The content pack: JSON files embedded at build time, parsed, validated and indexed once.

pub mod check;
pub mod compact;
pub mod signed;
pub mod source;
pub mod translations;
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
use translations::{Strings, TranslationMeta, Translations};
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
    "show.json",
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
    embedded!("show.json"),
];

/// Each language's strings compiled into the binary: its id and its packed strings (see
/// [`translations`]), written by the build script from `content/lang/`.
pub const EMBEDDED_LANGUAGES: &[(&str, &[u8])] =
    include!(concat!(env!("OUT_DIR"), "/content/languages.rs"));

static EMBEDDED_PACK: LazyLock<Result<Arc<ContentPack>, ContentErrors>> =
    LazyLock::new(|| ContentPack::from_embedded().map(Arc::new));

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
    /// Locales every text of every file has; `en` first.
    pub locales: Vec<LocaleInfo>,
    /// Languages whose strings live in a file of their own (`lang/<id>.json`): what a
    /// possible victim sees, in each.
    #[serde(default)]
    pub translations: Vec<TranslationMeta>,
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
    /// The cards a professional shows a person they share no language with.
    pub show: crate::show::Show,
    /// Each translated language's strings, unpacked when first read.
    pub translations: Translations,
}

impl ContentPack {
    /// The embedded pack, loaded on first use and shared.
    pub fn embedded() -> Result<Arc<Self>, ContentErrors> {
        EMBEDDED_PACK.clone()
    }

    /// Loads the embedded pack afresh (the start-up benchmarks measure this).
    pub fn from_embedded() -> Result<Self, ContentErrors> {
        let mut translations = Translations::default();
        for (id, packed) in EMBEDDED_LANGUAGES {
            translations.insert(id, Strings::Packed(packed));
        }
        Self::load(EMBEDDED, translations)
    }

    /// Loads a pack from (file name, JSON text) pairs; language files are named `lang/<id>.json`.
    ///
    /// Language files are kept as they are and read when a language is first used; see
    /// [`ContentPack::check_translations`].
    pub fn from_files<N: AsRef<str>, T: AsRef<str>>(
        files: &[(N, T)],
    ) -> Result<Self, ContentErrors> {
        let mut translations = Translations::default();
        for (name, text) in files {
            if let Some(id) = name
                .as_ref()
                .strip_prefix("lang/")
                .and_then(|n| n.strip_suffix(".json"))
            {
                translations.insert(id, Strings::Json(text.as_ref().to_owned()));
            }
        }
        Self::load(files, translations)
    }

    fn load<N: AsRef<str>, T: AsRef<str>>(
        files: &[(N, T)],
        translations: Translations,
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
        let show: Option<crate::show::ShowFile> =
            parse(&mut issues, "show.json", find("show.json"));
        let (
            Some(meta),
            Some(ui_strings),
            Some(contacts),
            Some(info),
            Some(minors),
            Some(toolkit),
            Some(show),
        ) = (meta, ui_strings, contacts, info, minors, toolkit, show)
        else {
            return Err(ContentErrors(issues));
        };
        let (show, show_strings) = show.split();
        let (minors, minors_strings) = minors.split();
        let mut ui = Ui::default();
        ui.extend("ui.json", ui_strings);
        ui.extend("info.json", info.strings);
        ui.extend("minors.json", minors_strings);
        ui.extend("show.json", show_strings);
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
            show,
            translations,
        };
        pack.check()?;
        Ok(pack)
    }

    /// Loads a pack from a folder holding the pack's files.
    pub fn from_dir(dir: &Path) -> Result<Self, ContentErrors> {
        Self::from_files(&read_dir(dir)?)
    }

    /// Reads every language's strings and checks them against the pack's English (see
    /// [`translations::check`]); the content check, signing and installing run it, the app's
    /// start does not.
    pub fn check_translations(&self) -> Result<(), ContentErrors> {
        let mut c = Checker::new(&self.meta.locales, &self.meta.sources);
        translations::check::check(self, &mut c);
        c.finish()
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
        crate::show::check(&self.show, &self.contacts, &mut c);
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
        for t in &self.meta.translations {
            c.unique("locale", &t.id);
            if t.name.trim().is_empty() {
                c.issue(
                    &t.id,
                    "translations.name",
                    IssueKind::Invalid {
                        message: "a language needs its own name".into(),
                    },
                );
            }
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

    /// Resolves a caller's preferred locales against this pack (region, then language, then
    /// English), unpacking the strings of each translated language in the chain.
    pub fn locales<S: AsRef<str>>(&self, preferred: &[S]) -> Result<Locales, crate::error::Error> {
        let mut locales = Locales::resolve(preferred, &self.all_locales())?;
        for id in locales.chain().to_vec() {
            if let Some(strings) = self.translations.catalog(&id) {
                let catalog = strings.map_err(|message| {
                    ContentErrors(vec![whole_file(
                        &translations::file_name(&id),
                        "-",
                        IssueKind::Parse { message },
                    )])
                })?;
                locales.add_catalog(&id, catalog);
            }
        }
        Ok(locales)
    }

    /// Every locale a person can read the app in: English and Norwegian, then each translation,
    /// each with its own name.
    pub fn all_locales(&self) -> Vec<LocaleInfo> {
        let translated = self.meta.translations.iter().map(TranslationMeta::locale);
        self.meta
            .locales
            .iter()
            .cloned()
            .chain(translated)
            .collect()
    }

    /// The declaration of translated language `id`.
    pub fn translation(&self, id: &str) -> Option<&TranslationMeta> {
        self.meta.translations.iter().find(|t| t.id == id)
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
    pub fn language_name<'a>(&'a self, id: &'a str, locales: &'a Locales) -> &'a str {
        self.meta
            .language_names
            .get(id)
            .map_or(id, |t| t.get(locales))
    }
}

/// True for the name of a file a pack holds: one of [`FILES`] or a language file.
pub fn is_pack_file(name: &str) -> bool {
    FILES.contains(&name)
        || name
            .strip_prefix("lang/")
            .and_then(|n| n.strip_suffix(".json"))
            .is_some_and(|id| !id.is_empty() && !id.contains('/'))
}

/// The (name, text) of every file of the pack in folder `dir`, language files (`lang/*.json`)
/// included; a missing file is left out for validation to report.
pub fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, ContentErrors> {
    let mut names: Vec<String> = FILES.iter().map(|n| (*n).to_owned()).collect();
    let mut issues = Vec::new();
    match std::fs::read_dir(dir.join("lang")) {
        Ok(entries) => {
            let mut langs: Vec<String> = entries
                .flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                .map(|n| format!("lang/{n}"))
                .filter(|n| is_pack_file(n))
                .collect();
            langs.sort();
            names.extend(langs);
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => issues.push(whole_file(
            "lang",
            "-",
            IssueKind::Parse {
                message: e.to_string(),
            },
        )),
    }
    let mut files = Vec::new();
    for name in names {
        match std::fs::read_to_string(dir.join(&name)) {
            Ok(text) => files.push((name, text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => issues.push(whole_file(
                &name,
                "-",
                IssueKind::Parse {
                    message: e.to_string(),
                },
            )),
        }
    }
    if issues.is_empty() {
        Ok(files)
    } else {
        Err(ContentErrors(issues))
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
