//! What the sheet tests share: a sheet from rows of text, a 地域診断 record, this device.

use super::Grid;
use crate::domain::diagnosis::CommunityDiagnosis;
use crate::domain::fiscal_year::FiscalYear;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::record::StoredRecord;
use crate::domain::time::{Date, Timestamp};

/// A sheet named 様式1 with these rows (no merged cells).
pub fn grid(rows: &[&[&str]]) -> Grid {
    Grid {
        name: "様式1".into(),
        rows: rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect(),
        merges: vec![],
    }
}

/// The day the tests read on.
pub fn today() -> Date {
    Date::new(2026, 12, 2).unwrap()
}

pub fn me() -> DeviceId {
    DeviceId::parse("pc-a").unwrap()
}

/// 地域診断 `diag-1` (A保健所管内 2025年度) as saved.
pub fn diagnosis() -> StoredRecord {
    let d = CommunityDiagnosis { jurisdiction: "A保健所管内".into(), fiscal_year: FiscalYear::new(2025).unwrap() };
    let id = RecordId::parse("diag-1").unwrap();
    StoredRecord::create(id.clone(), id, &d, Timestamp(1_000), &me()).unwrap()
}
