//! N-2's kinds of exemplar and the campaign's emulation movements: the nomination's form,
//! the administrators' list, and the summary's counts.

use super::{t, Lang, Msg};
use crate::domain::ExemplarType;

// This feature's entries: `Variant => "Tiếng Việt", "English",` (see `feature!` in mod.rs).
feature! { $
    ExemplarNewFactor => "Nhân tố mới", "New factor",
    ExemplarOutstandingExample => "Gương điển hình tiên tiến", "Outstanding example",
    ExemplarExperience => "Kinh nghiệm", "Experience",
    ExemplarModel => "Mô hình", "Model",
    ExemplarInitiative => "Sáng kiến", "Initiative",
    ExemplarNotClassified => "Chưa phân loại", "Not classified",
    ChooseExemplarType => "— Chưa phân loại —", "— Not classified —",
    NoMovement => "— Không gắn phong trào —", "— No movement —",
    MovementNotNamed => "Chưa gắn phong trào", "No movement named",
    MovementRetiredMark => "{name} (đã ngừng theo dõi)", "{name} (no longer followed)",
    ClassificationHint =>
        "Loại điển hình (N-2) và phong trào thi đua đã phát hiện ra điển hình; Bảng tổng hợp đếm theo cả hai.",
        "The kind of exemplar (N-2) and the emulation movement it came from; the summary counts by both.",
    MovementsTitle => "Phong trào thi đua", "Emulation movements",
    MovementsIntro =>
        "Danh sách phong trào thi đua của kế hoạch: đơn vị chọn phong trào khi đề xuất điển hình, Bảng tổng hợp đếm theo phong trào. Phong trào ngừng theo dõi không còn được chọn cho đề xuất mới nhưng vẫn giữ trên các đề xuất đã chọn.",
        "The campaign's emulation movements: units name one when they nominate an exemplar, and the summary counts by movement. A movement no longer followed is not offered for new nominations but stays on those that named it.",
    MovementsLink => "Phong trào thi đua", "Movements",
    NoMovements =>
        "Kế hoạch này chưa có phong trào thi đua nào. Thêm phong trào đầu tiên bên dưới.",
        "This campaign has no emulation movement yet. Add the first one below.",
    AddMovement => "Thêm phong trào", "Add the movement",
    MovementSaved => "Đã lưu phong trào thi đua.", "The emulation movement is saved.",
    NewMovement => "Phong trào mới", "New movement",
    MovementRetired => "Ngừng theo dõi", "No longer followed",
    MovementUsedBy => "Số đề xuất", "Nominations",
    SummaryByType => "Theo loại điển hình (N-2)", "By kind of exemplar (N-2)",
    SummaryByMovement => "Theo phong trào thi đua", "By emulation movement",
}

/// The name of a kind of exemplar.
pub fn exemplar_type_name(lang: Lang, kind: ExemplarType) -> &'static str {
    let msg = match kind {
        ExemplarType::NewFactor => Msg::ExemplarNewFactor,
        ExemplarType::OutstandingExample => Msg::ExemplarOutstandingExample,
        ExemplarType::Experience => Msg::ExemplarExperience,
        ExemplarType::Model => Msg::ExemplarModel,
        ExemplarType::Initiative => Msg::ExemplarInitiative,
    };
    t(lang, msg)
}
