//! Catalog drafts: entries edited one by one in the files, every other byte kept.

use grunnmur_catalog::body::history::{Change, Object, What, entry_changes};
use grunnmur_catalog::draft::{
    DraftError, Section, entries, entry_yaml, find_entry, put_entry, read_entry, remove_entry,
    set_version,
};
use grunnmur_catalog::files::bundled_sources;
use grunnmur_catalog::{Problem, Source, check_catalog};
use serde_json::{Value, json};

fn src(name: &str, text: &str) -> Source {
    Source {
        name: name.into(),
        text: text.into(),
    }
}

fn errors(sources: &[Source]) -> Vec<Problem> {
    check_catalog(sources)
        .1
        .into_iter()
        .filter(Problem::is_error)
        .collect()
}

fn file_index(sources: &[Source], name: &str) -> usize {
    sources.iter().position(|s| s.name == name).unwrap()
}

/// The lines of `text` from the one starting with `from` up to (not including) the next one
/// starting with `to`.
fn between<'a>(text: &'a str, from: &str, to: &str) -> &'a str {
    let start = text.find(from).unwrap();
    let end = start + text[start..].find(to).unwrap();
    &text[start..end]
}

#[test]
fn every_bundled_entry_put_unchanged_keeps_entries_other_files_and_the_check() {
    let original = bundled_sources();
    assert!(errors(&original).is_empty());
    let all = entries(&original);
    assert!(all.len() > 500, "{} entries", all.len());
    let mut sources = original.clone();
    let mut same_text = 0;
    for (section, id, file, value) in &all {
        let next = put_entry(&sources, *section, id, value, None).unwrap();
        for (n, (a, b)) in sources.iter().zip(&next).enumerate() {
            if n != *file {
                assert_eq!(a, b, "{section}/{id} changed another file");
            }
        }
        assert_eq!(next.len(), sources.len());
        let written = &next[*file].text;
        assert!(
            !written.contains(&format!("- {{\"id\": \"{id}\"")),
            "{section}/{id} fell back to JSON"
        );
        if next[*file].text == sources[*file].text {
            same_text += 1;
        }
        sources = next;
    }
    assert_eq!(entries(&sources), all);
    assert!(errors(&sources).is_empty());
    // The writer follows the files' style: most entries are written back byte for byte.
    assert!(
        same_text * 10 > all.len() * 9,
        "{same_text} of {}",
        all.len()
    );
}

#[test]
fn a_changed_task_field_rewrites_that_entry_only() {
    let before = bundled_sources();
    let file = file_index(&before, "catalog/tasks/kommune.yaml");
    let at = find_entry(&before, Section::Tasks, "kommune.kulturskole").unwrap();
    assert_eq!(at.file, file);
    let mut value = at.value.clone();
    value["name"]["nb"] = json!("Kulturskole: musikk, dans og \"teater\"");
    let after = put_entry(&before, Section::Tasks, "kommune.kulturskole", &value, None).unwrap();

    let (old, new) = (&before[file].text, &after[file].text);
    let heading =
        "  # ---------------------------------------------------------------- Barnevern\n";
    let old_entry = between(old, "  - id: kommune.kulturskole\n", heading);
    let new_entry = between(new, "  - id: kommune.kulturskole\n", heading);
    assert!(new_entry.contains(r#"name: {nb: "Kulturskole: musikk, dans og \"teater\"", en: "#));
    // Everything before the entry and from the heading that follows it stays as it was.
    let (old_start, new_start) = (old.find(old_entry).unwrap(), new.find(new_entry).unwrap());
    assert_eq!(old[..old_start], new[..new_start]);
    assert_eq!(
        old[old_start + old_entry.len()..],
        new[new_start + new_entry.len()..]
    );
    assert_eq!(old_entry.lines().count(), new_entry.lines().count());

    let (b, a) = (entries(&before), entries(&after));
    assert_eq!(b.len(), a.len());
    let differ: Vec<&str> = b
        .iter()
        .zip(&a)
        .filter(|(x, y)| x != y)
        .map(|(x, _)| x.1.as_str())
        .collect();
    assert_eq!(differ, ["kommune.kulturskole"]);
    assert!(errors(&after).is_empty());
    let changes = entry_changes(
        "tasks",
        "kommune.kulturskole",
        Some(&at.value),
        Some(&value),
    );
    assert_eq!(changes.len(), 1);
    assert!(matches!(&changes[0].what, What::Field { field, .. } if field == "name.nb"));
}

fn new_task(id: &str) -> Value {
    json!({
        "id": id,
        "owner": "ks",
        "name": {"nb": "Ny oppgave", "en": "New task"},
        "applies_to": ["kommune"],
        "info_types": ["felles.saksdokumenter"],
    })
}

#[test]
fn a_new_entry_goes_to_the_last_file_with_its_section() {
    let before = bundled_sources();
    let last = before
        .iter()
        .rposition(|s| s.text.contains("\ntasks:\n"))
        .unwrap();
    let value = new_task("stat.ny");
    let after = put_entry(&before, Section::Tasks, "stat.ny", &value, None).unwrap();
    assert_eq!(after.len(), before.len());
    let at = find_entry(&after, Section::Tasks, "stat.ny").unwrap();
    assert_eq!((at.file, &at.value), (last, &value));
    assert!(after[last].text.starts_with(&before[last].text));
    // Added after the last task of the file, which is its last entry.
    let (b, a) = (entries(&before), entries(&after));
    let n = b.iter().rposition(|e| e.2 == last).unwrap() + 1;
    let mut expected = b.clone();
    expected.insert(n, (Section::Tasks, "stat.ny".into(), last, value.clone()));
    assert_eq!(a, expected);
    assert!(errors(&after).is_empty(), "{:?}", errors(&after));
    let changes = entry_changes("tasks", "stat.ny", None, Some(&value));
    assert_eq!(
        changes,
        [Change {
            object: Object::CatalogEntry {
                section: "tasks".into(),
                id: "stat.ny".into()
            },
            what: What::Added
        }]
    );
}

/// `new_task("felles.ny")` as the lines of a list item.
const NEW_TASK: &str = "  - id: felles.ny
    owner: ks
    name: {nb: \"Ny oppgave\", en: \"New task\"}
    applies_to: [kommune]
    info_types: [felles.saksdokumenter]
";

#[test]
fn a_new_entry_in_a_given_file_and_in_a_new_file() {
    let before = bundled_sources();
    let felles = file_index(&before, "catalog/tasks/felles.yaml");
    let value = new_task("felles.ny");
    let after = put_entry(
        &before,
        Section::Tasks,
        "felles.ny",
        &value,
        Some("catalog/tasks/felles.yaml"),
    )
    .unwrap();
    let text = &after[felles].text;
    // The file sets its entries off by blank lines; so is the new one.
    assert!(
        text.ends_with(&format!("\n\n{NEW_TASK}")),
        "{}",
        &text[text.len() - 400..]
    );
    assert!(text.starts_with(&before[felles].text));
    assert!(errors(&after).is_empty());

    let after = put_entry(
        &before,
        Section::Tasks,
        "felles.ny",
        &value,
        Some("catalog/tasks/ny.yaml"),
    )
    .unwrap();
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after[..before.len()], before[..]);
    assert_eq!(
        after.last().unwrap(),
        &src("catalog/tasks/ny.yaml", &format!("tasks:\n{NEW_TASK}"))
    );
    assert!(errors(&after).is_empty());

    // A file that exists without the section gets it at its end.
    let header = file_index(&before, "catalog/catalog.yaml");
    let after = put_entry(
        &before,
        Section::Tasks,
        "felles.ny",
        &value,
        Some("catalog/catalog.yaml"),
    )
    .unwrap();
    assert!(after[header].text.starts_with(&before[header].text));
    assert!(
        after[header]
            .text
            .ends_with(&format!("\n\ntasks:\n{NEW_TASK}"))
    );
    assert!(errors(&after).is_empty());

    for bad in [
        "../ny.yaml",
        "/etc/ny.yaml",
        "catalog/ny.txt",
        "catalog//ny.yaml",
    ] {
        assert_eq!(
            put_entry(&before, Section::Tasks, "felles.ny", &value, Some(bad)),
            Err(DraftError::BadFileName { name: bad.into() })
        );
    }
}

#[test]
fn a_section_no_file_has_goes_to_a_new_file() {
    let sources = vec![src(
        "catalog/catalog.yaml",
        "catalog: {id: c, version: \"1\"}\n",
    )];
    let value =
        json!({"id": "hr.x", "name": {"nb": "X"}, "levels": {"c": "lav", "i": "lav", "a": "lav"}});
    let after = put_entry(&sources, Section::InfoTypes, "hr.x", &value, None).unwrap();
    assert_eq!(after[0], sources[0]);
    assert_eq!(
        after[1],
        src(
            "catalog/info_types.yaml",
            "info_types:\n  - id: hr.x\n    name: {nb: \"X\"}\n    levels: {c: lav, i: lav, a: lav}\n"
        )
    );
    // The next one goes after it, in the same file.
    let after = put_entry(
        &after,
        Section::InfoTypes,
        "hr.y",
        &json!({"id": "hr.y"}),
        None,
    )
    .unwrap();
    assert_eq!(after.len(), 2);
    assert!(after[1].text.ends_with("lav}\n  - id: hr.y\n"));
}

#[test]
fn empty_sections_are_filled_and_keep_their_comment() {
    let value = json!({"id": "a", "n": 1});
    for (text, expected) in [
        ("tasks:\n", "tasks:\n  - id: a\n    n: 1\n"),
        (
            "tasks: []\nmeasures: []\n",
            "tasks:\n  - id: a\n    n: 1\nmeasures: []\n",
        ),
        (
            "tasks: ~  # none yet\n",
            "tasks:  # none yet\n  - id: a\n    n: 1\n",
        ),
        (
            "x: 1\ntasks: [] # none\n\n# end",
            "x: 1\ntasks:  # none\n  - id: a\n    n: 1\n\n# end",
        ),
    ] {
        let after = put_entry(&[src("f.yaml", text)], Section::Tasks, "a", &value, None).unwrap();
        assert_eq!(after[0].text, expected, "{text:?}");
    }
    // A list in flow style with entries is not rewritten: the file is left as it was.
    let flow = [src("f.yaml", "tasks: [{id: b}]\n")];
    assert!(matches!(
        put_entry(&flow, Section::Tasks, "a", &value, None),
        Err(DraftError::Unwritable { .. })
    ));
    assert!(matches!(
        put_entry(
            &flow,
            Section::Tasks,
            "b",
            &json!({"id": "b", "n": 2}),
            None
        ),
        Err(DraftError::Unwritable { .. })
    ));
}

#[test]
fn removing_entries() {
    let before = bundled_sources();
    let after = remove_entry(&before, Section::Tasks, "kommune.kulturskole").unwrap();
    let mut expected = entries(&before);
    expected.retain(|e| e.1 != "kommune.kulturskole");
    assert_eq!(entries(&after), expected);
    let file = file_index(&before, "catalog/tasks/kommune.yaml");
    let (old, new) = (&before[file].text, &after[file].text);
    let entry = between(old, "  - id: kommune.kulturskole\n", "  # -----");
    assert_eq!(new.as_str(), old.replacen(entry, "", 1));
    assert!(errors(&after).is_empty());
    assert_eq!(
        remove_entry(&after, Section::Tasks, "kommune.kulturskole"),
        Err(DraftError::NotFound {
            section: Section::Tasks,
            id: "kommune.kulturskole".into()
        })
    );

    // Entries set off by blank lines stay so; the heading before the first one stays.
    let felles = file_index(&before, "catalog/tasks/felles.yaml");
    let first = entries(&before)
        .into_iter()
        .find(|e| e.2 == felles)
        .unwrap()
        .1;
    let after = remove_entry(&before, Section::Tasks, &first).unwrap();
    let text = &after[felles].text;
    assert!(text.contains("  # --- People"), "the heading stays");
    assert!(!text.contains("\n\n\n"));
    assert!(!text.contains(&format!("id: {first}\n")));
    assert_eq!(
        after[felles].text.lines().count() + 8,
        before[felles].text.lines().count()
    );

    // The last entry of a section, and of a file.
    let text = "tasks:\n  - id: a\n    n: 1\n\n  - id: b\n    n: 2\n# tail\nmeasures:\n  - id: m\n";
    let sources = [src("f.yaml", text)];
    let after = remove_entry(&sources, Section::Tasks, "b").unwrap();
    assert_eq!(
        after[0].text,
        "tasks:\n  - id: a\n    n: 1\n\n# tail\nmeasures:\n  - id: m\n"
    );
    let after = remove_entry(&after, Section::Tasks, "a").unwrap();
    assert_eq!(after[0].text, "tasks:\n\n# tail\nmeasures:\n  - id: m\n");
    assert!(find_entry(&after, Section::Tasks, "a").is_none());
    let after = remove_entry(&after, Section::Measures, "m").unwrap();
    assert_eq!(after[0].text, "tasks:\n\n# tail\nmeasures:\n");
    // The emptied section takes entries again.
    let after = put_entry(&after, Section::Tasks, "c", &json!({"id": "c"}), None).unwrap();
    assert_eq!(after[0].text, "tasks:\n  - id: c\n\n# tail\nmeasures:\n");
}

#[test]
fn setting_the_version_in_block_and_flow_headers() {
    let before = bundled_sources();
    let after = set_version(&before, "2027.1").unwrap();
    let header = file_index(&before, "catalog/catalog.yaml");
    assert_eq!(
        after[header].text,
        before[header]
            .text
            .replacen("version: \"2026.1\"", "version: \"2027.1\"", 1)
    );
    let checked = check_catalog(&after).0.unwrap();
    assert_eq!(checked.catalog.version, "2027.1");

    let flow = [src(
        "c.yaml",
        "# c\ncatalog: {id: c, version: 1.0, title: {nb: \"Versjon: 1.0\"}}   # header\ntasks: []\n",
    )];
    let after = set_version(&flow, "2.0 \"beta\"").unwrap();
    assert_eq!(
        after[0].text,
        "# c\ncatalog: {id: c, version: \"2.0 \\\"beta\\\"\", title: {nb: \"Versjon: 1.0\"}}   # header\ntasks: []\n"
    );
    assert_eq!(
        set_version(&[src("t.yaml", "tasks: []\n")], "1"),
        Err(DraftError::NoHeader)
    );
}

#[test]
fn ids_must_match_and_entries_be_mappings() {
    let sources = bundled_sources();
    let put = |v: &Value| put_entry(&sources, Section::Tasks, "kommune.sfo", v, None);
    assert_eq!(
        put(&json!({"id": "kommune.x"})),
        Err(DraftError::IdMismatch {
            expected: "kommune.sfo".into(),
            found: Some("\"kommune.x\"".into())
        })
    );
    let e = put(&json!({"name": "x"})).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the entry's id must be `kommune.sfo`, but it has none"
    );
    assert_eq!(put(&json!(["kommune.sfo"])), Err(DraftError::NotAMapping));
    // A value no YAML (nor JSON line) reads back as given leaves the files alone.
    let big = json!({"id": "kommune.sfo", "n": u64::MAX});
    assert!(matches!(put(&big), Err(DraftError::Unwritable { .. })));
}

#[test]
fn sections_by_name() {
    for s in Section::ALL {
        assert_eq!(Section::parse(s.as_str()), Some(s));
        assert_eq!(serde_json::to_value(s).unwrap(), json!(s.as_str()));
        assert_eq!(
            serde_json::from_value::<Section>(json!(s.as_str())).unwrap(),
            s
        );
    }
    assert_eq!(Section::InfoTypes.as_str(), "info_types");
    assert_eq!(Section::parse("owners"), None);
}

#[test]
fn entry_yaml_reads_back_for_every_bundled_entry_and_hard_strings() {
    for (section, id, _, value) in entries(&bundled_sources()) {
        assert_eq!(read_entry(&entry_yaml(&value)), Ok(value), "{section}/{id}");
    }
    let hard = [
        "with \"quotes\" and 'single'",
        "a: colon",
        "# not a comment",
        "trailing #hash",
        "line\nbreak\r\nand\ttab",
        "  leading and trailing spaces  ",
        "unicode: æøå ÆØÅ – “curly” 🙂 \u{2028} \u{feff} \u{85} \u{7f} \u{0}",
        "1.0",
        "007",
        "0x1f",
        "1e3",
        "true",
        "false",
        "null",
        "~",
        "yes",
        ".inf",
        "-",
        "- item",
        "[a, b]",
        "{a: b}",
        "&anchor",
        "*alias",
        "!tag",
        "%directive",
        "@at",
        "`tick",
        "|",
        ">",
        "",
        " ",
        "sector:helse",
        "høy",
        "backslash \\ end\\",
    ];
    for s in hard {
        let value = json!({
            "id": s,
            "text": {"nb": s, "en": s},
            "list": [s, s],
            "steps": [{"nb": s}],
            "nested": {s: {"deep": [s, {"k": s}]}},
            s: s,
        });
        let yaml = entry_yaml(&value);
        assert_eq!(read_entry(&yaml), Ok(value.clone()), "{s:?}\n{yaml}");
        // Put into a file too: the entry reads back and the file checks as before.
        let file = [src("f.yaml", "tasks:\n  - id: other\n    n: 1\n")];
        let after = put_entry(&file, Section::Tasks, s, &value, None).unwrap();
        assert_eq!(find_entry(&after, Section::Tasks, s).unwrap().value, value);
        assert!(
            after[0]
                .text
                .starts_with("tasks:\n  - id: other\n    n: 1\n  - id: ")
        );
    }
    let numbers = json!({"id": "n", "i": -3, "f": 1.5, "big": 1e300, "small": 1e-7, "b": false, "z": null, "e": [], "m": {}});
    assert_eq!(read_entry(&entry_yaml(&numbers)), Ok(numbers));
}

#[test]
fn read_entry_takes_yaml_or_json_and_names_the_line_of_a_problem() {
    assert_eq!(
        read_entry("id: a\nname: {nb: \"A\"}\n"),
        Ok(json!({"id": "a", "name": {"nb": "A"}}))
    );
    assert_eq!(
        read_entry("{\"id\": \"a\", \"level\": 2}"),
        Ok(json!({"id": "a", "level": 2}))
    );
    assert_eq!(
        read_entry("- id: a\n  n: 1\n"),
        Ok(json!({"id": "a", "n": 1}))
    );
    assert_eq!(read_entry("id: a\nname: [\n").unwrap_err().0, 3);
    assert_eq!(read_entry("\n\n- a\n- b\n").unwrap_err().0, 3);
    assert_eq!(read_entry("id: a\nid: b\n").unwrap_err().0, 2);
    assert!(read_entry("just text").is_err());
    let deep = format!("id: a\nx: {}{}", "[".repeat(100), "]".repeat(100));
    assert!(read_entry(&deep).is_err());
}

#[test]
fn crlf_files_stay_crlf() {
    let text = "# c\r\ntasks:\r\n  - id: a\r\n    n: 1\r\n  # next\r\n  - id: b\r\n";
    let sources = [src("f.yaml", text)];
    let after = put_entry(
        &sources,
        Section::Tasks,
        "a",
        &json!({"id": "a", "n": 2}),
        None,
    )
    .unwrap();
    assert_eq!(
        after[0].text,
        "# c\r\ntasks:\r\n  - id: a\r\n    n: 2\r\n  # next\r\n  - id: b\r\n"
    );
    let after = put_entry(&after, Section::Tasks, "c", &json!({"id": "c"}), None).unwrap();
    assert!(after[0].text.ends_with("  - id: b\r\n  - id: c\r\n"));
}
#[test]
fn an_entry_block_yaml_cannot_hold_goes_as_one_json_line() {
    // YAML limits a block mapping's key to 1024 characters; a JSON flow mapping's is not.
    let long = "k".repeat(2000);
    let value = json!({"id": "a", long.clone(): "v"});
    assert!(read_entry(&entry_yaml(&value)).is_err());
    let file = [src("f.yaml", "tasks:\n  - id: b\n# end\n")];
    let after = put_entry(&file, Section::Tasks, "a", &value, None).unwrap();
    assert_eq!(
        after[0].text,
        format!("tasks:\n  - id: b\n  - {{\"id\": \"a\", \"{long}\": \"v\"}}\n# end\n")
    );
    assert_eq!(
        find_entry(&after, Section::Tasks, "a").unwrap().value,
        value
    );
}
