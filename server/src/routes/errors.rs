//! The HTTP status of a server function's refusal, set once for all of them from the
//! error the function answered (`AppError::status`): Leptos answers every server-function
//! error with 500, and setting the status by hand in each function is easy to forget.

use app::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use leptos::server_fn::error::SERVER_FN_ERROR_HEADER;

/// An error answer is one serialised `AppError`: small. Anything larger is left as it is.
const MAX_ERROR_BYTES: usize = 64 * 1024;

pub async fn status_from_error(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if !response.headers().contains_key(SERVER_FN_ERROR_HEADER) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_ERROR_BYTES).await {
        Ok(bytes) => bytes,
        Err(e) => {
            tracing::error!(error = %e, "could not read a server function's error answer");
            parts.status = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
            return Response::from_parts(parts, Body::empty());
        }
    };
    match serde_json::from_slice::<AppError>(&bytes) {
        Ok(error) => parts.status = error.status(),
        Err(e) => {
            tracing::error!(error = %e, "a server function's error answer is not an AppError")
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
