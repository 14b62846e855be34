### Was die Seiten der Anwendung sagen, auf Deutsch.
###
### Dieselben IDs wie in `reports/i18n/en/pages.ftl`, jede Nachricht mit denselben
### `$variables`. Anrede: Sie. Begriffe: Assessment, Scorecard, Absicht/Realität,
### Kunde (das bewertete Unternehmen), Portfoliostudie, Programm, Geschäftsbereich,
### Kundengruppe, leitender Assessor, Nachweise.
###
### Nachrichten enthalten kein HTML. Wo ein Satz einen Link oder eine Hervorhebung
### enthält, ist er in Stücke um das Markup geteilt; die Vorlage behält das Markup.
### Ein Leerzeichen am Anfang eines Stücks steht als {" "}.

## Ablehnungen, Hinweise und andere Sätze aus dem Code der Seiten.

login_first = Bitte melden Sie sich zuerst an.
enrol_first = Ihre Organisation verlangt einen zweiten Faktor: Richten Sie ihn zuerst ein.
fault = Bei uns ist ein Fehler aufgetreten. Er wurde protokolliert; versuchen Sie es in einem Moment erneut.
fault_plain = Bei uns ist ein Fehler aufgetreten; er wurde protokolliert.
form_expired = Das Formular ist abgelaufen oder stammt nicht von cmas. Laden Sie die Seite neu und versuchen Sie es erneut.
login_expired = Das Anmeldeformular ist abgelaufen. Laden Sie die Seite neu und melden Sie sich erneut an.
no_page = Unter dieser Adresse gibt es keine Seite.
no_assessment = Dieses Assessment gibt es nicht.
no_programme = Dieses Programm gibt es nicht.
heading_bad_request = Das hat nicht funktioniert
heading_forbidden = Nicht erlaubt
heading_not_found = Seite nicht gefunden
heading_fault = Ein Fehler ist aufgetreten
only_admins = Nur Administratoren verwalten Benutzer und deren Zugriff auf Kunden.
only_staff_create = Nur Berater und Administratoren legen Kunden und Assessments an.
only_staff_data = Nur Berater und Administratoren verwalten Leistungsdaten.
only_staff_study = Die Portfoliostudie ist Beratern und Administratoren vorbehalten.
only_changers = Führungskräfte lesen Programme; Programmmanager und Berater ändern sie.
# $unit: ein Geschäftsbereich des Programmrasters.
placement_row = Breite: { $unit }, alle Kundengruppen
# $group: eine Kundengruppe des Programmrasters.
placement_column = Breite: { $group }, alle Geschäftsbereiche
# $unit, $group: Zeile und Spalte der Rasterzelle.
placement_cell = Tiefe: { $unit } × { $group }
only_lead_reviews = Nur der leitende Assessor prüft die Antworten der Assessoren.
not_an_assessor = Sie sind kein Assessor dieses Assessments: Die Antworten werden nur zum Lesen angezeigt.
assessment_final = Dieses Assessment ist abgeschlossen: Seine Antworten können sich nicht mehr ändern.
# $saved, $unchanged: Anzahl der Antworten.
workbook_in = Die Arbeitsmappe ist eingelesen: { $saved } gespeichert, { $unchanged } unverändert.
choose_workbook = Wählen Sie die Arbeitsmappe aus, die Sie hochladen möchten.
workbook_problems = Die Arbeitsmappe enthält Fehler. Es wurde nichts gespeichert; beheben Sie die Fehler und laden Sie sie erneut hoch.
choose_csv = Wählen Sie eine CSV-Datei aus oder fügen Sie ihren Text ein.
file_problems = Die Datei enthält Fehler. Es wurde nichts gespeichert; beheben Sie die Fehler und laden Sie sie erneut hoch.
# $what: was zu wählen ist (vom Code auf Englisch übergeben, z. B. "client").
choose_one = Bitte treffen Sie eine Auswahl ({ $what }).
date_needed = Geben Sie das Assessment-Datum als Datum an.
passwords_differ = Die beiden neuen Passwörter stimmen nicht überein.
# $what: warum der Upload nicht gelesen werden konnte (technische Meldung).
upload_unreadable = Der Upload konnte nicht gelesen werden ({ $what }). Versuchen Sie es erneut.
# $limit: eine Größe in MiB.
upload_too_large = Der Upload ist größer als { $limit } MiB, die Grenze für dieses Formular.
# $count: eine Zahl; das Skript der Seite setzt auch den wörtlichen Text "{count}" ein.
finalise_unsettled = { $count } Abweichungen haben keinen vereinbarten Wert: Beim Abschließen wird jede mit dem Mittelwert der Bewertungen der Assessoren festgelegt. Trotzdem abschließen?
no_fieldwork = Dieses Assessment gibt es nicht, oder Sie dürfen es nicht sehen.
fieldwork_interview = Das Interview ist eingeplant.
fieldwork_link = Der Link ist als Nachweis abgelegt.
fieldwork_document = Das Dokument ist als Nachweis abgelegt.
fieldwork_existing = Diese Datei war bereits ein Nachweis dieses Assessments: Der vorhandene Eintrag bleibt bestehen, es wird keine Kopie angelegt.
fieldwork_assignments = Die Aufteilung der Bereiche ist gespeichert.
fieldwork_shared = Die Freigabe für Führungskräfte ist gespeichert.
interview_when = Geben Sie Datum und Uhrzeit des Interviews an.
choose_file = Wählen Sie die Datei aus, die Sie hochladen möchten.
invitation_unusable = Der Einladungslink wurde bereits verwendet, durch einen neueren ersetzt oder ist älter als 72 Stunden. Bitten Sie einen Administrator Ihrer Beratung um einen neuen.
reset_unusable = Der Link wurde schon benutzt, durch einen neueren ersetzt oder ist älter als eine Stunde.
reset_no_mail = Diese Installation verschickt keine E-Mails. Bitten Sie stattdessen einen Admin Ihrer Beratung um einen neuen Einladungslink.
pages-password-reset-title = Neues Passwort
reset-heading = Neues Passwort setzen
reset-intro = Geben Sie die Adresse ein, mit der Sie sich anmelden. Gehört sie zu einem Konto, geht ein Link dorthin, der ein neues Passwort setzt; er gilt einmal, eine Stunde lang.
reset-send = Link senden
reset-on-its-way = Gehört die Adresse { $email } zu einem Konto, ist ein Link unterwegs. Sehen Sie im Posteingang (und im Spam-Ordner) nach.
reset-ask-again = Neuen Link anfordern
reset-set = Passwort setzen
reset-done = Das neue Passwort ist gesetzt: Sie wurden überall abgemeldet, Ihre API-Tokens wurden widerrufen.
login-forgot = Passwort vergessen?
order_name_az = Name, A bis Z
order_name_za = Name, Z bis A
order_sector = Branche
order_region = Region
order_newest = Neueste zuerst
order_oldest = Älteste zuerst
order_changed = Zuletzt geändert zuerst
order_status = Status
# Ein Quartil, wie in "oberstes Quartil des Portfolios".
quartile_top = oberstes Quartil
quartile_second = zweites Quartil
quartile_third = drittes Quartil
quartile_bottom = unterstes Quartil
rows_refused = Es wurde nichts gespeichert: Korrigieren Sie die unten markierten Felder und speichern Sie erneut.
no_project = Dieses Projekt gibt es in diesem Programm nicht.
# $project: der Name des Projekts.
edit_project = { $project } ändern

## Bestätigungen nach dem Absenden eines Formulars, nach dem Code in `?done=`.

done-updated = Die Änderungen wurden gespeichert.
done-given = Der Zugriff wurde gewährt.
done-removed = Der Zugriff wurde entzogen.
done-revoked = Das Token wurde widerrufen; es funktioniert nicht mehr.
done-session_ended = Die Sitzung wurde beendet; dieser Browser muss sich neu anmelden.
done-two_factor_off = Der zweite Faktor ist aus; die Anmeldung fragt nur noch nach Ihrem Passwort.
done-two_factor_reset = Der zweite Faktor wurde zurückgesetzt: Die Person meldet sich nur mit dem Passwort an und richtet ihn, wo er verlangt wird, neu ein.
done-kpi = Der KPI wurde definiert; laden Sie seine Werte unten hoch.
done-values = Die KPI-Werte sind gespeichert.
done-ranks = Die Ränge des Gremiums sind gespeichert.
done-clients = Die Kunden sind angelegt; Sie finden sie auf der Kundenseite.
done-settings = Die Einstellungen sind gespeichert; Geldbeträge und Zahlen folgen ihnen ab sofort.
done-branding = Die Berichtsgestaltung ist gespeichert; jeder Bericht folgt ihr ab sofort.
done-logo = Das Logo erscheint jetzt in den Berichten.
done-logo_removed = Das Logo wurde aus den Berichten entfernt.
done-started = Das Programm ist gestartet; fügen Sie unten seine ersten Projekte hinzu.
done-added = Das Projekt ist eingeplant.
done-progress = Der Fortschritt des Projekts ist erfasst.

## Wie Formulare ihre Felder nennen, nach dem Namen des Felds; auch
## Beschriftungen und Spaltenüberschriften auf den Seiten.

field-primary_colour = Primärfarbe
field-accent_colour = Akzentfarbe
field-footer = Fußzeile
field-confidentiality = Vertraulichkeitsvermerk
field-logo = Logo
field-name = Name
field-sector = Branche
field-size_band = Größenklasse
field-region = Region
field-report_language = Berichtssprache
field-email = E-Mail
field-role = Rolle
field-password = Passwort
field-new_password = Neues Passwort
field-owner = Verantwortlich
field-client_id = Kunde
field-questionnaire_id = Fragebogen
field-assessment_date = Assessment-Datum
field-business_unit = Geschäftsbereich
field-business_units = Geschäftsbereiche
field-customer_groups = Kundengruppen
field-product = Produkt
field-customer_group = Kundengruppe
field-assessor_ids = Mit-Assessoren
field-start = Beginn
field-end = Ende
field-status = Status
field-cost_actual = Bisherige Kosten
field-benefit_actual = Bisheriger Nutzen
field-cost_planned = Geplante Kosten
field-benefit_planned = Geplanter Nutzen
field-currency = Währung
field-number_format = Zahlenformat

## Was der Code der Seiten auf die Seiten schreibt: Seitentitel, Beschriftungen
## und Ablehnungen. Ablehnungen ("pages-choose-…", "pages-give-…") beginnen
## klein und enden ohne Punkt: Die Seite macht einen Satz daraus.

pages-users-title = Benutzer
pages-access-title = Wer welchen Kunden sieht
pages-access-remove-title = Zugriff entziehen
pages-choose-role = wählen Sie eine der Rollen
pages-choose-person-and-clients = wählen Sie eine Person und mindestens einen Kunden
# $client: der Name des Kunden.
pages-assessment-title = { $client }: Bewertung
pages-assessments-title = Assessments
pages-audit-title = Prüfprotokoll
pages-branding-title = Berichtsgestaltung
pages-clients-title = Kunden
pages-client-edit-title = Kunden ändern
pages-client-new-title = Neuer Kunde
pages-assessment-new-title = Neues Assessment
pages-home-title = Startseite
pages-home-client-title = Ihre Kunden
# Der nächste Schritt eines Assessments auf der Startseite der Berater.
pages-home-next-score = Bewerten
pages-home-next-review = Abweichungen prüfen
pages-home-next-finalise = Abschließen
pages-home-next-done = Ihre Bereiche sind erledigt; der leitende Assessor prüft
# Nach den beantworteten Fragen eines Bereichs, z. B. "Strategie 4/9, 2 unvollständig"; $count: eine Zahl.
pages-home-drafts = , { $count } unvollständig
# $change: eine Änderung in Prozentpunkten mit Vorzeichen, z. B. "+3".
pages-home-change = { $change } Punkte
pages-data-title = Leistungsdaten
pages-invitation-title = Einladung
pages-invitation-set-title = Passwort festlegen
pages-invitation-done-title = Passwort festgelegt
pages-login-title = Anmelden
pages-password-title = Passwort ändern
pages-programmes-title = Programme
# Der Name, den das Formular für ein neues Programm vorschlägt.
pages-programmes-default-name = Kunde zuerst
pages-choose-placement = wählen Sie, wo im Raster das Projekt liegt
# $field: der Name des Felds in Backticks, den die Seite durch seine Beschriftung ersetzt; unverändert lassen.
pages-give-date = geben Sie das Datum für { $field } an, z. B. 2027-03-31
# $milestone: der Name des Meilensteins.
pages-milestone-due-needed = geben Sie das Fälligkeitsdatum des Meilensteins { $milestone } an
pages-milestone-done-needed = geben Sie den Tag an, an dem der Meilenstein { $milestone } erreicht wurde
# $client: der Name des Kunden.
pages-review-title = { $client }: Prüfung
# Eine Antwort eines Assessors, die nicht zutrifft; $reason: seine Begründung.
pages-review-answer-na = N/A ({ $reason })
# Eine Antwort eines Assessors; $intention, $reality: Werte.
pages-review-answer-scores = Absicht { $intention }, Realität { $reality }
# $client: der Name des Kunden; $date: das Datum des Assessments.
pages-scorecard-title = { $client }: Scorecard vom { $date }
pages-settings-title = Einstellungen
pages-study-title = Portfoliostudie
# Die Korrelationsmethoden der Portfoliostudie.
pages-study-spearman = Spearmans ρ (Ränge)
pages-study-kendall = Kendalls τ-b (Ränge)
pages-study-pearson = Pearsons r (Werte)
pages-tokens-title = API-Tokens
pages-two-factor-title = Anmeldung mit zweitem Faktor
pages-workbook-title = Arbeitsmappe abgelehnt
# $client: der Name des Kunden.
pages-fieldwork-title = { $client }: Feldarbeit
# Eine Person, die nicht mehr im Team ist; $id: eine Zahl.
pages-fieldwork-user = Benutzer { $id }
# Die Größe einer Datei; $count: eine Zahl.
pages-fieldwork-bytes = { $count } Byte

## Text, den mehrere Vorlagen teilen.

common-home = Startseite
common-clients = Kunden
common-assessments = Assessments
common-programmes = Programme
common-programme = Programm
common-api-tokens = API-Tokens
common-nav-users = Verwaltung › Benutzer
common-nav-access = Wer welchen Kunden sieht
common-nav-audit = Prüfprotokoll
common-nav-settings = Einstellungen
common-nav-branding = Berichtsgestaltung
common-person = Person
common-search = Suchen
common-show = Anzeigen
common-save = Speichern
common-save-changes = Änderungen speichern
common-remove = Entziehen
common-never = nie
common-or = oder
common-order = Reihenfolge
common-date = Datum
common-period = Periode
common-kpi = KPI
common-scorecard = Scorecard
common-part-of-name = Teil eines Namens
common-new-assessment = Neues Assessment
common-new-client = Neuer Kunde
common-no-assessments-yet = Noch keine Assessments
# Ein Link nach "Noch keine Assessments —".
common-start-assessment = beginnen Sie eines
common-log-in = Anmelden
login-code-intro = Ihr Konto hat einen zweiten Faktor. Geben Sie den Code ein, den Ihre Authenticator-App zeigt.
login-code = Code
login-code-hint = Sechs Ziffern aus der App oder einer Ihrer Wiederherstellungscodes.
login-code-submit = Anmelden
login-start-again = Neu beginnen
login-sso-title = Einmalanmeldung
login-sso-organisation = Kurzname Ihrer Organisation
login-sso-hint = Ihr Admin nennt ihn Ihnen; er steht am Ende des Anmeldelinks, den Sie erhalten haben.
login-sso-submit = Weiter zum Identitätsanbieter
common-intention = Absicht
common-reality = Realität
common-not-applicable = Nicht zutreffend
common-na-reason = Begründung für N/A
common-pdf-report = PDF-Bericht
common-standalone-page = eigenständige Seite
common-objective = Ziel
common-where-on-grid = Position im Raster
common-areas-targeted = Bereiche des Modells, auf die es zielt
common-depends-on = Hängt ab von (muss enden, bevor dieses beginnt)
common-inputs = Eingangsgrößen
common-outputs = Ergebnisse
# $currency: ein Währungscode; $example: 251.000 so geschrieben, wie die Organisation Zahlen schreibt.
common-amounts-in = Beträge in { $currency }, so geschrieben, wie Sie Zahlen schreiben ({ $example }).
# Eine Rolle nach ihrem Code.
common-role-name =
    { $role ->
        [admin] Administrator
        [consultant] Berater
        [executive] Führungskraft
        [programme_manager] Programmmanager
       *[other] { $role }
    }
# Der Status eines Assessments nach seinem Code.
common-assessment-status =
    { $status ->
        [draft] Entwurf
        [in_progress] in Arbeit
        [final] abgeschlossen
       *[other] { $status }
    }
# Der Status eines Projekts nach seinem Code.
common-project-status =
    { $status ->
        [planned] geplant
        [pilot] Pilot
        [rolling_out] in Einführung
        [done] erledigt
        [stopped] gestoppt
       *[other] { $status }
    }

## layout.hbs

# Die Sprache der Seite, wie in <html lang="…">.
layout-lang = de
layout-skip = Zum Inhalt springen
layout-nav-label = Hauptnavigation
layout-nav-study = Studie
layout-nav-data = Daten
layout-nav-admin = Verwaltung
layout-log-out = Abmelden

## pager.hbs

pager-label = Seiten
pager-previous = Zurück
pager-next = Weiter
# $page, $pages, $total: Zahlen.
pager-position = Seite { $page } von { $pages } · { $total } insgesamt

## flaws.hbs

flaws-caption = Gefundene Probleme
flaws-where = Wo
flaws-problem = Problem

## error.hbs

error-back = Zurück zur Startseite

## login.hbs, password.hbs, invitation.hbs

password-heading = Ihr Passwort ändern
password-intro = Mindestens 10 Zeichen. Alle Ihre Sitzungen enden, auch diese: Sie melden sich mit dem neuen Passwort erneut an.
password-current = Aktuelles Passwort
password-repeat = Neues Passwort wiederholen
password-revoke-tokens = Auch meine API-Tokens widerrufen
password-submit = Passwort ändern
invitation-set-heading = Ihr Passwort ist festgelegt
# "Ihr Konto ist eingerichtet. [Melden Sie sich] mit Ihrer E-Mail-Adresse … an."
invitation-account-open = Ihr Konto ist eingerichtet.
invitation-log-in-link = Melden Sie sich
invitation-log-in-with = mit Ihrer E-Mail-Adresse und dem gewählten Passwort an.
invitation-unusable-heading = Dieser Link funktioniert nicht
invitation-welcome = Willkommen
# $name: der Name der eingeladenen Person.
invitation-welcome-name = Willkommen, { $name }
# "Ihre Anmeldung erfolgt mit [E-Mail]. Wählen Sie Ihr Passwort: …"
invitation-log-in-as = Ihre Anmeldung erfolgt mit
invitation-choose-password = . Wählen Sie Ihr Passwort: mindestens 10 Zeichen.
invitation-confirm = Dasselbe Passwort noch einmal
invitation-set = Mein Passwort festlegen

## home_staff.hbs

home_staff-all-assessments = Alle Assessments
home_staff-all-clients = Alle Kunden
home_staff-organisation = Die Organisation
# Nach einer Zahl.
home_staff-count-clients = Kunden
home_staff-count-draft = im Entwurf
home_staff-count-in-progress = in Arbeit
home_staff-count-final = abgeschlossen
home_staff-my-work = Meine Arbeit
home_staff-next = Nächster Schritt:
home_staff-fieldwork = Feldarbeit
# Gefolgt von " — beginnen Sie eines".
home_staff-no-work = Kein offenes Assessment wartet darauf, von Ihnen geleitet oder bewertet zu werden
home_staff-needs-care = Braucht Aufmerksamkeit
# $days: eine Zahl.
home_staff-stale-heading = Offene Assessments, seit { $days } Tagen unverändert
home_staff-days = { $days } Tage
home_staff-none-stale = Keine: Jedes offene Assessment wurde in den letzten { $days } Tagen bearbeitet.
home_staff-idle-heading = Personen ohne Anmeldung seit { $days } Tagen
# $date: ein Datum.
home_staff-last-login = letzte Anmeldung { $date }
home_staff-never-logged-in = nie angemeldet
home_staff-manage-users = Benutzer verwalten
home_staff-all-recent = Alle haben sich kürzlich angemeldet.

## home_client.hbs

home_client-heading = Ihre Kunden
# Nach einem Prozentsatz, z. B. "72 % der Best Practice".
home_client-of-best-practice = der Best Practice
# Nach einer Änderung in Punkten, z. B. "+3 Punkte seit dem vorigen Assessment".
home_client-since-previous = seit dem vorigen Assessment
# $quartile: z. B. "oberstes Quartil".
home_client-quartile = { $quartile } des Portfolios
# $date: ein Datum.
home_client-assessed = Bewertet am { $date }
home_client-no-final = Noch kein abgeschlossenes Assessment.
home_client-none-shared = Noch ist kein Kunde für Sie freigegeben. Ihr Berater gewährt Ihnen den Zugriff.
# $client: der Name des Kunden.
home_client-trend-heading = Werte im Zeitverlauf: { $client }
home_client-choose-lines = Linien auswählen
home_client-areas-beside = Bereiche neben dem Gesamtwert
home_client-table-caption = Gesamtwert je Assessment
home_client-overall = Gesamt
home_client-programmes = Ihre Programme
# $count: Anzahl der Projekte (1 oder mehr).
home_client-need-attention = Handlungsbedarf bei { $count }:
home_client-and-more = und { $count } weitere
home_client-on-track = Im Plan

## clients.hbs, client.hbs, client_form.hbs

clients-import = Liste importieren (CSV)
clients-all-sectors = Alle Branchen
clients-all-regions = Alle Regionen
clients-size = Größe
clients-no-match = Kein Kunde passt.
clients-show-all = Alle Kunden anzeigen
# Gefolgt von " — legen Sie den ersten an."
clients-none-yet = Noch keine Kunden
clients-add-first = legen Sie den ersten an
client-change = Ändern
# Vor einem Prozentsatz: "· gesamt 72 %".
client-overall = gesamt
# $lead: der Name des leitenden Assessors.
client-led-by = geleitet von { $lead }
# Gefolgt von " — starten Sie eines."
client-no-programme = Noch kein Programm für stetigen Fortschritt
client-start-programme = starten Sie eines
client-kpi-values = KPI-Werte
client-value = Wert
# Gefolgt von " — laden Sie sie hoch."
client-no-kpi-values = Noch keine KPI-Werte
client-upload-kpi-values = laden Sie sie hoch
client-who-sees = Wer diesen Kunden sieht
client-only-consultancy = Nur die Beratung. Führungskräfte und Programmmanager sehen einen Kunden, sobald ihnen Zugriff gewährt wird.
client-manage-access = Zugriff verwalten
client_form-crumb-change = ändern
client_form-crumb-new = neuer Kunde
client_form-open-existing = Diesen Kunden öffnen
client_form-sector-example = Privatkundengeschäft
client_form-size-example = 1.000–5.000 Beschäftigte
client_form-region-example = Nordeuropa
client_form-create = Kunden anlegen
# "Viele Kunden auf einmal? [Importieren Sie eine Liste als CSV]."
client_form-many = Viele Kunden auf einmal?
client_form-import = Importieren Sie eine Liste als CSV

## assessments.hbs, assessment_form.hbs

assessments-any-status = Jeder Status
assessments-scope = Umfang
assessments-view = Ansehen
assessments-when-final = nach Abschluss
assessments-no-match = Kein Assessment passt.
assessments-show-all = Alle anzeigen
assessment_form-crumb = neues Assessment
assessment_form-unit = Geschäftsbereich (optional)
assessment_form-product = Produkt (optional)
assessment_form-group = Kundengruppe (optional)
assessment_form-co-assessors = Mit-Assessoren (Sie leiten)
assessment_form-no-colleagues = Keine Kollegen zum Hinzufügen.
assessment_form-start = Assessment beginnen

## assessment.hbs (die Bewertungsseite)

# $client: der Name des Kunden; $date: das Datum des Assessments.
assessment-heading = { $client }: { $date }
assessment-fieldwork-link = Feldarbeit: Interviews, Nachweise und wer was bewertet
assessment-review-link = Abweichungen prüfen, Werte vereinbaren und abschließen
# Vor den Links zu den CSV- und XLSX-Dateien.
assessment-results = Ergebnisse:
assessment-work-offline = Offline arbeiten
assessment-areas = Bereiche
# $answered, $total: Zahlen. static/score.js schreibt denselben Satz (script-answered-in-area), wenn Antworten gespeichert werden.
assessment-progress = { $answered } von { $total } in diesem Bereich beantwortet
assessment-guidance = Hinweise zu Nachweisen
assessment-guidance-low = Niedrig
assessment-guidance-middle = Mittel
assessment-guidance-high = Hoch
assessment-evidence-note = Notiz zu Nachweisen
# $count: eine Zahl.
assessment-evidence-cited = Angeführte Nachweise ({ $count })
assessment-saved = Gespeichert
assessment-saved-draft = Als Entwurf gespeichert: noch nicht vollständig
assessment-offline-heading = Offline arbeiten
# "Kein Netz im Besprechungsraum? [Laden Sie Ihre … herunter], füllen Sie sie aus …"
assessment-offline-no-network = Kein Netz im Besprechungsraum?
assessment-offline-download = Laden Sie Ihre Bewertungs-Arbeitsmappe (XLSX) herunter
assessment-offline-rest = , füllen Sie sie aus und laden Sie sie hier hoch, sobald Sie wieder online sind. Sie enthält Ihre bisherigen Antworten; gespeichert wird nur, wenn jede Antwort darin gültig ist.
assessment-offline-file = Ausgefüllte Arbeitsmappe
assessment-offline-upload = Arbeitsmappe hochladen

## review.hbs

review-crumb = Prüfung
# $client: der Name des Kunden.
review-heading = Prüfung: { $client }
# $open, $total: Anzahl der Fragen.
review-open = { $open } von { $total } Fragen noch ohne konsolidierte Antwort
# Vor den Links zu den CSV- und XLSX-Dateien.
review-every-answer = Antworten aller Assessoren:
review-consolidated = Konsolidierte Ergebnisse:
review-disagree-heading = Wo die Assessoren voneinander abweichen
review-evidence = Nachweise:
review-agreed-intention = Vereinbarte Absicht
review-agreed-reality = Vereinbarte Realität
review-note = Notiz zur Vereinbarung
review-agreed-saved = Vereinbarter Wert gespeichert
review-no-disagreement = Bei allen bisher beantworteten Fragen weichen die Assessoren um weniger als 3 Punkte voneinander ab.
review-unanswered-heading = Noch unbeantwortete Fragen
review-finalise-heading = Abschließen
review-once-final = Nach dem Abschluss ist das Assessment ein festes Dokument: Keine Antwort kann sich mehr ändern, und seine Scorecard geht in die Benchmarks ein.
review-finalise = Assessment abschließen

## workbook_refused.hbs

workbook_refused-crumb-scoring = Bewertung
workbook_refused-crumb-workbook = Arbeitsmappe
workbook_refused-heading = Die Arbeitsmappe wurde nicht gespeichert
workbook_refused-back = Zurück zur Bewertungsseite

## fieldwork.hbs

fieldwork-crumb = Feldarbeit
# $client: der Name des Kunden.
fieldwork-heading = Feldarbeit: { $client }
fieldwork-on-this-page = Auf dieser Seite
fieldwork-interviews = Interviews
fieldwork-evidence = Nachweise
fieldwork-coverage = Abdeckung
fieldwork-division = Wer was bewertet
fieldwork-when = Wann
fieldwork-interviewee = Interviewpartner
fieldwork-function = Funktion
fieldwork-assessors = Assessoren
fieldwork-areas = Bereiche
# Die Funktion eines Interviewpartners nach ihrem Code.
fieldwork-function-name =
    { $function ->
        [board] Vorstand
        [marketing] Marketing
        [sales] Vertrieb
        [service] Service
        [it] IT
        [finance] Finanzen
        [hr] Personal
        [operations] Betrieb
        [other] Sonstige
       *[unknown] { $function }
    }
# Der Status eines Interviews nach seinem Code.
fieldwork-interview-status =
    { $status ->
        [planned] geplant
        [held] durchgeführt
        [cancelled] abgesagt
       *[other] { $status }
    }
fieldwork-notes-heading = Notizen aus den Interviews
# $interviewee: ein Name; $job_title: die Position dieser Person; $when: Datum und Uhrzeit.
fieldwork-notes-of = Notizen: { $interviewee }, { $job_title } ({ $when })
fieldwork-no-interviews = Noch ist kein Interview geplant.
fieldwork-plan-heading = Interview planen
fieldwork-job-title = Position
fieldwork-date-time = Datum und Uhrzeit
fieldwork-attending = Teilnehmende Assessoren
fieldwork-meant-to-cover = Bereiche, die es abdecken soll
fieldwork-notes = Notizen
fieldwork-add-to-plan = Einplanen
fieldwork-evidence-heading = Dokumente und Links
fieldwork-title = Titel
fieldwork-current-on = Stand
fieldwork-file = Datei
fieldwork-added = Hinzugefügt
fieldwork-cited = Angeführt
fieldwork-executives = Führungskräfte
# Was ein Nachweis ist, wenn er kein Dokument ist.
fieldwork-link = Link
fieldwork-stop-sharing = Freigabe beenden
fieldwork-share = Freigeben
# Für Screenreader, nach "Freigeben" oder "Freigabe beenden"; $title: der Titel des Dokuments.
fieldwork-share-hidden = – { $title } für Führungskräfte
fieldwork-no-evidence = Noch kein Dokument und kein Link.
fieldwork-upload-heading = Dokument hochladen
fieldwork-upload-types = PDF, PNG, JPEG, Word, Excel, PowerPoint, OpenDocument, CSV oder reiner Text; der Typ wird aus der Datei selbst gelesen.
fieldwork-title-blank = Titel (leer lassen für den Dateinamen)
fieldwork-current-on-hint = Stand (wann das Dokument galt)
fieldwork-covers = Bereiche, die es abdeckt
fieldwork-upload = Hochladen
fieldwork-link-heading = Link hinzufügen
fieldwork-address = Adresse
fieldwork-add-link = Link hinzufügen
# $areas: die Namen der Bereiche, durch Kommas getrennt.
fieldwork-uncovered = Noch nicht abgedeckt: { $areas }.
fieldwork-all-covered = Jeder Bereich ist durch ein durchgeführtes Interview oder ein Dokument abgedeckt.
fieldwork-coverage-label = Abdeckung der Bereiche
fieldwork-coverage-caption = Durchgeführte Interviews je Bereich und Funktion sowie Dokumente je Bereich
fieldwork-area = Bereich
fieldwork-documents = Dokumente
fieldwork-division-intro = Ein ganzer Bereich oder nur einige seiner Teilbereiche; ein Bereich kann mehrere Assessoren haben.
fieldwork-sub-areas = Teilbereiche
# Für Screenreader, nach "Teilbereiche"; $area: der Name eines Bereichs; $name: der Name eines Assessors.
fieldwork-sub-areas-hidden = von { $area } für { $name }
fieldwork-division-save = Aufteilung speichern
# Vor den Bereichen, die ein Assessor bewertet; $name: der Name des Assessors.
fieldwork-division-of = { $name }:

## programmes.hbs, programme.hbs, project_edit.hbs

programmes-intro = Stetiger Fortschritt: Projekte, die über die Geschäftsbereiche und Kundengruppen eines Kunden ausgerollt werden, zuerst als Pilot, in Abständen neu bewertet.
programmes-none = Noch keine Programme vorhanden.
programmes-start-heading = Programm starten
programmes-units = Geschäftsbereiche oder Produkte, einer pro Zeile
programmes-units-example = Privatkunden
programmes-groups = Kundengruppen, eine pro Zeile
programmes-start = Programm starten
# Vor den Links zu den Berichten und Dateien.
programme-for-board = Für den Vorstand:
programme-projects = Projekte
programme-milestones = Meilensteine
programme-at-a-glance = Projekte im Überblick
programme-change-rows = Ändern Sie beliebige Zeilen und speichern Sie dann alle auf einmal.
programme-project = Projekt
programme-edit = Bearbeiten
# Für Screenreader; $field: die Beschriftung eines Felds, z. B. "Verantwortlich"; $project: der Name des Projekts.
programme-field-of = { $field }: { $project }
programme-add-heading = Projekt hinzufügen
programme-milestone = Ein Meilenstein (optional)
programme-milestone-due = Sein Fälligkeitsdatum
programme-add = Projekt hinzufügen
project_edit-crumb = Projekt ändern
project_edit-milestones = Meilensteine (Namen leer lassen, um einen Meilenstein zu entfernen; ein Erledigt-Datum angeben, sobald er erreicht ist)
project_edit-milestone = Meilenstein
project_edit-due = Fällig
project_edit-done-on = Erledigt am
project_edit-save = Projekt speichern
project_edit-back = Zurück zum Programm ohne Speichern

## scorecard.hbs

# $date: das Datum des Assessments.
scorecard-crumb = Scorecard vom { $date }
# $client: der Name des Kunden.
scorecard-back = Zurück zu { $client }
scorecard-download-pdf = PDF herunterladen
scorecard-standalone = Eigenständige Seite
scorecard-edition = Fassung
scorecard-client-edition = Kundenfassung
scorecard-working-edition = Arbeitsfassung
# Nach "Arbeitsfassung".
scorecard-working-about = : die Antworten und Notizen aller Assessoren, für das Beratungsteam
# Nach "Kundenfassung".
scorecard-client-about = , wie der Kunde und seine Führungskräfte sie erhalten

## study.hbs

study-settings = Einstellungen der Studie
study-no-data = noch keine KPI-Daten
study-correlation = Korrelation
# Vor den Links zum Bericht, zur Seite, zum JSON und zu den Daten.
study-take-away = Zum Mitnehmen:
study-data-behind = die zugrunde liegenden Daten

## data.hbs

data-heading = Leistungsdaten
# "KPI-Werte … fließen in die [Portfoliostudie] ein und gewichten …"
data-intro = KPI-Werte und Ränge von Expertengremien fließen in die
data-intro-study = Portfoliostudie
data-intro-rest = ein und gewichten die Prioritäten in Scorecards. Uploads gelten ganz oder gar nicht: Eine Datei mit auch nur einem Problem speichert keine ihrer Zeilen, und jedes Problem wird mit Zeile und Spalte aufgeführt.
data-clients-heading = Kundenliste importieren
# Gefolgt von der Kopfzeile der CSV-Datei, z. B. "name,sector,size_band,region".
data-csv-header = Eine CSV-Datei mit der Kopfzeile
# Nach der Kopfzeile; gefolgt von einer Beispielzeile.
data-clients-per-row = , ein neuer Kunde pro Zeile, zum Beispiel
# Nach der Beispielzeile; gefolgt von einem Link "alle Kunden" und einem Punkt.
data-clients-duplicates = . Ein Name, den die Organisation bereits hat (ohne Rücksicht auf Groß- und Kleinschreibung und Leerzeichen), wird mit seiner Zeile abgelehnt; siehe
data-clients-all = alle Kunden
data-csv-file = CSV-Datei
data-paste-csv = oder CSV-Text einfügen
data-clients-import = Kunden importieren
data-kpis-heading = KPIs
data-unit = Einheit
data-better-when = Besser, wenn
data-kind = Art
# Die Richtung eines KPI nach ihrem Code.
data-direction =
    { $direction ->
        [higher] höher
        [lower] niedriger
       *[other] { $direction }
    }
# Die Art eines KPI nach ihrem Code.
data-kpi-kind =
    { $kind ->
        [financial] finanziell
        [behaviour] Kundenverhalten
       *[other] { $kind }
    }
# $count: eine Zahl; gefolgt von der Adresse der API in Klammern.
data-more-kpis = und { $count } weitere KPIs, vollständig über die API abrufbar
data-no-kpis = Noch keine KPIs: Definieren Sie unten den ersten.
# Gefolgt von den Perioden mit Links zu ihren Dateien.
data-values-by-period = Werte nach Periode:
# Nach der letzten Periode; $count: eine Zahl; gefolgt von der Adresse der API in Klammern.
data-earlier-periods = ; und { $count } frühere Perioden, exportierbar über die API
data-define-heading = KPI definieren
data-kpi-name-example = Kundenbindung
data-kpi-unit-example = %
data-better-when-value = Besser, wenn der Wert ist:
data-kind-financial = finanziell
data-kind-behaviour = Kundenverhalten
data-define = KPI definieren
data-values-heading = KPI-Werte hochladen
# Nach der Kopfzeile; gefolgt von einer Beispielzeile.
data-values-by-name = ; Kunden und KPIs mit Namen, zum Beispiel
data-values-replace = . Ein erneut angegebener Wert für denselben Kunden, KPI und dieselbe Periode ersetzt den bisherigen.
data-values-upload = Werte hochladen
data-panels-heading = Expertengremien
data-panel = Gremium
# $count: eine Zahl; gefolgt von der Adresse der API in Klammern.
data-more-panels = und { $count } weitere Gremien, vollständig über die API abrufbar
data-no-panels = Noch keine Gremien.
data-ranks-heading = Ränge der Gremien hochladen
# Zwischen den beiden möglichen Kopfzeilen.
data-ranks-or = (1 ist der beste) oder
data-ranks-rest = (höher ist besser; cmas wandelt Bewertungen in Ränge um). Gremien werden bei Bedarf angelegt; der Upload eines Gremiums ersetzt dessen frühere Ränge.
data-ranks-upload = Ränge hochladen

## tokens.hbs

# "Skripte und Integrationen senden ein Token als [Authorization: Bearer …]; es handelt …"
tokens-intro = Skripte und Integrationen senden ein Token als
tokens-intro-rest = ; es handelt in Ihrem Namen, mit Ihrer Rolle. Widerrufen Sie Tokens, die Sie nicht mehr verwenden. Zeiten sind in UTC angegeben.
# "Ihr neues Token [Name]:"
tokens-new-token = Ihr neues Token
tokens-new-token-end = :
tokens-copy-now = Kopieren Sie es jetzt; es wird nicht noch einmal angezeigt.
tokens-yours = Ihre Tokens
tokens-none-yours = Sie haben noch keine Tokens.
tokens-new-heading = Neues Token
tokens-name-example = Nächtlicher Export
tokens-name-hint = Wofür das Token dient, damit Sie später wissen, welches Sie widerrufen.
tokens-create = Token erstellen
tokens-all-heading = Alle Tokens der Organisation
tokens-none-all = Niemand in der Organisation hat ein Token.
tokens-owner = Inhaber
tokens-created = Erstellt
tokens-last-used = Zuletzt verwendet
tokens-revoked = Widerrufen
# $date: Datum und Uhrzeit.
tokens-revoked-at = widerrufen { $date }
tokens-heading = Sitzungen und API-Tokens
tokens-two-factor = Anmeldung mit zweitem Faktor
tokens-sessions-heading = Wo Sie angemeldet sind
tokens-sessions-intro = Jeder Browser, mit dem Sie angemeldet sind. Beenden Sie eine Sitzung, die Sie nicht kennen, oder eine auf einem Rechner, den Sie nicht mehr nutzen.
tokens-device = Browser
tokens-address = Adresse
tokens-signed-in = Angemeldet
tokens-unknown-device = Unbekannter Browser
tokens-this-session = dieser Browser
tokens-end = Sitzung beenden
tokens-end-this = Hier abmelden
tokens-scope = Umfang
tokens-scope-read = Nur lesen
tokens-scope-scoring = Bewerten
tokens-scope-admin = Alles, was Ihre Rolle erlaubt
tokens-scope-hint = „Nur lesen“ ändert nichts; „Bewerten“ speichert auch Bewertungen, Nachweise und Interviews; der weiteste Umfang darf alles, was Sie dürfen.
tokens-days = Gültig (Tage)
tokens-expires = Läuft ab
two-factor-heading = Anmeldung mit zweitem Faktor
two-factor-password-link = Passwort und Sprache
two-factor-required-first = Ihre Organisation verlangt einen zweiten Faktor. Richten Sie ihn ein, um weiterzumachen; bis dahin öffnet sich nichts anderes.
two-factor-on-now = Der zweite Faktor ist an.
two-factor-codes-intro = Bewahren Sie diese Wiederherstellungscodes sicher und getrennt vom Telefon auf. Jeder gilt einmal anstelle eines Codes, falls Sie das Telefon verlieren.
two-factor-codes-once = Sie werden nur dieses eine Mal angezeigt.
two-factor-continue = Weiter
two-factor-scan-heading = Authenticator-App einrichten
two-factor-step-app = Öffnen Sie eine Authenticator-App auf Ihrem Telefon (zum Beispiel die des Herstellers, Microsoft Authenticator oder FreeOTP).
two-factor-step-scan = Scannen Sie damit diesen Code und geben Sie die sechs Ziffern ein, die sie zeigt.
two-factor-cannot-scan = Scannen geht nicht? Geben Sie stattdessen diesen Schlüssel in die App ein:
two-factor-step-code = Sechsstelliger Code
two-factor-confirm = Einschalten
two-factor-is-on = Ein zweiter Faktor ist an: Nach dem Passwort fragt die Anmeldung nach einem Code aus Ihrer App.
two-factor-codes-left = { $count ->
    [one] Sie haben noch 1 Wiederherstellungscode.
   *[other] Sie haben noch { $count } Wiederherstellungscodes.
}
two-factor-required-stays = Ihre Organisation verlangt ihn, daher bleibt er an. Verlieren Sie Telefon und Wiederherstellungscodes, kann ein Admin ihn zurücksetzen.
two-factor-off-heading = Ausschalten
two-factor-current-code = Ein aktueller Code (oder ein Wiederherstellungscode)
two-factor-switch-off = Zweiten Faktor ausschalten
two-factor-is-off = Die Anmeldung fragt nur nach Ihrem Passwort. Ein zweiter Faktor, ein Code aus einer App auf Ihrem Telefon, schützt das Konto auch dann, wenn das Passwort bekannt wird.
two-factor-set-up = Zweiten Faktor einrichten
tokens-revoke = Widerrufen
# Für Screenreader, nach "Widerrufen"; $name: der Name des Tokens.
tokens-revoke-hidden = – Token { $name }

## settings.hbs

settings-crumb = Einstellungen
# "Geldbeträge erscheinen als [251.000,00 EUR]. Formulare lesen …"
settings-money-shows = Geldbeträge erscheinen als
settings-forms-read = . Formulare lesen Zahlen genauso, mit oder ohne Tausendertrennzeichen.
settings-numbers = Wie Zahlen geschrieben werden
settings-save = Einstellungen speichern
settings-report-language = Berichte erscheinen auf
settings-report-language-hint = Berichte neuer Kunden erscheinen in dieser Sprache, sofern Sie für den Kunden keine andere wählen.
settings-two-factor = Wer sich mit einem zweiten Faktor anmelden muss
settings-two-factor-optional = Niemand muss; jede Person darf
settings-two-factor-admins = Admins
settings-two-factor-everyone = Alle

## branding.hbs

branding-crumb = Berichtsgestaltung
branding-intro = Jede Scorecard, Studie und jeder Programmbericht, als PDF und als Seite, erscheint in dieser Gestaltung. Farben müssen auf Weiß lesbar sein: mindestens 4,5:1, wie es WCAG AA für Text verlangt.
branding-primary-hint = Überschriften, die Kernaussage, die Datenreihe des Kunden
branding-accent-hint = das oberste Quartil und Hervorhebungen
branding-font = Schrift
branding-cover = Ein Deckblatt vor jedem Bericht
branding-footer-hint = auf jeder Seite, anstelle des Namens der Organisation
branding-footer-example = Northbridge Consulting · Praxisbereich Kundenmanagement
# "{client}" (in Fluent {"{"}client{"}"} geschrieben) ist ein Platzhalter, den die Berichte durch den Namen des Kunden ersetzen: unverändert lassen.
branding-marking-hint = auf jeder Seite; {"{"}client{"}"} wird zum Namen des Kunden
branding-marking-example = Vertraulich – erstellt für {"{"}client{"}"}
branding-save = Gestaltung speichern
branding-logo-alt = Das Logo in den Berichten
# $kind: PNG oder JPEG; $width, $height: Zahlen.
branding-logo-size = { $kind }, { $width } × { $height } Pixel
branding-no-logo = Noch kein Logo: Die Berichte zeigen den Namen der Organisation.
branding-logo-file = Ein PNG oder JPEG mit höchstens 512 KiB
branding-logo-upload = Logo hochladen
branding-logo-remove = Logo entfernen

## admin_users.hbs

admin_users-heading = Benutzer
# $name: der Name der eingeladenen Person.
admin_users-send-link = Senden Sie diesen Link an { $name }.
# $expires: Datum und Uhrzeit.
admin_users-link-rules = Er legt das Passwort fest, funktioniert einmal, bis { $expires }, und wird nicht noch einmal angezeigt.
admin_users-invitation-link = Einladungslink
admin_users-sessions-end = Eine Änderung der Rolle oder eine Deaktivierung beendet die Sitzungen dieses Benutzers; die API-Tokens eines deaktivierten Benutzers funktionieren nicht mehr.
admin_users-name-or-email = Name oder E-Mail
admin_users-active = Aktiv
admin_users-last-login = Letzte Anmeldung
# Für Screenreader; $email: die E-Mail-Adresse des Benutzers.
admin_users-name-of = Name von { $email }
admin_users-role-of = Rolle von { $email }
admin_users-is-active = { $email } ist aktiv
admin_users-you = (Sie)
# Für Screenreader, nach "Speichern".
admin_users-save-hidden = der Änderungen an { $email }
admin_users-new-link = Neuer Link
# Für Screenreader, nach "Neuer Link".
admin_users-new-link-hidden = für { $email } zum Festlegen eines Passworts
admin_users-two-factor = zwei Faktoren
admin_users-reset-two-factor = Zweiten Faktor zurücksetzen
admin_users-reset-two-factor-hidden = von { $email }
admin_users-invite-heading = Benutzer einladen
admin_users-invite-intro = Die Person erhält einen Link, um ihr eigenes Passwort festzulegen; Sie senden ihn ihr zu. Bis sie ihn verwendet, kann sie sich nicht anmelden.
admin_users-invite = Einladen

## admin_access.hbs, access_confirm.hbs

admin_access-crumb = wer welchen Kunden sieht
admin_access-intro = Administratoren und Berater sehen jeden Kunden. Führungskräfte und Programmmanager sehen die abgeschlossenen Ergebnisse der Kunden, auf die sie Zugriff erhalten haben, sonst nichts.
admin_access-deactivated = deaktiviert
# Für Screenreader, nach "Entziehen"; $person: der Name einer Person; $client: der Name eines Kunden.
admin_access-remove-hidden = – Zugriff von { $person } auf { $client }
admin_access-no-clients = Keine Kunden
admin_access-give = Zugriff gewähren
admin_access-hold-ctrl = Halten Sie Strg (⌘ auf dem Mac) gedrückt, um mehrere auszuwählen.
# "Es gibt noch keine Kunden. [Legen Sie zuerst einen an]."
admin_access-no-clients-yet = Es gibt noch keine Kunden.
admin_access-create-client = Legen Sie zuerst einen an
admin_access-create-client-end = .
# "Es gibt noch keine Führungskräfte oder Programmmanager. [Fügen Sie zuerst eine Person hinzu]."
admin_access-no-people-yet = Es gibt noch keine Führungskräfte oder Programmmanager.
admin_access-add-person = Fügen Sie zuerst eine Person hinzu
admin_access-add-person-end = .
access_confirm-crumb = Zugriff entziehen
access_confirm-heading = Zugriff entziehen?
# "[Person] sieht künftig keine Ergebnisse mehr von [Kunde]. Das Konto bleibt bestehen; …"
access_confirm-no-longer-sees = sieht künftig keine Ergebnisse mehr von
access_confirm-keeps-account = . Das Konto bleibt bestehen; Sie können den Zugriff jederzeit wieder gewähren.
access_confirm-remove = Zugriff entziehen
access_confirm-keep = Beibehalten

## admin_audit.hbs

admin_audit-crumb = Prüfprotokoll
# "…; das gesamte Protokoll als [CSV] oder [XLSX]. Niemand kann …"
admin_audit-intro = Jede erfasste Änderung, Anmeldungen eingeschlossen, die neueste zuerst; das gesamte Protokoll als
admin_audit-intro-end = . Niemand kann einen Eintrag ändern oder löschen; wird ein Kunde gelöscht, werden die Werte in seinen Einträgen geleert.
admin_audit-filter = Protokoll filtern
admin_audit-anyone = Alle Personen
admin_audit-action = Aktion
admin_audit-any-action = Alle Aktionen
admin_audit-from = Von
admin_audit-to = Bis
# Vor dem Namen des Kunden.
admin_audit-client = Kunde:
admin_audit-all-clients = alle Kunden
admin_audit-no-match = Keine erfassten Einträge passen.
admin_audit-show-all = Gesamtes Protokoll anzeigen

field-language = Sprache
password-language-heading = Die Sprache, in der Sie cmas lesen
password-language-browser = Wie im Browser eingestellt
password-language-save = Sprache speichern
choose_language = Wählen Sie eine der angebotenen Sprachen.
done-language = Ihre Sprache ist gespeichert.

## Messages of the page scripts
## static/score.js (assessment.hbs, review.hbs) und static/fieldwork.js
## (fieldwork.hbs): Jede Vorlage legt sie in einen verborgenen Block
## #script-words, den ihr Skript liest. Keine $variables: Ein Wort in
## geschweiften Klammern, etwa {"{"}total{"}"} (angezeigt als {total}),
## setzt das Skript ein.

script-saving = Wird gespeichert …
script-typing = Eingabe läuft …
# Dieselben Worte wie der Status, den die Seite beim Öffnen zeigt.
script-saved = { assessment-saved }
script-saved-draft = { assessment-saved-draft }
script-agreed-saved = { review-agreed-saved }
script-offline = Warten auf das Netz; in diesem Browser zwischengespeichert.
script-not-saved = Nicht gespeichert
# {status}: der HTTP-Statuscode einer Ablehnung ohne Begründung.
script-not-saved-status = Nicht gespeichert ({"{"}status{"}"})
script-not-saved-incomplete = Noch nicht gespeichert: Wählen Sie beide Werte oder N/A mit einer Begründung.
script-server-retrying = Noch nicht gespeichert: Der Server hat die Änderung nicht angenommen; sie wird erneut gesendet.
# Nach einem Neuladen, für Änderungen, die vorher nicht gesendet wurden.
script-resending = Noch nicht gespeichert: Ihre vorherige Eingabe wird gesendet …
script-conflict = Eine andere Person hat diese Antwort geändert, seit Sie die Seite geöffnet haben. Ihre Eingabe ist noch da.
# Die beiden Schaltflächen nach script-conflict.
script-keep-mine = Meine Antwort behalten
script-show-theirs = Andere Antwort anzeigen
script-notes-conflict = Eine andere Person hat diese Notizen geändert, seit Sie die Seite geöffnet haben; Ihr Text ist noch da. Kopieren Sie ihn und laden Sie die Seite dann neu.
# {answered}, {total}: Zahlen; derselbe Satz wie assessment-progress.
script-answered-in-area = {"{"}answered{"}"} von {"{"}total{"}"} in diesem Bereich beantwortet
# Der Status des Assessments, sobald eine Antwort gespeichert ist, wie common-assessment-status für "in_progress".
script-status-in-progress = in Arbeit
script-finalising = Wird abgeschlossen …
script-not-finalised = Nicht abgeschlossen

## Zwei Bewertungen vergleichen
comparepage-heading = Zwei Bewertungen vergleichen
comparepage-later = Spätere Bewertung
comparepage-earlier = Frühere Bewertung
comparepage-compare = Vergleichen
comparepage-hint = Zwei abgeschlossene Bewertungen desselben Umfangs; die Reihenfolge ist gleich.
# $client; $before und $after sind die Daten der Bewertungen.
comparepage-title = { $client }: { $before } gegenüber { $after }
comparepage-crumb = { $before } gegenüber { $after }
comparepage-download-word = Word herunterladen

## Pläne: Ziele und vereinbarte Maßnahmen
only_target_setters = Ziele setzen die leitende Assessorin oder der leitende Assessor, ein Admin oder das Programmmanagement des Kunden, sobald die Bewertung abgeschlossen ist.
# $client ist der Name des Kunden.
plans-targets-title = Ziele für { $client }
plans-targets-crumb = Ziele
# $date ist das Datum der Bewertung.
plans-targets-about = Legen Sie fest, was der Kunde nach der Bewertung vom { $date } erreichen will: einen Gesamtwert je Bereich und, wenn gewünscht, für einzelne Praktiken, jeweils mit Fälligkeitsdatum. Beim Speichern entsteht eine neue Version; frühere bleiben unten aufgeführt.
plans-area = Bereich
plans-now = Jetzt
plans-target = Ziel
plans-due = Fällig
# $name ist der Name eines Bereichs.
plans-target-of = Ziel für { $name } (%)
plans-due-of = Fälligkeitsdatum des Ziels für { $name }
plans-blank-no-target = Lassen Sie ein Ziel leer, wenn der Bereich keines haben soll.
plans-practice-targets = Ziele für einzelne Praktiken (optional)
plans-practice = Praktik
plans-no-practice = — keine —
plans-save-targets = Ziele als neue Version speichern
plans-versions = Versionen
# $version, $by (eine Person), $date, $count (Anzahl der Ziele).
plans-target-version = Version { $version }, gesetzt von { $by } am { $date }: { $count } Ziele
plans-back-to-scorecard = Zurück zur Scorecard
# $name ist ein Bereich oder eine Praktik.
plans-target-number = Das Ziel für { $name } muss eine Zahl von 0 bis 100 sein.
plans-target-due = Das Ziel für { $name } braucht ein Fälligkeitsdatum nach der Bewertung.
plans-set-targets = Ziele setzen
plans-from-priorities = Von den Prioritäten zum Plan
# $area ist der Name eines Prioritätsbereichs.
plans-propose-for = eine Maßnahme zu { $area } vorschlagen
plans-actions = Vereinbarte Maßnahmen
plans-action = Maßnahme
plans-propose-action = Maßnahme vorschlagen
# $client ist der Name des Kunden.
plans-action-new = Eine neue Maßnahme für { $client }
plans-action-edit = Eine Maßnahme von { $client }
plans-action-title = Was getan wird
plans-addresses = Worauf sie zielt
plans-practices = Praktiken (Strg oder ⌘ gedrückt halten, um mehrere zu wählen)
plans-owner = Verantwortlich
plans-owner-user = Eine Person in cmas
plans-owner-name = …oder eine Person beim Kunden
plans-status = Stand
plans-from-assessment = Beantwortet die Prioritäten von
plans-project = Getragen vom Projekt
plans-save-action = Maßnahme speichern
# $client ist der Name des Kunden.
plans-back-to-client = Zurück zu { $client }
plans-do = Aktion
plans-change = Ändern
plans-mark-done = Als erledigt markieren
plans-overdue = überfällig
# $project ist der Name eines Projekts.
plans-carried-by = getragen von { $project }
plans-export = Maßnahmen herunterladen:
plans-no-actions = Noch keine Maßnahmen. Schlagen Sie eine aus den Prioritäten einer Scorecard vor.
done-targets = Die Ziele sind als neue Version gespeichert.
done-action = Die Maßnahme ist gespeichert.
done-action_done = Die Maßnahme ist als erledigt markiert.
plans-area-targets = Ziele je Bereich

## The single sign-on page (admins)
sso-continue = Weiter zum Identitätsanbieter Ihrer Organisation …
sso-title = Einmalanmeldung
sso-crumb = Einmalanmeldung
sso-intro = Die Mitarbeitenden Ihrer Organisation melden sich mit dem Konto an, das sie bei Ihrem Identitätsanbieter schon haben (Microsoft Entra ID, Okta, Google Workspace, Keycloak und jeder andere OpenID-Connect-Anbieter). Registrieren Sie cmas dort als Webanwendung mit der Weiterleitungsadresse unten.
sso-redirect = Weiterleitungsadresse für die Registrierung beim Anbieter
sso-link = Anmeldelink für Ihre Mitarbeitenden
sso-issuer = Aussteller (Issuer)
sso-issuer-hint = die Adresse des Anbieters, z. B. https://login.microsoftonline.com/ihr-mandant/v2.0
sso-client-id = Client-ID
sso-client-secret = Client-Geheimnis
sso-client-secret-hint = verschlüsselt gespeichert und nie wieder angezeigt
sso-client-secret-kept = ein Geheimnis ist gespeichert; leer lassen, um es zu behalten
sso-domains = Zugelassene E-Mail-Domains
sso-domains-hint = durch Kommas getrennt, z. B. alpha.example, alpha-consulting.example
sso-role-claim = Claim mit Rollen
sso-role-claim-hint = der Claim des ID-Tokens, dessen Werte Rollen ergeben, z. B. groups oder roles
sso-role-map = Rollen aus dem Claim
sso-role-map-hint = eine pro Zeile: ein Wert des Claims = admin, consultant, executive oder programme_manager
sso-default-role = Rolle, wenn kein Wert des Claims zugeordnet ist
sso-default-none = Keine: Anmeldung ablehnen
sso-required = Passwörter aus: alle melden sich über den Anbieter an, außer Admins mit zweitem Faktor (ihr Zugang, wenn der Anbieter ausfällt)
sso-save = Einmalanmeldung speichern
sso-remove = Einmalanmeldung entfernen
# $line: the line number in the roles box.
sso-bad-role-map = Zeile { $line } hat nicht die Form „Wert = Rolle“ mit einer Rolle aus admin, consultant, executive oder programme_manager.
done-sso = Die Einmalanmeldung ist gespeichert; ihr Anmeldelink gilt ab sofort.
done-sso_removed = Die Einmalanmeldung ist entfernt; alle melden sich mit ihrem Passwort an.
