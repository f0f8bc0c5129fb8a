"""The fictional example reports decode as intended and their gold names really occur in them.

The gold under tests/gold/examples is used to score the extractor, so a gold name
that is not in its report (a typo, a renamed place) would silently cost recall.
Names are matched modulo the annotation guideline's normalisation: quotation and
book-title marks and spaces removed, full-width characters folded (NFKC), and a
list member such as 石桥、柳塘等村 counting for 柳塘村.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLD = ROOT / "tests" / "gold" / "examples"
REPORTS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".docx", ".html"})
LABELS = {"Province", "City", "District", "Subdistrict", "Village", "Community",
          "Enterprise", "Project", "Honour", "Person"}
PLACE_SUFFIXES = ("社区", "街道", "村", "镇", "乡", "组", "街")
LIST_JOINERS = "、，,和及与等"
GB18030_EXAMPLE = "zhejiang-anji-xilan-2022-gov-report.txt"
BOM_EXAMPLE = "hunan-liuyang-qingxi-2024-annual.txt"


def decode(path: Path) -> str:
    """The report text the way a reader of that format would see it."""
    data = path.read_bytes()
    if path.suffix == ".docx":
        doc = docx.Document(str(path))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    if path.suffix == ".html":
        return BeautifulSoup(data.decode("utf-8"), "lxml").get_text("\n")
    if path.name == GB18030_EXAMPLE:
        return data.decode("gb18030")
    return data.decode("utf-8-sig")


def normalise(text: str) -> str:
    """The guideline's comparison form: no quotes, brackets as ASCII, no spaces, NFKC."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\"'“”‘’《》〈〉「」『』\s]", "", text)


def occurs(name: str, text: str) -> bool:
    """The name is in the text, or it is a suffix-expanded member of a list (石桥、柳塘等村)."""
    if name in text:
        return True
    for suffix in PLACE_SUFFIXES:
        stem = name.removesuffix(suffix)
        if stem != name and re.search(re.escape(stem) + f"[{LIST_JOINERS}]", text):
            return True
    return False


def gold_for(report: Path) -> dict:
    return json.loads((GOLD / f"{report.stem}.json").read_text(encoding="utf-8"))


def test_there_are_ten_reports_each_with_gold() -> None:
    assert len(REPORTS) >= 10
    assert sorted(p.stem for p in REPORTS) == sorted(
        p.stem for p in GOLD.glob("*.json") if p.name not in ("relations.json", "observations.json")
    )


def test_gb18030_example_is_not_utf8() -> None:
    data = (EXAMPLES / GB18030_EXAMPLE).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "各位代表" in data.decode("gb18030")


def test_bom_example_starts_with_bom() -> None:
    assert (EXAMPLES / BOM_EXAMPLE).read_bytes().startswith(b"\xef\xbb\xbf")


def test_docx_examples_have_a_table_and_bookmark_debris() -> None:
    docs = [docx.Document(str(p)) for p in REPORTS if p.suffix == ".docx"]
    assert docs
    for doc in docs:
        assert doc.tables
        assert any("[bookmark: _GoBack]" in p.text for p in doc.paragraphs)


def test_html_examples_wrap_the_report_in_page_chrome() -> None:
    pages = [p.read_text(encoding="utf-8") for p in REPORTS if p.suffix == ".html"]
    assert pages
    for page in pages:
        soup = BeautifulSoup(page, "lxml")
        assert soup.select_one("div.article-content")
        assert "扫一扫在手机打开当前页" in page and "ICP备" in page


def report_body(report: Path) -> str:
    """The report itself, without a saved page's navigation and footer."""
    if report.suffix == ".html":
        return BeautifulSoup(report.read_bytes().decode("utf-8"), "lxml").select_one("div.article-content").get_text()
    return decode(report)


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.name)
def test_report_is_of_realistic_length(report: Path) -> None:
    chars = len("".join(report_body(report).split()))
    assert 3000 <= chars <= 9000


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.name)
def test_gold_names_occur_in_report(report: Path) -> None:
    gold = gold_for(report)
    text = normalise(decode(report))
    missing = [e for e in gold["entities"] if not occurs(normalise(e["name"]), text)]
    assert missing == []


@pytest.mark.parametrize("report", REPORTS, ids=lambda p: p.name)
def test_gold_follows_the_guideline_format(report: Path) -> None:
    gold = gold_for(report)
    assert set(gold) == {"entities", "awarded"}
    pairs = [(e["label"], e["name"]) for e in gold["entities"]]
    assert len(pairs) == len(set(pairs))
    assert {label for label, _ in pairs} <= LABELS
    assert not [n for _, n in pairs if re.search(r"[Xx×*某]{1,}(村|社区|公司|街道|镇)", n)]
    honours = {n for label, n in pairs if label == "Honour"}
    names = {n for _, n in pairs}
    text = normalise(decode(report))
    for row in gold["awarded"]:
        assert row["honour"] in honours
        # a recipient outside the labels (a product) is written as the text names it
        assert row["recipient"] in names or normalise(row["recipient"]) in text


def test_relations_refer_to_gold_entities() -> None:
    relations = json.loads((GOLD / "relations.json").read_text(encoding="utf-8"))
    assert set(relations) == {p.stem for p in REPORTS}
    texts = {p.stem: normalise(decode(p)) for p in REPORTS}
    for stem, rels in relations.items():
        names = {e["name"] for e in json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))["entities"]}
        for row in rels.get("introduced", []):
            assert {row["subdistrict"], row["enterprise"]} <= names
            assert row["amount_yuan"] > 0
        for row in rels.get("invests_in", []):
            assert {row["enterprise"], row["project"]} <= names
        for row in rels.get("reported", []):
            assert row["place"] in names
            assert row["indicator"] in texts[stem]
            assert row["base_unit"] != "ratio" or 0 < row["value_normalised"] < 1
        for row in rels.get("carries_out_planned", []) + rels.get("carries_out_status", []):
            assert {row["subdistrict"], row["project"]} <= names
            assert row.get("status", "planned") in {"planned", "ongoing", "completed"}


def test_next_year_report_follows_up_the_plans_of_the_year_before() -> None:
    """The 2024 Qingxi report must name the 2024 plans of the 2023 report, so plan-versus-outcome has data."""
    relations = json.loads((GOLD / "relations.json").read_text(encoding="utf-8"))
    planned = {r["project"] for r in relations["hunan-liuyang-qingxi-2023-annual"]["carries_out_planned"]}
    followed = {r["project"] for r in relations["hunan-liuyang-qingxi-2024-annual"]["carries_out_status"]}
    assert planned & followed
    assert {"completed", "ongoing"} <= {
        r["status"] for r in relations["hunan-liuyang-qingxi-2024-annual"]["carries_out_status"]
    }
