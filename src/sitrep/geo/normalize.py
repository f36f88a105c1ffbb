"""Name keys that make transliteration variants of one place name meet.

Two keys per name: ``name_key`` folds case, diacritics, apostrophes, hyphens and
the Arabic article ("al-Raqqa" = "Raqqa" = "Ar Raqqah"); ``skeleton`` also drops
inner vowels so "Khan Younis"/"Khan Yunis", "Kharkiv"/"Kharkov" and
"Sanaa"/"Sana'a" meet. The skeleton is a weaker match and is scored lower.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["is_latin", "name_key", "skeleton"]

# Apostrophe-like marks used for the Arabic ʿayn and hamza and in English possessives.
_MARKS = str.maketrans({c: "" for c in "'`´ʿʾʻʼ’‘ˈ′"})
# The Arabic article in its romanised forms (sun-letter assimilations included).
_ARTICLE = re.compile(
    r"^(?:al|el|ul|ad|ar|as|ash|at|az|an|ath|adh|dh|ed|er|es|et|ez|en)[\s-]+(?=\w{3})"
)
_INNER_ARTICLE = re.compile(
    r"(?<=\s)(?:al|el|ad|ar|as|ash|at|az|an|ath|ed|er|es|et|ez|en)-(?=\w{3})"
)
_NON_WORD = re.compile(r"[^\w]+")
_VOWELS = re.compile(r"(?<=\w)[aeiouy]+")
_DOUBLES = re.compile(r"(\w)\1+")
# Spelling pairs of transliteration that the vowel skeleton does not meet by itself.
_CONSONANTS = (("q", "k"), ("ph", "f"), ("w", "v"), ("dj", "j"), ("dzh", "j"), ("zh", "j"))


def _fold(text: str) -> str:
    """Lower case, no diacritics, no apostrophes; other punctuation kept."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ı", "i").replace("ø", "o").replace("ß", "ss").replace("đ", "d")
    text = text.replace("ł", "l").replace("æ", "ae").replace("œ", "oe").replace("þ", "th")
    return text.casefold().translate(_MARKS)


def name_key(text: str) -> str:
    """The exact-match key of a place name ("Al-Ḥasakah" -> "hasakah")."""
    folded = _fold(text).strip()
    if folded.startswith("the "):
        folded = folded[4:]
    folded = _ARTICLE.sub("", folded)
    folded = _INNER_ARTICLE.sub("", folded)
    return " ".join(w for w in _NON_WORD.split(folded) if w)


_INNER_WORD_ARTICLE = re.compile(r"(?<=\w) (?:al|el|ad|ed|ud|ul|ar|as|ash|at|az|an|un|ed|es|ez|e|i|o|u) (?=\w)")


def skeleton(key: str) -> str:
    """A coarse key of ``name_key`` output: no inner article, spaces, inner vowels or doubled letters.

    "Salah ad Din" and "Salahuddin", "Dasht-e-Barchi" and "Dasht Barchi" meet.
    """
    out = _INNER_WORD_ARTICLE.sub(" ", key).replace(" ", "")
    for a, b in _CONSONANTS:
        out = out.replace(a, b)
    out = _VOWELS.sub("", out)
    return _DOUBLES.sub(r"\1", out)


def is_latin(text: str) -> bool:
    """True when the name is written in Latin letters (after removing diacritics)."""
    folded = _fold(text)
    return all(ord(c) < 0x250 for c in folded) and any(c.isalpha() for c in folded)
