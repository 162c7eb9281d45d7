//! 人工呼吸器を使う療養者の備え: the subsidy check for backup power (seed 003) and the
//! 在宅人工呼吸器使用患者支援事業 payment from a weekly visit plan (seed 004 別添２).

pub mod area;
pub mod form;
pub mod payment;
pub mod plan;
pub mod subsidy;
pub mod tables;
pub mod visits;
