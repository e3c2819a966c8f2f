//! Counts over a catalog: what `catalog stats` prints, and what the content floors are checked
//! against.

use crate::format::CatalogDoc;
use serde::Serialize;
use std::collections::BTreeMap;

/// NSM Grunnprinsipper for IKT-sikkerhet 2.x: the 21 principles.
pub const NSM_PRINCIPLES: [&str; 21] = [
    "1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10",
    "3.1", "3.2", "3.3", "3.4", "4.1", "4.2", "4.3", "4.4",
];

/// ISO/IEC 27002:2022 control ids: 5.1-5.37, 6.1-6.8, 7.1-7.14, 8.1-8.34 (93 controls).
pub fn iso27002_controls() -> Vec<String> {
    [(5, 37), (6, 8), (7, 14), (8, 34)]
        .iter()
        .flat_map(|&(theme, n)| (1..=n).map(move |k| format!("{theme}.{k}")))
        .collect()
}

#[derive(Debug, Serialize, PartialEq)]
pub struct Stats {
    pub id: String,
    pub version: String,
    pub info_types: usize,
    pub tasks: usize,
    pub tasks_by_audience: BTreeMap<String, usize>,
    pub measures: usize,
    pub by_baseline: BTreeMap<String, usize>,
    pub by_activity: BTreeMap<String, usize>,
    pub by_kind: BTreeMap<String, usize>,
    pub by_purpose: BTreeMap<String, usize>,
    pub by_scope: BTreeMap<String, usize>,
    pub profile_only: usize,
    pub profiles: usize,
    pub requirements: usize,
    pub nsm_covered: usize,
    pub nsm_missing: Vec<String>,
    pub iso27002_covered: usize,
    pub iso27002_missing: Vec<String>,
    /// Measures that say what done looks like (`evidence` in bokmål).
    pub evidence: usize,
    /// Measures required by a legal duty (`required_by`, rule 16).
    pub required_by: usize,
    /// Requirement id → the measures it requires.
    pub required_by_requirement: BTreeMap<String, usize>,
    /// Reference source (`nsm`, `iso27002`, …) → how the measures cite it.
    pub refs_by_source: BTreeMap<String, SourceRefs>,
    /// Owner id → its entries, every owner the catalog names (none: zero entries).
    pub by_owner: BTreeMap<String, OwnerCounts>,
    /// Entries without an owner (only in releases published before owners were named).
    pub without_owner: usize,
}

/// One owner's entries: in all, and per section (`requirements`, `activities`, `info_types`,
/// `tasks`, `measures`, `profiles`; sections where it owns nothing are left out).
#[derive(Debug, Default, Serialize, PartialEq)]
pub struct OwnerCounts {
    pub entries: usize,
    pub by_section: BTreeMap<String, usize>,
}

/// How the measures cite one reference source.
#[derive(Debug, Default, Serialize, PartialEq)]
pub struct SourceRefs {
    /// Measures citing the source.
    pub measures: usize,
    /// References, counting each measure's.
    pub references: usize,
    /// Distinct ids cited.
    pub distinct: usize,
}

fn key<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub fn stats(doc: &CatalogDoc) -> Stats {
    let mut s = Stats {
        id: doc.catalog.id.clone(),
        version: doc.catalog.version.clone(),
        info_types: doc.info_types.len(),
        tasks: doc.tasks.len(),
        tasks_by_audience: BTreeMap::new(),
        measures: doc.measures.len(),
        by_baseline: BTreeMap::new(),
        by_activity: BTreeMap::new(),
        by_kind: BTreeMap::new(),
        by_purpose: BTreeMap::new(),
        by_scope: BTreeMap::new(),
        profile_only: 0,
        profiles: doc.profiles.len(),
        requirements: doc.requirements.len(),
        nsm_covered: 0,
        nsm_missing: Vec::new(),
        iso27002_covered: 0,
        iso27002_missing: Vec::new(),
        evidence: 0,
        required_by: 0,
        required_by_requirement: BTreeMap::new(),
        refs_by_source: BTreeMap::new(),
        by_owner: (doc.owners.iter())
            .map(|o| (o.id.clone(), OwnerCounts::default()))
            .collect(),
        without_owner: 0,
    };
    for (section, owner) in crate::format::entry_owners(doc) {
        let Some(owner) = owner else {
            s.without_owner += 1;
            continue;
        };
        let c = s.by_owner.entry(owner.to_string()).or_default();
        c.entries += 1;
        *c.by_section.entry(section.to_string()).or_default() += 1;
    }
    for t in &doc.tasks {
        for a in &t.applies_to {
            let k = if a.starts_with("sector:") {
                a.as_str()
            } else {
                a
            };
            *s.tasks_by_audience.entry(k.to_string()).or_default() += 1;
        }
    }
    let mut nsm = std::collections::HashSet::new();
    let mut iso = std::collections::HashSet::new();
    let mut distinct: BTreeMap<&str, std::collections::HashSet<&String>> = BTreeMap::new();
    for m in &doc.measures {
        if m.profile_only {
            s.profile_only += 1;
        } else {
            *s.by_baseline.entry(format!("BN{}", m.level)).or_default() += 1;
        }
        *s.by_activity.entry(key(&m.activity)).or_default() += 1;
        *s.by_kind.entry(key(&m.kind)).or_default() += 1;
        *s.by_purpose.entry(key(&m.purpose)).or_default() += 1;
        *s.by_scope.entry(key(&m.scope)).or_default() += 1;
        for r in m.refs.get("nsm").into_iter().flatten() {
            // "2.6.1" (a sub-measure) counts for principle "2.6".
            let principle: String = r.splitn(3, '.').take(2).collect::<Vec<_>>().join(".");
            nsm.insert(principle);
        }
        for r in m.refs.get("iso27002").into_iter().flatten() {
            iso.insert(r.clone());
        }
        let has_evidence = m.evidence.as_ref().and_then(|e| e.nb.as_deref());
        s.evidence += usize::from(has_evidence.is_some_and(|e| !e.trim().is_empty()));
        s.required_by += usize::from(!m.required_by.is_empty());
        for r in &m.required_by {
            *s.required_by_requirement.entry(r.clone()).or_default() += 1;
        }
        for (source, ids) in &m.refs {
            let e = s.refs_by_source.entry(source.clone()).or_default();
            e.measures += usize::from(!ids.is_empty());
            e.references += ids.len();
            distinct
                .entry(source.as_str())
                .or_default()
                .extend(ids.iter());
        }
    }
    for (source, ids) in distinct {
        if let Some(e) = s.refs_by_source.get_mut(source) {
            e.distinct = ids.len();
        }
    }
    s.nsm_missing = NSM_PRINCIPLES
        .iter()
        .filter(|p| !nsm.contains(**p))
        .map(|p| p.to_string())
        .collect();
    s.nsm_covered = NSM_PRINCIPLES.len() - s.nsm_missing.len();
    let controls = iso27002_controls();
    s.iso27002_missing = controls
        .iter()
        .filter(|c| !iso.contains(*c))
        .cloned()
        .collect();
    s.iso27002_covered = controls.len() - s.iso27002_missing.len();
    s
}

/// The names of what `catalog stats` counts by id — governance activities and legal
/// requirements — in `lang` (`nb`, `en`), from the catalog document, keyed by id.
pub fn names(doc: &CatalogDoc, lang: &str) -> BTreeMap<String, String> {
    let activities = (doc.activities.iter()).map(|a| (key(&a.id), a.name.get(lang).to_string()));
    let requirements =
        (doc.requirements.iter()).map(|r| (r.id.clone(), r.name.get(lang).to_string()));
    activities
        .chain(requirements)
        .filter(|(_, n)| !n.is_empty())
        .collect()
}

/// The owners' names in `lang` (`nb`, `en`), keyed by id.
pub fn owner_names(doc: &CatalogDoc, lang: &str) -> BTreeMap<String, String> {
    (doc.owners.iter())
        .map(|o| (o.id.clone(), o.name.get(lang).to_string()))
        .filter(|(_, n)| !n.is_empty())
        .collect()
}

/// A count per key as people read it: `Name (id) n, …`, with the name from `names` where it
/// has one (the id alone where not).
pub fn labelled(counts: &BTreeMap<String, usize>, names: &BTreeMap<String, String>) -> String {
    counts
        .iter()
        .map(|(k, v)| match names.get(k) {
            Some(name) => format!("{name} ({k}) {v}"),
            None => format!("{k} {v}"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    /// Issue 17: `catalog stats` printed activities by id (`maling 12, overvaking 40`). Every
    /// activity is shown by its name in the language asked for, with the id in parentheses.
    #[test]
    fn activities_are_shown_by_name_with_the_id_after_it() {
        let (checked, problems) = crate::load_catalog(None);
        let doc = checked.unwrap_or_else(|| panic!("{problems:#?}")).doc;
        let s = super::stats(&doc);
        for lang in ["nb", "en"] {
            let text = super::labelled(&s.by_activity, &super::names(&doc, lang));
            for (id, n) in &s.by_activity {
                let a = doc
                    .activities
                    .iter()
                    .find(|a| &super::key(&a.id) == id)
                    .unwrap();
                let want = format!("{} ({id}) {n}", a.name.get(lang));
                assert!(text.contains(&want), "{want} not in {text}");
            }
            assert!(
                !text.starts_with("maling") && !text.contains(", overvaking"),
                "{text}"
            );
        }
        let en = super::labelled(&s.by_activity, &super::names(&doc, "en"));
        assert!(en.contains("(maling)") && !en.contains("Måling"), "{en}");
    }

    #[test]
    fn iso_has_93_controls() {
        assert_eq!(super::iso27002_controls().len(), 93);
    }

    /// Evidence coverage, `required_by` use and references per source, counted on a small
    /// catalog: two measures, one with evidence and a legal duty.
    #[test]
    fn counts_evidence_required_by_and_references_per_source() {
        let text = "\
catalog: {id: c, version: '1', title: {nb: c}}
owners:
  - {id: dt, name: {nb: Datatilsynet}}
  - {id: nsm, name: {nb: NSM}}
  - {id: ks, name: {nb: KS}}
requirements:
  - {id: gdpr.35, owner: dt, name: {nb: d}, source: GDPR}
measures:
  - id: m.a
    owner: dt
    name: {nb: a}
    level: 3
    protects: [c]
    scope: system
    purpose: forebygge
    kind: organisatorisk
    activity: styring
    refs: {nsm: ['2.6.1', '2.6.2'], iso27002: ['5.1']}
    required_by: [gdpr.35]
    evidence: {nb: liste, en: list}
  - id: m.b
    owner: nsm
    name: {nb: b}
    level: 1
    protects: [c]
    scope: org
    purpose: forebygge
    kind: organisatorisk
    activity: styring
    refs: {nsm: ['2.6.1']}
";
        let src = crate::Source {
            name: "c.yaml".into(),
            text: text.into(),
        };
        let (checked, problems) = crate::check_catalog(&[src]);
        let doc = checked.unwrap_or_else(|| panic!("{problems:#?}")).doc;
        let s = super::stats(&doc);
        assert_eq!(s.evidence, 1, "m.b says nothing of evidence");
        assert_eq!(s.required_by, 1);
        assert_eq!(s.required_by_requirement.get("gdpr.35"), Some(&1));
        let nsm = &s.refs_by_source["nsm"];
        assert_eq!((nsm.measures, nsm.references, nsm.distinct), (2, 3, 2));
        let iso = &s.refs_by_source["iso27002"];
        assert_eq!((iso.measures, iso.references, iso.distinct), (1, 1, 1));
        // Entries per owner, every owner listed (KS owns nothing here).
        let dt = &s.by_owner["dt"];
        assert_eq!(dt.entries, 2);
        assert_eq!(dt.by_section.get("requirements"), Some(&1));
        assert_eq!(dt.by_section.get("measures"), Some(&1));
        assert_eq!(s.by_owner["nsm"].entries, 1);
        assert_eq!(s.by_owner["ks"], super::OwnerCounts::default());
        assert_eq!(s.without_owner, 0);
        let names = super::owner_names(&doc, "nb");
        let totals = (s.by_owner.iter())
            .map(|(k, c)| (k.clone(), c.entries))
            .collect();
        assert_eq!(
            super::labelled(&totals, &names),
            "Datatilsynet (dt) 2, KS (ks) 0, NSM (nsm) 1"
        );
    }

    /// A release published before owners were named reads as published, and its entries
    /// count as without an owner.
    #[test]
    fn entries_of_a_release_without_owners_count_as_without_an_owner() {
        let text = "\
catalog: {id: c, version: '1', title: {nb: c}}
requirements:
  - {id: gdpr.35, name: {nb: d}, source: GDPR}
";
        let src = crate::Source {
            name: "c.yaml".into(),
            text: text.into(),
        };
        let (checked, problems) = crate::check_published(&[src]);
        let doc = checked.unwrap_or_else(|| panic!("{problems:#?}")).doc;
        let s = super::stats(&doc);
        assert!(s.by_owner.is_empty());
        assert_eq!(s.without_owner, 1);
    }
}
