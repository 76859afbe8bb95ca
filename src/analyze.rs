//! One document through the pipeline: mentions -> claims, quantities and links, with the article's
//! metadata and dates. The result keeps only what the map needs (quotes, not the whole text).

use crate::claims::{self, Claim};
use crate::dates::{self, Published};
use crate::doc::Doc;
use crate::extract::{Extractor, Mention};
use crate::input::{Document, Meta};
use crate::links::{self, Link};
use crate::quantity::{self, Quantity};
use crate::quote::{Quote, SharedSentences};
use serde::{Deserialize, Serialize};

/// A claim with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub claim: Claim,
    /// The sentence, as written (cut around the claim's place when very long).
    pub quote: Quote,
    /// The date the sentence states, resolved against publication.
    pub event_date: Option<dates::EventDate>,
    /// Quantities stated in the same sentence.
    pub quantities: Vec<Quantity>,
}

/// A quantity with what it is attached to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuantityRecord {
    pub quantity: Quantity,
    /// The place mention it is attached to (the claim's place, else the nearest place in the sentence).
    pub mention: Option<usize>,
    /// Index of the claim in the same sentence, if any.
    pub claim: Option<usize>,
    pub quote: Quote,
}

/// A link with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkRecord {
    pub link: Link,
    pub quote: Quote,
}

/// Everything the map keeps about one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: String,
    /// The document's identity beyond its name ([`crate::record::doc_key`]): with `doc`, the canonical order
    /// of documents in the map, whatever order they arrive in.
    pub key: u64,
    pub meta: Meta,
    pub published: Option<Published>,
    pub mentions: Vec<Mention>,
    pub claims: Vec<ClaimRecord>,
    pub quantities: Vec<QuantityRecord>,
    pub links: Vec<LinkRecord>,
}

/// Runs the pipeline on one document.
pub fn analyze(x: &Extractor, d: &Document) -> Analysis {
    let g = x.gazetteer();
    let text = crate::extract::placeholder_text(&d.bytes);
    let mentions = x.extract_in(&d.bytes, &text);
    let published = d.meta.published.as_deref().and_then(dates::parse_published);
    let doc = Doc::new(&text, &mentions);
    let mut shared = SharedSentences::default();
    let mut claim_records: Vec<ClaimRecord> = claims::extract(&doc, g)
        .into_iter()
        .map(|c| {
            let m = &mentions[c.mention];
            let quote = shared.quote(&text, &c.sentence, m.start..m.end);
            let event_date = dates::event_date(&text[c.clause.clone()], published.as_ref())
                .or_else(|| dates::event_date(quote.sentence(), published.as_ref()));
            ClaimRecord {
                claim: c,
                quote,
                event_date,
                quantities: Vec::new(),
            }
        })
        .collect();
    let mut quantities = Vec::new();
    let mut link_records = Vec::new();
    for (i, sentence) in doc.sentences.iter().enumerate() {
        let sent = sentence.range.clone();
        let qs = quantity::find_with(&text, sent.clone(), doc.signals(i));
        // Links need two resolved places, and without a quantity one of the link words.
        let needs_links = doc
            .sentence_mentions(i)
            .filter(|(_, m)| m.entry.is_some())
            .nth(1)
            .is_some()
            && (!qs.is_empty() || links::may_link(&text[sent.clone()]));
        if qs.is_empty() && !needs_links {
            continue;
        }
        let toks = doc.tokens(i);
        let spans = crate::extract::place_spans(g, &mentions, toks, &sent);
        for l in links::find(toks, &spans, &qs, sent.clone()) {
            let (a, b) = (&mentions[l.from], &mentions[l.to]);
            let focus = a.start.min(b.start)..a.end.max(b.end);
            link_records.push(LinkRecord {
                quote: shared.quote(&text, &sent, focus),
                link: l,
            });
        }
        // Claims are in sentence order.
        let first_claim = claim_records.partition_point(|c| c.claim.sentence.start < sent.start);
        let claim_here: Vec<usize> = (first_claim..claim_records.len())
            .take_while(|&i| claim_records[i].claim.sentence == sent)
            .collect();
        for q in qs {
            let claim = claim_here.first().copied();
            for &ci in &claim_here {
                claim_records[ci].quantities.push(q.clone());
            }
            // Attach to the claim's place, else the place mention nearest before the quantity.
            let mention = claim.map(|ci| claim_records[ci].claim.mention).or_else(|| {
                spans
                    .iter()
                    .map(|s| s.mention)
                    .rfind(|&m| mentions[m].end <= q.start)
                    .or_else(|| spans.first().map(|s| s.mention))
            });
            quantities.push(QuantityRecord {
                quote: shared.quote(&text, &sent, q.start..q.end),
                quantity: q,
                mention,
                claim,
            });
        }
    }
    drop(doc);
    Analysis {
        doc: d.doc.clone(),
        key: crate::record::doc_key(d),
        meta: d.meta.clone(),
        published,
        mentions,
        claims: claim_records,
        quantities,
        links: link_records,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Precision;

    fn dated(text: &str, published: Option<&str>) -> Vec<(String, Option<(String, Precision)>)> {
        let g = crate::Gazetteer::bundled().expect("gazetteer");
        let x = Extractor::new(&g);
        let d = Document {
            doc: "t".into(),
            bytes: text.as_bytes().to_vec(),
            meta: Meta {
                published: published.map(str::to_string),
                ..Meta::default()
            },
        };
        let a = analyze(&x, &d);
        a.claims
            .iter()
            .map(|c| {
                (
                    a.mentions[c.claim.mention].text.clone(),
                    c.event_date.map(|e| (e.date.to_string(), e.precision)),
                )
            })
            .collect()
    }

    #[test]
    fn a_claim_takes_the_date_of_its_own_clause() {
        assert_eq!(
            dated(
                "On 6 May officials met in Kyiv, while Russian forces captured Soledar on 9 May.",
                Some("2023-05-07")
            ),
            vec![(
                "Soledar".into(),
                Some(("2023-05-09".into(), Precision::Day))
            )]
        );
        assert_eq!(
            dated("Ukrainian troops liberated Kherson in November 2022.", None),
            vec![(
                "Kherson".into(),
                Some(("2022-11-15".into(), Precision::Month))
            )]
        );
    }
}
