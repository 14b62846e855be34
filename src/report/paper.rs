//! The paper a PDF is laid out on.

/// A paper size; the PDF renderer knows its dimensions.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, clap::ValueEnum, utoipa::ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    A4,
    Letter,
}
