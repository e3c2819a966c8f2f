//! The entry form: for each catalog section, every field of its entry type
//! (`grunnmur_catalog::format`: `RequirementDoc`, `ActivityDoc`, `InfoTypeDoc`, `TaskDoc`,
//! `MeasureDoc`, `ProfileDoc`) and how it is edited. The same spec fills the form from an entry,
//! draws it (from the entry or from the form as sent) and reads it back into the entry's JSON,
//! keeping every field the person did not change exactly as it was written — so a save changes
//! only what was changed, and the entry's history shows just that.

use super::Names;
use crate::page::{Errors, FormData};
use crate::views::Select;
use crate::views::{enum_str, level_label};
use grunnmur_catalog::draft::{self, Section};
use grunnmur_catalog::{Problem, ProblemKind};
use grunnmur_core::catalog::Activity;
use grunnmur_core::level::{Dimension, Level};
use grunnmur_i18n::{Lang, t};
use serde_json::{Map, Value};

/// How one field of an entry is edited.
#[derive(Clone, Copy, Debug)]
pub enum Spec {
    /// A new entry's id (typed; an existing entry keeps its own).
    Id,
    /// An activity's id: one of the seven governance activities.
    ActivityId,
    /// The owner: a picker of the draft's owners by name.
    Owner,
    /// One line of plain text.
    Line(&'static str),
    /// A localised text, bokmål and English side by side.
    Loc {
        key: &'static str,
        required: bool,
        long: bool,
    },
    /// An information type's recommended levels, C/I/A.
    Levels,
    /// One of a fixed list of values.
    Choice {
        key: &'static str,
        values: &'static [&'static str],
        required: bool,
    },
    /// A measure's baseline level, 1 to 3.
    Baseline,
    /// The dimensions a measure protects.
    Dims(&'static str),
    /// Who a task or profile applies to.
    Applies(&'static str),
    /// Ids of other entries, picked by name.
    Refs {
        key: &'static str,
        target: Section,
        required: bool,
    },
    /// A list of localised texts, one row each, with an empty row to add one.
    LocList(&'static str),
    /// A mapping rarely edited, as a little YAML.
    Yaml(&'static str),
    /// Yes or no.
    Flag(&'static str),
}

const SCOPES: &[&str] = &["system", "org"];
const PURPOSES: &[&str] = &["forebygge", "oppdage", "handtere"];
const KINDS: &[&str] = &["organisatorisk", "menneskelig", "fysisk", "teknologisk"];
const PERSONAL: &[&str] = &["none", "ordinary", "special"];
/// Marks the activity choice: its values are `Activity::ALL`.
const ACTIVITY_VALUES: &[&str] = &[];

const fn loc(key: &'static str, required: bool, long: bool) -> Spec {
    Spec::Loc {
        key,
        required,
        long,
    }
}

/// Every field of a section's entries, in the order the files write them.
pub fn spec(section: Section) -> &'static [Spec] {
    use Spec::*;
    const REQUIREMENTS: &[Spec] = &[
        Id,
        Owner,
        loc("name", true, false),
        Line("source"),
        loc("description", false, true),
        Flag("out_of_scope"),
    ];
    const ACTIVITIES: &[Spec] = &[
        ActivityId,
        Owner,
        loc("name", true, false),
        loc("description", true, true),
        LocList("recommendations"),
    ];
    const INFO_TYPES: &[Spec] = &[
        Id,
        Owner,
        loc("name", true, false),
        Levels,
        loc("rationale", false, true),
        Choice {
            key: "personal_data",
            values: PERSONAL,
            required: false,
        },
        Refs {
            key: "requirements",
            target: Section::Requirements,
            required: false,
        },
    ];
    const TASKS: &[Spec] = &[
        Id,
        Owner,
        loc("name", true, false),
        loc("description", false, true),
        Applies("applies_to"),
        Refs {
            key: "info_types",
            target: Section::InfoTypes,
            required: true,
        },
        LocList("steps"),
        Refs {
            key: "requirements",
            target: Section::Requirements,
            required: false,
        },
    ];
    const MEASURES: &[Spec] = &[
        Id,
        Owner,
        loc("name", true, false),
        loc("statement", false, true),
        loc("guidance", false, true),
        Baseline,
        Dims("protects"),
        Choice {
            key: "scope",
            values: SCOPES,
            required: true,
        },
        Choice {
            key: "purpose",
            values: PURPOSES,
            required: true,
        },
        Choice {
            key: "kind",
            values: KINDS,
            required: true,
        },
        Choice {
            key: "activity",
            values: ACTIVITY_VALUES,
            required: true,
        },
        Refs {
            key: "required_by",
            target: Section::Requirements,
            required: false,
        },
        loc("evidence", false, true),
        Yaml("refs"),
        Yaml("params"),
        Flag("profile_only"),
    ];
    const PROFILES: &[Spec] = &[
        Id,
        Owner,
        loc("name", true, false),
        loc("description", false, true),
        Applies("applies_to"),
        Refs {
            key: "add",
            target: Section::Measures,
            required: false,
        },
        Yaml("level_overrides"),
        Yaml("params"),
    ];
    match section {
        Section::Requirements => REQUIREMENTS,
        Section::Activities => ACTIVITIES,
        Section::InfoTypes => INFO_TYPES,
        Section::Tasks => TASKS,
        Section::Measures => MEASURES,
        Section::Profiles => PROFILES,
    }
}

fn choice_values(key: &str, values: &'static [&'static str]) -> Vec<String> {
    if key == "activity" {
        Activity::ALL.iter().map(enum_str).collect()
    } else {
        values.iter().map(|v| v.to_string()).collect()
    }
}

const APPLIES: [&str; 4] = ["alle", "stat", "kommune", "fylkeskommune"];

fn text_of(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    (v.and_then(Value::as_array).into_iter().flatten())
        .map(text_of)
        .collect()
}

/// The form's fields as an entry fills them: what an edit form shows before anything is sent.
pub fn fill(section: Section, entry: &Value) -> FormData {
    let mut out: Vec<(String, String)> = Vec::new();
    let get = |k: &str| entry.get(k);
    let mut put = |k: String, v: String| out.push((k, v));
    for s in spec(section) {
        match *s {
            Spec::Id | Spec::ActivityId => {
                put("id".into(), get("id").map(text_of).unwrap_or_default())
            }
            Spec::Owner => put(
                "owner".into(),
                get("owner").map(text_of).unwrap_or_default(),
            ),
            Spec::Line(k) | Spec::Choice { key: k, .. } => {
                put(k.into(), get(k).map(text_of).unwrap_or_default())
            }
            Spec::Baseline => put(
                "level".into(),
                get("level").map(text_of).unwrap_or_default(),
            ),
            Spec::Loc { key, .. } => {
                for l in ["nb", "en"] {
                    let x = get(key).and_then(|x| x.get(l)).map(text_of);
                    put(format!("{key}_{l}"), x.unwrap_or_default());
                }
            }
            Spec::Levels => {
                for d in Dimension::ALL {
                    let x = get("levels").and_then(|x| x.get(d.as_str())).map(text_of);
                    put(format!("levels_{d}"), x.unwrap_or_default());
                }
            }
            Spec::Dims(k) | Spec::Applies(k) | Spec::Refs { key: k, .. } => {
                for x in strings(get(k)) {
                    put(k.into(), x);
                }
            }
            Spec::LocList(k) => {
                let rows = get(k)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                put(format!("{k}_count"), rows.len().to_string());
                for (n, r) in rows.iter().enumerate() {
                    for l in ["nb", "en"] {
                        let x = r.get(l).map(text_of).unwrap_or_default();
                        put(format!("{k}_{l}_{n}"), x);
                    }
                }
            }
            Spec::Yaml(k) => {
                let text = match get(k) {
                    Some(x) if !empty_like(x) => draft::entry_yaml(x),
                    _ => String::new(),
                };
                put(k.into(), text);
            }
            Spec::Flag(k) => {
                if get(k).and_then(Value::as_bool) == Some(true) {
                    put(k.into(), "on".into());
                }
            }
        }
    }
    FormData::filled(out)
}

/// Nothing said: an absent value, an empty text, list or mapping, or `false`.
fn empty_like(v: &Value) -> bool {
    match v {
        Value::Null | Value::Bool(false) => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(m) => m.is_empty(),
        _ => false,
    }
}

/// Sets a field, keeping how the entry wrote it: a required field is always written; an
/// optional one left empty is taken out, unless the entry already wrote it empty.
fn set(m: &mut Map<String, Value>, key: &str, new: Value, required: bool) {
    if required || !empty_like(&new) {
        if m.get(key) != Some(&new) {
            m.insert(key.to_string(), new);
        }
    } else if m.get(key).is_some_and(|old| !empty_like(old)) {
        m.shift_remove(key);
    }
}

/// A text as sent, with the browser's line breaks made the file's; the entry's own text where
/// only surrounding blanks differ.
fn sent_text(old: Option<&str>, sent: &str) -> String {
    let sent = sent.replace("\r\n", "\n");
    match old {
        Some(o) if o.trim() == sent.trim() => o.to_string(),
        _ => sent.trim().to_string(),
    }
}

/// A localised text from its two inputs, keeping the entry's own where unchanged.
fn read_loc(old: Option<&Value>, nb: &str, en: &str) -> Value {
    let mut m = old.and_then(Value::as_object).cloned().unwrap_or_default();
    for (l, sent) in [("nb", nb), ("en", en)] {
        let before = m.get(l).and_then(Value::as_str).map(str::to_string);
        let text = sent_text(before.as_deref(), sent);
        if text.is_empty() {
            m.shift_remove(l);
        } else if before.as_deref() != Some(text.as_str()) {
            m.insert(l.to_string(), Value::String(text));
        }
    }
    Value::Object(m)
}

/// Picked values in the entry's order, then the newly picked in the form's.
fn ordered(old: Option<&Value>, picked: Vec<String>) -> Value {
    let old = strings(old);
    let mut out: Vec<String> = old.iter().filter(|x| picked.contains(x)).cloned().collect();
    out.extend(picked.into_iter().filter(|x| !old.contains(x)));
    Value::Array(out.into_iter().map(Value::String).collect())
}

/// A field's value as sent: a whole number where it reads as one (a baseline level), else the
/// text, which the catalog's checks then refuse with their own problem.
fn number_or_text(s: &str) -> Value {
    match s.parse::<i64>() {
        Ok(n) => Value::from(n),
        Err(_) => Value::String(s.to_string()),
    }
}

/// The entry the form describes: `base` (the entry as it is, or nothing for a new one) with
/// every field of the form read back. Problems the form itself can tell (YAML that does not
/// read) go to `errors` at their field; the rest is for the catalog's checks.
pub fn read(
    lang: Lang,
    section: Section,
    base: Option<&Value>,
    f: &FormData,
    errors: &mut Errors,
) -> Value {
    let mut m: Map<String, Value> = base.and_then(Value::as_object).cloned().unwrap_or_default();
    for s in spec(section) {
        match *s {
            Spec::Id | Spec::ActivityId => {
                if base.is_none() {
                    set(&mut m, "id", Value::String(f.get("id").to_string()), true);
                }
            }
            Spec::Owner => set(&mut m, "owner", Value::String(f.get("owner").into()), false),
            Spec::Line(k) => {
                let old = m.get(k).and_then(Value::as_str).map(str::to_string);
                let text = sent_text(old.as_deref(), f.get_raw(k));
                set(&mut m, k, Value::String(text), true);
            }
            Spec::Choice { key, required, .. } => {
                set(&mut m, key, Value::String(f.get(key).into()), required);
            }
            Spec::Baseline => {
                set(&mut m, "level", number_or_text(f.get("level")), true);
            }
            Spec::Loc { key, required, .. } => {
                let raw = |l: &str| f.get_raw(&format!("{key}_{l}")).to_string();
                let v = read_loc(m.get(key), &raw("nb"), &raw("en"));
                set(&mut m, key, v, required);
            }
            Spec::Levels => {
                let mut levels = m.get("levels").and_then(Value::as_object).cloned();
                let levels = levels.get_or_insert_with(Map::new);
                for d in Dimension::ALL {
                    let sent = f.get(&format!("levels_{d}"));
                    // A level written the ASCII way (`hoy`) stays as written.
                    let same = (levels.get(d.as_str()).and_then(Value::as_str))
                        .is_some_and(|old| Level::parse(old).is_some_and(|l| l.as_str() == sent));
                    if !same {
                        levels.insert(d.as_str().into(), Value::String(sent.into()));
                    }
                }
                set(&mut m, "levels", Value::Object(levels.clone()), true);
            }
            Spec::Dims(k) | Spec::Applies(k) => {
                let v = ordered(m.get(k), f.all(k));
                set(&mut m, k, v, true);
            }
            Spec::Refs { key, required, .. } => {
                let v = ordered(m.get(key), f.all(key));
                set(&mut m, key, v, required);
            }
            Spec::LocList(k) => {
                let old = m
                    .get(k)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap_or_default();
                let count: usize = f.get(&format!("{k}_count")).parse().unwrap_or(0);
                let mut rows = Vec::new();
                // The rows written, and the empty one to add with.
                for n in 0..=count.min(crate::page::MAX_FORM_FIELDS) {
                    let raw = |l: &str| f.get_raw(&format!("{k}_{l}_{n}")).to_string();
                    let row = read_loc(old.get(n), &raw("nb"), &raw("en"));
                    if !empty_like(&row) {
                        rows.push(row);
                    }
                }
                set(&mut m, k, Value::Array(rows), false);
            }
            Spec::Yaml(k) => {
                let text = f.get_raw(k).replace("\r\n", "\n");
                let old = m.get(k).cloned();
                if old
                    .as_ref()
                    .filter(|x| !empty_like(x))
                    .map(draft::entry_yaml)
                    .as_deref()
                    .map(str::trim)
                    == Some(text.trim())
                {
                    continue;
                }
                if text.trim().is_empty() {
                    set(&mut m, k, Value::Object(Map::new()), false);
                    continue;
                }
                match draft::read_entry(&text) {
                    Ok(v) => set(&mut m, k, v, false),
                    Err((line, message)) => {
                        let line = line.to_string();
                        let args = [("line", line.as_str()), ("message", message.as_str())];
                        errors.push(k, t(lang, "ui-draft-yaml-invalid", &args));
                    }
                }
            }
            Spec::Flag(k) => {
                let on = !f.get(k).is_empty();
                set(&mut m, k, Value::Bool(on), false);
            }
        }
    }
    Value::Object(m)
}

/// What the form needs to draw its pickers: the draft's owners and entries by name, the
/// sectors the catalog uses.
pub struct Ctx<'a> {
    pub lang: Lang,
    pub names: &'a Names,
    pub sectors: Vec<String>,
    /// The activities' names as the draft has them.
    pub activities: Vec<(String, String)>,
}

/// One field of the form as drawn (a struct rather than an enum: the template tells them apart
/// by `kind`).
#[derive(Default)]
pub struct Field {
    /// `text`, `loc`, `select`, `levels`, `checks`, `pick`, `rows`, `yaml` or `flag`.
    pub kind: &'static str,
    pub id: String,
    pub label: String,
    pub hint: String,
    pub value: String,
    pub nb: String,
    pub en: String,
    pub long: bool,
    pub selects: Vec<Select>,
    /// (value, label, chosen).
    pub options: Vec<(String, String, bool)>,
    /// (nb, en) of each row, then an empty one.
    pub rows: Vec<(String, String)>,
    pub checked: bool,
}

impl Field {
    /// The chosen options' labels (a read-only view).
    pub fn chosen(&self) -> Vec<&str> {
        let mut out: Vec<&str> = (self.options.iter())
            .filter(|o| o.2)
            .map(|o| o.1.as_str())
            .collect();
        for s in &self.selects {
            out.extend(s.options.iter().filter(|o| o.2).map(|o| o.1.as_str()));
        }
        out
    }

    /// The rows written (without the empty one to add with).
    pub fn filled_rows(&self) -> &[(String, String)] {
        &self.rows[..self.rows.len().saturating_sub(1)]
    }
}

fn label(lang: Lang, key: &str) -> String {
    t(lang, &format!("ui-draft-field-{key}"), &[])
}

fn hint(lang: Lang, key: &str) -> String {
    let k = format!("ui-draft-hint-{key}");
    if grunnmur_i18n::translations().has(Lang::Nb, &k) {
        t(lang, &k, &[])
    } else {
        String::new()
    }
}

/// The form's fields, drawn from `f` (an entry's [`fill`], or the form as sent). `new`: the
/// form of a new entry (its id is asked for).
pub fn draw(section: Section, ctx: &Ctx, f: &FormData, errors: &Errors, new: bool) -> Vec<Field> {
    let lang = ctx.lang;
    let mut out = Vec::new();
    for s in spec(section) {
        let field = match *s {
            Spec::Id if new => Field {
                kind: "text",
                id: "id".into(),
                label: label(lang, "id"),
                hint: hint(lang, &format!("id-{}", section.as_str())),
                value: f.get("id").into(),
                ..Field::default()
            },
            Spec::ActivityId if new => {
                let options = (Activity::ALL.iter().map(enum_str))
                    .filter(|a| !ctx.names.entries.contains_key(&(section, a.clone())))
                    .map(|a| (a.clone(), t(lang, &format!("ui-activity-{a}"), &[])))
                    .collect();
                select_field("id", label(lang, "activity"), options, f.get("id"), errors)
            }
            Spec::Id | Spec::ActivityId => continue,
            Spec::Owner => {
                let options = (ctx.names.owners.iter())
                    .map(|(id, n)| (id.clone(), format!("{} ({id})", n.get(lang.code()))))
                    .collect();
                let chosen = f.get("owner");
                let options = with_chosen(lang, options, chosen, false);
                select_field("owner", label(lang, "owner"), options, chosen, errors)
            }
            Spec::Line(k) => Field {
                kind: "text",
                id: k.into(),
                label: label(lang, k),
                hint: hint(lang, k),
                value: f.get(k).into(),
                ..Field::default()
            },
            Spec::Choice {
                key,
                values,
                required,
            } => {
                let options = (choice_values(key, values).into_iter())
                    .map(|v| {
                        let l = choice_label(ctx, key, &v);
                        (v, l)
                    })
                    .collect();
                let chosen = f.get(key);
                let options = with_chosen(lang, options, chosen, !required);
                select_field(key, label(lang, key), options, chosen, errors)
            }
            Spec::Baseline => {
                let options = (1..=3).map(|n| (n.to_string(), format!("BN{n}"))).collect();
                select_field(
                    "level",
                    label(lang, "level"),
                    options,
                    f.get("level"),
                    errors,
                )
            }
            Spec::Loc { key, long, .. } => Field {
                kind: "loc",
                id: key.into(),
                label: label(lang, key),
                hint: hint(lang, key),
                nb: f.get(&format!("{key}_nb")).into(),
                en: f.get(&format!("{key}_en")).into(),
                long,
                ..Field::default()
            },
            Spec::Levels => Field {
                kind: "levels",
                id: "levels".into(),
                label: label(lang, "levels"),
                hint: hint(lang, "levels"),
                selects: (Dimension::ALL.iter())
                    .map(|d| {
                        let id = format!("levels_{d}");
                        let options = (Level::ALL.iter())
                            .map(|l| (l.as_str().to_string(), level_label(lang, *l)))
                            .collect();
                        let chosen = f.get(&id);
                        let chosen = Level::parse(chosen).map_or(chosen, |l| l.as_str());
                        let mut s =
                            Select::new(&id, super::super::dim_label(lang, *d), options, chosen);
                        s.error = errors.of(&id).map(str::to_string);
                        s
                    })
                    .collect(),
                ..Field::default()
            },
            Spec::Dims(k) => {
                let chosen = f.all(k);
                let options = (Dimension::ALL.iter())
                    .map(|d| {
                        let v = d.as_str().to_string();
                        let on = chosen.contains(&v);
                        (v, super::super::dim_label(lang, *d), on)
                    })
                    .collect();
                checks(k, label(lang, k), hint(lang, k), options)
            }
            Spec::Applies(k) => {
                let chosen = f.all(k);
                let mut values: Vec<String> = APPLIES.iter().map(|x| x.to_string()).collect();
                values.extend(ctx.sectors.iter().map(|x| format!("sector:{x}")));
                values.extend(
                    chosen
                        .iter()
                        .filter(|c| !values.contains(c))
                        .cloned()
                        .collect::<Vec<_>>(),
                );
                let options = (values.into_iter())
                    .map(|v| {
                        let l = applies_label(lang, &v);
                        let on = chosen.contains(&v);
                        (v, l, on)
                    })
                    .collect();
                checks(k, label(lang, k), hint(lang, k), options)
            }
            Spec::Refs { key, target, .. } => {
                let chosen = f.all(key);
                let mut options: Vec<(String, String, bool)> = (ctx.names.entries.iter())
                    .filter(|((sec, _), _)| *sec == target)
                    .map(|((_, id), n)| {
                        let l = format!("{} ({id})", n.get(lang.code()));
                        (id.clone(), l, chosen.contains(id))
                    })
                    .collect();
                // A reference the draft cannot name stays, so that saving does not drop it.
                for c in &chosen {
                    if !options.iter().any(|o| &o.0 == c) {
                        options.push((c.clone(), c.clone(), true));
                    }
                }
                Field {
                    kind: "pick",
                    id: key.into(),
                    label: label(lang, key),
                    hint: hint(lang, "pick"),
                    options,
                    ..Field::default()
                }
            }
            Spec::LocList(k) => {
                let count: usize = f.get(&format!("{k}_count")).parse().unwrap_or(0);
                let mut rows: Vec<(String, String)> = (0..=count.min(crate::page::MAX_FORM_FIELDS))
                    .map(|n| {
                        let get = |l: &str| f.get(&format!("{k}_{l}_{n}")).to_string();
                        (get("nb"), get("en"))
                    })
                    .filter(|(nb, en)| !nb.is_empty() || !en.is_empty())
                    .collect();
                rows.push((String::new(), String::new()));
                Field {
                    kind: "rows",
                    id: k.into(),
                    label: label(lang, k),
                    hint: hint(lang, "rows"),
                    rows,
                    ..Field::default()
                }
            }
            Spec::Yaml(k) => Field {
                kind: "yaml",
                id: k.into(),
                label: label(lang, k),
                hint: hint(lang, &format!("yaml-{}", k.replace('_', "-"))),
                value: f.get(k).into(),
                ..Field::default()
            },
            Spec::Flag(k) => Field {
                kind: "flag",
                id: k.into(),
                label: label(lang, k),
                hint: hint(lang, k),
                checked: !f.get(k).is_empty(),
                ..Field::default()
            },
        };
        out.push(field);
    }
    out
}

/// A list's options with "not given" first where a choice may be left out or none is made,
/// and a value the list does not know kept as written (so saving keeps it, and the checks
/// name it).
fn with_chosen(
    lang: Lang,
    mut options: Vec<(String, String)>,
    chosen: &str,
    optional: bool,
) -> Vec<(String, String)> {
    if !chosen.is_empty() && !options.iter().any(|o| o.0 == chosen) {
        options.insert(0, (chosen.to_string(), chosen.to_string()));
    }
    if optional || chosen.is_empty() {
        options.insert(0, (String::new(), t(lang, "ui-draft-choose-none", &[])));
    }
    options
}

fn choice_label(ctx: &Ctx, key: &str, value: &str) -> String {
    let lang = ctx.lang;
    match key {
        "activity" => (ctx.activities.iter())
            .find(|(id, _)| id == value)
            .map_or_else(
                || t(lang, &format!("ui-activity-{value}"), &[]),
                |(_, n)| n.clone(),
            ),
        "personal_data" => t(lang, &format!("ui-draft-pd-{value}"), &[]),
        other => t(lang, &format!("ui-{other}-{value}"), &[]),
    }
}

fn applies_label(lang: Lang, v: &str) -> String {
    match v.strip_prefix("sector:") {
        Some(sector) => t(lang, "ui-draft-applies-sector", &[("sector", sector)]),
        None if APPLIES.contains(&v) => t(lang, &format!("ui-draft-applies-{v}"), &[]),
        None => v.to_string(),
    }
}

fn select_field(
    id: &str,
    label: String,
    options: Vec<(String, String)>,
    chosen: &str,
    errors: &Errors,
) -> Field {
    let mut s = Select::new(id, label.clone(), options, chosen);
    s.error = errors.of(id).map(str::to_string);
    Field {
        kind: "select",
        id: id.into(),
        label,
        selects: vec![s],
        ..Field::default()
    }
}

fn checks(id: &str, label: String, hint: String, options: Vec<(String, String, bool)>) -> Field {
    Field {
        kind: "checks",
        id: id.into(),
        label,
        hint,
        options,
        ..Field::default()
    }
}

/// The field of the form a problem of the draft's check is about, where it can be told: the
/// problem names this entry and a field, a reference's target or the kind of check.
pub fn field_of(section: Section, id: &str, p: &Problem) -> Option<String> {
    let here = |s: &str, i: &str| s == section.as_str() && i == id;
    let f = match &p.kind {
        ProblemKind::MissingText {
            section: s,
            id: i,
            field,
            lang,
        } if here(s, i) => {
            let known = spec(section)
                .iter()
                .any(|x| matches!(x, Spec::Loc { key, .. } if key == field));
            if known {
                format!("{field}_{lang}")
            } else {
                field.clone()
            }
        }
        ProblemKind::EmptyList {
            section: s,
            id: i,
            field,
        } if here(s, i) => field.clone(),
        ProblemKind::InvalidApplicability {
            section: s, id: i, ..
        } if here(s, i) => "applies_to".into(),
        ProblemKind::InvalidId { section: s, id: i }
        | ProblemKind::DuplicateId {
            section: s, id: i, ..
        } if here(s, i) => "id".into(),
        ProblemKind::DuplicateName {
            section: s, id: i, ..
        } if here(s, i) => "name_nb".into(),
        ProblemKind::MissingOwner { section: s, id: i } if here(s, i) => "owner".into(),
        ProblemKind::UnknownReference {
            section: s,
            id: i,
            target,
            ..
        } if here(s, i) => match (section, target.as_str()) {
            (_, "owners") => "owner".into(),
            (Section::Measures, "requirements") => "required_by".into(),
            (Section::Profiles, "measures") => "add".into(),
            (_, t) => t.to_string(),
        },
        ProblemKind::InvalidBaseline { id: i, .. } if section == Section::Measures && i == id => {
            "level".into()
        }
        ProblemKind::ProfileMovesLater { profile, .. }
            if section == Section::Profiles && profile == id =>
        {
            "level_overrides".into()
        }
        ProblemKind::ProfileAddsBaselineMeasure { profile, .. }
            if section == Section::Profiles && profile == id =>
        {
            "add".into()
        }
        _ => return None,
    };
    Some(f)
}
