//! The files the pages load, built into the binary and served from
//! `/static/…`: cmas's own stylesheet, scripts and favicon, and the
//! third-party files it vendors (htmx, the Source Sans 3 font, the Lucide
//! icon sprite; see `static/vendor/README.md`). No page loads anything
//! from elsewhere.

use actix_web::{web, HttpResponse};

/// A served file: its path under `/static/`, media type and bytes.
struct Asset {
    path: &'static str,
    media_type: &'static str,
    bytes: &'static [u8],
}

macro_rules! asset {
    ($path:literal, $media_type:literal) => {
        Asset {
            path: $path,
            media_type: $media_type,
            bytes: include_bytes!(concat!("../../static/", $path)),
        }
    };
}

const ASSETS: &[Asset] = &[
    asset!("app.css", "text/css; charset=utf-8"),
    asset!("score.js", "text/javascript; charset=utf-8"),
    asset!("fieldwork.js", "text/javascript; charset=utf-8"),
    asset!("favicon.svg", "image/svg+xml"),
    asset!(
        "vendor/htmx-2.0.11.min.js",
        "text/javascript; charset=utf-8"
    ),
    asset!("vendor/icons.svg", "image/svg+xml"),
    asset!(
        "vendor/fonts/source-sans-3-latin-400-normal.woff2",
        "font/woff2"
    ),
    asset!(
        "vendor/fonts/source-sans-3-latin-600-normal.woff2",
        "font/woff2"
    ),
    asset!(
        "vendor/fonts/source-sans-3-latin-700-normal.woff2",
        "font/woff2"
    ),
    asset!(
        "vendor/fonts/source-sans-3-latin-ext-400-normal.woff2",
        "font/woff2"
    ),
    asset!(
        "vendor/fonts/source-sans-3-latin-ext-600-normal.woff2",
        "font/woff2"
    ),
    asset!(
        "vendor/fonts/source-sans-3-latin-ext-700-normal.woff2",
        "font/woff2"
    ),
];

/// One file, or the next route (a 404) when there is no such file.
async fn serve(path: web::Path<String>) -> HttpResponse {
    let path = path.into_inner();
    match ASSETS.iter().find(|a| a.path == path) {
        Some(asset) => {
            // Vendored files carry their version in the name; ours change
            // with a release, so browsers ask again after an hour.
            let cache = if path.starts_with("vendor/") {
                "public, max-age=31536000, immutable"
            } else {
                "public, max-age=3600"
            };
            HttpResponse::Ok()
                .content_type(asset.media_type)
                .insert_header(("Cache-Control", cache))
                .body(asset.bytes)
        }
        None => HttpResponse::NotFound().finish(),
    }
}

/// Browsers ask for `/favicon.ico` on their own; they get the SVG.
async fn favicon() -> HttpResponse {
    HttpResponse::MovedPermanently()
        .insert_header(("Location", "/static/favicon.svg"))
        .finish()
}

/// `/static/{path}` and `/favicon.ico`.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/{path:.*}", web::get().to(serve))
        .route("/favicon.ico", web::get().to(favicon));
}

#[cfg(test)]
mod tests {
    use super::ASSETS;

    #[test]
    fn every_asset_is_there_and_has_a_type() {
        for asset in ASSETS {
            assert!(!asset.bytes.is_empty(), "{}", asset.path);
            assert!(asset.media_type.contains('/'), "{}", asset.path);
        }
        assert!(ASSETS.iter().any(|a| a.path.starts_with("vendor/htmx-")));
    }
}
