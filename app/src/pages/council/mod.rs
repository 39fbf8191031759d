//! `/council` and `/council/{id}`: the council scores registered nominations against the
//! criteria of their kind (S-2). Saved as the member types; blind until submitted. This
//! page (`/council`) shows the ranked list with the ballot and the City's choice; the
//! modules below hold each part.

mod ballot;
mod minutes;
mod ranking;
mod scoring;

pub use minutes::MinutesPage;
pub use scoring::SheetPage;

use crate::api::council::get_council;
use crate::components::live::LiveRefresh;
use crate::components::loaded::{saved_notice, Loaded};
use crate::i18n::tr;
use leptos::prelude::*;
use ranking::CouncilTable;
use shared::i18n::{t, Lang, Msg};
use shared::rules::council::Aggregate;
use std::time::Duration;

/// "7,25" for 7250 thousandths (Vietnamese decimal comma).
fn points(milli: i64) -> String {
    shared::i18n::format_points(milli)
}

/// The aggregate in words: total, sheets counted of those who may score, quorum, spread.
fn aggregate_cells(lang: Lang, a: &Aggregate) -> (String, String, String, String) {
    let mut total = a.total_milli.map(points).unwrap_or_else(|| "—".into());
    if !a.below_floor.is_empty() {
        let codes = a.below_floor.join(", ");
        let note = shared::i18n::fill(lang, Msg::BelowFloor, &[("codes", &codes)]);
        total = format!("{total} ⚠ {note}");
    }
    let count = format!("{}/{}", a.scored, a.eligible);
    let quorum = if a.quorum { "✓" } else { "—" }.to_string();
    let spread = match a.spread_milli {
        Some(s) if a.disagreement => format!("{} ⚠ {}", points(s), t(lang, Msg::Disagreement)),
        Some(s) => points(s),
        None => "—".into(),
    };
    (total, count, quorum, spread)
}

/// A council member's sheet changed somewhere.
fn is_council(event: &crate::types::model::CardEvent) -> bool {
    event.action.is_council()
}

#[component]
pub fn CouncilPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_council());
    let (notice, on_change) = saved_notice(data);
    provide_context(ballot::PaperDraft(RwSignal::new(Default::default())));
    view! {
        <section class="council-page" aria-labelledby="council-title">
            <h1 id="council-title">{tr(Msg::CouncilTitle)}</h1>
            <p class="hint">{tr(Msg::CouncilIntro)}</p>
            {notice}
            <Loaded data let:list>
                <LiveRefresh seq=list.seq wanted=is_council refresh=Callback::new(move |_| data.refetch()) delay=Duration::from_millis(500)/>
                <CouncilTable list on_change/>
            </Loaded>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_use_a_decimal_comma() {
        assert_eq!(points(7250), "7,25");
        assert_eq!(points(10_000), "10,00");
        assert_eq!(points(0), "0,00");
        assert_eq!(points(6667), "6,67");
        assert_eq!(points(9999), "10,00");
    }
}
