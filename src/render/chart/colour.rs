//! The palette, opaque on purpose: a transparent colour costs the PDF a
//! transparency group per use (see the notes on PDF and charts).

use plotters::style::RGBColor;

pub const CLIENT: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
pub const INTENTION: RGBColor = RGBColor(0x8f, 0xb4, 0xd9);
pub const REALITY: RGBColor = RGBColor(0x1f, 0x4e, 0x79);
pub const MEDIAN: RGBColor = RGBColor(0x9e, 0x9e, 0x9e);
pub const MEDIAN_FILL: RGBColor = RGBColor(0xe6, 0xe6, 0xe6);
pub const TOP_QUARTILE: RGBColor = RGBColor(0xc0, 0x7a, 0x12);
pub const GRID: RGBColor = RGBColor(0xd0, 0xd0, 0xd0);
pub const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub const MUTED: RGBColor = RGBColor(0x66, 0x66, 0x66);

/// A colour blended onto white, for the rare `mix` that reaches a backend.
pub fn opaque(rgb: (u8, u8, u8), alpha: f64) -> (u8, u8, u8) {
    let a = alpha.clamp(0.0, 1.0);
    let blend = |c: u8| (f64::from(c) * a + 255.0 * (1.0 - a)).round() as u8;
    (blend(rgb.0), blend(rgb.1), blend(rgb.2))
}
