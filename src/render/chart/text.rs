//! Placing chart text the same way in every backend: measured with the
//! bundled font, anchored as plotters asks.

use crate::domain::branding::Family;
use crate::render::font::{fonts_of, Face, Weight};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendCoord, BackendTextStyle, FontStyle, FontTransform};

/// A line of chart text, ready to emit.
pub struct Placed {
    pub text: String,
    pub weight: Weight,
    pub size: f64,
    /// Left end of the baseline, in backend units (y down).
    pub x: f64,
    pub y: f64,
    /// Degrees counter-clockwise.
    pub rotation: f64,
    pub rgb: (u8, u8, u8),
}

pub fn weight<S: BackendTextStyle>(style: &S) -> Weight {
    match style.style() {
        FontStyle::Bold => Weight::Bold,
        _ => Weight::Regular,
    }
}

/// The bundled face the style names (charts name a family, see
/// `Palette::font`); DejaVu Sans for any other name.
pub fn face<S: BackendTextStyle>(style: &S) -> &'static Face {
    let name = style.family();
    let family = Family::ALL
        .into_iter()
        .find(|f| f.name() == name.as_str())
        .unwrap_or_default();
    fonts_of(family).face(weight(style))
}

/// Width and height of `text` in backend units.
pub fn size<S: BackendTextStyle>(text: &str, style: &S) -> (u32, u32) {
    let size = style.size() as f32;
    let width = face(style).width(text, size);
    (width.ceil() as u32, size.ceil() as u32)
}

pub fn place<S: BackendTextStyle>(text: &str, style: &S, (x, y): BackendCoord) -> Placed {
    let face = face(style);
    let text = face.printable(text);
    let size = style.size();
    let width = f64::from(face.width(&text, size as f32));
    let ascent = f64::from(face.ascent(size as f32));
    let anchor = style.anchor();
    let dx = match anchor.h_pos {
        HPos::Left => 0.0,
        HPos::Center => -width / 2.0,
        HPos::Right => -width,
    };
    let dy = match anchor.v_pos {
        VPos::Top => ascent,
        VPos::Center => ascent / 2.0 - size * 0.05,
        VPos::Bottom => 0.0,
    };
    // Rotated text (a y-axis title) turns around its anchor.
    let rotation: f64 = match style.transform() {
        FontTransform::Rotate270 => 90.0,
        FontTransform::Rotate90 => -90.0,
        FontTransform::Rotate180 => 180.0,
        FontTransform::None => 0.0,
    };
    let (sin, cos) = rotation.to_radians().sin_cos();
    // Offsets are along the text's own axes; y grows downwards.
    let (ox, oy) = (dx * cos + dy * sin, -dx * sin + dy * cos);
    let color = style.color();
    Placed {
        text,
        weight: weight(style),
        size,
        x: f64::from(x) + ox,
        y: f64::from(y) + oy,
        rotation,
        rgb: super::colour::opaque(color.rgb, color.alpha),
    }
}
