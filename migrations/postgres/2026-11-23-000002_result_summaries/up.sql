-- The consolidated results of final assessments, per area and overall, stored
-- at finalisation: benchmarks read the whole portfolio from here.
CREATE TABLE result_summaries (
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    node_id TEXT NOT NULL,
    intention DOUBLE PRECISION NOT NULL,
    reality DOUBLE PRECISION NOT NULL,
    combined DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (assessment_id, node_id)
);
