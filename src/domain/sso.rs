//! Single sign-on's rules that need no network: which e-mail domains an
//! organisation lets in, and which cmas role a value of the provider's role
//! claim gives.

use super::role::Role;
use serde_json::Value;
use std::collections::BTreeMap;

/// The e-mail domains an organisation lets sign in, lower-case, e.g.
/// `alpha.example`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Domains(Vec<String>);

impl Domains {
    /// Reads domains separated by commas, spaces or lines; a refusal names
    /// the first one that is not a domain name.
    pub fn parse(text: &str) -> Result<Domains, String> {
        let mut domains = Vec::new();
        for domain in text.split(|c: char| c == ',' || c.is_whitespace()) {
            let domain = domain.trim().trim_start_matches('@').to_lowercase();
            if domain.is_empty() {
                continue;
            }
            if !is_domain(&domain) {
                return Err(format!("'{domain}' is not a domain name"));
            }
            if !domains.contains(&domain) {
                domains.push(domain);
            }
        }
        Ok(Domains(domains))
    }

    /// Whether `email`'s domain is one of these (exactly: a subdomain is
    /// another domain).
    pub fn allow(&self, email: &str) -> bool {
        email.rsplit_once('@').is_some_and(|(local, domain)| {
            !local.is_empty() && self.0.contains(&domain.to_lowercase())
        })
    }

    /// The domains, in the order given.
    pub fn list(&self) -> &[String] {
        &self.0
    }

    /// Whether none is given (then nobody can sign in).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// One per line, as stored.
    pub fn to_text(&self) -> String {
        self.0.join("\n")
    }
}

/// Letters, digits and hyphens in dot-separated labels of up to 63, with
/// at least one dot.
fn is_domain(domain: &str) -> bool {
    domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// From the values of the role claim to cmas roles.
pub type RoleMap = BTreeMap<String, Role>;

/// The role a person gets from their role claim: the strongest role any of
/// its values maps to (a claim may be one value or a list, as group claims
/// are), else `default` (none: they are refused).
pub fn role_for(claim: Option<&Value>, map: &RoleMap, default: Option<Role>) -> Option<Role> {
    let values: Vec<&str> = match claim {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let mapped: Vec<Role> = values.iter().filter_map(|v| map.get(*v).copied()).collect();
    Role::ALL
        .into_iter()
        .find(|role| mapped.contains(role))
        .or(default)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn domains_are_read_loosely_and_matched_exactly() {
        let domains = Domains::parse("Alpha.example, @beta.example\n\nalpha.example").expect("ok");
        assert_eq!(domains.list(), ["alpha.example", "beta.example"]);
        assert!(domains.allow("Ada@ALPHA.example"));
        assert!(!domains.allow("ada@sub.alpha.example"));
        assert!(!domains.allow("ada@alpha.example.evil"));
        assert!(!domains.allow("@alpha.example"));
        assert!(!domains.allow("alpha.example"));
        assert_eq!(
            Domains::parse("alpha.example, not a domain"),
            Err("'not' is not a domain name".into())
        );
        assert!(Domains::parse("exa_mple.com").is_err());
        assert!(Domains::parse("localhost").is_err());
        assert!(Domains::parse(" , ").expect("ok").is_empty());
    }

    #[test]
    fn the_strongest_mapped_role_wins_and_the_default_covers_the_rest() {
        let map = RoleMap::from([
            ("cmas-admins".into(), Role::Admin),
            ("cmas-consultants".into(), Role::Consultant),
        ]);
        let groups = json!(["staff", "cmas-consultants", "cmas-admins"]);
        assert_eq!(role_for(Some(&groups), &map, None), Some(Role::Admin));
        let one = json!("cmas-consultants");
        assert_eq!(role_for(Some(&one), &map, None), Some(Role::Consultant));
        let other = json!(["staff"]);
        assert_eq!(role_for(Some(&other), &map, None), None);
        assert_eq!(
            role_for(Some(&other), &map, Some(Role::Executive)),
            Some(Role::Executive)
        );
        assert_eq!(role_for(None, &map, None), None);
        assert_eq!(role_for(Some(&json!(7)), &map, None), None);
    }
}
