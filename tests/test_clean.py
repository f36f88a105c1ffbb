"""Cleaning marks noise and keeps every offset pointing into the text as given."""

from __future__ import annotations

from conftest import ALEPPO
from sitrep.clean import find_noise
from sitrep.ingest import read_path


def kinds(text: str) -> list[tuple[str, str]]:
    return [(k, text[s:e]) for s, e, k in find_noise(text)]


def test_aleppo_keyword_lines_captions_and_credits() -> None:
    (article,) = list(read_path(ALEPPO))
    text = article.text
    found = kinds(text)
    keywords = [t for k, t in found if k == "keywords"]
    assert keywords == ["Aleppo air strikes cease fire russia"] * 2
    credits = [t for k, t in found if k == "credit"]
    assert credits == ["Abdalrhman Ismail/Reuters"] * 2
    captions = [t for k, t in found if k == "caption"]
    assert any("protest against evacuating civilians" in c for c in captions)
    assert any("al-Masharqa" in c for c in captions)
    # Body paragraphs are left alone.
    assert not any("humanitarian corridor" in t for _, t in found)


def test_offsets_index_the_text_as_given() -> None:
    text = "Damascus (AFP) - Shells hit the old city.\nPhoto: smoke over Homs.\nBy Jane Doe\n"
    for start, end, kind in find_noise(text):
        assert text[start:end].strip() == text[start:end]
        assert kind in {"credit", "caption", "byline"}
    assert kinds(text) == [
        ("credit", "(AFP)"),
        ("caption", "Photo: smoke over Homs."),
        ("byline", "By Jane Doe"),
    ]


def test_read_more_and_getty_credit() -> None:
    text = (
        "Syrian soldiers patrol in Homs (Photo by Louai Beshara/AFP via Getty Images)\n"
        "Read more: Why Aleppo matters\n"
        "Troops advanced on the town on Monday, officials said.\n"
    )
    found = kinds(text)
    assert ("readmore", "Read more: Why Aleppo matters") in found
    assert ("credit", "(Photo by Louai Beshara/AFP via Getty Images)") in found
    assert not any("Troops advanced" in t for _, t in found)


def test_prose_is_never_noise() -> None:
    text = (
        "Government forces shelled the district on Tuesday.\n\n"
        "Rebels said they had repelled the attack.\n\n"
        "Government forces shelled the district on Tuesday.\n"
    )
    # Repeated prose sentences end in punctuation: not keyword lines.
    assert find_noise(text) == []


def test_wire_datelines_are_marked_apart_from_their_sentence() -> None:
    cases = {
        "BEIRUT, April 4 - A suspected chemical attack killed 58 people.": "BEIRUT, April 4 -",
        "ISTANBUL, June 29 (Reuters) - Three suicide bombers opened fire.": "ISTANBUL, June 29 (Reuters) -",
        "MOGADISHU, Somalia (AP) — A truck bomb exploded on Saturday.": "MOGADISHU, Somalia (AP) —",
        "WASHINGTON — The Pentagon said on Monday that it struck.": "WASHINGTON —",
        "BEIRUT - A U.S. missile strike on the Shayrat air base killed seven soldiers.": "BEIRUT -",
        # national dailies set the city in title case before an en or em dash
        "Addis Abeba – At least 14 people were killed on Saturday in heavy fighting.": "Addis Abeba –",
        "Mogadishu (HOL) – Al-Shabaab fighters attacked a base on Sunday.": "Mogadishu (HOL) –",
    }
    for text, dateline in cases.items():
        assert kinds(text) == [("dateline", dateline)]


def test_a_capitalised_word_and_a_hyphen_is_not_a_dateline() -> None:
    assert kinds("ISIS - the group attacked the town on Friday.") == []
    assert kinds("UN - the council met again on Friday.") == []
    assert kinds("Rebels shelled the town, BEIRUT-based monitors said.") == []
    assert kinds("Hezbollah — the group said it had fired rockets at a base.") == []
    assert kinds("Kabul - Gunmen killed two guards on Monday night in the city.") == []  # a hyphen


def test_a_labelled_keyword_line_is_noise() -> None:
    text = "Keywords: Kaduna, Kajuru, church, abduction, bandits\n\nGunmen attacked a church in Maro on Sunday."
    assert find_noise(text) == [(0, len("Keywords: Kaduna, Kajuru, church, abduction, bandits"), "keywords")]
