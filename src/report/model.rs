//! The scorecard's content, in the order a reader meets it.

use serde::{Deserialize, Serialize};

/// Who a report is for. The client edition is the deliverable: no assessor
/// beside a score, no raw per-assessor answers, disagreements only counted,
/// the evidence as its summary. The working edition is the consultancy's:
/// everything. Carried by the report model, so every format agrees.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    clap::ValueEnum,
    utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Edition {
    /// What executives and the client get.
    #[default]
    Client,
    /// Everything, for the consultancy.
    Working,
}

impl Edition {
    /// Whether the edition shows who answered what.
    pub fn is_working(self) -> bool {
        self == Edition::Working
    }

    /// As the API spells it: `client` or `working`.
    pub fn name(self) -> &'static str {
        match self {
            Edition::Client => "client",
            Edition::Working => "working",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    pub edition: Edition,
    /// The language of its words.
    pub language: crate::domain::i18n::Language,
    pub meta: Meta,
    pub summary: Summary,
    /// Client, portfolio median and top quartile per area, for the radar.
    pub radar: Vec<AreaBenchmark>,
    pub strengths: Vec<Finding>,
    pub priorities: Vec<Finding>,
    /// Which rule ranked the priorities, in words for the reader.
    pub priority_rule: String,
    pub areas: Vec<AreaRow>,
    /// Earlier final assessments of the same client and scope, oldest first, ending with this one.
    pub trend: Vec<TrendPoint>,
    pub details: Vec<AreaDetail>,
    /// How many questions the assessors disagreed on, in every edition.
    pub disagreement_count: usize,
    /// Each of them with every assessor's answer: the working edition only.
    pub disagreements: Vec<Disagreement>,
    pub not_applicable: Vec<NotApplicable>,
    /// The interviews and documents behind the scores.
    pub evidence_base: super::EvidenceBase,
    /// The version of the targets shown, when the client and scope set any.
    pub targets_version: Option<i32>,
    /// Targets set on single practices.
    pub practice_targets: Vec<PracticeTarget>,
    /// The actions agreed on this assessment's priorities (dropped ones left out).
    pub actions: Vec<ActionLine>,
}

/// The targets a client and scope set, as the scorecard draws them:
/// node id → (target %, due date).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Targets {
    pub version: i32,
    pub nodes: TargetMap,
}

/// Targets by area or practice id: (target %, due date).
pub type TargetMap = std::collections::HashMap<String, (f64, chrono::NaiveDate)>;

/// A target on one practice, with where the assessment left it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PracticeTarget {
    pub id: String,
    pub practice: String,
    pub area: String,
    /// The combined score now, % (none when N/A or unanswered).
    pub current: Option<f64>,
    pub target: f64,
    pub due: chrono::NaiveDate,
}

/// An agreed action as reports list it.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct ActionLine {
    pub title: String,
    /// The areas and practices it addresses, by name.
    pub addresses: String,
    /// A cmas user's name or the named person at the client.
    pub owner: String,
    pub due: Option<chrono::NaiveDate>,
    pub status: crate::domain::plans::ActionStatus,
    /// Open and past its due date on the day the report is made.
    pub overdue: bool,
    /// The programme project that carries it.
    pub project: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    pub title: String,
    pub client: String,
    pub sector: String,
    /// "Whole company" or e.g. "Retail · current high value".
    pub scope: String,
    pub assessment_date: chrono::NaiveDate,
    pub assessors: Vec<String>,
    pub lead_assessor: String,
    pub status: String,
    pub questionnaire: String,
    pub questionnaire_version: String,
    pub generated_on: chrono::NaiveDate,
    pub organisation: String,
}

/// The headline numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub overall: f64,
    pub intention: f64,
    pub reality: f64,
    pub portfolio: Standing,
    /// Within the client's sector, when it has enough companies to say so.
    pub sector: Option<Standing>,
    pub answered: usize,
    pub questions: usize,
}

/// Where the client stands in a group of companies.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// "the portfolio" or "Retail banking".
    pub group: String,
    pub companies: usize,
    pub percentile: f64,
    /// 1 is the top quarter.
    pub quartile: u8,
    pub median: f64,
    pub top_quartile: f64,
    /// All of it in one sentence for the reader.
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaBenchmark {
    pub id: String,
    pub name: String,
    pub client: f64,
    pub median: f64,
    pub top_quartile: f64,
    /// The client's target for the area, % (none when it set none).
    pub target: Option<f64>,
}

/// A strength or a priority, with the sentence that explains it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub area_id: String,
    pub area: String,
    pub client: f64,
    /// The benchmark the finding compares against (median for strengths, top quartile for priorities).
    pub benchmark: f64,
    /// For priorities: gap × weight, the ranking key.
    pub score: f64,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaRow {
    pub id: String,
    pub name: String,
    pub combined: f64,
    pub intention: f64,
    pub reality: f64,
    pub median: f64,
    pub top_quartile: f64,
    /// Change in combined points since the previous final assessment.
    pub delta: Option<f64>,
    /// The target for the area, % (none when it set none).
    pub target: Option<f64>,
    /// By when.
    pub target_due: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct TrendPoint {
    pub date: chrono::NaiveDate,
    pub overall: f64,
    /// Combined % per area, in questionnaire order.
    pub areas: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaDetail {
    pub id: String,
    pub name: String,
    pub combined: f64,
    pub sub_areas: Vec<SubAreaRow>,
    /// The lowest-scoring questions of the area, lowest first.
    pub lowest: Vec<QuestionNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubAreaRow {
    pub id: String,
    pub name: String,
    pub combined: Option<f64>,
    pub intention: Option<f64>,
    pub reality: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionNote {
    pub id: String,
    pub practice: String,
    pub combined: f64,
    pub intention: f64,
    pub reality: f64,
    /// Each assessor's evidence note, "name: note": the working edition only.
    pub evidence: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    pub id: String,
    pub practice: String,
    /// Each assessor's "name: I x / R y" or "name: N/A".
    pub answers: Vec<String>,
    pub agreed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotApplicable {
    pub id: String,
    pub practice: String,
    /// Why it does not apply; the working edition says who said so.
    pub reasons: Vec<String>,
}
