//! 様式1 管轄地域の概況 as typed, and its parsing into an [`Overview`].
//!
//! Blank = 未入力（不明, `None`）; `0` = 0. Counts are whole numbers; the area has at most
//! two decimals. Cross checks: the disease counts together never exceed 指定難病認定者数,
//! 協力病院 (管内) never exceeds 協力病院 (都道府県内), and 認定者数 never exceeds 人口.

use super::input::{parse_decimal, parse_short_text, parse_whole};
use crate::domain::issues::{Issue, Issues, Severity};
use crate::domain::number::{Decimal2, MAX_COUNT};
use crate::domain::overview::{OtherDiseaseCount, Overview};
use crate::domain::patient::{Disease, Patient};
use serde::{Deserialize, Serialize};

/// Largest 面積 accepted (km²): above any 保健所's jurisdiction (北海道 is about 83,424 km²).
pub const MAX_AREA_KM2: Decimal2 = Decimal2(10_000_000);
/// Largest facility count accepted (ヵ所, 人 for 指定医).
pub const MAX_FACILITIES: u64 = 100_000;
/// Most diseases that can be added beside the four.
pub const MAX_OTHER_DISEASES: usize = 20;

/// Field keys used in [`Issues`] and as input names.
pub mod fields {
    /// 人口
    pub const POPULATION: &str = "population";
    /// 面積
    pub const AREA_KM2: &str = "area_km2";
    /// 指定難病認定者数
    pub const CERTIFIED_TOTAL: &str = "certified_total";
    /// 療養者数（認定者） ALS
    pub const CERTIFIED_ALS: &str = "certified_als";
    /// 〃 SCD
    pub const CERTIFIED_SCD: &str = "certified_scd";
    /// 〃 MSA
    pub const CERTIFIED_MSA: &str = "certified_msa";
    /// 〃 PD
    pub const CERTIFIED_PD: &str = "certified_pd";
    /// 〃 追加した疾患 (the whole list; rows have [`other_disease`] / [`other_count`] keys)
    pub const CERTIFIED_OTHER: &str = "certified_other";
    /// 難病診療連携拠点病院（都道府県内）
    pub const BASE_HOSPITALS_PREF: &str = "base_hospitals_pref";
    /// 難病診療分野別拠点病院（都道府県内）
    pub const FIELD_BASE_HOSPITALS_PREF: &str = "field_base_hospitals_pref";
    /// 難病医療協力病院（管内）
    pub const COOPERATING_HOSPITALS_LOCAL: &str = "cooperating_hospitals_local";
    /// 難病医療協力病院（都道府県内）
    pub const COOPERATING_HOSPITALS_PREF: &str = "cooperating_hospitals_pref";
    /// 難病指定医数（管内）
    pub const DESIGNATED_DOCTORS_LOCAL: &str = "designated_doctors_local";
    /// 在宅療養支援診療所（管内）
    pub const HOME_CARE_CLINICS_LOCAL: &str = "home_care_clinics_local";
    /// 訪問看護ステーション数（管内）
    pub const NURSE_STATIONS_LOCAL: &str = "nurse_stations_local";

    /// Key of the 疾患名 of added disease row `i` (from 0): `certified_other.0.disease`.
    pub fn other_disease(i: usize) -> String {
        format!("certified_other.{i}.disease")
    }

    /// Key of the 療養者数 of added disease row `i` (from 0): `certified_other.0.count`.
    pub fn other_count(i: usize) -> String {
        format!("certified_other.{i}.count")
    }
}

/// Labels of the fields as on the paper form (for the inputs and the findings).
pub mod labels {
    pub const POPULATION: &str = "人口（人）";
    pub const AREA_KM2: &str = "面積（km²）";
    pub const CERTIFIED_TOTAL: &str = "指定難病認定者数（人）";
    pub const CERTIFIED_ALS: &str = "療養者数（認定者） ALS（人）";
    pub const CERTIFIED_SCD: &str = "療養者数（認定者） SCD（人）";
    pub const CERTIFIED_MSA: &str = "療養者数（認定者） MSA（人）";
    pub const CERTIFIED_PD: &str = "療養者数（認定者） PD（人）";
    pub const CERTIFIED_OTHER: &str = "療養者数（認定者） 追加した疾患";
    pub const BASE_HOSPITALS_PREF: &str = "難病診療連携拠点病院 都道府県内（ヵ所）";
    pub const FIELD_BASE_HOSPITALS_PREF: &str = "難病診療分野別拠点病院 都道府県内（ヵ所）";
    pub const COOPERATING_HOSPITALS_LOCAL: &str = "難病医療協力病院 管内（ヵ所）";
    pub const COOPERATING_HOSPITALS_PREF: &str = "難病医療協力病院 都道府県内（ヵ所）";
    pub const DESIGNATED_DOCTORS_LOCAL: &str = "難病指定医数 管内";
    pub const HOME_CARE_CLINICS_LOCAL: &str = "在宅療養支援診療所 管内（ヵ所）";
    pub const NURSE_STATIONS_LOCAL: &str = "訪問看護ステーション数 管内（ヵ所）";
}

/// One added disease row as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OtherDiseaseForm {
    /// 疾患名
    pub disease: String,
    /// 療養者数（認定者）（人）
    pub count: String,
}

/// 様式1 管轄地域の概況 as typed (every field of [`Overview`] as text).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OverviewForm {
    /// 人口（人）
    pub population: String,
    /// 面積（km²、小数2桁まで）
    pub area_km2: String,
    /// 指定難病認定者数（人）
    pub certified_total: String,
    /// 療養者数（認定者） ALS
    pub certified_als: String,
    /// 〃 SCD
    pub certified_scd: String,
    /// 〃 MSA
    pub certified_msa: String,
    /// 〃 PD
    pub certified_pd: String,
    /// 〃 追加した疾患
    pub certified_other: Vec<OtherDiseaseForm>,
    /// 難病診療連携拠点病院（都道府県内、ヵ所）
    pub base_hospitals_pref: String,
    /// 難病診療分野別拠点病院（都道府県内、ヵ所）
    pub field_base_hospitals_pref: String,
    /// 難病医療協力病院（管内、ヵ所）
    pub cooperating_hospitals_local: String,
    /// 難病医療協力病院（都道府県内、ヵ所）
    pub cooperating_hospitals_pref: String,
    /// 難病指定医数（管内）
    pub designated_doctors_local: String,
    /// 在宅療養支援診療所（管内、ヵ所）
    pub home_care_clinics_local: String,
    /// 訪問看護ステーション数（管内、ヵ所）
    pub nurse_stations_local: String,
}

fn count_text(value: Option<u64>) -> String {
    value.map(|n| n.to_string()).unwrap_or_default()
}

/// Units accepted after a count of people.
pub const PEOPLE: &[&str] = &["人"];
/// Units accepted after a count of places (and of 指定医).
pub const PLACES: &[&str] = &["ヵ所", "カ所", "か所", "ケ所", "ヶ所", "箇所", "所", "人"];
/// Units accepted after the area.
pub const AREA_UNITS: &[&str] = &["km²", "km2", "Km2", "ｋｍ２", "平方キロメートル"];

impl OverviewForm {
    /// The form for a saved overview.
    pub fn from_overview(o: &Overview) -> OverviewForm {
        OverviewForm {
            population: count_text(o.population),
            area_km2: o.area_km2.map(|a| a.to_string()).unwrap_or_default(),
            certified_total: count_text(o.certified_total),
            certified_als: count_text(o.certified_als),
            certified_scd: count_text(o.certified_scd),
            certified_msa: count_text(o.certified_msa),
            certified_pd: count_text(o.certified_pd),
            certified_other: o
                .certified_other
                .iter()
                .map(|c| OtherDiseaseForm { disease: c.disease.clone(), count: count_text(c.count) })
                .collect(),
            base_hospitals_pref: count_text(o.base_hospitals_pref),
            field_base_hospitals_pref: count_text(o.field_base_hospitals_pref),
            cooperating_hospitals_local: count_text(o.cooperating_hospitals_local),
            cooperating_hospitals_pref: count_text(o.cooperating_hospitals_pref),
            designated_doctors_local: count_text(o.designated_doctors_local),
            home_care_clinics_local: count_text(o.home_care_clinics_local),
            nurse_stations_local: count_text(o.nurse_stations_local),
        }
    }

    /// Adds an empty 追加した疾患 row; `false` (nothing added) at [`MAX_OTHER_DISEASES`] rows.
    pub fn add_other_disease(&mut self) -> bool {
        if self.certified_other.len() >= MAX_OTHER_DISEASES {
            return false;
        }
        self.certified_other.push(OtherDiseaseForm::default());
        true
    }

    /// Removes 追加した疾患 row `i` (nothing when there is no such row).
    pub fn remove_other_disease(&mut self, i: usize) {
        if i < self.certified_other.len() {
            self.certified_other.remove(i);
        }
    }

    /// Parses and checks the form.
    ///
    /// `Ok((overview, warnings))` when it can be saved; `Err(issues)` when at least one error
    /// blocks saving (the issues hold every finding). Added-disease rows left fully blank are
    /// dropped.
    pub fn parse(&self) -> Result<(Overview, Issues), Issues> {
        let mut issues = Issues::new();
        let people = |text: &str, field: &str, label: &str, issues: &mut Issues| {
            parse_whole(text, MAX_COUNT, PEOPLE, field, label, issues)
        };
        let population = people(&self.population, fields::POPULATION, labels::POPULATION, &mut issues);
        let area_km2 =
            parse_decimal(&self.area_km2, MAX_AREA_KM2, AREA_UNITS, fields::AREA_KM2, labels::AREA_KM2, &mut issues);
        let certified_total =
            people(&self.certified_total, fields::CERTIFIED_TOTAL, labels::CERTIFIED_TOTAL, &mut issues);
        let certified_als = people(&self.certified_als, fields::CERTIFIED_ALS, labels::CERTIFIED_ALS, &mut issues);
        let certified_scd = people(&self.certified_scd, fields::CERTIFIED_SCD, labels::CERTIFIED_SCD, &mut issues);
        let certified_msa = people(&self.certified_msa, fields::CERTIFIED_MSA, labels::CERTIFIED_MSA, &mut issues);
        let certified_pd = people(&self.certified_pd, fields::CERTIFIED_PD, labels::CERTIFIED_PD, &mut issues);

        let mut certified_other = Vec::new();
        if self.certified_other.len() > MAX_OTHER_DISEASES {
            issues.error(
                fields::CERTIFIED_OTHER,
                labels::CERTIFIED_OTHER,
                format!("追加できる疾患は{MAX_OTHER_DISEASES}件までです"),
            );
        }
        for (i, row) in self.certified_other.iter().enumerate() {
            let row_label = format!("{} {}行目", labels::CERTIFIED_OTHER, i + 1);
            let name_key = fields::other_disease(i);
            let count_key = fields::other_count(i);
            let disease = parse_short_text(&row.disease, &name_key, &format!("{row_label} 疾患名"), &mut issues);
            let count = people(&row.count, &count_key, &format!("{row_label} 療養者数"), &mut issues);
            if disease.is_empty() && row.count.trim().is_empty() {
                continue;
            }
            if disease.is_empty() {
                issues.error(&name_key, &format!("{row_label} 疾患名"), "疾患名を入力してください");
            } else if certified_other.iter().any(|o: &OtherDiseaseCount| o.disease == disease)
                || ["ALS", "SCD", "MSA", "PD"].contains(&disease.to_ascii_uppercase().as_str())
            {
                issues.error(&name_key, &format!("{row_label} 疾患名"), format!("「{disease}」はすでにあります"));
            }
            certified_other.push(OtherDiseaseCount { disease, count });
        }

        let mut facilities =
            |text: &str, field: &str, label: &str| parse_whole(text, MAX_FACILITIES, PLACES, field, label, &mut issues);
        let base_hospitals_pref =
            facilities(&self.base_hospitals_pref, fields::BASE_HOSPITALS_PREF, labels::BASE_HOSPITALS_PREF);
        let field_base_hospitals_pref = facilities(
            &self.field_base_hospitals_pref,
            fields::FIELD_BASE_HOSPITALS_PREF,
            labels::FIELD_BASE_HOSPITALS_PREF,
        );
        let cooperating_hospitals_local = facilities(
            &self.cooperating_hospitals_local,
            fields::COOPERATING_HOSPITALS_LOCAL,
            labels::COOPERATING_HOSPITALS_LOCAL,
        );
        let cooperating_hospitals_pref = facilities(
            &self.cooperating_hospitals_pref,
            fields::COOPERATING_HOSPITALS_PREF,
            labels::COOPERATING_HOSPITALS_PREF,
        );
        let designated_doctors_local = facilities(
            &self.designated_doctors_local,
            fields::DESIGNATED_DOCTORS_LOCAL,
            labels::DESIGNATED_DOCTORS_LOCAL,
        );
        let home_care_clinics_local =
            facilities(&self.home_care_clinics_local, fields::HOME_CARE_CLINICS_LOCAL, labels::HOME_CARE_CLINICS_LOCAL);
        let nurse_stations_local =
            facilities(&self.nurse_stations_local, fields::NURSE_STATIONS_LOCAL, labels::NURSE_STATIONS_LOCAL);

        let overview = Overview {
            population,
            area_km2,
            certified_total,
            certified_als,
            certified_scd,
            certified_msa,
            certified_pd,
            certified_other,
            base_hospitals_pref,
            field_base_hospitals_pref,
            cooperating_hospitals_local,
            cooperating_hospitals_pref,
            designated_doctors_local,
            home_care_clinics_local,
            nurse_stations_local,
        };
        issues.extend(cross_checks(&overview));
        if issues.has_errors() {
            Err(issues)
        } else {
            Ok((overview, issues))
        }
    }

    /// The findings only (for showing them while the nurse types).
    pub fn issues(&self) -> Issues {
        match self.parse() {
            Ok((_, issues)) | Err(issues) => issues,
        }
    }
}

/// The checks between fields of a parsed overview (also usable on an imported one).
pub fn cross_checks(o: &Overview) -> Issues {
    let mut issues = Issues::new();

    // ALS + SCD + MSA + PD + added diseases ≤ 指定難病認定者数 (unknown counts are left out).
    let mut parts: Vec<(String, u64)> =
        [("ALS", o.certified_als), ("SCD", o.certified_scd), ("MSA", o.certified_msa), ("PD", o.certified_pd)]
            .into_iter()
            .filter_map(|(name, n)| n.map(|n| (name.to_string(), n)))
            .collect();
    parts.extend(o.certified_other.iter().filter_map(|c| c.count.map(|n| (c.disease.clone(), n))));
    let sum: u64 = parts.iter().map(|(_, n)| *n).fold(0, u64::saturating_add);
    if let Some(total) = o.certified_total {
        if sum > total {
            let named: Vec<String> = parts.iter().map(|(name, n)| format!("{name} {n}人")).collect();
            issues.error(
                fields::CERTIFIED_TOTAL,
                labels::CERTIFIED_TOTAL,
                format!(
                    "療養者数（認定者）の合計 {sum}人（{}）が指定難病認定者数 {total}人を超えています",
                    named.join("、")
                ),
            );
        }
    }
    if let (Some(total), Some(population)) = (o.certified_total, o.population) {
        if total > population {
            issues.error(
                fields::CERTIFIED_TOTAL,
                labels::CERTIFIED_TOTAL,
                format!("指定難病認定者数 {total}人が人口 {population}人を超えています"),
            );
        }
    }

    if let (Some(local), Some(pref)) = (o.cooperating_hospitals_local, o.cooperating_hospitals_pref) {
        if local > pref {
            issues.error(
                fields::COOPERATING_HOSPITALS_LOCAL,
                labels::COOPERATING_HOSPITALS_LOCAL,
                format!("難病医療協力病院の管内の数（{local}ヵ所）が都道府県内の数（{pref}ヵ所）を超えています"),
            );
        }
    }

    if o.population == Some(0) {
        issues.warning(fields::POPULATION, labels::POPULATION, "人口が0人です（人口あたりの数は「-」になります）");
    }
    if o.area_km2 == Some(Decimal2::ZERO) {
        issues.warning(fields::AREA_KM2, labels::AREA_KM2, "面積が0です（面積あたりの数は「-」になります）");
    }
    issues
}

/// 注意 when 様式1 lists more home-care ALS patients (在宅ALS) than the header's certified
/// ALS count: home-care patients are a subset of the certified ones.
pub fn home_als_warning(overview: &Overview, n_home_als_patients: usize) -> Option<Issue> {
    let certified = overview.certified_als?;
    let n = u64::try_from(n_home_als_patients).unwrap_or(u64::MAX);
    (n > certified).then(|| Issue {
        field: fields::CERTIFIED_ALS.to_string(),
        label: labels::CERTIFIED_ALS.to_string(),
        message: format!("様式1の在宅ALS療養者（{n}人）が療養者数（認定者）ALS（{certified}人）より多くなっています"),
        severity: Severity::Warning,
    })
}

/// 注意 when the header's 訪問看護ステーション数（管内）differs from the number of stations
/// listed in 様式3 (which lists every station in the jurisdiction).
pub fn station_count_warning(overview: &Overview, n_stations: usize) -> Option<Issue> {
    let stated = overview.nurse_stations_local?;
    let n = u64::try_from(n_stations).unwrap_or(u64::MAX);
    (n != stated).then(|| Issue {
        field: fields::NURSE_STATIONS_LOCAL.to_string(),
        label: labels::NURSE_STATIONS_LOCAL.to_string(),
        message: format!("訪問看護ステーション数（{stated}ヵ所）と様式3の件数（{n}ヵ所）が違います"),
        severity: Severity::Warning,
    })
}

/// The 注意 of the 地域の概況 page that need the other forms: more home-care ALS patients in
/// 様式1 than the certified ALS count ([`home_als_warning`]), and a 訪問看護ステーション数
/// that differs from the stations listed in 様式3 ([`station_count_warning`]). `patients`
/// are the live 療養者 of the 地域診断 (every disease; only ALS ones are counted).
pub fn overview_warnings(overview: &Overview, patients: &[Patient], n_stations: usize) -> Issues {
    let n_als = patients.iter().filter(|p| p.disease == Disease::Als).count();
    Issues(
        [home_als_warning(overview, n_als), station_count_warning(overview, n_stations)]
            .into_iter()
            .flatten()
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> OverviewForm {
        OverviewForm {
            population: "250000".into(),
            area_km2: "123.45".into(),
            certified_total: "2000".into(),
            certified_als: "30".into(),
            certified_scd: "40".into(),
            certified_msa: "10".into(),
            certified_pd: "300".into(),
            certified_other: vec![],
            base_hospitals_pref: "1".into(),
            field_base_hospitals_pref: "2".into(),
            cooperating_hospitals_local: "3".into(),
            cooperating_hospitals_pref: "20".into(),
            designated_doctors_local: "150".into(),
            home_care_clinics_local: "12".into(),
            nurse_stations_local: "8".into(),
        }
    }

    fn fields_of(issues: &Issues) -> Vec<&str> {
        issues.0.iter().map(|i| i.field.as_str()).collect()
    }

    #[test]
    fn a_complete_form_parses() {
        let (o, warnings) = form().parse().expect("valid");
        assert!(warnings.is_empty());
        assert_eq!(o.population, Some(250_000));
        assert_eq!(o.area_km2, Some(Decimal2(12_345)));
        assert_eq!(o.certified_total, Some(2000));
        assert_eq!(o.certified_als, Some(30));
        assert_eq!(o.certified_pd, Some(300));
        assert_eq!(o.cooperating_hospitals_local, Some(3));
        assert_eq!(o.nurse_stations_local, Some(8));
        assert_eq!(OverviewForm::from_overview(&o), form());
    }

    #[test]
    fn blank_is_unknown_and_zero_is_zero() {
        let f = OverviewForm { certified_scd: String::new(), certified_msa: "0".into(), ..form() };
        let (o, _) = f.parse().expect("valid");
        assert_eq!(o.certified_scd, None);
        assert_eq!(o.certified_msa, Some(0));
        let (empty, warnings) = OverviewForm::default().parse().expect("an empty form is a valid draft");
        assert_eq!(empty, Overview::default());
        assert!(warnings.is_empty());
    }

    #[test]
    fn units_and_full_width_digits_are_read() {
        let f = OverviewForm {
            population: "２５０，０００人".into(),
            area_km2: "123.45km2".into(),
            home_care_clinics_local: "12ヵ所".into(),
            ..form()
        };
        let (o, _) = f.parse().expect("valid");
        assert_eq!(o.population, Some(250_000));
        assert_eq!(o.area_km2, Some(Decimal2(12_345)));
        assert_eq!(o.home_care_clinics_local, Some(12));
    }

    #[test]
    fn bad_numbers_name_their_fields() {
        let f = OverviewForm {
            population: "二十五万".into(),
            area_km2: "123.456".into(),
            certified_als: "-3".into(),
            nurse_stations_local: "2.5".into(),
            ..form()
        };
        let issues = f.parse().expect_err("errors");
        assert_eq!(fields_of(&issues), vec!["population", "area_km2", "certified_als", "nurse_stations_local"]);
        assert_eq!(issues.0[0].label, "人口（人）");
        assert_eq!(issues.0[1].message, "小数点以下は2桁までで入力してください");
        assert_eq!(issues.0[2].message, "0以上の数を入力してください");
        assert_eq!(issues.0[3].message, "整数で入力してください");
    }

    #[test]
    fn disease_counts_may_not_exceed_the_certified_total() {
        // 30 + 40 + 10 + 300 + 21 = 401 > 400
        let f = OverviewForm {
            certified_total: "400".into(),
            certified_other: vec![OtherDiseaseForm { disease: "進行性核上性麻痺".into(), count: "21".into() }],
            ..form()
        };
        let issues = f.parse().expect_err("sum too large");
        assert_eq!(fields_of(&issues), vec!["certified_total"]);
        assert_eq!(
            issues.0[0].message,
            "療養者数（認定者）の合計 401人（ALS 30人、SCD 40人、MSA 10人、PD 300人、進行性核上性麻痺 21人）が指定難病認定者数 400人を超えています"
        );
        // Exactly equal is fine; an unknown disease count is left out of the sum.
        let f = OverviewForm { certified_total: "380".into(), ..form() };
        assert!(f.parse().is_ok());
        let f = OverviewForm { certified_total: "80".into(), certified_pd: String::new(), ..form() };
        assert!(f.parse().is_ok());
        // An unknown total: nothing to check against.
        let f = OverviewForm { certified_total: String::new(), ..form() };
        assert!(f.parse().is_ok());
    }

    #[test]
    fn cooperating_hospitals_local_not_above_prefecture() {
        let f = OverviewForm { cooperating_hospitals_local: "21".into(), ..form() };
        let issues = f.parse().expect_err("local > prefecture");
        assert_eq!(fields_of(&issues), vec!["cooperating_hospitals_local"]);
        assert!(issues.0[0].message.contains("21ヵ所"));
        let f = OverviewForm { cooperating_hospitals_local: "20".into(), ..form() };
        assert!(f.parse().is_ok());
        let f = OverviewForm { cooperating_hospitals_pref: String::new(), ..form() };
        assert!(f.parse().is_ok());
    }

    #[test]
    fn certified_total_not_above_population() {
        let f = OverviewForm { population: "1999".into(), ..form() };
        assert_eq!(fields_of(&f.parse().expect_err("too many")), vec!["certified_total"]);
    }

    #[test]
    fn zero_population_or_area_warns() {
        let f = OverviewForm { population: "0".into(), area_km2: "0".into(), certified_total: "0".into(), ..form() };
        let f = OverviewForm {
            certified_als: "0".into(),
            certified_scd: "0".into(),
            certified_msa: "0".into(),
            certified_pd: "0".into(),
            ..f
        };
        let (_, warnings) = f.parse().expect("warnings only");
        assert_eq!(fields_of(&warnings), vec!["population", "area_km2"]);
    }

    #[test]
    fn added_disease_rows() {
        let f = OverviewForm {
            certified_other: vec![
                OtherDiseaseForm { disease: " 進行性核上性麻痺 ".into(), count: "5".into() },
                OtherDiseaseForm::default(),
                OtherDiseaseForm { disease: String::new(), count: "3".into() },
                OtherDiseaseForm { disease: "als".into(), count: "1".into() },
                OtherDiseaseForm { disease: "進行性核上性麻痺".into(), count: String::new() },
            ],
            ..form()
        };
        let issues = f.parse().expect_err("errors");
        assert_eq!(
            fields_of(&issues),
            vec!["certified_other.2.disease", "certified_other.3.disease", "certified_other.4.disease"]
        );
        assert_eq!(issues.0[0].label, "療養者数（認定者） 追加した疾患 3行目 疾患名");
        let f = OverviewForm {
            certified_other: vec![
                OtherDiseaseForm { disease: "進行性核上性麻痺".into(), count: "5".into() },
                OtherDiseaseForm::default(),
                OtherDiseaseForm { disease: "大脳皮質基底核変性症".into(), count: String::new() },
            ],
            ..form()
        };
        let (o, _) = f.parse().expect("valid");
        assert_eq!(
            o.certified_other,
            vec![
                OtherDiseaseCount { disease: "進行性核上性麻痺".into(), count: Some(5) },
                OtherDiseaseCount { disease: "大脳皮質基底核変性症".into(), count: None },
            ]
        );
        let too_many = OverviewForm { certified_other: vec![OtherDiseaseForm::default(); 21], ..form() };
        assert_eq!(fields_of(&too_many.parse().expect_err("too many")), vec!["certified_other"]);
    }

    #[test]
    fn disease_rows_are_added_up_to_the_limit_and_removed() {
        let mut f = form();
        assert!(f.add_other_disease());
        f.certified_other[0].disease = "PSP".into();
        assert!(f.add_other_disease());
        f.remove_other_disease(1);
        f.remove_other_disease(9);
        assert_eq!(f.certified_other, vec![OtherDiseaseForm { disease: "PSP".into(), count: String::new() }]);
        for _ in 1..MAX_OTHER_DISEASES {
            assert!(f.add_other_disease());
        }
        assert!(!f.add_other_disease());
        assert_eq!(f.certified_other.len(), MAX_OTHER_DISEASES);
    }

    #[test]
    fn home_als_above_certified_warns() {
        let (o, _) = form().parse().expect("valid");
        assert_eq!(home_als_warning(&o, 30), None);
        let w = home_als_warning(&o, 31).expect("warning");
        assert_eq!(w.severity, Severity::Warning);
        assert_eq!(w.field, "certified_als");
        assert!(w.message.contains("31人") && w.message.contains("30人"));
        assert_eq!(home_als_warning(&Overview::default(), 5), None);
    }

    #[test]
    fn station_count_differs_from_form3() {
        let (o, _) = form().parse().expect("valid");
        assert_eq!(station_count_warning(&o, 8), None);
        assert!(station_count_warning(&o, 7).is_some());
        assert_eq!(station_count_warning(&Overview::default(), 7), None);
    }

    #[test]
    fn warnings_from_the_other_forms() {
        let (o, _) = form().parse().expect("valid");
        let als = Patient::default();
        let pd = Patient { disease: Disease::Pd, ..Patient::default() };
        // 30 certified ALS, 8 stations stated.
        assert!(overview_warnings(&o, &[als.clone(), pd.clone()], 8).is_empty());
        let many: Vec<Patient> = std::iter::repeat_n(als, 31).chain([pd]).collect();
        let w = overview_warnings(&o, &many, 7);
        assert_eq!(fields_of(&w), vec!["certified_als", "nurse_stations_local"]);
        assert!(!w.has_errors());
        assert!(overview_warnings(&Overview::default(), &many, 7).is_empty());
    }

    #[test]
    fn old_drafts_missing_fields_still_load() {
        let f: OverviewForm = serde_json::from_str(r#"{"population":"100"}"#).expect("loads");
        assert_eq!(f, OverviewForm { population: "100".into(), ..OverviewForm::default() });
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            prop_oneof![
                any::<String>(),
                "[0-9０-９.,，人ヵ所km2 \\-]{0,10}",
                Just(String::new()),
                Just("0".to_string())
            ]
        }

        fn count() -> impl Strategy<Value = Option<u64>> {
            prop_oneof![Just(None), (0u64..=MAX_COUNT).prop_map(Some)]
        }

        proptest! {
            #[test]
            fn parse_never_panics_and_is_stable(a in proptest::collection::vec(text(), 16)) {
                let g = |k: usize| a.get(k).cloned().unwrap_or_default();
                let f = OverviewForm {
                    population: g(0), area_km2: g(1), certified_total: g(2), certified_als: g(3), certified_scd: g(4),
                    certified_msa: g(5), certified_pd: g(6),
                    certified_other: vec![OtherDiseaseForm { disease: g(7), count: g(8) }],
                    base_hospitals_pref: g(9), field_base_hospitals_pref: g(10), cooperating_hospitals_local: g(11),
                    cooperating_hospitals_pref: g(12), designated_doctors_local: g(13), home_care_clinics_local: g(14),
                    nurse_stations_local: g(15),
                };
                if let Ok((o, _)) = f.parse() {
                    prop_assert_eq!(OverviewForm::from_overview(&o).parse().map(|(p, _)| p), Ok(o));
                }
            }

            #[test]
            fn valid_overviews_round_trip(
                c in proptest::collection::vec(count(), 13),
                area in prop_oneof![Just(None), (0u64..=MAX_AREA_KM2.0).prop_map(|a| Some(Decimal2(a)))],
            ) {
                let g = |k: usize| c.get(k).copied().flatten();
                // Totals large enough for the cross checks.
                let o = Overview {
                    population: Some(MAX_COUNT),
                    area_km2: area,
                    certified_total: None,
                    certified_als: g(0), certified_scd: g(1), certified_msa: g(2), certified_pd: g(3),
                    certified_other: vec![OtherDiseaseCount { disease: "PSP".into(), count: g(4) }],
                    base_hospitals_pref: g(5).map(|n| n % MAX_FACILITIES),
                    field_base_hospitals_pref: g(6).map(|n| n % MAX_FACILITIES),
                    cooperating_hospitals_local: g(7).map(|n| n % 1000),
                    cooperating_hospitals_pref: g(8).map(|n| 1000 + n % 1000),
                    designated_doctors_local: g(9).map(|n| n % MAX_FACILITIES),
                    home_care_clinics_local: g(10).map(|n| n % MAX_FACILITIES),
                    nurse_stations_local: g(11).map(|n| n % MAX_FACILITIES),
                };
                let parsed = OverviewForm::from_overview(&o).parse().map(|(p, _)| p);
                prop_assert_eq!(parsed, Ok(o));
            }
        }
    }
}
