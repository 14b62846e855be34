//! How the consultancy's reports look: its colours, font, logo, cover page,
//! footer line and confidentiality marking. Every report in every format is
//! laid out with one; without settings of its own an organisation gets
//! cmas's look.

use crate::domain::branding::{Colour, Family, LogoShape};
use std::sync::Arc;

/// An organisation's report branding, as the renderers use it.
#[derive(Debug, Clone, PartialEq)]
pub struct Branding {
    /// Headings, the headline score and the client's series in charts.
    pub primary: Colour,
    /// The top-quartile benchmark and other highlights.
    pub accent: Colour,
    pub family: Family,
    /// A cover page before the report.
    pub cover: bool,
    /// The consultancy's line in every page's footer; blank for none.
    pub footer: String,
    /// e.g. "Confidential — prepared for {client}"; blank for none.
    pub confidentiality: String,
    pub logo: Option<Logo>,
}

/// A logo's bytes (PNG or JPEG, checked) and shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    pub bytes: Arc<[u8]>,
    pub shape: LogoShape,
}

/// cmas's own primary colour: a dark blue (9.0:1 on white).
pub const PRIMARY: Colour = Colour(0x1f, 0x4e, 0x79);
/// cmas's own accent: a dark amber (5.0:1 on white).
pub const ACCENT: Colour = Colour(0x9a, 0x5b, 0x00);

impl Default for Branding {
    fn default() -> Branding {
        Branding {
            primary: PRIMARY,
            accent: ACCENT,
            family: Family::default(),
            cover: false,
            footer: String::new(),
            confidentiality: String::new(),
            logo: None,
        }
    }
}

impl Branding {
    /// The confidentiality marking for a report prepared for `client`, if
    /// the organisation set one.
    pub fn marking(&self, client: &str) -> Option<String> {
        let text = self.confidentiality.trim();
        (!text.is_empty()).then(|| text.replace("{client}", client))
    }

    /// The footer's left part: who made the report (the consultancy's own
    /// line where it set one, else `organisation`), then what it is.
    pub fn footer_line(&self, organisation: &str, report: &str) -> String {
        let by = match self.footer.trim() {
            "" => organisation.trim(),
            own => own,
        };
        if by.is_empty() {
            report.to_owned()
        } else {
            format!("{by} · {report}")
        }
    }

    /// A pale tint of the primary colour for bands behind text.
    pub fn band(&self) -> Colour {
        self.primary.tint(0.92)
    }
}
