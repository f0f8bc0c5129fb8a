"""Every viewer route through the Flask test client, over both stores holding the same
hand-made graph (tests/fixtures/web_fixtures.py)."""

from __future__ import annotations

import pytest

from graph import queries
from tests.fixtures.web_fixtures import XSS_IMG, XSS_NAME, XSS_SCRIPT, open_test_store
from web import create_app


def get_json(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.is_json
    return response.get_json()


def test_meta_names_store_labels_and_console(client, web_store):
    data = get_json(client, "/api/meta")
    assert data["store"] == web_store.name
    assert "Subdistrict" in data["labels"] and "MENTIONS" in data["relation_types"]
    assert set(data["labels"]) <= set(data["styles"])
    assert data["console"] is (web_store.name == "neo4j")


def test_stats_count_the_sample_graph(client, web_graph):
    data = get_json(client, "/api/stats")
    assert data["reports"] == len(web_graph.reports)
    assert data["entities"] == len(web_graph.entities)
    assert data["relations"] == len(web_graph.relations)
    assert data["labels"]["Subdistrict"] == 2


def test_overview_feeds_the_home_charts(client, web_ids):
    data = get_json(client, "/api/overview")
    assert data["entities_per_label"]["Honour"] == 2
    assert {str(k): v for k, v in data["reports_per_year"].items()} == {"2023": 1, "2021": 1}
    assert data["reports_per_place"] == {"柳岸街道": 1, "石桥镇": 1}
    honoured = {row["id"]: row["count"] for row in data["honours_per_place"]}
    assert honoured == {web_ids["桃源村"]: 1, web_ids["石桥镇"]: 1}
    money = {row["name"]: row["amount_yuan"] for row in data["investment_per_subdistrict"]}
    assert money == {"柳岸街道": 250_000_000, "石桥镇": 30_000_000}


def test_search_by_name_alias_and_label(client, web_ids):
    hits = get_json(client, "/api/search?q=柳岸")["hits"]
    assert hits[0]["id"] == web_ids["柳岸街道"] and hits[0]["aliases"] == ["柳岸街"]
    alias = get_json(client, "/api/search?q=晨光科技")["hits"]
    assert [h["name"] for h in alias] == ["江城晨光科技有限公司"]
    only = get_json(client, "/api/search?q=科技&label=Enterprise&limit=5")["hits"]
    assert {h["label"] for h in only} == {"Enterprise"} and len(only) == 2
    assert get_json(client, "/api/search?q=科技&label=Honour")["hits"] == []
    assert get_json(client, "/api/search?q=")["hits"] == []


@pytest.mark.parametrize(
    "url",
    ["/api/search?q=a&limit=zero", "/api/search?q=a&limit=1000", "/api/search?q=a&label=Planet"],
)
def test_search_rejects_bad_arguments(client, url):
    assert "error" in get_json(client, url, 400)


def test_entity_groups_facts_with_named_ends_and_evidence(client, web_ids):
    data = get_json(client, f"/api/entity/{web_ids['柳岸街道']}")
    assert data["entity"]["name"] == "柳岸街道"
    types = [g["type"] for g in data["groups"]]
    assert types == ["PART_OF", "INTRODUCED", "CARRIES_OUT", "REPORTED", "MENTIONS"]
    introduced = next(g for g in data["groups"] if g["type"] == "INTRODUCED")["relations"][0]
    assert introduced["direction"] == "out"
    assert introduced["other"] == {"id": web_ids["江城晨光科技有限公司"], "name": "江城晨光科技有限公司",
                                   "label": "Enterprise"}
    assert introduced["properties"]["amount_yuan"] == 250_000_000
    evidence = introduced["evidence"][0]
    assert evidence["sentence"].startswith("全年引进")
    assert introduced["report_id"] in data["reports"]
    part_of = next(g for g in data["groups"] if g["type"] == "PART_OF")["relations"]
    incoming = {r["other"]["name"] for r in part_of if r["direction"] == "in"}
    assert incoming == {"桃源村", "新港社区"}
    mentions = next(g for g in data["groups"] if g["type"] == "MENTIONS")["relations"]
    assert {m["other"]["label"] for m in mentions} == {"Report"}


def test_entity_unknown_is_json_404(client):
    assert get_json(client, "/api/entity/village-0000", 404) == {"error": "no entity village-0000"}


def test_neighbours_filter_by_depth_label_and_type(client, web_ids):
    liuan = web_ids["柳岸街道"]
    one = get_json(client, f"/api/entity/{liuan}/neighbours")
    names = {n["name"] for n in one["nodes"]}
    assert {"柳岸街道", "桃源村", "江城晨光科技有限公司", "青山区"} <= names
    assert "全国文明村镇" not in names  # two hops away
    assert all(r["type"] != "MENTIONS" for r in one["relations"])
    two = get_json(client, f"/api/entity/{liuan}/neighbours?depth=2")
    assert "全国文明村镇" in {n["name"] for n in two["nodes"]}
    villages = get_json(client, f"/api/entity/{liuan}/neighbours?label=Village")
    assert {n["label"] for n in villages["nodes"]} == {"Subdistrict", "Village"}
    typed = get_json(client, f"/api/entity/{liuan}/neighbours?type=INTRODUCED")
    assert {r["type"] for r in typed["relations"]} == {"INTRODUCED"}
    limited = get_json(client, f"/api/entity/{liuan}/neighbours?limit=2")
    assert len(limited["nodes"]) == 2 and limited["truncated"] is True
    with_reports = get_json(client, f"/api/entity/{liuan}/neighbours?type=MENTIONS")
    assert {n["label"] for n in with_reports["nodes"]} == {"Subdistrict", "Report"}


@pytest.mark.parametrize("query", ["depth=0", "depth=9", "type=FRIEND", "label=Planet", "limit=x"])
def test_neighbours_rejects_bad_arguments(client, web_ids, query):
    assert "error" in get_json(client, f"/api/entity/{web_ids['柳岸街道']}/neighbours?{query}", 400)


def test_neighbours_of_unknown_entity_is_404(client):
    assert "error" in get_json(client, "/api/entity/nobody/neighbours", 404)


def test_path_between_two_entities(client, web_ids):
    source, target = web_ids["桃源村"], web_ids["石桥镇"]
    data = get_json(client, f"/api/path?source={source}&target={target}")
    assert data["found"] is True
    assert [n["name"] for n in data["nodes"]][0] == "桃源村" and data["nodes"][-1]["name"] == "石桥镇"
    assert len(data["relations"]) == len(data["nodes"]) - 1 == 3
    short = get_json(client, f"/api/path?source={source}&target={target}&max_hops=1")
    assert short["found"] is False and short["nodes"] == []


def test_path_errors(client, web_ids):
    assert "error" in get_json(client, f"/api/path?source={web_ids['桃源村']}", 400)
    assert "error" in get_json(client, f"/api/path?source={web_ids['桃源村']}&target=nobody", 404)


def test_reports_list_without_text(client):
    reports = get_json(client, "/api/reports")["reports"]
    assert sorted(r["place"] for r in reports) == ["柳岸街道", "石桥镇"]
    assert all("text" not in r for r in reports)


def test_report_with_text_and_its_facts(client, web_ids):
    rid = web_ids["石桥镇-report"]
    report = get_json(client, f"/api/report/{rid}")
    assert XSS_SCRIPT in report["text"] and report["sections"][0]["heading"] == "一、主要工作"
    facts = get_json(client, f"/api/report/{rid}/relations")["relations"]
    introduced = next(r for r in facts if r["type"] == "INTRODUCED")
    assert introduced["source_node"]["name"] == "石桥镇"
    assert introduced["target_node"]["name"] == XSS_NAME
    assert {r["report_id"] for r in facts} == {rid}
    assert "error" in get_json(client, "/api/report/report-none", 404)
    assert "error" in get_json(client, "/api/report/report-none/relations", 404)


def test_console_info_lists_named_examples(client, web_store):
    data = get_json(client, "/api/console")
    assert data["enabled"] is (web_store.name == "neo4j")
    assert data["read_only"] is True and data["timeout"] == 10 and data["row_limit"] == 1000
    assert [e["name"] for e in data["examples"]] == list(queries.library())


def test_console_runs_only_over_neo4j(client, web_store):
    response = client.post("/api/console", json={"query": "MATCH (n) RETURN count(n) AS n"})
    if web_store.name != "neo4j":
        assert response.status_code == 404
        assert "Neo4j" in response.get_json()["error"]
        return
    assert response.status_code == 200
    data = response.get_json()
    assert data["columns"] == ["n"] and data["rows"][0][0] > 0


@pytest.fixture(scope="module")
def console_client(request, tmp_path_factory, web_graph):
    """A client over Neo4j only, for what exists only there."""
    store = open_test_store(request, "neo4j", tmp_path_factory.mktemp("console"))
    store.save(web_graph)
    yield create_app({"STORE": store, "TESTING": True}).test_client(), store
    store.close()


@pytest.mark.neo4j
def test_console_reads_with_params_and_draws_nodes(console_client):
    client, _ = console_client
    query = "MATCH (s:Subdistrict {name: $name})-[r:PART_OF]->(d) RETURN s, r, d"
    data = client.post("/api/console", json={"query": query, "params": {"name": "石桥镇"}}).get_json()
    assert data["columns"] == ["s", "r", "d"] and len(data["rows"]) == 1
    assert {n["name"] for n in data["nodes"]} == {"石桥镇", "青山区"}
    assert data["relationships"][0]["type"] == "PART_OF"
    assert data["truncated"] is False and data["row_limit"] == 1000


@pytest.mark.neo4j
def test_console_cuts_rows_at_the_limit(console_client):
    _, store = console_client
    client = create_app({"STORE": store, "CONSOLE_ROW_LIMIT": 3}).test_client()
    data = client.post("/api/console", json={"query": "MATCH (e:Entity) RETURN e.name AS name"}).get_json()
    assert len(data["rows"]) == 3 and data["truncated"] is True


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"query": "CREATE (n:Entity {name: 'x'}) RETURN n"}, 403, "read-only"),
        ({"query": "MATCH (n) DETACH DELETE n"}, 403, "read-only"),
        ({"query": "MATCH (n RETURN n"}, 400, ""),
        ({"query": "   "}, 400, "empty"),
        ({"query": "RETURN 1", "params": [1]}, 400, "params"),
    ],
)
def test_console_refuses_writes_and_bad_queries(console_client, web_graph, body, status, words):
    client, store = console_client
    response = client.post("/api/console", json=body)
    assert response.status_code == status
    assert words in response.get_json()["error"].lower()
    assert store.stats()["entities"] == len(web_graph.entities)


def test_console_post_needs_json(client, web_store):
    response = client.post("/api/console", data="MATCH (n) RETURN n", content_type="text/plain")
    assert response.status_code == (400 if web_store.name == "neo4j" else 404)
    assert "error" in response.get_json()


def test_unknown_api_route_and_method_are_json(client):
    assert "error" in get_json(client, "/api/nothing", 404)
    response = client.delete("/api/stats")
    assert response.status_code == 405 and "error" in response.get_json()


def test_unexpected_errors_are_json_without_traceback(web_store):
    app = create_app({"STORE": web_store})

    @app.get("/api/fails")
    def fails():
        raise RuntimeError("secret internals")

    response = app.test_client().get("/api/fails")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert response.get_json() == {"error": "internal error; see the server log"}
    assert "Traceback" not in body and "secret" not in body


# --- pages (server-rendered) ----------------------------------------------------------------


def page_text(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def test_pages_render(client, web_ids, web_store):
    assert "柳岸街道" in page_text(client, "/reports")
    home = page_text(client, "/")
    assert 'id="chart-investment"' in home
    explorer = page_text(client, f"/graph?focus={web_ids['柳岸街道']}")
    assert web_ids["柳岸街道"] in explorer
    entity = page_text(client, f"/entity/{web_ids['桃源村']}")
    assert "荣获" in entity and f"#{0}" not in entity.split("ev-link")[0]
    assert ("Cypher console" in home) is (web_store.name == "neo4j")
    console = client.get("/console")
    assert console.status_code == (200 if web_store.name == "neo4j" else 404)


def test_report_page_escapes_report_text_and_links_mentions(client, web_ids, web_graph):
    rid = web_ids["石桥镇-report"]
    html = page_text(client, f"/report/{rid}")
    for hostile in (XSS_SCRIPT, XSS_IMG, XSS_NAME):
        assert hostile not in html
    assert "&lt;script&gt;alert(&#39;report-script&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(&#39;report-img&#39;)&gt;" in html
    assert f'href="/entity/{web_ids["石桥镇"]}"' in html
    # every evidence sentence has an anchor at its offset
    report = web_graph.reports[rid]
    for rel in web_graph.relations_of(rid):
        for ev in rel.evidence:
            assert f'id="{ev.start}"' in html
            assert report.text[ev.start:ev.end] == ev.sentence


def test_entity_page_formats_values_for_people(client, web_ids):
    html = page_text(client, f"/entity/{web_ids['柳岸街道']}")
    assert 'title="250,000,000 yuan"><span class="k">amount_text</span> <span class="v">2.5亿元</span>' in html
    assert '<span class="k">amount_yuan</span>' not in html  # the machine form, shown as the tooltip
    assert '<span class="v">2023</span>' in html and "2,023" not in html
    assert "回顾 review" in html and "计划 plan" in html


def test_entity_page_escapes_names(client, web_ids):
    hostile = next(i for n, i in web_ids.items() if n == XSS_NAME)
    html = page_text(client, f"/entity/{hostile}")
    assert XSS_NAME not in html and "&lt;img src=y onerror=" in html


def test_missing_pages_are_404_pages(client):
    assert "no entity" in page_text(client, "/entity/nobody", 404)
    assert "no report" in page_text(client, "/report/nothing", 404)
