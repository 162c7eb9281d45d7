use super::*;
use crate::domain::ventilator::subsidy::tests::{d, needing_all};
use crate::domain::ventilator::subsidy::{check_all, Verdict};

/// A 保健所 whose Ｂ町 pays up to 150,000円 for a generator with a useful life of 5 years.
fn with_b_town() -> TablesForm {
    let mut form = TablesForm::from_tables(&SubsidyTables::default());
    form.add_municipality("Ｂ町");
    form.municipalities[0].limits[0] = "150,000円".into();
    form.municipalities[0].lives[0] = "５年".into();
    form
}

#[test]
fn the_default_tables_are_the_seeds_for_every_town() {
    let t = SubsidyTables::default();
    let (table, own) = t.for_municipality("Ａ市");
    assert_eq!(table, &SubsidyTable::default());
    assert_eq!(own, None);
    assert!(t.problems().is_empty());
}

#[test]
fn a_town_with_its_own_table_is_checked_against_it_and_the_others_against_the_common() {
    let tables = with_b_town().parse().expect("valid");
    assert_eq!(tables.municipalities[0].municipality, "Ｂ町");
    // Typed 「150,000円」 and 「５年」: 150,000円, 5 years; ② and ③ copied from the common table.
    assert_eq!(tables.municipalities[0].table.generator, ItemRule { limit_yen: 150_000, useful_life_years: 5 });
    assert_eq!(tables.municipalities[0].table.suction, SubsidyTable::default().suction);
    let today = d(2026, 12, 3);
    // Widths and spaces do not matter: 様式1 may write 「Ｂ町 」.
    let (b, own) = tables.for_municipality(" Ｂ町 ");
    assert_eq!(own, Some("Ｂ町"));
    let checks = check_all(b, &needing_all(), today).expect("valid");
    assert_eq!(checks[0].verdict, Verdict::Eligible { limit_yen: 150_000 });
    let (a, own) = tables.for_municipality("Ａ市");
    assert_eq!(own, None);
    assert_eq!(
        check_all(a, &needing_all(), today).expect("valid")[0].verdict,
        Verdict::Eligible { limit_yen: 212_000 }
    );
    // Received 2021-06-01: within Ｂ町's 5 years until 2026-06-01, so open again on 2026-12-03;
    // the common 6 years would keep it closed until 2027-06-01.
    let mut facts = needing_all();
    facts.received[0] = Some(d(2021, 6, 1));
    assert!(check_all(b, &facts, today).expect("valid")[0].eligible());
    assert_eq!(
        check_all(a, &facts, today).expect("valid")[0].verdict,
        Verdict::WithinUsefulLife { received: d(2021, 6, 1), renewal: d(2027, 6, 1) }
    );
}

#[test]
fn a_negative_amount_is_refused_naming_the_table_and_field() {
    let mut form = with_b_town();
    form.municipalities[0].limits[2] = "-41000".into();
    let issues = form.parse().expect_err("refused");
    let e: Vec<String> = issues.errors().map(ToString::to_string).collect();
    assert_eq!(e, ["Ｂ町・③無停電電源装置の限度額: 0以上の数を入力してください"]);
    assert_eq!(issues.errors().next().map(|i| i.field.as_str()), Some("municipalities.0.limit.2"));
}

#[test]
fn every_bad_field_is_named() {
    let mut form = TablesForm::from_tables(&SubsidyTables::default());
    form.common.limits[0] = "たくさん".into();
    form.common.limits[1] = String::new();
    form.common.lives[2] = "0".into();
    form.common.lives[1] = "31".into();
    form.add_municipality("");
    form.add_municipality("Ｃ村");
    form.add_municipality("Ｃ村");
    form.municipalities[0].limits[0] = "99999999".into();
    let e: Vec<String> = form.parse().expect_err("refused").errors().map(ToString::to_string).collect();
    assert!(
        e.contains(&"管内共通・①自家発電装置の限度額: 数字で入力してください（不明なら空欄、なしなら0）".to_string()),
        "{e:?}"
    );
    assert!(
        e.contains(&"管内共通・②吸引器（充電式）の限度額: 金額を円で入力してください（例: 212000）".to_string()),
        "{e:?}"
    );
    assert!(e.contains(&"管内共通・③無停電電源装置の耐用年数: 1〜30年で入力してください".to_string()), "{e:?}");
    assert!(e.contains(&"管内共通・②吸引器（充電式）の耐用年数: 0〜30で入力してください".to_string()), "{e:?}");
    assert!(e.iter().any(|m| m.starts_with("市町村ごとの表1の市町村: 市町村名を入力してください")), "{e:?}");
    assert!(e.contains(&"市町村ごとの表1・①自家発電装置の限度額: 0〜10000000で入力してください".to_string()), "{e:?}");
    assert!(e.iter().any(|m| m.starts_with("Ｃ村の表: 同じ市町村の表がほかにもあります")), "{e:?}");
}

#[test]
fn a_stored_table_with_a_negative_amount_is_named_by_its_town() {
    let mut t = SubsidyTables::default();
    let mut b = SubsidyTable::default();
    b.ups.limit_yen = -1;
    t.municipalities.push(MunicipalTable { municipality: "Ｂ町".into(), table: b.clone() });
    t.municipalities.push(MunicipalTable { municipality: "Ｂ町".into(), table: SubsidyTable::default() });
    let p = t.problems();
    assert_eq!(p[0].0, "municipalities/0");
    assert!(p[0].1.starts_with("補助の上限表（Ｂ町・③無停電電源装置の限度額）: 0円以上"), "{p:?}");
    assert_eq!(p[1], ("municipalities/1".to_string(), "補助の上限表（Ｂ町）: 同じ市町村の表が2つあります".to_string()));
}

#[test]
fn the_form_round_trips_and_other_schemes_are_one_per_line() {
    let mut form = with_b_town();
    form.municipalities[0].other_schemes = "日常生活用具給付等事業\n\n  町の独自事業  \n".into();
    let tables = form.parse().expect("valid");
    assert_eq!(tables.municipalities[0].table.other_schemes, ["日常生活用具給付等事業", "町の独自事業"]);
    let again = TablesForm::from_tables(&tables).parse().expect("valid");
    assert_eq!(again, tables);
    let json = serde_json::to_value(&tables).expect("json");
    let back: SubsidyTables = serde_json::from_value(json).expect("reads");
    assert_eq!(back, tables);
}

#[test]
fn the_tables_are_stored_once_per_diagnosis_as_subsidy_table() {
    use crate::domain::ids::{DeviceId, RecordId};
    use crate::domain::record::StoredRecord;
    use crate::domain::records::{singleton_suffix, SUBSIDY_TABLE_SUFFIX};
    use crate::domain::time::Timestamp;
    assert_eq!(singleton_suffix(RecordKind::SubsidyTable), Some(SUBSIDY_TABLE_SUFFIX));
    let tables = with_b_town().parse().expect("valid");
    let id = RecordId::singleton(&RecordId::parse("d-2025").expect("id"), SUBSIDY_TABLE_SUFFIX).expect("id");
    assert_eq!(id.as_str(), "d-2025:subsidy_table");
    let dev = DeviceId::parse("pc").expect("device");
    let r =
        StoredRecord::create(id, RecordId::parse("d-2025").expect("id"), &tables, Timestamp(1), &dev).expect("creates");
    assert_eq!((r.meta.kind.key(), r.meta.kind.label()), ("subsidy_table", "補助の上限表"));
    assert_eq!(r.body_as::<SubsidyTables>().expect("reads"), tables);
}
