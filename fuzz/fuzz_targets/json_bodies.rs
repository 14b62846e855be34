//! The JSON bodies of the write endpoints: the first byte picks a body type,
//! the rest is parsed as it; any input is read or refused.
#![no_main]

use cmas::app::performance::{self, KpiValue};
use cmas::app::statistics;
use cmas::app::programmes::{self, projects};
use cmas::app::{access, assessment_team, assessments, clients, scores, tokens, users};
use cmas::web::routes::auth;

fn parse<T: serde::de::DeserializeOwned>(bytes: &[u8]) {
    let _ = serde_json::from_slice::<T>(bytes);
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((kind, body)) = data.split_first() else {
        return;
    };
    match kind % 20 {
        0 => parse::<assessments::AssessmentUpdate>(body),
        1 => parse::<assessment_team::AssessorRequest>(body),
        2 => parse::<statistics::CorrelationRequest>(body),
        3 => parse::<clients::EraseRequest>(body),
        4 => parse::<auth::LoginRequest>(body),
        5 => parse::<access::Membership>(body),
        6 => parse::<assessments::NewAssessmentRequest>(body),
        7 => parse::<clients::NewClientRequest>(body),
        8 => parse::<performance::NewKpi>(body),
        9 => parse::<performance::NewPanel>(body),
        10 => parse::<programmes::NewProgramme>(body),
        11 => parse::<tokens::NewToken>(body),
        12 => parse::<users::NewUserRequest>(body),
        13 => parse::<users::PasswordChange>(body),
        14 => parse::<programmes::ProgrammeUpdate>(body),
        15 => parse::<projects::ProjectRequest>(body),
        16 => parse::<scores::ScoreInput>(body),
        17 => parse::<Vec<KpiValue>>(body),
        18 => parse::<users::UserUpdate>(body),
        _ => parse::<Vec<performance::PanelEntry>>(body),
    }
});
