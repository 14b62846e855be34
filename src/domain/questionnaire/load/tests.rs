use super::*;

const VALID: &str = r#"
id = "tiny"
version = "1.0.0"
title = "Tiny"

[scale]
min = 0
max = 10
intention = "a plan"
reality = "in use"
intention_weight = 0.5

[[areas]]
id = "A"
name = "Area A"
weight = 1.0

[[areas.sub_areas]]
id = "A.1"
name = "Sub A.1"
weight = 2

[[areas.sub_areas.questions]]
id = "A.1.1"
practice = "Something observable"
weight = 1.0

[areas.sub_areas.questions.guidance]
low = "none"
middle = "some"
high = "all"
"#;

fn problems(source: &str) -> Vec<String> {
    match load("q.toml", source) {
        Ok(_) => Vec::new(),
        Err(e) => e.to_string().lines().map(str::to_owned).collect(),
    }
}

#[test]
fn a_valid_file_loads_with_its_structure() {
    let q = load("q.toml", VALID).expect("valid");
    assert_eq!(q.id, "tiny");
    assert_eq!(q.areas[0].sub_areas[0].weight, 2.0);
    assert_eq!(
        q.question("A.1.1").map(|q| q.guidance.high.as_str()),
        Some("all")
    );
}

#[test]
fn an_unknown_key_is_named_with_its_line_and_column() {
    let source = VALID.replace("practice = ", "practise = \"typo\"\npractice = ");
    let errors = problems(&source);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("q.toml:25:1: unknown key `practise` in question A.1.1"),
        "{errors:?}"
    );
}

#[test]
fn a_duplicate_id_points_at_the_second_use_and_names_the_first() {
    let source = VALID.replace("id = \"A.1.1\"", "id = \"A.1\"");
    let errors = problems(&source);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("q.toml:24:6: duplicate id `A.1` (first used at line 19, column 6)"),
        "{errors:?}"
    );
}

#[test]
fn weights_must_be_positive() {
    let source = VALID
        .replace("weight = 2", "weight = 0")
        .replace("weight = 1.0\n\n[areas.sub", "weight = -1.5\n\n[areas.sub");
    let errors = problems(&source);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].contains("the weight of sub-area A.1 must be greater than 0, found 0"),
        "{errors:?}"
    );
    assert!(
        errors[1].contains("the weight of question A.1.1 must be greater than 0, found -1.5"),
        "{errors:?}"
    );
}

#[test]
fn missing_or_empty_guidance_is_reported() {
    let source = VALID
        .replace("middle = \"some\"\n", "")
        .replace("high = \"all\"", "high = \"  \"");
    let errors = problems(&source);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].contains("q.toml:28:1: missing `middle` in the guidance of question A.1.1"),
        "{errors:?}"
    );
    assert!(
        errors[1]
            .contains("q.toml:30:8: `high` in the guidance of question A.1.1 must not be empty"),
        "{errors:?}"
    );
}

#[test]
fn an_area_without_sub_areas_is_refused() {
    let source = format!("{VALID}\n[[areas]]\nid = \"B\"\nname = \"Empty\"\nweight = 1\n");
    let errors = problems(&source);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("missing `sub_areas` in area B"),
        "{errors:?}"
    );
}

#[test]
fn every_problem_is_reported_in_one_pass() {
    let source = VALID
        .replace("version = \"1.0.0\"", "version = \"one\"")
        .replace("max = 10", "max = 0")
        .replace("name = \"Area A\"", "name = 3");
    let errors = problems(&source);
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors[0].contains("version `one` is not a semantic version"));
    assert!(errors[1].contains("the scale maximum must be above the minimum"));
    assert!(errors[2].contains("`name` in area A must be a string, found integer"));
}

#[test]
fn broken_toml_names_the_place() {
    let errors = problems("id = \"x\"\nversion = [\n");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("q.toml:3:1: invalid TOML"),
        "{errors:?}"
    );
}

#[test]
fn the_content_hash_ignores_comments_and_layout() {
    let a = load("a", VALID).expect("valid");
    let b = load(
        "b",
        &format!(
            "# a comment\n{}",
            VALID.replace("weight = 2", "weight   =   2.0")
        ),
    )
    .expect("valid");
    assert_eq!(a.content_hash(), b.content_hash());
    let c = load("c", &VALID.replace("\"none\"", "\"nothing\"")).expect("valid");
    assert_ne!(a.content_hash(), c.content_hash());
}

#[test]
fn intention_and_reality_count_equally_unless_the_file_says_otherwise() {
    let q = load("q.toml", &VALID.replace("intention_weight = 0.5\n", "")).expect("valid");
    assert_eq!(q.scale.intention_weight, 0.5);
    let errors = problems(&VALID.replace("intention_weight = 0.5", "intention_weight = 1.5"));
    assert_eq!(
        errors,
        ["q.toml:11:20: intention_weight must be between 0 and 1, found 1.5"]
    );
}

/// A valid questionnaire of `areas` × `subs` × `questions` (with every
/// question's guidance), as an author would write it.
fn generated(areas: usize, subs: usize, questions: usize) -> String {
    let mut out = String::from(
        "id = \"big\"\nversion = \"1.0.0\"\ntitle = \"Big\"\n[scale]\nmin = 0\nmax = 10\nintention = \"i\"\nreality = \"r\"\n",
    );
    for a in 0..areas {
        out += &format!("[[areas]]\nid = \"A{a}\"\nname = \"Area {a}\"\nweight = 1.0\n");
        for s in 0..subs {
            out += &format!(
                "[[areas.sub_areas]]\nid = \"A{a}.{s}\"\nname = \"Sub {s}\"\nweight = 1.0\n"
            );
            for q in 0..questions {
                out += &format!(
                    "[[areas.sub_areas.questions]]\nid = \"A{a}.{s}.{q}\"\npractice = \"P\"\nweight = 1.0\n\
                     [areas.sub_areas.questions.guidance]\nlow = \"l\"\nmiddle = \"m\"\nhigh = \"h\"\n"
                );
            }
        }
    }
    out
}

#[test]
fn a_questionnaire_may_ask_up_to_the_limit_of_questions() {
    // 8 × 25 × 5 = 1,000 questions: the limit itself loads.
    let q = load("q.toml", &generated(8, 25, 5)).expect("at the limit");
    assert_eq!(q.question_count(), MAX_QUESTIONS);
}

#[test]
fn more_questions_than_the_limit_are_refused_once_naming_it() {
    let errors = problems(&generated(8, 25, 6));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("at most 1000 questions"),
        "{}",
        errors[0]
    );
}

#[test]
fn too_many_areas_or_sub_areas_are_refused_naming_the_limit() {
    let errors = problems(&generated(31, 1, 1));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].ends_with("the questionnaire has 31 areas; at most 30 are allowed"),
        "{}",
        errors[0]
    );
    let errors = problems(&generated(1, 31, 1));
    assert!(
        errors[0].contains("area A0 has 31 sub_areas; at most 30 are allowed"),
        "{errors:?}"
    );
}

#[test]
fn a_file_over_the_byte_limit_is_refused_before_it_is_parsed() {
    let source = format!("{VALID}\n# {}\n", "x".repeat(MAX_BYTES));
    let errors = problems(&source);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("q.toml:1:1: a questionnaire file may have at most 1048576 bytes"),
        "{}",
        errors[0]
    );
}

#[test]
fn positions_late_in_a_long_file_count_lines_and_characters() {
    // Problems at the end of a long file are placed by the line index: their
    // line, and their column in characters (not bytes) after "éé".
    let mut source = generated(2, 10, 10);
    source += "[[areas]]\nid = \"Z\"\nname = \"z\"\nweight = 1.0\n[[areas.sub_areas]]\nid = \"Z.1\"\nname = \"z\"\nweight = 1.0\n\
               [[areas.sub_areas.questions]]\nid = \"A0.0.0\"\npractice = \"p\"\nweight = 1.0\n\
               guidance = { low = \"éé\", xtra = \"x\", middle = \"m\", high = \"h\" }\n";
    let last = source.lines().count();
    let errors = problems(&source);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with(&format!("q.toml:{}:6: duplicate id `A0.0.0`", last - 3)),
        "{errors:?}"
    );
    assert!(
        errors[1].starts_with(&format!("q.toml:{last}:26: unknown key `xtra`")),
        "{errors:?}"
    );
}
