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
    let first = s.toks.first().map_or(0, |t| t.start);
    let last = s.toks.last().map_or(0, |t| t.end);
    let mut out = vec![format!("sentence: {}", &text[first..last])];
    out.extend(places(text, s));
    out.extend(actors(text, s));
    out.extend(attrs.iter().map(|a| attribution(text, s, a)));
    out.extend(cues.iter().map(|c| {
        let what = if c.back {
            "an earlier claim".to_string()
        } else {
            span(text, s, c.scope.start, c.scope.end)
        };
        format!(
            "  cue {:?} {} over {}",
            c.kind,
            span(text, s, c.at, c.at + 1),
            what
        )
    }));
    out.extend(events.iter().map(|e| event(text, s, e)));
    out.join("\n")
}

fn places(text: &str, s: &Sent) -> Vec<String> {
    s.slots
        .iter()
        .map(|sl| {
            let notes: Vec<&str> = [
                (sl.targets.is_empty(), "not mappable"),
                (sl.anaphor, "points back"),
                (sl.detail, "locative detail"),
                (sl.qualifier, "qualifies the place before"),
            ]
            .into_iter()
            .filter_map(|(on, note)| on.then_some(note))
            .collect();
            format!(
                "  place {} {}",
                span(text, s, sl.start, sl.end),
                notes.join(", ")
            )
        })
        .collect()
}

fn actors(text: &str, s: &Sent) -> Vec<String> {
    s.actors
        .iter()
        .map(|a| {
            let sides: Vec<&str> = a.sides.iter().map(|x| x.as_str()).collect();
            let side = if sides.is_empty() {
                "unknown".to_string()
            } else {
                sides.join("+")
            };
            let role = if a.is_subject() { "subject" } else { "object" };
            format!(
                "  actor {} {:?} {role} side {side}",
                span(text, s, a.start, a.end),
                a.kind
            )
        })
        .collect()
}

fn attribution(text: &str, s: &Sent, a: &Attribution) -> String {
    let who = a.who.as_ref().map_or("an unnamed source".into(), |r| {
        span(text, s, r.start, r.end)
    });
    format!(
        "  attribution {} by {} over {}{}{}",
        span(text, s, a.cue, a.cue + 1),
        who,
        span(text, s, a.scope.start, a.scope.end),
        if a.acknowledges { ", accepting" } else { "" },
        if a.evidence { ", as evidence" } else { "" }
    )
}

fn event(text: &str, s: &Sent, e: &Event) -> String {
    let places: Vec<String> = e
        .slots
        .iter()
        .map(|&k| span(text, s, s.slots[k].start, s.slots[k].end))
        .collect();
    let agent = match e.agent {
        Agent::Gains(x) => format!("gained by {}", x.as_str()),
        Agent::Actor(k) | Agent::Expelled(k) => span(text, s, s.actors[k].start, s.actors[k].end),
        Agent::Unknown => "no agent".into(),
    };
    format!(
        "  event {} {:?} ({:?}, {:?}, {:?}) of {} by {}",
        span(text, s, e.at, e.at + e.len),
        e.action,
        e.form,
        e.voice,
        e.mood,
        places.join(", "),
        agent
    )
}
