//! Grunnmur's e-mail: plain-text messages over SMTP (`smtp://host:port` in the clear or with
//! `?tls=required` for STARTTLS, `smtps://` for TLS, user and password in the URL), each with
//! a `List-Unsubscribe` link (and the one-click form of RFC 8058) when it has one. No IO
//! beyond the SMTP connection; what is written is the caller's.

use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("SMTP URL: {0}")]
    Url(String),
    #[error("address {0:?}: {1}")]
    Address(String, String),
    #[error("message: {0}")]
    Message(String),
    #[error("SMTP: {0}")]
    Send(String),
}

/// One message to one person.
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    /// Where the person stops these messages (an absolute URL for the header).
    pub unsubscribe: Option<String>,
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    /// A mailer for the SMTP server `url`, sending as `from`.
    pub fn new(url: &str, from: &str) -> Result<Mailer, MailError> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| MailError::Url(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(30)))
            .build();
        let from = from.parse().map_err(|e: lettre::address::AddressError| {
            MailError::Address(from.to_string(), e.to_string())
        })?;
        Ok(Mailer { transport, from })
    }

    /// The message as it goes on the wire (for a dry run and the tests).
    pub fn message(&self, m: &Mail) -> Result<Message, MailError> {
        let to: Mailbox = m.to.parse().map_err(|e: lettre::address::AddressError| {
            MailError::Address(m.to.clone(), e.to_string())
        })?;
        let mut b = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone())
            .header(ContentType::TEXT_PLAIN);
        if let Some(url) = &m.unsubscribe {
            let header = |name: &'static str, value: String| {
                HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
            };
            b = b
                .raw_header(header("List-Unsubscribe", format!("<{url}>")))
                .raw_header(header(
                    "List-Unsubscribe-Post",
                    "List-Unsubscribe=One-Click".into(),
                ));
        }
        b.body(m.text.clone())
            .map_err(|e| MailError::Message(e.to_string()))
    }

    pub async fn send(&self, m: &Mail) -> Result<(), MailError> {
        let msg = self.message(m)?;
        self.transport
            .send(msg)
            .await
            .map(drop)
            .map_err(|e| MailError::Send(e.to_string()))
    }
}
