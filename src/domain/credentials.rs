//! What an API token may be used for. A token acts for its owner, and its
//! scope narrows that further: a script that only reads cannot change
//! anything even if its token leaks.

use super::role::Role;
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

/// Who in an organisation must sign in with a second factor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TwoFactorPolicy {
    /// Nobody must; each person may.
    #[default]
    Optional,
    /// Admins must.
    Admins,
    /// Everyone with a password must.
    Everyone,
}

impl TwoFactorPolicy {
    /// Every policy, loosest first.
    pub const ALL: [TwoFactorPolicy; 3] = [
        TwoFactorPolicy::Optional,
        TwoFactorPolicy::Admins,
        TwoFactorPolicy::Everyone,
    ];

    /// The policy as the API and the database spell it.
    pub fn as_str(self) -> &'static str {
        match self {
            TwoFactorPolicy::Optional => "optional",
            TwoFactorPolicy::Admins => "admins",
            TwoFactorPolicy::Everyone => "everyone",
        }
    }

    /// Whether a person of `role` must use a second factor.
    pub fn requires(self, role: Role) -> bool {
        match self {
            TwoFactorPolicy::Optional => false,
            TwoFactorPolicy::Admins => role == Role::Admin,
            TwoFactorPolicy::Everyone => true,
        }
    }
}

impl FromStr for TwoFactorPolicy {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TwoFactorPolicy::ALL
            .into_iter()
            .find(|policy| policy.as_str() == s)
            .ok_or_else(|| format!("unknown policy '{s}' (expected optional, admins or everyone)"))
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

/// A browser's User-Agent in a few words, e.g. "Chrome 156 on Linux";
/// another client (a script) by its first word, e.g. "curl/8.5.0".
pub fn device_label(user_agent: &str) -> String {
    const BROWSERS: [(&str, &str); 5] = [
        ("Edg/", "Edge"),
        ("Firefox/", "Firefox"),
        ("Chrome/", "Chrome"),
        ("Version/", "Safari"),
        ("Safari/", "Safari"),
    ];
    const SYSTEMS: [(&str, &str); 6] = [
        ("Windows", "Windows"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Mac OS X", "macOS"),
        ("Android", "Android"),
        ("Linux", "Linux"),
    ];
    let browser = BROWSERS.iter().find_map(|(mark, name)| {
        let at = user_agent.find(mark)?;
        let version = user_agent
            .get(at + mark.len()..)?
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .filter(|v| !v.is_empty());
        Some(match version {
            Some(v) => format!("{name} {v}"),
            None => (*name).to_owned(),
        })
    });
    let system = SYSTEMS
        .iter()
        .find(|(mark, _)| user_agent.contains(mark))
        .map(|(_, name)| *name);
    match (browser, system) {
        (Some(browser), Some(system)) if user_agent.starts_with("Mozilla/") => {
            format!("{browser} on {system}")
        }
        (Some(browser), None) if user_agent.starts_with("Mozilla/") => browser,
        _ => user_agent
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned(),
    }
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

    #[test]
    fn a_user_agent_reads_as_a_browser_on_a_system() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36";
        assert_eq!(device_label(chrome), "Chrome 156 on Linux");
        let edge = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0";
        assert_eq!(device_label(edge), "Edge 131 on Windows");
        let safari = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
        assert_eq!(device_label(safari), "Safari 18 on iOS");
        let firefox =
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.6; rv:133.0) Gecko/20100101 Firefox/133.0";
        assert_eq!(device_label(firefox), "Firefox 133 on macOS");
        assert_eq!(device_label("curl/8.5.0"), "curl/8.5.0");
        assert_eq!(device_label(""), "");
    }

    #[test]
    fn a_policy_says_which_roles_need_a_second_factor() {
        let needs = |policy: TwoFactorPolicy| {
            Role::ALL
                .into_iter()
                .filter(|role| policy.requires(*role))
                .collect::<Vec<_>>()
        };
        assert!(needs(TwoFactorPolicy::Optional).is_empty());
        assert_eq!(needs(TwoFactorPolicy::Admins), vec![Role::Admin]);
        assert_eq!(needs(TwoFactorPolicy::Everyone), Role::ALL.to_vec());
        for policy in TwoFactorPolicy::ALL {
            assert_eq!(policy.as_str().parse::<TwoFactorPolicy>(), Ok(policy));
        }
    }
}
