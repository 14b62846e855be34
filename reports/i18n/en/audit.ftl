# The audit trail in sentences (app::audit_lines). $actor is who acted,
# $subject what the action was on (the audit-subject-* messages), $question the
# practice scored, $member the person given or refused access, $action the
# code of an action without a sentence of its own.

## What an action was on
audit-subject-assessment = the { $client } assessment of { $date }
audit-subject-client = the client { $name }
audit-subject-user = { $name }
audit-subject-token = the API token “{ $name }”
audit-subject-programme = the programme “{ $name }” of { $client }
audit-subject-project = the project “{ $name }”
audit-subject-erased = an erased { $entity }
audit-subject-someone = Someone
audit-subject-nobody = someone

## One sentence per action; the id is the action's code with "." as "-"
audit-action-assessment-create = { $actor } started { $subject }
audit-action-assessment-status-final = { $actor } finalised { $subject }
audit-action-assessment-status-in_progress = { $actor } opened { $subject } for scoring
audit-action-assessment-status-draft = { $actor } moved { $subject } back to draft
audit-action-assessment-assign = { $actor } divided the areas of { $subject } among its assessors
audit-action-assessment-assessor_added = { $actor } added { $member } as an assessor of { $subject }
audit-action-assessment-assessor_removed = { $actor } removed { $member } from the assessors of { $subject }
audit-action-score-save = { $actor } scored { $question } in { $subject }
audit-action-score-workbook = { $actor } scored { $question } in { $subject } with the offline workbook
audit-action-agreed-save = { $actor } set the agreed score of { $question } in { $subject }
audit-action-agreed-clear = { $actor } cleared the agreed score of { $question } in { $subject }
audit-action-evidence-upload = { $actor } added a document to the evidence of { $subject }
audit-action-evidence-link = { $actor } added a link to the evidence of { $subject }
audit-action-evidence-change = { $actor } changed an evidence item of { $subject }
audit-action-evidence-remove = { $actor } removed an evidence item from { $subject }
audit-action-evidence-cite = { $actor } cited evidence for { $question } in { $subject }
audit-action-interview-plan = { $actor } planned an interview for { $subject }
audit-action-interview-update = { $actor } updated an interview of { $subject }
audit-action-client-create = { $actor } added { $subject }
audit-action-client-update = { $actor } changed the profile of { $subject }
audit-action-client-import = { $actor } imported a list of clients
audit-action-client-export = { $actor } exported all the data of { $subject }
audit-action-client-erase = { $actor } erased a client and all its data
audit-action-client-member_attached = { $actor } gave { $member } access to { $subject }
audit-action-client-member_detached = { $actor } took away the access of { $member } to { $subject }
audit-action-programme-create = { $actor } started { $subject }
audit-action-programme-update = { $actor } changed { $subject }
audit-action-project-create = { $actor } added { $subject } to a programme
audit-action-project-update = { $actor } changed { $subject }
audit-action-project-delete = { $actor } removed { $subject } from its programme
audit-action-token-create = { $actor } created { $subject }
audit-action-token-revoke = { $actor } revoked { $subject }
audit-action-user-create = { $actor } added { $subject } as a user
audit-action-user-update = { $actor } changed the account of { $subject }
audit-action-user-invite = { $actor } invited { $subject }
audit-action-user-accept = { $subject } accepted the invitation and set a password
audit-action-user-login = { $subject } logged in
audit-action-user-sso_login = { $subject } signed in through the identity provider
audit-action-user-sso_joined = { $subject } joined by signing in through the identity provider
audit-action-user-login_failed = A login as { $subject } failed
audit-action-user-logout = { $subject } logged out
audit-action-user-session_ended = { $subject } ended one of their sessions
audit-action-user-two_factor_on = { $subject } switched on a second factor
audit-action-user-two_factor_off = { $subject } switched off their second factor
audit-action-user-two_factor_reset = { $actor } reset the second factor of { $subject }
audit-action-user-reset_requested = Someone asked for a new password for { $subject }
audit-action-user-password_reset = { $subject } set a new password with a reset link
audit-action-assessment-ready = { $actor } told the lead that their areas of { $subject } are ready for review
audit-action-organisation-settings = { $actor } changed how the organisation writes numbers and money
audit-action-organisation-branding = { $actor } changed how the organisation's reports look
audit-action-organisation-logo = { $actor } set the logo on the organisation's reports
audit-action-organisation-logo_removed = { $actor } removed the logo from the organisation's reports
audit-action-organisation-sso = { $actor } set up the organisation's single sign-on
audit-action-organisation-sso_removed = { $actor } removed the organisation's single sign-on
audit-action-organisation-create = The platform's operator created the organisation
audit-action-organisation-disable = The platform's operator switched the organisation off
audit-action-organisation-enable = The platform's operator switched the organisation on again
audit-action-organisation-admin_invited = The platform's operator invited an admin
audit-action-other = { $actor }: { $action } ({ $subject })

## What each recorded field is called in the list of changes
audit-field-status = status
audit-field-name = name
audit-field-sector = sector
audit-field-size_band = size band
audit-field-region = region
audit-field-role = role
audit-field-active = active
audit-field-email = email
audit-field-intention = Intention
audit-field-reality = Reality
audit-field-na_reason = reason it does not apply
audit-field-evidence = evidence note
audit-field-not_applicable = not applicable

## Plans: targets and agreed actions
audit-action-targets-set = { $actor } set targets for { $subject }
audit-action-action-create = { $actor } added an action for { $subject }
audit-action-action-update = { $actor } changed an action of { $subject }
audit-action-action-status = { $actor } changed the status of an action of { $subject }
audit-field-action = action
audit-field-due_date = due
audit-field-targets = targets
audit-field-targets_version = version of the targets
