//! Assessments: one scoring of one client (or one scope of it) against one
//! questionnaire version, by a lead assessor and co-assessors.

use super::kept_prepared::KeptUpdate;
use super::{
    clients::member_of,
    now,
    organisations::Organisation,
    schema::{assessment_assessors, assessments},
    AnyConnection, Window,
};
use crate::domain::{
    assessment::{AssessmentFilter, Status},
    role::Caller,
    shared_text::SharedText,
};
use diesel::prelude::*;
use std::sync::Arc;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = assessments)]
pub struct Assessment {
    pub id: i32,
    pub organisation_id: i32,
    pub client_id: i32,
    pub questionnaire_id: i32,
    pub assessment_date: chrono::NaiveDate,
    pub business_unit: Option<String>,
    pub product: Option<String>,
    pub customer_group: Option<String>,
    pub status: Status,
    pub lead_assessor_id: i32,
    /// Bumped by every change of the assessment itself; a stale update is refused.
    pub version: i32,
    pub created_at: chrono::NaiveDateTime,
    pub updated_at: chrono::NaiveDateTime,
    pub finalised_at: Option<chrono::NaiveDateTime>,
    /// Bumped by every change of an assessor's answer: with `version`, it
    /// names one state of the consolidated results.
    pub answers_version: i32,
}

pub struct NewAssessment {
    pub client_id: i32,
    pub questionnaire_id: i32,
    pub assessment_date: chrono::NaiveDate,
    pub business_unit: Option<String>,
    pub product: Option<String>,
    pub customer_group: Option<String>,
    pub lead_assessor_id: i32,
}

/// Business unit, product and customer group: what an assessment covers.
pub type ScopeKey = (Option<String>, Option<String>, Option<String>);

type FinalRow = (
    i32,
    i32,
    Option<String>,
    Option<String>,
    Option<String>,
    chrono::NaiveDate,
    String,
    i32,
);

/// A final assessment as the portfolio sees it: whose, which scope, when.
#[derive(Debug, Clone, PartialEq)]
pub struct FinalEntry {
    pub id: i32,
    pub client_id: i32,
    pub scope: ScopeKey,
    pub date: chrono::NaiveDate,
    /// Shared between the entries of one sector.
    pub sector: Arc<str>,
    pub questionnaire_id: i32,
}

type Boxed<'a> = assessments::BoxedQuery<'a, super::MultiBackend>;

/// What a caller may see: their organisation's assessments; for executives
/// and programme managers only final ones of the clients they are attached to.
fn visible(caller: &Caller) -> Boxed<'static> {
    let mut query = assessments::table
        .filter(assessments::organisation_id.eq(caller.organisation_id.get()))
        .into_boxed();
    if !caller.role.is_staff() {
        query = query
            .filter(assessments::status.eq(Status::Final.as_str()))
            .filter(assessments::client_id.eq_any(member_of(caller.user_id.get())));
    }
    query
}

/// Assessment `id` as `columns`, if the caller may see it (the rule of
/// `visible`). Each kind of caller gets a statement of a fixed shape,
/// prepared once and never written out again, where `visible`'s boxed
/// query is built anew on every call: a third of a kept read.
macro_rules! one_visible {
    ($conn:expr, $caller:expr, $id:expr, $columns:expr) => {{
        let mine = assessments::table
            .filter(assessments::id.eq($id))
            .filter(assessments::organisation_id.eq($caller.organisation_id.get()));
        if $caller.role.is_staff() {
            mine.select($columns).first($conn).optional()
        } else {
            mine.filter(assessments::status.eq(Status::Final.as_str()))
                .filter(assessments::client_id.eq_any(member_of($caller.user_id.get())))
                .select($columns)
                .first($conn)
                .optional()
        }
    }};
}

/// The orders a list of assessments takes; each ends with the id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssessmentOrder {
    Date,
    Status,
    Updated,
}

/// The assessments a caller may see that pass `filter` and whose client's
/// name has `text` in it, unordered.
fn matching<'a>(caller: &Caller, filter: &AssessmentFilter, text: Option<&'a str>) -> Boxed<'a> {
    use super::schema::clients;
    let mut query = visible(caller);
    if let Some(client_id) = filter.client_id {
        query = query.filter(assessments::client_id.eq(client_id));
    }
    if let Some(status) = filter.status {
        query = query.filter(assessments::status.eq(status.as_str()));
    }
    if let Some(text) = text {
        let named = clients::table
            .filter(clients::organisation_id.eq(caller.organisation_id.get()))
            .filter(clients::name_key.like(super::contains(text)).escape('\\'))
            .select(clients::id);
        query = query.filter(assessments::client_id.eq_any(named));
    }
    query
}

impl Assessment {
    /// One page of the assessments a caller may see that pass `filter` and
    /// whose client's name has `text` in it, and how many there are in all.
    pub fn search(
        conn: &mut AnyConnection,
        caller: &Caller,
        (filter, text): (&AssessmentFilter, Option<&str>),
        (order, descending): (AssessmentOrder, bool),
        window: Window,
    ) -> QueryResult<(Vec<Assessment>, i64)> {
        let total = matching(caller, filter, text).count().get_result(conn)?;
        let query = matching(caller, filter, text);
        let query = match (order, descending) {
            (AssessmentOrder::Date, false) => query.order(assessments::assessment_date.asc()),
            (AssessmentOrder::Date, true) => query.order(assessments::assessment_date.desc()),
            (AssessmentOrder::Status, false) => query.order(assessments::status.asc()),
            (AssessmentOrder::Status, true) => query.order(assessments::status.desc()),
            (AssessmentOrder::Updated, false) => query.order(assessments::updated_at.asc()),
            (AssessmentOrder::Updated, true) => query.order(assessments::updated_at.desc()),
        };
        let query = if descending {
            query.then_order_by(assessments::id.desc())
        } else {
            query.then_order_by(assessments::id.asc())
        };
        let found = query
            .offset(window.offset)
            .limit(window.limit)
            .select(Assessment::as_select())
            .load(conn)?;
        Ok((found, total))
    }

    /// How many assessments the caller may see are in `status`.
    pub fn count_in(conn: &mut AnyConnection, caller: &Caller, status: Status) -> QueryResult<i64> {
        visible(caller)
            .filter(assessments::status.eq(status.as_str()))
            .count()
            .get_result(conn)
    }

    /// Open assessments (draft or in progress) nobody has changed since
    /// `before`, the longest untouched first.
    pub fn stale(
        conn: &mut AnyConnection,
        caller: &Caller,
        before: chrono::NaiveDateTime,
        limit: i64,
    ) -> QueryResult<Vec<Assessment>> {
        visible(caller)
            .filter(assessments::status.ne(Status::Final.as_str()))
            .filter(assessments::updated_at.lt(before))
            .order((assessments::updated_at.asc(), assessments::id.asc()))
            .limit(limit)
            .select(Assessment::as_select())
            .load(conn)
    }

    pub fn status(&self) -> Status {
        self.status
    }

    pub fn create(
        conn: &mut AnyConnection,
        caller: &Caller,
        new: NewAssessment,
    ) -> QueryResult<Assessment> {
        let at = now();
        diesel::insert_into(assessments::table)
            .values((
                assessments::organisation_id.eq(caller.organisation_id.get()),
                assessments::client_id.eq(new.client_id),
                assessments::questionnaire_id.eq(new.questionnaire_id),
                assessments::assessment_date.eq(new.assessment_date),
                assessments::business_unit.eq(new.business_unit),
                assessments::product.eq(new.product),
                assessments::customer_group.eq(new.customer_group),
                assessments::status.eq(Status::Draft.as_str()),
                assessments::lead_assessor_id.eq(new.lead_assessor_id),
                assessments::version.eq(1),
                assessments::created_at.eq(at),
                assessments::updated_at.eq(at),
            ))
            .returning(assessments::all_columns)
            .get_result::<Assessment>(conn)
    }

    /// Assessment `id` of whichever organisation, for start-up, which acts
    /// for every organisation.
    pub fn find_any(conn: &mut AnyConnection, id: i32) -> QueryResult<Option<Assessment>> {
        assessments::table
            .find(id)
            .select(Assessment::as_select())
            .first(conn)
            .optional()
    }

    /// Whose assessment `id` is, for the command line, which acts for
    /// every organisation: its organisation's id.
    pub fn organisation_of(conn: &mut AnyConnection, id: i32) -> QueryResult<Option<i32>> {
        assessments::table
            .find(id)
            .select(assessments::organisation_id)
            .first(conn)
            .optional()
    }

    /// Every final assessment of every organisation, as (id, organisation).
    pub fn all_finals(conn: &mut AnyConnection) -> QueryResult<Vec<(i32, i32)>> {
        assessments::table
            .filter(assessments::status.eq(Status::Final.as_str()))
            .order(assessments::id)
            .select((assessments::id, assessments::organisation_id))
            .load(conn)
    }

    pub fn find_visible(
        conn: &mut AnyConnection,
        caller: &Caller,
        id: i32,
    ) -> QueryResult<Option<Assessment>> {
        one_visible!(conn, caller, id, Assessment::as_select())
    }

    /// `(id, version, answers_version)` of an assessment the caller may
    /// see: what its kept results are kept by.
    pub fn visible_versions(
        conn: &mut AnyConnection,
        caller: &Caller,
        id: i32,
    ) -> QueryResult<Option<(i32, i32, i32)>> {
        let versions = (
            assessments::id,
            assessments::version,
            assessments::answers_version,
        );
        one_visible!(conn, caller, id, versions)
    }

    pub fn list_visible(
        conn: &mut AnyConnection,
        caller: &Caller,
        filter: &AssessmentFilter,
    ) -> QueryResult<Vec<Assessment>> {
        let mut query = visible(caller);
        if let Some(client_id) = filter.client_id {
            query = query.filter(assessments::client_id.eq(client_id));
        }
        if let Some(status) = filter.status {
            query = query.filter(assessments::status.eq(status.as_str()));
        }
        query
            .order((assessments::assessment_date.desc(), assessments::id.desc()))
            .select(Assessment::as_select())
            .load(conn)
    }

    /// Every final assessment of an organisation with its client's sector, newest first.
    pub fn finals(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<Vec<FinalEntry>> {
        use super::schema::clients;
        let rows: Vec<FinalRow> = assessments::table
            .inner_join(clients::table)
            .filter(assessments::organisation_id.eq(organisation_id))
            .filter(assessments::status.eq(Status::Final.as_str()))
            .order((assessments::assessment_date.desc(), assessments::id.desc()))
            .select((
                assessments::id,
                assessments::client_id,
                assessments::business_unit,
                assessments::product,
                assessments::customer_group,
                assessments::assessment_date,
                clients::sector,
                assessments::questionnaire_id,
            ))
            .load(conn)?;
        let mut sectors = SharedText::default();
        Ok(rows
            .into_iter()
            .map(
                |(id, client_id, bu, product, group, date, sector, questionnaire_id)| FinalEntry {
                    id,
                    client_id,
                    scope: (bu, product, group),
                    date,
                    sector: sectors.share(sector),
                    questionnaire_id,
                },
            )
            .collect())
    }

    /// Moves to `status` if nobody changed the assessment since `expected_version`.
    /// Returns `None` when the version was stale.
    pub fn set_status(
        conn: &mut AnyConnection,
        id: i32,
        expected_version: i32,
        status: Status,
    ) -> QueryResult<Option<Assessment>> {
        let at = now();
        let finalised = (status == Status::Final).then_some(at);
        let updated = diesel::update(
            assessments::table
                .find(id)
                .filter(assessments::version.eq(expected_version)),
        )
        .set((
            assessments::status.eq(status.as_str()),
            assessments::version.eq(assessments::version + 1),
            assessments::updated_at.eq(at),
            assessments::finalised_at.eq(finalised),
        ))
        .returning(assessments::all_columns)
        .get_result::<Assessment>(conn)
        .optional()?;
        if let Some(a) = updated.as_ref().filter(|_| status == Status::Final) {
            Organisation::portfolio_changed(conn, a.organisation_id)?;
        }
        Ok(updated)
    }

    /// Records that the assessment changed (its team or agreed answers), so
    /// that a status change made against the old version gets 409.
    pub fn touch(conn: &mut AnyConnection, id: i32) -> QueryResult<Assessment> {
        diesel::update(assessments::table.find(id))
            .set((
                assessments::version.eq(assessments::version + 1),
                assessments::updated_at.eq(now()),
            ))
            .returning(assessments::all_columns)
            .get_result::<Assessment>(conn)
    }

    /// Records that an assessor's answer changed, in the transaction that
    /// changed it.
    pub fn answers_changed(conn: &mut AnyConnection, id: i32) -> QueryResult<()> {
        KeptUpdate::new(
            assessments::table,
            assessments::id.eq(id),
            assessments::answers_version.eq(assessments::answers_version + 1),
        )
        .execute(conn)?;
        Ok(())
    }

    /// Marks the first score of a draft: the assessment is now in progress.
    pub fn start_if_draft(conn: &mut AnyConnection, id: i32) -> QueryResult<usize> {
        diesel::update(
            assessments::table
                .find(id)
                .filter(assessments::status.eq(Status::Draft.as_str())),
        )
        .set((
            assessments::status.eq(Status::InProgress.as_str()),
            assessments::version.eq(assessments::version + 1),
            assessments::updated_at.eq(now()),
        ))
        .execute(conn)
    }

    pub fn assessors(conn: &mut AnyConnection, id: i32) -> QueryResult<Vec<i32>> {
        assessment_assessors::table
            .filter(assessment_assessors::assessment_id.eq(id))
            .select(assessment_assessors::user_id)
            .order(assessment_assessors::user_id)
            .load(conn)
    }

    /// The assessors of several assessments in one query, by assessment id.
    pub fn assessors_of(
        conn: &mut AnyConnection,
        ids: &[i32],
    ) -> QueryResult<std::collections::HashMap<i32, Vec<i32>>> {
        let mut map: std::collections::HashMap<i32, Vec<i32>> = std::collections::HashMap::new();
        // Chunks keep SQLite under its limit of bound parameters.
        for chunk in ids.chunks(1000) {
            let pairs: Vec<(i32, i32)> = assessment_assessors::table
                .filter(assessment_assessors::assessment_id.eq_any(chunk))
                .select((
                    assessment_assessors::assessment_id,
                    assessment_assessors::user_id,
                ))
                .order((
                    assessment_assessors::assessment_id,
                    assessment_assessors::user_id,
                ))
                .load(conn)?;
            for (assessment, user) in pairs {
                map.entry(assessment).or_default().push(user);
            }
        }
        Ok(map)
    }

    pub fn add_assessor(conn: &mut AnyConnection, id: i32, user_id: i32) -> QueryResult<bool> {
        let present: i64 = assessment_assessors::table
            .filter(assessment_assessors::assessment_id.eq(id))
            .filter(assessment_assessors::user_id.eq(user_id))
            .count()
            .get_result(conn)?;
        if present > 0 {
            return Ok(false);
        }
        diesel::insert_into(assessment_assessors::table)
            .values((
                assessment_assessors::assessment_id.eq(id),
                assessment_assessors::user_id.eq(user_id),
            ))
            .execute(conn)?;
        Ok(true)
    }

    pub fn remove_assessor(conn: &mut AnyConnection, id: i32, user_id: i32) -> QueryResult<bool> {
        diesel::delete(
            assessment_assessors::table
                .filter(assessment_assessors::assessment_id.eq(id))
                .filter(assessment_assessors::user_id.eq(user_id)),
        )
        .execute(conn)
        .map(|n| n > 0)
    }
}
