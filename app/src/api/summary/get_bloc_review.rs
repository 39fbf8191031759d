use crate::error::AppError;
use crate::types::summary::BlocReviewView;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A bloc's review with the bloc's exemplars and figures.
#[server(prefix = "/api", endpoint = "reviews", input = Json)]
pub async fn get_bloc_review(bloc_id: i64, year: Option<i32>) -> Result<BlocReviewView, AppError> {
    let (user, ctx) = crate::services::request()?;
    crate::services::documents::load_review(&ctx, &user, bloc_id, year).await
}
