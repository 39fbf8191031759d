//! The audit history page, and the labels of the actions and objects it records.

use super::{t, Lang, Msg};

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    AuditTitle => "Nhật ký thay đổi và an ninh", "Change and security history",
    AuditAction => "Thao tác", "Action",
    AuditAllActions => "Tất cả thao tác", "All actions",
    AuditActor => "Người thực hiện", "By",
    AuditFilter => "Lọc", "Filter",
    AuditWhen => "Thời gian", "When",
    AuditObject => "Đối tượng", "Object",
    AuditAddress => "Địa chỉ", "Address",
    AuditDetails => "Chi tiết", "Details",
    AuditChainIntact =>
        "Chuỗi băm nhật ký toàn vẹn: không bản ghi nào bị sửa hay xóa. Số bản ghi:",
        "Hash chain intact: no entry was edited or removed. Entries:",
    AuditChainBroken =>
        "CẢNH BÁO: nhật ký đã bị can thiệp, chuỗi băm đứt tại bản ghi",
        "WARNING: the history was tampered with; the hash chain breaks at entry",
    AuditOlder => "Xem các bản ghi cũ hơn", "Show older entries",
    AuditEmpty => "Không có bản ghi nào khớp bộ lọc.", "No entry matches the filter.",
    // The actions recorded, by their stored code (see `audit_action_label`).
    AuditedLogin => "Đăng nhập", "Signed in",
    AuditedLoginFailed => "Đăng nhập sai", "Failed sign-in",
    AuditedLoginThrottled => "Bị tạm khóa đăng nhập", "Sign-in locked out",
    AuditedLoginDisabled => "Tài khoản bị khóa đăng nhập", "Disabled account tried to sign in",
    AuditedLogout => "Đăng xuất", "Signed out",
    AuditedCsrfRefused => "Từ chối yêu cầu giả mạo", "Cross-site request refused",
    AuditedForbidden => "Từ chối thao tác không được phép", "Forbidden action refused",
    AuditedAccountCreated => "Tạo tài khoản", "Account created",
    AuditedAccountUpdated => "Sửa tài khoản", "Account changed",
    AuditedPasswordReset => "Đổi mật khẩu", "Password changed",
    AuditedBlocCreated => "Tạo khối thi đua", "Bloc created",
    AuditedBlocUpdated => "Sửa khối thi đua", "Bloc changed",
    AuditedUnitCreated => "Tạo đơn vị", "Unit created",
    AuditedUnitUpdated => "Sửa đơn vị", "Unit changed",
    AuditedCampaignCreated => "Tạo kế hoạch thi đua", "Campaign created",
    AuditedCampaignUpdated => "Sửa kế hoạch thi đua", "Campaign changed",
    AuditedCampaignYearUpdated => "Sửa lịch, chỉ tiêu của năm", "Year's calendar changed",
    AuditedCriteriaUpdated => "Sửa bộ tiêu chí", "Criteria changed",
    AuditedMovementCreated => "Thêm phong trào thi đua", "Emulation movement added",
    AuditedMovementUpdated => "Sửa phong trào thi đua", "Emulation movement changed",
    AuditedCityDispatched => "Ghi nhận gửi danh sách lên Thành phố", "List sent to the City recorded",
    AuditedCouncilSeated => "Thêm vào Hội đồng", "Seated on the council",
    AuditedCouncilUnseated => "Rút khỏi Hội đồng", "Removed from the council",
    AuditedDatasetLoaded => "Nạp dữ liệu", "Data set loaded",
    AuditedMoveNomination => "Chuyển giai đoạn", "Moved",
    AuditedReorderNomination => "Đổi thứ tự", "Reordered",
    AuditedUndoMove => "Hoàn tác thao tác chuyển", "Move undone",
    AuditedCreateNomination => "Tạo hồ sơ", "Nomination created",
    AuditedEditNomination => "Sửa hồ sơ", "Nomination edited",
    AuditedSaveFosteringPlan => "Lưu kế hoạch bồi dưỡng", "Fostering plan saved",
    AuditedApproveFosteringPlan => "Phê duyệt kế hoạch bồi dưỡng", "Fostering plan approved",
    AuditedRecordEvaluation => "Ghi nhận đánh giá định kỳ", "Evaluation recorded",
    AuditedRecordReplication => "Ghi nhận nơi nhân rộng", "Replication recorded",
    AuditedCarryOver => "Chuyển tiếp từ năm trước", "Carried over from the year before",
    AuditedAttachDocument => "Đính kèm tài liệu", "Document attached",
    AuditedRemoveDocument => "Gỡ tài liệu", "Document removed",
    AuditedProposeCommendation => "Đề nghị khen thưởng", "Commendation proposed",
    AuditedDecideCommendation => "Quyết định khen thưởng", "Commendation decided",
    AuditedCityAnswer => "Ghi nhận trả lời của Thành phố", "The City's answer recorded",
    AuditedCityResend => "Gửi lại Thành phố", "Sent to the City again",
    AuditedSaveSelection => "Lưu danh sách gửi Thành phố", "Selection for the City saved",
    AuditedSaveScore => "Chấm điểm", "Score saved",
    AuditedSubmitScoresheet => "Nộp phiếu chấm", "Scoresheet submitted",
    AuditedDeclareConflict => "Khai báo xung đột lợi ích", "Conflict of interest declared",
    AuditedCityDecision => "Quyết định gửi Thành phố", "Decision for the City",
    AuditedCastVote => "Biểu quyết", "Vote cast",
    AuditedOpenBallot => "Mở biểu quyết", "Ballot opened",
    AuditedTookPartInBallot => "Tham gia biểu quyết", "Took part in the ballot",
    AuditedCloseBallot => "Đóng biểu quyết", "Ballot closed",
    AuditedSaveBlocReview => "Lưu nháp báo cáo của khối", "Bloc review draft saved",
    AuditedSubmitBlocReview => "Gửi báo cáo của khối", "Bloc review sent",
    AuditedSaveUnitReport => "Lưu nháp báo cáo định kỳ", "Periodic report draft saved",
    AuditedSendUnitReport => "Gửi báo cáo định kỳ", "Periodic report sent",
    AuditedSaveDepartmentReport => "Lưu báo cáo định kỳ của Sở", "The Department's periodic report saved",
    AuditObjectUnitReport => "Báo cáo định kỳ của đơn vị", "A unit's periodic report",
    AuditObjectDepartmentReport => "Báo cáo định kỳ của Sở", "The Department's periodic report",
    AuditedExport => "Tải danh sách", "List downloaded",
    AuditedAuditKeyed => "Nhật ký được ký bằng khóa bí mật", "Audit history keyed",
    // The objects they concern, by type (see `audit_object_label`).
    AuditObjectAccount => "Tài khoản", "Account",
    AuditObjectRequest => "Yêu cầu", "Request",
    AuditObjectAuditLog => "Nhật ký", "Audit history",
    AuditObjectNomination => "Hồ sơ", "Nomination",
    AuditObjectBloc => "Khối thi đua", "Bloc",
    AuditObjectUnit => "Đơn vị", "Unit",
    AuditObjectBlocReview => "Báo cáo của khối", "Bloc review",
    AuditObjectExport => "Danh sách xuất", "Exported list",
    AuditObjectDocument => "Tài liệu hồ sơ", "Dossier document",
    AuditObjectMovement => "Phong trào thi đua", "Emulation movement",
}

/// The label of an audit action code; unknown codes are shown as they are.
pub fn audit_action_label(lang: Lang, action: &str) -> String {
    let msg = match action {
        "login" => Msg::AuditedLogin,
        "login_failed" => Msg::AuditedLoginFailed,
        "login_throttled" => Msg::AuditedLoginThrottled,
        "login_disabled" => Msg::AuditedLoginDisabled,
        "logout" => Msg::AuditedLogout,
        "csrf_refused" => Msg::AuditedCsrfRefused,
        "forbidden" => Msg::AuditedForbidden,
        "account_created" => Msg::AuditedAccountCreated,
        "account_updated" => Msg::AuditedAccountUpdated,
        "password_reset" => Msg::AuditedPasswordReset,
        "bloc_created" => Msg::AuditedBlocCreated,
        "bloc_updated" => Msg::AuditedBlocUpdated,
        "unit_created" => Msg::AuditedUnitCreated,
        "unit_updated" => Msg::AuditedUnitUpdated,
        "campaign_created" => Msg::AuditedCampaignCreated,
        "campaign_updated" => Msg::AuditedCampaignUpdated,
        "campaign_year_updated" => Msg::AuditedCampaignYearUpdated,
        "criteria_updated" => Msg::AuditedCriteriaUpdated,
        "movement_created" => Msg::AuditedMovementCreated,
        "movement_updated" => Msg::AuditedMovementUpdated,
        "city_dispatched" => Msg::AuditedCityDispatched,
        "council_seated" => Msg::AuditedCouncilSeated,
        "council_unseated" => Msg::AuditedCouncilUnseated,
        "dataset_loaded" => Msg::AuditedDatasetLoaded,
        "move_nomination" => Msg::AuditedMoveNomination,
        "reorder_nomination" => Msg::AuditedReorderNomination,
        "undo_move" => Msg::AuditedUndoMove,
        "create_nomination" => Msg::AuditedCreateNomination,
        "edit_nomination" => Msg::AuditedEditNomination,
        "save_fostering_plan" => Msg::AuditedSaveFosteringPlan,
        "approve_fostering_plan" => Msg::AuditedApproveFosteringPlan,
        "record_evaluation" => Msg::AuditedRecordEvaluation,
        "record_replication" => Msg::AuditedRecordReplication,
        "carry_over" => Msg::AuditedCarryOver,
        "attach_document" => Msg::AuditedAttachDocument,
        "remove_document" => Msg::AuditedRemoveDocument,
        "propose_commendation" => Msg::AuditedProposeCommendation,
        "decide_commendation" => Msg::AuditedDecideCommendation,
        "city_answer" => Msg::AuditedCityAnswer,
        "city_resend" => Msg::AuditedCityResend,
        "save_selection" => Msg::AuditedSaveSelection,
        "save_score" => Msg::AuditedSaveScore,
        "submit_scoresheet" => Msg::AuditedSubmitScoresheet,
        "declare_conflict" => Msg::AuditedDeclareConflict,
        "city_decision" => Msg::AuditedCityDecision,
        "cast_vote" => Msg::AuditedCastVote,
        "open_ballot" => Msg::AuditedOpenBallot,
        "took_part_in_ballot" => Msg::AuditedTookPartInBallot,
        "close_ballot" => Msg::AuditedCloseBallot,
        "save_bloc_review" => Msg::AuditedSaveBlocReview,
        "submit_bloc_review" => Msg::AuditedSubmitBlocReview,
        "save_unit_report" => Msg::AuditedSaveUnitReport,
        "send_unit_report" => Msg::AuditedSendUnitReport,
        "save_department_report" => Msg::AuditedSaveDepartmentReport,
        "export" => Msg::AuditedExport,
        "audit_keyed" => Msg::AuditedAuditKeyed,
        other => return other.to_string(),
    };
    t(lang, msg).to_string()
}

/// The label of an audited object's type; unknown types are shown as they are.
pub fn audit_object_label(lang: Lang, object_type: &str) -> String {
    let msg = match object_type {
        "account" => Msg::AuditObjectAccount,
        "request" => Msg::AuditObjectRequest,
        "audit_log" => Msg::AuditObjectAuditLog,
        "nomination" => Msg::AuditObjectNomination,
        "bloc" => Msg::AuditObjectBloc,
        "unit" => Msg::AuditObjectUnit,
        "bloc_review" => Msg::AuditObjectBlocReview,
        "export" => Msg::AuditObjectExport,
        "document" => Msg::AuditObjectDocument,
        "movement" => Msg::AuditObjectMovement,
        "unit_report" => Msg::AuditObjectUnitReport,
        "department_report" => Msg::AuditObjectDepartmentReport,
        other => return other.to_string(),
    };
    t(lang, msg).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_are_shown_as_they_are() {
        assert_eq!(audit_action_label(Lang::Vi, "logout"), "Đăng xuất");
        assert_eq!(
            audit_action_label(Lang::En, "something_new"),
            "something_new"
        );
    }
}
