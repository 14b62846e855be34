//! Two final assessments of the same client and scope compared, wave over
//! wave: as data for the API, as a report in every format and edition, and
//! for the page. Either assessment may be named first; the earlier date is
//! the earlier wave. Reading it needs nothing more than reading both.

use super::assessments::visible;
use super::documents::{file_stem, render_report, Asked, Document, Layout, Renderers, Report};
use super::error::{AppError, AppResult};
use super::questionnaire_language::in_language;
use super::scorecard::{answer_notes, scope_words};
use super::scores::questionnaire_of;
use super::{branding, permissions, results, App};
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::organisations::Organisation;
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::assessment::Status;
use crate::domain::comparison::{
    compare, same_ids, Counterpart, Link, Movement, WaveComparison, MOVED_POINTS,
};
use crate::domain::i18n::{words, Language};
use crate::domain::ids::AssessmentId;
use crate::domain::plans::outcome;
use crate::domain::questionnaire::map::{self, MapKind};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::role::Caller;
use crate::domain::scoring::Results;
use crate::report::comparison::{
    self as report, TargetResult, Wave, WaveReport, WavesInput, WavesMeta,
};
use crate::report::Edition;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;
use utoipa::ToSchema;

/// One wave as the API names it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct WaveView {
    /// The assessment's id.
    pub assessment_id: i32,
    /// The day it is dated.
    pub date: chrono::NaiveDate,
    /// The questionnaire's version, e.g. `1.1.0`.
    pub questionnaire_version: String,
}

/// How many practices moved each way.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MovementCounts {
    /// Rose by the threshold or more on a dimension, fell on none.
    pub improved: usize,
    /// Fell by the threshold or more on a dimension, rose on none.
    pub regressed: usize,
    /// Rose on one dimension and fell on the other.
    pub mixed: usize,
    /// Moved less than the threshold.
    pub unchanged: usize,
    /// N/A, unanswered or without a counterpart in a wave.
    pub not_compared: usize,
}

/// Two waves side by side, as the API gives them.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComparisonView {
    /// The client both waves assessed.
    pub client_id: i32,
    /// The earlier wave.
    pub before: WaveView,
    /// The later wave.
    pub after: WaveView,
    /// The waves used different versions of the questionnaire.
    pub spans_versions: bool,
    /// A practice moved when Intention or Reality changed by this many points.
    pub threshold_points: f64,
    /// How many practices moved each way.
    pub counts: MovementCounts,
    /// The targets in force at the earlier wave, met or missed by the later.
    pub targets: Vec<TargetResult>,
    /// Areas, sub-areas and practices in both waves.
    #[serde(flatten)]
    pub comparison: WaveComparison,
}

/// Two waves the caller may see, compared, as data.
pub fn data(
    app: &App,
    caller: &Caller,
    one: AssessmentId,
    other: AssessmentId,
) -> AppResult<ComparisonView> {
    app.read(|conn| {
        let waves = Waves::load(app, conn, caller, (one, other), None)?;
        let (comparison, results) = waves.results_in(conn)?;
        let targets = waves.targets_in(conn, (&comparison, &results))?;
        let count = |m| comparison.count(m);
        let view = |a: &Assessment, q: &Questionnaire| WaveView {
            assessment_id: a.id,
            date: a.assessment_date,
            questionnaire_version: q.version.clone(),
        };
        Ok(ComparisonView {
            client_id: waves.after.client_id,
            before: view(&waves.before, &waves.questionnaires.0),
            after: view(&waves.after, &waves.questionnaires.1),
            spans_versions: waves.spans_versions(),
            threshold_points: MOVED_POINTS,
            counts: MovementCounts {
                improved: count(Movement::Improved),
                regressed: count(Movement::Regressed),
                mixed: count(Movement::Mixed),
                unchanged: count(Movement::Unchanged),
                not_compared: count(Movement::NotCompared),
            },
            targets,
            comparison,
        })
    })
}

/// Two waves the caller may see, compared, as a report in `layout`.
pub fn document(
    app: &App,
    caller: &Caller,
    (one, other): (AssessmentId, AssessmentId),
    layout: Layout,
    asked: Asked,
) -> AppResult<Document> {
    let edition = permissions::edition(caller, asked.edition)?;
    let (wave_report, branding) = app.read(|conn| {
        let waves = Waves::load(app, conn, caller, (one, other), asked.language)?;
        let built = waves.report(conn, caller, edition)?;
        Ok((
            built,
            branding::for_reports(conn, waves.after.organisation_id)?,
        ))
    })?;
    let m = &wave_report.meta;
    render_report(
        app,
        Report::Comparison,
        layout,
        &file_stem(&[
            &m.client,
            "comparison",
            &m.before.date.to_string(),
            &m.after.date.to_string(),
        ]),
        Renderers {
            pdf: |paper| {
                Ok(crate::render::pdf::comparison(
                    &wave_report,
                    &branding,
                    paper,
                    chrono::Utc::now(),
                )?)
            },
            html: || crate::render::html::comparison(&wave_report, &branding),
            docx: || {
                Ok(crate::render::docx::comparison(
                    &wave_report,
                    &branding,
                    chrono::Utc::now(),
                )?)
            },
        },
    )
}

/// Two waves compared for a page of the application: the report's content
/// as HTML, and the client it belongs to.
pub struct ComparisonPage {
    /// The client's id, for the way back.
    pub client_id: i32,
    /// The client's name.
    pub client: String,
    /// The earlier and the later wave.
    pub waves: (Wave, Wave),
    /// The report's content, in the page's language.
    pub content: String,
}

/// Two waves compared, for the page; `language` is the page's.
pub fn page(
    app: &App,
    caller: &Caller,
    (one, other): (AssessmentId, AssessmentId),
    asked: Asked,
) -> AppResult<ComparisonPage> {
    let edition = permissions::edition(caller, asked.edition)?;
    let (built, client_id) = app.read(|conn| {
        let waves = Waves::load(app, conn, caller, (one, other), asked.language)?;
        Ok((waves.report(conn, caller, edition)?, waves.client.id))
    })?;
    let content = app
        .renders
        .run("comparison_html", || {
            crate::render::html::comparison_fragment(&built)
        })
        .map_err(|e| AppError::internal(e.context("cannot render the comparison")))?;
    Ok(ComparisonPage {
        client_id,
        client: built.meta.client.clone(),
        waves: (built.meta.before.clone(), built.meta.after.clone()),
        content,
    })
}

/// What each practice of the later wave is compared with: the later
/// version's practice map when it maps from the earlier version and holds
/// (then `true`), else practices matched by id (those without a match are
/// not compared).
fn counterparts(earlier: &Questionnaire, later: &Questionnaire) -> (Vec<Counterpart>, bool) {
    if let Ok(pairs) = map::check(earlier, later) {
        let pairs = pairs
            .into_iter()
            .map(|p| Counterpart {
                link: match p.kind {
                    None => Link::Kept,
                    Some(MapKind::Renamed) => Link::Renamed,
                    Some(MapKind::Merged) => Link::Merged,
                    Some(MapKind::Split) => Link::Split,
                    Some(MapKind::New) => Link::New,
                    Some(MapKind::Retired) => Link::Retired,
                },
                before: p.before,
                after: p.after,
            })
            .collect();
        return (pairs, true);
    }
    let ids = |q: &Questionnaire| -> Vec<String> { q.questions().map(|x| x.id.clone()).collect() };
    let (ids0, ids1) = (ids(earlier), ids(later));
    let pairs = same_ids(
        ids0.iter().map(String::as_str),
        ids1.iter().map(String::as_str),
    );
    (pairs, false)
}

/// Two final assessments of one client and scope, earlier first, with
/// their questionnaires in the report's language.
struct Waves {
    before: Assessment,
    after: Assessment,
    client: Client,
    language: Language,
    questionnaires: (Arc<Questionnaire>, Arc<Questionnaire>),
    /// What each later practice is compared with, and whether the map said so.
    pairs: (Vec<Counterpart>, bool),
}

impl Waves {
    fn load(
        app: &App,
        conn: &mut AnyConnection,
        caller: &Caller,
        (one, other): (AssessmentId, AssessmentId),
        language: Option<Language>,
    ) -> AppResult<Waves> {
        if one == other {
            return Err(AppError::invalid(
                "same_assessment",
                "compare an assessment with another one, not with itself",
            ));
        }
        let (a, b) = (visible(conn, caller, one)?, visible(conn, caller, other)?);
        if a.status() != Status::Final || b.status() != Status::Final {
            return Err(AppError::invalid(
                "not_final",
                "only final assessments are compared; finalise both first",
            ));
        }
        if a.client_id != b.client_id {
            return Err(AppError::invalid(
                "different_clients",
                "the two assessments are of different clients",
            ));
        }
        let scope = |x: &Assessment| {
            (
                x.business_unit.clone(),
                x.product.clone(),
                x.customer_group.clone(),
            )
        };
        if scope(&a) != scope(&b) {
            return Err(AppError::invalid(
                "different_scopes",
                "the two assessments cover different scopes (business unit, product or customer group)",
            ));
        }
        let (before, after) = if (a.assessment_date, a.id) <= (b.assessment_date, b.id) {
            (a, b)
        } else {
            (b, a)
        };
        let client = Client::find_visible(conn, caller, after.client_id)?
            .ok_or_else(|| AppError::not_found("client"))?;
        let language = language.unwrap_or(client.report_language);
        let (q0, q1) = (
            questionnaire_of(app, conn, &before)?,
            questionnaire_of(app, conn, &after)?,
        );
        if q0.id != q1.id {
            return Err(AppError::invalid(
                "different_questionnaires",
                format!(
                    "the waves used different questionnaires ({} and {}), which cannot be compared",
                    q0.id, q1.id
                ),
            ));
        }
        Ok(Waves {
            before,
            after,
            client,
            language,
            pairs: counterparts(&q0, &q1),
            questionnaires: (in_language(q0, language), in_language(q1, language)),
        })
    }

    fn spans_versions(&self) -> bool {
        self.questionnaires.0.version != self.questionnaires.1.version
    }

    /// The comparison, and both waves' results.
    fn results_in(&self, conn: &mut AnyConnection) -> AppResult<(WaveComparison, [Results; 2])> {
        let (q0, q1) = &self.questionnaires;
        let before = results::load(conn, &self.before, q0)?;
        let after = results::load(conn, &self.after, q1)?;
        Ok((compare(&before, &after, &self.pairs.0), [before, after]))
    }

    /// The targets in force at the earlier wave, each met, missed or not
    /// yet due by the later one.
    fn targets_in(
        &self,
        conn: &mut AnyConnection,
        (comparison, [earlier, later]): (&WaveComparison, &[Results; 2]),
    ) -> AppResult<Vec<TargetResult>> {
        let Some(in_force) = super::targets::in_force(conn, &self.before)? else {
            return Ok(Vec::new());
        };
        let q = &self.questionnaires.1;
        let mut found: Vec<TargetResult> = in_force
            .targets
            .into_iter()
            .map(|(node, (target, due))| {
                let area = comparison.areas.iter().find(|a| a.area.id == node);
                let (name, before, now) = match area {
                    Some(a) => (
                        a.area.name.clone(),
                        a.area.change.combined.before,
                        a.area.change.combined.after,
                    ),
                    None => {
                        let percent = |r: &Results| {
                            r.questions
                                .iter()
                                .find(|x| x.question_id == node)
                                .and_then(|x| x.percent)
                                .map(|p| p.combined.get())
                        };
                        let name = q
                            .question(&node)
                            .map_or_else(|| node.clone(), |x| format!("{node} {}", x.practice));
                        let (before, now) = (percent(earlier), percent(later));
                        (name, before, now)
                    }
                };
                TargetResult {
                    outcome: outcome(target, due, (self.after.assessment_date, now)),
                    node_id: node,
                    name,
                    target,
                    due_date: due,
                    before,
                    after: now,
                }
            })
            .collect();
        found.sort_by(|a, b| a.node_id.cmp(&b.node_id));
        Ok(found)
    }

    /// The report: the comparison with the practices' words and the
    /// evidence notes of both waves.
    fn report(
        &self,
        conn: &mut AnyConnection,
        caller: &Caller,
        edition: Edition,
    ) -> AppResult<WaveReport> {
        let (comparison, results) = self.results_in(conn)?;
        let targets = self.targets_in(conn, (&comparison, &results))?;
        let w = words(self.language);
        let names: HashMap<i32, String> = User::list_in(conn, caller)?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect();
        let name = |id: i32| {
            names
                .get(&id)
                .cloned()
                .unwrap_or_else(|| format!("User {id}"))
        };
        let agreed = w.get("scorecard-agreed");
        let notes_before = answer_notes(conn, self.before.id, &name, &agreed)?;
        let notes_after = answer_notes(conn, self.after.id, &name, &agreed)?;
        let wave = |a: &Assessment, q: &Questionnaire| Wave {
            id: a.id,
            date: a.assessment_date,
            questionnaire: format!("{} {}", q.title, q.version),
        };
        let (q0, q1) = &self.questionnaires;
        let organisation = Organisation::find(conn, self.after.organisation_id)?;
        Ok(report::build(WavesInput {
            edition,
            language: self.language,
            meta: WavesMeta {
                title: String::new(),
                client: self.client.name.clone(),
                sector: self.client.sector.clone(),
                scope: scope_words(
                    [
                        &self.after.business_unit,
                        &self.after.product,
                        &self.after.customer_group,
                    ],
                    &w.get("scorecard-whole-company"),
                ),
                organisation: organisation.name,
                before: wave(&self.before, q0),
                after: wave(&self.after, q1),
                generated_on: chrono::Utc::now().date_naive(),
            },
            before: q0,
            after: q1,
            comparison,
            targets,
            mapped: self.pairs.1,
            notes_before: &notes_before,
            notes_after: &notes_after,
        }))
    }
}
