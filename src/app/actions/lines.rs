//! A client's actions as a table (CSV, XLSX) and as the reports list them.

use super::{node_names, questionnaire_for, visible_client, ActionView, Lookup};
use crate::app::documents::{self, Document, Format};
use crate::app::error::AppResult;
use crate::app::questionnaire_language::in_language;
use crate::app::App;
use crate::db::actions::ActionRow;
use crate::db::clients::Client;
use crate::db::AnyConnection;
use crate::domain::i18n::Language;
use crate::domain::ids::ClientId;
use crate::domain::plans::{overdue, ActionStatus};
use crate::domain::role::Caller;
use crate::render::table::{Cell, Table};
use crate::report::ActionLine;

/// A client's actions as CSV or a spreadsheet.
pub fn export(
    app: &App,
    caller: &Caller,
    client_id: ClientId,
    format: Format,
) -> AppResult<Document> {
    let (client, views) = app.read(|conn| {
        let client = visible_client(conn, caller, client_id)?;
        let lookup = Lookup::of(app, conn, caller, client.id)?;
        let views: Vec<ActionView> =
            ActionRow::for_client(conn, client.organisation_id, client.id)?
                .into_iter()
                .map(|r| lookup.view(r))
                .collect();
        Ok((client, views))
    })?;
    let mut table = Table::new(&[
        "id",
        "title",
        "addresses",
        "owner",
        "due",
        "status",
        "overdue",
        "project",
        "assessment_id",
    ]);
    for a in &views {
        let ids: Vec<&str> = a.addresses.iter().map(|x| x.id.as_str()).collect();
        table.push(vec![
            Cell::Number(f64::from(a.id)),
            a.title.as_str().into(),
            ids.join(" ").into(),
            a.owner.as_str().into(),
            a.due_date.map_or(Cell::Empty, |d| d.to_string().into()),
            a.status.as_str().into(),
            if a.overdue { "yes" } else { "no" }.into(),
            a.project.as_deref().map_or(Cell::Empty, Cell::from),
            a.assessment_id
                .map_or(Cell::Empty, |id| Cell::Number(f64::from(id))),
        ]);
    }
    let stem = documents::file_stem(&[&client.name, "actions"]);
    documents::table(&table, format, "actions", &stem)
}

/// A client's actions as the reports list them: those on `assessment_id`
/// when given (else all), dropped ones left out, names in `names`.
pub(crate) fn lines(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    (client_id, assessment_id): (i32, Option<i32>),
    (today, language): (chrono::NaiveDate, Language),
) -> AppResult<Vec<ActionLine>> {
    let Some(client) = Client::find_visible(conn, caller, client_id)? else {
        return Ok(Vec::new());
    };
    let mut lookup = Lookup::of(app, conn, caller, client.id)?;
    // The areas and practices by name in the report's language.
    if let Some(q) = questionnaire_for(app, conn, caller, client.id, None)? {
        lookup.names = node_names(&in_language(q, language));
    }
    Ok(
        ActionRow::for_client(conn, client.organisation_id, client.id)?
            .into_iter()
            .filter(|r| r.status != ActionStatus::Dropped)
            .filter(|r| assessment_id.is_none() || r.assessment_id == assessment_id)
            .map(|r| {
                let v = lookup.view(r);
                ActionLine {
                    title: v.title,
                    addresses: v
                        .addresses
                        .iter()
                        .map(|a| a.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                    owner: v.owner,
                    due: v.due_date,
                    status: v.status,
                    overdue: overdue(v.status, v.due_date, today),
                    project: v.project,
                }
            })
            .collect(),
    )
}
