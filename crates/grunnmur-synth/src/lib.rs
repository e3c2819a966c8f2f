//! Deterministic synthetic data at national scale: a catalog (2,000 information types, 400
//! measures by default) and bodies (300 systems × 25 information types, dependency graphs with
//! cycles). Same seed, same data. Produces file-format documents, so the data goes through
//! the same checks and conversions as real files.

use grunnmur_catalog::body::*;
use grunnmur_catalog::format::*;
use grunnmur_core::catalog::{Activity, MeasureKind, OrgKind, Purpose, Scope};
use grunnmur_core::level::{Dimension, Level, Levels, PartialLevels};
use grunnmur_core::workspace::{DependencyKind, SelectionMode, Status};
use serde_json::Value;
use std::collections::BTreeMap;

/// splitmix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// Skewed towards low levels, as real catalogs are.
    pub fn level(&mut self) -> Level {
        match self.below(10) {
            0..=4 => Level::Lav,
            5..=7 => Level::Middels,
            _ => Level::Hoy,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Spec {
    pub seed: u64,
    pub info_types: usize,
    pub tasks: usize,
    pub measures: usize,
    pub bodies: usize,
    pub systems_per_body: usize,
    pub info_types_per_system: usize,
    pub tasks_per_body: usize,
    pub statuses_per_body: usize,
}

impl Spec {
    /// The national-scale case of the foundation issue.
    pub fn national() -> Spec {
        Spec {
            seed: 2026,
            info_types: 2_000,
            tasks: 200,
            measures: 400,
            bodies: 600,
            systems_per_body: 300,
            info_types_per_system: 25,
            tasks_per_body: 40,
            statuses_per_body: 600,
        }
    }
}

fn text(s: String) -> TextDoc {
    TextDoc {
        nb: Some(s.clone()),
        en: Some(s),
    }
}

const SECTORS: [&str; 3] = ["helse", "vann", "utdanning"];

pub fn catalog_doc(spec: &Spec) -> CatalogDoc {
    let mut r = Rng::new(spec.seed);
    let info_types: Vec<InfoTypeDoc> = (0..spec.info_types)
        .map(|n| InfoTypeDoc {
            id: format!("it.{n:05}"),
            name: text(format!("Informasjonstype {n}")),
            levels: Levels::new(r.level(), r.level(), r.level()),
            rationale: Some(text(format!("Syntetisk begrunnelse {n}"))),
            personal_data: None,
            requirements: Vec::new(),
        })
        .collect();
    // Every information type belongs to at least one task; tasks hold 10-30 each. One task in
    // six also belongs to a sector, so that sector profiles reach the systems processing it
    // (rule 8).
    let mut tasks: Vec<TaskDoc> = (0..spec.tasks)
        .map(|n| TaskDoc {
            id: format!("t.{n:04}"),
            name: text(format!("Oppgave {n}")),
            description: None,
            applies_to: std::iter::once(
                match n % 4 {
                    0 => "alle",
                    1 => "kommune",
                    2 => "fylkeskommune",
                    _ => "stat",
                }
                .to_string(),
            )
            .chain((n % 6 == 3).then(|| format!("sector:{}", SECTORS[n / 6 % SECTORS.len()])))
            .collect(),
            info_types: Vec::new(),
            steps: Vec::new(),
            requirements: Vec::new(),
        })
        .collect();
    for (n, it) in info_types.iter().enumerate() {
        tasks[n % spec.tasks].info_types.push(it.id.clone());
    }
    for t in &mut tasks {
        for _ in 0..r.below(10) {
            let id = &info_types[r.below(spec.info_types)].id;
            if !t.info_types.contains(id) {
                t.info_types.push(id.clone());
            }
        }
    }
    let activities = Activity::ALL;
    let kinds = [
        MeasureKind::Organisatorisk,
        MeasureKind::Menneskelig,
        MeasureKind::Fysisk,
        MeasureKind::Teknologisk,
    ];
    let purposes = [Purpose::Forebygge, Purpose::Oppdage, Purpose::Handtere];
    let profile_only_from = spec.measures - spec.measures / 20;
    let measures: Vec<MeasureDoc> = (0..spec.measures)
        .map(|n| {
            let mut protects: Vec<Dimension> = Dimension::ALL
                .into_iter()
                .filter(|_| r.chance(50))
                .collect();
            if protects.is_empty() {
                protects.push(Dimension::ALL[r.below(3)]);
            }
            MeasureDoc {
                id: format!("m.{n:04}"),
                name: text(format!("Tiltak {n}")),
                statement: Some(text(format!("Gjør tiltak {n}"))),
                guidance: Some(text(format!("Veiledning {n}"))),
                level: 1 + (n % 3) as i64,
                protects,
                scope: if r.chance(80) {
                    Scope::System
                } else {
                    Scope::Org
                },
                purpose: purposes[r.below(3)],
                kind: kinds[r.below(4)],
                activity: activities[r.below(7)],
                refs: BTreeMap::new(),
                required_by: Vec::new(),
                evidence: Some(text(format!("Bevis for tiltak {n}"))),
                params: BTreeMap::new(),
                profile_only: n >= profile_only_from,
            }
        })
        .collect();
    let profile_only: Vec<String> = measures[profile_only_from..]
        .iter()
        .map(|m| m.id.clone())
        .collect();
    let profiles = SECTORS
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let mut level_overrides = BTreeMap::new();
            for m in measures.iter().skip(k).step_by(37).filter(|m| m.level > 1) {
                level_overrides.insert(m.id.clone(), m.level - 1);
            }
            let mut params = BTreeMap::new();
            params.insert(
                measures[k].id.clone(),
                BTreeMap::from([("retention_days".to_string(), Value::from(365))]),
            );
            ProfileDoc {
                id: format!("p.{s}"),
                name: text(format!("Profil {s}")),
                description: None,
                applies_to: vec![format!("sector:{s}")],
                add: profile_only
                    .iter()
                    .skip(k)
                    .step_by(SECTORS.len())
                    .cloned()
                    .collect(),
                level_overrides,
                params,
            }
        })
        .collect();
    CatalogDoc {
        catalog: Header {
            id: "synth".into(),
            version: format!("seed-{}", spec.seed),
            title: text("Syntetisk katalog".into()),
            out_of_scope: None,
        },
        requirements: Vec::new(),
        consequence_scale: Vec::new(),
        activities: Vec::new(),
        info_types,
        tasks,
        measures,
        profiles,
    }
}

/// A valid organisation number for body `n` (MOD11).
pub fn orgnr(n: usize) -> String {
    let w = [3u32, 2, 7, 6, 5, 4, 3, 2];
    let mut base = 80_000_000 + n as u32 * 7;
    loop {
        let digits: Vec<u32> = base
            .to_string()
            .chars()
            .filter_map(|c| c.to_digit(10))
            .collect();
        let sum: u32 = digits.iter().zip(w).map(|(d, w)| d * w).sum();
        let check = match 11 - sum % 11 {
            11 => Some(0),
            10 => None,
            c => Some(c),
        };
        if let Some(c) = check {
            return format!("{base}{c}");
        }
        base += 1;
    }
}

pub fn body_doc(spec: &Spec, cat: &CatalogDoc, n: usize) -> BodyDoc {
    let mut r = Rng::new(spec.seed ^ (n as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let kind = [OrgKind::Kommune, OrgKind::Stat, OrgKind::Fylkeskommune][n % 3];
    let sectors: Vec<String> = SECTORS
        .iter()
        .filter(|_| r.chance(30))
        .map(|s| s.to_string())
        .collect();
    let mut chosen: Vec<usize> = Vec::new();
    while chosen.len() < spec.tasks_per_body.min(cat.tasks.len()) {
        let t = r.below(cat.tasks.len());
        if !chosen.contains(&t) {
            chosen.push(t);
        }
    }
    let tasks: Vec<BodyTaskDoc> = chosen
        .iter()
        .map(|&t| {
            let td = &cat.tasks[t];
            let overrides = if r.chance(10) {
                let it = &td.info_types[r.below(td.info_types.len())];
                vec![OverrideDoc {
                    info_type: it.clone(),
                    levels: PartialLevels {
                        c: Some(r.level()),
                        i: None,
                        a: Some(r.level()),
                    },
                    justification: Some("Lokale forhold".into()),
                }]
            } else {
                Vec::new()
            };
            BodyTaskDoc {
                task: Some(td.id.clone()),
                overrides,
                ..Default::default()
            }
        })
        .collect();
    let systems: Vec<SystemDoc> = (0..spec.systems_per_body)
        .map(|s| {
            let mut processes: Vec<ProcessDoc> = Vec::new();
            let mut count = 0;
            while count < spec.info_types_per_system {
                let td = &cat.tasks[chosen[r.below(chosen.len())]];
                if processes.iter().any(|p| p.task == td.id) {
                    if processes.len() >= chosen.len() {
                        break;
                    }
                    continue;
                }
                let want = (spec.info_types_per_system - count).min(td.info_types.len());
                let start = r.below(td.info_types.len() - want + 1);
                let its: Vec<String> = td.info_types[start..start + want].to_vec();
                count += its.len();
                processes.push(ProcessDoc {
                    task: td.id.clone(),
                    info_types: Some(its),
                });
            }
            // Mostly a layered graph (apps on platforms on infrastructure) with some cycles.
            let mut depends_on = Vec::new();
            for _ in 0..1 + r.below(3) {
                let on = if r.chance(85) && s + 1 < spec.systems_per_body {
                    s + 1 + r.below(spec.systems_per_body - s - 1)
                } else {
                    r.below(spec.systems_per_body)
                };
                if on != s
                    && !depends_on
                        .iter()
                        .any(|d: &DependencyDoc| d.system == sys_id(on))
                {
                    depends_on.push(DependencyDoc {
                        system: sys_id(on),
                        kind: if r.chance(50) {
                            DependencyKind::RunsOn
                        } else {
                            DependencyKind::Uses
                        },
                    });
                }
            }
            SystemDoc {
                id: sys_id(s),
                name: format!("System {s}"),
                processes,
                depends_on,
                services: Vec::new(),
            }
        })
        .collect();
    let statuses = [
        Status::NotStarted,
        Status::InProgress,
        Status::Partial,
        Status::Implemented,
        Status::Implemented,
        Status::Supplier,
        Status::NotApplicable,
    ];
    let mut seen = std::collections::HashSet::new();
    let mut measure_status = Vec::new();
    for _ in 0..spec.statuses_per_body {
        let m = &cat.measures[r.below(cat.measures.len())];
        let system = (m.scope == Scope::System).then(|| sys_id(r.below(spec.systems_per_body)));
        if !seen.insert((m.id.clone(), system.clone())) {
            continue;
        }
        let status = statuses[r.below(statuses.len())];
        measure_status.push(StatusDoc {
            measure: m.id.clone(),
            system,
            status,
            owner: Some(format!("eier{}", r.below(20))),
            due: Some(format!(
                "2026-{:02}-{:02}",
                1 + r.below(12),
                1 + r.below(28)
            )),
            justification: Some("Syntetisk".into()),
            evidence: Vec::new(),
            valid_until: None,
        });
    }
    BodyDoc {
        org: OrgDoc {
            orgnr: Orgnr::Text(orgnr(n)),
            name: format!("Virksomhet {n}"),
            kind,
            sectors,
            selection: if r.chance(20) {
                SelectionMode::HighWaterMark
            } else {
                SelectionMode::PerDimension
            },
            cumulation_threshold: 3,
            services: Vec::new(),
        },
        tasks,
        info_types: Vec::new(),
        systems,
        measure_status,
        groups: Vec::new(),
        implementations: Vec::new(),
    }
}

fn sys_id(n: usize) -> String {
    format!("s.{n:04}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use grunnmur_catalog::{Source, check_catalog, resolve_body};

    fn small() -> Spec {
        Spec {
            seed: 7,
            info_types: 200,
            tasks: 20,
            measures: 60,
            bodies: 3,
            systems_per_body: 30,
            info_types_per_system: 25,
            tasks_per_body: 8,
            statuses_per_body: 40,
        }
    }

    #[test]
    fn generated_data_passes_the_real_checks() {
        let spec = small();
        let doc = catalog_doc(&spec);
        let src = Source {
            name: "synth".into(),
            text: serde_json::to_string(&doc).unwrap(),
        };
        let (checked, problems) = check_catalog(&[src]);
        let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
        assert!(errors.is_empty(), "{errors:?}");
        let checked = checked.unwrap();
        for n in 0..spec.bodies {
            let body = body_doc(&spec, &doc, n);
            let systems = body.systems.clone();
            let (_, ws) = resolve_body("synth", body, &checked.catalog).unwrap();
            assert_eq!(ws.systems.len(), spec.systems_per_body);
            for s in &systems {
                let count: usize = s
                    .processes
                    .iter()
                    .map(|p| p.info_types.as_ref().unwrap().len())
                    .sum();
                assert!(count <= spec.info_types_per_system);
            }
        }
    }

    #[test]
    fn same_seed_same_data() {
        let spec = small();
        let a = catalog_doc(&spec);
        let b = catalog_doc(&spec);
        assert_eq!(a, b);
        assert_eq!(body_doc(&spec, &a, 1), body_doc(&spec, &b, 1));
        assert_ne!(body_doc(&spec, &a, 1), body_doc(&spec, &a, 2));
    }
}
