//! Documents and files as the document describes them: a PDF answer is a
//! binary string (not an array of numbers), and a CSV upload states the
//! header line it must start with, so a client (or a schema-driven test)
//! knows what a valid file looks like.

use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::Modify;

/// The uploads that take CSV, and the header each must start with.
const CSV_HEADERS: [(&str, &str); 3] = [
    ("/api/v1/clients.csv", "name,sector,size_band,region"),
    ("/api/v1/kpis/values.csv", "client,kpi,period,value"),
    (
        "/api/v1/panels/ranks.csv",
        "panel,period,client,(rank|rating)",
    ),
];

pub struct Documents;

impl Modify for Documents {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let binary = || -> RefOr<Schema> {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
                .into()
        };
        for operation in super::operations(openapi) {
            for response in operation.responses.responses.values_mut() {
                if let RefOr::T(response) = response {
                    if let Some(pdf) = response.content.get_mut("application/pdf") {
                        pdf.schema = Some(binary());
                    }
                }
            }
        }
        // An evidence file is downloaded as the type its bytes showed.
        let download = openapi
            .paths
            .paths
            .get_mut("/api/v1/assessments/{id}/evidence/{evidence_id}/file")
            .and_then(|item| item.get.as_mut())
            .and_then(|get| get.responses.responses.get_mut("200"));
        if let Some(RefOr::T(ok)) = download {
            ok.content.clear();
            for media_type in crate::app::evidence::file_type::MEDIA_TYPES {
                ok.content.insert(
                    (*media_type).to_owned(),
                    utoipa::openapi::content::ContentBuilder::new()
                        .schema(Some(binary()))
                        .build(),
                );
            }
        }
        for (path, header) in CSV_HEADERS {
            let upload = openapi
                .paths
                .paths
                .get_mut(path)
                .and_then(|item| item.post.as_mut())
                .and_then(|post| post.request_body.as_mut())
                .and_then(|body| body.content.get_mut("text/csv"));
            if let Some(upload) = upload {
                let file = ObjectBuilder::new()
                    .schema_type(Type::String)
                    .description(Some(format!(
                        "CSV with the header `{header}`, a row per line"
                    )))
                    .pattern(Some(format!(r"^{header}(\r?\n[^\r\n]*)*$")));
                upload.schema = Some(file.into());
            }
        }
    }
}
