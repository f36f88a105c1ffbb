"""The event coder: ACLED sub-types, statuses, evidence offsets, no event where there is none."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from sitrep.events.coder import code_events
from sitrep.events.lexicon import rules
from sitrep.events.taxonomy import CODES, taxonomy
from sitrep.events.triggers import inflections
from sitrep.ingest import article_from_text
from sitrep.model import STATUSES, Event

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "events_dev.jsonl"
FLOORS = ROOT / "tests" / "floors" / "events.json"

DESIGN_CODES = {
    "ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "CHEM_WEAP", "AIR_STRIKE",
    "SUIC_BOMB", "ART_MISS_ATTACK", "REM_EXPLOS", "GRENADE", "SEX_VIOL", "ATTACK", "ABDUCT_DISSAP",
    "PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR", "MOB_VIOL",
    "AGREEMENT", "ARREST", "CHANGE_TO_GROUP_ACT", "DISR_WEAP", "HQ_ESTABLISHED", "PROPERTY_DISTRUCT",
    "NON_VIOL_TERRIT_TRANSFER", "OTHER",
}  # fmt: skip


def test_taxonomy_has_acled_25_codes() -> None:
    assert set(CODES) == DESIGN_CODES
    assert taxonomy()["AIR_STRIKE"].sub_event_type == "Air/drone strike"
    assert taxonomy()["AGREEMENT"].event_type == "Strategic developments"
    assert {t.event_type for t in taxonomy().values()} == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }  # fmt: skip


def test_every_code_has_a_trigger_and_every_entry_a_phrase() -> None:
    r = rules()
    reachable = {t.code for t in r.triggers}
    for t in r.triggers:
        reachable |= {c for c in t.by_agent.values() if c} | {c for c in t.by_object.values() if c}
    reachable |= {ref.code for ref in r.refinements} | {s.becomes for s in r.sentence_rules}
    assert reachable == set(CODES)
    assert all(t.phrases for t in r.triggers)


def test_inflections_cover_regular_forms() -> None:
    assert {"raped", "raping", "rapes"} <= set(inflections("rape"))
    assert {"kidnapped", "kidnapping"} <= set(inflections("kidnap"))
    assert "occupied" in inflections("occupy")
    assert inflections("-") == ["-"]


def _code(nlp: Language, text: str) -> list[Event]:
    return code_events(nlp(text), article_from_text(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Saudi-led coalition warplanes struck a wedding party in Hajjah, killing 23 civilians.", {"AIR_STRIKE"}),
        ("A car bomb parked outside the police station exploded, wounding 12 people.", {"REM_EXPLOS"}),
        ("A suicide bomber blew himself up at a checkpoint, killing four soldiers.", {"SUIC_BOMB"}),
        ("Police defused a bomb planted near the cathedral.", {"DISR_WEAP"}),
        ("Gunmen kidnapped 40 passengers from a bus on the highway.", {"ABDUCT_DISSAP"}),
        ("Police fired tear gas to disperse hundreds of protesters in the capital.", {"PROTEST_WITH_INTER"}),
        ("Soldiers shot dead five protesters during a march against the junta.", {"FORCE_AGAINST_PROTEST"}),
        ("Rebels captured the town of Goma after the army fled.", {"NON_STATE_ACTOR_OVERTAKES_TER"}),
        ("The army recaptured the town of Palma from insurgents on Friday.", {"GOV_REGAINS_TERIT"}),
        ("Clashes and shelling erupted in the eastern suburbs.", {"ARMED_CLASH", "ART_MISS_ATTACK"}),
        ("A mob lynched a man accused of stealing a goat.", {"MOB_VIOL"}),
        ("The two armed factions signed a ceasefire agreement in Doha.", {"AGREEMENT"}),
    ],
)
def test_sub_types(nlp: Language, text: str, codes: set[str]) -> None:
    got = {e.code for e in _code(nlp, text) if e.status in ("occurred", "announced")}
    assert got == codes


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "A magnitude 6 earthquake struck the region on Monday, killing 30 people.",
        "A bus collided with a lorry on the highway, killing nine passengers.",
        "Robbers shot a shopkeeper dead during a burglary, police said.",
        "The foreign ministers met in Geneva to discuss the crisis.",
        "The striker's late attack won the match for the visitors.",
        "Nurses went on strike over unpaid wages.",
        "The mayor is fighting a political battle over the budget.",
        "Residents remembered the 1982 massacre at a memorial service.",
        "The cholera outbreak has killed 50 people this month.",
    ],
)
def test_no_event(nlp: Language, text: str) -> None:
    found = [(e.code, e.status) for e in _code(nlp, text) if e.status in ("occurred", "announced")]
    assert found == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code", "status"),
    [
        ("The army denied that its troops had attacked the village.", "ATTACK", "denied"),
        ("No shelling was reported in the city overnight.", "ART_MISS_ATTACK", "negated"),
        ("The group claimed responsibility for the bombing of the bus.", "REM_EXPLOS", "claimed"),
        ("The militants threatened to attack schools in the district.", "ATTACK", "threatened"),
        ("Opposition parties plan to hold a rally on Saturday.", "PEACE_PROTEST", "planned"),
        ("Officials said air strikes could resume within days.", "AIR_STRIKE", "hypothetical"),
        ("The government declared a unilateral ceasefire on Thursday.", "AGREEMENT", "announced"),
    ],
)
def test_status(nlp: Language, text: str, code: str, status: str) -> None:
    events = _code(nlp, text)
    assert (code, status) in {(e.code, e.status) for e in events}
    assert all(e.status in STATUSES for e in events)


@pytest.mark.slow
def test_evidence_offsets_and_segments(nlp: Language) -> None:
    text = (
        "Aleppo shelling protest news\n"
        "Protesters rallied outside the governor's office in the town Ali Haidar/Reuters\n"
        "\n"
        "Rebels shelled the northern district on Sunday. A rocket hit a school.\n"
    )
    article = article_from_text(text)
    # mark the first line as a keyword title, as cleaning does for scraped pages
    article.segments = [(0, 28, "keywords"), *article.segments]
    events = code_events(nlp(text), article)
    doc_sents = list(nlp(text).sents)
    assert {e.code for e in events} == {"PEACE_PROTEST", "ART_MISS_ATTACK"}
    for e in events:
        assert text[e.evidence.trigger_start : e.evidence.trigger_end] == e.evidence.trigger
        assert e.evidence.start <= e.evidence.trigger_start < e.evidence.trigger_end <= e.evidence.end
        assert e.sentence is not None and doc_sents[e.sentence].start_char == e.evidence.start
        assert 0.0 <= e.confidence <= 1.0
        assert e.id == "" and e.event_type and e.sub_event_type
    # the keyword title ("... shelling protest ...") is noise and yields nothing
    assert all(e.evidence.start > len("Aleppo shelling protest news") for e in events)
    # the caption is searched; one ART event per sentence that tells one
    assert sum(e.code == "ART_MISS_ATTACK" for e in events) == 2


def test_dev_set_shape() -> None:
    rows = [json.loads(line) for line in DEV.read_text("utf-8").splitlines() if line.strip()]
    assert len(rows) >= 400
    assert len({r["id"] for r in rows}) == len(rows)
    counts = {c: 0 for c in CODES}
    for r in rows:
        assert set(r["codes"]) <= set(CODES)
        if "status" in r:
            assert len(r["status"]) == len(r["codes"]) and set(r["status"]) <= set(STATUSES)
        for c in r["codes"]:
            counts[c] += 1
    assert min(counts.values()) >= 12
    assert sum(1 for r in rows if not r["codes"]) >= 80


@pytest.mark.slow
def test_eval_gate() -> None:
    from sitrep.eval import check_floors
    from sitrep.eval.events import evaluate

    result = evaluate()
    assert len([r for r in result.rows if r["code"] in CODES]) == 25
    assert check_floors(result.metrics, FLOORS) == []
