"""The `govkg` command line: extract, build, serve, stats, eval, query, analyze, export, import."""

from __future__ import annotations

import csv
import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from graph.store.base import GraphStore, StoreError


def store_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options every store-using command shares; env vars fill them in."""

    @click.option(
        "--store",
        "store_kind",
        type=click.Choice(["embedded", "neo4j"]),
        default=None,
        help="Where the graph lives [default: neo4j when NEO4J_URI is set, else embedded].",
    )
    @click.option(
        "--data-dir",
        envvar="GOVKG_DATA_DIR",
        default="data",
        show_default=True,
        type=click.Path(file_okay=False),
        help="Embedded store directory (env GOVKG_DATA_DIR).",
    )
    @click.option(
        "--neo4j-uri", envvar="NEO4J_URI", default=None, help="e.g. bolt://127.0.0.1:7687 (env NEO4J_URI)."
    )
    @click.option(
        "--neo4j-user", envvar="NEO4J_USER", default="neo4j", show_default=True, help="(env NEO4J_USER)"
    )
    @click.option("--neo4j-password", envvar="NEO4J_PASSWORD", default=None, help="(env NEO4J_PASSWORD)")
    @functools.wraps(func)
    def wrapper(
        store_kind: str | None,
        data_dir: str,
        neo4j_uri: str | None,
        neo4j_user: str,
        neo4j_password: str | None,
        **kwargs: Any,
    ) -> Any:
        kind = store_kind or ("neo4j" if neo4j_uri else "embedded")
        settings = {
            "kind": kind,
            "data_dir": data_dir,
            "uri": neo4j_uri,
            "user": neo4j_user,
            "password": neo4j_password,
        }
        return func(settings, **kwargs)

    return wrapper


def open_configured(settings: dict[str, Any]) -> GraphStore:
    from graph.store import open_store

    if settings["kind"] == "neo4j" and not settings["uri"]:
        raise click.UsageError("the neo4j store needs --neo4j-uri or NEO4J_URI")
    try:
        return open_store(
            settings["kind"],
            data_dir=settings["data_dir"],
            uri=settings["uri"],
            user=settings["user"],
            password=settings["password"],
        )
    except Exception as exc:
        raise click.ClickException(f"cannot open the {settings['kind']} store: {exc}") from exc


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """GovKG: knowledge graphs from Chinese sub-district and township work reports."""


def limit_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Per-report limits of the extraction workers (govkg.build.Limits)."""
    from govkg.limits import DEFAULT_MEMORY_LIMIT, DEFAULT_TIME_LIMIT

    @click.option(
        "--time-limit",
        type=click.FloatRange(min=1),
        envvar="GOVKG_TIME_LIMIT",
        default=DEFAULT_TIME_LIMIT,
        show_default=True,
        help="Seconds one report may take; a report over it fails, the rest go on (env GOVKG_TIME_LIMIT).",
    )
    @click.option(
        "--memory-limit",
        type=click.IntRange(min=64),
        envvar="GOVKG_MEMORY_LIMIT",
        default=DEFAULT_MEMORY_LIMIT,
        show_default=True,
        help="MB of memory one report may take on top of the loaded pipeline (env GOVKG_MEMORY_LIMIT).",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, time_limit: float, memory_limit: int, **kwargs: Any) -> Any:
        from govkg.limits import Limits

        return func(*args, limits=Limits(seconds=time_limit, memory_mb=memory_limit), **kwargs)

    return wrapper


# readable=False: an unreadable file is one failed report (read_source names the cause), not a usage error
@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--with-text", is_flag=True, help="Include the cleaned text and sections of each report.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True)
@limit_options
def extract(paths: tuple[str, ...], fmt: str, with_text: bool, workers: int, limits: Any) -> None:
    """Print one JSON object per report (docs/extraction-format.md), in input order."""
    from govkg.build import collect_sources, extract_all

    found = collect_sources(paths)
    failed = 0
    for source, cause in found.problems:  # what could not be walked comes first, as errors
        failed += 1
        click.echo(f"error: {source}: {cause}", err=True)
        click.echo(json.dumps({"source": source, "error": cause}, ensure_ascii=False))
    render = functools.partial(report_line, with_text=with_text)
    for result in extract_all(found.files, workers=workers, limits=limits, render=render):
        if result.rendered is not None:
            click.echo(result.rendered)
            continue
        failed += 1
        click.echo(f"error: {result.source}: {result.error}", err=True)
        click.echo(json.dumps({"source": result.source, "error": result.error}, ensure_ascii=False))
    _exit_now(1 if failed else 0)


def report_line(source: str, graph: Any, with_text: bool = False) -> str:
    """One report's JSON line (docs/extraction-format.md), made in the worker that extracted it."""
    report = next(iter(graph.reports.values()))
    record: dict[str, Any] = {
        "source": source,
        "report": report.to_dict(with_text=with_text),
        "entities": [e.to_dict() for e in graph.entities.values()],
        "relations": [r.to_dict() for r in graph.relations.values()],
    }
    return json.dumps(record, ensure_ascii=False)


def _exit_now(code: int) -> None:
    """End the process once its output is out, without tearing down the loaded tables and
    pipeline (freeing them took 0.6-0.8 s of every run). The workers are stopped by then.
    Where sys.stdout or sys.stderr is not the process's own (a test's CliRunner), or a
    flush fails, it exits the usual way."""
    if sys.stdout is sys.__stdout__ and sys.stderr is sys.__stderr__:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            sys.exit(code)
        os._exit(code)
    sys.exit(code)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@store_options
@click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True, help="Extraction processes."
)
@limit_options
@click.option("--fresh", is_flag=True, help="Empty the store first.")
@click.option(
    "--analyze/--no-analyze", default=True, show_default=True, help="Compute centrality and communities."
)
def build(
    settings: dict[str, Any], paths: tuple[str, ...], workers: int, limits: Any, fresh: bool, analyze: bool
) -> None:
    """Extract reports, resolve entities across them and load the graph into a store."""
    from govkg.build import build as run_build
    from graph.curate import curate_store, forget_base

    store = open_configured(settings)
    try:
        if fresh:
            store.clear()
            forget_base(settings["data_dir"])
        summary = run_build(paths, store, workers=workers, progress=True, limits=limits)
        corrected = curate_store(store, settings["data_dir"])  # the researcher's decisions, again
        if analyze and summary.read:
            _analyze_store(store)
        stats = store.stats()
    except StoreError as exc:  # another build holds the lock, Neo4j went away: one clear line
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(
        f"reports read: {summary.read} (new {summary.written}, replaced {summary.replaced}, "
        f"unchanged {summary.unchanged}); failed: {len(summary.failed)}"
    )
    for source, cause in summary.failed:
        click.echo(f"  failed: {source}: {cause}")
    for source, kept in summary.same_text:
        click.echo(f"  same text: {source} = {kept} (stored once)")
    for source, kept in summary.same_file:
        click.echo(f"  same file: {source} = {kept} (read once)")
    click.echo(f"written: {summary.entities} entities, {summary.relations} relations")
    if corrected:
        click.echo(f"corrections reapplied: {corrected} (govkg curate list)")
    click.echo(
        f"store ({settings['kind']}): {stats['reports']} reports, {stats['entities']} entities, "
        f"{stats['relations']} relations"
    )
    sys.exit(0 if summary.ok else 1)


@main.command()
@store_options
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Bind address; keep loopback unless needed."
)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64), help="Waitress worker threads.")
@click.option(
    "--trusted-host",
    "trusted",
    multiple=True,
    envvar="GOVKG_TRUSTED_HOSTS",
    help="A host name the Host header may carry (repeatable; env GOVKG_TRUSTED_HOSTS, space-separated) "
    "[default: the bound address].",
)
@click.option("--debug", is_flag=True, help="Flask's development server with the debugger (never in production).")
def serve(
    settings: dict[str, Any], host: str, port: int, threads: int, trusted: tuple[str, ...], debug: bool
) -> None:
    """Serve the viewer (waitress; the Flask development server only with --debug)."""
    from web import create_app
    from web.serving import serve as run_server
    from web.serving import trusted_hosts

    hosts = trusted_hosts(host, [h for value in trusted for h in value.replace(",", " ").split()])
    config = {
        "STORE": settings["kind"],
        "DATA_DIR": settings["data_dir"],
        "NEO4J_URI": settings["uri"],
        "NEO4J_USER": settings["user"],
        "NEO4J_PASSWORD": settings["password"],
        "TRUSTED_HOSTS": hosts,
    }
    app = create_app(config)
    click.echo(f"GovKG viewer on http://{host}:{port}/ ({settings['kind']} store)")
    if hosts is None:
        click.echo("warning: bound to every interface and any Host header accepted; name the host with --trusted-host", err=True)
    if debug:
        app.run(host=host, port=port, debug=True)
    else:
        run_server(app, host, port, threads=threads)


@main.command()
@store_options
@click.option("--json", "as_json", is_flag=True)
def stats(settings: dict[str, Any], as_json: bool) -> None:
    """Counts of reports, entities per label and relations per type."""
    store = open_configured(settings)
    try:
        data = store.stats()
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"reports: {data['reports']}  entities: {data['entities']}  relations: {data['relations']}")
    for title, key in (("entities per label", "labels"), ("relations per type", "relation_types")):
        click.echo(f"{title}:")
        for name, count in sorted(data[key].items(), key=lambda kv: -kv[1]):
            click.echo(f"  {name:<14} {count}")


@main.command("eval")
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--reports", "reports_dir", required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(gold_dir: str, reports_dir: str, as_json: bool) -> None:
    """Score extraction against gold annotations (rules of GUIDELINE.md)."""
    from extract.evaluate import evaluate as run_eval
    from extract.evaluate import format_scores

    scores = run_eval(gold_dir, reports_dir)
    if not as_json:
        click.echo(format_scores(scores))
        return

    def count(c: Any) -> dict[str, float]:
        return {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision, "recall": c.recall, "f1": c.f1}

    data = {
        "labels": {label: count(c) for label, c in scores.labels.items()},
        "micro": count(scores.micro),
        "awarded": count(scores.awarded),
        "missing_reports": scores.missing_reports,
    }
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@main.command()
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Where to write the models (default: the committed ones).")
@click.option("--cv", "k", type=click.IntRange(min=0), default=0, help="Also report k-fold cross-validated scores over seeds + dev (k >= 2).")
def train(out_dir: str | None, k: int) -> None:
    """Train the entity tagger on the seeds, dev and example gold (never the check set)."""
    from extract.evaluate import format_scores
    from extract.nlp.tagger.corpus import TRAINING_SETS
    from extract.nlp.tagger.crossval import cross_validate
    from extract.nlp.tagger.train import load_examples, train_default

    if k >= 2:
        held_out, extra = TRAINING_SETS[:2], TRAINING_SETS[2:]
        scores = cross_validate(
            load_examples(held_out), {r.name: g for r, g in held_out}, load_examples(extra), k
        )
        for part, score in scores.items():
            click.echo(f"== {k}-fold cross-validation: {part}")
            click.echo(format_scores(score))
    click.echo(f"models written to {train_default(out_dir)}")


@main.command()
@click.argument("name", required=False)
@click.option("--list", "list_only", is_flag=True, help="List the named queries.")
@click.option(
    "--cypher",
    "cypher_text",
    default=None,
    metavar="TEXT",
    help="Your own read-only Cypher instead of a named query (checked as in the viewer's console).",
)
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)
@click.option("--limit", default=1000, show_default=True, type=int)
@store_options
def query(
    settings: dict[str, Any],
    name: str | None,
    list_only: bool,
    cypher_text: str | None,
    params: tuple[str, ...],
    fmt: str,
    limit: int,
) -> None:
    """Run a named query from cypher/queries against Neo4j (`--list` to see them), or your own with --cypher.

    Either way the query must read: it is refused unless the tokenizer and Neo4j's own
    plan (EXPLAIN) find nothing that writes, loads files or administers the server."""
    from graph.queries import library

    queries = library()
    if cypher_text is not None:
        if name:
            raise click.UsageError("give a query name or --cypher, not both")
        text, values = cypher_text, dict(_parse_param(p) for p in params)
    else:
        if list_only or not name:
            for q in queries.values():
                args = f" [{', '.join(q.params)}]" if q.params else ""
                click.echo(f"{q.name}{args}\n    {q.description}")
            return
        if name not in queries:
            raise click.UsageError(f"no query named {name!r}; see `govkg query --list`")
        chosen = queries[name]
        values = dict.fromkeys(chosen.params)  # a parameter left out means "all"
        values.update(_parse_param(p) for p in params)
        unknown = sorted(set(values) - set(chosen.params))
        if unknown:
            raise click.UsageError(
                f"{name} takes no parameter {', '.join(unknown)}; it takes: {', '.join(chosen.params) or 'none'}"
            )
        text = chosen.text
    settings = {**settings, "kind": "neo4j"}
    store = open_configured(settings)
    try:
        result = store.run_read(text, values, limit=limit)  # type: ignore[attr-defined]
    except Exception as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    _print_rows(result.columns, result.rows, fmt)
    if result.truncated:
        click.echo(f"(cut at {limit} rows)", err=True)


def _parse_param(raw: str) -> tuple[str, str]:
    key, sep, value = raw.partition("=")
    if not sep or not key:
        raise click.BadParameter(f"expected KEY=VALUE, got {raw!r}", param_hint="--param")
    return key.strip(), value


def _print_rows(columns: list[str], rows: list[list[Any]], fmt: str) -> None:
    if fmt == "json":
        click.echo(
            json.dumps([dict(zip(columns, row, strict=True)) for row in rows], ensure_ascii=False, indent=2)
        )
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
    else:
        from tabulate import tabulate

        click.echo(tabulate([[_cell(v) for v in row] for row in rows], headers=columns))


def _cell(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def _analyze_store(store: GraphStore) -> int:
    from graph.analytics import analyze as compute

    return store.set_properties(compute(store.load()))


@main.command()
@store_options
def analyze(settings: dict[str, Any]) -> None:
    """Degree, PageRank, Louvain communities and components, written back as node properties."""
    store = open_configured(settings)
    try:
        updated = _analyze_store(store)
    finally:
        store.close()
    click.echo(f"analytics written to {updated} entities")


@main.command("export")
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv"]), required=True)
@click.option(
    "--out", "out", required=True, type=click.Path(), help="File (graphml, gexf, json) or directory (csv)."
)
@store_options
def export_cmd(settings: dict[str, Any], fmt: str, out: str) -> None:
    """Export the graph for Gephi, Cytoscape, NetworkX or neo4j-admin import."""
    from graph.export import export_graph

    store = open_configured(settings)
    try:
        graph = store.load()
    finally:
        store.close()
    export_graph(graph, fmt, Path(out))
    click.echo(f"exported {len(graph.entities)} entities and {len(graph.relations)} relations to {out}")


@main.command("import")
@click.argument("path", type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf", "json", "csv"]), required=True)
@store_options
def import_cmd(settings: dict[str, Any], path: str, fmt: str) -> None:
    """Load a graph written by `govkg export` into a store."""
    from graph.export import import_graph

    graph = import_graph(Path(path), fmt)
    store = open_configured(settings)
    try:
        summary = store.save(graph)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(
        f"imported {len(graph.reports)} reports: {summary.entities} entities, {summary.relations} relations"
    )


@main.command("delete-report")
@click.argument("report_id")
@store_options
def delete_report(settings: dict[str, Any], report_id: str) -> None:
    """Remove one report, its facts and the entities only it mentioned."""
    store = open_configured(settings)
    try:
        found = store.delete_report(report_id)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    if not found:
        raise click.ClickException(f"no report {report_id}")
    click.echo(f"deleted {report_id}")


@main.command("table")
@click.argument("name", type=click.Choice(["honours", "projects", "investments", "indicators", "people", "reports"]))
@click.option("--place", default=None, help="Only rows whose place contains this.")
@click.option("--year", type=int, default=None, help="Only rows of this year.")
@click.option("--label", default=None, help="Only rows of this label or relation (Project, Initiative, INTRODUCED …).")
@click.option("--report-kind", default=None, help="Only rows from reports of this kind (工作总结, 工作计划 …).")
@click.option("--totals", is_flag=True, help="investments: the total per place and year, each stated amount once.")
@click.option("--across-years", is_flag=True, help="with --totals: one total per place over all years.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@store_options
def table_cmd(
    settings: dict[str, Any], name: str, place: str | None, year: int | None, label: str | None,
    report_kind: str | None, totals: bool, across_years: bool, fmt: str,
) -> None:
    """One row a fact (place, year, value, unit, normalised value, report, evidence) for a spreadsheet."""
    from graph import tables

    store = open_configured(settings)
    try:
        graph = store.load()
    finally:
        store.close()
    if totals:
        if name != "investments":
            raise click.UsageError("--totals is for the investments table")
        rows = tables.filtered(tables.investment_totals(graph, across_years), place=place, year=year)
        click.echo(tables.render(rows, tables.TOTAL_COLUMNS, fmt))
        return
    rows = tables.filtered(tables.rows(graph, name), place=place, year=year, label=label, report_kind=report_kind)
    click.echo(tables.render(rows, tables.COLUMNS[name], fmt))


@main.group()
def curate() -> None:
    """Corrections kept in DATA_DIR/curation.json and reapplied after every build (both stores)."""


def _entity_id(graph: Any, ref: str) -> str:
    """An entity by id, or by its exact name when only one entity has it."""
    if ref in graph.entities:
        return ref
    found = [e.id for e in graph.entities.values() if e.name == ref]
    if len(found) != 1:
        raise click.UsageError(f"{ref!r} names {len(found)} entities; give an id")
    return found[0]


def _decide(settings: dict[str, Any], action: str, target: str, value: str = "", entity: bool = True) -> None:
    from graph.curate import Decision, decide

    store = open_configured(settings)
    try:
        graph = store.load()
        if entity:
            target = _entity_id(graph, target)
            if action == "merge":
                value = _entity_id(graph, value)
        try:
            d = decide(store, settings["data_dir"], Decision(action, target, value))
        except (KeyError, ValueError) as exc:
            raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    click.echo(f"{d.id}: {d.action} {d.target} {d.value} ({d.note})".rstrip())


@curate.command("merge")
@click.argument("keep")
@click.argument("drop")
@store_options
def curate_merge(settings: dict[str, Any], keep: str, drop: str) -> None:
    """Merge DROP into KEEP (ids or exact names): DROP's facts move, its names become aliases."""
    _decide(settings, "merge", keep, drop)


@curate.command("rename")
@click.argument("entity")
@click.argument("name")
@store_options
def curate_rename(settings: dict[str, Any], entity: str, name: str) -> None:
    """Give ENTITY a new NAME (the old one stays as an alias)."""
    _decide(settings, "rename", entity, name)


@curate.command("relabel")
@click.argument("entity")
@click.argument("label")
@store_options
def curate_relabel(settings: dict[str, Any], entity: str, label: str) -> None:
    """Change ENTITY's label (Project, Organization, …)."""
    _decide(settings, "relabel", entity, label)


@curate.command("delete-entity")
@click.argument("entity")
@store_options
def curate_delete_entity(settings: dict[str, Any], entity: str) -> None:
    """Delete ENTITY and every fact touching it."""
    _decide(settings, "delete-entity", entity)


@curate.command("delete-fact")
@click.argument("fact_id")
@store_options
def curate_delete_fact(settings: dict[str, Any], fact_id: str) -> None:
    """Delete one fact by its id (govkg table … --format csv shows fact_id)."""
    _decide(settings, "delete-fact", fact_id, entity=False)


@curate.command("list")
@store_options
def curate_list(settings: dict[str, Any]) -> None:
    """The decisions, in the order made (undone ones marked)."""
    from graph.curate import Decisions

    for d in Decisions.load(settings["data_dir"]).items:
        click.echo(f"{d.id}\t{d.at}\t{d.action}\t{d.target}\t{d.value}\t{d.note}" + ("\t(undone)" if d.undone else ""))


@curate.command("undo")
@click.argument("decision_id")
@store_options
def curate_undo(settings: dict[str, Any], decision_id: str) -> None:
    """Undo one decision: the graph is rebuilt from the kept base with the others."""
    from graph.curate import undo

    store = open_configured(settings)
    try:
        d = undo(store, settings["data_dir"], decision_id)
    except KeyError as exc:
        raise click.ClickException(f"no decision {decision_id}") from exc
    finally:
        store.close()
    click.echo(f"undone {d.id}: {d.action} {d.target} {d.value}".rstrip())


@curate.command("apply")
@store_options
def curate_apply(settings: dict[str, Any]) -> None:
    """Reapply every decision to the store (a build does this itself)."""
    from graph.curate import curate_store

    store = open_configured(settings)
    try:
        changed = curate_store(store, settings["data_dir"])
    finally:
        store.close()
    click.echo(f"corrections applied: {changed}")


if __name__ == "__main__":
    main()
