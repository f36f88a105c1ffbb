"""Build src/sitrep/data/acled_countries.csv from ACLED's own country list (acledR 1.0.1, in
../shared/data/acled/countries.csv) and the ISO 3166 codes of pycountry.

Run by hand when ACLED's list changes: `.venv/bin/python scripts/build_acled_countries.py`.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "acled" / "countries.csv"
TARGET = ROOT / "src" / "sitrep" / "data" / "acled_countries.csv"

# ACLED names that ISO 3166 spells otherwise (ISO alpha-2 codes). Kosovo has no ISO code:
# ACLED files give it iso 0 and the prefix XKX.
BY_HAND = {
    "Bailiwick of Guernsey": "GG",
    "Bailiwick of Jersey": "JE",
    "Brunei": "BN",
    "Cape Verde": "CV",
    "Caribbean Netherlands": "BQ",
    "Curacao": "CW",
    "Democratic Republic of Congo": "CD",
    "East Timor": "TL",
    "Falkland Islands": "FK",
    "Ivory Coast": "CI",
    "Micronesia": "FM",
    "Palestine": "PS",
    "Republic of Congo": "CG",
    "Reunion": "RE",
    "Russia": "RU",
    "Saint-Barthelemy": "BL",
    "Saint-Martin": "MF",
    "Sint Maarten": "SX",
    "Turkey": "TR",
    "Vatican City": "VA",
    "eSwatini": "SZ",
}
KOSOVO = ("XK", "XKX", "0")

HEADER = """\
# ACLED's country names and regions, with their ISO 3166 codes.
# Source: ACLED's R package acledR 1.0.1 (dtacled/acledR, GPL-3.0; data/acled_countries.rda),
# via ../shared/data/acled/countries.csv; ISO 3166-1 alpha-2, alpha-3 and numeric codes from
# pycountry (ISO 3166 via Debian's iso-codes). Kosovo has no ISO code: ACLED writes iso 0, prefix XKX.
# Built by scripts/build_acled_countries.py; edit that script, not this file.
"""


def _iso(name: str) -> tuple[str, str, str]:
    if name == "Kosovo":
        return KOSOVO
    code = BY_HAND.get(name)
    country = (
        pycountry.countries.get(alpha_2=code)
        if code
        else next(
            (
                c
                for c in pycountry.countries
                if name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None))
            ),
            None,
        )
    )
    if country is None:
        sys.exit(f"no ISO code for ACLED country {name!r}: add it to BY_HAND")
    return country.alpha_2, country.alpha_3, str(int(country.numeric))


def main() -> None:
    with SOURCE.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rows:
        iso2, iso3, numeric = _iso(r["country"])
        out.append((iso2, iso3, numeric, r["country"], r["region"]))
    codes = [o[0] for o in out]
    if len(set(codes)) != len(codes):
        sys.exit("two ACLED countries share an ISO code")
    with TARGET.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(("iso2", "iso3", "iso", "country", "region"))
        writer.writerows(sorted(out))
    print(f"wrote {len(out)} countries to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
