//! Layout only: the report models laid out as PDF (`pdf`), standalone HTML
//! (`html`, handlebars templates under `reports/`), charts (`chart`, the same
//! drawing for PDF and SVG) and tables as CSV and XLSX (`table`). Imports
//! only `report`, `domain` and `stats`.

pub mod chart;
pub mod comparison;
pub mod cover;
pub mod docx;
pub mod figures;
pub mod font;
pub mod html;
pub mod pdf;
pub mod programme;
pub mod qr;
pub mod scorecard;
pub mod study;
pub mod table;
