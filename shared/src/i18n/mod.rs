//! The message catalogue: every text the user reads, in Vietnamese (default) and English.
//!
//! The texts live per feature, one file each (`common`, `auth`, `admin`, `audit`, `board`,
//! `nomination`, `fostering`, `calendar`, `selections`, `council`, `summary`, `review`,
//! `documents`, `dossier`, `exemplar`, `commendation`, `report`), and `rules` holds the texts of rule violations and input errors. Every
//! entry carries both languages, and `catalogue!` below collects the features into one flat
//! [`Msg`] with one exhaustive `match` per language, so neither language can go missing.
//!
//! To add a message, add one entry `Variant => "Tiếng Việt", "English",` to the `messages!`
//! of its feature's file; the compiler refuses an entry that lacks either language.

/// Declares a feature's part of the catalogue: `feature! { $ Variant => vi, en, … }` in the
/// feature's file defines its `messages!`, which appends the entries to the list `catalogue!`
/// is collecting and hands on to the next feature. The leading `$` is the dollar sign the
/// generated macro needs for its own variables.
macro_rules! feature {
    ($d:tt $($entries:tt)*) => {
        macro_rules! messages {
            ($d collect:ident [$d($d collected:tt)*] $d($d next:ident)*) => {
                $d collect! { [$d($d collected)* $($entries)*] $d($d next)* }
            };
        }
        pub(super) use messages;
    };
}

mod admin;
mod audit;
mod auth;
mod board;
mod calendar;
mod commendation;
mod common;
mod council;
mod documents;
mod dossier;
mod exemplar;
mod format;
mod fostering;
mod nomination;
mod report;
mod review;
mod rules;
mod selections;
mod summary;

pub use audit::{audit_action_label, audit_object_label};
pub use commendation::commendation_form_name;
pub use dossier::document_kind_name;
pub use exemplar::exemplar_type_name;
pub use format::{format_bytes, format_date, format_int, format_points, format_timestamp};
pub use report::report_period_name;
pub use rules::{
    activity_kind_name, activity_status_name, field_name, fill, input_error, leader_role_name,
    period_name, rating_name, violation_message,
};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code, as used in `<html lang>` and the `lang` cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Anything that is not a known code falls back to Vietnamese, the default.
    pub fn from_code(code: &str) -> Lang {
        match code.trim() {
            "en" => Lang::En,
            _ => Lang::Vi,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// Collects the catalogue. Each feature's `messages!` appends its entries to the bracketed
/// list and calls back with the features left; once none is left, the second arm declares the
/// flat `Msg` and one exhaustive `match` per language, and an entry it cannot read (a language
/// missing) stops the build with the third. An entry is `Variant => vi, en,`, or
/// `Variant(binding: Type) => vi, en,` for a message that carries a value.
macro_rules! catalogue {
    ([$($collected:tt)*] $feature:ident $($next:ident)*) => {
        $feature::messages! { catalogue [$($collected)*] $($next)* }
    };
    ([$(
        $(#[$attr:meta])*
        $name:ident $(($binding:ident: $payload:ty))? => $vi:expr, $en:expr,
    )*]) => {
        /// Every message the UI shows.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Msg {
            $(
                $(#[$attr])*
                $name $(($payload))?,
            )*
        }

        fn vi(msg: Msg) -> &'static str {
            match msg {
                $(Msg::$name $(($binding))? => $vi,)*
            }
        }

        fn en(msg: Msg) -> &'static str {
            match msg {
                $(Msg::$name $(($binding))? => $en,)*
            }
        }
    };
    ([$($collected:tt)*]) => {
        compile_error!("every catalogue entry is `Variant => \"Tiếng Việt\", \"English\",`");
    };
}

catalogue! {
    [] common auth admin audit board nomination fostering calendar selections council summary
    review documents dossier exemplar commendation report rules
}

/// The text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::Vi => vi(msg),
        Lang::En => en(msg),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{NomineeKind, Stage};

    #[test]
    fn vietnamese_is_the_default_language() {
        assert_eq!(Lang::default(), Lang::Vi);
        assert_eq!(Lang::from_code("fr"), Lang::Vi);
        assert_eq!(Lang::from_code("en"), Lang::En);
    }

    #[test]
    fn stage_labels_match_the_plan() {
        let labels: Vec<_> = Stage::ALL
            .iter()
            .map(|s| t(Lang::Vi, Msg::Stage(*s)))
            .collect();
        assert_eq!(
            labels,
            [
                "Phát hiện",
                "Đăng ký",
                "Bồi dưỡng",
                "Đánh giá",
                "Nhân rộng",
                "Dừng"
            ]
        );
    }

    #[test]
    fn every_message_differs_between_languages_where_it_should() {
        for stage in Stage::ALL {
            assert_ne!(
                t(Lang::Vi, Msg::Stage(stage)),
                t(Lang::En, Msg::Stage(stage))
            );
        }
        for kind in NomineeKind::ALL {
            assert_ne!(t(Lang::Vi, Msg::Kind(kind)), t(Lang::En, Msg::Kind(kind)));
        }
    }
}
