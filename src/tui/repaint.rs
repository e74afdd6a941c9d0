//! When the reader must repaint the whole screen instead of changed cells.
//!
//! Arabic glyphs spill over their cells' edges in terminals such as xterm:
//! a dot or a hamza drawn into a neighbouring cell stays there when only
//! the changed cells are rewritten. A view opening or closing, or any
//! scroll (even of one line, seen leaving dots behind in xterm), changes
//! nearly every cell anyway, so those frames are drawn whole (the screen
//! cleared first), which leaves no ink behind. Moving the selection within
//! a page rewrites two whole rows and stays a cell update.

/// What is on screen, as far as leftover ink is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// Which views and overlays are open (the article, facets, help, filter box).
    pub layers: [bool; 4],
    /// The open article, if any.
    pub article: Option<usize>,
    /// The first row shown of the list or the article.
    pub top: usize,
}

impl Screen {
    /// Whether going from `self` to `next` needs a full repaint.
    pub fn needs_full_repaint(&self, next: &Screen) -> bool {
        self.layers != next.layers || self.article != next.article || self.top != next.top
    }
}

#[cfg(test)]
mod tests {
    use super::Screen;

    const LIST: Screen = Screen {
        layers: [false; 4],
        article: None,
        top: 10,
    };

    #[test]
    fn the_same_page_is_drawn_by_cells() {
        assert!(!LIST.needs_full_repaint(&LIST));
    }

    #[test]
    fn pages_views_and_overlays_are_drawn_whole() {
        assert!(LIST.needs_full_repaint(&Screen { top: 11, ..LIST }));
        assert!(LIST.needs_full_repaint(&Screen { top: 12, ..LIST }));
        assert!(LIST.needs_full_repaint(&Screen { top: 0, ..LIST }));
        for layer in 0..4 {
            let mut layers = [false; 4];
            layers[layer] = true;
            assert!(
                LIST.needs_full_repaint(&Screen { layers, ..LIST }),
                "{layer}"
            );
            assert!(
                Screen { layers, ..LIST }.needs_full_repaint(&LIST),
                "{layer}"
            );
        }
        let open = Screen {
            article: Some(3),
            ..LIST
        };
        assert!(open.needs_full_repaint(&Screen {
            article: Some(4),
            ..open
        }));
    }
}
