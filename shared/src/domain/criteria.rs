//! The plan's criteria (plan.md II.2), per nominee kind.

use super::NomineeKind;
use serde::{Deserialize, Serialize};

/// Whether the council scores a criterion or it is a condition to be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Assessment {
    Scored,
    Eligibility,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Criterion {
    pub code: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
    /// Relative weight in the council's weighted total. The plan gives none; the defaults
    /// weigh the criteria about results and initiatives higher, as P-2 puts them first.
    pub weight: u8,
    pub assessment: Assessment,
}

const fn scored(code: &'static str, weight: u8, vi: &'static str, en: &'static str) -> Criterion {
    Criterion {
        code,
        vi,
        en,
        weight,
        assessment: Assessment::Scored,
    }
}

const fn condition(code: &'static str, vi: &'static str, en: &'static str) -> Criterion {
    Criterion {
        code,
        vi,
        en,
        weight: 0,
        assessment: Assessment::Eligibility,
    }
}

/// a) Collectives.
pub const COLLECTIVE: &[Criterion] = &[
    scored("C-A1", 2, "Có thành tích xuất sắc trong nghiên cứu, sản xuất, công tác chuyên môn", "Outstanding achievement in research, production or professional work"),
    scored("C-A2", 3, "Dẫn đầu phong trào thi đua, vượt chỉ tiêu kế hoạch, có sáng kiến, cải tiến kỹ thuật, ứng dụng khoa học công nghệ; tiết kiệm ngân sách; nâng cao thu nhập nông thôn", "Leads the emulation movement, exceeds targets, or has initiatives and new technology; saves budget; raises rural incomes"),
    scored("C-A3", 1, "Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của cơ quan, địa phương", "Exemplary compliance with Party lines, State policy and law, and local rules"),
    scored("C-A4", 1, "Tích cực tham gia công tác xã hội, an sinh xã hội", "Active in social work and social security"),
    scored("C-A5", 1, "Tổ chức Đảng, đoàn thể trong sạch, vững mạnh", "Party and mass organisations clean and strong"),
];

/// b) Co-op groups and cooperatives.
pub const COOPERATIVE: &[Criterion] = &[
    scored("C-B1", 1, "Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương", "Exemplary compliance with Party lines, State policy and law, and local rules"),
    scored("C-B2", 3, "Sản xuất, kinh doanh ứng dụng tiến bộ kỹ thuật hiệu quả, hoặc có cách làm mới đạt hiệu quả cao", "Production applying technical progress effectively, or new ways of working with high efficiency"),
    scored("C-B3", 1, "Bảo đảm an toàn lao động, vệ sinh an toàn và vệ sinh môi trường", "Ensures labour safety, hygiene and environmental sanitation"),
    scored("C-B4", 2, "Vượt khó, thoát nghèo bằng thu nhập hợp pháp; tương trợ, giúp đỡ nhau cùng phát triển", "Overcomes difficulty and poverty by lawful income; mutual help"),
];

/// b) Good-producer households: the co-operative criteria plus C-B5.
pub const HOUSEHOLD: &[Criterion] = &[
    COOPERATIVE[0].clone_const(),
    COOPERATIVE[1].clone_const(),
    COOPERATIVE[2].clone_const(),
    COOPERATIVE[3].clone_const(),
    condition("C-B5", "Đạt danh hiệu gia đình văn hóa nhiều năm liền hoặc là gia đình văn hóa tiêu biểu", "Held the cultural-family standard for several consecutive years, or an exemplary cultural family"),
];

/// c) Individuals.
pub const INDIVIDUAL: &[Criterion] = &[
    scored("C-C1", 1, "Chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và nội quy, quy chế của cơ quan và địa phương", "Complies with Party lines, State policy and law, and the rules of the agency and the locality"),
    scored("C-C2", 2, "Đi đầu trong các phong trào thi đua, cuộc vận động, nhất là học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Leads in emulation movements, especially in following Ho Chi Minh's thought, ethics and style"),
    scored("C-C3", 3, "Năng động, sáng tạo, có sáng kiến, kinh nghiệm, giải pháp hữu ích; có kết quả nổi bật trong công tác, học tập, nghiên cứu, giúp tiết kiệm ngân sách, nâng cao thu nhập cho người dân nông thôn", "Dynamic and creative, with useful initiatives, experience and solutions; outstanding results in work, study and research that save budget and raise rural incomes"),
    condition("C-C4", "Người đứng đầu đơn vị chỉ được xét cùng tiêu chí của tập thể đơn vị mình", "A unit head is an exemplar only together with the criteria of the unit's collective"),
];

impl Criterion {
    const fn clone_const(&self) -> Criterion {
        Criterion {
            code: self.code,
            vi: self.vi,
            en: self.en,
            weight: self.weight,
            assessment: self.assessment,
        }
    }

    pub fn is_scored(&self) -> bool {
        self.assessment == Assessment::Scored
    }
}

/// The criteria a nominee of `kind` is judged on.
pub fn criteria_for(kind: NomineeKind) -> &'static [Criterion] {
    match kind {
        NomineeKind::Collective => COLLECTIVE,
        NomineeKind::Individual => INDIVIDUAL,
        NomineeKind::Cooperative => COOPERATIVE,
        NomineeKind::Household => HOUSEHOLD,
    }
}

/// The scored criteria of `kind`: the ones that need evidence and council scores.
pub fn scored_criteria(kind: NomineeKind) -> impl Iterator<Item = &'static Criterion> {
    criteria_for(kind).iter().filter(|c| c.is_scored())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(kind: NomineeKind) -> Vec<&'static str> {
        criteria_for(kind).iter().map(|c| c.code).collect()
    }

    #[test]
    fn individuals_criteria_keep_the_plan_s_words() {
        let vi = |code: &str| INDIVIDUAL.iter().find(|c| c.code == code).unwrap().vi;
        assert!(vi("C-C1").ends_with("quy chế của cơ quan và địa phương"));
        assert!(vi("C-C3")
            .ends_with("giúp tiết kiệm ngân sách, nâng cao thu nhập cho người dân nông thôn"));
    }

    #[test]
    fn criteria_sets_are_exactly_the_plans() {
        assert_eq!(
            codes(NomineeKind::Collective),
            ["C-A1", "C-A2", "C-A3", "C-A4", "C-A5"]
        );
        assert_eq!(
            codes(NomineeKind::Cooperative),
            ["C-B1", "C-B2", "C-B3", "C-B4"]
        );
        assert_eq!(
            codes(NomineeKind::Household),
            ["C-B1", "C-B2", "C-B3", "C-B4", "C-B5"]
        );
        assert_eq!(
            codes(NomineeKind::Individual),
            ["C-C1", "C-C2", "C-C3", "C-C4"]
        );
    }

    #[test]
    fn c_b5_and_c_c4_are_conditions_not_scores() {
        for kind in NomineeKind::ALL {
            for c in criteria_for(kind) {
                let condition = matches!(c.code, "C-B5" | "C-C4");
                assert_eq!(c.is_scored(), !condition, "{}", c.code);
                assert_eq!(c.weight > 0, c.is_scored(), "{}", c.code);
                assert!(!c.vi.is_empty() && !c.en.is_empty());
            }
        }
    }
}
