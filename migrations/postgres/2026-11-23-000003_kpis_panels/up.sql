-- Business performance: KPI definitions and values per client and period,
-- and expert panels ranking clients for a period.
CREATE TABLE kpis (
    id SERIAL PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    unit TEXT NOT NULL,
    direction TEXT NOT NULL,
    kind TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, name)
);

CREATE TABLE kpi_values (
    id SERIAL PRIMARY KEY,
    kpi_id INTEGER NOT NULL REFERENCES kpis(id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    UNIQUE (kpi_id, client_id, period)
);

CREATE TABLE panels (
    id SERIAL PRIMARY KEY,
    organisation_id INTEGER NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    period TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, name, period)
);

CREATE TABLE panel_ranks (
    panel_id INTEGER NOT NULL REFERENCES panels(id) ON DELETE CASCADE,
    client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
    rank DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (panel_id, client_id)
);
