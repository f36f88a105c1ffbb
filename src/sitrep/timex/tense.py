"""Which way a sentence looks in time: from the parse when there is one, else from cue words."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

from spacy.tokens import Doc

from .lexicon import lexicon

__all__ = ["TenseFn", "doc_tense", "sentence_bounds", "text_tense"]

# (start, end) of an expression -> "PAST", "FUTURE" or None when nothing tells.
TenseFn = Callable[[int, int], str | None]

_SENT_BREAK = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*")
_WINDOW = 90
_WORD = re.compile(r"\w+")
_CLAUSE_EDGE = re.compile(r"[,;:()\[\]—–]|\s-\s")


# Words whose full stop ends an abbreviation, not a sentence, before a capital or a digit:
# titles ("Gen. Aoun"), "vs." ("Roe vs. Wade"), "No. 2", month abbreviations ("Oct. 21").
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "capt", "cmdr", "maj", "sgt", "adm", "sen", "rep", "gov", "prof",
     "rev", "st", "ft", "mt", "jr", "sr", "vs", "v", "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
     "sep", "sept", "oct", "nov", "dec"}
)  # fmt: skip
_WORD_BEFORE = re.compile(r"(?:^|(?<=[^\w.]))(\w+)\.[\"')\]]*\s*$")


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of the text's sentences, read from punctuation and line breaks.

    A full stop after a known abbreviation or a single capital ("George W. Bush") ends no sentence.
    """
    starts = [0]
    for m in _SENT_BREAK.finditer(text):
        if text[m.start() - 1 : m.start()] == ".":
            before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.end())
            if before is not None:
                word = before.group(1)
                if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                    continue
        starts.append(m.end())
    return starts


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], frozenset[str]]:
    lex = lexicon()
    words = sorted({*lex.future_cues, *lex.past_cues}, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    # A participle after "be" or a modal ("will be named", "is expected") is no past tense.
    participle = r"(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)(?<!\bto\s)(?<!being\s)[a-z]{3,}ed"
    pattern = re.compile(rf"(?<![\w'])(?:{alternation}|{participle})(?![\w'])", re.IGNORECASE)
    return pattern, frozenset(lex.future_cues)


# Words in "-ed" that are no verb in the past: "succeed", "need", "hundred", "sacred".
_NOT_PAST = ("ceed", "need", "feed", "speed", "deed", "heed", "bleed", "breed", "hundred", "kindred", "sacred",
             "naked", "wicked")  # fmt: skip


# A word before a verb that makes it a base form ("to hit", "will set", "didn't put").
_BASE_FORM_BEFORE = re.compile(
    r"(?:\b(?:to|will|would|could|can|may|might|must|shall|should|not)|n[’']t)\s+$", re.IGNORECASE
)


def text_tense(text: str, bounds: list[int] | None = None) -> TenseFn:
    """A tense guesser over raw text: the cue word nearest the expression in its sentence wins."""
    starts = bounds if bounds is not None else sentence_bounds(text)
    pattern, future = _cues()

    def nearest_cue(start: int, end: int, lo: int, hi: int) -> str | None:
        best: tuple[int, str] | None = None
        for m in pattern.finditer(text, lo, hi):
            if start <= m.start() < end:
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            word = re.sub(r"\s+", " ", m.group(0).lower())
            if word.endswith(_NOT_PAST):
                continue
            if word not in future and _BASE_FORM_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "expected to hit", "could set": a base form, no past tense
            # A cue before the expression governs it more often than one after it.
            distance = distance if m.end() <= start else distance + 15
            if best is None or distance < best[0]:
                best = (distance, "FUTURE" if word in future else "PAST")
        return best[1] if best else None

    def tense(start: int, end: int) -> str | None:
        i = bisect_right(starts, start) - 1
        s_start = starts[i] if i >= 0 else 0
        s_end = starts[i + 1] if i + 1 < len(starts) else len(text)
        lo = max(s_start, start - _WINDOW)
        hi = min(s_end, end + _WINDOW)
        # First the clause around the expression (up to commas and brackets), then the sentence.
        c_lo = max((m.end() for m in _CLAUSE_EDGE.finditer(text, lo, start)), default=lo)
        edge = _CLAUSE_EDGE.search(text, end, hi)
        c_hi = edge.start() if edge else hi
        # A clause without a cue takes the sentence's nearest earlier cue ("will leave at 4 a.m.
        # (4 a.m. EDT Thursday)"), never a later one ("who takes office in January, said ...").
        found = nearest_cue(start, end, c_lo, c_hi) or nearest_cue(start, end, lo, start)
        if found is None and len(_WORD.findall(text, s_start, start)) <= 3:
            # A fronted adverbial ("In January, the company hired ...") takes its main clause's tense.
            found = nearest_cue(start, end, end, hi)
        return found

    return tense


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "ll"})


def doc_tense(doc: Doc, fallback: TenseFn | None = None) -> TenseFn:
    """A tense guesser from the parse: the verb governing the expression and its auxiliaries."""

    def tense(start: int, end: int) -> str | None:
        span = doc.char_span(start, end, alignment_mode="expand")
        verdict: str | None = None
        if span is not None and len(span):
            tok = span.root
            for _ in range(5):
                if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
                    break
                tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
                perfect = tok.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)
                past = tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes) or perfect
                if any(a.lower_ in _FUTURE_AUX for a in auxes):
                    verdict = "FUTURE"
                elif past:
                    verdict = "PAST"
        if verdict is None and fallback is not None:
            return fallback(start, end)
        return verdict

    return tense
