//! How the claim reader understood a sentence, in words: its places, actors, attributions, cues and
//! events (`placemap explain`), for an analyst asking why a sentence gave a claim or none.

use super::events::{Agent, Event};
use super::scopes::{Attribution, Cue};
use super::sentence::Sent;

fn span(text: &str, s: &Sent, a: usize, b: usize) -> String {
    format!("\"{}\"", s.phrase(text, a, b.min(s.len())))
}

/// One sentence's reading, several lines.
pub fn reading(
    text: &str,
    s: &Sent,
    attrs: &[Attribution],
    cues: &[Cue],
    events: &[Event],
) -> String {
    let mut out = Vec::new();
    let first = s.toks.first().map_or(0, |t| t.start);
    let last = s.toks.last().map_or(0, |t| t.end);
    out.push(format!("sentence: {}", &text[first..last]));
    for sl in &s.slots {
        let mut notes = Vec::new();
        if sl.targets.is_empty() {
            notes.push("not mappable");
        }
        if sl.anaphor {
            notes.push("points back");
        }
        if sl.detail {
            notes.push("locative detail");
        }
        if sl.qualifier {
            notes.push("qualifies the place before");
        }
        out.push(format!(
            "  place {} {}",
            span(text, s, sl.start, sl.end),
            notes.join(", ")
        ));
    }
    for a in &s.actors {
        let sides: Vec<&str> = a.sides.iter().map(|x| x.as_str()).collect();
        let role = if a.is_subject() { "subject" } else { "object" };
        out.push(format!(
            "  actor {} {:?} {} side {}",
            span(text, s, a.start, a.end),
            a.kind,
            role,
            if sides.is_empty() {
                "unknown".into()
            } else {
                sides.join("+")
            }
        ));
    }
    for a in attrs {
        let who = a.who.as_ref().map_or("an unnamed source".into(), |r| {
            span(text, s, r.start, r.end)
        });
        out.push(format!(
            "  attribution {} by {} over {}{}{}",
            span(text, s, a.cue, a.cue + 1),
            who,
            span(text, s, a.scope.start, a.scope.end),
            if a.acknowledges { ", accepting" } else { "" },
            if a.evidence { ", as evidence" } else { "" }
        ));
    }
    for c in cues {
        let what = if c.back {
            "an earlier claim".to_string()
        } else {
            span(text, s, c.scope.start, c.scope.end)
        };
        out.push(format!(
            "  cue {:?} {} over {}",
            c.kind,
            span(text, s, c.at, c.at + 1),
            what
        ));
    }
    for e in events {
        let places: Vec<String> = e
            .slots
            .iter()
            .map(|&k| span(text, s, s.slots[k].start, s.slots[k].end))
            .collect();
        let agent = match e.agent {
            Agent::Gains(x) => format!("gained by {}", x.as_str()),
            Agent::Actor(k) | Agent::Expelled(k) => {
                span(text, s, s.actors[k].start, s.actors[k].end)
            }
            Agent::Unknown => "no agent".into(),
        };
        out.push(format!(
            "  event {} {:?} ({:?}, {:?}, {:?}) of {} by {}",
            span(text, s, e.at, e.at + e.len),
            e.action,
            e.form,
            e.voice,
            e.mood,
            places.join(", "),
            agent
        ));
    }
    out.join("\n")
}
