//! Writing laid-out visual lines into a buffer, cell by cell, so that each cell
//! can take the style of the logical text it shows (a highlighted name).

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::layout::{layout, LayoutOptions, Paragraph, VisualLine};

/// Writes one visual line at `x, y`, at most `width` cells; `style_of` gives
/// each cell's style from the logical bytes it shows.
pub fn line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    vline: &VisualLine,
    base: Style,
    style_of: &dyn Fn(&Range<usize>) -> Option<Style>,
) {
    let right = x.saturating_add(width).min(buf.area.right());
    let mut cx = x;
    for cell in &vline.cells {
        if cell.width == 0 {
            continue;
        }
        let w = cell.width as u16;
        if cx + w > right {
            break;
        }
        let style = style_of(&cell.logical()).map_or(base, |s| base.patch(s));
        buf.set_stringn(cx, y, &vline.text[cell.text()], usize::from(w), style);
        cx += w;
    }
}

/// A one-line rendering of `text` in `width` cells: the first visual line of
/// its layout, with an ellipsis at its logical end when it does not fit
/// (on the left for right-to-left text).
pub fn one_line(text: &str, opts: &LayoutOptions, width: usize) -> (Paragraph, bool) {
    let full = layout(
        text,
        &LayoutOptions {
            width: width.max(1),
            ..*opts
        },
    );
    let cut = full.lines.len() > 1;
    if !cut {
        return (full, false);
    }
    let mut p = layout(
        text,
        &LayoutOptions {
            width: width.saturating_sub(1).max(1),
            ..*opts
        },
    );
    p.lines.truncate(1);
    (p, true)
}

/// Writes `text` on one row of `area`, aligned by its direction, cut with an
/// ellipsis at its logical end.
pub fn text_row(buf: &mut Buffer, area: Rect, text: &str, opts: &LayoutOptions, style: Style) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let (p, cut) = one_line(text, opts, usize::from(area.width));
    let Some(vline) = p.lines.first() else { return };
    let rtl = p.direction == crate::layout::Direction::Rtl;
    let used = vline.width + usize::from(cut);
    let pad = if rtl {
        usize::from(area.width).saturating_sub(used) as u16
    } else {
        0
    };
    let mut x = area.x + pad;
    if cut && rtl {
        buf.set_string(x, area.y, "…", style);
        x += 1;
    }
    line(
        buf,
        x,
        area.y,
        area.width.saturating_sub(x - area.x),
        vline,
        style,
        &|_| None,
    );
    if cut && !rtl {
        buf.set_string(area.x + vline.width as u16, area.y, "…", style);
    }
}
