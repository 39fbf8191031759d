//! The message catalogue: every text the user reads, in Vietnamese (default) and English.
//!
//! One exhaustive `match` per language pair means a message cannot exist in one language
//! and be missing in the other: the compiler refuses it.

mod rules;

pub use rules::{
    activity_kind_name, activity_status_name, field_name, input_error, leader_role_name,
    period_name, rating_name, violation_message,
};

use crate::domain::{NomineeKind, Stage};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 code, as used in `<html lang>` and the `lang` cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Anything that is not a known code falls back to Vietnamese, the default.
    pub fn from_code(code: &str) -> Lang {
        match code.trim() {
            "en" => Lang::En,
            _ => Lang::Vi,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Vi => Lang::En,
            Lang::En => Lang::Vi,
        }
    }
}

/// Every message the UI shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    AppName,
    AppTagline,
    NavBoard,
    BoardTitle,
    BoardSummary,
    BoardColumnsLabel,
    Loading,
    EmptyColumn,
    CardCount,
    CityBadge,
    /// The label of the button that switches to the *other* language.
    SwitchLanguage,
    SwitchLanguageHint,
    SkipToContent,
    NotFoundTitle,
    NotFoundBody,
    ErrorInternal,
    ErrorNetwork,
    ErrorNotFound,
    ErrorUnauthenticated,
    ErrorBadRequest,
    ErrorInvalid,
    ErrorConflict,
    ErrorDuplicate,
    ChangedBy,
    ErrorSelfLockout,
    ChangePasswordTitle,
    ChangePasswordIntro,
    CurrentPassword,
    ConfirmPassword,
    PasswordMismatch,
    NavOrg,
    AdminOrgTitle,
    AdminBlocs,
    AdminUnits,
    AdminCouncil,
    AdminAddBloc,
    AdminAddUnit,
    OrgCode,
    OrgName,
    OrgBloc,
    HeadUnit,
    NavAdmin,
    AdminAccountsTitle,
    AdminName,
    AdminPosition,
    AdminUnit,
    AdminNoUnit,
    AdminRoles,
    AdminStatus,
    AdminActions,
    AdminActive,
    AdminDisabled,
    AdminCreate,
    AdminCreated,
    AdminEdit,
    AdminSave,
    AdminSaved,
    AdminDisable,
    AdminEnable,
    AdminResetPassword,
    AdminNewPassword,
    AdminPasswordReset,
    LoginTitle,
    LoginIntro,
    Username,
    Password,
    SignIn,
    SignOut,
    SignedInAs,
    LoginErrorCredentials,
    LoginErrorThrottled,
    LoginErrorDisabled,
    LoginSessionExpired,
    LoginSignedOut,
    NavAudit,
    AuditTitle,
    AuditAction,
    AuditAllActions,
    AuditActor,
    AuditFilter,
    AuditWhen,
    AuditObject,
    AuditAddress,
    AuditDetails,
    AuditChainIntact,
    AuditChainBroken,
    AuditOlder,
    AuditEmpty,
    MoveTo,
    MoveMenuFor,
    MoveHere,
    Undo,
    MovedTo,
    MoveInto,
    Undone,
    ReasonBackTitle,
    ReasonDropTitle,
    ReasonLabel,
    Confirm,
    Cancel,
    Close,
    ShowMore,
    Remaining,
    FilterYear,
    FilterBloc,
    FilterUnit,
    FilterKind,
    FilterCity,
    FilterAll,
    CityYes,
    CityNo,
    Search,
    SearchHint,
    Swimlanes,
    ClearFilters,
    Filters,
    DragHelp,
    PickedUp,
    TargetColumn,
    Allowed,
    NotAllowed,
    DropCancelled,
    PositionIn,
    CardGrabHint,
    TouchGripHint,
    NoResults,
    LiveOffline,
    NoLaneCards,
    Details,
    ProfileTitle,
    EvidenceTitle,
    HistoryTitle,
    StageLabel,
    DaysUnit,
    UntilNow,
    EditNomination,
    NewNomination,
    Save,
    NoEvidence,
    WeightLabel,
    ConditionLabel,
    OpenFullPage,
    HeadsUnit,
    LinkedCollective,
    NoneOption,
    CoopTypeLabel,
    CoopCooperative,
    CoopGroup,
    Exemplary,
    YearsHint,
    FixErrors,
    BackToBoard,
    ChangesLabel,
    ReasonShort,
    RegistrationNote,
    Saving,
    DetailsOf,
    PlanTitle,
    PlanNone,
    PlanCreate,
    PlanEdit,
    PlanApprove,
    PlanApproved,
    PlanNotApproved,
    PlanApprovedNote,
    PlanSaved,
    PlanFormTitle,
    PlanFormIntro,
    LeadersTitle,
    LeaderNameLabel,
    LeaderPositionLabel,
    ActivitiesTitle,
    ActivityKindLabel,
    ActivityStatusLabel,
    AddActivity,
    RemoveActivity,
    NoActivities,
    SavePlan,
    EvaluationsTitle,
    NoEvaluations,
    RecordEvaluationTitle,
    RecordEvaluation,
    PeriodLabel,
    RatingLabel,
    EvaluationRecorded,
    CommendationHint,
    YearTimelineTitle,
    NothingDatedYet,
    RecordedBy,
    AllRecorded,
    DateHint,
    Stage(Stage),
    Kind(NomineeKind),
}

/// The text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::Vi => vi(msg),
        Lang::En => en(msg),
    }
}

fn vi(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Điển hình tiên tiến",
        Msg::AppTagline => "Phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến",
        Msg::NavBoard => "Bảng theo dõi",
        Msg::BoardTitle => "Bảng theo dõi điển hình",
        Msg::BoardSummary => "Năm thi đua",
        Msg::BoardColumnsLabel => "Các cột giai đoạn (cuộn ngang để xem hết)",
        Msg::Loading => "Đang tải…",
        Msg::EmptyColumn => "Chưa có hồ sơ",
        Msg::CardCount => "hồ sơ",
        Msg::CityBadge => "Đã đăng ký với Thành phố",
        Msg::ProfileTitle => "Thông tin hồ sơ",
        Msg::EvidenceTitle => "Minh chứng theo tiêu chí",
        Msg::HistoryTitle => "Quá trình theo các giai đoạn",
        Msg::StageLabel => "Giai đoạn",
        Msg::DaysUnit => "ngày",
        Msg::UntilNow => "nay",
        Msg::EditNomination => "Sửa hồ sơ",
        Msg::NewNomination => "Thêm hồ sơ",
        Msg::Save => "Lưu",
        Msg::NoEvidence => "Chưa có minh chứng",
        Msg::WeightLabel => "Hệ số",
        Msg::ConditionLabel => "Điều kiện",
        Msg::OpenFullPage => "Mở trang hồ sơ",
        Msg::HeadsUnit => "Là người đứng đầu đơn vị",
        Msg::LinkedCollective => "Hồ sơ tập thể của đơn vị đi kèm (C-C4)",
        Msg::NoneOption => "Không có",
        Msg::CoopTypeLabel => "Loại hình",
        Msg::CoopCooperative => "Hợp tác xã",
        Msg::CoopGroup => "Tổ hợp tác",
        Msg::Exemplary => "Gia đình văn hóa tiêu biểu",
        Msg::YearsHint => "Các năm, cách nhau bởi dấu phẩy, ví dụ 2023, 2024, 2025",
        Msg::FixErrors => "Vui lòng sửa các mục sau:",
        Msg::BackToBoard => "Về bảng theo dõi",
        Msg::ChangesLabel => "Các thay đổi",
        Msg::ReasonShort => "Lý do",
        Msg::RegistrationNote => "Hồ sơ mới được tạo ở giai đoạn Phát hiện. Để đăng ký với Sở, cần đủ thông tin và minh chứng cho mọi tiêu chí được chấm điểm.",
        Msg::Saving => "Đang lưu…",
        Msg::DetailsOf => "Chi tiết hồ sơ",
        Msg::MoveTo => "Chuyển đến…",
        Msg::MoveMenuFor => "Chuyển hồ sơ",
        Msg::MoveHere => "Chuyển vào đây",
        Msg::Undo => "Hoàn tác",
        Msg::MovedTo => "Đã chuyển",
        Msg::MoveInto => "sang",
        Msg::Undone => "Đã hoàn tác thao tác chuyển.",
        Msg::ReasonBackTitle => "Lý do lùi giai đoạn",
        Msg::ReasonDropTitle => "Lý do dừng hồ sơ",
        Msg::ReasonLabel => "Lý do (bắt buộc)",
        Msg::Confirm => "Xác nhận",
        Msg::Cancel => "Hủy",
        Msg::Close => "Đóng",
        Msg::ShowMore => "Xem thêm",
        Msg::Remaining => "còn",
        Msg::FilterYear => "Năm",
        Msg::FilterBloc => "Khối thi đua",
        Msg::FilterUnit => "Đơn vị",
        Msg::FilterKind => "Loại đối tượng",
        Msg::FilterCity => "Đăng ký với Thành phố",
        Msg::FilterAll => "Tất cả",
        Msg::CityYes => "Đã đăng ký",
        Msg::CityNo => "Chưa đăng ký",
        Msg::Search => "Tìm kiếm",
        Msg::SearchHint => "Tên cá nhân, tập thể hoặc đơn vị (gõ không dấu cũng được)",
        Msg::Swimlanes => "Chia làn theo khối",
        Msg::ClearFilters => "Bỏ lọc",
        Msg::Filters => "Bộ lọc",
        Msg::DragHelp => "Chọn thẻ rồi nhấn Space để nhấc; mũi tên trái/phải chọn cột, lên/xuống đổi thứ tự; Space để thả, Escape để hủy.",
        Msg::PickedUp => "Đã nhấc thẻ",
        Msg::TargetColumn => "Cột đích",
        Msg::Allowed => "được phép chuyển",
        Msg::NotAllowed => "không được chuyển",
        Msg::DropCancelled => "Đã hủy di chuyển.",
        Msg::PositionIn => "vị trí",
        Msg::CardGrabHint => "Kéo thả, hoặc nhấn Space để di chuyển bằng bàn phím",
        Msg::TouchGripHint => "Chạm giữ và kéo để di chuyển thẻ",
        Msg::NoResults => "Không có hồ sơ nào khớp bộ lọc.",
        Msg::LiveOffline => "Mất kết nối cập nhật trực tiếp, đang kết nối lại…",
        Msg::NoLaneCards => "Khối này chưa có hồ sơ.",
        Msg::Details => "Chi tiết",
        Msg::SwitchLanguage => "English",
        Msg::SwitchLanguageHint => "Switch the interface to English",
        Msg::SkipToContent => "Chuyển đến nội dung chính",
        Msg::NotFoundTitle => "Không tìm thấy trang",
        Msg::NotFoundBody => "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.",
        Msg::ErrorInternal => "Đã có lỗi trong hệ thống. Vui lòng thử lại sau ít phút.",
        Msg::ErrorNetwork => "Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.",
        Msg::ErrorNotFound => "Không tìm thấy dữ liệu yêu cầu.",
        Msg::ErrorUnauthenticated => "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.",
        Msg::ErrorBadRequest => "Yêu cầu không hợp lệ. Vui lòng tải lại trang và thử lại.",
        Msg::ErrorInvalid => "Dữ liệu chưa hợp lệ.",
        Msg::ErrorConflict => "Dữ liệu vừa được người khác thay đổi; trang đã được tải lại, vui lòng xem lại rồi thao tác tiếp.",
        Msg::ErrorDuplicate => "Tên này đã có người dùng.",
        Msg::ChangedBy => "người sửa",
        Msg::ErrorSelfLockout => "Không thể tự khóa hoặc bỏ quyền quản trị của chính mình.",
        Msg::ChangePasswordTitle => "Đổi mật khẩu",
        Msg::ChangePasswordIntro => "Sau khi đổi, mọi phiên đăng nhập của tài khoản sẽ kết thúc; hãy đăng nhập lại bằng mật khẩu mới.",
        Msg::CurrentPassword => "Mật khẩu hiện tại",
        Msg::ConfirmPassword => "Nhập lại mật khẩu mới",
        Msg::PasswordMismatch => "Hai lần nhập mật khẩu mới không khớp.",
        Msg::NavOrg => "Tổ chức",
        Msg::AdminOrgTitle => "Khối thi đua, đơn vị và Hội đồng",
        Msg::AdminBlocs => "Khối thi đua",
        Msg::AdminUnits => "Đơn vị",
        Msg::AdminCouncil => "Thành viên Hội đồng Thi đua – Khen thưởng",
        Msg::AdminAddBloc => "Thêm khối",
        Msg::AdminAddUnit => "Thêm đơn vị",
        Msg::OrgCode => "Mã",
        Msg::OrgName => "Tên",
        Msg::OrgBloc => "Khối",
        Msg::HeadUnit => "Đơn vị trưởng khối",
        Msg::NavAdmin => "Quản trị",
        Msg::AdminAccountsTitle => "Quản lý tài khoản",
        Msg::AdminName => "Họ và tên",
        Msg::AdminPosition => "Chức vụ",
        Msg::AdminUnit => "Đơn vị",
        Msg::AdminNoUnit => "— Không thuộc đơn vị —",
        Msg::AdminRoles => "Vai trò",
        Msg::AdminStatus => "Trạng thái",
        Msg::AdminActions => "Thao tác",
        Msg::AdminActive => "Đang hoạt động",
        Msg::AdminDisabled => "Đã khóa",
        Msg::AdminCreate => "Tạo tài khoản",
        Msg::AdminCreated => "Đã tạo tài khoản",
        Msg::AdminEdit => "Sửa",
        Msg::AdminSave => "Lưu",
        Msg::AdminSaved => "Đã lưu tài khoản",
        Msg::AdminDisable => "Khóa",
        Msg::AdminEnable => "Mở khóa",
        Msg::AdminResetPassword => "Đặt lại mật khẩu",
        Msg::AdminNewPassword => "Mật khẩu mới (ít nhất 12 ký tự)",
        Msg::AdminPasswordReset => "Đã đặt lại mật khẩu và kết thúc các phiên của",
        Msg::LoginTitle => "Đăng nhập",
        Msg::LoginIntro => "Đăng nhập bằng tài khoản được Văn phòng Sở cấp.",
        Msg::Username => "Tên đăng nhập",
        Msg::Password => "Mật khẩu",
        Msg::SignIn => "Đăng nhập",
        Msg::SignOut => "Đăng xuất",
        Msg::SignedInAs => "Đang đăng nhập:",
        Msg::LoginErrorCredentials => "Tên đăng nhập hoặc mật khẩu không đúng.",
        Msg::LoginErrorThrottled => "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.",
        Msg::LoginErrorDisabled => "Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên.",
        Msg::LoginSessionExpired => "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.",
        Msg::LoginSignedOut => "Bạn đã đăng xuất.",
        Msg::NavAudit => "Nhật ký",
        Msg::AuditTitle => "Nhật ký thay đổi và an ninh",
        Msg::AuditAction => "Thao tác",
        Msg::AuditAllActions => "Tất cả thao tác",
        Msg::AuditActor => "Người thực hiện",
        Msg::AuditFilter => "Lọc",
        Msg::AuditWhen => "Thời gian",
        Msg::AuditObject => "Đối tượng",
        Msg::AuditAddress => "Địa chỉ",
        Msg::AuditDetails => "Chi tiết",
        Msg::AuditChainIntact => {
            "Chuỗi băm nhật ký toàn vẹn: không bản ghi nào bị sửa hay xóa. Số bản ghi:"
        }
        Msg::AuditChainBroken => "CẢNH BÁO: nhật ký đã bị can thiệp, chuỗi băm đứt tại bản ghi",
        Msg::AuditOlder => "Xem các bản ghi cũ hơn",
        Msg::AuditEmpty => "Không có bản ghi nào khớp bộ lọc.",
        Msg::PlanTitle => "Kế hoạch bồi dưỡng, nhân rộng (F-1)",
        Msg::PlanNone => "Chưa có kế hoạch bồi dưỡng.",
        Msg::PlanCreate => "Lập kế hoạch bồi dưỡng",
        Msg::PlanEdit => "Sửa kế hoạch",
        Msg::PlanApprove => "Phê duyệt kế hoạch",
        Msg::PlanApproved => "Thủ trưởng đơn vị đã phê duyệt",
        Msg::PlanNotApproved => "Chưa được thủ trưởng đơn vị phê duyệt",
        Msg::PlanApprovedNote => "Đã phê duyệt kế hoạch.",
        Msg::PlanSaved => "Đã lưu kế hoạch bồi dưỡng.",
        Msg::PlanFormTitle => "Kế hoạch bồi dưỡng, nhân rộng",
        Msg::PlanFormIntro => "Kế hoạch nêu rõ lãnh đạo phụ trách chỉ đạo bồi dưỡng, tuyên truyền và nhân rộng, cùng các hoạt động trong năm. Sửa kế hoạch đã phê duyệt thì cần phê duyệt lại.",
        Msg::LeadersTitle => "Lãnh đạo phụ trách",
        Msg::LeaderNameLabel => "Họ và tên",
        Msg::LeaderPositionLabel => "Chức vụ",
        Msg::ActivitiesTitle => "Hoạt động",
        Msg::ActivityKindLabel => "Loại hoạt động",
        Msg::ActivityStatusLabel => "Trạng thái",
        Msg::AddActivity => "Thêm hoạt động",
        Msg::RemoveActivity => "Xóa hoạt động",
        Msg::NoActivities => "Chưa có hoạt động nào.",
        Msg::SavePlan => "Lưu kế hoạch",
        Msg::EvaluationsTitle => "Đánh giá định kỳ (E-1)",
        Msg::NoEvaluations => "Chưa có đánh giá định kỳ.",
        Msg::RecordEvaluationTitle => "Ghi nhận đánh giá",
        Msg::RecordEvaluation => "Ghi nhận đánh giá",
        Msg::PeriodLabel => "Kỳ đánh giá",
        Msg::RatingLabel => "Xếp loại",
        Msg::EvaluationRecorded => "Đã ghi nhận đánh giá.",
        Msg::CommendationHint => "Chỉ với đánh giá cả năm, ví dụ: Giấy khen, Bằng khen, Lao động tiên tiến, Chiến sĩ thi đua cơ sở.",
        Msg::YearTimelineTitle => "Dòng thời gian của năm",
        Msg::NothingDatedYet => "Chưa có hoạt động hay đánh giá nào có ngày.",
        Msg::RecordedBy => "Người ghi",
        Msg::AllRecorded => "Đã đủ các kỳ đánh giá của năm.",
        Msg::DateHint => "Ngày/tháng/năm, ví dụ 30/06/2026",
        Msg::Stage(s) => match s {
            Stage::Discovered => "Phát hiện",
            Stage::Registered => "Đăng ký",
            Stage::Fostering => "Bồi dưỡng",
            Stage::Evaluating => "Đánh giá",
            Stage::Replicated => "Nhân rộng",
            Stage::Dropped => "Dừng",
        },
        Msg::Kind(k) => match k {
            NomineeKind::Collective => "Tập thể",
            NomineeKind::Individual => "Cá nhân",
            NomineeKind::Cooperative => "Hợp tác xã, tổ hợp tác",
            NomineeKind::Household => "Hộ sản xuất giỏi",
        },
    }
}

fn en(msg: Msg) -> &'static str {
    match msg {
        Msg::AppName => "Advanced Exemplars",
        Msg::AppTagline => "Discover, foster and replicate advanced exemplars",
        Msg::NavBoard => "Board",
        Msg::BoardTitle => "Exemplar board",
        Msg::BoardSummary => "Campaign year",
        Msg::BoardColumnsLabel => "Stage columns (scroll sideways to see them all)",
        Msg::Loading => "Loading…",
        Msg::EmptyColumn => "No nominations yet",
        Msg::CardCount => "nominations",
        Msg::CityBadge => "Registered with the City",
        Msg::ProfileTitle => "Profile",
        Msg::EvidenceTitle => "Evidence per criterion",
        Msg::HistoryTitle => "Stage history",
        Msg::StageLabel => "Stage",
        Msg::DaysUnit => "days",
        Msg::UntilNow => "now",
        Msg::EditNomination => "Edit nomination",
        Msg::NewNomination => "New nomination",
        Msg::Save => "Save",
        Msg::NoEvidence => "No evidence yet",
        Msg::WeightLabel => "Weight",
        Msg::ConditionLabel => "Condition",
        Msg::OpenFullPage => "Open the full page",
        Msg::HeadsUnit => "Heads the unit",
        Msg::LinkedCollective => "The unit's collective nomination it goes with (C-C4)",
        Msg::NoneOption => "None",
        Msg::CoopTypeLabel => "Type",
        Msg::CoopCooperative => "Cooperative",
        Msg::CoopGroup => "Co-op group",
        Msg::Exemplary => "Exemplary cultural family",
        Msg::YearsHint => "Years separated by commas, e.g. 2023, 2024, 2025",
        Msg::FixErrors => "Please correct the following:",
        Msg::BackToBoard => "Back to the board",
        Msg::ChangesLabel => "Changes",
        Msg::ReasonShort => "Reason",
        Msg::RegistrationNote => "A new nomination starts at Discovered. To register it with the Department, the profile and the evidence of every scored criterion are needed.",
        Msg::Saving => "Saving…",
        Msg::DetailsOf => "Nomination details",
        Msg::MoveTo => "Move to…",
        Msg::MoveMenuFor => "Move nomination",
        Msg::MoveHere => "Move here",
        Msg::Undo => "Undo",
        Msg::MovedTo => "Moved",
        Msg::MoveInto => "to",
        Msg::Undone => "The move was undone.",
        Msg::ReasonBackTitle => "Reason for moving back",
        Msg::ReasonDropTitle => "Reason for dropping",
        Msg::ReasonLabel => "Reason (required)",
        Msg::Confirm => "Confirm",
        Msg::Cancel => "Cancel",
        Msg::Close => "Close",
        Msg::ShowMore => "Show more",
        Msg::Remaining => "remaining",
        Msg::FilterYear => "Year",
        Msg::FilterBloc => "Bloc",
        Msg::FilterUnit => "Unit",
        Msg::FilterKind => "Kind",
        Msg::FilterCity => "Registered with the City",
        Msg::FilterAll => "All",
        Msg::CityYes => "Registered",
        Msg::CityNo => "Not registered",
        Msg::Search => "Search",
        Msg::SearchHint => "Name of a person, collective or unit (accents optional)",
        Msg::Swimlanes => "Swimlanes by bloc",
        Msg::ClearFilters => "Clear filters",
        Msg::Filters => "Filters",
        Msg::DragHelp => "Focus a card and press Space to pick it up; Left/Right choose a column, Up/Down change the order; Space drops, Escape cancels.",
        Msg::PickedUp => "Picked up",
        Msg::TargetColumn => "Target column",
        Msg::Allowed => "allowed",
        Msg::NotAllowed => "not allowed",
        Msg::DropCancelled => "Move cancelled.",
        Msg::PositionIn => "position",
        Msg::CardGrabHint => "Drag, or press Space to move with the keyboard",
        Msg::TouchGripHint => "Touch and drag to move the card",
        Msg::NoResults => "No nomination matches the filters.",
        Msg::LiveOffline => "Live updates disconnected, reconnecting…",
        Msg::NoLaneCards => "This bloc has no nominations.",
        Msg::Details => "Details",
        Msg::SwitchLanguage => "Tiếng Việt",
        Msg::SwitchLanguageHint => "Chuyển giao diện sang tiếng Việt",
        Msg::SkipToContent => "Skip to main content",
        Msg::NotFoundTitle => "Page not found",
        Msg::NotFoundBody => "The page you are looking for does not exist or has moved.",
        Msg::ErrorInternal => {
            "Something went wrong on our side. Please try again in a few minutes."
        }
        Msg::ErrorNetwork => "Cannot reach the server. Please check the network and try again.",
        Msg::ErrorNotFound => "The requested data was not found.",
        Msg::ErrorUnauthenticated => "Your session has ended. Please sign in again.",
        Msg::ErrorBadRequest => "The request was not valid. Please reload the page and try again.",
        Msg::ErrorInvalid => "Some input is not valid.",
        Msg::ErrorConflict => {
            "Someone else changed this first; the page was reloaded, please check and try again."
        }
        Msg::ErrorDuplicate => "This name is already taken.",
        Msg::ChangedBy => "changed by",
        Msg::ErrorSelfLockout => {
            "You cannot disable your own account or remove your own administrator role."
        }
        Msg::ChangePasswordTitle => "Change password",
        Msg::ChangePasswordIntro => "After the change every session of the account ends; sign in again with the new password.",
        Msg::CurrentPassword => "Current password",
        Msg::ConfirmPassword => "Repeat the new password",
        Msg::PasswordMismatch => "The two new passwords do not match.",
        Msg::NavOrg => "Organisation",
        Msg::AdminOrgTitle => "Blocs, units and council",
        Msg::AdminBlocs => "Emulation blocs",
        Msg::AdminUnits => "Units",
        Msg::AdminCouncil => "Emulation and commendation council",
        Msg::AdminAddBloc => "Add bloc",
        Msg::AdminAddUnit => "Add unit",
        Msg::OrgCode => "Code",
        Msg::OrgName => "Name",
        Msg::OrgBloc => "Bloc",
        Msg::HeadUnit => "Head unit",
        Msg::NavAdmin => "Administration",
        Msg::AdminAccountsTitle => "Accounts",
        Msg::AdminName => "Full name",
        Msg::AdminPosition => "Position",
        Msg::AdminUnit => "Unit",
        Msg::AdminNoUnit => "— No unit —",
        Msg::AdminRoles => "Roles",
        Msg::AdminStatus => "Status",
        Msg::AdminActions => "Actions",
        Msg::AdminActive => "Active",
        Msg::AdminDisabled => "Disabled",
        Msg::AdminCreate => "Create account",
        Msg::AdminCreated => "Account created:",
        Msg::AdminEdit => "Edit",
        Msg::AdminSave => "Save",
        Msg::AdminSaved => "Account saved:",
        Msg::AdminDisable => "Disable",
        Msg::AdminEnable => "Enable",
        Msg::AdminResetPassword => "Reset password",
        Msg::AdminNewPassword => "New password (at least 12 characters)",
        Msg::AdminPasswordReset => "Password reset and sessions ended for",
        Msg::LoginTitle => "Sign in",
        Msg::LoginIntro => "Sign in with the account the Department office gave you.",
        Msg::Username => "Username",
        Msg::Password => "Password",
        Msg::SignIn => "Sign in",
        Msg::SignOut => "Sign out",
        Msg::SignedInAs => "Signed in:",
        Msg::LoginErrorCredentials => "The username or password is not correct.",
        Msg::LoginErrorThrottled => "Too many failed sign-ins. Please try again in 15 minutes.",
        Msg::LoginErrorDisabled => "This account is disabled. Please contact the administrator.",
        Msg::LoginSessionExpired => "Your session has expired. Please sign in again.",
        Msg::LoginSignedOut => "You have signed out.",
        Msg::NavAudit => "Audit",
        Msg::AuditTitle => "Change and security history",
        Msg::AuditAction => "Action",
        Msg::AuditAllActions => "All actions",
        Msg::AuditActor => "By",
        Msg::AuditFilter => "Filter",
        Msg::AuditWhen => "When",
        Msg::AuditObject => "Object",
        Msg::AuditAddress => "Address",
        Msg::AuditDetails => "Details",
        Msg::AuditChainIntact => "Hash chain intact: no entry was edited or removed. Entries:",
        Msg::AuditChainBroken => {
            "WARNING: the history was tampered with; the hash chain breaks at entry"
        }
        Msg::AuditOlder => "Show older entries",
        Msg::AuditEmpty => "No entry matches the filter.",
        Msg::PlanTitle => "Fostering and replication plan (F-1)",
        Msg::PlanNone => "No fostering plan yet.",
        Msg::PlanCreate => "Make the fostering plan",
        Msg::PlanEdit => "Edit the plan",
        Msg::PlanApprove => "Approve the plan",
        Msg::PlanApproved => "Approved by the unit head",
        Msg::PlanNotApproved => "Not yet approved by the unit head",
        Msg::PlanApprovedNote => "The plan is approved.",
        Msg::PlanSaved => "The fostering plan is saved.",
        Msg::PlanFormTitle => "Fostering and replication plan",
        Msg::PlanFormIntro => "The plan names the leaders responsible for directing the fostering, the publicity and the replication, and the year's activities. An approved plan that is changed needs approving again.",
        Msg::LeadersTitle => "Responsible leaders",
        Msg::LeaderNameLabel => "Full name",
        Msg::LeaderPositionLabel => "Position",
        Msg::ActivitiesTitle => "Activities",
        Msg::ActivityKindLabel => "Kind of activity",
        Msg::ActivityStatusLabel => "Status",
        Msg::AddActivity => "Add an activity",
        Msg::RemoveActivity => "Remove the activity",
        Msg::NoActivities => "No activities yet.",
        Msg::SavePlan => "Save the plan",
        Msg::EvaluationsTitle => "Periodic evaluations (E-1)",
        Msg::NoEvaluations => "No periodic evaluation yet.",
        Msg::RecordEvaluationTitle => "Record an evaluation",
        Msg::RecordEvaluation => "Record the evaluation",
        Msg::PeriodLabel => "Period",
        Msg::RatingLabel => "Rating",
        Msg::EvaluationRecorded => "The evaluation is recorded.",
        Msg::CommendationHint => "Annual evaluation only, e.g. Giấy khen, Bằng khen, Lao động tiên tiến, Chiến sĩ thi đua cơ sở.",
        Msg::YearTimelineTitle => "The year's timeline",
        Msg::NothingDatedYet => "Nothing dated yet.",
        Msg::RecordedBy => "Recorded by",
        Msg::AllRecorded => "Every evaluation of the year is recorded.",
        Msg::DateHint => "Day/month/year, e.g. 30/06/2026",
        Msg::Stage(s) => match s {
            Stage::Discovered => "Discovered",
            Stage::Registered => "Registered",
            Stage::Fostering => "Fostering",
            Stage::Evaluating => "Evaluating",
            Stage::Replicated => "Replicated",
            Stage::Dropped => "Dropped",
        },
        Msg::Kind(k) => match k {
            NomineeKind::Collective => "Collective",
            NomineeKind::Individual => "Individual",
            NomineeKind::Cooperative => "Cooperative / co-op group",
            NomineeKind::Household => "Good-producer household",
        },
    }
}

/// The label of an audit action code; unknown codes are shown as they are.
pub fn audit_action_label(lang: Lang, action: &str) -> String {
    let (vi, en) = match action {
        "login" => ("Đăng nhập", "Signed in"),
        "login_failed" => ("Đăng nhập sai", "Failed sign-in"),
        "login_throttled" => ("Bị tạm khóa đăng nhập", "Sign-in locked out"),
        "login_disabled" => (
            "Tài khoản bị khóa đăng nhập",
            "Disabled account tried to sign in",
        ),
        "logout" => ("Đăng xuất", "Signed out"),
        "csrf_refused" => ("Từ chối yêu cầu giả mạo", "Cross-site request refused"),
        "forbidden" => (
            "Từ chối thao tác không được phép",
            "Forbidden action refused",
        ),
        "account_created" => ("Tạo tài khoản", "Account created"),
        "account_updated" => ("Sửa tài khoản", "Account changed"),
        "password_reset" => ("Đổi mật khẩu", "Password changed"),
        "bloc_created" => ("Tạo khối thi đua", "Bloc created"),
        "bloc_updated" => ("Sửa khối thi đua", "Bloc changed"),
        "unit_created" => ("Tạo đơn vị", "Unit created"),
        "unit_updated" => ("Sửa đơn vị", "Unit changed"),
        "council_seated" => ("Thêm vào Hội đồng", "Seated on the council"),
        "council_unseated" => ("Rút khỏi Hội đồng", "Removed from the council"),
        "dataset_loaded" => ("Nạp dữ liệu", "Data set loaded"),
        "move_nomination" => ("Chuyển giai đoạn", "Moved"),
        "reorder_nomination" => ("Đổi thứ tự", "Reordered"),
        "undo_move" => ("Hoàn tác thao tác chuyển", "Move undone"),
        "create_nomination" => ("Tạo hồ sơ", "Nomination created"),
        "edit_nomination" => ("Sửa hồ sơ", "Nomination edited"),
        "save_fostering_plan" => ("Lưu kế hoạch bồi dưỡng", "Fostering plan saved"),
        "approve_fostering_plan" => ("Phê duyệt kế hoạch bồi dưỡng", "Fostering plan approved"),
        "record_evaluation" => ("Ghi nhận đánh giá định kỳ", "Evaluation recorded"),
        other => return other.to_string(),
    };
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

/// The label of an audited object's type; unknown types are shown as they are.
pub fn audit_object_label(lang: Lang, object_type: &str) -> String {
    let (vi, en) = match object_type {
        "account" => ("Tài khoản", "Account"),
        "request" => ("Yêu cầu", "Request"),
        "audit_log" => ("Nhật ký", "Audit history"),
        "nomination" => ("Hồ sơ", "Nomination"),
        "bloc" => ("Khối thi đua", "Bloc"),
        "unit" => ("Đơn vị", "Unit"),
        other => return other.to_string(),
    };
    match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    }
}

/// A stored UTC timestamp shown in Vietnam's time (UTC+7), dd/MM/yyyy HH:mm:ss.
pub fn format_timestamp(utc_rfc3339: &str) -> String {
    let parsed = chrono::DateTime::parse_from_rfc3339(utc_rfc3339).ok();
    match (parsed, chrono::FixedOffset::east_opt(7 * 3600)) {
        (Some(t), Some(vietnam)) => t
            .with_timezone(&vietnam)
            .format("%d/%m/%Y %H:%M:%S")
            .to_string(),
        _ => utc_rfc3339.to_string(),
    }
}

/// Dates are written dd/MM/yyyy in both languages, as Vietnamese documents write them.
pub fn format_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_is_the_default_language() {
        assert_eq!(Lang::default(), Lang::Vi);
        assert_eq!(Lang::from_code("fr"), Lang::Vi);
        assert_eq!(Lang::from_code("en"), Lang::En);
    }

    #[test]
    fn stage_labels_match_the_plan() {
        let labels: Vec<_> = Stage::ALL
            .iter()
            .map(|s| t(Lang::Vi, Msg::Stage(*s)))
            .collect();
        assert_eq!(
            labels,
            [
                "Phát hiện",
                "Đăng ký",
                "Bồi dưỡng",
                "Đánh giá",
                "Nhân rộng",
                "Dừng"
            ]
        );
    }

    #[test]
    fn every_message_differs_between_languages_where_it_should() {
        for stage in Stage::ALL {
            assert_ne!(
                t(Lang::Vi, Msg::Stage(stage)),
                t(Lang::En, Msg::Stage(stage))
            );
        }
        for kind in NomineeKind::ALL {
            assert_ne!(t(Lang::Vi, Msg::Kind(kind)), t(Lang::En, Msg::Kind(kind)));
        }
    }

    #[test]
    fn timestamps_are_shown_in_vietnam_time() {
        assert_eq!(
            format_timestamp("2026-11-29T17:05:09.123456Z"),
            "30/11/2026 00:05:09"
        );
        assert_eq!(format_timestamp("garbage"), "garbage");
        assert_eq!(audit_action_label(Lang::Vi, "logout"), "Đăng xuất");
        assert_eq!(
            audit_action_label(Lang::En, "something_new"),
            "something_new"
        );
    }

    #[test]
    fn dates_are_dd_mm_yyyy() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(format_date(d), "07/03/2026");
    }
}
