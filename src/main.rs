//! The `cmas` binary: logging, the command line, and one readable line on failure.

use clap::Parser;
use std::process::ExitCode;

/// jemalloc, whose background thread hands memory freed after a burst back
/// to the system once it has been idle for its decay time (one second,
/// `.cargo/config.toml`).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
