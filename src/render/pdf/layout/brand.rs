//! The branding's parts of a page: the logo and the cover page.

use super::{Writer, INK, MARGIN, MUTED};
use crate::render::font::Weight;
use printpdf::{Op, Pt, XObjectTransform};

impl Writer {
    /// Draws the logo with its top-left corner at (`x`, `y`) from the top-left
    /// of the page, `height` points tall and at most `width` wide; the space
    /// it took across, or 0 without a logo.
    pub fn logo(&mut self, x: f32, y: f32, height: f32, width: f32) -> f32 {
        let Some((id, image)) = &self.logo else {
            return 0.0;
        };
        let (w_px, h_px) = (image.width.max(1) as f32, image.height.max(1) as f32);
        let scale = (height / h_px).min(width / w_px);
        let (w, h) = (w_px * scale, h_px * scale);
        self.ops.push(Op::UseXobject {
            id: id.clone(),
            transform: XObjectTransform {
                translate_x: Some(Pt(x)),
                translate_y: Some(Pt(self.flip(y + h))),
                // At this resolution one pixel is `scale` points.
                dpi: Some(72.0 / scale),
                ..XObjectTransform::default()
            },
        });
        w
    }

    /// A cover page, when the branding asks for one: the logo, the kicker,
    /// the title and the details low on the page, then a new page.
    pub fn cover(&mut self, cover: &crate::render::cover::Cover) {
        if !self.wants_cover {
            return;
        }
        let (kicker, title, details) = (&cover.kicker, &cover.title, &cover.details);
        self.logo(MARGIN, MARGIN + 20.0, 56.0, 220.0);
        self.y = self.height() * 0.42;
        self.rect(MARGIN, self.y - 14.0, 60.0, 4.0, self.primary);
        self.paragraph(kicker, 10.0, Weight::Bold, MUTED, 0.0);
        self.space(6.0);
        self.paragraph(title, 28.0, Weight::Bold, self.primary, 0.0);
        self.space(8.0);
        for line in details {
            self.paragraph(line, 11.0, Weight::Regular, INK, 0.0);
        }
        if let Some(marking) = self.marking.clone() {
            self.space(24.0);
            self.paragraph(&marking, 10.0, Weight::Bold, self.primary, 0.0);
        }
        self.new_page();
    }
}
