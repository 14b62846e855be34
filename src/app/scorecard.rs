//! Gathers everything a scorecard shows: the assessment's results and
//! answers, its history, and the organisation's portfolio for benchmarks.

use super::assessments::visible;
use super::documents::Asked;
use super::documents::{file_stem, render_kept, Document, Layout, Renderers, Report};
use super::error::{AppError, AppResult};
use super::portfolio::{Combined, Portfolio};
use super::questionnaire_language::in_language;
use super::scores::questionnaire_of;
use super::{branding, permissions, results, study, App};
use crate::db::agreed::AgreedRow;
use crate::db::assessments::{Assessment, FinalEntry, ScopeKey};
use crate::db::clients::Client;
use crate::db::evidence::EvidenceRow;
use crate::db::interviews::InterviewRow;
use crate::db::organisations::Organisation;
use crate::db::result_summaries::{self, Summary};
use crate::db::scores::ScoreRow;
use crate::db::users::User;
use crate::db::AnyConnection;
use crate::domain::i18n::{words, Arg, Language};
use crate::domain::ids::AssessmentId;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::role::Caller;
use crate::domain::scoring::OVERALL;
use crate::report::{
    self, AnswerNote, Benchmark, Edition, EvidenceBase, HeldInterview, History, Meta,
    PortfolioEntry, Reviewed, Scorecard, ScorecardInput, MIN_SAME_SCOPE,
};
use diesel::QueryResult;
use std::collections::{BTreeMap, HashMap};

/// The scorecard of an assessment the caller may see, rendered.
pub fn scorecard(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    layout: Layout,
    asked: Asked,
) -> AppResult<Document> {
    let edition = permissions::edition(caller, asked.edition)?;
    let today = chrono::Utc::now().date_naive();
    // The scorecard and the look it is laid out in, read together.
    let (card, branding) = app.renders.gather(|| {
        app.read(|conn| {
            let assessment = visible(conn, caller, id)?;
            Ok((
                load(
                    app,
                    conn,
                    caller,
                    &assessment,
                    (edition, asked.language),
                    today,
                )?,
                branding::for_reports(conn, assessment.organisation_id)?,
            ))
        })
    })?;
    render_kept(
        app,
        (&card, &branding),
        Report::Scorecard,
        layout,
        &file_stem(&[
            &card.meta.client,
            "scorecard",
            &card.meta.assessment_date.to_string(),
        ]),
        Renderers {
            pdf: |paper| {
                Ok(crate::render::pdf::scorecard(
                    &card,
                    &branding,
                    paper,
                    chrono::Utc::now(),
                )?)
            },
            html: || crate::render::html::scorecard(&card, &branding),
            docx: || {
                Ok(crate::render::docx::scorecard(
                    &card,
                    &branding,
                    chrono::Utc::now(),
                )?)
            },
        },
    )
}

/// A scorecard as a page of the application shows it.
pub struct ScorecardPage {
    /// The client's id, for the way back.
    pub client_id: i32,
    /// The client's name.
    pub client: String,
    /// The day the assessment is dated.
    pub date: chrono::NaiveDate,
    /// The scorecard's content as HTML, charts inline.
    pub content: String,
    /// Its priorities: area id and name, most urgent first.
    pub priorities: Vec<(String, String)>,
    /// Whether the caller may set targets from this assessment.
    pub may_set_targets: bool,
}

/// The scorecard of an assessment the caller may see, for a page of the
/// application: its content, and where it belongs.
pub fn page(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    asked: Asked,
) -> AppResult<ScorecardPage> {
    let edition = permissions::edition(caller, asked.edition)?;
    let today = chrono::Utc::now().date_naive();
    let (card, client_id, may_set_targets) = app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        Ok((
            load(
                app,
                conn,
                caller,
                &assessment,
                (edition, asked.language),
                today,
            )?,
            assessment.client_id,
            super::targets::may_set(conn, caller, &assessment).is_ok(),
        ))
    })?;
    let content = app
        .renders
        .run("scorecard_html", || {
            crate::render::html::scorecard_fragment(&card)
        })
        .map_err(|e| AppError::internal(e.context("cannot render the scorecard")))?;
    Ok(ScorecardPage {
        client_id,
        priorities: card
            .priorities
            .iter()
            .map(|f| (f.area_id.clone(), f.area.clone()))
            .collect(),
        client: card.meta.client,
        date: card.meta.assessment_date,
        content,
        may_set_targets,
    })
}

/// The scorecard of an assessment the caller may see as data, in the
/// edition asked for if theirs to read, as of `today`.
pub fn model(
    app: &App,
    caller: &Caller,
    id: AssessmentId,
    asked: Asked,
    today: chrono::NaiveDate,
) -> AppResult<Scorecard> {
    let edition = permissions::edition(caller, asked.edition)?;
    app.read(|conn| {
        let assessment = visible(conn, caller, id)?;
        load(
            app,
            conn,
            caller,
            &assessment,
            (edition, asked.language),
            today,
        )
    })
}

fn load(
    app: &App,
    conn: &mut AnyConnection,
    caller: &Caller,
    assessment: &Assessment,
    (edition, language): (Edition, Option<Language>),
    today: chrono::NaiveDate,
) -> AppResult<Scorecard> {
    let client = Client::find_visible(conn, caller, assessment.client_id)?
        .ok_or_else(|| AppError::not_found("client"))?;
    let language = language.unwrap_or(client.report_language);
    let w = words(language);
    let organisation = Organisation::find(conn, assessment.organisation_id)?;
    let questionnaire = in_language(questionnaire_of(app, conn, assessment)?, language);
    let results = results::load(conn, assessment, &questionnaire)?;
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
    let answers = answer_notes(conn, assessment.id, &name, &w.get("scorecard-agreed"))?;
    let mut assessors: Vec<String> = Assessment::assessors(conn, assessment.id)?
        .into_iter()
        .map(name)
        .collect();
    assessors.sort();

    let (portfolio, versions) = app.portfolios.get(conn, assessment.organisation_id)?;
    let (entries, benchmark, history) = context(conn, assessment, &portfolio)?;
    let weights = study::area_weights(
        conn,
        &portfolio,
        assessment.organisation_id,
        versions.performance,
    )?;
    let meta = Meta {
        title: w.fill(
            "scorecard-document-title",
            &[("client", Arg::from(&client.name))],
        ),
        client: client.name,
        sector: client.sector,
        scope: scope_words(
            [
                &assessment.business_unit,
                &assessment.product,
                &assessment.customer_group,
            ],
            &w.get("scorecard-whole-company"),
        ),
        assessment_date: assessment.assessment_date,
        assessors,
        lead_assessor: name(assessment.lead_assessor_id),
        status: w.get(&format!("scorecard-status-{}", assessment.status())),
        questionnaire: questionnaire.title.clone(),
        questionnaire_version: format!("{} {}", questionnaire.id, questionnaire.version),
        generated_on: today,
        organisation: organisation.name,
    };
    let targets = super::targets::in_force(conn, assessment)?.map(|t| report::Targets {
        version: t.version,
        nodes: t.targets,
    });
    let actions = super::actions::lines(
        app,
        conn,
        caller,
        (assessment.client_id, Some(assessment.id)),
        (today, language),
    )?;
    Ok(report::build(ScorecardInput {
        edition,
        language,
        meta,
        questionnaire: &questionnaire,
        results: &results,
        answers: &answers,
        history: &history,
        portfolio: &entries,
        benchmark,
        area_weights: weights.as_ref().map(|(w, n)| (w, *n)),
        evidence_base: evidence_base_of(conn, assessment, &questionnaire, edition)?,
        targets: targets.as_ref(),
        actions,
    }))
}

/// The interviews held and the documents reviewed for the assessment: job
/// titles and functions, and the interviewees' names in the working edition.
fn evidence_base_of(
    conn: &mut AnyConnection,
    assessment: &Assessment,
    questionnaire: &Questionnaire,
    edition: Edition,
) -> QueryResult<EvidenceBase> {
    let areas = EvidenceRow::areas(conn, assessment.id)?;
    let held: Vec<HeldInterview> = InterviewRow::list(conn, assessment.id)?
        .into_iter()
        .filter(|i| i.status == "held")
        .map(|i| HeldInterview {
            area_ids: areas.get(&i.evidence_id).cloned().unwrap_or_default(),
            interviewee: i.interviewee,
            job_title: i.job_title,
            function: i.job_function,
        })
        .collect();
    let documents: Vec<Reviewed> = EvidenceRow::list(conn, assessment.id)?
        .into_iter()
        .filter(|e| e.kind != "interview")
        .map(|e| Reviewed {
            area_ids: areas.get(&e.id).cloned().unwrap_or_default(),
        })
        .collect();
    Ok(report::evidence_base(
        questionnaire,
        &held,
        &documents,
        edition.is_working(),
    ))
}

pub(super) fn answer_notes(
    conn: &mut AnyConnection,
    assessment_id: i32,
    name: &dyn Fn(i32) -> String,
    agreed_by: &str,
) -> QueryResult<Vec<AnswerNote>> {
    let scores = ScoreRow::list_for_assessment(conn, assessment_id)?
        .into_iter()
        .map(|r| AnswerNote {
            by: name(r.assessor_id),
            question_id: r.question_id,
            intention: r.intention,
            reality: r.reality,
            na_reason: r.na_reason,
            evidence: r.evidence,
        });
    let agreed = AgreedRow::list_for_assessment(conn, assessment_id)?
        .into_iter()
        .map(|r| AnswerNote {
            by: agreed_by.to_owned(),
            question_id: r.question_id,
            intention: r.intention,
            reality: r.reality,
            na_reason: r.na_reason,
            evidence: r.evidence,
        });
    Ok(scores.chain(agreed).collect())
}

/// "Whole company", or the parts of the scope that are set.
pub fn scope_label(a: &Assessment) -> String {
    scope_words(
        [&a.business_unit, &a.product, &a.customer_group],
        "Whole company",
    )
}

/// A scope's business unit, product and customer group in words;
/// `whole` when it sets none.
pub fn scope_words(parts: [&Option<String>; 3], whole: &str) -> String {
    let parts: Vec<&str> = parts.into_iter().flatten().map(String::as_str).collect();
    if parts.is_empty() {
        whole.to_owned()
    } else {
        parts.join(" · ")
    }
}

/// The companies the assessment is compared with (see [`Benchmark`]), and
/// this client and scope's earlier final assessments.
fn context<'p>(
    conn: &mut AnyConnection,
    assessment: &Assessment,
    portfolio: &'p Portfolio,
) -> QueryResult<(Vec<PortfolioEntry<'p>>, Benchmark, Vec<History>)> {
    let own_scope = (
        assessment.business_unit.clone(),
        assessment.product.clone(),
        assessment.customer_group.clone(),
    );
    let earlier: Vec<&FinalEntry> = portfolio
        .finals
        .iter()
        .filter(|e| e.client_id == assessment.client_id && e.scope == own_scope)
        .filter(|e| e.date < assessment.assessment_date && e.id != assessment.id)
        .collect();
    let (others, benchmark) = compared_with(assessment, &own_scope, portfolio);
    let ids: Vec<i32> = earlier.iter().map(|e| e.id).collect();
    let stored = result_summaries::load(conn, &ids)?;
    let combined = |summary: &Summary| -> (f64, BTreeMap<String, f64>) {
        let overall = summary.get(OVERALL).map_or(0.0, |d| d.combined.get());
        let areas = summary
            .iter()
            .filter(|(k, _)| k.as_str() != OVERALL)
            .map(|(k, d)| (k.clone(), d.combined.get()))
            .collect();
        (overall, areas)
    };
    let entries = others
        .into_iter()
        .map(|(e, c)| PortfolioEntry {
            sector: &e.sector,
            overall: c.overall,
            areas: &c.areas,
        })
        .collect();
    let history = earlier
        .iter()
        .filter_map(|e| {
            let (overall, areas) = combined(stored.get(&e.id)?);
            Some(History {
                date: e.date,
                overall,
                areas,
            })
        })
        .collect();
    Ok((entries, benchmark, history))
}

/// The other companies' latest whole-company results for a whole-company
/// assessment; for a scoped one the latest of every other client and scope
/// of the same kind when there are enough, else the whole-company results.
fn compared_with<'p>(
    assessment: &Assessment,
    own_scope: &ScopeKey,
    portfolio: &'p Portfolio,
) -> (Vec<(&'p FinalEntry, &'p Combined)>, Benchmark) {
    let kind = |scope: &ScopeKey| [scope.0.is_some(), scope.1.is_some(), scope.2.is_some()];
    let latest = portfolio.latest_entries();
    let whole: Vec<_> = latest
        .clone()
        .filter(|(e, _)| e.client_id != assessment.client_id && kind(&e.scope) == [false; 3])
        .collect();
    if kind(own_scope) == [false; 3] {
        return (whole, Benchmark::Companies);
    }
    let same: Vec<_> = latest
        .filter(|(e, _)| kind(&e.scope) == kind(own_scope))
        .filter(|(e, _)| (e.client_id, &e.scope) != (assessment.client_id, own_scope))
        .collect();
    if same.len() + 1 >= MIN_SAME_SCOPE {
        (same, Benchmark::SameScope(kind(own_scope)))
    } else {
        (whole, Benchmark::WholeCompanies)
    }
}
