//! 様式1 on paper (印刷): the roster on A4 landscape, laid out like the paper form.
//!
//! The 44 columns need about 2½ page widths, so they are split into column bands
//! ([`column_bands`]): every band starts with 番号 and ID番号 (so each sheet says whose row it
//! is), a group heading (医療処置管理, 特定症状, …) is never split across bands, and the bands
//! are made about equally wide (the fewest bands that fit, then the narrowest widest band).
//! Each column has a nominal width in mm ([`column_width_mm`]); on paper a band's table fills
//! the printable width, its columns widened in proportion.
//!
//! Rows have a fixed height (the CSS clips a cell to two lines), so a page holds exactly
//! [`ROWS_PER_PAGE`] patients and the page count is known here: row pages × bands. The
//! pages go row-major ([`print_layout`]): patients 1–20 in band 1, band 2, band 3, then
//! patients 21–40 …, so the sheets of the same patients lie together and can be laid side by
//! side or stapled as one wide form. Every page is labelled `n／N`.

use super::{
    gap_options, header_groups, roster_row, RosterFilter, RosterRow, RosterSort, BLANK_KEY, ROSTER_COLUMNS,
    VENTILATOR_OPTIONS,
};
use crate::domain::patient::Patient;
use std::ops::Range;

/// Patients on one printed page (rows are 7 mm high; see the CSS of `.roster-print`).
pub const ROWS_PER_PAGE: usize = 20;
/// Width (mm) a band may take: A4 landscape 297 mm less 2 × 10 mm margins, less a little
/// for the table's borders.
pub const BAND_WIDTH_MM: u32 = 270;
/// Columns repeated at the left of every band: 番号 and ID番号.
pub const REPEATED_COLUMNS: usize = 2;

/// The nominal width (mm) of a roster column on paper (by its key; 10 mm for a key not
/// listed). Only the widths used here have a CSS class `mm-<width>`.
pub fn column_width_mm(key: &str) -> u32 {
    match key {
        "number" => 8,
        "id_number" => 16,
        "address" => 30,
        "name" | "devices" | "emergency_admission" | "respite_admission" | "institution_name" => 22,
        "onset" => 14,
        "first_symptom" | "home_respite" | "emergency_nursing" | "last_contact" => 18,
        "neurology_name" | "family_doctor_name" => 24,
        "station_names" => 28,
        "station_weekly" | "institution_weekly" | "programme_weekly" | "home_care_service" => 12,
        "weekly_total" | "disaster_plan" => 13,
        "care_insurance" | "disability_certificate" | "disability_support_class" | "support_class" => 11,
        "ventilator" | "tracheostomy" | "suction" | "tube_feeding" | "other_procedure" | "respiratory"
        | "swallowing" | "speech" | "urinary" | "autonomic" | "adl" | "programme_used" => 9,
        _ => 10,
    }
}

/// A column band: the columns printed on one sheet's width (indices into
/// [`ROSTER_COLUMNS`], in order, starting with 番号 and ID番号).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Band {
    pub columns: Vec<usize>,
}

impl Band {
    /// The band's nominal width (mm).
    pub fn width_mm(&self) -> u32 {
        self.columns.iter().filter_map(|&c| ROSTER_COLUMNS.get(c)).map(|c| column_width_mm(c.key)).sum()
    }

    /// The heading groups over the band's columns: (group label or `""`, span, first column
    /// index into [`ROSTER_COLUMNS`]), like [`header_groups`] for the whole roster.
    pub fn groups(&self) -> Vec<(&'static str, usize, usize)> {
        let mut out: Vec<(&'static str, usize, usize)> = Vec::new();
        for &i in &self.columns {
            let Some(c) = ROSTER_COLUMNS.get(i) else { continue };
            match out.last_mut() {
                Some((g, span, _)) if !c.group.is_empty() && *g == c.group => *span += 1,
                _ => out.push((c.group, 1, i)),
            }
        }
        out
    }

    /// 「住所〜使用医療機器」: what the band covers after the repeated columns (a column in a
    /// group by its group: 「訪問看護ステーション〜支援管理区分」, not 「機関名〜…」).
    pub fn range_label(&self) -> String {
        let label = |i: Option<&usize>| {
            i.and_then(|&i| ROSTER_COLUMNS.get(i)).map_or("", |c| if c.group.is_empty() { c.label } else { c.group })
        };
        let own = self.columns.get(REPEATED_COLUMNS..).unwrap_or_default();
        format!("{}〜{}", label(own.first()), label(own.last()))
    }
}

/// A run of columns kept together on one band (a group, or a column alone), with its width.
fn units(avail: u32) -> Vec<(Range<usize>, u32)> {
    let width = |r: &Range<usize>| ROSTER_COLUMNS[r.clone()].iter().map(|c| column_width_mm(c.key)).sum::<u32>();
    let mut out = Vec::new();
    for (_, span, first) in header_groups() {
        let range = first..first + span;
        if range.end <= REPEATED_COLUMNS {
            continue;
        }
        let range = range.start.max(REPEATED_COLUMNS)..range.end;
        let w = width(&range);
        if w <= avail {
            out.push((range, w));
        } else {
            // A group wider than a band (not so with these widths): split it by column.
            out.extend(range.map(|c| (c..c + 1, column_width_mm(ROSTER_COLUMNS[c].key))));
        }
    }
    out
}

/// Units packed greedily into bands of at most `limit` mm (a unit wider than `limit` gets
/// a band of its own): the ranges of unit indices.
fn pack(units: &[(Range<usize>, u32)], limit: u32) -> Vec<Range<usize>> {
    let mut bands: Vec<Range<usize>> = Vec::new();
    let mut used = 0;
    for (i, (_, w)) in units.iter().enumerate() {
        match bands.last_mut() {
            Some(b) if used + w <= limit => {
                b.end = i + 1;
                used += w;
            }
            _ => {
                bands.push(i..i + 1);
                used = *w;
            }
        }
    }
    bands
}

/// The column bands for a printable width of `width_mm`: the fewest that fit, each as
/// narrow as that count allows; every band starts with 番号 and ID番号 and every column
/// after them is in exactly one band.
pub fn column_bands(width_mm: u32) -> Vec<Band> {
    let repeated: u32 = ROSTER_COLUMNS[..REPEATED_COLUMNS].iter().map(|c| column_width_mm(c.key)).sum();
    let avail = width_mm.saturating_sub(repeated).max(1);
    let units = units(avail);
    let fewest = pack(&units, avail).len();
    // The narrowest limit that still needs no more bands (packing is monotone in the limit).
    let widest_unit = units.iter().map(|(_, w)| *w).max().unwrap_or(1);
    let (mut lo, mut hi) = (widest_unit.min(avail), avail);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if pack(&units, mid).len() <= fewest {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    pack(&units, lo)
        .into_iter()
        .map(|b| {
            let mut columns: Vec<usize> = (0..REPEATED_COLUMNS).collect();
            for (range, _) in units.get(b).unwrap_or_default() {
                columns.extend(range.clone());
            }
            Band { columns }
        })
        .collect()
}

/// One printed page: a band of columns for a run of patients.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintPage {
    /// Page number, from 1
    pub number: usize,
    /// Which band (index into [`RosterPrint::bands`])
    pub band: usize,
    /// The patients on it: positions in the printed order (0-based; 番号 is position + 1)
    pub rows: Range<usize>,
}

/// The whole print: the bands and the pages in printing order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterPrint {
    pub bands: Vec<Band>,
    pub pages: Vec<PrintPage>,
}

impl RosterPrint {
    /// 「n／N」 for a page (from 1).
    pub fn page_label(&self, number: usize) -> String {
        format!("{number}／{}", self.pages.len())
    }

    /// 「療養者 1〜20人目　列 1/3（住所〜自律神経障害）」: where a page sits in the whole.
    pub fn page_note(&self, page: &PrintPage) -> String {
        let who = if page.rows.is_empty() {
            "療養者 0人".to_string()
        } else {
            format!("療養者 {}〜{}人目", page.rows.start + 1, page.rows.end)
        };
        let band = self.bands.get(page.band).map(Band::range_label).unwrap_or_default();
        format!("{who}　列 {}/{}（{band}）", page.band + 1, self.bands.len())
    }
}

/// The pages for `patients` printed patients, [`ROWS_PER_PAGE`] a page, with
/// [`column_bands`] of [`BAND_WIDTH_MM`], row-major (each run of patients in every band, then
/// the next run). No patients still gives one (blank) form per band.
pub fn print_layout(patients: usize) -> RosterPrint {
    let bands = column_bands(BAND_WIDTH_MM);
    let runs = patients.div_ceil(ROWS_PER_PAGE).max(1);
    let mut pages = Vec::with_capacity(runs * bands.len());
    for run in 0..runs {
        let start = run * ROWS_PER_PAGE;
        let rows = start.min(patients)..(start + ROWS_PER_PAGE).min(patients);
        for band in 0..bands.len() {
            pages.push(PrintPage { number: pages.len() + 1, band, rows: rows.clone() });
        }
    }
    RosterPrint { bands, pages }
}

/// A patient's row on paper: as on screen, except that with names hidden the 氏名 is blank
/// (the ID番号 has its own column) and the 住所 is the 市町村 only.
pub fn print_row(index: usize, number: usize, patient: &Patient, hide_names: bool) -> RosterRow {
    let mut row = roster_row(index, number, patient, hide_names);
    if hide_names {
        row.name.clear();
    }
    row
}

/// What the print shows, for its header: 「全員（ID番号順）」 or
/// 「絞り込み: 市町村 A市、人工呼吸器 有（ID番号順）」.
pub fn print_scope(filter: &RosterFilter, sort: RosterSort) -> String {
    let order = format!("{}順{}", sort.key.label(), if sort.descending { "（降順）" } else { "" });
    if !filter.is_active() {
        return format!("全員（{order}）");
    }
    let label_of = |options: &[(String, String)], value: &str| {
        options.iter().find(|(v, _)| v == value).map_or_else(|| value.to_string(), |(_, l)| l.clone())
    };
    let blankable = |v: &str| if v == BLANK_KEY { "未入力".to_string() } else { v.to_string() };
    let mut parts = Vec::new();
    if !filter.municipality.is_empty() {
        parts.push(format!("市町村 {}", blankable(&filter.municipality)));
    }
    if !filter.disease.is_empty() {
        parts.push(format!("疾患 {}", filter.disease));
    }
    if !filter.support_class.is_empty() {
        parts.push(format!("支援管理区分 {}", blankable(&filter.support_class)));
    }
    if !filter.ventilator.is_empty() {
        let options: Vec<(String, String)> =
            VENTILATOR_OPTIONS.iter().map(|(v, l)| ((*v).to_string(), (*l).to_string())).collect();
        parts.push(label_of(&options, &filter.ventilator));
    }
    if !filter.gap.is_empty() {
        let options: Vec<(String, String)> = gap_options().into_iter().map(|(v, l)| (v.to_string(), l)).collect();
        parts.push(label_of(&options, &filter.gap));
    }
    if !filter.search.trim().is_empty() {
        parts.push(format!("検索「{}」", filter.search.trim()));
    }
    format!("絞り込み: {}（{order}）", parts.join("、"))
}

#[cfg(test)]
mod tests;
