-- Single sign-on through the organisation's OpenID provider. The client
-- secret is sealed (auth::sealed) and never leaves cmas; the role map is a
-- JSON object from a value of the role claim to a cmas role.
CREATE TABLE sso_settings (
    organisation_id INTEGER PRIMARY KEY NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_secret_sealed TEXT NOT NULL,
    allowed_domains TEXT NOT NULL,
    role_claim TEXT NOT NULL,
    role_map TEXT NOT NULL,
    default_role TEXT,
    required BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMP NOT NULL
);

-- A sign-in on its way through the provider: the digest of its state, its
-- nonce and its sealed PKCE verifier. Used once: a replayed state finds it
-- used; ten minutes at most.
CREATE TABLE sso_attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    state_hash TEXT NOT NULL UNIQUE,
    nonce TEXT NOT NULL,
    verifier_sealed TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP
);
