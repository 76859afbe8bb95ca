//! Events of a sentence: an event word ("recaptured", "the withdrawal from", "raised the Ukrainian flag
//! over", "back under Russian control") with its mood, its place or list of places, and its agent.

use super::actors::Kind;
use super::lexicon::{has_in, strip_event_prefix, Action, Form, Theme, Trigger, Words};
use super::scopes::{mood, Mood};
use super::sentence::{Bound, Sent};
use super::Side;

/// Who acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agent {
    /// The words fix the gaining side ("the Ukrainian flag over", "under Russian control").
    Gains(Side),
    /// An actor of the sentence (index into its actors).
    Actor(usize),
    /// Expelled: the actor of the sentence that was driven out loses.
    Expelled(usize),
    /// The sentence does not say.
    Unknown,
}

/// How the event word stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Voice {
    Active,
    /// "was retaken (by ...)", "fell (to ...)", a reduced relative ("Izyum, captured in April").
    Passive,
    /// An event noun ("the capture of").
    Nominal,
    /// "newly liberated Izyum".
    Adjectival,
}

/// One event of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The event word's first token, and how many it spans.
    pub at: usize,
    pub len: usize,
    pub action: Action,
    pub form: Form,
    pub voice: Voice,
    pub mood: Mood,
    /// The places, as slot indices, in text order.
    pub slots: Vec<usize>,
    pub agent: Agent,
    pub euphemism: bool,
}

const BOUNDED: &[Bound] = &[
    Bound::Terminator,
    Bound::Complement,
    Bound::Relative,
    Bound::Subordinator,
    Bound::Coordinate,
];

/// Every event of the sentence, with its places and agent (events without a place are dropped).
pub fn events(s: &Sent) -> Vec<Event> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if let Some(e) = special_at(s, i).or_else(|| trigger_event(s, i)) {
            i = e.at + e.len.max(1);
            if !e.slots.is_empty() {
                out.push(e);
            }
        } else {
            i += 1;
        }
    }
    let euphemistic = euphemism_marked(s);
    for e in &mut out {
        e.euphemism |= e.action == Action::Euphemism || (e.action == Action::Loss && euphemistic);
    }
    out
}

/// "to more favourable lines", "a gesture of goodwill": the sentence calls a withdrawal something else.
fn euphemism_marked(s: &Sent) -> bool {
    const MARKS: &[&[&str]] = &[
        &["more", "favourable"],
        &["more", "favorable"],
        &["more", "advantageous"],
        &["more", "defensible"],
        &["gesture", "of", "goodwill"],
        &["goodwill", "gesture"],
        &["straighten", "the", "front"],
        &["level", "the", "front"],
        &["более", "выгодные"],
        &["жест", "доброй", "воли"],
        &["більш", "вигідні"],
    ];
    (0..s.len()).any(|i| {
        MARKS
            .iter()
            .any(|m| m.iter().enumerate().all(|(k, w)| s.word(i + k) == *w))
    })
}

/// The trigger matches at `i`, reading "re-took" as a retaking of "took".
fn matches_at(s: &Sent, i: usize) -> Vec<(Trigger, Form, usize)> {
    let lx = s.lx;
    let direct = lx.triggers_at(&s.w, i);
    if !direct.is_empty() {
        return direct
            .into_iter()
            .map(|m| (m.trigger, m.form, m.len))
            .collect();
    }
    // A phrasal verb around its object: "pulled its troops out of Lyman", "took the town back".
    if let Some(a) = s.actors.iter().find(|a| a.start == i + 1) {
        let mut w: Vec<&str> = s.w[..=i].to_vec();
        w.extend_from_slice(&s.w[a.end..]);
        let skipped = a.end - (i + 1);
        let split: Vec<_> = lx
            .triggers_at(&w, i)
            .into_iter()
            .filter(|m| !m.trigger.then.is_empty())
            .map(|m| (m.trigger, m.form, m.len + skipped))
            .collect();
        if !split.is_empty() {
            return split;
        }
    }
    let Some((prefix, rest)) = strip_event_prefix(s.word(i)) else {
        return Vec::new();
    };
    let mut w = s.w.clone();
    w[i] = rest;
    lx.triggers_at(&w, i)
        .into_iter()
        .map(|m| {
            let mut t = m.trigger;
            if prefix == "re-" && t.action == Action::Gain {
                t.action = Action::Regain;
            }
            (t, m.form, m.len)
        })
        .collect()
}

/// Of the readings of an ambiguous word ("capture" verb or noun), the one its neighbours ask for: a noun
/// after a determiner or side adjective, else a verb.
fn choose(s: &Sent, i: usize, ms: Vec<(Trigger, Form, usize)>) -> Option<(Trigger, Form, usize)> {
    let lx = s.lx;
    let len = ms.first()?.2;
    let prev = s.before_adverbs(i);
    let noun_context = prev.is_some_and(|p| {
        s.has(&lx.definite, p)
            || s.has(&lx.indefinite, p)
            || s.has(&lx.pronouns, p)
            || s.word(p).ends_with("'s")
            || (lx.side_word)(s.toks[p].stem()).is_some()
    }) && !prev.is_some_and(|p| s.has(&lx.to, p) || s.has(&lx.perfect, p));
    let mut best = None;
    for m in ms.into_iter().filter(|m| m.2 == len) {
        let noun = m.1 == Form::Noun;
        if noun == noun_context {
            return Some(m);
        }
        best.get_or_insert(m);
    }
    best
}

fn trigger_event(s: &Sent, i: usize) -> Option<Event> {
    let (t, form, len) = choose(s, i, matches_at(s, i))?;
    let voice = voice_of(s, i, len, t, form);
    if voice == Voice::Adjectival && t.action != Action::Regain {
        return None; // "occupied Melitopol", "captured equipment": a state or a thing, not an event
    }
    // "left" and "lost" are common words: they count only right after an actor.
    let common = matches!(
        s.word(i),
        "left" | "lost" | "leave" | "leaves" | "lose" | "loses"
    );
    if common
        && voice == Voice::Active
        && !s
            .actors
            .iter()
            .any(|a| a.end + 2 >= i && a.end <= i && a.is_subject())
    {
        return None;
    }
    let mut e = Event {
        at: i,
        len,
        action: t.action,
        form,
        voice,
        mood: if voice == Voice::Adjectival {
            Mood::Fact
        } else {
            mood(s, i, form)
        },
        slots: Vec::new(),
        agent: Agent::Unknown,
        euphemism: false,
    };
    e.slots = match (voice, t.theme) {
        (_, Theme::Either) => {
            let after = theme_after(s, i + len, t.preps);
            if after.is_empty() {
                theme_before(s, i, t.preps)
            } else {
                after
            }
        }
        (Voice::Passive, _) | (_, Theme::Before) => theme_before(s, i, t.preps),
        _ => theme_after(s, i + len, t.preps),
    };
    if e.slots.is_empty() && voice == Voice::Active {
        e.slots = relative_head(s, i);
    }
    // An event without a place still ends the search for other words' places here.
    if !e.slots.is_empty() {
        e.agent = agent(s, &e, t);
    }
    Some(e)
}

/// How an event word stands: a noun, a passive ("was retaken", "fell", "Херсон звільнено", "Izyum, captured
/// by ..."), an adjective ("newly liberated Izyum"), or active.
fn voice_of(s: &Sent, i: usize, len: usize, t: Trigger, form: Form) -> Voice {
    let lx = s.lx;
    let before = s.before_modifiers(i);
    let participle = matches!(form, Form::Participle | Form::PastOrParticiple);
    let after_be = before.is_some_and(|b| s.has(&lx.be, b));
    let after_have = before.is_some_and(|b| s.has(&lx.perfect, b));
    if form == Form::Noun {
        Voice::Nominal
    } else if t.theme == Theme::Before || (participle && after_be) {
        Voice::Passive
    } else if participle && !after_have && adjectival(s, i, len) {
        Voice::Adjectival
    } else if participle && !after_have && reduced_relative(s, i) {
        Voice::Passive
    } else if form == Form::Participle && lx.definite.is_empty() {
        // Ukrainian and Russian passive participles need no auxiliary.
        Voice::Passive
    } else {
        Voice::Active
    }
}

/// "Lyman, which Russian forces fully captured on May 26": an active event with no object of its own in a
/// relative clause is about the place the clause describes.
fn relative_head(s: &Sent, i: usize) -> Vec<usize> {
    let start = s.clause_start(i, &[Bound::Terminator, Bound::Complement, Bound::Relative]);
    if start == 0 || s.bounds[start - 1] != Some(Bound::Relative) {
        return Vec::new();
    }
    let rel = start - 1;
    let head_end = if rel >= 1 && s.word(rel - 1) == "," {
        rel - 1
    } else {
        rel
    };
    // The relative clause's own subject must come before the event word ("which Russian forces captured").
    let subject = s
        .actors
        .iter()
        .any(|a| a.start >= start && a.end <= i && a.is_subject());
    // The head is the place itself, not a facility whose location it gives ("the factory in eastern
    // Mariupol, which"); "operations around Lyman, which" is about Lyman.
    const FACILITY: &[&str] = &[
        "factory",
        "plant",
        "building",
        "airport",
        "airfield",
        "airbase",
        "base",
        "bridge",
        "station",
        "hospital",
        "school",
        "headquarters",
        "port",
        "dam",
        "complex",
        "works",
    ];
    let head = s.slot_ending(head_end).filter(|&p| {
        let mut b = s.slots[p].start;
        while b > 0 && s.has(&s.lx.fillers, b - 1) && s.word(b - 1) != "of" {
            b -= 1;
        }
        !(b >= 2 && s.has(&s.lx.prepositions, b - 1) && FACILITY.contains(&s.word(b - 2)))
    });
    match head {
        Some(p) if subject => vec![p],
        _ => Vec::new(),
    }
}

/// "newly liberated Izyum", "in liberated Kherson": a participle right before a place, as an adjective.
fn adjectival(s: &Sent, i: usize, len: usize) -> bool {
    let lx = s.lx;
    let next = i + len;
    let place_next = s.slot_at(next).is_some()
        || s.has(&lx.settlement_nouns, next)
        || s.has(&lx.settlement_plurals, next);
    if !place_next {
        return false;
    }
    if s.word(i).contains('-')
        || matches!(
            i.checked_sub(1).map(|p| s.word(p)),
            Some("newly" | "recently" | "freshly")
        )
    {
        return true;
    }
    if s.has(&lx.state_participles, i) {
        let subject_before = s.before_modifiers(i).is_some_and(|p| {
            s.actors.iter().any(|a| a.end == p + 1 && a.is_subject())
                || s.has(&lx.perfect, p)
                || s.has(&lx.be, p)
        });
        return !subject_before;
    }
    // Without articles (Ukrainian, Russian) a long-form participle before its noun is an adjective
    // ("звільнений Херсон"); the short predicate form is not ("звільнено Херсон").
    if lx.definite.is_empty() {
        let w = s.word(i);
        return !(w.ends_with("но") || w.ends_with("то") || w.ends_with('н') || w.ends_with('т'));
    }
    // English: only after a determiner or a preposition ("in liberated Kherson"), after another verb
    // ("struck liberated settlements"), or opening the sentence.
    const LEAD: &[&str] = &[
        "the", "a", "an", "newly", "recently", "freshly", "just", "in", "of", "to", "from", "for",
        "into", "at", "across", "near", "around", "through", "within", "outside",
    ];
    match i.checked_sub(1) {
        None => true,
        Some(p) => LEAD.contains(&s.word(p)) || s.has(&lx.prepositions, p),
    }
}

/// "Izyum, captured by Russian forces in April, ...": a participle after a place and a comma, with an agent.
fn reduced_relative(s: &Sent, i: usize) -> bool {
    i >= 2 && s.word(i - 1) == "," && s.slot_ending(i - 1).is_some() && s.has(&s.lx.by, i + 1)
}

/// A place inside a longer actor's name ("Сили оборони", "the Donetsk People's Republic").
fn inside_named_actor(s: &Sent, k: usize) -> bool {
    let sl = &s.slots[k];
    s.actors
        .iter()
        .any(|a| a.end - a.start > sl.end - sl.start && a.start <= sl.start && sl.end <= a.end)
}

/// A place slot that only qualifies a noun after it ("the Kyiv axis", "Mariupol Regional Hospital").
fn modifies_next(s: &Sent, slot: usize) -> bool {
    let mut e = s.slots[slot].end;
    if s.word(e) == "city" {
        e += 1; // "the Kharkiv City axis"
    }
    if s.has(&s.lx.place_modifiers, e) {
        return true;
    }
    // A capitalised word that continues the name into another one ("Mariupol Regional Hospital"); "City"
    // ("Kherson City") names the place itself.
    s.toks.get(e).is_some_and(|t| {
        t.word
            && t.capital
            && t.lower != "city"
            && s.slot_at(e).is_none()
            && s.actor_at(e).is_none()
            && !is_time(s, e)
    })
}

fn is_time(s: &Sent, k: usize) -> bool {
    s.has(&s.lx.time_words, k)
}

/// The places after an event word: its object, through allowed prepositions and fillers, then the list
/// that continues it.
fn theme_after(s: &Sent, from: usize, preps: &'static [&'static str]) -> Vec<usize> {
    let end = s.clause_end(from, &BOUNDED[..4]);
    let (mut j, mut prep) = (from, false);
    for _ in 0..10 {
        if j >= end {
            break;
        }
        match theme_step(s, j, from, preps, prep) {
            Step::Over(next) => j = next,
            Step::Preposition(next) => {
                prep |= s.word(j) != "of";
                j = next;
            }
            Step::Place(k) => return list_from(s, k, end),
            Step::Phantom(e) => return list_at(s, Vec::new(), e, end),
            Step::Including => return including(s, j),
            Step::Stop => break,
        }
    }
    Vec::new()
}

/// What the object search does at one token.
enum Step {
    /// Go on at this token.
    Over(usize),
    /// An allowed preposition: go on at this token.
    Preposition(usize),
    /// The object: this slot, and the list after it.
    Place(usize),
    /// A name the gazetteer lacks heads a list: go on after it.
    Phantom(usize),
    /// A plural settlement noun: its members follow "including".
    Including,
    Stop,
}

fn theme_step(s: &Sent, j: usize, from: usize, preps: &'static [&'static str], prep: bool) -> Step {
    let lx = s.lx;
    if let Some(k) = s.slot_at(j).filter(|&k| !inside_named_actor(s, k)) {
        // "the northern Kharkiv suburb of Dergachi": the first name only says where the second is.
        let e = s.slots[k].end;
        return if s.has(&lx.settlement_nouns, e) && s.word(e + 1) == "of" {
            Step::Over(e + 2)
        } else {
            Step::Place(k)
        };
    }
    if let Some(e) = phantom_end(s, j).filter(|&e| s.has(&lx.coordinators, e)) {
        return Step::Phantom(e);
    }
    let w = s.word(j);
    // A direction that only places a suburb ("the northern Kharkiv suburb of"); "withdrew from their
    // positions in X": a withdrawal from the place.
    let placing = s.has(&lx.blockers, j)
        && (j + 1..j + 4).any(|k| s.has(&lx.settlement_nouns, k) && s.word(k + 1) == "of");
    if placing {
        return Step::Over(j + 1);
    }
    if has_in(preps, "from") && matches!(w, "positions" | "position") && s.word(j + 1) == "in" {
        return Step::Over(j + 2);
    }
    // After a preposition of place ("fighting near the country's second largest city, Kharkiv"), an
    // appositive description may come before the name.
    const DESCRIBING: &[&str] = &[
        "second", "third", "largest", "biggest", "main", "capital", "regional", "city",
    ];
    let describing = prep
        && (w == ","
            || w.ends_with("'s")
            || s.has(&lx.settlement_nouns, j)
            || DESCRIBING.contains(&w));
    if has_in(preps, w) || (w == "out" && s.word(j + 1) == "of") {
        Step::Preposition(j + 1)
    } else if describing || (w == "," && has_in(preps, s.word(j + 1)) && s.word(j + 1) != "of") {
        Step::Over(j + 1)
    } else if j > from && s.word(j - 1) == "of" && s.actor_at(j).is_some() {
        // "the withdrawal of Russian troops from Kherson"
        Step::Over(s.actor_at(j).map_or(j + 1, |a| a.end))
    } else if s.has(&lx.settlement_nouns, j) && s.word(j + 1) == "of" {
        Step::Over(j + 2)
    } else if s.has(&lx.settlement_plurals, j) {
        Step::Including
    } else if s.has(&lx.blockers, j) {
        Step::Stop
    } else if s.has(&lx.fillers, j) || s.has(&lx.adverbs, j) || is_number_word(w) {
        Step::Over(j + 1)
    } else {
        Step::Stop
    }
}

fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "several"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "multiple"
            | "number"
            | "few"
            | "a"
            | "dozen"
            | "dozens"
    ) || w.chars().all(|c| c.is_ascii_digit())
}

/// "captured several settlements ..., including A, B, and C": the members after "including".
fn including(s: &Sent, plural: usize) -> Vec<usize> {
    let lx = s.lx;
    let stop = |k: usize| matches!(s.word(k), ";" | "." | "but");
    let mut k = plural + 1;
    while k < s.len() && k < plural + 25 && !stop(k) {
        if s.has(&lx.including, k) || s.word(k) == ":" || (s.word(k) == "of" && k == plural + 1) {
            let mut j = k + 1;
            if s.word(j) == "as" {
                j += 1; // "such as"
            }
            return match (s.slot_at(j), phantom_end(s, j)) {
                (Some(first), _) => list_from(s, first, s.len()),
                (None, Some(e)) => list_at(s, Vec::new(), e, s.len()),
                (None, None) => Vec::new(),
            };
        }
        k += 1;
    }
    Vec::new()
}

/// A capitalised name that is no slot (a village the gazetteer lacks and the recogniser missed): where it
/// ends, so that a list goes on past it ("the towns of Moshcun and Makariv").
fn phantom_end(s: &Sent, j: usize) -> Option<usize> {
    let name = |k: usize| {
        s.toks.get(k).is_some_and(|t| t.word && t.capital)
            && s.slot_at(k).is_none()
            && s.actor_at(k).is_none()
            && !is_time(s, k)
    };
    if j == 0 || !name(j) {
        return None;
    }
    let mut e = j + 1;
    while e < j + 3 && name(e) {
        e += 1;
    }
    Some(e)
}

/// A locative detail after a list member: "in (northeastern) Kharkiv Oblast", "southwest of Orikhiv", "to
/// the southeast of Orikhiv", "within 20 km of Bakhmut": where it ends, when a place closes it.
fn locative_after(s: &Sent, j: usize) -> Option<usize> {
    let lx = s.lx;
    let mut k = j;
    let direction = |w: &str| crate::links::direction_bearing(w).is_some() || w.ends_with("ern");
    match s.word(k) {
        "in" | "near" | "around" => k += 1,
        "to" if s.word(k + 1) == "the" && direction(s.word(k + 2)) => k += 3,
        w if direction(w) || w.ends_with("km") || s.word(k + 1) == "km" => {
            while k < j + 4 && s.word(k) != "of" {
                k += 1;
            }
        }
        _ => return None,
    }
    if s.word(k) == "of" {
        k += 1;
    }
    while k < j + 6 && (direction(s.word(k)) || s.has(&lx.fillers, k)) && s.slot_at(k).is_none() {
        k += 1;
    }
    let sl = s.slot_at(k)?;
    let region_or_detail = s.slots[sl].region || s.word(j) != "in";
    region_or_detail.then_some(s.slots[sl].end)
}

/// A list starting at slot `first`: ", B", "and C", "as well as D", skipping parentheses, regions that
/// qualify the place before them ("Lozova, Kharkiv Oblast") and names that are no slot.
fn list_from(s: &Sent, first: usize, end: usize) -> Vec<usize> {
    list_at(s, vec![first], s.slots[first].end, end)
}

fn list_at(s: &Sent, mut out: Vec<usize>, mut j: usize, end: usize) -> Vec<usize> {
    let lx = s.lx;
    let end = end.max(s.clause_end(j, &[Bound::Terminator]));
    loop {
        if let Some(e) = locative_after(s, j) {
            j = e; // "Dvorichna and Novomlynsk in northeastern Kharkiv Oblast and Kolomiichykha"
            continue;
        }
        if s.word(j) == "(" {
            match (j..(j + 16).min(s.len())).find(|&x| s.word(x) == ")") {
                Some(p) => {
                    j = p + 1;
                    continue;
                }
                None => break,
            }
        }
        let mut c = j;
        while c < end.min(s.len()) && s.has(&lx.coordinators, c) {
            c += 1;
        }
        if c == j {
            break;
        }
        if s.has(&lx.settlement_nouns, c) && s.word(c + 1) == "of" {
            c += 2;
        } else if s.word(c) == "the" && s.has(&lx.settlement_nouns, c + 1) && s.word(c + 2) == "of"
        {
            c += 3;
        }
        match (s.slot_at(c), phantom_end(s, c)) {
            (Some(q), _) if s.slots[q].qualifier => j = s.slots[q].end,
            (Some(q), _) => {
                out.push(q);
                j = s.slots[q].end;
            }
            (None, Some(e)) => j = e,
            (None, None) => break,
        }
    }
    out.retain(|&k| !modifies_next(s, k));
    out
}

/// The subject place before a passive or intransitive event word ("Lyman, ..., was retaken",
/// "Kherson, which was liberated", "Kupiansk and Izium fell").
fn theme_before(s: &Sent, at: usize, preps: &'static [&'static str]) -> Vec<usize> {
    let lx = s.lx;
    let start = s.clause_start(
        at,
        &[
            Bound::Terminator,
            Bound::Complement,
            Bound::Subordinator,
            Bound::Coordinate,
        ],
    );
    // A relative clause stands for the noun before it.
    if start > 0
        && s.bounds[start - 1] == Some(Bound::Relative)
        && start - 1 == s.clause_start(at, BOUNDED).saturating_sub(1)
    {
        let head_end = if start >= 2 && s.word(start - 2) == "," {
            start - 2
        } else {
            start - 1
        };
        if let Some(p) = s.slot_ending(head_end) {
            return list_back(s, p);
        }
    }
    let mut k = at;
    while k > start && at - k < 16 {
        k -= 1;
        if let Some(p) = s.slot_ending(k + 1) {
            let sl = &s.slots[p];
            // A speaker ("Moscow said ... had been left") or a name inside an actor's name is no subject
            // place.
            if s.actors.iter().any(|a| {
                a.start <= sl.start && sl.end <= a.end && (a.is_subject() || a.end - a.start > 1)
            }) {
                k = sl.start;
                continue;
            }
            // A preposition before the place makes it a detail, unless it is the event's own ("в город
            // вошли": entered into the town).
            let prep = sl.start > 0
                && s.has(&lx.prepositions, sl.start - 1)
                && !has_in(preps, s.word(sl.start - 1));
            let settlement_of = sl.start > 1
                && s.word(sl.start - 1) == "of"
                && s.has(&lx.settlement_nouns, sl.start - 2);
            if (!prep || settlement_of) && !sl.detail && !in_apposition(s, p) {
                return list_back(s, p);
            }
            k = sl.start;
            continue;
        }
        if k + 1 < at && !lx.triggers_at(&s.w, k).is_empty() {
            break;
        }
    }
    Vec::new()
}

/// A place inside an apposition that describes the subject ("Robotyne, a village ... in southern
/// Zaporizhzhia region, has been liberated"): between the comma after another place and this one stands an
/// article or a settlement noun.
fn in_apposition(s: &Sent, k: usize) -> bool {
    let start = s.slots[k].start;
    let Some(comma) = (0..start).rev().find(|&j| s.word(j) == ",") else {
        return false;
    };
    comma > 0
        && s.slot_ending(comma).is_some()
        && (comma + 1..start)
            .any(|j| matches!(s.word(j), "a" | "an") || s.has(&s.lx.settlement_nouns, j))
}

/// The list ending at slot `last`, in text order ("Kupiansk and Izium were liberated").
fn list_back(s: &Sent, last: usize) -> Vec<usize> {
    let lx = s.lx;
    let mut out = vec![last];
    let mut j = s.slots[last].start;
    loop {
        let mut c = j;
        while c > 0 && s.has(&lx.coordinators, c - 1) {
            c -= 1;
        }
        if c == j {
            break;
        }
        match s.slot_ending(c) {
            Some(q) if !s.slots[q].qualifier => {
                out.insert(0, q);
                j = s.slots[q].start;
            }
            _ => break,
        }
    }
    out
}

/// Who acts in an event.
fn agent(s: &Sent, e: &Event, t: Trigger) -> Agent {
    let lx = s.lx;
    let after = e.at + e.len;
    let actor_after = |preps: &Words, from: usize, reach: usize| {
        (from..(from + reach).min(s.len()))
            .find(|&k| s.has(preps, k))
            .and_then(|k| {
                s.actors
                    .iter()
                    .position(|a| a.start == k + 1 || (a.start == k + 2 && s.word(k + 1) == "the"))
            })
    };
    match e.voice {
        Voice::Passive => {
            let winner = if e.action == Action::Gain && t.theme == Theme::Before {
                actor_after(&lx.to_winner, after, 2)
            } else {
                None
            };
            let last = e.slots.last().map_or(after, |&k| s.slots[k].end.max(after));
            winner
                .or_else(|| actor_after(&lx.by, after, 6))
                .or_else(|| actor_after(&lx.by, last, 4))
                .map_or(Agent::Unknown, Agent::Actor)
        }
        Voice::Nominal => nominal_agent(s, e),
        Voice::Adjectival => Agent::Unknown,
        Voice::Active => governed_object(s, e)
            .or_else(|| subject(s, e.at, participial(s, e)))
            .or_else(|| subject_after(s, e))
            .map_or(Agent::Unknown, Agent::Actor),
    }
}

/// A gerund that heads a participial clause (", capturing X"; "since taking X"): its subject is the main
/// clause's.
fn participial(s: &Sent, e: &Event) -> bool {
    e.form == Form::Gerund
        && s.before_adverbs(e.at)
            .is_some_and(|p| !s.has(&s.lx.be, p) && s.has(&s.lx.gerund_factual, p))
}

/// "forced Russian troops to withdraw": the object of the governing verb does what the infinitive says.
fn governed_object(s: &Sent, e: &Event) -> Option<usize> {
    if e.form != Form::Base {
        return None;
    }
    let to = s.before_adverbs(e.at).filter(|&t| s.has(&s.lx.to, t))?;
    s.actors
        .iter()
        .position(|a| a.end == to && a.kind == Kind::Military)
}

/// Free word order (Ukrainian, Russian): the subject may follow its verb ("в місто увійшли українські
/// підрозділи").
fn subject_after(s: &Sent, e: &Event) -> Option<usize> {
    if !s.lx.definite.is_empty() {
        return None;
    }
    let from = e.at + e.len;
    s.actors
        .iter()
        .position(|a| a.start >= from && a.start <= from + 2 && a.kind == Kind::Military)
}

/// The subject actor of the verb at `at`: the nearest before it in its clause, or for a participial clause
/// the first of the sentence's main clause.
pub fn subject(s: &Sent, at: usize, participial: bool) -> Option<usize> {
    let mut start = s.clause_start(at, &[Bound::Terminator, Bound::Complement, Bound::Relative]);
    // "Russian forces still control Lyman but have withdrawn from Yampil": a verb after "but" with no subject
    // of its own shares the one before.
    while start > 0
        && matches!(s.word(start - 1), "but" | "yet" | "але" | "но")
        && !s.actors.iter().any(|a| a.start >= start && a.end <= at)
    {
        start = s.clause_start(
            start - 1,
            &[Bound::Terminator, Bound::Complement, Bound::Relative],
        );
    }
    let mut cands = s
        .actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.end <= at && a.start >= start && a.is_subject())
        .map(|(k, _)| k);
    if participial {
        cands.next()
    } else {
        cands.next_back()
    }
}

/// The agent of an event noun: a side adjective or possessor before it ("the Ukrainian withdrawal",
/// "Russia's capture", "their withdrawal"), "of <actor>" after it ("the withdrawal of Russian troops"), or
/// "by <actor>" after its place.
fn nominal_agent(s: &Sent, e: &Event) -> Agent {
    let lx = s.lx;
    let mut j = e.at;
    while j > 0 && e.at - j < 3 {
        j -= 1;
        if let Some(k) = s.actors.iter().position(|a| a.end == j + 1 || a.start == j) {
            return Agent::Actor(k);
        }
        if let Some(side) = (lx.side_word)(s.toks[j].stem()) {
            return Agent::Gains(match e.action {
                Action::Gain | Action::Regain => side,
                _ => side.opposite(),
            });
        }
        if matches!(s.word(j), "the" | "a" | "an") {
            break;
        }
    }
    let next = e.at + e.len;
    if s.word(next) == "of" {
        if let Some(k) = s
            .actors
            .iter()
            .position(|a| a.start == next + 1 || (a.start == next + 2 && s.word(next + 1) == "the"))
        {
            return Agent::Actor(k);
        }
    }
    let last = e.slots.last().map_or(next, |&k| s.slots[k].end);
    if s.has(&lx.by, last) {
        if let Some(k) = s.actors.iter().position(|a| a.start == last + 1) {
            return Agent::Actor(k);
        }
    }
    Agent::Unknown
}

/// Flags, control phrases and expulsions.
fn special_at(s: &Sent, i: usize) -> Option<Event> {
    flag_event(s, i)
        .or_else(|| presence_event(s, i))
        .or_else(|| controlled_event(s, i))
        .or_else(|| control_state_event(s, i))
        .or_else(|| expel_event(s, i))
}

fn fixed(
    at: usize,
    len: usize,
    action: Action,
    mood: Mood,
    slots: Vec<usize>,
    agent: Agent,
) -> Event {
    Event {
        at,
        len,
        action,
        form: Form::Past,
        voice: Voice::Active,
        mood,
        slots,
        agent,
        euphemism: false,
    }
}

/// "Geolocated footage shows Ukrainian troops in Borova": evidence of one side's troops inside a place.
fn presence_event(s: &Sent, i: usize) -> Option<Event> {
    let lx = s.lx;
    if !s.has(&lx.perception, i) || !(i.saturating_sub(6)..i).any(|k| s.has(&lx.evidence, k)) {
        return None;
    }
    let a = s
        .actors
        .iter()
        .position(|a| a.start == i + 1 || (a.start == i + 2 && s.word(i + 1) == "that"))?;
    let actor = &s.actors[a];
    if actor.kind != Kind::Military || !actor.side().is_belligerent() {
        return None;
    }
    let at = actor.end;
    let into = match s.word(at) {
        "in" | "inside" | "entering" => at + 1,
        _ => return None,
    };
    let slots = theme_after(s, into, &[]);
    // "Russian forces in Chaplynka attempting to hide revetments": the troops are doing something there,
    // not shown to have arrived.
    let end = slots.last().map_or(into, |&k| s.slots[k].end);
    let doing = (end..(end + 8).min(s.len()))
        .take_while(|&k| s.word(k) != "," || k == end)
        .any(|k| s.word(k).ends_with("ing") && s.word(k) != "during");
    (!slots.is_empty() && !doing).then(|| {
        fixed(
            i,
            at + 1 - i,
            Action::Gain,
            Mood::Fact,
            slots,
            Agent::Gains(actor.side()),
        )
    })
}

/// "raised the Ukrainian flag over Kupiansk", "a raised Ukrainian flag over X": the flag's side gains.
fn flag_event(s: &Sent, i: usize) -> Option<Event> {
    let lx = s.lx;
    if !s.has(&lx.flag, i) {
        return None;
    }
    let side = (i.saturating_sub(2)..i).find_map(|k| (lx.side_word)(s.toks[k].stem()))?;
    let verb = (i.saturating_sub(5)..i).find(|&k| s.has(&lx.flag_verbs, k))?;
    let m = if verb + 1 < i
        && s.has(&lx.definite, verb - usize::from(verb > 0))
        && s.word(verb) == "raised"
    {
        Mood::Fact
    } else {
        mood(s, verb, Form::Past)
    };
    let mut j = i + 1;
    while j < s.len() && j < i + 12 {
        if let Some(k) = s.slot_at(j).filter(|&k| !s.slots[k].detail) {
            if s.word(j - 1) != "from" {
                return Some(fixed(
                    verb,
                    i + 1 - verb,
                    Action::Gain,
                    m,
                    list_from(s, k, s.len()),
                    Agent::Gains(side),
                ));
            }
        }
        if matches!(s.word(j), "." | ";" | "but" | "(") {
            break;
        }
        j += 1;
    }
    None
}

/// "Kherson is back under Ukrainian control", "returned to Ukrainian control": the subject place changed
/// hands to the named side.
fn controlled_event(s: &Sent, i: usize) -> Option<Event> {
    let lx = s.lx;
    if !s.has(&lx.control, i) || i < 2 {
        return None;
    }
    let side_at = (i.saturating_sub(2)..i).find(|&k| (lx.side_word)(s.toks[k].stem()).is_some())?;
    let side = (lx.side_word)(s.toks[side_at].stem())?;
    let under = side_at
        .checked_sub(1)
        .filter(|&u| s.has(&lx.under, u) || s.word(u) == "to")?;
    let change = (under.saturating_sub(4)..under).any(|k| s.has(&lx.control_change, k));
    if !change {
        return None;
    }
    let m = mood(s, under, Form::Past);
    let slots = theme_before(s, under, &[]);
    Some(fixed(
        under,
        i + 1 - under,
        Action::Gain,
        m,
        slots,
        Agent::Gains(side),
    ))
}

/// "Ukrainian forces control the entirety of Kyiv Oblast" (a complete or new control is a claim; "still
/// control" is not), "Russian forces no longer control Lyman" (a loss).
fn control_state_event(s: &Sent, i: usize) -> Option<Event> {
    let lx = s.lx;
    if !s.has(&lx.control, i) || s.lx.to.is_empty() {
        return None;
    }
    let mut p = i;
    let mut lost = false;
    let mut window = Vec::new();
    while p > 0 && i - p < 4 {
        p -= 1;
        window.push(p);
        lost |= lx
            .control_lost
            .iter()
            .any(|ws| ws.iter().enumerate().all(|(k, w)| s.word(p + k) == *w));
        if s.actors.iter().any(|a| a.end == p + 1 && a.is_subject()) {
            break;
        }
    }
    let subj = s
        .actors
        .iter()
        .position(|a| a.end == p + 1 && a.is_subject())?;
    let kept = (s.clause_start(i, BOUNDED)..i + 2).any(|k| s.has(&lx.control_kept, k));
    let complete = window.iter().any(|&k| s.has(&lx.control_complete, k))
        || (i + 1..(i + 4).min(s.len())).any(|k| s.has(&lx.control_complete, k));
    if kept || !(complete || lost) {
        return None;
    }
    let slots = theme_after(s, i + 1, &["of", "over"]);
    let action = if lost { Action::Loss } else { Action::Gain };
    let m = if lost {
        Mood::Fact
    } else {
        mood(s, i, Form::Present)
    };
    let m = if m == Mood::Negated && lost {
        Mood::Fact
    } else {
        m
    };
    Some(fixed(i, 1, action, m, slots, Agent::Actor(subj)))
}

/// "pushed Russian troops out of Kherson", "cleared Mariupol of Ukrainian forces": the subject gains,
/// the expelled side loses.
fn expel_event(s: &Sent, i: usize) -> Option<Event> {
    let lx = s.lx;
    if !s.has(&lx.expel, i) {
        return None;
    }
    let form = if s.word(i).ends_with("ing") {
        Form::Gerund
    } else {
        Form::PastOrParticiple
    };
    let m = mood(s, i, form);
    // "<verb> <actor> out of|from <place>"
    if let Some(k) = s
        .actors
        .iter()
        .position(|a| a.start > i && a.start <= i + 2)
    {
        let a = &s.actors[k];
        let mut j = a.end;
        if s.has(&lx.expel_preps, j) && s.word(j) != "of" {
            j += if s.word(j) == "out" && s.word(j + 1) == "of" {
                2
            } else {
                1
            };
            let slots = theme_after(s, j, &[]);
            if !slots.is_empty() {
                let agent = match subject(s, i, false) {
                    Some(subj)
                        if s.actors[subj].kind == Kind::Military
                            && !s.actors[subj].sides.is_empty() =>
                    {
                        Agent::Actor(subj)
                    }
                    _ => Agent::Expelled(k),
                };
                return Some(fixed(i, 1, Action::Gain, m, slots, agent));
            }
        }
        return None;
    }
    // "cleared <place> of <actor>"; "cleared Krynky" (of the enemy, unsaid).
    let slots = theme_after(s, i + 1, &[]);
    let last = *slots.last()?;
    let e = s.slots[last].end;
    if s.word(e) == "of" {
        if let Some(k) = s.actors.iter().position(|a| a.start == e + 1) {
            let agent = subject(s, i, false).map_or(Agent::Expelled(k), Agent::Actor);
            return Some(fixed(i, 1, Action::Gain, m, slots, agent));
        }
    }
    let subj = subject(s, i, false)
        .filter(|&k| matches!(s.actors[k].kind, Kind::Military | Kind::Pronoun))?;
    (s.word(i) == "cleared").then(|| fixed(i, 1, Action::Gain, m, slots, Agent::Actor(subj)))
}
