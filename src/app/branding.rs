//! The organisation's report branding: admins set its colours (refused
//! below WCAG AA for text on white, with the ratio), one of the bundled
//! fonts, a cover page, the footer line, the confidentiality marking and a
//! logo checked by its bytes. Every report the organisation renders follows it.

use super::documents::Document;
use super::error::{AppError, AppResult};
use super::input;
use super::permissions::{require, ADMINS};
use super::App;
use crate::db::audit::{AuditEvent, Change};
use crate::db::brandings::{BrandingFields, StoredBranding};
use crate::db::AnyConnection;
use crate::domain::branding::{check_logo, Colour, Family, LogoKind, TEXT_CONTRAST, WHITE};
use crate::domain::role::Caller;
use crate::report::{Branding, Logo};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::sync::Arc;
use utoipa::ToSchema;

/// The branding as an admin sets it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandingRequest {
    /// Headings and the client's series: `#rrggbb`, 4.5:1 or more on white.
    #[schema(pattern = "colour")]
    pub primary_colour: String,
    /// Highlights and the top quartile: `#rrggbb`, 4.5:1 or more on white.
    #[schema(pattern = "colour")]
    pub accent_colour: String,
    /// `dejavu-sans`, `noto-sans` or `noto-serif`.
    pub font: Family,
    /// A cover page before each report.
    pub cover: bool,
    /// The consultancy's line in every page's footer; empty for none.
    #[schema(max_length = 200, pattern = "one-line-or-blank")]
    pub footer: String,
    /// The marking on every page; `{client}` is replaced by the client's
    /// name, e.g. "Confidential — prepared for {client}". Empty for none.
    #[schema(max_length = 200, pattern = "one-line-or-blank")]
    pub confidentiality: String,
}

/// The branding as it stands, with what the logo is.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct BrandingView {
    /// Headings and the client's series, `#rrggbb`.
    pub primary_colour: String,
    /// Highlights and the top quartile, `#rrggbb`.
    pub accent_colour: String,
    /// `dejavu-sans`, `noto-sans` or `noto-serif`.
    pub font: Family,
    /// A cover page before each report.
    pub cover: bool,
    /// The consultancy's line in every page's footer.
    pub footer: String,
    /// The marking on every page, `{client}` still in it.
    pub confidentiality: String,
    /// The logo's kind and size, if one is set.
    pub logo: Option<LogoInfo>,
}

/// What a logo is, without its bytes (`GET …/branding/logo` has them).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct LogoInfo {
    /// PNG or JPEG.
    pub kind: LogoKind,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl BrandingRequest {
    fn of(b: &Branding) -> BrandingRequest {
        BrandingRequest {
            primary_colour: b.primary.to_string(),
            accent_colour: b.accent.to_string(),
            font: b.family,
            cover: b.cover,
            footer: b.footer.clone(),
            confidentiality: b.confidentiality.clone(),
        }
    }
}

fn view(b: &Branding) -> BrandingView {
    let BrandingRequest {
        primary_colour,
        accent_colour,
        font,
        cover,
        footer,
        confidentiality,
    } = BrandingRequest::of(b);
    BrandingView {
        primary_colour,
        accent_colour,
        font,
        cover,
        footer,
        confidentiality,
        logo: b.logo.as_ref().map(|l| LogoInfo {
            kind: l.shape.kind,
            width: l.shape.width,
            height: l.shape.height,
        }),
    }
}

/// The branding the organisation's reports are laid out with: its own, or
/// cmas's look where it set none.
pub(super) fn for_reports(
    conn: &mut AnyConnection,
    organisation_id: i32,
) -> diesel::QueryResult<Branding> {
    let Some(stored) = StoredBranding::find(conn, organisation_id)? else {
        return Ok(Branding::default());
    };
    let fallback = Branding::default();
    let logo = stored.logo.and_then(|bytes| {
        let shape = check_logo(&bytes).ok()?;
        Some(Logo {
            bytes: Arc::from(bytes),
            shape,
        })
    });
    Ok(Branding {
        primary: Colour::parse(&stored.primary_colour).unwrap_or(fallback.primary),
        accent: Colour::parse(&stored.accent_colour).unwrap_or(fallback.accent),
        family: Family::from_key(&stored.font).unwrap_or_default(),
        cover: stored.cover,
        footer: stored.footer,
        confidentiality: stored.confidentiality,
        logo,
    })
}

/// The organisation's branding (admins).
pub fn get(app: &App, caller: &Caller) -> AppResult<BrandingView> {
    require(caller, ADMINS, "read the report branding")?;
    app.read(|conn| Ok(view(&for_reports(conn, caller.organisation_id.get())?)))
}

/// A brand colour read from `field`, refused unless text in it reads on white.
fn text_colour(field: &str, text: &str) -> AppResult<Colour> {
    let colour = Colour::parse(text).ok_or_else(|| {
        AppError::invalid_field(
            "bad_colour",
            field,
            format!("`{field}` must be a colour written #rrggbb, e.g. #1f4e79"),
        )
    })?;
    let ratio = colour.contrast(WHITE);
    if ratio < TEXT_CONTRAST {
        return Err(AppError::invalid_field(
            "low_contrast",
            field,
            format!(
                "{colour} has a contrast of {:.2}:1 against white; text needs at least 4.5:1 (WCAG AA): choose a darker colour",
                (ratio * 100.0).floor() / 100.0
            ),
        ));
    }
    Ok(colour)
}

/// A footer or marking line: one line of short text, `{client}` its only
/// placeholder; blank for none.
fn line(field: &str, text: &str) -> AppResult<String> {
    let text = input::optional(field, Some(text), input::SHORT_TEXT)?.unwrap_or_default();
    let without = text.replace("{client}", "");
    if without.contains(['{', '}']) {
        return Err(AppError::invalid_field(
            "bad_placeholder",
            field,
            format!("`{field}` may name {{client}} and no other placeholder"),
        ));
    }
    Ok(text)
}

/// Sets everything but the logo (admins); audited.
pub fn set(app: &App, caller: &Caller, request: BrandingRequest) -> AppResult<BrandingView> {
    require(caller, ADMINS, "change the report branding")?;
    let primary = text_colour("primary_colour", &request.primary_colour)?;
    let accent = text_colour("accent_colour", &request.accent_colour)?;
    let footer = line("footer", &request.footer)?;
    let confidentiality = line("confidentiality", &request.confidentiality)?;
    let (primary, accent) = (primary.to_string(), accent.to_string());
    let organisation_id = caller.organisation_id.get();
    app.write(|conn| {
        let before = BrandingRequest::of(&for_reports(conn, organisation_id)?);
        let fields = BrandingFields {
            primary_colour: &primary,
            accent_colour: &accent,
            font: request.font.key(),
            cover: request.cover,
            footer: &footer,
            confidentiality: &confidentiality,
            updated_by: Some(caller.user_id.get()),
            updated_at: chrono::Utc::now().naive_utc(),
        };
        StoredBranding::save(conn, organisation_id, &fields)?;
        let after = for_reports(conn, organisation_id)?;
        AuditEvent::record(
            conn,
            Change::by(
                caller,
                "organisation",
                organisation_id,
                "organisation.branding",
            )
            .before(json!(before))
            .after(json!(BrandingRequest::of(&after))),
        )?;
        Ok(view(&after))
    })
}

/// Sets the logo from its bytes (admins): PNG or JPEG by its first bytes,
/// 512 KiB and 4000 pixels each way at most; audited.
pub fn set_logo(app: &App, caller: &Caller, bytes: &[u8]) -> AppResult<BrandingView> {
    require(caller, ADMINS, "change the report branding")?;
    let shape = check_logo(bytes)
        .map_err(|problem| AppError::invalid_field("bad_logo", "logo", problem.to_string()))?;
    replace_logo(app, caller, Some((bytes, shape.kind)), "organisation.logo")
}

/// Removes the logo (admins); audited.
pub fn remove_logo(app: &App, caller: &Caller) -> AppResult<BrandingView> {
    require(caller, ADMINS, "change the report branding")?;
    replace_logo(app, caller, None, "organisation.logo_removed")
}

fn replace_logo(
    app: &App,
    caller: &Caller,
    logo: Option<(&[u8], LogoKind)>,
    action: &'static str,
) -> AppResult<BrandingView> {
    let organisation_id = caller.organisation_id.get();
    let now = chrono::Utc::now().naive_utc();
    app.write(|conn| {
        let current = for_reports(conn, organisation_id)?;
        let settings = BrandingRequest::of(&current);
        // The row exists before its logo does.
        StoredBranding::save(
            conn,
            organisation_id,
            &BrandingFields {
                primary_colour: &settings.primary_colour,
                accent_colour: &settings.accent_colour,
                font: settings.font.key(),
                cover: settings.cover,
                footer: &settings.footer,
                confidentiality: &settings.confidentiality,
                updated_by: Some(caller.user_id.get()),
                updated_at: now,
            },
        )?;
        StoredBranding::set_logo(
            conn,
            organisation_id,
            logo.map(|(bytes, kind)| (bytes, kind.key())),
            (caller.user_id.get(), now),
        )?;
        let after = for_reports(conn, organisation_id)?;
        let described = |b: &Branding| json!(view(b).logo);
        AuditEvent::record(
            conn,
            Change::by(caller, "organisation", organisation_id, action)
                .before(described(&current))
                .after(described(&after)),
        )?;
        Ok(view(&after))
    })
}

/// The logo's bytes (admins), or 404 when none is set.
pub fn logo(app: &App, caller: &Caller) -> AppResult<Document> {
    require(caller, ADMINS, "read the report branding")?;
    let branding = app.read(|conn| Ok(for_reports(conn, caller.organisation_id.get())?))?;
    let logo = branding.logo.ok_or_else(|| AppError::not_found("logo"))?;
    Ok(Document {
        bytes: logo.bytes.to_vec(),
        content_type: logo.shape.kind.media_type(),
        filename: format!("logo.{}", logo.shape.kind.key()),
    })
}
