"""`sitrep eval events`: per-sub-type precision/recall/F1 and weighted F1 on the event dev set,
on the fresh set (tests/data/events_heldout.jsonl: wire-style passages written apart from the rules),
plus detection recall, specificity and status on PLOVER's gold sentences (mapped to ACLED). The rules, the
learned classifier alone and the pipeline's combination are scored side by side on the fresh set, on
the real labelled sentences of articles-gold (gold events' evidence quotes; non-conflict articles' sentences)
and on real wire sentences of TimeBank/AQUAINT coded by two readers (tests/data/wire_sentences.jsonl)."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..events import fill_arguments, find_events
from ..events.classifier import NONE, REPORTABLE, held_out, predict
from ..events.coder import code_events
from ..events.taxonomy import CODES
from ..ingest import article_from_text
from ..model import Event
from ..nlp import load, parse
from . import EvalResult, default_data_dir

__all__ = [
    "DEV_FILE",
    "FRESH_FILE",
    "REPORTABLE",
    "WIRE_FILE",
    "evaluate",
    "is_heldout",
    "load_dev",
    "news_sentences",
    "score_codes",
    "wire_sentences",
]

DEV_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "events_dev.jsonl"
# Written after the rules, by someone else, in wire/ACLED-notes style; scored as its own row, never split.
FRESH_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "events_heldout.jsonl"
# Real wire sentences (TimeBank/AQUAINT news, ../shared/data/timebank and aquaint), coded by two readers
# apart; the file holds offsets and labels only, the text stays in ../shared.
WIRE_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "wire_sentences.jsonl"
# Real sentences of local, health and world news (the LGL, GeoVirus and TR-News articles of
# ../shared/data/geo) coded by two readers apart; offsets and labels only, the text stays in ../shared.
NEWS_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "news_sentences.jsonl"
# More of them, drawn from the sentences the first set left (2026-12-07, thirty-seventh session;
# tests/data/news_sentences2.md)
NEWS2_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "news_sentences2.jsonl"
# Snippets written on 2026-12-03 by a helper who saw neither sitrep's code nor its output, in the
# training snippets' voices, and never trained on or used to change a rule (train/README.md has their
# first scores); scored as "unseen".
UNSEEN_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen.jsonl"
# A second such set, written on 2026-12-03 (eleventh session) by another helper: scored as "unseen2".
UNSEEN2_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen2.jsonl"
# A third, written on 2026-12-04 (fourteenth session) by two helpers in wire and local-daily voices.
UNSEEN3_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen3.jsonl"
# A fourth, written on 2026-12-05 (seventeenth session) in the voices of a shared-task test set.
UNSEEN4_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen4.jsonl"
# A fifth, written on 2026-12-05 (twentieth session) mostly as ACLED event notes, which the shared task's
# snippets were drawn from.
UNSEEN5_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen5.jsonl"
# A sixth, written on 2026-12-06 (twenty-third session): a third of it killings told with little or no
# cause, the shape the classifier had least of.
UNSEEN6_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen6.jsonl"
# A seventh, written on 2026-12-06 (twenty-fourth session): as many of each sub-type, as the shared task's
# test set held, in the voices of news sentences, headlines and captions rather than ACLED notes.
UNSEEN7_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen7.jsonl"
# An eighth, written on 2026-12-06 (twenty-fourth session) to be scored once, after that session's
# changes: a fifth of it headlines, a fifth captions, ordinary local events rather than famous ones.
UNSEEN8_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen8.jsonl"
# A ninth (2026-12-06, twenty-fifth session) in the shapes of web copy (datelines and agency tags, page
# leftovers, Title Case and capital headlines, two-sentence snippets, translated state media), split in
# two by line: the misses of one half were read and the rules changed for them, the other half is apart.
UNSEEN9_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen9.jsonl"
UNSEEN9_READ_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen9_read.jsonl"
# A tenth (2026-12-06, twenty-sixth session): 400 snippets in the voices of web copy, 150 of them hard
# non-events, written beside the session's training batches to measure training on them; never read.
UNSEEN10_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen10.jsonl"
# An eleventh (2026-12-06, twenty-seventh session): 400 snippets in the voices of real copy (ACLED event
# notes, mid-article sentences, translations, tickers), 150 of them hard non-events; never read.
UNSEEN11_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen11.jsonl"
# 400 snippets cut as from real articles, written apart on 2026-12-06 and never read (snippets_unseen12.md)
UNSEEN12_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen12.jsonl"
# 400 snippets about death tolls (2026-12-06, twenty-ninth session; 40 hard non-events), written apart and
# first scored before any change of that session; its lines are never read (snippets_unseen13.md)
UNSEEN13_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen13.jsonl"
# 370 snippets cut as from real copy of every sub-type, 77 hard non-events (2026-12-06, thirtieth session),
# written apart and first scored before any change of that session; never read (snippets_unseen14.md)
UNSEEN14_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen14.jsonl"
# 372 more of every sub-type, 85 hard non-events (2026-12-07, thirty-second session), written apart and first
# scored before any change of that session; never read (snippets_unseen15.md)
UNSEEN15_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen15.jsonl"
# 359 snippets told with a death toll (2026-12-07, thirty-third session), halved: the first half's lines never
# read, the second's read to mend tolls after both were scored (snippets_unseen16.md)
UNSEEN16_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen16.jsonl"
UNSEEN16_READ_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen16_read.jsonl"
# 321 snippets in the shape of CASE 2021's (every sub-type and the non-events it held), 2026-12-07: the
# first half kept unread (tests/data/snippets_unseen17.md)
UNSEEN17_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen17.jsonl"
UNSEEN17_READ_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen17_read.jsonl"
# 388 more in the shape of CASE 2021's (2026-12-07, thirty-seventh session), halved likewise
# (tests/data/snippets_unseen18.md)
UNSEEN18_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen18.jsonl"
UNSEEN18_READ_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen18_read.jsonl"
# 290 more (2026-12-07, thirty-ninth session), halved likewise (tests/data/snippets_unseen19.md)
UNSEEN19_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen19.jsonl"
UNSEEN19_READ_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_unseen19_read.jsonl"
# 90 attacks by one person in or at a crowd, mob violence and their non-events (2026-12-07, fortieth
# session; tests/data/snippets_crowd.md)
CROWD_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_crowd.jsonl"
# 100 armed robberies and home invasions (no event) against gunmen's attacks and abductions in the same words,
# and 100 events told in passing mid-story against tallies and background (2026-12-08, forty-first session;
# tests/data/snippets_robbery.md, snippets_passing.md)
ROBBERY_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_robbery.jsonl"
PASSING_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_passing.jsonl"
# 296 hard non-events in the same shapes (2026-12-06, twenty-fifth session), halved by line likewise.
NONEVENTS2_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "nonevents2.jsonl"
NONEVENTS2_READ_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "nonevents2_read.jsonl"
# Photo captions and headlines only (2026-12-06), the voice the classifier misses most: written as a
# training batch, kept to measure that voice when training on it moved no held-out caption.
CAPTIONS_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "snippets_captions.jsonl"
# Non-events only, of the five kinds the CASE 2021 test set held beside the ACLED sub-types
# (organised crime, natural and man-made disasters, diplomacy, attribution of responsibility):
# scored for no-event specificity as "nonevents".
NONEVENTS_FILE = Path(__file__).resolve().parents[3] / "tests" / "data" / "nonevents_unseen.jsonl"
# The classifier's training snippets; the fifth it never trains on is scored as "snippets".
TRAIN_DIR = Path(__file__).resolve().parents[3] / "train" / "events"


def is_heldout(index: int, row: dict[str, Any] | None = None) -> bool:
    """Every 5th passage (0-based index 4, 9, ...) is held out: never looked at while writing rules.
    A passage may say its split ("split": "dev") when it was written and looked at later."""
    if row is not None and row.get("split") in ("dev", "heldout"):
        return bool(row["split"] == "heldout")
    return index % 5 == 4


def load_dev(path: Path = DEV_FILE) -> list[dict[str, Any]]:
    """The dev passages: {"id", "text", "codes", "status"?}."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def score_codes(pairs: list[tuple[set[str], set[str]]]) -> tuple[dict[str, _Tally], float, float]:
    """Per-code tallies, support-weighted F1 and micro F1 over (gold codes, predicted codes) pairs."""
    tallies = {c: _Tally() for c in CODES}
    for gold, pred in pairs:
        for c in gold | pred:
            t = tallies[c]
            if c in gold and c in pred:
                t.tp += 1
            elif c in pred:
                t.fp += 1
            else:
                t.fn += 1
    support = {c: t.tp + t.fn for c, t in tallies.items()}
    total = sum(support.values())
    weighted = sum(tallies[c].prf()[2] * support[c] for c in CODES) / total if total else 0.0
    micro = _Tally(
        sum(t.tp for t in tallies.values()), sum(t.fp for t in tallies.values()), sum(t.fn for t in tallies.values())
    )
    return tallies, weighted, micro.prf()[2]


def _code_events(texts: list[str], combined: bool = False) -> list[list[Event]]:
    """The rules' events of each text, or (``combined``) the pipeline's: rules, classifier fill-in and gate."""
    nlp = load()
    out = []
    for text, doc in zip(texts, parse(texts, nlp), strict=True):
        article = article_from_text(text)
        if combined:
            events = find_events(doc, article)
            fill_arguments(doc, article, events)
        else:
            events = code_events(doc, article)
        out.append(events)
    return out


def _model_codes(texts: list[str]) -> list[set[str]]:
    """The learned classifier alone: its most probable sub-type of each text, nothing for no event."""
    return [{p.code} if p.code else set() for p in predict(texts)]


def _gold_sentences(data_dir: Path) -> list[tuple[str, set[str]]]:
    """Real labelled sentences from articles-gold: each required gold event's evidence quote with its codes
    (code and alt codes), and every sentence of the non-conflict articles with none."""
    path = data_dir / "articles-gold" / "dev.jsonl"
    if not path.exists():
        return []
    out: list[tuple[str, set[str]]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec.get("kind") == "negative":
                for sent in re.split(r"(?<=[.!?])\s+|\n+", rec["text"]):
                    if len(sent.split()) >= 5:
                        out.append((sent, set()))
            for ev in rec["events"]:
                if ev.get("evidence") and not ev.get("optional"):
                    out.append((ev["evidence"], {ev["code"], *(ev.get("alt_codes") or [])}))
    return out


def wire_sentences(data_dir: Path, path: Path = WIRE_FILE) -> list[tuple[str, set[str]]]:
    """The coded real wire sentences with their codes (code and alt codes; none for no event), read
    from the TimeML documents in ``data_dir``; a sentence whose text no longer hashes the same is an error."""
    if not path.exists() or not (data_dir / "timebank").is_dir():
        return []
    from .time import read_tml

    texts: dict[str, str] = {}
    out: list[tuple[str, set[str]]] = []
    for row in load_dev(path):
        if row["doc"] not in texts:
            texts[row["doc"]] = read_tml(data_dir / row["doc"]).text
        sent = texts[row["doc"]][row["start"] : row["end"]]
        if hashlib.sha1(sent.encode("utf-8")).hexdigest()[:12] != row["sha1"]:
            raise ValueError(f"{path.name}: {row['doc']} {row['start']}-{row['end']} is not the coded sentence")
        out.append((sent, {row["code"], *row["alt_codes"]} if row["code"] else set()))
    return out


def news_sentences(data_dir: Path, path: Path = NEWS_FILE) -> list[tuple[str, set[str]]]:
    """The coded real news sentences with their codes, read from the geoparsing corpora's articles in
    ``data_dir`` (LGL, GeoVirus, TR-News); a sentence whose text no longer hashes the same is an error."""
    if not path.exists():
        return []
    from .geo import read_corpus

    texts: dict[str, list[str]] = {}
    out: list[tuple[str, set[str]]] = []
    for row in load_dev(path):
        if row["doc"] not in texts:
            corpus = data_dir / row["doc"]
            if not corpus.exists():
                return []
            texts[row["doc"]] = [a.text for a in read_corpus(corpus)]
        sent = texts[row["doc"]][row["article"]][row["start"] : row["end"]]
        if hashlib.sha1(sent.encode("utf-8")).hexdigest()[:12] != row["sha1"]:
            where = f"{row['doc']} #{row['article']} {row['start']}-{row['end']}"
            raise ValueError(f"{path.name}: {where} is not the coded sentence")
        out.append((sent, {row["code"], *row["alt_codes"]} if row["code"] else set()))
    return out


def _snippets(path: Path) -> list[tuple[str, set[str]]]:
    """Labelled snippets (train/events format) with their codes; none when the file is absent."""
    if not path.exists():
        return []
    return [(row["text"], {row["code"]} if row.get("code") and row["code"] != NONE else set())
            for row in load_dev(path)]


def _held_out_snippets(directory: Path = TRAIN_DIR) -> list[tuple[str, set[str]]]:
    """The training snippets the classifier's head never saw (every fifth by hash), with their codes."""
    return [pair for path in sorted(directory.glob("*.jsonl")) for pair in _snippets(path) if held_out(pair[0])]


def _held_out_tolls(directory: Path = TRAIN_DIR) -> list[int | None]:
    """The stated tolls of :func:`_held_out_snippets`, in the same order."""
    return [
        toll
        for path in sorted(directory.glob("*.jsonl"))
        for (text, _), toll in zip(_snippets(path), _snippet_tolls(path), strict=True)
        if held_out(text)
    ]


def _side_by_side(name: str, golds: list[set[str]], systems: dict[str, list[set[str]]]) -> dict[str, float]:
    """Weighted F1 and no-event specificity of each system; a prediction of any allowed code counts as that code."""
    metrics: dict[str, float] = {}
    for system, preds in systems.items():
        pairs = []
        for gold, pred in zip(golds, preds, strict=True):
            hit = sorted(gold & pred)
            pairs.append(({hit[0]} if hit else set(sorted(gold)[:1]), pred))
        _, weighted, _ = score_codes(pairs)
        negatives = [pred for gold, pred in zip(golds, preds, strict=True) if not gold]
        if any(golds):
            metrics[f"{name}_{system}_weighted_f1"] = round(weighted, 4)
        if negatives:
            metrics[f"{name}_{system}_no_event_specificity"] = round(sum(not p for p in negatives) / len(negatives), 4)
    return metrics


def _snippet_tolls(path: Path) -> list[int | None]:
    """Each labelled snippet's stated toll (``fatalities``), None for a non-event or where none is stated."""
    if not path.exists():
        return []
    return [row.get("fatalities") if row.get("code") and row["code"] != NONE else None for row in load_dev(path)]


def _toll_of(events: list[Event], code: str) -> int:
    """The toll the pipeline gives a snippet's event: its rows of the gold sub-type (else any row), the
    largest figure; 0 when it gives no row or no figure."""
    rows = [e for e in events if e.status in REPORTABLE]
    picked = [e for e in rows if e.code == code] or rows
    return max((e.fatalities.best or 0 for e in picked), default=0)


def _three_ways(
    name: str,
    labelled: list[tuple[str, set[str]]],
    rules: list[set[str]] | None = None,
    tolls: list[int | None] | None = None,
) -> dict[str, float]:
    """The rules (``rules`` when already coded), the classifier alone and their combination side by side;
    with ``tolls``, the share of stated tolls the combination gives exactly (``*_combined_exact_fatalities``)."""
    texts = [t for t, _ in labelled]
    combined = _code_events(texts, combined=True)
    metrics = _side_by_side(
        name,
        [g for _, g in labelled],
        {
            "rules": rules if rules is not None else [_reportable(e) for e in _code_events(texts)],
            "model": _model_codes(texts),
            "combined": [_reportable(e) for e in combined],
        },
    )
    stated = [
        (toll, _toll_of(events, sorted(gold)[0]))
        for (_, gold), events, toll in zip(labelled, combined, tolls or [], strict=False)
        if toll is not None and gold
    ]
    if stated:
        metrics[f"{name}_combined_exact_fatalities"] = round(sum(a == b for a, b in stated) / len(stated), 4)
        metrics[f"{name}_stated_tolls"] = len(stated)
    return metrics


def _reportable(events: list[Event]) -> set[str]:
    return {e.code for e in events if e.status in REPORTABLE}


def _gold_reportable(row: dict[str, Any]) -> set[str]:
    statuses = row.get("status") or ["occurred"] * len(row["codes"])
    return {c for c, s in zip(row["codes"], statuses, strict=True) if s in REPORTABLE}


def _fresh(rows: list[dict[str, Any]], preds: list[list[Event]]) -> tuple[dict[str, _Tally], dict[str, float]]:
    """Per-code tallies and fresh_* metrics on the fresh set (every passage counts; no dev split)."""
    pairs = []
    negatives = [0, 0]
    for row, events in zip(rows, preds, strict=True):
        pred = {e.code for e in events if e.status in REPORTABLE}
        pairs.append((_gold_reportable(row), pred))
        if not row["codes"]:
            negatives[0] += 1
            negatives[1] += int(not pred)
    tallies, weighted, micro = score_codes(pairs)
    metrics = {
        "fresh_weighted_f1": round(weighted, 4),
        "fresh_micro_f1": round(micro, 4),
        "fresh_no_event_specificity": round(negatives[1] / negatives[0], 4) if negatives[0] else 0.0,
    }
    return tallies, metrics


def _dev(rows: list[dict[str, Any]], preds: list[list[Event]]) -> tuple[list[dict[str, Any]], dict[str, float]]:
    pairs: dict[str, list[tuple[set[str], set[str]]]] = {"dev": [], "heldout": [], "all": []}
    negatives = {"dev": [0, 0], "heldout": [0, 0]}
    status_ok = status_n = 0
    for i, (row, events) in enumerate(zip(rows, preds, strict=True)):
        split = "heldout" if is_heldout(i, row) else "dev"
        pred = {e.code for e in events if e.status in REPORTABLE}
        gold = _gold_reportable(row)
        pairs[split].append((gold, pred))
        pairs["all"].append((gold, pred))
        if not row["codes"]:
            negatives[split][0] += 1
            negatives[split][1] += int(not pred)
        for code, status in zip(row["codes"], row.get("status") or [], strict=False):
            if status in REPORTABLE and status != "announced":
                continue
            status_n += 1
            status_ok += int(any(e.code == code and e.status == status for e in events))
    metrics: dict[str, float] = {}
    per_split = {}
    for split, ps in pairs.items():
        tallies, weighted, micro = score_codes(ps)
        per_split[split] = tallies
        metrics[f"{split}_weighted_f1"] = round(weighted, 4)
        metrics[f"{split}_micro_f1"] = round(micro, 4)
    for split, (n, ok) in negatives.items():
        metrics[f"{split}_no_event_specificity"] = round(ok / n, 4) if n else 0.0
    metrics["status_accuracy"] = round(status_ok / status_n, 4) if status_n else 0.0
    rows_out = []
    for c in CODES:
        t = per_split["all"][c]
        p, r, f = t.prf()
        rows_out.append(
            {
                "code": c,
                "support": t.tp + t.fn,
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(f, 3),
                "dev_f1": round(per_split["dev"][c].prf()[2], 3),
                "heldout_f1": round(per_split["heldout"][c].prf()[2], 3),
            }
        )
    return rows_out, metrics


def _plover_map() -> dict[str, Any]:
    text = resources.files("sitrep.data").joinpath("plover_acled.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)["categories"]
    return data


def _plover(data_dir: Path, limit: int | None) -> tuple[list[dict[str, Any]], dict[str, float]]:
    path = data_dir / "plover" / "PLOVER_GSR_CAMEO.txt"
    if not path.exists():
        return [], {}
    records = [r for r in json.loads(path.read_text("utf-8")) if r.get("text")]
    mapping = _plover_map()
    scored = []
    for r in records:
        spec = mapping.get(r["event"], {"expect": "skip"})
        if spec.get("skip") or spec["expect"] == "skip":
            continue
        if spec.get("modes") and r.get("mode", "") not in spec["modes"]:
            continue
        scored.append((r, spec))
    if limit is not None:
        scored = scored[:limit]
    preds = _code_events([r["text"] for r, _ in scored])
    combined = _code_events([r["text"] for r, _ in scored], combined=True)
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for (r, spec), events in zip(scored, preds, strict=True):
        expect = spec["expect"]
        found = [e for e in events if e.status in REPORTABLE]
        totals[expect] += 1
        if expect == "event":
            ok = any(e.code in spec["codes"] for e in found)
        elif expect == "none":
            ok = not found
        else:  # threat: nothing told as having occurred
            ok = not any(e.event_type != "Strategic developments" for e in found)
        hits[expect] += int(ok)
        totals[f"{expect}:{r['event']}"] += 1
        hits[f"{expect}:{r['event']}"] += int(ok)
    metrics = {}
    names = {
        "event": "plover_detection_recall",
        "none": "plover_no_event_specificity",
        "threat": "plover_threat_status",
    }
    for key, name in names.items():
        if totals[key]:
            metrics[name] = round(hits[key] / totals[key], 4)
    # the pipeline's combination (rules and the classifier's fill-in) on the same real sentences
    none = [not _reportable(evs) for (_, spec), evs in zip(scored, combined, strict=True) if spec["expect"] == "none"]
    right = [
        bool(_reportable(evs) & set(spec["codes"]))
        for (_, spec), evs in zip(scored, combined, strict=True)
        if spec["expect"] == "event"
    ]
    if none:
        metrics["plover_combined_no_event_specificity"] = round(sum(none) / len(none), 4)
    if right:
        metrics["plover_combined_detection_recall"] = round(sum(right) / len(right), 4)
    rows = [
        {
            "plover": k.split(":", 1)[1],
            "expect": k.split(":", 1)[0],
            "n": totals[k],
            "ok": hits[k],
            "rate": round(hits[k] / totals[k], 3),
        }
        for k in sorted(totals)
        if ":" in k
    ]
    return rows, metrics


def evaluate(data: Path | None = None, limit: int | None = None) -> EvalResult:
    """Score the event coder on tests/data/events_dev.jsonl (dev and held-out splits), on the fresh set
    tests/data/events_heldout.jsonl, on the real sentences of articles-gold, on the training snippets the
    classifier never saw, on the unseen snippets, and on PLOVER; the rules, the classifier and their
    combination side by side."""
    rows = load_dev()
    fresh = load_dev(FRESH_FILE) if FRESH_FILE.exists() else []
    if limit is not None:
        rows = rows[:limit]
        fresh = fresh[:limit]
    preds = _code_events([r["text"] for r in rows + fresh])
    table, metrics = _dev(rows, preds[: len(rows)])
    if fresh:
        fresh_tallies, fresh_metrics = _fresh(fresh, preds[len(rows) :])
        metrics.update(fresh_metrics)
        for row in table:
            row["fresh_f1"] = round(fresh_tallies[row["code"]].prf()[2], 3)
    if fresh:
        labelled = [(r["text"], _gold_reportable(r)) for r in fresh]
        metrics.update(_three_ways("fresh", labelled, [_reportable(e) for e in preds[len(rows) :]]))
    sentences = _gold_sentences(data or default_data_dir())[:limit]
    if sentences:
        metrics.update(_three_ways("gold_sentences", sentences))
    wire = wire_sentences(data or default_data_dir())[:limit]
    if wire:
        metrics.update(_three_ways("wire_sentences", wire))
    news = news_sentences(data or default_data_dir())[:limit]
    if news:
        metrics.update(_three_ways("news_sentences", news))
    news2 = news_sentences(data or default_data_dir(), NEWS2_FILE)[:limit]
    if news2:
        metrics.update(_three_ways("news_sentences2", news2))
    snippets = _held_out_snippets()[:limit]
    if snippets:
        metrics.update(_three_ways("snippets", snippets, tolls=_held_out_tolls()[:limit]))
    for name, path in (("unseen", UNSEEN_FILE), ("unseen2", UNSEEN2_FILE), ("unseen3", UNSEEN3_FILE),
                       ("unseen4", UNSEEN4_FILE), ("unseen5", UNSEEN5_FILE), ("unseen6", UNSEEN6_FILE),
                       ("unseen7", UNSEEN7_FILE), ("unseen8", UNSEEN8_FILE), ("unseen9", UNSEEN9_FILE),
                       ("unseen9_read", UNSEEN9_READ_FILE), ("unseen10", UNSEEN10_FILE),
                       ("unseen11", UNSEEN11_FILE), ("unseen12", UNSEEN12_FILE),
                       ("unseen13", UNSEEN13_FILE), ("unseen14", UNSEEN14_FILE), ("unseen15", UNSEEN15_FILE),
                       ("unseen16", UNSEEN16_FILE), ("unseen16_read", UNSEEN16_READ_FILE),
                       ("unseen17", UNSEEN17_FILE), ("unseen17_read", UNSEEN17_READ_FILE),
                       ("unseen18", UNSEEN18_FILE), ("unseen18_read", UNSEEN18_READ_FILE),
                       ("unseen19", UNSEEN19_FILE), ("unseen19_read", UNSEEN19_READ_FILE),
                       ("crowd", CROWD_FILE), ("robbery", ROBBERY_FILE), ("passing", PASSING_FILE),
                       ("nonevents2", NONEVENTS2_FILE),
                       ("nonevents2_read", NONEVENTS2_READ_FILE),
                       ("captions", CAPTIONS_FILE), ("nonevents", NONEVENTS_FILE)):
        unseen = _snippets(path)[:limit]
        if unseen:
            metrics.update(_three_ways(name, unseen, tolls=_snippet_tolls(path)[:limit]))
    plover_rows, plover_metrics = _plover(data or default_data_dir(), limit)
    metrics.update(plover_metrics)
    for pr in plover_rows:
        table.append(
            {
                "code": f"PLOVER {pr['plover']} ({pr['expect']})",
                "support": pr["n"],
                "precision": None,
                "recall": pr["rate"],
                "f1": None,
                "dev_f1": None,
                "heldout_f1": None,
                "fresh_f1": None,
            }
        )
    return EvalResult(
        title="Events: ACLED sub-types on the dev set (every 5th held out), the fresh set, and PLOVER detection",
        rows=table,
        metrics=metrics,
    )
