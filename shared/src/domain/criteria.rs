//! The criteria a nominee is judged on (plan.md II.2), per nominee kind.
//!
//! The criteria are the Department's data: each campaign stores its sets, versioned (see the
//! server's `criteria` tables). [`CriteriaSet::plan`] is the plan's own wording and the
//! default weights, floors and conditions a new campaign starts from; no real year is judged
//! on it unless the administrator leaves it as it is.

use super::{Field, InputError, NomineeKind};
use serde::{Deserialize, Serialize};

/// Whether the council scores a criterion or it is a condition to be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Assessment {
    Scored,
    Eligibility,
}

impl Assessment {
    pub fn code(self) -> &'static str {
        match self {
            Assessment::Scored => "scored",
            Assessment::Eligibility => "eligibility",
        }
    }

    pub fn from_code(code: &str) -> Option<Assessment> {
        match code {
            "scored" => Some(Assessment::Scored),
            "eligibility" => Some(Assessment::Eligibility),
            _ => None,
        }
    }
}

/// The longest criterion code and text.
pub const MAX_CODE_CHARS: usize = 16;
pub const MAX_CRITERION_TEXT_CHARS: usize = 1000;
/// A criterion's weight is a whole number from 1 to this.
pub const MAX_WEIGHT: u8 = 10;
/// The most criteria one kind may have.
pub const MAX_CRITERIA_PER_KIND: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub vi: String,
    pub en: String,
    /// Relative weight in the council's weighted total (0 for a condition). The plan gives
    /// none; the defaults weigh the criteria about results and initiatives higher, as P-2
    /// puts them first.
    pub weight: u8,
    pub assessment: Assessment,
    /// The lowest mean council score (0–10) on this criterion with which a nominee can
    /// still be ranked, however high its other scores (the compliance criteria).
    pub floor: Option<u8>,
}

impl Criterion {
    pub fn is_scored(&self) -> bool {
        self.assessment == Assessment::Scored
    }

    /// The text in the user's language.
    pub fn text(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::Vi => &self.vi,
            crate::i18n::Lang::En => &self.en,
        }
    }
}

/// One problem with a criteria set as typed: the kind and row it is on (`None`: the kind as
/// a whole).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionProblem {
    pub kind: NomineeKind,
    pub row: Option<usize>,
    pub error: InputError,
}

/// A campaign's criteria, one list per nominee kind, in the order they are shown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CriteriaSet {
    pub collective: Vec<Criterion>,
    pub individual: Vec<Criterion>,
    pub cooperative: Vec<Criterion>,
    pub household: Vec<Criterion>,
}

impl CriteriaSet {
    /// The criteria of `kind`.
    pub fn of(&self, kind: NomineeKind) -> &[Criterion] {
        match kind {
            NomineeKind::Collective => &self.collective,
            NomineeKind::Individual => &self.individual,
            NomineeKind::Cooperative => &self.cooperative,
            NomineeKind::Household => &self.household,
        }
    }

    pub fn of_mut(&mut self, kind: NomineeKind) -> &mut Vec<Criterion> {
        match kind {
            NomineeKind::Collective => &mut self.collective,
            NomineeKind::Individual => &mut self.individual,
            NomineeKind::Cooperative => &mut self.cooperative,
            NomineeKind::Household => &mut self.household,
        }
    }

    /// The scored criteria of `kind`: the ones that need evidence and council scores.
    pub fn scored(&self, kind: NomineeKind) -> impl Iterator<Item = &Criterion> {
        self.of(kind).iter().filter(|c| c.is_scored())
    }

    /// The set as it is stored: texts and codes trimmed, a condition weighs nothing and has
    /// no floor.
    pub fn normalised(mut self) -> CriteriaSet {
        for kind in NomineeKind::ALL {
            for c in self.of_mut(kind) {
                c.code = c.code.trim().to_string();
                c.vi = c.vi.trim().to_string();
                c.en = c.en.trim().to_string();
                if !c.is_scored() {
                    c.weight = 0;
                    c.floor = None;
                }
            }
        }
        self
    }

    /// Every problem with the set as typed (nothing is saved while any): a kind without a
    /// scored criterion, an empty or repeated code, missing texts, a weight that is not a
    /// whole number from 1 to 10, a floor above 10.
    pub fn problems(&self) -> Vec<CriterionProblem> {
        let mut out = Vec::new();
        for kind in NomineeKind::ALL {
            let list = self.of(kind);
            let mut push = |row: Option<usize>, error: InputError| {
                out.push(CriterionProblem { kind, row, error })
            };
            if !list.iter().any(Criterion::is_scored) {
                push(None, InputError::NoScoredCriterion);
            }
            if list.len() > MAX_CRITERIA_PER_KIND {
                push(
                    None,
                    InputError::OutOfRange {
                        field: Field::Criteria,
                        min: 1,
                        max: MAX_CRITERIA_PER_KIND as i64,
                    },
                );
            }
            for (row, c) in list.iter().enumerate() {
                let code = c.code.trim();
                if code.is_empty() {
                    push(
                        Some(row),
                        InputError::Required {
                            field: Field::CriterionCode,
                        },
                    );
                } else if code.chars().count() > MAX_CODE_CHARS
                    || !code
                        .chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '.')
                {
                    push(
                        Some(row),
                        InputError::Invalid {
                            field: Field::CriterionCode,
                        },
                    );
                } else if list[..row].iter().any(|o| o.code.trim() == code) {
                    push(
                        Some(row),
                        InputError::DuplicateCode {
                            code: code.to_string(),
                        },
                    );
                }
                for (field, text) in [(Field::CriterionVi, &c.vi), (Field::CriterionEn, &c.en)] {
                    if text.trim().is_empty() {
                        push(Some(row), InputError::Required { field });
                    } else if text.trim().chars().count() > MAX_CRITERION_TEXT_CHARS {
                        push(
                            Some(row),
                            InputError::TooLong {
                                field,
                                max: MAX_CRITERION_TEXT_CHARS,
                            },
                        );
                    }
                }
                if c.is_scored() {
                    if !(1..=MAX_WEIGHT).contains(&c.weight) {
                        push(
                            Some(row),
                            InputError::OutOfRange {
                                field: Field::Weight,
                                min: 1,
                                max: i64::from(MAX_WEIGHT),
                            },
                        );
                    }
                    if c.floor.is_some_and(|f| f > 10) {
                        push(
                            Some(row),
                            InputError::OutOfRange {
                                field: Field::Floor,
                                min: 0,
                                max: 10,
                            },
                        );
                    }
                }
            }
        }
        out
    }

    /// The plan's criteria (II.2) with the default weights and floors.
    pub fn plan() -> CriteriaSet {
        let cooperative = vec![
            scored("C-B1", 1, Some(DEFAULT_FLOOR), "Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương", "Exemplary compliance with Party lines, State policy and law, and local rules"),
            scored("C-B2", 3, None, "Sản xuất, kinh doanh ứng dụng tiến bộ kỹ thuật hiệu quả, hoặc có cách làm mới đạt hiệu quả cao", "Production applying technical progress effectively, or new ways of working with high efficiency"),
            scored("C-B3", 1, None, "Bảo đảm an toàn lao động, vệ sinh an toàn và vệ sinh môi trường", "Ensures labour safety, hygiene and environmental sanitation"),
            scored("C-B4", 2, None, "Vượt khó, thoát nghèo bằng thu nhập hợp pháp; tương trợ, giúp đỡ nhau cùng phát triển", "Overcomes difficulty and poverty by lawful income; mutual help"),
        ];
        let mut household = cooperative.clone();
        household.push(condition("C-B5", "Đạt danh hiệu gia đình văn hóa nhiều năm liền hoặc là gia đình văn hóa tiêu biểu", "Held the cultural-family standard for several consecutive years, or an exemplary cultural family"));
        CriteriaSet {
            collective: vec![
                scored("C-A1", 2, None, "Có thành tích xuất sắc trong nghiên cứu, sản xuất, công tác chuyên môn", "Outstanding achievement in research, production or professional work"),
                scored("C-A2", 3, None, "Dẫn đầu phong trào thi đua, vượt chỉ tiêu kế hoạch, có sáng kiến, cải tiến kỹ thuật, ứng dụng khoa học công nghệ; tiết kiệm ngân sách; nâng cao thu nhập nông thôn", "Leads the emulation movement, exceeds targets, or has initiatives and new technology; saves budget; raises rural incomes"),
                scored("C-A3", 1, Some(DEFAULT_FLOOR), "Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của cơ quan, địa phương", "Exemplary compliance with Party lines, State policy and law, and local rules"),
                scored("C-A4", 1, None, "Tích cực tham gia công tác xã hội, an sinh xã hội", "Active in social work and social security"),
                scored("C-A5", 1, Some(DEFAULT_FLOOR), "Tổ chức Đảng, đoàn thể trong sạch, vững mạnh", "Party and mass organisations clean and strong"),
            ],
            individual: vec![
                scored("C-C1", 1, Some(DEFAULT_FLOOR), "Chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và nội quy, quy chế của cơ quan và địa phương", "Complies with Party lines, State policy and law, and the rules of the agency and the locality"),
                scored("C-C2", 2, None, "Đi đầu trong các phong trào thi đua, cuộc vận động, nhất là học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", "Leads in emulation movements, especially in following Ho Chi Minh's thought, ethics and style"),
                scored("C-C3", 3, None, "Năng động, sáng tạo, có sáng kiến, kinh nghiệm, giải pháp hữu ích; có kết quả nổi bật trong công tác, học tập, nghiên cứu, giúp tiết kiệm ngân sách, nâng cao thu nhập cho người dân nông thôn", "Dynamic and creative, with useful initiatives, experience and solutions; outstanding results in work, study and research that save budget and raise rural incomes"),
                condition("C-C4", "Người đứng đầu đơn vị chỉ được xét cùng tiêu chí của tập thể đơn vị mình", "A unit head is an exemplar only together with the criteria of the unit's collective"),
            ],
            cooperative,
            household,
        }
    }
}

/// The default floor of the compliance criteria (C-A3, C-A5, C-B1, C-C1): a nominee the
/// council scores below 5 on average on one of them is not ranked.
pub const DEFAULT_FLOOR: u8 = 5;

fn scored(code: &str, weight: u8, floor: Option<u8>, vi: &str, en: &str) -> Criterion {
    Criterion {
        code: code.into(),
        vi: vi.into(),
        en: en.into(),
        weight,
        assessment: Assessment::Scored,
        floor,
    }
}

fn condition(code: &str, vi: &str, en: &str) -> Criterion {
    Criterion {
        code: code.into(),
        vi: vi.into(),
        en: en.into(),
        weight: 0,
        assessment: Assessment::Eligibility,
        floor: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn codes(kind: NomineeKind) -> Vec<String> {
        CriteriaSet::plan()
            .of(kind)
            .iter()
            .map(|c| c.code.clone())
            .collect()
    }

    #[test]
    fn individuals_criteria_keep_the_plan_s_words() {
        let plan = CriteriaSet::plan();
        let vi = |code: &str| {
            plan.individual
                .iter()
                .find(|c| c.code == code)
                .unwrap()
                .vi
                .clone()
        };
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
        assert!(CriteriaSet::plan().problems().is_empty());
    }

    #[test]
    fn c_b5_and_c_c4_are_conditions_and_compliance_criteria_have_floors() {
        let plan = CriteriaSet::plan();
        for kind in NomineeKind::ALL {
            for c in plan.of(kind) {
                let condition = matches!(c.code.as_str(), "C-B5" | "C-C4");
                assert_eq!(c.is_scored(), !condition, "{}", c.code);
                assert_eq!(c.weight > 0, c.is_scored(), "{}", c.code);
                assert!(!c.vi.is_empty() && !c.en.is_empty());
                let compliance = matches!(c.code.as_str(), "C-A3" | "C-A5" | "C-B1" | "C-C1");
                assert_eq!(c.floor.is_some(), compliance, "{}", c.code);
            }
        }
    }

    #[test]
    fn problems_name_the_row_and_what_is_wrong() {
        let mut set = CriteriaSet::plan();
        set.collective[1].code = "C-A1".into();
        set.collective[2].weight = 0;
        set.collective[3].vi = "  ".into();
        set.collective[4].floor = Some(11);
        set.individual.retain(|c| !c.is_scored());
        let problems = set.problems();
        let at = |kind, row| {
            problems
                .iter()
                .filter(|p| p.kind == kind && p.row == row)
                .map(|p| p.error.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            at(NomineeKind::Collective, Some(1)),
            [InputError::DuplicateCode {
                code: "C-A1".into()
            }]
        );
        assert_eq!(
            at(NomineeKind::Collective, Some(2)),
            [InputError::OutOfRange {
                field: Field::Weight,
                min: 1,
                max: 10
            }]
        );
        assert_eq!(
            at(NomineeKind::Collective, Some(3)),
            [InputError::Required {
                field: Field::CriterionVi
            }]
        );
        assert_eq!(
            at(NomineeKind::Collective, Some(4)),
            [InputError::OutOfRange {
                field: Field::Floor,
                min: 0,
                max: 10
            }]
        );
        assert_eq!(
            at(NomineeKind::Individual, None),
            [InputError::NoScoredCriterion]
        );
        assert_eq!(problems.len(), 5);
    }

    #[test]
    fn a_condition_weighs_nothing_once_normalised() {
        let mut set = CriteriaSet::plan();
        set.household[4].weight = 7;
        set.household[4].floor = Some(3);
        set.household[0].code = "  C-B1 ".into();
        let set = set.normalised();
        assert_eq!((set.household[4].weight, set.household[4].floor), (0, None));
        assert_eq!(set.household[0].code, "C-B1");
    }

    proptest! {
        /// Any weight from 1 to 10 and floor up to 10 on a scored criterion is fine; any
        /// other weight is refused on exactly that row.
        #[test]
        fn weights_are_whole_numbers_from_one_to_ten(
            row in 0usize..5, weight in any::<u8>(), floor in proptest::option::of(0u8..=10)
        ) {
            let mut set = CriteriaSet::plan();
            set.collective[row].weight = weight;
            set.collective[row].floor = floor;
            let problems = set.problems();
            if (1..=10).contains(&weight) {
                prop_assert!(problems.is_empty());
            } else {
                prop_assert_eq!(problems.len(), 1);
                prop_assert_eq!(problems[0].row, Some(row));
            }
        }

        /// A code typed twice in one kind is always found, whichever rows hold it.
        #[test]
        fn a_repeated_code_is_found(a in 0usize..4, b in 0usize..4) {
            prop_assume!(a != b);
            let mut set = CriteriaSet::plan();
            let code = set.cooperative[a].code.clone();
            set.cooperative[b].code = format!(" {code} ");
            let problems = set.problems();
            prop_assert_eq!(problems.len(), 1);
            prop_assert_eq!(problems[0].row, Some(a.max(b)));
            let is_duplicate = matches!(problems[0].error, InputError::DuplicateCode { .. });
            prop_assert!(is_duplicate);
        }
    }
}
