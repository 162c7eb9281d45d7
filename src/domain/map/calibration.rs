//! 基準点による位置合わせ: an image base map (a map saved from a map site, a scan) tied to
//! the ground by reference points — a spot on the image and its latitude/longitude — so that
//! a typed or GPS position can be placed on it and distances measured.
//!
//! Two points fix a similarity (scale, rotation, shift: the image is taken to be a true map
//! without distortion). Three or more fix an affine map by least squares (a scan that is
//! stretched one way is still placed right), and the largest misfit of a reference point is
//! reported so the nurse sees how well it holds. Positions go through the flat [`Plane`]
//! around the reference points, in which the fit is linear.

use super::geo::{LatLon, Plane, PlanePoint};
use std::fmt;

/// A spot on the image (pixels from its top-left corner, y downwards) and where it is.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReferencePoint {
    pub x: f64,
    pub y: f64,
    pub position: LatLon,
}

/// Why reference points cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CalibrationError {
    /// Fewer than two points.
    TooFew,
    /// Two points (numbered from 1) at the same spot of the image or the same place.
    Coincide(usize, usize),
    /// Three or more points on one line (of the image or of the ground).
    OnOneLine,
    /// A pixel that is not a finite number.
    NotANumber(usize),
}

impl fmt::Display for CalibrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalibrationError::TooFew => f.write_str("基準点: 位置合わせには 2 点以上が必要です"),
            CalibrationError::Coincide(a, b) => {
                write!(f, "基準点 {a} と {b}: 画像上の位置か緯度・経度が同じです。離れた 2 か所を選んでください")
            }
            CalibrationError::OnOneLine => f.write_str(
                "基準点: 3 点以上が一直線に並んでいます。一直線上にない点（三角形になる点）を選んでください",
            ),
            CalibrationError::NotANumber(n) => write!(f, "基準点 {n}: 画像上の位置が数ではありません"),
        }
    }
}

/// `p = m · (x, y) + t`, the image pixel to the plane (km).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Affine {
    m: [[f64; 2]; 2],
    t: [f64; 2],
}

impl Affine {
    fn apply(&self, x: f64, y: f64) -> PlanePoint {
        PlanePoint {
            x: self.m[0][0] * x + self.m[0][1] * y + self.t[0],
            y: self.m[1][0] * x + self.m[1][1] * y + self.t[1],
        }
    }

    fn det(&self) -> f64 {
        self.m[0][0] * self.m[1][1] - self.m[0][1] * self.m[1][0]
    }

    fn invert(&self, p: PlanePoint) -> (f64, f64) {
        let d = self.det();
        let (u, v) = (p.x - self.t[0], p.y - self.t[1]);
        ((self.m[1][1] * u - self.m[0][1] * v) / d, (self.m[0][0] * v - self.m[1][0] * u) / d)
    }
}

/// A fitted calibration.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    plane: Plane,
    fit: Affine,
    /// The largest distance (km) between a reference point's place and where the fit puts its
    /// pixel: 0 for two points; with more, how well the image agrees with the ground.
    pub misfit_km: f64,
}

/// Closer than this (km, 1 m) counts as the same place; pixels closer than 1 as the same spot.
const SAME_PLACE_KM: f64 = 0.001;
const SAME_PIXEL: f64 = 1.0;

/// Spread of points in their thinnest direction relative to their widest: below this they
/// lie on one line (a band 1/1000 as wide as it is long).
const THIN: f64 = 1e-6;

fn on_one_line(points: &[(f64, f64)]) -> bool {
    let n = points.len() as f64;
    let (mx, my) = (points.iter().map(|p| p.0).sum::<f64>() / n, points.iter().map(|p| p.1).sum::<f64>() / n);
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for (x, y) in points {
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
        sxy += (x - mx) * (y - my);
    }
    let trace = sxx + syy;
    trace <= 0.0 || (sxx * syy - sxy * sxy) <= THIN * trace * trace
}

/// Solves the 3×3 system `a · s = b` (Gaussian elimination with pivoting).
fn solve3(mut a: [[f64; 3]; 3], mut b: [f64; 3]) -> Option<[f64; 3]> {
    for col in 0..3 {
        let pivot = (col..3).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let pivot_row = a[col];
        for row in col + 1..3 {
            let f = a[row][col] / pivot_row[col];
            for (v, p) in a[row].iter_mut().zip(pivot_row).skip(col) {
                *v -= f * p;
            }
            b[row] -= f * b[col];
        }
    }
    let mut s = [0.0; 3];
    for row in (0..3).rev() {
        let rest: f64 = (row + 1..3).map(|k| a[row][k] * s[k]).sum();
        s[row] = (b[row] - rest) / a[row][row];
    }
    Some(s)
}

impl Calibration {
    pub fn fit(points: &[ReferencePoint]) -> Result<Calibration, CalibrationError> {
        if points.len() < 2 {
            return Err(CalibrationError::TooFew);
        }
        if let Some(i) = points.iter().position(|p| !p.x.is_finite() || !p.y.is_finite()) {
            return Err(CalibrationError::NotANumber(i + 1));
        }
        let positions: Vec<LatLon> = points.iter().map(|p| p.position).collect();
        let plane = Plane::around(&positions).ok_or(CalibrationError::TooFew)?;
        let ground: Vec<PlanePoint> = positions.iter().map(|&p| plane.to_plane(p)).collect();
        for i in 0..points.len() {
            for j in i + 1..points.len() {
                let pixels = (points[i].x - points[j].x).hypot(points[i].y - points[j].y);
                let km = (ground[i].x - ground[j].x).hypot(ground[i].y - ground[j].y);
                if pixels < SAME_PIXEL || km < SAME_PLACE_KM {
                    return Err(CalibrationError::Coincide(i + 1, j + 1));
                }
            }
        }
        let fit = if points.len() == 2 { similarity(points, &ground) } else { affine(points, &ground)? };
        let misfit_km = points
            .iter()
            .zip(&ground)
            .map(|(p, g)| {
                let at = fit.apply(p.x, p.y);
                (at.x - g.x).hypot(at.y - g.y)
            })
            .fold(0.0, f64::max);
        Ok(Calibration { plane, fit, misfit_km })
    }

    /// Where a spot of the image is.
    pub fn to_lat_lon(&self, x: f64, y: f64) -> LatLon {
        self.plane.to_lat_lon(self.fit.apply(x, y))
    }

    /// Where a place is on the image (pixels).
    pub fn to_pixel(&self, position: LatLon) -> (f64, f64) {
        self.fit.invert(self.plane.to_plane(position))
    }

    /// km per pixel (the mean scale: √|det|).
    pub fn km_per_pixel(&self) -> f64 {
        self.fit.det().abs().sqrt()
    }
}

/// Two points: the similarity taking pixel (x, −y) to the plane, as complex numbers
/// `z = a·w + b` (the image's y runs down, the plane's north up).
fn similarity(points: &[ReferencePoint], ground: &[PlanePoint]) -> Affine {
    let (w1, w2) = ((points[0].x, -points[0].y), (points[1].x, -points[1].y));
    let (z1, z2) = ((ground[0].x, ground[0].y), (ground[1].x, ground[1].y));
    let (dw, dz) = ((w2.0 - w1.0, w2.1 - w1.1), (z2.0 - z1.0, z2.1 - z1.1));
    let n = dw.0 * dw.0 + dw.1 * dw.1;
    // a = dz / dw
    let (ar, ai) = ((dz.0 * dw.0 + dz.1 * dw.1) / n, (dz.1 * dw.0 - dz.0 * dw.1) / n);
    let (br, bi) = (z1.0 - (ar * w1.0 - ai * w1.1), z1.1 - (ar * w1.1 + ai * w1.0));
    // (x, y) ↦ a·(x − iy) + b
    Affine { m: [[ar, ai], [ai, -ar]], t: [br, bi] }
}

/// Three or more: the least-squares affine map, refused when the points lie on one line.
fn affine(points: &[ReferencePoint], ground: &[PlanePoint]) -> Result<Affine, CalibrationError> {
    let pixels: Vec<(f64, f64)> = points.iter().map(|p| (p.x, p.y)).collect();
    let places: Vec<(f64, f64)> = ground.iter().map(|g| (g.x, g.y)).collect();
    if on_one_line(&pixels) || on_one_line(&places) {
        return Err(CalibrationError::OnOneLine);
    }
    let mut a = [[0.0; 3]; 3];
    let (mut bx, mut by) = ([0.0; 3], [0.0; 3]);
    for (p, g) in points.iter().zip(ground) {
        let row = [p.x, p.y, 1.0];
        for i in 0..3 {
            for j in 0..3 {
                a[i][j] += row[i] * row[j];
            }
            bx[i] += row[i] * g.x;
            by[i] += row[i] * g.y;
        }
    }
    let sx = solve3(a, bx).ok_or(CalibrationError::OnOneLine)?;
    let sy = solve3(a, by).ok_or(CalibrationError::OnOneLine)?;
    Ok(Affine { m: [[sx[0], sx[1]], [sy[0], sy[1]]], t: [sx[2], sy[2]] })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rp(x: f64, y: f64, lat: f64, lon: f64) -> ReferencePoint {
        ReferencePoint { x, y, position: LatLon { lat, lon } }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Two points 1000 px apart along the top edge, 0.1° of longitude apart at 35° N:
    /// 0.1 × 111.19508 × cos 35° = 9.108568 km, so 0.009108568 km a pixel; 1000 px down is
    /// 9.108568 km south = 9.108568 / 111.19508 = 0.0819152° of latitude.
    #[test]
    fn two_points_fix_scale_rotation_and_shift() {
        let c = Calibration::fit(&[rp(0.0, 0.0, 35.0, 139.0), rp(1000.0, 0.0, 35.0, 139.1)]).expect("fits");
        assert!((c.km_per_pixel() - 0.009_108_568).abs() < 1e-9, "{}", c.km_per_pixel());
        assert!(c.misfit_km < 1e-9);
        let mid = c.to_lat_lon(500.0, 0.0);
        assert!(close(mid.lat, 35.0) && close(mid.lon, 139.05), "{mid:?}");
        let below = c.to_lat_lon(0.0, 1000.0);
        assert!((below.lat - (35.0 - 0.081_915_2)).abs() < 1e-7 && close(below.lon, 139.0), "{below:?}");
        let (x, y) = c.to_pixel(LatLon { lat: 34.95, lon: 139.02 });
        let back = c.to_lat_lon(x, y);
        assert!(close(back.lat, 34.95) && close(back.lon, 139.02));
    }

    #[test]
    fn a_rotated_image_is_placed_by_two_points() {
        // North points to the image's right: going right is north, going down is east.
        let c = Calibration::fit(&[rp(0.0, 0.0, 35.0, 139.0), rp(1000.0, 0.0, 35.1, 139.0)]).expect("fits");
        let p = c.to_lat_lon(0.0, 1000.0);
        assert!(p.lon > 139.0 && (p.lat - 35.0).abs() < 1e-3, "down is east: {p:?}");
    }

    /// A scan stretched vertically: 1000 px = 0.1° of longitude across, 800 px = 0.1° of
    /// latitude down. The affine fit puts the fourth corner exactly.
    #[test]
    fn three_points_fit_a_stretched_scan() {
        let c =
            Calibration::fit(&[rp(0.0, 0.0, 35.1, 139.0), rp(1000.0, 0.0, 35.1, 139.1), rp(0.0, 800.0, 35.0, 139.0)])
                .expect("fits");
        assert!(c.misfit_km < 1e-9);
        let corner = c.to_lat_lon(1000.0, 800.0);
        assert!((corner.lat - 35.0).abs() < 1e-9 && (corner.lon - 139.1).abs() < 1e-9, "{corner:?}");
        // A fourth point 0.005° off shows as misfit (0.005° of latitude = 0.556 km, shared
        // out by least squares, so the largest misfit is under it but well above zero).
        let c = Calibration::fit(&[
            rp(0.0, 0.0, 35.1, 139.0),
            rp(1000.0, 0.0, 35.1, 139.1),
            rp(0.0, 800.0, 35.0, 139.0),
            rp(1000.0, 800.0, 35.005, 139.1),
        ])
        .expect("fits");
        assert!(c.misfit_km > 0.05 && c.misfit_km < 0.556, "{}", c.misfit_km);
    }

    #[test]
    fn degenerate_points_are_refused_with_the_reason() {
        assert_eq!(Calibration::fit(&[rp(0.0, 0.0, 35.0, 139.0)]), Err(CalibrationError::TooFew));
        let same_spot = Calibration::fit(&[rp(10.0, 10.0, 35.0, 139.0), rp(10.4, 10.0, 35.1, 139.1)]);
        assert_eq!(same_spot, Err(CalibrationError::Coincide(1, 2)));
        let same_place =
            Calibration::fit(&[rp(0.0, 0.0, 35.0, 139.0), rp(500.0, 0.0, 35.1, 139.1), rp(900.0, 10.0, 35.0, 139.0)]);
        assert_eq!(same_place, Err(CalibrationError::Coincide(1, 3)));
        let line = Calibration::fit(&[
            rp(0.0, 0.0, 35.0, 139.0),
            rp(500.0, 500.0, 35.05, 139.1),
            rp(1000.0, 1000.0, 35.1, 139.2),
        ]);
        assert_eq!(line, Err(CalibrationError::OnOneLine));
        let ground_line =
            Calibration::fit(&[rp(0.0, 0.0, 35.0, 139.0), rp(500.0, 0.0, 35.05, 139.05), rp(0.0, 500.0, 35.1, 139.1)]);
        assert_eq!(ground_line, Err(CalibrationError::OnOneLine));
        assert_eq!(
            Calibration::fit(&[rp(f64::NAN, 0.0, 35.0, 139.0), rp(1.0, 1.0, 35.1, 139.1)]),
            Err(CalibrationError::NotANumber(1))
        );
        assert!(CalibrationError::OnOneLine.to_string().contains("一直線"));
        assert!(CalibrationError::Coincide(1, 3).to_string().starts_with("基準点 1 と 3"));
    }
}
