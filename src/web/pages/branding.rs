//! The report branding page (admins): colours, font, cover page, footer
//! line, confidentiality marking and logo. A refused form keeps what was
//! typed and puts each problem beside its field.

use super::flash::{Confirmation, Flash, FlashQuery};
use super::form_errors::Refusal;
use super::messages::text;
use super::upload::Upload;
use super::{PageError, Viewer};
use crate::app::branding::{self, BrandingRequest};
use crate::domain::branding::Family;
use crate::domain::role::Role;
use crate::web::state::AppState;
use actix_multipart::Multipart;
use actix_web::{http::StatusCode, web, HttpResponse};
use serde::Deserialize;
use serde_json::json;

/// The settings form as sent; a checkbox not ticked is absent.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct BrandingForm {
    csrf_token: String,
    primary_colour: String,
    accent_colour: String,
    font: String,
    cover: Option<String>,
    footer: String,
    confidentiality: String,
}

impl BrandingForm {
    fn request(&self) -> BrandingRequest {
        BrandingRequest {
            primary_colour: self.primary_colour.clone(),
            accent_colour: self.accent_colour.clone(),
            font: Family::from_key(&self.font).unwrap_or_default(),
            cover: self.cover.is_some(),
            footer: self.footer.clone(),
            confidentiality: self.confidentiality.clone(),
        }
    }
}

/// The page with `shown` in its fields (what is stored, or what was typed).
async fn page(
    state: &AppState,
    viewer: &Viewer,
    shown: Option<BrandingRequest>,
    (flash, refusal): (Flash, Option<Refusal>),
) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(&[Role::Admin], &text("only_admins"))?;
    let current = state.run(move |app| branding::get(app, &caller)).await?;
    let form = shown.unwrap_or_else(|| BrandingRequest {
        primary_colour: current.primary_colour.clone(),
        accent_colour: current.accent_colour.clone(),
        font: current.font,
        cover: current.cover,
        footer: current.footer.clone(),
        confidentiality: current.confidentiality.clone(),
    });
    let mut data = json!({
        "title": text("pages-branding-title"),
        "form": form,
        "fonts": Family::ALL.iter().map(|f| json!({ "value": f.key(), "name": f.name(), "selected": *f == form.font })).collect::<Vec<_>>(),
        "logo": current.logo,
    });
    let mut status = flash.fill(&mut data);
    if let Some(refusal) = refusal {
        refusal.fill(&mut data);
        status = StatusCode::UNPROCESSABLE_ENTITY;
    }
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "branding", &data))
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
    form: web::Form<BrandingForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = viewer.require(&[Role::Admin], &text("only_admins"))?;
    let typed = form.request();
    let request = typed.clone();
    match state
        .run(move |app| branding::set(app, &caller, request))
        .await
    {
        Ok(_) => Ok(Confirmation::BrandingSaved.redirect("/admin/branding")),
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

/// The logo form: one file, and the session's token.
pub async fn upload_logo(
    state: web::Data<AppState>,
    viewer: Viewer,
    payload: Multipart,
) -> Result<HttpResponse, PageError> {
    // The app refuses a logo over 512 KiB in words; the form may be a little larger.
    let form = Upload::read(payload, 1024 * 1024).await?;
    viewer.check(&form.text("csrf_token"))?;
    let caller = viewer.require(&[Role::Admin], &text("only_admins"))?;
    let bytes = form.bytes("logo").to_vec();
    match state
        .run(move |app| branding::set_logo(app, &caller, &bytes))
        .await
    {
        Ok(_) => Ok(Confirmation::LogoSaved.redirect("/admin/branding")),
        Err(e) => {
            let refusal = Refusal::of(e)?;
            page(&state, &viewer, None, (Flash::Nothing, Some(refusal))).await
        }
    }
}

pub async fn remove_logo(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<super::login::CsrfForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = viewer.require(&[Role::Admin], &text("only_admins"))?;
    state
        .run(move |app| branding::remove_logo(app, &caller))
        .await?;
    Ok(Confirmation::LogoRemoved.redirect("/admin/branding"))
}

/// The logo as stored, for the page's preview.
pub async fn logo(state: web::Data<AppState>, viewer: Viewer) -> Result<HttpResponse, PageError> {
    let caller = viewer.require(&[Role::Admin], &text("only_admins"))?;
    let document = state.run(move |app| branding::logo(app, &caller)).await?;
    Ok(HttpResponse::Ok()
        .content_type(document.content_type)
        .insert_header(("Cache-Control", "no-store"))
        .body(document.bytes))
}
