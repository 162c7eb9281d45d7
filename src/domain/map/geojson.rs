//! 行政区域の境界 (GeoJSON): reading a boundary file such as 国土数値情報 「行政区域」 for a
//! prefecture (a FeatureCollection of Polygon / MultiPolygon features, often tens of MB, one
//! feature per island or part), into one outline per 市区町村 that the nurse can choose from.
//!
//! The file is checked as it is read: not a FeatureCollection, a geometry of another type,
//! coordinates that are not numbers or outside ±90 / ±180, nesting deeper than GeoJSON has
//! (serde_json stops at 128 levels, so a 100,000-deep file fails at once, without recursion)
//! — each gives a Japanese message naming the file's part, and nothing is kept.

use super::geo::LatLon;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// Files larger than this are refused before reading (a prefecture's 行政区域 is 10–60 MB).
pub const MAX_BYTES: usize = 100 * 1024 * 1024;

/// 市区町村 as the file has it: its name, its code (when the file has one) and its outline
/// (polygons, each an outer ring then holes, rings closed).
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    /// 「八王子市」, 「西多摩郡 奥多摩町」 (郡 or 政令市 before the name when the file gives it).
    pub name: String,
    /// 行政区域コード (N03_007) or the feature's `code` property, else empty.
    pub code: String,
    pub polygons: Vec<Vec<Vec<LatLon>>>,
}

impl Area {
    pub fn points(&self) -> usize {
        self.polygons.iter().flatten().map(Vec::len).sum()
    }
}

/// Why a boundary file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeoJsonError {
    TooLarge {
        bytes: usize,
    },
    /// Not JSON, or JSON nested too deep: serde_json's message (line, column).
    NotJson(String),
    NotFeatureCollection,
    /// Feature n (from 1): its geometry is not a Polygon or MultiPolygon.
    Geometry {
        feature: usize,
        found: String,
    },
    /// Feature n: a coordinate that is not [経度, 緯度] in range.
    Coordinates {
        feature: usize,
    },
    /// No feature with an outline.
    Empty,
}

impl fmt::Display for GeoJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GeoJsonError::TooLarge { bytes } => write!(
                f,
                "ファイルが大きすぎます（{:.0} MB）。{} MB までの境界ファイルを選んでください",
                *bytes as f64 / 1_048_576.0,
                MAX_BYTES / 1_048_576
            ),
            GeoJsonError::NotJson(detail) => write!(f, "GeoJSON として読めません（{detail}）"),
            GeoJsonError::NotFeatureCollection => f.write_str(
                "GeoJSON の FeatureCollection ではありません（\"type\": \"FeatureCollection\" と features が必要です）",
            ),
            GeoJsonError::Geometry { feature, found } => write!(
                f,
                "{feature} 番目の地物: 形が「{found}」です。行政区域の境界（Polygon か MultiPolygon）だけを読み込めます"
            ),
            GeoJsonError::Coordinates { feature } => write!(
                f,
                "{feature} 番目の地物: 座標が [経度, 緯度] の数ではないか、範囲（経度 −180〜180、緯度 −90〜90）の外です"
            ),
            GeoJsonError::Empty => f.write_str("境界（Polygon か MultiPolygon）を持つ地物がありません"),
        }
    }
}

#[derive(Deserialize)]
struct Collection<'a> {
    #[serde(rename = "type")]
    kind: String,
    #[serde(borrow)]
    features: Vec<Feature<'a>>,
}

#[derive(Deserialize)]
struct Feature<'a> {
    #[serde(default)]
    properties: Option<Map<String, Value>>,
    #[serde(borrow, default)]
    geometry: Option<Geometry<'a>>,
}

#[derive(Deserialize)]
struct Geometry<'a> {
    #[serde(rename = "type")]
    kind: String,
    #[serde(borrow)]
    coordinates: Option<&'a RawValue>,
}

type Ring = Vec<Vec<f64>>;

fn ring(positions: Ring) -> Option<Vec<LatLon>> {
    positions.into_iter().map(|p| LatLon::new(*p.get(1)?, *p.first()?)).collect()
}

fn polygons(g: &Geometry<'_>, feature: usize) -> Result<Vec<Vec<Vec<LatLon>>>, GeoJsonError> {
    let bad = || GeoJsonError::Coordinates { feature };
    let raw = g.coordinates.ok_or_else(bad)?.get();
    let parts: Vec<Vec<Ring>> = match g.kind.as_str() {
        "Polygon" => vec![serde_json::from_str(raw).map_err(|_| bad())?],
        "MultiPolygon" => serde_json::from_str(raw).map_err(|_| bad())?,
        other => return Err(GeoJsonError::Geometry { feature, found: other.to_string() }),
    };
    parts.into_iter().map(|rings| rings.into_iter().map(|r| ring(r).ok_or_else(bad)).collect()).collect()
}

fn text(props: &Map<String, Value>, key: &str) -> String {
    props.get(key).and_then(Value::as_str).map(str::trim).unwrap_or_default().to_string()
}

/// The 市区町村's name from 国土数値情報's N03_003 (郡・政令市) and N03_004 (市区町村), or a
/// `name` / `NAME` property.
fn area_name(props: &Map<String, Value>) -> String {
    let (county, town) = (text(props, "N03_003"), text(props, "N03_004"));
    match (county.is_empty(), town.is_empty()) {
        (_, false) if !county.is_empty() => format!("{county} {town}"),
        (_, false) => town,
        (false, true) => county,
        (true, true) => {
            ["name", "NAME", "name_ja"].iter().map(|k| text(props, k)).find(|n| !n.is_empty()).unwrap_or_default()
        }
    }
}

/// Reads a boundary file: one [`Area`] per 市区町村 (features with the same code, or the same
/// name when there is no code, joined), in the order first met. Features without a geometry
/// (国土数値情報 has some for 所属未定地) are skipped.
pub fn read_areas(text_of_file: &str) -> Result<Vec<Area>, GeoJsonError> {
    if text_of_file.len() > MAX_BYTES {
        return Err(GeoJsonError::TooLarge { bytes: text_of_file.len() });
    }
    let value: Collection<'_> = serde_json::from_str(text_of_file).map_err(|e| {
        if e.is_data() {
            GeoJsonError::NotFeatureCollection
        } else {
            GeoJsonError::NotJson(e.to_string())
        }
    })?;
    if value.kind != "FeatureCollection" {
        return Err(GeoJsonError::NotFeatureCollection);
    }
    let mut out: Vec<Area> = Vec::new();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for (i, feature) in value.features.iter().enumerate() {
        let Some(geometry) = &feature.geometry else { continue };
        let polygons = polygons(geometry, i + 1)?;
        let empty = Map::new();
        let props = feature.properties.as_ref().unwrap_or(&empty);
        let name = area_name(props);
        let code =
            [text(props, "N03_007"), text(props, "code")].into_iter().find(|c| !c.is_empty()).unwrap_or_default();
        let key = if code.is_empty() { format!("name:{name}") } else { format!("code:{code}") };
        match index.get(&key) {
            Some(&k) => out[k].polygons.extend(polygons),
            None => {
                index.insert(key, out.len());
                let name =
                    if name.is_empty() { format!("（名前のない区域 {}）", out.len() + 1) } else { name };
                out.push(Area { name, code, polygons });
            }
        }
    }
    if out.is_empty() {
        return Err(GeoJsonError::Empty);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_TOWNS: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"N03_001":"東京都","N03_003":"西多摩郡","N03_004":"奥多摩町","N03_007":"13308"},
       "geometry":{"type":"Polygon","coordinates":[[[139.0,35.8],[139.1,35.8],[139.1,35.9],[139.0,35.8]]]}},
      {"type":"Feature","properties":{"N03_001":"東京都","N03_003":"","N03_004":"青梅市","N03_007":"13205"},
       "geometry":{"type":"MultiPolygon","coordinates":[[[[139.2,35.7],[139.3,35.7,12.5],[139.3,35.8],[139.2,35.7]]]]}},
      {"type":"Feature","properties":{"N03_003":"西多摩郡","N03_004":"奥多摩町","N03_007":"13308"},
       "geometry":{"type":"Polygon","coordinates":[[[139.05,35.95],[139.06,35.95],[139.06,35.96],[139.05,35.95]]]}},
      {"type":"Feature","properties":{"N03_004":"所属未定地"},"geometry":null}
    ]}"#;

    #[test]
    fn features_of_one_town_are_joined_and_named_as_the_file_names_them() {
        let areas = read_areas(TWO_TOWNS).expect("reads");
        let names: Vec<(&str, &str, usize)> =
            areas.iter().map(|a| (a.name.as_str(), a.code.as_str(), a.polygons.len())).collect();
        assert_eq!(names, vec![("西多摩郡 奥多摩町", "13308", 2), ("青梅市", "13205", 1)]);
        // [経度, 緯度(, 高さ)] → 緯度・経度.
        assert_eq!(areas[1].polygons[0][0][1], LatLon { lat: 35.7, lon: 139.3 });
        assert_eq!(areas[0].points(), 8);
    }

    #[test]
    fn hostile_files_are_refused_with_the_part_named() {
        assert_eq!(read_areas(r#"{"type":"Feature","features":[]}"#), Err(GeoJsonError::NotFeatureCollection));
        assert_eq!(read_areas(r#"{"type":"FeatureCollection"}"#), Err(GeoJsonError::NotFeatureCollection));
        assert!(matches!(read_areas("PNG\u{1a}garbage"), Err(GeoJsonError::NotJson(_))));
        // NaN is not JSON.
        let nan =
            r#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Polygon","coordinates":[[[NaN,35]]]}}]}"#;
        assert!(read_areas(nan).is_err());
        let point = r#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Point","coordinates":[139,35]}}]}"#;
        assert_eq!(read_areas(point), Err(GeoJsonError::Geometry { feature: 1, found: "Point".into() }));
        let far = r#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Polygon","coordinates":[[[139,95],[139,35],[140,35],[139,95]]]}}]}"#;
        assert_eq!(read_areas(far), Err(GeoJsonError::Coordinates { feature: 1 }));
        let text = r#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Polygon","coordinates":[[["139","35"]]]}}]}"#;
        assert_eq!(read_areas(text), Err(GeoJsonError::Coordinates { feature: 1 }));
        assert_eq!(read_areas(r#"{"type":"FeatureCollection","features":[]}"#), Err(GeoJsonError::Empty));
        // 100,000 levels of nesting: refused at serde_json's depth limit, without recursion.
        let deep = format!(
            r#"{{"type":"FeatureCollection","features":[{{"properties":{{"a":{}{}}}}}]}}"#,
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(matches!(read_areas(&deep), Err(GeoJsonError::NotJson(_))));
        assert!(GeoJsonError::Coordinates { feature: 3 }.to_string().starts_with("3 番目の地物"));
    }
}
