//! Reports written to files from the command line: one scorecard or
//! programme, or every final assessment's scorecard in parallel across the
//! cores. The command line acts as the operator: an admin of whichever
//! organisation the record belongs to.

use super::documents::{Asked, Document, Layout};
use super::App;
use crate::db::assessments::Assessment;
use crate::db::clients::Client;
use crate::db::programmes::Programme;
use crate::domain::ids::{AssessmentId, ClientId, OrganisationId, UserId};
use crate::domain::role::{Caller, Role};
use crate::report::Paper;
use anyhow::Context;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// The operator's view: full access within one organisation.
fn operator(organisation_id: i32) -> Caller {
    Caller {
        user_id: UserId(0),
        organisation_id: OrganisationId(organisation_id),
        role: Role::Admin,
    }
}

/// The scorecard of assessment `id`, whatever its organisation.
fn scorecard(
    app: &App,
    id: AssessmentId,
    layout: Layout,
    asked: Asked,
) -> anyhow::Result<Document> {
    let organisation_id = app
        .db
        .read(|conn| anyhow::Ok(Assessment::organisation_of(conn, id.get())?))?
        .ok_or_else(|| anyhow::anyhow!("there is no assessment {id}"))?;
    Ok(super::scorecard::scorecard(
        app,
        &operator(organisation_id),
        id,
        layout,
        asked,
    )?)
}

/// Writes a file whole or not at all: a temporary file renamed into place.
fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))
}

/// Renders the scorecard of one assessment (PDF, or HTML or Word when `out`
/// ends in .html or .docx).
pub fn one(
    app: &App,
    id: AssessmentId,
    out: &Path,
    paper: Paper,
    asked: Asked,
) -> anyhow::Result<()> {
    let document = scorecard(app, id, Layout::for_path(out, paper), asked)?;
    write_atomically(out, &document.bytes)?;
    crate::say!(
        "{}: scorecard of assessment {id}, {} edition",
        out.display(),
        asked.edition.unwrap_or_default().name()
    );
    Ok(())
}

/// Renders the programme of a client (PDF, or HTML or Word when `out` ends
/// in .html or .docx).
pub fn programme(
    app: &App,
    client_id: ClientId,
    out: &Path,
    paper: Paper,
    asked: Asked,
) -> anyhow::Result<()> {
    let (organisation_id, id) = app.db.read(|conn| {
        let organisation_id = Client::organisation_of(conn, client_id.get())?
            .ok_or_else(|| anyhow::anyhow!("there is no client {client_id}"))?;
        let programme = Programme::find_for_client(conn, client_id.get())?
            .ok_or_else(|| anyhow::anyhow!("client {client_id} has no programme"))?;
        anyhow::Ok((organisation_id, programme.id))
    })?;
    let layout = Layout::for_path(out, paper);
    let rendered =
        super::programmes::report::document(app, &operator(organisation_id), id, layout, asked)?;
    write_atomically(out, &rendered.document.bytes)?;
    crate::say!(
        "{}: programme of client {client_id} ({}, {} projects)",
        out.display(),
        rendered.client,
        rendered.projects
    );
    Ok(())
}

/// Renders the comparison of two final assessments of one client and scope
/// (PDF, or HTML or Word when `out` ends in .html or .docx).
pub fn comparison(
    app: &App,
    (one, other): (AssessmentId, AssessmentId),
    out: &Path,
    paper: Paper,
    asked: Asked,
) -> anyhow::Result<()> {
    let organisation_id = app
        .db
        .read(|conn| anyhow::Ok(Assessment::organisation_of(conn, one.get())?))?
        .ok_or_else(|| anyhow::anyhow!("there is no assessment {one}"))?;
    let layout = Layout::for_path(out, paper);
    let document =
        super::comparison::document(app, &operator(organisation_id), (one, other), layout, asked)?;
    write_atomically(out, &document.bytes)?;
    crate::say!(
        "{}: assessment {one} compared with assessment {other}",
        out.display()
    );
    Ok(())
}

/// Renders every final assessment in `layout`; prints progress on a terminal.
pub fn all(app: &App, dir: &Path, layout: Layout) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let ids = app
        .db
        .read(|conn| anyhow::Ok(Assessment::all_finals(conn)?))?;
    let started = std::time::Instant::now();
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
                while let Some(&(id, organisation_id)) =
                    ids.get(next.fetch_add(1, Ordering::Relaxed))
                {
                    let caller = operator(organisation_id);
                    let id = AssessmentId(id);
                    let result =
                        super::scorecard::scorecard(app, &caller, id, layout, Asked::default())
                            .map_err(anyhow::Error::from)
                            .and_then(|document| {
                                // One file per assessment, named by its id: two
                                // assessments of a client on one day stay apart.
                                write_atomically(
                                    &dir.join(format!("scorecard-{id}.{}", layout.extension())),
                                    &document.bytes,
                                )
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
