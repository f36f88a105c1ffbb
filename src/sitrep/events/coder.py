"""Event detection: triggers, ACLED sub-type and status for every sentence (captions included)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Article, Event, Evidence
from ..nlp import segment_kind
from .lexicon import Rules, Trigger, WordSet, rules
from .roles import REPORTING, agents, classify, governor, singulars, target_class, targets, word_bag
from .status import is_background, is_prior, status_of
from .taxonomy import subtype
from .triggers import TriggerMatch, find_triggers

__all__ = ["SKIP_KINDS", "code_events"]

# Segments that tell no event: keyword titles, photo credits, bylines, read-more links.
SKIP_KINDS = frozenset({"keywords", "credit", "byline", "readmore"})
# How a target is reached for by_object: its direct object or an "on/at/against" phrase.
_TARGET_VIA = frozenset({"dobj", "nsubjpass", "on", "at", "against", "of", "into", "attr", "upon"})
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
_MOB_IGNORES = frozenset({"crime", "legal"})
_PROTEST_CODES = frozenset({"PEACE_PROTEST", "PROTEST_WITH_INTER", "FORCE_AGAINST_PROTEST", "VIOL_DEMONSTR"})


@dataclass
class _Candidate:
    trigger: Trigger
    code: str
    start: int
    end: int
    root: Token


class _Context:
    """The words of one sentence, for the trigger entries' near/not_near conditions."""

    def __init__(self, sent: Span) -> None:
        toks = [t for t in sent if not _is_source(t)]
        self.words = singulars({t.lemma_.lower() for t in toks} | {t.lower_ for t in toks})
        self.lemmas = " " + " ".join(t.lemma_.lower() for t in toks) + " "
        self.lowers = " " + " ".join(t.lower_ for t in toks) + " "
        # blockers (disaster, history, crime...) see the whole sentence, sources included
        self.all_words = singulars({t.lemma_.lower() for t in sent} | {t.lower_ for t in sent})
        self.all_lemmas = " " + " ".join(t.lemma_.lower() for t in sent) + " "
        self.all_lowers = " " + " ".join(t.lower_ for t in sent) + " "

    def has(self, ws: WordSet) -> bool:
        return ws.in_words(self.words, self.lemmas) or any(p in self.lowers for p in ws.phrases)

    def has_any(self, ws: WordSet) -> bool:
        """Like ``has`` over every word of the sentence, the sources' included."""
        return ws.in_words(self.all_words, self.all_lemmas) or any(p in self.all_lowers for p in ws.phrases)

    def cue(self, ws: WordSet, removed: tuple[str, ...] = ()) -> bool:
        """Like ``has`` after blanking phrases that look like cues but are not ("riot police")."""
        lemmas, lowers = self.lemmas, self.lowers
        for phrase in removed:
            lemmas, lowers = lemmas.replace(phrase, " "), lowers.replace(phrase, " ")
        words = set(lemmas.split()) | set(lowers.split())
        return ws.in_words(words, lemmas) or any(p in lowers for p in ws.phrases)


def _is_source(tok: Token) -> bool:
    """A word of the subject of a reporting verb ("police said"): a source, not the event's context."""
    cur = tok
    for _ in range(3):
        if cur.dep_ == "nsubj" and cur.head.lemma_.lower() in REPORTING:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _near(names: tuple[str, ...], ctx: _Context, r: Rules, own: frozenset[str] = frozenset()) -> bool:
    """A word of one of the sets in the sentence; ``own`` (the trigger's words) does not count."""
    for n in names:
        ws = r.sets.get(n)
        if ws is None:
            continue
        if (ws.singles & ctx.words) - own or any(p in ctx.lemmas or p in ctx.lowers for p in ws.phrases):
            return True
    return False


def _event_head(head: Token, r: Rules) -> bool:
    """A noun that itself names an event or deal ("bomb attack", "ceasefire deal")."""
    return head.lemma_.lower() in r.sets["event_heads"].singles or head.lower_ in r.sets["event_heads"].singles


def _agent_class(root: Token, r: Rules) -> tuple[bool, str | None]:
    """Whether the trigger shows a doer, and the doer's actor class."""
    found = agents(root)
    for a in found:
        cls = classify(a, r.actor_classes)
        if cls is not None:
            return True, cls
    return bool(found), None


def _object_ok(names: tuple[str, ...], tgs: list[tuple[Token, str]], r: Rules, root: Token) -> bool:
    """A target of the wanted kind; failing the parse, one of the next few words (the small
    model misattaches objects: "intercepted a missile fired ..." parsed as a clause)."""
    if _object_found(names, tgs, r):
        return True
    if any(via == "dobj" for _, via in tgs):
        return False  # the parse found the object, and it is not of the wanted kind
    window = []
    for tok in root.doc[root.i + 1 : min(root.i + 6, root.sent.end)]:
        if tok.is_punct:
            break
        window.append((tok, "window"))
    return _object_found(tuple(n for n in names if n != "from_place"), window, r)


def _object_found(names: tuple[str, ...], tgs: list[tuple[Token, str]], r: Rules) -> bool:
    for tok, via in tgs:
        words, joined = word_bag(tok)
        for n in names:
            if n == "from_place" and via == "from":
                return True
            if n in r.sets and r.sets[n].in_words(words, joined):
                return True
            if n == "territory" and tok.ent_type_ in _PLACE_ENTS:
                return True
            if n in ("civilian", "armed", "protester") and target_class(tok, r.actor_classes) == n:
                return True
    return False


def _governed(trig: Trigger, root: Token) -> bool:
    if root.pos_ in ("VERB", "AUX"):
        verb: Token | None = root
    else:
        verb = governor(root)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    if lemma in trig.governed:
        return True
    return any(f"{lemma} {c.lower_}" in trig.governed for c in verb.children if c.dep_ in ("prt", "prep"))


def _evaluate(m: TriggerMatch, doc: Doc, ctx: _Context, r: Rules) -> _Candidate | None:
    """The candidate event a matched trigger gives, or None when its conditions fail."""
    trig = m.trigger
    span = doc[m.start : m.end]
    root = span.root
    if trig.pos and root.pos_ not in trig.pos:
        return None
    if trig.not_in:
        window = " " + " ".join(t.lemma_.lower() for t in doc[max(m.start - 2, 0) : m.end + 2]) + " "
        if any(p in window for p in trig.not_in):
            return None
    if trig.not_with and any(c.dep_ in trig.not_with for c in root.children):
        return None  # "to demonstrate that ...", "protested that ...": showing or saying
    if root.dep_ == "amod" and len(span) == 1 and not trig.as_modifier:
        return None  # "the occupied West Bank": a state, no event told
    if root.dep_ == "compound" and len(span) == 1 and not _event_head(root.head, r):
        return None  # "the occupied West Bank", "battle zones", "truce monitors": no event told
    own = frozenset({root.lemma_.lower(), root.lower_})
    if trig.near and not _near(trig.near, ctx, r, own):
        return None
    _, cls = _agent_class(root, r)
    # a crowd that lynches a "suspected thief" is mob violence, not crime news
    blockers = [n for n in trig.not_near if not (cls == "mob" and n in _MOB_IGNORES)]
    if any(ctx.has_any(r.sets[n]) for n in blockers if n in r.sets):
        return None
    if trig.agent and cls not in trig.agent:
        return None
    if trig.agent_not and cls in trig.agent_not:
        return None
    if trig.agent_or_near:
        if cls is not None:
            if cls not in trig.agent_or_near and cls not in trig.by_agent:
                return None
        elif not _near(("armed",), ctx, r, own):
            return None
    tgs = list(targets(root, list(span)))
    if trig.object and not _object_ok(trig.object, tgs, r, span[-1]):
        return None
    if trig.governed and not _governed(trig, root):
        return None
    code: str | None = trig.code
    if cls is not None and cls in trig.by_agent:
        code = trig.by_agent[cls]
    elif trig.by_object:
        for tok, via in tgs:
            if via not in _TARGET_VIA:
                continue
            tcls = target_class(tok, r.actor_classes)
            if tcls is not None:
                if tcls in trig.by_object:
                    code = trig.by_object[tcls]
                break
    if code is None:
        return None
    return _Candidate(trig, code, m.start, m.end, root)


def _refine(cands: list[_Candidate], ctx: _Context, r: Rules) -> None:
    """Protest sub-types from intervention/force/riot cues; sentence rules (non-violent transfer)."""
    for c in cands:
        if c.code == "PEACE_PROTEST":
            for ref in r.refinements:
                needs_ok = not (ref.needs.singles or ref.needs.phrases) or ctx.has(ref.needs)
                if needs_ok and ctx.cue(ref.cues, ref.not_cues):
                    c.code = ref.code
                    break
        for rule in r.sentence_rules:
            if c.code in rule.when_codes and ctx.has(rule.cues) and not ctx.has(rule.not_cues):
                c.code = rule.becomes


def _drop_protest_causes(cands: list[_Candidate]) -> list[_Candidate]:
    """What a protest is against ("protested against the air strikes") is its cause, not an event."""
    protest_roots = {c.root.i for c in cands if c.code in _PROTEST_CODES}
    if not protest_roots:
        return cands

    def is_cause(c: _Candidate) -> bool:
        prep = c.root.head
        return (
            c.code not in _PROTEST_CODES
            and c.root.dep_ == "pobj"
            and prep.lower_ in ("against", "over")
            and prep.head.i in protest_roots
        )

    return [c for c in cands if not is_cause(c)]


def _resolve(cands: list[_Candidate]) -> list[_Candidate]:
    """Drop triggers that yield to another sub-type found in the sentence; one event per code."""
    order = sorted(cands, key=lambda c: (c.trigger.priority, -c.start))
    alive = list(order)
    for c in order:
        others = {d.code for d in alive if d is not c and d.code != c.code}
        if c.trigger.yield_to & others:
            alive.remove(c)
    best: dict[str, _Candidate] = {}
    for c in sorted(alive, key=lambda c: (-c.trigger.priority, c.start)):
        best.setdefault(c.code, c)
    return sorted(best.values(), key=lambda c: c.start)


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
    for index, found in by_sent.items():
        sent = sents[index]
        if segment_kind(article, sent.start_char, sent.end_char) in SKIP_KINDS:
            continue
        ctx = _Context(sent)
        cands = [c for m in found if (c := _evaluate(m, doc, ctx, r)) is not None]
        if not cands:
            continue
        _refine(cands, ctx, r)
        text = sent.text
        sent_end = sent.start_char + len(text.rstrip())
        cands = _drop_protest_causes(cands)
        # what came before is background to the sentence's event
        main = [c for c in cands if not is_prior(c.root, r.status)]
        if main and len(main) < len(cands):
            cands = main
        kept = [c for c in _resolve(cands) if not is_background(c.root, r.status, year)]
        for c in kept:
            sub = subtype(c.code)
            status = status_of(c.root, c.code, r.status)
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
