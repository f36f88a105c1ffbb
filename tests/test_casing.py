"""Shouted and titled text: lines in capitals or Title Case are parsed in sentence case and keep their own words."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitrep import casing
from sitrep.events.coder import code_events
from sitrep.ingest import article_from_text
from sitrep.nlp import parse

HEADLINE = "ROCKETS SLAM INTO BAGHDAD'S GREEN ZONE NEAR U.S. EMBASSY"
MUC = ("TEGUCIGALPA, 19 APR 89 (ACAN-EFE) -- [TEXT] HONDURAN GUERRILLAS CLAIMED CREDIT TODAY FOR THE ATTACK "
       "ON A U.S. ARMY CONVOY ON 11 APRIL IN NORTHERN HONDURAS.")


def test_public_names() -> None:
    assert set(casing.__all__) == {"restore", "sentence_case", "shouted", "shown", "titled"}


def test_what_is_shouted() -> None:
    assert casing.shouted(HEADLINE)
    assert not casing.shouted("BAGHDAD (Reuters) - Rockets hit the Green Zone on Sunday.")
    assert not casing.shouted("KABUL -")  # a dateline alone


@pytest.mark.slow
def test_sentence_case_keeps_names_acronyms_and_length(nlp: Language) -> None:
    cased = casing.sentence_case(HEADLINE, nlp)
    assert cased == "Rockets slam into Baghdad's green zone near U.S. embassy"
    muc = casing.sentence_case(MUC, nlp)
    assert muc is not None and len(muc) == len(MUC)
    assert muc.startswith("Tegucigalpa, 19 Apr 89 (Acan-EFE) -- [Text] Honduran guerrillas claimed credit today")
    assert "11 April in northern Honduras." in muc
    # "MAY" and "MARCH" are months only beside a number
    text = casing.sentence_case("TALKS OPENED ON 11 MAY IN GENEVA AND MAY END BEFORE THE MARCH ON FRIDAY.", nlp)
    assert text == "Talks opened on 11 May in Geneva and may end before the march on Friday."
    assert casing.sentence_case("Rockets hit Baghdad.\nNo line here is shouted.", nlp) is None
    # a capital whose lower case is two characters would move every offset after it
    text = "BLAST HITS İSTANBUL SQUARE\nTWO KILLED IN THE BLAST"
    cased = casing.sentence_case(text, nlp)
    assert cased is not None and len(cased) == len(text) and cased.endswith("Two killed in the blast")


@pytest.mark.slow
def test_a_word_shows_the_case_the_parser_read_it_in(nlp: Language) -> None:
    text = "Rebels fled.\nANOTHER CONVOY WAS ATTACKED IN THE SAME AREA NEAR OLANCHITO."
    (doc,) = parse([text], nlp)
    shown = {t.text: casing.shown(t) for t in doc}
    assert shown["SAME"] == "same" and shown["THE"] == "the" and shown["OLANCHITO"] == "Olanchito"
    assert shown["Rebels"] == "Rebels"  # a line not shouted is read as written
    (plain,) = parse(["Rebels attacked the same convoy."], nlp)
    assert [casing.shown(t) for t in plain] == [t.text for t in plain]


@pytest.mark.slow
def test_the_parse_of_shouted_text_keeps_its_words(nlp: Language) -> None:
    (doc,) = parse([HEADLINE], nlp)
    assert doc.text == HEADLINE
    rockets = doc[0]
    assert rockets.text == "ROCKETS" and rockets.lemma_ == "rocket" and rockets.pos_ == "NOUN"
    assert rockets.head.lemma_ == "slam"
    assert "BAGHDAD" in {e.text for e in doc.ents}
    # only the shouted line is recased; the others are parsed as they are
    text = "Rockets hit the zone again on Monday.\n" + HEADLINE
    (doc,) = parse([text], nlp)
    assert doc.text == text and doc[0].text == "Rockets"


@pytest.mark.slow
def test_a_shouted_headline_tells_its_event_in_its_own_words(nlp: Language) -> None:
    (doc,) = parse([HEADLINE], nlp)
    events = [e for e in code_events(doc, article_from_text(HEADLINE)) if e.status == "occurred"]
    assert [e.code for e in events] == ["ART_MISS_ATTACK"]
    assert events[0].evidence.trigger is not None and events[0].evidence.trigger.isupper()


TITLED = "Hoodlums Attack APC Ward Chairman's Home In Ikorodu, Injure Wife"


@pytest.mark.slow
def test_what_is_titled(nlp: Language) -> None:
    assert casing.titled(TITLED, nlp)
    assert casing.titled("Gunman Storms Istanbul Nightclub, Firing on New Year Revelers", nlp)
    assert not casing.titled(HEADLINE, nlp)  # shouted, not titled
    # names in capitals do not make a line titled: its common words are in lower case
    assert not casing.titled("On 1 February 2021, the military detained State Counsellor Aung San Suu Kyi "
                             "and President Win Myint in Naypyidaw.", nlp)
    assert not casing.titled("Gunmen kill five in Zamfara village", nlp)


@pytest.mark.slow
def test_a_titled_line_keeps_its_acronyms_compounds_and_names(nlp: Language) -> None:
    assert casing.sentence_case(TITLED, nlp) == "Hoodlums attack APC ward chairman's home in Ikorodu, injure wife"
    assert (casing.sentence_case("MP Stabbed To Death At Constituency Surgery In Leigh-on-Sea", nlp)
            == "MP stabbed to death at constituency surgery in Leigh-on-Sea")
    # armed groups and countries' short forms are names, though the word lists hold them
    assert (casing.sentence_case("Rebel Commander Captured by Hamas in Eastern Congo", nlp)
            == "Rebel commander captured by Hamas in eastern Congo")
    assert casing.sentence_case("TALIBAN SEIZE KUNDUZ", nlp) == "Taliban seize Kunduz"


@pytest.mark.slow
@pytest.mark.parametrize(("headline", "code"), [
    (TITLED, "ATTACK"),
    ("Gunman Storms Istanbul Nightclub, Firing on New Year Revelers", "ATTACK"),
    ("Landmine Kills Four Children Herding Goats in Eastern Afghanistan", "REM_EXPLOS"),
    ("Thousands March in Madrid Against ETA Killings", "PEACE_PROTEST"),
])
def test_a_titled_headline_tells_its_event(nlp: Language, headline: str, code: str) -> None:
    (doc,) = parse([headline], nlp)
    assert doc.text == headline
    events = [e for e in code_events(doc, article_from_text(headline)) if e.status == "occurred"]
    assert [e.code for e in events] == [code]


def test_a_line_s_first_word_is_no_sentence_of_its_own() -> None:
    from sitrep.nlp import parse

    doc = next(parse(["Gunmen kill five in Zamfara village as air force strikes bandit camp\n\nGunmen on Sunday "
                      "stormed Kwata village in Maru Local Government Area of Zamfara State, killing five "
                      "residents, police said."]))
    starts = [s.text.split()[0] for s in doc.sents if s.text.strip()]
    assert starts == ["Gunmen", "Gunmen"]
