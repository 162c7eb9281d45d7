//! The sheet the map is drawn on, and how a mark's [`Position`] finds its spot on it:
//!
//! * no 下図: a plain sheet 1000 × 700 on which marks stand where the nurse put them;
//! * an image: the sheet is the image (pixels); with two or more good reference points it is
//!   calibrated, and places on the ground (typed, GPS) find their pixel;
//! * outlines: the chosen 市区町村 on a plane, 1000 units wide, north up.
//!
//! On a sheet tied to the ground a mark placed by hand is kept as 緯度・経度, so it stays
//! right when the 下図 is changed for another of the same area.

use super::calibration::{Calibration, CalibrationError};
use super::geo::{LatLon, PlanePoint};
use super::geojson::Area;
use super::outline::{outlines, OutlineMap};
use super::records::{BaseMap, MapSheet, Position};
use super::svg::{path_data, Viewport};

/// Width of the drawing of outlines and of the plain sheet (units).
pub const SHEET_WIDTH: f64 = 1000.0;
/// Height of the plain sheet.
pub const PLAIN_HEIGHT: f64 = 700.0;

/// One 市区町村 as drawn: its name, its path data and where its name goes.
#[derive(Clone, Debug, PartialEq)]
pub struct DrawnArea {
    pub name: String,
    pub path: String,
    pub label_at: (f64, f64),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Projection {
    Plain,
    Image { width: f64, height: f64, calibration: Option<Calibration> },
    Outlines { map: OutlineMap, view: Viewport },
}

/// The 下図's outlines as the outline module takes them.
fn areas_of(base: &BaseMap) -> Vec<Area> {
    match base {
        BaseMap::Outlines { areas, .. } => areas
            .iter()
            .map(|a| Area {
                name: a.name.clone(),
                code: String::new(),
                polygons: a
                    .rings
                    .iter()
                    .map(|r| vec![r.iter().filter_map(|[lat, lon]| LatLon::new(*lat, *lon)).collect()])
                    .collect(),
            })
            .collect(),
        BaseMap::Image { .. } => Vec::new(),
    }
}

impl Projection {
    /// The sheet of a 下図 (none: plain) with the sheet's reference points. The second value
    /// says why the reference points do not calibrate the image, when there are some.
    pub fn of(base: Option<&BaseMap>, sheet: &MapSheet) -> (Projection, Option<CalibrationError>) {
        match base {
            None => (Projection::Plain, None),
            Some(BaseMap::Image { width, height, .. }) => {
                let (calibration, error) = if sheet.reference_points.is_empty() {
                    (None, None)
                } else {
                    match Calibration::fit(&sheet.reference_points) {
                        Ok(c) => (Some(c), None),
                        Err(e) => (None, Some(e)),
                    }
                };
                (Projection::Image { width: f64::from(*width), height: f64::from(*height), calibration }, error)
            }
            Some(b @ BaseMap::Outlines { .. }) => {
                let areas = areas_of(b);
                let all: Vec<usize> = (0..areas.len()).collect();
                match outlines(&areas, &all, 0.0) {
                    Some(map) => {
                        let view = Viewport::fit(map.bounds, SHEET_WIDTH, 40.0);
                        (Projection::Outlines { map, view }, None)
                    }
                    None => (Projection::Plain, None),
                }
            }
        }
    }

    /// Width and height of the sheet (units).
    pub fn size(&self) -> (f64, f64) {
        match self {
            Projection::Plain => (SHEET_WIDTH, PLAIN_HEIGHT),
            Projection::Image { width, height, .. } => (*width, *height),
            Projection::Outlines { view, .. } => (view.width(), view.height()),
        }
    }

    /// Whether the sheet is tied to the ground (positions are 緯度・経度, distances count).
    pub fn is_geo(&self) -> bool {
        matches!(self, Projection::Outlines { .. } | Projection::Image { calibration: Some(_), .. })
    }

    /// The place of a spot of the sheet, when the sheet is tied to the ground.
    pub fn to_lat_lon(&self, x: f64, y: f64) -> Option<LatLon> {
        match self {
            Projection::Plain => None,
            Projection::Image { calibration, .. } => calibration.as_ref().map(|c| c.to_lat_lon(x, y)),
            Projection::Outlines { map, view } => {
                let p = PlanePoint {
                    x: view.min.x + (x - view.margin) / view.scale,
                    y: view.max.y - (y - view.margin) / view.scale,
                };
                Some(map.plane.to_lat_lon(p))
            }
        }
    }

    /// Where a position stands on the sheet: a place on the ground needs a sheet tied to it
    /// (`None` otherwise: the mark is listed as not placed on this 下図).
    pub fn to_sheet(&self, p: &Position) -> Option<(f64, f64)> {
        match (*p, self) {
            (Position::Sheet { x, y }, _) => Some((x, y)),
            (Position::Ground { .. }, Projection::Plain) => None,
            (Position::Ground { .. }, Projection::Image { calibration, .. }) => {
                Some(calibration.as_ref()?.to_pixel(p.lat_lon()?))
            }
            (Position::Ground { .. }, Projection::Outlines { map, view }) => {
                Some(view.to_screen(map.plane.to_plane(p.lat_lon()?)))
            }
        }
    }

    /// The position to keep for a spot of the sheet: its place on the ground when the sheet is
    /// tied to it, else the spot itself. The spot is first kept inside the sheet.
    pub fn place(&self, x: f64, y: f64) -> Position {
        let (w, h) = self.size();
        let (x, y) = (x.clamp(0.0, w), y.clamp(0.0, h));
        match self.to_lat_lon(x, y) {
            Some(p) => Position::ground(p),
            None => Position::Sheet { x: (x * 10.0).round() / 10.0, y: (y * 10.0).round() / 10.0 },
        }
    }

    /// The 市区町村 to draw (outlines only).
    pub fn areas(&self) -> Vec<DrawnArea> {
        match self {
            Projection::Outlines { map, view } => map
                .outlines
                .iter()
                .map(|o| DrawnArea {
                    name: o.name.clone(),
                    path: path_data(&o.rings, view),
                    label_at: view.to_screen(o.label_at),
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::map::calibration::ReferencePoint;
    use crate::domain::map::records::AreaOutline;

    fn close(a: (f64, f64), b: (f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6
    }

    #[test]
    fn on_the_plain_sheet_a_mark_stays_where_it_was_put_inside_the_sheet() {
        let (p, _) = Projection::of(None, &MapSheet::default());
        assert!(!p.is_geo());
        assert_eq!(p.place(120.04, 80.0), Position::Sheet { x: 120.0, y: 80.0 });
        assert_eq!(p.place(-5.0, 900.0), Position::Sheet { x: 0.0, y: 700.0 }, "kept on the sheet");
        assert_eq!(p.to_sheet(&Position::Ground { lat: 35.0, lon: 139.0 }), None);
    }

    #[test]
    fn a_calibrated_image_keeps_places_and_finds_their_pixels() {
        let image = BaseMap::Image {
            file_name: "m.png".into(),
            mime: "image/png".into(),
            width: 1000,
            height: 800,
            data: String::new(),
        };
        let mut sheet = MapSheet::default();
        let (p, _) = Projection::of(Some(&image), &sheet);
        assert!(!p.is_geo(), "not calibrated without reference points");
        // Two points: pixel (100, 700) is 35.60 N 139.40 E, pixel (900, 100) is 35.70 N 139.60 E.
        sheet.reference_points = vec![
            ReferencePoint { x: 100.0, y: 700.0, position: LatLon { lat: 35.60, lon: 139.40 } },
            ReferencePoint { x: 900.0, y: 100.0, position: LatLon { lat: 35.70, lon: 139.60 } },
        ];
        let (p, err) = Projection::of(Some(&image), &sheet);
        assert!(p.is_geo() && err.is_none());
        let placed = p.place(100.0, 700.0);
        let Some(at) = placed.lat_lon() else { panic!("on the ground: {placed:?}") };
        assert!((at.lat - 35.60).abs() < 1e-9 && (at.lon - 139.40).abs() < 1e-9, "{at:?}");
        let back = p.to_sheet(&Position::Ground { lat: 35.70, lon: 139.60 }).expect("on the image");
        assert!(close(back, (900.0, 100.0)), "{back:?}");
        // The same two points given twice do not calibrate; the reason is told.
        sheet.reference_points[1] = sheet.reference_points[0];
        let (p, err) = Projection::of(Some(&image), &sheet);
        assert!(!p.is_geo());
        assert_eq!(err, Some(CalibrationError::Coincide(1, 2)));
    }

    #[test]
    fn outlines_are_drawn_a_thousand_wide_north_up_and_places_round_trip() {
        // A 0.1° square at 35° N: 0.1 × 111.19508 × cos 35.05° = 9.1030 km wide, 11.1195 km tall;
        // drawn 920 units across (40 each side), so 1011.5 units per 9.1030 km… height
        // 11.1195 × 920 / 9.1030 + 80 = 1203.8.
        let ring: Vec<[f64; 2]> = vec![[35.0, 139.0], [35.0, 139.1], [35.1, 139.1], [35.1, 139.0], [35.0, 139.0]];
        let base = BaseMap::Outlines {
            file_name: "a.geojson".into(),
            areas: vec![AreaOutline { name: "東町".into(), rings: vec![ring] }],
        };
        let (p, _) = Projection::of(Some(&base), &MapSheet::default());
        let (w, h) = p.size();
        assert!((w - 1000.0).abs() < 1e-9);
        assert!((h - (11.119508 * 920.0 / (0.1 * 111.19508 * 35.05f64.to_radians().cos()) + 80.0)).abs() < 0.01, "{h}");
        let nw = p.to_sheet(&Position::Ground { lat: 35.1, lon: 139.0 }).expect("drawn");
        assert!(close(nw, (40.0, 40.0)), "the north-west corner is at the margin: {nw:?}");
        let spot = p.place(500.0, 600.0);
        let back = p.to_sheet(&spot).expect("drawn");
        assert!(close(back, (500.0, 600.0)), "{back:?}");
        assert_eq!(p.areas().len(), 1);
        assert!(p.areas()[0].path.starts_with('M'));
    }
}
