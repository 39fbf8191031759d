//! Creating and editing a nomination: checked as the user types with the shared rules
//! (`NominationDraft::validate`), checked again by the server on saving.

use crate::api::nominations::{nomination_form, save_nomination};
use crate::components::checked_form::CheckedForm;
use crate::components::loaded::Loaded;
use crate::i18n::{tr, use_lang};
use crate::types::model::NominationFormData;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::domain::exemplar::movement_choice_error;
use shared::domain::{
    Assessment, CoopType, ExemplarType, Field, InputError, NominationDraft, NomineeKind, Profile,
};
use shared::i18n::{exemplar_type_name, field_name, fill, input_error, t, Msg};

/// `/nominations/new` and `/nominations/{id}/edit`.
#[component]
pub fn NominationEditPage() -> impl IntoView {
    let id = super::page_id();
    let lang = use_lang();
    let data = Resource::new(id, nomination_form);
    view! {
        <section class="nomination-form-page">
            <p><a href="/board">{tr(Msg::BackToBoard)}</a></p>
            <h1>{move || t(lang.get(), if id().is_some() { Msg::EditNomination } else { Msg::NewNomination })}</h1>
            <Loaded data let:form>
                <NominationFormView data=form/>
            </Loaded>
        </section>
    }
}

/// Reads "2023, 2024 2025" as years; anything else is an error of the field.
fn parse_years(text: &str) -> Result<Vec<i32>, InputError> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<i32>().map_err(|_| InputError::Invalid {
                field: Field::CulturalFamilyYears,
            })
        })
        .collect()
}

#[component]
fn NominationFormView(data: NominationFormData) -> impl IntoView {
    let lang = use_lang();
    let creating = data.id.is_none();
    let draft = RwSignal::new(data.draft.clone());
    // The criteria the nomination's year is judged on (the Department's, per campaign).
    let criteria = StoredValue::new(data.criteria.clone());
    // The evidence as stored: kept as it is, it stays acceptable even if its criterion
    // was removed from the year's set since.
    let kept = StoredValue::new(data.draft.evidence.clone());
    let years_text = RwSignal::new(match &data.draft.profile {
        Profile::Household {
            cultural_family_years,
            ..
        } => cultural_family_years
            .iter()
            .map(i32::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        _ => String::new(),
    });
    // The campaign's movements; a retired one stays acceptable where it was named already.
    let movements = StoredValue::new(data.movements.clone());
    let stored_movement = data.draft.movement_id;
    let form = CheckedForm::new(move || {
        let mut errors = draft.with(NominationDraft::validate);
        errors.extend(draft.with(|d| {
            movements.with_value(|list| movement_choice_error(d.movement_id, stored_movement, list))
        }));
        errors.extend(draft.with(|d| {
            criteria.with_value(|set| kept.with_value(|kept| d.evidence_errors(set, kept)))
        }));
        if draft.with(|d| d.profile.kind()) == NomineeKind::Household {
            if let Err(e) = parse_years(&years_text.get()) {
                errors.push(e);
            }
        }
        errors
    });
    let field_errors = move |field: Field| {
        form.messages(
            move |e: &InputError| e.field() == field,
            |e, lang| input_error(lang, e),
        )
    };
    let invalid = move |field: Field| form.invalid(move |e: &InputError| e.field() == field);
    let units = data.units.clone();
    let collectives = data.collectives.clone();
    let (id, version, year) = (data.id, data.version, data.year);
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let navigate = navigate.clone();
        form.submit(
            ev,
            move || save_nomination(id, version, year, draft.get_untracked()),
            move |event| {
                navigate(
                    &format!("/nominations/{}", event.card.id),
                    Default::default(),
                )
            },
        )
    };

    let unit_field = if creating && units.len() > 1 {
        let options = units
            .iter()
            .map(|u| {
                let selected = u.id == data.draft.unit_id;
                view! { <option value=u.id.to_string() selected=selected>{u.name.clone()}</option> }
            })
            .collect_view();
        view! {
            <label for="f-unit">{tr(Msg::FilterUnit)}</label>
            <select id="f-unit" on:change=move |ev| {
                if let Ok(id) = event_target_value(&ev).parse() {
                    draft.update(|d| d.unit_id = id);
                }
            }>{options}</select>
        }
        .into_any()
    } else {
        let name = units.first().map(|u| u.name.clone()).unwrap_or_default();
        view! { <span class="label">{tr(Msg::FilterUnit)}</span><span>{name}</span> }.into_any()
    };
    let kind_field = if creating {
        let options = NomineeKind::ALL
            .into_iter()
            .map(|k| {
                let selected = k == data.draft.profile.kind();
                view! { <option value=k.code() selected=selected>{move || t(lang.get(), Msg::Kind(k))}</option> }
            })
            .collect_view();
        view! {
            <label for="f-kind">{tr(Msg::FilterKind)}</label>
            <select id="f-kind" on:change=move |ev| {
                if let Some(kind) = NomineeKind::from_code(&event_target_value(&ev)) {
                    draft.update(|d| {
                        d.profile = Profile::empty(kind);
                        criteria.with_value(|set| {
                            let known = set.of(kind);
                            d.evidence.retain(|code, _| known.iter().any(|c| &c.code == code));
                        });
                    });
                    years_text.set(String::new());
                }
            }>{options}</select>
        }
        .into_any()
    } else {
        let kind = data.draft.profile.kind();
        view! { <span class="label">{tr(Msg::FilterKind)}</span><span>{move || t(lang.get(), Msg::Kind(kind))}</span> }
            .into_any()
    };

    let text_input = move |field: Field,
                           id: &'static str,
                           multiline: bool,
                           get: fn(&NominationDraft) -> String,
                           set: fn(&mut NominationDraft, String)| {
        let error_id = format!("{id}-error");
        let described = error_id.clone();
        let input = if multiline {
            view! {
                <textarea id=id rows="3" aria-describedby=described aria-invalid=invalid(field)
                    prop:value=move || draft.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)); form.touched(); }>
                </textarea>
            }
            .into_any()
        } else {
            view! {
                <input id=id type="text" aria-describedby=described aria-invalid=invalid(field)
                    prop:value=move || draft.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)); form.touched(); }/>
            }
            .into_any()
        };
        view! {
            <label for=id>{move || field_name(lang.get(), field)}</label>
            <div class="field">
                {input}
                <p class="field-error" id=error_id>{field_errors(field)}</p>
            </div>
        }
    };

    let type_options = move || {
        let lang_now = lang.get();
        let chosen = draft.with(|d| d.exemplar_type);
        ExemplarType::ALL
            .into_iter()
            .map(|k| view! { <option value=k.code() selected=chosen == Some(k)>{exemplar_type_name(lang_now, k)}</option> })
            .collect_view()
    };
    let movement_options = move || {
        let lang_now = lang.get();
        let chosen = draft.with(|d| d.movement_id);
        movements.with_value(|list| {
            list.iter()
                .filter(|m| !m.retired || stored_movement == Some(m.id))
                .map(|m| {
                    let name = if m.retired {
                        fill(lang_now, Msg::MovementRetiredMark, &[("name", &m.name)])
                    } else {
                        m.name.clone()
                    };
                    view! { <option value=m.id.to_string() selected=chosen == Some(m.id)>{name}</option> }
                })
                .collect_view()
        })
    };
    let classification = view! {
        <p class="hint wide" id="f-class-hint">{tr(Msg::ClassificationHint)}</p>
        <label for="f-type">{move || field_name(lang.get(), Field::ExemplarType)}</label>
        <select id="f-type" aria-describedby="f-class-hint" on:change=move |ev| {
            let v = ExemplarType::from_code(&event_target_value(&ev));
            draft.update(|d| d.exemplar_type = v);
            form.touched();
        }>
            <option value="" selected=move || draft.with(|d| d.exemplar_type.is_none())>{tr(Msg::ChooseExemplarType)}</option>
            {type_options}
        </select>
        <label for="f-movement">{move || field_name(lang.get(), Field::Movement)}</label>
        <div class="field">
            <select id="f-movement" aria-describedby="f-movement-error" aria-invalid=invalid(Field::Movement) on:change=move |ev| {
                let v = event_target_value(&ev).parse::<i64>().ok();
                draft.update(|d| d.movement_id = v);
                form.touched();
            }>
                <option value="" selected=move || draft.with(|d| d.movement_id.is_none())>{tr(Msg::NoMovement)}</option>
                {movement_options}
            </select>
            <p class="field-error" id="f-movement-error">{field_errors(Field::Movement)}</p>
        </div>
    };

    let number = |text: String| text.trim().parse::<u32>().unwrap_or(0);
    let profile_fields = move || {
        let kind = draft.with(|d| d.profile.kind());
        let lang_now = lang.get();
        match kind {
            NomineeKind::Collective => view! {
                <label for="f-size">{field_name(lang_now, Field::CollectiveSize)}</label>
                <div class="field">
                    <input id="f-size" type="number" min="1" aria-describedby="f-size-error"
                        aria-invalid=invalid(Field::CollectiveSize)
                        prop:value=move || draft.with(|d| match d.profile { Profile::Collective { size } if size > 0 => size.to_string(), _ => String::new() })
                        on:input=move |ev| { let n = number(event_target_value(&ev)); draft.update(|d| d.profile = Profile::Collective { size: n }); form.touched(); }/>
                    <p class="field-error" id="f-size-error">{field_errors(Field::CollectiveSize)}</p>
                </div>
            }.into_any(),
            NomineeKind::Individual => {
                let collectives = collectives.clone();
                let options = move || {
                    let unit = draft.with(|d| d.unit_id);
                    let chosen = draft.with(|d| match d.profile { Profile::Individual { collective_nomination, .. } => collective_nomination, _ => None });
                    collectives
                        .iter()
                        .filter(|c| c.unit_id == unit)
                        .map(|c| view! { <option value=c.id.to_string() selected=chosen == Some(c.id)>{c.name.clone()}</option> })
                        .collect_view()
                };
                let set_individual = move |f: &dyn Fn(&mut String, &mut bool, &mut Option<i64>)| {
                    draft.update(|d| {
                        if let Profile::Individual { position, heads_unit, collective_nomination } = &mut d.profile {
                            f(position, heads_unit, collective_nomination);
                        }
                    });
                    form.touched();
                };
                view! {
                    <label for="f-position">{field_name(lang_now, Field::IndividualPosition)}</label>
                    <div class="field">
                        <input id="f-position" type="text" aria-describedby="f-position-error"
                            aria-invalid=invalid(Field::IndividualPosition)
                            prop:value=move || draft.with(|d| match &d.profile { Profile::Individual { position, .. } => position.clone(), _ => String::new() })
                            on:input=move |ev| { let v = event_target_value(&ev); set_individual(&|p, _, _| *p = v.clone()); }/>
                        <p class="field-error" id="f-position-error">{field_errors(Field::IndividualPosition)}</p>
                    </div>
                    <span class="label"></span>
                    <label class="check">
                        <input type="checkbox"
                            prop:checked=move || draft.with(|d| matches!(d.profile, Profile::Individual { heads_unit: true, .. }))
                            on:change=move |ev| { let on = event_target_checked(&ev); set_individual(&|_, h, _| *h = on); }/>
                        {t(lang_now, Msg::HeadsUnit)}
                    </label>
                    <label for="f-collective">{t(lang_now, Msg::LinkedCollective)}</label>
                    <select id="f-collective" on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<i64>().ok();
                        set_individual(&|_, _, c| *c = v);
                    }>
                        <option value="">{t(lang_now, Msg::NoneOption)}</option>
                        {options}
                    </select>
                }.into_any()
            }
            NomineeKind::Cooperative => view! {
                <label for="f-coop">{t(lang_now, Msg::CoopTypeLabel)}</label>
                <select id="f-coop" on:change=move |ev| {
                    let group = event_target_value(&ev) == "coop_group";
                    draft.update(|d| if let Profile::Cooperative { coop_type, .. } = &mut d.profile {
                        *coop_type = if group { CoopType::CoopGroup } else { CoopType::Cooperative };
                    });
                }>
                    <option value="cooperative" selected=move || draft.with(|d| matches!(d.profile, Profile::Cooperative { coop_type: CoopType::Cooperative, .. }))>{t(lang_now, Msg::CoopCooperative)}</option>
                    <option value="coop_group" selected=move || draft.with(|d| matches!(d.profile, Profile::Cooperative { coop_type: CoopType::CoopGroup, .. }))>{t(lang_now, Msg::CoopGroup)}</option>
                </select>
                <label for="f-members">{field_name(lang_now, Field::CooperativeMembers)}</label>
                <div class="field">
                    <input id="f-members" type="number" min="1" aria-describedby="f-members-error"
                        aria-invalid=invalid(Field::CooperativeMembers)
                        prop:value=move || draft.with(|d| match d.profile { Profile::Cooperative { members, .. } if members > 0 => members.to_string(), _ => String::new() })
                        on:input=move |ev| { let n = number(event_target_value(&ev)); draft.update(|d| if let Profile::Cooperative { members, .. } = &mut d.profile { *members = n; }); form.touched(); }/>
                    <p class="field-error" id="f-members-error">{field_errors(Field::CooperativeMembers)}</p>
                </div>
            }.into_any(),
            NomineeKind::Household => view! {
                <label for="f-years">{field_name(lang_now, Field::CulturalFamilyYears)}</label>
                <div class="field">
                    <input id="f-years" type="text" inputmode="numeric" aria-describedby="f-years-hint f-years-error"
                        aria-invalid=invalid(Field::CulturalFamilyYears)
                        prop:value=move || years_text.get()
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            years_text.set(v.clone());
                            if let Ok(years) = parse_years(&v) {
                                draft.update(|d| if let Profile::Household { cultural_family_years, .. } = &mut d.profile { *cultural_family_years = years; });
                            }
                            form.touched();
                        }/>
                    <p class="hint" id="f-years-hint">{t(lang_now, Msg::YearsHint)}</p>
                    <p class="field-error" id="f-years-error">{field_errors(Field::CulturalFamilyYears)}</p>
                </div>
                <span class="label"></span>
                <label class="check">
                    <input type="checkbox"
                        prop:checked=move || draft.with(|d| matches!(d.profile, Profile::Household { exemplary: true, .. }))
                        on:change=move |ev| { let on = event_target_checked(&ev); draft.update(|d| if let Profile::Household { exemplary, .. } = &mut d.profile { *exemplary = on; }); }/>
                    {t(lang_now, Msg::Exemplary)}
                </label>
            }.into_any(),
        }
    };
    let evidence_fields = move || {
        let kind = draft.with(|d| d.profile.kind());
        let lang_now = lang.get();
        criteria
            .with_value(|set| set.of(kind).to_vec())
            .into_iter()
            .map(|c| {
                let code = StoredValue::new(c.code.clone());
                let id = format!("f-ev-{}", c.code);
                let name = c.text(lang_now).to_string();
                let weight = match c.assessment {
                    Assessment::Scored => format!("{} {}", t(lang_now, Msg::WeightLabel), c.weight),
                    Assessment::Eligibility => t(lang_now, Msg::ConditionLabel).to_string(),
                };
                view! {
                    <label for=id.clone()>{format!("{} · {name} ({weight})", c.code)}</label>
                    <textarea id=id rows="2"
                        prop:value=move || draft.with(|d| code.with_value(|code| d.evidence.get(code).cloned().unwrap_or_default()))
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| { d.evidence.insert(code.get_value(), v); }); form.touched(); }>
                    </textarea>
                }
            })
            .collect_view()
    };
    view! {
        <form class="nomination-form admin-form" on:submit=submit novalidate>
            <p class="hint wide">{tr(Msg::RegistrationNote)}</p>
            {unit_field}
            {kind_field}
            {text_input(Field::NomineeName, "f-name", false, |d| d.nominee_name.clone(), |d, v| d.nominee_name = v)}
            {classification}
            {profile_fields}
            {text_input(Field::Description, "f-description", true, |d| d.description.clone(), |d, v| d.description = v)}
            {text_input(Field::ReplicationPotential, "f-replication", true, |d| d.replication_potential.clone(), |d, v| d.replication_potential = v)}
            <fieldset class="evidence-fields wide">
                <legend>{tr(Msg::EvidenceTitle)}</legend>
                {evidence_fields}
            </fieldset>
            {form.alert("wide form-errors", |lang, errors| {
                let items = errors
                    .iter()
                    .map(|e| view! { <li>{input_error(lang, e)}</li> })
                    .collect_view();
                view! { <p>{t(lang, Msg::FixErrors)}</p><ul>{items}</ul> }
            })}
            {form.submit_button(Msg::Save)}
        </form>
    }
}
