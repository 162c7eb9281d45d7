//! The map's records (bundle format 5):
//!
//! * [`Facility`] (kind `facility`): one 施設 of a 地域診断 as the nurse confirmed it — name,
//!   kind, address, the other names 様式1 and 様式3 use for it, its 様式3 station and its
//!   place on the map. Who uses it is not stored: it follows from 様式1 each time
//!   ([`super::registry`]).
//! * [`MapSheet`] (kind `map_sheet`, one per 地域診断): the reference points of an image,
//!   where each patient's ◎ is, and the distance the nurse counts as far.
//! * [`BaseMap`] (kind `base_map`, one per 地域診断): the 下図 — an image she has, or the
//!   outlines of her 市町村 read from a boundary file. Kept apart from the sheet so that
//!   moving a mark never copies the image into the 変更履歴, and so that an export can leave
//!   it out (it travels only when she ticks it).

use super::calibration::ReferencePoint;
use super::facilities::FacilityKind;
use super::geo::LatLon;
use crate::domain::ids::RecordId;
use crate::domain::record::{RecordBody, RecordKind};
use serde::{Deserialize, Serialize};

/// Where a mark stands: on the ground (緯度・経度, on a calibrated image or outlines) or on
/// the sheet itself (pixels of an image not calibrated, or the plain sheet). Tagged by
/// `type`, so merging takes it whole (never 緯度 from one device and 経度 from another).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Position {
    Ground { lat: f64, lon: f64 },
    Sheet { x: f64, y: f64 },
}

impl Position {
    pub fn ground(p: LatLon) -> Position {
        Position::Ground { lat: p.lat, lon: p.lon }
    }

    /// Its place when it is on the ground and a real one.
    pub fn lat_lon(&self) -> Option<LatLon> {
        match *self {
            Position::Ground { lat, lon } => LatLon::new(lat, lon),
            Position::Sheet { .. } => None,
        }
    }

    /// What is wrong with it (`field` names it in the message).
    pub fn problem(&self, field: &str) -> Option<String> {
        match *self {
            Position::Ground { lat, lon } if LatLon::new(lat, lon).is_none() => {
                Some(format!("{field}: 緯度は −90〜90、経度は −180〜180 の数で書いてください"))
            }
            Position::Sheet { x, y } if !(x.is_finite() && y.is_finite() && x.abs() < 1e7 && y.abs() < 1e7) => {
                Some(format!("{field}: 地図上の位置が数ではありません"))
            }
            _ => None,
        }
    }
}

/// Longest name or address kept (characters).
pub const MAX_NAME: usize = 200;

/// 施設 (kind `facility`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Facility {
    /// 名称 (as shown on the map and in the list).
    pub name: String,
    /// 種類 (its mark).
    pub kind: FacilityKind,
    /// 別の名前: how 様式1 or 様式3 also write it (「株式会社Ａ」「Ａｽﾃｰｼｮﾝ」): these names count as
    /// this facility when its users are found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_names: Vec<String>,
    /// 住所.
    #[serde(default)]
    pub address: String,
    /// The 様式3 station it is, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub station_id: Option<RecordId>,
    /// 地図上の位置 (none until placed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
}

impl RecordBody for Facility {
    const KIND: RecordKind = RecordKind::Facility;
}

impl Facility {
    /// Every name it goes by: its own first.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.other_names.iter().map(String::as_str))
    }

    /// What a file or form may not hold: (field path, message naming the field).
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.name.trim().is_empty() {
            out.push(("name".to_string(), "名称: 施設の名前を入れてください".to_string()));
        }
        for (path, label, text) in [("name", "名称", &self.name), ("address", "住所", &self.address)] {
            if text.chars().count() > MAX_NAME {
                out.push((path.to_string(), format!("{label}: {MAX_NAME} 文字までにしてください")));
            }
            if text.chars().any(char::is_control) {
                out.push((path.to_string(), format!("{label}: 改行や制御文字は使えません")));
            }
        }
        for (i, n) in self.other_names.iter().enumerate() {
            if n.chars().count() > MAX_NAME || n.chars().any(char::is_control) {
                out.push((format!("other_names/{i}"), format!("別の名前 {}: {MAX_NAME} 文字まで、改行なしで", i + 1)));
            }
        }
        if let Some(p) = self.position.as_ref().and_then(|p| p.problem("地図上の位置")) {
            out.push(("position".to_string(), p));
        }
        out
    }
}

/// A patient's ◎ on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PatientMark {
    pub patient_id: RecordId,
    pub position: Position,
}

/// A 市町村 of 様式1 as a labelled area the nurse put on the sheet (plain sheet or image;
/// bundle format 6).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaSpot {
    /// 市町村 as 様式1 writes it.
    pub municipality: String,
    pub position: Position,
}

/// The distance (km) from a station with 24時間対応体制加算 beyond which a patient is listed,
/// until the nurse sets her own.
pub const DEFAULT_FAR_KM: f64 = 10.0;

fn default_far_km() -> f64 {
    DEFAULT_FAR_KM
}

/// 管内マップ (kind `map_sheet`, one per 地域診断).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapSheet {
    /// 基準点 of an image base map (two or more make it calibrated).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reference_points: Vec<ReferencePoint>,
    /// Where each patient's ◎ is (patients not listed are not placed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub patients: Vec<PatientMark>,
    /// 遠いとみなす距離 (km) from the nearest station with 24時間対応.
    #[serde(default = "default_far_km")]
    pub far_km: f64,
    /// Where the nurse put each 市町村's labelled area (not listed: the default arrangement).
    /// Bundle format 6; absent when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<AreaSpot>,
}

impl Default for MapSheet {
    fn default() -> Self {
        MapSheet { reference_points: Vec::new(), patients: Vec::new(), far_km: DEFAULT_FAR_KM, areas: Vec::new() }
    }
}

impl RecordBody for MapSheet {
    const KIND: RecordKind = RecordKind::MapSheet;
}

impl MapSheet {
    /// The ◎ of `patient`, if placed.
    pub fn patient_position(&self, patient: &RecordId) -> Option<Position> {
        self.patients.iter().find(|m| &m.patient_id == patient).map(|m| m.position)
    }

    /// Places (or with `None` takes off) a patient's ◎.
    pub fn set_patient(&mut self, patient: &RecordId, position: Option<Position>) {
        self.patients.retain(|m| &m.patient_id != patient);
        if let Some(position) = position {
            self.patients.push(PatientMark { patient_id: patient.clone(), position });
        }
    }

    /// Where the nurse put a 市町村's area, if she moved it.
    pub fn area_position(&self, municipality: &str) -> Option<Position> {
        self.areas.iter().find(|a| a.municipality == municipality.trim()).map(|a| a.position)
    }

    /// Puts (or with `None` returns to the default arrangement) a 市町村's area.
    pub fn set_area(&mut self, municipality: &str, position: Option<Position>) {
        let name = municipality.trim();
        self.areas.retain(|a| a.municipality != name);
        if let Some(position) = position {
            self.areas.push(AreaSpot { municipality: name.to_string(), position });
        }
    }

    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if !(self.far_km.is_finite() && self.far_km > 0.0 && self.far_km <= 500.0) {
            out.push((
                "far_km".to_string(),
                "遠いとみなす距離: 0 より大きく 500 km までの数にしてください".to_string(),
            ));
        }
        for (i, r) in self.reference_points.iter().enumerate() {
            if LatLon::new(r.position.lat, r.position.lon).is_none() || !r.x.is_finite() || !r.y.is_finite() {
                out.push((format!("reference_points/{i}"), format!("基準点 {}: 位置か緯度・経度が範囲外です", i + 1)));
            }
        }
        for (i, m) in self.patients.iter().enumerate() {
            if let Some(p) = m.position.problem(&format!("療養者の位置 {}", i + 1)) {
                out.push((format!("patients/{i}/position"), p));
            }
        }
        for (i, a) in self.areas.iter().enumerate() {
            let name = a.municipality.trim();
            if name.is_empty() || name.chars().count() > 40 || name.chars().any(char::is_control) {
                out.push((
                    format!("areas/{i}/municipality"),
                    format!("市町村の位置 {}: 市町村名がありません（40文字まで、改行なし）", i + 1),
                ));
            }
            if let Some(p) = a.position.problem(&format!("市町村「{name}」の位置")) {
                out.push((format!("areas/{i}/position"), p));
            }
        }
        out
    }
}

/// Largest image kept as a base map (bytes of the file).
pub const MAX_IMAGE_BYTES: usize = 15 * 1024 * 1024;

/// One 市区町村 of an outline base map: its name and rings of 緯度・経度, already thinned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaOutline {
    pub name: String,
    /// Rings as `[lat, lon]` pairs.
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// 下図 (kind `base_map`, one per 地域診断).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BaseMap {
    /// An image (PNG or JPEG) the nurse has: `data` is the file in base64.
    Image { file_name: String, mime: String, width: u32, height: u32, data: String },
    /// 市区町村の境界 read from a GeoJSON file.
    Outlines { file_name: String, areas: Vec<AreaOutline> },
}

impl RecordBody for BaseMap {
    const KIND: RecordKind = RecordKind::BaseMap;
}

impl BaseMap {
    /// The file's size as the nurse sees it before ticking 「下図も含める」 (bytes).
    pub fn size_bytes(&self) -> usize {
        match self {
            BaseMap::Image { data, .. } => data.len() / 4 * 3,
            BaseMap::Outlines { areas, .. } => {
                areas.iter().map(|a| a.rings.iter().map(Vec::len).sum::<usize>()).sum::<usize>() * 40
            }
        }
    }

    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        match self {
            BaseMap::Image { mime, width, height, data, .. } => {
                if !matches!(mime.as_str(), "image/png" | "image/jpeg") {
                    out.push(("mime".to_string(), "下図: PNG か JPEG の画像だけを使えます".to_string()));
                }
                if *width == 0 || *height == 0 || *width > 20_000 || *height > 20_000 {
                    out.push((
                        "width".to_string(),
                        "下図: 画像の大きさ（幅・高さ）が 1〜20000 ではありません".to_string(),
                    ));
                }
                if data.len() / 4 * 3 > MAX_IMAGE_BYTES {
                    out.push(("data".to_string(), "下図: 画像が 15 MB を超えています".to_string()));
                } else {
                    match crate::domain::bundle::base64::decode(data.get(..64).unwrap_or(data)) {
                        Ok(bytes) if super::image::sniff(&bytes) == Some(mime.as_str()) => {}
                        _ => out
                            .push(("data".to_string(), "下図: 画像のデータが PNG・JPEG として読めません".to_string())),
                    }
                }
            }
            BaseMap::Outlines { areas, .. } => {
                if areas.is_empty() {
                    out.push(("areas".to_string(), "下図: 市区町村が一つもありません".to_string()));
                }
                for (i, a) in areas.iter().enumerate() {
                    let bad = a.rings.iter().flatten().any(|[lat, lon]| LatLon::new(*lat, *lon).is_none());
                    if bad {
                        out.push((
                            format!("areas/{i}"),
                            format!("下図の市区町村「{}」: 緯度・経度が範囲外です", a.name),
                        ));
                    }
                }
            }
        }
        out
    }
}
