-- From priorities to plans. A target set is what a client and scope aim
-- for after a final assessment: a % of best practice per area (and
-- optionally per practice), each by a date. Setting targets again makes a
-- new version; the old ones stay, with who set them and when.
CREATE TABLE target_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    -- The final assessment the targets start from.
    assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
    -- The scope, as the assessment's: the targets of one client and scope are one history.
    scope_key TEXT NOT NULL,
    version INTEGER NOT NULL,
    set_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    set_at TIMESTAMP NOT NULL,
    UNIQUE (client_id, scope_key, version)
);
CREATE INDEX target_sets_assessment ON target_sets (assessment_id);

CREATE TABLE targets (
    set_id INTEGER NOT NULL REFERENCES target_sets(id) ON DELETE CASCADE,
    -- An area's id, or a practice's (question's) id.
    node_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('area', 'practice')),
    -- % of best practice, combined.
    target DOUBLE NOT NULL CHECK (target >= 0 AND target <= 100),
    due_date DATE NOT NULL,
    PRIMARY KEY (set_id, node_id)
);

-- Agreed actions: the work that turns a priority into a better score.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    -- The assessment whose priorities it answers, if any.
    assessment_id INTEGER REFERENCES assessments(id) ON DELETE SET NULL,
    title TEXT NOT NULL,
    -- The area and practice ids it addresses, as a JSON array of strings.
    addresses TEXT NOT NULL,
    -- A cmas user, or a named person at the client (exactly one of them).
    owner_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
    owner_name TEXT,
    due_date DATE,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'agreed', 'in_progress', 'done', 'dropped')),
    -- The programme project that carries it, if any.
    project_id INTEGER REFERENCES projects(id) ON DELETE SET NULL,
    version INTEGER NOT NULL,
    created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX actions_client ON actions (client_id);
