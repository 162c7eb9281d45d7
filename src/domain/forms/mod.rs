//! 入力フォーム: 様式1 (管轄地域の概況 and one row per 療養者) and 様式3 (訪問看護ステーション).
//!
//! Each form holds the text as the nurse typed it (so a half-filled form can be kept as a
//! draft and nothing typed is ever lost) and parses it into the typed record or into
//! [`Issues`](crate::domain::issues::Issues) naming each field with its label on the paper
//! form. Errors block saving; warnings are shown and do not.
//!
//! * [`overview_form`] — 様式1 header (人口, 面積, 認定者数, 拠点病院 …).
//! * [`overview_print`] — 様式1 header on paper (the saved 地域の概況 in the form's boxes).
//! * [`patient_form`] — 様式1 one row per home-care patient, with the seed's two examples.
//! * [`seed_examples`] — the seed's 入力例 例1 and 例2 as typed.
//! * [`station_form`] — 様式3 one row per visiting-nurse station, 常勤換算 from a staff list.
//! * [`roster`] — the 様式1 list: filter, sort, privacy display, row view, trash.
//! * [`station_roster`] — the 様式3 list: search, sort, cells with 未入力, the 合計 row.
//! * [`next_year`] — copying 様式1 and 様式3 into the next 年度's 地域診断.

pub mod form_help;
pub mod input;
pub mod next_year;
pub mod overview_form;
pub mod overview_print;
pub mod patient_form;
pub mod roster;
pub mod seed_examples;
pub mod station_form;
pub mod station_roster;
