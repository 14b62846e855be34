# The words of the three reports (scorecard, portfolio study, programme
# report) in every format: PDF, HTML and Word. Numbers and dates arrive
# already written in the language's convention; names (of clients, areas,
# KPIs) arrive as typed.

## Shared by every report

report-generated = generated { $date }
report-working-edition = Working edition for { $organisation }: every assessor's answers and notes. The client gets the client edition.
report-not-available = n/a
report-range = { $low } to { $high }
report-list-separator = { ", " }
# A whole percentage.
report-percent = { $value }%
report-page = Page { $page } of { $pages }
report-page-word = Page
report-cover = Cover

## Scorecard: the findings
# $area, $client (the client's score), $median, $top_quartile, $points,
# $intention, $reality are whole percentages without the sign.

scorecard-strength = { $area } is a strength: { $client }% of best practice, { $points ->
        [one] { $points } point
       *[other] { $points } points
    } above the portfolio median of { $median }%.
scorecard-strength-top = { $area } is a strength: at { $client }% of best practice it is in the portfolio's top quarter ({ $points ->
        [one] { $points } point
       *[other] { $points } points
    } above the median of { $median }%).
scorecard-priority-execute = { $area }: { $points ->
        [one] { $points } point
       *[other] { $points } points
    } below the top quartile ({ $client }% against { $top_quartile }%). The plans are there (Intention { $intention }%) but not yet practised (Reality { $reality }%): put them to work first.
scorecard-priority-plan = { $area }: { $points ->
        [one] { $points } point
       *[other] { $points } points
    } below the top quartile ({ $client }% against { $top_quartile }%). Start with a clear, shared plan: Intention is only { $intention }%.
scorecard-priority-both = { $area }: { $points ->
        [one] { $points } point
       *[other] { $points } points
    } below the top quartile ({ $client }% against { $top_quartile }%). Both the plan (Intention { $intention }%) and its use (Reality { $reality }%) need to rise.

# Where the client stands in a group; $quarter is one of the quarters below,
# $group one of the groups, $count one of the counts.
scorecard-standing = Percentile { $percentile } in { $group } ({ $count }): { $quarter }. Median { $median }%, top quartile from { $top_quartile }%.
# The groups a scorecard is compared with: a company counts once (its latest
# whole-company assessment); a scoped assessment among its own kind of scope
# when there are at least five, otherwise among the whole-company results.
scorecard-group-companies = the portfolio
# $kind: the parts of the scope below, joined by scorecard-scope-and.
scorecard-group-same-scope = the portfolio's { $kind } assessments
scorecard-group-whole-companies = the portfolio's whole-company results
scorecard-group-sector = the { $sector } sector
scorecard-count-companies = { $n } companies
scorecard-count-assessments = { $n } assessments
scorecard-scope-business-unit = business unit
scorecard-scope-product = product
scorecard-scope-customer-group = customer group
scorecard-scope-and = { " " }and{ " " }
scorecard-quarter-1 = top quarter
scorecard-quarter-2 = second quarter
scorecard-quarter-3 = third quarter
scorecard-quarter-4 = bottom quarter
scorecard-whole-company = Whole company
scorecard-status-final = final
scorecard-status-draft = draft

scorecard-rule-equal = Priorities rank each area's gap to the portfolio's top quartile, all areas weighted equally: the portfolio study that would weight them by their link to business performance needs KPI data for at least 10 clients.
scorecard-rule-correlation = Priorities rank each area's gap to the portfolio's top quartile, weighted by how strongly the area tracks business performance across the portfolio (Spearman's rank correlation, { $clients } clients). Correlation is not causation.

## Scorecard: headings and labels

scorecard-kicker = CUSTOMER MANAGEMENT SCORECARD
scorecard-title = Customer management assessment of { $client } on { $date }
scorecard-assessed = Assessed { $date }
scorecard-assessed-lower = assessed { $date }
scorecard-prepared-by = Prepared by { $organisation }
scorecard-assessors = Assessors: { $assessors } (lead: { $lead })
scorecard-overall-label = Overall score
scorecard-of-best-practice = of best practice overall
scorecard-intention-reality = Intention { $intention } · Reality { $reality }
scorecard-answered = { $answered } of { $questions } questions answered
scorecard-summary = Summary
scorecard-heading-radar = The eight areas against the portfolio
scorecard-heading-strengths = Strengths
scorecard-no-strengths = No area is above the portfolio median yet.
scorecard-heading-priorities = Priorities: what to do first
scorecard-no-priorities = Every area is at or above the portfolio's top quartile.
scorecard-heading-areas = Areas: Intention and Reality against the portfolio
scorecard-heading-trend = Progress over the assessments
scorecard-first-assessment = This is the first final assessment of this client and scope; changes appear from the next one.
scorecard-heading-details = Area details
scorecard-heading-lowest = Lowest-scoring practices
scorecard-practice-scores = { $score }; Intention { $intention }, Reality { $reality }
scorecard-evidence = Evidence — { $note }
scorecard-heading-evidence-base = Evidence base
scorecard-interviews-held = { $count } interviews held
scorecard-no-interviews = No interview is recorded in cmas for this assessment.
scorecard-documents-reviewed = { $count } documents and links reviewed
scorecard-heading-disagreements = Where the assessors disagreed
scorecard-agreed-by-lead = agreed score set by the lead
scorecard-no-disagreements = On every question the assessors differed by less than 3 points.
scorecard-disagreements = The assessors differed by 3 points or more on { $count } of the questions; each was discussed before the scores became final.
scorecard-heading-not-applicable = Not applicable
scorecard-all-applicable = Every question applied to this client.
scorecard-region-radar = The eight areas against the portfolio, as a radar
scorecard-region-bars = Intention and Reality per area, as bars
scorecard-region-areas = Scores per area
scorecard-region-trend = Scores over the assessments, as lines
scorecard-region-evidence = Evidence per area

column-area = Area
column-sub-area = Sub-area
column-score = Score
column-intention = Intention
column-reality = Reality
column-median = Median
column-top-quartile = Top quartile
column-change = Change
column-date = Date
column-overall = Overall
column-interviews = Interviews
column-documents = Documents
column-client = Client

## Charts and figures

chart-client = Client
chart-portfolio-median = Portfolio median
chart-top-quartile = Top quartile
chart-intention = Intention
chart-reality = Reality
chart-overall = Overall
chart-assessment-rank = Assessment rank (1 = best)
chart-performance-rank = Performance rank
chart-significant = * significant after Holm's correction (5%)
chart-performance-panels = Performance (panels)
chart-not-enough-data = not enough data
chart-scatter-caption = { $method } r = { $r }, n = { $n }
chart-benefit-planned = Benefit planned
chart-benefit-realised = Benefit realised
chart-cost-planned = Cost planned
chart-cost-spent = Cost spent
chart-not-known-yet = not known yet
chart-latest-score = Latest score, %
chart-not-assessed = not assessed
chart-coverage-key = (unit), (group), (company): no assessment of the cell alone, so the score of a wider one · +/−: change since the first assessment
chart-no-project = no project
chart-projects = { $count ->
    [one] { $count } project
   *[other] { $count } projects
}
chart-timeline-key = ◆ milestone, filled when done, red when overdue · arrow: from a project to one that waits on it · red outline: late, blocked or at risk
chart-quarter = Q{ $quarter } { $year }

figure-radar = The eight areas: client, portfolio median and top quartile
figure-bars = Intention and Reality per area against the portfolio
figure-scatter = Assessment rank against performance rank
figure-heatmap = Correlations of scores with measures of performance
figure-coverage = Latest score per business unit and customer group
figure-timeline = The projects over time, with milestones, dependencies and today
figure-benefits = Benefit and cost per project, planned and actual
figure-trend = Scores over the assessments
figure-caption = Figure { $number }: { $title }

## Portfolio study

study-kicker = PORTFOLIO STUDY
study-title = Does customer management track business performance?
study-subject = Customer-management scores against business performance
study-document-title = Portfolio study { $period }: { $organisation }
study-meta = { $organisation } · period { $period } · { $clients } clients · { $method } correlations
study-period = { $organisation } · period { $period }
study-footer = { $organisation } · portfolio study { $period } · generated { $date }
study-overall = Overall
study-performance = Business performance (consensus of the expert panels)
study-heading-findings = Findings
study-no-findings = Not enough data for findings yet.
study-heading-caveats = Read with care
study-heading-scatter = Assessment rank against business-performance rank
study-heading-heatmap = Scores against every measure of performance
study-heading-reliability = Consistency and reliability
study-heading-questionnaire-reliability = Questionnaire reliability
study-panels = Panels: { $panels } panels ranked { $clients } clients in common; Kendall's W = { $w }, Friedman χ² = { $chi2 }, { $p }.
study-panels-missing = Panels: { $reason }
study-no-panel-data = no panel data
study-assessors = Assessors: across { $assessments } assessments, the single-assessor agreement ICC(2,1) averages { $icc }.
study-weakest-agreement = Working edition: the assessments with the weakest agreement
column-alpha = Cronbach's α
column-ci = 95% CI
column-assessments = Assessments
column-assessment = Assessment
column-assessors = Assessors
column-note = Note
column-assessment-rank = Assessment rank
column-performance-rank = Performance rank
study-region-scatter = Assessment rank against performance rank, as points
study-region-heatmap = Correlations of scores with measures of performance, as a heat map
study-method-spearman = Spearman
study-method-kendall = Kendall
study-method-pearson = Pearson

# The study's main results, strongest first; each appears only when its
# figures exist. $p is one of the two p-value forms below.
study-finding-overall = Overall customer-management score and business performance (the panels' consensus) correlate at { $r } (95% CI { $ci_low } to { $ci_high }; { $p } after Holm; { $clients } clients): { $shared }% shared variance.
# $areas and $kpis are lists of study-named joined by report-list-separator.
study-finding-most-tied = The areas most tied to performance: { $areas }.
study-finding-least-tied = { $area } is the least tied ({ $r }), and its link does not survive the correction for multiple tests.
study-finding-kpis = The overall score tracks these KPIs beyond chance: { $kpis }.
study-finding-panels = The { $panels } panels agree with each other: Kendall's W = { $w } ({ $p }).
study-named = { $name } ({ $r })
study-p-tiny = p < 0.001
study-p = p = { $p }
study-caveat-causation = Correlation is not causation: companies that manage customers well tend to perform well, but the study cannot say which causes which.
study-caveat-critical-r = With { $clients } clients, only correlations above { $r } in size can be told from noise at the 5% level.
study-caveat-few-clients = Only { $clients } clients: too few for the study to weigh the areas; treat every figure as indicative.

## Programme report
# The ids after "programme-" are the keys the code names.

programme-masthead_kicker = STEADY-PROGRESS PROGRAMME
programme-masthead_line = { $client } · as of { $today } · { $projects } projects on { $units } business units × { $groups } customer groups
programme-also_tracked = Also tracked: { $dimensions }
programme-footer = { $client } · { $name } · as of { $today } · generated { $generated }
programme-subject = Steady-progress programme of { $client }
programme-heading_attention = What needs attention
programme-nothing_flagged = Nothing is late, blocked or at risk on { $today }.
programme-heading_grid = Where the company stands on the grid
programme-empty_grid = The grid has no business units or customer groups yet.
programme-heading_timeline = Timeline
programme-empty_timeline = The programme has no projects yet.
programme-heading_trend = Progress per area
programme-empty_trend = Progress shows once the programme has assessments on two dates.
programme-heading_benefits = Benefits realised against plan
programme-empty_benefits = No projects, so no costs or benefits yet.
programme-heading_projects = Projects
programme-flag_late = late
programme-flag_blocked = blocked
programme-flag_at_risk = at risk
programme-fact_owner = Owner
programme-fact_placement = Placement
programme-fact_dates = Dates
programme-fact_status = Status
programme-fact_cost = Cost
programme-fact_benefit = Benefit
programme-fact_inputs = Inputs
programme-fact_outputs = Outputs
programme-fact_depends_on = Depends on
programme-reach_breadth = breadth: a whole row or column of the grid
programme-reach_depth = depth: one cell of the grid
programme-placement = { $placement } ({ $reach })
programme-dates = { $start } to { $end }
programme-planned_actual = planned { $planned }, { $done } { $actual }
programme-planned_unknown = planned { $planned }, { $done } not known yet
programme-spent = spent
programme-realised = realised
programme-milestone_done = done { $date }
programme-milestone_overdue = overdue
programme-milestone_open = open
programme-column_total = Programme total
programme-column_planned = Planned
programme-column_actual = Actual
programme-column_share = Actual against plan
programme-column_milestone = Milestone
programme-column_due = Due
programme-column_state = State
programme-column_area = Targeted area
programme-column_before = Before
programme-column_since = Since
programme-column_change = Change
programme-row_benefit = Benefit
programme-row_cost = Cost
programme-totals_caption = Total benefit realised { $benefit_actual } of { $benefit_planned } planned ({ $benefit_share }) · cost { $cost_actual } of { $cost_planned } planned ({ $cost_share })
programme-region_grid = The grid: latest score per business unit and customer group
programme-region_timeline = Timeline of the projects
programme-region_trend = Progress per area, as lines
programme-region_benefits = Benefits and costs per project
programme-region_totals = Programme totals
programme-region_milestones = Milestones of { $project }
programme-region_areas = Targeted areas of { $project }

## Added for the working edition's answers
scorecard-assessor-answer = { $assessor }: Intention { $intention }, Reality { $reality }
scorecard-assessor-na = { $assessor }: N/A
scorecard-agreed = Agreed
programme-status_planned = planned
programme-status_pilot = pilot
programme-status_rolling_out = rolling out
programme-status_done = done
programme-status_stopped = stopped
programme-placement_row = { $unit } (all customer groups)
programme-placement_column = { $group } (all business units)
programme-placement_cell = { $unit } × { $group }
programme-footer_page = { $client } · { $name } · as of { $today }
chart-today = today
chart-covering = { $projects }: { $statuses }
chart-scope-unit = unit
chart-scope-group = group
chart-scope-company = company
scorecard-area-evidence = { $area }: { $interviews } interviews, { $documents } documents
column-icc = ICC(2,1)
scorecard-status-in_progress = in progress
scorecard-document-title = Customer management scorecard: { $client }
# Why a project needs attention. $date is written in the report's convention.
programme-reason_end = { $project } was due to end on { $date }
programme-reason_milestone = milestone “{ $milestone }” was due on { $date }
programme-reason_stopped = it depends on { $dependency }, which was stopped
programme-reason_not_begun = it should have begun on { $date }, but { $dependency } is not done
programme-reason_slipped = { $dependency } has slipped (due { $date }, not done)

## Wave-over-wave comparison
# $client; $before and $after are the waves' dates, written short.
compare-document-title = { $client }: { $before } against { $after }
compare-kicker = Wave-over-wave comparison
# $before and $after are dates, $before_version and $after_version the questionnaires.
compare-waves = { $before } ({ $before_version }) against { $after } ({ $after_version })
# $before and $after are percentages, $change a signed number of points.
compare-summary = Overall { $before } → { $after } ({ $change } percentage points).
compare-summary-missing = One of the waves has no overall result.
compare-counted = Practices: { $improved } improved, { $regressed } regressed, { $mixed } mixed, { $unchanged } unchanged, { $not_compared } not compared.
compare-rule = A practice improved or regressed when its Intention or its Reality changed by at least { $points ->
        [one] { $points } point
       *[other] { $points } points
    } on the questionnaire's scale; smaller changes count as unchanged. One that rose on one dimension and fell on the other is mixed. A practice that is N/A or unanswered in either wave, or has no counterpart, is not compared.
# $before and $after are questionnaire titles with their versions.
compare-spans-versions = The waves used different questionnaire versions ({ $before } and { $after }). Practices are matched by the later version's practice map; those without a counterpart are marked and not compared.
compare-improved = improved
compare-regressed = regressed
compare-mixed = mixed
compare-unchanged = unchanged
compare-na-before = N/A in the earlier wave
compare-na-after = N/A in the later wave
compare-na-both = N/A in both waves
compare-unanswered = not answered in one wave
compare-new = new in this version
compare-retired = no longer asked
compare-link-kept = same
compare-link-renamed = reworded
compare-link-merged = merged
compare-link-split = split
compare-link-new = new
compare-link-retired = retired
compare-heading-summary = Summary
compare-heading-areas = Areas
compare-heading-sub-areas = Sub-areas
compare-heading-moved = The practices that moved most
compare-heading-practices = Every practice
compare-heading-practices-client = Practices that moved or were not compared
compare-no-moved = No practice moved by the threshold or more.
compare-no-practices = Every practice compared is unchanged.
# $area, $verdict; the four values are points on the questionnaire's scale.
compare-moved-line = { $area } · { $verdict }: Intention { $intention_before } → { $intention_after }, Reality { $reality_before } → { $reality_after }
# $date is a wave's date.
compare-notes-of = Evidence, { $date }
compare-no-notes = No evidence note.
compare-footer = { $client } · { $before } against { $after }
compare-subject = Wave-over-wave comparison of { $client }, { $scope }
compare-column-practice = Practice
compare-column-before = Before (I / R)
compare-column-after = After (I / R)
compare-column-verdict = Verdict
compare-column-link = Match
compare-figure-areas = Combined score per area in both waves
compare-na = N/A
chart-earlier-wave = Earlier wave
chart-later-wave = Later wave

## Plans: targets and agreed actions
column-target = Target
column-to-target = To target
column-due = Due
column-action = Action
column-owner = Owner
column-status = Status
column-project = Project
chart-target = Target
scorecard-target-met = met
# $version counts the times the client and scope set targets.
scorecard-targets-note = Targets: version { $version } for this client and scope. “To target” is the points still to gain on the combined score.
scorecard-heading-practice-targets = Practice targets
scorecard-heading-actions = Agreed actions
scorecard-no-actions = No action has been agreed on this assessment's priorities yet.
action-status-proposed = proposed
action-status-agreed = agreed
action-status-in_progress = in progress
action-status-done = done
action-status-dropped = dropped
# $status is one of the action-status-* words.
action-overdue = { $status }, overdue
compare-heading-targets = Targets
compare-no-targets = No targets were set from the earlier wave.
compare-column-node = Area or practice
compare-column-earlier = Earlier
compare-column-later = Later
compare-column-outcome = Outcome
target-outcome-met = met
target-outcome-missed = missed
target-outcome-not-yet-due = not yet due
target-outcome-no-score = no score
programme-heading_paths = Planned and actual paths to the targets
programme-no_actions = No actions have been agreed for this client yet.
programme-flag_overdue_action = overdue action
# $owner owns the action; $date is when it was due.
programme-reason_action = owned by { $owner }, due on { $date }, still open
chart-planned-dashed = Solid: the scores reached; dashed: the planned path to each target.
figure-paths = Planned and actual paths per targeted area
# $before and $after are questionnaire titles with their versions.
compare-spans-versions-by-id = The waves used different questionnaire versions ({ $before } and { $after }), and the later one has no practice map from the earlier: practices are matched by id, and those without a match are marked and not compared.
