"""TIMEX3 recognition and normalisation on plain text (no spaCy model)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sitrep.eval import check_floors, default_data_dir
from sitrep.timex import analyse, parse_date, recognize

PUB = dt.date(2016, 10, 22)  # a Saturday, the Aleppo article's publication day
MONDAY = dt.date(2016, 10, 24)


def only(text: str, dct: dt.date | None = PUB) -> tuple[str, str, str | None]:
    found = recognize(text, dct)
    assert len(found) == 1, found
    return found[0].text, found[0].type, found[0].value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks resumed on 21 October.", ("21 October", "DATE", "2016-10-21")),
        ("The offensive began on September 23.", ("September 23", "DATE", "2016-09-23")),
        ("It was signed Oct. 21, 2016, in Geneva.", ("Oct. 21, 2016", "DATE", "2016-10-21")),
        ("Filed 2016-10-21 by the court.", ("2016-10-21", "DATE", "2016-10-21")),
        ("Dated 21/10/2016 in the ledger.", ("21/10/2016", "DATE", "2016-10-21")),
        ("Dated 10/21/2016 in the ledger.", ("10/21/2016", "DATE", "2016-10-21")),
        ("Troops withdrew on Thursday.", ("Thursday", "DATE", "2016-10-20")),
        ("The envoy will arrive on Thursday.", ("Thursday", "DATE", "2016-10-27")),
        ("Two people were killed yesterday.", ("yesterday", "DATE", "2016-10-21")),
        ("Shelling intensified last week.", ("last week", "DATE", "2016-W41")),
        ("Prices rose this month.", ("this month", "DATE", "2016-10")),
        ("The army retook the town earlier this year.", ("earlier this year", "DATE", "2016")),
        ("A truce collapsed in June.", ("June", "DATE", "2016-06")),
        ("The offensive started in early 2016.", ("early 2016", "DATE", "2016")),
        ("Dozens died in the past 48 hours.", ("the past 48 hours", "DURATION", "PT48H")),
        ("The camp was shelled at 8 a.m.", ("8 a.m.", "TIME", "2016-10-22T08:00")),
        ("Jets struck the market Thursday night.", ("Thursday night", "TIME", "2016-10-20TNI")),
        ("The breakdown of a six-day-long ceasefire", ("six-day-long", "DURATION", "P6D")),
        ("The siege lasted four years.", ("four years", "DURATION", "P4Y")),
        ("Fighting has gone on for a decade.", ("a decade", "DURATION", "P10Y")),
        ("Hundreds are killed every week.", ("every week", "SET", "P1W")),
        ("Aid convoys cross daily.", ("daily", "SET", "P1D")),
        ("The city is now under siege.", ("now", "DATE", "PRESENT_REF")),
        ("Rebels recently took the hill.", ("recently", "DATE", "PAST_REF")),
        ("Talks may resume in the future.", ("the future", "DATE", "FUTURE_REF")),
        ("The war of the 1990s left scars.", ("the 1990s", "DATE", "199")),
        ("Output fell in the third quarter of 1999.", ("the third quarter of 1999", "DATE", "1999-Q3")),
        ("The offensive is planned for this summer.", ("this summer", "DATE", "2016-SU")),
        ("Two weeks ago the road reopened.", ("Two weeks ago", "DATE", "2016-W40")),
    ],
)
def test_expressions_are_found_and_valued(text: str, expected: tuple[str, str, str]) -> None:
    assert only(text) == expected


def test_listed_days_share_the_month() -> None:
    found = recognize("Strikes on 12 and 13 October killed 20.", PUB)
    assert [(t.text, t.value) for t in found] == [("12", "2016-10-12"), ("13 October", "2016-10-13")]


def test_following_day_counts_from_the_last_day_named() -> None:
    found = recognize("Rebels entered on 3 May 2016. The following day they burned the market.", PUB)
    assert [(t.text, t.value) for t in found] == [("3 May 2016", "2016-05-03"), ("The following day", "2016-05-04")]


def test_clock_time_takes_the_day_named_before_it_in_the_sentence() -> None:
    found = recognize("Police received a call on Sunday, November 27, 2016 at 8:14 a.m. about a shooting.", PUB)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Sunday, November 27, 2016", "DATE", "2016-11-27"),
        ("8:14 a.m.", "TIME", "2016-11-27T08:14"),
    ]


def test_ages_are_not_durations() -> None:
    assert recognize("A 6-year-old boy and two 16-year-olds were hurt.", PUB) == []


def test_modal_may_is_not_a_month_and_offsets_survive_case_folding() -> None:
    assert recognize("You may leave whenever you like.", PUB) == []
    text = "İstanbul was hit on Friday."
    (found,) = recognize(text, PUB)
    assert text[found.start : found.end] == "Friday"


def test_weekend_before_a_monday_publication() -> None:
    assert only("Clashes erupted over the weekend.", MONDAY) == ("the weekend", "DATE", "2016-W42-WE")


def test_month_takes_the_year_of_its_sentence() -> None:
    found = recognize("In 2014, the group seized Mosul in June.", PUB)
    assert [(t.text, t.value) for t in found] == [("2014", "2014"), ("June", "2014-06")]


@pytest.mark.parametrize(
    "text",
    [
        "At least 500 people were killed.",
        "The council adopted Resolution 2254 unanimously.",
        "Two soldiers died and 8 injured were taken to hospital.",
        "Some 1990 refugees crossed the border.",
        "The score was 3-1 after 90 minutes of play.",
    ],
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert [t for t in recognize(text, PUB) if t.type in ("DATE", "TIME")] == []


def test_ambiguous_numeric_date_is_flagged_not_guessed() -> None:
    found, warnings = analyse("Dated 05/06/2016 in the ledger.", PUB)
    assert [t.value for t in found] == [None]
    assert [w.code for w in warnings] == ["ambiguous-date"]
    found, _ = analyse("Dated 05/06/2016 in the ledger.", PUB, day_first=True)
    assert [t.value for t in found] == ["2016-06-05"]


def test_no_publication_date_gives_no_relative_value() -> None:
    found = recognize("Rebels attacked yesterday and on Oct. 21, 2016.", None)
    assert [(t.text, t.value) for t in found] == [("yesterday", None), ("Oct. 21, 2016", "2016-10-21")]


def test_weekday_and_date_that_disagree_warn_and_weekday_wins() -> None:
    text = "The regime announced a unilateral ceasefire on Thursday (21 October) and extended it."
    found, warnings = analyse(text, PUB)
    assert [(text[t.start : t.end], t.value) for t in found] == [
        ("Thursday", "2016-10-20"),
        ("21 October", "2016-10-21"),
    ]
    assert len(warnings) == 1
    w = warnings[0]
    assert w.code == "weekday-mismatch"
    assert w.message == "Thursday does not fall on 21 October 2016 (a Friday)"
    assert text[w.start : w.end] == "Thursday (21 October)"


def test_weekday_and_date_that_agree_are_one_expression() -> None:
    found, warnings = analyse("On Thursday, 20 October, helicopters dropped leaflets.", PUB)
    assert [(t.start, t.end, t.value) for t in found] == [(3, 23, "2016-10-20")]
    assert warnings == []


def test_past_tense_date_after_publication_warns() -> None:
    _, warnings = analyse("Rebels attacked the town on 25 October 2016.", PUB)
    assert [w.code for w in warnings] == ["future-date"]
    _, warnings = analyse("Rebels will attack the town on 25 October 2016.", PUB)
    assert warnings == []


@pytest.mark.slow
def test_eval_gate_holds() -> None:
    """TIMEX3 on TimeBank + AQUAINT, and event dates of the dev set through the real pipeline."""
    from sitrep.eval.time import evaluate

    data = default_data_dir()
    if not (data / "timebank").is_dir():
        pytest.skip("TimeBank data not present")
    result = evaluate(data)
    floors = Path(__file__).parent / "floors" / "time.json"
    assert check_floors(result.metrics, floors) == []
    assert result.metrics["event_date_n"] >= 40
    assert any(k.startswith("event_date") for k in json.loads(floors.read_text("utf-8")))


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2016-10-22", dt.date(2016, 10, 22)),
        ("2016-10-22T10:00:00Z", dt.date(2016, 10, 22)),
        ("Sat, 22 Oct 2016 10:00:00 GMT", dt.date(2016, 10, 22)),
        ("Oct 5", None),
        ("", None),
        (None, None),
    ],
)
def test_publication_dates_are_read_without_guessing(published: str | None, expected: dt.date | None) -> None:
    assert parse_date(published) == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("Churches were attacked on Easter Sunday.", dt.date(2019, 4, 25), ("Easter Sunday", "DATE", "2019-04-21")),
        ("Police fired on marchers on Good Friday.", dt.date(2015, 4, 6), ("Good Friday", "DATE", "2015-04-03")),
        ("The truce held over Easter 2016.", PUB, ("Easter 2016", "DATE", "2016-03-27")),
        ("Crowds gathered on Easter Monday.", dt.date(2000, 5, 1), ("Easter Monday", "DATE", "2000-04-24")),
    ],
)
def test_moving_feasts_follow_the_gregorian_easter(text: str, dct: dt.date, expected: tuple[str, str, str]) -> None:
    assert only(text, dct) == expected


def test_a_holiday_used_as_a_kind_of_thing_is_no_date() -> None:
    assert recognize("A truck ploughed into a Christmas market.", PUB) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In March 2015 rebels took the town. The following month they lost it.", ("The following month", "2015-04")),
        ("He was promoted in 1995, and the following year he was appointed envoy.", ("the following year", "1996")),
        ("Talks began on 3 May. The following week the truce collapsed.", ("The following week", "2016-W19")),
        ("It happened in June 2014. That same month, prices fell.", ("That same month", "2014-06")),
        ("The day before last Tuesday's hearing, he met the judge.", ("The day before", "2016-10-17")),
    ],
)
def test_anaphors_count_from_the_date_named_before_or_after(text: str, expected: tuple[str, str]) -> None:
    found = [(t.text, t.value) for t in recognize(text, PUB)]
    assert expected in found


def test_following_month_without_an_earlier_date_gets_no_value() -> None:
    assert [(t.text, t.value) for t in recognize("The following month they lost it.", PUB)] == [
        ("The following month", None)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 2014-15 budget was cut.", [("2014", "2014"), ("15", "2015")]),
        ("in the 1999-2000 season", [("1999", "1999"), ("2000", "2000")]),
        ("FY2015 revenue rose.", [("FY2015", "2015")]),
        ("FY16 revenue fell.", [("FY16", "2016")]),
        ("In the 90s the town grew.", [("the 90s", "199")]),
        ("Resolution 2014-15 was adopted.", []),
        ("The score was 2014-2012.", []),
    ],
)
def test_year_ranges_fiscal_years_and_decades(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in recognize(text, PUB)] == expected


def test_a_deadline_month_lies_ahead_and_a_year_deep_in_another_clause_sets_nothing() -> None:
    assert only("Flights will double by August.", dt.date(1998, 2, 13))[2] == "1998-08"
    text = "Under a plan approved in 1987 that set no amount, the firm had bought shares through Sept. 29."
    found = {t.text: t.value for t in recognize(text, dt.date(1989, 10, 30))}
    assert found["Sept. 29"] == "1989-09-29"


def test_fronted_time_takes_the_tense_of_its_main_clause() -> None:
    assert only("On Tuesday, the league plans to hold a news conference.", dt.date(1998, 10, 26))[2] == "1998-10-27"
    assert only("In January, the company hired a new chief.", dt.date(1998, 10, 25))[2] == "1998-01"


def test_last_week_on_a_sunday_is_the_iso_week_before() -> None:
    assert only("Rebels killed three soldiers last week.", dt.date(1998, 3, 1))[2] == "1998-W08"


@pytest.mark.parametrize(
    "text",
    [
        "Once the convoy arrives, aid will be handed out.",
        "The rebels once again shelled the road.",
        "The airport has been closed only once before.",
    ],
)
def test_once_is_a_conjunction_or_a_count_not_a_time(text: str) -> None:
    assert recognize(text, PUB) == []


def test_abbreviations_do_not_end_a_sentence() -> None:
    from sitrep.timex.tense import sentence_bounds

    text = "Gen. Ahmed met Sen. Kerry on Oct. 12 near St. Paul. The talks failed."
    assert sentence_bounds(text) == [0, text.index("The talks")]
    # The past tense after "vs." still governs the month before it.
    text = "In January, days after the Smith vs. Jones ruling, a bomb killed a guard."
    assert recognize(text, dt.date(1998, 10, 25))[0].value == "1998-01"


def test_verbs_in_eed_are_no_past_tense() -> None:
    text = "Ms. Okafor, 52, will succeed Mr. Bello Feb. 1, soon after the board meets."
    assert only(text, dt.date(2015, 10, 26)) == ("Feb. 1", "DATE", "2016-02-01")


def test_verbs_of_intent_look_ahead() -> None:
    text = "The alliance has agreed to admit the two states in early March, an envoy said."
    assert only(text, dt.date(2009, 2, 10)) == ("early March", "DATE", "2009-03")


def test_previous_weekday_counts_from_the_last_day_named() -> None:
    text = "The index fell on Tuesday, Oct. 11. The previous Friday it had risen."
    found = [(t.text, t.value) for t in recognize(text, PUB)]
    assert found == [("Tuesday, Oct. 11", "2016-10-11"), ("The previous Friday", "2016-10-07")]
    # Without a day named before it, it is the one before publication.
    assert only("Prices were down from the previous Friday.", MONDAY)[2] == "2016-10-21"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares were up at mid-afternoon yesterday.", ("mid-afternoon yesterday", "TIME", "2016-10-21TAF")),
        ("Police arrived late morning Thursday.", ("late morning Thursday", "TIME", "2016-10-20TMO")),
        ("The envoy will speak later this afternoon.", ("later this afternoon", "TIME", "2016-10-22TAF")),
        ("The offer expired at midnight Friday.", ("midnight Friday", "TIME", "2016-10-21T24:00")),
    ],
)
def test_part_of_day_before_a_day(text: str, expected: tuple[str, str, str]) -> None:
    assert only(text) == expected


def test_one_day_after_a_modal_is_some_day_to_come() -> None:
    assert only("The town could one day be rebuilt.") == ("one day", "DATE", "FUTURE_REF")
    assert only("The strike lasted one day.") == ("one day", "DURATION", "P1D")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting may spread in coming months.", ("coming months", "DATE", "FUTURE_REF")),
        ("Losses will shrink in future quarters.", ("future quarters", "DATE", "FUTURE_REF")),
        ("Floods were rare in past years.", ("past years", "DATE", "PAST_REF")),
        ("It returned to profit after several quarters of losses.", ("several quarters", "DURATION", "PXQ")),
    ],
)
def test_vague_plural_spans_ahead_and_behind(text: str, expected: tuple[str, str, str]) -> None:
    assert only(text) == expected


def test_quarters_that_are_fractions_or_places_are_no_time() -> None:
    assert recognize("The city imports three-quarters of its grain.", PUB) == []
    assert recognize("Troops searched the living quarters.", PUB) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit fell from $9 million in the same quarter last year.", ("the same quarter last year", "2016-Q3")),
        (
            "Sales rose in the quarter, against a loss in the quarter a year earlier.",
            ("the quarter a year earlier", "2016-Q3"),
        ),
        ("Exports were up 4% on the same period last year.", ("the same period last year", "2016")),
        ("Margins narrowed from last year's quarter.", ("last year's quarter", "2016-Q3")),
    ],
)
def test_the_same_period_a_year_back(text: str, expected: tuple[str, str]) -> None:
    found = [(t.text, t.value) for t in recognize(text, dt.date(2017, 10, 25))]
    assert expected in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rebels attacked on Friday. By mid-afternoon they held the bridge.",
            ("mid-afternoon", "TIME", "2016-10-21TAF"),
        ),
        ("Rebels attacked on Friday. In the evening they withdrew.", ("the evening", "TIME", "2016-10-21TEV")),
        ("By mid-morning the roads were closed.", ("mid-morning", "TIME", "2016-10-22TMO")),
        ("The mortar fell at 4 in the morning.", ("4 in the morning", "TIME", "2016-10-22T04:00")),
        ("Sirens sounded at 10 at night.", ("10 at night", "TIME", "2016-10-22T22:00")),
        ("Rebels attacked on Friday and later in the day withdrew.", ("the day", "DATE", "2016-10-21")),
    ],
)
def test_parts_of_the_day_named_alone(text: str, expected: tuple[str, str, str]) -> None:
    found = [(t.text, t.type, t.value) for t in recognize(text, PUB)]
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers imposed a night-time curfew after a night raid on the camp.",
        "Fighters of the March 23 Movement took the border post.",
        "Veterans of the 6 April Youth Movement marched again.",
        "The Good Friday Agreement was signed in Belfast.",
        "A film about the Easter Rising opened in Dublin.",
        "Historians still argue over the October Revolution.",
        "A grenade hit the church during the evening service.",
    ],
)
def test_times_inside_names_and_modifiers_are_no_time(text: str) -> None:
    assert recognize(text, PUB) == []


def test_a_week_of_events_is_a_span_not_a_rate() -> None:
    assert only("At least 60 people died in a week of clashes.") == ("a week", "DURATION", "P1W")
    assert only("Ten people die a week on the roads.") == ("a week", "SET", "P1W")
    assert only("He spent a night in a cell.") == ("a night", "DURATION", "P1D")


def test_a_past_year_in_a_side_clause_does_not_date_a_future_month() -> None:
    found = recognize("The talks, which began in late 2012, will resume in April.", dt.date(2013, 3, 14))
    assert [(t.text, t.value) for t in found] == [("late 2012", "2012"), ("April", "2013-04")]
    found = recognize("In 2012, the talks resumed in April.", dt.date(2013, 3, 14))
    assert [(t.text, t.value) for t in found] == [("2012", "2012"), ("April", "2012-04")]


THURSDAY = dt.date(2013, 3, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A past form after "to" or a modal is a base form: the sentence still looks ahead.
        ("The storm is expected to hit the coast late Saturday.", ("late Saturday", "2013-03-16")),
        # Present-tense verbs of schedule look ahead.
        ("The minister arrives Friday for talks.", ("Friday", "2013-03-15")),
        ("The summit opens on Monday in Cairo.", ("Monday", "2013-03-18")),
        # A future tense outweighs the nearness of a day already past.
        ("The law was passed on Tuesday and will take effect on Jan. 1.", ("Jan. 1", "2014-01-01")),
        # A quarter still ahead, told in the past, is last year's.
        ("The firm said third-quarter profit rose 12 percent.", ("third-quarter", "2012-Q3")),
        ("Sales will rise in the third quarter.", ("the third quarter", "2013-Q3")),
    ],
)
def test_tense_cues_place_days_months_and_quarters(text: str, expected: tuple[str, str]) -> None:
    found = [(t.text, t.value) for t in recognize(text, THURSDAY)]
    assert expected in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A hearing is set for the week of March 6.", ("the week of March 6", "2000-W10")),
        ("The vote is set for the second week of April.", ("the second week of April", "2000-W14")),
        ("Talks end in the last week of March.", ("the last week of March", "2000-W13")),
    ],
)
def test_the_week_of_a_day_or_the_nth_week_of_a_month(text: str, expected: tuple[str, str]) -> None:
    assert [(t.text, t.value) for t in recognize(text, dt.date(2000, 2, 24))] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Output rose in the first half of 2012.", [("the first half of 2012", "2012-H1")]),
        ("Prices will fall in the second half of next year.", [("the second half of next year", "2014-H2")]),
        ("Exports will recover in the first quarter of next year.", [("the first quarter of next year", "2014-Q1")]),
        ("He was sent off in the second half of the match.", []),
        ("Sales slid through the last half of the '80s.", [("the '80s", "198")]),
    ],
)
def test_halves_and_quarters_of_a_year_but_not_of_a_match(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in recognize(text, THURSDAY)] == expected


def test_the_far_end_of_a_range_follows_the_near_end() -> None:
    found = recognize("The rainy season runs from June 1 to Nov. 30.", THURSDAY)
    assert [(t.text, t.value) for t in found] == [("June 1", "2013-06-01"), ("Nov. 30", "2013-11-30")]
    found = recognize("The fair ran from Dec. 20 to Jan. 5.", THURSDAY)
    assert [(t.text, t.value) for t in found] == [("Dec. 20", "2012-12-20"), ("Jan. 5", "2013-01-05")]


def test_the_day_before_an_event_restating_a_date() -> None:
    found = recognize("He was last seen on Oct. 2, the day before the warrant was issued.", PUB)
    assert [(t.text, t.value) for t in found] == [("Oct. 2", "2016-10-02"), ("the day", "2016-10-02")]


def test_or_so_before_ago() -> None:
    assert only("A week or so ago, the general changed his plan.", MONDAY) == ("A week or so ago", "DATE", "2016-W42")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("January nineteen ninety-seven. Another bomb went off.", ("January nineteen ninety-seven", "1997-01")),
        ("We saw that price in the winter of nineteen ninety-four.", ("the winter of nineteen ninety-four", "1994-WI")),
        ("The rally is on March eighth.", ("March eighth", "2016-03-08")),
        ("Fireworks lit the sky on the fourth of July.", ("the fourth of July", "2016-07-04")),
    ],
)
def test_dates_spoken_in_words(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(t.text, t.value) for t in recognize(text, PUB)]
