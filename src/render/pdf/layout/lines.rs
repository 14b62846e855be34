//! Text measured with a bundled face: wrapped into lines, or shortened to fit.

use crate::render::font::Face;

/// Breaks `text` into lines no wider than `width`; a word longer than a line
/// is broken between characters. Line breaks in the text are kept.
pub fn wrap(text: &str, size: f32, face: &Face, width: f32) -> Vec<String> {
    let space = face.width(" ", size);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let (mut line, mut line_width) = (String::new(), 0.0);
        for word in paragraph.split_whitespace() {
            let word_width = face.width(word, size);
            let needed = if line.is_empty() {
                word_width
            } else {
                line_width + space + word_width
            };
            if needed <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width = needed;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line is broken between characters.
            line_width = 0.0;
            for c in word.chars() {
                let c_width = face.width(c.encode_utf8(&mut [0; 4]), size);
                if line_width + c_width > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += c_width;
            }
        }
        lines.push(line);
    }
    lines
}

/// `text` shortened with "…" to fit `width`.
pub fn fit(text: &str, size: f32, face: &Face, width: f32) -> String {
    if face.width(text, size) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if face.width(&format!("{out}…"), size) > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::font::{fonts_of, Weight};

    #[test]
    fn wrapping_keeps_every_line_inside_the_width() {
        let text = "word ".repeat(400) + &"x".repeat(300);
        let face = fonts_of(Default::default()).face(Weight::Regular);
        let lines = wrap(&text, 9.0, face, 200.0);
        assert!(lines.len() > 20);
        assert!(
            lines.iter().all(|l| face.width(l, 9.0) <= 200.0),
            "a line is too wide"
        );
        assert_eq!(lines.concat().matches('x').count(), 300, "nothing is lost");
    }

    #[test]
    fn fitting_shortens_with_an_ellipsis() {
        let face = fonts_of(Default::default()).face(Weight::Regular);
        assert_eq!(fit("short", 9.0, face, 100.0), "short");
        let long = fit(&"Customer Management Activity ".repeat(5), 9.0, face, 100.0);
        assert!(
            long.ends_with('…') && face.width(&long, 9.0) <= 100.0,
            "{long}"
        );
    }
}
