//! A nomination's own page (`/nominations/{id}`), also shown as a drawer beside the board;
//! and its create and edit form.

pub mod form;
pub mod year;

use crate::api::nominations::get_nomination;
use crate::components::loaded::{saved_notice, Loaded};
use crate::error::AppError;
use crate::i18n::{tr, use_lang};
use crate::types::model::{stage_spans, NominationView};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::domain::{Assessment, CoopType, Profile};
use shared::i18n::{field_name, fill, format_timestamp, t, Lang, Msg};

/// The `{id}` of the page's address, if it is a number.
fn page_id() -> impl Fn() -> Option<i64> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()))
}

/// The nomination of that id; a missing or malformed id is not found.
async fn load_nomination(id: Option<i64>) -> Result<NominationView, AppError> {
    match id {
        Some(id) => get_nomination(id).await,
        None => Err(AppError::NotFound),
    }
}

/// `/nominations/{id}`.
#[component]
pub fn NominationPage() -> impl IntoView {
    let data = Resource::new(page_id(), load_nomination);
    // What a change made on the page did; kept above the detail, which reloads after it.
    let (notice, on_change) = saved_notice(data);
    view! {
        <section class="nomination-page">
            <p><a href="/board">{tr(Msg::BackToBoard)}</a></p>
            {notice}
            <Loaded data heading=Msg::DetailsOf let:view>
                <NominationDetail view heading=1 on_change/>
            </Loaded>
        </section>
    }
}

fn profile_rows(lang: Lang, profile: &Profile) -> Vec<(String, String)> {
    use shared::domain::Field;
    let f = |field| field_name(lang, field).to_string();
    let yes_no = |b: bool| if b { "✓" } else { "—" }.to_string();
    match profile {
        Profile::Collective { size } => vec![(f(Field::CollectiveSize), size.to_string())],
        Profile::Individual {
            position,
            heads_unit,
            collective_nomination,
        } => vec![
            (f(Field::IndividualPosition), position.clone()),
            (t(lang, Msg::HeadsUnit).into(), yes_no(*heads_unit)),
            (
                t(lang, Msg::LinkedCollective).into(),
                collective_nomination
                    .map(|id| format!("#{id}"))
                    .unwrap_or_else(|| "—".into()),
            ),
        ],
        Profile::Cooperative { coop_type, members } => vec![
            (
                t(lang, Msg::CoopTypeLabel).into(),
                t(
                    lang,
                    match coop_type {
                        CoopType::Cooperative => Msg::CoopCooperative,
                        CoopType::CoopGroup => Msg::CoopGroup,
                    },
                )
                .into(),
            ),
            (f(Field::CooperativeMembers), members.to_string()),
        ],
        Profile::Household {
            cultural_family_years,
            exemplary,
        } => vec![
            (
                f(Field::CulturalFamilyYears),
                cultural_family_years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            (t(lang, Msg::Exemplary).into(), yes_no(*exemplary)),
        ],
    }
}

/// Everything about one nomination: profile, evidence per criterion, stage history with
/// the time spent in each stage.
#[component]
pub fn NominationDetail(
    view: NominationView,
    heading: u8,
    /// Called after a change made here (a plan approved, an evaluation recorded) with what
    /// to tell the user, so that the caller says it and reloads what it shows.
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let full_view = view.clone();
    let record = view.record;
    let card = record.card.clone();
    let id = card.id;
    let kind = card.kind;
    let title = card.nominee_name.clone();
    let title_view = if heading == 1 {
        view! { <h1 id="nomination-title">{title}</h1> }.into_any()
    } else {
        view! { <h2 id="nomination-title">{title}</h2> }.into_any()
    };
    let record_for_profile = record.clone();
    let profile = move || {
        let lang = lang.get();
        let draft = &record_for_profile.draft;
        let mut rows = vec![
            (
                t(lang, Msg::FilterKind).to_string(),
                t(lang, Msg::Kind(kind)).to_string(),
            ),
            (
                t(lang, Msg::FilterUnit).into(),
                record_for_profile.card.unit_name.clone(),
            ),
            (
                t(lang, Msg::FilterBloc).into(),
                record_for_profile.card.bloc_name.clone(),
            ),
            (
                t(lang, Msg::StageLabel).into(),
                t(lang, Msg::Stage(record_for_profile.card.stage)).into(),
            ),
            (
                t(lang, Msg::FilterYear).into(),
                record_for_profile.year.to_string(),
            ),
        ];
        rows.push((
            field_name(lang, shared::domain::Field::ExemplarType).into(),
            match draft.exemplar_type {
                Some(k) => shared::i18n::exemplar_type_name(lang, k).into(),
                None => t(lang, Msg::ExemplarNotClassified).into(),
            },
        ));
        let movement = draft.movement_id.and_then(|m| {
            record_for_profile
                .movements
                .iter()
                .find(|x| x.id == m)
                .map(|x| x.name.clone())
        });
        rows.push((
            field_name(lang, shared::domain::Field::Movement).into(),
            movement.unwrap_or_else(|| t(lang, Msg::MovementNotNamed).into()),
        ));
        rows.extend(profile_rows(lang, &draft.profile));
        rows.push((
            field_name(lang, shared::domain::Field::Description).into(),
            draft.description.clone(),
        ));
        rows.push((
            field_name(lang, shared::domain::Field::ReplicationPotential).into(),
            draft.replication_potential.clone(),
        ));
        rows.into_iter()
            .map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> })
            .collect_view()
    };
    let evidence_map = record.draft.evidence.clone();
    let kind_criteria = record.criteria.of(kind).to_vec();
    let evidence = move || {
        let lang = lang.get();
        let current = kind_criteria
            .iter()
            .map(|c| {
                let text = evidence_map.get(&c.code).cloned();
                let name = c.text(lang).to_string();
                let weight = match c.assessment {
                    Assessment::Scored => format!("{} {}", t(lang, Msg::WeightLabel), c.weight),
                    Assessment::Eligibility => t(lang, Msg::ConditionLabel).to_string(),
                };
                let missing = text.is_none();
                view! {
                    <tr class:missing=missing>
                        <th scope="row">{c.code.clone()}</th>
                        <td>{name}</td>
                        <td>{weight}</td>
                        <td>{text.unwrap_or_else(|| t(lang, Msg::NoEvidence).to_string())}</td>
                    </tr>
                }
            })
            .collect_view();
        // Evidence kept for a criterion the year's set no longer has (a later version, or
        // a card carried over into a year judged on other criteria): shown, marked so.
        let retired = evidence_map
            .iter()
            .filter(|(code, _)| !kind_criteria.iter().any(|c| &c.code == *code))
            .map(|(code, text)| {
                view! {
                    <tr class="retired">
                        <th scope="row">{code.clone()}</th>
                        <td colspan="2">{t(lang, Msg::EvidenceRetired)}</td>
                        <td>{text.clone()}</td>
                    </tr>
                }
            })
            .collect_view();
        (current, retired)
    };
    let spans = stage_spans(&record, chrono::Utc::now());
    let history = record.history.clone();
    let timeline = move || {
        let lang = lang.get();
        spans
            .iter()
            .map(|s| {
                let until =
                    s.to.as_deref()
                        .map(format_timestamp)
                        .unwrap_or_else(|| t(lang, Msg::UntilNow).to_string());
                view! {
                    <li data-stage=s.stage.code()>
                        <strong>{t(lang, Msg::Stage(s.stage))}</strong>
                        ": " {format_timestamp(&s.from)} " → " {until}
                        " (" {s.days} " " {t(lang, Msg::DaysUnit)} ")"
                    </li>
                }
            })
            .collect_view()
    };
    let changes = move || {
        let lang = lang.get();
        history
            .iter()
            .rev()
            .map(|h| {
                let label = shared::i18n::audit_action_label(lang, h.action.code());
                let stages = (h.from != h.to).then(|| {
                    format!(
                        ": {} → {}",
                        t(lang, Msg::Stage(h.from)),
                        t(lang, Msg::Stage(h.to))
                    )
                });
                let reason = h.reason.clone().map(|r| {
                    view! { <br/><span class="reason">{t(lang, Msg::ReasonShort)} ": " {r}</span> }
                });
                view! {
                    <li>
                        <time>{format_timestamp(&h.at)}</time> " · " {h.by.clone()} " · "
                        {label} {stages} {reason}
                    </li>
                }
            })
            .collect_view()
    };
    // The exemplar over the campaign's years: each year's card keeps that year's records.
    let years = (record.years.len() > 1).then(|| {
        let links = record
            .years
            .iter()
            .map(|y| {
                let current = y.id == id;
                view! {
                    <li>
                        <a href=format!("/nominations/{}", y.id) aria-current=current.then_some("page")>
                            {y.year}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="year-records" aria-label=tr(Msg::YearRecords)>
                <strong>{tr(Msg::YearRecords)}</strong>
                <ol>{links}</ol>
            </nav>
        }
    });
    // Carried over: said once, with the way to the year it goes on in.
    let carried = record.carried_on().map(|y| {
        let (to, year) = (y.id, y.year);
        view! {
            <p class="notice carried-on">
                {move || shared::i18n::violation_message(lang.get(), &shared::rules::ViolationKind::CarriedOn { year })} " "
                <a href=format!("/nominations/{to}")>{move || fill(lang.get(), Msg::OpenYearCard, &[("year", &year)])}</a>
            </p>
        }
    });
    let edit = view.can_edit.then(|| {
        view! { <a class="button-link" href=format!("/nominations/{id}/edit")>{tr(Msg::EditNomination)}</a> }
    });
    // Section headings one level below the title, wherever the detail is shown.
    let section = move |id: &'static str, msg: Msg| {
        if heading == 1 {
            view! { <h2 id=id class="section">{tr(msg)}</h2> }.into_any()
        } else {
            view! { <h3 id=id class="section">{tr(msg)}</h3> }.into_any()
        }
    };
    let minor = move |msg: Msg| {
        if heading == 1 {
            view! { <h3 class="minor">{tr(msg)}</h3> }.into_any()
        } else {
            view! { <h4 class="minor">{tr(msg)}</h4> }.into_any()
        }
    };
    view! {
        <article class="nomination" aria-labelledby="nomination-title">
            {title_view}
            {years}
            {carried}
            {edit}
            <section aria-labelledby="profile-title">
                {section("profile-title", Msg::ProfileTitle)}
                <dl class="profile">{profile}</dl>
            </section>
            <section aria-labelledby="evidence-title">
                {section("evidence-title", Msg::EvidenceTitle)}
                <table class="evidence">
                    <tbody>{evidence}</tbody>
                </table>
            </section>
            <year::DocumentsSection view=full_view.clone() heading on_change/>
            <year::CommendationsSection view=full_view.clone() heading on_change/>
            <year::PlanSection view=full_view.clone() heading on_change/>
            <year::EvaluationsSection view=full_view.clone() heading on_change/>
            <year::ReplicationsSection view=full_view.clone() heading on_change/>
            <year::YearTimeline view=full_view heading/>
            <section aria-labelledby="history-title">
                {section("history-title", Msg::HistoryTitle)}
                <ol class="timeline">{timeline}</ol>
                {minor(Msg::ChangesLabel)}
                <ul class="changes">{changes}</ul>
            </section>
        </article>
    }
}
