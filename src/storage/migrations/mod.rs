//! Schema migrations (written next).
