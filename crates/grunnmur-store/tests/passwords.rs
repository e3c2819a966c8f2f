//! Passwords, the second factor and one-time links, the same on SQLite and on PostgreSQL.

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
        sectors: vec![],
        catalog_id: "felles".into(),
        catalog_version: "2026.1".into(),
        created_at: now(),
    }
}

/// The platform's security events (orgnr NULL) with this action.
async fn events(s: &Arc<dyn Storage>, action: &str) -> Vec<AuditRow> {
    s.audit_all()
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action == action)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_password_change_lifts_the_forced_change_and_may_end_sessions() {
    for s in stores("a_password_change_lifts_the_forced_change_and_may_end_sessions").await {
        let b = s.backend();
        let id = s
            .create_user("root@example.no", Some("h1"), true, "t")
            .await
            .unwrap();
        assert!(!s.user(id).await.unwrap().unwrap().must_change_password);
        s.require_password_change(id, "grunnmur serve")
            .await
            .unwrap();
        assert!(
            s.user(id).await.unwrap().unwrap().must_change_password,
            "{b}"
        );
        s.create_session("sess", id, "csrf", now() + 60)
            .await
            .unwrap();
        s.set_password(id, "h2", false, "root@example.no")
            .await
            .unwrap();
        let u = s.user(id).await.unwrap().unwrap();
        assert_eq!(u.password_hash.as_deref(), Some("h2"));
        assert!(!u.must_change_password, "{b}");
        assert!(s.session("sess").await.unwrap().is_some(), "kept: {b}");
        s.set_password(id, "h3", true, "root@example.no")
            .await
            .unwrap();
        assert!(s.session("sess").await.unwrap().is_none(), "ended: {b}");
        let changes = events(&s, "password.change").await;
        assert_eq!(changes.len(), 2, "{b}");
        assert!(changes.iter().all(|e| e.orgnr.is_none()), "{b}");
        assert!(!changes[0].after.as_deref().unwrap().contains("h2"), "{b}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn totp_secrets_and_recovery_codes_are_used_once() {
    for s in stores("totp_secrets_and_recovery_codes_are_used_once").await {
        let b = s.backend();
        let id = s
            .create_user("kari@example.no", Some("h"), false, "t")
            .await
            .unwrap();
        s.set_totp_pending(id, Some("PENDING")).await.unwrap();
        let u = s.user(id).await.unwrap().unwrap();
        assert_eq!(u.totp_pending.as_deref(), Some("PENDING"));
        assert_eq!(u.totp_secret, None);
        let hashes: Vec<String> = (0..10).map(|i| format!("hash{i}")).collect();
        s.enable_totp(id, "PENDING", &hashes, "kari@example.no")
            .await
            .unwrap();
        let u = s.user(id).await.unwrap().unwrap();
        assert_eq!(u.totp_secret.as_deref(), Some("PENDING"), "{b}");
        assert_eq!(u.totp_pending, None, "{b}");
        assert_eq!(s.recovery_codes_left(id).await.unwrap(), 10);
        assert!(s.use_recovery_code(id, "hash3", "k").await.unwrap(), "{b}");
        assert!(
            !s.use_recovery_code(id, "hash3", "k").await.unwrap(),
            "once: {b}"
        );
        assert!(!s.use_recovery_code(id, "nope", "k").await.unwrap(), "{b}");
        assert_eq!(s.recovery_codes_left(id).await.unwrap(), 9);
        assert_eq!(events(&s, "totp.recovery-used").await.len(), 1, "{b}");
        s.disable_totp(id, "kari@example.no").await.unwrap();
        let u = s.user(id).await.unwrap().unwrap();
        assert_eq!(u.totp_secret, None, "{b}");
        assert_eq!(s.recovery_codes_left(id).await.unwrap(), 0, "{b}");
        for action in ["totp.enable", "totp.disable"] {
            let e = events(&s, action).await;
            assert_eq!(e.len(), 1, "{action} {b}");
            assert!(e[0].orgnr.is_none());
            assert!(!e[0].after.as_deref().unwrap().contains("PENDING"), "{b}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_totp_step_is_used_once_even_by_concurrent_callers() {
    for s in stores("a_totp_step_is_used_once_even_by_concurrent_callers").await {
        let b = s.backend();
        let id = s
            .create_user("kari@example.no", Some("h"), false, "t")
            .await
            .unwrap();
        let other = s
            .create_user("ola@example.no", Some("h"), false, "t")
            .await
            .unwrap();
        let step = now() / 30;
        assert!(s.use_totp_step(id, step).await.unwrap(), "{b}");
        assert!(!s.use_totp_step(id, step).await.unwrap(), "again: {b}");
        assert!(!s.use_totp_step(id, step - 1).await.unwrap(), "older: {b}");
        // Another account's steps are its own.
        assert!(s.use_totp_step(other, step).await.unwrap(), "{b}");
        // Eight callers with the same later step at once: exactly one wins.
        let racers: Vec<_> = (0..8)
            .map(|_| {
                let s = s.clone();
                tokio::spawn(async move { s.use_totp_step(id, step + 1).await.unwrap() })
            })
            .collect();
        let mut won = 0;
        for r in racers {
            won += usize::from(r.await.unwrap());
        }
        assert_eq!(won, 1, "{b}");
        assert!(s.use_totp_step(id, step + 2).await.unwrap(), "{b}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_link_works_once_ends_sessions_and_retires_older_ones() {
    for s in stores("a_reset_link_works_once_ends_sessions_and_retires_older_ones").await {
        let b = s.backend();
        let id = s
            .create_user("kari@example.no", Some("old"), false, "t")
            .await
            .unwrap();
        s.create_session("sess", id, "csrf", now() + 60)
            .await
            .unwrap();
        let link = |hash: &'static str, expires_at| NewLink {
            kind: LinkKind::Reset,
            token_hash: hash,
            email: "kari@example.no",
            orgnr: None,
            role: None,
            expires_at,
        };
        s.create_link(&link("first", now() + 3600), "admin@example.no")
            .await
            .unwrap();
        s.create_link(&link("second", now() + 3600), "admin@example.no")
            .await
            .unwrap();
        assert!(s.link("first").await.unwrap().is_none(), "retired: {b}");
        assert!(matches!(
            s.use_reset_link("first", "new").await,
            Err(StoreError::NotFound(_))
        ));
        let got = s.link("second").await.unwrap().unwrap();
        assert_eq!(got.kind, "reset");
        assert_eq!(got.created_by, "admin@example.no");
        let u = s.use_reset_link("second", "new").await.unwrap();
        assert_eq!(u.password_hash.as_deref(), Some("new"), "{b}");
        assert!(s.session("sess").await.unwrap().is_none(), "ended: {b}");
        assert!(
            matches!(
                s.use_reset_link("second", "newer").await,
                Err(StoreError::NotFound(_))
            ),
            "once: {b}"
        );
        // An expired link does nothing.
        s.create_link(&link("old", now() - 1), "admin@example.no")
            .await
            .unwrap();
        assert!(s.link("old").await.unwrap().is_none(), "{b}");
        assert!(s.use_reset_link("old", "x").await.is_err(), "{b}");
        let resets = events(&s, "password.reset").await;
        assert_eq!(resets.len(), 3, "{b}");
        assert!(resets.iter().all(|e| e.orgnr.is_none()));
        assert_eq!(resets[0].actor, "admin@example.no");
        assert!(
            resets[0]
                .after
                .as_deref()
                .unwrap()
                .contains("kari@example.no")
        );
        let changes = events(&s, "password.change").await;
        assert_eq!(changes.len(), 1, "{b}");
        assert!(
            changes[0]
                .after
                .as_deref()
                .unwrap()
                .contains("admin@example.no")
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invitation_makes_a_member_of_a_new_or_the_signed_in_account() {
    for s in stores("an_invitation_makes_a_member_of_a_new_or_the_signed_in_account").await {
        let b = s.backend();
        s.create_body(&body("974760673"), "t").await.unwrap();
        let kari = s
            .create_user("kari@example.no", Some("h"), false, "t")
            .await
            .unwrap();
        let invite = |hash: &'static str, email: &'static str| NewLink {
            kind: LinkKind::Invite,
            token_hash: hash,
            email,
            orgnr: Some("974760673"),
            role: Some(Role::Editor),
            expires_at: now() + 3600,
        };
        s.create_link(&invite("for-kari", "kari@example.no"), "admin@example.no")
            .await
            .unwrap();
        s.create_link(&invite("for-ola", "ola@example.no"), "admin@example.no")
            .await
            .unwrap();
        let open = s.invitations("974760673").await.unwrap();
        let emails: Vec<&str> = open.iter().map(|l| l.email.as_str()).collect();
        assert_eq!(emails, ["kari@example.no", "ola@example.no"], "{b}");
        // A password for an address that has an account is refused; the link stays good.
        assert!(matches!(
            s.accept_invitation("for-kari", Some("x"), None).await,
            Err(StoreError::Refused(_))
        ));
        assert!(s.link("for-kari").await.unwrap().is_some(), "{b}");
        // Another signed-in account cannot take it either.
        let other = s
            .create_user("per@example.no", Some("h"), false, "t")
            .await
            .unwrap();
        assert!(
            s.accept_invitation("for-kari", None, Some(other))
                .await
                .is_err()
        );
        let u = s
            .accept_invitation("for-kari", None, Some(kari))
            .await
            .unwrap();
        assert_eq!(u.id, kari);
        assert_eq!(
            s.role(kari, "974760673").await.unwrap(),
            Some(Role::Editor),
            "{b}"
        );
        // A new account with the password chosen.
        let ola = s
            .accept_invitation("for-ola", Some("ola-hash"), None)
            .await
            .unwrap();
        assert_eq!(ola.email, "ola@example.no");
        assert_eq!(ola.password_hash.as_deref(), Some("ola-hash"));
        assert_eq!(
            s.role(ola.id, "974760673").await.unwrap(),
            Some(Role::Editor)
        );
        assert!(
            s.accept_invitation("for-ola", Some("again"), None)
                .await
                .is_err()
        );
        assert!(s.invitations("974760673").await.unwrap().is_empty(), "{b}");
        let invites: Vec<AuditRow> = s
            .audit_for("974760673")
            .await
            .unwrap()
            .into_iter()
            .filter(|e| e.action == "member.invite")
            .collect();
        assert_eq!(invites.len(), 2, "{b}");
        assert_eq!(invites[0].actor, "admin@example.no");
        assert!(verify_chain(&s.audit_all().await.unwrap()).is_ok(), "{b}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_in_challenge_lives_until_it_expires_or_is_removed() {
    for s in stores("a_sign_in_challenge_lives_until_it_expires_or_is_removed").await {
        let id = s
            .create_user("kari@example.no", Some("h"), false, "t")
            .await
            .unwrap();
        s.create_challenge("c1", id, now() + 60).await.unwrap();
        s.create_challenge("c2", id, now() - 1).await.unwrap();
        assert_eq!(s.challenge("c1").await.unwrap(), Some(id));
        assert_eq!(s.challenge("c2").await.unwrap(), None);
        s.delete_challenge("c1").await.unwrap();
        assert_eq!(s.challenge("c1").await.unwrap(), None);
    }
}
