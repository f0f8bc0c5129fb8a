// Graph explorer: Cytoscape.js over /api/entity/<id>/neighbours, /api/entity/<id>, /api/path.
(function () {
  "use strict";
  const { el, getJSON, readJSON, badge, download } = window.GovKG;
  const { stylesheet, paint } = window.GovKGGraph;
  cytoscape.use(cytoscapeFcose);

  const config = readJSON("explorer-config", {});
  const params = new URLSearchParams(window.location.search);
  const fetchLimit = Math.min(Number(params.get("limit")) || 500, 5000);
  const $ = (id) => document.getElementById(id);
  const status = $("graph-status");
  const details = $("details");

  const cy = cytoscape({
    container: $("cy"),
    style: stylesheet,
    minZoom: 0.05,
    maxZoom: 4,
    hideEdgesOnViewport: true,  // edges are most of the drawing cost while panning big views
  });

  const state = { selected: null, pathFrom: null, pathTo: null, timings: {}, bigView: false };

  function checked(containerId) {
    return new Set([...document.querySelectorAll("#" + containerId + " input:checked")].map((i) => i.value));
  }

  function setStatus(text) { status.textContent = text; }

  // --- adding data -----------------------------------------------------------
  function nodeData(node) {
    const data = Object.assign({}, node.properties || {}, {
      id: node.id, name: node.name, label: node.label, aliases: node.aliases || [],
    });
    return data;
  }

  function edgeData(rel) {
    return Object.assign({}, rel.properties || {}, {
      id: rel.id, source: rel.source, target: rel.target, type: rel.type, report_id: rel.report_id,
      year: rel.properties && rel.properties.year,
    });
  }

  function addSubgraph(data, around) {
    const origin = around && cy.getElementById(around);
    const centre = origin && origin.nonempty() ? origin.position() : { x: 0, y: 0 };
    const added = [];
    cy.batch(() => {
      for (const node of data.nodes) {
        if (cy.getElementById(node.id).nonempty()) continue;
        added.push({ group: "nodes", data: nodeData(node),
          position: { x: centre.x + (Math.random() - 0.5) * 80, y: centre.y + (Math.random() - 0.5) * 80 } });
      }
      for (const rel of data.relations) {
        if (cy.getElementById(rel.id).nonempty()) continue;
        added.push({ group: "edges", data: edgeData(rel) });
      }
      const have = new Set(cy.nodes().map((n) => n.id()).concat(added.filter((e) => e.group === "nodes").map((e) => e.data.id)));
      cy.add(added.filter((e) => e.group === "nodes" || (have.has(e.data.source) && have.has(e.data.target))));
    });
    restyle();
    applyFilters();
    return added.length;
  }

  function typeParams() {
    return [...checked("type-filter")].map((t) => "&type=" + encodeURIComponent(t)).join("");
  }

  async function expand(id, options) {
    const fresh = options && options.fresh;
    setStatus("loading…");
    const t0 = performance.now();
    const data = await getJSON("/api/entity/" + encodeURIComponent(id) + "/neighbours?depth=1&limit=" + fetchLimit + typeParams());
    const t1 = performance.now();
    if (fresh) cy.elements().remove();
    const before = cy.nodes().length;
    addSubgraph(data, id);
    const t2 = performance.now();
    if (fresh) cy.getElementById(id).addClass("focus");
    await relayout();
    const t3 = performance.now();
    state.timings = { nodes: cy.nodes().length, edges: cy.edges().length, fetch_ms: t1 - t0, render_ms: t2 - t1, layout_ms: t3 - t2, total_ms: t3 - t0 };
    setStatus(`${cy.nodes().length} nodes, ${cy.edges().length} edges (+${cy.nodes().length - before})` +
      (data.truncated ? " · truncated by the limit" : "") + ` · ${Math.round(t3 - t0)} ms`);
    return data;
  }

  // --- layout and appearance ----------------------------------------------------
  function restyle() {
    paint(cy, { sizeBy: $("size-by").value, byCommunity: $("colour-community").checked });
  }

  // Past 1,000 nodes edges are drawn as straight "haystack" lines without arrows,
  // Cytoscape's cheapest edge, so panning and zooming stay smooth.
  function edgeDetail(n) {
    const big = n > 1000;
    if (big === state.bigView) return;
    state.bigView = big;
    cy.style().selector("edge").style(big
      ? { "curve-style": "haystack", "haystack-radius": 0, "target-arrow-shape": "none" }
      : { "curve-style": "bezier", "target-arrow-shape": "triangle" }).update();
  }

  function relayout() {
    const visible = cy.elements().not(".filtered, .hidden-by-user");
    const n = visible.nodes().length;
    edgeDetail(n);
    // "auto": a force layout up to 800 nodes; past that a spiral by degree (hubs in the
    // middle), which takes a fraction of a second at 2,000 nodes where fcose takes many.
    const chosen = $("layout-name").value;
    const name = chosen === "auto" ? (n > 800 ? "spiral" : "fcose") : chosen;
    const options = { name, animate: false, fit: true, padding: 30 };
    if (name === "spiral") {
      const order = visible.nodes().sort((a, b) => b.degree() - a.degree() || (a.id() < b.id() ? -1 : 1));
      const place = new Map();
      order.forEach((node, i) => {
        const r = 36 * Math.sqrt(i), angle = i * 2.399963;  // golden angle: an even disc
        place.set(node.id(), { x: r * Math.cos(angle), y: r * Math.sin(angle) });
      });
      Object.assign(options, { name: "preset", positions: (node) => place.get(node.id()) });
    }
    if (name === "fcose") {
      // Big views: fewer force iterations and no component packing (packing dominates
      // at 2,000 nodes); "draft" (spectral only) is faster but collapses stars onto a line.
      const big = n > 800;
      Object.assign(options, { quality: "default", randomize: true, nodeRepulsion: 6000,
        idealEdgeLength: 70, numIter: big ? 300 : 2500, packComponents: !big });
    } else if (name === "concentric") {
      Object.assign(options, { concentric: (node) => node.degree(), levelWidth: () => 2, minNodeSpacing: 8 });
    } else if (name === "breadthfirst") {
      const roots = cy.nodes(".focus");
      if (roots.nonempty()) options.roots = roots;
    }
    return new Promise((resolve) => {
      const layout = visible.layout(options);
      layout.one("layoutstop", () => resolve());
      layout.run();
    });
  }

  // --- filters -------------------------------------------------------------------
  function yearRange() {
    const from = parseInt($("year-from").value, 10);
    const to = parseInt($("year-to").value, 10);
    return { from: Number.isFinite(from) ? from : null, to: Number.isFinite(to) ? to : null };
  }

  function applyFilters() {
    const labels = checked("label-filter");
    const types = checked("type-filter");
    const { from, to } = yearRange();
    const yearOn = from !== null || to !== null;
    cy.batch(() => {
      cy.edges().forEach((e) => {
        const year = Number(e.data("year"));
        const outOfRange = yearOn && Number.isFinite(year) && year > 0 &&
          ((from !== null && year < from) || (to !== null && year > to));
        e.toggleClass("filtered", !types.has(e.data("type")) || outOfRange);
      });
      cy.nodes().forEach((n) => {
        const edges = n.connectedEdges();
        const strandedByYear = yearOn && edges.nonempty() && edges.every((e) => e.hasClass("filtered")) &&
          !n.hasClass("focus") && !n.hasClass("pinned");
        n.toggleClass("filtered", !labels.has(n.data("label")) || strandedByYear);
      });
    });
    const shown = cy.nodes().not(".filtered, .hidden-by-user").length;
    setStatus(`${shown} of ${cy.nodes().length} nodes shown`);
  }

  // --- details panel ------------------------------------------------------------
  function evidenceBlock(ev) {
    const sentence = el("span", { class: "sentence" });
    let pos = 0;
    const text = ev.sentence;
    const marks = (ev.marks || []).map(([a, b]) => [a - ev.start, b - ev.start]).sort((x, y) => x[0] - y[0]);
    for (const [a0, b0] of marks) {
      const a = Math.max(a0, pos), b = Math.min(b0, text.length);
      if (a >= b) continue;
      if (a > pos) sentence.append(text.slice(pos, a));
      sentence.append(el("mark", {}, text.slice(a, b)));
      pos = b;
    }
    sentence.append(text.slice(pos));
    return el("blockquote", { class: "evidence" }, sentence, " ",
      el("a", { class: "ev-link", href: "/report/" + encodeURIComponent(ev.report_id) + "#" + ev.start },
        (ev.section ? ev.section + " " : "") + "↗"));
  }

  // Property values for people: 4 significant digits for fractions, thousands separators.
  function shown(value) {
    if (Array.isArray(value)) return value.join(", ");
    if (typeof value === "number") {
      if (Math.abs(value) >= 10000) return value.toLocaleString("en-US", { maximumFractionDigits: 2 });  // years stay 2023
      return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
    }
    return String(value);
  }

  function propList(props) {
    return Object.entries(props || {}).filter(([k, v]) => v !== null && v !== "" && !(Array.isArray(v) && !v.length) && k !== "section" && k !== "section_kind")
      .map(([k, v]) => el("span", { class: "prop" }, el("span", { class: "k" }, k), " ", el("span", { class: "v" }, shown(v))));
  }

  function button(text, handler, id) {
    return el("button", { type: "button", id, onclick: handler }, text);
  }

  async function showDetails(node) {
    state.selected = node.id();
    const id = node.id();
    const label = node.data("label");
    const actions = el("div", { class: "actions" },
      button("Expand 展开", () => expand(id), "act-expand"),
      button("Hide 隐藏", () => { node.addClass("hidden-by-user"); applyFilters(); }, "act-hide"),
      button(node.locked() ? "Unpin" : "Pin 固定", () => {
        if (node.locked()) { node.unlock(); node.removeClass("pinned"); } else { node.lock(); node.addClass("pinned"); }
        showDetails(node);
      }, "act-pin"),
      button("Path from", () => setPathEnd("from", node)), button("Path to", () => setPathEnd("to", node)));
    if (label === "Report") {
      details.replaceChildren(el("h2", {}, badge("Report"), " ", node.data("name")), actions,
        el("p", {}, el("a", { href: "/report/" + encodeURIComponent(id) }, "Open report 打开报告 ↗")));
      return;
    }
    details.replaceChildren(el("h2", {}, badge(label), " ", el("span", { class: "entity-name" }, node.data("name"))), actions,
      el("p", { class: "muted" }, "loading…"));
    let data;
    try {
      data = await getJSON("/api/entity/" + encodeURIComponent(id));
    } catch (error) {
      details.append(el("p", { class: "error-box" }, error.message));
      return;
    }
    if (state.selected !== id) return;
    const entity = data.entity;
    const parts = [
      el("h2", {}, badge(entity.label), " ", el("span", { class: "entity-name" }, entity.name)),
      actions,
      entity.aliases.length ? el("p", { class: "aliases" }, "又名 ", entity.aliases.map((a) => el("span", { class: "alias" }, a))) : null,
      el("p", { class: "props" }, propList(entity.properties)),
      el("p", {}, el("a", { href: "/entity/" + encodeURIComponent(entity.id), id: "entity-page-link" }, "Entity page 实体页面 ↗")),
    ];
    for (const group of data.groups) {
      const list = el("ul", { class: "facts" });
      for (const rel of group.relations) {
        const other = rel.other;
        const otherLink = el("a", { href: "#", class: "node-link", onclick: (event) => { event.preventDefault(); reveal(other, id); } },
          badge(other.label), " ", other.name);
        list.append(el("li", { class: "fact" },
          el("div", { class: "fact-head" }, rel.direction === "out" ? "→ " : "← ", otherLink, " ", propList(rel.properties)),
          rel.evidence.map(evidenceBlock)));
      }
      parts.push(el("details", { class: "rel-group", open: group.relations.length <= 12 },
        el("summary", {}, group.type + " (" + group.relations.length + ")"), list));
    }
    details.replaceChildren(...parts.filter(Boolean));
  }

  async function reveal(other, fromId) {
    if (cy.getElementById(other.id).empty()) await expand(fromId);
    const node = cy.getElementById(other.id);
    if (node.nonempty()) {
      cy.elements().unselect();
      node.select();
      cy.animate({ center: { eles: node }, duration: 200 });
      showDetails(node);
    }
  }

  // --- shortest path -----------------------------------------------------------------
  function setPathEnd(which, node) {
    state[which === "from" ? "pathFrom" : "pathTo"] = node.id();
    $(which === "from" ? "path-from" : "path-to").textContent = node.data("name");
  }

  async function findPath() {
    if (!state.pathFrom || !state.pathTo) { $("path-status").textContent = "Choose both ends first."; return; }
    try {
      const data = await getJSON("/api/path?source=" + encodeURIComponent(state.pathFrom) + "&target=" + encodeURIComponent(state.pathTo));
      cy.elements().removeClass("path");
      if (!data.found) { $("path-status").textContent = "No path 无路径."; return; }
      addSubgraph(data, state.pathFrom);
      const ids = data.nodes.map((n) => n.id).concat(data.relations.map((r) => r.id));
      const path = cy.collection(ids.map((i) => cy.getElementById(i)).filter((e) => e.nonempty()));
      path.removeClass("filtered hidden-by-user").addClass("path");
      $("path-status").textContent = `${data.relations.length} hops 跳`;
      cy.animate({ fit: { eles: path, padding: 60 }, duration: 300 });
    } catch (error) {
      $("path-status").textContent = error.message;
    }
  }

  // --- export ----------------------------------------------------------------------------
  function exportJSON() {
    const visible = cy.elements().not(".filtered, .hidden-by-user");
    const strip = (data) => { const copy = Object.assign({}, data); delete copy.colour; delete copy.shape; delete copy.size; return copy; };
    const payload = { nodes: visible.nodes().map((n) => strip(n.data())), edges: visible.edges().map((e) => strip(e.data())) };
    download("govkg-view.json", new Blob([JSON.stringify(payload, null, 2)], { type: "application/json" }));
    return payload;
  }

  function exportPNG() {
    const blob = cy.png({ full: true, scale: 2, bg: "#ffffff", output: "blob" });
    download("govkg-view.png", blob);
    return blob;
  }

  // --- wiring ---------------------------------------------------------------------------------
  cy.on("tap", "node", (event) => showDetails(event.target));
  cy.on("dbltap", "node", (event) => expand(event.target.id()));
  cy.on("mouseover", "node", (event) => event.target.connectedEdges().addClass("near"));
  cy.on("mouseout", "node", (event) => event.target.connectedEdges().removeClass("near"));

  document.querySelectorAll("#label-filter input, #type-filter input").forEach((i) => i.addEventListener("change", applyFilters));
  $("year-from").addEventListener("input", applyFilters);
  $("year-to").addEventListener("input", applyFilters);
  $("year-clear").addEventListener("click", () => { $("year-from").value = ""; $("year-to").value = ""; applyFilters(); });
  $("size-by").addEventListener("change", restyle);
  $("colour-community").addEventListener("change", restyle);
  $("relayout").addEventListener("click", relayout);
  $("layout-name").addEventListener("change", relayout);
  $("show-hidden").addEventListener("click", () => { cy.nodes().removeClass("hidden-by-user"); applyFilters(); });
  $("clear-graph").addEventListener("click", () => { cy.elements().remove(); details.replaceChildren(); setStatus("empty"); });
  $("export-png").addEventListener("click", exportPNG);
  $("export-json").addEventListener("click", exportJSON);
  $("path-set-from").addEventListener("click", () => { const n = cy.nodes(":selected").first(); if (n.nonempty()) setPathEnd("from", n); });
  $("path-set-to").addEventListener("click", () => { const n = cy.nodes(":selected").first(); if (n.nonempty()) setPathEnd("to", n); });
  $("path-find").addEventListener("click", findPath);
  $("explorer-search").addEventListener("govkg:pick", async (event) => {
    const hit = event.detail;
    const fresh = cy.nodes().empty();
    await expand(hit.id, { fresh });
    const node = cy.getElementById(hit.id);
    cy.elements().unselect();
    node.select();
    showDetails(node);
  });

  window.govkgExplorer = {
    cy, expand, relayout, applyFilters, exportJSON, exportPNG, showDetails,
    get timings() { return state.timings; },
  };

  if (config.focus) {
    expand(config.focus, { fresh: true }).then(() => {
      const node = cy.getElementById(config.focus);
      if (node.nonempty()) { node.select(); showDetails(node); }
      document.body.dataset.graphReady = "1";
    }).catch((error) => {
      details.replaceChildren(el("p", { class: "error-box" }, error.message));
      document.body.dataset.graphReady = "error";
    });
  } else {
    setStatus("Search for an entity to start. 搜索实体开始。");
    document.body.dataset.graphReady = "1";
  }
})();
