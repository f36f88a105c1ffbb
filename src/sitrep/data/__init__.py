"""Data files: lexicons, patterns, dictionaries and taxonomy tables (YAML/CSV)."""
