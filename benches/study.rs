//! The portfolio study's core at scale: 10,000 clients × 9 score columns ×
//! 12 KPIs, Spearman ρ with p, 95% CI and Holm over the 108 cells; and
//! Kendall's τ-b of one pair of those columns (10,000 clients, many ties).
//! Run: `cargo bench --bench study`; the scipy side: `python3 benches/study_scipy.py`.

use cmas::stats::{correlate, correlation_matrix, holm, Method};
use criterion::{criterion_group, criterion_main, Criterion};

const CLIENTS: usize = 10_000;

/// The same data as `study_scipy.py`: a fixed linear congruential generator.
fn columns(count: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut state = seed;
    let mut uniform = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let shared: Vec<f64> = (0..CLIENTS).map(|_| uniform()).collect();
    (0..count)
        .map(|_| {
            shared
                .iter()
                .map(|s| (s * 60.0 + uniform() * 40.0).round())
                .collect()
        })
        .collect()
}

fn benchmarks(c: &mut Criterion) {
    let scores = columns(9, 1);
    let kpis = columns(12, 2);
    let rows: Vec<&[f64]> = scores.iter().map(Vec::as_slice).collect();
    let cols: Vec<&[f64]> = kpis.iter().map(Vec::as_slice).collect();
    c.bench_function(
        "study: 10,000 clients × 9 scores × 12 KPIs, Spearman + CI + Holm",
        |b| {
            b.iter(|| {
                let cells =
                    correlation_matrix(&rows, &cols, Method::Spearman, 0.95).unwrap_or_default();
                let p: Vec<f64> = cells
                    .iter()
                    .filter_map(|c| c.as_ref().ok().map(|c| c.p_value))
                    .collect();
                holm(&p)
            })
        },
    );
    let (Some(x), Some(y)) = (scores.first(), kpis.first()) else {
        return;
    };
    c.bench_function("Kendall τ-b + p + CI: 10,000 clients, many ties", |b| {
        b.iter(|| correlate(x, y, Method::Kendall, 0.95))
    });
}

criterion_group!(benches, benchmarks);
criterion_main!(benches);
