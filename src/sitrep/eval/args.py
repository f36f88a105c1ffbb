"""``sitrep eval args``: actors (text, kind, name, country) and casualty counts.

Three gold sets, one table:
- PLOVER GSR (../shared/data/plover): source/target actors of 322 CAMEO example
  sentences with ISO3 country and sector codes; sectors map to ACLED kinds where clear
  (GOV/MIL/COP state forces, REB rebel groups, CVL/CIV/REF/EDU/JRN/MED/LAB civilians,
  IGO external/other forces); the event is placed on the first (EVT: ...) word.
- tests/data/args_dev.jsonl: sentences with ACLED-style actor1/actor2 labels.
- tests/data/counts_dev.jsonl: casualty sentences with fatalities/injured best, low, high
  and running totals (tallies).
- tests/data/args_heldout.jsonl and counts_heldout.jsonl: the same formats, written after
  the rules and measured before any rule was changed for them ("fresh_*" metrics).

PLOVER is also scored apart on its violent and protest records (FIGHT, ASSAULT, COERCE,
PROTEST, THREATEN), the ones an ACLED event comes from, and on the others.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pycountry

from ..model import Actor, Article, Event, Evidence
from . import EvalResult, default_data_dir

__all__ = ["evaluate", "score_actors", "score_counts", "score_passages"]

ROOT = Path(__file__).resolve().parents[3]
COUNTS_DEV = ROOT / "tests" / "data" / "counts_dev.jsonl"
ARGS_DEV = ROOT / "tests" / "data" / "args_dev.jsonl"
COUNTS_HELDOUT = ROOT / "tests" / "data" / "counts_heldout.jsonl"
ARGS_HELDOUT = ROOT / "tests" / "data" / "args_heldout.jsonl"
# PLOVER categories of political violence, coercion and protest.
_VIOLENT = {"FIGHT", "ASSAULT", "COERCE", "PROTEST", "THREATEN"}

# PLOVER/CAMEO sector codes whose ACLED kind is clear.
_SECTOR_KIND = {
    "GOV": "state forces", "MIL": "state forces", "COP": "state forces", "SPY": "state forces",
    "REB": "rebel groups",
    "CVL": "civilians", "CIV": "civilians", "REF": "civilians", "EDU": "civilians", "JRN": "civilians",
    "MED": "civilians", "LAB": "civilians", "AGR": "civilians", "BUS": "civilians",
}  # fmt: skip
_PLOVER_CODES = {"FIGHT": "ARMED_CLASH", "ASSAULT": "ATTACK", "PROTEST": "PEACE_PROTEST", "AGREE": "AGREEMENT"}
# Auxiliaries and copulas that open some PLOVER event phrases ("will support"): not the event word.
_NOT_TRIGGERS = {
    "will",
    "would",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "be",
    "to",
    "ready",
    "willing",
    "said",
    "says",
    "can",
    "could",
    "may",
    "might",
    "shall",
    "should",
    "again",
    "been",
    "being",
}
_ISO3_FIX = {"JAP": "JP", "UK": "GB"}


def _iso2(code: str | None) -> str | None:
    if not code or code in ("IGO", "***"):
        return None
    if code in _ISO3_FIX:
        return _ISO3_FIX[code]
    country = pycountry.countries.get(alpha_3=code[:3])
    return country.alpha_2 if country else None


def _read_jsonl(path: Path, limit: int | None) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def _overlap(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return False
    p = set(re.findall(r"\w+", pred.lower()))
    g = set(re.findall(r"\w+", gold.lower()))
    return bool(p & g) and len(p & g) / len(g) >= 0.5


def _events_for(text: str, trigger: str, code: str) -> tuple[Article, Event]:
    # the trigger as a whole word ("set", not the start of "settlers"), else its first occurrence
    m = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", text)
    start = m.start() if m else text.find(trigger)
    article = Article(id="x", hash="x", text=text)
    ev = Event(
        id="x:0",
        event_type="",
        sub_event_type="",
        code=code,
        status="occurred",
        evidence=Evidence(0, len(text), trigger, start, start + len(trigger)),
    )
    return article, ev


def _plover_cases(data: Path, limit: int | None) -> list[dict[str, Any]]:
    raw = json.loads((data / "plover" / "PLOVER_GSR_CAMEO.txt").read_text("utf-8"))
    cases = []
    for rec in raw:
        text = rec.get("text")
        info = rec.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        m = re.search(r"\(EVT: ([^)]+)\)", markup)
        words = [w for w in m.group(1).split() if w.lower() not in _NOT_TRIGGERS] if m else []
        if not text or not words or words[0] not in text:
            continue
        text = text.strip("{}")

        def gold(slot: Any) -> dict[str, Any] | None:
            if not isinstance(slot, list) or not slot:
                return None
            a = slot[0]
            code = a.get("code")
            sector = (a.get("sector") or "")[:3]
            kind = "external/other forces" if code == "IGO" else _SECTOR_KIND.get(sector)
            if kind is None and not sector and _iso2(code):
                kind = "state forces"  # a country acting ("Libya has offered")
            return {"text": a.get("actorText"), "kind": kind, "country": _iso2(code), "name": None}

        cases.append(
            {
                "text": text,
                "trigger": words[0],
                "code": _PLOVER_CODES.get(rec["event"], "OTHER"),
                "event": rec["event"],
                "actor1": gold(rec.get("source")),
                "actor2": gold(rec.get("target")),
            }
        )
    return cases[:limit] if limit else cases


def score_actors(cases: Iterable[dict[str, Any]]) -> dict[str, float]:
    """Text overlap, kind, name and country agreement over the gold actor slots."""
    from ..events.arguments import fill
    from ..nlp import load

    nlp = load()
    tally = {"slots": 0, "text": 0, "kind_n": 0, "kind": 0, "name_n": 0, "name": 0, "country_n": 0,
             "country": 0, "pred": 0, "pred_text": 0}  # fmt: skip
    for case in cases:
        article, ev = _events_for(case["text"], case["trigger"], case["code"])
        doc = nlp(case["text"])
        fill(doc, article, [ev])
        for slot in ("actor1", "actor2"):
            gold = case.get(slot)
            pred: Actor | None = getattr(ev, slot)
            if pred is not None and pred.text:
                tally["pred"] += 1
                if gold and _overlap(pred.text, gold["text"]):
                    tally["pred_text"] += 1
            if not gold:
                continue
            tally["slots"] += 1
            tally["text"] += _overlap(pred.text if pred else None, gold["text"])
            if gold.get("kind"):
                tally["kind_n"] += 1
                tally["kind"] += bool(pred and pred.kind == gold["kind"])
            if gold.get("name"):
                tally["name_n"] += 1
                tally["name"] += bool(pred and pred.name == gold["name"])
            if gold.get("country"):
                tally["country_n"] += 1
                tally["country"] += bool(pred and pred.country == gold["country"])

    def ratio(a: str, b: str) -> float:
        return tally[a] / tally[b] if tally[b] else 0.0

    return {
        "n": float(tally["slots"]),
        "text_recall": ratio("text", "slots"),
        "text_precision": ratio("pred_text", "pred"),
        "kind_acc": ratio("kind", "kind_n"),
        "name_acc": ratio("name", "name_n"),
        "country_acc": ratio("country", "country_n"),
    }


def score_counts(cases: Iterable[dict[str, Any]]) -> dict[str, float]:
    """Exact best/low/high of fatalities and injured, tallies kept apart from events."""
    from ..events.counts import SentenceCounts, read_counts
    from ..nlp import load

    nlp = load()
    t = {"n": 0, "best": 0, "low": 0, "high": 0, "inj": 0, "tally_n": 0, "tally": 0, "leak": 0}
    for case in cases:
        doc = nlp(case["text"])
        got = SentenceCounts()
        for sent in doc.sents:
            c = read_counts(sent, 2024)
            if got.fatalities.text is None:
                got.fatalities = c.fatalities
            if got.injured.text is None:
                got.injured = c.injured
            got.tally_fatalities = got.tally_fatalities or c.tally_fatalities
        gold_f = case.get("fatalities") or {"best": None, "low": None, "high": None}
        gold_i = case.get("injured") or {"best": None, "low": None, "high": None}
        t["n"] += 1
        t["best"] += got.fatalities.best == gold_f["best"]
        t["low"] += got.fatalities.low == gold_f["low"]
        t["high"] += got.fatalities.high == gold_f["high"]
        t["inj"] += got.injured.best == gold_i["best"]
        gold_t = (case.get("tally") or {}).get("fatalities")
        if gold_t is not None:
            t["tally_n"] += 1
            t["tally"] += bool(got.tally_fatalities and got.tally_fatalities.best == gold_t)
            t["leak"] += got.fatalities.best == gold_t
    n = max(1, t["n"])
    return {
        "n": float(t["n"]),
        "best_acc": t["best"] / n,
        "low_acc": t["low"] / n,
        "high_acc": t["high"] / n,
        "injured_best_acc": t["inj"] / n,
        "tally_acc": t["tally"] / max(1, t["tally_n"]),
        "tally_clean": 1.0 - t["leak"] / max(1, t["tally_n"]),
    }


def score_passages(cases: Iterable[dict[str, Any]]) -> dict[str, float]:
    """The whole passage as the pipeline reads it: events found, arguments filled on all of them,
    and the first event (in text order) that carries a figure scored against the gold.

    ``score_counts`` reads the first sentence with a count. Here the figures are scored only on
    passages where the pipeline finds an event (``event_recall`` is the share of passages with a
    gold casualty figure that get one): a figure with no event never reaches the output, and a
    toll hung on the wrong event of the passage, or left unattached, counts as wrong."""
    from ..events import fill_arguments, find_events
    from ..nlp import load

    nlp = load()
    t = {"n": 0, "with_event": 0, "gold_n": 0, "gold_found": 0, "best": 0, "inj": 0, "tally_n": 0, "leak": 0}
    for case in cases:
        text = case["text"]
        doc = nlp(text)
        article = Article(id="x", hash="x", text=text, published="2024-06-01")
        events = find_events(doc, article)
        fill_arguments(doc, article, events)
        events.sort(key=lambda e: e.evidence.start)
        gold_f = (case.get("fatalities") or {}).get("best")
        gold_i = (case.get("injured") or {}).get("best")
        t["n"] += 1
        if gold_f is not None or gold_i is not None:
            t["gold_n"] += 1
            t["gold_found"] += bool(events)
        if not events:
            continue
        fatal = next((e.fatalities for e in events if e.fatalities.text is not None), None)
        injured = next((e.injured for e in events if e.injured.text is not None), None)
        t["with_event"] += 1
        t["best"] += (fatal.best if fatal else None) == gold_f
        t["inj"] += (injured.best if injured else None) == gold_i
        gold_t = (case.get("tally") or {}).get("fatalities")
        if gold_t is not None:
            t["tally_n"] += 1
            t["leak"] += any(e.fatalities.best == gold_t for e in events)
    n = max(1, t["with_event"])
    return {
        "n": float(t["n"]),
        "with_event": float(t["with_event"]),
        "event_recall": t["gold_found"] / max(1, t["gold_n"]),
        "best_acc": t["best"] / n,
        "injured_best_acc": t["inj"] / n,
        "tally_clean": 1.0 - t["leak"] / max(1, t["tally_n"]),
    }


def evaluate(data: Path | None = None, limit: int | None = None) -> EvalResult:
    """Score actors on PLOVER and the args dev set, counts on the counts dev set."""
    data = data or default_data_dir()
    cases = _plover_cases(data, limit)
    plover = score_actors(cases)
    violent = score_actors(c for c in cases if c["event"] in _VIOLENT)
    other = score_actors(c for c in cases if c["event"] not in _VIOLENT)
    dev = score_actors(_read_jsonl(ARGS_DEV, limit))
    fresh = score_actors(_read_jsonl(ARGS_HELDOUT, limit))
    counts = score_counts(_read_jsonl(COUNTS_DEV, limit))
    fresh_counts = score_counts(_read_jsonl(COUNTS_HELDOUT, limit))
    passages = score_passages(_read_jsonl(COUNTS_HELDOUT, limit))
    blank = ""

    def actor_row(label: str, r: dict[str, float], names: bool = True) -> dict[str, Any]:
        return {"set": f"{label} ({int(r['n'])} slots)", "text_recall": r["text_recall"],
                "text_precision": r["text_precision"], "kind_acc": r["kind_acc"],
                "name_acc": r["name_acc"] if names else blank, "country_acc": r["country_acc"],
                "best_acc": blank, "low_acc": blank, "high_acc": blank}  # fmt: skip

    def count_rows(label: str, r: dict[str, float]) -> list[dict[str, Any]]:
        empty = dict.fromkeys(("text_recall", "text_precision", "kind_acc", "name_acc", "country_acc"), blank)
        return [
            {"set": f"{label} fatalities ({int(r['n'])} sentences)", **empty,
             "best_acc": r["best_acc"], "low_acc": r["low_acc"], "high_acc": r["high_acc"]},
            {"set": f"{label} injured / tallies", **empty,
             "best_acc": r["injured_best_acc"], "low_acc": r["tally_acc"], "high_acc": r["tally_clean"]},
        ]  # fmt: skip

    rows: list[dict[str, Any]] = [
        actor_row("plover actors", plover, names=False),
        actor_row("plover violent/protest", violent, names=False),
        actor_row("plover other", other, names=False),
        actor_row("args_dev actors", dev),
        actor_row("args_heldout actors", fresh),
        *count_rows("counts_dev", counts),
        *count_rows("counts_heldout", fresh_counts),
        {"set": f"counts_heldout passages with a pipeline event ({int(passages['with_event'])} of "
                f"{int(passages['n'])}): event recall / fatalities / injured / tally_clean",
         **dict.fromkeys(("text_recall", "text_precision", "kind_acc", "name_acc", "country_acc"), blank),
         "text_recall": passages["event_recall"],
         "best_acc": passages["best_acc"], "low_acc": passages["injured_best_acc"],
         "high_acc": passages["tally_clean"]},
    ]  # fmt: skip
    metrics = {
        "actor_kind_acc": dev["kind_acc"],
        "actor_name_acc": dev["name_acc"],
        "actor_text_recall": dev["text_recall"],
        "actor_country_acc": dev["country_acc"],
        "plover_kind_acc": plover["kind_acc"],
        "plover_text_recall": plover["text_recall"],
        "plover_country_acc": plover["country_acc"],
        "count_best_acc": counts["best_acc"],
        "count_low_acc": counts["low_acc"],
        "count_high_acc": counts["high_acc"],
        "injured_best_acc": counts["injured_best_acc"],
        "tally_acc": counts["tally_acc"],
        "tally_clean": counts["tally_clean"],
        "plover_violent_kind_acc": violent["kind_acc"],
        "plover_violent_text_recall": violent["text_recall"],
        "plover_violent_country_acc": violent["country_acc"],
        "plover_other_kind_acc": other["kind_acc"],
        "plover_other_text_recall": other["text_recall"],
        "plover_other_country_acc": other["country_acc"],
        "fresh_actor_kind_acc": fresh["kind_acc"],
        "fresh_actor_name_acc": fresh["name_acc"],
        "fresh_actor_text_recall": fresh["text_recall"],
        "fresh_actor_country_acc": fresh["country_acc"],
        "fresh_count_best_acc": fresh_counts["best_acc"],
        "fresh_count_low_acc": fresh_counts["low_acc"],
        "fresh_count_high_acc": fresh_counts["high_acc"],
        "fresh_injured_best_acc": fresh_counts["injured_best_acc"],
        "fresh_tally_acc": fresh_counts["tally_acc"],
        "fresh_tally_clean": fresh_counts["tally_clean"],
        "passage_event_recall": passages["event_recall"],
        "passage_count_best_acc": passages["best_acc"],
        "passage_injured_best_acc": passages["injured_best_acc"],
        "passage_tally_clean": passages["tally_clean"],
    }
    return EvalResult(
        title="Event arguments: actors (PLOVER, args_dev, args_heldout), casualty counts (counts_dev, counts_heldout)",
        rows=rows,
        metrics=metrics,
    )
