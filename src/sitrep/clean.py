"""Cleaning that keeps offsets: mark the noise of scraped news, never cut it out.

Marked spans (keyword-title lines, photo captions and credits, bylines, "Read
more" lines) stay in the text, so offsets still index the text as given and a
caption can still be searched for events; they are just not body sentences.
The patterns live in ``data/noise.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["NOISE_KINDS", "find_noise"]

NOISE_KINDS = ("keywords", "caption", "credit", "byline", "readmore", "dateline")

_SENTENCE_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    raw = yaml.safe_load(resources.files("sitrep.data").joinpath("noise.yaml").read_text("utf-8"))
    agencies = "|".join(re.escape(a) for a in raw["agencies"])
    credit = re.compile(raw["credit_line_end"].replace("{AGENCIES}", agencies))
    inline = re.compile(raw["inline_credit"].replace("{AGENCIES}", agencies))
    return {
        "credit": credit,
        "inline_credit": inline,
        "dateline": re.compile(raw["dateline"]),
        "dateline_title": re.compile(raw["dateline_title"]),
        "caption_prefix": re.compile(raw["caption_prefix"], re.IGNORECASE),
        "byline": [re.compile(p) for p in raw["byline"]],
        "readmore": re.compile(raw["readmore"], re.IGNORECASE),
        "keyword_max_words": int(raw["keyword_max_words"]),
        "keyword_label": re.compile(raw["keyword_label"], re.IGNORECASE),
    }


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, whitespace trimmed."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        if body:
            start = m.start() + lead
            spans.append((start, start + len(body)))
    return spans


def _full_dateline(found: str) -> bool:
    """A bare "WORD -" may open a body line ("ISIS - the group..."); a dateline adds a country,
    date or agency, or the AP's em dash ("WASHINGTON —"), or names a city ("BEIRUT -"), not an acronym."""
    if any(c in found for c in ",(—–") or any(c.isdigit() for c in found):
        return True
    return len(found.rstrip(" -").replace(" ", "")) >= 5


def find_noise(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) for every noise span of ``text``, sorted by start."""
    pat = _patterns()
    lines = _lines(text)
    seen: dict[str, int] = {}
    for start, end in lines:
        seen[text[start:end]] = seen.get(text[start:end], 0) + 1
    out: list[tuple[int, int, str]] = []
    for start, end in lines:
        line = text[start:end]
        words = line.split()
        if pat["readmore"].match(line):
            out.append((start, end, "readmore"))
            continue
        if any(p.match(line) for p in pat["byline"]):
            out.append((start, end, "byline"))
            continue
        credit = pat["credit"].search(line)
        if credit and len(words) > 4:
            # A caption ends in the photographer's credit ("Name/Reuters").
            cut = start + credit.start()
            out.append((start, cut, "caption"))
            out.append((cut, end, "credit"))
            continue
        if pat["caption_prefix"].match(line):
            out.append((start, end, "caption"))
            continue
        if pat["keyword_label"].match(line) or (
            seen[line] > 1
            and len(words) <= pat["keyword_max_words"]
            and not _SENTENCE_END.search(line)
        ):
            # Scraped pages repeat their tag or keyword header; prose never repeats verbatim.
            out.append((start, end, "keywords"))
            continue
        skip = 0
        dateline = pat["dateline"].match(line) or pat["dateline_title"].match(line)
        if dateline and len(words) > 4 and _full_dateline(dateline.group()):
            # Kept apart from the sentence it opens: the sentence stays body text.
            out.append((start, start + dateline.end(), "dateline"))
            skip = dateline.end()
        for m in pat["inline_credit"].finditer(line, skip):
            out.append((start + m.start(), start + m.end(), "credit"))
    return sorted(out)
