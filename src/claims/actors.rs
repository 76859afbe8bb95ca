//! Actors in a sentence: side-marked noun phrases ("Ukrainian forces", "Russia's defence ministry",
//! "elements of the 1st Army Corps"), named bodies and people ("Shoigu"), "the enemy", and pronouns.

use super::lexicon::{has, Lexicon, Words};
use super::Side;
use crate::text::Token;

/// What an actor phrase refers to, beyond its side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Armed forces or a state ("Russian troops", "Russia"): can take or leave a place.
    Military,
    /// Officials, media, bloggers, sources: can speak, not hold ground.
    Speaker,
    /// "the enemy": the other side of whoever speaks.
    Enemy,
    /// "they", "its": refers back.
    Pronoun,
}

/// An actor phrase, by token index (end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub start: usize,
    pub end: usize,
    /// Its side(s): "Ukrainian and Russian sources" has two.
    pub sides: Vec<Side>,
    pub kind: Kind,
    /// A preposition or a transitive verb stands right before it ("with Russian troops", "pursue
    /// Russian forces"): not a subject.
    pub object: bool,
}

impl Actor {
    /// The first side (Unknown when none).
    pub fn side(&self) -> Side {
        self.sides.first().copied().unwrap_or(Side::Unknown)
    }

    pub fn is_subject(&self) -> bool {
        !self.object
    }
}

fn words(toks: &[Token]) -> Vec<&str> {
    toks.iter().map(|t| t.lower.as_str()).collect()
}

/// The side a token marks, from its stem ("russia's" -> "russia").
fn side_of(lx: &Lexicon, t: &Token) -> Option<Side> {
    (lx.side_word)(t.stem()).or_else(|| (lx.side_word)(&t.lower))
}

fn object_position(c: &Ctx, start: usize) -> bool {
    let (lx, toks) = (c.lx, c.toks);
    const DETERMINERS: &[&str] = &[
        "the",
        "a",
        "an",
        "some",
        "many",
        "several",
        "other",
        "its",
        "their",
        "all",
        "remaining",
        "unspecified",
        "additional",
        "retreating",
        "withdrawing",
    ];
    let mut i = start;
    while i > 0 && DETERMINERS.contains(&toks[i - 1].lower.as_str()) {
        i -= 1;
    }
    i > 0 && c.is(&lx.prepositions, i - 1)
}

type NamedIndex =
    rustc_hash::FxHashMap<(usize, &'static str), Vec<(&'static [&'static str], Side)>>;

/// The named bodies of every lexicon by their first word (keyed by the lexicon's list and the word), so
/// that a word no name begins with costs one probe.
static NAMED_BY_FIRST: std::sync::LazyLock<NamedIndex> = std::sync::LazyLock::new(|| {
    let mut m: rustc_hash::FxHashMap<_, Vec<_>> = Default::default();
    for lx in super::lexicon::ALL {
        for &(n, side) in lx.named {
            if let Some(first) = n.first() {
                m.entry((lx.named.as_ptr() as usize, *first))
                    .or_default()
                    .push((n, side));
            }
        }
    }
    m
});

/// A named body at `i` ("donetsk people's republic"): its length and side (the longest that fits).
fn named_at(lx: &Lexicon, w: &[&str], i: usize) -> Option<(usize, Side)> {
    let key = (lx.named.as_ptr() as usize, *w.get(i)?);
    let fits = |n: &[&str]| n.len() <= w.len() - i && n.iter().zip(&w[i..]).all(|(a, b)| a == b);
    NAMED_BY_FIRST
        .get(&key)?
        .iter()
        .filter(|(n, _)| fits(n))
        .map(|(n, s)| (n.len(), *s))
        .max_by_key(|(n, _)| *n)
}

/// An actor noun run starting at `k` ("defence ministry", "forces"): its end.
fn actor_nouns_end(c: &Ctx, k: usize) -> Option<usize> {
    let lx = c.lx;
    if !c.is(&lx.actor_nouns, k) {
        return None;
    }
    let mut e = k + 1;
    while c.is(&lx.actor_nouns, e) {
        e += 1;
    }
    Some(e)
}

fn kind_of(c: &Ctx, start: usize, end: usize) -> Kind {
    let (lx, toks) = (c.lx, c.toks);
    let military = (start..end)
        .any(|k| c.is(&lx.military_nouns, k) || has(&lx.military_nouns, toks[k].stem()));
    let state = end == start + 1 && has(&lx.standalone, toks[start].stem());
    if military || state {
        Kind::Military
    } else {
        Kind::Speaker
    }
}

/// "X of <side phrase>" ("elements of Russia's 2nd CAA", "forces of the Donetsk People's Republic",
/// "units of the 6th CAA"): the side phrase's end and side.
fn of_phrase(c: &Ctx, at: usize) -> Option<(usize, Vec<Side>)> {
    let (lx, toks, w) = (c.lx, c.toks, c.w);
    if w.get(at) != Some(&"of") {
        return None;
    }
    let mut k = at + 1;
    if matches!(w.get(k), Some(&("the" | "a"))) {
        k += 1;
    }
    // A unit name may come first: "of the 6th CAA", "of the 1st Army Corps".
    for (j, t) in toks
        .iter()
        .enumerate()
        .take((k + 4).min(toks.len()))
        .skip(k)
    {
        if let Some((n, s)) = named_at(lx, w, j) {
            return Some((j + n, vec![s]));
        }
        if !t.word || !(t.capital || t.lower.chars().next().is_some_and(|c| c.is_ascii_digit())) {
            break;
        }
    }
    let side = side_of(lx, toks.get(k)?)?;
    let mut end = k + 1;
    // "Russia's 25th Motorized Rifle Brigade": capitalised words, numbers and actor nouns follow.
    while end < toks.len()
        && end < k + 6
        && toks[end].word
        && (toks[end].capital
            || c.is(&lx.actor_nouns, end)
            || toks[end]
                .lower
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit()))
    {
        end += 1;
    }
    Some((end, vec![side]))
}

/// A sentence's tokens as the actor finder reads them: their words and, as bits, the word lists of the
/// lexicon each is in.
struct Ctx<'a> {
    lx: &'a Lexicon,
    toks: &'a [Token],
    w: &'a [&'a str],
    classes: &'a [u64],
}

impl Ctx<'_> {
    /// Whether token `k` is in `list` (false past the end).
    fn is(&self, list: &Words, k: usize) -> bool {
        k < self.toks.len()
            && match self.lx.bit_of(list) {
                Some(bit) => self.classes[k] & bit != 0,
                None => has(list, &self.toks[k].lower),
            }
    }
}

/// Every actor phrase of a sentence, in order.
pub fn actors(lx: &Lexicon, toks: &[Token]) -> Vec<Actor> {
    let classes = lx.classes();
    let cls: Vec<u64> = toks.iter().map(|t| classes.of(&t.lower)).collect();
    actors_classed(lx, toks, &cls)
}

/// [`actors`] of tokens whose classes (`Classes::of` each token's lower-case text) are known.
pub fn actors_classed(lx: &Lexicon, toks: &[Token], classes: &[u64]) -> Vec<Actor> {
    let w = words(toks);
    let c = Ctx {
        lx,
        toks,
        w: &w,
        classes,
    };
    let mut out: Vec<Actor> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].word {
            i += 1;
            continue;
        }
        if let Some(a) = actor_at(&c, i) {
            i = a.end.max(i + 1);
            out.push(a);
        } else {
            i += 1;
        }
    }
    appositions(toks, &mut out);
    out
}

fn push_sides(sides: &mut Vec<Side>, more: impl IntoIterator<Item = Side>) {
    for s in more {
        if !sides.contains(&s) {
            sides.push(s);
        }
    }
}

/// Military nouns that are also common words for actions: never an actor on their own.
static BARE_NOT: Words = Words::new(&[
    "advance",
    "assault",
    "offensive",
    "counteroffensive",
    "counter-offensive",
    "special",
    "guard",
    "group",
    "groups",
    "force",
    "artillery",
]);

/// A phrase found at a token: where it ends, its sides, and its kind when the words fix it.
type Phrase = (usize, Vec<Side>, Option<Kind>);

/// The actor phrase starting at token `i`, if any.
fn actor_at(c: &Ctx, i: usize) -> Option<Actor> {
    let (end, sides, kind) = head_phrase(c, i)
        .or_else(|| marked_phrase(c, i))
        .or_else(|| side_phrase(c, i))?;
    Some(Actor {
        start: i,
        end,
        kind: kind.unwrap_or_else(|| kind_of(c, i, end)),
        sides,
        object: object_position(c, i),
    })
}

/// A named body or an actor noun, with the "of" phrase that gives its side ("elements of Russia's 2nd
/// CAA", "territorial defence units of the Donetsk People's Republic"); a bare military noun ("the troops")
/// is an actor whose side the sentence does not tell.
fn head_phrase(c: &Ctx, i: usize) -> Option<Phrase> {
    let (lx, toks, w) = (c.lx, c.toks, c.w);
    let named = named_at(lx, w, i);
    let end = named
        .map(|(n, _)| i + n)
        .or_else(|| actor_nouns_end(c, i))?;
    if let Some((of_end, sides)) = of_phrase(c, end) {
        return Some((of_end, sides, None));
    }
    if let Some((n, side)) = named {
        // A named unit may take an actor noun after it ("1st Army Corps units"), and an "of" phrase after.
        let end = actor_nouns_end(c, i + n).unwrap_or(i + n);
        return Some(
            of_phrase(c, end).map_or((end, vec![side], None), |(e, sides)| (e, sides, None)),
        );
    }
    let t = &toks[i];
    let bare = side_of(lx, t).is_none() && c.is(&lx.military_nouns, i) && !has(&BARE_NOT, &t.lower);
    bare.then(|| (end, vec![], None))
}

/// "the enemy", a pronoun ("their troops"), or a person whose side is known ("Shoigu").
fn marked_phrase(c: &Ctx, i: usize) -> Option<Phrase> {
    let (lx, toks) = (c.lx, c.toks);
    let t = &toks[i];
    if c.is(&lx.enemy, i) {
        return Some((i + 1, vec![], Some(Kind::Enemy)));
    }
    if c.is(&lx.pronouns, i) {
        let end = actor_nouns_end(c, i + 1).unwrap_or(i + 1);
        return Some((end, vec![], Some(Kind::Pronoun)));
    }
    if !t.capital {
        return None;
    }
    lx.people
        .side(&[&t.lower, t.stem()])
        .map(|side| (i + 1, vec![side], Some(Kind::Speaker)))
}

/// Side words, possibly coordinated ("Russian and proxy forces", "Ukrainian and Russian sources"), then an
/// actor noun within a few words; a side word that is an actor on its own ("Russia", "milbloggers").
fn side_phrase(c: &Ctx, i: usize) -> Option<Phrase> {
    let (lx, toks, w) = (c.lx, c.toks, c.w);
    let t = &toks[i];
    let side = side_of(lx, t)?;
    if c.is(&lx.actor_nouns, i) {
        return Some((i + 1, vec![side], None));
    }
    let mut sides = vec![side];
    let mut k = i + 1;
    while k < toks.len() && k < i + 6 {
        let wk = w[k];
        if let Some(end) = actor_nouns_end(c, k) {
            if let Some((of_end, more)) = of_phrase(c, end) {
                push_sides(&mut sides, more);
                return Some((of_end, sides, None));
            }
            return Some((end, sides, None));
        }
        let stop = !toks[k].word
            || c.is(&lx.speech, k)
            || matches!(wk, "its" | "their" | "his" | "her" | "that")
            || !lx.triggers_at(w, k).is_empty();
        if stop {
            break;
        }
        if let Some(s) = side_of(lx, &toks[k]).filter(|_| !c.is(&lx.coordinators, k)) {
            push_sides(&mut sides, [s]);
        }
        k += 1;
    }
    let possessive = t.lower.ends_with("'s") || t.lower.ends_with('\'');
    (has(&lx.standalone, t.stem()) && !possessive).then(|| (i + 1, vec![side], None))
}

/// "units of the 1st Army Corps (the DNR's armed forces)": a parenthesised actor right after an
/// actor (or any noun) gives it its side.
fn appositions(toks: &[Token], acts: &mut Vec<Actor>) {
    let mut k = 1;
    while k < acts.len() {
        let (a, b) = (&acts[k - 1], &acts[k]);
        let paren = toks.get(a.end).is_some_and(|t| t.lower == "(")
            && b.start > a.end
            && b.start <= a.end + 4
            && toks[a.end + 1..b.start].iter().all(|t| t.word);
        if paren && !b.sides.is_empty() {
            let sides = b.sides.clone();
            let end = toks[b.end..]
                .iter()
                .position(|t| t.lower == ")")
                .map_or(b.end, |p| b.end + p + 1);
            let a = &mut acts[k - 1];
            if a.sides.is_empty() {
                a.sides = sides;
            }
            a.end = end;
            acts.remove(k);
            continue;
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::lexicon::en::LEXICON as EN;
    use crate::claims::lexicon::uk::LEXICON as UK;
    use crate::text::tokens;

    fn got(lx: &Lexicon, s: &str) -> Vec<(String, Vec<Side>, Kind, bool)> {
        let t = tokens(s, 0..s.len());
        actors(lx, &t)
            .into_iter()
            .map(|a| {
                (
                    s[t[a.start].start..t[a.end - 1].end].to_string(),
                    a.sides.clone(),
                    a.kind,
                    a.is_subject(),
                )
            })
            .collect()
    }

    #[test]
    fn side_phrases_named_bodies_and_objects() {
        use Kind::*;
        assert_eq!(
            got(
                &EN,
                "Russia's Defence Ministry said units embedded with Russian troops met Kyiv."
            ),
            vec![
                (
                    "Russia's Defence Ministry".into(),
                    vec![Side::Ru],
                    Speaker,
                    true
                ),
                ("units".into(), vec![], Military, true),
                ("Russian troops".into(), vec![Side::Ru], Military, false),
                ("Kyiv".into(), vec![Side::Ua], Military, true),
            ]
        );
        assert_eq!(
            got(
                &EN,
                "Fighters of the Luhansk People's Republic and Ukrainian and Russian sources"
            ),
            vec![
                (
                    "Fighters of the Luhansk People's Republic".into(),
                    vec![Side::Ru],
                    Military,
                    true
                ),
                (
                    "Ukrainian and Russian sources".into(),
                    vec![Side::Ua, Side::Ru],
                    Speaker,
                    true
                ),
            ]
        );
        assert_eq!(
            got(&EN, "Ukrainian troops pursued Russian forces."),
            vec![
                ("Ukrainian troops".into(), vec![Side::Ua], Military, true),
                ("Russian forces".into(), vec![Side::Ru], Military, false),
            ]
        );
    }

    #[test]
    fn of_phrases_and_parentheses_give_the_side() {
        let s = "Elements of the 2nd Army Corps (the armed forces of the Luhansk People's Republic) moved.";
        let g = got(&EN, s);
        assert_eq!(g.len(), 1, "{g:?}");
        assert_eq!(g[0].1, vec![Side::Ru]);
        let g = got(
            &EN,
            "Territorial defence units of the Donetsk People's Republic advanced.",
        );
        assert_eq!(g[0].1, vec![Side::Ru], "{g:?}");
        let g = got(&EN, "The enemy retreated, Shoigu said, and they regrouped.");
        let kinds: Vec<Kind> = g.iter().map(|a| a.2).collect();
        assert_eq!(kinds, vec![Kind::Enemy, Kind::Speaker, Kind::Pronoun]);
    }

    #[test]
    fn possessive_place_is_not_an_actor() {
        assert!(got(&EN, "The front line in Russia's south held.").is_empty());
    }

    #[test]
    fn cyrillic_actors() {
        let g = got(&UK, "Сили оборони та російські війська");
        let sides: Vec<Vec<Side>> = g.iter().map(|a| a.1.clone()).collect();
        assert_eq!(sides, vec![vec![Side::Ua], vec![Side::Ru]], "{g:?}");
    }
}
