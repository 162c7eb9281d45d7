//! The values of the 訪問看護の保険 tool's inputs: how each answer is written into a radio or a
//! select (and read back), the option lists of ホーエン・ヤール and 生活機能障害度, and which
//! answers still hold what was filled from 様式1.

use super::form::InsuranceForm;
use super::tables::{Table7Disease, Table8State};
use crate::domain::tri::Tri;

/// 不明 (a blank answer).
pub const UNKNOWN: &str = "unknown";
/// 該当しない / 該当なし.
pub const NONE: &str = "none";
/// 別表第8 該当あり (whichever states are ticked).
pub const SOME: &str = "some";

/// はい / いいえ / 不明 as a radio value: `yes`, `no`, [`UNKNOWN`].
pub fn bool_value(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => UNKNOWN,
    }
}

/// The answer of a radio value ([`bool_value`]); anything else is 不明.
pub fn bool_from(v: &str) -> Option<bool> {
    match v {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// A list answer as a select value: [`UNKNOWN`], [`NONE`], or the entry's position in `all`
/// (an entry not in `all` reads as 不明).
pub fn tri_value<T: PartialEq>(v: &Tri<T>, all: &[T]) -> String {
    match v {
        Tri::Unknown => UNKNOWN.to_string(),
        Tri::None => NONE.to_string(),
        Tri::Value(x) => all.iter().position(|a| a == x).map_or_else(|| UNKNOWN.to_string(), |i| i.to_string()),
    }
}

/// The answer of a select value ([`tri_value`]); a position outside `all`, or any other text,
/// is 不明.
pub fn tri_from<T: Copy>(v: &str, all: &[T]) -> Tri<T> {
    match v {
        NONE => Tri::None,
        other => other.parse::<usize>().ok().and_then(|i| all.get(i).copied()).map_or(Tri::Unknown, Tri::Value),
    }
}

/// The checkbox name of a 別表第8 state: `t8-<position in Table8State::ALL>`.
pub fn table8_state_key(s: Table8State) -> String {
    format!("t8-{}", Table8State::ALL.iter().position(|x| *x == s).unwrap_or(0))
}

/// The 別表第8 radio's value: [`SOME`] (states ticked or to be ticked), [`NONE`], [`UNKNOWN`].
pub fn table8_choice(table8: &Tri<Vec<Table8State>>) -> &'static str {
    match table8 {
        Tri::Unknown => UNKNOWN,
        Tri::None => NONE,
        Tri::Value(_) => SOME,
    }
}

/// Chooses the 別表第8 radio `value`: 該当なし and 不明 clear the ticked states; 該当あり keeps
/// them (none ticked yet: an empty list).
pub fn set_table8_choice(form: &mut InsuranceForm, value: &str) {
    form.table8 = match value {
        NONE => Tri::None,
        UNKNOWN => Tri::Unknown,
        _ => match std::mem::take(&mut form.table8) {
            Tri::Value(v) => Tri::Value(v),
            _ => Tri::Value(Vec::new()),
        },
    };
}

/// A 別表第7 disease as its option reads: `パーキンソン病関連疾患：パーキンソン病`.
pub fn table7_option_label(d: Table7Disease) -> String {
    match d.group() {
        Some(g) => format!("{g}：{}", d.label()),
        None => d.label().to_string(),
    }
}

/// ホーエン・ヤールの重症度分類: value and option text (after 「不明」, value empty).
pub const HOEHN_YAHR_CHOICES: [(u8, &str); 5] =
    [(1, "ステージ1"), (2, "ステージ2"), (3, "ステージ3"), (4, "ステージ4"), (5, "ステージ5")];

/// 生活機能障害度: value and option text (after 「不明」, value empty).
pub const FUNCTION_GRADE_CHOICES: [(u8, &str); 3] = [(1, "Ⅰ度"), (2, "Ⅱ度"), (3, "Ⅲ度")];

/// A stage or grade as a select value (empty = 不明).
pub fn grade_value(v: Option<u8>) -> String {
    v.map(|g| g.to_string()).unwrap_or_default()
}

/// The stage or grade of a select value ([`grade_value`]); anything else is 不明.
pub fn grade_from(v: &str) -> Option<u8> {
    v.parse::<u8>().ok()
}

/// Does the answer `key` still hold what was filled from 様式1 (`initial`)? Only keys that
/// were filled, and only while unchanged; 年齢 counts the typed age and the band together.
pub fn still_prefilled(key: &str, now: &InsuranceForm, initial: &InsuranceForm) -> bool {
    initial.prefilled.iter().any(|k| k == key)
        && match key {
            "age" => now.age == initial.age && now.age_band == initial.age_band,
            "care_certified" => now.care_certified == initial.care_certified,
            "specified_disease" => now.specified_disease == initial.specified_disease,
            "table7_disease" => now.table7_disease == initial.table7_disease,
            "ventilator" => now.ventilator == initial.ventilator,
            "table8" => now.table8 == initial.table8,
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::insurance::SpecifiedDisease;
    use crate::domain::patient::AgeBand;

    #[test]
    fn yes_no_unknown_round_trip() {
        for v in [Some(true), Some(false), None] {
            assert_eq!(bool_from(bool_value(v)), v);
        }
        assert_eq!((bool_value(Some(true)), bool_value(None)), ("yes", "unknown"));
        assert_eq!(bool_from("はい"), None);
    }

    #[test]
    fn list_answers_are_positions() {
        let all = SpecifiedDisease::ALL;
        // ALS is the third entry of ※1 (index 2).
        assert_eq!(tri_value(&Tri::Value(SpecifiedDisease::Als), &all), "2");
        assert_eq!(tri_from("2", &all), Tri::Value(SpecifiedDisease::Als));
        assert_eq!(
            (tri_value(&Tri::None, &all), tri_value(&Tri::<SpecifiedDisease>::Unknown, &all)),
            ("none".into(), "unknown".into())
        );
        assert_eq!(tri_from::<SpecifiedDisease>("none", &all), Tri::None);
        // 16 entries: 16 is out of range, as is text.
        assert_eq!(tri_from::<SpecifiedDisease>("16", &all), Tri::Unknown);
        assert_eq!(tri_from::<SpecifiedDisease>("unknown", &all), Tri::Unknown);
        assert_eq!(tri_from::<SpecifiedDisease>("-1", &all), Tri::Unknown);
        // An entry missing from the list reads as 不明.
        assert_eq!(tri_value(&Tri::Value(5u8), &[1u8, 2]), "unknown");
    }

    #[test]
    fn table8_radio_and_boxes() {
        assert_eq!(table8_state_key(Table8State::ALL[0]), "t8-0");
        assert_eq!(table8_state_key(Table8State::ALL[16]), "t8-16");
        let mut f = InsuranceForm::default();
        assert_eq!(table8_choice(&f.table8), UNKNOWN);
        set_table8_choice(&mut f, SOME);
        assert_eq!((table8_choice(&f.table8), &f.table8), (SOME, &Tri::Value(Vec::new())));
        f.set_table8_state(Table8State::Stoma, true);
        // 該当あり again keeps the ticked state; 該当なし clears it.
        set_table8_choice(&mut f, SOME);
        assert_eq!(f.table8, Tri::Value(vec![Table8State::Stoma]));
        set_table8_choice(&mut f, NONE);
        assert_eq!((table8_choice(&f.table8), &f.table8), (NONE, &Tri::None));
        set_table8_choice(&mut f, UNKNOWN);
        assert_eq!(f.table8, Tri::Unknown);
    }

    #[test]
    fn stage_and_grade_options() {
        assert_eq!(HOEHN_YAHR_CHOICES.map(|(v, _)| v), [1, 2, 3, 4, 5]);
        assert_eq!(HOEHN_YAHR_CHOICES[2].1, "ステージ3");
        assert_eq!(FUNCTION_GRADE_CHOICES.map(|(_, t)| t), ["Ⅰ度", "Ⅱ度", "Ⅲ度"]);
        assert_eq!((grade_value(Some(3)), grade_value(None)), ("3".to_string(), String::new()));
        assert_eq!((grade_from("3"), grade_from("")), (Some(3), None));
        assert_eq!(table7_option_label(Table7Disease::Parkinson), "パーキンソン病関連疾患：パーキンソン病");
        assert_eq!(table7_option_label(Table7Disease::Smon), Table7Disease::Smon.label());
    }

    #[test]
    fn prefilled_answers_until_changed() {
        let initial = InsuranceForm {
            age: "70".into(),
            age_band: Some(AgeBand::Over65),
            ventilator: Some(true),
            prefilled: vec!["age".into(), "ventilator".into()],
            ..InsuranceForm::default()
        };
        let mut now = initial.clone();
        assert!(still_prefilled("age", &now, &initial));
        assert!(still_prefilled("ventilator", &now, &initial));
        // Not filled from 様式1.
        assert!(!still_prefilled("care_certified", &now, &initial));
        // Changed: no longer 「療養者の記録から」; the band counts with the age.
        now.ventilator = Some(false);
        now.age_band = None;
        assert!(!still_prefilled("ventilator", &now, &initial));
        assert!(!still_prefilled("age", &now, &initial));
    }
}
