"""Typed exceptions with stable codes; the CLI turns them into one line."""

from __future__ import annotations

__all__ = ["GazetteerError", "InputError", "SitrepError", "StoreError"]


class SitrepError(Exception):
    """Base of sitrep's errors: a stable ``code`` and the input it concerns."""

    code = "error"

    def __init__(self, message: str, *, source: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message} [{self.code}]"


class InputError(SitrepError):
    """An input that cannot be read as an article (binary, empty, malformed...)."""

    code = "bad-input"


class GazetteerError(SitrepError):
    """The gazetteer is missing, unreadable or an import file is malformed."""

    code = "gazetteer"


class StoreError(SitrepError):
    """The event store cannot be opened or written."""

    code = "store"
