//! Data protection: everything cmas holds about one client, as named
//! sections of flat records (the JSON export, and one XLSX sheet each), and
//! the erasure of all of it (`clients::export` and `clients::erase` record
//! both in the audit trail).

use crate::db::agreed::AgreedRow;
use crate::db::assessments::Assessment;
use crate::db::audit::AuditEvent;
use crate::db::clients::Client;
use crate::db::organisations::Organisation;
use crate::db::performance::{KpiValue, Panel};
use crate::db::programmes::{Programme, StoredProject};
use crate::db::scores::ScoreRow;
use crate::db::AnyConnection;
use crate::domain::assessment::AssessmentFilter;
use crate::domain::role::Caller;
use diesel::QueryResult;
use serde_json::{json, Value};

/// Named sections of records, in a fixed order.
pub type Sections = Vec<(&'static str, Vec<Value>)>;

/// The audit trail's names of what belongs to the client.
struct Owned {
    assessments: Vec<Assessment>,
    programme: Option<Programme>,
    projects: Vec<StoredProject>,
}

impl Owned {
    fn read(conn: &mut AnyConnection, caller: &Caller, client_id: i32) -> QueryResult<Owned> {
        let filter = AssessmentFilter {
            client_id: Some(client_id),
            status: None,
        };
        let assessments = Assessment::list_visible(conn, caller, &filter)?;
        let programme = Programme::find_for_client(conn, client_id)?;
        let projects = match &programme {
            Some(p) => StoredProject::list(conn, p.id)?,
            None => Vec::new(),
        };
        Ok(Owned {
            assessments,
            programme,
            projects,
        })
    }

    /// (entity, ids) of every audit subject that is the client's.
    fn subjects(&self, client_id: i32) -> Vec<(&'static str, Vec<i32>)> {
        vec![
            ("client", vec![client_id]),
            (
                "assessment",
                self.assessments.iter().map(|a| a.id).collect(),
            ),
            ("programme", self.programme.iter().map(|p| p.id).collect()),
            (
                "project",
                self.projects.iter().map(|p| p.project.id).collect(),
            ),
        ]
    }
}

/// The ids of the client's assessments.
pub fn assessment_ids(
    conn: &mut AnyConnection,
    caller: &Caller,
    client_id: i32,
) -> QueryResult<Vec<i32>> {
    Ok(Owned::read(conn, caller, client_id)?
        .assessments
        .iter()
        .map(|a| a.id)
        .collect())
}

/// Everything held about a client the caller may see; `None` when they may not.
pub fn export(
    conn: &mut AnyConnection,
    caller: &Caller,
    client_id: i32,
) -> QueryResult<Option<Sections>> {
    let Some(client) = Client::find_visible(conn, caller, client_id)? else {
        return Ok(None);
    };
    let owned = Owned::read(conn, caller, client_id)?;
    let members = Client::members(conn, caller.organisation_id.get(), client_id)?
        .into_iter()
        .map(|u| json!({ "user_id": u.id, "email": u.email, "name": u.name, "role": u.role }))
        .collect();
    let ids: Vec<i32> = owned.assessments.iter().map(|a| a.id).collect();
    let mut assessors = Vec::new();
    for (assessment_id, users) in Assessment::assessors_of(conn, &ids)? {
        assessors.extend(
            users
                .into_iter()
                .map(|user_id| json!({ "assessment_id": assessment_id, "user_id": user_id })),
        );
    }
    let (mut scores, mut agreed) = (Vec::new(), Vec::new());
    for id in &ids {
        scores.extend(ScoreRow::list_for_assessment(conn, *id)?.iter().map(record));
        agreed.extend(
            AgreedRow::list_for_assessment(conn, *id)?
                .iter()
                .map(record),
        );
    }
    let kpi_values = KpiValue::of_client(conn, client_id)?
        .into_iter()
        .map(|(kpi, period, value)| json!({ "kpi": kpi, "period": period, "value": value }))
        .collect();
    let panel_ranks = Panel::ranks_of_client(conn, client_id)?
        .into_iter()
        .map(|(panel, period, rank)| json!({ "panel": panel, "period": period, "rank": rank }))
        .collect();
    let programme = owned
        .programme
        .iter()
        .map(|p| {
            json!({
                "id": p.id, "name": p.name, "business_units": p.business_units,
                "customer_groups": p.customer_groups, "dimensions": p.dimensions,
                "created_at": p.created_at, "updated_at": p.updated_at,
            })
        })
        .collect();
    let (mut projects, mut milestones) = (Vec::new(), Vec::new());
    for stored in &owned.projects {
        let p = &stored.project;
        projects.push(json!({
            "id": p.id, "name": p.name, "objective": p.objective, "owner": p.owner,
            "placement": format!("{:?}", p.placement), "areas": p.areas.join(" "),
            "inputs": p.inputs, "outputs": p.outputs, "start": p.start, "end": p.end,
            "status": p.status.as_str(), "cost_planned": p.cost_planned,
            "cost_actual": p.cost_actual, "benefit_planned": p.benefit_planned,
            "benefit_actual": p.benefit_actual, "depends_on": p.depends_on,
        }));
        milestones.extend(
            p.milestones.iter().map(
                |m| json!({ "project_id": p.id, "name": m.name, "due": m.due, "done": m.done }),
            ),
        );
    }
    let mut audit = Vec::new();
    for (entity, ids) in owned.subjects(client_id) {
        for id in ids {
            audit.extend(
                AuditEvent::list_for(conn, caller.organisation_id.get(), entity, id)?
                    .iter()
                    .map(record),
            );
        }
    }
    let evidence = super::client_evidence::sections(conn, &ids)?;
    let client = json!({
        "id": client.id, "name": client.name, "sector": client.sector,
        "size_band": client.size_band, "region": client.region, "created_at": client.created_at,
    });
    let mut sections = vec![
        ("client", vec![client]),
        ("members", members),
        (
            "assessments",
            owned.assessments.iter().map(record).collect(),
        ),
        ("assessors", assessors),
        ("scores", scores),
        ("agreed_scores", agreed),
        ("kpi_values", kpi_values),
        ("panel_ranks", panel_ranks),
        ("programme", programme),
        ("projects", projects),
        ("milestones", milestones),
    ];
    sections.extend(evidence);
    sections.push(("audit_events", audit));
    Ok(Some(sections))
}

fn record<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// What an erasure removed.
#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Erased {
    pub client_id: i32,
    pub assessments: usize,
    pub projects: usize,
    /// Audit events whose before and after values were blanked (the events stay).
    pub audit_events_blanked: usize,
}

/// Erases a client the caller may see with all its data: assessments and
/// their answers, performance data, programme and memberships. Its audit
/// events keep who did what and when, with their values blanked.
pub fn erase(
    conn: &mut AnyConnection,
    caller: &Caller,
    client_id: i32,
) -> QueryResult<Option<Erased>> {
    if Client::find_visible(conn, caller, client_id)?.is_none() {
        return Ok(None);
    }
    let owned = Owned::read(conn, caller, client_id)?;
    let mut blanked = 0;
    for (entity, ids) in owned.subjects(client_id) {
        blanked += AuditEvent::blank(conn, caller.organisation_id.get(), entity, &ids)?;
    }
    Client::erase(conn, client_id)?;
    // The portfolio and the performance data both lost this client.
    Organisation::portfolio_changed(conn, caller.organisation_id.get())?;
    Organisation::performance_changed(conn, caller.organisation_id.get())?;
    Ok(Some(Erased {
        client_id,
        assessments: owned.assessments.len(),
        projects: owned.projects.len(),
        audit_events_blanked: blanked,
    }))
}
