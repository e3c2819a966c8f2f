//! Export what you see: the downloads of a list have the rows the page shows, names and ids
//! apart, statuses in words; the dashboard's counts lead to the lists they count.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;
use std::collections::BTreeSet;

/// A download: status, content type, content disposition and bytes.
async fn download(app: &Site, cookie: &str, path: &str) -> (StatusCode, String, String, Vec<u8>) {
    let res = app
        .http
        .get(format!("{}{path}", app.base))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    let header = |name: &str| {
        res.headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    let (ty, disposition) = (header("content-type"), header("content-disposition"));
    (
        res.status(),
        ty,
        disposition,
        res.bytes().await.unwrap().to_vec(),
    )
}

/// The (measure, system) of each row of a measure list page.
fn page_rows(html: &str) -> BTreeSet<(String, String)> {
    html.match_indices("<tr id=\"row-")
        .map(|(i, m)| {
            let id = html[i + m.len()..].split('"').next().unwrap();
            // `row-<measure>-<system>`: the system is after the last '-' of a measure id
            // without one (`m.backup`), `org` for the body.
            let (measure, system) = id.split_once('-').unwrap();
            let system = if system == "org" { "" } else { system };
            (measure.to_string(), system.to_string())
        })
        .collect()
}

/// CSV lines split into fields (the test data has no quoted commas).
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 with a byte order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    text.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').map(String::from).collect())
        .collect()
}

#[tokio::test]
async fn the_downloads_of_a_filtered_measure_list_have_the_rows_of_the_page() {
    for app in apps("the_downloads_of_a_filtered_measure_list_have_the_rows_of_the_page").await {
        let s = app.login("reader@example.no").await;
        let query = "system=&baseline=&activity=&kind=teknologisk&purpose=&status=";
        let (_, html) = app
            .get(&s.cookie, &format!("/b/{A}/measures?{query}"))
            .await;
        let shown = page_rows(&html);
        assert!(shown.len() > 1, "{shown:?}");
        assert!(
            html.contains(&format!(
                "href=\"/b/{A}/measures.csv?{}\"",
                query.replace('&', "&#38;")
            )),
            "the page links the download of its own filter"
        );

        let (status, ty, disposition, bytes) =
            download(&app, &s.cookie, &format!("/b/{A}/measures.csv?{query}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(ty, "text/csv; charset=utf-8");
        assert!(
            disposition.starts_with(&format!("attachment; filename=\"{A}-tiltak-20"))
                && disposition.ends_with(".csv\""),
            "{disposition}"
        );
        let rows = csv_rows(&bytes);
        assert_eq!(
            rows[0],
            [
                "Tiltak-id",
                "Tiltak",
                "Hvor",
                "System-id",
                "Basisnivå",
                "Styringsaktivitet",
                "Status",
                "Forfalt",
                "Ansvarlig",
                "Frist"
            ]
        );
        let in_csv: BTreeSet<(String, String)> = rows[1..]
            .iter()
            .map(|r| (r[0].clone(), r[3].clone()))
            .collect();
        assert_eq!(in_csv, shown, "exactly the rows of the filtered page");
        assert_eq!(rows.len() - 1, shown.len());
        // Names and ids apart, statuses in words.
        let hr = rows
            .iter()
            .find(|r| r[0] == "m.tilgang" && r[3] == "s.hr")
            .unwrap();
        assert_eq!(
            (hr[1].as_str(), hr[2].as_str()),
            ("Tilgangsstyring", "HR-system")
        );
        assert_eq!((hr[6].as_str(), hr[8].as_str()), ("Iverksatt", "IT-sjef"));
        // The organisational measures are filtered out, as on the page.
        assert!(rows.iter().all(|r| r[0] != "m.ledelse"));
        let (_, _, _, all) = download(&app, &s.cookie, &format!("/b/{A}/measures.csv")).await;
        assert!(csv_rows(&all).iter().any(|r| r[0] == "m.ledelse"));

        // The workbook: the same header and rows, in English for an English reader.
        let cookie = format!("{}; grunnmur_lang=en", s.cookie);
        let (status, ty, disposition, bytes) =
            download(&app, &cookie, &format!("/b/{A}/measures.xlsx?{query}")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            ty,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert!(
            disposition.contains(&format!("{A}-measures-")) && disposition.ends_with(".xlsx\"")
        );
        use calamine::{Data, Reader, Xlsx};
        let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = wb.sheet_names()[0].clone();
        let range = wb.worksheet_range(&sheet).unwrap();
        let cells: Vec<Vec<String>> = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::Empty => String::new(),
                        c => c.to_string(),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(cells[0][..3], ["Measure id", "Measure", "Where"]);
        let in_xlsx: BTreeSet<(String, String)> = cells[1..]
            .iter()
            .map(|r| (r[0].clone(), r[3].clone()))
            .collect();
        assert_eq!(in_xlsx, shown);
        assert!(cells.iter().any(|r| r[6] == "Implemented"));
    }
}

#[tokio::test]
async fn every_list_downloads_and_a_non_member_gets_nothing() {
    for app in apps("every_list_downloads_and_a_non_member_gets_nothing").await {
        let s = app.login("reader@example.no").await;
        for (page, list, word) in [
            ("systems", "systems", "systemer"),
            ("risk", "risk", "risikovurderinger"),
            ("deviations", "deviations", "avvik"),
        ] {
            let (status, html) = app.get(&s.cookie, &format!("/b/{A}/{page}")).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            if page != "risk" {
                assert!(
                    html.contains(&format!("href=\"/b/{A}/{list}.xlsx\"")),
                    "{page}"
                );
            }
            for ext in ["csv", "xlsx"] {
                let path = format!("/b/{A}/{list}.{ext}");
                let (status, _, disposition, _) = download(&app, &s.cookie, &path).await;
                assert_eq!(status, StatusCode::OK, "{path}");
                assert!(
                    disposition.contains(&format!("{A}-{word}-")),
                    "{disposition}"
                );
            }
        }
        // The systems: names and ids apart, levels in words.
        let (_, _, _, bytes) = download(&app, &s.cookie, &format!("/b/{A}/systems.csv")).await;
        let rows = csv_rows(&bytes);
        assert_eq!(
            rows[0][..5],
            [
                "Navn",
                "Id",
                "Konfidensialitet",
                "Integritet",
                "Tilgjengelighet"
            ]
        );
        assert_eq!(rows.len() - 1, 5);
        let hr = rows.iter().find(|r| r[1] == "s.hr").unwrap();
        assert_eq!(hr[0], "HR-system");
        assert_eq!(hr[2..5], ["middels", "høy", "middels"], "levels in words");
        // The deviations: the lowered personnel file, with its justification.
        let (_, _, _, bytes) = download(&app, &s.cookie, &format!("/b/{A}/deviations.csv")).await;
        let rows = csv_rows(&bytes);
        assert!(
            rows.iter()
                .any(|r| r[1] == "felles.hr" && r[3] == "hr.personalmappe" && r[7] == "senket"),
            "{rows:?}"
        );
        // Not a member: nothing.
        let other = app.login("b@example.no").await;
        for path in [
            "measures.csv",
            "measures.xlsx",
            "systems.csv",
            "risk.xlsx",
            "deviations.csv",
        ] {
            let (status, _, _, bytes) =
                download(&app, &other.cookie, &format!("/b/{A}/{path}")).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
            assert!(!String::from_utf8_lossy(&bytes).contains("HR-system"));
        }
    }
}

#[tokio::test]
async fn the_dashboards_counts_lead_to_the_lists_they_count() {
    for app in apps("the_dashboards_counts_lead_to_the_lists_they_count").await {
        let s = app.login("a@example.no").await;
        let (_, html) = app.get(&s.cookie, &format!("/b/{A}")).await;
        let html = html.replace(['\u{2068}', '\u{2069}'], "");
        // "Forfalte tiltak: N" links to the measure list filtered to overdue, which has N rows.
        let link = format!("<a href=\"/b/{A}/measures?status=overdue\">Forfalte tiltak: ");
        let at = html.find(&link).expect("the overdue count is a link") + link.len();
        let n: usize = html[at..].split('<').next().unwrap().parse().unwrap();
        assert!(n > 0);
        let (_, list) = app
            .get(&s.cookie, &format!("/b/{A}/measures?status=overdue"))
            .await;
        assert_eq!(page_rows(&list).len(), n);
        // The deviations count leads to the deviations.
        let link = format!("<a href=\"/b/{A}/deviations\">Avvik fra anbefalte nivåer: ");
        let at = html.find(&link).expect("the deviations count is a link") + link.len();
        let n: usize = html[at..].split('<').next().unwrap().parse().unwrap();
        let (_, list) = app.get(&s.cookie, &format!("/b/{A}/deviations")).await;
        assert_eq!(list.matches("<th scope=\"row\"><a href=").count(), n);
        // Undocumented: the measure list filtered so, with as many rows.
        let link = format!(
            "<a href=\"/b/{A}/measures?status=undocumented\">Iverksatt uten dokumentasjon (udokumentert): "
        );
        let at = html.find(&link).expect("the undocumented count is a link") + link.len();
        let n: usize = html[at..].split('<').next().unwrap().parse().unwrap();
        assert!(n > 0, "m.tilgang on s.hr is implemented without evidence");
        let (_, list) = app
            .get(&s.cookie, &format!("/b/{A}/measures?status=undocumented"))
            .await;
        assert_eq!(page_rows(&list).len(), n);
        // The objects needing an assessment are links (a task to its place).
        assert!(
            html.contains(&format!("href=\"/b/{A}/adapt#task-"))
                || html.contains(&format!("href=\"/b/{A}/systems/"))
        );
    }
}
