//! IndexedDB store (written next).
