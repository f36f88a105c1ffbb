"""The packaged sentence encoder: agrees with the torch reference, shapes, norms, order, errors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from conftest import FIXTURES
from sitrep.encoder import DIM, embed, load, pool, tokens
from sitrep.errors import SitrepError

REFERENCE = json.loads((FIXTURES / "encoder_reference.json").read_text(encoding="utf-8"))


@pytest.mark.slow
def test_matches_torch_reference() -> None:
    got = embed(REFERENCE["sentences"])
    ref = np.asarray(REFERENCE["embeddings"], dtype=np.float32)
    ref /= np.linalg.norm(ref, axis=1, keepdims=True)
    cosines = (got * ref).sum(axis=1)
    assert cosines.min() >= 0.98, cosines


@pytest.mark.slow
def test_shape_dtype_and_unit_norm() -> None:
    got = embed(["Gunmen attacked a checkpoint.", ""])
    assert got.shape == (2, DIM)
    assert got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_order_kept_across_mixed_lengths_and_batches() -> None:
    texts = [
        "Protesters gathered in the square. " * 40,  # truncated at 128 tokens
        "Shelling.",
        "An improvised explosive device struck a patrol near the border, killing two soldiers.",
        "Talks resumed.",
        "Militants abducted a local official on the road to the airport late on Friday night.",
    ]
    together = embed(texts, batch_size=2)
    one_by_one = np.vstack([embed([t]) for t in texts])
    similarity = together @ one_by_one.T
    # int8 activations are quantised per batch, so batchmates move a vector slightly (cosine ~0.99), never its place
    assert list(similarity.argmax(axis=1)) == list(range(len(texts)))
    assert similarity.diagonal().min() >= 0.98


@pytest.mark.slow
def test_max_pooling_takes_each_dimension_at_its_strongest_token() -> None:
    enc = load()
    texts = ["Gunmen attacked a checkpoint.", "Talks resumed in Doha on Monday after a week's pause."]
    pooled = pool(texts, batch_size=2)
    assert pooled["max"].shape == (2, DIM) and pooled["max"].dtype == np.float32
    np.testing.assert_allclose(pooled["mean"], embed(texts, batch_size=2), atol=1e-6)
    # the padded batchmate's pad positions never win a maximum: a text alone gives its own tokens' maxima
    for i, text in enumerate(texts):
        (hidden,) = enc.session.run(["last_hidden_state"], {
            "input_ids": np.asarray([enc.tokenizer.encode(text).ids], dtype=np.int64),
            "attention_mask": np.ones((1, len(enc.tokenizer.encode(text).ids)), dtype=np.int64),
            "token_type_ids": np.zeros((1, len(enc.tokenizer.encode(text).ids)), dtype=np.int64),
        })
        alone = pool([text])["max"][0]
        np.testing.assert_allclose(alone, np.asarray(hidden)[0].max(axis=0), atol=1e-5)
        assert np.abs(pooled["max"][i] - alone).max() < 0.5  # int8 scales per batch; the place stays


@pytest.mark.slow
def test_a_token_layer_is_max_pooled_over_each_text_s_own_tokens() -> None:
    texts = ["Gunmen attacked a checkpoint.", "Talks resumed in Doha on Monday after a week's pause.", ""]
    rng = np.random.default_rng(0)
    weights = (rng.standard_normal((DIM, 5)) / np.sqrt(DIM)).astype(np.float32)
    layer = (weights, rng.standard_normal(5).astype(np.float32))
    pooled = pool(texts, token_layer=layer)
    vectors = tokens(texts)
    assert [v.shape for v in vectors] == [(len(load().tokenizer.encode(t).ids), DIM) for t in texts]
    assert pooled["token"].shape == (3, 5)
    for i, text in enumerate(texts):  # one text at a time: the same units' maxima (int8 scales per batch)
        alone = pool([text], token_layer=layer)["token"][0]
        np.testing.assert_allclose(alone, np.maximum(tokens([text])[0] @ layer[0] + layer[1], 0).max(axis=0),
                                   atol=1e-4)
        assert np.abs(pooled["token"][i] - alone).max() < 0.5
    assert "token" not in pool(texts)


def test_empty_input_gives_empty_matrix() -> None:
    got = embed([])
    assert got.shape == (0, DIM)
    assert got.dtype == np.float32


def test_one_string_is_refused() -> None:
    with pytest.raises(TypeError):
        embed("not a list")


@pytest.mark.slow
def test_paraphrase_closer_than_unrelated() -> None:
    a, b, c = embed(
        [
            "Rebels shelled the town overnight, killing five civilians.",
            "Five civilians died when insurgents fired artillery at the town during the night.",
            "The central bank raised interest rates by half a percentage point.",
        ]
    )
    assert float(a @ b) > float(a @ c) + 0.2


def test_missing_model_file_is_a_typed_error(tmp_path: Path) -> None:
    (tmp_path / "tokenizer.json").write_text("{}", encoding="utf-8")
    with pytest.raises(SitrepError, match=r"model\.onnx is missing") as caught:
        load(tmp_path)
    assert caught.value.code == "encoder"
