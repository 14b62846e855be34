ALTER TABLE users DROP COLUMN language;
ALTER TABLE clients DROP COLUMN report_language;
