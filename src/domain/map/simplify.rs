//! 境界の簡略化: 市町村 outlines from a prefecture's boundary file hold far more points than a
//! screen or A4 paper can show. Douglas–Peucker keeps every point that lies farther than the
//! tolerance from the line through the points kept around it, so the simplified outline
//! stays within the tolerance of the original everywhere.

use super::geo::PlanePoint;

/// Distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: PlanePoint, a: PlanePoint, b: PlanePoint) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let length2 = dx * dx + dy * dy;
    if length2 == 0.0 {
        return (p.x - a.x).hypot(p.y - a.y);
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / length2).clamp(0.0, 1.0);
    (p.x - (a.x + t * dx)).hypot(p.y - (a.y + t * dy))
}

/// A line simplified: its first and last points and every point needed to stay within
/// `tolerance` (same unit as the points). Iterative, so a long outline cannot overflow the
/// stack.
pub fn simplify_line(points: &[PlanePoint], tolerance: f64) -> Vec<PlanePoint> {
    if points.len() <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0, points.len() - 1)];
    while let Some((first, last)) = stack.pop() {
        let farthest = (first + 1..last)
            .map(|i| (i, distance_to_segment(points[i], points[first], points[last])))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, d)) = farthest {
            if d > tolerance {
                keep[i] = true;
                stack.push((first, i));
                stack.push((i, last));
            }
        }
    }
    points.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

/// A closed ring (first point repeated last, as GeoJSON writes it) simplified: split at the
/// point farthest from the start so both halves are simplified as lines; at least a triangle
/// is kept so the area still shows.
pub fn simplify_ring(ring: &[PlanePoint], tolerance: f64) -> Vec<PlanePoint> {
    if ring.len() <= 4 {
        return ring.to_vec();
    }
    let start = ring[0];
    let split = (1..ring.len() - 1)
        .max_by(|&i, &j| {
            let di = (ring[i].x - start.x).hypot(ring[i].y - start.y);
            let dj = (ring[j].x - start.x).hypot(ring[j].y - start.y);
            di.total_cmp(&dj)
        })
        .unwrap_or(ring.len() / 2);
    let mut out = simplify_line(&ring[..=split], tolerance);
    let second = simplify_line(&ring[split..], tolerance);
    out.extend(second.into_iter().skip(1));
    if out.len() < 4 {
        // A triangle and the closing point: the start, the farthest point and the point of the
        // ring farthest from the line between them.
        let third = (1..ring.len() - 1)
            .filter(|&i| i != split)
            .max_by(|&i, &j| {
                distance_to_segment(ring[i], start, ring[split]).total_cmp(&distance_to_segment(
                    ring[j],
                    start,
                    ring[split],
                ))
            })
            .unwrap_or(1);
        let (a, b) = if third < split { (third, split) } else { (split, third) };
        return vec![start, ring[a], ring[b], start];
    }
    out
}

/// The largest distance from a point of `original` to the simplified polyline (to check the
/// tolerance holds).
pub fn deviation(original: &[PlanePoint], simplified: &[PlanePoint]) -> f64 {
    original
        .iter()
        .map(|&p| simplified.windows(2).map(|w| distance_to_segment(p, w[0], w[1])).fold(f64::INFINITY, f64::min))
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(xy: &[(f64, f64)]) -> Vec<PlanePoint> {
        xy.iter().map(|&(x, y)| PlanePoint { x, y }).collect()
    }

    #[test]
    fn points_within_the_tolerance_go_and_farther_ones_stay() {
        // Flat ground with a 0.3 zigzag and one spike to (5, 3). By hand: the spike is 3 off
        // (0,0)–(10,0) and is kept; (4,0) is |3·4 − 5·0| / √34 = 2.06 off (0,0)–(5,3) and is
        // kept, as (6,0) is off (5,3)–(10,0); the zigzag is 0.3 off the flat lines and goes.
        let line = pts(&[
            (0.0, 0.0),
            (1.0, 0.3),
            (2.0, -0.3),
            (3.0, 0.3),
            (4.0, 0.0),
            (5.0, 3.0),
            (6.0, 0.0),
            (7.0, -0.3),
            (8.0, 0.3),
            (9.0, -0.3),
            (10.0, 0.0),
        ]);
        let s = simplify_line(&line, 0.5);
        assert_eq!(s, pts(&[(0.0, 0.0), (4.0, 0.0), (5.0, 3.0), (6.0, 0.0), (10.0, 0.0)]));
        assert!((deviation(&line, &s) - 0.3).abs() < 1e-12);
        // Below 0.3 every point is needed.
        assert_eq!(simplify_line(&line, 0.1), line);
    }

    #[test]
    fn distances_to_a_segment_by_hand() {
        let (a, b) = (PlanePoint { x: 0.0, y: 0.0 }, PlanePoint { x: 4.0, y: 0.0 });
        assert_eq!(distance_to_segment(PlanePoint { x: 2.0, y: 3.0 }, a, b), 3.0);
        // Beyond the end: to the end point, √(3² + 4²) = 5.
        assert_eq!(distance_to_segment(PlanePoint { x: 7.0, y: 4.0 }, a, b), 5.0);
        assert_eq!(distance_to_segment(PlanePoint { x: 3.0, y: 4.0 }, a, a), 5.0);
    }

    #[test]
    fn a_ring_stays_closed_within_the_tolerance_and_keeps_an_area() {
        // A 1000-point circle of radius 10 (a 市 outline, km): at 0.05 km it keeps about 100
        // points; every original point stays within 0.05 of the outline.
        let n = 1000;
        let mut ring: Vec<PlanePoint> = (0..n)
            .map(|i| {
                let t = i as f64 / n as f64 * std::f64::consts::TAU;
                PlanePoint { x: 10.0 * t.cos(), y: 10.0 * t.sin() }
            })
            .collect();
        ring.push(ring[0]);
        let s = simplify_ring(&ring, 0.05);
        assert_eq!(s.first(), s.last(), "closed");
        assert!(s.len() < 120 && s.len() > 30, "{}", s.len());
        assert!(deviation(&ring, &s) <= 0.05 + 1e-12);
        // A huge tolerance still leaves a triangle.
        let t = simplify_ring(&ring, 100.0);
        assert_eq!(t.len(), 4);
        assert_eq!(t.first(), t.last());
    }
}
