//! Finalisation: links into what was not selected are dropped, unused parameters and
//! back-matter resources pruned, and the result's metadata written.

use super::ResolveOptions;
use crate::model::*;
use serde_json::{Value, json};
use std::collections::HashSet;

/// Collects `#uuid` fragment references and `{{ insert: param, id }}` references from text.
#[derive(Default)]
struct Refs {
    fragments: HashSet<String>,
    params: HashSet<String>,
}

impl Refs {
    fn text(&mut self, s: &str) {
        if s.contains('#') {
            for (n, _) in s.match_indices('#') {
                let rest = &s[n + 1..];
                let end = rest
                    .find(|c: char| {
                        !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
                    })
                    .unwrap_or(rest.len());
                if end > 0 {
                    self.fragments.insert(rest[..end].to_string());
                }
            }
        }
        if s.contains("insert") {
            for (n, _) in s.match_indices("{{") {
                let rest = &s[n + 2..];
                let Some(end) = rest.find("}}") else { continue };
                let inner: Vec<&str> = rest[..end].split(',').map(str::trim).collect();
                if inner.len() == 2 && inner[0].trim_start_matches("insert:").trim() == "param" {
                    self.params.insert(inner[1].to_string());
                }
            }
        }
    }

    fn value(&mut self, v: &Value) {
        match v {
            Value::String(s) => self.text(s),
            Value::Array(a) => a.iter().for_each(|x| self.value(x)),
            Value::Object(m) => m.values().for_each(|x| self.value(x)),
            _ => {}
        }
    }

    fn props(&mut self, ps: &[Prop]) {
        for p in ps {
            self.params.insert(p.value.clone());
            if let Some(r) = &p.remarks {
                self.text(r);
            }
        }
    }

    fn links(&mut self, ls: &[Link]) {
        for l in ls {
            self.text(&l.href);
            if let Some(t) = &l.text {
                self.text(t);
            }
        }
    }

    fn parts(&mut self, ps: &[Part]) {
        for p in ps {
            if let Some(t) = &p.title {
                self.text(t);
            }
            if let Some(t) = &p.prose {
                self.text(t);
            }
            self.props(&p.props);
            self.links(&p.links);
            self.parts(&p.parts);
        }
    }

    fn param(&mut self, p: &Param) {
        self.props(&p.props);
        self.links(&p.links);
        if let Some(d) = &p.depends_on {
            self.params.insert(d.clone());
        }
        for v in p.constraints.iter().chain(&p.guidelines) {
            self.value(v);
        }
        if let Some(s) = &p.select {
            self.value(s);
        }
        if let Some(l) = &p.label {
            self.text(l);
        }
        if let Some(r) = &p.remarks {
            self.text(r);
        }
    }

    fn control(&mut self, c: &Control) {
        self.text(&c.title);
        c.params.iter().for_each(|p| self.param(p));
        self.props(&c.props);
        self.links(&c.links);
        self.parts(&c.parts);
        c.controls.iter().for_each(|cc| self.control(cc));
    }

    fn group(&mut self, g: &Group) {
        self.props(&g.props);
        self.links(&g.links);
        self.parts(&g.parts);
        g.controls.iter().for_each(|c| self.control(c));
        g.groups.iter().for_each(|gg| self.group(gg));
    }
}

/// Removes links inside the result that point (`#id`) at something the result no longer has:
/// a control that was not selected, or a part or parameter of one.
pub(super) fn drop_dangling_links(out: &mut Catalog, resources: &[Resource]) {
    let mut known: HashSet<String> = resources.iter().map(|r| r.uuid.clone()).collect();
    fn ids_parts(ps: &[Part], k: &mut HashSet<String>) {
        for p in ps {
            if let Some(id) = &p.id {
                k.insert(id.clone());
            }
            ids_parts(&p.parts, k);
        }
    }
    fn ids_control(c: &Control, k: &mut HashSet<String>) {
        k.insert(c.id.clone());
        k.extend(c.params.iter().map(|p| p.id.clone()));
        ids_parts(&c.parts, k);
        c.controls.iter().for_each(|cc| ids_control(cc, k));
    }
    fn ids_group(g: &Group, k: &mut HashSet<String>) {
        k.extend(g.id.clone());
        k.extend(g.params.iter().map(|p| p.id.clone()));
        ids_parts(&g.parts, k);
        g.controls.iter().for_each(|c| ids_control(c, k));
        g.groups.iter().for_each(|gg| ids_group(gg, k));
    }
    known.extend(out.params.iter().map(|p| p.id.clone()));
    out.controls.iter().for_each(|c| ids_control(c, &mut known));
    out.groups.iter().for_each(|g| ids_group(g, &mut known));

    let keep = |l: &Link| l.href.strip_prefix('#').is_none_or(|f| known.contains(f));
    fn in_parts(ps: &mut [Part], keep: &dyn Fn(&Link) -> bool) {
        for p in ps {
            p.links.retain(keep);
            in_parts(&mut p.parts, keep);
        }
    }
    fn in_control(c: &mut Control, keep: &dyn Fn(&Link) -> bool) {
        c.links.retain(keep);
        for p in &mut c.params {
            p.links.retain(keep);
        }
        in_parts(&mut c.parts, keep);
        c.controls.iter_mut().for_each(|cc| in_control(cc, keep));
    }
    fn in_group(g: &mut Group, keep: &dyn Fn(&Link) -> bool) {
        g.links.retain(keep);
        in_parts(&mut g.parts, keep);
        g.controls.iter_mut().for_each(|c| in_control(c, keep));
        g.groups.iter_mut().for_each(|gg| in_group(gg, keep));
    }
    out.controls.iter_mut().for_each(|c| in_control(c, &keep));
    out.groups.iter_mut().for_each(|g| in_group(g, &keep));
}

/// Drops catalog- and group-level parameters nothing refers to, and back-matter resources
/// nothing refers to.
pub(super) fn prune(out: &mut Catalog, resources: Vec<Resource>) {
    let mut refs = Refs::default();
    out.controls.iter().for_each(|c| refs.control(c));
    out.groups.iter().for_each(|g| refs.group(g));
    refs.value(&out.metadata);
    // Parameters that are kept may refer to others; follow until nothing changes.
    loop {
        let before = refs.params.len();
        for p in &out.params {
            if refs.params.contains(&p.id) {
                refs.param(p);
            }
        }
        if refs.params.len() == before {
            break;
        }
    }
    fn prune_groups(gs: &mut [Group], refs: &Refs) {
        for g in gs {
            g.params.retain(|p| refs.params.contains(&p.id));
            prune_groups(&mut g.groups, refs);
        }
    }
    // Group parameters are used by the group's own controls; keep them when referenced.
    prune_groups(&mut out.groups, &refs);
    out.params.retain(|p| refs.params.contains(&p.id));
    let mut kept: Vec<Resource> = Vec::new();
    let mut pending: Vec<Resource> = resources;
    // A kept resource may cite another one.
    loop {
        let (now, rest): (Vec<Resource>, Vec<Resource>) = pending
            .into_iter()
            .partition(|r| refs.fragments.contains(&r.uuid));
        if now.is_empty() {
            break;
        }
        for r in &now {
            for v in r.other.values() {
                refs.value(v);
            }
        }
        kept.extend(now);
        pending = rest;
    }
    if !kept.is_empty() {
        out.back_matter = Some(BackMatter { resources: kept });
    }
}

/// The resolved catalog's metadata: the profile's, with the time of resolution, the tool
/// and a link back to the source profile.
pub(super) fn finish_metadata(meta: &mut Value, key: &str, opts: &ResolveOptions) {
    if !meta.is_object() {
        *meta = json!({});
    }
    let Some(m) = meta.as_object_mut() else {
        return;
    };
    m.insert(
        "last-modified".into(),
        Value::String(opts.timestamp.clone()),
    );
    if !m.contains_key("title") {
        m.insert("title".into(), Value::String("Resolved profile".into()));
    }
    for (k, default) in [("version", "1"), ("oscal-version", crate::OSCAL_VERSION)] {
        if !m.contains_key(k) {
            m.insert(k.into(), Value::String(default.into()));
        }
    }
    let props = m.entry("props").or_insert_with(|| Value::Array(Vec::new()));
    if let Some(a) = props.as_array_mut() {
        a.push(json!({"name": "resolution-tool", "value": opts.tool}));
    }
    let links = m.entry("links").or_insert_with(|| Value::Array(Vec::new()));
    if let Some(a) = links.as_array_mut() {
        a.push(json!({"href": key, "rel": "source-profile"}));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_references() {
        let mut r = Refs::default();
        r.text("see [x](#0a1b-2c) and {{ insert: param, ac-1_prm_1 }}.");
        assert!(r.fragments.contains("0a1b-2c"));
        assert!(r.params.contains("ac-1_prm_1"));
    }
}
