//! A campaign (plan period) and the calendar of each of its years (D-1..D-3, E-1, E-2, S-2).

use super::error::{Field, InputError, RequiredText};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many models the Department registers with the City in a year (S-2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quota {
    min: u8,
    max: u8,
}

impl Quota {
    /// The plan's 3 to 5 models a year.
    pub const PLAN: Quota = Quota { min: 3, max: 5 };

    pub fn new(min: u8, max: u8) -> Result<Quota, InputError> {
        if min == 0 || min > max || max > 50 {
            return Err(InputError::OutOfRange {
                field: Field::Quota,
                min: 1,
                max: 50,
            });
        }
        Ok(Quota { min, max })
    }

    pub fn min(self) -> u8 {
        self.min
    }

    pub fn max(self) -> u8 {
        self.max
    }
}

impl Default for Quota {
    fn default() -> Self {
        Quota::PLAN
    }
}

/// The dates of the periodic evaluations (E-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoints {
    pub six_month: NaiveDate,
    pub nine_month: NaiveDate,
    pub annual: NaiveDate,
}

/// One year of a campaign: its deadlines and quota. Defaults follow the plan; an
/// administrator may change any of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignYear {
    pub year: i32,
    /// D-1: units register their exemplars with the Department (31 December of the year
    /// before).
    pub registration_deadline: NaiveDate,
    /// D-2: bloc heads send their bloc's review (end of the third quarter).
    pub bloc_review_deadline: NaiveDate,
    /// D-3: the Department office sends the City its list (30 November).
    pub city_submission_deadline: NaiveDate,
    /// E-2: the Department's quarterly selections for the City (end of each quarter).
    pub quarterly_selections: [NaiveDate; 4],
    /// E-1: 6-month, 9-month and annual evaluations.
    pub checkpoints: Checkpoints,
    /// S-2: 3 to 5 models registered with the City.
    pub city_quota: Quota,
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    // Every call below names a real calendar date; the fallback is never reached.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

impl CampaignYear {
    pub fn with_plan_defaults(year: i32) -> CampaignYear {
        CampaignYear {
            year,
            registration_deadline: ymd(year - 1, 12, 31),
            bloc_review_deadline: ymd(year, 9, 30),
            city_submission_deadline: ymd(year, 11, 30),
            quarterly_selections: [
                ymd(year, 3, 31),
                ymd(year, 6, 30),
                ymd(year, 9, 30),
                ymd(year, 12, 31),
            ],
            // The annual evaluation comes before the City list is due (D-3).
            checkpoints: Checkpoints {
                six_month: ymd(year, 6, 30),
                nine_month: ymd(year, 9, 30),
                annual: ymd(year, 11, 15),
            },
            city_quota: Quota::PLAN,
        }
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        use chrono::Datelike;
        date.year() == self.year
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Campaign {
    pub name: RequiredText,
    pub start_year: i32,
    pub end_year: i32,
    pub years: Vec<CampaignYear>,
}

impl Campaign {
    pub const MAX_YEARS: i32 = 10;

    /// A campaign with the plan's default calendar for every year.
    pub fn new(name: &str, start_year: i32, end_year: i32) -> Result<Campaign, InputError> {
        let name = RequiredText::parse(Field::CampaignName, name, 300)?;
        let valid = (2000..=2100).contains(&start_year)
            && (start_year..=start_year + Self::MAX_YEARS - 1).contains(&end_year);
        if !valid {
            return Err(InputError::OutOfRange {
                field: Field::CampaignYears,
                min: 2000,
                max: 2100,
            });
        }
        Ok(Campaign {
            name,
            start_year,
            end_year,
            years: (start_year..=end_year)
                .map(CampaignYear::with_plan_defaults)
                .collect(),
        })
    }

    pub fn year(&self, year: i32) -> Option<&CampaignYear> {
        self.years.iter().find(|y| y.year == year)
    }
}

/// What an administrator types to create a campaign: its name, the decision (or plan) that
/// adopts it, its first and last year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignDraft {
    pub name: String,
    pub decision: String,
    pub start_year: i32,
    pub end_year: i32,
}

impl CampaignDraft {
    pub const MAX_DECISION: usize = 200;

    /// Every problem with the draft; the same in the form as the administrator types and on
    /// the server (which also refuses years another campaign holds).
    pub fn problems(&self) -> Vec<InputError> {
        let mut problems = Vec::new();
        if let Err(e) = RequiredText::parse(Field::CampaignName, &self.name, 300) {
            problems.push(e);
        }
        if self.decision.trim().chars().count() > Self::MAX_DECISION {
            problems.push(InputError::TooLong {
                field: Field::CampaignDecision,
                max: Self::MAX_DECISION,
            });
        }
        if let Err(e) = Campaign::new("-", self.start_year, self.end_year) {
            problems.push(e);
        }
        problems
    }

    /// The campaign it makes, with the plan's default calendar for every year.
    pub fn campaign(&self) -> Result<Campaign, Vec<InputError>> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        Campaign::new(&self.name, self.start_year, self.end_year).map_err(|e| vec![e])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_campaign_draft_is_checked_before_it_is_stored() {
        let good = CampaignDraft {
            name: " Giai đoạn 2026–2030 ".into(),
            decision: "Kế hoạch số 123/KH-SNN".into(),
            start_year: 2026,
            end_year: 2030,
        };
        assert!(good.problems().is_empty());
        assert_eq!(good.campaign().unwrap().years.len(), 5);
        let bad = CampaignDraft {
            name: "  ".into(),
            decision: "x".repeat(201),
            start_year: 2030,
            end_year: 2026,
        };
        let fields: Vec<Field> = bad.problems().iter().map(|e| e.field()).collect();
        assert_eq!(
            fields,
            [
                Field::CampaignName,
                Field::CampaignDecision,
                Field::CampaignYears
            ]
        );
        assert!(bad.campaign().is_err());
    }

    proptest::proptest! {
        #[test]
        fn any_draft_is_either_a_campaign_or_problems(
            name in ".{0,40}", decision in ".{0,250}", start in 1990i32..2120, span in -3i32..15
        ) {
            let draft = CampaignDraft { name, decision, start_year: start, end_year: start + span };
            match draft.campaign() {
                Ok(c) => proptest::prop_assert!(c.years.len() as i32 == span + 1 && (1..=10).contains(&(span + 1))),
                Err(problems) => proptest::prop_assert!(!problems.is_empty()),
            }
        }
    }

    #[test]
    fn d_1_d_2_d_3_defaults_come_from_the_plan() {
        let y = CampaignYear::with_plan_defaults(2018);
        assert_eq!(y.registration_deadline, ymd(2017, 12, 31));
        assert_eq!(y.bloc_review_deadline, ymd(2018, 9, 30));
        assert_eq!(y.city_submission_deadline, ymd(2018, 11, 30));
    }

    #[test]
    fn e_1_e_2_defaults_come_from_the_plan() {
        let y = CampaignYear::with_plan_defaults(2018);
        assert_eq!(y.checkpoints.six_month, ymd(2018, 6, 30));
        assert_eq!(y.checkpoints.nine_month, ymd(2018, 9, 30));
        assert!(y.checkpoints.annual < y.city_submission_deadline);
        assert_eq!(y.quarterly_selections[0], ymd(2018, 3, 31));
        assert_eq!(y.quarterly_selections[3], ymd(2018, 12, 31));
    }

    #[test]
    fn s_2_quota_defaults_to_three_to_five() {
        let q = CampaignYear::with_plan_defaults(2018).city_quota;
        assert_eq!((q.min(), q.max()), (3, 5));
        assert!(Quota::new(0, 5).is_err());
        assert!(Quota::new(6, 5).is_err());
        assert!(Quota::new(2, 4).is_ok());
    }

    #[test]
    fn campaigns_are_not_hard_wired_to_2017_2020() {
        let c = Campaign::new("Giai đoạn 2026-2030", 2026, 2030).unwrap();
        assert_eq!(c.years.len(), 5);
        assert_eq!(
            c.year(2030).unwrap().registration_deadline,
            ymd(2029, 12, 31)
        );
        assert!(c.year(2031).is_none());
        assert!(Campaign::new("x", 2030, 2026).is_err());
        assert!(Campaign::new("x", 2026, 2040).is_err());
        assert!(Campaign::new("  ", 2026, 2027).is_err());
    }
}
