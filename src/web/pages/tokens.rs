//! The sessions and API tokens page: everyone's own browser sessions (and
//! ending one) and tokens; admins also see, and may revoke, every token of
//! their organisation. A new token's secret is shown
//! in the answer to the post that created it, never in a URL.

use super::flash::{Confirmation, Flash, FlashQuery};
use super::login::CsrfForm;
use super::messages::text;
use super::{PageError, Viewer};
use crate::app::session_list;
use crate::app::sessions::Credential;
use crate::app::tokens::{self, CreatedToken, NewToken, TokenView};
use crate::domain::credentials::{device_label, TokenScope};
use crate::web::problem::ApiError;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

/// The new-token form; a missing CSRF token reads as empty and is refused
/// like a wrong one.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct TokenForm {
    csrf_token: String,
    name: String,
    scope: String,
    expires_in_days: String,
}

/// A time on the page, to the minute (UTC, as stored).
fn when(at: chrono::NaiveDateTime) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

/// One row of a token table; `owner` only in the organisation's table.
fn row(token: &TokenView, owner: Option<&str>) -> Value {
    json!({
        "id": token.id,
        "name": token.name,
        "owner": owner,
        "created_at": when(token.created_at),
        "last_used_at": token.last_used_at.map(when),
        "revoked_at": token.revoked_at.map(when),
        "expires_at": token.expires_at.map(when),
        "address": token.last_used_address,
        "scope": text(&format!("tokens-scope-{}", token.scope)),
    })
}

/// The page; with `created` it shows that token's secret, this once.
async fn page(
    state: &AppState,
    viewer: &Viewer,
    flash: Flash,
    created: Option<&CreatedToken>,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let current = match &viewer.identity.credential {
        Credential::Session { token_hash, .. } => Some(token_hash.clone()),
        Credential::Token { .. } => None,
    };
    let tokens::Overview {
        sessions,
        mine,
        everyone,
    } = state
        .run(move |app| tokens::overview(app, &caller, current.as_deref()))
        .await?;
    let mut data = json!({
        "title": text("pages-tokens-title"),
        "sessions": sessions.iter().map(|s| json!({
            "id": s.id,
            "device": device_label(&s.device),
            "user_agent": s.device,
            "address": s.address,
            "created_at": when(s.created_at),
            "last_seen_at": s.last_seen_at.map(when),
            "current": s.current,
        })).collect::<Vec<_>>(),
        "scopes": TokenScope::ALL.iter().map(|scope| json!({
            "value": scope.as_str(),
            "label": text(&format!("tokens-scope-{scope}")),
            // The narrowest is offered first and chosen unless changed.
            "selected": *scope == TokenScope::Read,
        })).collect::<Vec<_>>(),
        "default_days": tokens::DEFAULT_DAYS,
        "most_days": tokens::MOST_DAYS,
        "mine": mine.iter().map(|t| row(t, None)).collect::<Vec<_>>(),
        "everyone": everyone.iter().map(|(t, owner)| row(t, Some(owner))).collect::<Vec<_>>(),
        "created": created.map(|c| json!({ "name": c.view.name, "token": c.token })),
    });
    let status = match created {
        Some(_) => StatusCode::CREATED,
        None => flash.fill(&mut data),
    };
    viewer.fill(&mut data);
    Ok(state.pages.render_secret(status, "tokens", &data))
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    page(&state, &viewer, query.flash(), None).await
}

pub async fn create(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<TokenForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let (caller, body) = (
        viewer.caller(),
        NewToken {
            name: form.name.clone(),
            // A scope no option names (a tampered form) is the narrowest.
            scope: form.scope.parse().unwrap_or(TokenScope::Read),
            // Blank is the default; days that are no number are refused
            // as out of range.
            expires_in_days: match form.expires_in_days.trim() {
                "" => None,
                days => Some(days.parse().unwrap_or(0)),
            },
        },
    );
    match state
        .run(move |app| tokens::create(app, &caller, &body))
        .await
    {
        Ok(created) => page(&state, &viewer, Flash::Nothing, Some(&created)).await,
        Err(e) => page(&state, &viewer, Flash::refusal(e)?, None).await,
    }
}

/// Ends one of the viewer's sessions; ending the current one logs out.
pub async fn end_session(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let (caller, id) = (viewer.caller(), path.into_inner());
    let ended = state
        .run(move |app| session_list::end(app, &caller, id))
        .await;
    back(&state, &viewer, ended, Confirmation::SessionEnded).await
}

pub async fn revoke(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<i32>,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let (caller, id) = (viewer.caller(), path.into_inner());
    let revoked = state.run(move |app| tokens::revoke(app, &caller, id)).await;
    back(&state, &viewer, revoked, Confirmation::TokenRevoked).await
}

/// Back to the page after a post: saying what it did, or why it was refused.
async fn back(
    state: &AppState,
    viewer: &Viewer,
    done: Result<(), ApiError>,
    confirmation: Confirmation,
) -> Result<HttpResponse, PageError> {
    match done {
        Ok(()) => Ok(confirmation.redirect("/tokens")),
        Err(e) => page(state, viewer, Flash::refusal(e)?, None).await,
    }
}
