//! 画面の場所: the app's hash routes (`#/d/<id>/patients`).
//!
//! Hash routes need no server configuration, so the app works when published at the
//! server root or under a sub-path such as `/nanbyo/`, and offline. Plain Rust, tested
//! natively.

use crate::domain::help::HelpTopic;
use crate::domain::ids::RecordId;

/// A part of a 地域診断 (one navigation entry).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// 地域の概況 (様式1 header)
    Overview,
    /// 様式1 療養者
    Patients,
    /// 様式2 事業
    Programmes,
    /// 様式3 訪問看護ステーション
    Stations,
    /// 集計
    Summary,
    /// 様式4 評価
    Evaluation,
    /// 判断樹
    Trees,
    /// 災害への備え: 災害時個別支援計画 and the area view of the ventilated patients (issue 20)
    Disaster,
    /// 管内の施設: the facilities 様式1 and 様式3 name, with the seed's marks and who uses
    /// each (issue 14, seed 004 「様式１のデータを用いた地図作成」)
    Facilities,
    /// 管内マップ: the facilities and patients on a map of the area (issue 14, seed 004 手順4)
    Map,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Overview,
        Section::Patients,
        Section::Programmes,
        Section::Stations,
        Section::Summary,
        Section::Evaluation,
        Section::Trees,
        Section::Disaster,
        Section::Facilities,
        Section::Map,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Patients => "patients",
            Section::Programmes => "programmes",
            Section::Stations => "stations",
            Section::Summary => "summary",
            Section::Evaluation => "evaluation",
            Section::Trees => "trees",
            Section::Disaster => "disaster",
            Section::Facilities => "facilities",
            Section::Map => "map",
        }
    }

    /// The navigation label.
    pub fn label(self) -> &'static str {
        match self {
            Section::Overview => "地域の概況",
            Section::Patients => "様式1 療養者",
            Section::Programmes => "様式2 事業",
            Section::Stations => "様式3 訪問看護ステーション",
            Section::Summary => "集計",
            Section::Evaluation => "様式4 評価",
            Section::Trees => "判断樹",
            Section::Disaster => "災害への備え",
            Section::Facilities => "管内の施設",
            Section::Map => "管内マップ",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }
}

/// Where the app is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// 地域診断の一覧 (create, rename, switch, delete).
    Home,
    /// データの入出力 (export, import, CSV).
    DataIo,
    /// 広域の比較: several 地域診断 of one 年度 side by side with the 都道府県全体.
    Regional,
    /// 事業実績 (`#/results`): the prefecture's programme results by 年度 (seed 000).
    Results,
    /// 進捗状況評価 (`#/progress`): 様式1－2 of seed 001.
    Progress,
    /// A section of one 地域診断, optionally one item in it (a patient, a station, …).
    Diagnosis { id: RecordId, section: Section, item: Option<String> },
    /// 変更履歴 of one record of a 地域診断 (`#/d/<id>/<section>/<record>/history`), reached
    /// from the record's page in `section`.
    History { id: RecordId, section: Section, record: RecordId },
    /// 使い方・参考: the index (`#/help`) or one page (`#/help/<slug>`).
    Help(Option<HelpTopic>),
    /// 動作確認: shows the error screen by panicking on purpose (for IT staff and the e2e
    /// test of the panic hook). Nothing is written.
    PanicCheck,
    /// An address the app does not know.
    NotFound(String),
}

/// Percent-decodes ASCII escapes (`%2F`); anything malformed is kept as typed.
fn decode(part: &str) -> String {
    let bytes = part.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| part.to_string())
}

/// Percent-encodes what would end or split a route's part (`/`, `%`, `#`).
fn encode(part: &str) -> String {
    part.chars()
        .map(|c| if c == '/' || c == '%' || c == '#' { format!("%{:02X}", c as u32) } else { c.to_string() })
        .collect()
}

impl Route {
    /// The section of the 地域診断 the route is in (for the menu), if any.
    pub fn section(&self) -> Option<Section> {
        match self {
            Route::Diagnosis { section, .. } | Route::History { section, .. } => Some(*section),
            _ => None,
        }
    }

    /// Reads `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<String> = path.split('/').filter(|p| !p.is_empty()).map(decode).collect();
        match parts.as_slice() {
            [] => Route::Home,
            [io] if io == "io" => Route::DataIo,
            [r] if r == "regional" => Route::Regional,
            [r] if r == "results" => Route::Results,
            [p] if p == "progress" => Route::Progress,
            [p] if p == "__panic" => Route::PanicCheck,
            [h] if h == "help" => Route::Help(None),
            [h, slug] if h == "help" => match HelpTopic::from_slug(slug) {
                Some(topic) => Route::Help(Some(topic)),
                None => Route::NotFound(hash.to_string()),
            },
            [d, id] if d == "d" => match RecordId::parse(id) {
                Ok(id) => Route::Diagnosis { id, section: Section::Overview, item: None },
                Err(_) => Route::NotFound(hash.to_string()),
            },
            [d, id, section, record, h] if d == "d" && h == "history" => {
                match (RecordId::parse(id), Section::from_slug(section), RecordId::parse(record)) {
                    (Ok(id), Some(section), Ok(record)) => Route::History { id, section, record },
                    _ => Route::NotFound(hash.to_string()),
                }
            }
            [d, id, section, rest @ ..] if d == "d" && rest.len() <= 1 => {
                match (RecordId::parse(id), Section::from_slug(section)) {
                    (Ok(id), Some(section)) => Route::Diagnosis { id, section, item: rest.first().cloned() },
                    _ => Route::NotFound(hash.to_string()),
                }
            }
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The hash for this route (`#/d/<id>/patients/<item>`).
    pub fn to_hash(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::DataIo => "#/io".to_string(),
            Route::Regional => "#/regional".to_string(),
            Route::Results => "#/results".to_string(),
            Route::Progress => "#/progress".to_string(),
            Route::PanicCheck => "#/__panic".to_string(),
            Route::Help(None) => "#/help".to_string(),
            Route::Help(Some(topic)) => format!("#/help/{}", topic.slug()),
            Route::Diagnosis { id, section, item: None } => format!("#/d/{id}/{}", section.slug()),
            Route::Diagnosis { id, section, item: Some(item) } => {
                format!("#/d/{id}/{}/{}", section.slug(), encode(item))
            }
            Route::History { id, section, record } => {
                format!("#/d/{id}/{}/{}/history", section.slug(), encode(record.as_str()))
            }
            Route::NotFound(hash) => hash.clone(),
        }
    }

    /// The 地域診断 this route is in, if any.
    pub fn diagnosis(&self) -> Option<&RecordId> {
        match self {
            Route::Diagnosis { id, .. } | Route::History { id, .. } => Some(id),
            _ => None,
        }
    }
}

/// Where in the 判断樹 section the route points (the item of `#/d/<id>/trees/<item>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreePlace {
    /// 療養者の一覧
    List,
    /// 療養者ごとの記録
    Patient(RecordId),
    /// アセスメント
    Assessment(RecordId),
    /// 訪問看護の保険 (for a patient, or blank)
    Insurance(Option<RecordId>),
    /// An item the page does not know.
    Unknown(String),
}

const TREES_PATIENT: &str = "patient-";
const TREES_ASSESSMENT: &str = "assessment-";
const TREES_INSURANCE: &str = "insurance";

impl TreePlace {
    /// Reads the route's item.
    pub fn parse(item: Option<&str>) -> TreePlace {
        let Some(item) = item else { return TreePlace::List };
        let id = |rest: &str| RecordId::parse(rest).ok();
        if let Some(p) = item.strip_prefix(TREES_PATIENT).and_then(id) {
            return TreePlace::Patient(p);
        }
        if let Some(a) = item.strip_prefix(TREES_ASSESSMENT).and_then(id) {
            return TreePlace::Assessment(a);
        }
        if item == TREES_INSURANCE {
            return TreePlace::Insurance(None);
        }
        if let Some(p) = item.strip_prefix(TREES_INSURANCE).and_then(|r| r.strip_prefix('-')).and_then(id) {
            return TreePlace::Insurance(Some(p));
        }
        TreePlace::Unknown(item.to_string())
    }

    /// The route's item for this place.
    pub fn item(&self) -> Option<String> {
        match self {
            TreePlace::List => None,
            TreePlace::Patient(p) => Some(format!("{TREES_PATIENT}{p}")),
            TreePlace::Assessment(a) => Some(format!("{TREES_ASSESSMENT}{a}")),
            TreePlace::Insurance(None) => Some(TREES_INSURANCE.to_string()),
            TreePlace::Insurance(Some(p)) => Some(format!("{TREES_INSURANCE}-{p}")),
            TreePlace::Unknown(s) => Some(s.clone()),
        }
    }
}

/// 使い方・参考: the menu's name of the help area.
pub const HELP_LABEL: &str = "使い方・参考";

/// The app's name, the last part of every page title.
pub const APP_NAME: &str = "難病の地域診断";

/// The browser tab's title for a page: 「様式1 療養者 — ○○保健所 令和7年度 — 難病の地域診断」.
/// `diagnosis` is the open 地域診断's title, when it is known.
pub fn page_title(route: &Route, diagnosis: Option<&str>) -> String {
    let page = match route {
        Route::Home => "地域診断の一覧",
        Route::DataIo => "データの入出力",
        Route::Regional => "広域の比較",
        Route::Results => "事業実績",
        Route::Progress => "進捗状況評価",
        Route::PanicCheck => "動作確認",
        Route::Help(None) => HELP_LABEL,
        Route::Help(Some(topic)) => topic.title(),
        Route::NotFound(_) => "ページが見つかりません",
        Route::Diagnosis { section, .. } => section.label(),
        Route::History { .. } => "変更履歴",
    };
    match (route, diagnosis) {
        (Route::Diagnosis { .. } | Route::History { .. }, Some(d)) if !d.trim().is_empty() => {
            format!("{page} — {} — {APP_NAME}", d.trim())
        }
        _ => format!("{page} — {APP_NAME}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> RecordId {
        RecordId::parse(s).expect("valid id")
    }

    /// 変更履歴 of a record, also of a singleton whose ID has a colon.
    #[test]
    fn history_routes_round_trip() {
        for record in ["p-1", "d1:overview"] {
            let route = Route::History { id: id("d1"), section: Section::Patients, record: id(record) };
            assert_eq!(Route::parse(&route.to_hash()), route, "{record}");
            assert_eq!(route.diagnosis(), Some(&id("d1")));
            assert_eq!(route.section(), Some(Section::Patients));
        }
        assert_eq!(Route::parse("#/d/d1/patients/p-1/history").to_hash(), "#/d/d1/patients/p-1/history");
        assert!(matches!(Route::parse("#/d/d1/nowhere/p-1/history"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/d/d1/patients/p-1/other"), Route::NotFound(_)));
    }

    #[test]
    fn parses_known_routes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/io"), Route::DataIo);
        assert_eq!(
            Route::parse("#/d/abc-1/patients"),
            Route::Diagnosis { id: id("abc-1"), section: Section::Patients, item: None }
        );
        assert_eq!(
            Route::parse("#/d/abc-1/patients/p-9"),
            Route::Diagnosis { id: id("abc-1"), section: Section::Patients, item: Some("p-9".into()) }
        );
        assert_eq!(
            Route::parse("#/d/abc-1"),
            Route::Diagnosis { id: id("abc-1"), section: Section::Overview, item: None }
        );
    }

    #[test]
    fn unknown_or_hostile_routes_are_not_found() {
        assert!(matches!(Route::parse("#/nowhere"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/d/<script>/patients"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/d/abc/unknown"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/d/abc/patients/a/b"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/d/abc/patients/%"), Route::Diagnosis { .. }));
        assert!(matches!(Route::parse("#/d/abc/patients/%あい"), Route::Diagnosis { .. }));
    }

    #[test]
    fn hashes_round_trip() {
        for section in Section::ALL {
            let r = Route::Diagnosis { id: id("d1"), section, item: Some("x/y%z".into()) };
            assert_eq!(Route::parse(&r.to_hash()), r);
            let r = Route::Diagnosis { id: id("d1"), section, item: None };
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
        assert_eq!(Route::parse(&Route::Home.to_hash()), Route::Home);
        assert_eq!(Route::parse(&Route::DataIo.to_hash()), Route::DataIo);
        assert_eq!(Route::parse(&Route::Regional.to_hash()), Route::Regional);
        assert_eq!(Route::parse("#/regional"), Route::Regional);
        assert_eq!(Route::parse(&Route::Results.to_hash()), Route::Results);
        assert_eq!(Route::parse("#/results"), Route::Results);
        assert_eq!(Route::parse(&Route::Progress.to_hash()), Route::Progress);
    }

    #[test]
    fn help_routes_round_trip() {
        assert_eq!(Route::parse("#/help"), Route::Help(None));
        for topic in HelpTopic::ALL {
            let route = Route::Help(Some(topic));
            assert_eq!(Route::parse(&route.to_hash()), route);
            assert_eq!(page_title(&route, None), format!("{} — 難病の地域診断", topic.title()));
        }
        assert_eq!(Route::parse("#/help/summary"), Route::Help(Some(HelpTopic::Summary)));
        assert!(matches!(Route::parse("#/help/nowhere"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/help/summary/x"), Route::NotFound(_)));
        assert_eq!(page_title(&Route::Help(None), None), "使い方・参考 — 難病の地域診断");
    }

    #[test]
    fn tree_places_round_trip() {
        assert_eq!(TreePlace::parse(None), TreePlace::List);
        assert_eq!(TreePlace::parse(Some("patient-p1")), TreePlace::Patient(id("p1")));
        assert_eq!(TreePlace::parse(Some("assessment-a-9")), TreePlace::Assessment(id("a-9")));
        assert_eq!(TreePlace::parse(Some("insurance")), TreePlace::Insurance(None));
        assert_eq!(TreePlace::parse(Some("insurance-p1")), TreePlace::Insurance(Some(id("p1"))));
        for place in [
            TreePlace::List,
            TreePlace::Patient(id("p1")),
            TreePlace::Assessment(id("a-9")),
            TreePlace::Insurance(None),
            TreePlace::Insurance(Some(id("p1"))),
        ] {
            assert_eq!(TreePlace::parse(place.item().as_deref()), place);
        }
    }

    #[test]
    fn unknown_tree_places_are_kept_as_typed() {
        // No ID, a bad ID, an unknown word, 'insurance' without its dash.
        for item in ["patient-", "patient-<x>", "history-p1", "insurancep1", "assessment"] {
            assert_eq!(TreePlace::parse(Some(item)), TreePlace::Unknown(item.to_string()), "{item}");
            assert_eq!(TreePlace::parse(Some(item)).item().as_deref(), Some(item));
        }
    }

    #[test]
    fn every_page_has_its_own_title_naming_the_diagnosis() {
        let id = id("0b7c6a1e-2f7d-4a55-9d7e-3c1e5f2a9b10");
        let patients = Route::Diagnosis { id: id.clone(), section: Section::Patients, item: None };
        assert_eq!(
            page_title(&patients, Some("みどり保健所管内 令和7年度（2025年度）")),
            "様式1 療養者 — みどり保健所管内 令和7年度（2025年度） — 難病の地域診断"
        );
        // Before the 地域診断 has loaded: no empty part.
        assert_eq!(page_title(&patients, None), "様式1 療養者 — 難病の地域診断");
        assert_eq!(page_title(&Route::Home, Some("x")), "地域診断の一覧 — 難病の地域診断");
        assert_eq!(page_title(&Route::DataIo, None), "データの入出力 — 難病の地域診断");
        let titles: std::collections::BTreeSet<String> = Section::ALL
            .into_iter()
            .map(|section| page_title(&Route::Diagnosis { id: id.clone(), section, item: None }, Some("d")))
            .collect();
        assert_eq!(titles.len(), Section::ALL.len());
    }
}
