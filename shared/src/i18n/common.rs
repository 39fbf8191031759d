//! What every page shares: the app's name, the navigation, loading and errors, the language
//! switch, and the words several features use (the campaign year, the filters, stages, kinds).

use crate::domain::{NomineeKind, Stage};

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    AppName => "Điển hình tiên tiến", "Advanced Exemplars",
    AppTagline =>
        "Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến",
        "Discover, foster and replicate advanced exemplars",
    NavBoard => "Bảng theo dõi", "Board",
    NavCalendar => "Lịch", "Calendar",
    NavSelections => "Gửi Thành phố", "For the City",
    NavCouncil => "Hội đồng", "Council",
    NavSummary => "Tổng hợp", "Summary",
    NavOrg => "Tổ chức", "Organisation",
    NavAdmin => "Quản trị", "Administration",
    NavAudit => "Nhật ký", "Audit",
    Loading => "Đang tải…", "Loading…",
    /// A button that loads what failed to load again.
    TryAgain => "Thử lại", "Try again",
    /// The label of the button that switches to the *other* language.
    SwitchLanguage => "English", "Tiếng Việt",
    SwitchLanguageHint =>
        "Switch the interface to English",
        "Chuyển giao diện sang tiếng Việt",
    SkipToContent => "Chuyển đến nội dung chính", "Skip to main content",
    NotFoundTitle => "Không tìm thấy trang", "Page not found",
    NotFoundBody =>
        "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.",
        "The page you are looking for does not exist or has moved.",
    ErrorInternal =>
        "Đã có lỗi trong hệ thống. Vui lòng thử lại sau ít phút.",
        "Something went wrong on our side. Please try again in a few minutes.",
    ErrorNetwork =>
        "Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.",
        "Cannot reach the server. Please check the network and try again.",
    /// A page whose code (its part of the browser bundle) could not be downloaded.
    PageCodeNotLoaded =>
        "Không tải được trang này. Vui lòng kiểm tra mạng và thử lại.",
        "This page could not be loaded. Please check the network and try again.",
    ErrorNotFound => "Không tìm thấy dữ liệu yêu cầu.", "The requested data was not found.",
    ErrorUnauthenticated =>
        "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.",
        "Your session has ended. Please sign in again.",
    ErrorBadRequest =>
        "Yêu cầu không hợp lệ. Vui lòng tải lại trang và thử lại.",
        "The request was not valid. Please reload the page and try again.",
    ErrorInvalid => "Dữ liệu chưa hợp lệ.", "Some input is not valid.",
    ErrorConflict =>
        "Dữ liệu vừa được người khác thay đổi; trang đã được tải lại, vui lòng xem lại rồi thao tác tiếp.",
        "Someone else changed this first; the page was reloaded, please check and try again.",
    ErrorDuplicate => "Tên này đã có người dùng.", "This name is already taken.",
    ChangedBy => "người sửa", "changed by",
    BoardSummary => "Năm thi đua", "Campaign year",
    FilterYear => "Năm", "Year",
    FilterBloc => "Khối thi đua", "Bloc",
    FilterUnit => "Đơn vị", "Unit",
    FilterKind => "Loại đối tượng", "Kind",
    Filters => "Bộ lọc", "Filters",
    Stage(stage: $crate::domain::Stage) =>
        $crate::i18n::common::stage_name(stage).0,
        $crate::i18n::common::stage_name(stage).1,
    Kind(kind: $crate::domain::NomineeKind) =>
        $crate::i18n::common::kind_name(kind).0,
        $crate::i18n::common::kind_name(kind).1,
}

/// Each stage's name, as the plan names it, in both languages.
pub(super) const fn stage_name(stage: Stage) -> (&'static str, &'static str) {
    match stage {
        Stage::Discovered => ("Phát hiện", "Discovered"),
        Stage::Registered => ("Đăng ký", "Registered"),
        Stage::Fostering => ("Bồi dưỡng", "Fostering"),
        Stage::Evaluating => ("Đánh giá", "Evaluating"),
        Stage::Replicated => ("Nhân rộng", "Replicated"),
        Stage::Dropped => ("Dừng", "Dropped"),
    }
}

/// Each kind of nominee's name, in both languages.
pub(super) const fn kind_name(kind: NomineeKind) -> (&'static str, &'static str) {
    match kind {
        NomineeKind::Collective => ("Tập thể", "Collective"),
        NomineeKind::Individual => ("Cá nhân", "Individual"),
        NomineeKind::Cooperative => ("Hợp tác xã, tổ hợp tác", "Cooperative / co-op group"),
        NomineeKind::Household => ("Hộ sản xuất giỏi", "Good-producer household"),
    }
}
