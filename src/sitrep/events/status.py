"""An event's status (occurred, announced, denied, negated, claimed, threatened, planned,
hypothetical) from negation, modality and governing verbs; None when it is no dated event."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import StatusCues, WordSet
from .roles import REPORTING, ancestors

__all__ = ["is_background", "is_prior", "status_of"]

_MODAL_TAGS = frozenset({"MD"})


def _forms(tok: Token) -> tuple[set[str], str]:
    """A verb's lemma, and its lemma with particle/preposition/object ("call for", "claim responsibility")."""
    lemma = tok.lemma_.lower()
    words = {lemma, tok.lower_}
    parts = [lemma]
    for c in tok.children:
        if c.dep_ in ("prt", "prep", "dobj", "aux", "acomp") and c.i > tok.i:
            parts.append(c.lemma_.lower())
            words.add(f"{lemma} {c.lemma_.lower()}")
    return words, " " + " ".join(parts) + " "


def _has(ws: WordSet, tok: Token) -> bool:
    words, joined = _forms(tok)
    return ws.in_words(words, joined)


def _anchor(trigger: Token) -> Token:
    """The verb whose tense and modality are the event's: the trigger itself or the verb above it."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    for a in ancestors(trigger):
        if a.pos_ in ("VERB", "AUX"):
            return a
    return trigger


def _year(tok: Token) -> int | None:
    if tok.like_num and len(tok.text) == 4 and tok.text.isdigit():
        y = int(tok.text)
        if 1900 <= y <= 2100:
            return y
    return None


def _past_year(c: Token, trigger: Token, published_year: int | None) -> bool:
    """A year before publication attached to the event ("the 1982 massacre", "in 1945")."""
    years = [y for g in c.subtree if (y := _year(g)) is not None]
    if not years:
        return False
    earlier = published_year is not None and min(years) < published_year
    if c.dep_ in ("nummod", "compound", "amod", "npadvmod", "poss"):
        return published_year is None or earlier
    if c.dep_ == "prep" and c.lower_ == "in":
        # without a publication date, only a named past event ("the bombing of Dresden in 1945")
        return earlier or (published_year is None and trigger.pos_ in ("NOUN", "PROPN"))
    return c.dep_ == "prep" and c.lower_ == "during" and earlier


def _habitual_or_total(c: Token, cues: StatusCues) -> bool:
    """A short modifier that makes the event a repeat or a total ("every week", "so far")."""
    sub = list(c.subtree)
    if c.dep_ not in ("npadvmod", "advmod", "prep") or len(sub) > 5:
        return False
    if any(g.lower_ in ("every", "each") and g.dep_ == "det" for g in sub):
        return True
    if any(g.lower_ == "ago" for g in sub) and any(g.lower_ in ("years", "decades", "year") for g in sub):
        return True  # "ten years ago": history
    return cues.summary_words.in_words(set(), " " + " ".join(g.lower_ for g in sub) + " ")


def is_background(trigger: Token, cues: StatusCues, published_year: int | None) -> bool:
    """True for history ("the 1982 massacre"), running totals ("since", "every week") and
    remembrance: told events that are no single dated event."""
    anchor = _anchor(trigger)
    around = [trigger] if anchor.i == trigger.i else [trigger, anchor]
    if anchor.dep_ == "conj":
        around.append(anchor.head)  # "Ten years ago, a gunman entered ... and killed seven"
    for tok in around:
        for c in tok.children:
            if _past_year(c, trigger, published_year):
                return True
            if c.dep_ in ("prep", "mark") and c.lower_ == "since":
                return True
            if _habitual_or_total(c, cues):
                return True
    if anchor.dep_ == "advcl" and any(c.lower_ == "since" and c.dep_ == "mark" for c in anchor.children):
        return True
    return any(a.pos_ in ("VERB", "AUX") and _has(cues.no_event_governors, a) for a in ancestors(trigger))


def is_prior(trigger: Token, cues: StatusCues) -> bool:
    """True for a noun told as what came before ("after a demonstration", "in retaliation for
    the air raid", "after days of fighting"): background when the sentence tells another event."""
    if trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    return prep.lower_ in cues.background_preps or prep.head.lemma_.lower() in cues.background_heads


def status_of(trigger: Token, code: str, cues: StatusCues) -> str:
    """The status of the event the trigger tells (reporting verbs leave it unchanged)."""
    anchor = _anchor(trigger)
    # "no shelling was reported", "there were no clashes"
    if any(c.dep_ == "det" and c.lower_ in cues.no_determiner for c in trigger.children):
        return "negated"
    for a in ancestors(trigger):
        if a.pos_ == "ADP" and a.lower_ == "without":
            return "negated"
        if a.i == anchor.i:
            break
    if any(c.dep_ == "neg" for c in anchor.children) or any(c.dep_ == "neg" for c in trigger.children):
        return "negated"
    modal = [c.lower_ for c in anchor.children if c.tag_ in _MODAL_TAGS or c.dep_ == "aux"]
    if any(m in ("could", "might", "may", "would", "should", "can") for m in modal):
        return "hypothetical"
    marks = {c.lower_ for c in anchor.children if c.dep_ == "mark"}
    # "if they attack"; "before they demobilize" (present tense: not yet; past tense: it happened)
    if marks & {"if", "unless"} or (marks & {"before", "until"} and anchor.tag_ in ("VB", "VBP", "VBZ")):
        return "hypothetical"
    for c in trigger.children:  # "a scheduled protest", "a possible attack"
        if c.dep_ in ("amod", "compound") and _has(cues.hypothetical, c):
            return "hypothetical"
        if c.dep_ in ("amod", "compound") and _has(cues.planned, c):
            return "planned"
    future = any(m in ("will", "shall", "'ll") for m in modal)
    chain = [a for a in ancestors(trigger) if a.pos_ in ("VERB", "AUX", "NOUN", "ADJ")][:5]
    for a in chain:
        if a.lemma_.lower() in REPORTING:
            continue
        if _has(cues.denied, a):
            return "denied"
        if _has(cues.claimed, a) or a.lemma_.lower() == "responsibility":
            return "claimed"
        if _has(cues.threatened, a):
            return "threatened"
        if _has(cues.hypothetical, a):
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "would") for c in a.children):
            return "hypothetical"
        if _has(cues.planned, a):
            return "planned"
    if anchor.i != trigger.i and _has(cues.denied, anchor):
        return "denied"
    if future:
        return "planned"
    if code in cues.announced_codes:
        for a in [anchor, *ancestors(anchor)][:3]:
            if _has(cues.announced, a):
                return "announced"
    return "occurred"
