//! The resolution's last step: the body's groups, its implementations and the suppliers'
//! services it links (rules 13–14), each reference checked at its line.

use super::{Resolver, first_wins};
use crate::body::{BodyDoc, ImplementationDoc};
use crate::check::valid_id;
use crate::declaration::DeclarationDoc;
use crate::problem::ProblemKind as P;
use grunnmur_core::catalog::{MeasureIdx, Scope};
use grunnmur_core::date::Date;
use grunnmur_core::workspace::*;
use std::collections::{HashMap, HashSet};

impl Resolver<'_> {
    /// Groups, implementations and the services the body links (rules 13–14).
    pub(super) fn sources(&mut self, doc: &BodyDoc, declarations: &[DeclarationDoc]) -> Sources {
        let mut out = Sources::default();
        let mut group_ids: HashMap<&str, usize> = HashMap::new();
        for (n, g) in doc.groups.iter().enumerate() {
            let ns = n.to_string();
            let line = self.at(&["groups", &ns, "id"]);
            if !valid_id(&g.id) {
                let kind = P::InvalidId {
                    section: "groups".into(),
                    id: g.id.clone(),
                };
                self.err(line, kind);
            }
            if !first_wins(&mut group_ids, g.id.as_str(), n) {
                let kind = P::DuplicateId {
                    section: "groups".into(),
                    id: g.id.clone(),
                    first: String::new(),
                };
                self.err(line, kind);
            }
            let path = ["groups", &ns, "systems"];
            let systems = self.system_refs(&path, "groups", &g.id, &g.systems);
            out.groups.push(Group {
                id: g.id.clone(),
                name: g.name.clone(),
                systems,
            });
        }
        let mut impl_ids = HashSet::new();
        for (n, im) in doc.implementations.iter().enumerate() {
            if let Some(x) = self.implementation(n, im, &group_ids, &mut impl_ids) {
                out.implementations.push(x);
            }
        }
        let mut linked: HashMap<String, ServiceIdx> = HashMap::new();
        let orgnr = doc.org.orgnr.as_string();
        let path = ["org", "services"];
        let keys = &doc.org.services;
        out.org_services = self.services(&path, &orgnr, keys, declarations, &mut linked, &mut out);
        for (n, s) in doc.systems.iter().enumerate() {
            if s.services.is_empty() {
                continue;
            }
            let ns = n.to_string();
            let path = ["systems", &ns, "services"];
            let links = self.services(
                &path,
                &s.id,
                &s.services,
                declarations,
                &mut linked,
                &mut out,
            );
            out.system_services.resize(n + 1, Vec::new());
            out.system_services[n] = links;
        }
        out
    }

    /// System ids listed at `path` by entry `id` of `section`, as indexes.
    fn system_refs(
        &mut self,
        path: &[&str],
        section: &str,
        id: &str,
        ids: &[String],
    ) -> Vec<SystemIdx> {
        let mut out = Vec::new();
        for (k, sid) in ids.iter().enumerate() {
            match self.sys_ids.get(sid.as_str()) {
                Some(&s) => out.push(s),
                None => {
                    let ks = k.to_string();
                    let mut at = path.to_vec();
                    at.push(&ks);
                    let line = self.at(&at);
                    let kind = P::UnknownReference {
                        section: section.into(),
                        id: id.into(),
                        target: "systems".into(),
                        reference: sid.clone(),
                    };
                    self.err(line, kind);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn implementation(
        &mut self,
        n: usize,
        im: &ImplementationDoc,
        group_ids: &HashMap<&str, usize>,
        seen: &mut HashSet<String>,
    ) -> Option<Implementation> {
        let ns = n.to_string();
        let line = self.at(&["implementations", &ns]);
        let id = im.id.clone();
        if !valid_id(&im.id) {
            let kind = P::InvalidId {
                section: "implementations".into(),
                id: id.clone(),
            };
            self.err(line, kind);
        }
        if !seen.insert(id.clone()) {
            let kind = P::DuplicateId {
                section: "implementations".into(),
                id: id.clone(),
                first: String::new(),
            };
            self.err(line, kind);
        }
        if matches!(im.status, Status::Supplier | Status::NotApplicable) {
            let kind = P::ImplementationStatus {
                id: id.clone(),
                status: im.status.as_str().into(),
            };
            let line = self.at(&["implementations", &ns, "status"]);
            self.err(line, kind);
        }
        let due = self.date(&["implementations", &ns, "due"], &im.due);
        let recurs = self.recurrence("implementations", &ns, im.recurs, &im.done);
        let covers = self.covers(&ns, &id, im, group_ids)?;
        let want = if covers == Covers::Org {
            Scope::Org
        } else {
            Scope::System
        };
        if im.measures.is_empty() {
            let kind = P::EmptyList {
                section: "implementations".into(),
                id: id.clone(),
                field: "measures".into(),
            };
            self.err(line, kind);
        }
        let mut measures = Vec::new();
        for (k, mid) in im.measures.iter().enumerate() {
            let mline = self.at(&["implementations", &ns, "measures", &k.to_string()]);
            match self.cat.measure(mid) {
                None => {
                    let kind = P::UnknownReference {
                        section: "implementations".into(),
                        id: id.clone(),
                        target: "measures".into(),
                        reference: mid.clone(),
                    };
                    self.err(mline, kind);
                }
                Some(m) if self.cat.measures[m as usize].scope != want => {
                    let kind = P::ScopeMismatch {
                        measure: mid.clone(),
                        scope: if want == Scope::System {
                            "org"
                        } else {
                            "system"
                        }
                        .into(),
                    };
                    self.err(mline, kind);
                }
                Some(m) => measures.push(m),
            }
        }
        measures.sort_unstable();
        measures.dedup();
        Some(Implementation {
            id,
            name: im.name.clone(),
            owner: im.owner.clone(),
            status: im.status,
            due,
            evidence: im.evidence.clone(),
            measures,
            covers,
            recurs,
        })
    }

    /// What implementation `ns` covers; `None` when it names none or several kinds of
    /// cover, or a host that does not exist.
    fn covers(
        &mut self,
        ns: &str,
        id: &str,
        im: &ImplementationDoc,
        group_ids: &HashMap<&str, usize>,
    ) -> Option<Covers> {
        let c = &im.covers;
        let cline = self.at(&["implementations", ns, "covers"]);
        if c.given() != 1 {
            self.err(cline, P::CoversOne { id: id.into() });
            return None;
        }
        let unknown = |target: &str, reference: &str| P::UnknownReference {
            section: "implementations".into(),
            id: id.into(),
            target: target.into(),
            reference: reference.into(),
        };
        Some(if c.org {
            Covers::Org
        } else if c.all {
            Covers::All
        } else if let Some(list) = &c.systems {
            let path = ["implementations", ns, "covers", "systems"];
            Covers::Systems(self.system_refs(&path, "implementations", id, list))
        } else if let Some(list) = &c.groups {
            let mut groups = Vec::new();
            for (k, g) in list.iter().enumerate() {
                match group_ids.get(g.as_str()) {
                    Some(&x) => groups.push(x),
                    None => {
                        let ks = k.to_string();
                        let line = self.at(&["implementations", ns, "covers", "groups", &ks]);
                        self.err(line, unknown("groups", g));
                    }
                }
            }
            Covers::Groups(groups)
        } else {
            let host = c.runs_on.as_deref().unwrap_or_default();
            let Some(&s) = self.sys_ids.get(host) else {
                self.err(cline, unknown("systems", host));
                return None;
            };
            Covers::RunsOn(s)
        })
    }

    /// The services `<declaration>/<service>` linked at `path` by `owner` (a system id, or the
    /// orgnr), each added to `out` once.
    fn services(
        &mut self,
        path: &[&str],
        owner: &str,
        keys: &[String],
        declarations: &[DeclarationDoc],
        linked: &mut HashMap<String, ServiceIdx>,
        out: &mut Sources,
    ) -> Vec<ServiceIdx> {
        let mut links = Vec::new();
        for (k, key) in keys.iter().enumerate() {
            if let Some(&sv) = linked.get(key.as_str()) {
                links.push(sv);
                continue;
            }
            let (decl_id, service_id) = key.split_once('/').unwrap_or((key, ""));
            let found = (declarations.iter())
                .find(|d| d.declaration.id == decl_id)
                .and_then(|d| Some((d, d.service(service_id)?)));
            let dated = found.and_then(|(d, sv)| Some((d, sv, d.valid_from()?, d.valid_until()?)));
            let Some((d, sv, from, until)) = dated else {
                let ks = k.to_string();
                let mut at = path.to_vec();
                at.push(&ks);
                let line = self.at(&at);
                let kind = P::UnknownReference {
                    section: path[0].into(),
                    id: owner.into(),
                    target: "services".into(),
                    reference: key.clone(),
                };
                self.err(line, kind);
                continue;
            };
            let known = (out.declarations.iter()).position(|x| x.id == d.declaration.id);
            let declaration = known.unwrap_or_else(|| {
                out.declarations.push(Declaration {
                    id: d.declaration.id.clone(),
                    supplier: d.declaration.supplier.name.clone(),
                    valid_from: from,
                    valid_until: until,
                    withdrawn: d.declaration.withdrawn.as_deref().and_then(Date::parse),
                });
                out.declarations.len() - 1
            });
            // Measures this release lacks were warned about when the declaration was read.
            let mut covers: Vec<(MeasureIdx, Responsibility)> = (sv.covers.iter())
                .filter_map(|c| Some((self.cat.measure(&c.measure)?, c.responsibility)))
                .collect();
            covers.sort_unstable_by_key(|c| c.0);
            covers.dedup_by_key(|c| c.0);
            out.services.push(Service {
                declaration,
                id: sv.id.clone(),
                covers,
            });
            let idx = out.services.len() - 1;
            linked.insert(key.clone(), idx);
            links.push(idx);
        }
        links.sort_unstable();
        links.dedup();
        links
    }
}
