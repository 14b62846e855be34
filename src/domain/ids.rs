//! The ids that must not be mixed up where they cross layers: an
//! organisation's, a user's, a client's and an assessment's. Each wraps the
//! stored integer, reads and writes as that integer in JSON, and is unwrapped
//! only where a query needs the number.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id {
    ($name:ident, $what:literal) => {
        #[doc = concat!("The id of ", $what, ".")]
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i32);

        impl $name {
            /// The stored integer.
            pub fn get(self) -> i32 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id!(OrganisationId, "an organisation");
id!(UserId, "a user");
id!(ClientId, "a client");
id!(AssessmentId, "an assessment");
