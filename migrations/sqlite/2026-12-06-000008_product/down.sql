DROP TABLE invitations;
ALTER TABLE users DROP COLUMN last_login_at;
DROP INDEX clients_name_key;
ALTER TABLE clients DROP COLUMN name_key;
