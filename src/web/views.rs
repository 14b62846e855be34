//! What the API shows of stored rows: never a hash, never another tenant's id.

use crate::db::{assessments::Assessment, clients::Client, users::User};
use crate::domain::{assessment::Status, role::Role};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct UserView {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
}

impl From<&User> for UserView {
    fn from(u: &User) -> UserView {
        UserView {
            id: u.id,
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role(),
            active: u.active,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ClientView {
    pub id: i32,
    pub name: String,
    pub sector: String,
    pub size_band: String,
    pub region: String,
    pub created_at: chrono::NaiveDateTime,
}

impl From<Client> for ClientView {
    fn from(c: Client) -> ClientView {
        ClientView {
            id: c.id,
            name: c.name,
            sector: c.sector,
            size_band: c.size_band,
            region: c.region,
            created_at: c.created_at,
        }
    }
}

/// The part of the client or company an assessment covers; all absent means the whole company.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub business_unit: Option<String>,
    pub product: Option<String>,
    pub customer_group: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentView {
    pub id: i32,
    pub client_id: i32,
    pub questionnaire_id: i32,
    pub assessment_date: chrono::NaiveDate,
    pub scope: Scope,
    pub status: Status,
    pub lead_assessor_id: i32,
    pub assessor_ids: Vec<i32>,
    /// Send it back with a change; a stale version gets 409.
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub finalised_at: Option<chrono::NaiveDateTime>,
}

impl AssessmentView {
    pub fn new(a: Assessment, assessor_ids: Vec<i32>) -> AssessmentView {
        AssessmentView {
            id: a.id,
            client_id: a.client_id,
            questionnaire_id: a.questionnaire_id,
            assessment_date: a.assessment_date,
            status: a.status(),
            scope: Scope {
                business_unit: a.business_unit,
                product: a.product,
                customer_group: a.customer_group,
            },
            lead_assessor_id: a.lead_assessor_id,
            assessor_ids,
            version: a.version,
            created_at: a.created_at,
            updated_at: a.updated_at,
            finalised_at: a.finalised_at,
        }
    }
}
