use super::*;
use crate::domain::forms::roster::{SortKey, GAP_ANY, VENTILATOR_YES};

fn keys(band: &Band) -> Vec<&'static str> {
    band.columns.iter().map(|&c| ROSTER_COLUMNS[c].key).collect()
}

#[test]
fn the_columns_nominal_widths() {
    // Hand-added from column_width_mm: 番号 8 + ID番号 16 = 24; the other 42 columns 588.
    let all: u32 = ROSTER_COLUMNS.iter().map(|c| column_width_mm(c.key)).sum();
    assert_eq!(all, 612);
    assert_eq!(column_width_mm("number") + column_width_mm("id_number"), 24);
    assert!(ROSTER_COLUMNS.iter().all(|c| column_width_mm(c.key) >= 8));
}

#[test]
fn three_bands_each_starting_with_number_and_id() {
    let bands = column_bands(BAND_WIDTH_MM);
    // 588 mm after 番号・ID番号 in bands of 270 − 24 = 246 mm: 3 bands at least. The narrowest
    // widest band for 3 is 213 mm (at 212 mm the third band would need 223 mm).
    assert_eq!(bands.len(), 3);
    assert_eq!(bands.iter().map(Band::width_mm).collect::<Vec<_>>(), [24 + 170, 24 + 213, 24 + 205]);
    for b in &bands {
        assert_eq!(&keys(b)[..2], ["number", "id_number"]);
        assert!(b.width_mm() <= BAND_WIDTH_MM);
    }
    // Band 1: 住所 … 医療処置管理 ×5, 使用医療機器; band 2: 特定症状 … 緊急時の訪問看護;
    // band 3: 訪問看護ステーション … 支援管理区分.
    assert_eq!(keys(&bands[0])[2..4], ["address", "name"]);
    assert_eq!(keys(&bands[0]).last(), Some(&"devices"));
    assert_eq!(keys(&bands[1])[2], "respiratory");
    assert_eq!(keys(&bands[1]).last(), Some(&"emergency_nursing"));
    assert_eq!(keys(&bands[2])[2], "station_names");
    assert_eq!(keys(&bands[2]).last(), Some(&"support_class"));
    assert_eq!(bands.iter().map(|b| b.columns.len()).collect::<Vec<_>>(), [14, 17, 17]);
    assert_eq!(bands[0].range_label(), "住所〜使用医療機器");
    assert_eq!(bands[2].range_label(), "訪問看護ステーション〜支援管理区分");
}

#[test]
fn every_column_in_exactly_one_band_in_order() {
    for width in [BAND_WIDTH_MM, 120, 200, 400, 700, 30, 0] {
        let bands = column_bands(width);
        let mut seen: Vec<usize> = bands.iter().flat_map(|b| b.columns[REPEATED_COLUMNS..].to_vec()).collect();
        assert_eq!(seen, (REPEATED_COLUMNS..ROSTER_COLUMNS.len()).collect::<Vec<_>>(), "width {width}");
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), ROSTER_COLUMNS.len() - REPEATED_COLUMNS);
        assert!(bands.iter().all(|b| b.columns[..REPEATED_COLUMNS] == [0, 1]), "width {width}");
    }
    // Wide enough for everything: one band, the roster as on screen.
    assert_eq!(column_bands(700).len(), 1);
}

#[test]
fn a_group_heading_is_never_split() {
    let bands = column_bands(BAND_WIDTH_MM);
    for (group, span, first) in header_groups() {
        if group.is_empty() {
            continue;
        }
        let holders: Vec<usize> = (0..bands.len()).filter(|&b| bands[b].columns.contains(&first)).collect();
        assert_eq!(holders.len(), 1, "{group}");
        let band = &bands[holders[0]];
        assert!((first..first + span).all(|c| band.columns.contains(&c)), "{group} split");
        assert!(band.groups().contains(&(group, span, first)), "{group} heading in its band");
    }
    // Headings of band 1: 8 single columns, 医療処置管理 over 5, 使用医療機器.
    let g = bands[0].groups();
    assert_eq!(g.len(), 10);
    assert_eq!(g[8], ("医療処置管理", 5, 8));
}

#[test]
fn pages_for_30_and_300_patients() {
    // 30 patients: 2 runs of 20 × 3 bands = 6 pages; 300: 15 × 3 = 45.
    let p30 = print_layout(30);
    assert_eq!(p30.pages.len(), 6);
    assert_eq!(print_layout(300).pages.len(), 45);
    assert_eq!(print_layout(20).pages.len(), 3);
    assert_eq!(print_layout(21).pages.len(), 6);
    assert_eq!(print_layout(1000).pages.len(), 150);
    // Nothing to print: one blank form per band.
    let empty = print_layout(0);
    assert_eq!(empty.pages.len(), 3);
    assert!(empty.pages.iter().all(|p| p.rows.is_empty()));
    // Row-major: patients 1–20 on bands 1, 2, 3, then 21–30 on bands 1, 2, 3.
    let shape: Vec<(usize, usize, Range<usize>)> =
        p30.pages.iter().map(|p| (p.number, p.band, p.rows.clone())).collect();
    assert_eq!(shape, [(1, 0, 0..20), (2, 1, 0..20), (3, 2, 0..20), (4, 0, 20..30), (5, 1, 20..30), (6, 2, 20..30)]);
    assert_eq!(p30.page_label(1), "1／6");
    assert_eq!(p30.page_label(6), "6／6");
    assert_eq!(p30.page_note(&p30.pages[4]), "療養者 21〜30人目　列 2/3（特定症状〜緊急時の訪問看護）");
    assert_eq!(empty.page_note(&empty.pages[0]), "療養者 0人　列 1/3（住所〜使用医療機器）");
}

#[test]
fn every_patient_on_one_page_of_each_band() {
    for n in [0, 1, 19, 20, 41, 300] {
        let layout = print_layout(n);
        for band in 0..layout.bands.len() {
            let rows: Vec<usize> =
                layout.pages.iter().filter(|p| p.band == band).flat_map(|p| p.rows.clone()).collect();
            assert_eq!(rows, (0..n).collect::<Vec<_>>(), "{n} patients, band {band}");
        }
        assert!(layout.pages.iter().all(|p| p.rows.len() <= ROWS_PER_PAGE));
        assert!(layout.pages.iter().enumerate().all(|(i, p)| p.number == i + 1));
    }
}

#[test]
fn every_width_has_its_css_class() {
    let css = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css"));
    for c in ROSTER_COLUMNS {
        let rule =
            format!(".roster-print col.mm-{} {{ width: {}mm; }}", column_width_mm(c.key), column_width_mm(c.key));
        assert!(css.contains(&rule), "missing CSS: {rule}");
    }
}

#[test]
fn names_are_blank_on_paper_when_hidden() {
    let p = crate::domain::patient::Patient {
        id_number: "A-1".into(),
        name: "山田花子".into(),
        municipality: "府中市".into(),
        address_detail: "1-2-3".into(),
        ..Default::default()
    };
    let shown = print_row(0, 1, &p, false);
    assert_eq!((shown.name.as_str(), shown.address.as_str()), ("山田花子", "府中市1-2-3"));
    let hidden = print_row(0, 1, &p, true);
    assert_eq!((hidden.name.as_str(), hidden.address.as_str(), hidden.id_number.as_str()), ("", "府中市", "A-1"));
}

#[test]
fn the_print_says_what_it_shows() {
    let sort = RosterSort::default();
    assert_eq!(print_scope(&RosterFilter::default(), sort), "全員（ID番号順）");
    let f = RosterFilter {
        municipality: BLANK_KEY.into(),
        ventilator: VENTILATOR_YES.into(),
        gap: GAP_ANY.into(),
        search: " 12 ".into(),
        ..RosterFilter::default()
    };
    let by_age = RosterSort { key: SortKey::Age, descending: true };
    assert_eq!(
        print_scope(&f, by_age),
        "絞り込み: 市町村 未入力、人工呼吸器 有、ギャップあり（いずれか）、検索「12」（年齢順（降順））"
    );
}
