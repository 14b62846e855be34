//! How every list is cut on the server: a search text, a sort key, a page.
//! The API and the pages send the same four parameters (`q`, `sort`,
//! `page`, `per_page`) and get one page back with the total, so that no
//! list ever holds a whole organisation.

use super::error::{AppError, AppResult};
use crate::db::Window;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

/// Most items one page holds.
pub const MAX_PER_PAGE: u32 = 500;
/// Items per page when the caller does not say.
pub const DEFAULT_PER_PAGE: u32 = 50;
/// Longest search text.
const MAX_SEARCH: usize = 200;

/// A search, an order and a page of a list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Text to look for (case and spacing ignored); blank lists everything.
    #[param(max_length = 200)]
    pub q: Option<String>,
    /// The key to sort by, as the list names them; `-` before it reverses the order.
    #[param(max_length = 40)]
    pub sort: Option<String>,
    /// The page, from 1.
    #[param(minimum = 1)]
    pub page: Option<u32>,
    /// Items per page, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub per_page: Option<u32>,
}

/// One page of a list, with how many items the whole list has.
#[derive(Debug, Serialize)]
pub struct Paged<T> {
    /// The page's items.
    pub items: Vec<T>,
    /// Items in the whole list, across pages.
    pub total: i64,
    /// This page, from 1.
    pub page: u32,
    /// Items per page.
    pub per_page: u32,
}

impl<T> Paged<T> {
    /// The page's items turned into another view.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Paged<U> {
        Paged {
            items: self.items.into_iter().map(f).collect(),
            total: self.total,
            page: self.page,
            per_page: self.per_page,
        }
    }

    /// How many pages the list has (at least one, so an empty list has a page 1).
    pub fn pages(&self) -> u32 {
        let per_page = i64::from(self.per_page.max(1));
        u32::try_from(((self.total + per_page - 1) / per_page).max(1)).unwrap_or(u32::MAX)
    }
}

/// A list query checked against the keys one list sorts by.
#[derive(Debug, Clone)]
pub struct Cut<S> {
    /// The search text as stored keys hold it (see [`search_key`]), if any.
    pub search: Option<String>,
    /// The chosen order.
    pub sort: S,
    /// Whether the order is reversed (`-key`).
    pub descending: bool,
    /// Which rows the page holds.
    pub window: Window,
    page: u32,
    per_page: u32,
}

impl<S: Copy> Cut<S> {
    /// This cut of a list an organisation keeps short (its users, its
    /// tokens, its KPIs), held whole: `searched` gives the text the search
    /// looks in, `order` compares two items by a sort key.
    pub fn apply<T>(
        &self,
        mut items: Vec<T>,
        searched: impl Fn(&T) -> String,
        order: impl Fn(S, &T, &T) -> std::cmp::Ordering,
    ) -> Paged<T> {
        if let Some(text) = &self.search {
            items.retain(|item| search_key(&searched(item)).contains(text.as_str()));
        }
        items.sort_by(|a, b| {
            let ordering = order(self.sort, a, b);
            if self.descending {
                ordering.reverse()
            } else {
                ordering
            }
        });
        let total = i64::try_from(items.len()).unwrap_or(i64::MAX);
        let skip = usize::try_from(self.window.offset).unwrap_or(usize::MAX);
        let take = usize::try_from(self.window.limit).unwrap_or(0);
        let items = items.into_iter().skip(skip).take(take).collect();
        self.page(items, total)
    }
}

impl<S> Cut<S> {
    /// The page of `items` found under this cut, out of `total`.
    pub fn page<T>(&self, items: Vec<T>, total: i64) -> Paged<T> {
        Paged {
            items,
            total,
            page: self.page,
            per_page: self.per_page,
        }
    }
}

impl ListQuery {
    /// Checks the query: the sort key must be one of `keys` (the first is
    /// the default), the page and its size in range, the text not too long.
    pub fn cut<S: Copy>(&self, keys: &[(&str, S)]) -> AppResult<Cut<S>> {
        self.cut_or(keys, keys.first().map_or("", |(k, _)| *k))
    }

    /// As [`ListQuery::cut`], with `default` the order when none is asked,
    /// e.g. `-assessment_date` for newest first.
    pub fn cut_or<S: Copy>(&self, keys: &[(&str, S)], default: &str) -> AppResult<Cut<S>> {
        let asked = match self.sort.as_deref().map(str::trim) {
            None | Some("") => default,
            Some(s) => s,
        };
        let (name, descending) = match asked.strip_prefix('-') {
            Some(name) => (name, true),
            None => (asked, false),
        };
        let sort = keys
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, s)| *s)
            .ok_or_else(|| {
                let names: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
                AppError::invalid_field(
                    "bad_sort",
                    "sort",
                    format!(
                        "sort by one of {}; put - before it for the reverse order",
                        names.join(", ")
                    ),
                )
            })?;
        let per_page = self.per_page.unwrap_or(DEFAULT_PER_PAGE);
        let (window, page) = window(self.page, (per_page, MAX_PER_PAGE), "bad_per_page")?;
        let search = self.q.as_deref().map(search_key).filter(|s| !s.is_empty());
        if search
            .as_ref()
            .is_some_and(|s| s.chars().count() > MAX_SEARCH)
        {
            return Err(AppError::invalid_field(
                "search_too_long",
                "q",
                format!("search for at most {MAX_SEARCH} characters"),
            ));
        }
        Ok(Cut {
            search,
            sort,
            descending,
            window,
            page,
            per_page,
        })
    }
}

/// The rows of page `page` (from 1; the first when absent) of `per_page`
/// items, and the page: `per_page` must be from 1 to `max`, else the
/// refusal says so under `code`.
pub fn window(
    page: Option<u32>,
    (per_page, max): (u32, u32),
    code: &'static str,
) -> AppResult<(Window, u32)> {
    if !(1..=max).contains(&per_page) {
        return Err(AppError::invalid_field(
            code,
            "per_page",
            format!("per_page is from 1 to {max}"),
        ));
    }
    let page = page.unwrap_or(1);
    if page == 0 {
        return Err(AppError::invalid_field(
            "bad_page",
            "page",
            "pages are numbered from 1",
        ));
    }
    let window = Window {
        offset: i64::from(page - 1) * i64::from(per_page),
        limit: i64::from(per_page),
    };
    Ok((window, page))
}

/// Text as it is compared: lower case, spaces trimmed and runs of white
/// space made one. Client names are kept under this key, so "harbour  BANK"
/// finds and collides with "Harbour Bank".
pub fn search_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq)]
    enum Key {
        Name,
        Region,
    }
    const KEYS: &[(&str, Key)] = &[("name", Key::Name), ("region", Key::Region)];

    fn query(sort: Option<&str>, page: Option<u32>, per_page: Option<u32>) -> ListQuery {
        ListQuery {
            q: Some("  Harbour \t BANK ".into()),
            sort: sort.map(str::to_owned),
            page,
            per_page,
        }
    }

    #[test]
    fn a_query_becomes_a_window_and_an_order() {
        let cut = query(Some("-region"), Some(3), Some(20)).cut(KEYS).unwrap();
        assert_eq!(cut.sort, Key::Region);
        assert!(cut.descending);
        assert_eq!((cut.window.offset, cut.window.limit), (40, 20));
        assert_eq!(cut.search.as_deref(), Some("harbour bank"));
        let default = ListQuery::default().cut(KEYS).unwrap();
        assert_eq!(default.sort, Key::Name);
        assert_eq!(default.window.limit, i64::from(DEFAULT_PER_PAGE));
        assert!(default.search.is_none());
    }

    #[test]
    fn out_of_range_queries_name_their_field() {
        let field = |q: ListQuery| match q.cut(KEYS) {
            Err(AppError::Invalid { field, .. }) => field,
            other => panic!("expected a refusal, got {other:?}"),
        };
        assert_eq!(
            field(query(Some("email"), None, None)).as_deref(),
            Some("sort")
        );
        assert_eq!(field(query(None, Some(0), None)).as_deref(), Some("page"));
        assert_eq!(
            field(query(None, None, Some(501))).as_deref(),
            Some("per_page")
        );
    }

    #[test]
    fn a_short_list_is_cut_in_memory() {
        let query = ListQuery {
            q: Some("BANK".into()),
            sort: Some("-name".into()),
            page: Some(2),
            per_page: Some(1),
        };
        let cut = query.cut(KEYS).unwrap();
        let names = vec!["Anchor Bank", "Fjord Mutual", "Harbour Bank", "Zenith bank"];
        let page = cut.apply(names, |n| (*n).to_owned(), |_, a, b| a.cmp(b));
        assert_eq!((page.items, page.total), (vec!["Harbour Bank"], 3));
    }

    #[test]
    fn pages_are_counted_up() {
        let cut = ListQuery::default().cut(KEYS).unwrap();
        assert_eq!(cut.page(Vec::<()>::new(), 0).pages(), 1);
        assert_eq!(cut.page(Vec::<()>::new(), 50).pages(), 1);
        assert_eq!(cut.page(Vec::<()>::new(), 51).pages(), 2);
    }
}
