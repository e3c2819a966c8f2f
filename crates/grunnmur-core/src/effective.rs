//! Rule 15: the effective status of every required pair (a system or the body, a measure), and
//! the source that gave it — the body's own status entry, an implementation (rule 13), or a
//! supplier's declaration (rule 14).

use crate::catalog::MeasureIdx;
use crate::date::Date;
use crate::workspace::{
    Covers, DeclarationIdx, ImplementationIdx, Responsibility, ServiceIdx, Status, SystemIdx,
    Workspace,
};
use serde::Serialize;

/// Where the body's own part of a shared measure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// An entry of `Workspace::statuses`.
    Own(usize),
    Implementation(ImplementationIdx),
}

/// The source of a pair's effective status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The body's own status entry for the pair (an index into `Workspace::statuses`).
    Own(usize),
    Implementation(ImplementationIdx),
    /// A valid declaration whose service does it all.
    Supplier(ServiceIdx),
    /// A valid declaration that does its part; the body's part, if there is one, gives the
    /// status.
    Shared {
        service: ServiceIdx,
        customer: Option<Part>,
    },
    None,
}

/// A required pair's effective status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PairState {
    pub status: Status,
    pub source: Source,
    /// Rule 10 `overdue`: not in place, not marked not applicable, and past a due date — its
    /// own, or that of an implementation covering it —; or recurring work giving it its status
    /// past its next due date (`crate::recur`), in place or not.
    pub overdue: bool,
    /// No source counts, and a declaration that covered it has expired or been withdrawn.
    pub lapsed: bool,
}

impl PairState {
    /// A pair nothing covers: not started, no source.
    pub const NONE: PairState = PairState {
        status: Status::NotStarted,
        source: Source::None,
        overdue: false,
        lapsed: false,
    };

    /// In place for coverage: implemented or by a valid supplier, and not overdue — recurring
    /// work past its next due date (a restore test not done this quarter) is not in place,
    /// though its status word stays `implemented`.
    pub fn is_in_place(&self) -> bool {
        matches!(self.status, Status::Implemented | Status::Supplier) && !self.overdue
    }
}

/// The states of a required list, by position: only the pairs something covers are kept, since
/// in a large body most pairs have no source yet and the national case has millions of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PairStates {
    /// (position in the required list, state), by position; never [`PairState::NONE`].
    entries: Vec<(u32, PairState)>,
}

impl PairStates {
    /// The state of the pair at `pos` in the required list.
    pub fn get(&self, pos: usize) -> PairState {
        match self.entries.binary_search_by_key(&(pos as u32), |e| e.0) {
            Ok(i) => self.entries[i].1,
            Err(_) => PairState::NONE,
        }
    }

    /// Every pair's state, for a required list of `len` measures.
    pub fn iter(&self, len: usize) -> impl Iterator<Item = PairState> + '_ {
        let mut next = self.entries.iter().peekable();
        (0..len).map(move |pos| match next.peek() {
            Some((p, st)) if *p as usize == pos => {
                next.next();
                *st
            }
            _ => PairState::NONE,
        })
    }

    /// The pairs something covers, as (position, state).
    pub fn covered(&self) -> impl Iterator<Item = (usize, &PairState)> {
        self.entries.iter().map(|(p, st)| (*p as usize, st))
    }
}

/// Rule 15's order among sources other than the body's own entry: lower is better.
fn rank(s: Status) -> u8 {
    match s {
        Status::Implemented => 0,
        Status::Supplier => 1,
        Status::Partial => 2,
        Status::InProgress => 3,
        Status::NotStarted | Status::NotApplicable => 4,
    }
}

/// What covers the body's pairs besides its own entries, made once per assessment.
pub struct Cover<'w> {
    ws: &'w Workspace,
    today: Date,
    /// The body's own entries by (system, measure), sorted.
    own: Vec<(Option<SystemIdx>, MeasureIdx, usize)>,
    /// Per system, the (measure, implementation) pairs covering it, sorted.
    system_work: Vec<Vec<(MeasureIdx, ImplementationIdx)>>,
    org_work: Vec<(MeasureIdx, ImplementationIdx)>,
}

impl<'w> Cover<'w> {
    pub fn new(ws: &'w Workspace, today: Date) -> Cover<'w> {
        let mut own: Vec<_> = ws
            .statuses
            .iter()
            .enumerate()
            .map(|(n, st)| (st.system, st.measure, n))
            .collect();
        own.sort_unstable();
        let mut system_work = vec![Vec::new(); ws.systems.len()];
        let mut org_work = Vec::new();
        let hosted = hosted_by(ws);
        for (n, im) in ws.sources.implementations.iter().enumerate() {
            let systems: Vec<SystemIdx> = match &im.covers {
                Covers::Org => {
                    org_work.extend(im.measures.iter().map(|&m| (m, n)));
                    continue;
                }
                Covers::All => (0..ws.systems.len()).collect(),
                Covers::Systems(s) => s.clone(),
                Covers::Groups(g) => g
                    .iter()
                    .flat_map(|&g| ws.sources.groups[g].systems.iter().copied())
                    .collect(),
                Covers::RunsOn(host) => runs_on_closure(&hosted, *host),
            };
            let mut systems = systems;
            systems.sort_unstable();
            systems.dedup();
            for s in systems {
                system_work[s].extend(im.measures.iter().map(|&m| (m, n)));
            }
        }
        for w in &mut system_work {
            w.sort_unstable();
        }
        org_work.sort_unstable();
        Cover {
            ws,
            today,
            own,
            system_work,
            org_work,
        }
    }

    /// The effective status of each of `required` (sorted) for a system, or the body (`None`).
    /// One merge walk over the required list, the body's own entries for the scope and the
    /// implementations covering it; a scope with none of these and no services is all
    /// [`PairState::NONE`] at no cost.
    pub fn states(&self, system: Option<SystemIdx>, required: &[MeasureIdx]) -> PairStates {
        let (work, services) = match system {
            Some(s) => (&self.system_work[s][..], self.ws.sources.of_system(s)),
            None => (&self.org_work[..], &self.ws.sources.org_services[..]),
        };
        let from = self.own.partition_point(|e| e.0 < system);
        let to = self.own.partition_point(|e| e.0 <= system);
        let own = &self.own[from..to];
        let mut out = PairStates::default();
        if own.is_empty() && work.is_empty() && services.is_empty() {
            return out;
        }
        // The measures the scope's services cover, sorted: a pair with no own entry, no
        // implementation and none of these has no source. A linked service covers a few
        // measures of a system's many, so most pairs are passed over without a look.
        let mut served: Vec<MeasureIdx> = (services.iter())
            .flat_map(|&sv| self.ws.sources.services[sv].covers.iter().map(|c| c.0))
            .collect();
        served.sort_unstable();
        served.dedup();
        let (mut oi, mut wi, mut si) = (0, 0, 0);
        for (pos, &m) in required.iter().enumerate() {
            while oi < own.len() && own[oi].1 < m {
                oi += 1;
            }
            let own_entry = (oi < own.len() && own[oi].1 == m).then(|| own[oi].2);
            while wi < work.len() && work[wi].0 < m {
                wi += 1;
            }
            let end = wi + work[wi..].iter().take_while(|w| w.0 == m).count();
            while si < served.len() && served[si] < m {
                si += 1;
            }
            let is_served = si < served.len() && served[si] == m;
            if own_entry.is_none() && wi == end && !is_served {
                continue;
            }
            let st = self.pair(m, own_entry, &work[wi..end], services);
            if st != PairState::NONE {
                out.entries.push((pos as u32, st));
            }
        }
        out
    }

    /// One pair: its own entry, the implementations covering it (all for measure `m`), the
    /// services its scope links.
    fn pair(
        &self,
        m: MeasureIdx,
        own: Option<usize>,
        work: &[(MeasureIdx, ImplementationIdx)],
        services: &[ServiceIdx],
    ) -> PairState {
        let today = self.today;
        let src = &self.ws.sources;
        let impls = work.iter().map(|w| w.1);
        let work_overdue = impls
            .clone()
            .any(|i| src.implementations[i].is_overdue(today));
        let best_work = impls.min_by_key(|&i| (rank(src.implementations[i].status), i));
        let (mut supplier, mut shared, mut lapsed) = (None, None, false);
        for &sv in services {
            let Some(resp) = src.services[sv].covers(m) else {
                continue;
            };
            let decl = &src.declarations[src.services[sv].declaration];
            if decl.counts(today) {
                let slot = match resp {
                    Responsibility::Supplier => &mut supplier,
                    Responsibility::Shared => &mut shared,
                };
                slot.get_or_insert(sv);
            } else if decl.lapsed(today) {
                lapsed = true;
            }
        }
        let (status, source, own_overdue) = if let Some(o) = own {
            let st = &self.ws.statuses[o];
            let source = match shared {
                Some(service) if supplier.is_none() && st.status != Status::NotApplicable => {
                    Source::Shared {
                        service,
                        customer: Some(Part::Own(o)),
                    }
                }
                _ => Source::Own(o),
            };
            // An own `supplier` entry past its declaration's expiry is not in place.
            let status = if st.status == Status::Supplier && !st.is_in_place(today) {
                Status::NotStarted
            } else {
                st.status
            };
            (status, source, st.is_overdue(today))
        } else {
            let work_rank = best_work.map(|i| rank(src.implementations[i].status));
            match (best_work, supplier) {
                (_, Some(sv)) if work_rank.is_none_or(|r| r > rank(Status::Supplier)) => {
                    (Status::Supplier, Source::Supplier(sv), false)
                }
                (Some(i), _) => {
                    let source = match shared {
                        Some(service) => Source::Shared {
                            service,
                            customer: Some(Part::Implementation(i)),
                        },
                        None => Source::Implementation(i),
                    };
                    (src.implementations[i].status, source, false)
                }
                (None, _) => match shared {
                    Some(service) => (
                        Status::NotStarted,
                        Source::Shared {
                            service,
                            customer: None,
                        },
                        false,
                    ),
                    None => (Status::NotStarted, Source::None, false),
                },
            }
        };
        let in_place = matches!(status, Status::Implemented | Status::Supplier);
        // Recurring work that gives the pair its status and has lapsed makes it overdue even
        // in place: the own entry, or the implementation the status comes from.
        let recurring_lapsed = match source {
            Source::Own(o)
            | Source::Shared {
                customer: Some(Part::Own(o)),
                ..
            } => self.ws.statuses[o].is_lapsed(today),
            Source::Implementation(i)
            | Source::Shared {
                customer: Some(Part::Implementation(i)),
                ..
            } => src.implementations[i].is_lapsed(today),
            _ => false,
        };
        let overdue = status != Status::NotApplicable
            && ((!in_place && (own_overdue || work_overdue)) || recurring_lapsed);
        PairState {
            status,
            source,
            overdue,
            lapsed: lapsed && source == Source::None,
        }
    }
}

/// For each system, the systems that run on it directly.
fn hosted_by(ws: &Workspace) -> Vec<Vec<SystemIdx>> {
    let mut out = vec![Vec::new(); ws.systems.len()];
    for (n, s) in ws.systems.iter().enumerate() {
        for d in &s.depends_on {
            if d.kind == crate::workspace::DependencyKind::RunsOn {
                out[d.on].push(n);
            }
        }
    }
    out
}

/// A host and every system that runs on it, transitively (a cycle stops where it closes).
fn runs_on_closure(hosted: &[Vec<SystemIdx>], host: SystemIdx) -> Vec<SystemIdx> {
    let mut seen = vec![false; hosted.len()];
    let mut todo = vec![host];
    let mut out = Vec::new();
    while let Some(s) = todo.pop() {
        if std::mem::replace(&mut seen[s], true) {
            continue;
        }
        out.push(s);
        todo.extend(hosted[s].iter().copied());
    }
    out
}

/// A declaration that expires within this many days is a warning (rule 15).
pub const EXPIRY_WARNING_DAYS: i64 = 60;

/// The declarations the body links that count today and expire within
/// [`EXPIRY_WARNING_DAYS`], soonest first.
pub fn expiring(ws: &Workspace, today: Date) -> Vec<DeclarationIdx> {
    let mut out: Vec<DeclarationIdx> = (ws.sources.declarations.iter().enumerate())
        .filter(|(_, d)| {
            d.counts(today)
                && d.valid_until.days_since_epoch() - today.days_since_epoch()
                    <= EXPIRY_WARNING_DAYS
        })
        .map(|(n, _)| n)
        .collect();
    out.sort_by_key(|&n| (ws.sources.declarations[n].valid_until, n));
    out
}

/// A pair's source as the report and the API write it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SourceOut {
    Own,
    Implementation {
        id: String,
    },
    Supplier {
        service: String,
    },
    Shared {
        service: String,
        /// The source of the body's part; `null` when it has none.
        customer: Option<Box<SourceOut>>,
    },
    None,
}

impl SourceOut {
    /// The kind of source, as the JSON's `kind` spells it.
    pub fn kind(&self) -> &'static str {
        match self {
            SourceOut::Own => "own",
            SourceOut::Implementation { .. } => "implementation",
            SourceOut::Supplier { .. } => "supplier",
            SourceOut::Shared { .. } => "shared",
            SourceOut::None => "none",
        }
    }
}

/// A pair's effective status as the report writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StateOut {
    pub status: Status,
    pub source: SourceOut,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub overdue: bool,
}

impl PairState {
    pub fn out(&self, ws: &Workspace) -> StateOut {
        StateOut {
            status: self.status,
            source: source_out(ws, self.source),
            overdue: self.overdue,
        }
    }
}

/// `<declaration id>/<service id>`.
pub fn service_key(ws: &Workspace, sv: ServiceIdx) -> String {
    let s = &ws.sources.services[sv];
    format!("{}/{}", ws.sources.declarations[s.declaration].id, s.id)
}

fn source_out(ws: &Workspace, s: Source) -> SourceOut {
    let implementation = |i: ImplementationIdx| SourceOut::Implementation {
        id: ws.sources.implementations[i].id.clone(),
    };
    match s {
        Source::Own(_) => SourceOut::Own,
        Source::Implementation(i) => implementation(i),
        Source::Supplier(sv) => SourceOut::Supplier {
            service: service_key(ws, sv),
        },
        Source::Shared { service, customer } => SourceOut::Shared {
            service: service_key(ws, service),
            customer: customer.map(|p| {
                Box::new(match p {
                    Part::Own(_) => SourceOut::Own,
                    Part::Implementation(i) => implementation(i),
                })
            }),
        },
        Source::None => SourceOut::None,
    }
}

#[cfg(test)]
mod tests {
    use super::SourceOut;

    #[test]
    fn a_sources_kind_is_its_json_kind() {
        let all = [
            SourceOut::Own,
            SourceOut::Implementation { id: "i".into() },
            SourceOut::Supplier {
                service: "d/s".into(),
            },
            SourceOut::Shared {
                service: "d/s".into(),
                customer: None,
            },
            SourceOut::None,
        ];
        for s in all {
            assert_eq!(serde_json::to_value(&s).unwrap()["kind"], s.kind());
        }
    }
}
