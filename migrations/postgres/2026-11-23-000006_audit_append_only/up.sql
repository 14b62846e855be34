-- The audit trail is append-only. The one change allowed is erasing a
-- client's data: its events keep who did what and when, but their before
-- and after values (which hold the client's answers) are blanked.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
       AND NEW.id = OLD.id
       AND NEW.organisation_id = OLD.organisation_id
       AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
       AND NEW.occurred_at = OLD.occurred_at
       AND NEW.entity = OLD.entity
       AND NEW.entity_id = OLD.entity_id
       AND NEW.action = OLD.action
       AND NEW.before_value IS NULL
       AND NEW.after_value IS NULL THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only';
END
$$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

CREATE INDEX audit_events_recent ON audit_events(organisation_id, occurred_at);
