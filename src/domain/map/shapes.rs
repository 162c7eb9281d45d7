//! The marks' shapes as SVG path data around (0, 0), so that they are sharp at any zoom and
//! on paper and can be filled or left hollow: ★ 拠点病院 (a large star with a heavy outline),
//! ☆ 協力病院 (a smaller star), ■ かかりつけ医, △ 訪問看護ステーション, ◇ 訪問看護を行う
//! 医療機関, ○ その他, and ◎ for a patient. The seed fills the marks of the facilities a
//! patient uses (「塗りつぶす」); ★ and ☆ being both stars, they differ by size and outline.

use super::facilities::FacilityKind;
use std::fmt::Write;

/// Half the size of a mark (drawing units at zoom 1).
pub const MARK_RADIUS: f64 = 9.0;

fn polygon(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        let _ = write!(d, "{}{:.2} {:.2}", if i == 0 { "M" } else { " L" }, x, y);
    }
    d.push_str(" Z");
    d
}

fn star(r: f64) -> String {
    let points: Vec<(f64, f64)> = (0..10)
        .map(|i| {
            let radius = if i % 2 == 0 { r } else { r * 0.45 };
            let angle = std::f64::consts::PI * (i as f64) / 5.0 - std::f64::consts::FRAC_PI_2;
            (radius * angle.cos(), radius * angle.sin())
        })
        .collect();
    polygon(&points)
}

fn circle(r: f64) -> String {
    format!("M{:.2} 0 A{r:.2} {r:.2} 0 1 0 {:.2} 0 A{r:.2} {r:.2} 0 1 0 {:.2} 0 Z", -r, r, -r)
}

/// The path of a facility's mark (`None`: a patient's ◎, outer ring and inner disc).
pub fn path(kind: Option<FacilityKind>, r: f64) -> String {
    match kind {
        Some(FacilityKind::BaseHospital) => star(r * 1.35),
        Some(FacilityKind::CooperatingHospital) => star(r * 1.05),
        Some(FacilityKind::FamilyDoctor) => {
            polygon(&[(-r * 0.75, -r * 0.75), (r * 0.75, -r * 0.75), (r * 0.75, r * 0.75), (-r * 0.75, r * 0.75)])
        }
        Some(FacilityKind::Station) => polygon(&[(0.0, -r), (r * 0.95, r * 0.7), (-r * 0.95, r * 0.7)]),
        Some(FacilityKind::NursingInstitution) => polygon(&[(0.0, -r), (r * 0.85, 0.0), (0.0, r), (-r * 0.85, 0.0)]),
        Some(FacilityKind::Other) => circle(r * 0.75),
        None => circle(r),
    }
}

/// The inner disc of ◎.
pub fn patient_core(r: f64) -> String {
    circle(r * 0.45)
}

/// Outline width: ★ heavier than the rest.
pub fn stroke_width(kind: Option<FacilityKind>) -> f64 {
    match kind {
        Some(FacilityKind::BaseHospital) => 2.6,
        None => 2.2,
        _ => 1.6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_star_has_ten_corners_at_the_outer_and_inner_radius() {
        let d = star(10.0);
        assert_eq!(d.matches('L').count(), 9);
        assert!(d.starts_with("M0.00 -10.00"), "the top point first: {d}");
        // The second corner: 4.5 at 36° − 90° = −54°: (2.645, −3.641).
        assert!(d.contains("L2.65 -3.64"), "{d}");
    }

    #[test]
    fn every_kind_has_its_own_shape() {
        let mut shapes: Vec<String> = FacilityKind::ALL.iter().map(|k| path(Some(*k), MARK_RADIUS)).collect();
        shapes.push(path(None, MARK_RADIUS));
        let n = shapes.len();
        shapes.sort();
        shapes.dedup();
        assert_eq!(shapes.len(), n);
    }
}
