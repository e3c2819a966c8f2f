//! The life cycle of credentials, the same on SQLite and PostgreSQL: tokens that expire, are
//! revoked and are scoped; sessions ended everywhere; disabled accounts; membership removal
//! that keeps a body's last admin. Each change in the audit log.

use grunnmur_store::testing::{note_postgres_skipped, postgres, sqlite};
use grunnmur_store::*;
use std::sync::Arc;

const ORG: &str = "974760673";

async fn stores(test: &str) -> Vec<Arc<dyn Storage>> {
    let mut v = vec![sqlite().await.0];
    match postgres().await {
        Some((s, _)) => v.push(s),
        None => note_postgres_skipped(test),
    }
    v
}

async fn with_body(s: &dyn Storage) {
    let body = BodyRow {
        orgnr: ORG.into(),
        name: "Testkommune".into(),
        kind: "kommune".into(),
        sectors: vec![],
        catalog_id: "felles".into(),
        catalog_version: "2026.1".into(),
        created_at: now(),
    };
    s.create_body(&body, "t").await.unwrap();
}

fn token<'a>(user_id: i64, hash: &'a str, expires_at: i64) -> NewToken<'a> {
    NewToken {
        user_id,
        token_hash: hash,
        name: "ci",
        expires_at,
        scope: None,
    }
}

/// The actions of the audit entries, and their bodies, oldest first.
async fn actions(s: &dyn Storage) -> Vec<(String, Option<String>)> {
    s.audit_all()
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.action, e.orgnr))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_expire_are_revoked_and_keep_their_scope() {
    for s in stores("tokens_expire_are_revoked_and_keep_their_scope").await {
        let b = s.backend();
        with_body(&*s).await;
        let u = s
            .create_user("a@example.no", None, false, "t")
            .await
            .unwrap();
        let other = s
            .create_user("b@example.no", None, false, "t")
            .await
            .unwrap();
        let live = s
            .create_token(token(u, "live", now() + 60), "t")
            .await
            .unwrap();
        s.create_token(token(u, "expired", now() - 1), "t")
            .await
            .unwrap();
        let scoped = NewToken {
            scope: Some((ORG, Role::Reader)),
            ..token(u, "scoped", now() + 60)
        };
        s.create_token(scoped, "t").await.unwrap();

        assert_eq!(
            s.live_token("live").await.unwrap().map(|t| t.id),
            Some(live)
        );
        assert!(s.live_token("expired").await.unwrap().is_none(), "{b}");
        let scoped = s.live_token("scoped").await.unwrap().unwrap();
        assert_eq!(scoped.scope(), Some((ORG, Role::Reader)), "{b}");
        assert_eq!(s.live_token("live").await.unwrap().unwrap().scope(), None);

        s.touch_token(live).await.unwrap();
        assert!(s.token(live).await.unwrap().unwrap().last_used_at.is_some());

        // Another user's token is not found; one's own is revoked and dead at once.
        assert!(matches!(
            s.revoke_token(live, Some(other), "t").await,
            Err(StoreError::NotFound(_))
        ));
        assert!(s.live_token("live").await.unwrap().is_some());
        let revoked = s.revoke_token(live, Some(u), "t").await.unwrap();
        assert!(revoked.revoked_at.is_some());
        assert!(s.live_token("live").await.unwrap().is_none(), "{b}");
        // Again: nothing changes, nothing more in the log.
        s.revoke_token(live, None, "t").await.unwrap();

        let listed = s.tokens(u).await.unwrap();
        assert_eq!(
            listed.len(),
            3,
            "{b}: revoked and expired tokens are listed"
        );
        assert!(s.tokens(other).await.unwrap().is_empty());

        let log = actions(&*s).await;
        let count = |a: &str| log.iter().filter(|(x, o)| x == a && o.is_none()).count();
        assert_eq!(
            (count("token.create"), count("token.revoke")),
            (3, 1),
            "{b}"
        );
        assert_eq!(
            verify_chain(&s.audit_all().await.unwrap()).map(|_| ()),
            Ok(())
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_end_everywhere_and_disabled_accounts_lose_theirs() {
    for s in stores("sessions_end_everywhere_and_disabled_accounts_lose_theirs").await {
        let b = s.backend();
        let u = s
            .create_user("a@example.no", None, false, "t")
            .await
            .unwrap();
        let v = s
            .create_user("b@example.no", None, false, "t")
            .await
            .unwrap();
        for (id, user) in [("s1", u), ("s2", u), ("s3", v)] {
            s.create_session(id, user, "csrf", now() + 3600)
                .await
                .unwrap();
        }
        let seen = s.session("s1").await.unwrap().unwrap().last_seen_at;
        assert!(seen >= now() - 5, "{b}: a new session was seen now");
        s.touch_session("s1").await.unwrap();

        assert_eq!(s.end_sessions(u, "a@example.no").await.unwrap(), 2, "{b}");
        assert!(s.session("s1").await.unwrap().is_none());
        assert!(s.session("s2").await.unwrap().is_none());
        assert!(
            s.session("s3").await.unwrap().is_some(),
            "{b}: others' stay"
        );

        s.set_disabled(v, true, "admin").await.unwrap();
        assert!(s.session("s3").await.unwrap().is_none(), "{b}");
        assert!(s.user(v).await.unwrap().unwrap().disabled_at.is_some());
        let names: Vec<String> = s
            .users()
            .await
            .unwrap()
            .into_iter()
            .map(|u| u.email)
            .collect();
        assert_eq!(names, ["a@example.no", "b@example.no"]);
        s.set_disabled(v, false, "admin").await.unwrap();
        assert!(
            s.user(v).await.unwrap().unwrap().disabled_at.is_none(),
            "{b}"
        );
        assert!(matches!(
            s.set_disabled(9999, true, "admin").await,
            Err(StoreError::NotFound(_))
        ));

        let log = actions(&*s).await;
        let platform = |a: &str| log.iter().any(|(x, o)| x == a && o.is_none());
        for a in ["logout", "user.disable", "user.enable"] {
            assert!(platform(a), "{b}: {a} in the log, at platform level");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_are_removed_but_never_the_last_admin() {
    for s in stores("members_are_removed_but_never_the_last_admin").await {
        let b = s.backend();
        with_body(&*s).await;
        let a = s
            .create_user("a@example.no", None, false, "t")
            .await
            .unwrap();
        let e = s
            .create_user("e@example.no", None, false, "t")
            .await
            .unwrap();
        s.grant(a, ORG, Role::Admin, "t").await.unwrap();
        s.grant(e, ORG, Role::Editor, "t").await.unwrap();
        let scoped = NewToken {
            scope: Some((ORG, Role::Editor)),
            ..token(e, "e-scoped", now() + 60)
        };
        s.create_token(scoped, "t").await.unwrap();

        assert!(
            matches!(
                s.remove_member(a, ORG, "t").await,
                Err(StoreError::Refused(_))
            ),
            "{b}: the last admin stays"
        );
        assert_eq!(s.role(a, ORG).await.unwrap(), Some(Role::Admin));
        assert_eq!(
            s.remove_member(e, ORG, "a@example.no").await.unwrap(),
            Role::Editor
        );
        assert_eq!(s.role(e, ORG).await.unwrap(), None, "{b}");
        assert!(
            s.live_token("e-scoped").await.unwrap().is_none(),
            "{b}: the member's tokens for the body end with the membership"
        );
        assert!(matches!(
            s.remove_member(e, ORG, "t").await,
            Err(StoreError::NotFound(_))
        ));
        // With a second admin, the first may go.
        s.grant(e, ORG, Role::Admin, "t").await.unwrap();
        s.remove_member(a, ORG, "t").await.unwrap();
        assert_eq!(
            s.members(ORG).await.unwrap(),
            [("e@example.no".to_string(), Role::Admin)]
        );

        let removals = s
            .audit_for(ORG)
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "member.remove")
            .count();
        assert_eq!(removals, 2, "{b}: member.remove in the body's log");
    }
}

/// A token's last use is written beside the queue of writers, on every request. A write
/// transaction that reads first (every one does: versions, the audit chain's head) must wait
/// for such a write, not fail: on SQLite a deferred transaction could not upgrade to a writer
/// after another connection wrote, and the caller got a 500.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_wait_for_token_touches_instead_of_failing() {
    for s in stores("writes_wait_for_token_touches_instead_of_failing").await {
        let b = s.backend();
        let u = s
            .create_user("a@example.no", None, false, "t")
            .await
            .unwrap();
        let id = s
            .create_token(token(u, "live", now() + 60), "t")
            .await
            .unwrap();
        let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let toucher = {
            let (s, done) = (s.clone(), done.clone());
            tokio::spawn(async move {
                while !done.load(std::sync::atomic::Ordering::Relaxed) {
                    s.touch_token(id).await.unwrap();
                }
            })
        };
        let mut writers = Vec::new();
        for n in 0..100 {
            let s = s.clone();
            writers.push(tokio::spawn(async move {
                s.append_audit(&NewAudit {
                    actor: format!("w{n}"),
                    orgnr: None,
                    action: "test".into(),
                    before: None,
                    after: None,
                })
                .await
            }));
        }
        let mut failed = Vec::new();
        for w in writers {
            if let Err(e) = w.await.unwrap() {
                failed.push(e.to_string());
            }
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        toucher.await.unwrap();
        assert_eq!(failed, Vec::<String>::new(), "{b}");
    }
}
