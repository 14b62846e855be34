//! The organisation's portfolio for benchmarks: its final assessments, and
//! the stored summary of the latest one per client and scope. Loading it for
//! 10,000 clients takes longer than a scorecard may, so each instance keeps
//! the last one per organisation and checks with one cheap query that no
//! assessment was finalised since. No instance serves a stale portfolio.

use crate::db::assessments::{Assessment, FinalEntry, ScopeKey};
use crate::db::summaries::{self, OVERALL};
use crate::db::AnyConnection;
use diesel::QueryResult;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// Combined % overall and per area (by area id) of one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Combined {
    pub overall: f64,
    pub areas: BTreeMap<String, f64>,
}

/// Area weights from the study (see `study::area_weights`) and how many
/// clients they rest on.
pub type Weights = Option<(HashMap<String, f64>, usize)>;

/// How long a portfolio's area weights are used before they are worked out
/// again: they also rest on KPI and panel data, which change without a
/// finalisation, and reading that data takes longer than a scorecard may.
const WEIGHTS_FOR: Duration = Duration::from_secs(60);

/// An organisation's final assessments as of one moment.
#[derive(Debug, Default)]
pub struct Portfolio {
    /// Newest first.
    pub finals: Vec<FinalEntry>,
    /// The latest final per client and scope, by assessment id.
    pub latest: HashMap<i32, Combined>,
    weights: Mutex<Option<(Instant, Weights)>>,
    reliability: Mutex<Option<super::study::ReliabilityParts>>,
}

impl Portfolio {
    /// The study's reliability and assessor agreement, worked out once: they
    /// rest on the latest final answers, which this portfolio fixes.
    pub fn reliability(
        &self,
        compute: impl FnOnce() -> QueryResult<super::study::ReliabilityParts>,
    ) -> QueryResult<super::study::ReliabilityParts> {
        let mut kept = self.reliability.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(parts) = kept.as_ref() {
            return Ok(parts.clone());
        }
        let parts = compute()?;
        *kept = Some(parts.clone());
        Ok(parts)
    }

    /// The area weights for scorecard priorities, worked out at most once a minute.
    pub fn area_weights(
        &self,
        conn: &mut AnyConnection,
        organisation_id: i32,
    ) -> QueryResult<Weights> {
        let mut kept = self.weights.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((at, weights)) = kept.as_ref() {
            if at.elapsed() < WEIGHTS_FOR {
                return Ok(weights.clone());
            }
        }
        let weights = super::study::area_weights(conn, organisation_id, self)?;
        *kept = Some((Instant::now(), weights.clone()));
        Ok(weights)
    }

    fn load(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<Portfolio> {
        let finals = Assessment::finals(conn, organisation_id)?;
        let mut newest: BTreeMap<(i32, &ScopeKey), i32> = BTreeMap::new();
        for entry in &finals {
            newest
                .entry((entry.client_id, &entry.scope))
                .or_insert(entry.id);
        }
        let ids: Vec<i32> = newest.into_values().collect();
        let latest = summaries::load(conn, &ids)?
            .into_iter()
            .map(|(id, summary)| {
                let overall = summary.get(OVERALL).map_or(0.0, |d| d.combined);
                let areas = summary
                    .into_iter()
                    .filter(|(node, _)| node != OVERALL)
                    .map(|(node, d)| (node, d.combined))
                    .collect();
                (id, Combined { overall, areas })
            })
            .collect();
        Ok(Portfolio {
            finals,
            latest,
            weights: Mutex::default(),
            reliability: Mutex::default(),
        })
    }
}

type Version = (i64, Option<chrono::NaiveDateTime>);

/// Each organisation's last loaded portfolio, with the version it was loaded at.
#[derive(Debug, Default)]
pub struct PortfolioCache {
    entries: RwLock<HashMap<i32, (Version, Arc<Portfolio>)>>,
    /// One load at a time: requests arriving together wait for it rather
    /// than each loading its own copy (64 at once took 470 MiB).
    loading: Mutex<()>,
}

impl PortfolioCache {
    /// The organisation's portfolio now: the kept one if nothing was finalised since.
    pub fn get(
        &self,
        conn: &mut AnyConnection,
        organisation_id: i32,
    ) -> QueryResult<Arc<Portfolio>> {
        let version = Assessment::finals_version(conn, organisation_id)?;
        if let Some(kept) = self.kept(organisation_id, version) {
            return Ok(kept);
        }
        let _turn = self.loading.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(kept) = self.kept(organisation_id, version) {
            return Ok(kept);
        }
        let portfolio = Arc::new(Portfolio::load(conn, organisation_id)?);
        self.entries
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(organisation_id, (version, portfolio.clone()));
        Ok(portfolio)
    }

    fn kept(&self, organisation_id: i32, version: Version) -> Option<Arc<Portfolio>> {
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        let (kept, portfolio) = entries.get(&organisation_id)?;
        (*kept == version).then(|| portfolio.clone())
    }
}
