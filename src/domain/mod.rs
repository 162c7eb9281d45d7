//! The domain: plain Rust, no browser or UI crates.
//!
//! Records and their parsing and validation, the 集計 and 様式4 formulas, the 判断樹, the
//! bundle format and its migrations. Everything here is tested natively with `cargo test`.

pub mod bundle;
pub mod csv;
pub mod diagnosis;
pub mod erase;
pub mod evaluation;
pub mod fiscal_year;
pub mod forms;
pub mod help;
pub mod history;
pub mod ids;
pub mod insurance;
pub mod io_protocol;
pub mod issues;
pub mod kana;
pub mod lock;
pub mod map;
pub mod number;
pub mod overview;
pub mod patient;
pub mod programmes;
pub mod progress;
pub mod record;
pub mod records;
pub mod results;
pub mod sample;
pub mod save;
pub mod sheet;
pub mod station;
pub mod summary;
pub mod time;
pub mod trees;
pub mod tri;
pub mod ventilator;
