//! What an API token may be used for. A token acts for its owner, and its
//! scope narrows that further: a script that only reads cannot change
//! anything even if its token leaks.

use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// How far a token reaches within what its owner's role allows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TokenScope {
    /// Reads only: any request that changes data is refused.
    Read,
    /// Reads, and does the fieldwork of assessments: scores, evidence,
    /// interviews and notes; nothing else changes.
    Scoring,
    /// Everything the owner's role allows (tokens made before scopes existed).
    #[default]
    Admin,
}

/// What a request does, as far as a token's scope cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// It only reads.
    Reads,
    /// It changes the fieldwork of an assessment.
    Scores,
    /// It changes anything else.
    Changes,
}

impl TokenScope {
    /// Every scope, narrowest first.
    pub const ALL: [TokenScope; 3] = [TokenScope::Read, TokenScope::Scoring, TokenScope::Admin];

    /// The scope as the API and the database spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenScope::Read => "read",
            TokenScope::Scoring => "scoring",
            TokenScope::Admin => "admin",
        }
    }

    /// Whether a token of this scope may make a request of this reach.
    pub fn allows(self, reach: Reach) -> bool {
        match self {
            TokenScope::Read => reach == Reach::Reads,
            TokenScope::Scoring => reach != Reach::Changes,
            TokenScope::Admin => true,
        }
    }
}

impl fmt::Display for TokenScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TokenScope {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TokenScope::ALL
            .into_iter()
            .find(|scope| scope.as_str() == s)
            .ok_or_else(|| format!("unknown scope '{s}' (expected read, scoring or admin)"))
    }
}

/// Where a session is used from: the browser's User-Agent and the address.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Seen {
    /// The browser, as its User-Agent says.
    pub device: String,
    /// The caller's address.
    pub address: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_scope_reaches_only_as_far_as_it_says() {
        use Reach::*;
        let allowed = |scope: TokenScope| {
            [Reads, Scores, Changes]
                .into_iter()
                .filter(|reach| scope.allows(*reach))
                .collect::<Vec<_>>()
        };
        assert_eq!(allowed(TokenScope::Read), vec![Reads]);
        assert_eq!(allowed(TokenScope::Scoring), vec![Reads, Scores]);
        assert_eq!(allowed(TokenScope::Admin), vec![Reads, Scores, Changes]);
        for scope in TokenScope::ALL {
            assert_eq!(scope.as_str().parse::<TokenScope>(), Ok(scope));
        }
        assert!("root".parse::<TokenScope>().is_err());
    }
}
