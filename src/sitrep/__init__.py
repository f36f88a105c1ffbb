"""sitrep: news reports about armed conflict in, an analyst-ready event dataset out."""

from __future__ import annotations

from .errors import InputError, SitrepError
from .frame import to_dataframe
from .model import Article, Report
from .pipeline import extract, extract_text, extract_texts

__version__ = "0.1.0"

__all__ = [
    "Article",
    "InputError",
    "Report",
    "SitrepError",
    "__version__",
    "extract",
    "extract_text",
    "extract_texts",
    "to_dataframe",
]
