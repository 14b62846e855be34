//! QR codes as SVG: the enrolment address of a second factor, drawn here
//! so that the secret it holds never goes to a third-party image service.

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// `text` as a QR code in SVG, at least 200 pixels square, with its quiet zone.
pub fn svg(text: &str) -> anyhow::Result<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| anyhow::anyhow!("cannot draw a QR code: {e}"))?;
    Ok(code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_address_becomes_a_square_svg() {
        let drawn = super::svg("otpauth://totp/cmas:ada?secret=JBSWY3DPEHPK3PXP").expect("svg");
        assert!(drawn.contains("<svg") && drawn.contains("</svg>"));
        assert!(
            !drawn.contains("JBSWY3DPEHPK3PXP"),
            "the secret is drawn, not written"
        );
    }
}
