//! Clients: the companies assessed. Staff see every client of their
//! organisation; executives and programme managers only the clients they
//! are attached to (see `access`).

use super::client_evidence;
use super::client_records::{self, Erased};
use super::documents::{Document, JSON, XLSX};
use super::error::{AppError, AppResult};
use super::input::{required, SHORT_TEXT};
use super::permissions::{require, ADMINS, STAFF};
use super::App;
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::{Client, NewClient};
use crate::db::AnyConnection;
use crate::domain::ids::ClientId;
use crate::domain::role::Caller;
use crate::render::table::{self, Table};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct NewClientRequest {
    // Patterns are named; web::openapi::patterns says what each one takes.
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub name: String,
    /// E.g. "Retail banking", "Telecoms".
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub sector: String,
    /// E.g. "1,000–5,000 employees".
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub size_band: String,
    #[schema(min_length = 1, max_length = 200, pattern = "one-line")]
    pub region: String,
}

#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct ClientView {
    pub id: i32,
    pub name: String,
    pub sector: String,
    pub size_band: String,
    pub region: String,
    pub created_at: chrono::NaiveDateTime,
}

impl From<Client> for ClientView {
    fn from(c: Client) -> ClientView {
        ClientView {
            id: c.id,
            name: c.name,
            sector: c.sector,
            size_band: c.size_band,
            region: c.region,
            created_at: c.created_at,
        }
    }
}

/// What an export is written as.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// One JSON document with a list of records per section.
    Json,
    /// A workbook with one sheet per section.
    Xlsx,
    /// The JSON document and the evidence files themselves, in one ZIP.
    Zip,
}

/// Confirms an erasure: the client's name, exactly as stored.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct EraseRequest {
    #[schema(min_length = 1, max_length = 200, pattern = "stored-name")]
    pub confirm: String,
}

/// The client if the caller may see it.
pub(super) fn visible(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: ClientId,
) -> AppResult<Client> {
    Client::find_visible(conn, caller, id.get())?.ok_or_else(|| AppError::not_found("client"))
}

/// The clients the caller may see.
pub fn list(app: &App, caller: &Caller) -> AppResult<Vec<ClientView>> {
    let clients = app.read(|conn| Ok(Client::list_visible(conn, caller)?))?;
    Ok(clients.into_iter().map(ClientView::from).collect())
}

/// One client the caller may see.
pub fn get(app: &App, caller: &Caller, id: ClientId) -> AppResult<ClientView> {
    Ok(app.read(|conn| visible(conn, caller, id))?.into())
}

/// Creates a client (staff).
pub fn create(app: &App, caller: &Caller, body: NewClientRequest) -> AppResult<ClientView> {
    require(caller, STAFF, "create clients")?;
    let name = required("name", &body.name, SHORT_TEXT)?;
    let sector = required("sector", &body.sector, SHORT_TEXT)?;
    let size_band = required("size_band", &body.size_band, SHORT_TEXT)?;
    let region = required("region", &body.region, SHORT_TEXT)?;
    let client = app.write(|conn| {
        let new = NewClient {
            name: &name,
            sector: &sector,
            size_band: &size_band,
            region: &region,
        };
        let client = Client::create(conn, caller, new)?;
        AuditEvent::record(
            conn,
            Change::by(caller, "client", client.id, "client.create")
                .after(json!({ "name": client.name, "sector": client.sector })),
        )?;
        Ok(client)
    })?;
    Ok(client.into())
}

/// Everything cmas holds about a client (admins): its record, members,
/// assessments with every answer, performance data, programme and the
/// audit events about them, as JSON or as XLSX with a sheet per section.
/// The export itself is audited.
pub fn export(
    app: &App,
    caller: &Caller,
    id: ClientId,
    format: ExportFormat,
) -> AppResult<Document> {
    require(caller, ADMINS, "export a client's data")?;
    let (sections, files) = app.write(|conn| {
        let sections = client_records::export(conn, caller, id.get())?
            .ok_or_else(|| AppError::not_found("client"))?;
        let files = match format {
            ExportFormat::Zip => {
                let ids = client_records::assessment_ids(conn, caller, id.get())?;
                client_evidence::files(conn, &ids)?
            }
            ExportFormat::Json | ExportFormat::Xlsx => Vec::new(),
        };
        AuditEvent::record(
            conn,
            Change::by(caller, "client", id.get(), "client.export"),
        )?;
        Ok((sections, files))
    })?;
    let stem = format!("client-{id}");
    let fault = |what: &str, e: anyhow::Error| {
        AppError::internal(e.context(format!("cannot write {what}")))
    };
    let json = |sections: client_records::Sections| {
        let document: serde_json::Map<String, serde_json::Value> = sections
            .into_iter()
            .map(|(name, records)| (name.to_owned(), serde_json::Value::Array(records)))
            .collect();
        serde_json::to_vec_pretty(&document).map_err(|e| fault("JSON", e.into()))
    };
    Ok(match format {
        ExportFormat::Json => Document {
            bytes: json(sections)?,
            content_type: JSON,
            filename: format!("{stem}.json"),
        },
        ExportFormat::Zip => Document {
            bytes: client_evidence::zip(&format!("{stem}.json"), &json(sections)?, &files)
                .map_err(|e| fault("ZIP", e))?,
            content_type: "application/zip",
            filename: format!("{stem}.zip"),
        },
        ExportFormat::Xlsx => {
            let tables: Vec<(&str, Table)> = sections
                .iter()
                .map(|(name, records)| (*name, Table::from_records(records)))
                .collect();
            let sheets: Vec<(&str, &Table)> = tables.iter().map(|(n, t)| (*n, t)).collect();
            Document {
                bytes: table::workbook(&sheets).map_err(|e| fault("XLSX", e.into()))?,
                content_type: XLSX,
                filename: format!("{stem}.xlsx"),
            }
        }
    })
}

/// Erases a client with all its data (admins), once `confirm` repeats its
/// name: assessments and answers, KPI values and panel ranks, programme,
/// memberships. Its audit events stay, with their values blanked; the
/// erasure itself is audited.
pub fn erase(app: &App, caller: &Caller, id: ClientId, body: EraseRequest) -> AppResult<Erased> {
    require(caller, ADMINS, "erase a client")?;
    app.write(|conn| {
        let client = visible(conn, caller, id)?;
        if client.name != body.confirm {
            return Err(AppError::invalid_field(
                "confirmation_mismatch",
                "confirm",
                "send the client's name, exactly as stored, in `confirm` to erase it",
            ));
        }
        let erased = client_records::erase(conn, caller, id.get())?
            .ok_or_else(|| AppError::not_found("client"))?;
        AuditEvent::record(
            conn,
            Change::by(caller, "client", id.get(), "client.erase").after(json!({
                "assessments": erased.assessments,
                "projects": erased.projects,
                "audit_events_blanked": erased.audit_events_blanked,
            })),
        )?;
        Ok(erased)
    })
}
