//! The words claim reading knows, one lexicon per language ([`en`], [`uk`], [`ru`]), all in one shape
//! ([`Lexicon`]) so that a reviewer sees every rule's words in one place.
//!
//! Entries are lowercase tokens as produced by [`crate::text::tokens`]. English triggers are listed by
//! verb forms; Ukrainian and Russian ones by stem, their endings read by the language's [`Morphology`].

mod classes;
pub mod en;
pub mod ru;
pub mod uk;

use std::sync::atomic::AtomicU64;
use std::sync::OnceLock;

pub use classes::Classes;

use super::Side;
use crate::doc::Script;

/// What an event word says about control of its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The agent takes the place ("captured", "seized", "took control of").
    Gain,
    /// The agent takes the place back ("recaptured", "liberated").
    Regain,
    /// The agent leaves the place ("withdrew from", "abandoned").
    Loss,
    /// A euphemism for leaving ("regrouping around").
    Euphemism,
}

/// The grammatical form of an event word, which decides whether it can assert an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// Infinitive or bare present ("capture", "to retake", "звільнити").
    Base,
    /// Finite present, third person ("captures").
    Present,
    /// Finite past ("withdrew"; Cyrillic past tense).
    Past,
    /// Past participle ("taken", "withdrawn"; Cyrillic passive participles "звільнено").
    Participle,
    /// English -ed forms that are both past and participle ("captured").
    PastOrParticiple,
    /// "-ing" forms ("capturing"); Cyrillic adverbial participles ("звільнивши").
    Gerund,
    /// Event nouns ("capture", "withdrawal", "fall", "звільнення").
    Noun,
}

/// Where an event's place stands relative to its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// The object after it ("recaptured Izium", "withdrew from Kherson").
    After,
    /// The subject before it ("Vuhledar fell").
    Before,
    /// Either (free word order: "звільнено Ізюм", "Ізюм звільнено").
    Either,
}

/// One event word or phrase of a lexicon.
#[derive(Debug, Clone, Copy)]
pub struct Trigger {
    /// The words after the first one ("control", "of" after "took").
    pub then: &'static [&'static str],
    pub action: Action,
    /// Prepositions that may stand between the words and the place ("from" after "withdrew").
    pub preps: &'static [&'static str],
    pub theme: Theme,
}

/// A trigger found at a token: its form and how many tokens it spans.
#[derive(Debug, Clone, Copy)]
pub struct TriggerMatch {
    pub trigger: Trigger,
    pub form: Form,
    pub len: usize,
}

/// How a language marks verb forms on a stem's ending (for stem-listed triggers).
pub type Morphology = fn(ending: &str) -> Option<Form>;

/// Event words listed by stem (Ukrainian, Russian): `stem` + an ending the morphology knows.
#[derive(Debug, Clone, Copy)]
pub struct StemTrigger {
    pub stem: &'static str,
    pub trigger: Trigger,
}

/// A trigger whose place may stand on either side of it (free word order), for stem tables.
pub const fn either(
    action: Action,
    then: &'static [&'static str],
    preps: &'static [&'static str],
) -> Trigger {
    Trigger {
        then,
        action,
        preps,
        theme: Theme::Either,
    }
}

/// A stem-listed trigger.
pub const fn stem(stem: &'static str, trigger: Trigger) -> StemTrigger {
    StemTrigger { stem, trigger }
}

/// How the engine finds triggers in a language.
pub enum Triggers {
    /// Every word form listed (English): the triggers a word begins, and all the words that begin one.
    Forms(
        fn(&str) -> &'static [(Form, Trigger)],
        fn() -> Vec<&'static str>,
    ),
    /// Stems plus endings read by a morphology (Ukrainian, Russian).
    Stems(&'static [StemTrigger], Morphology),
}

/// Multi-word actors with a side ("donetsk people's republic", "збройні сили україни").
pub type Named = &'static [(&'static [&'static str], Side)];

/// The words of one language, by the rule that reads them.
pub struct Lexicon {
    pub name: &'static str,
    pub triggers: Triggers,
    /// Words that make a following event unreal within their clause: modals, futures, intentions,
    /// objectives, attempts ("will", "may", "seek", "objective", "attempt").
    pub irrealis: Words,
    /// Nouns that make an event the aim of someone, not a fact ("the capture of X remains the goal").
    pub goals: Words,
    /// Two-word irrealis openers ("going to", "likely to", "in order").
    pub irrealis_pairs: &'static [[&'static str; 2]],
    /// Verbs of perception, after which an object and a bare infinitive assert the event ("saw Ukrainian
    /// troops enter Kherson").
    pub perception: Words,
    /// Verbs after which "to" + a base form still asserts the event ("claimed to have", "managed to").
    pub factual_to: Words,
    /// Conditional and counterfactual openers ("if", "unless").
    pub conditional: Words,
    /// Negators of the next verb ("not", "never", "failed").
    pub negation: Words,
    /// The infinitive marker ("to"); empty where the form shows it.
    pub to: Words,
    /// Perfect auxiliaries ("have", "has", "had").
    pub perfect: Words,
    /// Forms of "be" that make a participle passive or a gerund progressive.
    pub be: Words,
    /// Definite determiners and possessives that make an event noun an event ("the", "its").
    pub definite: Words,
    /// Determiners that make an event noun generic or prospective ("a", "any").
    pub indefinite: Words,
    /// Verbs that make the event noun they govern unreal ("complete the capture", "prevent the fall").
    pub noun_irrealis: Words,
    /// Words before a gerund that make it an event ("since capturing", ", capturing").
    pub gerund_factual: Words,
    /// Speech and report verbs that attribute what follows to their subject ("said", "claimed").
    pub speech: Words,
    /// Speech verbs by which the speaker accepts a claim against its own interest.
    pub acknowledge: Words,
    /// Prepositional attributions ("according to"), as word pairs or single words.
    pub according: &'static [&'static [&'static str]],
    /// Nouns that name a claim ("claims that", "reports of").
    pub claim_nouns: Words,
    /// Concessive words that, before a claim noun, contradict it ("despite claims that").
    pub concessive: Words,
    /// Participles that name a state, not an event, unless their subject stands right before them
    /// ("occupied Melitopol" against "Russian forces occupied Melitopol").
    pub state_participles: Words,
    /// Denials that are adjectives ("false", "untrue"): of what stands before them, or of the claim noun after.
    pub denial_adjectives: Words,
    /// Denials and refutations ("denied", "refuted", "false").
    pub denial: Words,
    /// Independent evidence and assessments ("geolocated", "satellite").
    pub evidence: Words,
    /// Words that, negated, say the report cannot confirm ("confirm", "verify", "observed").
    pub confirm: Words,
    /// Words that say a claim is unconfirmed on their own ("unconfirmed", "unverified").
    pub unconfirmed: Words,
    /// Hedges that attribute to an unnamed source ("reportedly", "allegedly").
    pub hedges: Words,
    /// Clause terminators: scopes stop here ("but", "although", ";").
    pub terminators: Words,
    /// Complementizers and relative pronouns that open an embedded clause ("that", "which").
    pub complementizers: Words,
    /// Relative pronouns whose clause describes the noun before them ("which", "who").
    pub relatives: Words,
    /// Coordinators of places and clauses ("and", "or", ",").
    pub coordinators: Words,
    /// Words that introduce the members of a plural place noun ("including", "such as").
    pub including: Words,
    /// Settlement nouns before a name ("the town of Lyman") or standing for one ("the town").
    pub settlement_nouns: Words,
    /// Plural settlement nouns ("villages", "those cities").
    pub settlement_plurals: Words,
    /// Demonstratives and articles that make a settlement noun point back ("the town", "this settlement").
    pub anaphor_determiners: Words,
    /// Words between an event and a place that make the place a detail, not what changed hands
    /// ("positions near", "the outskirts of", "villages around").
    pub blockers: Words,
    /// Words right after a place that make it a modifier ("the Kyiv axis", "the Kherson direction").
    pub place_modifiers: Words,
    /// Words allowed between an event and its place ("the", "most of", "control of").
    pub fillers: Words,
    /// Words that mark a side on their own or as an adjective.
    pub side_word: fn(&str) -> Option<Side>,
    /// Side words that can be an actor on their own ("Russia", "Kyiv").
    pub standalone: Words,
    /// Nouns that make a side adjective an actor ("forces", "ministry").
    pub actor_nouns: Words,
    /// Actor nouns that name armed forces (only they can withdraw or take a place).
    pub military_nouns: Words,
    /// Multi-word actors ("donetsk people's republic", "armed forces of ukraine").
    pub named: Named,
    /// People and bodies whose side is known ("shoigu", "zelensky", "isw").
    pub people: People,
    /// Words for "the enemy": the other side of whoever speaks.
    pub enemy: Words,
    /// The side "the enemy" means when the text names no speaker.
    pub enemy_default: Side,
    /// Pronouns that refer back to an actor ("they", "their").
    pub pronouns: Words,
    /// Flag words and the verbs of raising one.
    pub flag: Words,
    pub flag_verbs: Words,
    /// "back under Ukrainian control": words before "under" that make it a change.
    pub control_change: Words,
    pub control: Words,
    pub under: Words,
    /// Words that make a state of control recent or complete ("now", "fully"), for "X control Y".
    pub control_complete: Words,
    /// Words that make a control statement no change ("still", "retain").
    pub control_kept: Words,
    /// "no longer" style words: control stopped.
    pub control_lost: &'static [&'static [&'static str]],
    /// Verbs of driving the enemy out ("pushed Russian troops out of Kherson").
    pub expel: Words,
    /// The prepositions after an expelled actor ("out", "from").
    pub expel_preps: Words,
    /// Prepositions that mark a phrase as not a subject ("with Russian troops").
    pub prepositions: Words,
    /// The preposition of a passive agent ("by").
    pub by: Words,
    /// The preposition of a fall's winner ("fell to").
    pub to_winner: Words,
    /// Third parties (neither belligerent).
    pub third_party: Words,
    /// Adverbs that may stand between an auxiliary, a subject or "to" and the event word ("likely",
    /// "reportedly", "fully").
    pub adverbs: Words,
    /// Claimant kinds (CLAIMS.md `claimant_type`) by the words of the claimant's phrase, first match wins.
    pub claimant_kinds: &'static [(&'static str, &'static [&'static str])],
    /// Words of time and date that may follow a verb or a place without being its object ("said on
    /// Saturday", "captured Soledar in January").
    pub time_words: Words,
    /// Subordinators that open an adverbial clause ("after", "since", "before").
    pub subordinators: Words,
    /// Who "liberates" when the text does not say: English press uses the word for the side taking back its
    /// own country's place (None: the place's country); Russian state reporting for Russian captures.
    pub liberator: Option<Side>,
    /// Which of its word lists each word is in, built on first use.
    pub classes: OnceLock<Classes>,
}

impl Lexicon {
    /// The triggers starting at token `i`, with their forms and lengths.
    pub fn triggers_at(&self, words: &[&str], i: usize) -> Vec<TriggerMatch> {
        let w = words[i];
        let fits = |t: &Trigger| {
            t.then.len() < words.len() - i
                && t.then.iter().zip(&words[i + 1..]).all(|(a, b)| a == b)
        };
        let mut out = Vec::new();
        match &self.triggers {
            Triggers::Forms(lookup, _) => {
                for (form, t) in lookup(w) {
                    if fits(t) {
                        out.push(TriggerMatch {
                            trigger: *t,
                            form: *form,
                            len: 1 + t.then.len(),
                        });
                    }
                }
            }
            Triggers::Stems(stems, morph) => {
                for s in stems.iter() {
                    let Some(ending) = w.strip_prefix(s.stem) else {
                        continue;
                    };
                    if let Some(form) = morph(ending) {
                        if fits(&s.trigger) {
                            out.push(TriggerMatch {
                                trigger: s.trigger,
                                form,
                                len: 1 + s.trigger.then.len(),
                            });
                        }
                    }
                }
            }
        }
        // The longest phrase first ("took control of" before "took").
        out.sort_by_key(|m| std::cmp::Reverse(m.len));
        out
    }
}

/// The prefixes the event reader takes off a trigger word: "re-" ("re-entered"), "newly-", "recently-".
const EVENT_PREFIXES: [&str; 3] = ["re-", "newly-", "recently-"];

/// The first of [`EVENT_PREFIXES`] that `w` begins with, and the rest of the word after it.
pub fn strip_event_prefix(w: &str) -> Option<(&'static str, &str)> {
    EVENT_PREFIXES
        .iter()
        .find_map(|&p| w.strip_prefix(p).map(|rest| (p, rest)))
}

impl Lexicon {
    /// Whether an event can begin at the word `w` or needs it: the first word of a trigger (also after
    /// "re-", "newly-" or "recently-", as the event reader takes them off), or a word of the fixed events
    /// (a flag, control, driving out, the evidence of presence). A sentence with none holds no event.
    pub fn may_begin_event(&self, w: &str) -> bool {
        let bare = strip_event_prefix(w).map(|(_, rest)| rest);
        std::iter::once(w)
            .chain(bare)
            .any(|w| self.begins_trigger(w))
            || [&self.flag, &self.control, &self.expel, &self.evidence]
                .iter()
                .any(|list| has(list, w))
    }

    /// Whether `w` is the first word of a trigger, in any of its forms.
    fn begins_trigger(&self, w: &str) -> bool {
        match &self.triggers {
            Triggers::Forms(lookup, _) => !lookup(w).is_empty(),
            Triggers::Stems(stems, morph) => stems
                .iter()
                .any(|s| w.strip_prefix(s.stem).is_some_and(|e| morph(e).is_some())),
        }
    }

    /// The words an event can begin with: trigger words (a stem for stem-listed ones, ending in `*`),
    /// flag and control words, expulsion verbs, and the evidence words a "footage shows troops in"
    /// statement needs. A sentence without one of them asserts no change of control.
    pub fn event_words(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = match &self.triggers {
            Triggers::Forms(_, words) => words(),
            Triggers::Stems(stems, _) => stems.iter().map(|s| s.stem).collect(),
        };
        for list in [&self.flag, &self.control, &self.expel, &self.evidence] {
            out.extend_from_slice(list);
        }
        out
    }

    /// The words a denial, a doubt or a confirmation of an earlier claim can begin with.
    pub fn cue_words(&self) -> Vec<&'static str> {
        [
            self.concessive.list(),
            self.denial.list(),
            self.denial_adjectives.list(),
            self.confirm.list(),
            self.unconfirmed.list(),
        ]
        .concat()
    }

    /// Settlement nouns, singular and plural ("the town" may point back to an earlier place).
    pub fn settlement_words(&self) -> Vec<&'static str> {
        [self.settlement_nouns.list(), self.settlement_plurals.list()].concat()
    }
}

/// A word list of a lexicon (an entry ending in `*` is a stem that matches any word it begins), with the
/// set it is looked up in, built on first use.
pub struct Words {
    list: &'static [&'static str],
    set: OnceLock<WordSet>,
    /// Its bit in its lexicon's [`Classes`] (0 until they are built).
    bit: AtomicU64,
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words {
            list,
            set: OnceLock::new(),
            bit: AtomicU64::new(0),
        }
    }

    /// Whether `w` is in the list.
    pub fn contains(&self, w: &str) -> bool {
        if self.list.len() <= 8 {
            return self.list.iter().any(|e| matches(e, w));
        }
        self.set.get_or_init(|| WordSet::new(self.list)).contains(w)
    }

    /// The entries, as written.
    pub fn list(&self) -> &'static [&'static str] {
        self.list
    }
}

impl std::ops::Deref for Words {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        self.list
    }
}

/// People and bodies with a known side, as a list in priority order (an entry ending in `*` is a stem),
/// with an index built on first use: the actor finder asks about every capitalised word.
pub struct People {
    list: &'static [(&'static str, Side)],
    index: OnceLock<PeopleIndex>,
}

/// Where each exact entry first stands in the list, and the stems with their places.
struct PeopleIndex {
    exact: rustc_hash::FxHashMap<&'static str, usize>,
    stems: Vec<(usize, &'static str)>,
}

impl People {
    pub const fn new(list: &'static [(&'static str, Side)]) -> People {
        People {
            list,
            index: OnceLock::new(),
        }
    }

    /// The side of the first entry that matches any of `words` (a word and its stem), as a scan of the
    /// list in order would find it.
    pub fn side(&self, words: &[&str]) -> Option<Side> {
        let ix = self.index.get_or_init(|| {
            let mut exact = rustc_hash::FxHashMap::default();
            let mut stems = Vec::new();
            for (k, (e, _)) in self.list.iter().enumerate() {
                match e.strip_suffix('*') {
                    Some(stem) => stems.push((k, stem)),
                    None => {
                        exact.entry(*e).or_insert(k);
                    }
                }
            }
            PeopleIndex { exact, stems }
        });
        let exact = words.iter().filter_map(|w| ix.exact.get(w).copied());
        let stems = ix
            .stems
            .iter()
            .filter(|(_, stem)| words.iter().any(|w| w.starts_with(stem)))
            .map(|(k, _)| *k);
        exact.chain(stems).min().map(|k| self.list[k].1)
    }
}

impl std::ops::Deref for People {
    type Target = [(&'static str, Side)];

    fn deref(&self) -> &[(&'static str, Side)] {
        self.list
    }
}

/// Whether `w` is in `list`.
pub fn has(list: &Words, w: &str) -> bool {
    list.contains(w)
}

/// Whether `w` is in a short list that has no set (a trigger's prepositions).
pub fn has_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|e| matches(e, w))
}

/// Whether `w` is the entry (or, for a `*` stem, begins with it).
pub fn matches(entry: &str, w: &str) -> bool {
    match entry.strip_suffix('*') {
        Some(stem) => w.starts_with(stem),
        None => entry == w,
    }
}

/// A word list as a hash set of its words and a list of its stems, with the first bytes its entries
/// begin with: most words asked about begin with none of them and are turned away without hashing.
struct WordSet {
    exact: rustc_hash::FxHashSet<&'static str>,
    stems: Vec<&'static str>,
    /// Bit b: some entry begins with byte b (all bits when an entry is empty, which any word matches).
    firsts: [u64; 4],
}

impl WordSet {
    fn new(list: &'static [&'static str]) -> WordSet {
        let (stems, exact): (Vec<&'static str>, Vec<&'static str>) =
            list.iter().partition(|e| e.ends_with('*'));
        let stems: Vec<&'static str> = stems.into_iter().map(|e| e.trim_end_matches('*')).collect();
        let mut firsts = [0u64; 4];
        for e in exact.iter().chain(&stems) {
            match e.as_bytes().first() {
                Some(&b) => firsts[usize::from(b >> 6)] |= 1 << (b & 63),
                None => firsts = [u64::MAX; 4],
            }
        }
        WordSet {
            exact: exact.into_iter().collect(),
            stems,
            firsts,
        }
    }

    fn contains(&self, w: &str) -> bool {
        if let Some(&b) = w.as_bytes().first() {
            if self.firsts[usize::from(b >> 6)] & (1 << (b & 63)) == 0 {
                return false;
            }
        }
        self.exact.contains(w) || self.stems.iter().any(|p| w.starts_with(p))
    }
}

/// The claim lexicons of all three languages.
pub static ALL: [&Lexicon; 3] = [&en::LEXICON, &uk::LEXICON, &ru::LEXICON];

/// The lexicon a sentence of `script` is read with.
pub fn for_script(script: Script) -> &'static Lexicon {
    match script {
        Script::Latin => &en::LEXICON,
        Script::Ukrainian => &uk::LEXICON,
        Script::Russian => &ru::LEXICON,
        // Cyrillic that shows neither language: Ukrainian first (the claim reader tries Russian next).
        Script::Cyrillic => &uk::LEXICON,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> [&'static Lexicon; 3] {
        ALL
    }

    #[test]
    fn people_index_finds_what_the_ordered_scan_finds() {
        let scan = |lx: &Lexicon, words: &[&str]| {
            lx.people
                .iter()
                .find(|(p, _)| words.iter().any(|w| matches(p, w)))
                .map(|(_, side)| *side)
        };
        for lx in all() {
            let mut asked: Vec<String> = vec![String::new(), "kyiv".into(), "isw's".into()];
            for (p, _) in lx.people.iter() {
                let w = p.trim_end_matches('*');
                let half: String = w.chars().take(w.chars().count() / 2).collect();
                asked.extend([w.to_string(), format!("{w}'s"), format!("{w}a"), half]);
            }
            for w in &asked {
                let stem = w.strip_suffix("'s").unwrap_or(w);
                assert_eq!(lx.people.side(&[w, stem]), scan(lx, &[w, stem]), "{w}");
            }
        }
    }

    #[test]
    fn word_lists_are_lowercase() {
        for lx in all() {
            for list in [
                &lx.irrealis,
                &lx.negation,
                &lx.speech,
                &lx.denial,
                &lx.blockers,
                &lx.actor_nouns,
                &lx.standalone,
                &lx.settlement_nouns,
                &lx.place_modifiers,
            ] {
                for w in list.iter() {
                    assert_eq!(w.to_lowercase(), *w, "{}: {w}", lx.name);
                }
            }
            for (words, _) in lx.named {
                for w in *words {
                    assert_eq!(w.to_lowercase(), *w, "{}: {w}", lx.name);
                }
            }
        }
    }

    #[test]
    fn an_event_begins_only_at_a_whole_trigger_word() {
        let en = &en::LEXICON;
        for w in [
            "recaptured",
            "re-took",
            "liberated",
            "withdrew",
            "flag",
            "controlled",
        ] {
            assert!(en.may_begin_event(w), "{w}");
        }
        // Words that only begin like one ("gain", "drive", "took") are not.
        for w in ["gainesville", "driveway", "tookie", "kharkiv", ""] {
            assert!(!en.may_begin_event(w), "{w}");
        }
        assert!(uk::LEXICON.may_begin_event("звільнили"));
        assert!(!uk::LEXICON.may_begin_event("звільнилиякось"));
        assert!(ru::LEXICON.may_begin_event("освободили"));
        assert!(!ru::LEXICON.may_begin_event("москва"));
    }

    #[test]
    fn every_military_noun_is_an_actor_noun() {
        for lx in all() {
            for w in lx.military_nouns.iter() {
                assert!(lx.actor_nouns.list().contains(w), "{}: {w}", lx.name);
            }
        }
    }
}
