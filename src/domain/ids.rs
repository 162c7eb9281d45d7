//! 識別子: stable IDs for records and devices.
//!
//! IDs are made by the browser (`crypto.randomUUID()`), so that records made on different
//! devices never collide and a record keeps its ID through export, import and merge.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Largest accepted length of an ID (longer ones in a file are refused).
pub const MAX_ID_LEN: usize = 64;

/// Why an ID was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdError {
    Empty,
    TooLong,
    BadCharacter(char),
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Empty => write!(f, "IDが空です"),
            IdError::TooLong => write!(f, "IDが長すぎます（{MAX_ID_LEN}文字まで）"),
            IdError::BadCharacter(c) => write!(f, "IDに使えない文字「{c}」があります"),
        }
    }
}

fn check_id(text: &str) -> Result<(), IdError> {
    if text.is_empty() {
        return Err(IdError::Empty);
    }
    if text.len() > MAX_ID_LEN {
        return Err(IdError::TooLong);
    }
    if let Some(c) = text.chars().find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))) {
        return Err(IdError::BadCharacter(c));
    }
    Ok(())
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Checks and wraps an ID (ASCII letters, digits, `-_:.`; 1–64 characters).
            pub fn parse(text: &str) -> Result<Self, IdError> {
                check_id(text)?;
                Ok(Self(text.to_string()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// An ID from generated text (a UUID): characters an ID cannot hold are dropped
            /// and the text is cut to the maximum length; never fails.
            pub fn sanitized(text: &str) -> Self {
                let kept: String = text
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                    .take(MAX_ID_LEN)
                    .collect();
                Self(if kept.is_empty() { "x".to_string() } else { kept })
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(text: String) -> Result<Self, IdError> {
                check_id(&text)?;
                Ok(Self(text))
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// ID of a record (地域診断, 療養者, ステーション, …).
    RecordId
);
id_type!(
    /// ID of the device (browser profile) that last changed a record, for merging.
    DeviceId
);

impl RecordId {
    /// A derived ID for a record that exists once per 地域診断 (e.g. its 様式4):
    /// `<diagnosis id>:<suffix>`.
    pub fn singleton(diagnosis: &RecordId, suffix: &str) -> Result<RecordId, IdError> {
        RecordId::parse(&format!("{}:{suffix}", diagnosis.0))
    }
}

/// The ID helpers of the native tests (one copy for every test module): an ID from a
/// literal that must be valid.
#[cfg(test)]
pub mod test_ids {
    use super::{DeviceId, RecordId};

    /// A record ID from a test literal.
    pub fn rid(s: &str) -> RecordId {
        RecordId::parse(s).unwrap_or_else(|e| panic!("test record id {s}: {e}"))
    }

    /// A device ID from a test literal.
    pub fn dev(s: &str) -> DeviceId {
        DeviceId::parse(s).unwrap_or_else(|e| panic!("test device id {s}: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(RecordId::parse("0b8f3c1e-4a8d-4a8e-9a53-2f1c7f1f0a11").is_ok());
        assert_eq!(RecordId::parse(""), Err(IdError::Empty));
        assert_eq!(RecordId::parse("<script>"), Err(IdError::BadCharacter('<')));
        assert_eq!(RecordId::parse(&"a".repeat(65)), Err(IdError::TooLong));
        assert!(serde_json::from_str::<RecordId>("\"a b\"").is_err());
    }

    #[test]
    fn sanitized_ids_are_always_valid() {
        assert_eq!(RecordId::sanitized("0b8f3c1e-4a8d").as_str(), "0b8f3c1e-4a8d");
        assert_eq!(RecordId::sanitized("").as_str(), "x");
        assert_eq!(RecordId::sanitized("a b<c>").as_str(), "abc");
        assert_eq!(RecordId::sanitized(&"z".repeat(100)).as_str().len(), MAX_ID_LEN);
    }

    #[test]
    fn singleton_ids_derive_from_the_diagnosis() {
        let d = RecordId::parse("abc").expect("valid");
        assert_eq!(RecordId::singleton(&d, "evaluation").map(|i| i.to_string()), Ok("abc:evaluation".to_string()));
    }
}
