//! The same behaviour on SQLite and on PostgreSQL.

use grunnmur_store::testing::{note_postgres_skipped, postgres, sqlite};
use grunnmur_store::*;
use std::sync::Arc;

async fn stores(test: &str) -> Vec<Arc<dyn Storage>> {
    let mut v = vec![sqlite().await.0];
    match postgres().await {
        Some((s, _)) => v.push(s),
        None => note_postgres_skipped(test),
    }
    v
}

fn body(orgnr: &str) -> BodyRow {
    BodyRow {
        orgnr: orgnr.into(),
        name: "Testkommune".into(),
        kind: "kommune".into(),
        sectors: vec!["helse".into()],
        catalog_id: "felles".into(),
        catalog_version: "2026.1".into(),
        created_at: now(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_workspaces_and_versions() {
    for s in stores("bodies_workspaces_and_versions").await {
        let b = s.backend();
        s.create_body(&body("974760673"), "tester").await.unwrap();
        assert!(
            matches!(
                s.create_body(&body("974760673"), "tester").await,
                Err(StoreError::Conflict(_))
            ),
            "{b}"
        );
        assert_eq!(
            s.body("974760673").await.unwrap().unwrap().sectors,
            ["helse"],
            "{b}"
        );
        assert_eq!(s.workspace_version("974760673").await.unwrap(), None);
        let w = |doc, expected| WorkspaceWrite {
            orgnr: "974760673",
            doc,
            actor: "tester",
            action: "workspace.put",
            expected_version: expected,
        };
        assert_eq!(s.put_workspace(w("{\"v\":1}", None)).await.unwrap(), 1);
        assert_eq!(s.put_workspace(w("{\"v\":2}", Some(1))).await.unwrap(), 2);
        let stale = s.put_workspace(w("{\"v\":3}", Some(1))).await;
        assert!(
            matches!(
                stale,
                Err(StoreError::VersionConflict {
                    current: 2,
                    expected: 1
                })
            ),
            "{b}"
        );
        let ws = s.workspace("974760673").await.unwrap().unwrap();
        assert_eq!(
            (ws.doc.as_str(), ws.version),
            ("{\"v\":2}", 2),
            "{b}: the refused write stored nothing"
        );
        let missing = WorkspaceWrite {
            orgnr: "991825827",
            ..w("{}", None)
        };
        assert!(
            matches!(s.put_workspace(missing).await, Err(StoreError::NotFound(_))),
            "{b}"
        );

        let audit = s.audit_for("974760673").await.unwrap();
        let actions: Vec<&str> = audit.iter().map(|a| a.action.as_str()).collect();
        assert_eq!(
            actions,
            ["body.create", "workspace.put", "workspace.put"],
            "{b}"
        );
        assert_eq!(audit[2].before.as_deref(), Some("{\"v\":1}"));
        assert_eq!(audit[2].after.as_deref(), Some("{\"v\":2}"));
        assert_eq!(verify_chain(&s.audit_all().await.unwrap()), Ok(3), "{b}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn users_roles_tokens_sessions_and_login_failures() {
    for s in stores("users_roles_tokens_sessions_and_login_failures").await {
        let b = s.backend();
        s.create_body(&body("974760673"), "t").await.unwrap();
        let id = s
            .create_user("a@example.no", Some("hash"), true, "t")
            .await
            .unwrap();
        assert!(matches!(
            s.create_user("a@example.no", None, false, "t").await,
            Err(StoreError::Conflict(_))
        ));
        let u = s.user_by_email("a@example.no").await.unwrap().unwrap();
        assert_eq!(
            (u.id, u.platform_admin, u.password_hash.as_deref()),
            (id, true, Some("hash")),
            "{b}"
        );
        assert_eq!(s.user_count().await.unwrap(), 1);
        assert_eq!(s.role(id, "974760673").await.unwrap(), None);
        s.grant(id, "974760673", Role::Reader, "t").await.unwrap();
        s.grant(id, "974760673", Role::Editor, "t").await.unwrap();
        assert_eq!(
            s.role(id, "974760673").await.unwrap(),
            Some(Role::Editor),
            "{b}"
        );
        assert_eq!(
            s.memberships(id).await.unwrap(),
            vec![("974760673".to_string(), Role::Editor)]
        );
        assert_eq!(
            s.members("974760673").await.unwrap(),
            vec![("a@example.no".to_string(), Role::Editor)],
            "{b}"
        );
        assert!(s.members("000000000").await.unwrap().is_empty());

        let t = NewToken {
            user_id: id,
            token_hash: "tokhash",
            name: "ci",
            expires_at: now() + 3600,
            scope: None,
        };
        s.create_token(t, "t").await.unwrap();
        assert_eq!(
            s.live_token("tokhash").await.unwrap().map(|t| t.user_id),
            Some(id)
        );
        assert!(s.live_token("other").await.unwrap().is_none());

        s.create_session("sess", id, "csrf", now() + 3600)
            .await
            .unwrap();
        s.create_session("old", id, "csrf", now() - 1)
            .await
            .unwrap();
        assert_eq!(
            s.session("sess").await.unwrap().map(|x| x.csrf),
            Some("csrf".into())
        );
        assert!(
            s.session("old").await.unwrap().is_none(),
            "{b}: expired sessions do not count"
        );
        s.delete_session("sess").await.unwrap();
        assert!(s.session("sess").await.unwrap().is_none());

        let fail = |email: &'static str, client: &'static str, forget: i64| {
            let s = s.clone();
            async move {
                s.record_login_failure(email, client, Some("{}".into()), forget)
                    .await
                    .unwrap()
            }
        };
        for _ in 0..3 {
            fail("a@example.no", "10.0.0.1", 0).await;
        }
        fail("b@example.no", "10.0.0.1", 0).await;
        fail("a@example.no", "10.0.0.2", 0).await;
        let f = s
            .login_failures("a@example.no", "10.0.0.1", now() - 60)
            .await
            .unwrap();
        assert_eq!((f.pair.len(), f.client.len()), (3, 4), "{b}");
        // A success clears this address's failures for the account, not the other address's.
        s.clear_login_failures("a@example.no", "10.0.0.1")
            .await
            .unwrap();
        let f = s
            .login_failures("a@example.no", "10.0.0.2", 0)
            .await
            .unwrap();
        assert_eq!((f.pair.len(), f.client.len()), (1, 1), "{b}");
        let f = s
            .login_failures("a@example.no", "10.0.0.1", 0)
            .await
            .unwrap();
        assert_eq!((f.pair.len(), f.client.len()), (0, 1), "{b}");
        // Recording forgets what is older than the longest window, accounts or not.
        fail("c@example.no", "10.0.0.3", now() + 1).await;
        let f = s
            .login_failures("b@example.no", "10.0.0.1", 0)
            .await
            .unwrap();
        assert_eq!(f, LoginFailures::default(), "{b}: old failures forgotten");
        // The evidence stays: every failure is in the platform stream.
        let q = AuditQuery {
            action: Some("login".into()),
            limit: 100,
            ..Default::default()
        };
        let failed = s.platform_audit(&q).await.unwrap();
        assert_eq!(failed.len(), 6, "{b}");
        assert!(
            failed
                .iter()
                .all(|r| r.action == "login.failed" && r.orgnr.is_none())
        );
        assert!(
            failed.windows(2).all(|w| w[0].seq > w[1].seq),
            "{b}: newest first"
        );
        let q = AuditQuery {
            actor: Some("B@EXAMPLE".into()),
            limit: 100,
            ..Default::default()
        };
        assert_eq!(s.platform_audit(&q).await.unwrap().len(), 1, "{b}");
        assert_eq!(verify_chain(&s.audit_all().await.unwrap()), Ok(11), "{b}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writers_keep_one_unbroken_chain() {
    for s in stores("concurrent_writers_keep_one_unbroken_chain").await {
        let mut tasks = Vec::new();
        for n in 0..20 {
            let s = s.clone();
            tasks.push(tokio::spawn(async move {
                s.append_audit(&NewAudit {
                    actor: format!("w{n}"),
                    orgnr: None,
                    action: "test".into(),
                    before: None,
                    after: None,
                })
                .await
                .unwrap()
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(
            verify_chain(&s.audit_all().await.unwrap()),
            Ok(20),
            "{}",
            s.backend()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_log_refuses_edits_and_verify_finds_tampering() {
    let (s, path) = sqlite().await;
    for n in 0..4 {
        s.append_audit(&NewAudit {
            actor: "a".into(),
            orgnr: None,
            action: format!("a{n}"),
            before: None,
            after: None,
        })
        .await
        .unwrap();
    }
    let store = SqliteStore::open(&path.display().to_string())
        .await
        .unwrap();
    let refused = sqlx::query("UPDATE audit_log SET actor = 'x' WHERE seq = 2")
        .execute(store.pool())
        .await;
    assert!(refused.is_err(), "the database refuses edits");
    // Someone with file access removes the guard and edits anyway: verify names the row.
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(store.pool())
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET actor = 'x' WHERE seq = 2")
        .execute(store.pool())
        .await
        .unwrap();
    assert_eq!(
        verify_chain(&s.audit_all().await.unwrap()),
        Err(VerifyError::Altered { seq: 2 })
    );

    if let Some((pg, schema)) = postgres().await {
        pg.append_audit(&NewAudit {
            actor: "a".into(),
            orgnr: None,
            action: "x".into(),
            before: None,
            after: None,
        })
        .await
        .unwrap();
        let url = grunnmur_store::testing::postgres_url().unwrap();
        let raw = PgStore::connect(&url).await.unwrap();
        let q = format!("DELETE FROM {schema}.audit_log WHERE seq = 1");
        assert!(
            sqlx::query(&q).execute(raw.pool()).await.is_err(),
            "postgres refuses deletes"
        );
    } else {
        note_postgres_skipped("the_audit_log_refuses_edits_and_verify_finds_tampering");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backup_is_a_consistent_copy() {
    let (s, path) = sqlite().await;
    s.create_body(&body("974760673"), "t").await.unwrap();
    let out = path.with_file_name("backup.db");
    s.backup(&out).await.unwrap();
    assert!(
        matches!(s.backup(&out).await, Err(StoreError::Conflict(_))),
        "never overwrites"
    );
    let copy = SqliteStore::open(&out.display().to_string()).await.unwrap();
    assert_eq!(
        copy.body("974760673").await.unwrap().map(|b| b.name),
        Some("Testkommune".into())
    );
    assert_eq!(verify_chain(&copy.audit_all().await.unwrap()), Ok(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oidc_identities_link_to_one_account_each() {
    for s in stores("oidc_identities_link_to_one_account_each").await {
        let b = s.backend();
        let iss = "https://login.example.no";
        assert_eq!(s.user_by_identity(iss, "sub-1").await.unwrap(), None);
        // An account made by an administrator is found by its e-mail address on first sign-in.
        let local = s
            .create_user("kari@example.no", Some("$argon2id$x"), false, "tester")
            .await
            .unwrap();
        let kari = s
            .link_identity(iss, "sub-1", "kari@example.no", "oidc")
            .await
            .unwrap();
        assert_eq!(kari.id, local, "{b}");
        assert_eq!(
            s.user_by_identity(iss, "sub-1")
                .await
                .unwrap()
                .map(|u| u.id),
            Some(local),
            "{b}"
        );
        // Someone new gets an account without a password and without any role.
        let ola = s
            .link_identity(iss, "sub-2", "ola@example.no", "oidc")
            .await
            .unwrap();
        assert_ne!(ola.id, local, "{b}");
        assert_eq!(ola.password_hash, None, "{b}");
        assert!(!ola.platform_admin, "{b}");
        assert!(s.memberships(ola.id).await.unwrap().is_empty(), "{b}");
        // The same subject at another issuer is someone else; the same subject twice is refused.
        assert_eq!(
            s.user_by_identity("https://other", "sub-1").await.unwrap(),
            None
        );
        assert!(
            matches!(
                s.link_identity(iss, "sub-1", "x@example.no", "oidc").await,
                Err(StoreError::Conflict(_))
            ),
            "{b}"
        );
        assert_eq!(s.user_by_email("x@example.no").await.unwrap(), None, "{b}");
        // An address never links a second identity at the same issuer, nor a platform role.
        assert!(
            matches!(
                s.link_identity(iss, "sub-3", "kari@example.no", "oidc")
                    .await,
                Err(StoreError::Refused(_))
            ),
            "{b}"
        );
        let root = s
            .create_user("root@example.no", None, true, "tester")
            .await
            .unwrap();
        let editor = s
            .create_user("red@example.no", None, false, "tester")
            .await
            .unwrap();
        s.set_platform_role(editor, PlatformRole::CatalogEditor, true, "tester")
            .await
            .unwrap();
        assert!(s.user(editor).await.unwrap().unwrap().catalog_editor, "{b}");
        for email in ["root@example.no", "red@example.no"] {
            assert!(
                matches!(
                    s.link_identity(iss, email, email, "oidc").await,
                    Err(StoreError::Refused(_))
                ),
                "{b}: {email}"
            );
        }
        assert_eq!(
            s.user_by_identity(iss, "root@example.no").await.unwrap(),
            None,
            "{b}"
        );
        let _ = root;
        // An administrator unlinks Kari's old identity: her address links anew.
        assert_eq!(s.unlink_identities(local, "admin").await.unwrap(), 1, "{b}");
        assert_eq!(s.user_by_identity(iss, "sub-1").await.unwrap(), None, "{b}");
        let again = s
            .link_identity(iss, "sub-3", "kari@example.no", "oidc")
            .await
            .unwrap();
        assert_eq!(again.id, local, "{b}");
        let actions: Vec<String> = s
            .audit_all()
            .await
            .unwrap()
            .into_iter()
            .map(|a| a.action)
            .collect();
        assert_eq!(
            actions
                .iter()
                .filter(|a| *a == "user.link_identity")
                .count(),
            3,
            "{b}: {actions:?}"
        );
        assert!(actions.iter().any(|a| a == "user.platform_role"), "{b}");
        assert!(actions.iter().any(|a| a == "user.unlink_identities"), "{b}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn catalog_releases_are_immutable_and_bodies_pin_to_one() {
    for s in stores("catalog_releases_are_immutable_and_bodies_pin_to_one").await {
        let b = s.backend();
        assert!(
            s.publish_release("felles", "2026.1", "[1]", "tester")
                .await
                .unwrap(),
            "{b}"
        );
        // The same files again: nothing happens; other files under that version: refused.
        assert!(
            !s.publish_release("felles", "2026.1", "[1]", "tester")
                .await
                .unwrap(),
            "{b}"
        );
        assert!(
            matches!(
                s.publish_release("felles", "2026.1", "[2]", "tester").await,
                Err(StoreError::Conflict(_))
            ),
            "{b}"
        );
        assert!(
            s.publish_release("felles", "2026.2", "[2]", "tester")
                .await
                .unwrap(),
            "{b}"
        );
        let versions: Vec<String> = s
            .releases()
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.version)
            .collect();
        assert_eq!(versions, ["2026.1", "2026.2"], "{b}");
        assert_eq!(
            s.release_sources("felles", "2026.1")
                .await
                .unwrap()
                .as_deref(),
            Some("[1]"),
            "{b}"
        );
        assert_eq!(
            s.releases().await.unwrap()[0].content_hash,
            content_hash("[1]")
        );

        s.create_body(&body("974760673"), "tester").await.unwrap();
        let w = WorkspaceWrite {
            orgnr: "974760673",
            doc: "{}",
            actor: "tester",
            action: "workspace.put",
            expected_version: None,
        };
        assert_eq!(s.put_workspace(w).await.unwrap(), 1);
        assert!(
            matches!(
                s.pin_release("974760673", "felles", "2026.2", Some(0), "admin")
                    .await,
                Err(StoreError::VersionConflict {
                    current: 1,
                    expected: 0
                })
            ),
            "{b}: the workspace was checked at another version"
        );
        s.pin_release("974760673", "felles", "2026.2", Some(1), "admin")
            .await
            .unwrap();
        let row = s.body("974760673").await.unwrap().unwrap();
        assert_eq!(row.catalog_version, "2026.2", "{b}");
        assert_eq!(
            s.workspace_version("974760673").await.unwrap(),
            Some(2),
            "{b}: caches must see the move"
        );
        assert!(
            matches!(
                s.pin_release("974760673", "felles", "2099.1", None, "admin")
                    .await,
                Err(StoreError::NotFound(_))
            ),
            "{b}"
        );
        assert_eq!(
            s.body("974760673").await.unwrap().unwrap().catalog_version,
            "2026.2",
            "{b}"
        );
        let last = s.audit_for("974760673").await.unwrap().pop().unwrap();
        assert_eq!(last.action, "body.pin_release", "{b}");
        assert!(last.before.unwrap().contains("2026.1"), "{b}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_to_edit_a_release() {
    let (s, path) = sqlite().await;
    s.publish_release("felles", "2026.1", "[1]", "tester")
        .await
        .unwrap();
    let raw = SqliteStore::open(&path.display().to_string())
        .await
        .unwrap();
    for q in [
        "UPDATE catalog_releases SET sources = '[9]'",
        "DELETE FROM catalog_releases",
    ] {
        assert!(sqlx::query(q).execute(raw.pool()).await.is_err(), "{q}");
    }
    assert_eq!(
        s.release_sources("felles", "2026.1")
            .await
            .unwrap()
            .as_deref(),
        Some("[1]")
    );
    if let Some((pg, schema)) = postgres().await {
        pg.publish_release("felles", "2026.1", "[1]", "tester")
            .await
            .unwrap();
        let url = grunnmur_store::testing::postgres_url().unwrap();
        let raw = PgStore::connect(&url).await.unwrap();
        for q in [
            format!("UPDATE {schema}.catalog_releases SET sources = '[9]'"),
            format!("DELETE FROM {schema}.catalog_releases"),
        ] {
            assert!(sqlx::query(&q).execute(raw.pool()).await.is_err(), "{q}");
        }
    } else {
        note_postgres_skipped("the_database_refuses_to_edit_a_release");
    }
}
