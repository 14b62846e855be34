-- Steady-progress programmes: one per client, a grid of business units ×
-- customer groups (JSON arrays), projects placed on it with milestones and
-- dependencies. Lists and money are JSON: read and written whole, never queried inside.
CREATE TABLE programmes (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    client_id INTEGER NOT NULL UNIQUE REFERENCES clients(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    business_units TEXT NOT NULL,
    customer_groups TEXT NOT NULL,
    dimensions TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE projects (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    programme_id INTEGER NOT NULL REFERENCES programmes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    objective TEXT NOT NULL,
    owner TEXT NOT NULL,
    placement TEXT NOT NULL,
    areas TEXT NOT NULL,
    inputs TEXT NOT NULL,
    outputs TEXT NOT NULL,
    start_date DATE NOT NULL,
    end_date DATE NOT NULL,
    status TEXT NOT NULL,
    -- Costs and benefits, planned and actual: {"cost_planned": …, "cost_actual": …, …}
    money TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (programme_id, name)
);

CREATE TABLE milestones (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    due_date DATE NOT NULL,
    done_date DATE
);

CREATE TABLE project_dependencies (
    project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    depends_on_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    PRIMARY KEY (project_id, depends_on_id)
);
CREATE INDEX milestones_by_project ON milestones(project_id);
