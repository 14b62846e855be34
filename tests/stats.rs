//! The statistics against the reference implementations: scipy 1.17 and
//! pingouin 0.7 (`tests/fixtures/stats/`; `make_extra.py` says how extra.json was made).
//! r, α, W, ICC and interval bounds within 1e-9 absolute; p-values within 1e-6 relative.

use cmas::stats::{
    benjamini_hochberg, correlate, critical_r, cronbach_alpha, holm, icc, kendall_w, Method,
    StatsError,
};
#[path = "support/reference.rs"]
mod reference;
use reference::{cases, fixture, floats, matrix};

#[track_caller]
fn close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() <= 1e-9,
        "{what}: {actual} vs {expected}"
    );
}

#[track_caller]
fn close_p(actual: f64, expected: f64, what: &str) {
    let tolerance = 1e-6 * expected.abs();
    assert!(
        (actual - expected).abs() <= tolerance || actual == expected,
        "{what}: p {actual:e} vs {expected:e}"
    );
}

#[test]
fn correlations_match_scipy_in_every_reference_case() {
    let reference = fixture("reference.json");
    let cases = reference["correlation"].as_array().expect("cases");
    assert_eq!(cases.len(), 30);
    for (i, case) in cases.iter().enumerate() {
        let (x, y) = (floats(&case["x"]), floats(&case["y"]));
        for (method, key) in [
            (Method::Pearson, "pearson"),
            (Method::Spearman, "spearman"),
            (Method::Kendall, "kendall"),
        ] {
            let expected = &case[key];
            let got =
                correlate(&x, &y, method, 0.95).unwrap_or_else(|e| panic!("case {i} {key}: {e}"));
            let what = format!("case {i} (n = {}) {key}", x.len());
            close(got.r, expected["r"].as_f64().expect("r"), &what);
            close_p(got.p_value, expected["p_value"].as_f64().expect("p"), &what);
            close(got.r_squared, got.r * got.r, &what);
            assert_eq!(got.n, x.len());
            if let Some(ci) = expected.get("ci95") {
                let ci = floats(ci);
                close(got.ci_low, ci[0], &format!("{what} CI low"));
                close(got.ci_high, ci[1], &format!("{what} CI high"));
            }
        }
    }
}

#[test]
fn cronbach_alpha_matches_pingouin() {
    for case in fixture("reference.json")["cronbach_alpha"]
        .as_array()
        .expect("cases")
    {
        let got = cronbach_alpha(&matrix(&case["items"]), 0.95).expect("alpha");
        close(got.alpha, case["alpha"].as_f64().expect("alpha"), "alpha");
    }
    for case in fixture("extra.json")["alpha"].as_array().expect("cases") {
        let got = cronbach_alpha(&matrix(&case["items"]), 0.95).expect("alpha");
        close(got.alpha, case["alpha"].as_f64().expect("alpha"), "alpha");
        let ci = floats(&case["ci95"]);
        close(got.ci_low, ci[0], "alpha CI low");
        close(got.ci_high, ci[1], "alpha CI high");
    }
}

#[test]
fn kendall_w_matches_scipy_with_ties() {
    for case in fixture("reference.json")["kendall_w"]
        .as_array()
        .expect("cases")
    {
        let got = kendall_w(&matrix(&case["ratings"])).expect("W");
        close(got.w, case["kendall_w"].as_f64().expect("w"), "W");
        close(got.chi2, case["chi2"].as_f64().expect("chi2"), "chi2");
        close_p(got.p_value, case["p_value"].as_f64().expect("p"), "W");
    }
}

#[test]
fn icc_matches_pingouin_in_all_six_forms() {
    for case in fixture("extra.json")["icc"].as_array().expect("cases") {
        let forms = icc(&matrix(&case["ratings"]), 0.95).expect("icc");
        assert_eq!(forms.len(), 6);
        for form in forms {
            let name = serde_json::to_value(form.form).expect("name");
            let expected = &case["forms"][name.as_str().expect("name")];
            close(
                form.icc,
                expected["icc"].as_f64().expect("icc"),
                &format!("{name}"),
            );
            let ci = floats(&expected["ci95"]);
            close(form.ci_low, ci[0], &format!("{name} CI low"));
            close(form.ci_high, ci[1], &format!("{name} CI high"));
        }
    }
}

#[test]
fn holm_and_benjamini_hochberg_match_pingouin() {
    for case in fixture("extra.json")["adjust"].as_array().expect("cases") {
        let p = floats(&case["p"]);
        for (got, expected) in holm(&p).iter().zip(floats(&case["holm"])) {
            close(*got, expected, "holm");
        }
        for (got, expected) in benjamini_hochberg(&p).iter().zip(floats(&case["bh"])) {
            close(*got, expected, "bh");
        }
    }
}

#[test]
fn the_smallest_significant_r_matches_scipy() {
    for case in fixture("extra.json")["critical_r"]
        .as_array()
        .expect("cases")
    {
        let n = case["n"].as_u64().expect("n") as usize;
        close(
            critical_r(n, 0.05).expect("r"),
            case["r"].as_f64().expect("r"),
            &format!("n = {n}"),
        );
    }
    assert!(matches!(
        critical_r(2, 0.05),
        Err(StatsError::TooFew { .. })
    ));
}

#[test]
fn undefined_correlations_are_errors_that_say_why() {
    let error = |x: &[f64], y: &[f64]| {
        correlate(x, y, Method::Spearman, 0.95)
            .expect_err("undefined")
            .to_string()
    };
    assert_eq!(
        error(&[1.0, 2.0], &[1.0, 2.0]),
        "a correlation needs at least 3 values; it has 2"
    );
    assert_eq!(
        error(&[1.0, 2.0, 3.0], &[1.0, 2.0]),
        "x has 3 values and y has 2; they must pair up"
    );
    assert_eq!(
        error(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]),
        "x is constant, so no correlation is defined"
    );
    assert_eq!(
        error(&[1.0, 2.0, 3.0], &[1.0, f64::NAN, 3.0]),
        "y has a value that is not a finite number at position 1"
    );
    assert_eq!(
        error(&[1.0, f64::INFINITY, 3.0], &[1.0, 2.0, 3.0]),
        "x has a value that is not a finite number at position 1"
    );
    assert!(correlate(&[1.0, 2.0, 3.0], &[3.0, 1.0, 2.0], Method::Pearson, 1.5).is_err());
}

#[test]
fn a_perfect_correlation_has_p_zero_and_a_degenerate_interval() {
    let got = correlate(
        &[1.0, 2.0, 3.0, 4.0],
        &[2.0, 4.0, 6.0, 8.0],
        Method::Pearson,
        0.95,
    )
    .expect("r");
    assert_eq!(
        (got.r, got.p_value, got.ci_low, got.ci_high),
        (1.0, 0.0, 1.0, 1.0)
    );
}

#[test]
fn the_correlation_matrix_agrees_with_scipy_cell_by_cell() {
    use cmas::stats::correlation_matrix;
    for case in fixture("reference.json")["correlation"]
        .as_array()
        .expect("cases")
    {
        let (x, y) = (floats(&case["x"]), floats(&case["y"]));
        for (method, key) in [
            (Method::Pearson, "pearson"),
            (Method::Spearman, "spearman"),
            (Method::Kendall, "kendall"),
        ] {
            let cells = correlation_matrix(&[&x, &y], &[&y], method, 0.95).expect("matrix");
            let got = cells[0].as_ref().expect("defined");
            close(got.r, case[key]["r"].as_f64().expect("r"), key);
            close_p(got.p_value, case[key]["p_value"].as_f64().expect("p"), key);
            close(
                cells[1].as_ref().expect("y with itself").r,
                1.0,
                "a variable with itself",
            );
        }
    }
    let constant = [1.0, 1.0, 1.0];
    let cells = correlation_matrix(
        &[&[1.0, 2.0, 3.0], &constant],
        &[&[3.0, 1.0, 2.0]],
        Method::Spearman,
        0.95,
    )
    .expect("matrix");
    assert!(
        cells[0].is_ok() && matches!(cells[1], Err(StatsError::Constant { .. })),
        "one bad variable spoils only its own cells"
    );
    assert!(matches!(
        correlation_matrix(&[&[1.0, 2.0, 3.0]], &[&[1.0, 2.0]], Method::Pearson, 0.95),
        Err(StatsError::UnequalLengths { .. })
    ));
}

/// Spearman's and Kendall's intervals against values computed outside the
/// code (`make_correlation_ci.py`: scipy's coefficients, numpy and scipy's
/// normal quantile on the documented Fisher-z formulas), with and without
/// ties, from n = 8 to 500.
#[test]
fn spearman_and_kendall_intervals_agree_with_the_documented_formulas_computed_outside() {
    let cases = cases("correlation_ci.json", "correlation_ci");
    assert!(cases.len() >= 18);
    for (i, case) in cases.iter().enumerate() {
        let (x, y) = (floats(&case["x"]), floats(&case["y"]));
        for (method, key) in [(Method::Spearman, "spearman"), (Method::Kendall, "kendall")] {
            let got = correlate(&x, &y, method, 0.95).expect("defined");
            let want = &case[key];
            let ci = floats(&want["ci95"]);
            let what = format!("case {i} {key} (n = {})", x.len());
            close(got.r, want["r"].as_f64().expect("r"), &what);
            close(got.ci_low, ci.first().copied().unwrap_or_default(), &what);
            close(got.ci_high, ci.get(1).copied().unwrap_or_default(), &what);
        }
    }
}
