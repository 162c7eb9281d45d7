//! 様式1 管轄地域の概況: population, area, certified counts and facility counts of the
//! jurisdiction (the 地区名 is the 地域診断's own).

use super::number::Decimal2;
use super::record::{RecordBody, RecordKind};
use serde::{Deserialize, Serialize};

/// 療養者数（認定者）for a disease the 保健所 added (e.g. 進行性核上性麻痺).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherDiseaseCount {
    pub disease: String,
    pub count: Option<u64>,
}

/// 様式1 管轄地域の概況. `None` = 未入力（不明）; 0 is a value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overview {
    /// 人口（人）
    pub population: Option<u64>,
    /// 面積（km²、小数2桁）
    pub area_km2: Option<Decimal2>,
    /// 指定難病認定者数（人）
    pub certified_total: Option<u64>,
    /// 療養者数（認定者）ALS
    pub certified_als: Option<u64>,
    /// 〃 SCD
    pub certified_scd: Option<u64>,
    /// 〃 MSA
    pub certified_msa: Option<u64>,
    /// 〃 PD
    pub certified_pd: Option<u64>,
    /// 〃 追加した疾患
    pub certified_other: Vec<OtherDiseaseCount>,
    /// 難病診療連携拠点病院（都道府県内、ヵ所）
    pub base_hospitals_pref: Option<u64>,
    /// 難病診療分野別拠点病院（都道府県内、ヵ所）
    pub field_base_hospitals_pref: Option<u64>,
    /// 難病医療協力病院（管内、ヵ所）
    pub cooperating_hospitals_local: Option<u64>,
    /// 難病医療協力病院（都道府県内、ヵ所）
    pub cooperating_hospitals_pref: Option<u64>,
    /// 難病指定医数（管内）
    pub designated_doctors_local: Option<u64>,
    /// 在宅療養支援診療所（管内、ヵ所）
    pub home_care_clinics_local: Option<u64>,
    /// 訪問看護ステーション数（管内、ヵ所）
    pub nurse_stations_local: Option<u64>,
}

impl RecordBody for Overview {
    const KIND: RecordKind = RecordKind::Overview;
}
