//! 管内の施設: the page's rows — every facility the data names with its seed mark, filled when
//! a patient uses it and hollow when not, who uses it how, the totals per kind, the counts per
//! 市町村 and the 様式4 evidence sentence — computed from the live 様式1 and 様式3 each time, so
//! they stay current when 様式1 changes (seed 004, 「様式１のデータを用いた地図作成」 ②③).

use super::analysis::{counts, evidence, municipality_names, MapFacility, MapPatient, MunicipalityCounts};
use super::facilities::{propose, FacilityKind, FacilityProposal, Use};
use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::station::Station;

/// One facility as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacilityRow {
    /// The seed's mark (★☆■△◇, ○ for その他).
    pub symbol: &'static str,
    /// Used by at least one patient: the seed's filled mark.
    pub used: bool,
    pub name: String,
    /// The other spellings found for it (「Ａｽﾃｰｼｮﾝ」 beside 「株式会社Ａステーション」).
    pub other_names: Vec<String>,
    pub kind: FacilityKind,
    /// The 様式3 station it is, when it is one.
    pub station: Option<RecordId>,
    /// 24時間対応体制加算 (from 様式3; `None` when not a 様式3 station or not entered).
    pub has_24h: Option<bool>,
    /// How many different patients use it.
    pub patients: usize,
    /// How it is used: each 様式1 column with its number of patients, in 様式1's order.
    pub uses: Vec<(Use, usize)>,
    /// The patients who use it (name, or ID number when names are hidden), in 様式1's order.
    pub users: Vec<String>,
}

impl FacilityRow {
    /// 「神経内科専門医療機関 2人、緊急時の入院機関 1人」
    pub fn uses_text(&self) -> String {
        if self.uses.is_empty() {
            return "利用なし".to_string();
        }
        self.uses.iter().map(|(u, n)| format!("{} {n}人", u.label())).collect::<Vec<_>>().join("、")
    }
}

/// Per kind: how many facilities, how many used and not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KindTotal {
    pub kind: FacilityKind,
    pub total: usize,
    pub used: usize,
}

impl KindTotal {
    pub fn unused(&self) -> usize {
        self.total - self.used
    }
}

/// Everything the 管内の施設 page shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacilityList {
    /// By kind in [`FacilityKind::ALL`]'s order, then in the order first met (様式3, then 様式1).
    pub rows: Vec<FacilityRow>,
    /// Each kind that has at least one facility, in [`FacilityKind::ALL`]'s order.
    pub totals: Vec<KindTotal>,
    /// Patients (◎) and facilities of each kind per 市町村 (the patients' 市町村, in 五十音 of
    /// the text; a station is placed by its 様式3 住所; what has none is 「市町村不明」).
    pub municipalities: Vec<MunicipalityCounts>,
    /// 様式4 の根拠 (the seed's 「かかわっていないステーション」).
    pub evidence: Vec<String>,
}

/// The list for the live stations and patients.
pub fn facility_list(
    stations: &[(RecordId, Station)],
    patients: &[(RecordId, Patient)],
    hide_names: bool,
) -> FacilityList {
    let proposals = propose(stations, patients);
    let station_of =
        |id: &Option<RecordId>| id.as_ref().and_then(|id| stations.iter().find(|(s, _)| s == id)).map(|(_, s)| s);
    let mut rows: Vec<FacilityRow> =
        proposals.iter().map(|f| row(f, station_of(&f.station), patients, hide_names)).collect();
    rows.sort_by_key(|r| r.kind);
    let totals = FacilityKind::ALL
        .into_iter()
        .map(|kind| {
            let of_kind = proposals.iter().filter(|f| f.kind == kind);
            KindTotal { kind, total: of_kind.clone().count(), used: of_kind.filter(|f| f.used()).count() }
        })
        .filter(|t| t.total > 0)
        .collect();
    let names = municipality_names(patients);
    let facilities: Vec<MapFacility> =
        proposals.iter().map(|f| MapFacility::of(f.clone(), station_of(&f.station), "", None, &names)).collect();
    let map_patients: Vec<MapPatient> = patients
        .iter()
        .map(|(id, p)| MapPatient { id: id.clone(), municipality: p.municipality.clone(), position: None })
        .collect();
    FacilityList {
        rows,
        totals,
        municipalities: counts(&names, &facilities, &map_patients),
        evidence: evidence(&facilities, &[], 0.0),
    }
}

fn row(
    f: &FacilityProposal,
    station: Option<&Station>,
    patients: &[(RecordId, Patient)],
    hide_names: bool,
) -> FacilityRow {
    let mut uses: Vec<(Use, usize)> = Vec::new();
    for (_, how) in &f.uses {
        match uses.iter_mut().find(|(u, _)| u == how) {
            Some((_, n)) => *n += 1,
            None => uses.push((*how, 1)),
        }
    }
    uses.sort_by_key(|(u, _)| *u);
    let users = patients
        .iter()
        .filter(|(id, _)| f.uses.iter().any(|(p, _)| p == id))
        .map(|(_, p)| p.display_name(hide_names).to_string())
        .collect();
    FacilityRow {
        symbol: f.kind.symbol(),
        used: f.used(),
        name: f.name().to_string(),
        other_names: f.names.iter().skip(1).cloned().collect(),
        kind: f.kind,
        station: f.station.clone(),
        has_24h: station.and_then(|s| s.addition_24h),
        patients: f.patients(),
        uses,
        users,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::seed_examples::{seed_example_1, seed_example_2, seed_patient};
    use crate::domain::ids::test_ids::rid;
    use crate::domain::tri::Tri;

    /// The seed's 例1 and 例2 (seed 004) in みどり市 and あおば町, with 様式3 listing
    /// 「株式会社Ａステーション」 (みどり市, 24時間対応) and an unused 「Ｃステーション」: by
    /// hand, 7 facilities (see `facilities::tests`), stations 3 of which 1 unused.
    type Records = (Vec<(RecordId, Station)>, Vec<(RecordId, Patient)>);

    fn fixture() -> Records {
        let stations = vec![
            (
                rid("s1"),
                Station {
                    name: "株式会社Ａステーション".into(),
                    address: "みどり市中町1-2".into(),
                    addition_24h: Some(true),
                    ..Station::default()
                },
            ),
            (rid("s2"), Station { name: "Ｃステーション".into(), address: "あおば町".into(), ..Station::default() }),
        ];
        let mut p1 = seed_patient(seed_example_1());
        p1.municipality = "みどり市".into();
        p1.name = "緑 一郎".into();
        let mut p2 = seed_patient(seed_example_2());
        p2.municipality = "あおば町".into();
        p2.name = "青葉 花子".into();
        p2.id_number = "A-002".into();
        (stations, vec![(rid("p1"), p1), (rid("p2"), p2)])
    }

    #[test]
    fn rows_show_the_mark_the_use_and_who() {
        let (stations, patients) = fixture();
        let list = facility_list(&stations, &patients, false);
        let names: Vec<&str> = list.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Ａクリニック",
                "株式会社Ａステーション",
                "Ｃステーション",
                "Ｂｽﾃｰｼｮﾝ",
                "Ａ病院",
                "県立Ａ病院",
                "Ｂ大学病院"
            ]
        );
        let a = &list.rows[1];
        assert_eq!((a.symbol, a.used, a.name.as_str()), ("△", true, "株式会社Ａステーション"));
        assert_eq!(a.other_names, vec!["Ａｽﾃｰｼｮﾝ".to_string()]);
        assert_eq!((a.has_24h, a.patients), (Some(true), 1));
        assert_eq!(a.uses_text(), "緊急時の訪問看護 1人、訪問看護ステーション 1人");
        assert_eq!(a.users, vec!["青葉 花子".to_string()]);
        let c = &list.rows[2];
        assert_eq!((c.symbol, c.used, c.uses_text().as_str()), ("△", false, "利用なし"));
        // Ｂ大学病院: 例2's 神経内科 and 緊急時の入院, one patient, two uses.
        let b = list.rows.iter().find(|r| r.name == "Ｂ大学病院").map(|r| (r.patients, r.uses_text()));
        assert_eq!(b, Some((1, "神経内科専門医療機関 1人、緊急時の入院機関 1人".to_string())));
        // Names hidden: the ID number.
        let hidden = facility_list(&stations, &patients, true);
        assert_eq!(hidden.rows[1].users, vec!["A-002".to_string()]);
    }

    #[test]
    fn totals_counts_and_evidence_by_hand() {
        let (stations, patients) = fixture();
        let list = facility_list(&stations, &patients, false);
        let totals: Vec<(FacilityKind, usize, usize)> =
            list.totals.iter().map(|t| (t.kind, t.total, t.unused())).collect();
        assert_eq!(
            totals,
            vec![
                (FacilityKind::FamilyDoctor, 1, 0),
                (FacilityKind::Station, 3, 1),
                (FacilityKind::NursingInstitution, 1, 0),
                (FacilityKind::Other, 2, 0),
            ]
        );
        // 市町村: あおば町 (p2, Ｃステーション), みどり市 (p1, Ａステーション), the rest 市町村不明.
        let m: Vec<(&str, usize, usize)> =
            list.municipalities.iter().map(|c| (c.municipality.as_str(), c.patients, c.facilities[3])).collect();
        assert_eq!(m, vec![("あおば町", 1, 1), ("みどり市", 1, 1), ("市町村不明", 0, 1)]);
        assert_eq!(
            list.evidence,
            vec!["管内の訪問看護ステーション 3 か所のうち、療養者が利用していないステーションが 1 か所ある。"
                .to_string()]
        );
    }

    /// Follows 様式1: once 例1 names Ｃステーション, it is used and the evidence says 0.
    #[test]
    fn the_list_follows_a_change_in_form1() {
        let (stations, mut patients) = fixture();
        patients[0].1.station_nursing.names = Tri::Value(vec!["Ｃｽﾃｰｼｮﾝ".into()]);
        let list = facility_list(&stations, &patients, false);
        assert!(list.rows[2].used);
        assert_eq!(list.rows[2].users, vec!["緑 一郎".to_string()]);
        assert!(list.evidence[0].ends_with("0 か所ある。"));
    }

    #[test]
    fn nothing_entered_gives_an_empty_list() {
        let list = facility_list(&[], &[], false);
        assert!(list.rows.is_empty() && list.totals.is_empty() && list.evidence.is_empty());
        assert!(list.municipalities.is_empty());
    }
}
