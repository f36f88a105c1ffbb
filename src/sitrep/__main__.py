"""``python -m sitrep``."""

from .cli import run

run()
