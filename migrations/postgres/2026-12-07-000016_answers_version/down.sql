ALTER TABLE assessments DROP COLUMN answers_version;
