"""Ordinary crime stories: their shootings and kidnappings are no ACLED event (data/crime_story.yaml)."""

from __future__ import annotations

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


def crime_story(text: str) -> bool:
    """Whether the text tells police and court business and names no armed, political or protest side."""
    data = _data()
    low = text.lower()
    if any(w in low for w in data["conflict"]):
        return False
    found = sum(1 for w in data["procedure"] if w in low)
    return found >= int(data["min_procedure"])


def without_crime(article: Article, mentions: list[Event]) -> list[Event]:
    """The mentions, less the violence of an ordinary crime story."""
    if not crime_story(article.text or ""):
        return mentions
    dropped = set(_data()["event_types"])
    return [m for m in mentions if m.event_type not in dropped]
