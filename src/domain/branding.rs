//! An organisation's report branding as rules: colours that text can be read
//! in (WCAG AA against white), one of the bundled font families, and a logo
//! that is what its bytes say it is (PNG or JPEG, size-limited).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A colour as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour(pub u8, pub u8, pub u8);

/// The smallest contrast with white that text in a brand colour must have
/// (WCAG 2.1 AA for normal text).
pub const TEXT_CONTRAST: f64 = 4.5;

/// White, the page every report is printed on.
pub const WHITE: Colour = Colour(0xff, 0xff, 0xff);

impl Colour {
    /// Reads `#rrggbb` (the `#` optional, either case).
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| {
            hex.get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        };
        Some(Colour(byte(0)?, byte(2)?, byte(4)?))
    }

    /// Relative luminance, as WCAG defines it.
    fn luminance(self) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The WCAG contrast ratio with `other` (1 to 21).
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// This colour moved `share` (0–1) of the way to white.
    pub fn tint(self, share: f64) -> Colour {
        let s = share.clamp(0.0, 1.0);
        let mix = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * s).round() as u8;
        Colour(mix(self.0), mix(self.1), mix(self.2))
    }

    /// The lightest tint that still has `ratio` against white: a second
    /// shade of a brand colour that a chart can tell apart from it.
    pub fn lightest_with(self, ratio: f64) -> Colour {
        (0..=20)
            .rev()
            .map(|step| self.tint(f64::from(step) / 20.0))
            .find(|c| c.contrast(WHITE) >= ratio)
            .unwrap_or(self)
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The bundled font families a report may be set in (licences in
/// `reports/fonts/`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// DejaVu Sans: wide coverage, the default.
    #[default]
    DejavuSans,
    /// Noto Sans: a neutral humanist sans.
    NotoSans,
    /// Noto Serif: a book serif for long reports.
    NotoSerif,
}

impl Family {
    /// Every family, for the settings page.
    pub const ALL: [Family; 3] = [Family::DejavuSans, Family::NotoSans, Family::NotoSerif];

    /// As the API and the database spell it: `noto-serif`.
    pub fn key(self) -> &'static str {
        match self {
            Family::DejavuSans => "dejavu-sans",
            Family::NotoSans => "noto-sans",
            Family::NotoSerif => "noto-serif",
        }
    }

    /// Its name, as a stylesheet and a word processor know it.
    pub fn name(self) -> &'static str {
        match self {
            Family::DejavuSans => "DejaVu Sans",
            Family::NotoSans => "Noto Sans",
            Family::NotoSerif => "Noto Serif",
        }
    }

    /// The family with this key.
    pub fn from_key(key: &str) -> Option<Family> {
        Family::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Whether it is a serif face (for a stylesheet's generic fallback).
    pub fn is_serif(self) -> bool {
        self == Family::NotoSerif
    }
}

/// What a logo's bytes are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum LogoKind {
    /// Portable Network Graphics.
    Png,
    /// JPEG (JFIF or Exif).
    Jpeg,
}

impl LogoKind {
    /// Its media type.
    pub fn media_type(self) -> &'static str {
        match self {
            LogoKind::Png => "image/png",
            LogoKind::Jpeg => "image/jpeg",
        }
    }

    /// As the database keeps it.
    pub fn key(self) -> &'static str {
        match self {
            LogoKind::Png => "png",
            LogoKind::Jpeg => "jpeg",
        }
    }

    /// The kind kept under `key`.
    pub fn from_key(key: &str) -> Option<LogoKind> {
        [LogoKind::Png, LogoKind::Jpeg]
            .into_iter()
            .find(|k| k.key() == key)
    }
}

/// The largest logo accepted, in bytes.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;
/// The largest logo accepted, in pixels each way.
pub const MAX_LOGO_PIXELS: u32 = 4000;

/// A logo's kind and size in pixels, read from its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogoShape {
    /// PNG or JPEG.
    pub kind: LogoKind,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Why a logo was refused, in words for the admin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LogoProblem {
    /// Over [`MAX_LOGO_BYTES`].
    #[error("the logo is {0} KiB; the largest accepted is 512 KiB")]
    TooBig(usize),
    /// Neither PNG nor JPEG by its first bytes, or cut short.
    #[error("the logo is not a PNG or JPEG image")]
    NotAnImage,
    /// Wider or taller than [`MAX_LOGO_PIXELS`], or empty.
    #[error("the logo is {0} × {1} pixels; it must be between 1 and 4000 each way")]
    BadSize(u32, u32),
}

/// Checks a logo by its bytes: PNG (its header chunk) or JPEG (its frame
/// header), within the size limits.
pub fn check_logo(bytes: &[u8]) -> Result<LogoShape, LogoProblem> {
    if bytes.len() > MAX_LOGO_BYTES {
        return Err(LogoProblem::TooBig(bytes.len().div_ceil(1024)));
    }
    let shape = png_shape(bytes)
        .or_else(|| jpeg_shape(bytes))
        .ok_or(LogoProblem::NotAnImage)?;
    let fits = |v: u32| (1..=MAX_LOGO_PIXELS).contains(&v);
    if fits(shape.width) && fits(shape.height) {
        Ok(shape)
    } else {
        Err(LogoProblem::BadSize(shape.width, shape.height))
    }
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at + 4)?;
    Some(u32::from_be_bytes([
        *b.first()?,
        *b.get(1)?,
        *b.get(2)?,
        *b.get(3)?,
    ]))
}

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at + 2)?;
    Some(u16::from_be_bytes([*b.first()?, *b.get(1)?]))
}

/// The signature, then the IHDR chunk with width and height.
fn png_shape(bytes: &[u8]) -> Option<LogoShape> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if !bytes.starts_with(SIGNATURE) || bytes.get(12..16)? != b"IHDR" {
        return None;
    }
    Some(LogoShape {
        kind: LogoKind::Png,
        width: be32(bytes, 16)?,
        height: be32(bytes, 20)?,
    })
}

/// The start-of-image marker, then segments up to a start-of-frame one.
fn jpeg_shape(bytes: &[u8]) -> Option<LogoShape> {
    if !bytes.starts_with(&[0xff, 0xd8]) {
        return None;
    }
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xff {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        let length = usize::from(be16(bytes, at + 2)?);
        // SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC).
        if (0xc0..=0xcf).contains(&marker) && !matches!(marker, 0xc4 | 0xc8 | 0xcc) {
            return Some(LogoShape {
                kind: LogoKind::Jpeg,
                height: u32::from(be16(bytes, at + 5)?),
                width: u32::from(be16(bytes, at + 7)?),
            });
        }
        at += 2 + length;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_read_and_their_contrast_matches_wcag() {
        assert_eq!(Colour::parse("#1F4E79"), Some(Colour(0x1f, 0x4e, 0x79)));
        assert_eq!(Colour::parse("1f4e79"), Some(Colour(0x1f, 0x4e, 0x79)));
        for bad in ["#1f4e7", "#1f4e79a", "#gg0000", "", "red", "#1f4é79"] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
        assert_eq!(Colour(0x1f, 0x4e, 0x79).to_string(), "#1f4e79");
        // WebAIM's contrast checker: #767676 on white is 4.54:1, black 21:1.
        assert!((Colour(0x76, 0x76, 0x76).contrast(WHITE) - 4.54).abs() < 0.01);
        assert!((Colour(0, 0, 0).contrast(WHITE) - 21.0).abs() < 1e-9);
        let light = Colour(0x1f, 0x4e, 0x79).lightest_with(3.0);
        assert!(light != Colour(0x1f, 0x4e, 0x79) && light.contrast(WHITE) >= 3.0);
        assert!(
            light.tint(0.05).contrast(WHITE) < 3.0,
            "the lightest that passes"
        );
    }

    #[test]
    fn logos_are_what_their_bytes_say() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 1, 44, 0, 0, 0, 80, 8, 6, 0, 0, 0]);
        assert_eq!(
            check_logo(&png),
            Ok(LogoShape {
                kind: LogoKind::Png,
                width: 300,
                height: 80
            })
        );
        // SOI, an APP0 segment of 16 bytes, then SOF0: height 60, width 200.
        let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe0, 0, 16];
        jpeg.extend_from_slice(&[0; 14]);
        jpeg.extend_from_slice(&[0xff, 0xc0, 0, 17, 8, 0, 60, 0, 200, 3]);
        assert_eq!(
            check_logo(&jpeg).map(|s| (s.kind, s.width, s.height)),
            Ok((LogoKind::Jpeg, 200, 60))
        );
        assert_eq!(check_logo(b"GIF89a...."), Err(LogoProblem::NotAnImage));
        assert_eq!(check_logo(&png[..18]), Err(LogoProblem::NotAnImage));
        assert_eq!(check_logo(&jpeg[..9]), Err(LogoProblem::NotAnImage));
        assert_eq!(
            check_logo(&vec![0; MAX_LOGO_BYTES + 1]),
            Err(LogoProblem::TooBig(513))
        );
        let mut huge = png.clone();
        huge[16..20].copy_from_slice(&5000u32.to_be_bytes());
        assert_eq!(check_logo(&huge), Err(LogoProblem::BadSize(5000, 80)));
    }
}
