//! The page templates: handlebars files under `templates/`, registered once
//! at start-up, and the error page every failure is shown on.

use super::messages::text;
use super::viewer::Viewer;
use actix_web::{http::StatusCode, HttpResponse};
use handlebars::Handlebars;
use serde_json::{json, Value};

/// The page templates, parsed once.
pub struct Pages {
    hb: Handlebars<'static>,
}

impl Pages {
    pub fn new() -> anyhow::Result<Pages> {
        let mut hb = Handlebars::new();
        hb.set_strict_mode(true);
        crate::report::template_words::register(&mut hb);
        hb.register_partial("layout", include_str!("../../../templates/layout.hbs"))?;
        hb.register_partial("flaws", include_str!("../../../templates/flaws.hbs"))?;
        hb.register_partial("pager", include_str!("../../../templates/pager.hbs"))?;
        for (name, source) in [
            ("login", include_str!("../../../templates/login.hbs")),
            (
                "home_staff",
                include_str!("../../../templates/home_staff.hbs"),
            ),
            (
                "home_client",
                include_str!("../../../templates/home_client.hbs"),
            ),
            ("error", include_str!("../../../templates/error.hbs")),
            (
                "assessment",
                include_str!("../../../templates/assessment.hbs"),
            ),
            ("review", include_str!("../../../templates/review.hbs")),
            (
                "fieldwork",
                include_str!("../../../templates/fieldwork.hbs"),
            ),
            ("password", include_str!("../../../templates/password.hbs")),
            ("data", include_str!("../../../templates/data.hbs")),
            ("study", include_str!("../../../templates/study.hbs")),
            (
                "programmes",
                include_str!("../../../templates/programmes.hbs"),
            ),
            (
                "programme",
                include_str!("../../../templates/programme.hbs"),
            ),
            (
                "workbook_refused",
                include_str!("../../../templates/workbook_refused.hbs"),
            ),
            (
                "client_form",
                include_str!("../../../templates/client_form.hbs"),
            ),
            (
                "assessment_form",
                include_str!("../../../templates/assessment_form.hbs"),
            ),
            (
                "admin_users",
                include_str!("../../../templates/admin_users.hbs"),
            ),
            (
                "admin_access",
                include_str!("../../../templates/admin_access.hbs"),
            ),
            (
                "admin_audit",
                include_str!("../../../templates/admin_audit.hbs"),
            ),
            ("tokens", include_str!("../../../templates/tokens.hbs")),
            (
                "two_factor",
                include_str!("../../../templates/two_factor.hbs"),
            ),
            ("clients", include_str!("../../../templates/clients.hbs")),
            ("client", include_str!("../../../templates/client.hbs")),
            ("settings", include_str!("../../../templates/settings.hbs")),
            ("branding", include_str!("../../../templates/branding.hbs")),
            (
                "sso_settings",
                include_str!("../../../templates/sso_settings.hbs"),
            ),
            (
                "sso_continue",
                include_str!("../../../templates/sso_continue.hbs"),
            ),
            (
                "project_edit",
                include_str!("../../../templates/project_edit.hbs"),
            ),
            (
                "access_confirm",
                include_str!("../../../templates/access_confirm.hbs"),
            ),
            (
                "assessments",
                include_str!("../../../templates/assessments.hbs"),
            ),
            (
                "invitation",
                include_str!("../../../templates/invitation.hbs"),
            ),
            (
                "scorecard",
                include_str!("../../../templates/scorecard.hbs"),
            ),
            (
                "comparison",
                include_str!("../../../templates/comparison.hbs"),
            ),
            ("targets", include_str!("../../../templates/targets.hbs")),
            (
                "action_form",
                include_str!("../../../templates/action_form.hbs"),
            ),
        ] {
            hb.register_template_string(name, source)?;
        }
        Ok(Pages { hb })
    }

    /// A page, or the error page if the template fails (logged, never shown).
    /// Renders a page that may hold a secret (a new token, a second
    /// factor's key, recovery codes): no cache keeps it.
    pub fn render_secret(&self, status: StatusCode, name: &str, data: &Value) -> HttpResponse {
        let mut response = self.render(status, name, data);
        response.headers_mut().insert(
            actix_web::http::header::CACHE_CONTROL,
            actix_web::http::header::HeaderValue::from_static("no-store"),
        );
        response
    }

    pub fn render(&self, status: StatusCode, name: &str, data: &Value) -> HttpResponse {
        // The messages of the page (`{{t …}}`) in the request's language.
        let mut data = data.clone();
        if let Some(page) = data.as_object_mut() {
            page.insert("lang".into(), json!(crate::web::language::current()));
        }
        match self.hb.render(name, &data) {
            Ok(html) => HttpResponse::build(status)
                .content_type("text/html; charset=utf-8")
                .body(html),
            Err(e) => {
                tracing::error!(template = name, cause = %e, "a page failed to render");
                HttpResponse::InternalServerError()
                    .content_type("text/plain")
                    .body(text("fault_plain"))
            }
        }
    }

    /// A friendly error page; `viewer` fills the header when someone is logged in.
    pub fn error(
        &self,
        status: StatusCode,
        message: &str,
        viewer: Option<&Viewer>,
    ) -> HttpResponse {
        let heading = text(match status.as_u16() {
            400 => "heading_bad_request",
            403 => "heading_forbidden",
            404 => "heading_not_found",
            _ => "heading_fault",
        });
        let mut data = json!({ "title": heading, "heading": heading, "message": message });
        if let Some(v) = viewer {
            v.fill(&mut data);
        }
        self.render(status, "error", &data)
    }
}
