"""The learned event classifier: a softmax head (data/event_head.json) over sentence-encoder embeddings.

It reads one sentence (or snippet) and gives a probability for each of ACLED's 25 sub-types and for
"no event". ``train/train_head.py`` rebuilds the head from ``train/events/``; ``make train`` runs it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
import numpy.typing as npt
import yaml
from spacy.tokens import Doc, Span, Token

from ..errors import SitrepError
from ..model import Article, Event, Evidence
from ..nlp import segment_kind

__all__ = ["NONE", "Head", "Prediction", "fill_in", "gate", "head", "predict", "probabilities"]

NONE = "none"
HEAD_FILE = "event_head.json"


@dataclass(frozen=True)
class Head:
    """Labels, weights and bias of the softmax head, and its calibration temperature."""

    labels: tuple[str, ...]
    weights: npt.NDArray[np.float32]
    bias: npt.NDArray[np.float32]
    temperature: float

    def probabilities(self, embeddings: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
        """Calibrated class probabilities, one row per embedding."""
        logits = (embeddings @ self.weights.T + self.bias) / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        out: npt.NDArray[np.float32] = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
        return out


@dataclass(frozen=True)
class Prediction:
    """The most probable label of a text, its probability, and the probability of no event."""

    label: str
    confidence: float
    p_none: float

    @property
    def code(self) -> str | None:
        """The ACLED sub-type code, None for no event."""
        return None if self.label == NONE else self.label


@lru_cache(maxsize=1)
def head() -> Head:
    """The committed head, loaded once."""
    try:
        data = json.loads(resources.files("sitrep.data").joinpath(HEAD_FILE).read_text("utf-8"))
    except FileNotFoundError as exc:
        raise SitrepError(f"the event head {HEAD_FILE} is missing: run `make train`", code="model") from exc
    return Head(
        labels=tuple(data["labels"]),
        weights=np.asarray(data["weights"], dtype=np.float32),
        bias=np.asarray(data["bias"], dtype=np.float32),
        temperature=float(data["temperature"]),
    )


def probabilities(texts: Sequence[str]) -> npt.NDArray[np.float32]:
    """Class probabilities (columns in ``head().labels`` order) for each text."""
    from ..encoder import embed

    h = head()
    if not texts:
        return np.zeros((0, len(h.labels)), dtype=np.float32)
    return h.probabilities(embed(texts))


def predict(texts: Sequence[str]) -> list[Prediction]:
    """The most probable label of each text."""
    h = head()
    none = h.labels.index(NONE)
    out = []
    for row in probabilities(texts):
        k = int(row.argmax())
        out.append(Prediction(h.labels[k], float(row[k]), float(row[none])))
    return out


@lru_cache(maxsize=1)
def _raw_settings() -> dict[str, Any]:
    text = resources.files("sitrep.data").joinpath("classifier.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _settings() -> dict[str, float]:
    return {k: float(v) for k, v in _raw_settings().items() if isinstance(v, (int, float))}


def _drop_at() -> float:
    return _settings()["drop_when_no_event"]


def _anchor(sent: Span) -> Token:
    """The word the model-found event hangs on: the sentence's main verb, else its first verb, else its root."""
    root = sent.root
    if root.pos_ in ("VERB", "AUX"):
        return root
    return next((t for t in sent if t.pos_ == "VERB"), root)


def fill_in(doc: Doc, article: Article, mentions: list[Event], skip: frozenset[str]) -> list[Event]:
    """``mentions`` (the rules') plus one mention for each sentence the rules found nothing in and the
    classifier gives an event sub-type with at least ``add_when_at_least`` (data/classifier.yaml)."""
    from .coder import blocked
    from .lexicon import rules
    from .status import is_background, status_of
    from .taxonomy import subtype

    limit = _settings()["add_when_at_least"]
    if limit > 1.0:
        return mentions
    covered = {m.sentence for m in mentions}
    vetoes = [str(n) for n in _raw_settings().get("veto_sets") or []]
    sents = list(doc.sents)[: int(_settings()["lead_sentences"])]
    r = rules()
    if len(sents) > 1 and blocked(sents[0], [*r.title_frames, *r.lead_frames]):
        return mentions  # a headline about a drill or an accident frames its lead (event_rules.yaml)
    todo = [
        (i, s)
        for i, s in enumerate(sents)
        if i not in covered
        and sum(t.is_alpha for t in s) >= 4
        and segment_kind(article, s.start_char, s.end_char) not in skip
        and not blocked(s, vetoes)
    ]
    if not todo:
        return mentions
    cues = rules().status
    year = int(article.published[:4]) if article.published and article.published[:4].isdigit() else None
    added: list[Event] = []
    for (index, sent), pred in zip(todo, predict([s.text for _, s in todo]), strict=True):
        if pred.code is None or pred.confidence < limit:
            continue
        anchor = _anchor(sent)
        if is_background(anchor, cues, year):
            continue
        sub = subtype(pred.code)
        added.append(
            Event(
                id="",
                event_type=sub.event_type,
                sub_event_type=sub.sub_event_type,
                code=pred.code,
                status=status_of(anchor, pred.code, cues),
                evidence=Evidence(
                    start=sent.start_char,
                    end=sent.start_char + len(sent.text.rstrip()),
                    trigger=anchor.text,
                    trigger_start=anchor.idx,
                    trigger_end=anchor.idx + len(anchor.text),
                ),
                confidence=round(pred.confidence * 0.8, 2),
                sentence=index,
            )
        )
    return sorted([*mentions, *added], key=lambda m: (m.sentence, m.evidence.trigger_start))


def gate(article: Article, mentions: list[Event]) -> list[Event]:
    """The mentions whose sentence the classifier does not hold to tell no event (data/classifier.yaml);
    a mention that reports deaths is kept whatever the classifier says."""
    limit = _drop_at()
    if not mentions or limit >= 1.0:
        return mentions
    spans = sorted({(m.evidence.start, m.evidence.end) for m in mentions})
    text = article.text
    preds = dict(zip(spans, predict([text[a:b] for a, b in spans]), strict=True))
    return [
        m for m in mentions if m.fatalities.best or preds[(m.evidence.start, m.evidence.end)].p_none < limit
    ]
