//! A small flow layout for PDF pages: a cursor that moves down the page,
//! wrapped paragraphs, tables and charts, and page breaks when the page is
//! full. Coordinates here are points from the top-left; printpdf's origin is
//! bottom-left, so every op flips y.

use super::font_handle;
use crate::render::chart::pdf::{PdfBackend, UNITS_PER_PT};
use crate::render::chart::units;
use crate::render::font::{fonts, Weight};
use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, IntoDrawingArea};
use printpdf::{
    Color, Line, LinePoint, Mm, Op, PaintMode, PdfPage, Point, Pt, Rect, Rgb, TextItem, TextMatrix,
};

pub use crate::report::Paper;

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
pub const ACCENT: Rgb8 = (0x1f, 0x4e, 0x79);
pub const RULE: Rgb8 = (0xd0, 0xd0, 0xd0);
pub const BAND: Rgb8 = (0xee, 0xf3, 0xf8);

fn colour((r, g, b): Rgb8) -> Color {
    Color::Rgb(Rgb::new(
        f32::from(r) / 255.0,
        f32::from(g) / 255.0,
        f32::from(b) / 255.0,
        None,
    ))
}

/// A column of a table: title, width in points, right-aligned or not.
pub struct Column<'a> {
    pub title: &'a str,
    pub width: f32,
    pub right: bool,
}

pub struct Writer {
    pub paper: Paper,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// The cursor: distance from the top of the page, in points.
    pub y: f32,
}

impl Writer {
    pub fn new(paper: Paper) -> Writer {
        Writer {
            paper,
            pages: Vec::new(),
            ops: Vec::new(),
            y: MARGIN,
        }
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
        let text = fonts().face(weight).printable(text);
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
        let width = fonts()
            .face(weight)
            .width(&fonts().face(weight).printable(text), size);
        self.text_at(right - width, baseline, size, weight, ink, text);
    }

    /// A wrapped paragraph at the cursor, breaking pages between lines.
    pub fn paragraph(&mut self, text: &str, size: f32, weight: Weight, ink: Rgb8, indent: f32) {
        let leading = size * 1.35;
        let width = self.width() - indent;
        for line in wrap(text, size, weight, width) {
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
        let label = fit(label, size, Weight::Bold, indent - 6.0);
        self.text_at(MARGIN, baseline, size, Weight::Bold, MUTED, &label);
        self.paragraph(value, size, Weight::Regular, INK, indent);
    }

    /// The opening of a report: a capitalised kicker, the title at `size`
    /// points, then lines of muted detail.
    pub fn masthead(&mut self, kicker: &str, title: &str, size: f32, details: &[String]) {
        self.paragraph(kicker, 8.5, Weight::Bold, MUTED, 0.0);
        self.space(4.0);
        self.paragraph(title, size, Weight::Bold, ACCENT, 0.0);
        self.space(2.0);
        for line in details {
            self.paragraph(line, 9.0, Weight::Regular, MUTED, 0.0);
        }
    }

    pub fn heading(&mut self, text: &str, size: f32) {
        self.ensure(size * 3.0 + 40.0);
        self.space(size * 0.6);
        self.paragraph(text, size, Weight::Bold, ACCENT, 0.0);
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
        F: FnOnce(&DrawingArea<PdfBackend<'_>, Shift>) -> Result<(), String>,
    {
        self.ensure(size.1);
        let (left, top) = (MARGIN + x, self.flip(self.y));
        {
            let backend = PdfBackend::new(&mut self.ops, units(size), left, top);
            let area = backend.into_drawing_area();
            draw(&area).map_err(super::PdfError::Chart)?;
        }
        self.y += size.1 + 4.0 / UNITS_PER_PT;
        Ok(())
    }

    /// A table whose cells are single lines (longer text is shortened with "…").
    pub fn table(&mut self, columns: &[Column<'_>], rows: &[Vec<String>], size: f32) {
        let leading = size * 1.6;
        let header = |w: &mut Writer| {
            w.ensure(leading * 2.0);
            w.y += leading;
            let mut x = MARGIN;
            for c in columns {
                let cell = fit(c.title, size, Weight::Bold, c.width - 4.0);
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
                self.rect(MARGIN, self.y, self.width(), leading, BAND);
            }
            self.y += leading;
            let mut x = MARGIN;
            for (c, value) in columns.iter().zip(row) {
                let cell = fit(value, size, Weight::Regular, c.width - 4.0);
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

    /// The pages, each with its footer: "`left` · page i of n".
    pub fn finish(mut self, footer: &str) -> Vec<PdfPage> {
        if !self.ops.is_empty() || self.pages.is_empty() {
            self.new_page();
        }
        let (width, height) = paper_size(self.paper);
        let total = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        pages
            .into_iter()
            .enumerate()
            .map(|(i, ops)| {
                self.ops = ops;
                let baseline = height - MARGIN + 6.0;
                self.text_at(MARGIN, baseline, 7.5, Weight::Regular, MUTED, footer);
                self.text_right(
                    width - MARGIN,
                    baseline,
                    7.5,
                    Weight::Regular,
                    MUTED,
                    &format!("Page {} of {total}", i + 1),
                );
                let ops = std::mem::take(&mut self.ops);
                PdfPage::new(Mm::from(Pt(width)), Mm::from(Pt(height)), ops)
            })
            .collect()
    }
}

/// Breaks `text` into lines no wider than `width`; a word longer than a line
/// is broken between characters. Line breaks in the text are kept.
pub fn wrap(text: &str, size: f32, weight: Weight, width: f32) -> Vec<String> {
    let face = fonts().face(weight);
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let (mut line, mut line_width) = (String::new(), 0.0);
        for word in paragraph.split_whitespace() {
            let word_width = face.width(word, size);
            let needed = if line.is_empty() {
                word_width
            } else {
                line_width + space + word_width
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = needed;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line is broken between characters.
            line_width = 0.0;
            for c in word.chars() {
                let c_width = face.width(c.encode_utf8(&mut [0; 4]), size);
                if line_width + c_width > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += c_width;
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` shortened with "…" to fit `width`.
pub fn fit(text: &str, size: f32, weight: Weight, width: f32) -> String {
    let face = fonts().face(weight);
    if face.width(text, size) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if face.width(&format!("{out}…"), size) > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_line_inside_the_width() {
        let text = "word ".repeat(400) + &"x".repeat(300);
        let lines = wrap(&text, 9.0, Weight::Regular, 200.0);
        assert!(lines.len() > 20);
        let face = fonts().face(Weight::Regular);
        assert!(
            lines.iter().all(|l| face.width(l, 9.0) <= 200.0),
            "a line is too wide"
        );
        assert_eq!(lines.concat().matches('x').count(), 300, "nothing is lost");
    }

    #[test]
    fn fitting_shortens_with_an_ellipsis() {
        assert_eq!(fit("short", 9.0, Weight::Regular, 100.0), "short");
        let long = fit(
            &"Customer Management Activity ".repeat(5),
            9.0,
            Weight::Regular,
            100.0,
        );
        assert!(
            long.ends_with('…') && fonts().face(Weight::Regular).width(&long, 9.0) <= 100.0,
            "{long}"
        );
    }
}
