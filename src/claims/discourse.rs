//! Reading a document sentence by sentence, with what carries across sentences: the places "the town" can
//! point back to, the last actor "they" can mean, and the claims a later denial, retraction or
//! acknowledgement is about.

use super::actors::Kind;
use super::events::{events, Agent, Event, Voice};
use super::lexicon::{self, Action, Lexicon};
use super::scopes::{attributions, cues, Attribution, Cue, CueKind, Mood};
use super::sentence::{Sent, Slot};
use super::{Claim, Side, Verification};
use crate::doc::Doc;
use crate::gazetteer::Gazetteer;
use crate::index::record::Kind as EntryKind;

/// Places a later "the town" or "those villages" can mean: groups of mentions, newest last.
#[derive(Default)]
struct Memory {
    groups: Vec<(usize, Vec<usize>)>,
    /// The side of the last subject actor with one ("they" in the next sentence).
    subject: Option<Side>,
}

pub struct Reader<'d, 'g> {
    doc: &'d Doc<'d>,
    g: &'g Gazetteer,
    memory: Memory,
    out: Vec<Claim>,
    /// For each claim, the sentence it comes from.
    from: Vec<usize>,
    /// How each sentence read was understood, when asked for ([`super::explain`]).
    trace: Option<Vec<String>>,
}

impl<'d, 'g> Reader<'d, 'g> {
    pub fn new(doc: &'d Doc<'d>, g: &'g Gazetteer) -> Reader<'d, 'g> {
        Reader {
            doc,
            g,
            memory: Memory::default(),
            out: Vec::new(),
            from: Vec::new(),
            trace: None,
        }
    }

    /// Keeps a trace of every sentence read.
    pub fn traced(mut self) -> Reader<'d, 'g> {
        self.trace = Some(Vec::new());
        self
    }

    /// The claims and the trace.
    pub fn read_traced(self) -> (Vec<Claim>, Vec<String>) {
        let mut r = self.traced();
        r.run();
        (r.out, r.trace.unwrap_or_default())
    }

    pub fn read(mut self) -> Vec<Claim> {
        self.run();
        self.out
    }

    fn run(&mut self) {
        for (i, hints) in super::prefilter::sentence_hints(self.doc)
            .into_iter()
            .enumerate()
        {
            let has_mention = self.doc.sentence_mentions(i).next().is_some();
            if hints.worth_reading(has_mention, !self.out.is_empty()) {
                self.sentence(i);
            } else {
                self.remember_places(i, None);
            }
        }
    }

    fn sentence(&mut self, i: usize) {
        let doc = self.doc;
        let toks = doc.tokens(i);
        let cyrillic = doc.script(i) == crate::doc::Script::Cyrillic;
        // An event claims only places the sentence maps ("the town" included); with none, and no claim
        // before it for a cue to reach back to, the events need not be found (unless a trace shows them,
        // or an empty Cyrillic reading is to be tried in Russian).
        let seek = |s: &Sent| {
            cyrillic
                || self.trace.is_some()
                || !self.out.is_empty()
                || s.slots.iter().any(|sl| !sl.targets.is_empty())
        };
        let read = |lx: &'static Lexicon| {
            let mut s = Sent::new(lx, toks, self.slots(i, toks));
            self.anaphors(&mut s);
            let evs = if seek(&s) { events(&s) } else { Vec::new() };
            (s, evs)
        };
        let (mut s, mut evs) = read(lexicon::for_script(doc.script(i)));
        // Cyrillic that shows neither language is read as Ukrainian, then as Russian if that finds nothing.
        if evs.is_empty() && cyrillic {
            (s, evs) = read(&lexicon::ru::LEXICON);
        }
        // Attributions serve this sentence's events; cues those and the claims before it (a trace shows both).
        let tracing = self.trace.is_some();
        let attrs = if evs.is_empty() && !tracing {
            Vec::new()
        } else {
            attributions(&s)
        };
        let cs = if evs.is_empty() && self.out.is_empty() && !tracing {
            Vec::new()
        } else {
            cues(&s)
        };
        if let Some(t) = self.trace.as_mut() {
            t.push(super::explain::reading(doc.text, &s, &attrs, &cs, &evs));
        }
        let first_claim = self.out.len();
        let mut covered = Vec::new();
        for e in &evs {
            match e.mood {
                Mood::Fact => {
                    covered.push(e.at);
                    self.claims_of(i, &s, e, &attrs, &cs);
                }
                Mood::Negated => self.negated(&s, e, &attrs),
                Mood::Unreal => {}
            }
        }
        self.backward_cues(i, &s, &cs, &covered, first_claim);
        self.remember_places(i, Some(&s));
    }

    /// The places of sentence `i` as slots, with "the town" and "those villages" resolved.
    fn slots(&self, i: usize, toks: &[crate::text::Token]) -> Vec<Slot> {
        let g = self.g;
        let mut out: Vec<Slot> = Vec::new();
        let mut depth_at = vec![0usize; toks.len() + 1];
        let mut depth = 0usize;
        for (k, t) in toks.iter().enumerate() {
            if t.lower == "(" {
                depth += 1;
            } else if t.lower == ")" {
                depth = depth.saturating_sub(1);
            }
            depth_at[k + 1] = depth;
        }
        for (k, m) in self.doc.sentence_mentions(i) {
            if m.is_non_settlement() {
                continue;
            }
            let Some((a, b)) = crate::text::token_span(toks, m.start, m.end) else {
                continue;
            };
            if toks[b - 1].end > m.end || toks[a].start < m.start {
                continue; // inside a longer word ("Moscow-installed", "Kherson's")
            }
            let (targets, region, settlement, home) = match m.entry {
                Some(e) => {
                    let kind = g.kind(e);
                    let mappable = !matches!(kind, EntryKind::Country | EntryKind::WorldRegion);
                    (
                        if mappable { vec![k] } else { vec![] },
                        matches!(kind, EntryKind::Admin1 | EntryKind::Admin2),
                        kind == EntryKind::Place,
                        Side::of_country(g.country(e)),
                    )
                }
                None => (vec![], false, true, Side::Unknown),
            };
            let w = |j: usize| toks.get(j).map_or("", |t| t.lower.as_str());
            let detail = depth_at[a] > 0
                || (a >= 2
                    && matches!(w(a - 1), "of" | "from")
                    && is_direction_or_distance(w(a - 2)));
            // A region after a settlement and a comma says where the settlement is; when the gazetteer
            // lacks the settlement, that cannot be checked, and the comma is reading enough.
            let qualifier = region
                && a >= 2
                && w(a - 1) == ","
                && out.last().is_some_and(|p| {
                    p.end + 1 == a && p.settlement && (p.targets.is_empty() || self.contains(k, p))
                })
                && !matches!(w(b), "and" | "or");
            out.push(Slot {
                start: a,
                end: b,
                targets,
                detail,
                anaphor: false,
                region,
                settlement,
                qualifier,
                home,
            });
        }
        out
    }

    /// Whether region mention `region` contains the place of slot `place`.
    fn contains(&self, region: usize, place: &Slot) -> bool {
        let ms = self.doc.mentions;
        let (Some(r), Some(&p)) = (ms[region].entry, place.targets.first()) else {
            return false;
        };
        let Some(p) = ms[p].entry else { return false };
        self.g.country(r) == self.g.country(p) && self.g.admin1_code(r) == self.g.admin1_code(p)
    }

    /// "the town", "this settlement", "those cities": slots that stand for earlier places (not for a
    /// place named as a speaker: "Kyiv denied the city had fallen").
    fn anaphors(&self, s: &mut Sent) {
        let mut found = Vec::new();
        for j in 0..s.len().saturating_sub(1) {
            if s.slots.iter().any(|sl| sl.start <= j + 1 && j < sl.end) {
                continue;
            }
            if let Some((end, plural)) = anaphor_span(s, j) {
                let targets = self.antecedents(s, j, plural);
                if !targets.is_empty() {
                    found.push(Slot::anaphor(j, end, targets));
                }
            }
        }
        s.slots.extend(found);
        s.slots.sort_by_key(|sl| sl.start);
    }

    /// The places an anaphor at token `j` stands for: the nearest settlement before it (for a plural, the
    /// nearest group), not a place inside an actor's name ("the Donetsk People's Republic", "Kyiv denied")
    /// or one that only qualifies a noun ("the Donetsk direction").
    fn antecedents(&self, s: &Sent, j: usize, plural: bool) -> Vec<usize> {
        let excluded = |sl: &Slot| {
            s.actors
                .iter()
                .any(|a| a.start <= sl.start && sl.end <= a.end)
                || matches!(s.word(sl.end), "direction" | "axis" | "front" | "sector")
        };
        let before: Vec<&Slot> = s
            .slots
            .iter()
            .filter(|sl| sl.end <= j && !excluded(sl))
            .collect();
        if plural {
            self.last_group(&before, 2)
        } else {
            self.last_group(&before, 1)
                .into_iter()
                .last()
                .into_iter()
                .collect()
        }
    }

    /// The newest group of at least `min` settlement mentions: in `before` (this sentence), else in the
    /// last three sentences.
    fn last_group(&self, before: &[&Slot], min: usize) -> Vec<usize> {
        let ok = |s: &&&Slot| !s.detail && s.settlement && !s.anaphor;
        let here: Vec<&&Slot> = before.iter().filter(ok).collect();
        if min == 1 {
            // The nearest settlement, even one the gazetteer lacks (then "the town" maps nowhere).
            if let Some(last) = here.last() {
                return last.targets.clone();
            }
        } else if here.len() >= min {
            return here.iter().flat_map(|s| s.targets.clone()).collect();
        }
        self.memory
            .groups
            .iter()
            .rev()
            .take(3)
            .find(|(_, g)| g.len() >= min)
            .map(|(_, g)| g.clone())
            .unwrap_or_default()
    }

    fn remember_places(&mut self, i: usize, s: Option<&Sent>) {
        let g = self.g;
        let ms = self.doc.mentions;
        let group: Vec<usize> = match s {
            Some(s) => s
                .slots
                .iter()
                .filter(|sl| !sl.detail && !sl.region && !sl.anaphor)
                .flat_map(|sl| sl.targets.clone())
                .collect(),
            None => self
                .doc
                .sentence_mentions(i)
                .filter(|(_, m)| {
                    m.entry.is_some_and(|e| g.kind(e) == EntryKind::Place) && !m.is_non_settlement()
                })
                .map(|(k, _)| k)
                .collect(),
        };
        let group: Vec<usize> = group
            .into_iter()
            .filter(|&k| ms[k].entry.is_some_and(|e| g.kind(e) == EntryKind::Place))
            .collect();
        if !group.is_empty() {
            self.memory.groups.push((i, group));
            if self.memory.groups.len() > 8 {
                self.memory.groups.remove(0);
            }
        }
        if let Some(s) = s {
            if let Some(a) = s
                .actors
                .iter()
                .rev()
                .find(|a| a.is_subject() && a.side().is_belligerent())
            {
                self.memory.subject = Some(a.side());
            }
        }
    }

    /// The side of the actor that acts in `e`, before defaults.
    fn agent_side(&self, s: &Sent, e: &Event, attr: Option<&Attribution>) -> Option<Side> {
        let claimant = attr
            .and_then(|a| a.sides.first().copied())
            .filter(|x| x.is_belligerent());
        match e.agent {
            Agent::Gains(_) | Agent::Unknown => None,
            Agent::Expelled(k) => Some(s.actors[k].side().opposite()),
            Agent::Actor(k) => {
                let a = &s.actors[k];
                match a.kind {
                    Kind::Enemy => Some(claimant.map(Side::opposite).unwrap_or(s.lx.enemy_default)),
                    Kind::Pronoun => match antecedent(s, k, attr) {
                        Antecedent::Actor(b) => Some(s.actors[b].side()),
                        // "the commander-in-chief confirmed that his troops ...": the speaker's side, which
                        // the sentence may not tell.
                        Antecedent::Claimant => attr.and_then(|a| a.sides.first().copied()),
                        Antecedent::Before => self.memory.subject,
                    },
                    // Officials, bloggers and journalists do not leave a place.
                    Kind::Speaker if matches!(e.action, Action::Loss | Action::Euphemism) => {
                        Some(Side::ThirdParty)
                    }
                    _ => Some(a.side()),
                }
            }
        }
    }

    /// The gaining and losing sides of `e` at the place of mention `m`.
    fn sides(&self, s: &Sent, e: &Event, attrs: &[Attribution], m: usize) -> Option<(Side, Side)> {
        let attr = innermost(attrs, e.at);
        if let Agent::Gains(x) = e.agent {
            return x.is_belligerent().then(|| (x, x.opposite()));
        }
        let home = self.doc.mentions[m]
            .entry
            .map_or(Side::Unknown, |en| Side::of_country(self.g.country(en)));
        let mut agent = self.agent_side(s, e, attr).unwrap_or(Side::Unknown);
        if agent == Side::ThirdParty {
            return None;
        }
        if !agent.is_belligerent() {
            agent = self.default_agent(s, e, &covering(attrs, e.at), m, home)?;
        }
        let gaining = match e.action {
            Action::Gain | Action::Regain => agent,
            Action::Loss | Action::Euphemism => agent.opposite(),
        };
        gaining
            .is_belligerent()
            .then(|| (gaining, gaining.opposite()))
    }

    /// The agent's side when the sentence names none: a belligerent official claimant's own side; the
    /// liberating side of a liberation and the attacker of a fall or capture told without an agent; else
    /// the document's earlier claim about the same place.
    fn default_agent(
        &self,
        s: &Sent,
        e: &Event,
        over: &[&Attribution],
        m: usize,
        home: Side,
    ) -> Option<Side> {
        // The innermost attribution that names one side ("its own statement that the city had been
        // liberated", inside "Prigozhin announced ...").
        for a in over {
            let Some(side) = a
                .sides
                .first()
                .copied()
                .filter(|x| x.is_belligerent() && a.sides.len() == 1)
            else {
                continue;
            };
            let official = a.who.as_ref().is_some_and(|r| {
                matches!(
                    claimant_type(s.lx, &s.w[r.clone()]),
                    "military_official" | "government" | "local_official"
                )
            });
            // "Russian claims of capturing Dolyna": the claim is about the claimant's own side's deed; and a
            // side that says a place "has been liberated" or "was captured" means by its own side.
            let governed = e.at <= a.cue + 3 && e.at > a.cue;
            let gain = matches!(e.action, Action::Gain | Action::Regain);
            // "Shoigu reported that units of the Yug group liberated X": units the text gives no side are
            // the speaker's own.
            let own_units = matches!(e.agent, Agent::Actor(k) if s.actors[k].sides.is_empty() && s.actors[k].kind == Kind::Military);
            if official
                || a.military
                || governed
                || (gain && (e.voice != Voice::Active || own_units))
            {
                return Some(side);
            }
        }
        let agentless = e.voice != Voice::Active;
        match e.action {
            Action::Regain if agentless => {
                s.lx.liberator.or(Some(home)).filter(|x| x.is_belligerent())
            }
            Action::Gain if agentless && home.is_belligerent() => Some(home.opposite()),
            _ => self.earlier_claim(m).map(|c| match e.action {
                Action::Loss | Action::Euphemism => c.losing,
                _ => c.gaining,
            }),
        }
    }

    /// The document's latest claim about the place of mention `m`.
    fn earlier_claim(&self, m: usize) -> Option<&Claim> {
        let entry = self.doc.mentions[m].entry?;
        self.out
            .iter()
            .rev()
            .find(|c| self.doc.mentions[c.mention].entry == Some(entry))
    }

    fn claims_of(&mut self, i: usize, s: &Sent, e: &Event, attrs: &[Attribution], cs: &[Cue]) {
        let attr = innermost(attrs, e.at);
        let text = self.doc.text;
        let targets: Vec<usize> = e
            .slots
            .iter()
            .flat_map(|&k| s.slots[k].targets.clone())
            .collect();
        for m in targets {
            let Some((gaining, losing)) = self.sides(s, e, attrs, m) else {
                continue;
            };
            let who_side = speaker_side(s, e, attr, gaining, losing);
            let verification = verification(s, e, attrs, cs, gaining, losing, who_side);
            let (claimant, claimant_type) = match attr.and_then(|a| a.who.clone()) {
                Some(r) => (
                    Some(s.phrase(text, r.start, r.end)),
                    claimant_type(s.lx, &s.w[r]),
                ),
                None => (None, "unknown"),
            };
            let claimant_side = if attr.is_some_and(|a| a.third) && who_side == Side::Unknown {
                Side::ThirdParty
            } else {
                who_side
            };
            let actor = match e.agent {
                Agent::Actor(k) => Some(s.phrase(text, s.actors[k].start, s.actors[k].end)),
                _ => None,
            };
            let country = self.doc.mentions[m].entry.map(|en| self.g.country(en));
            self.out.push(Claim {
                mention: m,
                claim_type: claim_type(e, gaining, country),
                gaining,
                losing,
                confidence: confidence(e, actor.is_some(), verification),
                actor,
                claimant,
                claimant_side,
                claimant_type,
                verification,
                cue: s.phrase(text, e.at, e.at + e.len),
                euphemism: e.euphemism,
                sentence: self.doc.sentences[i].range.clone(),
                clause: clause_bytes(s, e),
            });
            self.from.push(i);
        }
    }

    /// A negated event disputes the document's earlier claims of that change ("Wagner has not captured X").
    fn negated(&mut self, s: &Sent, e: &Event, attrs: &[Attribution]) {
        // "has not captured", "never took": a denial; "failed to enter the city from the east" is an
        // attempt, not a denial of what happened elsewhere.
        let plain = (e.at.saturating_sub(4)..e.at).any(|k| {
            matches!(s.word(k), "not" | "never" | "n't" | "не" | "ні") || s.word(k).ends_with("n't")
        });
        if !plain {
            return;
        }
        for &k in &e.slots {
            for &m in &s.slots[k].targets {
                let Some((gaining, _)) = self.sides(s, e, attrs, m) else {
                    continue;
                };
                let entry = self.doc.mentions[m].entry;
                for c in self.out.iter_mut() {
                    if c.gaining == gaining && self.doc.mentions[c.mention].entry == entry {
                        c.verification = Verification::Disputed;
                    }
                }
            }
        }
    }

    /// Denials and "cannot confirm" cues that point back: to this sentence's claims before them, else to the
    /// previous sentence's claims (a denial only of the denier's loss); a cue that names places reaches
    /// only earlier claims about those places.
    fn backward_cues(
        &mut self,
        i: usize,
        s: &Sent,
        cs: &[Cue],
        covered: &[usize],
        first_claim: usize,
    ) {
        for c in cs.iter().filter(|c| c.kind != CueKind::Evidence) {
            let v = match c.kind {
                CueKind::Denial => Verification::Disputed,
                _ => Verification::Unverified,
            };
            let here = covered.iter().any(|&at| c.scope.contains(&at));
            if here {
                continue;
            }
            // The places the cue's object names ("denied reports of fighting in Krasnohorivka"), not its
            // speaker ("Kyiv denied").
            let named: Vec<_> = s
                .slots
                .iter()
                .filter(|sl| {
                    sl.start > c.at
                        && !s
                            .actors
                            .iter()
                            .any(|a| a.start <= sl.start && sl.start < a.end)
                })
                .flat_map(|sl| {
                    sl.targets
                        .iter()
                        .filter_map(|&m| self.doc.mentions[m].entry)
                })
                .collect();
            let prev = self.from[..first_claim].last().copied();
            for (k, claim) in self.out[..first_claim].iter_mut().enumerate() {
                let entry = self.doc.mentions[claim.mention].entry;
                let hit = if !named.is_empty() {
                    entry.is_some_and(|e| named.contains(&e))
                } else {
                    c.back
                        && Some(self.from[k]) == prev
                        && prev.is_some_and(|p| p + 2 >= i)
                        && (!c.by.is_belligerent()
                            || c.kind != CueKind::Denial
                            || claim.losing == c.by)
                };
                // A later denial or doubt replaces a bare claim; evidence and admissions stand.
                if hit
                    && !matches!(
                        claim.verification,
                        Verification::Corroborated | Verification::Acknowledged
                    )
                {
                    claim.verification = v;
                }
            }
        }
    }
}

/// An anaphor starting at token `j`: "the town", "the whole city", "this settlement", "those villages", and
/// without articles (Ukrainian, Russian) a bare settlement noun ("в город"). Its end and whether it is
/// plural.
fn anaphor_span(s: &Sent, j: usize) -> Option<(usize, bool)> {
    let lx = s.lx;
    if !s.has(&lx.anaphor_determiners, j) {
        let bare = lx.definite.is_empty()
            && s.has(&lx.settlement_nouns, j)
            && !s.toks.get(j + 1).is_some_and(|t| t.capital)
            && s.slot_at(j + 1).is_none();
        return bare.then_some((j + 1, false));
    }
    let n = if matches!(
        s.word(j + 1),
        "whole" | "entire" | "same" | "besieged" | "embattled" | "ruined"
    ) {
        j + 2
    } else {
        j + 1
    };
    let singular = s.has(&lx.settlement_nouns, n);
    let plural = s.has(&lx.settlement_plurals, j + 1)
        && matches!(s.word(j), "those" | "these" | "both" | "ці" | "эти");
    let names_follow = s.word(n + 1) == "of" || s.toks.get(n + 1).is_some_and(|t| t.capital);
    ((singular || plural) && !names_follow).then_some((n + 1, plural))
}

/// The side of whoever says `e`: the attribution's side, or, when the speaker's words make the agent its own
/// ("the commander-in-chief confirmed that his troops ...", "..., its commander said"), the agent's side.
fn speaker_side(
    s: &Sent,
    e: &Event,
    attr: Option<&Attribution>,
    gaining: Side,
    losing: Side,
) -> Side {
    let side = attr.map_or(Side::Unknown, |a| {
        a.sides.first().copied().unwrap_or(Side::Unknown)
    });
    let agents = match e.action {
        Action::Loss | Action::Euphemism => losing,
        _ => gaining,
    };
    let own_troops = matches!(e.agent, Agent::Actor(k)
        if s.actors[k].kind == Kind::Pronoun && antecedent(s, k, attr) == Antecedent::Claimant);
    let own_commander = attr.and_then(|a| a.who.clone()).is_some_and(|r| {
        s.w[r]
            .iter()
            .any(|w| matches!(*w, "its" | "their" | "his" | "her"))
    });
    if own_troops || (side == Side::Unknown && own_commander) {
        agents
    } else {
        side
    }
}

/// What a pronoun actor refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Antecedent {
    /// An actor of the same sentence.
    Actor(usize),
    /// The speaker of the attribution it stands in ("X confirmed that his troops ...").
    Claimant,
    /// Something before this sentence.
    Before,
}

fn antecedent(s: &Sent, k: usize, attr: Option<&Attribution>) -> Antecedent {
    let p = &s.actors[k];
    if let Some(r) = attr.and_then(|a| a.who.clone()) {
        if r.end <= p.start
            && !s.actors[..k]
                .iter()
                .any(|b| b.start >= r.end && b.side().is_belligerent())
        {
            return Antecedent::Claimant;
        }
    }
    match s.actors[..k]
        .iter()
        .rposition(|b| b.side().is_belligerent() && b.is_subject())
    {
        Some(b) => Antecedent::Actor(b),
        None => Antecedent::Before,
    }
}

fn is_direction_or_distance(w: &str) -> bool {
    crate::links::direction_bearing(w).is_some()
        || matches!(
            w,
            "km" | "kilometers" | "kilometres" | "miles" | "mi" | "km)" | "metres" | "meters" | "m"
        )
        || w.ends_with("km")
}

/// The attributions whose scopes hold token `at`, innermost first.
fn covering(attrs: &[Attribution], at: usize) -> Vec<&Attribution> {
    let mut v: Vec<&Attribution> = attrs.iter().filter(|a| a.scope.contains(&at)).collect();
    v.sort_by_key(|a| a.scope.len());
    v
}

/// The attribution whose scope holds token `at` most tightly.
fn innermost(attrs: &[Attribution], at: usize) -> Option<&Attribution> {
    attrs
        .iter()
        .filter(|a| a.scope.contains(&at))
        .min_by_key(|a| a.scope.len())
}

/// What the text says about a claim's truth (see [`Verification`]).
fn verification(
    s: &Sent,
    e: &Event,
    attrs: &[Attribution],
    cs: &[Cue],
    gaining: Side,
    losing: Side,
    who_side: Side,
) -> Verification {
    let covering = |k: CueKind| cs.iter().any(|c| c.kind == k && c.scope.contains(&e.at));
    if covering(CueKind::Denial) {
        return Verification::Disputed;
    }
    if covering(CueKind::Unconfirmed) {
        return Verification::Unverified;
    }
    if covering(CueKind::Evidence) {
        return Verification::Corroborated;
    }
    let over: Vec<&Attribution> = attrs.iter().filter(|a| a.scope.contains(&e.at)).collect();
    if over.iter().any(|a| a.sides.contains(&losing)) || (who_side == losing && !over.is_empty()) {
        return Verification::Acknowledged;
    }
    let _ = s;
    match innermost(attrs, e.at) {
        None => Verification::Corroborated,
        Some(a) if a.evidence => Verification::Corroborated,
        Some(a)
            if a.acknowledges && (a.sides.is_empty() || a.third) && !a.sides.contains(&gaining) =>
        {
            Verification::Corroborated
        }
        Some(_) => Verification::Claimed,
    }
}

fn claim_type(e: &Event, gaining: Side, country: Option<&str>) -> &'static str {
    match e.action {
        Action::Loss | Action::Euphemism => "withdrawal",
        Action::Regain => "recapture",
        Action::Gain if Some(gaining) == country.map(Side::of_country) => "recapture",
        Action::Gain => "capture",
    }
}

fn confidence(e: &Event, actor: bool, v: Verification) -> f64 {
    let mut c: f64 = 0.8;
    if !actor && !matches!(e.agent, Agent::Gains(_)) {
        c -= 0.15;
    }
    if e.euphemism {
        c -= 0.05;
    }
    match v {
        Verification::Corroborated | Verification::Acknowledged => c += 0.1,
        Verification::Unverified | Verification::Disputed => c -= 0.15,
        Verification::Claimed => {}
    }
    c.clamp(0.05, 0.99)
}

/// The byte range of the clause that states `e`: from its clause start to the end of its last place.
fn clause_bytes(s: &Sent, e: &Event) -> std::ops::Range<usize> {
    let a = s.clause_start(e.at, super::sentence::HARD);
    let b = e
        .slots
        .iter()
        .map(|&k| s.slots[k].end)
        .max()
        .unwrap_or(e.at + e.len)
        .max(e.at + e.len);
    let b = s.clause_end(b, super::sentence::HARD).max(b);
    s.toks[a].start..s.toks[b.min(s.len()) - 1].end
}

/// The kind of a claimant, from the words of its phrase (CLAIMS.md `claimant_type`).
pub fn claimant_type(lx: &Lexicon, words: &[&str]) -> &'static str {
    lx.claimant_kinds
        .iter()
        .find(|(_, ws)| {
            words
                .iter()
                .any(|w| ws.iter().any(|e| lexicon::matches(e, w)))
        })
        .map_or("unknown", |(k, _)| k)
}
