//! `cmas questionnaire check FILE`: a questionnaire (with every translation
//! beside it and, when it replaces an earlier version, its practice map), or
//! one translation, checked with each problem's file, line and column.

use crate::domain::questionnaire;
use std::path::PathBuf;

pub fn check(file: &std::path::Path) -> anyhow::Result<()> {
    let read = |path: &std::path::Path| {
        std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", path.display()))
    };
    let source = read(file)?;
    let refused = |errors: questionnaire::LoadErrors| {
        eprintln!("{errors}");
        anyhow::anyhow!("{}: {} problem(s)", errors.file, errors.problems.len())
    };
    // A translation (`name.de.toml`) is checked against the questionnaire
    // beside it; a questionnaire, then every translation beside it.
    let translation = translation_language(file);
    let english = match &translation {
        Some((_, base)) => base.clone(),
        None => file.to_path_buf(),
    };
    let english_source = if translation.is_some() {
        read(&english)?
    } else {
        source
    };
    let q =
        questionnaire::load(&english.display().to_string(), &english_source).map_err(refused)?;
    crate::say!(
        "{}: ok: {} {} with {} areas and {} questions (content hash {})",
        english.display(),
        q.id,
        q.version,
        q.areas.len(),
        q.question_count(),
        q.content_hash()
    );
    if translation.is_none() {
        if let Some(replaces) = &q.replaces {
            check_map(file, &english_source, &q, replaces, &refused)?;
        }
    }
    let translations: Vec<PathBuf> = match translation {
        Some(_) => vec![file.to_path_buf()],
        None => beside(file),
    };
    for path in translations {
        let t = questionnaire::check_translation(&q, &path.display().to_string(), &read(&path)?)
            .map_err(refused)?;
        crate::say!(
            "{}: ok: {} translation of every area, sub-area and question",
            path.display(),
            t.language
        );
    }
    Ok(())
}

/// Checks the practice map of `q` against the version it replaces, found
/// among the questionnaires beside it; each problem with the line of its
/// `[[map]]` table.
fn check_map(
    file: &std::path::Path,
    source: &str,
    q: &questionnaire::Questionnaire,
    replaces: &str,
    refused: &dyn Fn(questionnaire::LoadErrors) -> anyhow::Error,
) -> anyhow::Result<()> {
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let earlier = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "toml")
                && translation_language(p).is_none()
                && p != file
        })
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            questionnaire::load(&p.display().to_string(), &text).ok()
        })
        .find(|other| other.id == q.id && other.version == replaces)
        .ok_or_else(|| {
            anyhow::anyhow!(
                "{}: replaces {} {replaces}, which is not among the questionnaires beside it",
                file.display(),
                q.id
            )
        })?;
    // The line of each `[[map]]` table, to place its problems.
    let starts: Vec<usize> = source
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[map]]"))
        .map(|(i, _)| i + 1)
        .collect();
    match questionnaire::map::check(&earlier, q) {
        Ok(pairs) => {
            crate::say!(
                "{}: ok: the practice map from {} holds ({} practices compared, {} tables)",
                file.display(),
                replaces,
                pairs.len(),
                q.map.len()
            );
            Ok(())
        }
        Err(problems) => Err(refused(questionnaire::LoadErrors::sorted(
            &file.display().to_string(),
            problems
                .into_iter()
                .map(|p| questionnaire::Problem {
                    line: p
                        .entry
                        .and_then(|i| starts.get(i).copied())
                        .or_else(|| line_of_id(source, p.practice.as_deref()?))
                        .unwrap_or(1),
                    column: 1,
                    message: p.message,
                })
                .collect(),
        ))),
    }
}

/// The line where a practice's `id = "…"` stands, if the source has it.
fn line_of_id(source: &str, id: &str) -> Option<usize> {
    let wanted = format!("id = \"{id}\"");
    source
        .lines()
        .position(|l| l.trim() == wanted)
        .map(|i| i + 1)
}

/// For `name.xx.toml`, the language and `name.toml` beside it.
fn translation_language(file: &std::path::Path) -> Option<(String, PathBuf)> {
    let stem = file.file_stem()?.to_str()?;
    let (base, language) = stem.rsplit_once('.')?;
    let two_letters = language.len() == 2 && language.chars().all(|c| c.is_ascii_lowercase());
    two_letters.then(|| {
        (
            language.to_owned(),
            file.with_file_name(format!("{base}.toml")),
        )
    })
}

/// The translations beside a questionnaire: `name.xx.toml`.
fn beside(file: &std::path::Path) -> Vec<PathBuf> {
    let (Some(dir), Some(stem)) = (file.parent(), file.file_stem().and_then(|s| s.to_str())) else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        std::path::Path::new(".")
    } else {
        dir
    };
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    translation_language(p).is_some_and(|(_, base)| {
                        base.file_stem().and_then(|s| s.to_str()) == Some(stem)
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}
