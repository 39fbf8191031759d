use crate::error::AppError;
use crate::types::carry::CarryOverView;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A campaign year's exemplars and where each went next year (today's year when none is
/// chosen). The office carries them over; leadership reads.
#[server(prefix = "/api", endpoint = "carry-over", input = Json)]
pub async fn get_carry_over(year: Option<i32>) -> Result<CarryOverView, AppError> {
    use shared::auth::Action;
    let (user, ctx) = crate::services::request()?;
    let can_carry = user.may(&Action::CarryOver).is_ok();
    if !can_carry && user.may(&Action::ViewSummaries).is_err() {
        return Err(AppError::Forbidden(shared::auth::Denied::Role));
    }
    let mut view = ctx.repo.carry_over_view(year, ctx.clock.today()).await?;
    view.can_carry = can_carry;
    Ok(view)
}
