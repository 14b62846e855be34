//! The organisations of a deployment, as the platform's operator (or the
//! command line on the server) administers them: create one with its first
//! admin invited, list them, switch one off and on, invite another admin.
//! Nothing here reads an organisation's clients or assessments.

use super::bootstrap;
use super::error::{AppError, AppResult};
use super::input::{email, required, SHORT_TEXT};
use super::invitations::{create_invited, issue, Invitation};
use super::operators::Operating;
use super::App;
use crate::db::audit::{AuditEvent, Change};
use crate::db::organisations::Organisation;
use crate::db::sessions::Session;
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::i18n::Language;
use crate::domain::role::Role;
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

/// A new organisation and the person who will be its first admin.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct NewOrganisation {
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
    /// Lower-case letters, digits and hyphens; made from the name when absent.
    #[schema(min_length = 2, max_length = 60, pattern = "slug")]
    pub slug: Option<String>,
    #[schema(max_length = 200, pattern = "email")]
    pub admin_email: String,
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub admin_name: String,
    /// The language its reports are written in by default (English when absent).
    pub report_language: Option<Language>,
}

/// Another admin for an organisation (or a new link for one invited before).
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct AdminInvitation {
    #[schema(max_length = 200, pattern = "email")]
    pub email: String,
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
}

/// An organisation as the operator sees it: no content, only its frame.
#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct OrganisationView {
    pub id: i32,
    pub name: String,
    pub slug: String,
    pub created_at: chrono::NaiveDateTime,
    /// When it was switched off; none: it works.
    pub disabled_at: Option<chrono::NaiveDateTime>,
    pub report_language: Language,
    /// How many people it has (invited ones included).
    pub people: i64,
}

/// A new organisation and the link its first admin opens.
#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct CreatedOrganisation {
    pub organisation: OrganisationView,
    pub invitation: Invitation,
}

fn view((org, people): (Organisation, i64)) -> OrganisationView {
    OrganisationView {
        id: org.id,
        name: org.name,
        slug: org.slug,
        created_at: org.created_at,
        disabled_at: org.disabled_at,
        report_language: org.report_language,
        people,
    }
}

/// Every organisation of the deployment.
pub fn list(app: &App, _by: &Operating) -> AppResult<Vec<OrganisationView>> {
    let all = app.read(|conn| Ok(Organisation::all_with_user_counts(conn)?))?;
    Ok(all.into_iter().map(view).collect())
}

/// The id of the organisation with this slug (for the command line).
pub fn by_slug(app: &App, slug: &str) -> AppResult<i32> {
    app.read(|conn| Ok(Organisation::find_by_slug(conn, slug)?))?
        .map(|org| org.id)
        .ok_or_else(|| AppError::not_found("organisation"))
}

/// Longest slug.
const SLUG_CHARS: usize = 60;

/// The slug asked for (or made from the name), checked.
fn slug_of(name: &str, asked: Option<&str>) -> AppResult<String> {
    let slug = match asked {
        Some(asked) => asked.trim().to_owned(),
        None => bootstrap::slug(name),
    };
    let shaped = (2..=SLUG_CHARS).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if shaped {
        Ok(slug)
    } else {
        Err(AppError::invalid_field(
            "bad_slug",
            "slug",
            format!("the slug must be 2 to {SLUG_CHARS} lower-case letters, digits and inner hyphens, e.g. northbridge-partners"),
        ))
    }
}

/// Creates an organisation with the bundled questionnaires and invites its
/// first admin, all at once or not at all.
pub fn create(app: &App, by: &Operating, body: &NewOrganisation) -> AppResult<CreatedOrganisation> {
    let name = required("name", &body.name, SHORT_TEXT)?;
    let slug = slug_of(&name, body.slug.as_deref())?;
    let admin_email = email(&body.admin_email)?;
    let admin_name = required("admin_name", &body.admin_name, SHORT_TEXT)?;
    let questionnaires = bootstrap::bundled().map_err(AppError::internal)?;
    let language = body.report_language.unwrap_or_default();
    app.write(|conn| {
        if Organisation::find_by_slug(conn, &slug)?.is_some() {
            return Err(AppError::conflict(
                "slug_taken",
                format!("an organisation with the slug {slug} exists already"),
            ));
        }
        if User::find_by_email(conn, &admin_email)?.is_some() {
            return Err(AppError::conflict(
                "email_taken",
                format!("the email {admin_email} cannot be used; give another"),
            ));
        }
        let org = Organisation::create(conn, &name, &slug)?;
        Organisation::set_report_language(conn, org.id, language)?;
        bootstrap::import_all(conn, org.id, &questionnaires).map_err(AppError::internal)?;
        record(conn, by, org.id, "organisation.create")?;
        let admin = create_invited(conn, org.id, (&admin_email, &admin_name, Role::Admin))?;
        let invitation = issue(app, conn, None, &admin)?;
        let org = Organisation::find(conn, org.id)?;
        Ok(CreatedOrganisation {
            organisation: view((org, 1)),
            invitation,
        })
    })
}

/// Switches an organisation off (its people's sessions end and their
/// tokens stop working at once; its data stays) or on again.
pub fn set_enabled(
    app: &App,
    by: &Operating,
    id: i32,
    enabled: bool,
) -> AppResult<OrganisationView> {
    app.write(|conn| {
        let org = find(conn, id)?;
        if org.disabled_at.is_none() == enabled {
            return Ok(view((org, User::count_in_organisation(conn, id)?)));
        }
        let (at, action) = match enabled {
            true => (None, "organisation.enable"),
            false => (Some(crate::db::now()), "organisation.disable"),
        };
        Organisation::set_disabled(conn, id, at)?;
        if !enabled {
            Session::delete_in_organisation(conn, id)?;
        }
        record(conn, by, id, action)?;
        tracing::info!(organisation_id = id, action, "organisation switched");
        Ok(view((
            find(conn, id)?,
            User::count_in_organisation(conn, id)?,
        )))
    })
}

/// Invites another admin into an organisation, or sends a new link to an
/// admin of it who was invited before (their earlier link stops working).
pub fn invite_admin(
    app: &App,
    by: &Operating,
    id: i32,
    body: &AdminInvitation,
) -> AppResult<Invitation> {
    let address = email(&body.email)?;
    let name = required("name", &body.name, SHORT_TEXT)?;
    app.write(|conn| {
        find(conn, id)?;
        let admin = match User::find_by_email(conn, &address)? {
            Some(user) if user.organisation_id == id && user.role() == Role::Admin => user,
            Some(_) => {
                return Err(AppError::conflict(
                    "email_taken",
                    format!("the email {address} cannot be used for an admin here; give another"),
                ))
            }
            None => create_invited(conn, id, (&address, &name, Role::Admin))?,
        };
        record(conn, by, id, "organisation.admin_invited")?;
        issue(app, conn, None, &admin)
    })
}

fn find(conn: &mut AnyConnection, id: i32) -> AppResult<Organisation> {
    use diesel::OptionalExtension;
    Organisation::find(conn, id)
        .optional()?
        .ok_or_else(|| AppError::not_found("organisation"))
}

/// Records what the platform did in the organisation's own trail, so its
/// admins see it.
fn record(conn: &mut AnyConnection, by: &Operating, id: i32, action: &str) -> AppResult<()> {
    Ok(AuditEvent::record(
        conn,
        Change {
            organisation_id: id,
            actor_id: None,
            entity: "organisation",
            entity_id: id,
            action,
            before: None,
            after: Some(json!({ "by": by.who() }).to_string()),
        },
    )?)
}
