//! The catalogue's messages for rules and input errors, with their parameters.

use super::{format_date, t, Lang, Msg};
use crate::domain::{
    ActivityKind, ActivityStatus, EvaluationPeriod, Field, InputError, Rating, Stage,
};
use crate::rules::{LeaderRole, Violation, ViolationKind};

// The rules' fixed texts, by the kind of violation (see `violation_message`, which also
// says the ones that carry values).
feature! { $
    RuleReasonRequired =>
        "Vui lòng nêu lý do khi lùi giai đoạn hoặc dừng hồ sơ.",
        "Please give a reason for moving back or dropping.",
    RuleUnitHeadWithoutCollective =>
        "Người đứng đầu đơn vị chỉ được xét cùng với hồ sơ tập thể của đơn vị mình: hãy liên kết hồ sơ tập thể.",
        "A unit head can only be nominated together with the unit's collective: link the collective nomination.",
    RuleUnitHeadCollectiveNotRegistered =>
        "Hồ sơ tập thể của đơn vị phải được đăng ký trước hồ sơ người đứng đầu.",
        "The unit's collective nomination must be registered before the unit head's.",
    RuleNoFosteringPlan =>
        "Cần có kế hoạch bồi dưỡng trước khi chuyển sang bồi dưỡng.",
        "A fostering plan is needed before fostering starts.",
    RuleNoDatedActivity =>
        "Kế hoạch bồi dưỡng cần ít nhất một hoạt động có ngày thực hiện.",
        "The fostering plan needs at least one dated activity.",
    RuleAnnualRatingTooLow =>
        "Đánh giá cả năm phải từ mức “Đạt” trở lên.",
        "The annual evaluation must be at least “Pass”.",
    RuleUndoUnavailable =>
        "Không thể hoàn tác: chỉ hoàn tác được thao tác chuyển gần nhất của chính bạn, ngay sau khi chuyển.",
        "Cannot undo: only your own latest move can be undone, shortly after making it.",
    RuleBallotClosed => "Biểu quyết chưa mở hoặc đã đóng.", "The ballot is not open.",
    RuleAlreadyVoted =>
        "Bạn đã biểu quyết hồ sơ này.",
        "You have already voted on this nomination.",
    RuleBallotEmpty =>
        "Hãy chọn ít nhất một hồ sơ đã đăng ký để biểu quyết.",
        "Choose at least one registered nomination for the ballot.",
    RuleCouncilClosed =>
        "Đã có quyết định chọn mô hình gửi Thành phố của năm này; điểm và phiếu đã khóa.",
        "This year's models for the City are decided; scores and ballots are locked.",
    RuleSheetSubmitted =>
        "Phiếu chấm đã nộp, không sửa được nữa.",
        "The scoresheet is submitted and can no longer change.",
    RuleConflictDeclared =>
        "Bạn đã khai báo xung đột lợi ích nên không chấm hồ sơ này.",
        "You declared a conflict of interest and do not score this nomination.",
    RuleReviewSubmitted =>
        "Báo cáo đánh giá của khối đã gửi Sở, không sửa hay gửi lại được nữa.",
        "The bloc's review has been sent to the Department and can no longer change.",
    RuleReviewNotInBloc =>
        "Chỉ nhận xét các điển hình của khối trong năm này.",
        "Comments are only on this bloc's exemplars of the year.",
    RuleSelectionEmpty =>
        "Hãy chọn ít nhất một điển hình gửi Thành phố.",
        "Choose at least one exemplar to send to the City.",
    RulePlanNotApprovable =>
        "Kế hoạch đã được phê duyệt, hoặc chưa đủ lãnh đạo phụ trách để phê duyệt.",
        "The plan is already approved, or it does not yet name every responsible leader.",
    RuleDateInFuture => "Ngày không được ở tương lai.", "The date cannot be in the future.",
}

pub fn field_name(lang: Lang, field: Field) -> &'static str {
    use Field::*;
    let (vi, en) = match field {
        NomineeName => ("Tên tập thể, cá nhân", "Nominee's name"),
        Description => (
            "Mô hình, sáng kiến, kinh nghiệm",
            "Model, initiative or experience",
        ),
        ReplicationPotential => ("Khả năng nhân rộng", "Replication potential"),
        Evidence => ("Minh chứng", "Evidence"),
        Reason => ("Lý do", "Reason"),
        Score => ("Điểm", "Score"),
        Year => ("Năm", "Year"),
        CampaignName => ("Tên kế hoạch", "Campaign name"),
        CampaignYears => ("Các năm của kế hoạch", "Campaign years"),
        Quota => (
            "Số mô hình đăng ký với Thành phố",
            "Models registered with the City",
        ),
        CollectiveSize => ("Số người của tập thể", "Size of the collective"),
        IndividualPosition => ("Chức vụ", "Position"),
        CooperativeMembers => ("Số thành viên", "Number of members"),
        CulturalFamilyYears => ("Các năm đạt gia đình văn hóa", "Cultural-family years"),
        LeaderName => ("Họ tên lãnh đạo phụ trách", "Responsible leader's name"),
        LeaderPosition => (
            "Chức vụ lãnh đạo phụ trách",
            "Responsible leader's position",
        ),
        ActivityTitle => ("Tên hoạt động", "Activity"),
        ActivityDate => ("Ngày thực hiện", "Activity date"),
        Achievements => ("Thành tích", "Achievements"),
        Evaluator => ("Người đánh giá", "Evaluator"),
        EvaluationDate => ("Ngày đánh giá", "Evaluation date"),
        Commendation => ("Hình thức khen thưởng", "Commendation"),
        ActivityOutcome => ("Kết quả", "Outcome"),
        Activities => ("Các hoạt động", "Activities"),
        Adopter => ("Đơn vị, địa phương áp dụng", "Adopting unit or locality"),
        ReplicationDate => ("Ngày áp dụng", "Date adopted"),
        ReplicationResult => ("Kết quả", "Result"),
        Selection => ("Danh sách", "Selection"),
        Comment => ("Nhận xét", "Comment"),
        PassShare => ("Ngưỡng thông qua (%)", "Share needed to pass (%)"),
        Assessment => ("Đánh giá chung của khối", "The bloc's overall assessment"),
        Username => ("Tên đăng nhập", "Username"),
        Password => ("Mật khẩu", "Password"),
        DisplayName => ("Họ và tên", "Full name"),
        Roles => ("Vai trò", "Roles"),
        Unit => ("Đơn vị", "Unit"),
        CurrentPassword => ("Mật khẩu hiện tại", "Current password"),
        OrgCode => ("Mã", "Code"),
        OrgName => ("Tên", "Name"),
        HeadUnit => ("Đơn vị trưởng khối", "Head unit"),
    };
    pick(lang, vi, en)
}

fn pick(lang: Lang, vi: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Vi => vi,
        Lang::En => en,
    }
}

pub fn period_name(lang: Lang, period: EvaluationPeriod) -> &'static str {
    match period {
        EvaluationPeriod::SixMonth => pick(lang, "đánh giá 6 tháng", "6-month evaluation"),
        EvaluationPeriod::NineMonth => pick(lang, "đánh giá 9 tháng", "9-month evaluation"),
        EvaluationPeriod::Annual => pick(lang, "đánh giá cả năm", "annual evaluation"),
    }
}

pub fn rating_name(lang: Lang, rating: Rating) -> &'static str {
    match rating {
        Rating::Excellent => pick(lang, "Xuất sắc", "Excellent"),
        Rating::Good => pick(lang, "Tốt", "Good"),
        Rating::Pass => pick(lang, "Đạt", "Pass"),
        Rating::Fail => pick(lang, "Không đạt", "Fail"),
    }
}

/// The leader's role as a form label.
pub fn leader_role_name(lang: Lang, role: LeaderRole) -> &'static str {
    match role {
        LeaderRole::Fostering => pick(
            lang,
            "Lãnh đạo chỉ đạo bồi dưỡng",
            "Leader directing the fostering",
        ),
        LeaderRole::Publicity => pick(
            lang,
            "Lãnh đạo phụ trách tuyên truyền",
            "Leader responsible for publicity",
        ),
        LeaderRole::Replication => pick(
            lang,
            "Lãnh đạo phụ trách nhân rộng",
            "Leader responsible for replication",
        ),
    }
}

pub fn activity_kind_name(lang: Lang, kind: ActivityKind) -> &'static str {
    match kind {
        ActivityKind::Fostering => pick(lang, "Bồi dưỡng, hỗ trợ", "Training or support"),
        ActivityKind::Publicity => pick(lang, "Tuyên truyền", "Publicity"),
        ActivityKind::Replication => pick(lang, "Nhân rộng", "Replication"),
    }
}

pub fn activity_status_name(lang: Lang, status: ActivityStatus) -> &'static str {
    match status {
        ActivityStatus::Planned => pick(lang, "Dự kiến", "Planned"),
        ActivityStatus::Done => pick(lang, "Đã thực hiện", "Done"),
        ActivityStatus::Cancelled => pick(lang, "Đã hủy", "Cancelled"),
    }
}

fn role_name(lang: Lang, role: LeaderRole) -> &'static str {
    match role {
        LeaderRole::Fostering => pick(lang, "chỉ đạo bồi dưỡng", "directing the fostering"),
        LeaderRole::Publicity => pick(lang, "tuyên truyền", "publicity"),
        LeaderRole::Replication => pick(lang, "nhân rộng", "replication"),
    }
}

fn stage(lang: Lang, s: Stage) -> &'static str {
    t(lang, Msg::Stage(s))
}

pub fn input_error(lang: Lang, e: &InputError) -> String {
    let field = field_name(lang, e.field());
    match (lang, e) {
        (Lang::Vi, InputError::HeadUnitOutsideBloc) => {
            "Đơn vị trưởng khối phải thuộc chính khối đó (D-2).".to_string()
        }
        (Lang::En, InputError::HeadUnitOutsideBloc) => {
            "The head unit must belong to the bloc itself (D-2).".to_string()
        }
        (
            Lang::Vi,
            InputError::Invalid {
                field: Field::OrgCode,
            },
        ) => format!("{field} chỉ gồm tối đa 20 chữ in hoa không dấu, chữ số, '_' hoặc '-'."),
        (
            Lang::En,
            InputError::Invalid {
                field: Field::OrgCode,
            },
        ) => {
            format!("{field}: up to 20 capital letters without accents, digits, '_' or '-'.")
        }
        (Lang::Vi, InputError::Required { .. }) => {
            format!("Vui lòng nhập {}.", field.to_lowercase())
        }
        (Lang::En, InputError::Required { .. }) => format!("{field} is required."),
        (Lang::Vi, InputError::TooLong { max, .. }) => format!("{field} dài quá {max} ký tự."),
        (Lang::En, InputError::TooLong { max, .. }) => {
            format!("{field} is longer than {max} characters.")
        }
        (Lang::Vi, InputError::TooShort { min, .. }) => format!("{field} cần ít nhất {min} ký tự."),
        (Lang::En, InputError::TooShort { min, .. }) => {
            format!("{field} needs at least {min} characters.")
        }
        (
            Lang::Vi,
            InputError::Invalid {
                field: Field::Username,
            },
        ) => format!(
            "{field} chỉ gồm 3–40 chữ cái không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang."
        ),
        (
            Lang::En,
            InputError::Invalid {
                field: Field::Username,
            },
        ) => format!("{field}: 3–40 letters without accents, digits, '.', '_' or '-'."),
        (
            Lang::Vi,
            InputError::Invalid {
                field: Field::CurrentPassword,
            },
        ) => format!("{field} không đúng."),
        (
            Lang::En,
            InputError::Invalid {
                field: Field::CurrentPassword,
            },
        ) => format!("The {} is not correct.", field.to_lowercase()),
        (Lang::Vi, InputError::Invalid { .. }) => format!("{field} không hợp lệ."),
        (Lang::En, InputError::Invalid { .. }) => format!("{field} is not valid."),
        (Lang::Vi, InputError::OutOfRange { min, max, .. }) => {
            format!("{field} phải từ {min} đến {max}.")
        }
        (Lang::En, InputError::OutOfRange { min, max, .. }) => {
            format!("{field} must be between {min} and {max}.")
        }
        (Lang::Vi, InputError::OutsideYear { year, .. }) => {
            format!("{field} phải thuộc năm {year}.")
        }
        (Lang::En, InputError::OutsideYear { year, .. }) => {
            format!("{field} must fall within {year}.")
        }
        (Lang::Vi, InputError::Duplicate { year, .. }) => {
            format!("{field}: năm {year} bị nhập hai lần.")
        }
        (Lang::En, InputError::Duplicate { year, .. }) => {
            format!("{field}: the year {year} is listed twice.")
        }
    }
}

// The text of a rule's violation is the catalogue's business: the rules name what is
// wrong, this module says it (so `rules` never depends on `i18n`).
impl Violation {
    /// The message shown to the user, prefixed by nothing: callers add the rule ID where
    /// it helps (forms show it discreetly, alerts do not).
    pub fn message(&self, lang: Lang) -> String {
        violation_message(lang, &self.kind)
    }
}

pub fn violation_message(lang: Lang, kind: &ViolationKind) -> String {
    use ViolationKind::*;
    let vi = lang == Lang::Vi;
    match kind {
        NotAMove { from, to } => {
            if vi {
                format!("Không thể chuyển từ “{}” sang “{}”: chỉ được chuyển sang giai đoạn kế tiếp, lùi một giai đoạn, dừng hoặc khôi phục.", stage(lang, *from), stage(lang, *to))
            } else {
                format!("Cannot move from “{}” to “{}”: only to the next stage, back one stage, to dropped, or restored.", stage(lang, *from), stage(lang, *to))
            }
        }
        RestoreElsewhere { expected: Some(s) } => {
            if vi {
                format!(
                    "Hồ sơ chỉ được khôi phục về giai đoạn trước khi dừng: “{}”.",
                    stage(lang, *s)
                )
            } else {
                format!(
                    "A dropped nomination can only be restored to where it was: “{}”.",
                    stage(lang, *s)
                )
            }
        }
        RestoreElsewhere { expected: None } => {
            if vi {
                "Không rõ giai đoạn trước khi dừng nên không thể khôi phục.".into()
            } else {
                "The stage before the drop is unknown, so it cannot be restored.".into()
            }
        }
        ReasonRequired => t(lang, Msg::RuleReasonRequired).into(),
        Input(e) => input_error(lang, e),
        ProfileIncomplete { fields } => {
            let names: Vec<_> = fields.iter().map(|f| field_name(lang, *f)).collect();
            if vi {
                format!("Hồ sơ chưa đầy đủ: {}.", names.join(", "))
            } else {
                format!("The profile is incomplete: {}.", names.join(", "))
            }
        }
        EvidenceMissing { criteria } => {
            if vi {
                format!("Chưa có minh chứng cho tiêu chí {}.", criteria.join(", "))
            } else {
                format!("Evidence is missing for criteria {}.", criteria.join(", "))
            }
        }
        CulturalFamilyYears {
            consecutive,
            needed,
        } => {
            if vi {
                format!("Hộ gia đình cần đạt gia đình văn hóa ít nhất {needed} năm liền (hiện có {consecutive}) hoặc là gia đình văn hóa tiêu biểu.")
            } else {
                format!("A household needs at least {needed} consecutive cultural-family years (it has {consecutive}) or to be an exemplary cultural family.")
            }
        }
        UnitHeadWithoutCollective => t(lang, Msg::RuleUnitHeadWithoutCollective).into(),
        UnitHeadCollectiveNotRegistered => t(lang, Msg::RuleUnitHeadCollectiveNotRegistered).into(),
        RegistrationClosed { deadline } => {
            if vi {
                format!("Đã hết hạn đăng ký với Sở ({}).", format_date(*deadline))
            } else {
                format!(
                    "Registration with the Department closed on {}.",
                    format_date(*deadline)
                )
            }
        }
        NoFosteringPlan => t(lang, Msg::RuleNoFosteringPlan).into(),
        LeaderMissing { role } => {
            if vi {
                format!(
                    "Kế hoạch bồi dưỡng chưa nêu lãnh đạo phụ trách {}.",
                    role_name(lang, *role)
                )
            } else {
                format!(
                    "The fostering plan names no leader responsible for {}.",
                    role_name(lang, *role)
                )
            }
        }
        NoDatedActivity => t(lang, Msg::RuleNoDatedActivity).into(),
        EvaluationMissing { period } => {
            if vi {
                format!("Chưa có {}.", period_name(lang, *period))
            } else {
                format!("The {} has not been recorded.", period_name(lang, *period))
            }
        }
        AnnualRatingTooLow => t(lang, Msg::RuleAnnualRatingTooLow).into(),
        EvaluationRepeated { period } => {
            if vi {
                format!("Đã có {} trong năm này.", period_name(lang, *period))
            } else {
                format!(
                    "The {} of this year is already recorded.",
                    period_name(lang, *period)
                )
            }
        }
        EvaluationTooEarly { period, opens } => {
            if vi {
                format!(
                    "Chưa đến kỳ {}: kỳ này bắt đầu từ {}.",
                    period_name(lang, *period),
                    format_date(*opens)
                )
            } else {
                format!(
                    "The {} period has not started: it opens on {}.",
                    period_name(lang, *period),
                    format_date(*opens)
                )
            }
        }
        UndoUnavailable => t(lang, Msg::RuleUndoUnavailable).into(),
        DateOutsideYear { year } => {
            if vi {
                format!("Ngày phải thuộc năm {year}.")
            } else {
                format!("The date must fall within {year}.")
            }
        }
        PlanNotOpen { stage: s } => {
            if vi {
                format!(
                    "Chỉ lập kế hoạch bồi dưỡng cho điển hình đã đăng ký với Sở (hiện ở giai đoạn “{}”).",
                    stage(lang, *s)
                )
            } else {
                format!(
                    "A fostering plan is made for a registered exemplar (this one is at “{}”).",
                    stage(lang, *s)
                )
            }
        }
        EvaluationNotOpen { stage: s } => {
            if vi {
                format!(
                    "Chỉ đánh giá định kỳ điển hình đang bồi dưỡng hoặc đánh giá (hiện ở giai đoạn “{}”).",
                    stage(lang, *s)
                )
            } else {
                format!(
                    "Periodic evaluations are for exemplars being fostered or evaluated (this one is at “{}”).",
                    stage(lang, *s)
                )
            }
        }
        ReplicationNotOpen { stage: s } => {
            if vi {
                format!(
                    "Chỉ ghi nhận nhân rộng cho mô hình đang đánh giá hoặc đã nhân rộng (hiện ở giai đoạn “{}”).",
                    stage(lang, *s)
                )
            } else {
                format!(
                    "Replications are recorded for models being evaluated or replicated (this one is at “{}”).",
                    stage(lang, *s)
                )
            }
        }
        BallotClosed => t(lang, Msg::RuleBallotClosed).into(),
        AlreadyVoted => t(lang, Msg::RuleAlreadyVoted).into(),
        BallotEmpty => t(lang, Msg::RuleBallotEmpty).into(),
        CouncilClosed => t(lang, Msg::RuleCouncilClosed).into(),
        SheetSubmitted => t(lang, Msg::RuleSheetSubmitted).into(),
        ConflictDeclared => t(lang, Msg::RuleConflictDeclared).into(),
        NotACriterion { code } => {
            if vi {
                format!("“{code}” không phải tiêu chí chấm điểm của loại đối tượng này.")
            } else {
                format!("“{code}” is not a scored criterion of this kind of nominee.")
            }
        }
        SheetIncomplete { missing } => {
            if vi {
                format!("Chưa chấm đủ các tiêu chí: {}.", missing.join(", "))
            } else {
                format!("Some criteria are not scored yet: {}.", missing.join(", "))
            }
        }
        ReviewSubmitted => t(lang, Msg::RuleReviewSubmitted).into(),
        ReviewIncomplete { missing } => {
            if vi {
                format!("Chưa có nhận xét cho: {}.", missing.join(", "))
            } else {
                format!("No comment yet on: {}.", missing.join(", "))
            }
        }
        ReviewNotInBloc => t(lang, Msg::RuleReviewNotInBloc).into(),
        SelectionEmpty => t(lang, Msg::RuleSelectionEmpty).into(),
        SelectionNotEligible { count } => {
            if vi {
                format!("{count} hồ sơ được chọn chưa đăng ký với Sở hoặc đã dừng, không thể gửi Thành phố.")
            } else {
                format!("{count} chosen nominations are not registered or were dropped, and cannot be sent to the City.")
            }
        }
        PlanNotApprovable => t(lang, Msg::RulePlanNotApprovable).into(),
        DateInFuture => t(lang, Msg::RuleDateInFuture).into(),
        CityQuotaFull { max } => {
            if vi {
                format!("Mỗi năm chỉ đăng ký tối đa {max} mô hình với Thành phố.")
            } else {
                format!("At most {max} models a year can be registered with the City.")
            }
        }
        CityListTooShort { min, have } => {
            if vi {
                format!("Danh sách gửi Thành phố cần ít nhất {min} mô hình (hiện có {have}).")
            } else {
                format!("The list for the City needs at least {min} models (it has {have}).")
            }
        }
        CityNotEligible { stage: s } => {
            if vi {
                format!(
                    "Hồ sơ ở giai đoạn “{}” chưa thể đăng ký với Thành phố.",
                    stage(lang, *s)
                )
            } else {
                format!(
                    "A nomination at “{}” cannot be registered with the City.",
                    stage(lang, *s)
                )
            }
        }
    }
}
