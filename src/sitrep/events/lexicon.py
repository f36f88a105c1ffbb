"""Loading the event knowledge files (event_triggers.yaml, event_rules.yaml) into typed rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .taxonomy import taxonomy

__all__ = ["NAMED_GROUP", "Refinement", "Rules", "SentenceRule", "StatusCues", "Trigger", "WordSet", "rules"]


def _words(value: Any) -> list[str]:
    return [str(v).strip().lower() for v in (value or []) if str(v).strip()]


@dataclass(frozen=True)
class WordSet:
    """Lemmas (single words) and phrases (several words, space-separated) of one set."""

    singles: frozenset[str]
    phrases: tuple[str, ...]

    @classmethod
    def of(cls, words: list[str]) -> WordSet:
        """Split a YAML list into single words and padded phrases."""
        singles = frozenset(w for w in words if " " not in w)
        phrases = tuple(f" {w} " for w in words if " " in w)
        return cls(singles, phrases)

    def in_words(self, words: set[str] | frozenset[str], joined: str = "") -> bool:
        """True when one of ``words`` or a phrase of ``joined`` (padded lemmas) is in the set."""
        if not self.singles.isdisjoint(words):
            return True
        return any(p in joined for p in self.phrases)


@dataclass(frozen=True)
class Trigger:
    """One trigger entry of event_triggers.yaml."""

    key: str
    code: str
    phrases: tuple[tuple[str, ...], ...]
    pos: frozenset[str] = frozenset()
    near: tuple[str, ...] = ()
    near_next: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    agent: tuple[str, ...] = ()
    agent_or_near: tuple[str, ...] = ()
    agent_not: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    object_via: frozenset[str] = frozenset()
    object_overrides: tuple[str, ...] = ()
    object_not: tuple[str, ...] = ()
    by_agent: dict[str, str | None] = field(default_factory=dict)
    by_object: dict[str, str | None] = field(default_factory=dict)
    governed: frozenset[str] = frozenset()
    not_in: tuple[str, ...] = ()
    yield_to: frozenset[str] = frozenset()
    yield_near: frozenset[str] = frozenset()
    not_with: frozenset[str] = frozenset()
    not_dep: frozenset[str] = frozenset()
    doer_via: frozenset[str] = frozenset()
    as_modifier: bool = False
    state_modifier: bool = False
    follows_up: bool = False
    # the verb a gapped phrase opens with is its own word ("fighting" of "fighting their way into")
    owns_first_word: bool = False
    yield_next: bool = False
    main_over: frozenset[str] = frozenset()
    many: int = 0
    lethal: bool = False
    lethal_ignores: tuple[str, ...] = ()
    agent_words: tuple[str, ...] = ()
    agent_heads: tuple[str, ...] = ()
    object_heads: tuple[str, ...] = ()
    priority: int = 5
    confidence: float = 0.7


@dataclass(frozen=True)
class Refinement:
    """A protest sub-type chosen when the sentence holds one of its cue words."""

    code: str
    cues: WordSet
    not_cues: tuple[str, ...]
    needs: WordSet


@dataclass(frozen=True)
class SentenceRule:
    """Codes that become another code when the sentence holds a cue (and none of not_cues)."""

    when_codes: frozenset[str]
    cues: WordSet
    not_cues: WordSet
    becomes: str


@dataclass(frozen=True)
class StatusCues:
    """The status section of event_rules.yaml."""

    negation: frozenset[str]
    no_determiner: frozenset[str]
    denied: WordSet
    claimed: WordSet
    threatened: WordSet
    planned: WordSet
    hypothetical: WordSet
    announced: WordSet
    announced_codes: frozenset[str]
    no_event_governors: WordSet
    stopping_acts: WordSet
    summary_words: WordSet
    summary_periods: WordSet
    background_preps: frozenset[str]
    background_heads: frozenset[str]
    months: frozenset[str] = frozenset()
    pause_heads: frozenset[str] = frozenset()
    attempt_verbs: frozenset[str] = frozenset()
    failing_verbs: frozenset[str] = frozenset()
    aim_subjects: frozenset[str] = frozenset()
    telling_marks: frozenset[str] = frozenset()
    intending_verbs: frozenset[str] = frozenset()
    toll_nouns: frozenset[str] = frozenset()
    rank_words: frozenset[str] = frozenset()
    attempt_codes: frozenset[str] = frozenset()
    accusation_heads: frozenset[str] = frozenset()
    legal_heads: frozenset[str] = frozenset()
    perpetrator_preps: frozenset[str] = frozenset()
    perpetrator_heads: frozenset[str] = frozenset()
    habit_heads: frozenset[str] = frozenset()
    series_nouns: frozenset[str] = frozenset()
    claimed_not: WordSet = field(default_factory=lambda: WordSet.of([]))
    hearsay: frozenset[str] = frozenset()
    describing_clause_deps: frozenset[str] = frozenset()
    describing_clause_from: int = 0
    describing_clause_later: frozenset[str] = frozenset()
    directives: frozenset[str] = frozenset()
    day_words: frozenset[str] = frozenset()
    state_participle_codes: frozenset[str] = frozenset()
    state_after_place: frozenset[str] = frozenset()
    unverified: WordSet = WordSet(frozenset(), ())
    prior_gerund_codes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rules:
    """Everything the coder reads from the data files."""

    triggers: tuple[Trigger, ...]
    sets: dict[str, WordSet]
    actor_classes: tuple[tuple[str, WordSet], ...]
    refinements: tuple[Refinement, ...]
    sentence_rules: tuple[SentenceRule, ...]
    status: StatusCues
    title_frames: tuple[str, ...] = ()
    lead_frames: tuple[str, ...] = ()
    sentence_vetoes: tuple[str, ...] = ()
    name_entities: frozenset[str] = frozenset()


def _load(name: str) -> dict[str, Any]:
    text = resources.files("sitrep.data").joinpath(name).read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _codes(values: list[str], groups: dict[str, list[str]], known: set[str], where: str) -> frozenset[str]:
    out: set[str] = set()
    for v in values:
        if v.startswith("@"):
            out.update(groups[v[1:]])
        else:
            out.add(v)
    bad = out - known
    if bad:
        raise ValueError(f"{where}: unknown codes {sorted(bad)}")
    return frozenset(out)


def _trigger(i: int, raw: dict[str, Any], groups: dict[str, list[str]], known: set[str]) -> Trigger:
    code = str(raw["code"])
    if code not in known:
        raise ValueError(f"event_triggers.yaml entry {i}: unknown code {code!r}")
    where = f"event_triggers.yaml entry {i} ({code})"

    def mapping(key: str) -> dict[str, str | None]:
        out = {str(k): (str(v) if v is not None else None) for k, v in (raw.get(key) or {}).items()}
        for v in out.values():
            if v is not None and v not in known:
                raise ValueError(f"{where}: unknown code {v!r} in {key}")
        return out

    return Trigger(
        key=f"T{i}",
        code=code,
        phrases=tuple(tuple(p.split()) for p in _words(raw.get("phrases"))),
        pos=frozenset(str(p).upper() for p in raw.get("pos") or []),
        near=tuple(_words(raw.get("near"))),
        near_next=tuple(_words(raw.get("near_next"))),
        not_near=tuple(_words(raw.get("not_near"))),
        agent=tuple(_words(raw.get("agent"))),
        agent_or_near=tuple(_words(raw.get("agent_or_near"))),
        agent_not=tuple(_words(raw.get("agent_not"))),
        object=tuple(_words(raw.get("object"))),
        object_via=frozenset(_words(raw.get("object_via"))),
        object_overrides=tuple(_words(raw.get("object_overrides"))),
        object_not=tuple(_words(raw.get("object_not"))),
        by_agent=mapping("by_agent"),
        by_object=mapping("by_object"),
        governed=frozenset(_words(raw.get("governed"))),
        not_in=tuple(f" {w} " for w in _words(raw.get("not_in"))),
        yield_to=_codes([str(v) for v in raw.get("yield_to") or []], groups, known, where),
        yield_near=_codes([str(v) for v in raw.get("yield_near") or []], groups, known, where),
        not_with=frozenset(str(d) for d in raw.get("not_with") or []),
        not_dep=frozenset(str(d) for d in raw.get("not_dep") or []),
        doer_via=frozenset(_words(raw.get("doer_via"))),
        as_modifier=bool(raw.get("as_modifier", False)),
        state_modifier=bool(raw.get("state_modifier", False)),
        follows_up=bool(raw.get("follows_up", False)),
        owns_first_word=bool(raw.get("owns_first_word", False)),
        many=int(raw.get("or_many") or 0),
        lethal=bool(raw.get("or_lethal", False)),
        lethal_ignores=tuple(_words(raw.get("lethal_ignores"))),
        agent_words=tuple(_words(raw.get("agent_words"))),
        agent_heads=tuple(_words(raw.get("agent_heads"))),
        object_heads=tuple(_words(raw.get("object_heads"))),
        yield_next=bool(raw.get("yield_next", False)),
        main_over=_codes([str(v) for v in raw.get("main_over") or []], groups, known, where),
        priority=int(raw.get("priority", 5)),
        confidence=float(raw.get("confidence", 0.7)),
    )


# a near condition met by any armed group of the actor dictionary named in the sentence
NAMED_GROUP = "named_group"
# an agent_heads condition met by a subject that is a named place ("Tamarasheni came under fire")
NAMED_PLACE = "named_place"


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The parsed knowledge files, loaded once per process; a bad entry raises ValueError."""
    trig = _load("event_triggers.yaml")
    data = _load("event_rules.yaml")
    known = set(taxonomy())
    groups = {str(k): [str(c) for c in v] for k, v in (trig.get("groups") or {}).items()}
    triggers = tuple(_trigger(i, raw, groups, known) for i, raw in enumerate(trig["triggers"]))
    sets = {str(k): WordSet.of(_words(v)) for k, v in data["sets"].items()}
    # the status section's running-total words serve the triggers' not_near conditions too
    sets["summary_words"] = WordSet.of(_words(data["status"]["summary_words"]))
    classes = tuple((str(k), WordSet.of(_words(v))) for k, v in data["actor_classes"].items())
    names = set(sets) | {c for c, _ in classes} | {"from_place", NAMED_GROUP}
    for t in triggers:
        for n in (
            *t.near, *t.near_next, *t.not_near, *t.agent, *t.agent_or_near, *t.agent_not, *t.object,
            *t.object_overrides, *t.object_not,
        ):
            if n not in names:
                raise ValueError(f"event_triggers.yaml {t.key} ({t.code}): unknown set {n!r}")
    refinements = tuple(
        Refinement(
            str(r["code"]),
            WordSet.of(_words(r["cues"])),
            tuple(f" {w} " for w in _words(r.get("not_cues"))),
            WordSet.of(_words(r.get("needs"))),
        )
        for r in data["protest_refinements"]
    )
    sentence_rules = tuple(
        SentenceRule(
            _codes([str(c) for c in r["when_codes"]], groups, known, "sentence_rules"),
            WordSet.of(_words(r["cues"])),
            WordSet.of(_words(r.get("not_cues"))),
            str(r["becomes"]),
        )
        for r in data.get("sentence_rules") or []
    )
    st = data["status"]
    status = StatusCues(
        negation=frozenset(_words(st["negation_words"])),
        no_determiner=frozenset(_words(st["no_determiner"])),
        denied=WordSet.of(_words(st["denied"])),
        claimed=WordSet.of(_words(st["claimed"])),
        claimed_not=WordSet.of(_words(st.get("claimed_not"))),
        hearsay=frozenset(_words(st.get("hearsay"))),
        threatened=WordSet.of(_words(st["threatened"])),
        planned=WordSet.of(_words(st["planned"])),
        hypothetical=WordSet.of(_words(st["hypothetical"])),
        announced=WordSet.of(_words(st["announced"])),
        announced_codes=frozenset(str(c) for c in st["announced_codes"]),
        attempt_verbs=frozenset(_words(st.get("attempt_verbs"))),
        failing_verbs=frozenset(_words(st.get("failing_verbs"))),
        aim_subjects=frozenset(_words(st.get("aim_subjects"))),
        telling_marks=frozenset(_words(st.get("telling_marks"))),
        intending_verbs=frozenset(_words(st.get("intending_verbs"))),
        toll_nouns=frozenset(_words(st.get("toll_nouns"))),
        rank_words=frozenset(_words(st.get("rank_words"))),
        attempt_codes=frozenset(str(c) for c in st.get("attempt_codes") or []),
        no_event_governors=WordSet.of(_words(st["no_event_governors"])),
        stopping_acts=WordSet.of(_words(st["stopping_acts"])),
        summary_words=WordSet.of(_words(st["summary_words"])),
        summary_periods=WordSet.of(_words(st["summary_periods"])),
        background_preps=frozenset(_words(data["background"]["preps"])),
        background_heads=frozenset(_words(data["background"]["heads"])),
        months=frozenset(_words(data["background"].get("months"))),
        pause_heads=frozenset(_words(data["background"].get("pause_heads"))),
        accusation_heads=frozenset(_words(data["background"].get("accusation_heads"))),
        legal_heads=frozenset(_words(data["background"].get("legal_heads"))),
        perpetrator_preps=frozenset(_words(data["background"].get("perpetrator_preps"))),
        perpetrator_heads=frozenset(_words(data["background"].get("perpetrator_heads"))),
        habit_heads=frozenset(_words(data["background"].get("habit_heads"))),
        series_nouns=frozenset(_words(data["background"].get("series_nouns"))),
        describing_clause_deps=frozenset(_words(data["background"].get("describing_clause_deps"))),
        describing_clause_from=int(data["background"].get("describing_clause_from") or 0),
        describing_clause_later=frozenset(_words(data["background"].get("describing_clause_later"))),
        directives=frozenset(_words(st.get("directives"))),
        day_words=frozenset(_words(data["background"].get("day_words"))),
        state_participle_codes=frozenset(str(c) for c in data["background"].get("state_participle_codes") or []),
        state_after_place=frozenset(_words(data["background"].get("state_after_place"))),
        unverified=WordSet.of(_words(st.get("unverified"))),
        prior_gerund_codes=frozenset(str(c) for c in data["background"].get("prior_gerund_codes") or []),
    )
    frames = tuple(str(n) for n in data.get("title_frames") or [])
    lead = tuple(str(n) for n in data.get("lead_frames") or [])
    vetoes = tuple(str(n) for n in data.get("sentence_vetoes") or [])
    unknown = [n for n in (*frames, *lead, *vetoes) if n not in sets]
    if unknown:
        raise ValueError(f"event_rules.yaml: a frame or veto names unknown sets {unknown}")
    name_ents = frozenset(str(n) for n in data.get("name_entities") or [])
    return Rules(triggers, sets, classes, refinements, sentence_rules, status, frames, lead, vetoes, name_ents)
