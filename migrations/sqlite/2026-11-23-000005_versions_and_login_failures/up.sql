-- Versions of what instances keep in memory, bumped in the same transaction
-- as the change: the portfolio (an assessment finalised) and the business
-- performance data (KPI values, panels and their ranks). An instance checks
-- one row instead of counting 40,000 assessments.
ALTER TABLE organisations ADD COLUMN portfolio_version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE organisations ADD COLUMN performance_version BIGINT NOT NULL DEFAULT 0;

-- Failed logins, by the digest of the account's e-mail or the caller's
-- address, for throttling that holds across instances. Old rows are deleted
-- as new ones arrive.
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    subject TEXT NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures(subject, failed_at);
