# Les textes des trois rapports (tableau de bord, étude de portefeuille,
# rapport de programme) dans tous les formats : PDF, HTML et Word. Les nombres
# et les dates arrivent déjà écrits selon les conventions de la langue ; les
# noms (des clients, des domaines, des KPI) arrivent tels qu'ils ont été saisis.

## Communs à tous les rapports

report-generated = établi le { $date }
report-working-edition = Version de travail pour { $organisation } : toutes les réponses et notes de chaque évaluateur. Le client reçoit la version client.
report-not-available = n.d.
report-range = { $low } à { $high }
report-list-separator = { ", " }
# A whole percentage.
report-percent = { $value } %
report-page = Page { $page } sur { $pages }
report-page-word = Page
report-cover = Page de couverture

## Tableau de bord : les constats
# $area, $client (le score du client), $median, $top_quartile, $points,
# $intention, $reality sont des pourcentages entiers, sans le signe.

scorecard-strength = { $area } est un point fort : { $client } % du niveau des meilleures pratiques, soit { $points ->
        [one] { $points } point
       *[other] { $points } points
    } au-dessus de la médiane du portefeuille ({ $median } %).
scorecard-strength-top = { $area } est un point fort : à { $client } % du niveau des meilleures pratiques, ce domaine se situe dans le premier quart du portefeuille ({ $points ->
        [one] { $points } point
       *[other] { $points } points
    } au-dessus de la médiane de { $median } %).
scorecard-priority-execute = { $area } : { $points ->
        [one] { $points } point
       *[other] { $points } points
    } sous le quartile supérieur ({ $client } % contre { $top_quartile } %). Les plans existent (Intention { $intention } %) mais ne sont pas encore appliqués (Réalité { $reality } %) : la priorité est de les mettre en œuvre.
scorecard-priority-plan = { $area } : { $points ->
        [one] { $points } point
       *[other] { $points } points
    } sous le quartile supérieur ({ $client } % contre { $top_quartile } %). Il faut d'abord un plan clair et partagé : l'Intention n'atteint que { $intention } %.
scorecard-priority-both = { $area } : { $points ->
        [one] { $points } point
       *[other] { $points } points
    } sous le quartile supérieur ({ $client } % contre { $top_quartile } %). Le plan (Intention { $intention } %) comme sa mise en œuvre (Réalité { $reality } %) doivent progresser.

# La position du client dans un groupe ; $quarter est l'un des quarts
# ci-dessous, $group l'un des groupes, $count l'un des effectifs.
scorecard-standing = Percentile { $percentile } parmi { $group } ({ $count }) : { $quarter }. Médiane { $median } %, quartile supérieur à partir de { $top_quartile } %.
# Les groupes de comparaison d'un tableau de bord : une entreprise compte une
# fois (sa dernière évaluation à l'échelle de l'entreprise) ; une évaluation à
# périmètre restreint est comparée à celles du même type de périmètre lorsqu'il
# y en a au moins cinq, sinon aux résultats à l'échelle de l'entreprise. Les
# groupes suivent « parmi » dans scorecard-standing : ce sont des pluriels
# avec article.
scorecard-group-companies = les entreprises du portefeuille
# $kind : les éléments du périmètre ci-dessous, reliés par scorecard-scope-and.
scorecard-group-same-scope = les évaluations du portefeuille au niveau { $kind }
scorecard-group-whole-companies = les résultats du portefeuille à l'échelle de l'entreprise entière
scorecard-group-sector = les entreprises du secteur { $sector }
scorecard-count-companies = { $n } entreprises
scorecard-count-assessments = { $n } évaluations
scorecard-scope-business-unit = unité commerciale
scorecard-scope-product = produit
scorecard-scope-customer-group = groupe de clients
scorecard-scope-and = { " " }et{ " " }
scorecard-quarter-1 = premier quart
scorecard-quarter-2 = deuxième quart
scorecard-quarter-3 = troisième quart
scorecard-quarter-4 = dernier quart
scorecard-whole-company = Ensemble de l'entreprise
scorecard-status-final = définitive
scorecard-status-draft = provisoire

scorecard-rule-equal = Les priorités classent les domaines selon leur écart au quartile supérieur du portefeuille, tous les domaines ayant le même poids : l'étude de portefeuille, qui les pondérerait selon leur lien avec la performance économique, requiert des données de KPI pour au moins 10 clients.
scorecard-rule-correlation = Les priorités classent les domaines selon leur écart au quartile supérieur du portefeuille, pondéré par la force du lien entre chaque domaine et la performance économique sur l'ensemble du portefeuille (corrélation des rangs de Spearman, { $clients } clients). Corrélation n'est pas causalité.

## Tableau de bord : titres et libellés

scorecard-kicker = TABLEAU DE BORD DE LA GESTION CLIENT
scorecard-title = Évaluation de la gestion client de { $client } du { $date }
scorecard-assessed = Évalué le { $date }
scorecard-assessed-lower = évalué le { $date }
scorecard-prepared-by = Préparé par { $organisation }
scorecard-assessors = Évaluateurs : { $assessors } (évaluateur principal : { $lead })
scorecard-overall-label = Score global
scorecard-of-best-practice = du niveau des meilleures pratiques, tous domaines confondus
scorecard-intention-reality = Intention { $intention } · Réalité { $reality }
scorecard-answered = { $answered } réponses sur { $questions } questions
scorecard-summary = Synthèse
scorecard-heading-radar = Les huit domaines face au portefeuille
scorecard-heading-strengths = Points forts
scorecard-no-strengths = Aucun domaine ne dépasse encore la médiane du portefeuille.
scorecard-heading-priorities = Priorités : par où commencer
scorecard-no-priorities = Tous les domaines atteignent ou dépassent le quartile supérieur du portefeuille.
scorecard-heading-areas = Domaines : Intention et Réalité face au portefeuille
scorecard-heading-trend = Progression d'une évaluation à l'autre
scorecard-first-assessment = Il s'agit de la première évaluation définitive de ce client sur ce périmètre ; les évolutions apparaîtront à partir de la prochaine.
scorecard-heading-details = Détail par domaine
scorecard-heading-lowest = Pratiques les moins bien notées
scorecard-practice-scores = { $score } ; Intention { $intention }, Réalité { $reality }
scorecard-evidence = Éléments probants — { $note }
scorecard-heading-evidence-base = Éléments probants recueillis
scorecard-interviews-held = Entretiens menés : { $count }
scorecard-no-interviews = Aucun entretien n'est enregistré dans cmas pour cette évaluation.
scorecard-documents-reviewed = Documents et liens examinés : { $count }
scorecard-heading-disagreements = Divergences entre évaluateurs
scorecard-agreed-by-lead = score consensuel fixé par l'évaluateur principal
scorecard-no-disagreements = Sur chaque question, l'écart entre les évaluateurs est resté inférieur à 3 points.
scorecard-disagreements = Les évaluateurs ont divergé de 3 points ou plus sur { $count } des questions ; chacune a été discutée avant que les scores ne soient arrêtés.
scorecard-heading-not-applicable = Sans objet
scorecard-all-applicable = Toutes les questions s'appliquaient à ce client.
scorecard-region-radar = Les huit domaines face au portefeuille, sous forme de graphique radar
scorecard-region-bars = Intention et Réalité par domaine, sous forme de barres
scorecard-region-areas = Scores par domaine
scorecard-region-trend = Scores d'une évaluation à l'autre, sous forme de courbes
scorecard-region-evidence = Éléments probants par domaine

column-area = Domaine
column-sub-area = Sous-domaine
column-score = Score
column-intention = Intention
column-reality = Réalité
column-median = Médiane
column-top-quartile = Quartile supérieur
column-change = Évolution
column-date = Date
column-overall = Global
column-interviews = Entretiens
column-documents = Documents
column-client = Client

## Graphiques et figures

chart-client = Client
chart-portfolio-median = Médiane du portefeuille
chart-top-quartile = Quartile supérieur
chart-intention = Intention
chart-reality = Réalité
chart-overall = Global
chart-assessment-rank = Rang d'évaluation (1 = meilleur)
chart-performance-rank = Rang de performance
chart-significant = * significatif après correction de Holm (5 %)
chart-performance-panels = Performance (panels d'experts)
chart-not-enough-data = données insuffisantes
chart-scatter-caption = { $method } r = { $r }, n = { $n }
chart-benefit-planned = Bénéfice prévu
chart-benefit-realised = Bénéfice réalisé
chart-cost-planned = Coût prévu
chart-cost-spent = Coût réel
chart-not-known-yet = pas encore connu
chart-latest-score = Dernier score (%)
chart-not-assessed = non évalué
chart-coverage-key = (unité), (groupe), (entreprise) : pas d'évaluation propre à la cellule, d'où le score d'un niveau plus large · +/− : évolution depuis la première évaluation
chart-no-project = aucun projet
chart-projects = { $count ->
    [one] { $count } projet
   *[other] { $count } projets
}
chart-timeline-key = ◆ jalon, plein une fois atteint, rouge en cas de retard · flèche : d'un projet vers un projet qui en dépend · contour rouge : en retard, bloqué ou à risque
chart-quarter = T{ $quarter } { $year }

figure-radar = Les huit domaines : client, médiane du portefeuille et quartile supérieur
figure-bars = Intention et Réalité par domaine face au portefeuille
figure-scatter = Rang d'évaluation et rang de performance
figure-heatmap = Corrélations entre les scores et les mesures de performance
figure-coverage = Dernier score par unité commerciale et groupe de clients
figure-timeline = Les projets dans le temps, avec jalons, dépendances et date du jour
figure-benefits = Bénéfices et coûts par projet, prévus et réels
figure-trend = Scores d'une évaluation à l'autre
figure-caption = Figure { $number } : { $title }

## Étude de portefeuille

study-kicker = ÉTUDE DE PORTEFEUILLE
study-title = La gestion client va-t-elle de pair avec la performance économique ?
study-subject = Scores de gestion client et performance économique
study-document-title = Étude de portefeuille { $period } : { $organisation }
study-meta = { $organisation } · période { $period } · { $clients } clients · corrélations de { $method }
study-period = { $organisation } · période { $period }
study-footer = { $organisation } · étude de portefeuille { $period } · établie le { $date }
study-overall = Global
study-performance = Performance économique (consensus des panels d'experts)
study-heading-findings = Principaux résultats
study-no-findings = Pas encore assez de données pour dégager des résultats.
study-heading-caveats = Précautions de lecture
study-heading-scatter = Rang d'évaluation et rang de performance économique
study-heading-heatmap = Les scores face à chaque mesure de performance
study-heading-reliability = Cohérence et fiabilité
study-heading-questionnaire-reliability = Fiabilité du questionnaire
study-panels = Panels : { $panels } panels ont classé { $clients } clients communs ; W de Kendall = { $w }, χ² de Friedman = { $chi2 }, { $p }.
study-panels-missing = Panels : { $reason }
study-no-panel-data = aucune donnée de panel
study-assessors = Évaluateurs : sur { $assessments } évaluations, l'accord d'un évaluateur isolé, ICC(2,1), s'établit en moyenne à { $icc }.
study-weakest-agreement = Version de travail : les évaluations où l'accord est le plus faible
column-alpha = α de Cronbach
column-ci = IC à 95 %
column-assessments = Évaluations
column-assessment = Évaluation
column-assessors = Évaluateurs
column-note = Remarque
column-assessment-rank = Rang d'évaluation
column-performance-rank = Rang de performance
study-region-scatter = Rang d'évaluation et rang de performance, sous forme de nuage de points
study-region-heatmap = Corrélations entre les scores et les mesures de performance, sous forme de carte de chaleur
study-method-spearman = Spearman
study-method-kendall = Kendall
study-method-pearson = Pearson

# Les principaux résultats de l'étude, du plus fort au plus faible ; chacun
# n'apparaît que si ses chiffres existent. $p est l'une des deux formes de
# valeur p ci-dessous.
study-finding-overall = Le score global de gestion client et la performance économique (consensus des panels) présentent une corrélation de { $r } (IC à 95 % de { $ci_low } à { $ci_high } ; { $p } après correction de Holm ; { $clients } clients) : { $shared } % de variance commune.
# $areas et $kpis sont des listes de study-named reliées par report-list-separator.
study-finding-most-tied = Les domaines les plus liés à la performance : { $areas }.
study-finding-least-tied = { $area } est le domaine le moins lié ({ $r }), et ce lien ne résiste pas à la correction pour tests multiples.
study-finding-kpis = Le score global suit ces KPI au-delà du simple hasard : { $kpis }.
study-finding-panels = Les { $panels } panels concordent entre eux : W de Kendall = { $w } ({ $p }).
study-named = { $name } ({ $r })
study-p-tiny = p < 0,001
study-p = p = { $p }
study-caveat-causation = Corrélation n'est pas causalité : les entreprises qui gèrent bien leurs clients tendent à être performantes, mais l'étude ne permet pas de dire ce qui est la cause de quoi.
study-caveat-critical-r = Avec { $clients } clients, seules les corrélations supérieures à { $r } en valeur absolue se distinguent du bruit au seuil de 5 %.
study-caveat-few-clients = Seulement { $clients } clients : trop peu pour que l'étude puisse pondérer les domaines ; tous les chiffres sont donc indicatifs.

## Rapport de programme
# Les identifiants après « programme- » sont les clés utilisées par le code.

programme-masthead_kicker = PROGRAMME DE PROGRÈS CONTINU
programme-masthead_line = { $client } · au { $today } · { $projects } projets sur { $units } unités commerciales × { $groups } groupes de clients
programme-also_tracked = Également suivis : { $dimensions }
programme-footer = { $client } · { $name } · au { $today } · établi le { $generated }
programme-subject = Programme de progrès continu de { $client }
programme-heading_attention = Points d'attention
programme-nothing_flagged = Au { $today }, rien n'est en retard, bloqué ou à risque.
programme-heading_grid = Positionnement de l'entreprise sur la grille
programme-empty_grid = La grille ne comporte encore ni unité commerciale ni groupe de clients.
programme-heading_timeline = Calendrier
programme-empty_timeline = Le programme ne comporte encore aucun projet.
programme-heading_trend = Progression par domaine
programme-empty_trend = La progression s'affichera dès que le programme comptera des évaluations à deux dates.
programme-heading_benefits = Bénéfices réalisés par rapport au plan
programme-empty_benefits = Aucun projet, donc ni coûts ni bénéfices pour l'instant.
programme-heading_projects = Projets
programme-flag_late = en retard
programme-flag_blocked = bloqué
programme-flag_at_risk = à risque
programme-fact_owner = Responsable
programme-fact_placement = Positionnement
programme-fact_dates = Période
programme-fact_status = Statut
programme-fact_cost = Coût
programme-fact_benefit = Bénéfice
programme-fact_inputs = Intrants
programme-fact_outputs = Livrables
programme-fact_depends_on = Dépend de
programme-reach_breadth = largeur : une ligne ou une colonne entière de la grille
programme-reach_depth = profondeur : une seule cellule de la grille
programme-placement = { $placement } ({ $reach })
programme-dates = du { $start } au { $end }
programme-planned_actual = prévu { $planned }, { $done } { $actual }
programme-planned_unknown = prévu { $planned }, { $done } : pas encore connu
programme-spent = dépensé
programme-realised = réalisé
programme-milestone_done = atteint le { $date }
programme-milestone_overdue = en retard
programme-milestone_open = en cours
programme-column_total = Total du programme
programme-column_planned = Prévu
programme-column_actual = Réel
programme-column_share = Réel par rapport au prévu
programme-column_milestone = Jalon
programme-column_due = Échéance
programme-column_state = État
programme-column_area = Domaine ciblé
programme-column_before = Avant
programme-column_since = Depuis
programme-column_change = Évolution
programme-row_benefit = Bénéfice
programme-row_cost = Coût
programme-totals_caption = Bénéfice total réalisé { $benefit_actual } sur { $benefit_planned } prévus ({ $benefit_share }) · coût { $cost_actual } sur { $cost_planned } prévus ({ $cost_share })
programme-region_grid = La grille : dernier score par unité commerciale et groupe de clients
programme-region_timeline = Calendrier des projets
programme-region_trend = Progression par domaine, sous forme de courbes
programme-region_benefits = Bénéfices et coûts par projet
programme-region_totals = Totaux du programme
programme-region_milestones = Jalons de { $project }
programme-region_areas = Domaines ciblés de { $project }

## Ajouté pour les réponses de la version de travail
scorecard-assessor-answer = { $assessor } : Intention { $intention }, Réalité { $reality }
scorecard-assessor-na = { $assessor } : sans objet
scorecard-agreed = Consensus
programme-status_planned = prévu
programme-status_pilot = pilote
programme-status_rolling_out = en déploiement
programme-status_done = terminé
programme-status_stopped = arrêté
programme-placement_row = { $unit } (tous les groupes de clients)
programme-placement_column = { $group } (toutes les unités commerciales)
programme-placement_cell = { $unit } × { $group }

## Ajouts ultérieurs
programme-footer_page = { $client } · { $name } · au { $today }
chart-today = aujourd’hui
chart-covering = { $projects } : { $statuses }
chart-scope-unit = unité
chart-scope-group = groupe
chart-scope-company = entreprise
scorecard-area-evidence = { $area } : { $interviews } entretiens, { $documents } documents
column-icc = ICC(2,1)
scorecard-status-in_progress = en cours
scorecard-document-title = Tableau de bord de la gestion client : { $client }
# Pourquoi un projet demande de l’attention.
programme-reason_end = { $project } devait se terminer le { $date }
programme-reason_milestone = le jalon « { $milestone } » était prévu le { $date }
programme-reason_stopped = il dépend de { $dependency }, qui a été arrêté
programme-reason_not_begun = il aurait dû commencer le { $date }, mais { $dependency } n’est pas terminé
programme-reason_slipped = { $dependency } a pris du retard (prévu le { $date }, non terminé)

## Comparaison de deux évaluations
# $client ; $before et $after sont les dates des deux évaluations, en format court.
compare-document-title = { $client } : { $before } face à { $after }
compare-kicker = Comparaison de deux évaluations
# $before et $after sont des dates, $before_version et $after_version les questionnaires.
compare-waves = { $before } ({ $before_version }) face à { $after } ({ $after_version })
# $before et $after sont des pourcentages, $change un nombre de points avec son signe.
compare-summary = Score global { $before } → { $after } ({ $change } points de pourcentage).
compare-summary-missing = L'une des deux évaluations n'a pas de résultat global.
compare-counted = Pratiques : { $improved } en progrès, { $regressed } en recul, { $mixed } à évolution contrastée, { $unchanged } sans changement, { $not_compared } hors comparaison.
compare-rule = Une pratique est en progrès ou en recul lorsque son Intention ou sa Réalité a varié d'au moins { $points ->
        [one] { $points } point
       *[other] { $points } points
    } sur l'échelle du questionnaire ; les variations plus faibles comptent comme sans changement. Une pratique qui a progressé sur une dimension et reculé sur l'autre a une évolution contrastée. Une pratique sans objet ou sans réponse dans l'une des deux évaluations, ou sans équivalent, est hors comparaison.
# $before et $after sont des titres de questionnaires avec leur version.
compare-spans-versions = Les deux évaluations reposent sur des versions différentes du questionnaire ({ $before } et { $after }). Les pratiques sont rapprochées selon la table de correspondance de la version la plus récente ; celles qui n'ont pas d'équivalent sont signalées et ne sont pas comparées.
compare-improved = en progrès
compare-regressed = en recul
compare-mixed = évolution contrastée
compare-unchanged = sans changement
compare-na-before = sans objet dans l'évaluation précédente
compare-na-after = sans objet dans l'évaluation la plus récente
compare-na-both = sans objet dans les deux évaluations
compare-unanswered = sans réponse dans l'une des évaluations
compare-new = nouvelle dans cette version
compare-retired = plus évaluée
compare-link-kept = identique
compare-link-renamed = reformulée
compare-link-merged = fusionnée
compare-link-split = scindée
compare-link-new = nouvelle
compare-link-retired = retirée
compare-heading-summary = Synthèse
compare-heading-areas = Domaines
compare-heading-sub-areas = Sous-domaines
compare-heading-moved = Les pratiques qui ont le plus évolué
compare-heading-practices = Toutes les pratiques
compare-heading-practices-client = Pratiques qui ont évolué ou n'ont pas été comparées
compare-no-moved = Aucune pratique n'a évolué d'une ampleur égale ou supérieure au seuil.
compare-no-practices = Toutes les pratiques comparées sont sans changement.
# $area, $verdict ; les quatre valeurs sont des points sur l'échelle du questionnaire.
compare-moved-line = { $area } · { $verdict } : Intention { $intention_before } → { $intention_after }, Réalité { $reality_before } → { $reality_after }
# $date est la date d'une évaluation.
compare-notes-of = Éléments probants du { $date }
compare-no-notes = Aucun élément probant noté.
compare-footer = { $client } · { $before } face à { $after }
compare-subject = Comparaison de deux évaluations de { $client }, { $scope }
compare-column-practice = Pratique
compare-column-before = Avant (I / R)
compare-column-after = Après (I / R)
compare-column-verdict = Verdict
compare-column-link = Correspondance
compare-figure-areas = Score combiné par domaine dans les deux évaluations
compare-na = sans objet
chart-earlier-wave = Évaluation antérieure
chart-later-wave = Évaluation ultérieure

## Plans : objectifs et actions convenues
column-target = Objectif
column-to-target = Écart à l'objectif
column-due = Échéance
column-action = Action
column-owner = Responsable
column-status = Statut
column-project = Projet
chart-target = Objectif
scorecard-target-met = atteint
# $version compte les fois où le client et le périmètre ont fixé des objectifs.
scorecard-targets-note = Objectifs : version { $version } pour ce client et ce périmètre. « Écart à l'objectif » : les points qui restent à gagner sur le score global.
scorecard-heading-practice-targets = Objectifs par pratique
scorecard-heading-actions = Actions convenues
scorecard-no-actions = Aucune action n'a encore été convenue sur les priorités de cette évaluation.
action-status-proposed = proposée
action-status-agreed = convenue
action-status-in_progress = en cours
action-status-done = terminée
action-status-dropped = abandonnée
# $status est l'un des mots action-status-*.
action-overdue = { $status }, en retard
compare-heading-targets = Objectifs
compare-no-targets = Aucun objectif n'a été fixé à partir de l'évaluation antérieure.
compare-column-node = Domaine ou pratique
compare-column-earlier = Avant
compare-column-later = Après
compare-column-outcome = Résultat
target-outcome-met = atteint
target-outcome-missed = manqué
target-outcome-not-yet-due = pas encore échu
target-outcome-no-score = pas de score
programme-heading_paths = Trajectoires prévues et réelles vers les objectifs
programme-no_actions = Aucune action n'a encore été convenue pour ce client.
programme-flag_overdue_action = action en retard
# $owner est le responsable ; $date l'échéance.
programme-reason_action = responsable { $owner }, échéance le { $date }, toujours ouverte
chart-planned-dashed = Trait plein : les scores atteints ; pointillés : la trajectoire prévue vers chaque objectif.
figure-paths = Trajectoires prévues et réelles par domaine ciblé
# $before et $after sont des titres de questionnaire avec leur version.
compare-spans-versions-by-id = Les évaluations utilisent des versions différentes du questionnaire ({ $before } et { $after }), et la plus récente n’a pas de table de correspondance avec l’antérieure : les pratiques sont rapprochées par leur identifiant ; celles sans équivalent sont signalées et hors comparaison.
