//! Catalog drafts through the pages (issue 14): an editor changes their own entry in its form
//! and lands back on it with the confirmation; a change to another owner's entry becomes a
//! proposal the owner's editor accepts; a wrong value shows its problem at the field and stores
//! nothing; every entry's form reads back as the entry it shows; a member of a body changes
//! nothing and sees only their body's comments; every page in bokmål and English.

use crate::{apps, publish_small, start};
use grunnmur_testkit::testing::sqlite;
use grunnmur_testkit::*;
use grunnmur_web::drafts::ChangeOut;
use reqwest::StatusCode;

/// A catalog editor of `owners`, signed in through the login form.
async fn editor(app: &Site, email: &str, owners: &[&str]) -> Session {
    let id = add_user(&app.store, email, false).await;
    let owners: Vec<String> = owners.iter().map(|o| o.to_string()).collect();
    (app.store)
        .set_catalog_editor(id, Some(&owners), "test")
        .await
        .unwrap();
    app.login(email).await
}

/// The small catalog published as 1.0, and a draft of 1.1 begun through the form: its path.
async fn draft(app: &Site, s: &Session) -> String {
    publish_small(app, "1.0", |t| t).await;
    let form = [
        ("csrf", s.csrf.as_str()),
        ("base", "1.0"),
        ("version", "1.1"),
    ];
    let res = app.post(&s.cookie, "/catalog/drafts", &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = location(&res);
    assert!(to.ends_with("?saved=1"), "{to}");
    to.trim_end_matches("?saved=1").to_string()
}

fn draft_id(path: &str) -> i64 {
    path.rsplit('/').next().unwrap().parse().unwrap()
}

fn day(offset: i64) -> String {
    let t = grunnmur_web::state::today();
    grunnmur_core::Date::from_days_since_epoch(t.days_since_epoch() + offset).to_string()
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let at = tag.find(&key)? + key.len();
    Some(unescape(tag[at..].split('"').next()?))
}

fn has_attr(tag: &str, name: &str) -> bool {
    tag.contains(&format!(" {name}>"))
        || tag.contains(&format!(" {name} "))
        || tag.contains(&format!(" {name}="))
}

/// The fields a browser sends with the form that opens with `opening` (`<form … id="x"`), as
/// the page fills them: inputs (ticked boxes only), chosen options, text areas.
fn form_fields(html: &str, opening: &str) -> Vec<(String, String)> {
    let start = html
        .find(opening)
        .unwrap_or_else(|| panic!("{opening} in {html}"));
    let form = &html[start..start + html[start..].find("</form>").unwrap()];
    let mut out = Vec::new();
    let mut rest = form;
    while let Some(open) = rest.find('<') {
        rest = &rest[open..];
        let end = rest.find('>').unwrap();
        let tag = &rest[..=end];
        let after = &rest[end + 1..];
        if tag.starts_with("<input ") {
            let kind = attr(tag, "type").unwrap_or_default();
            if let Some(name) = attr(tag, "name")
                && (kind != "checkbox" || has_attr(tag, "checked"))
            {
                out.push((name, attr(tag, "value").unwrap_or_default()));
            }
        } else if tag.starts_with("<textarea ") {
            let text = &after[..after.find("</textarea>").unwrap()];
            out.push((attr(tag, "name").unwrap(), unescape(text)));
        } else if tag.starts_with("<select ") {
            let name = attr(tag, "name").unwrap();
            let body = &after[..after.find("</select>").unwrap()];
            for opt in body.split("<option ").skip(1) {
                let opt_tag = &opt[..opt.find('>').unwrap()];
                if opt_tag.contains(" selected") || opt_tag.ends_with("selected") {
                    let v = attr(&format!(" {opt_tag}"), "value").unwrap_or_default();
                    out.push((name.clone(), v));
                }
            }
        }
        rest = after;
    }
    out
}

/// A form's fields as a browser sends them.
type Fields = Vec<(String, String)>;

fn set(fields: &mut Fields, name: &str, value: &str) {
    fields.retain(|(k, _)| k != name);
    fields.push((name.into(), value.into()));
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

async fn changes(app: &Site, draft: &str) -> Vec<ChangeOut> {
    let rows = app.store.draft_changes(draft_id(draft)).await.unwrap();
    rows.into_iter().map(ChangeOut::of).collect()
}

const FORM: &str = "<form method=\"post\" action=\"";

/// The entry form's fields on the entry's page.
async fn entry_form(app: &Site, s: &Session, path: &str) -> Vec<(String, String)> {
    let (status, html) = app.get(&s.cookie, path).await;
    assert_eq!(status, StatusCode::OK, "{path}: {html}");
    form_fields(&html, &format!("{FORM}{path}\" id=\"entry-form\""))
}

#[tokio::test]
async fn an_editor_changes_their_own_entry_in_its_form_and_comes_back_to_it() {
    for app in apps("an_editor_changes_their_own_entry_in_its_form_and_comes_back_to_it").await {
        let db = app.store.backend();
        let nsm = editor(&app, "nsm@example.no", &["nsm"]).await;
        let d = draft(&app, &nsm).await;
        let (_, html) = app.get(&nsm.cookie, &format!("{d}?saved=1")).await;
        assert!(html.contains("Liten katalog, versjon 1.1"), "{db}: {html}");
        assert!(html.contains("href=\"/catalog/drafts\""), "{db}: nav link");
        let path = format!("{d}/entries/measures/m.kryptering");
        let mut fields = entry_form(&app, &nsm, &path).await;
        // The owner is picked by name, the activity from the seven.
        let (_, html) = app.get(&nsm.cookie, &path).await;
        assert!(html.contains("Nasjonal sikkerhetsmyndighet (nsm)"), "{db}");
        assert!(
            !html.contains("class=\"notice warn\""),
            "{db}: no proposal note"
        );
        set(&mut fields, "level", "2");
        set(&mut fields, "reason", "Krypter mer");
        let res = app.post(&nsm.cookie, &path, &pairs(&fields)).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{db}");
        let to = location(&res);
        assert_eq!(to, format!("{path}?saved=1#history"), "{db}");
        let (status, html) = app.get(&nsm.cookie, &to).await;
        assert_eq!(status, StatusCode::OK, "{db}");
        assert!(
            html.contains("class=\"notice\" role=\"status\">Endringen er lagret"),
            "{db}: {html}"
        );
        assert!(
            html.contains("Krypter mer"),
            "{db}: the history shows the reason"
        );
        assert!(html.contains("<code>level</code>"), "{db}");
        // The same form sent again (the entry has changed since it was shown): refused.
        set(&mut fields, "level", "1");
        let res = app.post(&nsm.cookie, &path, &pairs(&fields)).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let html = res.text().await.unwrap();
        assert!(html.contains("endret av noen andre"), "{db}: {html}");
        // Just the level changed: the form wrote back every other field as it was.
        let c = changes(&app, &d).await;
        assert_eq!(c.len(), 1, "{db}");
        assert_eq!(c[0].state, "applied", "{db}");
        let fields: Vec<(&str, &str, &str)> = (c[0].fields.iter())
            .map(|f| (f.field.as_str(), f.old.as_str(), f.new.as_str()))
            .collect();
        assert_eq!(fields, [("level", "3", "2")], "{db}");
        // The draft's page lists the change by the entry's name, and where it stands.
        let (_, html) = app.get(&nsm.cookie, &d).await;
        assert!(
            html.contains(">Kryptering</span></a> <span class=\"hint\">(Tiltak, m.kryptering)"),
            "{db}: {html}"
        );
        assert!(
            html.contains("Nasjonal sikkerhetsmyndighet <span class=\"hint\">(nsm)"),
            "{db}"
        );
        assert!(html.contains(&format!("action=\"{d}/approve\"")), "{db}");
    }
}

#[tokio::test]
async fn every_entry_form_reads_back_as_the_entry_it_shows() {
    let app = start(sqlite().await.0).await;
    let all = editor(&app, "alle@example.no", &[]).await;
    let d = draft(&app, &all).await;
    let files = vec![grunnmur_catalog::Source {
        name: "catalog/catalog.yaml".into(),
        text: small_catalog_file("1.1"),
    }];
    let entries = grunnmur_catalog::draft::entries(&files);
    assert!(entries.len() > 15);
    for (section, id, _, _) in entries {
        let path = format!("{d}/entries/{}/{id}", section.as_str());
        let mut fields = entry_form(&app, &all, &path).await;
        set(&mut fields, "reason", "Ingen endring");
        let res = app.post(&all.cookie, &path, &pairs(&fields)).await;
        let status = res.status();
        let html = res.text().await.unwrap();
        // Sent back as shown, the entry is the same: the operation says so, nothing stored.
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{path}");
        assert!(
            html.contains("endret ikke") || html.contains("unchanged"),
            "{path}: {html}"
        );
    }
    assert!(changes(&app, &d).await.is_empty());
}

#[tokio::test]
async fn a_change_to_another_owners_entry_in_the_form_becomes_a_proposal() {
    for app in apps("a_change_to_another_owners_entry_in_the_form_becomes_a_proposal").await {
        let db = app.store.backend();
        let nsm = editor(&app, "nsm@example.no", &["nsm"]).await;
        let ks = editor(&app, "ks@example.no", &["ks"]).await;
        let d = draft(&app, &nsm).await;
        let path = format!("{d}/entries/measures/m.backup");
        let (_, html) = app.get(&ks.cookie, &path).await;
        assert!(
            html.contains("class=\"notice warn\""),
            "{db}: the page says it proposes"
        );
        let mut fields = entry_form(&app, &ks, &path).await;
        set(&mut fields, "name_en", "Backups");
        set(&mut fields, "reason", "Flertall");
        let res = app.post(&ks.cookie, &path, &pairs(&fields)).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{db}");
        let to = location(&res);
        assert_eq!(to, format!("{path}?saved=proposed#history"), "{db}");
        let (_, html) = app.get(&ks.cookie, &to).await;
        assert!(html.contains("sendt som forslag"), "{db}: {html}");
        let c = changes(&app, &d).await;
        assert_eq!((c.len(), c[0].state.as_str()), (1, "proposed"), "{db}");
        let (_, html) = app.get(&ks.cookie, &path).await;
        assert!(
            html.contains("value=\"Backup\""),
            "{db}: the draft unchanged"
        );

        // The owner's editor decides it on the draft's page; a reason is required.
        let (_, html) = app.get(&nsm.cookie, &d).await;
        let pid = c[0].id;
        assert!(html.contains(&format!("id=\"proposal-{pid}\"")), "{db}");
        let decide = format!("{d}/proposals/{pid}");
        let (_, ks_page) = app.get(&ks.cookie, &d).await;
        assert!(
            !ks_page.contains(&format!("action=\"{decide}\"")),
            "{db}: not KS's to decide"
        );
        let form = [("csrf", nsm.csrf.as_str()), ("decision", "accept")];
        let res = app.post(&nsm.cookie, &decide, &form).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains(&format!("href=\"#reason-{pid}\"")),
            "{db}: {html}"
        );
        let reason = format!("reason-{pid}");
        let form = [
            ("csrf", ks.csrf.as_str()),
            ("decision", "accept"),
            (reason.as_str(), "Ja"),
        ];
        let res = app.post(&ks.cookie, &decide, &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{db}");
        let form = [
            ("csrf", nsm.csrf.as_str()),
            ("decision", "accept"),
            (reason.as_str(), "Enig"),
        ];
        let res = app.post(&nsm.cookie, &decide, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{db}");
        assert_eq!(location(&res), format!("{d}?saved=1#proposals"), "{db}");
        let (_, html) = app.get(&ks.cookie, &path).await;
        assert!(
            html.contains("value=\"Backups\""),
            "{db}: accepted into the draft"
        );
        assert!(html.contains("Godtatt av nsm@example.no"), "{db}: {html}");
    }
}

#[tokio::test]
async fn a_wrong_value_shows_its_problem_at_the_field_and_stores_nothing() {
    for app in apps("a_wrong_value_shows_its_problem_at_the_field_and_stores_nothing").await {
        let db = app.store.backend();
        let nsm = editor(&app, "nsm@example.no", &["nsm"]).await;
        let d = draft(&app, &nsm).await;
        let path = format!("{d}/entries/measures/m.logg");
        let fields = entry_form(&app, &nsm, &path).await;
        let rev = app.store.draft(draft_id(&d)).await.unwrap().unwrap().rev;
        let post = async |change: &dyn Fn(&mut Fields)| {
            let mut f = fields.clone();
            set(&mut f, "reason", "Prøver");
            change(&mut f);
            let res = app.post(&nsm.cookie, &path, &pairs(&f)).await;
            assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{db}");
            res.text().await.unwrap()
        };
        // No name in bokmål: the catalog's check, at the field.
        let html = post(&|f| set(f, "name_nb", "")).await;
        assert!(html.contains("href=\"#name_nb\""), "{db}: {html}");
        assert!(html.contains("id=\"name_nb-error\""), "{db}");
        assert!(
            html.contains("catalog/catalog.yaml, linje"),
            "{db}: the place in the files"
        );
        // A parameter that is not YAML: at its field, with the line.
        let html = post(&|f| set(f, "params", "retention_days: [90")).await;
        assert!(html.contains("href=\"#params\""), "{db}: {html}");
        assert!(
            html.contains("retention_days: [90</textarea>"),
            "{db}: kept as typed"
        );
        // An activity the catalog does not have.
        let html = post(&|f| set(f, "activity", "finnes-ikke")).await;
        assert!(html.contains("finnes-ikke"), "{db}: {html}");
        assert!(html.contains("error-summary"), "{db}");
        // No reason.
        let html = post(&|f| set(f, "reason", "")).await;
        assert!(html.contains("href=\"#reason\""), "{db}: {html}");
        // The entry as YAML: its own form, with the mark of the entry as shown.
        let (_, html) = app.get(&nsm.cookie, &path).await;
        let yaml_form = form_fields(&html, &format!("{FORM}{path}\" class=\"stack\""));
        let yaml = yaml_form
            .iter()
            .find(|(k, _)| k == "yaml")
            .unwrap()
            .1
            .clone();
        assert!(yaml.contains("retention_days: 90"), "{db}: {yaml}");
        assert!(yaml_form.iter().any(|(k, _)| k == "seen"), "{db}");
        let send = async |text: &str, reason: &str| {
            let mut f = yaml_form.clone();
            set(&mut f, "yaml", text);
            set(&mut f, "reason", reason);
            app.post(&nsm.cookie, &path, &pairs(&f)).await
        };
        // YAML that does not read: at the field, the YAML kept open.
        let res = send("id: m.logg\nname: {nb: [\n", "Prøver").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let html = res.text().await.unwrap();
        assert!(
            html.contains("href=\"#yaml\"") && html.contains("<details id=\"as-yaml\" open>"),
            "{db}: {html}"
        );
        // Nothing stored.
        assert!(changes(&app, &d).await.is_empty(), "{db}");
        let now = app.store.draft(draft_id(&d)).await.unwrap().unwrap().rev;
        assert_eq!(now, rev, "{db}");
        // As YAML, a good change is made.
        let text = yaml.replace("retention_days: 90", "retention_days: 180");
        let res = send(&text, "Lenger").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{db}");
        let c = changes(&app, &d).await;
        let f: Vec<&str> = c[0].fields.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(f, ["params.retention_days"], "{db}");
    }
}

#[tokio::test]
async fn a_new_entry_is_added_through_its_form() {
    let app = start(sqlite().await.0).await;
    let ks = editor(&app, "ks@example.no", &["ks"]).await;
    let d = draft(&app, &ks).await;
    let new = format!("{d}/new/tasks");
    let (status, html) = app.get(&ks.cookie, &new).await;
    assert_eq!(status, StatusCode::OK);
    let mut fields = form_fields(&html, &format!("{FORM}{new}\" id=\"entry-form\""));
    // The owner the editor edits is picked already.
    assert!(
        fields.contains(&("owner".into(), "ks".into())),
        "{fields:?}"
    );
    set(&mut fields, "id", "kommune.kultur");
    set(&mut fields, "name_nb", "Kulturskole");
    set(&mut fields, "name_en", "Arts school");
    fields.push(("applies_to".into(), "kommune".into()));
    fields.push(("info_types".into(), "skole.elevmappe".into()));
    set(&mut fields, "steps_nb_0", "Ta opp elever");
    set(&mut fields, "reason", "Ny oppgave");
    let res = app.post(&ks.cookie, &new, &pairs(&fields)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let to = location(&res);
    assert_eq!(to, format!("{d}/entries/tasks/kommune.kultur?saved=1"));
    let (_, html) = app.get(&ks.cookie, &to).await;
    assert!(html.contains("value=\"Kulturskole\""));
    assert!(html.contains(">Ta opp elever</textarea>"));
    let c = changes(&app, &d).await;
    assert_eq!((c[0].kind, c[0].state.as_str()), ("added", "applied"));
    let entry = c[0].entry.clone().unwrap();
    assert_eq!(entry["steps"], serde_json::json!([{"nb": "Ta opp elever"}]));
    assert_eq!(entry["applies_to"], serde_json::json!(["kommune"]));
    // The same id again is refused at the field.
    let res = app.post(&ks.cookie, &new, &pairs(&fields)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("href=\"#id\""));
}

#[tokio::test]
async fn a_member_changes_nothing_and_sees_only_their_bodys_comments() {
    for app in apps("a_member_changes_nothing_and_sees_only_their_bodys_comments").await {
        let db = app.store.backend();
        let nsm = editor(&app, "nsm@example.no", &["nsm"]).await;
        let d = draft(&app, &nsm).await;
        let a = app.login("a@example.no").await;
        let b = app.login("b@example.no").await;
        // Before the round a member neither sees the draft nor the way to it.
        assert_eq!(
            app.get(&a.cookie, &d).await.0,
            StatusCode::NOT_FOUND,
            "{db}"
        );
        let (_, html) = app.get(&a.cookie, &format!("/b/{A}")).await;
        assert!(!html.contains("href=\"/catalog/drafts\""), "{db}");
        let form = [("csrf", nsm.csrf.as_str()), ("closes", "2000-01-01")];
        let res = app
            .post(&nsm.cookie, &format!("{d}/consultation"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let closes = day(10);
        let form = [("csrf", nsm.csrf.as_str()), ("closes", closes.as_str())];
        let res = app
            .post(&nsm.cookie, &format!("{d}/consultation"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{db}");

        let (_, html) = app.get(&a.cookie, &format!("/b/{A}")).await;
        assert!(
            html.contains("href=\"/catalog/drafts\""),
            "{db}: the round is open"
        );
        let (status, html) = app.get(&a.cookie, "/catalog/drafts").await;
        assert_eq!(status, StatusCode::OK, "{db}");
        assert!(html.contains(&format!("href=\"{d}\"")), "{db}");
        assert!(
            !html.contains("method=\"post\" action=\"/catalog/drafts\""),
            "{db}: no form to begin one"
        );
        // The entry read, not edited; a comment form.
        let path = format!("{d}/entries/measures/m.kryptering");
        let (status, html) = app.get(&a.cookie, &path).await;
        assert_eq!(status, StatusCode::OK, "{db}");
        assert!(!html.contains("id=\"entry-form\""), "{db}");
        assert!(html.contains(&format!("action=\"{d}/comments\"")), "{db}");
        // Posting a change anyway: refused, and nothing changed.
        let form = [
            ("csrf", a.csrf.as_str()),
            ("level", "1"),
            ("reason", "Billigere"),
        ];
        let res = app.post(&a.cookie, &path, &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{db}");
        let res = app.post(&a.cookie, &format!("{d}/new/tasks"), &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{db}");
        assert_eq!(
            app.get(&a.cookie, &format!("{d}/new/tasks")).await.0,
            StatusCode::FORBIDDEN
        );
        let form = [("csrf", a.csrf.as_str()), ("remove_reason", "Unødvendig")];
        let res = app.post(&a.cookie, &format!("{path}/remove"), &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{db}");
        let form = [("csrf", a.csrf.as_str())];
        let res = app.post(&a.cookie, &format!("{d}/approve"), &form).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{db}");
        assert!(changes(&app, &d).await.is_empty(), "{db}");

        // Each body comments; each sees its own, the editor all.
        let comment = async |s: &Session, next: &str, entry: &str, text: &str| {
            let form = [
                ("csrf", s.csrf.as_str()),
                ("next", next),
                ("entry", entry),
                ("text", text),
            ];
            app.post(&s.cookie, &format!("{d}/comments"), &form).await
        };
        let res = comment(&a, &path, "measures/m.kryptering", "Dyrt for oss").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{db}");
        assert_eq!(location(&res), format!("{path}?saved=1#comments"), "{db}");
        let res = comment(&b, &d, "tasks/felles.hr", "Hemmelig fra B").await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{db}");
        let res = comment(&b, &d, "", "Uten oppføring").await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{db}");
        let (_, html) = app.get(&a.cookie, &d).await;
        assert!(html.contains("Dyrt for oss"), "{db}");
        assert!(!html.contains("Hemmelig fra B"), "{db}: {html}");
        let (_, html) = app.get(&a.cookie, &path).await;
        assert!(html.contains("Dyrt for oss"), "{db}");
        let (_, html) = app.get(&nsm.cookie, &d).await;
        assert!(
            html.contains("Dyrt for oss") && html.contains("Hemmelig fra B"),
            "{db}"
        );
        // What the draft changes for A's body is on the page (nothing yet).
        let (_, html) = app.get(&a.cookie, &d).await;
        assert!(html.contains(&format!("id=\"impact-{A}\"")), "{db}: {html}");

        // NSM answers A's comment; A reads the answer.
        let rows = app.store.draft_comments(draft_id(&d)).await.unwrap();
        let cid = rows.iter().find(|c| c.orgnr == A).unwrap().id;
        let (answer, outcome) = (format!("answer-{cid}"), format!("outcome-{cid}"));
        let form = [
            ("csrf", nsm.csrf.as_str()),
            (answer.as_str(), "Bare der det trengs"),
            (outcome.as_str(), "partly"),
        ];
        let res = app
            .post(&nsm.cookie, &format!("{d}/comments/{cid}/answer"), &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{db}");
        let (_, html) = app.get(&a.cookie, &d).await;
        assert!(html.contains("Bare der det trengs"), "{db}");
        assert!(html.contains("Delvis tatt til følge"), "{db}");
    }
}

#[tokio::test]
async fn every_draft_page_answers_in_bokmal_english_and_nynorsk() {
    let app = start(sqlite().await.0).await;
    let nsm = editor(&app, "nsm@example.no", &["nsm"]).await;
    let d = draft(&app, &nsm).await;
    // A change and a proposal, a round and a comment, so every part of the pages shows.
    let path = format!("{d}/entries/measures/m.kryptering");
    let mut fields = entry_form(&app, &nsm, &path).await;
    set(&mut fields, "level", "2");
    set(&mut fields, "reason", "Krypter mer");
    let res = app.post(&nsm.cookie, &path, &pairs(&fields)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let other = format!("{d}/entries/tasks/felles.hr");
    let mut fields = entry_form(&app, &nsm, &other).await;
    set(&mut fields, "name_en", "Human resources");
    set(&mut fields, "reason", "Tydeligere");
    let res = app.post(&nsm.cookie, &other, &pairs(&fields)).await;
    assert_eq!(location(&res), format!("{other}?saved=proposed#history"));
    let closes = day(5);
    let form = [("csrf", nsm.csrf.as_str()), ("closes", closes.as_str())];
    let res = app
        .post(&nsm.cookie, &format!("{d}/consultation"), &form)
        .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let a = app.login("a@example.no").await;
    let form = [
        ("csrf", a.csrf.as_str()),
        ("entry", "measures/m.kryptering"),
        ("text", "Dyrt"),
    ];
    let res = app.post(&a.cookie, &format!("{d}/comments"), &form).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);

    let mut editor_pages = vec![
        "/catalog/drafts".to_string(),
        "/catalog/drafts?q=1.1".into(),
        d.clone(),
        format!("{d}/entries"),
        format!("{d}/entries?q=krypt"),
        path.clone(),
        other.clone(),
        format!("{d}/entries/info_types/hr.kontakt"),
        format!("{d}/entries/profiles/p.skole"),
    ];
    for section in [
        "requirements",
        "activities",
        "info_types",
        "tasks",
        "measures",
        "profiles",
    ] {
        editor_pages.push(format!("{d}/new/{section}"));
    }
    let member_pages = [d.clone(), format!("{d}/entries"), path.clone()];
    for (lang, word) in [
        ("nb", "Katalogutkast"),
        ("en", "Catalog drafts"),
        ("nn", "Katalogutkast"),
    ] {
        for (s, pages) in [(&nsm, &editor_pages[..]), (&a, &member_pages[..])] {
            let cookie = format!("{}; grunnmur_lang={lang}", s.cookie);
            for p in pages {
                let (status, html) = app.get(&cookie, p).await;
                assert_eq!(status, StatusCode::OK, "{p} ({lang})");
                assert!(
                    html.contains(&format!("<html lang=\"{lang}\">")),
                    "{p} ({lang})"
                );
                assert!(html.contains(word), "{p} ({lang}): {html}");
                for key in [
                    "ui-draft-",
                    "ui-nav-",
                    "ui-activity-",
                    "ui-scope-",
                    "ui-kind-",
                    "ui-purpose-",
                ] {
                    assert!(
                        !html.contains(&format!(">{key}")) && !html.contains(&format!(" {key}")),
                        "{p} ({lang}) shows a key {key}: {html}"
                    );
                }
            }
        }
    }
    // The lists as files.
    for p in ["/catalog/drafts.csv", &format!("{d}/entries.csv")] {
        let res = app
            .http
            .get(format!("{}{p}", app.base))
            .header("cookie", &nsm.cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{p}");
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/csv")
        );
        let text = res.text().await.unwrap();
        assert!(
            text.contains("1.1") || text.contains("m.kryptering"),
            "{p}: {text}"
        );
    }
    let res = app
        .http
        .get(format!("{}{d}/entries.xlsx?q=krypt", app.base))
        .header("cookie", &nsm.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // The draft's files download with the session.
    let id = draft_id(&d);
    let res = app
        .http
        .get(format!("{}/api/catalog/drafts/{id}/files", app.base))
        .header("cookie", &nsm.cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
}
