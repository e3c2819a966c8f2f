//! `grunnmur-fuzz`: a mutation fuzzer for the readers of outside input (docs/FUZZING.md).
//!
//! ```text
//! grunnmur-fuzz run [--seconds N] [--target NAME]... [--seed S]
//! grunnmur-fuzz seeds        (writes the generated seeds: the workbook corpus)
//! ```
//!
//! Each target runs in a child process of its own, so that a stack overflow or an abort is
//! a finding and not the end of the run. Inputs follow from the seed alone; when a child dies,
//! it is run again with the same seed, writing each input before running it, and the input
//! it dies on is kept in `crashes/<target>/`. A panic is caught in the child and kept the
//! same way. The exit code is 1 when anything was found.

use grunnmur_fuzz::mutate::{Rng, mutate};
use grunnmur_fuzz::{TARGETS, Target, dir, run_on_worker_stack, target};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

fn main() -> anyhow::Result<ExitCode> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let opt = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|n| args.get(n + 1))
            .cloned()
    };
    match args.first().map(String::as_str) {
        Some("run") => {
            let seconds: u64 = opt("--seconds").map_or(Ok(60), |s| s.parse())?;
            let seed: u64 = opt("--seed").map_or(Ok(now_seed()), |s| s.parse())?;
            let chosen: Vec<&Target> = args
                .windows(2)
                .filter(|w| w[0] == "--target")
                .map(|w| target(&w[1]).ok_or_else(|| anyhow::anyhow!("no target {}", w[1])))
                .collect::<Result<_, _>>()?;
            let chosen = if chosen.is_empty() {
                TARGETS.iter().collect()
            } else {
                chosen
            };
            let each = Duration::from_secs(seconds) / chosen.len() as u32;
            let mut found = 0;
            for t in chosen {
                found += parent(t, each, seed)?;
            }
            println!("fuzz: seed {seed}; {found} finding(s)");
            Ok(if found == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        Some("child") => {
            let t = target(&args[1]).ok_or_else(|| anyhow::anyhow!("no target"))?;
            let millis: u64 = args[2].parse()?;
            let seed: u64 = args[3].parse()?;
            let record = args.get(4).map(PathBuf::from);
            child(t, Duration::from_millis(millis), seed, record.as_deref())
        }
        Some("seeds") => {
            seeds()?;
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            eprintln!(
                "usage: grunnmur-fuzz run [--seconds N] [--target NAME]... [--seed S] | seeds"
            );
            Ok(ExitCode::from(2))
        }
    }
}

fn now_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_secs())
}

/// Runs a target's child; if it dies, runs it again recording, and keeps the input it dies
/// on. The number of findings.
fn parent(t: &Target, time: Duration, seed: u64) -> anyhow::Result<usize> {
    let exe = std::env::current_exe()?;
    let millis = time.as_millis().to_string();
    let status = Command::new(&exe)
        .args(["child", t.name, &millis, &seed.to_string()])
        .status()?;
    match status.code() {
        Some(0) => Ok(0),
        // The child kept its panics itself.
        Some(3) => Ok(1),
        _ => {
            eprintln!(
                "fuzz {}: the child died ({status}); finding the input",
                t.name
            );
            let record = std::env::temp_dir().join(format!("grunnmur-fuzz-{}.input", t.name));
            // The same seed makes the same inputs, so it dies at the same one again.
            Command::new(&exe)
                .args(["child", t.name, &millis, &seed.to_string()])
                .arg(&record)
                .status()?;
            let input = std::fs::read(&record)?;
            let kept = keep(t, &input)?;
            eprintln!("fuzz {}: kept {}", t.name, kept.display());
            Ok(1)
        }
    }
}

/// The corpus of a target: its seed inputs and the crashes found before.
fn corpus(t: &Target) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for sub in ["corpus", "crashes"] {
        let Ok(entries) = std::fs::read_dir(dir().join(sub).join(t.name)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        out.extend(paths.iter().filter_map(|p| std::fs::read(p).ok()));
    }
    if out.is_empty() {
        out.push(Vec::new());
    }
    out
}

/// Keeps an input in `crashes/<target>/`, named by its hash.
fn keep(t: &Target, input: &[u8]) -> anyhow::Result<PathBuf> {
    let d = dir().join("crashes").join(t.name);
    std::fs::create_dir_all(&d)?;
    let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    let path = d.join(format!("crash-{hash:016x}"));
    std::fs::write(&path, input)?;
    Ok(path)
}

/// The fuzzing loop; with `record`, each input is written there before it runs (and it may
/// take longer: writing costs time). Exit code 3 when a panic was kept.
fn child(
    t: &'static Target,
    time: Duration,
    seed: u64,
    record: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    // Panics are findings, reported by the loop: not printed once per input.
    std::panic::set_hook(Box::new(|_| {}));
    let corpus = corpus(t);
    let mut rng = Rng::new(seed ^ t.name.len() as u64);
    let start = Instant::now();
    let (mut runs, mut taken, mut panics) = (0u64, 0u64, 0usize);
    let mut slowest = (Duration::ZERO, 0usize);
    // Every corpus entry as it is first, then mutations.
    let mut queue = corpus.clone().into_iter();
    let time = if record.is_some() {
        time * 4 + Duration::from_secs(10)
    } else {
        time
    };
    loop {
        if start.elapsed() >= time {
            break;
        }
        let input = queue.next().unwrap_or_else(|| {
            let base = &corpus[rng.below(corpus.len())];
            mutate(&mut rng, base, &corpus, t.dict, t.max_len)
        });
        if let Some(r) = record {
            std::fs::write(r, &input)?;
        }
        let len = input.len();
        let began = Instant::now();
        match run_on_worker_stack(t, input.clone()) {
            Ok(Ok(())) => taken += 1,
            Ok(Err(_)) => {}
            Err(msg) => {
                panics += 1;
                let kept = keep(t, &input)?;
                eprintln!("fuzz {}: panic: {msg} (kept {})", t.name, kept.display());
            }
        }
        let took = began.elapsed();
        if took > slowest.0 {
            slowest = (took, len);
        }
        runs += 1;
    }
    println!(
        "fuzz {}: {runs} inputs in {:.0?} ({taken} taken, {} refused, {panics} panics); slowest {:.0?} ({} bytes)",
        t.name,
        start.elapsed(),
        runs - taken - panics as u64,
        slowest.0,
        slowest.1
    );
    Ok(if panics == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// Writes the seeds that are made rather than written: the workbook of the example
/// municipality, as a file and as a sketch.
fn seeds() -> anyhow::Result<()> {
    use calamine::{Data, Reader, Xlsx};
    let base = std::fs::read_to_string(dir().join("../examples/kommune.yaml"))?;
    let cat = grunnmur_catalog::load_catalog(None)
        .0
        .expect("bundled catalog");
    let src = grunnmur_catalog::Source {
        name: "kommune.yaml".into(),
        text: base,
    };
    let (decls, _) = grunnmur_catalog::files::load_declarations(
        &dir().join("../examples/declarations"),
        &cat.catalog,
        grunnmur_catalog::read_declaration,
    );
    let decls = decls.ok_or_else(|| anyhow::anyhow!("examples/declarations"))?;
    let (doc, _) = grunnmur_catalog::read_body_with(&src, &cat.catalog, &decls)
        .map_err(|p| anyhow::anyhow!("{p:?}"))?;
    let bytes = grunnmur_report::export_workspace(&doc, grunnmur_i18n::Lang::En)?;
    let d = dir().join("corpus/xlsx_import");
    std::fs::create_dir_all(&d)?;
    std::fs::write(d.join("kommune.xlsx"), &bytes)?;
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))?;
    let mut sketch = String::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name)?;
        sketch.push_str(&format!("## {name}\n"));
        for row in range.rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::Float(f) => format!("#{f}"),
                    Data::Int(i) => format!("#{i}"),
                    Data::Bool(b) => format!("!{b}"),
                    Data::DateTime(d) => format!("@{}", date_of_serial(d.as_f64())),
                    other => other.to_string().replace(['\t', '\n'], " "),
                })
                .collect();
            sketch.push_str(&cells.join("\t"));
            sketch.push('\n');
        }
    }
    std::fs::write(d.join("kommune.sketch"), sketch)?;
    Ok(())
}

/// The calendar date of a spreadsheet's day number (days since 1899-12-30; 25,569 is
/// 1970-01-01).
fn date_of_serial(serial: f64) -> String {
    let days = (serial.floor() as i64 - 25_569).max(0) as u64;
    grunnmur_oscal::timestamp_from_unix(days * 86_400)[..10].to_string()
}
