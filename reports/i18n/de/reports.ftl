# Die Texte der drei Berichte (Scorecard, Portfoliostudie, Programmbericht)
# in allen Formaten: PDF, HTML und Word. Zahlen und Datumsangaben kommen
# bereits in der Schreibweise der Sprache an; Namen (von Kunden, Bereichen,
# KPIs) so, wie sie erfasst wurden.

## Gemeinsam für alle Berichte

report-generated = erstellt am { $date }
report-working-edition = Arbeitsfassung für { $organisation }: sämtliche Antworten und Notizen aller Assessoren. Der Kunde erhält die Kundenfassung.
report-not-available = k. A.
report-range = { $low } bis { $high }
report-list-separator = { ", " }
# A whole percentage.
report-percent = { $value } %
report-page = Seite { $page } von { $pages }
report-page-word = Seite
report-cover = Deckblatt

## Scorecard: die Befunde
# $area, $client (der Wert des Kunden), $median, $top_quartile, $points,
# $intention, $reality sind ganze Prozentzahlen ohne Prozentzeichen.

scorecard-strength = { $area } ist eine Stärke: { $client } % des Best-Practice-Niveaus, { $points ->
        [one] { $points } Prozentpunkt
       *[other] { $points } Prozentpunkte
    } über dem Portfolio-Median von { $median } %.
scorecard-strength-top = { $area } ist eine Stärke: Mit { $client } % des Best-Practice-Niveaus liegt dieser Bereich im obersten Viertel des Portfolios ({ $points ->
        [one] { $points } Prozentpunkt
       *[other] { $points } Prozentpunkte
    } über dem Median von { $median } %).
scorecard-priority-execute = { $area }: { $points ->
        [one] { $points } Prozentpunkt
       *[other] { $points } Prozentpunkte
    } unter dem oberen Quartil ({ $client } % gegenüber { $top_quartile } %). Die Pläne liegen vor (Absicht { $intention } %), werden aber noch nicht gelebt (Realität { $reality } %): Vorrang hat ihre Umsetzung.
scorecard-priority-plan = { $area }: { $points ->
        [one] { $points } Prozentpunkt
       *[other] { $points } Prozentpunkte
    } unter dem oberen Quartil ({ $client } % gegenüber { $top_quartile } %). Am Anfang steht ein klarer, gemeinsam getragener Plan: Die Absicht liegt erst bei { $intention } %.
scorecard-priority-both = { $area }: { $points ->
        [one] { $points } Prozentpunkt
       *[other] { $points } Prozentpunkte
    } unter dem oberen Quartil ({ $client } % gegenüber { $top_quartile } %). Sowohl der Plan (Absicht { $intention } %) als auch seine Umsetzung (Realität { $reality } %) müssen sich verbessern.

# Wo der Kunde in einer Vergleichsgruppe steht; $quarter ist eines der Viertel
# unten, $group eine der Gruppen, $count eine der Anzahlen.
scorecard-standing = Perzentil { $percentile } unter { $group } ({ $count }): { $quarter }. Median { $median } %, oberes Quartil ab { $top_quartile } %.
# Die Vergleichsgruppen einer Scorecard: Ein Unternehmen zählt einmal (mit
# seiner letzten unternehmensweiten Bewertung); eine eingegrenzte Bewertung
# wird mit Bewertungen desselben Zuschnitts verglichen, wenn es mindestens fünf
# gibt, sonst mit den unternehmensweiten Ergebnissen. Die Gruppen stehen im
# Dativ, da sie in scorecard-standing auf „unter“ folgen.
scorecard-group-companies = den Unternehmen des Portfolios
# $kind: die Teile des Zuschnitts unten, verbunden durch scorecard-scope-and.
scorecard-group-same-scope = den Bewertungen auf Ebene { $kind } im Portfolio
scorecard-group-whole-companies = den unternehmensweiten Ergebnissen des Portfolios
scorecard-group-sector = den Unternehmen der Branche { $sector }
scorecard-count-companies = { $n } Unternehmen
scorecard-count-assessments = { $n } Bewertungen
scorecard-scope-business-unit = Geschäftsbereich
scorecard-scope-product = Produkt
scorecard-scope-customer-group = Kundengruppe
scorecard-scope-and = { " " }und{ " " }
scorecard-quarter-1 = oberstes Viertel
scorecard-quarter-2 = zweites Viertel
scorecard-quarter-3 = drittes Viertel
scorecard-quarter-4 = unterstes Viertel
scorecard-whole-company = Gesamtunternehmen
scorecard-status-final = endgültig
scorecard-status-draft = Entwurf

scorecard-rule-equal = Die Prioritäten ordnen die Bereiche nach ihrem Abstand zum oberen Quartil des Portfolios, alle Bereiche gleich gewichtet: Für eine Gewichtung nach ihrem Zusammenhang mit dem Geschäftserfolg benötigt die Portfoliostudie KPI-Daten von mindestens 10 Kunden.
scorecard-rule-correlation = Die Prioritäten ordnen die Bereiche nach ihrem Abstand zum oberen Quartil des Portfolios, gewichtet danach, wie eng der jeweilige Bereich im Portfolio mit dem Geschäftserfolg einhergeht (Rangkorrelation nach Spearman, { $clients } Kunden). Korrelation ist keine Kausalität.

## Scorecard: Überschriften und Beschriftungen

scorecard-kicker = KUNDENMANAGEMENT-SCORECARD
scorecard-title = Bewertung des Kundenmanagements von { $client } am { $date }
scorecard-assessed = Bewertet am { $date }
scorecard-assessed-lower = bewertet am { $date }
scorecard-prepared-by = Erstellt von { $organisation }
scorecard-assessors = Assessoren: { $assessors } (Leitung: { $lead })
scorecard-overall-label = Gesamtwert
scorecard-of-best-practice = des Best-Practice-Niveaus insgesamt
scorecard-intention-reality = Absicht { $intention } · Realität { $reality }
scorecard-answered = { $answered } von { $questions } Fragen beantwortet
scorecard-summary = Zusammenfassung
scorecard-heading-radar = Die acht Bereiche im Vergleich zum Portfolio
scorecard-heading-strengths = Stärken
scorecard-no-strengths = Noch liegt kein Bereich über dem Portfolio-Median.
scorecard-heading-priorities = Prioritäten: Was zuerst anzugehen ist
scorecard-no-priorities = Alle Bereiche erreichen oder übertreffen das obere Quartil des Portfolios.
scorecard-heading-areas = Bereiche: Absicht und Realität im Vergleich zum Portfolio
scorecard-heading-trend = Fortschritt über die Bewertungen hinweg
scorecard-first-assessment = Dies ist die erste endgültige Bewertung dieses Kunden in diesem Zuschnitt; Veränderungen werden ab der nächsten Bewertung ausgewiesen.
scorecard-heading-details = Die Bereiche im Einzelnen
scorecard-heading-lowest = Praktiken mit den niedrigsten Werten
scorecard-practice-scores = { $score }; Absicht { $intention }, Realität { $reality }
scorecard-evidence = Nachweis — { $note }
scorecard-heading-evidence-base = Nachweisgrundlage
scorecard-interviews-held = Geführte Interviews: { $count }
scorecard-no-interviews = Für diese Bewertung ist in cmas kein Interview erfasst.
scorecard-documents-reviewed = Gesichtete Dokumente und Links: { $count }
scorecard-heading-disagreements = Abweichungen zwischen den Assessoren
scorecard-agreed-by-lead = vom leitenden Assessor festgelegter Konsenswert
scorecard-no-disagreements = Bei keiner Frage lagen die Assessoren 3 Punkte oder mehr auseinander.
scorecard-disagreements = Bei { $count } der Fragen lagen die Assessoren 3 Punkte oder mehr auseinander; jede davon wurde besprochen, bevor die Werte festgeschrieben wurden.
scorecard-heading-not-applicable = Nicht zutreffend
scorecard-all-applicable = Alle Fragen trafen auf diesen Kunden zu.
scorecard-region-radar = Die acht Bereiche im Vergleich zum Portfolio als Netzdiagramm
scorecard-region-bars = Absicht und Realität je Bereich als Balkendiagramm
scorecard-region-areas = Werte je Bereich
scorecard-region-trend = Werte über die Bewertungen hinweg als Liniendiagramm
scorecard-region-evidence = Nachweise je Bereich

column-area = Bereich
column-sub-area = Teilbereich
column-score = Wert
column-intention = Absicht
column-reality = Realität
column-median = Median
column-top-quartile = Oberes Quartil
column-change = Veränderung
column-date = Datum
column-overall = Gesamt
column-interviews = Interviews
column-documents = Dokumente
column-client = Kunde

## Diagramme und Abbildungen

chart-client = Kunde
chart-portfolio-median = Portfolio-Median
chart-top-quartile = Oberes Quartil
chart-intention = Absicht
chart-reality = Realität
chart-overall = Gesamt
chart-assessment-rank = Rang in der Bewertung (1 = bester)
chart-performance-rank = Rang im Geschäftserfolg
chart-significant = * signifikant nach Holm-Korrektur (5 %)
chart-performance-panels = Geschäftserfolg (Gremien)
chart-not-enough-data = zu wenige Daten
chart-scatter-caption = { $method } r = { $r }, n = { $n }
chart-benefit-planned = Geplanter Nutzen
chart-benefit-realised = Realisierter Nutzen
chart-cost-planned = Geplante Kosten
chart-cost-spent = Angefallene Kosten
chart-not-known-yet = noch nicht bekannt
chart-latest-score = Letzter Wert in %
chart-not-assessed = nicht bewertet
chart-coverage-key = (Geschäftsbereich), (Kundengruppe), (Unternehmen): keine eigene Bewertung der Zelle, daher der Wert der übergeordneten Ebene · +/−: Veränderung seit der ersten Bewertung
chart-no-project = kein Projekt
chart-projects = { $count ->
    [one] { $count } Projekt
   *[other] { $count } Projekte
}
chart-timeline-key = ◆ Meilenstein, ausgefüllt wenn erreicht, rot wenn überfällig · Pfeil: von einem Projekt zu einem davon abhängigen Projekt · roter Rahmen: verspätet, blockiert oder gefährdet
chart-quarter = Q{ $quarter } { $year }

figure-radar = Die acht Bereiche: Kunde, Portfolio-Median und oberes Quartil
figure-bars = Absicht und Realität je Bereich im Vergleich zum Portfolio
figure-scatter = Rang in der Bewertung gegenüber Rang im Geschäftserfolg
figure-heatmap = Korrelationen der Werte mit Kennzahlen des Geschäftserfolgs
figure-coverage = Letzter Wert je Geschäftsbereich und Kundengruppe
figure-timeline = Die Projekte im Zeitverlauf mit Meilensteinen, Abhängigkeiten und heutigem Datum
figure-benefits = Nutzen und Kosten je Projekt, geplant und tatsächlich
figure-trend = Werte über die Bewertungen hinweg
figure-caption = Abbildung { $number }: { $title }

## Portfoliostudie

study-kicker = PORTFOLIOSTUDIE
study-title = Geht gutes Kundenmanagement mit Geschäftserfolg einher?
study-subject = Kundenmanagement-Werte im Vergleich zum Geschäftserfolg
study-document-title = Portfoliostudie { $period }: { $organisation }
study-meta = { $organisation } · Zeitraum { $period } · { $clients } Kunden · Korrelationen nach { $method }
study-period = { $organisation } · Zeitraum { $period }
study-footer = { $organisation } · Portfoliostudie { $period } · erstellt am { $date }
study-overall = Gesamt
study-performance = Geschäftserfolg (Konsens der Expertengremien)
study-heading-findings = Ergebnisse
study-no-findings = Für Ergebnisse liegen noch nicht genügend Daten vor.
study-heading-caveats = Grenzen der Aussagekraft
study-heading-scatter = Rang in der Bewertung gegenüber Rang im Geschäftserfolg
study-heading-heatmap = Werte im Vergleich zu allen Kennzahlen des Geschäftserfolgs
study-heading-reliability = Konsistenz und Reliabilität
study-heading-questionnaire-reliability = Reliabilität des Fragebogens
study-panels = Gremien: { $panels } Gremien haben dieselben { $clients } Kunden in eine Rangfolge gebracht; Kendalls W = { $w }, Friedman χ² = { $chi2 }, { $p }.
study-panels-missing = Gremien: { $reason }
study-no-panel-data = keine Gremiendaten
study-assessors = Assessoren: Über { $assessments } Bewertungen hinweg liegt die Übereinstimmung einzelner Assessoren, ICC(2,1), im Mittel bei { $icc }.
study-weakest-agreement = Arbeitsfassung: die Bewertungen mit der geringsten Übereinstimmung
column-alpha = Cronbachs α
column-ci = 95-%-KI
column-assessments = Bewertungen
column-assessment = Bewertung
column-assessors = Assessoren
column-note = Anmerkung
column-assessment-rank = Rang in der Bewertung
column-performance-rank = Rang im Geschäftserfolg
study-region-scatter = Rang in der Bewertung gegenüber Rang im Geschäftserfolg als Punktdiagramm
study-region-heatmap = Korrelationen der Werte mit Kennzahlen des Geschäftserfolgs als Heatmap
study-method-spearman = Spearman
study-method-kendall = Kendall
study-method-pearson = Pearson

# Die wichtigsten Ergebnisse der Studie, das stärkste zuerst; jedes erscheint
# nur, wenn seine Zahlen vorliegen. $p ist eine der beiden p-Wert-Formen unten.
study-finding-overall = Der Gesamtwert im Kundenmanagement und der Geschäftserfolg (Konsens der Gremien) korrelieren mit { $r } (95-%-KI { $ci_low } bis { $ci_high }; { $p } nach Holm; { $clients } Kunden): { $shared } % gemeinsame Varianz.
# $areas und $kpis sind Listen aus study-named, verbunden durch report-list-separator.
study-finding-most-tied = Die Bereiche, die am engsten mit dem Geschäftserfolg zusammenhängen: { $areas }.
study-finding-least-tied = { $area } hängt am schwächsten damit zusammen ({ $r }), und dieser Zusammenhang hält der Korrektur für multiples Testen nicht stand.
study-finding-kpis = Der Gesamtwert hängt überzufällig mit diesen KPIs zusammen: { $kpis }.
study-finding-panels = Die { $panels } Gremien stimmen untereinander überein: Kendalls W = { $w } ({ $p }).
study-named = { $name } ({ $r })
study-p-tiny = p < 0,001
study-p = p = { $p }
study-caveat-causation = Korrelation ist keine Kausalität: Unternehmen mit gutem Kundenmanagement sind tendenziell auch wirtschaftlich erfolgreich, doch die Studie kann nicht sagen, was Ursache und was Wirkung ist.
study-caveat-critical-r = Bei { $clients } Kunden lassen sich auf dem 5-%-Niveau nur Korrelationen mit einem Betrag über { $r } von Zufallsschwankungen unterscheiden.
study-caveat-few-clients = Nur { $clients } Kunden: zu wenige, als dass die Studie die Bereiche gewichten könnte; alle Zahlen sind als Richtwerte zu verstehen.

## Programmbericht
# Die Kennungen nach „programme-“ sind die Schlüssel, die der Code verwendet.

programme-masthead_kicker = PROGRAMM DER STETIGEN VERBESSERUNG
programme-masthead_line = { $client } · Stand: { $today } · { $projects } Projekte in { $units } Geschäftsbereichen × { $groups } Kundengruppen
programme-also_tracked = Ebenfalls verfolgt: { $dimensions }
programme-footer = { $client } · { $name } · Stand: { $today } · erstellt am { $generated }
programme-subject = Programm der stetigen Verbesserung von { $client }
programme-heading_attention = Handlungsbedarf
programme-nothing_flagged = Am { $today } ist nichts verspätet, blockiert oder gefährdet.
programme-heading_grid = Wo das Unternehmen im Raster steht
programme-empty_grid = Das Raster enthält noch keine Geschäftsbereiche oder Kundengruppen.
programme-heading_timeline = Zeitplan
programme-empty_timeline = Das Programm enthält noch keine Projekte.
programme-heading_trend = Fortschritt je Bereich
programme-empty_trend = Der Fortschritt wird sichtbar, sobald für das Programm Bewertungen zu zwei Zeitpunkten vorliegen.
programme-heading_benefits = Realisierter Nutzen im Vergleich zum Plan
programme-empty_benefits = Keine Projekte, daher noch keine Kosten und kein Nutzen.
programme-heading_projects = Projekte
programme-flag_late = verspätet
programme-flag_blocked = blockiert
programme-flag_at_risk = gefährdet
programme-fact_owner = Verantwortlich
programme-fact_placement = Einordnung
programme-fact_dates = Zeitraum
programme-fact_status = Status
programme-fact_cost = Kosten
programme-fact_benefit = Nutzen
programme-fact_inputs = Voraussetzungen
programme-fact_outputs = Ergebnisse
programme-fact_depends_on = Abhängig von
programme-reach_breadth = Breite: eine ganze Zeile oder Spalte des Rasters
programme-reach_depth = Tiefe: eine einzelne Zelle des Rasters
programme-placement = { $placement } ({ $reach })
programme-dates = { $start } bis { $end }
programme-planned_actual = geplant { $planned }, { $done } { $actual }
programme-planned_unknown = geplant { $planned }, { $done }: noch nicht bekannt
programme-spent = ausgegeben
programme-realised = realisiert
programme-milestone_done = erreicht am { $date }
programme-milestone_overdue = überfällig
programme-milestone_open = offen
programme-column_total = Programm gesamt
programme-column_planned = Plan
programme-column_actual = Ist
programme-column_share = Ist gegenüber Plan
programme-column_milestone = Meilenstein
programme-column_due = Fällig
programme-column_state = Stand
programme-column_area = Zielbereich
programme-column_before = Vorher
programme-column_since = Seither
programme-column_change = Veränderung
programme-row_benefit = Nutzen
programme-row_cost = Kosten
programme-totals_caption = Realisierter Nutzen insgesamt { $benefit_actual } von geplanten { $benefit_planned } ({ $benefit_share }) · Kosten { $cost_actual } von geplanten { $cost_planned } ({ $cost_share })
programme-region_grid = Das Raster: letzter Wert je Geschäftsbereich und Kundengruppe
programme-region_timeline = Zeitplan der Projekte
programme-region_trend = Fortschritt je Bereich als Liniendiagramm
programme-region_benefits = Nutzen und Kosten je Projekt
programme-region_totals = Programmsummen
programme-region_milestones = Meilensteine von { $project }
programme-region_areas = Zielbereiche von { $project }

## Ergänzt für die Antworten in der Arbeitsfassung
scorecard-assessor-answer = { $assessor }: Absicht { $intention }, Realität { $reality }
scorecard-assessor-na = { $assessor }: nicht zutreffend
scorecard-agreed = Konsens
programme-status_planned = geplant
programme-status_pilot = Pilot
programme-status_rolling_out = in Einführung
programme-status_done = abgeschlossen
programme-status_stopped = gestoppt
programme-placement_row = { $unit } (alle Kundengruppen)
programme-placement_column = { $group } (alle Geschäftsbereiche)
programme-placement_cell = { $unit } × { $group }

## Später ergänzt
programme-footer_page = { $client } · { $name } · Stand { $today }
chart-today = heute
chart-covering = { $projects }: { $statuses }
chart-scope-unit = Geschäftsbereich
chart-scope-group = Kundengruppe
chart-scope-company = Unternehmen
scorecard-area-evidence = { $area }: { $interviews } Interviews, { $documents } Dokumente
column-icc = ICC(2,1)
scorecard-status-in_progress = in Bearbeitung
scorecard-document-title = Customer-Management-Scorecard: { $client }
# Warum ein Projekt Aufmerksamkeit braucht.
programme-reason_end = { $project } sollte am { $date } abgeschlossen sein
programme-reason_milestone = Meilenstein „{ $milestone }“ war am { $date } fällig
programme-reason_stopped = es hängt von { $dependency } ab, das gestoppt wurde
programme-reason_not_begun = es hätte am { $date } beginnen sollen, aber { $dependency } ist nicht abgeschlossen
programme-reason_slipped = { $dependency } verzögert sich (fällig { $date }, nicht abgeschlossen)

## Vergleich zweier Bewertungen
# $client; $before und $after sind die Daten der beiden Bewertungen, kurz geschrieben.
compare-document-title = { $client }: { $before } gegenüber { $after }
compare-kicker = Vergleich zweier Bewertungen
# $before und $after sind Datumsangaben, $before_version und $after_version die Fragebögen.
compare-waves = { $before } ({ $before_version }) gegenüber { $after } ({ $after_version })
# $before und $after sind Prozentwerte, $change eine Zahl von Punkten mit Vorzeichen.
compare-summary = Gesamtwert { $before } → { $after } ({ $change } Prozentpunkte).
compare-summary-missing = Für eine der beiden Bewertungen liegt kein Gesamtergebnis vor.
compare-counted = Praktiken: { $improved } verbessert, { $regressed } verschlechtert, { $mixed } uneinheitlich, { $unchanged } unverändert, { $not_compared } nicht verglichen.
compare-rule = Als verbessert oder verschlechtert gilt eine Praktik, wenn sich ihre Absicht oder ihre Realität um mindestens { $points ->
        [one] { $points } Punkt
       *[other] { $points } Punkte
    } auf der Skala des Fragebogens verändert hat; kleinere Veränderungen gelten als unverändert. Ist eine Praktik in einer Dimension gestiegen und in der anderen gesunken, gilt sie als uneinheitlich. Eine Praktik, die in einer der beiden Bewertungen nicht zutreffend oder unbeantwortet ist oder keine Entsprechung hat, wird nicht verglichen.
# $before und $after sind Titel von Fragebögen mit ihrer Version.
compare-spans-versions = Die beiden Bewertungen beruhen auf unterschiedlichen Versionen des Fragebogens ({ $before } und { $after }). Die Praktiken werden nach der Zuordnungstabelle der späteren Version abgeglichen; Praktiken ohne Entsprechung sind gekennzeichnet und werden nicht verglichen.
compare-improved = verbessert
compare-regressed = verschlechtert
compare-mixed = uneinheitlich
compare-unchanged = unverändert
compare-na-before = in der früheren Bewertung nicht zutreffend
compare-na-after = in der späteren Bewertung nicht zutreffend
compare-na-both = in beiden Bewertungen nicht zutreffend
compare-unanswered = in einer der Bewertungen nicht beantwortet
compare-new = neu in dieser Version
compare-retired = nicht mehr abgefragt
compare-link-kept = identisch
compare-link-renamed = umformuliert
compare-link-merged = zusammengelegt
compare-link-split = aufgeteilt
compare-link-new = neu
compare-link-retired = entfallen
compare-heading-summary = Zusammenfassung
compare-heading-areas = Bereiche
compare-heading-sub-areas = Teilbereiche
compare-heading-moved = Die Praktiken mit den größten Veränderungen
compare-heading-practices = Alle Praktiken
compare-heading-practices-client = Veränderte oder nicht verglichene Praktiken
compare-no-moved = Keine Praktik hat sich um den Schwellenwert oder mehr verändert.
compare-no-practices = Alle verglichenen Praktiken sind unverändert.
# $area, $verdict; die vier Werte sind Punkte auf der Skala des Fragebogens.
compare-moved-line = { $area } · { $verdict }: Absicht { $intention_before } → { $intention_after }, Realität { $reality_before } → { $reality_after }
# $date ist das Datum einer Bewertung.
compare-notes-of = Nachweise vom { $date }
compare-no-notes = Kein Nachweis erfasst.
compare-footer = { $client } · { $before } gegenüber { $after }
compare-subject = Vergleich zweier Bewertungen von { $client }, { $scope }
compare-column-practice = Praktik
compare-column-before = Vorher (A / R)
compare-column-after = Nachher (A / R)
compare-column-verdict = Einstufung
compare-column-link = Zuordnung
compare-figure-areas = Kombinierter Wert je Bereich in beiden Bewertungen
compare-na = nicht zutreffend
chart-earlier-wave = Frühere Bewertung
chart-later-wave = Spätere Bewertung

## Pläne: Ziele und vereinbarte Maßnahmen
column-target = Ziel
column-to-target = Bis zum Ziel
column-due = Fällig
column-action = Maßnahme
column-owner = Verantwortlich
column-status = Stand
column-project = Projekt
chart-target = Ziel
scorecard-target-met = erreicht
# $version zählt, wie oft Kunde und Umfang Ziele gesetzt haben.
scorecard-targets-note = Ziele: Version { $version } für diesen Kunden und Umfang. „Bis zum Ziel“ sind die Punkte, die beim Gesamtwert noch fehlen.
scorecard-heading-practice-targets = Ziele für einzelne Praktiken
scorecard-heading-actions = Vereinbarte Maßnahmen
scorecard-no-actions = Zu den Prioritäten dieser Bewertung ist noch keine Maßnahme vereinbart.
action-status-proposed = vorgeschlagen
action-status-agreed = vereinbart
action-status-in_progress = in Arbeit
action-status-done = erledigt
action-status-dropped = verworfen
# $status ist eines der action-status-*-Wörter.
action-overdue = { $status }, überfällig
compare-heading-targets = Ziele
compare-no-targets = Zur früheren Bewertung wurden keine Ziele gesetzt.
compare-column-node = Bereich oder Praktik
compare-column-earlier = Früher
compare-column-later = Später
compare-column-outcome = Ergebnis
target-outcome-met = erreicht
target-outcome-missed = verfehlt
target-outcome-not-yet-due = noch nicht fällig
target-outcome-no-score = kein Wert
programme-heading_paths = Geplanter und tatsächlicher Weg zu den Zielen
programme-no_actions = Für diesen Kunden sind noch keine Maßnahmen vereinbart.
programme-flag_overdue_action = überfällige Maßnahme
# $owner ist verantwortlich; $date war der Fälligkeitstag.
programme-reason_action = verantwortlich { $owner }, fällig am { $date }, noch offen
chart-planned-dashed = Durchgezogen: die erreichten Werte; gestrichelt: der geplante Weg zu jedem Ziel.
figure-paths = Geplanter und tatsächlicher Weg je Bereich mit Ziel
# $before und $after sind Fragebogentitel mit ihren Versionen.
compare-spans-versions-by-id = Die Bewertungen verwenden unterschiedliche Fragebogenversionen ({ $before } und { $after }), und die spätere hat keine Zuordnungstabelle zur früheren: Praktiken werden über ihre Kennung zugeordnet; solche ohne Entsprechung sind markiert und werden nicht verglichen.
