//! Numbers, dates and times as Vietnamese write them, in both languages.

use chrono::{Datelike, NaiveDate};

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

/// Points in thousandths as Vietnamese write them, to two decimals: 7250 → "7,25".
pub fn format_points(milli: i64) -> String {
    let hundredths = (milli + 5) / 10;
    format!("{},{:02}", hundredths / 100, hundredths % 100)
}

/// A whole number as Vietnamese write it, thousands grouped by dots: 1234 → "1.234".
pub fn format_int(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Dates are written dd/MM/yyyy in both languages, as Vietnamese documents write them.
pub fn format_date(date: NaiveDate) -> String {
    format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_group_thousands_with_dots() {
        assert_eq!(format_int(0), "0");
        assert_eq!(format_int(999), "999");
        assert_eq!(format_int(1234), "1.234");
        assert_eq!(format_int(10_000), "10.000");
        assert_eq!(format_int(1_234_567), "1.234.567");
        assert_eq!(format_int(-1234), "-1.234");
    }

    #[test]
    fn timestamps_are_shown_in_vietnam_time() {
        assert_eq!(
            format_timestamp("2026-11-29T17:05:09.123456Z"),
            "30/11/2026 00:05:09"
        );
        assert_eq!(format_timestamp("garbage"), "garbage");
    }

    #[test]
    fn dates_are_dd_mm_yyyy() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(format_date(d), "07/03/2026");
    }
}

/// A file's size as Vietnamese write it, in KB or MB (1024-based) with a decimal comma:
/// 1_572_864 → "1,5 MB", 20_480 → "20 KB".
pub fn format_bytes(bytes: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if bytes == 0 {
        return "0 KB".into();
    }
    let tenths = |unit: u64| (bytes * 10 + unit / 2) / unit;
    let (value, unit) = if bytes >= MIB {
        (tenths(MIB), "MB")
    } else {
        (tenths(KIB).max(1), "KB")
    };
    if value % 10 == 0 {
        format!("{} {unit}", value / 10)
    } else {
        format!("{},{} {unit}", value / 10, value % 10)
    }
}

#[cfg(test)]
mod bytes_tests {
    use super::format_bytes;

    #[test]
    fn sizes_read_as_vietnamese_write_them() {
        assert_eq!(format_bytes(10 * 1024 * 1024), "10 MB");
        assert_eq!(format_bytes(1_572_864), "1,5 MB");
        assert_eq!(format_bytes(20 * 1024), "20 KB");
        assert_eq!(format_bytes(3), "0,1 KB");
        assert_eq!(format_bytes(0), "0 KB");
    }
}
