-- The audit trail is append-only. The one change allowed is erasing a
-- client's data: its events keep who did what and when, but their before
-- and after values (which hold the client's answers) are blanked.
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE TRIGGER audit_events_only_blanked BEFORE UPDATE ON audit_events
WHEN NEW.id IS NOT OLD.id
  OR NEW.organisation_id IS NOT OLD.organisation_id
  OR NEW.actor_id IS NOT OLD.actor_id
  OR NEW.occurred_at IS NOT OLD.occurred_at
  OR NEW.entity IS NOT OLD.entity
  OR NEW.entity_id IS NOT OLD.entity_id
  OR NEW.action IS NOT OLD.action
  OR NEW.before_value IS NOT NULL
  OR NEW.after_value IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'the audit trail is append-only');
END;

CREATE INDEX audit_events_recent ON audit_events(organisation_id, occurred_at);
