//! `/admin/campaigns/:id`: each year of a campaign with its calendar (D-1, D-2, D-3, E-1,
//! E-2) and numbers (S-2's quota and ballot share, C-B5's years), one form per year, checked
//! by the shared rule as the administrator types and saved over the version it was read at.

use crate::api::admin::{get_campaign_years, save_campaign_year};
use crate::components::checked_form::CheckedForm;
use crate::components::loaded::{saved_notice, Loaded};
use crate::i18n::{tr, use_lang};
use crate::pages::admin_campaigns::CampaignForm;
use crate::types::model::{CampaignYearRow, CampaignYears};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::domain::{CampaignYear, Checkpoints, Field, InputError, Quota};
use shared::i18n::{field_name, fill, format_date, input_error, t, Msg};

#[component]
pub fn AdminCampaignYearsPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let data = Resource::new(id, |id| get_campaign_years(id.unwrap_or(-1)));
    let (notice, on_saved) = saved_notice(data);
    view! {
        <section class="admin-page" aria-labelledby="years-title">
            <p><A href="/admin/campaigns">{tr(Msg::CampaignYearsBack)}</A></p>
            <h1 id="years-title">{tr(Msg::CampaignYearsTitle)}</h1>
            <p class="hint">{tr(Msg::CampaignYearsIntro)}</p>
            {notice}
            <Loaded data let:plan>
                <Years plan on_saved/>
            </Loaded>
        </section>
    }
}

#[component]
fn Years(plan: CampaignYears, on_saved: Callback<String>) -> impl IntoView {
    let campaign = plan.campaign;
    let heading = format!(
        "{} ({}–{})",
        campaign.name, campaign.start_year, campaign.end_year
    );
    let open_year = plan.open_year;
    let years = plan
        .years
        .into_iter()
        .map(|row| {
            let open = row.calendar.year == open_year;
            view! { <YearForm campaign_id=campaign.id row open on_saved/> }
        })
        .collect_view();
    let criteria = format!("/admin/campaigns/{}/criteria", campaign.id);
    view! {
        <h2 class="campaign-heading">{heading}</h2>
        <p><A href=criteria>{tr(Msg::CampaignCriteriaLink)}</A></p>
        <section class="campaign-edit" aria-labelledby="campaign-edit-title">
            <h3 id="campaign-edit-title">{tr(Msg::CampaignEditTitle)}</h3>
            <CampaignForm existing=Some(campaign) next_year=None on_saved/>
        </section>
        <div class="campaign-years">{years}</div>
    }
}

/// The dates of a year as the form lists them, with the field each one is.
const DATES: [Field; 10] = [
    Field::RegistrationDeadline,
    Field::SixMonthCheckpoint,
    Field::NineMonthCheckpoint,
    Field::BlocReviewDeadline,
    Field::AnnualCheckpoint,
    Field::CitySubmissionDeadline,
    Field::FirstQuarterSelection,
    Field::SecondQuarterSelection,
    Field::ThirdQuarterSelection,
    Field::FourthQuarterSelection,
];

fn date_of(c: &CampaignYear, field: Field) -> chrono::NaiveDate {
    match field {
        Field::RegistrationDeadline => c.registration_deadline,
        Field::BlocReviewDeadline => c.bloc_review_deadline,
        Field::CitySubmissionDeadline => c.city_submission_deadline,
        Field::SixMonthCheckpoint => c.checkpoints.six_month,
        Field::NineMonthCheckpoint => c.checkpoints.nine_month,
        Field::AnnualCheckpoint => c.checkpoints.annual,
        Field::FirstQuarterSelection => c.quarterly_selections[0],
        Field::SecondQuarterSelection => c.quarterly_selections[1],
        Field::ThirdQuarterSelection => c.quarterly_selections[2],
        _ => c.quarterly_selections[3],
    }
}

/// The numbers of a year: the field a problem names, the label, and the value.
#[derive(Clone, Copy, PartialEq)]
enum Number {
    QuotaMin,
    QuotaMax,
    PassShare,
    Quorum,
    CulturalYears,
}

impl Number {
    const ALL: [Number; 5] = [
        Number::QuotaMin,
        Number::QuotaMax,
        Number::PassShare,
        Number::Quorum,
        Number::CulturalYears,
    ];

    fn field(self) -> Field {
        match self {
            Number::QuotaMin | Number::QuotaMax => Field::Quota,
            Number::PassShare => Field::PassShare,
            Number::Quorum => Field::Quorum,
            Number::CulturalYears => Field::CulturalFamilyYears,
        }
    }

    fn label(self) -> Msg {
        match self {
            Number::QuotaMin => Msg::CampaignQuotaMin,
            Number::QuotaMax => Msg::CampaignQuotaMax,
            Number::PassShare => Msg::CampaignPassShare,
            Number::Quorum => Msg::CampaignQuorum,
            Number::CulturalYears => Msg::CampaignCulturalYears,
        }
    }

    fn of(self, c: &CampaignYear) -> u8 {
        match self {
            Number::QuotaMin => c.city_quota.min(),
            Number::QuotaMax => c.city_quota.max(),
            Number::PassShare => c.pass_share_pct,
            Number::Quorum => c.quorum_pct,
            Number::CulturalYears => c.cultural_family_years,
        }
    }
}

/// What the administrator typed into a year's form, one signal a field.
#[derive(Clone, Copy)]
struct Typed {
    year: i32,
    dates: [RwSignal<String>; 10],
    numbers: [RwSignal<String>; 5],
}

impl Typed {
    fn new(c: &CampaignYear) -> Self {
        Typed {
            year: c.year,
            dates: DATES.map(|f| RwSignal::new(format_date(date_of(c, f)))),
            numbers: Number::ALL.map(|n| RwSignal::new(n.of(c).to_string())),
        }
    }

    /// The calendar typed, or every problem with it: a field that does not read as a date
    /// or a number, then the shared rule's problems with the calendar.
    fn calendar(&self) -> Result<CampaignYear, Vec<InputError>> {
        let mut problems = Vec::new();
        let mut dates = [chrono::NaiveDate::default(); 10];
        for (i, field) in DATES.into_iter().enumerate() {
            match shared::text::parse_date(&self.dates[i].get()) {
                Ok(Some(date)) => dates[i] = date,
                _ => problems.push(InputError::Invalid { field }),
            }
        }
        let mut numbers = [0u8; 5];
        for (i, number) in Number::ALL.into_iter().enumerate() {
            match self.numbers[i].get().trim().parse::<u8>() {
                Ok(n) => numbers[i] = n,
                Err(_) => problems.push(InputError::Invalid {
                    field: number.field(),
                }),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let quota = Quota::new(numbers[0], numbers[1]).map_err(|e| vec![e])?;
        let calendar = CampaignYear {
            year: self.year,
            registration_deadline: dates[0],
            checkpoints: Checkpoints {
                six_month: dates[1],
                nine_month: dates[2],
                annual: dates[4],
            },
            bloc_review_deadline: dates[3],
            city_submission_deadline: dates[5],
            quarterly_selections: [dates[6], dates[7], dates[8], dates[9]],
            city_quota: quota,
            pass_share_pct: numbers[2],
            quorum_pct: numbers[3],
            cultural_family_years: numbers[4],
        };
        let problems = calendar.problems();
        if problems.is_empty() {
            Ok(calendar)
        } else {
            Err(problems)
        }
    }
}

#[component]
fn YearForm(
    campaign_id: i64,
    row: CampaignYearRow,
    /// Shown unfolded (today's year); the others open on a click.
    open: bool,
    on_saved: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let CampaignYearRow { calendar, version } = row;
    let year = calendar.year;
    let typed = Typed::new(&calendar);
    let form = CheckedForm::new(move || typed.calendar().err().unwrap_or_default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let Ok(sent) = typed.calendar() else {
            form.submit(
                ev,
                || async { Ok::<(), crate::error::AppError>(()) },
                |_| {},
            );
            return;
        };
        let done = move |_| {
            let text = format!("{} {year}", t(lang.get_untracked(), Msg::CampaignYearSaved));
            on_saved.run(text);
        };
        form.submit(
            ev,
            move || save_campaign_year(campaign_id, sent, version),
            done,
        );
    };
    let invalid = move |field: Field| form.invalid(move |p: &InputError| p.field() == field);
    let id = move |what: &str| format!("y{year}-{what}");
    let dates = DATES
        .into_iter()
        .enumerate()
        .map(|(i, field)| {
            let signal = typed.dates[i];
            let input_id = id(&format!("d{i}"));
            view! {
                <label for=input_id.clone()>{move || field_name(lang.get(), field)}</label>
                <input id=input_id type="text" inputmode="numeric" autocomplete="off"
                    placeholder=move || t(lang.get(), Msg::DateFormatHint)
                    prop:value=signal
                    on:input=move |ev| { signal.set(event_target_value(&ev)); form.touched(); }
                    aria-invalid=invalid(field)/>
            }
        })
        .collect_view();
    let numbers = Number::ALL
        .into_iter()
        .enumerate()
        .map(|(i, number)| {
            let signal = typed.numbers[i];
            let input_id = id(&format!("n{i}"));
            view! {
                <label for=input_id.clone()>{tr(number.label())}</label>
                <input id=input_id type="number" inputmode="numeric" min="0" max="100"
                    prop:value=signal
                    on:input=move |ev| { signal.set(event_target_value(&ev)); form.touched(); }
                    aria-invalid=invalid(number.field())/>
            }
        })
        .collect_view();
    let heading = move || fill(lang.get(), Msg::CampaignYearHeading, &[("year", &year)]);
    // What the folded year says of itself: the City list's deadline and the quota.
    let quota = calendar.city_quota;
    let gist = move || {
        fill(
            lang.get(),
            Msg::CampaignYearGist,
            &[
                ("date", &format_date(calendar.city_submission_deadline)),
                ("min", &quota.min()),
                ("max", &quota.max()),
            ],
        )
    };
    view! {
        <details class="campaign-year" data-year=year open=open>
            <summary><h3>{heading}</h3><span class="muted">{gist}</span></summary>
            <form class="admin-form year-form" on:submit=submit novalidate>
                <fieldset>
                    <legend>{tr(Msg::CampaignYearDates)}</legend>
                    {dates}
                </fieldset>
                <fieldset>
                    <legend>{tr(Msg::CampaignYearNumbers)}</legend>
                    {numbers}
                </fieldset>
                {form.alert("error", |lang, problems| view! {
                    <ul>{problems.iter().map(|p| view! { <li>{input_error(lang, p)}</li> }).collect_view()}</ul>
                })}
                {form.submit_button(Msg::CampaignYearSave)}
            </form>
        </details>
    }
}
