# Les lettres qu’envoie cmas (app::mail), dans la langue du destinataire.

mail-invitation-subject = { $organisation } vous invite sur cmas
mail-invitation-body =
    Bonjour { $name },

    { $organisation } vous a ouvert un compte sur cmas, où elle mène ses évaluations de la gestion client.

    Choisissez votre mot de passe ici (le lien sert une fois, pendant { $hours } heures) :
    { $link }

    Si vous n’attendiez pas cette lettre, ignorez-la : rien ne se passe tant que le lien n’est pas utilisé.

mail-reset-subject = Nouveau mot de passe pour cmas
mail-reset-body =
    Bonjour { $name },

    Quelqu’un a demandé un nouveau mot de passe pour votre compte cmas. Si c’était vous, choisissez-le ici (le lien sert une fois, pendant { $minutes } minutes) :
    { $link }

    Cela vous déconnecte partout et révoque vos jetons d’API. Si ce n’était pas vous, ignorez cette lettre : votre mot de passe reste tel quel.

mail-assigned-subject = Des domaines de l’évaluation { $client } vous sont confiés
mail-assigned-body =
    Bonjour { $name },

    { $from } vous a confié ces domaines de l’évaluation { $client } du { $date } : { $areas }.

    Notez-les ici :
    { $link }

mail-ready-subject = { $from } attend votre relecture : { $client }
mail-ready-body =
    Bonjour { $name },

    { $from } a noté ses domaines de l’évaluation { $client } du { $date } et demande votre relecture.

    Relisez-la ici :
    { $link }
