//! 広域の比較 (issue 19): several 地域診断 of one 年度 — typically the 保健所 of a prefecture,
//! imported from the bundles they send — side by side, with the 都道府県全体.
//!
//! * Each area's 集計 and 様式4 管内の状況 are its own [`Summary`], by the same rules as on
//!   its 集計 page and with the same disease filter.
//! * The 都道府県全体 is the 集計 of all the areas' 療養者 and ステーション together, with their
//!   地域の概況 added up ([`sum_overviews`]): counts are summed and every percentage, rate and
//!   average is computed again from the sums — never an average of percentages.
//! * An area with fewer than [`SMALL_AREA`] 療養者 is flagged: its figures may point at a
//!   person when the view is printed or exported.

use super::compare::{Line, Points, Section};
use super::coverage::EvaluationItem;
use super::inputs::SummaryInputs;
use super::sheet::{summarize, Summary};
use super::DiseaseFilter;
use crate::domain::diagnosis::{same_diagnosis, DiagnosisEntry};
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::RecordId;
use crate::domain::number::{Decimal2, Tenths};
use crate::domain::overview::{OtherDiseaseCount, Overview};
use std::cmp::Ordering;

/// Areas with fewer 療養者 than this are small groups (小集団): flagged on screen, in print
/// and in the CSV (the same threshold as the anonymised export's warning).
pub const SMALL_AREA: u64 = 5;

/// Why a choice of 地域診断 cannot be compared (shown as it is).
pub fn check_choice(chosen: &[&DiagnosisEntry]) -> Result<FiscalYear, String> {
    let Some(first) = chosen.first() else {
        return Err("比べる地域診断を2つ以上選んでください".to_string());
    };
    if chosen.len() < 2 {
        return Err("比べる地域診断を2つ以上選んでください（1つでは比べられません）".to_string());
    }
    let year = first.diagnosis.fiscal_year;
    if let Some(other) = chosen.iter().find(|e| e.diagnosis.fiscal_year != year) {
        return Err(format!(
            "年度が違う地域診断は比べられません（{} と {}）。同じ年度のものだけを選んでください",
            first.diagnosis.title(),
            other.diagnosis.title()
        ));
    }
    let entries: Vec<DiagnosisEntry> = chosen.iter().map(|e| (*e).clone()).collect();
    for e in &entries {
        if let Some(twin) = same_diagnosis(&entries, &e.diagnosis, Some(&e.record.meta.id)) {
            return Err(format!(
                "同じ地区名・年度の地域診断が2つ選ばれています（{}）。同じ地域を二重に数えないよう、どちらか一方だけにしてください",
                twin.diagnosis.title()
            ));
        }
    }
    Ok(year)
}

/// One area of the comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaSummary {
    pub id: RecordId,
    /// 地区名
    pub name: String,
    pub summary: Summary,
    /// Whether a 地域の概況 was entered (A is `-` without it).
    pub overview_entered: bool,
}

impl AreaSummary {
    /// Fewer than [`SMALL_AREA`] 療養者 in the filter.
    pub fn is_small(&self) -> bool {
        self.summary.patients < SMALL_AREA
    }
}

/// The comparison: the areas in the order chosen, and the 都道府県全体.
#[derive(Clone, Debug, PartialEq)]
pub struct Regional {
    pub fiscal_year: FiscalYear,
    pub areas: Vec<AreaSummary>,
    /// 都道府県全体 (all the areas together).
    pub total: Summary,
    /// 地区名 of the areas without a 地域の概況 (A's totals are `-` then).
    pub without_overview: Vec<String>,
}

/// Builds the comparison of `areas` (checked with [`check_choice`] first).
pub fn regional(areas: &[(&DiagnosisEntry, &SummaryInputs)], filter: &DiseaseFilter) -> Result<Regional, String> {
    let chosen: Vec<&DiagnosisEntry> = areas.iter().map(|(e, _)| *e).collect();
    let fiscal_year = check_choice(&chosen)?;
    let mut all_patients = Vec::new();
    let mut all_stations = Vec::new();
    let mut overviews = Vec::new();
    let mut out = Vec::with_capacity(areas.len());
    for (entry, inputs) in areas {
        all_patients.extend(inputs.patients.iter().cloned());
        all_stations.extend(inputs.stations.iter().cloned());
        overviews.push(if inputs.overview_entered { Some(&inputs.overview) } else { None });
        out.push(AreaSummary {
            id: entry.record.meta.id.clone(),
            name: entry.diagnosis.jurisdiction.clone(),
            summary: summarize(&inputs.overview, &inputs.patients, &inputs.stations, filter),
            overview_entered: inputs.overview_entered,
        });
    }
    let without_overview = out.iter().filter(|a| !a.overview_entered).map(|a| a.name.clone()).collect();
    let total = summarize(&sum_overviews(&overviews), &all_patients, &all_stations, filter);
    Ok(Regional { fiscal_year, areas: out, total, without_overview })
}

/// 地域の概況 of all the areas together. A count of the area (人口, 面積, 認定者数, 協力病院（管内）,
/// 指定医, 在宅療養支援診療所, ステーション数) is the sum when every area has it, else 不明.
/// A count of the whole prefecture (拠点病院, 協力病院（都道府県内）) is that count when the
/// areas that have it agree, else 不明. A missing 概況 counts as every value 不明.
pub fn sum_overviews(overviews: &[Option<&Overview>]) -> Overview {
    fn sum(mut values: impl Iterator<Item = Option<u64>>) -> Option<u64> {
        values.try_fold(0u64, |acc, v| v.map(|v| acc.saturating_add(v)))
    }
    fn same(values: impl Iterator<Item = Option<u64>>) -> Option<u64> {
        let known: Vec<u64> = values.flatten().collect();
        let first = *known.first()?;
        known.iter().all(|v| *v == first).then_some(first)
    }
    let each = |f: fn(&Overview) -> Option<u64>| overviews.iter().map(move |o| o.and_then(f));
    let area_km2 = overviews
        .iter()
        .map(|o| o.and_then(|o| o.area_km2))
        .try_fold(Decimal2::ZERO, |acc, v| v.map(|v| acc.saturating_add(v)));
    // 追加した疾患: by name, summed when every area lists it with a count.
    let mut names: Vec<String> = Vec::new();
    for o in overviews.iter().flatten() {
        for d in &o.certified_other {
            if !names.iter().any(|n| n.trim() == d.disease.trim()) {
                names.push(d.disease.trim().to_string());
            }
        }
    }
    let certified_other = names
        .into_iter()
        .map(|name| {
            let count = sum(overviews.iter().map(|o| {
                o.and_then(|o| o.certified_other.iter().find(|d| d.disease.trim() == name).and_then(|d| d.count))
            }));
            OtherDiseaseCount { disease: name, count }
        })
        .collect();
    Overview {
        population: sum(each(|o| o.population)),
        area_km2: if overviews.is_empty() { None } else { area_km2 },
        certified_total: sum(each(|o| o.certified_total)),
        certified_als: sum(each(|o| o.certified_als)),
        certified_scd: sum(each(|o| o.certified_scd)),
        certified_msa: sum(each(|o| o.certified_msa)),
        certified_pd: sum(each(|o| o.certified_pd)),
        certified_other,
        base_hospitals_pref: same(each(|o| o.base_hospitals_pref)),
        field_base_hospitals_pref: same(each(|o| o.field_base_hospitals_pref)),
        cooperating_hospitals_local: sum(each(|o| o.cooperating_hospitals_local)),
        cooperating_hospitals_pref: same(each(|o| o.cooperating_hospitals_pref)),
        designated_doctors_local: sum(each(|o| o.designated_doctors_local)),
        home_care_clinics_local: sum(each(|o| o.home_care_clinics_local)),
        nurse_stations_local: sum(each(|o| o.nurse_stations_local)),
    }
}

/// One line of the side-by-side table: the line's texts per area, then the 都道府県全体.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionalRow {
    pub section: Section,
    /// 項目名
    pub label: &'static str,
    /// 単位
    pub unit: &'static str,
    /// Per area, in the areas' order.
    pub cells: Vec<String>,
    /// 都道府県全体
    pub total: String,
}

/// A line's cell: a figure as `33.3％（3/9）` (`-（0/0）` when the denominator is 0), a value
/// as itself, `-` when unknown.
pub fn line_text(line: &Line<'_>) -> String {
    match line {
        Line::Figure(f) => figure_text(f),
        Line::Quantity(q) => q.value.map_or_else(|| "-".to_string(), |v| v.to_string()),
    }
}

/// A figure as the comparison shows it: `33.3％（3/9）`, `-（0/0）` when the denominator is 0.
pub fn figure_text(f: &super::Figure) -> String {
    share_text(f.percent, f.count, f.denominator_count)
}

fn share_text(percent: Option<Tenths>, count: u64, denominator: u64) -> String {
    let percent = percent.map_or_else(|| "-".to_string(), |p| format!("{p}％"));
    format!("{percent}（{count}/{denominator}）")
}

impl Regional {
    /// Every line of the 集計 and 様式4 管内の状況 (the lines never depend on the data, so the
    /// areas line up).
    pub fn rows(&self) -> Vec<RegionalRow> {
        let per_area: Vec<Vec<String>> =
            self.areas.iter().map(|a| a.summary.lines().iter().map(|l| line_text(&l.line)).collect()).collect();
        self.total
            .lines()
            .iter()
            .enumerate()
            .map(|(i, l)| RegionalRow {
                section: l.section,
                label: l.line.label(),
                unit: l.line.unit(),
                cells: per_area.iter().map(|cells| cells.get(i).cloned().unwrap_or_else(|| "-".to_string())).collect(),
                total: line_text(&l.line),
            })
            .collect()
    }

    /// 地区名 of the small areas (fewer than [`SMALL_AREA`] 療養者).
    pub fn small_areas(&self) -> Vec<&str> {
        self.areas.iter().filter(|a| a.is_small()).map(|a| a.name.as_str()).collect()
    }

    /// The areas ranked by one 様式4 item ([`ranking`]).
    pub fn ranking(&self, item: EvaluationItem) -> Vec<RankRow> {
        ranking(self, item)
    }
}

/// One area's place for a 様式4 item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankRow {
    /// 順位 (1 = highest %; equal % share a place, the next is skipped: 1, 1, 3); `None` for
    /// an area whose % is `-` (no 療養者), listed last.
    pub rank: Option<usize>,
    /// Position in [`Regional::areas`].
    pub area: usize,
    pub name: String,
    pub percent: Option<Tenths>,
    pub count: u64,
    pub denominator: u64,
    /// 都道府県全体との差 (points; `None` when either is `-`).
    pub gap: Option<Points>,
    pub small: bool,
}

impl RankRow {
    /// 管内の状況 as shown: `66.7％（4/6）`, or `-` for an area with no 療養者.
    pub fn value_text(&self) -> String {
        match self.percent {
            Some(_) => share_text(self.percent, self.count, self.denominator),
            None => "-".to_string(),
        }
    }

    /// `+3.3ポイント`, `-12.5ポイント`, `-`.
    pub fn gap_text(&self) -> String {
        self.gap.map_or_else(|| "-".to_string(), |g| format!("{g}{}", super::POINTS_UNIT))
    }
}

fn item_figure(summary: &Summary, item: EvaluationItem) -> Option<&super::Figure> {
    summary.coverage.iter().find(|c| c.item == item).map(|c| &c.figure)
}

/// The areas by one 様式4 item, highest 管内の状況 first; ties keep the chosen order.
pub fn ranking(r: &Regional, item: EvaluationItem) -> Vec<RankRow> {
    let total = item_figure(&r.total, item).and_then(|f| f.percent);
    let mut rows: Vec<RankRow> = r
        .areas
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let f = item_figure(&a.summary, item)?;
            Some(RankRow {
                rank: None,
                area: i,
                name: a.name.clone(),
                percent: f.percent,
                count: f.count,
                denominator: f.denominator_count,
                gap: f.percent.zip(total).map(|(p, t)| Points(i128::from(p.0) - i128::from(t.0))),
                small: a.is_small(),
            })
        })
        .collect();
    rows.sort_by(|a, b| match (a.percent, b.percent) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    let mut previous: Option<(Tenths, usize)> = None;
    for (place, row) in rows.iter_mut().enumerate() {
        row.rank = row.percent.map(|p| match previous {
            Some((q, rank)) if q == p => rank,
            _ => place + 1,
        });
        if let (Some(p), Some(rank)) = (row.percent, row.rank) {
            previous = Some((p, rank));
        }
    }
    rows
}

/// The 年度 that have 地域診断 on this device, newest first, with how many; and the one to
/// show first: the newest with at least two (else the newest).
pub fn years_to_compare(entries: &[DiagnosisEntry]) -> (Vec<(FiscalYear, usize)>, Option<FiscalYear>) {
    let mut years: Vec<(FiscalYear, usize)> = Vec::new();
    for e in entries {
        match years.iter_mut().find(|(y, _)| *y == e.diagnosis.fiscal_year) {
            Some((_, n)) => *n += 1,
            None => years.push((e.diagnosis.fiscal_year, 1)),
        }
    }
    years.sort_by_key(|(y, _)| std::cmp::Reverse(*y));
    let first = years.iter().find(|(_, n)| *n >= 2).or(years.first()).map(|(y, _)| *y);
    (years, first)
}

/// The comparison as CSV for Excel: 区分, 項目, 単位, one column per area (a small area's
/// heading says 「5人未満」), then 都道府県全体.
pub fn regional_csv(r: &Regional) -> String {
    let mut headers: Vec<String> = vec!["区分".into(), "項目".into(), "単位".into()];
    headers.extend(r.areas.iter().map(area_heading));
    headers.push("都道府県全体".into());
    let heading_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = r
        .rows()
        .into_iter()
        .map(|row| {
            let mut cells = vec![row.section.label().to_string(), row.label.to_string(), row.unit.to_string()];
            cells.extend(row.cells);
            cells.push(row.total);
            cells
        })
        .collect();
    crate::domain::csv::csv_table(&heading_refs, &rows)
}

/// An area's column heading: its 地区名, marked when it is a small area.
pub fn area_heading(a: &AreaSummary) -> String {
    if a.is_small() {
        format!("{}（{SMALL_AREA}人未満）", a.name)
    } else {
        a.name.clone()
    }
}

/// The note under a printed or exported comparison when some areas are small.
pub fn small_area_note(r: &Regional) -> Option<String> {
    let small = r.small_areas();
    (!small.is_empty()).then(|| {
        format!(
            "療養者が{SMALL_AREA}人未満の地域があります（{}）。人数から個人が分かることがあるので、印刷物やファイルを外に出すときは注意してください",
            small.join("、")
        )
    })
}

#[cfg(test)]
#[path = "regional_tests.rs"]
mod tests;
