use super::*;
use crate::domain::forms::input::{STATE_NONE, STATE_UNKNOWN, STATE_VALUE};
use crate::domain::forms::patient_form::{AGE_BAND, AGE_YEARS};

#[test]
fn yes_no_words_and_codes() {
    for t in ["1", "１", "有", "あり", "○", "〇", " 1 ", "1.0"] {
        assert_eq!(yes_no(t), "1", "{t}");
    }
    for t in ["0", "０", "無", "なし", "×"] {
        assert_eq!(yes_no(t), "0", "{t}");
    }
    assert_eq!(yes_no(""), "");
    assert_eq!(yes_no("  "), "");
    // Left as written: the form refuses it and names the cell.
    assert_eq!(yes_no("たぶん"), "たぶん");
}

#[test]
fn codes_in_words() {
    assert_eq!(code("全面介助", &ADL_WORDS), "3");
    assert_eq!(code("２", &ADL_WORDS), "2");
    assert_eq!(code("往診", &VISIT_WORDS), "2");
    assert_eq!(code("要支援２", &CARE_WORDS), "12");
    assert_eq!(code("要介護5", &CARE_WORDS), "5");
    assert_eq!(code("11", &CARE_WORDS), "11");
    assert_eq!(code("2級", &GRADE_WORDS), "2");
    assert_eq!(code("区分6", &GRADE_WORDS), "6");
    assert_eq!(code("該当なし", &GRADE_WORDS), "0");
    assert_eq!(code("検討可", &INTAKE_WORDS), "1");
    assert_eq!(code("", &INTAKE_WORDS), "");
}

#[test]
fn three_state_cells_follow_the_paper() {
    assert_eq!(tri_text(""), (STATE_UNKNOWN, String::new()));
    assert_eq!(tri_text("0"), (STATE_NONE, String::new()));
    assert_eq!(tri_text("０"), (STATE_NONE, String::new()));
    assert_eq!(tri_text("なし"), (STATE_NONE, String::new()));
    assert_eq!(tri_text(" 県立Ａ病院 "), (STATE_VALUE, "県立Ａ病院".to_string()));
    assert_eq!(tri_text("Ａｽﾃｰｼｮﾝ\r\nＢｽﾃｰｼｮﾝ"), (STATE_VALUE, "Ａｽﾃｰｼｮﾝ\nＢｽﾃｰｼｮﾝ".to_string()));
}

/// Hand-computed: 25569 is 1970-01-01; 37377 − 25569 = 11808 days = 32 years (11680 days +
/// 8 leap days = 11688, to 2002-01-01) + 120 days (31 + 28 + 31 + 30) → 2002-05-01.
#[test]
fn excel_date_serials() {
    assert_eq!(excel_serial_date("25569"), Some((1970, 1, 1)));
    assert_eq!(excel_serial_date("37377"), Some((2002, 5, 1)));
    assert_eq!(excel_serial_date("37376.75"), Some((2002, 4, 30)));
    // 45658 − 25569 = 20089 = 55 years to 2025-01-01 (55 × 365 + 14 leap days = 20089).
    assert_eq!(excel_serial_date("45658"), Some((2025, 1, 1)));
    assert_eq!(excel_serial_date("2002"), None);
    assert_eq!(excel_serial_date("abc"), None);
    assert_eq!(onset("37377"), "2002年5月");
}

#[test]
fn japanese_eras() {
    assert_eq!(wareki("平成14年5月"), Some("2002年5月".to_string()));
    assert_eq!(wareki("H14.5"), Some("2002年5月".to_string()));
    assert_eq!(wareki("Ｈ１４．５"), Some("2002年5月".to_string()));
    assert_eq!(wareki("令和元年"), Some("2019年".to_string()));
    assert_eq!(wareki("R3"), Some("2021年".to_string()));
    assert_eq!(wareki("昭和64年1月"), Some("1989年1月".to_string()));
    assert_eq!(wareki("2002年5月"), None);
    assert_eq!(onset("平成14年5月"), "2002年5月");
    assert_eq!(onset(" 2002/5 "), "2002/5");
}

#[test]
fn ages_and_bands() {
    assert_eq!(age("66"), (AGE_YEARS, "66".to_string()));
    assert_eq!(age("66歳"), (AGE_YEARS, "66".to_string()));
    assert_eq!(age("６６"), (AGE_YEARS, "66".to_string()));
    assert_eq!(age("3"), (AGE_BAND, "3".to_string()));
    assert_eq!(age(""), (AGE_YEARS, String::new()));
}

#[test]
fn disaster_plans_as_on_paper() {
    assert_eq!(disaster_plan(""), (STATE_NONE, String::new()));
    assert_eq!(disaster_plan("1"), (STATE_VALUE, String::new()));
    assert_eq!(disaster_plan("2023"), (STATE_VALUE, "2023".to_string()));
    assert_eq!(disaster_plan("令和5年度"), (STATE_VALUE, "2023".to_string()));
    assert_eq!(disaster_plan("2023年"), (STATE_VALUE, "2023".to_string()));
}

#[test]
fn the_paper_additions_column() {
    let pair = |a: &str, b: &str| Some((a.to_string(), b.to_string()));
    assert_eq!(additions("1"), pair("1", "0"));
    assert_eq!(additions("2"), pair("0", "1"));
    assert_eq!(additions("1,2"), pair("1", "1"));
    assert_eq!(additions("１、２"), pair("1", "1"));
    assert_eq!(additions("0"), pair("0", "0"));
    assert_eq!(additions(""), pair("", ""));
    assert_eq!(additions("5"), None);
}
