//! Right-to-left aware layout of paragraphs for terminals that do no bidi and
//! no Arabic joining. Pure: strings in, strings out, no terminal.
//!
//! The pipeline for one paragraph: shape in logical order ([`shape`]), wrap in
//! logical order at UAX #14 opportunities ([`wrap`]), then reorder each line per
//! UAX #9 by grapheme cluster, mirroring at odd levels ([`reorder`]). Every cell
//! keeps the byte range of the original text it shows.

mod clusters;
mod forms;
mod reorder;
mod shape;
mod wrap;

use std::ops::Range;

use serde::{Deserialize, Serialize};
use unicode_bidi::{BidiInfo, Level};

pub use clusters::{Clusters, FastBidiData};
pub use reorder::{removed_by_x9, visual_units, VisualUnit};
pub use shape::{shape, Shaped};
pub use wrap::{cell_width, wrap};

/// Who reorders right-to-left text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum BidiMode {
    /// sahifa reorders, and asks bidi-capable terminals not to.
    #[default]
    App,
    /// The terminal reorders: sahifa emits logical order.
    Terminal,
}

/// Who joins Arabic letters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum ShapingMode {
    /// sahifa substitutes presentation forms.
    #[default]
    App,
    /// The terminal shapes: letters are left in their nominal forms.
    Terminal,
}

/// A paragraph's base direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

/// How to lay out a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Width of a line in cells.
    pub width: usize,
    /// Who reorders.
    pub bidi: BidiMode,
    /// Who joins letters.
    pub shaping: ShapingMode,
    /// Base direction; `None` takes it from the first strong character (P2–P3).
    pub direction: Option<Direction>,
}

impl LayoutOptions {
    /// App bidi and shaping, direction from the text, at `width` cells.
    pub fn new(width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            bidi: BidiMode::App,
            shaping: ShapingMode::App,
            direction: None,
        }
    }
}

/// One cell-producing unit on a visual line. Offsets are `u32` (a paragraph
/// is at most one 64 MB file): a laid-out paragraph holds one per cluster,
/// and half the size is half the memory of a long paragraph's layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Bytes of [`VisualLine::text`] this unit occupies.
    text: Range<u32>,
    /// Bytes of the original paragraph it shows.
    logical: Range<u32>,
    /// Cells it takes on screen.
    pub width: u8,
}

impl Cell {
    /// Bytes of [`VisualLine::text`] this unit occupies.
    pub fn text(&self) -> Range<usize> {
        self.text.start as usize..self.text.end as usize
    }

    /// Bytes of the original paragraph it shows.
    pub fn logical(&self) -> Range<usize> {
        self.logical.start as usize..self.logical.end as usize
    }
}

fn narrow(r: Range<usize>) -> Range<u32> {
    r.start as u32..r.end as u32
}

/// One line as it is to be written, left to right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    /// Characters in the order the terminal writes them.
    pub text: String,
    /// Width in cells.
    pub width: usize,
    /// The units of `text`, left to right.
    pub cells: Vec<Cell>,
}

/// A laid-out paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The resolved base direction: right-to-left paragraphs are right-aligned.
    pub direction: Direction,
    /// Lines top to bottom.
    pub lines: Vec<VisualLine>,
}

impl Paragraph {
    /// Left padding that aligns `line` in `width` cells: flush right for RTL.
    pub fn indent(&self, line: &VisualLine, width: usize) -> usize {
        match self.direction {
            Direction::Rtl => width.saturating_sub(line.width),
            Direction::Ltr => 0,
        }
    }
}

/// Paragraphs longer than this are laid out a piece at a time.
const PIECE: usize = 64 * 1024;

/// Lays out one paragraph (no line breaks inside) as visual lines.
///
/// A paragraph of more than [`PIECE`] bytes (no article has one; a hostile
/// page can) is laid out in pieces of about that size, cut at spaces, with
/// the whole paragraph's base direction: the work stays in cache and in
/// proportion to the text, where one layout of megabytes cost many times
/// more per byte. A piece boundary ends a line, and an explicit embedding
/// does not reach across one.
pub fn layout(text: &str, opts: &LayoutOptions) -> Paragraph {
    if text.len() <= PIECE {
        return layout_piece(text, opts);
    }
    let direction =
        opts.direction
            .unwrap_or_else(|| match unicode_bidi::get_base_direction(text) {
                unicode_bidi::Direction::Rtl => Direction::Rtl,
                _ => Direction::Ltr,
            });
    let piece_opts = LayoutOptions {
        direction: Some(direction),
        ..*opts
    };
    // Sized once (a line holds at least a cell per two bytes of Arabic):
    // growing a vector of a hundred thousand lines moves it many times.
    let mut lines = Vec::with_capacity(text.len() / (2 * opts.width.max(1)) + 1);
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + PIECE).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end < text.len() {
            // Cut after a space, if there is one in the second half.
            let mut mid = start + PIECE / 2;
            while !text.is_char_boundary(mid) {
                mid += 1;
            }
            if let Some(space) = text[mid..end].rfind(' ') {
                end = mid + space + 1;
            }
        }
        let offset = start as u32;
        for mut line in layout_piece(&text[start..end], &piece_opts).lines {
            for cell in &mut line.cells {
                cell.logical = cell.logical.start + offset..cell.logical.end + offset;
            }
            lines.push(line);
        }
        start = end;
    }
    Paragraph { direction, lines }
}

/// Lays out one paragraph, or one piece of a long one.
fn layout_piece(text: &str, opts: &LayoutOptions) -> Paragraph {
    let shaped = match opts.shaping {
        ShapingMode::App => shape(text),
        ShapingMode::Terminal => Shaped::identity(text),
    };
    let level = opts.direction.map(|d| match d {
        Direction::Ltr => Level::ltr(),
        Direction::Rtl => Level::rtl(),
    });
    let info = BidiInfo::new_with_data_source(&FastBidiData, &shaped.text, level);
    let direction = match info.paragraphs.first() {
        Some(p) if p.level.is_rtl() => Direction::Rtl,
        Some(_) => Direction::Ltr,
        None => opts.direction.unwrap_or(Direction::Ltr),
    };
    let Some(para) = info.paragraphs.first() else {
        return Paragraph {
            direction,
            lines: vec![VisualLine {
                text: String::new(),
                width: 0,
                cells: Vec::new(),
            }],
        };
    };
    let clusters = Clusters::new(&shaped.text);
    let origins = shaped.origins_of(clusters.ranges());
    let source = Source {
        shaped: &shaped,
        clusters: &clusters,
        origins: &origins,
    };
    let lines = wrap::wrap_clusters(&shaped.text, &clusters, opts.width)
        .into_iter()
        .map(|range| match opts.bidi {
            BidiMode::App => source.line(visual_units(&info, para, range, Some(&clusters))),
            BidiMode::Terminal => {
                let units = clusters.indexed(range).map(|(index, range)| VisualUnit {
                    range,
                    rtl: false,
                    index,
                });
                source.line(units.collect())
            }
        })
        .collect();
    Paragraph { direction, lines }
}

/// A shaped paragraph with its clusters measured and traced to the input.
struct Source<'a> {
    shaped: &'a Shaped,
    clusters: &'a Clusters,
    origins: &'a [Range<u32>],
}

impl Source<'_> {
    /// Writes the units of one line in visual order.
    fn line(&self, units: Vec<VisualUnit>) -> VisualLine {
        let mut line = VisualLine {
            text: String::new(),
            width: 0,
            cells: Vec::with_capacity(units.len()),
        };
        for unit in units {
            let start = line.text.len();
            let s = &self.shaped.text[unit.range.clone()];
            if unit.rtl {
                reorder::push_mirrored(&mut line.text, s);
            } else {
                line.text.push_str(s);
            }
            // A cluster split between two runs is measured piece by piece.
            let width = if unit.range == self.clusters.range_of(unit.index) {
                self.clusters.width_of(unit.index)
            } else {
                cell_width(s)
            };
            line.width += width;
            line.cells.push(Cell {
                text: narrow(start..line.text.len()),
                logical: self.origins[unit.index].clone(),
                width: width.min(usize::from(u8::MAX)) as u8,
            });
        }
        line
    }
}

/// Lays out a paragraph as one unwrapped visual string (for titles and `render`).
pub fn visual_string(text: &str, opts: &LayoutOptions) -> String {
    let opts = LayoutOptions {
        width: usize::MAX / 2,
        ..*opts
    };
    layout(text, &opts)
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Escape sequences that ask bidi-capable terminals to leave ordering to us.
pub mod escapes {
    /// Enter explicit bidi mode (BDSM reset, `CSI 8 l`: VTE, mintty, WezTerm) and
    /// turn off mlterm's own bidi (`OSC 5379;use_ctl=false BEL`).
    pub const APP_BIDI_ON: &str = "\x1b[8l\x1b]5379;use_ctl=false\x07";
    /// Restore implicit bidi (`CSI 8 h`) and mlterm's default.
    pub const APP_BIDI_OFF: &str = "\x1b[8h\x1b]5379;use_ctl=true\x07";
    /// Restore implicit bidi for what is written next, leaving text already
    /// on screen as it is: VTE keeps each paragraph's mode, but mlterm
    /// applies `use_ctl` to the whole screen at once and would reorder
    /// visual lines still showing, so mlterm is left as [`APP_BIDI_ON`] set it.
    pub const APP_BIDI_OFF_KEEPING_SCREEN: &str = "\x1b[8h";
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;
