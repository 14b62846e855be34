//! A plotters backend that writes SVG for the HTML scorecard, measuring text
//! with the bundled font so layout matches the PDF.

use super::colour::opaque;
use super::text::{place, size};
use crate::render::font::Weight;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use std::convert::Infallible;
use std::fmt::Write;

pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

impl<'a> SvgBackend<'a> {
    /// Starts an SVG of `size` backend units; `present` closes it.
    pub fn new(out: &'a mut String, size: (u32, u32), title: &str) -> SvgBackend<'a> {
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" font-family="DejaVu Sans, Verdana, sans-serif"><title>{t}</title>"#,
            w = size.0,
            h = size.1,
            t = escape(title)
        );
        SvgBackend { out, size }
    }
}

type Result = std::result::Result<(), DrawingErrorKind<Infallible>>;

fn colour(c: BackendColor) -> String {
    let (r, g, b) = opaque(c.rgb, c.alpha);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Text for SVG: XML-escaped, so a hostile label stays a label.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn points<I: IntoIterator<Item = BackendCoord>>(path: I) -> String {
    path.into_iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result {
        Ok(())
    }

    fn present(&mut self) -> Result {
        if !self.out.ends_with("</svg>") {
            self.out.push_str("</svg>");
        }
        Ok(())
    }

    fn draw_pixel(&mut self, (x, y): BackendCoord, color: BackendColor) -> Result {
        let _ = write!(
            self.out,
            r#"<rect x="{x}" y="{y}" width="1" height="1" fill="{}"/>"#,
            colour(color)
        );
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result {
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>"#,
            from.0,
            from.1,
            to.0,
            to.1,
            colour(style.color()),
            style.stroke_width()
        );
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result {
        let paint = if fill {
            format!(r#"fill="{}""#, colour(style.color()))
        } else {
            format!(
                r#"fill="none" stroke="{}" stroke-width="{}""#,
                colour(style.color()),
                style.stroke_width()
            )
        };
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" {paint}/>"#,
            a.0,
            a.1,
            b.0 - a.0,
            b.1 - a.1
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result {
        let _ = write!(
            self.out,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linejoin="round"/>"#,
            points(path),
            colour(style.color()),
            style.stroke_width()
        );
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        c: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result {
        let paint = if fill {
            format!(r#"fill="{}""#, colour(style.color()))
        } else {
            format!(r#"fill="none" stroke="{}""#, colour(style.color()))
        };
        let _ = write!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{radius}" {paint}/>"#,
            c.0, c.1
        );
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result {
        let _ = write!(
            self.out,
            r#"<polygon points="{}" fill="{}"/>"#,
            points(vert),
            colour(style.color())
        );
        Ok(())
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result {
        let p = place(text, style, pos);
        let (r, g, b) = p.rgb;
        let weight = if p.weight == Weight::Bold {
            r#" font-weight="bold""#
        } else {
            ""
        };
        let rotate = if p.rotation == 0.0 {
            String::new()
        } else {
            format!(
                r#" transform="rotate({} {:.1} {:.1})""#,
                -p.rotation, p.x, p.y
            )
        };
        let _ = write!(
            self.out,
            r##"<text x="{:.1}" y="{:.1}" font-size="{:.1}" fill="#{r:02x}{g:02x}{b:02x}"{weight}{rotate}>{}</text>"##,
            p.x,
            p.y,
            p.size,
            escape(&p.text)
        );
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
