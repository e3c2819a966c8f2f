//! `grunnmur catalog draft-import`: authors keep the catalog in git; this uploads their folder
//! to the draft of the same catalog and version on a server, entry by entry, through the same
//! API the web application's forms use — so every change is checked, recorded with a reason,
//! and becomes a proposal where it touches another owner's entry.

use crate::output::print_problems;
use grunnmur_catalog::draft::{self, Section};
use grunnmur_i18n::{Lang, t};
use reqwest::blocking::Client;
use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct DraftImportArgs {
    /// The catalog folder (its header names the catalog and the draft's version).
    pub dir: PathBuf,
    /// The server's address, e.g. https://grunnmur.example.no
    #[arg(long)]
    pub server: String,
    /// An API token of a catalog editor (`grunnmur token create`, or the account page).
    #[arg(long, env = "GRUNNMUR_TOKEN", hide_env_values = true)]
    pub token: String,
    /// Why: recorded with every change (the release notes show it).
    #[arg(long, default_value = "draft-import")]
    pub reason: String,
}

/// One step of an import, in the order it is sent.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    Put {
        section: Section,
        id: String,
        file: String,
        entry: Value,
    },
    Delete {
        section: Section,
        id: String,
    },
}

/// What to send so the draft holds the folder's entries: changed and new entries first, in
/// the order sections refer to each other (requirements and activities before the information
/// types, tasks and measures that name them, profiles last), then removals in reverse order —
/// so each step leaves a draft that checks whenever the folder itself does.
pub fn plan(
    local: Vec<(Section, String, String, Value)>,
    remote: &[(Section, String, Value)],
) -> Vec<Step> {
    let remote: BTreeMap<(Section, &str), &Value> = (remote.iter())
        .map(|(s, id, v)| ((*s, id.as_str()), v))
        .collect();
    let mut puts: Vec<Step> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for (section, id, file, entry) in local {
        seen.insert((section, id.clone()));
        if remote.get(&(section, id.as_str())) != Some(&&entry) {
            puts.push(Step::Put {
                section,
                id,
                file,
                entry,
            });
        }
    }
    let order = |s: &Section| Section::ALL.iter().position(|x| x == s);
    puts.sort_by_key(|s| match s {
        Step::Put { section, .. } | Step::Delete { section, .. } => order(section),
    });
    let mut deletes: Vec<Step> = (remote.keys())
        .filter(|(s, id)| !seen.contains(&(*s, id.to_string())))
        .map(|(s, id)| Step::Delete {
            section: *s,
            id: id.to_string(),
        })
        .collect();
    deletes.sort_by_key(|s| match s {
        Step::Put { section, .. } | Step::Delete { section, .. } => {
            std::cmp::Reverse(order(section))
        }
    });
    puts.extend(deletes);
    puts
}

#[derive(Deserialize)]
struct DraftInfo {
    id: i64,
    catalog_id: String,
    version: String,
    state: String,
}

#[derive(Deserialize)]
struct RemoteEntry {
    section: Section,
    id: String,
    entry: Value,
}

pub fn run(lang: Lang, a: DraftImportArgs) -> anyhow::Result<ExitCode> {
    let (loaded, problems) = grunnmur_catalog::load_release(Some(&a.dir));
    print_problems(lang, &problems);
    let Some((checked, files)) = loaded else {
        return Ok(ExitCode::FAILURE);
    };
    let (catalog_id, version) = (&checked.doc.catalog.id, &checked.doc.catalog.version);
    let base = a.server.trim_end_matches('/');
    let http = Client::builder()
        .timeout(std::time::Duration::from_secs(120))
        .build()?;
    let get = |path: &str| -> anyhow::Result<reqwest::blocking::Response> {
        let res = http
            .get(format!("{base}{path}"))
            .bearer_auth(&a.token)
            .send()?;
        anyhow::ensure!(
            res.status().is_success(),
            "GET {path}: {} {}",
            res.status(),
            res.text().unwrap_or_default()
        );
        Ok(res)
    };
    let drafts: Vec<DraftInfo> = get("/api/catalog/drafts")?.json()?;
    let Some(d) = (drafts.iter())
        .find(|d| &d.catalog_id == catalog_id && &d.version == version && d.state == "open")
    else {
        let args = [
            ("catalog", catalog_id.as_str()),
            ("version", version.as_str()),
        ];
        eprintln!("{}", t(lang, "cli-draft-import-no-draft", &args));
        return Ok(ExitCode::FAILURE);
    };
    let remote: Vec<RemoteEntry> = get(&format!("/api/catalog/drafts/{}/entries", d.id))?.json()?;
    let remote: Vec<(Section, String, Value)> = (remote.into_iter())
        .map(|e| (e.section, e.id, e.entry))
        .collect();
    let local = (draft::entries(&files).into_iter())
        .map(|(s, id, file, v)| (s, id, files[file].name.clone(), v))
        .collect();
    let steps = plan(local, &remote);
    let (mut changed, mut proposed, mut failed) = (0, 0, 0);
    for step in &steps {
        let (req, what) = match step {
            Step::Put {
                section,
                id,
                file,
                entry,
            } => {
                let url = format!(
                    "{base}/api/catalog/drafts/{}/entries/{}/{id}",
                    d.id,
                    section.as_str()
                );
                let req = (http.put(url))
                    .query(&[("reason", a.reason.as_str()), ("file", file.as_str())])
                    .json(entry);
                (req, format!("{}/{id}", section.as_str()))
            }
            Step::Delete { section, id } => {
                let url = format!(
                    "{base}/api/catalog/drafts/{}/entries/{}/{id}",
                    d.id,
                    section.as_str()
                );
                let req = http.delete(url).query(&[("reason", a.reason.as_str())]);
                (req, format!("{}/{id}", section.as_str()))
            }
        };
        let res = req.bearer_auth(&a.token).send()?;
        let status = res.status();
        let key = match status.as_u16() {
            200 => {
                changed += 1;
                "cli-draft-import-changed"
            }
            202 => {
                proposed += 1;
                "cli-draft-import-proposed"
            }
            _ => {
                failed += 1;
                "cli-draft-import-failed"
            }
        };
        let body = if status.is_success() {
            String::new()
        } else {
            res.text().unwrap_or_default()
        };
        let args = [("entry", what.as_str()), ("detail", body.as_str())];
        println!("{}", t(lang, key, &args));
    }
    let n = |x: usize| x.to_string();
    let (c, p, f) = (n(changed), n(proposed), n(failed));
    let args = [
        ("changed", c.as_str()),
        ("proposed", p.as_str()),
        ("failed", f.as_str()),
    ];
    println!("{}", t(lang, "cli-draft-import-done", &args));
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_plan_sends_what_differs_in_reference_order_and_removes_last() {
        let local = vec![
            (
                Section::Tasks,
                "t1".into(),
                "catalog/tasks.yaml".into(),
                json!({"id": "t1", "x": 2}),
            ),
            (
                Section::InfoTypes,
                "i2".into(),
                "catalog/i.yaml".into(),
                json!({"id": "i2"}),
            ),
            (
                Section::Tasks,
                "t2".into(),
                "catalog/tasks.yaml".into(),
                json!({"id": "t2"}),
            ),
        ];
        let remote = vec![
            (
                Section::Tasks,
                "t1".to_string(),
                json!({"id": "t1", "x": 1}),
            ),
            (Section::Tasks, "t2".to_string(), json!({"id": "t2"})),
            (Section::InfoTypes, "i1".to_string(), json!({"id": "i1"})),
            (Section::Tasks, "t3".to_string(), json!({"id": "t3"})),
        ];
        let steps = plan(local, &remote);
        let names: Vec<String> = (steps.iter())
            .map(|s| match s {
                Step::Put { id, .. } => format!("put {id}"),
                Step::Delete { id, .. } => format!("delete {id}"),
            })
            .collect();
        // The new information type before the task that may name it; t2 is unchanged; the
        // task is removed before the information type it may have named.
        assert_eq!(names, ["put i2", "put t1", "delete t3", "delete i1"]);
    }
}
