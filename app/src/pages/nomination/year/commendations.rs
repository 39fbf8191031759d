//! Commendations on the card (S-3, P-1): the proposals and their decisions; for the unit
//! (and the office) the form that proposes one, for the office the form that decides a
//! pending one. Both forms are checked as they are filled with the shared rules
//! (`rules::commendation`), and again by the server on the stored records.

use super::{
    concerns, date_field, minor_heading, typed_date_problems, violation_list, RecordSection,
};
use crate::api::nominations::{decide_commendation, propose_commendation};
use crate::components::checked_form::CheckedForm;
use crate::components::table::Heading;
use crate::i18n::{tr, use_lang};
use crate::types::exports::DocKind;
use crate::types::model::{CommendationRecord, NominationView, ProposalStatus};
use leptos::prelude::*;
use shared::domain::commendation::{CommendationForm, Decision, DecisionDraft, ProposalDraft};
use shared::domain::dossier::DocumentKind;
use shared::domain::Field;
use shared::i18n::{commendation_form_name, field_name, fill, format_date, t, Lang, Msg};
use shared::rules::commendation::{
    check_decision, check_proposal, DecisionFacts, ProposalFacts, ReportState,
};

fn status_text(lang: Lang, c: &CommendationRecord) -> String {
    match &c.decision {
        None => t(lang, Msg::StatusPending).to_string(),
        Some(Decision::Granted {
            number,
            date,
            signer,
            form,
        }) => fill(
            lang,
            Msg::StatusGranted,
            &[
                ("number", number),
                ("date", &format_date(*date)),
                ("signer", signer),
                ("form", &commendation_form_name(lang, *form)),
            ],
        ),
        Some(Decision::Declined { reason }) => {
            fill(lang, Msg::StatusDeclined, &[("reason", reason)])
        }
    }
}

#[component]
pub fn CommendationsSection(
    view: NominationView,
    heading: u8,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let records = view.record.commendations.clone();
    let year = view.record.year;
    let has_rows = !records.is_empty();
    let rows = {
        let records = records.clone();
        move || {
            records
                .iter()
                .map(|c| {
                    let c = c.clone();
                    let status = c.status;
                    let p = c.proposal.clone();
                    let report = c.report_title.clone();
                    let report_id = p.report_document_id;
                    let proposal_id = c.id;
                    let (proposed_on, proposed_by) = (format_date(c.proposed_on), c.proposed_by.clone());
                    view! {
                        <tr data-proposal-id=proposal_id data-status=status.code()>
                            <th scope="row">
                                {move || commendation_form_name(lang.get(), p.form)}
                                {(!p.title.is_empty()).then(|| view! { <br/><span class="title">{p.title.clone()}</span> })}
                                <br/>
                                <span class="proposed">{
                                    move || fill(lang.get(), Msg::ProposedOn, &[("date", &proposed_on), ("by", &proposed_by)])
                                }</span>
                                <br/>
                                <span class="downloads">
                                    {tr(Msg::ProposalDownloads)} ": "
                                    <a href=DocKind::Proposal { id: proposal_id }.download_url(year, "docx") download rel="external">{tr(Msg::DownloadDocx)}</a>
                                    " · "
                                    <a href=DocKind::Proposal { id: proposal_id }.print_url(year)>{tr(Msg::PrintView)}</a>
                                </span>
                            </th>
                            <td>
                                {p.achievements.clone()}
                                <br/>
                                <a href=format!("/documents/{report_id}") download="" rel="nofollow">{report}</a>
                            </td>
                            <td>{
                                let (date, present, result) = (format_date(p.council_date), p.council_present, p.council_result.clone());
                                move || fill(lang.get(), Msg::CouncilSummary, &[("date", &date), ("present", &present), ("result", &result)])
                            }</td>
                            <td class="decision">{move || status_text(lang.get(), &c)}</td>
                        </tr>
                    }
                })
                .collect_view()
        }
    };
    let columns: Vec<Heading> = vec![
        Msg::ProposalColumn.into(),
        Field::AchievementsSummary.into(),
        Msg::UnitCouncilColumn.into(),
        Msg::DecisionColumn.into(),
    ];
    let decide_forms = view.can_decide.then(|| {
        records
            .iter()
            .filter(|c| c.status == ProposalStatus::Proposed)
            .map(|c| view! { <DecisionForm record=c.clone() heading today=view.today on_change/> })
            .collect_view()
    });
    // One proposal at a time: while one awaits its decision, the form gives way to why.
    let pending = records.iter().any(|c| c.status == ProposalStatus::Proposed);
    let propose = view.can_propose.then(|| {
        if pending {
            view! { <p class="hint awaiting">{tr(Msg::RuleCommendationPending)}</p> }.into_any()
        } else {
            view! { <ProposalForm view=view.clone() heading on_change/> }.into_any()
        }
    });
    view! {
        <RecordSection class="commendations" title_id="commendations-title" title=Msg::CommendationsTitle
            heading empty=Msg::NoCommendations table_class="evaluations-table commendations-table"
            has_rows rows columns>
            {decide_forms}
            {propose}
        </RecordSection>
    }
}

#[component]
fn ProposalForm(view: NominationView, heading: u8, on_change: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let id = view.record.card.id;
    let today = view.today;
    let stage = view.record.card.stage;
    let pending = view
        .record
        .commendations
        .iter()
        .any(|c| c.status == ProposalStatus::Proposed);
    // The dossier's achievement reports still attached: what the proposal may name.
    let reports: Vec<(i64, String)> = view
        .record
        .documents
        .iter()
        .filter(|d| d.removed.is_none() && d.document.kind == DocumentKind::AchievementReport)
        .map(|d| (d.id, d.document.title.clone()))
        .collect();
    let only_report = (reports.len() == 1).then(|| reports[0].0);
    let draft = RwSignal::new(ProposalDraft {
        report_document_id: only_report,
        ..Default::default()
    });
    let council_typed = RwSignal::new(String::new());
    let present_typed = RwSignal::new(String::new());
    let report_ids: Vec<i64> = reports.iter().map(|r| r.0).collect();
    let form = CheckedForm::new(move || {
        let report = match draft.with(|d| d.report_document_id) {
            Some(r) if report_ids.contains(&r) => ReportState::Attached,
            _ => ReportState::Missing,
        };
        let facts = ProposalFacts {
            today,
            stage,
            report,
            pending,
        };
        let problems = draft
            .with(|d| check_proposal(d, facts))
            .err()
            .unwrap_or_default();
        council_typed.with(|t| typed_date_problems(problems, t, Field::CouncilDate))
    });
    let invalid = move |field: Field| form.invalid(concerns(field));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        form.submit(
            ev,
            move || propose_commendation(id, draft.get_untracked()),
            move |_| on_change.run(t(lang.get_untracked(), Msg::ProposalSent).into()),
        )
    };
    let text = move |field: Field,
                     id: &'static str,
                     rows: Option<&'static str>,
                     get: fn(&ProposalDraft) -> String,
                     set: fn(&mut ProposalDraft, String)| {
        let input = move |ev| {
            let v = event_target_value(&ev);
            draft.update(|d| set(d, v));
            form.touched();
        };
        let control = match rows {
            Some(rows) => view! {
                <textarea id=id rows=rows aria-invalid=invalid(field)
                    prop:value=move || draft.with(get) on:input=input></textarea>
            }
            .into_any(),
            None => view! {
                <input id=id type="text" aria-invalid=invalid(field)
                    prop:value=move || draft.with(get) on:input=input/>
            }
            .into_any(),
        };
        view! {
            <label for=id>{move || field_name(lang.get(), field)}</label>
            {control}
        }
    };
    let forms = CommendationForm::ALL
        .into_iter()
        .map(|f| {
            view! {
                <option value=f.code() prop:selected=move || draft.with(|d| d.form == Some(f))>
                    {move || commendation_form_name(lang.get(), f)}
                </option>
            }
        })
        .collect_view();
    let no_report = reports.is_empty();
    let report_options = reports
        .into_iter()
        .map(|(rid, title)| {
            view! {
                <option value=rid.to_string() prop:selected=move || draft.with(|d| d.report_document_id == Some(rid))>
                    {title}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="evaluation-form-box">
            {minor_heading(heading, Msg::ProposeTitle)}
            <p class="hint">{tr(Msg::ProposeHint)}</p>
            <form class="admin-form evaluation-form proposal-form" on:submit=submit novalidate>
                <label for="c-form">{move || field_name(lang.get(), Field::CommendationForm)}</label>
                <select id="c-form" aria-invalid=invalid(Field::CommendationForm)
                    on:change=move |ev| {
                        let v = CommendationForm::from_code(&event_target_value(&ev));
                        draft.update(|d| d.form = v);
                        form.touched();
                    }>
                    <option value="" prop:selected=move || draft.with(|d| d.form.is_none())>{tr(Msg::ChooseForm)}</option>
                    {forms}
                </select>
                {text(Field::CommendationTitle, "c-title", None, |d| d.title.clone(), |d, v| d.title = v)}
                {text(Field::AchievementsSummary, "c-achievements", Some("3"), |d| d.achievements.clone(), |d, v| d.achievements = v)}
                <label for="c-report">{move || field_name(lang.get(), Field::AchievementReport)}</label>
                <div class="field">
                    <select id="c-report" aria-invalid=invalid(Field::AchievementReport) aria-describedby="c-report-hint"
                        on:change=move |ev| {
                            let v = event_target_value(&ev).parse::<i64>().ok();
                            draft.update(|d| d.report_document_id = v);
                            form.touched();
                        }>
                        <option value="" prop:selected=move || draft.with(|d| d.report_document_id.is_none())>{tr(Msg::ChooseReport)}</option>
                        {report_options}
                    </select>
                    <p class="hint" id="c-report-hint">{no_report.then(|| tr(Msg::NoReportHint))}</p>
                </div>
                {date_field(form, "c-council-date", Field::CouncilDate, council_typed, move |date| draft.update(|d| d.council_date = date))}
                <label for="c-present">{move || field_name(lang.get(), Field::CouncilPresent)}</label>
                <input id="c-present" type="number" min="1" inputmode="numeric" aria-invalid=invalid(Field::CouncilPresent)
                    prop:value=move || present_typed.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        let n = v.trim().parse::<u32>().unwrap_or(0);
                        present_typed.set(v);
                        draft.update(|d| d.council_present = n);
                        form.touched();
                    }/>
                {text(Field::CouncilResult, "c-result", Some("2"), |d| d.council_result.clone(), |d, v| d.council_result = v)}
                {form.alert("wide form-errors", violation_list)}
                <button type="submit" class="primary" disabled=move || form.saving.get()>
                    {move || t(lang.get(), if form.saving.get() { Msg::Saving } else { Msg::SendProposal })}
                </button>
            </form>
        </div>
    }
}

/// The office's decision on one pending proposal.
#[component]
fn DecisionForm(
    record: CommendationRecord,
    heading: u8,
    today: chrono::NaiveDate,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let proposal_id = record.id;
    let version = record.version;
    let proposed_on = record.proposed_on;
    let proposed_form = record.proposal.form;
    let grant = RwSignal::new(true);
    let number = RwSignal::new(String::new());
    let signer = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let granted_form = RwSignal::new(Some(proposed_form));
    let date = RwSignal::new(None::<chrono::NaiveDate>);
    let date_typed = RwSignal::new(String::new());
    let draft = move || {
        if grant.get() {
            DecisionDraft::Granted {
                number: number.get(),
                date: date.get(),
                signer: signer.get(),
                form: granted_form.get(),
            }
        } else {
            DecisionDraft::Declined {
                reason: reason.get(),
            }
        }
    };
    let form = CheckedForm::new(move || {
        let facts = DecisionFacts {
            today,
            proposed_on,
            number_taken: false,
        };
        let problems = check_decision(&draft(), facts).err().unwrap_or_default();
        if grant.get() {
            date_typed.with(|t| typed_date_problems(problems, t, Field::DecisionDate))
        } else {
            problems
        }
    });
    let invalid = move |field: Field| form.invalid(concerns(field));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let sent = draft();
        form.submit(
            ev,
            move || decide_commendation(proposal_id, version, sent),
            move |_| on_change.run(t(lang.get_untracked(), Msg::CommendationDecided).into()),
        )
    };
    // A nomination has at most one proposal awaiting its decision (S-3), so one decision
    // form at most on a page: its fields' ids are fixed.
    let title = {
        let on = format_date(proposed_on);
        move || {
            let lang = lang.get();
            fill(
                lang,
                Msg::DecideTitle,
                &[
                    ("date", &on),
                    ("form", &commendation_form_name(lang, proposed_form)),
                ],
            )
        }
    };
    let forms = move || {
        CommendationForm::ALL
            .into_iter()
            .map(|f| {
                view! {
                    <option value=f.code() prop:selected=move || granted_form.get() == Some(f)>
                        {move || commendation_form_name(lang.get(), f)}
                    </option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="evaluation-form-box decision-box" data-proposal-id=proposal_id>
            {if heading == 1 { view! { <h3 class="minor">{title}</h3> }.into_any() } else { view! { <h4 class="minor">{title}</h4> }.into_any() }}
            <form class="admin-form evaluation-form decision-form" on:submit=submit novalidate>
                <fieldset class="wide outcome">
                    <legend>{tr(Msg::OutcomeLabel)}</legend>
                    <input type="radio" id="k-grant" name="outcome" prop:checked=move || grant.get()
                        on:change=move |_| { grant.set(true); form.touched(); }/>
                    <label for="k-grant">{tr(Msg::OutcomeGrant)}</label>
                    <input type="radio" id="k-decline" name="outcome" prop:checked=move || !grant.get()
                        on:change=move |_| { grant.set(false); form.touched(); }/>
                    <label for="k-decline">{tr(Msg::OutcomeDecline)}</label>
                </fieldset>
                <Show when=move || grant.get()
                    fallback=move || view! {
                        <label for="k-reason">{move || field_name(lang.get(), Field::Reason)}</label>
                        <textarea id="k-reason" rows="2" aria-invalid=invalid(Field::Reason)
                            prop:value=move || reason.get()
                            on:input=move |ev| { reason.set(event_target_value(&ev)); form.touched(); }></textarea>
                    }>
                    <label for="k-number">{move || field_name(lang.get(), Field::DecisionNumber)}</label>
                    <input id="k-number" type="text" aria-invalid=invalid(Field::DecisionNumber)
                        prop:value=move || number.get()
                        on:input=move |ev| { number.set(event_target_value(&ev)); form.touched(); }/>
                    {date_field(form, "k-date", Field::DecisionDate, date_typed, move |d| date.set(d))}
                    <label for="k-signer">{move || field_name(lang.get(), Field::DecisionSigner)}</label>
                    <input id="k-signer" type="text" aria-invalid=invalid(Field::DecisionSigner)
                        prop:value=move || signer.get()
                        on:input=move |ev| { signer.set(event_target_value(&ev)); form.touched(); }/>
                    <label for="k-form">{move || field_name(lang.get(), Field::GrantedForm)}</label>
                    <select id="k-form" aria-invalid=invalid(Field::GrantedForm)
                        on:change=move |ev| { granted_form.set(CommendationForm::from_code(&event_target_value(&ev))); form.touched(); }>
                        {forms}
                    </select>
                </Show>
                {form.alert("wide form-errors", violation_list)}
                <button type="submit" class="primary" disabled=move || form.saving.get()>
                    {move || t(lang.get(), if form.saving.get() { Msg::Saving } else { Msg::RecordCommendationDecision })}
                </button>
            </form>
        </div>
    }
}
