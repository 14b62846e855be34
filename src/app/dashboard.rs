//! The start of a session, by role: consultants see *My work* (what they
//! lead or score, and the next step of each); admins an overview of the
//! organisation (assessments by status, stale drafts, people without
//! activity); executives and programme managers a card per client (see
//! `client_cards`), and programme managers their programmes with what needs
//! attention.

use super::client_cards::{self, ChosenTrend, ClientCard};
use super::error::AppResult;
use super::fieldwork::{my_work, WorkItem};
use super::programmes::report::{attention, Attention};
use super::scorecard::scope_label;
use super::App;
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::users::User;
use crate::domain::assessment::Status;
use crate::domain::role::{Caller, Role};
use std::collections::HashMap;

/// An open assessment is stale after this many days untouched.
pub const STALE_DAYS: i64 = 30;
/// A person is idle after this many days without a login.
pub const IDLE_DAYS: i64 = 90;
/// Most stale assessments and idle people the overview lists.
const LISTED: i64 = 20;

/// What the caller starts with.
pub enum Home {
    /// Consultants: their work, and the organisation's counts.
    Consultant(StaffHome),
    /// Admins: their work, the counts, and what needs looking after.
    Admin(StaffHome, Overview),
    /// Executives and programme managers: their clients, and (for
    /// programme managers) their programmes.
    Client(ClientHome),
}

/// A consultant's or admin's start.
pub struct StaffHome {
    /// The open assessments they lead or score, and what is next.
    pub work: Vec<WorkItem>,
    /// The organisation's clients and assessments by status.
    pub counts: Counts,
}

/// The organisation's clients, and its assessments by status.
pub struct Counts {
    /// Clients.
    pub clients: i64,
    /// Assessments not yet scored.
    pub draft: i64,
    /// Being scored.
    pub in_progress: i64,
    /// Finalised.
    pub finals: i64,
}

/// What an admin looks after.
pub struct Overview {
    /// Open assessments untouched for [`STALE_DAYS`], the oldest first.
    pub stale: Vec<StaleAssessment>,
    /// Active people who never logged in or not for [`IDLE_DAYS`].
    pub idle: Vec<IdlePerson>,
}

/// An open assessment nobody has touched for a while.
pub struct StaleAssessment {
    /// Its id.
    pub id: i32,
    /// Its client.
    pub client: String,
    /// The part of the client it covers.
    pub scope: String,
    /// Draft or in progress.
    pub status: Status,
    /// Days since the last change.
    pub idle_days: i64,
}

/// A person without recent activity.
pub struct IdlePerson {
    /// Their id, for the users page.
    pub id: i32,
    /// Their name.
    pub name: String,
    /// Their role.
    pub role: Role,
    /// Their last login, if they ever logged in.
    pub last_login: Option<chrono::NaiveDateTime>,
}

/// An executive's or programme manager's start.
pub struct ClientHome {
    /// A card per client they see.
    pub cards: Vec<ClientCard>,
    /// One client's scores over time, with the lines they chose.
    pub trend: Option<ChosenTrend>,
    /// Their programmes with what needs attention (programme managers).
    pub programmes: Vec<Attention>,
}

/// The lines the trend chart shows: a client, and the areas (by id) besides
/// the overall score.
#[derive(Debug, Default, Clone)]
pub struct TrendChoice {
    /// The client whose trend is drawn; the first card's when absent.
    pub client_id: Option<i32>,
    /// The areas drawn beside the overall score.
    pub areas: Vec<String>,
}

/// What the caller starts with; `choice` picks the trend chart's lines.
pub fn home(app: &App, caller: &Caller, choice: &TrendChoice) -> AppResult<Home> {
    match caller.role {
        Role::Consultant => Ok(Home::Consultant(staff_home(app, caller)?)),
        Role::Admin => Ok(Home::Admin(
            staff_home(app, caller)?,
            overview(app, caller)?,
        )),
        Role::Executive | Role::ProgrammeManager => {
            let (cards, trend) = client_cards::cards(app, caller, choice)?;
            let programmes = if caller.role == Role::ProgrammeManager {
                app.read(|conn| attention(app, conn, caller))?
            } else {
                Vec::new()
            };
            Ok(Home::Client(ClientHome {
                cards,
                trend,
                programmes,
            }))
        }
    }
}

fn staff_home(app: &App, caller: &Caller) -> AppResult<StaffHome> {
    let counts = app.read(|conn| {
        Ok(Counts {
            clients: Client::count_visible(conn, caller)?,
            draft: Assessment::count_in(conn, caller, Status::Draft)?,
            in_progress: Assessment::count_in(conn, caller, Status::InProgress)?,
            finals: Assessment::count_in(conn, caller, Status::Final)?,
        })
    })?;
    Ok(StaffHome {
        work: my_work(app, caller)?,
        counts,
    })
}

fn overview(app: &App, caller: &Caller) -> AppResult<Overview> {
    let now = crate::db::now();
    let (stale, users, clients) = app.read(|conn| {
        let stale = Assessment::stale(
            conn,
            caller,
            now - chrono::Duration::days(STALE_DAYS),
            LISTED,
        )?;
        let ids: Vec<i32> = stale.iter().map(|a| a.client_id).collect();
        let clients: HashMap<i32, String> = Client::names_of(conn, caller, &ids)?;
        Ok((stale, User::list_in(conn, caller)?, clients))
    })?;
    let idle_since = now - chrono::Duration::days(IDLE_DAYS);
    let mut idle: Vec<IdlePerson> = users
        .into_iter()
        .filter(|u| u.active && u.last_login_at.is_none_or(|at| at < idle_since))
        .map(|u| IdlePerson {
            id: u.id,
            role: u.role(),
            name: u.name,
            last_login: u.last_login_at,
        })
        .collect();
    idle.sort_by_key(|p| p.last_login);
    idle.truncate(usize::try_from(LISTED).unwrap_or(0));
    Ok(Overview {
        stale: stale
            .iter()
            .map(|a| StaleAssessment {
                id: a.id,
                client: clients.get(&a.client_id).cloned().unwrap_or_default(),
                scope: scope_label(a),
                status: a.status(),
                idle_days: (now - a.updated_at).num_days(),
            })
            .collect(),
        idle,
    })
}
