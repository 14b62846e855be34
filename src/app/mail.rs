//! E-mail. A use case that tells someone something (an invitation, a
//! password reset, areas assigned, work ready for review) queues a letter
//! in the same transaction as its change, written from the `mail-*`
//! messages in the recipient's language; a worker thread of each instance
//! sends what is due with `lettre`, so no request waits for the mail
//! server, and tries a failed letter again with growing waits. Without
//! `CMAS_SMTP_URL` nothing is queued and links are shown to the admin.

use super::error::{AppError, AppResult};
use super::App;
use crate::db::outbox::{Letter, NewLetter};
use crate::db::AnyConnection;
use crate::domain::i18n::{words, Arg, Language};
use lettre::message::{header::ContentType, Mailbox, Message};
use lettre::{SmtpTransport, Transport};
use std::time::Duration;

/// Tries before a letter is given up (its last error stays in the outbox);
/// a letter the server refuses for good (5xx) is given up at once.
const MOST_ATTEMPTS: i32 = 10;
/// Seconds a worker holds a letter it is sending.
const CLAIM_SECONDS: i64 = 60;
/// How often a worker looks for letters due.
const POLL: Duration = Duration::from_secs(1);

/// Where mail goes and how links in it start.
#[derive(Debug, Clone, Default)]
pub struct MailSettings {
    /// Whether letters are queued at all (`CMAS_SMTP_URL` is set).
    pub enabled: bool,
    /// The address people reach cmas at, put in front of every link.
    pub public_url: String,
}

impl MailSettings {
    /// A link to `path` as the recipient opens it.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.public_url.trim_end_matches('/'))
    }
}

/// A letter to write: its kind (the `mail-<kind>-subject` and
/// `mail-<kind>-body` messages), its recipient and what fills it.
pub struct Compose<'a> {
    /// E.g. `invitation`.
    pub kind: &'a str,
    /// The recipient's address.
    pub to: &'a str,
    /// The language they read.
    pub language: Language,
    /// The organisation it is about, if any (its letters go when it is erased).
    pub organisation_id: Option<i32>,
    /// The messages' `$variables`.
    pub args: &'a [(&'a str, &'a str)],
}

/// Queues a letter, when mail is configured, in the caller's transaction;
/// whether it was queued.
pub(super) fn queue(app: &App, conn: &mut AnyConnection, letter: &Compose<'_>) -> AppResult<bool> {
    if !app.mail.enabled {
        return Ok(false);
    }
    let words = words(letter.language);
    let args: Vec<(&str, Arg<'_>)> = letter
        .args
        .iter()
        .map(|(k, v)| (*k, Arg::from(*v)))
        .collect();
    let subject = words.fill(&format!("mail-{}-subject", letter.kind), &args);
    let body = words.fill(&format!("mail-{}-body", letter.kind), &args);
    Letter::queue(
        conn,
        &NewLetter {
            organisation_id: letter.organisation_id,
            recipient: letter.to,
            subject: &subject,
            body: &body,
        },
    )?;
    Ok(true)
}

/// Sends the letters due through `transport`, from `from`; how many went.
pub fn deliver_due(app: &App, transport: &SmtpTransport, from: &Mailbox) -> AppResult<usize> {
    let due = app.read(|conn| Ok(Letter::due(conn, MOST_ATTEMPTS, 50)?))?;
    let mut sent = 0;
    for letter in due {
        if !app.write(|conn| Ok(Letter::claim(conn, letter.id, CLAIM_SECONDS)?))? {
            continue;
        }
        match send(transport, from, &letter) {
            Ok(()) => {
                app.write(|conn| Ok(Letter::sent(conn, letter.id)?))?;
                sent += 1;
            }
            // The server refused it for good (a 5xx, a bad address): no retry helps.
            Err(Failure::Permanent(error)) => {
                tracing::warn!(letter = letter.id, %error, "a letter was refused for good");
                app.write(|conn| Ok(Letter::give_up(conn, letter.id, &error, MOST_ATTEMPTS)?))?;
            }
            Err(Failure::Transient(error)) => {
                let wait = chrono::Duration::seconds(
                    2_i64.saturating_pow(letter.attempts.clamp(0, 11) as u32 + 1),
                );
                let again = crate::db::now() + wait.min(chrono::Duration::hours(1));
                tracing::warn!(letter = letter.id, attempts = letter.attempts + 1, %error, "a letter was not sent; it is tried again later");
                app.write(|conn| Ok(Letter::failed(conn, letter.id, &error, again)?))?;
            }
        }
    }
    Ok(sent)
}

/// Why a letter did not go: worth another try later, or never.
enum Failure {
    Transient(String),
    Permanent(String),
}

fn send(transport: &SmtpTransport, from: &Mailbox, letter: &Letter) -> Result<(), Failure> {
    let to: Mailbox = letter
        .recipient
        .parse()
        .map_err(|e| Failure::Permanent(format!("recipient: {e}")))?;
    let message = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&letter.subject)
        .header(ContentType::TEXT_PLAIN)
        .body(letter.body.clone())
        .map_err(|e| Failure::Permanent(e.to_string()))?;
    transport
        .send(&message)
        .map(drop)
        .map_err(|e| match e.is_permanent() {
            true => Failure::Permanent(e.to_string()),
            false => Failure::Transient(e.to_string()),
        })
}

/// Starts this instance's worker: it sends what is due every second, for
/// as long as the process lives.
pub fn start_worker(app: App, smtp_url: &str, from: &str) -> AppResult<()> {
    let transport = SmtpTransport::from_url(smtp_url)
        .map_err(|e| AppError::internal(anyhow::anyhow!("CMAS_SMTP_URL cannot be used: {e}")))?
        .timeout(Some(Duration::from_secs(20)))
        .build();
    let from: Mailbox = from
        .parse()
        .map_err(|e| AppError::internal(anyhow::anyhow!("CMAS_MAIL_FROM is no address: {e}")))?;
    std::thread::Builder::new()
        .name("mail".into())
        .spawn(move || loop {
            if let Err(error) = deliver_due(&app, &transport, &from) {
                tracing::warn!(error = %crate::app::error::chain(&error), "the mail worker could not read the outbox");
            }
            std::thread::sleep(POLL);
        })
        .map_err(AppError::internal)?;
    Ok(())
}
