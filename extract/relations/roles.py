"""Roles: a person's post where the text gives it (西岭村党支部书记张三, 镇党委书记李四).

A Person -> place LOCATED_IN fact carrying `role` (村党支部书记, 镇党委书记, 社区党委书记,
主任 …: the place's kind and the words between the place and the name), `organisation`
(西岭村党支部, 镇党委: the body the role belongs to, when written) and `year`. The place is
the village or community named right before the role, else the report's own place when
the role opens with 镇/乡/街道 or the clause starts with the role. Role heads are the data
file person_roles.txt (extract/nlp/data), read, not copied.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.nlp.lexicon import words
from extract.relations.context import Context
from graph.model import PLACE_LABELS, Relation

_REACH = 12  # characters between a place (or a clause start) and the name in which a role is written
_CLAUSE = re.compile(r"[，,；;。：:、\n（(）)“”\"]")
_OWN_KIND = re.compile(r"^(?:全?(?:镇|乡|街道|街|党工委|工委))")
_PLACE_KIND = re.compile(r"(社区|村|镇|乡|街道)$")
_LOCAL = frozenset({"Village", "Community", "Subdistrict"})
_BODY_TAIL = re.compile(r"(?:党委|党总支|党支部|党工委|工委|村委会|居委会|妇联|团委|纪委|人大|政府|委员会)")


@lru_cache(maxsize=1)
def _role_heads() -> re.Pattern[str]:
    heads = sorted(words("person_roles.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, heads)) + ")$")


def extract(ctx: Context) -> list[Relation]:
    found: list[Relation] = []
    for person in (m for m in ctx.mentions if m.label == "Person"):
        lo = max(ctx.sentence(person.start)[0], person.start - _REACH)
        breaks = [b.end() for b in _CLAUSE.finditer(ctx.text, lo, person.start)]
        lo = max(breaks, default=lo)
        places = [
            m for m in ctx.in_sentence(person.start, frozenset(PLACE_LABELS))
            if lo <= m.start and m.end <= person.start and m.label in _LOCAL
        ]
        place = max(places, key=lambda m: m.end, default=None)
        between = ctx.text[place.end if place else lo : person.start]
        if not between or _role_heads().search(between) is None:
            continue
        if place is not None:
            kind = _PLACE_KIND.search(place.name)
            prefix = kind.group(1) if kind and place.label != "Subdistrict" else ""
            role = between if between.startswith(prefix) else prefix + between  # 村民, not 村村民
            target, organisation = ctx.entity(place), place.name + _body(between)
        elif ctx.own_place_id and (_OWN_KIND.match(between) or len(between) <= 6):
            role, target, organisation = between, ctx.own_place_id, _body(between)
        else:
            continue
        marks = [(person.start, person.end), (person.start - len(between), person.start)]
        if place is not None:
            marks.append((place.start, place.end))
        found.append(
            ctx.relation(
                "LOCATED_IN", ctx.entity(person), target, person.start, marks,
                role=role, organisation=organisation or None, year=ctx.year_at(person.start),
            )
        )
    return found


def _body(between: str) -> str:
    """The body a role belongs to (党支部 in 党支部书记), as written."""
    ends = [m.end() for m in _BODY_TAIL.finditer(between)]
    return between[: ends[-1]] if ends else ""
