//! Charts as printpdf operations: vector shapes and real text in the
//! bundled font, so chart labels can be searched and extracted.

use super::canvas::{Canvas, Paint, Plotted, Rgb};
use super::text::Placed;
use crate::render::pdf::font_handle;
use plotters_backend::BackendCoord;
use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, Point, Polygon, PolygonRing, Pt, Rect, TextItem,
    TextMatrix, WindingOrder,
};

/// Backend units per point: plotters works in whole units, so charts are
/// drawn at four times the resolution of a point.
pub const UNITS_PER_PT: f32 = 4.0;

/// A chart drawn into a page's operations.
pub type PdfBackend<'a> = Plotted<PdfCanvas<'a>>;

/// Where a chart's operations go, and where on the page it sits.
pub struct PdfCanvas<'a> {
    ops: &'a mut Vec<Op>,
    size: (u32, u32),
    /// Page position of the chart's top-left corner, in points (PDF: y up).
    left: f32,
    top: f32,
}

impl<'a> PdfBackend<'a> {
    /// A chart of `size` backend units whose top-left corner is at (`left`, `top`) on the page.
    pub fn new(ops: &'a mut Vec<Op>, size: (u32, u32), left: f32, top: f32) -> PdfBackend<'a> {
        Plotted(PdfCanvas {
            ops,
            size,
            left,
            top,
        })
    }
}

impl PdfCanvas<'_> {
    fn point(&self, (x, y): BackendCoord) -> Point {
        Point {
            x: Pt(self.left + x as f32 / UNITS_PER_PT),
            y: Pt(self.top - y as f32 / UNITS_PER_PT),
        }
    }

    fn line(&self, points: impl IntoIterator<Item = BackendCoord>, closed: bool) -> Line {
        Line {
            points: points
                .into_iter()
                .map(|p| LinePoint {
                    p: self.point(p),
                    bezier: false,
                })
                .collect(),
            is_closed: closed,
        }
    }

    fn stroke(&mut self, colour: Rgb, width: u32) {
        self.ops.push(Op::SetOutlineColor {
            col: pdf_colour(colour),
        });
        self.ops.push(Op::SetOutlineThickness {
            pt: Pt(width.max(1) as f32 / UNITS_PER_PT),
        });
    }

    fn fill(&mut self, colour: Rgb) {
        self.ops.push(Op::SetFillColor {
            col: pdf_colour(colour),
        });
    }
}

fn pdf_colour((r, g, b): Rgb) -> Color {
    Color::Rgb(printpdf::Rgb::new(
        f32::from(r) / 255.0,
        f32::from(g) / 255.0,
        f32::from(b) / 255.0,
        None,
    ))
}

impl Canvas for PdfCanvas<'_> {
    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn segment(&mut self, from: BackendCoord, to: BackendCoord, colour: Rgb, width: u32) {
        self.stroke(colour, width);
        let line = self.line([from, to], false);
        self.ops.push(Op::DrawLine { line });
    }

    fn polyline(&mut self, points: Vec<BackendCoord>, colour: Rgb, width: u32) {
        self.stroke(colour, width);
        let line = self.line(points, false);
        if line.points.len() > 1 {
            self.ops.push(Op::DrawLine { line });
        }
    }

    fn rect(&mut self, a: BackendCoord, b: BackendCoord, paint: Paint) {
        let (p, q) = (self.point(a), self.point(b));
        let mode = match paint {
            Paint::Fill(colour) => {
                self.fill(colour);
                PaintMode::Fill
            }
            Paint::Stroke(colour, width) => {
                self.stroke(colour, width);
                PaintMode::Stroke
            }
        };
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(p.x.0.min(q.x.0)),
                y: Pt(p.y.0.min(q.y.0)),
                width: Pt((q.x.0 - p.x.0).abs()),
                height: Pt((q.y.0 - p.y.0).abs()),
                mode: Some(mode),
                winding_order: None,
            },
        });
    }

    fn circle(&mut self, c: BackendCoord, radius: u32, paint: Paint) {
        // A polygon of 24 sides is indistinguishable from a circle at chart sizes.
        let r = f64::from(radius);
        let ring: Vec<BackendCoord> = (0..24)
            .map(|i| {
                let a = f64::from(i) / 24.0 * std::f64::consts::TAU;
                (
                    c.0 + (r * a.cos()).round() as i32,
                    c.1 + (r * a.sin()).round() as i32,
                )
            })
            .collect();
        match paint {
            Paint::Fill(colour) => self.polygon(ring, colour),
            Paint::Stroke(colour, width) => {
                self.stroke(colour, width);
                let line = self.line(ring, true);
                self.ops.push(Op::DrawLine { line });
            }
        }
    }

    fn polygon(&mut self, points: Vec<BackendCoord>, colour: Rgb) {
        self.fill(colour);
        let points = self.line(points, true).points;
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    fn text(&mut self, placed: Placed) {
        let at = Point {
            x: Pt(self.left + placed.x as f32 / UNITS_PER_PT),
            y: Pt(self.top - placed.y as f32 / UNITS_PER_PT),
        };
        let matrix = if placed.rotation == 0.0 {
            TextMatrix::Translate(at.x, at.y)
        } else {
            TextMatrix::TranslateRotate(at.x, at.y, placed.rotation as f32)
        };
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: font_handle(placed.weight),
                size: Pt(placed.size as f32 / UNITS_PER_PT),
            },
            Op::SetFillColor {
                col: pdf_colour(placed.rgb),
            },
            Op::SetTextMatrix { matrix },
            Op::ShowText {
                items: vec![TextItem::Text(placed.text)],
            },
            Op::EndTextSection,
        ]);
    }
}
