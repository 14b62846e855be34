DROP TABLE instance_keys;
ALTER TABLE organisations DROP COLUMN two_factor;
DROP TABLE login_challenges;
DROP TABLE recovery_codes;
ALTER TABLE users DROP COLUMN totp_last_step;
ALTER TABLE users DROP COLUMN totp_enabled_at;
ALTER TABLE users DROP COLUMN totp_secret;
