//! The keys each table of the questionnaire format allows; any other is
//! reported, so a typo never passes silently.

pub(super) const TOP_KEYS: &[&str] = &[
    "id",
    "version",
    "replaces",
    "title",
    "description",
    "scale",
    "areas",
    "map",
];
pub(super) const SCALE_KEYS: &[&str] = &["min", "max", "intention", "reality", "intention_weight"];
pub(super) const AREA_KEYS: &[&str] = &["id", "name", "weight", "description", "sub_areas"];
pub(super) const SUB_AREA_KEYS: &[&str] = &["id", "name", "weight", "description", "questions"];
pub(super) const QUESTION_KEYS: &[&str] = &["id", "practice", "weight", "guidance"];
pub(super) const GUIDANCE_KEYS: &[&str] = &["low", "middle", "high"];
