//! The logged-in person looking at a page: read off the session cookie
//! (the checks are `app::sessions`'), with what the layout's header shows.

use super::page_error::PageError;
use crate::app::sessions::{self, Identity};
use crate::domain::role::{Caller, Role};
use crate::web::state::AppState;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest};
use serde_json::{json, Value};
use std::future::Future;
use std::pin::Pin;

/// The logged-in person looking at a page.
pub struct Viewer {
    pub identity: Identity,
    pub organisation: String,
}

impl Viewer {
    /// Who the viewer is to the use cases.
    pub fn caller(&self) -> Caller {
        self.identity.caller
    }

    fn csrf_token(&self) -> &str {
        self.identity.csrf_token().unwrap_or_default()
    }

    /// Adds what the layout's header and its navigation need.
    pub(super) fn fill(&self, data: &mut Value) {
        let role = self.identity.caller.role;
        data["user"] = json!({ "name": self.identity.name, "role": role.as_str() });
        data["organisation"] = json!(self.organisation);
        data["csrf_token"] = json!(self.csrf_token());
        data["is_admin"] = json!(role == Role::Admin);
        data["is_staff"] = json!(role.is_staff());
        // While a required second factor is missing, the menu leads nowhere else.
        data["enrolling"] = json!(self.identity.enrol_first);
    }

    /// The viewer as a caller if their role is one of `roles`, else the 403
    /// page saying `why`. The use cases check again; this only picks the
    /// page's own words for a page that shows nothing without the role.
    pub(super) fn require(&self, roles: &[Role], why: &str) -> Result<Caller, PageError> {
        let caller = self.caller();
        if roles.contains(&caller.role) {
            Ok(caller)
        } else {
            Err(PageError::Forbidden(why.to_owned()))
        }
    }

    /// Refuses a form post whose token is not this session's.
    pub(super) fn check(&self, sent: &str) -> Result<(), PageError> {
        if sessions::csrf_matches(sent, self.csrf_token()) {
            Ok(())
        } else {
            Err(PageError::Forbidden(super::messages::text("form_expired")))
        }
    }
}

/// The pages a person reaches while their organisation waits for them to
/// enrol a second factor.
const WHILE_ENROLLING: [&str; 4] = [
    "/two-factor",
    "/two-factor/start",
    "/two-factor/confirm",
    "/logout",
];

impl FromRequest for Viewer {
    type Error = PageError;
    type Future = Pin<Box<dyn Future<Output = Result<Viewer, PageError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let cookie = req
            .cookie(crate::web::session::SESSION_COOKIE)
            .map(|c| c.value().to_owned());
        let address = state
            .as_ref()
            .map(|state| crate::web::session::caller_address(state, req))
            .unwrap_or_default();
        let enrolling = WHILE_ENROLLING.contains(&req.path());
        Box::pin(async move {
            let (state, cookie) = match (state, cookie) {
                (Some(state), Some(cookie)) => (state, cookie),
                _ => return Err(PageError::Login),
            };
            let viewer = state
                .run(move |app| sessions::viewer(app, &cookie, &address))
                .await?;
            let viewer = viewer
                .map(|(identity, organisation)| Viewer {
                    identity,
                    organisation,
                })
                .ok_or(PageError::Login)?;
            if viewer.identity.enrol_first && !enrolling {
                return Err(PageError::EnrolFirst);
            }
            if let Some(language) = viewer.identity.language {
                crate::web::language::prefer(language);
            }
            Ok(viewer)
        })
    }
}
