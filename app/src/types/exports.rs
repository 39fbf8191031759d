//! The lists the Department sends out (the City list, the quarterly and annual selections,
//! a bloc's review), as one document shape: the printable page renders it in the layout of
//! a Vietnamese administrative list, and the server writes the same rows as XLSX and CSV.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One value of a table, typed so that a spreadsheet keeps numbers and dates as such.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// Council points in thousandths (7250 is 7,25).
    Points(i64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    /// As shown on the page and written to CSV: Vietnamese number and date format
    /// (1.234; 7,25; 30/11/2026).
    pub fn display(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => shared::i18n::format_int(*n),
            Cell::Points(p) => shared::i18n::format_points(*p),
            Cell::Date(d) => shared::i18n::format_date(*d),
            Cell::Empty => String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    pub header: String,
    /// The spreadsheet column's width, in characters.
    pub width: u16,
}

/// A labelled paragraph shown before the table (a bloc review's overall assessment).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub label: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The download's name without extension, ASCII only (`danh-sach-thanh-pho-2026`).
    pub file_name: String,
    /// The authority above the issuing body ("UBND THÀNH PHỐ").
    pub authority: String,
    /// The issuing body ("SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", or the bloc).
    pub issuer: String,
    pub title: String,
    pub subtitle: String,
    /// The document's date, and the sentence that shows it ("…, ngày 30 tháng 11 năm 2026").
    pub date: NaiveDate,
    pub place_date: String,
    pub paragraphs: Vec<Paragraph>,
    pub columns: Vec<Column>,
    /// Each row has one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// The row shown instead of the table's rows when there are none ("Không có dữ liệu").
    pub no_data: String,
    /// Who signs, above the signature line ("THỦ TRƯỞNG ĐƠN VỊ").
    pub signer: String,
    pub sign_hint: String,
}

/// Which list: the City list, one selection period, or one bloc's review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocKind {
    City,
    Selection(shared::domain::SelectionPeriod),
    Review {
        bloc_id: i64,
    },
    /// A unit's proposal of a commendation (S-3), as its submission (tờ trình).
    Proposal {
        id: i64,
    },
    /// A unit's periodic report (E-1).
    UnitReport {
        unit_id: i64,
        period: shared::domain::EvaluationPeriod,
    },
    /// The Department's periodic report (E-1), compiled from the units' reports.
    DepartmentReport {
        period: shared::domain::EvaluationPeriod,
    },
}

impl DocKind {
    /// As written in URLs: `city`, `q1`…`q4`, `annual`, `review-3`.
    pub fn code(self) -> String {
        match self {
            DocKind::City => "city".into(),
            DocKind::Selection(p) => p.code().into(),
            DocKind::Review { bloc_id } => format!("review-{bloc_id}"),
            DocKind::Proposal { id } => format!("proposal-{id}"),
            DocKind::UnitReport { unit_id, period } => {
                format!("report-{}-{unit_id}", period.code())
            }
            DocKind::DepartmentReport { period } => format!("report-{}", period.code()),
        }
    }

    pub fn from_code(code: &str) -> Option<DocKind> {
        if code == "city" {
            return Some(DocKind::City);
        }
        if let Some(id) = code.strip_prefix("review-") {
            return id.parse().ok().map(|bloc_id| DocKind::Review { bloc_id });
        }
        if let Some(id) = code.strip_prefix("proposal-") {
            return id.parse().ok().map(|id| DocKind::Proposal { id });
        }
        if let Some(rest) = code.strip_prefix("report-") {
            use shared::domain::EvaluationPeriod;
            if let Some(period) = EvaluationPeriod::from_code(rest) {
                return Some(DocKind::DepartmentReport { period });
            }
            let (period, unit) = rest.rsplit_once('-')?;
            return Some(DocKind::UnitReport {
                unit_id: unit.parse().ok()?,
                period: EvaluationPeriod::from_code(period)?,
            });
        }
        shared::domain::SelectionPeriod::from_code(code).map(DocKind::Selection)
    }

    /// The download's address for `format` (`docx`, `xlsx` or `csv`).
    pub fn download_url(self, year: i32, format: &str) -> String {
        format!("/exports/{}.{format}?year={year}", self.code())
    }

    pub fn print_url(self, year: i32) -> String {
        format!("/print/{}?year={year}", self.code())
    }
}

/// One model registered with the City, as the City list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityRow {
    pub id: i64,
    pub name: String,
    pub unit_name: String,
    pub kind: shared::domain::NomineeKind,
    /// The latest periodic evaluation's achievements, else the nomination's description.
    pub achievements: String,
    pub score_milli: Option<i64>,
}

/// The City list (D-3): the year's models registered with the City.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityList {
    pub year: i32,
    pub decided_on: Option<NaiveDate>,
    pub rows: Vec<CityRow>,
}

/// "ngày 30 tháng 11 năm 2026", as a Vietnamese document dates itself.
pub fn place_date(lang: shared::i18n::Lang, date: NaiveDate) -> String {
    use chrono::Datelike;
    match lang {
        shared::i18n::Lang::Vi => format!(
            "ngày {:02} tháng {:02} năm {}",
            date.day(),
            date.month(),
            date.year()
        ),
        shared::i18n::Lang::En => shared::i18n::format_date(date),
    }
}

fn col(header: impl Into<String>, width: u16) -> Column {
    Column {
        header: header.into(),
        width,
    }
}

impl Document {
    /// Sets the table: a "No." column first, and the rows numbered from 1.
    fn numbered(
        &mut self,
        lang: shared::i18n::Lang,
        columns: Vec<Column>,
        rows: impl IntoIterator<Item = Vec<Cell>>,
    ) {
        use shared::i18n::{t, Msg};
        self.columns = std::iter::once(col(t(lang, Msg::ColNo), 6))
            .chain(columns)
            .collect();
        self.rows = rows
            .into_iter()
            .enumerate()
            .map(|(i, mut row)| {
                row.insert(0, Cell::Int(i as i64 + 1));
                row
            })
            .collect();
    }
}

fn base(lang: shared::i18n::Lang, today: NaiveDate) -> Document {
    use shared::i18n::{t, Msg};
    Document {
        file_name: String::new(),
        authority: t(lang, Msg::DocAuthority).into(),
        issuer: t(lang, Msg::MinutesIssuer).into(),
        title: String::new(),
        subtitle: String::new(),
        date: today,
        place_date: place_date(lang, today),
        paragraphs: Vec::new(),
        columns: Vec::new(),
        rows: Vec::new(),
        no_data: t(lang, Msg::NoData).into(),
        signer: t(lang, Msg::DocDirector).into(),
        sign_hint: t(lang, Msg::MinutesSign).into(),
    }
}

/// The City list as a document.
pub fn city_document(lang: shared::i18n::Lang, list: &CityList, today: NaiveDate) -> Document {
    use shared::domain::Field;
    use shared::i18n::{field_name, t, Msg};
    let mut doc = base(lang, today);
    doc.file_name = format!("danh-sach-thanh-pho-{}", list.year);
    doc.title = format!("{} {}", t(lang, Msg::DocCityTitle), list.year);
    doc.subtitle = match list.decided_on {
        Some(d) => format!(
            "({} {})",
            t(lang, Msg::DocDecisionNote),
            shared::i18n::format_date(d)
        ),
        None => format!("({})", t(lang, Msg::DocNoDecision)),
    };
    let columns = vec![
        col(field_name(lang, Field::NomineeName), 32),
        col(t(lang, Msg::FilterUnit), 30),
        col(t(lang, Msg::FilterKind), 20),
        col(field_name(lang, Field::Achievements), 50),
        col(t(lang, Msg::ColScore), 14),
        col(t(lang, Msg::ColDecisionDate), 16),
    ];
    let rows = list.rows.iter().map(|r| {
        vec![
            Cell::Text(r.name.clone()),
            Cell::Text(r.unit_name.clone()),
            Cell::Text(t(lang, Msg::Kind(r.kind)).into()),
            Cell::Text(r.achievements.clone()),
            r.score_milli.map_or(Cell::Empty, Cell::Points),
            list.decided_on.map_or(Cell::Empty, Cell::Date),
        ]
    });
    doc.numbered(lang, columns, rows);
    doc
}

/// A period's selection for the City as a document (the chosen exemplars only).
pub fn selection_document(
    lang: shared::i18n::Lang,
    view: &crate::types::calendar::SelectionView,
    today: NaiveDate,
) -> Document {
    use shared::domain::Field;
    use shared::i18n::{field_name, t, Msg};
    let mut doc = base(lang, today);
    doc.file_name = format!("danh-sach-{}-{}", view.period.code(), view.year);
    doc.title = t(lang, Msg::DocSelectionTitle).into();
    doc.subtitle = format!(
        "{} {}",
        crate::types::calendar::selection_period_name(lang, view.period),
        view.year
    );
    let columns = vec![
        col(field_name(lang, Field::NomineeName), 32),
        col(t(lang, Msg::FilterUnit), 30),
        col(t(lang, Msg::FilterBloc), 24),
        col(t(lang, Msg::FilterKind), 20),
        col(t(lang, Msg::ColStage), 14),
    ];
    let rows = view.candidates.iter().filter(|c| c.selected).map(|c| {
        vec![
            Cell::Text(c.name.clone()),
            Cell::Text(c.unit_name.clone()),
            Cell::Text(c.bloc_name.clone()),
            Cell::Text(t(lang, Msg::Kind(c.kind)).into()),
            Cell::Text(t(lang, Msg::Stage(c.stage)).into()),
        ]
    });
    doc.numbered(lang, columns, rows);
    doc
}

/// A bloc's review (D-2) as a document, issued by the bloc and signed by its head.
pub fn review_document(
    lang: shared::i18n::Lang,
    review: &crate::types::summary::BlocReviewView,
) -> Document {
    use shared::domain::Field;
    use shared::i18n::{field_name, period_name, t, Msg};
    let date = review.submitted_on.unwrap_or(review.today);
    let mut doc = base(lang, date);
    doc.file_name = format!("bao-cao-khoi-{}-{}", review.bloc_id, review.year);
    doc.authority = t(lang, Msg::MinutesIssuer).into();
    doc.issuer = review.bloc_name.to_uppercase();
    doc.title = t(lang, Msg::DocReviewTitle).into();
    doc.subtitle = format!("{} {}", t(lang, Msg::BoardSummary), review.year);
    doc.signer = t(lang, Msg::DocBlocHead).into();
    doc.paragraphs = vec![Paragraph {
        label: field_name(lang, Field::Assessment).into(),
        text: review.assessment.clone(),
    }];
    let columns = vec![
        col(field_name(lang, Field::NomineeName), 30),
        col(t(lang, Msg::FilterUnit), 28),
        col(t(lang, Msg::FilterKind), 18),
        col(t(lang, Msg::ColStage), 12),
        col(t(lang, Msg::ColEvaluations), 22),
        col(t(lang, Msg::ColReplications), 12),
        col(field_name(lang, Field::Comment), 50),
    ];
    let rows = review.exemplars.iter().map(|e| {
        let evaluations = e
            .evaluations
            .iter()
            .map(|p| period_name(lang, *p))
            .collect::<Vec<_>>()
            .join(", ");
        vec![
            Cell::Text(e.name.clone()),
            Cell::Text(e.unit_name.clone()),
            Cell::Text(t(lang, Msg::Kind(e.kind)).into()),
            Cell::Text(t(lang, Msg::Stage(e.stage)).into()),
            Cell::Text(evaluations),
            Cell::Int(i64::from(e.replications)),
            Cell::Text(e.comment.clone()),
        ]
    });
    doc.numbered(lang, columns, rows);
    doc
}

/// A unit's commendation proposal (S-3) as its submission to the Department: issued by the
/// unit, signed by its head, with the achievements, the unit council's meeting and the
/// attached report, and the office's decision once made.
pub fn proposal_document(
    lang: shared::i18n::Lang,
    proposal: &crate::types::model::CommendationRecord,
    card: &crate::types::model::BoardCard,
) -> Document {
    use shared::domain::Field;
    use shared::i18n::{commendation_form_name, field_name, fill, format_date, t, Msg};
    let p = &proposal.proposal;
    let mut doc = base(lang, proposal.proposed_on);
    doc.file_name = format!("to-trinh-khen-thuong-{}", proposal.id);
    doc.authority = t(lang, Msg::MinutesIssuer).into();
    doc.issuer = card.unit_name.to_uppercase();
    doc.title = t(lang, Msg::DocProposalTitle).into();
    doc.subtitle = fill(
        lang,
        Msg::DocProposalSubtitle,
        &[
            ("form", &commendation_form_name(lang, p.form)),
            ("name", &card.nominee_name),
        ],
    );
    doc.signer = t(lang, Msg::DocUnitHead).into();
    let mut paragraphs = Vec::new();
    if !p.title.is_empty() {
        paragraphs.push((Field::CommendationTitle, p.title.clone()));
    }
    paragraphs.push((Field::AchievementsSummary, p.achievements.clone()));
    paragraphs.push((
        Field::CouncilResult,
        fill(
            lang,
            Msg::CouncilSummary,
            &[
                ("date", &format_date(p.council_date)),
                ("present", &p.council_present),
                ("result", &p.council_result),
            ],
        ),
    ));
    paragraphs.push((Field::AchievementReport, proposal.report_title.clone()));
    doc.paragraphs = paragraphs
        .into_iter()
        .map(|(field, text)| Paragraph {
            label: field_name(lang, field).into(),
            text,
        })
        .collect();
    let decision = match &proposal.decision {
        None => t(lang, Msg::StatusPending).to_string(),
        Some(shared::domain::commendation::Decision::Granted {
            number, date, form, ..
        }) => format!(
            "{number}, {}: {}",
            format_date(*date),
            commendation_form_name(lang, *form)
        ),
        Some(shared::domain::commendation::Decision::Declined { reason }) => {
            fill(lang, Msg::StatusDeclined, &[("reason", reason)])
        }
    };
    let columns = vec![
        col(field_name(lang, Field::NomineeName), 32),
        col(t(lang, Msg::FilterUnit), 28),
        col(t(lang, Msg::FilterKind), 18),
        col(field_name(lang, Field::CommendationForm), 28),
        col(t(lang, Msg::DecisionColumn), 30),
    ];
    let row = vec![
        Cell::Text(card.nominee_name.clone()),
        Cell::Text(card.unit_name.clone()),
        Cell::Text(t(lang, Msg::Kind(card.kind)).into()),
        Cell::Text(commendation_form_name(lang, p.form).into()),
        Cell::Text(decision),
    ];
    doc.numbered(lang, columns, [row]);
    doc
}

/// The three parts of an entry about the work done (fostering, publicity, replication),
/// each under its heading.
fn work_done(lang: shared::i18n::Lang, e: &shared::rules::periodic_report::ReportEntry) -> String {
    use shared::domain::Field;
    use shared::i18n::field_name;
    [
        (Field::ReportFostering, &e.fostering),
        (Field::ReportPublicity, &e.publicity),
        (Field::ReportReplication, &e.replication),
    ]
    .iter()
    .filter(|(_, text)| !text.is_empty())
    .map(|(field, text)| format!("{}: {}", field_name(lang, *field), text))
    .collect::<Vec<_>>()
    .join("\n")
}

/// A unit's periodic report (E-1) as its document to the Department: issued by the unit,
/// signed by its head; its assessment, then a row per exemplar.
pub fn unit_report_document(
    lang: shared::i18n::Lang,
    report: &crate::types::report::UnitReportView,
) -> Document {
    use shared::domain::Field;
    use shared::i18n::{field_name, fill, report_period_name, t, Msg};
    let mut doc = base(lang, report.sent_on.unwrap_or(report.today));
    doc.file_name = format!(
        "bao-cao-{}-don-vi-{}-{}",
        report.period.code().replace('_', "-"),
        report.unit_id,
        report.year
    );
    doc.authority = t(lang, Msg::MinutesIssuer).into();
    doc.issuer = report.unit_name.to_uppercase();
    doc.title = t(lang, Msg::DocUnitReportTitle).into();
    doc.subtitle = fill(
        lang,
        Msg::DocUnitReportSubtitle,
        &[
            ("period", &report_period_name(lang, report.period)),
            ("year", &report.year),
        ],
    );
    doc.signer = t(lang, Msg::DocUnitHead).into();
    doc.paragraphs = vec![Paragraph {
        label: field_name(lang, Field::UnitAssessment).into(),
        text: report.report.assessment.clone(),
    }];
    let columns = vec![
        col(field_name(lang, Field::NomineeName), 28),
        col(field_name(lang, Field::ReportEvaluation), 26),
        col(field_name(lang, Field::AchievementsSummary), 40),
        col(t(lang, Msg::ReportWorkDone), 56),
    ];
    let rows = report.exemplars.iter().map(|e| {
        let entry = report
            .report
            .entries
            .get(&e.id)
            .cloned()
            .unwrap_or_default();
        vec![
            Cell::Text(e.name.clone()),
            Cell::Text(entry.evaluation.clone()),
            Cell::Text(entry.achievements.clone()),
            Cell::Text(work_done(lang, &entry)),
        ]
    });
    doc.numbered(lang, columns, rows);
    doc
}

/// The Department's periodic report (E-1) compiled from the units' sent reports: its own
/// assessment, each unit's, and a row per exemplar reported.
pub fn department_report_document(
    lang: shared::i18n::Lang,
    view: &crate::types::report::ReportsOverview,
) -> Document {
    use shared::domain::Field;
    use shared::i18n::{field_name, fill, format_date, report_period_name, t, Msg};
    let mut doc = base(lang, view.today);
    doc.file_name = format!(
        "bao-cao-{}-cua-so-{}",
        view.period.code().replace('_', "-"),
        view.year
    );
    doc.title = t(lang, Msg::DocUnitReportTitle).into();
    doc.subtitle = fill(
        lang,
        Msg::DocUnitReportSubtitle,
        &[
            ("period", &report_period_name(lang, view.period)),
            ("year", &view.year),
        ],
    );
    let sent = view.rows.iter().filter(|r| r.sent_on.is_some()).count();
    let late = view
        .rows
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                shared::rules::deadline::DeadlineStatus::Late { .. }
            )
        })
        .count();
    let overdue = view
        .rows
        .iter()
        .filter(|r| {
            matches!(
                r.status,
                shared::rules::deadline::DeadlineStatus::Overdue { .. }
            )
        })
        .count();
    let mut paragraphs = vec![
        Paragraph {
            label: field_name(lang, Field::DepartmentAssessment).into(),
            text: view.department_assessment.clone(),
        },
        Paragraph {
            label: t(lang, Msg::ReportUnitsHeading).into(),
            text: fill(
                lang,
                Msg::ReportUnitsCount,
                &[
                    ("sent", &sent),
                    ("total", &view.rows.len()),
                    ("late", &late),
                    ("overdue", &overdue),
                ],
            ),
        },
    ];
    paragraphs.extend(view.compiled.iter().map(|u| Paragraph {
        label: format!("{} ({})", u.unit_name, format_date(u.sent_on)),
        text: u.assessment.clone(),
    }));
    doc.paragraphs = paragraphs;
    let columns = vec![
        col(t(lang, Msg::FilterUnit), 24),
        col(field_name(lang, Field::NomineeName), 26),
        col(field_name(lang, Field::ReportEvaluation), 24),
        col(field_name(lang, Field::AchievementsSummary), 36),
        col(t(lang, Msg::ReportWorkDone), 48),
    ];
    let rows = view.compiled.iter().flat_map(|u| {
        u.entries.iter().map(move |(name, e)| {
            vec![
                Cell::Text(u.unit_name.clone()),
                Cell::Text(name.clone()),
                Cell::Text(e.evaluation.clone()),
                Cell::Text(e.achievements.clone()),
                Cell::Text(work_done(lang, e)),
            ]
        })
    });
    doc.numbered(lang, columns, rows);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::i18n::Lang;

    #[test]
    fn cells_show_vietnamese_numbers_and_dates() {
        assert_eq!(Cell::Int(1234).display(), "1.234");
        assert_eq!(Cell::Points(7250).display(), "7,25");
        assert_eq!(
            Cell::Date(NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()).display(),
            "30/11/2026"
        );
    }

    #[test]
    fn document_kinds_round_trip_through_their_codes() {
        for kind in [
            DocKind::City,
            DocKind::Selection(shared::domain::SelectionPeriod::Q3),
            DocKind::Selection(shared::domain::SelectionPeriod::Annual),
            DocKind::Review { bloc_id: 12 },
            DocKind::Proposal { id: 3 },
            DocKind::UnitReport {
                unit_id: 7,
                period: shared::domain::EvaluationPeriod::NineMonth,
            },
            DocKind::DepartmentReport {
                period: shared::domain::EvaluationPeriod::SixMonth,
            },
        ] {
            assert_eq!(DocKind::from_code(&kind.code()), Some(kind));
        }
        assert_eq!(DocKind::from_code("review-x"), None);
        assert_eq!(DocKind::from_code("report-six_month-x"), None);
        assert_eq!(DocKind::from_code("report-weekly"), None);
        assert_eq!(DocKind::from_code("nothing"), None);
    }

    #[test]
    fn an_empty_city_list_is_a_document_with_no_rows() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let doc = city_document(
            Lang::Vi,
            &CityList {
                year: 2026,
                decided_on: None,
                rows: Vec::new(),
            },
            today,
        );
        assert!(doc.rows.is_empty());
        assert_eq!(doc.no_data, "Không có dữ liệu");
        assert_eq!(doc.place_date, "ngày 30 tháng 11 năm 2026");
        assert!(doc.title.ends_with("2026"));
        assert_eq!(doc.columns.len(), 7);
    }
}
