//! A plotters backend that emits printpdf operations: vector shapes and real
//! text in the bundled font, so chart labels can be searched and extracted.

use super::colour::opaque;
use super::text::{place, size};
use crate::render::pdf::font_handle;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, Point, Polygon, PolygonRing, Pt, Rect, Rgb, TextItem,
    TextMatrix, WindingOrder,
};
use std::convert::Infallible;

/// Backend units per point: plotters works in whole units, so charts are
/// drawn at four times the resolution of a point.
pub const UNITS_PER_PT: f32 = 4.0;

pub struct PdfBackend<'a> {
    ops: &'a mut Vec<Op>,
    size: (u32, u32),
    /// Page position of the chart's top-left corner, in points (PDF: y up).
    left: f32,
    top: f32,
}

impl<'a> PdfBackend<'a> {
    /// A chart of `size` backend units whose top-left corner is at (`left`, `top`) on the page.
    pub fn new(ops: &'a mut Vec<Op>, size: (u32, u32), left: f32, top: f32) -> PdfBackend<'a> {
        PdfBackend {
            ops,
            size,
            left,
            top,
        }
    }

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

    fn stroke<S: BackendStyle>(&mut self, style: &S) {
        self.ops.push(Op::SetOutlineColor {
            col: rgb(style.color()),
        });
        self.ops.push(Op::SetOutlineThickness {
            pt: Pt(style.stroke_width().max(1) as f32 / UNITS_PER_PT),
        });
    }

    fn fill(&mut self, color: BackendColor) {
        self.ops.push(Op::SetFillColor { col: rgb(color) });
    }
}

fn rgb(c: BackendColor) -> Color {
    let (r, g, b) = opaque(c.rgb, c.alpha);
    Color::Rgb(Rgb::new(
        f32::from(r) / 255.0,
        f32::from(g) / 255.0,
        f32::from(b) / 255.0,
        None,
    ))
}

type Result = std::result::Result<(), DrawingErrorKind<Infallible>>;

impl DrawingBackend for PdfBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        Ok(())
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Result {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.stroke(style);
        let line = self.line([from, to], false);
        self.ops.push(Op::DrawLine { line });
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        let (p, q) = (self.point(a), self.point(b));
        if fill {
            self.fill(style.color());
        } else {
            self.stroke(style);
        }
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(p.x.0.min(q.x.0)),
                y: Pt(p.y.0.min(q.y.0)),
                width: Pt((q.x.0 - p.x.0).abs()),
                height: Pt((q.y.0 - p.y.0).abs()),
                mode: Some(if fill {
                    PaintMode::Fill
                } else {
                    PaintMode::Stroke
                }),
                winding_order: None,
            },
        });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        self.stroke(style);
        let line = self.line(path, false);
        if line.points.len() > 1 {
            self.ops.push(Op::DrawLine { line });
        }
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
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
        if fill {
            self.fill_polygon(ring, style)
        } else {
            self.stroke(style);
            let line = self.line(ring, true);
            self.ops.push(Op::DrawLine { line });
            Ok(())
        }
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        self.fill(style.color());
        let points = self.line(vert, true).points;
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing { points }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result {
        let placed = place(text, style, pos);
        let at = Point {
            x: Pt(self.left + placed.x as f32 / UNITS_PER_PT),
            y: Pt(self.top - placed.y as f32 / UNITS_PER_PT),
        };
        let (r, g, b) = placed.rgb;
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
                col: rgb(BackendColor {
                    alpha: 1.0,
                    rgb: (r, g, b),
                }),
            },
            Op::SetTextMatrix { matrix },
            Op::ShowText {
                items: vec![TextItem::Text(placed.text)],
            },
            Op::EndTextSection,
        ]);
        Ok(())
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> std::result::Result<(u32, u32), DrawingErrorKind<Infallible>> {
        Ok(size(text, style))
    }

    fn blit_bitmap(&mut self, _: BackendCoord, _: (u32, u32), _: &[u8]) -> Result {
        Ok(())
    }
}
