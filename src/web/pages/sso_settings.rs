//! The single sign-on page (admins): the organisation's identity provider,
//! the client secret write-only, the roles its claim gives, and whether
//! passwords are off. A refused form keeps what was typed (but the secret)
//! and puts each problem beside its field.

use super::flash::{Confirmation, Flash, FlashQuery};
use super::form_errors::Refusal;
use super::messages::{fill, text};
use super::{PageError, Viewer};
use crate::app::sso::{self, SsoInput, SsoView};
use crate::domain::role::Role;
use crate::web::state::AppState;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map};
use std::collections::BTreeMap;

/// The form as sent; the checkbox not ticked is absent.
#[derive(Deserialize, Serialize, Default, Clone)]
#[serde(default)]
pub struct SsoForm {
    #[serde(skip_serializing)]
    csrf_token: String,
    issuer: String,
    client_id: String,
    #[serde(skip_serializing)]
    client_secret: String,
    allowed_domains: String,
    role_claim: String,
    role_map: String,
    default_role: String,
    required: Option<String>,
}

impl SsoForm {
    /// The stored settings as the form shows them.
    fn of(view: &SsoView) -> SsoForm {
        SsoForm {
            issuer: view.issuer.clone(),
            client_id: view.client_id.clone(),
            allowed_domains: view.allowed_domains.join(", "),
            role_claim: view.role_claim.clone(),
            role_map: view
                .role_map
                .iter()
                .map(|(value, role)| format!("{value} = {role}\n"))
                .collect(),
            default_role: view.default_role.map(|r| r.to_string()).unwrap_or_default(),
            required: view.required.then(|| "on".into()),
            ..SsoForm::default()
        }
    }

    /// The input for the use case, or the refusal of the role lines.
    fn input(&self) -> Result<SsoInput, Refusal> {
        let mut role_map = BTreeMap::new();
        for (number, line) in self.role_map.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let role = line
                .rsplit_once('=')
                .and_then(|(value, role)| Some((value.trim(), role.trim().parse::<Role>().ok()?)))
                .filter(|(value, _)| !value.is_empty());
            let Some((value, role)) = role else {
                let mut errors = Map::new();
                let line = (number + 1).to_string();
                errors.insert(
                    "role_map".into(),
                    json!(fill("sso-bad-role-map", &[("line", &line)])),
                );
                return Err(Refusal {
                    errors,
                    existing: None,
                });
            };
            role_map.insert(value.to_owned(), role);
        }
        Ok(SsoInput {
            issuer: self.issuer.clone(),
            client_id: self.client_id.clone(),
            client_secret: Some(self.client_secret.clone()).filter(|s| !s.is_empty()),
            allowed_domains: self
                .allowed_domains
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|d| !d.is_empty())
                .map(str::to_owned)
                .collect(),
            role_claim: match self.role_claim.trim() {
                "" => "groups".into(),
                claim => claim.to_owned(),
            },
            role_map,
            default_role: self.default_role.parse().ok(),
            required: self.required.is_some(),
        })
    }
}

/// The page with `shown` in its fields (what is stored, or what was typed).
async fn page(
    state: &AppState,
    viewer: &Viewer,
    shown: Option<SsoForm>,
    (flash, refusal): (Flash, Option<Refusal>),
) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(&[Role::Admin], &text("only_admins"))?;
    let current = state.run(move |app| sso::get(app, &caller)).await?;
    let form = shown.unwrap_or_else(|| current.as_ref().map(SsoForm::of).unwrap_or_default());
    let mut data = json!({
        "title": text("sso-title"),
        "form": form,
        "current": current,
        "roles": Role::ALL.iter().map(|r| json!({
            "value": r.as_str(),
            "selected": r.as_str() == form.default_role,
        })).collect::<Vec<_>>(),
    });
    let mut status = flash.fill(&mut data);
    if let Some(refusal) = refusal {
        refusal.fill(&mut data);
        status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "sso_settings", &data))
}

pub async fn show(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    page(&state, &viewer, None, (query.flash(), None)).await
}

pub async fn save(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<SsoForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = viewer.require(&[Role::Admin], &text("only_admins"))?;
    let typed = form.into_inner();
    let input = match typed.input() {
        Ok(input) => input,
        Err(refusal) => {
            return page(
                &state,
                &viewer,
                Some(typed),
                (Flash::Nothing, Some(refusal)),
            )
            .await
        }
    };
    match state.run(move |app| sso::set(app, &caller, input)).await {
        Ok(_) => Ok(Confirmation::SsoSaved.redirect("/admin/sso")),
        Err(e) => {
            let refusal = Refusal::of(e)?;
            page(
                &state,
                &viewer,
                Some(typed),
                (Flash::Nothing, Some(refusal)),
            )
            .await
        }
    }
}

pub async fn remove(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<super::login::CsrfForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = viewer.require(&[Role::Admin], &text("only_admins"))?;
    state.run(move |app| sso::remove(app, &caller)).await?;
    Ok(Confirmation::SsoRemoved.redirect("/admin/sso"))
}
