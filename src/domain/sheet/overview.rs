//! 地域の概況 (the header of 様式1: 人口, 面積, 療養者数 …) read from a sheet. On the paper
//! form it is not a table but labels with their values to the right and units after them
//! (「人　　口 | 12345 | 人」, 「難病医療協力病院 | 管内 | 3 | ヵ所 | 都道府県内 | 20 | ヵ所」),
//! above the 療養者 table. Each value goes through the 地域の概況 form's own parse.

use super::layout::normalise_heading;
use super::rows::Finding;
use super::Grid;
use crate::domain::forms::input::fold_width;
use crate::domain::forms::overview_form::{fields as o, OverviewForm};
use crate::domain::issues::Severity;
use crate::domain::overview::Overview;
use serde::{Deserialize, Serialize};

/// Rows looked at when there is no 療養者 table below.
const SEARCH_ROWS: usize = 40;

/// A label and the field its value goes into; `exact`: the cell must be the label itself
/// (short labels such as 人口 or ALS), else it may go on (訪問看護ステーション数（管内）).
struct Label {
    names: &'static [&'static str],
    field: &'static str,
    exact: bool,
}

const LABELS: [Label; 12] = [
    Label { names: &["人口", "管轄地域の人口"], field: o::POPULATION, exact: true },
    Label { names: &["面積", "管轄地域の面積"], field: o::AREA_KM2, exact: true },
    Label { names: &["指定難病認定者数"], field: o::CERTIFIED_TOTAL, exact: false },
    Label { names: &["als"], field: o::CERTIFIED_ALS, exact: true },
    Label { names: &["scd"], field: o::CERTIFIED_SCD, exact: true },
    Label { names: &["msa"], field: o::CERTIFIED_MSA, exact: true },
    Label { names: &["pd"], field: o::CERTIFIED_PD, exact: true },
    Label { names: &["難病診療連携拠点病院"], field: o::BASE_HOSPITALS_PREF, exact: false },
    Label { names: &["難病診療分野別拠点病院"], field: o::FIELD_BASE_HOSPITALS_PREF, exact: false },
    Label { names: &["難病指定医数"], field: o::DESIGNATED_DOCTORS_LOCAL, exact: false },
    Label { names: &["在宅療養支援診療所"], field: o::HOME_CARE_CLINICS_LOCAL, exact: false },
    Label { names: &["訪問看護ステーション数"], field: o::NURSE_STATIONS_LOCAL, exact: false },
];

/// 難病医療協力病院: two values, after 管内 and after 都道府県内.
const COOPERATING: &str = "難病医療協力病院";

/// One value found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverviewCell {
    /// The 地域の概況 form's field key.
    pub field: String,
    pub row: usize,
    pub column: usize,
    /// The value as written (commas removed).
    pub text: String,
}

/// A number as written in a value cell (`12,345`, `１２３`, `56.78`); `None` for a label, a
/// unit or a blank.
fn number_text(cell: &str) -> Option<String> {
    let t: String = fold_width(cell.trim()).chars().filter(|c| *c != ',').collect();
    let ok =
        !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || c == '.') && t.chars().any(|c| c.is_ascii_digit());
    ok.then_some(t)
}

fn label_of(text: &str) -> Option<&'static str> {
    LABELS.iter().find_map(|l| {
        let hit = l.names.iter().any(|n| if l.exact { text == *n } else { text.starts_with(n) });
        hit.then_some(l.field)
    })
}

/// The 地域の概況 values in rows `0..end` (above the 療養者 table, or the first rows).
pub fn find_overview(grid: &Grid, end: Option<usize>) -> Vec<OverviewCell> {
    let end = end.unwrap_or(SEARCH_ROWS).min(grid.rows.len());
    let mut out: Vec<OverviewCell> = Vec::new();
    for row in 0..end {
        let mut pending: Option<&'static str> = None;
        let mut cooperating = false;
        for (column, cell) in grid.rows[row].iter().enumerate() {
            let text = normalise_heading(cell);
            if text.is_empty() {
                continue;
            }
            if let Some(value) = number_text(cell) {
                if let Some(field) = pending.take() {
                    if !out.iter().any(|c| c.field == field) {
                        out.push(OverviewCell { field: field.to_string(), row, column, text: value });
                    }
                }
                continue;
            }
            if text.starts_with(COOPERATING) {
                cooperating = true;
                pending = None;
            } else if cooperating && text.starts_with("管内") {
                pending = Some(o::COOPERATING_HOSPITALS_LOCAL);
            } else if cooperating && text.starts_with("都道府県内") {
                pending = Some(o::COOPERATING_HOSPITALS_PREF);
            } else if let Some(field) = label_of(&text) {
                cooperating = false;
                pending = Some(field);
            }
            // Anything else (a unit, 都道府県内 after another label) leaves `pending` as it is.
        }
    }
    out
}

/// The paper form's label of a 地域の概況 field.
pub fn overview_label(field: &str) -> &'static str {
    use crate::domain::forms::overview_form::labels as l;
    match field {
        o::POPULATION => l::POPULATION,
        o::AREA_KM2 => l::AREA_KM2,
        o::CERTIFIED_TOTAL => l::CERTIFIED_TOTAL,
        o::CERTIFIED_ALS => l::CERTIFIED_ALS,
        o::CERTIFIED_SCD => l::CERTIFIED_SCD,
        o::CERTIFIED_MSA => l::CERTIFIED_MSA,
        o::CERTIFIED_PD => l::CERTIFIED_PD,
        o::BASE_HOSPITALS_PREF => l::BASE_HOSPITALS_PREF,
        o::FIELD_BASE_HOSPITALS_PREF => l::FIELD_BASE_HOSPITALS_PREF,
        o::COOPERATING_HOSPITALS_LOCAL => l::COOPERATING_HOSPITALS_LOCAL,
        o::COOPERATING_HOSPITALS_PREF => l::COOPERATING_HOSPITALS_PREF,
        o::DESIGNATED_DOCTORS_LOCAL => l::DESIGNATED_DOCTORS_LOCAL,
        o::HOME_CARE_CLINICS_LOCAL => l::HOME_CARE_CLINICS_LOCAL,
        o::NURSE_STATIONS_LOCAL => l::NURSE_STATIONS_LOCAL,
        _ => "",
    }
}

/// The form with the values found put in (`base`: the saved 地域の概況, whose other values stay).
pub fn overview_form(base: OverviewForm, cells: &[OverviewCell]) -> OverviewForm {
    let mut form = base;
    for c in cells {
        let slot = match c.field.as_str() {
            o::POPULATION => &mut form.population,
            o::AREA_KM2 => &mut form.area_km2,
            o::CERTIFIED_TOTAL => &mut form.certified_total,
            o::CERTIFIED_ALS => &mut form.certified_als,
            o::CERTIFIED_SCD => &mut form.certified_scd,
            o::CERTIFIED_MSA => &mut form.certified_msa,
            o::CERTIFIED_PD => &mut form.certified_pd,
            o::BASE_HOSPITALS_PREF => &mut form.base_hospitals_pref,
            o::FIELD_BASE_HOSPITALS_PREF => &mut form.field_base_hospitals_pref,
            o::COOPERATING_HOSPITALS_LOCAL => &mut form.cooperating_hospitals_local,
            o::COOPERATING_HOSPITALS_PREF => &mut form.cooperating_hospitals_pref,
            o::DESIGNATED_DOCTORS_LOCAL => &mut form.designated_doctors_local,
            o::HOME_CARE_CLINICS_LOCAL => &mut form.home_care_clinics_local,
            o::NURSE_STATIONS_LOCAL => &mut form.nurse_stations_local,
            _ => continue,
        };
        *slot = c.text.clone();
    }
    form
}

/// The 地域の概況 read and checked: the values (with the row they came from), the record
/// (`None` when a value has an error) and the findings.
pub fn read_overview(base: OverviewForm, cells: &[OverviewCell]) -> (Option<Overview>, Vec<(usize, Finding)>) {
    let form = overview_form(base, cells);
    let (value, issues) = match form.parse() {
        Ok((overview, issues)) => (Some(overview), issues),
        Err(issues) => (None, issues),
    };
    let findings = issues
        .0
        .into_iter()
        .map(|i| {
            let place = cells.iter().find(|c| c.field == i.field);
            let finding = Finding { column: place.map(|c| c.column), severity: i.severity, message: i.to_string() };
            (place.map(|c| c.row).unwrap_or(0), finding)
        })
        .collect::<Vec<_>>();
    let value = value.filter(|_| !findings.iter().any(|(_, f)| f.severity == Severity::Error));
    (value, findings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::sheet::test_support::grid;

    /// The seed's header: two blocks of labels, values and units side by side.
    fn seed_header() -> Grid {
        grid(&[
            &["地区名", "○○保健所管内", "", "難病診療連携拠点病院", "都道府県内", "1", "ヵ所"],
            &["人　　口", "123,456", "人", "難病診療分野別拠点病院", "都道府県内", "2", "ヵ所"],
            &["面　　積", "456.78", "Km2", "難病医療協力病院", "管内", "3", "ヵ所", "都道府県内", "20", "ヵ所"],
            &["指定難病認定者数", "1200", "人", "難病指定医数", "管内", "45", "ヵ所"],
            &["療養者数", "ＡＬＳ", "12", "人", "在宅療養支援診療所", "管内", "30", "ヵ所"],
            &["(認定者）", "ＳＣＤ", "20", "人", "訪問看護ステーション数", "管内", "15", "ヵ所"],
            &["", "MSA", "5", "人"],
            &["", "ＰＤ", "150", "人"],
        ])
    }

    #[test]
    fn the_seeds_header_reads_every_value() {
        let cells = find_overview(&seed_header(), None);
        let got: Vec<(&str, &str)> = cells.iter().map(|c| (c.field.as_str(), c.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (o::BASE_HOSPITALS_PREF, "1"),
                (o::POPULATION, "123456"),
                (o::FIELD_BASE_HOSPITALS_PREF, "2"),
                (o::AREA_KM2, "456.78"),
                (o::COOPERATING_HOSPITALS_LOCAL, "3"),
                (o::COOPERATING_HOSPITALS_PREF, "20"),
                (o::CERTIFIED_TOTAL, "1200"),
                (o::DESIGNATED_DOCTORS_LOCAL, "45"),
                (o::CERTIFIED_ALS, "12"),
                (o::HOME_CARE_CLINICS_LOCAL, "30"),
                (o::CERTIFIED_SCD, "20"),
                (o::NURSE_STATIONS_LOCAL, "15"),
                (o::CERTIFIED_MSA, "5"),
                (o::CERTIFIED_PD, "150"),
            ]
        );
        let (overview, findings) = read_overview(OverviewForm::default(), &cells);
        assert!(findings.is_empty(), "{findings:?}");
        let o = overview.unwrap();
        assert_eq!(o.population, Some(123_456));
        assert_eq!(o.area_km2.map(|a| a.to_string()), Some("456.78".to_string()));
        assert_eq!(o.cooperating_hospitals_pref, Some(20));
    }

    #[test]
    fn a_bad_value_is_a_finding_at_its_cell() {
        let g = grid(&[&["人口", "12345"], &["面積", "99999999"]]);
        let cells = find_overview(&g, None);
        let (overview, findings) = read_overview(OverviewForm::default(), &cells);
        assert!(overview.is_none());
        assert_eq!(findings[0].0, 1);
        assert_eq!(findings[0].1.column, Some(1));
        assert!(findings[0].1.message.starts_with("面積"), "{findings:?}");
    }

    #[test]
    fn nothing_above_a_table_is_nothing() {
        let g = grid(&[&["番号", "住所", "氏名"], &["1", "A市", "ALS"]]);
        assert!(find_overview(&g, Some(0)).is_empty());
        // A data row's ALS is not a label when only the rows above the table are looked at.
        assert!(find_overview(&grid(&[&["ALS", "12"]]), Some(0)).is_empty());
    }
}
