//! The board: its columns and cards, the filters, and moving a nomination between stages.

/// Appends this feature's entries to the catalogue being collected, then hands on to the
/// next feature: `Variant => "Vietnamese", "English",`.
macro_rules! messages {
    ($collect:ident [$($collected:tt)*] $($next:ident)*) => {
        $collect! { [$($collected)*
            BoardTitle => "Bảng theo dõi điển hình", "Exemplar board",
            BoardColumnsLabel =>
                "Các cột giai đoạn (cuộn ngang để xem hết)",
                "Stage columns (scroll sideways to see them all)",
            EmptyColumn => "Chưa có hồ sơ", "No nominations yet",
            CardCount => "hồ sơ", "nominations",
            CityBadge => "Đã đăng ký với Thành phố", "Registered with the City",
            MoveTo => "Chuyển đến…", "Move to…",
            MoveMenuFor => "Chuyển hồ sơ", "Move nomination",
            MoveHere => "Chuyển vào đây", "Move here",
            Undo => "Hoàn tác", "Undo",
            MovedTo => "Đã chuyển", "Moved",
            MoveInto => "sang", "to",
            Undone => "Đã hoàn tác thao tác chuyển.", "The move was undone.",
            ReasonBackTitle => "Lý do lùi giai đoạn", "Reason for moving back",
            ReasonDropTitle => "Lý do dừng hồ sơ", "Reason for dropping",
            ReasonLabel => "Lý do (bắt buộc)", "Reason (required)",
            Confirm => "Xác nhận", "Confirm",
            Cancel => "Hủy", "Cancel",
            Close => "Đóng", "Close",
            ShowMore => "Xem thêm", "Show more",
            Remaining => "còn", "remaining",
            FilterCity => "Đăng ký với Thành phố", "Registered with the City",
            FilterAll => "Tất cả", "All",
            CityYes => "Đã đăng ký", "Registered",
            CityNo => "Chưa đăng ký", "Not registered",
            Search => "Tìm kiếm", "Search",
            SearchHint =>
                "Tên cá nhân, tập thể hoặc đơn vị (gõ không dấu cũng được)",
                "Name of a person, collective or unit (accents optional)",
            Swimlanes => "Chia làn theo khối", "Swimlanes by bloc",
            ClearFilters => "Bỏ lọc", "Clear filters",
            DragHelp =>
                "Chọn thẻ rồi nhấn Space để nhấc; mũi tên trái/phải chọn cột, lên/xuống đổi thứ tự; Space để thả, Escape để hủy.",
                "Focus a card and press Space to pick it up; Left/Right choose a column, Up/Down change the order; Space drops, Escape cancels.",
            PickedUp => "Đã nhấc thẻ", "Picked up",
            TargetColumn => "Cột đích", "Target column",
            Allowed => "được phép chuyển", "allowed",
            NotAllowed => "không được chuyển", "not allowed",
            DropCancelled => "Đã hủy di chuyển.", "Move cancelled.",
            PositionIn => "vị trí", "position",
            CardGrabHint =>
                "Kéo thả, hoặc nhấn Space để di chuyển bằng bàn phím",
                "Drag, or press Space to move with the keyboard",
            TouchGripHint => "Chạm giữ và kéo để di chuyển thẻ", "Touch and drag to move the card",
            NoResults => "Không có hồ sơ nào khớp bộ lọc.", "No nomination matches the filters.",
            LiveOffline =>
                "Mất kết nối cập nhật trực tiếp, đang kết nối lại…",
                "Live updates disconnected, reconnecting…",
            NoLaneCards => "Khối này chưa có hồ sơ.", "This bloc has no nominations.",
            Details => "Chi tiết", "Details",
            OpenFullPage => "Mở trang hồ sơ", "Open the full page",
            OverdueBadge => "Quá hạn", "Overdue",
            ReplicatedBadge => "Nhân rộng", "Replicated",
            PlacesUnit => "nơi", "places",
            CouncilScoreBadge => "Điểm Hội đồng", "Council score",
        ] $($next)* }
    };
}

pub(super) use messages;
