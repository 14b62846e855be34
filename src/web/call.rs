//! An API request ready to call its use case: the shared state and who is
//! calling, extracted together, so that a handler is its path, its body and
//! one call.

use super::download;
use super::problem::{ApiError, ApiResult};
use super::state::AppState;
use crate::app::documents::Document;
use crate::app::error::{AppError, AppResult};
use crate::app::sessions::Identity;
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
            bytes,
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
    bytes: Vec<u8>,
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
