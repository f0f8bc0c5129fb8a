"""Issue 12: analysts' tables from the CLI and the viewer, on both stores.

`govkg table` and the /tables pages give one row a fact with place, year, the value as
written and normalised (amount_yuan, value_normalised), report and evidence; the
investment totals count each stated amount once per place and year.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from extract.api import extract_path
from govkg.cli import main
from graph import tables
from graph.resolve import resolve, split_by_report
from graph.store.base import GraphStore
from web import create_app

DATA = Path(__file__).resolve().parent / "data" / "issue12"


@pytest.fixture(scope="module")
def built_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tables-store")
    result = CliRunner().invoke(main, ["build", str(DATA), "--data-dir", str(out), "--store", "embedded"])
    assert result.exit_code == 0, result.output
    return out


def table(built_dir: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["table", *args, "--data-dir", str(built_dir), "--store", "embedded"])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cli_investment_rows_carry_amount_yuan_report_and_evidence(built_dir: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(table(built_dir, "investments", "--year", "2023", "--format", "csv"))))
    deal = next(r for r in rows if r["target"] == "苏州晨曦光电科技有限公司" and r["relation"] == "INTRODUCED")
    assert float(deal["amount_yuan"]) == 2e9 and deal["counted"] == "True"
    assert deal["place"] == "白鹭街道" and "投资20亿元" in deal["evidence"] and deal["report"]
    assert all(r["year"] == "2023" for r in rows)


def test_cli_totals_are_per_place_and_year(built_dir: Path) -> None:
    got = json.loads(table(built_dir, "investments", "--totals", "--place", "白鹭街道", "--format", "json"))
    assert [(r["year"], r["amount_yi_yuan"]) for r in got] == [(2023, 29.36), (2024, 8.5)]
    both = json.loads(table(built_dir, "investments", "--totals", "--across-years", "--place", "白鹭街道", "--format", "json"))
    assert [(r["year"], r["amount_yi_yuan"]) for r in both] == [(None, 37.86)]  # only when asked


def test_cli_indicators_and_text_format(built_dir: Path) -> None:
    rows = json.loads(table(built_dir, "indicators", "--place", "白鹭镇", "--format", "json"))
    share = next(r for r in rows if r["indicator"] == "研发投入占地区生产总值比重")
    assert (share["year"], share["kind"], share["value_normalised"], share["base_unit"]) == (2024, "actual", 0.042, "ratio")
    text = table(built_dir, "reports")
    assert text.splitlines()[0].split()[:3] == ["place", "year", "report"] and "白鹭镇" in text


@pytest.fixture
def client(store: GraphStore):
    graph = resolve(extract_path(p) for p in sorted(DATA.glob("*.txt")))
    for part in split_by_report(graph):
        store.save(part)
    return create_app({"STORE": store, "TESTING": True}).test_client()


def test_table_pages_filter_and_download_csv(client) -> None:
    page = client.get("/tables/investments?place=白鹭街道&year=2024")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "临澜恒岳新材料有限公司" in html and "苏州晨曦光电科技有限公司" not in html  # a 2023 deal
    download = client.get("/tables/investments.csv?place=白鹭街道&year=2024")
    assert download.headers["Content-Disposition"] == "attachment; filename=govkg-investments.csv"
    rows = list(csv.DictReader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows and {r["year"] for r in rows} == {"2024"}
    assert client.get("/tables/nothing").status_code == 404


def test_compare_page_is_a_place_by_year_table(client) -> None:
    html = client.get("/compare?indicator=规上工业产值").get_data(as_text=True)
    assert 'id="compare-table"' in html and "白鹭镇" in html and "<th>2024</th>" in html
    data = html.split('id="compare-data">', 1)[1].split("</script>", 1)[0]
    assert json.loads(data) == {"series": [{"place": "白鹭镇", "values": [4.86e9]}], "unit": "yuan", "years": [2024]}


def test_every_table_has_its_columns() -> None:
    graph = extract_path(DATA / "amounts-report.txt")
    for name in tables.TABLES:
        for row in tables.rows(graph, name):
            assert set(tables.COLUMNS[name]) <= set(row), name
