//! Deterministic synthetic data at national scale: a catalog (2,000 information types, 400
//! measures by default), suppliers' declarations (50, each linked by 200 bodies) and bodies
//! (300 systems × 25 information types, dependency graphs with cycles, groups, implementations
//! of every kind of cover, links to the suppliers' services). Same seed, same data. Produces
//! file-format documents, so the data goes through the same checks and conversions as real
//! files.

use grunnmur_catalog::body::*;
use grunnmur_catalog::declaration::{
    CoverDoc, DeclarationDoc, DeclarationHead, ReleaseDoc, ServiceDoc, SupplierDoc,
};
use grunnmur_catalog::format::*;
use grunnmur_core::catalog::{Activity, MeasureKind, OrgKind, Purpose, Scope, Text};
use grunnmur_core::level::{Dimension, Level, Levels, PartialLevels};
use grunnmur_core::workspace::{DependencyKind, Responsibility, SelectionMode, Status};
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
    pub groups_per_body: usize,
    pub implementations_per_body: usize,
    /// Suppliers' declarations, each with [`SERVICES_PER_DECLARATION`] services.
    pub declarations: usize,
    /// How many bodies link each declaration's services (at most all of them).
    pub bodies_per_declaration: usize,
    /// Measures each service covers.
    pub measures_per_service: usize,
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
            groups_per_body: 10,
            implementations_per_body: 20,
            declarations: 50,
            bodies_per_declaration: 200,
            measures_per_service: 20,
        }
    }

    /// Whether body `n` links declaration `d`'s services: each declaration is linked by a run
    /// of [`Spec::bodies_per_declaration`] bodies, the runs spread evenly over all bodies.
    pub fn links(&self, d: usize, n: usize) -> bool {
        let users = self.bodies_per_declaration.min(self.bodies);
        let stride = (self.bodies / self.declarations.max(1)).max(1);
        (n + self.bodies - d * stride % self.bodies) % self.bodies < users
    }

    /// The bodies that link declaration `d`.
    pub fn users(&self, d: usize) -> Vec<usize> {
        (0..self.bodies).filter(|&n| self.links(d, n)).collect()
    }
}

/// Each declaration offers a platform (linked by some of a body's systems) and a managed
/// service (linked by the body itself and a few systems).
pub const SERVICES_PER_DECLARATION: usize = 2;

fn text(s: String) -> TextDoc {
    TextDoc {
        nb: Some(s.clone()),
        en: Some(s),
    }
}

const SECTORS: [&str; 3] = ["helse", "vann", "utdanning"];

/// The synthetic catalog's owners; entry `n` of each section belongs to owner `n % 3`.
const OWNERS: [&str; 3] = ["eier.a", "eier.b", "eier.c"];

fn owner(n: usize) -> Option<String> {
    Some(OWNERS[n % OWNERS.len()].to_string())
}

pub fn catalog_doc(spec: &Spec) -> CatalogDoc {
    let mut r = Rng::new(spec.seed);
    let info_types: Vec<InfoTypeDoc> = (0..spec.info_types)
        .map(|n| InfoTypeDoc {
            id: format!("it.{n:05}"),
            owner: owner(n),
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
            owner: owner(n),
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
                owner: owner(n),
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
                owner: owner(k),
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
        owners: (OWNERS.iter().enumerate())
            .map(|(n, id)| OwnerDoc {
                id: id.to_string(),
                name: text(format!("Eier {}", n + 1)),
                orgnr: None,
            })
            .collect(),
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

/// The id of declaration `d`.
pub fn declaration_id(d: usize) -> String {
    format!("lev-{d:03}")
}

fn service_id(k: usize) -> &'static str {
    ["plattform", "drift"][k % SERVICES_PER_DECLARATION]
}

/// Supplier `d`'s declaration against the synthetic catalog: its services each cover
/// [`Spec::measures_per_service`] measures, one in four shared with what the customer does.
pub fn declaration_doc(spec: &Spec, cat: &CatalogDoc, d: usize) -> DeclarationDoc {
    let mut r = Rng::new(spec.seed ^ 0xD5C1_A2A7_0000_0000 ^ d as u64);
    // Profile-only measures count only where a sector profile adds them: leave them out.
    let usable: Vec<&MeasureDoc> = cat.measures.iter().filter(|m| !m.profile_only).collect();
    let services = (0..SERVICES_PER_DECLARATION)
        .map(|k| {
            let mut covers: Vec<CoverDoc> = Vec::new();
            while covers.len() < spec.measures_per_service.min(usable.len()) {
                let m = &usable[r.below(usable.len())].id;
                if covers.iter().any(|c| &c.measure == m) {
                    continue;
                }
                let shared = r.chance(25);
                covers.push(CoverDoc {
                    measure: m.clone(),
                    responsibility: if shared {
                        Responsibility::Shared
                    } else {
                        Responsibility::Supplier
                    },
                    customer: shared.then(|| Text {
                        nb: format!("Kunden gjør sin del av {m}."),
                        en: Some(format!("The customer does its part of {m}.")),
                    }),
                });
            }
            ServiceDoc {
                id: service_id(k).into(),
                name: Text {
                    nb: format!("Tjeneste {k} fra leverandør {d}"),
                    en: Some(format!("Service {k} from supplier {d}")),
                },
                description: None,
                covers,
            }
        })
        .collect();
    DeclarationDoc {
        declaration: DeclarationHead {
            id: declaration_id(d),
            supplier: SupplierDoc {
                name: format!("Leverandør {d} AS"),
                orgnr: None,
            },
            catalog: ReleaseDoc {
                id: cat.catalog.id.clone(),
                version: cat.catalog.version.clone(),
            },
            valid_from: "2026-01-01".into(),
            valid_until: "2028-12-31".into(),
            evidence: vec![format!("Revisjonsrapport {d}")],
            withdrawn: None,
        },
        services,
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
            recurs: None,
            done: Vec::new(),
        });
    }
    let selection = if r.chance(20) {
        SelectionMode::HighWaterMark
    } else {
        SelectionMode::PerDimension
    };
    let mut body = BodyDoc {
        org: OrgDoc {
            orgnr: Orgnr::Text(orgnr(n)),
            name: format!("Virksomhet {n}"),
            kind,
            sectors,
            selection,
            cumulation_threshold: 3,
            review_months: grunnmur_core::risk::review::REVIEW_MONTHS,
            services: Vec::new(),
        },
        tasks,
        info_types: Vec::new(),
        systems,
        measure_status,
        groups: Vec::new(),
        implementations: Vec::new(),
    };
    sources(spec, cat, n, &mut body);
    body
}

/// Rules 13 and 14 in a body: groups, implementations of every kind of cover, and links to
/// the services of the declarations it uses. A stream of its own, so the rest of the body is
/// what it was before bodies had these.
fn sources(spec: &Spec, cat: &CatalogDoc, n: usize, body: &mut BodyDoc) {
    let mut r = Rng::new(spec.seed ^ 0x50C3_0000_0000_0000 ^ n as u64);
    let systems = body.systems.len();
    if systems == 0 {
        return;
    }
    let some_systems = |r: &mut Rng, most: usize| {
        let mut ids: Vec<String> = (0..1 + r.below(most))
            .map(|_| sys_id(r.below(systems)))
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    body.groups = (0..spec.groups_per_body)
        .map(|g| GroupDoc {
            id: format!("g.{g:02}"),
            name: format!("Gruppe {g}"),
            systems: some_systems(&mut r, 20),
        })
        .collect();
    let statuses = [
        Status::NotStarted,
        Status::InProgress,
        Status::Partial,
        Status::Implemented,
        Status::Implemented,
    ];
    body.implementations = (0..spec.implementations_per_body)
        .map(|i| {
            let kind = CoversDoc::KINDS[i % CoversDoc::KINDS.len()];
            let targets = match kind {
                "systems" => some_systems(&mut r, 10),
                "groups" if !body.groups.is_empty() => {
                    let g = spec.groups_per_body;
                    let mut ids: Vec<String> = (0..1 + r.below(2))
                        .map(|_| format!("g.{:02}", r.below(g)))
                        .collect();
                    ids.dedup();
                    ids
                }
                "groups" => some_systems(&mut r, 10),
                "runs_on" => vec![sys_id(r.below(systems))],
                _ => Vec::new(),
            };
            let kind = if kind == "groups" && body.groups.is_empty() {
                "systems"
            } else {
                kind
            };
            let scope = if kind == "org" {
                Scope::Org
            } else {
                Scope::System
            };
            let fitting: Vec<&MeasureDoc> =
                cat.measures.iter().filter(|m| m.scope == scope).collect();
            let mut measures: Vec<String> = (0..3 + r.below(6))
                .map(|_| fitting[r.below(fitting.len())].id.clone())
                .collect();
            measures.sort();
            measures.dedup();
            let status = statuses[r.below(statuses.len())];
            ImplementationDoc {
                id: format!("i.{i:02}"),
                name: format!("Implementering {i}"),
                measures,
                covers: CoversDoc::from_kind(kind, targets).expect("a known kind"),
                status,
                owner: Some(format!("eier{}", r.below(20))),
                due: (status != Status::Implemented)
                    .then(|| format!("2027-{:02}-{:02}", 1 + r.below(12), 1 + r.below(28))),
                justification: None,
                evidence: Vec::new(),
                recurs: None,
                done: Vec::new(),
            }
        })
        .collect();
    // The platform is linked by some systems; the managed service by the body and a few.
    for d in (0..spec.declarations).filter(|&d| spec.links(d, n)) {
        let id = declaration_id(d);
        let link = |k: usize| format!("{id}/{}", service_id(k));
        body.org.services.push(link(1));
        for k in 0..SERVICES_PER_DECLARATION {
            for s in some_systems(&mut r, if k == 0 { 30 } else { 5 }) {
                let n: usize = s[2..].parse().expect("a synthetic system id");
                body.systems[n].services.push(link(k));
            }
        }
    }
}

fn sys_id(n: usize) -> String {
    format!("s.{n:04}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use grunnmur_catalog::declaration::check_declaration_doc;
    use grunnmur_catalog::{Source, check_catalog, resolve_body_with};

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
            groups_per_body: 4,
            implementations_per_body: 10,
            declarations: 4,
            bodies_per_declaration: 2,
            measures_per_service: 10,
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
        let decls: Vec<_> = (0..spec.declarations)
            .map(|d| {
                let doc = declaration_doc(&spec, &doc, d);
                let checked = check_declaration_doc("synth", doc, &checked.catalog).unwrap();
                assert!(checked.warnings.is_empty(), "{:?}", checked.warnings);
                checked.doc
            })
            .collect();
        let mut kinds = std::collections::BTreeSet::new();
        for n in 0..spec.bodies {
            let body = body_doc(&spec, &doc, n);
            let systems = body.systems.clone();
            kinds.extend(body.implementations.iter().map(|i| i.covers.kind().0));
            assert_eq!(body.groups.len(), spec.groups_per_body);
            let (_, ws) = resolve_body_with("synth", body, &checked.catalog, &decls)
                .unwrap_or_else(|p| panic!("{p:?}"));
            assert_eq!(ws.systems.len(), spec.systems_per_body);
            assert_eq!(
                ws.sources.implementations.len(),
                spec.implementations_per_body
            );
            for s in &systems {
                let count: usize = s
                    .processes
                    .iter()
                    .map(|p| p.info_types.as_ref().unwrap().len())
                    .sum();
                assert!(count <= spec.info_types_per_system);
            }
            // Services count: some pair of the body takes its status from one.
            let a = grunnmur_core::assess(
                &checked.catalog,
                &ws,
                grunnmur_core::Date::parse("2026-11-28").unwrap(),
            );
            let from_service = (a.systems.iter().map(|s| &s.states))
                .chain(std::iter::once(&a.org_states))
                .flat_map(|st| st.covered())
                .any(|(_, st)| {
                    matches!(
                        st.source,
                        grunnmur_core::effective::Source::Supplier(_)
                            | grunnmur_core::effective::Source::Shared { .. }
                    )
                });
            assert!(from_service, "body {n}");
        }
        assert_eq!(kinds.len(), CoversDoc::KINDS.len(), "{kinds:?}");
        // Each declaration is linked by exactly its number of bodies.
        for d in 0..spec.declarations {
            let users = spec.users(d);
            assert_eq!(users.len(), spec.bodies_per_declaration);
            let key = format!("{}/drift", declaration_id(d));
            for n in 0..spec.bodies {
                let body = body_doc(&spec, &doc, n);
                assert_eq!(body.org.services.contains(&key), users.contains(&n));
            }
        }
        let national = Spec::national();
        let per_body: Vec<usize> = (0..national.declarations)
            .map(|d| national.users(d).len())
            .collect();
        assert!(per_body.iter().all(|&u| u == 200), "{per_body:?}");
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
