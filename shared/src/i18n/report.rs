//! E-1's periodic reports: a unit's report for the period, drafted from the records, and
//! the Department's report compiled from the units' reports.

use super::{t, Lang, Msg};
use crate::domain::EvaluationPeriod;

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    ReportPeriodSix => "6 tháng", "6 months",
    ReportPeriodNine => "9 tháng", "9 months",
    ReportPeriodYear => "cả năm", "the year",
    ReportEvaluated =>
        "Xếp loại {rating}, đánh giá ngày {date} ({by})",
        "Rated {rating} on {date} ({by})",
    ReportNotEvaluated =>
        "Chưa đánh giá trong kỳ này",
        "Not evaluated this period",
    ReportPlanned => "dự kiến", "planned",
    ReportReplicatedAt => "Nhân rộng tại {adopter} ({date})", "Replicated at {adopter} ({date})",
    ReportNothingRecorded =>
        "Chưa ghi nhận hoạt động {what} trong kỳ.",
        "No {what} activity recorded this period.",
    ReportDraftAssessment =>
        "Kỳ báo cáo {period}: đơn vị theo dõi {total} điển hình; {evaluated} điển hình đã được đánh giá, trong đó {passing} đạt yêu cầu trở lên; {replicated} lượt nhân rộng. ",
        "Report for {period}: the unit follows {total} exemplars; {evaluated} were evaluated, {passing} of them passing or better; {replicated} replications. ",
    ReportsTitle => "Báo cáo định kỳ (E-1)", "Periodic reports (E-1)",
    ReportsLink => "Báo cáo định kỳ", "Periodic reports",
    ReportsIntro =>
        "Mỗi kỳ (6 tháng, 9 tháng, cả năm) đơn vị gửi Sở báo cáo về từng điển hình: kết quả đánh giá, tóm tắt thành tích, công tác bồi dưỡng, tuyên truyền, nhân rộng, và tự đánh giá công tác của đơn vị. Bản thảo được lập từ dữ liệu đã có; sau khi gửi, báo cáo không sửa được nữa.",
        "At each checkpoint (6 months, 9 months, the year) a unit sends the Department its report on each exemplar: the evaluation, a summary of achievements, the fostering, publicity and replication work, and its own assessment. The draft is written from the records already kept; once sent, the report can no longer change.",
    ReportPeriodLabel => "Kỳ báo cáo", "Period",
    ReportUnitLabel => "Đơn vị", "Unit",
    ReportDueLabel => "Hạn gửi", "Due",
    ReportUnitTitle => "Báo cáo định kỳ {period} của đơn vị", "The unit's periodic report, {period}",
    ReportDepartmentTitle => "Báo cáo định kỳ {period} của Sở", "The Department's periodic report, {period}",
    ReportDraftedNote =>
        "Bản thảo được lập từ dữ liệu đã ghi nhận; hãy đọc lại, bổ sung rồi lưu hoặc gửi.",
        "This draft was written from the records; read it, complete it, then save or send it.",
    ReportRedraft => "Lập lại từ dữ liệu", "Redraft from the records",
    ReportRedraftDone =>
        "Đã lập lại bản thảo từ dữ liệu mới nhất (chưa lưu).",
        "Redrafted from the latest records (not saved yet).",
    ReportSaveDraft => "Lưu nháp", "Save draft",
    ReportSend => "Gửi báo cáo cho Sở", "Send to the Department",
    ReportSendHint =>
        "Sau khi gửi, báo cáo không sửa được nữa.",
        "Once sent, the report can no longer change.",
    ReportSaved => "Đã lưu nháp báo cáo.", "Report draft saved.",
    ReportSentNotice => "Đã gửi báo cáo cho Sở.", "The report was sent to the Department.",
    ReportSentOn => "Đã gửi ngày {date} ({by}).", "Sent on {date} ({by}).",
    ReportNoExemplars =>
        "Đơn vị chưa có điển hình nào đang bồi dưỡng trong kỳ này; báo cáo chỉ gồm phần tự đánh giá.",
        "The unit has no exemplar in fostering this period; the report is its own assessment only.",
    ReportExemplarsHeading => "Từng điển hình", "Each exemplar",
    ReportProblems => "Chưa gửi được, cần sửa:", "Not sent yet; please fix:",
    ReportStatusSent => "Đã gửi {date}", "Sent {date}",
    ReportStatusSentLate => "Gửi muộn {days} ngày ({date})", "Sent {days} days late ({date})",
    ReportStatusDraft => "Đang soạn", "Being drafted",
    ReportStatusNone => "Chưa lập", "Not started",
    ReportStatusOverdue => "Quá hạn {days} ngày", "{days} days overdue",
    ReportColStatus => "Tình trạng", "Status",
    ReportColSentBy => "Người gửi", "Sent by",
    ReportOpen => "Xem báo cáo", "Open the report",
    ReportUnitsHeading => "Các đơn vị đã báo cáo", "Who has reported",
    ReportUnitsCount => "{sent}/{total} đơn vị đã gửi; {late} gửi muộn; {overdue} quá hạn chưa gửi.", "{sent} of {total} units have sent; {late} late; {overdue} overdue and not sent.",
    ReportDepartmentHeading => "Báo cáo tổng hợp của Sở", "The Department's compiled report",
    ReportDepartmentHint =>
        "Tổng hợp từ các báo cáo đơn vị đã gửi; bản tải về gồm đánh giá chung của Sở, tự đánh giá của từng đơn vị và bảng các điển hình.",
        "Compiled from the units' sent reports; the download holds the Department's assessment, each unit's own assessment and the table of exemplars.",
    ReportDepartmentSaved => "Đã lưu đánh giá chung của Sở.", "The Department's assessment was saved.",
    ReportSaveDepartment => "Lưu đánh giá của Sở", "Save the Department's assessment",
    ReportNoUnitReports =>
        "Chưa đơn vị nào gửi báo cáo kỳ này.",
        "No unit has sent its report for this period yet.",
    ReportNoUnits =>
        "Chưa có đơn vị nào. Quản trị viên thêm khối và đơn vị ở trang Tổ chức.",
        "There are no units yet. An administrator adds blocs and units on the organisation page.",
    ReportNotYours =>
        "Tài khoản của bạn không thuộc đơn vị nào; hãy chọn đơn vị để xem báo cáo.",
        "Your account belongs to no unit; choose a unit to read its report.",
    DocUnitReportTitle => "BÁO CÁO", "REPORT",
    DocUnitReportSubtitle =>
        "Kết quả xây dựng, bồi dưỡng và nhân rộng điển hình tiên tiến {period} năm {year}",
        "Discovering, fostering and replicating advanced exemplars: {period} {year}",
    ReportWorkDone => "Công tác bồi dưỡng, tuyên truyền, nhân rộng", "Fostering, publicity and replication",
    ConferencesTitle => "Hội nghị biểu dương điển hình", "Conferences honouring exemplars",
    ConferencesLink => "Hội nghị", "Conferences",
    ConferencesIntro =>
        "Điển hình tiên tiến được giới thiệu, biểu dương tại hội nghị cán bộ, công chức, viên chức hằng năm của đơn vị (E-1) và tại hội nghị tổng kết năm của ngành (E-2), theo danh sách cả năm Sở đã chọn.",
        "Exemplars are introduced and honoured at each unit's annual conference of civil servants (E-1) and at the sector's year-end conference (E-2), from the Department's annual list.",
    ConferenceSectorHeading => "Hội nghị tổng kết năm của ngành (E-2)", "The sector's year-end conference (E-2)",
    ConferenceUnitsHeading => "Hội nghị cán bộ, công chức, viên chức của các đơn vị (E-1)", "The units' conferences of civil servants (E-1)",
    ConferenceSectorNone => "Chưa ghi nhận hội nghị tổng kết năm của ngành.", "The sector's year-end conference is not recorded yet.",
    ConferenceUnitsNone => "Chưa đơn vị nào ghi nhận hội nghị của năm.", "No unit has recorded its conference this year yet.",
    ConferenceHeldOn => "Tổ chức ngày {date}", "Held on {date}",
    ConferenceSectorForm => "Ghi nhận hội nghị tổng kết năm của ngành", "Record the sector's year-end conference",
    ConferenceUnitForm => "Ghi nhận hội nghị cán bộ, công chức, viên chức", "Record the unit's conference of civil servants",
    ConferenceSectorDefault => "Hội nghị tổng kết công tác năm {year} của ngành Nông nghiệp và Phát triển nông thôn", "The sector's {year} year-end conference",
    ConferenceUnitDefault => "Hội nghị cán bộ, công chức, viên chức năm {year}", "The {year} conference of civil servants",
    ConferencePickHint =>
        "Đánh dấu các điển hình được giới thiệu, biểu dương và ghi hình thức biểu dương, khen thưởng của từng điển hình.",
        "Tick the exemplars introduced and honoured, and write what each was honoured with.",
    ConferencePick => "Được biểu dương", "Honoured",
    ConferenceOnAnnualList => "Danh sách cả năm", "Annual list",
    ConferenceNoCandidates => "Chưa có điển hình nào đã đăng ký trong năm.", "No exemplar is registered this year yet.",
    ConferenceSave => "Lưu hội nghị", "Save the conference",
    ConferenceSaved => "Đã lưu hội nghị.", "The conference was saved.",
    ConferenceAnnualLink => "Hội nghị tổng kết năm của ngành", "The sector's year-end conference",
    DeadlineUnitReport => "Báo cáo định kỳ {period}", "Periodic report, {period}",
}

/// The period as a report names it: "6 tháng", "9 tháng", "cả năm".
pub fn report_period_name(lang: Lang, period: EvaluationPeriod) -> &'static str {
    t(
        lang,
        match period {
            EvaluationPeriod::SixMonth => Msg::ReportPeriodSix,
            EvaluationPeriod::NineMonth => Msg::ReportPeriodNine,
            EvaluationPeriod::Annual => Msg::ReportPeriodYear,
        },
    )
}
