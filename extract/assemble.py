"""Turn an annotated Doc plus the report's metadata and sections into a graph fragment.

Mentions become entities: each gets a canonical key (樟溪街 and 樟溪街道 are one
sub-district; 湖北 is 湖北省) and a scope (villages belong to the report's own
sub-district, so two 新田村 in two townships stay apart); the display name is the
fullest form the report uses, the other forms are aliases.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from extract.document import ReportMeta, Section, SourceText
from extract.nlp.boundaries import doc_text
from extract.nlp.mention import Mention
from extract.nlp.names import is_masked
from extract.relations import (
    awarded,
    carries_out,
    introduced,
    invests,
    located,
    mentions,
    part_of,
    reported,
    roles,
)
from extract.relations.context import Context
from extract.relations.reported import standard_name
from extract.sections import headline_span, title_span
from graph.labels import REGISTRY
from graph.model import Entity, Graph, Report, entity_id, normalise_name, report_id

RELATION_MODULES = (part_of, awarded, introduced, invests, located, roles, carries_out, reported, mentions)
# What an entity id is scoped by is `id_scope` in graph/labels.toml: nothing (Province, City,
# Honour, Enterprise, Initiative), the report's own place (Village, Community, Project, Person,
# Organization, Indicator), or the place above (District, Subdistrict). An Indicator is the
# report's place's own series (青溪镇's 地区生产总值), never a hub every town points at; its
# `standard` name is what compares across places (docs/graph-model.md)
_SCOPE_FREE = REGISTRY.scoped("global")
_OWN_SCOPED = REGISTRY.scoped("own")
_PARENT = {label: REGISTRY.place_labels[REGISTRY.place_labels.index(label) - 1] for label in REGISTRY.scoped("parent")}
_STREET = re.compile(r"(街道|街)$")
_OWN_STREET_WORDS = re.compile(r"全街|我街|本街")
_STREET_OWNER = re.compile(r"([\u4e00-\u9fff]{2}街)(?=社区基金会|党工委|办事处|纪工委)")
# 云帆产业园 and 云帆产业园二期, 白沙片区 and 白沙片区工程 are one project
_PROJECT_TAIL = re.compile(r"(?:项目|工程)?(?:[(（]?[一二三四五六七八九十]期[)）]?)?(?:项目|工程)?$")
# 云帆产业园一期及配套项目 and 云帆产业园及配套项目 are one project
_INNER_PHASE = re.compile(r"[(（]?[一二三四五六七八九十]期[)）]?(?=.)")
_HEADING_NUMBER = re.compile(r"[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[、.．]")
_SHORT_HEAD = 4  # 湖滨度假区 after 青溪湖滨度假区: the same project without its place


def _heading_project(mention: Mention) -> bool:
    """A section heading read as a project (（三）项目, (一)服务园区): a heading number opens it."""
    return mention.label == "Project" and _HEADING_NUMBER.match(normalise_name(mention.name)) is not None


def canonical_key(mention: Mention) -> str:
    """The name that decides identity: full admin name, sub-district without 街/街道."""
    if "key" in mention.properties:
        return str(mention.properties["key"])
    if mention.label == "Project":
        name = _INNER_PHASE.sub("", normalise_name(mention.name))
        return _PROJECT_TAIL.sub("", name) or name
    if mention.label == "Subdistrict":
        return _STREET.sub("", mention.name) + ("街" if _STREET.search(mention.name) else "")
    return normalise_name(mention.name)


def own_place(meta: ReportMeta, found: list[Mention], text: str) -> str:
    """The report's own sub-district: from the metadata, else the one it names most, else
    (a report that says 全街/我街) the X街 that owns its bodies (樟溪街社区基金会, X街党工委)."""
    if meta.subdistrict:
        return meta.subdistrict
    counts = Counter(_STREET.sub("街道", m.name) if m.name.endswith("街") else m.name for m in found if m.label == "Subdistrict")
    if not counts and _OWN_STREET_WORDS.search(text):
        counts = Counter(m.group(1) for m in _STREET_OWNER.finditer(text) if not is_masked(m.group(1)))
    return counts.most_common(1)[0][0] if counts else ""


_UNIT_TITLE = re.compile(r"^(?:社区|村)(?=[\u4e00-\u9fff]*(?:总结|汇报|报告|计划))")


def _title_subject(
    text: str, found: list[Mention], entity_of: dict[int, str], labels: tuple[str, ...], span: tuple[int, int] | None
) -> str:
    """A report of a village, community or development zone (青禾村2023年工作总结): the place its
    title names is who 我村 / 开发区 means when no township is the report's own."""
    if span is None:
        return ""
    named = [m for m in found if m.end <= span[1] and m.label in labels]
    return entity_of[id(min(named, key=lambda m: m.start))] if named else ""


def _unnamed_title_subject(text: str, found: list[Mention], entity_of: dict[int, str], span: tuple[int, int] | None) -> str:
    """社区文明创建工作汇报 / 某某村: a title of a community's or village's report that names
    none, and a body that opens with one (某某社区位于…): that one speaks."""
    kind = _UNIT_TITLE.search(text, span[0], span[1]) if span else None
    if kind is None or any(m.end <= span[1] for m in found if m.label in ("Village", "Community")):
        return ""
    label = "Community" if kind.group() == "社区" else "Village"
    body = span[1] + 1
    opening = next((m for m in found if m.label == label and body <= m.start <= body + 2), None)
    return entity_of[id(opening)] if opening else ""


def assemble(doc: Doc, source: SourceText, meta: ReportMeta, sections: list[Section]) -> Graph:
    text = doc_text(doc)
    rid = report_id(text)
    everything: list[Mention] = list(doc._.mentions or [])
    found = [m for m in everything if not m.properties.get("nested") and not _heading_project(m)]
    nested = [m for m in everything if m.properties.get("nested")]
    graph = Graph()
    place_ids: dict[str, str] = {}
    for label, name in (("Province", meta.province), ("City", meta.city)):
        if name:
            place_ids[label] = entity_id(label, name, "")
    if meta.district:
        place_ids["District"] = entity_id("District", meta.district, place_ids.get("City", ""))
    own = own_place(meta, found, text)
    own_key = canonical_key(Mention(0, 0, "Subdistrict", own)) if own else ""
    own_id = entity_id("Subdistrict", own_key, place_ids.get("District", "")) if own else ""

    keys: dict[tuple[str, str], str] = {}  # one key per distinct name
    for m in found:
        if (m.label, m.name) not in keys:
            keys[(m.label, m.name)] = canonical_key(m)
    project_keys = {key for (label, _name), key in keys.items() if label == "Project"}
    longer = {  # the report's longer name ending in this one, when only a short head is added
        k: max(ls, key=len)
        for k in project_keys
        if len(k) >= 4 and (ls := [x for x in project_keys if x.endswith(k) and 0 < len(x) - len(k) <= _SHORT_HEAD])
    }
    names: dict[str, list[str]] = {}
    labels: dict[str, str] = {}
    props: dict[str, dict] = {}
    entity_of: dict[int, str] = {}
    ids: dict[tuple[str, str], str] = {}
    for m in found:
        eid = ids.get((m.label, m.name))
        if eid is None:
            key = keys[(m.label, m.name)]
            if m.label == "Project":
                key = longer.get(key, key)
            if m.label in _SCOPE_FREE:
                scope = ""
            elif m.label in _OWN_SCOPED:
                scope = own_id
            else:  # District, Subdistrict: the place above
                scope = place_ids.get(_PARENT[m.label], "")
            own_match = m.label == "Subdistrict" and key == own_key and own_id
            eid = ids[(m.label, m.name)] = own_id if own_match else entity_id(m.label, key, scope)
        entity_of[id(m)] = eid
        names.setdefault(eid, []).append(m.name)
        labels[eid] = m.label
        held = props.setdefault(eid, {})
        if m.properties:
            held.update((k, v) for k, v in m.properties.items() if k not in ("key", "trigger", "awarded", "nested"))
    for m in nested:  # 湘潭市 inside a company name names the fullest form of 湘潭
        eid = entity_id(m.label, canonical_key(m), "" if m.label != "District" else place_ids.get("City", ""))
        if eid in names:
            names[eid].append(m.name)
    if own_id and own_id not in names:
        names[own_id] = [own]
        labels[own_id] = "Subdistrict"
    for eid, forms in names.items():
        if eid == own_id and own:
            forms = forms + [own]
        distinct = list(dict.fromkeys(forms))
        display = max(distinct, key=len)
        held = props.get(eid, {})
        if labels[eid] == "Indicator":
            held["standard"] = standard_name(display)
        graph.add_entity(Entity(eid, labels[eid], display, [n for n in distinct if n != display], held))

    years = list(meta.years)
    graph.add_report(
        Report(
            id=rid,
            path=source.path,
            title=meta.title,
            place=own,
            place_id=own_id,
            year=meta.year,
            years=years,
            period=meta.period,
            kind=meta.kind,
            text=text,
            sections=[s.to_dict() for s in sections],
        )
    )
    title = title_span(text)
    title_place = _title_subject(text, found, entity_of, ("Village", "Community", "District"), title)
    ctx = Context(
        report_id=rid,
        text=text,
        sentences=doc._.sentences or [],
        sections=sections,
        mentions=found,
        entity_of=entity_of,
        own_place_id=own_id,
        # a village's or community's own report (某镇某村2023年工作总结), or news headed by a
        # village (某村召开…表彰大会), speaks for the village
        subject_id=_title_subject(text, found, entity_of, ("Village", "Community"), title or headline_span(text))
        or _unnamed_title_subject(text, found, entity_of, title) or own_id or title_place,
        year=meta.year,
        plan_year=max(years) if years else None,
        place_ids=place_ids,
        place_names={"Province": meta.province or "", "City": meta.city or "", "District": meta.district or "", "Subdistrict": own or ""},
    )
    for module in RELATION_MODULES:
        for relation in module.extract(ctx):
            graph.add_relation(relation)
    for entity in ctx.extra_entities.values():
        graph.add_entity(entity)
    for rel in graph.relations.values():  # a person's post also on the person (people_and_roles shows it)
        person = graph.entities.get(rel.source)
        if rel.type == "LOCATED_IN" and rel.properties.get("role") and person is not None and person.label == "Person":
            person.properties.setdefault("role", rel.properties["role"])
    return graph
