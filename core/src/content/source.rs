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

/// Citations of every list, each document part once, in the pack's order of documents and
/// parts (unknown ones last, in the order given).
pub fn merge<'a>(
    sources: &[Source],
    lists: impl IntoIterator<Item = &'a [Citation]>,
) -> Vec<Citation> {
    let rank = |c: &Citation| {
        sources
            .iter()
            .position(|s| s.id == c.doc)
            .map_or((usize::MAX, usize::MAX), |i| {
                let part = sources[i].parts.iter().position(|p| p.id == c.part);
                (i, part.unwrap_or(usize::MAX))
            })
    };
    let mut all: Vec<Citation> = lists.into_iter().flatten().cloned().collect();
    // A stable sort keeps the given order among equals, so `dedup` keeps the first of each.
    all.sort_by_key(rank);
    all.dedup_by(|a, b| a.doc == b.doc && a.part == b.part);
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn citation(doc: &str, part: &str) -> Citation {
        Citation {
            doc: doc.into(),
            part: part.into(),
            text: format!("{doc} {part}"),
            older: false,
        }
    }

    #[test]
    fn merged_citations_follow_the_pack_and_name_each_part_once() {
        let pack = crate::content::ContentPack::embedded().expect("valid pack");
        let sources = &pack.meta.sources;
        let (first, second) = (&sources[0], &sources[1]);
        let late = citation(&second.id, &second.parts[0].id);
        let early = citation(&first.id, &first.parts[0].id);
        let merged = merge(
            sources,
            [
                [late.clone(), early.clone()].as_slice(),
                [early.clone()].as_slice(),
            ],
        );
        assert_eq!(merged, [early, late]);
    }
}
