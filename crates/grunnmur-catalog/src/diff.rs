//! Semantic diff of two catalogs: added, removed and changed entries per section, with level
//! changes spelled out.

use crate::format::CatalogDoc;
use serde::Serialize;
use serde_json::Value;

#[derive(Debug, Default, PartialEq, Serialize)]
pub struct CatalogDiff {
    pub old_version: String,
    pub new_version: String,
    pub sections: Vec<SectionDiff>,
}

#[derive(Debug, Default, PartialEq, Serialize)]
pub struct SectionDiff {
    pub section: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<Changed>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Changed {
    pub id: String,
    /// Keys whose values differ.
    pub fields: Vec<String>,
    /// Level changes: `levels.c`, `level`, …, with old and new value.
    pub levels: Vec<LevelChange>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct LevelChange {
    pub field: String,
    pub from: Value,
    pub to: Value,
}

impl CatalogDiff {
    pub fn is_empty(&self) -> bool {
        self.old_version == self.new_version && self.sections.is_empty()
    }
}

pub fn diff(old: &CatalogDoc, new: &CatalogDoc) -> CatalogDiff {
    let old_v = serde_json::to_value(old).unwrap_or_default();
    let new_v = serde_json::to_value(new).unwrap_or_default();
    let sections = [
        ("owners", "id"),
        ("requirements", "id"),
        ("consequence_scale", "area"),
        ("activities", "id"),
        ("info_types", "id"),
        ("tasks", "id"),
        ("measures", "id"),
        ("profiles", "id"),
    ]
    .into_iter()
    .filter_map(|(section, key)| {
        let d = section_diff(section, key, &old_v[section], &new_v[section]);
        let empty = d.added.is_empty() && d.removed.is_empty() && d.changed.is_empty();
        (!empty).then_some(d)
    })
    .collect();
    CatalogDiff {
        old_version: old.catalog.version.clone(),
        new_version: new.catalog.version.clone(),
        sections,
    }
}

fn entries<'a>(v: &'a Value, key: &str) -> Vec<(String, &'a Value)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|e| (e[key].as_str().unwrap_or_default().to_string(), e))
                .collect()
        })
        .unwrap_or_default()
}

fn section_diff(section: &str, key: &str, old: &Value, new: &Value) -> SectionDiff {
    let old_e = entries(old, key);
    let new_e = entries(new, key);
    fn find<'v>(list: &[(String, &'v Value)], id: &str) -> Option<&'v Value> {
        list.iter().find(|(i, _)| i == id).map(|(_, v)| *v)
    }
    let mut d = SectionDiff {
        section: section.into(),
        ..Default::default()
    };
    for (id, nv) in &new_e {
        match find(&old_e, id) {
            None => d.added.push(id.clone()),
            Some(ov) if ov != *nv => d.changed.push(changed(id, ov, nv)),
            Some(_) => {}
        }
    }
    for (id, _) in &old_e {
        if find(&new_e, id).is_none() {
            d.removed.push(id.clone());
        }
    }
    d
}

fn changed(id: &str, old: &Value, new: &Value) -> Changed {
    let empty = serde_json::Map::new();
    let o = old.as_object().unwrap_or(&empty);
    let n = new.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut fields = Vec::new();
    let mut levels = Vec::new();
    for k in keys {
        let (a, b) = (o.get(k), n.get(k));
        if a == b {
            continue;
        }
        fields.push(k.clone());
        match k.as_str() {
            "level" => levels.push(LevelChange {
                field: k.clone(),
                from: a.cloned().unwrap_or_default(),
                to: b.cloned().unwrap_or_default(),
            }),
            "levels" | "level_overrides" => {
                let a = a.cloned().unwrap_or_default();
                let b = b.cloned().unwrap_or_default();
                let mut sub: Vec<String> = a
                    .as_object()
                    .into_iter()
                    .chain(b.as_object())
                    .flat_map(|m| m.keys().cloned())
                    .collect();
                sub.sort();
                sub.dedup();
                for s in sub {
                    if a[&s] != b[&s] {
                        levels.push(LevelChange {
                            field: format!("{k}.{s}"),
                            from: a[&s].clone(),
                            to: b[&s].clone(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    Changed {
        id: id.into(),
        fields,
        levels,
    }
}
