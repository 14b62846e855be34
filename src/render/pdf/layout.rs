//! A small flow layout for PDF pages: a cursor that moves down the page,
//! wrapped paragraphs, tables and charts, and page breaks when the page is
//! full. Coordinates here are points from the top-left; printpdf's origin is
//! bottom-left, so every op flips y.

use super::font_handle;
use crate::domain::i18n::{Language, Words};
use crate::render::chart::pdf::{PdfBackend, UNITS_PER_PT};
use crate::render::chart::{units, Palette};
use crate::render::font::{fonts_of, Face, Fonts, Weight};
use crate::report::Branding;
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfPage, Point, Pt, RawImage, Rect, Rgb, TextItem,
    TextMatrix, XObjectId,
};

pub use crate::report::Paper;
pub use lines::{fit, wrap};

mod brand;
mod lines;

/// A paper's width and height in points.
pub fn paper_size(paper: Paper) -> (f32, f32) {
    match paper {
        Paper::A4 => (Pt::from(Mm(210.0)).0, Pt::from(Mm(297.0)).0),
        Paper::Letter => (612.0, 792.0),
    }
}

pub const MARGIN: f32 = 48.0;
const FOOTER: f32 = 24.0;

pub type Rgb8 = (u8, u8, u8);
pub const INK: Rgb8 = (0x22, 0x22, 0x22);
pub const MUTED: Rgb8 = (0x66, 0x66, 0x66);
pub const RULE: Rgb8 = (0xd0, 0xd0, 0xd0);

fn colour((r, g, b): Rgb8) -> Color {
    Color::Rgb(Rgb::new(
        f32::from(r) / 255.0,
        f32::from(g) / 255.0,
        f32::from(b) / 255.0,
        None,
    ))
}

/// A column of a table: title, width in points, right-aligned or not.
pub struct Column {
    pub title: String,
    pub width: f32,
    pub right: bool,
}

/// Table headings from their message ids, with their widths: the first
/// left-aligned, the rest (figures) right-aligned.
pub fn columns(words: &Words, ids: &[&str], widths: &[f32]) -> Vec<Column> {
    ids.iter()
        .zip(widths)
        .enumerate()
        .map(|(i, (id, width))| Column {
            title: words.get(id),
            width: *width,
            right: i > 0,
        })
        .collect()
}

pub struct Writer {
    pub paper: Paper,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// The cursor: distance from the top of the page, in points.
    pub y: f32,
    /// The branding's font family.
    pub fonts: &'static Fonts,
    /// Headings and the headline: the branding's primary colour.
    pub primary: Rgb8,
    /// Bands behind text: a pale tint of the primary colour.
    pub band: Rgb8,
    /// The charts' series colours.
    pub palette: Palette,
    /// The confidentiality marking at the top of every page.
    pub marking: Option<String>,
    /// The organisation's logo, decoded, and the handle pages draw it by.
    logo: Option<(XObjectId, RawImage)>,
    /// Whether the branding asks for a cover page.
    pub wants_cover: bool,
}

/// What a finished layout holds: the pages and the images they draw.
pub struct Laid {
    pub pages: Vec<PdfPage>,
    pub images: Vec<(XObjectId, RawImage)>,
}

fn rgb8(c: crate::domain::branding::Colour) -> Rgb8 {
    (c.0, c.1, c.2)
}

impl Writer {
    pub fn new(paper: Paper, branding: &Branding, language: Language) -> Writer {
        Writer {
            paper,
            pages: Vec::new(),
            ops: Vec::new(),
            y: MARGIN,
            fonts: fonts_of(branding.family),
            primary: rgb8(branding.primary),
            band: rgb8(branding.band()),
            palette: Palette::of(branding, language),
            marking: None,
            // Checked when it was uploaded; one that no longer decodes is left out.
            logo: branding.logo.as_ref().and_then(|logo| {
                let mut warnings = Vec::new();
                RawImage::decode_from_bytes(&logo.bytes, &mut warnings)
                    .ok()
                    .map(|image| (XObjectId::new(), image))
            }),
            wants_cover: branding.cover,
        }
    }

    /// The face of `weight` in the branding's family.
    pub fn face(&self, weight: Weight) -> &'static Face {
        self.fonts.face(weight)
    }

    pub fn width(&self) -> f32 {
        paper_size(self.paper).0 - 2.0 * MARGIN
    }

    fn height(&self) -> f32 {
        paper_size(self.paper).1
    }

    /// The height a whole page has for content, between the margins and the footer.
    pub fn room(&self) -> f32 {
        self.bottom() - MARGIN
    }

    fn bottom(&self) -> f32 {
        self.height() - MARGIN - FOOTER
    }

    fn flip(&self, y: f32) -> f32 {
        self.height() - y
    }

    pub fn new_page(&mut self) {
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(ops);
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    pub fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// Text with its baseline at `baseline` (from the top), starting at `x`.
    pub fn text_at(
        &mut self,
        x: f32,
        baseline: f32,
        size: f32,
        weight: Weight,
        ink: Rgb8,
        text: &str,
    ) {
        let text = self.face(weight).printable(text);
        let y = self.flip(baseline);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: font_handle(weight),
                size: Pt(size),
            },
            Op::SetFillColor { col: colour(ink) },
            Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(x), Pt(y)),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text)],
            },
            Op::EndTextSection,
        ]);
    }

    /// Text ending at `right`.
    pub fn text_right(
        &mut self,
        right: f32,
        baseline: f32,
        size: f32,
        weight: Weight,
        ink: Rgb8,
        text: &str,
    ) {
        let face = self.face(weight);
        let width = face.width(&face.printable(text), size);
        self.text_at(right - width, baseline, size, weight, ink, text);
    }

    /// A wrapped paragraph at the cursor, breaking pages between lines.
    pub fn paragraph(&mut self, text: &str, size: f32, weight: Weight, ink: Rgb8, indent: f32) {
        let leading = size * 1.35;
        let width = self.width() - indent;
        for line in wrap(text, size, self.face(weight), width) {
            self.ensure(leading);
            self.y += leading;
            self.text_at(
                MARGIN + indent,
                self.y - size * 0.3,
                size,
                weight,
                ink,
                &line,
            );
        }
    }

    /// Body text.
    pub fn body(&mut self, text: &str) {
        self.paragraph(text, 9.0, Weight::Regular, INK, 0.0);
    }

    /// Smaller body text.
    pub fn small(&mut self, text: &str) {
        self.paragraph(text, 8.5, Weight::Regular, INK, 0.0);
    }

    /// An indented entry of a list, such as a question.
    pub fn item(&mut self, text: &str) {
        self.paragraph(text, 8.5, Weight::Regular, INK, 8.0);
    }

    /// A note under an item: smaller, muted, further indented.
    pub fn aside(&mut self, text: &str) {
        self.paragraph(text, 8.0, Weight::Regular, MUTED, 20.0);
    }

    /// A labelled value, as on a form: the label in bold, the value
    /// wrapped in a column `indent` points in.
    pub fn field(&mut self, label: &str, value: &str, indent: f32) {
        let size = 8.5;
        // The label goes down first, on the line the value will start on.
        self.ensure(size * 1.35);
        let baseline = self.y + size * 1.35 - size * 0.3;
        let label = fit(label, size, self.face(Weight::Bold), indent - 6.0);
        self.text_at(MARGIN, baseline, size, Weight::Bold, MUTED, &label);
        self.paragraph(value, size, Weight::Regular, INK, indent);
    }

    /// The opening of a report: a capitalised kicker, the title at `size`
    /// points, then lines of muted detail.
    pub fn masthead(&mut self, kicker: &str, title: &str, size: f32, details: &[String]) {
        let right = MARGIN + self.width();
        if let Some((_, image)) = &self.logo {
            let ratio = image.width.max(1) as f32 / image.height.max(1) as f32;
            let width = (28.0 * ratio).min(140.0);
            self.logo(right - width, self.y - 6.0, 28.0, width);
        }
        self.paragraph(kicker, 8.5, Weight::Bold, MUTED, 0.0);
        self.space(4.0);
        self.paragraph(title, size, Weight::Bold, self.primary, 0.0);
        self.space(2.0);
        for line in details {
            self.paragraph(line, 9.0, Weight::Regular, MUTED, 0.0);
        }
    }

    pub fn heading(&mut self, text: &str, size: f32) {
        self.ensure(size * 3.0 + 40.0);
        self.space(size * 0.6);
        self.paragraph(text, size, Weight::Bold, self.primary, 0.0);
        self.space(4.0);
    }

    /// A filled rectangle; `y` is its top, from the top of the page.
    pub fn rect(&mut self, x: f32, y: f32, width: f32, height: f32, fill: Rgb8) {
        let bottom = self.flip(y + height);
        self.ops.push(Op::SetFillColor { col: colour(fill) });
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(bottom),
                width: Pt(width),
                height: Pt(height),
                mode: Some(PaintMode::Fill),
                winding_order: None,
            },
        });
    }

    /// A thin horizontal line across the text width at the cursor.
    pub fn rule(&mut self) {
        let y = self.flip(self.y);
        let point = |x: f32| LinePoint {
            p: Point { x: Pt(x), y: Pt(y) },
            bezier: false,
        };
        self.ops.push(Op::SetOutlineColor { col: colour(RULE) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
        self.ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(MARGIN), point(MARGIN + self.width())],
                is_closed: false,
            },
        });
    }

    /// A chart of `size` points at `x` (from the left margin) and the cursor.
    pub fn chart<F>(&mut self, x: f32, size: (f32, f32), draw: F) -> Result<(), super::PdfError>
    where
        F: FnOnce(&DrawingArea<PdfBackend<'_>, Shift>, &Palette) -> Result<(), String>,
    {
        self.ensure(size.1);
        let (left, top) = (MARGIN + x, self.flip(self.y));
        {
            let backend = PdfBackend::new(&mut self.ops, units(size), left, top);
            let area = backend.into_drawing_area();
            draw(&area, &self.palette).map_err(super::PdfError::Chart)?;
        }
        self.y += size.1 + 4.0 / UNITS_PER_PT;
        Ok(())
    }

    /// A table whose cells are single lines (longer text is shortened with "…").
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<String>], size: f32) {
        let leading = size * 1.6;
        let header = |w: &mut Writer| {
            w.ensure(leading * 2.0);
            w.y += leading;
            let mut x = MARGIN;
            for c in columns {
                let cell = fit(&c.title, size, w.face(Weight::Bold), c.width - 4.0);
                if c.right {
                    w.text_right(
                        x + c.width - 4.0,
                        w.y - size * 0.4,
                        size,
                        Weight::Bold,
                        MUTED,
                        &cell,
                    );
                } else {
                    w.text_at(x, w.y - size * 0.4, size, Weight::Bold, MUTED, &cell);
                }
                x += c.width;
            }
            w.rule();
        };
        header(self);
        for (i, row) in rows.iter().enumerate() {
            if self.y + leading > self.bottom() {
                self.new_page();
                header(self);
            }
            if i % 2 == 1 {
                self.rect(MARGIN, self.y, self.width(), leading, self.band);
            }
            self.y += leading;
            let mut x = MARGIN;
            for (c, value) in columns.iter().zip(row) {
                let cell = fit(value, size, self.face(Weight::Regular), c.width - 4.0);
                if c.right {
                    self.text_right(
                        x + c.width - 4.0,
                        self.y - size * 0.45,
                        size,
                        Weight::Regular,
                        INK,
                        &cell,
                    );
                } else {
                    self.text_at(x, self.y - size * 0.45, size, Weight::Regular, INK, &cell);
                }
                x += c.width;
            }
        }
        self.space(6.0);
    }

    /// The pages, each with the confidentiality marking at its top and its
    /// footer: `footer` (see `Branding::footer_line`) and "Page i of n".
    pub fn finish(mut self, footer: &str) -> Laid {
        if !self.ops.is_empty() || self.pages.is_empty() {
            self.new_page();
        }
        let (width, height) = paper_size(self.paper);
        let total = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        let pages = pages
            .into_iter()
            .enumerate()
            .map(|(i, ops)| {
                self.ops = ops;
                let baseline = height - MARGIN + 6.0;
                let room = self.width() - 70.0;
                let line = fit(footer, 7.5, self.face(Weight::Regular), room);
                self.text_at(MARGIN, baseline, 7.5, Weight::Regular, MUTED, &line);
                self.text_right(
                    width - MARGIN,
                    baseline,
                    7.5,
                    Weight::Regular,
                    MUTED,
                    &self.palette.words.fill(
                        "report-page",
                        &[
                            ("page", (i + 1).to_string().into()),
                            ("pages", total.to_string().into()),
                        ],
                    ),
                );
                if let Some(marking) = self.marking.clone() {
                    let line = fit(&marking, 7.5, self.face(Weight::Bold), self.width());
                    self.text_right(
                        width - MARGIN,
                        MARGIN - 22.0,
                        7.5,
                        Weight::Bold,
                        self.primary,
                        &line,
                    );
                }
                let ops = std::mem::take(&mut self.ops);
                PdfPage::new(Mm::from(Pt(width)), Mm::from(Pt(height)), ops)
            })
            .collect();
        Laid {
            pages,
            images: self.logo.take().into_iter().collect(),
        }
    }
}
