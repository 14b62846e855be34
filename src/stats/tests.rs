use super::*;

#[test]
fn average_ranks_share_ties() {
    assert_eq!(
        average_ranks(&[10.0, 20.0, 20.0, 5.0]),
        [2.0, 3.5, 3.5, 1.0]
    );
    assert_eq!(average_ranks(&[-0.0, 0.0, 1.0]), [1.5, 1.5, 3.0]);
}

#[test]
fn tie_groups_count_only_ties() {
    assert_eq!(tie_groups(&[1.0, 2.0, 2.0, 3.0, 3.0, 3.0]), [2, 3]);
    assert!(tie_groups(&[1.0, 2.0]).is_empty());
}

#[test]
fn spearman_uses_the_wider_fisher_interval() {
    // ρ = 0.6 from n = 13: z = atanh(0.6), se = sqrt(1.06 / 10).
    let x: Vec<f64> = (1..=13).map(f64::from).collect();
    let y = [
        2.0, 1.0, 4.0, 3.0, 7.0, 5.0, 6.0, 13.0, 8.0, 12.0, 9.0, 11.0, 10.0,
    ];
    let c = correlate(&x, &y, Method::Spearman, 0.95).expect("rho");
    let se = (1.06f64 / 10.0).sqrt();
    let z = c.r.atanh();
    assert!((c.ci_low - (z - 1.959963984540054 * se).tanh()).abs() < 1e-12);
    assert!((c.ci_high - (z + 1.959963984540054 * se).tanh()).abs() < 1e-12);
}

#[test]
fn raters_differing_only_by_a_constant_make_the_icc_an_error_not_nan() {
    let rows = vec![vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 6.0]];
    assert!(matches!(icc(&rows, 0.95), Err(StatsError::Invalid(_))));
}

#[test]
fn values_at_the_ends_of_double_precision_are_an_error_not_nan() {
    // Found by schemathesis: the sums of squares overflowed and r was NaN,
    // which the API could not write as JSON.
    let x = [
        8.246642864904932e-76,
        0.039329579519079894,
        0.5,
        4.268813672051995e16,
        5.2949352479073624e16,
        2.857558634901453e16,
        7663056076231684.0,
    ];
    let y = [
        -9016371088168264.0,
        1.64154574276394e172,
        2.225073858507203e-309,
        -2.7963219173838484e16,
        -2.925030216731286e292,
        -1.7976931348623157e308,
        3.1315516299731733e-154,
    ];
    for method in [Method::Pearson, Method::Spearman, Method::Kendall] {
        match correlate(&x, &y, method, 0.95) {
            Ok(c) => assert!(
                c.r.is_finite() && c.p_value.is_finite(),
                "{method:?}: {c:?}"
            ),
            Err(e) => assert!(e.to_string().contains("orders of magnitude"), "{e}"),
        }
    }
    assert!(correlate(&x, &y, Method::Pearson, 0.95).is_err());
}
