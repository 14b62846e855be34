-- The language a client's reports are written in, and the language a
-- person reads the application in (none: their browser's choice).
ALTER TABLE clients ADD COLUMN report_language TEXT NOT NULL DEFAULT 'en'
    CHECK (report_language IN ('en', 'de', 'fr'));
ALTER TABLE users ADD COLUMN language TEXT
    CHECK (language IN ('en', 'de', 'fr'));
