//! Vietnamese text helpers: accent-insensitive search and the order Vietnamese lists use.

use std::cmp::Ordering;

mod decompositions;

const GRAVE: char = '\u{300}';
const ACUTE: char = '\u{301}';
const CIRCUMFLEX: char = '\u{302}';
const TILDE: char = '\u{303}';
const BREVE: char = '\u{306}';
const HOOK: char = '\u{309}';
const HORN: char = '\u{31B}';
const DOT_BELOW: char = '\u{323}';

/// Whether `c` is a combining diacritical mark of the blocks Latin text uses (a letter
/// typed as its base and a mark, as some Vietnamese keyboards send it).
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// `c`'s canonical decomposition, when it is a Latin letter with diacritics (every
/// Vietnamese one): its base letter, its mark, and a second mark or `'\0'`.
fn decompose(c: char) -> Option<(char, char, char)> {
    let code = u16::try_from(u32::from(c)).ok()?;
    let table = decompositions::LATIN;
    let (_, base, first, second) = table[table.binary_search_by_key(&code, |row| row.0).ok()?];
    let char_of = |code: u16| char::from_u32(u32::from(code)).unwrap_or('\0');
    Some((char_of(base), char_of(first), char_of(second)))
}

/// `text` with its Latin letters decomposed into base letter and marks (Unicode's NFD for
/// the Latin blocks; letters of other scripts stay as they are).
fn decomposed(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(|c| {
        let (parts, n) = match decompose(c) {
            Some((base, first, '\0')) => ([base, first, '\0'], 2),
            Some((base, first, second)) => ([base, first, second], 3),
            None => ([c, '\0', '\0'], 1),
        };
        parts.into_iter().take(n)
    })
}

/// Folds text for accent-insensitive search: lower case, no diacritics, `đ` → `d`,
/// runs of white space collapsed. "Nguyễn Văn An" and "nguyen van an" fold alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if is_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        // Lower case first: the base of a lower-case letter is lower case ("İ" becomes "i"
        // and a dot above, which goes).
        for lower in c.to_lowercase().filter(|l| !is_mark(*l)) {
            out.push(match lower {
                'đ' => 'd',
                lower => decompose(lower).map_or(lower, |(base, _, _)| base),
            });
        }
    }
    out
}

/// True when every word of `query` occurs in `text`, ignoring case and accents.
pub fn matches_search(text: &str, query: &str) -> bool {
    let haystack = fold(text);
    fold(query).split(' ').all(|word| haystack.contains(word))
}

/// The Vietnamese alphabet's order of a letter (with its vowel marks), and its tone.
/// Letters outside the alphabet sort by code point after it.
fn letter_key(base: char, marks: &[char]) -> (u32, u8) {
    let has = |m| marks.contains(&m);
    let lower = base.to_lowercase().next().unwrap_or(base);
    let letter = match (lower, has(BREVE), has(CIRCUMFLEX), has(HORN)) {
        ('a', true, _, _) => "ă",
        ('a', _, true, _) => "â",
        ('e', _, true, _) => "ê",
        ('o', _, true, _) => "ô",
        ('o', _, _, true) => "ơ",
        ('u', _, _, true) => "ư",
        _ => "",
    };
    const ALPHABET: [&str; 29] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô",
        "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
    ];
    let mut buf = [0u8; 4];
    let name = if letter.is_empty() {
        lower.encode_utf8(&mut buf)
    } else {
        letter
    };
    let primary = match ALPHABET.iter().position(|l| *l == name) {
        Some(i) => i as u32,
        None => match lower {
            'f' | 'j' | 'w' | 'z' => 100 + lower as u32,
            _ => 1000 + lower as u32,
        },
    };
    // Tone order: level (none), grave, hook, tilde, acute, dot below.
    let tone = if has(GRAVE) {
        1
    } else if has(HOOK) {
        2
    } else if has(TILDE) {
        3
    } else if has(ACUTE) {
        4
    } else if has(DOT_BELOW) {
        5
    } else {
        0
    };
    (primary, tone)
}

/// A collation key for one word or phrase: letters first, tones only to break ties.
fn collation_key(text: &str) -> (Vec<u32>, Vec<u8>) {
    let mut letters = Vec::new();
    let mut tones = Vec::new();
    let mut chars = decomposed(text).peekable();
    while let Some(c) = chars.next() {
        if is_mark(c) {
            continue;
        }
        let mut marks = Vec::new();
        while let Some(&m) = chars.peek() {
            if !is_mark(m) {
                break;
            }
            marks.push(m);
            chars.next();
        }
        let (primary, tone) = match c {
            // Index of "đ" in the alphabet, shifted like every letter (0 is the space).
            'đ' | 'Đ' => (7, 0),
            ' ' => (0, 0),
            c => {
                let (p, t) = letter_key(c, &marks);
                (p + 1, t)
            }
        };
        letters.push(primary);
        tones.push(tone);
    }
    (letters, tones)
}

/// Compares two strings in Vietnamese alphabetical order.
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    let (la, ta) = collation_key(a.trim());
    let (lb, tb) = collation_key(b.trim());
    la.cmp(&lb).then(ta.cmp(&tb)).then_with(|| a.cmp(b))
}

/// Compares two people's full names the way Vietnamese lists order them: by given name
/// (the last word), then by family and middle names.
pub fn compare_person_names(a: &str, b: &str) -> Ordering {
    let split = |s: &str| {
        let s = s.trim();
        match s.rsplit_once(char::is_whitespace) {
            Some((rest, given)) => (given.to_string(), rest.trim().to_string()),
            None => (s.to_string(), String::new()),
        }
    };
    let (ga, ra) = split(a);
    let (gb, rb) = split(b);
    compare_vi(&ga, &gb)
        .then_with(|| compare_vi(&ra, &rb))
        .then_with(|| a.cmp(b))
}

/// Reads a date as Vietnamese users write it: day, month, year ("30/06/2026", "1/7/2026",
/// "30-06-2026", "30.06.2026"), or the ISO form "2026-06-30". Blank is `Ok(None)`; anything
/// else that is not a real calendar date is `Err(())`.
#[allow(clippy::result_unit_err)]
pub fn parse_date(text: &str) -> Result<Option<chrono::NaiveDate>, ()> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    let number = |s: &str| -> Result<u32, ()> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(());
        }
        s.parse().map_err(|_| ())
    };
    let (day, month, year) = match parts.as_slice() {
        [y, m, d] if y.len() == 4 => (number(d)?, number(m)?, number(y)?),
        [d, m, y] if y.len() == 4 => (number(d)?, number(m)?, number(y)?),
        _ => return Err(()),
    };
    let year = i32::try_from(year).map_err(|_| ())?;
    chrono::NaiveDate::from_ymd_opt(year, month, day)
        .map(Some)
        .ok_or(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn search_folds_accents_case_and_d_stroke() {
        assert_eq!(fold("Nguyễn Văn An"), "nguyen van an");
        assert_eq!(fold("ĐẶNG  Thị\tĐào"), "dang thi dao");
        assert!(matches_search("Nguyễn Văn An", "nguyen van an"));
        assert!(matches_search(
            "Hợp tác xã Nông nghiệp Phước An",
            "phuoc  AN"
        ));
        assert!(matches_search("Đặng Văn Hùng", "dang hung"));
        assert!(!matches_search("Nguyễn Văn An", "nguyen van binh"));
    }

    #[test]
    fn vietnamese_alphabet_order() {
        let mut words = vec![
            "đào", "dung", "ăn", "an", "ân", "bé", "ơn", "ô", "o", "ưu", "uy",
        ];
        words.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(
            words,
            ["an", "ăn", "ân", "bé", "dung", "đào", "o", "ô", "ơn", "uy", "ưu"]
        );
    }

    #[test]
    fn tones_break_ties_in_the_conventional_order() {
        let mut words = vec!["mạ", "má", "mã", "mả", "mà", "ma"];
        words.sort_by(|a, b| compare_vi(a, b));
        assert_eq!(words, ["ma", "mà", "mả", "mã", "má", "mạ"]);
    }

    #[test]
    fn people_are_listed_by_given_name_then_family_and_middle_names() {
        let mut names = vec![
            "Trần Văn Bình",
            "Nguyễn Văn An",
            "Lê Thị An",
            "Đặng Văn Hùng",
            "Bùi Ánh",
        ];
        names.sort_by(|a, b| compare_person_names(a, b));
        assert_eq!(
            names,
            [
                "Lê Thị An",
                "Nguyễn Văn An",
                "Bùi Ánh",
                "Trần Văn Bình",
                "Đặng Văn Hùng"
            ]
        );
    }

    /// Unicode's canonical decomposition (the `unicode-normalization` crate, a test
    /// dependency only): what the Latin table must agree with.
    fn nfd(text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        text.nfd().collect()
    }

    /// `fold` as it was written over the whole of Unicode's tables: the oracle for Latin
    /// and Vietnamese text.
    fn fold_by_nfd(text: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in nfd(text).chars() {
            if unicode_normalization::char::is_combining_mark(c) {
                continue;
            }
            if c.is_whitespace() {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(' ');
                space = false;
            }
            match c {
                'đ' | 'Đ' => out.push('d'),
                c => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    /// Every letter of the Latin blocks, precomposed, and the marks they decompose into.
    fn latin_blocks() -> impl Iterator<Item = char> {
        ('\u{C0}'..='\u{24F}').chain('\u{1E00}'..='\u{1EFF}')
    }

    #[test]
    fn the_latin_table_is_unicode_s_canonical_decomposition() {
        for c in latin_blocks() {
            let ours: String = decomposed(&c.to_string()).collect();
            assert_eq!(ours, nfd(&c.to_string()), "U+{:04X}", u32::from(c));
        }
        for c in '\u{0}'..='\u{24F}' {
            assert!(!is_mark(c), "U+{:04X}", u32::from(c));
        }
        // Every mark of these blocks (some of their code points are not assigned yet).
        for c in ('\u{300}'..='\u{36F}')
            .chain('\u{1AB0}'..='\u{1AFF}')
            .chain('\u{1DC0}'..='\u{1DFF}')
        {
            if unicode_normalization::char::is_combining_mark(c) {
                assert!(is_mark(c), "U+{:04X}", u32::from(c));
            }
        }
    }

    #[test]
    fn every_vietnamese_letter_folds_to_its_base() {
        let upper = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ";
        let folded = fold(upper);
        assert_eq!(folded, fold_by_nfd(upper));
        assert_eq!(
            folded,
            "aaaaaaaaaaaaaaaaadeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyy"
        );
        assert_eq!(fold(&upper.to_lowercase()), folded);
        // Typed as base letters and marks.
        assert_eq!(fold(&nfd(upper)), folded);
    }

    proptest! {
        #[test]
        fn folding_agrees_with_unicode_s_tables_on_latin_and_vietnamese_text(
            s in "[a-zA-Z0-9 \t\u{C0}-\u{24F}\u{1E00}-\u{1EFF}\u{300}-\u{36F}.,-]{0,24}"
        ) {
            prop_assert_eq!(fold(&s), fold_by_nfd(&s));
            prop_assert_eq!(fold(&nfd(&s)), fold_by_nfd(&s));
        }

        #[test]
        fn precomposed_latin_text_decomposes_as_unicode_says(
            s in "[a-zA-Z0-9 \u{C0}-\u{24F}\u{1E00}-\u{1EFF}]{0,24}"
        ) {
            // So the Vietnamese order (`compare_vi`) sees the letters and marks it saw.
            prop_assert_eq!(decomposed(&s).collect::<String>(), nfd(&s));
        }

        #[test]
        fn folding_never_panics_and_is_idempotent(s in ".*") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn ordering_is_a_total_order(a in "\\PC{0,12}", b in "\\PC{0,12}", c in "\\PC{0,12}") {
            let ab = compare_person_names(&a, &b);
            prop_assert_eq!(ab, compare_person_names(&b, &a).reverse());
            if ab != Ordering::Greater && compare_person_names(&b, &c) != Ordering::Greater {
                prop_assert_ne!(compare_person_names(&a, &c), Ordering::Greater);
            }
            prop_assert_eq!(compare_vi(&a, &a), Ordering::Equal);
        }
    }

    #[test]
    fn dates_are_read_day_first_or_iso() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 6, 30);
        assert_eq!(parse_date("30/06/2026"), Ok(d));
        assert_eq!(parse_date(" 30-6-2026 "), Ok(d));
        assert_eq!(parse_date("30.06.2026"), Ok(d));
        assert_eq!(parse_date("2026-06-30"), Ok(d));
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(parse_date("31/06/2026"), Err(()), "June has 30 days");
        assert_eq!(parse_date("06/30/26"), Err(()));
        assert_eq!(parse_date("hôm qua"), Err(()));
        assert_eq!(parse_date("+1/2/2026"), Err(()));
    }

    proptest! {
        #[test]
        fn a_formatted_date_reads_back(days in 0i64..40_000) {
            let date = chrono::NaiveDate::from_ymd_opt(1990, 1, 1).unwrap() + chrono::Duration::days(days);
            prop_assert_eq!(parse_date(&crate::i18n::format_date(date)), Ok(Some(date)));
        }

        #[test]
        fn reading_a_date_never_panics(s in ".{0,20}") {
            let _ = parse_date(&s);
        }
    }
}
