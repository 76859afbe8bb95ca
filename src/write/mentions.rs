//! The `extract` records: one JSON object per place mention (the JSONL contract `eval/score.py` reads),
//! or one tab-separated row.
//!
//! A corpus names the same places again and again, so the part of a record that depends only on the
//! gazetteer entry (id, name, kind, coordinates, country, region) is rendered once per entry and thread
//! and copied after that. Documents are rendered to bytes on the worker threads; the writer only copies.

use std::cell::RefCell;
use std::io::Write;

use rustc_hash::FxHashMap;

use crate::extract::Mention;
use crate::gazetteer::{EntryRef, Gazetteer};
use crate::write::put_json as put;

fn round(x: f64, p: i32) -> f64 {
    let f = 10f64.powi(p);
    (x * f).round() / f
}

/// The fields of a record that depend only on its entry, in contract order.
#[derive(serde::Serialize)]
struct EntryFields<'a> {
    id: Option<&'a str>,
    name: Option<&'a str>,
    kind: Option<&'static str>,
    lat: Option<f64>,
    lon: Option<f64>,
    country: Option<&'a str>,
    admin1: Option<&'a str>,
}

/// Renders mention records, keeping each entry's rendered fields per thread.
pub struct MentionWriter<'g> {
    g: &'g Gazetteer,
    fields: thread_local::ThreadLocal<RefCell<FxHashMap<EntryRef, Box<[u8]>>>>,
}

impl<'g> MentionWriter<'g> {
    /// How many entries a thread keeps rendered before it starts over (memory stays bounded).
    const CAPACITY: usize = 100_000;

    pub fn new(g: &'g Gazetteer) -> MentionWriter<'g> {
        MentionWriter {
            g,
            fields: thread_local::ThreadLocal::new(),
        }
    }

    /// One JSON line per mention of document `doc`, appended to `out`.
    pub fn jsonl(&self, doc: &str, ms: &[Mention], out: &mut Vec<u8>) {
        let mut cache = self.fields.get_or_default().borrow_mut();
        let doc_json = json(&doc);
        for m in ms {
            out.extend_from_slice(b"{\"doc\":");
            out.extend_from_slice(&doc_json);
            out.extend_from_slice(b",\"start\":");
            put(out, &m.start);
            out.extend_from_slice(b",\"end\":");
            put(out, &m.end);
            out.extend_from_slice(b",\"text\":");
            put(out, &m.text);
            out.push(b',');
            match m.entry {
                Some(e) => {
                    if cache.len() >= Self::CAPACITY && !cache.contains_key(&e) {
                        cache.clear();
                    }
                    let f = cache
                        .entry(e)
                        .or_insert_with(|| self.entry_fields(Some(e), None));
                    out.extend_from_slice(f);
                }
                None => out.extend_from_slice(&self.entry_fields(None, m.kind(self.g))),
            }
            out.extend_from_slice(b",\"score\":");
            put(out, &round(m.score, 3));
            out.extend_from_slice(b",\"candidates\":");
            put(out, &m.candidates);
            out.extend_from_slice(b",\"alternatives\":[");
            for (i, e) in m.alternatives.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                put(out, self.g.id(*e));
            }
            out.extend_from_slice(b"],\"role\":");
            put(out, m.role.as_str());
            out.extend_from_slice(b"}\n");
        }
    }

    /// The entry's fields without the enclosing braces (`"id":...,"admin1":...`); for no entry, nulls
    /// and the kind of what the mention names (a river, a facility), if anything.
    fn entry_fields(&self, e: Option<EntryRef>, kind: Option<&'static str>) -> Box<[u8]> {
        let g = self.g;
        let admin1 = e.and_then(|r| g.admin1_of(r).filter(|a| *a != r).map(|a| g.name(a)));
        let f = EntryFields {
            id: e.map(|r| g.id(r)),
            name: e.map(|r| g.name(r)),
            kind: e.map(|r| g.kind(r).as_str()).or(kind),
            lat: e.map(|r| round(g.record(r).lat, 6)),
            lon: e.map(|r| round(g.record(r).lon, 6)),
            country: e.map(|r| g.country(r)),
            admin1,
        };
        let mut v = json(&f);
        // Drop the braces: the fields go inside the mention's object.
        v.pop();
        v.remove(0);
        v.into_boxed_slice()
    }

    /// One tab-separated row per mention (tabs and line breaks in text become spaces).
    pub fn tsv(&self, doc: &str, ms: &[Mention], out: &mut Vec<u8>) -> std::io::Result<()> {
        let g = self.g;
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        for m in ms {
            let p = m.entry.map(|e| g.place(e));
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{}",
                clean(doc),
                m.start,
                m.end,
                clean(&m.text),
                p.as_ref().map(|p| p.id.as_str()).unwrap_or(""),
                p.as_ref().map(|p| clean(&p.name)).unwrap_or_default(),
                m.kind(g).unwrap_or(""),
                p.as_ref()
                    .map(|p| format!("{:.6}", p.lat))
                    .unwrap_or_default(),
                p.as_ref()
                    .map(|p| format!("{:.6}", p.lon))
                    .unwrap_or_default(),
                p.as_ref().map(|p| p.country.as_str()).unwrap_or(""),
                m.score,
                m.role.as_str()
            )?;
        }
        Ok(())
    }
}

/// A value as compact JSON (numbers, strings, lists of strings, records: none can fail to serialize).
fn json<T: serde::Serialize + ?Sized>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    /// The record as a plain serde struct: the fast writer must produce exactly this.
    #[derive(serde::Serialize)]
    struct Record<'a> {
        doc: &'a str,
        start: usize,
        end: usize,
        text: &'a str,
        id: Option<String>,
        name: Option<String>,
        kind: Option<&'static str>,
        lat: Option<f64>,
        lon: Option<f64>,
        country: Option<String>,
        admin1: Option<String>,
        score: f64,
        candidates: usize,
        alternatives: Vec<&'a str>,
        role: &'static str,
    }

    fn plain(g: &Gazetteer, doc: &str, ms: &[Mention]) -> Vec<u8> {
        let mut out = Vec::new();
        for m in ms {
            let p = m.entry.map(|e| g.place(e));
            let r = Record {
                doc,
                start: m.start,
                end: m.end,
                text: &m.text,
                id: p.as_ref().map(|p| p.id.clone()),
                name: p.as_ref().map(|p| p.name.clone()),
                kind: m.kind(g),
                lat: p.as_ref().map(|p| round(p.lat, 6)),
                lon: p.as_ref().map(|p| round(p.lon, 6)),
                country: p.as_ref().map(|p| p.country.clone()),
                admin1: p.as_ref().and_then(|p| p.admin1.clone()),
                score: round(m.score, 3),
                candidates: m.candidates,
                alternatives: m.alternatives.iter().map(|e| g.id(*e)).collect(),
                role: m.role.as_str(),
            };
            serde_json::to_writer(&mut out, &r).unwrap();
            out.push(b'\n');
        }
        out
    }

    #[test]
    fn cached_fields_give_the_plain_record() {
        let g = Gazetteer::bundled().unwrap();
        let x = Extractor::new(&g);
        let w = MentionWriter::new(&g);
        let text = "Ukrainian forces retook Izium and Balakliia on the Donets river; Springfield \
                    officials and \"Kherson\" residents met in Paris, Texas, and in Kyiv.";
        let ms = x.extract(text.as_bytes());
        assert!(ms.len() >= 5);
        for doc in ["a \"quoted\" id", "plain"] {
            let mut fast = Vec::new();
            // Twice: the second time every entry's fields come from the cache.
            w.jsonl(doc, &ms, &mut fast);
            let first = fast.clone();
            fast.clear();
            w.jsonl(doc, &ms, &mut fast);
            assert_eq!(first, fast);
            assert_eq!(
                String::from_utf8(fast).unwrap(),
                String::from_utf8(plain(&g, doc, &ms)).unwrap()
            );
        }
    }
}
