//! The roster on screen, quick on every keystroke: the sort's order is kept while only the
//! filter changes ([`roster_order`], then [`filter_ordered`] picks from it), a page says which
//! patients it shows without formatting their rows ([`page_window`]; each row is formatted
//! by [`roster_row`](super::roster_row) when it is drawn), and the first rows drawn are those
//! that fill what is in view ([`rows_to_fill`]).

use super::{sort_indices, Matcher, RosterFilter, RosterPage, RosterSort};
use crate::domain::patient::Patient;

/// Every patient, in the sort's order (stable, blanks last).
pub fn roster_order(patients: &[Patient], sort: RosterSort, hide_names: bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..patients.len()).collect();
    sort_indices(patients, &mut order, sort, hide_names);
    order
}

/// The patients of `order` the filter lets through, in that order. With `order` from
/// [`roster_order`] this is [`roster_indices`](super::roster_indices) (a stable sort of a
/// part keeps the part's order within the whole), without sorting again.
pub fn filter_ordered(patients: &[Patient], order: &[usize], filter: &RosterFilter, hide_names: bool) -> Vec<usize> {
    let m = Matcher::new(filter);
    order.iter().copied().filter(|&i| patients.get(i).is_some_and(|p| m.matches(p, hide_names))).collect()
}

/// Where page `page` (from 0; past the end → the last page) of `total` shown patients sits,
/// `page_size` a page (0 is taken as 1); its rows are left empty. The page shows the
/// shown patients `first - 1 .. last`.
pub fn page_window(total: usize, page: usize, page_size: usize) -> RosterPage {
    let size = page_size.max(1);
    let pages = total.div_ceil(size).max(1);
    let page = page.min(pages - 1);
    let start = page * size;
    let end = (start + size).min(total);
    let (first, last) = if end > start { (start + 1, end) } else { (0, 0) };
    RosterPage { rows: Vec::new(), page, pages, first, last, total }
}

/// How many rows to draw at once so that a height of `visible_px` (from the top of the list
/// to the bottom of what is in view) is filled when every row is at least `min_row_px`
/// high, plus one; at least 1 and at most `limit`.
pub fn rows_to_fill(visible_px: f64, min_row_px: f64, limit: usize) -> usize {
    let limit = limit.max(1);
    if visible_px.is_nan() || visible_px <= 0.0 || min_row_px.is_nan() || min_row_px <= 0.0 {
        return 1;
    }
    let rows = (visible_px / min_row_px).ceil();
    if rows >= limit as f64 {
        limit
    } else {
        (rows as usize + 1).min(limit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::forms::roster::{roster_indices, roster_page, SortKey, VENTILATOR_YES};

    #[test]
    fn filtering_the_kept_order_equals_filtering_then_sorting() {
        let patients = crate::domain::sample::synthetic_patients(300, 7);
        let filters = [
            RosterFilter::default(),
            RosterFilter { search: "1".into(), ..RosterFilter::default() },
            RosterFilter { ventilator: VENTILATOR_YES.into(), search: "2".into(), ..RosterFilter::default() },
            RosterFilter { gap: "bad key".into(), ..RosterFilter::default() },
        ];
        for key in SortKey::ALL {
            for descending in [false, true] {
                let sort = RosterSort { key, descending };
                for hide in [false, true] {
                    let order = roster_order(&patients, sort, hide);
                    for f in &filters {
                        assert_eq!(
                            filter_ordered(&patients, &order, f, hide),
                            roster_indices(&patients, f, sort, hide),
                            "{sort:?} {f:?} hide={hide}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn ordered_by_id_number_then_filtered() {
        // R10, R2, Ｒ３ (full width), R1: by ID番号 R1, R2, Ｒ３, R10; with 「1」 R1 and R10.
        let ps: Vec<Patient> = ["R10", "R2", "Ｒ３", "R1"]
            .iter()
            .map(|id| Patient { id_number: (*id).into(), ..Patient::default() })
            .collect();
        let order = roster_order(&ps, RosterSort::default(), false);
        assert_eq!(order, [3, 1, 2, 0]);
        let one = RosterFilter { search: "1".into(), ..RosterFilter::default() };
        assert_eq!(filter_ordered(&ps, &order, &one, false), [3, 0]);
        // An index past the patients is dropped, never a panic.
        assert_eq!(filter_ordered(&ps, &[3, 9, 0], &RosterFilter::default(), false), [3, 0]);
    }

    #[test]
    fn a_page_window_is_the_page_without_its_rows() {
        let patients = crate::domain::sample::synthetic_patients(250, 5);
        let all: Vec<usize> = (0..patients.len()).collect();
        for (page, size) in [(0, 100), (2, 100), (9, 100), (0, 0), (1, 7)] {
            let full = roster_page(&patients, &all, page, size, false);
            assert_eq!(page_window(all.len(), page, size), RosterPage { rows: Vec::new(), ..full }, "{page} {size}");
        }
        // 250 a hundred a page: the third shows 201〜250.
        let third = page_window(250, 2, 100);
        assert_eq!((third.page, third.pages, third.first, third.last, third.total), (2, 3, 201, 250, 250));
        assert_eq!(page_window(0, 3, 100), RosterPage { pages: 1, ..RosterPage::default() });
    }

    #[test]
    fn rows_that_fill_the_view() {
        // 280 px in view, rows at least 29 px: 10 rows reach 290 px; one more for the margin.
        assert_eq!(rows_to_fill(280.0, 29.0, 100), 11);
        assert_eq!(rows_to_fill(290.0, 29.0, 100), 11);
        // The list scrolled far down or a tall screen: the whole page at once.
        assert_eq!(rows_to_fill(10_000.0, 29.0, 100), 100);
        assert_eq!(rows_to_fill(2_900.0, 29.0, 100), 100);
        // Nothing in view (the list below the screen), or nonsense: one row.
        assert_eq!(rows_to_fill(-50.0, 29.0, 100), 1);
        assert_eq!(rows_to_fill(f64::NAN, 29.0, 100), 1);
        assert_eq!(rows_to_fill(300.0, 0.0, 100), 1);
        assert_eq!(rows_to_fill(300.0, 29.0, 0), 1);
    }
}
