//! The summary by emulation bloc.

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    SummaryTitle => "Tổng hợp theo khối thi đua", "Summary by emulation bloc",
    SummaryLiveNote =>
        "Số liệu cập nhật trực tiếp khi có thay đổi.",
        "The figures update live as things change.",
    WholeDepartment => "Toàn Sở", "Whole Department",
    NominationsLabel => "Hồ sơ", "Nominations",
    CityRegisteredLabel => "Đăng ký với Thành phố", "Registered with the City",
    AverageScoreLabel => "Điểm Hội đồng bình quân", "Average council score",
    ScoreHiddenHint =>
        "Công bố khi có quyết định chọn gửi Thành phố",
        "Shown once the City decision is recorded",
    EvaluationsDoneLabel =>
        "Đánh giá định kỳ (đã làm / phải làm)",
        "Periodic evaluations (done / owed)",
    ReplicationsLabel => "Lượt nhân rộng", "Replications",
    DeadlinesMetLabel => "Đúng hạn", "Deadlines met",
    DeadlinesOverdueLabel => "Quá hạn", "Deadlines overdue",
    DeadlinesOpenLabel => "Chưa đến hạn", "Not yet due",
    ReviewLabel => "Báo cáo của khối (D-2)", "Bloc review (D-2)",
    ReviewSubmittedOn => "Đã gửi ngày", "Sent on",
    ReviewDraftState => "Đang soạn", "Draft in progress",
    ReviewNotStarted => "Chưa soạn", "Not started",
    StagesChartTitle =>
        "Hồ sơ theo giai đoạn của từng khối",
        "Nominations by stage in each bloc",
    EvaluationsChartTitle =>
        "Tiến độ đánh giá định kỳ trong năm",
        "Periodic evaluations over the year",
    ByKindLabel => "Theo loại đối tượng", "By kind",
    ByStageLabel => "Theo giai đoạn", "By stage",
    UnitsOfBloc => "Các đơn vị trong khối", "The bloc's units",
    BlocTotal => "Cộng khối", "Bloc total",
    ListsTitle => "Danh sách gửi Thành phố", "Lists for the City",
    CityListLabel => "Danh sách đăng ký với Thành phố", "The City list",
    OpenReview => "Báo cáo của khối", "The bloc's review",
}
