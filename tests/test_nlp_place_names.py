"""Division names are found leftmost-longest: the shared automaton against a plain scan."""

from __future__ import annotations

import random

from extract.metadata import division_mentions
from extract.metadata.divisions import divisions
from extract.nlp.components.admin_places import PlaceNames, place_names


def leftmost_longest(text: str, names: set[str]) -> list[tuple[int, int]]:
    """The reference: at each position the longest name there, then go on after it."""
    found: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        ends = [end for end in range(pos + 1, len(text) + 1) if text[pos:end] in names]
        if ends:
            found.append((pos, max(ends)))
            pos = max(ends)
        else:
            pos += 1
    return found


def test_a_name_after_a_failed_longer_one_is_found() -> None:
    # 青石岭镇 is begun at 青 but fails at 溪: 石岭 inside it is still found, leftmost before 岭溪
    places = PlaceNames({"青石岭镇": ("District", "青石岭镇", False), "岭溪": ("City", "岭溪市", True), "石岭": ("City", "石岭市", True)})
    assert places.find("青石岭溪") == [(1, 3, "City", "石岭市", True)]
    assert places.find("青石岭镇与岭溪") == [(0, 4, "District", "青石岭镇", False), (5, 7, "City", "岭溪市", True)]


def test_small_dictionaries_match_the_plain_scan() -> None:
    rng = random.Random(7)
    for _ in range(300):
        names = {"".join(rng.choice("青石岭溪") for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(1, 6))}
        places = PlaceNames({name: ("District", name, False) for name in names})
        for _ in range(10):
            text = "".join(rng.choice("青石岭溪") for _ in range(rng.randint(1, 12)))
            assert [(s, e) for s, e, *_ in places.find(text)] == leftmost_longest(text, names)


def test_division_mentions_match_the_plain_scan() -> None:
    text = "湖南省浏阳市青溪镇与江西省赣州市章贡区、湘潭市岳塘区签约，浏阳市委部署。"
    found = division_mentions(text)
    assert [(s, e) for s, e, _ in found] == leftmost_longest(text, set(divisions()))
    assert [name for _s, _e, name in found] == ["湖南省", "浏阳市", "江西省", "赣州市", "章贡区", "湘潭市", "岳塘区", "浏阳市"]
    assert division_mentions("") == []


def test_opening_is_the_longest_name_a_text_starts_with() -> None:
    assert place_names().opening("梅州市远舟科技") == 3
    assert place_names().opening("远舟梅州科技") == 0
