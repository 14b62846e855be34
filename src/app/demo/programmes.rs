//! The demo's steady-progress programmes: one for the leading client of each
//! sector, 8–15 projects over two years with realistic dependencies (data
//! before segmentation before the pilots before the roll-outs), some late,
//! and re-assessments of a few grid cells that show where it worked.

use super::Portfolio;
use crate::db::clients::Client;
use crate::db::programmes::{Programme, ProgrammeFields, StoredProject};
use crate::domain::programme::{
    Grid, MilestoneInput, Placement, ProjectInput, ProjectStatus, DEFAULT_GROUPS,
};
use chrono::{Months, NaiveDate};
use rand::Rng;

/// The business units of a sector's leader: the rows of its grid.
fn units(sector: &str) -> [&'static str; 3] {
    match sector {
        "Retail banking" => ["Personal banking", "Business banking", "Wealth"],
        "Insurance" => ["Motor", "Home", "Life & pensions"],
        "Telecoms" => ["Mobile", "Broadband", "Enterprise"],
        "Utilities" => ["Residential energy", "Business energy", "Smart services"],
        "Retail" => ["Stores", "Online", "Loyalty club"],
        _ => ["Holidays", "Flights", "Hotels"],
    }
}

/// Where a project sits: a row (unit index), a column (group index) or a cell.
#[derive(Clone, Copy)]
enum Spot {
    Row(usize),
    Column(usize),
    Cell(usize, usize),
}

/// One project of the template: name, objective, spot, areas, start and
/// length in months from the programme's start, dependencies (template
/// indices), and how it is going.
struct Template {
    name: &'static str,
    objective: &'static str,
    spot: Spot,
    areas: &'static [&'static str],
    start: u32,
    months: u32,
    depends_on: &'static [usize],
    /// Whether it overruns: still going after its planned end.
    slips: bool,
    stopped: bool,
}

const TEMPLATES: [Template; 15] = [
    Template { name: "Single customer view", objective: "One record per customer across products, fed nightly from every system of record.", spot: Spot::Row(0), areas: &["IT", "AP"], start: 0, months: 6, depends_on: &[], slips: false, stopped: false },
    Template { name: "Value segmentation", objective: "Segment customers by current and future value, and agree the segments with every channel.", spot: Spot::Column(0), areas: &["AP", "PR"], start: 6, months: 5, depends_on: &[0], slips: false, stopped: false },
    Template { name: "Complaint handling redesign", objective: "Resolve complaints at first contact and feed their causes back to product owners.", spot: Spot::Column(2), areas: &["PM", "CX"], start: 2, months: 8, depends_on: &[], slips: false, stopped: false },
    Template { name: "High-value retention pilot", objective: "Pilot proactive retention offers for the most valuable customers before they consider leaving.", spot: Spot::Cell(0, 0), areas: &["CMA", "CX"], start: 11, months: 4, depends_on: &[1], slips: false, stopped: false },
    Template { name: "Front-line coaching", objective: "Coach front-line teams on needs-based conversations and measure them on customer outcomes.", spot: Spot::Row(1), areas: &["PO"], start: 6, months: 8, depends_on: &[], slips: true, stopped: false },
    Template { name: "Customer measures dashboard", objective: "A monthly board dashboard of retention, share of wallet and complaints by segment.", spot: Spot::Column(0), areas: &["ME"], start: 9, months: 4, depends_on: &[0], slips: true, stopped: false },
    Template { name: "Retention roll-out", objective: "Roll the retention pilot out to every high-value customer of the unit.", spot: Spot::Row(0), areas: &["CMA", "CX"], start: 15, months: 5, depends_on: &[3], slips: false, stopped: false },
    Template { name: "Future-value onboarding journey", objective: "An onboarding journey that turns promising new customers into loyal ones in their first year.", spot: Spot::Cell(1, 1), areas: &["CMA", "PR"], start: 14, months: 5, depends_on: &[4], slips: false, stopped: false },
    Template { name: "Channel integration", objective: "Let customers start in one channel and finish in another without repeating themselves.", spot: Spot::Row(2), areas: &["IT", "PM"], start: 12, months: 10, depends_on: &[0], slips: false, stopped: false },
    Template { name: "Value-based propositions", objective: "Propositions and pricing designed for the future-value segment.", spot: Spot::Column(1), areas: &["PR"], start: 16, months: 7, depends_on: &[1], slips: false, stopped: false },
    Template { name: "Loyalty scheme relaunch", objective: "Relaunch the loyalty scheme around recognition rather than discounts.", spot: Spot::Cell(2, 0), areas: &["CMA"], start: 8, months: 4, depends_on: &[], slips: false, stopped: true },
    Template { name: "Partner referrals", objective: "Referral offers with partners for other customers with growth potential.", spot: Spot::Cell(2, 2), areas: &["CMA", "PR"], start: 18, months: 6, depends_on: &[10], slips: false, stopped: false },
    Template { name: "Customer insight team", objective: "A small team turning research and data into quarterly insight for planning.", spot: Spot::Column(1), areas: &["AP", "ME"], start: 4, months: 6, depends_on: &[], slips: false, stopped: false },
    Template { name: "Experience research programme", objective: "Regular journey research with customers of every group, shared with the teams that own the journeys.", spot: Spot::Row(1), areas: &["CX", "ME"], start: 13, months: 9, depends_on: &[12], slips: false, stopped: false },
    Template { name: "Incentives aligned to value", objective: "Incentives for managers tied to customer value and retention, not sales volume alone.", spot: Spot::Column(0), areas: &["PO"], start: 20, months: 4, depends_on: &[6], slips: false, stopped: false },
];

/// The programmes start in July 2025; the demo's "today" is late 2026.
fn programme_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or_default()
}

fn demo_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn month(from: NaiveDate, months: u32) -> NaiveDate {
    from.checked_add_months(Months::new(months)).unwrap_or(from)
}

impl Portfolio<'_> {
    /// A programme for each sector's leading client, with scoped re-assessments
    /// of the cells its first projects targeted. Returns the assessments and scores added.
    pub(super) fn programmes(
        &mut self,
        leaders: &[(i32, &str, f64)],
    ) -> anyhow::Result<(usize, usize)> {
        let mut added = (0, 0);
        for (index, &(client_id, sector, maturity)) in leaders.iter().enumerate() {
            let names = units(sector);
            let grid = Grid {
                units: names.map(String::from).to_vec(),
                groups: DEFAULT_GROUPS.map(String::from).to_vec(),
            };
            let dimensions = vec![
                (
                    "geography".to_owned(),
                    vec!["Home market".to_owned(), "Export".to_owned()],
                ),
                (
                    "enabler".to_owned(),
                    vec![
                        "data".to_owned(),
                        "systems".to_owned(),
                        "research".to_owned(),
                    ],
                ),
            ];
            let fields = ProgrammeFields {
                name: "Customer first",
                grid: &grid,
                dimensions: &dimensions,
            };
            let programme = Programme::create(
                self.conn,
                self.caller.organisation_id.get(),
                client_id,
                &fields,
            )?;
            for &user in &self.attached {
                Client::attach(self.conn, client_id, user)?;
            }
            let count = super::pick(&[12, 9, 15, 10, 8, 13], index);
            self.projects(programme.id, &grid, count)?;
            let (assessments, scores) = self.cell_assessments(client_id, &grid, maturity)?;
            added = (added.0 + assessments, added.1 + scores);
        }
        Ok(added)
    }

    fn projects(&mut self, programme_id: i32, grid: &Grid, count: usize) -> anyhow::Result<()> {
        let start = programme_start();
        let today = demo_today();
        let mut ids: Vec<i32> = Vec::new();
        for t in TEMPLATES.iter().take(count) {
            let placement = match t.spot {
                Spot::Row(u) => Placement::Row {
                    unit: unit(grid, u)?,
                },
                Spot::Column(g) => Placement::Column {
                    group: group(grid, g)?,
                },
                Spot::Cell(u, g) => Placement::Cell {
                    unit: unit(grid, u)?,
                    group: group(grid, g)?,
                },
            };
            let (begins, ends) = (month(start, t.start), month(start, t.start + t.months));
            let status = if t.stopped {
                ProjectStatus::Stopped
            } else if ends < today && !t.slips {
                ProjectStatus::Done
            } else if begins > today {
                ProjectStatus::Planned
            } else if month(begins, t.months / 2) > today {
                ProjectStatus::Pilot
            } else {
                ProjectStatus::RollingOut
            };
            let cost = f64::from(self.rng.gen_range(4..25u32)) * 10_000.0;
            let started = begins <= today;
            let benefit_planned = cost * self.rng.gen_range(2.0..4.0_f64).round();
            let milestones = vec![
                MilestoneInput {
                    name: "Pilot review".into(),
                    due: month(begins, t.months / 2),
                    done: (month(begins, t.months / 2) <= today && !t.slips && started)
                        .then(|| month(begins, t.months / 2)),
                },
                MilestoneInput {
                    name: "Go-live".into(),
                    due: ends,
                    done: (status == ProjectStatus::Done).then_some(ends),
                },
            ];
            let project = ProjectInput {
                id: 0,
                name: t.name.into(),
                objective: t.objective.into(),
                owner: super::pick(
                    &[
                        "Head of Customer",
                        "Chief Data Officer",
                        "Operations Director",
                        "Marketing Director",
                    ],
                    ids.len(),
                )
                .into(),
                placement,
                areas: t.areas.iter().map(|a| (*a).to_owned()).collect(),
                inputs: "Budget, a sponsor on the executive team, two analysts".into(),
                outputs: "A working practice in the targeted cells, measured before and after"
                    .into(),
                start: begins,
                end: ends,
                status,
                cost_planned: cost,
                cost_actual: started
                    .then(|| (cost * self.rng.gen_range(0.8..1.3_f64) / 1000.0).round() * 1000.0),
                benefit_planned,
                benefit_actual: (status == ProjectStatus::Done).then(|| {
                    (benefit_planned * self.rng.gen_range(0.5..1.1_f64) / 1000.0).round() * 1000.0
                }),
                milestones,
                depends_on: t
                    .depends_on
                    .iter()
                    .filter_map(|&d| ids.get(d).copied())
                    .collect(),
            };
            ids.push(StoredProject::create(self.conn, programme_id, &project)?);
        }
        Ok(())
    }

    /// Re-assessments of two cells: the high-value cell of the first unit
    /// (targeted early, so it improves) and the future-value cell of the second.
    fn cell_assessments(
        &mut self,
        client_id: i32,
        grid: &Grid,
        maturity: f64,
    ) -> anyhow::Result<(usize, usize)> {
        let base = maturity * 100.0;
        let plan = [
            (0, 0, NaiveDate::from_ymd_opt(2025, 6, 10), base - 3.0),
            (0, 0, NaiveDate::from_ymd_opt(2026, 10, 5), base + 9.0),
            (1, 1, NaiveDate::from_ymd_opt(2026, 9, 14), base - 4.0),
        ];
        let mut scores = 0;
        for (u, g, date, level) in plan {
            let date = date.ok_or_else(|| anyhow::anyhow!("bad demo date"))?;
            let scope = (Some(unit(grid, u)?), Some(group(grid, g)?));
            scores += self.assessment_at(client_id, scope, date, level)?.0;
        }
        Ok((plan.len(), scores))
    }
}

/// The grid's `index`th business unit, which the demo's templates name.
fn unit(grid: &Grid, index: usize) -> anyhow::Result<String> {
    grid.units
        .get(index)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("the demo grid has no unit {index}"))
}

/// The grid's `index`th customer group.
fn group(grid: &Grid, index: usize) -> anyhow::Result<String> {
    grid.groups
        .get(index)
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("the demo grid has no group {index}"))
}
