//! The tallies of one pass over the roster, and the figures (人数, 分母, 割合, 不明) the 集計
//! sheet and 様式4's 管内の状況 build from them.

use super::figure::{
    fact_index, tally_facts, tally_patients, Denominator, DiseaseFilter, FactTallies, Figure, FigureKey, PatientFigure,
    ProcedureKind, Tally,
};
use crate::domain::number::Decimal2;
use crate::domain::patient::Patient;

/// The tallies of one pass over the roster, looked up by key, and the figures built from them.
pub(crate) struct Tallies<'a> {
    pub(crate) filter: &'a DiseaseFilter,
    patients: &'a [Patient],
    n: u64,
    tallies: Vec<Tally>,
    /// The sum of the weekly visits of the patients who use 訪問看護 (for the average).
    pub(crate) users_weekly_sum: Decimal2,
}

impl<'a> Tallies<'a> {
    /// One pass over the patients of `filter` ([`tally_facts`]).
    pub(crate) fn new(patients: &'a [Patient], filter: &'a DiseaseFilter) -> Tallies<'a> {
        let FactTallies { n, tallies, users_weekly_sum } = tally_facts(patients, filter);
        Tallies { filter, patients, n, tallies, users_weekly_sum }
    }

    /// N
    pub(crate) fn n(&self) -> u64 {
        self.n
    }

    pub(crate) fn tally(&self, key: PatientFigure) -> Tally {
        if key == PatientFigure::Patients {
            return Tally { yes: self.n, unknown: 0 };
        }
        match fact_index(key).and_then(|i| self.tallies.get(i)) {
            Some(t) => *t,
            // A key outside the single pass (none of the sheet's): counted on its own, by the
            // same rule.
            None => tally_patients(&[key], self.patients, self.filter).1.first().copied().unwrap_or_default(),
        }
    }

    fn denominator_count(&self, d: Denominator) -> u64 {
        match d {
            Denominator::Patients => self.n,
            Denominator::Ventilated => self.tally(PatientFigure::Procedure(ProcedureKind::Ventilator)).yes,
            Denominator::CertificateHolders => self.tally(PatientFigure::Certificate).yes,
            Denominator::CareInsured => self.tally(PatientFigure::CareInsured).yes,
            // Not a patient denominator.
            Denominator::Stations => 0,
        }
    }

    /// The figure for `key`, with its own label, as a % of `denominator`.
    pub(crate) fn figure_as(&self, key: PatientFigure, label: &'static str, denominator: Denominator) -> Figure {
        Figure::new(
            FigureKey::Patient(key),
            label,
            self.tally(key),
            denominator,
            self.denominator_count(denominator),
            self.filter,
        )
    }

    /// The figure for `key` as a % of `denominator`.
    pub(crate) fn figure(&self, key: PatientFigure, denominator: Denominator) -> Figure {
        self.figure_as(key, key.label(), denominator)
    }

    /// The figure for `key` as a % of N.
    pub(crate) fn of_n(&self, key: PatientFigure) -> Figure {
        self.figure(key, Denominator::Patients)
    }
}
