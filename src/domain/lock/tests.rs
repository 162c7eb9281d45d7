use super::*;

fn key_file() -> KeyFile {
    KeyFile::new("k1", 600_000, &[7u8; 16], &[1u8; 12], &[2u8; 48], Timestamp(10))
}

#[test]
fn the_slowdown_is_free_three_times_then_doubles_from_two_seconds_up_to_five_minutes() {
    let waits: Vec<i64> = (0..13).map(Failures::wait_ms).collect();
    // By hand: 0,0,0 then 2 s × 2^(n−3): 2,4,8,16,32,64,128,256 s, then capped at 300 s.
    assert_eq!(waits, vec![0, 0, 0, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000, 300_000]);
    assert_eq!(Failures::wait_ms(u32::MAX), MAX_WAIT_MS, "no overflow");
}

#[test]
fn a_failure_counts_and_the_wait_runs_from_the_last_one() {
    let f = Failures::default().failed(Timestamp(1_000)).failed(Timestamp(2_000)).failed(Timestamp(3_000));
    assert_eq!(f, Failures { count: 3, last_at: Timestamp(3_000) });
    assert_eq!(f.next_try_at(), Timestamp(5_000));
    assert_eq!(f.remaining_ms(Timestamp(4_000)), 1_000);
    assert_eq!(f.remaining_ms(Timestamp(9_000)), 0);
    assert_eq!(f.waiting_message(Timestamp(9_000)), None);
    assert_eq!(
        f.waiting_message(Timestamp(3_500)).as_deref(),
        Some("パスワードが3回違いました。2秒後にもう一度入力できます。")
    );
}

#[test]
fn failures_survive_as_json_so_a_reload_does_not_reset_them() {
    let f = Failures { count: 5, last_at: Timestamp(42) };
    let text = serde_json::to_string(&f).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text, r#"{"count":5,"last_at":42}"#);
    assert_eq!(serde_json::from_str::<Failures>(&text).ok(), Some(f));
}

#[test]
fn a_new_passphrase_needs_eight_characters_and_the_same_twice() {
    assert_eq!(check_new_passphrase("短いパス", "短いパス"), Err(LockError::TooShort));
    assert_eq!(check_new_passphrase("abcdefgh", "abcdefgi"), Err(LockError::Mismatch));
    assert_eq!(check_new_passphrase("ほけんしのパスワード", "ほけんしのパスワード"), Ok(()));
}

#[test]
fn a_key_file_decodes_and_a_rewrap_keeps_the_key_id() {
    let k = key_file();
    let parts = k.parts().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parts, KeyParts { iterations: 600_000, salt: vec![7; 16], iv: vec![1; 12], wrapped: vec![2; 48] });
    let r = k.rewrapped(700_000, &[9u8; 16], &[3u8; 12], &[4u8; 48], Timestamp(20));
    assert_eq!(r.key_id, "k1", "changing the passphrase re-wraps the same data key");
    assert_eq!(r.iterations, 700_000, "the iterations can be raised at a change");
    assert_eq!(r.changed_at, Timestamp(20));
    assert_ne!(r.wrapped, k.wrapped);
    assert_eq!(k.wrap_additional_data(), b"nanbyo-lock-key|k1".to_vec());
}

#[test]
fn a_damaged_key_file_is_refused_naming_the_field() {
    let mut k = key_file();
    k.iterations = 1_000;
    assert_eq!(k.parts(), Err(LockError::BadKeyFile("iterations".to_string())));
    let mut k = key_file();
    k.salt = "@@".to_string();
    assert_eq!(k.parts(), Err(LockError::BadKeyFile("salt".to_string())));
    let mut k = key_file();
    k.wrapped = base64::encode(&[1u8; 10]);
    assert_eq!(k.parts(), Err(LockError::BadKeyFile("wrapped".to_string())));
    let mut k = key_file();
    k.kdf = "MD5".to_string();
    assert_eq!(k.parts(), Err(LockError::BadKeyFile("kdf".to_string())));
}

#[test]
fn the_sweep_seals_plain_rows_when_turning_on_and_opens_sealed_ones_when_turning_off() {
    let on = LockState::Sealing { key_id: "k1".to_string() };
    assert_eq!(row_step(&on, None), RowStep::Seal);
    assert_eq!(row_step(&on, Some("k1")), RowStep::Keep, "resumed: what was sealed stays");
    assert_eq!(row_step(&on, Some("k0")), RowStep::Foreign);
    let off = LockState::Opening { key_id: "k1".to_string() };
    assert_eq!(row_step(&off, Some("k1")), RowStep::Open);
    assert_eq!(row_step(&off, None), RowStep::Keep, "resumed: what was opened stays");
    let done = LockState::On { key_id: "k1".to_string() };
    assert_eq!(row_step(&done, None), RowStep::Seal, "a plain row found when on is sealed too");
}

#[test]
fn the_state_says_what_a_resumed_sweep_does_and_where_it_ends() {
    let sealing = LockState::Sealing { key_id: "k1".to_string() };
    assert!(sealing.sweeping() && sealing.writes_sealed());
    assert_eq!(sealing.after_sweep(), Some(LockState::On { key_id: "k1".to_string() }));
    let opening = LockState::Opening { key_id: "k1".to_string() };
    assert!(opening.sweeping() && !opening.writes_sealed());
    assert_eq!(opening.after_sweep(), None, "off: the key file goes too");
    let on = LockState::On { key_id: "k1".to_string() };
    assert!(!on.sweeping());
    let text = serde_json::to_string(&sealing).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text, r#"{"state":"sealing","key_id":"k1"}"#);
}

#[test]
fn the_additional_data_names_key_store_row_and_kind() {
    assert_eq!(
        additional_data("k1", "records", "p-1", Some("patient")),
        b"nanbyo-lock|k1|records|p-1|patient".to_vec()
    );
    assert_ne!(
        additional_data("k1", "records", "p-1", Some("patient")),
        additional_data("k1", "records", "p-2", Some("patient")),
        "a body moved onto another record does not decrypt"
    );
    assert_ne!(
        additional_data("k1", "records", "p-1", Some("patient")),
        additional_data("k1", "records", "p-1", Some("station")),
    );
    assert_eq!(additional_data("k1", "drafts", "patient:p-1", None), b"nanbyo-lock|k1|drafts|patient:p-1|".to_vec());
}

#[test]
fn names_and_bodies_are_not_among_the_plain_fields() {
    let plain: Vec<&str> = PLAIN_FIELDS.iter().flat_map(|(_, f)| f.iter().copied()).collect();
    for sealed in ["body", "stamps", "name", "jurisdiction", "data", "base", "changes", "by", "saved_at"] {
        assert!(!plain.contains(&sealed), "{sealed} must be sealed");
    }
    // The plain part of a record is exactly the record's metadata.
    use crate::domain::ids::{DeviceId, RecordId};
    use crate::domain::record::StoredRecord;
    let id = |s: &str| RecordId::parse(s).unwrap_or_else(|e| panic!("{e}"));
    let device = DeviceId::parse("dev").unwrap_or_else(|e| panic!("{e}"));
    let body = crate::domain::patient::Patient { name: "山田".to_string(), ..Default::default() };
    let mut record =
        StoredRecord::create(id("p1"), id("d1"), &body, Timestamp(1), &device).unwrap_or_else(|e| panic!("{e}"));
    record.meta.deleted_at = Some(Timestamp(2));
    record.meta.predecessor = Some(id("p0"));
    let meta = record.meta;
    let json = serde_json::to_value(&meta).unwrap_or_else(|e| panic!("{e}"));
    let keys: Vec<&str> = json.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    let (_, record_plain) = PLAIN_FIELDS[0];
    for k in keys {
        assert!(record_plain.contains(&k), "{k} of RecordMeta is listed as plain");
    }
}

#[test]
fn the_idle_time_is_ten_minutes_unless_a_listed_choice_is_set() {
    assert_eq!(idle_minutes(None), 10);
    assert_eq!(idle_minutes(Some(5)), 5);
    assert_eq!(idle_minutes(Some(7)), 10, "not a choice");
    assert_eq!(IDLE_CHOICES[0], DEFAULT_IDLE_MINUTES);
}
