//! The flow's input as entered ([`InsuranceForm`]), prefilled from 様式1 and parsed.

use super::tables::{SpecifiedDisease, Table7Disease, Table8State};
use crate::domain::issues::Issues;
use crate::domain::number::parse_count;
use crate::domain::patient::{Age, AgeBand, Disease, Patient};
use crate::domain::tri::Tri;
use serde::{Deserialize, Serialize};

/// The input of the flow, as entered (年齢 as typed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InsuranceForm {
    /// 年齢（歳） as typed
    pub age: String,
    /// 年齢区分, when only the band is known (様式1 may hold only the band)
    pub age_band: Option<AgeBand>,
    /// 介護保険の認定（要支援・要介護）: あり / なし / 不明
    pub care_certified: Option<bool>,
    /// ２号被保険者の特定疾病
    pub specified_disease: Tri<SpecifiedDisease>,
    /// 厚生労働大臣が定める疾病等（別表第7）の疾病
    pub table7_disease: Tri<Table7Disease>,
    /// ホーエン・ヤールの重症度分類（ステージ1–5）, for パーキンソン病
    pub hoehn_yahr: Option<u8>,
    /// 生活機能障害度（1–3 = Ⅰ–Ⅲ度）, for パーキンソン病
    pub function_grade: Option<u8>,
    /// 人工呼吸器を使用している状態（在宅人工呼吸器管理指導料を算定している）
    pub ventilator: Option<bool>,
    /// 別表第8に掲げる状態: 該当なし / 不明 / the states ticked
    pub table8: Tri<Vec<Table8State>>,
    /// 超重症児又は準超重症児 (15歳未満)
    pub severe_child: Option<bool>,
    /// 特別訪問看護指示書に係る指定訪問看護を受けている
    pub special_instruction: Option<bool>,
    /// 週7日間の訪問計画あり
    pub seven_day_plan: Option<bool>,
    /// Field keys filled from 様式1 (the UI marks them 「療養者の記録から」).
    #[serde(default)]
    pub prefilled: Vec<String>,
}

/// Field keys and labels of the form.
pub mod fields {
    pub const AGE: (&str, &str) = ("age", "年齢");
    pub const CARE_CERTIFIED: (&str, &str) = ("care_certified", "介護保険の認定（要支援・要介護）");
    pub const SPECIFIED_DISEASE: (&str, &str) = ("specified_disease", "２号被保険者の特定疾病");
    pub const TABLE7_DISEASE: (&str, &str) = ("table7_disease", "厚生労働大臣が定める疾病等（別表第7）");
    pub const HOEHN_YAHR: (&str, &str) = ("hoehn_yahr", "ホーエン・ヤールの重症度分類");
    pub const FUNCTION_GRADE: (&str, &str) = ("function_grade", "生活機能障害度");
    pub const VENTILATOR: (&str, &str) = ("ventilator", "人工呼吸器を使用している状態");
    pub const TABLE8: (&str, &str) = ("table8", "別表第8に掲げる状態");
    pub const SEVERE_CHILD: (&str, &str) = ("severe_child", "超重症児又は準超重症児");
    pub const SPECIAL_INSTRUCTION: (&str, &str) = ("special_instruction", "特別訪問看護指示書");
    pub const SEVEN_DAY_PLAN: (&str, &str) = ("seven_day_plan", "週7日間の訪問計画");
}

impl InsuranceForm {
    /// The form prefilled from 様式1: age, disease (ALS ⇒ 別表第7 and 特定疾病 三), 人工呼吸器
    /// (1 ⇒ 人工呼吸器を使用している状態, and 在宅人工呼吸指導管理 in 別表第8), 気管切開 (1 ⇒
    /// 気管カニューレを使用している状態), 介護保険 (介護度あり ⇒ 認定あり, 0 ⇒ なし). Anything
    /// 様式1 does not say stays 不明.
    pub fn from_patient(patient: &Patient) -> InsuranceForm {
        let mut f = InsuranceForm::default();
        let mut prefilled: Vec<String> = Vec::new();
        let mark = |key: &str, prefilled: &mut Vec<String>| prefilled.push(key.to_string());
        match patient.age {
            Some(Age::Years(y)) => {
                f.age = y.to_string();
                mark(fields::AGE.0, &mut prefilled);
            }
            Some(Age::Band(b)) => {
                f.age_band = Some(b);
                mark(fields::AGE.0, &mut prefilled);
            }
            None => {}
        }
        let table7 = match &patient.disease {
            Disease::Als => Some(Table7Disease::Als),
            Disease::Scd => Some(Table7Disease::Scd),
            Disease::Msa => Some(Table7Disease::Msa),
            Disease::Pd => Some(Table7Disease::Parkinson),
            Disease::Other(name) => Table7Disease::ALL.into_iter().find(|d| d.label() == name.trim()),
        };
        let specified = table7.and_then(Table7Disease::specified_counterpart).or_else(|| match &patient.disease {
            Disease::Other(name) => SpecifiedDisease::ALL.into_iter().find(|d| d.short_label() == name.trim()),
            _ => None,
        });
        if let Some(d) = table7 {
            f.table7_disease = Tri::Value(d);
            mark(fields::TABLE7_DISEASE.0, &mut prefilled);
        }
        if let Some(d) = specified {
            f.specified_disease = Tri::Value(d);
            mark(fields::SPECIFIED_DISEASE.0, &mut prefilled);
        }
        if patient.procedures.ventilator.is_some() {
            f.ventilator = patient.procedures.ventilator;
            mark(fields::VENTILATOR.0, &mut prefilled);
        }
        f.care_certified = match patient.care_insurance {
            Tri::Value(_) => Some(true),
            Tri::None => Some(false),
            Tri::Unknown => None,
        };
        if f.care_certified.is_some() {
            mark(fields::CARE_CERTIFIED.0, &mut prefilled);
        }
        let mut states = Vec::new();
        if patient.procedures.tracheostomy == Some(true) {
            states.push(Table8State::TrachealCannula);
        }
        if patient.procedures.ventilator == Some(true) {
            states.push(Table8State::Ventilation);
        }
        if !states.is_empty() {
            f.table8 = Tri::Value(states);
            mark(fields::TABLE8.0, &mut prefilled);
        }
        f.prefilled = prefilled;
        f
    }

    /// Picks a 別表第7 disease (or なし/不明) and fills the 特定疾病 when the same disease is
    /// on that list and the 特定疾病 is still 不明.
    pub fn set_table7_disease(&mut self, disease: Tri<Table7Disease>) {
        if let (Tri::Value(d), Tri::Unknown) = (&disease, &self.specified_disease) {
            if let Some(s) = d.specified_counterpart() {
                self.specified_disease = Tri::Value(s);
            }
        }
        self.table7_disease = disease;
    }

    /// Ticks or unticks one 別表第8 state (ticking makes the 別表第8 answer 「該当あり」).
    pub fn set_table8_state(&mut self, state: Table8State, on: bool) {
        let mut list = match &self.table8 {
            Tri::Value(v) => v.clone(),
            _ => Vec::new(),
        };
        list.retain(|s| *s != state);
        if on {
            list.push(state);
            list.sort();
        }
        self.table8 = Tri::Value(list);
    }

    /// Checks the typed values.
    pub fn parse(&self) -> Result<InsuranceInput, Issues> {
        let mut issues = Issues::new();
        let years = if self.age.trim().is_empty() {
            None
        } else {
            match parse_count(&self.age) {
                Ok(n) if n <= 130 => u8::try_from(n).ok(),
                Ok(_) => {
                    issues.error(fields::AGE.0, fields::AGE.1, "0〜130の範囲で入力してください");
                    None
                }
                Err(e) => {
                    issues.error(fields::AGE.0, fields::AGE.1, e.to_string());
                    None
                }
            }
        };
        if let Some(h) = self.hoehn_yahr {
            if !(1..=5).contains(&h) {
                issues.error(fields::HOEHN_YAHR.0, fields::HOEHN_YAHR.1, "ステージ1〜5で選んでください");
            }
        }
        if let Some(g) = self.function_grade {
            if !(1..=3).contains(&g) {
                issues.error(fields::FUNCTION_GRADE.0, fields::FUNCTION_GRADE.1, "Ⅰ〜Ⅲ度で選んでください");
            }
        }
        if issues.has_errors() {
            return Err(issues);
        }
        let band = years.map(AgeBand::of_age).or(self.age_band);
        let group = match (years, band) {
            (Some(y), _) => Some(AgeGroup::of_age(y)),
            (None, Some(AgeBand::Under20 | AgeBand::From20To39)) => Some(AgeGroup::Under40),
            (None, Some(AgeBand::From40To64)) => Some(AgeGroup::From40To64),
            (None, Some(AgeBand::Over65)) => Some(AgeGroup::Over65),
            (None, None) => None,
        };
        Ok(InsuranceInput { years, group, form: self.clone() })
    }
}

/// 年齢の区分 of the chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeGroup {
    /// ４０歳未満
    Under40,
    /// ４０歳以上６５歳未満
    From40To64,
    /// ６５歳以上
    Over65,
}

impl AgeGroup {
    pub fn of_age(years: u8) -> AgeGroup {
        match years {
            0..=39 => AgeGroup::Under40,
            40..=64 => AgeGroup::From40To64,
            _ => AgeGroup::Over65,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            AgeGroup::Under40 => "４０歳未満",
            AgeGroup::From40To64 => "４０歳以上６５歳未満",
            AgeGroup::Over65 => "６５歳以上",
        }
    }
}

/// The checked input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InsuranceInput {
    /// 年齢（歳）, when known exactly
    pub years: Option<u8>,
    /// 年齢の区分, from the age or the band
    pub group: Option<AgeGroup>,
    /// 入力内容 (the other inputs as entered)
    pub form: InsuranceForm,
}
