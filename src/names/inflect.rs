//! Ukrainian and Russian place names in their case forms: "з Херсона", "під Бахмутом", "у Авдіївці", "до
//! Нової Каховки", "в Харкові", "освободили Артёмовск". The gazetteer holds nominatives; these rules give,
//! for a folded inflected word, the nominatives it may come from (the gazetteer decides which exists).
//!
//! The rules are the regular noun and adjective declensions of both languages, with the consonant
//! alternations of the feminine dative and locative (к/ц, г/з, х/с: "Авдіївка" / "в Авдіївці") and the
//! і/о alternation of names in -ів ("Харків" / "Харкова").

/// Noun endings and the nominative endings they may replace, longest ending first within each group.
const NOUN: &[(&str, &[&str])] = &[
    // -ів / -їв (Харків: Харкова, Харкову, Харкові, Харковом; Київ: Києва, Києві, Києвом).
    ("овом", &["ів"]),
    ("ова", &["ів", "ов"]),
    ("ову", &["ів", "ов"]),
    ("ові", &["ів", "", "ов"]),
    ("єва", &["їв"]),
    ("єву", &["їв"]),
    ("єві", &["їв"]),
    ("євом", &["їв"]),
    ("ева", &["ев"]),
    ("еве", &["ев"]),
    ("евом", &["ев"]),
    // -інь (Ірпінь: Ірпеня, Ірпеню, Ірпені, Ірпенем).
    ("енем", &["інь"]),
    ("еня", &["інь"]),
    ("еню", &["інь"]),
    ("ені", &["інь", "ень"]),
    // Feminine -а / -я (Авдіївка: Авдіївку, Авдіївки, Авдіївці, Авдіївкою; Балаклія: Балаклію, Балаклії).
    ("кою", &["ка"]),
    ("гою", &["га"]),
    ("ою", &["а"]),
    ("єю", &["я"]),
    ("ею", &["я", "а"]),
    ("ой", &["а"]),
    ("ей", &["я"]),
    ("ці", &["ка", "ця"]),
    ("зі", &["га"]),
    ("сі", &["ха"]),
    ("ке", &["ка"]),
    ("ге", &["га"]),
    ("хе", &["ха"]),
    // Masculine and neuter (Херсон: Херсона, Херсону, Херсоні, Херсоном; Дніпро: Дніпра, Дніпрі).
    ("ем", &["ь", "", "е"]),
    ("ём", &["ь"]),
    ("ом", &["", "о"]),
    ("ях", &["і", "и"]),
    ("ах", &["и", "і"]),
    ("у", &["а", "", "о"]),
    ("ю", &["я", "ь", "й"]),
    ("и", &["а", ""]),
    ("ы", &["а"]),
    ("ї", &["я"]),
    ("і", &["а", "", "о", "я", "ь", "е"]),
    ("е", &["а", "", "о"]),
    ("а", &["", "о", "ь"]),
    ("я", &["ь", "й", "е", "я"]),
];

/// Adjective endings (the first word of "Нова Каховка", "Кривий Ріг", "Велика Новосілка").
const ADJECTIVE: &[(&str, &[&str])] = &[
    ("ого", &["ий", "е", "ой", "ый", "ое", "ий"]),
    ("ому", &["ий", "е", "ой", "ый", "ое"]),
    ("ими", &["і"]),
    ("ої", &["а"]),
    ("ою", &["а"]),
    ("ій", &["а", "ий"]),
    ("ую", &["ая"]),
    ("ой", &["ая", "ой", "ый"]),
    ("им", &["ий", "е", "ый"]),
    ("ім", &["ий", "е"]),
    ("ом", &["ый", "ой", "ое"]),
    ("их", &["і", "ые"]),
    ("у", &["а"]),
];

fn is_cyrillic(w: &str) -> bool {
    w.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c))
}

fn candidates(word: &str, rules: &[(&str, &[&str])], min_stem: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !is_cyrillic(word) {
        return out;
    }
    for (ending, nominatives) in rules {
        let Some(stem) = word.strip_suffix(ending) else {
            continue;
        };
        if stem.chars().count() < min_stem {
            continue;
        }
        for n in *nominatives {
            let c = format!("{stem}{n}");
            if c != word && !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// The nominatives a folded inflected noun may come from ("херсона" -> "херсон", "авдіївці" ->
/// "авдіївка", "харкова" -> "харків"), most likely first. Empty for a non-Cyrillic word.
pub fn noun_lemmas(word: &str) -> Vec<String> {
    candidates(word, NOUN, 2)
}

/// The nominatives a folded inflected adjective may come from ("нової" -> "нова").
pub fn adjective_lemmas(word: &str) -> Vec<String> {
    candidates(word, ADJECTIVE, 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(v: &[String], w: &str) -> bool {
        v.iter().any(|x| x == w)
    }

    #[test]
    fn ukrainian_cases() {
        for (form, lemma) in [
            ("херсона", "херсон"),
            ("херсоні", "херсон"),
            ("бахмутом", "бахмут"),
            ("авдіївку", "авдіївка"),
            ("авдіївці", "авдіївка"),
            ("авдіївкою", "авдіївка"),
            ("балаклії", "балаклія"),
            ("харкова", "харків"),
            ("харкові", "харків"),
            ("києва", "київ"),
            ("дніпра", "дніпро"),
            ("мелітополя", "мелітополь"),
            ("вугледара", "вугледар"),
            ("ірпенем", "ірпінь"),
        ] {
            assert!(
                has(&noun_lemmas(form), lemma),
                "{form} -> {lemma}: {:?}",
                noun_lemmas(form)
            );
        }
        assert!(has(&adjective_lemmas("нової"), "нова"));
        assert!(has(&adjective_lemmas("кривого"), "кривий"));
    }

    #[test]
    fn russian_cases() {
        for (form, lemma) in [
            ("херсоне", "херсон"),
            ("авдеевку", "авдеевка"),
            ("авдеевки", "авдеевка"),
            ("марьинку", "марьинка"),
            ("артемовска", "артемовск"),
            ("соледаром", "соледар"),
        ] {
            assert!(
                has(&noun_lemmas(form), lemma),
                "{form} -> {lemma}: {:?}",
                noun_lemmas(form)
            );
        }
        assert!(has(&adjective_lemmas("новой"), "новая"));
    }

    #[test]
    fn latin_words_have_no_lemmas() {
        assert!(noun_lemmas("kherson").is_empty());
        assert!(noun_lemmas("ом").is_empty());
    }
}
