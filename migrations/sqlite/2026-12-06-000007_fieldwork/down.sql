DROP TABLE area_assignments;
DROP TABLE citations;
DROP TABLE interview_assessors;
DROP TABLE interviews;
DROP TABLE evidence_areas;
DROP TABLE evidence_chunks;
DROP TABLE evidence_items;
ALTER TABLE scores DROP COLUMN not_applicable;
