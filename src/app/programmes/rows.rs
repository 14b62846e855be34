//! The programme's table of projects, saved at once: each row's owner,
//! dates, status and money so far, as typed. Numbers are read the
//! organisation's way ("251,000"); every problem is named by its row and
//! field, in words, and nothing is stored unless every row is right.

use super::projects::{save, SavedProject};
use super::{visible, CHANGERS};
use crate::app::error::{AppError, AppResult};
use crate::app::file_problems::{Flaw, Rejected};
use crate::app::permissions::require;
use crate::app::settings::{self, read_amount};
use crate::app::App;
use crate::db::programmes::StoredProject;
use crate::domain::programme::{ProjectInput, ProjectStatus};
use crate::domain::role::Caller;

/// One row of the table as typed.
#[derive(Debug, Clone, Default)]
pub struct RowInput {
    /// The project the row is.
    pub project_id: i32,
    /// Who owns it.
    pub owner: String,
    /// Its start, `YYYY-MM-DD`.
    pub start: String,
    /// Its end, `YYYY-MM-DD`.
    pub end: String,
    /// Its status, as the API spells it.
    pub status: String,
    /// What it has cost so far; blank for not known.
    pub cost_actual: String,
    /// What it has brought so far; blank for not known.
    pub benefit_actual: String,
}

/// A problem of one row's field: `at` is `{project_id}.{field}`.
fn flaw(row: &RowInput, field: &str, message: String) -> Flaw {
    Flaw::new(format!("{}.{field}", row.project_id), message)
}

/// Saves every row at once (changers): all of them, or none, refused with
/// every problem found, each at `{project_id}.{field}`.
pub fn save_rows(
    app: &App,
    caller: &Caller,
    programme_id: i32,
    rows: &[RowInput],
) -> AppResult<Vec<SavedProject>> {
    require(caller, CHANGERS, "plan projects")?;
    app.write(|conn| {
        let programme = visible(conn, caller, programme_id)?;
        let format = settings::load(conn, caller.organisation_id.get())?.number_format;
        let stored = StoredProject::list(conn, programme_id)?;
        let mut flaws = Vec::new();
        let mut changed = Vec::new();
        for row in rows {
            let Some(current) = stored.iter().find(|p| p.project.id == row.project_id) else {
                return Err(AppError::not_found("project"));
            };
            let date = |field: &str, text: &str, flaws: &mut Vec<Flaw>| {
                let parsed = text.trim().parse::<chrono::NaiveDate>().ok();
                if parsed.is_none() {
                    flaws.push(flaw(
                        row,
                        field,
                        format!("give the `{field}` date, e.g. 2027-03-31"),
                    ));
                }
                parsed
            };
            let amount = |field: &str, text: &str, flaws: &mut Vec<Flaw>| match read_amount(
                format, field, text,
            ) {
                Ok(value) => Some(value),
                Err(refused) => {
                    flaws.push(flaw(row, field, refused.to_string()));
                    None
                }
            };
            let start = date("start", &row.start, &mut flaws);
            let end = date("end", &row.end, &mut flaws);
            let cost = amount("cost_actual", &row.cost_actual, &mut flaws);
            let benefit = amount("benefit_actual", &row.benefit_actual, &mut flaws);
            let status = row.status.parse::<ProjectStatus>();
            if let Err(e) = &status {
                flaws.push(flaw(row, "status", e.clone()));
            }
            if let (Some(start), Some(end), Some(cost), Some(benefit), Ok(status)) =
                (start, end, cost, benefit, status)
            {
                let project = ProjectInput {
                    owner: row.owner.clone(),
                    start,
                    end,
                    status,
                    cost_actual: cost,
                    benefit_actual: benefit,
                    ..current.project.clone()
                };
                if project != current.project {
                    changed.push((row, project, current.version));
                }
            }
        }
        if !flaws.is_empty() {
            return Err(Rejected(flaws).into());
        }
        let mut saved = Vec::new();
        for (row, project, version) in changed {
            let id = row.project_id;
            match save(
                app,
                conn,
                caller,
                &programme,
                Some(id),
                (project, Some(version)),
            ) {
                Ok(done) => saved.push(done),
                Err(AppError::Invalid { detail, field, .. }) => {
                    let field = field.unwrap_or_else(|| "form".to_owned());
                    flaws.push(flaw(row, &field, detail));
                }
                Err(other) => return Err(other),
            }
        }
        if flaws.is_empty() {
            Ok(saved)
        } else {
            Err(Rejected(flaws).into())
        }
    })
}
