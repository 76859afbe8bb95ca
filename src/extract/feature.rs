//! What a toponym names when it is no settlement: "the Dnipro River" a river, "the Sea of Azov" a sea,
//! "Zaporizhzhia Nuclear Power Plant" and "Kherson Airbase" facilities. `extract` writes it as the mention's
//! `kind`, so that such a mention is told apart from an unknown place.

/// The kind of a non-settlement feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feature {
    River,
    Sea,
    Lake,
    Island,
    /// Plants, bases, airports, bridges, dams, buildings.
    Facility,
    /// Streets, avenues, squares.
    Street,
    /// Mountains, hills, forests, valleys.
    Landform,
}

impl Feature {
    pub fn as_str(self) -> &'static str {
        match self {
            Feature::River => "river",
            Feature::Sea => "sea",
            Feature::Lake => "lake",
            Feature::Island => "island",
            Feature::Facility => "facility",
            Feature::Street => "street",
            Feature::Landform => "landform",
        }
    }

    /// The feature a word next to the name says it is ("River", "Nuclear", "Sea" of "Sea of Azov").
    pub fn of_word(w: &str) -> Feature {
        match w {
            "river" | "canal" | "delta" | "basin" => Feature::River,
            "sea" | "gulf" | "bay" | "strait" | "straits" | "coast" => Feature::Sea,
            "lake" | "reservoir" => Feature::Lake,
            "island" | "islands" | "isle" | "peninsula" => Feature::Island,
            "avenue" | "street" | "square" => Feature::Street,
            "forest" | "hills" | "mountain" | "mountains" | "valley" => Feature::Landform,
            _ => Feature::Facility,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_name_features() {
        assert_eq!(Feature::of_word("river"), Feature::River);
        assert_eq!(Feature::of_word("nuclear"), Feature::Facility);
        assert_eq!(Feature::of_word("airbase"), Feature::Facility);
        assert_eq!(Feature::of_word("sea").as_str(), "sea");
    }
}
