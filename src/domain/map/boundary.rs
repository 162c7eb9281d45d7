//! 境界ファイルから下図へ: what the I/O worker does with a boundary file (国土数値情報 行政区域,
//! a whole prefecture, tens of MB) so the page never holds it — its size checked before it is
//! read, its text decoded, its 市区町村 listed for the nurse to choose from, and the chosen
//! ones thinned into the 下図 record ([`BaseMap::Outlines`]). Every refusal is a Japanese
//! message that starts with the file's name.

use super::geo::{LatLon, Plane, PlanePoint};
use super::geojson::{read_areas, Area, GeoJsonError, MAX_BYTES};
use super::outline::outlines;
use super::records::{AreaOutline, BaseMap};
use serde::{Deserialize, Serialize};

/// 簡略化の許容差 (km): every point of the file stays within 20 m of the kept outline. A
/// 保健所's 管内 is some 40 km across; drawn 1,000 px wide, a pixel is 40 m, so 20 m is half a
/// pixel (a single 20 km 市 so drawn: one pixel); on A4 paper (180 mm for 40 km) it is 0.09 mm,
/// under the width of the line. The native benchmark thins to the same 20 m.
pub const TOLERANCE_KM: f64 = 0.02;

/// Decimal places kept of a kept point's 緯度・経度: 10⁻⁶° is 0.11 m of latitude, far below the
/// tolerance.
const DECIMALS: f64 = 1e6;

/// Longest file name kept in the record (characters), as for an image 下図.
const MAX_FILE_NAME: usize = 200;

/// One 市区町村 of the file as the nurse chooses it: 名称, 行政区域コード, and how many points
/// its outline has in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaChoice {
    pub name: String,
    pub code: String,
    pub points: usize,
}

/// The file's 市区町村, in the file's order (the index is what the nurse's choice names).
pub fn choices(areas: &[Area]) -> Vec<AreaChoice> {
    areas.iter().map(|a| AreaChoice { name: a.name.clone(), code: a.code.clone(), points: a.points() }).collect()
}

/// The heading of a refused boundary file.
pub fn refusal_heading(file_name: &str) -> String {
    format!("「{file_name}」を境界ファイルとして読み込めません。下図は変わっていません。")
}

/// The heading when the chosen 市区町村 cannot be made into the 下図.
pub fn outlines_heading(file_name: &str) -> String {
    format!("「{file_name}」から下図を作れません。下図は変わっていません。")
}

/// Asked for outlines when no boundary file is open (never opened, closed, or the worker was
/// stopped: 取り消し, or the browser ended it).
pub const NOT_OPEN: &str = "境界ファイルが開かれていません。もう一度ファイルを選んでください。";

/// Why the file cannot be used, naming it: 「a.geojson: GeoJSON の FeatureCollection ではありません…」.
pub fn problem(file_name: &str, e: &GeoJsonError) -> String {
    format!("{file_name}: {e}")
}

/// A file of `bytes` refused before it is read when larger than [`MAX_BYTES`].
pub fn check_size(file_name: &str, bytes: usize) -> Result<(), String> {
    if bytes > MAX_BYTES {
        return Err(problem(file_name, &GeoJsonError::TooLarge { bytes }));
    }
    Ok(())
}

/// The file's text: UTF-8 (a byte-order mark dropped), else what `cp932` (the browser's
/// Shift_JIS decoder, in the worker) makes of it, else a message naming the file.
pub fn decode_text(
    file_name: &str,
    mut bytes: Vec<u8>,
    cp932: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<String, String> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => cp932(e.as_bytes()).ok_or_else(|| {
            format!("{file_name}: 文字コードが UTF-8 でも Shift_JIS でもないため読めません（GeoJSON は UTF-8 で保存してください）")
        }),
    }
}

/// The file's 市区町村, or why not (naming the file).
pub fn read(file_name: &str, text: &str) -> Result<Vec<Area>, String> {
    read_areas(text).map_err(|e| problem(file_name, &e))
}

/// The `chosen` 市区町村 (indices into `areas`, repeats ignored) thinned to `tolerance_km`, as
/// the 下図 record. See [`keep_outlines_with`].
pub fn keep_outlines(file_name: &str, areas: &[Area], chosen: &[usize], tolerance_km: f64) -> Result<BaseMap, String> {
    keep_outlines_with(file_name, areas, chosen, tolerance_km, |_, _| {})
}

/// [`keep_outlines`], calling `progress(done, total)` before each 市区町村. Each is thinned on
/// its own plane (centred on it, so the tolerance holds in km wherever it lies), and its kept
/// points are written back as `[緯度, 経度]` rounded to 6 decimals. `Err` (naming the file)
/// when nothing is chosen, a choice is not in the file, or a 市区町村 has no outline.
pub fn keep_outlines_with(
    file_name: &str,
    areas: &[Area],
    chosen: &[usize],
    tolerance_km: f64,
    mut progress: impl FnMut(usize, usize),
) -> Result<BaseMap, String> {
    let mut picked: Vec<usize> = Vec::with_capacity(chosen.len());
    for &i in chosen {
        if i >= areas.len() {
            return Err(format!(
                "{file_name}: 選んだ市区町村（{} 番目）がファイルにありません（{} 件）。ファイルを選び直してください",
                i + 1,
                areas.len()
            ));
        }
        if !picked.contains(&i) {
            picked.push(i);
        }
    }
    if picked.is_empty() {
        return Err(format!("{file_name}: 下図にする市区町村を一つ以上選んでください"));
    }
    let mut kept = Vec::with_capacity(picked.len());
    for (done, &i) in picked.iter().enumerate() {
        progress(done, picked.len());
        let area = &areas[i];
        let no_outline = || format!("{file_name}: 「{}」に境界の座標がありません", area.name);
        let map = outlines(areas, &[i], tolerance_km).ok_or_else(no_outline)?;
        let rings: Vec<Vec<[f64; 2]>> = map
            .outlines
            .iter()
            .flat_map(|o| &o.rings)
            .filter(|r| r.len() >= 3)
            .map(|r| r.iter().map(|&p| rounded(&map.plane, p)).collect())
            .collect();
        if rings.is_empty() {
            return Err(no_outline());
        }
        kept.push(AreaOutline { name: area.name.clone(), rings });
    }
    progress(picked.len(), picked.len());
    let base = BaseMap::Outlines { file_name: file_name.chars().take(MAX_FILE_NAME).collect(), areas: kept };
    match base.problems().into_iter().next() {
        Some((_, message)) => Err(format!("{file_name}: {message}")),
        None => Ok(base),
    }
}

/// A point of `plane` as `[緯度, 経度]` rounded to 6 decimals.
fn rounded(plane: &Plane, p: PlanePoint) -> [f64; 2] {
    let LatLon { lat, lon } = plane.to_lat_lon(p);
    [(lat * DECIMALS).round() / DECIMALS, (lon * DECIMALS).round() / DECIMALS]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::map::simplify::deviation;

    /// A square of `side`° from (lat, lon), `n` points a side, closed (as in outline's tests).
    fn square(lat: f64, lon: f64, side: f64, n: usize) -> Vec<LatLon> {
        let step = |i: usize| side * i as f64 / n as f64;
        let mut ring: Vec<LatLon> = (0..n).map(|i| LatLon { lat, lon: lon + step(i) }).collect();
        ring.extend((0..n).map(|i| LatLon { lat: lat + step(i), lon: lon + side }));
        ring.extend((0..n).map(|i| LatLon { lat: lat + side, lon: lon + side - step(i) }));
        ring.extend((0..n).map(|i| LatLon { lat: lat + side - step(i), lon }));
        ring.push(ring[0]);
        ring
    }

    /// A wavy ring of `n` points around (lat, lon): radius 0.04° ± 0.004° in 37 waves, as the
    /// native benchmark's towns.
    fn wavy(lat: f64, lon: f64, n: usize) -> Vec<LatLon> {
        let mut ring: Vec<LatLon> = (0..n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                let r = 0.04 + 0.004 * (a * 37.0).sin();
                LatLon { lat: lat + r * a.sin(), lon: lon + r * a.cos() }
            })
            .collect();
        ring.push(ring[0]);
        ring
    }

    fn area(name: &str, code: &str, ring: Vec<LatLon>) -> Area {
        Area { name: name.into(), code: code.into(), polygons: vec![vec![ring]] }
    }

    fn towns() -> Vec<Area> {
        vec![area("東町", "13001", square(35.0, 139.0, 0.1, 100)), area("西町", "13002", wavy(35.5, 139.5, 2000))]
    }

    #[test]
    fn the_choices_are_the_files_towns_in_its_order() {
        // 4 sides × 100 points and the closing one; 2,000 and the closing one.
        assert_eq!(
            choices(&towns()),
            vec![
                AreaChoice { name: "東町".into(), code: "13001".into(), points: 401 },
                AreaChoice { name: "西町".into(), code: "13002".into(), points: 2001 },
            ]
        );
    }

    #[test]
    fn a_square_keeps_its_four_corners_in_lat_lon() {
        // Its sides are straight, so only the corners stay (the start, the corner farthest from
        // it where the ring is split, and one corner of each half), written back to 6 decimals.
        let base = keep_outlines("東京都.geojson", &towns(), &[0], TOLERANCE_KM).unwrap();
        let BaseMap::Outlines { file_name, areas } = &base else { panic!("{base:?}") };
        assert_eq!(file_name, "東京都.geojson");
        assert_eq!(areas.len(), 1);
        assert_eq!(areas[0].name, "東町");
        assert_eq!(
            areas[0].rings,
            vec![vec![[35.0, 139.0], [35.0, 139.1], [35.1, 139.1], [35.1, 139.0], [35.0, 139.0]]]
        );
        assert!(base.problems().is_empty());
    }

    #[test]
    fn a_wavy_town_is_thinned_within_the_tolerance() {
        let all = towns();
        let base = keep_outlines("東京都.geojson", &all, &[1], TOLERANCE_KM).unwrap();
        assert!(base.problems().is_empty(), "{:?}", base.problems());
        let BaseMap::Outlines { areas, .. } = &base else { panic!("{base:?}") };
        let kept = &areas[0].rings[0];
        // Measured on the town's own plane: every point of the file within 20 m of what is
        // kept, give or take the rounding to 10⁻⁶° (0.11 m = 0.00011 km).
        let plane = outlines(&all, &[1], TOLERANCE_KM).unwrap().plane;
        let original: Vec<PlanePoint> = all[1].polygons[0][0].iter().map(|&p| plane.to_plane(p)).collect();
        let back: Vec<PlanePoint> = kept.iter().map(|&[lat, lon]| plane.to_plane(LatLon { lat, lon })).collect();
        let d = deviation(&original, &back);
        assert!(d <= TOLERANCE_KM + 0.000_2, "{d} km");
        // Waves of 0.004° (0.44 km) stay, so it keeps far more than a polygon's corners, yet
        // fewer than the file's 2,001 points; and it is closed.
        assert!(kept.len() > 200 && kept.len() < 2001, "{}", kept.len());
        assert_eq!(kept.first(), kept.last());
        // Every coordinate has at most 6 decimals.
        assert!(kept.iter().flatten().all(|x| ((x * 1e6).round() / 1e6 - x).abs() < 1e-12));
    }

    #[test]
    fn progress_is_told_per_town_and_repeats_are_ignored() {
        let mut told = Vec::new();
        let base =
            keep_outlines_with("a.geojson", &towns(), &[1, 0, 1], TOLERANCE_KM, |d, t| told.push((d, t))).unwrap();
        assert_eq!(told, vec![(0, 2), (1, 2), (2, 2)]);
        let BaseMap::Outlines { areas, .. } = base else { panic!() };
        let names: Vec<&str> = areas.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, vec!["西町", "東町"]);
    }

    #[test]
    fn nothing_chosen_or_a_choice_not_in_the_file_is_refused_naming_the_file() {
        assert_eq!(
            keep_outlines("a.geojson", &towns(), &[], TOLERANCE_KM),
            Err("a.geojson: 下図にする市区町村を一つ以上選んでください".to_string())
        );
        assert_eq!(
            keep_outlines("a.geojson", &towns(), &[0, 2], TOLERANCE_KM),
            Err("a.geojson: 選んだ市区町村（3 番目）がファイルにありません（2 件）。ファイルを選び直してください"
                .to_string())
        );
        let empty = vec![Area { name: "空町".into(), code: String::new(), polygons: vec![vec![vec![]]] }];
        assert_eq!(
            keep_outlines("a.geojson", &empty, &[0], TOLERANCE_KM),
            Err("a.geojson: 「空町」に境界の座標がありません".to_string())
        );
    }

    #[test]
    fn a_bad_file_is_refused_with_its_name_first() {
        assert_eq!(
            read("県.geojson", r#"{"type":"Feature"}"#),
            Err("県.geojson: GeoJSON の FeatureCollection ではありません（\"type\": \"FeatureCollection\" と features が必要です）"
                .to_string())
        );
        let point = r#"{"type":"FeatureCollection","features":[{"geometry":{"type":"Point","coordinates":[139,35]}}]}"#;
        assert!(read("県.geojson", point).unwrap_err().starts_with("県.geojson: 1 番目の地物: 形が「Point」です"));
        // 150 MiB is refused before reading; 100 MiB is still read.
        assert_eq!(
            check_size("県.geojson", 150 * 1_048_576),
            Err("県.geojson: ファイルが大きすぎます（150 MB）。100 MB までの境界ファイルを選んでください".to_string())
        );
        assert_eq!(check_size("県.geojson", MAX_BYTES), Ok(()));
        assert!(refusal_heading("県.geojson").starts_with("「県.geojson」を"));
        assert!(outlines_heading("県.geojson").starts_with("「県.geojson」から"));
    }

    #[test]
    fn text_is_utf8_without_its_mark_else_what_the_shift_jis_decoder_reads() {
        let no_cp932 = |_: &[u8]| None;
        assert_eq!(decode_text("a", "\u{feff}{\"a\":1}".as_bytes().to_vec(), no_cp932), Ok("{\"a\":1}".to_string()));
        assert_eq!(decode_text("a", "八王子市".as_bytes().to_vec(), no_cp932), Ok("八王子市".to_string()));
        // 「市」 in Shift_JIS is 0x8E 0x73: not UTF-8, handed to the decoder.
        let sjis = vec![0x8E, 0x73];
        assert_eq!(decode_text("a", sjis.clone(), |b| (b == [0x8E, 0x73]).then(|| "市".to_string())), Ok("市".into()));
        let e = decode_text("県.geojson", sjis, no_cp932).unwrap_err();
        assert!(e.starts_with("県.geojson: 文字コードが UTF-8 でも Shift_JIS でもない"), "{e}");
    }
}
