//! Every corpus entry and every crash found so far, through its reader, on the stack of the
//! server's workers: no panic, no stack overflow, a clean answer (taken or refused).

use grunnmur_fuzz::{TARGETS, dir, run_on_worker_stack};

#[test]
fn every_corpus_and_crash_file_is_read_cleanly() {
    let mut seen = 0;
    for t in TARGETS {
        let mut files = Vec::new();
        for sub in ["corpus", "crashes"] {
            if let Ok(entries) = std::fs::read_dir(dir().join(sub).join(t.name)) {
                files.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
            }
        }
        files.retain(|p| {
            p.file_name()
                .is_some_and(|n| n != "README.md" && n != ".gitkeep")
        });
        files.sort();
        assert!(!files.is_empty(), "{}: no corpus", t.name);
        for path in files {
            let input = std::fs::read(&path).unwrap();
            let out = run_on_worker_stack(t, input);
            assert!(
                out.is_ok(),
                "{}: panic on {}: {:?}",
                t.name,
                path.display(),
                out
            );
            seen += 1;
        }
    }
    assert!(seen >= TARGETS.len());
}
