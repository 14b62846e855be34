//! The second-factor page: enrol with a QR code and one code, see the
//! recovery codes once, switch it off. A person whose organisation
//! requires a second factor is sent here until they have one.

use super::flash::{Flash, FlashQuery};
use super::login::CsrfForm;
use super::messages::text;
use super::{PageError, Viewer};
use crate::app::two_factor::{self, CodeRequest, Enrolment, RecoveryCodes};
use crate::domain::role::Caller;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

/// A form with a code.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CodeForm {
    csrf_token: String,
    code: String,
}

impl CodeForm {
    /// The viewer and their code, once the form's CSRF token holds.
    fn checked(&self, viewer: &Viewer) -> Result<(Caller, CodeRequest), PageError> {
        viewer.check(&self.csrf_token)?;
        let body = CodeRequest {
            code: self.code.clone(),
        };
        Ok((viewer.caller(), body))
    }
}

/// What the page shows besides the standing.
#[derive(Default)]
struct Shown {
    enrolment: Option<Enrolment>,
    codes: Option<RecoveryCodes>,
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    flash: Flash,
    shown: Shown,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    let status = state
        .run(move |app| two_factor::status(app, &caller))
        .await?;
    let mut data = json!({
        "title": text("pages-two-factor-title"),
        "enrol_first": viewer.identity.enrol_first && !status.enabled,
        "status": &status,
        "enrolment": shown.enrolment,
        "codes": shown.codes.map(|c| c.recovery_codes),
    });
    let code = flash.fill(&mut data);
    viewer.fill(&mut data);
    Ok(state.pages.render_secret(code, "two_factor", &data))
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    page(&state, &viewer, query.flash(), Shown::default()).await
}

/// Starts enrolment (or shows the one started) with its QR code.
pub async fn start(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<CsrfForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    enrolling(&state, &viewer, Flash::Nothing).await
}

async fn enrolling(
    state: &AppState,
    viewer: &Viewer,
    flash: Flash,
) -> Result<HttpResponse, PageError> {
    let caller = viewer.caller();
    match state.run(move |app| two_factor::start(app, &caller)).await {
        Ok(enrolment) => {
            let shown = Shown {
                enrolment: Some(enrolment),
                codes: None,
            };
            page(state, viewer, flash, shown).await
        }
        Err(e) => page(state, viewer, Flash::refusal(e)?, Shown::default()).await,
    }
}

/// Switches it on with the first code and shows the recovery codes once;
/// a wrong code shows the same QR code again with the reason.
pub async fn confirm(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, PageError> {
    let (caller, body) = form.checked(&viewer)?;
    match state
        .run(move |app| two_factor::confirm(app, &caller, &body))
        .await
    {
        Ok(codes) => {
            let shown = Shown {
                enrolment: None,
                codes: Some(codes),
            };
            let mut answer = page(&state, &viewer, Flash::Nothing, shown).await?;
            *answer.status_mut() = StatusCode::CREATED;
            Ok(answer)
        }
        Err(e) => enrolling(&state, &viewer, Flash::refusal(e)?).await,
    }
}

/// Switches it off with a current code.
pub async fn switch_off(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<CodeForm>,
) -> Result<HttpResponse, PageError> {
    let (caller, body) = form.checked(&viewer)?;
    match state
        .run(move |app| two_factor::switch_off(app, &caller, &body))
        .await
    {
        Ok(()) => Ok(super::flash::Confirmation::TwoFactorOff.redirect("/two-factor")),
        Err(e) => page(&state, &viewer, Flash::refusal(e)?, Shown::default()).await,
    }
}
