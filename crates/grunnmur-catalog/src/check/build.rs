//! The engine's catalog from a checked document.

use crate::format::*;
use grunnmur_core::catalog::{self as core, Applicability, Catalog};
use grunnmur_core::level::{Baseline, DimSet};
use std::collections::{BTreeMap, HashMap};

/// The engine's catalog from a checked document (all references known to resolve).
pub(super) fn build(
    doc: &CatalogDoc,
    task_applies: Vec<Vec<Applicability>>,
    profile_applies: Vec<Vec<Applicability>>,
) -> Catalog {
    let idx = |ids: &mut dyn Iterator<Item = &String>| -> HashMap<String, u32> {
        ids.enumerate()
            .map(|(n, i)| (i.clone(), n as u32))
            .collect()
    };
    let it_idx = idx(&mut doc.info_types.iter().map(|t| &t.id));
    let m_idx = idx(&mut doc.measures.iter().map(|t| &t.id));
    let info_types = doc
        .info_types
        .iter()
        .map(|t| core::InfoType {
            id: t.id.clone(),
            name: t.name.to_text(),
            levels: t.levels,
            requirements: t.requirements.clone(),
        })
        .collect();
    let tasks = doc
        .tasks
        .iter()
        .zip(task_applies)
        .map(|(t, applies_to)| core::Task {
            id: t.id.clone(),
            name: t.name.to_text(),
            applies_to,
            info_types: t.info_types.iter().map(|i| it_idx[i]).collect(),
            requirements: t.requirements.clone(),
        })
        .collect();
    let measures = doc
        .measures
        .iter()
        .map(|m| core::Measure {
            id: m.id.clone(),
            name: m.name.to_text(),
            level: Baseline::new(m.level as u8).unwrap_or(Baseline::BN3),
            protects: DimSet::from_dims(m.protects.iter().copied()),
            scope: m.scope,
            purpose: m.purpose,
            kind: m.kind,
            activity: m.activity,
            params: m.params.clone().into_iter().collect::<BTreeMap<_, _>>(),
            profile_only: m.profile_only,
            required_by: m.required_by.clone(),
            evidence: m.evidence.as_ref().map(TextDoc::to_text),
        })
        .collect();
    let profiles = doc
        .profiles
        .iter()
        .zip(profile_applies)
        .map(|(p, applies_to)| core::Profile {
            id: p.id.clone(),
            name: p.name.to_text(),
            applies_to,
            add: p.add.iter().map(|m| m_idx[m]).collect(),
            level_overrides: p
                .level_overrides
                .iter()
                .filter_map(|(m, l)| Some((m_idx[m], Baseline::new(*l as u8)?)))
                .collect(),
            params: p
                .params
                .iter()
                .map(|(m, v)| (m_idx[m], v.clone()))
                .collect(),
        })
        .collect();
    Catalog::new(
        doc.catalog.id.clone(),
        doc.catalog.version.clone(),
        info_types,
        tasks,
        measures,
        profiles,
    )
    .with_consequence_scale(
        doc.consequence_scale
            .iter()
            .map(|a| core::ConsequenceArea {
                id: serde_json::to_value(a.area)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                name: a.name.to_text(),
                levels: [
                    a.levels.lav.to_text(),
                    a.levels.middels.to_text(),
                    a.levels.hoy.to_text(),
                ],
            })
            .collect(),
    )
}
