DROP TABLE login_failures;
ALTER TABLE organisations DROP COLUMN performance_version;
ALTER TABLE organisations DROP COLUMN portfolio_version;
