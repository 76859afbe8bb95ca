//! Frontline villages from public reporting (2022-2024): each resolves with a context sentence written for this
//! test, and a bare-name lookup lists its namesakes with raion (admin2) and oblast (admin1).

use assert_cmd::Command;
use placemap::extract::Extractor;
use placemap::Gazetteer;
use serde_json::Value;

/// (name, a sentence locating it, GeoNames id, raion, oblast).
const VILLAGES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "Klishchiivka",
        "Ukrainian brigades retook Klishchiivka, south of Bakhmut, in September 2023.",
        "geonames:13512497",
        "Bakhmut Raion",
        "Donetsk Oblast",
    ),
    (
        "Andriivka",
        "Andriivka, 11 km south of Bakhmut, was cleared by an assault brigade.",
        "geonames:9114136",
        "Bakhmut Raion",
        "Donetsk Oblast",
    ),
    (
        "Robotyne",
        "Ukrainian troops entered Robotyne, south of Orikhiv, in late August 2023.",
        "geonames:695586",
        "Polohy Raion",
        "Zaporizhzhia Oblast",
    ),
    (
        "Urozhaine",
        "Urozhaine, south of Velyka Novosilka, was liberated in August 2023.",
        "geonames:9114393",
        "Volnovakha Raion",
        "Donetsk Oblast",
    ),
    (
        "Staromaiorske",
        "Marines cleared Staromaiorske, south of Velyka Novosilka.",
        "geonames:692812",
        "Volnovakha Raion",
        "Donetsk Oblast",
    ),
    (
        "Novomykhailivka",
        "Russian assaults on Novomykhailivka, south of Marinka, continued into 2024.",
        "geonames:699458",
        "Pokrovsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Krynky",
        "Ukrainian marines held a foothold in Krynky, east of Kherson, across the river.",
        "geonames:703861",
        "Khersonskyi Raion",
        "Kherson Oblast",
    ),
    (
        "Bakhmutske",
        "Russian troops pushed toward Bakhmutske, near Soledar, in January 2023.",
        "geonames:9115288",
        "Bakhmut Raion",
        "Donetsk Oblast",
    ),
    (
        "Chervonopopivka",
        "Ukrainian units fought near Chervonopopivka, north of Kreminna.",
        "geonames:710547",
        "Siverskodonetsk Raion",
        "Luhansk Oblast",
    ),
    (
        "Stelmakhivka",
        "Fighting was reported at Stelmakhivka, west of Svatove.",
        "geonames:692624",
        "Svatove Raion",
        "Luhansk Oblast",
    ),
    (
        "Ploshchanka",
        "Russian forces attacked Ploshchanka, north of Kreminna.",
        "geonames:697075",
        "Svatove Raion",
        "Luhansk Oblast",
    ),
    (
        "Verbove",
        "The next objective after Robotyne was Verbove, southeast of Orikhiv.",
        "geonames:689965",
        "Polohy Raion",
        "Zaporizhzhia Oblast",
    ),
    (
        "Nevelske",
        "Russian forces took Nevelske, northwest of Donetsk, in 2023.",
        "geonames:9112915",
        "Pokrovsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Vodiane",
        "Shelling continued near Vodiane, southwest of Avdiivka.",
        "geonames:9113128",
        "Pokrovsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Opytne",
        "Russian infantry advanced in Opytne, just south of Avdiivka.",
        "geonames:9113127",
        "Pokrovsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Tonenke",
        "After Avdiivka fell, Russian units pushed west toward Tonenke.",
        "geonames:691412",
        "Pokrovsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Orlivka",
        "Ukrainian defenders held Orlivka, west of Avdiivka.",
        "geonames:698375",
        "Pokrovsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Berdychi",
        "Berdychi, northwest of Avdiivka, came under heavy assault in February 2024.",
        "geonames:9113133",
        "Pokrovsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Synkivka",
        "Russian forces launched attacks on Synkivka, northeast of Kupiansk.",
        "geonames:693778",
        "Kupiansk Raion",
        "Kharkiv Oblast",
    ),
    (
        "Bilohorivka",
        "Ukrainian troops held Bilohorivka, west of Lysychansk, through 2023.",
        "geonames:712588",
        "Siverskodonetsk Raion",
        "Luhansk Oblast",
    ),
    (
        "Kurdiumivka",
        "Russian artillery shelled Kurdiumivka, southwest of Bakhmut.",
        "geonames:703633",
        "Bakhmut Raion",
        "Donetsk Oblast",
    ),
    (
        "Ozarianivka",
        "Ozarianivka, north of Horlivka, changed hands in 2023.",
        "geonames:9114125",
        "Kramatorsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Zaitseve",
        "Zaitseve, 22 km south of Bakhmut, saw fierce fighting that summer.",
        "geonames:687470",
        "Bakhmut Raion",
        "Donetsk Oblast",
    ),
    (
        "Yahidne",
        "Russian forces reached Yahidne, on the northern edge of Bakhmut.",
        "geonames:9114137",
        "Bakhmut Raion",
        "Donetsk Oblast",
    ),
    (
        "Bohdanivka",
        "Bohdanivka, northeast of Chasiv Yar, came under attack in 2024.",
        "geonames:711931",
        "Bakhmut Raion",
        "Donetsk Oblast",
    ),
    (
        "Ivanivske",
        "The road through Ivanivske, west of Bakhmut, was cut in early 2023.",
        "geonames:704285",
        "Bakhmut Raion",
        "Donetsk Oblast",
    ),
    (
        "Blahodatne",
        "Ukrainian forces liberated Blahodatne, near Velyka Novosilka, in June 2023.",
        "geonames:707992",
        "Volnovakha Raion",
        "Donetsk Oblast",
    ),
    (
        "Neskuchne",
        "Neskuchne, southwest of Velyka Novosilka, was liberated in June 2023.",
        "geonames:700285",
        "Volnovakha Raion",
        "Donetsk Oblast",
    ),
    (
        "Makarivka",
        "Ukrainian troops raised the flag over Makarivka, south of Velyka Novosilka.",
        "geonames:9114394",
        "Volnovakha Raion",
        "Donetsk Oblast",
    ),
    (
        "Posad-Pokrovske",
        "Posad-Pokrovske, northwest of Kherson, was freed in November 2022.",
        "geonames:696464",
        "Khersonskyi Raion",
        "Kherson Oblast",
    ),
    (
        "Terny",
        "Russian assaults hit Terny, northeast of Lyman.",
        "geonames:691608",
        "Kramatorsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Torske",
        "Torske, east of Lyman, remained contested for months.",
        "geonames:691358",
        "Kramatorsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Dibrova",
        "Dibrova, southwest of Kreminna, was shelled again.",
        "geonames:710592",
        "Siverskodonetsk Raion",
        "Luhansk Oblast",
    ),
    (
        "Stepove",
        "Russian forces attacked Stepove, northwest of Avdiivka.",
        "geonames:9113132",
        "Pokrovsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Semenivka",
        "Semenivka, west of Avdiivka, fell in the spring of 2024.",
        "geonames:9112920",
        "Pokrovsk Raion",
        "Donetsk Oblast",
    ),
    (
        "Hrakove",
        "Ukrainian forces retook Hrakove, southeast of Chuhuiv, in September 2022.",
        "geonames:708200",
        "Chuhuiv Raion",
        "Kharkiv Oblast",
    ),
];

#[test]
fn frontline_villages_resolve_in_context() {
    assert!(VILLAGES.len() >= 30);
    let g = Gazetteer::bundled().expect("bundled gazetteer");
    let x = Extractor::new(&g);
    let mut wrong = Vec::new();
    for (name, sentence, id, _, _) in VILLAGES {
        let ms = x.extract(sentence.as_bytes());
        let got = ms
            .iter()
            .find(|m| m.text == *name)
            .and_then(|m| m.entry)
            .map(|e| g.id(e).to_string());
        if got.as_deref() != Some(*id) {
            wrong.push(format!("{name}: got {got:?}, want {id} ({sentence})"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn bare_names_list_their_namesakes_with_raion_and_oblast() {
    for (name, _, id, raion, oblast) in VILLAGES {
        let out = Command::cargo_bin("placemap")
            .expect("binary")
            .args(["lookup", name, "--limit", "1000", "--no-fuzzy", "--json"])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{name}");
        let answers: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON array");
        let namesakes: Vec<&Value> = answers
            .iter()
            .filter(|a| a["kind"] == "place" && a["name"] == *name)
            .collect();
        assert!(!namesakes.is_empty(), "{name}: no namesakes listed");
        assert!(
            namesakes.iter().all(|a| a["admin1"].is_string()),
            "{name}: a namesake without its oblast"
        );
        let this = namesakes
            .iter()
            .find(|a| a["id"] == *id)
            .unwrap_or_else(|| panic!("{name}: {id} not among the namesakes"));
        assert_eq!(this["admin2"], *raion, "{name}");
        assert_eq!(this["admin1"], *oblast, "{name}");
    }
}
