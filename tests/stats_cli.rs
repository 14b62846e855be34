//! `cmas stats alpha|concordance|icc|adjust` on CSV files of the reference
//! data (`tests/fixtures/stats/`: scipy 1.17 and pingouin 0.7), run as the
//! real binary: the JSON agrees with the references (1e-9 absolute, p-values
//! 1e-6 relative) and carries the study's field names; undefined input is a
//! non-zero exit with one line that says why.

use serde_json::Value;

#[path = "support/reference.rs"]
mod reference;
use reference::{cases, floats, matrix};
use std::path::{Path, PathBuf};
use std::process::Command;

fn transposed(rows: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let columns = rows.first().map_or(0, Vec::len);
    (0..columns)
        .map(|j| rows.iter().filter_map(|r| r.get(j).copied()).collect())
        .collect()
}

/// A CSV file with a header `prefix1,prefix2,…` and the rows.
fn csv(dir: &Path, name: &str, prefix: &str, rows: &[Vec<f64>]) -> PathBuf {
    let columns = rows.first().map_or(0, Vec::len);
    let header: Vec<String> = (1..=columns).map(|j| format!("{prefix}{j}")).collect();
    let mut text = header.join(",") + "\n";
    for row in rows {
        let cells: Vec<String> = row.iter().map(|v| format!("{v:?}")).collect();
        text += &(cells.join(",") + "\n");
    }
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// Runs `cmas stats …`: (success, stdout, stderr).
fn stats(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cmas"))
        .arg("stats")
        .args(args)
        .output()
        .expect("cmas runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

/// The one JSON value a `--json` run prints.
fn json(args: &[&str]) -> Value {
    let (ok, out, err) = stats(args);
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1, "one line: {out}");
    serde_json::from_str(out.trim()).expect("JSON")
}

#[track_caller]
fn close(actual: &Value, expected: f64, what: &str) {
    let actual = actual.as_f64().unwrap_or(f64::NAN);
    assert!(
        (actual - expected).abs() <= 1e-9,
        "{what}: {actual} vs {expected}"
    );
}

#[track_caller]
fn close_p(actual: &Value, expected: f64, what: &str) {
    let actual = actual.as_f64().unwrap_or(f64::NAN);
    assert!(
        (actual - expected).abs() <= 1e-6 * expected.abs() || actual == expected,
        "{what}: p {actual:e} vs {expected:e}"
    );
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn alpha_agrees_with_pingouin_with_feldts_interval() {
    let dir = tempfile::tempdir().expect("dir");
    for (i, case) in cases("extra.json", "alpha").iter().enumerate() {
        let rows = matrix(&case["items"]);
        let file = csv(dir.path(), &format!("alpha{i}.csv"), "q", &rows);
        let result = json(&["alpha", "--csv", path(&file), "--json"]);
        assert_eq!(
            keys(&result),
            ["alpha", "ci_high", "ci_low", "items", "subjects"]
        );
        close(
            &result["alpha"],
            case["alpha"].as_f64().expect("alpha"),
            "alpha",
        );
        let ci = floats(&case["ci95"]);
        close(
            &result["ci_low"],
            ci.first().copied().unwrap_or_default(),
            "ci_low",
        );
        close(
            &result["ci_high"],
            ci.get(1).copied().unwrap_or_default(),
            "ci_high",
        );
        assert_eq!(result["subjects"], rows.len());
    }
    for (i, case) in cases("reference.json", "cronbach_alpha").iter().enumerate() {
        let file = csv(
            dir.path(),
            &format!("ref{i}.csv"),
            "item",
            &matrix(&case["items"]),
        );
        let result = json(&["alpha", "--csv", path(&file), "--json"]);
        close(
            &result["alpha"],
            case["alpha"].as_f64().expect("alpha"),
            "alpha",
        );
    }
    let (ok, out, _) = stats(&["alpha", "--csv", path(&dir.path().join("alpha0.csv"))]);
    assert!(ok && out.starts_with("Cronbach's alpha = 0."), "{out}");
}

#[test]
fn concordance_agrees_with_scipy_with_raters_in_columns() {
    let dir = tempfile::tempdir().expect("dir");
    for (i, case) in cases("reference.json", "kendall_w").iter().enumerate() {
        // The reference holds raters × subjects; the file has a column per rater.
        let rows = transposed(&matrix(&case["ratings"]));
        let file = csv(dir.path(), &format!("w{i}.csv"), "rater", &rows);
        let result = json(&["concordance", "--csv", path(&file), "--json"]);
        assert_eq!(
            keys(&result),
            ["chi2", "p_value", "raters", "subjects", "w"]
        );
        close(&result["w"], case["kendall_w"].as_f64().expect("W"), "W");
        close(
            &result["chi2"],
            case["chi2"].as_f64().expect("chi2"),
            "chi2",
        );
        close_p(
            &result["p_value"],
            case["p_value"].as_f64().expect("p"),
            "p",
        );
        assert_eq!(result["subjects"], rows.len());
    }
}

#[test]
fn the_six_intraclass_correlations_agree_with_pingouin() {
    let dir = tempfile::tempdir().expect("dir");
    for (i, case) in cases("extra.json", "icc").iter().enumerate() {
        let rows = matrix(&case["ratings"]);
        let file = csv(dir.path(), &format!("icc{i}.csv"), "rater", &rows);
        let result = json(&["icc", "--csv", path(&file), "--json"]);
        assert_eq!(keys(&result), ["forms", "raters", "subjects"]);
        let forms = result["forms"].as_array().expect("forms");
        assert_eq!(forms.len(), 6);
        for form in forms {
            let name = form["form"].as_str().expect("a form");
            let expected = &case["forms"][name];
            close(&form["icc"], expected["icc"].as_f64().expect("icc"), name);
            let ci = floats(&expected["ci95"]);
            close(
                &form["ci_low"],
                ci.first().copied().unwrap_or_default(),
                name,
            );
            close(
                &form["ci_high"],
                ci.get(1).copied().unwrap_or_default(),
                name,
            );
        }
    }
}

#[test]
fn adjusted_p_values_agree_with_pingouin() {
    let dir = tempfile::tempdir().expect("dir");
    for (i, case) in cases("extra.json", "adjust").iter().enumerate() {
        let p = floats(&case["p"]);
        let rows: Vec<Vec<f64>> = p.iter().map(|v| vec![*v]).collect();
        let file = csv(dir.path(), &format!("p{i}.csv"), "p", &rows);
        for (method, field) in [("holm", "p_holm"), ("bh", "p_bh")] {
            let args = [
                "adjust",
                "--csv",
                path(&file),
                "--column",
                "p1",
                "--method",
                method,
                "--json",
            ];
            let result = json(&args);
            let expected = floats(&case[method]);
            let rows = result.as_array().expect("a row per p-value");
            assert_eq!(rows.len(), expected.len());
            for (row, want) in rows.iter().zip(expected) {
                let mut names = vec!["p_value", field];
                names.sort_unstable();
                assert_eq!(keys(row), names);
                close(&row[field], want, field);
            }
        }
    }
}

#[test]
fn undefined_input_is_one_line_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().expect("dir");
    let write = |name: &str, text: &str| {
        let file = dir.path().join(name);
        std::fs::write(&file, text).expect("write");
        file
    };
    let constant = write("constant.csv", "q1,q2,q3\n1,4,2\n2,4,3\n3,4,5\n4,4,4\n");
    let one_rater = write("one.csv", "ann\n1\n2\n3\n");
    let two = write("two.csv", "ann,bob\n1,2\n2,1\n");
    let word = write("word.csv", "ann,bob\n1,2\n2,x\n3,3\n");
    let ragged = write("ragged.csv", "ann,bob\n1,2\n2\n3,3\n");
    let probability = write("p.csv", "p\n0.01\n1.2\n");
    for (args, says) in [
        (
            vec!["alpha", "--csv", path(&constant)],
            "item `q2` has the same value for every respondent",
        ),
        (
            vec!["concordance", "--csv", path(&one_rater)],
            "Kendall's W needs at least 2 raters; the table has 1",
        ),
        (
            vec!["icc", "--csv", path(&two)],
            "needs at least 3 subjects; the table has 2",
        ),
        (
            vec!["icc", "--csv", path(&word)],
            "word.csv:3:2: `x` in column `bob` is not a number",
        ),
        (vec!["alpha", "--csv", path(&ragged)], "ragged.csv:3"),
        (
            vec![
                "adjust",
                "--csv",
                path(&probability),
                "--column",
                "p",
                "--method",
                "bh",
            ],
            "1.2 is not a p-value",
        ),
        (
            vec!["alpha", "--csv", "/nonexistent/file.csv"],
            "cannot read /nonexistent/file.csv",
        ),
    ] {
        let (ok, out, err) = stats(&args);
        assert!(!ok, "{args:?} succeeded: {out}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}
