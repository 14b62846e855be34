-- A client's name compared as people compare names: case and runs of spaces
-- ignored. cmas writes the key (app::clients::name_key); here it is derived
-- for the clients already stored, and an earlier duplicate keeps the plain
-- key while a later one gets its id appended, so the index can be built.
ALTER TABLE clients ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE clients SET name_key =
    lower(trim(replace(replace(replace(replace(name, char(9), ' '), '  ', ' '), '  ', ' '), '  ', ' ')));
UPDATE clients SET name_key = name_key || '#' || id
 WHERE EXISTS (SELECT 1 FROM clients AS earlier
                WHERE earlier.organisation_id = clients.organisation_id
                  AND earlier.name_key = clients.name_key
                  AND earlier.id < clients.id);
CREATE UNIQUE INDEX clients_name_key ON clients (organisation_id, name_key);

-- How the organisation writes numbers and which currency its money is in.
ALTER TABLE organisations ADD COLUMN currency TEXT NOT NULL DEFAULT 'EUR';
ALTER TABLE organisations ADD COLUMN number_format TEXT NOT NULL DEFAULT 'decimal_point';

-- When each person last signed in, for the admins' list of users.
ALTER TABLE users ADD COLUMN last_login_at TIMESTAMP;

-- One-time links by which an invited person sets their own password. Only
-- the token's hash is kept.
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    accepted_at TIMESTAMP
);
CREATE INDEX invitations_user ON invitations (user_id);
