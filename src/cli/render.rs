//! `sahifa render`: logical text on stdin, visual lines on stdout.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::args::RenderArgs;
use crate::corpus::strip_controls;
use crate::layout::{layout, LayoutOptions};

/// Lays out each input line as a paragraph and prints its visual lines.
pub fn run(args: &RenderArgs, input: &mut dyn BufRead, out: &mut dyn Write) -> Result<ExitCode> {
    let opts = LayoutOptions {
        direction: args.direction,
        ..args.display.options()
    };
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
        for l in layout(&text, &opts).lines {
            writeln!(out, "{}", l.text)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
