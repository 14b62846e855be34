//! Business performance for the demo portfolio: eight KPIs and three expert
//! panels for 2025, made from the clients' latest scores so the portfolio
//! study finds realistic relationships: People, Measurement and Customer
//! Management Activity strongly tied to performance, Information &
//! Technology not at all, and noise everywhere.

use crate::db::performance::{Kpi, KpiValue, Panel};
use crate::db::AnyConnection;
use crate::domain::performance::{ranks_from_ratings, Direction, KpiKind};
use crate::domain::scoring::Results;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

pub const PERIOD: &str = "2025";

/// How much each area drives performance (IT: nothing).
const DRIVERS: &[(&str, f64)] = &[
    ("PO", 0.35),
    ("ME", 0.3),
    ("CMA", 0.3),
    ("AP", 0.1),
    ("PR", 0.05),
    ("PM", 0.05),
    ("CX", 0.1),
    ("IT", 0.0),
];

/// Name, unit, direction, kind, typical value, spread, and how closely it follows performance.
const KPIS: &[(&str, &str, Direction, KpiKind, f64, f64, f64)] = &[
    (
        "Revenue growth",
        "%",
        Direction::Higher,
        KpiKind::Financial,
        4.0,
        3.0,
        0.65,
    ),
    (
        "EBIT margin",
        "%",
        Direction::Higher,
        KpiKind::Financial,
        11.0,
        4.0,
        0.55,
    ),
    (
        "Return on capital employed",
        "%",
        Direction::Higher,
        KpiKind::Financial,
        9.0,
        3.5,
        0.45,
    ),
    (
        "Cost to serve",
        "€ per customer",
        Direction::Lower,
        KpiKind::Financial,
        85.0,
        20.0,
        0.4,
    ),
    (
        "Customer retention",
        "%",
        Direction::Higher,
        KpiKind::Behaviour,
        82.0,
        6.0,
        0.75,
    ),
    (
        "Share of wallet",
        "%",
        Direction::Higher,
        KpiKind::Behaviour,
        28.0,
        8.0,
        0.6,
    ),
    (
        "Complaints",
        "per 1,000 customers",
        Direction::Lower,
        KpiKind::Behaviour,
        12.0,
        4.0,
        0.5,
    ),
    (
        "Net Promoter Score",
        "points",
        Direction::Higher,
        KpiKind::Behaviour,
        18.0,
        15.0,
        0.6,
    ),
];

const PANELS: &[&str] = &["Industry analysts", "Investor panel", "Customer advocates"];

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let (u, v): (f64, f64) = (rng.gen_range(f64::EPSILON..1.0), rng.gen_range(0.0..1.0));
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}

/// Standardises to mean 0 and standard deviation 1.
fn standardise(values: &[f64]) -> Vec<f64> {
    let n = values.len().max(1) as f64;
    let mean = values.iter().sum::<f64>() / n;
    let sd = (values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n)
        .sqrt()
        .max(1e-9);
    values.iter().map(|v| (v - mean) / sd).collect()
}

pub fn load(
    conn: &mut AnyConnection,
    organisation_id: i32,
    latest: &[(i32, Results)],
    rng: &mut ChaCha8Rng,
) -> anyhow::Result<()> {
    // Performance: the weighted, standardised area scores plus what scores do not capture.
    let area = |r: &Results, id: &str| {
        r.areas
            .iter()
            .find(|a| a.rollup.id == id)
            .and_then(|a| a.rollup.percent)
            .map_or(0.0, |p| p.combined.get())
    };
    let mut drive = vec![0.0; latest.len()];
    for (id, weight) in DRIVERS {
        let z = standardise(&latest.iter().map(|(_, r)| area(r, id)).collect::<Vec<_>>());
        for (d, z) in drive.iter_mut().zip(z) {
            *d += weight * z;
        }
    }
    let performance: Vec<f64> = standardise(&drive)
        .into_iter()
        .map(|d| d + 0.55 * normal(rng))
        .collect();
    let performance = standardise(&performance);

    for (name, unit, direction, kind, typical, spread, follows) in KPIS {
        let kpi = Kpi::create(conn, organisation_id, name, unit, *direction, *kind)?;
        let sign = if *direction == Direction::Lower {
            -1.0
        } else {
            1.0
        };
        let values: Vec<KpiValue> = latest
            .iter()
            .zip(&performance)
            .map(|((client_id, _), p)| {
                let z = follows * p + (1.0 - follows * follows).sqrt() * normal(rng);
                KpiValue {
                    kpi_id: kpi.id,
                    client_id: *client_id,
                    period: PERIOD.into(),
                    value: ((typical + sign * spread * z) * 10.0).round() / 10.0,
                }
            })
            .collect();
        KpiValue::set_all(conn, organisation_id, &values)?;
    }
    for name in PANELS {
        let panel = Panel::create(conn, organisation_id, name, PERIOD)?;
        let ratings: Vec<f64> = performance.iter().map(|p| p + 0.45 * normal(rng)).collect();
        let ranks: Vec<(i32, f64)> = latest
            .iter()
            .map(|(c, _)| *c)
            .zip(ranks_from_ratings(&ratings))
            .collect();
        Panel::set_ranks(conn, &panel, &ranks)?;
    }
    Ok(())
}
