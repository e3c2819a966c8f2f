//! `grunnmur token create | list | revoke` and `grunnmur user disable | enable | remove` as an
//! operator runs them beside a running server: each change counts at once in the server (it
//! reads tokens, accounts and memberships from the database on every request).

mod common;

use common::*;
use serde_json::json;
use std::process::Output;

const ORG: &str = "974760673";

struct Ops {
    data: String,
}

impl Ops {
    fn run(&self, args: &[&str], stdin: Option<&str>) -> Output {
        let mut c = grunnmur();
        c.args(args)
            .args(["--data-dir", &self.data])
            .env("GRUNNMUR_LANG", "en");
        run_with(c, stdin)
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args, None);
        assert!(o.status.success(), "{args:?}: {}", err(&o));
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    fn user(&self, email: &str, platform_admin: bool) {
        let mut args = vec!["user", "create", "--email", email, "--password-stdin"];
        if platform_admin {
            args.push("--platform-admin");
        }
        let o = self.run(&args, Some("et langt passord\n"));
        assert!(o.status.success(), "{}", err(&o));
    }

    fn token(&self, args: &[&str]) -> String {
        let mut all = vec!["token", "create"];
        all.extend_from_slice(args);
        self.ok(&all).trim().to_string()
    }
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn status(http: &reqwest::blocking::Client, base: &str, token: &str, path: &str) -> u16 {
    http.get(format!("{base}{path}"))
        .bearer_auth(token)
        .send()
        .unwrap()
        .status()
        .as_u16()
}

#[test]
fn operators_create_scope_revoke_tokens_disable_users_and_remove_members() {
    let dir = temp_dir("credentials");
    let ops = Ops {
        data: dir.join("data").display().to_string(),
    };
    ops.user("root@example.no", true);
    ops.user("ed@example.no", false);
    let root = ops.token(&["--email", "root@example.no"]);
    let server = serve(&["--data-dir", &ops.data, "--catalog", "catalog"]);
    let (http, base) = (reqwest::blocking::Client::new(), server.base.clone());
    let res = http
        .post(format!("{base}/api/bodies"))
        .bearer_auth(&root)
        .json(&json!({"orgnr": ORG, "name": "Lille kommune", "kind": "kommune"}))
        .send()
        .unwrap();
    assert_eq!(res.status(), 201);
    ops.ok(&[
        "user",
        "grant",
        "--email",
        "ed@example.no",
        "--body",
        ORG,
        "--role",
        "editor",
    ]);

    // More than the user's own role in the body is refused, with the reason.
    let o = ops.run(
        &[
            "token",
            "create",
            "--email",
            "ed@example.no",
            "--body",
            ORG,
            "--role",
            "admin",
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("cannot do more"), "{}", err(&o));
    let o = ops.run(
        &[
            "token",
            "create",
            "--email",
            "ed@example.no",
            "--expires-in",
            "0",
        ],
        None,
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "a lifetime of 0 days: {}",
        err(&o)
    );
    assert!(err(&o).contains("expires_in_days"), "{}", err(&o));

    let reader = ops.token(&[
        "--email",
        "ed@example.no",
        "--body",
        ORG,
        "--role",
        "reader",
        "--name",
        "dashboard",
    ]);
    let body = format!("/api/bodies/{ORG}");
    assert_eq!(status(&http, &base, &reader, &body), 200);
    let put = http
        .put(format!("{base}{body}/workspace"))
        .bearer_auth(&reader)
        .body("{}")
        .send()
        .unwrap();
    assert_eq!(put.status(), 403, "a reader token does not edit");

    let list = ops.ok(&["token", "list", "--email", "ed@example.no"]);
    assert!(
        list.contains("dashboard") && list.contains(&format!("{ORG} reader")),
        "{list}"
    );
    let id = list
        .lines()
        .find(|l| l.contains("dashboard"))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string();

    // Disabled: the server refuses the account's tokens at once; enabled: they work again.
    ops.ok(&["user", "disable", "--email", "ed@example.no"]);
    assert_eq!(status(&http, &base, &reader, &body), 401);
    ops.ok(&["user", "enable", "--email", "ed@example.no"]);
    assert_eq!(status(&http, &base, &reader, &body), 200);

    // Revoked: refused at once by the running server.
    let out = ops.ok(&["token", "revoke", &id]);
    assert!(out.contains(&id), "{out}");
    assert_eq!(status(&http, &base, &reader, &body), 401);
    let list = ops.ok(&["token", "list", "--email", "ed@example.no"]);
    let row = list.lines().find(|l| l.contains("dashboard")).unwrap();
    assert!(row.trim_end().ends_with("UTC"), "revoked at a time: {row}");
    assert_eq!(
        ops.run(&["token", "revoke", "99999"], None).status.code(),
        Some(1)
    );

    // The last admin stays; a member goes.
    ops.ok(&[
        "user",
        "grant",
        "--email",
        "root@example.no",
        "--body",
        ORG,
        "--role",
        "admin",
    ]);
    let o = ops.run(
        &[
            "user",
            "remove",
            "--email",
            "root@example.no",
            "--body",
            ORG,
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("last administrator"), "{}", err(&o));
    ops.ok(&["user", "remove", "--email", "ed@example.no", "--body", ORG]);
    let editor = ops.token(&["--email", "ed@example.no"]);
    assert_eq!(
        status(&http, &base, &editor, &body),
        404,
        "no longer a member"
    );
    drop(server);

    let log = ops.ok(&["audit", "verify"]);
    assert!(log.contains("intact"), "{log}");
}
