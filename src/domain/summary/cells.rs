//! 表示用の行: every line of the 集計 as the page and the print show it (its texts, and
//! which numbers open a 内訳), in [`Summary::lines`] order.
//!
//! The number and order of lines never depend on the data, so the page builds its tables
//! once and a new 集計 (another disease filter, a record saved) only changes the texts that
//! differ: the page compares each line's [`LineCells`] with the last one and touches nothing
//! when they are equal.

use super::compare::Line;
use super::figure::{DiseaseFilter, FigureKey};
use super::sheet::{summarize, Summary};
use crate::domain::overview::Overview;

/// One line of the sheet as shown. Figures and values differ only in which fields are empty.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineCells {
    /// 項目名 (the 認定者 lines follow the disease filter)
    pub label: &'static str,
    /// The figure behind the line (`None` for a value: 人口, 密度, 合計 …)
    pub key: Option<FigureKey>,
    /// The figure whose members make up the denominator (its own 内訳)
    pub denominator_key: Option<FigureKey>,
    /// 人数・値 on screen, with its unit: `12人`, `3ヵ所`, `850000人`, `12.5人/km²`, `-`
    pub value: String,
    /// 人数・値 on paper: a figure's count without unit (`12`); a value as on screen
    pub value_plain: String,
    /// 割合（％）: `33.3` or `-` (分母が0); empty for a value
    pub percent: String,
    /// 分母 with its count: `在宅ALS療養者 12人`; empty for a value
    pub denominator: String,
    /// 不明 on screen: a figure's `3人` or `0`; a value's `3` or `0`
    pub unknown: String,
    /// 不明 on paper: `3`
    pub unknown_plain: String,
    /// The count opens its 内訳 (a figure with anyone in it)
    pub counted: bool,
    /// The denominator opens its 内訳 (anyone in it)
    pub denominator_counted: bool,
    /// The 不明 opens its 内訳 (anyone left blank)
    pub unknown_counted: bool,
}

/// The cells of one line.
pub fn line_cells(line: &Line<'_>) -> LineCells {
    let unit = line.unit();
    match line {
        Line::Figure(f) => LineCells {
            label: f.label,
            key: Some(f.key),
            denominator_key: Some(f.denominator.key()),
            value: format!("{}{unit}", f.count),
            value_plain: f.count.to_string(),
            percent: f.percent_text(),
            denominator: format!("{} {}{unit}", f.denominator_label, f.denominator_count),
            unknown: if f.unknown > 0 { format!("{}{unit}", f.unknown) } else { "0".to_string() },
            unknown_plain: f.unknown.to_string(),
            counted: f.count > 0,
            denominator_counted: f.denominator_count > 0,
            unknown_counted: f.unknown > 0,
        },
        Line::Quantity(q) => {
            let value = format!("{}{}", q.text(), if q.value.is_some() { q.unit } else { "" });
            LineCells {
                label: q.label,
                key: None,
                denominator_key: None,
                value_plain: value.clone(),
                value,
                percent: String::new(),
                denominator: String::new(),
                unknown: q.unknown.to_string(),
                unknown_plain: q.unknown.to_string(),
                counted: false,
                denominator_counted: false,
                unknown_counted: q.unknown > 0,
            }
        }
    }
}

impl Summary {
    /// Every line's cells, in [`Summary::lines`] order (the same length for any data).
    pub fn cells(&self) -> Vec<LineCells> {
        self.lines().iter().map(|l| line_cells(&l.line)).collect()
    }
}

/// How many lines every 集計 has (the page makes one memo per line before any data is read).
pub fn line_count() -> usize {
    summarize(&Overview::default(), &[], &[], &DiseaseFilter::Als).lines().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::{Decimal2, Tenths};
    use crate::domain::summary::figure::{Amount, Denominator, PatientFigure, ProcedureKind, Quantity};
    use crate::domain::summary::tests::mixed_roster;
    use crate::domain::summary::{Figure, Section};

    fn figure(count: u64, denominator_count: u64, percent: Option<Tenths>, unknown: u64) -> Figure {
        Figure {
            key: FigureKey::Patient(PatientFigure::Procedure(ProcedureKind::Ventilator)),
            label: "在宅人工呼吸療養者数",
            count,
            denominator: Denominator::Patients,
            denominator_label: "在宅ALS療養者",
            denominator_count,
            percent,
            unknown,
        }
    }

    #[test]
    fn a_figure_as_the_page_and_the_paper_show_it() {
        // 1 of 3 (33.3％), 2 left blank.
        let f = figure(1, 3, Some(Tenths(333)), 2);
        assert_eq!(
            line_cells(&Line::Figure(&f)),
            LineCells {
                label: "在宅人工呼吸療養者数",
                key: Some(f.key),
                denominator_key: Some(FigureKey::Patient(PatientFigure::Patients)),
                value: "1人".into(),
                value_plain: "1".into(),
                percent: "33.3".into(),
                denominator: "在宅ALS療養者 3人".into(),
                unknown: "2人".into(),
                unknown_plain: "2".into(),
                counted: true,
                denominator_counted: true,
                unknown_counted: true,
            }
        );
        // Nobody at all: nothing links, the % is `-`, 不明 is a bare 0.
        let empty = line_cells(&Line::Figure(&figure(0, 0, None, 0)));
        assert_eq!(
            (empty.value.as_str(), empty.percent.as_str(), empty.denominator.as_str(), empty.unknown.as_str()),
            ("0人", "-", "在宅ALS療養者 0人", "0")
        );
        assert!(!empty.counted && !empty.denominator_counted && !empty.unknown_counted);
    }

    #[test]
    fn a_value_with_its_unit_or_a_dash() {
        let area = Quantity::new("面積", "km²", Some(Amount::Exact(Decimal2(12_345))), 0);
        let c = line_cells(&Line::Quantity(&area));
        assert_eq!(
            (c.label, c.key, c.value.as_str(), c.value_plain.as_str()),
            ("面積", None, "123.45km²", "123.45km²")
        );
        assert_eq!((c.percent.as_str(), c.denominator.as_str(), c.unknown.as_str()), ("", "", "0"));
        assert!(!c.counted && !c.unknown_counted);
        // Not entered: `-` without the unit, 1 blank.
        let blank = line_cells(&Line::Quantity(&Quantity::new("人口", "人", None, 1)));
        assert_eq!((blank.value.as_str(), blank.unknown.as_str(), blank.unknown_counted), ("-", "1", true));
    }

    #[test]
    fn one_cell_row_per_line_for_any_filter() {
        let roster = mixed_roster();
        let als = summarize(&Overview::default(), &roster, &[], &DiseaseFilter::Als);
        let all = summarize(&Overview::default(), &roster, &[], &DiseaseFilter::All);
        let (a, b) = (als.cells(), all.cells());
        assert_eq!(a.len(), als.lines().len());
        assert_eq!(a.len(), b.len(), "the tables are built once");
        assert_eq!(a.len(), line_count());
        // Line by line the same figure (only texts change with the filter).
        let keys = |c: &[LineCells]| c.iter().map(|l| l.key).collect::<Vec<_>>();
        assert_eq!(keys(&a), keys(&b));
        // 在宅療養者数 (A) is N, as a value.
        let n = als.lines().iter().position(|l| l.section == Section::Area && l.line.label() == "在宅療養者数");
        let n = n.expect("N line");
        assert_eq!(a[n].value, format!("{}人", als.patients));
        assert_eq!(b[n].value, format!("{}人", all.patients));
    }
}
