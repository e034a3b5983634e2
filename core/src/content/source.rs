//! The source documents the content is built from, and citations of them.

use serde::{Deserialize, Serialize};

use crate::locale::Locales;
use crate::text::Text;

/// A source document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id used in citations, for example `guide-2024`.
    pub id: String,
    /// The document's title.
    pub title: Text,
    /// Who published it ("not stated" when the document does not say).
    pub publisher: Text,
    /// Edition or date as the document states it.
    pub edition: Text,
    /// True for documents superseded by newer ones: their facts are shown with a caution.
    pub older: bool,
    /// The parts items may cite.
    pub parts: Vec<SourcePart>,
}

/// A part or section of a source document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcePart {
    /// Id unique within the document.
    pub id: String,
    /// The part's heading.
    pub title: Text,
}

/// A citation: a document and one of its parts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The document's id.
    pub doc: String,
    /// The part's id.
    pub part: String,
}

/// A citation ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The document's id.
    pub doc: String,
    /// The part's id.
    pub part: String,
    /// A readable citation, for example "KOM: Identification guide (2024 edition), Part 8".
    pub text: String,
    /// True when the document is older and may be out of date.
    pub older: bool,
}

/// Resolves citations against the pack's sources; unknown ones are skipped (validation reports them).
pub fn cite(sources: &[Source], refs: &[SourceRef], locales: &Locales) -> Vec<Citation> {
    refs.iter()
        .filter_map(|r| {
            let source = sources.iter().find(|s| s.id == r.doc)?;
            let part = source.parts.iter().find(|p| p.id == r.part)?;
            Some(Citation {
                doc: r.doc.clone(),
                part: r.part.clone(),
                text: format!(
                    "{}: {} ({}), {}",
                    source.publisher.get(locales),
                    source.title.get(locales),
                    source.edition.get(locales),
                    part.title.get(locales)
                ),
                older: source.older,
            })
        })
        .collect()
}

/// True when every cited document is an older one.
pub fn only_older(sources: &[Source], refs: &[SourceRef]) -> bool {
    !refs.is_empty()
        && refs
            .iter()
            .all(|r| sources.iter().any(|s| s.id == r.doc && s.older))
}
