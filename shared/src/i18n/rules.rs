//! The catalogue's messages for rules and input errors, with their parameters.

use super::{format_bytes, format_date, t, Lang, Msg};
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
    RulePlanNotApproved =>
        "Kế hoạch bồi dưỡng chưa được thủ trưởng đơn vị phê duyệt (mỗi lần sửa cần phê duyệt lại).",
        "The fostering plan is not approved by the unit head yet (each edit needs a new approval).",
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
        "Bạn đã gửi phiếu biểu quyết; mỗi thành viên gửi một lần.",
        "You have already cast your ballot; each member casts it once.",
    RuleBallotPaperInvalid =>
        "Phiếu biểu quyết có hồ sơ không thuộc đợt biểu quyết, hồ sơ bạn không được biểu quyết (đơn vị của bạn hoặc đã khai báo xung đột lợi ích), hoặc một hồ sơ hai lần.",
        "The ballot paper names a nomination that is not on the ballot, one you may not vote on (your unit's, or a declared conflict of interest), or one twice.",
    RuleBallotPaperIncomplete =>
        "Còn {missing} hồ sơ chưa chọn Đồng ý hoặc Không đồng ý; phiếu chỉ được gửi khi đã chọn đủ.",
        "{missing} nominations have no choice yet; the paper is sent only once each has one.",
    RuleBallotNoQuorum =>
        "Chưa thể đóng biểu quyết: mới có {took_part} thành viên tham gia, cần ít nhất {needed}.",
        "The ballot cannot close yet: {took_part} members took part, at least {needed} are needed.",
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
    // With values, named in braces: `fill` puts them in.
    RuleNotAMove =>
        "Không thể chuyển từ “{from}” sang “{to}”: chỉ được chuyển sang giai đoạn kế tiếp, lùi một giai đoạn, dừng hoặc khôi phục.",
        "Cannot move from “{from}” to “{to}”: only to the next stage, back one stage, to dropped, or restored.",
    RuleRestoreElsewhereTo =>
        "Hồ sơ chỉ được khôi phục về giai đoạn trước khi dừng: “{stage}”.",
        "A dropped nomination can only be restored to where it was: “{stage}”.",
    RuleRestoreElsewhereUnknown =>
        "Không rõ giai đoạn trước khi dừng nên không thể khôi phục.",
        "The stage before the drop is unknown, so it cannot be restored.",
    RuleEvidenceMissing =>
        "Chưa có minh chứng cho tiêu chí {criteria}.",
        "Evidence is missing for criteria {criteria}.",
    RuleCulturalFamilyYears =>
        "Hộ gia đình cần đạt gia đình văn hóa ít nhất {needed} năm liền (hiện có {consecutive}) hoặc là gia đình văn hóa tiêu biểu.",
        "A household needs at least {needed} consecutive cultural-family years (it has {consecutive}) or to be an exemplary cultural family.",
    RuleRegistrationClosed =>
        "Đã hết hạn đăng ký với Sở ({deadline}).",
        "Registration with the Department closed on {deadline}.",
    RuleLeaderMissing =>
        "Kế hoạch bồi dưỡng chưa nêu lãnh đạo phụ trách {role}.",
        "The fostering plan names no leader responsible for {role}.",
    RuleEvaluationMissing => "Chưa có {period}.", "The {period} has not been recorded.",
    RuleEvaluationRepeated =>
        "Đã có {period} trong năm này.",
        "The {period} of this year is already recorded.",
    RuleEvaluationTooEarly =>
        "Chưa đến kỳ {period}: kỳ này bắt đầu từ {opens}.",
        "The {period} period has not started: it opens on {opens}.",
    RuleDateOutsideYear => "Ngày phải thuộc năm {year}.", "The date must fall within {year}.",
    RulePlanNotOpen =>
        "Chỉ lập kế hoạch bồi dưỡng cho điển hình đã đăng ký với Sở (hiện ở giai đoạn “{stage}”).",
        "A fostering plan is made for a registered exemplar (this one is at “{stage}”).",
    RuleEvaluationNotOpen =>
        "Chỉ đánh giá định kỳ điển hình đang bồi dưỡng hoặc đánh giá (hiện ở giai đoạn “{stage}”).",
        "Periodic evaluations are for exemplars being fostered or evaluated (this one is at “{stage}”).",
    RuleReplicationNotOpen =>
        "Chỉ ghi nhận nhân rộng cho mô hình đang đánh giá hoặc đã nhân rộng (hiện ở giai đoạn “{stage}”).",
        "Replications are recorded for models being evaluated or replicated (this one is at “{stage}”).",
    RuleNotACriterion =>
        "“{code}” không phải tiêu chí chấm điểm của loại đối tượng này.",
        "“{code}” is not a scored criterion of this kind of nominee.",
    RuleCriteriaFrozen =>
        "Hội đồng đã bắt đầu chấm năm {year}: bộ tiêu chí của năm này không sửa được nữa. Hãy áp dụng thay đổi từ một năm sau.",
        "The council has begun scoring {year}: that year's criteria can no longer change. Apply the change from a later year.",
    RuleNothingToSend =>
        "Chưa có quyết định chọn mô hình của năm để gửi Thành phố.",
        "There is no decision on the year's models to send to the City yet.",
    RuleNoNextYear =>
        "{year} là năm cuối của kế hoạch (đến {last}): không có năm sau để chuyển tiếp điển hình.",
        "{year} is the campaign's last year (it ends in {last}): there is no next year to carry exemplars into.",
    RuleNothingToCarry =>
        "Chọn ít nhất một điển hình để chuyển sang năm sau.",
        "Choose at least one exemplar to carry over into the next year.",
    RuleCarryDropped =>
        "{name} đã dừng: không tiếp tục ở giai đoạn cũ được, hãy chọn “Bắt đầu lại”.",
        "{name} was dropped: it cannot go on where it stood; choose “Start again”.",
    RuleAlreadyCarried =>
        "{name} đã được chuyển sang năm {year}.",
        "{name} was already carried over into {year}.",
    RuleCarryCollectiveFirst =>
        "{name}: người đứng đầu chỉ được chuyển tiếp cùng hồ sơ tập thể của đơn vị (C-C4); hãy chuyển tiếp hồ sơ tập thể trước, hoặc chọn “Bắt đầu lại”.",
        "{name}: a unit head goes on only with the unit's collective (C-C4); carry the collective over first, or choose “Start again”.",
    RuleCarriedOn =>
        "Điển hình này đã được chuyển sang năm {year}: hồ sơ của năm cũ được giữ nguyên, hãy làm tiếp trên thẻ năm {year}.",
        "This exemplar was carried over into {year}: the old year's record is kept as it was; go on with its {year} card.",
    RuleYearInUse =>
        "Năm {year} đã có hồ sơ hoặc công việc được ghi nhận: không bỏ năm này khỏi kế hoạch được.",
        "Work was already recorded in {year}: that year cannot leave the campaign.",
    RuleFileTooLarge =>
        "Tệp {name} lớn hơn mức cho phép ({max}).",
        "The file {name} is larger than allowed ({max}).",
    RuleDossierFull =>
        "Không đính kèm được {name}: hồ sơ đã dùng {used} trên tối đa {max}. Hãy gỡ bớt tài liệu hoặc nén tệp.",
        "Cannot attach {name}: the dossier already holds {used} of at most {max}. Remove a document or compress the file.",
    RuleFileTypeNotAccepted =>
        "Nội dung tệp {name} không phải PDF, ảnh PNG/JPEG, Word (.docx), Excel (.xlsx) hay OpenDocument (.odt).",
        "The content of {name} is not a PDF, a PNG/JPEG picture, Word (.docx), Excel (.xlsx) or OpenDocument (.odt) file.",
    RuleFileNamePathLike =>
        "Tên tệp không được là đường dẫn (có “/”, “\\”, “:”, “..” hoặc bắt đầu bằng dấu chấm).",
        "A file name cannot be a path (no “/”, “\\”, “:”, “..”, nor a leading dot).",
    RuleFileMissing => "Hãy chọn một tệp (không rỗng) để đính kèm.", "Choose a (non-empty) file to attach.",
    RuleCommendationPending =>
        "Hồ sơ này đã có đề nghị khen thưởng đang chờ quyết định; chờ Sở quyết định trước khi đề nghị tiếp.",
        "This nomination already has a proposal awaiting the decision; wait for it before proposing again.",
    RuleCommendationNotOpen =>
        "Chỉ đề nghị khen thưởng cho điển hình đã đăng ký với Sở và chưa bị loại.",
        "Only an exemplar registered with the Department, and not dropped, is proposed for a commendation.",
    RuleReportNotUsable =>
        "Tài liệu đã chọn không phải báo cáo thành tích còn trong hồ sơ; hãy đính kèm báo cáo thành tích rồi chọn lại.",
        "The document chosen is not an achievement report still in the dossier; attach the achievement report and choose it.",
    RuleDecisionBeforeProposal =>
        "Ngày quyết định không thể trước ngày đề nghị ({date}).",
        "The decision cannot be dated before the proposal ({date}).",
    RuleDecisionNumberTaken =>
        "Số quyết định {number} đã được dùng cho một quyết định khác.",
        "The decision number {number} is already another decision's.",
    FieldCommendationForm => "Hình thức khen thưởng đề nghị", "Form of commendation proposed",
    FieldCommendationTitle => "Danh hiệu đề nghị (nếu có)", "Title proposed (if any)",
    FieldAchievementReport => "Báo cáo thành tích", "Achievement report",
    FieldCouncilDate => "Ngày họp Hội đồng TĐKT đơn vị", "Date of the unit council's meeting",
    FieldCouncilPresent => "Số thành viên dự họp", "Members present",
    FieldCouncilResult => "Kết quả họp Hội đồng đơn vị", "Result of the unit council's meeting",
    FieldDecisionNumber => "Số quyết định", "Decision number",
    FieldDecisionDate => "Ngày quyết định", "Date of the decision",
    FieldDecisionSigner => "Người ký", "Signed by",
    FieldGrantedForm => "Hình thức được khen thưởng", "Form of commendation granted",
    FieldAchievementsSummary => "Tóm tắt thành tích", "Summary of achievements",
    FieldCityOutcome => "Kết quả Thành phố trả lời", "The City's answer",
    FieldAnsweredOn => "Ngày Thành phố trả lời", "Date of the City's answer",
    FieldCityDetail => "Hình thức khen thưởng hoặc lý do trả lại", "Commendation, or the reason for returning it",
    FieldUnitAssessment =>
        "Tự đánh giá công tác phát hiện, bồi dưỡng, nhân rộng điển hình của đơn vị",
        "The unit's own assessment of its work of discovering, fostering and replicating",
    FieldReportEvaluation => "Kết quả đánh giá", "Evaluation",
    FieldReportFostering => "Công tác bồi dưỡng", "Fostering",
    FieldReportPublicity => "Công tác tuyên truyền", "Publicity",
    FieldReportReplication => "Công tác nhân rộng", "Replication",
    FieldDepartmentAssessment => "Đánh giá chung của Sở", "The Department's overall assessment",
    FieldConferenceDate => "Ngày tổ chức hội nghị", "Date of the conference",
    FieldConferenceTitle => "Tên hội nghị", "Name of the conference",
    FieldHonour => "Hình thức biểu dương, khen thưởng", "Honoured with",
    RuleConferenceOutsideYear =>
        "Hội nghị của năm {year} phải được tổ chức trong năm {year}.",
        "The {year} conference is held in {year}.",
    RuleConferenceNoHonours =>
        "Hãy chọn ít nhất một điển hình được giới thiệu, biểu dương tại hội nghị.",
        "Choose at least one exemplar introduced and honoured at the conference.",
    RuleConferenceHonouredTwice =>
        "Mỗi điển hình chỉ được ghi một lần trong một hội nghị.",
        "Each exemplar is listed once at a conference.",
    RuleConferenceNotEligible =>
        "Hội nghị chỉ biểu dương các điển hình đã đăng ký của năm (hội nghị đơn vị: của đơn vị).",
        "A conference honours the year's registered exemplars (a unit's conference: the unit's own).",
    RulePeriodicReportSent =>
        "Báo cáo định kỳ của kỳ này đã gửi Sở, không sửa hay gửi lại được nữa.",
        "This period's report has been sent to the Department and can no longer change or be sent again.",
    RulePeriodicReportNotInUnit =>
        "Báo cáo chỉ gồm các điển hình của đơn vị trong kỳ này.",
        "The report covers only the unit's exemplars of this period.",
    RulePeriodicReportIncomplete =>
        "Chưa có kết quả đánh giá hoặc tóm tắt thành tích cho: {missing}.",
        "No evaluation or summary of achievements yet for: {missing}.",
    RuleCityAlreadyAnswered =>
        "Thành phố đã trả lời về điển hình này; điển hình bị trả lại cần được gửi lại trước khi ghi nhận trả lời mới.",
        "The City has answered on this model already; a returned model is sent again before a new answer is recorded.",
    RuleCityNotReturned =>
        "Chỉ gửi lại điển hình đã bị Thành phố trả lại.",
        "Only a model the City returned is sent again.",
    RuleQuorumFrozen =>
        "Hội đồng đã bắt đầu chấm năm {year}: túc số của năm này không thay đổi được nữa.",
        "The council has begun scoring {year}: that year's quorum can no longer change.",
    RuleSheetIncomplete =>
        "Chưa chấm đủ các tiêu chí: {missing}.",
        "Some criteria are not scored yet: {missing}.",
    RuleReviewIncomplete => "Chưa có nhận xét cho: {missing}.", "No comment yet on: {missing}.",
    RuleSelectionNotEligible =>
        "{count} hồ sơ được chọn chưa đăng ký với Sở hoặc đã dừng, không thể gửi Thành phố.",
        "{count} chosen nominations are not registered or were dropped, and cannot be sent to the City.",
    RuleCityQuotaFull =>
        "Mỗi năm chỉ đăng ký tối đa {max} mô hình với Thành phố.",
        "At most {max} models a year can be registered with the City.",
    RuleCityListTooShort =>
        "Danh sách gửi Thành phố cần ít nhất {min} mô hình (hiện có {have}).",
        "The list for the City needs at least {min} models (it has {have}).",
    RuleCityNotEligible =>
        "Hồ sơ ở giai đoạn “{stage}” chưa thể đăng ký với Thành phố.",
        "A nomination at “{stage}” cannot be registered with the City.",
    // The names of the form fields, as the errors and the forms say them.
    FieldNomineeName => "Tên tập thể, cá nhân", "Nominee's name",
    FieldDescription => "Mô hình, sáng kiến, kinh nghiệm", "Model, initiative or experience",
    FieldReplicationPotential => "Khả năng nhân rộng", "Replication potential",
    FieldEvidence => "Minh chứng", "Evidence",
    FieldReason => "Lý do", "Reason",
    FieldScore => "Điểm", "Score",
    FieldYear => "Năm", "Year",
    FieldCampaignName => "Tên kế hoạch", "Campaign name",
    FieldCampaignYears => "Các năm của kế hoạch", "Campaign years",
    FieldCampaignDecision => "Văn bản ban hành", "Adopted by (decision)",
    FieldQuota => "Số mô hình đăng ký với Thành phố", "Models registered with the City",
    FieldCollectiveSize => "Số người của tập thể", "Size of the collective",
    FieldIndividualPosition => "Chức vụ", "Position",
    FieldCooperativeMembers => "Số thành viên", "Number of members",
    FieldCulturalFamilyYears => "Các năm đạt gia đình văn hóa", "Cultural-family years",
    FieldLeaderName => "Họ tên lãnh đạo phụ trách", "Responsible leader's name",
    FieldLeaderPosition => "Chức vụ lãnh đạo phụ trách", "Responsible leader's position",
    FieldActivityTitle => "Tên hoạt động", "Activity",
    FieldActivityDate => "Ngày thực hiện", "Activity date",
    FieldAchievements => "Thành tích", "Achievements",
    FieldEvaluator => "Người đánh giá", "Evaluator",
    FieldEvaluationDate => "Ngày đánh giá", "Evaluation date",
    FieldCommendation => "Hình thức khen thưởng", "Commendation",
    FieldActivityOutcome => "Kết quả", "Outcome",
    FieldActivities => "Các hoạt động", "Activities",
    FieldAdopter => "Đơn vị, địa phương áp dụng", "Adopting unit or locality",
    FieldReplicationDate => "Ngày áp dụng", "Date adopted",
    FieldReplicationResult => "Kết quả", "Result",
    FieldSelection => "Danh sách", "Selection",
    FieldComment => "Nhận xét", "Comment",
    FieldPassShare => "Ngưỡng thông qua (%)", "Share needed to pass (%)",
    FieldAssessment => "Đánh giá chung của khối", "The bloc's overall assessment",
    FieldUsername => "Tên đăng nhập", "Username",
    FieldPassword => "Mật khẩu", "Password",
    FieldDisplayName => "Họ và tên", "Full name",
    FieldRoles => "Vai trò", "Roles",
    FieldUnit => "Đơn vị", "Unit",
    FieldCurrentPassword => "Mật khẩu hiện tại", "Current password",
    FieldOrgCode => "Mã", "Code",
    FieldOrgName => "Tên", "Name",
    FieldHeadUnit => "Đơn vị trưởng khối", "Head unit",
    FieldRegistrationDeadline => "Hạn đăng ký với Sở (D-1)", "Registration deadline (D-1)",
    FieldBlocReviewDeadline => "Hạn khối gửi kết quả (D-2)", "Bloc review deadline (D-2)",
    FieldCitySubmissionDeadline =>
        "Hạn gửi danh sách lên Thành phố (D-3)",
        "Deadline for the City list (D-3)",
    FieldSixMonthCheckpoint => "Đánh giá 6 tháng (E-1)", "6-month evaluation (E-1)",
    FieldNineMonthCheckpoint => "Đánh giá 9 tháng (E-1)", "9-month evaluation (E-1)",
    FieldAnnualCheckpoint => "Đánh giá cả năm (E-1)", "Annual evaluation (E-1)",
    FieldFirstQuarterSelection => "Chọn gửi Thành phố quý I (E-2)", "Quarter 1 selection (E-2)",
    FieldSecondQuarterSelection => "Chọn gửi Thành phố quý II (E-2)", "Quarter 2 selection (E-2)",
    FieldThirdQuarterSelection => "Chọn gửi Thành phố quý III (E-2)", "Quarter 3 selection (E-2)",
    FieldFourthQuarterSelection => "Chọn gửi Thành phố quý IV (E-2)", "Quarter 4 selection (E-2)",
    FieldDispatchNumber => "Số văn bản", "Dispatch number",
    FieldSentOn => "Ngày gửi", "Date sent",
    FieldQuorum =>
        "Túc số của Hội đồng khi chấm và bỏ phiếu, % (S-2)",
        "The council's quorum for totals and ballots, % (S-2)",
    FieldCriteria => "Danh sách tiêu chí", "Criteria list",
    FieldCriterionCode => "Mã tiêu chí", "Criterion code",
    FieldCriterionVi => "Nội dung tiếng Việt", "Vietnamese text",
    FieldCriterionEn => "Nội dung tiếng Anh", "English text",
    FieldWeight => "Trọng số", "Weight",
    FieldFloor => "Điểm sàn", "Floor",
    FieldFromYear => "Áp dụng từ năm", "Applies from the year",
    FieldDocumentKind => "Loại tài liệu", "Kind of document",
    FieldDocumentTitle => "Tên tài liệu", "Document title",
    FieldDocumentFile => "Tệp", "File",
    FieldMeetingDate => "Ngày họp tập thể", "Date of the collective's meeting",
    FieldMeetingResult => "Kết quả họp (tập thể thừa nhận, suy tôn)", "Result of the meeting (recognised by the collective)",
    FieldExemplarType => "Loại điển hình", "Kind of exemplar",
    FieldMovement => "Phong trào thi đua", "Emulation movement",
}

pub fn field_name(lang: Lang, field: Field) -> &'static str {
    use Field::*;
    let msg = match field {
        NomineeName => Msg::FieldNomineeName,
        Description => Msg::FieldDescription,
        ReplicationPotential => Msg::FieldReplicationPotential,
        Evidence => Msg::FieldEvidence,
        Reason => Msg::FieldReason,
        Score => Msg::FieldScore,
        Year => Msg::FieldYear,
        CampaignName => Msg::FieldCampaignName,
        CampaignYears => Msg::FieldCampaignYears,
        CampaignDecision => Msg::FieldCampaignDecision,
        Quota => Msg::FieldQuota,
        CollectiveSize => Msg::FieldCollectiveSize,
        IndividualPosition => Msg::FieldIndividualPosition,
        CooperativeMembers => Msg::FieldCooperativeMembers,
        CulturalFamilyYears => Msg::FieldCulturalFamilyYears,
        LeaderName => Msg::FieldLeaderName,
        LeaderPosition => Msg::FieldLeaderPosition,
        ActivityTitle => Msg::FieldActivityTitle,
        ActivityDate => Msg::FieldActivityDate,
        Achievements => Msg::FieldAchievements,
        Evaluator => Msg::FieldEvaluator,
        EvaluationDate => Msg::FieldEvaluationDate,
        Commendation => Msg::FieldCommendation,
        ActivityOutcome => Msg::FieldActivityOutcome,
        Activities => Msg::FieldActivities,
        Adopter => Msg::FieldAdopter,
        ReplicationDate => Msg::FieldReplicationDate,
        ReplicationResult => Msg::FieldReplicationResult,
        Selection => Msg::FieldSelection,
        Comment => Msg::FieldComment,
        PassShare => Msg::FieldPassShare,
        Assessment => Msg::FieldAssessment,
        Username => Msg::FieldUsername,
        Password => Msg::FieldPassword,
        DisplayName => Msg::FieldDisplayName,
        Roles => Msg::FieldRoles,
        Unit => Msg::FieldUnit,
        CurrentPassword => Msg::FieldCurrentPassword,
        OrgCode => Msg::FieldOrgCode,
        OrgName => Msg::FieldOrgName,
        HeadUnit => Msg::FieldHeadUnit,
        RegistrationDeadline => Msg::FieldRegistrationDeadline,
        BlocReviewDeadline => Msg::FieldBlocReviewDeadline,
        CitySubmissionDeadline => Msg::FieldCitySubmissionDeadline,
        SixMonthCheckpoint => Msg::FieldSixMonthCheckpoint,
        NineMonthCheckpoint => Msg::FieldNineMonthCheckpoint,
        AnnualCheckpoint => Msg::FieldAnnualCheckpoint,
        FirstQuarterSelection => Msg::FieldFirstQuarterSelection,
        SecondQuarterSelection => Msg::FieldSecondQuarterSelection,
        ThirdQuarterSelection => Msg::FieldThirdQuarterSelection,
        FourthQuarterSelection => Msg::FieldFourthQuarterSelection,
        DispatchNumber => Msg::FieldDispatchNumber,
        SentOn => Msg::FieldSentOn,
        Quorum => Msg::FieldQuorum,
        Criteria => Msg::FieldCriteria,
        CriterionCode => Msg::FieldCriterionCode,
        CriterionVi => Msg::FieldCriterionVi,
        CriterionEn => Msg::FieldCriterionEn,
        Weight => Msg::FieldWeight,
        Floor => Msg::FieldFloor,
        FromYear => Msg::FieldFromYear,
        DocumentKind => Msg::FieldDocumentKind,
        DocumentTitle => Msg::FieldDocumentTitle,
        DocumentFile => Msg::FieldDocumentFile,
        MeetingDate => Msg::FieldMeetingDate,
        MeetingResult => Msg::FieldMeetingResult,
        ExemplarType => Msg::FieldExemplarType,
        Movement => Msg::FieldMovement,
        CommendationForm => Msg::FieldCommendationForm,
        CommendationTitle => Msg::FieldCommendationTitle,
        AchievementReport => Msg::FieldAchievementReport,
        CouncilDate => Msg::FieldCouncilDate,
        CouncilPresent => Msg::FieldCouncilPresent,
        CouncilResult => Msg::FieldCouncilResult,
        DecisionNumber => Msg::FieldDecisionNumber,
        DecisionDate => Msg::FieldDecisionDate,
        DecisionSigner => Msg::FieldDecisionSigner,
        GrantedForm => Msg::FieldGrantedForm,
        AchievementsSummary => Msg::FieldAchievementsSummary,
        CityOutcome => Msg::FieldCityOutcome,
        AnsweredOn => Msg::FieldAnsweredOn,
        CityDetail => Msg::FieldCityDetail,
        UnitAssessment => Msg::FieldUnitAssessment,
        ReportEvaluation => Msg::FieldReportEvaluation,
        ReportFostering => Msg::FieldReportFostering,
        ReportPublicity => Msg::FieldReportPublicity,
        ReportReplication => Msg::FieldReportReplication,
        DepartmentAssessment => Msg::FieldDepartmentAssessment,
        ConferenceDate => Msg::FieldConferenceDate,
        ConferenceTitle => Msg::FieldConferenceTitle,
        Honour => Msg::FieldHonour,
    };
    t(lang, msg)
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
            // Only the first letter is lowered: "tiếng Anh", "Sở", "(D-1)" keep theirs.
            let mut chars = field.chars();
            let lowered: String = chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default();
            format!("Vui lòng nhập {lowered}.")
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
                field: Field::Roles,
            },
        ) => "Thành viên Hội đồng không thể đồng thời là Thường trực Hội đồng / Văn phòng Sở hay Quản trị viên: Hội đồng chấm điểm kín và bỏ phiếu kín.".to_string(),
        (
            Lang::En,
            InputError::Invalid {
                field: Field::Roles,
            },
        ) => "A council member cannot also be the council's standing office or an administrator: the council scores blind and votes in secret.".to_string(),
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
        (
            Lang::Vi,
            InputError::Invalid {
                field: Field::Movement,
            },
        ) => format!("{field} đã chọn không thuộc kế hoạch thi đua của năm này hoặc đã ngừng theo dõi; hãy chọn lại."),
        (
            Lang::En,
            InputError::Invalid {
                field: Field::Movement,
            },
        ) => format!("The {} chosen is not one of this year's campaign or is no longer followed; choose again.", field.to_lowercase()),
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
        (Lang::Vi, InputError::DateOutside { from, to, .. }) => {
            let (from, to) = (format_date(*from), format_date(*to));
            format!("{field} phải từ {from} đến {to}.")
        }
        (Lang::En, InputError::DateOutside { from, to, .. }) => {
            let (from, to) = (format_date(*from), format_date(*to));
            format!("{field} must fall between {from} and {to}.")
        }
        (Lang::Vi, InputError::NotAfter { earlier, .. }) => {
            let earlier = field_name(lang, *earlier);
            format!("{field} phải sau {earlier}.")
        }
        (Lang::En, InputError::NotAfter { earlier, .. }) => {
            let earlier = field_name(lang, *earlier);
            format!("{field} must come after {earlier}.")
        }
        (Lang::Vi, InputError::MinAboveMax { min, max, .. }) => {
            format!("{field}: số tối thiểu ({min}) lớn hơn số tối đa ({max}).")
        }
        (Lang::En, InputError::MinAboveMax { min, max, .. }) => {
            format!("{field}: the minimum ({min}) is above the maximum ({max}).")
        }
        (Lang::Vi, InputError::YearTaken { year, .. }) => {
            format!("{field}: năm {year} đã thuộc một kế hoạch khác.")
        }
        (Lang::En, InputError::YearTaken { year, .. }) => {
            format!("{field}: the year {year} already belongs to another campaign.")
        }
        (Lang::Vi, InputError::DuplicateCode { code }) => {
            format!("Mã tiêu chí {code} bị nhập hai lần.")
        }
        (Lang::En, InputError::DuplicateCode { code }) => {
            format!("The criterion code {code} is listed twice.")
        }
        (Lang::Vi, InputError::NoScoredCriterion) => {
            "Cần ít nhất một tiêu chí được chấm điểm.".to_string()
        }
        (Lang::En, InputError::NoScoredCriterion) => {
            "At least one criterion must be scored.".to_string()
        }
        (Lang::Vi, InputError::ForbiddenCharacter { .. }) => format!(
            "{field} chứa ký tự điều khiển hoặc ký tự đảo chiều văn bản (không nhìn thấy được); hãy xóa ký tự đó rồi nhập lại."
        ),
        (Lang::Vi, InputError::NameTaken { .. }) => {
            format!("{field}: tên này đã có trong danh sách.")
        }
        (Lang::En, InputError::NameTaken { .. }) => {
            format!("{field}: this name is already on the list.")
        }
        (Lang::En, InputError::ForbiddenCharacter { .. }) => format!(
            "{field} contains an invisible control or text-direction character; remove it and type the text again."
        ),
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

/// A catalogue text with its `{name}` placeholders filled in.
pub fn fill(lang: Lang, msg: Msg, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    values
        .iter()
        .fold(t(lang, msg).to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), &value.to_string())
        })
}

pub fn violation_message(lang: Lang, kind: &ViolationKind) -> String {
    use ViolationKind::*;
    let vi = lang == Lang::Vi;
    match kind {
        NotAMove { from, to } => fill(
            lang,
            Msg::RuleNotAMove,
            &[("from", &stage(lang, *from)), ("to", &stage(lang, *to))],
        ),
        RestoreElsewhere { expected: Some(s) } => fill(
            lang,
            Msg::RuleRestoreElsewhereTo,
            &[("stage", &stage(lang, *s))],
        ),
        RestoreElsewhere { expected: None } => t(lang, Msg::RuleRestoreElsewhereUnknown).into(),
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
        EvidenceMissing { criteria } => fill(
            lang,
            Msg::RuleEvidenceMissing,
            &[("criteria", &criteria.join(", "))],
        ),
        CulturalFamilyYears {
            consecutive,
            needed,
        } => fill(
            lang,
            Msg::RuleCulturalFamilyYears,
            &[("needed", &needed), ("consecutive", &consecutive)],
        ),
        UnitHeadWithoutCollective => t(lang, Msg::RuleUnitHeadWithoutCollective).into(),
        UnitHeadCollectiveNotRegistered => t(lang, Msg::RuleUnitHeadCollectiveNotRegistered).into(),
        RegistrationClosed { deadline } => fill(
            lang,
            Msg::RuleRegistrationClosed,
            &[("deadline", &format_date(*deadline))],
        ),
        NoFosteringPlan => t(lang, Msg::RuleNoFosteringPlan).into(),
        PlanNotApproved => t(lang, Msg::RulePlanNotApproved).into(),
        LeaderMissing { role } => fill(
            lang,
            Msg::RuleLeaderMissing,
            &[("role", &role_name(lang, *role))],
        ),
        NoDatedActivity => t(lang, Msg::RuleNoDatedActivity).into(),
        EvaluationMissing { period } => fill(
            lang,
            Msg::RuleEvaluationMissing,
            &[("period", &period_name(lang, *period))],
        ),
        AnnualRatingTooLow => t(lang, Msg::RuleAnnualRatingTooLow).into(),
        EvaluationRepeated { period } => fill(
            lang,
            Msg::RuleEvaluationRepeated,
            &[("period", &period_name(lang, *period))],
        ),
        EvaluationTooEarly { period, opens } => fill(
            lang,
            Msg::RuleEvaluationTooEarly,
            &[
                ("period", &period_name(lang, *period)),
                ("opens", &format_date(*opens)),
            ],
        ),
        UndoUnavailable => t(lang, Msg::RuleUndoUnavailable).into(),
        DateOutsideYear { year } => fill(lang, Msg::RuleDateOutsideYear, &[("year", &year)]),
        PlanNotOpen { stage: s } => {
            fill(lang, Msg::RulePlanNotOpen, &[("stage", &stage(lang, *s))])
        }
        EvaluationNotOpen { stage: s } => fill(
            lang,
            Msg::RuleEvaluationNotOpen,
            &[("stage", &stage(lang, *s))],
        ),
        ReplicationNotOpen { stage: s } => fill(
            lang,
            Msg::RuleReplicationNotOpen,
            &[("stage", &stage(lang, *s))],
        ),
        BallotClosed => t(lang, Msg::RuleBallotClosed).into(),
        AlreadyVoted => t(lang, Msg::RuleAlreadyVoted).into(),
        BallotPaperInvalid => t(lang, Msg::RuleBallotPaperInvalid).into(),
        BallotPaperIncomplete { missing } => fill(
            lang,
            Msg::RuleBallotPaperIncomplete,
            &[("missing", &missing)],
        ),
        BallotNoQuorum { took_part, needed } => fill(
            lang,
            Msg::RuleBallotNoQuorum,
            &[("took_part", &took_part), ("needed", &needed)],
        ),
        BallotEmpty => t(lang, Msg::RuleBallotEmpty).into(),
        CouncilClosed => t(lang, Msg::RuleCouncilClosed).into(),
        SheetSubmitted => t(lang, Msg::RuleSheetSubmitted).into(),
        ConflictDeclared => t(lang, Msg::RuleConflictDeclared).into(),
        NotACriterion { code } => fill(lang, Msg::RuleNotACriterion, &[("code", &code)]),
        CriteriaFrozen { year } => fill(lang, Msg::RuleCriteriaFrozen, &[("year", &year)]),
        NothingToSend => t(lang, Msg::RuleNothingToSend).to_string(),
        QuorumFrozen { year } => fill(lang, Msg::RuleQuorumFrozen, &[("year", &year)]),
        NoNextYear { year, last } => fill(
            lang,
            Msg::RuleNoNextYear,
            &[("year", &year), ("last", &last)],
        ),
        NothingToCarry => t(lang, Msg::RuleNothingToCarry).into(),
        CarryDropped { name } => fill(lang, Msg::RuleCarryDropped, &[("name", &name)]),
        AlreadyCarried { name, year } => fill(
            lang,
            Msg::RuleAlreadyCarried,
            &[("name", &name), ("year", &year)],
        ),
        CarryCollectiveFirst { name } => {
            fill(lang, Msg::RuleCarryCollectiveFirst, &[("name", &name)])
        }
        CarriedOn { year } => fill(lang, Msg::RuleCarriedOn, &[("year", &year)]),
        YearInUse { year } => fill(lang, Msg::RuleYearInUse, &[("year", &year)]),
        FileTooLarge { name, max_bytes } => fill(
            lang,
            Msg::RuleFileTooLarge,
            &[("name", name), ("max", &format_bytes(*max_bytes))],
        ),
        DossierFull {
            name,
            max_bytes,
            used_bytes,
        } => fill(
            lang,
            Msg::RuleDossierFull,
            &[
                ("name", name),
                ("max", &format_bytes(*max_bytes)),
                ("used", &format_bytes(*used_bytes)),
            ],
        ),
        FileTypeNotAccepted { name } => fill(lang, Msg::RuleFileTypeNotAccepted, &[("name", name)]),
        FileNamePathLike => t(lang, Msg::RuleFileNamePathLike).into(),
        FileMissing => t(lang, Msg::RuleFileMissing).into(),
        CommendationPending => t(lang, Msg::RuleCommendationPending).into(),
        ReportNotUsable => t(lang, Msg::RuleReportNotUsable).into(),
        CommendationNotOpen => t(lang, Msg::RuleCommendationNotOpen).into(),
        CityAlreadyAnswered => t(lang, Msg::RuleCityAlreadyAnswered).into(),
        CityNotReturned => t(lang, Msg::RuleCityNotReturned).into(),
        PeriodicReportSent => t(lang, Msg::RulePeriodicReportSent).into(),
        ConferenceOutsideYear { year } => {
            fill(lang, Msg::RuleConferenceOutsideYear, &[("year", year)])
        }
        ConferenceNoHonours => t(lang, Msg::RuleConferenceNoHonours).into(),
        ConferenceHonouredTwice => t(lang, Msg::RuleConferenceHonouredTwice).into(),
        ConferenceNotEligible => t(lang, Msg::RuleConferenceNotEligible).into(),
        PeriodicReportNotInUnit => t(lang, Msg::RulePeriodicReportNotInUnit).into(),
        PeriodicReportIncomplete { missing } => fill(
            lang,
            Msg::RulePeriodicReportIncomplete,
            &[("missing", &missing.join(", "))],
        ),
        DecisionBeforeProposal { proposed_on } => fill(
            lang,
            Msg::RuleDecisionBeforeProposal,
            &[("date", &format_date(*proposed_on))],
        ),
        DecisionNumberTaken { number } => {
            fill(lang, Msg::RuleDecisionNumberTaken, &[("number", number)])
        }
        SheetIncomplete { missing } => fill(
            lang,
            Msg::RuleSheetIncomplete,
            &[("missing", &missing.join(", "))],
        ),
        ReviewSubmitted => t(lang, Msg::RuleReviewSubmitted).into(),
        ReviewIncomplete { missing } => fill(
            lang,
            Msg::RuleReviewIncomplete,
            &[("missing", &missing.join(", "))],
        ),
        ReviewNotInBloc => t(lang, Msg::RuleReviewNotInBloc).into(),
        SelectionEmpty => t(lang, Msg::RuleSelectionEmpty).into(),
        SelectionNotEligible { count } => {
            fill(lang, Msg::RuleSelectionNotEligible, &[("count", &count)])
        }
        PlanNotApprovable => t(lang, Msg::RulePlanNotApprovable).into(),
        DateInFuture => t(lang, Msg::RuleDateInFuture).into(),
        CityQuotaFull { max } => fill(lang, Msg::RuleCityQuotaFull, &[("max", &max)]),
        CityListTooShort { min, have } => fill(
            lang,
            Msg::RuleCityListTooShort,
            &[("min", &min), ("have", &have)],
        ),
        CityNotEligible { stage: s } => fill(
            lang,
            Msg::RuleCityNotEligible,
            &[("stage", &stage(lang, *s))],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn texts_with_values_read_as_sentences_in_both_languages() {
        let too_early = ViolationKind::EvaluationTooEarly {
            period: EvaluationPeriod::NineMonth,
            opens: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
        };
        assert_eq!(
            violation_message(Lang::Vi, &too_early),
            "Chưa đến kỳ đánh giá 9 tháng: kỳ này bắt đầu từ 30/09/2026."
        );
        assert_eq!(
            violation_message(Lang::En, &too_early),
            "The 9-month evaluation period has not started: it opens on 30/09/2026."
        );
        let short = ViolationKind::CityListTooShort { min: 3, have: 1 };
        assert_eq!(
            violation_message(Lang::Vi, &short),
            "Danh sách gửi Thành phố cần ít nhất 3 mô hình (hiện có 1)."
        );
        assert_eq!(
            violation_message(Lang::En, &short),
            "The list for the City needs at least 3 models (it has 1)."
        );
        let not_a_move = ViolationKind::NotAMove {
            from: Stage::Discovered,
            to: Stage::Replicated,
        };
        assert_eq!(
            violation_message(Lang::En, &not_a_move),
            "Cannot move from “Discovered” to “Replicated”: only to the next stage, back one \
             stage, to dropped, or restored."
        );
        assert_eq!(field_name(Lang::Vi, Field::HeadUnit), "Đơn vị trưởng khối");
    }

    #[test]
    fn a_required_field_lowers_only_its_first_letter() {
        let required = |field| input_error(Lang::Vi, &InputError::Required { field });
        assert_eq!(
            required(Field::CriterionEn),
            "Vui lòng nhập nội dung tiếng Anh."
        );
        assert_eq!(
            required(Field::RegistrationDeadline),
            "Vui lòng nhập hạn đăng ký với Sở (D-1)."
        );
        assert_eq!(
            required(Field::NomineeName),
            "Vui lòng nhập tên tập thể, cá nhân."
        );
    }

    #[test]
    fn every_placeholder_is_filled() {
        for lang in [Lang::Vi, Lang::En] {
            let text = violation_message(
                lang,
                &ViolationKind::CulturalFamilyYears {
                    consecutive: 2,
                    needed: 3,
                },
            );
            assert!(!text.contains('{'), "{text}");
            assert!(text.contains('2') && text.contains('3'), "{text}");
        }
    }
}
