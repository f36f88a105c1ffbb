"""Event arguments filled over parsed text: actors, counts, attribution, tallies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sitrep.eval import check_floors
from sitrep.events.arguments import fill
from sitrep.model import Article, Event, Evidence

ROOT = Path(__file__).resolve().parent.parent
ALEPPO = ROOT.parent / "shared" / "data" / "articles" / "aleppo-ceasefire-2016.txt"


def _event(doc: Any, trigger: str, code: str, nth: int = 0) -> Event:
    """An event placed on the ``nth`` occurrence of ``trigger``, as the event coder places it."""
    text = doc.text
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    span = doc.char_span(start, start + len(trigger), alignment_mode="expand")
    sents = list(doc.sents)
    index = next(i for i, s in enumerate(sents) if s.start <= span.start < s.end)
    sent = sents[index]
    return Event(
        id=f"x:{start}",
        event_type="",
        sub_event_type="",
        code=code,
        status="occurred",
        evidence=Evidence(sent.start_char, sent.end_char, trigger, start, start + len(trigger)),
        sentence=index,
    )


def _fill(nlp: Any, text: str, *specs: tuple[str, str], published: str | None = None) -> tuple[list[Event], Any]:
    doc = nlp(text)
    events = [_event(doc, trigger, code) for trigger, code in specs]
    tallies = fill(doc, Article(id="t", hash="t", text=text, published=published), events)
    return events, tallies


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "code", "actor1", "actor2"),
    [
        ("Syrian government forces shelled the town, killing six civilians.", "shelled", "ART_MISS_ATTACK",
         "Military Forces of Syria", "Civilians (Syria)"),
        ("The town of Douma was shelled by Syrian government forces on Monday.", "shelled", "ART_MISS_ATTACK",
         "Military Forces of Syria", None),
        ("An air strike by the Russian air force hit a hospital in Idlib.", "air strike", "AIR_STRIKE",
         "Military Forces of Russia", None),
        ("ISIS fighters recaptured the Iraqi town of Hit from Iraqi troops.", "recaptured",
         "NON_STATE_ACTOR_OVERTAKES_TER", "Islamic State", None),
        ("Clashes between rebels and the Syrian army erupted in Deraa.", "Clashes", "ARMED_CLASH",
         "Rebels (Syria)", "Military Forces of Syria"),
        ("Israeli warplanes struck a house in Gaza, killing five Palestinians.", "struck", "AIR_STRIKE",
         "Military Forces of Israel", "Civilians (Palestine)"),
        ("Kenyan police fired tear gas at protesters in Nairobi.", "fired tear gas", "FORCE_AGAINST_PROTEST",
         "Police Forces of Kenya", "Protesters (Kenya)"),
        ("The Taliban overran the district centre after days of fighting with Afghan security forces.", "overran",
         "NON_STATE_ACTOR_OVERTAKES_TER", "Taliban", "Military Forces of Afghanistan"),
        ("Ukrainian troops repelled an assault by Russian units near Avdiivka.", "repelled", "ARMED_CLASH",
         "Military Forces of Russia", "Military Forces of Ukraine"),
        ("Iraqi troops backed by coalition jets retook the town of Hit from Islamic State.", "retook",
         "GOV_REGAINS_TERIT", "Military Forces of Iraq", "Islamic State"),
        ("The Israeli air force carried out strikes on Hezbollah positions in southern Lebanon.", "strikes",
         "AIR_STRIKE", "Military Forces of Israel", "Hezbollah"),
        ("Coalition jets bombed a Houthi-run prison in Dhamar, killing dozens of inmates.", "bombed", "AIR_STRIKE",
         None, "Civilians (Yemen)"),
        ("Lebanese soldiers fired rubber bullets at rioters who stormed a bank in Beirut.", "fired",
         "VIOL_DEMONSTR", "Rioters (Lebanon)", "Military Forces of Lebanon"),
        ("Unidentified gunmen shot dead a lawyer outside his office in Culiacan.", "shot dead", "ATTACK",
         "Unidentified Armed Group (Mexico)", "Civilians (Mexico)"),
        ("Teachers went on strike across Zimbabwe over pay.", "strike", "PEACE_PROTEST",
         "Protesters (Zimbabwe)", None),
        ("Bandits kidnapped a Catholic priest in Zamfara state on Sunday.", "kidnapped", "ABDUCT_DISSAP",
         "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
        # the group a hyphen ties another to is not the actor; the name in apposition is
        ("IS-affiliated ISWAP fighters overran a military base in Borno on Monday.", "overran",
         "NON_STATE_ACTOR_OVERTAKES_TER", "Islamic State West Africa Province", None),
        ("The Al-Qaeda-linked militant group Al-Shabaab bombed a police station in Mogadishu.", "bombed",
         "REM_EXPLOS", "Al Shabaab", None),
        # the fallen of "killed in clashes with Y" are one side; Y did the killing
        ("Over 60 terrorists were killed in clashes with the Syrian army in southwestern Aleppo.", "clashes",
         "ARMED_CLASH", "Military Forces of Syria", "Unidentified Armed Group (Syria)"),
        ("Two al-Shabaab fighters died in fighting with Somali troops near Afgoye.", "fighting",
         "ARMED_CLASH", "Military Forces of Somalia", "Al Shabaab"),
        # "shelling" parsed as a verb form: the nationality before it is the side, not a subject
        ("In Kherson, Russian shelling on Sunday afternoon hit a residential area, killing two.", "shelling",
         "ART_MISS_ATTACK", "Military Forces of Russia", None),
        # the attacker beaten off is the side that acted
        ("Government troops repelled a Houthi attack on their positions in the Raghwan area.", "attack",
         "ARMED_CLASH", "Houthis", "Military Forces of Yemen"),
        # the teller of civilians' deaths did nothing; the when-clause names who did
        ("Two people were killed when gunmen attacked a village in Zamfara, police said.", "killed", "ATTACK",
         "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
        # an army that tells of militants killed tells its own operation
        ("Twenty militants were killed in an operation in Borno, the army said.", "killed", "ARMED_CLASH",
         "Military Forces of Nigeria", None),
        # a state's "Armed Forces" are the state's, a rebel name of three words a rebel group
        ("The Sudanese Armed Forces retook the town of Sinja from the Rapid Support Forces.", "retook",
         "GOV_REGAINS_TERIT", "Military Forces of Sudan", "Rapid Support Forces"),
    ],
)  # fmt: skip
def test_actor_roles(nlp: Any, text: str, trigger: str, code: str, actor1: str | None, actor2: str | None) -> None:
    (event,), _ = _fill(nlp, text, (trigger, code))
    if actor1 is not None:
        assert event.actor1 is not None and event.actor1.name == actor1
        assert event.actor1.text and event.actor1.text in text
    if actor2 is not None:
        assert event.actor2 is not None and event.actor2.name == actor2


@pytest.mark.slow
def test_the_group_resolves_to_the_nearest_named_actor(nlp: Any) -> None:
    text = "Al-Shabaab fighters were seen near Afgoye on Monday. The group later attacked a police station."
    (event,), _ = _fill(nlp, text, ("attacked", "ARMED_CLASH"))
    assert event.actor1 is not None and event.actor1.name == "Al Shabaab"
    assert event.actor1.text == "The group"


@pytest.mark.slow
def test_protest_without_an_agent_gets_protesters_of_the_country(nlp: Any) -> None:
    text = "Thousands joined a protest against the government in Santiago, Chile, on Friday."
    (event,), _ = _fill(nlp, text, ("protest", "PEACE_PROTEST"))
    assert event.actor1 is not None and event.actor1.name == "Protesters (Chile)"
    assert event.actor1.kind == "protesters"


@pytest.mark.slow
def test_counts_and_attribution_go_to_the_event(nlp: Any) -> None:
    text = "A car bomb killed 12 people and wounded dozens in Mogadishu on Sunday, police said."
    (event,), tallies = _fill(nlp, text, ("car bomb", "REM_EXPLOS"))
    assert event.fatalities.best == 12 and event.injured.best == 12
    assert event.attributed_to == ["police"]
    assert tallies == []


@pytest.mark.slow
def test_a_toll_told_after_a_sentence_of_no_event_is_the_event_s(nlp: Any) -> None:
    text = ("A suicide bomber targeted a military base in Bulo Marer on Friday. Al Shabaab claimed "
            "responsibility. Seven soldiers were killed.")
    (event,), _ = _fill(nlp, text, ("targeted", "SUIC_BOMB"))
    assert event.fatalities.best == 7
    # not across a paragraph, nor past a third sentence
    for far in (text.replace("responsibility. ", "responsibility.\n\n"),
                text.replace("responsibility. ", "responsibility. The army said it was investigating. ")):
        (event,), _ = _fill(nlp, far, ("targeted", "SUIC_BOMB"))
        assert event.fatalities.best is None


@pytest.mark.slow
def test_a_toll_told_next_stands_for_a_killing_without_a_number(nlp: Any) -> None:
    text = ("Soldiers opened fire on youths protesting the killing of a colleague at a checkpoint in Oyigbo. "
            "Residents said at least three persons died.")
    (event,), _ = _fill(nlp, text, ("opened fire", "FORCE_AGAINST_PROTEST"))
    assert event.fatalities.best == 3


@pytest.mark.slow
def test_a_peaceful_protest_takes_no_toll(nlp: Any) -> None:
    text = ("Sheriff's deputies fatally shot Dijon Kizzee, a 29-year-old Black man, during a confrontation "
            "in South LA, sparking protests at the scene.")
    (protest,), _ = _fill(nlp, text, ("protests", "PEACE_PROTEST"))
    assert protest.fatalities.best is None and protest.fatalities.text is None
    # the shooting beside it takes the death
    shooting, protest = _fill(nlp, text, ("shot", "ATTACK"), ("protests", "PEACE_PROTEST"))[0]
    assert shooting.fatalities.best == 1 and protest.fatalities.best is None
    # nor do deaths told as what it followed
    (protest,), _ = _fill(nlp, "Protesters gathered in Minneapolis after police fatally shot a Black man.",
                          ("gathered", "PEACE_PROTEST"))
    assert protest.fatalities.best is None
    # deaths told at the protest stay its own (its sub-type, not its toll, is what is wrong)
    (protest,), _ = _fill(nlp, "One protester was killed and 20 injured as thousands rallied in Nairobi.",
                          ("rallied", "PEACE_PROTEST"))
    assert protest.fatalities.best == 1


@pytest.mark.slow
def test_attribution_carries_through_a_paragraph_but_not_beyond(nlp: Any) -> None:
    text = (
        "According to the Syrian Observatory for Human Rights, fighting raged near Damascus. "
        "Intense clashes and shelling erupted in the Jobar district.\n\n"
        "Rebels shelled the airport on Friday."
    )
    doc = nlp(text)
    events = [_event(doc, "clashes", "ARMED_CLASH"), _event(doc, "shelled", "ART_MISS_ATTACK")]
    fill(doc, Article(id="t", hash="t", text=text), events)
    assert events[0].attributed_to == ["Syrian Observatory for Human Rights"]
    assert events[1].attributed_to == []


@pytest.mark.slow
def test_aleppo_tally_is_reported_apart_from_events(nlp: Any) -> None:
    text = ALEPPO.read_text("utf-8")
    doc = nlp(text)
    events = [_event(doc, "clashes", "ARMED_CLASH"), _event(doc, "announced a unilateral ceasefire", "AGREEMENT")]
    tallies = fill(doc, Article(id="a", hash="a", text=text, published="2016-10-22"), events)
    assert len(tallies) == 1
    tally = tallies[0]
    assert (tally.fatalities, tally.injured) == (500, 2000)
    assert tally.start == "2016-09-23" and tally.end == "2016-10-22"
    assert tally.place == "Aleppo"
    assert tally.attributed_to == ["Ban Ki-moon"]
    assert "500 people" in text[tally.evidence.start : tally.evidence.end]
    assert all(e.fatalities.best not in (500, 2000) for e in events)
    clash, ceasefire = events
    assert clash.actor1 is not None and clash.actor2 is not None
    assert {clash.actor1.kind, clash.actor2.kind} == {"rebel groups", "state forces"}
    assert clash.attributed_to == ["Syrian Observatory for Human Rights"]
    assert ceasefire.actor1 is not None and ceasefire.actor1.name == "Military Forces of Syria"
    assert ceasefire.actor1.text == "the regime of Bashar al-Assad"


@pytest.mark.slow
def test_eval_gate(tmp_path: Path) -> None:
    from sitrep.eval.args import evaluate

    result = evaluate()
    failures = check_floors(result.metrics, ROOT / "tests" / "floors" / "args.json")
    assert not failures


GOLDEN = ROOT / "docs" / "golden" / "aleppo-ceasefire-2016.json"


@pytest.mark.slow
@pytest.mark.skipif(not GOLDEN.exists() or not ALEPPO.exists(), reason="golden Aleppo article not available")
def test_golden_aleppo_tallies_through_the_pipeline() -> None:
    """The golden file's tallies, read by the whole pipeline, and no event holding them."""
    import json

    from sitrep.ingest import article_from_text
    from sitrep.pipeline import extract

    golden = json.loads(GOLDEN.read_text("utf-8"))
    article = article_from_text(ALEPPO.read_text("utf-8"), published=golden.get("published"))
    (report,) = list(extract([article]))
    for want in golden.get("tallies", []):
        same = [
            t for t in report.tallies if want["sentence_contains"] in article.text[t.evidence.start : t.evidence.end]
        ]
        assert same, f"no tally in sentence with {want['sentence_contains']!r}: {report.tallies}"
        tally = same[0]
        for key in ("fatalities", "injured", "start", "end", "place"):
            if key in want:
                assert getattr(tally, key) == want[key], key
        for source in want.get("attributed_to", []):
            assert source in tally.attributed_to
        totals = {want.get("fatalities"), want.get("injured")} - {None}
        assert all(e.fatalities.best not in totals and e.injured.best not in totals for e in report.events)


@pytest.mark.slow
def test_sources_are_not_actors(nlp: Any) -> None:
    text = "Government troops were engaged in heavy fighting in the north, according to the US government."
    (event,), _ = _fill(nlp, text, ("fighting", "ARMED_CLASH"))
    assert event.actor1 is None or event.actor1.country != "US"


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]) -> Any:
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_accused_and_accuser_on_a_hand_built_parse() -> None:
    from sitrep.events.arguments import accused, commentator

    # "Kyiv accused Russian forces of shelling towns"
    doc = _parsed(
        ["Kyiv", "accused", "Russian", "forces", "of", "shelling", "towns"],
        [1, 1, 3, 1, 1, 4, 5],
        ["nsubj", "ROOT", "amod", "dobj", "prep", "pcomp", "dobj"],
        ["PROPN", "VERB", "ADJ", "NOUN", "ADP", "VERB", "NOUN"],
        ["Kyiv", "accuse", "russian", "force", "of", "shell", "town"],
    )
    assert [t.text for t in accused(doc[5]) or []] == ["forces"]
    assert commentator(doc[0]) and not commentator(doc[0], accusers=False)
    assert not commentator(doc[3])
    # "the attack, condemned by the UN and France, killed six"
    doc = _parsed(
        ["the", "attack", "condemned", "by", "UN", "and", "France", "killed", "six"],
        [1, 7, 1, 2, 3, 4, 4, 7, 7],
        ["det", "nsubj", "acl", "agent", "pobj", "cc", "conj", "ROOT", "dobj"],
        ["DET", "NOUN", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "VERB", "NUM"],
        ["the", "attack", "condemn", "by", "UN", "and", "France", "kill", "six"],
    )
    assert commentator(doc[4], accusers=False) and commentator(doc[6], accusers=False)
    assert accused(doc[1]) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "code", "actor1", "actor2"),
    [
        # "X accused Y of <event>": Y did it, X only tells
        ("Activists in Syria accused the regime of heavy shelling and bombardment.", "shelling", "ART_MISS_ATTACK",
         "Military Forces of Syria", None),
        ("Nigeria's army was accused of killing 20 villagers in Borno state.", "killing", "ATTACK",
         "Military Forces of Nigeria", "Civilians (Nigeria)"),
        ("Witnesses in Somalia blamed al-Shabaab for the bombing.", "bombing", "REM_EXPLOS", "Al Shabaab", None),
        ("The Kenyan opposition accused police of beating protesters in Kisumu.", "beating",
         "FORCE_AGAINST_PROTEST", "Police Forces of Kenya", "Protesters (Kenya)"),
        # condemners are never actors; a judging that is the event itself keeps its subject
        ("Human Rights Watch condemned the raid on a camp by Sudanese soldiers.", "raid", "ATTACK",
         "Military Forces of Sudan", None),
        ("The United Nations condemned the coup in Niger.", "condemned", "OTHER", "United Nations", None),
        # "X's <event> by Y": X suffered it, Y did it; "the army's shelling of ..." keeps the owner as doer
        ("Karlov's assassination by a member of the Turkish security forces shocked the world.", "assassination",
         "ATTACK", "Military Forces of Turkey", "Civilians (Turkey)"),
        ("The Syrian army's shelling of Douma killed six civilians.", "shelling", "ART_MISS_ATTACK",
         "Military Forces of Syria", None),
        ("The Syrian regime's massacre in Hama killed thousands.", "massacre", "ATTACK",
         "Military Forces of Syria", None),
        # an official or diplomat attacked is a civilian of the country where it happened
        ("A Turkish policeman fatally shot Russia's ambassador to Turkey on Monday.", "shot", "ATTACK",
         "Police Forces of Turkey", "Civilians (Turkey)"),
        ("Taliban fighters killed a provincial governor in Kunduz, Afghanistan.", "killed", "ATTACK",
         "Taliban", "Civilians (Afghanistan)"),
    ],
)  # fmt: skip
def test_accused_condemners_owners_and_officials(
    nlp: Any, text: str, trigger: str, code: str, actor1: str | None, actor2: str | None
) -> None:
    (event,), _ = _fill(nlp, text, (trigger, code))
    assert event.actor1 is not None and event.actor1.name == actor1
    if actor2 is not None:
        assert event.actor2 is not None and event.actor2.name == actor2


@pytest.mark.slow
def test_condemners_are_neither_actors_nor_the_place(nlp: Any) -> None:
    text = "The attack, condemned by the White House and the United Nations, killed three policemen in Ankara."
    (event,), _ = _fill(nlp, text, ("attack", "ATTACK"))
    assert event.actor1 is None or event.actor1.name not in ("United Nations", "White House")
    (event,), _ = _fill(nlp, "France condemned the killing of 12 aid workers by gunmen in South Sudan.",
                        ("killing", "ATTACK"))  # fmt: skip
    assert event.actor1 is not None and event.actor1.name == "Unidentified Armed Group (South Sudan)"
    assert event.actor2 is not None and event.actor2.name == "Civilians (South Sudan)"
    (event,), _ = _fill(nlp, "The journalist's kidnapping in Kaduna state drew condemnation.",
                        ("kidnapping", "ABDUCT_DISSAP"))  # fmt: skip
    assert event.actor1 is None
    assert event.actor2 is not None and event.actor2.name == "Civilians (Nigeria)"
    assert event.actor2.text == "The journalist's"
