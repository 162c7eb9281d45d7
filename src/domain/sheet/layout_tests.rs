use super::*;
use crate::domain::csv::{PATIENT_HEADERS, STATION_HEADERS};
use crate::domain::forms::patient_form::fields as p;
use crate::domain::forms::station_form::fields as s;
use crate::domain::sheet::fields::{ADDITIONS, NUMBER};

fn grid(rows: &[&[&str]], merges: Vec<(usize, usize, usize, usize)>) -> Grid {
    Grid { merges, ..crate::domain::sheet::test_support::grid(rows) }
}

fn field_at(layout: &Layout, column: usize) -> Option<&str> {
    layout.columns.iter().find(|c| c.index == column).and_then(|c| c.field.as_deref())
}

#[test]
fn headings_are_normalised() {
    assert_eq!(normalise_heading("頻度\n(回/\n月)"), "頻度");
    assert_eq!(normalise_heading("ＡＤＬ"), "adl");
    assert_eq!(normalise_heading("機関名\n・なしは0\n・不明は空白"), "機関名・なしは0・不明は空白");
    assert_eq!(normalise_heading("（４）のうち医療保険利用者数"), "のうち医療保険利用者数");
    assert_eq!(normalise_heading("在宅人工呼吸器使\n用患者支援事業\n(訪問看護)"), "在宅人工呼吸器使用患者支援事業");
    assert_eq!(normalise_heading("具体的に内容を記載する※３"), "具体的に内容を記載する");
}

#[test]
fn the_apps_own_csv_headings_name_every_field() {
    let header: Vec<&str> = PATIENT_HEADERS.to_vec();
    let g = grid(&[&header, &["1", "A市"]], vec![]);
    let layout = find_table(&g, TableKind::Patients).unwrap();
    assert_eq!(layout.heading_rows, (0, 0));
    let fields: Vec<&str> = layout.columns.iter().map(|c| c.field.as_deref().unwrap_or("-")).collect();
    let expected: Vec<&str> = TableKind::Patients.fields().iter().map(|f| f.key).collect();
    assert_eq!(fields, expected);

    let header: Vec<&str> = STATION_HEADERS.to_vec();
    let g = grid(&[&header], vec![]);
    let layout = find_table(&g, TableKind::Stations).unwrap();
    let fields: Vec<&str> = layout.columns.iter().map(|c| c.field.as_deref().unwrap_or("-")).collect();
    assert_eq!(
        fields,
        vec![
            NUMBER,
            s::NAME,
            s::ADDRESS,
            s::FTE_DIRECT,
            s::MONTHLY_USERS,
            s::MEDICAL_INSURANCE_USERS,
            s::ROOM_FOR_MORE_VISITS,
            s::ADDITION_24H,
            s::ADDITION_SPECIAL,
            s::ALS_EXPERIENCE,
            s::VENTILATOR_EXPERIENCE,
            s::ALS_INTAKE,
            s::CHILD_INTAKE,
        ]
    );
}

/// The paper form: a title row, group headings merged across their columns over the column
/// headings, single headings merged down over both rows, notes in the headings.
#[test]
fn paper_layout_with_grouped_headings_over_two_rows() {
    let g = grid(
        &[
            &["様式１　在宅療養中のALS患者の状況", "", "", "", "", "", "", ""],
            &[],
            &["番号", "住所", "氏名", "医療処置管理", "", "神経内科専門医療機関", "", "", "年齢"],
            &[
                "",
                "",
                "",
                "人工呼吸器",
                "気管切開",
                "機関名\n・なしは0\n・不明は空白",
                "受診形態",
                "頻度\n(回/\n月)",
                "",
            ],
            &["例1", "A市", "山田", "1", "0", "県立病院", "1", "1", "66"],
            &["1", "B町", "田中", "0", "0", "0", "", "", "70"],
        ],
        vec![(2, 0, 3, 0), (2, 1, 3, 1), (2, 2, 3, 2), (2, 3, 2, 4), (2, 5, 2, 7), (2, 8, 3, 8)],
    );
    let layout = find_table(&g, TableKind::Patients).unwrap();
    assert_eq!(layout.heading_rows, (2, 3));
    assert_eq!(layout.data_start(), 4);
    assert_eq!(field_at(&layout, 0), Some(NUMBER));
    assert_eq!(field_at(&layout, 1), Some(p::MUNICIPALITY));
    assert_eq!(field_at(&layout, 3), Some(p::VENTILATOR));
    assert_eq!(field_at(&layout, 4), Some(p::TRACHEOSTOMY));
    assert_eq!(field_at(&layout, 5), Some(p::NEUROLOGY_NAME));
    assert_eq!(field_at(&layout, 6), Some(p::NEUROLOGY_MODE));
    assert_eq!(field_at(&layout, 7), Some(p::NEUROLOGY_PER_MONTH));
    assert_eq!(field_at(&layout, 8), Some(p::AGE));
    assert_eq!(layout.columns[5].heading, "神経内科専門医療機関 機関名・なしは0・不明は空白");
    assert!(is_example_row(&g, 4, &layout));
    assert!(!is_example_row(&g, 5, &layout));
}

/// 機関名 appears under four groups: each goes to its own group's field.
#[test]
fn the_same_heading_under_different_groups() {
    let g = grid(
        &[
            &["かかりつけ主治医", "", "訪問看護ステーション", "", "医療機関からの訪問看護", "", "氏名"],
            &["機関名", "頻度", "機関名", "利用機関数", "機関名", "1週間の合計訪問回数（回）", ""],
        ],
        vec![(0, 0, 0, 1), (0, 2, 0, 3), (0, 4, 0, 5)],
    );
    let layout = find_table(&g, TableKind::Patients).unwrap();
    assert_eq!(field_at(&layout, 0), Some(p::FAMILY_DOCTOR_NAME));
    assert_eq!(field_at(&layout, 1), Some(p::FAMILY_DOCTOR_PER_MONTH));
    assert_eq!(field_at(&layout, 2), Some(p::STATION_NAMES));
    assert_eq!(field_at(&layout, 3), Some(p::STATION_COUNT));
    assert_eq!(field_at(&layout, 4), Some(p::INSTITUTION_NAME));
    assert_eq!(field_at(&layout, 5), Some(p::INSTITUTION_WEEKLY));
    assert_eq!(field_at(&layout, 6), Some(p::NAME));
}

#[test]
fn shuffled_columns_blank_columns_and_rows() {
    let g =
        grid(&[&[], &["", "年齢", "", "氏名", "ID番号", "住所"], &[], &["", "70", "", "田中", "A-1", "B町"]], vec![]);
    let layout = find_table(&g, TableKind::Patients).unwrap();
    assert_eq!(layout.heading_rows, (1, 1));
    assert_eq!(field_at(&layout, 1), Some(p::AGE));
    assert_eq!(field_at(&layout, 3), Some(p::NAME));
    assert_eq!(field_at(&layout, 4), Some(p::ID_NUMBER));
    assert_eq!(field_at(&layout, 5), Some(p::MUNICIPALITY));
    assert_eq!(layout.columns.iter().map(|c| c.index).collect::<Vec<_>>(), vec![1, 3, 4, 5]);
}

#[test]
fn longest_heading_wins_and_a_field_goes_to_its_first_column() {
    let g = grid(&[&["医療処置管理 その他の内容", "医療処置管理 その他", "氏名", "住所", "氏名"]], vec![]);
    let layout = find_table(&g, TableKind::Patients).unwrap();
    assert_eq!(field_at(&layout, 0), Some(p::OTHER_PROCEDURE_DETAIL));
    assert_eq!(field_at(&layout, 1), Some(p::OTHER_PROCEDURE));
    assert_eq!(field_at(&layout, 2), Some(p::NAME));
    assert_eq!(field_at(&layout, 4), None);
    assert!(mapping_problems(&layout).is_empty());
}

#[test]
fn the_paper_station_form_with_one_additions_column() {
    let g = grid(
        &[
            &[
                "（1）名称",
                "（2）所在地",
                "（3）看護師の常勤換算",
                "（7）医療保険加算届出\n1.24時間 2.特別管理 0.なし",
                "（10）ALS患者の今後の受け入れ",
            ],
            &["Ａステーション", "A市", "3.0", "1,2", "2"],
        ],
        vec![],
    );
    let layout = find_any_table(&g).unwrap();
    assert_eq!(layout.kind, TableKind::Stations);
    assert_eq!(field_at(&layout, 0), Some(s::NAME));
    assert_eq!(field_at(&layout, 3), Some(ADDITIONS));
    assert_eq!(field_at(&layout, 4), Some(s::ALS_INTAKE));
}

#[test]
fn no_table_without_three_known_headings() {
    let g = grid(&[&["売上", "氏名", "金額"], &["1", "2", "3"]], vec![]);
    assert_eq!(find_table(&g, TableKind::Patients), None);
    assert_eq!(find_any_table(&Grid::default()), None);
}

#[test]
fn two_columns_on_one_field_are_named() {
    let g = grid(&[&["氏名", "住所", "年齢"]], vec![]);
    let mut layout = find_table(&g, TableKind::Patients).unwrap();
    layout.columns[1].field = Some(p::NAME.to_string());
    assert_eq!(
        mapping_problems(&layout),
        vec!["列 A と列 B が同じ項目「氏名」になっています。どちらかを「取り込まない」にしてください".to_string()]
    );
    layout.columns[1].field = Some("nonsense".to_string());
    assert_eq!(mapping_problems(&layout), vec!["列 B: 「nonsense」という項目はありません".to_string()]);
}

#[test]
fn the_shape_key_follows_the_headings() {
    let a = find_table(&grid(&[&["氏名", "住所", "年齢"]], vec![]), TableKind::Patients).unwrap();
    let b = find_table(&grid(&[&["氏名", "住所", "年齢"], &["x", "y", "1"]], vec![]), TableKind::Patients).unwrap();
    let c = find_table(&grid(&[&["住所", "氏名", "年齢"]], vec![]), TableKind::Patients).unwrap();
    assert_eq!(a.shape_key(), b.shape_key());
    assert_ne!(a.shape_key(), c.shape_key());
}
