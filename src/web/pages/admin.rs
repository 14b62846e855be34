//! The admins' pages: the organisation's users, and which executives and
//! programme managers see which client. They post natively and share their
//! rules with the JSON API.

use super::flash::{Confirmation, Flash, FlashQuery};
use super::form_errors::Refusal;
use super::messages::text;
use super::pager::pager;
use super::{PageError, Viewer};
use crate::app::access::{self, Grant};
use crate::app::error::AppError;
use crate::app::invitations::{self, Invitation, InvitationRequest};
use crate::app::listing::ListQuery;
use crate::app::users::{self, UserUpdate};
use crate::domain::ids::{ClientId, UserId};
use crate::domain::role::{Caller, Role};
use crate::web::problem::{ApiError, ApiResult};
use crate::web::state::AppState;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use serde_json::{json, Value};

const USERS: &str = "/admin/users";
const ACCESS: &str = "/admin/access";

fn admin_only(viewer: &Viewer) -> Result<Caller, PageError> {
    viewer.require(&[Role::Admin], &text("only_admins"))
}

/// An admin's post about one person: its CSRF token checked, the admin and the person.
fn admin_post(
    viewer: &Viewer,
    form: &super::login::CsrfForm,
    path: web::Path<UserId>,
) -> Result<(Caller, UserId), PageError> {
    viewer.check(&form.csrf_token)?;
    Ok((admin_only(viewer)?, path.into_inner()))
}

/// A role chosen in a select; anything else is refused like any invalid field.
fn role_of(value: &str) -> Result<Role, AppError> {
    value
        .parse()
        .map_err(|_| AppError::invalid_field("unknown_role", "role", text("pages-choose-role")))
}

/// The four roles for a select, `chosen` selected.
fn role_options(chosen: Role) -> Vec<Value> {
    Role::ALL
        .into_iter()
        .map(|r| json!({ "value": r.as_str(), "label": r.label(), "selected": r == chosen }))
        .collect()
}

/// The invitation form. Every field may be missing, so that a forged post
/// without a token is refused as forged rather than as unreadable.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct NewUserForm {
    csrf_token: String,
    email: String,
    name: String,
    role: String,
}

/// A list page's search as its form sends it.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SearchForm {
    q: String,
    page: Option<u32>,
}

/// An invitation just made, to show its link once.
struct Issued {
    link: String,
    name: String,
    expires_at: String,
}

/// One row's form on the users page; an unticked box is not sent at all.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct UserForm {
    csrf_token: String,
    name: String,
    role: String,
    active: Option<String>,
}

/// Removing one person's access to one client: asked first, then confirmed
/// (`confirm=yes`); the names are only for the question.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AccessForm {
    csrf_token: String,
    user_id: String,
    client_id: String,
    person: String,
    client: String,
    confirm: String,
}

impl AccessForm {
    /// The (user, client) ids chosen.
    fn ids(&self) -> Result<(UserId, ClientId), AppError> {
        let id = |value: &str, what: &str| {
            value
                .parse()
                .map_err(|_| AppError::invalid("missing_field", format!("choose a {what}")))
        };
        Ok((
            UserId(id(&self.user_id, "person")?),
            ClientId(id(&self.client_id, "client")?),
        ))
    }
}

/// The users page; `form` is the invitation form as last sent, `issued` an
/// invitation just made.
async fn users_page(
    state: &AppState,
    viewer: &Viewer,
    flash: Flash,
    form: &NewUserForm,
    (issued, refusal): (Option<Issued>, Option<Refusal>),
    shown: ListQuery,
) -> Result<HttpResponse, PageError> {
    let caller = admin_only(viewer)?;
    let search = shown.q.clone().unwrap_or_default();
    let users = state
        .run(move |app| users::list(app, &caller, &shown))
        .await?;
    let pager = pager(&users, USERS, &[("q", &search)]);
    let rows: Vec<Value> = users
        .items
        .iter()
        .map(|u| {
            json!({
                "id": u.id,
                "name": u.name,
                "email": u.email,
                "active": u.active,
                "last_login": u.last_login_at.map(|t| t.format("%-d %b %Y, %H:%M").to_string()),
                "me": u.id == caller.user_id.get(),
                "two_factor": u.two_factor,
                "roles": role_options(u.role),
            })
        })
        .collect();
    let chosen = form.role.parse().unwrap_or(Role::Executive);
    let mut data = json!({
        "title": text("pages-users-title"),
        "users": rows,
        "form": { "email": form.email, "name": form.name, "roles": role_options(chosen) },
        "issued": issued.map(|i| json!({ "link": i.link, "name": i.name, "expires_at": i.expires_at })),
        "q": search,
        "pager": pager,
    });
    let mut status = flash.fill(&mut data);
    if let Some(refusal) = refusal {
        refusal.fill(&mut data);
        status = actix_web::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "admin_users", &data))
}

/// The users page with the invitation form as sent, each problem beside its field.
async fn refused(
    state: &AppState,
    viewer: &Viewer,
    error: ApiError,
    form: &NewUserForm,
) -> Result<HttpResponse, PageError> {
    // An email taken is the email field's problem, like an invalid one.
    let error = match error {
        ApiError::App(AppError::Conflict {
            code: "email_taken",
            detail,
        }) => ApiError::App(AppError::invalid_field("email_taken", "email", detail)),
        other => other,
    };
    let refusal = Refusal::of(error)?;
    users_page(
        state,
        viewer,
        Flash::Nothing,
        form,
        (None, Some(refusal)),
        ListQuery::default(),
    )
    .await
}

/// Back to the users page: confirming `done`, or saying why not.
async fn users_outcome<T>(
    state: &AppState,
    viewer: &Viewer,
    outcome: ApiResult<T>,
    done: Confirmation,
    form: &NewUserForm,
) -> Result<HttpResponse, PageError> {
    // A row's refusal is said above the table: the rows share no fields.
    match outcome {
        Ok(_) => Ok(done.redirect(USERS)),
        Err(e) => {
            let flash = Flash::refusal(e)?;
            users_page(
                state,
                viewer,
                flash,
                form,
                (None, None),
                ListQuery::default(),
            )
            .await
        }
    }
}

pub async fn users(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<FlashQuery>,
    shown: web::Query<SearchForm>,
) -> Result<HttpResponse, PageError> {
    let shown = ListQuery {
        q: Some(shown.q.clone()),
        page: shown.page,
        ..ListQuery::default()
    };
    let empty = NewUserForm::default();
    users_page(&state, &viewer, query.flash(), &empty, (None, None), shown).await
}

pub async fn add_user(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    form: web::Form<NewUserForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = admin_only(&viewer)?;
    let invited = match role_of(&form.role) {
        Ok(role) => {
            let body = InvitationRequest {
                email: form.email.clone(),
                name: form.name.clone(),
                role,
            };
            state
                .run(move |app| invitations::invite(app, &caller, body))
                .await
        }
        Err(e) => Err(e.into()),
    };
    issued(&state, &req, &viewer, invited, &form).await
}

/// A new invitation link for someone already in the organisation.
pub async fn reinvite(
    state: web::Data<AppState>,
    req: HttpRequest,
    viewer: Viewer,
    path: web::Path<UserId>,
    form: web::Form<super::login::CsrfForm>,
) -> Result<HttpResponse, PageError> {
    let (caller, id) = admin_post(&viewer, &form, path)?;
    let invited = state
        .run(move |app| invitations::reinvite(app, &caller, id))
        .await;
    issued(&state, &req, &viewer, invited, &NewUserForm::default()).await
}

/// The users page with the link just made, shown this once; or the refusal.
async fn issued(
    state: &AppState,
    req: &HttpRequest,
    viewer: &Viewer,
    invited: ApiResult<Invitation>,
    form: &NewUserForm,
) -> Result<HttpResponse, PageError> {
    match invited {
        Ok(invitation) => {
            let site = {
                let info = req.connection_info();
                format!("{}://{}", info.scheme(), info.host())
            };
            let issued = Issued {
                link: format!("{site}{}", invitation.link),
                name: invitation.user.name,
                expires_at: invitation
                    .expires_at
                    .format("%-d %b %Y, %H:%M UTC")
                    .to_string(),
            };
            let empty = NewUserForm::default();
            users_page(
                state,
                viewer,
                Flash::Nothing,
                &empty,
                (Some(issued), None),
                ListQuery::default(),
            )
            .await
        }
        Err(e) => refused(state, viewer, e, form).await,
    }
}

pub async fn change_user(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<UserId>,
    form: web::Form<UserForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = admin_only(&viewer)?;
    let id = path.into_inner();
    let updated = match role_of(&form.role) {
        Ok(role) => {
            let body = UserUpdate {
                name: Some(form.name.clone()),
                role: Some(role),
                active: Some(form.active.is_some()),
            };
            state
                .run(move |app| users::update(app, &caller, id, body))
                .await
        }
        Err(e) => Err(e.into()),
    };
    let empty = NewUserForm::default();
    users_outcome(&state, &viewer, updated, Confirmation::UserUpdated, &empty).await
}

/// The access page: every executive and programme manager with the clients
/// they are attached to.
async fn access_page(
    state: &AppState,
    viewer: &Viewer,
    flash: Flash,
) -> Result<HttpResponse, PageError> {
    let caller = admin_only(viewer)?;
    let (people, clients) = state.run(move |app| access::overview(app, &caller)).await?;
    let people: Vec<Value> = people
        .iter()
        .map(|p| {
            let u = &p.user;
            let theirs: Vec<Value> = p
                .clients
                .iter()
                .map(|c| json!({ "user_id": u.id, "person": u.name, "client_id": c.id, "name": c.name }))
                .collect();
            json!({
                "id": u.id,
                "name": u.name,
                "email": u.email,
                "role": u.role.label(),
                "active": u.active,
                "clients": theirs,
            })
        })
        .collect();
    let mut data = json!({
        "title": text("pages-access-title"),
        "people": people,
        "clients": clients.iter().map(|c| json!({ "id": c.id, "name": c.name })).collect::<Vec<_>>(),
    });
    let status = flash.fill(&mut data);
    viewer.fill(&mut data);
    Ok(state.pages.render(status, "admin_access", &data))
}

/// Back to the access page: confirming `done`, or saying why not.
async fn access_outcome(
    state: &AppState,
    viewer: &Viewer,
    outcome: ApiResult<()>,
    done: Confirmation,
) -> Result<HttpResponse, PageError> {
    match outcome {
        Ok(()) => Ok(done.redirect(ACCESS)),
        Err(e) => access_page(state, viewer, Flash::refusal(e)?).await,
    }
}

pub async fn access(
    state: web::Data<AppState>,
    viewer: Viewer,
    query: web::Query<FlashQuery>,
) -> Result<HttpResponse, PageError> {
    access_page(&state, &viewer, query.flash()).await
}

/// Gives one person access to the clients ticked (the form repeats
/// `client_id`), all at once.
pub async fn give_access(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let field = |name: &str| {
        form.iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    };
    viewer.check(field("csrf_token"))?;
    let caller = admin_only(&viewer)?;
    let clients: Result<Vec<ClientId>, _> = form
        .iter()
        .filter(|(n, _)| n == "client_id")
        .map(|(_, v)| v.parse().map(ClientId))
        .collect();
    let outcome = match (field("user_id").parse().map(UserId), clients) {
        (Ok(user_id), Ok(clients)) => {
            state
                .run(move |app| access::attach_many(app, &caller, user_id, &clients))
                .await
        }
        _ => {
            Err(AppError::invalid("missing_field", text("pages-choose-person-and-clients")).into())
        }
    };
    access_outcome(&state, &viewer, outcome, Confirmation::AccessGiven).await
}

/// Removes one person's access to one client once the admin confirmed it:
/// the first post shows what would be removed and asks.
pub async fn remove_access(
    state: web::Data<AppState>,
    viewer: Viewer,
    form: web::Form<AccessForm>,
) -> Result<HttpResponse, PageError> {
    viewer.check(&form.csrf_token)?;
    let caller = admin_only(&viewer)?;
    let (user_id, client_id) = match form.ids() {
        Ok(ids) => ids,
        Err(e) => {
            return access_outcome(&state, &viewer, Err(e.into()), Confirmation::AccessRemoved)
                .await
        }
    };
    if form.confirm != "yes" {
        let mut data = json!({
            "title": text("pages-access-remove-title"),
            "person": form.person,
            "client": form.client,
            "user_id": user_id.get(),
            "client_id": client_id.get(),
        });
        viewer.fill(&mut data);
        return Ok(state
            .pages
            .render(actix_web::http::StatusCode::OK, "access_confirm", &data));
    }
    let outcome = state
        .run(move |app| access::set(app, &caller, client_id, user_id, Grant::Detach))
        .await;
    access_outcome(&state, &viewer, outcome, Confirmation::AccessRemoved).await
}

/// Resets a person's second factor, when they lost their phone and their
/// recovery codes (never the admin's own).
pub async fn reset_two_factor(
    state: web::Data<AppState>,
    viewer: Viewer,
    path: web::Path<UserId>,
    form: web::Form<super::login::CsrfForm>,
) -> Result<HttpResponse, PageError> {
    let (caller, id) = admin_post(&viewer, &form, path)?;
    state
        .run(move |app| crate::app::two_factor::reset(app, &caller, id))
        .await?;
    Ok(Confirmation::TwoFactorReset.redirect("/admin/users"))
}
