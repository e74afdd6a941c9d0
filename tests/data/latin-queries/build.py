#!/usr/bin/env python3
"""Builds dev.tsv and test.tsv: Latin spellings of Arab persons' names, with
the Arabic name each must find, for `sahifa-latin-eval` (measurement only).
dev.tsv is looked at to find what the matcher misses; test.tsv, other
names drawn from the same rows, is only scored, so its figures stay held
out.

Source: the Wikidata rows (CC0 1.0) of the full_names table of the PyPI
package arabic-name-romanizer 0.2.0 (MIT code; the Wikidata-derived data is
CC0, see its THIRD_PARTY_NOTICES.md). The product ships none of these Latin
spellings (its lexicon holds Arabic name units only), so every pair is held
out from what sahifa knows.

Chosen: persons of Arab League countries, names of two or three Arabic
words, 600 distinct names drawn with a fixed seed (the first 300 for dev,
the rest for test), each with up to three of its English-labelled Latin
spellings.

    python3 tests/data/latin-queries/build.py   # needs pip and network
"""
import os
import random
import sqlite3
import subprocess
import tempfile
import zipfile

PACKAGE = "arabic-name-romanizer==0.2.0"
ARAB = set("EG MA TN DZ IQ SA LB SY PS JO AE YE KW QA BH OM LY SD MR".split())
NAMES, SPELLINGS, SEED = 300, 3, 20261203
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pip", "download", "--no-deps", PACKAGE, "-d", tmp], check=True,
                       stdout=subprocess.DEVNULL)
        wheel = next(os.path.join(tmp, f) for f in os.listdir(tmp) if f.endswith(".whl"))
        db = os.path.join(tmp, "names.sqlite3")
        with zipfile.ZipFile(wheel) as z, open(db, "wb") as out:
            out.write(z.read("arabic_name_romanizer/resources/names.sqlite3"))
        rows = sqlite3.connect(db).execute(
            "select arabic_key, latin, country from full_names "
            "where source = 'wikidata' and latin_lang = 'en' order by arabic_key, latin").fetchall()
    spellings = {}
    for arabic, latin, country in rows:
        words = arabic.split()
        if country in ARAB and 2 <= len(words) <= 3 and latin.isascii():
            spellings.setdefault(arabic, [])
            if latin.lower() not in (s.lower() for s in spellings[arabic]):
                spellings[arabic].append(latin)
    chosen = random.Random(SEED).sample(sorted(spellings), 2 * NAMES)
    for name, part in [("dev.tsv", chosen[:NAMES]), ("test.tsv", chosen[NAMES:])]:
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as out:
            out.write("# arabic\tlatin (built by build.py from %s, Wikidata CC0)\n" % PACKAGE)
            for arabic in sorted(part):
                for latin in spellings[arabic][:SPELLINGS]:
                    out.write(f"{arabic}\t{latin}\n")


if __name__ == "__main__":
    main()
