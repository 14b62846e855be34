//! The command line, an adapter like the web: each subcommand reads its
//! arguments (and only the settings it uses), calls the app and prints one
//! line. `cmas` alone serves.

mod questionnaire_check;
mod report;
mod stats;
mod tenancy;

use crate::app::error::AppError;
use crate::app::file_problems::Rejected;
use crate::app::import::{self, CsvImport};
use crate::app::{bootstrap, demo, App};
use crate::config::{DatabaseSettings, FirstStart, ServerSettings};
use crate::startup::Application;
use clap::{Parser, Subcommand};
pub use report::ReportCommand;
pub use stats::StatsCommand;
use std::path::{Path, PathBuf};
pub use tenancy::{OperatorCommand, OrganisationCommand};

#[derive(Debug, Parser)]
#[command(
    name = "cmas",
    version,
    about = "Customer-management assessments, scorecards and the portfolio study"
)]
pub struct Cli {
    /// Log filter, e.g. `info`, `cmas=debug,actix_web=info`.
    #[arg(long, env = "CMAS_LOG", default_value = "info", global = true)]
    pub log: String,

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
        #[command(flatten)]
        settings: ServerSettings,
    },
    /// Apply pending database migrations and exit.
    Migrate {
        #[command(flatten)]
        database: DatabaseSettings,
    },
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
        #[command(flatten)]
        database: DatabaseSettings,
        #[command(flatten)]
        first_start: FirstStart,
    },
    /// Import business-performance data from CSV (all of a file or nothing).
    Import {
        #[command(subcommand)]
        command: ImportCommand,
        #[command(flatten)]
        database: DatabaseSettings,
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
        #[command(flatten)]
        database: DatabaseSettings,
    },
    /// Platform operators, who administer organisations.
    Operator {
        #[command(subcommand)]
        command: OperatorCommand,
    },
    /// The organisations (consultancies) of this deployment.
    Organisation {
        #[command(subcommand)]
        command: OrganisationCommand,
    },
    /// Write a consistent copy of the SQLite database to FILE, safe while cmas serves.
    Backup {
        /// The file to write; it must not exist.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        database: DatabaseSettings,
    },
    /// Replace the SQLite database with a backup, once checked; stop every instance first.
    Restore {
        /// The backup to restore.
        file: PathBuf,
        #[command(flatten)]
        database: DatabaseSettings,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// KPI values: a CSV with the header `client,kpi,period,value` (client and KPI by name).
    Kpis {
        /// The CSV file.
        file: PathBuf,
        /// The organisation's slug, e.g. `demo`.
        #[arg(long)]
        organisation: String,
    },
    /// Expert-panel ranks: a CSV with the header `panel,period,client,rank` (1 = best).
    Panels {
        /// The CSV file.
        file: PathBuf,
        /// The organisation's slug, e.g. `demo`.
        #[arg(long)]
        organisation: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum QuestionnaireCommand {
    /// Check a questionnaire file; prints every problem with line and column.
    Check {
        /// The questionnaire file (TOML).
        file: PathBuf,
    },
}

impl Cli {
    /// Runs the command; an error becomes one readable line and exit code 1 in `main`.
    pub fn run(self) -> anyhow::Result<()> {
        let command = self.command.unwrap_or_else(|| Command::Serve {
            demo: false,
            settings: ServerSettings::from_env(),
        });
        match command {
            Command::Serve { demo, settings } => serve(&settings, demo),
            Command::Migrate { database } => {
                App::open(&database, 1)?;
                crate::say!("database {} is up to date", database.url().redacted());
                Ok(())
            }
            Command::Questionnaire {
                command: QuestionnaireCommand::Check { file },
            } => questionnaire_check::check(&file),
            Command::Import { command, database } => {
                let app = App::open(&database, 2)?;
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
            Command::Operator { command } => tenancy::operator(command),
            Command::Organisation { command } => tenancy::organisation(command),
            Command::Backup { out, database } => {
                let contents = crate::app::backup::backup(&database.url(), &out)?;
                crate::say!("backed up {contents} to {}", out.display());
                Ok(())
            }
            Command::Restore { file, database } => {
                let contents = crate::app::backup::restore(&database.url(), &file)?;
                crate::say!(
                    "restored {contents} from {} into {}",
                    file.display(),
                    database.url().redacted()
                );
                Ok(())
            }
            Command::Stats { command } => stats::run(command),
            Command::Report { command, database } => {
                let app = App::open(&database, 4)?;
                report::run(&app, command)
            }
            Command::Demo {
                clients,
                database,
                first_start,
            } => {
                let app = App::open(&database, 2)?;
                bootstrap::run(&app.db, &first_start)?;
                load_demo(&app, clients)
            }
        }
    }
}

fn serve(settings: &ServerSettings, with_demo: bool) -> anyhow::Result<()> {
    let server = Application::build(settings)?;
    if with_demo {
        load_demo(server.app(), None)?;
    }
    let address = server.address();
    let database = settings.database.url().redacted();
    tracing::info!(%address, %database, "cmas is serving");
    crate::say!("cmas is serving on http://{address}");
    actix_web::rt::System::new().block_on(server.serve())?;
    Ok(())
}

fn load_demo(app: &App, clients: Option<usize>) -> anyhow::Result<()> {
    if clients == Some(0) {
        anyhow::bail!("--clients must be at least 1");
    }
    let started = std::time::Instant::now();
    let summary = demo::load_sized(&app.db, clients)?;
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
    let (operator, password) = demo::OPERATOR;
    crate::say!(
        "  {operator:<24} {password:<22} {:<18} (POST /api/v1/operator/tokens)",
        "platform operator"
    );
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
