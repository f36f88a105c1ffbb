"""Casualty counts in a sentence: figures, hedges, ranges, sums, tallies.

Reads the parse of one sentence: each figure ("at least 12", "dozens", "two hundred
and five") is tied to the word it counts (killed, injured, casualties) through the
dependency tree, with a short-window fallback. Knowledge is in ``data/counts.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token
from text_to_num import text2num  # type: ignore[import-untyped]

from ..model import Count

__all__ = ["Figure", "SentenceCounts", "lexicon", "read_counts", "victims", "word_number", "word_set"]


def _word_sets() -> dict[str, frozenset[str]]:
    """The word sets under ``words:`` in data/counts.yaml (people, shares, event nouns...)."""
    raw = yaml.safe_load(resources.files("sitrep.data").joinpath("counts.yaml").read_text("utf-8"))
    return {k: frozenset(str(w) for w in v) for k, v in raw["words"].items()}


_WORDS = _word_sets()

_NUMBER_WORDS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million",
}  # fmt: skip
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
# All-figure dates ("03-07-2015", "23.04.2017", "2020/05/29"): their parts are never counts.
_NUMERIC_DATE = re.compile(r"(?<![\d.,])\d{1,4}([-/.])\d{1,2}\1\d{1,4}(?![\d,]|\.\d)")
_MULT = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "am", "pm", "a.m.", "p.m.", "%", "percent", "per", "gmt", "utc",
}  # fmt: skip
_PERSON_NOUNS = _WORDS["person_nouns"]
# People of any kind: a list after them that adds up to their figure is its breakdown.
_GENERIC_PEOPLE = _WORDS["generic_people"]
_BREAKDOWN_PARTS = _WORDS["breakdown_parts"]
# Words that make a second hedged figure the top of the first one's range ("and perhaps as many as ten").
_PERHAPS = {"perhaps", "possibly", "maybe", "probably", "even"}
_REPORTING = _WORDS["reporting_verbs"]
_SUPERSEDED_MARKS = _WORDS["superseded_marks"]
_SUPERSEDED_NOUNS = _WORDS["superseded_nouns"]
_REVISING_VERBS = _WORDS["revising_verbs"]
_MORE_WORDS = _WORDS["more_words"]
_CONTRAST = _WORDS["contrast_marks"]
_ANYONE = _WORDS["anyone"]
_WOUND_SITES = _WORDS["wound_sites"]
_SURVIVED = _WORDS["survived_words"]
_PERIODS = _WORDS["periods"]
_KILLING = _WORDS["fold_killing_verbs"]
_BESIDE = [w.split() for w in _WORDS["beside_words"]]
_PERPETRATOR_WORDS = _WORDS["beside_perpetrators"]
# Words of a wire story's slug whose number is its version, never a count ("UPDATE 2-", "WRAPUP 1-").
_SLUGS = {"update", "wrapup", "refile", "corrected", "rpt"}
_ORDINALS = {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}
_GRADE_WORDS = _WORDS["grade_words"]
_PER_UNITS = _WORDS["per_units"]
_PROTESTED_BY = _WORDS["protested_by"]
_GATHERINGS = _WORDS["gatherings"]
_COLLECTIVE = _WORDS["collective"]
_FATALLY = _WORDS["fatal_adverbs"]
_FATALLY_VERBS = _WORDS["fatal_adverb_verbs"]
_AUX_WORDS = frozenset({"were", "was", "are", "is", "have", "has", "had", "been", "being", "also", "later",
                        "reportedly", "allegedly"})
_NUMBERED = re.compile(r"\d+(?:st|nd|rd|th)")
_SUBSET_WINDOW = {"including", "incl", "among", "amongst", "them", "whom"}
_PERSON_PRONOUNS = {"him", "her", "he", "she", "himself", "herself"}
# Verbs whose object or "for" phrase is the casualty word: "four people lost their lives",
# "two guards suffered injuries", "18 people were treated for wounds".
_SUFFER = _WORDS["suffer_verbs"]
# Running-total nouns whose "of" phrase holds the casualty word: "the number of people killed".
_RECENT = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
           "today", "overnight", "tonight"}  # fmt: skip
_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25}
_PARENTS = _WORDS["parents"]
_SHARES = _WORDS["shares"]
_AMOUNTED = _WORDS["amounted"]
_EVENT_NOUNS = _WORDS["event_nouns"]
_TOTAL_NOUNS = _WORDS["total_nouns"]


@dataclass
class _Lexicon:
    quantities: dict[tuple[str, ...], dict[str, Any]]
    hedges: dict[tuple[str, ...], dict[str, bool]]
    hedges_after: dict[tuple[str, ...], dict[str, bool]]
    fatal: set[str]
    injured: set[str]
    casualty: set[str]
    not_people: set[str]
    subset: set[str]
    tally_markers: list[tuple[str, ...]]
    tally_subjects: set[str]
    zero: set[str]
    starters: frozenset[str] = frozenset()  # first words of hedges and quantity words
    forms: frozenset[str] = frozenset()  # every casualty word as written, for a cheap first pass
    by_fire: dict[str, frozenset[str]] = field(default_factory=dict)  # "burnt alive", "set ablaze"
    with_particle: dict[str, frozenset[str]] = field(default_factory=dict)  # "gun down"
    day_spans: frozenset[str] = frozenset()  # "over the past 24 hours": not a period's total
    additions: frozenset[str] = frozenset()  # "the bomber also died": more deaths of the event before
    fatal_object: dict[str, frozenset[str]] = field(default_factory=dict)  # "paid the supreme price"
    fell_in: dict[str, frozenset[str]] = field(default_factory=dict)  # "fell in the line of duty"

    def not_person(self, tok: Token) -> bool:
        """A counted noun that names no people ("cattle", "rounds"); a word of death never is one
        ("corpses", which the lemmatiser makes "corps")."""
        low = tok.lower_
        return low not in self.fatal and (low in self.not_people or tok.lemma_.lower() in self.not_people)


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The count words of ``data/counts.yaml``, loaded once."""
    raw = yaml.safe_load(resources.files("sitrep.data").joinpath("counts.yaml").read_text("utf-8"))

    def key(phrase: str) -> tuple[str, ...]:
        return tuple(phrase.lower().split())

    return _Lexicon(
        quantities={key(k): v for k, v in raw["quantities"].items()},
        hedges={key(k): v for k, v in raw["hedges"].items()},
        hedges_after={key(k): v for k, v in raw["hedges_after"].items()},
        fatal=set(raw["fatal"]),
        injured=set(raw["injured"]),
        casualty=set(raw["casualty"]),
        not_people=set(raw["not_people"]),
        subset=set(raw["subset"]),
        additions=frozenset(raw.get("additions") or ()),
        tally_markers=[key(k) for k in raw["tally_markers"]],
        tally_subjects=set(raw["tally_subjects"]),
        zero=set(raw["zero"]),
        starters=frozenset(k.split()[0].lower() for k in (*raw["hedges"], *raw["quantities"])),
        forms=frozenset(
            w
            for w in (*raw["fatal"], *raw["injured"], *raw["casualty"], *raw["by_fire"]["verbs"],
                      *raw["fatal_with_particle"]["forms"], *raw["fatal_object"]["objects"], *raw["fell_in"]["forms"],
                      *raw["words"]["fatal_adverbs"], "lost", "lose", "loses", "losing", "sent")
            if " " not in w
        ),
        by_fire={k: frozenset(v) for k, v in raw["by_fire"].items()},
        with_particle={k: frozenset(v) for k, v in raw["fatal_with_particle"].items()},
        day_spans=frozenset(raw["day_spans"]),
        fatal_object={k: frozenset(v) for k, v in raw["fatal_object"].items()},
        fell_in={k: frozenset(v) for k, v in raw["fell_in"].items()},
    )


@dataclass
class Figure:
    """A number expression: tokens ``start``..``end``, its anchor token and its reading."""

    start: int
    end: int
    anchor: int
    best: int | None
    low: int | None
    high: int | None


@dataclass
class SentenceCounts:
    """What one sentence reports: event fatalities/injured and running totals (tallies)."""

    fatalities: Count = field(default_factory=Count)
    injured: Count = field(default_factory=Count)
    tally_fatalities: Count | None = None
    tally_injured: Count | None = None
    tally_marker: int | None = None  # token index of the word that made it a tally
    fatal_at: int | None = None  # token index of the casualty word of each count
    injured_at: int | None = None
    # the fatalities are the perpetrators who killed themselves, the sentence telling no other dead: a
    # later sentence's toll of their victims replaces them ("blew herself up at a mosque. Nine were killed")
    fatal_self_only: bool = False


def _word_value(words: list[str]) -> int | None:
    words = [w for w in words if w not in ("-", "and")]
    if not words:
        return None
    if len(words) == 2 and _DIGITS.match(words[0]) and words[1] in _MULT:
        return int(float(words[0].replace(",", "")) * _MULT[words[1]])
    if len(words) == 1 and _DIGITS.match(words[0]):
        return int(float(words[0].replace(",", "")))
    try:
        return int(text2num(" ".join(words), "en"))
    except (ValueError, TypeError):
        return None


def word_number(word: str) -> int | None:
    """The figure one word gives: "4,000", "twelve", or a quantity word of data/counts.yaml ("hundreds")."""
    low = word.lower()
    quantity = lexicon().quantities.get((low,))
    if quantity is not None:
        value = quantity.get("value")
        return int(value) if value is not None else None
    return _word_value([low])


def _is_num(tok: Token) -> bool:
    return _is_num_word(tok.lower_)


def _is_num_word(low: str) -> bool:
    if low in _NUMBER_WORDS or _DIGITS.match(low):
        return True
    return "-" in low and all(p in _NUMBER_WORDS for p in low.split("-"))


def _looks_like_date(doc: Doc, i: int, j: int) -> bool:
    """Years, days of months, clock times, percentages, all-figure dates and the like."""
    text = doc[i:j].text
    lo, hi = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    # the characters around the figure, from nearby tokens (Doc.text would join the whole doc each time)
    near = doc[max(0, i - 6) : min(len(doc), j + 6)]
    base = max(0, lo - 11)
    window = near.text[base - near.start_char : hi + 11 - near.start_char]
    if any(base + m.start() <= lo and hi <= base + m.end() for m in _NUMERIC_DATE.finditer(window)):
        return True
    if len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100:
        return True
    if (
        j == i + 1
        and i > 1
        and j < len(doc)
        and doc[i - 1].text == ","
        and doc[j].text == ","
        and (doc[i - 2].ent_type_ == "PERSON" or doc[i - 2].pos_ == "PROPN")
    ):
        return True  # "Mohammed Abdi Warsame, 52, was killed": an age after a name
    after = doc[j].lower_ if j < len(doc) else ""
    before = doc[i - 1].lower_ if i > 0 else ""
    back = [t.lower_ for t in doc[max(0, i - 4) : i]]
    if "aged" in back or "ages" in back:
        # "two girls aged 13 and 15": ages, when only figures and joiners follow "aged"
        tail = back[len(back) - back[::-1].index("aged" if "aged" in back else "ages") :]
        if all(_is_num_word(w) or w in ("and", ",", "to", "-", "between", "about", "around") for w in tail):
            return True
    # "Dec. 10 bombings": an abbreviated month keeps its full stop as a token of its own
    if after in _MONTHS or before.rstrip(".") in _MONTHS or after.startswith("year") or after == "-year":
        return True
    if (
        after == "-"
        and j + 1 < len(doc)
        and doc[j + 1].lower_.rstrip("s")
        in ("year", "month", "day", "week", "hour", "minute", "storey", "story", "km", "mile", "metre")
    ):
        return True
    if doc[i].ent_type_ == "TIME" and after in ("overnight", "yesterday", "today") and before != "at":
        return False  # "the toll climbed to nine overnight": the tagger's time is the count and its day
    return doc[i].ent_type_ in ("TIME", "PERCENT", "MONEY", "ORDINAL") or doc[i].like_url


def _match_phrase(doc: Doc, i: int, end: int, table: dict[tuple[str, ...], Any]) -> tuple[int, Any] | None:
    for n in (4, 3, 2, 1):
        if i + n <= end:
            key = tuple(t.lower_ for t in doc[i : i + n])
            if key in table:
                return n, table[key]
    return None


def _figures(doc: Doc, start: int, end: int, lows: list[str] | None = None) -> list[Figure]:
    """Every number expression in tokens ``start``..``end``, hedges and ranges included."""
    lex = lexicon()
    found: list[Figure] = []
    lows = lows if lows is not None else [t.lower_ for t in doc[start:end]]
    starters = lex.starters
    i = start
    while i < end:
        low_i = lows[i - start]
        if low_i not in starters and not _is_num_word(low_i):
            i += 1  # cheap skip: most words start no figure
            continue
        hedge: dict[str, bool] | None = None
        h_start = i
        hm = _match_phrase(doc, i, end, lex.hedges)
        j = i
        if (
            hm is not None
            and i + hm[0] < end
            and (_is_num(doc[i + hm[0]]) or _match_phrase(doc, i + hm[0], end, lex.quantities))
        ):
            hedge = hm[1]
            j = i + hm[0]
        figure = _core(doc, j, end)
        if figure is None:
            i += 1
            continue
        f_end, value, anchor, q_low = figure
        low: int | None
        high: int | None
        best = value
        low = high = value
        if value is None:
            low = high = None
        elif q_low:
            high = None
        # ranges: "10 to 15", "10-15", "between 10 and 15", "10 or 15"
        if value is not None and f_end < end and doc[f_end].lower_ in ("to", "-", "–", "or", "and"):
            second = _core(doc, f_end + 1, end)
            between = h_start > start and doc[h_start - 1].lower_ == "between"
            if (
                second is not None
                and second[1] is not None
                and (doc[f_end].lower_ != "and" or between)
                and second[1] > value
            ):
                high = second[1]
                low = value
                f_end, anchor = second[0], second[2]
        if hedge is not None and best is not None:
            low = best if hedge["low"] else None
            high = high if hedge["high"] and high != best else (best if hedge["high"] else None)
            if hedge["low"] and hedge["high"]:
                low = high = best
        after = _match_phrase(doc, f_end, end, lex.hedges_after) if f_end < end else None
        if after is not None and hedge is None and best is not None and low == high == best:
            low = best if after[1]["low"] else None  # "ten or more people"
            high = best if after[1]["high"] else None
            f_end += after[0]
        if h_start > start and doc[h_start - 1].lower_ == "between":
            h_start -= 1
        if best is not None and (_looks_like_date(doc, j, f_end) or (
                j > start and (doc[j - 1].text in _GRADE_WORDS or (
                    doc[j - 1].lower_ in _SLUGS and (doc[j - 1].is_upper or doc[j - 1].is_sent_start))))):
            # a date, a school year ("a Form Four student", "Class 10 pupils"), or a wire slug's version
            # ("UPDATE 2-Israeli strike ... kills 4")
            i = f_end
            continue
        if (
            found
            and found[-1].end == h_start - 1
            and doc[h_start - 1].text == "("
            and found[-1].best == best
            and f_end < end
            and doc[f_end].text == ")"
        ):
            found[-1].end = f_end + 1  # "twelve (12) persons": the digits repeat the words
            i = f_end + 1
            continue
        if found and hedge is not None and hedge["high"] and not hedge["low"] and _or_perhaps(doc, found[-1], h_start):
            # "at least three people and perhaps as many as ten": the top of the first figure's range
            if found[-1].best is not None and high is not None and high > found[-1].best:
                found[-1].high = high
            i = f_end
            continue
        found.append(Figure(h_start, f_end, anchor, best, low, high))
        i = f_end
    return found


def _or_perhaps(doc: Doc, prev: Figure, start: int) -> bool:
    """Only "and perhaps", "or possibly", ", maybe even" (and the first figure's noun) between two figures."""
    between = doc[prev.end : start]
    if len(between) > 5 or not any(t.lower_ in _PERHAPS for t in between):
        return False
    nouns = [t for t in between if t.lower_ not in _PERHAPS and t.lower_ not in ("and", "or", ",")]
    return len(nouns) == 0 or (len(nouns) == 1 and nouns[0].i == prev.end and nouns[0].pos_ == "NOUN")


def _core(doc: Doc, i: int, end: int) -> tuple[int, int | None, int, bool] | None:
    """A bare figure at ``i``: (end, value, anchor token, value-is-a-lower-bound)."""
    lex = lexicon()
    q = _match_phrase(doc, i, end, lex.quantities)
    if q is not None and not (q[0] == 1 and _is_num(doc[i])):
        n, spec = q
        j = i + n
        # "dozens of", "hundreds of thousands"
        if spec.get("value") and j + 2 < end and doc[j].lower_ == "of":
            more = _match_phrase(doc, j + 1, end, lex.quantities)
            if more is not None and more[1].get("value"):
                return j + 1 + more[0], spec["value"] * more[1]["value"], j, True
        value = spec.get("value")
        return j, value, j - 1, bool(spec.get("low"))
    if not _is_num(doc[i]):
        return None
    if doc[i].lower_ == "one" and i > 0 and doc[i - 1].lower_ in ("no", "every", "any"):
        return None
    j = i
    words: list[str] = []
    while j < end:
        tok = doc[j]
        low = tok.lower_
        if _is_num(tok) and (not words or not _DIGITS.match(words[-1]) or low in _MULT):
            words.extend(low.split("-"))
            j += 1
            continue
        nxt = doc[j + 1] if j + 1 < end else None
        joinable = nxt is not None and _is_num(nxt) and not _DIGITS.match(nxt.lower_)
        if joinable and words and low == "-" and not _DIGITS.match(words[-1]):
            j += 1  # "twenty - five"
            continue
        if joinable and words and low == "and" and words[-1] in _MULT:
            j += 1  # "two hundred and five"
            continue
        break
    value = _word_value(words)
    if value is None:
        return None
    if j < end and doc[j].lower_ == "dozen":
        return j + 1, value * 12, j, False  # "two dozen"
    return j, value, j - 1, False


def _kind(tok: Token) -> str | None:
    lex = lexicon()
    low, lemma = tok.lower_, tok.lemma_.lower()
    if lemma == "lose" and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in _PERSON_NOUNS or c.lower_ in ("men", "troops", "people")
                              or (c.pos_ == "NUM" and _of_people(c)))
        for c in tok.children
    ) and not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.children) and not any(
        g.dep_ == "relcl" for c in tok.children if c.dep_ == "dobj" for g in c.subtree
    ):  # "lost four of its members to the PDP", "... members, who were abducted": no deaths
        return "fatal"  # "the army lost four soldiers", "lost four of their members", "losing two of its own"
    if lemma == "send" and any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "hell" for g in c.children)
                               for c in tok.children):
        return "fatal"  # "five terrorists were sent to hell" (Pakistani military statements)
    if _burnt_alive(tok) or _paid_price(tok) or _fell_in(tok):
        return "fatal"
    if low in lex.with_particle["forms"] and tok.pos_ == "VERB" and any(
            c.dep_ in ("prt", "advmod") and c.lower_ in lex.with_particle["particles"] for c in tok.children):
        return "fatal"  # "soldiers gun down 25 civilians"
    if low in lex.fatal or lemma in lex.fatal:
        if lemma in ("life", "body", "toll") and tok.pos_ != "NOUN":
            return None
        if lemma == "succumb" and not _succumbed_to_wounds(tok):
            return None
        if lemma == "toll" and tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
            return None  # "the Lekki toll gate", "a toll road": a fee, not the dead
        return "fatal"
    if low in lex.injured or lemma in lex.injured:
        if any(c.dep_ == "advmod" and c.lower_ in _FATALLY for c in tok.children):
            return "fatal"  # "three of the attackers were fatally injured"
        return "injured"
    if (tok.pos_ == "VERB" and lemma in _FATALLY_VERBS
            and any(c.dep_ == "advmod" and c.lower_ in _FATALLY for c in tok.children)):
        return "fatal"  # "gendarmes fatally shot a 19-year-old protester", "was mortally stabbed"
    if low in lex.casualty or lemma in lex.casualty:
        if lemma == "victim" and tok.dep_ == "dobj" and tok.head.lemma_ in ("bury", "mourn"):
            return "fatal"  # "mourners buried the 17 victims"
        return "casualty"
    return None


def _succumbed_to_wounds(tok: Token) -> bool:
    """ "Succumb" tells a death only of people and only to wounds, if it names what: not "the government
    succumbed to pressure", "the town succumbed to the rebels"."""
    lex = lexicon()
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "to" and not any(
                g.lemma_.lower() in lex.injured or g.lower_ in lex.injured for g in c.subtree if g.i != c.i):
            return False
        if c.dep_ == "nsubj" and not (
                c.pos_ in ("PRON", "NUM") or c.lemma_.lower() in _PERSON_NOUNS or c.lower_ == "old"
                or c.ent_type_ in ("PERSON", "NORP") or any(g.dep_ == "nummod" for g in c.children)):
            return False
    return True


def _of_people(tok: Token) -> bool:
    """A figure of people: "four of their members", "two of its own"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of"
        and any(g.lemma_.lower() in _PERSON_NOUNS or g.lower_ in ("own", "men", "troops", "people") for g in c.children)
        for c in tok.children
    )


def _fell_in(tok: Token) -> bool:
    """People who "fell in action", "in the line of duty", "on the field of honour": killed."""
    words = lexicon().fell_in
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "fall" or tok.lower_ not in words["forms"]:
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or not (subj.lemma_.lower() in _PERSON_NOUNS or subj.ent_type_ == "PERSON"
                            or (subj.pos_ == "NUM" and _of_people(subj))):
        return False
    # "in action", "on the field of honour", "in the line of duty" (not "in the line of fire")
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "on")
        and any(o.lemma_.lower() in words["places"] for g in c.children if g.dep_ == "pobj"
                for o in (g, *[p for q in g.children if q.lower_ == "of" for p in q.children]))
        for c in tok.children
    )


def _paid_price(tok: Token) -> bool:
    """ "paid the supreme price", "made the ultimate sacrifice": the doers died."""
    words = lexicon().fatal_object
    return (
        tok.lemma_.lower() in words["objects"]
        and tok.dep_ == "dobj"
        and tok.head.lemma_.lower() in words["verbs"]
        and any(c.lower_ in words["modifiers"] for c in tok.children)
    )


def _burnt_alive(tok: Token) -> bool:
    """People "burnt alive", or a person "set ablaze" or "set on fire" (mob justice): a killing."""
    fire_words = lexicon().by_fire
    if tok.pos_ != "VERB" or tok.lemma_ not in ("burn", "set") or tok.lower_ not in fire_words["verbs"]:
        return False
    victims = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    words = {c.lower_ for c in tok.children} | {c.lower_ for v in victims for c in v.children}
    if tok.lemma_ == "burn":
        return not words.isdisjoint(fire_words["alive"])
    # a person, not a house: "set two suspected phone snatchers ablaze"; "set on fire" is left out, as
    # the victim often lives ("mob has set a suspected thief on fire ... Police just arrived")
    victims = [v for v in victims if v.lower_ not in fire_words["ablaze"]]  # "set a van ablaze" misparsed
    return not words.isdisjoint(fire_words["ablaze"]) and any(
        v.lemma_.lower() in _PERSON_NOUNS or (v.ent_type_ == "PERSON" and v.tag_ == "NNP")
        or any(c.lower_ in ("suspected", "alleged") for c in v.children)
        for v in victims
    )


def _ancestors_until(tok: Token, stop: Token) -> list[Token]:
    out = []
    cur = tok
    while cur.head.i != cur.i and cur.i != stop.i:
        cur = cur.head
        out.append(cur)
    return out


def _counted_noun(doc: Doc, fig: Figure) -> Token:
    a = doc[fig.anchor]
    if a.dep_ in ("nummod", "quantmod", "amod", "compound", "det", "npadvmod") and a.head.i >= fig.end:
        noun = a.head
        while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head  # "Seven Hazara coal miners": the parse counts "Hazara"
        if noun.dep_ == "amod" and noun.pos_ in ("ADJ", "VERB") and noun.head.i == noun.i + 1:
            noun = noun.head  # "Thirteen alleged gunmen": the parse hangs the figure on "alleged"
        return noun
    for child in a.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lower_ not in ("them", "whom", "which", "those"):
                    return a  # "dozens of people": the figure heads the phrase
    return a


def _keyword_of(doc: Doc, fig: Figure, sent: Span, keywords: dict[int, str]) -> int | None:
    """The casualty word a figure counts, or None."""
    lex = lexicon()
    a = doc[fig.anchor]
    noun = _counted_noun(doc, fig)
    if lex.not_person(noun):
        return None
    if noun.i == a.i and any(
        o.lower_ in lex.not_people for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children if o.dep_ == "pobj"
    ):
        return None  # "dozens of animals were killed" (but "two members of the Jenin Battalion")
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ in _PARENTS:
        return None  # "a mother of four was killed": her children, not the dead
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        return None  # "gunned down by two men on a motorcycle": the killers, not the dead
    # a figure inside "including ...", "among them", "of whom": a subset already counted
    total = any(c.i in keywords and c.dep_ in ("acl", "relcl") for c in noun.children)
    window = doc[max(sent.start, fig.start - 3) : fig.start]
    subset_at = [t.i for t in window if t.lower_ in _SUBSET_WINDOW]
    if not total and subset_at and not any(t.dep_ in ("mark", "cc") and t.i > subset_at[-1] for t in window):
        # but "six were among 11 people killed": 11 is the total; and "killing 11 of them, while two
        # soldiers ...": a new clause opens after the subset word
        return None
    for anc in [noun, *_ancestors_until(noun, sent.root)][:4]:
        if anc.lemma_ == "include" and anc.pos_ == "VERB" and _list_head(noun).dep_ == "dobj":
            # "the dead included three police officers": the list is the toll itself
            told = [c for c in anc.children if c.dep_ == "nsubj" and keywords.get(c.i) == "fatal"]
            if told and any(_is_num(t) for t in told[0].subtree if t.i != told[0].i):
                return None  # "the 20 killed included four children": the dead were counted already
            if told:
                return told[0].i
        if not total and ((anc.lower_ in lex.subset and anc.i < fig.start) or anc.lemma_ == "include"):
            return None
        if anc.i in keywords:
            break
    if (
        a.dep_ in ("nsubj", "nsubjpass")
        and keywords.get(a.head.i) == "fatal"
        and _of_whom(a.head)
        and a.head.dep_ in ("relcl", "advcl", "conj", "ccomp")
        and (keywords.get(a.head.head.i) == "injured" or keywords.get(a.head.head.head.i) == "injured")
    ):
        return a.head.i  # "the blast injured 34, four of whom later died": four of the injured died
    for child in a.children:
        if (
            child.dep_ == "prep"
            and child.lower_ == "of"
            and any(g.lower_ in ("them", "whom", "which", "those") for g in child.children)
            # "Abducted 20 passengers. 3 of them were later killed": with no figure before it in
            # the sentence, "of them" points back to people not counted as casualties here
            and (
                any(g.lower_ in ("whom", "which") for g in child.children)
                or any(_is_num(t) for t in doc[sent.start : fig.start])
            )
            # but the object of the killing itself counts where no death was told before it: "engaged about
            # 40 militants, killing 15 of them" (not "killed 25 people; 15 of them were killed instantly",
            # nor "Of the 12 passengers, five of them ...", whose figures the parse hangs together)
            and not (a.dep_ in ("dobj", "nsubjpass") and keywords.get(a.head.i) == "fatal"
                     and doc[sent.start].lower_ != "of"
                     and not any(keywords.get(i) == "fatal" for i in range(sent.start, fig.start) if i != a.head.i))
        ):
            return None
    prev = fig.start - 1
    if (prev >= sent.start and prev in keywords and doc[prev].dep_ in ("amod", "compound")
            and doc[prev].head.i in (a.i, noun.i)):
        # "killed at least 6 and injured dozens", "kills 15 civilians and wounds dozens": the parse
        # makes the verb a modifier of the figure
        return prev
    if prev >= sent.start and prev in keywords and doc[prev].dep_ == "conj" and doc[prev].tag_ in ("VBG", "VBD", "VBN"):
        return prev  # "killing three and wounding dozens": the parse hangs "dozens" on "killing"
    if (prev >= sent.start and prev in keywords and doc[prev].dep_ in ("acomp", "oprd")
            and doc[prev].head.i == prev - 1
            and not any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in doc[prev - 1].children)):
        return prev  # "shot dead three young men in the village, a group said": the parse makes them tellers
    if (prev >= sent.start and prev in keywords and doc[prev].tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB")
            and not any(c.dep_ == "dobj" for c in doc[prev].children)):
        # "killing at least two people, witnesses and a volunteer said": the parse makes the
        # figure a teller, but it follows the active casualty verb that has no object of its own
        return prev
    for child in a.children:  # "scores of bodies", "dozens of dead"
        if child.dep_ == "prep" and child.lower_ == "of":
            hit = [g.i for g in child.children if g.dep_ == "pobj" and keywords.get(g.i) == "fatal"]
            if hit:
                return hit[0]
    # "7 bandits, 2 soldiers killed": the first of a headline's list takes the last one's casualty word
    # ("7 bandits, 2 soldiers, 1 vigilante killed": the parse hangs each member on the one before it, or
    # all on the first, where a middle one finds the word on a later sibling)
    listed = noun
    own_word = any(c.i in keywords and c.dep_ in ("acl", "relcl") for c in noun.children)
    for _ in range(0 if own_word or (_headline_appos(noun) and not _headline_list(noun)) else 6):
        # (a breakdown's parts are no more dead, but its whole takes the word: "Nine students, five girls,
        # four boys killed")
        listed_after = [c for c in listed.children if _headline_appos(c)]
        if listed is noun and _headline_list(noun):
            listed_after += [c for c in noun.head.children if c.i > noun.i and _headline_list(c)]
        listed_after.sort(key=lambda t: t.i)
        if not listed_after:
            break
        listed = listed_after[-1]
        hit = [c.i for c in listed.children if c.i in keywords and c.dep_ in ("acl", "relcl")]
        if hit:
            return hit[0]
    if not own_word and noun.i not in keywords and a.i not in keywords:
        last_word = _list_tail_word(noun, keywords)
        if last_word is not None:
            return last_word
    # "15 dead", "2,000 injured": the casualty word modifies or heads the figure
    for tok in (a, noun):
        if tok.i in keywords and tok.i != fig.anchor:
            return tok.i
        for child in tok.children:
            if (
                child.i in keywords
                and child.dep_ in ("acl", "amod", "oprd", "relcl")
                and child.i > fig.anchor
                and not _of_whom(child)
            ):
                return child.i
    if fig.end < len(doc) and fig.end in keywords:
        return fig.end
    after = fig.end
    while after < sent.end and doc[after].lower_ in _AUX_WORDS:
        after += 1
    if after > fig.end and after in keywords:
        return after  # "One person died and around 20 were injured": the figure's own verb, whatever the parse
    verb = noun.head
    if (noun.dep_ == "nsubj" and verb.tag_ == "VBG" and verb.dep_ in ("ccomp", "xcomp")
            and verb.head.i in keywords and verb.head.i < noun.i
            and not any(c.dep_ == "dobj" for c in verb.head.children)):
        return verb.head.i  # "killing the two boys driving it": the parse makes the victims the subject
    took = _taken_then_killed(noun, keywords)
    if took is not None:
        return took
    if fig.start - 2 >= sent.start and doc[fig.start - 1].lower_ in _AMOUNTED and fig.start - 2 in keywords:
        return fig.start - 2  # "the dead numbered 14", "casualties totalled 30" (the parse often fails here)
    if (noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB" and noun.head.i not in keywords
            and noun.head.dep_ == "conj" and noun.head.head.i in keywords and _kind(noun.head) is None
            and not any(t.i in keywords for t in noun.head.subtree)):
        return None  # "Five persons were killed and 11 women taken away": the figure has a clause of its own
    # climb through conjuncts and appositions to the governing casualty word
    cur = noun
    for _ in range(6):
        if cur.dep_ in ("conj", "appos") and any(
            c.dep_ in ("acl", "amod") and c.tag_ == "VBN" and c.i not in keywords for c in cur.children
        ):
            return None  # "three killed, five wounded and dozens arrested": the figure has its own verb
        if cur.dep_ in ("conj", "appos") and cur.head.i not in keywords:
            cur = cur.head
            continue
        head = cur.head
        if head.i == cur.i:
            break
        if head.i in keywords and cur.dep_ in (
            "nsubj",
            "nsubjpass",
            "dobj",
            "attr",
            "oprd",
            "pobj",
            "npadvmod",
            "conj",
            "appos",
            "dep",
            "nummod",
            "compound",
            "advmod",
            "acomp",
            "ccomp",
            "xcomp",
        ):
            return head.i
        if cur.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX"):
            # "three soldiers embraced martyrdom": the verb's object is the death
            death = [c.i for c in head.children if c.dep_ == "dobj" and keywords.get(c.i) == "fatal"]
            if death:
                return death[0]
        if head.lower_ in ("of", "to", "at", "by") and head.head.i in keywords:
            # "the deaths of 12 people", "toll rose to 15"; but "the martyrdom of an officer and injuries to
            # three soldiers", which the parse hangs on the martyrdom: the casualty word nearest before
            nearer = [k for k in keywords if head.head.i < k < head.i]
            return max(nearer) if nearer else head.head.i
        if head.pos_ in ("VERB", "AUX") and head.lemma_ in (
            "rise",
            "climb",
            "reach",
            "stand",
            "jump",
            "increase",
            "hit",
            "number",
            "total",
        ):
            toll = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in keywords]
            if toll:
                return toll[0].i
        if head.lower_ in ("to", "at") and head.head.pos_ in ("VERB", "AUX"):
            verb = head.head
            toll = [c for c in verb.children if c.dep_ in ("nsubj", "dobj") and c.i in keywords]
            if toll:
                return toll[0].i
            for c in verb.children:  # "bringing the number killed to 56", "put the number of dead at 19"
                if c.dep_ in ("nsubj", "dobj") and c.lemma_ in _TOTAL_NOUNS:
                    inner = _total_word(c, keywords)
                    if inner is not None:
                        return inner
        if (
            (cur.dep_ == "pobj" and head.lower_ == "of")
            or (cur.dep_ == "prep" and cur.lower_ == "of")
            or cur.dep_ in ("nummod", "quantmod")
            or head.pos_ == "NUM"
        ):
            cur = head  # "the deaths of 12 people", "dozens of people"
            continue
        if cur.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in _SUFFER:
            # "four people lost their lives", "18 were treated for injuries"
            for c in head.children:
                if c.dep_ == "dobj" and c.i in keywords:
                    return c.i
                if c.dep_ == "prep" and c.lower_ in ("for", "from", "with"):
                    objs = [o for g in c.children if g.dep_ == "pobj" for o in (g, *g.conjuncts)]
                    hit = [o.i for o in objs if o.i in keywords]
                    if hit:
                        return hit[0]
        if cur.dep_ == "dobj" and head.pos_ in ("VERB", "AUX"):
            # "left two militants and a soldier dead": the parse hangs "dead" on the last conjunct
            last = cur.conjuncts[-1] if cur.conjuncts else None
            if last is not None and last.i > cur.i:
                tail = [c.i for c in last.children if c.i in keywords and c.dep_ == "amod" and c.i > last.i]
                if tail:
                    return tail[0]
        if cur.dep_ == "nsubj" and head.lemma_ in _REPORTING:
            return None  # "killed four militants, two intelligence officials said": the sources
        if cur.dep_ in ("nsubj", "nsubjpass", "dobj") and head.pos_ in ("VERB", "AUX"):
            # "left 3 soldiers dead", "were reported killed": the casualty word completes the verb
            to_death = [  # "crushed to death", "beaten to death", "were hacked and shot to death"
                g.i
                for v in (head, *[c for c in head.children if _shared_passive(cur, c)])
                for c in v.children
                if c.dep_ == "prep" and c.lower_ == "to"
                for g in c.children
                if g.dep_ == "pobj" and keywords.get(g.i) == "fatal"
            ]
            if to_death:
                return to_death[0]
            # "were found shot dead": the casualty word completes the completing verb
            below = [g for c in head.children if c.dep_ == "xcomp" for g in c.children if g.dep_ in ("oprd", "acomp")]
            done = [
                c.i
                for c in (*head.children, *below)
                if c.i in keywords
                and (
                    c.dep_ in ("oprd", "xcomp", "acomp", "dep", "advmod", "ccomp")
                    or (
                        c.dep_ == "advcl"
                        and c.i == cur.right_edge.i + 1
                        and not any(g.dep_ == "dobj" for g in c.children)
                    )
                    or _shared_passive(cur, c)
                )
            ]
            return done[0] if done else None  # "50 were arrested": another verb's figure
        break
    # "the number killed since ... to 56": a figure under a running-total noun
    for anc in _ancestors_until(noun, sent.root)[:5]:
        for c in (anc, *anc.children):
            if c.lemma_ in ("number", "total", "tally") and c.i != noun.i:
                found = [g.i for g in c.children if g.i in keywords]
                if found:
                    return found[0]
    # window fallback: a casualty word right after (six tokens) or right before (three)
    for k in range(fig.end, min(fig.end + 6, sent.end)):
        if k in keywords:
            return k
        if doc[k].is_punct and doc[k].text not in ("-", "'"):
            break
    for k in range(fig.start - 1, max(fig.start - 4, sent.start - 1), -1):
        if k in keywords:
            return k
    return None


def _protested(tok: Token) -> bool:
    """A death the sentence's people protest, mourn or condemn ("protesting the death of a young man in
    police custody", "a rally against the killing of three students"): an earlier event, no toll here."""
    cur = tok
    for _ in range(2):
        if cur.dep_ == "dobj" and cur.head.lemma_.lower() in _PROTESTED_BY:
            return True
        if (cur.dep_ == "pobj" and cur.head.lower_ in ("over", "against")
                and cur.head.head.lemma_.lower() in _PROTESTED_BY | _GATHERINGS):
            return True
        if cur.dep_ != "pobj" or cur.head.lower_ != "of" or cur.head.head.i == cur.head.i:
            return False
        cur = cur.head.head  # "the death of ...": the noun "of" hangs on
    return False


def _taken_then_killed(noun: Token, keywords: dict[int, str]) -> int | None:
    """The casualty word of a verb joined to the one the figure's people are the object of, whose own
    object is "them" ("dragged two suspected rebels from a police van and stoned them to death")."""
    if noun.dep_ not in ("dobj", "nsubjpass") or noun.head.pos_ != "VERB":
        return None
    for verb in noun.head.conjuncts:
        if verb.i < noun.i or not any(
                c.dep_ in ("dobj", "nsubjpass") and c.lower_ in ("them", "they") for c in verb.children):
            continue
        if keywords.get(verb.i) == "fatal":
            return verb.i
        return next((g.i for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                     for g in c.children if keywords.get(g.i) == "fatal"), None)
    return None


def _of_injured(doc: Doc, fig: Figure) -> bool:
    """ "one of the injured", "two of the wounded": a figure among an event's wounded."""
    lex = lexicon()
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in lex.injured for g in c.children)
        for c in doc[fig.anchor].children
    )


def _member_value(tok: Token) -> int | None:
    """The people one listed noun counts: its number ("two children"), 1 for a singular noun."""
    nums = [c for c in tok.children if c.dep_ == "nummod"]
    if nums:
        return _word_value([w for n in nums for w in n.lower_.split("-")])
    return 1 if tok.tag_ == "NN" else None


def _list_appos(tok: Token) -> bool:
    """An apposition after a comma that goes on listing ("four soldiers, a police officer and two
    children"), not a breakdown of the figure before it ("nine people, six soldiers and three
    civilians": its parts add up to the nine)."""
    if tok.dep_ != "appos" or tok.left_edge.i == 0 or tok.doc[tok.left_edge.i - 1].text != ",":
        return False
    people = (tok, *tok.conjuncts)
    if not tok.conjuncts or not all(
        t.lemma_.lower() in _PERSON_NOUNS or any(c.dep_ == "nummod" for c in t.children) for t in people
    ):
        return False  # "40 fighters had died, a figure the rebels denied": no list
    whole = _member_value(tok.head)
    parts = [_member_value(t) for t in (tok, *tok.conjuncts)]
    if whole is None or any(p is None for p in parts):
        return False
    return sum(p for p in parts if p is not None) != whole


def _headline_list(tok: Token) -> bool:
    """A member after the first of a headline's list of the dead without "and" (``_headline_appos``),
    unless the list is a breakdown of its first member."""
    if not _headline_appos(tok):
        return False
    first = tok.head
    for _ in range(6):
        if not _headline_appos(first):
            break
        first = first.head
    return not _headline_breakdown(first)


def _headline_breakdown(first: Token) -> bool:
    """ "Nine students, five girls, four boys killed": the later members, of a sex or an age, add up to
    the first (other kinds add up by chance as often: "Three soldiers, two policemen, one civilian")."""
    members, todo = [], [first]
    while todo:
        for c in todo.pop().children:
            if _headline_appos(c):
                members.append(c)
                todo.append(c)
    whole, parts = _member_value(first), [_member_value(m) for m in members]
    return (len(parts) > 1 and whole is not None and None not in parts and sum(p or 0 for p in parts) == whole
            and all(m.lemma_.lower() in _BREAKDOWN_PARTS for m in members))


def _headline_appos(tok: Token) -> bool:
    """A headline's list of the dead without "and" ("7 bandits, 2 soldiers killed in ...", "Herder, two
    sons killed"): an apposition after a comma, of another kind than the noun before it, which is no
    word for people of any kind (whose apposition would be its breakdown: "seven people, five soldiers")."""
    if tok.dep_ != "appos" or tok.conjuncts or tok.left_edge.i == 0 or tok.doc[tok.left_edge.i - 1].text != ",":
        return False
    head = tok.head
    if any(c.dep_ in ("det", "poss", "prep") for t in (tok, head) for c in t.children):
        # "the protester, a second-year student", "33 soldiers, the governor said", "Pastor, father of
        # five, killed", "Twelve soldiers, three officers among them": no list
        return False
    return (head.i < tok.i and head.pos_ in ("NOUN", "PROPN") and tok.pos_ in ("NOUN", "PROPN")
            and head.lemma_.lower() not in _GENERIC_PEOPLE and head.lemma_.lower() != tok.lemma_.lower()
            and (head.lemma_.lower() in _PERSON_NOUNS or any(c.dep_ == "nummod" for c in head.children))
            and (tok.lemma_.lower() in _PERSON_NOUNS or any(c.dep_ == "nummod" for c in tok.children)))


def _comma_breakdown(first: Token) -> bool:
    """ "11 civilians, six women and five children": people of a kind, then its parts adding up to it."""
    doc = first.doc
    if first.i + 1 >= len(doc) or doc[first.i + 1].text != ",":
        return False
    if first.lemma_.lower() not in _GENERIC_PEOPLE and not (
            first.conjuncts and all(t.lemma_.lower() in _BREAKDOWN_PARTS for t in first.conjuncts)):
        return False  # ("Nine students, five girls and four boys": a breakdown by sex or age, whatever the first)
    whole = _member_value(first)
    parts = [_member_value(t) for t in first.conjuncts]
    return (
        whole is not None
        and len(parts) > 1
        and all(p is not None for p in parts)
        and sum(p for p in parts if p is not None) == whole
    )


def _list_tail_word(noun: Token, keywords: dict[int, str]) -> int | None:
    """ "7 bandits, 2 soldiers and 1 vigilante killed": a listed noun takes the participle the parse
    hangs on the list's last member, where no member between has a casualty word of its own."""
    if noun.dep_ in ("dobj", "pobj", "iobj", "dative", "attr", "oprd") or any(
            c.dep_ in ("acl", "relcl") for c in noun.children):
        return None  # "Troops kill 7 bandits, 2 soldiers and 1 vigilante injured": the first has its own verb
    cur = noun
    for _ in range(8):
        nxt = [c for c in cur.children if c.i > cur.i and (c.dep_ == "conj" or _list_appos(c) or _headline_appos(c))]
        if not nxt:
            break
        cur = nxt[-1]
        clauses = [c for c in cur.children if c.dep_ in ("acl", "relcl")]
        if clauses:
            w = clauses[0]
            if w.i not in keywords or w.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass") for c in w.children):
                return None
            return w.i
    return None


def _list_head(tok: Token) -> Token:
    """The first noun of a list the token belongs to, through conjuncts and listing appositions."""
    for _ in range(6):
        if tok.dep_ == "conj" or _list_appos(tok):
            tok = tok.head
        else:
            break
    return tok


def _bracketed_breakdown(doc: Doc, fig: Figure, figs: list[Figure], sent: Span, keywords: dict[int, str]) -> bool:
    """A figure inside brackets that open right after another figure or its noun, with no casualty
    word of its own inside them ("killing four (and wounding 11)" is no breakdown)."""
    opened = None
    for t in reversed(doc[max(sent.start, fig.start - 6) : fig.start]):
        if t.text == ")":
            return False
        if t.text == "(":
            opened = t.i
            break
    if opened is None:
        return False
    for t in doc[opened : sent.end]:
        if t.text == ")":
            break
        if t.i in keywords:
            return False
    for other in figs:
        between = doc[other.end : opened]
        # "killing 9 (...)", "nine civilians (...)", "4 soldiers killed (3 Armenian, 1 Azerbaijani)"
        if other.end <= opened and len(between) <= 3 and all(
            t.pos_ in ("NOUN", "AUX") or t.i in keywords for t in between
        ):
            return True
    return False


def _shared_passive(subj: Token, verb: Token) -> bool:
    """ "Three journalists were beaten and hurt": a passive subject shared by a coordinated casualty verb."""
    return (
        subj.dep_ == "nsubjpass"
        and verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in verb.children)
    )


def _total_word(noun: Token, keywords: dict[int, str]) -> int | None:
    """The casualty word of a running-total noun: "the number killed", "the number of dead",
    "the number of people killed"."""
    for g in noun.children:
        if g.i in keywords:
            return g.i
        if g.dep_ == "prep" and g.lower_ == "of":
            for pobj in g.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.i in keywords:
                    return pobj.i
                hit = [a.i for a in pobj.children if a.dep_ in ("acl", "relcl") and a.i in keywords]
                if hit:
                    return hit[0]
    return None


def _each_side(doc: Doc, fig: Figure, sent: Span) -> bool:
    """ "five dead on each side" / "on either side": the figure counts one of two sides."""
    for t in doc[fig.end : min(fig.end + 6, sent.end - 1)]:
        if t.lower_ in ("each", "either") and doc[t.i + 1].lower_ == "side" and doc[t.i - 1].lower_ == "on":
            return True
    return False


def _count_for(doc: Doc, figs: list[Figure]) -> Count:
    best = sum(f.best for f in figs if f.best is not None) if any(f.best is not None for f in figs) else None
    lows = [f.low for f in figs]
    highs = [f.high for f in figs]
    low = sum(x for x in lows if x is not None) if all(x is not None for x in lows) else None
    high = sum(x for x in highs if x is not None) if all(x is not None for x in highs) else None
    if any(f.best is None for f in figs):
        # "eight soldiers were killed ... several terrorists also died": at least the eight; the
        # unknown part is not guessed (data/counts.yaml), so the sum is a lower bound only
        low, high = best, None
    return Count(best=best, low=low, high=high)


def _span_text(doc: Doc, lo: int, hi: int) -> str:
    return doc[lo:hi].text


def _is_zero(doc: Doc, k: Token, sent: Span) -> bool:
    lex = lexicon()
    for tok in [k, *list(k.children)]:
        if tok.lower_ in lex.zero and tok.dep_ in ("det", "neg", "nsubj", "nsubjpass", "dobj", "prep"):
            return True
        if tok.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ == "no" for c in tok.children):
            return True
    if k.i > sent.start and doc[k.i - 1].lower_ in ("no", "without"):
        return True
    if any(c.lower_ == "any" for c in k.children) and any(c.dep_ == "neg" for c in k.head.children):
        return True  # "did not cause any casualties"
    # "no reports of casualties", "no one was killed"
    head = k.head
    if head.i != k.i and head.lower_ == "of" and head.head.i != head.i:
        return any(c.lower_ == "no" for c in head.head.children)
    return False


def _victims(k: Token) -> list[Token]:
    """The nouns a casualty word counts: its subject or object, conjuncts included."""
    targets = [c for c in k.children if c.dep_ in ("nsubjpass", "dobj")]
    if k.lemma_ in ("die", "perish", "succumb") or _fell_in(k):
        targets = [c for c in k.children if c.dep_ == "nsubj"]
        if not targets and k.dep_ == "conj" and k.head.pos_ == "VERB":
            # "one young man was shot in the head and died": the subject is the first verb's
            targets = [c for c in k.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif (k.lower_ == "dead" and k.dep_ in ("dobj", "oprd")
          and (who := [c for c in k.children if c.dep_ == "amod" and c.i < k.i and c.lower_ in _PERSON_NOUNS])
          and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in k.children)):
        targets = who[:1]  # "left a patrolman dead": the parse makes him the adjective of "dead"
    elif k.dep_ == "pobj" and k.head.lower_ in ("among", "amongst") and k.head.head.lemma_ == "be":
        # "among the dead were four soldiers and a local chief": the copula's subject lists them
        targets = [c for c in k.head.head.children if c.dep_ in ("attr", "nsubj")]
    elif k.lower_ == "dead" and k.dep_ == "amod" and k.head.dep_ == "conj" and k.i > k.head.i:
        first = k.head  # "left two militants and a soldier dead": "dead" hangs on the last conjunct
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        targets = [first]
    elif (k.lower_ == "dead" and k.dep_ == "amod" and k.i < k.head.i and k.head.dep_ == "dobj"
          and (k.head.tag_ == "NNP" or k.i - 1 == k.head.head.i)):
        # "shot dead Alfredo Cabrera", a headline's "Bandits shoot dead herder": the parser hangs
        # "dead" on the victim
        targets = [k.head]
    elif k.lower_ == "dead" and k.dep_ != "amod" and any(c.dep_ in ("nummod", "npadvmod") for c in k.children):
        # a headline's "..., 14 dead", "..., 2 crew dead": the figure is the toll, not what the verb hit
        targets = []
    elif k.lower_ == "dead" and k.dep_ in ("conj", "dep", "ccomp", "advcl") and any(c.dep_ == "nsubj"
                                                                                 for c in k.children):
        # "Missile hits Vinnytsia centre, 22 dead"; "Jets pound Sanaa, 12 dead" (not Sanaa one more dead);
        # "missile hits Marib petrol station, 17 dead" (not the station)
        targets = [c for c in k.children if c.dep_ == "nsubj"]
    elif k.lower_ == "dead" and k.dep_ in ("acl", "amod") and k.i > k.head.i and k.head.dep_ == "dobj":
        targets = [k.head]  # "police shot an Indigenous protester dead": the parse hangs "dead" on him
    elif k.lower_ == "dead" and k.head.i != k.i:
        # "he fell dead" counts the subject; "the gunman shot dead five people" the object
        objects = k.dep_ == "acomp" and any(c.dep_ == "dobj" for c in k.head.children)
        deps = ("nsubj",) if k.dep_ == "acomp" and not objects else ("nsubjpass", "dobj")
        # never the word itself: "officials put the dead at nine" counts nine, not the dead one more
        targets = [c for c in (*k.head.children, *k.children) if c.dep_ in deps and c.i != k.i]
        later = [c for c in k.head.children if c.dep_ == "oprd" and c.i > k.i and c.pos_ in ("NOUN", "ADJ", "PROPN")]
        if not targets and k.dep_ == "oprd" and later:
            targets = later[:1]  # "police shot dead a 19-year-old": the parse makes the victim a second predicate
        elif (not targets and k.dep_ == "oprd" and k.head.lemma_.lower() in ("shoot", "find")
                and not any(c.dep_ in ("aux", "auxpass") for c in k.head.children)):
            # a headline's passive without its auxiliary: "Journalist shot dead in Lahore" (what
            # "left ... dead" is the event, not one of the dead)
            targets = [c for c in k.head.children if c.dep_ == "nsubj"]
    elif k.lemma_ == "life" and k.dep_ == "dobj" and k.head.lemma_ in ("lose", "sacrifice", "give"):
        targets = [c for c in k.head.children if c.dep_ == "nsubj"]  # "a police officer lost his life"
    elif (k.lemma_ in ("martyrdom", "shahadat", "shahadah") and k.dep_ == "dobj") or _paid_price(k):
        targets = [c for c in k.head.children if c.dep_ == "nsubj"]  # "a CRPF jawan attained martyrdom"
    elif k.lower_ == "death" and k.head.lower_ == "to" and k.head.head.i != k.head.i:
        verb = k.head.head
        targets = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
        if verb.dep_ == "dobj" and verb.pos_ in ("NOUN", "PROPN"):
            targets = [verb]  # "Mob burns alleged rapist to death": the parse hangs "to death" on the victim
        if not targets and verb.dep_ == "conj":  # "was beaten and burned to death"
            targets = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "dobj")]
    if k.pos_ == "NOUN" and k.lemma_ in ("body", "corpse", "death", "martyrdom"):
        # "the bodies of two men and a woman", "resulting in the martyrdom of an officer"
        targets = [g for c in k.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj"] or targets  # fmt: skip
    # (a headline's "Commander of Kataib Hezbollah killed in ...": the participle tagged as a past tense)
    if k.dep_ in ("acl", "relcl") and (k.tag_ == "VBN" or (k.tag_ == "VBD" and k.dep_ == "acl")) and not any(
            c.dep_ == "nsubjpass" or (k.tag_ == "VBD" and c.dep_ in ("nsubj", "dobj")) for c in k.children):
        # "a soldier killed in the attack" (but "TAIZ: A woman and her son were killed", where the
        # parse hangs the clause on the dateline, has its own subject); a headline's list from its first
        # ("Herder, two sons killed")
        first = k.head
        for _ in range(6):  # "Farmer, wife, son killed": the parse may chain the list
            if not _headline_list(first) or _told_apart(first.head, k):
                break
            first = first.head
        targets = [first]
    elif not targets and k.tag_ == "VBN" and k.dep_ == "conj":
        targets = [c for c in k.children if c.dep_ == "nsubj"]  # "one was killed and another wounded"
        if not targets:  # "a journalist was beaten and hurt"
            targets = [c for c in k.head.children if _shared_passive(c, k)]
    elif not targets and k.tag_ == "VBN" and _headline_main(k) and not any(
            c.dep_ in ("aux", "auxpass") for c in k.children):
        # a headline's "Police officer killed in ...", also after a tag ("Chhattisgarh: Jawan killed")
        targets = [c for c in k.children if c.dep_ == "nsubj" and c.i > _tag_end(k)]
    elif not targets and k.tag_ == "VBD" and k.pos_ == "VERB" and _kind(k) == "fatal" and _headline_main(k) and not any(
            c.dep_ in ("aux", "auxpass", "dobj") for c in k.children):
        # the same headline read as active with no object ("Mozambique: teenager killed as police shoot
        # at ... protest"), its subject a person ("hospital hit, 2 killed" counts no barrage)
        subjects = [c for c in k.children if c.dep_ == "nsubj" and c.i > _tag_end(k)]
        targets = [c for c in subjects if len(subjects) == 1 and c.lemma_.lower() in _PERSON_NOUNS]
    # one victim phrase per verb: a second object is an apposition ("killed 53 soldiers, ..., the heaviest loss");
    # but passive subjects one after another are a list the parse split ("A teacher, a pupil and a guard were
    # shot dead")
    listed = [t for t in targets if t.dep_ == "nsubjpass"]
    if len(listed) > 1 and all(any(x.text == "," for x in a.doc[a.i + 1 : b.left_edge.i])
                               for a, b in pairwise(listed)):
        targets = listed
    else:
        targets = targets[:1]
    out = []
    doc = k.doc
    for t in targets:
        window = doc[max(k.sent.start, t.left_edge.i - 3) : t.left_edge.i]
        if any(w.lower_ in ("including", "among", "amongst", "whom") for w in window):
            continue  # "left eight people dead, among them a child": already in the figure
        for tok in (t, *[c for c in t.conjuncts if c.i > t.i]):
            if tok.i != t.i and _kind(tok) is not None:
                continue  # "the martyrdom of an officer and the injury of two": the injury is no victim
            out.append(tok)
            members = list(tok.children)
            while members:  # "four soldiers, a police officer and two children"; a chained headline list
                c = members.pop(0)
                if _headline_list(c) and _told_apart(c, k):
                    continue  # "7 bandits killed, 2 soldiers, 1 vigilante injured": the wounded are no dead
                if _list_appos(c) or _headline_list(c):
                    out.extend((c, *[g for g in c.conjuncts if g.i > c.i]))
                    if _headline_list(c):
                        members.extend(c.children)
    return out


def _told_apart(member: Token, k: Token) -> bool:
    """A list member with a casualty word of its own other than ``k`` (\"2 soldiers injured\")."""
    return any(c.i != k.i and c.dep_ in ("acl", "relcl") and _kind(c) is not None for c in member.children)


def word_set(name: str) -> frozenset[str]:
    """One of the word sets under ``words:`` in data/counts.yaml."""
    return _WORDS[name]


def victims(k: Token) -> list[Token]:
    """The people a casualty word or a verb of violence counts as its victims (its object or passive
    subject, a headline's subject of "killed", conjuncts included)."""
    return _victims(k)


def _singular(tok: Token) -> bool:
    """A single person: "him", "a soldier", "the driver", "a shepherd", "a third", a named person."""
    if tok.lower_ in _PERSON_PRONOUNS and tok.lower_ not in ("himself", "herself"):
        return True
    if tok.lower_ in ("himself", "herself") and _killed_self(tok):
        return True  # "the attacker killed himself and three soldiers", "killed two soldiers and himself"
    if tok.lower_ in _ORDINALS and any(c.dep_ == "det" for c in tok.children):
        return True  # "a third was wounded"
    if tok.lower_ == "another":
        return True  # "another was injured"
    if (tok.dep_ == "amod" and tok.head.lower_ == "dead" and tok.lower_ in _PERSON_NOUNS
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.head.children)):
        return True  # "left a patrolman dead" (see _victims)
    if tok.lemma_ in _TOTAL_NOUNS or tok.lemma_ in ("figure", "toll"):
        return False  # "the number of soldiers killed"
    if tok.lower_ == "old" and tok.pos_ in ("ADJ", "NOUN") and any(c.lemma_ == "year" for c in tok.children):
        return any(c.lower_ in ("a", "an", "the") for c in tok.children)  # "a 19-year-old"
    if tok.lower_ in _SHARES:
        return False  # "half of them were killed": a share of a group, no single person
    if (tok.tag_ == "JJ" and tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.lemma_.lower() in _PERSON_NOUNS
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)):
        return True  # "killing a civilian": the small parser tags the noun as its adjective
    if (tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.tag_ in ("JJ", "NNP")
            and not any(c.dep_ in ("nummod", "det") for c in tok.children)
            and (tok.lower_ in _PERSON_NOUNS or (tok.tag_ == "JJ" and tok.ent_type_ == "NORP"))):
        return True  # a headline's bare victim: "Police firing kills protester", "Tank shell kills Palestinian"
    if tok.tag_ not in ("NN", "NNP") or tok.lower_ in lexicon().not_people or tok.pos_ == "PRON":
        return False
    if tok.lemma_.lower() in _COLLECTIVE:
        return False  # "15 guests and staff": many people, not one more
    # the victim of a killing or wounding is a person unless the lexicon says otherwise
    return tok.lemma_.lower() in _PERSON_NOUNS or tok.ent_type_ in ("PERSON", "NORP") or tok.pos_ == "NOUN"


def _killed_self(tok: Token) -> bool:
    """A reflexive that is the object of a killing, alone or in its list of victims."""
    while tok.dep_ == "conj":
        tok = tok.head
    return tok.dep_ == "dobj" and tok.head.lemma_ == "kill"


def _themselves(tok: Token, told: set[int]) -> int:
    """How many killed themselves: the number of the doers the killing's clause hangs on ("Two bombers
    struck the market, killing themselves and four others" 2); 0 when no number is told or when that
    number is already one of the figures counted (token indices ``told``)."""
    if tok.lower_ != "themselves" or not _killed_self(tok):
        return 0
    verb = tok
    while verb.dep_ == "conj" or verb.dep_ == "dobj":
        verb = verb.head
    for v in (verb, verb.head):  # the killing itself, or the clause it tells the outcome of
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            nums = [c for c in subj.children if c.dep_ == "nummod"]
            return (_word_value([nums[0].lower_]) or 0) if nums and nums[0].i not in told else 0
    return 0


def _singular_victims(k: Token) -> int | None:
    """1 for "a soldier was killed", "killing him"; 2 for "a man and his son"; else None."""
    targets = _victims(k)
    if not targets or not all(_singular(t) for t in targets):
        return None
    if k.lemma_.lower().startswith("neutrali") and not all(
            t.lemma_.lower() in _PERSON_NOUNS or t.ent_type_ == "PERSON" for t in targets):
        return None  # "neutralized the rearguard", "neutralised an IED": a unit or a device, no one counted
    return len(targets)


def _extra_singulars(k: Token, figs: list[Figure]) -> int:
    """Single people counted beside figures: "a woman and her two children" adds one."""
    anchors = {f.anchor for f in figs}

    def own(t: Token) -> set[int]:
        out = {t.i}
        for c in t.children:
            if c.dep_ not in ("conj", "cc"):
                out |= own(c)
        return out

    told = {i for f in figs for i in range(f.start, f.end)}
    return sum(1 if _singular(t) else _themselves(t, told) for t in _victims(k) if not anchors & own(t))


def _self_killed_at(sent: Span) -> tuple[int, Token] | None:
    """How many perpetrators killed themselves and the reflexive that tells it ("blew himself up",
    "then shot himself", "Two bombers blew themselves up"), None when none is told or counted."""
    if any(t.lower_ in _SURVIVED for t in sent):
        return None  # "blew himself up but survived with severe burns"
    for tok in sent:
        if tok.lower_ in ("himself", "herself", "themselves") and _killed_self_only(tok):
            verb = tok.head.head if tok.head.lower_ == "on" else tok.head
            done = verb.tag_ in ("VBD", "VBZ", "VBN") or (
                verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in ("before", "after"))
            if not done or any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in verb.children):
                # "tried to blow himself up", "before he could", "instead of blowing himself up" (but
                # "wounding five, before shooting himself" is done)
                return None
            if any(g.lower_ in _WOUND_SITES for c in verb.children if c.dep_ == "prep" for g in c.children):
                return None  # "then shot himself in the leg"
            n = _self_killed(sent)[0]
            return (n, tok) if n else None
    return None


def _tag_end(k: Token) -> int:
    """The index of the colon that closes a headline's opening tag ("Chhattisgarh:", "BREAKING:"), else -1."""
    start = k.sent.start
    colon = next((t.i for t in k.doc[start : min(start + 5, k.i)] if t.text == ":"), None)
    return -1 if colon is None else colon


def _headline_main(k: Token) -> bool:
    """The sentence's main verb, or that of the headline after an opening tag, which the parse makes the
    root ("Chhattisgarh: Jawan killed, 2 injured in gunfight", "Mexico: Mob burns alleged kidnappers")."""
    if k.dep_ == "ROOT":
        return True
    tag = _tag_end(k)
    return tag > 0 and k.head.dep_ == "ROOT" and k.head.i < tag < k.i and k.dep_ in ("parataxis", "appos", "dep",
                                                                                        "ccomp", "conj", "acl")


def _selves_only(sent: Span, out: SentenceCounts) -> SentenceCounts:
    """``out`` with the perpetrators who killed themselves as its toll when the sentence tells no other
    ("a suicide bomber blew himself up at the gate; no one else was hurt"): perpetrators who died count
    (CODEBOOK.md)."""
    own = _self_killed_at(sent)
    if own is not None:
        n, at = own
        out.fatalities = Count(best=n, low=n, high=n, text=_span_text(sent.doc, at.head.i, at.i + 1))
        out.fatal_at = at.head.i
        out.fatal_self_only = True
    return out


def _killed_self_only(tok: Token) -> bool:
    """A reflexive of a perpetrator's own death: "blew himself up", "shot himself", "turned the gun on himself"."""
    head = tok.head
    return (head.lemma_ in ("blow", "detonate", "explode") or (tok.dep_ == "dobj" and head.lemma_ == "shoot")
            or (head.lower_ == "on" and head.head.lemma_ == "turn"))


def _self_killed(sent: Span) -> tuple[int, bool]:
    """Perpetrators who died by their own act, and whether by their bomb: "blew himself up" (1, True),
    "then shot himself" (1, False)."""
    for tok in sent:
        if tok.lower_ in ("himself", "herself") and _killed_self_only(tok):
            # "blew himself up"; "then shot himself", "before turning the gun on himself"
            return 1, tok.head.lemma_ in ("blow", "detonate", "explode")
        if tok.lemma_ in ("detonate", "explode", "trigger") and tok.pos_ == "VERB":
            # "two suicide bombers detonated their explosives"
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if (
                subj is not None
                and subj.lower_ in ("bomber", "bombers")
                and any(c.lower_ == "suicide" for c in subj.children)
            ):
                nums = [c for c in subj.children if c.dep_ == "nummod"]
                if subj.lower_ == "bomber":
                    return 1, True
                return (_word_value([nums[0].lower_]) or 0) if nums else 0, True
        if tok.lower_ == "themselves" and tok.head.lemma_ in ("blow", "detonate", "explode"):
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            nums = [c for c in subj.children if c.dep_ == "nummod"] if subj is not None else []
            value = _word_value([nums[0].lower_]) if nums else None
            return value or 0, True
    return 0, False


def _doers(noun: Token, k: Token) -> bool:
    """Whether a figure's noun is the subject of an active killing with an object of its own ("Three
    militants killed a soldier", "Two gunmen shot dead a teacher"); not a headline's passive ("Two soldiers
    killed in ambush"), nor doers who killed themselves too ("Two bombers killed themselves and four")."""
    verb = k.head if k.lower_ == "dead" and k.dep_ in ("oprd", "acomp", "advmod") else k
    if noun.dep_ != "nsubj" or noun.head.i != verb.i or verb.lemma_.lower() not in _KILLING:
        return False
    objects = [c for c in (*verb.children, *k.children) if c.dep_ in ("dobj", "oprd") and c.i != k.i
               # (a headline's subset, "4 civilians killed incl 2 kids", or its source after a dash,
               # "7 soldiers killed - local sources", is no object)
               and not any(w.lower_ in _SUBSET_WINDOW or w.is_punct for w in c.doc[verb.i + 1 : c.left_edge.i + 1])]
    return bool(objects) and not any(o.lower_ in ("themselves", "himself", "herself") or
                                     any(g.lower_ in ("themselves", "himself", "herself") for g in o.conjuncts)
                                     for o in objects)


def _perpetrators_beside(sent: Span) -> int:
    """Perpetrators told dead beside the victims ("killing eight people in addition to the bomber himself",
    "six fighters were killed along with the attacker", "30 people besides themselves"), 0 when none."""
    lows = [t.lower_ for t in sent]
    for i in range(len(lows)):
        marker = next((m for m in _BESIDE if lows[i:i + len(m)] == m), None)
        if marker is None:
            continue
        span = [t for t in sent[i + len(marker):i + len(marker) + 4] if t.pos_ in ("NOUN", "PRON", "PROPN")]
        obj = span[0] if span else None
        # (a perpetrator in the victims' own list, "three soldiers and the attacker", is counted with them)
        if obj is None or obj.dep_ != "pobj" or (
                obj.lower_ not in _PERPETRATOR_WORDS and obj.lemma_.lower() not in _PERPETRATOR_WORDS):
            continue
        if obj.lower_ == "themselves":
            return _self_killed(sent)[0]
        if obj.lower_ in ("himself", "herself"):
            return 1
        nums = [c for c in obj.children if c.dep_ == "nummod"]
        if nums:
            return _word_value([nums[0].lower_]) or 0
        return 1 if obj.tag_ in ("NN", "NNP") else 0
    return 0


def read_counts(sent: Span, published_year: int | None = None, lowers: list[str] | None = None) -> SentenceCounts:
    """The casualty figures one sentence reports, split into event counts and tallies.

    ``lowers`` (the doc's lower-case words, optional) saves rebuilding them per sentence.
    """
    doc = sent.doc
    lex = lexicon()
    out = SentenceCounts()
    lows = lowers[sent.start : sent.end] if lowers is not None else [t.lower_ for t in sent]
    if lex.forms.isdisjoint(lows):
        return _selves_only(sent, out)
    keywords = {
        i: kw
        for i in range(sent.start, sent.end)
        if lows[i - sent.start] in lex.forms and (kw := _kind(doc[i])) is not None
    }
    for i in range(sent.start, sent.end):
        # "fatally shot", "mortally stabbed": the verb the adverb makes a death
        if lows[i - sent.start] in _FATALLY and doc[i].head.i not in keywords and _kind(doc[i].head) == "fatal":
            keywords[doc[i].head.i] = "fatal"
    # "death toll": one casualty word, the toll
    keywords = {i: k for i, k in keywords.items() if not (doc[i].dep_ == "compound" and doc[i].head.i in keywords)}
    if not keywords:
        return _selves_only(sent, out)
    figs = _figures(doc, sent.start, sent.end, lows)
    linked: dict[int, list[Figure]] = {}
    consumed: set[int] = set()
    anchors = {f.anchor for f in figs}
    for fig in figs:
        if _bracketed_breakdown(doc, fig, figs, sent, keywords):
            continue  # "killing 9 (7 civilians and 2 soldiers)": the parts of the figure before
        nxt = doc[fig.end : min(fig.end + 4, sent.end)]
        noun = _counted_noun(doc, fig)
        of = noun.head
        if (
            noun.dep_ == "pobj"
            and of.lower_ == "of"
            and ((of.head.pos_ == "NOUN" and any(c.i in anchors for c in of.head.children if c.dep_ == "nummod"))
                 or of.head.i in anchors)
        ):
            continue  # "six members of one family", "5 of one family": the figure qualifies another one's noun
        listed = noun
        while listed.dep_ == "conj" and listed.head.i != listed.i:
            listed = listed.head
        if (
            listed.dep_ == "appos"
            and any(c.i in anchors for c in listed.head.children if c.dep_ == "nummod")
            and not _list_appos(listed)
            and not _headline_list(listed)
            # "7 civilians killed, 3 injured": a figure with a casualty word of another kind is its own
            and not (
                fig.end in keywords
                and keywords[fig.end] not in {keywords[c.i] for c in listed.head.children if c.i in keywords}
            )
        ):
            continue  # "killed seven people: five soldiers and two civilians": a breakdown of the seven
        if noun.i != listed.i and _comma_breakdown(listed):
            continue  # "killed 11 civilians, six women and five children": the parse lists the breakdown
        if noun.lower_ == "head":  # "30 head of cattle"
            noun = next((g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), noun)
        rate = any(
            t.lower_ in ("every", "each", "per", "daily", "weekly", "monthly", "annually")
            and not (t.i + 1 < sent.end and doc[t.i + 1].lower_ == "side")  # "five dead on each side"
            # "per day", "per 100,000"; not a source's "3 killed, per rights group"
            and not (t.lower_ == "per" and t.i + 1 < sent.end and not _is_num(doc[t.i + 1])
                     and doc[t.i + 1].lemma_.lower() not in _PER_UNITS)
            for t in nxt
        )
        if rate or lex.not_person(noun):
            # a rate ("hundreds every week") or animals and property: no casualty figure
            near = [k for k in keywords if k in (noun.head.i, doc[fig.anchor].head.i, fig.start - 1, fig.end)]
            consumed.update(near)
            continue
        if fig.best is None and fig.start > sent.start and doc[fig.start - 1].text == ",":
            continue  # "Eleven bodies, some bearing signs of torture, ...": an aside, no figure
        k = _keyword_of(doc, fig, sent, keywords)
        if k is not None and _doers(noun, doc[k]):
            continue  # "Three militants killed a soldier": the three did the killing
        if k is not None:
            part = _share(noun, doc[k])
            if part is not None:  # "half of the 40 passengers were killed": 20
                fig = Figure(fig.start, fig.end, fig.anchor, *(None if v is None else round(v * part)
                             for v in (fig.best, fig.low, fig.high)))  # fmt: skip
            linked.setdefault(k, []).append(fig)
    marker = _tally_marker(sent, lows)
    if marker is None and published_year is not None:
        marker = _year_period(sent, published_year)
    historic = published_year is not None and any(
        len(t.text) == 4
        and t.text.isdigit()
        and 1900 <= int(t.text) < published_year - 1
        and not any(a.lower_ == "since" for a in _ancestors_until(t, sent.root)[:2])
        and not _dated(doc, t.i, sent)
        for t in sent
    )
    groups: dict[str, list[tuple[int, list[Figure]]]] = {"fatal": [], "injured": [], "casualty": []}
    zero: set[str] = set()
    vague: dict[str, int] = {}
    singles: set[int] = set()
    for k, kind in keywords.items():
        tok = doc[k]
        if k in consumed and k not in linked:
            continue
        if _protested(tok):
            continue  # "protesting the death of a young man": the cause of the sentence's event
        if k in linked:
            if k + 2 in keywords and doc[k + 1].lower_ == "or" and keywords[k + 2] != kind:
                continue  # "killed or injured": neither figure is known
            extra = _extra_singulars(tok, linked[k]) if kind != "casualty" else 0
            extra_fig = [Figure(k, k + 1, k, extra, extra, extra)] if extra else []
            groups[kind].append((k, linked[k] + extra_fig))
        elif _is_zero(doc, tok, sent):
            zero.update(("fatal", "injured") if kind == "casualty" else (kind,))
        else:
            n = _singular_victims(tok) if kind != "casualty" else None
            told = _victims(tok)
            if n is not None and groups[kind] and all(t.lower_ in ("him", "her", "them") for t in told):
                continue  # "set ablaze Deborah Samuel ..., killing her": the same victim told again
            if n is not None and any(t.i in singles for t in told):
                continue  # "the body of a man killed when ...": one man, told by two words
            singles.update(t.i for t in told)
            if n is None and kind != "casualty":
                n = _share_of_earlier(tok, figs, linked)
            if n is not None:
                groups[kind].append((k, [Figure(k, k + 1, k, n, n, n)]))
            else:
                vague.setdefault(kind, k)
    for kind, slot in (("fatal", "fatalities"), ("injured", "injured")):
        items = groups[kind]
        if kind == "fatal" and not items and groups["casualty"] and not groups["injured"]:
            items = []  # "12 casualties" are killed-or-injured: kept as words, no figure
        tally_items = [
            it
            for it in items
            if (
                marker is not None
                and _under_marker(doc[it[0]], doc[marker])
                and not _dated_apart(doc[it[0]], doc[marker])
            )
            or _ongoing(doc[it[0]])
        ]
        event_items = [it for it in items if it not in tally_items]
        # "two were killed on Monday, bringing the death toll to 23": the toll is a running total
        rising = [it for it in event_items if _cumulative(doc[it[0]])]
        earlier = [it for it in event_items if it not in rising]
        if rising and all(_later_death(doc[k]) or all(_of_injured(doc, f) for f in fs) for k, fs in earlier):
            # "one of the injured died, raising the toll to six", "a second ranger died in hospital,
            # bringing the toll to two": a later death of the same event, whose toll the sentence gives
            event_items = rising
        elif rising and len(rising) < len(event_items):
            tally_items += rising
            event_items = [it for it in event_items if it not in rising]
        if historic:
            # "In 2019, the militia attacked Djugu; on Tuesday it killed 12": a dated clause is today's
            event_items = [it for it in event_items if _this_week(doc[it[0]])]
        if event_items:
            event_items = [it for it in event_items if not _superseded(doc, it)] or event_items
            event_items = _told_twice(doc, event_items)
            event_items, other_high = _most_conservative(doc, event_items)
            tolls = [it for it in event_items if doc[it[0]].lemma_ == "toll" and doc[it[0]].pos_ == "NOUN"]
            if tolls:
                # "the toll rose to 41 after four of the wounded died": the toll holds the other figures
                event_items = tolls
            figs_all = [f for _, fs in event_items for f in fs]
            first = figs_all[0]
            bomber_counted = any(
                t.lower_ in ("bomber", "bombers", "attacker", "attackers") for t in doc[first.start : sent.end]
            ) or any(t.lower_ in ("himself", "herself", "themselves") and _killed_self(t) for t in sent)
            selves, bomber = _self_killed(sent) if kind == "fatal" and not bomber_counted else (0, False)
            beside = _perpetrators_beside(sent) if kind == "fatal" else 0
            if beside:
                # "killing eight in addition to the bomber", "three soldiers along with the two attackers"
                selves, bomber = beside, False
            if selves and not bomber:
                figs_all.append(Figure(first.start, first.end, first.anchor, selves, selves, selves))
            count = _count_for(doc, figs_all)
            if selves and bomber and count.high is not None:
                # "blew himself up, killing nine": the nine told are the count, as the hand-coded gold and
                # every reader of our snippet sets count them; the bomber widens only the high end
                count.high += selves
            if len(figs_all) == 1 and _each_side(doc, figs_all[0], sent):
                best, low, high = (None if v is None else 2 * v for v in (count.best, count.low, count.high))
                count = Count(best=best, low=low, high=high)
            lo = min(min(f.start for f in figs_all), min(k for k, _ in event_items))
            hi = max(max(f.end for f in figs_all), max(k + 1 for k, _ in event_items))
            for f in figs_all:  # "killing six civilians": the counted noun belongs to the words
                noun = _counted_noun(doc, f)
                if f.end <= noun.i < f.end + 3 and noun.i < sent.end:
                    hi = max(hi, noun.i + 1)
            if other_high is not None and count.best is not None and other_high > count.best:
                count.high = max(count.high or 0, other_high)  # UCDP: the range of the sources' figures
            count.text = _span_text(doc, lo, hi)
            setattr(out, slot, count)
            setattr(out, "fatal_at" if kind == "fatal" else "injured_at", event_items[0][0])
        elif tally_items:
            pass
        elif kind == "fatal" and _self_killed_at(sent) is not None:
            _selves_only(sent, out)
        elif kind in zero:
            setattr(out, slot, Count(best=0, low=0, high=0, text=_zero_text(doc, sent, kind, keywords)))
        elif kind in vague or (kind == "fatal" and "casualty" in vague) or (kind == "fatal" and groups["casualty"]):
            k = vague.get(kind, vague.get("casualty"))
            if k is None and groups["casualty"]:
                k = groups["casualty"][0][0]
            if k is not None:
                setattr(out, slot, Count(text=_vague_text(doc, k)))
        if tally_items:
            figs_t = [f for _, fs in tally_items for f in fs]
            tcount = _count_for(doc, figs_t)
            lo = min(f.start for f in figs_t)
            hi = max(max(f.end for f in figs_t), max(k + 1 for k, _ in tally_items))
            tcount.text = _span_text(doc, lo, hi)
            if kind == "fatal":
                out.tally_fatalities = tcount
            else:
                out.tally_injured = tcount
            out.tally_marker = marker
    return out


def _share_word(tok: Token) -> float | None:
    """The part a share word names: "half" 1/2, "a third" 1/3, "a quarter" 1/4, "60 percent" 0.6."""
    if tok.lower_ in _FRACTIONS:
        return _FRACTIONS[tok.lower_]
    if tok.lower_ in ("percent", "%") or (tok.lower_ == "cent" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "per"):
        nums = [c for c in tok.children if c.dep_ == "nummod" and c.like_num]
        if nums and nums[0].text.replace(".", "", 1).isdigit():
            return float(nums[0].text) / 100
    return None


def _share(noun: Token, k: Token) -> float | None:
    """ "half of the 40 passengers were killed": the casualty word counts the share, not the group;
    "a third of the 30 people wounded" keeps 30 (the casualty word is the group's own)."""
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of" or k.i in {t.i for t in noun.subtree}:
        return None
    part = _share_word(of.head)
    if part is None or of.head.head.i != k.i or of.head.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    return part


def _share_of_earlier(k: Token, figs: list[Figure], linked: dict[int, list[Figure]]) -> int | None:
    """ "The bus carried 40 passengers ...; half of them were killed": a share of a group counted before."""
    subj = [c for c in k.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if not subj or subj[0].lower_ not in _FRACTIONS:
        return None
    if not any(c.lower_ == "of" and any(g.lower_ == "them" for g in c.children) for c in subj[0].children):
        return None
    used = {id(f) for fs in linked.values() for f in fs}
    before = [f for f in figs if f.end <= subj[0].i and id(f) not in used and f.best is not None]
    if not before:
        return None
    return round(before[-1].best * _FRACTIONS[subj[0].lower_]) if before[-1].best else None


def _of_whom(verb: Token) -> bool:
    """A relative clause about part of its noun: "34, four of whom later died"."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and any(p.lower_ == "of" and any(g.lower_ == "whom" for g in p.children) for p in c.children)
        for c in verb.children
    )


def _clause_verb(k: Token) -> Token:
    verb = k
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _dated_apart(k: Token, marker: Token) -> bool:
    """ "500 dead in the past three months, and on Friday 12 more were killed": a clause of its own,
    dated to a day, outside the running total's clause."""
    verb = _clause_verb(k)
    return marker.i not in {t.i for t in verb.subtree if t.dep_ not in ("conj",) or t.i == verb.i} and _this_week(k)


def _this_week(k: Token) -> bool:
    """A casualty word whose own clause is dated to a weekday or a recent day ("on Tuesday ... killed")."""
    verb = _clause_verb(k)
    near = [g for c in verb.children for g in (c, *c.children)]
    return any(t.lower_ in _RECENT for t in near)


def _dated(doc: Doc, i: int, sent: Span) -> bool:
    """A year that closes a date to the day ("On 12 May 2021", "May 12, 2021"), as ACLED's notes
    and dated reports have it: the dated event itself is told, not a period of history ("In 1994,
    ... the genocide", "in March 2019")."""
    before = [t.lower_ for t in doc[max(sent.start, i - 3) : i] if t.text != ","]
    if len(before) < 2:
        return False
    day, month = (before[-2], before[-1]) if before[-1] in _MONTHS else (before[-1], before[-2])
    return month in _MONTHS and day.isdigit() and 1 <= int(day) <= 31


def _reporter(tok: Token) -> str | None:
    """Who tells the figure: the subject of the reporting verb above it ("the UN said"), within its part of
    the sentence between semicolons ("Local authorities reported nine deaths; community leaders said 14")."""
    lo, hi = _segment(tok)
    cur = tok
    while cur.head.i != cur.i and lo <= cur.head.i < hi:
        cur = cur.head
    if cur.head.i != cur.i:
        # the parse hangs this part on another part's verb: its own reporting verb, if it has one
        verb = next((t for t in tok.doc[lo:hi] if t.lemma_ in _REPORTING and t.pos_ == "VERB" and t.i != tok.i), None)
        if verb is not None:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return subj.lemma_.lower() if subj is not None else f"{verb.lemma_}@{verb.i}"
    cur = tok
    while True:
        if cur.lemma_ in _REPORTING and cur.i != tok.i:
            subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and cur.tag_ == "VBG" and cur.dep_ in ("advcl", "xcomp", "conj"):
                # "a figure police disputed, saying only one had died": the subject of the clause it ends
                subj = next((c for c in cur.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj.lemma_.lower()
        if cur.head.i == cur.i:
            break
        cur = cur.head
    # "Twenty civilians were killed, the UN said": a parenthetical reporting clause
    for child in cur.children:
        if child.dep_ == "parataxis" and child.lemma_ in _REPORTING:
            subj = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                return subj.lemma_.lower()
    return None


def _segment(tok: Token) -> tuple[int, int]:
    """The token span of the part of ``tok``'s sentence between semicolons that holds it."""
    sent = tok.sent
    lo = max((t.i + 1 for t in tok.doc[sent.start : tok.i] if t.text == ";"), default=sent.start)
    hi = min((t.i for t in tok.doc[tok.i : sent.end] if t.text == ";"), default=sent.end)
    return lo, hi


def _told_twice(doc: Doc, items: list[tuple[int, list[Figure]]]) -> list[tuple[int, list[Figure]]]:
    """One toll told twice in one run of text ("Suicide attack kills 32 ... A suicide bomber struck
    a wedding, killing 32 people"): the same casualty word with the same figure counts once."""
    seen: list[tuple[str, int, str | None]] = []
    out = []
    for item in items:
        if len(item[1]) != 1:
            out.append(item)
            continue
        fig = item[1][0]
        noun = _counted_noun(doc, fig)
        # "killed five soldiers and five civilians" are two groups; "32" and "32 people" one
        who = noun.lemma_.lower() if noun.i != fig.anchor and noun.lemma_.lower() not in ("people", "person") else None
        key = (doc[item[0]].lemma_.lower(), fig.best or 0, who)
        if any(k[:2] == key[:2] and (k[2] is None or who is None or k[2] == who) for k in seen):
            continue
        seen.append(key)
        out.append(item)
    return out


def _superseded(doc: Doc, item: tuple[int, list[Figure]]) -> bool:
    """A toll the sentence replaces by a newer one: "revising an initial toll of 25", "updating a toll of 13
    dead given the night before", "up from 43"."""
    _, figs = item
    for f in figs:
        if f.start >= 2 and doc[f.start - 1].lower_ == "from" and doc[f.start - 2].lower_ in ("up", "down"):
            return True
    for tok in [doc[f.anchor] for f in figs] + [a for f in figs for a in list(doc[f.anchor].ancestors)[:3]]:
        if tok.lemma_.lower() not in _TOTAL_NOUNS and tok.lemma_.lower() not in _SUPERSEDED_NOUNS:
            continue
        if any(c.dep_ == "amod" and c.lemma_.lower() in _SUPERSEDED_MARKS for c in tok.children):
            return True
        if (tok.dep_ == "dobj" and tok.head.lemma_.lower() in _REVISING_VERBS
                and not any(c.dep_ == "prep" and c.lower_ == "to" for c in (*tok.head.children, *tok.children))):
            return True  # (but "updated the toll to 40" gives the new one)
    return False


def _rival_told(doc: Doc, plain: list[tuple[int, list[Figure]]], told: list[tuple[int, list[Figure]]]) -> bool:
    """A figure someone tells against one the sentence gives as fact ("at least four were killed, though local
    sources said nine died"; "three soldiers were killed, but residents said seven people died"): the told
    one's reporting verb is set against the rest by "though" or "but", and both count the same people."""
    def who(item: tuple[int, list[Figure]]) -> set[str]:
        nouns = {_counted_noun(doc, f).lemma_.lower() for f in item[1]}
        return {n for n in nouns if n in _PERSON_NOUNS and n not in _ANYONE}

    for k, _ in told:
        verb = next((a for a in doc[k].ancestors if a.lemma_ in _REPORTING and a.pos_ == "VERB"), None)
        if verb is None:
            return False
        # the parse hangs a "but" that joins two clauses on the first one's verb
        joined = [c for c in verb.head.children if c.dep_ == "cc" and c.i < verb.i] if verb.dep_ == "conj" else []
        marks = [*verb.children, *joined]
        if not any(c.lower_ in _CONTRAST and c.dep_ in ("mark", "cc", "advmod") for c in marks):
            return False
    kinds = [who(it) for it in (*plain, *told)]
    named = [k for k in kinds if k]
    return all(k == named[0] for k in named)


def _most_conservative(
    doc: Doc, items: list[tuple[int, list[Figure]]]
) -> tuple[list[tuple[int, list[Figure]]], int | None]:
    """When sources disagree on one toll ("20, the UN said, while the government put it at 12"),
    keep the lowest (ACLED) and the highest figure told as the top of the range (UCDP's high);
    figures told by one source add up."""
    by_source: dict[str | None, list[tuple[int, list[Figure]]]] = {}
    for item in items:
        by_source.setdefault(_reporter(doc[item[0]]), []).append(item)
    told = {k: v for k, v in by_source.items() if k is not None}
    if len(told) == 1 and None in by_source and _rival_told(doc, by_source[None], next(iter(told.values()))):
        told = {"": by_source[None], **told}  # "Four were killed, though local sources said nine died"
    elif len(told) < 2 or None in by_source:
        return items, None
    figs = [f for _, fs in items for f in fs]
    if any(doc[f.end].lower_ in _MORE_WORDS for f in figs if f.end < len(doc)):
        return items, None  # "officials recorded five more deaths": more dead, no rival figure

    def total(group: list[tuple[int, list[Figure]]], top: bool = False) -> int:
        return sum((f.high if top and f.high is not None else f.best) or 0 for _, fs in group for f in fs)

    return min(told.values(), key=total), max(total(g, top=True) for g in told.values())


def _zero_text(doc: Doc, sent: Span, kind: str, keywords: dict[int, str]) -> str:
    for k, kk in keywords.items():
        if kk == kind or kk == "casualty":
            lo = max(sent.start, k - 3)
            return doc[lo : k + 1].text
    return ""


def _vague_text(doc: Doc, k: int) -> str:
    tok = doc[k]
    lo = min([tok.i, *[c.i for c in tok.children if c.dep_ in ("amod", "det", "nummod") and c.i < tok.i]])
    return doc[lo : k + 1].text


def _tally_marker(sent: Span, lows: list[str]) -> int | None:
    lex = lexicon()
    doc = sent.doc
    firsts = {m[0] for m in lex.tally_markers}
    for i in range(sent.start, sent.end):
        if lows[i - sent.start] not in firsts:
            continue
        if _compares(doc, sent, i):
            continue  # "the deadliest since 2014", "the heaviest loss this year": a comparison, no total
        for key in lex.tally_markers:
            n = len(key)
            if i + n <= sent.end and tuple(lows[i - sent.start : i - sent.start + n]) == key:
                after = lows[i - sent.start + n : i - sent.start + n + 3]
                if _within_a_day(after):
                    break  # "killed in battles over the past 24 hours": one day's fighting, no total
                if key[-1] in ("past", "last") and not any(w in _PERIODS or w in lex.day_spans for w in after):
                    break  # "control of the last known lair": no period
                return i
    return None


def _within_a_day(after: list[str]) -> bool:
    """The words after "over the past" measure a day at most: "24 hours", "few hours", "day"."""
    spans = lexicon().day_spans
    for k, w in enumerate(after):
        if w in spans:
            figures = [x for x in after[:k] if x.isdecimal()]
            return all(int(x) <= 24 for x in figures) or w == "day"
        if w in ("days", "weeks", "months", "years", "week", "month", "year"):
            return False
    return False


def _year_period(sent: Span, published_year: int) -> int | None:
    """ "in 2024", "during 2023": a whole recent year, not a day (the token of the preposition)."""
    doc = sent.doc
    for t in sent:
        if (
            len(t.text) == 4
            and t.text.isdigit()
            and published_year - 1 <= int(t.text) <= published_year
            and t.i > sent.start
            and doc[t.i - 1].lower_ in ("in", "during", "throughout")
            and not _compares(doc, sent, t.i - 1)
            and not _one_event(sent)
        ):
            return t.i - 1
    return None


def _one_event(sent: Span) -> bool:
    """ "in a raid that wounded 6", "in the attack": the sentence tells one event, not a year's toll."""
    return any(
        t.lemma_ in _EVENT_NOUNS and t.tag_ == "NN" and any(c.lower_ in ("a", "an") for c in t.children) for t in sent
    )


def _ongoing(k: Token) -> bool:
    """A casualty word told of a war or an insurgency as a whole: "the conflict has killed 150,000"."""
    subjects = lexicon().tally_subjects
    verb = k.head if k.dep_ in ("dobj", "oprd", "acomp") and k.head.pos_ == "VERB" else k
    if verb.pos_ != "VERB":
        return False
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in subjects:
        return True  # "the war, which has killed ..."
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in subjects for c in verb.children):
        return True
    # "killed in Syria's three-year war", "died during the insurgency": the whole war's toll
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "during", "throughout")
        and any(
            o.dep_ == "pobj" and o.lemma_.lower() in subjects
            # "killing 40 people in a siege that lasted 12 hours": one siege of a hotel, not a city's
            and not any(d.lower_ in ("a", "an") for d in o.children)
            for o in c.children
        )
        for c in verb.children
    )


def _compares(doc: Doc, sent: Span, i: int) -> bool:
    """A superlative or an ordinal shortly before the marker at ``i``, in the same phrase ("the
    deadliest since 2014", "the 104th such killing this year": a rank, no total)."""
    for t in reversed(doc[max(sent.start, i - 8) : i]):
        if t.is_punct or t.pos_ in ("VERB", "AUX"):
            return False
        if (t.tag_ == "JJS" and t.lower_ not in ("least", "most")) or t.lower_ == "first" or t.lower_ in _ORDINALS:
            return True
        if _NUMBERED.fullmatch(t.lower_):
            return True
    return False


def _later_death(k: Token) -> bool:
    """A death told as coming after the event's first ones: "a second ranger died", "another victim
    succumbed", "died of his wounds", "died in hospital"."""
    if any(t.lower_ == "another" or t.lower_ in _ORDINALS or any(c.lower_ in _ORDINALS for c in t.children)
           for t in _victims(k)):
        return True
    if k.lemma_ == "succumb":
        return True
    if k.lemma_ != "die":
        return False
    # "died in hospital", "died of his wounds" (but "died of gunshot wounds" tells only how: "two protesters
    # died of gunshot wounds, bringing the number killed in a week of unrest to 14" is a running total)
    return any(
        c.dep_ == "prep"
        and any(
            (c.lower_ == "in" and g.lemma_ == "hospital")
            or (c.lower_ in ("of", "from") and g.lemma_ in ("injury", "wound")
                and any(d.dep_ == "poss" for d in g.children))
            for g in c.children
        )
        for c in k.children
    )


def _cumulative(k: Token) -> bool:
    """A toll brought or raised to a figure ("bringing the death toll to 23")."""
    cur = k
    for _ in range(3):
        if cur.dep_ == "dobj" and cur.head.lemma_ in ("bring", "raise", "take", "push", "increase", "lift"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _under_marker(k: Token, marker: Token) -> bool:
    """True when the casualty word lies in the clause the tally marker modifies."""
    gov = marker.head
    while gov.pos_ not in ("VERB", "AUX", "ADJ") and gov.head.i != gov.i:
        gov = gov.head  # "this year", "the past two weeks": up to the verb they modify
    # the marker's own clause ("since the government launched ...") hangs from the count's clause
    if gov.dep_ in ("advcl", "prep", "pcomp", "pobj") and gov.head.i != gov.i:
        gov = gov.head
    # a period shared by coordinated figures: "500 killed and 2,000 injured since ..."
    for _ in range(3):
        if gov.dep_ not in ("acl", "conj") or gov.head.i == gov.i:
            break
        gov = gov.head
    return k.i in {t.i for t in gov.subtree}
