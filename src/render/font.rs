//! The bundled fonts (DejaVu Sans, Noto Sans and Noto Serif; licences in
//! `reports/fonts`): parsed once each, used to measure text for layout and
//! charts, and subset per PDF to the glyphs that document uses. Never the
//! host's fonts: a report looks the same wherever it is made.

use crate::domain::branding::Family;
use printpdf::ParsedFont;
use std::sync::OnceLock;

/// A family's regular and bold files.
fn files(family: Family) -> (&'static [u8], &'static [u8]) {
    match family {
        Family::DejavuSans => (
            include_bytes!("../../reports/fonts/DejaVuSans.ttf"),
            include_bytes!("../../reports/fonts/DejaVuSans-Bold.ttf"),
        ),
        Family::NotoSans => (
            include_bytes!("../../reports/fonts/NotoSans-Regular.ttf"),
            include_bytes!("../../reports/fonts/NotoSans-Bold.ttf"),
        ),
        Family::NotoSerif => (
            include_bytes!("../../reports/fonts/NotoSerif-Regular.ttf"),
            include_bytes!("../../reports/fonts/NotoSerif-Bold.ttf"),
        ),
    }
}

/// Shown for a character the font cannot draw, so nothing vanishes silently.
pub const FALLBACK: char = '\u{FFFD}';

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One weight of the font with what layout needs from it.
pub struct Face {
    pub bytes: &'static [u8],
    pub parsed: ParsedFont,
    /// Glyph id and advance of every character of the Basic Multilingual
    /// Plane (glyph 0: none). Layout measures a lot of text; a flat table
    /// is an order of magnitude faster than the font's maps.
    bmp: Vec<(u16, u16)>,
    units_per_em: f32,
    ascent: f32,
}

pub struct Fonts {
    pub family: Family,
    regular: Face,
    bold: Face,
}

impl Fonts {
    pub fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// A bundled family, parsed on first use. The files are part of the binary
/// and checked by tests, so failing to parse them is a build defect.
pub fn fonts_of(family: Family) -> &'static Fonts {
    static FONTS: [OnceLock<Fonts>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match family {
        Family::DejavuSans => &FONTS[0],
        Family::NotoSans => &FONTS[1],
        Family::NotoSerif => &FONTS[2],
    };
    slot.get_or_init(|| {
        let (regular, bold) = files(family);
        Fonts {
            family,
            regular: Face::parse(regular),
            bold: Face::parse(bold),
        }
    })
}

impl Face {
    #[expect(
        clippy::panic,
        reason = "the font is bundled and checked by a test: a bad one is a build defect"
    )]
    fn parse(bytes: &'static [u8]) -> Face {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings)
            .unwrap_or_else(|| panic!("the bundled font does not parse"));
        let units_per_em = f32::from(parsed.units_per_em.max(1));
        let ascent = f32::from(parsed.font_metrics.ascent) / units_per_em;
        let mut bmp = vec![(0u16, 0u16); 0x10000];
        for (&codepoint, &glyph) in &parsed.codepoint_to_glyph {
            if let Some(slot) = bmp.get_mut(codepoint as usize) {
                *slot = (glyph, parsed.glyph_widths.get(&glyph).copied().unwrap_or(0));
            }
        }
        Face {
            bytes,
            parsed,
            bmp,
            units_per_em,
            ascent,
        }
    }

    /// Glyph id and advance of a character the font has.
    fn metrics(&self, c: char) -> Option<(u16, u16)> {
        match self.bmp.get(c as usize) {
            Some(&(0, _)) => None,
            Some(&m) => Some(m),
            None => {
                let glyph = self.parsed.lookup_glyph_index(c as u32)?;
                Some((glyph, self.parsed.get_glyph_width(glyph).unwrap_or(0)))
            }
        }
    }

    pub fn has(&self, c: char) -> bool {
        self.metrics(c).is_some()
    }

    /// The glyph id of a character, if the font has it.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.metrics(c).map(|(glyph, _)| glyph)
    }

    /// Width of `text` at `size`, in the same unit as `size`; characters the
    /// font lacks count as the fallback glyph they will be printed as.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        let fallback = self.metrics(FALLBACK).map_or(0, |(_, advance)| advance);
        let units: u32 = self
            .printable(text)
            .chars()
            .map(|c| u32::from(self.metrics(c).map_or(fallback, |(_, advance)| advance)))
            .sum();
        units as f32 / self.units_per_em * size
    }

    /// Height above the baseline of the tallest letters, at `size`.
    pub fn ascent(&self, size: f32) -> f32 {
        self.ascent * size
    }

    /// `text` with every character the font cannot draw replaced: by its
    /// plain-text stand-in where it has one ("−" by "-", "→" by "->"), else by
    /// the fallback glyph; control characters by spaces.
    pub fn printable(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                c if c.is_control() => out.push(' '),
                c if self.has(c) => out.push(c),
                c => match stand_in(c) {
                    Some(plain) => out.push_str(plain),
                    None => out.push(FALLBACK),
                },
            }
        }
        out
    }
}

/// What a typographic character is written as in plain text, for fonts
/// without it (Noto has no mathematical operators or arrows).
fn stand_in(c: char) -> Option<&'static str> {
    Some(match c {
        '−' => "-",
        '→' => "->",
        '≥' => ">=",
        '≤' => "<=",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_measures_and_replaces_what_it_cannot_draw() {
        for family in Family::ALL {
            let fonts = fonts_of(family);
            let face = fonts.face(Weight::Regular);
            assert!(
                face.has('€') && face.has('“') && face.has('…') && face.has(FALLBACK),
                "{family:?}"
            );
            assert_eq!(face.printable("Grüße – 5 € “ok”…"), "Grüße – 5 € “ok”…");
            assert_eq!(face.printable("客户\tA"), format!("{FALLBACK}{FALLBACK} A"));
            let narrow = face.width("iiii", 10.0);
            let wide = face.width("WWWW", 10.0);
            assert!(narrow > 0.0 && wide > 2.0 * narrow, "{narrow} {wide}");
            assert!(fonts.face(Weight::Bold).width("Area", 10.0) > face.width("Area", 10.0));
        }
        // Noto has no mathematical operators or arrows: they print as their
        // plain-text stand-ins there, and as themselves in DejaVu.
        let dejavu = fonts_of(Family::DejavuSans).face(Weight::Regular);
        let noto = fonts_of(Family::NotoSans).face(Weight::Regular);
        assert!(dejavu.has('≥') && !noto.has('≥') && !noto.has('−'));
        assert_eq!(
            noto.printable("≥ 3 → −2 ✓"),
            format!(">= 3 -> -2 {FALLBACK}")
        );
        assert_eq!(dejavu.printable("≥ 3 → −2"), "≥ 3 → −2");
        assert_eq!(noto.width("−2", 10.0), noto.width("-2", 10.0));
    }
}
