//! First start: an organisation, an admin, and the bundled questionnaires in
//! every organisation. Idempotent; runs at every start.

use crate::auth::{generate_password, hash_password, password_problem};
use crate::config::FirstStart;
use crate::db::assessments::Assessment;
use crate::db::organisations::Organisation;
use crate::db::questionnaires::{Import, StoredQuestionnaire};
use crate::db::result_summaries;
use crate::db::users::{NewUser, User};
use crate::db::{AnyConnection, Database};
use crate::domain::questionnaire::{self, Questionnaire};
use crate::domain::role::Role;
use anyhow::Context;

/// The questionnaires shipped in `questionnaires/`, built into the binary.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "questionnaires/customer-management.toml",
        include_str!("../../questionnaires/customer-management.toml"),
    ),
    (
        "questionnaires/customer-management-1.1.0.toml",
        include_str!("../../questionnaires/customer-management-1.1.0.toml"),
    ),
];

/// The bundled questionnaires, loaded and checked; a problem in one names
/// its file, line and column.
pub fn bundled() -> anyhow::Result<Vec<Questionnaire>> {
    BUNDLED
        .iter()
        .map(|(file, source)| questionnaire::load(file, source).map_err(anyhow::Error::from))
        .collect()
}

/// Makes sure the first organisation and its admin exist, imports the
/// bundled questionnaires into every organisation and fills in missing
/// result summaries. Prints a generated admin password once.
pub fn run(db: &Database, settings: &FirstStart) -> anyhow::Result<()> {
    let questionnaires = bundled()?;
    let generated = db.write(|conn| -> anyhow::Result<Option<String>> {
        crate::db::setup_turn(conn)?;
        let organisations = Organisation::all(conn)?;
        let first = match organisations.first() {
            Some(org) => org.clone(),
            None => {
                Organisation::create(conn, &settings.organisation, &slug(&settings.organisation))?
            }
        };
        let generated = ensure_admin(conn, &first, settings)?;
        for org in Organisation::all(conn)? {
            import_all(conn, org.id, &questionnaires)?;
        }
        backfill_summaries(conn)?;
        Ok(generated)
    })?;
    if let Some(password) = generated {
        // Printed, not logged: it must not end up in log files.
        crate::say!(
            "cmas: created the first admin {} with the password {password}\n      (shown once; set CMAS_ADMIN_PASSWORD to choose it)",
            settings.admin_email
        );
    }
    Ok(())
}

/// Stores the result summaries of final assessments finalised before
/// summaries existed, so every final assessment is in the benchmarks.
fn backfill_summaries(conn: &mut AnyConnection) -> anyhow::Result<()> {
    for id in result_summaries::missing(conn)? {
        let assessment = Assessment::find_any(conn, id)?
            .ok_or_else(|| anyhow::anyhow!("assessment {id} is missing"))?;
        let questionnaire = StoredQuestionnaire::find_in(
            conn,
            assessment.organisation_id,
            assessment.questionnaire_id,
        )?
        .ok_or_else(|| anyhow::anyhow!("assessment {id} has no questionnaire"))?
        .definition()?;
        let finished = super::results::load(conn, &assessment, &questionnaire)?;
        result_summaries::store(conn, id, &finished)?;
    }
    Ok(())
}

/// Creates the first admin when the database has no users; returns a generated password.
fn ensure_admin(
    conn: &mut AnyConnection,
    org: &Organisation,
    settings: &FirstStart,
) -> anyhow::Result<Option<String>> {
    if User::count_in_organisation(conn, org.id)? > 0
        || User::find_by_email(conn, &settings.admin_email)?.is_some()
    {
        return Ok(None);
    }
    let (password, generated) = match &settings.admin_password {
        Some(p) => (p.clone(), false),
        None => (generate_password(), true),
    };
    if let Some(problem) = password_problem(&password) {
        anyhow::bail!("CMAS_ADMIN_PASSWORD is too weak: {problem}");
    }
    User::create(
        conn,
        NewUser {
            organisation_id: org.id,
            email: &settings.admin_email,
            name: "Administrator",
            role: Role::Admin,
            password_hash: &hash_password(&password)?,
        },
    )?;
    Ok(generated.then_some(password))
}

/// Imports questionnaires into an organisation; a changed file under an
/// already imported version stops the start with a clear message.
pub fn import_all(
    conn: &mut AnyConnection,
    organisation_id: i32,
    questionnaires: &[Questionnaire],
) -> anyhow::Result<()> {
    for q in questionnaires {
        if let Import::Conflict(stored) = StoredQuestionnaire::import(conn, organisation_id, q)
            .with_context(|| format!("importing {} {}", q.id, q.version))?
        {
            anyhow::bail!(
                "questionnaire {} version {} changed since it was imported (content hash {} → {}); bump its version",
                q.id,
                q.version,
                short(&stored.content_hash),
                short(&q.content_hash())
            );
        }
    }
    Ok(())
}

/// The first characters of a hash, enough to tell two apart in a message.
pub fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// A URL-friendly form of a name.
pub fn slug(name: &str) -> String {
    let slug: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    slug.split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_questionnaire_covers_the_whole_model() {
        let q = bundled().expect("bundled questionnaires load").remove(0);
        let areas: Vec<&str> = q.areas.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(areas, ["AP", "PR", "PO", "IT", "PM", "CMA", "CX", "ME"]);
        let cma = &q.areas[5];
        assert_eq!(cma.sub_areas.len(), 7, "the seven lifecycle stages");
        assert!(
            q.question_count() >= 100,
            "{} questions",
            q.question_count()
        );
    }

    #[test]
    fn slugs_are_url_friendly() {
        assert_eq!(
            slug("Northbridge & Partners, Ltd."),
            "northbridge-partners-ltd"
        );
    }
}
