//! PDF output: pages are written with placeholder font handles, then the
//! bundled font is subset to the glyphs the document uses and embedded.

pub mod check;
mod comparison;
mod layout;
mod programme;
mod scorecard;
mod study;

pub use comparison::comparison;
pub use layout::{fit, paper_size, wrap, Laid, Paper, Writer};
pub use programme::programme;
pub use scorecard::scorecard;
pub use study::study;

use crate::domain::branding::Family;
use crate::render::font::{fonts_of, Weight};
use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use printpdf::{
    FontId, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, TextItem,
};
use std::collections::{BTreeMap, BTreeSet};

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("cannot subset the bundled font: {0}")]
    Font(String),
    #[error("drawing a chart failed: {0}")]
    Chart(String),
}

const PLACEHOLDER_REGULAR: &str = "cmas-regular";
const PLACEHOLDER_BOLD: &str = "cmas-bold";

/// The handle pages use for a weight until the real font is embedded.
pub fn font_handle(weight: Weight) -> PdfFontHandle {
    PdfFontHandle::External(FontId(
        match weight {
            Weight::Regular => PLACEHOLDER_REGULAR,
            Weight::Bold => PLACEHOLDER_BOLD,
        }
        .to_owned(),
    ))
}

fn weight_of(handle: &PdfFontHandle) -> Option<Weight> {
    match handle {
        PdfFontHandle::External(FontId(id)) if id == PLACEHOLDER_REGULAR => Some(Weight::Regular),
        PdfFontHandle::External(FontId(id)) if id == PLACEHOLDER_BOLD => Some(Weight::Bold),
        _ => None,
    }
}

/// Document information written into the PDF, and the family it is set in.
pub struct Info {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub created: chrono::DateTime<chrono::Utc>,
    pub family: Family,
}

/// Assembles the pages into a PDF with the fonts embedded as subsets and
/// the images the pages draw.
pub fn finish(laid: Laid, info: &Info) -> Result<Vec<u8>, PdfError> {
    let Laid { pages, images } = laid;
    let mut doc = PdfDocument::new(&info.title);
    let meta = &mut doc.metadata.info;
    meta.author = info.author.clone();
    meta.subject = info.subject.clone();
    meta.creator = "cmas".into();
    meta.producer = "cmas (printpdf)".into();
    let created = printpdf::OffsetDateTime::from_unix_timestamp(info.created.timestamp())
        .map_err(|e| PdfError::Font(e.to_owned()))?;
    meta.creation_date = created;
    meta.modification_date = created;

    for (id, image) in images {
        doc.resources
            .xobjects
            .map
            .insert(id, printpdf::XObject::Image(image));
    }
    let used = used_characters(&pages);
    let mut ids: BTreeMap<Weight, FontId> = BTreeMap::new();
    for (weight, chars) in &used {
        let font = subset_font(info.family, *weight, chars)?;
        ids.insert(*weight, doc.add_font(&font));
    }
    let pages = pages
        .into_iter()
        .map(|mut page| {
            for op in &mut page.ops {
                if let Op::SetFont { font, .. } = op {
                    if let Some(id) = weight_of(font).and_then(|w| ids.get(&w)) {
                        *font = PdfFontHandle::External(id.clone());
                    }
                }
            }
            page
        })
        .collect();
    doc.with_pages(pages);
    let mut warnings = Vec::new();
    let options = PdfSaveOptions {
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let mut pdf = printpdf::serialize::to_lopdf_doc(&doc, &options, &mut warnings);
    compress(&mut pdf);
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|e| PdfError::Font(format!("cannot write the PDF: {e}")))?;
    Ok(bytes)
}

/// Deflates every uncompressed stream at a fast level: printpdf's own
/// optimisation uses the slowest level, which took most of a scorecard's time
/// for a few percent of size.
fn compress(pdf: &mut lopdf::Document) {
    use flate2::{write::ZlibEncoder, Compression};
    use std::io::Write;
    for object in pdf.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            if stream.dict.has(b"Filter") || !stream.allows_compression {
                continue;
            }
            let mut encoder = ZlibEncoder::new(Vec::new(), Compression::fast());
            if encoder.write_all(&stream.content).is_ok() {
                if let Ok(compressed) = encoder.finish() {
                    if compressed.len() < stream.content.len() {
                        stream.dict.set("Filter", "FlateDecode");
                        stream.set_content(compressed);
                    }
                }
            }
        }
    }
}

/// The characters each weight shows anywhere in the document.
fn used_characters(pages: &[PdfPage]) -> BTreeMap<Weight, BTreeSet<char>> {
    let mut used: BTreeMap<Weight, BTreeSet<char>> = BTreeMap::new();
    let mut current = None;
    for op in pages.iter().flat_map(|p| &p.ops) {
        match op {
            Op::SetFont { font, .. } => current = weight_of(font),
            Op::ShowText { items } => {
                if let Some(weight) = current {
                    let set = used.entry(weight).or_default();
                    for item in items {
                        if let TextItem::Text(text) = item {
                            set.extend(text.chars());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    used
}

/// The bundled font cut down to `chars` (and the fallback glyph).
fn subset_font(
    family: Family,
    weight: Weight,
    chars: &BTreeSet<char>,
) -> Result<ParsedFont, PdfError> {
    let face = fonts_of(family).face(weight);
    let mut glyphs: BTreeSet<u16> = chars
        .iter()
        .filter_map(|c| face.parsed.lookup_glyph_index(*c as u32))
        .collect();
    glyphs.remove(&0);
    let glyphs: Vec<u16> = std::iter::once(0).chain(glyphs).collect();
    let file = ReadScope::new(face.bytes)
        .read::<FontData<'_>>()
        .map_err(|e| PdfError::Font(e.to_string()))?;
    let provider = file
        .table_provider(0)
        .map_err(|e| PdfError::Font(e.to_string()))?;
    let bytes = subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| PdfError::Font(e.to_string()))?;
    let mut warnings = Vec::new();
    let mut font = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| PdfError::Font("the subset does not parse".into()))?;
    // The six-letter tag marks an embedded subset, as the PDF specification asks.
    let name = family.name().replace(' ', "");
    font.font_name = Some(match weight {
        Weight::Regular => format!("CMASAA+{name}"),
        Weight::Bold => format!("CMASAB+{name}-Bold"),
    });
    Ok(font)
}
