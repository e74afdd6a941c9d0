//! Laying out any text at any width, in every mode, never panics, and every
//! visual line fits its width.
#![no_main]
use libfuzzer_sys::fuzz_target;
use sahifa::layout::{layout, BidiMode, Direction, LayoutOptions, ShapingMode};

fuzz_target!(|input: (u8, u8, &str)| {
    let (width, mode, text) = input;
    let opts = LayoutOptions {
        width: usize::from(width).max(1),
        bidi: if mode & 1 == 0 { BidiMode::App } else { BidiMode::Terminal },
        shaping: if mode & 2 == 0 { ShapingMode::App } else { ShapingMode::Terminal },
        direction: match mode >> 2 & 3 {
            0 => None,
            1 => Some(Direction::Ltr),
            _ => Some(Direction::Rtl),
        },
    };
    let para = layout(text, &opts);
    for line in &para.lines {
        assert!(line.width <= opts.width.max(2), "{} > {}", line.width, opts.width);
    }
});
