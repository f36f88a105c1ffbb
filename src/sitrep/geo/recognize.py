"""Toponym recognition: spaCy's place entities joined with gazetteer matching.

The small English model misses or mislabels many places ("Aleppo" comes out as a
person or a nationality), so capitalised word runs are also matched against the
gazetteer; person names, organisations, months and other words in
``data/geo_words.yaml`` are kept out. Demonyms ("Syrian") stand for their country.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from ..casing import shown
from ..model import Article
from ..nlp import is_dateline, segment_kind
from .gazetteer import ALTERNATE, CODE, DEMONYM, MAIN, Candidate, Gazetteer
from .normalize import name_key

__all__ = ["Mention", "mentions_from_spans", "recognize", "words"]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NOISE = {"credit", "byline"}
_MAX_NGRAM = 5
_CONNECTORS = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ez", "de", "du",
               "la", "le", "del", "da", "dos", "das", "of", "-", "bin", "ibn", "abu", "umm", "bir",
               "wadi", "tal", "tell", "ras", "sidi", "ain", "ben", "o'", "upon", "on", "en", "sur"}


# the word after a name, past spaces (not a line break) and a possessive ("the Kakhovka dam's collapse")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z]+)(?:['\u2019]s)?(?![\w-])")
# what stands between two names of one list: a comma, "and", "or", or both
_LIST_GAP = re.compile(r"\s*(,\s*(and\s+|or\s+)?|and\s+|or\s+|&\s*)")


@dataclass
class Mention:
    """A toponym span and what recognition learnt about it."""

    start: int
    end: int
    text: str
    label: str  # spaCy's label, "GAZ" for a gazetteer match, "GOLD" for a given span
    admin_hint: bool = False  # followed by "province", "district", ...
    demonym: bool = False
    container: int | None = None  # index of a mention that contains it ("X, Y", "X in Y")
    sentence: int | None = None
    peers: tuple[int, ...] = ()  # indices of the names listed beside it ("A, B and C")
    # the hint came from a title alone ("the Lagos governor", "the New York border"): the unit of the
    # town of that name, not a namesake unit abroad
    titled: bool = False
    # the story's dateline ("HYDERABAD: ...", "PORTLAND, Ore. —"): where it was filed
    dateline: bool = False
    # the word just before the name, lower-cased ("the", "eastern", "'s" of "Nigeria's"), "" at the start
    before: str = ""
    # the word just after the name, lower-cased ("district" of "the Gombe district"), "" at a line's end
    after: str = ""
    # ... when it is a feature's head word ("dam" of "the Tishrin dam", "valley" of "the Jordan valley") and the
    # gazetteer holds the name with it
    feature: str = ""


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The word lists of data/geo_words.yaml (lower-cased sets)."""
    data = yaml.safe_load(resources.files("sitrep.data").joinpath("geo_words.yaml").read_text("utf-8"))
    return {k: {str(w).lower() for w in v} for k, v in data.items()}


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading article and trailing possessive or punctuation."""
    while start < end - 1 and (doc[start].lower_ in ("the", "a") or doc[start].text in ("-", "'s")):
        start += 1
    while end > start + 1 and doc[end - 1].text in ("'s", "’s", "'", "’", ",", "-"):
        end -= 1
    return start, end


def _variants(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Spans to try for an entity, fullest first; the last is the one kept when none is known.

    As given; without "province"; without a direction word ("eastern Aleppo"); without both.
    """
    w = words()
    a, b = _trim(doc, start, end)
    bare_b = b
    while bare_b > a + 1 and (doc[bare_b - 1].lower_ in w["admin_words"] or doc[bare_b - 1].lower_ in ("city", "town")):
        bare_b -= 1
    bare_a = a
    while bare_a < bare_b - 1 and doc[bare_a].lower_ in w["directions"]:
        bare_a += 1
    out = [(a, b), (a, bare_b), (bare_a, b), (bare_a, bare_b), (a, bare_b)]
    return [*dict.fromkeys(out[:-1]), out[-1]]


def _hyphened(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """The span widened to the whole hyphenated word it is part of ("Salaam" of "Dar-es-Salaam")."""
    while a > 0 and not doc[a - 1].whitespace_ and "-" in (doc[a - 1].text, doc[a].text):
        a -= 1
    while b < len(doc) and not doc[b - 1].whitespace_ and "-" in (doc[b].text, doc[b - 1].text):
        b += 1
    return a, b


def _plural_people(text: str) -> bool:
    """"Syrians", "Turks": a people rather than a country's adjective."""
    return text.endswith("s") and not text.endswith("ss") and text.lower() not in ("swiss", "lebanese")


def _is_name_token(tok: Token) -> bool:
    text = tok.text
    if not text or not text[0].isalpha():
        return False
    return text[0].isupper() and not (tok.is_sent_start and tok.lower_ in words()["not_places"]) \
        and tok.lower_.rstrip(".") not in words()["titles"]


# a town this big is well known by its name alone (_notable, _unit_or_city)
_SIZEABLE_TOWN = 100_000


def _read_as_common(span: Span) -> bool:
    """Whether the parser read a run of a line in capitals or Title Case as common words (``casing``)."""
    return not any(shown(t)[:1].isupper() for t in span)


def _unit_or_city(span: Span, cands: tuple[Candidate, ...]) -> bool:
    """What a run read as common words may still name: a unit, region or feature ("IN PLATEAU", "Cultists
    Kill 4 In Rivers", "LA UNION DEPARTMENT") or a city of 100,000, but not through a word of grammar ("IN
    THE SAME AREA" is no Same of Tanzania, "AT THE" no Teresina) nor as a small town ("THE CONVOY")."""
    return not any(t.lower_ in STOP_WORDS for t in span) and any(
        c.kind <= 1 and (c.fclass != "P" or c.population >= _SIZEABLE_TOWN) for c in cands)


def _notable(cands: tuple[Candidate, ...]) -> bool:
    """A name whose best reading is well known: a country, region or sizeable town."""
    for c in cands[:5]:
        if c.kind > 1:
            continue
        if c.fcode in ("PCLI", "CONT", "ADM1") and c.latitude is not None:
            return True
        if c.population >= _SIZEABLE_TOWN:
            return True
    return False


def _country_or_big(cands: tuple[Candidate, ...]) -> bool:
    """A country, or a city of a million: "Jordan condemned", "Sanaa fell"."""
    return any(c.kind <= 1 and (c.fcode == "PCLI" or c.population >= 1_000_000) for c in cands[:3])


def _has_preposition(doc: Doc, start: int) -> bool:
    i = start - 1
    while i >= 0 and (doc[i].lower_ in words()["directions"] or doc[i].lower_ in ("the",)):
        i -= 1
    return i >= 0 and doc[i].lower_ in words()["place_preps"]


def recognize(doc: Doc, article: Article, gaz: Gazetteer) -> list[Mention]:
    """The toponyms of a parsed article, in text order."""
    w = words()
    lower_words = {t.lower_ for t in doc if t.text.islower()}
    taken = [False] * len(doc)
    found: list[tuple[int, int, str, bool]] = []  # token start, end, label, demonym

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    def take(a: int, b: int, label: str, demonym: bool = False) -> None:
        for i in range(a, b):
            taken[i] = True
        found.append((a, b, label, demonym))

    ents = list(doc.ents)
    # Words of full personal names ("Michael Jordan"): alone later on, they name the person.
    person_words = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    ent_of: dict[int, Span] = {}
    for ent in ents:
        for i in range(ent.start, ent.end):
            ent_of[i] = ent
    # 1. spaCy's own place entities and nationality adjectives.
    for ent in ents:
        if ent.label_ in _PLACE_LABELS:
            spans = _variants(doc, ent.start, ent.end)
            hits = [(a, b) for a, b in spans[:-1] if gaz.lookup(doc[a:b].text)]
            a, b = hits[0] if hits else spans[-1]
            whole = _hyphened(doc, a, b)
            if whole != (a, b) and free(*whole) and gaz.lookup(doc[whole[0] : whole[1]].text):
                a, b = whole  # "Dar-es-Salaam" of which the NER took "Salaam"
            text = doc[a:b].text
            if text.lower().rstrip(".") in w["not_places"] or not text[:1].isupper():
                continue
            if doc[ent.start].lower_.rstrip(".") in w["titles"] or text in person_words:
                continue  # "Ms Raggi" labelled as a place; "Jordan" after "Michael Jordan"
            cands = gaz.lookup(text)
            if ent.label_ == "FAC" and not cands:
                continue
            if cands and cands[0].kind == DEMONYM:
                if not _plural_people(text):
                    take(a, b, ent.label_, demonym=True)
                continue
            take(a, b, ent.label_)
        elif ent.label_ == "NORP":
            cands = gaz.lookup(ent.text)
            if cands and cands[0].kind == DEMONYM and ent.text.lower() not in w["not_places"] \
                    and not _plural_people(ent.text):
                take(ent.start, ent.end, "NORP", demonym=True)
    # 2. Capitalised runs that the gazetteer knows, longest first.
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if taken[i] or not _is_name_token(tok):
            i += 1
            continue
        matched = False
        for size in range(min(_MAX_NGRAM, n - i), 0, -1):
            j = i + size
            span = doc[i:j]
            if not free(i, j) or not _is_name_token(doc[j - 1]) or (j < n and doc[j].text.startswith("$")):
                continue
            if any("\n" in t.text or (not _is_name_token(t) and t.lower_ not in _CONNECTORS)
                   for t in span):
                continue
            if _name_goes_on(doc, j):
                continue  # "Stade" of "Stade de France", "Bank" of "Bank of England": not the town
            text = span.text
            if text.lower().rstrip(".") in w["not_places"]:
                continue
            cands = tuple(c for c in gaz.lookup(text) if _form_fits(c, text))
            if not cands or (_read_as_common(span) and not _unit_or_city(span, cands)):
                continue
            if text not in person_words and _accept(doc, i, j, text, cands, ent_of, lower_words, taken):
                take(i, j, "GAZ", demonym=cands[0].kind == DEMONYM)
                matched = True
                i = j
                break
        if not matched:
            i += 1
    return _finish(doc, article, _joined(doc, _capitals(doc, sorted(found)), gaz))


def _capitals(doc: Doc, spans: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """A nationality before "capital" ("the Somali capital", "the Kenyan and Tanzanian capitals") is
    labelled CAPITAL, a country after "embassy in" EMBASSY: each still reads as its country, as
    geoparsing corpora code it, and the event location step places an event told there at the
    country's capital city, or where its embassies are (``Place.seat``)."""
    out = list(spans)
    embassy = False  # the names so far are a list after "embassy in"
    for k, (a, b, _label, demonym) in enumerate(spans):
        listed = k > 0 and doc[spans[k - 1][1] : a].text.strip(" ,") in ("", "and")
        embassy = (a >= 2 and doc[a - 1].lower_ == "in" and doc[a - 2].lower_ in ("embassy", "embassies")) or (
            embassy and listed)
        if embassy and not demonym:
            # "the U.S. embassy in Tanzania", "embassies in Kenya and Tanzania": in its embassies' city
            out[k] = (a, b, "EMBASSY", False)
            continue
        if not demonym or b >= len(doc) or doc[b].lower_ not in ("capital", "capitals"):
            continue
        j = k - 1
        while doc[b].lower_ == "capitals" and j >= 0 and spans[j][3] \
                and doc[spans[j][1] : spans[j + 1][0]].text.strip(" ,") in ("", "and"):
            j -= 1
        first = spans[j + 1][0]
        # "the U.S. embassies in the Kenyan and Tanzanian capitals": where the embassies are
        label = "EMBASSY" if any(t.lower_ in ("embassy", "embassies") for t in doc[max(0, first - 3) : first]) \
            else "CAPITAL"
        for i in range(j + 1, k + 1):
            out[i] = (spans[i][0], spans[i][1], label, True)
    return out


def _joined(doc: Doc, spans: list[tuple[int, int, str, bool]], gaz: Gazetteer) -> list[tuple[int, int, str, bool]]:
    """"Jammu and Kashmir", "Trinidad and Tobago": two names and an "and" that the gazetteer holds
    as one place are that place."""
    out: list[tuple[int, int, str, bool]] = []
    for span in spans:
        if out and not span[3] and not out[-1][3] and out[-1][1] + 1 == span[0] and doc[out[-1][1]].lower_ == "and":
            whole = doc[out[-1][0]:span[1]].text
            key = name_key(whole)
            if any(c.kind % 10 == MAIN and name_key(c.name) == key for c in gaz.lookup(whole)):
                out[-1] = (out[-1][0], span[1], out[-1][2], False)
                continue
        out.append(span)
    return out


def _form_fits(c: Candidate, text: str) -> bool:
    """Whether the written form can mean this reading: a code or a short alternate
    ("ACT", "WA", "BC") only when written as an abbreviation, not "Act" or "Wa"."""
    kind = c.kind % 10
    if kind == CODE:
        return text.isupper() and len(text.replace(".", "")) <= 3
    if kind == ALTERNATE and len(name_key(text)) <= 4:
        return "." in text or text.isupper()
    return True


def _accept(doc: Doc, i: int, j: int, text: str, cands: tuple[Candidate, ...],
            ent_of: dict[int, Span], lower_words: set[str], taken: list[bool]) -> bool:
    """Whether a gazetteer match outside spaCy's place entities is a toponym."""
    if cands[0].kind == DEMONYM:
        # A nationality inside a person's or group's name is not a place.
        ent = ent_of.get(i)
        return ent is None or ent.label_ in ("NORP",) or (ent.end - ent.start) <= (j - i)
    if all(c.kind >= 3 for c in cands[:3]) and not text.isupper():
        return False
    if text.replace(".", "").isupper() and len(text.replace(".", "")) <= 5 \
            and not any(c.fcode in ("PCLI", "ADM1") for c in cands[:3]):
        return False  # acronyms: "GOP", "IRNA", "SWAT" (a district of Pakistan too)
    if _plural_people(text) and cands[0].kind == DEMONYM:
        return False
    if text.lower() in lower_words:
        return False
    if j - i == 1 and doc[i].pos_ not in ("PROPN", "X", "") and i not in ent_of and not _country_or_big(cands):
        return False  # a capitalised common word ("Meeting", "Part"), unless NER saw a name there
    ent = ent_of.get(i)
    in_name = ent is not None and ent.label_ in ("PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW")
    if in_name and ent is not None:
        if ent.start < i or ent.end > j:
            # Part of a longer name: "Jordan" in "Michael Jordan", "Aleppo Media Centre".
            if ent.label_ == "ORG" and i > ent.start and doc[i - 1].lower_ in ("of", "in"):
                return _notable(cands)
            if ent.label_ == "ORG" and j == ent.end and i == ent.start + 1 and doc[ent.start].text.isupper() \
                    and len(doc[ent.start].text) <= 5:
                # A broadcaster's or agency's local desk: "CBC Toronto", "CTV Winnipeg", "BBC Scotland".
                return _notable(cands)
            if ent.label_ == "ORG" and (i == ent.start or (i == ent.start + 1 and doc[ent.start].lower_ == "the")):
                # "Winnipeg police", "the Texas Department of ...": the place the body belongs to.
                return _notable(cands)
            return False
        # The whole entity: a mislabel ("Aleppo" as PERSON) when the context says place
        # ("in X", "X, Y", "A and X" with A a place), or when the name is well known.
        root = doc[j - 1]
        context = _has_preposition(doc, i) or _next_is_place_punct(doc, j) \
            or (root.dep_ in ("conj", "appos") and taken[root.head.i])
        if context:
            return any(c.kind <= 1 and (c.population >= 1000 or c.fclass == "A") for c in cands[:5])
        return _notable(cands) and (ent.label_ != "PERSON" or _country_or_big(cands))
    if ent is not None and ent.label_ not in ("NORP",) and ent.label_ not in _PLACE_LABELS:
        # A date or number entity that swallowed a place ("Aleppo overnight" as TIME):
        # months and weekdays are in not_places already, so only well-known names pass.
        return _notable(cands)
    if _has_preposition(doc, i) or _next_is_place_punct(doc, j) or is_dateline(doc, i, j):
        return any(c.kind <= 1 for c in cands[:5])
    return _notable(cands) and (not doc[i].is_sent_start or doc[i].pos_ == "PROPN")


_NAME_LINKS = frozenset({"of", "de", "du", "des", "la", "le", "del", "di", "da", "dos", "das"})


def _name_goes_on(doc: Doc, j: int) -> bool:
    """The capitalised run continues past ``j`` through a lower-case link into another name."""
    return j + 1 < len(doc) and doc[j].text in _NAME_LINKS and _is_name_token(doc[j + 1])


def _next_is_place_punct(doc: Doc, j: int) -> bool:
    """"X, Y", "X province" or "X police" after the span."""
    if j < len(doc) and (doc[j].lower_ in words()["admin_words"] or doc[j].lower_ in words()["local_bodies"]):
        return True
    if j + 1 < len(doc) and doc[j].lower_ in (",", "in", "near") and doc[j + 1].ent_type_ in ("GPE", "LOC"):
        return True
    return j + 2 < len(doc) and doc[j].lower_ == "in" and doc[j + 1].lower_ == "the" \
        and doc[j + 2].ent_type_ in ("GPE", "LOC")


def _finish(doc: Doc, article: Article, spans: list[tuple[int, int, str, bool]]) -> list[Mention]:
    """Mentions with admin hints and containment, noise segments left out."""
    w = words()
    # the sentence of each token, once: Token.sent walks its sentence on every call (quadratic)
    sent_of = [0] * len(doc)
    for k, s in enumerate(doc.sents):
        sent_of[s.start : s.end] = [k] * (s.end - s.start)
    text = doc.text  # Doc.text joins every token on each call
    out: list[Mention] = []
    for a, b, label, demonym in spans:
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
        if segment_kind(article, start, end) in _NOISE:
            continue
        if text[start:end].endswith("$") or text[end:end + 1] == "$":
            continue  # a currency ("US$ 5", "A$"), not the country
        hint = b < len(doc) and _admin_word(doc[b].lower_)
        if a >= 2 and doc[a - 1].lower_ == "of" and doc[a - 2].lower_ in w["admin_words"]:
            hint = True
        title = b + 1 if b < len(doc) and doc[b].lower_ == "'s" else b
        titled = not hint and title < len(doc) and doc[title].lower_ in w["unit_titles"]
        sent = sent_of[a]
        out.append(Mention(start, end, text[start:end], label, hint or titled, demonym, None, sent, titled=titled,
                           dateline=_dateline(text, start, end), before=_word_before(text, start)))
    _link_containers(text, out)
    _link_lists(text, out)
    _mark_features(text, out)
    return out


def _dateline(text: str, start: int, end: int) -> bool:
    """The name opens the text or a line as a dateline: in capitals before ":", a dash, "(" or ","
    ("KABUL (Reuters) -", "PORTLAND, Ore. —"), or in any case before ":" ("Srinagar: Security forces")."""
    if start > 0 and text[start - 1] != "\n":
        return False
    after = text[end:end + 3].lstrip(" ")[:1]
    return after == ":" or (text[start:end].isupper() and after in ("—", "–", "-", "(", ","))


def _admin_word(word: str) -> bool:
    """A unit word, or its plural after the last of several names ("the North-West and South-West regions")."""
    admin = words()["admin_words"]
    return word in admin or (word.endswith("s") and (word[:-1] in admin or word[:-3] + "y" in admin))


def _word_before(text: str, start: int) -> str:
    """The word just before ``start``, lower-cased, with "'s" standing for any possessive ("Nigeria's")."""
    words_before = text[max(0, start - 40):start].split()
    if not words_before or not text[start - 1:start].isspace():
        return ""
    word = words_before[-1].lower().replace("\u2019", "'")
    return "'s" if word.endswith("'s") else word.strip("(\"'")


def _mark_features(text: str, mentions: list[Mention]) -> None:
    """Note the word written after each name, and whether it is a feature's head ("the Tishrin dam")."""
    heads = words()["feature_words"]
    for m in mentions:
        found = _NEXT_WORD.match(text, m.end)
        if found is None:
            continue
        m.after = found.group(1).lower()
        following = _NEXT_WORD.match(text, found.end())
        if m.after not in heads or (following is not None and following.group(1).lower() in words()["admin_words"]):
            continue  # "Jos Plateau State" is a state, not the Jos Plateau
        if m.demonym and not found.group(1)[:1].isupper():
            continue  # "a Russian river port", "an Indian river": no Russian River of California
        m.feature = m.after


def _link_lists(text: str, mentions: list[Mention]) -> None:
    """Mark names listed side by side ("Armenia, Azerbaijan and Georgia") as each other's peers."""
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        if a.demonym or b.demonym:
            continue
        if _LIST_GAP.fullmatch(text[a.end:b.start]):
            a.peers += (k + 1,)
            b.peers += (k,)
    # "Jackson and Barrow counties": a plural unit word after a list names every member's kind
    admin = words()["admin_words"]
    for k, m in enumerate(mentions):
        nxt = text[m.end:m.end + 30].split(None, 1)
        word = nxt[0].lower().rstrip(",.;:") if nxt else ""
        if not (word.endswith("s") and (word[:-1] in admin or word[:-3] + "y" in admin)) or k - 1 not in m.peers:
            continue
        j = k
        while True:
            mentions[j].admin_hint = True
            if j - 1 not in mentions[j].peers:
                break
            j -= 1


# ", north of the city", ", 20 km south-east of the town", ", outside the city" (not "the city of Aleppo",
# which names its town, nor "the capital", which may be another country's)
_NEAR_THE_TOWN = re.compile(
    r",\s+(?:(?:some\s+|about\s+)?(?P<km>\d+)\s*(?:km|kilometres|kilometers|miles)\s+)?(?:just\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|outside|near)\s+"
    r"the\s+(?:city|town|port)\b(?!\s+(?:of\b|[A-Z]))")
# farther than this from the town, "X, ... of the city" no longer says X is its namesake near it
_NEAR_THE_TOWN_KM = 250


def _link_containers(text: str, mentions: list[Mention]) -> None:
    """Mark "X, Y" and "X in Y" pairs: Y contains X."""
    for k in range(len(mentions) - 1):
        m, nxt = mentions[k], mentions[k + 1]
        if m.demonym or nxt.demonym:
            continue
        gap = text[m.end:nxt.start]
        if len(gap) > 40:
            continue
        between = re.findall(r"[\w-]+|,", gap.lower())
        w = words()
        # "X, Y", "X in Y", "X district of Y", "X, in northern Y", "X province, Y"
        while between and (between[0] in w["admin_words"] or between[0] in ("city", "town", "village")):
            between = between[1:]
        if len(between) > 2 and between[0] == "," and between[1] in ("a", "an", "the"):
            # "Warsaw, a small town in Virginia": the apposition's place noun, then where it lies
            noun = next((i for i, t in enumerate(between[2:6], 2) if t in w["settlement_words"]), None)
            if noun is not None and between[noun + 1:noun + 2] in (["in"], ["of"]):
                between = between[noun + 1:]
        if between and between[0] in (",", "in", "of"):
            # (also "X, 20 km north of Y": Y holds it or lies beside it)
            rest = [t for i, t in enumerate(between[1:], 1) if t not in ("the", "in", ",") and t not in w["directions"]
                    and not t.isdigit() and not (t == "of" and between[i - 1] in w["directions"])]
            if not rest:
                m.container = k + 1
    # "residents of Phoenix, north of the city": the town the sentence named before it
    for k in range(1, len(mentions)):
        m, before = mentions[k], mentions[k - 1]
        if m.container is not None or m.demonym or before.demonym or before.sentence != m.sentence:
            continue
        near = _NEAR_THE_TOWN.match(text, m.end)
        if near and (near.group("km") is None or int(near.group("km")) <= _NEAR_THE_TOWN_KM):
            m.container = k - 1


# where a sentence ends without a parse: a full stop, "?" or "!" (and any closing quote or bracket), then
# space and a capital, an opening quote or a digit; or a line break
_SENTENCE_END = re.compile(r"""[.!?]["'\u201d\u2019)\]]*\s+(?=["\u201c\u2018(]?[A-Z0-9])|\n+""")


def _sentence_starts(doc: Doc | None, text: str) -> list[int]:
    """The character offsets where the text's sentences start: the parse's, else a plain split."""
    if doc is not None and doc.has_annotation("SENT_START"):
        return [s.start_char for s in doc.sents] or [0]
    starts = [0]
    short = words()["titles"] | words()["abbreviations"]
    for m in _SENTENCE_END.finditer(text):
        word = text[:m.start()].rsplit(None, 1)[-1] if text[:m.start()].strip() else ""
        # "Mr. Smith", "Lt. Gen.", "U.S. troops", "St. Louis": an abbreviation, no sentence's end
        if m.group().startswith(".") and (word.lower().strip("(\"'").rstrip(".") in short or "." in word
                                          or (len(word) == 1 and word.isupper())):
            continue
        starts.append(m.end())
    return starts


def _largest(cands: Sequence[Candidate]) -> int:
    """The population of the largest place a name's own (not alternate) readings give; -1 with none."""
    return max((c.population for c in cands if c.kind == MAIN), default=-1)


def mentions_from_spans(doc: Doc | None, article: Article, spans: list[tuple[int, int]],
                        gaz: Gazetteer) -> list[Mention]:
    """Mentions for given (gold) spans, with the same hints recognition would add."""
    text = article.text
    w = words()
    out: list[Mention] = []
    starts = _sentence_starts(doc, text)
    for start, end in sorted(set(spans)):
        if not (0 <= start < end <= len(text)) or not text[start:end].strip():
            continue  # a span outside the text, or blank: nothing to resolve
        phrase = text[start:end]
        cands = gaz.lookup(phrase)
        first_word = (name_key(phrase).split() or [""])[0]
        if phrase[-2:] in ("'s", "’s") and first_word not in w["saint_words"] and (
                bare := gaz.lookup(phrase[:-2])) and _largest(bare) > _largest(cands):
            # a span that takes in its possessive ("Nigeria's", "Victoria's" rather than Victorias of the
            # Philippines): the name is the place, unless the possessive is the name's, as a saint's mostly
            # is ("St. John's", "St George's", "St Mary's County")
            phrase, end, cands = phrase[:-2], end - 2, bare
        demonym = bool(cands) and cands[0].kind == DEMONYM
        after = text[end:end + 30].lstrip().split(" ", 1)[0].lower().strip(",.;:")
        before = text[max(0, start - 30):start].lower().split()
        title = re.sub(r"^'s\s+", "", text[end:end + 40].lstrip()).split(" ", 1)[0].lower().strip(",;:")
        titled = bool({title, title.rstrip(".")} & set(w["unit_titles"]))
        hint = _admin_word(after) or (len(before) >= 2 and before[-1] == "of"
                                             and before[-2] in w["admin_words"])
        phrase_words = phrase.lower().split()
        if phrase_words and phrase_words[-1] in w["admin_words"]:
            hint = True
        out.append(Mention(start, end, phrase, "GOLD", hint or titled, demonym, None,
                           bisect_right(starts, start) - 1, titled=titled and not hint,
                           dateline=_dateline(text, start, end), before=_word_before(text, start)))
    _link_containers(text, out)
    _link_lists(text, out)
    _mark_features(text, out)
    return out
