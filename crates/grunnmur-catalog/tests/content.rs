//! The bundled shared catalog: valid without a single warning, and with the content the
//! catalog issue asks for (counts are floors).

use grunnmur_catalog::check_catalog;
use grunnmur_catalog::files::bundled_sources;
use grunnmur_catalog::stats::stats;

#[test]
fn bundled_catalog_is_valid_and_lint_free() {
    let (checked, problems) = check_catalog(&bundled_sources());
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(checked.is_some());
}

#[test]
fn bundled_catalog_meets_the_content_floors() {
    let doc = check_catalog(&bundled_sources()).0.unwrap().doc;
    let s = stats(&doc);
    let audience = |k: &str| s.tasks_by_audience.get(k).copied().unwrap_or(0);
    assert!(
        audience("alle") >= 30,
        "support tasks: {}",
        audience("alle")
    );
    assert!(s.tasks >= 160, "tasks: {}", s.tasks);
    assert!(
        audience("kommune") >= 65,
        "municipal tasks: {}",
        audience("kommune")
    );
    assert!(
        audience("fylkeskommune") >= 26,
        "county tasks: {}",
        audience("fylkeskommune")
    );
    assert!(audience("stat") >= 30, "state tasks: {}", audience("stat"));
    assert!(s.info_types >= 420, "info types: {}", s.info_types);
    assert!(s.measures >= 150);
    for (k, n) in &s.by_activity {
        assert!(*n >= 6, "activity {k}: {n}");
    }
    assert_eq!(s.by_activity.len(), 7);
    for (k, n) in &s.by_kind {
        assert!(*n >= 15, "kind {k}: {n}");
    }
    for (k, n) in &s.by_purpose {
        assert!(*n >= 20, "purpose {k}: {n}");
    }
    for (k, n) in &s.by_baseline {
        assert!(*n >= 30, "baseline {k}: {n}");
    }
    assert_eq!(s.by_scope.len(), 2, "both scopes");
    assert!(
        s.nsm_missing.is_empty(),
        "NSM principles missing: {:?}",
        s.nsm_missing
    );
    assert!(
        s.iso27002_covered >= 80,
        "ISO/IEC 27002 controls: {}",
        s.iso27002_covered
    );
    for t in &doc.tasks {
        assert!(
            t.info_types.len() >= 2,
            "task {} has < 2 information types",
            t.id
        );
    }
    for it in &doc.info_types {
        let r = it.rationale.as_ref().expect("rationale");
        assert!(r.nb.is_some() && r.en.is_some(), "{}", it.id);
    }
    assert!(doc.profiles.len() >= 5, "profiles: {}", doc.profiles.len());
    for p in &doc.profiles {
        let profile_only = p
            .add
            .iter()
            .filter(|m| doc.measures.iter().any(|x| &x.id == *m && x.profile_only))
            .count();
        assert!(profile_only >= 5, "profile {} adds {profile_only}", p.id);
        assert!(
            !p.level_overrides.is_empty(),
            "profile {} moves nothing",
            p.id
        );
        assert!(!p.params.is_empty(), "profile {} sets no parameter", p.id);
    }
    assert_eq!(doc.consequence_scale.len(), 6);
    assert_eq!(doc.activities.len(), 7);
    for a in &doc.activities {
        assert!((2..=5).contains(&a.recommendations.len()));
    }
    let ids: Vec<&str> = doc.requirements.iter().map(|r| r.id.as_str()).collect();
    for must in [
        "eforvaltningsforskriften.15",
        "gdpr.9",
        "gdpr.30",
        "gdpr.32",
        "gdpr.33",
        "gdpr.35",
        "digitalsikkerhetsloven",
        "offentleglova",
        "forvaltningsloven.13",
        "arkivlova",
        "pasientjournalloven",
        "drikkevannsforskriften",
        "barnevernsloven",
    ] {
        assert!(ids.contains(&must), "requirement {must}");
    }
    let sikkerhetsloven = doc
        .requirements
        .iter()
        .find(|r| r.id == "sikkerhetsloven")
        .unwrap();
    assert!(
        sikkerhetsloven.out_of_scope,
        "classified information is out of scope"
    );
    assert!(doc.catalog.out_of_scope.is_some());
}

/// A sector profile reaches only the systems that process a task of its sector (rule 8), so a
/// profile whose sector no catalog task carries could never add a system measure.
#[test]
fn every_sector_profile_is_reached_by_a_catalog_task() {
    let doc = check_catalog(&bundled_sources()).0.unwrap().doc;
    let mut sectors = 0;
    for p in &doc.profiles {
        for a in p.applies_to.iter().filter(|a| a.starts_with("sector:")) {
            sectors += 1;
            let carriers: Vec<&str> = doc
                .tasks
                .iter()
                .filter(|t| t.applies_to.contains(a))
                .map(|t| t.id.as_str())
                .collect();
            assert!(
                !carriers.is_empty(),
                "profile {} applies by {a}, but no task carries {a}",
                p.id
            );
        }
    }
    assert!(sectors >= 5, "sector profiles: {sectors}");
}

/// A measure with `required_by` is required through the information types and tasks that
/// cite the requirement (rule 16); a requirement nobody cites would leave it unreachable.
#[test]
fn every_triggering_requirement_is_cited_by_an_info_type_or_task() {
    let doc = check_catalog(&bundled_sources()).0.unwrap().doc;
    let mut triggers = 0;
    for m in &doc.measures {
        for r in &m.required_by {
            triggers += 1;
            let cited = doc.info_types.iter().any(|i| i.requirements.contains(r))
                || doc.tasks.iter().any(|t| t.requirements.contains(r));
            assert!(
                cited,
                "measure {} is required by {r}, which no information type or task cites",
                m.id
            );
        }
    }
    assert!(triggers >= 5, "required_by entries: {triggers}");
}
