//! `/admin/campaigns/:id/criteria`: a campaign's criteria per nominee kind (plan.md II.2),
//! versioned. The administrator picks the year a change applies from (a year the council
//! has begun is frozen), edits the rows, and saves a new version; the shared rule checks
//! the set as it is typed and again on the server.

use crate::api::admin::{get_campaign_criteria, save_criteria};
use crate::components::checked_form::CheckedForm;
use crate::components::loaded::{saved_notice, Loaded};
use crate::components::table::Table;
use crate::i18n::{tr, use_lang};
use crate::types::model::CampaignCriteria;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::domain::{
    Assessment, CriteriaSet, Criterion, CriterionProblem, Field, InputError, NomineeKind,
};
use shared::i18n::{field_name, fill, format_timestamp, input_error, t, Lang, Msg};

#[component]
pub fn AdminCriteriaPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i64>().ok()));
    let data = Resource::new(id, |id| get_campaign_criteria(id.unwrap_or(-1)));
    let (notice, on_saved) = saved_notice(data);
    view! {
        <section class="admin-page" aria-labelledby="criteria-title">
            <p><A href="/admin/campaigns">{tr(Msg::CampaignYearsBack)}</A></p>
            <h1 id="criteria-title">{tr(Msg::CriteriaTitle)}</h1>
            <p class="hint">{tr(Msg::CriteriaIntro)}</p>
            {notice}
            <Loaded data let:criteria>
                <Criteria criteria on_saved/>
            </Loaded>
        </section>
    }
}

#[component]
fn Criteria(criteria: CampaignCriteria, on_saved: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let campaign = criteria.campaign.clone();
    let heading = format!(
        "{} ({}–{})",
        campaign.name, campaign.start_year, campaign.end_year
    );
    let rows = criteria
        .years
        .iter()
        .map(|y| {
            let version = y.version;
            let made = criteria
                .versions
                .iter()
                .find(|v| v.version == version)
                .and_then(|v| v.made.clone());
            let frozen = y.frozen;
            view! {
                <tr data-year=y.year data-frozen=frozen.to_string()>
                    <th scope="row">{y.year}</th>
                    <td>{move || match (&made, version) {
                        (_, 0) => t(lang.get(), Msg::CriteriaPlanVersion).to_string(),
                        (Some((_, by, at)), v) => format!("{v} ({by}, {})", format_timestamp(at)),
                        (None, v) => v.to_string(),
                    }}</td>
                    <td>{move || t(lang.get(), if frozen { Msg::CriteriaFrozenState } else { Msg::CriteriaOpenState })}</td>
                </tr>
            }
        })
        .collect_view();
    let open: Vec<i32> = criteria
        .years
        .iter()
        .filter(|y| !y.frozen)
        .map(|y| y.year)
        .collect();
    let editor = if open.is_empty() {
        view! { <p class="notice">{tr(Msg::CriteriaAllFrozen)}</p> }.into_any()
    } else {
        let from = RwSignal::new(criteria.open_year);
        let choices = open
            .iter()
            .map(|y| {
                let y = *y;
                view! { <option value=y.to_string() selected=move || from.get() == y>{y}</option> }
            })
            .collect_view();
        let campaign_id = campaign.id;
        // The form starts from the criteria of the year it opens on; choosing another year
        // changes only where the change applies (what was typed stays).
        let start = criteria.open_year;
        let version = criteria
            .years
            .iter()
            .find(|y| y.year == start)
            .map_or(0, |y| y.version);
        let set = criteria
            .versions
            .iter()
            .find(|v| v.version == version)
            .map(|v| v.set.clone())
            .unwrap_or_else(CriteriaSet::plan);
        let latest = criteria.latest_version;
        view! {
            <div class="criteria-from">
                <label for="criteria-from">{tr(Msg::CriteriaFromYear)}</label>
                <select id="criteria-from" on:change=move |ev| {
                    if let Ok(y) = event_target_value(&ev).parse() { from.set(y); }
                }>{choices}</select>
            </div>
            <Editor campaign_id from latest set on_saved/>
        }
        .into_any()
    };
    view! {
        <h2 class="campaign-heading">{heading}</h2>
        <Table class="criteria-years" caption=Msg::CriteriaYears columns=vec![
            Msg::CampaignYears.into(), Msg::CriteriaVersionCol.into(), Msg::CriteriaStatus.into(),
        ]>{rows}</Table>
        {editor}
    }
}

/// One row as typed.
#[derive(Clone, Copy)]
struct Row {
    key: u64,
    code: RwSignal<String>,
    vi: RwSignal<String>,
    en: RwSignal<String>,
    scored: RwSignal<bool>,
    weight: RwSignal<String>,
    floor: RwSignal<String>,
}

impl Row {
    fn new(key: u64, c: &Criterion) -> Row {
        Row {
            key,
            code: RwSignal::new(c.code.clone()),
            vi: RwSignal::new(c.vi.clone()),
            en: RwSignal::new(c.en.clone()),
            scored: RwSignal::new(c.is_scored()),
            weight: RwSignal::new(if c.is_scored() {
                c.weight.to_string()
            } else {
                String::new()
            }),
            floor: RwSignal::new(c.floor.map(|f| f.to_string()).unwrap_or_default()),
        }
    }

    /// The criterion typed, or what does not read as a number.
    fn criterion(&self) -> Result<Criterion, Vec<InputError>> {
        let scored = self.scored.get();
        let mut problems = Vec::new();
        let weight = if scored {
            self.weight.get().trim().parse::<u8>().unwrap_or_else(|_| {
                problems.push(InputError::OutOfRange {
                    field: Field::Weight,
                    min: 1,
                    max: i64::from(shared::domain::criteria::MAX_WEIGHT),
                });
                1
            })
        } else {
            0
        };
        let floor = match self.floor.get().trim() {
            "" => None,
            _ if !scored => None,
            text => match text.parse::<u8>() {
                Ok(f) => Some(f),
                Err(_) => {
                    problems.push(InputError::OutOfRange {
                        field: Field::Floor,
                        min: 0,
                        max: 10,
                    });
                    None
                }
            },
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Criterion {
            code: self.code.get(),
            vi: self.vi.get(),
            en: self.en.get(),
            weight,
            assessment: if scored {
                Assessment::Scored
            } else {
                Assessment::Eligibility
            },
            floor,
        })
    }
}

/// The set typed, or every problem with it: numbers that do not read, then the shared
/// rule's problems with the set.
fn typed_set(
    rows: &[(NomineeKind, RwSignal<Vec<Row>>)],
) -> Result<CriteriaSet, Vec<CriterionProblem>> {
    let mut set = CriteriaSet::default();
    let mut problems = Vec::new();
    for (kind, list) in rows {
        for (i, row) in list.get().iter().enumerate() {
            match row.criterion() {
                Ok(c) => set.of_mut(*kind).push(c),
                Err(errors) => problems.extend(errors.into_iter().map(|error| CriterionProblem {
                    kind: *kind,
                    row: Some(i),
                    error,
                })),
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let problems = set.problems();
    if problems.is_empty() {
        Ok(set)
    } else {
        Err(problems)
    }
}

/// A row's name where it is announced: its code, or "new criterion" before one is typed.
fn row_name(lang: Lang, code: String) -> String {
    if code.trim().is_empty() {
        t(lang, Msg::CriteriaNewRow).to_string()
    } else {
        code
    }
}

fn problem_text(lang: Lang, p: &CriterionProblem) -> String {
    let kind = t(lang, Msg::Kind(p.kind));
    match p.row {
        Some(row) => format!(
            "{kind} · {}: {}",
            fill(lang, Msg::CriteriaRow, &[("row", &(row + 1))]),
            input_error(lang, &p.error)
        ),
        None => format!("{kind}: {}", input_error(lang, &p.error)),
    }
}

#[component]
fn Editor(
    campaign_id: i64,
    /// The year the change applies from.
    from: RwSignal<i32>,
    /// The campaign's latest version when the page was read: the save is made over it.
    latest: i64,
    set: CriteriaSet,
    on_saved: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let next_key = StoredValue::new(0u64);
    let fresh = move || {
        let k = next_key.get_value() + 1;
        next_key.set_value(k);
        k
    };
    let lists: Vec<(NomineeKind, RwSignal<Vec<Row>>)> = NomineeKind::ALL
        .into_iter()
        .map(|kind| {
            let rows = set.of(kind).iter().map(|c| Row::new(fresh(), c)).collect();
            (kind, RwSignal::new(rows))
        })
        .collect();
    let lists = StoredValue::new(lists);
    let form =
        CheckedForm::new(move || lists.with_value(|l| typed_set(l).err().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let Ok(sent) = lists.with_value(|l| typed_set(l)) else {
            form.submit(
                ev,
                || async { Ok::<(), crate::error::AppError>(()) },
                |_| {},
            );
            return;
        };
        let done = move |new: i64| {
            let text = format!("{} {new}", t(lang.get_untracked(), Msg::CriteriaSaved));
            on_saved.run(text);
        };
        let year = from.get_untracked();
        form.submit(
            ev,
            move || save_criteria(campaign_id, year, sent, latest),
            done,
        );
    };
    let fieldsets = lists.with_value(|l| l.clone()).into_iter().enumerate().map(|(i, (kind, list))| {
        let add = move |_| {
            let blank = Criterion {
                code: String::new(),
                vi: String::new(),
                en: String::new(),
                weight: 1,
                assessment: Assessment::Scored,
                floor: None,
            };
            let row = Row::new(fresh(), &blank);
            list.update(|l| l.push(row));
            form.touched();
        };
        let invalid = move |key: u64, field: Field| {
            form.invalid(move |p: &CriterionProblem| {
                p.kind == kind
                    && p.error.field() == field
                    && p.row.is_some_and(|i| list.with_untracked(|l| l.get(i).is_some_and(|r| r.key == key)))
            })
        };
        // What the folded kind says of itself: how many criteria, the weights' sum.
        let gist = move || {
            let (count, weights) = list.with(|l| {
                let weights: u32 = l
                    .iter()
                    .filter(|r| r.scored.get())
                    .filter_map(|r| r.weight.get().trim().parse::<u32>().ok())
                    .sum();
                (l.len(), weights)
            });
            fill(lang.get(), Msg::CriteriaKindGist, &[("count", &count), ("weights", &weights)])
        };
        view! {
            <details class="criteria-kind" data-kind=kind.code() open=i == 0>
                <summary><h3>{move || t(lang.get(), Msg::Kind(kind))}</h3><span class="muted">{gist}</span></summary>
                <For each=move || list.get() key=|r| r.key let:row>
                    {
                        let id = move |what: &str| format!("k-{}-{}-{what}", kind.code(), row.key);
                        let remove = move |_| { list.update(|l| l.retain(|r| r.key != row.key)); form.touched(); };
                        view! {
                            <div class="criterion-row" data-row=row.key role="group" aria-label=move || row_name(lang.get(), row.code.get())>
                                <div class="field">
                                    <label for=id("code")>{move || field_name(lang.get(), Field::CriterionCode)}</label>
                                    <input id=id("code") type="text" size="8" autocomplete="off" prop:value=row.code
                                        aria-invalid=invalid(row.key, Field::CriterionCode)
                                        on:input=move |ev| { row.code.set(event_target_value(&ev)); form.touched(); }/>
                                </div>
                                <div class="field">
                                    <label for=id("how")>{tr(Msg::CriteriaAssessment)}</label>
                                    <select id=id("how") on:change=move |ev| {
                                        let scored = event_target_value(&ev) == "scored";
                                        // A condition made scored starts at the smallest weight.
                                        if scored && row.weight.get_untracked().trim().is_empty() {
                                            row.weight.set("1".into());
                                        }
                                        row.scored.set(scored);
                                        form.touched();
                                    }>
                                        <option value="scored" selected=move || row.scored.get()>{tr(Msg::CriteriaScored)}</option>
                                        <option value="eligibility" selected=move || !row.scored.get()>{tr(Msg::CriteriaCondition)}</option>
                                    </select>
                                </div>
                                <div class="field">
                                    <label for=id("weight")>{move || field_name(lang.get(), Field::Weight)}</label>
                                    <input id=id("weight") type="number" min="1" max="10" inputmode="numeric"
                                        prop:value=row.weight prop:disabled=move || !row.scored.get()
                                        aria-invalid=invalid(row.key, Field::Weight)
                                        on:input=move |ev| { row.weight.set(event_target_value(&ev)); form.touched(); }/>
                                </div>
                                <div class="field">
                                    <label for=id("floor")>{move || field_name(lang.get(), Field::Floor)}</label>
                                    <input id=id("floor") type="number" min="0" max="10" inputmode="numeric"
                                        prop:value=row.floor prop:disabled=move || !row.scored.get()
                                        placeholder=move || t(lang.get(), Msg::CriteriaFloorHint)
                                        aria-invalid=invalid(row.key, Field::Floor)
                                        on:input=move |ev| { row.floor.set(event_target_value(&ev)); form.touched(); }/>
                                </div>
                                <div class="field wide">
                                    <label for=id("vi")>{move || field_name(lang.get(), Field::CriterionVi)}</label>
                                    <textarea id=id("vi") rows="2" prop:value=row.vi
                                        aria-invalid=invalid(row.key, Field::CriterionVi)
                                        on:input=move |ev| { row.vi.set(event_target_value(&ev)); form.touched(); }></textarea>
                                </div>
                                <div class="field wide">
                                    <label for=id("en")>{move || field_name(lang.get(), Field::CriterionEn)}</label>
                                    <textarea id=id("en") rows="2" prop:value=row.en
                                        aria-invalid=invalid(row.key, Field::CriterionEn)
                                        on:input=move |ev| { row.en.set(event_target_value(&ev)); form.touched(); }></textarea>
                                </div>
                                <button type="button" class="secondary remove" on:click=remove>
                                    {move || format!("{} {}", t(lang.get(), Msg::CriteriaRemove), row_name(lang.get(), row.code.get()))}
                                </button>
                            </div>
                        }
                    }
                </For>
                <button type="button" class="secondary add" on:click=add>
                    {move || format!("{} · {}", t(lang.get(), Msg::CriteriaAdd), t(lang.get(), Msg::Kind(kind)))}
                </button>
            </details>
        }
    }).collect_view();
    view! {
        <form class="criteria-form" on:submit=submit novalidate>
            {fieldsets}
            {form.alert("error", |lang, problems| view! {
                <ul>{problems.iter().map(|p| view! { <li>{problem_text(lang, p)}</li> }).collect_view()}</ul>
            })}
            {form.submit_button(Msg::CriteriaSave)}
        </form>
    }
}
