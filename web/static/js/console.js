// Cypher console: named examples from cypher/queries, results as a table and a graph.
(function () {
  "use strict";
  const { el, getJSON } = window.GovKG;
  const { stylesheet, paint } = window.GovKGGraph;
  cytoscape.use(cytoscapeFcose);
  const $ = (id) => document.getElementById(id);
  let examples = [];
  let cy = null;
  let lastResult = null;

  function showError(message) {
    const box = $("console-error");
    box.textContent = message;
    box.hidden = !message;
  }

  function cell(value) {
    if (value === null || value === undefined) return el("td", { class: "muted" }, "null");
    if (typeof value === "object") return el("td", {}, el("code", {}, JSON.stringify(value)));
    return el("td", {}, String(value));
  }

  function renderTable(result) {
    const columns = result.columns || [];
    const head = el("tr", {}, columns.map((c) => el("th", {}, c)));
    const body = (result.rows || []).map((row) =>
      el("tr", {}, Array.isArray(row) ? row.map(cell) : columns.map((c) => cell(row[c]))));
    $("result-table").replaceChildren(el("table", { class: "grid", id: "result-grid" }, el("thead", {}, head), el("tbody", {}, body)));
  }

  function nodeOf(n) {
    const props = n.properties || {};
    const labels = n.labels || [];
    const label = n.label || props.label || labels.find((l) => l !== "Entity" && l !== "Place") || labels[0] || "Entity";
    const id = String(n.id ?? props.id ?? n.element_id);
    // Distinct start positions: edges between nodes that start on one point are never drawn.
    return { group: "nodes", data: Object.assign({}, props, { id, label, name: String(props.name || props.title || n.name || id) }),
      position: { x: Math.random() * 400, y: Math.random() * 400 } };
  }

  function edgeOf(r, known) {
    const props = r.properties || {};
    const source = String(r.source ?? r.start ?? r.start_node);
    const target = String(r.target ?? r.end ?? r.end_node);
    if (!known.has(source) || !known.has(target)) return null;
    return { group: "edges", data: Object.assign({}, props, { id: "rel-" + String(r.id ?? r.element_id), source, target, type: r.type }) };
  }

  function renderGraph(result) {
    const nodes = (result.nodes || []).map(nodeOf);
    const known = new Set(nodes.map((n) => n.data.id));
    const edges = (result.relationships || []).map((r) => edgeOf(r, known)).filter(Boolean);
    if (!cy) cy = cytoscape({ container: $("result-graph"), style: stylesheet, minZoom: 0.05, maxZoom: 2 });
    cy.elements().remove();
    cy.add(nodes.concat(edges));
    paint(cy, {});
    cy.resize();
    cy.layout({ name: "fcose", animate: false, quality: nodes.length > 800 ? "draft" : "default" }).run();
    cy.on("dbltap", "node", (event) => { window.location.href = "/entity/" + encodeURIComponent(event.target.id()); });
  }

  function showTab(name) {
    document.querySelectorAll(".tabs button").forEach((b) => b.classList.toggle("active", b.dataset.tab === name));
    $("result-table").hidden = name !== "table";
    $("result-graph").hidden = name !== "graph";
    if (name === "graph" && lastResult) renderGraph(lastResult);
  }

  async function run() {
    showError("");
    let params;
    try {
      params = JSON.parse($("params").value || "{}");
    } catch (error) {
      showError("Parameters are not valid JSON: " + error.message);
      return;
    }
    $("console-status").textContent = "running…";
    const t0 = performance.now();
    try {
      const result = await getJSON("/api/console", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ query: $("query").value, params }),
      });
      lastResult = result;
      renderTable(result);
      if (!$("result-graph").hidden) renderGraph(result);
      $("console-status").textContent = `${(result.rows || []).length} rows` + (result.truncated ? ` (cut at ${result.row_limit})` : "") +
        ` · ${(result.nodes || []).length} nodes · ${Math.round(performance.now() - t0)} ms`;
      document.body.dataset.consoleDone = "ok";
    } catch (error) {
      $("console-status").textContent = "";
      $("result-table").replaceChildren();
      showError(error.message);
      document.body.dataset.consoleDone = "error";
    }
  }

  getJSON("/api/console").then((info) => {
    examples = info.examples;
    const select = $("example");
    for (const q of examples) select.append(el("option", { value: q.name }, q.name + (q.description ? " — " + q.description : "")));
    $("console-limits").textContent = `Read-only 只读 · timeout ${info.timeout} s · at most ${info.row_limit} rows. Write queries (CREATE, MERGE, SET, DELETE, …) are refused.`;
  }).catch((error) => showError(error.message));

  $("example").addEventListener("change", (event) => {
    const q = examples.find((x) => x.name === event.target.value);
    if (!q) return;
    $("query").value = q.text;
    $("example-description").textContent = q.description;
    $("params").value = JSON.stringify(Object.fromEntries(q.params.map((p) => [p, ""])), null, 1);
  });
  $("run").addEventListener("click", run);
  window.govkgConsole = { get cy() { return cy; }, run };
  $("query").addEventListener("keydown", (event) => { if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run(); });
  document.querySelectorAll(".tabs button").forEach((b) => b.addEventListener("click", () => showTab(b.dataset.tab)));
})();
