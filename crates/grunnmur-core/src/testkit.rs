//! Small builders for catalogs and workspaces in the engine's own tests.

use crate::catalog::*;
use crate::date::Date;
use crate::level::{Baseline, DimSet, Dimension, Level, Levels, PartialLevels};
use crate::workspace::*;
use std::collections::BTreeMap;

/// `"lmh"` → c lav, i middels, a høy.
pub fn lv(s: &str) -> Levels {
    let l = |c: u8| match c {
        b'l' => Level::Lav,
        b'm' => Level::Middels,
        b'h' => Level::Hoy,
        _ => panic!("level letter {c}"),
    };
    let b = s.as_bytes();
    Levels::new(l(b[0]), l(b[1]), l(b[2]))
}

pub fn dims(s: &str) -> DimSet {
    DimSet::from_dims(s.chars().map(|c| Dimension::parse(&c.to_string()).unwrap()))
}

pub fn date(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// id, applies to, adds, moves (measure, baseline).
type ProfileSpec = (String, Vec<Applicability>, Vec<String>, Vec<(String, u8)>);

#[derive(Default)]
pub struct CatBuilder {
    info_types: Vec<InfoType>,
    tasks: Vec<(String, Vec<String>, Vec<Applicability>)>,
    measures: Vec<Measure>,
    profiles: Vec<ProfileSpec>,
    task_reqs: Vec<(String, Vec<String>)>,
}

impl CatBuilder {
    pub fn info(mut self, id: &str, levels: &str) -> Self {
        self.info_types.push(InfoType {
            id: id.into(),
            name: Text::nb(id),
            levels: lv(levels),
            requirements: Vec::new(),
        });
        self
    }

    pub fn task(mut self, id: &str, infos: &[&str]) -> Self {
        let infos = infos.iter().map(|s| s.to_string()).collect();
        self.tasks
            .push((id.into(), infos, vec![Applicability::All]));
        self
    }

    /// A task of one sector (`applies_to: [sector:<sector>]`).
    pub fn sector_task(mut self, id: &str, infos: &[&str], sector: &str) -> Self {
        let infos = infos.iter().map(|s| s.to_string()).collect();
        let applies = Applicability::parse(&format!("sector:{sector}")).unwrap();
        self.tasks.push((id.into(), infos, vec![applies]));
        self
    }

    /// The information type `id` carries these requirements.
    pub fn info_requires(mut self, id: &str, reqs: &[&str]) -> Self {
        let it = self.info_types.iter_mut().find(|t| t.id == id).unwrap();
        it.requirements = reqs.iter().map(|s| s.to_string()).collect();
        self
    }

    /// The task `id` carries these requirements.
    pub fn task_requires(mut self, id: &str, reqs: &[&str]) -> Self {
        self.task_reqs
            .push((id.into(), reqs.iter().map(|s| s.to_string()).collect()));
        self
    }

    /// The measure `id` is required by these requirements (rule 16).
    pub fn required_by(mut self, id: &str, reqs: &[&str]) -> Self {
        let m = self.measures.iter_mut().find(|m| m.id == id).unwrap();
        m.required_by = reqs.iter().map(|s| s.to_string()).collect();
        self
    }

    fn push_measure(mut self, id: &str, level: u8, protects: &str, scope: Scope, po: bool) -> Self {
        self.measures.push(Measure {
            id: id.into(),
            name: Text::nb(id),
            level: Baseline::new(level).unwrap(),
            protects: dims(protects),
            scope,
            purpose: Purpose::Forebygge,
            kind: MeasureKind::Teknologisk,
            activity: Activity::Risikohandtering,
            params: BTreeMap::new(),
            profile_only: po,
            required_by: Vec::new(),
            evidence: None,
        });
        self
    }

    pub fn measure(self, id: &str, level: u8, protects: &str) -> Self {
        self.push_measure(id, level, protects, Scope::System, false)
    }

    pub fn org_measure(self, id: &str, level: u8, protects: &str) -> Self {
        self.push_measure(id, level, protects, Scope::Org, false)
    }

    pub fn profile_measure(self, id: &str, level: u8, protects: &str) -> Self {
        self.push_measure(id, level, protects, Scope::System, true)
    }

    pub fn profile(mut self, id: &str, applies: &str, add: &[&str], moves: &[(&str, u8)]) -> Self {
        self.profiles.push((
            id.into(),
            vec![Applicability::parse(applies).unwrap()],
            add.iter().map(|s| s.to_string()).collect(),
            moves.iter().map(|(m, l)| (m.to_string(), *l)).collect(),
        ));
        self
    }

    pub fn build(self) -> Catalog {
        let it = |id: &str| self.info_types.iter().position(|t| t.id == id).unwrap() as u32;
        let mi = |id: &str| self.measures.iter().position(|t| t.id == id).unwrap() as u32;
        let tasks = self
            .tasks
            .iter()
            .map(|(id, infos, applies)| Task {
                id: id.clone(),
                name: Text::nb(id.clone()),
                applies_to: applies.clone(),
                info_types: infos.iter().map(|i| it(i)).collect(),
                requirements: (self.task_reqs.iter())
                    .filter(|(t, _)| t == id)
                    .flat_map(|(_, r)| r.clone())
                    .collect(),
            })
            .collect();
        let profiles = self
            .profiles
            .iter()
            .map(|(id, applies, add, moves)| Profile {
                id: id.clone(),
                name: Text::nb(id.clone()),
                applies_to: applies.clone(),
                add: add.iter().map(|m| mi(m)).collect(),
                level_overrides: moves
                    .iter()
                    .map(|(m, l)| (mi(m), Baseline::new(*l).unwrap()))
                    .collect(),
                params: Vec::new(),
            })
            .collect();
        Catalog::new(
            "test".into(),
            "1".into(),
            self.info_types.clone(),
            tasks,
            self.measures.clone(),
            profiles,
        )
    }
}

pub struct WsBuilder<'c> {
    cat: &'c Catalog,
    pub ws: Workspace,
}

impl<'c> WsBuilder<'c> {
    pub fn new(cat: &'c Catalog) -> Self {
        WsBuilder {
            cat,
            ws: Workspace {
                org: Org {
                    orgnr: "974760673".into(),
                    name: "Testkommune".into(),
                    kind: OrgKind::Kommune,
                    sectors: Vec::new(),
                    selection: SelectionMode::PerDimension,
                    cumulation_threshold: DEFAULT_CUMULATION_THRESHOLD,
                },
                own_info_types: Vec::new(),
                tasks: Vec::new(),
                systems: Vec::new(),
                statuses: Vec::new(),
                sources: Sources::default(),
            },
        }
    }

    pub fn sectors(mut self, s: &[&str]) -> Self {
        self.ws.org.sectors = s.iter().map(|x| x.to_string()).collect();
        self
    }

    pub fn hwm(mut self) -> Self {
        self.ws.org.selection = SelectionMode::HighWaterMark;
        self
    }

    pub fn threshold(mut self, n: u32) -> Self {
        self.ws.org.cumulation_threshold = n;
        self
    }

    fn info_ref(&self, id: &str) -> InfoRef {
        self.cat
            .info_type(id)
            .map(InfoRef::Catalog)
            .or_else(|| {
                let n = self.ws.own_info_types.iter().position(|o| o.id == id)?;
                Some(InfoRef::Own(n as u32))
            })
            .unwrap_or_else(|| panic!("unknown info type {id}"))
    }

    pub fn adopt(mut self, task: &str) -> Self {
        let t = self.cat.task(task).unwrap();
        self.ws.tasks.push(BodyTask {
            id: task.into(),
            catalog: Some(t),
            name: None,
            info_types: self.cat.tasks[t as usize]
                .info_types
                .iter()
                .map(|&i| InfoRef::Catalog(i))
                .collect(),
            adaptations: Vec::new(),
            sectors: Vec::new(),
        });
        self
    }

    /// `levels` like `"c=h,a=l"`.
    pub fn adapt(mut self, task: &str, info: &str, levels: &str) -> Self {
        let mut p = PartialLevels::default();
        for part in levels.split(',') {
            let (d, l) = part.split_once('=').unwrap();
            let l = lv(&l.repeat(3)).c;
            match d {
                "c" => p.c = Some(l),
                "i" => p.i = Some(l),
                _ => p.a = Some(l),
            }
        }
        let i = self.cat.info_type(info).unwrap();
        let t = self.ws.tasks.iter_mut().find(|t| t.id == task).unwrap();
        t.adaptations.push(Adaptation {
            info_type: i,
            levels: p,
            justification: "fordi".into(),
        });
        self
    }

    pub fn own_info(mut self, id: &str, levels: &str) -> Self {
        self.ws.own_info_types.push(OwnInfoType {
            id: id.into(),
            name: id.into(),
            levels: lv(levels),
        });
        self
    }

    /// The body's own task, of these sectors.
    pub fn own_sector_task(mut self, id: &str, infos: &[&str], sectors: &[&str]) -> Self {
        self = self.own_task(id, infos);
        let t = self.ws.tasks.last_mut().unwrap();
        t.sectors = sectors.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn own_task(mut self, id: &str, infos: &[&str]) -> Self {
        let info_types = infos.iter().map(|i| self.info_ref(i)).collect();
        self.ws.tasks.push(BodyTask {
            id: id.into(),
            catalog: None,
            name: Some(Text::nb(id)),
            info_types,
            adaptations: Vec::new(),
            sectors: Vec::new(),
        });
        self
    }

    /// `processes`: (task, None = all its information types, or Some(list)).
    pub fn system(mut self, id: &str, processes: &[(&str, Option<&[&str]>)]) -> Self {
        let processes = processes
            .iter()
            .map(|(task, infos)| {
                let ti = self.ws.tasks.iter().position(|t| t.id == *task).unwrap();
                let t = &self.ws.tasks[ti];
                let items = match infos {
                    None => (0..t.info_types.len() as u32).collect(),
                    Some(list) => list
                        .iter()
                        .map(|i| {
                            let r = self.info_ref(i);
                            t.info_types.iter().position(|x| *x == r).unwrap() as u32
                        })
                        .collect(),
                };
                Processing { task: ti, items }
            })
            .collect();
        self.ws.systems.push(System {
            id: id.into(),
            name: id.into(),
            processes,
            depends_on: Vec::new(),
        });
        self
    }

    fn sys(&self, id: &str) -> SystemIdx {
        self.ws.systems.iter().position(|s| s.id == id).unwrap()
    }

    pub fn dep(mut self, a: &str, b: &str, kind: DependencyKind) -> Self {
        let (a, on) = (self.sys(a), self.sys(b));
        self.ws.systems[a].depends_on.push(Dependency { on, kind });
        self
    }

    pub fn status(
        mut self,
        measure: &str,
        system: Option<&str>,
        status: Status,
        due: Option<&str>,
    ) -> Self {
        let system = system.map(|s| self.sys(s));
        self.ws.statuses.push(MeasureStatus {
            measure: self.cat.measure(measure).unwrap(),
            system,
            status,
            owner: None,
            due: due.map(date),
            justification: Some("fordi".into()),
            evidence: Vec::new(),
            valid_until: None,
            recurs: None,
        });
        self
    }

    pub fn group(mut self, id: &str, systems: &[&str]) -> Self {
        let systems = systems.iter().map(|s| self.sys(s)).collect();
        self.ws.sources.groups.push(Group {
            id: id.into(),
            name: id.into(),
            systems,
        });
        self
    }

    /// An implementation of `measures` covering `covers`, with a status and a due date.
    pub fn implementation(
        mut self,
        id: &str,
        measures: &[&str],
        covers: Covers,
        status: Status,
        due: Option<&str>,
    ) -> Self {
        let mut measures: Vec<MeasureIdx> = measures
            .iter()
            .map(|m| self.cat.measure(m).unwrap())
            .collect();
        measures.sort_unstable();
        self.ws.sources.implementations.push(Implementation {
            id: id.into(),
            name: id.into(),
            owner: None,
            status,
            due: due.map(date),
            evidence: Vec::new(),
            measures,
            covers,
            recurs: None,
        });
        self
    }

    /// A declaration valid between two dates, with one service `<decl>/svc` covering
    /// `covers`.
    pub fn declaration(
        mut self,
        id: &str,
        valid: (&str, &str),
        covers: &[(&str, Responsibility)],
    ) -> Self {
        self.ws.sources.declarations.push(Declaration {
            id: id.into(),
            supplier: format!("{id} AS"),
            valid_from: date(valid.0),
            valid_until: date(valid.1),
            withdrawn: None,
        });
        let mut covers: Vec<(MeasureIdx, Responsibility)> = covers
            .iter()
            .map(|(m, r)| (self.cat.measure(m).unwrap(), *r))
            .collect();
        covers.sort_unstable_by_key(|c| c.0);
        self.ws.sources.services.push(Service {
            declaration: self.ws.sources.declarations.len() - 1,
            id: "svc".into(),
            covers,
        });
        self
    }

    /// Links the service of declaration `decl` to a system, or the body (`None`).
    pub fn uses_service(mut self, system: Option<&str>, decl: &str) -> Self {
        let sv = (self.ws.sources.services.iter())
            .position(|s| self.ws.sources.declarations[s.declaration].id == decl)
            .unwrap();
        match system {
            Some(s) => {
                let s = self.sys(s);
                let links = &mut self.ws.sources.system_services;
                if links.len() <= s {
                    links.resize(s + 1, Vec::new());
                }
                links[s].push(sv);
            }
            None => self.ws.sources.org_services.push(sv),
        }
        self
    }

    pub fn build(self) -> Workspace {
        self.ws
    }
}
