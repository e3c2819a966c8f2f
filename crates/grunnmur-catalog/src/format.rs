//! The catalog-as-code file format (docs/catalog-format.md), as serde types. `catalog show`
//! prints these, so the keys are the file's keys.

use grunnmur_core::catalog::{Activity, MeasureKind, Purpose, Scope};
use grunnmur_core::level::{Dimension, Levels};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Localised text. Both languages are optional here so that a missing one is reported with
/// its place instead of failing the whole entry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nb: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl TextDoc {
    pub fn to_text(&self) -> grunnmur_core::catalog::Text {
        grunnmur_core::catalog::Text {
            nb: self.nb.clone().unwrap_or_default(),
            en: self.en.clone(),
        }
    }

    pub fn get(&self, lang: &str) -> &str {
        let nb = self.nb.as_deref().unwrap_or_default();
        match lang {
            "en" => self.en.as_deref().filter(|s| !s.is_empty()).unwrap_or(nb),
            _ => nb,
        }
    }

    /// The language `get(lang)` returns: "en" where the English text is there, else "nb".
    pub fn shown_lang(&self, lang: &str) -> &'static str {
        match (lang, self.en.as_deref()) {
            ("en", Some(en)) if !en.is_empty() => "en",
            _ => "nb",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    pub id: String,
    pub version: String,
    pub title: TextDoc,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_scope: Option<TextDoc>,
}

/// An owner of catalog entries: a guidance body that answers for them (`owners:`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OwnerDoc {
    pub id: String,
    pub name: TextDoc,
    /// The organisation number (nine digits, MOD11), where the catalog gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orgnr: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementDoc {
    pub id: String,
    /// Who answers for the entry: an id from `owners` (none in releases published before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub name: TextDoc,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<TextDoc>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub out_of_scope: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImpactArea {
    LivHelse,
    Personvern,
    Okonomi,
    Tjenesteleveranse,
    Tillit,
    Rettssikkerhet,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelTexts {
    pub lav: TextDoc,
    pub middels: TextDoc,
    #[serde(rename = "høy", alias = "hoy")]
    pub hoy: TextDoc,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleAreaDoc {
    pub area: ImpactArea,
    pub name: TextDoc,
    pub levels: LevelTexts,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActivityDoc {
    pub id: Activity,
    /// Who answers for the entry: an id from `owners` (none in releases published before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub name: TextDoc,
    pub description: TextDoc,
    #[serde(default)]
    pub recommendations: Vec<TextDoc>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonalData {
    None,
    Ordinary,
    Special,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InfoTypeDoc {
    pub id: String,
    /// Who answers for the entry: an id from `owners` (none in releases published before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub name: TextDoc,
    pub levels: Levels,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<TextDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data: Option<PersonalData>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskDoc {
    pub id: String,
    /// Who answers for the entry: an id from `owners` (none in releases published before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub name: TextDoc,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<TextDoc>,
    pub applies_to: Vec<String>,
    pub info_types: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<TextDoc>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureDoc {
    pub id: String,
    /// Who answers for the entry: an id from `owners` (none in releases published before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub name: TextDoc,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<TextDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<TextDoc>,
    pub level: i64,
    pub protects: Vec<Dimension>,
    pub scope: Scope,
    pub purpose: Purpose,
    pub kind: MeasureKind,
    pub activity: Activity,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub refs: BTreeMap<String, Vec<String>>,
    /// Legal duties that require the measure whatever the levels (rule 16): requirement ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_by: Vec<String>,
    /// What an auditor would accept as proof that the measure is in place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<TextDoc>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Value>,
    #[serde(default)]
    pub profile_only: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileDoc {
    pub id: String,
    /// Who answers for the entry: an id from `owners` (none in releases published before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    pub name: TextDoc,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<TextDoc>,
    pub applies_to: Vec<String>,
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub level_overrides: BTreeMap<String, i64>,
    #[serde(default)]
    pub params: BTreeMap<String, BTreeMap<String, Value>>,
}

/// The merged catalog, in the order the entries were read.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CatalogDoc {
    pub catalog: Header,
    /// Who answers for the entries (empty in releases published before owners were named).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub owners: Vec<OwnerDoc>,
    pub requirements: Vec<RequirementDoc>,
    pub consequence_scale: Vec<ScaleAreaDoc>,
    pub activities: Vec<ActivityDoc>,
    pub info_types: Vec<InfoTypeDoc>,
    pub tasks: Vec<TaskDoc>,
    pub measures: Vec<MeasureDoc>,
    pub profiles: Vec<ProfileDoc>,
}

pub const SECTIONS: [&str; 9] = [
    "catalog",
    "owners",
    "requirements",
    "consequence_scale",
    "activities",
    "info_types",
    "tasks",
    "measures",
    "profiles",
];

/// Every entry that has an owner, as (section, owner): requirements, activities, information
/// types, tasks, measures and profiles, in that order. `None` where a release published before
/// owners were named has none.
pub fn entry_owners(doc: &CatalogDoc) -> Vec<(&'static str, Option<&str>)> {
    let mut out = Vec::new();
    out.extend((doc.requirements.iter()).map(|x| ("requirements", x.owner.as_deref())));
    out.extend((doc.activities.iter()).map(|x| ("activities", x.owner.as_deref())));
    out.extend((doc.info_types.iter()).map(|x| ("info_types", x.owner.as_deref())));
    out.extend((doc.tasks.iter()).map(|x| ("tasks", x.owner.as_deref())));
    out.extend((doc.measures.iter()).map(|x| ("measures", x.owner.as_deref())));
    out.extend((doc.profiles.iter()).map(|x| ("profiles", x.owner.as_deref())));
    out
}
