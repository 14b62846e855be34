### What the application's pages say, in English (the source text).
###
### The same ids are in `reports/i18n/de/pages.ftl` and `reports/i18n/fr/pages.ftl`,
### each message with the same `$variables`. The English must read exactly as the
### pages always did: tests look for it character by character.
###
### Messages hold no HTML. Where a sentence has a link or emphasis inside, it is
### split into pieces around the markup; the template keeps the markup.
### A space at the start of a piece is written as {" "} (Fluent drops plain
### leading spaces).

## Refusals, notes and other sentences the page code says (formerly `[text]`
## of `reports/pages.toml`). The variables are filled in by the page:
## $saved, $unchanged, $what, $limit, $unit, $group, $count, $project.

login_first = Log in first.
enrol_first = Your organisation requires a second factor: set one up first.
fault = Something went wrong on our side. It has been logged; try again in a moment.
fault_plain = Something went wrong on our side; it has been logged.
form_expired = The form has expired or did not come from cmas. Reload the page and try again.
login_expired = The login form has expired. Reload the page and log in again.
no_page = There is no page at this address.
no_assessment = There is no such assessment.
no_programme = There is no such programme.
heading_bad_request = That did not work
heading_forbidden = Not allowed
heading_not_found = Page not found
heading_fault = Something went wrong
only_admins = Only admins manage users and their access to clients.
only_staff_create = Only consultants and admins create clients and assessments.
only_staff_data = Only consultants and admins manage performance data.
only_staff_study = The portfolio study is for consultants and admins.
only_changers = Executives read programmes; programme managers and consultants change them.
# $unit: a business unit of the programme's grid.
placement_row = Breadth: { $unit }, all customer groups
# $group: a customer group of the programme's grid.
placement_column = Breadth: { $group }, all business units
# $unit, $group: the row and the column of the grid's cell.
placement_cell = Depth: { $unit } × { $group }
only_lead_reviews = Only the lead assessor reviews the assessors' answers.
not_an_assessor = You are not an assessor of this assessment: the answers are shown read-only.
assessment_final = This assessment is final: its answers can no longer change.
# $saved, $unchanged: numbers of answers.
workbook_in = The workbook is in: { $saved } saved, { $unchanged } unchanged.
choose_workbook = Choose the workbook file to upload.
workbook_problems = The workbook has problems. Nothing was stored; fix them and upload it again.
choose_csv = Choose a CSV file or paste its text.
file_problems = The file has problems. Nothing was stored; fix them and upload it again.
# $what: what is to be chosen, e.g. "client" or "questionnaire".
choose_one = Choose a { $what }.
date_needed = Give the assessment date as a date.
passwords_differ = The two new passwords differ.
# $what: why the upload could not be read (a technical message).
upload_unreadable = The upload could not be read ({ $what }). Try again.
# $limit: a size in MiB.
upload_too_large = The upload is larger than { $limit } MiB, the limit for this form.
# $count: a number; the page's script also fills it in with the literal text "{count}".
finalise_unsettled = { $count } disagreements have no agreed score: finalising settles each by the mean of the assessors' scores. Finalise anyway?
no_fieldwork = There is no such assessment, or it is not yours to see.
fieldwork_interview = The interview is in the plan.
fieldwork_link = The link is kept as evidence.
fieldwork_document = The document is kept as evidence.
fieldwork_existing = That file was already evidence of this assessment: the existing item is kept, not a copy.
fieldwork_assignments = The division of the areas is saved.
fieldwork_shared = The sharing with executives is saved.
interview_when = Give the date and time of the interview.
choose_file = Choose the file to upload.
invitation_unusable = The invitation link was used already, replaced by a newer one, or is older than 72 hours. Ask an admin of your consultancy for a new one.
reset_unusable = The link was used already, replaced by a newer one, or is older than an hour.
reset_no_mail = This deployment sends no e-mail. Ask an admin of your consultancy for a new invitation link instead.
pages-password-reset-title = New password
reset-heading = Set a new password
reset-intro = Type the address you log in with. If an account has it, a link that sets a new password goes to it; the link works once, for an hour.
reset-send = Send the link
reset-on-its-way = If an account has the address { $email }, a link is on its way. Check your inbox (and its spam folder).
reset-ask-again = Ask for a new link
reset-set = Set the password
reset-done = The new password is set: you were logged out everywhere and your API tokens were revoked.
login-forgot = Forgot your password?
order_name_az = Name, A to Z
order_name_za = Name, Z to A
order_sector = Sector
order_region = Region
order_newest = Newest first
order_oldest = Oldest first
order_changed = Last changed first
order_status = Status
# A quartile, as in "top quartile of the portfolio".
quartile_top = top quartile
quartile_second = second quartile
quartile_third = third quartile
quartile_bottom = bottom quartile
rows_refused = Nothing was saved: correct the fields marked below, then save again.
no_project = There is no such project in this programme.
# $project: the project's name.
edit_project = Change { $project }

## Confirmations after a form post, by the code in `?done=` (formerly `[done]`).

done-updated = The changes were saved.
done-given = The access was given.
done-removed = The access was removed.
done-revoked = The token was revoked; it no longer works.
done-session_ended = The session was ended; that browser must log in again.
done-two_factor_off = The second factor is off; logging in asks only for your password.
done-two_factor_reset = The second factor was reset: they log in with the password alone and, where it is required, enrol again.
done-kpi = The KPI was defined; upload its values below.
done-values = The KPI values are stored.
done-ranks = The panel ranks are stored.
done-clients = The clients are in; find them on the clients page.
done-settings = The settings are saved; money and numbers follow them now.
done-branding = The branding is saved; every report follows it from now on.
done-logo = The logo is on the reports now.
done-logo_removed = The logo is removed from the reports.
done-started = The programme is started; add its first projects below.
done-added = The project is in the plan.
done-progress = The project's progress is recorded.

## What forms call their fields, by the field's name (formerly `[fields]`).
## Also the fields' labels and column headings on the pages.

field-primary_colour = Primary colour
field-accent_colour = Accent colour
field-footer = Footer line
field-confidentiality = Confidentiality marking
field-logo = Logo
field-name = Name
field-sector = Sector
field-size_band = Size band
field-region = Region
field-report_language = Report language
field-email = Email
field-role = Role
field-password = Password
field-new_password = New password
field-owner = Owner
field-client_id = Client
field-questionnaire_id = Questionnaire
field-assessment_date = Assessment date
field-business_unit = Business unit
field-business_units = Business units
field-customer_groups = Customer groups
field-product = Product
field-customer_group = Customer group
field-assessor_ids = Co-assessors
field-start = Start
field-end = End
field-status = Status
field-cost_actual = Cost so far
field-benefit_actual = Benefit so far
field-cost_planned = Planned cost
field-benefit_planned = Planned benefit
field-currency = Currency
field-number_format = Number format

## Words the page code puts on pages: page titles (the browser tab), labels
## and refusals. Refusals ("pages-choose-…", "pages-give-…") start in lower
## case and end without a full stop: the page makes them a sentence.

pages-users-title = Users
pages-access-title = Who sees which client
pages-access-remove-title = Remove access
pages-choose-role = choose one of the roles
pages-choose-person-and-clients = choose a person and at least one client
# $client: the client's name.
pages-assessment-title = { $client }: scoring
pages-assessments-title = Assessments
pages-audit-title = Audit trail
pages-branding-title = Report branding
pages-clients-title = Clients
pages-client-edit-title = Change the client
pages-client-new-title = New client
pages-assessment-new-title = New assessment
pages-home-title = Home
pages-home-client-title = Your clients
# The next step of an assessment on the consultant's start page.
pages-home-next-score = Score
pages-home-next-review = Review the disagreements
pages-home-next-finalise = Finalise
pages-home-next-done = Your areas are done; the lead reviews
# After an area's answered questions, e.g. "Strategy 4/9, 2 not complete"; $count: a number.
pages-home-drafts = , { $count } not complete
# $change: a signed number of percentage points, e.g. "+3".
pages-home-change = { $change } points
pages-data-title = Performance data
pages-invitation-title = Invitation
pages-invitation-set-title = Set your password
pages-invitation-done-title = Password set
pages-login-title = Log in
pages-password-title = Change your password
pages-programmes-title = Programmes
# The name a new programme's form suggests.
pages-programmes-default-name = Customer first
pages-choose-placement = choose where on the grid the project sits
# $field: the field's name in backticks, which the page turns into its label; keep it as it is.
pages-give-date = give the { $field } date, e.g. 2027-03-31
# $milestone: the milestone's name.
pages-milestone-due-needed = give the due date of the milestone { $milestone }
pages-milestone-done-needed = give the day the milestone { $milestone } was done
# $client: the client's name.
pages-review-title = { $client }: review
# An assessor's answer that is not applicable; $reason: the assessor's reason.
pages-review-answer-na = N/A ({ $reason })
# An assessor's answer; $intention, $reality: scores.
pages-review-answer-scores = Intention { $intention }, Reality { $reality }
# $client: the client's name; $date: the assessment's date.
pages-scorecard-title = { $client }: scorecard of { $date }
pages-settings-title = Settings
pages-study-title = Portfolio study
# The correlation methods of the portfolio study.
pages-study-spearman = Spearman's ρ (ranks)
pages-study-kendall = Kendall's τ-b (ranks)
pages-study-pearson = Pearson's r (values)
pages-tokens-title = API tokens
pages-two-factor-title = Two-factor sign-in
pages-workbook-title = Workbook refused
# $client: the client's name.
pages-fieldwork-title = { $client }: fieldwork
# A person no longer on the team; $id: a number.
pages-fieldwork-user = user { $id }
# A file's size; $count: a number.
pages-fieldwork-bytes = { $count } bytes

## Text shared by several templates.

common-home = Home
common-clients = Clients
common-assessments = Assessments
common-programmes = Programmes
common-programme = Programme
common-api-tokens = API tokens
common-nav-users = Admin › users
common-nav-access = Who sees which client
common-nav-audit = Audit trail
common-nav-settings = Settings
common-nav-branding = Report branding
common-person = Person
common-search = Search
common-show = Show
common-save = Save
common-save-changes = Save the changes
common-remove = Remove
common-never = never
common-or = or
common-order = Order
common-date = Date
common-period = Period
common-kpi = KPI
common-scorecard = Scorecard
common-part-of-name = Part of a name
common-new-assessment = New assessment
common-new-client = New client
common-no-assessments-yet = No assessments yet
# A link after "No assessments yet —".
common-start-assessment = start one
common-log-in = Log in
login-code-intro = Your account has a second factor. Type the code your authenticator app shows.
login-code = Code
login-code-hint = Six digits from the app, or one of your recovery codes.
login-code-submit = Log in
login-start-again = Start again
login-sso-title = Single sign-on
login-sso-organisation = Your organisation's short name
login-sso-hint = Your admin can tell you; it is the end of the sign-in link they gave you.
login-sso-submit = Continue with your identity provider
common-intention = Intention
common-reality = Reality
common-not-applicable = Not applicable
common-na-reason = Reason for N/A
common-pdf-report = PDF report
common-standalone-page = standalone page
common-objective = Objective
common-where-on-grid = Where on the grid
common-areas-targeted = Areas of the model it targets
common-depends-on = Depends on (must end before this starts)
common-inputs = Inputs
common-outputs = Outputs
# $currency: a currency code; $example: 251,000 written the organisation's way.
common-amounts-in = Amounts in { $currency }, written as you write numbers ({ $example }).
# A role by its code: admin, consultant, executive, programme_manager.
common-role-name =
    { $role ->
        [admin] Admin
        [consultant] Consultant
        [executive] Executive
        [programme_manager] Programme manager
       *[other] { $role }
    }
# An assessment's status by its code: draft, in_progress, final.
common-assessment-status =
    { $status ->
        [in_progress] in progress
       *[other] { $status }
    }
# A project's status by its code: planned, pilot, rolling_out, done, stopped.
common-project-status =
    { $status ->
        [rolling_out] rolling out
       *[other] { $status }
    }

## layout.hbs

# The page's language, as in <html lang="…">.
layout-lang = en
layout-skip = Skip to the content
layout-nav-label = Main
layout-nav-study = Study
layout-nav-data = Data
layout-nav-admin = Admin
layout-log-out = Log out

## pager.hbs

pager-label = Pages
pager-previous = Previous
pager-next = Next
# $page, $pages, $total: numbers.
pager-position = Page { $page } of { $pages } · { $total } in all

## flaws.hbs

flaws-caption = Problems found
flaws-where = Where
flaws-problem = Problem

## error.hbs

error-back = Back to the start page

## login.hbs, password.hbs, invitation.hbs

password-heading = Change your password
password-intro = At least 10 characters. Every session of yours ends, this one too: you log in again with the new password.
password-current = Current password
password-repeat = New password again
password-revoke-tokens = Also revoke my API tokens
password-submit = Change the password
invitation-set-heading = Your password is set
# "Your account is open. [Log in] with your email and the password you chose."
invitation-account-open = Your account is open.
invitation-log-in-link = Log in
invitation-log-in-with = with your email and the password you chose.
invitation-unusable-heading = This link does not work
invitation-welcome = Welcome
# $name: the invited person's name.
invitation-welcome-name = Welcome, { $name }
# "You will log in as [email]. Choose your password: at least 10 characters."
invitation-log-in-as = You will log in as
invitation-choose-password = . Choose your password: at least 10 characters.
invitation-confirm = The same password again
invitation-set = Set my password

## home_staff.hbs

home_staff-all-assessments = All assessments
home_staff-all-clients = All clients
home_staff-organisation = The organisation
# After a number.
home_staff-count-clients = clients
home_staff-count-draft = draft
home_staff-count-in-progress = in progress
home_staff-count-final = final
home_staff-my-work = My work
home_staff-next = Next:
home_staff-fieldwork = Fieldwork
# Followed by " — start one".
home_staff-no-work = No open assessment is yours to lead or score
home_staff-needs-care = Needs looking after
# $days: a number.
home_staff-stale-heading = Open assessments untouched for { $days } days
home_staff-days = { $days } days
home_staff-none-stale = None: every open assessment moved in the last { $days } days.
home_staff-idle-heading = People without a login for { $days } days
# $date: a date.
home_staff-last-login = last login { $date }
home_staff-never-logged-in = never logged in
home_staff-manage-users = Manage users
home_staff-all-recent = Everyone logged in recently.

## home_client.hbs

home_client-heading = Your clients
# After a percentage, e.g. "72% of best practice".
home_client-of-best-practice = of best practice
# After a change in points, e.g. "+3 points since the previous assessment".
home_client-since-previous = since the previous assessment
# $quartile: e.g. "top quartile".
home_client-quartile = { $quartile } of the portfolio
# $date: a date.
home_client-assessed = Assessed { $date }
home_client-no-final = No final assessment yet.
home_client-none-shared = No client is shared with you yet. Your consultant gives you access.
# $client: the client's name.
home_client-trend-heading = Scores over time: { $client }
home_client-choose-lines = Choose the lines
home_client-areas-beside = Areas beside the overall score
home_client-table-caption = Combined score per assessment
home_client-overall = Overall
home_client-programmes = Your programmes
# $count: a number of projects (1 or more).
home_client-need-attention = { $count } need attention:
home_client-and-more = and { $count } more
home_client-on-track = On track

## clients.hbs, client.hbs, client_form.hbs

clients-import = Import a list (CSV)
clients-all-sectors = All sectors
clients-all-regions = All regions
clients-size = Size
clients-no-match = No client matches.
clients-show-all = Show all clients
# Followed by " — add the first one."
clients-none-yet = No clients yet
clients-add-first = add the first one
client-change = Change
# Before a percentage: "· overall 72%".
client-overall = overall
# $lead: the lead assessor's name.
client-led-by = led by { $lead }
# Followed by " — start one."
client-no-programme = No steady-progress programme yet
client-start-programme = start one
client-kpi-values = KPI values
client-value = Value
# Followed by " — upload them."
client-no-kpi-values = No KPI values yet
client-upload-kpi-values = upload them
client-who-sees = Who sees this client
client-only-consultancy = Only the consultancy. Executives and programme managers see a client once they are given access.
client-manage-access = Manage access
client_form-crumb-change = change
client_form-crumb-new = new client
client_form-open-existing = Open that client
client_form-sector-example = Retail banking
client_form-size-example = 1,000–5,000 employees
client_form-region-example = Nordics
client_form-create = Create the client
# "Many clients at once? [Import a list as CSV]."
client_form-many = Many clients at once?
client_form-import = Import a list as CSV

## assessments.hbs, assessment_form.hbs

assessments-any-status = Any status
assessments-scope = Scope
assessments-view = View
assessments-when-final = when final
assessments-no-match = No assessment matches.
assessments-show-all = Show them all
assessment_form-crumb = new assessment
assessment_form-unit = Business unit (optional)
assessment_form-product = Product (optional)
assessment_form-group = Customer group (optional)
assessment_form-co-assessors = Co-assessors (you lead)
assessment_form-no-colleagues = No colleagues to add.
assessment_form-start = Start the assessment

## assessment.hbs (the scoring screen)

# $client: the client's name; $date: the assessment's date.
assessment-heading = { $client }: { $date }
assessment-fieldwork-link = Fieldwork: interviews, evidence and who scores what
assessment-review-link = Review disagreements, agree scores and finalise
# Before the links to the CSV and XLSX files.
assessment-results = Results:
assessment-work-offline = Work offline
assessment-areas = Areas
# $answered, $total: numbers. static/score.js writes the same sentence (script-answered-in-area) as answers are saved.
assessment-progress = { $answered } of { $total } answered in this area
assessment-guidance = Evidence guidance
assessment-guidance-low = Low
assessment-guidance-middle = Middle
assessment-guidance-high = High
assessment-evidence-note = Evidence note
# $count: a number.
assessment-evidence-cited = Evidence cited ({ $count })
assessment-saved = Saved
assessment-saved-draft = Saved as a draft: not complete yet
assessment-offline-heading = Working offline
# "No network in the meeting room? [Download your scoring workbook (XLSX)], fill it in, …"
assessment-offline-no-network = No network in the meeting room?
assessment-offline-download = Download your scoring workbook (XLSX)
assessment-offline-rest = , fill it in, and upload it here when you are back online. It holds your answers so far; nothing is stored unless every answer in it is valid.
assessment-offline-file = Filled workbook
assessment-offline-upload = Upload the workbook

## review.hbs

review-crumb = review
# $client: the client's name.
review-heading = Review: { $client }
# $open, $total: numbers of questions.
review-open = { $open } of { $total } questions still without a consolidated answer
# Before links to the CSV and XLSX files.
review-every-answer = Every assessor's answers:
review-consolidated = Consolidated results:
review-disagree-heading = Where the assessors disagree
review-evidence = Evidence:
review-agreed-intention = Agreed Intention
review-agreed-reality = Agreed Reality
review-note = Note on the agreement
review-agreed-saved = Agreed score saved
review-no-disagreement = On every question answered so far the assessors differ by less than 3 points.
review-unanswered-heading = Questions without an answer yet
review-finalise-heading = Finalise
review-once-final = Once final, the assessment is a record: no answer can change, and its scorecard joins the benchmarks.
review-finalise = Finalise the assessment

## workbook_refused.hbs

workbook_refused-crumb-scoring = scoring
workbook_refused-crumb-workbook = workbook
workbook_refused-heading = The workbook was not stored
workbook_refused-back = Back to the scoring screen

## fieldwork.hbs

fieldwork-crumb = fieldwork
# $client: the client's name.
fieldwork-heading = Fieldwork: { $client }
fieldwork-on-this-page = On this page
fieldwork-interviews = Interviews
fieldwork-evidence = Evidence
fieldwork-coverage = Coverage
fieldwork-division = Who scores what
fieldwork-when = When
fieldwork-interviewee = Interviewee
fieldwork-function = Function
fieldwork-assessors = Assessors
fieldwork-areas = Areas
# An interviewee's function by its code: board, marketing, sales, service, it, finance, hr, operations, other.
fieldwork-function-name = { $function }
# An interview's status by its code: planned, held, cancelled.
fieldwork-interview-status = { $status }
fieldwork-notes-heading = Notes taken during the interviews
# $interviewee: a name; $job_title: that person's job title; $when: date and time.
fieldwork-notes-of = Notes: { $interviewee }, { $job_title } ({ $when })
fieldwork-no-interviews = No interview is planned yet.
fieldwork-plan-heading = Plan an interview
fieldwork-job-title = Job title
fieldwork-date-time = Date and time
fieldwork-attending = Assessors attending
fieldwork-meant-to-cover = Areas it is meant to cover
fieldwork-notes = Notes
fieldwork-add-to-plan = Add to the plan
fieldwork-evidence-heading = Documents and links
fieldwork-title = Title
fieldwork-current-on = Current on
fieldwork-file = File
fieldwork-added = Added
fieldwork-cited = Cited
fieldwork-executives = Executives
# What a piece of evidence is when it is not a document.
fieldwork-link = link
fieldwork-stop-sharing = Stop sharing
fieldwork-share = Share
# For screen readers, after "Share" or "Stop sharing"; $title: the document's title.
fieldwork-share-hidden = { $title } with executives
fieldwork-no-evidence = No document or link yet.
fieldwork-upload-heading = Upload a document
fieldwork-upload-types = PDF, PNG, JPEG, Word, Excel, PowerPoint, OpenDocument, CSV or plain text; the type is read from the file itself.
fieldwork-title-blank = Title (the file name if left blank)
fieldwork-current-on-hint = Current on (when the document was in force)
fieldwork-covers = Areas it covers
fieldwork-upload = Upload
fieldwork-link-heading = Add a link
fieldwork-address = Address
fieldwork-add-link = Add the link
# $areas: the names of the areas, separated by commas.
fieldwork-uncovered = Nothing covers yet: { $areas }.
fieldwork-all-covered = Every area is covered by a held interview or a document.
fieldwork-coverage-label = Coverage of the areas
fieldwork-coverage-caption = Held interviews per area and function, and documents per area
fieldwork-area = Area
fieldwork-documents = Documents
fieldwork-division-intro = A whole area, or only some of its sub-areas; an area may have several assessors.
fieldwork-sub-areas = Sub-areas
# For screen readers, after "Sub-areas"; $area: an area's name; $name: an assessor's name.
fieldwork-sub-areas-hidden = of { $area } for { $name }
fieldwork-division-save = Save who scores what
# Before the areas an assessor scores; $name: the assessor's name.
fieldwork-division-of = { $name }:

## programmes.hbs, programme.hbs, project_edit.hbs

programmes-intro = Steady progress: projects rolled out across the business units and customer groups of a client, piloted first, re-assessed at intervals.
programmes-none = No programmes to show yet.
programmes-start-heading = Start a programme
programmes-units = Business units or products, one per line
programmes-units-example = Personal banking
programmes-groups = Customer groups, one per line
programmes-start = Start the programme
# Before the links to the reports and files.
programme-for-board = For the board:
programme-projects = Projects
programme-milestones = Milestones
programme-at-a-glance = Projects at a glance
programme-change-rows = Change any row, then save them all at once.
programme-project = Project
programme-edit = Edit
# For screen readers; $field: a field's label, e.g. "Owner"; $project: the project's name.
programme-field-of = { $field } of { $project }
programme-add-heading = Add a project
programme-milestone = A milestone (optional)
programme-milestone-due = Its due date
programme-add = Add the project
project_edit-crumb = change a project
project_edit-milestones = Milestones (leave a name blank to remove it; give a done date once it is done)
project_edit-milestone = Milestone
project_edit-due = Due
project_edit-done-on = Done on
project_edit-save = Save the project
project_edit-back = Back to the programme without saving

## scorecard.hbs

# $date: the assessment's date.
scorecard-crumb = scorecard of { $date }
# $client: the client's name.
scorecard-back = Back to { $client }
scorecard-download-pdf = Download PDF
scorecard-standalone = Standalone page
scorecard-edition = Edition
scorecard-client-edition = Client edition
scorecard-working-edition = Working edition
# After "Working edition".
scorecard-working-about = : every assessor's answers and notes, for the consultancy
# After "Client edition".
scorecard-client-about = , as the client and its executives get it

## study.hbs

study-settings = Study settings
study-no-data = no KPI data yet
study-correlation = Correlation
# Before the links to the report, the page, the JSON and the data.
study-take-away = Take it away:
study-data-behind = the data behind it

## data.hbs

data-heading = Performance data
# "KPI values and expert-panel ranks feed the [portfolio study] and weight the priorities …"
data-intro = KPI values and expert-panel ranks feed the
data-intro-study = portfolio study
data-intro-rest = and weight the priorities on scorecards. Uploads are all or nothing: a file with any problem stores none of its rows, and every problem is listed with its row and column.
data-clients-heading = Import a client list
# Followed by the CSV header, e.g. "name,sector,size_band,region".
data-csv-header = A CSV file with the header
# After the header; followed by an example row.
data-clients-per-row = , one new client per row, for example
# After the example row; followed by a link "all clients" and a full stop.
data-clients-duplicates = . A name the organisation has already (case and spacing ignored) is refused with its row; see
data-clients-all = all clients
data-csv-file = CSV file
data-paste-csv = or paste the CSV
data-clients-import = Import the clients
data-kpis-heading = KPIs
data-unit = Unit
data-better-when = Better when
data-kind = Kind
# A KPI's direction by its code: higher, lower.
data-direction = { $direction }
# A KPI's kind by its code: financial, behaviour.
data-kpi-kind = { $kind }
# $count: a number; followed by the API's address in brackets.
data-more-kpis = and { $count } more KPIs, listed in full by the API
data-no-kpis = No KPIs yet: define the first one below.
# Followed by the periods with links to their files.
data-values-by-period = Values by period:
# After the last period; $count: a number; followed by the API's address in brackets.
data-earlier-periods = ; and { $count } earlier periods, exported by the API
data-define-heading = Define a KPI
data-kpi-name-example = Customer retention
data-kpi-unit-example = %
data-better-when-value = Better when the value is
data-kind-financial = financial
data-kind-behaviour = customer behaviour
data-define = Define the KPI
data-values-heading = Upload KPI values
# After the CSV header; followed by an example row.
data-values-by-name = ; clients and KPIs by name, for example
data-values-replace = . A value given again for the same client, KPI and period replaces the old one.
data-values-upload = Upload the values
data-panels-heading = Expert panels
data-panel = Panel
# $count: a number; followed by the API's address in brackets.
data-more-panels = and { $count } more panels, listed in full by the API
data-no-panels = No panels yet.
data-ranks-heading = Upload panel ranks
# Between the two possible CSV headers.
data-ranks-or = (1 is the best) or
data-ranks-rest = (higher is better; cmas turns ratings into ranks). Panels are created as needed; a panel's upload replaces its earlier ranks.
data-ranks-upload = Upload the ranks

## tokens.hbs

# "Scripts and integrations send a token as [Authorization: Bearer …]; it acts as you, …"
tokens-intro = Scripts and integrations send a token as
tokens-intro-rest = ; it acts as you, with your role. Revoke a token you no longer use. Times are UTC.
# "Your new token [name]:"
tokens-new-token = Your new token
tokens-new-token-end = :
tokens-copy-now = Copy it now; it is not shown again.
tokens-yours = Your tokens
tokens-none-yours = You have no tokens yet.
tokens-new-heading = New token
tokens-name-example = Nightly export
tokens-name-hint = What the token is for, so you know which one to revoke later.
tokens-create = Create the token
tokens-all-heading = All tokens in the organisation
tokens-none-all = Nobody in the organisation has a token.
tokens-owner = Owner
tokens-created = Created
tokens-last-used = Last used
tokens-revoked = Revoked
# $date: date and time.
tokens-revoked-at = revoked { $date }
tokens-heading = Sessions and API tokens
tokens-two-factor = Two-factor sign-in
tokens-sessions-heading = Where you are signed in
tokens-sessions-intro = Each browser you are signed in with. End a session you do not recognise, or one on a computer you no longer use.
tokens-device = Browser
tokens-address = Address
tokens-signed-in = Signed in
tokens-unknown-device = Unknown browser
tokens-this-session = this browser
tokens-end = End the session
tokens-end-this = Log out here
tokens-scope = Scope
tokens-scope-read = Read only
tokens-scope-scoring = Scoring
tokens-scope-admin = Everything your role allows
tokens-scope-hint = Read only changes nothing; Scoring also saves scores, evidence and interviews; the widest does whatever you may do.
tokens-days = Works for (days)
tokens-expires = Expires
two-factor-heading = Two-factor sign-in
two-factor-password-link = Password and language
two-factor-required-first = Your organisation requires a second factor. Set it up to go on; until then nothing else opens.
two-factor-on-now = The second factor is on.
two-factor-codes-intro = Keep these recovery codes somewhere safe, apart from your phone. Each works once, in place of a code, if you lose the phone.
two-factor-codes-once = They are shown this once.
two-factor-continue = Continue
two-factor-scan-heading = Set up your authenticator app
two-factor-step-app = Open an authenticator app on your phone (for example one from your phone's maker, Microsoft Authenticator or FreeOTP).
two-factor-step-scan = Scan this code with it, then type the six digits it shows.
two-factor-cannot-scan = Cannot scan? Type this key into the app instead:
two-factor-step-code = Six-digit code
two-factor-confirm = Switch it on
two-factor-is-on = A second factor is on: logging in asks for a code from your app after the password.
two-factor-codes-left = { $count ->
    [one] You have 1 recovery code left.
   *[other] You have { $count } recovery codes left.
}
two-factor-required-stays = Your organisation requires it, so it stays on. If you lose your phone and your recovery codes, an admin can reset it.
two-factor-off-heading = Switch it off
two-factor-current-code = A current code (or a recovery code)
two-factor-switch-off = Switch the second factor off
two-factor-is-off = Logging in asks only for your password. A second factor, a code from an app on your phone, keeps the account safe even if the password leaks.
two-factor-set-up = Set up a second factor
tokens-revoke = Revoke
# For screen readers, after "Revoke"; $name: the token's name.
tokens-revoke-hidden = the token { $name }

## settings.hbs

settings-crumb = settings
# "Money shows as [251,000.00 EUR]. Forms read numbers the same way, …"
settings-money-shows = Money shows as
settings-forms-read = . Forms read numbers the same way, with or without the thousands marks.
settings-numbers = How numbers are written
settings-save = Save the settings
settings-report-language = Reports are written in
settings-report-language-hint = New clients' reports are written in this language unless you choose another for the client.
settings-two-factor = Who must sign in with a second factor
settings-two-factor-optional = Nobody must; each person may
settings-two-factor-admins = Admins
settings-two-factor-everyone = Everyone

## branding.hbs

branding-crumb = report branding
branding-intro = Every scorecard, study and programme report, as PDF and as a page, is laid out in this look. Colours must read on white: at least 4.5:1, as WCAG AA asks of text.
branding-primary-hint = headings, the headline, the client's series
branding-accent-hint = the top quartile and highlights
branding-font = Font
branding-cover = A cover page before each report
branding-footer-hint = on every page, in place of the organisation's name
branding-footer-example = Northbridge Consulting · Customer management practice
# "{client}" (written {"{"}client{"}"} in Fluent) is a token the reports replace with the client's name: keep it as it is.
branding-marking-hint = on every page; {"{"}client{"}"} becomes the client's name
branding-marking-example = Confidential — prepared for {"{"}client{"}"}
branding-save = Save the branding
branding-logo-alt = The logo on the reports
# $kind: PNG or JPEG; $width, $height: numbers.
branding-logo-size = { $kind }, { $width } × { $height } pixels
branding-no-logo = No logo yet: the reports show the organisation's name.
branding-logo-file = A PNG or JPEG of at most 512 KiB
branding-logo-upload = Upload the logo
branding-logo-remove = Remove the logo

## admin_users.hbs

admin_users-heading = Users
# $name: the invited person's name.
admin_users-send-link = Send this link to { $name }.
# $expires: date and time.
admin_users-link-rules = It sets their password, works once, until { $expires }, and is not shown again.
admin_users-invitation-link = Invitation link
admin_users-sessions-end = A change of role or a deactivation ends that user's sessions; a deactivated user's API tokens stop working.
admin_users-name-or-email = Name or email
admin_users-active = Active
admin_users-last-login = Last login
# For screen readers; $email: the user's email.
admin_users-name-of = Name of { $email }
admin_users-role-of = Role of { $email }
admin_users-is-active = { $email } is active
admin_users-you = (you)
# For screen readers, after "Save".
admin_users-save-hidden = the changes to { $email }
admin_users-new-link = New link
# For screen readers, after "New link".
admin_users-new-link-hidden = for { $email } to set a password
admin_users-two-factor = two factors
admin_users-reset-two-factor = Reset the second factor
admin_users-reset-two-factor-hidden = of { $email }
admin_users-invite-heading = Invite a user
admin_users-invite-intro = They get a link to set their own password; you send it to them. Until they use it, they cannot log in.
admin_users-invite = Invite

## admin_access.hbs, access_confirm.hbs

admin_access-crumb = who sees which client
admin_access-intro = Admins and consultants see every client. Executives and programme managers see the final results of the clients they are given access to, nothing else.
admin_access-deactivated = deactivated
# For screen readers, after "Remove"; $person: a person's name; $client: a client's name.
admin_access-remove-hidden = the access of { $person } to { $client }
admin_access-no-clients = No clients
admin_access-give = Give access
admin_access-hold-ctrl = Hold Ctrl (⌘ on a Mac) to choose several.
# "There are no clients yet. [Create one] first."
admin_access-no-clients-yet = There are no clients yet.
admin_access-create-client = Create one
admin_access-create-client-end = {" "}first.
# "There are no executives or programme managers yet. [Add one] first."
admin_access-no-people-yet = There are no executives or programme managers yet.
admin_access-add-person = Add one
admin_access-add-person-end = {" "}first.
access_confirm-crumb = remove access
access_confirm-heading = Remove access?
# "[Person] will no longer see the results of [Client]. They keep their account; …"
access_confirm-no-longer-sees = will no longer see the results of
access_confirm-keeps-account = . They keep their account; you can give the access again at any time.
access_confirm-remove = Remove the access
access_confirm-keep = Keep it

## admin_audit.hbs

admin_audit-crumb = audit trail
# "…; the whole trail as [CSV] or [XLSX]. Nobody can change …"
admin_audit-intro = Every recorded change, logins included, newest first; the whole trail as
admin_audit-intro-end = . Nobody can change or delete an entry; erasing a client blanks the values its entries held.
admin_audit-filter = Filter the trail
admin_audit-anyone = Anyone
admin_audit-action = Action
admin_audit-any-action = Any action
admin_audit-from = From
admin_audit-to = To
# Before the client's name.
admin_audit-client = Client:
admin_audit-all-clients = all clients
admin_audit-no-match = Nothing recorded matches.
admin_audit-show-all = Show the whole trail

field-language = Language
password-language-heading = The language you read cmas in
password-language-browser = Your browser's choice
password-language-save = Save the language
choose_language = Choose one of the languages offered.
done-language = Your language is saved.

## Messages of the page scripts
## static/score.js (assessment.hbs, review.hbs) and static/fieldwork.js
## (fieldwork.hbs): each template puts them in a hidden #script-words block
## that its script reads. No $variables: a word in braces, such as
## {"{"}total{"}"} (shown as {total}), is filled in by the script.

script-saving = Saving…
script-typing = Typing…
# The same words as the status the page shows when it opens.
script-saved = { assessment-saved }
script-saved-draft = { assessment-saved-draft }
script-agreed-saved = { review-agreed-saved }
script-offline = Waiting for the network; kept in this browser.
script-not-saved = Not saved
# {status}: the HTTP status code of a refusal that came without words.
script-not-saved-status = Not saved ({"{"}status{"}"})
script-not-saved-incomplete = Not saved yet: choose both scores, or N/A with a reason.
script-server-retrying = Not saved yet: the server did not take it; retrying.
# After a reload, for changes not sent before it.
script-resending = Not saved yet: sending what you typed before…
script-conflict = Someone else changed this answer since you opened the page. What you typed is still here.
# The two buttons after script-conflict.
script-keep-mine = Keep mine
script-show-theirs = Show theirs
script-notes-conflict = Someone else changed these notes since you opened the page; yours are still here. Copy them, then reload.
# {answered}, {total}: numbers; the same sentence as assessment-progress.
script-answered-in-area = {"{"}answered{"}"} of {"{"}total{"}"} answered in this area
# The assessment's status once an answer is saved, as common-assessment-status says "in_progress".
script-status-in-progress = in progress
script-finalising = Finalising…
script-not-finalised = Not finalised

## Comparing two waves
comparepage-heading = Compare two waves
comparepage-later = Later wave
comparepage-earlier = Earlier wave
comparepage-compare = Compare
comparepage-hint = Two final assessments of the same scope; either order works.
# $client; $before and $after are the waves' dates.
comparepage-title = { $client }: { $before } against { $after }
comparepage-crumb = { $before } against { $after }
comparepage-download-word = Download Word

## Plans: targets and agreed actions
only_target_setters = Targets are set by the assessment's lead, an admin or the client's programme manager, once the assessment is final.
# $client is the client's name.
plans-targets-title = Targets for { $client }
plans-targets-crumb = targets
# $date is the assessment's date.
plans-targets-about = Set what the client aims for after the assessment of { $date }: a combined score per area, and for single practices if you wish, each with the date it is due. Saving makes a new version; earlier ones stay listed below.
plans-area = Area
plans-now = Now
plans-target = Target
plans-due = Due
# $name is an area's name.
plans-target-of = Target for { $name } (%)
plans-due-of = Date the target for { $name } is due
plans-blank-no-target = Leave a target blank for no target on that area.
plans-practice-targets = Targets on single practices (optional)
plans-practice = Practice
plans-no-practice = — none —
plans-save-targets = Save the targets as a new version
plans-versions = Versions
# $version, $by (a person), $date, $count (how many targets).
plans-target-version = Version { $version }, set by { $by } on { $date }: { $count } targets
plans-back-to-scorecard = Back to the scorecard
# $name is an area or practice.
plans-target-number = The target for { $name } must be a number from 0 to 100.
plans-target-due = The target for { $name } needs a due date after the assessment.
plans-set-targets = Set targets
plans-from-priorities = From priorities to plans
# $area is a priority area's name.
plans-propose-for = propose an action on { $area }
plans-actions = Agreed actions
plans-action = Action
plans-propose-action = Propose an action
# $client is the client's name.
plans-action-new = A new action for { $client }
plans-action-edit = An action of { $client }
plans-action-title = What will be done
plans-addresses = What it addresses
plans-practices = Practices (hold Ctrl or ⌘ to pick several)
plans-owner = Owner
plans-owner-user = A cmas user
plans-owner-name = …or a person at the client
plans-status = Status
plans-from-assessment = Answers the priorities of
plans-project = Carried by the project
plans-save-action = Save the action
# $client is the client's name.
plans-back-to-client = Back to { $client }
plans-do = What to do
plans-change = Change
plans-mark-done = Mark done
plans-overdue = overdue
# $project is a project's name.
plans-carried-by = carried by { $project }
plans-export = Download the actions:
plans-no-actions = No actions yet. Propose one from a scorecard's priorities.
done-targets = The targets are saved as a new version.
done-action = The action is saved.
done-action_done = The action is marked done.
plans-area-targets = Targets per area

## The single sign-on page (admins)
sso-continue = On to your organisation's identity provider…
sso-title = Single sign-on
sso-crumb = single sign-on
sso-intro = People of your organisation sign in with the account they already have at your identity provider (Microsoft Entra ID, Okta, Google Workspace, Keycloak and any other OpenID Connect provider). Register cmas there as a web application with the redirect address below.
sso-redirect = Redirect address to register at the provider
sso-link = Sign-in link for your people
sso-issuer = Issuer
sso-issuer-hint = the provider's address, e.g. https://login.microsoftonline.com/your-tenant/v2.0
sso-client-id = Client id
sso-client-secret = Client secret
sso-client-secret-hint = stored encrypted and never shown again
sso-client-secret-kept = a secret is stored; leave this empty to keep it
sso-domains = Allowed e-mail domains
sso-domains-hint = separated by commas, e.g. alpha.example, alpha-consulting.example
sso-role-claim = Claim with roles
sso-role-claim-hint = the ID token's claim whose values give roles, e.g. groups or roles
sso-role-map = Roles from the claim
sso-role-map-hint = one per line: a value of the claim = admin, consultant, executive or programme_manager
sso-default-role = Role when no value of the claim maps to one
sso-default-none = None: refuse the sign-in
sso-required = Passwords off: everyone signs in through the provider, except admins with a second factor (their way in when the provider fails)
sso-save = Save single sign-on
sso-remove = Remove single sign-on
# $line: the line number in the roles box.
sso-bad-role-map = Line { $line } is not "value = role" with a role of admin, consultant, executive or programme_manager.
done-sso = Single sign-on is saved; its sign-in link works from now on.
done-sso_removed = Single sign-on is removed; people log in with their passwords.
