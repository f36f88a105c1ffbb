"""Score the gazetteer and resolver on the written probe passages (gold spans, within 161 km).

Each line of a.txt / b.txt is a passage whose toponyms are marked [[Name|lat|lon]]. Prints each
miss and the share resolved within 161 km. Run: .venv/bin/python train/geo_probe/score.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from sitrep.eval.geo import GoldArticle, GoldToponym, _article
from sitrep.geo import resolve_article
from sitrep.geo.gazetteer import open_default
from sitrep.geo.resolve import distance_km

_MARK = re.compile(r"\[\[([^|\]]+)\|([-\d.]+)\|([-\d.]+)\]\]")


def passage(line: str) -> GoldArticle:
    """The passage's text and its marked toponyms."""
    text, tops, pos = "", [], 0
    for m in _MARK.finditer(line):
        text += line[pos:m.start()]
        start = len(text)
        text += m.group(1)
        tops.append(GoldToponym(start, len(text), m.group(1), float(m.group(2)), float(m.group(3))))
        pos = m.end()
    return GoldArticle("probe", text + line[pos:], tops)


def main(paths: list[Path]) -> None:
    gaz = open_default()
    right = total = 0
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            gold = passage(line)
            for res, top in zip(resolve_article(None, _article(gold, True), gaz), gold.toponyms, strict=True):
                total += 1
                p = res.place
                if p is None or p.latitude is None or p.longitude is None:
                    print(f"none   {top.text!r:32} {gold.text[:80]}")
                    continue
                km = distance_km(p.latitude, p.longitude, top.latitude, top.longitude)
                if km <= 161:
                    right += 1
                else:
                    print(f"{km:6.0f} {top.text!r:32} -> {p.name}, {p.country} {p.fcode}")
    print(f"{right} of {total} within 161 km: {right / total:.3f}")


if __name__ == "__main__":
    here = Path(__file__).parent
    main([Path(a) for a in sys.argv[1:]] or [here / "a.txt", here / "b.txt"])
