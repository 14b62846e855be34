//! Checks of a finished PDF that the tests of every renderer share, the
//! unit tests beside each renderer and the API tests alike (hence public):
//! a page's size, and that nothing is drawn off it.

use lopdf::{Document, Object, ObjectId};

/// Width and height of a page, in points.
pub fn media_box(doc: &Document, page: ObjectId) -> Option<(f32, f32)> {
    let dict = doc.get_dictionary(page).ok()?;
    let mb = dict.get(b"MediaBox").and_then(Object::as_array).ok()?;
    Some((mb.get(2)?.as_float().ok()?, mb.get(3)?.as_float().ok()?))
}

fn numbers(operands: &[Object]) -> Vec<f32> {
    operands.iter().filter_map(|o| o.as_float().ok()).collect()
}

/// The first drawing operation of a page, if any, that places text, a line
/// or a rectangle outside `width` × `height`, in words.
pub fn off_page(doc: &Document, page: ObjectId, (width, height): (f32, f32)) -> Option<String> {
    let content = match doc.get_and_decode_page_content(page) {
        Ok(content) => content,
        Err(e) => return Some(format!("the page content does not decode: {e}")),
    };
    content.operations.iter().find_map(|op| {
        let n = numbers(&op.operands);
        let points: Vec<(f32, f32)> = match (op.operator.as_str(), n.as_slice()) {
            ("Tm", &[_, _, _, _, x, y]) => vec![(x, y)],
            ("m" | "l", &[x, y]) => vec![(x, y)],
            ("re", &[x, y, w, h]) => vec![(x, y), (x + w, y + h)],
            _ => vec![],
        };
        points
            .into_iter()
            .find(|(x, y)| !((-0.5..=width + 0.5).contains(x) && (-0.5..=height + 0.5).contains(y)))
            .map(|(x, y)| format!("{} at ({x}, {y}) is off the page", op.operator))
    })
}
