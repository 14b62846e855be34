# Le journal d’audit en phrases (app::audit_lines). $actor est la personne qui a agi,
# $subject ce sur quoi portait l’action (les messages audit-subject-*), $question la
# pratique notée, $member la personne à qui l’accès a été donné ou retiré, $action le
# code d’une action sans phrase propre.
# Grammaire : $subject ne suit jamais « de » ni « à » (« de le client » serait fautif) ;
# il est complément direct ou suit « pour », « dans », « sur », « concernant ».

## Ce sur quoi portait une action
audit-subject-assessment = l’évaluation de { $client } du { $date }
audit-subject-client = le client { $name }
audit-subject-user = { $name }
audit-subject-token = le jeton d’API « { $name } »
audit-subject-programme = le programme « { $name } » de { $client }
audit-subject-project = le projet « { $name } »
audit-subject-erased = { $entity ->
    [assessment] une évaluation supprimée
    [client] un client supprimé
    [user] un utilisateur supprimé
    [token] un jeton d’API supprimé
    [programme] un programme supprimé
    [project] un projet supprimé
    [organisation] une organisation supprimée
    [evidence] un élément probant supprimé
    [interview] un entretien supprimé
    [score] une note supprimée
    [agreed] une note convenue supprimée
   *[other] un enregistrement supprimé ({ $entity })
    }
audit-subject-someone = Quelqu’un
audit-subject-nobody = quelqu’un

## Une phrase par action ; l’identifiant est le code de l’action avec « - » à la place de « . »
audit-action-assessment-create = { $actor } a lancé { $subject }
audit-action-assessment-status-final = { $actor } a finalisé { $subject }
audit-action-assessment-status-in_progress = { $actor } a ouvert { $subject } à la notation
audit-action-assessment-status-draft = { $actor } a remis { $subject } en brouillon
audit-action-assessment-assign = { $actor } a réparti les domaines entre les évaluateurs pour { $subject }
audit-action-assessment-assessor_added = { $actor } a ajouté { $member } comme évaluateur pour { $subject }
audit-action-assessment-assessor_removed = { $actor } a retiré { $member } des évaluateurs pour { $subject }
audit-action-score-save = { $actor } a noté { $question } dans { $subject }
audit-action-score-workbook = { $actor } a noté { $question } dans { $subject } avec le classeur hors ligne
audit-action-agreed-save = { $actor } a fixé la note convenue pour { $question } dans { $subject }
audit-action-agreed-clear = { $actor } a effacé la note convenue pour { $question } dans { $subject }
audit-action-evidence-upload = { $actor } a ajouté un document aux éléments probants pour { $subject }
audit-action-evidence-link = { $actor } a ajouté un lien aux éléments probants pour { $subject }
audit-action-evidence-change = { $actor } a modifié un élément probant dans { $subject }
audit-action-evidence-remove = { $actor } a supprimé un élément probant dans { $subject }
audit-action-evidence-cite = { $actor } a cité des éléments probants pour { $question } dans { $subject }
audit-action-interview-plan = { $actor } a planifié un entretien pour { $subject }
audit-action-interview-update = { $actor } a mis à jour un entretien pour { $subject }
audit-action-client-create = { $actor } a ajouté { $subject }
audit-action-client-update = { $actor } a modifié les informations sur { $subject }
audit-action-client-import = { $actor } a importé une liste de clients
audit-action-client-export = { $actor } a exporté toutes les données concernant { $subject }
audit-action-client-erase = { $actor } a supprimé un client et toutes ses données
audit-action-client-member_attached = { $actor } a rendu { $subject } accessible à { $member }
audit-action-client-member_detached = { $actor } a rendu { $subject } inaccessible à { $member }
audit-action-programme-create = { $actor } a lancé { $subject }
audit-action-programme-update = { $actor } a modifié { $subject }
audit-action-project-create = { $actor } a ajouté { $subject } à un programme
audit-action-project-update = { $actor } a modifié { $subject }
audit-action-project-delete = { $actor } a retiré { $subject } de son programme
audit-action-token-create = { $actor } a créé { $subject }
audit-action-token-revoke = { $actor } a révoqué { $subject }
audit-action-user-create = { $actor } a ajouté { $subject } comme utilisateur
audit-action-user-update = { $actor } a modifié le compte utilisateur pour { $subject }
audit-action-user-invite = { $actor } a invité { $subject }
audit-action-user-accept = { $subject } a accepté l’invitation et défini un mot de passe
audit-action-user-login = { $subject } a ouvert une session
audit-action-user-sso_login = { $subject } s’est connecté par le fournisseur d’identité
audit-action-user-sso_joined = { $subject } a rejoint l’organisation en se connectant par le fournisseur d’identité
audit-action-user-login_failed = Une tentative de connexion pour { $subject } a échoué
audit-action-user-logout = { $subject } a fermé sa session
audit-action-user-session_ended = { $subject } a fermé l’une de ses sessions
audit-action-user-two_factor_on = { $subject } a activé un second facteur
audit-action-user-two_factor_off = { $subject } a désactivé son second facteur
audit-action-user-two_factor_reset = { $actor } a réinitialisé le second facteur de { $subject }
audit-action-user-reset_requested = Quelqu’un a demandé un nouveau mot de passe pour { $subject }
audit-action-user-password_reset = { $subject } a défini un nouveau mot de passe avec un lien
audit-action-assessment-ready = { $actor } a signalé au responsable que ses domaines de { $subject } sont prêts pour la relecture
audit-action-organisation-settings = { $actor } a modifié le format des nombres et des montants de l’organisation
audit-action-organisation-branding = { $actor } a modifié l’apparence des rapports de l’organisation
audit-action-organisation-logo = { $actor } a défini le logo des rapports de l’organisation
audit-action-organisation-logo_removed = { $actor } a retiré le logo des rapports de l’organisation
audit-action-organisation-sso = { $actor } a configuré l’authentification unique de l’organisation
audit-action-organisation-sso_removed = { $actor } a supprimé l’authentification unique de l’organisation
audit-action-organisation-create = L’opérateur de la plateforme a créé l’organisation
audit-action-organisation-disable = L’opérateur de la plateforme a désactivé l’organisation
audit-action-organisation-enable = L’opérateur de la plateforme a réactivé l’organisation
audit-action-organisation-admin_invited = L’opérateur de la plateforme a invité un admin
audit-action-other = { $actor } : { $action } ({ $subject })

## Le nom de chaque champ enregistré dans la liste des modifications
audit-field-status = statut
audit-field-name = nom
audit-field-sector = secteur
audit-field-size_band = tranche de taille
audit-field-region = région
audit-field-role = rôle
audit-field-active = actif
audit-field-email = e-mail
audit-field-intention = Intention
audit-field-reality = Réalité
audit-field-na_reason = justification si sans objet
audit-field-evidence = note sur les éléments probants
audit-field-not_applicable = sans objet

## Plans : objectifs et actions convenues
audit-action-targets-set = { $actor } a fixé des objectifs pour { $subject }
audit-action-action-create = { $actor } a ajouté une action pour { $subject }
audit-action-action-update = { $actor } a modifié une action de { $subject }
audit-action-action-status = { $actor } a changé le statut d’une action de { $subject }
audit-field-action = action
audit-field-due_date = échéance
audit-field-targets = objectifs
audit-field-targets_version = version des objectifs
