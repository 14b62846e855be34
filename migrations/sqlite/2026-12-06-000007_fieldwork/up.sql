-- Fieldwork: partial answers, evidence (files, links, interviews) cited by
-- answers, and the lead's division of the areas among the assessors.

-- N/A is its own flag now: an N/A without its reason yet is a partial answer.
ALTER TABLE scores ADD COLUMN not_applicable BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE scores SET not_applicable = TRUE WHERE na_reason IS NOT NULL;

-- Evidence of an assessment: a document (its bytes in evidence_chunks), a
-- link, or an interview (its details in interviews).
CREATE TABLE evidence_items (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    url TEXT,
    file_name TEXT,
    media_type TEXT,
    size_bytes BIGINT,
    sha256 TEXT,
    effective_date DATE,
    shared_with_executives BOOLEAN NOT NULL DEFAULT FALSE,
    added_by INTEGER NOT NULL REFERENCES users(id),
    added_at TIMESTAMP NOT NULL
);
CREATE INDEX evidence_items_assessment ON evidence_items(assessment_id);
CREATE INDEX evidence_items_organisation ON evidence_items(organisation_id);
-- The same bytes uploaded twice to one assessment are one item.
CREATE UNIQUE INDEX evidence_items_same_file ON evidence_items(assessment_id, sha256) WHERE sha256 IS NOT NULL;

-- A file's bytes in pieces of at most 1 MiB, so no row is large.
CREATE TABLE evidence_chunks (
    evidence_id INTEGER NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (evidence_id, seq)
);

-- The areas an item (an interview's plan, a document) is meant to cover.
CREATE TABLE evidence_areas (
    evidence_id INTEGER NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
    area_id TEXT NOT NULL,
    PRIMARY KEY (evidence_id, area_id)
);

CREATE TABLE interviews (
    evidence_id INTEGER PRIMARY KEY NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
    interviewee TEXT NOT NULL,
    job_title TEXT NOT NULL,
    job_function TEXT NOT NULL,
    scheduled_at TIMESTAMP NOT NULL,
    status TEXT NOT NULL,
    notes TEXT,
    version INTEGER NOT NULL
);

CREATE TABLE interview_assessors (
    evidence_id INTEGER NOT NULL REFERENCES interviews(evidence_id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (evidence_id, user_id)
);

-- An assessor's answer cites evidence items.
CREATE TABLE citations (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    assessor_id INTEGER NOT NULL REFERENCES users(id),
    question_id TEXT NOT NULL,
    evidence_id INTEGER NOT NULL REFERENCES evidence_items(id) ON DELETE CASCADE,
    PRIMARY KEY (assessment_id, assessor_id, question_id, evidence_id)
);
CREATE INDEX citations_evidence ON citations(evidence_id);

-- The lead divides the work: areas or sub-areas per assessor.
CREATE TABLE area_assignments (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    area_id TEXT NOT NULL,
    PRIMARY KEY (assessment_id, user_id, area_id)
);
