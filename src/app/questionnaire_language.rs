//! A questionnaire's text in the language of a report: the bundled
//! translations (`questionnaires/*.de.toml`, `*.fr.toml`) apply to the text
//! they were made from, checked by its content hash; any other
//! questionnaire (an organisation's own) keeps its own wording.

use crate::domain::i18n::Language;
use crate::domain::questionnaire::{check_translation, Questionnaire};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// The translations shipped beside the bundled questionnaires.
pub const BUNDLED_TRANSLATIONS: &[(Language, &str, &str)] = &[
    (
        Language::De,
        "questionnaires/customer-management.de.toml",
        include_str!("../../questionnaires/customer-management.de.toml"),
    ),
    (
        Language::Fr,
        "questionnaires/customer-management.fr.toml",
        include_str!("../../questionnaires/customer-management.fr.toml"),
    ),
    (
        Language::De,
        "questionnaires/customer-management-1.1.0.de.toml",
        include_str!("../../questionnaires/customer-management-1.1.0.de.toml"),
    ),
    (
        Language::Fr,
        "questionnaires/customer-management-1.1.0.fr.toml",
        include_str!("../../questionnaires/customer-management-1.1.0.fr.toml"),
    ),
];

/// Translated questionnaires by id, version and language; `None` where no
/// bundled translation fits. A stored version never changes, so each is
/// checked once.
type Kept = HashMap<(String, String, Language), Option<Arc<Questionnaire>>>;

/// `questionnaire` in `language`, or as it is when no translation fits.
pub fn in_language(questionnaire: Arc<Questionnaire>, language: Language) -> Arc<Questionnaire> {
    if language == Language::En {
        return questionnaire;
    }
    static KEPT: OnceLock<Mutex<Kept>> = OnceLock::new();
    let key = (
        questionnaire.id.clone(),
        questionnaire.version.clone(),
        language,
    );
    let kept = KEPT.get_or_init(Mutex::default);
    if let Some(found) = kept
        .lock()
        .map(|k| k.get(&key).cloned())
        .unwrap_or_default()
    {
        return found.unwrap_or(questionnaire);
    }
    let translated = BUNDLED_TRANSLATIONS
        .iter()
        .filter(|(l, _, _)| *l == language)
        .find_map(|(_, file, source)| check_translation(&questionnaire, file, source).ok())
        .map(|t| Arc::new(t.apply(&questionnaire)));
    if let Ok(mut k) = kept.lock() {
        k.insert(key, translated.clone());
    }
    translated.unwrap_or(questionnaire)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_questionnaire_reads_in_german_and_french_and_another_keeps_its_words() {
        let english = Arc::new(
            crate::app::bootstrap::bundled()
                .expect("bundled")
                .into_iter()
                .next()
                .expect("one"),
        );
        let first = |q: &Questionnaire| q.areas.first().map(|a| a.name.clone());
        let german = in_language(english.clone(), Language::De);
        let french = in_language(english.clone(), Language::Fr);
        assert_ne!(first(&german), first(&english));
        assert_ne!(first(&french), first(&english));
        assert_ne!(first(&french), first(&german));
        assert_eq!(german.questions().count(), english.questions().count());
        let mut other = (*english).clone();
        other.id = "our-own".into();
        let other = Arc::new(other);
        assert!(Arc::ptr_eq(
            &in_language(other.clone(), Language::De),
            &other
        ));
    }
}
