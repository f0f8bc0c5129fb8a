"""Export the graph to files other tools open, and read those files back.

Formats: `graphml` (Cytoscape, Gephi, yEd), `gexf` (Gephi), `json` (NetworkX
node-link) and `csv` (a directory in the layout `neo4j-admin database import
full` reads: one nodes file per label, one relationships file per type, typed
header columns). Every format reads back to an equal Graph.

GraphML and GEXF hold only scalar attributes, so lists and dicts travel as
JSON strings; the entity's properties are also spread into scalar columns
(`level`, `year`, `pagerank`...) for viewing and filtering, while the lossless
copy in `properties` is what import reads.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from graph.model import Entity, Evidence, Graph, Relation, Report

FORMATS: tuple[str, ...] = ("graphml", "gexf", "json", "csv")
REPORT_LABEL = "Report"
PLACE_LABEL = "Place"
ENTITY_LABEL = "Entity"
ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter

# Node and edge attributes with a fixed meaning; properties of the same name are not spread.
_NODE_FIELDS = frozenset({"label", "name", "aliases", "properties", "entity_label"}) | frozenset(
    Report.__dataclass_fields__
)
_EDGE_FIELDS = frozenset({"label", "id", "report_id", "properties", "evidence", "section", "section_kind"})
_REPORT_JSON_FIELDS = ("years", "sections")


# --- the NetworkX form shared by the file formats -----------------------------------


def _section(relation: Relation) -> tuple[str, str]:
    """A relation's section and section kind for the export's flat files (from its first evidence)."""
    kind = relation.properties.get("section_kind")
    if not relation.evidence:
        return "", kind if isinstance(kind, str) and kind else "other"
    first = relation.evidence[0]
    return first.section, kind if isinstance(kind, str) and kind else first.section_kind


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Reports and entities as nodes, every fact (MENTIONS included) as an edge keyed by its id."""
    multigraph = nx.MultiDiGraph()
    for report in graph.reports.values():
        data = report.to_dict()
        data.pop("id")
        multigraph.add_node(report.id, label=REPORT_LABEL, name=report.title, **data)
    for entity in graph.entities.values():
        multigraph.add_node(
            entity.id,
            label=entity.label,
            name=entity.name,
            aliases=list(entity.aliases),
            properties=dict(entity.properties),
        )
    for relation in graph.relations.values():
        section, kind = _section(relation)
        multigraph.add_edge(
            relation.source,
            relation.target,
            key=relation.id,
            label=relation.type,
            report_id=relation.report_id,
            properties=dict(relation.properties),
            evidence=[e.to_dict() for e in relation.evidence],
            section=section,
            section_kind=kind,
        )
    return multigraph


def from_networkx(multigraph: nx.MultiDiGraph) -> Graph:
    """The inverse of to_networkx (attributes in their native, unflattened form)."""
    graph = Graph()
    for node, data in multigraph.nodes(data=True):
        if data.get("label") == REPORT_LABEL:
            fields = {k: v for k, v in data.items() if k in Report.__dataclass_fields__}
            graph.add_report(Report.from_dict({**fields, "id": node}))
        elif data.get("label"):
            graph.add_entity(
                Entity(
                    id=node,
                    label=data["label"],
                    name=data["name"],
                    aliases=list(data.get("aliases") or []),
                    properties=dict(data.get("properties") or {}),
                )
            )
    for source, target, data in multigraph.edges(data=True):
        graph.add_relation(
            Relation(
                type=data["label"],
                source=source,
                target=target,
                report_id=data["report_id"],
                properties=dict(data.get("properties") or {}),
                evidence=[Evidence.from_dict(e) for e in data.get("evidence") or ()],
            )
        )
    return graph


# --- GraphML and GEXF: scalar attributes only ---------------------------------------


def _scalar_kind(value: Any) -> str | None:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return None


def _spread_columns(items: Iterable[dict[str, Any]], reserved: frozenset[str]) -> dict[str, str]:
    """One type per spread column (GraphML declares a key's type once): int+float become
    float, other mixes become str; lists and dicts are not spread."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for properties in items:
        for key, value in properties.items():
            kind = _scalar_kind(value)
            if key not in reserved and kind is not None:
                kinds[key].add(kind)
    columns = {}
    for key, seen in kinds.items():
        columns[key] = seen.pop() if len(seen) == 1 else "float" if seen == {"int", "float"} else "str"
    return columns


def _spread(properties: dict[str, Any], columns: dict[str, str]) -> dict[str, Any]:
    cast = {"bool": bool, "int": int, "float": float, "str": str}
    return {
        key: cast[columns[key]](value)
        for key, value in properties.items()
        if key in columns and _scalar_kind(value) is not None
    }


def _flat(multigraph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with JSON strings for lists and dicts and spread scalar properties."""
    node_columns = _spread_columns(
        (d.get("properties", {}) for _, d in multigraph.nodes(data=True)), _NODE_FIELDS
    )
    edge_columns = _spread_columns(
        (d.get("properties", {}) for _, _, d in multigraph.edges(data=True)), _EDGE_FIELDS
    )
    flat = nx.MultiDiGraph()
    for node, data in multigraph.nodes(data=True):
        attrs = _spread(data.get("properties", {}), node_columns)
        for key, value in data.items():
            if value is None:
                continue
            attrs[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        flat.add_node(node, **attrs)
    for source, target, key, data in multigraph.edges(keys=True, data=True):
        attrs = _spread(data.get("properties", {}), edge_columns)
        for name, value in data.items():
            attrs[name] = json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        flat.add_edge(source, target, key=key, **attrs)
    return flat


def _unflat(flat: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Back to native attributes: decode the JSON fields, drop the spread copies."""
    multigraph = nx.MultiDiGraph()
    for node, data in flat.nodes(data=True):
        if data.get("label") == REPORT_LABEL:
            attrs = {k: v for k, v in data.items() if k in Report.__dataclass_fields__ or k == "label"}
            for key in _REPORT_JSON_FIELDS:
                if key in attrs:
                    attrs[key] = json.loads(attrs[key])
        else:
            attrs = {
                "label": data.get("label"),
                "name": data.get("name"),
                "aliases": json.loads(data.get("aliases") or "[]"),
                "properties": json.loads(data.get("properties") or "{}"),
            }
        multigraph.add_node(node, **attrs)
    for source, target, key, data in flat.edges(keys=True, data=True):
        multigraph.add_edge(
            source,
            target,
            key=key,
            label=data["label"],
            report_id=data["report_id"],
            properties=json.loads(data.get("properties") or "{}"),
            evidence=json.loads(data.get("evidence") or "[]"),
        )
    return multigraph


def _write_gexf(flat: nx.MultiDiGraph, path: Path) -> None:
    """GEXF shows a node's `label` as its caption: put the name there, the label in `entity_label`."""
    for node, data in flat.nodes(data=True):
        data["entity_label"] = data.pop("label", "")
        data["label"] = data.pop("name", node)
    nx.write_gexf(flat, path)


def _read_gexf(path: Path) -> nx.MultiDiGraph:
    read = nx.read_gexf(path, node_type=str)
    flat = nx.MultiDiGraph()
    for node, data in read.nodes(data=True):
        attrs = dict(data)
        attrs["name"] = attrs.pop("label", node)
        attrs["label"] = attrs.pop("entity_label", "")
        flat.add_node(node, **attrs)
    for source, target, data in read.edges(data=True):
        attrs = dict(data)
        flat.add_edge(source, target, key=attrs.pop("id"), **attrs)
    return flat


# --- neo4j-admin CSV ----------------------------------------------------------------

_CSV_TYPES = {"bool": "boolean", "int": "long", "float": "double", "str": "string"}


def _csv_type(values: list[Any]) -> str:
    """The neo4j-admin header type for one column's values (int+float: double, other mixes: string)."""
    seen: set[str] = set()
    array = False
    for value in values:
        if isinstance(value, list):
            array = True
            seen.update(_scalar_kind(v) or "str" for v in value)
        else:
            seen.add(_scalar_kind(value) or "str")
    kind = seen.pop() if len(seen) == 1 else "float" if seen == {"int", "float"} else "str"
    return _CSV_TYPES[kind] + ("[]" if array else "")


def _csv_cell(value: Any) -> Any:
    """A value as the writer gets it: None stays unquoted-empty (no property), strings are quoted,
    so an empty string travels as `""`, which neo4j-admin keeps as an empty string."""
    if value is None:
        return None
    if isinstance(value, list):
        cells = [str(_csv_cell(v)) for v in value]
        clash = [c for c in cells if ARRAY_DELIMITER in c]
        if clash:
            raise ValueError(f"array value {clash[0]!r} holds the array delimiter {ARRAY_DELIMITER!r}")
        return ARRAY_DELIMITER.join(cells)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _quoted(value: Any) -> str:
    """Numbers bare, strings in quotes, None as nothing (csv.QUOTE_NOTNULL before Python 3.12)."""
    if value is None:
        return ""
    if isinstance(value, int | float):
        return repr(value)
    return '"' + str(value).replace('"', '""') + '"'


def _write_csv(path: Path, fixed: list[str], rows: list[dict[str, Any]]) -> None:
    """One file with a typed header; `fixed` columns come first and keep their header text."""
    keys: list[str] = []
    for row in rows:
        keys.extend(k for k in row if k not in keys)
    columns = []
    for key in keys:
        fixed_header = next((f for f in fixed if f == key or f.split(":")[0] == key), "")
        if fixed_header:
            columns.append((key, fixed_header))
        else:
            values = [row[key] for row in rows if row.get(key) is not None]
            columns.append((key, f"{key}:{_csv_type(values)}"))
    lines = [",".join(h for _, h in columns)]
    lines.extend(",".join(_quoted(_csv_cell(row.get(key))) for key, _ in columns) for row in rows)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


_CSV_CELL = re.compile(r'"((?:[^"]+|"")*)"|([^,\r\n"]*)')


def _csv_records(text: str) -> Iterable[list[tuple[str, bool]]]:
    """RFC 4180 records as (cell, was quoted) pairs: the csv module cannot tell `""` from an
    empty cell, and neo4j-admin reads the first as an empty string, the second as no value."""
    record: list[tuple[str, bool]] = []
    pos = 0
    while pos < len(text):
        match = _CSV_CELL.match(text, pos)
        assert match is not None  # the second branch matches the empty string
        quoted = match.group(1) is not None
        record.append((match.group(1).replace('""', '"') if quoted else match.group(2), quoted))
        pos = match.end()
        if pos == len(text) or text[pos] in "\r\n":
            pos += 2 if text.startswith("\r\n", pos) else 1
            yield record
            record = []
        elif text[pos] == ",":
            pos += 1
        else:
            raise ValueError(f"malformed CSV near {text[pos - 20 : pos + 20]!r}")


def _entity_labels(entity: Entity) -> str:
    extra = [PLACE_LABEL] if entity.is_place else []
    return ARRAY_DELIMITER.join([ENTITY_LABEL, entity.label, *extra])


def _write_neo4j_csv(graph: Graph, directory: Path) -> list[Path]:
    """nodes_<Label>.csv and relationships_<TYPE>.csv as the agreed Neo4j schema stores them."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    report_rows = []
    for report in graph.reports.values():
        row = report.to_dict()
        row["sections"] = json.dumps(row["sections"], ensure_ascii=False)
        report_rows.append({"id": row.pop("id"), ":LABEL": REPORT_LABEL, **row})
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entity in graph.entities.values():
        spread = {k: v for k, v in entity.properties.items() if k not in {"id", "name", "label", "aliases"}}
        by_label[entity.label].append(
            {
                "id": entity.id,
                ":LABEL": _entity_labels(entity),
                "name": entity.name,
                "label": entity.label,
                "aliases": list(entity.aliases),
                **spread,
            }
        )
    node_fixed = ["id:ID", ":LABEL", "name", "label", "aliases:string[]", "years:long[]"]
    for label, rows in [(REPORT_LABEL, report_rows), *sorted(by_label.items())]:
        if rows:
            path = directory / f"nodes_{label}.csv"
            _write_csv(path, node_fixed, rows)
            written.append(path)
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for relation in graph.relations.values():
        section, kind = _section(relation)
        evidence = json.dumps([e.to_dict() for e in relation.evidence], ensure_ascii=False)
        spread = {k: v for k, v in relation.properties.items() if k not in _EDGE_FIELDS}
        by_type[relation.type].append(
            {
                ":START_ID": relation.source,
                ":END_ID": relation.target,
                ":TYPE": relation.type,
                "id": relation.id,
                "report_id": relation.report_id,
                "evidence": evidence,
                "section": section,
                "section_kind": kind,
                **spread,
            }
        )
    rel_fixed = [":START_ID", ":END_ID", ":TYPE", "id", "report_id", "evidence", "section", "section_kind"]
    for rel_type, rows in sorted(by_type.items()):
        path = directory / f"relationships_{rel_type}.csv"
        _write_csv(path, rel_fixed, rows)
        written.append(path)
    return written


def _parse_cell(text: str, kind: str) -> Any:
    if kind.endswith("[]"):
        return [_parse_cell(part, kind[:-2]) for part in text.split(ARRAY_DELIMITER)]
    if kind in ("long", "int"):
        return int(text)
    if kind in ("double", "float"):
        return float(text)
    if kind == "boolean":
        return text == "true"
    return text


def _read_csv_rows(path: Path) -> Iterable[dict[str, Any]]:
    """Rows of one neo4j-admin CSV file as typed dicts; unquoted empty cells are absent, as in Neo4j."""
    records = iter(_csv_records(path.read_text(encoding="utf-8")))
    columns = []
    for column, _ in next(records):
        name, _, kind = (column, "", "") if column.startswith(":") else column.partition(":")
        if kind == "ID":
            name, kind = "id", "string"
        columns.append((name, kind or "string"))
    for cells in records:
        yield {
            name: _parse_cell(cell, kind) if cell or not kind.endswith("[]") else []
            for (name, kind), (cell, quoted) in zip(columns, cells, strict=True)
            if cell or quoted
        }


def _read_neo4j_csv(directory: Path) -> Graph:
    graph = Graph()
    for path in sorted(directory.glob("nodes_*.csv")):
        for row in _read_csv_rows(path):
            labels = str(row.pop(":LABEL", "")).split(ARRAY_DELIMITER)
            if REPORT_LABEL in labels:
                if "sections" in row:
                    row["sections"] = json.loads(row["sections"])
                graph.add_report(Report.from_dict(row))
                continue
            fixed = {k: row.pop(k) for k in ("id", "name", "label") if k in row}
            aliases = row.pop("aliases", [])
            graph.add_entity(Entity(aliases=aliases, properties=row, **fixed))
    for path in sorted(directory.glob("relationships_*.csv")):
        for row in _read_csv_rows(path):
            evidence = json.loads(row.pop("evidence", "[]"))
            row.pop("id", None)  # derived from the fact itself
            row.pop("section", None)  # the first evidence's section
            graph.add_relation(
                Relation(
                    type=row.pop(":TYPE"),
                    source=row.pop(":START_ID"),
                    target=row.pop(":END_ID"),
                    report_id=row.pop("report_id"),
                    evidence=[Evidence.from_dict(e) for e in evidence],
                    properties=row,
                )
            )
    return graph


# --- entry points -------------------------------------------------------------------


def export_graph(graph: Graph, fmt: str, path: str | Path) -> list[Path]:
    """Write the graph in one format; csv writes a directory. Returns the files written."""
    target = Path(path)
    if fmt == "csv":
        return _write_neo4j_csv(graph, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    multigraph = to_networkx(graph)
    if fmt == "json":
        data = nx.node_link_data(multigraph, edges="edges")
        target.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "graphml":
        nx.write_graphml(_flat(multigraph), target, named_key_ids=True)
    elif fmt == "gexf":
        _write_gexf(_flat(multigraph), target)
    else:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return [target]


def guess_format(path: str | Path) -> str:
    """The format a path was written in: a directory is csv, a file goes by its suffix."""
    source = Path(path)
    if source.is_dir():
        return "csv"
    suffix = source.suffix.lstrip(".").lower()
    if suffix not in FORMATS:
        raise ValueError(f"cannot tell the format of {source}; expected one of {', '.join(FORMATS)}")
    return suffix


def import_graph(path: str | Path, fmt: str | None = None) -> Graph:
    """Read a file (or csv directory) written by export_graph back into a Graph."""
    source = Path(path)
    fmt = fmt or guess_format(source)
    if fmt == "csv":
        return _read_neo4j_csv(source)
    if fmt == "json":
        data = json.loads(source.read_text(encoding="utf-8"))
        return from_networkx(nx.node_link_graph(data, directed=True, multigraph=True, edges="edges"))
    if fmt == "graphml":
        return from_networkx(_unflat(nx.read_graphml(source, node_type=str, force_multigraph=True)))
    if fmt == "gexf":
        return from_networkx(_unflat(_read_gexf(source)))
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
