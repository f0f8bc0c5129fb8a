// Cypher console, as a Neo4j Browser user expects it: named examples with a parameter form,
// results as a table of labelled chips and as a graph of the returned nodes with the
// relationships among them, an inspector, CSV download and a history kept in the browser.
(function () {
  "use strict";
  const { el, getJSON, badge, download } = window.GovKG;
  const { stylesheet, paint, look } = window.GovKGGraph;
  cytoscape.use(cytoscapeFcose);
  const $ = (id) => document.getElementById(id);
  const HISTORY_KEY = "govkg.console.history";
  const HISTORY_MAX = 30;
  const GRAPH_MAX = 500;  // nodes whose relationships are fetched for the Graph tab
  let examples = [];
  let cy = null;
  let lastResult = null;
  let graphResult = null;
  let timeoutSeconds = 10;

  function showError(message, detail) {
    const box = $("console-error");
    box.replaceChildren();
    if (message) {
      box.append(el("p", {}, message));
      if (detail) box.append(el("p", { class: "small muted" }, detail));
    }
    box.hidden = !message;
  }

  // --- parameters ------------------------------------------------------------------------
  // One input per $name in the query; an example fills them with its defaults.
  function paramNames(text) {
    const stripped = text.replace(/\/\/[^\n\r]*/g, "").replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, "''");
    return [...new Set([...stripped.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))];
  }

  function paramValues() {
    const values = {};
    document.querySelectorAll("#param-form input[data-param]").forEach((input) => {
      const raw = input.value;
      values[input.dataset.param] = /^-?\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : raw;
    });
    return values;
  }

  function renderParams(form, keep) {
    const box = $("param-form");
    const old = keep ? paramValues() : {};
    const names = paramNames($("query").value);
    const known = new Map((form || []).map((p) => [p.name, p]));
    box.replaceChildren();
    for (const name of names) {
      const spec = known.get(name) || {};
      const value = name in old ? old[name] : (spec.default ?? "");
      box.append(el("label", { class: "param" }, el("code", {}, "$" + name), " ",
        el("input", { type: "text", value: String(value), placeholder: spec.hint || "", title: spec.hint || "",
          "aria-label": "parameter " + name, dataset: { param: name } })));
    }
    box.hidden = !names.length;
  }

  function setParams(values) {
    renderParams([], false);
    document.querySelectorAll("#param-form input[data-param]").forEach((input) => {
      if (input.dataset.param in values) input.value = String(values[input.dataset.param]);
    });
  }

  // --- table -----------------------------------------------------------------------------
  const isNode = (v) => v && typeof v === "object" && "element_id" in v && "labels" in v;
  const isRel = (v) => v && typeof v === "object" && "element_id" in v && "type" in v && "source" in v;
  const isPath = (v) => v && typeof v === "object" && Array.isArray(v.nodes) && Array.isArray(v.relationships) && Object.keys(v).length === 2;

  function nodeChip(node) {
    return el("button", { type: "button", class: "chip node-chip lbl-" + node.label, title: (node.labels || []).join(":"),
      onclick: () => inspect(node) }, badge(node.label), " ", String(node.name));
  }

  function relChip(rel) {
    return el("button", { type: "button", class: "chip rel-chip", onclick: () => inspect(rel) }, "[:" + rel.type + "]");
  }

  function valueNode(value, depth) {
    if (value === null || value === undefined) return el("span", { class: "muted" }, "null");
    if (isNode(value)) return nodeChip(value);
    if (isRel(value)) return relChip(value);
    if (isPath(value)) {
      const parts = [];
      value.nodes.forEach((n, i) => {
        parts.push(nodeChip(n));
        if (value.relationships[i]) parts.push(" ", relChip(value.relationships[i]), " ");
      });
      return el("span", { class: "path-cell" }, parts);
    }
    if (Array.isArray(value)) {
      if (depth > 2) return el("span", {}, JSON.stringify(value));
      return el("span", { class: "list-cell" }, "[", value.map((v, i) => [i ? ", " : "", valueNode(v, depth + 1)]), "]");
    }
    if (typeof value === "object") {
      if (depth > 2) return el("span", {}, JSON.stringify(value));
      return el("span", { class: "map-cell" }, "{", Object.entries(value).map(([k, v], i) =>
        [i ? ", " : "", el("span", { class: "k" }, k + ": "), valueNode(v, depth + 1)]), "}");
    }
    return el("span", {}, String(value));
  }

  function renderTable(result) {
    const columns = result.columns || [];
    const head = el("tr", {}, columns.map((c) => el("th", {}, c)));
    const body = (result.rows || []).map((row) => el("tr", {}, row.map((v) => el("td", {}, valueNode(v, 0)))));
    const note = !(result.rows || []).length ? el("p", { class: "muted" }, "No rows. 没有结果。 Check the parameters above.") : null;
    $("result-table").replaceChildren(el("table", { class: "grid", id: "result-grid" }, el("thead", {}, head), el("tbody", {}, body)), note);
  }

  function csvCell(value) {
    let text;
    if (value === null || value === undefined) text = "";
    else if (isNode(value)) text = value.name;
    else if (isRel(value)) text = value.type;
    else if (isPath(value)) text = value.nodes.map((n) => n.name).join(" → ");
    else if (typeof value === "object") text = JSON.stringify(value);
    else text = String(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function exportCSV() {
    if (!lastResult) return null;
    const lines = [(lastResult.columns || []).map(csvCell).join(",")]
      .concat((lastResult.rows || []).map((row) => row.map(csvCell).join(",")));
    const text = "\ufeff" + lines.join("\r\n") + "\r\n";  // BOM: spreadsheets read the Chinese right
    download("govkg-query.csv", new Blob([text], { type: "text/csv;charset=utf-8" }));
    return text;
  }

  // --- inspector -----------------------------------------------------------------------------
  function pageOf(node) {
    if (node.label === "Report" || (node.labels || []).includes("Report")) return { href: "/report/" + encodeURIComponent(node.id), text: "Open report 打开报告 ↗" };
    return { href: "/entity/" + encodeURIComponent(node.id), text: "Entity page 实体页面 ↗" };
  }

  function inspect(item) {
    const box = $("inspector");
    const props = Object.entries(item.properties || {}).filter(([k]) => k !== "evidence");
    const rows = props.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, typeof v === "object" ? JSON.stringify(v) : String(v))));
    const parts = [];
    if (isNode(item)) {
      parts.push(el("h3", {}, badge(item.label), " ", item.name));
      const target = pageOf(item);
      parts.push(el("p", {}, el("a", { href: target.href, id: "inspector-link" }, target.text),
        item.label !== "Report" ? [" · ", el("a", { href: "/graph?focus=" + encodeURIComponent(item.id) }, "Explorer 图谱 ↗")] : null));
    } else {
      parts.push(el("h3", {}, "[:" + item.type + "]"));
      const evidence = (item.properties || {}).evidence;
      if (evidence) parts.push(el("p", { class: "small muted" }, "evidence: " + (Array.isArray(evidence) ? evidence.length + " sentences" : "stored")));
    }
    parts.push(el("table", { class: "grid small" }, rows));
    box.replaceChildren(...parts);
    box.hidden = false;
  }

  // --- graph ----------------------------------------------------------------------------------
  function nodeOf(n) {
    // Distinct start positions: edges between nodes that start on one point are never drawn.
    return { group: "nodes", data: Object.assign({}, n.properties || {}, { id: String(n.id), label: n.label, name: String(n.name), raw: n }, look(n.label)),
      position: { x: Math.random() * 400, y: Math.random() * 400 } };
  }

  function edgeOf(r, known) {
    if (!known.has(String(r.source)) || !known.has(String(r.target))) return null;
    return { group: "edges", data: Object.assign({}, r.properties || {}, { id: "rel-" + r.element_id, source: String(r.source), target: String(r.target), type: r.type, raw: r }) };
  }

  // The result's nodes with every relationship among them (Neo4j Browser's "connect result
  // nodes"): one more read through the same console, by element id.
  async function withRelationships(result) {
    const nodes = result.nodes || [];
    if (!nodes.length || nodes.length > GRAPH_MAX) return result;
    try {
      const more = await getJSON("/api/console", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          query: "MATCH (a)-[r]->(b) WHERE elementId(a) IN $ids AND elementId(b) IN $ids RETURN r LIMIT 5000",
          params: { ids: nodes.map((n) => n.element_id) },
        }),
      });
      const seen = new Set((result.relationships || []).map((r) => r.element_id));
      const extra = (more.relationships || []).filter((r) => !seen.has(r.element_id));
      return Object.assign({}, result, { relationships: (result.relationships || []).concat(extra), fetched: extra.length });
    } catch (error) {
      return Object.assign({}, result, { fetchError: error.message });
    }
  }

  async function renderGraph(result) {
    const note = $("graph-note");
    if (!(result.nodes || []).length) {
      if (cy) cy.elements().remove();
      note.textContent = "Nothing to draw: this result holds values (" + (result.columns || []).join(", ") +
        "), no nodes or relationships. Return nodes or paths, e.g. MATCH (n:Village) RETURN n LIMIT 25. 结果中没有节点。";
      note.hidden = false;
      $("result-graph").hidden = true;
      return;
    }
    $("result-graph").hidden = false;
    if (graphResult === null || graphResult.source !== result) {
      graphResult = await withRelationships(result);
      graphResult.source = result;
    }
    const full = graphResult;
    const nodes = full.nodes.map(nodeOf);
    const known = new Set(nodes.map((n) => n.data.id));
    const edges = (full.relationships || []).map((r) => edgeOf(r, known)).filter(Boolean);
    if (!cy) {
      cy = cytoscape({ container: $("result-graph"), style: stylesheet, minZoom: 0.05, maxZoom: 3 });
      cy.on("tap", "node", (event) => inspect(event.target.data("raw")));
      cy.on("tap", "edge", (event) => inspect(event.target.data("raw")));
      cy.on("dbltap", "node", (event) => { window.location.href = pageOf(event.target.data("raw")).href; });
    }
    cy.elements().remove();
    cy.add(nodes.concat(edges));
    paint(cy, {});
    cy.resize();
    cy.layout({ name: "fcose", animate: false, randomize: true, quality: nodes.length > 800 ? "draft" : "default" }).run();
    note.textContent = `${nodes.length} nodes, ${edges.length} relationships` +
      (full.fetched ? ` (${full.fetched} among the returned nodes fetched)` : "") +
      (full.fetchError ? ` · relationships among them not fetched: ${full.fetchError}` : "") +
      (full.nodes.length > GRAPH_MAX ? ` · over ${GRAPH_MAX} nodes: only the returned relationships` : "") +
      " · click a node to inspect it, double-click to open its page";
    note.hidden = false;
    document.body.dataset.graphDrawn = String(edges.length);
  }

  function showTab(name) {
    document.querySelectorAll(".tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
    $("result-table").hidden = name !== "table";
    $("graph-pane").hidden = name !== "graph";
    if (name === "graph" && lastResult) renderGraph(lastResult);
  }

  // --- history ----------------------------------------------------------------------------------
  function history() {
    try { return JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]"); } catch (e) { return []; }
  }

  function remember(query, params) {
    const key = JSON.stringify([query, params]);
    const items = history().filter((h) => JSON.stringify([h.query, h.params]) !== key);
    items.unshift({ query, params, at: new Date().toISOString() });
    try { localStorage.setItem(HISTORY_KEY, JSON.stringify(items.slice(0, HISTORY_MAX))); } catch (e) { /* storage full or off */ }
    renderHistory();
  }

  function renderHistory() {
    const list = $("history");
    list.replaceChildren();
    for (const item of history()) {
      const text = item.query.replace(/\s+/g, " ").slice(0, 120);
      list.append(el("li", {}, el("button", { type: "button", class: "link", title: item.query, onclick: () => {
        $("query").value = item.query;
        setParams(item.params || {});
      } }, text), " ", el("small", { class: "muted" }, item.at.slice(0, 16).replace("T", " "))));
    }
    $("history-box").hidden = !list.children.length;
  }

  // --- running --------------------------------------------------------------------------------------
  function plainError(error) {
    const body = error.body || {};
    if (body.kind === "timeout") return [body.error, ""];
    if (body.kind === "read-only") return ["Refused: this console only reads the graph, and this query would change it. Nothing was run. 只读控制台：拒绝写入。", body.error];
    if (body.kind === "busy") return [body.error, ""];
    if (error.status === 400) return ["Neo4j could not run this query:", body.error || error.message];
    return [error.message, ""];
  }

  async function run() {
    showError("");
    const query = $("query").value;
    const params = paramValues();
    $("console-status").textContent = "running…";
    const t0 = performance.now();
    delete document.body.dataset.graphDrawn;
    try {
      const result = await getJSON("/api/console", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ query, params }),
      });
      lastResult = result;
      graphResult = null;
      remember(query, params);
      renderTable(result);
      if (!$("graph-pane").hidden) await renderGraph(result);
      $("console-status").textContent = `${(result.rows || []).length} rows` + (result.truncated ? ` (cut at ${result.row_limit})` : "") +
        ` · ${(result.nodes || []).length} nodes · ${Math.round(performance.now() - t0)} ms`;
      $("export-csv").disabled = false;
      document.body.dataset.consoleDone = "ok";
    } catch (error) {
      $("console-status").textContent = "";
      $("result-table").replaceChildren();
      const [message, detail] = plainError(error);
      showError(message, detail);
      document.body.dataset.consoleDone = "error";
    }
  }

  getJSON("/api/console").then((info) => {
    examples = info.examples;
    timeoutSeconds = info.timeout;
    const select = $("example");
    for (const q of examples) select.append(el("option", { value: q.name }, q.name + (q.description ? " — " + q.description : "")));
    $("console-limits").textContent = `Read-only 只读 · timeout ${timeoutSeconds} s · at most ${info.row_limit} rows. Write queries (CREATE, MERGE, SET, DELETE, …) are refused.`;
    document.body.dataset.examplesReady = "1";
  }).catch((error) => showError(error.message));

  $("example").addEventListener("change", (event) => {
    const q = examples.find((x) => x.name === event.target.value);
    if (!q) return;
    $("query").value = q.text;
    $("example-description").textContent = q.description;
    renderParams(q.form, false);
  });
  $("query").addEventListener("input", () => {
    const q = examples.find((x) => x.name === $("example").value);
    renderParams(q ? q.form : [], true);
  });
  $("run").addEventListener("click", run);
  $("export-csv").addEventListener("click", exportCSV);
  $("clear-history").addEventListener("click", () => { localStorage.removeItem(HISTORY_KEY); renderHistory(); });
  $("query").addEventListener("keydown", (event) => { if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(); });
  document.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab)));
  renderParams([], false);
  renderHistory();
  window.govkgConsole = { get cy() { return cy; }, run, exportCSV, history, get result() { return lastResult; } };
})();
