-- Two factors for password accounts (RFC 6238). The secret is kept
-- encrypted (AES-256-GCM, key from CMAS_SECRET_KEY); the last time step a
-- code was accepted for, so that no code is accepted twice.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled_at TIMESTAMP;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- Ten single-use recovery codes per person, stored as digests.
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    used_at TIMESTAMP
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);

-- A login whose password was right and whose code is still to come: the
-- login page's second step. Single use, five minutes.
CREATE TABLE login_challenges (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at TIMESTAMP NOT NULL
);

-- Who must use a second factor: nobody (each person may), admins, or everyone.
ALTER TABLE organisations ADD COLUMN two_factor TEXT NOT NULL DEFAULT 'optional'
    CHECK (two_factor IN ('optional', 'admins', 'everyone'));

-- The key secrets are encrypted with, when CMAS_SECRET_KEY does not give one.
CREATE TABLE instance_keys (
    name TEXT PRIMARY KEY NOT NULL,
    key TEXT NOT NULL
);
