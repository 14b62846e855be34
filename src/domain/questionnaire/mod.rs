//! Questionnaires are data: areas → sub-areas → questions, read from TOML files
//! (see `load`) and kept as immutable, content-hashed versions.

mod load;
pub mod map;
mod translation;

pub use load::{load, LoadErrors, Problem, MAX_AREAS, MAX_BYTES, MAX_QUESTIONS};
pub use map::{MapEntry, MapKind};
pub use translation::{check_translation, Translation};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// One version of a questionnaire. Never changes once imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Questionnaire {
    /// Stable identifier across versions, e.g. `customer-management`.
    pub id: String,
    /// Semantic version; a changed questionnaire must bump it.
    pub version: String,
    pub title: String,
    pub description: String,
    pub scale: Scale,
    pub areas: Vec<Area>,
    /// The version of the same questionnaire this one replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<String>,
    /// How its practices relate to those of the version it replaces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub map: Vec<MapEntry>,
}

/// The scoring scale declared by the questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Scale {
    pub min: u8,
    pub max: u8,
    /// What the Intention dimension means to an assessor.
    pub intention: String,
    /// What the Reality dimension means to an assessor.
    pub reality: String,
    /// Share of Intention in the combined score; Reality gets the rest.
    pub intention_weight: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Area {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub description: String,
    pub sub_areas: Vec<SubArea>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct SubArea {
    pub id: String,
    pub name: String,
    pub weight: f64,
    pub description: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Question {
    pub id: String,
    /// The observable practice the question asks about.
    pub practice: String,
    pub weight: f64,
    pub guidance: Guidance,
}

/// What evidence earns a low, a middle and a high score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[expect(missing_docs, reason = "a doc here would change the OpenAPI document")]
pub struct Guidance {
    pub low: String,
    pub middle: String,
    pub high: String,
}

impl Questionnaire {
    /// Hash of the meaning of the questionnaire, not of its bytes: comments and
    /// layout may change under a version, content may not.
    pub fn content_hash(&self) -> String {
        let canonical = serde_json::to_vec(self).unwrap_or_default();
        hex::encode(Sha256::digest(canonical))
    }

    /// Every question, area by area and sub-area by sub-area.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.areas
            .iter()
            .flat_map(|a| &a.sub_areas)
            .flat_map(|s| &s.questions)
    }

    /// The question with this id, if the questionnaire has one.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// How many questions it asks.
    pub fn question_count(&self) -> usize {
        self.questions().count()
    }
}
