//! The KPI values importer against the demo portfolio's names.
#![no_main]

#[path = "demo_database.rs"]
mod demo_database;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    demo_database::import(data, cmas::app::import::CsvImport::KpiValues);
});
