//! 入力の読み取り: the shared rules for text typed into the 様式1 and 様式3 forms.
//!
//! Every form holds what the nurse typed as text; these helpers turn one field's text into a
//! value or add a finding (naming the field in Japanese) to [`Issues`]. Blank is always
//! 未入力（不明）and never becomes 0.

use crate::domain::issues::Issues;
use crate::domain::number::{Decimal2, NumberError};
use crate::domain::tri::Tri;

/// Three-state control value: 記入 (a value). The UI widget `TriText` uses these strings.
pub const STATE_VALUE: &str = "value";
/// Three-state control value: なし（0）.
pub const STATE_NONE: &str = "none";
/// Three-state control value: 不明（空白）.
pub const STATE_UNKNOWN: &str = "unknown";

/// Yes/no text: 1 有.
pub const YES: &str = "1";
/// Yes/no text: 0 無.
pub const NO: &str = "0";

/// One choice of a radio group or `<select>`: (form text, label). Every option list the
/// forms offer is a list of these, written here in the domain.
pub type Choice = (&'static str, &'static str);

/// The label of the blank choice wherever the paper form leaves the cell blank for 不明.
pub const BLANK_LABEL: &str = "不明（空白）";

/// Choices for every 1 有 / 0 無 / 不明 field (様式1).
pub const YES_NO_OPTIONS: [Choice; 3] = [(YES, "1 有"), (NO, "0 無"), ("", BLANK_LABEL)];

/// 様式3 (6)(8)(9): 1 あり / 0 なし / 不明.
pub const PRESENT_OPTIONS: [Choice; 3] = [(YES, "1 あり"), (NO, "0 なし"), ("", BLANK_LABEL)];

/// 様式3 (7): 1 届出あり / 0 届出なし / 不明.
pub const NOTIFIED_OPTIONS: [Choice; 3] = [(YES, "1 届出あり"), (NO, "0 届出なし"), ("", BLANK_LABEL)];

/// The three states of the seed's 「なしは0・不明は空白」 fields: 記入 / なし（0）/ 不明（空白）.
pub const TRI_STATE_OPTIONS: [Choice; 3] =
    [(STATE_VALUE, "記入"), (STATE_NONE, "なし（0）"), (STATE_UNKNOWN, BLANK_LABEL)];

/// The choice a key picks in a group answering to the digit keys: the choice whose form text
/// is the key (`1`, `0`, …), or 不明 (the blank choice) for Delete and Backspace when the
/// group has one. `None`: the key picks nothing.
pub fn choice_for_key<'a>(values: &[&'a str], key: &str) -> Option<&'a str> {
    match key {
        "Delete" | "Backspace" => values.iter().find(|v| v.is_empty()).copied(),
        k => values.iter().find(|v| !v.is_empty() && **v == k).copied(),
    }
}

/// The state a key picks in a 記入 / なし（0）/ 不明 group: 0 → なし（0）, Delete and
/// Backspace → 不明（空白）, 1–9 → 記入 (the digit is the start of the value).
pub fn tri_state_for_key(key: &str) -> Option<&'static str> {
    match key {
        "0" | "０" => Some(STATE_NONE),
        "Delete" | "Backspace" => Some(STATE_UNKNOWN),
        k if k.chars().count() == 1 && k.chars().all(|c| c.is_ascii_digit()) => Some(STATE_VALUE),
        _ => None,
    }
}

/// Longest one-line text (名称, 機関名, 住所 …), in characters.
pub const MAX_SHORT_TEXT: usize = 100;
/// Longest free description (使用医療機器, 在宅でのレスパイト, 最終把握時期 …), in characters.
pub const MAX_LONG_TEXT: usize = 1_000;

/// The form text of a yes/no value: `"1"`, `"0"` or `""`.
pub fn yes_no_text(value: Option<bool>) -> String {
    match value {
        Some(true) => YES.to_string(),
        Some(false) => NO.to_string(),
        None => String::new(),
    }
}

/// The state string of a three-state value.
pub fn tri_state<T>(value: &Tri<T>) -> &'static str {
    match value {
        Tri::Value(_) => STATE_VALUE,
        Tri::None => STATE_NONE,
        Tri::Unknown => STATE_UNKNOWN,
    }
}

/// Full-width digits and signs to ASCII, trimmed (for codes and yes/no text).
fn code_text(text: &str) -> String {
    crate::domain::number::normalize_number_text(text)
}

/// Why a typed number was refused, with the hint the form needs.
pub fn number_message(error: &NumberError, whole: bool) -> String {
    match error {
        NumberError::NotANumber => "数字で入力してください（不明なら空欄、なしなら0）".to_string(),
        NumberError::Negative => "0以上の数を入力してください".to_string(),
        NumberError::NotWhole => "整数で入力してください".to_string(),
        NumberError::TooManyDecimals if whole => "整数で入力してください".to_string(),
        NumberError::TooManyDecimals => "小数点以下は2桁までで入力してください".to_string(),
        NumberError::TooLarge => "大きすぎる数です".to_string(),
    }
}

/// Strips one trailing unit (`人`, `ヵ所`, `回` …) from a number as typed.
fn strip_unit<'a>(text: &'a str, units: &[&str]) -> &'a str {
    let t = text.trim();
    for unit in units {
        if let Some(rest) = t.strip_suffix(unit) {
            return rest.trim_end();
        }
    }
    t
}

/// A whole, non-negative number at most `max`: blank → `None`. A trailing unit from
/// `units` is accepted. Fractions are refused.
pub fn parse_whole(text: &str, max: u64, units: &[&str], field: &str, label: &str, issues: &mut Issues) -> Option<u64> {
    let t = strip_unit(text, units);
    if text.trim().is_empty() {
        return None;
    }
    if t.is_empty() {
        issues.error(field, label, "数字を入力してください");
        return None;
    }
    match Decimal2::parse(t) {
        Err(e) => {
            issues.error(field, label, number_message(&e, true));
            None
        }
        Ok(d) if d.0 % 100 != 0 => {
            issues.error(field, label, "整数で入力してください");
            None
        }
        Ok(d) if d.0 / 100 > max => {
            issues.error(field, label, format!("0〜{max}で入力してください"));
            None
        }
        Ok(d) => Some(d.0 / 100),
    }
}

/// A non-negative decimal with at most two places, at most `max`: blank → `None`.
pub fn parse_decimal(
    text: &str,
    max: Decimal2,
    units: &[&str],
    field: &str,
    label: &str,
    issues: &mut Issues,
) -> Option<Decimal2> {
    let t = strip_unit(text, units);
    if text.trim().is_empty() {
        return None;
    }
    if t.is_empty() {
        issues.error(field, label, "数字を入力してください");
        return None;
    }
    match Decimal2::parse(t) {
        Err(e) => {
            issues.error(field, label, number_message(&e, false));
            None
        }
        Ok(d) if d > max => {
            issues.error(field, label, format!("0〜{max}で入力してください"));
            None
        }
        Ok(d) => Some(d),
    }
}

/// The value of a decimal field if it reads cleanly (for live previews; no findings).
pub fn peek_decimal(text: &str, units: &[&str]) -> Option<Decimal2> {
    let t = strip_unit(text, units);
    if t.is_empty() {
        return None;
    }
    Decimal2::parse(t).ok()
}

/// How a number field reads as typed, for the mark beside it: blank is 未入力（不明）, `0`
/// is 0 (なし) — never the same thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryState {
    /// 空欄: 未入力（不明）
    Unentered,
    /// 0
    Zero,
    /// Another value (or text that does not read; the field's own message says so).
    Value,
}

impl EntryState {
    /// The mark shown beside the field (`""` for a value).
    pub fn mark(self) -> &'static str {
        match self {
            EntryState::Unentered => "未入力（不明）",
            EntryState::Zero => "0（なし）",
            EntryState::Value => "",
        }
    }

    /// A key for styling (`unentered`, `zero`, `value`).
    pub fn key(self) -> &'static str {
        match self {
            EntryState::Unentered => "unentered",
            EntryState::Zero => "zero",
            EntryState::Value => "value",
        }
    }
}

/// The [`EntryState`] of a number field; a trailing unit from `units` is accepted.
pub fn entry_state(text: &str, units: &[&str]) -> EntryState {
    if text.trim().is_empty() {
        EntryState::Unentered
    } else if peek_decimal(text, units) == Some(Decimal2::ZERO) {
        EntryState::Zero
    } else {
        EntryState::Value
    }
}

#[cfg(test)]
mod entry_state_tests {
    use super::*;

    #[test]
    fn blank_zero_and_values_differ() {
        assert_eq!(entry_state("", &[]), EntryState::Unentered);
        assert_eq!(entry_state("  ", &[]), EntryState::Unentered);
        assert_eq!(entry_state("0", &[]), EntryState::Zero);
        assert_eq!(entry_state("０人", &["人"]), EntryState::Zero);
        assert_eq!(entry_state("0.00", &[]), EntryState::Zero);
        assert_eq!(entry_state("12", &[]), EntryState::Value);
        assert_eq!(entry_state("abc", &[]), EntryState::Value);
        assert_eq!(EntryState::Unentered.mark(), "未入力（不明）");
        assert_eq!(EntryState::Zero.mark(), "0（なし）");
        assert_eq!(EntryState::Value.mark(), "");
    }
}

/// A yes/no field: `1` → 有, `0` → 無, blank → 不明. `有`/`無`/`あり`/`なし` are accepted too.
pub fn parse_yes_no(text: &str, field: &str, label: &str, issues: &mut Issues) -> Option<bool> {
    match code_text(text).as_str() {
        "" => None,
        "1" | "有" | "あり" => Some(true),
        "0" | "無" | "なし" => Some(false),
        _ => {
            issues.error(field, label, "1（有）か0（無）で入力してください（不明なら空欄）");
            None
        }
    }
}

/// A numeric code from a fixed list: blank → `None`; anything else not in `allowed` is
/// refused with `rule` (which says what the codes are).
pub fn parse_code(text: &str, allowed: &[u8], rule: &str, field: &str, label: &str, issues: &mut Issues) -> Option<u8> {
    let t = code_text(text);
    if t.is_empty() {
        return None;
    }
    match t.parse::<u8>() {
        Ok(code) if allowed.contains(&code) => Some(code),
        _ => {
            issues.error(field, label, rule);
            None
        }
    }
}

/// A one-line text: trimmed, at most [`MAX_SHORT_TEXT`] characters, no line breaks.
pub fn parse_short_text(text: &str, field: &str, label: &str, issues: &mut Issues) -> String {
    parse_text(text, MAX_SHORT_TEXT, false, field, label, issues)
}

/// A free description: line breaks normalised to `\n`, trimmed, at most [`MAX_LONG_TEXT`]
/// characters.
pub fn parse_long_text(text: &str, field: &str, label: &str, issues: &mut Issues) -> String {
    parse_text(text, MAX_LONG_TEXT, true, field, label, issues)
}

/// A text of at most `max` characters; `multiline` allows line breaks and tabs.
pub fn parse_text(text: &str, max: usize, multiline: bool, field: &str, label: &str, issues: &mut Issues) -> String {
    let t = text.replace("\r\n", "\n").replace('\r', "\n");
    let t = t.trim();
    let len = t.chars().count();
    if len > max {
        issues.error(field, label, format!("{max}文字までで入力してください（現在{len}文字）"));
    }
    if multiline {
        if t.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            issues.error(field, label, "使えない制御文字が含まれています");
        }
    } else if t.chars().any(char::is_control) {
        issues.error(field, label, "改行や制御文字は使えません");
    }
    t.to_string()
}

/// A three-state text (機関名 with なし → 0, 不明 → 空白): `state` is [`STATE_VALUE`],
/// [`STATE_NONE`] or [`STATE_UNKNOWN`]. With 記入, the text `0`/`なし` means なし (as on the
/// paper form) and a blank text is an error; an empty state reads the text as the workbook
/// does (blank → 不明, `0` → なし). The text of なし/不明 is ignored (kept in the form only).
pub fn parse_tri_text(
    state: &str,
    text: &str,
    multiline: bool,
    field: &str,
    label: &str,
    issues: &mut Issues,
) -> Tri<String> {
    match state {
        STATE_NONE => Tri::None,
        STATE_UNKNOWN => Tri::Unknown,
        STATE_VALUE | "" => {
            let max = if multiline { MAX_LONG_TEXT } else { MAX_SHORT_TEXT };
            let t = parse_text(text, max, multiline, field, label, issues);
            match Tri::from_cell(&t) {
                Tri::Unknown if state == STATE_VALUE => {
                    issues.error(field, label, "内容を入力するか、「なし（0）」か「不明（空白）」を選んでください");
                    Tri::Unknown
                }
                other => other,
            }
        }
        _ => {
            issues.error(field, label, "「記入」「なし（0）」「不明（空白）」から選んでください");
            Tri::Unknown
        }
    }
}

/// Folds the widths a nurse may type differently, for searching and comparing IDs:
/// full-width ASCII letters, digits and signs → half-width; the ideographic space → a space;
/// half-width katakana → full-width (with ﾞ/ﾟ joined: ｶﾞ → ガ); Latin letters to lower case.
pub fn fold_width(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let code = c as u32;
        match c {
            '\u{FF01}'..='\u{FF5E}' => {
                if let Some(a) = char::from_u32(code - 0xFEE0) {
                    out.push(a.to_ascii_lowercase());
                }
            }
            '\u{3000}' => out.push(' '),
            '\u{FF61}'..='\u{FF9F}' => {
                let base = halfwidth_kana(c);
                match chars.peek() {
                    Some('\u{FF9E}') => {
                        if let Some(voiced) = voiced(base) {
                            out.push(voiced);
                            chars.next();
                        } else {
                            out.push(base);
                        }
                    }
                    Some('\u{FF9F}') => {
                        if let Some(semi) = semi_voiced(base) {
                            out.push(semi);
                            chars.next();
                        } else {
                            out.push(base);
                        }
                    }
                    _ => out.push(base),
                }
            }
            _ => out.push(c.to_ascii_lowercase()),
        }
    }
    out
}

/// Half-width katakana (U+FF61–U+FF9F) → full-width.
fn halfwidth_kana(c: char) -> char {
    const TABLE: &str = "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";
    let index = (c as u32).wrapping_sub(0xFF61) as usize;
    TABLE.chars().nth(index).unwrap_or(c)
}

/// カ → ガ etc. (and ウ → ヴ).
fn voiced(c: char) -> Option<char> {
    match c {
        'カ' | 'キ' | 'ク' | 'ケ' | 'コ' | 'サ' | 'シ' | 'ス' | 'セ' | 'ソ' | 'タ' | 'チ' | 'テ' | 'ト' => {
            char::from_u32(c as u32 + 1)
        }
        'ツ' => Some('ヅ'),
        'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => char::from_u32(c as u32 + 1),
        'ウ' => Some('ヴ'),
        _ => None,
    }
}

/// ハ → パ etc.
fn semi_voiced(c: char) -> Option<char> {
    match c {
        'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => char::from_u32(c as u32 + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_picks_none_delete_picks_unknown_and_other_digits_start_a_value_in_a_tri_group() {
        // Regression (issue 16 item 2): the hint said digit keys work, but 0 did not pick なし（0）.
        assert_eq!(tri_state_for_key("0"), Some(STATE_NONE));
        assert_eq!(tri_state_for_key("Delete"), Some(STATE_UNKNOWN));
        assert_eq!(tri_state_for_key("Backspace"), Some(STATE_UNKNOWN));
        assert_eq!(tri_state_for_key("7"), Some(STATE_VALUE));
        assert_eq!(tri_state_for_key("a"), None);
        assert_eq!(tri_state_for_key("Tab"), None);
    }

    #[test]
    fn digit_keys_pick_their_code_and_delete_picks_the_blank() {
        let values: Vec<&str> = YES_NO_OPTIONS.iter().map(|(v, _)| *v).collect();
        assert_eq!(choice_for_key(&values, "1"), Some("1"));
        assert_eq!(choice_for_key(&values, "0"), Some("0"));
        assert_eq!(choice_for_key(&values, "Delete"), Some(""));
        assert_eq!(choice_for_key(&values, "Backspace"), Some(""));
        assert_eq!(choice_for_key(&values, "2"), None);
        assert_eq!(choice_for_key(&values, ""), None, "no key picks the blank by its text");
        assert_eq!(choice_for_key(&["1", "2"], "Delete"), None, "no blank choice, nothing to clear");
        // One label for the blank choice in every list that has one.
        for list in [YES_NO_OPTIONS, PRESENT_OPTIONS, NOTIFIED_OPTIONS] {
            assert_eq!(list.iter().find(|(v, _)| v.is_empty()).map(|(_, l)| *l), Some(BLANK_LABEL));
        }
        assert_eq!(TRI_STATE_OPTIONS[2], (STATE_UNKNOWN, BLANK_LABEL));
    }

    fn run<T>(f: impl FnOnce(&mut Issues) -> T) -> (T, Vec<String>) {
        let mut issues = Issues::new();
        let v = f(&mut issues);
        (v, issues.0.into_iter().map(|i| i.message).collect())
    }

    #[test]
    fn whole_numbers_refuse_fractions_letters_and_negatives() {
        assert_eq!(run(|i| parse_whole("12", 100, &[], "f", "L", i)), (Some(12), vec![]));
        assert_eq!(run(|i| parse_whole("１２人", 100, &["人"], "f", "L", i)), (Some(12), vec![]));
        assert_eq!(run(|i| parse_whole("0", 100, &[], "f", "L", i)), (Some(0), vec![]));
        assert_eq!(run(|i| parse_whole("", 100, &[], "f", "L", i)), (None, vec![]));
        assert_eq!(run(|i| parse_whole("  ", 100, &[], "f", "L", i)), (None, vec![]));
        assert_eq!(run(|i| parse_whole("0.25", 100, &[], "f", "L", i)).1, vec!["整数で入力してください"]);
        assert_eq!(run(|i| parse_whole("1.5", 100, &[], "f", "L", i)).1, vec!["整数で入力してください"]);
        assert_eq!(run(|i| parse_whole("0.333", 100, &[], "f", "L", i)).1, vec!["整数で入力してください"]);
        assert_eq!(run(|i| parse_whole("-1", 100, &[], "f", "L", i)).1, vec!["0以上の数を入力してください"]);
        assert_eq!(
            run(|i| parse_whole("三", 100, &[], "f", "L", i)).1,
            vec!["数字で入力してください（不明なら空欄、なしなら0）"]
        );
        assert_eq!(run(|i| parse_whole("101", 100, &[], "f", "L", i)).1, vec!["0〜100で入力してください"]);
        assert_eq!(run(|i| parse_whole("人", 100, &["人"], "f", "L", i)).1, vec!["数字を入力してください"]);
    }

    #[test]
    fn decimals_keep_two_places() {
        let max = Decimal2::whole(50);
        assert_eq!(run(|i| parse_decimal("0.25", max, &[], "f", "L", i)), (Some(Decimal2(25)), vec![]));
        assert_eq!(run(|i| parse_decimal("０．５回", max, &["回"], "f", "L", i)), (Some(Decimal2(50)), vec![]));
        assert_eq!(run(|i| parse_decimal("50", max, &[], "f", "L", i)), (Some(Decimal2(5000)), vec![]));
        assert_eq!(run(|i| parse_decimal("50.01", max, &[], "f", "L", i)).1, vec!["0〜50で入力してください"]);
        assert_eq!(
            run(|i| parse_decimal("0.125", max, &[], "f", "L", i)).1,
            vec!["小数点以下は2桁までで入力してください"]
        );
    }

    #[test]
    fn yes_no_and_codes() {
        assert_eq!(run(|i| parse_yes_no("1", "f", "L", i)), (Some(true), vec![]));
        assert_eq!(run(|i| parse_yes_no("０", "f", "L", i)), (Some(false), vec![]));
        assert_eq!(run(|i| parse_yes_no("", "f", "L", i)), (None, vec![]));
        assert_eq!(run(|i| parse_yes_no("2", "f", "L", i)).1.len(), 1);
        assert_eq!(run(|i| parse_code("12", &[11, 12], "rule", "f", "L", i)), (Some(12), vec![]));
        assert_eq!(run(|i| parse_code("13", &[11, 12], "rule", "f", "L", i)).1, vec!["rule"]);
        assert_eq!(run(|i| parse_code("1.0", &[1], "rule", "f", "L", i)).1, vec!["rule"]);
        assert_eq!(run(|i| parse_code("-1", &[1], "rule", "f", "L", i)).1, vec!["rule"]);
    }

    #[test]
    fn three_state_texts() {
        assert_eq!(run(|i| parse_tri_text(STATE_NONE, "県立Ａ病院", false, "f", "L", i)), (Tri::None, vec![]));
        assert_eq!(run(|i| parse_tri_text(STATE_UNKNOWN, "x", false, "f", "L", i)), (Tri::Unknown, vec![]));
        assert_eq!(
            run(|i| parse_tri_text(STATE_VALUE, " 県立Ａ病院 ", false, "f", "L", i)),
            (Tri::Value("県立Ａ病院".to_string()), vec![])
        );
        assert_eq!(run(|i| parse_tri_text(STATE_VALUE, "0", false, "f", "L", i)), (Tri::None, vec![]));
        assert_eq!(run(|i| parse_tri_text("", "", false, "f", "L", i)), (Tri::Unknown, vec![]));
        assert_eq!(run(|i| parse_tri_text("", "０", false, "f", "L", i)), (Tri::None, vec![]));
        assert_eq!(run(|i| parse_tri_text(STATE_VALUE, " ", false, "f", "L", i)).1.len(), 1);
        assert_eq!(run(|i| parse_tri_text("maybe", "x", false, "f", "L", i)).1.len(), 1);
        assert_eq!(run(|i| parse_tri_text(STATE_VALUE, "a\nb", false, "f", "L", i)).1.len(), 1);
        assert_eq!(run(|i| parse_tri_text(STATE_VALUE, "a\nb", true, "f", "L", i)).1.len(), 0);
    }

    #[test]
    fn texts_are_bounded() {
        let long = "あ".repeat(MAX_SHORT_TEXT + 1);
        assert_eq!(
            run(|i| parse_short_text(&long, "f", "L", i)).1,
            vec!["100文字までで入力してください（現在101文字）"]
        );
        assert_eq!(run(|i| parse_long_text("a\r\nb", "f", "L", i)), ("a\nb".to_string(), vec![]));
        assert_eq!(run(|i| parse_long_text("a\u{7}", "f", "L", i)).1.len(), 1);
    }

    #[test]
    fn widths_fold() {
        assert_eq!(fold_width("ＡＢＣ１２３"), "abc123");
        assert_eq!(fold_width("Ａｽﾃｰｼｮﾝ"), "aステーション");
        assert_eq!(fold_width("ｶﾞｷﾞﾊﾟﾋﾟｳﾞｱﾞ"), "ガギパピヴア゛");
        assert_eq!(fold_width("山田　太郎"), "山田 太郎");
        assert_eq!(fold_width("R00012"), "r00012");
        assert_eq!(fold_width("ｰ"), "ー");
    }
}
