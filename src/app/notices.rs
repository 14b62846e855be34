//! Letters about the work, in each recipient's language: areas of an
//! assessment assigned to an assessor, and an assessor's areas ready for
//! the lead's review. Queued with the change that causes them.

use super::assessments::{require_open, visible};
use super::error::{AppError, AppResult};
use super::mail::{self, Compose};
use super::permissions::{require, STAFF};
use super::App;
use crate::db::assessments::Assessment;
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::Client;
use crate::db::organisations::Organisation;
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::i18n::words;
use crate::domain::ids::AssessmentId;
use crate::domain::role::Caller;

/// Tells each assessor who gained areas (the lead who divided them aside)
/// which areas of the assessment are now theirs.
pub(super) fn assigned(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment: &Assessment,
    gained: &[(i32, Vec<String>)],
) -> AppResult<()> {
    for (user_id, areas) in gained {
        if *user_id == caller.user_id.get() || areas.is_empty() {
            continue;
        }
        let Some(user) = User::find_in(conn, caller, *user_id)? else {
            continue;
        };
        letter(
            app,
            conn,
            caller,
            assessment,
            (&user, "assigned", &areas.join(", ")),
        )?;
    }
    Ok(())
}

/// An assessor tells the lead that their areas are scored and ready for
/// review; the lead gets a letter (and the trail a line).
pub fn ready(app: &App, caller: &Caller, id: AssessmentId) -> AppResult<()> {
    require(caller, STAFF, "say their areas are ready for review")?;
    app.write(|conn| {
        let assessment = visible(conn, caller, id)?;
        require_open(&assessment, "its review")?;
        if !Assessment::assessors(conn, assessment.id)?.contains(&caller.user_id.get())
            || assessment.lead_assessor_id == caller.user_id.get()
        {
            return Err(AppError::forbidden(
                "not_a_co_assessor",
                "only a co-assessor (not the lead) tells the lead their areas are ready",
            ));
        }
        let lead = User::find_in(conn, caller, assessment.lead_assessor_id)?
            .ok_or_else(|| AppError::not_found("lead assessor"))?;
        letter(app, conn, caller, &assessment, (&lead, "ready", ""))?;
        AuditEvent::record(
            conn,
            Change::by(caller, "assessment", assessment.id, "assessment.ready"),
        )?;
        Ok(())
    })
}

/// One letter about `assessment` from the caller to `to`, of `kind`.
fn letter(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment: &Assessment,
    (to, kind, areas): (&User, &str, &str),
) -> AppResult<()> {
    let organisation = Organisation::find(conn, assessment.organisation_id)?;
    let language = to.language.unwrap_or(organisation.report_language);
    let client = Client::find_visible(conn, caller, assessment.client_id)?
        .map(|c| c.name)
        .unwrap_or_default();
    let from = User::find_in(conn, caller, caller.user_id.get())?
        .map(|u| u.name)
        .unwrap_or_default();
    mail::queue(
        app,
        conn,
        &Compose {
            kind,
            to: &to.email,
            language,
            organisation_id: Some(organisation.id),
            args: &[
                ("name", &to.name),
                ("from", &from),
                ("client", &client),
                ("date", &words(language).date(assessment.assessment_date)),
                ("areas", areas),
                (
                    "link",
                    &app.mail.link(&format!("/assessments/{}", assessment.id)),
                ),
            ],
        },
    )?;
    Ok(())
}
