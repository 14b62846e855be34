# Das Prüfprotokoll in Sätzen (app::audit_lines). $actor ist, wer gehandelt hat,
# $subject, worauf sich die Aktion bezog (die audit-subject-*-Nachrichten), $question die
# bewertete Praktik, $member die Person, der Zugriff gegeben oder entzogen wurde, $action der
# Code einer Aktion ohne eigenen Satz.
# Grammatik: $subject und $member stehen im Akkusativ (als Objekt oder nach „für“, „auf“);
# die audit-subject-*-Wendungen sind daher Akkusativformen. Nur bei Benutzern steht $subject
# auch als Satzsubjekt; dort ist es ein Name oder „eine gelöschte Person“ (Nominativ = Akkusativ).

## Worauf sich eine Aktion bezog
audit-subject-assessment = das Assessment von { $client } vom { $date }
audit-subject-client = den Kunden { $name }
audit-subject-user = { $name }
audit-subject-token = das API-Token „{ $name }“
audit-subject-programme = das Programm „{ $name }“ von { $client }
audit-subject-project = das Projekt „{ $name }“
audit-subject-erased = { $entity ->
    [assessment] ein gelöschtes Assessment
    [client] einen gelöschten Kunden
    [user] eine gelöschte Person
    [token] ein gelöschtes API-Token
    [programme] ein gelöschtes Programm
    [project] ein gelöschtes Projekt
    [organisation] eine gelöschte Organisation
    [evidence] einen gelöschten Nachweis
    [interview] ein gelöschtes Interview
    [score] eine gelöschte Bewertung
    [agreed] einen gelöschten vereinbarten Wert
   *[other] einen gelöschten Datensatz ({ $entity })
    }
audit-subject-someone = Jemand
audit-subject-nobody = jemanden

## Ein Satz pro Aktion; die ID ist der Code der Aktion mit „-“ statt „.“
audit-action-assessment-create = { $actor } hat { $subject } begonnen
audit-action-assessment-status-final = { $actor } hat { $subject } abgeschlossen
audit-action-assessment-status-in_progress = { $actor } hat { $subject } zur Bewertung geöffnet
audit-action-assessment-status-draft = { $actor } hat { $subject } auf Entwurf zurückgesetzt
audit-action-assessment-assign = { $actor } hat für { $subject } die Bereiche auf die Assessoren verteilt
audit-action-assessment-assessor_added = { $actor } hat { $member } als Assessor für { $subject } hinzugefügt
audit-action-assessment-assessor_removed = { $actor } hat { $member } als Assessor für { $subject } entfernt
audit-action-score-save = { $actor } hat { $question } für { $subject } bewertet
audit-action-score-workbook = { $actor } hat { $question } für { $subject } mit der Offline-Arbeitsmappe bewertet
audit-action-agreed-save = { $actor } hat für { $subject } den vereinbarten Wert von { $question } festgelegt
audit-action-agreed-clear = { $actor } hat für { $subject } den vereinbarten Wert von { $question } entfernt
audit-action-evidence-upload = { $actor } hat für { $subject } ein Dokument zu den Nachweisen hinzugefügt
audit-action-evidence-link = { $actor } hat für { $subject } einen Link zu den Nachweisen hinzugefügt
audit-action-evidence-change = { $actor } hat für { $subject } einen Nachweis geändert
audit-action-evidence-remove = { $actor } hat für { $subject } einen Nachweis entfernt
audit-action-evidence-cite = { $actor } hat für { $subject } Nachweise zu { $question } angeführt
audit-action-interview-plan = { $actor } hat für { $subject } ein Interview geplant
audit-action-interview-update = { $actor } hat für { $subject } ein Interview aktualisiert
audit-action-client-create = { $actor } hat { $subject } angelegt
audit-action-client-update = { $actor } hat die Profilangaben für { $subject } geändert
audit-action-client-import = { $actor } hat eine Kundenliste importiert
audit-action-client-export = { $actor } hat alle Daten für { $subject } exportiert
audit-action-client-erase = { $actor } hat einen Kunden mit allen seinen Daten gelöscht
audit-action-client-member_attached = { $actor } hat den Zugriff auf { $subject } für { $member } freigegeben
audit-action-client-member_detached = { $actor } hat den Zugriff auf { $subject } für { $member } aufgehoben
audit-action-programme-create = { $actor } hat { $subject } gestartet
audit-action-programme-update = { $actor } hat { $subject } geändert
audit-action-project-create = { $actor } hat { $subject } zu einem Programm hinzugefügt
audit-action-project-update = { $actor } hat { $subject } geändert
audit-action-project-delete = { $actor } hat { $subject } aus seinem Programm entfernt
audit-action-token-create = { $actor } hat { $subject } erstellt
audit-action-token-revoke = { $actor } hat { $subject } widerrufen
audit-action-user-create = { $actor } hat ein Benutzerkonto für { $subject } angelegt
audit-action-user-update = { $actor } hat das Benutzerkonto für { $subject } geändert
audit-action-user-invite = { $actor } hat { $subject } eingeladen
audit-action-user-accept = { $subject } hat die Einladung angenommen und ein Passwort festgelegt
audit-action-user-login = { $subject } hat sich angemeldet
audit-action-user-sso_login = { $subject } hat sich über den Identitätsanbieter angemeldet
audit-action-user-sso_joined = { $subject } ist durch die erste Anmeldung über den Identitätsanbieter hinzugekommen
audit-action-user-login_failed = Eine Anmeldung als { $subject } ist fehlgeschlagen
audit-action-user-logout = { $subject } hat sich abgemeldet
audit-action-user-session_ended = { $subject } hat eine eigene Sitzung beendet
audit-action-user-two_factor_on = { $subject } hat einen zweiten Faktor eingeschaltet
audit-action-user-two_factor_off = { $subject } hat den eigenen zweiten Faktor ausgeschaltet
audit-action-user-two_factor_reset = { $actor } hat den zweiten Faktor von { $subject } zurückgesetzt
audit-action-user-reset_requested = Jemand hat ein neues Passwort für { $subject } angefordert
audit-action-user-password_reset = { $subject } hat mit einem Link ein neues Passwort gesetzt
audit-action-assessment-ready = { $actor } hat der Leitung gemeldet, dass die eigenen Bereiche von { $subject } zur Durchsicht bereit sind
audit-action-organisation-settings = { $actor } hat das Zahlen- und Währungsformat der Organisation geändert
audit-action-organisation-branding = { $actor } hat die Berichtsgestaltung der Organisation geändert
audit-action-organisation-logo = { $actor } hat das Logo für die Berichte der Organisation festgelegt
audit-action-organisation-logo_removed = { $actor } hat das Logo aus den Berichten der Organisation entfernt
audit-action-organisation-sso = { $actor } hat die Einmalanmeldung der Organisation eingerichtet
audit-action-organisation-sso_removed = { $actor } hat die Einmalanmeldung der Organisation entfernt
audit-action-organisation-create = Der Betreiber der Plattform hat die Organisation angelegt
audit-action-organisation-disable = Der Betreiber der Plattform hat die Organisation gesperrt
audit-action-organisation-enable = Der Betreiber der Plattform hat die Organisation wieder freigeschaltet
audit-action-organisation-admin_invited = Der Betreiber der Plattform hat einen Admin eingeladen
audit-action-other = { $actor }: { $action } ({ $subject })

## Wie jedes erfasste Feld in der Liste der Änderungen heißt
audit-field-status = Status
audit-field-name = Name
audit-field-sector = Branche
audit-field-size_band = Größenklasse
audit-field-region = Region
audit-field-role = Rolle
audit-field-active = Aktiv
audit-field-email = E-Mail
audit-field-intention = Absicht
audit-field-reality = Realität
audit-field-na_reason = Begründung für N/A
audit-field-evidence = Notiz zu Nachweisen
audit-field-not_applicable = Nicht zutreffend

## Pläne: Ziele und vereinbarte Maßnahmen
audit-action-targets-set = { $actor } hat Ziele für { $subject } gesetzt
audit-action-action-create = { $actor } hat eine Maßnahme für { $subject } angelegt
audit-action-action-update = { $actor } hat eine Maßnahme von { $subject } geändert
audit-action-action-status = { $actor } hat den Stand einer Maßnahme von { $subject } geändert
audit-field-action = Maßnahme
audit-field-due_date = fällig
audit-field-targets = Ziele
audit-field-targets_version = Version der Ziele
