//! The command line: `cmas [serve]`, `migrate`, `questionnaire check`, `demo`.

use crate::app::error::AppError;
use crate::app::file_problems::Rejected;
use crate::app::import::{self, CsvImport};
use crate::app::{bootstrap, csv_columns, demo, report_files, App};
use crate::config::Settings;
use crate::db::Database;
use crate::domain::questionnaire;
use crate::report::Paper;
use crate::startup::Application;
use crate::stats::{self, Method};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Debug, Parser)]
#[command(
    name = "cmas",
    version,
    about = "Customer-management assessments, scorecards and the portfolio study"
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the web service (the default).
    Serve {
        /// Load the demo portfolio first.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Questionnaire files.
    Questionnaire {
        #[command(subcommand)]
        command: QuestionnaireCommand,
    },
    /// Load the demo portfolio (idempotent) and print the demo logins.
    Demo {
        /// A portfolio of this many clients with 4 final assessments each
        /// (for load tests), instead of the standard 48.
        #[arg(long)]
        clients: Option<usize>,
    },
    /// Import business-performance data from CSV (all of a file or nothing).
    Import {
        #[command(subcommand)]
        command: ImportCommand,
    },
    /// Statistics on your own data.
    Stats {
        #[command(subcommand)]
        command: StatsCommand,
    },
    /// Reports.
    Report {
        #[command(subcommand)]
        command: ReportCommand,
    },
    /// Write a consistent copy of the SQLite database to FILE, safe while cmas serves.
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// Replace the SQLite database with a backup, once checked; stop every instance first.
    Restore { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// KPI values: a CSV with the header `client,kpi,period,value` (client and KPI by name).
    Kpis {
        file: PathBuf,
        /// The organisation's slug, e.g. `demo`.
        #[arg(long)]
        organisation: String,
    },
    /// Expert-panel ranks: a CSV with the header `panel,period,client,rank` (1 = best).
    Panels {
        file: PathBuf,
        #[arg(long)]
        organisation: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum StatsCommand {
    /// Correlate two columns of a CSV file (with a header row).
    Correlate {
        #[arg(long)]
        csv: PathBuf,
        /// Header of the first column.
        #[arg(long)]
        x: String,
        /// Header of the second column.
        #[arg(long)]
        y: String,
        #[arg(long, value_enum, default_value = "spearman")]
        method: Method,
        /// Print one JSON object: method, n, r, p_value, ci_low, ci_high, r_squared.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Render the scorecard of one assessment (PDF, or HTML when FILE ends in .html).
    Scorecard {
        #[arg(long)]
        assessment: i32,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "a4")]
        paper: Paper,
    },
    /// Render the steady-progress programme of a client (PDF, or HTML when FILE ends in .html).
    Programme {
        #[arg(long)]
        client: i32,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "a4")]
        paper: Paper,
    },
    /// Render the scorecard of every final assessment into a directory, in parallel.
    Scorecards {
        /// Every final assessment of every organisation.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "a4")]
        paper: Paper,
    },
}

#[derive(Debug, Subcommand)]
pub enum QuestionnaireCommand {
    /// Check a questionnaire file; prints every problem with line and column.
    Check { file: PathBuf },
}

impl Cli {
    /// Runs the command; an error becomes one readable line and exit code 1 in `main`.
    pub fn run(self) -> anyhow::Result<()> {
        match self.command.unwrap_or(Command::Serve { demo: false }) {
            Command::Serve { demo } => serve(&self.settings, demo),
            Command::Migrate => {
                let db = Database::connect(&self.settings.database(), 1)?;
                crate::say!(
                    "database {} is up to date",
                    self.settings.database().redacted()
                );
                drop(db);
                Ok(())
            }
            Command::Questionnaire {
                command: QuestionnaireCommand::Check { file },
            } => check(&file),
            Command::Import { command } => {
                let db = Database::connect(&self.settings.database(), 2)?;
                let app = App::new(db, self.settings.session_lifetime());
                let (what, kind, file, organisation) = match command {
                    ImportCommand::Kpis { file, organisation } => {
                        ("KPI values", CsvImport::KpiValues, file, organisation)
                    }
                    ImportCommand::Panels { file, organisation } => {
                        ("panel ranks", CsvImport::PanelRanks, file, organisation)
                    }
                };
                let text = std::fs::read(&file)
                    .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
                let imported = import::into_organisation(&app, &organisation, kind, &text)
                    .map_err(|e| in_file(e, &file))?;
                crate::say!("imported {} {what}", imported.rows);
                Ok(())
            }
            Command::Backup { out } => {
                let contents = crate::app::backup::backup(&self.settings.database(), &out)?;
                crate::say!("backed up {contents} to {}", out.display());
                Ok(())
            }
            Command::Restore { file } => {
                let contents = crate::app::backup::restore(&self.settings.database(), &file)?;
                crate::say!(
                    "restored {contents} from {} into {}",
                    file.display(),
                    self.settings.database().redacted()
                );
                Ok(())
            }
            Command::Stats {
                command:
                    StatsCommand::Correlate {
                        csv,
                        x,
                        y,
                        method,
                        json,
                    },
            } => correlate_csv(&csv, &x, &y, method, json),
            Command::Report { command } => {
                let db = Database::connect(&self.settings.database(), 4)?;
                let app = App::new(db, self.settings.session_lifetime());
                match command {
                    ReportCommand::Scorecard {
                        assessment,
                        out,
                        paper,
                    } => report_files::one(&app, assessment, &out, paper),
                    ReportCommand::Programme { client, out, paper } => {
                        report_files::programme(&app, client, &out, paper)
                    }
                    ReportCommand::Scorecards { all, out, paper } => {
                        if !all {
                            anyhow::bail!(
                                "say which scorecards: --all renders every final assessment"
                            );
                        }
                        report_files::all(&app, &out, paper)
                    }
                }
            }
            Command::Demo { clients } => {
                let db = Database::connect(&self.settings.database(), 2)?;
                bootstrap::run(&db, &self.settings)?;
                load_demo(&db, clients)
            }
        }
    }
}

fn serve(settings: &Settings, with_demo: bool) -> anyhow::Result<()> {
    let app = Application::build(settings)?;
    if with_demo {
        load_demo(app.database(), None)?;
    }
    let address = app.address();
    tracing::info!(%address, database = %settings.database().redacted(), "cmas is serving");
    crate::say!("cmas is serving on http://{address}");
    actix_web::rt::System::new().block_on(app.serve())?;
    Ok(())
}

fn load_demo(db: &Database, clients: Option<usize>) -> anyhow::Result<()> {
    if clients == Some(0) {
        anyhow::bail!("--clients must be at least 1");
    }
    let started = std::time::Instant::now();
    let summary = demo::load_sized(db, clients)?;
    if summary.created {
        crate::say!(
            "demo: loaded {} clients, {} final assessments, {} scores into \"{}\" in {:.1} s",
            summary.clients,
            summary.assessments,
            summary.scores,
            demo::ORGANISATION,
            started.elapsed().as_secs_f64()
        );
    } else {
        crate::say!(
            "demo: already loaded ({} clients, {} assessments)",
            summary.clients,
            summary.assessments
        );
    }
    crate::say!("demo logins:");
    for (email, name, role, password) in demo::USERS {
        crate::say!("  {email:<24} {password:<22} {role:<18} {name}");
    }
    Ok(())
}

fn correlate_csv(file: &Path, x: &str, y: &str, method: Method, json: bool) -> anyhow::Result<()> {
    let columns = csv_columns::numeric_columns(file, &[x, y])?;
    let result = stats::correlate(&columns[0], &columns[1], method, 0.95)
        .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    if json {
        crate::say!("{}", serde_json::to_string(&result)?);
    } else {
        crate::say!(
            "{method:?} r = {:.4} (95% CI {:.4} to {:.4}), p = {:.3e}, r² = {:.4}, n = {}",
            result.r,
            result.ci_low,
            result.ci_high,
            result.p_value,
            result.r_squared,
            result.n
        );
    }
    Ok(())
}

/// A refused import as `file:row:column: message`, the way compilers point
/// at a place, and how many more problems there are.
fn in_file(error: AppError, file: &Path) -> anyhow::Error {
    match error {
        AppError::Rejected(Rejected(flaws)) => {
            let more = match flaws.len() {
                0 | 1 => String::new(),
                2 => " (and 1 more problem)".to_owned(),
                n => format!(" (and {} more problems)", n - 1),
            };
            match flaws.first() {
                Some(first) => anyhow::anyhow!(
                    "{}:{}: {}{more}",
                    file.display(),
                    first
                        .position
                        .map_or_else(|| "1:1".to_owned(), |(r, c)| format!("{r}:{c}")),
                    first.message
                ),
                None => anyhow::anyhow!("{}: refused", file.display()),
            }
        }
        missing @ AppError::NotFound(_) => missing.into(),
        other => anyhow::Error::new(other).context(file.display().to_string()),
    }
}

fn check(file: &PathBuf) -> anyhow::Result<()> {
    let source = std::fs::read_to_string(file)
        .map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
    match questionnaire::load(&file.display().to_string(), &source) {
        Ok(q) => {
            crate::say!(
                "{}: ok: {} {} with {} areas and {} questions (content hash {})",
                file.display(),
                q.id,
                q.version,
                q.areas.len(),
                q.question_count(),
                bootstrap::short(&q.content_hash())
            );
            Ok(())
        }
        Err(errors) => {
            eprintln!("{errors}");
            Err(anyhow::anyhow!(
                "{}: {} problem(s)",
                file.display(),
                errors.problems.len()
            ))
        }
    }
}
