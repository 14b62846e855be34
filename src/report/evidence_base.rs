//! The scorecard's "Evidence base": the interviews held (by job title and
//! function; the interviewees' names only in an edition that shows them)
//! and the documents reviewed, with how many of each cover every area.

use crate::domain::questionnaire::Questionnaire;
use serde::Serialize;

/// An interview held, as the fieldwork recorded it.
pub struct HeldInterview {
    pub interviewee: String,
    pub job_title: String,
    pub function: String,
    /// Areas or sub-areas it covered.
    pub area_ids: Vec<String>,
}

/// A document or link reviewed, with the areas or sub-areas it covers.
pub struct Reviewed {
    pub area_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceBase {
    /// Whether the interviewees' names are shown: the working edition does,
    /// the edition for the client does not.
    pub names_shown: bool,
    pub interviews: Vec<InterviewLine>,
    pub documents: usize,
    pub per_area: Vec<AreaEvidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InterviewLine {
    pub job_title: String,
    pub function: String,
    /// Present only when the edition shows names.
    pub name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaEvidence {
    pub name: String,
    pub interviews: usize,
    pub documents: usize,
}

/// The section, area by area in the questionnaire's order.
pub fn evidence_base(
    questionnaire: &Questionnaire,
    interviews: &[HeldInterview],
    documents: &[Reviewed],
    names_shown: bool,
) -> EvidenceBase {
    let covers = |ids: &[String], area: &crate::domain::questionnaire::Area| {
        ids.iter()
            .any(|id| *id == area.id || area.sub_areas.iter().any(|s| s.id == *id))
    };
    EvidenceBase {
        names_shown,
        interviews: interviews
            .iter()
            .map(|i| InterviewLine {
                job_title: i.job_title.clone(),
                function: i.function.clone(),
                name: names_shown.then(|| i.interviewee.clone()),
            })
            .collect(),
        documents: documents.len(),
        per_area: questionnaire
            .areas
            .iter()
            .map(|area| AreaEvidence {
                name: area.name.clone(),
                interviews: interviews
                    .iter()
                    .filter(|i| covers(&i.area_ids, area))
                    .count(),
                documents: documents
                    .iter()
                    .filter(|d| covers(&d.area_ids, area))
                    .count(),
            })
            .collect(),
    }
}
