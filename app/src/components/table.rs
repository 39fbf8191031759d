//! A table of records: its column headings (in the user's language, as the language
//! changes) above the rows it is given.

use crate::i18n::use_lang;
use leptos::prelude::*;
use shared::domain::Field;
use shared::i18n::{field_name, t, Lang, Msg};

/// A column's heading: a message, or the name of the form field the column shows.
#[derive(Debug, Clone, Copy)]
pub enum Heading {
    Text(Msg),
    Field(Field),
}

impl From<Msg> for Heading {
    fn from(msg: Msg) -> Self {
        Heading::Text(msg)
    }
}

impl From<Field> for Heading {
    fn from(field: Field) -> Self {
        Heading::Field(field)
    }
}

impl Heading {
    fn text(self, lang: Lang) -> String {
        match self {
            Heading::Text(msg) => t(lang, msg).to_string(),
            Heading::Field(field) => field_name(lang, field).to_string(),
        }
    }
}

/// `<table class>` with a caption for screen readers (when given), one `<th scope="col">`
/// per heading, and the rows (`children`) as its body; in a box of its own that scrolls
/// sideways when the table is wider than the screen (a phone), so that the page never does.
/// The box can be focused, so that it scrolls by keyboard too.
#[component]
pub fn Table(
    #[prop(into)] class: String,
    columns: Vec<Heading>,
    #[prop(optional)] caption: Option<Msg>,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let heads = columns
        .into_iter()
        .map(|h| view! { <th scope="col">{move || h.text(lang.get())}</th> })
        .collect_view();
    let label = move || caption.map(|c| t(lang.get(), c));
    view! {
        <div class="table-scroll" tabindex="0" role=caption.map(|_| "group") aria-label=label>
            <table class=class>
                {caption.map(|c| view! { <caption class="visually-hidden">{move || t(lang.get(), c)}</caption> })}
                <thead><tr>{heads}</tr></thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}
