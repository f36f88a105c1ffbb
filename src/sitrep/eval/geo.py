"""Geoparsing scores on the public gold corpora (TR-News dev, LGL, GeoVirus).

Toponym recognition precision/recall/F1 (overlapping spans, one to one);
resolution accuracy within 161 km and exact GeoNames id, end to end (on the
spans both found) and with gold spans; AUC of the error distance (Gritta et al.
2018: mean of ln(1 + km) / ln(20039), lower is better; an unresolved toponym
counts as the largest error).
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..geo import resolve_article
from ..geo.gazetteer import Gazetteer, open_default
from ..geo.resolve import Resolution, distance_km
from ..ingest import article_from_text
from ..model import Article
from . import EvalResult, default_data_dir

__all__ = [
    "CORPORA",
    "GoldArticle",
    "GoldToponym",
    "evaluate",
    "fit_calibration",
    "read_corpus",
    "reliability",
]

CORPORA = (("tr-news", "tr-news-dev.xml"), ("lgl", "lgl.xml"), ("geovirus", "GeoVirus.xml"))
_MAX_KM = 20039.0
_ACC_KM = 161.0


@dataclass
class GoldToponym:
    """One gold toponym: span, coordinates and (where the corpus has it) GeoNames id."""

    start: int
    end: int
    text: str
    latitude: float
    longitude: float
    geonameid: int | None = None


@dataclass
class GoldArticle:
    """A gold article: its text and toponyms."""

    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _align(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """Fix gold offsets that are off by a few characters (GeoVirus, a few TR-News)."""
    if not phrase or text[start:end] == phrase:
        return start, end
    for delta in sorted(range(-12, 13), key=abs):
        s = start + delta
        if s >= 0 and text[s:s + len(phrase)] == phrase:
            return s, s + len(phrase)
    return start, end


def read_corpus(path: Path) -> list[GoldArticle]:
    """Articles of a TR-News/LGL (``toponym``) or GeoVirus (``location``) XML file."""
    root = ET.parse(path).getroot()
    out: list[GoldArticle] = []
    for n, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        gold: list[GoldToponym] = []
        for tp in list(art.iter("toponym")) + list(art.iter("location")):
            phrase = tp.findtext("phrase") or tp.findtext("name") or ""
            gaz = tp.find("gaztag")
            lat_text = (gaz.findtext("lat") if gaz is not None else None) or tp.findtext("lat")
            lon_text = (gaz.findtext("lon") if gaz is not None else None) or tp.findtext("lon")
            if lat_text is None or lon_text is None:
                continue
            gid = gaz.get("geonameid") if gaz is not None else None
            start, end = _align(text, int(tp.findtext("start") or 0), int(tp.findtext("end") or 0), phrase)
            gold.append(GoldToponym(start, end, text[start:end], float(lat_text), float(lon_text),
                                    int(gid) if gid and gid.isdigit() else None))
        out.append(GoldArticle(art.get("docid") or str(n), text, gold))
    return out


def _error(res: Resolution | None, gold: GoldToponym) -> float:
    if res is None or res.place is None or res.place.latitude is None or res.place.longitude is None:
        return _MAX_KM
    return distance_km(res.place.latitude, res.place.longitude, gold.latitude, gold.longitude)


@dataclass
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[float] = field(default_factory=list)
    ids: list[bool] = field(default_factory=list)
    scored: list[tuple[float, bool]] = field(default_factory=list)

    def add(self, res: Resolution | None, gold: GoldToponym) -> None:
        err = _error(res, gold)
        self.errors.append(err)
        if gold.geonameid is not None:
            gid = res.place.geonameid if res is not None and res.place is not None else None
            self.ids.append(gid == gold.geonameid)
        if res is not None and res.score is not None:
            self.scored.append((res.score, err <= _ACC_KM))

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def acc(self) -> float:
        return sum(e <= _ACC_KM for e in self.errors) / len(self.errors) if self.errors else 0.0

    def id_acc(self) -> float | None:
        return sum(self.ids) / len(self.ids) if self.ids else None

    def auc(self) -> float:
        if not self.errors:
            return 1.0
        return sum(math.log1p(e) for e in self.errors) / (len(self.errors) * math.log1p(_MAX_KM))


def _article(gold: GoldArticle, spans: bool) -> Article:
    art = article_from_text(gold.text, id=gold.id)
    art.segments = []
    art.gold_places = [(t.start, t.end) for t in gold.toponyms] if spans else None
    return art


def _match(pred: list[Resolution], gold: list[GoldToponym]) -> list[tuple[int | None, int | None]]:
    """One-to-one pairs of overlapping spans (prediction index, gold index)."""
    used: set[int] = set()
    pairs: list[tuple[int | None, int | None]] = []
    for gi, g in enumerate(gold):
        hit = None
        for pi, r in enumerate(pred):
            if pi not in used and r.mention.start < g.end and g.start < r.mention.end:
                hit = pi
                break
        if hit is not None:
            used.add(hit)
        pairs.append((hit, gi))
    pairs += [(pi, None) for pi in range(len(pred)) if pi not in used]
    return pairs


def _score_corpus(articles: list[GoldArticle], gaz: Gazetteer, end_to_end: bool) -> tuple[_Tally, _Tally]:
    gold_tally, e2e = _Tally(), _Tally()
    for g in articles:
        res = resolve_article(None, _article(g, True), gaz)
        for r, t in zip(res, sorted(g.toponyms, key=lambda t: (t.start, t.end)), strict=False):
            gold_tally.add(r, t)
    if end_to_end:
        from .. import nlp

        model = nlp.load()
        texts = [g.text for g in articles]
        for g, doc in zip(articles, nlp.parse(texts, model), strict=True):
            pred = resolve_article(doc, _article(g, False), gaz)
            for pi, gi in _match(pred, g.toponyms):
                if pi is not None and gi is not None:
                    e2e.tp += 1
                    e2e.add(pred[pi], g.toponyms[gi])
                elif gi is not None:
                    e2e.fn += 1
                else:
                    e2e.fp += 1
    return gold_tally, e2e


def reliability(pairs: list[tuple[float, bool]], bins: int = 5) -> list[dict[str, Any]]:
    """Calibration table: per score bin, how many and how often right."""
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [ok for s, ok in pairs if lo <= s < hi or (b == bins - 1 and s == 1.0)]
        if inside:
            mean = sum(s for s, _ in pairs if lo <= s < hi or (b == bins - 1 and s == 1.0)) / len(inside)
            rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(inside), "mean_score": round(mean, 3),
                         "right": round(sum(inside) / len(inside), 3)})
    return rows


def evaluate(data: Path | None = None, limit: int | None = None, *, end_to_end: bool = True,
             gaz: Gazetteer | None = None) -> EvalResult:
    """Score every corpus found under ``data``/geo; ``limit`` articles per corpus."""
    folder = (data or default_data_dir()) / "geo"
    gaz = gaz or open_default()
    rows: list[dict[str, Any]] = []
    metrics: dict[str, float] = {}
    scored: list[tuple[float, bool]] = []
    for name, filename in CORPORA:
        path = folder / filename
        if not path.exists():
            continue
        articles = read_corpus(path)[:limit] if limit else read_corpus(path)
        gold_t, e2e = _score_corpus(articles, gaz, end_to_end)
        scored += gold_t.scored
        p, r, f1 = e2e.prf()
        row: dict[str, Any] = {
            "corpus": name, "articles": len(articles), "toponyms": len(gold_t.errors),
            "gold_acc161": round(gold_t.acc(), 3), "gold_id": _round(gold_t.id_acc()),
            "gold_auc": round(gold_t.auc(), 3),
        }
        metrics[f"{name}.gold_acc161"] = row["gold_acc161"]
        metrics[f"{name}.gold_auc"] = row["gold_auc"]
        if row["gold_id"] is not None:
            metrics[f"{name}.gold_id"] = row["gold_id"]
        if end_to_end:
            row.update({"P": round(p, 3), "R": round(r, 3), "F1": round(f1, 3),
                        "e2e_acc161": round(e2e.acc(), 3), "e2e_id": _round(e2e.id_acc()),
                        "e2e_auc": round(e2e.auc(), 3)})
            metrics[f"{name}.precision"] = row["P"]
            metrics[f"{name}.recall"] = row["R"]
            metrics[f"{name}.f1"] = row["F1"]
            metrics[f"{name}.e2e_acc161"] = row["e2e_acc161"]
        rows.append(row)
    for rel in reliability(scored):
        metrics[f"reliability.{rel['bin']}"] = rel["right"]
    return EvalResult("Geoparsing: recognition (P/R/F1), resolution within 161 km, exact id, AUC", rows, metrics)


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def fit_calibration(data: Path | None = None, out: Path | None = None, *, share: float = 0.5,
                    gaz: Gazetteer | None = None) -> dict[str, Any]:
    """Fit the logistic score calibration on the first ``share`` of each corpus (gold spans).

    Returns the weights and the reliability table on the held-out rest; writes them
    to ``out`` when given.
    """
    folder = (data or default_data_dir()) / "geo"
    gaz = gaz or open_default()
    fit_x: list[list[float]] = []
    fit_y: list[bool] = []
    held: list[tuple[list[float], bool]] = []
    for _name, filename in CORPORA:
        articles = read_corpus(folder / filename)
        cut = int(len(articles) * share)
        for k, g in enumerate(articles):
            res = resolve_article(None, _article(g, True), gaz)
            for r, t in zip(res, sorted(g.toponyms, key=lambda t: (t.start, t.end)), strict=False):
                if not r.features:
                    continue
                ok = _error(r, t) <= _ACC_KM
                if k < cut:
                    fit_x.append(r.features)
                    fit_y.append(ok)
                else:
                    held.append((r.features, ok))
    weights = _logistic(fit_x, fit_y)
    from ..geo.resolve import calibrate

    table = reliability([(calibrate(x, weights), ok) for x, ok in held], bins=10)
    result = {
        "_source": ("Logistic calibration of sitrep.geo.resolve scores (right = within 161 km), fitted by "
                    "sitrep.eval.geo.fit_calibration with gold spans on the first half of each public dev corpus "
                    "(TR-News dev, LGL, GeoVirus); the reliability table is on the other half."),
        "features": ["bias", "margin", "country", "fuzzy", "log_population", "focus", "log_candidates",
                     "foreign", "alternate_name", "within_told_unit"],
        "weights": [round(w, 4) for w in weights], "fitted_on": len(fit_y), "held_out": len(held),
        "reliability_held_out": table,
    }
    if out is not None:
        out.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    return result


def _logistic(xs: list[list[float]], ys: list[bool], l2: float = 1.0, steps: int = 30) -> list[float]:
    """Logistic regression by Newton's method with a small ridge penalty."""
    import numpy as np

    x = np.array(xs, dtype=float)
    y = np.array(ys, dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + l2 * w
        hess = (x.T * (p * (1 - p))) @ x + l2 * np.eye(x.shape[1])
        w -= np.linalg.solve(hess, grad)
    return [float(v) for v in w]
