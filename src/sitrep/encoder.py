"""The pretrained sentence encoder (all-MiniLM-L6-v2 as int8 ONNX, shipped in the package), loaded once."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np
import numpy.typing as npt
import onnxruntime as ort
from tokenizers import Encoding, Tokenizer

from .errors import SitrepError

__all__ = ["DIM", "MAX_LENGTH", "THREADS_ENV", "Encoder", "embed", "load", "pool", "tokens"]

DIM = 384
MAX_LENGTH = 128
THREADS_ENV = "SITREP_ENCODER_THREADS"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


@dataclass(frozen=True)
class Encoder:
    """An ONNX Runtime session for the transformer and its tokenizer (truncating, not padding)."""

    session: ort.InferenceSession
    tokenizer: Tokenizer


def _default_threads() -> int:
    """``$SITREP_ENCODER_THREADS``, else 2 (1.7x faster than 1 on two cores), never more than the CPUs."""
    env = os.environ.get(THREADS_ENV, "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(2, os.cpu_count() or 1))


def _read(root: Traversable, name: str) -> Traversable:
    """The file ``name`` under ``root``, or a SitrepError that says how to get it back."""
    path = root.joinpath(name)
    if not path.is_file():
        raise SitrepError(
            f"sentence encoder file {name} is missing; reinstall sitrep or run scripts/export_encoder.py",
            source=str(path),
            code="encoder",
        )
    return path


@lru_cache(maxsize=4)
def load(directory: Path | None = None, threads: int | None = None) -> Encoder:
    """The encoder from ``directory`` (default: the packaged ``sitrep/data/encoder``), loaded once per process."""
    root: Traversable = directory if directory is not None else resources.files("sitrep.data").joinpath("encoder")
    model = _read(root, MODEL_FILE).read_bytes()
    tokenizer = Tokenizer.from_str(_read(root, TOKENIZER_FILE).read_text(encoding="utf-8"))
    tokenizer.enable_truncation(max_length=MAX_LENGTH)
    tokenizer.no_padding()
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads or _default_threads()
    opts.inter_op_num_threads = 1
    opts.log_severity_level = 3
    # idle threads sleep rather than spin after a run: spinning, they fought numpy's threads (the head's
    # token layer, spaCy) for the cores and doubled the classifier's share of the pipeline (2026-12-06)
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    session = ort.InferenceSession(model, sess_options=opts, providers=["CPUExecutionProvider"])
    return Encoder(session=session, tokenizer=tokenizer)


def _batch(encodings: Sequence[Encoding]) -> dict[str, npt.NDArray[np.int64]]:
    """Model inputs for one batch, right-padded with zeros to its longest member."""
    width = max(len(e.ids) for e in encodings)
    arrays = {name: np.zeros((len(encodings), width), dtype=np.int64) for name in _INPUTS}
    for row, e in enumerate(encodings):
        n = len(e.ids)
        arrays["input_ids"][row, :n] = e.ids
        arrays["attention_mask"][row, :n] = e.attention_mask
        arrays["token_type_ids"][row, :n] = e.type_ids
    return arrays


Array = npt.NDArray[np.float32]


def _hidden(
    texts: Sequence[str], batch_size: int, encoder: Encoder | None
) -> Iterator[tuple[list[int], Array, Array]]:
    """The transformer's last hidden states, batch by batch: the texts' positions, their token vectors
    ``(batch, width, 384)`` and the mask of real tokens ``(batch, width, 1)``."""
    if isinstance(texts, str):
        raise TypeError("embed() takes a sequence of texts, not one string")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if not texts:
        return
    enc = encoder or load()
    encodings = enc.tokenizer.encode_batch(list(texts))
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))  # similar lengths pad less
    for start in range(0, len(order), batch_size):
        idx = order[start : start + batch_size]
        inputs = _batch([encodings[i] for i in idx])
        (hidden,) = enc.session.run(["last_hidden_state"], dict(inputs))
        yield idx, np.asarray(hidden, dtype=np.float32), inputs["attention_mask"][:, :, None].astype(np.float32)


def pool(
    texts: Sequence[str],
    batch_size: int = 32,
    encoder: Encoder | None = None,
    token_layer: tuple[Array, Array] | None = None,
) -> dict[str, Array]:
    """Each text's token vectors pooled, float32 arrays with one row per text, in the order given:
    ``mean``, the L2-normalised mean (the sentence embedding); ``max``, each dimension's largest value
    over the tokens (what one strong word, a trigger, contributes; the mean dilutes it); and with a
    ``token_layer`` (weights ``(384, k)``, bias ``(k,)``), ``token``: the largest value over the tokens of
    each of that learned layer's ReLU units (a word detector trained with the event head)."""
    out = {"mean": np.zeros((len(texts), DIM), dtype=np.float32), "max": np.zeros((len(texts), DIM), dtype=np.float32)}
    held = []
    for idx, hidden, mask in _hidden(texts, batch_size, encoder):
        pooled = (hidden * mask).sum(axis=1) / np.maximum(mask.sum(axis=1), 1e-9)
        out["mean"][idx] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        out["max"][idx] = np.where(mask > 0, hidden, -np.inf).max(axis=1)
        if token_layer is not None:
            held.append((idx, hidden, mask))
    if token_layer is not None:
        out["token"] = np.zeros((len(texts), token_layer[0].shape[1]), dtype=np.float32)
        for idx, hidden, mask in held:
            units = np.maximum(hidden @ token_layer[0] + token_layer[1], 0.0)
            out["token"][idx] = (units * mask).max(axis=1)  # ReLU units are >= 0, so padding's 0 never wins
    return out


def tokens(texts: Sequence[str], batch_size: int = 32, encoder: Encoder | None = None) -> list[Array]:
    """Each text's token vectors, float32 of shape ``(tokens, 384)``, in the order given (for training)."""
    out: list[Array] = [np.zeros((0, DIM), dtype=np.float32)] * len(texts)
    for idx, hidden, mask in _hidden(texts, batch_size, encoder):
        for row, i in enumerate(idx):
            out[i] = hidden[row, : int(mask[row].sum())].copy()
    return out


def embed(texts: Sequence[str], batch_size: int = 32, encoder: Encoder | None = None) -> npt.NDArray[np.float32]:
    """L2-normalised mean-pooled embeddings, float32 of shape ``(len(texts), 384)``, in the order given."""
    return pool(texts, batch_size, encoder)["mean"]
