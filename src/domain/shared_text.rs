//! One shared copy of each text that many kept records repeat (a sector,
//! an area id), so that 10,000 records hold a pointer each, not a copy.

use std::collections::HashMap;
use std::sync::Arc;

/// Hands out one shared copy of each text it is given.
#[derive(Debug, Default)]
pub struct SharedText(HashMap<String, Arc<str>>);

impl SharedText {
    /// The shared copy of `text`.
    pub fn share(&mut self, text: String) -> Arc<str> {
        if let Some(shared) = self.0.get(&text) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(text.as_str());
        self.0.insert(text, shared.clone());
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_is_one_copy() {
        let mut shared = SharedText::default();
        let (a, b, c) = (
            shared.share("Retail".into()),
            shared.share("Retail".into()),
            shared.share("Insurance".into()),
        );
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!((&*a, &*c), ("Retail", "Insurance"));
    }
}
