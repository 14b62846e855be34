//! The paper a PDF is laid out on; `render::pdf::paper_size` knows its
//! width and height in points.

/// Paper sizes in points.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, clap::ValueEnum, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
    Letter,
}
