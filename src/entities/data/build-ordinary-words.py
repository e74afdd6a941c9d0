#!/usr/bin/env python3
"""Builds the list of ordinary Arabic words the tagger reads as a feature.

    python3 src/entities/data/build-ordinary-words.py

Downloads the pinned Debian package hunspell-ar 3.2-1.2 (Ayaspell, by Mohamed
Kebdani; checked by SHA-256) with `apt-get download`, reads the stems of its
`ar.dic` (stop words, particles, nouns and conjugated verbs, without the
affix flags) and writes `ordinary-words-ayaspell.txt`, byte for byte the
same on every run: each stem folded as sahifa folds text (hamza carriers to
their base letter, ى to ي, ة to ه, marks and tatweel dropped), of two letters
or more, sorted, once.

Ayaspell is released under GPL 2.0, LGPL 2.1 and MPL 1.1 at the user's
choice; this derived file is distributed under MPL 1.1 (see ATTRIBUTION.md).
Standard library only; needs apt-get and dpkg-deb.
"""

import hashlib
import os
import re
import subprocess
import sys
import tempfile

PACKAGE = "hunspell-ar=3.2-1.2"
DEB = "hunspell-ar_3.2-1.2_all.deb"
SHA256 = "63f18b13e40210e09985c31cee3dc6ffc5c35198f084dc2660e18b0848e79e28"
DIC = "./usr/share/hunspell/ar.dic"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "ordinary-words-ayaspell.txt")

# What src/text/fold.rs does to Arabic letters.
FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ئ": "ي", "ة": "ه", "ؤ": "و"})
DROPPED = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff]")
ARABIC = re.compile("^[\u0621-\u064a]{2,}$")

HEADER = """\
# Ordinary Arabic words: the stems of Ayaspell's hunspell dictionary ar.dic
# (Debian package hunspell-ar 3.2-1.2), folded as sahifa folds text, one per line.
# Built by build-ordinary-words.py; the tagger reads "an ordinary word" as a feature.
#
# The contents of this file are subject to the Mozilla Public License Version 1.1
# (the "License"); you may not use this file except in compliance with the License.
# You may obtain a copy of the License at http://www.mozilla.org/MPL/
# Software distributed under the License is distributed on an "AS IS" basis,
# WITHOUT WARRANTY OF ANY KIND, either express or implied. See the License for the
# specific language governing rights and limitations under the License.
# The Original Code is Ayaspell's ar.dic. The Initial Developer of the Original Code
# is Mohamed Kebdani; portions created by him are Copyright (C) 2006-2008. All
# Rights Reserved. Modified for sahifa: affix flags removed, letters folded, sorted.
"""


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["apt-get", "download", "-q", PACKAGE], cwd=tmp, check=True)
        deb = os.path.join(tmp, DEB)
        digest = hashlib.sha256(open(deb, "rb").read()).hexdigest()
        if digest != SHA256:
            sys.exit(f"build-ordinary-words: {DEB}: sha256 {digest}, expected {SHA256}")
        tar = subprocess.run(["dpkg-deb", "--fsys-tarfile", deb], check=True, capture_output=True).stdout
        dic = subprocess.run(["tar", "-xO", DIC], input=tar, check=True, capture_output=True).stdout
    words = set()
    for line in dic.decode("utf-8").splitlines():
        stem = line.split("/")[0].split("\t")[0].strip()
        stem = DROPPED.sub("", stem).translate(FOLD)
        if ARABIC.match(stem):
            words.add(stem)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for w in sorted(words):
            f.write(w + "\n")
    print(f"build-ordinary-words: {len(words)} words in {OUT}")


if __name__ == "__main__":
    main()
