use super::*;
use crate::domain::questionnaire::load;

const ENGLISH: &str = include_str!("../../../../questionnaires/customer-management.toml");
const BUNDLED: [(&str, &str); 2] = [
    (
        "de",
        include_str!("../../../../questionnaires/customer-management.de.toml"),
    ),
    (
        "fr",
        include_str!("../../../../questionnaires/customer-management.fr.toml"),
    ),
];

fn english() -> Questionnaire {
    load("customer-management.toml", ENGLISH).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_bundled_translations_cover_every_id_of_the_english_they_translate() {
    let q = english();
    for (language, source) in BUNDLED {
        let t = check_translation(&q, language, source).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.language, language);
        let translated = t.apply(&q);
        // The same questionnaire to score: ids, weights and scale untouched.
        assert_eq!(translated.question_count(), q.question_count());
        for (a, b) in translated.questions().zip(q.questions()) {
            assert_eq!((&a.id, a.weight), (&b.id, b.weight));
            assert_ne!(
                a.practice, b.practice,
                "{language} {} is still English",
                a.id
            );
            assert_ne!(a.guidance.high, b.guidance.high, "{language} {}", a.id);
        }
        for (a, b) in translated.areas.iter().zip(&q.areas) {
            assert_ne!(a.name, b.name, "{language} {}", a.id);
        }
    }
}

const MINI: &str = r#"
id = "mini"
version = "1.0.0"
title = "Mini"
description = "Two questions."

[scale]
min = 0
max = 10
intention = "Plan"
reality = "Practice"

[[areas]]
id = "AP"
name = "Analysis"
weight = 1.0

[[areas.sub_areas]]
id = "AP.1"
name = "Understanding"
weight = 1.0

[[areas.sub_areas.questions]]
id = "AP.1.1"
practice = "Plans name the {segment} they serve."
weight = 1.0

[areas.sub_areas.questions.guidance]
low = "None."
middle = "Some."
high = "All."

[[areas.sub_areas.questions]]
id = "AP.1.2"
practice = "Behaviour is analysed."
weight = 1.0

[areas.sub_areas.questions.guidance]
low = "None."
middle = "Some."
high = "All."
"#;

fn german(q: &Questionnaire, questions: &str) -> String {
    format!(
        r#"questionnaire = "mini"
version = "1.0.0"
language = "de"
content_hash = "{}"
title = "Mini"
description = "Zwei Fragen."

[scale]
intention = "Absicht"
reality = "Umsetzung"

[areas.AP]
name = "Analyse"

[sub_areas."AP.1"]
name = "Verständnis"
{questions}"#,
        q.content_hash()
    )
}

const BOTH: &str = r#"
[questions."AP.1.1"]
practice = "Pläne nennen das {segment}, dem sie dienen."
low = "Keine."
middle = "Einige."
high = "Alle."

[questions."AP.1.2"]
practice = "Verhalten wird analysiert."
low = "Keine."
middle = "Einige."
high = "Alle."
"#;

#[test]
fn a_complete_translation_applies_and_every_flaw_is_placed() {
    let q = load("mini.toml", MINI).unwrap_or_else(|e| panic!("{e}"));
    let good =
        check_translation(&q, "mini.de.toml", &german(&q, BOTH)).unwrap_or_else(|e| panic!("{e}"));
    let de = good.apply(&q);
    assert_eq!(de.areas[0].name, "Analyse");
    assert_eq!(
        de.areas[0].sub_areas[0].questions[1].guidance.middle,
        "Einige."
    );

    // One question missing, one stray, a placeholder translated, a key too many.
    let flawed = german(
        &q,
        r#"
[questions."AP.1.1"]
practice = "Pläne nennen das {Segment}, dem sie dienen."
low = "Keine."
middle = "Einige."
high = "Alle."
colour = "rot"

[questions."AP.9.9"]
practice = "?"
low = "?"
middle = "?"
high = "?"
"#,
    );
    let errors = check_translation(&q, "mini.de.toml", &flawed)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    for expected in [
        "mini.de.toml:1:1: no translation of AP.1.2 in questions",
        "mini.de.toml:19:12: the practice of question AP.1.1 must keep the placeholders of the English: {\"{segment}\"}",
        "mini.de.toml:23:10: question AP.1.1 has no `colour`",
        "`AP.9.9` in questions is no id of the questionnaire",
    ] {
        assert!(errors.contains(expected), "`{expected}` in:\n{errors}");
    }

    // The English changed under the translation: its hash says so.
    let stale = german(&q, BOTH).replace(&q.content_hash(), "0123");
    let errors = check_translation(&q, "mini.de.toml", &stale)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        errors.starts_with("mini.de.toml:4:16: translates another text than mini 1.0.0"),
        "{errors}"
    );
    let english = german(&q, BOTH).replace("language = \"de\"", "language = \"EN\"");
    assert!(check_translation(&q, "x", &english).is_err());
    assert!(check_translation(&q, "x", "title = ").is_err());
}
