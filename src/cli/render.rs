//! `sahifa render`: logical text on stdin, visual lines on stdout.

use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::args::RenderArgs;
use super::pager::write_visual;
use crate::corpus::strip_controls;
use crate::layout::{layout, BidiMode, LayoutOptions};

/// Lays out each input line as a paragraph and prints its visual lines: on a
/// terminal, right-to-left paragraphs right-aligned and, when stdin is not
/// the terminal too, through the pager.
pub fn run(args: &RenderArgs, input: &mut dyn BufRead, out: &mut dyn Write) -> Result<ExitCode> {
    let opts = LayoutOptions {
        direction: args.direction,
        ..args.display.options()
    };
    let tty = std::io::stdout().is_terminal();
    let paged = !args.no_pager && !std::io::stdin().is_terminal();
    write_visual(paged, opts.bidi == BidiMode::App, out, |w| {
        render(input, &opts, tty, w)
    })?;
    Ok(ExitCode::SUCCESS)
}

fn render(
    input: &mut dyn BufRead,
    opts: &LayoutOptions,
    align: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let mut line = Vec::new();
    loop {
        line.clear();
        if input
            .read_until(b'\n', &mut line)
            .context("reading stdin")?
            == 0
        {
            break;
        }
        let text = strip_controls(&String::from_utf8_lossy(&line));
        let text = text.trim_end_matches('\n').replace('\t', " ");
        if text.is_empty() {
            writeln!(out)?;
            continue;
        }
        let para = layout(&text, opts);
        for line in &para.lines {
            let pad = if align {
                para.indent(line, opts.width)
            } else {
                0
            };
            writeln!(out, "{:pad$}{}", "", line.text)?;
        }
    }
    Ok(())
}
