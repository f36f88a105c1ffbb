"""Each event's location: the place tied to its trigger, with ACLED geo precision.

The place whose dependency path to the trigger is shortest (a place under the
trigger's "in", "at", "near", "outside", "on the road to" phrase) wins; else the
sentence's own place; else the article's main place; else the wire dateline's city
(precision 2). A dateline, a place inside a quotation and a country used as a modifier
("a U.S. strike") do not place an event when the article names a place. ACLED's geo precision: 1
the named town or site itself, 2 near it or part of a larger named area (a
district, "eastern Aleppo", "north of X"), 3 only a region or country.

A sentence that tells its event at several towns gives one location each
(``coordinated_places``). After the article-level merge, ``known_place`` makes each
event's place as fine as the article allows (a country-only place, an unknown village).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from ..model import Article, Event, Location, Place
from ..nlp import segment_kind

__all__ = ["coordinated_places", "focus_countries", "known_place", "locate_event", "precision_of"]

_REGION_CODES = {"PCLI", "PCLD", "PCLS", "PCLF", "PCLIX", "PCL", "CONT", "ADM1", "ADM1H", "RGN", "TERR"}
_AREA_CODES = {"ADM2", "ADM3", "ADM4", "ADMD", "ADM2H", "AREA", "PRK", "ISL", "ISLS", "VAL", "MTS"}


@lru_cache(maxsize=1)
def _words() -> dict[str, set[str]]:
    data = yaml.safe_load(resources.files("sitrep.data").joinpath("geo_location.yaml").read_text("utf-8"))
    return {k: {str(w).lower() for w in v} for k, v in data.items()}


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """National and regional demonyms (data/demonyms.csv, data/demonyms_regional.csv), lower-cased."""
    forms: set[str] = set()
    for name, column in (("demonyms.csv", 1), ("demonyms_regional.csv", 0)):
        text = resources.files("sitrep.data").joinpath(name).read_text("utf-8")
        for line in text.splitlines():
            if line and not line.startswith("#") and "," in line and not line.startswith(("iso2,", "form,")):
                forms.add(line.split(",")[column].strip().lower())
    return frozenset(forms)


def _usable(p: Place) -> bool:
    # a stand-in town places no event by itself: known_place picks the next larger place its own way
    return p.latitude is not None and p.longitude is not None and not p.stand_in


def _is_demonym(p: Place) -> bool:
    # "the Kenyan and Tanzanian capitals": a nationality read as its capital city is a place
    return p.text.lower() in _demonyms() and p.feature_code != "PPLC"


def _span(doc: Doc, p: Place) -> Span | None:
    return doc.char_span(p.start, p.end, alignment_mode="expand")


def _path_length(a: Token, b: Token) -> int:
    """Edges between two tokens in the dependency tree (large when in other sentences)."""
    if a.sent.start != b.sent.start:
        return 99
    up_a = [a, *a.ancestors]
    depth = {t.i: k for k, t in enumerate(up_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return depth[t.i] + k
    return 99


def _modifier(doc: Doc, span: Span) -> str:
    """How the text ties the place: "near" for near/outside/north of..., "part" for "eastern X", else "at"."""
    w = _words()
    before = [t.lower_ for t in doc[max(0, span.start - 4):span.start]]
    if span.start > 0 and doc[span.start - 1].lower_ in w["parts"]:
        return "part"
    if any(t in w["near"] for t in before[-3:]):
        return "near"
    if len(before) >= 2 and before[-1] == "of" and before[-2] in w["directions"]:
        return "near"
    # The preposition that governs the place's phrase: "on the road to X".
    head = span.root.head
    if head.dep_ == "prep" and head.lower_ in w["near"]:
        return "near"
    # The place owns a word of nearness: "Damascus' suburbs", "the Aleppo countryside".
    if span.root.dep_ in ("poss", "compound") and head.lower_ in w["near"]:
        return "near"
    return "at"


def precision_of(p: Place, modifier: str = "at") -> int:
    """ACLED geo precision of a place as the text ties it to an event."""
    code = p.feature_code or ""
    if code in _REGION_CODES or _is_demonym(p):
        return 3
    if code in _AREA_CODES or modifier in ("near", "part"):
        return 2
    return 1


def _location(p: Place, precision: int, via: str) -> Location:
    return Location(name=p.name, geonameid=p.geonameid, latitude=p.latitude, longitude=p.longitude,
                    country=p.country, admin1=p.admin1, admin2=p.admin2, precision=precision, text=p.text,
                    feature_code=p.feature_code, via=via)


def _granularity(p: Place) -> int:
    """Smaller is finer: towns before districts before regions and countries, demonyms last."""
    if _is_demonym(p):
        return 4
    return precision_of(p)


def focus_countries(article: Article, places: list[Place]) -> frozenset[str]:
    """The countries the article is about: those its body names at least half as often as the first."""
    counts = Counter(p.country for p in places
                     if _usable(p) and p.country and segment_kind(article, p.start, p.end) in ("body", "dateline"))
    if not counts:
        return frozenset()
    top = max(counts.values())
    return frozenset(c for c, n in counts.items() if 2 * n >= top)


def _coherent(p: Place, focus: frozenset[str], sentence: list[Place]) -> bool:
    """A town abroad places an event only when its country is named beside it ("In Iraq, ... Baghdad"):
    a lone reading in a far country is a misreading ("Arsenal" in a Ukraine story is no Mauritius)."""
    # a country, continent or named region is no namesake; a first-level unit abroad can be ("Tokhar"
    # read as Afghanistan's Takhar in a Syria story)
    if not focus or not _usable(p) or p.country in focus or (p.feature_code or "") in _REGION_CODES - {"ADM1", "ADM1H"}:
        return True
    if p.for_country:
        return True  # "embassies in Kenya and Tanzania": the country itself is named
    return any(q is not p and q.country == p.country and (q.feature_code or "") in _REGION_CODES for q in sentence)


def _main_place(article: Article, places: list[Place]) -> Place | None:
    """The article's most named fine-grained place in the countries it is about (earliest on ties)."""
    # a demonym tells whose ("Syrian troops"), never where
    body = [p for p in places if _usable(p) and not _is_demonym(p) and segment_kind(article, p.start, p.end) == "body"]
    focus = focus_countries(article, places)
    body = [p for p in body if not focus or p.country in focus] or body
    if not body:
        return None
    counts = Counter(p.geonameid or p.name for p in body)
    return min(body, key=lambda p: (_granularity(p), -counts[p.geonameid or p.name], p.start))


def _ranked(doc: Doc, article: Article, event: Event, places: list[Place], main: Place | None,
            focus: frozenset[str]) -> list[tuple[Place, Span]]:
    """The places of the event's own sentence, best first."""
    ev = event.evidence
    # A dateline ("BEIRUT, April 4 -") names where the story was filed, not where it happened.
    in_sentence = [p for p in places if ev.start <= p.start and p.end <= ev.end and not _is_demonym(p)
                   and segment_kind(article, p.start, p.end) not in ("credit", "byline", "dateline")]
    trigger: Token | None = None
    if ev.trigger_start is not None and ev.trigger_end is not None:
        tspan = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
        if tspan is not None and len(tspan):
            trigger = tspan.root
    ranked = []
    spans = {id(p): _span(doc, p) for p in in_sentence}
    # "the Damascus suburbs of Ain Tarma", "the Aleppo district of Jobar": the noun the city
    # modifies is named by a finer place after "of"
    named_after_of = {s.root.head.head.i for s in spans.values()
                      if s is not None and s.root.dep_ == "pobj" and s.root.head.lower_ == "of"}
    for p in in_sentence:
        if main is not None and not _coherent(p, focus, in_sentence):
            continue
        span = spans[id(p)]
        if span is None:
            continue
        dist = _path_length(span.root, trigger) if trigger is not None else 50
        if span.root.dep_ in ("compound", "poss", "nmod") and span.root.head.i in named_after_of:
            dist += 10
        if _origin(span, trigger):
            if main is not None and (_country_only(p) or (p.feature_code == "RGN" and all(
                    w in _words()["directions"] for w in p.text.lower().replace("-", " ").split()))):
                continue  # "terrorists fleeing from the North East were arrested", "counterparts from
                # Cameroon ... arresting three": not where, and too coarse to stand for where; the story's
                # own place does better (but "fighters from Borno State attacked", "witnesses from
                # Jubaland said": a named state or region may be where)
            dist += 6
        if main is not None and trigger is not None and _where_said(span, trigger):
            continue
        if span.root.dep_ in ("dobj", "dative") and span.root.head.lemma_ in _TOLD_TO:
            continue  # "residents told Addis Standard", "told Kyiv Independent": an outlet, not where
        chars = abs(p.start - (ev.trigger_start if ev.trigger_start is not None else ev.start))
        grain = _granularity(p) if _usable(p) else 1
        # A country that modifies a noun ("a U.S. missile strike", "the Syrian army",
        # "Britain-based") tells whose it is, and a place inside a quotation ("Don't forget
        # Aleppo!") what someone said: not where. The article's main place does better.
        quoted = _quoted(article.text or doc.text, ev.start, p.start)
        if main is not None and (quoted or _whose(p, span)):
            continue
        ranked.append((quoted, grain >= 3, dist, grain, chars, p, span))
    ranked.sort(key=lambda r: r[:5])
    return [(r[-2], r[-1]) for r in ranked]


def _sites(doc: Doc, places: list[Place]) -> list[Place]:
    """The places that can be where something happened: not one that speaks ("the Pentagon said",
    "Moscow denied"), which names a government or an institution, an actor."""
    speak = _words()["speaker_verbs"]
    text = doc.text
    out = []
    for k, p in enumerate(places):
        span = _span(doc, p)
        if span is not None and span.root.dep_ == "nsubj" and _speaks(span.root.head, speak):
            continue
        before = places[k - 1] if k else None
        # "embassies in Nairobi, Kenya, and Dar es Salaam, Tanzania": a country right after a town says
        # where the town lies; it is no embassy of its own, and stays the country
        qualifies = (before is not None and (before.feature_code or "") not in _REGION_CODES
                     and text[before.end:p.start].strip() == ",")
        out.append(p if qualifies else (p.seat or p))  # "the Somali capital": Mogadishu, not Somalia
    return out


def _speaks(verb: Token, speak: set[str]) -> bool:
    """The verb makes its subject a speaker: "Moscow denied", "which Washington called a red line"; not
    "Gaza described as hell on earth", "Mariupol called 'a city of the dead'", "Kharkiv called in crews"."""
    lemma = verb.lemma_.lower()
    if lemma not in speak or any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children):
        return False
    return lemma not in ("call", "describe") or any(c.dep_ == "dobj" for c in verb.children)


def locate_event(doc: Doc, article: Article, event: Event, places: list[Place]) -> Location | None:
    """The event's place, else None."""
    places = _sites(doc, places)
    usable = [p for p in places if _usable(p)]
    main = _main_place(article, usable)
    ranked = _ranked(doc, article, event, places, main, focus_countries(article, usable))
    if ranked:
        best, span = ranked[0]
        if not _usable(best):
            # The text names the place but the gazetteer does not know it ("the village of
            # Alagarno"): the name keeps the event apart from others until ``known_place``.
            return Location(text=best.text, via="sentence")
        return _location(best, precision_of(best, _modifier(doc, span)), "sentence")
    if main is None:
        # Only the dateline names a place: the story was filed from near there.
        filed = [p for p in usable
                 if segment_kind(article, p.start, p.end) == "dateline" and p.start <= event.evidence.end]
        return _location(filed[0], max(2, precision_of(filed[0])), "dateline") if filed else None
    return _location(main, precision_of(main), "main")


# the prepositions of where (for countries told as two events) and how far from the trigger they may be
_LOCATIVE = frozenset({"in", "at", "across", "near", "outside", "inside", "throughout", "within"})
_COUNTRY_PATH = 7


def coordinated_places(doc: Doc, article: Article, event: Event, places: list[Place]) -> list[Location]:
    """Where the sentence tells its event at several coordinated places ("rockets hit the suburbs of
    Ain Tarma, Zamalka and Jobar"), a location for each, in text order; else an empty list. ACLED
    codes one event per location."""
    places = _sites(doc, places)
    usable = [p for p in places if _usable(p)]
    ranked = _ranked(doc, article, event, places, _main_place(article, usable),
                     focus_countries(article, usable))
    if not ranked:
        return []
    best, span = ranked[0]
    tok = span.root
    for _ in range(3):  # (through "Penjwen and Sulaimani city": a name may modify the noun "between" governs)
        if tok.head.lower_ in ("between", "from"):
            return []  # "a bus between Nekemte and Gimbi": a stretch of road, one event
        if tok.dep_ not in ("nmod", "compound", "conj", "appos") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.lower_ in _words()["crossing"]:
            return []  # "the intersection of Providencia and Tobalaba streets": one spot
    # "in Nairobi, Kenya, and Dar es Salaam, Tanzania": the second town hangs from the first one's country
    together = {t.i for t in span.root.conjuncts} | {
        c.i for a in span.root.children if a.dep_ == "appos" for c in a.conjuncts}
    if span.root.dep_ == "pobj" and span.root.head.lower_ in _LOCATIVE:
        # "killed 247 people in Kenya and 10 in Tanzania": the act told again, its verb left out;
        # "camps in Afghanistan and a chemical plant in Sudan" (the parse joins "plant" to the place)
        joined = [*span.root.head.head.conjuncts, *span.root.conjuncts]
        together |= {o.i for x in joined for pp in x.children
                     if pp.dep_ == "prep" and pp.lower_ in _LOCATIVE for o in pp.children if o.dep_ == "pobj"}
    # "embassies in Kenya and Tanzania": countries joined by "and" where the event happened are two
    # events, as towns are; not countries that act ("co-sponsored by Kenya, Tanzania and the United
    # States") or are named far from the trigger ("the architect of the bombings of embassies in ...")
    ev = event.evidence
    tspan = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand") \
        if ev.trigger_start is not None and ev.trigger_end is not None else None
    countries = (_usable(best) and best.feature_code == "PCLI" and tspan is not None and len(tspan) > 0
                 and tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE
                 and _path_length(span.root, tspan.root) <= _COUNTRY_PATH)

    def fits(p: Place) -> bool:
        # towns and sites only: "Butig, Lanao del Sur" names a town and its province, one place
        return not (_usable(p) and _granularity(p) > 1) or (countries and p.feature_code == "PCLI")

    if not together or not fits(best):
        return []
    text = article.text or doc.text
    # "a wedding in Djiguibombo (Bankass, Mopti)": names in brackets say where the place lies
    chosen = [(p, s) for p, s in ranked
              if p is best or (s.root.i in together and fits(p)
                               and not _bracketed(text, event.evidence.start, p.start))]
    if len(chosen) < 2:
        return []
    out: list[Location] = []
    seen: set[int | str] = set()
    for p, s in sorted(chosen, key=lambda ps: ps[0].start):
        # one place told twice is one: "the embassies in Kampala, Uganda" (the country read as its
        # capital); a name the gazetteer lacks is its own place ("Unguwan Gata and Unguwan Dangana
        # villages", each standing in as the same town)
        key = p.text if p.stand_in else p.geonameid or (
            f"{p.name}@{p.latitude},{p.longitude}" if p.latitude is not None else p.text)
        if key in seen:
            continue
        seen.add(key)
        out.append(_location(p, precision_of(p, _modifier(doc, s)), "sentence") if _usable(p)
                   else Location(text=p.text, via="sentence"))
    return out if len(out) > 1 else []


def known_place(doc: Doc, article: Article, event: Event, places: list[Place]) -> Location | None:
    """The merged event's place made as fine as the article allows, as an ACLED coder would.

    An event placed only at a country ("the Nigerian Army arrested ...") takes the article's main
    place in that country. An event placed at a name the gazetteer does not know (an unfound
    village) takes the next larger known place: the sentence's own (not a country), else the main
    place, at precision 2 or coarser, keeping the unknown name. Both run after merging, so that
    until then the words the text used keep distinct events apart.
    """
    loc = event.location
    if loc is None:
        return loc
    places = _sites(doc, places)
    usable = [p for p in places if _usable(p)]
    main = _main_place(article, usable)
    if loc.latitude is not None:
        coarse = (loc.feature_code or "").startswith("PCL") and loc.via in ("sentence", "mention")
        if coarse and main is not None and main.country == loc.country and not _country_only(main):
            return _location(main, max(2, precision_of(main)), "main")
        return loc
    known = [p for p, _ in _ranked(doc, article, event, places, main, focus_countries(article, usable))
             if _usable(p) and not _country_only(p)]
    wider, via = (known[0], "sentence") if known else (main, "main")
    if wider is None:
        return loc
    return replace(_location(wider, max(2, precision_of(wider)), via), text=loc.text)


# verbs whose object is the one told (a newspaper, an agency), never where something happened
_TOLD_TO = frozenset({"tell", "inform", "brief"})


def _origin(span: Span, trigger: Token | None) -> bool:
    """A place someone came or fired from ("militants who infiltrated from Iraq", "rockets fired from
    Gaza hit Sderot"): where the event happened is elsewhere. Under the trigger itself ("abducted
    from their school in Kankara", "withdrew from the town") it is the event's place."""
    prep = span.root.head
    return (
        span.root.dep_ == "pobj"
        and prep.lower_ == "from"
        and (trigger is None or prep.head.i != trigger.i)
        and prep.head.lower_ not in _words()["directions"]
    )


def _where_said(span: Span, trigger: Token) -> bool:
    """A place in the clause that tells who said it ("a statement issued yesterday in Abuja", "who
    disclosed this at a news briefing in Kaduna, said ..."): where it was said, not where it happened."""
    above = {trigger.i, *(a.i for a in trigger.ancestors)}
    said = _words()["said_where"]
    tok = span.root
    while tok.i not in above and tok.head.i != tok.i:
        tok = tok.head
        if tok.i not in above and tok.lemma_.lower() in said:
            return True
    return False


def _country_only(p: Place) -> bool:
    return (p.feature_code or "").startswith("PCL")


def _whose(p: Place, span: Span) -> bool:
    """A country (or its demonym) used as a modifier: "U.S. strike", "Syria's army", "Britain-based"."""
    country = (p.feature_code or "").startswith("PCL") or _is_demonym(p)
    return country and span.root.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod")


_QUOTES = str.maketrans({"“": '"', "”": '"'})


def _bracketed(text: str, start: int, pos: int) -> bool:
    """True when ``pos`` lies inside round brackets opened after ``start`` (the sentence start)."""
    before = text[start:pos]
    return before.count("(") > before.count(")")


def _quoted(text: str, start: int, pos: int) -> bool:
    """True when ``pos`` lies inside double quotes opened after ``start`` (the sentence start)."""
    return text[start:pos].translate(_QUOTES).count('"') % 2 == 1
