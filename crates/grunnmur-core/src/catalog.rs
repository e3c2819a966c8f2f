//! The shared catalog as the engine sees it: entries addressed by index, references resolved.
//! Building one from files (and checking them) is the job of `grunnmur-catalog`.

use crate::level::{Baseline, DimSet, Levels};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

pub type InfoTypeIdx = u32;
pub type TaskIdx = u32;
pub type MeasureIdx = u32;
pub type ProfileIdx = u32;

/// Text in bokmål, usually also in English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub nb: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    pub fn nb(s: impl Into<String>) -> Text {
        Text {
            nb: s.into(),
            en: None,
        }
    }

    /// The text in `lang` ("nb", "nn" or "en"), falling back to bokmål (the catalog has no
    /// nynorsk, so a nynorsk reader gets bokmål).
    pub fn get(&self, lang: &str) -> &str {
        match (lang, &self.en) {
            ("en", Some(en)) if !en.is_empty() => en,
            _ => &self.nb,
        }
    }

    /// The language `get(lang)` returns: "en" where the English text is there, else "nb".
    pub fn shown_lang(&self, lang: &str) -> &'static str {
        match (lang, &self.en) {
            ("en", Some(en)) if !en.is_empty() => "en",
            _ => "nb",
        }
    }
}

/// Kind of organisation: a public body, or a supplier (a company, or a public body that serves
/// others, such as an inter-municipal ICT cooperation) that publishes declarations (rule 14).
/// No catalog task or profile applies by kind to a supplier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OrgKind {
    Stat,
    Kommune,
    Fylkeskommune,
    Supplier,
}

impl OrgKind {
    pub const ALL: [OrgKind; 4] = [
        OrgKind::Stat,
        OrgKind::Kommune,
        OrgKind::Fylkeskommune,
        OrgKind::Supplier,
    ];

    pub const fn as_str(self) -> &'static str {
        match self {
            OrgKind::Stat => "stat",
            OrgKind::Kommune => "kommune",
            OrgKind::Fylkeskommune => "fylkeskommune",
            OrgKind::Supplier => "supplier",
        }
    }
}

/// Who a task or profile applies to: `alle | stat | kommune | fylkeskommune | sector:<id>`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Applicability {
    All,
    Kind(OrgKind),
    Sector(String),
}

impl Applicability {
    pub fn parse(s: &str) -> Option<Applicability> {
        match s {
            "alle" => Some(Applicability::All),
            "stat" => Some(Applicability::Kind(OrgKind::Stat)),
            "kommune" => Some(Applicability::Kind(OrgKind::Kommune)),
            "fylkeskommune" => Some(Applicability::Kind(OrgKind::Fylkeskommune)),
            _ => {
                let sector = s.strip_prefix("sector:")?;
                let ok = !sector.is_empty()
                    && sector
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
                ok.then(|| Applicability::Sector(sector.to_string()))
            }
        }
    }

    pub fn matches(&self, kind: OrgKind, sectors: &[String]) -> bool {
        match self {
            Applicability::All => true,
            Applicability::Kind(k) => *k == kind,
            Applicability::Sector(s) => sectors.iter().any(|x| x == s),
        }
    }
}

impl std::fmt::Display for Applicability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Applicability::All => f.write_str("alle"),
            Applicability::Kind(k) => f.write_str(k.as_str()),
            Applicability::Sector(s) => write!(f, "sector:{s}"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    System,
    Org,
}

/// Purpose of a measure: prevent, detect, respond & recover.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    Forebygge,
    Oppdage,
    Handtere,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeasureKind {
    Organisatorisk,
    Menneskelig,
    Fysisk,
    Teknologisk,
}

/// The seven governance activities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Activity {
    Styring,
    Risikovurdering,
    Risikohandtering,
    Overvaking,
    Maling,
    Kompetanse,
    Kommunikasjon,
}

impl Activity {
    pub const ALL: [Activity; 7] = [
        Activity::Styring,
        Activity::Risikovurdering,
        Activity::Risikohandtering,
        Activity::Overvaking,
        Activity::Maling,
        Activity::Kompetanse,
        Activity::Kommunikasjon,
    ];
}

#[derive(Clone, Debug)]
pub struct InfoType {
    pub id: String,
    pub name: Text,
    pub levels: Levels,
    /// Requirement ids the information type carries (legal duties; rule 16).
    pub requirements: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Task {
    pub id: String,
    pub name: Text,
    pub applies_to: Vec<Applicability>,
    pub info_types: Vec<InfoTypeIdx>,
    /// Requirement ids the task carries (legal duties; rule 16).
    pub requirements: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Measure {
    pub id: String,
    pub name: Text,
    pub level: Baseline,
    pub protects: DimSet,
    pub scope: Scope,
    pub purpose: Purpose,
    pub kind: MeasureKind,
    pub activity: Activity,
    pub params: BTreeMap<String, serde_json::Value>,
    pub profile_only: bool,
    /// Requirement ids that make the measure required whatever the levels (rule 16).
    pub required_by: Vec<String>,
    /// What an auditor would accept as proof that the measure is in place.
    pub evidence: Option<Text>,
}

#[derive(Clone, Debug)]
pub struct Profile {
    pub id: String,
    pub name: Text,
    pub applies_to: Vec<Applicability>,
    pub add: Vec<MeasureIdx>,
    /// Measures moved to an earlier baseline (validated: never a later one).
    pub level_overrides: Vec<(MeasureIdx, Baseline)>,
    pub params: Vec<(MeasureIdx, BTreeMap<String, serde_json::Value>)>,
}

/// One impact area of the catalog's consequence scale: what each level means there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsequenceArea {
    pub id: String,
    pub name: Text,
    /// Indexed by level - 1: lav, middels, høy.
    pub levels: [Text; 3],
}

/// The engine's catalog. Entries refer to each other by index; ids map back to indexes.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub id: String,
    pub version: String,
    pub info_types: Vec<InfoType>,
    pub tasks: Vec<Task>,
    pub measures: Vec<Measure>,
    pub profiles: Vec<Profile>,
    /// What lav / middels / høy mean per impact area; the labels of risk consequence scales.
    pub consequence_scale: Vec<ConsequenceArea>,
    info_type_ids: HashMap<String, InfoTypeIdx>,
    task_ids: HashMap<String, TaskIdx>,
    measure_ids: HashMap<String, MeasureIdx>,
}

impl Catalog {
    /// Builds the id indexes. Entries must already be valid (unique ids, resolved references).
    pub fn new(
        id: String,
        version: String,
        info_types: Vec<InfoType>,
        tasks: Vec<Task>,
        measures: Vec<Measure>,
        profiles: Vec<Profile>,
    ) -> Catalog {
        fn index<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, u32> {
            items
                .iter()
                .enumerate()
                .map(|(n, t)| (id(t).to_string(), n as u32))
                .collect()
        }
        Catalog {
            info_type_ids: index(&info_types, |t| &t.id),
            task_ids: index(&tasks, |t| &t.id),
            measure_ids: index(&measures, |t| &t.id),
            id,
            version,
            info_types,
            tasks,
            measures,
            profiles,
            consequence_scale: Vec::new(),
        }
    }

    pub fn with_consequence_scale(mut self, areas: Vec<ConsequenceArea>) -> Catalog {
        self.consequence_scale = areas;
        self
    }

    pub fn info_type(&self, id: &str) -> Option<InfoTypeIdx> {
        self.info_type_ids.get(id).copied()
    }

    pub fn task(&self, id: &str) -> Option<TaskIdx> {
        self.task_ids.get(id).copied()
    }

    pub fn measure(&self, id: &str) -> Option<MeasureIdx> {
        self.measure_ids.get(id).copied()
    }

    /// Profiles that apply to a body of this kind and these sectors (rule 8).
    pub fn profiles_for(&self, kind: OrgKind, sectors: &[String]) -> Vec<ProfileIdx> {
        self.profiles
            .iter()
            .enumerate()
            .filter(|(_, p)| p.applies_to.iter().any(|a| a.matches(kind, sectors)))
            .map(|(n, _)| n as ProfileIdx)
            .collect()
    }
}
