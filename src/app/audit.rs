//! The audit trail: every recorded change, with who made it, before and after.

/// An audit event as stored and shown.
pub use crate::db::audit::AuditEvent;
