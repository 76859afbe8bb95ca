//! `schema`: every layer's fields and their types, as every output declares them.

use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use placemap::layers::schema::{FieldType, LayerKind};

#[derive(Args, Debug)]
pub struct SchemaArgs {
    /// One JSON object: layer name -> [{"name", "type"}].
    #[arg(long)]
    pub json: bool,
    /// With the fields `map --from` adds.
    #[arg(long)]
    pub from: bool,
}

/// The layers by the names the outputs give them (`points` is the default single file).
pub const LAYERS: [(&str, LayerKind); 5] = [
    ("points", LayerKind::Points),
    ("places", LayerKind::Places),
    ("claims", LayerKind::Claims),
    ("links", LayerKind::Links),
    ("quantities", LayerKind::Quantities),
];

fn type_name(t: FieldType) -> &'static str {
    match t {
        FieldType::String => "String",
        FieldType::Integer => "Integer",
        FieldType::Real => "Real",
        FieldType::Boolean => "Boolean",
        FieldType::Date => "Date",
        FieldType::DateTime => "DateTime",
    }
}

pub fn schema(a: &SchemaArgs) -> Result<ExitCode> {
    if a.json {
        let mut out = serde_json::Map::new();
        for (name, kind) in LAYERS {
            let fields: Vec<serde_json::Value> = kind
                .fields(a.from)
                .iter()
                .map(|f| serde_json::json!({"name": f.name, "type": type_name(f.ty)}))
                .collect();
            out.insert(name.to_string(), fields.into());
        }
        println!("{}", serde_json::Value::Object(out));
        return Ok(ExitCode::SUCCESS);
    }
    for (name, kind) in LAYERS {
        let geometry = format!("{:?}", kind.geometry());
        println!("{name} ({geometry})");
        for f in kind.fields(a.from) {
            println!("  {:<24} {}", f.name, type_name(f.ty));
        }
    }
    Ok(ExitCode::SUCCESS)
}
