# Die Briefe, die cmas verschickt (app::mail), in der Sprache des Empfängers.

mail-invitation-subject = { $organisation } lädt Sie zu cmas ein
mail-invitation-body =
    Guten Tag { $name },

    { $organisation } hat für Sie ein Konto bei cmas eingerichtet, wo die Assessments des Kundenmanagements laufen.

    Wählen Sie hier Ihr Passwort (der Link gilt einmal, { $hours } Stunden lang):
    { $link }

    Wenn Sie diesen Brief nicht erwartet haben, können Sie ihn übergehen: Solange der Link nicht benutzt wird, geschieht nichts.

mail-reset-subject = Neues Passwort für cmas
mail-reset-body =
    Guten Tag { $name },

    Jemand hat ein neues Passwort für Ihr cmas-Konto angefordert. Wenn Sie es waren, wählen Sie es hier (der Link gilt einmal, { $minutes } Minuten lang):
    { $link }

    Damit werden Sie überall abgemeldet und Ihre API-Tokens widerrufen. Wenn Sie es nicht waren, übergehen Sie diesen Brief: Ihr Passwort bleibt, wie es ist.

mail-assigned-subject = Bereiche des Assessments { $client } zur Bewertung
mail-assigned-body =
    Guten Tag { $name },

    { $from } hat Ihnen diese Bereiche des Assessments { $client } vom { $date } übertragen: { $areas }.

    Bewerten Sie sie hier:
    { $link }

mail-ready-subject = { $from } ist bereit für Ihre Durchsicht: { $client }
mail-ready-body =
    Guten Tag { $name },

    { $from } hat die eigenen Bereiche des Assessments { $client } vom { $date } bewertet und bittet um Ihre Durchsicht.

    Hier geht es zur Durchsicht:
    { $link }
