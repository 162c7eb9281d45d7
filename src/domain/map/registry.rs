//! 施設の登録: the 施設 the nurse confirmed ([`Facility`] records) beside what the data
//! proposes ([`propose`]). A confirmed facility stands for every name it goes by, so its users
//! are found in 様式1 each time (they stay current when 様式1 changes); a proposal whose name
//! no confirmed facility goes by is offered for confirming. Merging two facilities keeps one
//! with both names; splitting takes a name off into a facility of its own.

use super::facilities::{normalise_name, propose, FacilityKind, FacilityProposal, Use};
use super::records::Facility;
use crate::domain::ids::RecordId;
use crate::domain::patient::Patient;
use crate::domain::station::Station;
use std::collections::{BTreeMap, BTreeSet};

/// The normalised names a facility goes by.
pub fn keys(f: &Facility) -> BTreeSet<String> {
    f.names().map(normalise_name).filter(|k| !k.is_empty()).collect()
}

/// Who names what in 様式1, by normalised name: made once for all the patients, so that
/// finding the users of 500 施設 among 300 patients normalises each patient's names once
/// rather than once per 施設.
#[derive(Clone, Debug, Default)]
pub struct UseIndex {
    by_name: BTreeMap<String, Vec<(RecordId, Use)>>,
}

impl UseIndex {
    pub fn new(patients: &[(RecordId, Patient)]) -> UseIndex {
        let mut by_name: BTreeMap<String, Vec<(RecordId, Use)>> = BTreeMap::new();
        for (pid, p) in patients {
            for (name, how) in super::facilities::named_by(p) {
                let uses = by_name.entry(normalise_name(&name)).or_default();
                if !uses.iter().any(|(q, h)| q == pid && *h == how) {
                    uses.push((pid.clone(), how));
                }
            }
        }
        UseIndex { by_name }
    }

    /// A confirmed facility as the map and the analysis see it: its names, kind, station and
    /// who uses it (from 様式1, by any of its names; a station's 様式3 record counts by its
    /// name too), in the patients' order.
    pub fn proposal(
        &self,
        f: &Facility,
        stations: &[(RecordId, Station)],
        order: &[(RecordId, Patient)],
    ) -> FacilityProposal {
        let mut own = keys(f);
        if let Some(s) = f.station_id.as_ref().and_then(|id| stations.iter().find(|(sid, _)| sid == id)) {
            own.insert(normalise_name(&s.1.name));
        }
        let mut uses: Vec<(RecordId, Use)> =
            own.iter().filter_map(|k| self.by_name.get(k)).flatten().cloned().collect();
        let rank = |id: &RecordId| order.iter().position(|(p, _)| p == id).unwrap_or(usize::MAX);
        uses.sort_by(|a, b| rank(&a.0).cmp(&rank(&b.0)).then(a.1.cmp(&b.1)));
        uses.dedup();
        FacilityProposal {
            key: normalise_name(&f.name),
            names: f.names().map(str::to_string).collect(),
            kind: f.kind,
            station: f.station_id.clone(),
            uses,
        }
    }
}

/// [`UseIndex::proposal`] for one facility (an index made for it alone).
pub fn as_proposal(
    f: &Facility,
    stations: &[(RecordId, Station)],
    patients: &[(RecordId, Patient)],
) -> FacilityProposal {
    UseIndex::new(patients).proposal(f, stations, patients)
}

/// What the data names that no confirmed facility goes by (to confirm).
pub fn unconfirmed(
    facilities: &[(RecordId, Facility)],
    stations: &[(RecordId, Station)],
    patients: &[(RecordId, Patient)],
) -> Vec<FacilityProposal> {
    let taken: BTreeSet<String> = facilities.iter().flat_map(|(_, f)| keys(f)).collect();
    let linked: BTreeSet<&RecordId> = facilities.iter().filter_map(|(_, f)| f.station_id.as_ref()).collect();
    propose(stations, patients)
        .into_iter()
        .filter(|p| !taken.contains(&p.key) && !p.station.as_ref().is_some_and(|s| linked.contains(s)))
        .collect()
}

/// A proposal as a facility to keep (its first name as 名称, the rest as 別の名前).
pub fn confirm(p: &FacilityProposal, stations: &[(RecordId, Station)]) -> Facility {
    let station = p.station.as_ref().and_then(|id| stations.iter().find(|(s, _)| s == id)).map(|(_, s)| s);
    Facility {
        name: p.name().to_string(),
        kind: p.kind,
        other_names: p.names.iter().skip(1).cloned().collect(),
        address: station.map(|s| s.address.clone()).unwrap_or_default(),
        station_id: p.station.clone(),
        position: None,
    }
}

/// `other` merged into `into`: one facility with every name of both; its kind, address,
/// station and position are `into`'s, or `other`'s where `into` has none.
pub fn merge(into: &Facility, other: &Facility) -> Facility {
    let mut out = into.clone();
    let mut seen: BTreeSet<String> = keys(into);
    for n in other.names() {
        if seen.insert(normalise_name(n)) {
            out.other_names.push(n.to_string());
        }
    }
    if out.address.trim().is_empty() {
        out.address = other.address.clone();
    }
    if out.station_id.is_none() {
        out.station_id = other.station_id.clone();
    }
    if out.position.is_none() {
        out.position = other.position;
    }
    if out.kind == FacilityKind::Other {
        out.kind = other.kind;
    }
    out
}

/// `name` (one of `f`'s other names) taken off into a facility of its own, of the same kind
/// and not placed yet: (`f` without it, the new one). `None` when `f` has no such other name.
pub fn split(f: &Facility, name: &str) -> Option<(Facility, Facility)> {
    let at = f.other_names.iter().position(|n| n == name)?;
    let mut rest = f.clone();
    rest.other_names.remove(at);
    let new = Facility {
        name: name.to_string(),
        kind: f.kind,
        other_names: Vec::new(),
        address: String::new(),
        station_id: None,
        position: None,
    };
    Some((rest, new))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::test_ids::rid;
    use crate::domain::tri::Tri;

    fn patient(station: &str, doctor: &str) -> Patient {
        let mut p = Patient::default();
        p.station_nursing.names = Tri::Value(vec![station.to_string()]);
        p.family_doctor.name = Tri::Value(doctor.to_string());
        p
    }

    fn station(name: &str) -> Station {
        Station { name: name.to_string(), ..Station::default() }
    }

    #[test]
    fn a_confirmed_facility_finds_its_users_by_every_name_and_follows_form_1() {
        let stations = vec![(rid("s1"), station("株式会社 Ａステーション"))];
        let mut patients =
            vec![(rid("p1"), patient("Ａｽﾃｰｼｮﾝ", "山田医院")), (rid("p2"), patient("Ｂ訪問看護", "山田医院"))];
        let confirmed = confirm(&propose(&stations, &patients)[0], &stations);
        assert_eq!(confirmed.name, "株式会社 Ａステーション");
        assert_eq!(confirmed.other_names, vec!["Ａｽﾃｰｼｮﾝ".to_string()]);
        let used = as_proposal(&confirmed, &stations, &patients);
        assert_eq!(used.patients(), 1);
        // 様式1 changes: p2 now also uses Ａ (written another way again) and the count follows.
        patients[1].1 = patient("Aステーション", "山田医院");
        assert_eq!(as_proposal(&confirmed, &stations, &patients).patients(), 2);
    }

    /// Regression (issue 14, 10 s to draw 300 patients and 500 施設): one index of 様式1's
    /// names serves every 施設 and finds the same users, in the patients' order, as a
    /// facility looked up alone.
    #[test]
    fn one_index_finds_the_same_users_for_every_facility() {
        let stations = vec![(rid("s1"), station("株式会社 Ａステーション"))];
        let patients = vec![
            (rid("p2"), patient("Ａｽﾃｰｼｮﾝ", "山田医院")),
            (rid("p1"), patient("Ａステーション", "やまだ医院")),
            (rid("p3"), patient("Ｂ訪問看護", "山田医院")),
        ];
        let confirmed: Vec<Facility> = propose(&stations, &patients).iter().map(|p| confirm(p, &stations)).collect();
        let index = UseIndex::new(&patients);
        let users = |name: &str| -> Vec<String> {
            let f = confirmed.iter().find(|f| f.name == name).expect("confirmed");
            index.proposal(f, &stations, &patients).uses.iter().map(|(p, _)| p.as_str().to_string()).collect()
        };
        assert_eq!(users("株式会社 Ａステーション"), ["p2", "p1"], "both spellings, in 様式1's order");
        assert_eq!(users("山田医院"), ["p2", "p3"]);
        assert_eq!(users("やまだ医院"), ["p1"], "kana is not folded to kanji");
        assert_eq!(users("Ｂ訪問看護"), ["p3"]);
    }

    #[test]
    fn what_is_confirmed_is_no_longer_proposed() {
        let stations = vec![(rid("s1"), station("Ａステーション"))];
        let patients = vec![(rid("p1"), patient("Ａステーション", "山田医院"))];
        let all = unconfirmed(&[], &stations, &patients);
        assert_eq!(all.len(), 2, "the station and the doctor");
        let a = confirm(&all[0], &stations);
        let left = unconfirmed(&[(rid("f1"), a)], &stations, &patients);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].name(), "山田医院");
    }

    #[test]
    fn merging_keeps_both_names_and_splitting_takes_one_off() {
        let patients = vec![(rid("p1"), patient("みどり訪問看護", "緑が丘クリニック"))];
        let a = Facility {
            name: "みどり訪問看護ステーション".into(),
            kind: FacilityKind::Station,
            other_names: vec![],
            address: "A市1-1".into(),
            station_id: None,
            position: None,
        };
        let proposals = unconfirmed(&[], &[], &patients);
        let b = confirm(proposals.iter().find(|p| p.kind == FacilityKind::Station).expect("station"), &[]);
        assert_eq!(b.name, "みどり訪問看護");
        assert_eq!(as_proposal(&a, &[], &patients).patients(), 0, "different names before merging");
        let merged = merge(&a, &b);
        assert_eq!(merged.other_names, vec!["みどり訪問看護".to_string()]);
        assert_eq!(merged.address, "A市1-1");
        assert_eq!(as_proposal(&merged, &[], &patients).patients(), 1, "the merged facility has the user");
        let (rest, new) = split(&merged, "みどり訪問看護").expect("split");
        assert_eq!(rest, a);
        assert_eq!((new.name.as_str(), new.kind), ("みどり訪問看護", FacilityKind::Station));
        assert!(split(&merged, "ない名前").is_none());
    }
}
