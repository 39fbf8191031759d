//! Sign-in throttling: how many wrong guesses an account and an address get, and for how
//! long they are then refused.
//!
//! Failures count since the last successful sign-in (of the account, from the address),
//! over [`MEMORY_HOURS`] at most. Past the allowance, sign-ins are refused for
//! [`LOCK_MINUTES`] after the latest *verified* failure, doubling with each further
//! allowance used up (exponential back-off, at most a day). Refused attempts are not
//! recorded, so they neither prolong a lock (nobody can keep a real user out by trying on)
//! nor fill the database. Each attempt is recorded — as a failure — before its password is
//! verified, in the same serialised transaction that counts, so a burst of parallel guesses
//! gets exactly the allowance through, never more.

use chrono::{DateTime, Duration, Utc};

/// Wrong guesses allowed per account, and per client address, before a lock.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_ADDRESS: i64 = 20;
/// The first lock; each further allowance used up doubles it, up to [`MAX_LOCK_MINUTES`].
pub const LOCK_MINUTES: i64 = 15;
pub const MAX_LOCK_MINUTES: i64 = 24 * 60;
/// How far back failures are counted (older attempts are purged).
pub const MEMORY_HOURS: i64 = 24;

/// The failed sign-ins that count: how many, and when the latest was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Failures {
    pub count: i64,
    pub last: Option<DateTime<Utc>>,
}

/// Until when `failures` lock, with `max` allowed (None: not locked by them).
pub fn locked_until(failures: &Failures, max: i64) -> Option<DateTime<Utc>> {
    if max <= 0 || failures.count < max {
        return None;
    }
    // 5–9 failures: 15 minutes after the latest; 10–14: 30; 15–19: 60; …
    let level = u32::try_from((failures.count / max - 1).min(16)).unwrap_or(16);
    let minutes = LOCK_MINUTES
        .saturating_mul(1_i64 << level)
        .min(MAX_LOCK_MINUTES);
    failures.last.map(|t| t + Duration::minutes(minutes))
}

/// Whether a sign-in is refused `now`: the account's failures or the address's lock it.
pub fn is_locked(account: &Failures, address: &Failures, now: DateTime<Utc>) -> bool {
    let locks = [
        locked_until(account, MAX_FAILURES_PER_ACCOUNT),
        locked_until(address, MAX_FAILURES_PER_ADDRESS),
    ];
    locks.into_iter().flatten().any(|until| now < until)
}

/// The address an attempt counts against: an IPv4 address, or an IPv6 address's /64 (one
/// host usually holds a whole /64, so single IPv6 addresses would be free to rotate).
pub fn address_key(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V4(v4) => v4.to_string(),
        std::net::IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// Since when failures count: the last [`MEMORY_HOURS`].
pub fn counted_since(now: DateTime<Utc>) -> DateTime<Utc> {
    now - Duration::hours(MEMORY_HOURS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(minutes_ago: i64, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        Some(now - Duration::minutes(minutes_ago))
    }

    #[test]
    fn five_wrong_guesses_lock_the_account_for_fifteen_minutes_after_the_last() {
        let now = Utc::now();
        let none = Failures::default();
        let four = Failures {
            count: 4,
            last: at(0, now),
        };
        assert!(!is_locked(&four, &none, now));
        let five = Failures {
            count: 5,
            last: at(14, now),
        };
        assert!(is_locked(&five, &none, now));
        let five_earlier = Failures {
            count: 5,
            last: at(16, now),
        };
        assert!(
            !is_locked(&five_earlier, &none, now),
            "the lock ends by itself"
        );
    }

    #[test]
    fn each_further_round_doubles_the_lock_up_to_a_day() {
        let now = Utc::now();
        let round = |count| Failures {
            count,
            last: Some(now),
        };
        let minutes = |count| {
            (locked_until(&round(count), MAX_FAILURES_PER_ACCOUNT).unwrap() - now).num_minutes()
        };
        assert_eq!(minutes(5), 15);
        assert_eq!(minutes(9), 15);
        assert_eq!(minutes(10), 30);
        assert_eq!(minutes(15), 60);
        assert_eq!(minutes(1000), MAX_LOCK_MINUTES);
    }

    #[test]
    fn an_address_has_its_own_allowance() {
        let now = Utc::now();
        let none = Failures::default();
        let many = Failures {
            count: 20,
            last: at(1, now),
        };
        assert!(is_locked(&none, &many, now));
        let some = Failures {
            count: 19,
            last: at(1, now),
        };
        assert!(!is_locked(&none, &some, now));
    }

    #[test]
    fn ipv6_addresses_count_per_64_and_ipv4_per_address() {
        let key = |s: &str| address_key(s.parse().unwrap());
        assert_eq!(key("192.0.2.7"), "192.0.2.7");
        assert_eq!(key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff:1:2:3"), key("2001:db8:1:2::9"));
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
        assert_eq!(key("::ffff:192.0.2.7"), "192.0.2.7");
    }

    proptest! {
        /// Under the allowance nothing locks; a lock always ends, within a day of the
        /// latest verified failure.
        #[test]
        fn a_lock_needs_the_allowance_used_up_and_always_ends(count in 0i64..10_000, ago in 0i64..3000) {
            let now = Utc::now();
            let f = Failures { count, last: at(ago, now) };
            match locked_until(&f, MAX_FAILURES_PER_ACCOUNT) {
                None => prop_assert!(count < MAX_FAILURES_PER_ACCOUNT),
                Some(until) => {
                    prop_assert!(count >= MAX_FAILURES_PER_ACCOUNT);
                    prop_assert!(until <= f.last.unwrap() + Duration::minutes(MAX_LOCK_MINUTES));
                    prop_assert!(until >= f.last.unwrap() + Duration::minutes(LOCK_MINUTES));
                }
            }
        }
    }
}
