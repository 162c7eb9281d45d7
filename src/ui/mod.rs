//! UI (written next).
pub fn start() {}
