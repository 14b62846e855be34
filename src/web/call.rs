//! An API request ready to call its use case: the shared state and who is
//! calling, extracted together, so that a handler is its path, its body and
//! one call.

use super::download;
use super::problem::{ApiError, ApiResult};
use super::state::AppState;
use crate::app::documents::Document;
use crate::app::error::{AppError, AppResult};
use crate::app::kept::KeptJson;
use crate::app::listing::Paged;
use crate::app::sessions::Identity;
use crate::app::soon::Soon;
use crate::app::App;
use crate::domain::role::Caller;
use actix_web::body::BoxBody;
use actix_web::http::header::ContentType;
use actix_web::{dev::Payload, web, FromRequest, HttpRequest, HttpResponse, Responder};
use serde::Serialize;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

/// The state and the authenticated caller of an API request.
pub struct Call {
    pub state: web::Data<AppState>,
    pub identity: Identity,
}

impl Call {
    /// Runs the use case for the caller on the blocking pool.
    pub async fn run<T, F>(self, use_case: F) -> ApiResult<T>
    where
        F: FnOnce(&App, &Caller) -> AppResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let caller = self.identity.caller;
        self.state.run(move |app| use_case(app, &caller)).await
    }

    /// Runs the use case and answers what it created as JSON (201).
    pub async fn created<T, F>(self, use_case: F) -> ApiResult<HttpResponse>
    where
        F: FnOnce(&App, &Caller) -> AppResult<T> + Send + 'static,
        T: Serialize + Send + 'static,
    {
        let created = self.json(use_case).await?;
        Ok(HttpResponse::Created()
            .content_type(ContentType::json())
            .body(created.bytes))
    }

    /// Runs the use case, which answers nothing (204).
    pub async fn no_content<F>(self, use_case: F) -> ApiResult<HttpResponse>
    where
        F: FnOnce(&App, &Caller) -> AppResult<()> + Send + 'static,
    {
        self.run(use_case).await?;
        Ok(HttpResponse::NoContent().finish())
    }

    /// Runs the use case and answers its document as a file to save.
    pub async fn attachment<F>(self, use_case: F) -> ApiResult<HttpResponse>
    where
        F: FnOnce(&App, &Caller) -> AppResult<Document> + Send + 'static,
    {
        self.run(use_case).await.map(download::attachment)
    }

    /// Runs the use case and answers its report to be shown.
    pub async fn inline<F>(self, use_case: F) -> ApiResult<HttpResponse>
    where
        F: FnOnce(&App, &Caller) -> AppResult<Document> + Send + 'static,
    {
        self.run(use_case).await.map(download::inline)
    }

    /// Runs the use case and answers its result as JSON.
    pub async fn json<T, F>(self, use_case: F) -> ApiResult<JsonAnswer<T>>
    where
        F: FnOnce(&App, &Caller) -> AppResult<T> + Send + 'static,
        T: Serialize + Send + 'static,
    {
        let bytes = self
            .run(move |app, caller| {
                let answer = use_case(app, caller)?;
                serde_json::to_vec(&answer).map_err(AppError::internal)
            })
            .await?;
        Ok(JsonAnswer {
            bytes: bytes.into(),
            holds: PhantomData,
        })
    }

    /// Runs the use case here where it answers without waiting, and the
    /// rest of it where waiting is allowed (see `app::soon`).
    async fn soon<T, F>(self, use_case: F) -> ApiResult<T>
    where
        F: FnOnce(&App, &Caller) -> Soon<T>,
        T: Send + 'static,
    {
        match use_case(&self.state.app, &self.identity.caller) {
            Soon::Now(answer) => Ok(answer?),
            Soon::Later(rest) => self.state.run(rest).await,
            Soon::Queued(answer) => Ok(answer.await?),
        }
    }

    /// Runs the use case as `soon` does and answers its result as JSON,
    /// written here: for small answers (a saved score).
    pub async fn soon_json<T, F>(self, use_case: F) -> ApiResult<JsonAnswer<T>>
    where
        F: FnOnce(&App, &Caller) -> Soon<T>,
        T: Serialize + Send + 'static,
    {
        let answer = self.soon(use_case).await?;
        let bytes = serde_json::to_vec(&answer).map_err(AppError::internal)?;
        Ok(JsonAnswer {
            bytes: bytes.into(),
            holds: PhantomData,
        })
    }

    /// Runs the use case as `soon` does and answers the JSON it kept.
    pub async fn kept_json<T, F>(self, use_case: F) -> ApiResult<JsonAnswer<T>>
    where
        F: FnOnce(&App, &Caller) -> Soon<KeptJson<T>>,
        T: Send + 'static,
    {
        let kept = self.soon(use_case).await?;
        Ok(JsonAnswer {
            bytes: web::Bytes::from_owner(kept.bytes),
            holds: PhantomData,
        })
    }
}

impl Call {
    /// Runs a list's use case and answers its page as a JSON array, with
    /// the list's total in `X-Total-Count` and the neighbouring pages in
    /// `Link` (RFC 8288), so a list's items stay a plain array.
    pub async fn page<T, F>(self, use_case: F) -> ApiResult<PageAnswer<T>>
    where
        F: FnOnce(&App, &Caller) -> AppResult<Paged<T>> + Send + 'static,
        T: Serialize + Send + 'static,
    {
        let (bytes, total, page, pages) = self
            .run(move |app, caller| {
                let paged = use_case(app, caller)?;
                let bytes = serde_json::to_vec(&paged.items).map_err(AppError::internal)?;
                Ok((bytes, paged.total, paged.page, paged.pages()))
            })
            .await?;
        Ok(PageAnswer {
            bytes,
            total,
            page,
            pages,
            holds: PhantomData,
        })
    }
}

impl FromRequest for Call {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Call, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let identity = Identity::from_request(req, payload);
        Box::pin(async move {
            let state = state.ok_or_else(|| AppError::fault("application state missing"))?;
            Ok(Call {
                state,
                identity: identity.await?,
            })
        })
    }
}

/// A JSON answer, serialised on the blocking pool with the use case that
/// made it: a long list never holds an async worker. `T` names what it
/// holds, for the reader of a handler's signature.
pub struct JsonAnswer<T> {
    bytes: web::Bytes,
    holds: PhantomData<fn() -> T>,
}

impl<T> Responder for JsonAnswer<T> {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        HttpResponse::Ok()
            .content_type(ContentType::json())
            .body(self.bytes)
    }
}

/// One page of a list as a JSON array, with the list's total and links to
/// the other pages in headers.
pub struct PageAnswer<T> {
    bytes: Vec<u8>,
    total: i64,
    page: u32,
    pages: u32,
    holds: PhantomData<fn() -> T>,
}

impl<T> Responder for PageAnswer<T> {
    type Body = BoxBody;

    fn respond_to(self, req: &HttpRequest) -> HttpResponse {
        let mut response = HttpResponse::Ok();
        response
            .content_type(ContentType::json())
            .insert_header(("X-Total-Count", self.total.to_string()));
        let links = page_links(req.path(), req.query_string(), self.page, self.pages);
        if !links.is_empty() {
            response.insert_header(("Link", links));
        }
        response.body(self.bytes)
    }
}

/// `Link` relations to the first, previous, next and last pages: the
/// request's own query with its `page` replaced.
fn page_links(path: &str, query: &str, page: u32, pages: u32) -> String {
    let at = |n: u32| {
        let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .filter(|(k, _)| k != "page")
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        pairs.push(("page".to_owned(), n.to_string()));
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        format!("<{path}?{query}>")
    };
    let mut links = vec![format!("{}; rel=\"first\"", at(1))];
    if page > 1 {
        links.push(format!("{}; rel=\"prev\"", at(page - 1)));
    }
    if page < pages {
        links.push(format!("{}; rel=\"next\"", at(page + 1)));
    }
    links.push(format!("{}; rel=\"last\"", at(pages)));
    links.join(", ")
}

#[cfg(test)]
mod tests {
    use super::page_links;

    #[test]
    fn links_keep_the_query_and_move_the_page() {
        assert_eq!(
            page_links("/api/v1/clients", "q=bank&page=2&per_page=10", 2, 3),
            "</api/v1/clients?q=bank&per_page=10&page=1>; rel=\"first\", \
             </api/v1/clients?q=bank&per_page=10&page=1>; rel=\"prev\", \
             </api/v1/clients?q=bank&per_page=10&page=3>; rel=\"next\", \
             </api/v1/clients?q=bank&per_page=10&page=3>; rel=\"last\""
        );
        assert!(!page_links("/x", "", 1, 1).contains("next"));
    }
}
