"""The web view's page, script, style and vendored files (served by sitrep.serve)."""

__all__: list[str] = []
