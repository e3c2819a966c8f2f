//! Rule 8 (amended): which of the body's sectors reach each system. A sector reaches a system
//! that processes a task of that sector (a catalog task applying to `sector:X`, or the body's
//! own task with `sectors: [X]`), and every system that system runs on, transitively: the host
//! protects the hosted.

use crate::catalog::{Applicability, Catalog};
use crate::workspace::{BodyTaskIdx, DependencyKind, SystemIdx, Workspace};

/// One sector reaching one system, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectorVia {
    /// Index into the body's `org.sectors`.
    pub sector: u32,
    /// The system that processes the sector's task (the system itself, or one it hosts).
    pub via: SystemIdx,
    /// The sector's task that system processes.
    pub task: BodyTaskIdx,
}

/// Whether the body task `t` belongs to the sector.
pub fn task_in_sector(cat: &Catalog, ws: &Workspace, t: BodyTaskIdx, sector: &str) -> bool {
    let task = &ws.tasks[t];
    task.sectors.iter().any(|s| s == sector)
        || task.catalog.is_some_and(|c| {
            cat.tasks[c as usize]
                .applies_to
                .iter()
                .any(|a| matches!(a, Applicability::Sector(s) if s == sector))
        })
}

/// The sectors reaching each system (indexed by system; sectors in the body's order).
pub fn sector_reach(cat: &Catalog, ws: &Workspace) -> Vec<Vec<SectorVia>> {
    let n = ws.systems.len();
    let mut reach: Vec<Vec<SectorVia>> = vec![Vec::new(); n];
    if ws.org.sectors.is_empty() {
        return reach;
    }
    // Each task's sectors among the body's, once.
    let task_sectors: Vec<Vec<u32>> = (0..ws.tasks.len())
        .map(|t| {
            (ws.org.sectors.iter().enumerate())
                .filter(|(_, s)| task_in_sector(cat, ws, t, s))
                .map(|(k, _)| k as u32)
                .collect()
        })
        .collect();
    let mut queue = std::collections::VecDeque::new();
    for (s, sys) in ws.systems.iter().enumerate() {
        for p in &sys.processes {
            for &sector in &task_sectors[p.task] {
                if !reach[s].iter().any(|r| r.sector == sector) {
                    reach[s].push(SectorVia {
                        sector,
                        via: s,
                        task: p.task,
                    });
                }
            }
        }
        if !reach[s].is_empty() {
            queue.push_back(s);
        }
    }
    // Down `runs_on`: each system gains each sector at most once, so this ends, cycles too.
    while let Some(a) = queue.pop_front() {
        for dep in &ws.systems[a].depends_on {
            if dep.kind != DependencyKind::RunsOn {
                continue;
            }
            let b = dep.on;
            let mut grew = false;
            for k in 0..reach[a].len() {
                let r = reach[a][k];
                if !reach[b].iter().any(|x| x.sector == r.sector) {
                    reach[b].push(r);
                    grew = true;
                }
            }
            if grew {
                queue.push_back(b);
            }
        }
    }
    for r in &mut reach {
        r.sort_unstable_by_key(|x| x.sector);
    }
    reach
}
