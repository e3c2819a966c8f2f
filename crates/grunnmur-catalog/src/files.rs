//! Reading catalog sources from disk, or from the copy embedded in the binary.

use crate::check::Source;
use crate::problem::{Problem, ProblemKind};
use std::path::{Path, PathBuf};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The shared catalog bundled with the binary.
pub fn bundled_sources() -> Vec<Source> {
    bundled::BUNDLED
        .iter()
        .map(|(name, text)| Source {
            name: (*name).to_string(),
            text: (*text).to_string(),
        })
        .collect()
}

/// Every `*.yaml` / `*.yml` under a folder (sorted by path), or a single file.
pub fn read_sources(path: &Path) -> Result<Vec<Source>, Problem> {
    read_sources_of(path, &["yaml", "yml"])
}

/// Every `*.yaml`, `*.yml` and `*.json` under a folder (sorted by path), or a single file:
/// suppliers' declarations, in any form they are written.
pub fn read_declaration_sources(path: &Path) -> Result<Vec<Source>, Problem> {
    read_sources_of(path, &["yaml", "yml", "json"])
}

/// Every declaration under a folder (or one file), each read with `read` and checked against
/// the catalog: the declarations when none has an error, and every problem and warning.
pub fn load_declarations(
    path: &Path,
    cat: &grunnmur_core::Catalog,
    read: crate::declaration::Reader,
) -> (Option<Vec<crate::DeclarationDoc>>, Vec<Problem>) {
    match read_declaration_sources(path) {
        Ok(sources) => crate::declaration::read_declarations_with(&sources, cat, read),
        Err(p) => (None, vec![p]),
    }
}

fn read_sources_of(path: &Path, exts: &[&str]) -> Result<Vec<Source>, Problem> {
    let io = |p: &Path, e: std::io::Error| {
        Problem::error(
            &p.display().to_string(),
            0,
            ProblemKind::Io {
                detail: e.to_string(),
            },
        )
    };
    let meta = std::fs::metadata(path).map_err(|e| io(path, e))?;
    let mut files = Vec::new();
    if meta.is_dir() {
        collect(path, exts, &mut files).map_err(|e| io(path, e))?;
        files.sort();
    } else {
        files.push(path.to_path_buf());
    }
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).map_err(|e| io(&f, e))?;
            Ok(Source {
                name: f.display().to_string(),
                text,
            })
        })
        .collect()
}

/// A file's name in a release: `catalog/` and its path below the catalog's folder (or, for a
/// catalog in one file, its file name).
pub fn release_name(root: &Path, name: &str) -> String {
    let file = Path::new(name);
    let rel = if root.is_dir() {
        file.strip_prefix(root).unwrap_or(file)
    } else {
        Path::new(file.file_name().unwrap_or(file.as_os_str()))
    };
    format!("catalog/{}", rel.to_string_lossy().replace('\\', "/"))
}

fn collect(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            collect(&p, exts, out)?;
        } else if p.extension().is_some_and(|x| exts.iter().any(|e| x == *e)) {
            out.push(p);
        }
    }
    Ok(())
}

/// One file as a source.
pub fn read_source(path: &Path) -> Result<Source, Problem> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Problem::error(
            &path.display().to_string(),
            0,
            ProblemKind::Io {
                detail: e.to_string(),
            },
        )
    })?;
    Ok(Source {
        name: path.display().to_string(),
        text,
    })
}
