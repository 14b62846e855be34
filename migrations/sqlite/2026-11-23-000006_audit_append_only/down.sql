DROP INDEX audit_events_recent;
DROP TRIGGER audit_events_only_blanked;
DROP TRIGGER audit_events_no_delete;
