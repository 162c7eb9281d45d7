//! 様式1 の記入例: the seed's 入力例 例1 and 例2, shown on the 様式1 help page column by column
//! as the roster shows them. They are the app's own copy of the examples
//! ([`seed_examples`](crate::domain::forms::seed_examples), which the sample 地域診断 and the
//! tests also use), read by the form's parser and laid out by the roster's columns, so the
//! page cannot drift from what the nurse sees when she types the same values.

use crate::domain::forms::roster::{roster_row, ROSTER_COLUMNS};
use crate::domain::forms::seed_examples::{seed_example_1, seed_example_2};
use crate::domain::patient::Patient;
use crate::domain::time::Date;

/// One line of the 記入例 table: a 様式1 column and what 例1 and 例2 hold in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExampleLine {
    /// The paper form's group heading (医療処置管理, 特定症状, …), `""` for a column alone.
    pub group: &'static str,
    /// The column's heading.
    pub label: &'static str,
    /// 例1 as the roster shows it (`""` when the seed leaves it blank).
    pub example_1: String,
    /// 例2 as the roster shows it.
    pub example_2: String,
}

/// The day the examples are read on (only 年齢 and 最終把握時期 could depend on it; the seed's
/// examples give an age band and free text, so nothing does).
fn reading_day() -> Option<Date> {
    Date::new(2025, 4, 1)
}

fn read(form: crate::domain::forms::patient_form::PatientForm) -> Option<Patient> {
    form.parse(reading_day()?).ok().map(|(p, _)| p)
}

/// 例1 and 例2 column by column, in the paper form's order, without 番号 (the roster's own
/// running number). Empty if the examples ever stopped reading (a test guards that).
pub fn seed_example_lines() -> Vec<ExampleLine> {
    let (Some(p1), Some(p2)) = (read(seed_example_1()), read(seed_example_2())) else {
        return Vec::new();
    };
    let (r1, r2) = (roster_row(0, 1, &p1, false), roster_row(1, 2, &p2, false));
    r1.cells()
        .into_iter()
        .zip(r2.cells())
        .zip(ROSTER_COLUMNS.iter())
        .filter(|(_, column)| column.key != "number")
        .map(|((a, b), column)| ExampleLine {
            group: column.group,
            label: column.label,
            example_1: a.text.to_string(),
            example_2: b.text.to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line<'a>(lines: &'a [ExampleLine], group: &str, label: &str) -> &'a ExampleLine {
        lines.iter().find(|l| l.group == group && l.label == label).unwrap_or_else(|| panic!("a line {group} {label}"))
    }

    /// Values read off the seed's 入力例 table (seed 004, 様式1), by hand.
    #[test]
    fn the_examples_show_the_seeds_values_column_by_column() {
        let lines = seed_example_lines();
        assert_eq!(lines.len(), ROSTER_COLUMNS.len() - 1, "every column but 番号");
        let id = line(&lines, "", "ID番号");
        assert_eq!((id.example_1.as_str(), id.example_2.as_str()), ("例1", "例2"));
        let pair = |group: &str, label: &str| {
            let l = line(&lines, group, label);
            (l.example_1.clone(), l.example_2.clone())
        };
        assert_eq!(pair("", "初発症状"), ("話にくくなった".into(), "右手に力が入らなくなった".into()));
        assert_eq!(pair("", "発症時期"), ("2002年".into(), "2005年".into()));
        assert_eq!(pair("", "年齢"), ("区分3".into(), "区分4".into()));
        assert_eq!(pair("", "ADL"), ("2".into(), "3".into()));
        assert_eq!(pair("神経内科専門医療機関", "機関名"), ("県立Ａ病院".into(), "Ｂ大学病院".into()));
        assert_eq!(pair("神経内科専門医療機関", "頻度（回/月）"), ("1".into(), "0.5".into()));
        assert_eq!(pair("医療機関からの訪問看護", "1週間の合計訪問回数"), ("0".into(), "3".into()));
        // The weekly total is computed: 例2 has 週2回 from its stations and 週3回 from Ａ病院.
        assert_eq!(pair("", "1週間の合計訪問看護利用回数"), ("0".into(), "5".into()));
        assert_eq!(pair("", "介護保険（介護度）").0, "5");
        // 医療処置管理: 例1 none (0), 例2 all (1); 特定症状: both all 1.
        for l in lines.iter().filter(|l| l.group == "医療処置管理") {
            assert_ne!(l.example_1, l.example_2, "{} differs between the examples", l.label);
        }
        // 例2's stations are two, one per line, and 週2回; 医療機関からの訪問看護 週3回.
        assert!(lines.iter().any(|l| l.example_2.contains("Ａｽﾃｰｼｮﾝ") && l.example_2.contains("Ｂｽﾃｰｼｮﾝ")));
        assert!(lines.iter().any(|l| l.example_2 == "Ａ病院"));
        assert!(lines.iter().any(|l| l.example_1 == "県立Ａ病院") && lines.iter().any(|l| l.example_2 == "Ｂ大学病院"));
    }
}
