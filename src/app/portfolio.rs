//! The organisation's portfolio for benchmarks: its final assessments, and
//! the stored summary of the latest one per client and scope. Loading it for
//! 10,000 clients takes longer than a scorecard may, so each instance keeps
//! the last one per organisation. The organisation's portfolio version,
//! bumped in the transaction that finalises an assessment, tells in one
//! primary-key read whether it is still current: no instance serves a stale
//! portfolio, and a new one is loaded incrementally from the last.

use crate::db::assessments::{Assessment, FinalEntry, ScopeKey};
use crate::db::organisations::{DataVersions, Organisation};
use crate::db::result_summaries;
use crate::db::AnyConnection;
use crate::domain::scoring::OVERALL;
use crate::domain::shared_text::SharedText;
use crate::report::study::Agreement;
use crate::report::AreaScores;
use diesel::QueryResult;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, RwLock};

/// Combined % overall and per area (by area id) of one assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Combined {
    /// The overall combined %; 0 when nothing was scored.
    pub overall: f64,
    /// Each area's combined %, by area id; an area with no score is absent.
    pub areas: AreaScores,
}

/// Area weights from the study (see `study::area_weights`) and how many
/// clients they rest on.
pub type Weights = Option<(HashMap<String, f64>, usize)>;

/// What the study needs of one final assessment, kept with the portfolio
/// because final answers never change: the combined % of each question of
/// its questionnaire, in questionnaire order (NaN where unanswered), and its
/// assessors' agreement. The items are `f32`: 10,000 assessments of a few
/// hundred questions are the largest thing an instance keeps, and a
/// combined % needs no more than its seven digits for Cronbach's α.
#[derive(Debug)]
pub struct ItemScores {
    /// The stored questionnaire version the items follow.
    pub questionnaire_id: i32,
    /// Each question's combined %, in questionnaire order; NaN where unanswered.
    pub items: Vec<f32>,
    /// How far its assessors agreed over the questions.
    pub agreement: Agreement,
}

/// An organisation's final assessments as of one portfolio version.
#[derive(Debug, Default)]
pub struct Portfolio {
    /// Newest first.
    pub finals: Vec<FinalEntry>,
    /// The latest final per client and scope, by assessment id.
    pub latest: HashMap<i32, Arc<Combined>>,
    /// The area weights and the performance version they were worked out at.
    weights: Mutex<Option<(i64, Weights)>>,
    /// The study's per-assessment inputs, by assessment id: final answers
    /// never change, so they carry over to the next portfolio.
    item_scores: Mutex<HashMap<i32, Arc<ItemScores>>>,
}

impl Portfolio {
    /// The latest final of each client and scope, newest first.
    pub fn latest_entries(&self) -> impl Iterator<Item = (&FinalEntry, &Combined)> + Clone + '_ {
        self.finals
            .iter()
            .filter_map(|e| self.latest.get(&e.id).map(|c| (e, c.as_ref())))
    }

    /// The portfolio's companies: each client's latest whole-company final.
    pub fn companies(&self) -> impl Iterator<Item = (&FinalEntry, &Combined)> + '_ {
        self.latest_entries()
            .filter(|(e, _)| e.scope == (None, None, None))
    }

    /// The item scores of these assessments, in their order; `compute`
    /// works out those not kept yet (given their ids).
    pub fn item_scores<E>(
        &self,
        ids: &[i32],
        compute: impl FnOnce(&[i32]) -> Result<Vec<(i32, ItemScores)>, E>,
    ) -> Result<Vec<Arc<ItemScores>>, E> {
        let mut kept = self.item_scores.lock().unwrap_or_else(|p| p.into_inner());
        let missing: Vec<i32> = ids
            .iter()
            .copied()
            .filter(|id| !kept.contains_key(id))
            .collect();
        if !missing.is_empty() {
            for (id, scores) in compute(&missing)? {
                kept.insert(id, Arc::new(scores));
            }
        }
        Ok(ids.iter().filter_map(|id| kept.get(id).cloned()).collect())
    }

    /// The area weights as of `performance_version`: `compute` works them
    /// out again only when the performance data changed.
    pub fn area_weights<E>(
        &self,
        performance_version: i64,
        compute: impl FnOnce(&Portfolio) -> Result<Weights, E>,
    ) -> Result<Weights, E> {
        let mut kept = self.weights.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((version, weights)) = kept.as_ref() {
            if *version == performance_version {
                return Ok(weights.clone());
            }
        }
        let weights = compute(self)?;
        *kept = Some((performance_version, weights.clone()));
        Ok(weights)
    }

    /// Reads the portfolio, taking what `previous` already holds (summaries
    /// and item scores of assessments that are still the latest).
    fn load(
        conn: &mut AnyConnection,
        organisation_id: i32,
        previous: Option<&Portfolio>,
    ) -> QueryResult<Portfolio> {
        let finals = Assessment::finals(conn, organisation_id)?;
        let mut newest: BTreeMap<(i32, &ScopeKey), i32> = BTreeMap::new();
        for entry in &finals {
            newest
                .entry((entry.client_id, &entry.scope))
                .or_insert(entry.id);
        }
        let mut latest: HashMap<i32, Arc<Combined>> = HashMap::with_capacity(newest.len());
        let mut unknown: Vec<i32> = Vec::new();
        for id in newest.into_values() {
            match previous.and_then(|p| p.latest.get(&id)) {
                Some(kept) => {
                    latest.insert(id, kept.clone());
                }
                None => unknown.push(id),
            }
        }
        let mut area_ids = SharedText::default();
        for (id, summary) in result_summaries::load(conn, &unknown)? {
            let overall = summary.get(OVERALL).map_or(0.0, |d| d.combined.get());
            let areas = AreaScores::new(
                summary
                    .into_iter()
                    .filter(|(node, _)| node != OVERALL)
                    .map(|(node, d)| (area_ids.share(node), d.combined.get())),
            );
            latest.insert(id, Arc::new(Combined { overall, areas }));
        }
        let item_scores = previous
            .map(|p| {
                let kept = p.item_scores.lock().unwrap_or_else(|e| e.into_inner());
                kept.iter()
                    .filter(|(id, _)| latest.contains_key(id))
                    .map(|(id, s)| (*id, s.clone()))
                    .collect()
            })
            .unwrap_or_default();
        Ok(Portfolio {
            finals,
            latest,
            weights: Mutex::default(),
            item_scores: Mutex::new(item_scores),
        })
    }
}

/// Each organisation's last loaded portfolio, with the version it was loaded at.
#[derive(Debug, Default)]
pub struct PortfolioCache {
    entries: RwLock<HashMap<i32, (i64, Arc<Portfolio>)>>,
    /// One load at a time: requests arriving together wait for it rather
    /// than each loading its own copy (64 at once took 470 MiB).
    loading: Mutex<()>,
}

impl PortfolioCache {
    /// The organisation's portfolio now, and the versions of its data.
    pub fn get(
        &self,
        conn: &mut AnyConnection,
        organisation_id: i32,
    ) -> QueryResult<(Arc<Portfolio>, DataVersions)> {
        let versions = Organisation::versions(conn, organisation_id)?;
        let kept = self.kept(organisation_id);
        // Versions only grow: a portfolio kept at a later one is newer still.
        if let Some((_, portfolio)) = kept.as_ref().filter(|(v, _)| *v >= versions.portfolio) {
            return Ok((portfolio.clone(), versions));
        }
        let _turn = self.loading.lock().unwrap_or_else(|p| p.into_inner());
        let kept = self.kept(organisation_id);
        if let Some((_, portfolio)) = kept.as_ref().filter(|(v, _)| *v >= versions.portfolio) {
            return Ok((portfolio.clone(), versions));
        }
        let previous = kept.map(|(_, p)| p);
        let portfolio = Arc::new(Portfolio::load(conn, organisation_id, previous.as_deref())?);
        self.entries
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(organisation_id, (versions.portfolio, portfolio.clone()));
        Ok((portfolio, versions))
    }

    fn kept(&self, organisation_id: i32) -> Option<(i64, Arc<Portfolio>)> {
        let entries = self.entries.read().unwrap_or_else(|p| p.into_inner());
        entries.get(&organisation_id).cloned()
    }
}
