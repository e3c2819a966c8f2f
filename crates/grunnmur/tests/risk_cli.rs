//! `grunnmur report --kind risk-assessment --risk FILE`: the same report as the server makes,
//! and a broken assessment names its fields and writes nothing; `--kind status` with `--risk`
//! files lists their top risks.

use grunnmur_core::risk::{ObjectRef, Preset, RiskAssessment};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn small(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../crates/grunnmur-catalog/tests/fixtures/small")
        .join(p)
}

fn grunnmur(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_grunnmur"))
        .args(args)
        .env_remove("GRUNNMUR_LANG")
        .output()
        .expect("run grunnmur")
}

/// An assessment of a system on the small municipality's risk list, pre-filled by the engine.
fn prefilled() -> RiskAssessment {
    let (cat, _) = grunnmur_catalog::load_catalog(Some(&small("catalog")));
    let cat = cat.unwrap();
    let src = grunnmur_catalog::files::read_source(&small("kommune.yaml")).unwrap();
    let (_, ws) = grunnmur_catalog::read_body(&src, &cat.catalog).unwrap();
    let today = grunnmur_core::Date::parse("2026-11-28").unwrap();
    let a = grunnmur_core::assess(&cat.catalog, &ws, today);
    let mut ra = RiskAssessment::prefill(
        &cat.catalog,
        &ws,
        &a,
        ObjectRef::System("s.skole".into()),
        Preset::ThreeByThree,
    )
    .unwrap();
    ra.title = "Skolesystemet".into();
    ra
}

#[test]
fn writes_the_risk_assessment_report_and_refuses_a_broken_one() {
    let dir = std::env::temp_dir().join(format!("grunnmur_risk_cli_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let risk = dir.join("risk.json");
    let out = dir.join("risk.html");
    std::fs::write(&risk, serde_json::to_string_pretty(&prefilled()).unwrap()).unwrap();
    let (cat, body) = (small("catalog"), small("kommune.yaml"));
    let args = |risk: &Path, out: &Path| -> Vec<String> {
        [
            "report",
            &body.display().to_string(),
            "--catalog",
            &cat.display().to_string(),
            "--kind",
            "risk-assessment",
            "--risk",
            &risk.display().to_string(),
            "--format",
            "html",
            "--out",
            &out.display().to_string(),
            "--today",
            "2026-11-28",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let a = args(&risk, &out);
    let o = grunnmur(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&out).unwrap();
    for needle in [
        "Skolesystemet",
        "Akseptkriterier",
        "Lite sannsynlig",
        "Lille kommune",
    ] {
        assert!(html.contains(needle), "{needle}");
    }

    let mut broken = serde_json::to_value(prefilled()).unwrap();
    broken["risks"] = serde_json::json!([{"id": "R1", "title": "x", "dimensions": ["c"],
        "analysis": {"likelihood": 7, "consequence": 1, "knowledge": "low"}}]);
    let bad = dir.join("bad.json");
    std::fs::write(&bad, broken.to_string()).unwrap();
    let out2 = dir.join("bad.html");
    let a = args(&bad, &out2);
    let o = grunnmur(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("risks[0].analysis.likelihood") && err.contains("utenfor skalaen"),
        "{err}"
    );
    assert!(!out2.exists(), "nothing written");

    // A status report lists the top risks of every --risk; a risk-assessment report takes one.
    let mut with_risk = prefilled();
    with_risk.risks = serde_json::from_value(serde_json::json!([{"id": "R1",
        "title": "Skolesystemet lekker karakterer", "dimensions": ["c"],
        "analysis": {"likelihood": 3, "consequence": 3, "knowledge": "low"}}]))
    .unwrap();
    let second = dir.join("second.json");
    std::fs::write(&second, serde_json::to_string(&with_risk).unwrap()).unwrap();
    let status_out = dir.join("status.html");
    let mut a = args(&risk, &status_out);
    a[5] = "status".into();
    a.splice(8..8, ["--risk".to_string(), second.display().to_string()]);
    let o = grunnmur(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(&status_out).unwrap();
    assert!(
        html.contains("De høyeste risikoene")
            && html.contains("Skolesystemet lekker karakterer")
            && html.contains("i 2 risikovurderinger"),
        "{html}"
    );
    let mut a = args(&risk, &dir.join("two.html"));
    a.splice(8..8, ["--risk".to_string(), second.display().to_string()]);
    let o = grunnmur(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(!o.status.success());
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("nøyaktig én --risk"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );

    // Without --risk, clap says what is missing.
    let o = grunnmur(&[
        "report",
        &body.display().to_string(),
        "--kind",
        "risk-assessment",
        "--format",
        "html",
        "--out",
        "x.html",
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--risk"));
}
