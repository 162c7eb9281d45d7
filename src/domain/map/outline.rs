//! 地図の輪郭: the 市区町村 the nurse chose from a boundary file, on one flat plane, thinned to
//! a tolerance, each with the spot for its name.

use super::geo::{Plane, PlanePoint};
use super::geojson::Area;
use super::simplify::simplify_ring;

/// One 市区町村 as drawn: its name, its rings (km on the plane) and where its name goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    pub name: String,
    pub rings: Vec<Vec<PlanePoint>>,
    /// The centroid of its largest ring.
    pub label_at: PlanePoint,
}

/// The chosen areas drawn together.
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineMap {
    pub plane: Plane,
    pub outlines: Vec<Outline>,
    /// (min, max) corners of everything drawn (km).
    pub bounds: (PlanePoint, PlanePoint),
}

/// Signed area (shoelace) and centroid of a closed ring.
pub fn ring_area_centroid(ring: &[PlanePoint]) -> (f64, PlanePoint) {
    let (mut a2, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for w in ring.windows(2) {
        let cross = w[0].x * w[1].y - w[1].x * w[0].y;
        a2 += cross;
        cx += (w[0].x + w[1].x) * cross;
        cy += (w[0].y + w[1].y) * cross;
    }
    if a2 == 0.0 {
        let n = ring.len().max(1) as f64;
        let mean =
            PlanePoint { x: ring.iter().map(|p| p.x).sum::<f64>() / n, y: ring.iter().map(|p| p.y).sum::<f64>() / n };
        return (0.0, mean);
    }
    (a2 / 2.0, PlanePoint { x: cx / (3.0 * a2), y: cy / (3.0 * a2) })
}

/// The `chosen` areas (indices into `areas`) on a plane centred on their extent, each ring
/// simplified to `tolerance_km`. `None` when nothing is chosen.
pub fn outlines(areas: &[Area], chosen: &[usize], tolerance_km: f64) -> Option<OutlineMap> {
    let picked: Vec<&Area> = chosen.iter().filter_map(|&i| areas.get(i)).collect();
    let all: Vec<_> = picked.iter().flat_map(|a| a.polygons.iter().flatten().flatten().copied()).collect();
    let (lat_min, lat_max) = all.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.lat), hi.max(p.lat)));
    let (lon_min, lon_max) = all.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.lon), hi.max(p.lon)));
    let plane = Plane::around(&[
        super::geo::LatLon { lat: lat_min, lon: lon_min },
        super::geo::LatLon { lat: lat_max, lon: lon_max },
    ])
    .filter(|_| !all.is_empty())?;
    let mut min = PlanePoint { x: f64::MAX, y: f64::MAX };
    let mut max = PlanePoint { x: f64::MIN, y: f64::MIN };
    let outlines = picked
        .iter()
        .map(|area| {
            let rings: Vec<Vec<PlanePoint>> = area
                .polygons
                .iter()
                .flatten()
                .map(|ring| {
                    let flat: Vec<PlanePoint> = ring.iter().map(|&p| plane.to_plane(p)).collect();
                    simplify_ring(&flat, tolerance_km)
                })
                .collect();
            for p in rings.iter().flatten() {
                min = PlanePoint { x: min.x.min(p.x), y: min.y.min(p.y) };
                max = PlanePoint { x: max.x.max(p.x), y: max.y.max(p.y) };
            }
            let label_at = rings
                .iter()
                .map(|r| ring_area_centroid(r))
                .max_by(|a, b| a.0.abs().total_cmp(&b.0.abs()))
                .map(|(_, c)| c)
                .unwrap_or(PlanePoint { x: 0.0, y: 0.0 });
            Outline { name: area.name.clone(), rings, label_at }
        })
        .collect();
    Some(OutlineMap { plane, outlines, bounds: (min, max) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::map::geo::LatLon;

    fn square(lat: f64, lon: f64, side: f64, points_per_side: usize) -> Vec<LatLon> {
        let mut ring = Vec::new();
        let n = points_per_side as f64;
        for i in 0..points_per_side {
            ring.push(LatLon { lat, lon: lon + side * i as f64 / n });
        }
        for i in 0..points_per_side {
            ring.push(LatLon { lat: lat + side * i as f64 / n, lon: lon + side });
        }
        for i in 0..points_per_side {
            ring.push(LatLon { lat: lat + side, lon: lon + side - side * i as f64 / n });
        }
        for i in 0..points_per_side {
            ring.push(LatLon { lat: lat + side - side * i as f64 / n, lon });
        }
        ring.push(ring[0]);
        ring
    }

    #[test]
    fn a_square_has_its_area_and_centre_by_hand() {
        let ring = [(0.0, 0.0), (4.0, 0.0), (4.0, 2.0), (0.0, 2.0), (0.0, 0.0)].map(|(x, y)| PlanePoint { x, y });
        assert_eq!(ring_area_centroid(&ring), (8.0, PlanePoint { x: 2.0, y: 1.0 }));
    }

    #[test]
    fn chosen_towns_are_drawn_thinned_with_their_names_in_the_middle() {
        // Two 0.1° squares side by side at 35° N, 100 points a side: straight sides thin to
        // their corners (5 points with the closing one); the names sit at the squares' centres.
        let a = Area { name: "東町".into(), code: "1".into(), polygons: vec![vec![square(35.0, 139.0, 0.1, 100)]] };
        let b = Area { name: "西町".into(), code: "2".into(), polygons: vec![vec![square(35.0, 139.1, 0.1, 100)]] };
        let c = Area {
            name: "選ばない町".into(), code: "3".into(), polygons: vec![vec![square(36.0, 140.0, 0.1, 4)]]
        };
        let map = outlines(&[a, b, c], &[0, 1], 0.01).expect("two chosen");
        assert_eq!(map.outlines.len(), 2);
        assert!(map.outlines.iter().all(|o| o.rings[0].len() == 5), "{:?}", map.outlines[0].rings[0].len());
        // The plane is centred on (35.05, 139.1): 東町's centre (35.05, 139.05) is 0.05° west,
        // 0.05 × 111.19508 × cos 35.05° (0.818651) = 4.5515 km; 西町's the same east.
        let (east, west) = (map.outlines[0].label_at, map.outlines[1].label_at);
        assert!((east.x + 4.5515).abs() < 0.001 && east.y.abs() < 1e-6, "{east:?}");
        assert!((west.x - 4.5515).abs() < 0.001, "{west:?}");
        // 0.1° of latitude is 11.1195 km: the map is that tall.
        assert!(((map.bounds.1.y - map.bounds.0.y) - 11.1195).abs() < 0.001);
        assert_eq!(outlines(&[], &[0], 0.01), None);
    }
}
