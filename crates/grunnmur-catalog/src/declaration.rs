//! A supplier's declaration (rule 14): the services a supplier — a company, or a public body
//! that serves others — provides, and for each which measures it covers, alone (`supplier`)
//! or with the customer (`shared`, with what the customer must still do). Published once, it
//! counts for every body that links a service while it is valid.

use crate::body::{Orgnr, parse_document, valid_orgnr};
use crate::check::{Source, valid_id};
use crate::problem::{Problem, ProblemKind as P, Severity};
use crate::yaml::{Node, NodeValue};
use grunnmur_core::catalog::{Catalog, Text};
use grunnmur_core::date::Date;
use grunnmur_core::workspace::Responsibility;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationDoc {
    pub declaration: DeclarationHead,
    #[serde(default)]
    pub services: Vec<ServiceDoc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationHead {
    /// A service is addressed as `<declaration id>/<service id>`.
    pub id: String,
    pub supplier: SupplierDoc,
    /// The catalog release the declaration was made against.
    pub catalog: ReleaseDoc,
    pub valid_from: String,
    pub valid_until: String,
    /// Certificates, audit reports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// The day the supplier withdrew it; from then on it counts for no one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SupplierDoc {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orgnr: Option<Orgnr>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReleaseDoc {
    pub id: String,
    pub version: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceDoc {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default)]
    pub covers: Vec<CoverDoc>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverDoc {
    pub measure: String,
    pub responsibility: Responsibility,
    /// For `shared`: what the customer must still do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Text>,
}

impl DeclarationDoc {
    pub fn service(&self, id: &str) -> Option<&ServiceDoc> {
        self.services.iter().find(|s| s.id == id)
    }

    /// The declaration and service a link `<declaration id>/<service id>` names, among `all`.
    pub fn find_service<'a>(
        all: &'a [DeclarationDoc],
        key: &str,
    ) -> Option<(&'a DeclarationDoc, &'a ServiceDoc)> {
        let (decl, service) = key.split_once('/')?;
        let d = all.iter().find(|d| d.declaration.id == decl)?;
        Some((d, d.service(service)?))
    }

    /// The validity as dates, once checked.
    pub fn valid_from(&self) -> Option<Date> {
        Date::parse(&self.declaration.valid_from)
    }

    pub fn valid_until(&self) -> Option<Date> {
        Date::parse(&self.declaration.valid_until)
    }

    /// It counts on this day: not withdrawn, within its validity (rule 14).
    pub fn counts(&self, today: Date) -> bool {
        !self.is_withdrawn(today)
            && self.valid_from().is_some_and(|d| d <= today)
            && self.valid_until().is_some_and(|d| today <= d)
    }

    /// Withdrawn on or before `today`.
    pub fn is_withdrawn(&self, today: Date) -> bool {
        (self.declaration.withdrawn.as_deref())
            .and_then(Date::parse)
            .is_some_and(|d| d <= today)
    }
}

/// A checked declaration and what is worth knowing but does not stop it (measures the
/// catalog release does not have, when it was made against another release).
#[derive(Clone, Debug)]
pub struct Declared {
    pub doc: DeclarationDoc,
    pub warnings: Vec<Problem>,
}

/// Reads a declaration file (YAML or JSON) and checks it against the catalog.
pub fn read_declaration(src: &Source, cat: &Catalog) -> Result<Declared, Vec<Problem>> {
    let (root, doc) = parse_document(src, "declaration file")?;
    check_declaration(&src.name, &root, doc, cat)
}

/// Reads several declarations, each checked against the catalog: the declarations when none
/// has an error (two with one id is one), and every problem and warning found.
pub fn read_declarations(
    sources: &[Source],
    cat: &Catalog,
) -> (Option<Vec<DeclarationDoc>>, Vec<Problem>) {
    read_declarations_with(sources, cat, read_declaration)
}

/// A declaration reader: [`read_declaration`], or one that also reads other forms (an OSCAL
/// component definition, `grunnmur_oscal::component::read_any_declaration`).
pub type Reader = fn(&Source, &Catalog) -> Result<Declared, Vec<Problem>>;

/// As [`read_declarations`], each file read with `read`.
pub fn read_declarations_with(
    sources: &[Source],
    cat: &Catalog,
    read: Reader,
) -> (Option<Vec<DeclarationDoc>>, Vec<Problem>) {
    let mut docs: Vec<DeclarationDoc> = Vec::new();
    let mut problems = Vec::new();
    for src in sources {
        match read(src, cat) {
            Ok(d) => {
                problems.extend(d.warnings);
                if docs
                    .iter()
                    .any(|x| x.declaration.id == d.doc.declaration.id)
                {
                    let kind = P::DuplicateId {
                        section: "declaration".into(),
                        id: d.doc.declaration.id.clone(),
                        first: String::new(),
                    };
                    let line = crate::yaml::parse(&src.text)
                        .map(|r| r.line_of(&["declaration", "id"]))
                        .unwrap_or(0);
                    problems.push(Problem::error(&src.name, line, kind));
                } else {
                    docs.push(d.doc);
                }
            }
            Err(p) => problems.extend(p),
        }
    }
    let ok = problems.iter().all(|p| p.severity != Severity::Error);
    (ok.then_some(docs), problems)
}

/// Checks a declaration already read (for example from an API request or an OSCAL component
/// definition): problems then name the field in their message, with no line.
pub fn check_declaration_doc(
    file: &str,
    doc: DeclarationDoc,
    cat: &Catalog,
) -> Result<Declared, Vec<Problem>> {
    let root = Node {
        line: 0,
        value: NodeValue::Null,
    };
    check_declaration(file, &root, doc, cat)
}

fn check_declaration(
    file: &str,
    root: &Node,
    doc: DeclarationDoc,
    cat: &Catalog,
) -> Result<Declared, Vec<Problem>> {
    let long = crate::body::too_long(file, root, &doc);
    if !long.is_empty() {
        return Err(long);
    }
    let mut problems = Vec::new();
    let mut err =
        |path: &[&str], kind: P| problems.push(Problem::error(file, root.line_of(path), kind));
    let head = &doc.declaration;
    let id = head.id.clone();
    if !valid_id(&head.id) {
        err(
            &["declaration", "id"],
            P::InvalidId {
                section: "declaration".into(),
                id: id.clone(),
            },
        );
    }
    if head.supplier.name.trim().is_empty() {
        err(
            &["declaration", "supplier", "name"],
            P::MissingText {
                section: "declaration".into(),
                id: id.clone(),
                field: "supplier.name".into(),
                lang: "nb".into(),
            },
        );
    }
    if let Some(o) = &head.supplier.orgnr
        && !valid_orgnr(&o.as_string())
    {
        err(
            &["declaration", "supplier", "orgnr"],
            P::InvalidOrgnr {
                value: o.as_string(),
            },
        );
    }
    let mut date = |field: &str, v: &str| {
        let d = Date::parse(v);
        if d.is_none() {
            err(
                &["declaration", field],
                P::InvalidDate {
                    field: field.into(),
                    value: v.into(),
                },
            );
        }
        d
    };
    let from = date("valid_from", &head.valid_from);
    let until = date("valid_until", &head.valid_until);
    if let Some(w) = &head.withdrawn {
        date("withdrawn", w);
    }
    if let (Some(f), Some(u)) = (from, until)
        && f > u
    {
        err(
            &["declaration", "valid_until"],
            P::DatesOutOfOrder {
                from: head.valid_from.clone(),
                until: head.valid_until.clone(),
            },
        );
    }
    let same_release = head.catalog.id == cat.id && head.catalog.version == cat.version;
    let mut warnings = Vec::new();
    let mut service_ids = HashSet::new();
    for (n, sv) in doc.services.iter().enumerate() {
        let ns = n.to_string();
        if !valid_id(&sv.id) {
            err(
                &["services", &ns, "id"],
                P::InvalidId {
                    section: "services".into(),
                    id: sv.id.clone(),
                },
            );
        }
        if !service_ids.insert(sv.id.as_str()) {
            err(
                &["services", &ns, "id"],
                P::DuplicateId {
                    section: "services".into(),
                    id: sv.id.clone(),
                    first: String::new(),
                },
            );
        }
        if sv.name.nb.trim().is_empty() {
            err(
                &["services", &ns, "name"],
                P::MissingText {
                    section: "services".into(),
                    id: sv.id.clone(),
                    field: "name".into(),
                    lang: "nb".into(),
                },
            );
        }
        let mut measures = HashSet::new();
        for (k, c) in sv.covers.iter().enumerate() {
            let path = ["services", &ns, "covers", &k.to_string()];
            if !measures.insert(c.measure.as_str()) {
                err(
                    &path,
                    P::DuplicateId {
                        section: format!("services[{n}].covers"),
                        id: c.measure.clone(),
                        first: String::new(),
                    },
                );
            }
            if cat.measure(&c.measure).is_none() {
                let reference = P::UnknownReference {
                    section: "services".into(),
                    id: sv.id.clone(),
                    target: "measures".into(),
                    reference: c.measure.clone(),
                };
                if same_release {
                    err(&path, reference);
                } else {
                    // Made against another release: it counts for the measures this one has.
                    warnings.push(Problem {
                        file: file.to_string(),
                        line: root.line_of(&path),
                        severity: Severity::Warning,
                        kind: P::NotInRelease {
                            measure: c.measure.clone(),
                            version: cat.version.clone(),
                        },
                    });
                }
            }
            let customer = c.customer.as_ref().is_some_and(|t| !t.nb.trim().is_empty());
            if c.responsibility == Responsibility::Shared && !customer {
                err(
                    &path,
                    P::MissingText {
                        section: "services".into(),
                        id: format!("{}/{}", sv.id, c.measure),
                        field: "customer".into(),
                        lang: "nb".into(),
                    },
                );
            }
        }
    }
    if problems.is_empty() {
        Ok(Declared { doc, warnings })
    } else {
        crate::problem::sort(&mut problems);
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn embedded_catalog() -> Catalog {
        let (checked, _) = crate::check_catalog(&crate::files::bundled_sources());
        checked.unwrap().catalog
    }

    fn read(text: &str) -> Result<Declared, Vec<Problem>> {
        let cat = embedded_catalog();
        let src = Source {
            name: "acme.yaml".into(),
            text: text.into(),
        };
        read_declaration(&src, &cat)
    }

    const GOOD: &str = r#"declaration:
  id: acme-drift
  supplier: {name: "Acme Drift AS", orgnr: "974760673"}
  catalog: {id: felles, version: "VERSION"}
  valid_from: "2026-01-01"
  valid_until: "2027-06-30"
  evidence: ["ISO/IEC 27001-sertifikat 2025-123"]
services:
  - id: plattform
    name: {nb: "Drift av serverplattform", en: "Server platform operations"}
    covers:
      - {measure: MEASURE, responsibility: supplier}
      - {measure: MEASURE2, responsibility: shared, customer: {nb: "Kunden tester.", en: "The customer tests."}}
"#;

    fn good() -> String {
        let cat = embedded_catalog();
        let m = |n: usize| cat.measures[n].id.clone();
        GOOD.replace("VERSION", &cat.version)
            .replace("MEASURE2", &m(1))
            .replace("MEASURE", &m(0))
    }

    #[test]
    fn a_good_declaration_reads() {
        let d = read(&good()).unwrap();
        assert!(d.warnings.is_empty(), "{:?}", d.warnings);
        assert_eq!(d.doc.service("plattform").unwrap().covers.len(), 2);
        assert_eq!(d.doc.valid_until(), Date::parse("2027-06-30"));
    }

    #[test]
    fn every_problem_is_named_at_its_line() {
        let first = embedded_catalog().measures[0].id.clone();
        let bad = good()
            .replace("valid_from: \"2026-01-01\"", "valid_from: \"2028-01-01\"")
            .replace(
                ", customer: {nb: \"Kunden tester.\", en: \"The customer tests.\"}",
                "",
            )
            .replace(
                &format!("{{measure: {first}, "),
                "{measure: m.finnes-ikke, ",
            );
        let problems = read(&bad).unwrap_err();
        let found: Vec<(u32, String)> = problems
            .iter()
            .map(|p| (p.line, problem_code(&p.kind)))
            .collect();
        assert_eq!(
            found,
            vec![
                (6, "dates-out-of-order".to_string()),
                (12, "unknown-reference".into()),
                (13, "missing-text".into()),
            ]
        );
    }

    #[test]
    fn another_release_warns_and_still_counts() {
        let text = good().replace(
            &format!("version: \"{}\"", embedded_catalog().version),
            "version: \"1999.1\"",
        );
        let first = embedded_catalog().measures[0].id.clone();
        let text = text.replace(&format!("{{measure: {first}, "), "{measure: m.gammel, ");
        let d = read(&text).unwrap();
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(d.warnings[0].line, 12);
        assert_eq!(problem_code(&d.warnings[0].kind), "not-in-release");
    }

    #[test]
    fn shape_errors_name_the_line() {
        let problems = read("declaration:\n  id: x\nservices: 3\n").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].line >= 1);
    }

    fn problem_code(k: &P) -> String {
        k.message_parts()
            .0
            .trim_start_matches("problem-")
            .to_string()
    }
}
