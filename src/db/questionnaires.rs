//! Imported questionnaire versions. A version is immutable: importing the same
//! content again is a no-op, different content under the same version is refused.

use super::{now, schema::questionnaires, AnyConnection};
use crate::domain::questionnaire::Questionnaire;
use diesel::prelude::*;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = questionnaires)]
pub struct StoredQuestionnaire {
    pub id: i32,
    pub organisation_id: i32,
    pub questionnaire_key: String,
    pub version: String,
    pub title: String,
    pub content_hash: String,
    pub definition: String,
    pub imported_at: chrono::NaiveDateTime,
}

/// What an import did.
#[derive(Debug)]
pub enum Import {
    Created(StoredQuestionnaire),
    AlreadyPresent(StoredQuestionnaire),
    /// The version exists with other content; the file must bump its version.
    Conflict(StoredQuestionnaire),
}

impl StoredQuestionnaire {
    pub fn import(
        conn: &mut AnyConnection,
        organisation_id: i32,
        q: &Questionnaire,
    ) -> QueryResult<Import> {
        let existing = questionnaires::table
            .filter(questionnaires::organisation_id.eq(organisation_id))
            .filter(questionnaires::questionnaire_key.eq(&q.id))
            .filter(questionnaires::version.eq(&q.version))
            .select(StoredQuestionnaire::as_select())
            .first(conn)
            .optional()?;
        let hash = q.content_hash();
        if let Some(stored) = existing {
            return Ok(if stored.content_hash == hash {
                Import::AlreadyPresent(stored)
            } else {
                Import::Conflict(stored)
            });
        }
        let definition = serde_json::to_string(q)
            .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
        diesel::insert_into(questionnaires::table)
            .values((
                questionnaires::organisation_id.eq(organisation_id),
                questionnaires::questionnaire_key.eq(&q.id),
                questionnaires::version.eq(&q.version),
                questionnaires::title.eq(&q.title),
                questionnaires::content_hash.eq(hash),
                questionnaires::definition.eq(definition),
                questionnaires::imported_at.eq(now()),
            ))
            .returning(questionnaires::all_columns)
            .get_result::<StoredQuestionnaire>(conn)
            .map(Import::Created)
    }

    pub fn find_in(
        conn: &mut AnyConnection,
        organisation_id: i32,
        id: i32,
    ) -> QueryResult<Option<StoredQuestionnaire>> {
        questionnaires::table
            .find(id)
            .filter(questionnaires::organisation_id.eq(organisation_id))
            .select(StoredQuestionnaire::as_select())
            .first(conn)
            .optional()
    }

    pub fn list_in(
        conn: &mut AnyConnection,
        organisation_id: i32,
    ) -> QueryResult<Vec<StoredQuestionnaire>> {
        questionnaires::table
            .filter(questionnaires::organisation_id.eq(organisation_id))
            .order((questionnaires::questionnaire_key, questionnaires::id))
            .select(StoredQuestionnaire::as_select())
            .load(conn)
    }

    /// The questionnaire as imported. Stored JSON that no longer parses is a
    /// corrupted row, reported as a deserialisation error.
    pub fn definition(&self) -> QueryResult<Questionnaire> {
        serde_json::from_str(&self.definition)
            .map_err(|e| diesel::result::Error::DeserializationError(Box::new(e)))
    }
}

/// A cached questionnaire and the organisation that owns it.
type Owned = (i32, Arc<Questionnaire>);

/// Parsed questionnaire versions by id. Versions never change once imported,
/// so each instance may keep its own copy without any invalidation.
#[derive(Clone, Default)]
pub struct QuestionnaireCache {
    entries: Arc<RwLock<HashMap<i32, Owned>>>,
}

impl QuestionnaireCache {
    /// The questionnaire with this id if it belongs to the organisation.
    pub fn get(
        &self,
        conn: &mut AnyConnection,
        organisation_id: i32,
        id: i32,
    ) -> QueryResult<Option<Arc<Questionnaire>>> {
        let cached = self
            .entries
            .read()
            .ok()
            .and_then(|map| map.get(&id).cloned());
        if let Some((owner, q)) = cached {
            return Ok((owner == organisation_id).then_some(q));
        }
        let Some(stored) = StoredQuestionnaire::find_in(conn, organisation_id, id)? else {
            return Ok(None);
        };
        let q = Arc::new(stored.definition()?);
        if let Ok(mut map) = self.entries.write() {
            map.insert(id, (organisation_id, q.clone()));
        }
        Ok(Some(q))
    }
}
