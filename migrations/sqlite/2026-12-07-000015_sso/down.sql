DROP TABLE sso_attempts;
DROP TABLE sso_settings;
