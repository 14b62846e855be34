DROP TABLE invitations;
ALTER TABLE organisations DROP COLUMN number_format;
ALTER TABLE organisations DROP COLUMN currency;
ALTER TABLE users DROP COLUMN last_login_at;
DROP INDEX clients_name_key;
ALTER TABLE clients DROP COLUMN name_key;
