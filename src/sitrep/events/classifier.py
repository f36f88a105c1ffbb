"""The learned event classifier: a small network (data/event_head.json) over sentence-encoder embeddings and
the rules' own reading of the same sentence.

It reads one sentence (or snippet) and gives a probability for each of ACLED's 25 sub-types and for
"no event". Its input is the sentence's embedding followed by the sub-types the hand-written rules found in
it (or "no event"; all zero when the rules were not consulted), so it learns where the rules fall short.
``train/train_head.py`` rebuilds it from ``train/events/``; ``make train`` runs it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
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

__all__ = [
    "NONE",
    "REPORTABLE",
    "Ensemble",
    "Head",
    "Prediction",
    "combine",
    "from_json",
    "head",
    "held_out",
    "pooled_input",
    "predict",
    "probabilities",
    "rule_codes",
    "rule_features",
]

NONE = "none"
HEAD_FILE = "event_head.json"
# The statuses whose mentions become rows; only these tell the head what the rules found.
REPORTABLE = frozenset({"occurred", "announced"})

Array = npt.NDArray[np.float32]


@dataclass(frozen=True)
class Head:
    """The network's labels, its layers (weights [in, out], bias; ReLU between) and calibration temperature."""

    labels: tuple[str, ...]
    layers: tuple[tuple[Array, Array], ...]
    temperature: float
    # the encoder's poolings the head reads, in order, each with the factor it is scaled by
    pooling: tuple[tuple[str, float], ...] = (("mean", 1.0),)
    # a layer (weights [384, k], bias) over each token vector, its units max-pooled: the "token" pooling
    token_layer: tuple[Array, Array] | None = None

    @property
    def inputs(self) -> int:
        """Width of the input: the pooled embeddings and one slot per label for the rules' reading."""
        return int(self.layers[0][0].shape[0])

    def embeddings(self, pooled: dict[str, Array]) -> Array:
        """The head's embedding input from :func:`sitrep.encoder.pool`'s poolings."""
        return pooled_input(pooled, self.pooling)

    def probabilities(self, embeddings: Array, rules: Array | None = None) -> Array:
        """Calibrated class probabilities, one row per embedding; ``rules`` from :func:`rule_features`."""
        extra = np.zeros((len(embeddings), len(self.labels)), np.float32) if rules is None else rules
        x = np.hstack([embeddings, extra]).astype(np.float32)
        for k, (w, b) in enumerate(self.layers):
            x = x @ w + b
            if k < len(self.layers) - 1:
                x = np.maximum(x, 0.0)
        logits = x / self.temperature
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        out: Array = (exp / exp.sum(axis=1, keepdims=True)).astype(np.float32)
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


def pooled_input(pooled: dict[str, Array], pooling: Sequence[tuple[str, float]]) -> Array:
    """The encoder's poolings (:func:`sitrep.encoder.pool`) side by side, each scaled by its factor."""
    return np.hstack([pooled[name] * scale for name, scale in pooling]).astype(np.float32)


def held_out(text: str) -> bool:
    """Whether a training snippet is one of the fifth (by the hash of its text) the head never trains on:
    they calibrate it and measure it (train/train_head.py, ``sitrep eval events``)."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest(), 16) % 5 == 0


@dataclass(frozen=True)
class Ensemble:
    """Heads trained alike from different seeds (``members``); their calibrated probabilities are averaged,
    which steadies what any one seed reads into a sentence unlike its training data."""

    members: tuple[Head, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels every member gives, in the order of its probabilities."""
        return self.members[0].labels

    @property
    def token_layer(self) -> tuple[Array, Array] | None:
        """The members' token layers side by side, so the encoder pools every member's units in one pass."""
        layers = [m.token_layer for m in self.members if m.token_layer is not None]
        if not layers:
            return None
        return np.hstack([w for w, _ in layers]), np.concatenate([b for _, b in layers])

    def probabilities(self, pooled: dict[str, Array], rules: Array | None = None) -> Array:
        """The members' mean calibrated probabilities for :func:`sitrep.encoder.pool`'s poolings pooled with
        :attr:`token_layer`; ``rules`` from :func:`rule_features`."""
        total = np.zeros((len(pooled["mean"]), len(self.labels)), np.float32)
        start = 0
        for member in self.members:
            own = dict(pooled)
            if member.token_layer is not None:
                width = member.token_layer[0].shape[1]
                own["token"] = pooled["token"][:, start : start + width]
                start += width
            total += member.probabilities(member.embeddings(own), rules)
        out: Array = (total / len(self.members)).astype(np.float32)
        return out


def _member(data: dict[str, Any]) -> Head:
    layers = tuple(
        (np.asarray(layer["weights"], dtype=np.float32), np.asarray(layer["bias"], dtype=np.float32))
        for layer in data["layers"]
    )
    pooling = tuple((str(name), float(scale)) for name, scale in data.get("pooling", [["mean", 1.0]]))
    tokens = data.get("token_layer")
    token_layer = None if tokens is None else (
        np.asarray(tokens["weights"], dtype=np.float32), np.asarray(tokens["bias"], dtype=np.float32))
    return Head(labels=tuple(data["labels"]), layers=layers, temperature=float(data["temperature"]), pooling=pooling,
                token_layer=token_layer)


@lru_cache(maxsize=1)
def head() -> Ensemble:
    """The committed head (its members), loaded once."""
    try:
        data = json.loads(resources.files("sitrep.data").joinpath(HEAD_FILE).read_text("utf-8"))
    except FileNotFoundError as exc:
        raise SitrepError(f"the event head {HEAD_FILE} is missing: run `make train`", code="model") from exc
    return from_json(data)


def from_json(data: dict[str, Any]) -> Ensemble:
    """The head a head file holds: its ``members``, or the file itself as the one member (heads before
    the thirty-first session)."""
    members = tuple(_member({"labels": data["labels"], **m}) for m in data.get("members", [data]))
    if not members:
        raise SitrepError(f"the event head {HEAD_FILE} has no members: run `make train`", code="model")
    return Ensemble(members)


def rule_features(readings: Sequence[Collection[str] | None], labels: Sequence[str]) -> Array:
    """One row per text: the share of each sub-type among the rules' codes, "no event" when they found
    none, all zero when they were not consulted (None)."""
    index = {label: i for i, label in enumerate(labels)}
    out = np.zeros((len(readings), len(labels)), np.float32)
    for row, codes in enumerate(readings):
        if codes is None:
            continue
        known = [c for c in codes if c in index]
        if not known:
            out[row, index[NONE]] = 1.0
        for code in known:
            out[row, index[code]] = 1.0 / len(known)
    return out


def rule_codes(mentions: Sequence[Event]) -> set[str]:
    """The sub-types of the mentions that would become rows (the rules' reading of a text)."""
    return {m.code for m in mentions if m.status in REPORTABLE}


def probabilities(texts: Sequence[str], rules: Sequence[Collection[str] | None] | None = None) -> Array:
    """Class probabilities (columns in ``head().labels`` order) for each text; ``rules`` gives the rules'
    codes of each text (None: the classifier alone)."""
    from ..encoder import pool

    h = head()
    if not texts:
        return np.zeros((0, len(h.labels)), dtype=np.float32)
    features = None if rules is None else rule_features(rules, h.labels)
    return h.probabilities(pool(texts, token_layer=h.token_layer), features)


def predict(texts: Sequence[str], rules: Sequence[Collection[str] | None] | None = None) -> list[Prediction]:
    """The most probable label of each text (see :func:`probabilities`)."""
    h = head()
    none = h.labels.index(NONE)
    out = []
    for row in probabilities(texts, rules):
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


def _anchor(sent: Span) -> Token:
    """The word the model-found event hangs on: the sentence's main verb, else its first verb, else its root.
    A root after a semicolon gives way to the past verb of the clause before it, the news the rest follows
    ("men ... seized a journalist from his home; his family has not been told where he is held")."""
    root = sent.root
    semi = next((t.i for t in sent if t.text == ";" and t.i < root.i), None)
    if semi is not None:
        told = next((t for t in sent.doc[sent.start : semi] if t.tag_ == "VBD" and t.pos_ == "VERB"), None)
        if told is not None:
            return told
    if root.pos_ in ("VERB", "AUX"):
        return root
    return next((t for t in sent if t.pos_ == "VERB"), root)


def _recoded(mention: Event, code: str) -> Event:
    from .taxonomy import subtype

    sub = subtype(code)
    return replace(mention, code=code, event_type=sub.event_type, sub_event_type=sub.sub_event_type)


def _filled(sent: Span, index: int, code: str, confidence: float, article: Article) -> Event | None:
    """A mention of the classifier's sub-type ``code`` on ``sent``, None when the sentence tells the past."""
    from .lexicon import rules
    from .status import is_background, status_of
    from .taxonomy import subtype

    cues = rules().status
    year = int(article.published[:4]) if article.published and article.published[:4].isdigit() else None
    anchor = _anchor(sent)
    if is_background(anchor, cues, year):
        return None
    sub = subtype(code)
    return Event(
        id="",
        event_type=sub.event_type,
        sub_event_type=sub.sub_event_type,
        code=code,
        status=status_of(anchor, code, cues),
        evidence=Evidence(
            start=sent.start_char,
            end=sent.start_char + len(sent.text.rstrip()),
            trigger=anchor.text,
            trigger_start=anchor.idx,
            trigger_end=anchor.idx + len(anchor.text),
        ),
        confidence=round(confidence * 0.8, 2),
        sentence=index,
    )


def _reacts(sent: Span, verbs: frozenset[str]) -> bool:
    """Whether a sentence's main verb reacts to or inquires into what it names as its object
    ("Religious leaders also condemned the shooting")."""
    root = sent.root
    return root.pos_ == "VERB" and root.lemma_.lower() in verbs and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" for c in root.children)


def _follows_up(sents: list[Span], by_sentence: dict[int, list[Event]], i: int, code: str) -> bool:
    """Whether sentence ``i`` tells more of the event the rules found in the sentence before: it does not
    open on another event, and either the head reads it as that event's sub-type ("... killing five
    soldiers. The bomber was also killed.") or it tells a toll ("A warplane bombed a market. Activists
    said 15 civilians were killed."), as the rules' own follow-up triggers hold (event_triggers.yaml
    ``follows_up``): the toll is the event's, no event of its own."""
    from .coder import names_new_scene, opens_apart
    from .counts import lexicon, read_counts
    from .lexicon import rules

    before = [m for m in by_sentence.get(i - 1, []) if m.status in REPORTABLE]
    if i == 0 or not before or opens_apart(sents[i], rules()) or names_new_scene(sents[i], sents[i - 1]):
        return False
    root, words = sents[i].root, lexicon()
    dead = words.fatal | words.casualty | words.injured
    if root.lemma_.lower() not in dead and root.lower_ not in dead and any(
            c.dep_ == "advmod" and c.lower_ in words.additions for c in root.children) and not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in dead for c in root.children):
        # "A neighbouring village was also attacked": another act ("the dead also included", "two children
        # were also wounded": no)
        return False
    if any(m.code == code for m in before):
        return True
    told, first = read_counts(sents[i]), read_counts(sents[i - 1])
    # a toll only where the event before has none: one told with its own toll is no other's
    return (told.fatalities.text is not None and (first.fatalities.best is None or first.fatal_self_only)) or (
        told.injured.text is not None and first.injured.best is None)


def combine(doc: Doc, article: Article, mentions: list[Event], skip: frozenset[str]) -> list[Event]:
    """The rules' ``mentions`` checked by the classifier in the lead sentences (data/classifier.yaml): a
    sentence the rules found nothing in gets the classifier's event, a rule mention the classifier reads
    as another sub-type is recoded, and one it holds to tell no event is dropped; an article's lead
    has its own, stricter thresholds."""
    from .coder import background_types, blocked
    from .lexicon import rules
    from .taxonomy import subtype

    s = _settings()
    every = list(doc.sents)
    snippet = len(every) <= s["snippet_sentences"]
    if not snippet:
        # an article: the rest of it backs the rules' reading of its lead
        s = {**s, **{k: float(v) for k, v in (_raw_settings().get("in_articles") or {}).items()}}
    sents = every[: int(s["lead_sentences"])]
    r = rules()
    if len(sents) > 1 and blocked(sents[0], [*r.title_frames, *r.lead_frames]):
        return mentions  # a headline about a drill or an accident frames its lead (event_rules.yaml)
    vetoes = [str(n) for n in _raw_settings().get("veto_sets") or []]
    reactions = frozenset(str(v) for v in _raw_settings().get("reaction_verbs") or [])
    beside = frozenset(str(v) for v in _raw_settings().get("add_beside_statuses") or [])
    by_sentence: dict[int, list[Event]] = {}
    for m in mentions:
        if m.sentence is not None:
            by_sentence.setdefault(m.sentence, []).append(m)
    todo = [
        (i, sent)
        for i, sent in enumerate(sents)
        if sum(t.is_alpha for t in sent) >= 4 and segment_kind(article, sent.start_char, sent.end_char) not in skip
    ]
    if not todo:
        return mentions
    readings = [rule_codes(by_sentence.get(i, [])) for i, _ in todo]
    needs = {str(c): [str(n) for n in names] for c, names in (_raw_settings().get("fill_needs") or {}).items()}
    preds = predict([sent.text for _, sent in todo], readings)
    dropped: set[int] = set()
    recode: dict[int, str] = {}
    narrow: dict[int, str] = {}
    added: list[Event] = []
    for (i, sent), codes, pred in zip(todo, readings, preds, strict=True):
        set_aside = {m.code for m in by_sentence.get(i, [])}
        if not codes:
            sure = pred.confidence >= s["add_when_at_least"] or (
                # the head is sure it is an event but split between two sub-types ("16 soldiers killed
                # in Mali ambush": a clash or an attack): its first reading
                1.0 - pred.p_none >= s["add_when_event_at_least"] and pred.confidence >= s["add_top_at_least"]
            )
            if set_aside:
                # the rules set aside another event of the sentence as negated or claimed: the head's own
                # reading stands beside it ("soldiers returned to the village without fighting"); beside a
                # plan or a threat it would be the plan's ("announced they would withdraw and hand it over")
                sure = (pred.code not in set_aside and pred.confidence >= s["add_beside_when_at_least"]
                        and {m.status for m in by_sentence[i]} <= beside)
            if (pred.code and sure and (pred.confidence >= s["veto_waived_at"] or not blocked(sent, vetoes))
                    and not _reacts(sent, reactions)
                    # in an article the lead's fill-in after its headline is the richer mention, merged later
                    and not (snippet and _follows_up(sents, by_sentence, i, pred.code))
                    and (pred.code not in needs or blocked(sent, needs[pred.code])
                         or pred.confidence >= s["needs_waived_at"])
                    and subtype(pred.code).event_type not in background_types(doc, article, sent)):
                event = _filled(sent, i, pred.code, pred.confidence, article)
                if event is not None:
                    added.append(event)
        elif codes and pred.code is None and pred.confidence >= s["drop_when_no_event"]:
            dropped.add(i)
        elif len(codes) == 1 and pred.code and pred.code not in codes and pred.confidence >= s["recode_when_at_least"]:
            recode[i] = pred.code
        elif len(codes) > 1 and pred.code in codes and pred.confidence >= s["narrow_when_at_least"]:
            narrow[i] = str(pred.code)
    out = []
    for m in mentions:
        if m.sentence in dropped and m.status in REPORTABLE:
            continue
        if m.sentence in narrow and m.status in REPORTABLE and m.code != narrow[m.sentence]:
            continue
        if m.sentence in recode and m.status in REPORTABLE:
            m = _recoded(m, recode[m.sentence])
        out.append(m)
    return sorted([*out, *added], key=lambda m: (m.sentence or 0, m.evidence.trigger_start))
