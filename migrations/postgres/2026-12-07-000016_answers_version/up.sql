-- Bumped by every change of an assessor's answer, so consolidated results can
-- be kept by (version, answers_version) and never served stale.
ALTER TABLE assessments ADD COLUMN answers_version INTEGER NOT NULL DEFAULT 0;
