"""Event detection: triggers, ACLED sub-type and status for every sentence (captions included)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from spacy.tokens import Doc, Span, Token

from ..model import Article, Event, Evidence
from ..nlp import is_dateline, segment_kind, sentence_ents
from .actors import dictionary
from .counts import word_number
from .lexicon import NAMED_GROUP, NAMED_PLACE, Rules, Trigger, WordSet, rules
from .roles import (
    REPORTING,
    agents,
    ancestors,
    classify,
    governor,
    headline_passive,
    misread_finite,
    names_armed_group,
    singulars,
    target_class,
    targets,
    teller_after,
    word_bag,
)
from .status import is_background, is_pluperfect, is_prior, is_state, status_of
from .taxonomy import subtype
from .triggers import TriggerMatch, find_triggers

__all__ = ["SKIP_KINDS", "background_types", "blocked", "code_events"]

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# the sentences after a framing headline that its frame covers (the subtitle and the lead)
_FRAMED_LEAD = 2

# Segments that tell no event: keyword titles, photo credits, bylines, read-more links.
SKIP_KINDS = frozenset({"keywords", "credit", "byline", "readmore"})
# How a target is reached for by_object: its direct object or an "on/at/against" phrase.
_TARGET_VIA = frozenset({"dobj", "nsubjpass", "on", "at", "against", "of", "into", "attr", "upon"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_VIA = frozenset({"at", "of"})
_MOB_IGNORES = frozenset({"crime", "legal"})
# the links that name the other side of a fight ("a clash between cartel and army", "clashed with soldiers")
_SIDES_VIA = frozenset({"between", "with", "against"})
# an armed doer makes a blast or fire deliberate ("militants blew up a gas pipeline")
# (the narrower set still blocks: a crash or a technical fault is no attack whoever is near)
_ARMED_SWAP = {"accident": "accident_event"}
_ARMED_DOERS = frozenset({"nonstate", "state"})
_ARMED_IGNORES = frozenset({"sport"})
# blockers that the sources do not trip: "the state prosecutor said" is no court case
_SOURCE_BLIND = frozenset({"legal"})
# blockers whose word does not count when it names what the trigger struck or where it went (a
# court stormed, an embassy marched on)
_PLACE_BLIND = ("legal", "diplomacy", "medical")
_STRUCK_VIA = frozenset({"dobj", "nsubjpass", "on", "at", "into", "against", "to", "outside", "toward",
                         "towards", "near", "before", "upon"})
_TOLD = frozenset({"occurred", "announced"})
# the words that name a noun with it (not the clauses and phrases hung on it)
_NAMING_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "case"})
# The links that name the place a side was driven from ("drove the rebels out of Konna").
_LOSER_VIA = frozenset({"from", "out", "of", "out of"})
# The links that name what a trigger acts on, for object_not ("fought the charges", "fight against
# poverty"; not "under fire", "in a land dispute").
_OBJECT_NOT_VIA = frozenset({"dobj", "nsubjpass", "against"})
_CAPTURES = frozenset({"NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT"})
# what the next sentence tells of the force used on a protest (not new events)
_FORCE_TOLD = frozenset({"ATTACK", "ARMED_CLASH", "ARREST"})
_VIOLENT_ON_CROWDS = frozenset(
    {"GRENADE", "SUIC_BOMB", "REM_EXPLOS", "AIR_STRIKE", "ART_MISS_ATTACK", "ATTACK", "CHEM_WEAP"}
)
_PROTEST_CODES = frozenset({"PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"})


@dataclass
class _Candidate:
    trigger: Trigger
    code: str
    start: int
    end: int
    root: Token
    doer: bool = False
    prior: bool = False
    earlier: bool = False


@cache
def _gapped(phrase: str) -> re.Pattern[str]:
    """A masked phrase with a gap, "burn ... flag": up to three words between ("burning Serbian flags")."""
    first, last = (re.escape(w) for w in phrase.strip().split(" ... ", 1))
    return re.compile(rf" {first}\S*(?: \S+){{0,3}} {last}\S* ")


class _Context:
    """The words of one sentence, for the trigger entries' near/not_near conditions."""

    def __init__(self, sent: Span, skip: frozenset[int] = frozenset()) -> None:
        self.sent = sent
        # the month is no march ("after mobs attacked Muslim businesses, March 2018")
        skip = skip | {t.i for t in sent if t.lower_ == "march" and t.is_title and t.ent_type_ == "DATE"}
        toks = [t for t in sent if not _is_source(t) and t.i not in skip]
        self.words = singulars({t.lemma_.lower() for t in toks} | {t.lower_ for t in toks})
        self.lemmas = " " + " ".join(t.lemma_.lower() for t in toks) + " "
        self.lowers = " " + " ".join(t.lower_ for t in toks) + " "
        # blockers (disaster, history, crime...) see the whole sentence, sources included, but not the
        # words of a place's name: "the West Bank" holds no bank, "Sport City" no sport
        named = {t.i for e in sentence_ents(sent) if e.label_ in _PLACE_ENTS and len(e) > 1 for t in e
                 if t.is_title or t.is_upper}
        every = [t for t in sent if t.i not in skip and t.i not in named]
        # nor do a protest's sub-type cues: "a human chain along the ridge of Lion Rock" throws no rock
        plain = [t for t in toks if t.i not in named]
        self.cue_lemmas = " " + " ".join(t.lemma_.lower() for t in plain) + " "
        self.cue_lowers = " " + " ".join(t.lower_ for t in plain) + " "
        self.all_words = singulars({t.lemma_.lower() for t in every} | {t.lower_ for t in every})
        self.all_lemmas = " " + " ".join(t.lemma_.lower() for t in every) + " "
        self.all_lowers = " " + " ".join(t.lower_ for t in every) + " "

    @cached_property
    def named_group(self) -> bool:
        """The sentence names an armed group the actor dictionary holds (ACLED inter 2-4: "TPLF")."""
        return names_armed_group(self.sent.doc, self.sent.start, self.sent.end)

    def has(self, ws: WordSet) -> bool:
        return ws.in_words(self.words, self.lemmas) or any(p in self.lowers for p in ws.phrases)

    def has_any(self, ws: WordSet) -> bool:
        """Like ``has`` over every word of the sentence, the sources' included."""
        return ws.in_words(self.all_words, self.all_lemmas) or any(p in self.all_lowers for p in ws.phrases)

    def cue(self, ws: WordSet, removed: tuple[str, ...] = (), names: bool = True) -> bool:
        """Like ``has`` after blanking phrases that look like cues but are not ("riot police"); without
        the words of places' names unless ``names``."""
        lemmas, lowers = (self.lemmas, self.lowers) if names else (self.cue_lemmas, self.cue_lowers)
        for phrase in removed:
            if " ... " in phrase:
                gap = _gapped(phrase)
                lemmas, lowers = gap.sub(" ", lemmas), gap.sub(" ", lowers)
                continue
            lemmas, lowers = lemmas.replace(phrase, " "), lowers.replace(phrase, " ")
        words = set(lemmas.split()) | set(lowers.split())
        return ws.in_words(words, lemmas) or any(p in lowers for p in ws.phrases)


def _blocks(name: str, ctx: _Context, r: Rules) -> bool:
    """A not_near set found in the sentence; a "<set>_negated" set lists phrases that do not
    count ("without any fighting" is no fighting)."""
    negated = r.sets.get(name + "_negated")
    if negated is not None:
        return ctx.cue(r.sets[name], negated.phrases)
    return (ctx.has if name in _SOURCE_BLIND else ctx.has_any)(r.sets[name])


def blocked(sent: Span, names: list[str]) -> bool:
    """Whether the sentence holds a word of one of the named no-event sets of event_rules.yaml
    (accident, disaster, sport ...), as the rules' not_near conditions read them."""
    r = rules()
    ctx = _Context(sent)
    return any(n in r.sets and _blocks(n, ctx, r) for n in names)


def _vetoed(sent: Span, r: Rules) -> bool:
    """Whether a sentence veto set (a military exercise, a parade) names what the sentence tells; one
    named only as what people act against is a cause ("protesters rallied against the annual
    parades", "marched against the joint exercise")."""
    causes = frozenset(t.i for a in sent if a.lower_ == "against" and a.dep_ == "prep"
                       for o in a.children if o.dep_ == "pobj"
                       for t in [o, *(c for c in o.children if c.dep_ in _NAMING_DEPS)])
    ctx = _Context(sent, causes)
    return any(n in r.sets and _blocks(n, ctx, r) for n in r.sentence_vetoes)


def _is_source(tok: Token) -> bool:
    """A word of the subject of a reporting verb ("police said"): a source, not the event's context."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "nsubj" and cur.head.lemma_.lower() in REPORTING:
            if teller_after(cur):
                return False  # "16 soldiers killed in Mali ambush, army says": the news, then its teller
            # "ADF fighters killed 70 civilians ..., a leader said" misread: the doer, not a source
            return not any(misread_finite(c) for c in cur.children)
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _near(names: tuple[str, ...], ctx: _Context, r: Rules, own: frozenset[str] = frozenset()) -> bool:
    """A word of one of the sets in the sentence; ``own`` (the trigger's words) does not count."""
    for n in names:
        if n == NAMED_GROUP:
            if ctx.named_group:
                return True
            continue
        # a set of event_rules.yaml, else an actor class of actors.yaml ("nonstate": a rebel named)
        ws = r.sets.get(n) or next((w for name, w in r.actor_classes if name == n), None)
        if ws is None:
            continue
        if (ws.singles & ctx.words) - own or any(p in ctx.lemmas or p in ctx.lowers for p in ws.phrases):
            return True
    return False


def _event_head(head: Token, r: Rules) -> bool:
    """A noun that itself names an event or deal ("bomb attack", "ceasefire deal")."""
    return head.lemma_.lower() in r.sets["event_heads"].singles or head.lower_ in r.sets["event_heads"].singles


def _agent_class(
    root: Token, r: Rules, span: Span | None = None, via: frozenset[str] = frozenset()
) -> tuple[bool, str | None]:
    """Whether the trigger shows a doer, and the doer's actor class; with ``via`` the doer is the
    object of one of those prepositions ("the town fell to the rebels")."""
    if via and span is not None:
        found = [p for t in span if t.lower_ in via for p in t.children if p.dep_ == "pobj"]
    else:
        found = agents(root)
        sources = [a for a in found if _is_source(a)]
        if sources:
            # "The army said it had retaken X": "it" is the army; but "Both were killed, local
            # elders said" has a source and no doer, and in "They looted the clinic, a nurse
            # said" the doer is "they", told before the source
            prons = _own_pronouns(root)
            if not (prons and all(s.i < p.i for s in sources for p in prons)):
                found = [a for a in found if not _is_source(a)] or prons
    for a in found:
        cls = classify(a, r.actor_classes)
        if cls is not None:
            return True, cls
    if found and all(a.pos_ == "PRON" for a in found):
        # "M23 rebels walk past a tank as they enter Goma": the subject of the clause "they" hangs
        # on; "The gunmen arrived at midnight. They went from house to house ...": the previous
        # sentence's subject
        return True, _main_subject_class(found[0], r) or _previous_subject_class(root, r)
    return bool(found), None


def _main_subject_class(pron: Token, r: Rules) -> str | None:
    """The actor class of the subject of the clause a pronoun's clause hangs on, in the same sentence
    ("rebels walk past a tank as they enter Goma"), climbing adverbial clauses and conjuncts only."""
    cur = pron.head
    for _ in range(3):
        if cur.dep_ not in ("advcl", "conj") or cur.head.i == cur.i:
            return None
        cur = cur.head
        struck = [c for c in cur.children if c.dep_ in ("dobj", "nsubjpass")]
        struck += [p for c in cur.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        if any(_may_be_people(c, r) for c in struck):
            return None  # "gunmen killed an imam as he left prayers", "opened fire on worshippers as they left"
        for c in cur.children:
            if c.dep_ == "nsubj" and c.pos_ != "PRON" and (cls := classify(c, r.actor_classes)) is not None:
                return cls
    return None


def _may_be_people(tok: Token, r: Rules) -> bool:
    """A noun that may name people: a person, an actor of any class, a word of the person set."""
    return (tok.ent_type_ in ("PERSON", "NORP", "ORG") or classify(tok, r.actor_classes) is not None
            or r.sets["person"].in_words(*word_bag(tok)))


def _own_pronouns(root: Token) -> list[Token]:
    """The pronoun subject of the trigger's clause (climbing participles and conjuncts)."""
    cur = root
    for _ in range(4):
        prons = [c for c in cur.children if c.dep_ == "nsubj" and c.pos_ == "PRON"]
        if prons:
            return prons
        if cur.dep_ not in ("advcl", "conj", "xcomp", "pcomp") or cur.head.i == cur.i:
            break
        cur = cur.head
    return []


def _previous_subject_is(tok: Token, ws: WordSet) -> bool:
    """The previous sentence's first noun subject, or failing that its main verb's object, is a
    word of ``ws`` ("The city had been in jihadist hands ...", "The rebels have held the town
    since 2019": "it" in the next sentence is that place)."""
    start = tok.sent.start
    if start == 0:
        return False
    prev = tok.doc[start - 1].sent
    for t in prev:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") and ws.in_words(*word_bag(t)):
            return True
    return any(
        t.dep_ == "dobj" and t.head.i == prev.root.i and t.pos_ in ("NOUN", "PROPN") and ws.in_words(*word_bag(t))
        for t in prev
    )


def _previous_subject_class(tok: Token, r: Rules) -> str | None:
    """The actor class of the first classed subject of the sentence before ``tok``'s."""
    start = tok.sent.start
    if start == 0:
        return None
    for t in tok.doc[start - 1].sent:
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON":
            cls = classify(t, r.actor_classes)
            if cls is not None:
                return cls
    return None


def _object_ok(names: tuple[str, ...], tgs: list[tuple[Token, str]], r: Rules, root: Token) -> bool:
    """A target of the wanted kind; failing the parse, one of the next few words (the small
    model misattaches objects: "intercepted a missile fired ..." parsed as a clause)."""
    direct = [t for t in tgs if t[1] in ("dobj", "nsubjpass")]
    # "seized a car bomb ... in a town", "seize 1.5 tonnes of opium at the port": weapons and goods
    # taken are no ground taken, wherever they were
    if "territory" in names:
        # (a place named after a force is still a place: "overran an Assam Rifles post")
        goods = [(t, v) for t, v in direct if not r.sets["territory"].in_words({t.lemma_.lower(), t.lower_})]
        if _object_found(("weapon", "seized_goods"), goods, r):
            return False
        # "a soldier who was captured at the Battle of Richmond", "captured 20 militants in the
        # forest": people taken are no ground taken, whatever place the sentence names (people
        # driven "from" or "out of" a place are the side that lost it)
        people = [(t, v) for t, v in goods if r.sets["person"].in_words(*word_bag(t))
                  or target_class(t, r.actor_classes) in ("armed", "civilian", "nonstate", "state")]
        if (people and len(people) == len(direct) and not _object_found(names, direct, r)
                and not any(v in _LOSER_VIA for _, v in tgs)):
            return False
    if _object_found(names, tgs, r):
        return True
    if "territory" in names:
        # "The city had been in jihadist hands ... the army recaptured it": "it" is the place
        # the previous sentence is about
        for tok, via in tgs:
            if via == "dobj" and tok.lower_ == "it" and _previous_subject_is(tok, r.sets["territory"]):
                return True
    if any(via in ("dobj", "nsubjpass") for _, via in tgs):
        # the parse found the object, and it is not of the wanted kind ("a man ... has been captured
        # by Middletown police": the place after is the captors')
        return False
    window = []
    for tok in root.doc[root.i + 1 : min(root.i + 6, root.sent.end)]:
        if tok.is_punct:
            break
        window.append((tok, "window"))
    return _object_found(tuple(n for n in names if n != "from_place"), window, r)


def _charged_with(root: Token, ctx: _Context, r: Rules) -> bool:
    """The trigger lies inside what an accusation says ("accused of kidnapping"), or a court's or a
    charge's word is in the sentence ("the trial", "acquits", "charged with")."""
    ws = r.sets["accusation"]
    firsts = {p.split()[0] for p in ws.phrases if p in ctx.all_lemmas or p in ctx.all_lowers}
    for tok in ctx.sent:
        words = {tok.lemma_.lower(), tok.lower_}
        if not (ws.in_words(words) or not firsts.isdisjoint(words)) or tok.i == root.i:
            continue
        # only "accuse" may lay blame for the event or charge its victim with something else; a court's
        # words ("the trial", "verdicts over the May 9 riots", "Court acquits three") speak of the whole
        # sentence
        if tok.lemma_.lower() != "accuse" or root in tok.subtree:
            return True
    return False


def _taken_in_a_fight(tok: Token, via: str, r: Rules) -> bool:
    """A name taken in a fight by a verb that takes no people: ground, though the small NER reads
    many a town as a person ("RSF takes Bara after clashes with army", "retook Shewa Robit")."""
    named = tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.is_title and not tok.is_sent_start)
    if via not in ("dobj", "of") or not named or tok.ent_type_ not in ("PERSON", "ORG", "NORP", ""):
        return False
    taker = tok.head.head if via == "of" else tok.head  # "the takeover of Adale": the noun
    if r.sets["person_takers"].in_words({taker.lemma_.lower(), taker.lower_}):
        return False  # "police captured Abu Bakr after a firefight": a man
    if classify(tok, r.actor_classes) is not None:
        return False
    ctx = _Context(tok.sent)
    own = frozenset({taker.lemma_.lower(), taker.lower_})  # "overran" is no fight of its own
    return _near(("fight_cue",), ctx, r, own) and not _near(("fight_cue_negated",), ctx, r)


def _taken_from_a_side(tok: Token, r: Rules) -> bool:
    """The verb that governs ``tok`` took it "from" an armed side ("from Al-Shabaab", "from the rebels");
    people are handed "to" the army as often as places are."""
    return any(c.dep_ == "prep" and c.lower_ == "from" and any(
        p.dep_ == "pobj" and classify(p, r.actor_classes) in ("nonstate", "state") for p in c.children)
        for c in tok.head.children)


def _limb(tok: Token, r: Rules) -> bool:
    """An "arm" that is a body's: joined with another body part ("the arms and head cut off") or
    told as left or right ("his left arm")."""
    if tok.lemma_.lower() != "arm" and tok.lower_ not in ("arm", "arms"):
        return False
    parts = r.sets["body_part"]
    joined = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    return any(parts.in_words({t.lemma_.lower(), t.lower_}) and t.lemma_.lower() != "arm" for t in joined) or any(
        c.dep_ == "amod" and c.lower_ in ("left", "right") for c in tok.children)


def _object_found(names: tuple[str, ...], tgs: list[tuple[Token, str]], r: Rules) -> bool:
    for tok, via in tgs:
        if is_dateline(tok.doc, tok.i, tok.i + 1):
            continue  # "MIDDLETOWN — A man ...": the small model may read the dateline as the subject
        if _limb(tok, r):
            continue
        words, joined = word_bag(tok)
        for n in names:
            if n == "from_place" and via == "from":
                return True
            if n in r.sets and r.sets[n].in_words(words, joined):
                return True
            if n == "territory" and tok.ent_type_ in _PLACE_ENTS:
                return True
            if (
                n == "territory"
                and via in ("dobj", "nsubjpass")
                and tok.pos_ == "PROPN"
                and tok.ent_type_ in ("", "ORG")
                and classify(tok, r.actor_classes) is None
                and not ("weapon" in r.sets and r.sets["weapon"].in_words(words, joined))
            ):
                # "the army recaptured Bakassi": a name the NER does not know as a place (an "IED"
                # recovered is none)
                return True
            if n == "territory" and via == "dobj" and tok.pos_ == "PROPN" and _taken_from_a_side(tok, r):
                return True  # "recapture Adan Yabaal from Al-Shabaab": the small NER reads a person
            if (n == "territory" and via == "dobj" and tok.ent_type_ == "PERSON"
                    and r.sets["ground_takers"].in_words({tok.head.lemma_.lower(), tok.head.lower_})
                    and not any(r.sets["fugitive"].in_words({t.lemma_.lower()}) for t in tok.sent)):
                return True  # "the army recaptured Shusha": no one recaptures a man, save one on the run
            if (
                n == "captured_place"
                and via == "dobj"
                and tok.ent_type_ in _PLACE_ENTS
                and not any(c.dep_ == "prep" and c.lower_ == "to" for c in tok.head.children)
            ):
                # "M23 took Goma": a named place taken, as "took the town" ("took Kenya to court" is none)
                return True
            if n in ("territory", "captured_place") and _taken_in_a_fight(tok, via, r):
                return True
            if n in ("civilian", "armed", "protester") and target_class(tok, r.actor_classes) == n:
                return True
            if n in _OWN_CLASS_OBJECTS and any(name == n and ws.in_words(words, joined)
                                               for name, ws in r.actor_classes):
                return True  # "a terrorists training camp", "some terrorists elements": the armed group's own
    return False


# actor classes an object may be asked to belong to by its own words (not the coarser target_class)
_OWN_CLASS_OBJECTS = frozenset({"nonstate"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_POS = frozenset({"NOUN", "PROPN"})


def _in_name(span: Span, r: Rules) -> bool:
    """The trigger is a proper noun inside a name of several words (a firm, a person, a party), in a
    sentence not set in title case."""
    tok = span[0]
    if tok.ent_type_ not in r.name_entities or tok.ent_iob_ == "O" or tok.pos_ != "PROPN":
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    if (tok.ent_type_ == "PERSON" and prev is not None and prev.text.endswith(".") and 2 <= len(prev.text) <= 5
            and prev.text[0].isupper() and prev.text[:-1].isalpha()):
        return True  # a surname after a title's abbreviation ("Mr. Lynch said")
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    # a name across punctuation is a misread headline or note ("Borno: Troops repel ISWAP")
    if ent is None or len(ent) < 2 or any(t.is_punct for t in ent):
        return False
    # title case is judged on the words outside names ("Merrill Lynch, Goldman Sachs ... trade stocks")
    words = [t for t in tok.sent if t.is_alpha and len(t) > 3 and t.ent_iob_ == "O"]
    return bool(words) and sum(t.text[0].isupper() for t in words) < 0.6 * len(words)


def _headline_verb(root: Token) -> bool:
    """A headline verb the small model read as a noun: in a sentence with no finite verb
    ("Protesters torch government offices in ...", "Mob lynches man accused of ..."), a
    one-word compound right after a noun, before the object it governs."""
    if root.dep_ != "compound" or root.i == root.sent.start or root.i + 1 >= root.sent.end:
        return False
    before, after = root.doc[root.i - 1], root.doc[root.i + 1]
    if before.pos_ not in _SUBJECT_POS or after.pos_ not in ("NOUN", "PROPN", "NUM", "DET", "ADJ"):
        return False
    return not any(t.tag_ in _FINITE for t in root.sent)


def _governed(trig: Trigger, root: Token) -> bool:
    if root.pos_ in ("VERB", "AUX"):
        verb: Token | None = root
    else:
        verb = governor(root)
        # "Mass grave found in Darfur", "a truce agreed on Monday": the participle after the noun
        if any(c.dep_ == "acl" and c.lemma_.lower() in trig.governed for c in root.children):
            return True
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma in trig.governed:
        return True
    return any(f"{lemma} {c.lower_}" in trig.governed for c in verb.children if c.dep_ in ("prt", "prep"))


_PERSONAL = frozenset({"they", "he", "she", "them", "him", "her"})


def _continues(root: Token) -> bool:
    """The trigger's subject or object is a personal pronoun: the sentence goes on with the
    people of the one before ("Police said the suspects belonged to an IS cell. They were
    arrested in a raid"), whose words then describe them."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lower_ in _PERSONAL for c in root.children
    ) and root.sent.start > 0


def _again(root: Token, r: Rules) -> bool:
    """The trigger noun counts itself one more of its kind ("ANOTHER EXPLOSION TOOK PLACE ...")."""
    return root.pos_ == "NOUN" and any(c.dep_ in ("det", "amod", "compound") and c.lower_ in r.sets["one_more"].singles
                                       for c in root.children)


def _before(sent: Span, n: int) -> list[Span]:
    """Up to ``n`` sentences before ``sent``, nearest first."""
    out: list[Span] = []
    i = sent.start
    while i > 0 and len(out) < n:
        prev = sent.doc[i - 1].sent
        out.append(prev)
        i = prev.start
    return out


def _how_many(root: Token, span: Span) -> int:
    """The number the trigger's object counts ("arrested about 4,000 people", "hundreds were
    detained"), else 0."""
    best = 0
    for t, via in targets(root, list(span)):
        if via not in ("dobj", "nsubjpass"):
            continue
        for c in [t, *t.children]:
            if c is not t and c.dep_ != "nummod":
                continue
            best = max(best, word_number(c.text) or 0)
    return best


def _struck(root: Token, span: Span) -> list[tuple[Token, str]]:
    """What the trigger struck or where it went, and the same of a verb it is joined to ("stormed
    the court and killed seven": the court for both) or the object of ("staged a vigil outside the
    embassy")."""
    verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if root.dep_ in ("conj", "dobj") and root.head.pos_ == "VERB":
        verbs.append(root.head)
    return [(t, via) for v in verbs for t, via in targets(v, list(span) if v is root else [v])
            if via in _STRUCK_VIA]


def opens_apart(sent: Span, r: Rules) -> bool:
    """Whether a sentence opens on another event than the one before ("Separately, ...", "In another
    attack, ..."; event_rules.yaml another_event_openers)."""
    openers = r.sets["another_event_openers"]
    head = " ".join(t.lower_ for t in sent[:4] if not t.is_punct)
    words = openers.singles | {p.strip() for p in openers.phrases}
    return any(head == w or head.startswith(w + " ") for w in words)


def names_new_scene(sent: Span, before: Span) -> bool:
    """Whether a sentence names a place or a day the sentence ``before`` does not ("In Plateau, four
    farmers were also killed"; "on Tuesday in Bosso"): then it tells another event, not more of that one."""
    from ..nlp import sentence_ents

    told = before.text.lower()
    if any(e.label_ in ("GPE", "LOC", "FAC", "DATE") and e.text.lower() not in told for e in sentence_ents(sent)):
        return True
    # a name the tagger missed, told where or when: "In Plateau, four farmers were also killed"
    return any(t.pos_ == "PROPN" and t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "near", "on")
               and t.lower_ not in told for t in sent)


def _lethal(root: Token, r: Rules) -> bool:
    """The trigger noun is what killed or wounded people: the subject of a lethal verb ("The truck
    attack killed 86"), of one that left dead or claimed lives, or the "in"/"by" object of a
    lethal verb ("were killed in an attack on a market")."""
    kills, outcomes = r.sets["lethal"].singles, r.sets["lethal_outcomes"].singles
    if root.dep_ == "nsubj":
        verb = root.head
        if verb.dep_ in ("relcl", "acl") and verb.head.dep_ != "ROOT":
            return False  # "the families of those killed in last week's attack": named, not told
        if verb.lemma_.lower() in kills:
            return True
        for c in verb.children:
            # "a blast damaged the embassy, killing 40"; "the raid left 30 dead", "claimed 40 lives"
            if c.dep_ in ("advcl", "conj", "xcomp") and c.pos_ == "VERB" and c.lemma_.lower() in kills:
                return True
            if c.dep_ in ("dobj", "oprd", "ccomp", "acomp") and any(
                t.lower_ in outcomes or t.lemma_.lower() in outcomes for t in c.subtree
            ):
                return True
        return False
    prep = root.head
    verb = prep.head
    if (root.dep_ == "pobj" and prep.lower_ == "from" and verb.pos_ == "NOUN"
            and verb.lemma_.lower() in r.sets["toll_heads"].singles and verb.dep_ == "nsubj"
            and verb.head.lemma_.lower() in r.sets["toll_rises"].singles and verb.head.tag_ in ("VBD", "VBN", "VBZ")
            and not any(c.dep_ in ("aux", "neg") and c.lower_ not in ("has", "have", "had")
                        for c in verb.head.children)):
        return True  # "the death toll from the attack on rice farmers has risen to 110" (not "could rise")
    # "lost their lives", "lives were lost"; not "lost ground", "data was lost"
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    dies = verb.lemma_.lower() in r.sets["lethal_in"].singles and all(
        o.lower_ in outcomes or o.lemma_.lower() in outcomes for o in objects)
    return (
        root.dep_ == "pobj" and prep.lower_ in ("in", "by") and verb.pos_ == "VERB"
        and (verb.lemma_.lower() in kills or (dies and prep.lower_ == "in"))
        and not (verb.dep_ in ("relcl", "acl") and verb.head.dep_ != "ROOT")
    )


def _referenced(root: Token, r: Rules) -> bool:
    """An event noun named as what an inquiry is about ("evidence from the Nairobi bombing"): a
    reference to an event, not a report of it."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    if (root.dep_ == "pobj" and root.head.lower_ in ("since", "before")
            and any(c.dep_ == "det" and c.lower_ in ("the", "that", "this") for c in root.children)):
        return True  # "for the first time since the explosion": a point in time, the event told before
    head = root.head.head
    if not (root.dep_ == "pobj" and root.head.lower_ in ("of", "from", "into", "in", "on") and head.pos_ == "NOUN"):
        return False
    # "the first batch of evidence from the bombing": the inquiry noun may be the head's "of" phrase
    nouns = [head, *(p for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj")]
    return any(r.sets["reference_heads"].in_words({n.lemma_.lower(), n.lower_}) for n in nouns)


def _headed_by(tok: Token, name: str, r: Rules) -> bool:
    """Whether a noun itself, not its modifiers, is a word of set ``name`` (or a named place)."""
    if name == NAMED_PLACE:
        return tok.ent_type_ in ("GPE", "LOC", "FAC")
    lemma = tok.lemma_.lower()
    return name in r.sets and r.sets[name].in_words({lemma, tok.lower_}, f" {lemma} ")


def _object_headed(tok: Token, name: str, r: Rules) -> bool:
    """Whether an object's own noun, with its compounds and adjectives ("prime minister"), is a word of
    set ``name``: not a qualified title ("the vice president") nor one of something other than a
    country ("the president of the Bar Association")."""
    own = [c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")] + [tok.lemma_.lower()]
    words = {tok.lemma_.lower(), tok.lower_}
    if "office_qualifiers" in r.sets and r.sets["office_qualifiers"].in_words(set(own), " " + " ".join(own) + " "):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" and not any(g.ent_type_ == "GPE" for g in c.children)
           for c in tok.children):
        return False
    return name in r.sets and r.sets[name].in_words(words, " " + " ".join(own) + " ")


def _evaluate(
    m: TriggerMatch, doc: Doc, ctx: _Context, r: Rules, nxt: Span | None = None
) -> _Candidate | None:
    """The candidate event a matched trigger gives, or None when its conditions fail."""
    trig = m.trigger
    span = doc[m.start : m.end]
    root = span.root
    if trig.pos and root.pos_ not in trig.pos:
        return None
    if _in_name(span, r):
        return None
    if trig.not_in:
        window = " " + " ".join(t.lemma_.lower() for t in doc[max(m.start - 2, 0) : m.end + 2]) + " "
        if any(p in window for p in trig.not_in):
            return None
    # (a headline's bare participle has its patient as subject: "Nine villagers slain in Tillaberi")
    if trig.not_with and any(c.dep_ in trig.not_with and not (c.dep_ == "nsubj" and headline_passive(root))
                             for c in root.children):
        return None  # "to demonstrate that ...", "protested that ...": showing or saying
    if trig.not_dep and root.dep_ in trig.not_dep and not (root.head.dep_ == "ROOT" and root.head.pos_ == "NOUN"):
        # "soldiers retreating through X raped ...": a participle describing the doer (a noun at
        # the root is a misparsed headline-style clause, "factions pulled out of X": kept)
        return None
    if root.dep_ == "amod" and len(span) == 1 and not trig.as_modifier:
        return None  # "the occupied West Bank": a state, no event told
    headline = _headline_verb(root)
    # "Russian missiles pound Kyiv": the headline verb's subject, no modifier either
    subject = root.dep_ == "compound" and _headline_verb(root.head)
    if (
        root.dep_ == "compound"
        and len(span) == 1
        and not _event_head(root.head, r)
        and not (headline or subject)
        # a noun "compound" of a verb is that verb's misread subject ("Fresh fighting erupts between ...")
        and root.head.pos_ != "VERB"
    ):
        return None  # "the occupied West Bank", "battle zones", "truce monitors": no event told
    if (root.dep_ == "nmod" and len(span) == 1 and root.tag_ in ("NN", "NNS") and root.text.islower()
            and root.head.i > root.i and not _event_head(root.head, r)):
        # a noun modifier, as a compound ("bombing and evidence specialists"); a headline's verb
        # misread as one is not ("CHECHEN GUNMEN KIDNAPPED TWO ... WORKERS")
        return None
    if _referenced(root, r):
        return None
    own = frozenset({root.lemma_.lower(), root.lower_})
    if (
        trig.near
        and not _near(trig.near, ctx, r, own)
        # "Hundreds gathered outside the court. Police fired tear gas": the next sentence tells
        # what the gathering was
        and not (trig.near_next and nxt is not None and _near(trig.near_next, _Context(nxt), r))
        and not (_continues(root) and _near(trig.near, _Context(doc[root.sent.start - 1].sent), r))
        and not (_again(root, r) and any(_near(trig.near, _Context(s), r) for s in _before(root.sent, 3)))
        and not (trig.many and _how_many(root, span) >= trig.many)
        and not (trig.lethal and _lethal(root, r))
    ):
        return None
    doer, cls = _agent_class(root, r, span, trig.doer_via)
    if headline and cls is None:
        # "Mob lynches man ...": the noun before the headline's verb is its subject
        cls = classify(root.doc[root.i - 1], r.actor_classes)
        doer = doer or cls is not None
    # a crowd that lynches a "suspected thief" is mob violence, not crime news
    blockers = [n for n in trig.not_near if not (cls == "mob" and n in _MOB_IGNORES)]
    if cls in _ARMED_DOERS:
        # "gunmen ... killing 48 men as they watched the World Cup": an armed doer's act is no game
        blockers = [_ARMED_SWAP.get(n, n) for n in blockers if n not in _ARMED_IGNORES]
    if cls == "nonstate":
        blockers = [n for n in blockers if n != "crime"]
    if "crime" in blockers and any(
            classify(side, r.actor_classes) == "state" for t, via in targets(root, list(span))
            for side in ((t,) if via in ("dobj", "nsubjpass") else (t, *t.conjuncts) if via in _SIDES_VIA else ())):
        # "drug traffickers ambushed an army patrol, killing four soldiers", "a clash between cartel
        # and army": violence against or with state forces is no ordinary crime (CODEBOOK: crime
        # "without an armed or political actor")
        blockers = [n for n in blockers if n != "crime"]
    if trig.lethal_ignores and set(blockers) & set(trig.lethal_ignores) and _lethal(root, r):
        blockers = [n for n in blockers if n not in trig.lethal_ignores]
    for n in (b for b in _PLACE_BLIND if b in blockers):
        struck = [t for t, _ in _struck(root, span) if r.sets[n].in_words({t.lemma_.lower(), t.lower_})]
        if struck:
            # "Insurgents stormed the district court and killed seven", "marched to the Rwandan
            # embassy": a court or embassy attacked or marched on is a target or a place, not court
            # news or diplomacy; the set's words elsewhere in the sentence still block
            skip = frozenset(w.i for t in struck for w in [t, *t.children]
                             if w is t or w.dep_ in ("compound", "amod", "det", "poss", "nmod"))
            if not _blocks(n, _Context(ctx.sent, skip), r):
                blockers = [b for b in blockers if b != n]
    if "history_words" in blockers:
        # "former fighters in the revolution that brought Castro to power 42 years ago gathered to
        # denounce ...": a past told in a clause describing a noun dates the noun, not the act
        aside = frozenset(w.i for t in ctx.sent if t.dep_ == "relcl" and root not in t.subtree for w in t.subtree)
        if aside and not _blocks("history_words", _Context(ctx.sent, aside), r):
            blockers = [b for b in blockers if b != "history_words"]
    if "accusation" in blockers and _blocks("accusation", ctx, r) and not _charged_with(root, ctx, r):
        # "M23 fighters abducted patients, accusing them of being soldiers", "gunmen abducted a man,
        # officials said, accusing a PKK-affiliated group": the charge is something else, or the blame
        # is laid for the event; only an event that is itself the charge ("accused of kidnapping")
        # is court news
        blockers = [b for b in blockers if b != "accusation"]
    if blockers and trig.object_overrides:
        # "detained the editor ... after he published a report on corruption": the person
        # detained says it is political, whatever crime words the sentence holds
        objs = [t for t, via in targets(root, list(span)) if via in ("dobj", "nsubjpass")
                and not ("staff" in r.sets and r.sets["staff"].in_words({t.lemma_.lower(), t.lower_}, ""))]
        if any(r.sets[n].in_words(*word_bag(t)) for t in objs for n in trig.object_overrides if n in r.sets):
            blockers = []
    if any(_blocks(n, ctx, r) for n in blockers if n in r.sets):
        return None
    if trig.agent and cls not in trig.agent:
        return None
    if trig.agent_not and cls in trig.agent_not:
        return None
    if trig.agent_not and any(_headed_by(a, n, r) for a in agents(root) for n in trig.agent_not
                              if n in r.sets and all(n != c for c, _ in r.actor_classes)):
        return None  # "His plan clashes with the budget": a thing, no side, is the doer
    if trig.agent_words and not any(r.sets[n].in_words(*word_bag(a)) for a in agents(root)
                                    for n in trig.agent_words if n in r.sets):
        return None
    if trig.agent_heads and not any(_headed_by(h, n, r) for a in agents(root) for n in trig.agent_heads
                                    for h in (a, *(c for c in a.children if c.dep_ == "appos"))):
        return None  # ("Tamarasheni, a Georgian town ...": the noun beside a name says what it is)
    if trig.agent_or_near:
        if cls is not None:
            if cls not in trig.agent_or_near and cls not in trig.by_agent:
                return None
        elif not _near(("armed", NAMED_GROUP), ctx, r, own) and not (trig.lethal and _lethal(root, r)):
            return None
    tgs = list(targets(root, list(span)))
    # "stabbed Mr Bolsonaro's stomach", "shot the reporter in the leg": the person a wounded body
    # part belongs to is the one attacked
    tgs.extend((p, via) for t, via in list(tgs) if via in ("dobj", "nsubjpass")
               and r.sets["body_part"].in_words(*word_bag(t)) for p in t.children if p.dep_ == "poss")
    # "Bodies of 6 fishermen recovered near Baga": the parse hangs the participle on the people,
    # whose bodies were found
    tgs.extend((t.head.head, via) for t, via in list(tgs) if via == "nsubjpass" and t.dep_ == "pobj"
               and t.head.lower_ == "of" and r.sets["corpse"].in_words(*word_bag(t.head.head)))
    if len(span) > 2:
        # a word a phrase's "..." skipped is no trigger word: "handing the town over" names its
        # object; a phrase that ends in a preposition ("drive ... from") names it after
        words = {w for p in trig.phrases for w in p}
        tgs.extend(
            (t, t.dep_)
            for t in span
            if t.dep_ in ("dobj", "nsubjpass") and span.start <= t.head.i < span.end and t.lemma_.lower() not in words
        )
        last = span[-1]
        if last.pos_ == "ADP":
            tgs.extend((p, last.lower_) for p in last.children if p.dep_ == "pobj")
    if trig.object_not and any(
        r.sets[n].in_words(*word_bag(t)) for t, via in tgs if via in _OBJECT_NOT_VIA for n in trig.object_not
    ):
        return None  # "help fight hunger", "executed two search warrants": no armed foe, no victim
    if trig.object:
        # object_via: only these links name the object ("surrendered the city", not "in Bama")
        if trig.object_via:
            if not _object_found(trig.object, [t for t in tgs if t[1] in trig.object_via], r):
                return None
        elif not _object_ok(trig.object, tgs, r, span[-1]):
            return None
    if trig.object_heads and not any(
            _object_headed(t, n, r) for t, via in tgs if via in (trig.object_via or ("dobj", "nsubjpass"))
            for n in trig.object_heads):
        return None  # "detained the president's nephew": the president is no object
    if trig.governed and not _governed(trig, root):
        return None
    if trig.state_modifier and not _state_modified(root):
        return None
    code: str | None = trig.code
    if cls is not None and cls in trig.by_agent:
        code = trig.by_agent[cls]
    elif trig.by_object:
        # the object or "on"/"against" phrase says who was hit before an "at"/"of" place
        # ("opened fire on a minibus at a checkpoint")
        for tok, via in sorted(tgs, key=lambda t: t[1] in _PLACE_VIA):
            if via not in _TARGET_VIA:
                continue
            tcls = target_class(tok, r.actor_classes)
            if tcls is not None:
                if tcls in trig.by_object:
                    code = trig.by_object[tcls]
                break
    if code is None:
        return None
    return _Candidate(trig, code, m.start, m.end, root, doer=doer)


def _state_modified(noun: Token) -> bool:
    """The noun is modified by a country or its demonym ("an Israeli strike", "US strikes", "Russia's
    strike")."""
    lex = dictionary()
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < noun.i:
            m = lex.match_at(c.doc, c.i, c.i + 1)
            if m is not None and m.category in ("country", "place"):
                return True
    return False


def _refine(cands: list[_Candidate], ctx: _Context, r: Rules) -> None:
    """Protest sub-types from intervention/force/riot cues; sentence rules (non-violent transfer)."""
    for c in cands:
        if c.code == "PEACE_PROTEST":
            for ref in r.refinements:
                needs_ok = not (ref.needs.singles or ref.needs.phrases) or ctx.has(ref.needs)
                if needs_ok and ctx.cue(ref.cues, ref.not_cues, names=False):
                    c.code = ref.code
                    break
        for rule in r.sentence_rules:
            if c.code in rule.when_codes and ctx.has(rule.cues) and not ctx.has(rule.not_cues):
                c.code = rule.becomes


def _drop_protest_causes(cands: list[_Candidate]) -> list[_Candidate]:
    """What a protest is against ("protested against the air strikes") is its cause, not an event."""
    # "closed all schools in protest against the abductions", "resigned in protest": the manner of
    # another act, no demonstration (a march told "in protest" is told by its own verb)
    manner = {id(c) for c in cands if c.code in _PROTEST_CODES and c.root.lemma_.lower() == "protest"
              and c.root.dep_ == "pobj" and c.root.head.lower_ == "in"
              and not any(g.dep_ == "det" for g in c.root.children)}
    protest_roots = {c.root.i for c in cands if c.code in _PROTEST_CODES}
    if not protest_roots:
        return cands
    other_roots = {c.root.i for c in cands if c.code not in _PROTEST_CODES}

    def is_cause(c: _Candidate) -> bool:
        prep = c.root.head
        if c.root.dep_ != "pobj" or prep.lower_ not in ("against", "over", "for", "at"):
            return False
        if c.code in _PROTEST_CODES:
            # "detained last month over a protest", "jailed for protests": what the arrest was for
            # ("arrested at a protest": where)
            return prep.lower_ not in ("against", "at") and prep.head.i in other_roots
        # "in protest at the arrest of a local teenager": what the protest was about
        return prep.lower_ != "for" and prep.head.i in protest_roots

    violent = {c.code for c in cands if c.code in _VIOLENT_ON_CROWDS}

    def is_scene(c: _Candidate) -> bool:
        # "threw a grenade into a crowd at a political rally": the rally is where it happened
        return (
            c.code == "PEACE_PROTEST"
            and bool(violent)
            and c.root.dep_ == "pobj"
            and c.root.head.lower_ in ("at", "on", "into", "during")
        )

    return [c for c in cands if not is_cause(c) and not is_scene(c) and id(c) not in manner]


def _whole_phrase(c: _Candidate) -> bool:
    """The candidate's words are one of its phrases without a gap: "aerial bombardment", not "traded
    artillery fire" (matched by "trade ... fire", whose inner words are not its own)."""
    words = c.root.doc[c.start : c.end]
    return (tuple(t.lemma_.lower() for t in words) in c.trigger.phrases
            or tuple(t.lower_ for t in words) in c.trigger.phrases)


def _resolve(cands: list[_Candidate], statuses: dict[int, str] | None = None) -> list[_Candidate]:
    """Drop triggers that yield to another sub-type found in the sentence; one event per code.
    Given ``statuses`` (by candidate id), only a candidate told as occurred or announced, or told
    as the same status, makes another yield: "detained the party leader ahead of planned protests"
    is an arrest, the protest is not yet; "claimed responsibility for the bombings ... that killed
    44" is one claimed bombing, not a claimed attack beside it."""
    # a phrase inside a longer one that another sub-type names is that one's word ("bombardment" of
    # "aerial bombardment", "car bomb" of "suicide car bomb"), and so is the verb some gapped phrases
    # open with ("fighting" of "fighting their way into"): the longer phrase says more
    cands = [c for c in cands if not any(d.code != c.code and d.start <= c.start and c.end <= d.end
                                         and d.end - d.start > c.end - c.start
                                         and (_whole_phrase(d) or (d.start == c.start and d.trigger.owns_first_word))
                                         for d in cands)]
    order = sorted(cands, key=lambda c: (c.trigger.priority, -c.start))
    alive = list(order)
    for c in order:
        others = {d.code for d in alive if d is not c and d.code != c.code
                  and (statuses is None or statuses[id(d)] in _TOLD or statuses[id(d)] == statuses[id(c)])
                  and not (d.code in c.trigger.main_over and _under(d, c))}
        if c.trigger.yield_to & others or any(c.code in d.trigger.main_over and _under(c, d) for d in alive):
            alive.remove(c)
    best: dict[str, _Candidate] = {}
    for c in sorted(alive, key=lambda c: (-c.trigger.priority, c.start)):
        best.setdefault(c.code, c)
    return sorted(best.values(), key=lambda c: c.start)


def _under(c: _Candidate, d: _Candidate) -> bool:
    """Whether ``c``'s trigger is in a clause under ``d``'s ("arrested ..., recovering a rifle")."""
    return any(a.i == d.root.i for a in ancestors(c.root))


def _sentence_status(status: str, c: _Candidate, ctx: _Context, r: Rules) -> str:
    """A side's own report that the sentence itself calls unverified or rejected ("a claim that
    could not be verified") is claimed, not occurred."""
    if status == "occurred" and ctx.sent.text.rstrip().rstrip("\"'”’)").endswith("?"):
        return "hypothetical"  # a question asks whether, it does not tell that ("Does this mean ...?")
    if status != "occurred" or not ctx.has_any(r.status.unverified):
        return status
    if any(a.lemma_.lower() in REPORTING for a in ancestors(c.root)):
        return "claimed"
    return status


_PROTEST_RANK = {"PEACE_PROTEST": 0, "PROTEST_WITH_INTER": 1, "FORCE_AGAINST_PROTEST": 2, "VIOL_DEMONSTR": 3}


def _passage(told: dict[int, list[tuple[_Candidate, str]]], sents: list[Span], r: Rules) -> None:
    """Neighbouring sentences tell one story (ACLED: one event per day, place, actors, sub-type):
    - what a sentence's event followed ("after a brief battle") is background when the sentence
      before or after tells the event;
    - a killing told without its doer right after an event sentence is that event's toll
      ("A drone struck a car near Jilib. Both men were killed.");
    - a protest takes the intervention, force or violence told in the next sentence ("Protesters
      gathered ... Police responded with tear gas"), and a plain protest up to two sentences from
      a more severe one is that protest ("The protest turned violent. Demonstrators threw rocks");
    - a trigger with yield_near adds nothing next to a sentence that tells one of its codes (a
      bombing the next sentence tells as a suicide bombing);
    - an event told in the past perfect after a sentence that told another kind of event is
      background ("Police arrested the opposition leader. He had led protests ...")."""

    def apart(i: int) -> bool:
        return 0 <= i < len(sents) and opens_apart(sents[i], r)

    def has_told(i: int) -> bool:
        return any(st in _TOLD and not c.prior for c, st in told.get(i, []))

    def next_codes(i: int) -> set[str]:
        if apart(i + 1):
            return set()
        return {c.code for c, st in told.get(i + 1, []) if st in _TOLD}

    def codes_around(i: int) -> set[str]:
        return next_codes(i) | next_codes(i - 2)

    def told_just_before(i: int) -> bool:
        # the sentence before, or the one before it across a sentence that tells no event ("A
        # suicide bomber targeted a base in Bulo Marer. Al Shabaab claimed responsibility. Seven
        # soldiers were killed.")
        return has_told(i - 1) or (
            i >= 2 and not told.get(i - 1) and not apart(i - 1) and has_told(i - 2)
            and "\n" not in sents[i].doc.text[sents[i - 2].start_char : sents[i].start_char])

    def told_before(i: int) -> set[str]:
        return {c.code for j in range(max(i - 2, 0), i) for c, st in told.get(j, []) if st in _TOLD}

    for i in sorted(told):
        told[i] = [
            (c, st)
            for c, st in told[i]
            if not (st in _TOLD and c.prior and (has_told(i - 1) or has_told(i + 1)))
            and not (st in _TOLD and c.trigger.follows_up and not c.doer and not apart(i) and told_just_before(i))
            and not (c.trigger.yield_next and c.trigger.yield_to & next_codes(i))
            and not (st in _TOLD and c.trigger.yield_near & codes_around(i))
            # "Police arrested the opposition leader. He had led protests against ...": told
            # in the past perfect after the story's event, an earlier event of another kind
            and not (st in _TOLD and c.earlier and (earlier := told_before(i)) and c.code not in earlier)
        ]
    for i in sorted(told):
        for k, (c, st) in enumerate(told[i]):
            if c.code != "PEACE_PROTEST" or st not in _TOLD or i + 1 >= len(sents):
                continue
            nxt = _Context(sents[i + 1])
            for ref in r.refinements:
                needs_ok = not (ref.needs.singles or ref.needs.phrases) or nxt.has(ref.needs)
                if needs_ok and nxt.cue(ref.cues, ref.not_cues, names=False):
                    c.code = ref.code
                    told[i][k] = (c, st)
                    # "Police opened fire on the crowd, killing three": that force is the protest's
                    told[i + 1] = [(d, dt) for d, dt in told.get(i + 1, []) if d.code not in _FORCE_TOLD]
                    break
    for i in sorted(told):
        # "Rebel fighters began leaving the town. Government forces took control of it": the
        # two halves of a non-violent transfer (ACLED: control acquired without a violent act)
        near_codes = {c.code for j in (i - 1, i + 1) for c, st in told.get(j, []) if st in _TOLD}
        if (
            "NON_VIOL_TERRIT_TRANSFER" in near_codes
            and any(c.code in _CAPTURES for c, _ in told[i])
            and not _blocks("fight_cue", _Context(sents[i]), r)
        ):
            told[i] = [(c, st) for c, st in told[i] if c.code not in _CAPTURES]
    for i in sorted(told):
        # a plain protest two sentences on ("Security forces fired live rounds at protesters
        # ... At least 10 were killed ... The protests began over a finance bill"), or in the same
        # sentence ("burned the French flag and attacked French-owned businesses during an
        # anti-French demonstration"), is the same one, unless it names a town of its own ("In
        # Kisumu, thousands marched peacefully")
        mine = _places_named(sents[i])
        near = [c.code for j in (i - 2, i - 1, i, i + 1, i + 2) for c, st in told.get(j, [])
                if st in _TOLD and (not mine or not _places_named(sents[j]) or mine & _places_named(sents[j]))]
        worst = max((_PROTEST_RANK.get(code, -1) for code in near), default=-1)
        # only a plain protest folds so: one that tells force or intervention carries its own day,
        # place and toll ("five were shot dead in Nairobi"), and the article-level merge decides
        told[i] = [
            (c, st)
            for c, st in told[i]
            if not (st in _TOLD and c.code == "PEACE_PROTEST" and _PROTEST_RANK[c.code] < worst)
        ]


def _places_named(sent: Span) -> frozenset[str]:
    """The place names the sentence's entities give (lower case)."""
    return frozenset(e.text.lower() for e in sentence_ents(sent) if e.label_ in _PLACE_LABELS)


def _confidence(c: _Candidate, status: str) -> float:
    """The trigger entry's confidence, higher for the sentence's main verb, lower off the record."""
    conf = c.trigger.confidence
    root = c.root
    if root.dep_ == "ROOT" or root.head.dep_ == "ROOT":
        conf += 0.05
    if status not in ("occurred", "announced"):
        conf -= 0.15
    return round(min(max(conf, 0.05), 0.99), 2)


def _published_year(article: Article) -> int | None:
    if article.published and article.published[:4].isdigit():
        return int(article.published[:4])
    return None


def background_types(doc: Doc, article: Article, sent: Span) -> set[str]:
    """Event types the rules read in ``sent`` but set aside as history, a tally or an attribution ("ten
    years after 276 girls were abducted", "the gunman behind the killing"): the classifier, which
    reads no time, must not fill them in."""
    r = rules()
    year = _published_year(article)
    ctx = _Context(sent)
    out = set()
    for m in find_triggers(doc):
        if not sent.start <= m.start < sent.end:
            continue
        c = _evaluate(m, doc, ctx, r, None)
        # (a subject named by its act, "the marchers were stopped", is who, not when)
        if c is not None and c.root.dep_ not in ("nsubj", "nsubjpass") and (
                is_background(c.root, r.status, year) or is_prior(c.root, r.status)):
            out.add(subtype(c.code).event_type)
    return out


def code_events(doc: Doc, article: Article) -> list[Event]:
    """Every event the article's sentences (captions included) report."""
    r = rules()
    matches = find_triggers(doc)
    if not matches:
        return []
    sents = list(doc.sents)
    starts = [s.start for s in sents]
    by_sent: dict[int, list[TriggerMatch]] = {}
    si = 0
    for m in matches:
        while si + 1 < len(starts) and starts[si + 1] <= m.start:
            si += 1
        by_sent.setdefault(si, []).append(m)
    year = _published_year(article)
    events: list[Event] = []
    told: dict[int, list[tuple[_Candidate, str]]] = {}
    # a headline about a drill frames the article ("air strikes on mock enemy positions" are the
    # drill's); one about an accident or a weapons test frames its lead
    framed = len(sents) if blocked(sents[0], list(r.title_frames)) else (
        _FRAMED_LEAD if blocked(sents[0], list(r.lead_frames)) else -1)
    for index, found in by_sent.items():
        sent = sents[index]
        if segment_kind(article, sent.start_char, sent.end_char) in SKIP_KINDS:
            continue
        # (a headline that tells an event itself, "Militants blow up gas pipeline", frames nothing)
        if (0 < index <= framed and not told.get(0)) or _vetoed(sent, r):
            continue
        ctx = _Context(sent)
        nxt = sents[index + 1] if index + 1 < len(sents) else None
        cands = [c for m in found if (c := _evaluate(m, doc, ctx, r, nxt)) is not None]
        if not cands:
            continue
        _refine(cands, ctx, r)
        cands = _drop_protest_causes(cands)
        # what came before is background to the sentence's event
        for c in cands:
            c.prior = is_prior(c.root, r.status) or (
                # "after seizing the town last month, the rebels set up ...": a capture told
                # as a gerund under "after" is the earlier event
                c.code in r.status.prior_gerund_codes
                and c.root.dep_ == "pcomp"
                and c.root.head.lower_ in r.status.background_preps
            )
            c.earlier = is_pluperfect(c.root)
        main = [c for c in cands if not c.prior]
        if main and len(main) < len(cands) and any(
                _sentence_status(status_of(c.root, c.code, r.status), c, ctx, r) in _TOLD for c in main):
            # (an event told only as what a refusal, a plan or a denial followed stays: "authorities are
            # refusing to allow more protests, after hundreds were injured in clashes with riot police")
            cands = main
        # background (history, what a sentence's event followed) first: it makes nothing yield
        cands = [c for c in cands
                 if not is_background(c.root, r.status, year) and not is_state(c.root, c.code, r.status)]
        statuses = {id(c): _sentence_status(status_of(c.root, c.code, r.status), c, ctx, r) for c in cands}
        kept = _resolve(cands, statuses)
        told[index] = [(c, statuses[id(c)]) for c in kept]
    _passage(told, sents, r)
    for index in sorted(told):
        sent = sents[index]
        sent_end = sent.start_char + len(sent.text.rstrip())
        for c, status in told[index]:
            sub = subtype(c.code)
            span = doc[c.start : c.end]
            events.append(
                Event(
                    id="",
                    event_type=sub.event_type,
                    sub_event_type=sub.sub_event_type,
                    code=c.code,
                    status=status,
                    evidence=Evidence(
                        start=sent.start_char,
                        end=sent_end,
                        trigger=span.text,
                        trigger_start=span.start_char,
                        trigger_end=span.end_char,
                    ),
                    confidence=_confidence(c, status),
                    sentence=index,
                )
            )
    return events
