//! Accounts and sign-in: users and their platform roles, memberships in bodies, sessions,
//! OpenID Connect identities. Login failures are in `login_failures.rs`; tokens and the rest of
//! the credentials' life cycle in `credentials.rs`.

use super::{Sql, entry};
use crate::store::{Backend, Store};
use crate::{EditorOwners, PlatformRole, Result, Role, SessionRow, StoreError, UserRow, now};
use serde_json::json;

const USER_EMAIL_EXISTS: &str = "SELECT 1 FROM users WHERE email = $1";
const SELECT_USER: &str = "SELECT * FROM users WHERE id = $1";
pub(crate) const SELECT_USER_BY_EMAIL: &str = "SELECT * FROM users WHERE email = $1";
const COUNT_USERS: &str = "SELECT COUNT(*) AS n FROM users";
const INSERT_USER: &str = "INSERT INTO users (email, password_hash, platform_admin, created_at) \
     VALUES ($1, $2, $3, $4) RETURNING id";
/// An account for someone an OpenID Connect provider vouched for: no password, no role.
const INSERT_OIDC_USER: &str = "INSERT INTO users \
     (email, password_hash, platform_admin, created_at) VALUES ($1, NULL, $2, $3) RETURNING *";

const SELECT_CATALOG_EDITOR: &str = "SELECT catalog_editor AS v FROM users WHERE id = $1";
const SET_CATALOG_EDITOR: &str = "UPDATE users SET catalog_editor = $1 WHERE id = $2";
const SELECT_EDITOR_OWNERS: &str =
    "SELECT owner FROM catalog_editor_owners WHERE user_id = $1 ORDER BY owner";
const SELECT_ALL_EDITOR_OWNERS: &str =
    "SELECT user_id, owner FROM catalog_editor_owners ORDER BY user_id, owner";
const DELETE_EDITOR_OWNERS: &str = "DELETE FROM catalog_editor_owners WHERE user_id = $1";
const INSERT_EDITOR_OWNER: &str =
    "INSERT INTO catalog_editor_owners (user_id, owner, granted_at) VALUES ($1, $2, $3)";

const SELECT_ROLE: &str = "SELECT role FROM memberships WHERE user_id = $1 AND orgnr = $2";
pub(crate) const UPSERT_MEMBERSHIP: &str = "INSERT INTO memberships (user_id, orgnr, role) \
     VALUES ($1, $2, $3) ON CONFLICT (user_id, orgnr) DO UPDATE SET role = excluded.role";
const SELECT_MEMBERSHIPS: &str =
    "SELECT orgnr, role FROM memberships WHERE user_id = $1 ORDER BY orgnr";
const SELECT_MEMBERS: &str = "SELECT u.email, m.role FROM memberships m \
     JOIN users u ON u.id = m.user_id WHERE m.orgnr = $1 ORDER BY u.email";

const INSERT_SESSION: &str = "INSERT INTO sessions (id_hash, user_id, csrf, expires_at, \
     last_seen_at) VALUES ($1, $2, $3, $4, $5)";
const SELECT_SESSION: &str = "SELECT user_id, csrf, expires_at, last_seen_at FROM sessions \
     WHERE id_hash = $1 AND expires_at > $2";
/// Removes the session, and every expired one with it.
const DELETE_SESSION: &str = "DELETE FROM sessions WHERE id_hash = $1 OR expires_at <= $2";

const SELECT_USER_BY_IDENTITY: &str = "SELECT u.* FROM users u \
     JOIN oidc_identities i ON i.user_id = u.id WHERE i.issuer = $1 AND i.subject = $2";
const IDENTITY_EXISTS: &str = "SELECT 1 FROM oidc_identities WHERE issuer = $1 AND subject = $2";
const USER_LINKED_AT_ISSUER: &str =
    "SELECT 1 FROM oidc_identities WHERE issuer = $1 AND user_id = $2";
const INSERT_IDENTITY: &str = "INSERT INTO oidc_identities \
     (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4)";
const SELECT_IDENTITIES: &str = "SELECT issuer, subject FROM oidc_identities \
     WHERE user_id = $1 ORDER BY issuer, subject";
const DELETE_IDENTITIES: &str = "DELETE FROM oidc_identities WHERE user_id = $1";

pub(crate) async fn create_user<DB: Backend>(
    s: &Store<DB>,
    email: &str,
    password_hash: Option<&str>,
    platform_admin: bool,
    actor: &str,
) -> Result<i64> {
    let mut tx = s.write().await?;
    if Sql::new(USER_EMAIL_EXISTS)
        .bind(email)
        .exists(&mut tx)
        .await?
    {
        return Err(StoreError::Conflict(email.to_string()));
    }
    let (id,): (i64,) = Sql::new(INSERT_USER)
        .bind(email)
        .bind(password_hash)
        .bind(platform_admin)
        .bind(now())
        .fetch_one(&mut tx)
        .await?;
    let after = json!({"id": id, "email": email, "platform_admin": platform_admin});
    let e = entry(actor, None, "user.create", None, Some(after.to_string()));
    tx.commit(&e).await?;
    Ok(id)
}

pub(crate) async fn user<DB: Backend>(s: &Store<DB>, id: i64) -> Result<Option<UserRow>> {
    Sql::new(SELECT_USER).bind(id).fetch_optional(s).await
}

pub(crate) async fn user_by_email<DB: Backend>(
    s: &Store<DB>,
    email: &str,
) -> Result<Option<UserRow>> {
    Sql::new(SELECT_USER_BY_EMAIL)
        .bind(email)
        .fetch_optional(s)
        .await
}

pub(crate) async fn user_count<DB: Backend>(s: &Store<DB>) -> Result<i64> {
    let (n,): (i64,) = Sql::new(COUNT_USERS).fetch_one(s).await?;
    Ok(n)
}

pub(crate) async fn set_platform_role<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    role: PlatformRole,
    on: bool,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    // The column is one of two names the code gives, never input.
    let column = role.column();
    let select = format!("SELECT {column} AS v FROM users WHERE id = $1");
    let (before,): (bool,) = Sql::new(&select)
        .bind(user_id)
        .fetch_optional(&mut tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("user {user_id}")))?;
    let update = format!("UPDATE users SET {column} = $1 WHERE id = $2");
    Sql::new(&update)
        .bind(on)
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    if role == PlatformRole::CatalogEditor && !on {
        // Granted again later without owners, the editor edits every owner's entries.
        Sql::new(DELETE_EDITOR_OWNERS)
            .bind(user_id)
            .execute(&mut tx)
            .await?;
    }
    let before = json!({"user_id": user_id, column: before}).to_string();
    let after = json!({"user_id": user_id, column: on}).to_string();
    let e = entry(actor, None, "user.platform_role", Some(before), Some(after));
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn set_catalog_editor<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    owners: Option<&[String]>,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    let (was,): (bool,) = Sql::new(SELECT_CATALOG_EDITOR)
        .bind(user_id)
        .fetch_optional(&mut tx)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("user {user_id}")))?;
    let before: Vec<(String,)> = Sql::new(SELECT_EDITOR_OWNERS)
        .bind(user_id)
        .fetch_all(&mut tx)
        .await?;
    let before: Vec<String> = before.into_iter().map(|(o,)| o).collect();
    Sql::new(DELETE_EDITOR_OWNERS)
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    Sql::new(SET_CATALOG_EDITOR)
        .bind(owners.is_some())
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    let mut after: Vec<String> = owners.unwrap_or_default().to_vec();
    after.sort();
    after.dedup();
    let at = now();
    for o in &after {
        Sql::new(INSERT_EDITOR_OWNER)
            .bind(user_id)
            .bind(o.as_str())
            .bind(at)
            .execute(&mut tx)
            .await?;
    }
    let before = json!({"user_id": user_id, "catalog_editor": was, "owners": before});
    let after = json!({"user_id": user_id, "catalog_editor": owners.is_some(), "owners": after});
    let e = entry(
        actor,
        None,
        "user.platform_role",
        Some(before.to_string()),
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn catalog_editor<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
) -> Result<Option<EditorOwners>> {
    let editor: Option<(bool,)> = Sql::new(SELECT_CATALOG_EDITOR)
        .bind(user_id)
        .fetch_optional(s)
        .await?;
    if !editor.is_some_and(|(e,)| e) {
        return Ok(None);
    }
    let owners: Vec<(String,)> = Sql::new(SELECT_EDITOR_OWNERS)
        .bind(user_id)
        .fetch_all(s)
        .await?;
    let owners = owners.into_iter().map(|(o,)| o).collect();
    Ok(Some(EditorOwners::from_stored(owners)))
}

pub(crate) async fn catalog_editor_owners<DB: Backend>(
    s: &Store<DB>,
) -> Result<std::collections::BTreeMap<i64, Vec<String>>> {
    let rows: Vec<(i64, String)> = Sql::new(SELECT_ALL_EDITOR_OWNERS).fetch_all(s).await?;
    let mut out = std::collections::BTreeMap::<i64, Vec<String>>::new();
    for (user, owner) in rows {
        out.entry(user).or_default().push(owner);
    }
    Ok(out)
}

pub(crate) async fn grant<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    orgnr: &str,
    role: Role,
    actor: &str,
) -> Result<()> {
    let mut tx = s.write().await?;
    let old: Option<(String,)> = Sql::new(SELECT_ROLE)
        .bind(user_id)
        .bind(orgnr)
        .fetch_optional(&mut tx)
        .await?;
    Sql::new(UPSERT_MEMBERSHIP)
        .bind(user_id)
        .bind(orgnr)
        .bind(role.as_str())
        .execute(&mut tx)
        .await?;
    let before = old.map(|(r,)| json!({"user_id": user_id, "role": r}).to_string());
    let after = json!({"user_id": user_id, "role": role.as_str()}).to_string();
    let e = entry(actor, Some(orgnr), "membership.grant", before, Some(after));
    tx.commit(&e).await?;
    Ok(())
}

pub(crate) async fn role<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    orgnr: &str,
) -> Result<Option<Role>> {
    let r: Option<(String,)> = Sql::new(SELECT_ROLE)
        .bind(user_id)
        .bind(orgnr)
        .fetch_optional(s)
        .await?;
    Ok(r.and_then(|(role,)| Role::parse(&role)))
}

/// Pairs of a name and a role, without the roles the code does not know.
fn with_roles(rows: Vec<(String, String)>) -> Vec<(String, Role)> {
    rows.into_iter()
        .filter_map(|(name, role)| Some((name, Role::parse(&role)?)))
        .collect()
}

pub(crate) async fn memberships<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
) -> Result<Vec<(String, Role)>> {
    let rows = Sql::new(SELECT_MEMBERSHIPS)
        .bind(user_id)
        .fetch_all(s)
        .await?;
    Ok(with_roles(rows))
}

pub(crate) async fn members<DB: Backend>(
    s: &Store<DB>,
    orgnr: &str,
) -> Result<Vec<(String, Role)>> {
    let rows = Sql::new(SELECT_MEMBERS).bind(orgnr).fetch_all(s).await?;
    Ok(with_roles(rows))
}

pub(crate) async fn create_session<DB: Backend>(
    s: &Store<DB>,
    id_hash: &str,
    user_id: i64,
    csrf: &str,
    expires_at: i64,
) -> Result<()> {
    Sql::new(INSERT_SESSION)
        .bind(id_hash)
        .bind(user_id)
        .bind(csrf)
        .bind(expires_at)
        .bind(now())
        .execute(s)
        .await
}

pub(crate) async fn session<DB: Backend>(
    s: &Store<DB>,
    id_hash: &str,
) -> Result<Option<SessionRow>> {
    Sql::new(SELECT_SESSION)
        .bind(id_hash)
        .bind(now())
        .fetch_optional(s)
        .await
}

pub(crate) async fn delete_session<DB: Backend>(s: &Store<DB>, id_hash: &str) -> Result<()> {
    Sql::new(DELETE_SESSION)
        .bind(id_hash)
        .bind(now())
        .execute(s)
        .await
}

pub(crate) async fn user_by_identity<DB: Backend>(
    s: &Store<DB>,
    issuer: &str,
    subject: &str,
) -> Result<Option<UserRow>> {
    Sql::new(SELECT_USER_BY_IDENTITY)
        .bind(issuer)
        .bind(subject)
        .fetch_optional(s)
        .await
}

pub(crate) async fn link_identity<DB: Backend>(
    s: &Store<DB>,
    issuer: &str,
    subject: &str,
    email: &str,
    actor: &str,
) -> Result<UserRow> {
    let mut tx = s.write().await?;
    let linked = Sql::new(IDENTITY_EXISTS)
        .bind(issuer)
        .bind(subject)
        .exists(&mut tx)
        .await?;
    if linked {
        return Err(StoreError::Conflict(format!("{issuer} {subject}")));
    }
    let existing: Option<UserRow> = Sql::new(SELECT_USER_BY_EMAIL)
        .bind(email)
        .fetch_optional(&mut tx)
        .await?;
    let (user, created) = match existing {
        Some(user) => {
            if user.platform_admin || user.catalog_editor {
                return Err(StoreError::Refused(format!("{email} has a platform role")));
            }
            let other = Sql::new(USER_LINKED_AT_ISSUER)
                .bind(issuer)
                .bind(user.id)
                .exists(&mut tx)
                .await?;
            if other {
                let why = format!("{email} is linked to another identity");
                return Err(StoreError::Refused(why));
            }
            (user, false)
        }
        None => {
            let user: UserRow = Sql::new(INSERT_OIDC_USER)
                .bind(email)
                .bind(false)
                .bind(now())
                .fetch_one(&mut tx)
                .await?;
            (user, true)
        }
    };
    Sql::new(INSERT_IDENTITY)
        .bind(issuer)
        .bind(subject)
        .bind(user.id)
        .bind(now())
        .execute(&mut tx)
        .await?;
    let after = json!({
        "id": user.id, "email": email, "issuer": issuer, "subject": subject, "created": created,
    });
    let e = entry(
        actor,
        None,
        "user.link_identity",
        None,
        Some(after.to_string()),
    );
    tx.commit(&e).await?;
    Ok(user)
}

pub(crate) async fn unlink_identities<DB: Backend>(
    s: &Store<DB>,
    user_id: i64,
    actor: &str,
) -> Result<u64> {
    let mut tx = s.write().await?;
    let rows: Vec<(String, String)> = Sql::new(SELECT_IDENTITIES)
        .bind(user_id)
        .fetch_all(&mut tx)
        .await?;
    let removed: Vec<serde_json::Value> = rows
        .iter()
        .map(|(issuer, subject)| json!({"issuer": issuer, "subject": subject}))
        .collect();
    Sql::new(DELETE_IDENTITIES)
        .bind(user_id)
        .execute(&mut tx)
        .await?;
    let before = json!({"user_id": user_id, "identities": removed}).to_string();
    let after = json!({"user_id": user_id, "identities": []}).to_string();
    let e = entry(
        actor,
        None,
        "user.unlink_identities",
        Some(before),
        Some(after),
    );
    tx.commit(&e).await?;
    Ok(removed.len() as u64)
}
