//! Claim reading, class by class, on sentences written for these tests.

use super::*;
use crate::extract::Extractor;
use std::sync::OnceLock;

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::bundled().expect("bundled gazetteer"))
}

/// (place as written, gaining side, claim type, verification) of each claim of `text`.
fn claims(text: &str) -> Vec<(String, &'static str, &'static str, &'static str)> {
    let g = gazetteer();
    let x = Extractor::new(g);
    let ms = x.extract(text.as_bytes());
    let doc = Doc::new(text, &ms);
    extract(&doc, g)
        .into_iter()
        .map(|c| {
            (
                ms[c.mention].text.clone(),
                c.gaining.as_str(),
                c.claim_type,
                c.verification.as_str(),
            )
        })
        .collect()
}

/// (place, gaining side) only.
fn sides(text: &str) -> Vec<(String, &'static str)> {
    claims(text)
        .into_iter()
        .map(|(p, s, _, _)| (p, s))
        .collect()
}

fn pairs(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
    v.iter().map(|(p, s)| (p.to_string(), *s)).collect()
}

#[test]
fn captures_and_recaptures() {
    assert_eq!(
        claims("Ukrainian troops recaptured the town of Balakliia and later seized Kupiansk."),
        vec![
            ("Balakliia".into(), "UA", "recapture", "corroborated"),
            ("Kupiansk".into(), "UA", "recapture", "corroborated"),
        ]
    );
    assert_eq!(
        claims("Russian forces captured Soledar in January, the defence ministry in Moscow said."),
        vec![("Soledar".into(), "RU", "capture", "claimed")]
    );
    assert_eq!(
        sides("Wagner fighters have taken control of Soledar and Bakhmut."),
        pairs(&[("Soledar", "RU"), ("Bakhmut", "RU")])
    );
}

#[test]
fn withdrawals_and_euphemisms_give_the_other_side_the_place() {
    assert_eq!(
        claims("Russian troops withdrew from Kherson, according to Russian state media."),
        vec![("Kherson".into(), "UA", "withdrawal", "acknowledged")]
    );
    assert_eq!(
        claims("Moscow described a regrouping of its forces around Izyum."),
        vec![("Izyum".into(), "UA", "withdrawal", "acknowledged")]
    );
    assert_eq!(sides("Russian units are regrouping in Belgorod."), vec![]);
}

#[test]
fn passive_with_agent_and_appositive() {
    assert_eq!(
        sides("Lyman, some 150 km south-east of Kharkiv, was retaken by Ukrainian forces."),
        pairs(&[("Lyman", "UA")])
    );
    assert_eq!(
        sides("Vuhledar fell to Russian forces after a two-year siege."),
        pairs(&[("Vuhledar", "RU")])
    );
}

/// Class 1: objectives, intentions, plans, predictions, attempts, conditionals, questions and headings
/// are not events.
#[test]
fn no_claim_without_an_asserted_change() {
    for t in [
        "The Russian objective is to capture all of Donetsk Oblast.",
        "Russian forces are unlikely to take Zaporizhzhia this year.",
        "Had Russia taken Kyiv in February, the war would have ended.",
        "Russian troops continued efforts to seize Vuhledar.",
        "Russian forces will probably take the city of Avdiivka within weeks.",
        "Ukrainian forces may withdraw from Bakhmut if supplies run out.",
        "Could Ukrainian forces retake Melitopol before winter?",
        "Main Effort—Donetsk Oblast (Russian objective: capture Kramatorsk and Sloviansk)",
        "Russian forces attempted to capture Vuhledar and failed.",
        "Russian forces are trying to capture Bakhmut.",
        "Ukraine has not retaken Izium, officials said.",
        "The offensive could allow Ukraine to retake Melitopol.",
        "Ukrainian forces advanced towards Kupiansk.",
        "Russian forces entered the outskirts of Kherson.",
        "Russian troops captured villages near Bakhmut.",
        "Life in the occupied city of Kherson was hard.",
        "Russian forces continued to hold occupied Melitopol.",
        "Russia abandoned its assault on Kyiv in March.",
        "Ukrainian delegates took part in talks in Istanbul.",
        "Russian forces are setting conditions for a withdrawal from Kherson.",
        "Commanders ordered their troops to pull back from Kherson.",
        "Russian forces will likely complete the capture of Soledar in the coming days.",
        "Russian forces shelled Kharkiv and withdrew equipment from the Kharkiv axis.",
        "If Russian forces capture Pokrovsk, Kostiantynivka will be next.",
        "Occupation officials deported the children to occupied Crimea.",
        "The full capture of Donetsk Oblast remains the Kremlin's stated goal.",
        "Russian troops captured the port of Mariupol in May.",
        "Servicemen withdrawn from the Kharkiv City axis arrived near Donetsk.",
        "Commanders are planning the eventual Russian withdrawal from Kherson.",
        "Analysts said the capture of Soledar would let Russian forces threaten Sloviansk.",
        "",
    ] {
        assert_eq!(claims(t), vec![], "{t}");
    }
}

/// Class 1, the other way: hedged or presupposed events are still events.
#[test]
fn hedged_and_presupposed_events_are_claims() {
    assert_eq!(
        claims("Ukrainian forces likely captured Kupiansk on Sunday."),
        vec![("Kupiansk".into(), "UA", "recapture", "corroborated")]
    );
    assert_eq!(
        sides("Russian forces are unlikely to exploit the capture of Soledar to take Sloviansk."),
        pairs(&[("Soledar", "RU")])
    );
    assert_eq!(
        sides("Russia's 2nd Army Corps claimed to have taken the village of Makiivka."),
        pairs(&[("Makiivka", "RU")])
    );
}

/// Class 2: nominalisations and adjectives carry the side.
#[test]
fn nominalisations_and_adjectives_carry_the_side() {
    assert_eq!(
        sides("After the Ukrainian withdrawal from Soledar, fighting moved west."),
        pairs(&[("Soledar", "RU")])
    );
    assert_eq!(
        sides("Prices rose sharply in Donetsk since the fall of Mariupol."),
        pairs(&[("Mariupol", "RU")])
    );
    assert_eq!(
        claims("Engineers are clearing mines in newly liberated Izium."),
        vec![("Izium".into(), "UA", "recapture", "corroborated")]
    );
    assert_eq!(
        sides("Power returned to recently liberated Kherson on Friday."),
        pairs(&[("Kherson", "UA")])
    );
    assert_eq!(
        claims("ISW has assessed that Russian forces recaptured Ternova, north-east of Kharkiv."),
        vec![("Ternova".into(), "RU", "recapture", "corroborated")]
    );
}

/// Class 3: who says it, whether the report vouches for it, whether the loser admits or denies it.
#[test]
fn attribution_and_verification_in_the_claim_s_own_clause() {
    assert_eq!(
        claims("Russian sources claimed that Russian forces captured Siversk."),
        vec![("Siversk".into(), "RU", "capture", "claimed")]
    );
    assert_eq!(
        claims("The Ukrainian General Staff reported that Ukrainian troops liberated Kupiansk."),
        vec![("Kupiansk".into(), "UA", "recapture", "claimed")]
    );
    assert_eq!(
        claims("Shoigu claimed that Russian forces seized Vuhledar."),
        vec![("Vuhledar".into(), "RU", "capture", "claimed")]
    );
    assert_eq!(
        claims("The Ukrainian General Staff confirmed that Russian forces captured Soledar."),
        vec![("Soledar".into(), "RU", "capture", "acknowledged")]
    );
    assert_eq!(
        claims("Russian milbloggers claimed that Russian forces took Krasnohorivka, but ISW cannot confirm this claim."),
        vec![("Krasnohorivka".into(), "RU", "capture", "unverified")]
    );
    assert_eq!(
        claims("ISW has not observed confirmation that Russian troops have taken control of Bilohorivka near Lysychansk."),
        vec![("Bilohorivka".into(), "RU", "capture", "unverified")]
    );
    assert_eq!(
        claims("Geolocated footage shows that Russian forces took control of Berestove, north-east of Bakhmut."),
        vec![("Berestove".into(), "RU", "capture", "corroborated")]
    );
    assert_eq!(
        claims("Kyiv denied that Soledar had been captured."),
        vec![("Soledar".into(), "RU", "capture", "disputed")]
    );
    assert_eq!(
        claims("Earlier Russian claims of capturing Dolyna were false."),
        vec![("Dolyna".into(), "RU", "capture", "disputed")]
    );
    assert_eq!(
        claims("Ukrainian forces appeared to have retaken Vovchansk, though this could not be independently verified."),
        vec![("Vovchansk".into(), "UA", "recapture", "unverified")]
    );
    assert_eq!(
        claims(
            "Ukraine's army withdrew from Avdiivka to more favourable lines, its commander said."
        ),
        vec![("Avdiivka".into(), "RU", "withdrawal", "acknowledged")]
    );
}

#[test]
fn presented_refuted_and_doubted_in_the_same_sentence() {
    assert_eq!(
        claims("Shoigu presented the capture of Soledar as a major victory."),
        vec![("Soledar".into(), "RU", "capture", "claimed")]
    );
    assert_eq!(
        claims("Claims that Russian troops had withdrawn from Snihurivka were refuted by the regional governor."),
        vec![("Snihurivka".into(), "UA", "withdrawal", "disputed")]
    );
    assert_eq!(
        claims("A Telegram channel claimed that Russian forces seized Soledar, but this claim is likely incorrect."),
        vec![("Soledar".into(), "RU", "capture", "disputed")]
    );
    assert_eq!(
        claims("Many milbloggers claimed that the Russian withdrawal from Lyman was chaotic."),
        vec![("Lyman".into(), "UA", "withdrawal", "acknowledged")]
    );
}

/// Class 3 across sentences: a denial reaches the claim it is about, and only that one.
#[test]
fn denials_attach_to_the_claim_they_are_about() {
    assert_eq!(
        claims("Russia said its troops had captured Vuhledar. Kyiv denied it."),
        vec![("Vuhledar".into(), "RU", "capture", "disputed")]
    );
    assert_eq!(
        claims("Russia's defence ministry said its troops had captured Vuhledar. Ukrainian officials denied reports of street fighting in Krasnohorivka."),
        vec![("Vuhledar".into(), "RU", "capture", "claimed")]
    );
    assert_eq!(
        claims("Russian milbloggers claimed that Wagner captured Soledar. Prigozhin later stated that Wagner has not captured Soledar."),
        vec![("Soledar".into(), "RU", "capture", "disputed")]
    );
}

/// Class 3 across sentences: "the town" points back, and the losing side's own words acknowledge.
#[test]
fn acknowledgements_attach_across_sentences() {
    let c = claims(
        "Russia's defence ministry said its forces had captured Vuhledar. On Wednesday the Ukrainian \
         commander-in-chief confirmed that his troops had withdrawn from the town.",
    );
    assert_eq!(
        c,
        vec![
            ("Vuhledar".into(), "RU", "capture", "claimed"),
            ("Vuhledar".into(), "RU", "withdrawal", "acknowledged"),
        ]
    );
    let c = claims(
        "Russian forces captured Vuhledar, Russia's defence ministry said. The commander-in-chief \
         confirmed that his troops had withdrawn from the town.",
    );
    assert_eq!(
        c,
        vec![
            ("Vuhledar".into(), "RU", "capture", "claimed"),
            ("Vuhledar".into(), "RU", "withdrawal", "acknowledged"),
        ]
    );
    assert_eq!(
        sides("Kharkiv residents remember the occupation of Izium. Ukrainian troops liberated the city in September."),
        pairs(&[("Izium", "UA")])
    );
}

/// Class 4: lists, phrasings.
#[test]
fn lists_and_phrasings() {
    assert_eq!(
        sides("Russian forces seized Soledar, Bakhmut, Vodiane, and Opytne on Tuesday."),
        pairs(&[
            ("Soledar", "RU"),
            ("Bakhmut", "RU"),
            ("Vodiane", "RU"),
            ("Opytne", "RU")
        ])
    );
    assert_eq!(
        sides("Shoigu said Russian forces captured several settlements north of Bakhmut, including Soledar and Berestove."),
        pairs(&[("Soledar", "RU"), ("Berestove", "RU")])
    );
    assert_eq!(
        sides("Ukrainian forces took control of most of Kupiansk."),
        pairs(&[("Kupiansk", "UA")])
    );
    assert_eq!(
        claims("Soldiers were pictured raising the Ukrainian flag over the council building in Kupiansk."),
        vec![("Kupiansk".into(), "UA", "recapture", "corroborated")]
    );
    assert_eq!(
        claims("Kherson is back under Ukrainian control, the governor said."),
        vec![("Kherson".into(), "UA", "recapture", "claimed")]
    );
    assert_eq!(
        sides("Russian troops re-took control of Bakhmut and Soledar."),
        pairs(&[("Bakhmut", "RU"), ("Soledar", "RU")])
    );
    assert_eq!(
        sides("Russian forces seized Lozova, Kharkiv Oblast, in the morning."),
        pairs(&[("Lozova", "RU")])
    );
    assert_eq!(
        sides("Ukrainian troops ousted Russian forces from Bilohorivka, near Lysychansk."),
        pairs(&[("Bilohorivka", "UA")])
    );
    assert_eq!(
        sides("Fighters of the Donetsk People's Republic took control of Marinka."),
        pairs(&[("Marinka", "RU")])
    );
    assert_eq!(
        sides("Ukrainian forces pursued Russian troops across Chernihiv Oblast, capturing Horodnia and Semenivka."),
        pairs(&[("Horodnia", "UA"), ("Semenivka", "UA")])
    );
    assert_eq!(
        sides("The Ukrainian General Staff reported that Russian units withdrew from Kakhovka."),
        pairs(&[("Kakhovka", "UA")])
    );
    assert_eq!(
        sides("Ukrainian forces retook Balakliia and on Friday seized Kupiansk."),
        pairs(&[("Balakliia", "UA"), ("Kupiansk", "UA")])
    );
    assert_eq!(
        sides("The week has seen Ukrainian troops recapture Izium and Lyman."),
        pairs(&[("Izium", "UA"), ("Lyman", "UA")])
    );
    assert_eq!(
        sides("Shelling continued near Lyman, which Russian forces captured in May."),
        pairs(&[("Lyman", "RU")])
    );
    assert_eq!(
        sides("Ukrainian forces recaptured the southern Kherson suburb of Chornobaivka."),
        pairs(&[("Chornobaivka", "UA")])
    );
    assert_eq!(
        sides("Russian forces withdrew from their positions in Kupiansk overnight."),
        pairs(&[("Kupiansk", "UA")])
    );
}

#[test]
fn parentheses_locatives_and_governed_infinitives() {
    assert_eq!(
        sides("Russian forces captured Soledar (north-east of Bakhmut) and Vuhledar (south-west of Donetsk) on Sunday."),
        pairs(&[("Soledar", "RU"), ("Vuhledar", "RU")])
    );
    assert_eq!(
        sides("Ukrainian forces likely captured Kupiansk and Balakliia in eastern Kharkiv Oblast and Lyman in Donetsk Oblast."),
        pairs(&[("Kupiansk", "UA"), ("Balakliia", "UA"), ("Lyman", "UA")])
    );
    assert_eq!(
        sides("The counteroffensive forced Russian troops to withdraw from Kherson."),
        pairs(&[("Kherson", "UA")])
    );
    assert_eq!(
        claims("Russian sources said Russian forces currently control Vuhledar."),
        vec![("Vuhledar".into(), "RU", "capture", "claimed")]
    );
    assert_eq!(
        sides("Russian artillery struck liberated settlements of Izium and Balakliia."),
        pairs(&[("Izium", "UA"), ("Balakliia", "UA")])
    );
}

#[test]
fn evidence_of_presence_shared_subjects_and_facilities() {
    assert_eq!(
        claims("Geolocated footage shows Ukrainian troops in Kupiansk and Balakliia."),
        vec![
            ("Kupiansk".into(), "UA", "recapture", "corroborated"),
            ("Balakliia".into(), "UA", "recapture", "corroborated"),
        ]
    );
    assert_eq!(
        sides("Satellite imagery showed Russian forces in Melitopol digging trenches."),
        vec![]
    );
    assert_eq!(
        sides(
            "Russian forces still hold Bakhmut but have withdrawn from their positions in Soledar."
        ),
        pairs(&[("Soledar", "UA")])
    );
    assert_eq!(
        sides("Fighting raged at the steel plant in eastern Mariupol, which Russian forces claimed to have captured."),
        vec![]
    );
}

/// Class 6: Ukrainian and Russian reporting.
#[test]
fn cyrillic_reporting() {
    assert_eq!(
        sides("Сили оборони звільнили Ізюм."),
        pairs(&[("Ізюм", "UA")])
    );
    assert_eq!(
        sides("Російські війська захопили Соледар, повідомили в Генштабі."),
        pairs(&[("Соледар", "RU")])
    );
    assert_eq!(sides("Росіяни намагаються захопити Соледар."), vec![]);
    assert_eq!(
        sides("ВС РФ освободили Соледар, заявили в Минобороны России."),
        pairs(&[("Соледар", "RU")])
    );
    assert_eq!(sides("ВСУ не смогли освободить Соледар."), vec![]);
    // Names in their case forms.
    assert_eq!(
        sides("Українські війська повернули контроль над Ірпенем та Бучею."),
        pairs(&[("Ірпенем", "UA"), ("Бучею", "UA")])
    );
    assert_eq!(
        sides("Російські війська відійшли з Херсона."),
        pairs(&[("Херсона", "UA")])
    );
    assert_eq!(
        sides("Київська область повністю звільнена від окупантів."),
        pairs(&[("Київська область", "UA")])
    );
    assert_eq!(
        sides("Минобороны России заявило, что российские войска овладели Соледаром."),
        pairs(&[("Соледаром", "RU")])
    );
    assert_eq!(
        sides("Подразделения ВСУ оставили Авдеевку, сообщили в Генштабе."),
        pairs(&[("Авдеевку", "RU")])
    );
    assert_eq!(
        sides("Вечером ВСУ оставили Херсон. Днём в город вошли российские подразделения."),
        pairs(&[("Херсон", "RU"), ("Херсон", "RU")])
    );
    assert_eq!(
        sides("Шойгу доложил, что подразделения группировки «Юг» освободили Марьинку."),
        pairs(&[("Марьинку", "RU")])
    );
}
