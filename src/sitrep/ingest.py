"""Reading sources into Articles: plain text, HTML, JSON Lines, RSS/Atom feeds, folders.

Every reader yields ``Article`` objects or ``InputError`` objects (never raises
for one bad input), so a batch goes on past a broken file or line.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import re
import stat
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .clean import find_noise
from .errors import InputError
from .model import Article, Warning

__all__ = [
    "MAX_BYTES",
    "MAX_CHARS",
    "Item",
    "article_from_text",
    "normalise_date",
    "read_jsonl",
    "read_path",
    "read_paths",
    "read_url",
    "text_hash",
]

# An article longer than this is not a news report (a dump, a log, a book).
MAX_BYTES = 5 * 1024 * 1024
# The parser's limit (spaCy's max_length): a longer text is refused with a line, not parsed.
MAX_CHARS = 1_000_000
# Publication dates outside these years are a source's error, not a date ("0001-01-01").
YEARS = (1900, 2100)

# Fewer words than this in an HTML page's main text means no article body was found.
MIN_HTML_WORDS = 15

Item = Article | InputError

_HEADER = re.compile(r"^(Title|Published|Date|Source|URL)\s*:\s*(.*)$", re.IGNORECASE)
_EXT_KIND = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}


def text_hash(text: str) -> str:
    """sha1 of the text in Unicode NFC with its whitespace folded: copies that differ only in
    composed accents, spacing or line ends are one article."""
    folded = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()


def normalise_date(value: Any) -> str | None:
    """An ISO ``YYYY-MM-DD`` from the usual ways a source writes a date, else None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    found = _parse_date(str(value).strip())
    return found if found is not None and YEARS[0] <= int(found[:4]) <= YEARS[1] else None


def _parse_date(s: str) -> str | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        from dateutil import parser as dparser

        with warnings.catch_warnings():
            # Only the day is kept, so a time zone it cannot name ("10:15 ET") does not matter.
            warnings.simplefilter("ignore", dparser.UnknownTimezoneWarning)
            return dparser.parse(s, dayfirst=True).date().isoformat()
    except (ValueError, OverflowError):
        return None


def article_from_text(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: Any = None,
    source: str | None = None,
    url: str | None = None,
    origin: str = "",
    gold_places: list[tuple[int, int]] | None = None,
) -> Article:
    """An Article from its text and metadata, with its noise marked and its hash."""
    if not text.strip():
        raise InputError("no article text", source=origin, code="empty")
    if len(text) > MAX_CHARS:
        raise InputError(
            f"text too long to parse ({len(text):,} characters; the limit is {MAX_CHARS:,})",
            source=origin,
            code="too-large",
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(
            f"text holds a character that is not valid Unicode (U+{ord(exc.object[exc.start]):04X} at {exc.start})",
            source=origin,
            code="encoding",
        ) from None
    digest = text_hash(text)
    pub = normalise_date(published)
    notes: list[Warning] = []
    if published not in (None, "") and pub is None:
        notes.append(Warning(code="bad-published", message=f"cannot read the date {published!r}"))
    article = Article(
        id=str(id) if id not in (None, "") else digest,
        hash=digest,
        title=title.strip() if isinstance(title, str) and title.strip() else None,
        published=pub,
        source=source or None,
        url=url or None,
        text=text,
        segments=find_noise(text),
        gold_places=gold_places,
        origin=origin,
    )
    article.notes = notes
    return article


def _decode(data: bytes, origin: str) -> str:
    if not data.strip():
        raise InputError("empty file", source=origin, code="empty")
    if len(data) > MAX_BYTES:
        raise InputError(
            f"file too large ({len(data) / 1048576:.1f} MB; the limit is {MAX_BYTES // 1048576} MB)",
            source=origin,
            code="too-large",
        )
    if b"\x00" in data[:8192]:
        raise InputError("binary file, not text", source=origin, code="binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not valid UTF-8 (byte {exc.start}); re-encode the file as UTF-8",
            source=origin,
            code="encoding",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _split_header(text: str) -> tuple[dict[str, str], str]:
    """The ``Title:``/``Published:``/``Source:``/``URL:`` lines before a blank line, and the body after
    them; no header, the whole text."""
    meta: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines) and (m := _HEADER.match(lines[i])):
        meta[m[1].lower()] = m[2].strip()
        i += 1
    if meta and i < len(lines) and not lines[i].strip():
        return meta, "\n".join(lines[i + 1 :])
    return {}, text


def _read_text(text: str, origin: str, published: str | None) -> Article:
    meta, body = _split_header(text)
    return article_from_text(
        body,
        title=meta.get("title"),
        published=meta.get("published") or meta.get("date") or published,
        source=meta.get("source"),
        url=meta.get("url"),
        origin=origin,
    )


def _read_html(text: str, origin: str, published: str | None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    body = getattr(doc, "text", None) if doc is not None else None
    # Below this, what trafilatura found is navigation or a teaser, not an article.
    if not body or len(body.split()) < MIN_HTML_WORDS:
        raise InputError("HTML page has no article body", source=origin, code="no-body")
    return article_from_text(
        body,
        title=getattr(doc, "title", None),
        published=getattr(doc, "date", None) or published,
        source=getattr(doc, "sitename", None),
        url=getattr(doc, "url", None),
        origin=origin,
    )


def _jsonl_article(obj: Any, origin: str, published: str | None) -> Article:
    if not isinstance(obj, dict):
        raise InputError("a JSON Lines record must be an object", source=origin, code="bad-json")
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError('record has no "text" string', source=origin, code="bad-json")
    gold = obj.get("places")
    spans = None
    if gold is not None:
        try:
            spans = [(int(s), int(e)) for s, e in gold]
        except (TypeError, ValueError):
            raise InputError(
                '"places" must be a list of [start, end] pairs', source=origin, code="bad-json"
            ) from None
    # header lines kept inside the text ("Title: ...", a blank line) are the record's metadata, so the
    # article is the same as when read from its text file; gold spans index the text as given
    meta, body = _split_header(text) if spans is None else ({}, text)
    return article_from_text(
        body,
        id=obj.get("id"),
        title=obj.get("title") or meta.get("title"),
        published=obj.get("published") or meta.get("published") or meta.get("date") or published,
        source=obj.get("source") or meta.get("source"),
        url=obj.get("url") or meta.get("url"),
        origin=origin,
        gold_places=spans,
    )


def read_jsonl(lines: Iterable[str], origin: str, published: str | None = None) -> Iterator[Item]:
    """One Article (or error) per non-blank line of JSON Lines text."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"malformed JSON ({exc.msg})", source=where, code="bad-json")
            continue
        except RecursionError:
            yield InputError("JSON nested too deeply", source=where, code="bad-json")
            continue
        try:
            yield _jsonl_article(obj, where, published)
        except InputError as err:
            yield err


def _read_feed(data: bytes, origin: str, published: str | None) -> Iterator[Item]:
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed.get("bozo_exception"), "args", [""])
        why = f" ({reason[0]})" if reason and reason[0] else ""
        raise InputError(f"not an RSS or Atom feed{why}", source=origin, code="bad-feed")
    for n, entry in enumerate(feed.entries, 1):
        where = f"{origin}#{n}"
        content = entry.get("content")
        html = content[0].get("value") if content else entry.get("summary", "")
        try:
            text = _html_to_text(html or "")
        except Exception as exc:  # lxml refuses control characters and the like: this entry only
            yield InputError(f"cannot read this entry ({_reason(exc)})", source=where, code="bad-feed")
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        pub = date(*when[:3]).isoformat() if when else published
        try:
            yield article_from_text(
                text,
                id=entry.get("id") or entry.get("link"),
                title=entry.get("title"),
                published=pub,
                source=feed.feed.get("title"),
                url=entry.get("link"),
                origin=where,
            )
        except InputError as err:
            yield err


def _html_to_text(html: str) -> str:
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for p in root.iter("p", "div", "li", "h1", "h2", "h3", "figcaption"):
        p.tail = "\n\n" + (p.tail or "")
    return re.sub(r"\n{3,}", "\n\n", root.text_content()).strip()


def _sniff(path: Path, head: bytes) -> str:
    kind = _EXT_KIND.get(path.suffix.lower())
    if kind:
        return kind
    start = head.lstrip()[:512].lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"<"):
        if b"<rss" in start or b"<feed" in start or b"<rdf" in start:
            return "feed"
        return "html"
    return "text"


def _reason(exc: BaseException) -> str:
    """What went wrong, in words a user understands (never a raw exception repr)."""
    if isinstance(exc, RecursionError):
        return "nested too deeply to read"
    if isinstance(exc, (OverflowError, ValueError)) and ("chr()" in str(exc) or "C int" in str(exc)):
        return "a character reference outside Unicode"
    if isinstance(exc, UnicodeError):
        return "text that is not valid Unicode"
    if isinstance(exc, MemoryError):
        return "too large to hold in memory"
    first = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _contained(items: Iterator[Item], origin: str) -> Iterator[Item]:
    """``items``, and one InputError in place of whatever exception a reader raises part way."""
    try:
        yield from items
    except InputError as err:
        yield err
    except OSError as exc:
        yield InputError(f"cannot read ({exc.strerror or exc})", source=origin, code="unreadable")
    except Exception as exc:  # a reader's bug or a library's on hostile input: one line, the batch goes on
        yield InputError(f"cannot read this input ({_reason(exc)})", source=origin, code="unreadable")


def _read_bytes(path: Path, origin: str) -> bytes:
    """The bytes of a regular file, never more than MAX_BYTES + 1 (a device or a growing file cannot
    make it read without end)."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(st.st_mode) else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(
            st.st_mode
        ) else "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file"
        raise InputError(f"not a regular file ({kind}); only files are read", source=origin, code="not-a-file")
    too_large = InputError(
        f"file too large (over {MAX_BYTES // 1048576} MB, the limit)", source=origin, code="too-large"
    )
    if st.st_size > MAX_BYTES:
        raise too_large
    with path.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large
    return data


def _walk(folder: Path) -> Iterator[InputError | Path]:
    """The files under ``folder`` in name order; a symlink that leads outside it is an InputError, never
    followed."""
    root = folder.resolve()
    for here, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        base = Path(here)
        for name in sorted(files + [d for d in dirs if (base / d).is_symlink()]):
            child = base / name
            if name.startswith(".") or name in {"NOTICE", "LICENSE", "README.md"}:
                continue
            if child.is_symlink():
                target = child.resolve()
                if not target.is_relative_to(root):
                    yield InputError(
                        f"symlink to {target} leads outside {folder}; not followed", source=str(child), code="symlink"
                    )
                    continue
                if target.is_dir():
                    continue  # its files are read where they are, inside the folder
            yield child


def read_path(path: str | Path, published: str | None = None) -> Iterator[Item]:
    """Articles (or errors) from one file or, recursively, a folder."""
    path = Path(path)
    if path.is_dir():
        for child in _walk(path):
            if isinstance(child, InputError):
                yield child
            else:
                yield from read_path(child, published)
        return
    origin = str(path)
    yield from _contained(_read_file(path, origin, published), origin)


def _read_file(path: Path, origin: str, published: str | None) -> Iterator[Item]:
    if not os.path.lexists(path):
        raise InputError("no such file or folder", source=origin, code="missing")
    data = _read_bytes(path, origin)
    kind = _sniff(path, data[:2048])
    if kind == "feed":
        if not data.strip():
            raise InputError("empty file", source=origin, code="empty")
        yield from _read_feed(data, origin, published)
        return
    text = _decode(data, origin)
    if kind == "jsonl":
        yield from read_jsonl(text.split("\n"), origin, published)
    elif kind == "html":
        yield _read_html(text, origin, published)
    else:
        yield _read_text(text, origin, published)


def read_url(url: str, published: str | None = None, timeout: float = 20.0) -> Iterator[Item]:
    """Articles (or errors) from a feed or page at an http(s) URL, read up to the size limit; only
    where a user asks for it (``POST /api/ingest-feeds``): sitrep fetches nothing on its own."""
    yield from _contained(_read_url(url, published, timeout), url)


def _read_url(url: str, published: str | None, timeout: float) -> Iterator[Item]:
    import urllib.error
    import urllib.request

    if not url.lower().startswith(("http://", "https://")):
        raise InputError("only http and https URLs are read", source=url, code="bad-url")
    request = urllib.request.Request(url, headers={"User-Agent": "sitrep"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # scheme checked above
            data = response.read(MAX_BYTES + 1)
    except (urllib.error.URLError, TimeoutError, ValueError) as exc:
        raise InputError(f"cannot fetch ({getattr(exc, 'reason', exc)})", source=url, code="unreachable") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"too large (over {MAX_BYTES // 1048576} MB, the limit)", source=url, code="too-large")
    kind = _sniff(Path(url.split("?", 1)[0]), data[:2048])
    if kind == "feed":
        yield from _read_feed(data, url, published)
        return
    text = _decode(data, url)
    yield _read_html(text, url, published) if kind == "html" else _read_text(text, url, published)


def read_paths(paths: Iterable[str | Path], published: str | None = None) -> Iterator[Item]:
    """Articles (or errors) from every path in turn."""
    for p in paths:
        yield from read_path(p, published)
