"""Finding trigger words: a first-word index over the phrases of event_triggers.yaml, built once.

Each phrase word matches a token whose lemma or lower-case form is the word or one of its
regular inflections (the small model's lemmatizer misses some: "raped" -> "rap"). A hash
lookup per token keeps matching far cheaper than the parse (the speed budget).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from .lexicon import Trigger, rules

__all__ = ["GAP", "TriggerMatch", "find_triggers", "inflections", "phrase_index"]

# A "..." in a phrase lets up to _GAP_MAX words stand between ("took 20 women hostage").
GAP = "..."
_GAP_MAX = 4
_VOWELS = frozenset("aeiou")
_NONE: frozenset[int] = frozenset()

# A compiled phrase: per word the accepted forms, None for a gap.
Compiled = tuple[frozenset[str] | None, ...]


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger entry matched at tokens ``start:end`` of the doc."""

    trigger: Trigger
    start: int
    end: int


def inflections(word: str) -> list[str]:
    """Regular English inflections of a base form ("rape" -> "raped", "raping", "rapes")."""
    if not word.isalpha() or len(word) < 3:
        return [word]
    forms = {word, word + "s", word + "ed", word + "ing", word + "es"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS and word[-3] not in _VOWELS:
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return sorted(forms)


@lru_cache(maxsize=1)
def phrase_index() -> dict[str, tuple[tuple[Trigger, Compiled], ...]]:
    """Every trigger phrase, keyed by each accepted form of its first word."""
    index: dict[str, list[tuple[Trigger, Compiled]]] = {}
    for trig in rules().triggers:
        for phrase in trig.phrases:
            compiled: Compiled = tuple(None if w == GAP else frozenset(inflections(w)) for w in phrase)
            first = compiled[0]
            if first is None:
                raise ValueError(f"event_triggers.yaml {trig.key}: a phrase cannot start with {GAP!r}")
            for form in first:
                index.setdefault(form, []).append((trig, compiled))
    return {k: tuple(v) for k, v in index.items()}


def _match_at(compiled: Compiled, pos: int, i: int, lemmas: list[str], lowers: list[str],
              dest: frozenset[int] = _NONE) -> int | None:
    """The end of the phrase matched from token ``i`` (word ``pos`` of it), else None; a gap may not
    hold a token of ``dest``."""
    if pos == len(compiled):
        return i
    want = compiled[pos]
    if want is None:
        for skip in range(_GAP_MAX + 1):
            if skip and i + skip - 1 in dest:
                break
            end = _match_at(compiled, pos + 1, i + skip, lemmas, lowers, dest)
            if end is not None:
                return end
        return None
    if i >= len(lemmas) or (lemmas[i] not in want and lowers[i] not in want):
        return None
    return _match_at(compiled, pos + 1, i + 1, lemmas, lowers, dest)


def find_triggers(doc: Doc) -> list[TriggerMatch]:
    """Every trigger entry matched in the doc, once per entry and span, in text order."""
    index = phrase_index()
    lemmas = [t.lemma_.lower() for t in doc]
    lowers = [t.lower_ for t in doc]
    seen: set[tuple[str, int, int]] = set()
    out: list[TriggerMatch] = []
    for i, (lemma, lower) in enumerate(zip(lemmas, lowers, strict=True)):
        entries = index.get(lemma, ())
        if lower != lemma:
            entries = entries + index.get(lower, ())
        # a gap does not run over the verb's own destination: "driven to Winnipeg from Montreal" was
        # a ride, "drove the rebels from the town" an expulsion
        dest = frozenset(t.i for t in doc[i].children if t.lower_ == "to" and t.dep_ == "prep") if entries else _NONE
        for trig, compiled in entries:
            end = _match_at(compiled, 1, i + 1, lemmas, lowers, dest)
            if end is None or (trig.key, i, end) in seen:
                continue
            seen.add((trig.key, i, end))
            out.append(TriggerMatch(trig, i, end))
    out.sort(key=lambda m: (m.start, -m.end))
    return out
