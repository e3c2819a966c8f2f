//! Evidence files on a measure status (rule 17) and comments on a status or a risk assessment.
//!
//! A file is checked here before anything is stored: its size, and its kind from its first
//! bytes and its name — never from what the browser claims — so a download is always served
//! as one of a few harmless types. Attaching adds the file's link to the status's evidence in
//! the same transaction, which is what makes the status documented.

use crate::error::ApiError;
use crate::ops;
use crate::state::AppState;
use grunnmur_store::{NewEvidenceFile, WorkspaceWrite};

/// The largest file a status takes.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// The most files on one status.
pub const MAX_FILES_PER_STATUS: usize = 20;
/// The longest file name kept (in characters).
pub const MAX_NAME_CHARS: usize = 200;
/// The longest comment (in characters), as any free text.
pub const MAX_COMMENT_CHARS: usize = grunnmur_core::limits::MAX_TEXT;

/// Why a file is refused: each names its message (`ui-evidence-<code>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    Empty,
    TooLarge,
    /// Not one of the kinds a status takes (by content and name).
    Kind,
    Name,
    TooMany,
}

impl Refusal {
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Empty => "empty",
            Refusal::TooLarge => "too-large",
            Refusal::Kind => "kind",
            Refusal::Name => "name",
            Refusal::TooMany => "too-many",
        }
    }
}

/// The kinds a status takes: documents, pictures, spreadsheets and plain text.
const OFFICE: &[(&str, &str)] = &[
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ("odt", "application/vnd.oasis.opendocument.text"),
    ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ("odp", "application/vnd.oasis.opendocument.presentation"),
];
const TEXT: &[(&str, &str)] = &[
    ("txt", "text/plain; charset=utf-8"),
    ("csv", "text/csv; charset=utf-8"),
    ("md", "text/markdown; charset=utf-8"),
    ("log", "text/plain; charset=utf-8"),
];

/// The file's name as kept: its last path segment, without control characters, at most
/// [`MAX_NAME_CHARS`]; `None` when nothing is left.
pub fn clean_name(name: &str) -> Option<String> {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME_CHARS)
        .collect();
    let clean = clean.trim().to_string();
    (!clean.is_empty() && clean != "." && clean != "..").then_some(clean)
}

/// The content type a file is stored and served as, from its first bytes and its name.
pub fn content_type(name: &str, data: &[u8]) -> Result<&'static str, Refusal> {
    if data.is_empty() {
        return Err(Refusal::Empty);
    }
    if data.len() > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge);
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let of = |table: &[(&str, &'static str)]| {
        table
            .iter()
            .find(|(e, _)| *e == ext)
            .map(|(_, t)| *t)
            .ok_or(Refusal::Kind)
    };
    if data.starts_with(b"%PDF-") {
        return Ok("application/pdf");
    }
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok("image/png");
    }
    if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok("image/jpeg");
    }
    if data.starts_with(b"PK\x03\x04") {
        return of(OFFICE);
    }
    // Text: valid UTF-8 without NUL, with a text name.
    if !data.contains(&0) && std::str::from_utf8(data).is_ok() {
        return of(TEXT);
    }
    Err(Refusal::Kind)
}

/// The link a status's evidence carries for a file.
pub fn link(orgnr: &str, id: &str, name: &str) -> String {
    let name: String = url_escape(name);
    format!("/b/{orgnr}/evidence/{id}/{name}")
}

/// The file id of an evidence link of this body, if it is one.
pub fn file_of_link<'a>(orgnr: &str, link: &'a str) -> Option<&'a str> {
    let rest = link.strip_prefix("/b/")?.strip_prefix(orgnr)?;
    let rest = rest.strip_prefix("/evidence/")?;
    Some(rest.split('/').next().unwrap_or(rest)).filter(|id| !id.is_empty())
}

fn url_escape(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A measure status's object key (`system` `None`: the whole body), as the history, files and
/// comments name it.
pub fn status_key(measure: &str, system: Option<&str>) -> String {
    format!("status:{measure}@{}", system.unwrap_or("org"))
}

/// A risk assessment's object key.
pub fn risk_key(id: i64) -> String {
    format!("risk:{id}")
}

/// Why attaching failed: a refused file (shown at the field), or the request.
#[derive(Debug)]
pub enum AttachError {
    File(Refusal),
    Api(ApiError),
}

impl From<ApiError> for AttachError {
    fn from(e: ApiError) -> Self {
        AttachError::Api(e)
    }
}

/// Attaches a file to the status of `measure` for `system` (or the body): checks it, adds its
/// link to the status's evidence (making a status not started when there is none) and stores
/// both in one transaction. Returns the file's id.
pub async fn attach(
    s: &AppState,
    orgnr: &str,
    actor: &str,
    (measure, system): (&str, Option<&str>),
    name: &str,
    data: &[u8],
) -> Result<String, AttachError> {
    let name = clean_name(name).ok_or(AttachError::File(Refusal::Name))?;
    let kind = content_type(&name, data).map_err(AttachError::File)?;
    let object = status_key(measure, system);
    let present = s.store.evidence_files(orgnr, Some(&object)).await;
    if present.map_err(ApiError::from)?.len() >= MAX_FILES_PER_STATUS {
        return Err(AttachError::File(Refusal::TooMany));
    }
    let id = crate::auth::random_token(16);
    let link = link(orgnr, &id, &name);
    let (text, version) = ops::changed_doc(s, orgnr, |doc| {
        doc.status_entry(measure, system).evidence.push(link);
        Ok(())
    })
    .await?;
    let file = NewEvidenceFile {
        id: &id,
        object: &object,
        name: &name,
        content_type: kind,
        data,
    };
    let w = WorkspaceWrite {
        orgnr,
        doc: &text,
        actor,
        action: "evidence.attach",
        expected_version: Some(version),
    };
    s.store
        .attach_evidence(file, w)
        .await
        .map_err(ApiError::from)?;
    Ok(id)
}

/// Removes a file of the body and its link from the status it belongs to. Returns the object
/// it belonged to.
pub async fn remove(s: &AppState, orgnr: &str, actor: &str, id: &str) -> Result<String, ApiError> {
    let files = s.store.evidence_files(orgnr, None).await?;
    let file = files
        .into_iter()
        .find(|f| f.id == id)
        .ok_or(ApiError::NotFound)?;
    let (text, version) = ops::changed_doc(s, orgnr, |doc| {
        for st in &mut doc.measure_status {
            st.evidence.retain(|l| file_of_link(orgnr, l) != Some(id));
        }
        Ok(())
    })
    .await?;
    let w = WorkspaceWrite {
        orgnr,
        doc: &text,
        actor,
        action: "evidence.remove",
        expected_version: Some(version),
    };
    s.store.remove_evidence(id, w).await?;
    Ok(file.object)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_come_from_content_and_name() {
        assert_eq!(content_type("r.pdf", b"%PDF-1.7 x"), Ok("application/pdf"));
        // A PDF is a PDF whatever its name says.
        assert_eq!(content_type("r.txt", b"%PDF-1.7 x"), Ok("application/pdf"));
        assert_eq!(
            content_type("a.png", b"\x89PNG\r\n\x1a\nrest"),
            Ok("image/png")
        );
        assert_eq!(content_type("t.xlsx", b"PK\x03\x04rest"), Ok(OFFICE[1].1));
        // A zip that is not an office document, and an HTML page, are refused.
        assert_eq!(content_type("t.zip", b"PK\x03\x04rest"), Err(Refusal::Kind));
        assert_eq!(
            content_type("x.html", b"<script>alert(1)</script>"),
            Err(Refusal::Kind)
        );
        assert_eq!(content_type("n.txt", b"ok\n"), Ok(TEXT[0].1));
        assert_eq!(content_type("b.txt", b"a\0b"), Err(Refusal::Kind));
        assert_eq!(content_type("e.txt", b""), Err(Refusal::Empty));
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(content_type("big.txt", &big), Err(Refusal::TooLarge));
    }

    #[test]
    fn names_keep_their_last_segment_only() {
        assert_eq!(
            clean_name("C:\\Users\\x\\rapport.pdf").as_deref(),
            Some("rapport.pdf")
        );
        assert_eq!(clean_name("../../etc/passwd").as_deref(), Some("passwd"));
        assert_eq!(clean_name("a\u{0}b\n.txt").as_deref(), Some("ab.txt"));
        assert_eq!(clean_name(".."), None);
        assert_eq!(clean_name("   "), None);
        assert_eq!(
            clean_name(&"x".repeat(500)).map(|n| n.chars().count()),
            Some(MAX_NAME_CHARS)
        );
    }

    #[test]
    fn links_name_their_file_and_body() {
        let l = link("999900011", "ab12", "Tilgangsgjennomgang 2026.pdf");
        assert_eq!(
            l,
            "/b/999900011/evidence/ab12/Tilgangsgjennomgang%202026.pdf"
        );
        assert_eq!(file_of_link("999900011", &l), Some("ab12"));
        assert_eq!(file_of_link("999900012", &l), None);
        assert_eq!(file_of_link("999900011", "https://example.org/x"), None);
    }
}
