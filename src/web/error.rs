//! The one error type of SMS Up's JSON API routes: each variant is a status code, rendered as
//! `{"error": "..."}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// An API request that failed, with what the client should know.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is malformed (400).
    #[error("{0}")]
    BadRequest(String),
    /// The request is refused for where it comes from (403).
    #[error("{0}")]
    Forbidden(String),
    /// The body is not of the accepted type (415).
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The service cannot answer now; the client may retry (503).
    #[error("{0}")]
    Unavailable(String),
}

impl ApiError {
    /// The status code the error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status(),
            Json(serde_json::json!({ "error": self.to_string() })),
        )
            .into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn renders_json_with_its_status() {
        let r = ApiError::BadRequest("from: missing".into()).into_response();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        let body = axum::body::to_bytes(r.into_body(), 1024).await.unwrap();
        assert_eq!(&body[..], br#"{"error":"from: missing"}"#);
    }
}
