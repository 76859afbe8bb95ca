//! The analysis record: one JSON line per article with everything the map needs from it (`placemap
//! analyze` writes them, `placemap layers` reads them). A record depends on its article alone, so records
//! can be made on any number of machines and aggregated later in any order.
//!
//! A line is one of:
//! - an article's record: `{"doc", "key", "meta", "mentions", "claims", "quantities", "links"}`;
//! - a partial aggregate's head (`layers --partial`): `{"partial": {...}}`, the place counts of the
//!   articles it covers, followed by their records with `"counted": true` (places already counted; only
//!   the mentions their claims, quantities and links refer to).

use std::collections::BTreeSet;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Deserializer, Serialize};

use crate::analyze::{Analysis, ClaimRecord, LinkRecord, QuantityRecord};
use crate::error::RecordError;
use crate::extract::{Mention, Role};
use crate::gazetteer::{EntryRef, Gazetteer};
use crate::input::{Document, Meta};
use crate::write::put_json as put;

/// The identity of a document beyond its name: the XXH3-64 hash of its name, metadata and text (a
/// fixed, platform-independent function: the same article gets the same key on every machine of a
/// cluster; at ~0.1 ns a byte it costs nothing beside the analysis). Two documents with the same name and
/// key are the same article.
pub fn doc_key(d: &Document) -> u64 {
    use std::hash::Hasher;
    let mut h = twox_hash::XxHash3_64::with_seed(0);
    let m = &d.meta;
    for part in [
        Some(&d.doc),
        m.url.as_ref(),
        m.title.as_ref(),
        m.source.as_ref(),
    ]
    .into_iter()
    .chain([m.published.as_ref()])
    {
        match part {
            Some(s) => {
                h.write(&[1]);
                h.write(s.as_bytes());
            }
            None => h.write(&[0]),
        }
        h.write(&[0x1f]);
    }
    h.write(&d.bytes);
    h.finish()
}

/// A short word the pipeline keeps as `&'static str` (a claim or claimant type, a unit); the alias
/// keeps serde from borrowing it from the input.
pub type Word = &'static str;

/// The most distinct type words a process keeps.
const MAX_WORDS: usize = 1024;

/// Deserialises one of the few short words the pipeline keeps as `&'static str` (claim and claimant
/// types, units): each distinct word is stored once for the life of the process.
pub fn static_str<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    static WORDS: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
    let s = String::deserialize(d)?;
    if s.len() > 64 {
        return Err(serde::de::Error::custom("a type word longer than 64 bytes"));
    }
    let mut words = WORDS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(w) = words.get(s.as_str()) {
        return Ok(w);
    }
    // placemap writes a few dozen such words; records with more are not ours, and are refused before
    // the store grows with them.
    if words.len() >= MAX_WORDS {
        return Err(serde::de::Error::custom(format!(
            "more than {MAX_WORDS} distinct type words: not placemap analysis records"
        )));
    }
    let w: &'static str = Box::leak(s.into_boxed_str());
    words.insert(w);
    Ok(w)
}

/// A mention as recorded: the entry both as a reference and as its gazetteer id (checked on reading, so
/// that records made with another gazetteer are refused rather than mapped to the wrong places).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct MentionRec<'a> {
    start: usize,
    end: usize,
    #[serde(borrow)]
    text: std::borrow::Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    entry: Option<EntryRef>,
    #[serde(skip_serializing_if = "Option::is_none", default, borrow)]
    place_id: Option<std::borrow::Cow<'a, str>>,
    score: f64,
    candidates: usize,
}

#[derive(Deserialize)]
struct RecordIn<'a> {
    doc: String,
    key: String,
    #[serde(default)]
    counted: bool,
    #[serde(default)]
    meta: Meta,
    #[serde(borrow)]
    mentions: Vec<MentionRec<'a>>,
    claims: Vec<ClaimRecord>,
    quantities: Vec<QuantityRecord>,
    links: Vec<LinkRecord>,
}

/// Appends the record of `a` (one JSON line, newline included) to `out`. `counted`: its places are
/// already counted in a partial aggregate.
///
/// Written field by field in the order and form serde gives the record's struct (a unit test holds the
/// two equal): the mentions, most of a record, without a struct per mention.
pub fn write(g: &Gazetteer, a: &Analysis, counted: bool, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"doc\":");
    put(out, &a.doc);
    out.extend_from_slice(format!(",\"key\":\"{:016x}\"", a.key).as_bytes());
    if counted {
        out.extend_from_slice(b",\"counted\":true");
    }
    out.extend_from_slice(b",\"meta\":");
    put(out, &a.meta);
    out.extend_from_slice(b",\"mentions\":[");
    for (i, m) in a.mentions.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_mention(g, m, out);
    }
    out.extend_from_slice(b"],\"claims\":");
    put(out, &a.claims);
    out.extend_from_slice(b",\"quantities\":");
    put(out, &a.quantities);
    out.extend_from_slice(b",\"links\":");
    put(out, &a.links);
    out.extend_from_slice(b"}\n");
}

/// One mention as [`MentionRec`] serialises.
fn write_mention(g: &Gazetteer, m: &Mention, out: &mut Vec<u8>) {
    out.extend_from_slice(b"{\"start\":");
    put(out, &m.start);
    out.extend_from_slice(b",\"end\":");
    put(out, &m.end);
    out.extend_from_slice(b",\"text\":");
    put(out, m.text.as_str());
    if let Some(e) = m.entry {
        out.extend_from_slice(b",\"entry\":");
        put(out, &e);
        out.extend_from_slice(b",\"place_id\":");
        put(out, g.id(e));
    }
    out.extend_from_slice(b",\"score\":");
    put(out, &m.score);
    out.extend_from_slice(b",\"candidates\":");
    put(out, &m.candidates);
    out.push(b'}');
}

/// One line of a record stream.
pub enum Line {
    /// An article's record; `counted`: its places are already in a partial aggregate.
    Record { analysis: Analysis, counted: bool },
    /// A partial aggregate's head.
    Partial(serde_json::Value),
}

/// Reads one line of a record stream.
pub fn read(g: &Gazetteer, line: &[u8]) -> Result<Line, RecordError> {
    let bad = |e: String| RecordError::Malformed(e);
    if line.starts_with(b"{\"partial\"") {
        let mut v: serde_json::Value =
            serde_json::from_slice(line).map_err(|e| bad(e.to_string()))?;
        return Ok(Line::Partial(v["partial"].take()));
    }
    let r: RecordIn = serde_json::from_slice(line).map_err(|e| bad(e.to_string()))?;
    let key = u64::from_str_radix(&r.key, 16).map_err(|_| bad(format!("key {:?}", r.key)))?;
    let n = r.mentions.len();
    let mentions = r
        .mentions
        .into_iter()
        .map(|m| mention(g, m))
        .collect::<Result<Vec<_>, _>>()?;
    let in_range = r.claims.iter().all(|c| c.claim.mention < n)
        && r.quantities.iter().all(|q| q.mention.is_none_or(|m| m < n))
        && r.quantities
            .iter()
            .all(|q| q.claim.is_none_or(|c| c < r.claims.len()))
        && r.links.iter().all(|l| l.link.from < n && l.link.to < n);
    if !in_range {
        return Err(bad(format!(
            "{}: a mention or claim index out of range",
            r.doc
        )));
    }
    let published = r
        .meta
        .published
        .as_deref()
        .and_then(crate::dates::parse_published);
    Ok(Line::Record {
        analysis: Analysis {
            doc: r.doc,
            key,
            meta: r.meta,
            published,
            mentions,
            claims: r.claims,
            quantities: r.quantities,
            links: r.links,
        },
        counted: r.counted,
    })
}

/// Checks a recorded entry against this gazetteer.
pub fn entry(g: &Gazetteer, e: EntryRef, id: &str) -> Result<EntryRef, RecordError> {
    let ok = g
        .layers()
        .get(e.layer as usize)
        .is_some_and(|l| (e.idx as usize) < l.len())
        && g.id(e) == id;
    if ok {
        Ok(e)
    } else {
        Err(RecordError::Gazetteer(id.to_string()))
    }
}

fn mention(g: &Gazetteer, m: MentionRec) -> Result<Mention, RecordError> {
    let entry = match (m.entry, m.place_id.as_deref()) {
        (Some(e), Some(id)) => Some(entry(g, e, id)?),
        (None, _) => None,
        (Some(_), None) => {
            return Err(RecordError::Malformed(
                "an entry without its place_id".into(),
            ))
        }
    };
    Ok(Mention {
        start: m.start,
        end: m.end,
        text: m.text.into_owned(),
        entry,
        score: m.score,
        candidates: m.candidates,
        role: Role::Literal,
        feature: None,
        alternatives: Vec::new(),
    })
}

/// The part of an analysis the claim, link and quantity layers need: only the mentions they refer to
/// (renumbered), for keeping documents with claims, quantities or links until the layers are built.
pub fn strip(a: &Analysis) -> Analysis {
    let mut used: Vec<usize> = a
        .claims
        .iter()
        .map(|c| c.claim.mention)
        .chain(a.quantities.iter().filter_map(|q| q.mention))
        .chain(a.links.iter().flat_map(|l| [l.link.from, l.link.to]))
        .collect();
    used.sort_unstable();
    used.dedup();
    let new = |m: usize| used.binary_search(&m).unwrap_or(0);
    let mut s = Analysis {
        doc: a.doc.clone(),
        key: a.key,
        meta: a.meta.clone(),
        published: a.published,
        mentions: used.iter().map(|&m| a.mentions[m].clone()).collect(),
        claims: a.claims.clone(),
        quantities: a.quantities.clone(),
        links: a.links.clone(),
    };
    for c in &mut s.claims {
        c.claim.mention = new(c.claim.mention);
    }
    for q in &mut s.quantities {
        q.mention = q.mention.map(new);
    }
    for l in &mut s.links {
        l.link.from = new(l.link.from);
        l.link.to = new(l.link.to);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The record as serde writes its struct: [`write`] must give exactly this.
    #[derive(Serialize)]
    struct RecordOut<'a> {
        doc: &'a str,
        key: String,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        counted: bool,
        meta: &'a Meta,
        mentions: Vec<MentionRec<'a>>,
        claims: &'a [ClaimRecord],
        quantities: &'a [QuantityRecord],
        links: &'a [LinkRecord],
    }

    fn plain(g: &Gazetteer, a: &Analysis, counted: bool) -> Vec<u8> {
        let mentions = a
            .mentions
            .iter()
            .map(|m| MentionRec {
                start: m.start,
                end: m.end,
                text: m.text.as_str().into(),
                entry: m.entry,
                place_id: m.entry.map(|e| g.id(e).into()),
                score: m.score,
                candidates: m.candidates,
            })
            .collect();
        let r = RecordOut {
            doc: &a.doc,
            key: format!("{:016x}", a.key),
            counted,
            meta: &a.meta,
            mentions,
            claims: &a.claims,
            quantities: &a.quantities,
            links: &a.links,
        };
        let mut out = serde_json::to_vec(&r).unwrap();
        out.push(b'\n');
        out
    }

    #[test]
    fn the_record_is_what_serde_writes_of_its_struct() {
        let g = Gazetteer::bundled().unwrap();
        let x = crate::extract::Extractor::new(&g);
        let texts = [
            "Ukrainian forces recaptured Balakliia on 8 September, 40 km southeast of Kharkiv, and \
             advanced 20 km toward Kupiansk. Russia denied losing Izium.",
            "Officials in \"Paris\", Texas and in Springfield met.\tNothing\u{1F600} else.",
            "",
        ];
        for (k, text) in texts.iter().enumerate() {
            let d = Document {
                doc: format!("doc \"{k}\""),
                bytes: text.as_bytes().to_vec(),
                meta: Meta {
                    url: Some("https://example.org/a?b=1".into()),
                    published: (k == 0).then(|| "2022-09-09".into()),
                    ..Meta::default()
                },
            };
            let a = crate::analyze::analyze(&x, &d);
            if k == 0 {
                assert!(!a.claims.is_empty() && !a.quantities.is_empty() && !a.links.is_empty());
            }
            for counted in [false, true] {
                let mut fast = Vec::new();
                write(&g, &a, counted, &mut fast);
                assert_eq!(
                    String::from_utf8(fast).unwrap(),
                    String::from_utf8(plain(&g, &a, counted)).unwrap()
                );
            }
        }
    }
}
