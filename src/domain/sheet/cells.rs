//! One cell's text as the form would hold it: the words and codes people write in their own
//! spreadsheets (有/無, ○/×, 要介護3, 2級, 外来, 平成14年5月, an Excel date serial) turned into
//! the form's text, so that the form's own parse and checks judge the value.

use crate::domain::forms::input::fold_width;

/// The cell trimmed, widths folded for digits and signs only where the value is a code.
fn folded(raw: &str) -> String {
    fold_width(raw.trim()).replace([' ', '　'], "")
}

/// A number written as Excel writes whole numbers (`3`, `3.0`, `3.00` → `3`).
fn whole(text: &str) -> String {
    match text.split_once('.') {
        Some((int, frac)) if !int.is_empty() && frac.bytes().all(|b| b == b'0') => int.to_string(),
        _ => text.to_string(),
    }
}

/// 1 有 / 0 無 / blank 不明 (also あり・なし, ○・×, はい・いいえ); anything else is left as
/// written for the form to refuse.
pub fn yes_no(raw: &str) -> String {
    let t = folded(raw);
    match t.as_str() {
        "有" | "有り" | "あり" | "○" | "〇" | "◯" | "はい" | "true" => "1".to_string(),
        "無" | "無し" | "なし" | "×" | "✕" | "いいえ" | "false" => "0".to_string(),
        _ => whole(&t),
    }
}

/// A code of the form (ADL, 受診形態, 介護度, 手帳の級, 区分, 受け入れ), given as the code or
/// as its words.
pub fn code(raw: &str, words: &[(&str, &str)]) -> String {
    let t = folded(raw);
    for (word, code) in words {
        if t == *word {
            return (*code).to_string();
        }
    }
    let t = t.trim_end_matches(['級', '度']).trim_start_matches("区分").to_string();
    whole(&t)
}

/// ADL in words.
pub const ADL_WORDS: [(&str, &str); 4] = [("自立", "1"), ("一部介助", "2"), ("全面介助", "3"), ("全介助", "3")];
/// 受診形態 in words.
pub const VISIT_WORDS: [(&str, &str); 5] =
    [("外来", "1"), ("通院", "1"), ("往診", "2"), ("訪問診療", "2"), ("なし", "0")];
/// 介護保険（介護度） in words.
pub const CARE_WORDS: [(&str, &str); 11] = [
    ("要支援1", "11"),
    ("要支援2", "12"),
    ("要介護1", "1"),
    ("要介護2", "2"),
    ("要介護3", "3"),
    ("要介護4", "4"),
    ("要介護5", "5"),
    ("なし", "0"),
    ("非該当", "0"),
    ("未申請", "0"),
    ("申請なし", "0"),
];
/// 身体障害者手帳・障害支援区分 in words.
pub const GRADE_WORDS: [(&str, &str); 3] = [("なし", "0"), ("非該当", "0"), ("該当なし", "0")];
/// 様式3 (10)(11) 今後の受け入れ in words.
pub const INTAKE_WORDS: [(&str, &str); 4] = [("可能", "2"), ("検討可", "1"), ("不可能", "0"), ("不可", "0")];

/// A 「なしは0・不明は空白」 cell: (state, text) for the form's three-state field.
pub fn tri_text(raw: &str) -> (&'static str, String) {
    use crate::domain::forms::input::{STATE_NONE, STATE_UNKNOWN, STATE_VALUE};
    let text = raw.trim();
    match folded(text).as_str() {
        "" => (STATE_UNKNOWN, String::new()),
        "0" | "なし" | "無" | "無し" => (STATE_NONE, String::new()),
        _ => (STATE_VALUE, text.replace("\r\n", "\n")),
    }
}

/// The days from 1970-01-01 to a date of the proleptic Gregorian calendar, inverted.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// An Excel date serial (days since 1899-12-30; serials from 1900-03-01 on, which covers
/// every onset a nurse records) as (year, month, day); `None` when the text is not one.
pub fn excel_serial_date(text: &str) -> Option<(i64, u32, u32)> {
    let value: f64 = text.parse().ok()?;
    if !(10_000.0..=80_000.0).contains(&value) {
        return None;
    }
    // 25569 is 1970-01-01.
    Some(civil_from_days(value.floor() as i64 - 25_569))
}

/// The first year of each 元号, with its names.
const ERAS: [(&[&str], i64); 5] = [
    (&["令和", "r"], 2019),
    (&["平成", "h"], 1989),
    (&["昭和", "s"], 1926),
    (&["大正", "t"], 1912),
    (&["明治", "m"], 1868),
];

/// 和暦 (`平成14年5月`, `H14.5`, `R3`, `令和元年`) as 西暦 `2002年5月` / `2021年`; `None` when
/// the text does not start with an era.
pub fn wareki(raw: &str) -> Option<String> {
    let t = folded(raw).to_lowercase();
    let (rest, base) = ERAS
        .iter()
        .find_map(|(names, base)| names.iter().find_map(|n| t.strip_prefix(n)).map(|rest| (rest.to_string(), *base)))?;
    let rest = rest.replacen("元", "1", 1);
    let nums: Vec<i64> =
        rest.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    match nums.as_slice() {
        [y] => Some(format!("{}年", base + y - 1)),
        [y, m, ..] => Some(format!("{}年{}月", base + y - 1, m)),
        _ => None,
    }
}

/// 発症時期 as the form reads it: an Excel date serial or 和暦 becomes 西暦 年月; anything
/// else is left as written.
pub fn onset(raw: &str) -> String {
    let t = raw.trim();
    if let Some((y, m, _)) = excel_serial_date(t) {
        return format!("{y}年{m}月");
    }
    wareki(t).unwrap_or_else(|| t.to_string())
}

/// 年齢: (mode, text). 1–4 are the 年齢区分 codes (no one aged 1 to 4 is on this list);
/// 「66歳」 reads as 66.
pub fn age(raw: &str) -> (&'static str, String) {
    use crate::domain::forms::patient_form::{AGE_BAND, AGE_YEARS};
    let t = whole(folded(raw).trim_end_matches(['歳', '才']));
    match t.as_str() {
        "1" | "2" | "3" | "4" => (AGE_BAND, t),
        _ => (AGE_YEARS, t),
    }
}

/// 災害時個別支援計画: (state, year text). The paper form leaves the cell blank when there is
/// no plan and writes the year it was made (`1` when that is unknown).
pub fn disaster_plan(raw: &str) -> (&'static str, String) {
    use crate::domain::forms::input::{STATE_NONE, STATE_VALUE};
    let t = folded(raw);
    match t.as_str() {
        "" | "0" | "なし" | "無" => (STATE_NONE, String::new()),
        "1" | "あり" | "有" => (STATE_VALUE, String::new()),
        _ => {
            let year = wareki(&t).unwrap_or_else(|| whole(&t));
            (STATE_VALUE, year.trim_end_matches(['年', '度']).to_string())
        }
    }
}

/// 医療保険加算届出 in the paper form's one column: (24時間対応体制加算, 特別管理加算) as
/// yes/no texts; `None` when the cell does not read as `1`, `2`, both, or `0`.
pub fn additions(raw: &str) -> Option<(String, String)> {
    let t = folded(raw);
    if t.is_empty() {
        return Some((String::new(), String::new()));
    }
    let codes: Vec<&str> = t.split([',', '、', '・', '/']).filter(|s| !s.is_empty()).collect();
    let mut h24 = false;
    let mut special = false;
    for c in &codes {
        match whole(c).as_str() {
            "1" => h24 = true,
            "2" => special = true,
            "12" | "3" => {
                h24 = true;
                special = true;
            }
            "0" => {}
            _ => return None,
        }
    }
    let yn = |b: bool| if b { "1" } else { "0" }.to_string();
    Some((yn(h24), yn(special)))
}

#[cfg(test)]
#[path = "cells_tests.rs"]
mod tests;
