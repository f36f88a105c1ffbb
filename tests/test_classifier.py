"""The learned event classifier: its committed head, its calibrated output, and how it checks the rules' mentions."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from sitrep.encoder import DIM, pool
from sitrep.errors import SitrepError
from sitrep.events.classifier import NONE, REPORTABLE, from_json, head, predict, probabilities, rule_features
from sitrep.events.taxonomy import CODES


def test_head_has_every_sub_type_and_no_event() -> None:
    ensemble = head()
    assert ensemble.labels == (*CODES, NONE)
    # several networks trained alike from different seeds
    assert len(ensemble.members) >= 3
    for h in ensemble.members:
        assert h.labels == ensemble.labels
        # the mean- and max-pooled embeddings, the token layer's units max-pooled, then the rules' reading
        assert [name for name, _ in h.pooling] == ["mean", "max", "token"]
        assert h.token_layer is not None and h.token_layer[0].shape[0] == DIM
        assert h.inputs == 2 * DIM + h.token_layer[0].shape[1] + len(h.labels)
        assert h.layers[-1][0].shape[1] == len(h.labels)
        assert h.temperature > 0
    # the members' token layers side by side, so the encoder pools them all in one pass
    together = ensemble.token_layer
    assert together is not None
    assert together[0].shape[1] == sum(h.token_layer[0].shape[1] for h in ensemble.members if h.token_layer)
    assert not np.array_equal(ensemble.members[0].layers[0][0], ensemble.members[1].layers[0][0])


@pytest.mark.slow
def test_an_ensemble_averages_its_members() -> None:
    ensemble = head()
    texts = ["Gunmen killed five villagers in Zamfara on Sunday.", "Stocks rose in Lagos."]
    pooled = pool(texts, token_layer=ensemble.token_layer)
    start, each = 0, []
    for h in ensemble.members:
        assert h.token_layer is not None
        width = h.token_layer[0].shape[1]
        own = {**pooled, "token": pooled["token"][:, start : start + width]}
        each.append(h.probabilities(h.embeddings(own)))
        start += width
    assert np.allclose(ensemble.probabilities(pooled), np.mean(each, axis=0), atol=1e-6)
    # a head file of one network (before the ensemble) still loads as a single member
    one = json.loads(resources.files("sitrep.data").joinpath("event_head.json").read_text("utf-8"))
    single = from_json({"labels": one["labels"], **one["members"][0]})
    assert len(single.members) == 1 and np.allclose(single.probabilities(pooled), each[0], atol=1e-6)
    with pytest.raises(SitrepError):
        from_json({"labels": one["labels"], "members": []})


def test_head_records_its_fresh_figures() -> None:
    data = json.loads(resources.files("sitrep.data").joinpath("event_head.json").read_text("utf-8"))
    assert data["fresh"]["snippets"] >= 1000
    assert data["fresh"]["weighted_f1"] >= 0.8
    assert data["trained_on"]["per_label"][NONE] >= 500
    # the head earns its place: on snippets it never saw it beats the rules it reads
    assert data["fresh"]["weighted_f1"] > data["fresh"]["rules"]["weighted_f1"]


def test_rule_features_give_the_rules_reading_or_nothing() -> None:
    labels = head().labels
    f = rule_features([None, set(), {"ARREST"}, {"ARREST", "ATTACK", "UNKNOWN"}], labels)
    assert f.shape == (4, len(labels))
    assert not f[0].any()  # not consulted
    assert f[1, labels.index(NONE)] == 1.0 and f[1].sum() == 1.0
    assert f[2, labels.index("ARREST")] == 1.0 and f[2].sum() == 1.0
    assert f[3, labels.index("ARREST")] == f[3, labels.index("ATTACK")] == 0.5 and f[3].sum() == 1.0


@pytest.mark.slow
def test_the_rules_reading_moves_the_head() -> None:
    text = "Hundreds of farmers marched to the governor's office in Jos on Monday."
    alone, read_as_protest = probabilities([text, text], [None, {"PEACE_PROTEST"}])
    col = head().labels.index("PEACE_PROTEST")
    assert read_as_protest[col] > alone[col]


@pytest.mark.slow
def test_probabilities_are_a_distribution() -> None:
    p = probabilities(["Gunmen killed five villagers in Zamfara on Sunday.", "Stocks rose in Lagos."])
    assert p.shape == (2, len(head().labels))
    assert np.allclose(p.sum(axis=1), 1.0, atol=1e-4)
    assert probabilities([]).shape == (0, len(head().labels))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Warplanes pounded rebel positions in Idlib province on Tuesday, killing 12 people, monitors said.",
         "AIR_STRIKE"),
        ("Police fired tear gas to disperse hundreds of protesters in Nairobi on Thursday.", "PROTEST_WITH_INTER"),
        ("Gunmen abducted 20 schoolchildren from a boarding school in Kaduna state overnight.", "ABDUCT_DISSAP"),
        ("The central bank raised interest rates by half a point on Wednesday.", None),
        ("Floods swept away dozens of homes in northern Pakistan after days of heavy rain.", None),
    ],
)
def test_clear_cases(text: str, code: str | None) -> None:
    (pred,) = predict([text])
    assert pred.code == code


def test_fill_in_adds_the_classifier_event_to_a_lead_the_rules_missed_and_nothing_later() -> None:
    from sitrep.events import find_events
    from sitrep.events.coder import code_events
    from sitrep.ingest import article_from_text
    from sitrep.nlp import load

    nlp = load()
    # (the head of the twenty-sixth session, surer of no event, reads the bare "Caches of ammunition were
    # unearthed near a dam ..." at only 0.49 and leaves it empty)
    lead = ("Caches of rifles, grenades and ammunition belonging to the militia were unearthed near a dam outside "
            "Oudtshoorn on Friday.")
    article = article_from_text(lead)
    doc = nlp(lead)
    assert code_events(doc, article) == []  # the rules miss it
    (event,) = find_events(doc, article)
    assert event.code == "DISR_WEAP" and event.status == "occurred"
    assert (event.evidence.start, event.evidence.end) == (0, len(lead))
    assert lead[event.evidence.trigger_start : event.evidence.trigger_end] == event.evidence.trigger
    # the same sentence after two others is detail of an article, not its lead: not filled in
    later = "Storms hit the coast. Nothing else happened on Monday. " + lead
    assert find_events(nlp(later), article_from_text(later)) == []


def _rules_and_combined(text: str) -> tuple[list[str], list[str]]:
    from sitrep.events import find_events
    from sitrep.events.coder import code_events
    from sitrep.ingest import article_from_text
    from sitrep.nlp import load

    doc = load()(text)
    article = article_from_text(text)
    rules = sorted(e.code for e in code_events(doc, article) if e.status == "occurred")
    return rules, sorted(e.code for e in find_events(doc, article) if e.status == "occurred")


@pytest.mark.slow
def test_a_rule_mention_the_classifier_reads_as_another_sub_type_is_recoded() -> None:
    text = "Riot police pepper-sprayed and shoved pensioners protesting outside parliament in Nairobi on Wednesday."
    assert _rules_and_combined(text) == (["PEACE_PROTEST"], ["PROTEST_WITH_INTER"])


@pytest.mark.slow
def test_a_snippet_read_as_two_sub_types_keeps_the_one_the_classifier_reads() -> None:
    text = ("Al-Shabaab fighters have set up a new base in the forest near Jilib, from where they launch "
            "raids on nearby villages, officials said.")
    assert _rules_and_combined(text) == (["ATTACK", "HQ_ESTABLISHED"], ["HQ_ESTABLISHED"])
    # an article's sentence keeps both readings
    article = " ".join([text, "The base holds about 300 fighters.", "Talks resume next week.", "The union said so."])
    rules, combined = _rules_and_combined(article)
    assert rules == combined == ["ATTACK", "HQ_ESTABLISHED"]


@pytest.mark.slow
def test_an_article_keeps_the_rules_reading_of_its_lead() -> None:
    lead = "Riot police pepper-sprayed and shoved pensioners protesting outside parliament in Nairobi on Wednesday."
    article = " ".join(
        [lead, "The pensioners want their arrears paid.", "Talks resume next week.", "The union said so."]
    )
    rules, combined = _rules_and_combined(article)
    assert rules == combined == ["PEACE_PROTEST"]


@pytest.mark.slow
def test_a_rule_mention_the_classifier_holds_to_tell_no_event_is_dropped() -> None:
    text = "The opposition bench clashed with the speaker over the order of business on Tuesday."
    assert _rules_and_combined(text) == (["ARMED_CLASH"], [])


@pytest.mark.slow
def test_no_mention_is_filled_in_where_the_rules_see_an_accident_or_a_disaster() -> None:
    from sitrep import extract_text

    leak = extract_text("Toxic gas leaked from a chemical plant in Visakhapatnam on Thursday, killing 11 people.")
    assert [e.code for e in leak.events if e.status == "occurred"] == []


@pytest.mark.slow
def test_no_arrest_is_filled_in_where_the_rules_held_an_arrest_to_be_ordinary_crime() -> None:
    from sitrep.events.classifier import predict as head_reads

    # the head alone reads an arrest where no political detainee, armed group or official is named; the
    # rules read none (the head of 2026-12-06 no longer reads real police-blotter lines of LGL as arrests:
    # "Nikki Lynn Barlow, 18, of 208 Routon St. was arrested by PPD Patrolman Amanda Forrest.")
    text = "Police arrested 12 people in overnight raids across the city."
    assert head_reads([text], [set()])[0].code == "ARREST"
    assert _rules_and_combined(text) == ([], [])
    # and, as a regression line, the real blotter line the head of the twenty-sixth session reads alone
    blotter = "Nikki Lynn Barlow, 18, of 208 Routon St. was arrested by PPD Patrolman Amanda Forrest."
    assert _rules_and_combined(blotter) == ([], [])
    political = "Police in Tbilisi arrested nine opposition activists on Monday, the party said."
    assert _rules_and_combined(political)[1] == ["ARREST"]


@pytest.mark.slow
def test_the_head_reads_an_event_beside_one_the_rules_set_aside() -> None:
    # the rules read the fighting as negated ("without fighting"); the ground changing hands is the news
    text = ("Militants who had held the village of Mbau left on Friday and Congolese soldiers returned to it "
            "without fighting, local sources said.")
    from sitrep.events import find_events
    from sitrep.events.coder import code_events
    from sitrep.ingest import article_from_text
    from sitrep.nlp import load

    doc = load()(text)
    article = article_from_text(text)
    assert [(e.code, e.status) for e in code_events(doc, article)] == [("ARMED_CLASH", "negated")]
    assert sorted((e.code, e.status) for e in find_events(doc, article)) == [
        ("ARMED_CLASH", "negated"), ("NON_VIOL_TERRIT_TRANSFER", "occurred")]
    # beside a plan the head's reading is the plan's (a review's sentence)
    plan = "The rebels announced they would withdraw from Goma and hand it to the army."
    plan_doc = load()(plan)
    assert not [e.code for e in find_events(plan_doc, article_from_text(plan)) if e.status in REPORTABLE]


@pytest.mark.slow
def test_a_filled_in_event_hangs_on_the_clause_before_a_semicolon() -> None:
    # the root after the semicolon is negated ("has not been told"); the news is the clause before it
    text = ("Men in plain clothes seized an activist from her home in Harare on Monday; her family has not "
            "been told where she is held.")
    assert _rules_and_combined(text) == ([], ["ABDUCT_DISSAP"])


@pytest.mark.slow
def test_a_head_sure_enough_fills_in_past_the_word_guards() -> None:
    from sitrep.events.classifier import _settings
    from sitrep.events.classifier import predict as head_reads

    s = _settings()
    # no word of the political set, so the rules read no arrest: the head's reading fills in exactly when
    # it is sure enough (which of these it is sure of moves from one retraining to the next; the forty-
    # second session's head lost the first, at 0.80)
    detained = ["Police detained a suspected saboteur near the railway bridge in Kursk on Tuesday.",
                "Russian security services detained a Ukrainian saboteur in the Kursk region, TASS reported.",
                "Belarusian KGB officers detained a Polish saboteur near Grodno, state media reported.",
                "Russian border guards detained three Ukrainian saboteurs who crossed into the Bryansk region."]
    sure = [head_reads([text], [set()])[0].confidence >= s["needs_waived_at"] for text in detained]
    assert any(sure) and not all(sure)
    for text, waived in zip(detained, sure, strict=True):
        assert _rules_and_combined(text) == ([], ["ARREST"] if waived else [])
    # "Ebola" is a word of the disaster set that stops the fill-in below the head's surest readings
    clinic = "Gunmen stormed a clinic treating Ebola patients in Butembo on Friday and shot dead a doctor."
    assert head_reads([clinic], [set()])[0].confidence >= s["veto_waived_at"]
    assert _rules_and_combined(clinic) == ([], ["ATTACK"])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "head_fills"),
    [
        # a fire told by its fighters or its cause is no arson (the head of the thirtieth session reads
        # the first as no event by itself)
        ("Fire razed dozens of homes and shops in the Makoko waterfront slum on Sunday.", False),
        ("Fire razed the Ochanja market in Onitsha early on Sunday, destroying goods worth billions of naira.",
         False),
        # what the rules set aside as history or as an attribution is not filled in either (a regression
        # line: the head of the twenty-sixth session reads it as no event by itself)
        ("Ten years after 276 girls were abducted from their school in Chibok, parents gathered to pray.", False),
        # a sentence that reacts to an event it names (after a real wire line, AQUAINT 1999: "Religious
        # leaders in Buffalo also condemned the shooting")
        ("The UN condemned the air strike on the hospital in Marib.", True),
        ("Religious leaders condemned the killing of the villagers.", False),
        ("Local leaders condemned the shooting of the farmers.", False),
    ],
)
def test_no_mention_is_filled_in_for_fires_history_or_reactions(text: str, head_fills: bool) -> None:
    from sitrep.events.classifier import _settings
    from sitrep.events.classifier import predict as head_reads

    if head_fills:
        # the head alone is sure enough to fill one in: only the guards keep the combination empty
        pred = head_reads([text], [set()])[0]
        assert pred.code is not None and pred.confidence >= _settings()["add_when_at_least"]
    assert _rules_and_combined(text) == ([], [])
