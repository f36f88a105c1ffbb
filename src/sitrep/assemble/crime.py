"""Ordinary crime stories: their shootings and kidnappings are no ACLED event (data/crime_story.yaml)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..model import Article, Event

__all__ = ["crime_story", "without_crime"]


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    text = resources.files("sitrep.data").joinpath("crime_story.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _starts(words: list[str]) -> re.Pattern[str]:
    # An entry matches at a word's start ("militant" finds "militants"); a trailing space ends the word,
    # so "war " finds "war," but not "warrant", and "cult" is not found in "difficult".
    parts = [re.escape(w.rstrip()) + (r"\b" if w.endswith(" ") else "") for w in words]
    return re.compile(r"\b(?:" + "|".join(parts) + ")")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], list[re.Pattern[str]]]:
    data = _data()
    return _starts(data["conflict"]), [_starts([w]) for w in data["procedure"]]


def crime_story(text: str) -> bool:
    """Whether the text tells police and court business and names no armed, political or protest side."""
    conflict, procedure = _patterns()
    low = text.lower()
    if conflict.search(low):
        return False
    found = sum(1 for p in procedure if p.search(low))
    return found >= int(_data()["min_procedure"])


def without_crime(article: Article, mentions: list[Event]) -> list[Event]:
    """The mentions, less the violence of an ordinary crime story."""
    if not crime_story(article.text or ""):
        return mentions
    dropped = set(_data()["event_types"])
    return [m for m in mentions if m.event_type not in dropped]
