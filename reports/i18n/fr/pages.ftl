### Ce que disent les pages de l'application, en français.
###
### Les mêmes identifiants que dans `reports/i18n/en/pages.ftl`, chaque message
### avec les mêmes `$variables`. Vouvoiement. Termes : évaluation, tableau de
### bord (scorecard), Intention/Réalité, client (l'entreprise évaluée), étude de
### portefeuille, programme, unité commerciale, groupe de clients, évaluateur
### principal, éléments probants. Espace insécable (U+00A0) avant : ; ? ! et %.
###
### Les messages ne contiennent pas de HTML. Quand une phrase contient un lien ou
### une mise en valeur, elle est découpée autour du balisage, que le gabarit
### conserve. Une espace en début de morceau s'écrit {" "}.

## Refus, remarques et autres phrases du code des pages.

login_first = Connectez-vous d'abord.
enrol_first = Votre organisation exige un second facteur : configurez-le d’abord.
fault = Une erreur s'est produite de notre côté. Elle a été consignée ; réessayez dans un instant.
fault_plain = Une erreur s'est produite de notre côté ; elle a été consignée.
form_expired = Le formulaire a expiré ou ne provient pas de cmas. Rechargez la page et réessayez.
login_expired = Le formulaire de connexion a expiré. Rechargez la page et connectez-vous à nouveau.
no_page = Il n'y a aucune page à cette adresse.
no_assessment = Cette évaluation n'existe pas.
no_programme = Ce programme n'existe pas.
heading_bad_request = Cela n'a pas fonctionné
heading_forbidden = Non autorisé
heading_not_found = Page introuvable
heading_fault = Une erreur s'est produite
only_admins = Seuls les administrateurs gèrent les utilisateurs et leur accès aux clients.
only_staff_create = Seuls les consultants et les administrateurs créent des clients et des évaluations.
only_staff_data = Seuls les consultants et les administrateurs gèrent les données de performance.
only_staff_study = L'étude de portefeuille est réservée aux consultants et aux administrateurs.
only_changers = Les dirigeants consultent les programmes ; les responsables de programme et les consultants les modifient.
# $unit : une unité commerciale de la grille du programme.
placement_row = Étendue : { $unit }, tous les groupes de clients
# $group : un groupe de clients de la grille du programme.
placement_column = Étendue : { $group }, toutes les unités commerciales
# $unit, $group : la ligne et la colonne de la cellule de la grille.
placement_cell = Profondeur : { $unit } × { $group }
only_lead_reviews = Seul l'évaluateur principal examine les réponses des évaluateurs.
not_an_assessor = Vous n'êtes pas évaluateur de cette évaluation : les réponses sont affichées en lecture seule.
assessment_final = Cette évaluation est finalisée : ses réponses ne peuvent plus changer.
# $saved, $unchanged : nombres de réponses.
workbook_in = Le classeur est importé : { $saved } réponses enregistrées, { $unchanged } inchangées.
choose_workbook = Choisissez le classeur à déposer.
workbook_problems = Le classeur comporte des problèmes. Rien n'a été enregistré ; corrigez-les et déposez-le à nouveau.
choose_csv = Choisissez un fichier CSV ou collez son texte.
file_problems = Le fichier comporte des problèmes. Rien n'a été enregistré ; corrigez-les et déposez-le à nouveau.
# $what : ce qu'il faut choisir (transmis en anglais par le code, p. ex. « client »).
choose_one = Faites un choix ({ $what }).
date_needed = Indiquez la date de l'évaluation sous forme de date.
passwords_differ = Les deux nouveaux mots de passe sont différents.
# $what : pourquoi l'envoi n'a pas pu être lu (message technique).
upload_unreadable = L'envoi n'a pas pu être lu ({ $what }). Réessayez.
# $limit : une taille en Mio.
upload_too_large = L'envoi dépasse { $limit } Mio, la limite de ce formulaire.
# $count : un nombre ; le script de la page y met aussi le texte littéral « {count} ».
finalise_unsettled = { $count } désaccords n'ont pas de note convenue : la finalisation retient pour chacun la moyenne des notes des évaluateurs. Finaliser quand même ?
no_fieldwork = Cette évaluation n'existe pas, ou vous n'avez pas le droit de la voir.
fieldwork_interview = L'entretien est planifié.
fieldwork_link = Le lien est conservé comme élément probant.
fieldwork_document = Le document est conservé comme élément probant.
fieldwork_existing = Ce fichier était déjà un élément probant de cette évaluation : l'élément existant est conservé, sans copie.
fieldwork_assignments = La répartition des domaines est enregistrée.
fieldwork_shared = Le partage avec les dirigeants est enregistré.
interview_when = Indiquez la date et l'heure de l'entretien.
choose_file = Choisissez le fichier à déposer.
invitation_unusable = Le lien d'invitation a déjà été utilisé, a été remplacé par un plus récent ou date de plus de 72 heures. Demandez-en un nouveau à un administrateur de votre cabinet.
reset_unusable = Le lien a déjà servi, a été remplacé par un plus récent ou date de plus d’une heure.
reset_no_mail = Ce déploiement n’envoie pas d’e-mails. Demandez plutôt un nouveau lien d’invitation à un admin de votre cabinet.
pages-password-reset-title = Nouveau mot de passe
reset-heading = Choisir un nouveau mot de passe
reset-intro = Saisissez l’adresse avec laquelle vous vous connectez. Si un compte l’utilise, un lien qui définit un nouveau mot de passe y est envoyé ; il sert une fois, pendant une heure.
reset-send = Envoyer le lien
reset-on-its-way = Si un compte utilise l’adresse { $email }, un lien est en route. Regardez votre boîte de réception (et les indésirables).
reset-ask-again = Demander un nouveau lien
reset-set = Définir le mot de passe
reset-done = Le nouveau mot de passe est défini : vous avez été déconnecté partout et vos jetons d’API ont été révoqués.
login-forgot = Mot de passe oublié ?
order_name_az = Nom, de A à Z
order_name_za = Nom, de Z à A
order_sector = Secteur
order_region = Région
order_newest = Les plus récents d'abord
order_oldest = Les plus anciens d'abord
order_changed = Dernière modification d'abord
order_status = Statut
# Un quartile, comme dans « premier quartile du portefeuille ».
quartile_top = premier quartile
quartile_second = deuxième quartile
quartile_third = troisième quartile
quartile_bottom = dernier quartile
rows_refused = Rien n'a été enregistré : corrigez les champs signalés ci-dessous, puis enregistrez à nouveau.
no_project = Ce projet n'existe pas dans ce programme.
# $project : le nom du projet.
edit_project = Modifier { $project }

## Confirmations après l'envoi d'un formulaire, selon le code de `?done=`.

done-updated = Les modifications ont été enregistrées.
done-given = L'accès a été accordé.
done-removed = L'accès a été retiré.
done-revoked = Le jeton a été révoqué ; il ne fonctionne plus.
done-session_ended = La session a été fermée ; ce navigateur doit se reconnecter.
done-two_factor_off = Le second facteur est désactivé ; la connexion ne demande plus que votre mot de passe.
done-two_factor_reset = Le second facteur a été réinitialisé : la personne se connecte avec le seul mot de passe et, là où il est exigé, le configure à nouveau.
done-kpi = Le KPI a été défini ; déposez ses valeurs ci-dessous.
done-values = Les valeurs de KPI sont enregistrées.
done-ranks = Les rangs du panel sont enregistrés.
done-clients = Les clients sont importés ; retrouvez-les sur la page des clients.
done-settings = Les paramètres sont enregistrés ; les montants et les nombres les suivent désormais.
done-branding = La charte graphique est enregistrée ; chaque rapport la suit désormais.
done-logo = Le logo figure désormais sur les rapports.
done-logo_removed = Le logo a été retiré des rapports.
done-started = Le programme est lancé ; ajoutez ses premiers projets ci-dessous.
done-added = Le projet est planifié.
done-progress = L'avancement du projet est enregistré.

## Comment les formulaires nomment leurs champs, selon le nom du champ ; aussi
## les libellés et les en-têtes de colonnes des pages.

field-primary_colour = Couleur principale
field-accent_colour = Couleur d'accent
field-footer = Ligne de pied de page
field-confidentiality = Mention de confidentialité
field-logo = Logo
field-name = Nom
field-sector = Secteur
field-size_band = Tranche de taille
field-region = Région
field-report_language = Langue des rapports
field-email = E-mail
field-role = Rôle
field-password = Mot de passe
field-new_password = Nouveau mot de passe
field-owner = Responsable
field-client_id = Client
field-questionnaire_id = Questionnaire
field-assessment_date = Date de l'évaluation
field-business_unit = Unité commerciale
field-business_units = Unités commerciales
field-customer_groups = Groupes de clients
field-product = Produit
field-customer_group = Groupe de clients
field-assessor_ids = Co-évaluateurs
field-start = Début
field-end = Fin
field-status = Statut
field-cost_actual = Coût à ce jour
field-benefit_actual = Bénéfice à ce jour
field-cost_planned = Coût prévu
field-benefit_planned = Bénéfice prévu
field-currency = Devise
field-number_format = Format des nombres

## Ce que le code des pages écrit sur les pages : titres de page, libellés et
## refus. Les refus (« pages-choose-… », « pages-give-… ») commencent par une
## minuscule et finissent sans point : la page en fait une phrase.

pages-users-title = Utilisateurs
pages-access-title = Qui voit quel client
pages-access-remove-title = Retirer l'accès
pages-choose-role = choisissez l'un des rôles
pages-choose-person-and-clients = choisissez une personne et au moins un client
# $client : le nom du client.
pages-assessment-title = { $client } : notation
pages-assessments-title = Évaluations
pages-audit-title = Journal d'audit
pages-branding-title = Charte graphique des rapports
pages-clients-title = Clients
pages-client-edit-title = Modifier le client
pages-client-new-title = Nouveau client
pages-assessment-new-title = Nouvelle évaluation
pages-home-title = Accueil
pages-home-client-title = Vos clients
# L'étape suivante d'une évaluation sur la page d'accueil des consultants.
pages-home-next-score = Noter
pages-home-next-review = Examiner les désaccords
pages-home-next-finalise = Finaliser
pages-home-next-done = Vos domaines sont terminés ; l'évaluateur principal examine
# Après les questions renseignées d'un domaine, p. ex. « Stratégie 4/9, 2 incomplètes » ; $count : un nombre.
pages-home-drafts = , { $count } incomplètes
# $change : un nombre signé de points de pourcentage, p. ex. « +3 ».
pages-home-change = { $change } points
pages-data-title = Données de performance
pages-invitation-title = Invitation
pages-invitation-set-title = Définir votre mot de passe
pages-invitation-done-title = Mot de passe défini
pages-login-title = Connexion
pages-password-title = Changer votre mot de passe
pages-programmes-title = Programmes
# Le nom que le formulaire d'un nouveau programme propose.
pages-programmes-default-name = Le client d'abord
pages-choose-placement = choisissez l'emplacement du projet dans la grille
# $field : le nom du champ entre accents graves, que la page remplace par son libellé ; à garder tel quel.
pages-give-date = indiquez une date pour { $field }, par exemple 2027-03-31
# $milestone : le nom du jalon.
pages-milestone-due-needed = indiquez l'échéance du jalon { $milestone }
pages-milestone-done-needed = indiquez le jour où le jalon { $milestone } a été atteint
# $client : le nom du client.
pages-review-title = { $client } : examen
# Une réponse d'évaluateur sans objet ; $reason : sa justification.
pages-review-answer-na = N/A ({ $reason })
# Une réponse d'évaluateur ; $intention, $reality : des notes.
pages-review-answer-scores = Intention { $intention }, Réalité { $reality }
# $client : le nom du client ; $date : la date de l'évaluation.
pages-scorecard-title = { $client } : tableau de bord du { $date }
pages-settings-title = Paramètres
pages-study-title = Étude de portefeuille
# Les méthodes de corrélation de l'étude de portefeuille.
pages-study-spearman = ρ de Spearman (rangs)
pages-study-kendall = τ-b de Kendall (rangs)
pages-study-pearson = r de Pearson (valeurs)
pages-tokens-title = Jetons d'API
pages-two-factor-title = Connexion à deux facteurs
pages-workbook-title = Classeur refusé
# $client : le nom du client.
pages-fieldwork-title = { $client } : travail de terrain
# Une personne qui ne fait plus partie de l'équipe ; $id : un nombre.
pages-fieldwork-user = utilisateur { $id }
# La taille d'un fichier ; $count : un nombre.
pages-fieldwork-bytes = { $count } octets

## Texte partagé par plusieurs gabarits.

common-home = Accueil
common-clients = Clients
common-assessments = Évaluations
common-programmes = Programmes
common-programme = Programme
common-api-tokens = Jetons d'API
common-nav-users = Administration › utilisateurs
common-nav-access = Qui voit quel client
common-nav-audit = Journal d'audit
common-nav-settings = Paramètres
common-nav-branding = Charte graphique des rapports
common-person = Personne
common-search = Rechercher
common-show = Afficher
common-save = Enregistrer
common-save-changes = Enregistrer les modifications
common-remove = Retirer
common-never = jamais
common-or = ou
common-order = Tri
common-date = Date
common-period = Période
common-kpi = KPI
common-scorecard = Tableau de bord
common-part-of-name = Partie d'un nom
common-new-assessment = Nouvelle évaluation
common-new-client = Nouveau client
common-no-assessments-yet = Aucune évaluation pour l'instant
# Un lien après « Aucune évaluation pour l'instant — ».
common-start-assessment = lancez-en une
common-log-in = Se connecter
login-code-intro = Votre compte a un second facteur. Saisissez le code affiché par votre application d’authentification.
login-code = Code
login-code-hint = Six chiffres de l’application, ou l’un de vos codes de récupération.
login-code-submit = Se connecter
login-start-again = Recommencer
login-sso-title = Authentification unique
login-sso-organisation = Nom court de votre organisation
login-sso-hint = Votre administrateur vous l’indique ; c’est la fin du lien de connexion qu’il vous a donné.
login-sso-submit = Continuer avec votre fournisseur d’identité
common-intention = Intention
common-reality = Réalité
common-not-applicable = Sans objet
common-na-reason = Justification si sans objet
common-pdf-report = Rapport PDF
common-standalone-page = page autonome
common-objective = Objectif
common-where-on-grid = Emplacement dans la grille
common-areas-targeted = Domaines du modèle visés
common-depends-on = Dépend de (doit se terminer avant le début de celui-ci)
common-inputs = Entrées
common-outputs = Livrables
# $currency : un code de devise ; $example : 251 000 écrit à la manière de l'organisation.
common-amounts-in = Montants en { $currency }, écrits comme vous écrivez les nombres ({ $example }).
# Un rôle selon son code.
common-role-name =
    { $role ->
        [admin] Administrateur
        [consultant] Consultant
        [executive] Dirigeant
        [programme_manager] Responsable de programme
       *[other] { $role }
    }
# Le statut d'une évaluation selon son code.
common-assessment-status =
    { $status ->
        [draft] brouillon
        [in_progress] en cours
        [final] finalisée
       *[other] { $status }
    }
# Le statut d'un projet selon son code.
common-project-status =
    { $status ->
        [planned] prévu
        [pilot] pilote
        [rolling_out] en déploiement
        [done] terminé
        [stopped] arrêté
       *[other] { $status }
    }

## layout.hbs

# La langue de la page, comme dans <html lang="…">.
layout-lang = fr
layout-skip = Aller au contenu
layout-nav-label = Navigation principale
layout-nav-study = Étude
layout-nav-data = Données
layout-nav-admin = Administration
layout-log-out = Se déconnecter

## pager.hbs

pager-label = Pages
pager-previous = Précédente
pager-next = Suivante
# $page, $pages, $total : des nombres.
pager-position = Page { $page } sur { $pages } · { $total } au total

## flaws.hbs

flaws-caption = Problèmes détectés
flaws-where = Emplacement
flaws-problem = Problème

## error.hbs

error-back = Retour à la page d'accueil

## login.hbs, password.hbs, invitation.hbs

password-heading = Changer votre mot de passe
password-intro = Au moins 10 caractères. Toutes vos sessions prennent fin, celle-ci aussi : vous vous reconnectez avec le nouveau mot de passe.
password-current = Mot de passe actuel
password-repeat = Nouveau mot de passe, à nouveau
password-revoke-tokens = Révoquer aussi mes jetons d'API
password-submit = Changer le mot de passe
invitation-set-heading = Votre mot de passe est défini
# « Votre compte est ouvert. [Connectez-vous] avec votre adresse e-mail … »
invitation-account-open = Votre compte est ouvert.
invitation-log-in-link = Connectez-vous
invitation-log-in-with = avec votre adresse e-mail et le mot de passe choisi.
invitation-unusable-heading = Ce lien ne fonctionne pas
invitation-welcome = Bienvenue
# $name : le nom de la personne invitée.
invitation-welcome-name = Bienvenue, { $name }
# « Vous vous connecterez en tant que [e-mail]. Choisissez votre mot de passe : … »
invitation-log-in-as = Vous vous connecterez en tant que
invitation-choose-password = . Choisissez votre mot de passe : au moins 10 caractères.
invitation-confirm = Le même mot de passe, à nouveau
invitation-set = Définir mon mot de passe

## home_staff.hbs

home_staff-all-assessments = Toutes les évaluations
home_staff-all-clients = Tous les clients
home_staff-organisation = L'organisation
# Après un nombre.
home_staff-count-clients = clients
home_staff-count-draft = en brouillon
home_staff-count-in-progress = en cours
home_staff-count-final = finalisées
home_staff-my-work = Mon travail
home_staff-next = Étape suivante :
home_staff-fieldwork = Travail de terrain
# Suivi de « — lancez-en une ».
home_staff-no-work = Aucune évaluation ouverte ne vous attend pour la diriger ou la noter
home_staff-needs-care = À surveiller
# $days : un nombre.
home_staff-stale-heading = Évaluations ouvertes inchangées depuis { $days } jours
home_staff-days = { $days } jours
home_staff-none-stale = Aucune : chaque évaluation ouverte a avancé au cours des { $days } derniers jours.
home_staff-idle-heading = Personnes sans connexion depuis { $days } jours
# $date : une date.
home_staff-last-login = dernière connexion le { $date }
home_staff-never-logged-in = jamais connecté
home_staff-manage-users = Gérer les utilisateurs
home_staff-all-recent = Tout le monde s'est connecté récemment.

## home_client.hbs

home_client-heading = Vos clients
# Après un pourcentage, p. ex. « 72 % des meilleures pratiques ».
home_client-of-best-practice = des meilleures pratiques
# Après une évolution en points, p. ex. « +3 points depuis l'évaluation précédente ».
home_client-since-previous = depuis l'évaluation précédente
# $quartile : p. ex. « premier quartile ».
home_client-quartile = { $quartile } du portefeuille
# $date : une date.
home_client-assessed = Évalué le { $date }
home_client-no-final = Pas encore d'évaluation finalisée.
home_client-none-shared = Aucun client n'est encore partagé avec vous. Votre consultant vous donne accès.
# $client : le nom du client.
home_client-trend-heading = Notes dans le temps : { $client }
home_client-choose-lines = Choisir les courbes
home_client-areas-beside = Domaines en plus de la note globale
home_client-table-caption = Note globale par évaluation
home_client-overall = Global
home_client-programmes = Vos programmes
# $count : un nombre de projets (1 ou plus).
home_client-need-attention = À surveiller : { $count }
home_client-and-more = et { $count } de plus
home_client-on-track = Dans les temps

## clients.hbs, client.hbs, client_form.hbs

clients-import = Importer une liste (CSV)
clients-all-sectors = Tous les secteurs
clients-all-regions = Toutes les régions
clients-size = Taille
clients-no-match = Aucun client ne correspond.
clients-show-all = Afficher tous les clients
# Suivi de « — ajoutez le premier. »
clients-none-yet = Pas encore de clients
clients-add-first = ajoutez le premier
client-change = Modifier
# Avant un pourcentage : « · global 72 % ».
client-overall = global
# $lead : le nom de l'évaluateur principal.
client-led-by = dirigée par { $lead }
# Suivi de « — lancez-en un. »
client-no-programme = Pas encore de programme de progrès continu
client-start-programme = lancez-en un
client-kpi-values = Valeurs des KPI
client-value = Valeur
# Suivi de « — déposez-les. »
client-no-kpi-values = Pas encore de valeurs de KPI
client-upload-kpi-values = déposez-les
client-who-sees = Qui voit ce client
client-only-consultancy = Uniquement le cabinet de conseil. Les dirigeants et les responsables de programme voient un client dès qu'un accès leur est accordé.
client-manage-access = Gérer les accès
client_form-crumb-change = modifier
client_form-crumb-new = nouveau client
client_form-open-existing = Ouvrir ce client
client_form-sector-example = Banque de détail
client_form-size-example = 1 000–5 000 salariés
client_form-region-example = Pays nordiques
client_form-create = Créer le client
# « Beaucoup de clients à la fois ? [Importez une liste au format CSV]. »
client_form-many = Beaucoup de clients à la fois ?
client_form-import = Importez une liste au format CSV

## assessments.hbs, assessment_form.hbs

assessments-any-status = Tous les statuts
assessments-scope = Périmètre
assessments-view = Voir
assessments-when-final = une fois finalisée
assessments-no-match = Aucune évaluation ne correspond.
assessments-show-all = Les afficher toutes
assessment_form-crumb = nouvelle évaluation
assessment_form-unit = Unité commerciale (facultatif)
assessment_form-product = Produit (facultatif)
assessment_form-group = Groupe de clients (facultatif)
assessment_form-co-assessors = Co-évaluateurs (vous dirigez)
assessment_form-no-colleagues = Aucun collègue à ajouter.
assessment_form-start = Lancer l'évaluation

## assessment.hbs (l'écran de notation)

# $client : le nom du client ; $date : la date de l'évaluation.
assessment-heading = { $client } : { $date }
assessment-fieldwork-link = Travail de terrain : entretiens, éléments probants et qui évalue quoi
assessment-review-link = Examiner les désaccords, convenir des notes et finaliser
# Avant les liens vers les fichiers CSV et XLSX.
assessment-results = Résultats :
assessment-work-offline = Travailler hors ligne
assessment-areas = Domaines
# $answered, $total : des nombres. static/score.js écrit la même phrase (script-answered-in-area) à l'enregistrement des réponses.
assessment-progress = { $answered } réponses sur { $total } dans ce domaine
assessment-guidance = Indications sur les éléments probants
assessment-guidance-low = Faible
assessment-guidance-middle = Moyen
assessment-guidance-high = Élevé
assessment-evidence-note = Note sur les éléments probants
# $count : un nombre.
assessment-evidence-cited = Éléments probants cités ({ $count })
assessment-saved = Enregistré
assessment-saved-draft = Enregistré comme brouillon : pas encore complet
assessment-offline-heading = Travailler hors ligne
# « Pas de réseau dans la salle de réunion ? [Téléchargez votre classeur …], remplissez-le, … »
assessment-offline-no-network = Pas de réseau dans la salle de réunion ?
assessment-offline-download = Téléchargez votre classeur de notation (XLSX)
assessment-offline-rest = , remplissez-le, puis déposez-le ici une fois de retour en ligne. Il contient vos réponses à ce jour ; rien n'est enregistré à moins que toutes ses réponses soient valides.
assessment-offline-file = Classeur rempli
assessment-offline-upload = Déposer le classeur

## review.hbs

review-crumb = examen
# $client : le nom du client.
review-heading = Examen : { $client }
# $open, $total : des nombres de questions.
review-open = { $open } questions sur { $total } encore sans réponse consolidée
# Avant les liens vers les fichiers CSV et XLSX.
review-every-answer = Réponses de chaque évaluateur :
review-consolidated = Résultats consolidés :
review-disagree-heading = Là où les évaluateurs divergent
review-evidence = Éléments probants :
review-agreed-intention = Intention convenue
review-agreed-reality = Réalité convenue
review-note = Note sur l'accord
review-agreed-saved = Note convenue enregistrée
review-no-disagreement = Sur toutes les questions renseignées jusqu'ici, les évaluateurs divergent de moins de 3 points.
review-unanswered-heading = Questions encore sans réponse
review-finalise-heading = Finaliser
review-once-final = Une fois finalisée, l'évaluation fait foi : aucune réponse ne peut plus changer, et son tableau de bord rejoint les benchmarks.
review-finalise = Finaliser l'évaluation

## workbook_refused.hbs

workbook_refused-crumb-scoring = notation
workbook_refused-crumb-workbook = classeur
workbook_refused-heading = Le classeur n'a pas été enregistré
workbook_refused-back = Retour à l'écran de notation

## fieldwork.hbs

fieldwork-crumb = travail de terrain
# $client : le nom du client.
fieldwork-heading = Travail de terrain : { $client }
fieldwork-on-this-page = Sur cette page
fieldwork-interviews = Entretiens
fieldwork-evidence = Éléments probants
fieldwork-coverage = Couverture
fieldwork-division = Qui évalue quoi
fieldwork-when = Quand
fieldwork-interviewee = Personne interrogée
fieldwork-function = Fonction
fieldwork-assessors = Évaluateurs
fieldwork-areas = Domaines
# La fonction d'une personne interrogée selon son code.
fieldwork-function-name =
    { $function ->
        [board] Direction générale
        [marketing] Marketing
        [sales] Ventes
        [service] Service client
        [it] Informatique
        [finance] Finance
        [hr] RH
        [operations] Opérations
        [other] Autre
       *[unknown] { $function }
    }
# Le statut d'un entretien selon son code.
fieldwork-interview-status =
    { $status ->
        [planned] prévu
        [held] réalisé
        [cancelled] annulé
       *[other] { $status }
    }
fieldwork-notes-heading = Notes prises pendant les entretiens
# $interviewee : un nom ; $job_title : l'intitulé du poste de cette personne ; $when : date et heure.
fieldwork-notes-of = Notes : { $interviewee }, { $job_title } ({ $when })
fieldwork-no-interviews = Aucun entretien n'est encore planifié.
fieldwork-plan-heading = Planifier un entretien
fieldwork-job-title = Intitulé du poste
fieldwork-date-time = Date et heure
fieldwork-attending = Évaluateurs présents
fieldwork-meant-to-cover = Domaines qu'il doit couvrir
fieldwork-notes = Notes
fieldwork-add-to-plan = Ajouter au planning
fieldwork-evidence-heading = Documents et liens
fieldwork-title = Titre
fieldwork-current-on = En vigueur le
fieldwork-file = Fichier
fieldwork-added = Ajouté
fieldwork-cited = Cité
fieldwork-executives = Dirigeants
# Ce qu'est un élément probant qui n'est pas un document.
fieldwork-link = lien
fieldwork-stop-sharing = Ne plus partager
fieldwork-share = Partager
# Pour les lecteurs d'écran, après « Partager » ou « Ne plus partager » ; $title : le titre du document.
fieldwork-share-hidden = { $title } avec les dirigeants
fieldwork-no-evidence = Pas encore de document ni de lien.
fieldwork-upload-heading = Déposer un document
fieldwork-upload-types = PDF, PNG, JPEG, Word, Excel, PowerPoint, OpenDocument, CSV ou texte brut ; le type est déterminé à partir du fichier lui-même.
fieldwork-title-blank = Titre (le nom du fichier s'il est laissé vide)
fieldwork-current-on-hint = En vigueur le (date à laquelle le document s'appliquait)
fieldwork-covers = Domaines qu'il couvre
fieldwork-upload = Déposer
fieldwork-link-heading = Ajouter un lien
fieldwork-address = Adresse
fieldwork-add-link = Ajouter le lien
# $areas : les noms des domaines, séparés par des virgules.
fieldwork-uncovered = Encore rien pour couvrir : { $areas }.
fieldwork-all-covered = Chaque domaine est couvert par un entretien réalisé ou un document.
fieldwork-coverage-label = Couverture des domaines
fieldwork-coverage-caption = Entretiens réalisés par domaine et par fonction, et documents par domaine
fieldwork-area = Domaine
fieldwork-documents = Documents
fieldwork-division-intro = Un domaine entier, ou seulement certains de ses sous-domaines ; un domaine peut avoir plusieurs évaluateurs.
fieldwork-sub-areas = Sous-domaines
# Pour les lecteurs d'écran, après « Sous-domaines » ; $area : le nom d'un domaine ; $name : le nom d'un évaluateur.
fieldwork-sub-areas-hidden = de { $area } pour { $name }
fieldwork-division-save = Enregistrer qui évalue quoi
# Avant les domaines qu'un évaluateur note ; $name : le nom de l'évaluateur.
fieldwork-division-of = { $name } :

## programmes.hbs, programme.hbs, project_edit.hbs

programmes-intro = Progrès continu : des projets déployés dans les unités commerciales et les groupes de clients d'un client, d'abord en pilote, réévalués à intervalles réguliers.
programmes-none = Aucun programme à afficher pour l'instant.
programmes-start-heading = Lancer un programme
programmes-units = Unités commerciales ou produits, un par ligne
programmes-units-example = Banque des particuliers
programmes-groups = Groupes de clients, un par ligne
programmes-start = Lancer le programme
# Avant les liens vers les rapports et les fichiers.
programme-for-board = Pour le comité de direction :
programme-projects = Projets
programme-milestones = Jalons
programme-at-a-glance = Les projets en un coup d'œil
programme-change-rows = Modifiez les lignes voulues, puis enregistrez-les toutes en une fois.
programme-project = Projet
programme-edit = Modifier
# Pour les lecteurs d'écran ; $field : le libellé d'un champ, p. ex. « Responsable » ; $project : le nom du projet.
programme-field-of = { $field } de { $project }
programme-add-heading = Ajouter un projet
programme-milestone = Un jalon (facultatif)
programme-milestone-due = Son échéance
programme-add = Ajouter le projet
project_edit-crumb = modifier un projet
project_edit-milestones = Jalons (laissez un nom vide pour supprimer le jalon ; indiquez une date de réalisation une fois qu'il est atteint)
project_edit-milestone = Jalon
project_edit-due = Échéance
project_edit-done-on = Atteint le
project_edit-save = Enregistrer le projet
project_edit-back = Retour au programme sans enregistrer

## scorecard.hbs

# $date : la date de l'évaluation.
scorecard-crumb = tableau de bord du { $date }
# $client : le nom du client.
scorecard-back = Retour à { $client }
scorecard-download-pdf = Télécharger le PDF
scorecard-standalone = Page autonome
scorecard-edition = Édition
scorecard-client-edition = Édition client
scorecard-working-edition = Édition de travail
# Après « Édition de travail ».
scorecard-working-about =  : les réponses et notes de chaque évaluateur, pour le cabinet de conseil
# Après « Édition client ».
scorecard-client-about = , telle que le client et ses dirigeants la reçoivent

## study.hbs

study-settings = Paramètres de l'étude
study-no-data = pas encore de données de KPI
study-correlation = Corrélation
# Avant les liens vers le rapport, la page, le JSON et les données.
study-take-away = À emporter :
study-data-behind = les données sous-jacentes

## data.hbs

data-heading = Données de performance
# « Les valeurs de KPI … alimentent [l'étude de portefeuille] et pondèrent … »
data-intro = Les valeurs de KPI et les rangs des panels d'experts alimentent
data-intro-study = l'étude de portefeuille
data-intro-rest = et pondèrent les priorités des tableaux de bord. Les imports sont tout ou rien : un fichier comportant le moindre problème n'enregistre aucune de ses lignes, et chaque problème est indiqué avec sa ligne et sa colonne.
data-clients-heading = Importer une liste de clients
# Suivi de l'en-tête du fichier CSV, p. ex. « name,sector,size_band,region ».
data-csv-header = Un fichier CSV avec l'en-tête
# Après l'en-tête ; suivi d'une ligne d'exemple.
data-clients-per-row = , un nouveau client par ligne, par exemple
# Après la ligne d'exemple ; suivi d'un lien « tous les clients » et d'un point.
data-clients-duplicates = . Un nom que l'organisation possède déjà (sans tenir compte de la casse ni des espaces) est refusé avec sa ligne ; voir
data-clients-all = tous les clients
data-csv-file = Fichier CSV
data-paste-csv = ou collez le CSV
data-clients-import = Importer les clients
data-kpis-heading = KPI
data-unit = Unité
data-better-when = Meilleur si
data-kind = Type
# Le sens d'un KPI selon son code.
data-direction =
    { $direction ->
        [higher] plus élevée
        [lower] plus basse
       *[other] { $direction }
    }
# Le type d'un KPI selon son code.
data-kpi-kind =
    { $kind ->
        [financial] financier
        [behaviour] comportement client
       *[other] { $kind }
    }
# $count : un nombre ; suivi de l'adresse de l'API entre parenthèses.
data-more-kpis = et { $count } autres KPI, listés en intégralité par l'API
data-no-kpis = Pas encore de KPI : définissez le premier ci-dessous.
# Suivi des périodes avec des liens vers leurs fichiers.
data-values-by-period = Valeurs par période :
# Après la dernière période ; $count : un nombre ; suivi de l'adresse de l'API entre parenthèses.
data-earlier-periods =  ; et { $count } périodes antérieures, exportées par l'API
data-define-heading = Définir un KPI
data-kpi-name-example = Fidélisation des clients
data-kpi-unit-example = %
data-better-when-value = Meilleur si la valeur est
data-kind-financial = financier
data-kind-behaviour = comportement client
data-define = Définir le KPI
data-values-heading = Déposer des valeurs de KPI
# Après l'en-tête ; suivi d'une ligne d'exemple.
data-values-by-name =  ; clients et KPI désignés par leur nom, par exemple
data-values-replace = . Une valeur donnée à nouveau pour le même client, le même KPI et la même période remplace l'ancienne.
data-values-upload = Déposer les valeurs
data-panels-heading = Panels d'experts
data-panel = Panel
# $count : un nombre ; suivi de l'adresse de l'API entre parenthèses.
data-more-panels = et { $count } autres panels, listés en intégralité par l'API
data-no-panels = Pas encore de panels.
data-ranks-heading = Déposer les rangs des panels
# Entre les deux en-têtes possibles.
data-ranks-or = (1 est le meilleur) ou
data-ranks-rest = (plus élevé est meilleur ; cmas convertit les notes en rangs). Les panels sont créés au besoin ; le dépôt d'un panel remplace ses rangs antérieurs.
data-ranks-upload = Déposer les rangs

## tokens.hbs

# « Les scripts … envoient un jeton sous la forme [Authorization: Bearer …] ; il agit … »
tokens-intro = Les scripts et les intégrations envoient un jeton sous la forme
tokens-intro-rest =  ; il agit en votre nom, avec votre rôle. Révoquez tout jeton que vous n'utilisez plus. Les heures sont en UTC.
# « Votre nouveau jeton [nom] : »
tokens-new-token = Votre nouveau jeton
tokens-new-token-end =  :
tokens-copy-now = Copiez-le maintenant ; il ne sera plus affiché.
tokens-yours = Vos jetons
tokens-none-yours = Vous n'avez pas encore de jeton.
tokens-new-heading = Nouveau jeton
tokens-name-example = Export nocturne
tokens-name-hint = À quoi sert le jeton, pour savoir plus tard lequel révoquer.
tokens-create = Créer le jeton
tokens-all-heading = Tous les jetons de l'organisation
tokens-none-all = Personne dans l'organisation n'a de jeton.
tokens-owner = Titulaire
tokens-created = Créé
tokens-last-used = Dernière utilisation
tokens-revoked = Révoqué
# $date : date et heure.
tokens-revoked-at = révoqué le { $date }
tokens-heading = Sessions et jetons d'API
tokens-two-factor = Connexion à deux facteurs
tokens-sessions-heading = Où vous êtes connecté
tokens-sessions-intro = Chaque navigateur avec lequel vous êtes connecté. Fermez une session que vous ne reconnaissez pas, ou celle d’un ordinateur que vous n’utilisez plus.
tokens-device = Navigateur
tokens-address = Adresse
tokens-signed-in = Connecté le
tokens-unknown-device = Navigateur inconnu
tokens-this-session = ce navigateur
tokens-end = Fermer la session
tokens-end-this = Se déconnecter ici
tokens-scope = Portée
tokens-scope-read = Lecture seule
tokens-scope-scoring = Notation
tokens-scope-admin = Tout ce que votre rôle permet
tokens-scope-hint = « Lecture seule » ne change rien ; « Notation » enregistre aussi notes, preuves et entretiens ; la portée la plus large fait tout ce que vous pouvez faire.
tokens-days = Valable (jours)
tokens-expires = Expire le
two-factor-heading = Connexion à deux facteurs
two-factor-password-link = Mot de passe et langue
two-factor-required-first = Votre organisation exige un second facteur. Configurez-le pour continuer ; d’ici là, rien d’autre ne s’ouvre.
two-factor-on-now = Le second facteur est activé.
two-factor-codes-intro = Gardez ces codes de récupération en lieu sûr, à l’écart de votre téléphone. Chacun sert une fois, à la place d’un code, si vous perdez le téléphone.
two-factor-codes-once = Ils ne sont affichés que cette fois.
two-factor-continue = Continuer
two-factor-scan-heading = Configurer votre application d’authentification
two-factor-step-app = Ouvrez une application d’authentification sur votre téléphone (par exemple celle du fabricant, Microsoft Authenticator ou FreeOTP).
two-factor-step-scan = Scannez ce code avec elle, puis saisissez les six chiffres qu’elle affiche.
two-factor-cannot-scan = Impossible de scanner ? Saisissez plutôt cette clé dans l’application :
two-factor-step-code = Code à six chiffres
two-factor-confirm = Activer
two-factor-is-on = Un second facteur est activé : après le mot de passe, la connexion demande un code de votre application.
two-factor-codes-left = { $count ->
    [one] Il vous reste 1 code de récupération.
   *[other] Il vous reste { $count } codes de récupération.
}
two-factor-required-stays = Votre organisation l’exige, il reste donc activé. Si vous perdez votre téléphone et vos codes de récupération, un admin peut le réinitialiser.
two-factor-off-heading = Le désactiver
two-factor-current-code = Un code actuel (ou un code de récupération)
two-factor-switch-off = Désactiver le second facteur
two-factor-is-off = La connexion ne demande que votre mot de passe. Un second facteur, un code d’une application sur votre téléphone, protège le compte même si le mot de passe fuit.
two-factor-set-up = Configurer un second facteur
tokens-revoke = Révoquer
# Pour les lecteurs d'écran, après « Révoquer » ; $name : le nom du jeton.
tokens-revoke-hidden = le jeton { $name }

## settings.hbs

settings-crumb = paramètres
# « Les montants s'affichent ainsi : [251 000,00 EUR]. Les formulaires lisent … »
settings-money-shows = Les montants s'affichent ainsi :
settings-forms-read = . Les formulaires lisent les nombres de la même façon, avec ou sans séparateurs de milliers.
settings-numbers = Écriture des nombres
settings-save = Enregistrer les paramètres
settings-report-language = Les rapports sont rédigés en
settings-report-language-hint = Les rapports des nouveaux clients sont rédigés dans cette langue, sauf si vous en choisissez une autre pour le client.
settings-two-factor = Qui doit se connecter avec un second facteur
settings-two-factor-optional = Personne n’y est tenu ; chacun peut
settings-two-factor-admins = Les admins
settings-two-factor-everyone = Tout le monde

## branding.hbs

branding-crumb = charte graphique des rapports
branding-intro = Chaque tableau de bord, étude et rapport de programme, en PDF comme en page, adopte cette présentation. Les couleurs doivent être lisibles sur fond blanc : au moins 4,5:1, comme l'exige le niveau WCAG AA pour le texte.
branding-primary-hint = titres, message principal, série du client
branding-accent-hint = le premier quartile et les mises en évidence
branding-font = Police
branding-cover = Une page de couverture avant chaque rapport
branding-footer-hint = sur chaque page, à la place du nom de l'organisation
branding-footer-example = Northbridge Consulting · Pôle relation client
# « {client} » (écrit {"{"}client{"}"} en Fluent) est un repère que les rapports remplacent par le nom du client : à garder tel quel.
branding-marking-hint = sur chaque page ; {"{"}client{"}"} devient le nom du client
branding-marking-example = Confidentiel — préparé pour {"{"}client{"}"}
branding-save = Enregistrer la charte graphique
branding-logo-alt = Le logo des rapports
# $kind : PNG ou JPEG ; $width, $height : des nombres.
branding-logo-size = { $kind }, { $width } × { $height } pixels
branding-no-logo = Pas encore de logo : les rapports affichent le nom de l'organisation.
branding-logo-file = Un PNG ou un JPEG de 512 Kio au maximum
branding-logo-upload = Déposer le logo
branding-logo-remove = Retirer le logo

## admin_users.hbs

admin_users-heading = Utilisateurs
# $name : le nom de la personne invitée.
admin_users-send-link = Envoyez ce lien à { $name }.
# $expires : date et heure.
admin_users-link-rules = Il permet de définir le mot de passe, ne fonctionne qu'une fois, jusqu'au { $expires }, et ne sera plus affiché.
admin_users-invitation-link = Lien d'invitation
admin_users-sessions-end = Un changement de rôle ou une désactivation met fin aux sessions de cet utilisateur ; les jetons d'API d'un utilisateur désactivé cessent de fonctionner.
admin_users-name-or-email = Nom ou e-mail
admin_users-active = Actif
admin_users-last-login = Dernière connexion
# Pour les lecteurs d'écran ; $email : l'adresse e-mail de l'utilisateur.
admin_users-name-of = Nom de { $email }
admin_users-role-of = Rôle de { $email }
admin_users-is-active = { $email } est actif
admin_users-you = (vous)
# Pour les lecteurs d'écran, après « Enregistrer ».
admin_users-save-hidden = les modifications de { $email }
admin_users-new-link = Nouveau lien
# Pour les lecteurs d'écran, après « Nouveau lien ».
admin_users-new-link-hidden = pour que { $email } définisse un mot de passe
admin_users-two-factor = deux facteurs
admin_users-reset-two-factor = Réinitialiser le second facteur
admin_users-reset-two-factor-hidden = de { $email }
admin_users-invite-heading = Inviter un utilisateur
admin_users-invite-intro = La personne reçoit un lien pour définir son propre mot de passe ; c'est vous qui le lui envoyez. Tant qu'elle ne l'a pas utilisé, elle ne peut pas se connecter.
admin_users-invite = Inviter

## admin_access.hbs, access_confirm.hbs

admin_access-crumb = qui voit quel client
admin_access-intro = Les administrateurs et les consultants voient tous les clients. Les dirigeants et les responsables de programme voient les résultats finalisés des clients auxquels un accès leur a été accordé, et rien d'autre.
admin_access-deactivated = désactivé
# Pour les lecteurs d'écran, après « Retirer » ; $person : le nom d'une personne ; $client : le nom d'un client.
admin_access-remove-hidden = l'accès de { $person } à { $client }
admin_access-no-clients = Aucun client
admin_access-give = Accorder l'accès
admin_access-hold-ctrl = Maintenez la touche Ctrl (⌘ sur Mac) enfoncée pour en choisir plusieurs.
# « Il n'y a pas encore de clients. [Créez-en un] d'abord. »
admin_access-no-clients-yet = Il n'y a pas encore de clients.
admin_access-create-client = Créez-en un
admin_access-create-client-end = {" "}d'abord.
# « Il n'y a pas encore de dirigeants ni de responsables de programme. [Ajoutez-en un] d'abord. »
admin_access-no-people-yet = Il n'y a pas encore de dirigeants ni de responsables de programme.
admin_access-add-person = Ajoutez-en un
admin_access-add-person-end = {" "}d'abord.
access_confirm-crumb = retirer l'accès
access_confirm-heading = Retirer l'accès ?
# « [Personne] ne verra plus les résultats de [Client]. Son compte est conservé ; … »
access_confirm-no-longer-sees = ne verra plus les résultats de
access_confirm-keeps-account = . Son compte est conservé ; vous pouvez redonner l'accès à tout moment.
access_confirm-remove = Retirer l'accès
access_confirm-keep = Le conserver

## admin_audit.hbs

admin_audit-crumb = journal d'audit
# « … ; le journal complet en [CSV] ou [XLSX]. Personne ne peut … »
admin_audit-intro = Chaque modification enregistrée, connexions comprises, de la plus récente à la plus ancienne ; le journal complet en
admin_audit-intro-end = . Personne ne peut modifier ni supprimer une entrée ; l'effacement d'un client vide les valeurs que contenaient ses entrées.
admin_audit-filter = Filtrer le journal
admin_audit-anyone = Tout le monde
admin_audit-action = Action
admin_audit-any-action = Toutes les actions
admin_audit-from = Du
admin_audit-to = Au
# Avant le nom du client.
admin_audit-client = Client :
admin_audit-all-clients = tous les clients
admin_audit-no-match = Aucune entrée ne correspond.
admin_audit-show-all = Afficher tout le journal

field-language = Langue
password-language-heading = La langue dans laquelle vous lisez cmas
password-language-browser = Celle de votre navigateur
password-language-save = Enregistrer la langue
choose_language = Choisissez l’une des langues proposées.
done-language = Votre langue est enregistrée.

## Messages of the page scripts
## static/score.js (assessment.hbs, review.hbs) et static/fieldwork.js
## (fieldwork.hbs) : chaque gabarit les place dans un bloc masqué
## #script-words que son script lit. Pas de $variables : un mot entre
## accolades, comme {"{"}total{"}"} (affiché {total}), est complété par le script.

script-saving = Enregistrement…
script-typing = Saisie en cours…
# Les mêmes mots que le statut affiché à l'ouverture de la page.
script-saved = { assessment-saved }
script-saved-draft = { assessment-saved-draft }
script-agreed-saved = { review-agreed-saved }
script-offline = En attente du réseau ; conservé dans ce navigateur.
script-not-saved = Non enregistré
# {status} : le code de statut HTTP d'un refus arrivé sans explication.
script-not-saved-status = Non enregistré ({"{"}status{"}"})
script-not-saved-incomplete = Pas encore enregistré : choisissez les deux notes, ou « Sans objet » avec une justification.
script-server-retrying = Pas encore enregistré : le serveur n'a pas accepté la modification ; nouvel essai en cours.
# Après un rechargement, pour les modifications qui n'avaient pas été envoyées.
script-resending = Pas encore enregistré : envoi de votre saisie précédente…
script-conflict = Quelqu'un d'autre a modifié cette réponse depuis que vous avez ouvert la page. Votre saisie est toujours là.
# Les deux boutons qui suivent script-conflict.
script-keep-mine = Garder ma réponse
script-show-theirs = Voir l'autre réponse
script-notes-conflict = Quelqu'un d'autre a modifié ces notes depuis que vous avez ouvert la page ; votre texte est toujours là. Copiez-le, puis rechargez la page.
# {answered}, {total} : des nombres ; la même phrase que assessment-progress.
script-answered-in-area = {"{"}answered{"}"} réponses sur {"{"}total{"}"} dans ce domaine
# Le statut de l'évaluation dès qu'une réponse est enregistrée, comme common-assessment-status pour « in_progress ».
script-status-in-progress = en cours
script-finalising = Finalisation…
script-not-finalised = Non finalisée

## Comparer deux évaluations
comparepage-heading = Comparer deux évaluations
comparepage-later = Évaluation ultérieure
comparepage-earlier = Évaluation antérieure
comparepage-compare = Comparer
comparepage-hint = Deux évaluations finalisées du même périmètre ; l'ordre importe peu.
# $client ; $before et $after sont les dates des évaluations.
comparepage-title = { $client } : { $before } face à { $after }
comparepage-crumb = { $before } face à { $after }
comparepage-download-word = Télécharger le document Word

## Plans : objectifs et actions convenues
only_target_setters = Les objectifs sont fixés par le responsable de l’évaluation, un administrateur ou le gestionnaire de programme du client, une fois l’évaluation finalisée.
# $client est le nom du client.
plans-targets-title = Objectifs pour { $client }
plans-targets-crumb = objectifs
# $date est la date de l’évaluation.
plans-targets-about = Fixez ce que le client vise après l’évaluation du { $date } : un score global par domaine et, si vous le souhaitez, par pratique, chacun avec son échéance. L’enregistrement crée une nouvelle version ; les précédentes restent listées ci-dessous.
plans-area = Domaine
plans-now = Actuel
plans-target = Objectif
plans-due = Échéance
# $name est le nom d’un domaine.
plans-target-of = Objectif pour { $name } (%)
plans-due-of = Échéance de l’objectif pour { $name }
plans-blank-no-target = Laissez un objectif vide pour ne pas en fixer sur ce domaine.
plans-practice-targets = Objectifs par pratique (facultatif)
plans-practice = Pratique
plans-no-practice = — aucune —
plans-save-targets = Enregistrer les objectifs comme nouvelle version
plans-versions = Versions
# $version, $by (une personne), $date, $count (nombre d’objectifs).
plans-target-version = Version { $version }, fixée par { $by } le { $date } : { $count } objectifs
plans-back-to-scorecard = Retour à la scorecard
# $name est un domaine ou une pratique.
plans-target-number = L’objectif pour { $name } doit être un nombre de 0 à 100.
plans-target-due = L’objectif pour { $name } doit avoir une échéance postérieure à l’évaluation.
plans-set-targets = Fixer des objectifs
plans-from-priorities = Des priorités au plan
# $area est le nom d’un domaine prioritaire.
plans-propose-for = proposer une action sur { $area }
plans-actions = Actions convenues
plans-action = Action
plans-propose-action = Proposer une action
# $client est le nom du client.
plans-action-new = Une nouvelle action pour { $client }
plans-action-edit = Une action de { $client }
plans-action-title = Ce qui sera fait
plans-addresses = Ce qu’elle vise
plans-practices = Pratiques (maintenez Ctrl ou ⌘ pour en choisir plusieurs)
plans-owner = Responsable
plans-owner-user = Une personne dans cmas
plans-owner-name = …ou une personne chez le client
plans-status = Statut
plans-from-assessment = Répond aux priorités de
plans-project = Portée par le projet
plans-save-action = Enregistrer l’action
# $client est le nom du client.
plans-back-to-client = Retour à { $client }
plans-do = Que faire
plans-change = Modifier
plans-mark-done = Marquer terminée
plans-overdue = en retard
# $project est le nom d’un projet.
plans-carried-by = portée par { $project }
plans-export = Télécharger les actions :
plans-no-actions = Aucune action pour l’instant. Proposez-en une à partir des priorités d’une scorecard.
done-targets = Les objectifs sont enregistrés comme nouvelle version.
done-action = L’action est enregistrée.
done-action_done = L’action est marquée terminée.
plans-area-targets = Objectifs par domaine

## The single sign-on page (admins)
sso-continue = Vers le fournisseur d’identité de votre organisation…
sso-title = Authentification unique
sso-crumb = authentification unique
sso-intro = Les membres de votre organisation se connectent avec le compte qu’ils ont déjà chez votre fournisseur d’identité (Microsoft Entra ID, Okta, Google Workspace, Keycloak et tout autre fournisseur OpenID Connect). Enregistrez-y cmas comme application web avec l’adresse de redirection ci-dessous.
sso-redirect = Adresse de redirection à enregistrer chez le fournisseur
sso-link = Lien de connexion pour vos équipes
sso-issuer = Émetteur (issuer)
sso-issuer-hint = l’adresse du fournisseur, par ex. https://login.microsoftonline.com/votre-locataire/v2.0
sso-client-id = Identifiant client
sso-client-secret = Secret client
sso-client-secret-hint = conservé chiffré et jamais réaffiché
sso-client-secret-kept = un secret est enregistré ; laissez vide pour le garder
sso-domains = Domaines de messagerie autorisés
sso-domains-hint = séparés par des virgules, par ex. alpha.example, alpha-consulting.example
sso-role-claim = Claim des rôles
sso-role-claim-hint = la claim du jeton d’identité dont les valeurs donnent les rôles, par ex. groups ou roles
sso-role-map = Rôles tirés de la claim
sso-role-map-hint = un par ligne : une valeur de la claim = admin, consultant, executive ou programme_manager
sso-default-role = Rôle quand aucune valeur de la claim n’a de rôle
sso-default-none = Aucun : refuser la connexion
sso-required = Mots de passe désactivés : tout le monde se connecte par le fournisseur, sauf les administrateurs avec un second facteur (leur accès si le fournisseur est en panne)
sso-save = Enregistrer l’authentification unique
sso-remove = Supprimer l’authentification unique
# $line: the line number in the roles box.
sso-bad-role-map = La ligne { $line } n’a pas la forme « valeur = rôle » avec un rôle parmi admin, consultant, executive ou programme_manager.
done-sso = L’authentification unique est enregistrée ; son lien de connexion fonctionne dès maintenant.
done-sso_removed = L’authentification unique est supprimée ; chacun se connecte avec son mot de passe.
