//! `render`, and the visual/logical choice of `show` and `list`.

use std::path::Path;

use assert_cmd::Command;
use sahifa::layout::cell_width;

fn sahifa() -> Command {
    let mut cmd = Command::cargo_bin("sahifa").unwrap();
    cmd.env_remove("SAHIFA_CORPUS");
    isolate(&mut cmd);
    cmd
}

/// Keeps the tests' state and caches out of the user's home.
fn isolate(cmd: &mut Command) {
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("home-layout_cli");
    cmd.env_remove("SAHIFA_CONFIG_DIR")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"));
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn render_wraps_and_reorders_without_padding() {
    let out = stdout_of(
        sahifa()
            .args(["render", "--width", "12", "--shaping", "terminal"])
            .write_stdin("أب جد هو زح طي كل\n\nabc\n"),
    );
    assert_eq!(out, "حز وه دج بأ\nلك يط\n\nabc\n");
    let out = stdout_of(
        sahifa()
            .args(["render", "--bidi", "terminal", "--shaping", "terminal"])
            .write_stdin("أب (جد)\n"),
    );
    assert_eq!(out, "أب (جد)\n", "terminal bidi leaves logical order");
}

#[test]
fn piped_show_and_list_are_logical_unless_a_mode_is_given() {
    let logical = stdout_of(sahifa().args(["show", "002", "--logical"]));
    assert_eq!(stdout_of(sahifa().args(["show", "002"])), logical);
    let list = stdout_of(sahifa().arg("list"));
    assert!(list.contains("للمرة الأولى في تاريخ"));
    let visual = stdout_of(sahifa().args(["list", "--bidi", "app"]));
    assert!(
        !visual.contains("للمرة الأولى"),
        "titles laid out when a mode is given"
    );
}

#[test]
fn visual_show_right_aligns_rtl_paragraphs() {
    let out = stdout_of(sahifa().args(["show", "004", "--bidi", "app", "--width", "50"]));
    let lines: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
    assert!(lines.len() > 30);
    for line in lines {
        assert!(cell_width(line) <= 50, "too wide: {line}");
        assert_eq!(cell_width(line), 50, "RTL line not flush right: {line:?}");
    }
    assert!(
        !out.contains('\u{1b}'),
        "no terminal escapes when stdout is not a terminal"
    );
}
