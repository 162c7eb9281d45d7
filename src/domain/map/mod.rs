//! 管内マップ (issue 14): the computations behind the map of patients and facilities, in plain
//! Rust so that each has a native test with hand-computed values.
//!
//! * [`analysis`]: distances, far patients, unused facilities and counts per 市町村, as evidence for 様式4.
//! * [`geo`]: latitude/longitude as the nurse types them, the straight-line distance
//!   (haversine) and the local plane the map is drawn on.
//! * [`calibration`]: an image base map tied to the ground by two or more reference points.
//! * [`geojson`]: a boundary file (国土数値情報 行政区域) read into one outline per 市区町村.
//! * [`outline`]: the chosen 市区町村 on one plane, thinned, with a spot for each name.
//! * [`simplify`]: outlines of 市町村 thinned to what the screen and paper can show.
//! * [`svg`]: the plane drawn north up, outlines as path data, the map as an SVG file.
//! * [`facilities`]: the 施設 the data names (様式1's institutions, 様式3's stations), matched
//!   by a normalised name, and who uses each.
//! * [`records`]: the records kept — 施設, the sheet (reference points, patients' marks), the 下図.
//! * [`registry`]: confirmed 施設 beside the proposals; merge and split.
//! * [`image`]: an image file checked by its bytes before it becomes a 下図.
//! * [`projection`]: the sheet (plain, image, outlines) and where a position stands on it.
//! * [`model`]: the marks as drawn, the lines of a patient, and what the map tells.
//! * [`list`]: the 管内の施設 page's rows, totals, counts per 市町村 and evidence.

pub mod analysis;
pub mod areas;
pub mod boundary;
pub mod calibration;
pub mod facilities;
pub mod geo;
pub mod geojson;
pub mod image;
pub mod list;
pub mod model;
pub mod outline;
pub mod projection;
pub mod records;
pub mod registry;
pub mod shapes;
pub mod simplify;
pub mod svg;
