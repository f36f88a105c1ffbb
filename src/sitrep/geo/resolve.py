"""Toponym resolution: rank gazetteer candidates in the article's context.

Each candidate gets a prior (how the name matched, feature class and code,
population) and then context (the article's country focus, "X, Y" / "X in Y"
containment, nearness to the article's other places). The winner's ``score``
is a probability that it is right, from a logistic calibration fitted on dev
data (data/geo_calibration.json); no candidate, or none with coordinates, gives
no resolution rather than a guess.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from .gazetteer import ALTERNATE, CODE, DEMONYM, MAIN, UNIT_WORDS, Candidate, Gazetteer
from .normalize import name_key
from .recognize import Mention, words

__all__ = ["MIN_SCORE", "Resolution", "calibrate", "distance_km", "features", "resolve"]

_CODE_BONUS = {"PCLI": 4.0, "CONT": 3.0, "OCN": 6.0, "SEA": 6.0, "GULF": 3.0, "LK": 2.0, "MTS": 3.0,
               "DSRT": 3.0, "PEN": 3.0, "DLTA": 2.0, "ADM1": 2.0, "PPLC": 2.0, "ADM2": 0.5, "PPLA": 1.0,
               "PPLA2": 0.5, "PPLA3": 0.3, "RGN": 4.0, "ISL": 3.0}
MIN_SCORE = 0.3
# a place known only by the town that holds it is that close at best
_INSIDE_FACTOR = 0.8
# a capital smaller than the first size loses part of its bonus beside a namesake city of that size, all of
# it at the second size or less (on a log scale between)
_FULL_CAPITAL, _NO_CAPITAL = 100_000, 1_000
# a name the gazetteer lacks, read as the nearest town named: right 106 times in 169 on the three dev
# corpora (gold spans, 2026-12-03), about 0.7 of a town's own reading
_NEAREST_FACTOR = 0.7
# a landmark placed at the town its name holds, found by the name alone (no reading of its own to scale):
# midway between the least score kept and a nearest-town stand-in's best
_NAMED_TOWN_SCORE = round(MIN_SCORE + _NEAREST_FACTOR * (1 - MIN_SCORE) / 2, 3)
# A first-pass margin (prior points) at which a reading counts fully towards the article's focus.
_SURE_MARGIN = 1.5
# Countries, continents, seas and named regions: no country focus applies to them.
_AREA_CODES = {"PCLI", "CONT", "RGN", "OCN", "SEA", "GULF", "MTS", "DSRT", "PEN", "LK", "DLTA", "ISL", "BAY", "STRT",
               "CHN", "STM", "LKS", "VAL", "PLN", "ISLS", "PT"}
# a town read by its vowel skeleton this near a place read by its spelling is in the story's area
_FUZZY_KM = 500.0
# an alternate name of a town smaller than this, far from the story's places, is no reading of it
_SMALL_TOWN = 10_000
# more places than a story names: _far_namesakes reads no frame in them (and stays linear)
_FAR_MAX_PLACES = 200
# ... nor a town of this size or more, or of the second size where no other town bears its name
_FAR_TOWN, _FAR_LONE_TOWN = 100_000, 20_000
# names swinging between passes settled jointly, at most (each costs a pass per name)
_MAX_SWING = 4
# another country's reading of the towns: names it must share, pairs of them it must bring together
_COMPACT_NAMES = 3
_COMPACT_GAIN = 2
# ... and how much smaller (natural log of population, on average) its towns may be than those they replace
_COMPACT_SHRINK = 1.5
# a city this big, in a first-level unit of its name, is what the bare name means ("New York")
_GREAT_CITY = 1_000_000
_GREAT_CITY_BONUS = 2.5
# a city holds the districts and towns this near its centre ("Brooklyn in New York")
_CITY_REACH_KM = 30.0
# a section of a city the text names, called a "district" ("the upmarket Gombe district" after Kinshasa):
# the unit word then tells a city's quarter, not a province elsewhere, so the section regains the units' bonus
# (only for geo_words.yaml quarter_words: "the Riyadh region" in a Khartoum story is no quarter of Khartoum)
_QUARTER_BONUS = 2.5
# ... unless this share of the story's other places lies in the first-level unit of its name
_HOME_UNIT_SHARE = 0.5
# a city this big, fifty times any namesake town, leans its way (measured 2026-12-06: LGL +1, the probe
# passages +4, none lost; 200,000 and 30 times read the same, 500,000 and 100 times one fewer)
_BIG_CITY, _BIG_RATIO, _BIG_CITY_BONUS = 300_000, 50, 1.5
# readings closer than this put a place in the same spot (the usual 161 km of geoparsing scores)
_ACC_KM = 161.0
# a town in a county the text also names, and that county: each confirms the other, as "X, Y" does
# (measured 2026-12-07: LGL 0.865 to 0.880, 28 names right and 1 lost; TR-News and GeoVirus the same)
_PAIR_BONUS = 3.0
# a town the text puts in or beside another town lies within this of it
_NEAR_TOWN_KM = 300.0
# a dateline this far from the US Capitol is another state's seat (Richmond and Harrisburg lie 150 km off)
_SEAT_KM = 50.0
# a city this big, this many times any namesake town, keeps its reading however unsure the calibration
_CLEAR_CITY, _CLEAR_RATIO = 500_000, 5
# a story "wholly" of one country: at least this many other places read, this share of them there
_HOME_MIN_PLACES = 3
_HOME_SHARE = 0.9
# the units a list is read as a list of (towns of one country are left to the country focus)
_LISTED_CODES = {"PCLI", "ADM1", "ADM2"}
_KIND_BONUS = {MAIN: 0.0, ALTERNATE: -0.3, DEMONYM: 0.0, CODE: -0.5, UNIT_WORDS: 0.0}


@dataclass
class Resolution:
    """A mention's chosen place (None when nothing fits) and calibrated score."""

    mention: Mention
    place: Candidate | None
    score: float | None
    features: list[float]
    # the nearest town named stands in for a name the gazetteer lacks: where it is, roughly
    stand_in: bool = False


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _candidates(m: Mention, gaz: Gazetteer) -> list[Candidate]:
    text = m.text
    if name_key(text) in words()["generic_quarters"]:
        return []
    if m.feature:
        if feature := [c for c in gaz.lookup(f"{text} {m.feature}") if c.fclass != "P"]:
            return feature  # "the Tishrin dam": the dam, not a quarter of Damascus
        m.feature = ""  # "the Odesa sea port": no feature of that name, so the name is Odesa's, as elsewhere
    cands = list(gaz.lookup(text))
    parts = name_key(text).split()
    if len(parts) > 1 and parts[-1] in words()["admin_words"]:
        stripped = " ".join(parts[:-1])
        cands += [c for c in gaz.lookup(stripped) if c.fclass == "A" or c.fcode.startswith("PPLA")]
        m.admin_hint = True
    if m.admin_hint:
        # units named by words alone, where the text calls the name a unit ("Cameroon's Northwest
        # region", "the Eastern Province")
        seen = {c.id for c in cands}
        named = len(parts) > 1 and parts[-1] in words()["admin_words"]
        for form in {text, " ".join(parts[:-1]) if named else text}:
            for c in gaz.lookup_units(form):
                if c.id not in seen:
                    seen.add(c.id)
                    cands.append(c)
    if parts and all(w in words()["compass_words"] for w in parts):
        # a name of compass words alone is a zone or a unit ("the North East" of Nigeria, South Africa's
        # North West, Cameroon's South-West named bare), never one of the small towns so named abroad;
        # a zone only when told as one ("the Northeast", "Nigeria's North West"; not "shot in Southeast"
        # of Washington, D.C., nor "Southwest canceled 2,000 flights")
        seen = {c.id for c in cands}
        zone = m.before in words()["zone_before"] or m.admin_hint
        cands = [c for c in cands if c.fclass != "P" and (zone or c.fcode != "RGN")] + [
            c for c in (gaz.lookup_units(text) if zone else ()) if c.id not in seen]
    if m.demonym:
        dem = [c for c in cands if c.kind == DEMONYM]
        # "Welsh", "Scottish": the homeland inside the country the adjective also names
        inner = [c for c in dem if c.fclass == "A" and c.fcode != "PCLI"
                 and any(p.fcode == "PCLI" and p.country == c.country for p in dem)]
        if inner:
            return inner
        if dem:
            return dem
    if not cands and len(parts) > 1 and parts[0] in words()["directions"] and not _landmark_name(text):
        # "Eastern Mediterranean", "northern Syria": the named area itself (but "South Pole" is no southern
        # Poland, nor "Western University" a town called University)
        if text.endswith("an"):  # "South Australian", "Western Australian": the state's adjective
            cands = [c for c in gaz.lookup(text[:-1]) if c.fclass == "A"]
        # a demonym after a direction is its country when it is an adjective ("Northern Nigerian", "East
        # German"), not when it names a person ("South Pole")
        adjective = parts[-1].endswith(("an", "ese", "ish", "i", "ic", "ch"))
        cands = cands or [c for c in gaz.lookup(" ".join(parts[1:])) if c.kind != DEMONYM or adjective]
    # a landmark's name is no town's misspelling ("the Capitol" is no Capitola)
    if not cands and not _landmark_name(text):
        key = name_key(text)
        alike = [c for c in gaz.lookup_fuzzy(text) if (c.kind % 10 == MAIN or c.fclass == "A")
                 and SequenceMatcher(None, key, _base(name_key(c.name))).ratio() >= 0.75]
        units = [c for c in alike if c.fclass == "A"]
        # a town of no recorded size counts beside a district of its name around it ("Maarat al-Numan":
        # GeoNames gives Ma'arrat an Nu'man no population, its district 45,000)
        cands = [c for c in alike if c.population >= 10_000 or c.fclass == "A"
                 or (c.fclass == "P" and any(_near(c, u, 50.0) for u in units))]
    if m.titled:
        # "the Gaza border" is the border of the Gaza of the biggest town so named, not Mozambique's
        # smaller province ("the Florida Legislature" is still the state's: no town outnumbers it)
        home = max((c for c in cands if c.fclass == "P" and c.kind == MAIN), key=lambda c: c.population, default=None)
        if home is not None:
            cands = [c for c in cands if c.fclass != "A" or c.fcode == "PCLI" or c.country == home.country
                     or c.population > home.population]
    if not m.admin_hint:
        # "Aleppo" is the city, not the governorate named after it.
        towns = [c for c in cands if c.fclass == "P" and c.kind % 10 == MAIN]

        def named_after_town(unit: Candidate) -> bool:
            # A big unit far from its namesake town keeps its reading ("Quebec", "Punjab"); a
            # unit with fewer people in all its towns than a namesake town abroad ("Gaza" of
            # Mozambique) does not.
            return any((t.country == unit.country and (5 * t.population >= unit.population
                                                       or (t.admin1 == unit.admin1 and _near(t, unit, 150.0))))
                       or t.population >= unit.population for t in towns)

        def seat_by_another_spelling(unit: Candidate) -> bool:
            # "Raqqa" is the governorate's name and the alternate spelling of its capital Ar Raqqah,
            # where most of its people live
            return any(c.fclass == "P" and c.kind == ALTERNATE and c.country == unit.country
                       and 2 * c.population >= unit.population and _near(c, unit, 150.0) for c in cands)

        units = [c for c in cands if c.fclass == "A" and c.fcode != "PCLI"]
        seated = [u for u in units if seat_by_another_spelling(u)]
        # the seat that stands for its unit is a reading however short its spelling ("northern Hama":
        # Hamah's governorate gives way to the city, which GeoNames spells Hamah), a district's as a province's
        # ("Bara" of North Kordofan: its district gives way to the town GeoNames spells Barah, which must stay)
        # (a district of no recorded size has no seat: any namesake within reach would pass for one)
        seats = {c.id for u in seated if u.fcode == "ADM1" or u.population > 0 for c in cands if c.fclass == "P"
                 and c.kind == ALTERNATE and c.country == u.country and 2 * c.population >= u.population
                 and _near(c, u, 150.0)}
        cands = [c for c in cands if not (c.fclass == "A" and c.fcode != "PCLI"
                                          and (named_after_town(c) or c in seated))]
    else:
        seats = set()
    # a village that merely once bore a city's name ("Baltimore" of New Haven, Missouri) is no reading
    # beside the city whose own name it is, however near the story's other places it lies
    biggest = max((c.population for c in cands if c.fclass == "P" and c.kind == MAIN), default=0)
    cands = [c for c in cands if not (c.fclass == "P" and c.kind == ALTERNATE and 100 * c.population < biggest)]
    short_code = text.isupper() and len(text.replace(".", "")) <= 3
    abbreviation = "." in text or text.isupper()
    short = len(name_key(text)) <= 4
    # a short alternate name is a reading only for an abbreviation, for a sea or region ("the Gulf"),
    # or for a capital or a city of millions ("Kiev")
    return [c for c in cands if (c.kind % 10 != CODE or short_code)
            and (c.kind % 10 != ALTERNATE or not short or abbreviation or c.fcode in _AREA_CODES or c.id in seats
                 or c.fcode == "PPLC" or c.population >= _GREAT_CITY)]


def _landmark_name(name: str) -> bool:
    """Whether a name ends in a landmark's head word ("Union Station", "Western University"; not "Port St Johns")."""
    parts = name_key(name).split()
    return bool(parts) and (parts[-1] in words()["landmark_words"] or parts[-1] in words()["landmark_of_words"])


def _near(a: Candidate, b: Candidate, km: float) -> bool:
    """Within ``km`` of each other; True when either has no point (nothing says they are apart)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return True
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) < km


def _small_capital_cut(c: Candidate, cands: list[Candidate], focus: dict[str, float]) -> float:
    """How much of a capital's pull from afar a village-sized one lacks beside a namesake city of 100,000
    ("Hamilton": Bermuda's 902 people against Ontario's 569,000), unless the story names its country."""
    if (c.fcode != "PPLC" or c.population >= _FULL_CAPITAL or focus.get(c.country, 0.0) > 0
            or not any(o is not c and o.fclass == "P" and o.population >= _FULL_CAPITAL for o in cands)):
        return 0.0
    share = (math.log10(c.population + 1) - math.log10(_NO_CAPITAL)) / math.log10(_FULL_CAPITAL / _NO_CAPITAL)
    return _CODE_BONUS["PPLC"] * (1.0 - min(1.0, max(0.0, share)))


def _prior(c: Candidate, m: Mention) -> float:
    s = _KIND_BONUS.get(c.kind % 10, 0.0) - (2.0 if c.kind >= 10 else 0.0)
    if c.fcode != "ADM2" or m.admin_hint:
        s += _CODE_BONUS.get(c.fcode, 0.0)
    if m.admin_hint and c.fclass == "A":
        s += 2.5
    pop = c.population
    if c.fclass == "A" and c.fcode != "PCLI" and not m.admin_hint:
        # A unit's population is its towns' sum; the bare name usually means the town, and
        # a district's or county's bare name ("DeKalb" of DeKalb County) more so.
        # A county whose own name is the bare name ("Kent", "Lincolnshire") is no "DeKalb County".
        pop //= 100 if c.fcode == "ADM2" and name_key(c.name) != name_key(m.text) else 10
    s += 0.5 * math.log10(pop + 1)
    if c.latitude is None:
        s -= 3.0
    if c.id < 0 and c.fclass == "A":
        s -= 1.0  # an admin unit known only by name (no GeoNames id): a weaker reading
    return s


def _holds(outer: Candidate, inner: Candidate) -> bool:
    """Whether ``inner`` lies in the country or first-level unit ``outer``."""
    if outer is inner or not inner.country or inner.country != outer.country:
        return False
    if outer.fcode == "PCLI":
        return True
    if outer.fcode == "ADM2":
        return bool(outer.admin2) and (inner.admin1, inner.admin2) == (outer.admin1, outer.admin2)
    return outer.fcode == "ADM1" and bool(outer.admin1) and inner.admin1 == outer.admin1


def _city_holds(outer: Candidate, inner: Candidate) -> bool:
    """Whether ``inner`` is a district or smaller town within ``outer``'s reach, ``outer`` a city."""
    return (outer.fclass == "P" and inner is not outer and inner.fclass == "P" and inner.population < outer.population
            and outer.latitude is not None and outer.longitude is not None and inner.latitude is not None
            and inner.longitude is not None
            and distance_km(outer.latitude, outer.longitude, inner.latitude, inner.longitude) < _CITY_REACH_KM)


def _context(c: Candidate, m: Mention, focus: dict[str, float], container: Candidate | None,
             anchors: list[tuple[float, float]], held: Sequence[Sequence[Candidate]] = (),
             peers: Sequence[Candidate] = (), paired: frozenset[int] = frozenset()) -> float:
    s = 3.0 * focus.get(c.country, 0.0)
    if id(c) in paired:
        s += _PAIR_BONUS
    # a name in a list reads like its neighbours ("Virginia, Washington and Oregon": the state)
    if c.fcode in _LISTED_CODES and any(p.fcode == c.fcode and (c.fcode == "PCLI" or p.country == c.country)
                                        for p in peers):
        s += 2.5
    # "Atlanta, Georgia": the unit that holds a place the text puts in it; "Long Island City in the New
    # York borough of Queens": the city that holds a district of it
    if any(any(_holds(c, inner) or _city_holds(c, inner) for inner in cands) for cands in held):
        s += 3.0
    if c.admin1 and c.fcode not in ("PCLI", "CONT"):
        s += 2.0 * focus.get(f"{c.country}.{c.admin1}", 0.0)
    if container is not None and container is not c:
        if container.fcode in ("PCLI",) and c.country == container.country:
            s += 4.0
        elif container.fclass == "A" and c.country == container.country:
            s += 2.0 + (2.0 if c.admin1 and c.admin1 == container.admin1 else 0.0)
        elif (container.latitude is not None and c.latitude is not None and container.longitude is not None
              and c.longitude is not None
              and distance_km(c.latitude, c.longitude, container.latitude, container.longitude) < 150):
            s += 3.0
    if anchors and c.latitude is not None and c.longitude is not None and c.fcode not in _AREA_CODES:
        near = min(distance_km(c.latitude, c.longitude, a, b) for a, b in anchors)
        if near < 50:
            s += 1.5
        elif near < 300:
            s += 0.75
    elif (
        anchors
        and not c.country
        and c.latitude is not None
        and c.longitude is not None
        and min(distance_km(c.latitude, c.longitude, a, b) for a, b in anchors) < 1000
    ):
        # a sea or region of no one country counts as in the story's frame when the story's places
        # lie near it ("the Gulf" in an Iran story is the Persian Gulf, not Papua New Guinea's)
        s += 3.0
    return s


def features(best: float, second: float | None, c: Candidate, n: int, focus: dict[str, float],
             demonym: bool, container: Candidate | None = None) -> list[float]:
    """The calibration features of a chosen candidate (names in data/geo_calibration.json)."""
    margin = 8.0 if second is None else min(8.0, best - second)
    country = c.fcode in _AREA_CODES or demonym
    share = focus.get(c.country, 0.0)
    return [
        1.0,
        margin,
        1.0 if country else 0.0,
        1.0 if c.kind >= 10 else 0.0,
        math.log10(c.population + 1) / 7.0,
        share,
        math.log(n + 1),
        # Outside every country the article names: suspicious, less so for a big city. A place of no one
        # country (a border camp, a summit, a disputed city's quarter) is outside none of them.
        (1.0 - min(1.0, math.log10(c.population + 1) / 7.0))
        if focus and share == 0.0 and not country and c.country else 0.0,
        1.0 if c.kind % 10 == ALTERNATE else 0.0,
        # in the country or unit the text puts it in ("SANTA CRUZ, Bolivia", "Warsaw, Virginia")
        1.0 if container is not None and _holds(container, c) else 0.0,
    ]


@lru_cache(maxsize=1)
def _weights() -> list[float]:
    text = resources.files("sitrep.data").joinpath("geo_calibration.json").read_text("utf-8")
    weights: list[float] = json.loads(text)["weights"]
    return weights


def calibrate(feats: list[float], weights: list[float] | None = None) -> float:
    """Logistic probability that a resolution is right (within 161 km)."""
    w = weights if weights is not None else _weights()
    z = sum(a * b for a, b in zip(w, feats, strict=False))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _great_city(c: Candidate, cands: list[Candidate], m: Mention, peers: Sequence[Candidate] = ()) -> bool:
    """A city of millions sharing its name with the first-level unit it lies in ("New York"), or a capital
    sharing its name with a first-level unit: the bare name means the city unless the text says the unit
    (a list of states, "Buffalo, New York")."""
    # (a list of first-level units, of any country, says the unit: "eastern Washington and British Columbia")
    if m.admin_hint or c.fclass != "P" or any(p.fcode == "ADM1" for p in peers):
        return False
    # a national capital is what its bare name means, even beside a namesake state elsewhere ("Washington")
    if any(u.fcode == "ADM1" and u.country == c.country
           and (c.fcode == "PPLC" or (c.population >= _GREAT_CITY and u.admin1 == c.admin1)) for u in cands):
        return True
    # a city of millions beside towns of its name a hundred times smaller ("Toronto", Ohio's 5,000): the
    # small one only when the text puts it in its state, not because a neighbour's reading leans there
    # (by its own name: "White House" is no Casablanca)
    return c.population >= _GREAT_CITY and c.kind == MAIN and all(
        100 * o.population < c.population if o.fclass == "P" else o.fclass != "A" for o in cands if o is not c)


def _big_city(c: Candidate, cands: list[Candidate], m: Mention) -> bool:
    """A city of hundreds of thousands whose every namesake town is fifty times smaller: the bare name
    leans to it even near the small one ("a one-day series starting in Durban", after Cape Town, is not
    Durbanville by Cape Town, which GeoNames also calls Durban)."""
    return (not m.admin_hint and c.fclass == "P" and c.kind == MAIN and c.population >= _BIG_CITY
            and all(_BIG_RATIO * o.population < c.population for o in cands if o is not c and o.fclass == "P"))


def _city_quarter(c: Candidate, m: Mention, anchors: list[tuple[float, float]]) -> bool:
    """A city's section, named with a quarter's unit word ("district"), within reach of a place the story names."""
    if (not m.admin_hint or m.after not in words()["quarter_words"] or c.fcode != "PPLX" or c.latitude is None
            or c.longitude is None):
        return False
    return any(distance_km(c.latitude, c.longitude, a, b) < _CITY_REACH_KM for a, b in anchors)


def _rank(m: Mention, cands: list[Candidate], focus: dict[str, float], container: Candidate | None,
          anchors: list[tuple[float, float]], held: Sequence[Sequence[Candidate]] = (),
          peers: Sequence[Candidate] = (), paired: frozenset[int] = frozenset()) -> list[tuple[float, Candidate]]:
    if (container is not None and container.fclass == "A" and container.fcode != "PCLI" and not m.peers
            and not any(c.fclass == "A" for c in cands)):  # (not a list of units: "Virginia, Washington")
        # "Warsaw, Virginia", "Warsaw, a small town in Virginia": the unit the text puts it in decides,
        # whatever great city abroad bears the name
        inside = [c for c in cands if _holds(container, c)]
        cands = inside or cands
    # told as an area ("eastern Washington", "across Washington"), with the story's own places mostly in a
    # first-level unit named like the great city and none near the city ("Malden in eastern Washington ...
    # Spokane, Olympia"): the name is that unit (but "New York" beside Brooklyn stays the city, and "the
    # Capitol in Washington" the capital)
    home_unit = m.before in words()["area_before"] and any(
        u.fcode == "ADM1" and focus.get(f"{u.country}.{u.admin1}", 0.0) >= _HOME_UNIT_SHARE for u in cands)

    def great(c: Candidate) -> bool:
        if home_unit and c.latitude is not None and c.longitude is not None and not any(
                distance_km(c.latitude, c.longitude, a, b) < _ACC_KM for a, b in anchors):
            return False
        return _great_city(c, cands, m, peers)

    scored = [(_prior(c, m) - _small_capital_cut(c, cands, focus)
               + _context(c, m, focus, container, anchors, held, peers, paired)
               + (_GREAT_CITY_BONUS if great(c) else 0.0)
               + (_BIG_CITY_BONUS if _big_city(c, cands, m) else 0.0)
               + (_QUARTER_BONUS if _city_quarter(c, m, anchors) else 0.0), c) for c in cands]
    scored.sort(key=lambda x: (-x[0], -x[1].population))
    return scored


def _readings(mentions: list[Mention], cand_lists: list[list[Candidate]], keys: list[str],
              holds: dict[str, list[list[Candidate]]], first: list[Candidate | None],
              sure: list[float], paired: frozenset[int] = frozenset()) -> list[Resolution]:
    """Each mention's reading given the other names' readings ``first`` (weighted by ``sure``): with
    focus, containment and nearness; one reading per name."""
    counts: Counter[str] = Counter()
    own: dict[str, Counter[str]] = {}
    named = 0.0
    for key, c, weight in zip(keys, first, sure, strict=True):
        if c is None or not c.country:
            continue
        areas = [c.country] + ([f"{c.country}.{c.admin1}"] if c.admin1 and c.fcode != "PCLI" else [])
        counts.update(dict.fromkeys(areas, weight))
        own.setdefault(key, Counter()).update(dict.fromkeys(areas, weight))
        named += weight
    chosen: dict[str, tuple[Candidate | None, float | None, list[float]]] = {}
    out: list[Resolution] = []
    for k, (m, cands) in enumerate(zip(mentions, cand_lists, strict=True)):
        key = keys[k] + ("#" if m.admin_hint else "")
        container = first[m.container] if m.container is not None else None
        memo_key = key + (f"@{container.id}" if container is not None else "")
        if memo_key in chosen:
            place, score, feats = chosen[memo_key]
            out.append(Resolution(m, place, score, feats))
            continue
        anchors = [(c.latitude, c.longitude) for j, c in enumerate(first)
                   if j != k and c is not None and c.latitude is not None and c.longitude is not None
                   and c.fcode not in ("PCLI", "CONT") and keys[j] != keys[k]]
        mine = own.get(keys[k], Counter())
        rest = named - sum(v for a, v in mine.items() if "." not in a)
        rest = rest if rest > 1e-9 else 0.0
        focus = {a: (v - mine.get(a, 0)) / rest for a, v in counts.items()} if rest > 0 else {}
        peers = [c for j in m.peers if (c := first[j]) is not None]
        ranked = _rank(m, cands, focus, container, anchors, holds.get(keys[k], []), peers, paired)
        if not ranked or ranked[0][1].latitude is None:
            place, score, feats = (ranked[0][1] if ranked else None), None, []
        else:
            best, c = ranked[0]
            # the rival that would put the place elsewhere: a city and the unit it is the seat of agree
            second = next((v for v, o in ranked[1:] if not _near(c, o, _ACC_KM)), None)
            feats = features(best, second, c, len(ranked), focus, m.demonym, container)
            score = round(calibrate(feats), 3)
            # Below this, a reading is right less than one time in five (dev reliability table):
            # leave the toponym unresolved rather than guess. Guessing down to 0.1 would score
            # higher on the corpora (a miss counts as wrong either way) but pins 42 wrong places
            # for 10 right ones (2026-12-03, the three dev corpora): an analyst is better served by none.
            # a dead heat with a reading elsewhere ("the North East" of England, Nigeria or India, and
            # nothing in the story to tell which) is a coin toss, not a reading
            # a zone named by compass words is one of the story's own countries ("the South-West" of a
            # Cameroon story is no Nigerian zone)
            compass = all(w in words()["compass_words"] for w in keys[k].split())
            foreign_zone = (compass and c.fclass in ("A", "L") and c.fcode != "PCLI" and bool(c.country)
                            and bool(focus) and not focus.get(c.country))
            # (a city of half a million, five times any namesake town's size, is what its name means
            # however the story's other places lean: "A San Francisco startup opened an office in Tokyo")
            sure_city = (c.fclass == "P" and c.kind == MAIN and c.population >= _CLEAR_CITY
                         and all(_CLEAR_RATIO * o.population <= c.population for _, o in ranked[1:] if o.fclass == "P"))
            place = (c if (score >= MIN_SCORE or sure_city) and (second is None or best - second > 1e-6)
                     and not foreign_zone else None)
            score = score if place is not None else None
        chosen[memo_key] = (place, score, feats)
        out.append(Resolution(m, place, score, feats))
    return out


def _settled(mentions: list[Mention], cand_lists: list[list[Candidate]], keys: list[str],
             holds: dict[str, list[list[Candidate]]], passes: tuple[list[Resolution], list[Resolution]],
             first: list[Candidate | None], sure: list[float], paired: frozenset[int]) -> dict[int, Resolution]:
    """Readings of names that swing between two passes, each read from the other's last guess ("Richmond,
    in Melbourne's inner east": Virginia's with Australia's, then Australia's with Florida's), settled one
    name at a time from each in turn (from the later pass's readings); the settling that lies closest to the
    article's other places wins."""
    a, b = passes
    swing: dict[str, list[int]] = {}
    for k in range(len(mentions)):
        if a[k].place is not b[k].place:
            swing.setdefault(keys[k], []).append(k)
    if not 1 < len(swing) <= _MAX_SWING:
        return {}
    best: tuple[tuple[float, float], dict[int, Resolution]] = ((0.0, 0.0), {})
    for start in swing:
        readings, weights = _context_of(b, first, sure)
        for key in [start, *(x for x in swing if x != start)]:
            now = _readings(mentions, cand_lists, keys, holds, readings, weights, paired)
            for k in swing[key]:
                if now[k].place is not None and (score := now[k].score) is not None:
                    readings[k], weights[k] = now[k].place, score
        final = _readings(mentions, cand_lists, keys, holds, readings, weights, paired)
        # the set lying closest to the article's other places ("Edmonton ... Enfield" of north London, not of
        # Alberta and Nova Scotia, 4,000 km apart), on a doubling scale, then the surest: two sets both near
        # the story's places ("Lancaster ... York" of England or of Pennsylvania) go by their readings' strength
        spread = float(int(math.log2(1.0 + sum(_spread(final[ks[0]].place, key, keys, final)
                                               for key, ks in swing.items()) / _ACC_KM)))
        total = sum(final[ks[0]].score or 0.0 for ks in swing.values())
        if best[1] == {} or (spread, -total) < best[0]:
            best = ((spread, -total), {k: final[k] for ks in swing.values() for k in ks})
    return best[1]


def _close_pairs(out: list[Resolution], keys: list[str]) -> int:
    """Pairs of differently named towns and units the readings put within the accuracy radius."""
    points: dict[str, Candidate] = {}
    for r, key in zip(out, keys, strict=True):
        c = r.place
        if c is not None and c.latitude is not None and c.longitude is not None and c.fclass in ("P", "A") \
                and c.fcode != "PCLI":
            points.setdefault(key, c)
    cs = list(points.values())
    return sum(_near(a, b, _ACC_KM) for i, a in enumerate(cs) for b in cs[i + 1:])


def _compact(mentions: list[Mention], cand_lists: list[list[Candidate]], keys: list[str],
             holds: dict[str, list[list[Candidate]]], out: list[Resolution], first: list[Candidate | None],
             paired: frozenset[int]) -> list[Resolution]:
    """The article's towns read again from another country that many of their names share, kept when they
    then lie together far more ("Blairgowrie ... Scone ... Perth ... Kinross" of Perthshire, not four towns
    spread across Australia)."""
    shared: Counter[str] = Counter()
    for cands in dict(zip(keys, cand_lists, strict=True)).values():  # each name once
        shared.update({c.country for c in cands if c.kind == MAIN and c.fclass == "P" and c.country})
    now = Counter(r.place.country for r in out if r.place is not None)
    top = now.most_common(1)[0][0] if now else ""
    if any(r.place is not None and r.place.country == top and r.place.fcode in ("PCLI", "ADM1") for r in out):
        return out  # the story names its country or a state of it ("Canada's snowstorm hit London, Kingston")
    best, close = out, _close_pairs(out, keys)
    for country, n in shared.most_common(3):
        if n < _COMPACT_NAMES or country == top:
            continue
        seed: list[Candidate | None] = []
        for r, cands, f in zip(out, cand_lists, first, strict=True):
            home = [c for c in cands if c.kind == MAIN and c.country == country and c.fclass in ("P", "A")]
            seed.append(max(home, key=lambda c: (c.fclass == "P", c.population)) if home else r.place or f)
        again = _readings(mentions, cand_lists, keys, holds, seed, [1.0] * len(seed), paired)
        again = _readings(mentions, cand_lists, keys, holds, *_context_of(again, seed, [1.0] * len(seed)), paired)
        pairs = _close_pairs(again, keys)
        # a city still read in the story's country says the story is there ("... grounding flights in
        # Toronto"); a village left there is a namesake of one the gazetteer lacks (Blairgowrie of Victoria)
        stays = any(r.place is not None and r.place.country == top and r.place.population >= _FAR_TOWN
                    for r in again)
        if pairs >= close + _COMPACT_GAIN and pairs >= 2 * close and not stays and not _shrinks(out, again, keys):
            best, close = again, pairs
    return best


def _shrinks(out: list[Resolution], again: list[Resolution], keys: list[str]) -> bool:
    """Whether the towns read again are, on average, far smaller than the ones they replace: "Hamilton,
    London, Kingston ... Ottawa" lie together in Ohio too, as villages."""
    steps = {key: math.log1p(b.place.population) - math.log1p(a.place.population)
             for a, b, key in zip(out, again, keys, strict=True)
             if a.place is not None and b.place is not None and a.place is not b.place}
    return bool(steps) and sum(steps.values()) / len(steps) < -_COMPACT_SHRINK


def _spread(c: Candidate | None, key: str, keys: list[str], out: list[Resolution]) -> float:
    """How far (km) a reading lies from the places the article's other names are read as, on average; 0 with
    nothing to measure against."""
    if c is None or c.latitude is None or c.longitude is None or c.fcode in ("PCLI", "CONT"):
        return 0.0
    gaps = [distance_km(c.latitude, c.longitude, o.latitude, o.longitude) for r, k in zip(out, keys, strict=True)
            if k != key and (o := r.place) is not None and o.latitude is not None and o.longitude is not None
            and o.fcode not in ("PCLI", "CONT")]
    return sum(gaps) / len(gaps) if gaps else 0.0


def _paired(cand_lists: list[list[Candidate]], keys: list[str], told: set[str]) -> frozenset[int]:
    """Candidates that another name of the article confirms: a town lying in a county or district the
    text also names ("Paris and Henry County": Tennessee's Paris, in Tennessee's Henry County)."""
    units: dict[tuple[str, str, str], list[tuple[str, Candidate]]] = {}
    for key, cands in zip(keys, cand_lists, strict=True):
        if key in told:
            continue  # ("Boone County, Kentucky": the text has said which)
        for c in cands:
            if c.fcode == "ADM2" and c.admin2 and c.kind % 10 != ALTERNATE:
                units.setdefault((c.country, c.admin1, c.admin2), []).append((key, c))
    if not units:
        return frozenset()
    # the states the story names by a name no town bears ("Ohio", "Nebraska"): the pairs lie in them
    states = {(c.country, c.admin1) for cands in cand_lists
              if (mains := [c for c in cands if c.kind == MAIN]) and all(c.fcode == "ADM1" for c in mains)
              for c in mains}
    out: set[int] = set()
    for key, cands in zip(keys, cand_lists, strict=True):
        if key in told:
            continue
        base = _base(key)
        pairs = []
        for c in cands:
            if c.fclass != "P" or c.kind != MAIN or not c.admin2 or (states and (c.country, c.admin1) not in states):
                continue
            # a county that bears the town's own name ("Platte", "Platte County") confirms nothing
            held = [u for k, u in units.get((c.country, c.admin1, c.admin2), [])
                    if base not in _base(k) and _base(k) not in base]
            if held:
                pairs.append((c, held))
        # a name that towns in two of the named counties bear is confirmed in neither ("Santa Maria")
        if len({(c.country, c.admin1, c.admin2) for c, _ in pairs}) == 1:
            for c, held in pairs:
                out.add(id(c))
                out.update(id(u) for u in held)
    return frozenset(out)


def _base(key: str) -> str:
    parts = key.split()
    return " ".join(parts[:-1]) if len(parts) > 1 and parts[-1] in words()["admin_words"] else key


def _world_city(c: Candidate | None) -> bool:
    """A capital or a city of millions: named from afar as often as from nearby."""
    return c is not None and c.fclass == "P" and (c.fcode == "PPLC" or c.population >= _GREAT_CITY)


def _may_move(was: Candidate | None, now: Candidate | None) -> bool:
    """Whether a later pass may move a name: not from a capital or a city of millions, unless to the
    namesake state of its own country that lies apart from it (Washington's in a story of Wenatchee)."""
    return (not _world_city(was) or (was is not None and now is not None and now.fcode == "ADM1"
                                      and now.country == was.country and now.admin1 != was.admin1
                                      and name_key(now.name) == name_key(was.name)))


def _context_of(out: list[Resolution], first: list[Candidate | None],
                sure: list[float]) -> tuple[list[Candidate | None], list[float]]:
    """Readings and their weights as the context of another pass (a name left unread keeps its guess)."""
    readings = [r.place if r.place is not None else f for r, f in zip(out, first, strict=True)]
    weights = [r.score if r.place is not None and r.score is not None else w for r, w in zip(out, sure, strict=True)]
    return readings, weights


def resolve(mentions: list[Mention], gaz: Gazetteer) -> list[Resolution]:
    """The best place for each mention, one reading per name within an article."""
    cand_lists = [_candidates(m, gaz) for m in mentions]
    for k in range(1, len(mentions)):
        m, owner = mentions[k], mentions[k - 1]
        # "Iraq's Kurdistan Region", "Cameroon's South-West": a country's own (a town's possessive,
        # "Beijing's Hong Kong policy", says no more than whose)
        if (m.container is None and m.before == "'s" and m.start - owner.end == 3 and not owner.demonym
                and any(c.fcode == "PCLI" and c.kind == MAIN for c in cand_lists[k - 1])):
            m.container = k - 1
    # Pass 1: priors alone, to learn the article's countries and rough area.
    first: list[Candidate | None] = []
    # How much each first reading says about the article's area: a near tie between
    # two towns of one name in different countries ("Enfield") says little.
    sure: list[float] = []
    for m, cands in zip(mentions, cand_lists, strict=True):
        ranked = _rank(m, cands, {}, None, [])
        first.append(ranked[0][1] if ranked else None)
        margin = ranked[0][0] - ranked[1][0] if len(ranked) > 1 else _SURE_MARGIN
        sure.append(max(0.2, min(1.0, margin / _SURE_MARGIN)))
    # "the Jordan valley" and "Jordan" are two names (the feature word tells the first)
    keys = [name_key(f"{m.text} {m.feature}" if m.feature else m.text) for m in mentions]
    # what each name is said to hold, across the article (one reading per name)
    holds: dict[str, list[list[Candidate]]] = {}
    for m, cands in zip(mentions, cand_lists, strict=True):
        if m.container is not None:
            holds.setdefault(keys[m.container], []).append(cands)
    # a name the text puts in a place, or says holds one ("Pandi, Bulacan"), is read by that
    told = set(holds) | {keys[k] for k, m in enumerate(mentions) if m.container is not None}
    paired = _paired(cand_lists, keys, told)
    out = _readings(mentions, cand_lists, keys, holds, first, sure, paired)
    # Again with those readings as the context, twice: names read from each other's first guesses
    # agree only as a set ("Lincoln ... the Lincolnshire fire service ... Boston": the first guesses
    # say the US for two of them, the second pass the UK for those two, the next the UK for all
    # three). Names whose readings swing back and forth between passes ("Edmonton ... Enfield", each
    # read from the other's last guess) are settled as a set (_settled); more than _MAX_SWING such
    # names keep their second-pass readings.
    third = _readings(mentions, cand_lists, keys, holds, *_context_of(out, first, sure), paired)
    fourth = _readings(mentions, cand_lists, keys, holds, *_context_of(third, first, sure), paired)
    # A capital or a city of millions keeps its reading: the later passes only ever pull a name
    # towards the story's own area, and a local story names the world's cities too ("Paris" in a
    # Kentucky paper's story of an attack in France is not Paris, Kentucky)
    settled = _settled(mentions, cand_lists, keys, holds, (third, fourth), first, sure, paired)
    out = [settled[k] if k in settled else t if t.place is f.place and _may_move(o.place, t.place) else o
           for k, (o, t, f) in enumerate(zip(out, third, fourth, strict=True))]
    out = _compact(mentions, cand_lists, keys, holds, out, first, paired)
    out = _unsupported_alternate(_unsupported_fuzzy(_own_name_at_home(out, cand_lists)))
    out = _seat_landmark(_namesake_in_named_unit(out, cand_lists))
    out = _same_unit(_told_where(out, keys), keys)
    far = _far_namesakes(out, cand_lists)
    # the country a far namesake was read in gives it no stand-in either ("Clermont" of Durban is not
    # placed at the "Phoenix" of Arizona named beside it)
    abroad = {k: c.country for k in far if (c := out[k].place) is not None}
    named_for = dict(w.rsplit(" ", 1) for w in words()["enclaves"])
    abroad |= {k: named_for[key].upper() for k, key in enumerate(keys) if key in named_for}
    out = [Resolution(r.mention, None, None, []) if k in far or _unit_abroad(r, out) or _far_from_town(k, r, out) else r
           for k, r in enumerate(out)]
    out = [_inside(r, out) for r in out]
    # a name the gazetteer holds only by its vowel skeleton is as good as lacking once left unread
    lacked = far | {k for k, cands in enumerate(cand_lists) if all(c.kind >= 10 for c in cands)}
    # and so is a landmark left unread ("Union Station", whose name GeoNames gives a far town)
    lacked |= {k for k, r in enumerate(out) if r.place is None and _landmark_name(r.mention.text)}

    def stand_in(k: int, r: Resolution) -> Resolution:
        towns = [o for o in out if k not in abroad or o.place is None or o.place.country != abroad[k]]
        return _named_within(r, towns, gaz) or _nearest_town(r, towns)

    return [stand_in(k, r) if k in lacked and r.place is None else _pointed(r, out) for k, r in enumerate(out)]


def _same_unit(out: list[Resolution], keys: list[str]) -> list[Resolution]:
    """A name the text once calls a unit ("Cameroon's Northwest and Southwest regions") is that unit when
    named bare again, rather than no reading or a unit or region of its name abroad (a South West district of
    Singapore, the Southwest of the US)."""
    hinted: dict[str, Resolution] = {}
    for r, key in zip(out, keys, strict=True):
        if r.mention.admin_hint and r.place is not None and r.place.fclass == "A" and r.place.fcode != "PCLI":
            hinted.setdefault(key, r)
    fixed = list(out)
    for k, (r, key) in enumerate(zip(out, keys, strict=True)):
        told = hinted.get(key)
        if told is None or r is told or r.mention.admin_hint or told.place is None:
            continue
        if r.place is None or (r.place.country != told.place.country and r.place.fcode != "PCLI"
                               and (r.place.fclass in ("A", "L")
                                    or (r.place.fclass == "P" and not _world_city(r.place)))) or (
                # a town of the name in the same country but outside the unit: a namesake, where the
                # unit is what the text named ("the department of Cordoba ... much of southern Cordoba")
                # (a city as big as the unit is its own reading: Buenos Aires, beside its province)
                r.place.fclass == "P" and r.place.country == told.place.country
                and told.place.fcode in ("ADM1", "ADM2") and not _holds(told.place, r.place)
                and r.place.population * 10 < told.place.population):
            fixed[k] = Resolution(r.mention, told.place, told.score, told.features)
    return fixed


def _told_where(out: list[Resolution], keys: list[str]) -> list[Resolution]:
    """A town the text once puts in its unit ("GEORGETOWN, Ky.") is that town when named bare again
    ("Georgetown College"), unless the bare name reads as a capital, a city of millions or no town;
    a dateline's town even then ("LONDON, Ont. - The Thames River rose ... in London")."""
    placed: dict[str, Resolution] = {}
    for r, key in zip(out, keys, strict=True):
        if r.mention.container is not None and r.place is not None and r.place.fclass == "P":
            placed.setdefault(key, r)
    if not placed:
        return out
    fixed = list(out)
    for k, (r, key) in enumerate(zip(out, keys, strict=True)):
        told = placed.get(key)
        if (told is None or r.mention.container is not None or r.mention.admin_hint
                or r.place is told.place or (_world_city(r.place) and not told.mention.dateline)
                or (r.place is not None and r.place.fclass != "P")):  # "Lebanon" the country stays
            continue
        fixed[k] = Resolution(r.mention, told.place, told.score, told.features)
    return fixed


def _own_name_at_home(out: list[Resolution], cand_lists: list[list[Candidate]]) -> list[Resolution]:
    """A name read by another place's alternate name, abroad, is read as the place that bears it as its
    own name in a country the article's other places are read in: "Bogoro" in a story of Borno and
    Maiduguri is Bogoro, Nigeria, not Bogor of Indonesia (GeoNames lists "Bogoro" among its names)."""
    fixed = list(out)
    for k, (r, cands) in enumerate(zip(out, cand_lists, strict=True)):
        c = r.place
        if c is None or c.kind != ALTERNATE or r.score is None:
            continue
        # (a demonym names its country too: "Pakistani troops ... Islamabad has condemned New Delhi")
        countries = {o.place.country for j, o in enumerate(out) if j != k and o.place is not None
                     and o.place.kind in (MAIN, DEMONYM) and o.mention.text != r.mention.text}
        # a capital whose own name it is, of a country the article names, is what it means ("New Delhi
        # accuses Islamabad ... Pakistan denies": not Anantnag, which Kashmiris also call Islamabad)
        capital = next((h for h in cands if h.kind == MAIN and h.fcode == "PPLC" and h.country in countries
                        and h.country != c.country), None)
        if capital is not None:
            fixed[k] = Resolution(r.mention, capital, r.score, r.features)
            continue
        if c.country in countries:
            continue
        home = [h for h in cands if h.kind == MAIN and h.country in countries]
        if home:
            best = max(home, key=lambda h: (h.fclass == "P", h.population))
            fixed[k] = Resolution(r.mention, best, r.score, r.features)
    return fixed


def _namesake_in_named_unit(out: list[Resolution], cand_lists: list[list[Candidate]]) -> list[Resolution]:
    """A world city abroad in a story wholly of one other country is that country's namesake town when
    the story names the state or county holding it and the town lies near the story's other places:
    "residents of Hamburg" among Nebraska's floods and "towns along the Missouri River in Iowa" is
    Hamburg, Iowa; "Lima" beside Mansfield and Cincinnati, Ohio is Lima, Ohio."""
    if len(out) > _FAR_MAX_PLACES:
        return out  # a list of places, no story (and each name would scan all the others)
    fixed = list(out)
    for k, (r, cands) in enumerate(zip(out, cand_lists, strict=True)):
        c = r.place
        if not _world_city(c) or c is None or r.mention.admin_hint:
            continue
        key = name_key(r.mention.text)
        others = [o.place for o in out if o.place is not None and o.place.country and not o.stand_in
                  and name_key(o.mention.text) != key]
        home = Counter(p.country for p in others).most_common(1)
        if (len(others) < _HOME_MIN_PLACES or not home or home[0][0] == c.country
                or home[0][1] < _HOME_SHARE * len(others) or any(p.country == c.country for p in others)):
            continue
        units = [p for p in others if p.fcode in ("ADM1", "ADM2")]
        towns = [p for p in others if p.fclass in ("P", "S") and p.latitude is not None]
        near = [h for h in cands if h.kind == MAIN and h.fclass == "P" and h.country == home[0][0]
                and any(_holds(u, h) for u in units) and any(_near(h, t, _NEAR_TOWN_KM) for t in towns)]
        if near:
            fixed[k] = Resolution(r.mention, max(near, key=lambda h: h.population), r.score, r.features)
    return fixed


def _seat_landmark(out: list[Resolution]) -> list[Resolution]:
    """"The Capitol" or "the Statehouse" of a story filed far from Washington is its dateline town's ("RICHMOND,
    Va. — ... rallied outside the Capitol"), unless its sentence names Washington's area ("stormed the Capitol
    in Washington"); with no dateline, that of a story whose places all lie far from Washington is the
    story's own town ("the Capitol" of Salem's senators)."""
    fixed = list(out)
    for k, r in enumerate(out):
        c = r.place
        if r.mention.container is not None or name_key(r.mention.text) not in words()["seat_landmarks"]:
            continue
        if c is None or r.stand_in:
            # a seat the gazetteer lacks ("the Statehouse"): the dateline town, before any town near it
            filed = _dateline_town(out)
            if filed is not None:
                fixed[k] = _standing_in(r, filed)
            continue
        if c.fcode != "BLDG" or c.latitude is None:
            continue
        filed = _dateline_town(out, c)
        if filed is not None and not any(
                o.place is not None and o.mention.sentence == r.mention.sentence and _near(c, o.place, _SEAT_KM)
                for o in out if o is not r):
            fixed[k] = _standing_in(r, filed)
            continue
        others = [o.place for o in out if o is not r and o.place is not None and o.place.latitude is not None]
        if others and all(p.country == c.country for p in others) and not any(_near(c, p, _ACC_KM) for p in others):
            town = _nearest_town(Resolution(r.mention, None, None, []), out)
            fixed[k] = town if town.place is not None else r
    return fixed


def _dateline_town(out: list[Resolution], away: Candidate | None = None) -> Resolution | None:
    """The story's dateline town read by its own name; with ``away``, one in its country farther than
    ``_SEAT_KM`` from it."""
    return next((o for o in out if o.mention.dateline and o.place is not None and o.place.fclass == "P"
                 and o.score is not None and not o.stand_in
                 and (away is None or (o.place.country == away.country and not _near(away, o.place, _SEAT_KM)))),
                None)


def _standing_in(r: Resolution, town: Resolution) -> Resolution:
    """``r`` placed at ``town``'s reading, as a stand-in a little less sure than the town."""
    assert town.score is not None
    return Resolution(r.mention, town.place, round(town.score * _NEAREST_FACTOR, 3), [], stand_in=True)


def _unsupported_alternate(out: list[Resolution]) -> list[Resolution]:
    """A small town read only by an alternate name, in none of the countries the article's other places
    are read in by their main names and far from all of them, is left unread: "Western" in a story of
    Kenya's provinces is no Cuba City, Wisconsin (GeoNames lists "Western" among its names)."""
    main = [r.place for r in out if r.place is not None and r.place.kind == MAIN]
    countries = {p.country for p in main}

    def unsupported(c: Candidate | None, landmark: bool) -> bool:
        # a landmark's name that GeoNames gives a town ("Union Station" of Union, South Carolina) is
        # no reading far from the story's places, in whatever country
        return (bool(main) and c is not None and c.kind == ALTERNATE and c.fclass == "P"
                and c.population < _SMALL_TOWN and (landmark or c.country not in countries)
                and not any(_near(c, p, _FUZZY_KM) for p in main if p.latitude is not None))

    return [Resolution(r.mention, None, None, []) if unsupported(r.place, _landmark_name(r.mention.text)) else r
            for r in out]


def _far_namesakes(out: list[Resolution], cand_lists: list[list[Candidate]]) -> set[int]:
    """Towns (under ``_FAR_TOWN``) read in a country no other place of the article vouches for
    (:func:`_anchored`) and far from all of them, where three or more others are read and two or more
    of them in one other country: a
    namesake of a spot the gazetteer lacks ("Aguas Calientes" below Machu Picchu is no Aguascalientes
    village of Mexico, London, Ontario's "Masonville" none of New York). They are left to a stand-in
    town, as a name the gazetteer lacks; beside places of many countries a town keeps its reading
    ("Huwara" beside London, Paris and Berlin)."""
    placed = [(k, r.place) for k, r in enumerate(out) if r.place is not None and r.place.latitude is not None]
    if len(placed) > _FAR_MAX_PLACES:
        return set()  # a list of places, no story: no frame to read a namesake against
    directions = set(words()["directions"])
    far: set[int] = set()
    for k, c in placed:
        # a town of some size is what its name means unless other towns bear it as theirs: "Dubrovnik",
        # "Biarritz" keep their readings beside places abroad, "Clermont" and "Southport" need support
        namesakes = len({h.id for h in cand_lists[k] if h.kind == MAIN and h.fclass == "P"})
        # (a city's district, whatever its size, is named bare only in its own city's stories: Mosul's
        # "Maydan" is no Midan of Damascus)
        if c.fclass != "P" or c.fcode == "PPLC" or (
                c.fcode != "PPLX" and c.population >= (_FAR_TOWN if namesakes > 1 else _FAR_LONE_TOWN)):
            continue
        if set(name_key(out[k].mention.text).split()) <= directions:
            continue  # "fleeing from the North East": a region of the story's country, no spot to stand in for
        others = [p for j, p in placed if j != k and name_key(p.name) != name_key(c.name)]
        home = Counter(p.country for p in others).most_common(1)
        if len(others) < 3 or any(p.country == c.country and _anchored(p, others) for p in others) or not home \
                or home[0][1] < 2:
            continue
        # names listed with it, all read in its country, vouch for it ("training in Flagstaff and Boulder"
        # in a story of Kenyan runners), as one of Durban's suburbs in the US does not for another
        listed = [q for j in out[k].mention.peers if j < len(out) and (q := out[j].place) is not None]
        if listed and all(q.country == c.country for q in listed):
            continue
        if not any(_near(c, p, _FUZZY_KM) for p in others):
            far.add(k)
    return far


def _anchored(p: Candidate, others: list[Candidate]) -> bool:
    """Whether a reading vouches for its country: a country or unit named, or a town near another place
    read. A town alone in its country, far from all else ("Phoenix" of Arizona in a Durban story of its
    own Phoenix, Chatsworth and Clermont) is as likely a namesake itself."""
    return p.fclass != "P" or any(_near(p, o, _FUZZY_KM) for o in others
                                  if o is not p and name_key(o.name) != name_key(p.name))


def _unit_abroad(r: Resolution, out: list[Resolution]) -> bool:
    """A unit named by words alone read in a country no other place of the article is read in: "Burkina
    Faso's East region" is no East region of Cameroon (such units are read by their words and the
    country the text names with them)."""
    c = r.place
    if c is None or c.kind != UNIT_WORDS:
        return False
    return not any(o.place is not None and o.place.country == c.country for o in out if o is not r)


def _pointed(r: Resolution, out: list[Resolution]) -> Resolution:
    """A unit the gazetteer holds without a point ("Nyando" district, "Etoumbi") takes the point of the
    nearest town the article names in the same country, marked as a stand-in; otherwise it stays as is."""
    unit = r.place
    if unit is None or unit.latitude is not None:
        return r
    towns = [o for o in out if o.place is not None and o.place.latitude is not None and o.place.country == unit.country
             and o.place.fcode.startswith("PPL") and o.features and o.score is not None]
    if not towns:
        return r
    o = min(towns, key=lambda o: abs(o.mention.start - r.mention.start))
    assert o.place is not None and o.score is not None
    placed = replace(unit, latitude=o.place.latitude, longitude=o.place.longitude)
    score = r.score if r.score is not None else o.score
    return Resolution(r.mention, placed, round(score * _NEAREST_FACTOR, 3), r.features, stand_in=True)


def _unsupported_fuzzy(out: list[Resolution]) -> list[Resolution]:
    """A town read only by its vowel skeleton, far from every name the article's other places are read
    by their own spelling, is left unread (and takes a stand-in town, as a name the gazetteer lacks):
    "Pamba" beside Kerala is no Pemba of Mozambique, "Fuego" beside Escuintla no Fuguo of China,
    Hyderabad's "Miyapur" no Mayapur of West Bengal. Abroad such readings were right 0 times in 8 on
    the dev corpora; in the story's own country 6 times in 13, and leaving the far ones to a stand-in
    gained a toponym each on LGL and GeoVirus and five on the probe passages, losing none."""
    exact = [r.place for r in out if r.place is not None and r.place.kind < 10]

    def unsupported(c: Candidate | None) -> bool:
        # near a place read by its spelling counts too ("Ma'ale Adumim", West Bank, in a story of Israel)
        if c is not None and c.latitude is None:
            # a unit without a point is near nothing: only its country vouches for it ("Nkwen" of Bamenda
            # is no Nkwene district of Eswatini)
            return bool(exact) and c.kind >= 10 and not any(p.country == c.country for p in exact)
        return (bool(exact) and c is not None and c.kind >= 10 and c.fcode != "PCLI"
                and not any(_near(c, p, _FUZZY_KM) for p in exact if p.latitude is not None))

    return [Resolution(r.mention, None, None, []) if unsupported(r.place) else r for r in out]


def _nearest_town(r: Resolution, out: list[Resolution]) -> Resolution:
    """A name the gazetteer lacks altogether (a landmark, a street, a river, a neighbourhood: "Sunjuwan
    army camp", "Coffey Park") takes the resolved town named nearest to it in the article, within the
    unit the text puts it in if any; its score is the town's, lowered."""
    towns = [o for o in out if o.place is not None and o.score is not None and o.place.latitude is not None
             and o.place.fcode.startswith("PPL") and o.features]
    c = r.mention.container
    if c is not None and c < len(out) and (unit := out[c].place) is not None and unit.fclass == "A":
        # "Rocky Mountain National Park in Colorado": a town elsewhere is no reading
        towns = [o for o in towns if o.place is not None and _holds(unit, o.place)]
    if not towns:
        return r
    sent = r.mention.sentence
    named = Counter(o.place.country for o in out if o.place is not None and o.place.country and not o.stand_in)
    home = {c for c, n in named.items() if n == max(named.values())}
    if len(home) > 1:
        # a tie goes to the country the story names first ("Lobster dealers in Portland ... orders from
        # Shanghai and Beijing ... China"), by a town or a unit (a district's name is shared across
        # countries: "the Maydan district in Mosul's Old City")
        first = next((o.place.country for o in out if o.place is not None and o.place.country in home
                      and not o.stand_in and o.place.fcode != "PPLX"), None)
        home = {first} if first is not None else home
    # (a dateline abroad is only where the story was filed: DUBAI for a Yemen story)
    filed = {o.place.id for o in towns if o.mention.dateline and o.place is not None and o.place.country in home}

    def nearness(o: Resolution) -> tuple[int, int, int, int]:
        # a town of the same sentence in a country the story is about (not "Kano" misread as
        # Nigeria's in a Kenya story, nor "Beijing's investment" beside Gwadar's hill); else the
        # story's dateline town ("HYDERABAD: ... doctors at Liaquat University Hospital", not
        # Jacobabad named in between), then one told before it ("... sleeping in doorways in Old
        # Town" after Portland), then one told after
        apart = o.mention.start - r.mention.start
        assert o.place is not None
        same = sent is not None and o.mention.sentence == sent and o.place.country in home
        return (0 if same else 1, 0 if same or o.place.id in filed else 1, 0 if apart < 0 else 1, abs(apart))

    o = min(towns, key=nearness)
    assert o.score is not None
    return Resolution(r.mention, o.place, round(o.score * _NEAREST_FACTOR, 3), [], stand_in=True)


def _named_within(r: Resolution, out: list[Resolution], gaz: Gazetteer) -> Resolution | None:
    """A landmark the gazetteer lacks whose name holds a town's name takes that town: the article's own
    reading of it ("London International Airport" in a story of London, Ontario), else the most
    populous town of the name near the article's places ("Kutaisi International Airport" in a story
    of Georgia); None when its name holds no town."""
    tokens = r.mention.text.split()
    lows = [t.lower().strip(".,'") for t in tokens]
    named, of_named = words()["landmark_words"], words()["landmark_of_words"]
    if any(w in named for w in lows):
        start = 0  # "Kutaisi International Airport": the town may be anywhere in the name
    elif any(w in of_named for w in lows) and "of" in lows:
        start = lows.index("of") + 1  # "University of Copenhagen": only after "of"
    else:
        return None
    spans = [" ".join(tokens[i:i + n]) for n in range(min(3, len(tokens) - 1), 0, -1)
             for i in range(start, len(tokens) - n + 1)
             if all(t[:1].isupper() and w not in named and w not in of_named
                    for t, w in zip(tokens[i:i + n], lows[i:i + n], strict=True))]
    read = {name_key(o.mention.text): o for o in out if o.place is not None and o.score is not None
            and o.place.latitude is not None and o.place.fcode.startswith("PPL") and not o.stand_in}
    placed = [o.place for o in out if o.place is not None and o.place.latitude is not None and not o.stand_in]
    countries = {p.country for p in placed}
    for span in spans:
        o = read.get(name_key(span))
        if o is not None and o.place is not None and o.score is not None:
            return Resolution(r.mention, o.place, round(o.score * _INSIDE_FACTOR, 3), [], stand_in=True)
        # a town of the article's countries near its places, not a person's namesake town elsewhere
        # ("Sanford Stadium" in Athens, Georgia is no Sanford, Florida; "Queen's University" in
        # Kingston, Ontario no Queens of New York)
        towns = [c for c in gaz.lookup(span) if c.kind == MAIN and c.fcode.startswith("PPL")
                 and c.population >= _SMALL_TOWN and c.country in countries
                 and any(_near(c, p, _FUZZY_KM) for p in placed)]
        if towns:
            town = max(towns, key=lambda c: c.population)
            return Resolution(r.mention, town, _NAMED_TOWN_SCORE, [], stand_in=True)
    return None


def _far_from_town(k: int, r: Resolution, out: list[Resolution]) -> bool:
    """A town or spot read far from the town named before it that the text puts it beside ("residents of
    Phoenix, north of the city" of Durban read as Arizona's): a namesake, left for the town to stand in.
    (A town after it is no such sign: "Boston, Chicago and Denver" is a list.)"""
    c = r.mention.container
    if c is None or c >= k or r.place is None or r.place.latitude is None or r.place.longitude is None:
        return False
    town = out[c].place
    if town is None or town.fclass != "P" or town.latitude is None or town.longitude is None:
        return False
    return r.place.fclass in ("P", "S") and distance_km(
        r.place.latitude, r.place.longitude, town.latitude, town.longitude) > _NEAR_TOWN_KM


def _inside(r: Resolution, out: list[Resolution]) -> Resolution:
    """A place left unresolved that the text puts in a resolved town ("the Principality Stadium in
    Cardiff", "the Morandi Bridge in Genoa") takes the town, as ACLED codes an event at a spot it
    cannot find to the town that holds it; its score is the town's, lowered. One in a province or a
    country stays unresolved: the event-location step places it at the unit with a wider precision."""
    c = r.mention.container
    if r.place is not None or c is None or c >= len(out):
        return r
    town, score = out[c].place, out[c].score
    if town is None or town.latitude is None or score is None or not town.fcode.startswith("PPL"):
        return r
    return Resolution(r.mention, town, round(score * _INSIDE_FACTOR, 3), [])
