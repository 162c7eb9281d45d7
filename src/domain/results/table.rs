//! 事業実績の表: programme × 年度 like seed 000 (newest 年度 first, as the seed), its CSV, and
//! each indicator's series over the years for a chart (oldest first).

use super::{show_value, ProgrammeResult, Unit};
use crate::domain::csv::csv_table;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::domain::tri::Tri;

/// The 年度 columns of the table: every 年度 of any programme, newest first (as the seed).
pub fn table_years<'a>(programmes: impl IntoIterator<Item = &'a ProgrammeResult>) -> Vec<FiscalYear> {
    let mut years: Vec<FiscalYear> = programmes.into_iter().flat_map(ProgrammeResult::years).collect();
    years.sort_by(|a, b| b.cmp(a));
    years.dedup();
    years
}

/// Programmes in the catalogue's order (then by 事業名, then ID).
pub fn sorted(mut programmes: Vec<(RecordId, ProgrammeResult)>) -> Vec<(RecordId, ProgrammeResult)> {
    programmes
        .sort_by(|(ia, a), (ib, b)| a.order.cmp(&b.order).then_with(|| a.name.cmp(&b.name)).then_with(|| ia.cmp(ib)));
    programmes
}

/// One line of the table: one indicator of a programme (a programme without indicators has
/// one line with no figures).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableRow {
    pub id: RecordId,
    /// The programme's first line (its names span `span` lines).
    pub first: bool,
    pub span: usize,
    pub group: String,
    pub name: String,
    pub implementer: String,
    pub indicator: String,
    pub unit: String,
    /// The figures shown per 年度 of the table (`451件`, `0件`, `不明`).
    pub cells: Vec<String>,
}

/// The table's lines for `programmes` (already [`sorted`]) under `years`.
pub fn table_rows(programmes: &[(RecordId, ProgrammeResult)], years: &[FiscalYear]) -> Vec<TableRow> {
    let mut rows = Vec::new();
    for (id, p) in programmes {
        let span = p.indicators.len().max(1);
        let base = |first: bool| TableRow {
            id: id.clone(),
            first,
            span,
            group: p.group.clone(),
            name: p.name.clone(),
            implementer: p.implementer.clone(),
            indicator: String::new(),
            unit: String::new(),
            cells: years.iter().map(|_| "-".to_string()).collect(),
        };
        if p.indicators.is_empty() {
            rows.push(base(true));
        }
        for (n, i) in p.indicators.iter().enumerate() {
            let mut row = base(n == 0);
            row.indicator = i.name.clone();
            row.unit = i.unit.label().to_string();
            row.cells = years.iter().map(|y| show_value(&i.value(*y), i.unit)).collect();
            rows.push(row);
        }
    }
    rows
}

/// The CSV: one line per indicator; figures coded as the app's other CSV (不明 → empty,
/// なし → `0`, a count → its digits).
pub fn results_csv(programmes: &[(RecordId, ProgrammeResult)], years: &[FiscalYear]) -> String {
    let year_labels: Vec<String> = years.iter().map(|y| y.wareki()).collect();
    let mut headers: Vec<&str> = vec!["事業の区分", "事業名", "事業内容", "実施主体", "指標", "単位"];
    headers.extend(year_labels.iter().map(String::as_str));
    headers.push("備考");
    let mut rows = Vec::new();
    for (_, p) in programmes {
        let line = |indicator: &str, unit: &str, cells: Vec<String>| {
            let mut row = vec![
                p.group.clone(),
                p.name.clone(),
                p.description.clone(),
                p.implementer.clone(),
                indicator.to_string(),
                unit.to_string(),
            ];
            row.extend(cells);
            row.push(p.note.clone());
            row
        };
        if p.indicators.is_empty() {
            rows.push(line("", "", years.iter().map(|_| String::new()).collect()));
        }
        for i in &p.indicators {
            let cells = years.iter().map(|y| super::form::value_text(&i.value(*y))).collect();
            rows.push(line(&i.name, i.unit.label(), cells));
        }
    }
    csv_table(&headers, &rows)
}

/// One indicator over the years, for a chart: oldest 年度 first.
#[derive(Clone, Debug, PartialEq)]
pub struct YearSeries {
    /// `支援計画作成（件）`
    pub title: String,
    pub unit: Unit,
    /// `令和元年度`, …
    pub years: Vec<String>,
    /// The count of each 年度 (0 for なし); `None` = 不明 (drawn as nothing).
    pub values: Vec<Option<u64>>,
    /// As the table shows it (`812件`, `0件`, `不明`).
    pub shown: Vec<String>,
}

/// The series of every indicator of `p` over `years` (oldest first whatever their order).
pub fn series(p: &ProgrammeResult, years: &[FiscalYear]) -> Vec<YearSeries> {
    let mut years = years.to_vec();
    years.sort();
    years.dedup();
    p.indicators
        .iter()
        .map(|i| {
            let values: Vec<Tri<u64>> = years.iter().map(|y| i.value(*y)).collect();
            YearSeries {
                title: format!("{}（{}）", i.name, i.unit.label()),
                unit: i.unit,
                years: years.iter().map(|y| y.wareki()).collect(),
                values: values
                    .iter()
                    .map(|v| match v {
                        Tri::Unknown => None,
                        Tri::None => Some(0),
                        Tri::Value(n) => Some(*n),
                    })
                    .collect(),
                shown: values.iter().map(|v| show_value(v, i.unit)).collect(),
            }
        })
        .collect()
}
