//! `cmas report`: the reports written to files, one or all at once.

use crate::app::documents::{Asked, Layout};
use crate::app::{report_files, App};
use crate::domain::i18n::Language;
use crate::domain::ids::{AssessmentId, ClientId};
use crate::report::{Edition, Paper};
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// Render the scorecard of one assessment (PDF; HTML or Word when FILE ends in .html or .docx).
    Scorecard {
        /// The assessment's id.
        #[arg(long)]
        assessment: i32,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        choice: ReportChoice,
    },
    /// Render the comparison of two final assessments of one client and scope (PDF; HTML or Word when FILE ends in .html or .docx).
    Comparison {
        /// One assessment's id.
        #[arg(long)]
        assessment: i32,
        /// The other assessment's id; the earlier date is the earlier wave.
        #[arg(long)]
        with: i32,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        choice: ReportChoice,
    },
    /// Render the steady-progress programme of a client (PDF; HTML or Word when FILE ends in .html or .docx).
    Programme {
        /// The client's id.
        #[arg(long)]
        client: i32,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        choice: ReportChoice,
    },
    /// Render the scorecard of every final assessment into a directory, in parallel.
    Scorecards {
        /// Every final assessment of every organisation.
        #[arg(long)]
        all: bool,
        /// The directory to write them into.
        #[arg(long)]
        out: PathBuf,
        /// The PDFs' paper size.
        #[arg(long, value_enum, default_value = "a4")]
        paper: Paper,
        /// pdf, html or docx (Word).
        #[arg(long, value_enum, default_value = "pdf")]
        format: ReportFormat,
    },
}

/// How one report is laid out and for whom.
#[derive(Debug, clap::Args)]
pub struct ReportChoice {
    /// The PDF's paper size.
    #[arg(long, value_enum, default_value = "a4")]
    paper: Paper,
    /// For the client, or with everything for the consultancy.
    #[arg(long, value_enum, default_value = "client")]
    edition: Edition,
    /// The report's language; the client's when left out.
    #[arg(long, value_enum)]
    lang: Option<Language>,
}

impl ReportChoice {
    fn asked(&self) -> Asked {
        Asked {
            edition: Some(self.edition),
            language: self.lang,
        }
    }
}

/// The file format of a batch of reports.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ReportFormat {
    Pdf,
    Html,
    Docx,
}

/// Writes the reports `command` asks for.
pub fn run(app: &App, command: ReportCommand) -> anyhow::Result<()> {
    match command {
        ReportCommand::Scorecard {
            assessment,
            out,
            choice,
        } => report_files::one(
            app,
            AssessmentId(assessment),
            &out,
            choice.paper,
            choice.asked(),
        ),
        ReportCommand::Comparison {
            assessment,
            with,
            out,
            choice,
        } => report_files::comparison(
            app,
            (AssessmentId(assessment), AssessmentId(with)),
            &out,
            choice.paper,
            choice.asked(),
        ),
        ReportCommand::Programme {
            client,
            out,
            choice,
        } => report_files::programme(app, ClientId(client), &out, choice.paper, choice.asked()),
        ReportCommand::Scorecards {
            all,
            out,
            paper,
            format,
        } => {
            if !all {
                anyhow::bail!("say which scorecards: --all renders every final assessment");
            }
            let layout = match format {
                ReportFormat::Pdf => Layout::Pdf(paper),
                ReportFormat::Html => Layout::Html,
                ReportFormat::Docx => Layout::Docx,
            };
            report_files::all(app, &out, layout)
        }
    }
}
