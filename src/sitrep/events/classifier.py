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

import numpy as np
import numpy.typing as npt
import yaml

from ..errors import SitrepError
from ..model import Article, Event

__all__ = ["NONE", "Head", "Prediction", "gate", "head", "predict", "probabilities"]

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
def _drop_at() -> float:
    data = yaml.safe_load(resources.files("sitrep.data").joinpath("classifier.yaml").read_text("utf-8"))
    return float(data["drop_when_no_event"])


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
