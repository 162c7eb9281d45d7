//! 地域の概況 on paper (印刷): the saved 様式1 上欄 管轄地域の概況 as two tables of the paper
//! form's boxes — the jurisdiction and its certified patients, then the medical resources —
//! each a row of group headings, a row of labels and a row of values. Blank (未入力・不明)
//! prints blank, 0 prints 0, as everywhere on paper.

use crate::domain::overview::Overview;

/// One box of the printed form: its label and the value as printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedField {
    pub label: String,
    pub value: String,
}

/// Boxes under one heading (`""` when a box stands alone and its label is the heading).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintedGroup {
    pub title: &'static str,
    pub fields: Vec<PrintedField>,
}

fn count(value: Option<u64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn field(label: impl Into<String>, value: String) -> PrintedField {
    PrintedField { label: label.into(), value }
}

fn group(title: &'static str, fields: Vec<PrintedField>) -> PrintedGroup {
    PrintedGroup { title, fields }
}

/// The two printed tables: [管轄地域, 指定難病認定者数, 療養者数（認定者）] and
/// [拠点病院, 分野別拠点病院, 協力病院, 指定医, 在宅療養支援診療所, 訪問看護ステーション].
pub fn overview_print(o: &Overview) -> [Vec<PrintedGroup>; 2] {
    let mut certified = vec![
        field("ALS", count(o.certified_als)),
        field("SCD", count(o.certified_scd)),
        field("MSA", count(o.certified_msa)),
        field("PD", count(o.certified_pd)),
    ];
    certified.extend(o.certified_other.iter().map(|d| {
        let name = d.disease.trim();
        field(if name.is_empty() { "（疾患名なし）" } else { name }, count(d.count))
    }));
    let area = vec![
        group(
            "管轄地域",
            vec![
                field("人口（人）", count(o.population)),
                field("面積（km²）", o.area_km2.map(|a| a.to_string()).unwrap_or_default()),
            ],
        ),
        group("", vec![field("指定難病認定者数（人）", count(o.certified_total))]),
        group("療養者数（認定者）（人）", certified),
    ];
    let resources = vec![
        group("難病診療連携拠点病院", vec![field("都道府県内（ヵ所）", count(o.base_hospitals_pref))]),
        group("難病診療分野別拠点病院", vec![field("都道府県内（ヵ所）", count(o.field_base_hospitals_pref))]),
        group(
            "難病医療協力病院",
            vec![
                field("管内（ヵ所）", count(o.cooperating_hospitals_local)),
                field("都道府県内（ヵ所）", count(o.cooperating_hospitals_pref)),
            ],
        ),
        group("難病指定医数", vec![field("管内（人）", count(o.designated_doctors_local))]),
        group("在宅療養支援診療所", vec![field("管内（ヵ所）", count(o.home_care_clinics_local))]),
        group("訪問看護ステーション数", vec![field("管内（ヵ所）", count(o.nurse_stations_local))]),
    ];
    [area, resources]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::Decimal2;
    use crate::domain::overview::OtherDiseaseCount;

    fn values(groups: &[PrintedGroup]) -> Vec<(String, String)> {
        groups.iter().flat_map(|g| g.fields.iter().map(|f| (f.label.clone(), f.value.clone()))).collect()
    }

    #[test]
    fn every_field_of_the_form_blank_or_zero_as_typed() {
        let o = Overview {
            population: Some(250_000),
            area_km2: Some(Decimal2(12_345)),
            certified_total: Some(0),
            certified_als: Some(12),
            certified_pd: None,
            certified_other: vec![
                OtherDiseaseCount { disease: "進行性核上性麻痺".into(), count: Some(3) },
                OtherDiseaseCount { disease: " ".into(), count: None },
            ],
            cooperating_hospitals_pref: Some(7),
            nurse_stations_local: Some(0),
            ..Overview::default()
        };
        let [area, resources] = overview_print(&o);
        assert_eq!(area.iter().map(|g| g.title).collect::<Vec<_>>(), ["管轄地域", "", "療養者数（認定者）（人）"]);
        let v = values(&area);
        assert_eq!(v[0], ("人口（人）".into(), "250000".into()));
        assert_eq!(v[1], ("面積（km²）".into(), "123.45".into()));
        assert_eq!(v[2], ("指定難病認定者数（人）".into(), "0".into()));
        assert_eq!(v[3], ("ALS".into(), "12".into()));
        assert_eq!(v[6], ("PD".into(), String::new()));
        assert_eq!(v[7], ("進行性核上性麻痺".into(), "3".into()));
        assert_eq!(v[8], ("（疾患名なし）".into(), String::new()));
        let r = values(&resources);
        assert_eq!(r.len(), 7);
        assert_eq!(r[3], ("都道府県内（ヵ所）".into(), "7".into()));
        assert_eq!(r[6], ("管内（ヵ所）".into(), "0".into()));
        assert_eq!(r[0].1, "");
    }
}
