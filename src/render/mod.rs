//! Laying out the report model: charts, the PDF and the HTML page.

pub mod chart;
pub mod font;
pub mod html;
pub mod pdf;
pub mod programme;
pub mod study;
pub mod table;
