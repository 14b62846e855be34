//! Loading a programme's report: its grid and projects, and the client's
//! final assessments with their stored summaries. Shared by the API, the
//! pages and the command line.

use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::programmes::{Programme, StoredProject};
use crate::db::questionnaires::{QuestionnaireCache, StoredQuestionnaire};
use crate::db::summaries;
use crate::db::AnyConnection;
use crate::domain::assessment::AssessmentFilter;
use crate::domain::assessment::Status;
use crate::domain::role::Caller;
use crate::domain::scoring::OVERALL;
use crate::report::programme::{build, ProgrammeInput, ProgrammeReport, ScoredAssessment};
use diesel::QueryResult;

/// The areas of the model (id and name) the programme is measured on: those
/// of the questionnaire of the client's latest final assessment, else of the
/// organisation's newest questionnaire.
pub fn area_names(
    conn: &mut AnyConnection,
    cache: &QuestionnaireCache,
    organisation_id: i32,
    latest: Option<&Assessment>,
) -> QueryResult<Vec<(String, String)>> {
    let questionnaire_id = match latest {
        Some(a) => Some(a.questionnaire_id),
        None => StoredQuestionnaire::list_in(conn, organisation_id)?
            .last()
            .map(|q| q.id),
    };
    let Some(id) = questionnaire_id else {
        return Ok(Vec::new());
    };
    Ok(cache
        .get(conn, organisation_id, id)?
        .map(|q| {
            q.areas
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect()
        })
        .unwrap_or_default())
}

/// The areas of the model (id and name) a client's projects can target: see [`area_names`].
pub fn client_areas(
    conn: &mut AnyConnection,
    cache: &QuestionnaireCache,
    caller: &Caller,
    client_id: i32,
) -> QueryResult<Vec<(String, String)>> {
    let filter = AssessmentFilter {
        client_id: Some(client_id),
        status: Some(Status::Final),
    };
    let latest = Assessment::list_visible(conn, caller, &filter)?
        .into_iter()
        .max_by_key(|a| (a.assessment_date, a.id));
    area_names(conn, cache, caller.organisation_id, latest.as_ref())
}

/// The programme's report as of `today`, as the caller may see it.
pub fn report(
    conn: &mut AnyConnection,
    cache: &QuestionnaireCache,
    caller: &Caller,
    programme: &Programme,
    today: chrono::NaiveDate,
) -> QueryResult<ProgrammeReport> {
    let client = Client::find_visible(conn, caller, programme.client_id)?
        .map_or_else(String::new, |c| c.name);
    let filter = AssessmentFilter {
        client_id: Some(programme.client_id),
        status: Some(Status::Final),
    };
    let finals = Assessment::list_visible(conn, caller, &filter)?;
    let ids: Vec<i32> = finals.iter().map(|a| a.id).collect();
    let stored = summaries::load(conn, &ids)?;
    let latest = finals.iter().max_by_key(|a| (a.assessment_date, a.id));
    let area_names = area_names(conn, cache, caller.organisation_id, latest)?;
    let assessments = finals
        .iter()
        .filter_map(|a| {
            let summary = stored.get(&a.id)?;
            Some(ScoredAssessment {
                id: a.id,
                date: a.assessment_date,
                unit: a.business_unit.clone().or_else(|| a.product.clone()),
                group: a.customer_group.clone(),
                overall: summary.get(OVERALL)?.combined,
                areas: summary
                    .iter()
                    .filter(|(node, _)| node.as_str() != OVERALL)
                    .map(|(node, d)| (node.clone(), d.combined))
                    .collect(),
            })
        })
        .collect();
    let projects = StoredProject::list(conn, programme.id)?
        .into_iter()
        .map(|p| p.project)
        .collect();
    Ok(build(ProgrammeInput {
        client,
        name: programme.name.clone(),
        grid: programme.grid(),
        dimensions: programme.dimensions(),
        area_names,
        assessments,
        projects,
        today,
    }))
}
