//! Charts as SVG for the HTML reports and pages, text measured with the
//! bundled font so the layout matches the PDF.

use super::canvas::{Canvas, Paint, Plotted, Rgb};
use super::text::Placed;
use crate::domain::branding::Family;
use crate::render::font::Weight;
use plotters_backend::BackendCoord;
use std::fmt::Write;

/// A chart drawn as an SVG document.
pub type SvgBackend<'a> = Plotted<SvgCanvas<'a>>;

/// The SVG being written.
pub struct SvgCanvas<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

impl<'a> SvgBackend<'a> {
    /// Starts an SVG of `size` backend units; `present` closes it.
    pub fn new(
        out: &'a mut String,
        size: (u32, u32),
        title: &str,
        family: Family,
    ) -> SvgBackend<'a> {
        let generic = if family.is_serif() {
            "serif"
        } else {
            "sans-serif"
        };
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" aria-label="{t}" font-family="{f}, {generic}"><title>{t}</title>"#,
            w = size.0,
            h = size.1,
            t = escape(title),
            f = family.name(),
        );
        Plotted(SvgCanvas { out, size })
    }
}

fn colour((r, g, b): Rgb) -> String {
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

fn points(path: Vec<BackendCoord>) -> String {
    path.into_iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl Canvas for SvgCanvas<'_> {
    fn size(&self) -> (u32, u32) {
        self.size
    }

    fn finish(&mut self) {
        if !self.out.ends_with("</svg>") {
            self.out.push_str("</svg>");
        }
    }

    fn segment(&mut self, from: BackendCoord, to: BackendCoord, stroke: Rgb, width: u32) {
        let _ = write!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{width}"/>"#,
            from.0,
            from.1,
            to.0,
            to.1,
            colour(stroke),
        );
    }

    fn polyline(&mut self, path: Vec<BackendCoord>, stroke: Rgb, width: u32) {
        let _ = write!(
            self.out,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{width}" stroke-linejoin="round"/>"#,
            points(path),
            colour(stroke),
        );
    }

    fn rect(&mut self, a: BackendCoord, b: BackendCoord, paint: Paint) {
        let paint = match paint {
            Paint::Fill(fill) => format!(r#"fill="{}""#, colour(fill)),
            Paint::Stroke(stroke, width) => format!(
                r#"fill="none" stroke="{}" stroke-width="{width}""#,
                colour(stroke)
            ),
        };
        let _ = write!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" {paint}/>"#,
            a.0,
            a.1,
            b.0 - a.0,
            b.1 - a.1
        );
    }

    fn circle(&mut self, c: BackendCoord, radius: u32, paint: Paint) {
        let paint = match paint {
            Paint::Fill(fill) => format!(r#"fill="{}""#, colour(fill)),
            Paint::Stroke(stroke, _) => format!(r#"fill="none" stroke="{}""#, colour(stroke)),
        };
        let _ = write!(
            self.out,
            r#"<circle cx="{}" cy="{}" r="{radius}" {paint}/>"#,
            c.0, c.1
        );
    }

    fn polygon(&mut self, vertices: Vec<BackendCoord>, fill: Rgb) {
        let _ = write!(
            self.out,
            r#"<polygon points="{}" fill="{}"/>"#,
            points(vertices),
            colour(fill)
        );
    }

    fn text(&mut self, p: Placed) {
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
    }
}
