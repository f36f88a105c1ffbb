"""Rebuild the event classifier's head (src/sitrep/data/event_head.json) from the snippets in train/events/.

Run by ``make train``. Deterministic: the same snippets and encoder give the same head. Every fifth
snippet (by a hash of its text) is kept out of training as the fresh set; it calibrates the head's
temperature and gives the figures written into the head and printed here.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from sitrep.encoder import embed
from sitrep.events.classifier import NONE
from sitrep.events.taxonomy import CODES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "train" / "events"
OUT = ROOT / "src" / "sitrep" / "data" / "event_head.json"
LABELS = (*CODES, NONE)
L2 = 1e-4
EPOCHS = 400
RATE = 0.05

Array = npt.NDArray[np.float32]


def fresh(text: str) -> bool:
    """Every fifth snippet by the hash of its text is kept for measuring, never trained on."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


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


def softmax(z: Array) -> Array:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: Array = e / e.sum(axis=1, keepdims=True)
    return out


def fit(x: Array, y: npt.NDArray[np.int64], k: int) -> tuple[Array, Array]:
    """Multinomial logistic regression (classes weighted by the square root of their rarity), full-batch Adam."""
    n, d = x.shape
    counts = np.bincount(y, minlength=k).astype(np.float32)
    weight = np.sqrt(n / (k * np.maximum(counts, 1)))[y]
    onehot = np.eye(k, dtype=np.float32)[y]
    w = np.zeros((k, d), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    mw, vw, mb, vb = (np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b))
    for t in range(1, EPOCHS + 1):
        p = softmax(x @ w.T + b)
        g = (p - onehot) * weight[:, None] / n
        gw = g.T @ x + L2 * w
        gb = g.sum(axis=0)
        for param, grad, m, v in ((w, gw, mw, vw), (b, gb, mb, vb)):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= RATE * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w, b


def temperature(logits: Array, y: npt.NDArray[np.int64]) -> float:
    """The temperature that minimises the fresh set's negative log-likelihood (calibration)."""
    best, best_t = float("inf"), 1.0
    for t in np.arange(0.5, 5.01, 0.05):
        p = softmax(logits / t)
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


def main() -> None:
    rows = load()
    train = [r for r in rows if not fresh(r["text"])]
    test = [r for r in rows if fresh(r["text"])]
    index = {label: i for i, label in enumerate(LABELS)}
    x_train = embed([r["text"] for r in train])
    y_train = np.array([index[r["label"]] for r in train], dtype=np.int64)
    x_test = embed([r["text"] for r in test])
    y_test = np.array([index[r["label"]] for r in test], dtype=np.int64)
    w, b = fit(x_train, y_train, len(LABELS))
    t = temperature(x_test @ w.T + b, y_test)
    pred = [LABELS[i] for i in (x_test @ w.T + b).argmax(axis=1)]
    figures = scores(pred, [r["label"] for r in test])
    per_label = {label: int((y_train == i).sum()) for i, label in enumerate(LABELS)}
    head = {
        "about": "Softmax head of sitrep's event classifier over all-MiniLM-L6-v2 sentence embeddings "
        "(src/sitrep/data/encoder). Rebuilt by `make train` (train/train_head.py) from train/events/*.jsonl.",
        "labels": list(LABELS),
        "temperature": t,
        "trained_on": {"snippets": len(train), "per_label": per_label},
        "fresh": {"snippets": len(test), **figures},
        "bias": [round(float(v), 6) for v in b],
        "weights": [[round(float(v), 6) for v in row] for row in w],
    }
    OUT.write_text(json.dumps(head, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(train)} snippets trained on, {len(test)} fresh; temperature {t}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
