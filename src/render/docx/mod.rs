//! The reports as Word documents a consultant edits before handing them
//! over: real Word styles (Title, Heading 1–3, Caption, a table style), so
//! restyling one restyles the document; tables as Word tables, text as
//! text, charts as pictures at print resolution with their data in a table
//! beside them; the branding's footer line and page numbers in the footer,
//! its marking in the header, and the document's properties set.

mod comparison;
mod picture;
mod programme;
mod scorecard;
mod study;

pub use comparison::comparison;
pub use programme::programme;
pub use scorecard::scorecard;
pub use study::study;

use crate::domain::branding::Colour;
use crate::domain::i18n::Words;
use crate::render::cover::Cover;
use crate::render::figures::Figure;
use crate::report::Branding;
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Header, PageMargin, PageNum, Paragraph, Pic, Run,
    RunFonts, Shading, Style, StyleType, Table, TableBorders, TableCell, TableRow, WidthType,
};
use std::io::{Cursor, Write};

/// Why a Word document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("cannot draw a chart for Word: {0}")]
    Chart(String),
    #[error("cannot write the Word document: {0}")]
    Write(String),
}

/// What the document's properties say.
pub struct Info {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub created: chrono::DateTime<chrono::Utc>,
}

/// One point in EMU, Word's unit for pictures.
const EMU_PER_PT: f32 = 12_700.0;
/// A4 in twentieths of a point, with 2 cm margins.
const PAGE: (u32, u32) = (11_906, 16_838);
const MARGIN: i32 = 1_134;
/// The text width in points.
const TEXT_WIDTH: f32 = (PAGE.0 as f32 - 2.0 * MARGIN as f32) / 20.0;

fn hex(c: Colour) -> String {
    format!("{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// A document being written, in the branding's family and colours.
pub struct Writer {
    docx: Docx,
    branding: Branding,
}

impl Writer {
    /// A document with the styles a consultant restyles, the marking in the
    /// header and `footer` with the page number in the footer.
    pub fn new(
        branding: &Branding,
        words: &Words,
        marking: Option<String>,
        footer: &str,
    ) -> Writer {
        let font = RunFonts::new()
            .ascii(branding.family.name())
            .hi_ansi(branding.family.name())
            .cs(branding.family.name());
        let primary = hex(branding.primary);
        let heading = |id: &str, name: &str, level: usize, size: usize| {
            Style::new(id, StyleType::Paragraph)
                .name(name)
                .based_on("Normal")
                .next("Normal")
                .outline_lvl(level)
                .size(size)
                .bold()
                .color(primary.clone())
                .fonts(font.clone())
        };
        let table_style = Style::new("cmasTable", StyleType::Table)
            .name("cmas Table")
            .set_borders(TableBorders::new());
        let mut docx = Docx::new()
            .page_size(PAGE.0, PAGE.1)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN)
                    .bottom(MARGIN)
                    .left(MARGIN)
                    .right(MARGIN),
            )
            .default_fonts(font.clone())
            .default_size(20)
            .add_style(
                Style::new("Title", StyleType::Paragraph)
                    .name("Title")
                    .based_on("Normal")
                    .next("Normal")
                    .size(56)
                    .bold()
                    .color(primary.clone())
                    .fonts(font.clone()),
            )
            .add_style(heading("Heading1", "heading 1", 0, 32))
            .add_style(heading("Heading2", "heading 2", 1, 26))
            .add_style(heading("Heading3", "heading 3", 2, 22))
            .add_style(
                Style::new("Caption", StyleType::Paragraph)
                    .name("caption")
                    .based_on("Normal")
                    .size(17)
                    .italic()
                    .color("555555")
                    .fonts(font.clone()),
            )
            .add_style(
                Style::new("Subtitle", StyleType::Paragraph)
                    .name("Subtitle")
                    .based_on("Normal")
                    .size(18)
                    .bold()
                    .color("555555")
                    .fonts(font),
            )
            .add_style(table_style)
            .footer(
                Footer::new().add_paragraph(
                    Paragraph::new()
                        .style("Caption")
                        .add_run(
                            Run::new()
                                .add_text(footer)
                                .add_text(format!("  ·  {} ", words.get("report-page-word"))),
                        )
                        .add_page_num(PageNum::new()),
                ),
            );
        if let Some(marking) = marking {
            docx = docx.header(
                Header::new().add_paragraph(
                    Paragraph::new().align(AlignmentType::Right).add_run(
                        Run::new()
                            .add_text(marking)
                            .bold()
                            .color(hex(branding.primary)),
                    ),
                ),
            );
        }
        Writer {
            docx,
            branding: branding.clone(),
        }
    }

    fn push(&mut self, paragraph: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(paragraph);
    }

    /// The cover page when the branding asks for one, else the report's
    /// opening: kicker, title (Word's Title style) and the details.
    pub fn opening(&mut self, cover: &Cover, details: &[String]) -> Result<(), DocxError> {
        if let Some(logo) = &self.branding.logo {
            let png = picture::logo_png(logo)?;
            let (w, h) = (
                logo.shape.width.max(1) as f32,
                logo.shape.height.max(1) as f32,
            );
            let height = if self.branding.cover { 56.0 } else { 32.0 };
            let width = (height * w / h).min(200.0);
            let pic = Pic::new_with_dimensions(png, logo.shape.width, logo.shape.height)
                .size(emu(width), emu(width * h / w));
            self.push(Paragraph::new().add_run(Run::new().add_image(pic)));
        }
        self.push(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(&cover.kicker)),
        );
        self.push(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(&cover.title)),
        );
        let lines = if self.branding.cover {
            &cover.details
        } else {
            details
        };
        for line in lines {
            self.text(line);
        }
        if self.branding.cover {
            self.push(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
        }
        Ok(())
    }

    /// A heading of level 1 to 3.
    pub fn heading(&mut self, level: u8, text: &str) {
        let style = match level {
            1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        };
        self.push(
            Paragraph::new()
                .style(style)
                .keep_next(true)
                .add_run(Run::new().add_text(text)),
        );
    }

    /// A paragraph of body text.
    pub fn text(&mut self, text: &str) {
        self.push(Paragraph::new().add_run(Run::new().add_text(text)));
    }

    /// A paragraph in the caption style: small print, notes.
    pub fn note(&mut self, text: &str) {
        self.push(
            Paragraph::new()
                .style("Caption")
                .add_run(Run::new().add_text(text)),
        );
    }

    /// An item of a list, marked as the PDF marks it.
    pub fn item(&mut self, marker: &str, text: &str) {
        self.push(
            Paragraph::new()
                .indent(
                    Some(360),
                    Some(docx_rs::SpecialIndentType::Hanging(360)),
                    None,
                    None,
                )
                .add_run(Run::new().add_text(format!("{marker}\t{text}"))),
        );
    }

    /// A table whose headings are messages: the first left-aligned, the
    /// rest (figures) right-aligned.
    pub fn table_of(&mut self, words: &Words, ids: &[&str], rows: &[Vec<String>]) {
        let columns: Vec<(String, bool)> = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (words.get(id), i > 0))
            .collect();
        self.table(&columns, rows);
    }

    /// A table in the table style: a bold, shaded header row (none when
    /// every title is blank), then `rows`; columns whose `right` is set are
    /// right-aligned (numbers).
    pub fn table<S: AsRef<str>>(&mut self, columns: &[(S, bool)], rows: &[Vec<String>]) {
        let band = hex(self.branding.band());
        let grid = grid(columns.len());
        let cell = |text: &str, right: bool, bold: bool, width: usize| {
            let run = Run::new().add_text(text);
            let run = if bold { run.bold() } else { run };
            let paragraph = Paragraph::new().add_run(run);
            let paragraph = if right {
                paragraph.align(AlignmentType::Right)
            } else {
                paragraph
            };
            TableCell::new()
                .width(width, WidthType::Dxa)
                .add_paragraph(paragraph)
        };
        let header = TableRow::new(
            columns
                .iter()
                .zip(&grid)
                .map(|((title, right), width)| {
                    cell(title.as_ref(), *right, true, *width)
                        .shading(Shading::new().fill(band.clone()))
                })
                .collect(),
        );
        let body = rows.iter().map(|row| {
            TableRow::new(
                columns
                    .iter()
                    .zip(row)
                    .zip(&grid)
                    .map(|(((_, right), value), width)| cell(value, *right, false, *width))
                    .collect(),
            )
        });
        let headed = columns.iter().any(|(title, _)| !title.as_ref().is_empty());
        let table = Table::new(
            std::iter::once(header)
                .filter(|_| headed)
                .chain(body)
                .collect(),
        )
        .style("cmasTable")
        .set_grid(grid.clone())
        .width(grid.iter().sum(), WidthType::Dxa);
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(table);
        // Word joins two tables that touch; a paragraph keeps them apart.
        self.push(Paragraph::new());
    }

    /// A chart as a picture at print resolution, its caption under it.
    pub fn figure(&mut self, figure: &Figure) -> Result<(), DocxError> {
        let scale = (TEXT_WIDTH / figure.size.0).min(1.0);
        let (w, h) = (figure.size.0 * scale, figure.size.1 * scale);
        let (png, (w_px, h_px)) = picture::rasterise(figure, self.branding.family, w)?;
        let pic = Pic::new_with_dimensions(png, w_px, h_px).size(emu(w), emu(h));
        self.push(
            Paragraph::new()
                .keep_next(true)
                .add_run(Run::new().add_image(pic)),
        );
        self.push(
            Paragraph::new()
                .style("Caption")
                .add_run(Run::new().add_text(&figure.title)),
        );
        Ok(())
    }

    /// A page break.
    pub fn page_break(&mut self) {
        self.push(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));
    }

    /// The document as the bytes of a .docx file, its properties set.
    pub fn finish(self, info: &Info) -> Result<Vec<u8>, DocxError> {
        let stamp = info.created.format("%Y-%m-%dT%H:%M:%SZ").to_string();
        let mut packed = Cursor::new(Vec::new());
        self.docx
            .created_at(&stamp)
            .updated_at(&stamp)
            .custom_property("Generator", "cmas")
            .build()
            .pack(&mut packed)
            .map_err(|e| DocxError::Write(e.to_string()))?;
        with_core_properties(&packed.into_inner(), info, &stamp)
    }
}

/// Column widths in twentieths of a point: the first column (the names)
/// takes a third of the text width, or more with few columns; the rest share.
fn grid(columns: usize) -> Vec<usize> {
    let width = (TEXT_WIDTH * 20.0) as usize;
    let first = match columns {
        0 | 1 => width,
        2 => width * 2 / 5,
        3 => width / 2,
        _ => width / 3,
    };
    let rest = (width - first) / columns.saturating_sub(1).max(1);
    std::iter::once(first)
        .chain(std::iter::repeat_n(rest, columns.saturating_sub(1)))
        .collect()
}

fn emu(points: f32) -> u32 {
    (points * EMU_PER_PT).round() as u32
}

/// XML text, escaped.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The package with its core properties (title, author, subject, dates)
/// written anew: the writer sets only the dates.
fn with_core_properties(packed: &[u8], info: &Info, stamp: &str) -> Result<Vec<u8>, DocxError> {
    let failed = |e: &dyn std::fmt::Display| DocxError::Write(e.to_string());
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator><cp:lastModifiedBy>cmas</cp:lastModifiedBy><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>"#,
        xml(&info.title),
        xml(&info.subject),
        xml(&info.author)
    );
    let mut archive = zip::ZipArchive::new(Cursor::new(packed)).map_err(|e| failed(&e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    // Every part but the core properties is copied as it is, still compressed.
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| failed(&e))?;
        if entry.name().map_err(|e| failed(&e))? == "docProps/core.xml" {
            out.start_file("docProps/core.xml", options)
                .map_err(|e| failed(&e))?;
            out.write_all(core.as_bytes()).map_err(|e| failed(&e))?;
        } else {
            out.raw_copy_file(entry).map_err(|e| failed(&e))?;
        }
    }
    Ok(out.finish().map_err(|e| failed(&e))?.into_inner())
}
