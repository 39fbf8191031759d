//! The error type of the app layer: what a server function may answer, and what the user
//! is shown. Internal details never cross to the client; they are logged on the server.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use shared::i18n::{t, Lang, Msg};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    Unauthenticated,
    #[error("forbidden: {0:?}")]
    Forbidden(shared::auth::Denied),
    #[error("not found")]
    NotFound,
    /// The request could not be read (a client sent malformed arguments).
    #[error("bad request")]
    BadRequest,
    /// Input refused by a rule; the messages are already in the user's language.
    #[error("invalid input")]
    Invalid(Vec<String>),
    /// Somebody else changed the object first.
    #[error("conflict")]
    Conflict {
        by: Option<String>,
        at: Option<String>,
    },
    #[error("duplicate")]
    Duplicate,
    /// Something failed on the server; the details were logged there.
    #[error("internal error")]
    Internal,
    /// The request did not reach the server, or its answer could not be read.
    #[error("communication error: {0}")]
    Communication(String),
}

impl AppError {
    /// Whether trying the same again may succeed: a fault or a lost connection may pass; a
    /// refusal (not signed in, not allowed, not there, refused by a rule) will not.
    pub fn retryable(&self) -> bool {
        matches!(self, AppError::Internal | AppError::Communication(_))
    }

    /// The full text shown to the user, with details where the error has them.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            AppError::Invalid(messages) => messages.join(" "),
            AppError::Conflict { by, at } => {
                let mut text = t(lang, Msg::ErrorConflict).to_string();
                if let (Some(by), Some(at)) = (by, at) {
                    text.push_str(&format!(
                        " ({}: {by}, {})",
                        t(lang, Msg::ChangedBy),
                        shared::i18n::format_timestamp(at)
                    ));
                }
                text
            }
            other => other.message(lang).to_string(),
        }
    }

    /// The safe message shown to the user.
    pub fn message(&self, lang: Lang) -> &'static str {
        match self {
            AppError::Invalid(_) => t(lang, Msg::ErrorInvalid),
            AppError::Conflict { .. } => t(lang, Msg::ErrorConflict),
            AppError::Duplicate => t(lang, Msg::ErrorDuplicate),
            AppError::Unauthenticated => t(lang, Msg::ErrorUnauthenticated),
            AppError::Forbidden(denied) => denied.message(lang),
            AppError::NotFound => t(lang, Msg::ErrorNotFound),
            AppError::BadRequest => t(lang, Msg::ErrorBadRequest),
            AppError::Internal => t(lang, Msg::ErrorInternal),
            AppError::Communication(_) => t(lang, Msg::ErrorNetwork),
        }
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The HTTP status that fits, so that clients other than our own pages see 401, 403
    /// or 404 rather than 500. The server sets it on every server function's error
    /// answer from the error itself (never by hand at each call).
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode;
        match self {
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::BadRequest | AppError::Invalid(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict { .. } | AppError::Duplicate => StatusCode::CONFLICT,
            AppError::Internal | AppError::Communication(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(e) | ServerFnErrorErr::Response(e) => {
                AppError::Communication(e)
            }
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            // On the server, what cannot be decoded is the request's arguments (malformed
            // JSON, a value of the wrong type, a body that is not UTF-8): the client's fault.
            // In the browser it is the server's answer: a communication problem.
            #[cfg(feature = "ssr")]
            ServerFnErrorErr::Deserialization(e) => {
                tracing::info!(error = %e, "refused a server function call it could not read");
                AppError::BadRequest
            }
            #[cfg(not(feature = "ssr"))]
            ServerFnErrorErr::Deserialization(e) => AppError::Communication(e),
            other => {
                #[cfg(feature = "ssr")]
                tracing::error!(error = %other, "server function failed");
                let _ = other;
                AppError::Internal
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_never_leak_details() {
        let e = AppError::Communication("tcp connect error: 10.0.0.1".into());
        assert!(!e.message(Lang::Vi).contains("10.0.0.1"));
        assert!(!e.message(Lang::En).contains("10.0.0.1"));
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn arguments_the_server_cannot_read_are_the_client_s_fault() {
        let e = AppError::from_server_fn_error(ServerFnErrorErr::Deserialization(
            "expected value at line 1 column 1".into(),
        ));
        assert_eq!(e, AppError::BadRequest);
        assert_eq!(e.status(), http::StatusCode::BAD_REQUEST);
    }

    #[test]
    fn server_errors_become_internal() {
        let e = AppError::from_server_fn_error(ServerFnErrorErr::ServerError("secret".into()));
        assert_eq!(e, AppError::Internal);
    }
}
