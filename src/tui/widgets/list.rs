//! One list's cursor, for every list of the desk (search hits, sessions, cohorts,
//! counties, activities, bases, warnings): which row is selected, moved by keys and
//! kept inside the list, and which row to draw first so the selected one stays in view.
//! The list itself lives in the screen's state; the cursor is told its length.

/// The selected row of a list. Never past the last row once told the length; on an
/// empty list it stays at 0 and selects nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    selected: usize,
}

impl ListCursor {
    /// The selected row (0 on an empty list).
    pub fn index(self) -> usize {
        self.selected
    }

    /// Whether row `i` is the selected one.
    pub fn is(self, i: usize) -> bool {
        self.selected == i
    }

    /// The selected item of `items`, if any.
    pub fn pick<T>(self, items: &[T]) -> Option<&T> {
        items.get(self.selected)
    }

    /// Selects row `i`, or the last row when `i` is past it.
    pub fn select(&mut self, i: usize, len: usize) {
        self.selected = i.min(len.saturating_sub(1));
    }

    /// Keeps the selection inside a list that may have shrunk.
    pub fn clamp(&mut self, len: usize) {
        self.select(self.selected, len);
    }

    pub fn first(&mut self) {
        self.selected = 0;
    }

    pub fn last(&mut self, len: usize) {
        self.select(len.saturating_sub(1), len);
    }

    /// One row down; stays on the last row.
    pub fn next(&mut self, len: usize) {
        self.select(self.selected.saturating_add(1), len);
    }

    /// One row up; stays on the first row.
    pub fn prev(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    /// `page` rows down; stops on the last row.
    pub fn page_down(&mut self, len: usize, page: usize) {
        self.select(self.selected.saturating_add(page), len);
    }

    /// `page` rows up; stops on the first row.
    pub fn page_up(&mut self, page: usize) {
        self.selected = self.selected.saturating_sub(page);
    }

    /// The first row to draw in `height` rows: 0 until the selection would fall below
    /// the last visible row, then scrolled so the selection is on the last one.
    pub fn offset(self, height: usize) -> usize {
        self.selected.saturating_sub(height.max(1) - 1)
    }

    /// The rows that fit in `height`, with their indexes, scrolled to the selection.
    pub fn visible<T>(self, items: &[T], height: usize) -> impl Iterator<Item = (usize, &T)> {
        let height = height.max(1);
        items
            .iter()
            .enumerate()
            .skip(self.offset(height))
            .take(height)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(i: usize, len: usize) -> ListCursor {
        let mut c = ListCursor::default();
        c.select(i, len);
        c
    }

    #[test]
    fn moves_stay_inside_the_list() {
        let mut c = ListCursor::default();
        c.prev();
        assert_eq!(c.index(), 0);
        c.next(3);
        c.next(3);
        c.next(3);
        assert_eq!(c.index(), 2, "stays on the last row");
        c.first();
        assert_eq!(c.index(), 0);
        c.last(3);
        assert_eq!(c.index(), 2);
        c.last(0);
        assert_eq!(c.index(), 0, "an empty list selects row 0");
        c.next(0);
        assert_eq!(c.index(), 0);
    }

    #[test]
    fn pages_move_by_the_page_and_stop_at_the_ends() {
        let mut c = ListCursor::default();
        c.page_down(25, 10);
        assert_eq!(c.index(), 10);
        c.page_down(25, 10);
        assert_eq!(c.index(), 20);
        c.page_down(25, 10);
        assert_eq!(c.index(), 24, "stops on the last row");
        c.page_up(10);
        assert_eq!(c.index(), 14);
        c.page_up(10);
        assert_eq!(c.index(), 4);
        c.page_up(10);
        assert_eq!(c.index(), 0, "stops on the first row");
        c.page_down(0, 10);
        assert_eq!(c.index(), 0, "an empty list does not move");
    }

    #[test]
    fn a_shrunk_list_pulls_the_selection_back() {
        let mut c = at(7, 10);
        c.clamp(4);
        assert_eq!(c.index(), 3);
        c.clamp(0);
        assert_eq!(c.index(), 0);
        assert_eq!(at(9, 3).index(), 2);
    }

    #[test]
    fn the_selection_stays_in_view() {
        // Five rows fit: no scrolling until the sixth row is selected.
        assert_eq!(at(0, 20).offset(5), 0);
        assert_eq!(at(4, 20).offset(5), 0);
        assert_eq!(at(5, 20).offset(5), 1);
        assert_eq!(at(19, 20).offset(5), 15);
        // A zero-height area still shows the selected row.
        assert_eq!(at(3, 20).offset(0), 3);
        let items: Vec<u32> = (0..20).collect();
        let shown: Vec<usize> = at(7, 20).visible(&items, 5).map(|(i, _)| i).collect();
        assert_eq!(shown, [3, 4, 5, 6, 7]);
        assert_eq!(at(2, 20).pick(&items), Some(&2));
        assert!(at(0, 0).pick(&[] as &[u32]).is_none());
        assert!(at(2, 20).is(2) && !at(2, 20).is(3));
    }
}
