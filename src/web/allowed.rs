//! Which methods a path of the API takes, for the 405 a request with another
//! method gets (with `Allow`, as HTTP asks), read once from the OpenAPI
//! document, which lists every route.

use actix_web::dev::ResourceDef;
use std::sync::OnceLock;
use utoipa::OpenApi;

/// Every API route pattern with the methods it takes.
fn routes() -> &'static [(ResourceDef, Vec<&'static str>)] {
    static ROUTES: OnceLock<Vec<(ResourceDef, Vec<&'static str>)>> = OnceLock::new();
    ROUTES.get_or_init(|| {
        super::openapi::ApiDoc::openapi()
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let methods = [
                    ("GET", item.get.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                ]
                .into_iter()
                .filter_map(|(method, taken)| taken.then_some(method))
                .collect();
                (ResourceDef::new(path.as_str()), methods)
            })
            .collect()
    })
}

/// The methods `path` takes, joined for an `Allow` header; None when no
/// route has that path.
pub fn methods_of(path: &str) -> Option<String> {
    let mut methods: Vec<&str> = routes()
        .iter()
        .filter(|(route, _)| route.is_match(path))
        .flat_map(|(_, methods)| methods.iter().copied())
        .collect();
    methods.sort_unstable();
    methods.dedup();
    (!methods.is_empty()).then(|| methods.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_of_the_api_knows_its_methods_and_another_has_none() {
        assert_eq!(methods_of("/api/v1/clients").as_deref(), Some("GET, POST"));
        assert_eq!(
            methods_of("/api/v1/clients/7").as_deref(),
            Some("DELETE, GET, PUT")
        );
        assert_eq!(methods_of("/api/v1/no/such/thing"), None);
    }
}
