//! The fuzz targets: every reader of outside input, called the way the server and the command
//! line call it. A target returns `Ok` when the input was taken and `Err` when it was refused
//! cleanly; a panic, a stack overflow or an abort is a finding. `docs/FUZZING.md` says how
//! to run them; `tests/replay.rs` replays the corpora and the crashes found.

pub mod mutate;

use grunnmur_catalog::{
    CheckedCatalog, DeclarationDoc, Source, check_catalog, read_body_with, read_declaration,
};
use grunnmur_core::Workspace;
use grunnmur_oscal::{Document, MemLoader, ResolveOptions, parse_document, resolve_key};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One reader of outside input.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]) -> Result<(), String>,
    /// Tokens of the input's language, which mutation inserts.
    pub dict: &'static [&'static str],
    /// The largest input worth making (the request limit, or the file limit).
    pub max_len: usize,
}

const YAML_DICT: &[&str] = &[
    "- ", "-", ": ", ":", "\n", "\n  ", "  ", "[", "]", "{", "}", ",", "? ", "&a ", "*a", "!!str ",
    "!!int ", "!x ", "---\n", "...\n", "\"", "'", "#", "|\n", ">\n", "~", "null", "true", "1e309",
    "-0", "0x1", "\\u0000", "\t", "ø",
];

const JSON_DICT: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    "null",
    "true",
    "false",
    "-0",
    "1e999",
    "18446744073709551616",
    "\"\":",
    "{\"\":[",
    "[[[[",
];

const FORM_DICT: &[&str] = &[
    "&", "=", "%", "%00", "%ff", "%C3%B8", "+", "csrf=", "name=", "status=", "&&&&", "==",
];

/// Every target, in the order `run` fuzzes them.
pub const TARGETS: &[Target] = &[
    Target {
        name: "catalog_yaml",
        run: catalog_yaml,
        dict: YAML_DICT,
        max_len: 2 << 20,
    },
    Target {
        name: "draft_entry",
        run: draft_entry,
        dict: YAML_DICT,
        max_len: 1 << 20,
    },
    Target {
        name: "body_file",
        run: body_file,
        dict: YAML_DICT,
        max_len: 2 << 20,
    },
    Target {
        name: "declaration",
        run: declaration,
        dict: YAML_DICT,
        max_len: 2 << 20,
    },
    Target {
        name: "attestation",
        run: attestation,
        dict: &[".", "eyJ", "-", "_", "=", "A", "\n"],
        max_len: 1 << 16,
    },
    Target {
        name: "oscal_json",
        run: oscal_json,
        dict: JSON_DICT,
        max_len: 2 << 20,
    },
    Target {
        name: "xlsx_import",
        run: xlsx_import,
        dict: &["\t", "\n", "## ", "#", "@", "!", "\n## systems\n", "=", ","],
        max_len: 1 << 20,
    },
    Target {
        name: "api_json",
        run: api_json,
        dict: JSON_DICT,
        max_len: 2 << 20,
    },
    Target {
        name: "forms",
        run: forms,
        dict: FORM_DICT,
        max_len: 2 << 20,
    },
    Target {
        name: "evidence_file",
        run: evidence_file,
        dict: &[
            "%PDF-",
            "PK\x03\x04",
            "\n",
            ".pdf",
            ".txt",
            ".docx",
            "/",
            "\\",
            "..",
            "\0",
        ],
        max_len: 1 << 16,
    },
];

pub fn target(name: &str) -> Option<&'static Target> {
    TARGETS.iter().find(|t| t.name == name)
}

/// The fuzz folder (corpora, crashes) of the repository.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Every problem's message rendered, as the server and the command line render them.
fn render(problems: &[grunnmur_catalog::Problem]) {
    for p in problems {
        let (key, args) = p.kind.message_parts();
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        grunnmur_i18n::t(grunnmur_i18n::Lang::En, &key, &args);
    }
}

fn refused<T>(what: &str, n: usize) -> Result<T, String> {
    Err(format!("{what}: {n} problem(s)"))
}

/// The bundled catalog, read once: what the server checks body files against.
fn catalog() -> &'static CheckedCatalog {
    static C: OnceLock<CheckedCatalog> = OnceLock::new();
    C.get_or_init(|| {
        grunnmur_catalog::load_catalog(None)
            .0
            .expect("the bundled catalog is valid")
    })
}

/// The example municipality against the bundled catalog: the base of imports and checks.
fn example() -> &'static (grunnmur_catalog::BodyDoc, Workspace) {
    static W: OnceLock<(grunnmur_catalog::BodyDoc, Workspace)> = OnceLock::new();
    W.get_or_init(|| {
        let path = dir().join("../examples/kommune.yaml");
        let src = Source {
            name: "kommune.yaml".into(),
            text: std::fs::read_to_string(path).expect("examples/kommune.yaml"),
        };
        read_body_with(&src, &catalog().catalog, example_declarations())
            .expect("the example is valid")
    })
}

/// The suppliers' declarations the example municipality links.
fn example_declarations() -> &'static [DeclarationDoc] {
    static D: OnceLock<Vec<DeclarationDoc>> = OnceLock::new();
    D.get_or_init(|| {
        let path = dir().join("../examples/declarations");
        let (docs, _) =
            grunnmur_catalog::files::load_declarations(&path, &catalog().catalog, read_declaration);
        docs.expect("the example declarations are valid")
    })
}

/// A catalog file, as a release upload or `catalog validate` reads it; every problem's
/// message is rendered too.
fn catalog_yaml(b: &[u8]) -> Result<(), String> {
    let src = Source {
        name: "catalog.yaml".into(),
        text: text(b),
    };
    let (checked, problems) = check_catalog(&[src]);
    render(&problems);
    match checked {
        Some(_) => Ok(()),
        None => refused("catalog", problems.len()),
    }
}

/// The small catalog's files: the draft an uploaded entry goes into.
fn small_files() -> &'static [Source] {
    static F: OnceLock<Vec<Source>> = OnceLock::new();
    F.get_or_init(|| {
        let path =
            dir().join("../crates/grunnmur-catalog/tests/fixtures/small/catalog/catalog.yaml");
        vec![Source {
            name: "catalog/catalog.yaml".into(),
            text: std::fs::read_to_string(path).expect("the small catalog"),
        }]
    })
}

/// A catalog entry as `PUT /api/catalog/drafts/{id}/entries/{kind}/{entry_id}` reads it (YAML
/// or JSON), put into a draft (in the section its keys suggest) and the draft checked as the
/// server checks it. Put, the entry must read back as given and come out again.
fn draft_entry(b: &[u8]) -> Result<(), String> {
    use grunnmur_catalog::draft::{Section, find_entry, put_entry, read_entry, remove_entry};
    let v = read_entry(&text(b)).map_err(|(line, m)| format!("line {line}: {m}"))?;
    let id = v
        .get("id")
        .and_then(|x| x.as_str())
        .unwrap_or("x")
        .to_string();
    // The section the entry's keys suggest, as an author means it; else by the first byte.
    let has = |k: &str| v.get(k).is_some();
    let section = if has("levels") {
        Section::InfoTypes
    } else if has("level") {
        Section::Measures
    } else if has("add") || has("level_overrides") {
        Section::Profiles
    } else if has("info_types") {
        Section::Tasks
    } else if has("source") {
        Section::Requirements
    } else {
        Section::ALL[usize::from(b.first().copied().unwrap_or(0)) % Section::ALL.len()]
    };
    let files = small_files();
    let after = put_entry(files, section, &id, &v, None).map_err(|e| e.to_string())?;
    let back = find_entry(&after, section, &id).expect("an entry put is found");
    assert_eq!(back.value, v, "an entry put reads back as given");
    remove_entry(&after, section, &id).expect("an entry put can be removed");
    let (checked, problems) = check_catalog(&after);
    render(&problems);
    match checked {
        Some(_) => Ok(()),
        None => refused("draft", problems.len()),
    }
}

/// The corpus's supplier declaration, as published: what body files' services may name.
fn published() -> &'static [DeclarationDoc] {
    static D: OnceLock<Vec<DeclarationDoc>> = OnceLock::new();
    D.get_or_init(|| {
        let src = Source {
            name: "acme.yaml".into(),
            text: std::fs::read_to_string(dir().join("corpus/declaration/acme.yaml"))
                .expect("the declaration corpus"),
        };
        vec![
            read_declaration(&src, &catalog().catalog)
                .expect("valid")
                .doc,
        ]
    })
}

/// A supplier's declaration (`PUT …/declarations/{id}`, `assess --declarations`) in any of its
/// forms (YAML, JSON, an OSCAL component definition), checked against the bundled catalog,
/// every warning's message rendered.
fn declaration(b: &[u8]) -> Result<(), String> {
    let src = Source {
        name: "declaration.yaml".into(),
        text: text(b),
    };
    match grunnmur_oscal::component::read_any_declaration(&src, &catalog().catalog) {
        Ok(d) => {
            render(&d.warnings);
            Ok(())
        }
        Err(p) => refused("declaration", p.len()),
    }
}

/// The public key that signed the corpus's attestation and revocation list.
const ATTESTATION_KEY: &str = r#"{"kty": "OKP", "crv": "Ed25519", "x": "2xc3rOF6ZKSc7vrLTgp5SOV693hFHvj5isRcRGs6Flo", "kid": "aJcx9ZicfQuGVxzvumeIwTvXaG4HrWZG-4r6NWFz9h8"}"#;

/// An attestation or a revocation list (`grunnmur attest verify`, the verification page).
fn attestation(b: &[u8]) -> Result<(), String> {
    let key: grunnmur_attest::PublicJwk =
        serde_json::from_str(ATTESTATION_KEY).map_err(|e| e.to_string())?;
    let keys = [key];
    let token = text(b);
    let list = grunnmur_attest::verify_revocations(&token, &keys).ok();
    grunnmur_attest::verify(&token, &keys, 1_800_000_000, list.as_ref())
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// A body file (workspace PUT, `assess`), checked against the bundled catalog and the
/// published declaration, and assessed.
fn body_file(b: &[u8]) -> Result<(), String> {
    let src = Source {
        name: "body.yaml".into(),
        text: text(b),
    };
    let cat = catalog();
    let (_, ws) =
        read_body_with(&src, &cat.catalog, published()).or_else(|p| refused("body", p.len()))?;
    let today = grunnmur_core::Date::parse("2026-12-01").expect("a date");
    let a = grunnmur_core::assess(&cat.catalog, &ws, today);
    grunnmur_core::report::AssessReport::new(&cat.catalog, &ws, &a, today);
    Ok(())
}

const MINI_CATALOG: &str =
    include_str!("../../crates/grunnmur-oscal/tests/fixtures/mini-catalog.json");

/// An OSCAL document; a profile is resolved against a small catalog, a catalog is resolved
/// through a profile that imports all of it (the lazy path for JSON).
fn oscal_json(b: &[u8]) -> Result<(), String> {
    let t = text(b);
    let opts = ResolveOptions::default();
    match parse_document("fuzz.json", &t).map_err(|e| e.to_string())? {
        Document::Profile(_) => {
            let loader = MemLoader::new()
                .with("fuzz.json", t)
                .with("mini-catalog.json", MINI_CATALOG)
                .with("catalog.json", MINI_CATALOG);
            resolve_key(&loader, "fuzz.json", &opts).map_err(|e| e.to_string())?;
        }
        Document::Catalog(c) => {
            c.control_ids();
            let profile = r#"{"profile": {"uuid": "u", "metadata": {"title": "p", "last-modified": "2026-01-01T00:00:00Z", "version": "1", "oscal-version": "1.1.3"},
                "imports": [{"href": "fuzz.json", "include-all": {}}]}}"#;
            let loader = MemLoader::new()
                .with("fuzz.json", t)
                .with("p.json", profile);
            resolve_key(&loader, "p.json", &opts).map_err(|e| e.to_string())?;
        }
        Document::SystemSecurityPlan(_) => {}
    }
    Ok(())
}

/// A workspace workbook. An input that is not a zip file is a sketch of one, turned into a
/// real workbook first: `## sheet` lines, then rows of tab-separated cells (`#1.5` a number,
/// `@2026-01-01` a date, `!true` a boolean, anything else text), so that mutation reaches the
/// cells and not only the zip container.
fn xlsx_import(b: &[u8]) -> Result<(), String> {
    let bytes = if b.starts_with(b"PK") {
        b.to_vec()
    } else {
        sketch_to_xlsx(&text(b))?
    };
    let (base, _) = example();
    let opts = grunnmur_report::ImportOptions {
        declarations: example_declarations().to_vec(),
        ..grunnmur_report::ImportOptions::default()
    };
    grunnmur_report::import_workspace_with(&bytes, base, &catalog().catalog, &opts)
        .map(|_| ())
        .or_else(|p| refused("workbook", p.len()))
}

/// The workbook a sketch describes.
pub fn sketch_to_xlsx(sketch: &str) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{ExcelDateTime, Workbook};
    let mut wb = Workbook::new();
    let mut ws = None;
    let mut row = 0u32;
    for line in sketch.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            let s = wb.add_worksheet();
            s.set_name(name).map_err(|e| e.to_string())?;
            ws = Some(wb.worksheets_mut().len() - 1);
            row = 0;
            continue;
        }
        let Some(n) = ws else { continue };
        let s = &mut wb.worksheets_mut()[n];
        for (c, cell) in line.split('\t').enumerate() {
            let col = u16::try_from(c).map_err(|e| e.to_string())?;
            let r = if let Some(x) = cell.strip_prefix('#') {
                match x.parse::<f64>() {
                    Ok(f) => s.write_number(row, col, f).map(|_| ()),
                    Err(_) => s.write_string(row, col, cell).map(|_| ()),
                }
            } else if let Some(d) = cell.strip_prefix('@') {
                match ExcelDateTime::parse_from_str(d) {
                    Ok(d) => s.write_datetime(row, col, &d).map(|_| ()),
                    Err(_) => s.write_string(row, col, cell).map(|_| ()),
                }
            } else if let Some(x) = cell.strip_prefix('!') {
                s.write_boolean(row, col, x == "true").map(|_| ())
            } else if cell.is_empty() {
                Ok(())
            } else {
                s.write_string(row, col, cell).map(|_| ())
            };
            r.map_err(|e| e.to_string())?;
        }
        row += 1;
    }
    wb.save_to_buffer().map_err(|e| e.to_string())
}

/// A JSON request body of the API. The first byte picks the request (the handlers read each
/// with `parse_json` after the caller's role is checked); a workspace goes through the body
/// reader, a risk assessment through its checks.
fn api_json(b: &[u8]) -> Result<(), String> {
    let Some((&pick, rest)) = b.split_first() else {
        return Err("empty".into());
    };
    let body = text(rest);
    use grunnmur_web::{api, release_api, risk_api};
    match pick % 8 {
        0 => request::<api::LoginRequest>(&body).map(drop),
        1 => request::<api::NewBody>(&body).map(drop),
        2 => request::<api::MeasurePatch>(&body).map(drop),
        3 => request::<risk_api::NewRiskAssessment>(&body).map(drop),
        4 => request::<risk_api::AcceptRequest>(&body).map(drop),
        5 => request::<release_api::PinRequest>(&body).map(drop),
        6 => {
            let doc: grunnmur_core::risk::RiskAssessment = request(&body)?;
            let (_, ws) = example();
            let problems = doc.check(&catalog().catalog, ws);
            doc.evaluate();
            if problems.is_empty() {
                Ok(())
            } else {
                refused("risk assessment", problems.len())
            }
        }
        _ => body_file(rest),
    }
}

/// A request body read as the handlers read it (`parse_json`).
fn request<T: serde::de::DeserializeOwned>(body: &str) -> Result<T, String> {
    grunnmur_web::error::parse_json(body).map_err(|e| format!("{e:?}").chars().take(200).collect())
}

/// An urlencoded form as the pages read it.
fn forms(b: &[u8]) -> Result<(), String> {
    let f = grunnmur_ui::page::FormData::parse(b).map_err(|e| format!("{e:?}"))?;
    f.get("csrf");
    f.opt("name");
    f.all("tasks");
    Ok(())
}

/// An uploaded evidence file as the server checks it: the first line is the name the browser
/// gave, the rest the content.
fn evidence_file(b: &[u8]) -> Result<(), String> {
    use grunnmur_web::evidence::{clean_name, content_type};
    let at = b.iter().position(|&c| c == b'\n').unwrap_or(b.len());
    let name = String::from_utf8_lossy(&b[..at]);
    let data = b.get(at + 1..).unwrap_or_default();
    let name = clean_name(&name).ok_or("no name")?;
    content_type(&name, data)
        .map(drop)
        .map_err(|r| r.code().to_string())
}

/// Runs one input through a target on a thread with the stack of the server's workers
/// (2 MiB, tokio's default), so that a stack overflow found here is one the server has.
/// `Err` holds the panic's message.
pub fn run_on_worker_stack(
    t: &'static Target,
    input: Vec<u8>,
) -> Result<Result<(), String>, String> {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || (t.run)(&input))
        .expect("a thread")
        .join()
        .map_err(|p| {
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        })
}
