//! The documents for download and print: lists, their titles, columns and signatures.

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    DownloadsLabel => "Tải về", "Downloads",
    DownloadDocx => "Tải Word (.docx)", "Download Word (.docx)",
    DownloadXlsx => "Tải Excel (.xlsx)", "Download Excel (.xlsx)",
    DownloadCsv => "Tải CSV", "Download CSV",
    PrintView => "Bản in A4", "A4 print view",
    PrintDocument => "In", "Print",
    NoData => "Không có dữ liệu", "No data",
    DocAuthority => "UBND THÀNH PHỐ", "CITY PEOPLE'S COMMITTEE",
    DocCityTitle =>
        "DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN ĐĂNG KÝ VỚI THÀNH PHỐ NĂM",
        "ADVANCED EXEMPLARS REGISTERED WITH THE CITY, YEAR",
    DocSelectionTitle =>
        "DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN CHỌN GỬI THÀNH PHỐ",
        "ADVANCED EXEMPLARS SELECTED FOR THE CITY",
    DocReviewTitle =>
        "BÁO CÁO ĐÁNH GIÁ SƠ BỘ ĐIỂN HÌNH TIÊN TIẾN",
        "PRELIMINARY REVIEW OF ADVANCED EXEMPLARS",
    DocDecisionNote =>
        "Kèm theo quyết định của Hội đồng Thi đua – Khen thưởng Sở ngày",
        "As decided by the Department's emulation and commendation council on",
    DocNoDecision =>
        "Chưa có quyết định của Hội đồng Thi đua – Khen thưởng Sở",
        "No decision of the Department's council yet",
    DocDirector => "GIÁM ĐỐC", "DIRECTOR",
    DocBlocHead => "TRƯỞNG KHỐI", "BLOC HEAD",
    DocYear => "năm", "year",
    ColNo => "STT", "No.",
    ColDecisionDate => "Ngày quyết định", "Decision date",
    ColScore => "Điểm Hội đồng", "Council score",
    ColEvaluations => "Đánh giá định kỳ", "Evaluations",
    ColStage => "Giai đoạn", "Stage",
    ColReplications => "Nhân rộng", "Replications",
}
