//! What the process tests share: the repository root, temporary folders, the binary, and a
//! running `grunnmur serve`.
#![allow(dead_code)]

pub mod postgres;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "grunnmur-{name}-{}-{:?}",
        std::process::id(),
        std::time::SystemTime::now()
    ));
    std::fs::create_dir_all(&d).unwrap();
    d
}

pub fn grunnmur() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_grunnmur"));
    c.current_dir(root())
        .env_remove("GRUNNMUR_LANG")
        .env_remove("GRUNNMUR_DATA_DIR")
        .env_remove("GRUNNMUR_DATABASE_URL");
    c
}

/// A running server; killed on drop.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub out: Vec<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(args: &[&str]) -> Server {
    let child = grunnmur()
        .arg("serve")
        .args(["--listen", "127.0.0.1:0", "--insecure-cookies"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    // Owned by `Server` at once, so the process is killed and waited for on every path.
    let mut server = Server {
        child,
        base: String::new(),
        out: Vec::new(),
    };
    let mut lines = BufReader::new(server.child.stdout.take().unwrap()).lines();
    loop {
        let line = lines.next().expect("server printed its address").unwrap();
        server.out.push(line.clone());
        if let Some(rest) = line.split("http://").nth(1) {
            let addr = rest.split_whitespace().next().unwrap();
            server.base = format!("http://{addr}");
            // Keep reading, so a line printed later does not meet a closed pipe.
            std::thread::spawn(move || lines.for_each(drop));
            return server;
        }
    }
}

/// GET a JSON answer, with the session cookie when given.
pub fn get_json(
    http: &reqwest::blocking::Client,
    url: String,
    cookie: Option<&str>,
) -> serde_json::Value {
    let mut r = http.get(url);
    if let Some(c) = cookie {
        r = r.header("cookie", c);
    }
    r.send().unwrap().json().unwrap()
}

pub fn login(
    http: &reqwest::blocking::Client,
    base: &str,
    email: &str,
    password: &str,
) -> (String, String) {
    let res = http
        .post(format!("{base}/api/login"))
        .json(&serde_json::json!({"email": email, "password": password}))
        .send()
        .unwrap();
    assert_eq!(res.status(), 200, "login {email}");
    let cookie = res.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let v: serde_json::Value = res.json().unwrap();
    (cookie, v["csrf"].as_str().unwrap().to_string())
}

/// Runs a command with its output captured and, when given, `stdin` written to it.
pub fn run_with(mut c: Command, stdin: Option<&str>) -> std::process::Output {
    use std::io::Write;
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(s) = stdin {
        // A command that exits without reading its input closes the pipe first.
        let _ = input.write_all(s.as_bytes());
    }
    drop(input);
    child.wait_with_output().unwrap()
}
