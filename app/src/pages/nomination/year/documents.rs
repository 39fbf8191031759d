//! The dossier's documents on the card (N-1): the list (each downloadable by those who may
//! read the nomination; removed ones kept, marked so), and for those who may edit the
//! dossier, the upload form (checked as the user fills it with the shared rule, the file's
//! content checked by the server) and the removal, confirmed first.

use super::{
    concerns, date_field, minor_heading, typed_date_problems, violation_list, RecordSection,
};
use crate::api::nominations::remove_document;
use crate::components::checked_form::CheckedForm;
use crate::components::table::Heading;
use crate::error::AppError;
use crate::i18n::{tr, use_lang};
use crate::types::model::{DocumentRecord, NominationView};
use leptos::prelude::*;
use shared::domain::dossier::{DocumentDraft, DocumentKind, FileFacts, FileType};
use shared::domain::Field;
use shared::i18n::{
    document_kind_name, field_name, fill, format_bytes, format_date, format_timestamp, t, Msg,
};
use shared::rules::dossier::check_document;

#[component]
pub fn DocumentsSection(
    view: NominationView,
    heading: u8,
    on_change: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let documents = view.record.documents.clone();
    let has_rows = !documents.is_empty();
    let can_remove = view.can_attach;
    // The document whose removal is being confirmed, and a refusal of the last removal.
    let confirming = RwSignal::new(None::<i64>);
    let remove_error = RwSignal::new(None::<String>);
    let removing = RwSignal::new(false);
    let remove = move |document_id: i64| {
        if removing.get_untracked() {
            return;
        }
        removing.set(true);
        remove_error.set(None);
        leptos::task::spawn_local(async move {
            match remove_document(document_id).await {
                Ok(_) => {
                    confirming.set(None);
                    on_change.run(t(lang.get_untracked(), Msg::DocumentRemoved).into());
                }
                Err(e) => remove_error.set(Some(e.describe(lang.get_untracked()))),
            }
            removing.set(false);
        });
    };
    let rows = move || {
        documents
            .iter()
            .map(|d| document_row(d, can_remove, confirming, removing, remove))
            .collect_view()
    };
    let mut columns: Vec<Heading> = vec![
        Field::DocumentTitle.into(),
        Field::DocumentKind.into(),
        Msg::DocumentSize.into(),
        Msg::DocumentUploaded.into(),
    ];
    if can_remove {
        columns.push(Msg::AuditAction.into());
    }
    let form = view
        .can_attach
        .then(|| view! { <DocumentForm view=view.clone() heading on_change/> });
    view! {
        <RecordSection class="documents" title_id="documents-title" title=Msg::DossierTitle
            heading empty=Msg::NoDocuments table_class="evaluations-table documents-table"
            has_rows rows columns>
            <Show when=move || remove_error.with(Option::is_some)>
                <div class="form-errors" role="alert">
                    <p class="error">{move || remove_error.get()}</p>
                </div>
            </Show>
            {form}
        </RecordSection>
    }
}

fn document_row(
    d: &DocumentRecord,
    can_remove: bool,
    confirming: RwSignal<Option<i64>>,
    removing: RwSignal<bool>,
    remove: impl Fn(i64) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let id = d.id;
    let title = d.document.title.clone();
    let removed = d.removed.clone();
    let is_removed = removed.is_some();
    let kind = d.document.kind;
    let name = title.clone();
    let heading = match &removed {
        Some((by, at)) => {
            let (by, at) = (by.clone(), format_timestamp(at));
            view! {
                <span class="removed-title">{title.clone()}</span>
                <br/>
                <span class="removed-note">
                    {move || fill(lang.get(), Msg::DocumentRemovedBy, &[("by", &by), ("at", &at)])}
                </span>
            }
            .into_any()
        }
        None => view! {
            <a href=format!("/documents/{id}") download="" rel="nofollow">{title.clone()}</a>
        }
        .into_any(),
    };
    let meeting = d.document.meeting_date.map(|date| {
        let result = d.document.meeting_result.clone();
        view! {
            <br/>
            <span class="meeting">
                {move || fill(lang.get(), Msg::DocumentMeeting, &[("date", &format_date(date)), ("result", &result)])}
            </span>
        }
    });
    let size = format!(
        "{} · {}",
        format_bytes(d.size),
        d.file_type.extension().to_uppercase()
    );
    let uploaded = format!("{}, {}", d.uploaded_by, format_timestamp(&d.uploaded_at));
    let action = (can_remove && !is_removed).then(|| {
        let label = name.clone();
        view! {
            <td>
                <Show when=move || confirming.get() == Some(id)
                    fallback=move || {
                        let label = label.clone();
                        view! {
                            <button type="button" class="secondary remove-document"
                                aria-label=move || fill(lang.get(), Msg::RemoveDocumentNamed, &[("name", &label)])
                                on:click=move |_| confirming.set(Some(id))>
                                {tr(Msg::RemoveDocument)}
                            </button>
                        }
                    }>
                    <p class="confirm">{tr(Msg::ConfirmRemoveDocument)}</p>
                    <button type="button" class="danger confirm-remove" disabled=move || removing.get()
                        on:click=move |_| remove(id)>
                        {tr(Msg::RemoveDocument)}
                    </button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| confirming.set(None)>
                        {tr(Msg::KeepDocument)}
                    </button>
                </Show>
            </td>
        }
    });
    let empty_action = (can_remove && is_removed).then(|| view! { <td></td> });
    view! {
        <tr data-document-id=id class:removed=is_removed>
            <th scope="row">{heading} {meeting}</th>
            <td>{move || document_kind_name(lang.get(), kind)}</td>
            <td>{size}</td>
            <td>{uploaded}</td>
            {action}
            {empty_action}
        </tr>
    }
}

#[component]
fn DocumentForm(view: NominationView, heading: u8, on_change: Callback<String>) -> impl IntoView {
    let lang = use_lang();
    let id = view.record.card.id;
    let limits = view.document_limits;
    let used = view.record.dossier_bytes();
    let today = view.today;
    let draft = RwSignal::new(DocumentDraft::default());
    let meeting_typed = RwSignal::new(String::new());
    // The chosen file as the browser sees it: its name and size.
    let file = RwSignal::new(None::<(String, u64)>);
    let input: NodeRef<leptos::html::Input> = NodeRef::new();
    let form = CheckedForm::new(move || {
        let (name, size) = file.get().unwrap_or_default();
        let facts = FileFacts {
            name,
            size,
            dossier_bytes: used,
        };
        let problems = draft
            .with(|d| check_document(d, &facts, limits, today))
            .err()
            .unwrap_or_default();
        if draft.with(|d| d.kind == DocumentKind::MeetingMinutes) {
            meeting_typed.with(|t| typed_date_problems(problems, t, Field::MeetingDate))
        } else {
            problems
        }
    });
    let field_invalid = move |field: Field| form.invalid(concerns(field));
    let minutes = move || draft.with(|d| d.kind == DocumentKind::MeetingMinutes);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        let chosen = input.get_untracked();
        form.submit(
            ev,
            move || send_document(id, draft.get_untracked(), chosen),
            move |_| {
                draft.set(DocumentDraft::default());
                meeting_typed.set(String::new());
                file.set(None);
                if let Some(chosen) = input.get_untracked() {
                    chosen.set_value("");
                }
                form.shown.set(false);
                on_change.run(t(lang.get_untracked(), Msg::DocumentAttached).into());
            },
        )
    };
    let hint = move || {
        fill(
            lang.get(),
            Msg::DocumentLimitsHint,
            &[
                ("file", &format_bytes(limits.file_bytes)),
                ("dossier", &format_bytes(limits.dossier_bytes)),
                ("used", &format_bytes(used)),
            ],
        )
    };
    let kinds = DocumentKind::ALL
        .into_iter()
        .map(|k| {
            view! {
                <option value=k.code() prop:selected=move || draft.with(|d| d.kind == k)>
                    {move || document_kind_name(lang.get(), k)}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="evaluation-form-box">
            {minor_heading(heading, Msg::AttachDocumentTitle)}
            <form class="admin-form evaluation-form document-form" on:submit=submit novalidate>
                <label for="d-kind">{move || field_name(lang.get(), Field::DocumentKind)}</label>
                <select id="d-kind" name="kind"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(k) = DocumentKind::from_code(&v) {
                            draft.update(|d| d.kind = k);
                        }
                        form.touched();
                    }>
                    {kinds}
                </select>
                <label for="d-file">{move || field_name(lang.get(), Field::DocumentFile)}</label>
                <div class="field">
                    <input id="d-file" type="file" name="file" accept=FileType::ACCEPT node_ref=input
                        aria-describedby="d-file-hint" aria-invalid=field_invalid(Field::DocumentFile)
                        on:change=move |_| {
                            file.set(chosen_file(input));
                            form.touched();
                        }/>
                    <p class="hint" id="d-file-hint">{hint}</p>
                </div>
                <label for="d-title">{move || field_name(lang.get(), Field::DocumentTitle)}</label>
                <div class="field">
                    <input id="d-title" type="text" aria-describedby="d-title-hint"
                        aria-invalid=field_invalid(Field::DocumentTitle)
                        prop:value=move || draft.with(|d| d.title.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.title = v);
                            form.touched();
                        }/>
                    <p class="hint" id="d-title-hint">{tr(Msg::DocumentTitleHint)}</p>
                </div>
                <Show when=minutes>
                    {date_field(form, "d-meeting-date", Field::MeetingDate, meeting_typed, move |date| draft.update(|d| d.meeting_date = date))}
                    <label for="d-meeting-result">{move || field_name(lang.get(), Field::MeetingResult)}</label>
                    <textarea id="d-meeting-result" rows="2" aria-invalid=field_invalid(Field::MeetingResult)
                        prop:value=move || draft.with(|d| d.meeting_result.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.meeting_result = v);
                            form.touched();
                        }></textarea>
                </Show>
                {form.alert("wide form-errors", violation_list)}
                <button type="submit" class="primary" disabled=move || form.saving.get()
                    aria-busy=move || form.saving.get().to_string()>
                    {move || t(lang.get(), if form.saving.get() { Msg::Uploading } else { Msg::AttachDocument })}
                </button>
            </form>
        </div>
    }
}

/// The file chosen in `input`: its name and size (none in the server's render).
fn chosen_file(input: NodeRef<leptos::html::Input>) -> Option<(String, u64)> {
    #[cfg(feature = "hydrate")]
    {
        let file = input.get_untracked()?.files()?.get(0)?;
        Some((file.name(), file.size() as u64))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = input;
        None
    }
}

/// Sends the form and the chosen file to `POST /nominations/{id}/documents` as multipart
/// form data; the server's refusal comes back as an [`AppError`].
async fn send_document(
    id: i64,
    draft: DocumentDraft,
    input: Option<leptos::web_sys::HtmlInputElement>,
) -> Result<i64, AppError> {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let network = |e: wasm_bindgen::JsValue| {
            AppError::Communication(e.as_string().unwrap_or_else(|| "fetch failed".into()))
        };
        let file = input
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
            .ok_or(AppError::BadRequest)?;
        let data = leptos::web_sys::FormData::new().map_err(network)?;
        data.append_with_str("kind", draft.kind.code())
            .map_err(network)?;
        data.append_with_str("title", &draft.title)
            .map_err(network)?;
        if let Some(date) = draft.meeting_date {
            data.append_with_str("meeting_date", &date.format("%Y-%m-%d").to_string())
                .map_err(network)?;
        }
        data.append_with_str("meeting_result", &draft.meeting_result)
            .map_err(network)?;
        data.append_with_blob_and_filename("file", &file, &file.name())
            .map_err(network)?;
        let init = leptos::web_sys::RequestInit::new();
        init.set_method("POST");
        init.set_body(&data);
        init.set_credentials(leptos::web_sys::RequestCredentials::SameOrigin);
        let window = leptos::web_sys::window().ok_or(AppError::Internal)?;
        let answer = wasm_bindgen_futures::JsFuture::from(
            window.fetch_with_str_and_init(&format!("/nominations/{id}/documents"), &init),
        )
        .await
        .map_err(network)?;
        let response: leptos::web_sys::Response = answer.dyn_into().map_err(network)?;
        let body = wasm_bindgen_futures::JsFuture::from(response.text().map_err(network)?)
            .await
            .map_err(network)?
            .as_string()
            .unwrap_or_default();
        if response.ok() {
            serde_json::from_str::<i64>(&body).map_err(|e| AppError::Communication(e.to_string()))
        } else {
            Err(
                serde_json::from_str::<AppError>(&body).unwrap_or(match response.status() {
                    413 => AppError::Invalid(vec![body]),
                    _ => AppError::Internal,
                }),
            )
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = (id, draft, input);
        Err(AppError::Internal)
    }
}
