//! 地図の描画データ: the plane (km, north up) to the drawing (SVG units, y down), the
//! outlines as SVG path data, and the whole map as a stand-alone SVG file for reports. The
//! page draws the same paths; the file is text made here, every name escaped, with no script.

use super::facilities::FacilityKind;
use super::geo::PlanePoint;
use super::outline::OutlineMap;
use std::fmt::Write;

/// The drawing's frame: `width` units across for the map's extent plus a margin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub min: PlanePoint,
    pub max: PlanePoint,
    /// Drawing units per km.
    pub scale: f64,
    pub margin: f64,
}

impl Viewport {
    /// A frame `width` units wide around `bounds` (the height follows the map's shape).
    pub fn fit(bounds: (PlanePoint, PlanePoint), width: f64, margin: f64) -> Viewport {
        let span = (bounds.1.x - bounds.0.x).max(1e-6);
        Viewport { min: bounds.0, max: bounds.1, scale: (width - 2.0 * margin) / span, margin }
    }

    pub fn width(&self) -> f64 {
        (self.max.x - self.min.x) * self.scale + 2.0 * self.margin
    }

    pub fn height(&self) -> f64 {
        (self.max.y - self.min.y) * self.scale + 2.0 * self.margin
    }

    /// A point of the plane in drawing units (y down: north at the top).
    pub fn to_screen(&self, p: PlanePoint) -> (f64, f64) {
        (self.margin + (p.x - self.min.x) * self.scale, self.margin + (self.max.y - p.y) * self.scale)
    }
}

/// SVG path data of closed rings, one decimal (a tenth of a drawing unit is finer than print).
pub fn path_data(rings: &[Vec<PlanePoint>], view: &Viewport) -> String {
    let mut d = String::new();
    for ring in rings.iter().filter(|r| r.len() >= 3) {
        for (i, p) in ring.iter().enumerate() {
            let (x, y) = view.to_screen(*p);
            let _ = write!(d, "{}{:.1} {:.1}", if i == 0 { "M" } else { " L" }, x, y);
        }
        d.push_str(" Z ");
    }
    d.trim_end().to_string()
}

/// Text for XML: `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A mark on the map: a facility's symbol or a patient's ◎.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub at: PlanePoint,
    /// `None` for a patient (◎).
    pub kind: Option<FacilityKind>,
    /// Filled when a patient uses the facility (the seed's 「塗りつぶす」); patients always.
    pub used: bool,
    pub label: String,
}

/// The legend's lines: each kind's symbol and name, and ◎ 療養者 when patients are drawn.
pub fn legend(with_patients: bool) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> =
        FacilityKind::ALL.iter().map(|k| (k.symbol().to_string(), k.label().to_string())).collect();
    if with_patients {
        out.push(("◎".to_string(), "療養者".to_string()));
    }
    out.push(("塗り".to_string(), "療養者が利用している機関".to_string()));
    out
}

/// The map as a stand-alone SVG file: title line, outlines with names, marks, legend.
/// Patient marks are left out unless `with_patients` (the file leaves the app).
pub fn svg_document(map: &OutlineMap, marks: &[Mark], title: &str, with_patients: bool) -> String {
    let view = Viewport::fit(map.bounds, 1000.0, 40.0);
    let (w, h) = (view.width(), view.height() + 40.0 + 22.0 * legend(with_patients).len() as f64);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="sans-serif">"#
    );
    let _ = write!(s, r#"<title>{}</title><rect width="100%" height="100%" fill="white"/>"#, escape(title));
    let _ = write!(s, r#"<text x="10" y="24" font-size="18">{}</text>"#, escape(title));
    for o in &map.outlines {
        let _ =
            write!(s, r##"<path d="{}" fill="#f4f4f0" stroke="#555" stroke-width="1"/>"##, path_data(&o.rings, &view));
        let (x, y) = view.to_screen(o.label_at);
        let _ = write!(
            s,
            r##"<text x="{x:.1}" y="{y:.1}" font-size="14" text-anchor="middle" fill="#333">{}</text>"##,
            escape(&o.name)
        );
    }
    for m in marks.iter().filter(|m| with_patients || m.kind.is_some()) {
        let (x, y) = view.to_screen(m.at);
        let symbol = m.kind.map(FacilityKind::symbol).unwrap_or("◎");
        let fill = if m.used { "#000" } else { "none" };
        let _ = write!(
            s,
            r##"<g><title>{}</title><text x="{x:.1}" y="{y:.1}" font-size="18" text-anchor="middle" dominant-baseline="central" fill="{fill}" stroke="#000" stroke-width="0.6">{}</text></g>"##,
            escape(&m.label),
            escape(symbol)
        );
    }
    let top = view.height() + 30.0;
    for (i, (symbol, label)) in legend(with_patients).iter().enumerate() {
        let y = top + 22.0 * i as f64;
        let _ = write!(s, r#"<text x="20" y="{y:.0}" font-size="14">{} {}</text>"#, escape(symbol), escape(label));
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::map::geo::{LatLon, Plane};
    use crate::domain::map::outline::Outline;

    fn p(x: f64, y: f64) -> PlanePoint {
        PlanePoint { x, y }
    }

    /// A 10 km × 5 km area drawn 220 units wide with a margin of 10: 20 units a km; north up.
    #[test]
    fn the_plane_is_drawn_north_up_at_the_fitted_scale() {
        let view = Viewport::fit((p(0.0, 0.0), p(10.0, 5.0)), 220.0, 10.0);
        assert_eq!(view.scale, 20.0);
        assert_eq!((view.width(), view.height()), (220.0, 120.0));
        assert_eq!(view.to_screen(p(0.0, 5.0)), (10.0, 10.0), "the north-west corner at the top left");
        assert_eq!(view.to_screen(p(10.0, 0.0)), (210.0, 110.0));
        let d = path_data(&[vec![p(0.0, 0.0), p(10.0, 0.0), p(10.0, 5.0), p(0.0, 0.0)]], &view);
        assert_eq!(d, "M10.0 110.0 L210.0 110.0 L210.0 10.0 L10.0 110.0 Z");
    }

    #[test]
    fn the_file_escapes_names_and_leaves_patients_out_unless_asked() {
        let plane = Plane { origin: LatLon { lat: 35.0, lon: 139.0 } };
        let map = OutlineMap {
            plane,
            outlines: vec![Outline {
                name: "<script>alert(1)</script>町".into(),
                rings: vec![vec![p(0.0, 0.0), p(4.0, 0.0), p(4.0, 2.0), p(0.0, 0.0)]],
                label_at: p(2.0, 1.0),
            }],
            bounds: (p(0.0, 0.0), p(4.0, 2.0)),
        };
        let marks = vec![
            Mark {
                at: p(1.0, 1.0), kind: Some(FacilityKind::Station), used: false, label: "Ｃステーション".into()
            },
            Mark { at: p(3.0, 1.0), kind: None, used: true, label: "例1 さん".into() },
        ];
        let svg = svg_document(&map, &marks, "みどり保健所管内 令和7年度 管内マップ", false);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(!svg.contains("<script") && svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;町"));
        assert!(svg.contains("Ｃステーション") && svg.contains(">△<"), "the hollow station");
        assert!(!svg.contains("例1 さん") && !svg.contains("◎"), "no patient in the file by default");
        let with = svg_document(&map, &marks, "t", true);
        assert!(with.contains("例1 さん") && with.contains("◎ 療養者"));
        assert_eq!(legend(false).len(), 7);
        assert_eq!(escape("a&b\"'\u{1}"), "a&amp;b&quot;&apos;");
    }
}
