//! Discord's CDN for files users attached to an attachment option: `GET /attachments/{id}/{name}`
//! answers the bytes (no bot token needed, as on the real CDN) or 404.

use std::sync::Arc;

use axum::extract::{Path, State as AxState};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::Shared;

pub async fn attachment(
    AxState(shared): AxState<Arc<Shared>>,
    Path((id, filename)): Path<(u64, String)>,
) -> Response {
    let file = shared.read(|s| {
        s.uploads
            .get(&id)
            .filter(|f| f.filename == filename)
            .map(|f| f.bytes.clone())
    });
    match file {
        Some(bytes) => (StatusCode::OK, bytes).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
