#!/usr/bin/env bash
# Screenshots of sahifa in real terminals (xterm, mlterm, VTE) under Xvfb, to
# look at after any change to what reaches the screen. Not part of cargo test:
# it needs X packages (see ../shared/tools/README.md) and a person's eyes.
#
#   tests/visual/shots.sh [OUT_DIR]        (default /tmp/sahifa-shots)
#
# For each terminal: render, show 003 in the pager and after it returned,
# show 003 --no-pager after it returned, and the reader (list, after a page
# of scrolling, an open article, the facets panel, the help box). Enlarge a
# part to read it: convert X.png -crop 600x40+0+0 -scale 300% z.png, and
# compare a line with `fribidi --nopad`.
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-/tmp/sahifa-shots}
SHOT=${TERM_SHOT:-../shared/tools/term-shot}
BIN=$PWD/target/release/sahifa
cargo build --release --quiet
mkdir -p "$OUT"
[ -d "$OUT/generated" ] || ./target/release/sahifa-corpus "$OUT/generated" 300 >/dev/null
unset NO_COLOR SAHIFA_CORPUS PAGER LESS
LINE='نص عربي (مثال) 2017/01/23 Putin'
for T in xterm mlterm vte; do
  $SHOT --term $T --cols 60 --rows 8 --out "$OUT/$T-render.png" -- \
    sh -c "echo '$LINE' | $BIN render --width 40 --no-pager"
  $SHOT --term $T --cols 100 --rows 30 --snap --keys q --pause 1 --out "$OUT/$T-show-paged.png" -- \
    "$BIN" show 003
  $SHOT --term $T --cols 100 --rows 30 --out "$OUT/$T-show-direct.png" -- \
    "$BIN" show 003 --no-pager
  # A list long enough to scroll: 300 generated articles.
  $SHOT --term $T --cols 100 --rows 30 --wait 3 --snap --keys "Next" --snap --keys "Next Down Down" --snap \
    --keys "Up Up Up Up" --snap --keys "End" --snap --keys q --out "$OUT/$T-scroll.png" -- \
    env XDG_CACHE_HOME="$OUT/cache" "$BIN" --corpus "$OUT/generated"
  $SHOT --term $T --cols 100 --rows 30 --snap \
    --keys "Next" --snap --keys "Prior Return" --snap --keys "Next" --snap \
    --keys "q f" --snap --keys "f question" --snap --keys "Escape q" \
    --out "$OUT/$T-reader.png" -- "$BIN"
done
ls "$OUT"
