//! `sahifa man`: the manual page in roff, from the same clap definitions as
//! `--help`, plus what clap does not know: environment, files, the
//! configuration keys, the reader's key bindings and the exit status.

use std::io::Write;

use anyhow::Result;
use clap::CommandFactory;

use super::args::{Cli, EXIT_STATUS};
use crate::keys::{Context, KeyMap};
use crate::store::DEFAULT_CONFIG;

/// The environment variables sahifa reads, and what for.
const ENVIRONMENT: &[(&str, &str)] = &[
    ("SAHIFA_CORPUS", "The corpus when --corpus is not given."),
    (
        "SAHIFA_CONFIG_DIR",
        "Directory of config.toml (before XDG_CONFIG_HOME/sahifa).",
    ),
    (
        "XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME",
        "Where the configuration, the reading state (read marks, bookmarks, last position) and the index caches live, under sahifa/.",
    ),
    (
        "NO_COLOR",
        "When set and not empty, the reader uses no colour (as --color never).",
    ),
    (
        "PAGER",
        "The pager of show and render on a terminal (default: less -R; empty or cat: none).",
    ),
    (
        "TERM",
        "dumb (or unset): no full-screen reader; the article list is printed instead.",
    ),
];

/// Writes the whole page.
pub fn write(out: &mut dyn Write, version: &str) -> Result<()> {
    let cmd = Cli::command();
    let man = clap_mangen::Man::new(cmd.clone());
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    writeln!(out, ".SH COMMANDS")?;
    for sub in cmd.get_subcommands() {
        writeln!(out, ".SS \"sahifa {}\"", sub.get_name())?;
        if let Some(about) = sub.get_long_about().or(sub.get_about()) {
            writeln!(out, "{}", roff(&about.to_string()))?;
        }
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            let name = match (arg.get_long(), arg.get_value_names()) {
                (Some(long), Some(v)) if arg.get_action().takes_values() => {
                    format!("\\fB\\-\\-{long}\\fR \\fI{}\\fR", v[0])
                }
                (Some(long), _) if arg.get_action().takes_values() => {
                    format!(
                        "\\fB\\-\\-{long}\\fR \\fI{}\\fR",
                        arg.get_id().as_str().to_uppercase()
                    )
                }
                (Some(long), _) => format!("\\fB\\-\\-{long}\\fR"),
                (None, _) => format!("\\fI{}\\fR", arg.get_id().as_str().to_uppercase()),
            };
            if matches!(arg.get_long(), Some("help" | "version")) {
                continue;
            }
            writeln!(out, ".TP\n{name}")?;
            if let Some(help) = arg.get_long_help().or(arg.get_help()) {
                writeln!(out, "{}", roff(&help.to_string()))?;
            }
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if !values.is_empty() && arg.get_action().takes_values() {
                writeln!(out, ".br\nValues: {}.", roff(&values.join(", ")))?;
            }
        }
    }
    writeln!(out, ".SH \"KEY BINDINGS\"")?;
    writeln!(
        out,
        "The reader's keys, by view; every one can be changed in the [keys] tables of config.toml."
    )?;
    let keymap = KeyMap::default();
    for (context, title) in [
        (Context::List, "The article list"),
        (Context::Facets, "The persons-and-places panel"),
        (Context::Reader, "An open article"),
    ] {
        writeln!(out, ".SS \"{title}\"")?;
        for (keys, action) in keymap.describe(context) {
            writeln!(
                out,
                ".TP\n\\fB{}\\fR\n{}",
                roff(&keys),
                roff(action.describe())
            )?;
        }
    }
    writeln!(out, ".SH ENVIRONMENT")?;
    for (name, what) in ENVIRONMENT {
        writeln!(out, ".TP\n\\fB{name}\\fR\n{}", roff(what))?;
    }
    writeln!(out, ".SH FILES")?;
    writeln!(
        out,
        "config.toml (see ENVIRONMENT; \\fBsahifa config\\fR prints the paths, \\fBsahifa config \\-\\-init\\fR writes this commented file):"
    )?;
    writeln!(out, ".PP\n.nf\n.RS 4")?;
    for line in DEFAULT_CONFIG.lines() {
        writeln!(out, "{}", roff_line(line))?;
    }
    writeln!(out, ".RE\n.fi")?;
    writeln!(out, ".SH \"EXIT STATUS\"")?;
    writeln!(
        out,
        "{}",
        roff(EXIT_STATUS.trim_start_matches("Exit status: "))
    )?;
    writeln!(out, ".SH VERSION")?;
    writeln!(out, "{}", roff(version).replace('\n', "\n.br\n"))?;
    Ok(())
}

/// Escapes text for roff: backslashes, hyphens that are options, and a
/// leading dot or quote that would read as a request.
fn roff(text: &str) -> String {
    text.lines().map(roff_line).collect::<Vec<_>>().join("\n")
}

fn roff_line(line: &str) -> String {
    let escaped = line.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with('.') || escaped.starts_with('\'') {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::roff_line;

    #[test]
    fn roff_requests_and_escapes_are_neutralised() {
        assert_eq!(roff_line(".SH x"), "\\&.SH x");
        assert_eq!(roff_line("'x"), "\\&'x");
        assert_eq!(roff_line("a\\b --c"), "a\\eb \\-\\-c");
    }
}
