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

/// Flags what needs attention: late, blocked, at risk (6:1 on white).
pub const ALERT: RGBColor = RGBColor(0xb0, 0x3a, 0x2e);
pub const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);
/// A grid cell no assessment covers.
pub const NOT_ASSESSED: RGBColor = RGBColor(0xe6, 0xe6, 0xe6);
pub const BENEFIT_PLANNED: RGBColor = INTENTION;
pub const BENEFIT_ACTUAL: RGBColor = REALITY;
pub const COST_PLANNED: RGBColor = RGBColor(0xf0, 0xc9, 0x87);
pub const COST_ACTUAL: RGBColor = TOP_QUARTILE;

/// The score scale, one step per 20 points, light to dark. Steps rather than
/// a continuous ramp so every fill has an ink with AA contrast (a mid-tone
/// has none) and the legend can name each band.
pub const SCORE_STEPS: [(RGBColor, &str); 5] = [
    (RGBColor(0xf3, 0xf7, 0xfb), "0–19"),
    (RGBColor(0xd3, 0xe3, 0xf1), "20–39"),
    (RGBColor(0x9f, 0xc2, 0xe0), "40–59"),
    (RGBColor(0x36, 0x70, 0x9f), "60–79"),
    (RGBColor(0x1f, 0x4e, 0x79), "80–100"),
];

/// The fill of a score (0–100) on the scale.
pub fn score(value: f64) -> RGBColor {
    let step = (value / 20.0).floor().clamp(0.0, 4.0) as usize;
    SCORE_STEPS
        .get(step)
        .map_or(RGBColor(0, 0, 0), |(colour, _)| *colour)
}

/// The colour of a project's status on the timeline.
pub fn status(status: crate::domain::programme::ProjectStatus) -> RGBColor {
    use crate::domain::programme::ProjectStatus::*;
    match status {
        Planned => INTENTION,
        Pilot => TOP_QUARTILE,
        RollingOut => RGBColor(0x2e, 0x86, 0x8c),
        Done => CLIENT,
        Stopped => MEDIAN,
    }
}

/// Relative luminance, as WCAG defines it.
fn luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The text colour that reads best on `fill`: dark or white.
pub fn ink_on(fill: RGBColor) -> RGBColor {
    if contrast(TEXT, fill) >= contrast(WHITE, fill) {
        TEXT
    } else {
        WHITE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_on_every_fill_of_the_score_scale_passes_aa() {
        for fill in SCORE_STEPS.iter().map(|(c, _)| *c).chain([NOT_ASSESSED]) {
            let ratio = contrast(ink_on(fill), fill);
            assert!(ratio >= 4.5, "{fill:?}: {ratio:.2}");
        }
        assert!(contrast(ALERT, WHITE) >= 4.5 && contrast(MUTED, WHITE) >= 4.5);
        assert_eq!(score(0.0), SCORE_STEPS[0].0);
        assert_eq!(score(100.0), SCORE_STEPS[4].0);
    }
}
