"""Who says so: the sources a sentence attributes its report to ("according to X", "X said").

Reporting verbs and source nouns are in ``data/attribution.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

__all__ = ["accusing_verbs", "commenting_verbs", "normalise", "sources"]


@dataclass(frozen=True)
class _Lexicon:
    verbs: frozenset[str]
    spokesmen: frozenset[str]
    strip: frozenset[str]
    generic: dict[str, str]
    accusing: frozenset[str]
    commenting: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = yaml.safe_load(resources.files("sitrep.data").joinpath("attribution.yaml").read_text("utf-8"))
    return _Lexicon(
        verbs=frozenset(raw["verbs"]),
        spokesmen=frozenset(raw["spokesmen"]),
        strip=frozenset(raw["strip"]),
        generic={k.lower(): v for k, v in raw["generic_sources"].items()},
        accusing=frozenset(raw["accusing"]),
        commenting=frozenset(raw["commenting"]),
    )


def accusing_verbs() -> frozenset[str]:
    """Lemmas of verbs that charge someone with an act ("accused Y of shelling")."""
    return _lexicon().accusing


def commenting_verbs() -> frozenset[str]:
    """Lemmas of verbs that judge an event from outside ("condemned by the UN")."""
    return _lexicon().commenting


def _phrase(tok: Token) -> list[Token]:
    """The source noun phrase: the head with its modifiers, clauses and appositions left out."""
    keep = [tok]
    for child in tok.children:
        if child.dep_ in ("relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "prep") and not (
            child.dep_ == "prep" and child.lower_ in ("for", "of") and child.i > tok.i
        ):
            continue
        keep.extend(_phrase(child))
    return sorted(keep, key=lambda t: t.i)


def normalise(tok: Token) -> str | None:
    """A source's name: the person or organisation its noun phrase names, else its words."""
    lex = _lexicon()
    if tok.pos_ == "PRON" or tok.lower_ in ("they", "it", "he", "she", "we", "who"):
        return None
    # "a spokesman for the army", "officials of the ministry": the body they speak for
    if tok.lemma_.lower() in lex.spokesmen:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "of", "from", "at"):
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return normalise(objs[0])
    words = _phrase(tok)
    for label in ("PERSON", "ORG", "NORP", "GPE"):
        ents = [t for t in words if t.ent_type_ == label]
        if ents and label in ("PERSON", "ORG"):
            ent = ents[-1]
            span = next((e for e in tok.doc.ents if e.start <= ent.i < e.end), None)
            if span is not None:
                text = span.text
                return text[4:] if text.lower().startswith("the ") else text
    kept = [t for t in words if t.dep_ not in ("det", "poss", "nummod") and t.lower_ not in lex.strip]
    while kept and (kept[0].is_punct or "-based" in kept[0].text or kept[0].dep_ in ("npadvmod",)):
        kept = kept[1:]
    text = " ".join(t.text for t in kept).replace(" - ", "-").replace(" 's", "'s")
    if not text or text.lower() in ("group", "people", "report", "reports"):
        return None
    return lex.generic.get(text.lower(), text)


def _charges(verb: Token, lex: _Lexicon) -> bool:
    """True for a charge with its act: "accused the regime of shelling", "blamed X for the attack"."""
    if verb.lemma_.lower() not in lex.accusing:
        return False
    objs = [verb, *(o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts))]
    return any(c.dep_ == "prep" and c.lower_ in ("of", "for") for o in objs for c in o.children)


def sources(sent: Span) -> list[str]:
    """The normalised sources the sentence attributes its report to, in order."""
    lex = _lexicon()
    found: list[str] = []
    for tok in sent:
        subject: Token | None = None
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < sent.end and tok.nbor().lower_ == "to":
                to = tok.nbor()
            if to is not None:
                subject = next((c for c in to.children if c.dep_ == "pobj"), None)
        elif (tok.lemma_.lower() in lex.verbs or tok.lemma_.lower() in lex.accusing) and tok.pos_ in ("VERB", "AUX"):
            if any(c.lower_ == "responsibility" for c in tok.children):
                continue  # a claim of responsibility names the perpetrator, not a source
            if (
                not any(c.dep_ in ("ccomp", "xcomp") for c in tok.children)
                and tok.dep_ not in ("parataxis", "ccomp", "conj")
                and not _charges(tok, lex)
            ):
                continue  # "announced a ceasefire" reports nothing; "accused the army of shelling" does
            subject = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
            if subject is None:
                # "..., said a spokesman for the army": the subject after the verb
                subject = next(
                    (
                        c
                        for c in tok.children
                        if c.dep_ in ("dobj", "attr") and c.i > tok.i and c.lemma_.lower() in lex.spokesmen
                    ),
                    None,
                )
        if subject is None:
            continue
        name = normalise(subject)
        if name and name not in found:
            found.append(name)
    return found
