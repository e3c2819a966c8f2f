//! Failed sign-ins, for throttling: per account and client address, and per address across
//! accounts. Each failure is also a `login.failed` entry in the audit log (the evidence, which
//! a later successful sign-in does not erase); the rows here are only the throttle's memory
//! and are forgotten when they are older than the longest window.

use super::{Sql, entry};
use crate::store::{Backend, Store};
use crate::{LoginFailures, Result, now};

const INSERT: &str = "INSERT INTO login_failures (email, client, at) VALUES ($1, $2, $3)";
const FORGET_OLD: &str = "DELETE FROM login_failures WHERE at < $1";
const FOR_PAIR: &str = "SELECT at FROM login_failures \
     WHERE email = $1 AND client = $2 AND at >= $3 ORDER BY at DESC LIMIT 1000";
const FOR_CLIENT: &str = "SELECT at FROM login_failures \
     WHERE client = $1 AND at >= $2 ORDER BY at DESC LIMIT 1000";
const CLEAR_PAIR: &str = "DELETE FROM login_failures WHERE email = $1 AND client = $2";

/// Records a failure with its `login.failed` audit entry (`after`: what the caller knows about
/// it, as JSON), in one transaction, and forgets failures older than `forget_before` — those
/// for addresses and e-mails without an account too.
pub(crate) async fn record_login_failure<DB: Backend>(
    s: &Store<DB>,
    email: &str,
    client: &str,
    after: Option<String>,
    forget_before: i64,
) -> Result<()> {
    let mut tx = s.write().await?;
    Sql::new(FORGET_OLD)
        .bind(forget_before)
        .execute(&mut tx)
        .await?;
    Sql::new(INSERT)
        .bind(email)
        .bind(client)
        .bind(now())
        .execute(&mut tx)
        .await?;
    tx.commit(&entry(email, None, "login.failed", None, after))
        .await?;
    Ok(())
}

/// The times of recent failures (since `since`, newest first): for this account from this
/// address, and from this address for any account.
pub(crate) async fn login_failures<DB: Backend>(
    s: &Store<DB>,
    email: &str,
    client: &str,
    since: i64,
) -> Result<LoginFailures> {
    let pair: Vec<(i64,)> = Sql::new(FOR_PAIR)
        .bind(email)
        .bind(client)
        .bind(since)
        .fetch_all(s)
        .await?;
    let from_client: Vec<(i64,)> = Sql::new(FOR_CLIENT)
        .bind(client)
        .bind(since)
        .fetch_all(s)
        .await?;
    Ok(LoginFailures {
        pair: pair.into_iter().map(|(t,)| t).collect(),
        client: from_client.into_iter().map(|(t,)| t).collect(),
    })
}

/// After a successful sign-in: this account's failures from this address no longer count
/// (those from other addresses still do; the audit log keeps them all).
pub(crate) async fn clear_login_failures<DB: Backend>(
    s: &Store<DB>,
    email: &str,
    client: &str,
) -> Result<()> {
    Sql::new(CLEAR_PAIR)
        .bind(email)
        .bind(client)
        .execute(s)
        .await
}
