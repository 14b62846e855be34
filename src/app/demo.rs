//! The demo portfolio: one consultancy, 48 clients in six sectors, 2–4 final
//! assessments each by 2–3 assessors, with scores distributed like the field
//! (an average company near 35% of best practice, the best near 67%, the
//! worst near 17%; areas not all alike). Deterministic and idempotent.

use super::bootstrap::{bundled, import_all};
use super::listing::search_key;
use super::results;
use crate::auth::hash_password;
use crate::db::assessments::{Assessment, NewAssessment};
use crate::db::clients::{Client, NewClient};
use crate::db::organisations::Organisation;
use crate::db::questionnaires::{Import, StoredQuestionnaire};
use crate::db::result_summaries;
use crate::db::scores::ScoreRow;
use crate::db::users::{NewUser, User};
use crate::db::{AnyConnection, Database};
use crate::domain::assessment::Status;
use crate::domain::i18n::Language;
use crate::domain::ids::{OrganisationId, UserId};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::role::{Caller, Role};
use crate::domain::scoring::Results;
use diesel::QueryResult;
use rand::{seq::SliceRandom, Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use statrs::distribution::{ContinuousCDF, Normal};

mod answers;
mod branding;
mod operator;
mod plans;
mod programmes;

pub use operator::OPERATOR;

/// The name of the demo's consultancy, the organisation it creates.
pub const ORGANISATION: &str = "Northbridge Consulting";
const SLUG: &str = "demo";

/// The demo users and their passwords, printed by `cmas demo`.
pub const USERS: &[(&str, &str, Role, &str)] = &[
    (
        "admin@demo.cmas",
        "Ada Admin",
        Role::Admin,
        "demo-admin-pass",
    ),
    (
        "consultant@demo.cmas",
        "Carla Consultant",
        Role::Consultant,
        "demo-consultant-pass",
    ),
    (
        "bruno@demo.cmas",
        "Bruno Berger",
        Role::Consultant,
        "demo-consultant-pass",
    ),
    (
        "dana@demo.cmas",
        "Dana Doyle",
        Role::Consultant,
        "demo-consultant-pass",
    ),
    (
        "executive@demo.cmas",
        "Evan Executive",
        Role::Executive,
        "demo-executive-pass",
    ),
    (
        "programme@demo.cmas",
        "Priya Programme",
        Role::ProgrammeManager,
        "demo-programme-pass",
    ),
];

const SECTORS: &[(&str, &[&str])] = &[
    (
        "Retail banking",
        &[
            "Harbour",
            "Crown",
            "Meridian",
            "Lakeside",
            "Northgate",
            "Summit",
            "Pioneer",
            "Keystone",
        ],
    ),
    (
        "Insurance",
        &[
            "Anchor",
            "Beacon",
            "Sentinel",
            "Guardian",
            "Evergreen",
            "Bastion",
            "Haven",
            "Oakline",
        ],
    ),
    (
        "Telecoms",
        &[
            "Signal", "Vertex", "Nimbus", "Relay", "Orbit", "Pulse", "Arc", "Lumen",
        ],
    ),
    (
        "Utilities",
        &[
            "Riverside",
            "Granite",
            "Cascade",
            "Ember",
            "Tideway",
            "Hearth",
            "Solace",
            "Fenland",
        ],
    ),
    (
        "Retail",
        &[
            "Marketplace",
            "Corner",
            "Larder",
            "Atlas",
            "Foundry",
            "Parade",
            "Mosaic",
            "Junction",
        ],
    ),
    (
        "Travel & leisure",
        &[
            "Voyager",
            "Compass",
            "Horizon",
            "Wayfarer",
            "Skyline",
            "Harbourlight",
            "Trailhead",
            "Meadow",
        ],
    ),
];

const SUFFIX: &[(&str, &str)] = &[
    ("Retail banking", "Bank"),
    ("Insurance", "Insurance"),
    ("Telecoms", "Telecom"),
    ("Utilities", "Energy"),
    ("Retail", "Stores"),
    ("Travel & leisure", "Travel"),
];

/// How each area tends to sit against the company's overall maturity, in points:
/// technology ahead of its use, experience research and measurement behind.
pub(super) const AREA_OFFSET: &[(&str, f64)] = &[
    ("AP", 0.0),
    ("PR", 3.0),
    ("PO", -2.0),
    ("IT", 8.0),
    ("PM", 2.0),
    ("CMA", -3.0),
    ("CX", -6.0),
    ("ME", -5.0),
];

/// The `index`th of `items`, round and round (the demo's varied details).
fn pick<T: Copy + Default>(items: &[T], index: usize) -> T {
    items.iter().cycle().nth(index).copied().unwrap_or_default()
}

/// What loading the demo did, for `cmas demo` to report.
pub struct Summary {
    /// Whether this run created the demo; false when it was there already.
    pub created: bool,
    /// The demo's clients.
    pub clients: usize,
    /// Its assessments (all final when just created).
    pub assessments: usize,
    /// The answers written by this run; 0 when the demo was there already.
    pub scores: usize,
}

/// Loads the demo portfolio (48 clients) unless it is there already.
pub fn load(db: &Database) -> anyhow::Result<Summary> {
    load_sized(db, None)
}

/// Loads the demo portfolio with `clients` clients (4 final assessments
/// each) instead of the standard 48 (2–4 each), unless a demo is there already.
pub fn load_sized(db: &Database, clients: Option<usize>) -> anyhow::Result<Summary> {
    let mut versions = bundled()?.into_iter();
    let (Some(questionnaire), Some(later)) = (versions.next(), versions.next()) else {
        anyhow::bail!("the demo needs both bundled questionnaire versions");
    };
    let hashes = USERS
        .iter()
        .map(|(_, _, _, password)| hash_password(password))
        .collect::<anyhow::Result<Vec<_>>>()?;
    db.write(|conn| -> anyhow::Result<Summary> {
        if let Some(org) = Organisation::find_by_slug(conn, SLUG)? {
            let caller = Caller {
                user_id: UserId(0),
                organisation_id: OrganisationId(org.id),
                role: Role::Admin,
            };
            return Ok(Summary {
                created: false,
                clients: Client::list_visible(conn, &caller)?.len(),
                assessments: Assessment::list_visible(conn, &caller, &Default::default())?.len(),
                scores: 0,
            });
        }
        let org = Organisation::create(conn, ORGANISATION, SLUG)?;
        operator::ensure(conn)?;
        import_all(conn, org.id, &[questionnaire.clone(), later.clone()])?;
        let Import::AlreadyPresent(stored) =
            StoredQuestionnaire::import(conn, org.id, &questionnaire)?
        else {
            anyhow::bail!("the demo questionnaire was not imported");
        };
        let users = USERS
            .iter()
            .zip(&hashes)
            .map(|((email, name, role, _), hash)| {
                User::create(
                    conn,
                    NewUser {
                        organisation_id: org.id,
                        email,
                        name,
                        role: *role,
                        password_hash: hash,
                    },
                )
            })
            .collect::<QueryResult<Vec<_>>>()?;
        if let Some(admin) = users.iter().find(|u| u.role() == Role::Admin) {
            branding::brand(conn, org.id, admin.id)?;
        }
        Portfolio {
            conn,
            rng: ChaCha8Rng::seed_from_u64(20261123),
            questionnaire: &questionnaire,
            later: &later,
            questionnaire_id: stored.id,
            caller: users
                .first()
                .ok_or_else(|| anyhow::anyhow!("the demo has no users"))?
                .caller(),
            consultants: users
                .iter()
                .filter(|u| u.role() == Role::Consultant)
                .map(|u| u.id)
                .collect(),
            attached: users
                .iter()
                .filter(|u| !u.role().is_staff())
                .map(|u| u.id)
                .collect(),
            latest: Vec::new(),
            size: clients,
        }
        .build()
    })
    .and_then(|summary| {
        if summary.created {
            db.refresh_statistics()?;
        }
        Ok(summary)
    })
}

struct Portfolio<'a> {
    conn: &'a mut AnyConnection,
    rng: ChaCha8Rng,
    questionnaire: &'a Questionnaire,
    /// The bundled questionnaire's next version, for one re-assessment.
    later: &'a Questionnaire,
    questionnaire_id: i32,
    caller: Caller,
    consultants: Vec<i32>,
    /// The executive and the programme manager: attached to a few clients.
    attached: Vec<i32>,
    /// Each client's latest results, from which business performance is made.
    latest: Vec<(i32, Results)>,
    /// A portfolio of this many clients with 4 assessments each, instead of the standard one.
    size: Option<usize>,
}

impl Portfolio<'_> {
    fn build(mut self) -> anyhow::Result<Summary> {
        let mut summary = Summary {
            created: true,
            clients: 0,
            assessments: 0,
            scores: 0,
        };
        let standard: Vec<(&str, String)> = SECTORS
            .iter()
            .flat_map(|(sector, names)| {
                let suffix = SUFFIX
                    .iter()
                    .find(|(s, _)| s == sector)
                    .map_or("Group", |(_, x)| x);
                names
                    .iter()
                    .map(move |n| (*sector, format!("{n} {suffix}")))
            })
            .collect();
        // A bigger portfolio repeats the names with a number: "Anchor Bank 2".
        let clients: Vec<(&str, String)> = match self.size {
            None => standard,
            Some(n) => (0..n)
                .zip(standard.iter().cycle())
                .map(|(i, (sector, name))| match i / standard.len() {
                    0 => (*sector, name.clone()),
                    k => (*sector, format!("{name} {}", k + 1)),
                })
                .collect(),
        };
        let maturities = self.maturities(clients.len());
        // The most mature client of each sector runs a steady-progress programme.
        let mut leaders: Vec<(i32, &str, f64)> = Vec::new();
        for (index, ((sector, name), maturity)) in clients.iter().zip(maturities).enumerate() {
            let client = Client::create(
                self.conn,
                self.caller.organisation_id.get(),
                NewClient {
                    name,
                    name_key: &search_key(name),
                    sector,
                    size_band: pick(
                        &[
                            "500–1,000 employees",
                            "1,000–5,000 employees",
                            "5,000+ employees",
                        ],
                        index,
                    ),
                    region: pick(
                        &[
                            "UK & Ireland",
                            "DACH",
                            "Benelux",
                            "Nordics",
                            "Southern Europe",
                        ],
                        index,
                    ),
                    // The DACH clients read their reports in German.
                    report_language: if pick(&[false, true, false, false, false], index) {
                        Language::De
                    } else {
                        Language::En
                    },
                },
            )?;
            if index % 8 == 0 {
                for &user in &self.attached {
                    Client::attach(self.conn, client.id, user)?;
                }
            }
            summary.clients += 1;
            let rounds = match self.size {
                Some(_) => 4,
                None => self.rng.gen_range(2..=4),
            };
            let mut latest = None;
            for round in 0..rounds {
                let (count, finished) = self.assessment(client.id, maturity, round, rounds)?;
                summary.scores += count;
                summary.assessments += 1;
                latest = Some(finished);
            }
            if let Some(finished) = latest {
                self.latest.push((client.id, finished));
            }
            match leaders.iter_mut().find(|(_, s, _)| s == sector) {
                Some(leader) if leader.2 >= maturity => {}
                Some(leader) => *leader = (client.id, sector, maturity),
                None => leaders.push((client.id, sector, maturity)),
            }
        }
        super::demo_performance::load(
            self.conn,
            self.caller.organisation_id.get(),
            &self.latest,
            &mut self.rng,
        )?;
        // Last, so the performance data above stays what it was before programmes.
        let (assessments, scores) = self.programmes(&leaders)?;
        summary.assessments += assessments;
        summary.scores += scores;
        // The loop from plan to re-assessment, for the first programme's client.
        if let Some(&(client_id, _, _)) = leaders.first() {
            let (earlier, later) = (self.questionnaire, self.later);
            let (assessments, scores) = self.plans(client_id, (earlier, later))?;
            summary.assessments += assessments;
            summary.scores += scores;
        }
        Ok(summary)
    }

    /// Overall maturity per client (0–1): skewed like the field, from about
    /// 0.17 to 0.67 around a typical 0.35.
    fn maturities(&mut self, n: usize) -> Vec<f64> {
        let standard_normal = Normal::standard();
        let mut m: Vec<f64> = (0..n)
            .map(|i| {
                let q = (i as f64 + 0.5) / n as f64;
                let z = standard_normal.inverse_cdf(q);
                let spread = if z < 0.0 { 0.078 } else { 0.145 };
                (0.335 + spread * z).clamp(0.15, 0.70)
            })
            .collect();
        m.shuffle(&mut self.rng);
        m
    }

    /// One final assessment, `round` of `rounds`, with its scores; returns the score count.
    fn assessment(
        &mut self,
        client_id: i32,
        maturity: f64,
        round: i32,
        rounds: i32,
    ) -> anyhow::Result<(usize, Results)> {
        let years_back = rounds - 1 - round;
        let date = chrono::NaiveDate::from_ymd_opt(
            2026 - years_back,
            1 + self.rng.gen_range(0..10),
            1 + self.rng.gen_range(0..27),
        )
        .ok_or_else(|| anyhow::anyhow!("bad demo date"))?;
        // Companies improve a little between assessments.
        let level = (maturity - 0.035 * f64::from(years_back)).max(0.08) * 100.0;
        self.assessment_at(client_id, (None, None), date, level)
    }

    /// One final assessment of a scope (business unit, customer group) on
    /// `date`, scored around `level` %; returns the score count and results.
    fn assessment_at(
        &mut self,
        client_id: i32,
        (business_unit, customer_group): (Option<String>, Option<String>),
        date: chrono::NaiveDate,
        level: f64,
    ) -> anyhow::Result<(usize, Results)> {
        let mut team = self.consultants.clone();
        team.shuffle(&mut self.rng);
        team.truncate(self.rng.gen_range(2..=3));
        let assessment = Assessment::create(
            self.conn,
            &self.caller,
            NewAssessment {
                client_id,
                questionnaire_id: self.questionnaire_id,
                assessment_date: date,
                business_unit,
                product: None,
                customer_group,
                lead_assessor_id: *team
                    .first()
                    .ok_or_else(|| anyhow::anyhow!("an assessment needs a team"))?,
            },
        )?;
        for &user in &team {
            Assessment::add_assessor(self.conn, assessment.id, user)?;
        }
        let answers = answers::of(
            &mut self.rng,
            self.questionnaire,
            assessment.id,
            level,
            &team,
        );
        let count = answers.len();
        ScoreRow::insert_batch(self.conn, answers)?;
        let finished = results::load(self.conn, &assessment, self.questionnaire)?;
        Assessment::set_status(self.conn, assessment.id, assessment.version, Status::Final)?;
        result_summaries::store(self.conn, assessment.id, &finished)?;
        Ok((count, finished))
    }
}
