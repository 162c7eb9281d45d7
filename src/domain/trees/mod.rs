//! 判断樹: the ALS 呼吸障害 and 球麻痺 assessment trees of seed 004 as guided questionnaires.
//!
//! - [`data`]: the trees as static tables (questions, checklists, reference values, POINT,
//!   outcome/action boxes), in the seed's wording.
//! - [`engine`]: the path through a tree, the next question, the outcome, suggested answers.
//! - [`measure`]: measured values → automatic ticks from the seed's reference ranges.
//! - [`assessment`]: the saved assessment record and what it shows; [`editing`]: every change
//!   the questionnaire makes to it; [`proposal`]: carrying its outcome over to 様式1 特定症状;
//!   [`history`]: a patient's assessments.
//! - [`diff`]: what changed since the previous assessment.
//! - [`rows`]: the rows the questionnaire, the finished assessment and its print show.

pub mod assessment;
pub mod data;
pub mod diff;
pub mod editing;
pub mod engine;
pub mod history;
pub mod measure;
pub mod proposal;
pub mod rows;
