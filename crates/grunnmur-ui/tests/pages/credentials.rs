//! One's own tokens and sessions on the account page, and removing members: CSRF on every
//! form, the token shown once, each refusal explained at its field.

use crate::apps;
use grunnmur_testkit::*;
use reqwest::StatusCode;

/// A bearer request to the API of the site.
async fn api_status(site: &Site, token: &str, path: &str) -> StatusCode {
    site.http
        .get(format!("{}{path}", site.base))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
}

/// Posts the new-token form: the status and the page.
async fn create(site: &Site, cookie: &str, fields: [(&str, String); 5]) -> (StatusCode, String) {
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = site.post(cookie, "/account/tokens", &f).await;
    (res.status(), res.text().await.unwrap())
}

/// The token shown on a page (`gm_…`).
fn shown_token(html: &str) -> Option<String> {
    let at = html.find("gm_")?;
    let rest = &html[at..];
    let end = rest.find('<').unwrap_or(rest.len());
    Some(rest[..end].to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn own_tokens_are_made_shown_once_and_revoked_on_the_account_page() {
    for site in apps("own_tokens_are_made_shown_once_and_revoked_on_the_account_page").await {
        let s = site.login("a@example.no").await;
        let (status, html) = site.get(&s.cookie, "/account/tokens").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("action=\"/account/sessions/end\""), "{html}");

        let form = |csrf: &str, role: &str, days: &str| {
            [
                ("csrf", csrf.to_string()),
                ("name", "Rapportverktøy".to_string()),
                ("days", days.to_string()),
                ("body", A.to_string()),
                ("role", role.to_string()),
            ]
        };
        let (status, _) = create(&site, &s.cookie, form("wrong", "reader", "30")).await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "no token without the CSRF token"
        );

        // More than the editor's own role: refused at the field, nothing made.
        let (status, html) = create(&site, &s.cookie, form(&s.csrf, "admin", "30")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("cannot do more") || html.contains("kan ikke gjøre mer"));
        let (status, html) = create(&site, &s.cookie, form(&s.csrf, "reader", "ever")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(html.contains("id=\"days-error\""), "{html}");

        let (status, html) = create(&site, &s.cookie, form(&s.csrf, "reader", "30")).await;
        assert_eq!(status, StatusCode::OK);
        let token = shown_token(&html).expect("the new token is shown");
        assert_eq!(
            api_status(&site, &token, &format!("/api/bodies/{A}")).await,
            StatusCode::OK
        );
        assert_eq!(
            api_status(&site, &token, &format!("/api/bodies/{B}")).await,
            StatusCode::NOT_FOUND,
            "limited to A"
        );
        let (_, html) = site.get(&s.cookie, "/account/tokens").await;
        assert!(shown_token(&html).is_none(), "shown once");
        assert!(html.contains("Rapportverktøy"));

        let user = site
            .store
            .user_by_email("a@example.no")
            .await
            .unwrap()
            .unwrap();
        let id = site.store.tokens(user.id).await.unwrap()[0].id;
        let revoke = format!("/account/tokens/{id}/revoke");
        let res = site.post(&s.cookie, &revoke, &[("csrf", "wrong")]).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        assert_eq!(api_status(&site, &token, "/api/me").await, StatusCode::OK);
        let res = site.post(&s.cookie, &revoke, &[("csrf", &s.csrf)]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            api_status(&site, &token, "/api/me").await,
            StatusCode::UNAUTHORIZED
        );

        // Someone else's token is not theirs to revoke.
        let other = site.login("reader@example.no").await;
        let res = site
            .post(&other.cookie, &revoke, &[("csrf", &other.csrf)])
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_everywhere_ends_every_session_of_the_user() {
    for site in apps("signing_out_everywhere_ends_every_session_of_the_user").await {
        let one = site.login("a@example.no").await;
        let two = site.login("a@example.no").await;
        let other = site.login("reader@example.no").await;
        let end = "/account/sessions/end";
        let res = site.post(&one.cookie, end, &[("csrf", "wrong")]).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = site.post(&one.cookie, end, &[("csrf", &one.csrf)]).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&res), "/login");
        for s in [&one, &two] {
            let (status, _) = site.get(&s.cookie, "/bodies").await;
            assert_eq!(status, StatusCode::SEE_OTHER, "signed out");
        }
        assert_eq!(site.get(&other.cookie, "/bodies").await.0, StatusCode::OK);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admins_remove_members_but_never_the_last_admin() {
    for site in apps("admins_remove_members_but_never_the_last_admin").await {
        let admin = site.login("admin@example.no").await;
        let reader = site.login("reader@example.no").await;
        let path = format!("/b/{A}/members/remove");
        let (_, html) = site.get(&admin.cookie, &format!("/b/{A}/members")).await;
        assert!(
            html.contains(&format!("action=\"/b/{A}/members/remove\"")),
            "{html}"
        );

        let gone = [("csrf", "wrong"), ("email", "reader@example.no")];
        let res = site.post(&admin.cookie, &path, &gone).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = site
            .post(
                &reader.cookie,
                &path,
                &[("csrf", &reader.csrf), ("email", "a@example.no")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "admins only");

        let stranger = site.login("b@example.no").await;
        let res = site
            .post(
                &stranger.cookie,
                &path,
                &[("csrf", &stranger.csrf), ("email", "a@example.no")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "another body's admin");

        let me = [("csrf", admin.csrf.as_str()), ("email", "admin@example.no")];
        let res = site.post(&admin.cookie, &path, &me).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let html = res.text().await.unwrap();
        assert!(html.contains("siste administrator"), "{html}");

        let gone = [
            ("csrf", admin.csrf.as_str()),
            ("email", "reader@example.no"),
        ];
        let res = site.post(&admin.cookie, &path, &gone).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        let (status, _) = site.get(&reader.cookie, &format!("/b/{A}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "no longer a member");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn platform_admins_disable_and_enable_accounts_on_a_page() {
    for site in apps("platform_admins_disable_and_enable_accounts_on_a_page").await {
        add_platform_admin(&site.store, "root@example.no").await;
        let root = site.login("root@example.no").await;
        let a = site.login("a@example.no").await;
        assert_eq!(
            site.get(&a.cookie, "/platform/users").await.0,
            StatusCode::FORBIDDEN
        );
        let (status, html) = site.get(&root.cookie, "/platform/users").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("a@example.no"), "{html}");

        let disable = "/platform/users/disable";
        let res = site
            .post(
                &root.cookie,
                disable,
                &[("csrf", "wrong"), ("email", "a@example.no")],
            )
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
        let res = site
            .post(
                &a.cookie,
                disable,
                &[("csrf", &a.csrf), ("email", "b@example.no")],
            )
            .await;
        assert_eq!(
            res.status(),
            StatusCode::FORBIDDEN,
            "platform administrators only"
        );
        let form = [("csrf", root.csrf.as_str()), ("email", "a@example.no")];
        let res = site.post(&root.cookie, disable, &form).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            site.get(&a.cookie, "/bodies").await.0,
            StatusCode::SEE_OTHER,
            "signed out"
        );

        let me = [("csrf", root.csrf.as_str()), ("email", "root@example.no")];
        let res = site.post(&root.cookie, disable, &me).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let res = site
            .post(&root.cookie, "/platform/users/enable", &form)
            .await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER);
        site.login("a@example.no").await;
    }
}

/// Catalog editors per owner (issue 14): the account list shows each account's platform roles,
/// a catalog editor's owners by name in the page's language (an owner only an earlier release
/// names by that release's name; one no release names by its id), never ids where names exist.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_account_list_shows_catalog_editors_with_their_owners_by_name() {
    for site in apps("the_account_list_shows_catalog_editors_with_their_owners_by_name").await {
        add_platform_admin(&site.store, "root@example.no").await;
        let root = site.login("root@example.no").await;
        // An earlier release named an owner the server's own release does not.
        crate::publish_small(&site, "0.5", |t| {
            t.replace(
                "owners:\n",
                "owners:\n  - {id: gammel, name: {nb: \"Gammel eier\", en: \"Former owner\"}}\n",
            )
        })
        .await;
        let grant = |email: &'static str, owners: &'static [&'static str]| {
            let store = site.store.clone();
            async move {
                let id = add_user(&store, email, false).await;
                let owners: Vec<String> = owners.iter().map(|o| o.to_string()).collect();
                store
                    .set_catalog_editor(id, Some(&owners), "test")
                    .await
                    .unwrap();
            }
        };
        grant("nsm-ks@example.no", &["nsm", "ks"]).await;
        grant("alle@example.no", &[]).await;
        grant("gammel@example.no", &["gammel", "borte"]).await;

        // An account's row, its text without the spans that mark a name's language.
        let row = |html: &str, email: &str| -> String {
            let at = html.find(&format!("scope=\"row\">{email}<")).unwrap();
            let end = at + html[at..].find("</tr>").unwrap();
            let mut text = html[at..end].replace("</span>", "");
            while let Some(open) = text.find("<span") {
                let close = open + text[open..].find('>').unwrap();
                text.replace_range(open..=close, "");
            }
            text
        };
        let (status, html) = site.get(&root.cookie, "/platform/users").await;
        assert_eq!(status, StatusCode::OK);
        let nsm = row(&html, "nsm-ks@example.no");
        assert!(
            nsm.contains("Katalogredaktør: KS, Nasjonal sikkerhetsmyndighet"),
            "{nsm}"
        );
        assert!(!nsm.contains(">nsm<") && !nsm.contains(" nsm,"), "{nsm}");
        assert!(
            row(&html, "alle@example.no").contains("Katalogredaktør: alle eiere"),
            "{html}"
        );
        let old = row(&html, "gammel@example.no");
        assert!(old.contains("borte, Gammel eier"), "{old}");
        assert!(
            row(&html, "root@example.no").contains("Plattformadministrator"),
            "{html}"
        );
        assert!(
            !row(&html, "a@example.no").contains("Katalogredaktør"),
            "{html}"
        );

        // In English: the owners' English names.
        let en = format!("{}; grunnmur_lang=en", root.cookie);
        let (status, html) = site.get(&en, "/platform/users").await;
        assert_eq!(status, StatusCode::OK);
        let nsm = row(&html, "nsm-ks@example.no");
        assert!(
            nsm.contains("Catalog editor: KS, Norwegian National Security Authority"),
            "{nsm}"
        );
        assert!(
            row(&html, "alle@example.no").contains("every owner"),
            "{html}"
        );
        assert!(
            row(&html, "gammel@example.no").contains("Former owner"),
            "{html}"
        );
    }
}
