//! The calendar of deadlines, and what each unit, bloc and the office owes next.

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    CalendarTitle => "Lịch các mốc thời hạn", "Deadlines",
    CalendarIntro =>
        "Mọi mốc thời hạn của năm thi đua theo kế hoạch, và từng đơn vị, khối, Văn phòng Sở đã hoàn thành hay chưa.",
        "Every deadline of the campaign year under the plan, and whether each unit, bloc and the Department office has met it.",
    DeadlineRegistration =>
        "Đơn vị đăng ký điển hình với Sở",
        "Units register their exemplars with the Department",
    DeadlineBlocReview =>
        "Trưởng khối gửi kết quả sơ kết của khối",
        "Bloc heads send their bloc's review",
    DeadlineCity =>
        "Văn phòng Sở gửi danh sách cho Thành phố",
        "The office sends the City its list",
    DeadlineQuarter =>
        "Sở chọn điển hình gửi Thành phố, quý",
        "The Department selects exemplars for the City, quarter",
    DeadlineEvaluation => "Đơn vị hoàn thành", "Units complete the",
    OwnerOffice => "Văn phòng Sở", "Department office",
    StatusDone => "Đã xong", "Done",
    StatusLate => "Đã xong, muộn", "Done, late by",
    StatusOverdue => "Quá hạn", "Overdue",
    StatusDueSoon => "Sắp đến hạn", "Due soon",
    StatusUpcoming => "Chưa đến hạn", "Upcoming",
    DaysLate => "ngày", "days",
    DaysLeft => "còn", "left",
    OwedTitle => "Việc cần làm", "What you owe next",
    OwedNothing => "Không có việc nào đến hạn.", "Nothing is due.",
    SeeCalendar => "Xem lịch", "See the calendar",
    OwedMore => "việc khác", "more",
    DeadlineLabel => "Thời hạn", "Deadline",
    WhoLabel => "Đơn vị, khối", "Unit or bloc",
    ProgressLabel => "Tiến độ", "Progress",
    TodayLabel => "Hôm nay", "Today",
}
