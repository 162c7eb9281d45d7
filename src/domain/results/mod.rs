//! 事業実績: the results of each 在宅難病患者支援事業 by 年度 (seed 000), kept by the prefecture
//! (or a 保健所) over many years — not part of one 地域診断.
//!
//! One record per programme ([`ProgrammeResult`], kind [`RecordKind::ProgrammeResult`]): its
//! 事業名, 事業内容, 実施主体 (the seed's 申し込み先), a note and any number of indicators
//! ([`Indicator`]: name, [`Unit`], a three-state value per 年度). The records live in one
//! container, the 地域診断 record [`container_id`] (hidden from the 地域診断 list; see
//! [`is_container`]), so that saving with 変更履歴, the ゴミ箱 and merging by field work as
//! for every other record.

use super::fiscal_year::FiscalYear;
use super::ids::RecordId;
use super::record::{RecordBody, RecordKind};
use super::tri::Tri;
use serde::{Deserialize, Serialize};

pub mod catalogue;
pub mod form;
pub mod table;
#[cfg(test)]
mod tests;
pub mod tokyo;

/// The ID of the container of every 事業実績 (and 進捗状況評価) record on a device. Fixed, so
/// that the prefecture's data from several devices and bundles meets in one place.
pub const CONTAINER_ID: &str = "prefecture-results";

/// The container's 地区名 (never shown on the 地域診断 list).
pub const CONTAINER_NAME: &str = "事業実績・進捗状況評価";

/// The container of the 事業実績 records.
pub fn container_id() -> RecordId {
    RecordId::sanitized(CONTAINER_ID)
}

/// Whether `id` is the 事業実績 container (kept off the 地域診断 list and its ゴミ箱).
pub fn is_container(id: &RecordId) -> bool {
    id.as_str() == CONTAINER_ID
}

/// 単位 of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// 件
    Cases,
    /// 回
    Times,
    /// 人
    People,
    /// 施設
    Facilities,
    /// 床
    Beds,
    /// 日
    Days,
}

impl Unit {
    pub const ALL: [Unit; 6] = [Unit::Cases, Unit::Times, Unit::People, Unit::Facilities, Unit::Beds, Unit::Days];

    /// The unit as written after a number (件, 回, …).
    pub fn label(self) -> &'static str {
        match self {
            Unit::Cases => "件",
            Unit::Times => "回",
            Unit::People => "人",
            Unit::Facilities => "施設",
            Unit::Beds => "床",
            Unit::Days => "日",
        }
    }

    /// The key stored in a record.
    pub fn key(self) -> &'static str {
        match self {
            Unit::Cases => "cases",
            Unit::Times => "times",
            Unit::People => "people",
            Unit::Facilities => "facilities",
            Unit::Beds => "beds",
            Unit::Days => "days",
        }
    }

    /// The unit from its label or key (`件` or `cases`).
    pub fn parse(text: &str) -> Option<Unit> {
        let t = text.trim();
        Unit::ALL.into_iter().find(|u| u.label() == t || u.key() == t)
    }
}

/// One 年度's figure of an indicator: 不明 / 0 (なし) / a count.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearValue {
    pub year: FiscalYear,
    pub value: Tri<u64>,
}

/// 指標: one figure of a programme reported every year (e.g. 支援計画作成, 件).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    /// Stable key within the programme (a 進捗状況評価 links to it).
    pub key: String,
    /// 指標名
    pub name: String,
    /// 単位
    pub unit: Unit,
    /// One entry per 年度 shown for the programme, oldest first (a missing 年度 is 不明).
    pub values: Vec<YearValue>,
}

impl Indicator {
    /// The figure of `year` (不明 when the year has none).
    pub fn value(&self, year: FiscalYear) -> Tri<u64> {
        self.values.iter().find(|v| v.year == year).map(|v| v.value.clone()).unwrap_or(Tri::Unknown)
    }
}

/// 事業実績: one programme's results over the years.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeResult {
    /// 事業の区分 (the seed's merged 事業名 cell, e.g. 難病患者療養支援事業（東京都保健所事業）); may be empty.
    pub group: String,
    /// 事業名
    pub name: String,
    /// 事業内容
    pub description: String,
    /// 実施主体（申し込み先）
    pub implementer: String,
    /// 備考
    pub note: String,
    /// 並び順 (the catalogue's order; new programmes go last)
    pub order: u32,
    pub indicators: Vec<Indicator>,
}

impl RecordBody for ProgrammeResult {
    const KIND: RecordKind = RecordKind::ProgrammeResult;
}

impl ProgrammeResult {
    /// Every 年度 any indicator has a figure (or an explicit 不明) for, oldest first.
    pub fn years(&self) -> Vec<FiscalYear> {
        let mut years: Vec<FiscalYear> = self.indicators.iter().flat_map(|i| i.values.iter().map(|v| v.year)).collect();
        years.sort();
        years.dedup();
        years
    }

    /// The indicator under `key`.
    pub fn indicator(&self, key: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.key == key)
    }
}

/// The figure as the table shows it: `18,983件`, `0件`, `不明`.
pub fn show_value(value: &Tri<u64>, unit: Unit) -> String {
    match value {
        Tri::Unknown => "不明".to_string(),
        Tri::None => format!("0{}", unit.label()),
        Tri::Value(n) => format!("{}{}", thousands(*n), unit.label()),
    }
}

/// `18983` → `18,983`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The container record, made the first time a 事業実績 is saved on a device.
pub fn container_record(
    now: super::time::Timestamp,
    device: &super::ids::DeviceId,
) -> Result<super::record::StoredRecord, super::record::RecordError> {
    let year = FiscalYear::containing(now.date_jst())
        .or_else(|_| FiscalYear::new(super::fiscal_year::FIRST_FISCAL_YEAR))
        .map_err(|e| super::record::RecordError::Body(e.to_string()))?;
    let body = super::diagnosis::CommunityDiagnosis { jurisdiction: CONTAINER_NAME.to_string(), fiscal_year: year };
    super::record::StoredRecord::create(container_id(), container_id(), &body, now, device)
}

/// The records that load the built-in example ([`tokyo::example`]): those whose IDs are not
/// among `existing` (loading it again adds nothing and changes nothing).
pub fn example_records(
    existing: &[RecordId],
    now: super::time::Timestamp,
    device: &super::ids::DeviceId,
) -> Result<Vec<super::record::StoredRecord>, super::record::RecordError> {
    tokyo::example()
        .into_iter()
        .filter(|(id, _)| !existing.contains(id))
        .map(|(id, p)| super::record::StoredRecord::create(id, container_id(), &p, now, device))
        .collect()
}
