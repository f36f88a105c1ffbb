"""An event's status (occurred, announced, denied, negated, claimed, threatened, planned,
hypothetical) from negation, modality and governing verbs; None when it is no dated event."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .lexicon import StatusCues, WordSet
from .roles import REPORTING, ancestors, misread_finite, teller_after

__all__ = ["is_background", "is_pluperfect", "is_prior", "is_state", "status_of"]

_MODAL_TAGS = frozenset({"MD"})
# "no fewer than 35": "no" bounds a number there, it does not deny the noun
_BOUNDS = frozenset({"fewer", "more", "less", "longer"})


def _forms(tok: Token) -> tuple[set[str], str]:
    """A verb's lemma, and its lemma with particle/preposition/object ("call for", "claim responsibility")."""
    lemma = tok.lemma_.lower()
    words = {lemma, tok.lower_}
    parts = [lemma]
    for c in tok.children:
        if c.dep_ in ("prt", "prep", "dobj", "aux", "acomp") and c.i > tok.i:
            parts.append(c.lemma_.lower())
            words.add(f"{lemma} {c.lemma_.lower()}")
    return words, " " + " ".join(parts) + " "


def _has(ws: WordSet, tok: Token) -> bool:
    words, joined = _forms(tok)
    return ws.in_words(words, joined)


def _claims(tok: Token, cues: StatusCues) -> bool:
    """A word of an unverified claim ("claimed responsibility"), but not of a toll ("claimed 38 lives")."""
    return (_has(cues.claimed, tok) and not _has(cues.claimed_not, tok)) or tok.lemma_.lower() == "responsibility"


def _accuses(claim: Token, trigger: Token, cues: StatusCues) -> bool:
    """A claim whose clause names its doer ("opposition forces claimed that Russian jets hit an outpost",
    "..., the party claimed"): told as a statement is (event_rules.yaml ``hearsay``); a claim of the
    teller's own act by a pronoun ("claimed to have killed 50", "claimed its fighters had captured the
    village") or one a post or a video makes stays unverified."""
    if claim.lemma_.lower() != "claim" or claim.pos_ != "VERB":
        return False
    clause = next((c for c in claim.children if c.dep_ == "ccomp" and trigger in c.subtree), None)
    doer = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if doer is None or doer.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in doer.children):
        return False
    claimer = next((c for c in claim.children if c.dep_ == "nsubj"), None)
    return claimer is None or not (claimer.lemma_.lower() in cues.hearsay or claimer.lower_ in cues.hearsay
                                   or claimer.lemma_.lower() == doer.lemma_.lower())


# lags that put a clause's act well before the sentence's own ("a month after ...")
# words the status lexicon's `months` holds beside the months and weekdays
_SHORT_SPANS = frozenset({"day", "week", "weekend"})
_LONG_LAGS = frozenset({"week", "weeks", "month", "months", "year", "years", "decade", "decades"})
# modals that make an event possible, wished or owed rather than told
_UNREAL = frozenset({"could", "might", "may", "would", "should", "can", "must", "ought"})
# "any terrorist who attempted to attack the town": a relative clause of no one in particular
_ANY = frozenset({"any", "every", "each", "whoever"})


def _anchor(trigger: Token) -> Token:
    """The verb whose tense and modality are the event's: the trigger itself or the verb above it."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    for a in ancestors(trigger):
        if a.pos_ in ("VERB", "AUX"):
            return a
    return trigger


def _year(tok: Token) -> int | None:
    if tok.like_num and len(tok.text) == 4 and tok.text.isdigit():
        y = int(tok.text)
        if 1900 <= y <= 2100:
            return y
    return None


def _year_only(c: Token, months: frozenset[str]) -> bool:
    """ "in 2014" with no month or day: ACLED dates an event to the day, week or month at
    worst (time precision 1-3), so an event known only by its year is history."""
    sub = list(c.subtree)
    return len(sub) <= 4 and not any(g.lower_ in months or (g.like_num and _year(g) is None) for g in sub)


def _past_year(c: Token, trigger: Token, published_year: int | None, months: frozenset[str] = frozenset()) -> bool:
    """A year before publication attached to the event ("the 1982 massacre", "in 1945")."""
    years = [y for g in c.subtree if (y := _year(g)) is not None]
    if not years:
        return False
    if months and c.dep_ == "prep" and c.lower_ == "in" and _year_only(c, months):
        return published_year is None or min(years) < published_year
    earlier = published_year is not None and min(years) < published_year
    if c.dep_ in ("nummod", "compound", "amod", "npadvmod", "poss"):
        # (a whole date opening the sentence, as an event note opens ("Around 15 February 2022, ISGS
        # established a base"), or closing it, as a caption closes, dates the event itself)
        return earlier or (published_year is None and not (_framing(c) and _whole_date(c, months))
                           and not _opening_date(c, months))
    if c.dep_ == "prep" and c.lower_ == "in":
        # without a publication date, only a named past event ("the bombing of Dresden in 1945")
        return earlier or (published_year is None and trigger.pos_ in ("NOUN", "PROPN"))
    return c.dep_ == "prep" and c.lower_ == "during" and earlier


def _opening_date(c: Token, months: frozenset[str]) -> bool:
    """A month and year whose day the parse hung elsewhere, opening an event note ("On 1 December
    2016, gunmen killed ...": "December 2016" alone modifies the verb, "On 1" is apart)."""
    sent = c.sent
    first = c.left_edge.i
    day = c.doc[first - 1] if first - 1 >= sent.start else None
    return (day is not None and day.text.isdecimal() and 1 <= int(day.text) <= 31 and first - 2 == sent.start
            and c.doc[sent.start].lower_ in ("on", "around", "about")
            and any(g.lower_.rstrip(".") in months for g in c.subtree) and any(_year(g) for g in c.subtree))


def _framing(c: Token) -> bool:
    """The phrase opens its sentence or closes it (a caption's date, a credit line after it at most)."""
    sent = c.sent
    after = sent.doc[c.right_edge.i + 1 : sent.end]
    return c.left_edge.i == sent.start or (
        len(after) <= 4 and all(t.is_punct or t.is_upper for t in after))


def _whole_date(c: Token, months: frozenset[str]) -> bool:
    """The phrase names a day of a month of a year ("15 February 2022", "March 3, 2019"), or, closing
    a caption, a month of a year ("... after Russian jets struck the city, Nov. 2015.")."""
    sub = list(c.subtree)
    if not any(g.lower_.rstrip(".") in months for g in sub):
        return False
    day = any(g.text.isdigit() and 1 <= int(g.text) <= 31 for g in sub)
    closing = c.left_edge.i > c.sent.start and c.left_edge.nbor(-1).text == ","
    return day or (closing and any(_year(g) is not None for g in sub))


def _habitual_or_total(c: Token, cues: StatusCues) -> bool:
    """A short modifier that makes the event a repeat or a total ("every week", "so far")."""
    sub = list(c.subtree)
    if c.dep_ not in ("npadvmod", "advmod", "prep") or len(sub) > 9:
        return False
    before = c.left_edge.i - 1
    if before >= c.sent.start and c.doc[before].tag_ == "NN" and any(
            g.lower_ in cues.rank_words or (g.tag_ == "JJS" and g.lower_ not in ("least", "most"))
            for g in c.doc[before].children):
        return False  # "ousts Damiba in Burkina's second coup this year": the coup's rank, no total
    if cues.summary_periods.in_words(set(), " " + " ".join(g.lower_ for g in sub) + " "):
        return True
    if len(sub) > 5:
        return False
    if any(g.lower_ in ("every", "each") and g.dep_ == "det" for g in sub):
        return True
    if any(g.lower_ == "ago" for g in sub) and any(g.lower_ in ("years", "decades", "year") for g in sub):
        return True  # "ten years ago": history
    return cues.summary_words.in_words(set(), " " + " ".join(g.lower_ for g in sub) + " ")


def _names_a_day(clause: Token, cues: StatusCues) -> bool:
    """The clause names the day of what it tells ("yesterday launched attacks", "on Monday", "on Aug. 7")."""
    for t in clause.subtree:
        if t.ent_type_ not in ("DATE", "TIME"):
            continue
        if t.lower_ in cues.day_words:
            return True
        nxt = t.nbor() if t.i + 1 < len(t.doc) else None
        if t.lower_.rstrip(".") in cues.months and nxt is not None and nxt.text.isdigit() and 1 <= int(nxt.text) <= 31:
            return True
    return False


def _one_per_place(noun: Token) -> bool:
    """A plural event noun that names its places joined ("Terrorist bombings at U.S. embassies in Kenya
    and Tanzania blew apart buildings"): one event at each, no series ("the bombings at the embassies in
    Kenya and Tanzania have frightened away travelers" points back to them)."""
    if any(c.dep_ == "det" for c in noun.children) or noun.dep_ not in ("nsubj", "nsubjpass") or (
            noun.head.tag_ != "VBD"):
        return False  # ("victims of terrorist attacks on the embassies in Kenya and Tanzania": a reference)
    return any(t.dep_ == "conj" and t.ent_type_ in ("GPE", "LOC") and t.head.ent_type_ in ("GPE", "LOC")
               for t in noun.subtree)


def is_state(trigger: Token, code: str, cues: StatusCues) -> bool:
    """A participle before its noun that names the state the noun is in ("in occupied Crimea", "the
    captured commanders"), for the sub-types whose participles do so: no event told. Weapons keep
    theirs ("a booby-trapped car went off")."""
    if code not in cues.state_participle_codes:
        return False
    if trigger.dep_ == "amod" and trigger.tag_ in ("VBN", "JJ") and trigger.head.i > trigger.i:
        return True
    # "the area occupied by the sect leader": occupation told after its place is a state too
    if trigger.lemma_.lower() in cues.state_after_place and trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        return True
    # "in occupied Crimea" parsed as a verb right after its preposition, with no subject or auxiliary
    return (
        trigger.dep_ == "pcomp"
        and trigger.tag_ in ("VBN", "VBD")
        and trigger.i == trigger.head.i + 1
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in trigger.children)
    )


def _describes_subject(trigger: Token, cues: StatusCues) -> bool:
    """The trigger is the verb of a relative or participial clause on the sentence's subject that
    names no day ("Al-Shabaab, which has been fighting the government for years, ...")."""
    if trigger.dep_ not in cues.describing_clause_deps or trigger.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if (sum(1 for _ in trigger.doc.sents) < cues.describing_clause_from
            and not any(t.ent_type_ == "DATE" for t in trigger.subtree)
            and not _later_state(trigger.head.head, cues)):
        # a snippet or a caption standing alone tells its event in such a clause
        return False
    if misread_finite(trigger) and trigger.head.head.lemma_.lower() in REPORTING:
        return False  # "ADF fighters killed 70 civilians, a leader said": the told event, misread
    if teller_after(trigger.head) and not any(
            t.pos_ in ("VERB", "AUX") for t in trigger.doc[trigger.sent.start : trigger.head.i]):
        return False  # "Five soldiers killed in Ituri, army says": the headline's news, then its teller
    if _telegraphic(trigger):
        return False
    return not _names_a_day(trigger, cues)


def _later_state(verb: Token, cues: StatusCues) -> bool:
    """Whether a subject's verb tells what it says or what became of it since, not the scene of the clause
    describing it: "Women abducted by the gunmen told reporters ...", "A woman who was raped by soldiers now
    runs a shelter", "A village that was bombed has been rebuilt", "A journalist who was detained is running
    for parliament" (a caption's "sits outside a clinic" or "is seen on a wall" is the scene)."""
    if verb.lemma_.lower() in REPORTING:
        return True
    if any(c.dep_ == "advmod" and c.lower_ in cues.describing_clause_later for c in verb.children):
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lemma_ == "have" for a in aux) or (verb.tag_ == "VBG" and bool(aux))


def _telegraphic(trigger: Token) -> bool:
    """A headline of bare participles ("3 militant associates arrested, arms recovered in Pulwama"):
    the first is told like the main one, no clause describing its noun."""
    main = trigger.head.head
    sent = trigger.sent
    return (trigger.tag_ == "VBN" and trigger.i == trigger.head.i + 1 and main.dep_ == "ROOT"
            and main.tag_ in ("VBN", "VBD")
            and not any(c.dep_ in ("aux", "auxpass") for c in main.children)
            and sent[-1].text not in (".", "!", "?", '"', "”", "'"))


def _opens_with_year(trigger: Token, months: frozenset[str], published_year: int | None) -> bool:
    """A sentence that opens "In 2014, ..." (the parse often misattaches the year): history,
    as for "in 2014" attached to the event."""
    sent = trigger.sent
    if not months or len(sent) < 3 or sent[0].lower_ != "in" or (y := _year(sent[1])) is None:
        return False
    nxt = sent[2]
    if nxt.lower_ in months or nxt.like_num:
        return False
    return published_year is None or y < published_year


def is_background(trigger: Token, cues: StatusCues, published_year: int | None) -> bool:
    """True for history ("the 1982 massacre"), running totals ("since", "every week") and
    remembrance: told events that are no single dated event."""
    anchor = _anchor(trigger)
    if _opens_with_year(trigger, cues.months, published_year):
        return True
    if trigger.dep_ == "pobj" and trigger.head.head.lemma_.lower() in cues.pause_heads:
        return True  # "a pause in fighting", "an end to the shelling": no fighting told
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "of":
        # "accused the security forces of torture": a charge, no dated event
        charged = trigger.head.head
        if charged.dep_ == "dobj":
            charged = charged.head
        if charged.lemma_.lower() in cues.accusation_heads:
            return True
    if (
        trigger.pos_ == "NOUN"
        and trigger.dep_ == "pobj"
        and trigger.head.head.pos_ == "NOUN"
        and trigger.head.head.lemma_.lower() in cues.legal_heads
    ):
        return True  # "a suspect in the bombing", "evidence from the attack": the case, no event told
    if trigger.dep_ == "pobj" and (trigger.head.lower_ in cues.perpetrator_preps or (
            trigger.head.lower_ in ("in", "for") and trigger.head.head.lemma_.lower() in cues.perpetrator_heads)):
        return True  # "the gunman behind the killing", "militants involved in the attack": an attribution
    if (trigger.tag_ == "NNS" and trigger.lemma_.lower() in cues.series_nouns and not _names_a_day(anchor, cues)
            and not _one_per_place(trigger)):
        return True  # "58 attacks in the province", "repeated attacks": a series, no one event told
    if _describes_subject(trigger, cues):
        return True
    noun = trigger.head if trigger.dep_ in ("compound", "amod") else trigger  # "rocket attacks"
    if (
        noun.tag_ == "NNS"
        and noun.dep_ == "pobj"
        and noun.head.lower_ in ("to", "with")
        and (noun.head.head.lemma_.lower() in cues.habit_heads or noun.head.head.lower_ in cues.habit_heads)
    ):
        return True  # "Turkey has become accustomed to deadly attacks": a kind of event, none told
    around = [trigger] if anchor.i == trigger.i else [trigger, anchor]
    if anchor.dep_ == "conj" or (anchor.dep_ == "xcomp" and anchor.tag_ == "VBG"):
        # "Ten years ago, a gunman entered ... and killed seven"; "since 1985, 200 soldiers have been
        # killed fighting Hezbollah"
        around.append(anchor.head)
    # "The conflict began in 2011 when protests were crushed": the when-clause takes its year
    when = anchor.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in anchor.children)
    for tok in around:
        for c in tok.children:
            if _past_year(c, trigger, published_year, cues.months):
                return True
            if (
                c.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ == "since" for g in c.children)
                and not _causal(c)
                and not any(g.dep_ == "det" and g.lower_ in cues.no_determiner for g in trigger.children)
            ):
                return True  # "thousands have been killed since the insurgency began" (a total)
            if c.dep_ in ("prep", "mark") and c.lower_ == "since" and not (c.dep_ == "mark" and _causal(tok)) and not (
                    c.dep_ == "prep" and any(g.lower_ in cues.day_words for g in c.subtree)):
                return True  # (fighting "since dawn", "since Tuesday afternoon" goes on: one event)
            if _habitual_or_total(c, cues):
                return True
    if anchor.dep_ == "advcl" and any(c.lower_ == "since" and c.dep_ == "mark" for c in anchor.children) and not (
            _causal(anchor)):
        return True
    if any(c.dep_ == "mark" and c.lower_ in cues.background_preps for c in anchor.children) and any(
            c.dep_ == "npadvmod" and c.lemma_.lower() in ("year", "decade") for c in anchor.children):
        return True  # "Ten years after 276 girls were abducted from Chibok, parents gathered": history
    if when and any(_past_year(c, trigger, published_year, cues.months) for c in anchor.head.children):
        return True
    if (
        anchor.dep_ in ("relcl", "advcl")
        and any(c.dep_ == "advmod" and c.lower_ == "when" for c in anchor.children)
        and (y := _year(anchor.head)) is not None
        and (published_year is None or y < published_year)
    ):
        return True  # "the deadliest since 2015, when militants killed 147 students": history
    if _found_earlier(trigger, cues) or _found_earlier(anchor, cues):
        return True
    below = trigger
    for a in ancestors(trigger):
        # the subject of "end"/"stop" is an event that happened ("the protest ended without
        # incident"); a clause before its verb is reported speech or a misparse, not a complement
        via = below.dep_
        if (via == "prep" and below.lower_ in cues.background_preps) or (via == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in cues.background_preps for c in below.children)):
            return False  # what a refusal or a plan came "after" happened ("refusing more protests after
            # hundreds were injured in clashes")
        if via == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in cues.telling_marks
                                  for c in below.children) and any(c.dep_ == "nsubj" for c in below.children):
            return False  # a clause with its own doer tells when or why: "fled as insurgents fired mortar bombs"
        below = a
        if via == "nsubj" or (via in ("ccomp", "parataxis") and a.i > trigger.i):
            return False
        # a verb joined to one told as done is no complement of it ("stopped a bus ... and took away 13
        # passengers", "stopped the march and arrested 20"): both were done; "to stop ... and" is not
        if (a.pos_ in ("VERB", "AUX") and _has(cues.no_event_governors, a)
                and not (via == "conj" and a.tag_ in ("VBD", "VBZ", "VBP") and _has(cues.stopping_acts, a))
                and not _reduced_passive(a)):
            return True
    return False


def _reduced_passive(verb: Token) -> bool:
    """ "Gunmen suspected to be IPOB members ... set ablaze the INEC office": the small model makes the
    participle of "(who are) suspected to be" the main verb; it describes the doers, governing nothing."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and any(
        c.dep_ == "xcomp" and c.lemma_ == "be" for c in verb.children)


def _found_earlier(anchor: Token, cues: StatusCues) -> bool:
    """An event told in a relative clause, with an earlier month, of the subject of a finding ("the car
    bomb that exploded outside a police station in May had been planted on the orders of ...", "the
    drone strike that killed villagers in December was a mistake"): what investigators now say of an
    event told before, not news of it."""
    clause: Token | None
    if anchor.dep_ == "relcl":
        noun, clause = anchor.head, anchor  # the bomber who struck ...
    else:
        noun, clause = anchor, next((c for c in anchor.children if c.dep_ == "relcl"), None)  # the bomb that ...
    if clause is None or noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    main = noun.head
    finding = main.lemma_ == "be" or any(c.dep_ == "aux" and c.lower_ == "had" for c in main.children)
    # a month, or last month or year: not a day of the week, which news gives the event it reports
    dated = any((t.lower_ in cues.months and t.lower_ not in cues.day_words and t.lower_ not in _SHORT_SPANS)
                or (t.lower_ in ("month", "year") and t.i > 0 and t.nbor(-1).lower_ == "last")
                for t in clause.subtree)
    return finding and dated


def _causal(clause: Token) -> bool:
    """A "since" clause in the present tense gives a reason, not a start ("clashes have left one dead,
    since many are staging protests"; "killed since the insurgency began" counts from a start)."""
    tenses = {clause.tag_} | {c.tag_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    return bool(tenses & {"VBP", "VBZ"}) and not any(c.lower_ in ("has", "have", "'s", "'ve") and c.dep_ == "aux"
                                                     for c in clause.children)


def is_pluperfect(trigger: Token) -> bool:
    """The event told in the past perfect ("He had led protests against the result"): what came
    before the story's event, background once an earlier sentence has told that event."""
    anchor = _anchor(trigger)
    return anchor.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in anchor.children)


def is_prior(trigger: Token, cues: StatusCues) -> bool:
    """True for a noun told as what came before ("after a demonstration", "in retaliation for
    the air raid", "after days of fighting", "last week's bombing"): background when the
    sentence tells another event."""
    if any(
        c.dep_ == "poss" and c.lemma_.lower() in cues.background_heads and any(g.lower_ == "last" for g in c.children)
        for c in trigger.children
    ):
        return True  # "a vigil for classmates killed in last week's bombing"
    for clause in [trigger, *ancestors(trigger)][:4]:
        # "elected a new leader, a month after his predecessor was killed (in an air strike)"
        if any(c.dep_ == "mark" and c.lower_ in cues.background_preps for c in clause.children) and any(
                c.dep_ == "npadvmod" and c.lemma_.lower() in _LONG_LAGS for c in clause.children):
            return True
        if clause.pos_ in ("VERB", "AUX"):
            break
    if trigger.dep_ != "pobj":
        return False
    prep = trigger.head
    if prep.lower_ in cues.background_preps or prep.head.lemma_.lower() in cues.background_heads:
        return True
    # "after the death of its leader in a US air strike": a noun chain under "after"
    cur = prep.head
    for _ in range(3):
        if cur.dep_ != "pobj":
            return False
        if cur.head.lower_ in cues.background_preps:
            return True
        cur = cur.head.head
    return False


def _quoted_apart(trigger: Token) -> set[int]:
    """Token indices of the sentence's quotations that do not hold the trigger: the small parser may
    hang a clause on a quoted chant ("fired at crowds chanting 'Ruto must go'"), whose modal is not
    the event's."""
    out: set[int] = set()
    start = None
    for t in trigger.sent:
        if t.tag_ == "``" or (t.text in ('"', "\u201c") and start is None):
            start = t.i
        elif start is not None and (t.tag_ == "''" or t.text in ('"', "\u201d")):
            if not start < trigger.i < t.i:
                out.update(range(start + 1, t.i))
            start = None
    return out


# prepositions that place a noun in or after an event ("no injuries in the blast"): it is a toll, not the event
_IN_EVENT = frozenset({"in", "during", "from", "after", "at", "near", "since", "by", "following"})


def _about(trigger: Token, noun: Token, cues: StatusCues) -> bool:
    """The trigger is what ``noun`` is about ("no agreement on a truce", "no evidence that forces used
    gas", "no air raid alerts"), not an event it happened in ("no injuries in the blast") or a
    toll told after it ("bomb goes off near checkpost, no casualties")."""
    if noun.i > trigger.i and trigger.head.i != noun.i:
        return False
    for a in ancestors(trigger):
        if a.i == noun.i:
            return True
        if (a.dep_ == "prep" and a.lower_ in _IN_EVENT and a.head.i == noun.i
                and noun.lemma_.lower() in cues.toll_nouns):
            return False
    return False


def _none_of(noun: Token, cues: StatusCues) -> bool:
    """Whether a noun is determined by "no" ("no weapon"), not bounded by it ("no fewer than 35 bandits")."""
    return any(d.dep_ == "det" and d.lower_ in cues.no_determiner and d.nbor(1).lower_ not in _BOUNDS
               for d in noun.children if d.i + 1 < len(d.doc))


def _governing(trigger: Token) -> Iterator[Token]:
    """The trigger's ancestors, up to a clause a semicolon closes: "Gunmen shot nine travellers dead;
    the BLA claimed responsibility" tells the shooting, whatever the parse hangs it on."""
    cur = trigger
    for a in ancestors(trigger):
        if cur.dep_ in ("ccomp", "conj", "parataxis") and cur.i < a.i and any(
                t.text == ";" for t in cur.doc[cur.right_edge.i + 1 : a.i]):
            return
        yield a
        cur = a


def _told_relative(trigger: Token) -> set[int]:
    """The governors that sit above a past-tense relative clause holding the trigger."""
    cur = trigger
    for a in ancestors(trigger):
        if cur.dep_ == "relcl" and cur.tag_ == "VBD" and not any(
                c.dep_ == "aux" and c.tag_ == "MD" for c in cur.children) and not any(
                c.dep_ == "det" and c.lower_ in _ANY for c in a.children):
            return {a.i, *(b.i for b in ancestors(a))}
        cur = a
    return set()


def _aim(verb: Token, cues: StatusCues) -> bool:
    """An infinitive that says what something is for: "the interceptors were there to intercept", "the
    aim was to capture" (not "thousands were on the streets to protest": they were)."""
    be = verb.head
    return (
        verb.dep_ in ("advcl", "xcomp")
        and verb.tag_ == "VB"
        and be.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any((c.dep_ == "advmod" and c.lower_ == "there")
                or (c.dep_ == "nsubj" and c.lemma_.lower() in cues.aim_subjects) for c in be.children)
    )


def status_of(trigger: Token, code: str, cues: StatusCues) -> str:
    """The status of the event the trigger tells (reporting verbs leave it unchanged)."""
    anchor = _anchor(trigger)
    # "no shelling was reported", "there were no clashes"
    if _none_of(trigger, cues):
        return "negated"
    # "no weapon was recovered", "police found no bodies": the act's only object is none ("no one
    # was killed" tells a toll, not whether the attack happened)
    if trigger.pos_ == "VERB" and any(
        c.dep_ in ("nsubjpass", "dobj") and c.lower_ != "one" and _none_of(c, cues) for c in trigger.children
    ):
        return "negated"
    # "no reports of clashes", "no sign of fighting"
    if (
        trigger.dep_ == "pobj"
        and trigger.head.lower_ == "of"
        and any(c.dep_ == "det" and c.lower_ in cues.no_determiner for c in trigger.head.head.children)
    ):
        return "negated"
    for a in ancestors(trigger):
        if a.pos_ == "ADP" and a.lower_ == "without":
            return "negated"
        if a.i == anchor.i:
            break
    if anchor.dep_ == "pcomp" and anchor.head.lower_ == "without":
        return "negated"  # "left without signing an agreement"
    if any(c.dep_ == "neg" for c in anchor.children) or any(c.dep_ == "neg" for c in trigger.children):
        return "negated"
    modal = [c.lower_ for c in anchor.children if c.tag_ in _MODAL_TAGS or c.dep_ == "aux"]
    if anchor.dep_ == "xcomp" and anchor.tag_ == "VB" and anchor.head.lemma_.lower() in cues.directives:
        return "planned"  # "ordered civilians to evacuate", "called on the army to recruit"
    if (
        anchor.dep_ == "acl"
        and anchor.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
    ):
        # the aim of a noun: "operations to liberate Deir Ezzor", "an offensive to capture Marib"
        # (a verb's purpose, "returned to kill two more", is usually what then happened)
        return "planned"
    if _aim(anchor, cues):
        return "hypothetical"
    if (anchor.tag_ == "VB" and (anchor.dep_ == "ROOT" or (anchor.dep_ == "ccomp" and anchor.head.lemma_ == "say"))
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
            and any(c.dep_ == "nsubj" for c in anchor.children)):
        return "planned"  # a headline's future: "Mexico to send 10,000 troops to northern border"
    # "the factions announced they would dissolve": the announcement is the event (ACLED codes
    # announced ceasefires and group changes as told)
    if (
        code in cues.announced_codes
        and any(m in ("would", "will") for m in modal)
        and anchor.dep_ == "ccomp"
        and _has(cues.announced, anchor.head)
    ):
        return "announced"
    if any(m in _UNREAL for m in modal) and not ("must" in modal and "have" in modal):
        return "hypothetical"  # ("must have fled" infers what happened)
    marks = {c.lower_ for c in anchor.children if c.dep_ == "mark"}
    # "if they attack"; "before they demobilize" (present tense: not yet; past tense: it happened)
    # ("decide whether to hold a sit-in")
    if marks & {"if", "unless", "whether"} or (marks & {"before", "until"} and anchor.tag_ in ("VB", "VBP", "VBZ")):
        return "hypothetical"
    for c in trigger.children:  # "a scheduled protest", "a possible attack"
        if c.dep_ in ("amod", "compound") and _has(cues.hypothetical, c):
            return "hypothetical"
        if c.dep_ in ("amod", "compound") and _has(cues.planned, c):
            return "planned"
        if (c.dep_ == "relcl" and trigger.pos_ in ("NOUN", "PROPN") and c.tag_ in ("VBZ", "VBP")
                and c.lemma_.lower() in cues.intending_verbs):
            return "planned"  # "the rally that the opposition plans to hold" (not "had planned": it may be done)
    future = any(m in ("will", "shall", "'ll") for m in modal)
    chain = [a for a in _governing(trigger) if a.pos_ in ("VERB", "AUX", "NOUN", "ADJ")][:5]
    apart = _quoted_apart(trigger)
    told = _told_relative(trigger)
    for a in chain:
        if a.lemma_.lower() in REPORTING or a.i in apart:
            continue
        if a.i in told and not (_has(cues.denied, a) or _claims(a, cues)):
            # "hoped she would bring aid to the countries where the blasts killed 257": a past relative
            # clause tells a fact whatever wish or plan the noun it describes sits in
            continue
        if _aim(a, cues):
            return "hypothetical"
        if code in cues.attempt_codes and a.lemma_.lower() in cues.attempt_verbs:
            continue  # "activists who tried to stage a rally" that police broke up: it took place
        if a.lemma_.lower() in cues.failing_verbs or (
                a.pos_ == "NOUN" and _none_of(a, cues) and _about(trigger, a, cues)):
            return "negated"  # "failed to agree on a ceasefire", "no agreement on a truce was reached"
        if _has(cues.denied, a):
            return "denied"
        if _claims(a, cues) and not _accuses(a, trigger, cues):
            return "claimed"
        if _has(cues.threatened, a):
            return "threatened"
        if _has(cues.hypothetical, a):
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ in _UNREAL and c.lower_ != "can" for c in a.children):
            return "hypothetical"  # "police should be allowed to kill criminals"
        if _has(cues.planned, a):
            return "planned"
    if anchor.i != trigger.i and _has(cues.denied, anchor):
        return "denied"
    if future:
        return "planned"
    if code in cues.announced_codes:
        for a in [anchor, *ancestors(anchor)][:3]:
            if _has(cues.announced, a):
                return "announced"
    return "occurred"
