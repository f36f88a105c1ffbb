"""Rebuild the event classifier's head (src/sitrep/data/event_head.json) from the snippets in train/events/.

Run by ``make train``. Deterministic: the same snippets, rules and encoder give the same head. The head
reads a snippet's token vectors and the sub-types the rules find in it (``rules_read`` below), so the
rules run over every snippet first (about three minutes), then the encoder (about three), then 300
full-batch epochs (about 15 minutes on two cores). Every fifth snippet (by a hash of its text) is kept
out of training as the fresh set; it calibrates the head's temperature and gives the figures written
into the head and printed here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from sitrep.encoder import DIM, pool, tokens
from sitrep.events.classifier import (
    NONE,
    from_json,
    held_out,
    pooled_input,
    rule_codes,
    rule_features,
)
from sitrep.events.coder import code_events
from sitrep.events.taxonomy import CODES
from sitrep.ingest import article_from_text
from sitrep.nlp import load as load_nlp
from sitrep.nlp import parse

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "train" / "events"
OUT = ROOT / "src" / "sitrep" / "data" / "event_head.json"
LABELS = (*CODES, NONE)
HIDDEN = 256
L2 = 1e-3
EPOCHS = 300
RATE = 0.003
DROPOUT = 0.3  # of hidden units, and the share of snippets trained without the rules' reading
# "No event" weighs three times what its count alone gives it (each class weighs the square root of its
# rarity): the head then fills in fewer events where the text tells none, at some cost in events it
# no longer fills in (train/README.md, twenty-sixth session: twice; twenty-eighth: three times, for the
# max-pooled input, which reads more events into non-events at twice). It shifts the head's probabilities
# towards no event, so the thresholds of src/sitrep/data/classifier.yaml are measured for this weight.
NONE_WEIGHT = 3.0
# The head is several networks trained alike from these seeds, their calibrated probabilities averaged
# (sitrep.events.classifier.Ensemble): one seed's reading of a sentence unlike its training data moved
# the real-news sets by 0.02-0.04 from one retraining to the next (train/README.md, thirty-first session).
SEEDS = (0, 1, 2)
# The head reads each sentence's mean-pooled embedding and its max-pooled token vectors (a trigger word's
# strongest dimensions, which the mean dilutes), these scaled by a quarter to about the size of the mean's.
# Measured 2026-12-06 against the mean alone (train/README.md, twenty-eighth session).
POOLING = (("mean", 1.0), ("max", 0.25), ("token", 1.0))
# The head also learns TOKEN_UNITS detectors over each token vector, each max-pooled over the sentence: a
# trigger word or phrase in its context ("looted", "a stash of", "defected"), which the fixed poolings
# blur. Measured 2026-12-06 against the mean and max alone (train/README.md, twenty-ninth session).
TOKEN_UNITS = 128

Array = npt.NDArray[np.float32]


def load() -> list[dict[str, Any]]:
    """Every snippet of train/events/*.jsonl, in file and line order."""
    rows = []
    for path in sorted(DATA.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                label = row.get("code") or NONE
                if label not in LABELS:
                    sys.exit(f"{path.name}:{n}: unknown code {label!r}")
                rows.append({"text": row["text"], "label": label, "source": path.name})
    return rows


def rules_read(texts: list[str]) -> list[set[str]]:
    """The sub-types the hand-written rules find in each text, read as the pipeline reads a snippet."""
    nlp = load_nlp()
    return [
        rule_codes(code_events(doc, article_from_text(text)))
        for text, doc in zip(texts, parse(texts, nlp), strict=True)
    ]


def softmax(z: Array) -> Array:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: Array = e / e.sum(axis=1, keepdims=True)
    return out


class Tokens:
    """Many texts' token vectors stacked in one array, with each text's number of tokens."""

    def __init__(self, per_text: list[Array]) -> None:
        self.vectors: Array = np.concatenate(per_text).astype(np.float32)
        self.lengths = np.array([len(t) for t in per_text], dtype=np.int64)
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]]).astype(np.int64)

    def pooled(self, w: Array, b: Array) -> tuple[Array, Array]:
        """Each text's max over its tokens of the units ReLU(vector @ w + b), and those pre-activations."""
        pre: Array = self.vectors @ w + b
        return np.maximum.reduceat(np.maximum(pre, 0), self.starts, axis=0), pre


def _init(rng: np.random.Generator, rows: int, cols: int, gain: float = 2.0) -> Array:
    out: Array = (rng.standard_normal((rows, cols)) * np.sqrt(gain / rows)).astype(np.float32)
    return out


def fit(x: Array, tokens: Tokens, y: npt.NDArray[np.int64], k: int, seed: int) -> list[tuple[Array, Array]]:
    """A layer over each token vector, max-pooled over the text (``TOKEN_UNITS`` word detectors), beside the
    pooled embeddings and the rules' reading ``x``; then one hidden ReLU layer and a softmax. Classes weigh
    the square root of their rarity ("no event" ``NONE_WEIGHT`` more); units dropped out; full-batch Adam.
    Returns the token layer, then the network's layers with the token units' rows placed after the
    embeddings' (the order of :func:`inputs`)."""
    rng = np.random.default_rng(seed)
    n, d = x.shape
    counts = np.bincount(y, minlength=k).astype(np.float32)
    rarity = np.sqrt(n / (k * np.maximum(counts, 1)))
    rarity[k - 1] *= NONE_WEIGHT  # "no event" is the last label (LABELS)
    weight = rarity[y].astype(np.float32)
    onehot = np.eye(k, dtype=np.float32)[y]
    params = [
        _init(rng, d, HIDDEN),
        np.zeros(HIDDEN, np.float32),
        _init(rng, HIDDEN, k, 1.0),
        np.zeros(k, np.float32),
        _init(rng, DIM, TOKEN_UNITS),
        np.zeros(TOKEN_UNITS, np.float32),
        _init(rng, TOKEN_UNITS, HIDDEN, 0.5),
    ]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for t in range(1, EPOCHS + 1):
        w1, b1, w2, b2, wt, bt, w1t = params
        units, pre_t = tokens.pooled(wt, bt)
        keep_t = (rng.random(units.shape) > DROPOUT).astype(np.float32) / (1 - DROPOUT)
        pre = x @ w1 + (units * keep_t) @ w1t + b1
        mask = (rng.random(pre.shape) > DROPOUT).astype(np.float32) / (1 - DROPOUT)
        hidden = np.maximum(pre, 0) * mask
        g = (softmax(hidden @ w2 + b2) - onehot) * weight[:, None] / n
        gh = (g @ w2.T) * (pre > 0) * mask
        g_units = (gh @ w1t.T) * keep_t
        # the max passes its gradient to the token that gave it (ties share it; a unit at 0 passes none)
        winner = (np.maximum(pre_t, 0) == np.repeat(units, tokens.lengths, axis=0)) & (pre_t > 0)
        g_tok = winner * np.repeat(g_units, tokens.lengths, axis=0)
        grads = [
            x.T @ gh + L2 * w1,
            gh.sum(axis=0),
            hidden.T @ g + L2 * w2,
            g.sum(axis=0),
            tokens.vectors.T @ g_tok + L2 * wt,
            g_tok.sum(axis=0),
            (units * keep_t).T @ gh + L2 * w1t,
        ]
        for param, grad, (m, v) in zip(params, grads, moments, strict=True):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= RATE * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    w1, b1, w2, b2, wt, bt, w1t = params
    embedded = d - k  # the rules' reading is the last k columns of x
    first = np.vstack([w1[:embedded], w1t, w1[embedded:]]).astype(np.float32)
    return [(wt, bt), (first, b1), (w2, b2)]


def logits(layers: list[tuple[Array, Array]], x: Array) -> Array:
    """The network's logits for inputs ``x`` of :func:`inputs` (the token layer, ``layers[0]``, applied)."""
    hidden = np.maximum(x @ layers[1][0] + layers[1][1], 0)
    out: Array = hidden @ layers[2][0] + layers[2][1]
    return out


def temperature(z: Array, y: npt.NDArray[np.int64]) -> float:
    """The temperature that minimises the fresh set's negative log-likelihood (calibration)."""
    best, best_t = float("inf"), 1.0
    for t in np.arange(0.5, 5.01, 0.05):
        p = softmax(z / t)
        nll = float(-np.log(p[np.arange(len(y)), y] + 1e-9).mean())
        if nll < best:
            best, best_t = nll, float(round(t, 2))
    return best_t


def scores(pred: list[str], gold: list[str]) -> dict[str, float]:
    """Weighted F1 over the sub-types (events only), no-event specificity, and accuracy."""
    f1s, support = [], []
    for code in CODES:
        tp = sum(1 for p, g in zip(pred, gold, strict=True) if p == g == code)
        fp = sum(1 for p, g in zip(pred, gold, strict=True) if p == code != g)
        fn = sum(1 for p, g in zip(pred, gold, strict=True) if g == code != p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
        support.append(tp + fn)
    negatives = [p for p, g in zip(pred, gold, strict=True) if g == NONE]
    return {
        "weighted_f1": round(sum(f * s for f, s in zip(f1s, support, strict=True)) / max(1, sum(support)), 4),
        "no_event_specificity": round(sum(1 for p in negatives if p == NONE) / max(1, len(negatives)), 4),
        "accuracy": round(sum(1 for p, g in zip(pred, gold, strict=True) if p == g) / max(1, len(gold)), 4),
    }


def inputs(pooled: dict[str, Array], readings: list[Collection[str] | None], with_tokens: bool = False) -> Array:
    """The head's input: the encoder's poolings (the token units too, ``with_tokens``), then the rules'
    reading."""
    pooling = POOLING if with_tokens else tuple(p for p in POOLING if p[0] != "token")
    return np.hstack([pooled_input(pooled, pooling), rule_features(readings, LABELS)]).astype(np.float32)


def _layer(layer: tuple[Array, Array]) -> dict[str, Any]:
    w, b = layer
    return {"weights": [[round(float(v), 5) for v in row] for row in w], "bias": [round(float(v), 5) for v in b]}


def member(layers: list[tuple[Array, Array]], t: float) -> dict[str, Any]:
    """One trained network as the head file holds it."""
    return {"pooling": [list(p) for p in POOLING], "temperature": t, "token_layer": _layer(layers[0]),
            "layers": [_layer(layer) for layer in layers[1:]]}


def main() -> None:
    rows = load()
    readings = rules_read([r["text"] for r in rows])
    train = [(r, codes) for r, codes in zip(rows, readings, strict=True) if not held_out(r["text"])]
    test = [(r, codes) for r, codes in zip(rows, readings, strict=True) if held_out(r["text"])]
    index = {label: i for i, label in enumerate(LABELS)}
    train_texts = [r["text"] for r, _ in train]
    pooled = pool(train_texts)
    token_vectors = Tokens(tokens(train_texts))
    y_train = np.array([index[r["label"]] for r, _ in train], dtype=np.int64)
    test_texts = [r["text"] for r, _ in test]
    y_test = np.array([index[r["label"]] for r, _ in test], dtype=np.int64)
    members = []
    for seed in SEEDS:
        # A share of the snippets is seen without the rules' reading, so the head also stands alone.
        blind = np.random.default_rng(seed + 1).random(len(train)) < DROPOUT
        x_train = inputs(pooled, [None if b else c for (_, c), b in zip(train, blind, strict=True)])
        layers = fit(x_train, token_vectors, y_train, len(LABELS), seed)
        z = logits(layers, inputs(pool(test_texts, token_layer=layers[0]), [c for _, c in test], True))
        members.append(member(layers, temperature(z, y_test)))
        print(f"seed {seed}: temperature {members[-1]['temperature']}", flush=True)
    ensemble = from_json({"labels": list(LABELS), "members": members})
    test_pooled = pool(test_texts, token_layer=ensemble.token_layer)
    gold = [r["label"] for r, _ in test]
    with_rules = ensemble.probabilities(test_pooled, rule_features([c for _, c in test], LABELS))
    figures = scores([LABELS[i] for i in with_rules.argmax(axis=1)], gold)
    alone = ensemble.probabilities(test_pooled)
    figures_alone = scores([LABELS[i] for i in alone.argmax(axis=1)], gold)
    figures_rules = scores([sorted(c)[0] if c else NONE for _, c in test], gold)
    per_label = {label: int((y_train == i).sum()) for i, label in enumerate(LABELS)}
    head = {
        "about": "sitrep's event classifier: networks of one hidden layer over all-MiniLM-L6-v2 token vectors "
        "(src/sitrep/data/encoder), mean- and max-pooled and through a learned layer of word detectors "
        "max-pooled (token_layer), and the rules' reading of the sentence; trained alike from several seeds, "
        "their calibrated probabilities averaged. "
        "Rebuilt by `make train` (train/train_head.py) from train/events/*.jsonl.",
        "labels": list(LABELS),
        "trained_on": {"snippets": len(train), "per_label": per_label, "none_weight": NONE_WEIGHT,
                       "seeds": list(SEEDS)},
        "fresh": {"snippets": len(test), **figures, "alone": figures_alone, "rules": figures_rules},
        "members": members,
    }
    OUT.write_text(json.dumps(head, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(train)} snippets trained on, {len(test)} fresh; {len(members)} members")
    print("head with rules", json.dumps(figures))
    print("head alone     ", json.dumps(figures_alone))
    print("rules alone    ", json.dumps(figures_rules))


if __name__ == "__main__":
    main()
