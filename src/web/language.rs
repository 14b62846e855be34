//! The language a request is answered in: the signed-in person's choice,
//! else the first of ours their browser's `Accept-Language` names, else
//! English. Chosen once per request by [`choose`] and kept beside the
//! request's task, so every message of the pages reads it without each
//! handler passing it along.

use crate::domain::i18n::Language;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::ACCEPT_LANGUAGE;
use actix_web::middleware::Next;
use std::cell::Cell;

tokio::task_local! {
    static LANGUAGE: Cell<Language>;
}

/// Middleware: answers the request in the browser's language, until the
/// person's own choice is known (see [`prefer`]).
pub async fn choose(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let language = req
        .headers()
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Language::from_accept_language)
        .unwrap_or_default();
    LANGUAGE.scope(Cell::new(language), next.call(req)).await
}

/// The language of the request being answered; English outside one.
pub fn current() -> Language {
    LANGUAGE.try_with(Cell::get).unwrap_or_default()
}

/// Answers the rest of the request in the person's own language.
pub fn prefer(language: Language) {
    // Outside a request (a test calling a handler directly) there is
    // nothing to change.
    let _ = LANGUAGE.try_with(|l| l.set(language));
}
