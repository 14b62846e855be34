# The letters cmas sends (app::mail), in the recipient's language. Each kind
# has a subject and a plain-text body. $name is the recipient's name.

mail-invitation-subject = { $organisation } invites you to cmas
mail-invitation-body =
    Hello { $name },

    { $organisation } has given you an account on cmas, where it runs its customer-management assessments.

    Choose your password here (the link works once, for { $hours } hours):
    { $link }

    If you did not expect this letter, you can ignore it: nothing happens until the link is used.

mail-reset-subject = Set a new password for cmas
mail-reset-body =
    Hello { $name },

    Someone asked for a new password for your cmas account. If it was you, choose it here (the link works once, for { $minutes } minutes):
    { $link }

    Setting it logs you out everywhere and revokes your API tokens. If it was not you, ignore this letter: your password stays as it is.

mail-assigned-subject = Areas of the { $client } assessment are yours to score
mail-assigned-body =
    Hello { $name },

    { $from } has given you these areas of the { $client } assessment of { $date }: { $areas }.

    Score them here:
    { $link }

mail-ready-subject = { $from } is ready for your review: { $client }
mail-ready-body =
    Hello { $name },

    { $from } has scored their areas of the { $client } assessment of { $date } and asks for your review.

    Review it here:
    { $link }
