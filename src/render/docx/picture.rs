//! Pictures for Word: the SVG charts rasterised at print resolution with
//! the bundled fonts (never the host's), and the logo as PNG.

use super::DocxError;
use crate::domain::branding::{Family, LogoKind};
use crate::render::chart::pdf::UNITS_PER_PT;
use crate::render::figures::Figure;
use crate::render::font::{fonts_of, Weight};
use crate::report::Logo;
use resvg::{tiny_skia, usvg};
use std::sync::{Arc, OnceLock};

/// Print resolution, in pixels per inch at the size the chart is printed.
const DPI: f32 = 150.0;

/// The fonts a chart may name: the family's bundled files and nothing else,
/// with the generic families pointing at it. Built once per family.
fn fonts(family: Family) -> Arc<usvg::fontdb::Database> {
    static DATABASES: [OnceLock<Arc<usvg::fontdb::Database>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match family {
        Family::DejavuSans => &DATABASES[0],
        Family::NotoSans => &DATABASES[1],
        Family::NotoSerif => &DATABASES[2],
    };
    slot.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for weight in [Weight::Regular, Weight::Bold] {
            db.load_font_data(fonts_of(family).face(weight).bytes.to_vec());
        }
        db.set_sans_serif_family(family.name());
        db.set_serif_family(family.name());
        Arc::new(db)
    })
    .clone()
}

/// The chart as PNG at print resolution for a width of `printed` points,
/// and its size in pixels.
pub fn rasterise(
    figure: &Figure,
    family: Family,
    printed: f32,
) -> Result<(Vec<u8>, (u32, u32)), DocxError> {
    let failed = |e: &dyn std::fmt::Display| DocxError::Chart(e.to_string());
    let options = usvg::Options {
        fontdb: fonts(family),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&figure.svg, &options).map_err(|e| failed(&e))?;
    let pixels_per_point = DPI / 72.0 * (printed / figure.size.0).min(1.0);
    let (w, h) = (
        (figure.size.0 * pixels_per_point).ceil() as u32,
        (figure.size.1 * pixels_per_point).ceil() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or_else(|| failed(&"a chart of no size"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let scale = pixels_per_point / UNITS_PER_PT;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok((
        opaque_png(pixmap.data(), (w, h)).map_err(|e| failed(&e))?,
        (w, h),
    ))
}

/// An opaque picture (the charts are drawn on white) as an RGB PNG, quickly
/// compressed: the document is zipped again anyway, and tiny-skia's own
/// encoder keeps the alpha channel and compresses for size, which took most
/// of a Word scorecard's time.
fn opaque_png(rgba: &[u8], (w, h): (u32, u32)) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = rgba
        .chunks_exact(4)
        .flat_map(|pixel| pixel.iter().take(3).copied())
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    encoder.set_filter(png::FilterType::Sub);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

/// The logo as PNG, which is what Word pictures here are: a JPEG is decoded
/// and written again.
pub fn logo_png(logo: &Logo) -> Result<Vec<u8>, DocxError> {
    match logo.shape.kind {
        LogoKind::Png => Ok(logo.bytes.to_vec()),
        LogoKind::Jpeg => {
            let failed = |e: &dyn std::fmt::Display| DocxError::Chart(format!("the logo: {e}"));
            let image = image::load_from_memory_with_format(&logo.bytes, image::ImageFormat::Jpeg)
                .map_err(|e| failed(&e))?;
            let mut out = std::io::Cursor::new(Vec::new());
            image
                .write_to(&mut out, image::ImageFormat::Png)
                .map_err(|e| failed(&e))?;
            Ok(out.into_inner())
        }
    }
}
