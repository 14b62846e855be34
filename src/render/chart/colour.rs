//! The palette, opaque on purpose: a transparent colour costs the PDF a
//! transparency group per use (see the notes on PDF and charts). The
//! series take the organisation's brand colours ([`Palette`]); grids,
//! fills and the score scale stay cmas's own.

use crate::domain::branding::{Colour, Family, WHITE as PAPER};
use crate::domain::i18n::{words, Language, Words};
use crate::report::Branding;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{FontStyle, IntoFont, RGBColor, TextStyle};

pub const MEDIAN_FILL: RGBColor = RGBColor(0xe6, 0xe6, 0xe6);
pub const GRID: RGBColor = RGBColor(0xd0, 0xd0, 0xd0);
pub const TEXT: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub const MUTED: RGBColor = RGBColor(0x66, 0x66, 0x66);

/// Every data series needs this much contrast with the page (WCAG 2.1
/// non-text contrast).
pub const SERIES_CONTRAST: f64 = 3.0;

/// Colours for the areas' lines, each 3:1 or more on white and far from
/// grey; a palette takes the first eight that stand apart from the brand's.
const CANDIDATES: [Colour; 24] = [
    Colour(0x2e, 0x7d, 0x32),
    Colour(0x6a, 0x1b, 0x9a),
    Colour(0xb0, 0x3a, 0x2e),
    Colour(0x00, 0x79, 0x6b),
    Colour(0x79, 0x55, 0x48),
    Colour(0xad, 0x14, 0x57),
    Colour(0x15, 0x65, 0xc0),
    Colour(0x82, 0x77, 0x17),
    Colour(0xc4, 0x4d, 0x00),
    Colour(0x4a, 0x14, 0x8c),
    Colour(0x00, 0x60, 0x64),
    Colour(0x88, 0x0e, 0x4f),
    Colour(0x39, 0x49, 0xab),
    Colour(0x5d, 0x40, 0x37),
    Colour(0x00, 0x83, 0x8f),
    Colour(0xd8, 0x1b, 0x60),
    Colour(0x55, 0x8b, 0x2f),
    Colour(0xbf, 0x36, 0x0c),
    Colour(0x1b, 0x5e, 0x20),
    Colour(0x02, 0x77, 0xbd),
    Colour(0x8e, 0x24, 0xaa),
    Colour(0xe6, 0x51, 0x00),
    Colour(0x33, 0x69, 0x1e),
    Colour(0x28, 0x35, 0x93),
];

/// How far apart two series colours must be (RGB distance) to tell apart.
const APART: f64 = 40.0;

fn distance(a: Colour, b: Colour) -> f64 {
    let d = |x: u8, y: u8| f64::from(x) - f64::from(y);
    (d(a.0, b.0).powi(2) + d(a.1, b.1).powi(2) + d(a.2, b.2).powi(2)).sqrt()
}

fn rgb(c: Colour) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// The series colours and the font of one report's charts.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub family: Family,
    /// The words of the chart's labels and legends, in the report's language.
    pub words: &'static Words,
    /// The client, and Reality in the area bars: the primary colour.
    pub client: RGBColor,
    /// Intention: the primary colour's lightest tint with 3:1.
    pub intention: RGBColor,
    pub median: RGBColor,
    /// The top quartile: the accent, or cmas's when the accent is too
    /// close to the primary colour to tell apart.
    pub top_quartile: RGBColor,
    /// Planned costs: the accent's lightest tint with 3:1.
    pub planned_cost: RGBColor,
    /// The areas' lines, beside the client's overall line.
    pub lines: [RGBColor; 8],
}

/// The portfolio median: a grey of 4.5:1 on white, apart from every brand.
const MEDIAN_GREY: Colour = Colour(0x75, 0x75, 0x75);

impl Palette {
    /// The palette of a branding: its colours where they pass 3:1 on white
    /// and stand apart, cmas's own where they do not.
    pub fn of(branding: &Branding, language: Language) -> Palette {
        let fallback = Branding::default();
        let passes = |c: Colour| c.contrast(PAPER) >= SERIES_CONTRAST;
        let primary = Some(branding.primary)
            .filter(|c| passes(*c))
            .unwrap_or(fallback.primary);
        let intention = primary.lightest_with(SERIES_CONTRAST);
        let accent = [branding.accent, fallback.accent, fallback.primary]
            .into_iter()
            .find(|c| {
                passes(*c)
                    && [primary, intention, MEDIAN_GREY]
                        .iter()
                        .all(|taken| distance(*c, *taken) >= APART)
            })
            .unwrap_or(Colour(0xc4, 0x4d, 0x00));
        let planned_cost = accent.lightest_with(SERIES_CONTRAST);
        let mut taken = vec![primary, intention, MEDIAN_GREY, accent, planned_cost];
        let mut lines = [rgb(primary); 8];
        let mut next = CANDIDATES.iter();
        for slot in &mut lines {
            let choice = next
                .by_ref()
                .find(|c| taken.iter().all(|t| distance(**c, *t) >= APART))
                .copied()
                .unwrap_or(MEDIAN_GREY);
            taken.push(choice);
            *slot = rgb(choice);
        }
        Palette {
            family: branding.family,
            words: words(language),
            client: rgb(primary),
            intention: rgb(intention),
            median: rgb(MEDIAN_GREY),
            top_quartile: rgb(accent),
            planned_cost: rgb(planned_cost),
            lines,
        }
    }

    /// Chart text in the palette's family.
    pub fn font(&self, points: f64, colour: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
        (self.family.name(), points * super::U)
            .into_font()
            .color(colour)
            .pos(Pos::new(h, v))
    }

    /// Bold chart text in the palette's family.
    pub fn bold(&self, points: f64, colour: &RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
        (self.family.name(), points * super::U, FontStyle::Bold)
            .into_font()
            .color(colour)
            .pos(Pos::new(h, v))
    }
}

impl Default for Palette {
    fn default() -> Palette {
        Palette::of(&Branding::default(), Language::En)
    }
}

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
        Planned => RGBColor(0x8f, 0xb4, 0xd9),
        Pilot => RGBColor(0xc0, 0x7a, 0x12),
        RollingOut => RGBColor(0x2e, 0x86, 0x8c),
        Done => RGBColor(0x1f, 0x4e, 0x79),
        Stopped => RGBColor(0x9e, 0x9e, 0x9e),
    }
}

/// The WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    Colour(a.0, a.1, a.2).contrast(Colour(b.0, b.1, b.2))
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

    /// Every series a chart draws, as the charts pick them.
    fn series(p: &Palette) -> Vec<RGBColor> {
        [
            p.client,
            p.intention,
            p.median,
            p.top_quartile,
            p.planned_cost,
        ]
        .into_iter()
        .chain(p.lines)
        .collect()
    }

    #[test]
    fn series_take_the_brand_and_stay_apart_and_visible_on_white() {
        let brand = |primary: Colour, accent: Colour| Branding {
            primary,
            accent,
            ..Branding::default()
        };
        let cases = [
            Branding::default(),
            brand(Colour(0x0b, 0x6e, 0x4f), Colour(0xa6, 0x1e, 0x4d)),
            // An accent the same as the primary, or as a line's colour.
            brand(Colour(0x6a, 0x1b, 0x9a), Colour(0x6a, 0x1b, 0x9a)),
            brand(Colour(0x2e, 0x7d, 0x32), Colour(0xb0, 0x3a, 0x2e)),
            // Colours too pale for a series fall back to cmas's.
            brand(Colour(0xff, 0xee, 0x00), Colour(0xdd, 0xdd, 0xdd)),
            brand(Colour(0, 0, 0), Colour(0x75, 0x75, 0x75)),
        ];
        for branding in &cases {
            let p = Palette::of(branding, Language::En);
            let all = series(&p);
            for (i, a) in all.iter().enumerate() {
                let ratio = contrast(*a, WHITE);
                assert!(ratio >= SERIES_CONTRAST, "{a:?} {ratio:.2} in {branding:?}");
                for b in all.iter().skip(i + 1) {
                    assert_ne!(a, b, "two series share a colour in {branding:?}");
                }
            }
        }
        let own = Palette::of(&cases[1], Language::En);
        assert_eq!(own.client, RGBColor(0x0b, 0x6e, 0x4f));
        assert_eq!(own.top_quartile, RGBColor(0xa6, 0x1e, 0x4d));
    }
}
