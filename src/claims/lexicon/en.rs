//! The English lexicon.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::{Action, Form, Lexicon, People, Theme, Trigger, Triggers, Words};
use crate::claims::Side::{self, Ru, ThirdParty, Ua};

/// A verb by its forms (base, third person, past, participle, gerund), the words after it, its action,
/// the prepositions before its place, and where the place stands.
type Verb = (
    [&'static str; 5],
    &'static [&'static str],
    Action,
    &'static [&'static str],
    Theme,
);

use Action::{Euphemism, Gain, Loss, Regain};
use Theme::{After, Before};

const NONE: &[&str] = &[];
const FROM: &[&str] = &["from"];
const OUT: &[&str] = &["of", "from"];

/// Verbs of taking, taking back and leaving a place.
#[rustfmt::skip]
const VERBS: &[Verb] = &[
    (["capture", "captures", "captured", "captured", "capturing"], NONE, Gain, NONE, After),
    (["seize", "seizes", "seized", "seized", "seizing"], NONE, Gain, NONE, After),
    (["take", "takes", "took", "taken", "taking"], NONE, Gain, NONE, After),
    (["take", "takes", "took", "taken", "taking"], &["over"], Gain, NONE, After),
    (["occupy", "occupies", "occupied", "occupied", "occupying"], NONE, Gain, NONE, After),
    (["overrun", "overruns", "overran", "overrun", "overrunning"], NONE, Gain, NONE, After),
    (["conquer", "conquers", "conquered", "conquered", "conquering"], NONE, Gain, NONE, After),
    (["secure", "secures", "secured", "secured", "securing"], NONE, Gain, NONE, After),
    (["enter", "enters", "entered", "entered", "entering"], NONE, Gain, NONE, After),
    (["fall", "falls", "fell", "fallen", "falling"], NONE, Gain, NONE, Before),
    (["recapture", "recaptures", "recaptured", "recaptured", "recapturing"], NONE, Regain, NONE, After),
    (["retake", "retakes", "retook", "retaken", "retaking"], NONE, Regain, NONE, After),
    (["regain", "regains", "regained", "regained", "regaining"], NONE, Regain, NONE, After),
    (["liberate", "liberates", "liberated", "liberated", "liberating"], NONE, Regain, NONE, After),
    (["free", "frees", "freed", "freed", "freeing"], NONE, Regain, NONE, After),
    (["reclaim", "reclaims", "reclaimed", "reclaimed", "reclaiming"], NONE, Regain, NONE, After),
    (["take", "takes", "took", "taken", "taking"], &["back"], Regain, NONE, After),
    (["win", "wins", "won", "won", "winning"], &["back"], Regain, NONE, After),
    (["withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"], NONE, Loss, FROM, After),
    (["retreat", "retreats", "retreated", "retreated", "retreating"], NONE, Loss, FROM, After),
    (["pull", "pulls", "pulled", "pulled", "pulling"], &["back"], Loss, FROM, After),
    (["pull", "pulls", "pulled", "pulled", "pulling"], &["out"], Loss, OUT, After),
    (["fall", "falls", "fell", "fallen", "falling"], &["back"], Loss, FROM, After),
    (["move", "moves", "moved", "moved", "moving"], &["out"], Loss, OUT, After),
    (["abandon", "abandons", "abandoned", "abandoned", "abandoning"], NONE, Loss, NONE, After),
    (["leave", "leaves", "left", "left", "leaving"], NONE, Loss, NONE, After),
    (["flee", "flees", "fled", "fled", "fleeing"], NONE, Loss, FROM, After),
    (["cede", "cedes", "ceded", "ceded", "ceding"], NONE, Loss, NONE, After),
    (["surrender", "surrenders", "surrendered", "surrendered", "surrendering"], NONE, Loss, NONE, After),
    (["give", "gives", "gave", "given", "giving"], &["up"], Loss, NONE, After),
    (["lose", "loses", "lost", "lost", "losing"], NONE, Loss, NONE, After),
    (["evacuate", "evacuates", "evacuated", "evacuated", "evacuating"], NONE, Loss, FROM, After),
    (["regroup", "regroups", "regrouped", "regrouped", "regrouping"], NONE, Euphemism, &["around", "from", "near", "away"], After),
];

/// Verbs that take "control of/over" as their object ("took full control of").
#[rustfmt::skip]
const CONTROL_VERBS: &[([&str; 5], Action)] = &[
    (["take", "takes", "took", "taken", "taking"], Gain),
    (["gain", "gains", "gained", "gained", "gaining"], Gain),
    (["seize", "seizes", "seized", "seized", "seizing"], Gain),
    (["establish", "establishes", "established", "established", "establishing"], Gain),
    (["assume", "assumes", "assumed", "assumed", "assuming"], Gain),
    (["regain", "regains", "regained", "regained", "regaining"], Regain),
    (["retake", "retakes", "retook", "retaken", "retaking"], Regain),
    (["restore", "restores", "restored", "restored", "restoring"], Regain),
    (["re-establish", "re-establishes", "re-established", "re-established", "re-establishing"], Regain),
    (["lose", "loses", "lost", "lost", "losing"], Loss),
];

/// Event nouns: (noun, action, prepositions before the place).
#[rustfmt::skip]
const NOUNS: &[(&str, Action, &[&str])] = &[
    ("capture", Gain, &["of"]),
    ("seizure", Gain, &["of"]),
    ("takeover", Gain, &["of"]),
    ("fall", Gain, &["of"]),
    ("recapture", Regain, &["of"]),
    ("liberation", Regain, &["of"]),
    ("withdrawal", Loss, &["from"]),
    ("retreat", Loss, &["from"]),
    ("pullout", Loss, &["from"]),
    ("pull-out", Loss, &["from"]),
    ("pullback", Loss, &["from"]),
    ("pull-back", Loss, &["from"]),
    ("loss", Loss, &["of", "territory", "ground", "around", "near", "in"]),
    ("abandonment", Loss, &["of"]),
    ("regrouping", Euphemism, &["around", "from", "near"]),
    ("redeployment", Euphemism, &["from"]),
];

static FORMS: LazyLock<HashMap<&'static str, Vec<(Form, Trigger)>>> = LazyLock::new(|| {
    let mut m: HashMap<&'static str, Vec<(Form, Trigger)>> = HashMap::default();
    let mut add =
        |forms: &[&'static str; 5], then: &'static [&'static str], action, preps, theme| {
            let t = Trigger {
                then,
                action,
                preps,
                theme,
            };
            let same = forms[2] == forms[3];
            let kinds = [
                Form::Base,
                Form::Present,
                if same {
                    Form::PastOrParticiple
                } else {
                    Form::Past
                },
                Form::Participle,
                Form::Gerund,
            ];
            for (k, (w, f)) in forms.iter().zip(kinds).enumerate() {
                if k == 3 && same {
                    continue;
                }
                m.entry(w).or_default().push((f, t));
            }
        };
    for (forms, then, action, preps, theme) in VERBS {
        add(forms, then, *action, preps, *theme);
    }
    const CONTROL_THEN: &[&[&str]] = &[
        &["control", "of"],
        &["control", "over"],
        &["full", "control", "of"],
        &["full", "control", "over"],
        &["complete", "control", "of"],
        &["complete", "control", "over"],
        &["total", "control", "of"],
        &["total", "control", "over"],
    ];
    for (forms, action) in CONTROL_VERBS {
        for then in CONTROL_THEN {
            add(forms, then, *action, NONE, After);
        }
    }
    for (w, action, preps) in NOUNS {
        m.entry(w).or_default().push((
            Form::Noun,
            Trigger {
                then: NONE,
                action: *action,
                preps,
                theme: After,
            },
        ));
    }
    m
});

fn forms(w: &str) -> &'static [(Form, Trigger)] {
    FORMS.get(w).map_or(&[], |v| v.as_slice())
}

fn trigger_words() -> Vec<&'static str> {
    let mut w: Vec<&'static str> = FORMS.keys().copied().collect();
    w.sort_unstable();
    w
}

fn side_word(stem: &str) -> Option<Side> {
    Some(match stem {
        "ukrainian"
        | "ukraine"
        | "ukrainians"
        | "kyiv"
        | "kiev"
        | "pro-ukrainian"
        | "zsu"
        | "afu"
        | "ukrainian-controlled"
        | "ukrainian-held" => Ua,
        "russian" | "russia" | "russians" | "moscow" | "kremlin" | "pro-russian" | "pro-moscow"
        | "pro-kremlin" | "wagner" | "chechen" | "kadyrovite" | "kadyrovites" | "separatist"
        | "separatists" | "rosgvardia" | "dpr" | "lpr" | "dnr" | "lnr" | "russian-backed"
        | "moscow-backed" | "russian-installed" | "moscow-installed" | "kremlin-backed"
        | "kremlin-installed" | "russian-appointed" | "russian-controlled" | "russian-held"
        | "proxy" | "vdv" | "belarusian"
        // In war reporting a "milblogger" is a Russian military blogger unless the text says otherwise.
        | "milblogger" | "milbloggers" | "milblogger's" | "milbloggers'" => Ru,
        _ => return None,
    })
}

#[rustfmt::skip]
pub static LEXICON: Lexicon = Lexicon {
    name: "en",
    triggers: Triggers::Forms(forms, trigger_words),
    irrealis: Words::new(&[
        "will", "would", "shall", "may", "might", "could", "can", "should", "must", "'ll",
        "unlikely", "objective", "objectives", "goal", "goals", "intent", "intention",
        "intentions", "aim", "aims", "priority", "priorities", "?",
    ]),
    goals: Words::new(&[
        "objective", "objectives", "goal", "goals", "aim", "aims", "priority", "priorities",
        "intent", "intention", "intentions", "ambition", "ambitions",
    ]),
    irrealis_pairs: &[["in", "order"], ["so", "as"], ["so", "that"]],
    perception: Words::new(&["seen", "saw", "see", "sees", "watched", "watch", "witnessed", "filmed", "showed", "shows", "show"]),
    factual_to: Words::new(&[
        "claimed", "claims", "claim", "claiming", "said", "says", "reported", "reportedly",
        "managed", "forced", "began", "begun", "started", "continued", "continue", "continues",
        "decided", "appeared", "appears", "appear", "seemed", "seems", "proceeded", "happened",
        "compelled", "obliged", "succeeded", "believed", "thought", "known", "understood",
        "rumoured", "rumored", "alleged",
    ]),
    conditional: Words::new(&["if", "unless", "whether", "lest"]),
    negation: Words::new(&[
        "not", "n't", "never", "no", "without", "failed", "fail", "fails", "failing", "unable",
        "cannot", "neither", "nor", "nothing",
    ]),
    to: Words::new(&["to"]),
    perfect: Words::new(&["have", "has", "had", "'ve", "having"]),
    be: Words::new(&[
        "is", "are", "was", "were", "be", "been", "being", "'s", "'re", "am", "becomes", "became",
        "remain", "remains", "remained", "got", "get",
    ]),
    definite: Words::new(&[
        "the", "its", "their", "his", "her", "our", "this", "that", "these", "those", "whose",
        "recent", "subsequent", "reported", "claimed", "alleged", "apparent",
        "purported", "announced", "confirmed", "full", "complete", "total", "final", "hasty",
        "rapid", "swift", "sudden", "ongoing", "large-scale", "chaotic", "orderly", "forced",
        "successful", "fighting", "controlled", "tactical", "official", "russian", "ukrainian",
    ]),
    indefinite: Words::new(&[
        "a", "an", "any", "no", "another", "possible", "potential", "future", "eventual", "planned",
        "expected", "imminent",
    ]),
    noun_irrealis: Words::new(&[
        "complete", "completes", "completing", "accelerate", "accelerating", "prevent", "prevents",
        "prevented", "preventing", "avoid", "avoiding", "delay", "delaying", "prepare",
        "preparing", "plan", "planning", "cover", "covering", "screen", "screening", "secure",
        "securing", "facilitate", "enable", "ensure", "demand", "demanded", "demanding", "seek",
        "seeking", "expect", "expecting", "announce", "precede", "preceding", "anticipate",
        "anticipation", "fear", "feared", "rumors", "rumours", "conditions", "signal",
    ]),
    gerund_factual: Words::new(&[
        ",", "and", "since", "after", "following", "upon", "by", "then", "later", "while",
        "subsequently", "also", "additionally", "successfully",
    ]),
    speech: Words::new(&[
        "said", "says", "say", "saying", "stated", "states", "state", "stating", "claimed",
        "claims", "claim", "claiming", "reported", "reports", "report", "reporting", "announced",
        "announces", "announce", "confirmed", "confirms", "confirm", "confirming", "acknowledged",
        "acknowledges", "acknowledge", "admitted", "admits", "admit", "conceded", "concedes",
        "told", "tells", "wrote", "writes", "posted", "posts", "tweeted", "declared", "declares",
        "asserted", "asserts", "alleged", "alleges", "noted", "notes", "indicated", "indicates",
        "suggested", "suggests", "insisted", "insists", "added", "stressed", "warned", "argued",
        "insinuated", "boasted", "published", "shared", "amplified", "showed", "shows", "show",
        "assessed", "assesses", "assess", "observed", "observes", "emerged", "denied", "denies",
        "refuted", "refutes", "rejected", "dismissed", "disputed", "described", "describes",
        "called", "calls", "characterized", "characterised", "presented", "presents", "hailed",
        "hails", "celebrated", "celebrates", "touted", "touts", "framed", "boasted",
    ]),
    acknowledge: Words::new(&[
        "acknowledged", "acknowledges", "acknowledge", "admitted", "admits", "admit", "conceded",
        "concedes", "concede", "confirmed", "confirms", "confirm", "confirming",
    ]),
    according: &[&["according", "to"], &["citing"], &["per"]],
    claim_nouns: Words::new(&[
        "claim", "claims", "report", "reports", "reporting", "statement", "statements",
        "allegation", "allegations", "assertion", "assertions", "rumor", "rumors", "rumour",
        "rumours", "announcement", "announcements",
    ]),
    concessive: Words::new(&["despite", "notwithstanding", "contrary"]),
    state_participles: Words::new(&["occupied", "controlled", "held"]),
    denial_adjectives: Words::new(&[
        "false", "untrue", "fake", "inaccurate", "incorrect", "baseless", "premature", "erroneous",
    ]),
    denial: Words::new(&[
        "denied", "denies", "deny", "denying", "refuted", "refutes", "refute", "refuting",
        "rejected", "rejects", "reject", "dismissed", "dismisses", "disputed", "disputes",
        "contradicted", "contradicts", "rebuffed", "false", "untrue", "fake", "inaccurate",
        "incorrect", "incorrectly", "mistakenly", "erroneously", "erroneous", "baseless",
        "premature", "prematurely", "disinformation", "debunked",
    ]),
    evidence: Words::new(&[
        "geolocated", "geolocation", "geolocating", "satellite", "imagery", "assessed", "assesses",
        "independently",
    ]),
    confirm: Words::new(&[
        "confirm", "confirmed", "confirmation", "verify", "verified", "verification", "observed",
        "evidence", "corroborate", "corroborated", "corroboration",
    ]),
    unconfirmed: Words::new(&["unconfirmed", "unverified", "uncorroborated"]),
    hedges: Words::new(&[
        "reportedly", "allegedly", "purportedly", "rumoured", "rumored", "supposedly",
        "ostensibly",
    ]),
    terminators: Words::new(&[
        ";", ":", "but", "however", "although", "though", "while", "whereas", "despite", "yet",
        "—", "–", "meanwhile", "instead",
    ]),
    complementizers: Words::new(&["that", "whether", "which", "who", "whom", "where", "when"]),
    relatives: Words::new(&["which", "who", "where", "whom"]),
    coordinators: Words::new(&["and", "or", ",", "as", "well", "plus"]),
    including: Words::new(&["including", "namely", "such", "like"]),
    settlement_nouns: Words::new(&[
        "city", "town", "village", "settlement", "hamlet", "locality", "township", "suburb",
        "stronghold",
    ]),
    settlement_plurals: Words::new(&[
        "cities", "towns", "villages", "settlements", "hamlets", "localities",
    ]),
    anaphor_determiners: Words::new(&["the", "this", "that", "these", "those", "both"]),
    blockers: Words::new(&[
        "positions", "position", "outskirts", "outskirt", "suburbs", "approaches",
        "environs", "vicinity", "direction", "directions", "axis", "front", "frontline",
        "territory", "territories", "area", "areas", "part", "parts", "portion", "portions",
        "section", "sections", "sector", "sectors", "district", "districts", "neighborhood",
        "neighborhoods", "neighbourhood", "neighbourhoods", "microdistrict", "heights", "hill",
        "hills", "road", "roads", "highway", "highways", "bridge", "bridges", "railway", "station",
        "airport", "airfield", "airbase", "base", "bases", "plant", "factory", "building",
        "buildings", "hospital", "school", "headquarters", "checkpoint", "checkpoints", "trenches",
        "strongholds", "foothold", "footholds", "bridgehead", "bank", "island", "spit", "center",
        "centre", "equipment", "weapons", "tanks", "vehicles", "prisoners", "civilians",
        "residents", "people", "population", "children", "hostages", "bodies", "assault",
        "assaults", "attack", "attacks", "offensive", "offensives", "counteroffensive",
        "counteroffensives", "counter-offensive", "operation", "operations", "battle", "battles",
        "fight", "fighting", "war", "talks", "deal", "agreement", "negotiations", "sanctions",
        "hostilities", "campaign", "siege", "blockade", "defence", "defense", "defenses",
        "defences", "lines", "line", "half", "third", "quarter", "percent", "%", "contact",
        "pressure", "initiative", "momentum", "partial", "according", "that", "which", "who",
        "where", "while", "when", "after", "because", "but", "said", "says", "claimed", "reported",
        "toward", "towards", "into", "to", "near", "around", "outside", "west", "east", "north",
        "south", "northwest", "northeast", "southwest", "southeast", "western", "eastern",
        "northern", "southern", "northwestern", "northeastern", "southwestern", "southeastern",
        "units", "troops", "forces", "elements", "command", "bombardment", "shelling", "strike",
        "strikes", "river", "flag", "parts", "remnants", "grip", "residential", "industrial",
        "zone", "zones", "garrison",
    ]),
    place_modifiers: Words::new(&[
        "axis", "direction", "directions", "front", "sector", "area", "district", "highway",
        "road", "railway", "bridge", "port", "airport", "airfield", "airbase", "plant", "factory",
        "station", "border", "frontline", "line", "grouping", "group", "offensive",
        "counteroffensive", "operation", "operations", "battle", "campaign", "salient", "pocket",
        "cauldron", "bridgehead", "outskirts", "suburbs", "environs", "garrison", "residents",
        "people", "city-center", "center", "centre", "administration", "authorities", "council",
        "mayor", "governor", "region's", "'s", "reservoir", "river", "canal", "dam", "nuclear",
        "power", "thermal", "metallurgical", "steel", "tractor", "hospital", "building", "prison",
        "airport's", "hotel",
    ]),
    fillers: Words::new(&[
        "the", "a", "an", "of", "their", "its", "his", "our", "previously-held", "formerly", "most", "all", "entire", "entirety", "whole", "rest", "remainder",
        "remaining", "last", "central", "downtown", "key", "strategic", "strategically",
        "important", "logistics", "hub", "besieged", "embattled", "frontline", "front-line",
        "eastern", "small", "large", "major", "nearby", "neighboring", "neighbouring", "nearly",
        "almost", "fully", "completely", "entirely", "effectively", "finally", "recently",
        "successfully", "reportedly", "allegedly", "also", "then", "later", "again", "now", "back",
        "swiftly", "quickly", "largely", "control",
    ]),
    side_word,
    standalone: Words::new(&[
        "ukraine", "ukrainians", "kyiv", "kiev", "russia", "russians", "moscow", "kremlin",
        "wagner", "separatists", "kadyrovites", "rosgvardia", "dnr", "lnr", "dpr", "lpr", "zsu",
        "afu", "vdv",
    ]),
    actor_nouns: Words::new(&[
        "forces", "force", "troops", "army", "armies", "military", "soldiers", "units", "unit",
        "elements", "marines", "paratroopers", "brigade", "brigades", "battalion", "battalions",
        "regiment", "regiments", "division", "divisions", "corps", "fighters", "mercenaries",
        "defenders", "servicemen", "infantry", "grouping", "groupings", "group", "groups",
        "detachment", "detachments", "btgs", "btg", "ministry", "mod", "staff", "command",
        "commanders", "commander", "officials", "official", "authorities", "government",
        "administration", "bloggers", "milbloggers", "milblogger", "blogger", "media",
        "journalists", "journalist", "correspondents", "correspondent", "sources", "source",
        "officers", "officer", "spokesman", "spokesperson", "spokeswoman", "president", "leader",
        "leaders", "governor", "mayor", "side", "general", "generals", "presidency", "minister",
        "tv", "agencies", "agency", "channels", "channel", "outlets", "outlet", "commentators",
        "analysts", "navy", "guard", "guards", "artillery", "counteroffensive",
        "counter-offensive", "offensive", "advance", "assault", "defence", "defense", "airborne",
        "special", "volunteers", "militia", "militias", "proxies", "allies", "occupiers",
        "invaders", "partisans", "collaborators", "operators", "operator", "telegram",
        "intelligence", "directorate", "council", "head", "adviser", "advisor", "representative",
        "ombudsman", "occupation", "contingent", "army's", "forces'", "troops'", "units'",
        "military's", "commander-in-chief", "chief", "chiefs", "minister's", "ministry's",
    ]),
    military_nouns: Words::new(&[
        "forces", "force", "troops", "army", "armies", "military", "soldiers", "units", "unit",
        "elements", "marines", "paratroopers", "brigade", "brigades", "battalion", "battalions",
        "regiment", "regiments", "division", "divisions", "corps", "fighters", "mercenaries",
        "defenders", "servicemen", "infantry", "grouping", "groupings", "group", "groups",
        "detachment", "detachments", "btgs", "btg", "navy", "guard", "guards", "artillery",
        "counteroffensive", "counter-offensive", "offensive", "advance", "assault", "airborne",
        "special", "volunteers", "militia", "militias", "proxies", "occupiers", "invaders",
        "partisans", "contingent", "army's", "forces'", "troops'", "units'", "military's",
    ]),
    named: &[
        (&["armed", "forces", "of", "ukraine"], Ua),
        (&["armed", "forces", "of", "russia"], Ru),
        (&["armed", "forces", "of", "the", "russian", "federation"], Ru),
        (&["donetsk", "people's", "republic"], Ru),
        (&["luhansk", "people's", "republic"], Ru),
        (&["lugansk", "people's", "republic"], Ru),
        (&["wagner", "group"], Ru),
        (&["1st", "army", "corps"], Ru),
        (&["2nd", "army", "corps"], Ru),
        (&["3rd", "army", "corps"], Ru),
        (&["combined", "arms", "army"], Ru),
        (&["combined", "arms", "armies"], Ru),
        (&["tank", "army"], Ru),
        (&["motor", "rifle"], Ru),
        (&["motorized", "rifle"], Ru),
        (&["motorised", "rifle"], Ru),
        (&["black", "sea", "fleet"], Ru),
        (&["national", "guard", "of", "ukraine"], Ua),
        (&["territorial", "defense"], Ua),
        (&["territorial", "defence"], Ua),
        (&["air", "assault", "forces"], Ua),
        (&["operational", "command"], Ua),
        (&["main", "intelligence", "directorate"], Ua),
        (&["security", "service", "of", "ukraine"], Ua),
        (&["mechanized", "brigade"], Ua),
        (&["mechanised", "brigade"], Ua),
        (&["separate", "assault", "brigade"], Ua),
        (&["defense", "forces", "of", "ukraine"], Ua),
        (&["defence", "forces", "of", "ukraine"], Ua),
        (&["azov"], Ua),
        (&["sbu"], Ua),
        (&["gur"], Ua),
        (&["cas"], Ru),
        (&["caa"], Ru),
        (&["bars"], Ru),
        (&["akhmat"], Ru),
        (&["storm-z"], Ru),
    ],
    people: People::new(&[
        ("putin", Ru),
        ("shoigu", Ru),
        ("gerasimov", Ru),
        ("konashenkov", Ru),
        ("peskov", Ru),
        ("prigozhin", Ru),
        ("kadyrov", Ru),
        ("pushilin", Ru),
        ("pasechnik", Ru),
        ("saldo", Ru),
        ("balitsky", Ru),
        ("miroshnik", Ru),
        ("basurin", Ru),
        ("surovikin", Ru),
        ("lapin", Ru),
        ("aksyonov", Ru),
        ("medvedev", Ru),
        ("lavrov", Ru),
        ("zakharova", Ru),
        ("rogov", Ru),
        ("stremousov", Ru),
        ("belousov", Ru),
        ("lukashenko", Ru),
        ("girkin", Ru),
        ("strelkov", Ru),
        ("zelensky", Ua),
        ("zelenskyy", Ua),
        ("zelenskiy", Ua),
        ("zaluzhnyi", Ua),
        ("zaluzhny", Ua),
        ("syrskyi", Ua),
        ("syrsky", Ua),
        ("budanov", Ua),
        ("reznikov", Ua),
        ("umerov", Ua),
        ("malyar", Ua),
        ("arestovych", Ua),
        ("podolyak", Ua),
        ("yermak", Ua),
        ("haidai", Ua),
        ("kyrylenko", Ua),
        ("synehubov", Ua),
        ("synegubov", Ua),
        ("humenyuk", Ua),
        ("humeniuk", Ua),
        ("cherevaty", Ua),
        ("cherevatyi", Ua),
        ("shtupun", Ua),
        ("motuzyanyk", Ua),
        ("kuleba", Ua),
        ("vereshchuk", Ua),
        ("fedorov", Ua),
        ("yanushevych", Ua),
        ("prokudin", Ua),
        ("lysak", Ua),
        ("starukh", Ua),
        ("zhyvytskyy", Ua),
        ("terekhov", Ua),
        ("klitschko", Ua),
        ("ryshchuk", Ua),
        ("isw", ThirdParty),
        ("pentagon", ThirdParty),
        ("nato", ThirdParty),
    ]),
    enemy: Words::new(&["enemy", "enemy's", "adversary", "adversary's", "foe"]),
    enemy_default: Side::Unknown,
    pronouns: Words::new(&[
        "they", "their", "its", "it", "he", "his", "she", "her", "them", "themselves",
    ]),
    flag: Words::new(&["flag", "flags", "banner"]),
    flag_verbs: Words::new(&[
        "raised", "raising", "raise", "raises", "hoisted", "hoisting", "hoist", "holding", "held",
        "planted", "planting", "flying", "flew", "unfurled", "unfurling", "waving", "waved",
        "hung", "hanging", "put", "putting", "erected", "installed", "raised.",
    ]),
    control_change: Words::new(&[
        "back", "came", "come", "comes", "coming", "returned", "return", "returns", "passed",
        "fell", "fallen", "fall", "again", "now", "brought",
    ]),
    control: Words::new(&["control", "controls", "controlled"]),
    under: Words::new(&["under"]),
    control_complete: Words::new(&[
        "fully", "completely", "entirely", "now", "entirety", "whole", "all", "full", "total",
        "complete", "currently",
    ]),
    control_kept: Words::new(&[
        "still", "retain", "retains", "retained", "retaining", "maintain", "maintains",
        "maintained", "keep", "keeps", "kept", "continue", "continues", "continued", "remain",
        "remains", "remained",
    ]),
    control_lost: &[&["no", "longer"], &["not", "longer"]],
    expel: Words::new(&[
        "pushed", "push", "pushing", "drove", "driven", "drive", "driving", "forced", "forcing",
        "expelled", "expel", "expelling", "ousted", "oust", "ousting", "kicked", "cleared",
        "clear", "clearing", "routed", "dislodged", "evicted", "chased", "threw", "thrown",
    ]),
    expel_preps: Words::new(&["out", "from", "of"]),
    prepositions: Words::new(&[
        "in", "into", "near", "around", "to", "towards", "toward", "outside", "at", "on", "by",
        "with", "across", "along", "through", "behind", "beyond", "inside", "within", "after",
        "before", "since", "during", "under", "from", "of", "for", "against", "between", "about",
        "over", "off", "out", "past", "via", "amid", "among", "throughout", "upon", "onto", "like",
        "than", "pursue", "pursued", "pursuing", "repelled", "repel", "repelling", "repulsed",
        "attacked", "attacking", "engaged", "encircle", "encircled", "fix", "defeated", "struck",
        "expelled", "pushed", "drove", "forced", "ousted", "routed", "blocked", "pin", "pinned",
        "lure", "draw", "forcing", "pushing", "driving", "killed", "destroyed", "shelled",
        "surrounded", "supporting", "support", "supported", "reinforced", "reinforce",
        "reinforcing", "relieve", "replaced",
    ]),
    by: Words::new(&["by"]),
    to_winner: Words::new(&["to"]),
    third_party: Words::new(&[
        "isw", "institute", "analysts", "analyst", "western", "u.s.", "us", "american", "british",
        "nato", "pentagon", "experts", "observers", "un", "u.n.", "osce", "reuters", "journalists",
        "uk", "u.k.", "iaea", "independent", "international",
    ]),
    adverbs: Words::new(&[
        "likely", "probably", "reportedly", "allegedly", "apparently", "also", "additionally",
        "successfully", "fully", "completely", "entirely", "partially", "partly", "then", "later",
        "previously", "recently", "already", "finally", "now", "just", "largely", "effectively",
        "quickly", "swiftly", "rapidly", "again", "eventually", "subsequently", "purportedly",
        "officially", "formally", "reportedly,", "almost", "nearly", "mostly", "temporarily",
        "reported", "certainly", "indeed", "still", "even", "ultimately", "shortly", "soon",
        "briefly", "gradually", "newly", "freshly", "unsuccessfully", "further", "all", "both",
        "each", "themselves", "itself",
    ]),
    claimant_kinds: &[
        ("milblogger", &["bloggers", "milbloggers", "blogger", "milblogger", "telegram", "correspondents", "channels", "channel"]),
        ("analyst", &["isw", "institute", "analysts", "analyst", "think", "experts", "observers"]),
        ("local_official", &["governor", "mayor", "administration", "regional", "local", "head", "installed", "moscow-installed", "russian-installed", "russian-appointed", "council", "oblast"]),
        ("military_official", &["ministry", "mod", "staff", "military", "army", "command", "forces", "troops", "spokesman", "commander", "brigade", "general", "defence", "defense", "unit", "soldiers", "corps", "directorate", "gur"]),
        ("government", &["officials", "official", "government", "president", "kremlin", "minister", "presidency", "adviser", "advisor", "kyiv", "moscow", "authorities", "spokesperson", "zelensky", "zelenskyy", "putin", "peskov", "shoigu"]),
        ("journalist", &["journalists", "journalist", "media", "news", "reporter", "reporters", "tv", "agency", "reuters", "bbc", "cnn", "correspondent", "newspaper", "outlets", "outlet"]),
    ],
    time_words: Words::new(&[
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "today", "yesterday", "tonight", "overnight", "morning", "evening",
        "night", "week", "day", "midnight", "noon", "local", "time", "on", "in", "at", "late",
        "early", "this", "last", "that", "the", "also", "earlier", "later", "previously",
    ]),
    subordinators: Words::new(&[
        "after", "before", "since", "until", "till", "when", "once", "as", "because", "following",
        "whereas", "upon",
    ]),
    liberator: None,
    classes: std::sync::OnceLock::new(),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_know_participles_and_phrases() {
        let w = |s: &str| {
            forms(s)
                .iter()
                .map(|(f, t)| (*f, t.then))
                .collect::<Vec<_>>()
        };
        assert!(w("captured").contains(&(Form::PastOrParticiple, NONE)));
        assert!(w("taken").contains(&(Form::Participle, NONE)));
        assert!(w("took").contains(&(Form::Past, &["control", "of"][..])));
        assert!(w("withdrawal").contains(&(Form::Noun, NONE)));
        assert!(w("house").is_empty());
    }
}
