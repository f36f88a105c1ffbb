"""Each event's sides settled for the whole article: generic actors take the event's country,
and an event whose mentions name no doer gets the doer its sub-type implies (data/merge.yaml)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..events.actors import dictionary, kind_of
from ..model import Actor, Event
from .merge import merge_data

__all__ = ["settle_sides"]

# Inter codes of actors named only for their country: militias, rioters, protesters, civilians.
_GENERIC = frozenset({3, 4, 5, 6, 7})
_TOLD = frozenset({"occurred", "announced"})
_COUNTRY_SUFFIX = re.compile(r"^(?P<head>.+?) \((?P<label>[^()]+)\)$")


def _implied() -> dict[str, dict[str, Any]]:
    implied: dict[str, dict[str, Any]] = merge_data()["implied_doers"]
    return implied


def _both_armed() -> frozenset[str]:
    return frozenset(str(c) for c in merge_data()["named_side_acts"])


@lru_cache(maxsize=1)
def _templates() -> frozenset[str]:
    """The heads of the generic actor names ("Unidentified Armed Group", "Protesters", ...)."""
    names = {name for name, _ in dictionary().generic.values()}
    names |= {str(spec["name"]) for spec in _implied().values()}
    return frozenset(m["head"] for n in names if (m := _COUNTRY_SUFFIX.match(n)) is not None)


def _to_country(actor: Actor | None, iso: str, label: str) -> Actor | None:
    """A generic actor named for another country renamed for the event's ("gunmen in Enugu" are Nigerian)."""
    if actor is None or actor.inter not in _GENERIC or not actor.name or actor.country == iso:
        return actor
    m = _COUNTRY_SUFFIX.match(actor.name)
    if m is None or m["label"] == label or m["head"] not in _templates():
        return actor  # a named actor of a country ("Settlers (Israel)") keeps it wherever it acts
    return replace(actor, name=f"{m['head']} ({label})", country=iso)


def settle_sides(event: Event) -> Event:
    """The event with its generic actors in its own country and an implied doer where none is named."""
    iso = event.location.country if event.location is not None else None
    label = dictionary().country_label(iso) if iso else None
    if event.actor1 is not None and event.actor1.inter is None:
        # a doer the dictionary could not place ("DMUG's", a dateline read as a subject): no ACLED actor,
        # so the sub-type's implied doer stands in
        event.actor1 = None
    if iso and label:
        event.actor1 = _to_country(event.actor1, iso, label)
        event.actor2 = _to_country(event.actor2, iso, label)
    if event.actor1 is None and event.actor2 is not None and event.code in _both_armed():
        # "Five militants were killed in a gunfight with police": in a battle the one side named
        # fought; it is the first actor, not an unnamed group beside it
        event.actor1, event.actor2 = event.actor2, None
    spec = _implied().get(event.code)
    if event.actor1 is None and spec is not None and event.status in _TOLD:
        template = str(spec["name"])
        if label:
            name = template.replace("{country}", label)
        else:
            name = template.replace(" ({country})", "").replace(" of {country}", "")
        inter = int(spec["inter"])
        event.actor1 = Actor(name=name, kind=kind_of(inter), inter=inter, country=iso)
    return event
