//! Documents the use cases hand out: reports rendered as PDF or HTML, and
//! tables as CSV or XLSX. Rendering is CPU work: it runs in a render slot
//! (one per core, see `render_slots`), after the data was read and the
//! connection given back. The API, the pages and the command line all get
//! their documents here.

use super::error::{AppError, AppResult};
use super::App;
use crate::render::table::Table;
use crate::report::branding::Branding;
use crate::report::Paper;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use utoipa::ToSchema;

/// A file as handed out: its bytes, its media type and a name to save it as.
#[derive(Debug)]
pub struct Document {
    /// The file's content.
    pub bytes: Vec<u8>,
    /// Its media type, e.g. `application/pdf`.
    pub content_type: &'static str,
    /// The name a browser saves it under, after what it holds, e.g.
    /// `Harbour Bank – scorecard – 2026-10-23.pdf` (see [`file_stem`]).
    pub filename: String,
}

/// How a report is laid out.
#[derive(Debug, Clone, Copy)]
pub enum Layout {
    /// A PDF on A4 or Letter paper.
    Pdf(Paper),
    /// A standalone page with its charts inline.
    Html,
    /// A Word document to edit before handing it over.
    Docx,
}

impl Layout {
    /// By the file's extension, `.html` and `.docx`, else a PDF (the
    /// command line's rule).
    pub fn for_path(path: &std::path::Path, paper: Paper) -> Layout {
        match path.extension().and_then(|e| e.to_str()) {
            Some("html") => Layout::Html,
            Some("docx") => Layout::Docx,
            _ => Layout::Pdf(paper),
        }
    }

    /// `bytes` in this layout as the file `{stem}.pdf`, `.html` or `.docx`.
    fn document(self, stem: &str, bytes: Vec<u8>) -> Document {
        Document {
            bytes,
            content_type: self.content_type(),
            filename: format!("{stem}.{}", self.extension()),
        }
    }

    /// The media type of a file in this layout.
    pub fn content_type(self) -> &'static str {
        match self {
            Layout::Pdf(_) => PDF,
            Layout::Html => HTML,
            Layout::Docx => DOCX,
        }
    }

    /// The extension of a file in this layout.
    pub fn extension(self) -> &'static str {
        match self {
            Layout::Pdf(_) => "pdf",
            Layout::Html => "html",
            Layout::Docx => "docx",
        }
    }
}

/// The file formats of an export.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Comma-separated text with a header row.
    Csv,
    /// A spreadsheet workbook with one sheet.
    Xlsx,
}

/// The media type of a PDF report.
pub const PDF: &str = "application/pdf";
/// The media type of a standalone HTML report.
pub const HTML: &str = "text/html; charset=utf-8";
/// The media type of a Word document.
pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/// The media type of a table as CSV.
pub const CSV: &str = "text/csv; charset=utf-8";
/// The media type of a spreadsheet workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/// The media type of a JSON export, such as a client's records.
pub const JSON: &str = "application/json";

/// The reports cmas renders, each timed under its own name.
#[derive(Debug, Clone, Copy)]
pub enum Report {
    /// An assessment's scorecard, benchmarked against the portfolio.
    Scorecard,
    /// A steady-progress programme's report.
    Programme,
    /// The portfolio study of scores against business performance.
    Study,
    /// Two waves of one client and scope side by side.
    Comparison,
}

impl Report {
    /// The name its render times are kept under: `scorecard_pdf`, ….
    fn timed_as(self, layout: Layout) -> &'static str {
        match (self, layout) {
            (Report::Scorecard, Layout::Pdf(_)) => "scorecard_pdf",
            (Report::Scorecard, Layout::Html) => "scorecard_html",
            (Report::Scorecard, Layout::Docx) => "scorecard_docx",
            (Report::Programme, Layout::Pdf(_)) => "programme_pdf",
            (Report::Programme, Layout::Html) => "programme_html",
            (Report::Programme, Layout::Docx) => "programme_docx",
            (Report::Study, Layout::Pdf(_)) => "study_pdf",
            (Report::Study, Layout::Html) => "study_html",
            (Report::Study, Layout::Docx) => "study_docx",
            (Report::Comparison, Layout::Pdf(_)) => "comparison_pdf",
            (Report::Comparison, Layout::Html) => "comparison_html",
            (Report::Comparison, Layout::Docx) => "comparison_docx",
        }
    }
}

/// What the reader asked of a report: its edition and its language, each
/// the default when not given (the client edition; the client's language).
#[derive(Debug, Clone, Copy, Default)]
pub struct Asked {
    /// The edition asked for; checked against the caller's role.
    pub edition: Option<crate::report::Edition>,
    /// The language asked for, e.g. by `?lang=de`.
    pub language: Option<crate::domain::i18n::Language>,
}

/// How one report is drawn in each layout.
pub struct Renderers<P, H, D> {
    /// A PDF on the paper given.
    pub pdf: P,
    /// A standalone page.
    pub html: H,
    /// A Word document.
    pub docx: D,
}

/// Renders a report in a render slot as `{stem}.pdf`, `.html` or `.docx`.
pub fn render_report<P, H, D>(
    app: &App,
    report: Report,
    layout: Layout,
    stem: &str,
    renderers: Renderers<P, H, D>,
) -> AppResult<Document>
where
    P: FnOnce(Paper) -> anyhow::Result<Vec<u8>>,
    H: FnOnce() -> anyhow::Result<String>,
    D: FnOnce() -> anyhow::Result<Vec<u8>>,
{
    let kind = report.timed_as(layout);
    let Renderers { pdf, html, docx } = renderers;
    let bytes = match layout {
        Layout::Pdf(paper) => app.renders.run(kind, || pdf(paper)),
        Layout::Html => app.renders.run(kind, html).map(String::into_bytes),
        Layout::Docx => app.renders.run(kind, docx),
    };
    let bytes =
        bytes.map_err(|e| AppError::internal(e.context(format!("cannot render {stem}"))))?;
    Ok(layout.document(stem, bytes))
}

/// Renders a report as [`render_report`] does, unless the same report was
/// rendered before with the same content (`shows`: the report's model) in
/// the same look: then the kept bytes are answered and nothing is rendered.
/// The key is a digest of all of it, so a change anywhere is a new key.
pub fn render_kept<P, H, D>(
    app: &App,
    (shows, branding): (&impl Serialize, &Branding),
    report: Report,
    layout: Layout,
    stem: &str,
    renderers: Renderers<P, H, D>,
) -> AppResult<Document>
where
    P: FnOnce(Paper) -> anyhow::Result<Vec<u8>>,
    H: FnOnce() -> anyhow::Result<String>,
    D: FnOnce() -> anyhow::Result<Vec<u8>>,
{
    let mut digest = Sha256::new();
    digest.update(format!(
        "{:?}\n{layout:?}\n{stem}\n",
        report.timed_as(layout)
    ));
    serde_json::to_writer(&mut digest, shows).map_err(AppError::internal)?;
    look_into(&mut digest, branding);
    let bytes = app.documents.get_or_make(digest.finalize().into(), || {
        Ok(render_report(app, report, layout, stem, renderers)?.bytes)
    })?;
    Ok(layout.document(stem, bytes.to_vec()))
}

/// Adds every part of a look to a digest (each field named, so a new one
/// cannot be forgotten).
fn look_into(digest: &mut Sha256, branding: &Branding) {
    let Branding {
        primary,
        accent,
        family,
        cover,
        footer,
        confidentiality,
        logo,
    } = branding;
    for part in [
        &primary.to_string(),
        &accent.to_string(),
        family.key(),
        &cover.to_string(),
        footer,
        confidentiality,
    ] {
        digest.update(part.len().to_le_bytes());
        digest.update(part);
    }
    if let Some(logo) = logo {
        digest.update(format!("{:?}", logo.shape));
        digest.update(&*logo.bytes);
    }
}

/// A file's name from what it holds, without its extension: the parts
/// that are not blank, joined by en dashes ("Harbour Bank – scorecard –
/// 2026-10-23"); characters that file systems refuse become "-".
pub fn file_stem(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" – ")
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '-'
            } else {
                c
            }
        })
        .collect()
}

/// A table as `{stem}.csv` or `{stem}.xlsx` (one sheet named `sheet`).
pub fn table(table: &Table, format: Format, sheet: &str, stem: &str) -> AppResult<Document> {
    let (bytes, content_type, extension) = match format {
        Format::Csv => (
            table.to_csv().map_err(|e| {
                AppError::internal(anyhow::Error::new(e).context("cannot write CSV"))
            })?,
            CSV,
            "csv",
        ),
        Format::Xlsx => (
            table.to_xlsx(sheet).map_err(|e| {
                AppError::internal(anyhow::Error::new(e).context("cannot write XLSX"))
            })?,
            XLSX,
            "xlsx",
        ),
    };
    Ok(Document {
        bytes,
        content_type,
        filename: format!("{stem}.{extension}"),
    })
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn file_names_say_what_they_hold_and_hold_no_path() {
        assert_eq!(
            file_stem(&["Harbour Bank", "scorecard", "2026-10-23"]),
            "Harbour Bank – scorecard – 2026-10-23"
        );
        assert_eq!(file_stem(&["A/B: \"C\"", " ", "x"]), "A-B- -C- – x");
    }
}
