//! 書き出しの依頼: what the page asks the I/O worker to write (scope, ゴミ箱, そのまま / 暗号化 /
//! 匿名化), and every decision about it — which records, the anonymised copy, the text, the
//! file's name and the sentence said afterwards. The worker adds only what needs the
//! browser: reading the device, the read-back check in parts, WebCrypto, the export log.

use super::anonymise::{anonymise, AnonymiseOptions, AnonymiseReport};
use super::dataio::{
    csv_file_name, encrypted_file_name, export_label, free_text_review, patients_csv_of, stations_csv_of,
    FreeTextReview, KindCounts,
};
use super::{
    export_pool, export_with_history, select_for_export, suggested_file_name, ExportError, ExportOptions, ExportScope,
};
use crate::domain::history::HistoryEntry;
use crate::domain::ids::{DeviceId, RecordId};
use crate::domain::map::records::BaseMap;
use crate::domain::record::{RecordKind, StoredRecord};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// How the file is written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ExportHow {
    /// そのまま.
    Plain,
    /// パスワードで暗号化 (the password never leaves the worker's memory).
    Encrypted { password: String },
    /// 匿名化, with the options the nurse reviewed.
    Anonymised { options: AnonymiseOptions },
}

/// One export, as the page asks for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportJob {
    pub scope: ExportScope,
    /// ゴミ箱の記録も含める (never for an anonymised file).
    pub include_trash: bool,
    /// サンプルの地域診断も含める (「全ての地域診断」 leaves it out unless ticked).
    #[serde(default)]
    pub include_sample: bool,
    /// 変更履歴も含める (format v3; never in an anonymised file).
    #[serde(default)]
    pub include_history: bool,
    /// 下図の画像も含める (format v5): a 下図 that is an image (up to 15 MB) travels only when
    /// ticked; outlines are small and always travel. Unticked by default.
    #[serde(default)]
    pub include_base_map: bool,
    pub how: ExportHow,
    /// 書き出し日時 (the page's clock).
    pub exported_at: Timestamp,
    pub app_version: String,
    pub device: DeviceId,
}

/// The file's content, before the read-back check and encryption.
#[derive(Clone, Debug, PartialEq)]
pub struct Prepared {
    /// The 地域診断 written (for the export log).
    pub diagnoses: Vec<StoredRecord>,
    /// `地域診断 1件・療養者 2人…`.
    pub counts: String,
    /// The bundle's text.
    pub text: String,
    /// The file's name.
    pub file_name: String,
}

impl ExportJob {
    pub fn anonymised(&self) -> bool {
        matches!(self.how, ExportHow::Anonymised { .. })
    }

    /// Whether the file carries the 変更履歴 (chosen, and not anonymised).
    pub fn with_history(&self) -> bool {
        self.include_history && !self.anonymised()
    }

    /// Selects (and anonymises) the records of `all` and writes the bundle's text, with the
    /// entries of `history` that belong to the records written when [`ExportJob::with_history`].
    pub fn prepare(&self, all: &[StoredRecord], history: &[HistoryEntry]) -> Result<Prepared, ExportError> {
        let pool = export_pool(all, &self.scope, self.include_sample);
        let all = &*pool;
        let (diagnoses, records) = match &self.how {
            ExportHow::Anonymised { options } => {
                let (d, r) = select_for_export(all, &self.scope, false);
                let (d, r, _) = anonymise(&d, &r, options);
                (d, r)
            }
            _ => select_for_export(all, &self.scope, self.include_trash),
        };
        let records = if self.include_base_map { records } else { without_base_map_images(records) };
        let options = ExportOptions {
            exported_at: self.exported_at,
            app_version: self.app_version.clone(),
            device: self.device.clone(),
            scope: self.scope.clone(),
            anonymised: self.anonymised(),
            pretty: false,
        };
        let history = if self.with_history() { history } else { &[] };
        let text = export_with_history(&diagnoses, &records, history, &options)?;
        let label = export_label(&self.scope, all);
        let file_name = match self.how {
            ExportHow::Encrypted { .. } => encrypted_file_name(&label, self.exported_at),
            _ => suggested_file_name(&label, self.exported_at, self.anonymised()),
        };
        let counts = KindCounts::of(diagnoses.iter().chain(&records)).describe();
        Ok(Prepared { diagnoses, counts, text, file_name })
    }
}

impl Prepared {
    /// What the page says once the file is offered for download.
    pub fn done_message(&self) -> String {
        format!(
            "「{}」を書き出しました（{}）。ブラウザの「ダウンロード」に保存されます。USBメモリなど安全な場所に移して保管してください。",
            self.file_name, self.counts
        )
    }
}

/// The size of a 下図 that is an image (bytes of the file), `None` for any other record.
fn base_map_image_size(r: &StoredRecord) -> Option<usize> {
    if r.meta.kind != RecordKind::BaseMap {
        return None;
    }
    match r.body_as::<BaseMap>() {
        Ok(image @ BaseMap::Image { .. }) => Some(image.size_bytes()),
        _ => None,
    }
}

/// `records` without the 下図 that are images (「下図の画像も含める」 not ticked). Outlines stay.
pub fn without_base_map_images(mut records: Vec<StoredRecord>) -> Vec<StoredRecord> {
    records.retain(|r| base_map_image_size(r).is_none());
    records
}

/// What 「下図の画像も含める」 adds to a file of `records` (the records a scope selects, see
/// [`select_for_export`]): the bytes of its 下図 images, 0 when it has none (then the page
/// does not offer the choice).
pub fn base_map_bytes(records: &[StoredRecord]) -> usize {
    records.iter().filter_map(base_map_image_size).sum()
}

/// The label of the choice, with the size of the images (`bytes`, see [`base_map_bytes`]):
/// 「下図の画像も含める（約 2.3 MB）」, to a tenth of a MB and at least 0.1.
pub fn base_map_choice(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    let tenths = (bytes.saturating_mul(10).saturating_add(MB / 2) / MB).max(1);
    format!("下図の画像も含める（約 {}.{} MB）", tenths / 10, tenths % 10)
}

/// 匿名化の内容: what the nurse reviews before an anonymised export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnonPreview {
    /// The scope's name (地区名 and 年度).
    pub label: String,
    /// The free texts per field, with samples.
    pub texts: Vec<FreeTextReview>,
    /// What anonymising `options` does to these records.
    pub report: AnonymiseReport,
}

/// The preview of anonymising the records `scope` covers (never the ゴミ箱; the サンプル as
/// [`export_pool`] says).
pub fn anon_preview(
    all: &[StoredRecord],
    scope: &ExportScope,
    include_sample: bool,
    options: &AnonymiseOptions,
) -> AnonPreview {
    let pool = export_pool(all, scope, include_sample);
    let all = &*pool;
    let (d, r) = select_for_export(all, scope, false);
    let (_, _, report) = anonymise(&d, &r, options);
    AnonPreview { label: export_label(scope, all), texts: free_text_review(&d, &r, 50), report }
}

/// CSV出力（Excel用）: which 様式.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FormCsv {
    /// 様式1 療養者.
    Patients,
    /// 様式3 訪問看護ステーション.
    Stations,
}

/// A CSV file of one 地域診断, and what the page says after offering it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvFile {
    pub file_name: String,
    pub text: String,
    pub message: String,
}

/// The CSV of `which` from the records of one 地域診断 (`records` includes the 地域診断
/// record itself, for the file's name).
pub fn form_csv(
    records: &[StoredRecord],
    diagnosis: &RecordId,
    which: FormCsv,
    hide_names: bool,
    now: Timestamp,
) -> CsvFile {
    let label = export_label(&ExportScope::Diagnoses { ids: vec![diagnosis.clone()] }, records);
    let ((text, rows, unreadable), what) = match which {
        FormCsv::Patients => (patients_csv_of(records, hide_names), "様式1療養者"),
        FormCsv::Stations => (stations_csv_of(records), "様式3訪問看護ステーション"),
    };
    let file_name = csv_file_name(&label, what, now);
    let skipped = if unreadable > 0 {
        format!("（読み取れない記録{unreadable}件は含めていません）")
    } else {
        String::new()
    };
    let message = format!("{file_name} を書き出しました（{rows}行）{skipped}");
    CsvFile { file_name, text, message }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bundle::{check_export, ExportScope};
    use crate::domain::diagnosis::CommunityDiagnosis;
    use crate::domain::fiscal_year::FiscalYear;
    use crate::domain::ids::test_ids::{dev, rid};
    use crate::domain::patient::Patient;

    fn device() -> Vec<StoredRecord> {
        let d = CommunityDiagnosis {
            jurisdiction: "A保健所管内".into(),
            fiscal_year: FiscalYear::new(2025).expect("fy"),
        };
        let p = Patient {
            name: "山田 太郎".into(),
            id_number: "H-1".into(),
            first_symptom: "話しにくい".into(),
            ..Patient::default()
        };
        let mut trashed = StoredRecord::create(rid("p2"), rid("d1"), &p, Timestamp(3), &dev("pc")).expect("p2");
        trashed.meta.deleted_at = Some(Timestamp(4));
        vec![
            StoredRecord::create(rid("d1"), rid("d1"), &d, Timestamp(1), &dev("pc")).expect("d1"),
            StoredRecord::create(rid("p1"), rid("d1"), &p, Timestamp(2), &dev("pc")).expect("p1"),
            trashed,
        ]
    }

    fn job(how: ExportHow, include_trash: bool) -> ExportJob {
        ExportJob {
            scope: ExportScope::All,
            include_trash,
            include_sample: false,
            include_history: true,
            include_base_map: false,
            how,
            // 2026-11-22 10:00 JST
            exported_at: Timestamp(1_763_773_200_000),
            app_version: "t".into(),
            device: dev("pc"),
        }
    }

    #[test]
    fn a_plain_backup_keeps_the_trash_and_reads_back() {
        let p = job(ExportHow::Plain, true).prepare(&device(), &[]).expect("prepared");
        assert_eq!(p.counts, "地域診断 1件・療養者 2人・訪問看護ステーション 0件（うちゴミ箱 1件）");
        assert_eq!(p.file_name, "難病地域診断_全件_20251122.nanbyo.json");
        let parsed = check_export(&p.text).expect("reads back");
        assert_eq!(parsed.bundle.records.len(), 2);
        assert!(p
            .done_message()
            .starts_with("「難病地域診断_全件_20251122.nanbyo.json」を書き出しました（地域診断 1件"));
        let without = job(ExportHow::Plain, false).prepare(&device(), &[]).expect("prepared");
        assert_eq!(without.counts, "地域診断 1件・療養者 1人・訪問看護ステーション 0件");
    }

    /// Issue 17: the 変更履歴 of the records written travels in the file when chosen (and
    /// comes back from it as it was); another record's entries and an anonymised file never.
    #[test]
    fn the_history_of_the_records_written_travels_when_chosen() {
        use crate::domain::history::{entry_for, Cause, Stamp};
        let records = device();
        let stamp = Stamp { by: "佐藤".into(), cause: Cause::Input };
        let mut history: Vec<_> = records.iter().filter_map(|r| entry_for(None, r, &stamp)).collect();
        let other =
            StoredRecord::create(rid("p9"), rid("d9"), &Patient::default(), Timestamp(5), &dev("pc")).expect("p9");
        history.extend(entry_for(None, &other, &stamp));
        let kept = job(ExportHow::Plain, false).prepare(&records, &history).expect("prepared");
        let back = check_export(&kept.text).expect("reads back").bundle.history;
        assert_eq!(
            back.iter().map(|e| e.record_id.as_str()).collect::<Vec<_>>(),
            vec!["d1", "p1"],
            "p2 is in the ゴミ箱, p9 not written"
        );
        assert_eq!(back[1], history[1]);
        let unchosen = ExportJob { include_history: false, ..job(ExportHow::Plain, true) };
        assert!(!unchosen.prepare(&records, &history).expect("prepared").text.contains("\"history\""));
        let anon = job(ExportHow::Anonymised { options: AnonymiseOptions::default() }, false);
        assert!(!anon.with_history());
        assert!(!anon.prepare(&records, &history).expect("prepared").text.contains("佐藤"));
    }

    #[test]
    fn an_encrypted_file_is_named_so() {
        let p = job(ExportHow::Encrypted { password: "x".repeat(10) }, true).prepare(&device(), &[]).expect("prepared");
        assert!(p.file_name.contains("暗号化"), "{}", p.file_name);
    }

    #[test]
    fn an_anonymised_file_never_holds_the_trash_names_or_free_text() {
        let options = AnonymiseOptions { id_prefix: "abc".into(), ..AnonymiseOptions::default() };
        let p =
            job(ExportHow::Anonymised { options: options.clone() }, true).prepare(&device(), &[]).expect("prepared");
        assert!(p.file_name.contains("匿名化"), "{}", p.file_name);
        assert_eq!(p.counts, "地域診断 1件・療養者 1人・訪問看護ステーション 0件");
        assert!(!p.text.contains("山田") && !p.text.contains("話しにくい"), "{}", p.text);
        assert!(check_export(&p.text).expect("reads back").bundle.anonymised);
        let preview = anon_preview(&device(), &ExportScope::All, false, &options);
        assert_eq!(preview.label, "全件");
        assert!(preview.texts.iter().any(|t| t.total == 1 && t.samples[0].0 == "話しにくい"));
        assert!(!preview.report.removed.is_empty());
    }

    #[test]
    fn a_form_csv_is_named_after_its_diagnosis_and_counts_its_rows() {
        let records = device();
        let csv = form_csv(&records, &rid("d1"), FormCsv::Patients, true, Timestamp(1_763_773_200_000));
        assert_eq!(csv.file_name, "難病地域診断_A保健所管内_2025年度_様式1療養者_20251122.csv");
        assert_eq!(csv.message, format!("{} を書き出しました（1行）", csv.file_name));
        assert!(csv.text.starts_with('\u{feff}') && !csv.text.contains("山田"), "{}", csv.text);
        let stations = form_csv(&records, &rid("d1"), FormCsv::Stations, false, Timestamp(1_763_773_200_000));
        assert!(stations.message.ends_with("（0行）"), "{}", stations.message);
    }

    #[test]
    fn the_job_survives_the_message_to_the_worker() {
        let j = job(ExportHow::Anonymised { options: AnonymiseOptions::default() }, false);
        let text = serde_json::to_string(&j).expect("serialises");
        assert_eq!(serde_json::from_str::<ExportJob>(&text).expect("reads"), j);
    }

    /// Issue 14: a 下図 image (large) travels only when 「下図の画像も含める」 is ticked, in every
    /// way of writing; outlines always travel. The size shown is that of the scope's images.
    #[test]
    fn a_base_map_image_travels_only_when_ticked() {
        use crate::domain::map::records::AreaOutline;
        let mut png = vec![0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
        png.resize(60_000, 7);
        let image = BaseMap::Image {
            file_name: "管内図.png".into(),
            mime: "image/png".into(),
            width: 800,
            height: 600,
            data: crate::domain::bundle::base64::encode(&png),
        };
        let outlines = BaseMap::Outlines {
            file_name: "境界.geojson".into(),
            areas: vec![AreaOutline { name: "A市".into(), rings: vec![vec![[35.6, 139.4], [35.7, 139.5]]] }],
        };
        let mut d2 = device()[0].clone();
        d2.meta.id = rid("d2");
        d2.meta.diagnosis_id = rid("d2");
        let mut all = device();
        all.push(d2);
        all.push(StoredRecord::create(rid("d1:base_map"), rid("d1"), &image, Timestamp(5), &dev("pc")).expect("image"));
        all.push(
            StoredRecord::create(rid("d2:base_map"), rid("d2"), &outlines, Timestamp(5), &dev("pc")).expect("outlines"),
        );
        let (_, d1_records) = select_for_export(&all, &ExportScope::Diagnoses { ids: vec![rid("d1")] }, false);
        assert_eq!(base_map_bytes(&d1_records), 60_000, "the image's bytes");
        assert_eq!(base_map_choice(60_000), "下図の画像も含める（約 0.1 MB）");
        assert_eq!(base_map_choice(2_400_000), "下図の画像も含める（約 2.3 MB）");
        assert_eq!(base_map_choice(15 * 1024 * 1024), "下図の画像も含める（約 15.0 MB）");
        let (_, d2_records) = select_for_export(&all, &ExportScope::Diagnoses { ids: vec![rid("d2")] }, false);
        assert_eq!(base_map_bytes(&d2_records), 0, "outlines are not offered: they always travel");
        let anon = ExportHow::Anonymised { options: AnonymiseOptions::default() };
        for how in [ExportHow::Plain, ExportHow::Encrypted { password: "x".repeat(10) }, anon] {
            let unticked = job(how.clone(), false).prepare(&all, &[]).expect("prepared");
            let read = check_export(&unticked.text).expect("reads back").bundle.records;
            let kinds: Vec<_> = read.iter().filter(|r| r.meta.kind == RecordKind::BaseMap).collect();
            assert_eq!(kinds.len(), 1, "{how:?}: only the outlines");
            assert!(matches!(kinds[0].body_as::<BaseMap>(), Ok(BaseMap::Outlines { .. })));
            let ticked = ExportJob { include_base_map: true, ..job(how.clone(), false) };
            let read = check_export(&ticked.prepare(&all, &[]).expect("prepared").text).expect("reads back").bundle;
            let images = read.records.iter().filter(|r| matches!(r.body_as::<BaseMap>(), Ok(BaseMap::Image { .. })));
            assert_eq!(images.count(), 1, "{how:?}: the image travels, and reads back");
        }
        let old_job = r#"{"scope":{"type":"all"},"include_trash":false,"how":{"type":"plain"},"exported_at":1,"app_version":"t","device":"pc"}"#;
        assert!(!serde_json::from_str::<ExportJob>(old_job).expect("reads").include_base_map, "unticked by default");
    }

    /// 「全ての地域診断」 leaves the サンプル out unless it is ticked; the file's name says so.
    #[test]
    fn everything_leaves_the_sample_out_unless_chosen() {
        let sample = crate::domain::sample::build().expect("sample");
        let mut all = device();
        all.extend(sample.diagnoses.iter().chain(&sample.records).cloned());
        let without = job(ExportHow::Plain, true).prepare(&all, &[]).expect("prepared");
        assert!(!without.text.contains("sample-"), "no sample record");
        assert!(without.text.contains("\"d1\""));
        assert!(!without.file_name.contains("サンプル"), "{}", without.file_name);
        let with =
            ExportJob { include_sample: true, ..job(ExportHow::Plain, true) }.prepare(&all, &[]).expect("prepared");
        assert!(with.text.contains("sample-2025") && with.text.contains("\"d1\""));
        assert!(with.file_name.contains("全件_サンプルを含む"), "{}", with.file_name);
        // A 地域診断 chosen by name is written as chosen.
        let scope = ExportScope::Diagnoses { ids: vec![rid("sample-2024")] };
        let chosen = ExportJob { scope, ..job(ExportHow::Plain, true) }.prepare(&all, &[]).expect("prepared");
        assert!(chosen.text.contains("sample-2024") && !chosen.text.contains("sample-2025"));
        assert!(chosen.file_name.contains("（サンプル）"), "{}", chosen.file_name);
        let preview = anon_preview(&all, &ExportScope::All, false, &AnonymiseOptions::default());
        assert!(!preview.label.contains("サンプル"));
    }
}
