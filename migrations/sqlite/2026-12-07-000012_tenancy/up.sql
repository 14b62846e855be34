-- Many consultancies on one deployment. The platform operator creates
-- organisations and can switch one off (its sessions and tokens stop at
-- once, its data stays); each organisation chooses the language its
-- reports are written in unless a client says otherwise.
ALTER TABLE organisations ADD COLUMN disabled_at TIMESTAMP;
ALTER TABLE organisations ADD COLUMN report_language TEXT NOT NULL DEFAULT 'en'
    CHECK (report_language IN ('en', 'de', 'fr'));

-- Operators administer tenants, not their content: they are no user of
-- any organisation, and their credentials open no organisation's routes.
CREATE TABLE operators (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- An operator's bearer credential: short-lived, stored as a digest.
CREATE TABLE operator_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL
);

-- What a person sees of their sessions and tokens: the device (the
-- browser's User-Agent), the address and when each was last used.
ALTER TABLE sessions ADD COLUMN device TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN last_seen_at TIMESTAMP;
ALTER TABLE api_tokens ADD COLUMN last_used_address TEXT;

-- API tokens expire (none: never, as tokens made before this did) and
-- carry a scope: read only, scoring, or whatever the owner's role allows.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP;
ALTER TABLE api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'admin'
    CHECK (scope IN ('read', 'scoring', 'admin'));
