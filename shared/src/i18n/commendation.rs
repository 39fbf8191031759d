//! Commendations (S-3, P-1): the card's proposals and decisions, and the summary's counts.

use super::{t, Lang, Msg};
use crate::domain::commendation::CommendationForm;

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    FormDirectorCertificate => "Giấy khen của Giám đốc Sở", "Certificate of merit of the Director",
    FormCityMerit => "Bằng khen của UBND Thành phố", "Certificate of merit of the City People's Committee",
    FormCityEmulationFighter => "Chiến sĩ thi đua cấp Thành phố", "City-level emulation fighter",
    FormCityEmulationFlag => "Cờ thi đua của UBND Thành phố", "Emulation flag of the City People's Committee",
    FormHigher => "Hình thức cao hơn (cấp Nhà nước)", "A higher (national) form",
    CommendationsTitle => "Khen thưởng (S-3)", "Commendations (S-3)",
    NoCommendations => "Chưa có đề nghị khen thưởng.", "No commendation proposed yet.",
    ProposeTitle => "Đề nghị khen thưởng", "Propose a commendation",
    ProposeHint =>
        "Đơn vị khen thưởng hoặc đề nghị cấp trên khen thưởng điển hình (S-3): kèm báo cáo thành tích đã đính kèm trong hồ sơ và kết quả họp Hội đồng Thi đua – Khen thưởng của đơn vị.",
        "The unit commends its exemplar or proposes a higher commendation (S-3): with the achievement report attached to the dossier and the result of the unit's emulation and commendation council.",
    SendProposal => "Gửi đề nghị", "Send the proposal",
    ProposalSent => "Đã gửi đề nghị khen thưởng.", "The proposal was sent.",
    ChooseForm => "— Chọn hình thức —", "— Choose a form —",
    ChooseReport => "— Chọn báo cáo thành tích —", "— Choose the achievement report —",
    NoReportHint =>
        "Hồ sơ chưa có báo cáo thành tích: hãy đính kèm ở mục Tài liệu hồ sơ (loại Báo cáo thành tích) rồi chọn ở đây.",
        "The dossier has no achievement report yet: attach one under Dossier documents (kind Achievement report), then choose it here.",
    ProposalColumn => "Đề nghị", "Proposal",
    UnitCouncilColumn => "Hội đồng TĐKT đơn vị", "Unit council",
    DecisionColumn => "Quyết định", "Decision",
    CouncilSummary => "Họp ngày {date}, {present} thành viên dự: {result}", "Met on {date}, {present} members present: {result}",
    ProposedOn => "Đề nghị ngày {date} ({by})", "Proposed on {date} ({by})",
    StatusPending => "Chờ Sở quyết định", "Awaiting the Department's decision",
    StatusGranted => "Quyết định số {number} ngày {date} ({signer} ký): {form}", "Decision no. {number} of {date} (signed by {signer}): {form}",
    StatusDeclined => "Không khen thưởng: {reason}", "Not commended: {reason}",
    DecideTitle => "Quyết định cho đề nghị ngày {date}: {form}", "Decision on the proposal of {date}: {form}",
    OutcomeLabel => "Kết quả", "Outcome",
    OutcomeGrant => "Khen thưởng", "Commended",
    OutcomeDecline => "Không khen thưởng", "Not commended",
    RecordCommendationDecision => "Ghi nhận quyết định", "Record the decision",
    CommendationDecided => "Đã ghi nhận quyết định khen thưởng.", "The decision was recorded.",
    SummaryCommendations => "Khen thưởng (S-3)", "Commendations (S-3)",
    CountPending => "Chờ quyết định", "Awaiting decision",
    CountGranted => "Đã khen thưởng", "Commended",
    CountDeclined => "Không khen thưởng", "Not commended",
    BlocOrUnit => "Khối, đơn vị", "Bloc, unit",
    DocProposalTitle => "TỜ TRÌNH", "SUBMISSION",
    DocProposalSubtitle => "Về việc đề nghị {form} cho {name}", "Proposing the {form} for {name}",
    DocUnitHead => "THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF THE UNIT",
    ProposalDownloads => "Tờ trình", "Submission",
    NoCommendationsYear => "Năm này chưa có đề nghị khen thưởng.", "No commendation was proposed this year.",
}

/// The name of a form of commendation.
pub fn commendation_form_name(lang: Lang, form: CommendationForm) -> &'static str {
    let msg = match form {
        CommendationForm::DirectorCertificate => Msg::FormDirectorCertificate,
        CommendationForm::CityMerit => Msg::FormCityMerit,
        CommendationForm::CityEmulationFighter => Msg::FormCityEmulationFighter,
        CommendationForm::CityEmulationFlag => Msg::FormCityEmulationFlag,
        CommendationForm::Higher => Msg::FormHigher,
    };
    t(lang, msg)
}
