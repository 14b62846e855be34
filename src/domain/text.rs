//! What text may hold. No text holds a NUL character (PostgreSQL stores
//! none, and it ends strings elsewhere). A one-line text (a name, a label)
//! also holds no line break and none of the invisible characters that make
//! one name look like another: bidirectional overrides and isolates (which
//! reorder what is shown), zero-width spaces and joiners. It is kept in
//! Unicode's composed form (NFC), so two names that look alike compare alike.

use unicode_normalization::UnicodeNormalization;

/// Why a text is refused, in words that name the character.
pub fn refusal(text: &str, one_line: bool) -> Option<String> {
    if text.contains('\0') {
        return Some("contains a NUL character".to_owned());
    }
    if !one_line {
        return None;
    }
    text.chars().find_map(|c| {
        let name = match c {
            '\n' | '\r' => "a line break",
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => "a bidirectional control",
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => "a zero-width character",
            '\u{0001}'..='\u{001f}' | '\u{007f}' => "a control character",
            _ => return None,
        };
        Some(format!("contains {name} (U+{:04X})", u32::from(c)))
    })
}

/// A one-line text as kept: trimmed, in composed form.
pub fn composed(text: &str) -> String {
    text.trim().nfc().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_refuse_what_hides_or_reorders_and_compose_what_looks_alike() {
        assert!(refusal("Nul\u{0}Panel", false).is_some_and(|r| r.contains("NUL")));
        for hidden in [
            "Bank\u{202e}knaB",
            "Zero\u{200b}Width",
            "Join\u{200d}er",
            "Two\nlines",
        ] {
            assert!(refusal(hidden, true).is_some(), "{hidden:?}");
        }
        // Prose may break lines; right-to-left text itself is fine in a name.
        assert_eq!(refusal("a\nb", false), None);
        assert_eq!(refusal("بنك الشمال", true), None);
        assert_eq!(refusal("Crème Brûlée", true), None);
        // "é" typed as e and a combining accent is the same name as "é".
        assert_eq!(composed(" Cafe\u{301} "), "Café");
    }
}
