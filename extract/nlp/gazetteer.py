"""Townships, villages and communities from jionlp's five-level national division table.

The table (province -> city -> county -> township -> village/community, about
340,000 distinct names) ships inside the `jionlp` package. Parsing its text
takes about 2 s, so the parsed index is cached as JSON in the user's cache
directory (`user_cache`), keyed by the package version.

A name's chains tell where it lies; `scope()` grades a name against the report's
own place chain: its own county is likely, the same name in another province is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from extract.nlp.user_cache import cached

OWN, NEAR, FAR, NONE = 3, 2, 1, 0  # own county (or town), own province or city, elsewhere, not in the table


@dataclass(frozen=True)
class Gazetteer:
    towns: dict[str, str]  # name -> "province/city/county|province/city/county..."
    villages: dict[str, str]  # name -> "province/city/county/town|..."

    def chains(self, name: str) -> list[str]:
        found = self.towns.get(name) or self.villages.get(name)
        return found.split("|") if found else []

    def town_of(self, village: str, county: str) -> str | None:
        """The one township of `county` the table puts a village or community in, else None."""
        towns = {parts[3] for parts in (c.split("/") for c in self.chains(village)) if len(parts) == 4 and parts[2] == county}
        return towns.pop() if county and len(towns) == 1 else None

    def town_in(self, town: str, county: str) -> bool:
        """Whether the table has a township of that name in `county`."""
        return bool(county) and any(c.split("/")[2] == county for c in self.towns.get(town, "").split("|") if c.count("/") == 2)

    def counties(self) -> set[str]:
        """County-level names (区, 县, 县级市, 旗, and zones the table ranks as counties)."""
        return {chain.split("/")[2] for value in self.towns.values() for chain in value.split("|")}

    def cities(self) -> set[str]:
        """Prefecture-level names (市, 州, 地区, 盟), as the table's chains hold them."""
        return {chain.split("/")[1] for value in self.towns.values() for chain in value.split("|")}

    def scope(self, name: str, province: str = "", city: str = "", district: str = "", town: str = "") -> int:
        """How well `name` fits the report's place chain (OWN, NEAR, FAR, or NONE when not in the table)."""
        chains = self.chains(name)
        if not chains:
            return NONE
        best = FAR
        for chain in chains:
            parts = chain.split("/")
            if (district and parts[2] == district) or (town and len(parts) > 3 and parts[3] == town):
                return OWN
            if (city and parts[1] == city) or (province and parts[0] == province):
                best = NEAR
        return best


def _parse(text: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    towns: dict[str, list[str]] = {}
    villages: dict[str, list[str]] = {}
    province = city = county = chain = county_chain = ""
    for line in text.splitlines():
        if line.startswith("\t\t\t\t"):
            villages.setdefault(line[4:], []).append(chain)
        elif line.startswith("\t\t\t"):
            towns.setdefault(line[3:], []).append(county_chain)
            chain = f"{county_chain}/{line[3:]}"
        elif line.startswith("\t\t"):
            county = line[2:].split("\t", 1)[0]
            county_chain = f"{province}/{city}/{county}"
        elif line.startswith("\t"):
            city = line[1:].split("\t", 1)[0]
        elif line:
            province = line.split("\t", 1)[0]
    return towns, villages


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The table, parsed once per machine and loaded once per process."""

    def parse() -> dict[str, dict[str, list[str]]]:
        # located, not imported: importing jionlp prints a banner and loads its segmenter
        table = metadata.distribution("jionlp").locate_file("jionlp/dictionary/china_location.txt")
        towns, villages = _parse(Path(str(table)).read_text(encoding="utf-8"))
        # one string per name, not a list: a third fewer objects to load
        return {"towns": {k: "|".join(v) for k, v in towns.items()}, "villages": {k: "|".join(v) for k, v in villages.items()}}

    data = cached(f"divisions-jionlp-{metadata.version('jionlp')}-v2", parse)
    return Gazetteer(data["towns"], data["villages"])
