//! Clients: the companies assessed. Staff see every client of their
//! organisation; executives and programme managers only the clients they
//! are attached to (see `access`).

use super::client_evidence;
use super::client_records::{self, Erased};
use super::documents::{self, Document, JSON, XLSX};
use super::error::{AppError, AppResult};
use super::input::{required, SHORT_TEXT};
use super::listing::{search_key, Cut, ListQuery, Paged};
use super::permissions::{require, ADMINS, STAFF};
use super::App;
use crate::db::audit::{AuditEvent, Change};
use crate::db::clients::{Client, ClientOrder, ClientSearch, NewClient};
use crate::db::organisations::Organisation;
use crate::db::AnyConnection;
use crate::domain::i18n::Language;
use crate::domain::ids::ClientId;
use crate::domain::role::Caller;
use crate::render::table::{self, Table};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::{IntoParams, ToSchema};

/// A client's profile, as created or replaced.
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
    /// The language of the client's reports; when left out, the
    /// organisation's default for a new client, unchanged for one that exists.
    #[serde(default)]
    pub report_language: Option<Language>,
}

#[derive(Debug, Serialize, ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct ClientView {
    pub id: i32,
    pub name: String,
    pub sector: String,
    pub size_band: String,
    pub region: String,
    /// The language of the client's reports.
    pub report_language: Language,
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
            report_language: c.report_language,
            created_at: c.created_at,
        }
    }
}

/// What a list of clients is narrowed to, besides its search text.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ClientFilter {
    /// Only clients of this sector (exactly as stored).
    #[param(max_length = 200)]
    pub sector: Option<String>,
    /// Only clients of this region (exactly as stored).
    #[param(max_length = 200)]
    pub region: Option<String>,
}

/// The keys a list of clients sorts by; the first is the default.
const SORTS: &[(&str, ClientOrder)] = &[
    ("name", ClientOrder::Name),
    ("sector", ClientOrder::Sector),
    ("region", ClientOrder::Region),
    ("created_at", ClientOrder::Created),
];

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

/// One page of the clients the caller may see: searched by name (case
/// and spacing ignored), filtered by sector and region, sorted.
pub fn list(
    app: &App,
    caller: &Caller,
    query: &ListQuery,
    filter: &ClientFilter,
) -> AppResult<Paged<ClientView>> {
    let cut = query.cut(SORTS)?;
    app.read(|conn| found(conn, caller, &cut, filter))
}

/// The page of clients a cut of the list and its filters find.
fn found(
    conn: &mut AnyConnection,
    caller: &Caller,
    cut: &Cut<ClientOrder>,
    filter: &ClientFilter,
) -> AppResult<Paged<ClientView>> {
    let search = ClientSearch {
        text: cut.search.as_deref(),
        sector: given(filter.sector.as_deref()),
        region: given(filter.region.as_deref()),
    };
    let (clients, total) = Client::search(
        conn,
        caller,
        &search,
        (cut.sort, cut.descending),
        cut.window,
    )?;
    Ok(cut.page(clients, total).map(ClientView::from))
}

/// A filter's value, blank read as absent.
fn given(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|v| !v.is_empty())
}

/// A page of clients with the choices of the list's filters.
pub struct Directory {
    /// The clients found.
    pub clients: Paged<ClientView>,
    /// The sectors among the clients the caller sees, each once.
    pub sectors: Vec<String>,
    /// Their regions, each once.
    pub regions: Vec<String>,
}

/// The clients page: a page of the list, and the sectors and regions to
/// filter it by.
pub fn directory(
    app: &App,
    caller: &Caller,
    query: &ListQuery,
    filter: &ClientFilter,
) -> AppResult<Directory> {
    let cut = query.cut(SORTS)?;
    app.read(|conn| {
        let (sectors, regions) = Client::facets(conn, caller)?;
        Ok(Directory {
            clients: found(conn, caller, &cut, filter)?,
            sectors,
            regions,
        })
    })
}

/// One client the caller may see.
pub fn get(app: &App, caller: &Caller, id: ClientId) -> AppResult<ClientView> {
    Ok(app.read(|conn| visible(conn, caller, id))?.into())
}

/// A profile checked field by field, with its name's key.
struct Profile {
    name: String,
    key: String,
    sector: String,
    size_band: String,
    region: String,
    report_language: Option<Language>,
}

impl Profile {
    fn checked(body: &NewClientRequest) -> AppResult<Profile> {
        let name = required("name", &body.name, SHORT_TEXT)?;
        Ok(Profile {
            key: search_key(&name),
            name,
            sector: required("sector", &body.sector, SHORT_TEXT)?,
            size_band: required("size_band", &body.size_band, SHORT_TEXT)?,
            region: required("region", &body.region, SHORT_TEXT)?,
            report_language: body.report_language,
        })
    }

    /// The profile to store, in `otherwise` unless it names a language.
    fn stored(&self, otherwise: Language) -> NewClient<'_> {
        NewClient {
            name: &self.name,
            name_key: &self.key,
            sector: &self.sector,
            size_band: &self.size_band,
            region: &self.region,
            report_language: self.report_language.unwrap_or(otherwise),
        }
    }
}

/// Refuses a name that another client of the organisation has already,
/// compared case- and space-insensitively; `except` is the client renamed.
fn refuse_taken_name(
    conn: &mut AnyConnection,
    organisation_id: i32,
    key: &str,
    except: Option<i32>,
) -> AppResult<()> {
    match Client::find_by_key(conn, organisation_id, key)? {
        Some(existing) if Some(existing.id) != except => Err(AppError::Duplicate {
            detail: format!("a client named “{}” exists already", existing.name),
            existing: existing.id,
        }),
        _ => Ok(()),
    }
}

/// Creates a client (staff). Its name must be new to the organisation.
pub fn create(app: &App, caller: &Caller, body: NewClientRequest) -> AppResult<ClientView> {
    require(caller, STAFF, "create clients")?;
    let profile = Profile::checked(&body)?;
    let client = app.write(|conn| {
        refuse_taken_name(conn, caller.organisation_id.get(), &profile.key, None)?;
        let default = Organisation::find(conn, caller.organisation_id.get())?.report_language;
        let client = Client::create(conn, caller.organisation_id.get(), profile.stored(default))?;
        AuditEvent::record(
            conn,
            Change::by(caller, "client", client.id, "client.create")
                .after(json!({ "name": client.name, "sector": client.sector })),
        )?;
        Ok(client)
    })?;
    Ok(client.into())
}

/// Replaces a client's profile (staff); a new name must be free.
pub fn update(
    app: &App,
    caller: &Caller,
    id: ClientId,
    body: NewClientRequest,
) -> AppResult<ClientView> {
    require(caller, STAFF, "change clients")?;
    let profile = Profile::checked(&body)?;
    let client = app.write(|conn| {
        let before = visible(conn, caller, id)?;
        refuse_taken_name(
            conn,
            caller.organisation_id.get(),
            &profile.key,
            Some(before.id),
        )?;
        let after = Client::update(conn, before.id, profile.stored(before.report_language))?;
        let (old, new) = changed_fields(&before, &after);
        if !new.is_empty() {
            AuditEvent::record(
                conn,
                Change::by(caller, "client", after.id, "client.update")
                    .before(old.into())
                    .after(new.into()),
            )?;
        }
        Ok(after)
    })?;
    Ok(client.into())
}

/// The profile fields that differ, before and after.
fn changed_fields(
    before: &Client,
    after: &Client,
) -> (
    serde_json::Map<String, serde_json::Value>,
    serde_json::Map<String, serde_json::Value>,
) {
    let pairs = [
        ("name", &before.name, &after.name),
        ("sector", &before.sector, &after.sector),
        ("size_band", &before.size_band, &after.size_band),
        ("region", &before.region, &after.region),
    ];
    pairs
        .into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| {
            (
                (field.to_owned(), json!(old)),
                (field.to_owned(), json!(new)),
            )
        })
        .unzip()
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
    let (sections, files, client_name) = app.write(|conn| {
        let client_name = visible(conn, caller, id)?.name;
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
        Ok((sections, files, client_name))
    })?;
    let stem = documents::file_stem(&[
        &client_name,
        "all data",
        &chrono::Utc::now().date_naive().to_string(),
    ]);
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
