//! Rendering scorecards from the command line: one, or every final
//! assessment in parallel across the cores.

use super::portfolio::PortfolioCache;
use super::scorecard;
use crate::db::assessments::Assessment;
use crate::db::questionnaires::QuestionnaireCache;
use crate::db::schema::assessments;
use crate::db::Database;
use crate::domain::assessment::Status;
use crate::domain::role::{Caller, Role};
use crate::render::pdf::{self, Paper};
use crate::report::Scorecard;
use anyhow::Context;
use diesel::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The operator's view: full access within the assessment's organisation.
fn operator(assessment: &Assessment) -> Caller {
    Caller {
        user_id: 0,
        organisation_id: assessment.organisation_id,
        role: Role::Admin,
    }
}

/// What every scorecard of a run shares: questionnaires and the portfolio.
#[derive(Default)]
struct Caches {
    questionnaires: QuestionnaireCache,
    portfolios: PortfolioCache,
}

fn load(db: &Database, caches: &Caches, id: i32) -> anyhow::Result<Scorecard> {
    let today = chrono::Utc::now().date_naive();
    db.read(|conn| -> anyhow::Result<Scorecard> {
        let assessment = assessments::table
            .find(id)
            .select(Assessment::as_select())
            .first(conn)
            .optional()?
            .ok_or_else(|| anyhow::anyhow!("there is no assessment {id}"))?;
        Ok(scorecard::load(
            conn,
            &caches.questionnaires,
            &caches.portfolios,
            &operator(&assessment),
            &assessment,
            today,
        )?)
    })
}

/// Writes a file whole or not at all: a temporary file renamed into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}

pub fn one(db: &Database, id: i32, out: &Path, paper: Paper) -> anyhow::Result<()> {
    let card = load(db, &Caches::default(), id)?;
    let html = out.extension().is_some_and(|e| e == "html");
    let bytes = if html {
        crate::render::html::scorecard(&card)?.into_bytes()
    } else {
        pdf::scorecard(&card, paper, chrono::Utc::now())?
    };
    write_atomically(out, &bytes)?;
    crate::say!(
        "{}: scorecard of assessment {id} ({})",
        out.display(),
        card.meta.client
    );
    Ok(())
}

/// Renders the programme of a client (PDF, or HTML when `out` ends in .html).
pub fn programme(db: &Database, client_id: i32, out: &Path, paper: Paper) -> anyhow::Result<()> {
    use crate::db::programmes::Programme;
    use crate::db::schema::clients;
    let today = chrono::Utc::now().date_naive();
    let report = db.read(
        |conn| -> anyhow::Result<crate::report::programme::ProgrammeReport> {
            let organisation_id: i32 = clients::table
                .find(client_id)
                .select(clients::organisation_id)
                .first(conn)
                .optional()?
                .ok_or_else(|| anyhow::anyhow!("there is no client {client_id}"))?;
            let programme = Programme::find_for_client(conn, client_id)?
                .ok_or_else(|| anyhow::anyhow!("client {client_id} has no programme"))?;
            let caller = Caller {
                user_id: 0,
                organisation_id,
                role: Role::Admin,
            };
            let cache = QuestionnaireCache::default();
            Ok(super::programme::report(
                conn, &cache, &caller, &programme, today,
            )?)
        },
    )?;
    let html = out.extension().is_some_and(|e| e == "html");
    let bytes = if html {
        crate::render::html::programme(&report)?.into_bytes()
    } else {
        pdf::programme(&report, paper, chrono::Utc::now())?
    };
    write_atomically(out, &bytes)?;
    crate::say!(
        "{}: programme of client {client_id} ({}, {} projects)",
        out.display(),
        report.client,
        report.projects.len()
    );
    Ok(())
}

/// Renders every final assessment; prints progress on a terminal.
pub fn all(db: &Database, dir: &Path, paper: Paper) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let ids: Vec<i32> = db.read(|conn| {
        assessments::table
            .filter(assessments::status.eq(Status::Final.as_str()))
            .order(assessments::id)
            .select(assessments::id)
            .load(conn)
            .map_err(anyhow::Error::from)
    })?;
    let started = std::time::Instant::now();
    let caches = Caches::default();
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let failures: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let progress = std::io::stderr().is_terminal();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(ids.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                while let Some(&id) = ids.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let result = load(db, &caches, id)
                        .and_then(|card| Ok(pdf::scorecard(&card, paper, chrono::Utc::now())?))
                        .and_then(|bytes| {
                            write_atomically(&dir.join(format!("scorecard-{id}.pdf")), &bytes)
                        });
                    if let Err(e) = result {
                        failures
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .push(format!("assessment {id}: {e:#}"));
                    }
                    let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                    if progress {
                        let width = 30 * finished / ids.len().max(1);
                        eprint!(
                            "\r[{}{}] {finished}/{}",
                            "#".repeat(width),
                            " ".repeat(30 - width),
                            ids.len()
                        );
                        let _ = std::io::stderr().flush();
                    }
                }
            });
        }
    });
    if progress {
        eprintln!();
    }
    let failures = failures.into_inner().unwrap_or_else(|p| p.into_inner());
    let elapsed = started.elapsed();
    crate::say!(
        "{}: {} scorecards in {:.2} s ({:.1} ms each, {workers} threads)",
        dir.display(),
        ids.len() - failures.len(),
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / ids.len().max(1) as f64
    );
    if let Some(first) = failures.first() {
        anyhow::bail!("{} scorecards failed; the first: {first}", failures.len());
    }
    Ok(())
}
