//! The `cmas` binary: logging, the command line, and one readable line on failure.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = cmas::cli::Cli::parse();
    cmas::telemetry::init(&cli.log);
    match cli.run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cmas: {e:#}");
            ExitCode::FAILURE
        }
    }
}
