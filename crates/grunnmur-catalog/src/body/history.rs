//! What changed between two versions of a body's workspace, or of a risk assessment, in terms
//! a person reads: which object (a system, a measure's status for a system, a task's level
//! adaptation…), which field, the old and the new value as short text. The audit log keeps
//! whole documents; this turns a pair of them into the changes the audit page lists.
//!
//! The comparison goes through the documents' JSON form (as [`crate::diff`] does for
//! catalogs), so a field added to a document type is diffed without code here; only what
//! identifies an object is spelled out.

use super::{BodyDoc, BodyTaskDoc, CoversDoc};
use grunnmur_core::risk::RiskAssessment;
use serde::Serialize;
use serde_json::{Map, Value};

/// An object of a workspace or risk assessment, by kind and id.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Object {
    /// The body itself (name, sectors, selection, the services it uses for org-wide measures).
    Organisation,
    /// A task, by its key (the catalog task's id, or the body's own task's id).
    Task(String),
    /// One of the body's own information types.
    InfoType(String),
    /// A task's level adaptation for one information type (an override).
    Adaptation {
        task: String,
        info_type: String,
    },
    System(String),
    Group(String),
    Implementation(String),
    /// A measure's status for a system, or for the whole body (`system: None`).
    Status {
        measure: String,
        system: Option<String>,
    },
    /// A risk assessment's own fields (title, frame, areas, acceptance).
    Assessment,
    /// One risk of a risk assessment, by its id there.
    Risk(String),
    /// An entry of a catalog draft, by its section's key (`tasks`) and its id.
    CatalogEntry {
        section: String,
        id: String,
    },
}

/// What happened to the object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum What {
    Added,
    Removed,
    /// A field (a dotted path for nested ones: `levels.c`, `covers`) with its old and new
    /// value as short text; empty when it had or has none.
    Field {
        field: String,
        old: String,
        new: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub object: Object,
    pub what: What,
}

impl Change {
    /// Whether the change is about this object or, for a system, anything that is the
    /// system's own (its measure statuses too): what a system's history lists.
    pub fn concerns(&self, o: &Object) -> bool {
        if &self.object == o {
            return true;
        }
        match (&self.object, o) {
            (
                Object::Status {
                    system: Some(s), ..
                },
                Object::System(id),
            ) => s == id,
            _ => false,
        }
    }
}

/// The changes from `before` to `after`, object by object in the document's order: added
/// and removed objects one change each, changed ones one change per field.
pub fn changes(before: &BodyDoc, after: &BodyDoc) -> Vec<Change> {
    let (b, a) = (json(before), json(after));
    let mut out = Vec::new();
    fields(
        &Object::Organisation,
        &b["org"],
        &a["org"],
        &["orgnr"],
        &mut out,
    );
    let task_key = |v: &Value| {
        let t: BodyTaskDoc = serde_json::from_value(v.clone()).unwrap_or_default();
        t.key().to_string()
    };
    keyed(
        &b["tasks"],
        &a["tasks"],
        |v| Object::Task(task_key(v)),
        &["overrides"],
        &mut out,
    );
    for (bt, at) in pairs(&b["tasks"], &a["tasks"], task_key) {
        let task = task_key(at.or(bt).unwrap_or(&Value::Null));
        let (bo, ao) = (
            bt.map_or(&Value::Null, |t| &t["overrides"]),
            at.map_or(&Value::Null, |t| &t["overrides"]),
        );
        keyed(
            bo,
            ao,
            |v| Object::Adaptation {
                task: task.clone(),
                info_type: text(&v["info_type"]),
            },
            &[],
            &mut out,
        );
    }
    keyed(
        &b["info_types"],
        &a["info_types"],
        |v| Object::InfoType(text(&v["id"])),
        &[],
        &mut out,
    );
    keyed(
        &b["systems"],
        &a["systems"],
        |v| Object::System(text(&v["id"])),
        &[],
        &mut out,
    );
    keyed(
        &b["groups"],
        &a["groups"],
        |v| Object::Group(text(&v["id"])),
        &[],
        &mut out,
    );
    keyed(
        &covers_in_words(&b["implementations"]),
        &covers_in_words(&a["implementations"]),
        |v| Object::Implementation(text(&v["id"])),
        &[],
        &mut out,
    );
    keyed(
        &b["measure_status"],
        &a["measure_status"],
        |v| Object::Status {
            measure: text(&v["measure"]),
            system: v["system"].as_str().map(str::to_string),
        },
        &[],
        &mut out,
    );
    out
}

/// The changes from one version of a risk assessment to the next: the assessment's own
/// fields, then its risks.
pub fn assessment_changes(before: &RiskAssessment, after: &RiskAssessment) -> Vec<Change> {
    let (b, a) = (json(before), json(after));
    let mut out = Vec::new();
    fields(&Object::Assessment, &b, &a, &["risks"], &mut out);
    keyed(
        &b["risks"],
        &a["risks"],
        |v| Object::Risk(text(&v["id"])),
        &[],
        &mut out,
    );
    out
}

/// The changes to one entry of a catalog draft: added, removed, or one change per field
/// (`levels.c`, `name.nb`) whose text differs.
pub fn entry_changes(
    section: &str,
    id: &str,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Vec<Change> {
    let object = Object::CatalogEntry {
        section: section.to_string(),
        id: id.to_string(),
    };
    let mut out = Vec::new();
    match (before, after) {
        (None, Some(_)) => out.push(Change {
            object,
            what: What::Added,
        }),
        (Some(_), None) => out.push(Change {
            object,
            what: What::Removed,
        }),
        (Some(b), Some(a)) => fields(&object, b, a, &[], &mut out),
        (None, None) => {}
    }
    out
}

fn json<T: Serialize>(doc: &T) -> Value {
    serde_json::to_value(doc).unwrap_or_default()
}

/// An implementation's cover as one field in words (`runs_on: s.plattform`, `all`), so a
/// change of kind reads as one change, not as one key emptied and another filled.
fn covers_in_words(list: &Value) -> Value {
    let mut list = list.clone();
    for im in list.as_array_mut().into_iter().flatten() {
        let covers: CoversDoc = serde_json::from_value(im["covers"].clone()).unwrap_or_default();
        let (kind, targets) = covers.kind();
        let words = if targets.is_empty() {
            kind.to_string()
        } else {
            format!("{kind}: {}", targets.join(", "))
        };
        im["covers"] = Value::String(words);
    }
    list
}

/// The entries of two lists paired by key, in the order of `after` then the removed ones.
fn pairs<'a>(
    before: &'a Value,
    after: &'a Value,
    key: impl Fn(&Value) -> String,
) -> Vec<(Option<&'a Value>, Option<&'a Value>)> {
    let list = |v: &'a Value| v.as_array().map(Vec::as_slice).unwrap_or_default();
    let (b, a) = (list(before), list(after));
    let mut out: Vec<_> = a
        .iter()
        .map(|x| (b.iter().find(|y| key(y) == key(x)), Some(x)))
        .collect();
    out.extend(
        b.iter()
            .filter(|y| !a.iter().any(|x| key(x) == key(y)))
            .map(|y| (Some(y), None)),
    );
    out
}

/// Added, removed and changed entries of a list of objects identified by `object`; `skip`
/// names fields that are objects of their own (diffed elsewhere).
fn keyed(
    before: &Value,
    after: &Value,
    object: impl Fn(&Value) -> Object,
    skip: &[&str],
    out: &mut Vec<Change>,
) {
    let key = |v: &Value| format!("{:?}", object(v));
    for (b, a) in pairs(before, after, key) {
        match (b, a) {
            (None, Some(a)) => out.push(Change {
                object: object(a),
                what: What::Added,
            }),
            (Some(b), None) => out.push(Change {
                object: object(b),
                what: What::Removed,
            }),
            (Some(b), Some(a)) => fields(&object(a), b, a, skip, out),
            (None, None) => {}
        }
    }
}

/// One change per field whose short text differs.
fn fields(object: &Object, before: &Value, after: &Value, skip: &[&str], out: &mut Vec<Change>) {
    let (mut b, mut a) = (Vec::new(), Vec::new());
    flatten("", before, skip, &mut b);
    flatten("", after, skip, &mut a);
    let mut names: Vec<&String> = b.iter().map(|(k, _)| k).collect();
    names.extend(
        a.iter()
            .map(|(k, _)| k)
            .filter(|k| !b.iter().any(|(x, _)| x == *k)),
    );
    let get = |list: &[(String, String)], k: &str| {
        list.iter()
            .find(|(x, _)| x == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    for k in names {
        let (old, new) = (get(&b, k), get(&a, k));
        if old != new {
            out.push(Change {
                object: object.clone(),
                what: What::Field {
                    field: k.clone(),
                    old,
                    new,
                },
            });
        }
    }
}

/// A value's fields as `(dotted path, short text)`: nested maps by path, lists as one text.
fn flatten(prefix: &str, v: &Value, skip: &[&str], out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if prefix.is_empty() && skip.contains(&k.as_str()) {
                    continue;
                }
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&path, x, &[], out);
            }
        }
        _ => out.push((prefix.to_string(), text(v))),
    }
}

/// A value as short text: a list's entries joined by commas, an entry that is an object as
/// its first value with the rest in brackets (`felles.arkiv (arkiv.sak)`).
fn text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(text).collect::<Vec<_>>().join(", "),
        Value::Object(m) => compact(m),
        other => other.to_string(),
    }
}

fn compact(m: &Map<String, Value>) -> String {
    let mut parts = m.values().map(text).filter(|s| !s.is_empty());
    let first = parts.next().unwrap_or_default();
    let rest: Vec<String> = parts.collect();
    if rest.is_empty() {
        first
    } else {
        format!("{first} ({})", rest.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::{SystemDoc, parse_document};
    use crate::check::Source;
    use grunnmur_core::level::Level;
    use grunnmur_core::workspace::Status;

    fn kommune() -> BodyDoc {
        let src = Source {
            name: "kommune.yaml".into(),
            text: include_str!("../../../../examples/kommune.yaml").into(),
        };
        parse_document::<BodyDoc>(&src, "body file").unwrap().1
    }

    fn field(object: Object, field: &str, old: &str, new: &str) -> Change {
        Change {
            object,
            what: What::Field {
                field: field.into(),
                old: old.into(),
                new: new.into(),
            },
        }
    }

    #[test]
    fn a_catalog_entry_s_changes_name_section_id_and_fields() {
        use serde_json::json;
        let before = json!({"id": "hr.x", "levels": {"c": "middels", "i": "lav"}, "requirements": ["gdpr.9"]});
        let mut after = before.clone();
        after["levels"]["c"] = json!("høy");
        after["requirements"] = json!(["gdpr.9", "arkivlova"]);
        let object = || Object::CatalogEntry {
            section: "info_types".into(),
            id: "hr.x".into(),
        };
        assert_eq!(
            entry_changes("info_types", "hr.x", Some(&before), Some(&after)),
            [
                field(object(), "levels.c", "middels", "høy"),
                field(object(), "requirements", "gdpr.9", "gdpr.9, arkivlova")
            ]
        );
        assert!(entry_changes("info_types", "hr.x", Some(&before), Some(&before)).is_empty());
        let added = entry_changes("info_types", "hr.x", None, Some(&after));
        let removed = entry_changes("info_types", "hr.x", Some(&before), None);
        assert_eq!(
            (added[0].what.clone(), removed[0].what.clone()),
            (What::Added, What::Removed)
        );
        assert_eq!((added.len(), removed.len()), (1, 1));
        assert_eq!(added[0].object, object());
        assert!(entry_changes("tasks", "t", None, None).is_empty());
    }

    #[test]
    fn the_same_document_has_no_changes() {
        assert!(changes(&kommune(), &kommune()).is_empty());
    }

    #[test]
    fn a_status_set_names_measure_system_field_and_both_values() {
        let before = kommune();
        let mut after = before.clone();
        let x = after
            .measure_status
            .iter_mut()
            .find(|x| x.status == Status::InProgress && x.system.is_some())
            .expect("the example has a system's status in progress");
        x.status = Status::Implemented;
        let (measure, system) = (x.measure.clone(), x.system.clone());
        assert_eq!(
            changes(&before, &after),
            [field(
                Object::Status {
                    measure,
                    system: system.clone()
                },
                "status",
                "in_progress",
                "implemented"
            )]
        );
        let sys = Object::System(system.unwrap());
        assert!(changes(&before, &after)[0].concerns(&sys));
    }

    #[test]
    fn a_status_for_the_body_names_no_system_and_a_new_one_is_added() {
        let before = kommune();
        let mut after = before.clone();
        let x = after
            .measure_status
            .iter_mut()
            .find(|x| x.system.is_none())
            .unwrap();
        x.owner = Some("Ny eier".into());
        let measure = x.measure.clone();
        let mut new = x.clone();
        new.system = Some("s.sak".into());
        after.set_status(new);
        let c = changes(&before, &after);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(
            c[0].object,
            Object::Status {
                measure: measure.clone(),
                system: None
            }
        );
        assert!(
            matches!(&c[0].what, What::Field { field, new, .. } if field == "owner" && new == "Ny eier")
        );
        assert_eq!(
            c[1],
            Change {
                object: Object::Status {
                    measure,
                    system: Some("s.sak".into())
                },
                what: What::Added
            }
        );
    }

    #[test]
    fn a_system_added_and_one_removed_are_one_change_each() {
        let before = kommune();
        let mut after = before.clone();
        after
            .systems
            .push(SystemDoc::new("s.ny".into(), "Nytt system".into()));
        let c = changes(&before, &after);
        assert_eq!(
            c,
            [Change {
                object: Object::System("s.ny".into()),
                what: What::Added
            }]
        );
        let mut gone = before.clone();
        gone.systems.retain(|s| s.id != "s.sak");
        let c = changes(&before, &gone);
        assert_eq!(
            c,
            [Change {
                object: Object::System("s.sak".into()),
                what: What::Removed
            }]
        );
    }

    #[test]
    fn a_renamed_system_names_old_and_new_name() {
        let before = kommune();
        let mut after = before.clone();
        let old = after.system_mut("s.sak").unwrap().name.clone();
        after.system_mut("s.sak").unwrap().name = "Nytt navn".into();
        assert_eq!(
            changes(&before, &after),
            [field(
                Object::System("s.sak".into()),
                "name",
                &old,
                "Nytt navn"
            )]
        );
    }

    #[test]
    fn a_level_lowered_names_the_adaptation_and_the_dimension() {
        let before = kommune();
        let mut after = before.clone();
        let task = after
            .tasks
            .iter_mut()
            .find(|t| t.key() == "kommune.vannforsyning")
            .unwrap();
        task.overrides[0].levels.c = Some(Level::Middels);
        assert_eq!(
            changes(&before, &after),
            [field(
                Object::Adaptation {
                    task: "kommune.vannforsyning".into(),
                    info_type: "vann.ledningskart".into()
                },
                "levels.c",
                "høy",
                "middels"
            )]
        );
    }

    #[test]
    fn an_adaptation_removed_is_not_a_change_of_the_task() {
        let before = kommune();
        let mut after = before.clone();
        let task = after
            .tasks
            .iter_mut()
            .find(|t| t.key() == "kommune.byggesak")
            .unwrap();
        task.overrides.clear();
        assert_eq!(
            changes(&before, &after),
            [Change {
                object: Object::Adaptation {
                    task: "kommune.byggesak".into(),
                    info_type: "plan.arealplan".into()
                },
                what: What::Removed
            }]
        );
    }

    #[test]
    fn an_implementations_cover_changed_reads_as_one_field() {
        let before = kommune();
        let mut after = before.clone();
        let im = after
            .implementations
            .iter_mut()
            .find(|i| i.id == "patching-plattform")
            .unwrap();
        im.covers = CoversDoc::systems(vec!["s.sak".into(), "s.plattform".into()]);
        assert_eq!(
            changes(&before, &after),
            [field(
                Object::Implementation("patching-plattform".into()),
                "covers",
                "runs_on: s.plattform",
                "systems: s.sak, s.plattform"
            )]
        );
    }

    #[test]
    fn lists_read_as_short_text() {
        let before = kommune();
        let mut after = before.clone();
        let s = after.system_mut("s.sak").unwrap();
        s.processes.truncate(1);
        let c = changes(&before, &after);
        assert_eq!(c.len(), 1);
        let What::Field { field, old, new } = &c[0].what else {
            panic!("{c:?}")
        };
        assert_eq!(field, "processes");
        assert!(new.starts_with("felles.arkiv"), "{new}");
        assert!(old.starts_with(new.as_str()) && old.len() > new.len());
    }

    #[test]
    fn the_organisation_s_services_are_a_field_of_the_organisation() {
        let before = kommune();
        let mut after = before.clone();
        after.org.services.clear();
        assert_eq!(
            changes(&before, &after),
            [field(
                Object::Organisation,
                "services",
                "ikt-vestfjord/soc",
                ""
            )]
        );
    }

    fn assessment() -> RiskAssessment {
        use grunnmur_core::risk::{Frame, ObjectRef, Preset};
        let cat = grunnmur_core::Catalog::new(
            "c".into(),
            "1".into(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        RiskAssessment {
            title: "ROS for HR".into(),
            frame: Frame::preset(&cat, ObjectRef::System("s.hr".into()), Preset::default()),
            areas: Vec::new(),
            risks: Vec::new(),
            acceptance: None,
        }
    }

    #[test]
    fn a_risk_added_and_a_title_changed_in_an_assessment() {
        use grunnmur_core::Dimension;
        use grunnmur_core::risk::Risk;
        let before = assessment();
        let mut after = before.clone();
        after.title = "ROS for lønn og HR".into();
        after.risks.push(Risk {
            id: "r1".into(),
            title: "Mistet PC".into(),
            area: None,
            threat: String::new(),
            vulnerability: String::new(),
            info_types: Vec::new(),
            dimensions: vec![Dimension::C],
            analysis: None,
            treatment: None,
        });
        assert_eq!(
            assessment_changes(&before, &after),
            [
                field(
                    Object::Assessment,
                    "title",
                    "ROS for HR",
                    "ROS for lønn og HR"
                ),
                Change {
                    object: Object::Risk("r1".into()),
                    what: What::Added
                }
            ]
        );
        let mut later = after.clone();
        later.risks[0].threat = "Tyveri".into();
        assert_eq!(
            assessment_changes(&after, &later),
            [field(Object::Risk("r1".into()), "threat", "", "Tyveri")]
        );
    }
}
