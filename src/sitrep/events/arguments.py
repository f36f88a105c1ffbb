"""Event arguments: actors, fatalities and injured, attribution, and the article's tallies.

Cheap by design: one lexicon scan of the doc, then a walk of the parse around each
event's trigger only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from ..model import Actor, Article, Count, Event, Evidence, Tally
from ..nlp import sentence_ents
from .actors import Mention, article_country, city_countries, code_phrase, dictionary, region_countries
from .attribution import accusing_verbs, commenting_verbs, sources
from .classifier import REPORTABLE
from .counts import SentenceCounts, read_counts, victims, word_set
from .counts import lexicon as counts_lexicon
from .lexicon import rules
from .roles import REPORTING, ancestors
from .tallies import tally_period

__all__ = ["fill", "find_roles", "phrase_range"]

# Children left out of an actor's noun phrase.
_DROP = {"relcl", "acl", "appos", "conj", "cc", "advcl", "parataxis", "punct", "dep"}
# Prepositions whose phrase is a place or a time, never part of an actor's name.
_LOC_PREPS = {
    "in", "on", "at", "near", "during", "after", "before", "since", "into", "across", "through",
    "around", "outside", "inside", "with", "over", "under", "along", "within", "including",
    "against", "towards", "toward", "amid", "by", "between", "among",
}  # fmt: skip
# Force words that name a side when they modify an event noun ("government shelling").
_FORCE_MODIFIERS = {"government", "regime", "army", "military", "police", "junta", "navy", "security"}
# Participles that tie an actor to a group: "militants linked to Islamic State".
_ALLEGIANCE = {"link", "affiliate", "associate", "belong", "tie", "connect", "loyal", "align"}
# Verbs whose object is a weapon, not a target ("fired missiles at the base").
_LAUNCH = {"fire", "launch", "drop", "lob", "throw", "detonate", "plant", "hurl", "use", "deploy"}
# Verbs of territory: "recaptured the town from Syrian troops".
_TERRITORY = {"capture", "recapture", "seize", "retake", "take", "regain", "overrun", "wrest", "liberate"}
# Heads whose "of" phrase names the actor: "a group of gunmen", "leaders of the opposition".
_HEADS_OF = {
    "group", "number", "band", "dozens", "hundreds", "scores", "thousands", "tens", "leaders",
    "leader", "members", "member", "officials", "official", "spokesman", "commander", "commanders",
    "unit", "units", "elements", "remnants", "wing", "faction", "delegation",
}  # fmt: skip
_PLACE_PREPS = {"in", "near", "outside", "of", "at", "around", "from", "into"}
_REGION_WORDS = {"state", "province", "region", "district", "county", "governorate", "department", "city"}
_BACKERS = {"backers", "backer", "allies", "ally", "patrons", "sponsors"}
# Heads that make a group's people the crowd of a protest or riot ("TLP supporters").
_FOLLOWERS = {"supporters", "followers", "members", "activists", "loyalists", "sympathisers", "sympathizers"}
_PROTEST_VERBS = {"protest", "demonstrate", "march", "rally", "strike", "riot"}
# Event nouns: when one is a verb's subject ("an air strike killed"), its modifiers name the agent.
_EVENT_NOUNS = {
    "strike", "airstrike", "attack", "bombing", "shelling", "explosion", "blast", "clash",
    "fighting", "raid", "ambush", "offensive", "assault", "bombardment", "operation", "fire",
    "missile", "rocket", "shell", "bomb", "drone", "mortar", "gunfire", "violence", "incident",
    "battle", "crackdown", "protest", "demonstration", "riot", "ceasefire", "truce", "campaign",
}  # fmt: skip
# Sub-types whose toll a doer-less killing in the next sentence may be (not protests, arrests, deals,
# bases, moves of forces, transfers or weapons seized), and the sub-types such a killing is coded as.
_LETHAL = {
    "ARMED_CLASH", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER", "CHEM_WEAP", "AIR_STRIKE", "SUIC_BOMB",
    "ART_MISS_ATTACK", "GRENADE", "REM_EXPLOS", "ATTACK", "ABDUCT_DISSAP", "SEX_VIOL", "MOB_VIOL",
    "VIOL_DEMONSTR", "FORCE_AGAINST_PROTEST",
}  # fmt: skip
_KILLING = {"ATTACK", "ARMED_CLASH"}
# The toll fold's word sets (data/counts.yaml, words: fold_*).
_SAME_EVENT = word_set("fold_same_event")
_ELSEWHERE = word_set("fold_elsewhere")
_KILLING_VERBS = word_set("fold_killing_verbs")
_ACT_VERBS = word_set("fold_act_verbs")
_NO_TOLL_CODES = word_set("no_toll_codes")
_PROTEST = {"PEACE_PROTEST", "PROTEST_WITH_INTER"}
_RIOT = {"VIOL_DEMONSTR", "MOB_VIOL"}
_CIVILIAN_TARGET = {"ATTACK", "SEX_VIOL", "ABDUCT_DISSAP"}
_TWO_SIDED = {"ARMED_CLASH", "AGREEMENT", "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"}
# Words of every tally marker and tally subject (data/counts.yaml): sentences without one, and
# without a year ("in 2024"), are skipped cheaply.
_TALLY_WORDS = {
    "since", "far", "date", "total", "past", "last", "war", "conflict", "year", "overall",
    "cumulative", "recent", "month", "beginning", "start", "throughout", "insurgency", "uprising",
    "rebellion", "revolution", "crisis",
}  # fmt: skip
_HELD = {"held", "controlled", "run", "occupied", "dominated", "besieged", "allied", "aligned"}
_KILL_LEMMAS = {"kill", "wound", "injure", "shoot", "target", "attack", "abduct", "kidnap", "hit"}
# Verbs whose object is told or asked, not a doer: "the mother called police".
_TOLD = {"call", "alert", "inform", "notify", "contact", "tell", "phone", "ask", "urge", "summon"}
# Verbs whose subject is the victim, not the doer: "a prisoner died in custody".
_UNDERGO = {"die", "perish", "succumb"}
# Participles that name an ally, not an opponent: "Iraqi forces backed by coalition aircraft".
_SUPPORT = {"back", "support", "assist", "aid", "help", "accompany", "join", "escort"}
# Prepositions whose object is an opponent or target: "threatened action against Russia".
_TARGET_PREPS = {"against", "on", "with", "at", "to", "into", "from", "upon"}
# Verbs through which a charge reaches its event noun: "accused X of carrying out the attack".
_DOING = {"carry", "launch", "conduct", "stage", "commit", "perpetrate", "mount", "orchestrate", "order", "plan"}
# Event nouns whose possessor is the victim: "Karlov's assassination", "the journalist's abduction".
_PATIENT_NOUNS = {
    "abduction", "kidnapping", "kidnap", "arrest", "detention", "murder", "killing", "assassination",
    "execution", "beheading", "torture", "rape", "beating", "lynching", "disappearance", "death",
    "capture", "massacre", "shooting", "stabbing", "slaying", "imprisonment", "deportation",
}  # fmt: skip
# Codes whose target, when an unarmed official ("Government of X"), ACLED codes as civilians
# of the event's country: "shot Russia's ambassador to Turkey" is Civilians (Turkey).
_OFFICIAL_VICTIM = {
    "ATTACK", "SEX_VIOL", "ABDUCT_DISSAP", "AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS", "SUIC_BOMB",
    "GRENADE", "CHEM_WEAP",
}  # fmt: skip


def phrase_range(tok: Token) -> tuple[int, int]:
    """Token range (start, end) of the noun phrase headed by ``tok``, clauses and places left out."""
    keep = _collect(tok)
    lo, hi = min(keep), max(keep) + 1
    doc = tok.doc
    while lo < hi - 1 and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
        lo += 1
    while hi - 1 > lo and doc[hi - 1].is_punct:
        hi -= 1
    return lo, hi


def _collect(tok: Token) -> list[int]:
    out = [tok.i]
    for child in tok.children:
        if child.dep_ == "acl" and child.lemma_ in _ALLEGIANCE:
            out.extend(_collect(child))  # "militants linked to Islamic State"
            continue
        if child.dep_ in _DROP and not (child.dep_ == "punct" and child.text in ("-", "'")):
            continue
        if child.dep_ == "prep" and (child.lower_ in _LOC_PREPS or any(g.dep_ == "pcomp" for g in child.children)):
            continue  # a place or time; "[the army] of torching villages": a charge, not a name
        out.extend(_collect(child))
    return out


@dataclass
class _Context:
    """What fill() computes once per article."""

    doc: Doc
    article: Article
    sents: list[Span]
    mentions: list[Mention]
    country: str | None
    text: str = ""
    lowers: list[str] = field(default_factory=list)
    counts: dict[int, SentenceCounts] = field(default_factory=dict)
    sources: dict[int, list[str]] = field(default_factory=dict)
    year: int | None = None

    def sent_index(self, char: int) -> int:
        for i, s in enumerate(self.sents):
            if s.start_char <= char < s.end_char:
                return i
        return max(0, len(self.sents) - 1)

    def sentence_country(self, sent: Span, exclude: tuple[int, int] = (0, 0)) -> str | None:
        """The first country named as a place in the sentence ("in Syria", "in Nairobi"), not "UK-based",
        nor a commentator ("condemned by France"), nor one inside the token range ``exclude``."""
        lo, hi = exclude
        for m in self.mentions:
            if sent.start <= m.start < sent.end and m.category in ("place", "capital") and not lo <= m.start < hi:
                nxt = self.doc[m.end] if m.end < len(self.doc) else None
                if (nxt is None or nxt.text != "-") and not commentator(self.doc[m.end - 1], accusers=False):
                    return str(m.value)
        towns = city_countries()
        for ent in sentence_ents(sent):
            if lo <= ent.start < hi or commentator(ent.root, accusers=False):
                continue
            if ent.label_ in ("GPE", "LOC", "FAC", "ORG"):
                if ent.text in towns:
                    return towns[ent.text]
                if ent[0].text in towns and ent[-1].lower_ in _REGION_WORDS:
                    return towns[ent[0].text]  # "Enugu state", "Idlib province"
        for tok in sent:  # a town the tagger missed: "in Culiacan", "the town of Kidal"
            if _town_word(tok) and tok.text in towns:
                return towns[tok.text]
        return _region_country(sent)

    def counts_of(self, i: int) -> SentenceCounts:
        if i not in self.counts:
            self.counts[i] = read_counts(self.sents[i], self.year, self.lowers)
        return self.counts[i]

    def sources_of(self, i: int) -> list[str]:
        """The sentence's sources, else those of the paragraph's earlier sentences."""
        if i in self.sources:
            return self.sources[i]
        own = sources(self.sents[i])
        if not own and i > 0 and _same_paragraph(self.text, self.sents[i - 1], self.sents[i]):
            own = self.sources_of(i - 1)
        self.sources[i] = own
        return own


def _region_country(sent: Span) -> str | None:
    """The country of a first-level region the sentence names as a place ("Zamfara state")."""
    regions = region_countries()
    for ent in sentence_ents(sent):
        words = ent.text[4:] if ent.text.startswith("the ") else ent.text
        if words in regions:
            return regions[words]
        if len(ent) > 1 and ent[-1].lower_ in _REGION_WORDS:
            head = ent[:-1].text
            if head in regions:
                return regions[head]
    for tok in sent:
        if tok.text in regions and (_town_word(tok) or (tok.head.lower_ in _REGION_WORDS and tok.dep_ == "compound")):
            return regions[tok.text]
    return None


def _town_word(tok: Token) -> bool:
    """A one-word proper name after a place preposition ("in Culiacan"), not a person's surname."""
    return (
        tok.dep_ == "pobj"
        and tok.pos_ == "PROPN"
        and tok.head.lower_ in _PLACE_PREPS
        and not any(c.dep_ in ("compound", "amod", "poss") for c in tok.children)
    )


def commentator(tok: Token, accusers: bool = True) -> bool:
    """A judge or accuser of an event, never its actor: "France condemned ...", "condemned by the UN",
    "which the African Union condemned", "Kyiv accused Russian forces of ..." (when ``accusers``)."""
    verb = _judging_verb(tok)
    return verb is not None and (accusers or verb.lemma_ in commenting_verbs())


def _judging_verb(tok: Token) -> Token | None:
    """The verb of condemning or accusing whose subject or "by" agent ``tok`` is, else None."""
    for _ in range(12):  # bounded: a list of thousands of names is one conj chain
        if tok.dep_ not in ("conj", "compound", "amod") or tok.head.i == tok.i:
            break
        tok = tok.head  # "condemned by the White House and the United Nations"
    head = tok.head
    if tok.dep_ == "nsubj" and (head.lemma_ in commenting_verbs() or head.lemma_ in accusing_verbs()):
        return head
    if tok.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_ in commenting_verbs():
        return head.head
    return None


def accused(tok: Token) -> list[Token] | None:
    """The side charged with the event at ``tok``, its doer: "accused the army of shelling the town",
    "blamed Boko Haram for the attack", "the police were accused of beating", "condemned Russia for
    bombing Kyiv", "the attack was blamed on Boko Haram"; None when no charge governs the event."""
    verbs = accusing_verbs() | commenting_verbs()
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_ in ("blame", "pin") and head.pos_ == "VERB":
        on = [o for c in head.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children if o.dep_ == "pobj"]
        return _conjuncts(on[0]) if on else None
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("pcomp", "pobj", "dobj", "conj", "xcomp") or cur.head.i == cur.i:
            return None
        if cur is not tok and cur.pos_ == "VERB" and cur.lemma_ not in _DOING:
            return None  # "praised the army for repelling the attack": the army did not attack
        head = cur.head
        if head.dep_ == "prep" and head.lower_ in ("of", "for"):
            over = head.head
            if over.lemma_ in verbs and over.pos_ in ("VERB", "AUX"):
                objs = [c for c in over.children if c.dep_ in ("dobj", "nsubjpass")]
                return [o for c in objs for o in _conjuncts(c)] or None
            if over.dep_ in ("dobj", "nsubjpass") and over.head.lemma_ in verbs:
                return _conjuncts(over)  # "accused [the regime of shelling]"
            if over.dep_ == "acl" and over.lemma_ in verbs and over.head.pos_ in ("NOUN", "PROPN"):
                return [over.head]  # "militants accused of killing ten villagers"
            return None
        cur = head
    return None


def _same_paragraph(text: str, a: Span, b: Span) -> bool:
    """True when no line break separates the two sentences (``text`` is the doc's text)."""
    own = text[a.start_char : a.end_char]
    body_end = a.start_char + len(own.rstrip())
    return bool(own.strip()) and "\n" not in text[body_end : b.start_char]


def _is_anaphor(doc: Doc, lo: int, hi: int, head: Token) -> bool:
    if head.pos_ == "PRON" and head.lower_ in ("they", "them", "it", "he", "she"):
        return True
    m = dictionary().match_at(doc, lo, hi)
    return m is not None and m.category == "anaphora" and m.end == hi


def _antecedent(ctx: _Context, before: int, named_only: bool) -> Actor | None:
    """The nearest actor mentioned before token ``before`` (only named groups when ``named_only``)."""
    cats = ("group",) if named_only else ("group", "military", "police", "generic")
    for m in reversed(ctx.mentions):
        if m.end <= before and m.category in cats:
            head = ctx.doc[m.end - 1]
            lo, hi = phrase_range(head)
            lo, hi = min(lo, m.start), max(hi, m.end)
            return code_phrase(ctx.doc, lo, hi, head, ctx.country)
    return None


def _code(ctx: _Context, tok: Token, sent: Span) -> Actor | None:
    lo, hi = phrase_range(tok)
    if _is_anaphor(ctx.doc, lo, hi, tok):
        ante = _antecedent(ctx, lo, named_only=tok.pos_ != "PRON")
        if ante is not None:
            text = ctx.doc[lo:hi].text
            s, e = ctx.doc[lo].idx, ctx.doc[hi - 1].idx + len(ctx.doc[hi - 1])
            return Actor(ante.name, text, ante.kind, ante.inter, ante.country, s, e)
        return None
    if tok.lower_ in _HEADS_OF:
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is not None:
            actor = _code(ctx, inner, sent)
            if actor is not None:
                lo2, hi2 = min(lo, phrase_range(inner)[0]), max(hi, phrase_range(inner)[1])
                actor.text = ctx.doc[lo2:hi2].text
                actor.start, actor.end = ctx.doc[lo2].idx, ctx.doc[hi2 - 1].idx + len(ctx.doc[hi2 - 1])
                return actor
    actor = code_phrase(ctx.doc, lo, hi, tok, ctx.country, ctx.sentence_country(sent))
    if actor is not None and actor.name and actor.name.startswith("Unidentified"):
        # "the militant group Al-Shabaab": the name in apposition to a generic noun is the actor
        for appos in (c for c in tok.children if c.dep_ == "appos"):
            named = _code(ctx, appos, sent)
            if named is not None and named.name and not named.name.startswith("Unidentified") and named.inter:
                return named
    return actor


def _code_agent(ctx: _Context, tok: Token, sent: Span) -> Actor | None:
    """A doer's actor; a capital alone stands for its state: "accused Moscow of a missile strike"."""
    actor = _code(ctx, tok, sent)
    if actor is None and tok.pos_ == "PROPN":
        lo, hi = phrase_range(tok)
        m = dictionary().match_at(ctx.doc, tok.i, tok.i + 1)
        if m is not None and m.category == "capital" and hi - lo == 1:
            s, e = tok.idx, tok.idx + len(tok)
            return dictionary().state_actor(str(m.value)).actor(tok.text, s, e)
    return actor


def _code_modifier(ctx: _Context, tok: Token, sent: Span, code: str) -> Actor | None:
    """An actor named by a modifier of an event noun: "Russian air strikes", "rebel shelling"."""
    lex = dictionary()
    m = lex.match_at(ctx.doc, tok.i, tok.i + 1)
    lo, hi = tok.i, tok.i + 1
    for left in sorted(tok.subtree, key=lambda t: t.i):
        lo = min(lo, left.i)
    if m is not None and m.category in ("country", "place"):
        iso = m.value if m.category == "place" else next(iter(m.value))
        s, e = ctx.doc[lo].idx, tok.idx + len(tok)
        if code in _PROTEST | _RIOT:  # "Palestinian riots": people, not a state
            template, inter = ("Rioters ({country})", 5) if code in _RIOT else ("Protesters ({country})", 6)
            place = ctx.sentence_country(sent) or str(iso)
            return lex.generic_actor(template, inter, place).actor(ctx.doc[lo:hi].text, s, e)
        return lex.state_actor(str(iso)).actor(ctx.doc[lo:hi].text, s, e)
    if m is not None and m.category in ("military", "police") and tok.lower_ not in _FORCE_MODIFIERS:
        return None  # "drone strike", "artillery fire": a weapon, not a side
    actor = code_phrase(ctx.doc, lo, hi, tok, ctx.country, ctx.sentence_country(sent))
    if actor is not None and actor.inter is None:
        return None
    return actor


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def _noun_roles(tok: Token) -> tuple[list[Token], list[Token], list[Token]]:
    """(agents, patients, modifier agents) of an event noun."""
    agents: list[Token] = []
    patients: list[Token] = []
    mods: list[Token] = []
    owners: list[Token] = []
    by_agent = of_patient = False
    for child in tok.children:
        if child.dep_ == "prep":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if not objs:
                continue
            p = child.lower_
            by_agent = by_agent or p == "by"
            of_patient = of_patient or p == "of"
            if p == "by":
                agents.extend(_conjuncts(objs[0]))
            elif p in ("between", "among", "amongst"):
                both = _conjuncts(objs[0])
                agents.append(both[0])
                patients.extend(both[1:])
            elif p in ("with", "on", "against", "targeting", "of", "at"):
                patients.extend(_conjuncts(objs[0]))
            elif p == "from":
                agents.extend(_conjuncts(objs[0]))
        elif child.dep_ in ("relcl", "acl") and child.lemma_ in _KILL_LEMMAS:
            patients.extend(o for c in child.children if c.dep_ in ("dobj", "nsubjpass") for o in _conjuncts(c))
        elif child.dep_ == "poss":
            owners.append(child)
        elif child.dep_ in ("compound", "amod", "nmod") and child.i < tok.i:
            mods.append(child)
        if child.dep_ == "prep" and child.lower_ in ("at", "in", "on", "near"):
            # "a bombing at a mosque that killed dozens of worshippers": the clause hangs on the place
            for place in (c for c in child.children if c.dep_ == "pobj"):
                for rel in place.children:
                    if rel.dep_ == "relcl" and rel.lemma_ in _KILL_LEMMAS:
                        patients.extend(o for c in rel.children if c.dep_ == "dobj" for o in _conjuncts(c))
    victim_noun = tok.lemma_.lower() in _PATIENT_NOUNS and not of_patient
    if owners and (by_agent or (victim_noun and not any(_armed(t) for t in owners))):
        # "Karlov's assassination by a policeman", "the journalist's abduction": the owner suffers it;
        # "the regime's massacre in Hama" is the regime's doing
        patients.extend(o for t in owners for o in _conjuncts(t))
    else:
        agents.extend(owners)  # "the army's offensive", "Russia's bombing of Aleppo"
    return agents, patients, mods


def _repelled(trig: Token) -> bool:
    """The trigger beats off an attack, or is the attack beaten off ("repelled an attack by X")."""
    verb = trig.head if trig.dep_ in ("dobj", "nsubjpass") else trig
    lemma = verb.lemma_.lower()
    phrase = " ".join([lemma, *(c.lower_ for c in verb.children if c.dep_ == "prt")])  # "beat back"
    return rules().sets["repelled"].in_words({lemma}, f" {phrase} ")


def _fallen_in(noun: Token) -> list[Token]:
    """Those a clash noun killed or wounded: the passive subject of "were killed in clashes with ..."."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
        return []
    verb = prep.head
    if verb.lemma_ not in _KILL_LEMMAS | _UNDERGO:
        return []
    deps = ("nsubjpass",) if verb.lemma_ in _KILL_LEMMAS else ("nsubj",)
    return [o for c in verb.children if c.dep_ in deps for o in _conjuncts(c)]


def _armed(tok: Token) -> bool:
    """True when the noun phrase at ``tok`` names an armed side (a group, forces, gunmen)."""
    lo, hi = phrase_range(tok)
    for m in dictionary().scan(tok.doc, lo, hi):
        if m.category in ("group", "military", "police") or (m.category == "generic" and m.value[1] <= 4):
            return True
    return False


def find_roles(tok: Token) -> tuple[list[Token], list[Token], list[Token]]:
    """Agent heads, patient heads and modifier agents around a trigger's head token."""
    agents: list[Token] = []
    patients: list[Token] = []
    mods: list[Token] = []
    if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) or (
            tok.lemma_ == "come" and any(c.lower_ == "under" for c in tok.children)
        )
        for child in sorted(tok.children, key=lambda c: c.dep_ != "prep"):
            if child.dep_ == "agent":
                agents.extend(o for c in child.children if c.dep_ == "pobj" for o in _conjuncts(c))
            elif child.dep_ == "nsubj" and not passive and tok.lemma_ in _UNDERGO:
                patients.extend(_conjuncts(child))  # "a prisoner died in custody"
            elif child.dep_ == "nsubj" and not passive:
                agents.extend(_conjuncts(child))
            elif child.dep_ == "dobj" and tok.lemma_ in _LAUNCH:
                continue  # the weapon, not the target
            elif child.dep_ in ("dobj", "nsubjpass"):
                patients.extend(_conjuncts(child))
            elif child.dep_ == "prep" and child.lower_ == "from" and tok.lemma_ in _TERRITORY:
                patients.extend(o for c in child.children if c.dep_ == "pobj" for o in _conjuncts(c))
            elif child.dep_ == "prep" and child.lower_ == "under" and tok.lemma_ == "come":
                # "peacekeepers came under fire from militiamen": the subject is the target
                patients.extend(c for c in tok.children if c.dep_ == "nsubj")
                for fire in (c for c in child.children if c.dep_ == "pobj"):
                    agents.extend(
                        o for p in fire.children if p.lower_ == "from" for o in p.children if o.dep_ == "pobj"
                    )
                passive = True
            elif child.dep_ == "prep" and child.lower_ in ("with", "on", "against", "between", "at"):
                objs = [o for c in child.children if c.dep_ == "pobj" for o in _conjuncts(c)]
                if child.lower_ == "between" and objs and not any(c.dep_ == "nsubj" for c in tok.children):
                    agents.append(objs[0])
                    objs = objs[1:]
                patients.extend(objs)
            elif (
                child.dep_ == "ccomp"
                and child.tag_ == "VBG"
                and tok.lemma_ in _KILL_LEMMAS
                and not any(c.dep_ == "dobj" for c in tok.children)
            ):
                # "attacked farmers harvesting olives": the parse makes the object a clause's subject
                patients.extend(c for c in child.children if c.dep_ == "nsubj")
            elif child.dep_ in ("advcl", "conj", "xcomp") and child.lemma_ in _KILL_LEMMAS:
                patients.extend(o for c in child.children if c.dep_ in ("dobj", "nsubjpass") for o in _conjuncts(c))
        if passive and not agents:
            # "two people were killed when gunmen attacked a village": the clause that tells the attack
            for clause in (c for c in tok.children if c.dep_ == "advcl" and c.lemma_ in _KILL_LEMMAS):
                agents.extend(o for c in clause.children if c.dep_ == "nsubj" for o in _conjuncts(c))
        cur = tok
        for _ in range(3):  # "opened fire ..., killing one and arresting 12": up the chain to a subject
            deps = ("conj", "xcomp", "advcl", "ccomp", "pcomp") if cur is tok else ("conj", "xcomp", "advcl")
            if agents or cur.dep_ not in deps or cur.head.i == cur.i:
                break
            if cur.dep_ == "ccomp" and cur.head.lemma_ in REPORTING and not any(_armed(p) for p in patients):
                # "two people were killed, police said": the teller did nothing ("20 militants were
                # killed, the army said" tells its own operation)
                break
            head = cur.head.head if cur.dep_ == "pcomp" else cur.head
            agents.extend(c for c in head.children if c.dep_ == "nsubj")
            agents.extend(o for c in head.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj")
            cur = head
        if not agents and tok.dep_ in ("relcl", "acl") and tok.head.i != tok.i:
            noun_agents, _, noun_mods = _noun_roles(tok.head)
            agents.extend(noun_agents)
            mods.extend(noun_mods)
    else:
        agents, patients, mods = _noun_roles(tok)
        head = tok.head
        if tok.dep_ == "dobj" and head.pos_ == "VERB" and not patients:
            # "carried out air strikes on Hezbollah strongholds": the target hangs on the light verb
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "targeting"):
                    patients.extend(o for g in c.children if g.dep_ == "pobj" for o in _conjuncts(g))
        judged = head.lemma_ in REPORTING or head.lemma_ in commenting_verbs() or head.lemma_ in accusing_verbs()
        if tok.dep_ in ("dobj", "attr", "nsubjpass") and head.i != tok.i and not agents and not judged:
            # "X carried out a raid"; not "the UN condemned the raid", "X blamed the attack on Y"
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children)
            for c in head.children:
                if c.dep_ == "nsubj" and not passive:
                    agents.extend(_conjuncts(c))
                if c.dep_ == "agent":
                    agents.extend(o for g in c.children if g.dep_ == "pobj" for o in _conjuncts(g))
        if tok.dep_ in ("nsubj", "dobj") and head.i != tok.i:
            # "an air strike killed 12 people"; "launched a strike, killing four civilians"
            if tok.dep_ == "nsubj" and head.lemma_ in _KILL_LEMMAS:
                patients.extend(o for c in head.children if c.dep_ == "dobj" for o in _conjuncts(c))
            for c in head.children:
                if c.dep_ in ("advcl", "conj") and c.lemma_ in _KILL_LEMMAS:
                    patients.extend(o for g in c.children if g.dep_ == "dobj" for o in _conjuncts(g))
        if tok.dep_ == "pobj" and head.lower_ == "for" and head.head.lower_ == "responsibility":
            claim = head.head.head  # "the group claimed responsibility for the bombing"
            agents.extend(c for c in claim.children if c.dep_ == "nsubj")
        if tok.dep_ == "pobj" and head.lower_ == "on" and head.head.pos_ in ("VERB", "AUX") and not agents:
            # "teachers went on strike", "embarked on a hunger strike"
            agents.extend(c for c in head.head.children if c.dep_ == "nsubj")
        if tok.dep_ == "pobj" and head.head.i != head.i and head.lower_ in ("in", "during", "by"):
            verb = head.head
            if verb.pos_ in ("VERB", "AUX"):
                patients.extend(c for c in verb.children if c.dep_ == "nsubjpass")
    charged = accused(tok)
    if charged is not None:
        # "accused the regime of heavy shelling": the accused did it, the accuser only tells
        inside = {t.i for t in tok.subtree}
        agents = [a for a in agents if a.i in inside] or charged
        patients = [p for p in patients if p not in charged]
    # a judge of the event is no actor of it, unless the judging is the event ("the UN condemned")
    agents = [a for a in agents if (v := _judging_verb(a)) is None or v.i == tok.i]
    # an event noun as subject ("an air strike by Russian jets killed"): its own agents
    expanded: list[Token] = []
    for agent in agents:
        if agent.lemma_.lower() in _EVENT_NOUNS:
            sub_a, sub_p, sub_m = _noun_roles(agent)
            expanded.extend(sub_a)
            mods.extend(sub_m)
            patients.extend(sub_p)
        else:
            expanded.append(agent)
    return expanded, patients, mods


def _sentence_actors(ctx: _Context, sent: Span, skip: set[int]) -> list[Actor]:
    """Actors named anywhere in a sentence (fallback when the parse gives none)."""
    found: list[Actor] = []
    seen: set[int] = set()
    for m in ctx.mentions:
        if not (sent.start <= m.start < sent.end) or m.category not in ("group", "military", "police", "generic"):
            continue
        head = ctx.doc[m.end - 1]
        nxt = ctx.doc[m.end] if m.end < sent.end else None
        if head.dep_ == "npadvmod" or (nxt is not None and (nxt.text == "-" or nxt.lower_ in _HELD)):
            continue  # "rebel-held", "government-controlled": a place, not an actor
        while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i and head.head.i < sent.end:
            head = head.head
        if head.i in seen or head.i in skip:
            continue
        if head.dep_ == "pobj" and head.head.dep_ == "agent" and head.head.head.lemma_ in _SUPPORT:
            continue  # "forces backed by coalition aircraft": an ally, not a side
        if _is_source(head) or (head.dep_ in ("dobj", "oprd") and head.head.lemma_ in _LAUNCH | _TOLD):
            continue  # "according to the US government" tells; "launched artillery" is a weapon; "called police"
        if head.dep_ == "appos" or any(t.dep_ == "appos" for t in ancestors(head)):
            continue  # "Turkey, a NATO member and a partner in the campaign against IS": says what Turkey is
        seen.add(head.i)
        actor = _code(ctx, head, sent)
        if actor is not None and actor.inter is not None and actor.inter != 7:
            found.append(actor)
    return found


def _actors_for(ctx: _Context, ev: Event, sent: Span, i: int) -> tuple[Actor | None, Actor | None]:
    doc = ctx.doc
    ev_start = ev.evidence.trigger_start if ev.evidence.trigger_start is not None else sent.start_char
    ev_end = ev.evidence.trigger_end if ev.evidence.trigger_end is not None else ev_start + 1
    span = doc.char_span(ev_start, ev_end, alignment_mode="expand")
    trig = span.root if span is not None and len(span) else sent.root
    if trig.dep_ == "advmod" and trig.pos_ == "ADV" and trig.head.pos_ == "VERB":
        trig = trig.head  # "sexually abused": the verb carries the roles
    agents, patients, mods = find_roles(trig)
    lex = dictionary()
    if trig.pos_ in ("NOUN", "PROPN") and mods:
        # an event noun's own words come first: "an Islamic State attack" beats "the SDF repelled"
        inside = {t.i for t in trig.subtree}
        own = [t for t in agents if t.i in inside]
        a1 = [a for t in own if (a := _code(ctx, t, sent)) is not None]
        if not a1:
            a1 = [a for t in mods if (a := _code_modifier(ctx, t, sent, ev.code)) is not None]
        if not a1:
            a1 = [a for t in agents if t.i not in inside and (a := _code_agent(ctx, t, sent)) is not None]
    else:
        a1 = [a for t in agents if (a := _code_agent(ctx, t, sent)) is not None]
        if not a1:
            a1 = [a for t in mods if (a := _code_modifier(ctx, t, sent, ev.code)) is not None]
    before = trig.doc[trig.i - 1] if trig.i > 0 else None
    if trig.tag_ == "VBG" and before is not None and before.head.i == trig.i and (not a1 or before in agents):
        # "Russian shelling hit ...", parsed as a verb form: its modifier names the side, not a subject
        a1 = [a for a in [_code_modifier(ctx, before, sent, ev.code)] if a is not None] or a1
    if not a1 and trig.pos_ == "NOUN" and trig.lemma_.lower() not in _EVENT_NOUNS:
        # "a suicide bomber killed ...": the trigger names the doer
        self_actor = _code(ctx, trig, sent)
        if self_actor is not None and self_actor.inter in (2, 3, 4):
            a1 = [self_actor]
    a2: list[Actor] = []
    for t in patients:
        actor = _code(ctx, t, sent)
        if actor is not None and ev.code in _OFFICIAL_VICTIM | {"ARREST"} and _unarmed_person(t, actor, ev.code):
            actor = _official_victim(ctx, t, sent, actor)
        if (
            actor is not None
            and actor.inter == 7
            and any(c.dep_ in ("acl", "relcl") and c.lemma_ in _PROTEST_VERBS for c in t.children)
        ):
            # "20 students protesting against fees": protesters
            entry = lex.generic_actor("Protesters ({country})", 6, actor.country)
            actor = entry.actor(actor.text, actor.start, actor.end)
        if actor is not None:
            a2.append(actor)
    a2 = [a for a in a2 if not a1 or a.name != a1[0].name or a.text != a1[0].text]
    if not a2 and trig.pos_ in ("VERB", "AUX"):
        # "threatened to shell Iraqi towns", "threatened action against Russia", "fighting with the army"
        for t in _further_patients(trig):
            actor = _code(ctx, t, sent)
            if actor is not None and (not a1 or actor.name != a1[0].name):
                a2 = [actor]
                break
    fallen = _fallen_in(trig) if ev.code == "ARMED_CLASH" else []
    if fallen and patients and not agents:
        # "60 terrorists were killed in clashes with the army": the side named with the clash
        # did the killing; the fallen are the other side
        side = [a for t in patients if (a := _code(ctx, t, sent)) is not None and a.inter != 7]
        dead = [a for t in fallen if (a := _code(ctx, t, sent)) is not None and a.inter != 7]
        if side:
            a1, a2 = side[:1], [a for a in dead if a.name != side[0].name][:1]
            agents = fallen
    used = {t.i for t in (*agents, *patients, *mods)}
    if ev.code in _TWO_SIDED and len(a1) > 1 and not a2:
        a2 = a1[1:]
    if ev.code in _TWO_SIDED and a1 and not a2:
        # the other side, named elsewhere in the sentence: "after clashes with the Congolese army"
        others = [p for p in _sentence_actors(ctx, sent, used) if p.name != a1[0].name and p.inter != 7]
        if others:
            a2 = others[:1]
    if not a1 and ev.code in _TWO_SIDED | {"AIR_STRIKE", "ART_MISS_ATTACK", "ATTACK", "ABDUCT_DISSAP"}:
        pool = _sentence_actors(ctx, sent, used)
        if not pool and i > 0 and _same_paragraph(ctx.text, ctx.sents[i - 1], sent):
            pool = _sentence_actors(ctx, ctx.sents[i - 1], set())
        if (
            not pool
            and ev.code in _TWO_SIDED
            and i + 1 < len(ctx.sents)
            and _same_paragraph(ctx.text, sent, ctx.sents[i + 1])
        ):
            pool = _sentence_actors(ctx, ctx.sents[i + 1], set())
        pool = [p for p in pool if not a2 or p.name != a2[0].name]
        # an armed side named in the sentence is likelier the doer than a crowd or a civilian
        pool.sort(key=lambda p: p.inter in (5, 6, 7))
        if pool:
            a1 = pool[:1]
            if not a2 and ev.code in _TWO_SIDED:
                a2 = [p for p in pool[1:] if p.name != pool[0].name][:1]
    actor1 = a1[0] if a1 else None
    actor2 = a2[0] if a2 else None
    if ev.code == "ARMED_CLASH" and _repelled(trig):
        # "troops repelled an ISWAP attack": ISWAP attacked, the troops were attacked
        if trig.dep_ == "dobj":  # the attack noun: its own doer is already the first side
            if actor1 is not None and actor2 is None:
                actor2 = next((a for t in trig.head.children if t.dep_ == "nsubj"
                               if (a := _code_agent(ctx, t, sent)) is not None), None)
        elif actor2 is not None:
            actor1, actor2 = actor2, actor1
    country = ctx.sentence_country(sent) or ctx.country
    lex = dictionary()
    if ev.code == "AGREEMENT" and actor1 is not None and actor2 is None:
        actor2 = _backer(ctx, actor1)
    if ev.code in _PROTEST | _RIOT:
        template, inter = ("Protesters ({country})", 6) if ev.code in _PROTEST else ("Rioters ({country})", 5)
        last = (actor1.text or "").split()[-1:] if actor1 is not None and actor1.inter != 1 else []
        followers = bool(last) and last[0].lower() in _FOLLOWERS
        if actor1 is None or actor1.inter in (7, None) or (actor1.inter == 6 and inter == 5) or followers:
            # "Tehreek-e-Labbaik supporters clashed with police": the party's followers riot
            entry = lex.generic_actor(template, inter, (actor1.country if actor1 else None) or country)
            actor1 = entry.actor(
                actor1.text if actor1 else None, actor1.start if actor1 else None, actor1.end if actor1 else None
            )
    if ev.code == "PROTEST_WITH_INTER" and actor1 is not None and actor1.inter == 1:
        # ACLED puts the protesters first and the intervening force second
        actor1, actor2 = actor2, actor1
        if actor1 is None or actor1.inter in (7, None):
            text = actor1.text if actor1 else None
            actor1 = lex.generic_actor("Protesters ({country})", 6, country).actor(text)
    if ev.code in _RIOT and actor1 is not None and actor1.inter == 1 and actor2 is not None and actor2.inter in (5, 6):
        # "soldiers fired rubber bullets at rioters": ACLED puts the rioters first
        actor1, actor2 = (
            lex.generic_actor("Rioters ({country})", 5, actor2.country).actor(actor2.text, actor2.start, actor2.end),
            actor1,
        )
    if ev.code == "FORCE_AGAINST_PROTEST" and actor2 is None:
        actor2 = lex.generic_actor("Protesters ({country})", 6, country).actor()
    owner = next((t for t in patients if t.dep_ == "poss" and t.head.i == trig.i), None)
    if actor2 is None and owner is not None and ev.code in _CIVILIAN_TARGET | {"ARREST"}:
        # "the mayor's killing by gunmen", "the activist's arrest": a person the lexicon does not know
        lo, hi = phrase_range(owner)
        o_start, o_end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        actor2 = lex.generic_actor("Civilians ({country})", 7, country).actor(doc[lo:hi].text, o_start, o_end)
    civilian_doer = actor1 is not None and actor1.inter == 7 and (actor1.name or "").startswith("Civilians")
    if ev.code in _CIVILIAN_TARGET and actor1 is not None and civilian_doer:
        # "a man stabbed the candidate": whoever attacks is an armed actor to ACLED, unnamed here
        entry = lex.generic_actor("Unidentified Armed Group ({country})", 3, actor1.country or country)
        actor1 = entry.actor(actor1.text, actor1.start, actor1.end)
    if ev.code in _CIVILIAN_TARGET and actor2 is None and (actor1 is not None or patients):
        # ("her daughter had been kidnapped": a victim told, whoever did it)
        actor2 = lex.generic_actor("Civilians ({country})", 7, country).actor()
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name and actor1.text == actor2.text:
        actor2 = None
    return actor1, actor2


def _unarmed_person(tok: Token, actor: Actor, code: str) -> bool:
    """An official attacked ("Government of X", not in an arrest) or a person named only by name
    ("Karlov's assassination", "Nasser's detention"): people, whom ACLED codes as civilians."""
    if actor.inter is None and actor.name == actor.text:
        return tok.ent_type_ == "PERSON"
    return code != "ARREST" and (actor.name or "").startswith("Government of ")


def _official_victim(ctx: _Context, tok: Token, sent: Span, actor: Actor) -> Actor:
    """An unarmed official or diplomat attacked: Civilians of the country where it happened (ACLED),
    the host of an "ambassador to Turkey", else the sentence's place outside the phrase."""
    lo, hi = phrase_range(tok)
    host = None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("to", "in"):
            for o in c.children:
                m = dictionary().match_at(ctx.doc, o.i, o.i + 1) if o.dep_ == "pobj" else None
                if m is not None and m.category in ("place", "capital"):
                    host = str(m.value)
    country = host or ctx.sentence_country(sent, (lo, hi)) or ctx.country
    return dictionary().generic_actor("Civilians ({country})", 7, country).actor(actor.text, actor.start, actor.end)


def _is_source(tok: Token) -> bool:
    """A teller, not a doer: "according to Pentagon sources", "the army said"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        return True
    return (tok.dep_ == "nsubj" and tok.head.lemma_ in REPORTING) or commentator(tok)


def _further_patients(verb: Token) -> list[Token]:
    """Targets one step further from a verb: under its object ("threatened action against Russia",
    "exchanged fire with Pakistani soldiers") and under its "to" verb ("threatened to shell Iraqi towns")."""

    def under(noun: Token) -> list[Token]:
        return [o for n in _conjuncts(noun) for p in n.children if p.dep_ == "prep" and p.lower_ in _TARGET_PREPS
                for o in p.children if o.dep_ == "pobj"]  # fmt: skip

    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "dobj":
            out.extend(under(c))
        elif c.dep_ == "xcomp" and c.pos_ == "VERB":
            for g in c.children:
                if g.dep_ == "dobj":
                    out.append(g)
                    out.extend(under(g))
            out.extend(under(c))
    return out


def _backer(ctx: _Context, actor: Actor) -> Actor | None:
    """The side's backer named anywhere in the article: "the Syrian government and its Russian backers"."""
    for m in ctx.mentions:
        if m.category != "military" or ctx.lowers[m.end - 1] not in _BACKERS:
            continue
        tok = ctx.doc[m.end - 1]
        if tok.dep_ != "conj":
            continue
        sent = tok.sent
        partner = _code(ctx, tok.head, sent)
        if partner is not None and partner.name == actor.name:
            backer = _code(ctx, tok, sent)
            if backer is not None and backer.name != actor.name:
                return backer
    return None


def _set_off(doc: Doc, fatal_at: int | None, trigger_at: int) -> bool:
    """The deaths set the event off: it hangs on the casualty word as what followed ("deputies fatally
    shot Dijon Kizzee ..., sparking protests at the scene"), or the casualty word on it as what came
    before ("protesters gathered after police fatally shot a man"); not "one protester was killed as
    thousands rallied"."""
    if fatal_at is None or not 0 <= trigger_at < len(doc):
        return False
    fatal, trigger = doc[fatal_at], doc[trigger_at]
    if fatal in trigger.ancestors:
        below = [trigger, *takewhile(lambda t: t.i != fatal.i, trigger.ancestors)]
        return any(t.dep_ == "advcl" and t.tag_ == "VBG" and not any(c.dep_ == "mark" for c in t.children)
                   for t in below)
    if trigger in fatal.ancestors:
        below = [fatal, *takewhile(lambda t: t.i != trigger.i, fatal.ancestors)]
        return any(c.dep_ in ("mark", "prep") and c.lower_ in ("after", "following", "over")
                   for t in below for c in (t, *t.children))
    return False


def _nearest_event(events: list[tuple[Event, int]], sent: Span, at: int | None) -> Event:
    if at is None or len(events) == 1:
        return events[0][0]
    return min(events, key=lambda e: abs(e[1] - at))[0]


def _with_added_deaths(fatal: Count, later: SentenceCounts, sent: Span, nxt: Span) -> Count:
    """The event's toll with the deaths the next sentence adds to it ("... killing 32 civilians. The two
    bombers also died." 34); unchanged unless that sentence's death verb is told as an addition of the
    same event: not another place or day, not "separately", not a share of the dead ("two of them")."""
    from .coder import names_new_scene, opens_apart

    added = later.fatalities
    if added.best is None or later.fatal_at is None or fatal.best is None:
        return fatal
    lex = counts_lexicon()
    word = sent.doc[later.fatal_at]
    verbs = [word, word.head] if word.dep_ in ("acomp", "oprd") else [word]  # "were also found dead"
    if not any(c.dep_ == "advmod" and c.lower_ in lex.additions for v in verbs for c in v.children):
        return fatal
    if (opens_apart(nxt, rules()) or names_new_scene(nxt, sent)
            or any(t.lower_ in lex.subset for t in nxt)):
        return fatal
    return Count(
        best=fatal.best + added.best,
        low=None if fatal.low is None or added.low is None else fatal.low + added.low,
        # the high end may hold the perpetrator already ("blew himself up, killing five": high 6)
        high=None if fatal.high is None else max(fatal.high, fatal.best + added.best),
        text=fatal.text,
    )


def _toll_sentences(ctx: _Context, by_sent: dict[int, list[tuple[Event, int]]]) -> list[int]:
    """Sentences whose events only tell the toll of the violent event told just before: each is doer-less
    and a killing or the same sub-type, the sentence tells deaths, and it opens no other story (no new
    place or day, nothing "separately") in the same paragraph ("The military council's airplane bombed
    Kanan village. Four villagers including a monk died, according to an aid worker.")."""
    from .coder import names_new_scene, opens_apart

    out = []
    for j, evs in by_sent.items():
        before = [ev for ev, _ in by_sent.get(j - 1, []) if ev.status in REPORTABLE and ev.code in _LETHAL]
        told = [ev for ev, _ in evs if ev.status in REPORTABLE]
        if not before or not told or len(told) != len(evs):
            continue
        sent, prev = ctx.sents[j], ctx.sents[j - 1]
        if (ctx.counts_of(j).fatalities.text is None or not _same_paragraph(ctx.text, prev, sent)
                or opens_apart(sent, rules()) or names_new_scene(sent, prev)):
            continue
        # an event told with its own toll keeps it: deaths told after it may be another event's ("Five
        # soldiers were also killed in an ambush"), unless they are told as more of that event ("Seven
        # soldiers also died in the fighting": added to its toll)
        own = ctx.counts_of(j - 1)
        if own.fatalities.best is not None and not own.fatal_self_only and not _more_of_it(sent):
            continue
        if any(t.lower_ in _ELSEWHERE for t in sent):
            continue  # "in another city", "in a separate raid", "in a neighbouring district"
        if not _doer_told(sent) and all(ev.code in _KILLING or ev.code in {b.code for b in before} for ev in told):
            out.append(j)
    return out


def _more_of_it(sent: Span) -> bool:
    """Deaths told with "also" in the event just told, named by a definite noun ("... also died in the
    fighting", "were also killed in the attack")."""
    adds = counts_lexicon().additions
    return any(t.lower_ in adds for t in sent) and any(
        t.lemma_.lower() in _SAME_EVENT and t.dep_ == "pobj" and t.head.lower_ in ("in", "during")
        and any(c.lower_ in ("the", "that", "this") for c in t.children)
        for t in sent
    )


def _doer_told(sent: Span) -> bool:
    """Whether a sentence tells an act of its own: a verb of attack or fighting ("A neighbouring village was
    also attacked"), or a killing with its doer, an agent ("killed by gunmen") or a subject that is no victim
    of it (not a headline's "4 police officers killed")."""
    for t in sent:
        lemma = t.lemma_.lower()
        if t.pos_ != "VERB" or (lemma not in _KILLING_VERBS and lemma not in _ACT_VERBS):
            continue
        if lemma in _ACT_VERBS or any(c.dep_ == "agent" for c in t.children):
            return True
        told = {v.i for v in victims(t)}
        if any(c.dep_ == "nsubj" and c.i not in told for c in t.children):
            return True
    return False


def fill(doc: Doc, article: Article, events: list[Event]) -> list[Tally]:
    """Fill each event's actors, counts and attribution in place, folding a sentence that only tells the
    toll of the event before into that event (its mentions leave ``events``); return the tallies."""
    lex = dictionary()
    texts, lowers = [], []
    for t in doc:
        texts.append(t.text)
        lowers.append(t.lower_)
    mentions = lex.scan_words(texts, lowers)
    sents = list(doc.sents)
    year = int(article.published[:4]) if article.published and article.published[:4].isdigit() else None
    # a commentator's country is not where the events are: "France condemned the killing ... in Mali"
    country = article_country([m for m in mentions if not commentator(doc[m.end - 1], accusers=False)])
    if country is None:  # no country named: the country of the towns it names
        towns = city_countries()
        found = [
            towns[e.text]
            for e in doc.ents
            if e.label_ in ("GPE", "LOC", "FAC") and e.text in towns and not commentator(e.root, accusers=False)
        ]
        if not found:  # towns the tagger missed: "in Culiacan", "the town of Kidal"
            found = [towns[t.text] for t in doc if _town_word(t) and t.text in towns]
        country = max(set(found), key=found.count) if found else None
        if country is None:  # a region: "in Zamfara state", "in Michoacan"
            country = next((c for s in sents if (c := _region_country(s)) is not None), None)
    ctx = _Context(doc, article, sents, mentions, country, text=doc.text, lowers=lowers, year=year)
    by_sent: dict[int, list[tuple[Event, int]]] = {}
    for ev in events:
        i = (
            ev.sentence
            if ev.sentence is not None and 0 <= ev.sentence < len(sents)
            else ctx.sent_index(ev.evidence.start)
        )
        sent = sents[i]
        ev.actor1, ev.actor2 = _actors_for(ctx, ev, sent, i)
        ev.attributed_to = list(ctx.sources_of(i))
        t_start = ev.evidence.trigger_start if ev.evidence.trigger_start is not None else sent.start_char
        tok = doc.char_span(t_start, t_start + 1, alignment_mode="expand")
        by_sent.setdefault(i, []).append((ev, tok.start if tok is not None else sent.start))
    for j in _toll_sentences(ctx, by_sent):
        # "An Israeli drone struck a motorcycle in Hanine. 1 Hezbollah member killed.": one event and its toll
        for ev, _ in by_sent.pop(j):
            events.remove(ev)
    for i, evs in by_sent.items():
        counts = ctx.counts_of(i)
        # an event told without its toll, or without a number for it, takes the toll of the next
        # sentence that tells no event, across one that tells neither ("... targeted a base. Al Shabaab
        # claimed responsibility. Seven soldiers were killed."; "protesting the killing of a colleague.
        # Residents said at least three persons died.")
        fatal, fatal_at, injured, injured_at = counts.fatalities, counts.fatal_at, counts.injured, counts.injured_at
        selves = counts.fatal_self_only  # a bomber's own death gives way to the toll of his victims
        own_toll = fatal.best is not None and not selves
        nxt = i + 1
        while (fatal.best is None or selves or injured.best is None) and nxt < min(i + 3, len(sents)):
            if nxt in by_sent or not _same_paragraph(ctx.text, sents[nxt - 1], sents[nxt]):
                break
            later = ctx.counts_of(nxt)
            if later.fatalities.text is not None and (
                    fatal.text is None or (fatal.best is None and later.fatalities.best is not None)
                    or (selves and later.fatalities.best)):
                fatal, fatal_at, selves = later.fatalities, later.fatal_at, False
            if later.injured.text is not None and (
                    injured.text is None or (injured.best is None and later.injured.best is not None)):
                injured, injured_at = later.injured, later.injured_at
            nxt += 1
        if own_toll and i + 1 < len(sents) and i + 1 not in by_sent and _same_paragraph(
                ctx.text, sents[i], sents[i + 1]):
            fatal = _with_added_deaths(fatal, ctx.counts_of(i + 1), sents[i], sents[i + 1])
        # a peaceful protest the deaths set off ("deputies fatally shot a man ..., sparking protests")
        # takes none of them; deaths told at it ("one protester was killed as thousands rallied") stay
        tolled = [(e, at) for e, at in evs
                  if not (e.code in _NO_TOLL_CODES and _set_off(sents[i].doc, fatal_at, at))]
        if fatal.text is not None and tolled:
            _nearest_event(tolled, sents[i], fatal_at).fatalities = fatal
        if injured.text is not None:
            _nearest_event(evs, sents[i], injured_at).injured = injured
    return _tallies(ctx, lowers)


def _tallies(ctx: _Context, lowers: list[str]) -> list[Tally]:
    out: list[Tally] = []
    for i, sent in enumerate(ctx.sents):
        words = lowers[sent.start : sent.end]
        if _TALLY_WORDS.isdisjoint(words) and not any(len(w) == 4 and w.isdigit() for w in words):
            continue
        counts = ctx.counts_of(i)
        if counts.tally_fatalities is None and counts.tally_injured is None:
            continue
        start = end = None
        if counts.tally_marker is not None:
            start, end = tally_period(ctx.doc[counts.tally_marker], ctx.article.published)
        place = next((e.text for e in sentence_ents(sent) if e.label_ in ("GPE", "LOC", "FAC")), None)
        out.append(
            Tally(
                evidence=Evidence(sent.start_char, sent.end_char),
                fatalities=counts.tally_fatalities.best if counts.tally_fatalities else None,
                injured=counts.tally_injured.best if counts.tally_injured else None,
                start=start,
                end=end,
                place=place,
                attributed_to=list(ctx.sources_of(i)),
            )
        )
    return out
