//! The links under a paged list: where the viewer is, and the pages before
//! and after, each keeping the list's search, filters and order.

use crate::app::listing::Paged;
use serde_json::{json, Value};

/// The pager's data for `pager.hbs`: `path` is the page's own, `query` its
/// parameters other than `page`, in order.
pub fn pager<T>(paged: &Paged<T>, path: &str, query: &[(&str, &str)]) -> Value {
    let pages = paged.pages();
    let href = |page: u32| {
        let mut serializer = form_urlencoded::Serializer::new(String::new());
        for (name, value) in query.iter().filter(|(_, v)| !v.is_empty()) {
            serializer.append_pair(name, value);
        }
        if page > 1 {
            serializer.append_pair("page", &page.to_string());
        }
        let query = serializer.finish();
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    };
    json!({
        "total": paged.total,
        "page": paged.page,
        "pages": pages,
        "prev": (paged.page > 1).then(|| href(paged.page - 1)),
        "next": (paged.page < pages).then(|| href(paged.page + 1)),
    })
}
