//! A nomination's year: the fostering plan, the periodic evaluations, the replications, the timeline.

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    PlanTitle =>
        "Kế hoạch bồi dưỡng, nhân rộng (F-1)",
        "Fostering and replication plan (F-1)",
    PlanNone => "Chưa có kế hoạch bồi dưỡng.", "No fostering plan yet.",
    PlanCreate => "Lập kế hoạch bồi dưỡng", "Make the fostering plan",
    PlanEdit => "Sửa kế hoạch", "Edit the plan",
    PlanApprove => "Phê duyệt kế hoạch", "Approve the plan",
    PlanApproved => "Thủ trưởng đơn vị đã phê duyệt", "Approved by the unit head",
    PlanNotApproved =>
        "Chưa được thủ trưởng đơn vị phê duyệt",
        "Not yet approved by the unit head",
    PlanApprovedNote => "Đã phê duyệt kế hoạch.", "The plan is approved.",
    PlanSaved => "Đã lưu kế hoạch bồi dưỡng.", "The fostering plan is saved.",
    PlanFormTitle => "Kế hoạch bồi dưỡng, nhân rộng", "Fostering and replication plan",
    PlanFormIntro =>
        "Kế hoạch nêu rõ lãnh đạo phụ trách chỉ đạo bồi dưỡng, tuyên truyền và nhân rộng, cùng các hoạt động trong năm. Sửa kế hoạch đã phê duyệt thì cần phê duyệt lại.",
        "The plan names the leaders responsible for directing the fostering, the publicity and the replication, and the year's activities. An approved plan that is changed needs approving again.",
    LeadersTitle => "Lãnh đạo phụ trách", "Responsible leaders",
    LeaderNameLabel => "Họ và tên", "Full name",
    LeaderPositionLabel => "Chức vụ", "Position",
    ActivitiesTitle => "Hoạt động", "Activities",
    ActivityKindLabel => "Loại hoạt động", "Kind of activity",
    ActivityStatusLabel => "Trạng thái", "Status",
    AddActivity => "Thêm hoạt động", "Add an activity",
    RemoveActivity => "Xóa hoạt động", "Remove the activity",
    NoActivities => "Chưa có hoạt động nào.", "No activities yet.",
    SavePlan => "Lưu kế hoạch", "Save the plan",
    EvaluationsTitle => "Đánh giá định kỳ (E-1)", "Periodic evaluations (E-1)",
    NoEvaluations => "Chưa có đánh giá định kỳ.", "No periodic evaluation yet.",
    RecordEvaluationTitle => "Ghi nhận đánh giá", "Record an evaluation",
    RecordEvaluation => "Ghi nhận đánh giá", "Record the evaluation",
    PeriodLabel => "Kỳ đánh giá", "Period",
    RatingLabel => "Xếp loại", "Rating",
    EvaluationRecorded => "Đã ghi nhận đánh giá.", "The evaluation is recorded.",
    CommendationHint =>
        "Chỉ với đánh giá cả năm, ví dụ: Giấy khen, Bằng khen, Lao động tiên tiến, Chiến sĩ thi đua cơ sở.",
        "Annual evaluation only, e.g. Giấy khen, Bằng khen, Lao động tiên tiến, Chiến sĩ thi đua cơ sở.",
    YearTimelineTitle => "Dòng thời gian của năm", "The year's timeline",
    NothingDatedYet => "Chưa có hoạt động hay đánh giá nào có ngày.", "Nothing dated yet.",
    RecordedBy => "Người ghi", "Recorded by",
    AllRecorded =>
        "Đã đủ các kỳ đánh giá của năm.",
        "Every evaluation of the year is recorded.",
    EvaluationOpensOn =>
        "Kỳ {period} của năm {year} mở từ ngày {date}: khi đó mới ghi nhận được đánh giá.",
        "The {period} of {year} opens on {date}: it can be recorded from then on.",
    DateHint => "Ngày/tháng/năm, ví dụ 30/06/2026", "Day/month/year, e.g. 30/06/2026",
    ReplicationsTitle => "Nhân rộng mô hình", "Replication",
    NoReplications =>
        "Chưa ghi nhận nơi nào áp dụng mô hình.",
        "No unit or locality has adopted the model yet.",
    RecordReplicationTitle => "Ghi nhận nơi áp dụng", "Record an adoption",
    RecordReplication => "Ghi nhận", "Record",
    ReplicationRecorded => "Đã ghi nhận nơi nhân rộng.", "The replication is recorded.",
}
