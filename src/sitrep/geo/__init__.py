"""Geoparsing: the offline GeoNames gazetteer, toponym recognition and resolution."""

from __future__ import annotations

from spacy.tokens import Doc

from ..model import Article, Place
from .gazetteer import Candidate, Gazetteer, embassy_cities, open_default
from .recognize import mentions_from_spans, recognize
from .resolve import Resolution, resolve

__all__ = ["find_places", "resolve_article", "to_place"]


def to_place(res: Resolution, gaz: Gazetteer) -> Place:
    """The contract's Place for a resolution (unresolved fields null)."""
    m, c = res.mention, res.place
    place = Place(text=m.text, start=m.start, end=m.end)
    if c is None or c.latitude is None or c.longitude is None:
        return place
    place.geonameid = c.geonameid
    place.name = c.name
    place.latitude = round(c.latitude, 5)
    place.longitude = round(c.longitude, 5)
    place.feature_code = c.fcode
    place.country = c.country or None
    place.admin1 = _admin1(c, gaz)
    place.admin2 = gaz.admin_name(c.country, c.admin1, c.admin2) if c.admin2 else None
    place.score = res.score
    place.stand_in = res.stand_in
    seated = m.label in ("CAPITAL", "EMBASSY") and c.fcode == "PCLI"
    if seated and (cap := _seat(c.country, m.label, gaz)) is not None:
        place.seat = Place(text=m.text, start=m.start, end=m.end, geonameid=cap.geonameid, name=cap.name,
                           latitude=cap.latitude, longitude=cap.longitude, feature_code=cap.fcode,
                           country=cap.country, admin1=_admin1(cap, gaz), score=res.score, for_country=True)
    return place


def _seat(country: str, label: str, gaz: Gazetteer) -> Candidate | None:
    """The capital of a country, or for an embassy the city its embassies are in (data/geo_aliases.yaml)."""
    city = embassy_cities().get(country) if label == "EMBASSY" else None
    if city is not None:
        towns = [c for c in gaz.lookup(city) if c.country == country and c.fclass == "P"]
        if towns:
            return max(towns, key=lambda c: c.population)
    return gaz.capital(country)


def _admin1(c: Candidate, gaz: Gazetteer) -> str | None:
    if c.fcode == "ADM1":
        return c.name
    if c.fcode in ("PCLI", "CONT"):
        return None
    return gaz.admin_name(c.country, c.admin1)


def resolve_article(doc: Doc | None, article: Article, gaz: Gazetteer | None = None) -> list[Resolution]:
    """Recognised (or, with ``article.gold_places``, given) toponyms and their resolutions."""
    gaz = gaz or open_default()
    if article.gold_places is not None:
        mentions = mentions_from_spans(doc, article, list(article.gold_places), gaz)
    elif doc is None:
        return []
    else:
        mentions = recognize(doc, article, gaz)
    return resolve(mentions, gaz)


def find_places(doc: Doc, article: Article, gaz: Gazetteer | None = None) -> list[Place]:
    """Every toponym of the article, resolved to GeoNames where one fits."""
    gaz = gaz or open_default()
    return [to_place(r, gaz) for r in resolve_article(doc, article, gaz)]
