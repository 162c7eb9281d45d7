//! 市町村 on the 管内マップ. On a plain sheet or an image each 市町村 of 様式1 is a labelled area
//! the nurse arranges (first in a grid, then where she drags it); on outlines it is the
//! outline's own label spot. With 「氏名・住所を隠す」 (a projector) the ◎ are hidden and each
//! area shows how many patients live there instead.

use super::model::MapFindings;
use super::projection::Projection;
use super::records::MapSheet;
use crate::domain::forms::input::fold_width;

/// One 市町村 as the map shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaLabel {
    /// 市町村 as 様式1 writes it (or the outline's name).
    pub name: String,
    /// Its centre on the sheet.
    pub at: (f64, f64),
    /// The nurse can move it (plain sheet, image); outlines stay where they are.
    pub movable: bool,
    /// 療養者 living there (様式1).
    pub patients: usize,
}

/// Width and height of an area's box on a sheet of `size` (units).
pub fn area_box(size: (f64, f64)) -> (f64, f64) {
    let w = size.0 * 0.15;
    (w, w * 0.55)
}

/// The `i`-th of `n` areas in the first arrangement: a grid over the sheet, row by row.
pub fn default_spot(i: usize, n: usize, size: (f64, f64)) -> (f64, f64) {
    let n = n.max(1);
    // Columns so that the cells are about as wide as high on this sheet.
    let cols = ((n as f64 * size.0 / size.1).sqrt().ceil() as usize).clamp(1, n);
    let rows = n.div_ceil(cols);
    let (cw, ch) = (size.0 / cols as f64, size.1 / rows as f64);
    ((i % cols) as f64 * cw + cw / 2.0, (i / cols) as f64 * ch + ch / 2.0)
}

fn key(name: &str) -> String {
    fold_width(name).chars().filter(|c| !c.is_whitespace()).collect()
}

/// The areas to draw: the outlines' on an outline sheet, else every 市町村 of 様式1 (`names`,
/// sorted) where the nurse put it or in the first arrangement. Patients are counted from the
/// findings' counts per 市町村.
pub fn area_labels(
    projection: &Projection,
    sheet: &MapSheet,
    names: &[String],
    findings: &MapFindings,
) -> Vec<AreaLabel> {
    let patients_in = |name: &str| {
        let k = key(name);
        findings.counts.iter().filter(|c| key(&c.municipality) == k).map(|c| c.patients).sum()
    };
    let drawn = projection.areas();
    if !drawn.is_empty() {
        return drawn
            .into_iter()
            .map(|a| AreaLabel { patients: patients_in(&a.name), name: a.name, at: a.label_at, movable: false })
            .collect();
    }
    let size = projection.size();
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let at = sheet
                .area_position(name)
                .and_then(|p| projection.to_sheet(&p))
                .unwrap_or_else(|| default_spot(i, names.len(), size));
            AreaLabel { name: name.clone(), at, movable: true, patients: patients_in(name) }
        })
        .collect()
}

/// What an area says: its name, and on a projector its count (「ひかり市 12人」).
pub fn area_text(label: &AreaLabel, counts: bool) -> String {
    if counts {
        format!("{} {}人", label.name, label.patients)
    } else {
        label.name.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::map::analysis::MunicipalityCounts;
    use crate::domain::map::records::{AreaOutline, BaseMap, Position};

    fn findings(counts: &[(&str, usize)]) -> MapFindings {
        MapFindings {
            counts: counts
                .iter()
                .map(|(m, n)| MunicipalityCounts { municipality: (*m).to_string(), patients: *n, facilities: [0; 6] })
                .collect(),
            ..MapFindings::default()
        }
    }

    /// Four 市町村 on the 1000×700 plain sheet: √(4·1000/700) = 2.39 → 3 columns, 2 rows; cells
    /// 333.3 × 350, so the 4th is at column 0 of row 1: (166.7, 525).
    #[test]
    fn the_first_arrangement_is_a_grid_over_the_sheet() {
        let size = (1000.0, 700.0);
        let spots: Vec<(f64, f64)> = (0..4).map(|i| default_spot(i, 4, size)).collect();
        let close = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 0.1 && (a.1 - b.1).abs() < 0.1;
        assert!(close(spots[0], (166.7, 175.0)), "{spots:?}");
        assert!(close(spots[2], (833.3, 175.0)), "{spots:?}");
        assert!(close(spots[3], (166.7, 525.0)), "{spots:?}");
        assert!(close(default_spot(0, 1, size), (500.0, 350.0)));
    }

    #[test]
    fn on_a_plain_sheet_each_town_is_where_the_nurse_put_it_with_its_patients() {
        let names = vec!["あおば町".to_string(), "ひかり市".to_string()];
        let mut sheet = MapSheet::default();
        sheet.set_area(" ひかり市 ", Some(Position::Sheet { x: 100.0, y: 600.0 }));
        let (p, _) = Projection::of(None, &sheet);
        let labels = area_labels(&p, &sheet, &names, &findings(&[("ひかり市", 12), ("あおば町", 3)]));
        assert_eq!(labels[1], AreaLabel { name: "ひかり市".into(), at: (100.0, 600.0), movable: true, patients: 12 });
        // Two towns: √(2·1000/700) = 1.69 → 2 columns, 1 row: the first cell's centre.
        assert_eq!(labels[0].at, (250.0, 350.0));
        assert_eq!(area_text(&labels[1], true), "ひかり市 12人");
        assert_eq!(area_text(&labels[1], false), "ひかり市");
        sheet.set_area("ひかり市", None);
        assert!(sheet.areas.is_empty(), "back to the first arrangement");
    }

    #[test]
    fn on_outlines_the_outlines_label_spots_are_used_and_stay() {
        let ring = vec![[35.0, 139.0], [35.0, 139.1], [35.1, 139.1], [35.1, 139.0], [35.0, 139.0]];
        let base = BaseMap::Outlines {
            file_name: "a.geojson".into(),
            areas: vec![AreaOutline { name: "ひかり市".into(), rings: vec![ring] }],
        };
        let sheet = MapSheet::default();
        let (p, _) = Projection::of(Some(&base), &sheet);
        let labels = area_labels(&p, &sheet, &["ひかり市".into(), "あおば町".into()], &findings(&[("ひかり市", 2)]));
        assert_eq!(labels.len(), 1, "only what the outlines hold");
        assert!(!labels[0].movable);
        assert_eq!(labels[0].patients, 2);
        assert_eq!(labels[0].at, p.areas()[0].label_at);
    }

    #[test]
    fn a_bad_area_position_is_named() {
        let mut sheet = MapSheet::default();
        sheet.set_area("ひかり市", Some(Position::Ground { lat: 95.0, lon: 139.0 }));
        let problems = sheet.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].1.starts_with("市町村「ひかり市」の位置"), "{problems:?}");
    }
}
