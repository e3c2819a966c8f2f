//! Each public body's stored contribution to the figures across bodies (rule 18): derived
//! data, kept so a restarted server need not derive every body before its first answer.

use super::Sql;
use crate::store::{Backend, Store};
use crate::{ContributionRow, ContributionState, Result};

pub(crate) async fn contribution_states<DB: Backend>(
    s: &Store<DB>,
) -> Result<Vec<ContributionState>> {
    type Row = (
        String,
        String,
        Option<i64>,
        Option<i64>,
        Option<i64>,
        Option<i64>,
    );
    let rows: Vec<Row> = Sql::new(
        "SELECT b.orgnr, b.kind, w.version, c.version, c.generation, c.day FROM bodies b \
         LEFT JOIN workspaces w ON w.orgnr = b.orgnr \
         LEFT JOIN contributions c ON c.orgnr = b.orgnr ORDER BY b.orgnr",
    )
    .fetch_all(s)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(orgnr, kind, version, cv, cg, cd)| ContributionState {
            orgnr,
            kind,
            version,
            stored: cv.zip(cg).zip(cd).map(|((v, g), d)| (v, g, d)),
        })
        .collect())
}

const COLUMNS: &str = "SELECT orgnr, version, generation, day, doc FROM contributions";

pub(crate) async fn contributions<DB: Backend>(
    s: &Store<DB>,
    orgnr: Option<&str>,
) -> Result<Vec<ContributionRow>> {
    let rows: Vec<(String, i64, i64, i64, String)> = match orgnr {
        Some(o) => {
            let q = format!("{COLUMNS} WHERE orgnr = $1");
            Sql::new(&q).bind(o).fetch_all(s).await?
        }
        None => Sql::new(COLUMNS).fetch_all(s).await?,
    };
    Ok(rows
        .into_iter()
        .map(|(orgnr, version, generation, day, doc)| ContributionRow {
            orgnr,
            version,
            generation,
            day,
            doc,
        })
        .collect())
}

pub(crate) async fn put_contribution<DB: Backend>(
    s: &Store<DB>,
    c: &ContributionRow,
) -> Result<()> {
    // An older derivation never replaces a newer one (two servers, or a slow refresh).
    Sql::new(
        "INSERT INTO contributions (orgnr, version, generation, day, doc) \
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (orgnr) DO UPDATE SET \
         version = excluded.version, generation = excluded.generation, day = excluded.day, \
         doc = excluded.doc WHERE contributions.version <= excluded.version",
    )
    .bind(c.orgnr.as_str())
    .bind(c.version)
    .bind(c.generation)
    .bind(c.day)
    .bind(c.doc.as_str())
    .execute(s)
    .await
}
