-- How an organisation's reports look: colours, font, cover page, footer,
-- confidentiality marking and logo. One row per organisation that set any;
-- without one, reports use cmas's own look.
CREATE TABLE report_brandings (
    organisation_id INTEGER PRIMARY KEY NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
    primary_colour TEXT NOT NULL,
    accent_colour TEXT NOT NULL,
    font TEXT NOT NULL,
    cover BOOLEAN NOT NULL,
    footer TEXT NOT NULL,
    confidentiality TEXT NOT NULL,
    logo BLOB,
    logo_kind TEXT,
    updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at TIMESTAMP NOT NULL
);
