//! 緯度・経度: positions as the nurse types them or the tablet's GPS gives them, the
//! straight-line distance between two of them, and the flat plane a map is drawn on.

use std::fmt;

/// Mean Earth radius (km), IUGG: the radius the haversine distance uses.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A position (degrees; north and east positive).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

/// Why a typed position is refused (the message names the field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PositionError {
    /// Not a number (「三十五」, 「35度」, empty).
    NotANumber { field: &'static str },
    /// Outside −90〜90 (緯度) or −180〜180 (経度).
    OutOfRange { field: &'static str },
}

impl fmt::Display for PositionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PositionError::NotANumber { field } => {
                write!(f, "{field}: 数字（度、小数で。例: 35.6812）で入力してください")
            }
            PositionError::OutOfRange { field: "緯度" } => write!(f, "緯度: −90〜90 の範囲で入力してください"),
            PositionError::OutOfRange { field } => write!(f, "{field}: −180〜180 の範囲で入力してください"),
        }
    }
}

fn parse_degrees(text: &str, field: &'static str, limit: f64) -> Result<f64, PositionError> {
    let folded = crate::domain::forms::input::fold_width(text.trim()).replace('−', "-");
    let value: f64 = folded.trim().parse().map_err(|_| PositionError::NotANumber { field })?;
    if !value.is_finite() {
        return Err(PositionError::NotANumber { field });
    }
    if value.abs() > limit {
        return Err(PositionError::OutOfRange { field });
    }
    Ok(value)
}

impl LatLon {
    /// A position from numbers (from a file or the GPS): `None` when not finite or out of range.
    pub fn new(lat: f64, lon: f64) -> Option<LatLon> {
        (lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0).then_some(LatLon { lat, lon })
    }

    /// A position as typed (full-width digits and signs accepted).
    pub fn parse(lat: &str, lon: &str) -> Result<LatLon, PositionError> {
        Ok(LatLon { lat: parse_degrees(lat, "緯度", 90.0)?, lon: parse_degrees(lon, "経度", 180.0)? })
    }
}

/// The great-circle distance (km) between two positions (haversine on a sphere of
/// [`EARTH_RADIUS_KM`]; within about 0.5 % of the true distance on the ellipsoid).
pub fn distance_km(a: LatLon, b: LatLon) -> f64 {
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// A point on the map's plane (km east and north of the plane's origin).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlanePoint {
    pub x: f64,
    pub y: f64,
}

/// The plane a jurisdiction is drawn on: an equirectangular projection centred on `origin`
/// (east–west distances shrunk by cos of the origin's latitude). Over a 保健所's area (tens
/// of km) it is within a fraction of a percent of the true distances.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Plane {
    pub origin: LatLon,
}

impl Plane {
    /// km per degree of latitude.
    pub fn km_per_degree() -> f64 {
        EARTH_RADIUS_KM * std::f64::consts::PI / 180.0
    }

    /// The plane centred on the middle of `points` (their mean latitude and longitude).
    pub fn around(points: &[LatLon]) -> Option<Plane> {
        let n = points.len() as f64;
        (!points.is_empty()).then(|| Plane {
            origin: LatLon {
                lat: points.iter().map(|p| p.lat).sum::<f64>() / n,
                lon: points.iter().map(|p| p.lon).sum::<f64>() / n,
            },
        })
    }

    pub fn to_plane(&self, p: LatLon) -> PlanePoint {
        let k = Plane::km_per_degree();
        PlanePoint {
            x: (p.lon - self.origin.lon) * k * self.origin.lat.to_radians().cos(),
            y: (p.lat - self.origin.lat) * k,
        }
    }

    pub fn to_lat_lon(&self, p: PlanePoint) -> LatLon {
        let k = Plane::km_per_degree();
        let cos = self.origin.lat.to_radians().cos().max(1e-9);
        LatLon { lat: self.origin.lat + p.y / k, lon: self.origin.lon + p.x / (k * cos) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn one_degree_of_latitude_is_111_195_km() {
        // 2π × 6371.0088 / 360 = 111.19508 km.
        let d = distance_km(LatLon { lat: 35.0, lon: 139.0 }, LatLon { lat: 36.0, lon: 139.0 });
        assert!(close(d, 111.195_08, 0.000_01), "{d}");
        assert!(close(Plane::km_per_degree(), 111.195_08, 0.000_01));
    }

    /// 東京駅 (35.681236, 139.767125) → 大阪駅 (34.702485, 135.495951), by hand:
    /// φ1 = 0.622755, φ2 = 0.605673 rad, Δφ = −0.017082, Δλ = −0.074546 rad;
    /// h = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2) = 0.00007295 + 0.667787 × 0.0013886
    ///   = 0.00007295 + 0.00092731 = 0.0010003; d = 2R asin(√h) = 2 × 6371.0088 × 0.031632
    ///   = 403.06 km (the straight line; about 403 km is the published figure).
    #[test]
    fn tokyo_station_to_osaka_station_is_403_km() {
        let tokyo = LatLon { lat: 35.681236, lon: 139.767125 };
        let osaka = LatLon { lat: 34.702485, lon: 135.495951 };
        let d = distance_km(tokyo, osaka);
        assert!(close(d, 403.06, 0.01), "{d}");
        assert!(close(distance_km(osaka, tokyo), d, 1e-9));
        assert_eq!(distance_km(tokyo, tokyo), 0.0);
    }

    #[test]
    fn typed_positions_are_checked_and_name_their_field() {
        assert_eq!(LatLon::parse("３５.６８", " 139.77 "), Ok(LatLon { lat: 35.68, lon: 139.77 }));
        assert_eq!(LatLon::parse("-33.9", "151.2").map(|p| p.lat), Ok(-33.9));
        let e = LatLon::parse("95", "139").unwrap_err();
        assert_eq!(e.to_string(), "緯度: −90〜90 の範囲で入力してください");
        let e = LatLon::parse("35", "東経139度").unwrap_err();
        assert_eq!(e, PositionError::NotANumber { field: "経度" });
        assert!(LatLon::parse("NaN", "139").is_err() && LatLon::parse("inf", "139").is_err());
        assert_eq!(LatLon::new(f64::NAN, 0.0), None);
        assert_eq!(LatLon::new(35.0, 181.0), None);
    }

    #[test]
    fn the_plane_keeps_distances_over_a_jurisdiction() {
        // 0.1° of longitude at 35° N: 111.19508 × cos 35° × 0.1 = 111.19508 × 0.819152 × 0.1
        // = 9.10857 km east.
        let plane = Plane { origin: LatLon { lat: 35.0, lon: 139.0 } };
        let p = plane.to_plane(LatLon { lat: 35.0, lon: 139.1 });
        assert!(close(p.x, 9.108_57, 0.000_01) && p.y == 0.0, "{p:?}");
        let back = plane.to_lat_lon(p);
        assert!(close(back.lon, 139.1, 1e-12) && close(back.lat, 35.0, 1e-12));
        // Across 20 km the plane and the haversine agree within 0.1 %.
        let a = LatLon { lat: 35.05, lon: 139.05 };
        let b = LatLon { lat: 34.95, lon: 139.2 };
        let plane = Plane::around(&[a, b]).unwrap_or(plane);
        let (pa, pb) = (plane.to_plane(a), plane.to_plane(b));
        let flat = ((pa.x - pb.x).powi(2) + (pa.y - pb.y).powi(2)).sqrt();
        assert!((flat / distance_km(a, b) - 1.0).abs() < 0.001, "{flat} vs {}", distance_km(a, b));
    }
}
