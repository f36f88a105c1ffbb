"""The article-level step: which event mentions of one article are one event, and the merged events.

A mention is what the sentence-level coder found (one sentence or clause); an event is what an
ACLED coder writes: one day, one place, one actor pair, one sub-type. Mentions merge when their
sub-types share a family (data/merge.yaml), their days overlap and their places agree; a mention
without its own day or place agrees with any. The merged event keeps every mention's span, the
best mention's evidence, the finest place and day the mentions give, and one toll. Events dated
well before publication, and events told once in passing after the lead with no day or place of
their own, are background: kept in the Report, out of the export.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from ..events.lexicon import rules
from ..events.taxonomy import subtype
from ..geo.resolve import distance_km
from ..model import Actor, Article, Count, Event, Location, Mention
from ..nlp import segment_kind

__all__ = ["CLOCK_ONLY", "TOLD", "merge_data", "merge_mentions"]

TOLD = frozenset({"occurred", "announced"})
_REMOTE = "Explosions/Remote violence"
_COUNTRY_CODES = frozenset({"PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "PCL", "TERR"})


@dataclass(frozen=True)
class _Rules:
    family: dict[str, str]
    rank: dict[str, int]
    folds: frozenset[str]
    same_place_km: float
    background_days: int
    lead_sentences: int
    bare_killing: frozenset[str]
    reprise_openers: tuple[str, ...]
    generic_nouns: frozenset[str]
    headline_joiners: re.Pattern[str]
    used_in: re.Pattern[str]
    support_fire: frozenset[str]


@lru_cache(maxsize=1)
def merge_data() -> dict[str, Any]:
    """data/merge.yaml as read (families, thresholds, implied doers)."""
    data: dict[str, Any] = yaml.safe_load(resources.files("sitrep.data").joinpath("merge.yaml").read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = merge_data()
    family: dict[str, str] = {}
    rank: dict[str, int] = {}
    for name, codes in data["families"].items():
        for i, code in enumerate(codes):
            family[code] = name
            rank[code] = i
    return _Rules(
        family, rank, frozenset(data["folds_into_told"]), float(data["same_place_km"]), int(data["background_days"]),
        int(data["lead_sentences"]), frozenset(str(w).lower() for w in data["bare_killing"]),
        tuple(str(w).lower() + " " for w in data["reprise_openers"]),
        frozenset(str(w).lower() for w in data["generic_nouns"]),
        re.compile(";|" + r"\b(?:" + "|".join(re.escape(str(w)) for w in data["headline_joiners"]) + r")\b",
                   re.IGNORECASE),
        re.compile(r"\b(?:" + "|".join(map(re.escape, map(str, data["used_in_verbs"]))) + r")\s+(?:in|during)\s+the\s+"
                   r"(?:" + "|".join(map(re.escape, map(str, data["used_in_events"]))) + r")\b", re.IGNORECASE),
        frozenset(str(c) for c in data["support_fire"]),
    )


def _family(code: str) -> str:
    return _rules().family.get(code, code)


# "at 4 p.m.", "around 10:30pm", "0735 GMT": a time of day alone names no day (dating may still lend it one)
CLOCK_ONLY = re.compile(r"^\W*(?:at|around|about|by|from|until|till)?\s*(?:\d{1,2}(?:[:.]\d{2})?|"
                        r"\d{4}(?=\s*(?:hrs|hours|gmt|utc)))\s*"
                        r"(?:[ap]\.?\s?m\.?|hrs|hours|gmt|utc|local time)?\W*$", re.IGNORECASE)


def _days(event: Event) -> tuple[date, date] | None:
    """The days the event's own words give; None for a date borrowed from the publication day."""
    d = event.date
    if d is None or d.text is None or not d.start or not d.end or CLOCK_ONLY.match(d.text):
        return None
    try:
        return date.fromisoformat(d.start[:10]), date.fromisoformat(d.end[:10])
    except ValueError:
        return None


def _own_place(event: Event) -> Location | None:
    loc = event.location
    return loc if loc is not None and loc.via == "sentence" else None


def _contains(big: Location, small: Location) -> bool:
    """True when ``big`` is a country, a first-level unit or a district that holds ``small``."""
    if not big.country or big.country != small.country:
        return False
    if (big.feature_code or "").startswith("ADM2") and small.admin2 and big.admin1 == small.admin1:
        return small.admin2 == big.name or small.admin2 == big.admin2
    if big.precision != 3:
        return False
    if big.admin1 is None or (big.name == big.admin1 and small.admin1 == big.admin1):
        return True
    return small.admin1 is not None and small.admin1 == big.name


def _same_place(a: Location, b: Location) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.latitude is None or b.latitude is None:
        # named but unknown to the gazetteer: only the same words are surely the same place
        return (a.text or "").lower() == (b.text or "").lower()
    if _contains(a, b) or _contains(b, a):
        return True
    assert a.longitude is not None and b.longitude is not None
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= _rules().same_place_km


def _inside_only(place: Location, others: list[Location]) -> bool:
    """Whether ``place`` is finer than every other place told, agreeing with them only by lying
    inside them (a town in the province the rest of the story names)."""
    return bool(others) and place.latitude is not None and all(
        p.geonameid != place.geonameid and _contains(p, place) and not _contains(place, p) for p in others)


@dataclass
class _Group:
    """The mentions of one event, in text order."""

    mentions: list[Event] = field(default_factory=list)

    def days(self) -> tuple[date, date] | None:
        spans = [d for d in map(_days, self.mentions) if d is not None]
        return min(spans, key=lambda d: (d[1] - d[0], d[0])) if spans else None

    def places(self) -> list[Location]:
        return [p for p in map(_own_place, self.mentions) if p is not None]


def _own_day(article: Article, event: Event) -> bool:
    """Whether the event's own sentence names its day (not a day dating lent it from a neighbour)."""
    d = event.date
    return _days(event) is not None and d is not None and bool(d.text) and (
        str(d.text) in article.text[event.evidence.start : event.evidence.end])


def _agrees(article: Article, group: _Group, mention: Event, aside: frozenset[int] = frozenset()) -> bool:
    """Whether ``mention`` can be another telling of the group's event (``aside``: the trigger offsets
    of mentions named in passing by a definite noun phrase, whose day is another act's)."""
    if not any(_family(m.code) == _family(mention.code) for m in group.mentions):
        return False
    if _period(mention) or any(_period(m) for m in group.mentions):
        # "the deadliest since August, when 37 were killed": a tally or history, no telling of one event
        return False
    if any(m.sentence is not None and (m.sentence, m.code) == (mention.sentence, mention.code) for m in group.mentions):
        return False  # one sentence tells one event of a sub-type per place: these are its other places
    if _points_back(article, group, mention):
        return True
    if _one_more(article, mention) and any(m.event_type == mention.event_type for m in group.mentions):
        return False  # "ANOTHER EXPLOSION TOOK PLACE SIMULTANEOUSLY IN ZONE 5": not the one told
    mine, theirs = _days(mention), group.days()
    aside_day = mention.evidence.trigger_start in aside or all(m.evidence.trigger_start in aside
                                                              for m in group.mentions)
    if aside_day and any(m.code == mention.code for m in group.mentions):
        mine = theirs = None  # another act's day: the event may be one the article tells on its own day
    if mine is not None and theirs is not None and (mine[1] < theirs[0] or theirs[1] < mine[0]):
        return False
    place = _own_place(mention)
    headline = _headline_only(article, group) and not _headline(article, mention)
    if place is not None and not all(_same_place(place, p) for p in group.places()) and not (
            headline and (place.latitude is None or all(p.latitude is None or _contains(p, place)
                                                        for p in group.places()))):
        return False
    retold = any(m.code == mention.code for m in group.mentions)
    if place is not None and not retold and _inside_only(place, group.places()):
        # "an attack on two villages in Hama province ... ISIS shelling on the nearby town of
        # Salamiyeh": a town named inside the region the event was told in is another place,
        # unless the same sub-type is told again there
        return False
    # another telling of an event type the group already holds (a group of an attack and the
    # looting in it takes a later report of the attack)
    if any(subtype(m.code).event_type == subtype(mention.code).event_type for m in group.mentions):
        return True
    # an event named by its kind alone on the same day at the same place ("the attacks Aug. 7 at the
    # embassies" beside "the bombings"): the one told by its weapon
    kind_only = _named_by_kind(mention) or all(_named_by_kind(m) for m in group.mentions)
    if kind_only and mine is not None and theirs is not None:
        return True
    # across event types (a clash and the shelling in it): only the same sentence, or a reprise
    # that names neither its own day nor its own place
    if any(m.sentence is not None and m.sentence == mention.sentence for m in group.mentions):
        # (but a headline of two events joined by "as" tells two: "Gunmen kill five in village as air
        # force strikes bandit camp")
        return not _headline(article, mention) or _one_clause(article, mention)
    if (mine is None and place is None) or all(_days(m) is None and _own_place(m) is None for m in group.mentions):
        return True
    sides = [a for m in group.mentions if m.code == "ARMED_CLASH" for a in (m.actor1, m.actor2) if a]
    doer = mention.actor1
    if (mention.code in _rules().support_fire and place is None and not _own_day(article, mention) and sides
            and (doer is None or _generic(doer) or any(
                a.name == doer.name or (doer.inter in _STATE and a.inter == doer.inter) for a in sides))):
        # "Three days of intense fighting between police and insurgents ... Helicopter gunships fired
        # on the militant positions": the fire of a side of the clash, its day lent by the sentence
        # before (the coalition's air raids on a town where two others fight are their own event)
        return True
    # the headline's event, told again by the body's first mention of its family on an agreeing day and
    # place ("Two FC soldiers martyred in attack on checkpost in Kech" / "... when militants attacked")
    return (headline and _one_clause(article, group.mentions[0])) or _reprise(article, group, mention)


def _headline(article: Article, mention: Event) -> bool:
    """The mention is told in the text's first sentence, and that sentence is a headline (no full stop)."""
    if mention.sentence != 0:
        return False
    told = article.text[mention.evidence.start : mention.evidence.end].rstrip()
    after = article.text[mention.evidence.end : mention.evidence.end + 2]
    return bool(told) and told[-1] not in ".!?\"'”’" and "\n" in after


def _headline_only(article: Article, group: _Group) -> bool:
    return all(_headline(article, m) for m in group.mentions)


def _one_clause(article: Article, mention: Event) -> bool:
    """The mention's sentence tells one thing: no second clause joined to it (data/merge.yaml)."""
    return not _rules().headline_joiners.search(article.text[mention.evidence.start : mention.evidence.end])


def _named_by_kind(mention: Event) -> bool:
    """An attack named by the noun alone ("the attacks", "the incident"), not by its weapon or a verb."""
    return mention.code == "ATTACK" and (mention.evidence.trigger or "").lower() in _rules().generic_nouns


# "the fighting", "Saturday's gun battle", "this attack": a noun phrase that names an event already told
_DEFINITE = re.compile(r"(?:\bthe|\bthis|\bthat|'s|’s)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _one_more_words() -> re.Pattern[str]:
    words = sorted(rules().sets["one_more"].singles)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _one_more(article: Article, mention: Event) -> bool:
    """The trigger counts itself one more of its kind ("another explosion", "a third blast"; the words
    are the rules' ``one_more`` set, which the coder reads too)."""
    ts = mention.evidence.trigger_start
    return ts is not None and bool(_one_more_words().search(article.text[max(0, ts - 30) : ts]))


def _points_back(article: Article, group: _Group, mention: Event) -> bool:
    """A definite noun phrase naming a sub-type the group told earlier, within a few days, at no other
    known place ("Three days of intense fighting ... ended Saturday. ... Underscoring the seriousness
    of the fighting, television showed a meeting Friday"): the event already told, whatever else its
    sentence names."""
    ev = mention.evidence
    told = any(m.code == mention.code and m.evidence.start < ev.start for m in group.mentions)
    if ev.trigger_start is None or not told:
        return False
    if not _DEFINITE.search(article.text[max(0, ev.trigger_start - 40) : ev.trigger_start]):
        return False
    mine, theirs = _days(mention), group.days()
    if mine is not None and theirs is not None and max((mine[0] - theirs[1]).days, (theirs[0] - mine[1]).days) > 3:
        return False
    place = _own_place(mention)
    return place is None or place.latitude is None or all(_same_place(place, p) for p in group.places())


def _reprise(article: Article, group: _Group, mention: Event) -> bool:
    """A sentence opening on the event just told ("The attack left one officer dead"), with no
    place of its own and no day in its own words (dating lent it the sentence before's)."""
    if _own_place(mention) is not None or _own_day(article, mention) or mention.sentence is None:
        return False
    if not any(m.sentence == mention.sentence - 1 for m in group.mentions):
        return False
    told = article.text[mention.evidence.start : mention.evidence.end]
    head = told.lstrip("\"'“‘ ").lower()
    # "... tanks, artillery and missiles were used in the attack": the weapons of the event just told
    return head.startswith(_rules().reprise_openers) or bool(_rules().used_in.search(told))


# Inter codes of state forces (their own and foreign)
_STATE = frozenset({1, 8})


def _generic(actor: Actor | None) -> bool:
    return actor is None or not actor.name or actor.inter is None or actor.name.startswith("Unidentified")


def _weight(article: Article, m: Event, code: str, aside: frozenset[int] = frozenset()) -> tuple[int, ...]:
    """How well a mention tells the merged event: its own sub-type, body text, its own day and place."""
    body = segment_kind(article, m.evidence.start, m.evidence.end) == "body"
    return (
        int(m.code == code),
        int(m.status in TOLD),
        int(m.evidence.trigger_start not in aside),
        int(body),
        int(_days(m) is not None),
        int(_own_place(m) is not None),
        int(not _generic(m.actor1)) + int(m.actor2 is not None),
        int(m.fatalities.best is not None),
    )


def _toll(counts: list[Count]) -> Count:
    """One toll for the event: the highest conservative figure any mention gives (a later, risen toll
    or a fuller breakdown), never a sum of mentions that tell the same deaths."""
    told = [c for c in counts if c.best is not None]
    if not told:
        return Count()
    best = max(told, key=lambda c: (c.best or 0, c.high or 0))
    highs = [c.high for c in told if c.high is not None]
    return replace(best, high=max(highs) if highs and max(highs) > (best.best or 0) else best.high)


def _finest(group: _Group, lead: Event) -> Location | None:
    own = group.places()
    if not own:
        return lead.location
    located = [p for p in own if p.latitude is not None] or own
    best = min(located, key=lambda p: (p.precision or 9, 0 if p is _own_place(lead) else 1))
    return best if best is _own_place(lead) else replace(best, via="mention")


def _merge(article: Article, group: _Group, aside: frozenset[int] = frozenset()) -> Event:
    ms = group.mentions
    told = [m for m in ms if m.status in TOLD] or ms
    # a bare "were killed" tells the deaths, not how: another mention's weapon names it
    if any(m.event_type == _REMOTE for m in told):
        told_how = [m for m in told if (m.evidence.trigger or "").lower() not in _rules().bare_killing] or told
    else:
        told_how = told
    votes = Counter(m.code for m in told_how)
    rank = _rules().rank
    code = min(votes, key=lambda c: (rank.get(c, 99), -votes[c]))
    lead = max(told, key=lambda m: _weight(article, m, code, aside))
    merged = replace(lead)
    if code != lead.code:
        st = subtype(code)
        merged.code, merged.event_type, merged.sub_event_type = code, st.event_type, st.sub_event_type
    merged.status = "occurred" if any(m.status == "occurred" for m in told) else lead.status
    dated = [m for m in ms if _days(m) is not None]
    if _days(lead) is None and dated:
        merged.date = min(dated, key=lambda m: (m.date.precision if m.date and m.date.precision else 9)).date
    merged.location = _finest(group, lead)
    sides = [m for m in sorted(ms, key=lambda m: _weight(article, m, code), reverse=True) if not _generic(m.actor1)]
    if merged.actor1 is not None:
        # unnamed gunmen are named by a group another mention names, never by the state forces
        # they fought ("militants attacked a police checkpost ... police repulsed the attack")
        sides = [m for m in sides if m.actor1 is None or m.actor1.inter not in _STATE]
    if _generic(merged.actor1) and sides:
        merged.actor1 = sides[0].actor1
        if merged.actor2 is None:
            merged.actor2 = sides[0].actor2
    if merged.actor2 is None:
        merged.actor2 = next((m.actor2 for m in ms if m.actor2 is not None), None)
    merged.fatalities = _toll([m.fatalities for m in told])
    merged.injured = _toll([m.injured for m in told])
    merged.attributed_to = list(dict.fromkeys(a for m in ms for a in m.attributed_to))
    merged.confidence = max(m.confidence for m in ms)
    merged.mentions = [Mention(m.evidence.start, m.evidence.end) for m in sorted(ms, key=lambda m: m.evidence.start)]
    return merged


def merge_mentions(article: Article, mentions: list[Event], aside: frozenset[int] = frozenset()) -> list[Event]:
    """The article's events: agreeing mentions merged, in the order the article first tells them
    (``aside``: the trigger offsets of mentions told in passing, dating.told_aside)."""
    folds = _rules().folds
    groups: list[_Group] = []
    loose: list[tuple[int, Event]] = []
    ordered = sorted(mentions, key=lambda m: m.evidence.start)
    for m in ordered:
        if m.status not in TOLD:
            continue
        # of the events it can retell, the one that already holds its sub-type ("the gunman got into a
        # 15-minute shootout with police" retells the shootout, not the shooting of the ambassador)
        fits = [g for g in groups if _agrees(article, g, m, aside)]
        home = next((g for g in fits if any(x.code == m.code for x in g.mentions)), fits[0] if fits else None)
        if home is None:
            groups.append(_Group([m]))
        else:
            home.mentions.append(m)
    for m in ordered:
        if m.status in TOLD:
            continue
        home = next((g for g in groups if _agrees(article, g, m, aside)), None) if m.status in folds else None
        if home is not None:
            home.mentions.append(m)
        else:
            m.mentions = [Mention(m.evidence.start, m.evidence.end)]
            loose.append((m.evidence.start, m))
    merged = [(g.mentions[0].evidence.start, _merge(article, g, aside)) for g in groups]
    events = [e for _, e in sorted(merged + loose, key=lambda p: p[0])]
    for event in events:
        if event.status in TOLD and _ahead(event, article.published):
            event.status = "planned"  # "strikes and protests called for next Tuesday": not yet
        elif event.status in TOLD and (_long_before(event, article.published) or _in_passing(event)):
            event.status = "background"
    return events


def _ahead(event: Event, published: str | None) -> bool:
    """True when the event's own words date it after the article was published."""
    days = _days(event)
    if days is None or not published:
        return False
    try:
        return days[0] > date.fromisoformat(published[:10])
    except ValueError:
        return False


def _in_passing(event: Event) -> bool:
    """Told once, after the lead, with neither its own day nor its own place: background told in
    passing (CODEBOOK.md), kept in the Report but out of the export rather than stamped with the
    publication week and the article's main place."""
    return (
        len(event.mentions) == 1
        and event.sentence is not None
        and event.sentence >= _rules().lead_sentences
        and _days(event) is None
        and _own_place(event) is None
    )


def _period(event: Event) -> bool:
    """The event's own words give only a period longer than ``background_days``."""
    days = _days(event)
    return days is not None and (days[1] - days[0]).days > _rules().background_days


def _long_before(event: Event, published: str | None) -> bool:
    """True when the event's own words date it well before the article was published, or give it
    only a long period ("since September 2012", "in 2008", "in the last two months": a tally or
    history, never one event's day)."""
    days = _days(event)
    if days is None:
        return False
    if _period(event):
        return True
    if not published:
        return False
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (pub - days[1]).days > _rules().background_days
