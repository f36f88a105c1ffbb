"""Walking the dependency parse around a trigger: its doer, its target, the verb that governs it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from .lexicon import WordSet

__all__ = [
    "REPORTING",
    "agents",
    "ancestors",
    "classify",
    "governor",
    "headline_passive",
    "misread_finite",
    "names_armed_group",
    "singulars",
    "target_class",
    "targets",
    "teller_after",
    "word_bag",
]

# Reporting verbs: their subjects are sources, not doers (reported speech is attribution).
REPORTING = frozenset({"say", "tell", "report", "add", "state", "confirm", "quote", "cite", "accord"})
# light verbs whose participle after an event noun names its doer ("the raid conducted by troops")
_DOING = frozenset({"carry", "conduct", "launch", "perpetrate", "stage", "mount", "execute", "commit"})

_MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "npadvmod"})
_CLIMB = frozenset(
    {
        "compound",
        "amod",
        "pobj",
        "prep",
        "dobj",
        "nsubjpass",
        "conj",
        "appos",
        "attr",
        "nsubj",
        "acl",
        "relcl",
        "pcomp",
        "dative",
        "oprd",
    }
)


def singulars(words: set[str]) -> set[str]:
    """The words with naive singulars added: proper-noun plurals keep their "s" as lemma ("Palestinians")."""
    out = set(words)
    for w in words:
        if len(w) > 3 and w.endswith("ies"):
            out.add(w[:-3] + "y")
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            out.add(w[:-1])
    return out


def word_bag(tok: Token) -> tuple[set[str], str]:
    """The lemmas and lower-case forms of a noun phrase head with its modifiers and "of" complement."""
    toks: list[Token] = [tok]
    toks.extend(c for c in tok.children if c.dep_ in _MODIFIERS)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj":
                    toks.append(p)
                    toks.extend(g for g in p.children if g.dep_ in _MODIFIERS)
        elif c.dep_ == "appos" and tok.pos_ == "PROPN":
            # "Jair Bolsonaro, the far-right congressman": the apposition says what a name is
            toks.append(c)
            toks.extend(g for g in c.children if g.dep_ in _MODIFIERS)
    if tok.ent_iob_ != "O" and tok.ent_type_:
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                toks.extend(ent)
                break
    # (an entity's words may be there twice, as modifiers and as the entity: once each, so that a
    # phrase of three words, "revolutionary armed force", can match)
    toks = sorted({t.i: t for t in toks}.values(), key=lambda t: t.i)
    words = singulars({t.lemma_.lower() for t in toks} | {t.lower_ for t in toks})
    # (a modifier keeps its form: the small model lemmatises "armed men" as "arm man")
    joined = " " + " ".join(t.lower_ if t.dep_ == "amod" else t.lemma_.lower() for t in toks) + " "
    return words, joined


# heads that only count what their "of" complement names ("a group of retirees" are retirees)
_COLLECTIVE = frozenset({"group", "band", "bunch"})


def classify(tok: Token, classes: tuple[tuple[str, WordSet], ...]) -> str | None:
    """The first actor class whose words the phrase headed by ``tok`` holds, else None; a collective
    head is classed by what it is a group of ("a group of gunmen"), a mob when that names no side."""
    if tok.lemma_.lower() in _COLLECTIVE and not any(c.dep_ in ("amod", "compound") for c in tok.children):
        members = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for p in c.children if p.dep_ == "pobj"]
        if members:
            # "a group of people attacked the homes of Syrians": a crowd of no named side is a mob
            cls = classify(members[0], classes)
            return "mob" if cls in (None, "civilian") and any(n == "mob" for n, _ in classes) else cls
    from .lexicon import rules

    former = rules().sets["former_side"].singles
    members = [tok, *(p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj")]
    if any(c.dep_ == "amod" and c.lower_ in former for m in members for c in m.children):
        return None  # "hundreds of former fighters ... gathered to denounce": no longer a side
    words, joined = word_bag(tok)
    for name, ws in classes:
        if ws.in_words(words, joined):
            if name == "crime" and _named_armed_group(tok):
                return "nonstate"  # "gangs of the Viv Ansanm coalition": ACLED codes named gangs as militias
            return name
    return _dictionary_class(tok, {name for name, _ in classes})


# ACLED inter codes of the actor dictionary's groups, as the rules' actor classes
_INTER_CLASS = {1: "state", 2: "nonstate", 3: "nonstate", 4: "nonstate", 8: "state"}


def _dictionary_class(tok: Token, names: set[str]) -> str | None:
    """The side of a group the actor dictionary names at ``tok`` ("ISGS", "TDF", "FARDC"), if a class here."""
    from .actors import dictionary

    if tok.pos_ not in ("PROPN", "NOUN"):
        return None
    near = [tok, *(c for c in tok.children if c.dep_ in _MODIFIERS)]
    start, end = min(t.i for t in near), max(t.i for t in near) + 1
    lexicon = dictionary()
    for m in lexicon.scan(tok.doc, start, end):
        if m.category != "group":
            continue
        sides = {_INTER_CLASS.get(inter) for inter in lexicon.sides(tok.doc, m)}
        if len(sides) == 1 and (cls := sides.pop()) in names:
            return cls
    return None


def _named_armed_group(tok: Token) -> bool:
    """The phrase at ``tok`` names a gang or cartel the actor dictionary holds as a militia (inter 2-4)."""
    span = list(tok.subtree)
    return names_armed_group(tok.doc, span[0].i, span[-1].i + 1)


def names_armed_group(doc: Doc, start: int, end: int) -> bool:
    """Tokens ``start``..``end`` name a non-state armed group the actor dictionary holds (ACLED inter 2-4)."""
    from .actors import dictionary

    return any(m.category == "group" and _INTER_CLASS.get(getattr(m.value, "inter", 0)) == "nonstate"
               for m in dictionary().scan(doc, start, end))


def target_class(tok: Token, classes: tuple[tuple[str, WordSet], ...]) -> str | None:
    """A target's class: "protester", "armed" (any armed side or post) or "civilian"."""
    for c in tok.children:  # "a convoy of gold miners": the complement says who
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and (cls := _target_words_class(p, classes)) is not None:
                    return cls
    return _target_words_class(tok, classes)


def _target_words_class(tok: Token, classes: tuple[tuple[str, WordSet], ...]) -> str | None:
    words, joined = word_bag(tok)
    found = {name for name, ws in classes if ws.in_words(words, joined)}
    if "protester" in found:
        return "protester"
    if found & {"state", "nonstate", "armed"}:
        if "civilian" in found and not _armed_without_civilian_words(words, joined, classes):
            return "civilian"  # "killed two herders": a word of both lists, when struck, names civilians
        return "armed"
    if found & {"civilian", "mob"}:
        return "civilian"
    return None


def _armed_without_civilian_words(words: set[str], joined: str, classes: tuple[tuple[str, WordSet], ...]) -> bool:
    """An armed class still matches the phrase without the words both lists hold ("herder")."""
    if "armed" in words:
        return True  # "armed herders" are a militia
    armed = [ws for name, ws in classes if name in ("state", "nonstate", "armed")]
    civilian = dict(classes)["civilian"]
    kept = {w for w in words
            if not (civilian.in_words({w}, f" {w} ") and any(ws.in_words({w}, f" {w} ") for ws in armed))}
    rest = " " + " ".join(w for w in joined.split() if w in kept) + " "
    return any(ws.in_words(kept, rest) for ws in armed)


def teller_after(subject: Token) -> bool:
    """The subject of a reporting verb is the news and another subject after it its teller
    ("16 soldiers killed in Mali ambush, army says")."""
    verb = subject.head
    return (subject.dep_ == "nsubj" and verb.lemma_.lower() in REPORTING
            and any(c.dep_ == "nsubj" and c.i > subject.i for c in verb.children))


def misread_finite(verb: Token) -> bool:
    """A past form parsed as a participle after its noun that governs a direct object: the small
    model's reading of "ADF fighters killed 70 civilians ..., a leader said", whose verb is finite."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and any(c.dep_ == "dobj" for c in verb.children)


def _verb_subjects(verb: Token, depth: int = 0) -> list[Token]:
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    # "The army said it had retaken ...": a pronoun stands for the reporting verb's subject
    if subs and all(s.pos_ == "PRON" for s in subs) and verb.dep_ == "ccomp":
        above = [c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        if above:
            return above
    for c in verb.children:
        if c.dep_ == "agent":
            subs.extend(p for p in c.children if p.dep_ == "pobj")
    if not subs and depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl", "acl", "relcl", "ccomp", "pcomp"):
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
            # "militiamen armed with machetes" / "a man who attacked": the noun is the doer; so is it
            # of a participle with an object, a finite verb the small model misread ("ADF fighters
            # killed 70 civilians ..., a civil society leader said")
            return [verb.head] if verb.dep_ == "relcl" or misread_finite(verb) else []
        return _verb_subjects(verb.head, depth + 1)
    return subs


def headline_passive(verb: Token) -> bool:
    """A headline's passive without its auxiliary, whose subject is its patient: a phrasal verb
    ("Russian chopper shot down in Syria", "Journalist gunned down in Lahore"), "shot dead"
    ("Protester shot dead in Baluchistan"), "to death" ("MP stabbed to death") or a bare
    participle ("Iraqi protesters killed near Sinak bridge"), each with no object."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBN", "VBD"):
        return False
    if any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in verb.children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(p.lower_ == "death" for p in c.children)
           for c in verb.children):
        return True  # "MP stabbed to death at constituency surgery"
    if any(c.dep_ == "prt" or (c.dep_ == "oprd" and c.lower_ == "dead") for c in verb.children):
        # ("A man shot dead his cousin": the small model hangs the object on "dead")
        return not any(g.dep_ == "dobj" for c in verb.children if c.dep_ in ("prt", "oprd") for g in c.children)
    # a bare participle with one subject: not one sharing its object with the next verb ("a group
    # ... assaulted and chased away Zimbabwean nationals"), nor two headline clauses parsed as one
    # ("3 militant associates arrested, arms recovered in Pulwama")
    return (verb.tag_ == "VBN" and verb.dep_ == "ROOT"
            and sum(c.dep_ == "nsubj" for c in verb.children) == 1
            and not any(c.dep_ == "aux" or (c.dep_ == "conj" and c.pos_ == "VERB") for c in verb.children))


def agents(trigger: Token) -> list[Token]:
    """The doer(s): subject or passive agent of a verb; possessor, modifier or "by" of a noun."""
    if trigger.pos_ in ("VERB", "AUX"):
        if headline_passive(trigger):
            return [p for c in trigger.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        return _verb_subjects(trigger)
    out = [c for c in trigger.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.pos_ != "PRON"]
    for c in trigger.children:
        if c.dep_ == "prep" and c.lower_ == "by":
            out.extend(p for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _DOING:
            # "the bombing carried out by the coalition": the doer of the light participle
            out.extend(p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj")
    head = trigger.head
    # "X carried out a raid", "X staged a protest": the doer of the light verb
    if trigger.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and head.lemma_ not in REPORTING:
        out.extend(_verb_subjects(head))
    if trigger.dep_ == "nsubj" and head.pos_ == "VERB":
        out.extend(c for c in head.children if c.dep_ == "agent")
    return out


def targets(trigger: Token, span_tokens: list[Token]) -> Iterator[tuple[Token, str]]:
    """The target(s) with how they were reached ("dobj", "on", "of", "from", "nsubjpass", ...)."""
    for tok in span_tokens:
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd") and c not in span_tokens:
                if c.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                    # "a helicopter that was shot down": the relative pronoun stands for the noun
                    yield tok.head, c.dep_
                else:
                    yield c, c.dep_
            elif (c.dep_ == "prep" and c not in span_tokens) or (c.dep_ == "prt" and c not in span_tokens):
                for p in c.children:
                    if p.dep_ == "pobj":
                        yield p, c.lower_
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB":
        for c in trigger.head.children:
            if c.dep_ == "dobj":
                yield c, "dobj"
    # "the army recaptured Adan Yabaal (...) from Al Shabaab": the small model makes a name after the
    # verb a second subject; the subject told before the verb is the doer, the one after its object
    if trigger.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i < trigger.i for c in trigger.children):
        for c in trigger.children:
            if c.dep_ == "nsubj" and c.i > trigger.i and c.pos_ == "PROPN":
                yield c, "dobj"
    if headline_passive(trigger):
        for c in trigger.children:
            if c.dep_ == "nsubj":
                yield c, "nsubjpass"
    # "declared Marawi liberated": the subject of a participle in a small clause is its patient
    if (trigger.tag_ == "VBN" and trigger.dep_ in ("ccomp", "xcomp", "oprd")
            and trigger.head.lemma_.lower() in ("declare", "pronounce", "proclaim")
            and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children)):
        for c in trigger.children:
            if c.dep_ == "nsubj":
                yield c, "nsubjpass"
    # "a camp was attacked": the patient of a passive participle used as a modifier
    if trigger.dep_ in ("acl", "amod") and trigger.head.pos_ in ("NOUN", "PROPN") and not misread_finite(trigger):
        yield trigger.head, "nsubjpass"


def ancestors(tok: Token) -> Iterator[Token]:
    """The tokens above ``tok`` in the parse, nearest first, up to the sentence root."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        yield cur


def governor(trigger: Token) -> Token | None:
    """The nearest verb the trigger (a noun) hangs from through objects and prepositions."""
    cur = trigger
    for _ in range(6):
        if cur.head.i == cur.i or cur.dep_ not in _CLIMB:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None
