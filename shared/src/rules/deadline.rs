//! Deadline status for any date (D-1, D-2, D-3, E-2).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How many days ahead a deadline counts as due soon.
pub const DUE_SOON_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DeadlineStatus {
    Done,
    Upcoming { days_left: i64 },
    DueSoon { days_left: i64 },
    Overdue { days_late: i64 },
}

/// Where `today` stands against `deadline`. The deadline day itself is still on time.
pub fn deadline_status(deadline: NaiveDate, today: NaiveDate, done: bool) -> DeadlineStatus {
    if done {
        return DeadlineStatus::Done;
    }
    let days_left = (deadline - today).num_days();
    if days_left < 0 {
        DeadlineStatus::Overdue {
            days_late: -days_left,
        }
    } else if days_left <= DUE_SOON_DAYS {
        DeadlineStatus::DueSoon { days_left }
    } else {
        DeadlineStatus::Upcoming { days_left }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn d_3_city_deadline_statuses() {
        let deadline = d(2026, 11, 30);
        assert_eq!(
            deadline_status(deadline, d(2026, 11, 1), false),
            DeadlineStatus::Upcoming { days_left: 29 }
        );
        assert_eq!(
            deadline_status(deadline, d(2026, 11, 16), false),
            DeadlineStatus::DueSoon { days_left: 14 }
        );
        assert_eq!(
            deadline_status(deadline, deadline, false),
            DeadlineStatus::DueSoon { days_left: 0 }
        );
        assert_eq!(
            deadline_status(deadline, d(2026, 12, 2), false),
            DeadlineStatus::Overdue { days_late: 2 }
        );
        assert_eq!(
            deadline_status(deadline, d(2027, 1, 1), true),
            DeadlineStatus::Done
        );
    }

    proptest! {
        #[test]
        fn status_is_monotonic_in_time(a in 0i64..2000, b in 0i64..2000) {
            let base = d(2020, 1, 1);
            let deadline = base + chrono::Duration::days(1000);
            let rank = |s: DeadlineStatus| match s {
                DeadlineStatus::Upcoming { .. } => 0,
                DeadlineStatus::DueSoon { .. } => 1,
                DeadlineStatus::Overdue { .. } => 2,
                DeadlineStatus::Done => 3,
            };
            let (early, late) = (a.min(b), a.max(b));
            let s1 = deadline_status(deadline, base + chrono::Duration::days(early), false);
            let s2 = deadline_status(deadline, base + chrono::Duration::days(late), false);
            prop_assert!(rank(s1) <= rank(s2));
        }
    }
}
