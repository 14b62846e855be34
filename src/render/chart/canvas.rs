//! What a chart's drawing comes down to. plotters asks a backend for
//! lines, rectangles, circles, polygons and text; `Plotted` answers it once,
//! for any [`Canvas`]: the PDF's operations (`pdf`) and the HTML's SVG
//! elements (`svg`) only say how they write each primitive.

use super::colour::opaque;
use super::text::{place, size, Placed};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use std::convert::Infallible;

/// An opaque colour, red, green and blue.
pub type Rgb = (u8, u8, u8);

/// How a shape is painted: filled, or outlined with a stroke of a width
/// in backend units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Paint {
    Fill(Rgb),
    Stroke(Rgb, u32),
}

/// The primitives a chart is written in.
pub trait Canvas {
    /// Width and height in backend units.
    fn size(&self) -> (u32, u32);
    /// A straight line.
    fn segment(&mut self, from: BackendCoord, to: BackendCoord, colour: Rgb, width: u32);
    /// An open line through `points`.
    fn polyline(&mut self, points: Vec<BackendCoord>, colour: Rgb, width: u32);
    /// A rectangle between two corners.
    fn rect(&mut self, a: BackendCoord, b: BackendCoord, paint: Paint);
    fn circle(&mut self, centre: BackendCoord, radius: u32, paint: Paint);
    /// A filled polygon.
    fn polygon(&mut self, points: Vec<BackendCoord>, colour: Rgb);
    /// A line of text, already measured and anchored.
    fn text(&mut self, placed: Placed);
    /// Closes the drawing, once it is complete.
    fn finish(&mut self) {}
}

/// A canvas as plotters draws on it.
pub struct Plotted<C>(pub C);

fn colour(c: BackendColor) -> Rgb {
    opaque(c.rgb, c.alpha)
}

type Result = std::result::Result<(), DrawingErrorKind<Infallible>>;

impl<C: Canvas> DrawingBackend for Plotted<C> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.0.size()
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        self.0.finish();
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, c: BackendColor) -> Result {
        self.0.rect((x, y), (x + 1, y + 1), Paint::Fill(colour(c)));
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        self.0
            .segment(from, to, colour(style.color()), style.stroke_width());
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        self.0.rect(a, b, paint(style, fill));
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        let points = path.into_iter().collect();
        self.0
            .polyline(points, colour(style.color()), style.stroke_width());
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        centre: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        self.0.circle(centre, radius, paint(style, fill));
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result {
        self.0
            .polygon(vertices.into_iter().collect(), colour(style.color()));
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result {
        self.0.text(place(text, style, pos));
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

fn paint<S: BackendStyle>(style: &S, fill: bool) -> Paint {
    if fill {
        Paint::Fill(colour(style.color()))
    } else {
        Paint::Stroke(colour(style.color()), style.stroke_width())
    }
}
